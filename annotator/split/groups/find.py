"""The order of the passes that find a page's title groups: shapes re-read from context,
the scan of title runs, bylines and leads, then the passes that add, firm up or drop groups.
"""

from __future__ import annotations

from annotator.split.shapes import BYLINE, LABEL, LEAD, TITLE, Shape

from .bylines import names_closing_text, names_over_text, names_under_photos, sources_under_text
from .columns import signed_pieces, tagged_columns
from .continued import continued_headlines
from .dated import headed_pairs_in_dated_stories, signed_below
from .group import STRONG, TITLE_KINDS, Group
from .intertitles import take_out_intertitles
from .labels import is_label
from .rereads import bulleted_items, datelines_under_titles, numbered_photos
from .runs import byline_run, title_run_groups
from .sets import pieces_of_sets
from .weak import dashed_series


def find_groups(shapes: list[Shape], markdown: bool) -> list[Group]:
    """Find the title groups of a page, in page order.

    Labels found on the way are turned into shapes of kind ``LABEL`` (page furniture that
    also closes the article above).
    """
    bulleted_items(shapes)
    numbered_photos(shapes)
    sources_under_text(shapes)
    datelines_under_titles(shapes)
    names_under_photos(shapes)
    names_closing_text(shapes)
    names_over_text(shapes)
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
    dashed_series(shapes, groups)
    groups = headed_pairs_in_dated_stories(shapes, signed_below(shapes, groups))
    groups = tagged_columns(shapes, signed_pieces(shapes, groups))
    groups = continued_headlines(shapes, groups)
    return _nothing_under_byline(
        shapes, pieces_of_sets(shapes, take_out_intertitles(shapes, groups))
    )


def _nothing_under_byline(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups without a lone title line right under the byline of the group before.

    An article does not end at its byline: a short line between a headline's byline and the
    text (a portrait's name, a label) is no headline of an article of its own (樊明武院士 under
    中青报·中青网记者 雷宇, over the text about him).
    """
    out: list[Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.bylines
            and prev.lead is None
            and not prev.standfirst
            and max(prev.members()) == g.top - 1
            and g.titles == [g.top]
            and not g.bylines
            and g.lead is None
            and g.heading is None
            and shapes[g.top].kind == TITLE
        ):
            continue
        out.append(g)
    return out
