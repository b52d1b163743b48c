"""Credit and end lines that real pages print and the rules took for headings (issue 9, §1).

A drawing's credit with the name first (赵  一绘), a picture provider's credit (《某某画报》资料室
提供), a credit for a set of photos (以上图片均为某某摄（来源）) and a column's mailbox line
belong to the article above; a staff credit (本期统筹：某某) is page furniture. None of them
opens an article, and the headline after them does. The pages are invented.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page

from .test_split_general import BODY, two_articles_with


@pytest.mark.parametrize(
    ("end_line", "role", "article"),
    [
        ("赵  一绘", "caption", 1),
        ("钱  多绘（新华社发）", "caption", 1),
        ("《山河画报》资料室提供", "caption", 1),
        ("以上图片均为孙某摄（人民视觉）", "caption", 1),
        ("栏目投稿邮箱：column@example.cn", "byline", 1),
        ("（本报通讯员孙某参与采写）", "byline", 1),
        ("本期统筹：李  明", "other", None),
        ("本版策划：周  强  吴  昊", "other", None),
    ],
)
def test_a_credit_or_end_line_opens_no_article(end_line, role, article):
    text = two_articles_with(end_line)
    got = {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}
    assert got[end_line] == (role, article)
    assert got["城乡公交网络跑出加速度"] == ("headline", 2)


@pytest.mark.parametrize("title", ["同心共绘", "为群众提供更好服务"])
def test_a_headline_ending_like_a_credit_stays_a_headline(title):
    text = "\n".join([title, "本报记者 王建国", "本报讯 " + BODY])
    assert split_page(text)[0].role == "headline"


def blocks_of(lines: list[str]) -> dict[str, str]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: b.role for b in split_page(text)}


def test_stacked_captions_between_a_byline_and_a_photo_credit_are_captions():
    captions = [
        "食堂的工作人员在准备配送的餐食。",
        "老人们围坐在桌前吃饭。",
        "用餐的老人露出笑容。",
    ]
    got = blocks_of(
        [
            "老年食堂饭菜香（暖相册）",
            "本报记者  王  某",
            *captions,
            "以上图片均为孙某摄（人民视觉）",
            BODY,
        ]
    )
    assert [got[c] for c in captions] == ["caption"] * 3
    assert got[BODY] == "body"


def test_only_the_sentence_right_above_a_credit_is_a_caption_inside_body_text():
    short = ["群众满意度不断提高。", "社区居民积极推进社区养老服务。"]
    got = blocks_of(
        ["全省春耕生产全面展开", "本报记者 张明", "本报讯 " + BODY, *short, "王  某摄", BODY]
    )
    assert got[short[0]] == "body"
    assert got[short[1]] == "caption"


@pytest.mark.parametrize(
    "caption",
    [
        "市民在新建成的城市公园里骑行。",
        "江南某市某区某街道社区老年人日间照料服务中心，志愿者和老人一起制作手工丝绒花。",
    ],
)
def test_a_one_sentence_caption_above_a_credit_is_a_caption(caption):
    got = blocks_of(
        ["全省春耕生产全面展开", "本报记者 张明", "本报讯 " + BODY, caption, "资料图片", BODY]
    )
    assert got[caption] == "caption"
    assert got["资料图片"] == "caption"


@pytest.mark.parametrize(
    "credit",
    ["本期统筹：郭  岩", "责任编辑：郭  岩", "版式设计：郭  岩", "本版责编：郭  岩  校对：李  明"],
)
def test_a_title_under_a_line_crediting_the_editors_opens_an_article(credit):
    # A credit ends what the editors edited: the title under it, even one with a comma and
    # with neither byline nor lead below, heads the next piece (no body of the story above,
    # no paragraph its text runs on into).
    title = "协作帮扶，将先进理念带进大山"
    story = [
        "职校生走出大山学技术",
        "本报记者  王永战",
        BODY,
        "跟岗老师掌握了更多教学方法，学生的实训水平不断提高。",
    ]
    essay = [
        "多年来，我见证一批批学子成长成才，学到了一技之长。",
        "作为带队老师，我把先进的教学理念带回了学校。",
    ]
    text = "\n".join([*story, credit, title, *essay, "（作者为某县职业高级中学副校长）"])
    got = [(text[b.start : b.end], b.role, b.article, b.joins_previous) for b in split_page(text)]
    assert got[4] == (credit, "other", None, False)
    assert got[5] == (title, "headline", 2, False)
    assert got[6] == (essay[0], "body", 2, False)
    # a chart's credit stands inside its article: the title under it stays what it was
    chart = text.replace(credit, "制图：郭  岩")
    assert [b.article for b in split_page(chart)][5] == 1
