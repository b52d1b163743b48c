"""Inside a story dated at its head (本报上海3月4日电…), which runs without 小标题: a kicker and
headline pair, or a title line over text closing with a signature, opens a story of its own.
"""

from __future__ import annotations

from annotator.split.shapes import BODY, TITLE, TITLE_KINDS, Shape

from .context import between_texts, first_close
from .group import WEAK, Group

# A kicker runs clearly longer than its headline: at least 13/10 of it (see
# ``roles._longer_over_shorter``), over a headline longer than a column name.
KICKER_OVER_HEADLINE = (13, 10)
PAIR_HEADLINE_MIN_CHARS = 5


def headed_pairs_in_dated_stories(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups and one more for a story under a kicker and a headline inside the text of a
    story dated at its head.

    A news story opened by its dateline (本报上海3月4日电…) runs without 小标题; two title lines
    between its paragraphs, the first clearly the longer (a kicker over its headline: 惠民措施
    落地见效、游客满意度持续提升 / 古城冬游迎来新热潮), and no other title line in its text,
    open an unsigned story of their own (an advertorial, a feature without byline), not a
    two-line intertitle (whose first line, a topic, is the shorter).
    """
    if not any(g.lead is not None and shapes[g.lead].dated for g in groups):
        return groups  # most pages: no story dated at its head
    tops = [g.top for g in groups[1:]] + [len(shapes)]
    found = []
    for g, stop in zip(groups, tops, strict=True):
        if g.lead is None or not shapes[g.lead].dated:
            continue
        last = max(g.members())
        lines = [p for p in range(last + 1, stop) if shapes[p].kind in TITLE_KINDS]
        if len(lines) == 2 and lines[1] == lines[0] + 1 and _headed_pair(shapes, lines[0], stop):
            found.append(Group(lines[0], WEAK, titles=lines, firm=True))
    return sorted(groups + found, key=lambda g: g.top) if found else groups


def _headed_pair(shapes: list[Shape], p: int, stop: int) -> bool:
    """Whether title lines ``p`` and ``p + 1``, between body paragraphs, read as a kicker over
    its headline (see :func:`headed_pairs_in_dated_stories`)."""
    first, second = shapes[p], shapes[p + 1]
    a, b = first.end - first.start, second.end - second.start
    longer, than = KICKER_OVER_HEADLINE
    return (
        first.kind == TITLE
        and second.kind == TITLE
        and first.text_ok
        and second.text_ok
        and not (first.listy or second.listy or first.tag or second.tag)
        and b >= PAIR_HEADLINE_MIN_CHARS
        and than * a >= longer * b
        and shapes[p - 1].kind == BODY
        and p + 2 < stop
        and shapes[p + 2].kind == BODY
    )


def signed_below(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups and one more for each story signed at its end inside one dated at its head.

    A wire story is signed once: a story whose lead opens with its dateline (新华社北京3月4日电
    （记者 张三）…) closes with no second one, nor with a special article's signature (（张三
    新华社专特稿）): when its text runs, past one title line, to such a closing signature, the
    line heads a story of its own (a 小标题 is never followed by a second signature): a firm
    weak group; a weak group of one line found there already is made firm (no intertitle, no
    cut head). A feature under a byline, or a story opened by 本报讯, may close with its
    dateline: it is not read so.
    """
    signs = [p for p, sh in enumerate(shapes) if sh.signs]
    if not groups or not signs:
        return groups
    stops = [g.top for g in groups[1:]] + [len(shapes)]
    member: set[int] | None = None
    found = []
    for i, (g, stop) in enumerate(zip(groups, stops, strict=True)):
        if g.lead is None or not shapes[g.lead].dated:
            continue  # only a story dated at its head is read further
        last = max(g.members())
        if not any(last < q < stop for q in signs):
            _firm_if_signed_below(shapes, groups, i, signs)
            continue
        if member is None:
            member = {p for x in groups for p in x.members()}
        p = _headline_signed_below(shapes, last, stop, member)
        if p is not None:
            found.append(Group(p, WEAK, titles=[p], firm=True))
    return sorted(groups + found, key=lambda g: g.top) if found else groups


def _firm_if_signed_below(
    shapes: list[Shape], groups: list[Group], i: int, signs: list[int]
) -> None:
    """Make the weak group of one title line right after dated story ``groups[i]`` firm when
    the text under it closes with a signature (see :func:`signed_below`)."""
    if i + 1 >= len(groups):
        return
    w = groups[i + 1]
    if w.strength != WEAK or w.firm or len(w.titles) != 1:
        return
    stop = groups[i + 2].top if i + 2 < len(groups) else len(shapes)
    if not any(w.top < q < stop for q in signs):
        return
    if first_close(shapes, max(groups[i].members()) + 1, w.top) is not None:
        return  # the story above closed already: the group opens the next one anyway
    q = first_close(shapes, w.top + 1, stop)
    if q is not None and shapes[q].signs:
        w.firm = True


def _headline_signed_below(
    shapes: list[Shape], last: int, stop: int, member: set[int]
) -> int | None:
    """The one title line between ``last`` (a dated story's group) and ``stop`` that stands
    between two texts and over text closing with a signature (see :func:`signed_below`)."""
    titles = [p for p in range(last + 1, stop) if shapes[p].kind == TITLE and p not in member]
    if len(titles) != 1:
        return None
    p, sh = titles[0], shapes[titles[0]]
    # (a line with a comma is as likely a paragraph cut by a column break)
    if not sh.text_ok or (sh.comma and not sh.parallel) or p + 1 >= stop:
        return None
    if not between_texts(shapes[p - 1], shapes[p + 1]):
        return None
    # nothing closes the story above the line; the first thing closing below it signs
    end = first_close(shapes, last + 1, stop)
    return p if end is not None and end > p and shapes[end].signs else None
