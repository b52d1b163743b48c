"""Which candidates of a series of intertitles belong to it: alike in length, and no odd
question of the text among plain titles.
"""

from __future__ import annotations

from annotator.split.shapes import Shape

from .group import Group
from .title_lines import asks, demote


def no_odd_questions(
    shapes: list[Shape], series: list[Group], loose: list[int], drop: set[int]
) -> tuple[list[Group], list[int]]:
    """A series of intertitles without the questions among them when most of them ask none.

    A story's intertitles are set in parallel, in form as in length: where two or more of
    them are plain titles (揪出窗口的“蛀虫” / 用好“云审核”), a question of two clauses between
    them (不用农药和化肥，能否端牢饭碗？) is a short paragraph of the text asking what the next
    answers; its shape becomes body text (a weak group of it goes, as a cut paragraph's head
    does). Where two or more questions stand over a title line each, such a question over its
    title is the topic of a two-line 小标题 of the story.
    """
    tops = [w.top for w in series] + loose
    lines = {p for w in series for p in w.titles} | set(loose)
    # Two or more questions set over a title line of their own: that is the 小标题's form
    # in this story (怎样提高教育质量？ / 深化教学改革，促进学生全面发展), not a sentence.
    topics = {p for p in tops if shapes[p].asks and p + 1 in lines}
    asked = [p for p in tops if asks(shapes, p) and (len(topics) < 2 or p not in topics)]
    if not asked or len(tops) - len(asked) < 2 or 2 * len(asked) >= len(tops):
        return series, loose
    for p in asked:
        demote(shapes[p])
    odd = set(asked)
    drop.update(w.top for w in series if w.top in odd)
    return [w for w in series if w.top not in odd], [p for p in loose if p not in odd]


def alike_in_length(
    shapes: list[Shape], series: list[Group], loose: list[int]
) -> tuple[list[Group], list[int]]:
    """The members of a series of intertitles that are alike in length.

    A story's intertitles are set in parallel; a line twice as long or half as long as the
    series' middle length is a paragraph cut by a column break, not one of them. The middle
    is taken over the unpunctuated lines (weak groups) when there are two or more: they are the
    surer intertitles.
    """

    def length(p: int) -> int:
        return shapes[p].end - shapes[p].start

    # A two-line intertitle (职业发展 / 多提供…机会，拓宽…道路: a short topic over its title)
    # is one unit, as long as its longer line.
    units = _pairs(loose)
    size = {w.top: length(w.top) for w in series}
    unit_size = {u: max(length(p) for p in u) for u in units}
    everything = [*size.values(), *unit_size.values()]
    sure = sorted(size.values()) if len(series) > 1 else sorted(everything)
    middle = sure[len(sure) // 2]  # the upper middle: short labels (链接) among titles

    def fits(n: int) -> bool:
        return middle <= 2 * n and n <= 2 * middle

    # (a weak group of two title lines fits as its top line or as a unit as long as its
    # longer line: 执法全程留痕 / 130万余部执法记录仪让民警习惯在镜头下执法)
    series = [w for w in series if fits(size[w.top]) or fits(max(length(p) for p in w.titles))]
    kept: list[int] = []
    for u in units:
        if fits(unit_size[u]):
            kept.extend(u)
        elif len(u) == 2 and fits(min(length(p) for p in u)):
            # The longer line does not fit: the head of a paragraph cut by a column break
            # under a one-line intertitle; the shorter line is the intertitle.
            kept.append(min(u, key=length))
    loose = kept
    if len(series) + len(loose) < 2:
        return [], []
    return series, loose


def _pairs(lines: list[int]) -> list[tuple[int, ...]]:
    """Sorted paragraph indices grouped into units: two adjacent ones pair, others stand alone."""
    units: list[tuple[int, ...]] = []
    k = 0
    while k < len(lines):
        if k + 1 < len(lines) and lines[k + 1] == lines[k] + 1:
            units.append((lines[k], lines[k + 1]))
            k += 2
        else:
            units.append((lines[k],))
            k += 1
    return units
