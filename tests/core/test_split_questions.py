"""A question of two clauses among a story's plain intertitles, or alone, is a paragraph of its text.

A story's intertitles are set in parallel; where most are plain titles, a question of more
than one phrase between them asks what the next paragraph answers (body text), while a
one-phrase question may be one of the titles. The text is invented.
"""

from __future__ import annotations

from annotator.split import split_page

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
ANSWER = "答案藏在村里的合作社。村民们把土地流转出来，统一种植，统一销售，收入翻了一番。"


def roles(text: str) -> dict[str, str]:
    return {text[b.start : b.end]: b.role for b in split_page(text)}


def story(question: str) -> str:
    return "\n".join(
        [
            "全省春耕生产全面展开",
            "本报记者 张明",
            "本报讯 " + BODY,
            "春耕生产开出新局面",
            BODY,
            question,
            ANSWER,
            "夜间经济点亮城市烟火",
            BODY,
            "城乡公交跑出加速度",
            BODY,
        ]
    )


def test_a_question_of_two_clauses_among_plain_intertitles_is_body_text():
    got = roles(story("不用农药和化肥，能否种出好粮食？"))
    assert got["不用农药和化肥，能否种出好粮食？"] == "body"
    assert [t for t, r in got.items() if r == "intertitle"] == [
        "春耕生产开出新局面",
        "夜间经济点亮城市烟火",
        "城乡公交跑出加速度",
    ]


def test_a_one_phrase_question_among_plain_intertitles_stays_an_intertitle():
    got = roles(story("好粮食从何而来？"))
    assert got["好粮食从何而来？"] == "intertitle"


def test_a_lone_question_of_two_phrases_in_a_story_is_body_text():
    question = "如何破解“重建轻管、只建不管”的老难题？"
    story = ["全省春耕生产全面展开", "本报记者 张明", "本报讯 " + BODY]
    got = roles("\n".join([*story, BODY, question, ANSWER]))
    assert got[question] == "body"
    short = roles("\n".join([*story, BODY, "好粮食从何而来？", ANSWER]))
    assert short["好粮食从何而来？"] == "intertitle"
