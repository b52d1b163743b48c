"""Page and column labels: a very short title line (要闻, 简讯) at the top of a title run, above
more titles or items, or a column's name over furniture; furniture, not a headline.
"""

from __future__ import annotations

from annotator.split.shapes import FURNITURE, TITLE, TITLE_KINDS, Shape

# A page or column label (要闻, 综合新闻, 简讯) is a title-shaped line this short above titles.
LABEL_MAX_CHARS = 4
# … or one up to this long between furniture lines (a masthead over the date line, 中国纪检监察报
# / 2025年…): a paper's or a column's name, no headline (none stands over furniture) …
FURNITURE_LABEL_MAX_CHARS = 8
# … except over a mark saying the text below began on another page (上接第1版): a column's name
# is this short (今日谈, 评论员观察, 新春走基层); a longer line there is the headline the paper
# prints again over the rest of its article (see ``continued``).
COLUMN_NAME_MAX_CHARS = 5


def is_label(shapes: list[Shape], p: int) -> bool:
    """Whether the first line ``p`` of a title run is a page or column label.

    要闻 above a headline, 简讯 above bulleted items: a very short unpunctuated line directly
    followed by more titles or by an item is not a headline (headlines are longer). Above
    titles it must stand at the page top or under furniture: further down the page it is
    the column name over a commentary's headline (今日谈), a kicker; so is a short line right
    under the page label (要闻 / 记者调查 / headline: a page has one label), and one under a
    page header that names the page's section without it (a page names its section once).
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
    if nxt.kind in TITLE_KINDS and not sh.echoes and any(o.sectioned for o in shapes[:p]):
        # The page names its section in its header: a label under it repeats that name, and
        # another short line over a headline is the first story's kicker (记者调查, 今日谈)
        # or a short headline over its subheadline.
        return False
    # The paper's name above the date line (人民日报 / 2024年3月5日 星期二) is a masthead.
    return nxt.kind in TITLE_KINDS or nxt.kind == FURNITURE
