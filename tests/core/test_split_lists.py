"""Lists set as paragraphs, and paragraphs that announce the next (issue 9, joins).

A paragraph ending in ； is usually an item of a list set one item a paragraph (…——/甲…；/
乙…；/丙…。); a column cut falls right after a ； seldom. A short clause closing a paragraph
with a colon after a sentence end (…。建议：) announces the paragraphs below. Neither joins
the next paragraph; a column cut inside an item still does. The pages are invented.
"""

from __future__ import annotations

from annotator.split import split_page

from .split_rows import join_rows as rows

HEAD = ["考古新发现集中发布", "本报记者  张  明"]
INTRO = "日前，某研究院发布了多项考古新发现——"
ITEMS = [
    "北方草原地区的人群互动研究，为各民族交往交流交融提供实证；",
    "早期玻璃的源头与传播研究，以科技证据链重构技术的传播模式；",
    "高原墓葬出土文物的保护修复，实证丝路多元文明互鉴；",
    "都城遗址出土青铜器的合金技术研究，进一步掀开古代都邑的面纱。",
]


def test_list_items_ending_in_semicolons_are_paragraphs_of_their_own():
    got = rows([*HEAD, INTRO, *ITEMS])
    for item in ITEMS:
        assert (item, "body", False) in got


def test_a_column_cut_inside_a_list_item_still_joins():
    second = ITEMS[1]
    head, tail = second[:14], second[14:]  # …以科技证 / 据链重构…；
    got = rows([*HEAD, INTRO, ITEMS[0], head, tail, *ITEMS[2:]])
    assert (tail, "body", True) in got
    assert (ITEMS[2], "body", False) in got


def test_one_paragraph_ending_in_a_semicolon_outside_a_list_joins_the_next():
    got = rows([*HEAD, "本报讯 会议研究了交通、教育、医疗；", "养老等方面的重点工作。"])
    assert ("养老等方面的重点工作。", "body", True) in got


def test_a_short_clause_with_a_colon_after_a_sentence_announces_the_next_paragraph():
    first = "本报讯 委员们认为，养老托育机构的长效运营离不开长效支持。建议："
    nxt = "根据人口分布和结构变化，统筹规划养老托育设施布局，守牢安全底线。"
    got = rows([*HEAD, first, nxt])
    assert (nxt, "body", False) in got
    blocks = split_page("\n".join([*HEAD, first, nxt]))
    assert blocks[-1].confidences["join"] < 0.7  # doubtful: a cut after ： is possible


def test_a_long_clause_ending_in_a_colon_is_continued():
    first = "本报讯 会议强调，各地要把整改工作作为提升服务水平的重要抓手："
    nxt = "确保各项要求落到实处。"
    assert (nxt, "body", True) in rows([*HEAD, first, nxt])
