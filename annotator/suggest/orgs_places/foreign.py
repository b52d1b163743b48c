"""LOC: foreign places that no list holds, found by their cues.

A foreign place name is written with the transliteration characters of foreign names
(lexicons ``people_translit_chars`` and ``places_translit_chars``).  A run of them is a place

* before a word that follows places (lexicon ``places_foreign_tails``: 境内, 一带, 以北,
  北部, 地区; 州, 省 and 市 are part of the name, 市 unless it begins a word: 市长, 市内):
  ``阿勒颇以北``, ``顿涅茨克地区``, ``俄亥俄州``, ``塔科马市``; or before a word of a kind of place that is part of the name (lexicon
  ``places_foreign_name_tails``: 群岛, 峰, 宫, 公路): ``比热戈斯群岛``, ``卓奥友峰``;
* after a verb of travel (lexicon ``places_travel_verbs``: 抵达, 飞往, 途经 …) or a noun
  of a kind of place (lexicon ``places_kind_before``: 首府, 城市 …) when a phrase boundary
  follows it: ``抵达阿勒颇，``, ``飞往达喀尔后``, ``北部城市白沙瓦的``.

The run must start at a phrase boundary (a non-Han character, a preposition or particle,
or the end of a listed place: ``叙利亚阿勒颇以北`` gives ``阿勒颇``), so that it is no tail
of a longer word.
"""

from __future__ import annotations

from annotator import lexicon, rules_regex
from annotator.suggest._text import Candidate, is_han
from annotator.suggest._words import COMMON, crosses_end, dictionary
from annotator.suggest.people.names import _TRANSLIT_CHARS

from .common import _STOP_CHARS, LOC

TRANSLIT_CHARS = (_TRANSLIT_CHARS | lexicon.word_set("places_translit_chars")) - {"·", "•"}
# (The package's scan of listed words finds them.)
TAILS = lexicon.words("places_foreign_tails") + lexicon.words("places_foreign_name_tails")
TRAVEL_VERBS = lexicon.words("places_travel_verbs")
_TRAVEL_SET = frozenset(TRAVEL_VERBS)
# Nouns of a kind of place stand before a foreign name as a verb of going does (首府默克莱);
# only here: a bare county name after them is not read as a place (counties.py).
KIND_BEFORE = lexicon.words("places_kind_before")
_BEFORE_NAME_SET = _TRAVEL_SET | frozenset(KIND_BEFORE)
# Tails that are part of the place's name (加利福尼亚州, 旁遮普省, 塔科马市, 比热戈斯群岛).
_KIND_TAILS = lexicon.word_set("places_foreign_name_tails")
_NAME_TAILS = frozenset("州省市") | _KIND_TAILS
# Tails that are common after other words too: the run must be longer.
_WEAK_TAILS = frozenset(("地区", "附近", "周边", "沿海", "州", "省", "市"))
# After 市 these begin a word with it (市长, 市民, 市内, 市区, 市中心, 市政府, 市场): the
# city is the run alone (比绍市内 is 比绍 + 市内), as before other tails.
_CITY_WORD_NEXT = frozenset("长委府政民区级内中郊场")
# What may stand before a place (a preposition or particle) or right after it.
# (部: after 东部, 北部 … of a larger place: 乌克兰东部顿涅茨克地区.)
_BEFORE = frozenset(_STOP_CHARS + "、至经往赴沿从部")
_AFTER = frozenset("，。、；：！？）”的和与及并后时等将已也举参出进会就")
_LONGEST = 8


def foreign_places(
    text: str,
    listed: list[tuple[int, int]],
    tails: list[tuple[int, int]],
    verbs: list[tuple[int, int]],
) -> list[Candidate]:
    """LOC candidates for foreign places found by a tail or a verb of travel (the
    ``(start, end)`` of the listed places, tails and verbs the package found)."""
    ends = {e for _s, e in listed}
    out: list[Candidate] = []
    for s, e in tails + _cities(text):
        if not s or text[s - 1] not in TRANSLIT_CHARS:
            continue  # (no run of transliteration characters ends before the tail)
        tail = text[s:e]
        start = _run_start(text, s, ends)
        shortest = 3 if tail in _WEAK_TAILS else 2
        if start is not None and s - start >= shortest and not _opens_a_word(text, tail, e):
            out.append((start, e if _in_the_name(text, tail, e) else s, LOC, {}))
    for s, e in verbs:
        if text[s:e] not in _BEFORE_NAME_SET:
            continue  # a verb of going only (places by their suffix)
        end = _run_end(text, e)
        if end is not None:
            out.append((e, end, LOC, {}))
    if "在" in text:
        out += _places_of_events(text, listed)
    return out


# What is held at a place, after 在 and its name: 在南特举行, 在朗斯进行的比赛, 在蒙彼利埃，
_HELD = ("举行", "进行", "召开", "举办", "开幕", "闭幕", "落幕", "比赛", "会晤", "会谈", "签署")
_HELD_FIRST = frozenset(w[0] for w in _HELD)
_CLAUSE_END = frozenset("，。；")


