"""More evidence weighed at a paragraph boundary of a page whose paragraphs a column cut (issue 9,
section 1 "Joins"): general cues of a cut (a sentence end inside an open head, a figure cut
from its unit, a bracket left open, a determiner left without its noun, a conjunction that
opens no paragraph) and of no cut (a dash-led list item after a ``；`` item, a word of time
that opens a news paragraph under an open line). One behaviour a test; each fails without its
rule (checked against the rules before it).
"""

from __future__ import annotations

from annotator.split import split_page

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与其中。"
HEAD = ["全省春耕生产全面展开", "本报记者 张明"]


def blocks(lines: list[str]) -> dict[str, tuple[str, int | None, bool]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article, b.joins_previous) for b in split_page(text)}


def test_an_open_head_with_a_sentence_end_inside_under_a_headline_is_a_cut_lead():
    # The lead of an unsigned story, cut by a column right after a date's month: the head holds
    # a full stop and then stops open, as no standfirst under a headline does (a standfirst
    # that holds a sentence end ends with one too).
    head = "目前，我国首支新冠病毒疫苗已在多地开始对重点人群进行接种。截至2020年12月"
    rest = "31日，全省已接种208962剂次，未发生严重异常反应。" + BODY2
    got = blocks(["2021年1月4日  星期一  重点  第1版", "新冠病毒疫苗接种须知", head, rest, BODY])
    assert got[head][0] == "body"
    assert got[rest][:3] == ("body", 1, True)


def test_a_figure_cut_from_its_unit_joins():
    # …“九一八事变”91 / 周年纪念日: a paragraph opens with a figure's unit no more than with
    # its digits; …上午10时30分 / 许，: nor with the 许 that goes on after a time.
    for head, rest in [
        ("今年9月18日是九一八事变91", "周年纪念日，各地以多种形式举行纪念活动。" + BODY),
        ("上午10时30分", "许，在欢快的乐曲声中，大会正式开幕。" + BODY),
    ]:
        got = blocks([*HEAD, BODY, head, rest, BODY2])
        assert got[head][:3] == ("body", 1, False), head
        assert got[rest][:3] == ("body", 1, True), head
    # A measure word that opens a paragraph as a word of its own (多年来, 家住) after a title
    # ending on a year is no unit of it.
    for below in (
        "多年来，城南区坚持为民办实事。" + BODY,
        "家住城南区的王大爷说，变化真大。" + BODY,
    ):
        got = blocks([*HEAD, BODY, BODY2, "城南区民生实事2025", below, BODY])
        assert not got[below][2], below


def test_a_paragraph_opening_with_a_conjunction_of_two_names_continues_the_one_above():
    # …论坛 / 暨第十六届…: 暨 joins the names of one event and opens no paragraph.
    head = "第二届中国法治论坛"
    rest = "暨第十六届中国法学家论坛在深圳召开。" + BODY
    got = blocks([*HEAD, BODY, head, rest, BODY2])
    assert got[rest][:3] == ("body", 1, True)


def test_a_bracket_left_open_and_closed_below_joins():
    # …的通知》（以下 / 简称《通知》）。: the aside goes on in the paragraph below.
    head = "中共中央办公厅印发《关于开展学习教育的通知》（以下"
    rest = "简称《通知》），要求各地抓好落实。" + BODY2
    got = blocks([*HEAD, BODY, head, rest, BODY])
    assert got[head][:3] == ("body", 1, False)
    assert got[rest][:3] == ("body", 1, True)


def test_a_determiner_left_without_its_noun_joins():
    # …随着各项 / 宏观政策…, …每一段 / 故事…: the measure word waits for its noun.
    for head, rest in [
        ("今年以来，随着各项", "宏观政策继续发力显效，经济运行延续回升态势。" + BODY),
        ("每一份投稿都是时光的馈赠，每一段", "故事都是城市的注脚。" + BODY),
    ]:
        got = blocks([*HEAD, BODY, head, rest, BODY2])
        assert got[rest][:3] == ("body", 1, True), head
    # A figure with its measure word ends a title well: 我市新增公交线路十二条 is no cut head.
    title = "我市新增公交线路十二条"
    below = "记者从市交通运输局获悉，新线路将于下月开通运营。" + BODY
    got = blocks([*HEAD, BODY, BODY2, title, below, BODY2])
    assert not got[below][2]


