"""Counter-examples to the entity cues of issue 10 (a review of them): text that has a
cue's form and names no entity, or another one. The sentences are invented."""

from __future__ import annotations

import pytest

from annotator.suggest import suggest_spans
from annotator.suggest.abbreviations import find_abbreviation_candidates
from annotator.suggest.orgs_places import find_orgs_places


def tagged(text: str) -> list[tuple[str, str]]:
    return [(text[sp.start : sp.end], sp.label) for sp in find_orgs_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 一大批, 一大片: "a great many", also after 党的
        ("培养了党的一大批优秀干部", []),
        ("中共一大批党员走上前线", [("中共", "ORG")]),
        # 十大代表性…: the ten most typical, no congress's delegates
        ("评出年度十大代表性人物", []),
        ("他是党的十大代表", [("十大", "ORG")]),
    ],
)
def test_numbers_and_da_that_name_no_party_congress(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the 市 of a listed city stays before 民 that opens a word of a city's bodies
        ("广州市民营企业加快发展", [("广州市", "LOC")]),
        ("杭州市民族团结进步创建工作", [("杭州市", "LOC")]),
    ],
)
def test_a_citys_shi_before_a_word_of_its_bodies(text, expected):
    assert [t for t in tagged(text) if t[1] == "LOC"] == expected


@pytest.mark.parametrize("text", ["代表团赴汉口考察", "他们抵汉阳后", "专家赴汉江沿岸调研"])
def test_han_opening_a_place_of_its_own_is_no_wuhan(text):
    assert [text[s:e] for s, e, _, _ in find_abbreviation_candidates(text)] == []


@pytest.mark.parametrize("text", ["他们来到烈士墓区献花", "清明节前，公墓区人流增加"])
def test_a_cemeterys_area_is_no_district(text):
    # 墓区 (places_generic.txt) ends no place's name as 区 ends 朝阳区
    assert tagged(text) == []


def all_tagged(text: str) -> list[tuple[str, str]]:
    """Every PER, LOC and ORG suggestion of the whole pipeline (where one cue's span
    would win over another's)."""
    return [
        (text[sp.start : sp.end], sp.label)
        for sp in suggest_spans(text)
        if sp.label in ("PER", "LOC", "ORG")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a war or a trade war between two countries is no match
        ("美国对伊拉克之战已经打响", [("美国", "LOC"), ("伊拉克", "LOC")]),
        ("美国对日本的贸易之战", [("美国", "LOC"), ("日本", "LOC")]),
        # a new round of sanctions is no round of fixtures
        ("新一轮美国对中国的制裁", [("美国", "LOC"), ("中国", "LOC")]),
        # rivals in trade, summed up by 等…对手
        ("面对日本、韩国等竞争对手，工作组已经进驻。", [("日本", "LOC"), ("韩国", "LOC")]),
        # 队伍 is no team after a list
        ("北京、上海和广东队伍建设", [("北京", "LOC"), ("上海", "LOC"), ("广东", "LOC")]),
        # the fixtures of a numbered round and a match stay teams
        ("第二轮山东对江苏", [("山东", "ORG"), ("江苏", "ORG")]),
        ("德国与伊朗的比赛", [("德国", "ORG"), ("伊朗", "ORG")]),
    ],
)
def test_places_in_rivalries_that_are_no_teams(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a county's bare name before 人 that opens a common word is a verb or a word
        ("今年，新建人工湖一座。", []),
        ("此外，新建人才公寓五栋。", []),
        # its people stay its people
        ("恭城人民热烈欢迎", [("恭城", "LOC")]),
    ],
)
def test_a_bare_county_before_a_word_of_ren(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company's short name + 子公司 "subsidiary"
        ("华为子公司在德国成立", [("华为", "ORG"), ("德国", "LOC")]),
        ("索尼子公司在上海成立", [("索尼", "ORG"), ("上海", "LOC")]),
        # 子 that ends a word of the name
        ("西门子公司在德国成立", [("西门子公司", "ORG"), ("德国", "LOC")]),
        # a committee's contraction is no committee before 会议 or 会同
        ("北京大学党委会议研究决定", [("北京大学党委", "ORG")]),
        ("全国人大法工委会同有关部门", [("全国人大法工委", "ORG")]),
        # ... but stays one where a commoner word starts after 会 (合作 over 会合)
        ("将继续与联合国特委会合作", [("联合国特委会", "ORG")]),
        # a name read inside a word opens no suffix (集中 + 信用社 holds no 中信)
        ("要集中信用社的资金支持春耕", []),
        ("国务院新闻办公室发布白皮书", [("国务院新闻办公室", "ORG")]),
    ],
)
def test_names_before_words_that_are_no_part_of_them(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 市 opening a word about money or the market names no city
        ("诺基亚市值突破千亿美元", [("诺基亚", "ORG")]),
        ("索马里市面上物价上涨", [("索马里", "LOC")]),
        # at a clause's end only after a date: whoever the clause is about stays a person
        ("功劳在罗纳尔多，", [("罗纳尔多", "PER")]),
        ("6月21日在朗斯，", [("朗斯", "LOC")]),
        ("会议在南特举行", [("南特", "LOC")]),
    ],
)
def test_foreign_runs_that_are_no_places(text, expected):
    assert all_tagged(text) == expected