def _places_of_events(text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    """Runs of transliteration characters after 在 and before a verb of holding an event or
    the end of a clause (在南特举行, 6月21日在朗斯，): the place where it is held.  Not where
    a word ends with 在 (正在, 现在, 存在), a listed place starts inside the run (在西班牙巴塞罗那:
    the lists read it) or the run is a common word (在那里); at a clause's end only after a
    date or a clause boundary."""
    starts = {s for s, _e in listed}
    words = dictionary()
    out: list[Candidate] = []
    for m in _AT_RUN_RE.finditer(text):  # (a run of two or more needs two characters)
        i = m.start()
        s = i + 1
        e = s
        while e < len(text) and e - s < _LONGEST and text[e] in TRANSLIT_CHARS:
            if e - s >= 2 and _held_after(text, e):
                break  # 在罗滕堡比赛: 比 and 赛 transliterate too
            e += 1
        if (
            e - s >= 2
            and _held_after(text, e)
            and not starts.intersection(range(s, e))
            and words.get(text[i - 1 : s], 0) <= _WORD_ENTRY
            and words.get(text[s:e], 0) <= COMMON
            and (text[e] not in _CLAUSE_END or _when_before(text, i))
        ):
            out.append((s, e, LOC, {}))
    return out


# 在 before two transliteration characters: where a run of them may begin.
_AT_RUN_RE = rules_regex.compile(f"在(?=[{lexicon.char_class(sorted(TRANSLIT_CHARS))}]{{2}})")


# Before 在 when a clause ends right after the place: a date or a time (6月21日在朗斯，,
# 昨天在蒙彼利埃，, 下午在…) or a clause's start; not 功劳在罗纳尔多，, where the run is
# whoever the clause is about.
_WHEN_BEFORE = frozenset("年月日号天晚午晨夜，。；：")


def _when_before(text: str, i: int) -> bool:
    """True when the 在 at ``i`` opens the text or follows a date, a time or a clause
    boundary."""
    return i == 0 or text[i - 1] in _WHEN_BEFORE


def _held_after(text: str, e: int) -> bool:
    """True when a verb of holding an event or the end of a clause follows ``e``."""
    nxt = text[e : e + 1]
    return nxt in _CLAUSE_END or (nxt in _HELD_FIRST and text.startswith(_HELD, e))


# jieba's dictionary counts up to this its token entries, no words of their own.
_WORD_ENTRY = 3
# Second characters of a word that still speaks of the place (岛上, 河畔, 河口, 湖区).
_SAYS_WHERE = frozenset("上下中内外里边畔岸旁前后东西南北口道谷段区滩面底心湾源头流水")


def _cities(text: str) -> list[tuple[int, int]]:
    """Where 市 follows a transliteration character (塔科马市): a tail like 州 and 省, looked
    for here rather than by the page scan, where the commonest kind of place would add a
    word to almost every sentence."""
    return [m.span() for m in _CITY_RE.finditer(text) if not _market_word(text, m.start())]


# 市 after a transliteration character (the literal first: ``re`` looks for it in C and
# reads the character before it only there; a loop over every 市 of a page cost 14 µs).
_CITY_RE = rules_regex.compile(f"市(?<=[{lexicon.char_class(sorted(TRANSLIT_CHARS))}]市)")


def _market_word(text: str, i: int) -> bool:
    """True when the 市 at ``i`` opens a common word that says nothing of a city (诺基亚市值,
    索马里市面上: 市值, 市面; 市长, 市内 … of :data:`_CITY_WORD_NEXT` name the city)."""
    return text[i + 1 : i + 2] not in _CITY_WORD_NEXT and crosses_end(text, i + 1)


def _in_the_name(text: str, tail: str, e: int) -> bool:
    """True when the tail ending at ``e`` is part of the place's name (俄亥俄州, 塔科马市;
    not 市 of 市长, 市内: the city is the name before it)."""
    return tail in _NAME_TAILS and not (tail == "市" and text[e : e + 1] in _CITY_WORD_NEXT)


def _opens_a_word(text: str, tail: str, e: int) -> bool:
    """True when a one-character word of a kind of place is the first of a word of
    another kind (峰会, 岛国, 宫廷; not 岛上, 河口): 赫尔辛基峰会 holds no place
    赫尔辛基峰.  (峰会 is counted 71 in jieba, below the usual floor of a common word.)"""
    if len(tail) != 1 or tail not in _KIND_TAILS or text[e : e + 1] in _SAYS_WHERE:
        return False
    return dictionary().get(text[e - 1 : e + 1], 0) > _WORD_ENTRY


def _run_start(text: str, end: int, listed_ends: set[int]) -> int | None:
    """Start of the run of transliteration characters that ends at ``end``, when it
    starts at a phrase boundary or right after a listed place."""
    i = end
    while i > 0 and end - i < _LONGEST and text[i - 1] in TRANSLIT_CHARS:
        i -= 1
        if i in listed_ends:
            return i  # 叙利亚阿勒颇: the listed place ends where this one starts
    if i == end or (i > 0 and is_han(text[i - 1]) and text[i - 1] not in _BEFORE):
        return None
    return i


def _run_end(text: str, start: int) -> int | None:
    """End of the run of transliteration characters at ``start`` (two or more) that a
    phrase boundary follows; the longest such run."""
    j = start
    while j < len(text) and j - start < _LONGEST and text[j] in TRANSLIT_CHARS:
        j += 1
    for end in range(j, start + 1, -1):
        nxt = text[end : end + 1]
        if not nxt or not is_han(nxt) or nxt in _AFTER:
            return end
    return None
