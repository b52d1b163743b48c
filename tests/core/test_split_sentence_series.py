"""Intertitles written as whole sentences, found by their series (issue 9, heading roles).

Three or more short lines of one article that open with the same characters (numerals read as
one mark), each ending a sentence and standing alone between longer paragraphs, are the
article's 小标题; body sentences that share only two opening characters, a speaker's turns
(记者：…？) and two such lines alone stay body text. The pages are invented.
"""

from __future__ import annotations

import pytest

from .split_rows import rows

HEAD = ["小小快递柜 方便千万家", "本报记者 赵磊"]
LONG = [
    "傍晚时分，下班回家的市民李女士在小区门口的智能快递柜前扫码取件，前后不到一分钟就完成了。",
    "近年来，我市智能快递柜数量快速增长，基本实现城区小区全覆盖，市民取件更加方便快捷。",
    "不过，记者在采访中也发现，部分快递柜存在超时收费、格口不足等问题，有待进一步改进。",
    "对此，市邮政管理局表示，将会同相关部门加强监管，切实维护消费者的合法权益不受侵害。",
]


def _page(lines: list[str]) -> list[str]:
    """The story's head, then each line of ``lines`` over a long paragraph of its own."""
    out = [*HEAD, LONG[0]]
    for line, text in zip(lines, LONG[1:] + LONG[:1], strict=False):
        out += [line, text]
    return out


def _roles(lines: list[str]) -> dict[str, tuple[str, int | None, bool]]:
    return {text: (role, article, joined) for text, role, article, joined in rows(_page(lines))}


def test_three_short_sentences_opening_alike_are_intertitles():
    series = ["第一组，是快与慢的兼顾。", "第二组，是点与面的统筹。", "第三组，是加与减的把握。"]
    got = _roles(series)
    for line in series:
        assert got[line] == ("intertitle", 1, False)
    assert {article for article, _, _ in ((a, r, j) for r, a, j in got.values())} == {1}
    # the paragraph under an intertitle starts anew
    assert got[LONG[1]] == ("body", 1, False)


def test_questions_opening_alike_are_intertitles():
    series = [
        "到社区学什么？学怎么听意见。",
        "到社区学什么？学怎么办实事。",
        "到社区学什么？学如何转作风。",
    ]
    got = _roles(series)
    assert [got[line][0] for line in series] == ["intertitle"] * 3


def test_lines_that_do_not_make_a_series_stay_body():
    two = ["第一组，是快与慢的兼顾。", "第二组，是点与面的统筹。"]
    assert [_roles(two)[line][0] for line in two] == ["body", "body"]
    # parallel body sentences share their subject only (他们…), not three characters
    said = ["他们矢志实业报国。", "他们锐意科技创新。", "他们扎根产业一线。"]
    assert [_roles(said)[line][0] for line in said] == ["body"] * 3
    # a speaker's turns open alike and are the text's
    asked = ["记者：快递柜够用吗？", "记者：收费合理吗？", "记者：监管跟上了吗？"]
    assert [_roles(asked)[line][0] for line in asked] == ["body"] * 3


def test_lines_in_a_row_or_longer_ones_make_no_series():
    # no longer paragraph between them: a list of the text, not three intertitles
    listed = ["第一组，是快与慢的兼顾。", "第二组，是点与面的统筹。", "第三组，是加与减的把握。"]
    got = rows([*HEAD, LONG[0], *listed, LONG[1]])
    assert [role for text, role, _, _ in got if text in listed] == ["body"] * 3
    long = [f"第{n}组，{LONG[0][:30]}。" for n in "一二三"]
    assert [_roles(long)[line][0] for line in long] == ["body"] * 3


def test_a_series_past_ten_is_one_series():
    series = ["第九组，是快与慢的兼顾。", "第十组，是点与面的统筹。", "第十一组，是加与减的把握。"]
    assert [_roles(series)[line][0] for line in series] == ["intertitle"] * 3


