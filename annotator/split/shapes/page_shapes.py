""":func:`shapes`: the shape of every paragraph of a page, then the marks read across the
page (front matter, labels, chart credits, clauses, table and roster rows).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.markdown import front_matter_end
from annotator.split import cues

from .clauses import mark_clauses
from .furniture import furniture_shape, is_page_header
from .kinds import BODY, BYLINE, CAPTION, FURNITURE, HEADING, TITLE, TITLE_KINDS, Shape
from .paragraph import shape
from .rows import roster_rows, table_rows
from .uncued import listing_kicker_shape, paired_listing

# A chart's or graphic's credit: 数据来源：民政部等, 制图：张三, 资料来源：….
_CHART_CREDIT = rules_regex.compile(r"(?:(?:数据|资料)来源|制图|绘图|图表|设计)\s*[:：]")


def _chart_credits(text: str, out: list[Shape]) -> None:
    """Turn a chart credit next to a photo caption into a caption (of the page's graphics).

    数据来源：某局 reads as a source line and 制图：张三 as furniture, but beside a caption (above
    or below) they credit the chart or graphic printed with the article, not its text. So do
    two chart credits in a row (a chart names where its figures come from and who drew it:
    数据来源：某局 / 制图：张三), and one right under the byline, over the text (本报记者 某某 /
    数据来源：某局): a source credit of the text itself closes it, below the text. Only a
    byline right under a title line is the front byline over the text: a byline closing the
    text above (…body / 本报记者 某某 / 数据来源：某局 / next headline) leaves the credit to close
    its article.
    """
    credits = [
        sh.kind in (BYLINE, FURNITURE) and _CHART_CREDIT.match(text, sh.start, sh.end) is not None
        for sh in out
    ]
    for k, sh in enumerate(out):
        if not credits[k]:
            continue
        near = out[max(k - 1, 0) : k] + out[k + 1 : k + 2]
        paired = (k > 0 and credits[k - 1]) or (k + 1 < len(out) and credits[k + 1])
        under_byline = (
            k > 1
            and out[k - 1].kind == BYLINE
            and not credits[k - 1]
            and out[k - 2].kind in TITLE_KINDS
        )
        if paired or under_byline or any(o.kind == CAPTION for o in near):
            sh.kind = CAPTION


def _place_signatures(text: str, out: list[Shape]) -> None:
    """Read again, as no byline, a place-and-name "byline" naming no person by a surname
    where a title line stands: under a title line or right over a byline (更新城市  提升品质
    between its kicker and 本报记者 某某: 城市 ends on 市). Elsewhere, under a letter's text,
    it is a reader's signature whatever the name (西藏拉萨市  次仁卓玛, 江苏南京市  老  纪:
    names of no Han surname, pen names)."""
    for k, sh in enumerate(out):
        if sh.kind != BYLINE or not cues.place_without_person(text[sh.start : sh.end]):
            continue
        in_titles = k > 0 and out[k - 1].kind in TITLE_KINDS
        over_byline = k + 1 < len(out) and out[k + 1].kind == BYLINE
        if in_titles or over_byline:
            out[k] = shape(text, sh.start, sh.end, person_only=True)


def _paired_kickers(text: str, out: list[Shape]) -> None:
    """Read as a kicker a line of two phrases set apart by a 、 trailing off in …… (谎称赠送游戏
    皮肤、诱骗进入“明星粉丝群”……) right over a headline: a title line that no body text runs
    under (a byline, a lead or another title line does). Over a 小标题 (超市里人头攒动、热闹
    非凡…… / 线上年货也火爆 / text) or over the text it is a sentence of the text."""
    for k, sh in enumerate(out[:-1]):
        if sh.kind != BODY or not paired_listing(text[sh.start : sh.end]):
            continue
        nxt = out[k + 1]
        under = out[k + 2].kind if k + 2 < len(out) else None
        if nxt.kind in (TITLE, HEADING) and under not in (BODY, None):
            out[k] = listing_kicker_shape(text[sh.start : sh.end], sh.start, sh.end, sh.listy)


# A short title line is compared with the page headers above it when at most this long.
ECHO_MAX_CHARS = 8
# A word of a page header that is no section's name: a date, a weekday, a page or issue
# number, a paper's name (…报).
_NOT_A_SECTION = rules_regex.compile(
    r"[\d０-９年月日号期版第A-Z\-./:：]*|(?:星期|周|礼拜)[一二三四五六日天]|农历\S*|\S*报"
)


def _page_sections(text: str, out: list[Shape]) -> None:
    """Mark the page headers that name the page's section (2013年7月30日  星期二  消费  第1版),
    and the short title lines under them that repeat one of their words (要闻 under
    …  第12版  要闻): a page names its section once, in its header; a label line under the
    header repeats it, and another short line there is the first story's (see
    ``groups.labels``)."""
    words: set[str] = set()
    for sh in out:
        if sh.kind == FURNITURE and is_page_header(text[sh.start : sh.end]):
            names = [w for w in text[sh.start : sh.end].split() if not _NOT_A_SECTION.fullmatch(w)]
            sh.sectioned = bool(names)
            words.update(names)
        elif words and sh.kind == TITLE and sh.end - sh.start <= ECHO_MAX_CHARS:
            line = text[sh.start : sh.end].strip()
            sh.echoes = any(line in w for w in words)


def shapes(text: str, ranges: list[tuple[int, int]]) -> list[Shape]:
    """Return the shape of every paragraph range of ``text``."""
    out = [shape(text, s, e) for s, e in ranges]
    front = front_matter_end(text)
    if front:
        # A crawled page's YAML front matter (date, section, address) is metadata.
        out = [furniture_shape(text, sh.start, sh.end) if sh.start < front else sh for sh in out]
    _place_signatures(text, out)
    _paired_kickers(text, out)
    for sh in out:
        # 【事件】…, 【快评】某某: a bracketed label or column name opens the paragraph
        sh.labelled = text[sh.start] in "【〖"
    _chart_credits(text, out)
    _page_sections(text, out)
    mark_clauses(text, out)
    if any(sh.spaced for sh in out):
        table_rows(text, out)
        roster_rows(text, out)
    return out
