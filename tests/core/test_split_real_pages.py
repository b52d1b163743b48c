"""More rules of the pre-split found on real newspaper pages (issue 9, second round).

The lines are invented for the tests, shaped like what real e-paper pages print: a page name
joined by a middle dot, a round table's roster of guests and its two-line intertitles, signed
articles after a round table that opened with an editors' note, a commentary's standfirst with
a full stop inside, and PDF-wrapped pages where a headline fills the column over its author.
"""

from __future__ import annotations

from annotator.split import split_page
from annotator.split.cues import roster_line
from annotator.split.shapes import is_page_header

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与。"
BODY3 = "今年以来，这个县先后修缮古桥九座，沿河步道连成一线，游客明显多了起来。"
BODY4 = "记者：年轻人为什么愿意回到乡村？他们的发展前景如何保障？这是大家关心的问题。"


def blocks_by_text(text: str) -> dict[str, tuple[str, int | None, bool]]:
    return {text[b.start : b.end]: (b.role, b.article, b.joins_previous) for b in split_page(text)}


def test_a_page_name_joined_by_a_middle_dot_is_part_of_the_page_header():
    assert is_page_header("2025年3月2日  星期日  新青年·特别报道  第15版")
    assert is_page_header("2025年3月2日  星期日  文化·旅游  第9版")
    text = "\n".join(["2025年3月2日  星期日  文化·旅游  第9版", "古镇迎来新游客", BODY, BODY2])
    got = blocks_by_text(text)
    assert got["2025年3月2日  星期日  文化·旅游  第9版"][0] == "other"
    assert got["古镇迎来新游客"][:2] == ("headline", 1)


ROSTER = [
    "对话嘉宾：",
    "王  明  某市农业农村局局长",
    "李建华  某大学经济学院教授",
    "张  芳  某县返乡创业协会会长",
]


def test_the_lines_of_a_roster_are_body_rows_that_continue_nothing():
    assert roster_line("王  明  某市农业农村局局长")
    assert roster_line("李建华  某大学经济学院教授")
    # a compound surname whose first character alone is none (上官, 令狐)
    assert roster_line("上官明  某院研究员")
    assert not roster_line("春风送暖  花开满城")  # two phrases, no surname: a headline's form
    text = "\n".join(["乡村振兴，青年何为（圆桌）", "本报记者  赵  磊", BODY, *ROSTER, BODY2])
    got = blocks_by_text(text)
    for line in ROSTER[1:]:
        assert got[line] == ("body", 1, False)


def test_a_topic_over_its_title_between_the_texts_of_a_round_table_is_one_intertitle():
    text = "\n".join(
        [
            "乡村振兴，青年何为（圆桌）",
            "本报记者  赵  磊",
            BODY,
            *ROSTER,
            "产业发展",
            "多给年轻人创业机会，拓宽乡村发展道路",
            BODY4,
            BODY2,
            "人才培养",
            "完善职业培训体系，畅通技能提升渠道",
            BODY3,
        ]
    )
    got = blocks_by_text(text)
    for line in ("产业发展", "多给年轻人创业机会，拓宽乡村发展道路", "人才培养"):
        assert got[line][:2] == ("intertitle", 1)
    assert got[BODY3][:2] == ("body", 1)


def test_a_signed_article_after_a_round_table_with_an_editors_note_opens_its_own_article():
    text = "\n".join(
        [
            "乡村振兴，青年何为（圆桌）",
            "本报记者  赵  磊",
            BODY,
            "——编  者",
            *ROSTER,
            BODY4,
            BODY2,
            "某县——",
            "返乡青年有了新舞台",
            "本报记者  钱  进",
            BODY3,
        ]
    )
    got = blocks_by_text(text)
    assert got["某县——"][:2] == ("kicker", 2)
    assert got["返乡青年有了新舞台"][:2] == ("headline", 2)
    assert got["本报记者  钱  进"][:2] == ("byline", 2)


def test_the_signed_pieces_right_under_an_editors_note_stay_one_article():
    text = "\n".join(
        [
            "青年眼中的乡村",
            BODY,
            "——编  者",
            "回到家乡才发现机会",
            "王  明",
            BODY2,
            "把课堂搬到田间地头",
            "李  芳",
            BODY3,
        ]
    )
    got = blocks_by_text(text)
    assert got["回到家乡才发现机会"][:2] == ("intertitle", 1)
    assert got["把课堂搬到田间地头"][:2] == ("intertitle", 1)
    assert got[BODY3][:2] == ("body", 1)


def test_a_standfirst_with_a_full_stop_inside_is_a_subheadline_and_the_text_stands_apart():
    # As long as a paragraph (longer than any title line), with a full stop inside.
    standfirst = (
        "城市的气质藏在细节里，也藏在街巷的烟火气中，藏在早点摊的蒸汽和老茶馆的笑声里。"
        "把老街的烟火气留下来，把居民的日子过舒心，让远道而来的人也愿意停下脚步，城市才能留得住人"
    )
    opening = "一座城，靠什么留住人？"
    text = "\n".join(
        [BODY3, "让老街留住烟火气（评论员观察）", "王  明", standfirst, opening, BODY, BODY2]
    )
    got = blocks_by_text(text)
    assert got["王  明"][:2] == ("byline", 2)
    assert got[standfirst][:2] == ("subheadline", 2)
    assert got[opening] == ("body", 2, False)


