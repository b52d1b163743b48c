"""Layouts of newspapers the rules were never tuned on that they read wrong (issue 9, §1).

A headline over a —— subheadline is the headline, however its first line reads (a short
phrase naming a place is no kicker when a —— line stands under it); a caption may end in a
credit with the photographer's post before the name (…摄影记者 张三, …。图/张三) or with the
name and a slashed 摄 or 图 right after the caption's full stop (…。张三/摄, …。 记者 张三/图).
The pages are invented.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page

from .test_split_general import BODY, two_articles_with


def roles_of(lines: list[str]) -> dict[str, tuple[str, int | None]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


@pytest.mark.parametrize(
    "headline", ["生机勃勃小山村", "【决战完胜 走向小康】赵家洼", "山乡巨变看今朝"]
)
def test_the_line_over_a_dash_subheadline_is_the_headline(headline):
    sub = "——某县某镇联合村扶贫带来的新变化"
    got = roles_of([headline, sub, "本报记者 张明 通讯员 李华", "本报讯 " + BODY, BODY])
    assert got[headline] == ("headline", 1)
    assert got[sub] == ("subheadline", 1)


def test_a_dash_line_over_the_headline_is_still_its_kicker():
    got = roles_of(["为了一方百姓安居——", "幸福大院", "本报记者 张明", "本报讯 " + BODY])
    assert got["为了一方百姓安居——"][0] == "kicker"
    assert got["幸福大院"][0] == "headline"


@pytest.mark.parametrize(
    "caption",
    [
        "掩映在繁茂树林中的崇州“竹里”摄影记者 王勤",
        "市民们正在桂溪生态公园锻炼 摄影记者 张直",
        "非典时期的口罩体现了年轻人的个性化。张成刚/摄",
        "坐下来聊聊天也许可以放松紧张的心情。摄影：李  明",
        "社区的健身器械成了抢手货。图/刘志坚",
        "社区的健身器械成了抢手货 摄影/刘志坚",
        "社区的健身器械成了抢手货。 刘志坚/图",
        "社区的健身器械成了抢手货。 记者 刘志坚/图",
        "1994年株洲遭遇特大洪水，市区一片汪洋。（供图市档案局 李军 翻拍）",
        "老街旧貌。（市档案馆供图）",
        "1994年的老街。（资料图片 李军翻拍）",
    ],
)
def test_a_caption_credited_post_first_or_with_a_slash_closes_its_article(caption):
    text = two_articles_with(caption)
    got = {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}
    assert got[caption] == ("caption", 1)
    assert got["城乡公交网络跑出加速度"] == ("headline", 2)


@pytest.mark.parametrize(
    "line",
    [
        "城市摄影",
        "摄影记者 王勤",
        "我和摄影记者张直的故事",
        "地图/导航",
        "刘志坚/图",
        "老照片翻拍有讲究（收藏）",
    ],
)
def test_a_title_or_byline_about_a_photographer_is_no_caption(line):
    got = roles_of([line, "本报讯 " + BODY, BODY])
    assert got[line][0] != "caption"


@pytest.mark.parametrize("label", ["【核心提示】", "【编者按】"])
def test_a_bracketed_label_under_the_headline_is_no_heading_line(label):
    got = roles_of(
        ["株洲防洪大堤往事", label, "阳光如瀑，夏蝉长嘶。洪灾过后，株洲迎来酷暑。", BODY]
    )
    assert got["株洲防洪大堤往事"] == ("headline", 1)
    assert got[label] == ("other", 1)


def test_numbered_captions_under_the_headline_leave_it_a_heading():
    kicker, headline = "上午，记者在奉贤看到市民生活如往昔", "相信上海不久会恢复热闹"
    captions = ["①不少居民趁周末到公园内游玩", "②在小区门口，私家车出入无需通行证"]
    got = roles_of(
        ["2022年5月28日  星期六  一版要闻  第1版", kicker, headline, *captions, BODY, BODY]
    )
    assert got[kicker] == ("kicker", 1)
    assert got[headline] == ("headline", 1)
    assert [got[c] for c in captions] == [("caption", 1), ("caption", 1)]


def test_numbered_lines_between_paragraphs_are_no_captions():
    items = ["①加快建设农田水利设施", "②推进社区养老服务"]
    got = roles_of(["全省春耕生产全面展开", "本报记者 张明", "本报讯 " + BODY, *items, BODY])
    assert all(got[x][0] != "caption" for x in items)


@pytest.mark.parametrize(
    ("heading", "captions"),
    [
        (["大学生村官黎锦林：秀水河畔的时代足音"], ["罗清泉等领导考察宝塔村。"]),
        (["赵家洼", "——一个村庄的消失与重生"], ["过去的赵家洼。", "重生的赵家洼。"]),
    ],
)
def test_short_sentences_right_under_the_headline_are_its_photos_captions(heading, captions):
    got = roles_of([*heading, *captions, BODY, BODY])
    assert [got[c] for c in captions] == [("caption", 1)] * len(captions)


@pytest.mark.parametrize("opening", ["春分时节，莺飞草长。", "这是一个好消息。"])
def test_an_opening_sentence_under_a_byline_or_with_a_comma_stays_body(opening):
    got = roles_of(["纸上春秋天下事", opening, BODY, BODY])
    assert got[opening][0] == "body" or opening == "这是一个好消息。"
    got = roles_of(["纸上春秋天下事", "本报记者 杨丽萍", opening, BODY])
    assert got[opening][0] == "body"
