""":func:`shapes`: the shape of every paragraph of a page, then the marks read across the
page (front matter, labels, chart credits, clauses, table and roster rows).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.markdown import front_matter_end

from .clauses import mark_clauses
from .furniture import furniture_shape
from .kinds import BYLINE, CAPTION, FURNITURE, Shape
from .paragraph import shape
from .rows import roster_rows, table_rows

# A chart's or graphic's credit: 数据来源：民政部等, 制图：张三, 资料来源：….
_CHART_CREDIT = rules_regex.compile(r"(?:(?:数据|资料)来源|制图|绘图|图表|设计)\s*[:：]")


def _chart_credits(text: str, out: list[Shape]) -> None:
    """Turn a chart credit next to a photo caption into a caption (of the page's graphics).

    数据来源：某局 reads as a source line and 制图：张三 as furniture, but beside a caption (above
    or below) they credit the chart or graphic printed with the article, not its text.
    """
    for k, sh in enumerate(out):
        if sh.kind not in (BYLINE, FURNITURE) or not _CHART_CREDIT.match(text, sh.start, sh.end):
            continue
        near = out[max(k - 1, 0) : k] + out[k + 1 : k + 2]
        if any(o.kind == CAPTION for o in near):
            sh.kind = CAPTION


def shapes(text: str, ranges: list[tuple[int, int]]) -> list[Shape]:
    """Return the shape of every paragraph range of ``text``."""
    out = [shape(text, s, e) for s, e in ranges]
    front = front_matter_end(text)
    if front:
        # A crawled page's YAML front matter (date, section, address) is metadata.
        out = [furniture_shape(text, sh.start, sh.end) if sh.start < front else sh for sh in out]
    for sh in out:
        # 【事件】…, 【快评】某某: a bracketed label or column name opens the paragraph
        sh.labelled = text[sh.start] in "【〖"
    _chart_credits(text, out)
    mark_clauses(text, out)
    if any(sh.spaced for sh in out):
        table_rows(text, out)
        roster_rows(text, out)
    return out
