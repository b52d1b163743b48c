"""What the LOC and ORG rules share: labels, stop characters and the generic words that
end like places (城区, 超市, 道路).
"""

from __future__ import annotations

from annotator import lexicon
from annotator.suggest._text import STOP_CHARS

ORG = "ORG"
LOC = "LOC"

_STOP_CHARS = STOP_CHARS

# Common nouns that end like places (城区, 超市, 道路).
_GENERIC = lexicon.word_set("places_generic")
_DEICTIC_FIRST = frozenset("全各本我该此每其这那两多某一新老大小")
# characters that never stand inside the prefix of a place found by pattern
_NOT_IN_PLACE = frozenset(_STOP_CHARS) | frozenset("全各本我该此每其这那之个")


_GENERIC_LENGTHS = sorted({len(g) for g in _GENERIC})


def _generic(name: str) -> bool:
    if name[:1] in _DEICTIC_FIRST:
        return True
    size = len(name)
    # a plain loop: a generator a name cost more than the look-ups
    for n in _GENERIC_LENGTHS:  # noqa: SIM110
        if n <= size and name[-n:] in _GENERIC:
            return True
    return False
