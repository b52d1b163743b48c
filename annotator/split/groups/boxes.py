"""Boxes inside or under a story: a box of related reading (延伸阅读, 相关链接) under its text,
a short label under a byline (核心阅读), a label over a box's title inside a signed story.
"""

from __future__ import annotations

from annotator.split.shapes import BODY, DASH, LEAD, TITLE, TRAILING, Shape

from .context import boundary_before
from .group import MAX_TITLES, Group


def related_boxes(shapes: list[Shape], groups: list[Group], drop: set[int]) -> None:
    """Mark a box of related reading under a story as the story's: its label (延伸阅读, 相关链接)
    and the title lines under it, if any, down to the box's text, are intertitles; a group
    there opens no article.

    The box stands under the story's last paragraph or its end note (（某某参与采写）), which
    closes the story: without its label the box's title reads as the next story's headline.
    """
    for p, sh in enumerate(shapes):
        if not sh.box or sh.kind != TITLE or p == 0 or shapes[p - 1].kind not in _BOX_AFTER:
            continue
        q = p + 1
        while q < len(shapes) and q - p <= MAX_TITLES and _box_title(shapes[q]):
            q += 1
        if q >= len(shapes) or shapes[q].kind != BODY:
            continue  # a label over more than a box's titles
        for k in range(p, q):
            shapes[k].intertitle = True
        drop.update(g.top for g in groups if p <= g.top < q)


def _box_title(sh: Shape) -> bool:
    """Whether ``sh`` reads as a title line of a box (a cut paragraph's head does not: it
    holds a full stop, a word cut short, a quotation left open)."""
    return sh.kind == DASH or (sh.kind == TITLE and sh.text_ok)


# What stands right above a box of related reading: the story's text or its end note.
_BOX_AFTER = frozenset((BODY, LEAD, TRAILING))

# A label this short: 核心阅读, 链接, 背景.
BOX_LABEL_MAX_CHARS = 4


def label_under_byline(shapes: list[Shape], g: Group, w: Group) -> bool:
    """Whether weak group ``w`` is one short label right under the byline of group ``g``."""
    return (
        bool(g.bylines)
        and g.lead is None
        and not w.bylines
        and len(w.titles) == 1
        and w.top - 1 == g.bylines[-1]
        and shapes[w.top].end - shapes[w.top].start <= BOX_LABEL_MAX_CHARS
    )


def box_in_story(shapes: list[Shape], g: Group, w: Group) -> bool:
    """Whether weak group ``w`` is a label over a box title inside the signed story ``g``."""
    return (
        (bool(g.bylines) or g.lead is not None)
        and not w.bylines  # 今日谈 / headline / 张三: a signed commentary under its column
        and len(w.titles) == 2
        and shapes[w.top].end - shapes[w.top].start <= BOX_LABEL_MAX_CHARS
        and shapes[w.top - 1].kind in (BODY, LEAD)
        and not boundary_before(shapes, w.top)[1]
    )
