"""The order of the passes that find a page's title groups: shapes re-read from context,
the scan of title runs, bylines and leads, then the passes that add, firm up or drop groups.
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import CAPTION, TITLE, Shape

from .bylines import names_closing_text, names_over_text, names_under_photos, sources_under_text
from .columns import signed_pieces, tagged_columns
from .continued import continued_headlines
from .dated import headed_pairs_in_dated_stories, signed_below
from .group import Group
from .intertitles import take_out_intertitles
from .rereads import bulleted_items, datelines_under_titles, numbered_photos, quoted_kickers
from .runs import scan_page
from .sets import pieces_of_sets
from .weak import dashed_series


def find_groups(shapes: list[Shape], markdown: bool) -> list[Group]:
    """Find the title groups of a page, in page order.

    Labels found on the way are turned into shapes of kind ``LABEL`` (page furniture that
    also closes the article above).
    """
    bulleted_items(shapes)
    numbered_photos(shapes)
    quoted_kickers(shapes)
    sources_under_text(shapes)
    datelines_under_titles(shapes)
    names_under_photos(shapes)
    names_closing_text(shapes)
    names_over_text(shapes)
    groups = scan_page(shapes, markdown)
    dashed_series(shapes, groups)
    groups = headed_pairs_in_dated_stories(shapes, signed_below(shapes, groups))
    groups = tagged_columns(shapes, signed_pieces(shapes, groups))
    groups = continued_headlines(shapes, groups)
    return _nothing_under_byline(
        shapes, pieces_of_sets(shapes, take_out_intertitles(shapes, groups))
    )


def _nothing_under_byline(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups without a lone title line right under the byline of the group before, or
    under its photos' labels and credits alone.

    An article does not end at its byline: a short line between a headline's byline and the
    text (a portrait's name, a label) is no headline of an article of its own (樊明武院士 under
    中青报·中青网记者 雷宇, over the text about him). Nor at its photos when they say nothing
    (二十四节气二十四问 / 图① / 图② / 数据来源：某台 / 惊  蛰 / text): a photo item has a
    caption that tells what the photo shows.
    """
    out: list[Group] = []
    for g in groups:
        prev = out[-1] if out else None
        lone = (
            g.titles == [g.top]
            and not g.bylines
            and g.lead is None
            and g.heading is None
            and shapes[g.top].kind == TITLE
        )
        if not lone or prev is None or prev.lead is not None or prev.standfirst:
            out.append(g)
        elif prev.bylines and max(prev.members()) == g.top - 1:
            continue
        elif _labels_only(shapes, max(prev.members()) + 1, g.top):
            shapes[g.top].intertitle = True  # the first 小标题 of the text under the photos
        else:
            out.append(g)
    return out


def _labels_only(shapes: list[Shape], lo: int, hi: int) -> bool:
    """Whether ``[lo, hi)`` holds captions only, none a sentence, at least one a figure's bare
    label and none a photo credit (图① / 图② / 数据来源：某局). A photo item is credited to its
    photographer (春到公园 / 张  伟  摄): a title under it opens the next story."""
    below = shapes[lo:hi]
    return (
        hi > lo
        and all(sh.kind == CAPTION and sh.ending != cues.END_FINAL for sh in below)
        and any(sh.figure_label for sh in below)
        and not any(sh.credit for sh in below)
    )
