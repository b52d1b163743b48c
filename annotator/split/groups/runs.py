"""The scan of a page for the groups that open articles: each title run (consecutive
title-shaped paragraphs) with what anchors it below (its byline, lead, note, standfirst or
summary items), a byline over a lead, a lead alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.split.shapes import (
    BODY,
    BYLINE,
    FURNITURE,
    LABEL,
    LEAD,
    TITLE_KINDS,
    Shape,
    name_under_tag,
)

from .bylines import photos_above_byline
from .group import STRONG, WEAK, Group, is_article_heading
from .headings import heading_groups
from .labels import is_label
from .standfirst import epigraph, name_above_standfirst, open_standfirst, standfirst_under_name
from .strong import summary_items, walk_up
from .weak import formal_group, weak_group


def _run_of(shapes: list[Shape], i: int, kinds: frozenset[str]) -> int:
    """End of the run of paragraphs of the given kinds that starts at ``i``."""
    n = len(shapes)
    while i < n and shapes[i].kind in kinds:
        i += 1
    return i


def byline_run(shapes: list[Shape], i: int) -> int:
    """End of the front byline starting at ``i``: byline paragraphs and lines of names after them.

    In the one-paragraph-per-line flavour a byline broken over lines (本报记者 张三 / 李四)
    arrives as a byline paragraph followed by a paragraph of names only.
    """
    n = len(shapes)
    if i >= n or shapes[i].kind != BYLINE:
        return i
    while i < n and (shapes[i].kind == BYLINE or shapes[i].names):
        i += 1
    return i


def scan_page(shapes: list[Shape], markdown: bool) -> list[Group]:
    """The groups that the page's title runs, bylines over leads and leads alone open, in
    page order; a label at the top of a title run becomes a ``LABEL`` shape."""
    n = len(shapes)
    groups: list[Group] = []
    i = 0
    while i < n:
        kind = shapes[i].kind
        if kind in TITLE_KINDS:
            if is_label(shapes, i):
                shapes[i].kind = LABEL
                shapes[i].closes = True
                i += 1
                continue
            run_groups, i = title_run_groups(shapes, i, markdown)
            groups.extend(run_groups)
        elif kind == BYLINE:
            k = byline_run(shapes, i)
            if k < n and shapes[k].kind == LEAD:
                groups.append(Group(i, STRONG, bylines=list(range(i, k)), lead=k))
                k += 1
            i = k  # a lone byline is front or trailing: decided with the article in progress
        else:
            if kind == LEAD:
                groups.append(Group(i, STRONG, lead=i))
            i += 1
    return groups


@dataclass(slots=True)
class _Anchor:
    """What the titles of a run stand over, read downwards from where they end."""

    end: int  # where the titles end: the run's end, or a name under them (a guessed byline)
    run_end: int  # where the run of title-shaped lines ends (with the standfirst under a name)
    name: int | None = None  # the name inside the run over standfirst lines, if any
    guessed: bool = False  # the byline is a name alone (guessed)
    standfirst: list[int] = field(default_factory=list)
    note: int | None = None
    bylines: list[int] = field(default_factory=list)
    lead: int | None = None
    after: int = 0  # the paragraph after the bylines, lead excluded (and epigraph, standfirst)


def title_run_groups(shapes: list[Shape], i: int, markdown: bool) -> tuple[list[Group], int]:
    """Groups of the title run starting at ``i``, and the index after what they used."""
    anchor = _name_under_titles(shapes, i, _run_of(shapes, i, TITLE_KINDS), markdown)
    _anchor_below(shapes, i, anchor)
    if not anchor.bylines and anchor.lead is None and anchor.note is None:
        # No anchor below the run: only headings (markdown) or a short item (plain) open one.
        return _unanchored(shapes, i, anchor.end, markdown), anchor.end
    return _anchored(shapes, i, anchor, markdown)


def _name_under_titles(shapes: list[Shape], i: int, j: int, markdown: bool) -> _Anchor:
    """Where the titles of run ``[i, j)`` end: over a name that signs them (a byline guessed
    from the name alone, made ``BYLINE``), or at the run's end."""
    n = len(shapes)
    found = _Anchor(end=j, run_end=j)
    m = None if markdown else name_above_standfirst(shapes, i, j)
    if m is not None:
        found.standfirst = standfirst_under_name(shapes, i, j, m)
        found.guessed = True
        found.name = found.end = m
    elif (
        j - i >= 2
        and (shapes[j - 1].names or name_under_tag(shapes, j - 1))
        and j < n
        and shapes[j].kind in (BODY, LEAD, BYLINE)
    ):
        # A line of names only under the titles is the author (opinion pages print the name
        # alone, without 记者): weak, a four-character headline reads the same.
        shapes[j - 1].kind = BYLINE
        shapes[j - 1].guessed = found.guessed = True
        found.end = j - 1
    return found


