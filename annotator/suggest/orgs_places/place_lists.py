"""Places in a list summed up as places (卡拉奇、拉合尔、白沙瓦等地, 布鲁塞尔、安特卫普、根特等城市):
where one item is a place found, the items no list holds are places too, also one that
reads like a person's name (白沙瓦)."""

from __future__ import annotations

from annotator import rules_regex
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


def _common_word(item: str) -> bool:
    """True when ``item`` is a common word of jieba's dictionary (江淮 is a group of
    abbreviations, read by their rule; names as rare as 根特, 白沙瓦 are no common words)."""
    return dictionary().get(item, 0) > COMMON
