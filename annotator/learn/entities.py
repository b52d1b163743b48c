"""The entity tagger learnt from gold: a character-level linear-chain CRF (python-crfsuite).

Pure (no SQL, no Qt). It satisfies the learner interface of :mod:`annotator.learn`
(``KIND``, ``MIN_PAGES``, ``train``, ``cross_validate``, ``load``) and is used by import
and ``annotator suggest`` beside the rules (``annotator.suggest.suggest_spans(tagger=…)``).

**Units.** A sequence is one line of a done page (lines of ``other`` blocks, page
furniture that reviewers do not annotate, are left out); its tags are BIO over the labels
of the page's *accepted* spans, whatever they are (PER, ORG, LOC, DATE, FIGURE or a
project label): the model learns the labels its gold has.

**Features** of the character at ``i`` (all binary; :func:`features`):

- the characters ``i-1 … i+1``, the two pairs with ``i``, and the classes of the three
  (Han, digit, Chinese numeral, Latin, punctuation, space, other; a Han character in a
  single-character lexicon, surnames, transliteration or given-name characters, has
  that list's code instead). Measured on the dev portion of a public corpus, a wider
  window (``i±2``, more pairs, the triple) scored the same and costs time;
- words: forward longest match over jieba's dictionary (its words and their POS tags, as
  ``jieba.posseg`` uses them; jieba's own ``cut`` is five times slower than the budget of
  200,000 characters a second allows): the position of ``i`` in its word (B/M/E/S) with
  the word's POS. Worth 6 points of F1 (0.68 without, 0.74 with); and the same feature
  of ``i-1`` and ``i+1`` (``w-1``, ``w+1``: a name stands after a verb, before a title);
- lexicons (:func:`lexicon_words`, the only place that knows which): known places and
  organisations (national bodies and, since format 5, the agencies, parties and companies
  of ``orgs_known``: ORG on MSRA dev slices +0.005 of F1 on average), place words,
  organisation suffixes, titles and roles, speech verbs matched in the line;
- the rule suggesters' own candidates (``annotator.suggest.rule_spans``, unresolved):
  ``B-``/``I-`` of each rule label covering ``i`` (stacking: the model learns when to
  trust the rules); ``o=B-``/``o=I-`` of the candidates inside no longer one, with their
  label on the characters just before and after them (``o=>``, ``o=<``) (formats 6 and 7:
  ORG on MSRA dev slices +0.002 and +0.003 of F1 on average, LOC +0.002 and +0.001);
  and (format 8) what the rules alone would suggest, ``f=B-``/``f=I-``/``f=E-``/``f=S-``
  with ``f=>``/``f=<`` beside it, where the model learns where their spans' edges are
  wrong. Trained on 500 sentences of an MSRA dev slice and held out by article, the
  model alone went from F1 0.729 to 0.743 (LOC 0.753 to 0.759, ORG 0.757 to 0.780), on
  the slice's test part from 0.734 to 0.766 (ORG 0.605 to 0.667); the candidates' own
  edges (``r=>``, ``r=<``, formats 4 to 7) then changed no score and were left out.

  Trained on 5,000 sentences of one public corpus, the neighbours' words and the edges
  of the rules' spans gained on two dev portions of it (all labels, exact F1 0.836 to
  0.841, 0.819 to 0.823) and on the dev portion of another paper (0.750 to 0.762, PER
  0.812 to 0.828). A wider window, the triple of characters, classes of ``i±2``,
  neighbours' lexicon words and other penalties gained on at most one of them.

**The rules kept.** With little gold the tagger alone loses names the rules found: it
has seen too few of them to trust a rule it never saw right. So the model's suggestions
(:class:`EntityModel`) are the tagger's spans plus, for the labels in its ``keeps``, the
rules' own suggestions that no span of the tagger overlaps: it contradicts a rule by
tagging something else there. Which labels keep them is decided by cross-validation
(:func:`kept_labels`: keeping must score at least as well as the tagger alone). On the
slice above, all labels F1 0.743 to 0.761 (rules 0.767), on its test part 0.766 to 0.786
(rules 0.768; ORG 0.667 to 0.728). A label may keep only its one-character spans
(``LOC:1``: 中俄, 访华, 俄经济) or only its longer ones (``LOC:n``), when that scored
better still: trained on 5,000 sentences of one paper, whose gold holds few of the
one-character places of foreign news, the tagger left them out on text of other
sections (its LOC 0.827 where the rules had 0.873). And (format 9) a span of the tagger
less sure than a bound chosen by cross-validation (:func:`yield_below`) yields to the kept
one-character rule spans it covers (巴方 read as a person, 中日 as one place), and one less
sure than another such bound (:func:`relabel_below`) takes the label the rules give the
same characters (阿根廷 read as an organisation before 政府).

**Confidence** of a predicted span: the *smallest* marginal probability, over its
characters, of the tag the model chose (a span is as sure as its least sure character;
for a rule's span kept, of the tags of that span), stored in the suggestion's ``attrs`` as ``{"confidence": 0.93}``. Gold export leaves the
key out (``formats.gold_jsonl``): it describes the suggestion, not the entity.

**Determinism.** The same pages in the same order give the same bytes: features are
built in text order, L-BFGS has no randomness, and crfsuite writes no time stamp.

**Tagging rows.** A loaded model gives its tagger, of each character's features, only
those it has a weight for (:class:`_Rows`, found in tables of its attributes, as bytes):
crfsuite skips the others anyway, so the tags and marginals are the same to the last
bit, and it is spared encoding, copying and looking up the strings (pycrfsuite copies each
attribute three or four times on its way in: some 650 instructions an attribute). On
14,890 characters of a public news corpus with a model of 4,445 attributes trained on
them, tagging took 25,600 instructions a character instead of 29,700 (callgrind; of a
character's nine dense features the model had 6.3, most pairs missing); on a loaded
machine, pages of 20 sentences 118,000 → 147,000 characters a second (medians of
alternating runs of ``bench/entity_speed.py --per-page 20``), pages of one sentence
141,000 → 145,000 (noise). What is left is pycrfsuite's handing over of the rows (41% of
the instructions), the jieba word walk and the making of the rows in Python: past
200,000 characters a second needs them compiled (a builder that gives crfsuite attribute
identifiers, not strings).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from typing import Any

from annotator.code_units import LONE_SURROGATE, code_units
from annotator.learn import GoldPages
from annotator.numerals import CHINESE_NUMERALS

KIND = "entities"
MIN_PAGES = 5
# bump when the features change: older models are refused (format 8, the same features
# without the line of yields, is read as it was)
FORMAT = b"annotator-entities-crf 9\n"
# The line after FORMAT names the labels whose rule suggestions the model replaces, the
# next the labels whose rule suggestions it keeps where it tags nothing over them, the
# next below which confidence a span of the tagger yields to kept one-character rule
# spans (format 9; a format-8 model, the same features, has no such line and never yields),
# the next below which it takes the label of a rule suggestion of the same characters.
_FORMAT_8 = b"annotator-entities-crf 8\n"
_REPLACES = b"replaces "
_KEEPS = b"keeps "
_YIELDS = b"yields "
_RELABELS = b"relabels "
_EVERY = b"*"

Entity = tuple[int, int, str]
Sentence = tuple[str, Sequence[Entity]]
Candidate = tuple[int, int, str, dict[str, Any]]

# L1 and L2 penalties and iterations. First chosen on the dev portion of the corpus trained
# on (c1 0.05 to 0.15, c2 0.01 to 0.02, 100 to 120 iterations scored alike there); but the
# model is used on other papers, and on text it never saw a stronger L2 penalty and fewer
# iterations generalise better. Trained on 5,000 sentences of one public corpus (exact F1
# of the tagger alone, all labels) on untuned news text of another corpus, c2 0.02 / 0.1 /
# 0.2 / 0.5 / 1.0 / 2.0 gave 0.775 / 0.778 / 0.781 / 0.790 / 0.796 / 0.797, on a fresh dev
# portion of the corpus itself 0.787 / 0.801 / 0.803 / 0.806 / 0.810 / 0.804; another
# slice of 5,000 sentences agreed (c2 0.02 → 1.0: 0.823 → 0.826, 0.785 → 0.802). More
# iterations fit the paper trained on (150: 0.761, 0.786); at c2 1.0, 40 / 60 / 80 / 100
# gave 0.792 / 0.799 / 0.798 / 0.796 and 0.805 / 0.811 / 0.809 / 0.810: 60 take 40% less
# time. c1 0.05 or 0.3 beside c2 0.5 or 0.2 changed nothing beyond noise.
# crfsuite's penalties do not grow with the gold (its log-likelihood does), so the L2
# penalty is given a sentence of gold (1.0 for 5,000 sentences), never below 0.02: a window
# retraining on a few done pages must not be held down by the penalty meant for thousands
# (on 1,000 sentences and 60 iterations, c2 0.2 against 0.02: 0.772 against 0.776 and
# 0.746 against 0.731, 1.0 gave 0.766 and 0.743; the former 0.02 and 100: 0.770, 0.721).
TRAIN_PARAMS: dict[str, Any] = {
    "c1": 0.15,
    "c2": 0.02,
    "max_iterations": 60,
    "feature.possible_transitions": True,
}
# the L2 penalty a sentence of gold (see above)
C2_PER_SENTENCE = 1.0 / 5000


def train_params(count: int) -> dict[str, Any]:
    """The crfsuite parameters of a training on ``count`` sentences (:data:`TRAIN_PARAMS`,
    the L2 penalty grown with the gold by :data:`C2_PER_SENTENCE`)."""
    return {**TRAIN_PARAMS, "c2": max(TRAIN_PARAMS["c2"], count * C2_PER_SENTENCE)}


_lock = threading.Lock()
_cache: dict[str, Any] = {}


# --- lexicons and the word dictionary --------------------------------------------------

# lexicon words matched in a line, by the kind the model sees (a word in several lists
# takes the first kind here)
_WORD_LISTS: tuple[tuple[str, str], ...] = (
    ("orgs_national", "org"),
    ("orgs_known", "org"),
    ("places_provinces_full", "place"),
    ("places_provinces_short", "place"),
    ("places_prefectures", "place"),
    ("places_countries", "place"),
    ("places_world_cities", "place"),
    ("places_natural", "place"),
    ("places_abbreviation_groups", "place"),
    ("places_local", "place"),
    ("places_generic", "area"),
    ("places_foreign_tails", "area"),
    ("orgs_suffixes", "orgsuffix"),
    ("people_titles", "title"),
    ("people_roles", "title"),
    ("people_speech_verbs", "speech"),
)
# single characters marked in the character class (a character in several lists takes
# the first code): surname, transliteration of a foreign name, common given-name character
_CHAR_LISTS: tuple[tuple[str, str], ...] = (
    ("people_surnames", "X"),
    ("people_translit_chars", "T"),
    ("places_translit_chars", "T"),
    ("people_given_common", "G"),
)


def lexicon_words() -> tuple[dict[str, str], dict[str, str]]:
    """Single characters with their class code, and lexicon words of two or more
    characters with their kind.

    The one function that knows which lexicons of ``resources/lexicon/`` (and a
    project's own, through :mod:`annotator.lexicon`) the tagger uses. A list that cannot
    be found is left out (the model learns without it) rather than breaking the tagger.
    """
    chars: dict[str, str] = {}
    for name, code in _CHAR_LISTS:
        for word in _lexicon_list(name):
            if len(word) == 1:
                chars.setdefault(word, code)
    words: dict[str, str] = {}
    for name, kind in _WORD_LISTS:
        for word in _lexicon_list(name):
            if len(word) > 1:
                words.setdefault(word, kind)
    return chars, words


def _lexicon_list(name: str) -> tuple[str, ...]:
    from annotator import lexicon

    try:
        return lexicon.words(name)
    except Exception:  # a lexicon renamed or missing: learn without it
        return ()


class _Matcher:
    """Longest non-overlapping dictionary words of a line (leftmost first), by a
    pyahocorasick automaton over the line's UTF-16 code units, one byte a letter.

    Why bytes: an automaton over whole characters has thousands of branches at its root
    and walks them one by one (2 µs a character over jieba's dictionary); over bytes a
    node has at most 256, three times faster. A match must start and end on a character
    boundary (a word's letters are whole code units), which :meth:`words` checks.

    Why not ``ahocorasick_rs`` (the page scan's): its leftmost-longest search finds words
    that ``iter_long``'s walk misses (``市委`` at the end of ``南南湖委委市阳阳衡南市委`` with
    ``南市委委`` among the words), which would change the features the models were trained
    on (though it did in none of 148 pages of dev_a and the seeds); and it builds jieba's
    dictionary in 0.74 s of CPU against 0.53 s, more than its faster search saves a
    process below some two million characters.
    """

    def __init__(self, items: Iterable[tuple[str, Any]]) -> None:
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        for word, value in items:
            self.automaton.add_word(code_units(word)[0], (len(word), value))
        if len(self.automaton):
            self.automaton.make_automaton()

    def words(self, units: str) -> list[tuple[int, int, Any]]:
        """``(start, end, value)`` of the words found in a text given as its
        :func:`annotator.code_units.code_units`, in text order.

        A match that starts on the second byte of a code unit (the bytes of two
        neighbouring characters can spell a word) is no word: the search starts again
        at the next character boundary, so that a word inside or after it is not lost."""
        if not len(self.automaton):
            return []
        out: list[tuple[int, int, Any]] = []
        start: int | None = 0
        while start is not None and start < len(units):
            start = self._aligned(units, start, out)
        return out

    def _aligned(self, units: str, start: int, out: list[tuple[int, int, Any]]) -> int | None:
        """Add the words found from byte ``start`` on to ``out``; the byte to search on
        from after a misaligned match, or None at the end of the text."""
        for last, (length, value) in self.automaton.iter_long(units, start):
            if last & 1:
                out.append(((last >> 1) + 1 - length, (last >> 1) + 1, value))
            else:  # bytes last+1-2*length .. last: it starts mid-character, at an odd byte
                return last + 2 - 2 * length
        return None


def _matcher(kind: str) -> _Matcher:
    """The matcher (built once per process) of ``words`` (jieba's dictionary with POS)
    or ``lexicon`` (the word lists of :func:`lexicon_words`)."""
    built: _Matcher | None = _cache.get(kind)  # once built, read without the lock
    if built is not None:
        return built
    with _lock:
        if kind not in _cache:
            # a word's value: the feature strings of each of its characters (words: B, M…,
            # E, one tuple per POS and length) or of its first and other characters
            # (lexicon, one tuple per kind)
            strings: dict[Any, tuple[str, ...]] = {}
            if kind == "words":
                items = [
                    (
                        w,
                        strings.get((pos, len(w)))
                        or strings.setdefault((pos, len(w)), _word_strings(pos, len(w))),
                    )
                    for w, pos in _dictionary()
                ]
            else:
                items = [
                    (w, strings.get(k) or strings.setdefault(k, ("x=B" + k, "x=I" + k)))
                    for w, k in sorted(lexicon_words()[1].items())
                ]
            _cache[kind] = _Matcher(items)
        return _cache[kind]


def _word_strings(pos: str, length: int) -> tuple[str, ...]:
    """The word features of the characters of a word of ``length`` (two or more)."""
    return ("w=B" + pos, *["w=M" + pos] * (length - 2), "w=E" + pos)


def _dictionary() -> Iterable[tuple[str, str]]:
    """jieba's dictionary words of two or more characters, with their POS tag."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # jieba imports pkg_resources
            import jieba
    except ImportError:  # a broken install: tag without word features rather than fail
        return
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            word, freq, pos = line.split()
            if len(word) > 1 and int(freq) >= 3:
                yield word, pos


# --- features --------------------------------------------------------------------------

_NUMERALS = CHINESE_NUMERALS


def char_class(ch: str) -> str:
    """H Han, N Chinese numeral, D digit, L letter, P punctuation, S space, O other.

    (The tagger's classes add the codes of :func:`lexicon_words` to Han characters.)"""
    if ch in _NUMERALS:
        return "N"
    if ch.isdigit():
        return "D"
    if ch.isspace():
        return "S"
    if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000":
        return "H"
    if ch.isalpha():
        return "L"
    if unicodedata.category(ch)[0] in "PS":
        return "P"
    return "O"


class _Classes(dict[int | str, str]):
    """A character (or its code point, a ``str.translate`` table) to its class letter,
    the lexicon's code for Han characters in a single-character list; filled as
    characters are first seen.

    The features look the characters up (a list of them, ``map``): a character's string
    keeps its hash for the lookups of its other features, where ``str.translate`` made
    an integer of every code point to look up (770 instructions a character against
    some 300)."""

    def __init__(self, codes: dict[str, str]) -> None:
        # the padding around a line
        super().__init__({0x02: "^", 0x03: "$", "\x02": "^", "\x03": "$"})
        self.codes = codes

    def __missing__(self, key: int | str) -> str:
        ch = chr(key) if isinstance(key, int) else key
        cls = char_class(ch)
        if cls == "H":
            cls = self.codes.get(ch, "H")
        self[key] = cls
        return cls


def _classes() -> _Classes:
    built: _Classes | None = _cache.get("classes")  # once built, read without the lock
    if built is not None:
        return built
    with _lock:
        if "classes" not in _cache:
            _cache["classes"] = _Classes(lexicon_words()[0])
        return _cache["classes"]


def features(text: str, rules: Iterable[Entity] = ()) -> list[tuple[str, ...]]:
    """The feature strings of each character of one line ``text``; ``rules`` are the rule
    candidates ``(start, end, label)`` over it.

    A character's features:

    - ``c0``, ``c-1``, ``c1``: the character and its neighbours; ``b-1``, ``b0``: the
      pairs it is in; ``k``: the classes of the three (:class:`_Classes`);
    - ``w``: its position in its dictionary word (B/M/E, S alone) with the word's POS;
      ``w-1``, ``w+1``: the same of the characters before and after it;
    - ``x``: B/I of each lexicon word covering it, with the word's kind;
    - ``r``: B-/I- of each rule candidate covering it, with the rule's label; ``o``:
      B-/I- of the candidates inside no longer one, ``o=>`` and ``o=<`` beside them;
      ``f``: B-/I-/E-/S- of what the rules would suggest, ``f=>`` and ``f=<`` beside it.

    Built by :func:`features_of_lines` (one line is a page of one line), so that training
    and tagging can never read a line differently.
    """
    return features_of_lines([text], [rules])[0] if text else []


def features_of_lines(
    lines: Sequence[str],
    rules: Sequence[Iterable[Entity]],
    suggested: Sequence[Sequence[Entity]] | None = None,
) -> list[list[tuple[str, ...]]]:
    """The features (:func:`features`) of each of ``lines`` (none empty) with its rule
    candidates, made in one pass over all of them; ``suggested`` are each line's
    :func:`rule_suggestions` when the caller has them already.

    Each line is padded alone (``\x02`` before, ``\x03`` after) and the padded lines are
    joined, so that the work done once a text (two dictionary searches, the classes, the
    columns and the comprehension) is done once a page: on pages of 20 news sentences
    (``bench/entity_speed.py --per-page 20``) tagging is about 10% faster than line by
    line. No word crosses a padding character, whose own word feature is what its
    neighbours read at the edge of a line (``w-1=^``, ``w+1=$``). The rows are made in one
    comprehension (f-strings, no intermediate columns): 1.5 times as fast as a list per
    feature zipped, which matters at 200,000 characters a second."""
    chars, cls, words, lexicon = _columns(lines)
    previous = [*map(_PREVIOUS_WORD.__getitem__, words[:-2])]
    following = [*map(_NEXT_WORD.__getitem__, words[2:])]
    # row i is the character at i + 1 of the joined text (the rows of the padding
    # characters between two lines are made and left out)
    columns = zip(
        chars[:-2], chars[1:-1], chars[2:], cls[:-2], cls[1:-1], cls[2:], words[1:-1],
        previous, following,
        strict=True,
    )  # fmt: skip
    rows: list[tuple[str, ...]] = [
        ("c0=" + c, "c-1=" + b, "c1=" + a, f"b-1={b}{c}", f"b0={c}{a}", f"k={x}{y}{z}", w, p, f)
        for b, c, a, x, y, z, w, p, f in columns
    ]
    for s, e, (begin, inside) in lexicon:
        rows[s - 1] += (begin,)
        for j in range(s, e - 1):
            rows[j] += (inside,)
    return _split_rows(rows, lines, rules, suggested)


def _columns(
    lines: Sequence[str],
) -> tuple[list[str], list[str], list[str], list[tuple[int, int, Any]]]:
    """The characters of the padded lines joined, their classes, each character's word
    feature and the lexicon words found (``(start, end, (begin, inside))`` over the
    joined text).

    The characters are one list of strings: each slice of it shares them, where slices
    of the text would each make a string a character, and each keeps its hash for the
    lookups of its features."""
    joined = "".join(["\x02" + line + "\x03" for line in lines])
    if LONE_SURROGATE.search(joined):
        # a lone surrogate (a JSON "\ud800" escape) cannot be encoded for crfsuite, which
        # would refuse the line: it reads as U+FFFD, one code point for one (offsets hold)
        joined = LONE_SURROGATE.sub("\ufffd", joined)
    units = code_units(joined)[0]
    if "\x00" in joined:  # a NUL reads as \x01, as the models trained so far saw it
        joined = joined.replace("\x00", "\x01")
    chars = [*joined]
    cls = [*map(_classes().__getitem__, chars)]
    words = _word_column(units, len(joined))
    at = 0
    for line in lines:
        words[at] = "w=^"
        at += len(line) + 1
        words[at] = "w=$"
        at += 1
    return chars, cls, words, _matcher("lexicon").words(units)


def _split_rows(
    rows: list[tuple[str, ...]],
    lines: Sequence[str],
    rules: Sequence[Iterable[Entity]],
    suggested: Sequence[Sequence[Entity]] | None,
) -> list[list[tuple[str, ...]]]:
    """The rows of each line (those of the padding between lines left out), each line's
    rule features added."""
    out = []
    at = 0
    for k, (line, line_rules) in enumerate(zip(lines, rules, strict=True)):
        mine = rows[at : at + len(line)]
        marks = _rule_marks(len(line), line_rules, None if suggested is None else suggested[k])
        for j, name in marks:
            mine[j] += (name,)
        out.append(mine)
        at += len(line) + 2
    return out


def _rule_marks(
    length: int, rules: Iterable[Entity], suggested: Sequence[Entity] | None
) -> list[tuple[int, str]]:
    """The rule features of a line of ``length`` characters, ``(character, feature)`` in
    the order they are added to its rows: B-/I- of each rule candidate over the characters
    it covers; then the outer candidates (:func:`_outer_marks`) and what the rules would
    suggest (:func:`_kept_marks`), each with its label on the characters just before and
    after it: where a rule's span ends is what the model most often corrects (a name's
    neighbour pulled in or left out). (Format 8 left out the candidates' own
    ``r=>``/``r=<``: beside ``f=>``/``f=<`` they changed no score on a public corpus's dev
    portion, and cost time.)"""
    rules = list(rules)
    marks: list[tuple[int, str]] = []
    add = marks.append
    for s, e, label in rules:
        add((s, "r=B-" + label))
        inside = "r=I-" + label
        for j in range(s + 1, e):
            add((j, inside))
    if rules:
        _outer_marks(marks, length, rules)
        _kept_marks(marks, length, rule_suggestions(rules) if suggested is None else suggested)
    return marks


def _kept_marks(marks: list[tuple[int, str]], length: int, suggested: Sequence[Entity]) -> None:
    """``f=B-``/``f=I-``/``f=E-``/``f=S-`` of what the rules alone would suggest
    (:func:`rule_suggestions`), and its label just before (``f=>``) and after (``f=<``)
    it: the rules' own answer, begin, inside and end apart, so that a model trained on
    little gold can copy it whole (its last character too: a place's 花 in 攀枝花 was
    left out when only ``r=I-`` said it belonged)."""
    add = marks.append
    for s, e, label in suggested:
        if e - s == 1:
            add((s, "f=S-" + label))
        else:
            add((s, "f=B-" + label))
            inside = "f=I-" + label
            for j in range(s + 1, e - 1):
                add((j, inside))
            add((e - 1, "f=E-" + label))
        if s:
            add((s - 1, "f=>" + label))
        if e < length:
            add((e, "f=<" + label))


def rule_suggestions(rules: Iterable[Entity]) -> list[Entity]:
    """The rule candidates the suggesters would keep (their overlap rule,
    ``annotator.suggest.resolve_rule_triples``), as ``(start, end, label)`` in text order."""
    rules = list(rules)
    if len(rules) < 2:  # most lines: nothing to resolve
        return rules
    from annotator.suggest import resolve_rule_triples

    return resolve_rule_triples(rules)


def _outer_marks(marks: list[tuple[int, str]], length: int, rules: Sequence[Entity]) -> None:
    """``o=B-``/``o=I-`` of the rule candidates inside no longer one (the first of equal
    ones), and their label just before (``o=>``) and after (``o=<``) them: the span the
    rules themselves would keep, the longer winning (日本环境厅, not its place 日本), which
    the candidates alone do not tell the model."""
    add = marks.append
    taken: list[tuple[int, int]] = []
    for s, e, label in sorted(rules, key=_longest_first):
        if any(a <= s and e <= b for a, b in taken):
            continue
        taken.append((s, e))
        add((s, "o=B-" + label))
        inside = "o=I-" + label
        for j in range(s + 1, e):
            add((j, inside))
        if s:
            add((s - 1, "o=>" + label))
        if e < length:
            add((e, "o=<" + label))


def _longest_first(rule: Entity) -> int:
    return rule[0] - rule[1]


class _Renamed(dict[str, str]):
    """A word feature (``w=BNS``) under another name (``w-1=BNS``), made once a string."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __missing__(self, feature: str) -> str:
        renamed = self.name + feature[1:]
        self[feature] = renamed
        return renamed


_PREVIOUS_WORD = _Renamed("w-1")
_NEXT_WORD = _Renamed("w+1")


def _word_column(units: str, n: int) -> list[str]:
    """Each character's position in its dictionary word (B/M/E, S alone) with the POS.

    The words are :meth:`_Matcher.words`' (the same walk, its misaligned matches dropped
    alike), written into the column as they are found: no list of words in between."""
    column = ["w=S"] * n
    automaton = _matcher("words").automaton
    if not len(automaton):
        return column
    start = 0
    while start < len(units):
        for last, (length, strings) in automaton.iter_long(units, start):
            if last & 1:
                end = (last >> 1) + 1
                column[end - length : end] = strings
            else:  # it starts mid-character, at an odd byte: search on from the next one
                start = last + 2 - 2 * length
                break
        else:
            break
    return column


# --- the rows a model tags -------------------------------------------------------------

# the feature that stands for one a model has no weight for: crfsuite looks it up and
# skips it, as it skips any attribute it does not know
_NOTHING = b""


class _Rows:
    """The rows a loaded model's tagger is given: of each character's features
    (:func:`features_of_lines`, whose work this shares), those the model has a weight
    for, as the UTF-8 bytes crfsuite reads, in the same order.

    crfsuite skips an attribute its model does not know (training keeps only the
    attributes of features with a weight), so a row without them scores the same: the
    same sums in the same order, the same tags and marginals to the last bit. What it
    saves: encoding, copying and looking up the strings it has no weight for (L1 leaves
    few character pairs: of a character's nine dense features a model had no weight for
    2.7 even on the text it was trained on, nine pairs in ten). The nine features every character has are found
    in tables of the model's attributes, keyed by what they are made of (the character,
    the pair, the classes, the word feature), each table searched over a whole column by
    ``map`` and the columns zipped into rows, without a Python frame a character; a
    feature the model lacks is :data:`_NOTHING`. The sparse ones (lexicon words, rule
    candidates) are made as for training and kept when the model has them."""

    def __init__(self, names: Iterable[bytes]) -> None:
        self.c0: dict[str, bytes] = {}
        self.cm: dict[str, bytes] = {}
        self.cp: dict[str, bytes] = {}
        self.bm: dict[tuple[str, str], bytes] = {}
        self.bp: dict[tuple[str, str], bytes] = {}
        self.k: dict[tuple[str, str, str], bytes] = {}
        self.w: dict[str, bytes] = {}
        self.wm: dict[str, bytes] = {}
        self.wp: dict[str, bytes] = {}
        self.other: dict[str, bytes] = {}
        chars = {"c0": self.c0, "c-1": self.cm, "c1": self.cp}
        pairs = {"b-1": self.bm, "b0": self.bp}
        words = {"w": self.w, "w-1": self.wm, "w+1": self.wp}
        for raw in names:
            try:
                name = raw.decode("utf-8")
            except UnicodeDecodeError:  # no feature of ours: nothing to find it by
                continue
            head, _, value = name.partition("=")
            if head in chars and len(value) == 1:
                chars[head][value] = raw
            elif head in pairs and len(value) == 2:
                pairs[head][value[0], value[1]] = raw
            elif head == "k" and len(value) == 3:
                self.k[value[0], value[1], value[2]] = raw
            elif head in words:
                words[head]["w=" + value] = raw
            else:
                self.other[name] = raw

    def rows(
        self,
        lines: Sequence[str],
        rules: Sequence[Iterable[Entity]],
        suggested: Sequence[Sequence[Entity]],
    ) -> list[list[tuple[bytes, ...]]]:
        """The rows of each of ``lines`` (none empty), as :func:`features_of_lines` makes
        them but of the features the model has."""
        chars, cls, words, lexicon = _columns(lines)
        rows = self._dense(chars, cls, words)
        other = self.other
        for s, e, (begin, inside) in lexicon:
            raw = other.get(begin)
            if raw is not None:
                rows[s - 1] += (raw,)
            raw = other.get(inside)
            if raw is not None:
                for j in range(s, e - 1):
                    rows[j] += (raw,)
        out = []
        at = 0
        for line, line_rules, line_suggested in zip(lines, rules, suggested, strict=True):
            mine = rows[at : at + len(line)]
            if line_rules:
                for j, name in _rule_marks(len(line), line_rules, line_suggested):
                    raw = other.get(name)
                    if raw is not None:
                        mine[j] += (raw,)
            out.append(mine)
            at += len(line) + 2
        return out

    def _dense(self, chars: list[str], cls: list[str], words: list[str]) -> list[tuple[bytes, ...]]:
        """The features every character has (:func:`_columns`' columns), those the model
        lacks :data:`_NOTHING` but the pairs, which only the rows that have them get."""
        before, here, after = chars[:-2], chars[1:-1], chars[2:]
        nothing = repeat(_NOTHING)
        rows: list[tuple[bytes, ...]] = list(
            zip(
                map(self.c0.get, here, nothing),
                map(self.cm.get, before, nothing),
                map(self.cp.get, after, nothing),
                map(self.k.get, zip(cls[:-2], cls[1:-1], cls[2:], strict=True), nothing),
                map(self.w.get, words[1:-1], nothing),
                map(self.wm.get, words[:-2], nothing),
                map(self.wp.get, words[2:], nothing),
                strict=True,
            )
        )
        # The pairs the model has (L1 leaves few: nine in ten are missing) go into their
        # rows in their place after the characters, ``b-1`` before ``b0``: the other rows
        # are spared a missing feature, which costs pycrfsuite and crfsuite some 600
        # instructions, as much as a found one (the filter that drops every missing
        # feature, a tuple a row, costs more than it saves).
        previous = [*map(self.bm.get, zip(before, here, strict=True))]
        for j in compress(count(), previous):
            row = rows[j]
            rows[j] = (*row[:3], previous[j], *row[3:])
        for j in compress(count(), map(self.bp.get, zip(here, after, strict=True))):
            row = rows[j]
            at = 3 if previous[j] is None else 4
            rows[j] = (*row[:at], self.bp[here[j], after[j]], *row[at:])
        return rows


def attribute_names(model: bytes) -> list[bytes]:
    """The attributes of a crfsuite model (what :class:`_Rows` keeps), read from its
    bytes: the model file's attribute dictionary (a CQDB) in identifier order.

    Read from the bytes rather than ``Tagger.info()``, which writes the whole model out
    as text and parses it (0.05 s for a model of 53,000 characters of gold, more for
    larger ones, at every load: a fold of cross-validation loads one). Bytes of another
    layout raise ``ValueError``."""
    import struct

    try:
        if model[:4] != b"lCRF":
            raise ValueError("no crfsuite model")
        # the header: magic, size, type, version, then the counts of features, labels
        # and attributes and the offsets of their blocks
        count = struct.unpack_from("<I", model, 24)[0]
        at = struct.unpack_from("<I", model, 36)[0]
        if count == 0:
            return []
        # the CQDB header: "CQDB", size, flag, byte order, size and offset of the
        # backward array (identifier -> offset of the record: id, size, the NUL-ended key)
        if (
            model[at : at + 4] != b"CQDB"
            or struct.unpack_from("<I", model, at + 12)[0] != 0x62445371
        ):
            raise ValueError("no crfsuite attribute dictionary")
        backward_size, backward = struct.unpack_from("<2I", model, at + 16)
        if backward_size < count or not backward:
            raise ValueError("a crfsuite attribute dictionary without identifiers")
        names = []
        for offset in struct.unpack_from(f"<{count}I", model, at + backward):
            record = at + offset
            size = struct.unpack_from("<I", model, record + 4)[0]
            names.append(model[record + 8 : record + 7 + size])
        return names
    except struct.error as error:
        raise ValueError(f"not a crfsuite model: {error}") from error


def bio_tags(length: int, entities: Iterable[Entity]) -> list[str]:
    """BIO tags of a line; an entity overlapping an earlier one is left out."""
    tags = ["O"] * length
    for s, e, label in sorted(entities):
        if 0 <= s < e <= length and all(t == "O" for t in tags[s:e]):
            tags[s] = "B-" + label
            for j in range(s + 1, e):
                tags[j] = "I-" + label
    return tags


def rule_entities(text: str) -> list[Entity]:
    """The rule suggesters' candidates over ``text``, unresolved (a model feature)."""
    from annotator.suggest import rule_spans

    return [(s.start, s.end, s.label) for s in rule_spans(text)]


# --- gold ------------------------------------------------------------------------------


def gold_sentences(pages: GoldPages) -> list[Sentence]:
    """The lines of gold pages with their accepted spans (offsets within the line)."""
    out: list[Sentence] = []
    for page, blocks, spans in pages:
        skip = [(b.start, b.end) for b in blocks if b.role == "other"]
        accepted = sorted((s.start, s.end, s.label) for s in spans if s.status == "accepted")
        at = 0
        for line in page.text.split("\n"):
            end = at + len(line)
            if line.strip() and not any(a < end and at < b for a, b in skip):
                out.append(
                    (
                        line,
                        [(s - at, e - at, lab) for s, e, lab in accepted if at <= s and e <= end],
                    )
                )
            at = end + 1
    return out


# --- training --------------------------------------------------------------------------


def train(pages: GoldPages, figures: dict[str, Any] | None = None) -> bytes:
    """A model learnt from the accepted spans of gold pages, as bytes (deterministic).

    ``figures`` are :func:`cross_validate`'s figures on the same pages, when known: the
    model then replaces the rules only for the labels it scored at least as well on."""
    sentences = gold_sentences(pages)
    crf = _trained_beside_folds(sentences)
    header = _header(
        takeover(figures), kept_labels(figures), yield_below(figures), relabel_below(figures)
    )
    return header + (_crf_bytes(sentences) if crf is None else crf)


def takeover(figures: dict[str, Any] | None) -> tuple[str, ...] | None:
    """The labels whose rule suggestions the model's should replace: those where its
    cross-validated exact F1 (the better of ``model``, the rules' uncontradicted spans
    kept, and ``crf``, the tagger alone) is at least the rules'. None (every label it
    learns) without figures. A label the rules do better keeps their suggestions, and the
    model's only fill the gaps between them, as for FIGURE: training must never make a
    label worse."""
    if not figures or "model" not in figures or "rules" not in figures:
        return None
    return tuple(
        sorted(
            label
            for label in figures["model"]
            if label not in ("all", "FIGURE")
            and _f1(figures, label) >= _f1(figures, label, "rules")
        )
    )


def kept_labels(figures: dict[str, Any] | None) -> tuple[str, ...] | None:
    """The rule suggestions the model keeps where it tags nothing over them: a label's
    (``PER``) where that scored at least as well as the tagger alone (``model`` against
    ``crf`` in :func:`cross_validate`'s figures), or only those of one character
    (``LOC:1``) or longer (``LOC:n``) where keeping only them scored better still (ties
    keep more). None (every label) without those figures: with little gold the tagger
    alone loses names the rules found (on 500 sentences of a public corpus, held out by
    article, LOC 0.76 alone, 0.80 keeping the rules' spans, 0.81 the rules), and it is by
    the gold that it earns trust.

    Why lengths: a rule's one-character place (中俄, 访华, 俄经济) is right nine times in
    ten where the tagger trained on 5,000 sentences of one paper tags nothing (on held-out
    text of the same paper and of two others), its longer places and organisations there
    one time in four; the label as a whole was not kept, and the tagger, which saw few of
    them, left out most one-character places of foreign news."""
    if not figures or "model" not in figures or "crf" not in figures:
        return None
    options = [("model", ""), *((name, kind) for name, kind in _LENGTHS if name in figures)]
    kept = []
    for label in figures["model"]:
        if label == "all":
            continue
        crf = _f1(figures, label, "crf")
        best = max(options, key=lambda option: _f1(figures, label, option[0]))  # first of ties
        if _f1(figures, label, best[0]) >= crf:
            kept.append(label + best[1])
    return tuple(sorted(kept))


# The confidences tried for :func:`yield_below` (a span of the tagger less sure than this
# yields to the one-character rule spans it covers).
_YIELD_BELOW = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def yield_below(figures: dict[str, Any] | None) -> float:
    """The confidence below which a span of the tagger yields to the kept one-character
    rule spans it overlaps (巴方 tagged a person, 中日 one place, where the rules have 巴
    and 中, 日): the one of :data:`_YIELD_BELOW` whose cross-validated all-label F1
    (``yields_…`` in :func:`cross_validate`'s figures) is highest, if above the model's
    (``model``); 0, never, without those figures or when none scored higher.

    Trained on 5,000 sentences of one paper and used on text of others, such spans are
    mostly the tagger's guesses at foreign news it saw little of: below 0.6 of confidence
    yielding gained 0.008 of all-label F1 on one untuned dev set, nothing on another, and
    0.0004 and 0.0013 on held-out text of the paper itself."""
    return _best_bound(figures, "yields")


def relabel_below(figures: dict[str, Any] | None) -> float:
    """The confidence below which a span of the tagger takes the label of a rule
    suggestion of the same characters (阿根廷 read as an organisation before 政府, where
    the rules have the country), chosen as :func:`yield_below` is (``relabels_…``).

    Trained on 5,000 sentences of one paper, below 0.8 this gained 0.006 and 0.005 of
    all-label F1 on two untuned dev sets, nothing on held-out text of the paper itself."""
    return _best_bound(figures, "relabels")


def _best_bound(figures: dict[str, Any] | None, name: str) -> float:
    """The bound of :data:`_YIELD_BELOW` whose figures ``name_…`` scored the highest
    all-label F1, if above the model's; 0 without figures or when none did."""
    if not figures or "model" not in figures:
        return 0.0
    best, chosen = _f1(figures, "all", "model"), 0.0
    for below in _YIELD_BELOW:
        f1 = _f1(figures, "all", f"{name}_{below:g}")
        if f1 > best:
            best, chosen = f1, below
    return chosen


def _f1(figures: dict[str, Any], label: str, name: str = "") -> float:
    """A label's F1 in the figures of ``name``; the better of model and crf without it."""
    names = [name] if name else ["model", "crf", *(n for n, _ in _LENGTHS)]
    return max((figures.get(n, {}).get(label, {}).get("f1") or 0.0) for n in names)


def train_sentences(
    sentences: Sequence[Sentence],
    params: dict[str, Any] | None = None,
    replaces: Sequence[str] | None = None,
    keeps: Sequence[str] | None = None,
) -> bytes:
    """A model learnt from ``(line, entities)`` pairs, as bytes; it replaces the rules for
    ``replaces`` (None: every label it learns but FIGURE), keeping the rules' suggestions
    it tags nothing over for ``keeps`` (None: every label)."""
    return _header(replaces, keeps) + _crf_bytes(sentences, params)


def _header(
    replaces: Sequence[str] | None,
    keeps: Sequence[str] | None,
    yields: float = 0.0,
    relabels: float = 0.0,
) -> bytes:
    """The lines before the crfsuite model: the format, the labels it replaces and keeps,
    the confidences below which its spans yield to kept one-character rule spans and take
    the label of a rule suggestion of the same characters."""
    named = _EVERY if replaces is None else ",".join(replaces).encode()
    kept = _EVERY if keeps is None else ",".join(keeps).encode()
    return (
        FORMAT
        + (_REPLACES + named + b"\n")
        + (_KEEPS + kept + b"\n")
        + (_YIELDS + f"{yields:g}".encode() + b"\n")
        + (_RELABELS + f"{relabels:g}".encode() + b"\n")
    )


def _crf_bytes(sentences: Sequence[Sentence], params: dict[str, Any] | None = None) -> bytes:
    """The crfsuite model learnt from ``sentences`` (what follows :func:`_header`)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for text, entities in sentences:
        if text:
            trainer.append(features(text, rule_entities(text)), bio_tags(len(text), entities))
            count += 1
    trainer.set_params({**train_params(count), **(params or {})})
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        with open(path, "rb") as model:
            return model.read()
    finally:
        os.unlink(path)


def _sentences_key(sentences: Sequence[Sentence]) -> str:
    """A digest of training sentences: the same sentences give the same crfsuite bytes."""
    return hashlib.sha256(repr([(t, list(e)) for t, e in sentences]).encode()).hexdigest()


def _trained_beside_folds(sentences: Sequence[Sentence]) -> bytes | None:
    """The crfsuite model of ``sentences`` if :func:`cross_validate` trained it in its pool
    beside the folds (the whole gold's model needs no figures); None otherwise. Taken
    once: a later training of the same gold trains again."""
    key, crf = _cache.pop("beside_folds", (None, None))
    return crf if key is not None and key == _sentences_key(sentences) else None


# --- tagging ---------------------------------------------------------------------------


@dataclass
class EntityModel:
    """A loaded tagger. Call it with a page text (and, when the caller has them, the rule
    candidates over it) for suggestions ``(start, end, label, {"confidence": c})``.

    ``labels`` are the labels whose rule suggestions the model's replace: every label it
    learnt but FIGURE. Of those, for the labels in ``keeps`` the rules' own suggestions
    (:func:`rule_suggestions`) that no span of the tagger overlaps are kept among its
    suggestions, with the tagger's marginal probability of them as their confidence: the
    tagger contradicts a rule by tagging something else there, not by tagging nothing.
    ``crf`` of a model is the same tagger without keeping any."""

    tagger: Any
    labels: tuple[str, ...]
    buffer: bytes  # crfsuite reads the model from this memory: it must outlive the tagger
    keeps: frozenset[str] = frozenset()
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # below this confidence a span of the tagger yields to the kept one-character rule
    # spans it overlaps (:func:`yield_below`)
    yields: float = 0.0
    # below this confidence a span of the tagger takes the label of a rule suggestion of
    # the same characters (:func:`relabel_below`)
    relabels: float = 0.0
    # the tables of its rows (:class:`_Rows`), made at the first call
    tables: _Rows | None = field(default=None, repr=False, compare=False)

    def _rows(self) -> _Rows:
        """The tables the rows this model tags are made with (made once)."""
        tables = self.tables
        if tables is None:
            with self.lock:
                if self.tables is None:
                    self.tables = _Rows(attribute_names(self.buffer))
                tables = self.tables
        return tables

    def __call__(
        self, text: str, rule_candidates: Iterable[tuple[Any, ...]] | None = None
    ) -> list[Candidate]:
        if rule_candidates is None:
            from annotator.suggest import rule_spans

            given = [(s.start, s.end, s.label, s.origin, s.attrs) for s in rule_spans(text)]
        else:
            given = [c for c in rule_candidates if c[3] == "rule"]
        rules = [(c[0], c[1], c[2]) for c in given]
        # a span the rules found too keeps their attributes (a date's fields, a figure's
        # value and unit): the model decides where entities are, not what they mean
        known = {(c[0], c[1], c[2]): c[4] for c in given if c[4]}
        out: list[Candidate] = []
        lines = self._lines(text, rules)
        suggested = [rule_suggestions(r) for _, _, r in lines]
        batch = self._rows().rows(
            [line for _, line, _ in lines], [r for _, _, r in lines], suggested
        )
        for (at, _, _), xseq, mine in zip(lines, batch, suggested, strict=True):
            kept = [r for r in mine if _kept(r, self.keeps)] if self.keeps and mine else ()
            for s, e, label, attrs in self._tag(xseq, kept, mine):
                s, e = s + at, e + at
                extra = known.get((s, e, label))
                if extra is None and label == "FIGURE":
                    extra = _figure_attrs(text[s:e])
                out.append((s, e, label, {**extra, **attrs} if extra else attrs))
        return out

    @staticmethod
    def _lines(text: str, rules: list[Entity]) -> list[tuple[int, str, list[Entity]]]:
        """The lines of ``text`` to tag (not blank), each with its offset and the rule
        candidates within it (offsets within the line)."""
        out = []
        at = 0
        rules.sort()
        k = 0
        for line in text.split("\n"):
            end = at + len(line)
            mine = []
            while k < len(rules) and rules[k][0] < end:
                s, e, label = rules[k]
                if s >= at and e <= end:
                    mine.append((s - at, e - at, label))
                k += 1
            if line.strip():
                out.append((at, line, mine))
            at = end + 1
        return out

    def line_rows(self, line: str, rules: Iterable[Entity] = ()) -> list[tuple[bytes, ...]]:
        """The rows this model's tagger is given for one line (no newline; not empty) and
        its rule candidates: of its :func:`features`, those the model has (:class:`_Rows`)."""
        rules = list(rules)
        return self._rows().rows([line], [rules], [rule_suggestions(rules)])[0]

    @property
    def crf(self) -> EntityModel:
        """The same tagger keeping no rule suggestion (what it learnt alone)."""
        return EntityModel(
            self.tagger, self.labels, self.buffer, frozenset(), self.lock, tables=self._rows()
        )

    def tag_line(self, line: str, rules: Iterable[Entity] = ()) -> list[Candidate]:
        """Entities of one line (no newline) with their confidence (the tagger alone)."""
        return self._tag(self.line_rows(line, rules) if line else [])

    def _tag(
        self,
        xseq: Sequence[tuple[str | bytes, ...]],
        kept: Sequence[Entity] = (),
        suggested: Sequence[Entity] = (),
    ) -> list[Candidate]:
        """Entities of one line given its features, with their confidence, and the spans
        of ``kept`` that none of them overlaps; ``suggested``, what the rules would
        suggest, may relabel the tagger's spans (:attr:`relabels`)."""
        tagger = self.tagger
        out: list[Candidate] = []
        with self.lock:  # a crfsuite tagger holds the sequence it tags: one at a time
            tags = tagger.tag(xseq)
            spans = spans_of(tags)
            marginal = tagger.marginal
            # map, not a generator: no Python frame a character
            sure = [min(map(marginal, tags[s:e], range(s, e))) for s, e, _ in spans]
            if suggested and self.relabels:
                spans, sure = _relabelled(
                    spans, sure, suggested, self.labels, self.relabels, marginal
                )
            if kept and self.yields:
                spans, sure = _yielded(spans, sure, kept, self.yields)
            for (s, e, label), confidence in zip(spans, sure, strict=True):
                out.append((s, e, label, {"confidence": round(confidence, 4)}))
            for s, e, label in kept:
                if any(a < e and s < b for a, b, _ in spans):
                    continue
                confidence = _kept_confidence(marginal, s, e, label)
                out.append((s, e, label, {"confidence": round(confidence, 4)}))
        if kept:
            out.sort(key=_start_end)
        return out


def _relabelled(
    spans: list[Entity],
    sure: list[float],
    suggested: Sequence[Entity],
    learnt: Sequence[str],
    below: float,
    marginal: Callable[[str, int], float] | None = None,
) -> tuple[list[Entity], list[float]]:
    """The tagger's ``spans`` (with their confidence ``sure``), those less sure than
    ``below`` given the label of a rule suggestion of the same characters, if it is one
    of the ``learnt`` labels the model replaces the rules for; their confidence then the
    tagger's for that label (``marginal``; unchanged without it)."""
    labels = {(s, e): label for s, e, label in suggested if label in learnt}
    out, confidence = [], []
    for (s, e, label), p in zip(spans, sure, strict=True):
        other = labels.get((s, e), label)
        if other != label and p < below:
            label = other
            if marginal is not None:
                p = _kept_confidence(marginal, s, e, label)
        out.append((s, e, label))
        confidence.append(p)
    return out, confidence


def _yielded(
    spans: list[Entity], sure: list[float], kept: Sequence[Entity], below: float
) -> tuple[list[Entity], list[float]]:
    """The tagger's ``spans`` (with their confidence ``sure``) but those less sure than
    ``below`` whose overlapping ``kept`` rule spans are all one character long: the rule
    spans take their place (``kept`` go where no span is left)."""
    out, confidence = [], []
    for (s, e, label), p in zip(spans, sure, strict=True):
        if p < below:
            over = [k for k in kept if k[0] < e and s < k[1]]
            if over and all(k[1] - k[0] == 1 for k in over):
                continue
        out.append((s, e, label))
        confidence.append(p)
    return out, confidence


def _kept_confidence(marginal: Callable[[str, int], float], s: int, e: int, label: str) -> float:
    """The tagger's smallest marginal probability of the tags of a kept rule span ``s:e``:
    0 where it never learnt a tag of them (``I-`` of a label its gold only had one
    character long: crfsuite refuses a tag it does not know)."""
    try:
        return min(marginal(("B-" if j == s else "I-") + label, j) for j in range(s, e))
    except RuntimeError:  # "Failed to convert into label identifier"
        return 0.0


def _start_end(candidate: Candidate) -> tuple[int, int]:
    """Sort key of a candidate: its start, then its end."""
    return candidate[0], candidate[1]


def spans_of(tags: Sequence[str]) -> list[Entity]:
    """Entities of a BIO tag sequence (an ``I-`` after ``O`` or another label starts one).

    Only the tags other than ``O`` are visited (found in C: most characters are outside
    entities); a gap between two of them is an ``O`` that closes the open span."""
    out: list[Entity] = []
    start, label, last = -1, "", -1
    for j in compress(range(len(tags)), map("O".__ne__, tags)):
        tag = tags[j]
        if start >= 0 and (j != last + 1 or tag[0] != "I" or tag[2:] != label):
            out.append((start, last + 1, label))
            start = -1
        if start < 0:
            start, label = j, tag[2:]
        last = j
    if start >= 0:
        out.append((start, last + 1, label))
    return out


def load(data: bytes) -> EntityModel:
    """The tagger of a model's bytes; ``ValueError`` for bytes of another format."""
    import pycrfsuite

    older = data.startswith(_FORMAT_8)  # the same features, no line of yields
    if not data.startswith(FORMAT) and not older:
        raise ValueError("not an entity model of this version; retrain with 'annotator train'")
    line, _, rest = data[len(FORMAT) :].partition(b"\n")
    keeps, _, buffer = rest.partition(b"\n")
    yields, relabels = b"yields 0", b"relabels 0"
    if not older:
        yields, _, buffer = buffer.partition(b"\n")
        relabels, _, buffer = buffer.partition(b"\n")
    if not (
        line.startswith(_REPLACES)
        and keeps.startswith(_KEEPS)
        and yields.startswith(_YIELDS)
        and relabels.startswith(_RELABELS)
    ):
        raise ValueError("not an entity model of this version; retrain with 'annotator train'")
    named = line[len(_REPLACES) :]
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(buffer)
    learnt = {t[2:] for t in tagger.labels() if t != "O"}
    # FIGURE stays with the rules (they normalise value and unit); the model's figures
    # only fill the gaps between theirs, as do its spans of labels the rules do better
    replaces = learnt if named == _EVERY else set(named.decode().split(",")) & learnt
    labels = tuple(sorted(replaces - {"FIGURE"}))
    kept = keeps[len(_KEEPS) :]
    if kept == _EVERY:
        keeping = set(labels)
    else:  # a label (every span of it) or a label and a length (LOC:1, PER:n)
        keeping = {k for k in kept.decode().split(",") if k.partition(":")[0] in labels}
    below = float(yields[len(_YIELDS) :].decode())
    relabel = float(relabels[len(_RELABELS) :].decode())
    return EntityModel(tagger, labels, buffer, frozenset(keeping), yields=below, relabels=relabel)


# The rule spans a model keeps where it tags nothing may be those of a label of one length
# only: ``LOC:1`` one character (the abbreviations 中美, 访华, 俄经济), ``LOC:n`` longer.
_LENGTHS = (("model_single", ":1"), ("model_longer", ":n"))


def _kept(rule: Entity, keeps: frozenset[str]) -> bool:
    """Whether a rule span is among the kinds ``keeps`` names (:data:`_LENGTHS`)."""
    s, e, label = rule
    return label in keeps or label + (":1" if e - s == 1 else ":n") in keeps


def _figure_attrs(piece: str) -> dict[str, Any]:
    from annotator.suggest import parse_figure

    return parse_figure(piece) or {}


Tagger = Callable[[str, Any], list[Candidate]]


# --- cross-validation ------------------------------------------------------------------


def cross_validate(pages: GoldPages, folds: int = 5) -> dict[str, Any]:
    """Exact per-label precision, recall and F1 of the rules, the model (keeping the
    rules' suggestions it tags nothing over), the tagger alone (``crf``) and the rules and
    model merged (as import merges them), on held-out folds of the gold pages. Folds are
    trained in parallel, one process per core, when there is enough gold for it to pay.

    A fold is a run of consecutive pages (in the order given, as they were imported), not
    every ``folds``-th page: an article goes on over several pages, and the names of its
    held-out pages were learnt from its other pages (on 32 pages of a public corpus, page
    ``i`` in fold ``i % folds`` scored the model's PER 0.79 against the rules' 0.70; held
    out by runs, 0.68, as on unseen text), which made the model take over labels it did
    worse on."""
    from annotator.metrics import exact_scores

    pages = list(pages)
    folds = max(2, min(folds, len(pages)))
    cuts = [len(pages) * fold // folds for fold in range(folds + 1)]
    splits = [
        (pages[: cuts[fold]] + pages[cuts[fold + 1] :], pages[cuts[fold] : cuts[fold + 1]])
        for fold in range(folds)
    ]
    workers = min(folds, os.cpu_count() or 1)
    if workers > 1 and len(pages) >= _PARALLEL_FROM_PAGES:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn")  # safe beside any threads
        # A killed trainer (the window's training process, annotator train) takes its
        # fold workers with it: they would otherwise wait for more folds forever.
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_end_with_parent) as pool:
            # The model of the whole gold (what ``train`` keeps) needs no figures but the
            # labels it takes over: trained here beside the folds, submitted first as the
            # longest job, it fills the core the last fold leaves idle (5 folds on 2 cores)
            # instead of running alone after them. ``train`` takes its bytes (the same).
            sentences = gold_sentences(pages)
            whole = pool.submit(_crf_bytes, sentences)
            results = list(pool.map(_fold_cases, splits))
            _cache["beside_folds"] = (_sentences_key(sentences), whole.result())
    else:
        results = [_fold_cases(split) for split in splits]
    cases: dict[str, list[tuple[set[Entity], set[Entity]]]] = {}
    labels: set[str] = set()
    for result in results:
        for name, pairs in result.items():
            cases.setdefault(name, []).extend(pairs)
            labels |= {g[2] for gold, _ in pairs for g in gold}
    ordered = sorted(labels)
    return {
        "folds": folds,
        "pages": len(pages),
        **{name: exact_scores(pairs, ordered) for name, pairs in cases.items()},
    }


_PARALLEL_FROM_PAGES = 40


def _end_with_parent() -> None:
    from annotator.processes import end_with_parent  # light: the worker calls it first

    end_with_parent()


def _fold_cases(
    split: tuple[GoldPages, GoldPages],
) -> dict[str, list[tuple[set[Entity], set[Entity]]]]:
    """(gold, predicted) pairs of each held-out line for the rules, model, crf and merged."""
    from annotator.suggest import suggestion_tuples

    train_pages, held = split
    model = load(train(train_pages))
    cases: dict[str, list[tuple[set[Entity], set[Entity]]]] = {
        "rules": [],
        "model": [],
        "crf": [],
        "merged": [],
        **{name: [] for name, _ in _LENGTHS},
        **{f"yields_{below:g}": [] for below in _YIELD_BELOW},
        **{f"relabels_{below:g}": [] for below in _YIELD_BELOW},
    }
    for text, gold in gold_sentences(held):
        gold_set = set(gold)
        # merged first: its call of the model gives the model's spans and the rule
        # candidates, which the tagger alone reuses (each found once, not three times)
        seen = _Seen(model)
        merged = suggestion_tuples(text, tagger=seen)
        predicted: dict[str, Sequence[tuple[Any, ...]]] = {
            "rules": suggestion_tuples(text),
            "model": seen.found,
            "crf": model.crf(text, seen.candidates),
            "merged": merged,
        }
        for name, spans in predicted.items():
            cases[name].append((gold_set, {(c[0], c[1], c[2]) for c in spans}))
        # the tagger keeping the rules' spans of one length only: those the model kept
        # (it tags nothing over them) are what it answered beyond the tagger alone
        alone, kept = cases["crf"][-1][1], cases["model"][-1][1] - cases["crf"][-1][1]
        single = {k for k in kept if k[1] - k[0] == 1}
        cases["model_single"].append((gold_set, alone | single))
        cases["model_longer"].append((gold_set, alone | (kept - single)))
        _add_yields(cases, gold_set, predicted["crf"], kept, seen.candidates, model.labels)
    return cases


def _add_yields(
    cases: dict[str, list[tuple[set[Entity], set[Entity]]]],
    gold: set[Entity],
    alone: Sequence[tuple[Any, ...]],
    kept: set[Entity],
    candidates: Sequence[tuple[Any, ...]],
    labels: Sequence[str],
) -> None:
    """(gold, predicted) of the model (keeping every label's rule spans) whose spans less
    sure than each of :data:`_YIELD_BELOW` yield to the one-character rule suggestions
    they overlap (:func:`_yielded`), and, apart, take the label of a rule suggestion of
    the same characters (:func:`_relabelled`)."""
    suggested = rule_suggestions([(c[0], c[1], c[2]) for c in candidates if c[3] == "rule"])
    learnt = [r for r in suggested if r[2] in labels]
    single = [r for r in learnt if r[1] - r[0] == 1]
    spans = [(c[0], c[1], c[2]) for c in alone]
    sure = [c[3]["confidence"] for c in alone]
    for below in _YIELD_BELOW:
        left, _ = _yielded(spans, sure, learnt, below) if single else (spans, sure)
        taken = [r for r in single if not any(a < r[1] and r[0] < b for a, b, _ in left)]
        cases[f"yields_{below:g}"].append((gold, set(left) | kept | set(taken)))
        relabelled, _ = _relabelled(spans, sure, learnt, labels, below)
        cases[f"relabels_{below:g}"].append((gold, set(relabelled) | kept))


class _Seen:
    """A model that keeps what it was last called with and what it answered."""

    def __init__(self, model: EntityModel) -> None:
        self.model = model
        self.labels = model.labels
        self.candidates: list[tuple[Any, ...]] = []
        self.found: list[Candidate] = []

    def __call__(self, text: str, rule_candidates: Iterable[tuple[Any, ...]]) -> list[Candidate]:
        self.candidates = list(rule_candidates)
        self.found = self.model(text, self.candidates)
        return self.found