def test_the_cut_head_of_the_first_paragraph_under_a_byline_is_no_standfirst():
    # A column break cut 设施 in two: the line above the cut is the text's head, not a summary.
    head = "当地政府加快建设农田水利设"
    rest = "施，群众满意度不断提高。社区居民积极推进社区养老服务，志愿者上门服务。"
    text = "\n".join([BODY3, "让老街留住烟火气（评论员观察）", "王  明", head, rest, BODY2])
    got = blocks_by_text(text)
    assert got[head][0] == "body"
    assert got[rest] == ("body", 2, True)


def _wrapped(paragraph: str, width: int) -> list[str]:
    return [paragraph[k : k + width] for k in range(0, len(paragraph), width)]


def test_a_wrapped_page_keeps_a_headline_that_fills_the_column_apart_from_its_author():
    width = 16
    story = (BODY + BODY2) * 2
    headline = "修好家门口的古桥，谁来出钱？（新闻看法）"  # 20 characters: wider than the column
    lines = [
        *_wrapped(story, width),
        headline,
        "本报记者  王  明",
        *_wrapped(BODY3 * 3, width),
        "让老街留住烟火气（评论员观察）",
        "赵  磊",
        *_wrapped(BODY * 3, width),
    ]
    got = blocks_by_text("\n".join(lines))
    assert got[headline][:2] == ("headline", 2)
    assert got["本报记者  王  明"][:2] == ("byline", 2)
    assert got["赵  磊"][:2] == ("byline", 3)


def test_the_set_under_an_editors_note_ends_at_an_article_headed_otherwise():
    text = "\n\n".join(
        [
            "春日游乡村",
            BODY,
            "——编  者",
            "某县——",
            "采茶品茶，可玩可品",
            "本报记者  王  明",
            BODY2,
            "某市——",
            "赏花看戏，处处是景",
            "本报记者  李  芳",
            BODY3,
            "个体商户有了免费保险",
            "受益商户超过五万户",
            "本报记者  赵  磊",
            BODY,
        ]
    )
    got = blocks_by_text(text)
    assert got["某市——"][:2] == ("intertitle", 1)
    assert got["个体商户有了免费保险"][:2] == ("headline", 2)
    assert got["受益商户超过五万户"][:2] == ("subheadline", 2)
    assert got["本报记者  赵  磊"][:2] == ("byline", 2)


def test_a_kicker_that_lists_phrases_and_trails_off_heads_the_article_below():
    kicker = "刷脸支付、语音转账、远程开户、上门取件……"
    text = "\n".join(
        [BODY3, kicker, "新花样背后有哪些风险（民生一线）", "本报记者  王  明", BODY, BODY2]
    )
    got = blocks_by_text(text)
    assert got[kicker][:2] == ("kicker", 2)
    assert got["新花样背后有哪些风险（民生一线）"][:2] == ("headline", 2)


def test_a_line_that_opens_a_quotation_and_stops_is_no_headline_but_a_cut_paragraph():
    head = "“这项技术在新材料产业中应用"
    rest = "广泛，可用于电池、屏幕等领域。”李明说，这与产业安全息息相关。"
    text = "\n".join(["新材料走进课堂", "本报记者  王  明", BODY, head, rest, BODY2])
    got = blocks_by_text(text)
    assert got[head][:2] == ("body", 1)
    assert got[rest][:2] == ("body", 1)


def test_the_pieces_under_an_editors_note_paragraph_stay_in_its_article():
    text = "\n\n".join(
        [
            "到乡间去过冬天",
            "编者按：冬日的乡村旅游正红火，越来越多的人走进大自然。",
            "本版今起推出系列报道，一起去寻觅山水间的魅力。",
            "北方某村，冰雪资源、观星条件",
            "在雪地里体验原生态生活",
            "本报记者  王  明",
            BODY,
            "南方某村，温泉资源、康养产业",
            "在森林里感受温泉",
            "本报记者  李  芳",
            BODY2,
        ]
    )
    got = blocks_by_text(text)
    assert got["北方某村，冰雪资源、观星条件"][:2] == ("intertitle", 1)
    assert got["南方某村，温泉资源、康养产业"][:2] == ("intertitle", 1)
    assert got[BODY2][:2] == ("body", 1)


def test_a_bracketed_label_alone_after_text_is_an_intertitle_not_a_new_article():
    text = "\n".join(
        [
            BODY3,
            "为乡村种下科技（暖闻热评）",
            "王  明",
            "【故事】今年春节刚过，某研究所的研究员就来到边疆县城，开启新一年的帮扶之旅。",
            "【点评】",
            BODY,
            BODY2,
        ]
    )
    got = blocks_by_text(text)
    assert got["【点评】"][:2] == ("intertitle", 2)
    assert got[BODY][:2] == ("body", 2)
