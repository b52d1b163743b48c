"""Groups of a plain title run with nothing under it that only an article head has: a short
news item's titles (weak, maybe firm), a headline in a form no 小标题 takes (formal), and the
kicker-and-headline pairs that, set alike, are one story's 小标题 instead.
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import BODY, CAPTION, DASH, FURNITURE, LABEL, LEAD, TITLE, Shape

from .context import boundary_before
from .group import MAX_TITLES, STRONG, WEAK, Group
from .lone_lines import BRIEF_TITLE_MIN_CHARS


def _relaxed(shapes: list[Shape], lo: int) -> bool:
    """Whether any title-shaped line may head an article at ``lo``: after a closed article
    (trailing byline, 完) or a line crediting its editors (本期统筹：…), or at the top of the
    page, under nothing but its header."""
    return (
        boundary_before(shapes, lo)[1]
        or (lo > 0 and shapes[lo - 1].editors)
        or all(sh.kind in (FURNITURE, LABEL) for sh in shapes[:lo])
    )


def weak_group(shapes: list[Shape], lo: int, hi: int) -> Group | None:
    """A no-byline short news item headed by the end of the plain title run ``[lo, hi)``."""
    hi_text = _under_credits(shapes, hi)
    nxt = shapes[hi_text].kind if hi_text < len(shapes) else None
    if nxt not in (BODY, CAPTION):
        return None  # a title at the page end or above furniture: a cut paragraph's tail
    if shapes[hi_text].cont:
        return None  # the next paragraph begins with ，or 。: the "title" is a cut paragraph
    titles: list[int] = []
    p = hi - 1
    relaxed = _relaxed(shapes, lo)
    summed = p > lo and _summary_under(shapes[p - 1], shapes[p])
    if summed or relaxed and p > lo and _leads_into_text(shapes[p - 1], shapes[p]):
        titles.append(p)  # (the headline above it is strict: the loop takes it)
        p -= 1
    while p >= lo and len(titles) < MAX_TITLES - 1:
        sh = shapes[p]
        # (a column tag closing the line, …吗？（以案说法）, is a headline's form whatever its
        # punctuation)
        if (
            sh.kind != TITLE
            or sh.listy
            or not (sh.strict or sh.tagged or relaxed or _set_apart(sh))
        ):
            break
        titles.append(p)
        p -= 1
    if not titles:
        return None
    p, dashed = _kickers(shapes, lo, p, titles)
    if p >= lo:
        return None  # an unfinished line above: these are column-cut tails, not titles
    if not boundary_before(shapes, lo)[0]:
        return None
    if (
        len(titles) == 1
        and shapes[titles[0]].tag
        and lo > 0
        and shapes[lo - 1].kind in (BODY, LEAD)
    ):
        return None  # 【点评】 alone after text: a label inside the story (an intertitle)
    titles.reverse()
    top = shapes[titles[0]]
    firm = _firm_weak(top, len(titles), dashed)
    return Group(titles[0], WEAK, titles=titles, firm=firm)


def _leads_into_text(top: Shape, sub: Shape) -> bool:
    """Whether line ``sub``, ending in ——, is a subheadline leading from headline ``top`` into
    the text (一起奔向共同富裕的美好明天 / 来自八个观察点的所见所思——), where any title line may
    head an article (the top of the page, after a closed article): there no list that a ——
    line introduces is open."""
    return top.kind == TITLE and top.strict and sub.kind == DASH and not sub.told


def _under_credits(shapes: list[Shape], hi: int) -> int:
    """Where the text under the page credits starting at ``hi`` begins (``hi`` when none).

    标题 / 本版制图：某某 / 正文: a chart's or a photo's credit printed between a heading and its
    text parts nothing (as between a heading and its byline); a line that closes an article,
    credits its editors or says the text began on another page does end what stands above it.
    """
    p = hi
    while p < len(shapes) and shapes[p].kind == FURNITURE and not _ends_above(shapes[p]):
        p += 1
    return p if p > hi and p < len(shapes) and shapes[p].kind == BODY else hi


def _ends_above(sh: Shape) -> bool:
    """Whether furniture line ``sh`` ends what stands above it (see :func:`_under_credits`)."""
    return sh.closes or sh.editors or sh.resumes or sh.sectioned


def _kickers(shapes: list[Shape], lo: int, p: int, titles: list[int]) -> tuple[int, bool]:
    """Add to ``titles`` (bottom up) the kicker lines at ``p`` and above, down to ``lo``: a
    punctuated line of a kicker's form over a lone plain headline (not one read as a headline
    only by a bracket at its end: 8月上旬，某公司（某地）, a cut paragraph's head), a —— line;
    return the line above them and whether a —— line was taken."""
    if p >= lo and len(titles) == 1 and shapes[titles[0]].strict and _kicker_form(shapes[p]):
        titles.append(p)
        p -= 1
    dashed = p >= lo and shapes[p].kind == DASH and not shapes[p].told
    if dashed:
        titles.append(p)
        p -= 1
    return p, dashed


def _firm_weak(top: Shape, lines: int, dashed: bool) -> bool:
    """Whether a weak group of ``lines`` title lines under ``top`` heads an article even inside
    a story: a headline closed by a column tag or set apart at length, or a short kicker ending
    in —— over one headline (no 小标题 is set under a kicker; a longer —— line may be a sentence
    of the text leading into what follows)."""
    if dashed:
        return lines == 2 and top.end - top.start <= DASH_KICKER_FIRM_CHARS
    return lines == 1 and (
        top.tagged or (_set_apart(top) and top.end - top.start > SET_APART_FIRM_CHARS)
    )


def _kicker_form(sh: Shape) -> bool:
    """Whether title line ``sh``, punctuated, is set as a kicker over a short headline: a topic
    before a colon (多措并举稳就业： / 我省今年新增城镇就业五十八万人; not a clause announcing what
    follows, 具体措施如下：) or two phrases in parallel around a comma; a paragraph's head cut by a
    column break ends anywhere else."""
    if sh.kind != TITLE or not sh.text_ok or sh.listy or sh.cut_head or sh.speaks:
        return False
    colon = sh.ending == cues.END_COLON and not sh.comma and sh.ends[:1] not in _ANNOUNCING
    return colon or sh.parallel


# Last characters before a colon that announce what follows (如下：, 以下几点：, 三条：), no topic.
_ANNOUNCING = frozenset("下点条面项")


def _formal_head(shapes: list[Shape], lo: int, hi: int) -> list[int]:
    """The last two lines of title run ``[lo, hi)`` when they are set in a headline's form that
    no 小标题 takes, else nothing.

    A title over a —— subheadline (法治的根基在人民 / ——写在全民普法40年之际), or a pair of
    title lines one of which, the headline, is closed by a column tag (读懂城市发展的“中国视角”
    （人民时评） over its summary, a kicker over 工程机械行业加快转型升级（新视点）): a story's
    intertitles carry neither a subheadline nor the name of a column.
    """
    if hi - lo < 2 or hi >= len(shapes) or shapes[hi].kind != BODY or shapes[hi].cont:
        return []  # (a cut paragraph's rest below: the lines are no heading)
    top, sub = shapes[hi - 2], shapes[hi - 1]
    if top.kind != TITLE or sub.kind != TITLE or top.listy or sub.listy or not top.text_ok:
        return []
    dashed = sub.subdash and not (sub.cites or sub.signature)
    # (a column's name closes the headline, over its summary line or under its kicker; a
    # lower line with a comma before a bracket is as likely a cut paragraph's head under a
    # 小标题: 8月上旬，某公司（某地）)
    tagged = top.tagged != sub.tagged and not (
        sub.subdash or sub.cut_head or sub.tagged and sub.comma
    )
    return [hi - 2, hi - 1] if dashed or tagged else []


# A summary line under a headline runs at least this much longer than it (in tenths) …
SUMMARY_MIN_TENTHS = 13


def _summary_under(top: Shape, sub: Shape) -> bool:
    """Whether title line ``sub`` is a summary (副题) under headline ``top``: a plain line of
    phrases apart by commas, longer than the unpunctuated headline above it and open at its end
    (某地首批便民试点启动 / 先在三个街道试行，明年推广到全市). A 小标题 stands alone over its
    section's text, never over a second, longer line of clauses; a paragraph's text ends
    its sentence (or, cut by a column, runs into the line below). The headline says who did
    what (a topic of a few characters over such a line, 服务升级, is a two-line 小标题).
    """
    return (
        top.strict
        and top.end - top.start >= BRIEF_TITLE_MIN_CHARS
        and not (top.bullet or top.tag or top.names or top.cut_head)
        and sub.text_ok
        and sub.comma
        and not (sub.listy or sub.cut_head or sub.speaks or sub.tagged or sub.subdash)
        and sub.ending == cues.END_OPEN
        and 10 * (sub.end - sub.start) >= SUMMARY_MIN_TENTHS * (top.end - top.start)
    )


def formal_group(shapes: list[Shape], lo: int, hi: int) -> Group | None:
    """The group of a heading of :func:`_formal_head` form ending plain title run ``[lo, hi)``,
    with a kicker line right above it (nothing when more lines stand above).

    It heads an article of its own, even with no byline or dateline under it, and is read as
    signed (``formal``): its story's title lines are its 小标题, as under a byline.
    """
    titles = _formal_head(shapes, lo, hi)
    if not titles:
        return None
    p = titles[0] - 1
    if p >= lo and shapes[p].kind in (TITLE, DASH) and not (shapes[p].listy or shapes[p].told):
        titles = [p, *titles]
        p -= 1
    if p >= lo or not boundary_before(shapes, lo)[0]:
        return None
    return Group(titles[0], STRONG, titles=titles, formal=True)


# A headline set in two parts with a wide space between them may run this long …
SET_APART_MAX_CHARS = 48
# … and one longer than this opens an article even without a byline (no 小标题 is that long).
SET_APART_FIRM_CHARS = 30
# A kicker ending in —— over one headline heads a story of its own when this short.
DASH_KICKER_FIRM_CHARS = 16


def _set_apart(sh: Shape) -> bool:
    """Whether title line ``sh`` is set like a headline: phrases apart by a wide space.

    江西省南昌市西湖区  推动基础教育扩优提质  描绘…新图景: longer than a short item's headline
    and not free of punctuation, but body text is never set with wide spaces inside.
    """
    return (
        sh.wide
        and sh.text_ok
        and not sh.names
        and not sh.row
        and sh.end - sh.start <= SET_APART_MAX_CHARS
    )


def dashed_series(shapes: list[Shape], groups: list[Group]) -> None:
    """Leave firm only the lone kicker-and-headline pairs of :func:`weak_group`.

    科学养殖—— / 饲料残渣变成有机肥料 … 延链增值—— / 鱼塘边办起了农家乐: two or more such pairs
    with no other heading between them are set alike, the 小标题 of one story; a pair alone
    heads a story of its own.
    """
    run: list[Group] = []
    for g in [*groups, None]:
        # (a box's label inside the story, 链接, sets no heading between the pairs)
        if g is not None and g.strength == WEAK and (not g.titles or shapes[g.top].box):
            continue
        if g is not None and _dashed_pair(shapes, g):
            run.append(g)
            continue
        if len(run) > 1:
            for w in run:
                w.firm = False
        run = []


def _dashed_pair(shapes: list[Shape], g: Group) -> bool:
    """Whether weak group ``g`` is a kicker ending in —— over one headline."""
    return g.strength == WEAK and len(g.titles) == 2 and shapes[g.top].kind == DASH
