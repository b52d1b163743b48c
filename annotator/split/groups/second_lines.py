"""The second line of a two-line 小标题: a longer title line right under an intertitle,
over body text (a short topic over its title).
"""

from __future__ import annotations

from operator import attrgetter

from annotator.split.shapes import BODY, TITLE, Shape

from .group import Group
from .title_lines import reads_as_intertitle

_INTERTITLE = attrgetter("intertitle")


def mark_second_lines(shapes: list[Shape], groups: list[Group], drop: set[int]) -> None:
    """Mark the second line of two-line 小标题 (on the shapes).

    An intertitle may be set as a short topic over a longer title (聚焦安全稳定 / 建设安装构网型
    储能，确保电力系统安全稳定运行): a title line longer than the intertitle right above it,
    before body text, is the rest of that intertitle, not a paragraph of the text (whose head,
    cut by a column break, has a word running into the line below: demoted).
    """
    flags = list(map(_INTERTITLE, shapes))
    if True not in flags:
        return  # most pages: no intertitle (a look at every line without a Python loop)
    # (not under 【现场】, which is whole: a line under it is the text's own; nor under an
    # intertitle that is already the second line of its own: 3 / 利用信息技术… / 研究古老的
    # 语言…吗？ opens the text)
    seconds = [
        p + 1
        for p in range(len(shapes) - 2)
        if flags[p]
        and not shapes[p].tag
        and not flags[p + 1]
        and not (p > 0 and flags[p - 1])
        and _second_line(shapes[p], shapes[p + 1], shapes[p + 2])
    ]
    if seconds:
        members = {p for g in groups if g.top not in drop for p in g.members()}
        for q in seconds:
            if q not in members:
                shapes[q].intertitle = True


def _second_line(sh: Shape, nxt: Shape, after: Shape) -> bool:
    """Whether title line ``nxt`` under intertitle ``sh`` and over ``after`` is its second
    line (see :func:`mark_second_lines`)."""
    return (
        nxt.kind == TITLE
        and not (nxt.listy or nxt.demoted or nxt.cut_head or nxt.names)
        and nxt.end - nxt.start > sh.end - sh.start
        and reads_as_intertitle(nxt)
        and after.kind == BODY
        and not after.cont
    )
