"""Whether a common word of jieba's dictionary runs across the edge of a listed string.

Short listed strings (a county of one character + 县, a company's short name, 上年) are
also the tails or heads of common words: 担任县委 holds 任县, 风格力求 holds 格力,
马上年底 holds 上年.  When the character before the string and its first character (or
its last character and the one after it) make a common word, the string is read inside
that word and is no name.  Without jieba nothing is refused.
"""

from __future__ import annotations

from annotator import short_words

# jieba counts above which a two-character word is common enough to win over a listed
# string (接龙 5, 原任 3 do not; 担任 6409, 风格 3758, 社会 43401 do).
COMMON = 100


def dictionary() -> dict[str, int]:
    """jieba's words of two to six characters with their counts (empty without jieba)."""
    return short_words.entries()[0]


def crosses_start(text: str, s: int) -> bool:
    """True when ``text[s-1:s+1]`` is a common word (担任 + 县 in 担任县委)."""
    return s > 0 and dictionary().get(text[s - 1 : s + 1], 0) > COMMON


def crosses_start_over(text: str, s: int) -> bool:
    """True when a common word runs across the start ``s`` (担任 + 县 in 担任县委) and the
    two characters before ``s`` make no commoner word: in 加强人大 加强 outweighs 强人,
    so 人大 starts a word there."""
    words = dictionary()
    across = words.get(text[s - 1 : s + 1], 0) if s > 0 else 0
    return across > COMMON and words.get(text[max(0, s - 2) : s], 0) <= across


def crosses_end(text: str, e: int) -> bool:
    """True when ``text[e-1:e+1]`` is a common word (社会 in 中东社会)."""
    return e < len(text) and dictionary().get(text[e - 1 : e + 1], 0) > COMMON


# How much likelier two words than a name between two single characters must be, by
# their counts, for the text to read as the words: jieba weighs a reading by the product
# of its words' counts, and a pair of common single characters weighs about this much
# against one word (踏上海上: 踏上 × 海上 = 2.3 million against 上海 16,377 × 100).
_TWO_WORDS_OVER_NAME = 100


def read_across(text: str, s: int, e: int) -> bool:
    """True when common words run across both edges of ``text[s:e]``, each commoner than
    it (东北爱心 is 东北 + 爱心, not 北爱), or together much likelier than it (踏上海上 is
    踏上 + 海上, 城镇江岸 城镇 + 江岸: no 上海, no 镇江)."""
    if s < 1 or e >= len(text):
        return False
    words = dictionary()
    name = words.get(text[s:e], 0)
    floor = max(COMMON, name)
    before = words.get(text[s - 1 : s + 1], 0)
    after = words.get(text[e - 1 : e + 1], 0)
    if before > floor and after > floor:
        return True
    return before > COMMON and after > COMMON and before * after > name * _TWO_WORDS_OVER_NAME


def crosses_end_over(text: str, e: int) -> bool:
    """True when a common word runs across the end ``e`` (党委会 + 议 in 党委会议) and no
    commoner word of two or three characters starts at ``e``: in 特委会合作 合作 outweighs
    会合, so 会 ends the name there (the mirror of :func:`crosses_start_over`)."""
    words = dictionary()
    across = words.get(text[e - 1 : e + 1], 0) if 0 < e < len(text) else 0
    return across > COMMON and max(words.get(text[e : e + k], 0) for k in (2, 3)) <= across


def crossed(text: str, s: int, e: int) -> bool:
    """True when a common word runs across either edge of ``text[s:e]``."""
    return crosses_start(text, s) or crosses_end(text, e)


# Characters each side of a listed string that the segmenter reads (its words are short).
_SEGMENT_REACH = 4


def cut_by_words(text: str, s: int, e: int) -> bool:
    """True when jieba's most probable path of words over ``text[s:e]`` and a few
    characters each side has a word that holds part of it and runs out of it: 工作|中|原则上
    cuts 中原, whose 原 belongs to 原则上.  A word that holds the whole string (中原地区,
    中国人民) or words inside it leave it whole.  The path is worked out only where the
    dictionary has such a word at all (few places)."""
    freq, log_total = short_words.entries()
    a = max(0, s - _SEGMENT_REACH)
    piece = text[a : e + _SEGMENT_REACH]
    start, end = s - a, e - a
    if not _word_partly_inside(freq, piece, start, end):
        return False  # (a path that cuts it holds such a word)
    bounds = short_words.path_bounds(freq, log_total, piece, short_words.char_counts())
    inside = any(start < b < end for b in bounds)
    return inside and not (start in bounds and end in bounds)


def begins_on_path(text: str, s: int) -> bool:
    """True when jieba's most probable path of words over a few characters each side of
    ``s`` has a word beginning at ``s``: 嫌疑人|马|某 (人马 is a word, but 嫌疑人 takes the 人),
    not 河南|某地."""
    freq, log_total = short_words.entries()
    a = max(0, s - _SEGMENT_REACH)
    piece = text[a : s + _SEGMENT_REACH]
    return s - a in short_words.path_bounds(freq, log_total, piece, short_words.char_counts())


def read_in_other_words(text: str, s: int, e: int) -> bool:
    """True when common words run across both edges of ``text[s:e]`` and jieba's most
    probable path of words over it and a few characters each side does not read it as a
    word of its own: 妇女儿童工作 is 妇女儿童|工作 (no 女儿); 两国|有关|公司 reads 有关."""
    if not (crosses_start(text, s) and crosses_end(text, e)):
        return False
    freq, log_total = short_words.entries()
    a = max(0, s - _SEGMENT_REACH)
    piece = text[a : e + _SEGMENT_REACH]
    bounds = short_words.path_bounds(freq, log_total, piece, short_words.char_counts())
    return not (s - a in bounds and e - a in bounds)


def _word_partly_inside(freq: dict[str, int], piece: str, start: int, end: int) -> bool:
    """Whether a dictionary word of ``piece`` runs across one edge of ``piece[start:end]``
    and ends (or begins) inside it: across its start and ending before its end, or
    beginning after its start and running across its end (one that begins with it is
    inside it or holds it whole)."""
    return short_words.any_word_across(
        freq, piece[: end - 1], start
    ) or short_words.any_word_across(freq, piece[start + 1 :], end - start - 1)
