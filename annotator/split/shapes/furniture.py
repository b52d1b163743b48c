"""Page furniture read from a line alone: a page header or date line made only of furniture
tokens (2025年3月1日  星期六  要闻  第1版).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.split import cues
from annotator.split.cues import FURNITURE_HINT, FURNITURE_TOKEN, PAGE_NUMBER, TITLE_PUNCT, ending

from .kinds import FURNITURE, Shape

# Furniture lines are short; longer text with such a start is an article's own sentence.
FURNITURE_MAX_CHARS = 80
HEADER_MAX_CHARS = 50  # a page header / date line (人民日报 2023年09月21日 第04版)


# A page header line holds 版 (第3版), 期 (星期五, 第123期) or a date (年月日), or starts
# with a page number or a page code (A3): a cheap test before the furniture regexes.
_FURNITURE_FIRST = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-—–")


def _is_furniture(s: str) -> bool:
    """Whether a short line is a page header / date line made only of furniture tokens."""
    if not (
        s[0] in _FURNITURE_FIRST
        or "版" in s
        or "期" in s
        or ("年" in s and "月" in s and "日" in s)
    ):
        return False
    if TITLE_PUNCT.search(s) or not FURNITURE_HINT.search(s):
        return False
    tokens = PAGE_NUMBER.sub(r"第\1版", s).split()  # 第 04 版 -> 第04版: one token
    if len(tokens) > 8:
        return False
    # A page's name may run longer than the usual few characters (中国青年报金牌读者) on a
    # line that is surely the page's header: its page number and its date or weekday.
    long_name = PAGE_NUMBER.search(s) is not None and _DATED_HEADER.search(s) is not None
    return all(
        FURNITURE_TOKEN.fullmatch(t) or (long_name and _LONG_PAGE_NAME.fullmatch(t)) for t in tokens
    )


_DATED_HEADER = rules_regex.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]")
_LONG_PAGE_NAME = rules_regex.compile(rf"[{cues.HAN}]{{7,12}}")


def is_page_header(s: str) -> bool:
    """Whether line ``s`` is a page header / date line (2025年3月1日  星期六  要闻  第1版)."""
    return len(s) <= HEADER_MAX_CHARS and _is_furniture(s)


def furniture_shape(text: str, start: int, end: int) -> Shape:
    """Paragraph ``text[start:end]`` as page furniture: markup or metadata, never an article."""
    return Shape(start, end, FURNITURE, ending(text[start:end]))
