"""LOC: China's counties, districts and county-level cities by their bare names, where a cue
tells that the name is the place.

The list of county-level divisions (lexicon ``places_counties``) gives each division's full
name (宁乡县, 昌平区, 义乌市), which the rules of :mod:`.tagged` read wherever it stands, and
its bare name (宁乡, 昌平, 义乌) where that is no common word (the lexicon's header says
which).  A bare name alone is still too often a word or part of a name to be taken
anywhere, so it is a place only

* right after a listed province or city (湖南宁乡, 北京昌平) or in a list beside a listed
  place (:mod:`.tagged` reads those two);
* after a verb of going or of being somewhere (来自昌平, 前往宁乡, 位于萧山) when a phrase
  boundary follows it (来自昌平的, 前往宁乡，);
* before a word that follows places (宁乡境内, 昌平一带, 东乡地区);
* before 人, its people, after a phrase boundary (庄浪人, 恭城人).
"""

from __future__ import annotations

from annotator.suggest import _places as P
from annotator.suggest import _scan
from annotator.suggest._text import Candidate, is_han
from annotator.suggest._words import crosses_end_over

from .common import LOC
from .foreign import _AFTER, _BEFORE, _NAME_TAILS, _TRAVEL_SET
from .places import _CUE_VERB_SET

_VOCABULARY = "county_bare_names"
_scan.register(_VOCABULARY, P.COUNTY_BARE)
_VERBS = _TRAVEL_SET | _CUE_VERB_SET


def bare_county_places(
    text: str,
    listed: list[tuple[int, int]],
    tails: list[tuple[int, int]],
    verbs: list[tuple[int, int]],
) -> list[Candidate]:
    """Bare county names after a verb of going (and before a phrase boundary) or before a
    word that follows places (the ``(start, end)`` of the listed places, tails and verbs
    the package found); none that a listed place overlaps."""
    found = _scan.words(text, _VOCABULARY)
    if not found:
        return []
    verb_ends = {e for s, e in verbs if text[s:e] in _VERBS}
    tail_starts = {s for s, e in tails if text[s:e] not in _NAME_TAILS}
    taken = {i for s, e in listed for i in range(s, e)}
    # listed places that a bare name runs on from (龙泉 of 龙泉驿): the longer name is read
    prefixes = {(s, e) for s, e in listed}
    out: list[Candidate] = []
    for s, e in found:
        if taken.intersection(range(s, e)):
            if any((s, k) in prefixes for k in range(s + 2, e)) and _boundary_after(text, e):
                out.append((s, e, LOC, {}))  # 成都龙泉驿, 龙泉驿，: no 龙泉 + 驿
            continue  # 北京昌平: the listed rules and :mod:`.tagged` read it
        if (
            e in tail_starts
            or (s in verb_ends and _boundary_after(text, e))
            or _people_of(text, s, e)
        ):
            out.append((s, e, LOC, {}))
    return out


# After name + 人: the words that still read as the county's people (恭城人民, 庄浪人口).
_PEOPLE_WORDS = frozenset(("人民", "人口"))


def _people_of(text: str, s: int, e: int) -> bool:
    """True when the bare name ``text[s:e]`` stands before 人, the people of the county
    (靖远人, 恭城人), after a phrase boundary; not where 人 opens a common word with the
    character after it that no commoner word after 人 outweighs (新建人工湖, 新建人才公寓:
    the name is a verb or a word there; 庄浪人为什么 stays)."""
    if text[e : e + 1] != "人" or not (s == 0 or not is_han(text[s - 1]) or text[s - 1] in _BEFORE):
        return False
    # (庄浪人为什么: 为什么 outweighs 人为, so 人 stands alone)
    return text[e : e + 2] in _PEOPLE_WORDS or not crosses_end_over(text, e + 1)


def _boundary_after(text: str, e: int) -> bool:
    """True when a phrase boundary (punctuation, a particle, a conjunction) follows ``e``."""
    nxt = text[e : e + 1]
    return not nxt or not is_han(nxt) or nxt in _AFTER
