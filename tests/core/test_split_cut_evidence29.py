"""Further evidence weighed where a column may have cut a paragraph (issue 9, session 29): a
sentence that opens with who speaks or when (老人说，…; 刚到村里的时候，…), an adverb left
without its verb (…越来越, …才), the particle 之 opening the text below (…表象 / 之下), a dash
or a date cut in two, and of no cut: a paragraph under a bracketed label alone (【专家观点】),
a notice's field line (地点：…). Each rule has a test of the join it finds and one of the
join it must not make. The text is invented.
"""

from __future__ import annotations

from annotator.split import split_page
from annotator.split.joins import assign_joins
from annotator.split.paragraphs import paragraph_layout
from annotator.split.shapes import shapes

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与其中。"
HEAD = ["全省春耕生产全面展开", "本报记者 张明"]


def blocks(lines: list[str]) -> dict[str, tuple[str, int | None, bool]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article, b.joins_previous) for b in split_page(text)}


def _cut(head: str, rest: str) -> dict[str, tuple[str, int | None, bool]]:
    return blocks([*HEAD, BODY, BODY2, head, rest, BODY])


def test_a_head_opening_with_who_speaks_or_when_joins():
    for head, rest in [
        ("村支书老周说，这几年村里变化", "特别大，路宽了，灯亮了。" + BODY2),
        ("刚到村里的时候，他发现", "很多农户还在用老办法种地。" + BODY2),
        ("昨天下午3点，记者来到", "城南区的一处建筑工地。" + BODY2),
    ]:
        got = _cut(head, rest)
        assert got[head][0] == "body", head
        assert got[rest][:3] == ("body", 1, True), head


def test_an_intertitle_opening_with_a_phrase_and_a_comma_stays_apart():
    # A 小标题 of two phrases (一条路，一座桥) is no sentence opening with who or when.
    title = "一条新路，连起两岸乡亲"
    got = blocks([*HEAD, BODY, BODY2, title, BODY, BODY2, "一座新桥，架起致富通道", BODY2])
    assert got[BODY][:3] == ("body", 1, False)
    assert got[title][0] == "intertitle"


def test_a_head_ending_on_an_adverb_without_its_verb_joins():
    for head, rest in [
        ("随着冷链物流的发展，越来越", "多的果农把鲜果卖到了外地。" + BODY2),
        ("这条公交线路开通一年，乘客才", "慢慢多了起来，如今天天满座。" + BODY2),
    ]:
        got = _cut(head, rest)
        assert got[head][0] == "body", head
        assert got[rest][:3] == ("body", 1, True), head


def test_a_title_ending_on_a_word_that_ends_in_such_an_adverb_stays_a_title():
    # 人才 ends in 才: a word of its own, no adverb waiting for its verb.
    title = "小县城留住了大人才"
    below = "近年来，城南区出台一系列政策吸引高校毕业生返乡创业。" + BODY
    got = blocks([*HEAD, BODY, BODY2, title, below, BODY2])
    assert got[below][:3] == ("body", 1, False)


def test_a_paragraph_opening_with_the_particle_zhi_continues_the_one_above():
    head = "在这片青山绿水的表象"
    rest = "之下，还藏着几代护林员的辛劳与坚守。" + BODY2
    got = _cut(head, rest)
    assert got[head][0] == "body"
    assert got[rest][:3] == ("body", 1, True)


def test_a_paragraph_opening_with_zhi_hou_under_a_title_stays_apart():
    # 之后，… opens a sentence (afterwards): no cut shows under a title.
    title = "一场春雨润田畴"
    below = "之后，农技人员走进田间地头，指导村民抢抓农时。" + BODY
    got = blocks([*HEAD, BODY, BODY2, title, below, BODY2])
    assert got[below][:3] == ("body", 1, False)


def test_a_dash_or_a_date_cut_in_two_joins():
    for head, rest in [
        ("一批科技企业负责人已提前抵达会场—", "—城南国际会展中心。" + BODY2),
        ("张华是这家合作社的带头人，2019年", "3月创办合作社，如今社员已有两百多户。" + BODY2),
    ]:
        got = _cut(head, rest)
        assert got[rest][:3] == ("body", 1, True), head


def test_a_month_under_a_line_ending_on_a_year_without_its_figure_stays_apart():
    # 百年 is no year of a date: 3月，… opens a paragraph of its own under the title.
    title = "老街区焕发新活力迎百年"
    below = "3月，城南区启动老街区改造，群众满意度不断提高。" + BODY
    got = blocks([*HEAD, BODY, BODY2, title, below, BODY2])
    assert got[below][:3] == ("body", 1, False)


def _joins(lines: list[str]) -> list[bool]:
    """The joins of ``lines`` read as body paragraphs of one article (whatever roles the
    groups would give them): the join rules alone."""
    text = "\n".join(lines)
    shaped = shapes(text, paragraph_layout(text)[0])
    roles = [("body", 1.0)] * len(shaped)
    articles = [(1, 1.0)] * len(shaped)
    return [joined for joined, _ in assign_joins(shaped, roles, articles, text)]


