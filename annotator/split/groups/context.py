"""Where a paragraph stands among its neighbours: after a finished sentence, inside a text,
between two texts of one story, before what closes its article.
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import BODY, BYLINE, CAPTION, FURNITURE, LABEL, LEAD, TRAILING, Shape


def boundary_before(shapes: list[Shape], p: int) -> tuple[bool, bool]:
    """Whether paragraph ``p - 1`` lets an article start at ``p``, and whether it closed one."""
    if p == 0:
        return True, False
    prev = shapes[p - 1]
    if prev.kind == TRAILING or prev.closes:
        return True, True
    if prev.kind in (FURNITURE, CAPTION, BYLINE):
        return True, False
    if prev.kind == LABEL:
        return True, True
    return prev.ending == cues.END_FINAL, False


def body_paragraphs(shapes: list[Shape], lo: int, hi: int) -> int:
    """How many body paragraphs stand in ``[lo, hi)``."""
    return sum(1 for sh in shapes[lo:hi] if sh.kind == BODY)


def inside_text(sh: Shape) -> bool:
    """Whether a title line right after ``sh`` stands inside an article's text.

    After body text or a caption; or after the signature of an editor's note (——编  者): the
    note introduces the parts of the article that follow it, it does not close the article.
    """
    return sh.kind in (BODY, LEAD, CAPTION) or sh.signature


def between_texts(before: Shape, after: Shape) -> bool:
    """Whether a line between ``before`` and ``after`` stands between two texts of one story:
    a finished paragraph that closes nothing above (or a row of a table or roster, complete
    without a full stop; or the signature of an editors' note, which opens the parts below
    it), body text that is no cut below (or an interviewer's question, 记者：…？, which opens
    a turn of an interview's text)."""
    finished = before.kind in (BODY, LEAD) and (before.ending == cues.END_FINAL or before.row)
    return (
        (finished or before.signature)
        and not before.closes
        and (after.kind == BODY and not after.cont or after.speaks)
    )


def first_close(shapes: list[Shape], lo: int, hi: int) -> int | None:
    """The first paragraph of ``[lo, hi)`` that closes its article, if any."""
    return next((q for q in range(lo, hi) if shapes[q].closes), None)
