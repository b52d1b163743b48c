"""The title group (:class:`Group`), its strengths, and what every step reads of a group.

A group opens an article; ``strength`` says on what evidence: ``STRONG`` (a byline, lead or
note under the titles), ``HEADED`` (a markdown heading) or ``WEAK`` (a short item's titles
alone). A weak group may still be ``firm``: sure to open an article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.split.shapes import HEADING, Shape

STRONG = "strong"
HEADED = "heading"
WEAK = "weak"

# A title group holds at most a kicker, a headline and two subheadline lines.
MAX_TITLES = 4

# Headings of these levels open an article by themselves (# lead story, ## other stories).
ARTICLE_HEADING_LEVEL = 2


@dataclass(slots=True)
class Group:
    """One title group: paragraph indices in page order, ``top`` opens the article."""

    top: int
    strength: str
    titles: list[int] = field(default_factory=list)
    bylines: list[int] = field(default_factory=list)
    lead: int | None = None
    heading: int | None = None  # the markdown heading that is the headline, if any
    note: int | None = None  # 编者按：… between the titles and the byline or body
    standfirst: list[int] = field(default_factory=list)  # summary lines under the byline
    firm: bool = False  # a weak group headed by a line too long and set apart for an intertitle
    formal: bool = False  # headed in a form no 小标题 takes (see weak._formal_head): as if signed

    def members(self) -> list[int]:
        """All paragraph indices of the group, in page order."""
        out = self.titles + ([self.note] if self.note is not None else []) + self.bylines
        if self.lead is not None:
            out.append(self.lead)
        return out + self.standfirst


def is_article_heading(sh: Shape) -> bool:
    """Whether ``sh`` is a markdown heading that opens an article by itself."""
    return sh.kind == HEADING and sh.level <= ARTICLE_HEADING_LEVEL


def series_of_weak(groups: list[Group], i: int, lines: int = 1) -> list[Group]:
    """The weak groups of at most ``lines`` title lines right after group ``i`` (before the
    next other group)."""
    out = []
    for g in groups[i + 1 :]:
        if _firm(g):
            break
        out.append(g)
    return [g for g in out if len(g.titles) <= lines]


def _firm(g: Group) -> bool:
    """Whether group ``g`` surely opens an article: not weak, or signed (a guessed byline)."""
    return g.strength != WEAK or bool(g.bylines) or g.firm


def next_strong_top(groups: list[Group], i: int, n: int) -> int:
    """The first paragraph of the next group after ``i`` that is not weak (or ``n``)."""
    for g in groups[i + 1 :]:
        if _firm(g):
            return g.top
    return n
