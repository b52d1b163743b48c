"""Heading and end-line layouts of local dailies and evening papers the rules had never seen
(issue 9, §1; session 27's development set of twelve unseen papers). The pages are invented.

* 据新华社 (据央视, 据新闻联播…) alone under a story's last paragraph says where the story came
  from: the story's last line, not the headline of a short item, and the next heading opens
  the next article.
* A credit labelled with a colon alone under the text (摄影：张三, 拍摄者：本报记者 张三, 文：李四)
  is the story's last line, not a title of the next; an editors' credit without a colon
  (编辑 张三  校对 李四) is page furniture.
* An unsigned story under a full heading (kicker and headline, or headline and subheadline)
  is a feature: a plain line inside its text, shorter than its heading's longest line, over
  two paragraphs or more, is its 小标题, not the headline of a new article.
* Of two unmarked heading lines the first is the kicker when it names a series and the
  piece's number (…系列报道之一), is a column's name in 「」, or says who issued the document
  the second line sums up (某某印发《…》).
* A story's 小标题 are set alike: the first of a series found in a story's text, set as the
  others are and standing in the text above, is one of them, not a new headline.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page

from .test_split_general import BODY

LEAD = "近日，有关部门印发通知，部署今年的重点工作，要求各地抓好落实。"


def blocks_of(lines: list[str]) -> dict[str, tuple[str, int | None]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


@pytest.mark.parametrize("source", ["据新华社", "据央视新闻", "据新闻联播", "据人民日报客户端"])
def test_a_source_alone_under_the_text_closes_the_story(source):
    got = blocks_of(
        ["全省春耕生产全面展开", LEAD, BODY, source, "城乡公交网络跑出加速度", LEAD, BODY]
    )
    assert got[source] == ("byline", 1)
    assert got["城乡公交网络跑出加速度"] == ("headline", 2)


def test_a_short_title_opening_with_ju_is_no_source():
    got = blocks_of(["全省春耕生产全面展开", LEAD, BODY, "据理力争", LEAD, BODY])
    assert got["据理力争"][0] != "byline"


TEXT = "这一年，各地围绕群众关心的事办实事，一批项目陆续落地见效，群众获得感不断增强。"


@pytest.mark.parametrize(
    "head",
    [
        ["我与晚报的故事", "那些年，我的青春和晚报紧紧相连"],
        ["今年前2个月经济运行起步平稳", "发展态势向新向好，一季度有望保持总体平稳、稳中有进"],
    ],
)
def test_a_plain_line_in_the_text_of_a_fully_headed_story_is_its_intertitle(head):
    got = blocks_of([*head, LEAD, BODY, "创刊前 去兄弟报社取经", TEXT, BODY, TEXT])
    assert got["创刊前 去兄弟报社取经"] == ("intertitle", 1)
    assert got[TEXT] == ("body", 1)


def test_a_line_over_one_paragraph_after_a_fully_headed_story_heads_an_item():
    got = blocks_of(
        [
            "山水之间好风光",
            "来小城感受慢生活的诗意",
            LEAD,
            "古镇修缮完工",
            TEXT,
            "湖畔步道开放",
            BODY,
        ]
    )
    assert got["古镇修缮完工"] == ("headline", 2)
    assert got["湖畔步道开放"] == ("headline", 3)


@pytest.mark.parametrize(
    "kicker",
    [
        "“法治建设年度盘点”系列报道之一",
        "「金报情缘」",
        "中办、国办印发《关于进一步保障和改善民生的意见》",
    ],
)
def test_a_series_name_a_column_name_or_who_issued_what_is_the_kicker(kicker):
    got = blocks_of(
        [kicker, "推动民生建设更加公平均衡普惠可及让群众得实惠", "本报记者 张明", "本报讯 " + BODY]
    )
    assert got[kicker] == ("kicker", 1)
    assert got["推动民生建设更加公平均衡普惠可及让群众得实惠"] == ("headline", 1)


def test_a_headline_ending_in_one_of_is_no_series_name():
    got = blocks_of(
        [
            "我国成为世界最大市场之一",
            "消费潜力持续释放拉动内需稳步增长",
            "本报记者 张明",
            "本报讯 " + BODY,
        ]
    )
    assert got["我国成为世界最大市场之一"] == ("headline", 1)


def test_the_first_of_a_series_of_paired_intertitles_is_one_of_them():
    pairs = [
        ("越是较差的市场环境", "越是可能诞生出色的公司"),
        ("资本市场寒冬", "为何还能融到资金"),
        ("我们的不安全感", "来自那些创新者"),
        ("专注与多元化", "没有绝对的对与错"),
    ]
    lines = ["贝贝网创始人：市场环境差，反而能诞生好公司", TEXT, BODY]
    for top, sub in pairs:
        lines += [top, sub, TEXT, BODY]
    got = blocks_of(lines)
    for top, sub in pairs:
        assert got[top] == ("intertitle", 1)
        assert got[sub] == ("intertitle", 1)


@pytest.mark.parametrize("credits", [[], ["本版制图：傅军杰"]])
def test_a_dash_line_over_the_byline_is_a_subheadline_and_credits_part_nothing(credits):
    head, sub = "一起奔向共同富裕的美好明天", "来自8个共富观察点的所见所思——"
    got = blocks_of([head, sub, *credits, "记者 张益晓 陈浩洋", TEXT, BODY])
    assert got[head] == ("headline", 1)
    assert got[sub] == ("subheadline", 1)
    assert got["记者 张益晓 陈浩洋"] == ("byline", 1)
    assert got[TEXT] == ("body", 1)


def test_a_quoted_question_over_the_headline_is_its_kicker():
    kicker, head = "“用电视机看电视怎么这么费劲？”", "记者调查智能电视使用“套路”"
    quote = "“看个电视怎么这么麻烦！”"
    bullets = [
        "● 智能电视机虽然增加了观看节目的可选择范围，但在使用过程中存在不少为人诟病的问题",
        "● 网络电视付费收看的情况十分普遍，商家应当作出明确的提示，否则涉嫌侵害消费者知情权",
    ]
    got = blocks_of([TEXT, BODY, kicker, head, *bullets, "□ 本报记者 张守坤", quote, TEXT])
    assert got[kicker] == ("kicker", 2)
    assert got[head] == ("headline", 2)
    assert all(got[b] == ("subheadline", 2) for b in bullets)
    assert got["□ 本报记者 张守坤"] == ("byline", 2)
    assert got[quote] == ("body", 2)


def test_a_quoted_question_in_the_text_stays_text():
    got = blocks_of(["全省春耕生产全面展开", LEAD, "“这活儿谁来干？”", "春耕有方", TEXT, BODY])
    assert got["“这活儿谁来干？”"] == ("body", 1)


def test_a_headline_of_two_characters_under_a_longer_line_is_the_headline():
    credit = "晚报记者 王晋晋/文 赵克/图"
    got = blocks_of(["荡“秋千”", "排险", "在昨日上午的一场风雨中，" + BODY, credit])
    assert got["荡“秋千”"] == ("kicker", 1)
    assert got["排险"] == ("headline", 1)


@pytest.mark.parametrize("head", ["今起分三批全国推广应用", "11月1日起在全国推广应用"])
def test_a_line_saying_from_when_under_a_topic_is_the_headline(head):
    lead = "新华社北京11月3日电 记者3日从公安部获悉，为进一步扩大改革惠及面，将分三批推广。"
    got = blocks_of(["机动车行驶证电子化", head, lead, BODY])
    assert got["机动车行驶证电子化"] == ("kicker", 1)
    assert got[head] == ("headline", 1)


PAIRS = [("我们的不安全感", "来自那些创新者"), ("专注与多元化", "没有绝对的对与错")]


def test_even_pairs_over_long_sections_are_the_intertitles_of_an_unsigned_story():
    lines = ["贝贝网创始人：市场环境差，反而能诞生好公司", TEXT, BODY]
    for top, sub in PAIRS:
        lines += [top, sub, TEXT, BODY, TEXT]
    got = blocks_of(lines)
    assert all(got[line] == ("intertitle", 1) for pair in PAIRS for line in pair)


def test_even_pairs_over_one_paragraph_each_head_short_items():
    lines = ["贝贝网创始人：市场环境差，反而能诞生好公司", TEXT, BODY]
    for top, sub in PAIRS:
        lines += [top, sub, TEXT]
    got = blocks_of(lines)
    assert got[PAIRS[0][0]][1] == 2
    assert got[PAIRS[1][0]][1] == 3


@pytest.mark.parametrize(
    ("credit", "role"),
    [("摄影：李明", "caption"), ("拍摄者：本报记者 张方志", "caption"), ("文：李四", "byline")],
)
def test_a_labelled_credit_under_the_text_closes_the_story(credit, role):
    got = blocks_of(
        ["全省春耕生产全面展开", LEAD, BODY, credit, "城乡公交网络跑出加速度", LEAD, BODY]
    )
    assert got[credit] == (role, 1)
    assert got["城乡公交网络跑出加速度"] == ("headline", 2)


@pytest.mark.parametrize("credit", ["编辑 张三", "编辑 张三  校对 李四", "责任编辑 王明"])
def test_an_editors_credit_without_a_colon_is_furniture(credit):
    got = blocks_of(
        ["全省春耕生产全面展开", LEAD, BODY, credit, "城乡公交网络跑出加速度", LEAD, BODY]
    )
    assert got[credit] == ("other", None)
    assert got["城乡公交网络跑出加速度"] == ("headline", 2)


def test_a_title_opening_with_a_post_word_is_no_credit():
    got = blocks_of(["编辑部的故事", LEAD, BODY])
    assert got["编辑部的故事"] == ("headline", 1)
