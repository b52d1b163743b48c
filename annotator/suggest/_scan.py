"""One automaton scan of a page for the words of the lexicons that the suggesters read
across the whole page (the listed places and organisation words, the cue words of names).

Each suggester used to run its own trie regex (:func:`annotator.lexicon.trie_pattern`)
over the page; the two largest cost 0.6 ms and 0.2 ms a page of 5,000 characters, as
``re`` tries the trie at every position whose character begins some word.  Here the
words of every *vocabulary* are one Aho-Corasick automaton (``ahocorasick_rs``, a
compiled automaton over the page's characters that gives code point offsets), run once a
page for every match, overlapping ones included; each vocabulary then takes the
leftmost-longest, non-overlapping matches among its own words, which are exactly the
matches of its trie regex's ``finditer``.  (pyahocorasick's automaton over the page's
UTF-16 code units, used before, walked a page in 0.33 ms of the scan's 0.45; this one in
0.1 ms, with the same matches.)

Vocabularies are registered when the suggesters' modules are imported (:func:`register`);
the automaton is built on first use.
The scans of the last texts are kept, so that the suggesters of one page share its
scan: the date rules read a copy of the page with its full-width digits made ASCII
(``１９９８年``, as People's Daily writes them), and with one scan kept that copy's scan
replaced the page's, which the rules after them scanned again (three scans of such a page
instead of two); an import runs each suggester over a few pages in turn, which keeps the
scans of those pages and their copies.  That copy's scan is made from the page's
(:func:`scan_copy`), so that such a page is scanned once.  A scan is kept and read only
while no vocabulary was registered since its automaton was built (a registration from
another thread never leaves a stale scan behind).
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

import ahocorasick_rs

from annotator.code_units import LONE_SURROGATE

from ._anchors import first_chars, first_pairs

# name -> (words, every): a vocabulary with ``every`` set gives every place where one of its
# words starts (:func:`finditer`'s anchors), the others their leftmost-longest words
_VOCABULARIES: dict[str, tuple[frozenset[str], bool]] = {}
_lock = threading.Lock()
# Counts the registrations: an automaton and a kept scan are of one generation, so that a
# scan that ran while another thread registered a vocabulary is never kept as current.
_generation = 0


class _Built(NamedTuple):
    """The automaton of one generation of the vocabularies, with what reading it needs."""

    generation: int
    automaton: ahocorasick_rs.AhoCorasick | None  # None: no word at all
    owners: tuple[tuple[int, ...], ...]  # a word's (pattern index's) vocabularies
    names: tuple[str, ...]  # the vocabularies, in the order of the indexes in ``owners``
    every: tuple[bool, ...]  # their ``every`` flags, in that order
    one_length: tuple[bool, ...]  # whether all the words of each are of one length
    single: tuple[int, ...]  # a word's one vocabulary (its index), -1 for a word of several
    # A character that no word holds: it stands for a lone surrogate (a JSON "\ud800"
    # escape), which the automaton cannot read, one code point for one (offsets hold).
    stand_in: str


def _stand_in(words: Iterable[str]) -> str:
    held = {c for word in words for c in word}
    return next(chr(c) for c in range(0x10FFFF, 0, -1) if chr(c) not in held)


_built: _Built | None = None


class _Later:
    """The type of :data:`_LATER`: a copy's vocabulary whose words are not read yet."""

    __slots__ = ()


# Stands for the words of a copy's vocabulary until they are read (:func:`words`): an object
# of its own, that no scan's list of words can be, nor be mistaken for when it is empty.
_LATER = _Later()
# A vocabulary's words in a scan ((start, end) each), or _LATER.
_Spans = list[tuple[int, int]] | _Later
_Kept = tuple[int, str, dict[str, _Spans]]
# (generation, text, vocabulary -> its words' (start, end)) of the last texts scanned, the
# newest first; replaced whole, so that a thread reads consistent triples
_kept: tuple[_Kept, ...] = ()
# Scans kept: two a page (the page and its copy with ASCII digits, dates.py) of the pages
# that annotator.suggest runs the suggesters over in turn.
KEEP = 16


