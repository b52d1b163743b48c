"""The column width of a page whose paragraphs columns cut, read from the cuts themselves.

On a page of one paragraph a line whose paragraphs column breaks cut (text taken column by
column), the head of a cut paragraph fills its printed lines: a column ends on a full line.
Where the page's cut heads (body paragraphs ending open or on a comma over more body text)
mostly end where a printed line of one width would end, set as Chinese text is set (the first
line indented two characters, a closing mark never opening a line: it hangs at the end of
the line above, or, two of them in a row, the last character goes down with them), that
width is the page's. A title-shaped line over body text that fills its printed lines at that
width may be a cut paragraph's head (see ``joins.mark_cut_heads``); a heading ends anywhere.
Pure: no Qt, no SQL.
"""

from __future__ import annotations

from . import cues
from .shapes import BODY, Shape

_INDENT = 2  # the first line's indent, in characters
_WIDTHS = range(10, 49)  # column widths looked at, in characters
_MIN_HEADS = 3  # cut heads a width must explain, at least …
_MIN_SHARE = 0.6  # … and this share of them
_MAX_HEADS = 8  # heads looked at (the shortest)
_NO_LINE_START = cues.NO_START_CHARS
_REACH = 3  # characters of the next paragraph a push-out at the cut may take
# A line as long as most titles (an intertitle, 创新机制让历史街区走向未来) fills the first
# line of a narrow column by chance: a head that is its paragraph's first line only must be
# longer to count.
TITLE_MAX = 13


def line_ends(s: str, width: int, upto: int | None = None) -> list[int]:
    """Offsets in ``s`` where its printed lines end when set ``width`` wide (see the module
    docstring); with ``upto``, only up to the first line end at or past it."""
    ends: list[int] = []
    k, first = 0, True
    stop = len(s) if upto is None else upto
    while k < stop:
        e = k + width - (_INDENT if first else 0)
        first = False
        if e + 1 < len(s) and s[e] in _NO_LINE_START and s[e + 1] in _NO_LINE_START:
            while e > k + 1 and s[e] in _NO_LINE_START:
                e -= 1  # push-out: the last character goes down with the two marks
        elif e < len(s) and s[e] in _NO_LINE_START:
            e += 1  # a closing mark hangs at the line's end
        ends.append(e)
        k = e
    return ends


def _head_text(text: str, sh: Shape, nxt: Shape) -> str:
    """Paragraph ``sh`` set with the start of ``nxt`` after it (a mark there changes where
    its last line ends)."""
    return text[sh.start : sh.end] + text[nxt.start : min(nxt.end, nxt.start + _REACH)]


def _ends(text: str, sh: Shape, nxt: Shape, width: int) -> list[int]:
    return line_ends(_head_text(text, sh, nxt), width, sh.end - sh.start)


def fills_as_head(text: str, sh: Shape, nxt: Shape, width: int) -> bool:
    """Whether title line ``sh`` ends where a printed line ``width`` wide ends, were it set
    with the start of ``nxt`` after it, and is longer than most titles (``TITLE_MAX``: a
    line of one printed line may not be; one of two or more is longer anyway, ``_WIDTHS``
    starting at 10)."""
    n = sh.end - sh.start
    return n > TITLE_MAX and n in _ends(text, sh, nxt, width)


def page_width(text: str, shapes: list[Shape]) -> int:
    """The column width that the page's cut heads show (see the module docstring), or 0.

    The shortest eight heads are set (the fastest, and they show the width as well as any);
    of widths that explain as many of them, the widest: a head that fills lines of a width
    fills lines of half that width too, mostly."""
    pairs = [
        (sh, nxt)
        for sh, nxt in zip(shapes, shapes[1:], strict=False)
        if sh.kind == BODY
        and nxt.kind == BODY
        and (sh.ending in (cues.END_OPEN, cues.END_COMMA) or nxt.cont)
    ]
    if len(pairs) < _MIN_HEADS:
        return 0
    pairs = sorted(pairs, key=lambda p: p[0].end - p[0].start)[:_MAX_HEADS]
    counts = dict.fromkeys(_WIDTHS, 0)
    for sh, nxt in pairs:
        n = sh.end - sh.start
        s = _head_text(text, sh, nxt)
        for w in _WIDTHS:
            # (a line a mark hangs on or a push-out shortens is off by a character or two:
            # far off a multiple of the width, the head fills no line of it, unset)
            k = max(1, round((n + _INDENT) / w))
            if abs(n + _INDENT - k * w) <= 2 * k and n in line_ends(s, w, n):
                counts[w] += 1
    best, width = 0, 0
    for w, count in counts.items():
        if count >= best:
            best, width = count, w
    return width if best >= max(_MIN_HEADS, _MIN_SHARE * len(pairs)) else 0
