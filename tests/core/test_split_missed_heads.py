"""Headings the rules used to read as body text (issue 9, session 30): title lines with no
byline or dateline under them, between the paragraphs of two unsigned stories. The pages are
invented.
"""

from __future__ import annotations

from .split_rows import rows

HEADER = "2026年3月2日  星期一  城市  第5版"
FIRST = [
    "河畔绿道全线贯通",
    "经过一年多的建设，沿河绿道近日全线贯通，市民可以骑行穿过整个城区，沿途设有多处驿站。",
    "绿道沿线新栽花木两万余株，夜间照明同步启用，周末前来散步的居民明显增多。",
]
SECOND_TEXT = [
    "3月1日，首批便民试点在三个街道同时启动，居民可以就近办理证照、缴费等二十多项业务。",
    "试点期间，各街道还将收集居民意见，逐步调整服务时间和办理流程，方便上班族办事。",
]


def test_a_headline_over_a_longer_summary_line_opens_an_unsigned_story():
    # 主题 over a 副题 of clauses, open at its end: no paragraph's text, no lone 小标题
    headline = "全市首批便民服务试点正式启动"
    summary = "先在三个街道试行，明年推广到全市各社区"
    got = rows([HEADER, *FIRST, headline, summary, *SECOND_TEXT])
    assert (headline, "headline", 2, False) in got
    assert (summary, "subheadline", 2, False) in got
    assert (SECOND_TEXT[0], "body", 2, False) in got
    assert (FIRST[-1], "body", 1, False) in got


def test_a_short_topic_over_a_summary_line_is_no_headline():
    # a topic of a few words over a longer line: a two-line 小标题 inside the story above
    topic, line = "服务升级", "先在三个街道试行，明年推广到全市各社区"
    got = rows([HEADER, *FIRST, topic, line, *SECOND_TEXT])
    assert {article for _, _, article, _ in got if article is not None} == {1}


def test_a_line_of_clauses_shorter_than_its_headline_is_no_summary():
    # the lower line must run longer than the headline: else it reads as text, as before
    headline = "全市首批便民服务试点正式启动运行"
    line = "先在街道试行，再推广"
    got = rows([HEADER, *FIRST, headline, line, *SECOND_TEXT])
    assert (line, "subheadline", 2, False) not in got


def test_a_summary_line_ending_a_sentence_is_text():
    # a line closed by a full stop is a sentence of the text, not a 副题
    headline = "全市首批便民服务试点正式启动"
    line = "先在三个街道试行，明年推广到全市各社区。"
    got = rows([HEADER, *FIRST, headline, line, *SECOND_TEXT])
    assert (line, "subheadline", 2, False) not in got


CREDIT = "本版制图：某某某"


def test_a_headline_over_a_dash_line_at_the_page_top_opens_the_story():
    # 主题 / a 副题 leading into the text with ——, under nothing but the page header
    headline, sub = "一起奔向共同的美好明天", "来自八个观察点的所见所思——"
    got = rows([HEADER, headline, sub, *SECOND_TEXT])
    assert (headline, "headline", 1, False) in got
    assert (sub, "subheadline", 1, False) in got
    assert (SECOND_TEXT[0], "body", 1, False) in got


def test_a_dash_line_inside_a_story_still_introduces_its_text():
    # after text that closes nothing, a title over a —— line is no article's head
    line, dash = "全市首批便民服务试点正式启动", "具体安排如下——"
    got = rows([HEADER, *FIRST, line, dash, *SECOND_TEXT])
    assert (dash, "subheadline", 2, False) not in got


def test_a_chart_credit_between_a_headline_and_its_text_parts_nothing():
    headline, sub = "一起奔向共同的美好明天", "来自八个观察点的所见所思——"
    got = rows([HEADER, headline, sub, CREDIT, *SECOND_TEXT])
    assert (headline, "headline", 1, False) in got
    assert (sub, "subheadline", 1, False) in got
    assert (CREDIT, "other", None, False) in got
    assert (SECOND_TEXT[0], "body", 1, False) in got


def test_an_editors_credit_under_a_line_ends_what_stands_above_it():
    # 责任编辑：… closes what it edited: the line above it heads nothing below
    line = "全市首批便民服务试点正式启动"
    got = rows([HEADER, *FIRST, line, "责任编辑：某某某", *SECOND_TEXT])
    assert (line, "headline", 2, False) not in got
