"""Issue 10 (session 30): place lexicons completed from general references (made-up sentences)."""

from __future__ import annotations

import pytest

from annotator import lexicon
from annotator.suggest import suggest_spans


def locs(text: str) -> list[str]:
    return [text[s.start : s.end] for s in suggest_spans(text) if s.label == "LOC"]


def test_the_lexicons_hold_the_added_places():
    assert {"土星", "故宫", "东北", "月亮"} <= lexicon.word_set("places_natural")
    assert {"百慕大", "英联邦", "澳洲", "东南欧"} <= lexicon.word_set("places_countries")
    assert {"北平", "津门"} <= lexicon.word_set("places_city_nicknames")
    assert "加的夫" in lexicon.word_set("places_world_cities")
    # left out: read across in 俄国家杜马; a film studio's name; 大 + 西南 in the gold
    assert not {"俄国", "紫禁城", "大西南"} & lexicon.word_set("places_natural").union(
        lexicon.word_set("places_countries")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("探测器昨天飞过土星，明年到达木星。", ["土星", "木星"]),
        ("游客们参观了故宫和圆明园。", ["故宫", "圆明园"]),
        ("他从澳洲回来，又去了百慕大。", ["澳洲", "百慕大"]),
        ("这条公路是贯通东北的主干线。", ["东北"]),
        ("欧盟加的夫首脑会议今天闭幕。", ["加的夫"]),
        ("北平的冬天很冷。", ["北平"]),
    ],
)
def test_places_of_the_added_lists(text, expected):
    assert locs(text) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("他们奔赴晋西北山区扶贫。", "西北"),  # the side of a province, no region
        ("位于老区东北边缘的小镇。", "东北"),
        ("动物园的东北虎怀孕了。", "东北"),  # a thing named after the place
        ("刮了一夜西北风。", "西北"),
        ("俄国家杜马议员访华。", "俄国"),
    ],
)
def test_directions_and_things_named_after_places_are_no_places(text, absent):
    assert absent not in locs(text)


def orgs(text: str) -> list[str]:
    return [text[s.start : s.end] for s in suggest_spans(text) if s.label == "ORG"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他受共产国际派遣回国。", ["共产国际"]),
        ("座谈会由总政治部主任主持。", ["总政治部"]),
        ("中共中央政治局常委出席会议。", ["中共中央政治局"]),
        ("国家海洋局发布公报。", ["国家海洋局"]),
    ],
)
def test_national_bodies_added_to_the_list(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("两国签署了文化合作协定。", "作协"),
        ("副总参谋长会见了代表团。", "总参"),
        ("各方分享权力的政治局面。", "政治局"),
    ],
)
def test_short_names_inside_common_words_stay_out(text, absent):
    assert absent not in orgs(text)


@pytest.mark.parametrize(
    ("text", "expected_orgs", "expected_locs"),
    [
        # a democratic party by its full name: no 中国 place, no 国会 "parliament" inside it
        ("中国民主建国会第七次全国代表大会开幕。", ["中国民主建国会第七次全国代表大会"], []),
        ("我们向中国民主建国会全体同志致以问候。", ["中国民主建国会"], []),
        ("上百万中国人民志愿军跨过鸭绿江。", ["中国人民志愿军"], ["鸭绿江"]),
    ],
)
def test_bodies_by_their_full_names(text, expected_orgs, expected_locs):
    assert orgs(text) == expected_orgs
    assert locs(text) == expected_locs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他来到郫县考察。", ["郫县"]),  # a county of one character from the reference list
        ("房县的山区很美。", ["房县"]),
        ("住房县城周边。", []),  # 住房 is read: no 房县
    ],
)
def test_counties_of_one_character_added(text, expected):
    assert locs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_orgs", "expected_locs"),
    [
        # a place's companies are no company's name: the place alone
        ("140多家中国公司参展。", [], ["中国"]),
        ("他呼吁美国公司前往韩国投资。", [], ["美国", "韩国"]),
        # a name between the place and 公司 makes one
        ("美国福特公司董事长来访。", ["美国福特公司"], []),
        # the Federal Republic of Yugoslavia by its official name
        ("中国尊重南斯拉夫联盟共和国的独立。", [], ["中国", "南斯拉夫联盟共和国"]),
    ],
)
def test_a_place_s_companies_and_states_by_their_official_names(text, expected_orgs, expected_locs):
    assert orgs(text) == expected_orgs
    assert locs(text) == expected_locs


def test_the_coverage_bench_names_what_the_place_lexicons_lack(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    reference = tmp_path / "pca.json"
    reference.write_text(
        '{"河北省":{"邯郸市":["涉县","磁县","无此县"]},"四川省":{"成都市":["郫县"]}}',
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, str(root / "bench" / "gazetteer.py"), "--coverage", str(reference)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "coverage_total=8" in out
    assert "coverage_found=7" in out
    assert "coverage_missing=无此县" in out