def register(name: str, words: Iterable[str], *, every: bool = False) -> None:
    """Make ``words`` (non-empty strings) the vocabulary ``name`` (the automaton is built
    again on the next scan if one was already built); with ``every``, :func:`words` gives
    ``(start, start)`` of every place where one of them starts, overlapping ones included."""
    global _built, _generation, _kept
    with _lock:
        _VOCABULARIES[name] = (frozenset(w for w in words if w), every)
        _generation += 1
        _built = None
        _closed.clear()
        _open.clear()
        _held.clear()
        _some.clear()
        _kept = ()


def _automaton() -> _Built:
    """The automaton of every vocabulary's words, built on first use after a registration;
    a word's pattern index gives the indexes (in ``names``) of the vocabularies that hold
    it."""
    global _built
    with _lock:
        if _built is None:
            _built = _build(tuple(sorted(_VOCABULARIES)))
        return _built


def _automaton_of(names: tuple[str, ...]) -> _Built:
    """The automaton of the words of the vocabularies ``names`` alone (a copy's,
    :func:`words`), built on first use after a registration."""
    with _lock:
        built = _some.get(names)
        if built is None:
            built = _some[names] = _build(names)
        return built


def _build(names: tuple[str, ...]) -> _Built:
    """The automaton of the words of the vocabularies ``names`` (the lock held)."""
    member: dict[str, list[int]] = {}
    for k, name in enumerate(names):
        for word in _VOCABULARIES[name][0]:
            member.setdefault(word, []).append(k)
    words = sorted(member)  # a fixed order: the same automaton every time
    auto = ahocorasick_rs.AhoCorasick(words) if words else None
    owners = tuple(tuple(member[word]) for word in words)
    every = tuple(_VOCABULARIES[name][1] for name in names)
    lengths = [{len(w) for w in _VOCABULARIES[name][0]} for name in names]
    one_length = tuple(len(n) == 1 for n in lengths)
    single = tuple(o[0] if len(o) == 1 else -1 for o in owners)
    return _Built(_generation, auto, owners, names, every, one_length, single, _stand_in(words))


# Whether a vocabulary's words stand in a text where they stand in its copy with one
# character replaced by another (:func:`scan_copy`), by (vocabulary, old, new); emptied at
# every registration.
_closed: dict[tuple[str, str, str], bool] = {}
# The vocabularies not closed under a set of replacements (:func:`_open_under`), by that set;
# emptied at every registration.
_open: dict[frozenset[tuple[str, str]], tuple[str, ...]] = {}
# The characters of each vocabulary's words (:func:`_closed_under`); emptied likewise.
_held: dict[str, frozenset[str]] = {}
# The automata of some vocabularies (:func:`_automaton_of`), by their names; emptied likewise.
_some: dict[tuple[str, ...], _Built] = {}
# Longer words are not tried in all their forms (the answer is then "no").
_MOST_FORMS_LOG = 6  # (2 ** 6 forms)


def _closed_under(name: str, old: str, new: str) -> bool:
    """True when every place of a text where a word of vocabulary ``name`` stands is one
    where a word of it stands in the text's copy with every ``old`` replaced by ``new``,
    and the other way round: each word's copy is a word (１年 -> 1年), and so is each form
    of a word whose copy it is (１年 and 1年 for 1年)."""
    key = (name, old, new)
    with _lock:
        known = _closed.get(key)
        generation, vocabulary, held = _generation, _VOCABULARIES[name][0], _held.get(name)
    if known is not None:
        return known
    if held is None:
        held = frozenset("".join(vocabulary))
    # (most vocabularies hold neither character: no word of theirs is tried)
    answer = (old not in held and new not in held) or all(
        _word_closed(word, vocabulary, old, new) for word in vocabulary
    )
    with _lock:
        if generation == _generation:  # (not of words registered since)
            _closed[key] = answer
            _held[name] = held
    return answer


def _word_closed(word: str, vocabulary: frozenset[str], old: str, new: str) -> bool:
    """True when ``word``'s copy is in ``vocabulary``, and so is each form of it whose copy
    it is (with ``old`` for any of its ``new``): :func:`_closed_under`."""
    if word.replace(old, new) not in vocabulary:
        return False  # (a text with the word has its copy where the word is not)
    if new not in word:
        return True  # (its only form is itself: no old in a copy)
    # every text whose copy holds the word: each new may have been new or old before
    if word.count(new) > _MOST_FORMS_LOG:
        return False
    forms = [""]
    for c in word:
        forms = [f + d for f in forms for d in ((c, old) if c == new else (c,))]
    return all(form in vocabulary for form in forms)


