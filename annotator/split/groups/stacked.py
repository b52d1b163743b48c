"""Stacked 小标题: a short topic line over its title (two or three lines), counted only in a
series of alike units in one article.
"""

from __future__ import annotations

from annotator.split.cues import END_FINAL
from annotator.split.shapes import BODY, DASH, FURNITURE, TITLE, Shape

from .context import between_texts
from .group import Group

# A stacked 小标题 is a short topic (起因——, 高息理财套路, a lone number, a question) over its
# title: two or three lines. At least this many alike between one group and the next are the
# article's intertitles (a column cut leaves a short line now and then, never a series).
STACKED_SERIES = 3
STACKED_LINES = (2, 3)
# The topic line is this short at most, and shorter than the unit's last line.
STACKED_TOPIC_MAX_CHARS = 10
# A topic that ends a sentence may be longer: a question over its answer (二问：传统消费如何
# 焕新？ / 注重个性化…，增强…); the line a column cut leaves runs on into the next one.
STACKED_QUESTION_MAX_CHARS = 16
# A lone number over an intertitle (1 / 夏粮大盘稳不稳？ / …) reads as furniture (a page number).
STACKED_NUMBER_MAX_CHARS = 2

_STACK_KINDS = frozenset((TITLE, DASH, FURNITURE))


def _stack_line(sh: Shape) -> bool:
    """Whether paragraph ``sh`` may be a line of a stacked intertitle."""
    if sh.kind in (TITLE, DASH):
        # (a numbered line is an intertitle by its own rule, and a short line under it the
        # head of a paragraph cut by a column: 一、…有方 / 项目负责人…)
        return not (sh.listy or sh.row or sh.names or sh.intertitle)
    if sh.kind == FURNITURE:
        return sh.end - sh.start <= STACKED_NUMBER_MAX_CHARS
    # (a title that the cut-word cue read as a cut paragraph's head: 审批上|去年初 segments
    # as 上去; the series shows it was a title)
    return sh.kind == BODY and sh.demoted


def _stacked_units(shapes: list[Shape], lines: list[int]) -> list[range]:
    """The runs of two or three stack lines (``lines``, ascending) that stand between two
    texts of one story, a short topic line first."""
    units: list[range] = []
    k = 0
    while k < len(lines):
        j = k + 1
        while j < len(lines) and lines[j] == lines[j - 1] + 1:
            j += 1
        p, q = lines[k], lines[j - 1] + 1
        k = j
        if q - p > STACKED_LINES[-1] and shapes[q - 1].demoted:
            q -= 1  # the head of a paragraph cut under the intertitle: a word runs across
        run = range(p, q)
        if (
            len(run) in STACKED_LINES
            and p > 0
            and q < len(shapes)
            and between_texts(shapes[p - 1], shapes[q])
            and _topic_over_title(shapes, run)
        ):
            units.append(run)
    return units


def _topic_over_title(shapes: list[Shape], run: range) -> bool:
    """Whether the first line of ``run`` is a short topic over a longer last line."""
    first, last = shapes[run[0]], shapes[run[-1]]
    n = first.end - first.start
    longest = STACKED_TOPIC_MAX_CHARS
    if first.ending == END_FINAL:
        longest = STACKED_QUESTION_MAX_CHARS
    return (
        n <= longest and n < last.end - last.start and first.kind != BODY and last.kind != FURNITURE
    )


def stacked_intertitles(shapes: list[Shape], groups: list[Group], drop: set[int]) -> None:
    """Mark series of stacked 小标题 (a topic line over a title line) inside articles.

    Between one group and the next, three or more units of as many lines each, every one
    between a finished paragraph and body text, are the article's intertitles. A lone number
    over one is part of it (not furniture).
    """
    members = {p for g in groups if g.top not in drop for p in g.members()}
    lines = [
        p
        for p, sh in enumerate(shapes)
        if (sh.kind in _STACK_KINDS or sh.demoted) and p not in members and _stack_line(sh)
    ]
    # Most pages have too few loose title lines for a series: nothing more to look at.
    if len(lines) < STACKED_SERIES * STACKED_LINES[0]:
        return
    tops = sorted(g.top for g in groups if g.top not in drop) + [len(shapes)]
    found = _stacked_units(shapes, lines)
    for a, b in zip(tops, tops[1:], strict=False):
        units = _trimmed([u for u in found if a < u[0] < b], shapes)
        if len(units) < STACKED_SERIES or len({len(u) for u in units}) > 1:
            continue
        for p in [p for u in units for p in u]:
            sh = shapes[p]
            if sh.kind == FURNITURE:
                sh.kind = TITLE
            sh.intertitle = True


def _trimmed(units: list[range], shapes: list[Shape]) -> list[range]:
    """``units`` with their last line given to the text where they are one line longer than
    the others and that line reads as the text's: a cut paragraph's head (二问：… / 注重…黏性 /
    “用手机就可以开关灯… over …出门忘关灯了。”, a word running across the cut) or a sentence
    (2 / 住窑洞帐篷，寻发音合作人… / 研究语言，只靠啃书本，可以吗？, the question the text
    opens with). The series says how many lines a unit has, and of a unit longer than the
    rest a last line that ends a sentence is the text's first."""
    shortest = min((len(u) for u in units), default=0)
    return [
        range(u.start, u.stop - 1)
        if len(u) == shortest + 1
        and shortest >= STACKED_LINES[0]
        and (shapes[u[-1]].demoted or shapes[u[-1]].ending == END_FINAL)
        else u
        for u in units
    ]
