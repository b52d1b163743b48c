"""Places in a list summed up as places (卡拉奇、拉合尔、白沙瓦等地, 布鲁塞尔、安特卫普、根特等城市):
where one item is a place found, the items no list holds are places too, also one that
reads like a person's name (白沙瓦)."""

from __future__ import annotations

from annotator import rules_regex
from annotator.suggest import _scan
from annotator.suggest._text import HAN
from annotator.suggest._words import COMMON, dictionary

# The noun of places after 等 that sums a list up; the list is read back from it.
_SUM_RE = rules_regex.compile("等(?:地区|地|城市|国家|国|省份|省|市|县|州|岛屿|港口)")
_ITEM_LONGEST = 6
_HAN_RE = rules_regex.compile(f"[{HAN}·]")


def _items_before(text: str, end: int) -> list[tuple[int, int]]:
    """The items of two to six Han characters joined by 、 that end at ``end``, last first
    (the first may run on into the words before it: 足迹遍及卡拉奇)."""
    items: list[tuple[int, int]] = []
    while True:
        i = end
        while i > max(0, end - _ITEM_LONGEST) and _HAN_RE.match(text, i - 1):
            i -= 1
        if end - i < 2:
            break
        items.append((i, end))
        if i == 0 or text[i - 1] != "、":
            break
        end = i - 1
    return items if len(items) >= 2 else []


def listed_place_items(text: str, places: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of the items of such a list that no place was found for, where one
    item is a place found.  The list is read back from 等 while its items are places found
    or unknown strings: an item that holds a place and more (华南大部, 教师参加北京) or is a
    common word (江淮) ends it, a place found at the item's end taken as its first item."""
    if "等" not in text or "、" not in text:
        return []
    out: list[tuple[int, int]] = []
    starts_by_end = {e: s for s, e in places}
    for m in _SUM_RE.finditer(text):
        known, unknown = 0, []
        for s, e in _items_before(text, m.start()):
            if (s, e) in places:
                known += 1
                continue
            if any(s < pe and ps < e for ps, pe in places) or _common_word(text[s:e]):
                known += starts_by_end.get(e, -1) > s  # 教师参加北京: 北京 is the first item
                break
            unknown.append((s, e))
        if known:
            out.extend(unknown)
    return out


# A list summed up by a count of places of a kind (郑口、饶阳店两镇, 双牌、资兴、炎陵三县市):
# as many items as the count, each a place even where none was found.
_COUNT_SUM_RE = rules_regex.compile(
    "([两二三四五六七八九])(?:个)?(?:县市|市县|城市|省区|县|市|镇|乡|村|区|省|国)"
)
# (looked for where the pairs that begin a count of places stand, found by the page scan)
_COUNT_SUM_SCAN = _scan.Anchored(_COUNT_SUM_RE)
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Characters after which the first item of such a list starts (考察了郑口: 了).
_BEFORE_FIRST = frozenset("了的在和与及到对从把将向由是")
_FIRST_LONGEST = 4


def counted_place_items(text: str, places: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of the items of a list joined by 、 and summed up by a count of
    places that equals its length (郑口、饶阳店两镇), for items no place was found for and
    that are no common words; the first item starts after a particle or a boundary."""
    if "、" not in text:
        return []
    out: list[tuple[int, int]] = []
    for m in _COUNT_SUM_SCAN.finditer(text):
        items = _items_before(text, m.start())
        if len(items) != _COUNTS[m.group(1)]:
            continue
        s, e = items[-1]
        cut = max((i + 1 for i in range(s, e) if text[i] in _BEFORE_FIRST), default=s)
        if cut == s and s > 0 and _HAN_RE.match(text, s - 1):
            continue  # the first item runs on into the words before it
        items[-1] = (cut, e)
        if e - cut < 2 or e - cut > _FIRST_LONGEST:
            continue
        if any(_common_word(text[a:b]) for a, b in items if (a, b) not in places):
            continue
        out.extend(
            (a, b)
            for a, b in items
            if (a, b) not in places and not any(a < pe and ps < b for ps, pe in places)
        )
    return out


def _common_word(item: str) -> bool:
    """True when ``item`` is a common word of jieba's dictionary (江淮 is a group of
    abbreviations, read by their rule; names as rare as 根特, 白沙瓦 are no common words),
    or two of them (详细报道、中美两国: 详细 + 报道 is a phrase, no place)."""
    words = dictionary()
    if words.get(item, 0) > COMMON:
        return True
    return any(
        words.get(item[:n], 0) > COMMON and words.get(item[n:], 0) > COMMON
        for n in range(2, len(item) - 1)
    )
