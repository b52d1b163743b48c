"""Numbered title lines (一、…, （二）…), deeper markdown headings and bullet-led pairs between
body paragraphs: intertitles by their form.
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import BODY, LEAD, TITLE, Shape

from .context import between_texts
from .group import Group


def numbered_intertitles(
    shapes: list[Shape], groups: list[Group], drop: set[int], candidates: list[int]
) -> None:
    """Mark numbered title lines and deeper headings between body paragraphs as intertitles."""
    members = {p for g in groups if g.top not in drop for p in g.members()}
    last = len(shapes) - 1
    for p in candidates:
        if p == 0 or p == last or p in members:
            continue
        before, after = shapes[p - 1], shapes[p + 1]
        if before.kind in (BODY, LEAD) and after.kind == BODY and before.ending == cues.END_FINAL:
            shapes[p].intertitle = True
    _bulleted_pairs(shapes, members, candidates)


def _bulleted_pairs(shapes: list[Shape], members: set[int], candidates: list[int]) -> None:
    """Mark two bullet-led title lines in a row between body paragraphs as one intertitle.

    ■执法全程留痕 / ■130万余部执法记录仪让民警习惯在镜头下执法 (or a question over its
    answer's title, ■怎样提高教育质量？ / ■深化教学改革，…): a 小标题 set as a topic over its
    title, each line led by the bullet, between a finished paragraph and body text (no cut
    paragraph's rest); or a bullet-led label over a plain title line so set (■记者手记 /
    “…”). Each line alone stands beside a title line, not between two texts.
    """
    listed = set(candidates)
    for p in candidates:  # in page order: a pair marked here is seen marked at its second line
        q = p + 1
        if p == 0 or q + 1 >= len(shapes) or p in members or q in members:
            continue
        top, sub = shapes[p], shapes[q]
        if not top.bullet or not between_texts(shapes[p - 1], shapes[q + 1]):
            continue
        if (sub.bullet and q in listed) or (
            not top.intertitle and sub.kind == TITLE and not (sub.listy or sub.tag or sub.names)
        ):
            top.intertitle = sub.intertitle = True