def test_a_paragraph_under_a_bracketed_label_alone_does_not_join_it():
    # 【专家观点】 / 要把…: the text the label names opens on its own (a label ends on a
    # bracket, which a paragraph a column cut may end on too: …（以下 / 简称…）).
    below = "要把稳就业放在更加突出的位置，多措并举拓宽就业渠道。"
    assert _joins([BODY, "【专家观点】", below, BODY2]) == [False, False, False, False]


def test_a_cut_head_opening_with_a_bracketed_label_still_joins():
    head = "【专家观点】当地政府加快建设农田水利设"
    rest = "施，推动各项工作落地见效。"
    assert _joins([BODY, head, rest, BODY2]) == [False, False, True, False]


def test_a_field_line_of_a_notice_does_not_join_the_text_below():
    # 地点：东湖大桥下 / photo credit / text: the value of a field is complete without a full
    # stop, whatever word the segmenter finds across it (下有).
    lines = ["城事街拍", "时间：3月6日上午", "地点：东湖大桥下", "拍摄者：本报记者 张明"]
    below = "有市民反映，公园东门的一处宣传栏长期无人打理，破损严重。" + BODY
    got = blocks(["2025年3月7日  星期五  城事  第3版", *lines, below])
    assert got[below][2] is False


def test_a_speakers_question_cut_by_a_column_still_joins():
    # A speaker and a colon is no field label: the head of a question a column cut.
    head = "记者：你们当初为什么想到要在"
    rest = "这里建设农田水利设施？" + BODY2
    got = _cut(head, rest)
    assert got[rest][:3] == ("body", 1, True)


HEADER = "2025年3月7日  星期五  城事  第3版"


def test_an_open_line_under_a_headline_opening_with_the_hour_is_a_cut_lead():
    # 昨天下午3点，…: a lead opens with the hour, no standfirst does.
    head = "昨天下午3点，记者来到"
    rest = "城南区的一处建筑工地，看到工人们正忙着施工。" + BODY2
    got = blocks([HEADER, "城南老街迎来改造", head, rest, BODY])
    assert got[head][:3] == ("body", 1, False)
    assert got[rest][:3] == ("body", 1, True)


def test_a_standfirst_saying_from_when_stays_a_standfirst():
    standfirst = "昨日起，老街改造工程正式启动"
    got = blocks([HEADER, "城南老街迎来改造", standfirst, BODY, BODY2])
    assert got[standfirst][0] == "subheadline"
    assert got[BODY][2] is False


def test_a_head_ending_on_a_verb_of_coming_joins():
    # …不时有市民前来 / 咨询…: 前来 needs what the comer comes for.
    head = "活动当天，不时有市民前来"
    rest = "咨询办理相关业务，现场秩序井然。" + BODY2
    got = _cut(head, rest)
    assert got[rest][:3] == ("body", 1, True)


def test_a_title_ending_on_a_word_of_time_to_come_stays_apart():
    title = "携手奔向美好未来"
    below = "近日，城南区举办邻里节活动。" + BODY2
    got = blocks([*HEAD, BODY, BODY2, title, below, BODY])
    assert got[title][0] == "intertitle"
    assert got[below][2] is False


def test_a_head_ending_on_the_copula_a_verb_of_saying_or_a_modal_joins():
    for head, rest in [
        ("扩大消费的另一个重要方面是", "提升服务质量，让群众买得放心。" + BODY2),
        ("这几年我们做的很多事情都是", "在解决群众的急难愁盼问题。" + BODY2),
        ("警方调查发现，一些不法分子宣称", "可以免费领取礼品，借机骗取个人信息。" + BODY2),
        ("这项新技术让市民能够", "随时查询公交车的到站时间。" + BODY2),
    ]:
        got = _cut(head, rest)
        assert got[head][0] == "body", head
        assert got[rest][:3] == ("body", 1, True), head


def test_a_head_that_opens_a_correlative_pair_and_stops_joins():
    for head, rest in [
        ("在城南博物馆，游客不仅能欣赏", "古代珍品，还能亲手体验制陶。" + BODY2),
        ("虽然城南区并无丰沛的天然", "水资源，但节水工作走在前列。" + BODY2),
    ]:
        got = _cut(head, rest)
        assert got[rest][:3] == ("body", 1, True), head


def test_titles_ending_on_a_word_with_the_copula_or_closing_their_pair_stay_apart():
    below = "近年来，城南区出台一系列政策吸引高校毕业生返乡创业。" + BODY
    for title in ("坚持实事求是", "老街不仅是看点更是亮点"):
        got = blocks([*HEAD, BODY, BODY2, title, below, BODY2])
        assert got[below][:3] == ("body", 1, False), title
