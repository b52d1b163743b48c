"""The numeral characters are defined once (annotator.numerals) and read by every rule."""

from __future__ import annotations

import pytest

from annotator.numerals import CHINESE_DIGITS, CHINESE_NUMERALS, DIGITS, NUMERALS


def test_the_rules_and_the_tagger_read_the_one_definition():
    from annotator.learn import entity_features
    from annotator.suggest import dates, figures
    from annotator.suggest.orgs_places import places, suffixes

    assert entity_features._NUMERALS == CHINESE_NUMERALS
    cn_digits = figures._CN_NUMERAL
    assert cn_digits == frozenset(CHINESE_DIGITS)
    assert figures._NOT_BEFORE >= NUMERALS
    # the counts add words of a vague number (几, 数, 多, 余) to the numerals
    sets = {"dates": dates._NUMERAL_CHARS, "places": places._NUMERALS}
    sets["suffixes"] = suffixes._COUNT_CHARS
    added = {name: found - NUMERALS for name, found in sets.items() if found >= NUMERALS}
    assert added == {"dates": {"几"}, "places": {"几", "数"}, "suffixes": {"几", "多", "余"}}
    all_numerals = frozenset(DIGITS) | CHINESE_NUMERALS
    assert all_numerals == NUMERALS
    assert {"零", "〇", "两", "亿", "０", "9"} <= NUMERALS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the count before 所/部 read 零 and 亿 as no numeral: 湖南省一百零八所 was an institute
        ("湖南省一百零八所学校", [("湖南省", "LOC"), ("一百零八所", "FIGURE")]),
        ("湖南省十亿部手机", [("湖南省", "LOC"), ("十亿部", "FIGURE")]),
        # … but 零 also begins words, and a unit named with one is named (零售部)
        ("、零售部部长王某", [("零售部", "ORG"), ("王某", "PER")]),
        # the date rule read 百 千 万 亿 as no numeral: 近千年底 was the date 年底
        ("近千年底", []),
    ],
)
def test_the_numerals_the_sets_lacked(text, expected):
    pytest.importorskip("jieba")
    from annotator.suggest import suggest_spans

    assert [(text[s.start : s.end], s.label) for s in suggest_spans(text)] == expected


def test_a_year_word_after_a_magnitude_is_no_date():
    from annotator.suggest.dates import find_date_candidates

    assert find_date_candidates("三百年内完成") == []
