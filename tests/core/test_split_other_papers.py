"""Conventions of other papers and other eras that the pre-split reads on any page (issue 9).

Older pages date a wire story without the month (新华社六日讯), take it from the wire (据新华社…),
close a bracketed dateline before the text (【新华社某地某日电】), or date a late report with its
year (本报2024年12月30日讯). Two outlets of one house sign together (中青报·中青网记者 …), a
web-era page signs with 作者：, a page's name runs long in its header, and a photo printed
alone between stories has a caption of several sentences over its credit. The text here is
written for the tests.
"""

from __future__ import annotations

from annotator.split import split_page
from annotator.split.cues import is_lead
from annotator.split.shapes import is_page_header, shape

from .split_rows import article_rows

HEADER = "1964年6月28日  星期日  要闻  第1版"
BODY = "东北地区因为无霜期比较短，以往很多地方都用直播的办法种水稻，产量比较低。"
BODY2 = "最近几年，这里的栽培技术不断改革，插秧的水田逐渐增加，产量也提高了。"


def by_text(lines: list[str]) -> dict[str, tuple[str, int | None]]:
    return {t: (role, art) for t, role, art in article_rows(lines)}


def test_older_datelines_open_a_lead():
    for lead in (
        "据新华社二十七日讯 我国东北三省今年水稻种植面积比去年扩大。",
        "新华社六日讯 全国人民代表大会常务委员会副委员长今天接见了客人。",
        "【新华社重庆十四日电】拉萨讯：先遣部队已于本月九日进抵拉萨。",
        "本报2024年12月30日讯 笔者从有关部门获悉，今年的培训工作取得进展。",
    ):
        assert is_lead(lead), lead
    # (据 and a date that are not a dateline stay text)
    for text in ("据说新华社二十七日讯问了他。", "3月4日电视台播出了这台节目。"):
        assert not is_lead(text), text


def test_three_title_lines_over_an_older_dateline_are_kicker_headline_subheadline():
    lead = "据新华社二十七日讯 我国东北地区三省今年水稻种植面积比去年扩大，质量比往年好。"
    got = by_text(
        [
            HEADER,
            "面积比去年大 质量比往年好",
            "东北三省水稻栽种结束",
            "广东早稻黄熟开镰收割",
            lead,
            BODY,
        ]
    )
    assert got["面积比去年大 质量比往年好"] == ("kicker", 1)
    assert got["东北三省水稻栽种结束"] == ("headline", 1)
    assert got["广东早稻黄熟开镰收割"] == ("subheadline", 1)
    text = "\n".join([HEADER, "东北三省水稻栽种结束", lead, BODY])
    assert not any(b.joins_previous for b in split_page(text))


def test_a_byline_of_two_outlets_of_one_house_is_a_byline():
    for line in ("中青报·中青网记者 雷宇 实习生 朱可芯 姜刘洋", "南方日报·南方+记者 张明"):
        assert shape(line, 0, len(line)).kind == "byline", line
    got = by_text(
        [
            HEADER,
            "老院士的科研人生：把每件事都做到极致",
            "中青报·中青网记者 雷宇 实习生 朱可芯",
            BODY,
            BODY2,
        ]
    )
    assert got["老院士的科研人生：把每件事都做到极致"] == ("headline", 1)
    assert got["中青报·中青网记者 雷宇 实习生 朱可芯"] == ("byline", 1)
    assert got[BODY] == ("body", 1)


def test_a_byline_with_a_colon_after_the_role_word():
    for line in ("作者：雷收麦", "记者：张明"):
        assert shape(line, 0, len(line)).kind == "byline", line
    # (a role word and a colon with no name, or no surname, is no byline)
    for line in ("作者：", "作者：调查"):
        assert shape(line, 0, len(line)).kind != "byline", line
    got = by_text([HEADER, "从读者到作者", "作者：雷收麦", BODY, BODY2])
    assert got["作者：雷收麦"] == ("byline", 1)


def test_a_short_line_right_under_a_byline_opens_no_article():
    # a portrait's name under the byline, over the text about him
    got = by_text(
        [HEADER, "无论换灯泡还是搞科研都要做到极致", "本报记者 雷宇", "樊明武院士", BODY, BODY2]
    )
    assert got["樊明武院士"][1] == 1
    assert got[BODY] == ("body", 1)
    # (a second story after the first one's text opens its own article)
    got = by_text(
        [HEADER, "一座新桥通车", "本报记者 雷宇", BODY, "老街换新颜", "本报记者 张明", BODY2]
    )
    assert got["老街换新颜"] == ("headline", 2)


def test_a_page_header_with_a_long_page_name():
    assert is_page_header("2013年4月27日  星期六  中国青年报金牌读者  第4版")
    # (without its page number, or its date and weekday, such a line is no header)
    assert not is_page_header("2013年4月27日  中国青年报金牌读者读书会")
    assert not is_page_header("第4版  中国青年报金牌读者读书会")
    got = by_text(["2013年4月27日  星期六  中国青年报金牌读者  第4版", "绵延三十年的情缘", BODY])
    assert got["2013年4月27日  星期六  中国青年报金牌读者  第4版"] == ("other", None)
    assert got["绵延三十年的情缘"] == ("headline", 1)