def test_a_dash_led_item_after_an_item_ending_in_a_semicolon_is_no_join():
    # ——甲…； / ——乙…: items of a list set as paragraphs, each opened by a dash.
    first = "——石漠化被称为“地球之癌”，全省十个市饱受这样的“苦痛”；"
    second = "——“缺水、少土、石头缝里种苞谷”，一语道破石山群众生活的艰辛。"
    got = blocks([*HEAD, BODY, first, second, BODY2])
    assert got[second][:3] == ("body", 1, False)


def test_a_word_of_time_opening_the_paragraph_under_an_open_line_is_no_join():
    # An open line long for a title, without a sentence end, over 近日，… (a news paragraph's
    # opening): a heading left as body text, not the head of a cut paragraph.
    title = "城南区全面推进老旧小区改造，惠及居民一万余户街巷面貌焕然一新让群众得到了实惠"
    for opening in ("近日，", "日前，", "连日来，"):
        below = opening + "记者走进城南区多个村庄，看到一派繁忙景象。" + BODY2
        got = blocks([*HEAD, BODY, BODY2, title, below, BODY])
        assert got[below][:3] == ("body", 1, False), opening
    # … but a word of time goes on after a word that needs it (…截至 / 近日…): a cut.
    head = "城南区全面推进老旧小区改造，惠及居民一万余户，累计完成投资两亿元，数据截至"
    below = "近日，群众得到了实惠。" + BODY2
    got = blocks([*HEAD, BODY, BODY2, head, below, BODY])
    assert got[below][:3] == ("body", 1, True)


def test_a_short_head_opening_as_a_news_sentence_joins():
    # 截至1月2日，…; 18日上午，…; 习近平强调，…: a sentence of news text opens with when or
    # who said it before its first comma, a title does not; the short head is no title.
    for head, rest in [
        ("截至1月2日，全省新冠病毒疫苗", "已接种208962剂次，未发生严重异常反应。" + BODY),
        ("18日上午，黑龙江", "齐齐哈尔等多座城市拉响防空警报。" + BODY),
        ("习近平强调，以中国式现代化全面", "推进强国建设、民族复兴伟业。" + BODY),
    ]:
        got = blocks([*HEAD, BODY, BODY2, head, rest, BODY])
        assert got[rest][:3] == ("body", 1, True), head


def test_a_lead_opening_with_a_date_under_a_headline_is_cut_not_a_standfirst():
    # 18日上午，… / 今年9月18日是…: the first paragraph of an unsigned story, cut by a column
    # into an open line under the headline; a date opening a sentence is no standfirst.
    for head, rest in [
        ("18日上午，黑龙江省会哈尔滨", "等多座城市拉响防空警报，悼念遇难同胞。" + BODY),
        ("今年9月18日是九一八事变九十一周年纪念日，各地以多种形式举行", "纪念活动。" + BODY),
    ]:
        got = blocks(
            ["2022年9月19日  星期一  要闻  第1版", "各地举行活动纪念九一八事变", head, rest]
        )
        assert got[head][:3] == ("body", 1, False), head
        assert got[rest][:3] == ("body", 1, True), head
    # A headline that says from when new rules hold opens with a date too: it stays a headline.
    title = "1月1日起，这些新规正式施行"
    got = blocks(["2025年1月1日  星期三  要闻  第1版", title, BODY, BODY2])
    assert got[title][0] == "headline"


def test_two_phrases_set_apart_by_a_space_over_the_text_do_not_join_it():
    # A headline of two phrases side by side (…再不怕 …了) that the roles leave as body text:
    # running text sets no space between two Han characters, so it is no cut paragraph's head.
    title = "老街坊再不怕 雨天出门了"
    below = "昨日15时许，记者来到城南区幸福路社区，看到新修的排水管道已经投入使用。" + BODY
    got = blocks(["2013年3月16日  星期六  热线新闻  第18版", title, below, BODY2, BODY])
    assert got[below][:3] == ("body", 1, False)
    # … but a lead's dateline is set apart by a space, and a word runs on from it: a cut.
    head = "新华社北京9月25日电 砥砺奋进七十"
    rest = "载，天山南北绽新颜。" + BODY
    got = blocks(["2025年9月26日  星期五  要闻  第12版", "全省春耕生产全面展开", head, rest, BODY2])
    assert got[rest][2]
