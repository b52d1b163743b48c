"""Stacked intertitles: a short topic line over its title, three or more in one story (issue 9).

Real papers set a 小标题 as a topic over a title (缘起—— / 老街改造，难在资金上), a short
phrase over a clause, or a lone number over a question and a clause. Each line alone reads as
a paragraph cut by a column; a series of alike units between the finished paragraphs of one
signed story shows they are its intertitles. The pages are invented.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务，效果明显。"
HEAD = ["多措并举推进老街改造", "本报记者  张  明", BODY]


def view(lines: list[str]) -> dict[str, tuple[str, int | None, bool]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article, b.joins_previous) for b in split_page(text)}


def stacked(units: list[list[str]]) -> list[str]:
    out = list(HEAD)
    for unit in units:
        out += [*unit, BODY, BODY]
    return out


DASHED = [
    ["缘起——", "老街改造，难在资金上"],
    ["破题——", "多方筹资，让老房子焕新"],
    ["成效——", "街区活了，居民笑了"],
]
PHRASED = [
    ["资金难题", "老旧街区改造资金缺口大，社会资本参与意愿不强，群众自筹能力有限"],
    ["管理难题", "改造完成后长效管理机制缺位，公共空间维护责任不清，设施损坏无人修"],
    ["规划难题", "部分街区改造缺乏整体规划，业态同质化严重，历史风貌保护不够到位"],
]
NUMBERED = [
    ["1", "老街为何难改？", "资金缺口大，群众自筹能力有限"],
    ["2", "钱从哪里来？", "政府引导、社会参与，多方筹集改造资金"],
    ["3", "改完怎么管？", "建立长效机制，让街区管得好、留得住"],
]


@pytest.mark.parametrize("units", [DASHED, PHRASED, NUMBERED], ids=["dash", "phrase", "number"])
def test_a_series_of_stacked_intertitles_are_intertitles_of_the_story(units):
    got = view(stacked(units))
    for unit in units:
        for line in unit:
            assert got[line] == ("intertitle", 1, False)
    assert got["多措并举推进老街改造"][0] == "headline"


def test_the_paragraph_under_a_stacked_intertitle_does_not_join_it():
    lines = stacked(DASHED)
    text = "\n".join(lines)
    blocks = split_page(text)
    after = [b for b in blocks if text[b.start : b.end] == BODY]
    assert after and not any(b.joins_previous for b in after)


def test_a_title_the_cut_word_cue_took_for_a_cut_head_is_taken_back_by_the_series():
    # 卡在了审批上 | 去年初… segments as 上去: the word cue alone reads a column cut.
    units = [
        ["起因——", "期盼已久的电梯安装，卡在了审批上"],
        ["调查——", "文件规定跟群众需求脱节，修改迫在眉睫"],
        ["化解——", "办理一案、规范一片，从源头上预防纠纷"],
    ]
    lines = list(HEAD)
    for unit in units:
        lines += [*unit, "去年初，该小区居民提出的一份增设电梯的申请，却在审批环节卡了壳。", BODY]
    got = view(lines)
    assert got["期盼已久的电梯安装，卡在了审批上"] == ("intertitle", 1, False)


def test_two_stacked_units_are_no_series():
    got = view(stacked(DASHED[:2]))
    assert got["老街改造，难在资金上"][0] != "intertitle"


def test_a_cut_head_under_numbered_intertitles_stays_body():
    lines = list(HEAD)
    for k, title in enumerate(["一、老街有方", "二、资金有道", "三、管理有序"]):
        # a numbered intertitle, then a paragraph cut by a column inside 设|施
        lines += [title, f"第{k + 1}个街区加快建设农田水利设", "施，群众满意度不断提高。", BODY]
    got = view(lines)
    assert got["一、老街有方"] == ("intertitle", 1, False)
    assert got["第1个街区加快建设农田水利设"][0] == "body"


QUESTIONS = [
    ["一问：老街改造钱从哪里来？", "政府引导、社会参与，多方筹集改造资金，让老房子焕新"],
    ["二问：改造完成后由谁来管？", "建立长效管理机制，明确公共空间维护责任，让街区留得住"],
    ["三问：历史风貌如何保护好？", "坚持整体规划，一街一策，避免业态同质化和大拆大建"],
]


def test_a_question_over_its_answer_may_be_a_longer_topic():
    # the topics are 13 characters, over the short topic's 10: a question ends what it asks
    got = view(stacked(QUESTIONS))
    for unit in QUESTIONS:
        for line in unit:
            assert got[line] == ("intertitle", 1, False)


def test_a_long_topic_that_asks_nothing_is_no_stacked_intertitle():
    units = [[q.replace("？", "") + "的", a] for q, a in QUESTIONS]
    got = view(stacked(units))
    assert got[units[0][1]][0] != "intertitle"


def test_a_cut_head_under_one_unit_leaves_the_series_of_two_line_units():
    # a column cut the paragraph under the last 小标题 (…这款新能源车 / 价格实惠…): its head
    # stands as a third short line, the word running across into the rest; the other units
    # say a unit has two lines, so it goes with the text, and the series stays
    units = [
        ["一问：消费体验如何刷新？", "打破业态界限，推动跨界融合，创造全新的消费场景"],
        ["二问：传统消费如何焕新？", "注重个性化、时尚化，增强青年人群体消费黏性"],
        ["三问：供给体系如何创新？", "用好科技关键驱动力，推动消费方式全面升级"],
    ]
    lines = list(HEAD)
    for unit in units[:2]:
        lines += [*unit, BODY, BODY]
    lines += [
        *units[2],
        "“用手机就可以开关灯，再也不用担心出门忘关灯",
        "了。”近日，北京市民王女士说。",
        BODY,
    ]
    got = view(lines)
    for unit in units:
        for line in unit:
            assert got[line] == ("intertitle", 1, False)
    assert got["“用手机就可以开关灯，再也不用担心出门忘关灯"][:2] == ("body", 1)


def test_a_question_opening_the_text_under_a_unit_leaves_the_series_of_two_line_units():
    # 2 / 住窑洞帐篷，寻发音合作人… / 研究语言，只靠啃书本，可以吗？: the text under two of the
    # numbered 小标题 opens with a question of its own, title-shaped; the series says a unit
    # has two lines, so the question is the text's (and no second line of the 小标题)
    units = [
        ["1", "走访千家万户，建起方言语音档案库"],
        ["2", "住帐篷进牧区，寻找合适的发音合作人"],
        ["3", "利用信息技术，为语音语调画出“心电图”"],
    ]
    questions = [
        "研究语言，只靠啃书本，可以吗？",
        "研究古老的语言，除了口耳相传，还能找到新办法、新思路吗？",
    ]
    lines = list(HEAD)
    lines += [*units[0], BODY, BODY]
    lines += [*units[1], questions[0], BODY, BODY]
    lines += [*units[2], questions[1], BODY, BODY]
    got = view(lines)
    for unit in units:
        for line in unit:
            assert got[line] == ("intertitle", 1, False)
    for q in questions:
        assert got[q][:2] == ("body", 1)


def test_numbers_of_two_digits_over_the_titles_are_part_of_them():
    units = [[f"1{k}", *unit[1:]] for k, unit in enumerate(NUMBERED)]
    got = view(stacked(units))
    for unit in units:
        for line in unit:
            assert got[line] == ("intertitle", 1, False)


def test_a_cut_head_under_each_stacked_intertitle_is_left_out_of_it():
    # three lines a unit (a number, a question, a title), then the head of a paragraph a
    # column cut inside 设|施: a fourth line read as the cut head, not as part of the unit
    lines = list(HEAD)
    for k, unit in enumerate(NUMBERED):
        lines += [*unit, f"第{k + 1}个街区加快建设农田水利设", "施，群众满意度不断提高。", BODY]
    got = view(lines)
    for unit in NUMBERED:
        for line in unit:
            assert got[line] == ("intertitle", 1, False)
    assert got["第1个街区加快建设农田水利设"] == ("body", 1, False)
    assert got["施，群众满意度不断提高。"] == ("body", 1, True)
