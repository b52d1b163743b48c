"""PER cues 3 and 5: names joined by 、 and closed by 等 or a count (王芳、李娜等同志,
叶一帆、李二3名队员), rosters without a cue (胡德风、徐新、刘云厚), names in photo captions
(李大山（右）) and a name joined by 和/与 to a name found (张和平和王珠).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.suggest import _scan
from annotator.suggest._text import HAN, is_han
from annotator.suggest._words import dictionary

from .names import (
    _DOT_NAME_RE,
    _ITEM_CHAR_RE,
    _NOT_NAMES,
    _PLACES,
    _PRE_NAME,
    SURNAMES,
    _ends_name,
    _item_name_from,
    _name_chars_ok,
    _name_ending_at,
    _not_a_name,
    _stop_word,
    _transliterated,
    _whole_name,
    name_at,
)


def _names_before_etc(
    text: str,
    ends: list[int],
    found: dict[tuple[int, int], str],
    min_names: int = 1,
) -> None:
    """Names joined by 、 that end before 等: ``王芳、李娜、张伟等同志``, read backwards.

    With ``min_names`` 2 (before a count: ``叶一帆、李二、王小三3名队员``) a single
    name-shaped word is not enough."""
    for j in ends:
        names: list[tuple[int, int]] = []
        while True:
            for length in (2, 3, 4):
                i = j - length
                slen = 2 if length == 4 else 1
                if i < 0 or text[i : i + slen] not in SURNAMES:
                    continue
                before = text[i - 1] if i else ""
                if before and is_han(before) and before not in _PRE_NAME:
                    continue  # the name would not start at a separator
                if (
                    _name_chars_ok(text[i:j], slen)
                    and text[i:j] not in _NOT_NAMES
                    and not _stop_word(text[i:j])
                ):
                    names.append((i, j))
                    break
            else:
                break
            if before != "、":
                break
            j = i - 1
        if len(names) >= min_names:
            for span in names:
                found.setdefault(span, "list")


# Three or more short items joined by 、 (a roster: 胡德风、徐新、刘云厚、郑健执棒).
# Anchored on its first 、 (a literal lets ``re`` skip the rest of the text in C): the
# inner items of the roster; the first and last items are read around the match.
_ROSTER_RE = rules_regex.compile(f"、(?:[{HAN}·•]{{2,8}}、)+")


def _pair_before_etc(text: str, found: dict[tuple[int, int], str]) -> None:
    """Two names joined by 、 before 等 (王元、汝信等各界科学家): each a whole name."""
    for m in _PAIR_ETC_RE.finditer(text):
        second = m.span(1)
        first = _name_ending_at(text, max(0, m.start() - 4), m.start())
        if first is not None and _whole_name(text, *second):
            found.setdefault(first, "list")
            found.setdefault(second, "list")


# Anchored on the 、 (a literal lets ``re`` skip the text in C); the first name is read
# back from it.
_PAIR_ETC_RE = rules_regex.compile(f"、([{HAN}]{{2,4}})等")


def _roster_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """Names of a roster without a cue: most inner items must be whole names (two in five
    may be something else, such as a name with a former name in brackets); the
    first item may carry words before its name (男队员还有王励勤、阎森、马琳) and the last
    one words after it (…、郑健执棒)."""
    for m in _ROSTER_RE.finditer(text):
        items, at = [], m.start() + 1
        for part in m.group(0)[1:-1].split("、"):
            items.append((at, at + len(part)))
            at += len(part) + 1
        names = [item for item in items if _whole_name(text, *item)]
        if len(names) * 5 < len(items) * 3:
            continue
        i = m.start()
        while i > m.start() - 12 and i > 0 and _ITEM_CHAR_RE.match(text, i - 1):
            i -= 1
        first = _name_ending_at(text, i, m.start()) if m.start() - i >= 2 else None
        last = _item_name_from(text, m.end())
        also = None
        if last is not None and text[last[1] : last[1] + 1] in ("和", "与", "及"):
            also = _item_name_from(text, last[1] + 1)  # …、莱奥纳多和里瓦尔多
        for span in [first, *names, last, also]:
            if span is not None:
                found.setdefault(span, "roster")


# A count of people after a list of names: 叶一帆、李二、王小三3名队员, 两位.
# (Anchored on the 、 before the last name: ``re`` finds a literal first character fast.)
_COUNT_RE = rules_regex.compile(
    f"、(?:(?!、)[{HAN}]){{2,4}}?(?P<n>[0-9一二两三四五六七八九十]{{1,2}}[名位])(?=[{HAN}])"
)

# Photo captions: 图为李大山（右）在田间, 王明（左二）, 李明（前排中）.
_CAPTION_RE = rules_regex.compile(r"[（(](?:前排|后排|中排)?[左右中][一二三四五六七八九]?[）)]")


def _caption_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """Names before a position in a photo caption: 图为李大山（右）."""
    ends = []
    for paren in "（(":
        i = text.find(paren)
        while i != -1:
            if _CAPTION_RE.match(text, i):
                ends.append(i)
            i = text.find(paren, i + 1)
    if ends:
        _names_before_etc(text, ends, found)


def _partner_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """A name joined by 和/与/及/同 to a name found by a cue: 张和平和王珠等, 李明与王芳会见."""
    for _s, e in list(found):
        if text[e : e + 1] not in ("和", "与", "及", "同"):
            continue
        end = name_at(text, e + 1)
        if end is not None and _ends_name(text, end) and _whole_name(text, e + 1, end):
            found.setdefault((e + 1, end), "partner")


# The numbers of a numbered list of short items: （1）克林顿（2）布什（3）戈尔, ①朱佩②希拉克.
# (one class of every first character, then the rest by the one that stood there: ``re``
# skips to a class in C, but tries an alternation of classes at every position)
_NUMBER_MARK_RE = rules_regex.compile(
    "[（(①②③④⑤⑥⑦⑧⑨⑩](?:(?<=[（(])[0-9０-９]{1,2}[）)]|(?<=[①②③④⑤⑥⑦⑧⑨⑩]))"
)
# The first number of such a list, found by the one scan of the page.
_NUMBERS = "people_numbers"
_scan.register(_NUMBERS, ("①", "1）", "1)", "１）"))
_NUMBERED_ITEM_RE = rules_regex.compile(f"[{HAN}·•]{{2,8}}")
_NUMBERED_FEWEST = 3
# jieba count above which an item is a common word (领导 31,739), not a name (库克 162)
_NUMBERED_COMMON = 1000


def _numbered_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """The items of a numbered list whose every item is a name (quiz options: （1）克林顿
    （2）布什（3）戈尔): each item is exactly the text between two numbers (the last one
    up to a non-Han character), so the numbers bound the names.  A list of which any item
    is no plausible name, or is a place, is left (（1）北京（2）上海; （1）牙买加（2）…)."""
    if not _scan.words(text, _NUMBERS):
        return  # (no first number on the page: the one scan says so at no cost)
    marks = list(_NUMBER_MARK_RE.finditer(text))
    run: list[tuple[int, int]] = []
    for k, m in enumerate(marks):
        item = _NUMBERED_ITEM_RE.match(text, m.end())
        nxt = marks[k + 1].start() if k + 1 < len(marks) else None
        if item is None or (nxt is not None and item.end() != nxt and run):
            _take_numbered(text, run, found)
            run = []
            continue
        if nxt is not None and item.end() != nxt:
            continue  # (1) 加强领导: an item with more after it, no name
        run.append(item.span())
        if nxt is None:
            _take_numbered(text, run, found)
            run = []


def _take_numbered(
    text: str, items: list[tuple[int, int]], found: dict[tuple[int, int], str]
) -> None:
    if len(items) < _NUMBERED_FEWEST:
        return
    names = [_numbered_name(text[s:e]) for s, e in items]
    # all but one item are names, and that one is neither a place nor a common word: a
    # name that no list holds (（1）塞甘（2）若斯潘（3）朱佩)
    if names.count(True) < len(items) - 1:
        return
    for (s, e), named in zip(items, names, strict=True):
        if not named and (
            e - s > 4
            or text[s:e] in _PLACES
            or _not_a_name(text[s:e])
            or dictionary().get(text[s:e], 0) > _NUMBERED_COMMON
        ):
            return
    for span in items:
        found.setdefault(span, "numbered")


def _numbered_name(name: str) -> bool:
    """A name as an item of a numbered list: a transliteration of two characters or more,
    a dotted name, or a surname and one or two given characters; never a place."""
    if _not_a_name(name) or name in _PLACES or _stop_word(name):
        return False
    if _transliterated(name, shortest=2):
        return True
    if ("·" in name or "•" in name) and _DOT_NAME_RE.fullmatch(name):
        return True
    return _whole_name(name, 0, len(name))


# An item of two or three Han characters between two names of a list joined by 、 (read
# from the 、 after a name found: no search of the page).
_GAP_RE = rules_regex.compile(f"[{HAN}]{{2,3}}(?=、)")
# jieba count above which such an item is a common word, not a name
_GAP_COMMON = 50


def _list_gaps(text: str, found: dict[tuple[int, int], str]) -> None:
    """An item between two names of a list joined by 、 is a name too, whatever its
    surname (童傅、厉无畏、钮小明、朱培康: 钮 is in no list), unless it is a place or a
    common word: the items of a list are of one kind."""
    starts = {s for s, _e in found}
    for _s, end in list(found):
        if text[end : end + 1] != "、":
            continue
        m = _GAP_RE.match(text, end + 1)
        if m is None or m.start() in starts:
            continue
        s, e = m.span()
        if e + 1 not in starts and _item_name_from(text, e + 1) is None:
            continue  # the item after it must be a name too (found, or read whole)
        name = text[s:e]
        if name in _PLACES or _not_a_name(name) or name in _NOT_NAMES:
            continue
        if dictionary().get(name, 0) > _GAP_COMMON or not _name_chars_ok(name, 1):
            continue
        found.setdefault((s, e), "list")