@pytest.mark.parametrize(
    "said",
    [
        # a two-character word and its comma is no shared opening
        ["他说，这是好事。", "他说，明年还要再买一辆。", "他说，希望柜子再多一些。"],
        ["同时，收费要更透明。", "同时，格口要再多些。", "同时，监管要跟上来。"],
        # quoted speech is the text's
        ["“我们很满意。”", "“我们还想再买。”", "“我们盼着早点建成。”"],
        # a discourse opener closed by its comma right after the opening
        ["据了解，全市已有三千台。", "据了解，今年还将新增。", "据了解，收费标准将统一。"],
        ["目前，格口已经够用。", "目前，收费已经下调。", "目前，投诉已经减少。"],
        ["他表示，这是好事。", "他表示，会继续推进。", "他表示，欢迎市民监督。"],
        ["记者了解到，柜子够用。", "记者了解到，收费下调。", "记者了解到，投诉减少。"],
    ],
)
def test_lines_opening_with_a_short_word_and_a_comma_or_a_quote_stay_body(said):
    assert [_roles(said)[line][0] for line in said] == ["body"] * 3


def test_a_speakers_turns_under_a_label_of_three_characters_stay_body():
    # (记者： holds a colon among its first three characters; 主持人： does not)
    asked = [
        "主持人：快递柜够用吗？请您说说。",
        "主持人：收费合理吗？请您说说。",
        "主持人：监管跟上了吗？请您说说。",
    ]
    assert [_roles(asked)[line][0] for line in asked] == ["body"] * 3


def test_numbered_questions_before_a_colon_are_a_series():
    asked = [
        "第一问：快递柜够用吗？基本够用。",
        "第二问：收费合理吗？还算合理。",
        "第三问：监管跟上了吗？正在跟上。",
    ]
    assert [_roles(asked)[line][0] for line in asked] == ["intertitle"] * 3


def test_lines_of_two_articles_make_no_series():
    # a line in the first story and two in the next, under its own headline and byline
    series = ["第一组，是快与慢的兼顾。", "第二组，是点与面的统筹。", "第三组，是加与减的把握。"]
    page = [*HEAD, LONG[0], series[0], LONG[1]]
    page += ["旧小区加装电梯 居民上下楼不再难", "本报记者 孙悦", LONG[2], series[1], LONG[3]]
    page += [series[2], LONG[0]]
    got = rows(page)
    assert [role for text, role, _, _ in got if text in series] == ["body"] * 3
    assert [article for text, _, article, _ in got if text in series] == [1, 2, 2]


def test_lines_left_open_over_the_rest_of_their_paragraph_make_no_series():
    # each line is the head of a paragraph a column cut (…的兼顾， / 也是…): body text
    heads = ["第一组，是快与慢的兼顾，", "第二组，是点与面的统筹，", "第三组，是加与减的把握，"]
    got = rows(_page(heads))
    assert [role for text, role, _, _ in got if text in heads] == ["body"] * 3
    assert [joined for text, _, _, joined in got if text in LONG[1:]] == [True] * 3


def test_lines_between_short_paragraphs_make_no_series():
    series = ["第一组，是快与慢的兼顾。", "第二组，是点与面的统筹。", "第三组，是加与减的把握。"]
    short = "市民普遍表示满意。"
    page = [*HEAD, LONG[0], series[0], short, series[1], short, series[2], LONG[1]]
    got = rows(page)
    assert [role for text, role, _, _ in got if text in series] == ["body"] * 3


def test_a_series_line_may_be_as_long_as_the_longest_the_paragraphs_between_must_be_longer():
    # 32 characters: the longest line of a series (SERIES_LINE_MAX_CHARS)
    series = [f"第{n}组，{LONG[0][:27]}。" for n in "一二三"]
    assert [len(line) for line in series] == [32] * 3
    assert [_roles(series)[line][0] for line in series] == ["intertitle"] * 3
    # … and a paragraph between two lines that is no longer than that sets them no apart
    lines = ["第一组，是快与慢的兼顾。", "第二组，是点与面的统筹。", "第三组，是加与减的把握。"]
    between = LONG[1][:31] + "。"
    page = [*HEAD, LONG[0], lines[0], between, lines[1], between, lines[2], LONG[1]]
    assert [role for text, role, _, _ in rows(page) if text in lines] == ["body"] * 3
