"""PER: names known by their own form: 张某 and 王某某 (court and police reports), 老王 and
小刘 (familiar names), 买买提·艾力 and 马克·吐温 (dotted names), 马克思 of 马克思主义 (the
person a doctrine is named after).
"""

from __future__ import annotations

from annotator import lexicon
from annotator.suggest._scan import WordMatch
from annotator.suggest._text import STOP_CHARS, is_han
from annotator.suggest._words import begins_on_path, crosses_end, crosses_start

from .cues import _FAMILIAR_NOT
from .names import _DOT_CHARS, _DOT_NAME_RE, _PRE_NAME, SURNAMES, _ends_name

_DOT_SET = frozenset(_DOT_CHARS)

# 张某, 王某某, 欧阳某: a surname + 某 is how court and police reports name people.
# 某 before these is "a certain" unit, place or body (某县, 某国, 某企业, 某公司); 企, 公 and
# 机 begin other words after a name too (王某企图逃跑, 张某公开表示, 李某机智), so only their words.
_MOU_NOT_AFTER = frozenset("些种个地处位项件次方类人天日年家单部时样厂村县市省镇乡校院国")
_MOU_NOT_BEFORE_WORDS = ("企业", "公司", "机关", "机构")


def _anonymised_names(text: str, found: dict[tuple[int, int], str]) -> None:
    i = text.find("某")
    while i != -1:
        end = i + 2 if text[i + 1 : i + 2] == "某" else i + 1
        for slen in (2, 1):
            s = i - slen
            if (
                s >= 0
                and text[s:i] in SURNAMES
                and text[end : end + 1] not in _MOU_NOT_AFTER
                and not text.startswith(_MOU_NOT_BEFORE_WORDS, end)
            ):
                if slen == 1 and s and text[s - 1 : i] in SURNAMES:
                    continue  # the compound surname is tried first
                if slen == 1 and crosses_start(text, s) and not begins_on_path(text, s):
                    continue  # 河南某地: the surname ends a word (河南), no name; not in
                    # 嫌疑人马某, where 嫌疑人 takes the 人 of 人马
                found.setdefault((s, end), "anonymised")
                break
        i = text.find("某", end)


_FAMILIAR_END = frozenset("说笑是正也就还便和今告介表拿把在家又已都一")


def _familiar_names(text: str, cues: list[WordMatch], found: dict[tuple[int, int], str]) -> None:
    for m in cues:
        s = m.start()
        e = s + 2
        if text[s + 1 : e] not in SURNAMES or text[s:e] in _FAMILIAR_NOT:
            continue
        before = text[s - 1] if s else ""
        if (before and before in "大个多") or (before in SURNAMES and before not in _PRE_NAME):
            continue  # 大小, 3个小时, 邓小平
        if crosses_start(text, s) and not begins_on_path(text, s):
            continue  # 养老金, 从小学: 老 or 小 inside a word begun before it
        nxt = text[e : e + 1]
        if not nxt or not is_han(nxt) or nxt in _FAMILIAR_END:
            found.setdefault((s, e), "familiar")


def _dot_names(
    text: str,
    found: dict[tuple[int, int], str],
    title_ends: frozenset[int] = frozenset(),
    title_starts: frozenset[int] = frozenset(),
) -> None:
    """买买提·艾力, 马克·吐温: Han runs joined by a middle dot.  The runs are made of
    transliteration characters; one other character is taken in where the name could not
    end or start without it (索尼亚·甘地说, 委员长铁木尔·达瓦买提): the dot says a name
    stands there, and no list holds every character of foreign names."""
    taken = []
    for m in _DOT_NAME_RE.finditer(text):
        s, e = m.span()
        end = _dot_name_end(text, e, title_starts)
        found.setdefault((_dot_name_start(text, s, title_ends), end), "dot")
        taken.append((s, end))
    for dot in ("·", "•"):
        k = text.find(dot)
        while k != -1:
            if not any(s < k < e for s, e in taken):
                span = _gap_after_dot(text, k, title_ends, title_starts)
                if span is not None:
                    found.setdefault(span, "dot")
            k = text.find(dot, k + 1)


