"""One title run (consecutive title-shaped paragraphs) and what anchors it below: its
byline, lead, note, standfirst or summary items; the groups it opens.
"""

from __future__ import annotations

from annotator.split.shapes import BODY, BYLINE, LEAD, Shape, name_under_tag

from .bylines import photos_above_byline
from .group import STRONG, TITLE_KINDS, WEAK, Group, is_article_heading
from .headings import heading_groups
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


def title_run_groups(shapes: list[Shape], i: int, markdown: bool) -> tuple[list[Group], int]:
    """Groups of the title run starting at ``i``, and the index after what they used."""
    n = len(shapes)
    j = _run_of(shapes, i, TITLE_KINDS)
    guessed = False
    standfirst: list[int] = []
    run_end = j
    m = None if markdown else name_above_standfirst(shapes, i, j)
    if m is not None:
        standfirst = standfirst_under_name(shapes, i, j, m)
        guessed = True
        j = m
    elif (
        j - i >= 2
        and (shapes[j - 1].names or name_under_tag(shapes, j - 1))
        and j < n
        and shapes[j].kind in (BODY, LEAD, BYLINE)
    ):
        # A line of names only under the titles is the author (opinion pages print the name
        # alone, without 记者): weak, a four-character headline reads the same.
        shapes[j - 1].kind = BYLINE
        shapes[j - 1].guessed = guessed = True
        j -= 1
    # A note (编者按：…) under the titles belongs to the article head and anchors it.
    note = j if j < n and j > i and shapes[j].note else None
    after = j + 1 if note is not None else j
    summary = summary_items(shapes, i, after)
    if summary:
        standfirst = summary
        after = summary[-1] + 1
    after = photos_above_byline(shapes, after) if note is None and not summary else after
    k = byline_run(shapes, after)
    bylines = list(range(after, k))
    lead = k if k < n and shapes[k].kind == LEAD else None
    if bylines and lead is None and note is None and not standfirst:
        standfirst = epigraph(shapes, k)
        k += len(standfirst)
    if guessed and lead is None and note is None:
        # Open summary lines below the name (or below the standfirst found in the run).
        more = open_standfirst(shapes, run_end if m is not None else k, len(standfirst))
        standfirst = standfirst + more
        run_end += len(more)
        k += len(more)
    has_heading = markdown and any(is_article_heading(shapes[p]) for p in range(i, j))
    if not bylines and lead is None and note is None:
        # No anchor below the run: only headings (markdown) or a short item (plain) open one.
        if has_heading:
            return heading_groups(shapes, i, j), j
        weak = None if markdown else formal_group(shapes, i, j) or weak_group(shapes, i, j)
        return ([weak] if weak else []), j
    if has_heading:
        run_groups = heading_groups(shapes, i, j)
        last = run_groups[-1]
        last.strength = STRONG
    else:
        titles = walk_up(shapes, i, j)
        last = Group(titles[0], WEAK if guessed and lead is None else STRONG, titles=titles)
        run_groups = [last]
    last.bylines = bylines
    last.lead = lead
    last.note = note
    last.standfirst = standfirst
    if m is not None:
        return run_groups, run_end
    return run_groups, (k + 1 if lead is not None else k)
