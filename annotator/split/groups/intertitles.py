"""The intertitle pass: takes the 小标题 of articles out of the groups, step by step (each
step in its own module), and marks their shapes ``intertitle``.
"""

from __future__ import annotations

from annotator.split.shapes import HEADING, TITLE, Shape

from .boxes import related_boxes
from .clauses import long_intertitles
from .group import ARTICLE_HEADING_LEVEL, WEAK, Group
from .numbered import numbered_intertitles
from .parallel import inner_weak_groups
from .second_lines import mark_second_lines
from .signed_stories import weak_intertitles
from .stacked import stacked_intertitles
from .verses import verse_tops


def take_out_intertitles(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """Take the intertitles (小标题) of an article out of the groups; mark their shapes.

    A run of short title-like lines between body paragraphs of one story, with no byline,
    dateline or lead after them, is a series of intertitles: after an article opened with a
    byline or lead, two or more one-line weak groups in a row that follow unfinished-article
    body text are its intertitles, not short news items (a page of untitled briefs has no
    bylined article right above them). One such line alone in a story signed at its head is
    an intertitle too, unless photos or a closing signature show an item of its own (see
    ``lone_lines.lone_inner_title``). Numbered title lines (一、…, （二）…) and deeper markdown
    headings between body paragraphs are intertitles too; lines of verse are the text's.
    """
    weak = any(g.strength == WEAK for g in groups)
    verses = verse_tops(shapes, groups) if weak else set()
    if verses:
        groups = [g for g in groups if g.top not in verses]
    drop = weak_intertitles(shapes, groups, weak)
    if weak:
        drop |= inner_weak_groups(shapes, groups, drop)
    long_intertitles(shapes, groups, drop)
    stacked_intertitles(shapes, groups, drop)
    candidates = [
        p
        for p, sh in enumerate(shapes)
        if (sh.kind == TITLE and (sh.listy or sh.tag) and not sh.item)
        or (sh.kind == HEADING and sh.level > ARTICLE_HEADING_LEVEL)
    ]
    if candidates:
        numbered_intertitles(shapes, groups, drop, candidates)
    mark_second_lines(shapes, groups, drop)
    related_boxes(shapes, groups, drop)
    return [g for g in groups if g.top not in drop] if drop else groups