def _anchor_below(shapes: list[Shape], i: int, a: _Anchor) -> None:
    """Read what stands under the titles of the run from ``i`` into ``a``: a note, summary
    items, photos, the bylines, the lead, an epigraph, open standfirst lines."""
    n = len(shapes)
    j = a.end
    # A note (编者按：…) under the titles belongs to the article head and anchors it.
    a.note = j if j < n and j > i and shapes[j].note else None
    after = j + 1 if a.note is not None else j
    summary = summary_items(shapes, i, after)
    if summary:
        a.standfirst = summary
        after = summary[-1] + 1
    after = photos_above_byline(shapes, after) if a.note is None and not summary else after
    after = _credits_above_byline(shapes, after)
    k = byline_run(shapes, after)
    a.bylines = list(range(after, k))
    a.lead = k if k < n and shapes[k].kind == LEAD else None
    if a.bylines and a.lead is None and a.note is None and not a.standfirst:
        a.standfirst = epigraph(shapes, k)
        k += len(a.standfirst)
    if a.guessed and a.lead is None and a.note is None:
        # Open summary lines below the name (or below the standfirst found in the run).
        more = open_standfirst(shapes, a.run_end if a.name is not None else k, len(a.standfirst))
        a.standfirst = a.standfirst + more
        a.run_end += len(more)
        k += len(more)
    a.after = k


def _credits_above_byline(shapes: list[Shape], i: int) -> int:
    """Where the byline under the credit lines starting at ``i`` stands; ``i`` when no byline
    follows them (or a byline stands at ``i``).

    一起奔向共同富裕的美好明天 / 来自…所见所思—— / 本版制图：某某 / 记者 张三 李四: the page's
    credits printed between a heading and its byline part nothing; the byline still signs the
    heading above them.
    """
    p = i
    while p < len(shapes) and shapes[p].kind == FURNITURE and not shapes[p].closes:
        p += 1
    return p if p > i and p < len(shapes) and shapes[p].kind == BYLINE else i


def _unanchored(shapes: list[Shape], i: int, j: int, markdown: bool) -> list[Group]:
    """The groups of title run ``[i, j)`` with nothing under it that only an article head
    has: its headings' (markdown), or a short item's or a formal heading's (plain)."""
    if markdown and any(is_article_heading(shapes[p]) for p in range(i, j)):
        return heading_groups(shapes, i, j)
    weak = None if markdown else formal_group(shapes, i, j) or weak_group(shapes, i, j)
    return [weak] if weak else []


def _anchored(shapes: list[Shape], i: int, a: _Anchor, markdown: bool) -> tuple[list[Group], int]:
    """The groups of the title run from ``i`` over anchor ``a`` (the last one holds the
    anchor), and the index after what they used."""
    j = a.end
    if markdown and any(is_article_heading(shapes[p]) for p in range(i, j)):
        run_groups = heading_groups(shapes, i, j)
        last = run_groups[-1]
        last.strength = STRONG
    else:
        titles = walk_up(shapes, i, j)
        last = Group(titles[0], WEAK if a.guessed and a.lead is None else STRONG, titles=titles)
        run_groups = [last]
    last.bylines = a.bylines
    last.lead = a.lead
    last.note = a.note
    last.standfirst = a.standfirst
    if a.name is not None:
        return run_groups, a.run_end
    return run_groups, (a.after + 1 if a.lead is not None else a.after)
