"""Paragraph -> shape: what a paragraph looks like on its own, before any context is used.

The kind of a paragraph is read from its own text only (a byline pattern, a lead, a caption
credit, a markdown heading, a short line without a sentence end, ...). Whether a short line
is a headline, a subheadline or the tail of a paragraph cut by a column break is decided later
from its neighbours (``groups``, ``roles``, ``articles``).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import cues

# Kinds of paragraphs.
FURNITURE = "furniture"  # page header, editor line, ad, continuation mark
BYLINE = "byline"  # ■本报记者 张三 (front byline, on its own)
TRAILING = "trailing"  # （本报记者 张三） (byline or source in parentheses, ends an article)
CAPTION = "caption"  # 图为… / ▲… / …摄
HEADING = "heading"  # markdown # heading
LEAD = "lead"  # 本报讯… / 本报北京3月4日电… / （记者 张三）…
DASH = "dash"  # short line ending in —— (kicker, or a list introduction in a body)
TITLE = "title"  # short line without a sentence end (headline-shaped)
BODY = "body"  # anything else

# A headline-shaped paragraph: at most this many characters (markup and spaces included) and
# lines. Subheadlines of local papers run to some 50 characters, often on two lines.
TITLE_MAX_CHARS = 64
TITLE_MAX_LINES = 3
# A kicker ending in —— may be a long clause (…会议暨…推进会,要求——).
DASH_MAX_CHARS = 90
# The headline of a short news item without byline: short and free of punctuation.
STRICT_MAX_CHARS = 32
# Furniture lines are short; longer text with such a start is an article's own sentence.
FURNITURE_MAX_CHARS = 80
BYLINE_MAX_CHARS = 80


@dataclass(slots=True)
class Shape:
    """The local features of one paragraph ``[start, end)`` of the page."""

    start: int
    end: int
    kind: str
    ending: str
    level: int = 0  # markdown heading level, 0 when not a heading
    strict: bool = False  # a TITLE that may head a short news item without byline
    listy: bool = False  # starts with an enumerator or bullet (list item, intertitle)
    closes: bool = False  # ends its article (inline trailing byline, 完, 下转第N版)
    subdash: bool = False  # starts with ——, the classic subheadline form ——记某某


def _is_furniture(s: str) -> bool:
    """Whether a short line is a page header / date line made only of furniture tokens."""
    if len(s) > 50 or cues.TITLE_PUNCT.search(s) or not cues.FURNITURE_HINT.search(s):
        return False
    tokens = s.split()
    return len(tokens) <= 8 and all(cues.FURNITURE_TOKEN.fullmatch(t) for t in tokens)


def shape(text: str, start: int, end: int) -> Shape:
    """Read the shape of paragraph ``text[start:end]`` (stripped, non-empty)."""
    s = text[start:end]
    n = len(s)
    end_kind = cues.ending(s)
    closes = end_kind == cues.END_FINAL and cues.ends_with_note(s)

    # A photo credit at the end beats a byline: "本报记者 张三 摄" is a caption.
    if s[-1] in cues.CAPTION_END_CHARS and cues.CAPTION_END.search(s):
        return Shape(start, end, CAPTION, end_kind)
    if n <= FURNITURE_MAX_CHARS and (cues.FURNITURE_START.match(s) or _is_furniture(s)):
        closing = cues.CLOSING_MARK.search(s) is not None
        return Shape(start, end, FURNITURE, end_kind, closes=closing)
    m = cues.HEADING.match(s)
    if m:
        return Shape(start, end, HEADING, end_kind, level=len(m.group(1)))
    if n <= BYLINE_MAX_CHARS:
        if cues.BYLINE.match(s):
            return Shape(start, end, BYLINE, end_kind)
        if cues.TRAILING_BYLINE.match(s):
            return Shape(start, end, TRAILING, end_kind, closes=True)
    if cues.LEAD.match(s):
        return Shape(start, end, LEAD, end_kind, closes=closes)
    if cues.CAPTION_START.match(s):
        return Shape(start, end, CAPTION, end_kind)
    listy = cues.ENUMERATOR.match(s) is not None
    if end_kind == cues.END_DASH and n <= DASH_MAX_CHARS and not cues.SUB_DASH.match(s):
        return Shape(start, end, DASH, end_kind, listy=listy)
    if end_kind != cues.END_FINAL and n <= TITLE_MAX_CHARS:
        nlines = s.count("\n") + 1
        if nlines <= TITLE_MAX_LINES:
            t = s.rstrip(cues.MD_TRAIL)
            subdash = cues.SUB_DASH.match(s) is not None
            strict = (
                nlines == 1
                and not listy
                and not subdash
                and len(t) <= STRICT_MAX_CHARS
                and t[-1:] not in cues.DANGLING
                and cues.TITLE_PUNCT.search(t) is None
            )
            return Shape(start, end, TITLE, end_kind, strict=strict, listy=listy, subdash=subdash)
    return Shape(start, end, BODY, end_kind, listy=listy, closes=closes)


def shapes(text: str, ranges: list[tuple[int, int]]) -> list[Shape]:
    """Return the shape of every paragraph range of ``text``."""
    return [shape(text, s, e) for s, e in ranges]