def scan(text: str) -> None:
    """Scan ``text`` now (the suggesters then read the kept scan; benchmarks time it apart)."""
    words(text, "")


def words(text: str, name: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the leftmost-longest, non-overlapping words of the vocabulary
    ``name`` in ``text``, in order (what its trie regex's ``finditer`` finds)."""
    found = _found(text)
    spans = found.get(name)
    if spans is _LATER:
        # a copy's vocabulary not taken from its original's scan (:func:`scan_copy`): a
        # scan of the copy for the words of every such one (not of the others) gives them
        later = tuple(sorted(k for k, v in found.items() if v is _LATER))
        some = _scan(text, _automaton_of(later))
        for other in later:
            found[other] = some.get(other, [])
        spans = found[name]
    return spans if isinstance(spans, list) else []


def _found(text: str) -> dict[str, _Spans]:
    """Every vocabulary's words in ``text`` (:func:`words`): its kept scan, or a new one."""
    for generation, kept_text, found in _kept:
        if kept_text == text and generation == _generation:  # (== tests identity first)
            return found
    built = _automaton()
    found = _scan(text, built)
    _keep(built.generation, text, found)
    return found


def _keep(generation: int, text: str, found: dict[str, _Spans]) -> None:
    """Keep the scan ``found`` of ``text`` (the newest first), unless a vocabulary was
    registered since its automaton was built."""
    global _kept
    with _lock:
        if generation == _generation:
            others = tuple(k for k in _kept if k[1] != text)
            _kept = ((generation, text, found), *others[: KEEP - 1])


def scan_copy(copy: str, original: str, replaced: Mapping[str, str]) -> None:
    """Keep a scan of ``copy``, a copy of ``original`` with each character ``old`` of
    ``replaced`` (that ``original`` holds) replaced by ``replaced[old]``, made from the
    scan of ``original``.

    Why: the date rules read a copy of the page with ASCII digits (``１９９８年``), and a
    scan of a page costs a fifth of a millisecond.  A word that holds none of those
    characters stands at the same places in both texts; so do the words of a vocabulary
    that has every word in both forms (the anchors of the number patterns: ``１年`` and
    ``1年``).  Those keep the original's words.  The words of any other vocabulary (a
    word with a character that has no other form there: ``1)``) are looked for in the
    copy when they are first read, once for all of them.  Full-width digits alone leave the
    date rules none of those to read; a page with the circle typed for a year's zero
    (``二○○一年``, read as ``二〇〇一年``) opens the number patterns' anchors too, and they
    are scanned in the copy.  (No character put in may be one replaced: the replacements
    are then one at a time.)
    """
    if (
        copy == original
        or len(copy) != len(original)
        or not replaced.keys().isdisjoint(replaced.values())
    ):
        return  # (the same scan, or no such copy: read the copy's own scan then)
    if any(kept_text == copy and gen == _generation for gen, kept_text, _ in _kept):
        return  # (kept already: rules read it again)
    built = _automaton()
    found = dict(_found(original))
    for name in _open_under(built, frozenset(replaced.items())):
        found[name] = _LATER
    _keep(built.generation, copy, found)


def _open_under(built: _Built, replaced: frozenset[tuple[str, str]]) -> tuple[str, ...]:
    """The vocabularies of ``built`` whose words do not stand where they stood once the
    characters of ``replaced`` (``(old, new)`` pairs) are replaced (:func:`_closed_under`,
    one replacement at a time: no ``new`` is an ``old``)."""
    with _lock:
        names = _open.get(replaced)
    if names is None:
        names = tuple(
            name
            for name in built.names
            if not all(_closed_under(name, old, new) for old, new in sorted(replaced))
        )
        with _lock:
            if built.generation == _generation:
                _open[replaced] = names
    return names


def _scan(text: str, built: _Built | None = None) -> dict[str, _Spans]:
    if built is None:
        built = _automaton()
    if not text or built.automaton is None:
        return {}
    # per vocabulary, (start, -end) of every word found: sorted, the leftmost come first
    # and at one start the longest
    found: list[list[tuple[int, int]]] = [[] for _ in built.names]
    # bound appends and one tuple a word for all its vocabularies: 9% less CPU a scan
    adds = [spans.append for spans in found]
    owners = built.owners
    try:
        matches = built.automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:  # a lone surrogate: no word holds one
        text = LONE_SURROGATE.sub(built.stand_in, text)
        matches = built.automaton.find_matches_as_indexes(text, overlapping=True)
    single = built.single  # (most words are of one vocabulary: no loop over their owners)
    for index, start, end in matches:
        k = single[index]
        if k >= 0:
            adds[k]((start, -end))
        else:
            span = (start, -end)
            for k in owners[index]:
                adds[k](span)
    return {
        name: (_starts(spans, one_length) if every else _leftmost_longest(spans))
        for name, every, one_length, spans in zip(
            built.names, built.every, built.one_length, found, strict=True
        )
        if spans
    }


def _starts(spans: list[tuple[int, int]], one_length: bool) -> list[tuple[int, int]]:
    """``(start, start)`` of the places where one of ``spans`` starts, in order.

    Words of ``one_length`` (the pairs or first characters of :class:`Anchored`) are never
    found twice at one start (the start gives the word), so sorting the spans sorts their
    starts, each once: no set (two thirds of the time), and the automaton gives them in
    order already (sorting is one pass)."""
    if one_length:
        spans.sort()
        return [(s, s) for s, _ in spans]
    return [(s, s) for s in sorted({s for s, _ in spans})]


def _leftmost_longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of the leftmost-longest, non-overlapping ones of ``spans`` given as
    ``(start, -end)``."""
    spans.sort()
    out = []
    pos = 0
    for s, minus_end in spans:
        if s >= pos:
            pos = -minus_end
            out.append((s, pos))
    return out


class Anchored:
    """A regex whose matches :func:`finditer` looks for only where the pairs of characters
    that begin them stand (:func:`._anchors.first_pairs`), found by the page scan.

    With ``by_first_char``, a regex whose pairs are not known is looked for where one of
    its first characters stands (:func:`._anchors.first_chars`): for rare characters
    (``（``, ``港``) that ``re`` would otherwise look for at every position of the page.
    """

    def __init__(self, regex: re.Pattern[str], *, by_first_char: bool = False) -> None:
        self.regex = regex
        anchors = first_pairs(regex)
        if anchors is None and by_first_char:
            anchors = first_chars(regex)
        self.name: str | None = None
        if anchors is not None:
            self.name = f"anchors of {regex.pattern}"
            register(self.name, anchors, every=True)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What ``self.regex.finditer(text)`` finds (:func:`finditer`)."""
        return finditer(self, text)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """What ``self.regex.search(text, pos)`` finds: the first match where a pair that
        may begin one starts, from ``pos`` on (``re`` reads lookbehinds and ``^`` from the
        text's real start, so a match at a place is the same whatever ``pos`` was)."""
        if self.name is None:
            return self.regex.search(text, pos)
        starts = words(text, self.name)
        match = self.regex.match
        for k in range(bisect.bisect_left(starts, (pos, -1)), len(starts)):
            m = match(text, starts[k][0])
            if m is not None:
                return m
        return None


def finditer(anchored: Anchored, text: str) -> Iterator[re.Match[str]]:
    """What ``anchored.regex.finditer(text)`` finds: the same matches, in order (the regex
    is tried where a pair that may begin a match starts, after the previous match)."""
    if anchored.name is None:
        yield from anchored.regex.finditer(text)
        return
    match = anchored.regex.match
    end = 0
    for s, _ in words(text, anchored.name):
        if s >= end:
            m = match(text, s)
            if m is not None:
                yield m
                end = m.end()  # (never empty: first_pairs refuses such patterns)


class WordMatch:
    """A word found by the scan, read like the ``re.Match`` of a trie regex."""

    __slots__ = ("_start", "_end", "_word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._start, self._end, self._word = start, end, text[start:end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("a word match has no groups")
        return self._word
