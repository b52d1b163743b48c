"""One title line inside the text of a story signed at its head: its 小标题, the headline of
an item of its own (a photo item, a brief, one signed at its end), or the head of a paragraph
cut by a column break (made body text).
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import CAPTION, Shape

from .context import body_paragraphs, first_close
from .group import WEAK, Group
from .title_lines import INTERTITLE_LINES, demote, lines_read_as_intertitle

# An intertitle standing alone in its article is at most this long, and shorter than the
# article's headline (a short news item's headline is as long as any other).
INTERTITLE_ALONE_MAX_CHARS = 6


def short_for_a_headline(shapes: list[Shape], w: Group, g: Group) -> bool:
    """Whether the one title line of weak group ``w`` is shorter than group ``g``'s titles."""
    n = shapes[w.top].end - shapes[w.top].start
    heads = [shapes[p].end - shapes[p].start for p in g.titles]
    return n <= INTERTITLE_ALONE_MAX_CHARS and bool(heads) and n < min(heads)


# A title line over photos heads a photo item: its captions stand within these paragraphs.
PHOTO_ITEM_REACH = 3
# A section of a story under its one 小标题 runs on for at least this many paragraphs …
INNER_SECTION_PARAGRAPHS = 2
# … unless its line is shorter than this: a brief's headline says who did what.
BRIEF_TITLE_MIN_CHARS = 9


def lone_inner_title(shapes: list[Shape], groups: list[Group], g: Group, w: Group) -> bool:
    """Whether weak group ``w``, one title line inside the text of signed story ``g``, is its
    小标题.

    A story signed at its head (byline, lead) runs on under a title line that reads as a
    小标题, with no byline, dateline or lead of its own: an article of its own would have one.
    Two unsigned kinds of item do follow a story, and keep their line a headline: a photo item
    (captions right under the line) and a short news item signed at its end (（记者 张三）:
    a story signed at its head is not signed again), as is a line with a column tag. A news
    story opened by its dateline runs without 小标题 (the line after it heads the next item).
    """
    if len(w.titles) > INTERTITLE_LINES or w.firm or any(shapes[p].tagged for p in w.titles):
        return False
    if g.lead is not None and shapes[g.lead].dated:
        return False
    if not lines_read_as_intertitle(shapes, w):
        return False
    p = w.titles[-1]
    if any(sh.kind == CAPTION for sh in shapes[p + 1 : p + 1 + PHOTO_ITEM_REACH]):
        return False
    nxt = next((x for x in groups if x.top > p), None)
    stop = len(shapes) if nxt is None else nxt.top
    q = first_close(shapes, p + 1, stop)
    if q is None:
        return not _brief_after_story(shapes, p, stop, nxt)
    return not shapes[q].signed


def _brief_after_story(shapes: list[Shape], p: int, stop: int, nxt: Group | None) -> bool:
    """Whether title line ``p`` after a story heads an unsigned brief (简讯): a headline
    that says what happened (市图书馆延长开放时间: longer than a 小标题's phrase, 春耕有方),
    one paragraph under it, nothing closing it, and then the page's end or a headline of
    its own. A section of the story under its 小标题 runs on for paragraphs, or is followed
    by the next 小标题 or closed by the story's end note (（本报西安8月22日电）, （作者为…）)."""
    if shapes[p].end - shapes[p].start < BRIEF_TITLE_MIN_CHARS or cues.tells_a_turn(shapes[p].ends):
        return False
    paragraphs = body_paragraphs(shapes, p + 1, stop)
    return paragraphs < INNER_SECTION_PARAGRAPHS and (nxt is None or nxt.strength != WEAK)


def demote_cut_head(shapes: list[Shape], groups: list[Group], series: list[Group]) -> set[int]:
    """The top of the one weak group of ``series`` that is a cut paragraph's head, its line
    made body text (see :func:`_cut_head_over_long_text`); nothing when there is none."""
    if not series or not _cut_head_over_long_text(shapes, groups, series[0]):
        return set()
    demote(shapes[series[0].top])
    return {series[0].top}


# An item without byline or dateline inside a signed story runs at most this many body
# paragraphs (a news-in-brief item is short).
SHORT_ITEM_PARAGRAPHS = 4


def _cut_head_over_long_text(shapes: list[Shape], groups: list[Group], w: Group) -> bool:
    """Whether the one open title line of weak group ``w`` inside a signed story is the head
    of a paragraph cut by a column (read as body text; the group goes).

    A short item without byline or dateline is short; a line over more body paragraphs than
    one has, up to the next group, opens no article (到什么山 / 就该唱什么歌… / …).
    """
    sh = shapes[w.top]
    if len(w.titles) != 1 or sh.ending != cues.END_OPEN or sh.tagged or w.firm or sh.wide:
        return False  # (phrases set apart by a wide space are a headline's, no text's, form)
    nxt = next((g.top for g in groups if g.top > w.top), len(shapes))
    body = body_paragraphs(shapes, w.top + 1, nxt)
    return body > SHORT_ITEM_PARAGRAPHS
