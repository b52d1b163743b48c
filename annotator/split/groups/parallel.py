"""Weak groups inside the article above them: series set in parallel (sharing their first or
last characters) and the labels of the story's boxes.
"""

from __future__ import annotations

from annotator.split.shapes import BODY, CAPTION, LEAD, Shape

from .boxes import box_in_story, label_under_byline
from .group import WEAK, Group, series_of_weak

# Parallel intertitles (“茶咖花影”之旅 / “茶咖寻踪”之旅 / …) share their first or last characters;
# at least this many in a row are one article's intertitles, even under an unsigned story.
PARALLEL_SERIES = 3
AFFIX_CHARS = 2


def inner_weak_groups(shapes: list[Shape], groups: list[Group], drop: set[int]) -> set[int]:
    """Tops of weak groups inside the article above them (marked intertitles on the shapes).

    * a series of one-line weak groups set in parallel (one ending or one opening shared by
      them all) after any group: news items do not share their wording, intertitles do;
    * a short label right under a group's byline (核心阅读 / summary text): the article's box;
    * a box inside an article: a very short label over its title (链接 / box title / text)
      after the body text of a signed story.
    """
    out: set[int] = set()
    story: Group | None = None  # the last group that opens an article
    for i, g in enumerate(groups):
        if g.top in drop or g.top in out:
            continue
        if (
            story is not None
            and g.strength == WEAK
            and not g.firm  # (a column's piece signed at its end, see columns.signed_pieces)
            and (label_under_byline(shapes, story, g) or box_in_story(shapes, story, g))
        ):
            out.add(g.top)
            continue
        story = g
        series = [
            w
            for w in series_of_weak(groups, i)
            if w.top not in drop and shapes[w.top - 1].kind in (BODY, LEAD, CAPTION)
        ]
        if len(series) >= PARALLEL_SERIES and _parallel_lines(shapes, [w.top for w in series]):
            out.update(w.top for w in series)
    for top in out:
        g = next(x for x in groups if x.top == top)
        for p in g.titles:
            shapes[p].intertitle = True
    return out


def _parallel_lines(shapes: list[Shape], tops: list[int]) -> bool:
    """Whether title lines ``tops`` all open, or all end, with the same characters."""
    opens = {shapes[p].opens for p in tops}
    ends = {shapes[p].ends for p in tops}
    return (len(opens) == 1 and len(next(iter(opens))) == AFFIX_CHARS) or (
        len(ends) == 1 and len(next(iter(ends))) == AFFIX_CHARS
    )
