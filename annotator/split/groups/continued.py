"""A headline printed again over the rest of its article (坚定不移… / （上接第1版）): it opens
the article on this page.
"""

from __future__ import annotations

from operator import attrgetter

from annotator.split.shapes import BODY, DASH, TITLE, Shape

from .context import boundary_before
from .group import MAX_TITLES, WEAK, Group


def continued_headlines(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups and one more for each headline printed again over the rest of its article.

    坚定不移推动高质量发展 / （上接第1版） / text: a paper that continues an article on another
    page prints its headline there again over a mark saying where it began; the headline opens
    the article (a firm weak group) and the mark, page furniture, does not end it.
    """
    found: dict[int, Group] = {}
    for m, mark in enumerate(shapes):
        if not mark.resumes or m == 0 or m + 1 >= len(shapes) or shapes[m + 1].kind != BODY:
            continue
        titles: list[int] = []
        p = m - 1
        while p >= 0 and len(titles) < MAX_TITLES - 1 and _reprinted_title(shapes[p]):
            titles.insert(0, p)
            p -= 1
        if titles and boundary_before(shapes, titles[0])[0]:
            found[titles[0]] = Group(titles[0], WEAK, titles=titles, firm=True)
            mark.closes = False
    if not found:
        return groups
    taken = {p for g in found.values() for p in g.titles}
    kept = [g for g in groups if g.top not in taken]
    return sorted(kept + list(found.values()), key=attrgetter("top"))


def _reprinted_title(sh: Shape) -> bool:
    """Whether ``sh`` may be a line of a headline printed again over a continuation mark."""
    return sh.kind in (TITLE, DASH) and sh.text_ok and not sh.listy and not sh.names
