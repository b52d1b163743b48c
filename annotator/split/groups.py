"""Shapes -> title groups: the kicker/headline/subheadline/byline/lead clusters that open articles.

An article starts with a *title group*. The group is found from its anchor, the first thing
below the titles that only an article head has:

* **strong**: a run of headline-shaped paragraphs followed by a front byline and/or a lead
  (本报讯…, 本报北京3月4日电…, （记者 张三）…); the titles are the last few paragraphs of
  the run, walking upwards until a kicker ending in —— or a markdown heading (plus the one
  paragraph above it, its kicker) closes the group at the top. A lead, or bylines followed by
  a lead, with no title above also opens an article (one-line items, untitled items).
* **heading**: on a markdown page every ``#``/``##`` heading (or cluster of headings on
  consecutive lines) opens an article even without a byline; a short line directly above it
  is its kicker, short lines below it are subheadlines.
* **weak**: on a plain page, a short news item without byline: at most three short lines
  without any punctuation (or any title-shaped line right after a closed article), directly
  followed by body text, and preceded by a finished sentence, the page top or furniture. A
  short line after an unfinished paragraph is the tail of a column-cut paragraph instead.

Paragraphs of a title run that do not make it into a group stay loose: they are body text of
the article in progress (a paragraph cut short by a column break looks just like a title).
A very short line (要闻, 简讯) at the top of a title run, above more titles or bulleted items,
is a page or column label: furniture.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter

from . import cues
from .shapes import (
    BODY,
    BYLINE,
    CAPTION,
    CLAUSE_SERIES,
    DASH,
    FURNITURE,
    HEADING,
    LABEL,
    LEAD,
    TITLE,
    TRAILING,
    Shape,
    name_under_tag,
)

STRONG = "strong"
HEADED = "heading"
WEAK = "weak"

_TITLE_KINDS = frozenset((TITLE, DASH, HEADING))
# A title group holds at most a kicker, a headline and two subheadline lines.
MAX_TITLES = 4
# … plus at most this many ■ summary bullets between the headline and the byline or lead.
MAX_BULLETS = 5
# A page or column label (要闻, 综合新闻, 简讯) is a title-shaped line this short above titles.
LABEL_MAX_CHARS = 4
# … or one up to this long between furniture lines (a masthead over the date line, 中国纪检监察报
# / 2025年…): a paper's or a column's name, no headline (none stands over furniture) …
FURNITURE_LABEL_MAX_CHARS = 8
# … except over a mark saying the text below began on another page (上接第1版): a column's name
# is this short (今日谈, 评论员观察, 新春走基层); a longer line there is the headline the paper
# prints again over the rest of its article (see _continued_headlines).
COLUMN_NAME_MAX_CHARS = 5
# Headings of these levels open an article by themselves (# lead story, ## other stories).
ARTICLE_HEADING_LEVEL = 2


@dataclass(slots=True)
class Group:
    """One title group: paragraph indices in page order, ``top`` opens the article."""

    top: int
    strength: str
    titles: list[int] = field(default_factory=list)
    bylines: list[int] = field(default_factory=list)
    lead: int | None = None
    heading: int | None = None  # the markdown heading that is the headline, if any
    note: int | None = None  # 编者按：… between the titles and the byline or body
    standfirst: list[int] = field(default_factory=list)  # summary lines under the byline
    firm: bool = False  # a weak group headed by a line too long and set apart for an intertitle
    formal: bool = False  # headed in a form no 小标题 takes (see _formal_head): as if signed

    def members(self) -> list[int]:
        """All paragraph indices of the group, in page order."""
        out = self.titles + ([self.note] if self.note is not None else []) + self.bylines
        if self.lead is not None:
            out.append(self.lead)
        return out + self.standfirst


def _is_article_heading(sh: Shape) -> bool:
    return sh.kind == HEADING and sh.level <= ARTICLE_HEADING_LEVEL


def _is_summary_bullet(sh: Shape) -> bool:
    """A ■/● summary line under a headline (unfinished, title-shaped, led by a bullet)."""
    return sh.kind == TITLE and sh.listy and not sh.item and sh.bullet


def _walk_up(shapes: list[Shape], lo: int, hi: int) -> list[int]:
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
        if sh.kind == DASH:
            break  # a kicker is the top of its group
        if _is_article_heading(sh):
            # One line right above a heading is its kicker; nothing above that.
            q = p - 1
            if q >= lo and shapes[q].kind in (TITLE, DASH):
                out.append(q)
            break
        p -= 1
    out.reverse()
    return out


def _has_kicker(shapes: list[Shape], lo: int, head: int) -> bool:
    """Whether the line right above heading ``head`` (within the run from ``lo``) is its kicker.

    It is, unless it is itself a heading or the subheadline of a heading right above it
    (## A / subheadline / ## B); a line ending in —— is a kicker in any case.
    """
    q = head - 1
    return (
        q >= lo
        and not _is_article_heading(shapes[q])
        and (shapes[q].kind == DASH or q == lo or not _is_article_heading(shapes[q - 1]))
    )


def _heading_groups(shapes: list[Shape], lo: int, hi: int) -> list[Group]:
    """Groups of a markdown title run ``[lo, hi)``: one per cluster of ``#``/``##`` headings.

    Headings on consecutive lines form one cluster and one group (# 主题 / ## 副题): the most
    prominent (lowest level, first of equals) is the headline, the others kickers or
    subheadlines by their place.
    """
    clusters: list[list[int]] = []
    for p in range(lo, hi):
        if _is_article_heading(shapes[p]):
            if clusters and clusters[-1][-1] == p - 1:
                clusters[-1].append(p)
            else:
                clusters.append([p])
    groups: list[Group] = []
    for n, cluster in enumerate(clusters):
        first = cluster[0]
        top = first - 1 if _has_kicker(shapes, lo, first) else first
        stop = clusters[n + 1][0] if n + 1 < len(clusters) else hi
        if n + 1 < len(clusters) and _has_kicker(shapes, lo, stop):
            stop -= 1  # leave the next heading its kicker
        headline = min(cluster, key=lambda p: shapes[p].level)
        groups.append(Group(top, HEADED, titles=list(range(top, stop)), heading=headline))
    return groups


def _boundary_before(shapes: list[Shape], p: int) -> tuple[bool, bool]:
    """Whether paragraph ``p - 1`` lets an article start at ``p``, and whether it closed one."""
    if p == 0:
        return True, False
    prev = shapes[p - 1]
    if prev.kind == TRAILING or prev.closes:
        return True, True
    if prev.kind in (FURNITURE, CAPTION, BYLINE):
        return True, False
    if prev.kind == LABEL:
        return True, True
    return prev.ending == cues.END_FINAL, False


def _relaxed(shapes: list[Shape], lo: int) -> bool:
    """Whether any title-shaped line may head an article at ``lo``: after a closed article
    (trailing byline, 完) or a line crediting its editors (本期统筹：…), or at the top of the
    page, under nothing but its header."""
    return (
        _boundary_before(shapes, lo)[1]
        or (lo > 0 and shapes[lo - 1].editors)
        or all(sh.kind in (FURNITURE, LABEL) for sh in shapes[:lo])
    )


def _weak_group(shapes: list[Shape], lo: int, hi: int) -> Group | None:
    """A no-byline short news item headed by the end of the plain title run ``[lo, hi)``."""
    nxt = shapes[hi].kind if hi < len(shapes) else None
    if nxt not in (BODY, CAPTION):
        return None  # a title at the page end or above furniture: a cut paragraph's tail
    if shapes[hi].cont:
        return None  # the next paragraph begins with ，or 。: the "title" is a cut paragraph
    titles: list[int] = []
    p = hi - 1
    relaxed = _relaxed(shapes, lo)
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
    if not _boundary_before(shapes, lo)[0]:
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
    return Group(titles[0], WEAK, titles=titles, firm=_firm_weak(top, len(titles), dashed))


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


def _formal_group(shapes: list[Shape], lo: int, hi: int) -> Group | None:
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
    if p >= lo or not _boundary_before(shapes, lo)[0]:
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


def _is_label(shapes: list[Shape], p: int) -> bool:
    """Whether the first line ``p`` of a title run is a page or column label.

    要闻 above a headline, 简讯 above bulleted items: a very short unpunctuated line directly
    followed by more titles or by an item is not a headline (headlines are longer). Above
    titles it must stand at the page top or under furniture: further down the page it is
    the column name over a commentary's headline (今日谈), a kicker; so is a short line right
    under the page label (要闻 / 记者调查 / headline: a page has one label).
    """
    sh = shapes[p]
    if sh.kind != TITLE or not sh.strict or p + 1 >= len(shapes):
        return False
    nxt = shapes[p + 1]
    n = sh.end - sh.start
    if n > LABEL_MAX_CHARS and not (
        nxt.kind == FURNITURE
        and n <= (COLUMN_NAME_MAX_CHARS if nxt.resumes else FURNITURE_LABEL_MAX_CHARS)
    ):
        return False
    if nxt.item:
        return True
    # Above titles, a label stands at the top of the page (under the page header, not under
    # another label); further down a short line above a headline is the column's name: a kicker.
    if p > 0 and shapes[p - 1].kind != FURNITURE:
        return False
    # The paper's name above the date line (人民日报 / 2024年3月5日 星期二) is a masthead.
    return nxt.kind in _TITLE_KINDS or nxt.kind == FURNITURE


def _run_of(shapes: list[Shape], i: int, kinds: frozenset[str]) -> int:
    """End of the run of paragraphs of the given kinds that starts at ``i``."""
    n = len(shapes)
    while i < n and shapes[i].kind in kinds:
        i += 1
    return i


def _byline_run(shapes: list[Shape], i: int) -> int:
    """End of the front byline starting at ``i``: byline paragraphs and lines of names after them.

    In the one-paragraph-per-line flavour a byline broken over lines (本报记者 张三 / 李四)
    arrives as a byline paragraph followed by a paragraph of names only.
    """
    n = len(shapes)
    if i >= n or shapes[i].kind != BYLINE:
        return i
    while i < n and (shapes[i].kind == BYLINE or shapes[i].names):
        i += 1
    return i


# A commentary prints the author's name alone under its headline and then one or two summary
# lines (standfirst) before the text: at most this many title lines below the name …
MAX_STANDFIRST = 2
# … and a summary line is a clause at least this long (shorter lines are intertitles: 引言).
STANDFIRST_MIN_CHARS = 12


def _name_above_standfirst(shapes: list[Shape], i: int, j: int) -> int | None:
    """The line of names inside title run ``[i, j)`` that signs a headline above standfirst.

    行法治之力  护农业“芯片”（人民时评） / 魏哲哲 / 保护知识产权就是保护创新，… / body: the
    name under the headline is the byline even with summary lines between it and the body.
    """
    n = len(shapes)
    if j >= n or shapes[j].kind not in (BODY, LEAD) or shapes[j].cont:
        return None
    opening = _text_opening(shapes, i, j)
    # A name right above a short question or sentence opening the text inside the run signs
    # it too (“潮商场”成青年“心头好”（快评） / 尚嵘峥 / 商场是什么样的？ / text).
    stop = opening if opening < j else opening - 1
    j = opening
    for m in range(max(i + 1, j - 1 - MAX_STANDFIRST), stop):
        if not shapes[m].names or shapes[m - 1].kind not in (TITLE, DASH):
            continue
        below = shapes[m + 1 : j]
        if all(sh.kind == TITLE and not sh.names and not sh.listy for sh in below):
            return m
    return None


def _standfirst_under_name(shapes: list[Shape], i: int, j: int, m: int) -> list[int]:
    """Mark the name ``m`` in title run ``[i, j)`` as its byline and the lines below it up to
    the text as standfirst or the text's opening; return the standfirst lines."""
    text = _text_opening(shapes, i, j)
    for p in range(text, j):
        shapes[p].kind = BODY  # the short sentence that opens the text
        shapes[p].clause = False  # … and no long 小标题 either
    standfirst = [
        p for p in range(m + 1, text) if shapes[p].end - shapes[p].start >= STANDFIRST_MIN_CHARS
    ]
    for p in range(m + 1, text):
        # A short line between the name and the text opens the text: 引  言.
        shapes[p].intertitle = p not in standfirst
    shapes[m].kind = BYLINE
    shapes[m].guessed = True
    return standfirst


def _open_standfirst(shapes: list[Shape], k: int, found: int = 0) -> list[int]:
    """The summary lines right under a byline that end without a sentence end (maybe none).

    期待每座城都有宜人气质 / 孟繁哲 / 今天的大城小市，…主人翁意识 / 于城市而言，…是宝贵资源。统筹
    兼顾…新篇章 / text: a commentary's standfirst may hold a full stop inside, but it ends
    without one, and the text below begins a paragraph of its own. A paragraph cut by a column
    break ends open too: a word running across the cut, or a line below that begins with
    punctuation, shows it is the text's head. ``found`` standfirst lines are already known.
    """
    out: list[int] = []
    n = len(shapes)
    while k < n and found + len(out) < MAX_STANDFIRST:
        sh = shapes[k]
        if (
            sh.kind not in (BODY, TITLE)
            or sh.ending != cues.END_OPEN
            or sh.cont
            or sh.listy
            or sh.row
            or sh.end - sh.start < STANDFIRST_MIN_CHARS
            or k + 1 >= n
            or shapes[k + 1].kind not in (BODY, TITLE)
            or shapes[k + 1].cont
            or sh.cut_head
        ):
            break
        out.append(k)
        k += 1
    # The text itself follows: a finished paragraph (maybe a short question: 靠什么留住人？),
    # not a third open line.
    if k < n and shapes[k].kind in (BODY, TITLE) and shapes[k].ending == cues.END_FINAL:
        return out
    return out if k < n and shapes[k].kind == BODY and shapes[k].ending != cues.END_OPEN else []


# A quotation printed under the byline, before the text, is at most this many paragraphs.
MAX_EPIGRAPH = 2


def _epigraph(shapes: list[Shape], k: int) -> list[int]:
    """The quotation and the line naming its source right under a byline (maybe none).

    推行长期护理保险… / ——摘自“十五五”规划建议 / text: a feature may open with a quotation
    and, on a line of its own, where it comes from (——摘自…, ——某某考察时强调); both stand
    above the text like a standfirst, and the source line is no 小标题 of the text.
    """
    n = len(shapes)
    for a in range(k + 1, min(k + 1 + MAX_EPIGRAPH, n - 1)):
        if any(shapes[p].kind not in (BODY, TITLE) or shapes[p].cites for p in range(k, a)):
            return []
        if shapes[a].kind == TITLE and shapes[a].cites:
            return list(range(k, a + 1)) if shapes[a + 1].kind in (BODY, LEAD) else []
    return []


def _text_opening(shapes: list[Shape], i: int, j: int) -> int:
    """Where the text begins in title run ``[i, j)``: at its first finished sentence below
    the headline and the name (or at ``j``).

    一张社保卡，能办多少事？: a text may open with a short question or sentence, title-shaped
    by its length, but a title never ends a sentence in 。 (and a summary line never in ？);
    what follows it in the run is text too (a paragraph head cut short by a column break).
    A labelled line (【关键词】…) opens the text as well.
    """
    for k in range(i + 2, j):
        sh = shapes[k]
        if sh.kind == TITLE and (sh.ending == cues.END_FINAL or _labelled(sh)):
            return k
    return j


def _labelled(sh: Shape) -> bool:
    """Whether title line ``sh`` opens with a bracketed label followed by text (【关键词】某某,
    【人物】某某): a labelled paragraph of a column's text (【事件】…, 【点评】), no summary line
    nor 小标题 (a label alone, 【现场】, is one)."""
    return sh.opens[:1] == "【" and not sh.tag


def _summary_items(shapes: list[Shape], i: int, j: int) -> list[int]:
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


def _title_run_groups(shapes: list[Shape], i: int, markdown: bool) -> tuple[list[Group], int]:
    """Groups of the title run starting at ``i``, and the index after what they used."""
    n = len(shapes)
    j = _run_of(shapes, i, _TITLE_KINDS)
    guessed = False
    standfirst: list[int] = []
    run_end = j
    m = None if markdown else _name_above_standfirst(shapes, i, j)
    if m is not None:
        standfirst = _standfirst_under_name(shapes, i, j, m)
        guessed = True
        j = m
    elif (
        j - i >= 2
        and (shapes[j - 1].names or name_under_tag(shapes, j - 1))
        and j < n
        and shapes[j].kind in (BODY, LEAD, BYLINE)
    ):
        # A line of names only under the titles is the author (opinion pages print the name
        # alone, without 记者): weak, a four-character headline reads the same.
        shapes[j - 1].kind = BYLINE
        shapes[j - 1].guessed = guessed = True
        j -= 1
    # A note (编者按：…) under the titles belongs to the article head and anchors it.
    note = j if j < n and j > i and shapes[j].note else None
    after = j + 1 if note is not None else j
    summary = _summary_items(shapes, i, after)
    if summary:
        standfirst = summary
        after = summary[-1] + 1
    after = _photos_above_byline(shapes, after) if note is None and not summary else after
    k = _byline_run(shapes, after)
    bylines = list(range(after, k))
    lead = k if k < n and shapes[k].kind == LEAD else None
    if bylines and lead is None and note is None and not standfirst:
        standfirst = _epigraph(shapes, k)
        k += len(standfirst)
    if guessed and lead is None and note is None:
        # Open summary lines below the name (or below the standfirst found in the run).
        more = _open_standfirst(shapes, run_end if m is not None else k, len(standfirst))
        standfirst = standfirst + more
        run_end += len(more)
        k += len(more)
    has_heading = markdown and any(_is_article_heading(shapes[p]) for p in range(i, j))
    if not bylines and lead is None and note is None:
        # No anchor below the run: only headings (markdown) or a short item (plain) open one.
        if has_heading:
            return _heading_groups(shapes, i, j), j
        weak = None if markdown else _formal_group(shapes, i, j) or _weak_group(shapes, i, j)
        return ([weak] if weak else []), j
    if has_heading:
        run_groups = _heading_groups(shapes, i, j)
        last = run_groups[-1]
        last.strength = STRONG
    else:
        titles = _walk_up(shapes, i, j)
        last = Group(titles[0], WEAK if guessed and lead is None else STRONG, titles=titles)
        run_groups = [last]
    last.bylines = bylines
    last.lead = lead
    last.note = note
    last.standfirst = standfirst
    if m is not None:
        return run_groups, run_end
    return run_groups, (k + 1 if lead is not None else k)


def _bulleted_items(shapes: list[Shape]) -> None:
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


def _series_of_weak(groups: list[Group], i: int, lines: int = 1) -> list[Group]:
    """The weak groups of at most ``lines`` title lines right after group ``i`` (before the
    next other group)."""
    out = []
    for g in groups[i + 1 :]:
        if _firm(g):
            break
        out.append(g)
    return [g for g in out if len(g.titles) <= lines]


def _firm(g: Group) -> bool:
    """Whether group ``g`` surely opens an article: not weak, or signed (a guessed byline)."""
    return g.strength != WEAK or bool(g.bylines) or g.firm


# An intertitle standing alone in its article is at most this long, and shorter than the
# article's headline (a short news item's headline is as long as any other).
INTERTITLE_ALONE_MAX_CHARS = 6


def _short_for_a_headline(shapes: list[Shape], w: Group, g: Group) -> bool:
    """Whether the one title line of weak group ``w`` is shorter than group ``g``'s titles."""
    n = shapes[w.top].end - shapes[w.top].start
    heads = [shapes[p].end - shapes[p].start for p in g.titles]
    return n <= INTERTITLE_ALONE_MAX_CHARS and bool(heads) and n < min(heads)


def _intertitles(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """Take the intertitles (小标题) of an article out of the groups; mark their shapes.

    A run of short title-like lines between body paragraphs of one story, with no byline,
    dateline or lead after them, is a series of intertitles: after an article opened with a
    byline or lead, two or more one-line weak groups in a row that follow unfinished-article
    body text are its intertitles, not short news items (a page of untitled briefs has no
    bylined article right above them). One such line alone in a story signed at its head is
    an intertitle too, unless photos or a closing signature show an item of its own (see
    :func:`_lone_inner_title`). Numbered title lines (一、…, （二）…) and deeper markdown
    headings between body paragraphs are intertitles too; lines of verse are the text's.
    """
    weak = any(g.strength == WEAK for g in groups)
    verses = _verses(shapes, groups) if weak else set()
    if verses:
        groups = [g for g in groups if g.top not in verses]
    drop = _weak_intertitles(shapes, groups, weak)
    if weak:
        drop |= _inner_weak_groups(shapes, groups, drop)
    _long_intertitles(shapes, groups, drop)
    _stacked_intertitles(shapes, groups, drop)
    candidates = [
        p
        for p, sh in enumerate(shapes)
        if (sh.kind == TITLE and (sh.listy or sh.tag) and not sh.item)
        or (sh.kind == HEADING and sh.level > ARTICLE_HEADING_LEVEL)
    ]
    if candidates:
        _numbered_intertitles(shapes, groups, drop, candidates)
    _second_lines(shapes, groups, drop)
    _related_boxes(shapes, groups, drop)
    return [g for g in groups if g.top not in drop] if drop else groups


# Lines of verse quoted in a text: three or more of one length, each at most this long.
VERSE_LINES = 3
VERSE_MAX_CHARS = 10


def _verses(shapes: list[Shape], groups: list[Group]) -> set[int]:
    """Tops of the weak groups that are lines of verse, or a list of works (《人世间》 /
    《平凡的世界》), quoted inside a story's text.

    人间四月芳菲尽 / 山寺桃花始盛开 / 长恨春归无觅处 between two paragraphs: three or more
    short unpunctuated lines of exactly one length read as a heading stack without byline,
    but a kicker, a headline and a subheadline are never all of one length; a poem's lines
    are. They stay the text's (body), in the article in progress.
    """
    out: set[int] = set()
    for g in groups:
        if g.strength != WEAK or g.firm or len(g.titles) < 2 or g.top == 0:
            continue
        if not _inside_text(shapes[g.top - 1]) or _boundary_before(shapes, g.top)[1]:
            continue
        sizes = {shapes[p].end - shapes[p].start for p in g.titles}
        verse = (
            len(g.titles) >= VERSE_LINES
            and len(sizes) == 1
            and next(iter(sizes)) <= VERSE_MAX_CHARS
            and all(shapes[p].strict for p in g.titles)
        )
        if verse or all(_work_title(shapes[p]) for p in g.titles):
            out.add(g.top)
    return out


def _work_title(sh: Shape) -> bool:
    """Whether title line ``sh`` is the name of a work and nothing else (《邮政法》): a line of
    a list of books, laws or programmes in the text, no headline."""
    return sh.kind == TITLE and sh.opens[:1] == "《" and sh.ends[-1:] == "》"


def _related_boxes(shapes: list[Shape], groups: list[Group], drop: set[int]) -> None:
    """Mark a box of related reading under a story as the story's: its label (延伸阅读, 相关链接)
    and the title lines under it, if any, down to the box's text, are intertitles; a group
    there opens no article.

    The box stands under the story's last paragraph or its end note (（某某参与采写）), which
    closes the story: without its label the box's title reads as the next story's headline.
    """
    for p, sh in enumerate(shapes):
        if not sh.box or sh.kind != TITLE or p == 0 or shapes[p - 1].kind not in _BOX_AFTER:
            continue
        q = p + 1
        while q < len(shapes) and q - p <= MAX_TITLES and _box_title(shapes[q]):
            q += 1
        if q >= len(shapes) or shapes[q].kind != BODY:
            continue  # a label over more than a box's titles
        for k in range(p, q):
            shapes[k].intertitle = True
        drop.update(g.top for g in groups if p <= g.top < q)


def _box_title(sh: Shape) -> bool:
    """Whether ``sh`` reads as a title line of a box (a cut paragraph's head does not: it
    holds a full stop, a word cut short, a quotation left open)."""
    return sh.kind == DASH or (sh.kind == TITLE and sh.text_ok)


# What stands right above a box of related reading: the story's text or its end note.
_BOX_AFTER = frozenset((BODY, LEAD, TRAILING))


_INTERTITLE = attrgetter("intertitle")


def _second_lines(shapes: list[Shape], groups: list[Group], drop: set[int]) -> None:
    """Mark the second line of two-line 小标题 (on the shapes).

    An intertitle may be set as a short topic over a longer title (聚焦安全稳定 / 建设安装构网型
    储能，确保电力系统安全稳定运行): a title line longer than the intertitle right above it,
    before body text, is the rest of that intertitle, not a paragraph of the text (whose head,
    cut by a column break, has a word running into the line below: demoted).
    """
    flags = list(map(_INTERTITLE, shapes))
    if True not in flags:
        return  # most pages: no intertitle (a look at every line without a Python loop)
    # (not under 【现场】, which is whole: a line under it is the text's own)
    seconds = [
        p + 1
        for p in range(len(shapes) - 2)
        if flags[p]
        and not shapes[p].tag
        and not flags[p + 1]
        and _second_line(shapes[p], shapes[p + 1], shapes[p + 2])
    ]
    if seconds:
        members = {p for g in groups if g.top not in drop for p in g.members()}
        for q in seconds:
            if q not in members:
                shapes[q].intertitle = True


def _second_line(sh: Shape, nxt: Shape, after: Shape) -> bool:
    """Whether title line ``nxt`` under intertitle ``sh`` and over ``after`` is its second
    line (see :func:`_second_lines`)."""
    return (
        nxt.kind == TITLE
        and not (nxt.listy or nxt.demoted or nxt.cut_head or nxt.names)
        and nxt.end - nxt.start > sh.end - sh.start
        and _reads_as_intertitle(nxt)
        and after.kind == BODY
        and not after.cont
    )


def _weak_intertitles(shapes: list[Shape], groups: list[Group], weak: bool) -> set[int]:
    """Tops of the weak groups that are a bylined story's intertitles (marked on the shapes).

    Loose title lines of the story (see :func:`_loose_intertitle`) count towards the series:
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
        series = (
            [
                w
                for w in _series_of_weak(groups, i, INTERTITLE_LINES)
                if _pair_reads_as_intertitle(shapes, w)
                and not _boundary_before(shapes, w.top)[1]
                and _inside_text(shapes[w.top - 1])
            ]
            if weak
            else []
        )
        stop = _next_strong_top(groups, i, len(shapes))
        # (``outside`` is in page order: the lines between the two tops are a slice of it)
        within = outside[bisect_right(outside, g.top) : bisect_left(outside, stop)]
        loose = [p for p in within if _loose_intertitle(shapes, p)]
        if _named_with_few(g, series, loose):
            series = [w for w in series if _lone_inner_title(shapes, groups, g, w)]
            loose = []
        elif not _signed(g, len(series) + len(loose)):
            series, loose = _unsigned_story(shapes, series, loose, g)
        elif len(series) + len(loose) == 1:
            if not _one_is_intertitle(shapes, groups, g, series, loose):
                drop |= _demote_cut_head(shapes, groups, series)
                continue
        elif series or loose:
            series, loose = _series_in_story(shapes, groups, g, series, loose, drop)
        drop.update(w.top for w in series)
        for p in [p for w in series for p in w.titles] + loose:
            shapes[p].intertitle = True
    return drop


def _series_in_story(
    shapes: list[Shape],
    groups: list[Group],
    g: Group,
    series: list[Group],
    loose: list[int],
    drop: set[int],
) -> tuple[list[Group], list[int]]:
    """The intertitles among two or more candidates in the text of signed story ``g``: those
    alike (see :func:`_alike`), without odd questions; a title line that is not one of them
    (a table's title among short 小标题, a line beside a question of the text) is judged
    alone, as the one line of a story would be."""
    candidates = series
    series, loose = _alike(shapes, series, loose)
    series, loose = _no_odd_questions(shapes, series, loose, drop)
    kept = {w.top for w in series} | drop
    alone = [w for w in candidates if w.top not in kept and _lone_inner_title(shapes, groups, g, w)]
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
        _short_for_a_headline(shapes, series[0], g)
        or shapes[series[0].top].tag
        or _lone_inner_title(shapes, groups, g, series[0])
    ):
        return False  # one untitled-looking item after a story: a short news item
    # one loose line with a comma: as likely a paragraph cut by a column break
    return not loose or _alone_intertitle(shapes, loose[0])


# A title line over photos heads a photo item: its captions stand within these paragraphs.
PHOTO_ITEM_REACH = 3
# A section of a story under its one 小标题 runs on for at least this many paragraphs …
INNER_SECTION_PARAGRAPHS = 2
# … unless its line is shorter than this: a brief's headline says who did what.
BRIEF_TITLE_MIN_CHARS = 9


def _lone_inner_title(shapes: list[Shape], groups: list[Group], g: Group, w: Group) -> bool:
    """Whether weak group ``w``, one title line inside the text of signed story ``g``, is its
    小标题.

    A story signed at its head (byline, lead) runs on under a title line that reads as a
    小标题, with no byline, dateline or lead of its own: an article of its own would have one.
    Two unsigned kinds of item do follow a story, and keep their line a headline: a photo item
    (captions right under the line) and a short news item signed at its end (（记者 张三）:
    a story signed at its head is not signed again), as is a line with a column tag. A news
    story opened by its dateline runs without 小标题 (the line after it heads the next item).
    """
    if len(w.titles) != 1 or w.firm or shapes[w.top].tagged:
        return False
    if g.lead is not None and shapes[g.lead].dated:
        return False
    if not _reads_as_intertitle(shapes[w.top]):
        return False
    p = w.top
    if any(sh.kind == CAPTION for sh in shapes[p + 1 : p + 1 + PHOTO_ITEM_REACH]):
        return False
    nxt = next((x for x in groups if x.top > p), None)
    stop = len(shapes) if nxt is None else nxt.top
    q = _first_close(shapes, p + 1, stop)
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
    paragraphs = _body_paragraphs(shapes, p + 1, stop)
    return paragraphs < INNER_SECTION_PARAGRAPHS and (nxt is None or nxt.strength != WEAK)


def _body_paragraphs(shapes: list[Shape], lo: int, hi: int) -> int:
    """How many body paragraphs stand in ``[lo, hi)``."""
    return sum(1 for sh in shapes[lo:hi] if sh.kind == BODY)


def _demote_cut_head(shapes: list[Shape], groups: list[Group], series: list[Group]) -> set[int]:
    """The top of the one weak group of ``series`` that is a cut paragraph's head, its line
    made body text (see :func:`_cut_head_over_long_text`); nothing when there is none."""
    if not series or not _cut_head_over_long_text(shapes, groups, series[0]):
        return set()
    _demote(shapes[series[0].top])
    return {series[0].top}


def _demote(sh: Shape) -> None:
    """Make title line ``sh`` body text read from context (a stacked series may take it back)."""
    sh.kind = BODY
    sh.strict = sh.text_ok = False
    sh.demoted = True


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
    body = _body_paragraphs(shapes, w.top + 1, nxt)
    return body > SHORT_ITEM_PARAGRAPHS


def _inside_text(sh: Shape) -> bool:
    """Whether a title line right after ``sh`` stands inside an article's text.

    After body text or a caption; or after the signature of an editor's note (——编  者): the
    note introduces the parts of the article that follow it, it does not close the article.
    """
    return sh.kind in (BODY, LEAD, CAPTION) or sh.signature


# Very short one-line titles after an unsigned story: at least this many are its intertitles.
SHORT_SERIES = 2
# … each at most this long and at most half as long as the story's headline.
SHORT_SERIES_MAX_CHARS = 5


def _short_series(shapes: list[Shape], series: list[Group], g: Group) -> list[Group]:
    """The weak groups after unsigned story ``g`` that are its intertitles (maybe none).

    Titles of at most five characters and half the story's headline (4月12日 / 就业补贴高 /
    落户无忧 under an advertorial's long headline), two or more of them: a short news item's
    headline says what happened and is longer (古镇修缮完工).
    """
    heads = [shapes[p].end - shapes[p].start for p in g.titles]
    if not heads:
        return []
    short = [
        w
        for w in series
        if len(w.titles) == 1
        and 2 * (n := shapes[w.top].end - shapes[w.top].start) <= min(heads)
        and n <= SHORT_SERIES_MAX_CHARS
    ]
    return short if len(short) >= SHORT_SERIES else []


# Unpunctuated one-line titles after an unsigned story, all of about one length (the longest
# at most 3/2 of the shortest): at least this many in a row are its intertitles.
EVEN_SERIES = 3
EVEN_RATIO = (3, 2)
# … each over at least this many body paragraphs (a short item has one)
EVEN_TEXT_PARAGRAPHS = 2


def _even_series(shapes: list[Shape], series: list[Group]) -> list[Group]:
    """The weak groups after an unsigned story that are its intertitles by their evenness
    (maybe none).

    Three or more in a row, every one of as many unpunctuated lines (one, or a pair set as
    topic and title: 顶层谋划推进 / 掀起宣讲热潮), every line of about one length: a feature's
    小标题 are set in parallel (纹样蕴藏文明密码 / 跃上云端融入生活 / 爱上直给的纹样美), the
    headlines of untitled short items say what happened, each at its own length. Every
    line but the last stands over two or more body paragraphs: a column of short items in a
    row has one paragraph each, and their headlines may happen to be alike in length.
    """
    if len(series) < EVEN_SERIES or len({len(w.titles) for w in series}) > 1:
        return []
    lines = [p for w in series for p in w.titles]
    if not all(shapes[p].strict for p in lines):
        return []
    sizes = [shapes[p].end - shapes[p].start for p in lines]
    a, b = EVEN_RATIO
    if b * max(sizes) > a * min(sizes):
        return []
    tops = [w.top for w in series]
    texts = [
        _body_paragraphs(shapes, w.titles[-1] + 1, stop)
        for w, stop in zip(series, tops[1:], strict=False)
    ]
    return series if min(texts) >= EVEN_TEXT_PARAGRAPHS else []


# Two-line weak groups set as a short topic over its title (深化文旅融合 / 以创新供给赋能美好
# 生活): at least this many in a row are an unsigned story's intertitles …
TOPIC_PAIRS = 2
# … their topics within this many characters of each other, their titles within EVEN_RATIO.
TOPIC_SPREAD = 1


def _topic_pairs(shapes: list[Shape], series: list[Group]) -> list[Group]:
    """The two-line weak groups after an unsigned story that are its intertitles by their form
    (maybe none).

    A kicker runs longer than its headline; a 小标题 set in two lines puts a short topic, at
    most as long as a lone 小标题, over a longer title. Two or more such pairs in a row, topics
    of one length and titles of about one length (深化文旅融合 / 以创新供给赋能美好生活,
    深耕品质人居 / 以优质服务描绘宜居画卷), are set in parallel: the story's 小标题, not the
    heads of short items.
    """
    pairs = [w for w in series if len(w.titles) == 2]
    if len(pairs) < TOPIC_PAIRS:
        return []
    tops, subs = [], []
    for w in pairs:
        top, sub = shapes[w.titles[0]], shapes[w.titles[1]]
        if not (top.strict and sub.text_ok) or top.listy or sub.listy:
            return []
        tops.append(top.end - top.start)
        subs.append(sub.end - sub.start)
    if max(tops) > INTERTITLE_ALONE_MAX_CHARS or max(tops) - min(tops) > TOPIC_SPREAD:
        return []
    a, b = EVEN_RATIO
    if min(subs) <= max(tops) or b * max(subs) > a * min(subs):
        return []
    return pairs


def _unsigned_story(
    shapes: list[Shape], series: list[Group], loose: list[int], g: Group
) -> tuple[list[Group], list[int]]:
    """The intertitles of unsigned story ``g`` among its weak groups and loose lines.

    Once its punctuated lines make a series (see :func:`_unsigned_series`), the story has
    intertitles, and a one-line weak group alike in length is one of them too (坚持以高质量
    发展统揽全局 among 优化营商环境，增强发展活力 / …): the series shows it is no headline.
    """
    signed = _signed_at_end(shapes, g, series)
    alike = _unsigned_series(shapes, loose)
    if not alike:
        found = _short_series(shapes, series, g) or _even_series(shapes, series)
        return _merged(_merged(found, _topic_pairs(shapes, series)), signed), []
    single = [w for w in series if len(w.titles) == 1]
    found, loose = _alike(shapes, single, alike)
    return _merged(_merged(found, _topic_pairs(shapes, series)), signed), loose


def _merged(a: list[Group], b: list[Group]) -> list[Group]:
    """Groups ``a`` and ``b`` together, each once, in page order."""
    if not b:
        return a
    return sorted({w.top: w for w in a + b}.values(), key=attrgetter("top"))


def _signed_at_end(shapes: list[Shape], g: Group, series: list[Group]) -> list[Group]:
    """The one-line weak groups in the text of unsigned story ``g`` above the signature that
    closes it (（记者 张三） after its last paragraph): its 小标题.

    A paper that signs its stories at the end signs every one of them: a title line with no
    signature between the story's head and it does not end the story above, and the text
    under it, signed, is the rest of that story.
    """
    if not series:
        return []
    q = _first_close(shapes, max(g.members()) + 1, len(shapes))
    if q is None or not shapes[q].signed:
        return []
    found = [
        w
        for w in series
        if w.top < q
        and len(w.titles) == 1
        and not (w.firm or shapes[w.top].tagged)
        and _reads_as_intertitle(shapes[w.top])
    ]
    # A story's sections run on for paragraphs (but for a short one, 核心阅读 over its
    # summary); a column of briefs, the last one signed (市图书馆延长开放时间 / a paragraph /
    # 城南公园新增健身步道 / a paragraph（记者 王芳）), has one paragraph under every title.
    bounds = [max(g.members()), *(w.top for w in found), q + 1]
    briefs = all(
        _body_paragraphs(shapes, a + 1, b) < INNER_SECTION_PARAGRAPHS for a, b in pairwise(bounds)
    )
    return [] if briefs else found


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


# Parallel intertitles (“茶咖花影”之旅 / “茶咖寻踪”之旅 / …) share their first or last characters;
# at least this many in a row are one article's intertitles, even under an unsigned story.
PARALLEL_SERIES = 3
AFFIX_CHARS = 2


def _inner_weak_groups(shapes: list[Shape], groups: list[Group], drop: set[int]) -> set[int]:
    """Tops of weak groups inside the article above them (marked intertitles on the shapes).

    * a series of one-line weak groups set in parallel (one ending or one opening shared by
      them all) after any group: news items do not share their wording, intertitles do;
    * a short label right under a group's byline (核心阅读 / summary text): the article's box;
    * a box inside an article: a very short label over its title (链接 / box title / text)
      after the body text of a signed story.
    """
    out: set[int] = set()
    story: Group | None = None  # the last group that opens an article
    for i, g in enumerate(groups):
        if g.top in drop or g.top in out:
            continue
        if (
            story is not None
            and g.strength == WEAK
            and not g.firm  # (a column's piece signed at its end, see _signed_pieces)
            and (_label_under_byline(shapes, story, g) or _box_in_story(shapes, story, g))
        ):
            out.add(g.top)
            continue
        story = g
        series = [
            w
            for w in _series_of_weak(groups, i)
            if w.top not in drop and shapes[w.top - 1].kind in (BODY, LEAD, CAPTION)
        ]
        if len(series) >= PARALLEL_SERIES and _parallel_lines(shapes, [w.top for w in series]):
            out.update(w.top for w in series)
    for top in out:
        g = next(x for x in groups if x.top == top)
        for p in g.titles:
            shapes[p].intertitle = True
    return out


def _parallel_lines(shapes: list[Shape], tops: list[int]) -> bool:
    """Whether title lines ``tops`` all open, or all end, with the same characters."""
    opens = {shapes[p].opens for p in tops}
    ends = {shapes[p].ends for p in tops}
    return (len(opens) == 1 and len(next(iter(opens))) == AFFIX_CHARS) or (
        len(ends) == 1 and len(next(iter(ends))) == AFFIX_CHARS
    )


# A label this short: 核心阅读, 链接, 背景.
BOX_LABEL_MAX_CHARS = 4


def _label_under_byline(shapes: list[Shape], g: Group, w: Group) -> bool:
    """Whether weak group ``w`` is one short label right under the byline of group ``g``."""
    return (
        bool(g.bylines)
        and g.lead is None
        and not w.bylines
        and len(w.titles) == 1
        and w.top - 1 == g.bylines[-1]
        and shapes[w.top].end - shapes[w.top].start <= BOX_LABEL_MAX_CHARS
    )


def _box_in_story(shapes: list[Shape], g: Group, w: Group) -> bool:
    """Whether weak group ``w`` is a label over a box title inside the signed story ``g``."""
    return (
        (bool(g.bylines) or g.lead is not None)
        and not w.bylines  # 今日谈 / headline / 张三: a signed commentary under its column
        and len(w.titles) == 2
        and shapes[w.top].end - shapes[w.top].start <= BOX_LABEL_MAX_CHARS
        and shapes[w.top - 1].kind in (BODY, LEAD)
        and not _boundary_before(shapes, w.top)[1]
    )


# Intertitles of an unsigned story: at least this many alike lines.
UNSIGNED_SERIES = 3


def _unsigned_series(shapes: list[Shape], loose: list[int]) -> list[int]:
    """The loose title lines of an unsigned story that are its intertitles (maybe none).

    Only punctuated lines count (总体规划：构建…新局面): after a story without byline a run of
    short unpunctuated titles, each over a paragraph, is as likely a column of short news.
    """
    if len(loose) < UNSIGNED_SERIES:
        return []
    _, alike = _alike(shapes, [], loose)
    return alike if len(alike) >= UNSIGNED_SERIES else []


# Long intertitles (theory and commentary pages print a whole clause as a 小标题) count only
# in a series of at least this many in one article (two such lines are as often the heads of
# two paragraphs cut by column breaks).
LONG_INTERTITLE_SERIES = CLAUSE_SERIES  # shapes looks at clauses only in such a series


def _long_intertitle(shapes: list[Shape], p: int) -> bool:
    """Whether paragraph ``p`` stands like a long 小标题: a clause between body paragraphs.

    The line is one clause (``Shape.clause``), after a finished paragraph and before body text
    that does not begin with punctuation. A column cut leaves a line like that too, which is
    why only a series counts (see :func:`_long_intertitles`).
    """
    sh = shapes[p]
    # (a demoted line has a word running on into the paragraph below: a cut paragraph's head,
    # which a series of such heads in one article does not make a 小标题)
    if not sh.clause or sh.listy or sh.intertitle or sh.row or sh.cont or sh.demoted:
        return False
    if p == 0 or p + 1 >= len(shapes):
        return False
    return _between_texts(shapes[p - 1], shapes[p + 1])


def _long_intertitles(shapes: list[Shape], groups: list[Group], drop: set[int]) -> None:
    """Mark series of long 小标题 inside the articles that groups open (on the shapes).

    Three or more lines of :func:`_long_intertitle` shape between one group and the next, of
    about one length (within a factor of two of each other), are the article's intertitles:
    a column cut leaves such a line now and then, rarely twice alike in one article.
    """
    if not any(sh.clause for sh in shapes):
        return
    tops = sorted(g.top for g in groups if g.top not in drop) + [len(shapes)]
    members = {p for g in groups for p in g.members()}
    for a, b in zip(tops, tops[1:], strict=False):
        series = [p for p in range(a + 1, b) if p not in members and _long_intertitle(shapes, p)]
        if len(series) < LONG_INTERTITLE_SERIES:
            continue
        sizes = sorted(shapes[p].end - shapes[p].start for p in series)
        if sizes[-1] <= 2 * sizes[0]:
            for p in series:
                shapes[p].intertitle = True


# A stacked 小标题 is a short topic (起因——, 高息理财套路, a lone number, a question) over its
# title: two or three lines. At least this many alike between one group and the next are the
# article's intertitles (a column cut leaves a short line now and then, never a series).
STACKED_SERIES = 3
STACKED_LINES = (2, 3)
# The topic line is this short at most, and shorter than the unit's last line.
STACKED_TOPIC_MAX_CHARS = 10
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
            and _between_texts(shapes[p - 1], shapes[q])
            and _topic_over_title(shapes, run)
        ):
            units.append(run)
    return units


def _topic_over_title(shapes: list[Shape], run: range) -> bool:
    """Whether the first line of ``run`` is a short topic over a longer last line."""
    first, last = shapes[run[0]], shapes[run[-1]]
    n = first.end - first.start
    return (
        n <= STACKED_TOPIC_MAX_CHARS
        and n < last.end - last.start
        and first.kind != BODY
        and last.kind != FURNITURE
    )


def _stacked_intertitles(shapes: list[Shape], groups: list[Group], drop: set[int]) -> None:
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
        units = [u for u in found if a < u[0] < b]
        if len(units) < STACKED_SERIES or len({len(u) for u in units}) > 1:
            continue
        for p in [p for u in units for p in u]:
            sh = shapes[p]
            if sh.kind == FURNITURE:
                sh.kind = TITLE
            sh.intertitle = True


def _asks(shapes: list[Shape], p: int) -> bool:
    """Whether title line ``p`` is a question of more than one phrase (不用农药和化肥，能否
    端牢饭碗？): a sentence of the text; a one-phrase question (…从何而来？) may be a title."""
    sh = shapes[p]
    return sh.asks and (sh.comma or sh.pause)


def _no_odd_questions(
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
    asked = [p for p in tops if _asks(shapes, p) and (len(topics) < 2 or p not in topics)]
    if not asked or len(tops) - len(asked) < 2 or 2 * len(asked) >= len(tops):
        return series, loose
    for p in asked:
        _demote(shapes[p])
    odd = set(asked)
    drop.update(w.top for w in series if w.top in odd)
    return [w for w in series if w.top not in odd], [p for p in loose if p not in odd]


def _alike(
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


def _next_strong_top(groups: list[Group], i: int, n: int) -> int:
    """The first paragraph of the next group after ``i`` that is not weak (or ``n``)."""
    for g in groups[i + 1 :]:
        if _firm(g):
            return g.top
    return n


# A title line between body paragraphs longer than this is not an intertitle (theory pages
# print a clause of up to about 40 characters as a 小标题: 统筹好…的关系，彰显了…制度优势).
INTERTITLE_MAX_CHARS = 40
# An intertitle is set in one line, or in two (主题 over 副题).
INTERTITLE_LINES = 2


def _loose_intertitle(shapes: list[Shape], p: int) -> bool:
    """Whether title-shaped line ``p`` stands between two body paragraphs like an intertitle.

    A bracketed tag (【现场】) after body text is one. Otherwise the paragraph above ends a
    sentence (else the line is the tail of a cut paragraph), the
    one below is body text that does not begin with punctuation (else the line is the head
    of a cut paragraph), and the line itself reads as a title: short, one line, no sentence
    end inside, no dangling function word at its end.
    """
    sh = shapes[p]
    if sh.kind != TITLE or sh.listy or p == 0 or p + 1 >= len(shapes):
        return False
    if sh.tag:
        return shapes[p - 1].kind in (BODY, LEAD)  # 【现场】 is never a piece of body text
    # An intertitle may be set in two lines (主题 over 副题): the pair stands between the texts.
    a, b = p, p
    if shapes[p - 1].kind == TITLE:
        a = p - 1
    elif shapes[p + 1].kind == TITLE:
        b = p + 1
    if a == 0 or b + 1 >= len(shapes):
        return False
    return _between_texts(shapes[a - 1], shapes[b + 1]) and all(
        _reads_as_intertitle(shapes[q]) for q in range(a, b + 1)
    )


def _between_texts(before: Shape, after: Shape) -> bool:
    """Whether a line between ``before`` and ``after`` stands between two texts of one story:
    a finished paragraph that closes nothing above (or a row of a table or roster, complete
    without a full stop; or the signature of an editors' note, which opens the parts below
    it), body text that is no cut below (or an interviewer's question, 记者：…？, which opens
    a turn of an interview's text)."""
    finished = before.kind in (BODY, LEAD) and (before.ending == cues.END_FINAL or before.row)
    return (
        (finished or before.signature)
        and not before.closes
        and (after.kind == BODY and not after.cont or after.speaks)
    )


def _pair_reads_as_intertitle(shapes: list[Shape], w: Group) -> bool:
    """Whether weak group ``w`` is one title line, or two that both read as a 小标题.

    A long headline over the head of its first paragraph (cut short by a column break)
    opens an article: it is no two-line intertitle. The upper line may end in —— (助农环保——
    / 废弃物化作饲料): inside a signed story that is a 小标题 set as topic and title, not
    the kicker of a new article (which would come with its own byline, lead or dateline).
    """
    return len(w.titles) == 1 or all(
        _reads_as_intertitle(shapes[p], dash=k == 0) for k, p in enumerate(w.titles)
    )


def _reads_as_intertitle(sh: Shape, dash: bool = False) -> bool:
    """Whether title line ``sh`` reads as a 小标题: short, one line, no sentence inside
    (with ``dash``, a line ending in —— reads as one too)."""
    if dash and sh.kind == DASH:
        return sh.end - sh.start <= INTERTITLE_MAX_CHARS
    return (
        sh.kind == TITLE
        and not sh.listy
        and sh.end - sh.start <= INTERTITLE_MAX_CHARS
        and sh.text_ok
    )


def _alone_intertitle(shapes: list[Shape], p: int) -> bool:
    """Whether loose line ``p`` is an intertitle even without others in its story.

    A bracketed tag (【现场】), a line of phrases without a comma (a paragraph cut by a column
    break would as likely break after a comma), or two phrases of about the same length
    around one comma (坚持创新驱动，激发发展活力: titles are set in parallel, a cut paragraph's
    head is not); but no question of more than one phrase (如何破解“甲、乙”的难题？), a
    sentence of the text asking what the next paragraph answers.
    """
    sh = shapes[p]
    return sh.tag or (not sh.comma or sh.parallel) and not _asks(shapes, p)


def _numbered_intertitles(
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
    paragraph's rest). Each line alone stands beside a title line, not between two texts.
    """
    for p, q in zip(candidates, candidates[1:], strict=False):
        if q != p + 1 or p == 0 or q + 1 >= len(shapes) or p in members or q in members:
            continue
        top, sub = shapes[p], shapes[q]
        if top.bullet and sub.bullet and _between_texts(shapes[p - 1], shapes[q + 1]):
            top.intertitle = sub.intertitle = True


def find_groups(shapes: list[Shape], markdown: bool) -> list[Group]:
    """Find the title groups of a page, in page order.

    Labels found on the way are turned into shapes of kind ``LABEL`` (page furniture that
    also closes the article above).
    """
    _bulleted_items(shapes)
    _numbered_photos(shapes)
    _sources_under_text(shapes)
    _datelines_under_titles(shapes)
    _names_under_photos(shapes)
    _names_closing_text(shapes)
    _names_over_text(shapes)
    n = len(shapes)
    groups: list[Group] = []
    i = 0
    while i < n:
        kind = shapes[i].kind
        if kind in _TITLE_KINDS:
            if _is_label(shapes, i):
                shapes[i].kind = LABEL
                shapes[i].closes = True
                i += 1
                continue
            run_groups, i = _title_run_groups(shapes, i, markdown)
            groups.extend(run_groups)
        elif kind == BYLINE:
            k = _byline_run(shapes, i)
            if k < n and shapes[k].kind == LEAD:
                groups.append(Group(i, STRONG, bylines=list(range(i, k)), lead=k))
                k += 1
            i = k  # a lone byline is front or trailing: decided with the article in progress
        else:
            if kind == LEAD:
                groups.append(Group(i, STRONG, lead=i))
            i += 1
    _dashed_series(shapes, groups)
    groups = _headed_pairs_in_dated_stories(shapes, _signed_below(shapes, groups))
    groups = _tagged_columns(shapes, _signed_pieces(shapes, groups))
    groups = _continued_headlines(shapes, groups)
    return _nothing_under_byline(shapes, _pieces_of_sets(shapes, _intertitles(shapes, groups)))


# Circled numbers, in their order: the photos of a story numbered ①, ② …
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _numbered_photos(shapes: list[Shape]) -> None:
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


def _nothing_under_byline(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups without a lone title line right under the byline of the group before.

    An article does not end at its byline: a short line between a headline's byline and the
    text (a portrait's name, a label) is no headline of an article of its own (樊明武院士 under
    中青报·中青网记者 雷宇, over the text about him).
    """
    out: list[Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.bylines
            and prev.lead is None
            and not prev.standfirst
            and max(prev.members()) == g.top - 1
            and g.titles == [g.top]
            and not g.bylines
            and g.lead is None
            and g.heading is None
            and shapes[g.top].kind == TITLE
        ):
            continue
        out.append(g)
    return out


# What may follow the source line of a quotation printed as a box of its own.
_AFTER_SOURCE = frozenset((TITLE, DASH, HEADING, FURNITURE))


def _sources_under_text(shapes: list[Shape]) -> None:
    """Read a —— line right under finished body text as the source of that text, a signature
    that stays in its article (``BYLINE``), not as a title of what follows.

    某某……。 / ——周恩来总理在某会议上的报告: a quotation and who said it, printed as a box of
    its own or closing an article. A —— subheadline stands under its headline, never under
    a finished paragraph of text. Only a line that the next title (or the page's end) follows
    is read so: a source over more text (——摘自…) is the epigraph of that text (see
    ``_epigraph``), and a —— line over more text may be an item or a cut paragraph's head.
    """
    for i in range(1, len(shapes)):
        sh, before = shapes[i], shapes[i - 1]
        if (
            sh.kind in (TITLE, DASH)
            and sh.subdash
            and before.kind == BODY
            and before.ending == cues.END_FINAL
            and not before.cont
            and not sh.cites
            and (i + 1 == len(shapes) or shapes[i + 1].kind in _AFTER_SOURCE)
        ):
            sh.kind = BYLINE
            sh.signature = True


# Where a line of names after finished text signs it: before these, or at the page's end.
_AFTER_SIGNATURE = frozenset((TITLE, HEADING, FURNITURE, LABEL))
# The longest such line: two names (魏  甜, 郭颖 天乐).
CLOSING_NAMES_MAX_CHARS = 8


def _names_closing_text(shapes: list[Shape]) -> None:
    """Read a line of names alone right under a finished paragraph, with no text under it, as
    the byline that closes the article above (…提供强大支撑。 / 魏  甜 / next headline): county
    papers sign a short item at its end with the bare names. A name over a —— subheadline
    heads a profile instead (王进喜 / ——记…)."""
    n = len(shapes)
    for i in range(1, n):
        sh = shapes[i]
        n_chars = sh.end - sh.start
        if not (sh.kind == TITLE and sh.names and n_chars <= CLOSING_NAMES_MAX_CHARS):
            continue
        if n_chars > PHOTO_NAME_MAX_CHARS and not (sh.spaced or sh.wide):
            continue  # 资金难题: a four-character phrase reads as a name too
        above = shapes[i - 1]
        if above.kind not in (BODY, LEAD) or above.ending != cues.END_FINAL:
            continue
        nxt = shapes[i + 1] if i + 1 < n else None
        if nxt is not None and (
            nxt.kind not in _AFTER_SIGNATURE or nxt.subdash or nxt.comma or nxt.cut_head
        ):
            continue  # (a title line with a comma, or a cut's head, is text going on below)
        if sh.cut_head:
            continue
        sh.kind = BYLINE
        sh.guessed = True


def _names_over_text(shapes: list[Shape]) -> None:
    """Read a name alone at the head of the page or right under a closed article, over text,
    as the byline of an untitled piece (a page's copy that starts at the author of an essay:
    王明起 / 永定河在两山之间滚滚地流着。…): a headline of a person's name alone stands over a
    —— subheadline or a lead, not over the text's first sentence."""
    n = len(shapes)
    for i in range(n - 1):
        sh = shapes[i]
        if not (sh.kind == TITLE and sh.names) or sh.cut_head:
            continue
        if sh.end - sh.start > PHOTO_NAME_MAX_CHARS and not (sh.spaced or sh.wide):
            continue
        nxt = shapes[i + 1]
        if nxt.kind != BODY or nxt.cont:
            continue
        above = shapes[i - 1] if i else None
        if above is None or above.kind == FURNITURE or above.kind == TRAILING:
            sh.kind = BYLINE
            sh.guessed = True


# The name under the photos is one name of two or three characters (a four-character line
# there is as often the title of the next photo).
PHOTO_NAME_MAX_CHARS = 3


def _photos_above_byline(shapes: list[Shape], i: int) -> int:
    """Where the byline under the photos starting at ``i`` stands (see
    :func:`_names_under_photos`); ``i`` when there is none (or a byline stands at ``i``)."""
    p = i
    while p < len(shapes) and shapes[p].kind == CAPTION:
        p += 1
    return p if p > i and p < len(shapes) and shapes[p].under_photos else i


def _names_under_photos(shapes: list[Shape]) -> None:
    """Read a line of names alone between the photos under a headline and the text as the
    writer's byline (互动相融  谱写新乐章 / ——副题 / …（摄） / 张建平 / text): a feature
    prints its photo between the titles and the author, and the name, cut from the titles by
    the caption, is no headline of an article of its own.
    """
    for i in range(2, len(shapes) - 1):
        sh = shapes[i]
        if not (sh.kind == TITLE and sh.names and shapes[i - 1].kind == CAPTION):
            continue
        if sh.end - sh.start > PHOTO_NAME_MAX_CHARS:
            continue  # 古城夜色: a four-character title of the next photo reads as a name
        if shapes[i + 1].kind not in (BODY, LEAD) or shapes[i + 1].cont:
            continue
        k = i - 1
        while k > 0 and shapes[k].kind == CAPTION:
            k -= 1
        if shapes[k].kind in _TITLE_KINDS and not shapes[k].names:
            sh.kind = BYLINE
            sh.guessed = sh.under_photos = True


def _datelines_under_titles(shapes: list[Shape]) -> None:
    """Read a wire dateline alone on its line right under a title as the head of the lead
    below it, cut from its text by a column (新华社北京四月十八日电 / 国务院副总理…), not as
    the dateline that closes a story: no story closes before its text begins.
    """
    for i in range(1, len(shapes) - 1):
        sh = shapes[i]
        if (
            sh.kind == TRAILING
            and sh.signs
            and shapes[i - 1].kind in _TITLE_KINDS
            and shapes[i + 1].kind == BODY
        ):
            sh.kind = LEAD
            sh.ending = cues.END_OPEN
            sh.closes = sh.signs = False
            sh.dated = True


def _continued_headlines(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups and one more for each headline printed again over the rest of its article.

    坚定不移推动高质量发展 / （上接第1版） / text: a paper that continues an article on another
    page prints its headline there again over a mark saying where it began; the headline opens
    the article (a firm weak group) and the mark, page furniture, does not end it.
    """
    found: dict[int, Group] = {}
    for m, mark in enumerate(shapes):
        if not mark.resumes or m == 0 or m + 1 >= len(shapes) or shapes[m + 1].kind != BODY:
            continue
        titles: list[int] = []
        p = m - 1
        while p >= 0 and len(titles) < MAX_TITLES - 1 and _reprinted_title(shapes[p]):
            titles.insert(0, p)
            p -= 1
        if titles and _boundary_before(shapes, titles[0])[0]:
            found[titles[0]] = Group(titles[0], WEAK, titles=titles, firm=True)
            mark.closes = False
    if not found:
        return groups
    taken = {p for g in found.values() for p in g.titles}
    kept = [g for g in groups if g.top not in taken]
    return sorted(kept + list(found.values()), key=attrgetter("top"))


def _reprinted_title(sh: Shape) -> bool:
    """Whether ``sh`` may be a line of a headline printed again over a continuation mark."""
    return sh.kind in (TITLE, DASH) and sh.text_ok and not sh.listy and not sh.names


def _dashed_series(shapes: list[Shape], groups: list[Group]) -> None:
    """Leave firm only the lone kicker-and-headline pairs of :func:`_weak_group`.

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


# A kicker runs clearly longer than its headline: at least 13/10 of it (see
# ``roles._longer_over_shorter``), over a headline longer than a column name.
KICKER_OVER_HEADLINE = (13, 10)
PAIR_HEADLINE_MIN_CHARS = 5


def _headed_pairs_in_dated_stories(shapes: list[Shape], groups: list[Group]) -> list[Group]:
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
        lines = [p for p in range(last + 1, stop) if shapes[p].kind in _TITLE_KINDS]
        if len(lines) == 2 and lines[1] == lines[0] + 1 and _headed_pair(shapes, lines[0], stop):
            found.append(Group(lines[0], WEAK, titles=lines, firm=True))
    return sorted(groups + found, key=lambda g: g.top) if found else groups


def _headed_pair(shapes: list[Shape], p: int, stop: int) -> bool:
    """Whether title lines ``p`` and ``p + 1``, between body paragraphs, read as a kicker over
    its headline (see :func:`_headed_pairs_in_dated_stories`)."""
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


def _signed_below(shapes: list[Shape], groups: list[Group]) -> list[Group]:
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
    the text under it closes with a signature (see :func:`_signed_below`)."""
    if i + 1 >= len(groups):
        return
    w = groups[i + 1]
    if w.strength != WEAK or w.firm or len(w.titles) != 1:
        return
    stop = groups[i + 2].top if i + 2 < len(groups) else len(shapes)
    if not any(w.top < q < stop for q in signs):
        return
    if _first_close(shapes, max(groups[i].members()) + 1, w.top) is not None:
        return  # the story above closed already: the group opens the next one anyway
    q = _first_close(shapes, w.top + 1, stop)
    if q is not None and shapes[q].signs:
        w.firm = True


def _signed_pieces(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups and one more for a column's piece signed at its end inside the text of a
    story signed at its head.

    A column's name over its title (短评 / 让“小切口”撬动“大民生”, 【今日谈】 / …) after a story
    reads like a 小标题 set as topic and title; but the text under it closes with its writer's
    signature (（李华）), and a story signed at its head (byline, lead) is not signed again:
    the pair heads a piece of its own, a firm weak group.
    """
    if not groups or not any(sh.signed for sh in shapes):
        return groups  # most pages: no bracketed signature at a text's end
    found: dict[int, Group] = {}
    for i, g in enumerate(groups):
        if not g.bylines and g.lead is None:
            continue
        last = max(g.members())
        q = _first_close(shapes, last + 1, _next_strong_top(groups, i, len(shapes)))
        p = _column_pair(shapes, last + 1, q) if q is not None and shapes[q].signed else None
        if p is not None:
            found[p] = Group(p, WEAK, titles=[p, p + 1], firm=True)
    return _with_pairs(groups, found)


def _with_pairs(groups: list[Group], found: dict[int, Group]) -> list[Group]:
    """``groups`` with the two-line groups ``found`` (by top), each replacing a weak group
    found on either of its lines."""
    if not found:
        return groups
    kept = [g for g in groups if g.top not in found and g.top - 1 not in found]
    return sorted(kept + list(found.values()), key=attrgetter("top"))


def _tagged_columns(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """The groups and one more for each column's bracketed name over a title between texts.

    【今日谈】 / 让“小切口”撬动“大民生”: a bracketed tag alone on its line labels what follows
    it; inside a story a label (【现场】, 【点评】) stands over the text itself, a box's label
    (【链接】) over the box's title. A tag that is no box's label over a title line, between a
    finished paragraph and body text, is a column's name over its piece's headline: a firm weak
    group, an article of its own. So is the column's name set on its headline's line
    (【快评】让公交服务更有温度) between texts, unless the text under it is labelled too: the
    labelled paragraphs of one column's text (【关键词】某某 / 【事件】…) follow each other.
    """
    found: dict[int, Group] = {}
    # (a headline over its byline or dateline already heads its article)
    headed = {g.top for g in groups if g.strength != WEAK}
    for p, sh in enumerate(shapes):
        if not sh.labelled or sh.kind != TITLE or p == 0 or p + 1 >= len(shapes):
            continue
        if sh.tag and not sh.box and p + 2 < len(shapes):
            sub = shapes[p + 1]
            if sub.kind != TITLE or sub.tag or sub.listy or not sub.text_ok:
                continue
            if _between_texts(shapes[p - 1], shapes[p + 2]):
                found[p] = Group(p, WEAK, titles=[p, p + 1], firm=True)
        elif p not in headed and _column_headline(shapes, p):
            found[p] = Group(p, WEAK, titles=[p], firm=True)
    return _with_pairs(groups, found)


def _column_headline(shapes: list[Shape], p: int) -> bool:
    """Whether title line ``p`` is a headline with its column's bracketed name in front of
    it (【快评】某某) standing between two texts, over text that no label opens."""
    sh, below = shapes[p], shapes[p + 1]
    return (
        not sh.tag
        and sh.text_ok
        and not sh.listy
        and _between_texts(shapes[p - 1], below)
        and not below.labelled
    )


def _column_pair(shapes: list[Shape], lo: int, hi: int) -> int | None:
    """The first line of the last pair of title lines in ``[lo, hi)`` that stands between two
    texts with a column's name on top: a bracketed tag or a name as short as a lone 小标题."""
    for p in range(hi - 3, lo, -1):
        top, sub = shapes[p], shapes[p + 1]
        if top.kind != TITLE or sub.kind != TITLE or top.listy or sub.listy:
            continue
        short = top.tag or top.end - top.start <= INTERTITLE_ALONE_MAX_CHARS
        if short and sub.text_ok and _between_texts(shapes[p - 1], shapes[p + 2]):
            return p
    return None


def _first_close(shapes: list[Shape], lo: int, hi: int) -> int | None:
    """The first paragraph of ``[lo, hi)`` that closes its article, if any."""
    return next((q for q in range(lo, hi) if shapes[q].closes), None)


def _headline_signed_below(
    shapes: list[Shape], last: int, stop: int, member: set[int]
) -> int | None:
    """The one title line between ``last`` (a dated story's group) and ``stop`` that stands
    between two texts and over text closing with a signature (see :func:`_signed_below`)."""
    titles = [p for p in range(last + 1, stop) if shapes[p].kind == TITLE and p not in member]
    if len(titles) != 1:
        return None
    p, sh = titles[0], shapes[titles[0]]
    # (a line with a comma is as likely a paragraph cut by a column break)
    if not sh.text_ok or (sh.comma and not sh.parallel) or p + 1 >= stop:
        return None
    if not _between_texts(shapes[p - 1], shapes[p + 1]):
        return None
    # nothing closes the story above the line; the first thing closing below it signs
    end = _first_close(shapes, last + 1, stop)
    return p if end is not None and end > p and shapes[end].signs else None


def _pieces_of_sets(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """Drop the groups that head the signed pieces of a set: under an editor's note, under
    the short introduction of an unsigned story or right under the set's headline (see
    :func:`_joins_set`).

    在广阔天地成长成才 / note / ——编  者 / 下得去、留得住 / 韦  蔚 / text / 回答好… / 陶  甄 /
    text: a note signed by the editors (——编者) over contributions, each a title line and its
    author, makes one article of them; the pieces' titles are its intertitles. A headline
    with a column tag (…（现场评论）), a kicker or a lead opens the next article.
    """
    notes = [
        p
        for p, sh in enumerate(shapes)
        if (sh.signature and p > 0 and shapes[p - 1].kind in (BODY, LEAD))
        or (sh.note and sh.kind == BODY)
    ]
    if not notes and not any(_unsigned(g) or len(g.titles) == 2 for g in groups):
        return groups
    out: list[Group] = []
    form: tuple[int, bool] | None = None  # the set's piece form while the set goes on
    for k, g in enumerate(groups):
        story = out[-1] if out else None
        if (
            story is not None
            and _signed_piece(shapes, g)
            and _joins_set(shapes, notes, form, story, groups, k)
        ):
            for p in g.titles:
                shapes[p].intertitle = True
            form = form or _piece_form(shapes, g)
            continue
        form = None
        out.append(g)
    return out


def _joins_set(
    shapes: list[Shape],
    notes: list[int],
    form: tuple[int, bool] | None,
    story: Group,
    groups: list[Group],
    k: int,
) -> bool:
    """Whether signed piece ``groups[k]`` goes on the set that ``story`` (the group kept
    before it) heads: headed as the set's pieces so far (``form``), or opening the set under
    an editors' note, a short introduction or right under the set's headline. In the last
    case the first piece's title, read as ``story``'s subheadline, becomes an intertitle."""
    g = groups[k]
    if (
        _piece_form(shapes, g) == form
        or any(story.top < p < g.top and _opens_set(shapes, p, g) for p in notes)
        or _intro_over_pieces(shapes, story, groups, k)
    ):
        return True
    if not _first_piece_under_headline(shapes, story, groups, k):
        return False
    head, first = story.titles
    shapes[first].intertitle = True
    story.titles = [head]
    return True


def _first_piece_under_headline(
    shapes: list[Shape], story: Group, groups: list[Group], k: int
) -> bool:
    """Whether group ``story`` is a set's headline over the title and author of its first
    piece, and ``groups[k]`` the second piece (reads the shapes, changes nothing).

    砥砺心志修己身（大家谈） / 经常“回头看看” / 江西省赣州市  钟修声 / text / 杜绝“选择性落实” /
    山西省临汾市  冯  博 / text / …: the first piece's title, under the set's headline, reads
    as its subheadline, but it is one of two or more titles of signed pieces alike in length
    and clearly shorter than the headline (a subheadline explains its headline at length),
    and the headline carries the column's tag.
    """
    if len(story.titles) != 2 or not story.bylines or story.lead is not None:
        return False
    if story.note is not None or story.standfirst or k + 1 >= len(groups):
        return False
    head, first = story.titles
    # (a set of contributions runs under its column's tag, 砥砺心志修己身（大家谈）; a story's
    # headline and subheadline over signed articles with short titles are no set)
    if not shapes[head].tagged or not _reads_as_intertitle(shapes[first]):
        return False
    nxt = groups[k + 1]
    pieces = [groups[k], nxt]
    if not all(_signed_piece(shapes, w) and len(w.titles) == 1 for w in pieces):
        return False
    sizes = [shapes[p].end - shapes[p].start for p in (first, groups[k].top, nxt.top)]
    return _pieces_under(shapes[head].end - shapes[head].start, sizes)


def _unsigned(g: Group) -> bool:
    """Whether group ``g`` heads a story without byline, lead or note."""
    return bool(g.titles) and not g.bylines and g.lead is None and g.note is None


# An unsigned story's introduction over a set of signed pieces: at most this many paragraphs.
INTRO_PARAGRAPHS = 2
# The pieces' title lines are about one length: the longer at most 3/2 of the shorter.
PIECE_TITLE_RATIO = (3, 2)
# … and the story's headline is clearly longer than they are (at least 4/3 of the longest):
# a signed article's headline after an unsigned item is as long as the item's.
STORY_OVER_PIECES = (4, 3)


def _intro_over_pieces(shapes: list[Shape], story: Group, groups: list[Group], k: int) -> bool:
    """Whether ``groups[k]`` is the first of two or more signed pieces under the short
    introduction of unsigned story ``story`` (the editors' note, unsigned).

    过紧日子  炼好作风（前沿观察） / photos / 今年5月，…探变化、看作风、听感受。 / 公物流动起来了 /
    本报记者  王欣悦 / text / 公务接待更清爽了 / 本报记者  孙  超 / text: a headline over a
    paragraph or two and no byline introduces the pieces below it, each a title and its
    reporter, headed alike, of about one length and shorter than the story's headline; an
    article of their own would not leave the story above without a writer.
    """
    if not _unsigned(story) or k + 1 >= len(groups):
        return False
    # (such a set runs under its column's tag, …（前沿观察）; an untagged short item over
    # articles signed by their reporters is an item of its own)
    if not any(shapes[p].tagged for p in story.titles):
        return False
    g, nxt = groups[k], groups[k + 1]
    if not _signed_piece(shapes, nxt) or _piece_form(shapes, nxt) != _piece_form(shapes, g):
        return False
    between = shapes[max(story.members()) + 1 : g.top]
    if any(sh.kind not in (BODY, CAPTION) for sh in between):
        return False
    paragraphs = [sh for sh in between if sh.kind == BODY and sh.ending != cues.END_OPEN]
    if len(paragraphs) > INTRO_PARAGRAPHS:
        return False
    a = shapes[g.titles[-1]].end - shapes[g.titles[-1]].start
    b = shapes[nxt.titles[-1]].end - shapes[nxt.titles[-1]].start
    head = max(shapes[p].end - shapes[p].start for p in story.titles)
    return _pieces_under(head, [a, b])


def _pieces_under(head: int, sizes: list[int]) -> bool:
    """Whether pieces' title lines of lengths ``sizes`` are about one length and clearly
    shorter than a set's headline of length ``head`` (see :data:`PIECE_TITLE_RATIO`)."""
    longer, than = PIECE_TITLE_RATIO
    over, under = STORY_OVER_PIECES
    return than * max(sizes) <= longer * min(sizes) and under * head >= over * max(sizes)


def _piece_form(shapes: list[Shape], g: Group) -> tuple[int, bool]:
    """How a piece of a set is headed: its number of title lines, and whether the first ends
    in —— (某县—— / title / byline). The pieces of one set are headed alike; a next article
    headed otherwise (headline / subheadline / byline) ends the set."""
    return len(g.titles), shapes[g.titles[0]].kind == DASH


def _opens_set(shapes: list[Shape], note: int, g: Group) -> bool:
    """Whether group ``g`` is the first piece right under the note signed at ``note``.

    The pieces of a set follow the editors' note at once; a signed article further down, after
    text of the noted story itself (a round table's talk under its intertitles), is no piece.
    A note set as a paragraph (编者按：…) may run on in one more paragraph before the pieces.
    """
    between = [sh for sh in shapes[note + 1 : g.top] if sh.kind in (BODY, LEAD, BYLINE)]
    if shapes[note].signature:
        return not between
    # The note's own run-on paragraphs, each maybe cut in two by a column break (its head
    # ends open); a byline under the note signs the noted story's own text.
    finished = [sh for sh in between if sh.ending != cues.END_OPEN]
    return len(finished) <= NOTE_MORE_PARAGRAPHS and all(sh.kind == BODY for sh in between)


# A note set as a paragraph (编者按：…) runs on in at most this many paragraphs.
NOTE_MORE_PARAGRAPHS = 1


def _signed_piece(shapes: list[Shape], g: Group) -> bool:
    """Whether group ``g`` is a 小标题 (one line, or a line ending in —— over one) over its
    author: a piece of a set, maybe."""
    return (
        bool(g.bylines)
        and g.lead is None
        and len(g.titles) <= INTERTITLE_LINES
        and _pair_reads_as_intertitle(shapes, g)
        and shapes[g.titles[-1]].kind == TITLE
        and not shapes[g.titles[-1]].tagged
    )
