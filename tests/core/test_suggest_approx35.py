"""The rules on invented news sentences of approximate counts and short forms (issue #10,
s35): round magnitudes with a qualifier and no numeral (数百家, 上千人, 百余名), "ten and
some" (十几人), scores with decimals (425.60分), a country's one character before its
league or tournament (英超, 美网), a route's two termini in brackets (中欧班列（成渝）), a city's
nickname inside a longer name (蜜雪冰城) and a foreign-sounding name joined to an
organisation (上汽集团与阿里巴巴)."""

from __future__ import annotations

from typing import Any

import pytest

from annotator.suggest import suggest_spans


def _spans(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in suggest_spans(text)]


def _of(text: str, label: str) -> list[str]:
    return [t for t, lab in _spans(text) if lab == label]


def _figures(text: str) -> list[tuple[str, dict[str, Any]]]:
    return [(text[s.start : s.end], s.attrs) for s in suggest_spans(text) if s.label == "FIGURE"]


# A round magnitude with no numeral is a figure after a qualifier of "some", "nearly",
# "over" (数百家, 上千人, 近百万元) or before 余/多 (百余名); 几 says "some" of a ten on
# either side of it (几十个, 十几人, 二十几岁).  The qualifier goes in attrs.
@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "qualifier"),
    [
        ("事故造成十几人受伤。", "十几人", 10, "人", "几"),
        ("现场聚集了上千人。", "上千人", 1000, "人", "上"),
        ("损失近百万元。", "近百万元", 1_000_000, "元", "近"),
        ("全市数百家企业参加。", "数百家", 100, "家", "数"),
        ("他们建了几十个站点。", "几十个", 10, "个", "几"),
        ("一名二十几岁的男子被抓获。", "二十几岁", 20, "岁", "几"),
        ("百余名志愿者参加。", "百余名", 100, "名", "余"),
        ("累计演出千余次。", "千余次", 1000, "次", "余"),
        ("全县有万余人参加。", "万余人", 10_000, "人", "余"),
        ("项目总投资超百亿元。", "超百亿元", 10_000_000_000, "元", "超"),
        ("网上千余家店铺参与。", "千余家", 1000, "家", "余"),
    ],
)
def test_round_magnitudes_with_a_qualifier_are_figures(
    text: str, figure: str, value: int, unit: str, qualifier: str
) -> None:
    assert _figures(text) == [(figure, {"value": value, "unit": unit, "qualifier": qualifier})]


# No figure where the qualifier's character ends a word (人数, 经过) or in the idioms of
# countless things (成千上万); "twenty-some" with no unit is no twenty.
@pytest.mark.parametrize(
    "text", ["成千上万人涌上街头", "他们经过百年努力", "二十几的年纪", "茶几十分干净"]
)
def test_no_round_magnitude_figure_inside_words(text: str) -> None:
    assert _figures(text) == []


# A score with decimals is a figure in 分 (no clock's minutes have decimals); 10时30分 stays
# a time.
def test_a_score_with_decimals_is_a_figure() -> None:
    assert _figures("他以425.60分的总成绩夺冠。") == [("425.60分", {"value": 425.6, "unit": "分"})]
    assert _figures("会议于10时30分开始") == []


# A country's one character before its league or tournament is the country, as the MSRA
# gold tags the country of an event (法网公开赛: 法 LOC); not the net of the law, nor a
# character read in a word (精英超市, 满意甲方, 其中超过).
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("她在美网夺冠。", ["美"]),
        ("他加盟美职联球队。", ["美"]),
        ("英超联赛本周末开战。", ["英"]),
        ("法网决赛在巴黎举行。", ["法", "巴黎"]),
        ("澳网首轮比赛结束。", ["澳"]),
        ("德甲第10轮，拜仁获胜。", ["德"]),
        ("西甲豪门主场输球。", ["西"]),
        ("歹徒终于落入法网。", []),
        ("歹徒落入法网的那一天", []),
        ("精英超市开业", []),
        ("他很满意甲方的安排", []),
        ("其中超过一半是学生", []),
    ],
)
def test_a_countrys_league_or_tournament(text: str, places: list[str]) -> None:
    assert _of(text, "LOC") == places


# Two characters in brackets right after a route's word, one a province's one-character
# name, are the route's termini, each a place (as the MSRA gold tags 京沪), not a person;
# a name in brackets after a sentence stays the author's.
@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("中欧班列（成渝）开行超过5000列。", [("成", "LOC"), ("渝", "LOC")]),
        ("奋斗在一线。（成渝）", [("成渝", "PER")]),
    ],
)
def test_a_routes_termini_in_brackets(text: str, spans: list[tuple[str, str]]) -> None:
    assert [s for s in _spans(text) if s[0] in ("成", "渝", "成渝")] == spans


# A city's other name is a place where it stands as a word of the clause; after a Han
# character that is no one-character word and ends no common word it ends a longer name
# (蜜雪冰城, a tea chain).
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("蜜雪冰城门店遍布全国。", []),
        ("游客走进冰城", ["冰城"]),
        ("哈尔滨这座冰城", ["哈尔滨", "冰城"]),
        ("昔日津门足球", ["津门"]),
    ],
)
def test_a_citys_nickname_inside_a_longer_name(text: str, places: list[str]) -> None:
    assert _of(text, "LOC") == places


# A foreign-sounding run joined by a word of a pair to a company right before it is the
# other party of its deal, no person; a Chinese name there may be one.
@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("上汽集团与阿里巴巴签署协议。", []),
        ("上汽集团与王志刚签署协议。", ["王志刚"]),
    ],
)
def test_a_foreign_run_joined_to_a_company(text: str, people: list[str]) -> None:
    assert _of(text, "PER") == people