def _gap_after_dot(
    text: str, k: int, title_ends: frozenset[int], title_starts: frozenset[int]
) -> tuple[int, int] | None:
    """A dotted name whose second part begins with one character outside the lists
    (玛丽·居里, 热依拉·吾买尔江是): runs of transliteration characters on both sides, the
    name starting after a boundary or a title and ending where a name may end."""
    i = k
    while i > 0 and text[i - 1] in _DOT_SET and k - i < _DOT_RUN:
        i -= 1
    first = text[k + 1 : k + 2]
    if i == k or not _starts_name(text, i, title_ends) or not is_han(first):
        return None
    if i and text[i - 1] in "·•":
        return None  # 埃米略·德·孔西里斯: the middle of a longer dotted name
    if first in _DOT_SET or first in _NOT_IN_DOT_NAME:
        return None  # (the pattern of dotted names read it, or the name ends at the dot)
    j = k + 2
    while j < len(text) and text[j] in _DOT_SET and j - k <= _DOT_RUN:
        j += 1
    if j == k + 2 or not (_ends_name(text, j) or j in title_starts):
        return None
    return (i, j)


# Characters never inside a name: particles, prepositions, conjunctions (a name ends or
# starts next to them).
_NOT_IN_DOT_NAME = frozenset(STOP_CHARS + "以来、和说")


def _dot_name_end(text: str, e: int, title_starts: frozenset[int] = frozenset()) -> int:
    """``e``, or the end of the run after one more character when only that one lets the
    name end (甘 + 地 + 说; 阿旺晋 + 美 + 副委员长: a title or an honorific after it)."""
    if (
        _ends_name(text, e)
        or e in title_starts
        or text[e] in _NOT_IN_DOT_NAME
        or crosses_end(text, e + 1)
    ):
        return e  # 巴格尔上将: the character begins a word
    j = e + 1
    while j < len(text) and text[j] in _DOT_SET and j - e < _DOT_RUN and j not in title_starts:
        j += 1
    ok = _ends_name(text, j) or j in title_starts or text[j : j + 1] in _NOT_IN_DOT_NAME
    return j if ok else e


def _dot_name_start(text: str, s: int, title_ends: frozenset[int]) -> int:
    """``s``, or the start of the run before one more character when only that one lets
    the name start after a boundary or a title (、铁 + 木尔·…, 负责人 + 理 + 查德·…)."""
    if _starts_name(text, s, title_ends) or crosses_start(text, s - 1) or text[s - 1] in _PRE_NAME:
        return s  # (请 + 班禅额尔德尼·…: a verb or a preposition before the name, no part of it)
    i = s - 1
    while i > 0 and text[i - 1] in _DOT_SET and s - i < _DOT_RUN:
        i -= 1
    return i if _starts_name(text, i, title_ends) else s


_DOT_RUN = 6


def _starts_name(text: str, i: int, title_ends: frozenset[int]) -> bool:
    return i == 0 or not is_han(text[i - 1]) or text[i - 1] in _NOT_IN_DOT_NAME or i in title_ends


# 马克思主义, 邓小平理论: the person a doctrine is named after, before the doctrine (lexicon
# ``people_doctrine_names``, from jieba's dictionary).
_DOCTRINES = ("主义", "思想", "理论")
_DOCTRINE_NAMES = lexicon.word_set("people_doctrine_names")
_DOCTRINE_NAME_LENGTHS = sorted({len(n) for n in _DOCTRINE_NAMES}, reverse=True)


def _doctrine_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """The names before the doctrines named after them (学习马克思主义: 马克思).  The
    doctrine words are found by ``str.find`` (a regex of the names would be tried at every
    character of the page)."""
    for word in _DOCTRINES:
        j = text.find(word)
        while j != -1:
            for n in _DOCTRINE_NAME_LENGTHS:
                if j >= n and text[j - n : j] in _DOCTRINE_NAMES:
                    found.setdefault((j - n, j), "doctrine")
                    break
            j = text.find(word, j + 2)
