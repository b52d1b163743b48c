"""A short line signing a story at its end (issue 9, session 29: heading roles on papers never
seen). The pages are invented.

A few words ending on a personal name (读者 某某某, 某县  某某) or holding a text-and-photo
credit (某社 图/文, 记者 某某 文/图 …) alone after a story's last finished paragraph, with no
text under it (the page ends, or the next story's heading follows), signs the story: its
byline, in its article. The same words over text are a heading: a headline has text under it.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page

HEAD = "老街巷换新颜"
LEAD = "近日，城区一条老街完成改造，路面平整了，店铺也多了起来，居民纷纷点赞。"
BODY = "改造期间，施工方分段作业，尽量减少对居民出行的影响，工程比原计划提前完工。"
NEXT_HEAD = "社区食堂开门迎客"
NEXT_LEAD = "昨天上午，某社区食堂正式开门，老人们花上十来块钱就能吃上两荤一素。"


def blocks_of(lines: list[str]) -> dict[str, tuple[str, int | None]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


@pytest.mark.parametrize(
    "sign",
    ["读者 林小雨", "通讯员 周  凯", "某县  郑晓明", "晨报 图/文", "记者 陈立 文/图 线索 王某某"],
)
def test_a_name_alone_under_the_last_paragraph_signs_the_story(sign):
    got = blocks_of([HEAD, LEAD, BODY, sign])
    assert got[sign] == ("byline", got[HEAD][1])


def test_a_signature_over_the_next_page_stays_with_its_story():
    header = "2025年3月1日  星期六  社区  第5版"
    got = blocks_of([HEAD, LEAD, BODY, "读者 林小雨", header, NEXT_HEAD, NEXT_LEAD, BODY])
    assert got["读者 林小雨"] == ("byline", got[HEAD][1])
    assert got[NEXT_HEAD][0] == "headline"
    assert got[NEXT_HEAD][1] != got[HEAD][1]


def test_the_same_words_over_text_are_a_heading():
    # words ending on what reads as a name, with text under them: a headline, no signature
    got = blocks_of([HEAD, LEAD, BODY, "春风十里 王家村", NEXT_LEAD, BODY])
    assert got["春风十里 王家村"][0] != "byline"


def test_a_line_after_an_unfinished_paragraph_is_no_signature():
    # the paragraph above breaks off (a column cut): the line below goes on with it
    got = blocks_of([HEAD, LEAD, "改造期间，施工方分段作业，尽量减少对", "读者 林小雨"])
    assert got["读者 林小雨"][0] != "byline"


def test_one_name_alone_is_left_as_it_was():
    # a name alone could be a short headline's words (a one-word title): not read so here
    got = blocks_of([HEAD, LEAD, BODY, "林小雨"])
    assert got["林小雨"][0] != "byline" or got["林小雨"][1] == got[HEAD][1]


def test_an_editors_credit_under_the_text_is_no_signature():
    # who edited the page (the name padded to three) is the page's, not the story's writer
    got = blocks_of([HEAD, LEAD, BODY, "责任编辑 周  凯"])
    assert got["责任编辑 周  凯"][0] != "byline"
