"""Shapes re-read from their neighbours before the title runs are scanned: ▲-led items of a
news column, title lines numbering a story's photos (①, ②), and a wire dateline cut from its
lead under a title.
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import (
    BODY,
    BYLINE,
    CAPTION,
    DASH,
    LEAD,
    TITLE,
    TITLE_KINDS,
    TRAILING,
    Shape,
)


def bulleted_items(shapes: list[Shape]) -> None:
    """Turn runs of ▲-led finished paragraphs without photo credit into news-column items.

    ▲ opens a photo caption, and also the items of a news-in-brief column; two or more in a
    row, none credited to a photographer, are items (a weak cue: role confidence < 0.7).
    """
    n = len(shapes)
    i = 0
    while i < n:
        if not shapes[i].mark:
            i += 1
            continue
        j = i
        while j < n and shapes[j].mark and shapes[j].ending == cues.END_FINAL:
            j += 1
        if j - i >= 2:
            for sh in shapes[i:j]:
                sh.kind = BODY
                sh.item = sh.listy = sh.guessed = True
        i = max(j, i + 1)


# Circled numbers, in their order: the photos of a story numbered ①, ② …
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def numbered_photos(shapes: list[Shape]) -> None:
    """Read title lines numbered ①, ② … in order, right under a headline and over the text,
    as the captions of the story's numbered photos (①不少居民到公园内游玩 / ②…).

    Between the heading and the text such lines number the photos beside the story; a list
    set as lines, or numbered intertitles, stand inside the text, after body paragraphs.
    """
    n = len(shapes)
    i = 1
    while i < n:
        sh = shapes[i]
        if sh.kind != TITLE or sh.opens[:1] != "①" or shapes[i - 1].kind not in (TITLE, DASH):
            i += 1
            continue
        j = i + 1
        while j < n and j - i < len(_CIRCLED) and _circled(shapes[j], j - i):
            j += 1
        if j - i >= 2 and not shapes[i - 1].listy and j < n and shapes[j].kind in (BODY, LEAD):
            for p in range(i, j):
                shapes[p].kind = CAPTION
        i = j


def _circled(sh: Shape, k: int) -> bool:
    """Whether ``sh`` is a title line opening with the ``k``-th circled number."""
    return sh.kind == TITLE and sh.opens[:1] == _CIRCLED[k]


def datelines_under_titles(shapes: list[Shape]) -> None:
    """Read a wire dateline alone on its line right under a title as the head of the lead
    below it, cut from its text by a column (新华社北京四月十八日电 / 国务院副总理…), not as
    the dateline that closes a story: no story closes before its text begins.
    """
    for i in range(1, len(shapes) - 1):
        sh = shapes[i]
        if (
            sh.kind == TRAILING
            and sh.signs
            and shapes[i - 1].kind in TITLE_KINDS
            and shapes[i + 1].kind == BODY
        ):
            sh.kind = LEAD
            sh.ending = cues.END_OPEN
            sh.closes = sh.signs = False
            sh.dated = True


def quoted_kickers(shapes: list[Shape]) -> None:
    """Read a short quotation that asks or exclaims, alone on its line right over a title line
    and after a finished text (or at the page top), as a title line: the kicker quoting what
    people say over the headline (“用电视机看电视怎么这么费劲？” / 记者调查智能电视使用“套路”).

    A quoted line of the text (“看个电视怎么这么麻烦！”) stands over more text, not over a
    title line; after a story's text it is a kicker only over a heading signed below (its
    title lines, maybe ■ summary items, then a byline or a lead).
    """
    for i in range(len(shapes) - 1):
        sh, nxt = shapes[i], shapes[i + 1]
        if not (sh.kind == BODY and sh.quoted and nxt.kind == TITLE and nxt.strict):
            continue
        before = shapes[i - 1] if i > 0 else None
        inside = before is not None and before.kind in (BODY, LEAD) and not before.closes
        if inside and not _over_signed_head(shapes, i + 1):
            continue  # (a quotation in a story's text, over a 小标题 or a cut paragraph)
        sh.kind = TITLE
        sh.strict = sh.text_ok = True
        sh.asks = True


# Title lines and summary items a heading may stack between a kicker and its byline.
_HEAD_REACH = 6


def _over_signed_head(shapes: list[Shape], i: int) -> bool:
    """Whether the title line at ``i`` heads lines (titles, bulleted summary items) that a
    byline or a lead closes within a heading's reach."""
    for sh in shapes[i : i + _HEAD_REACH]:
        if sh.kind in (BYLINE, LEAD):
            return True
        if not (sh.kind == TITLE or (sh.kind == BODY and sh.listy and sh.bullet)):
            return False
    return False
