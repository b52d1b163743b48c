"""Bylines and captions as local dailies print them (issue 9, §1: real pages of other papers).

Local and provincial dailies credit each name's work after a slash (记者 李四/文 通讯员 王五/图),
lead a writer's name with the byline's bullet (□马晓冲), print the writer's name alone under
the photos of a feature, set an editor's note or a lead paragraph large under the headline
with the byline below it, and caption a QR code with what to scan it for (扫码看视频). None
of those lines opens an article, and none is a headline. The pages are invented in the shape
of the real ones.
"""

from __future__ import annotations

import pytest

from annotator.split import cues, split_page

BODY = "近日，某县组织各乡镇开展人居环境整治，清理沟渠二十余条，群众纷纷点赞。"


def split_lines(lines: list[str]) -> list[tuple[str, str, int | None]]:
    text = "\n".join(lines)
    return [(text[b.start : b.end], b.role, b.article) for b in split_page(text)]


@pytest.mark.parametrize(
    "line",
    [
        "通讯员 潘伯栋/文图",
        "见习记者 小刘涛 文/图",
        "融媒记者 马燕 康迪/文 通讯员 陈利凯 周常剑/图",
        "董艳竹 张玉东/文 廖谦/图",
        "系列报道策划：秦晖、肖桂来 本篇统筹：夏强、廖靖文",
    ],
)
def test_credit_lines_read_as_bylines(line):
    assert cues.BYLINE.match(line)


@pytest.mark.parametrize("line", ["春花/秋月", "统筹发展 安全", "精心策划 张扬个性"])
def test_titles_with_a_slash_or_a_staff_word_are_no_bylines(line):
    assert not cues.BYLINE.match(line)


def test_a_byline_under_an_editors_note_keeps_its_article():
    got = split_lines(
        [
            "水城花乡 秀美潢川",
            "编者按：某市地处革命老区，是苏区首府所在地。",
            "即日起，本报推出大型系列报道，派出多路记者深入各县区。",
            "□某某新闻·某报记者 李光远 章继军",
            "通讯员 潘伯栋/文图",
            "一水东流，城分南北，多桥相连，独具一格。",
            BODY,
        ]
    )
    assert [a for _, _, a in got] == [1] * 7
    assert [r for _, r, _ in got[3:5]] == ["byline", "byline"]


def test_a_credit_line_under_the_lead_paragraphs_keeps_its_article():
    got = split_lines(
        [
            "赛龙讲龙育龙 文化代代“船”承",
            "在某村，村民乐此不疲地与大家分享龙舟文化，老少齐参与，扒龙船已有四百年历史……",
            "这一幕幕的背后，是端午习俗的传承。今天，就让我们一起探寻它的故事吧。",
            "系列报道策划：秦晖、肖桂来 本篇统筹：夏强、廖靖文",
            "村里的传统龙是用坤甸木打造的，晒过一阵后就能闻到木头香味。",
            BODY,
        ]
    )
    assert [a for _, _, a in got] == [1] * 6
    assert got[3][1] == "byline"


def test_a_byline_after_a_signed_story_still_opens_the_next_untitled_one():
    got = split_lines(["某县新建三座桥梁", "本报记者 张  三", BODY, BODY, "本报记者 李  四", BODY])
    assert [a for _, _, a in got] == [1, 1, 1, 1, 2, 2]


def test_a_bulleted_name_signs_an_essay():
    got = split_lines(["我与报纸的故事", "□马晓冲", BODY, BODY])
    assert got[1][1:] == ("byline", 1)
    assert [a for _, _, a in got] == [1, 1, 1, 1]


def test_a_name_under_a_features_photos_is_its_byline():
    got = split_lines(
        [
            "互动相融 谱写民族团结新乐章",
            "——某州打造宜居和谐大家园",
            "9月20日，某州各族群众两万余人隆重集会，庆祝自治州成立60周年 秦帆 摄",
            "张建平",
            "春分时节，莺飞草长。",
            "行走在湖南最西端，吊脚楼和青石板小道无不散发着古朴的味道。",
            "某村苗家阿妹（图片由某市美丽办提供）",
            "绿色生态 大美湘西最素雅的妆容",
            "近年来，某州积极践行生态文明理念，深入推进生态文明建设。",
            "守护好城乡的每一寸自然肌肤，让老百姓望得见山、看得见水。",
            "被誉为“第一古苗寨”的某村坐拥九山八沟，是一个美丽苗寨。",
        ]
    )
    assert [a for _, _, a in got] == [1] * 11
    assert got[3][1] == "byline"
    assert got[7][1] == "intertitle"


def test_a_four_character_photo_title_under_photos_stays_a_headline():
    got = split_lines(
        [
            "春到田间农事忙",
            "图为3月3日，某县农民驾驶农机在田间作业。（新华社发）",
            "古城夜色",
            "3月4日晚，游客在某古城景区游览。夜幕降临，古城灯光璀璨。",
            "本报记者 黄亮摄",
        ]
    )
    assert got[2][1:] == ("headline", 2)


@pytest.mark.parametrize("prompt", ["专题报道扫码阅读", "扫码看视频", "扫一扫 了解更多"])
def test_a_qr_codes_prompt_is_a_caption_of_its_article(prompt):
    got = split_lines(["2025广州·动人“心”弦", prompt, BODY, BODY])
    assert got[0][1:] == ("headline", 1)
    assert got[1][1:] == ("caption", 1)


