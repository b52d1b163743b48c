"""The cues of one block's own text: the characters it contains, bullets, enumerators, notes
in brackets, leads, datelines, credits and reporters, its first and last character.
"""

from __future__ import annotations

import re

from annotator.split import cues

_BULLETS = frozenset("■□●◆◇★☆◎○•▲△▼▽")
_ENUM_START = re.compile(
    r"[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．]"
)
# The characters an enumerator of ``_ENUM_START`` begins with besides its digits (``\\d``:
# what ``str.isdecimal`` says): most blocks begin otherwise and skip the regex.
_ENUM_FIRST = frozenset("一二三四五六七八九十（(")
_TRAIL_NOTE = re.compile(r"[（(][^（()）]{1,40}[)）]\s*\Z")


# Characters whose presence anywhere in a block is a feature of their own (one regex scan).
_CONTAINS = {
    "，": "comma",
    ",": "comma",
    "：": "colon",
    ":": "colon",
    "、": "dun",
    "；": "semi",
    " ": "space",
    "\u3000": "space",
    "（": "bracket",
    "(": "bracket",
    "“": "quote",
    "”": "quote",
    "《": "quote",
}
# The characters of each feature name, the names in sorted order: a block's names are found
# by one ``in`` per character (faster than one regex scan collecting every comma of the text).
_CONTAINS_GROUPS = tuple(
    (name, tuple(c for c in _CONTAINS if _CONTAINS[c] == name))
    for name in sorted(set(_CONTAINS.values()))
)
# Cues inside a bracketed note at the end of a block (an end note closes its article).
_NOTE_CUES = ("电", "整理", "执笔", "记者", "来源", "据", "摄", "供稿", "编辑")
_NOTE_FEATURES = tuple((cue, "note_" + cue) for cue in _NOTE_CUES)


def _contains(t: str) -> list[str]:
    """The names of the characters of ``_CONTAINS`` in ``t``, sorted.

    Written out (the names in the order of ``_CONTAINS_GROUPS``, a test checks it against the
    table): a loop over the table cost more than the scans themselves."""
    out = []
    if "（" in t or "(" in t:
        out.append("bracket")
    if "：" in t or ":" in t:
        out.append("colon")
    if "，" in t or "," in t:
        out.append("comma")
    if "、" in t:
        out.append("dun")
    if "“" in t or "”" in t or "《" in t:
        out.append("quote")
    if "；" in t:
        out.append("semi")
    if " " in t or "\u3000" in t:
        out.append("space")
    return out


def _note_cues(t: str) -> list[str]:
    """Cues of a block that is, or ends in, a bracketed note."""
    last = t[-1]
    if t[0] in "（(" and last in "）)":
        f = ["all_bracketed"]
    elif (last in "）)" or last.isspace()) and _TRAIL_NOTE.search(t):
        f = ["trail_note"]
    else:
        return []
    note = t[max(t.rfind("（"), t.rfind("(")) :]
    f.extend(name for cue, name in _NOTE_FEATURES if cue in note)
    return f


def _people_cues(t: str) -> list[str]:
    """Cues of leads, datelines, photo credits and reporters."""
    f = []
    if t.find("本报讯", 0, 12) >= 0:
        f.append("bbx")
    if cues.is_lead(t):
        f.append("lead")
    elif t.find("电", 0, 30) >= 0 and t.find("月", 0, 24) >= 0:
        f.append("dateline_ish")
    if "摄" in t:
        f.append("credit_end" if t.find("摄", max(len(t) - 12, 0)) >= 0 else "credit_in")
    if "记者" in t or "通讯员" in t or "实习生" in t:
        f.append("reporter")
    return f


_MARKS = "*# \t"  # markdown marks and spaces around a block's text
_MARK_SET = frozenset(_MARKS)


def _text_cues(s: str) -> list[str]:
    """Cues of the block's own text (without its length)."""
    # Most blocks have no marks to strip: no copy of a long paragraph for them.
    t = s.strip(_MARKS) if s[:1] in _MARK_SET or s[-1:] in _MARK_SET else s
    if not t:
        return ["empty"]
    f = _contains(t)
    n = len(t)
    if t.find("。", 0, n - 1) >= 0:
        f.append("inner_stop")
    if "——" in t:
        f.append("dash_end" if t.endswith("——") else "dash_in")
    first, last = t[0], t[-1]
    if first == "—":
        f.append("dash_start")
    if first in _BULLETS:
        f.append("bullet_" + first)
    if (first in _ENUM_FIRST or first.isdecimal()) and _ENUM_START.match(t):
        f.append("enum")
    if n < 30 and "版" in t:
        f.append("ban")
    if last in "）)" or last.isspace():  # a note ends in its bracket (see _note_cues)
        f.extend(_note_cues(t))
    f.extend(_people_cues(t))
    # a Han character as HAN, any other as itself (punctuation, bullets, digits)
    f.append("last=HAN" if "\u4e00" <= last <= "\u9fff" else "last=" + last)
    f.append("first=HAN" if "\u4e00" <= first <= "\u9fff" else "first=" + first)
    return f
