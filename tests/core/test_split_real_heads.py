"""Heading roles and article starts of real pages, by cues of newspapers in general (issue 9).

Invented pages shaped like what real pages print: a chart's credits under the byline, a
column tag with a comma inside after the main headline.
"""

from __future__ import annotations

from annotator.split import cues, split_page
from annotator.split.cues import untagged

HEADER = "2025年5月6日  星期二  经济  第7版"
BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与。"
BODY3 = "今年以来，这个县先后修缮古桥九座，沿河步道连成一线，游客明显多了起来。"


def by_text(text: str) -> dict[str, tuple[str, int | None]]:
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


def test_two_chart_credits_under_the_byline_are_captions_and_close_nothing():
    # a chart names where its figures come from and who drew it; printed under the byline,
    # over the text, neither closes the article: the label below is no new headline
    text = "\n".join(
        [
            HEADER,
            "快递进村步伐加快（大数据观察）",
            "本报记者  王  明",
            "数据来源：某省邮政管理局",
            "制图：赵  华",
            "核心阅读",
            BODY,
            BODY2,
            BODY3,
        ]
    )
    got = by_text(text)
    assert got["数据来源：某省邮政管理局"] == ("caption", 1)
    assert got["制图：赵  华"] == ("caption", 1)
    assert got["核心阅读"][1] == 1
    assert got[BODY] == ("body", 1)


def test_a_data_source_right_under_the_byline_credits_the_chart():
    text = "\n".join(
        [
            HEADER,
            "闲置资产有了新去处（大数据观察）",
            "本报记者  王  明",
            "数据来源：某省财政厅",
            BODY,
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["数据来源：某省财政厅"] == ("caption", 1)
    assert got[BODY] == ("body", 1)


def test_a_series_tag_with_a_comma_marks_the_main_headline_of_two_lines():
    # the series' tag, a slogan of two phrases, follows the main headline: the line above
    # it is its kicker, however it is set
    kicker, headline = (
        "因地制宜，错位发展  补链延链，集群成势",
        "某省加快培育新兴产业集群（坚定信心，打开发展新局面）",
    )
    text = "\n".join([HEADER, kicker, headline, "本报记者  王  明  李  华", BODY, BODY2])
    got = by_text(text)
    assert got[kicker] == ("kicker", 1)
    assert got[headline] == ("headline", 1)


def test_a_bracketed_note_with_a_comma_is_still_no_column_tag():
    # a tag is a name or a slogan: no sentence, and no more than two phrases
    assert untagged("某省加快培育新兴产业（坚定信心，打开新局面）") == "某省加快培育新兴产业"
    assert untagged("某省加快培育新兴产业（一是，二是，三是）").endswith("）")
    assert untagged("某省加快培育新兴产业（好。是，不是）").endswith("）")


def test_two_phrases_set_apart_after_a_place_suffix_are_no_readers_signature():
    # 城市 ends on 市, but 提升品质 is no person's name: the line is the headline under its
    # long kicker, not a reader's letter signed 某地  某某
    kicker = "“十四五”以来，某市改造背街小巷800余条、老旧小区1700余个"
    headline = "更新城市  提升品质"
    text = "\n".join([HEADER, kicker, headline, "本报记者  王  明", BODY, BODY2])
    got = by_text(text)
    assert got[kicker] == ("kicker", 1)
    assert got[headline] == ("headline", 1)
    assert not cues.place_without_person("北京朝阳区  程  立")
    assert cues.place_without_person("更新城市  提升品质")


def test_a_mailbox_address_broken_over_two_lines_still_closes_its_column():
    # a hard-wrapped page breaks the address where the column ends (…@ / example.com.cn):
    # the line is the column's last, no headline of what follows
    from tests.core.test_split_wrap import P1, P3, P4, P5, wrapped

    def indented(*pars: str) -> list[str]:
        return [
            ("　　" if k == 0 else "") + line for p in pars for k, line in enumerate(wrapped(p))
        ]

    mailbox = "　　栏目投稿邮箱：lanmux@\nexample.com.cn"
    lead = "本报某地2月25日电  （记者王明）为优化法治化营商环境，某地出台多项举措。"
    headline = "某地为重点项目定制法治服务"
    lines = [
        "便民服务暖人心（一线行走）",
        "王  明",
        *indented(P1, P3, P4, P5, P1),
        "　　（作者为本报某地分社记者）",
        mailbox,
        headline,
        *indented(lead, P3, P4, P5),
    ]
    text = "\n".join(lines)
    got = {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}
    assert got[mailbox.strip()] == ("byline", 1)
    assert got[headline] == ("headline", 2)


def test_bare_figure_labels_under_a_headline_are_captions_and_end_nothing():
    # 图① alone labels a part of the chart printed under the headline; a headline over such
    # labels and a credit alone has no text yet: the title under them is its first 小标题
    labels = ["图①", "图②", "数据来源：某省气象台"]
    story = ["古桥修缮见成效", BODY3, BODY2, "（本报记者李华采访整理）"]
    text = "\n".join([HEADER, *story, "节气里的科学问答", *labels, "惊  蛰", BODY, BODY2])
    got = by_text(text)
    for label in labels:
        assert got[label] == ("caption", 2)
    assert got["惊  蛰"] == ("intertitle", 2)
    assert got[BODY] == ("body", 2)


def test_two_listed_phrases_trailing_off_over_a_headline_are_its_kicker():
    # 甲、乙…… lists what the story is about, a phrase may quote a name; a sentence of the
    # text does not trail off after two phrases set apart by 、
    kicker = "谎称赠送游戏装备、诱骗加入“粉丝群”……"
    headline = "网络诈骗盯上未成年人，该如何防范（民生一线）"
    text = "\n".join([HEADER, kicker, headline, "本报记者  王  明", BODY, BODY2])
    got = by_text(text)
    assert got[kicker] == ("kicker", 1)
    assert got[headline] == ("headline", 1)


def test_an_end_note_on_a_body_with_a_word_on_网发_is_no_photo_credit():
    # （新华社发） credits a photo; 互联网发展 is a word, and the note on the author closes the text
    note = "（作者为某省互联网发展研究中心主任）"
    text = "\n".join([HEADER, "数字经济要补短板（观点）", "王  明", BODY, BODY2, note])
    got = by_text(text)
    assert got[note] == ("byline", 1)
