"""How a paragraph or a line ends (``END_*``): a finished sentence, a pause, a colon, a dash,
a closing quote or bracket, or open (cut mid-sentence); end notes and closing datelines.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator import rules_regex

from .bylines import DATELINE_ALONE
from .chars import (
    CLOSERS,
    COLON_CHARS,
    COMMA_CHARS,
    DASH_CHARS,
    FINAL_CHARS,
    HAN,
    MD_TRAIL,
    QUOTE_CLOSERS,
    unmarked,
)
from .patterns import MONTH_OR_DAY

# Endings of a paragraph, as classified by :func:`ending`.
END_FINAL = "final"  # a sentence ends here
END_COMMA = "comma"  # 、，,；; — the sentence continues
END_COLON = "colon"  # ：: — continues (or introduces a list)
END_DASH = "dash"  # —— — kicker or list introduction
END_QUOTE = "quote"  # closing quote inside a sentence
END_CLOSE = "close"  # closing bracket without a sentence end before it
END_OPEN = "open"  # a Han character, digit or letter: cut in mid-sentence


# A bracketed enumerator alone: （三）, (2).
_ENUMERATED = rules_regex.compile(r"[（(][一二三四五六七八九十\d]{1,3}[)）]")


def ends_with_note(s: str) -> bool:
    """Whether ``s`` ends with a parenthesised note after a finished sentence.

    "…。（记者 张三）", "…。（完）", "…。（下转第2版）": the note closes the article, also when
    a space sets it apart from the sentence ("…。 （本报评论员 张三）").
    """
    if s[-1:] not in "）)" and s[-1:] not in MD_TRAIL and "**" not in s:
        return False  # most paragraphs: no bracket at the end, no markdown to take off first
    t = unmarked(s)
    k = note_open(t)
    before = t[:k].rstrip(" \t\u3000") if k > 0 else ""
    # (an enumerator, …。（三）, opens the next item of a paragraph cut by a column after it)
    return bool(before) and before[-1] in FINAL_CHARS and _ENUMERATED.fullmatch(t, k) is None


def note_open(t: str) -> int:
    """Where the parenthesised note that ``t`` ends with opens; -1 when it ends with none."""
    if not t or t[-1] not in "）)":
        return -1
    return max(t.rfind("（"), t.rfind("("))


# A wire story ends with its dateline when it did not open with one: the agency, the place
# and the date with 电, after the last sentence (…新篇章。  新华社北京3月4日电), maybe in
# brackets or after 据. The finished sentence before it keeps 3月4日电视台… out.
_TAIL_DATELINE = rules_regex.compile(
    rf"(?<=[。！？!?…”’」』）)])[ \t\u3000]*[（(]?\s*据?[{HAN}]{{0,14}}?{MONTH_OR_DAY}\s*月\s*{MONTH_OR_DAY}\s*日\s*电"
    r"\s*[)）]?\Z"
)
_TAIL_DATELINE_REACH = 40  # characters from the end that such a dateline stands in


def ends_with_dateline(s: str) -> bool:
    """Whether ``s`` ends with a wire dateline after its last finished sentence."""
    # A wrapped page may break the dateline over two lines (…新篇章。  新华社 / 北京3月4日电).
    t = s[-_TAIL_DATELINE_REACH:].replace("\n", "")
    return "月" in t and _TAIL_DATELINE.search(t) is not None


def line_ending(text: str, start: int, end: int) -> str:
    """How the line ``text[start:end]`` ends (see :func:`ending`), read from its last characters.

    A dateline closing the story (…。  新华社北京3月4日电) needs a longer look back than the
    four characters that tell every other ending.
    """
    if text[end - 1] == "电":
        if DATELINE_ALONE.match(text, start, end):
            return END_FINAL  # 新华社北京3月4日电 on a line of its own
        return ending(text[max(end - _TAIL_DATELINE_REACH, start) : end])
    return ending(text[max(end - 4, start) : end])


# The class of a paragraph from its last character alone, for all but the characters that
# need a look further back (markup, closers, '.', '-'): one dict lookup for most paragraphs.
_END_BY_LAST = {
    **dict.fromkeys(FINAL_CHARS, END_FINAL),
    **dict.fromkeys(COMMA_CHARS, END_COMMA),
    **dict.fromkeys(COLON_CHARS, END_COLON),
    **dict.fromkeys(DASH_CHARS, END_DASH),
}
_LOOK_BACK = frozenset(MD_TRAIL + CLOSERS + ".-")


# The last characters after which :func:`ending` reads more than the last character.
_READ_BACK = _LOOK_BACK | frozenset("电")


def tail_endings(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """:func:`ending` of the last four characters of every line ``(start, end)`` of ``spans``
    (every line of a hard-wrapped page): most lines end on a character that tells it alone."""
    by_last = _END_BY_LAST.get
    return [
        ending(text[max(end - 4, start) : end])
        if text[end - 1] in _READ_BACK
        else by_last(text[end - 1], END_OPEN)
        for start, end in spans
    ]


def line_endings(text: str, spans: Sequence[tuple[int, int]], tails: Sequence[str]) -> list[str]:
    """:func:`line_ending` of every line of ``spans``, given their :func:`tail_endings`: the
    same but for a line that ends on 电 (a closing dateline's, maybe)."""
    return [
        line_ending(text, start, end) if text[end - 1] == "电" else tail
        for (start, end), tail in zip(spans, tails, strict=True)
    ]


def ending(s: str) -> str:
    """Classify how the stripped paragraph ``s`` ends (one of the ``END_*`` constants)."""
    if s[-1] not in _LOOK_BACK:
        if s[-1] == "电" and ends_with_dateline(s):
            return (
                END_FINAL  # …。  新华社北京3月4日电: the story's last sentence, then its dateline
            )
        return _END_BY_LAST.get(s[-1], END_OPEN)
    t = unmarked(s) if s[-1] in MD_TRAIL else s
    if not t:
        return END_OPEN
    last = t[-1]
    if last in FINAL_CHARS:
        return END_FINAL
    if last == ".":
        # "3." is an enumerator or a number, not a sentence end.
        return END_OPEN if len(t) > 1 and t[-2].isdigit() else END_FINAL
    if last in COMMA_CHARS:
        return END_COMMA
    if last in COLON_CHARS:
        return END_COLON
    if last in DASH_CHARS or t.endswith("--"):
        return END_DASH
    if last in CLOSERS:
        return _closed_ending(t)
    return END_OPEN


def _closed_ending(t: str) -> str:
    """Classify ``t``, which ends with a closing bracket or quote (see :func:`ending`)."""
    core = t.rstrip(CLOSERS)
    if core and (core[-1] in FINAL_CHARS or core[-1] == "."):
        return END_FINAL
    if ends_with_note(t):
        return END_FINAL
    if t[-1] in "）)":
        return END_CLOSE
    if t[-1] in QUOTE_CLOSERS:
        return END_QUOTE
    return END_CLOSE
