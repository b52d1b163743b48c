"""The titles over an article's anchor (byline, lead, note): walking up the title run from its
end, and the ■ summary bullets between a headline stack and its byline or dateline.
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import BODY, BYLINE, DASH, LEAD, TITLE, Shape

from .group import MAX_TITLES, is_article_heading

# Besides its titles (``group.MAX_TITLES``), a title group holds at most this many ■ summary
# bullets between the headline and the byline or lead.
MAX_BULLETS = 5


def _is_summary_bullet(sh: Shape) -> bool:
    """A ■/● summary line under a headline (unfinished, title-shaped, led by a bullet)."""
    return sh.kind == TITLE and sh.listy and not sh.item and sh.bullet


def walk_up(shapes: list[Shape], lo: int, hi: int) -> list[int]:
    """Title paragraphs of a strong group: walk up from ``hi - 1`` to at most ``lo``."""
    out: list[int] = []
    bullets = 0  # ■ summary lines under a headline do not count as titles
    p = hi - 1
    while p >= lo and len(out) - bullets < MAX_TITLES:
        sh = shapes[p]
        if out and sh.kind == TITLE and sh.ending == cues.END_COMMA:
            break  # a line ending in 、 or ， is the cut tail of a body paragraph
        if _is_summary_bullet(sh) and bullets < MAX_BULLETS:
            bullets += 1
        out.append(p)
        if sh.kind == DASH and p < hi - 1:
            break  # a kicker is the top of its group
        # (the run's last line over the byline or lead, 来自8个共富观察点的所见所思——, ends in
        # —— and is no kicker: no headline stands under it; it is the subheadline of the line
        # above, 一起奔向共同富裕的美好明天)
        if is_article_heading(sh):
            # One line right above a heading is its kicker; nothing above that.
            q = p - 1
            if q >= lo and shapes[q].kind in (TITLE, DASH):
                out.append(q)
            break
        p -= 1
    out.reverse()
    return out


def summary_items(shapes: list[Shape], i: int, j: int) -> list[int]:
    """The ■-led summary paragraphs right under title run ``[i, j)`` above its byline or lead.

    中共中央政治局召开会议 / 讨论政府工作报告 / ■过去一年，… / ■今年是… / 新华社北京…电: whole
    paragraphs led by bullets between a headline stack (two or more lines) and the article's
    byline or dateline summarise it; the dateline below does not open another article.
    """
    if j - i < 2:
        return []  # one line over bulleted items: a news column's name over its items
    k = j
    while k < len(shapes) and k - j < MAX_BULLETS and shapes[k].kind == BODY and shapes[k].listy:
        k += 1
    if k == j or k >= len(shapes) or shapes[k].kind not in (LEAD, BYLINE):
        return []
    return list(range(j, k))
