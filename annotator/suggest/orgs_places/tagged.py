"""LOC by jieba's dictionary: places that no list holds and no boundary introduces.

The pattern rules of :mod:`.places` find ``…县 …区 …村`` only after a boundary or a verb
of going, as a name and its kind cannot be told from a word and the next one in running
text.  jieba's dictionary tags about 5,000 words of three or more characters as places
(``ns``) that end in a kind of place (县 市 区 镇 乡 村 州 省 江 河 山 湖 岛): counties,
districts, towns, rivers of China and abroad (通州区, 罗田县, 中关村, 内华达州).  Such a word
is a place wherever it stands (京郊通州区北运河畔), as a listed division is, unless

* a listed place overlaps it (the lists' own rules read those: 北京市民, 吉林省镇赉县),
* it is generic or deictic (沿海地区, 文明城市, 各乡镇), or an idiom tagged so (半壁河山),
* a common word runs across its start (编修城区) or its kind character begins the next
  word (…区长, …市场: the name is then read by the rules of titles and organisations; 西南
  + 乡村, two common words).

A word tagged as a place of any ending is a place too where it stands in a list beside a
listed place (重庆、涪陵和葛洲坝: a list names things of one kind), as an item of its own.

Without jieba nothing is found.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from annotator import short_words
from annotator.suggest import _places as P
from annotator.suggest import _scan
from annotator.suggest._text import Candidate
from annotator.suggest._words import crosses_end, crosses_start_over, dictionary

from .common import LOC, _generic
from .places import _slogan, _two_words

# The kinds of place a tagged word may end with.
KINDS = frozenset("省市县区乡镇村州江河山湖岛")
_VOCABULARY = "tagged_places"
# Characters after a place's kind that begin a word with it (县长, 区级, 市场): the kind is
# that word's.
_AFTER_KIND = frozenset("长级域直情场民")


def _tagged_words() -> list[str]:
    """jieba's words tagged ``ns`` of three characters or more that end in a kind of place
    and are no idiom (半壁河山) nor a kind of division (自治州)."""
    return [
        w
        for w, tag in short_words.tags().items()
        if tag == "ns"
        and len(w) >= 3
        and w[-1] in KINDS
        and not _idiom(w)
        # 自治州, 自治县: the kinds of autonomous divisions, no names
        and not w.startswith("自治")
        # 科教兴市, 科技兴县: slogans (jieba tags some ns)
        and not _slogan(w[:-1])
    ]


# Pairs of nature words that end idioms of the land as a whole (半壁河山, 大好江山).
_LAND = frozenset(("河山", "江山", "山河", "湖山"))


def _idiom(word: str) -> bool:
    """True for four-character words ending in a pair of nature words (半壁河山)."""
    return len(word) == 4 and word[-2:] in _LAND


_scan.register(_VOCABULARY, [*_tagged_words(), *P.COUNTIES])


def tagged_places(text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    """The places of jieba's dictionary in ``text`` that no ``listed`` place overlaps."""
    after = _after_listed(text, listed)
    # (a place read after a listed one heads a list too: 浙江萧山、余杭)
    out = after + _beside_in_list(text, listed + [(s, e) for s, e, _, _ in after])
    found = _scan.words(text, _VOCABULARY)
    overlapping = _overlapping(listed)
    for s, e in found:
        over = overlapping(s, e)
        if over and not _named_after(text, s, e, over):
            continue  # 北京市民: the listed 北京 and its rules
        if _generic(text[s:e]) or crosses_start_over(text, s):
            continue  # 沿海地区, 各乡镇; 编修 + 城区
        if e < len(text) and text[e] in _AFTER_KIND and crosses_end(text, e):
            continue  # 通州区长: the district's head
        if _two_words(text, s, e - 1):
            continue  # 西南 + 乡村: a common word before the kind, which begins another
        out.append((s, e, LOC, {}))
    return out


# Kinds of place named after another place or a thing (太阳岛, 九龙山, 华蓥山, 冲绳岛):
# the listed name and the kind are one place, which the lists' rules do not read.
_NAMED_KINDS = frozenset("岛湖山河江")


def _named_after(text: str, s: int, e: int, over: list[tuple[int, int]]) -> bool:
    """True when the tagged place ``text[s:e]`` is a listed place and a kind of place of
    :data:`_NAMED_KINDS` after it (太阳 + 岛): the one listed place that overlaps it, of
    those ``over`` it, is the place before the kind."""
    return text[e - 1] in _NAMED_KINDS and over == [(s, e - 1)]


def _overlapping(
    listed: list[tuple[int, int]],
) -> Callable[[int, int], list[tuple[int, int]]]:
    """A function of ``(s, e)`` giving the ``listed`` places that overlap ``s:e``, looked up
    among those starting at most one place's length before ``s`` (a test of every listed
    place for every tagged word was quadratic: 30,000 characters of 北京市 took 12 s)."""
    spans = sorted(listed)
    starts = [a for a, _ in spans]
    longest = max((b - a for a, b in spans), default=0)

    def overlapping(s: int, e: int) -> list[tuple[int, int]]:
        lo = bisect_left(starts, s - longest + 1)
        return [(a, b) for a, b in spans[lo : bisect_left(starts, e)] if b > s]

    return overlapping


