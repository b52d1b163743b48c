"""Evidence for joins and the headings they hinge on, on real pages (issue 9, section 1): cues
found from the misses of the rules on a one-paper development set (人民日报, session 31). The
text is invented.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page
from annotator.split.joins import assign_joins
from annotator.split.paragraphs import Layout, paragraph_layout
from annotator.split.shapes import shapes
from tests.core.test_split_wrap import FULL_END, P1, P3, P4, P5, WIDTH, wrapped

HEAD = ["代表履职：把群众的事办实办好", "本报记者  张  明"]
BODY = [
    "今年全国两会前，他走访了十多个乡镇，收集到群众意见建议五十多条，整理成三份建议。",
    "“这些意见都是从田间地头来的，每一条都要认真对待。”他说，履职就要多听群众的声音。",
    "据了解，当地已建成便民服务网点三百余处，惠及上万户家庭，群众满意度不断提高。",
]
# A paragraph a column cut after a comma: the page shows column cuts.
CUT_ELSEWHERE = ["村里的老人们说，", "这几年的变化一年比一年大，日子越过越红火。"]
REST = "今年58岁的他，在农业科研一线工作了三十多年，培育出多个优质高产的新品种，受到广泛欢迎。"


def roles(text: str) -> dict[str, tuple[str, bool]]:
    return {text[b.start : b.end]: (b.role, b.joins_previous) for b in split_page(text)}


def test_a_bulleted_label_over_a_title_line_between_texts_is_an_intertitle():
    # ■记者手记 over the piece's own title, between the story's paragraphs: a 小标题 of two
    # lines, the label and its title; neither is text, and the paragraph under them starts.
    for title in ("“人大代表就要为群众办实事”", "努力让老手艺后继有人"):
        text = "\n".join([*HEAD, *BODY, "■记者手记", title, REST, *BODY])
        got = roles(text)
        assert got["■记者手记"] == ("intertitle", False)
        assert got[title] == ("intertitle", False)
        assert got[REST] == ("body", False)


def test_a_bulleted_line_over_a_title_with_its_own_byline_heads_a_story():
    # a byline under the title: a story of its own, not a 小标题 of the one above
    title = "努力让老手艺后继有人"
    text = "\n".join([*HEAD, *BODY, "■记者手记", title, "本报记者  李  华", REST, *BODY])
    assert roles(text)[title][0] != "intertitle"


# A lead whose dateline fills the first line but one character, then two spaces: the wrap
# falls between the spaces, so one ends the line and the other opens the next.
LEAD = "本报乌鲁木齐12月18日电  （记者张三）当地政府加快建设农田水利设施，群众满意度不断提高。"
LEAD2 = "本报乌鲁木齐12月19日电  （记者李四）合作社大力发展特色产业园区，企业订单明显增加。"


def test_a_space_wrapped_onto_the_next_line_is_no_indent():
    assert wrapped(LEAD)[0].endswith("电 ") and wrapped(LEAD)[1].startswith(" （")
    # (each lead under its headline: a dateline alone after a sentence would close a story)
    pars = ("农田水利建设提速", LEAD, FULL_END, P3, P4, "特色产业园区见实效", LEAD2, P5, P1, P3)
    text = "\n".join(line for par in pars for line in wrapped(par))
    got, layout = paragraph_layout(text)
    # the page leaves its first lines the dropped indent's room: it does not indent
    assert layout == Layout(WIDTH, 2, False)
    assert [text[a:b].replace("\n", "").replace("电 （", "电  （") for a, b in got] == list(pars)


def test_an_indent_still_counts_after_a_line_without_trailing_space():
    pars = (P1, FULL_END, P3, P4, P5, P1, P3)
    text = "\n".join(
        ("\u3000\u3000" if k == 0 else "") + line
        for par in pars
        for k, line in enumerate(wrapped(par))
    )
    _, layout = paragraph_layout(text)
    assert layout.indented


def joins(text: str) -> dict[str, bool]:
    """Every paragraph read as body text of one article (as a heading the roles missed is),
    and whether the joins join it to the one above."""
    ranges, layout = paragraph_layout(text)
    shaped = shapes(text, ranges)
    roles = [("body", 1.0)] * len(shaped)
    articles = [(1, 1.0)] * len(shaped)
    got = assign_joins(shaped, roles, articles, text, layout)
    return {text[a:b]: j for (a, b), (j, _) in zip(ranges, got, strict=True)}


def test_a_short_title_line_that_closes_its_quotes_does_not_join_the_text_under_it():
    # a 小标题 naming phrases in quotes, left as body text: no sentence end, every quotation
    # closed, short against the page's paragraphs; the question under it opens a paragraph
    title = "建好人才“蓄水池”，用好创新“加速器”"
    below = "当机器狗装上智慧大脑，能干什么？在展厅里，工作人员演示了它巡检、搬运的本领，引来不少观众驻足。"
    text = "\n".join([*HEAD, *BODY, title, below, *BODY])
    assert joins(text)[below] is False


def test_a_long_paragraph_cut_right_after_a_closing_quote_still_joins():
    # as long as a usual paragraph: a sentence cut by a column after a quoted phrase (on a
    # page whose columns cut another paragraph too, after a comma: on a page where no cut
    # shows anywhere such a weak join is undone, see test_split_joins34)
    head = BODY[0] + "大家都说，这是一个“看得见、摸得着的好项目”"
    rest = "让群众在家门口就能享受到便利的服务，大家的满意度也在不断提高。"
    text = "\n".join([*HEAD, *BODY, head, rest, *BODY, *CUT_ELSEWHERE])
    assert joins(text)[rest] is True


def test_a_short_label_ending_in_a_colon_does_not_join_what_it_announces():
    # a paragraph of a few words and a colon (a column cut leaves a printed line at least)
    below = "我是一名初二学生，平时喜欢读书，可总是读得很慢，记不住内容，请问有什么好办法？"
    text = "\n".join([*BODY, "小读者提问：", below, *BODY])
    assert joins(text)[below] is False
    # a longer clause before the colon is a sentence cut by a column as much as a label
    head = "他们在走访中发现，不少群众反映："
    assert joins("\n".join([*BODY, head, below, *BODY]))[below] is True


def test_a_clause_that_counts_the_steps_below_announces_them():
    head = BODY[0] + "专家提醒，消费者选购家电时可以参考以下5个步骤："
    item = "一看渠道、品牌，尽量选择正规商场和官方店铺，保留好购物凭证。"
    assert joins("\n".join([*BODY, head, item, *BODY]))[item] is False
    head = BODY[0] + "专家提醒，消费者选购家电时可以参考5个步骤："
    assert joins("\n".join([*BODY, head, item, *BODY]))[item] is False


def test_a_title_of_parallel_clauses_does_not_join_the_paragraph_under_it():
    # three clauses, the first two of one build: a 小标题 left as body text
    below = "研究古老的语言，除了口耳相传，还能找到新办法、新思路吗？学者们给出了自己的答案。"
    for title in (
        "利用信息技术，创新研究方法，为语音语调画出图谱",
        "住窑洞帐篷，寻发音合作人，在田野调查中建档案",
    ):
        text = "\n".join([*BODY, title, below, *BODY])
        assert joins(text)[below] is False


def test_a_head_of_clauses_of_unlike_build_still_joins():
    # 记者了解到 / 该项目总投资50亿元 / 建成后: running text a column cut, no title's pairs
    head = "记者了解到，该项目总投资50亿元，建成后将带动周边"
    rest = "上千户群众就业增收，成为当地经济发展的新引擎。"
    text = "\n".join([*BODY, head, rest, *BODY])
    assert joins(text)[rest] is True


def test_a_title_ending_on_a_noun_whose_last_character_is_a_particle_is_a_title():
    # 成就, 导向, 方向 end on characters no title stops on as words alone (就, 向); as the
    # segmenter reads them they are nouns, and the line a 小标题 over the text
    pytest.importorskip("jieba")
    below = "新时代以来，我国新能源产业快速发展，装机规模稳居世界第一，为能源转型提供了有力支撑。"
    for title in (
        "我国新能源发展取得显著成就",
        "突出推动发展的实践导向",
        "坚持高质量发展的正确方向",
    ):
        text = "\n".join([*HEAD, *BODY, title, below, *BODY])
        assert roles(text)[title] == ("intertitle", False)
        assert joins(text)[below] is False


def test_a_line_ending_on_a_particle_alone_is_still_a_cut_head():
    # …取得了 / 显著成效: the particle stands alone, the line runs on into the text below
    head = "近年来，当地坚持生态优先，在治沙工作中取得了"
    rest = "显著成效，沙化土地面积持续减少，群众收入稳步增长。"
    text = "\n".join([*HEAD, *BODY, head, rest, *BODY])
    assert joins(text)[rest] is True
    assert split_page(text)[len(HEAD) + len(BODY)].role == "body"


def test_a_wrapped_quotation_ending_short_of_the_column_does_not_join_the_next():
    # a quoted 小标题 wider than the column, its last line short: a column ends full, so no
    # column cut it; the paragraph under it starts (its closing quote alone joined)
    title = "“防沙治沙的目的，就是让荒漠的地方恢复原貌”"
    lines_ = wrapped(title)
    assert len(lines_) == 2 and len(lines_[-1]) < WIDTH - 1
    text = "\n".join(
        line for par in (P1, FULL_END, P3, title, P4, P5, P1, P3) for line in wrapped(par)
    )
    assert paragraph_layout(text)[1].width == WIDTH
    assert joins(text)["\n".join(wrapped(P4))] is False


def test_a_name_alone_neither_continues_nor_is_continued():
    # a commentary's headline and author left as body text: the name is no column's line
    title = "绿色发展理念：人类发展观的“术语革命”（原创性概念纵横谈）"
    below = "习近平总书记指出，绿水青山就是金山银山。这一理念深刻揭示了发展与保护的辩证关系。"
    text = "\n".join([*BODY, title, "王海涛", below, *BODY])
    got = joins(text)
    assert got["王海涛"] is False
    assert got[below] is False


def test_a_long_open_heading_over_who_says_what_follows_does_not_join():
    # a long 小标题 (too long for a title's length) over a paragraph opening with who says
    # what follows and a colon, as a theory page's paragraphs do
    heading = "以绿色发展理念为指引，建设人与自然和谐共生的现代化，开创人类文明新形态"
    below = "习近平总书记指出：“人类发展活动必须尊重自然、顺应自然、保护自然。”这为我们指明了方向。"
    text = "\n".join([*BODY, heading, below, *BODY])
    assert joins(text)[below] is False
    # a quotation left open above is a paragraph a column cut, whatever opens below
    head = "习近平总书记指出：“人类发展活动"
    assert joins("\n".join([*BODY, head, below, *BODY]))[below] is True


# A paragraph whose first line (two short of the column) happens to end a sentence.
FIRST_ENDS = "为什么是杭州？杭州位居首位。记者走访了多家企业，了解到其中的原因，企业负责人纷纷表示看好发展前景。"


def test_a_first_line_ending_a_sentence_over_a_full_line_starts_its_paragraph():
    # after a full line ending in 。 a line as short as a first line may close a paragraph
    # too; over a line that fills the column it cannot (the next first line would be short)
    first = wrapped(FIRST_ENDS)
    assert len(first[0]) == WIDTH - 2 and first[0].endswith("。") and len(first[1]) == WIDTH
    pars = (P1, FULL_END, FIRST_ENDS, P3, P4, P5, P1)
    text = "\n".join(line for par in pars for line in wrapped(par))
    got, layout = paragraph_layout(text)
    assert layout.room == 2
    assert [text[a:b].replace("\n", "") for a, b in got] == list(pars)


def test_a_quotation_set_off_under_its_colon_does_not_join():
    head = BODY[0] + "一家企业的负责人和外贸伙伴沟通的消息不停："
    quote = "“锅具在国外按套装售卖，与国内消费习惯不同，怎么办？”"
    assert joins("\n".join([*BODY, head, quote, *BODY]))[quote] is False
    # a paragraph that goes on after the quotation is the rest of a cut one
    rest = "“锅具在国外按套装售卖，怎么办？”他说，这是大家最关心的问题。"
    assert joins("\n".join([*BODY, head, rest, *BODY]))[rest] is True
