"""LOC rules on invented sentences: general cues of place names (issue 10)."""

from __future__ import annotations

import pytest

from annotator.suggest.orgs_places import find_orgs_places


def tagged(text: str) -> list[tuple[str, str]]:
    return [(text[sp.start : sp.end], sp.label) for sp in find_orgs_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed city before 市民 or 市场: the 市 belongs to that word
        ("广州市民纷纷前往花市", [("广州", "LOC")]),
        ("杭州市场上的茶叶价格回落", [("杭州", "LOC")]),
        ("杭州市今年的茶叶价格回落", [("杭州市", "LOC")]),
        # a number and its measure word are no part of a place found by its ending
        ("会场上插着５面国旗和彩旗", []),
        ("前面是三座岛，后面是海", []),
        # an idiom running across a place's end hides the place
        ("歌唱祖国的锦绣河山", []),
        # an adjective that begins a name is part of it; with a common noun it names none
        ("在小岗村，农民率先实行包产到户", [("小岗村", "LOC")]),
        ("记者走进一个小山村", []),
        ("来到新城区看看", []),
    ],
)
def test_place_cues(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # China's Grand Canal and the Hai River's rivers, in the list of natural features
        ("游船沿着大运河缓缓南行", [("大运河", "LOC")]),
        ("永定河与北运河都流入海河", [("永定河", "LOC"), ("北运河", "LOC"), ("海河", "LOC")]),
    ],
)
def test_rivers_of_the_north_china_plain(text, expected):
    assert tagged(text) == expected