@pytest.mark.parametrize("title", ["扫码点餐要守规矩", "“扫码看病”方便了谁", "扫码看病难在哪"])
def test_a_headline_about_scanning_stays_a_headline(title):
    got = split_lines([title, "本报记者 王建国", "本报讯 " + BODY])
    assert got[0][1] == "headline"


def test_a_page_named_after_a_day_is_in_the_page_header():
    got = split_lines(["2025年11月8日  星期六  11·8记者节  第10版", "我也想跟广州“终生合伙”", BODY])
    assert got[0][1:] == ("other", None)
    assert got[1][1:] == ("headline", 1)


@pytest.mark.parametrize("signature", ["（郭颖 天乐）", "魏  甜"])
def test_names_after_a_short_item_sign_it(signature):
    got = split_lines(
        ["县长主持召开办公会", "本报讯 " + BODY, BODY, signature, "某镇开展环境整治", BODY]
    )
    assert got[3][1:] == ("byline", 1)
    assert got[4][1:] == ("headline", 2)


def test_a_name_over_a_dash_subheadline_still_heads_a_profile():
    got = split_lines(["某县新建三座桥梁", "本报讯 " + BODY, "王进喜", "——记一位老石油工人", BODY])
    assert got[2][1] != "byline"
    assert got[2][2] == 2


@pytest.mark.parametrize(
    "caption", ["钟达文（左二）在广交会采访现场。", "王五（前排中）和队员们合影。"]
)
def test_a_persons_place_in_the_photo_makes_a_caption(caption):
    got = split_lines(["我也想跟广州“终生合伙”", caption, BODY, BODY])
    assert got[1][1:] == ("caption", 1)


@pytest.mark.parametrize("line", ["他把车停在路边（左侧）后离开。", "“中国左（右）”之争"])
def test_a_side_in_brackets_in_a_sentence_or_title_is_no_caption(line):
    text = "\n".join(["某县新建三座桥梁", "本报记者 张  三", line, BODY])
    roles = {text[b.start : b.end]: b.role for b in split_page(text)}
    assert roles[line] != "caption"


def test_a_byline_under_a_tables_rows_opens_its_own_article():
    got = split_lines(
        [
            "某县新建三座桥梁",
            "编者按：" + BODY,
            "本报记者 张  三",
            BODY,
            "某板块2024年主要指标",
            "指标 数值 同比",
            "出口额 544.8亿元 -2.1%\n净利润 215.5亿元",
            "本报记者 李  四",
            BODY,
        ]
    )
    assert got[-2][1:] == ("byline", got[-1][2])
    assert got[-2][2] != got[3][2]


def test_a_byline_under_a_tables_note_opens_its_own_article():
    # The test above is kept by another guard too (the last row ends in mid-line, and a cut
    # line is no lead paragraph). Under the table's finished note only the rows themselves
    # say that the title above was a table's, not the head of an article the byline signs
    # below its lead: without that, the byline and the story under it joined the table.
    for note in ("数据来源：市统计局。", "注：增速按可比价格计算。"):
        got = split_lines(
            [
                "全市主要经济指标",
                "指标  数值  增长",
                "生产总值  1200亿元  6.5%",
                "财政收入  300亿元  5.1%",
                note,
                "本报记者 张三",
                "昨天，市政府召开常务会议，研究部署下半年工作。",
            ]
        )
        assert [(r, a) for _, r, a in got] == [
            ("headline", 1),
            *[("body", 1)] * 4,
            ("byline", 2),
            ("body", 2),
        ]


@pytest.mark.parametrize("intertitle", ["终于被“请”出来了", "老街变样了"])
def test_an_intertitle_ending_in_a_complement_and_le_is_an_intertitle(intertitle):
    got = split_lines(["老师傅参加技术协作的故事", "本报记者 孙某某", BODY, intertitle, BODY, BODY])
    assert got[3][1:] == ("intertitle", 1)
    assert [a for _, _, a in got] == [1] * 6


def test_a_cut_after_a_complement_taking_an_object_still_joins():
    got = split_lines(
        [
            "某县新建三座桥梁",
            "本报记者 张  三",
            "低空经济的兴起，让社区居民看到了",
            "新的机会，形成了可复制的经验。10月15日，今年以来，某市认真落实各项措施。",
            BODY,
        ]
    )
    assert [(role, a) for _, role, a in got][2:4] == [("body", 1), ("body", 1)]
    assert split_page("\n".join(g[0] for g in got))[3].joins_previous


def test_a_name_over_the_first_sentence_at_the_page_head_is_a_byline():
    got = split_lines(
        [
            "1957年8月25日  星期日    第5版",
            "王明起",
            "永定河在两山之间滚滚地流着。靠河的北岸山崖下有个小村，那就是我的家乡。",
            BODY,
        ]
    )
    assert got[1][1:] == ("byline", 1)
    assert [a for _, _, a in got[1:]] == [1, 1, 1]


def test_a_name_over_a_lead_still_heads_its_story():
    got = split_lines(["1957年8月25日  星期日    第5版", "王明起", "本报讯 " + BODY, BODY])
    assert got[1][1:] == ("headline", 1)
    assert [a for _, _, a in got[1:]] == [1, 1, 1]


def test_a_title_of_four_characters_that_reads_as_a_name_over_text_is_no_byline():
    # 古城夜色 reads as a name (古 a surname): longer than a name alone is set, a title
    got = split_lines(
        [
            "1957年8月25日  星期日    第5版",
            "古城夜色",
            "永定河在两山之间滚滚地流着。靠河的北岸山崖下有个小村，那就是我的家乡。",
            BODY,
        ]
    )
    assert got[1][1:] == ("headline", 1)
