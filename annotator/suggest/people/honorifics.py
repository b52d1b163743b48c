"""PER cue 4: a name before an honorific or a title written after it (习近平同志,
克林顿总统, 托娅副外长).
"""

from __future__ import annotations

from annotator import lexicon
from annotator.suggest._scan import WordMatch
from annotator.suggest._text import is_han
from annotator.suggest._words import COMMON, crosses_start_over, dictionary

from .names import (
    _PRE_NAME,
    _TRANSLIT_CHARS,
    SURNAMES,
    _foreign_name_before,
    _name_chars_ok,
)


def _honorific_names(text: str, cues: list[WordMatch], found: dict[tuple[int, int], str]) -> None:
    """Names before 同志, 总书记, 先生 …: ``以习近平同志为核心``, ``托娅副外长``."""
    for m in cues:
        j = m.start()
        if any(text[j - n : j] in _HONORIFIC_SET for n in (2, 3)):
            continue  # 晓梅同志生前: the honorific before reads the name (梅同 is none)
        if _in_a_longer_word(text, j, m.end()) or _ends_a_longer_word(text, j, m.end()):
            continue  # 登上主席台, 总统府, 班主任: a thing or a post named after the office
        if j and text[j - 1] == "副":
            j -= 1  # 副外长, 副部长: the deputy's name ends before 副
        best = _listed_surname_before(text, j)
        foreign = _foreign_name_before(text, j)
        if best is None or (foreign is not None and foreign[0] < best[0]):
            # 穆巴拉克总统: the surname 巴 inside a longer run of transliteration is no start
            best = foreign
        if best is None and text.startswith(_MR_MS, j):
            best = _unlisted_surname_before(text, j)
        if best is None and text.startswith("同志", j):
            best = _familiar_given_before(text, j)
        if best:
            found.setdefault(best, "honorific")


_HONORIFIC_SET = lexicon.word_set("people_honorifics")
# jieba count from which the honorific and the one character after it are a word of their
# own (主席台 442, 主席团 1,561, 总统府 408, 总理府 46; 主席令 4 is none).
_LONGER_WORD = 20


def _in_a_longer_word(text: str, start: int, end: int) -> bool:
    """True when the honorific ``text[start:end]`` begins a longer common word."""
    return end < len(text) and dictionary().get(text[start : end + 1], 0) >= _LONGER_WORD


def _ends_a_longer_word(text: str, start: int, end: int) -> bool:
    """True when the honorific ``text[start:end]`` ends a longer common word (班主任 in
    高三2班班主任何老师, 系主任, 办公室主任: the post's own word; the character before it is
    no given name, 班班 no person).  Not 副 (副主任: the deputy's name ends before it)."""
    return (
        start > 0
        and text[start - 1] != "副"
        and dictionary().get(text[start - 1 : end], 0) >= _LONGER_WORD
    )


# Leaders called by their given name alone before 同志 in the party press (小平同志,
# 恩来同志: lexicon ``people_familiar_given``; each PER in the MSRA gold).
_FAMILIAR_GIVEN = lexicon.word_set("people_familiar_given")


def _familiar_given_before(text: str, j: int) -> tuple[int, int] | None:
    """A listed familiar given name ending at ``j`` (before 同志), standing as a word."""
    i = j - 2
    if i < 0 or text[i:j] not in _FAMILIAR_GIVEN:
        return None
    if i and text[i - 1] in SURNAMES and is_han(text[i - 1]) and text[i - 1] not in _PRE_NAME:
        return None  # 邓小平同志: the full name is read by the surname rules
    return (i, j)


