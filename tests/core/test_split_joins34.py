"""Joins weighed by what the whole page shows of its column cuts (issue 9, section 1: weigh
the evidence of a cut; session 34). An e-paper's text stands one paragraph a line as printed:
where no boundary of the page shows a cut, a paragraph without a sentence end is a heading, a
label or a list's head left as body, and the rules no longer join the paragraph under it. Where
the page's cuts show its column width, a title line that fills its printed lines at that width
is a cut paragraph's head. The text is invented.
"""

from __future__ import annotations

from annotator.split import split_page
from annotator.split.column_width import line_ends, page_width
from annotator.split.paragraphs import paragraph_layout
from annotator.split.shapes import shapes
from tests.core.test_split_joins31 import joins

BODY = [
    "今年全国两会前，他走访了十多个乡镇，收集到群众意见建议五十多条，整理成三份建议。",
    "“这些意见都是从田间地头来的，每一条都要认真对待。”他说，履职就要多听群众的声音。",
    "据了解，当地已建成便民服务网点三百余处，惠及上万户家庭，群众满意度不断提高。",
    "去年以来，县里先后举办培训班二十多期，培训农民一千余人次，带动了周边村民增收。",
]
# Lines with no sentence end that a heading's reader may leave as body text: an open title
# line (it reads as a long sentence, too long for a title), a label with a colon, a quoted
# phrase closing the line.
OPEN_HEADING = "从田间地头到全国两会的会场上一位基层代表带着群众的心声走进人民大会堂参加审议"
LABEL = "在随后的座谈会上，几位村民代表也纷纷谈起了自己的感受："
QUOTED = "大家都说，这是一个“看得见、摸得着的好项目”"
UNDER = "村里的路修好了，孩子们上学再也不用绕远路，老人们看病也方便了许多。"


def test_no_weak_join_on_a_page_where_no_column_cut_shows():
    for line in (OPEN_HEADING, LABEL, QUOTED):
        text = "\n".join([*BODY, *BODY, *BODY, line, UNDER, *BODY, *BODY])
        assert joins(text)[UNDER] is False, line


def test_one_cut_elsewhere_on_the_page_keeps_the_weak_joins():
    # a paragraph a column cut after a comma: the page's paragraphs are cut, and a missing
    # sentence end there is (weak) evidence of another cut
    cut = ["村里的老人们说，", "这几年的变化一年比一年大，日子越过越红火。"]
    for line in (OPEN_HEADING, LABEL, QUOTED):
        text = "\n".join([*BODY, *cut, *BODY, *BODY, line, UNDER, *BODY, *BODY])
        got = joins(text)
        assert got[cut[1]] is True
        assert got[UNDER] is True, line


def test_a_short_page_keeps_its_weak_joins():
    # fourteen boundaries are too few for the absence of a cut to say anything
    text = "\n".join([*BODY, *BODY, *BODY, LABEL, UNDER, BODY[0]])
    assert joins(text)[UNDER] is True


def test_a_word_across_an_open_end_shows_the_cut():
    # …农田水利设 / 施…: the word 设施 runs across, the page's paragraphs are cut
    head = "今年以来，当地多方筹措资金，加快推进农田水利设"
    rest = "施建设，新修灌溉渠道二十多公里，受益农田上万亩。"
    text = "\n".join([*BODY, *BODY, *BODY, head, rest, LABEL, UNDER, *BODY])
    got = joins(text)
    assert got[rest] is True
    assert got[UNDER] is True


# --- the column width a page's cuts show (annotator.split.column_width) -------------------

WIDTH = 20
# Paragraphs a column of WIDTH characters cut at the end of a printed line (the first line
# indented two characters): heads of 18 and 38 characters, and one of 39 where a comma hangs.
LONG = [
    "今年全国两会前，他走访了十多个乡镇，收集到群众意见建议五十多条，整理成三份建议，"
    "带到了会上，得到有关部门的积极回应。",
    "据了解，当地已建成便民服务网点三百余处，惠及上万户家庭，群众满意度不断提高，"
    "越来越多的年轻人愿意回到家乡创业。",
    "去年以来，县里先后举办培训班二十多期，培训农民一千余人次，带动了周边村民增收，"
    "形成了一批可复制可推广的经验做法。",
]
CUTS = [(LONG[0], 38), (LONG[1], 18), (LONG[2], 39)]
REST_OF_LINE = "让居民住得更舒心，办事更方便，生活更有奔头。"


def test_line_ends_indent_the_first_line_and_hang_a_closing_mark():
    assert line_ends("一" * 45, WIDTH) == [18, 38, 58]
    # a comma where the next line would open hangs at the end of the line above
    assert line_ends("一" * 18 + "，" + "一" * 30, WIDTH)[:2] == [19, 39]
    # two marks in a row there: the last character goes down with them (push-out)
    assert line_ends("一" * 18 + "。”" + "一" * 30, WIDTH)[0] == 17


def cut_page(line: str) -> str:
    parts = ["乡村振兴路上的代表身影", "本报记者  张  明"]
    for (text, at), body in zip(CUTS, [BODY[1], BODY[2], BODY[1]], strict=True):
        parts += [text[:at], text[at:], body]
    return "\n".join([*parts, line, REST_OF_LINE, BODY[2]])


