"""Long 小标题: a whole clause between body paragraphs (theory and commentary pages), counted
only in a series of alike lines in one article.
"""

from __future__ import annotations

from annotator.split.shapes import CLAUSE_SERIES, Shape

from .context import between_texts
from .group import Group

# Long intertitles (theory and commentary pages print a whole clause as a 小标题) count only
# in a series of at least this many in one article (two such lines are as often the heads of
# two paragraphs cut by column breaks).
LONG_INTERTITLE_SERIES = CLAUSE_SERIES  # shapes looks at clauses only in such a series


def _long_intertitle(shapes: list[Shape], p: int) -> bool:
    """Whether paragraph ``p`` stands like a long 小标题: a clause between body paragraphs.

    The line is one clause (``Shape.clause``), after a finished paragraph and before body text
    that does not begin with punctuation. A column cut leaves a line like that too, which is
    why only a series counts (see :func:`long_intertitles`).
    """
    sh = shapes[p]
    # (a demoted line has a word running on into the paragraph below: a cut paragraph's head,
    # which a series of such heads in one article does not make a 小标题)
    if not sh.clause or sh.listy or sh.intertitle or sh.row or sh.cont or sh.demoted:
        return False
    if p == 0 or p + 1 >= len(shapes):
        return False
    return between_texts(shapes[p - 1], shapes[p + 1])


def long_intertitles(shapes: list[Shape], groups: list[Group], drop: set[int]) -> None:
    """Mark series of long 小标题 inside the articles that groups open (on the shapes).

    Three or more lines of :func:`_long_intertitle` shape between one group and the next, of
    about one length (within a factor of two of each other), are the article's intertitles:
    a column cut leaves such a line now and then, rarely twice alike in one article.
    """
    if not any(sh.clause for sh in shapes):
        return
    tops = sorted(g.top for g in groups if g.top not in drop) + [len(shapes)]
    members = {p for g in groups for p in g.members()}
    for a, b in zip(tops, tops[1:], strict=False):
        series = [p for p in range(a + 1, b) if p not in members and _long_intertitle(shapes, p)]
        if len(series) < LONG_INTERTITLE_SERIES:
            continue
        sizes = sorted(shapes[p].end - shapes[p].start for p in series)
        if sizes[-1] <= 2 * sizes[0]:
            for p in series:
                shapes[p].intertitle = True