def _listed_surname_before(text: str, j: int) -> tuple[int, int] | None:
    """A name with a listed surname ending at ``j``: the longest one after a boundary, else
    the three-character one."""
    best: tuple[int, int] | None = None
    for length in (4, 3, 2):
        i = j - length
        if i < 0:
            continue
        slen = 2 if length == 4 else 1
        if text[i : i + slen] not in SURNAMES or not _name_chars_ok(text[i:j], slen):
            continue
        before = text[i - 1] if i > 0 else ""
        if not before or not is_han(before) or before in _PRE_NAME or _word_ends_at(text, i):
            return (i, j)
        if best is None and length == 3 and not crosses_start_over(text, i):
            best = (i, j)  # not 王毅出席东盟外长: 出席 runs across the surname 席
    return best if best is not None else _two_after_a_word(text, j)


def _two_after_a_word(text: str, j: int) -> tuple[int, int] | None:
    """A surname and one given character ending at ``j`` after a character that begins no
    name and makes no common word with the surname (会议上彭真同志, 清华大学的张维院士): the
    honorific after it is the cue, the character before it no part of it."""
    i = j - 2
    if i < 1 or text[i] not in SURNAMES or text[i - 1] in SURNAMES:
        return None
    if not is_han(text[i - 1]) or not _name_chars_ok(text[i:j], 1):
        return None
    if text[i - 1] in _TRANSLIT_CHARS and text[i] in _TRANSLIT_CHARS:
        return None  # 克林顿, 佩雷斯院长: the end of a transliterated name
    if "·" in text[max(0, i - 4) : i] or "•" in text[max(0, i - 4) : i]:
        return None  # 阿沛·阿旺晋美副委员长: the end of a dotted name
    words = dictionary()
    if words.get(text[i - 1 : i + 1]) or words.get(text[i:j], 0) > COMMON:
        return None  # 美国总统, 中华先生: a word across the surname, or the name a word
    return (i, j)


def _word_ends_at(text: str, i: int) -> bool:
    """True when a common word of jieba's dictionary ends at ``i`` and none runs across it
    commoner than it: 聆听 in 聆听彭真委员长 (a verb's object stands there as after 在)."""
    words = dictionary()
    before = words.get(text[max(0, i - 2) : i], 0)
    return before > COMMON and before > words.get(text[i - 1 : i + 1], 0)


# Forms of address that follow a full name only (溥杰先生, 雨瑞女士): before them a name
# with a surname outside the list is taken too.
_MR_MS = ("先生", "女士")


def _unlisted_surname_before(text: str, j: int) -> tuple[int, int] | None:
    """A name of two or three Han characters before 先生/女士 at ``j`` that stands after a
    boundary and is no word of jieba's dictionary (溥杰先生; not 这位先生, 各位女士, nor
    从谭先生, where a listed surname stands alone before 先生)."""
    if text[j - 1 : j] in SURNAMES:
        return None
    for length in (2, 3):
        i = j - length
        if i < 0 or not _name_chars_ok(text[i:j], 1):
            continue
        before = text[i - 1] if i > 0 else ""
        if before and is_han(before) and before not in _PRE_NAME:
            continue
        if dictionary().get(text[i:j], 0) or dictionary().get(text[i : i + 2], 0) > COMMON:
            return None
        return (i, j)
    return None


# Titles of office that may follow a name as honorifics do (岳万民县长, 张穹副检察长,
# 伍精华委员, 漆侠主编): those ending in 长, and 委员, 主编.  Other titles are roles that
# read on after common words (市民, 代表, 作家).
_OFFICE_AFTER = ("委员", "主编")


def _names_before_offices(
    text: str, cues: list[WordMatch], found: dict[tuple[int, int], str]
) -> None:
    """Names with a listed surname before a title of office (听取了岳万民县长关于…); not
    where the title repeats the character before it, which ends a body (童装组组长)."""
    for m in cues:
        word = text[m.start() : m.end()]
        if not (word.endswith("长") or word in _OFFICE_AFTER):
            continue
        j = m.start()
        if j and text[j - 1] == "副":
            j -= 1
        if j and text[j - 1] == word.removeprefix("副")[0]:
            continue  # 童装组组长, 纪检组副组长: a body and its head
        best = _listed_surname_before(text, j)
        if best:
            found.setdefault(best, "honorific")