def split_roles(text: str) -> dict[str, tuple[str, bool]]:
    return {text[b.start : b.end]: (b.role, b.joins_previous) for b in split_page(text)}


def test_a_title_line_that_fills_a_line_of_the_page_s_column_is_a_cut_head():
    # 18 characters: the first line of a paragraph in the column of 20 the page's cuts show;
    # no word runs across (工作 / 让), nothing else shows the cut
    line = "为此县里统筹推进老旧小区改造提升工作"
    got = split_roles(cut_page(line))
    assert got[line] == ("body", False)
    assert got[REST_OF_LINE] == ("body", True)
    for text, at in CUTS:
        assert got[text[at:]] == ("body", True)


def test_a_title_line_of_another_length_stays_a_heading():
    for line in ("县里统筹推进老旧小区改造提升工作", "统筹推进老旧小区改造提升工作更进一步加快"):
        got = split_roles(cut_page(line))
        assert got[line] == ("intertitle", False)
        assert got[REST_OF_LINE] == ("body", False)


def test_a_title_form_or_a_paragraph_start_below_keeps_a_fitting_line_a_heading():
    # two phrases set apart by a space; a comma parting two phrases; a date opening below
    for line, below in (
        # (18 characters, as the fitting line: only the space or the comma keeps them)
        ("县里统筹推进旧小区改造 提升社区服务", REST_OF_LINE),
        ("统筹推进旧小区改造，全面提升社区服务", REST_OF_LINE),
        ("为此县里统筹推进老旧小区改造提升工作", "3月5日，县里召开动员会，部署老旧小区改造工作。"),
    ):
        text = cut_page(line).replace(REST_OF_LINE, below)
        got = split_roles(text)
        assert got[line][0] != "body", line
        assert got[below] == ("body", False), line


def test_no_width_without_enough_cuts():
    # one cut paragraph shows no width: the same line stays a heading
    line = "为此县里统筹推进老旧小区改造提升工作"
    text = "\n".join(
        ["乡村振兴路上的代表身影", BODY[0], LONG[0][:38], LONG[0][38:], BODY[1], line, REST_OF_LINE]
    )
    ranges, _ = paragraph_layout(text)
    assert page_width(text, shapes(text, ranges)) == 0
    assert split_roles(text)[line][0] != "body"


# --- session 35: the bounds of the column width that no test held -------------------------


# Paragraphs whose third printed line ends on a comma in a column of 15 and of 16: a
# head of three lines tells a column from one twice as wide, which heads of two lines fill too.
THREE_LINES = {
    15: "近年来县里坚持规划先行，统筹推进城乡基础设施建设，先后建成一批便民服务中心和文化活动室，"
    "让群众在家门口就能办成事、办好事。",
    16: "近年来县里坚持规划先行，统筹推进城乡基础设施建设，先后新建成一百多个便民服务中心和文化活动室，"
    "让群众在家门口就能办成事、办好事。",
}


def narrow_page(width: int, line: str, cuts: int = 3) -> str:
    """``cut_page`` in a column ``width`` wide (heads of two printed lines, and one of three
    where ``THREE_LINES`` has one), with only the first ``cuts`` cut paragraphs."""
    parts = ["乡村振兴路上的代表身影", "本报记者  张  明"]
    heads = [(LONG[0], 1), (THREE_LINES[width], 2) if width in THREE_LINES else (LONG[1], 1)]
    bodies = [BODY[1], BODY[2], BODY[1]]
    for (text, k), body in zip([*heads, (LONG[2], 1)][:cuts], bodies, strict=False):
        at = line_ends(text, width)[k]
        parts += [text[:at], text[at:], body]
    return "\n".join([*parts, line, REST_OF_LINE, BODY[2]])


def test_a_line_that_fills_one_printed_line_must_be_longer_than_most_titles():
    # a column of 15: a first line holds 13 characters, as many as a title may have
    # (TITLE_MAX); a column of 16: 14, longer than most titles, a cut head
    line = "县里统筹推进老旧小区改造工"
    got = split_roles(narrow_page(15, line))
    assert got[line] == ("intertitle", False)
    assert got[REST_OF_LINE] == ("body", False)
    line = "为此县里统筹推进老旧小区改造"
    got = split_roles(narrow_page(16, line))
    assert got[line] == ("body", False)
    assert got[REST_OF_LINE] == ("body", True)


def test_two_cut_paragraphs_show_no_width():
    # (with the third, the line is a cut head: see the test above; a title line that ends
    # open is no cut head of its own)
    line = "为此县里统筹推进老旧小区改造"
    got = split_roles(narrow_page(16, line, cuts=2))
    assert got[line] == ("intertitle", False)
    assert got[REST_OF_LINE] == ("body", False)


def test_line_ends_at_the_text_s_end_and_over_a_line_of_marks():
    # a mark hanging on the last character there is; a line of marks only pushes out no
    # further than its line's first character (the next line starts one on)
    assert line_ends("一" * 18 + "，", WIDTH) == [19]
    assert line_ends("”" * 30, WIDTH)[:3] == [1, 2, 3]