def test_a_photo_alone_under_the_header_has_a_caption_of_several_sentences():
    caption = (
        "某县通过政务公开栏向群众汇报情况，让群众监督机关工作。"
        "图为县政府将新制定的规定贴在公开栏里，群众争相阅看。"
    )
    got = by_text([HEADER, caption, "刘文化摄", "我们怎样做好这件事", "本报评论员", BODY, BODY2])
    assert got[caption][0] == "caption"
    assert got["刘文化摄"][0] == "caption"
    assert got["我们怎样做好这件事"][0] == "headline"
    # (the text of a story above a credit, under its headline, stays body text)
    got = by_text([HEADER, "我们怎样做好这件事", BODY, caption, BODY2])
    assert got[caption][0] == "body"


def test_a_score_cut_at_its_ratio_sign_joins_its_head():
    # (a column cut between the two sides of a score: …结果以1.5 / ∶2.5负于对手。)
    head = "中国男队在第九轮比赛中的对手是格鲁吉亚男队，结果以1.5"
    long = BODY + BODY2 + BODY
    text = "\n".join(
        [HEADER, "强队相争日趋白热化", "本报记者 李中文", long, long, head, "∶2.5负于对手。"]
    )
    blocks = {text[b.start : b.end]: b for b in split_page(text)}
    assert blocks["∶2.5负于对手。"].joins_previous
    assert blocks["∶2.5负于对手。"].article == blocks[head].article


def test_lines_of_verse_set_one_a_paragraph_do_not_join():
    verse = ["吾心久仰枣园春，", "窑洞灯光破夜深。", "叩访千里恨来晚，", "延河清流好洗尘。"]
    text = "\n".join([HEADER, "延安组诗", "周克玉", *verse])
    blocks = {text[b.start : b.end]: b for b in split_page(text)}
    assert not any(blocks[line].joins_previous for line in verse)
    # (a paragraph cut right after a comma still joins its rest)
    long = BODY + BODY2 + BODY
    head = "当地政府加快建设农田水利设施，"
    text = "\n".join(
        [HEADER, "一座新桥通车", "本报记者 雷宇", long, head, "群众满意度不断提高，效果明显。"]
    )
    blocks = {text[b.start : b.end]: b for b in split_page(text)}
    assert blocks["群众满意度不断提高，效果明显。"].joins_previous


def test_a_dash_line_under_finished_text_is_its_source_not_a_title():
    quote = (
        "在少数民族地区内，都已经完成了民主改革，实现了人民公社化。他们真正是在一日千里地向前发展。"
    )
    source = "——周恩来总理在第二届全国人民代表大会第一次会议的“政府工作报告”"
    lead = "本报讯 今年5月1日是内蒙古自治区成立十二周年。十二年来，各族人民取得了巨大成就。"
    got = by_text(
        [
            HEADER,
            quote,
            source,
            "实行区域自治十二年 工农牧业生产大发展",
            "内蒙古跨进社会主义大道",
            lead,
            BODY,
        ]
    )
    assert got[source] == ("byline", 1)
    assert got["实行区域自治十二年 工农牧业生产大发展"] == ("kicker", 2)
    assert got["内蒙古跨进社会主义大道"] == ("headline", 2)
    # (a —— subheadline under its headline stays a subheadline)
    got = by_text([HEADER, "盛世中华赞", "——第九届全国运动会开幕式感怀", "本报记者 陈昭", BODY])
    assert got["——第九届全国运动会开幕式感怀"] == ("subheadline", 1)


def test_a_dateline_cut_from_its_lead_under_a_headline_opens_the_story():
    rest = "国务院副总理今天下午会见了日本第二次访华团全体成员，同客人进行了亲切友好的谈话。"
    lines = [HEADER, "一座新桥通车", "新华社北京四月十八日电 " + BODY, BODY2]
    lines += ["副总理会见日本访华团", "新华社北京四月十八日电", rest, BODY]
    text = "\n".join(lines)
    blocks = {text[b.start : b.end]: b for b in split_page(text)}
    assert blocks["副总理会见日本访华团"].role == "headline"
    assert blocks["副总理会见日本访华团"].article == 2
    assert blocks["新华社北京四月十八日电"].article == 2
    assert blocks[rest].joins_previous
    # (a dateline alone under the last sentence still closes its story)
    got = by_text(
        [
            HEADER,
            "一座新桥通车",
            "本报记者 雷宇",
            BODY,
            "新华社北京四月十八日电",
            "老街换新颜",
            BODY2,
        ]
    )
    assert got["新华社北京四月十八日电"] == ("byline", 1)
    assert got["老街换新颜"][1] == 2
