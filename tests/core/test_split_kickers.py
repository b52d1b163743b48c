"""Which of two unmarked title lines is the headline (issue 9, §1: kicker or headline?).

Mostly only a paper's own convention tells (the learnt model's job); three forms tell on any
page: a first line ending in a colon introduces the headline under it (某某公安：), the
main title is the line set as two phrases side by side with a wide space between them (对仗,
共建党建阵地  激发共治活力), and a first line that only names a body or a place (某省纪委监委)
says who did what the longer line under it says. A series' name with its number (大家谈·…②)
is set in phrases too and stays a subheadline. The pages are invented.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page

BODY = "本报讯 当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"


def roles(first: str, second: str) -> tuple[str, str]:
    text = "\n".join([first, second, "本报记者  张  明", BODY])
    blocks = split_page(text)
    return blocks[0].role, blocks[1].role


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("江南某市公安：", "下好反诈“先手棋”  守好百姓“钱袋子”"),
        ("江南某市公安：", "筑牢反诈防线"),
        ("某省某市强化新就业群体党建", "共建党建阵地  激发共治活力"),
    ],
)
def test_the_line_over_a_headline_of_this_form_is_its_kicker(first, second):
    assert roles(first, second) == ("kicker", "headline")


def test_a_series_name_set_in_phrases_under_a_headline_stays_a_subheadline():
    assert roles("在广阔天地成长成才", "大家谈·扎根西部  建功西部②") == ("headline", "subheadline")


def test_a_line_closed_by_a_column_tag_after_a_story_opens_an_article_without_byline():
    tagged = "邻居私搭“花园”，物业有权清理吗？（以案说法）"
    case = "【案情】张先生在自家房屋外的公共平台种植花木，物业公司多次要求清理未果。"
    more = "社区居民积极推进社区养老服务，群众满意度不断提高。"
    text = "\n".join(["城乡公交网络跑出加速度", "本报记者  张  明", BODY, more, tagged, case])
    got = {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}
    assert got[tagged] == ("headline", 2)
    assert got[case] == ("body", 2)


def test_a_long_line_of_two_clauses_joined_by_a_pause_comma_over_a_short_one_is_a_kicker():
    assert roles("某省打造一流仲裁机构、探索仲裁推荐标准", "更深度地开展涉外仲裁") == (
        "kicker",
        "headline",
    )


def test_a_short_line_with_a_pause_comma_over_a_longer_one_stays_the_headline():
    assert roles("文明实践、志愿服务", "让新风吹进千家万户的生活日常") == (
        "headline",
        "subheadline",
    )


@pytest.mark.parametrize(
    "first",
    ["江南省某市西湖区", "某省纪委监委", "某省教育厅\u3000某省财政厅"],
)
def test_a_line_naming_only_who_acts_over_what_it_did_is_the_kicker(first):
    # A body's or a place's name (…区, …委, …厅) says who; the line under it, longer, says
    # what it did: that is the headline.
    assert roles(first, "“昼访夜谈”推动民生难题靠前解决") == ("kicker", "headline")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("某市加快建设特色产业园区", "老师们积极推进农田水利设施"),  # a long line doing something
        ("某市西湖区", "某区"),  # the line under it is no longer: not what it did
    ],
)
def test_a_headline_that_ends_like_a_name_keeps_its_place(first, second):
    assert roles(first, second) == ("headline", "subheadline")


@pytest.mark.parametrize(
    "author",
    [
        "北京大学法学院教授  李  明",
        "人民论坛特约评论员  王  刚",
        "中共中央党校（国家行政学院）教授  王  刚",
        "清华大学公共管理学院院长 李明",
        "某市中级人民法院  张  三",
        "作者：李明",
        "李  明（作者为北京大学教授）",
    ],
)
def test_a_commentarys_author_line_under_its_headline_is_a_byline(author):
    # A guest article signs with the writer's post or institution before the name; under the
    # headline that line is its byline, not the headline that makes the line above a kicker.
    text = "\n".join(["2025年3月5日 星期三 第5版 评论", "莫让形式主义消解实干精神", author, BODY])
    got = [(text[b.start : b.end], b.role, b.article) for b in split_page(text)]
    assert got[1:3] == [("莫让形式主义消解实干精神", "headline", 1), (author, "byline", 1)]


@pytest.mark.parametrize("second", ["争做合格党员  建功新时代", "共建党建阵地  激发共治活力"])
def test_a_headline_set_as_two_phrases_is_no_authors_line(second):
    assert roles("某省某市强化新就业群体党建", second) == ("kicker", "headline")


@pytest.mark.parametrize(
    ("kicker", "role"),
    [
        ("多措并举稳就业：", "kicker"),  # a topic before a colon
        ("我省多措并举稳就业惠民生，千方百计拓宽就业渠道", "kicker"),  # phrases in parallel
        ("具体措施如下：", "body"),  # a clause announcing what follows stays text
    ],
)
def test_a_punctuated_kicker_over_a_short_headline_in_a_run_of_unsigned_items(kicker, role):
    items = [
        ("我市新增公交线路十二条", "记者从市交通运输局获悉，今年以来，我市新开通公交线路十二条。"),
        (
            "我省今年新增城镇就业五十八万人",
            "记者从省人社厅获悉，今年以来，我省城镇新增就业五十八万人。",
        ),
    ]
    more = "有关负责人表示，下一步将继续加大工作力度，让群众得到更多实惠。"
    lines = [items[0][0], items[0][1], more, kicker, items[1][0], items[1][1], more]
    got = [(b.role, b.article, b.joins_previous) for b in split_page("\n".join(lines))]
    if role == "kicker":
        assert got[3:6] == [("kicker", 2, False), ("headline", 2, False), ("body", 2, False)]
    else:
        assert got[3][:2] == ("body", 1)


def test_an_authors_line_with_the_post_in_brackets_under_the_last_paragraph_signs_it():
    author = "李  明（作者为北京大学教授）"
    text = "\n".join(["莫让形式主义消解实干精神", BODY, author, "让公交服务更有温度", BODY])
    got = [(text[b.start : b.end], b.role, b.article) for b in split_page(text)]
    assert got[2] == (author, "byline", 1)
    assert got[3] == ("让公交服务更有温度", "headline", 2)
