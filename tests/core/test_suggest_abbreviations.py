"""One-character place abbreviations (中美关系, 美方, 访华, 华侨) on composed sentences."""

from __future__ import annotations

import pytest

from annotator.suggest import suggest_spans
from annotator.suggest.abbreviations import find_abbreviation_candidates


def places(text: str) -> list[str]:
    return [text[s:e] for s, e, _label, _attrs in sorted(find_abbreviation_candidates(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推动中美关系健康发展", ["中", "美"]),
        ("印巴核试验引起关注", ["印", "巴"]),
        ("他先后教过美、英、法、意、日等国的学生", ["美", "英", "法", "意", "日"]),
        ("中方表示欢迎", ["中"]),
        ("正加紧与美方磋商", ["美"]),
        ("外长将访华", ["华"]),
        ("驻华使馆举办招待会", ["华"]),
        ("他于24日抵京。", ["京"]),
        ("在京委员参加了视察", ["京"]),
        ("旅美华人华侨的祝愿", ["美", "华", "华"]),
        ("遭日军屠杀", ["日"]),
        ("德籍摄影师", ["德"]),
        ("巴总理谢里夫表示", ["巴"]),
        ("港人治港", ["港", "港"]),
    ],
)
def test_abbreviations_in_their_constructions(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "中美洲的咖啡",  # 中美 + 洲: not a pair of countries
        "西方国家和东方文化",
        "从这方面看，地方政府",
        "他在京剧院工作",
        "依法办事，在法院起诉",
        "日前，今日军队开赴",
        "美丽的中国",
        "集中方式处理",
    ],
)
def test_the_same_characters_as_words_are_not_places(text):
    assert places(text) == []


def test_developing_countries_hold_no_china():
    text = "发展中国家的代表和中国代表"
    locs = [text[s.start : s.end] for s in suggest_spans(text) if s.label == "LOC"]
    assert locs == ["中国"] and text.index("中国代表") == next(
        s.start for s in suggest_spans(text) if s.label == "LOC"
    )
