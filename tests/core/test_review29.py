"""Defects found in the session-29 review of the merged split rules (issues 9, 11): cues of
a column cut that also stand in whole headlines and sentences. The text is invented."""

from __future__ import annotations

from annotator.split import split_page

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与其中。"
HEAD = ["全省春耕生产全面展开", "本报记者 张明"]


def blocks(lines: list[str]) -> dict[str, tuple[str, int | None, bool]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article, b.joins_previous) for b in split_page(text)}


def test_a_paragraph_opening_with_the_name_zhijiang_is_no_cut_under_a_title():
    # 之江 (Zhejiang) opens a sentence as any name does: the particle rule (…表象 / 之下)
    # must not take the intertitle above into the body text.
    title = "数字经济跑出加速度"
    for below in [
        "之江实验室近日发布新一代智能计算平台，群众满意度不断提高。" + BODY,
        "之江大地处处涌动创新活力，群众满意度不断提高。" + BODY,
    ]:
        got = blocks([*HEAD, BODY, BODY2, title, below, BODY2])
        assert got[title][0] == "intertitle", below
        assert got[below][:3] == ("body", 1, False), below


def test_a_headline_ending_on_a_passive_confirmed_stays_a_title():
    # …未获证实 / 已被证实 is a whole headline, not a verb of saying waiting for its clause.
    below = "近年来，城南区出台一系列政策吸引高校毕业生返乡创业。" + BODY
    for title in ["网传景区涨价消息未获证实", "这一说法已被证实"]:
        got = blocks([*HEAD, BODY, BODY2, title, below, BODY2])
        assert got[title][0] == "intertitle", title
        assert got[below][:3] == ("body", 1, False), title


def test_a_head_ending_on_confirmed_by_whom_still_joins():
    head = "这条消息后来经检测机构证实"
    rest = "并不属实，涉事企业已公开致歉。" + BODY2
    got = blocks([*HEAD, BODY, BODY2, head, rest, BODY])
    assert got[head][0] == "body"
    assert got[rest][:3] == ("body", 1, True)
