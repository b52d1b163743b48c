"""Counter-examples to the entity cues of issue 10 (a review of them): text that has a
cue's form and names no entity, or another one. The sentences are invented."""

from __future__ import annotations

import pytest

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