# jieba count above which a word tagged as a place is a common word too (海关 813, 通州
# 306, 东西 18,877; 峨边 5, 如东 21, 滇南 48, 上虞 56)
_RARE = 100
_TAGS = short_words.tags()
_BARE = P.COUNTY_BARE
_COUNTY_PARENTS = P.COUNTY_PARENTS
_COUNTY_KINDS = frozenset("县区市旗")
# China's provinces and cities: a smaller place may follow their names directly.
_DIVISIONS = frozenset(
    (*P.PROVINCES_FULL, *P.PROVINCES_SHORT, *P.PREFECTURES, *P.COUNTY_CITIES)
) | frozenset(name + "市" for name in (*P.PREFECTURES, *P.COUNTY_CITIES))


# The first two characters of the words tagged as places and of the counties' bare names.
_AFTER_PAIRS = frozenset(
    [w[:2] for w, tag in _TAGS.items() if tag == "ns"] + [w[:2] for w in _COUNTY_PARENTS]
)


def _after_listed(text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    """A rare word tagged as a place, or the bare name of a county of that province or
    city, right after a listed province or city: Chinese names the larger place before the
    smaller one (四川峨边, 南通如东, 山西灵丘, 北京昌平; not 张家口东安: 东安 is in Hunan).
    Not a word of two characters ending in a kind of place (广西山乡: a kind of place, no
    name), nor a generic one (各乡镇)."""
    out: list[Candidate] = []
    starts = {s for s, _ in listed}
    words = dictionary()
    for s, a in listed:
        division = text[s:a]
        if division not in _DIVISIONS or text[a : a + 2] not in _AFTER_PAIRS:
            continue  # (no word tagged as a place nor county starts after it: most places)
        for n in (4, 3, 2):
            b = a + n
            if b > len(text):
                continue  # (a slice past the end is shorter than n: 衡阳 + 华约 at the end)
            word = text[a:b]
            # (海淀区 after 北京市: the full name is the place, read as one)
            county = (
                word in _COUNTY_PARENTS  # (most words name no county: no generator)
                and _county_of(word, division)
                and text[b : b + 1] not in _COUNTY_KINDS
            )
            if not county and (
                n > 3 or _TAGS.get(word) != "ns" or not 0 < words.get(word, 0) <= _RARE
            ):
                continue
            if b in starts or crosses_end(text, b) or _generic(word):
                break
            if county or n == 3 or word[-1] not in KINDS:
                out.append((a, b, LOC, {}))
            break
    return out


def _county_of(word: str, division: str) -> bool:
    """True when ``word`` is the bare name of a county in the province or prefecture
    ``division`` (湖南, 湖南省, 长沙市 …)."""
    return any(division.startswith(above) for above in _COUNTY_PARENTS.get(word, ()))


# What stands between the items of a list: the enumeration comma, and the conjunctions
# before the last item.
_LIST_MARKS = frozenset("、和与及或")
# What may close an item (the next mark, the end of the list, the clause).
_ITEM_END = frozenset("、和与及或等，。；：,;:）)”》")
_ITEM_LONGEST = 4


def _beside_in_list(text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    """Words tagged as places that stand in a list right before or after a listed place
    (重庆、涪陵和葛洲坝: 涪陵), each a whole item: the mark of the list on one side, the end
    of the item on the other."""
    out: list[Candidate] = []
    taken = {(s, e) for s, e in listed}
    for s, e in listed:
        if text[e : e + 1] in _LIST_MARKS:
            a = e + 1
            for n in range(_ITEM_LONGEST, 1, -1):
                b = a + n
                if _list_item(text, a, b, taken) and (b == len(text) or text[b] in _ITEM_END):
                    out.append((a, b, LOC, {}))
                    break
        if s > 0 and text[s - 1] == "、":
            b = s - 1
            for n in range(_ITEM_LONGEST, 1, -1):
                a = b - n
                if _list_item(text, a, b, taken) and (
                    a == 0 or not text[a - 1].isalnum() or text[a - 1] in _LIST_MARKS
                ):
                    out.append((a, b, LOC, {}))
                    break
    return out


def _list_item(text: str, a: int, b: int, taken: set[tuple[int, int]]) -> bool:
    """True when ``text[a:b]`` is a word tagged as a place, not listed, nor generic, nor
    two listed places in a row (辽宁大连: the province and the city, two places)."""
    if a < 0 or b > len(text) or (a, b) in taken:
        return False
    word = text[a:b]
    # (the word's tag first: most words are no place, and the pairs are not tried)
    if not (_TAGS.get(word) == "ns" or word in _BARE) or _generic(word):
        return False
    return not any((a, m) in taken and (m, b) in taken for m in range(a + 2, b - 1))
