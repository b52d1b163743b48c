"""LOC rules against common words: a place's suffix that begins a word with what follows
it, items of a counted list that are phrases, foreign places by their kind and where an
event is held, a dateline's two places, persons named like rivers, places before a
highland (invented sentences)."""

from __future__ import annotations

import pytest

from annotator.suggest import suggest_spans
from annotator.suggest.orgs_places import find_orgs_places


def tagged(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in find_orgs_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the suffix begins a common word with the character after it: no place
        ("这种做法，很受村民们欢迎。", []),
        ("还有3位调进县城。", []),
        ("他说，要靠乡镇企业带动。", []),
        ("这种药对病人有镇静作用。", []),
        # near misses: a place jieba knows, a side or organ, its water, a place after it
        ("他回到宁乡县城看望老人。", [("宁乡县", "LOC")]),
        ("他住在临水河边，", [("临水河", "LOC")]),
        ("，将临水河水引来。", [("临水河", "LOC")]),
        ("，在汪甸乡下塘村宣传", [("汪甸乡", "LOC"), ("下塘村", "LOC")]),
        ("，在椒江面粉厂工作", [("椒江面粉厂", "ORG")]),
    ],
)
def test_a_suffix_that_begins_a_word_makes_no_place(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase of two common words is no item of a counted list of places
        ("有历次互访的详细报道、中美两国的文件", []),
        # near miss: names no word reads stay items (郑口、饶阳店两镇)
        ("，考察了郑口、饶阳店两镇", [("郑口", "LOC"), ("饶阳店", "LOC")]),
    ],
)
def test_a_phrase_is_no_item_of_a_list_of_places(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a foreign state of India or a foreign city by its kind, part of its name
        ("，在北部的比哈尔邦，", [("比哈尔邦", "LOC")]),
        ("，在美国明尼阿波利斯市举行", [("美国", "LOC"), ("明尼阿波利斯市", "LOC")]),
        ("，在埃默鲁市的一家银行", [("埃默鲁市", "LOC")]),
        # near misses: 市 beginning a word is no part of the name (市长, 市内)
        ("，塔科马市长说", [("塔科马", "LOC")]),
        ("，塔科马市内的街道", [("塔科马", "LOC")]),
    ],
)
def test_foreign_states_and_cities_by_their_kind(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a foreign place where an event is held: 在 + a transliterated name + 举行 …
        ("会议在阿鲁沙举行第二轮会谈", [("阿鲁沙", "LOC")]),
        ("两队在罗滕堡比赛，", [("罗滕堡", "LOC")]),
        ("昨天在蒙彼利埃，意大利队获胜", [("蒙彼利埃", "LOC"), ("意大利队", "ORG")]),
        # near misses: a word ending in 在, a common word, a listed place in the run
        ("他现在阿鲁沙举行", []),
        ("，在那里，大家", []),
        ("，在西班牙巴塞罗那举行", [("西班牙", "LOC"), ("巴塞罗那", "LOC")]),
    ],
)
def test_a_foreign_place_where_an_event_is_held(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline's country or province and its city are two places
        ("本报德国罗滕堡5月28日电记者", [("德国", "LOC"), ("罗滕堡", "LOC")]),
        ("本报江苏宜兴5月9日电", [("江苏", "LOC"), ("宜兴", "LOC")]),
        # near miss: a dateline's city alone stays one place
        ("本报汉城6月23日电", [("汉城", "LOC")]),
    ],
)
def test_a_datelines_country_and_city(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person's name ending like a river, a verb before a known river: no river
        ("，辛业江通过其子办理", []),
        ("，去浙江参观", [("浙江", "LOC")]),
        # near misses: rivers and lakes that jieba counts as words, or no person's name
        ("，在秦淮河倾倒垃圾", [("秦淮河", "LOC")]),
        ("，在梁子湖边", [("梁子湖", "LOC")]),
        ("，在栋梁河边", [("栋梁河", "LOC")]),
    ],
)
def test_a_person_or_a_verb_before_a_river_is_no_river(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before a highland, a basin, a desert the place stands alone; 青藏, 云贵 are two
        ("，特别是青藏高原的形成", [("青", "LOC"), ("藏", "LOC")]),
        ("，与从青藏高原东部南下的冷空气", [("青", "LOC"), ("藏", "LOC")]),
        ("，华南大部、云贵高原有小到中雨", [("华南", "LOC"), ("云", "LOC"), ("贵", "LOC")]),
        ("，跋涉于帕米尔高原", [("帕米尔", "LOC")]),
        ("，贵州、四川盆地为多云", [("贵州", "LOC"), ("四川", "LOC")]),
        # a highland that names no place
        ("，在黄土高原的腹地", []),
    ],
)
def test_a_place_before_a_highland_or_a_basin_stands_alone(text, expected):
    spans = suggest_spans(text)
    assert [(text[s.start : s.end], s.label) for s in spans if s.label == "LOC"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Golan before its heights; 中非 as China and Africa; a state guesthouse is a
        # hotel, an organisation
        ("以色列从戈兰高地撤军", [("以色列", "LOC"), ("戈兰", "LOC")]),
        ("，为中非经济共同发展", [("中", "LOC"), ("非", "LOC")]),
        ("，在钓鱼台国宾馆会见了他", [("钓鱼台国宾馆", "ORG")]),
        # the Gulf before its region stands alone
        ("，伊朗和沙特是海湾地区的大国", [("伊朗", "LOC"), ("沙特", "LOC"), ("海湾", "LOC")]),
        # near miss: the Central African Republic by its full name
        ("，中非共和国总统", [("中非共和国", "LOC")]),
    ],
)
def test_listed_names_that_the_gold_reads_otherwise(text, expected):
    spans = suggest_spans(text)
    assert [
        (text[s.start : s.end], s.label) for s in spans if s.label in ("LOC", "ORG")
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a county's bare name before 人, its people, after a phrase boundary
        ("，庄浪人为什么能够坚持", [("庄浪", "LOC")]),
        ("恭城人自豪地说", [("恭城", "LOC")]),
        # near miss: not inside a word
        ("，马庄浪人", []),
    ],
)
def test_a_countys_bare_name_before_its_people(text, expected):
    assert tagged(text) == expected
