"""The feature strings of the entity tagger (:mod:`annotator.learn.entities`): what
training gives crfsuite for each character of a line, and the columns the tagging rows
(:mod:`annotator.learn.entity_rows`) are found from, made by the same code so that
training and tagging can never read a line differently."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from annotator.code_units import LONE_SURROGATE, code_units
from annotator.learn.entity_lexicons import _cache, _lock, _matcher, lexicon_words
from annotator.numerals import CHINESE_NUMERALS

Entity = tuple[int, int, str]
Sentence = tuple[str, Sequence[Entity]]

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
      ``w-1``, ``w+1``: the same of the characters before and after it; ``d``: the
      dictionary word itself, for a word of two characters or more (format 11);
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
    chars, cls, words, lexicon, named = _columns(lines)
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
    for s, e, word in named:
        name = "d=" + word
        for j in range(s - 1, e - 1):
            rows[j] += (name,)
    for s, e, (begin, inside) in lexicon:
        rows[s - 1] += (begin,)
        for j in range(s, e - 1):
            rows[j] += (inside,)
    return _split_rows(rows, lines, rules, suggested)


def _columns(
    lines: Sequence[str],
) -> tuple[list[str], list[str], list[str], list[tuple[int, int, Any]], list[tuple[int, int, str]]]:
    """The characters of the padded lines joined, their classes, each character's word
    feature, the lexicon words found (``(start, end, (begin, inside))`` over the
    joined text) and the dictionary words found (``(start, end, word)``, two characters
    or more).

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
    words, found = _word_column(units, len(joined))
    named = [(s, e, joined[s:e]) for s, e in found]
    at = 0
    for line in lines:
        words[at] = "w=^"
        at += len(line) + 1
        words[at] = "w=$"
        at += 1
    return chars, cls, words, _matcher("lexicon").words(units), named


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


def _word_column(units: str, n: int) -> tuple[list[str], list[tuple[int, int]]]:
    """Each character's position in its dictionary word (B/M/E, S alone) with the POS,
    and the ``(start, end)`` of each word found (two characters or more).

    The words are :meth:`_Matcher.words`' (the same walk, its misaligned matches dropped
    alike), written into the column as they are found."""
    column = ["w=S"] * n
    found: list[tuple[int, int]] = []
    automaton = _matcher("words").automaton
    if not len(automaton):
        return column, found
    add = found.append
    start = 0
    while start < len(units):
        for last, (length, strings) in automaton.iter_long(units, start):
            if last & 1:
                end = (last >> 1) + 1
                column[end - length : end] = strings
                add((end - length, end))
            else:  # it starts mid-character, at an odd byte: search on from the next one
                start = last + 2 - 2 * length
                break
        else:
            break
    return column, found


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
