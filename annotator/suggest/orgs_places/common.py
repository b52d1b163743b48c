"""What the LOC and ORG rules share: labels, stop characters and the generic words that
end like places (城区, 超市, 道路).
"""

from __future__ import annotations

from annotator import lexicon
from annotator.suggest import _places as P
from annotator.suggest import _scan
from annotator.suggest._text import STOP_CHARS
from annotator.suggest._words import dictionary

ORG = "ORG"
LOC = "LOC"

_STOP_CHARS = STOP_CHARS

# Common nouns that end like places (城区, 超市, 道路).
_GENERIC = lexicon.word_set("places_generic")
_DEICTIC_FIRST = frozenset("全各本我该此每其这那两多某一新老大小")
# characters that never stand inside the prefix of a place found by pattern
_NOT_IN_PLACE = frozenset(_STOP_CHARS) | frozenset("全各本我该此每其这那之个某")


_GENERIC_LENGTHS = sorted({len(g) for g in _GENERIC})
# Adjectives that begin place names too (大屯村, 小店区, 新华区, 老河口市).
_ADJECTIVE_FIRST = frozenset("大小新老")


def _named_with_adjective(name: str) -> bool:
    """True when ``name`` begins with an adjective that is part of its name: what follows
    the adjective is no word of jieba's dictionary (大屯村, 小店区), where an adjective and
    a common noun (大山村, 新城区, 小渔村) describe a place and name none."""
    return (
        len(name) > 2
        and name[0] in _ADJECTIVE_FIRST
        and bool(dictionary())
        and dictionary().get(name[1:], 0) == 0
    )


# China's counties and districts by their full names (仓山区, 宝山区): a name that ends like a
# generic word (山区) is still a name.
_COUNTY_FULL = frozenset(w for w in P.COUNTIES if len(w) >= 3)


def _generic(name: str) -> bool:
    if name[:1] in _DEICTIC_FIRST and not _named_with_adjective(name):
        return True
    if name in _COUNTY_FULL:
        return False
    size = len(name)
    # a plain loop: a generator a name cost more than the look-ups
    for n in _GENERIC_LENGTHS:  # noqa: SIM110
        if n <= size and name[-n:] in _GENERIC:
            return True
    return False


class PageWords:
    """Words of two characters or more that a rule looks for anywhere on the page, found by
    the page's one scan (:mod:`.._scan`), which runs anyway: ``word in text`` reads the
    whole page where the word is absent (about 5 µs a page of 5,000 characters; only ``in``
    of one character runs at memchr speed), and some thirty such tests a page were a tenth
    of these rules' time.  With ``each``, :meth:`held` tells which of the words the page
    holds (their starts give them: words of one length, no two alike)."""

    __slots__ = ("_name", "_length")

    def __init__(self, *words: str, each: bool = False) -> None:
        # (the flag is in the name: two sets of the same words, one with ``each``, must not
        # share one registration)
        self._name = f"orgs_places page words{' each' if each else ''}: " + " ".join(words)
        lengths = {len(w) for w in words}
        self._length = lengths.pop() if each and len(lengths) == 1 else 0
        if each and not self._length:
            raise ValueError(f"words of one length needed: {words}")
        _scan.register(self._name, words, every=each)

    def in_page(self, text: str) -> bool:
        """True when ``text`` holds one of the words (``any(w in text for w in words)``)."""
        return bool(_scan.words(text, self._name))

    def starts(self, text: str) -> list[tuple[int, int]]:
        """The words' leftmost-longest, non-overlapping places in ``text``."""
        return _scan.words(text, self._name)

    def held(self, text: str) -> set[str]:
        """The words that ``text`` holds (made with ``each``)."""
        n = self._length
        return {text[s : s + n] for s, _ in _scan.words(text, self._name)}
