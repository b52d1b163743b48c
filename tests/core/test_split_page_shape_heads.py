"""Heading cues read from the shape of the page, meant to hold on papers never seen (issue 9,
§1; session 28, kept only when they also helped, or did not hurt, papers held apart from
their development). The pages are invented.

* A page names its section once, in its header (2013年7月30日  星期二  消费  第1版): a very
  short line under such a header is a page label only when it repeats the header's name;
  another one over a headline is the first story's kicker (a column's name), not furniture.
* A paper that signs its stories at the end sets the writer's name on a line of its own
  under the text (扬子晚报记者 柳扬): title lines inside the story above that line, with no
  signature between, are its 小标题, one line or two (topic over title).
* The first line under the page header is its first story's heading: no column break cuts a
  paragraph above it, so a word found across its end (一梦越山海 / 上世纪…) shows no cut there.
* A story signed at its head (byline) runs on under a two-line 小标题 (topic over title) too:
  with no byline, dateline or lead of their own under them the two lines open no article.
"""

from __future__ import annotations

from annotator.split import split_page

HEADER = "2013年7月30日  星期二  消费  第1版"
BARE_HEADER = "2013年7月30日  星期二  第1版"
HEAD = "上半年南京人均团购约39元"
B1 = "出去吃饭之前，到网上搜一下有什么团购的餐厅，进了电影院里，用手机查一下是否有票正在团购。"
B2 = "随着智能手机的普及，越来越多的上班族和学生都在团购的方式上有所改变，从过去用电脑团购变成现在手机团购。"
B3 = "“先在网上搜下，附近有什么团购的餐厅，然后打电话去问问，有没有位置，确定有就可以团购了。”市民蒋先生说。"
SIGNATURE = "扬子晚报记者 柳扬"
BYLINE = "本报记者 柳扬"


def blocks_of(lines: list[str]) -> dict[str, tuple[str, int | None]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


def test_a_short_line_under_a_header_naming_the_section_is_the_first_storys_kicker():
    got = blocks_of([HEADER, "记者调查", HEAD, BYLINE, B1, B2])
    assert got["记者调查"] == ("kicker", 1)
    assert got[HEAD] == ("headline", 1)


def test_a_short_line_repeating_the_headers_section_is_still_the_page_label():
    got = blocks_of([HEADER, "消费", HEAD, BYLINE, B1, B2])
    assert got["消费"] == ("other", None)
    assert got[HEAD] == ("headline", 1)


def test_a_short_line_under_a_header_without_a_section_is_still_a_page_label():
    got = blocks_of([BARE_HEADER, "要闻", HEAD, BYLINE, B1, B2])
    assert got["要闻"] == ("other", None)
    assert got[HEAD] == ("headline", 1)


def test_a_papers_name_in_the_header_is_no_section():
    got = blocks_of(["扬子晚报  " + BARE_HEADER, "要闻", HEAD, BYLINE, B1, B2])
    assert got["要闻"] == ("other", None)


def test_title_lines_of_a_story_signed_at_its_end_on_a_line_of_its_own_are_intertitles():
    lines = [HEADER, HEAD, B1, "手机团购渐渐成主力", B2, B3, "一小时消费成常态", B3, B2, SIGNATURE]
    got = blocks_of(lines)
    assert got["手机团购渐渐成主力"] == ("intertitle", 1)
    assert got["一小时消费成常态"] == ("intertitle", 1)
    assert got[SIGNATURE] == ("byline", 1)


def test_a_two_line_intertitle_of_a_story_signed_at_its_end():
    lines = [HEADER, HEAD, B1, B2, "城市消费新变化", "手机团购渐渐成主力", B3, B2, SIGNATURE]
    got = blocks_of(lines)
    assert got["城市消费新变化"] == ("intertitle", 1)
    assert got["手机团购渐渐成主力"] == ("intertitle", 1)


def test_briefs_each_of_one_paragraph_over_a_closing_signature_stay_articles():
    lines = [HEADER, HEAD, B1, "手机团购渐渐成主力", B2, "一小时消费成常态", B3, SIGNATURE]
    got = blocks_of(lines)
    assert got["手机团购渐渐成主力"] == ("headline", 2)
    assert got["一小时消费成常态"] == ("headline", 3)


def test_a_two_line_intertitle_inside_a_story_signed_at_its_head():
    lines = [HEADER, HEAD, BYLINE, B1, B2, "城市消费新变化", "手机团购渐渐成主力", B3, B2]
    got = blocks_of(lines)
    assert got["城市消费新变化"] == ("intertitle", 1)
    assert got["手机团购渐渐成主力"] == ("intertitle", 1)


def test_two_title_lines_over_their_own_byline_open_the_next_article():
    lines = [HEADER, HEAD, BYLINE, B1, B2, "城市消费新变化", "手机团购渐渐成主力", BYLINE, B3, B2]
    got = blocks_of(lines)
    assert got["城市消费新变化"] == ("headline", 2)
    assert got["手机团购渐渐成主力"] == ("subheadline", 2)


# 一梦越山海 / 上世纪60年代…: a segmenter finds 海上 across the boundary
TOP_HEAD = "一梦越山海"
TOP_TEXT = "上世纪60年代，这里还是一片荒山，村民们靠天吃饭，日子过得紧巴巴的。"


def test_the_first_title_line_under_the_page_header_is_no_cut_paragraphs_head():
    got = blocks_of([HEADER, TOP_HEAD, TOP_TEXT, B1, B2])
    assert got[TOP_HEAD] == ("headline", 1)
    assert got[TOP_TEXT] == ("body", 1)


def test_a_word_across_still_shows_a_cut_further_down_the_page():
    got = blocks_of([HEADER, HEAD, BYLINE, B1, B2, TOP_HEAD, TOP_TEXT, B3])
    assert got[HEAD] == ("headline", 1)
    assert got[TOP_HEAD][0] == "body"


def test_under_a_continuation_mark_the_first_line_may_be_a_cut_paragraphs_head():
    got = blocks_of([HEADER, "（上接第1版）", TOP_HEAD, TOP_TEXT, B1, B2, HEAD, BYLINE, B3])
    assert got[TOP_HEAD][0] == "body"
