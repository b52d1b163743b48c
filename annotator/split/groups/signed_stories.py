"""The weak groups and loose title lines in a story's text that are its intertitles: the
judgement per story, by how the story is signed (see ``unsigned`` and ``lone_lines`` for
the cases it hands on).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from annotator.split.shapes import TITLE, Shape

from .alike import alike_in_length, no_odd_questions
from .context import boundary_before, inside_text
from .group import WEAK, Group, next_strong_top, series_of_weak
from .lone_lines import demote_cut_head, lone_inner_title, short_for_a_headline
from .title_lines import (
    INTERTITLE_LINES,
    alone_intertitle,
    loose_intertitle,
    pair_reads_as_intertitle,
    reads_as_intertitle,
)
from .unsigned import UNSIGNED_SERIES, unsigned_story


def weak_intertitles(shapes: list[Shape], groups: list[Group], weak: bool) -> set[int]:
    """Tops of the weak groups that are a bylined story's intertitles (marked on the shapes).

    Loose title lines of the story (see ``title_lines.loose_intertitle``) count towards the series:
    a story's intertitles need not all look alike (一个逗号, a space, a bracket).
    """
    drop: set[int] = set()
    member = {p for g in groups for p in g.members()}
    # Title lines outside any group, found once for the page (most pages have few).
    outside = [p for p, sh in enumerate(shapes) if sh.kind == TITLE and p not in member]
    if not outside and not weak:
        return drop
    for i, g in enumerate(groups):
        if g.top in drop:
            continue
        series = _weak_in_text(shapes, groups, i) if weak else []
        stop = next_strong_top(groups, i, len(shapes))
        # (``outside`` is in page order: the lines between the two tops are a slice of it)
        within = outside[bisect_right(outside, g.top) : bisect_left(outside, stop)]
        loose = [p for p in within if loose_intertitle(shapes, p)]
        series, loose = _judged(shapes, groups, g, series, loose, drop)
        if series and _first_of_series(shapes, groups, i, series):
            series = [g, *series]
        drop.update(w.top for w in series)
        for p in [p for w in series for p in w.titles] + loose:
            shapes[p].intertitle = True
    return drop


# The first of a series of 小标题 is at most this many times as long as the shortest of the
# others, and the longest of them as long as its shortest line.
FIRST_OF_SERIES_RATIO = 2


def _first_of_series(shapes: list[Shape], groups: list[Group], i: int, series: list[Group]) -> bool:
    """Whether weak group ``i``, over a series of 小标题 ``series`` found in its text, is the
    first of them: set as they are (as many lines, each of about their length) and standing
    in the text of the story above (after its body text, with nothing closing it).

    A story's 小标题 are set alike (越是较差的市场环境 / 越是可能诞生出色的公司, then three more
    pairs so set): the first of them is no headline of a story whose 小标题 the others are.
    """
    g = groups[i]
    if i == 0 or g.strength != WEAK or g.firm or g.bylines or g.lead is not None:
        return False
    if not inside_text(shapes[g.top - 1]) or boundary_before(shapes, g.top)[1]:
        return False
    if any(len(w.titles) != len(g.titles) for w in series):
        return False
    if not all(reads_as_intertitle(shapes[p]) for p in g.titles):
        return False
    sizes = [shapes[p].end - shapes[p].start for w in series for p in w.titles]
    mine = [shapes[p].end - shapes[p].start for p in g.titles]
    return max(mine) <= FIRST_OF_SERIES_RATIO * min(sizes) and max(sizes) <= (
        FIRST_OF_SERIES_RATIO * min(mine)
    )


def _weak_in_text(shapes: list[Shape], groups: list[Group], i: int) -> list[Group]:
    """The weak groups of one or two title lines right after group ``i`` that stand inside
    its text and read as 小标题: the candidates among the groups."""
    return [
        w
        for w in series_of_weak(groups, i, INTERTITLE_LINES)
        if pair_reads_as_intertitle(shapes, w)
        and not boundary_before(shapes, w.top)[1]
        and inside_text(shapes[w.top - 1])
    ]


def _judged(
    shapes: list[Shape],
    groups: list[Group],
    g: Group,
    series: list[Group],
    loose: list[int],
    drop: set[int],
) -> tuple[list[Group], list[int]]:
    """The intertitles of story ``g`` among its candidates (weak groups and loose lines), by
    how the story is signed. A lone candidate that is a cut paragraph's head instead has its
    line made body text and its group put in ``drop``."""
    if _named_with_few(g, series, loose):
        return [w for w in series if lone_inner_title(shapes, groups, g, w)], []
    if not _signed(g, len(series) + len(loose)):
        return unsigned_story(shapes, series, loose, g)
    if len(series) + len(loose) == 1:
        if _one_is_intertitle(shapes, groups, g, series, loose):
            return series, loose
        drop.update(demote_cut_head(shapes, groups, series))
        return [], []
    if series or loose:
        return _series_in_story(shapes, groups, g, series, loose, drop)
    return series, loose


def _series_in_story(
    shapes: list[Shape],
    groups: list[Group],
    g: Group,
    series: list[Group],
    loose: list[int],
    drop: set[int],
) -> tuple[list[Group], list[int]]:
    """The intertitles among two or more candidates in the text of signed story ``g``: those
    alike (see ``alike.alike_in_length``), without odd questions; a title line that is not one of them
    (a table's title among short 小标题, a line beside a question of the text) is judged
    alone, as the one line of a story would be."""
    candidates = series
    series, loose = alike_in_length(shapes, series, loose)
    series, loose = no_odd_questions(shapes, series, loose, drop)
    kept = {w.top for w in series} | drop
    alone = [w for w in candidates if w.top not in kept and lone_inner_title(shapes, groups, g, w)]
    return sorted(series + alone, key=attrgetter("top")), loose


def _named_with_few(g: Group, series: list[Group], loose: list[int]) -> bool:
    """Whether story ``g`` is signed by a name alone under its headline (a guessed byline)
    and has weak groups in its text, too few title lines for a series (see :func:`_signed`):
    each weak group is read alone, as in a story signed at its head."""
    return (
        g.strength == WEAK
        and bool(g.bylines)
        and bool(series)
        and len(series) + len(loose) < UNSIGNED_SERIES
    )


def _one_is_intertitle(
    shapes: list[Shape], groups: list[Group], g: Group, series: list[Group], loose: list[int]
) -> bool:
    """Whether the one candidate after signed story ``g`` (a weak group or a loose line) is
    its intertitle (reads the shapes, changes nothing)."""
    if series and not (
        short_for_a_headline(shapes, series[0], g)
        or shapes[series[0].top].tag
        or lone_inner_title(shapes, groups, g, series[0])
    ):
        return False  # one untitled-looking item after a story: a short news item
    # one loose line with a comma: as likely a paragraph cut by a column break
    return not loose or alone_intertitle(shapes, loose[0])


def _signed(g: Group, candidates: int) -> bool:
    """Whether story ``g`` counts as signed for its ``candidates`` intertitle lines.

    An unsigned story (weak, no byline nor lead) needs a longer series: its "intertitles"
    could as well be the headlines of the short items that follow it. A name alone under the
    headline signs a story on a weak cue (a guessed byline): its title-like lines count as
    its intertitles when there are at least three of them, as under any signed story.
    """
    if g.strength != WEAK:
        return bool(g.bylines) or g.lead is not None or g.formal
    return bool(g.bylines) and candidates >= UNSIGNED_SERIES
