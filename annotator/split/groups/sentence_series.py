"""Series of short sentences set apart in one article: intertitles written as whole sentences
(第一组，是对…。 / 第二组，…。 / 第三组，…。; 到麦田里学什么？学…。 three times over).

A 小标题 may end with a full stop or a question mark, so it reads as a short body paragraph;
what gives it away is its series: three or more short lines of one article that open with the
same characters (any numeral read as one mark), each standing alone between longer paragraphs.
Body text does not repeat its openings line after line in short sentences set apart by long
ones; a series set in parallel is the same cue the parallel title lines give (``parallel``).
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import BODY, Shape, after_unfinished

from .group import Group

# At least this many lines make a series (as PARALLEL_SERIES of title lines).
SERIES_MIN = 3
# A line of a series is at most this long; the text between two of them holds a longer one.
SERIES_LINE_MAX_CHARS = 32
# The characters the lines of a series share at their start (numerals as one mark): three,
# as parallel sentences of body text share two (他们矢志… / 他们锐意… / 他们扎根…).
OPENING_CHARS = 3
_NUMERALS = str.maketrans(dict.fromkeys("一二三四五六七八九十0123456789０１２３４５６７８９", "#"))
# A speaker's turn (记者：…？ over each answer) opens with a label before a colon; a numbered
# question (一问：…？) is a 小标题.
_SPEAKER_MAX_CHARS = 4


def sentence_series(text: str, shapes: list[Shape], groups: list[Group]) -> None:
    """Mark the lines of every series of short sentences inside one article as intertitles
    (see the module): each a body paragraph ending a sentence (not the rest of a paragraph
    cut under an unfinished line), at most
    ``SERIES_LINE_MAX_CHARS`` long, with a longer body paragraph between it and the next line
    of its series, and no title group between the first and the last."""
    tops = [g.top for g in groups]
    series: dict[str, list[int]] = {}
    for p, sh in enumerate(shapes):
        key = None if after_unfinished(shapes, p) else _opening(text, sh)
        if key is not None:
            series.setdefault(key, []).append(p)
    for lines in series.values():
        if len(lines) >= SERIES_MIN and _apart(shapes, lines, tops):
            for p in lines:
                shapes[p].intertitle = True


def _opening(text: str, sh: Shape) -> str | None:
    """The opening a line is compared by, None for a paragraph that is no line of a series."""
    if (
        sh.kind != BODY
        or sh.cont
        or sh.intertitle
        or sh.ending != cues.END_FINAL
        or sh.end - sh.start > SERIES_LINE_MAX_CHARS
    ):
        return None
    line = text[sh.start : sh.end]
    if "\n" in line:
        return None
    colon = line.find("：", 0, _SPEAKER_MAX_CHARS + 1)
    if colon > 0 and not any(c in "#" for c in line[:colon].translate(_NUMERALS)):
        return None  # a speaker's turn, not a numbered question
    return line[:OPENING_CHARS].translate(_NUMERALS)


def _apart(shapes: list[Shape], lines: list[int], tops: list[int]) -> bool:
    """Whether each line of ``lines`` stands apart from the next, a longer body paragraph
    between them, and no title group opens between the first and the last."""
    first, last = lines[0], lines[-1]
    if any(first < t <= last for t in tops):
        return False
    for p, q in zip(lines, lines[1:], strict=False):
        between = shapes[p + 1 : q]
        if not any(sh.kind == BODY and sh.end - sh.start > SERIES_LINE_MAX_CHARS for sh in between):
            return False
    return True
