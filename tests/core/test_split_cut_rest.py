"""The rest of a paragraph cut by a column break, by how it begins (issue 9, joins).

A paragraph never begins with punctuation (，。”) nor with the particle 的 (but 的确 does); such
a paragraph is the rest of the one above, and a title-shaped line right above it is that
paragraph's head, not a headline or subheadline. The pages are invented.
"""

from __future__ import annotations

import copy

import pytest

from annotator.split import cues
from annotator.split.groups import signed_stories

from .split_rows import rows

BODY = "本报讯 当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
HEAD = ["全省春耕生产全面展开", "本报记者 张明", BODY]


@pytest.mark.parametrize(
    ("head", "rest"),
    [
        ("一段时间以来，未成年人在网络平台上高额打赏消费", "的事件频发，引发社会关注。"),
        ("各地加快推进老旧小区改造工作", "的步伐，群众满意度不断提高。"),
        ("各地加快推进老旧小区改造工作", "，群众满意度不断提高。"),
    ],
)
def test_a_paragraph_beginning_as_no_paragraph_does_continues_the_one_above(head, rest):
    got = rows([*HEAD, head, rest, "会议要求各部门抓紧落实。"])
    assert (head, "body", 1, False) in got
    assert (rest, "body", 1, True) in got


def test_a_paragraph_beginning_with_a_word_of_de_opens_a_paragraph():
    rest = "的确，这项工作还有不少难题要破解。"
    got = rows([*HEAD, "会议要求各部门抓紧落实。", rest])
    assert (rest, "body", 1, False) in got


def test_a_name_under_a_headline_over_a_cut_first_paragraph_is_its_byline():
    got = rows(
        [
            "文化传承的时代答卷（评论）",
            "李  斌",
            "“实事求是”，源自汉代",
            "的思想火花，收获了文化传承创新的启示。",
            "会议要求各部门抓紧落实。",
        ]
    )
    assert got[1] == ("李  斌", "byline", 1, False)
    assert got[2][1] == "body"
    assert got[3][3] is True


PARAS = [
    "社区居民积极推进社区养老服务，群众满意度不断提高。",
    "多所高校积极参与职业技能培训，吸引了大批年轻人回乡创业。",
    "合作社大力发展特色产业园区，企业订单明显增加。",
    "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。",
    "当地还将继续完善相关政策，推动各项工作落地见效。",
]


# A news story opened by its dateline: it runs without 小标题 (see groups.lone_lines.lone_inner_title).
DATED = ["全省春耕生产全面展开", "本报长沙3月4日电  " + BODY[4:]]


def test_a_title_line_over_more_text_than_a_short_item_has_is_a_cut_paragraphs_head():
    head = "企业出海到什么山就该唱什么"
    got = rows([*DATED, PARAS[0], head, "歌，才能更接地气。", *PARAS[1:]])
    assert (head, "body", 1, False) in got
    assert ("歌，才能更接地气。", "body", 1, True) in got


def test_a_title_line_inside_a_story_signed_at_its_head_stays_in_the_story():
    head = "企业出海到什么山就该唱什么"
    got = rows([*HEAD, PARAS[0], head, "歌，才能更接地气。", *PARAS[1:]])
    assert {a for _, _, a, _ in got} == {1}


def test_a_short_item_without_byline_after_a_story_keeps_its_headline_when_signed_below():
    title = "城乡公交网络跑出加速度"
    item = [PARAS[1], PARAS[2][:-1] + "。（记者 李华）"]
    got = rows([*HEAD, PARAS[0], title, *item, "古镇修缮工程完工", "本报记者 王建国", BODY])
    assert (title, "headline", 2, False) in got
    # unsigned below, the line is one of the story's 小标题
    got = rows([*HEAD, PARAS[0], title, *PARAS[1:3], "古镇修缮工程完工", "本报记者 王建国", BODY])
    assert (title, "intertitle", 1, False) in got


def test_asking_whether_one_line_is_an_intertitle_changes_no_shape(monkeypatch):
    # The question is asked of the cut head above: answering it must leave the shapes as they
    # were (the caller, not the question, makes the line body text), and the split unchanged.
    asked = []
    question = signed_stories._one_is_intertitle

    def spy(shapes, *args):
        before = copy.deepcopy(shapes)
        answer = question(shapes, *args)
        asked.append(answer)
        assert shapes == before
        return answer

    monkeypatch.setattr(signed_stories, "_one_is_intertitle", spy)
    head = "企业出海到什么山就该唱什么"
    got = rows([*DATED, PARAS[0], head, "歌，才能更接地气。", *PARAS[1:]])
    assert False in asked
    assert (head, "body", 1, False) in got
    assert ("歌，才能更接地气。", "body", 1, True) in got


@pytest.mark.parametrize(
    ("head", "rest"),
    [
        ("各地加快建设金融强国", "是推动高质量发展的必然要求，群众满意度不断提高。"),
        ("社区持续完善居家养老服务体系", "了大批专业护理人员，群众满意度不断提高。"),
    ],
)
def test_a_paragraph_opening_with_a_lone_particle_continues_the_open_line_above(head, rest):
    got = rows([*HEAD, PARAS[0], head, rest, *PARAS[1:]])
    assert (head, "body", 1, False) in got
    assert (rest, "body", 1, True) in got


@pytest.mark.parametrize(
    "rest",
    [
        "是否推广这项经验，还要看群众满意度。",  # 是否: a word, no particle alone
        "了解到这些情况后，当地很快拿出方案。",  # 了解
        "是啊，这项工作还有不少难题要破解。",  # an answer opens so
    ],
)
def test_a_paragraph_opening_with_a_word_of_a_particle_opens_a_paragraph(rest):
    got = rows([*HEAD, PARAS[0], "各地加快建设金融强国", rest, *PARAS[1:]])
    assert (rest, "body", 1, True) not in got


def test_a_paragraph_opening_with_the_copula_under_a_question_answers_it():
    question = "给2023年一个深情的回眸，你最希望看见什么？"
    answer = "是那些拨开迷雾、逆行向前的拼搏背影，是雨过天晴后的第一缕阳光，还是羊城烟火？"
    got = rows([*HEAD, PARAS[0], question, answer, *PARAS[1:]])
    assert not any(text == answer and joins for text, _, _, joins in got)


@pytest.mark.parametrize(
    ("head", "rest"),
    [
        ("一年来，我国经济之所以能", "顶压前行，靠的是全国上下形成统一意志和强大合力。"),
        ("会议强调，各级各部门要", "加快重点项目建设进度，加大协调力度。"),
    ],
)
def test_a_title_shaped_line_ending_on_a_lone_modal_verb_is_a_cut_paragraphs_head(head, rest):
    got = rows([*HEAD, PARAS[0], head, rest, *PARAS[1:]])
    assert (head, "body", 1, False) in got
    assert (rest, "body", 1, True) in got


def test_a_title_ending_on_a_word_of_a_modal_verb_is_no_cut_head():
    assert not cues.ends_on_modal("加快发展人工智能")  # 智能: a word
    assert not cues.ends_on_modal("召开全省大会")
    assert cues.ends_on_modal("各级各部门要")
