"""A column's piece inside the text of another story: a column's name over its title, or set
on its headline's line, and a piece signed at its end under a story signed at its head.
"""

from __future__ import annotations

from operator import attrgetter

from annotator.split.shapes import TITLE, Shape

from .context import between_texts, first_close
from .group import WEAK, Group, next_strong_top
from .lone_lines import INTERTITLE_ALONE_MAX_CHARS


def signed_pieces(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups and one more for a column's piece signed at its end inside the text of a
    story signed at its head.

    A column's name over its title (短评 / 让“小切口”撬动“大民生”, 【今日谈】 / …) after a story
    reads like a 小标题 set as topic and title; but the text under it closes with its writer's
    signature (（李华）), and a story signed at its head (byline, lead) is not signed again:
    the pair heads a piece of its own, a firm weak group.
    """
    if not groups or not any(sh.signed for sh in shapes):
        return groups  # most pages: no bracketed signature at a text's end
    found: dict[int, Group] = {}
    for i, g in enumerate(groups):
        if not g.bylines and g.lead is None:
            continue
        last = max(g.members())
        q = first_close(shapes, last + 1, next_strong_top(groups, i, len(shapes)))
        p = _column_pair(shapes, last + 1, q) if q is not None and shapes[q].signed else None
        if p is not None:
            found[p] = Group(p, WEAK, titles=[p, p + 1], firm=True)
    return _with_pairs(groups, found)


def _with_pairs(groups: list[Group], found: dict[int, Group]) -> list[Group]:
    """``groups`` with the two-line groups ``found`` (by top), each replacing a weak group
    found on either of its lines."""
    if not found:
        return groups
    kept = [g for g in groups if g.top not in found and g.top - 1 not in found]
    return sorted(kept + list(found.values()), key=attrgetter("top"))


def tagged_columns(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups and one more for each column's bracketed name over a title between texts.

    【今日谈】 / 让“小切口”撬动“大民生”: a bracketed tag alone on its line labels what follows
    it; inside a story a label (【现场】, 【点评】) stands over the text itself, a box's label
    (【链接】) over the box's title. A tag that is no box's label over a title line, between a
    finished paragraph and body text, is a column's name over its piece's headline: a firm weak
    group, an article of its own. So is the column's name set on its headline's line
    (【快评】让公交服务更有温度) between texts, unless the text under it is labelled too: the
    labelled paragraphs of one column's text (【关键词】某某 / 【事件】…) follow each other.
    """
    found: dict[int, Group] = {}
    # (a headline over its byline or dateline already heads its article)
    headed = {g.top for g in groups if g.strength != WEAK}
    for p, sh in enumerate(shapes):
        if not sh.labelled or sh.kind != TITLE or p == 0 or p + 1 >= len(shapes):
            continue
        if sh.tag and not sh.box and p + 2 < len(shapes):
            sub = shapes[p + 1]
            if sub.kind != TITLE or sub.tag or sub.listy or not sub.text_ok:
                continue
            if between_texts(shapes[p - 1], shapes[p + 2]):
                found[p] = Group(p, WEAK, titles=[p, p + 1], firm=True)
        elif p not in headed and _column_headline(shapes, p):
            found[p] = Group(p, WEAK, titles=[p], firm=True)
    return _with_pairs(groups, found)


def _column_headline(shapes: list[Shape], p: int) -> bool:
    """Whether title line ``p`` is a headline with its column's bracketed name in front of
    it (【快评】某某) standing between two texts, over text that no label opens."""
    sh, below = shapes[p], shapes[p + 1]
    return (
        not sh.tag
        and sh.text_ok
        and not sh.listy
        and between_texts(shapes[p - 1], below)
        and not below.labelled
    )


def _column_pair(shapes: list[Shape], lo: int, hi: int) -> int | None:
    """The first line of the last pair of title lines in ``[lo, hi)`` that stands between two
    texts with a column's name on top: a bracketed tag or a name as short as a lone 小标题."""
    for p in range(hi - 3, lo, -1):
        top, sub = shapes[p], shapes[p + 1]
        if top.kind != TITLE or sub.kind != TITLE or top.listy or sub.listy:
            continue
        short = top.tag or top.end - top.start <= INTERTITLE_ALONE_MAX_CHARS
        if short and sub.text_ok and between_texts(shapes[p - 1], shapes[p + 2]):
            return p
    return None
