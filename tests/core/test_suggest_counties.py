"""China's county-level divisions (lexicon ``places_counties``): the loader, full names
wherever they stand, and bare names with a cue only (issue 10)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator import lexicon
from annotator.suggest import _places as P
from annotator.suggest.orgs_places import find_orgs_places

ROOT = Path(__file__).resolve().parents[2]


def tagged(text: str) -> list[tuple[str, str]]:
    return [(text[sp.start : sp.end], sp.label) for sp in find_orgs_places(text)]


def test_the_county_lexicon_gives_full_names_bare_names_and_parents():
    assert len(P.COUNTIES) > 2500
    assert {"昌平区", "萧山区", "和政县", "资源县", "长阳土家族自治县"} <= set(P.COUNTIES)
    # divisions named by their kind alone, or by one character, are left out
    assert not {"城区", "郊区", "矿区", "沛县"} & set(P.COUNTIES)
    # … and so are full names that are common words (the liberated areas, a city's districts)
    assert not {"解放区", "市辖区"} & set(P.COUNTIES)
    assert P.COUNTY_PARENTS["昌平"] == {"北京"}
    assert P.COUNTY_PARENTS["萧山"] == {"浙江", "杭州"}
    # an autonomous county's bare name is its name without its peoples
    assert "长阳" in P.COUNTY_BARE
    # common words and the names other lists read are no bare names
    assert not {"资源", "平安", "比如", "南部", "和平", "新华", "城关", "平原"} & P.COUNTY_BARE
    assert not {"朝阳", "承德", "江山", "长安", "东方"} & P.COUNTY_BARE


def test_the_county_lexicon_is_what_its_script_writes():
    # the bare names are decided by scripts/county_lexicon.py from jieba's dictionary and the
    # other place lexicons: the file must be its output
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import county_lexicon
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    rows = [line.split("\t") for line in county_lexicon.lines(county_lexicon.from_file())]
    assert [tuple(r) for r in rows] == [
        tuple(row) + ("",) * (3 - len(row)) for row in lexicon.entries("places_counties")
    ]
    assert county_lexicon.bare_name("长阳土家族自治县", ["土家"]) == "长阳"
    assert county_lexicon.bare_name("鄂伦春自治旗", ["鄂伦春"]) == ""
    assert county_lexicon.bare_name("神农架林区", []) == "神农架"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full name is a place wherever it stands, as a listed division is
        ("昨天越秀区举行了灯会", [("越秀区", "LOC")]),
        ("北京市海淀区的学校", [("北京市", "LOC"), ("海淀区", "LOC")]),
        # a bare name right after its own province or city
        ("北京昌平的农民", [("北京", "LOC"), ("昌平", "LOC")]),
        ("湖北长阳的山区", [("湖北", "LOC"), ("长阳", "LOC")]),
        # … and the list it heads
        ("浙江萧山、余杭等地", [("浙江", "LOC"), ("萧山", "LOC"), ("余杭", "LOC")]),
        # after a verb of going, before a phrase boundary
        ("他来自昌平，今年二十岁", [("昌平", "LOC")]),
        # before a word that follows places
        ("萧山境内河网密布", [("萧山", "LOC")]),
        # an ethnic group's name is written with 族: alone it is the county (东乡县, Jiangxi)
        ("成为东乡地区新思想的中心", [("东乡", "LOC")]),
    ],
)
def test_county_names_with_a_cue(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare name after a city it does not belong to (东安 is in Hunan)
        ("张家口市东安批发市场", [("张家口市", "LOC")]),
        # bare names that are common words are never read (资源县, 平安区, 和政县 …)
        ("北京资源丰富", [("北京", "LOC")]),
        ("在党和政府的关怀下", []),
        ("来自平安的消息", []),
        ("去年新建的大楼", []),
        # a bare name with no cue is left alone (before 人, its people, it is the place)
        ("昌平很热情", []),
        ("昌平人很热情", [("昌平", "LOC")]),
    ],
)
def test_county_names_without_a_cue_or_that_are_words(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare county name that runs on from a listed place is read whole
        ("桃花盛开时节的龙泉驿，恍若画中", [("龙泉驿", "LOC")]),
        ("研讨会同时在龙泉驿举行。", [("龙泉驿", "LOC")]),
        # ... and the listed place alone stays
        ("龙泉宝剑闻名天下", [("龙泉", "LOC")]),
    ],
)
def test_a_bare_county_name_longer_than_a_listed_place(text, expected):
    assert tagged(text) == expected
