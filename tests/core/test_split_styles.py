"""Rules of the pre-split found on further newspaper styles (issue 9, ``bench/structure_styles.py``).

Each test holds one general cue: bylines that end in 文/图, lines wider than a hard-wrapped
column, column names over a commentary's headline, 引题/主题/副题 stacks, 编者按 notes in the
title group, paragraphs that begin with punctuation, tables of figures, intertitles with
punctuation inside, bracketed intertitles.
"""

from __future__ import annotations

from annotator.split import split_page

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与。"


def roles(text: str) -> list[tuple[str, str, int | None, bool]]:
    return [(text[b.start : b.end], b.role, b.article, b.joins_previous) for b in split_page(text)]


def by_text(text: str) -> dict[str, tuple[str, int | None, bool]]:
    return {t: (r, a, j) for t, r, a, j in roles(text)}


def test_a_byline_ending_in_text_and_photos_by_is_a_byline():
    text = "\n".join(["全省春耕生产全面展开", "□记者 周婷 文/图", BODY])
    assert by_text(text)["□记者 周婷 文/图"] == ("byline", 1, False)


def _wrapped(par: str, width: int) -> list[str]:
    return [par[k : k + width] for k in range(0, len(par), width)]


def test_a_line_wider_than_a_hard_wrapped_column_stands_alone():
    # A page header and a headline set across the columns are wider than the column.
    width = 16
    header = "A20 社会 2025年10月24日 星期五 责编 马丽 美编 周婷"
    head = "科研团队大力推广中小学课后服务，乡村振兴让群众得到了实惠"
    lines = [header, *_wrapped(BODY * 2, width), head, "本报记者 张明", *_wrapped(BODY2 * 2, width)]
    got = by_text("\n".join(lines))
    assert got[header] == ("other", None, False)
    assert got[head][:2] == ("headline", 2)
    assert got["本报记者 张明"] == ("byline", 2, False)


def test_a_short_column_name_below_body_text_is_the_kicker_of_the_next_article():
    text = "\n".join(
        [
            "全省春耕生产全面展开",
            "本报记者 张明",
            BODY,
            BODY2,
            "今日谈",
            "让古村落活起来",
            "本报评论员",
            BODY,
        ]
    )
    got = by_text(text)
    assert got["今日谈"] == ("kicker", 2, False)
    assert got["让古村落活起来"] == ("headline", 2, False)
    assert got[BODY2] == ("body", 1, False)


def test_a_short_line_under_the_page_header_is_still_a_page_label():
    text = "\n".join(
        ["2025年1月5日 星期日 第4版", "要闻", "全省春耕生产全面展开", "本报记者 张明", BODY]
    )
    got = by_text(text)
    assert got["要闻"] == ("other", None, False)
    assert got["全省春耕生产全面展开"] == ("headline", 1, False)


def test_three_unmarked_title_lines_are_kicker_headline_and_subheadline():
    text = "\n".join(
        [
            "家门口建起共享菜园 居民从旁观者变身参与者",
            "小菜园种出大和谐",
            "社区居民积极推进社区养老服务",
            "记者 张明 通讯员 李华",
            BODY,
        ]
    )
    assert [r for _, r, _, _ in roles(text)] == [
        "kicker",
        "headline",
        "subheadline",
        "byline",
        "body",
    ]


def test_an_editors_note_under_the_headline_stays_in_the_article_head():
    note = "编者按：" + BODY
    text = "\n".join(["全省春耕生产全面展开", note, "本报记者 张明", BODY2])
    got = by_text(text)
    assert got["全省春耕生产全面展开"] == ("headline", 1, False)
    assert got[note] == ("body", 1, False)
    assert got["本报记者 张明"] == ("byline", 1, False)


def test_a_paragraph_beginning_with_a_comma_continues_the_one_above_which_is_no_headline():
    text = "\n".join(
        [
            "全省春耕生产全面展开",
            "本报记者 张明",
            BODY,
            "（上接第1版）",
            "8月15日，外贸企业稳步推动老旧小区改造。据统计，成都已建成防汛抗旱准备177处",
            "，企业订单明显增加。",
        ]
    )
    got = by_text(text)
    first = "8月15日，外贸企业稳步推动老旧小区改造。据统计，成都已建成防汛抗旱准备177处"
    assert got[first] == ("body", 2, False)
    assert got["，企业订单明显增加。"] == ("body", 2, True)


def test_intertitles_with_a_comma_or_a_space_between_body_paragraphs_are_intertitles():
    first, second = "着力打造智能制造产线，企业订单明显增加", "稳步推动老旧小区改造 口袋公园见实效"
    text = "\n".join(["全省春耕生产全面展开", "本报记者 张明", BODY, first, BODY2, second, BODY])
    got = by_text(text)
    assert got[first] == ("intertitle", 1, False)
    assert got[second] == ("intertitle", 1, False)
    assert got[BODY2] == ("body", 1, False)  # no join across an intertitle


def test_one_line_with_a_comma_between_paragraphs_stays_body_text():
    # As likely the head of a paragraph cut by a column break as an intertitle.
    cut = "今年以来，武汉加快建设职业技能"
    text = "\n".join(["全省春耕生产全面展开", "本报记者 张明", BODY, cut, "培训。" + BODY2])
    got = by_text(text)
    assert got[cut] == ("body", 1, False)
    assert got["培训。" + BODY2] == ("body", 1, True)


def test_intertitles_of_very_different_length_are_not_one_series():
    # 春耕有方 and 夜经济有方 are intertitles; the long line is a paragraph cut in two.
    cut = "年轻人统筹安排生态修复工程，带动"
    text = "\n".join(
        [
            "全省春耕生产全面展开",
            "本报记者 张明",
            BODY,
            "春耕有方",
            BODY2,
            cut,
            "了周边村民增收。",
            "夜经济有方",
            BODY,
        ]
    )
    got = by_text(text)
    assert got["春耕有方"][0] == got["夜经济有方"][0] == "intertitle"
    assert got[cut] == ("body", 1, False)
    assert got["了周边村民增收。"] == ("body", 1, True)


def test_a_bracketed_tag_alone_between_paragraphs_is_an_intertitle():
    text = "\n".join(
        ["全省春耕生产全面展开", "记者 张明 通讯员 李华", BODY, "【记者现场手记】", BODY2]
    )
    assert by_text(text)["【记者现场手记】"] == ("intertitle", 1, False)


def test_a_column_name_with_a_role_word_is_no_byline():
    text = "\n".join(
        [
            "全省春耕生产全面展开",
            "本报记者 张明",
            BODY,
            "记者调查",
            "让数字乡村走进千家万户",
            "本报评论员",
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["记者调查"] == ("kicker", 2, False)
    assert got["让数字乡村走进千家万户"] == ("headline", 2, False)
    assert by_text("\n".join(["全省春耕生产全面展开", "记者张明", BODY]))["记者张明"][0] == "byline"


def test_a_short_unfinished_line_after_a_full_line_ending_a_sentence_is_a_title():
    width = 16
    par = (BODY * 2)[: width * 5 - 1] + "。"  # the last line is full and ends a sentence
    lines = [
        *_wrapped(par, width),
        "老旧小区改造跑出加速度",
        "本报记者 周婷",
        *_wrapped(BODY2 * 2, width),
    ]
    got = by_text("\n".join(lines))
    assert got["老旧小区改造跑出加速度"] == ("headline", 2, False)


def test_a_bracketed_byline_after_a_full_wrapped_line_stands_alone():
    width = 16
    par = (BODY * 2)[: width * 5 - 1] + "。"
    lines = [*_wrapped(par, width), "（本报记者 许晴）", *_wrapped(BODY2 * 2, width)]
    got = by_text("\n".join(lines))
    assert got["（本报记者 许晴）"] == ("byline", 1, False)


def test_the_rows_of_a_table_of_figures_are_body_paragraphs_that_do_not_join():
    rows = ["指标 数值 同比", "营业收入 346.5亿元 +5.5%", "净利润 78.1亿元 -8.6%"]
    text = "\n".join(["全省春耕生产全面展开", "本报记者 张明", BODY, "主要指标", *rows, BODY2])
    got = by_text(text)
    assert [got[r] for r in rows] == [("body", 1, False)] * 3
    assert got["主要指标"] == ("intertitle", 1, False)


def test_a_bracketed_tag_above_a_cut_paragraph_is_still_an_intertitle():
    text = "\n".join(
        [
            "全省春耕生产全面展开",
            "本报记者 张明",
            BODY,
            "【声音】",
            "11月19日，商务部门扎",
            "实推进社区养老服务。",
        ]
    )
    got = by_text(text)
    assert got["【声音】"] == ("intertitle", 1, False)
    assert got["实推进社区养老服务。"] == ("body", 1, True)


def test_one_intertitle_of_two_parallel_phrases_is_an_intertitle():
    line = "坚持创新驱动，激发发展活力"
    text = "\n".join(["全省春耕生产全面展开", "本报记者 张明", BODY, line, BODY2])
    got = by_text(text)
    assert got[line] == ("intertitle", 1, False)
    assert got[BODY2] == ("body", 1, False)


_NO_LINE_START = "，。、；：”）"


def _typeset(par: str, width: int, indent: str = "") -> list[str]:
    """Lines of a column ``width`` wide; punctuation hangs at the end of a line."""
    out, k = [], 0
    while k < len(par):
        end = k + width - (len(indent) if k == 0 else 0)
        if end < len(par) and par[end] in _NO_LINE_START:
            end += 1
        out.append((indent if k == 0 else "") + par[k:end])
        k = end
    return out


# Paragraphs whose last line is short of the column in the tests below (a last line that
# fills the column cannot be told from a line in the middle of a paragraph).
PARS = [BODY2 * 3, BODY2 + BODY, BODY + BODY2, BODY2 * 2]
PARS_INDENTED = [BODY * 2, BODY * 3, BODY2 + BODY, BODY + BODY2]


def test_hanging_punctuation_does_not_widen_the_column_of_a_wrapped_page():
    # Lines with a hanging ，or 。 are one longer than the column; a line one short of the
    # longer length is still a full line, not a paragraph's last.
    heads = ["全省春耕生产全面展开大江南北齐", "社区居民积极推进社区养老服务站"]  # 15 characters
    text = "\n".join(heads + [line for par in PARS for line in _typeset(par, 13)])
    got = [(text[b.start : b.end].replace("\n", ""), b.joins_previous) for b in split_page(text)]
    assert got == [(h, False) for h in heads] + [(par, False) for par in PARS]


def test_an_indented_first_line_is_no_wider_than_its_column():
    lines = ["全省春耕生产全面展开", "本报记者 张明"]
    for par in PARS_INDENTED:
        lines += _typeset(par, 14, "\u3000\u3000")
    text = "\n".join(lines)
    got = [text[b.start : b.end].replace("\n", "") for b in split_page(text)]
    assert got == ["全省春耕生产全面展开", "本报记者 张明", *PARS_INDENTED]


def test_a_byline_as_wide_as_the_column_is_a_line_of_its_own():
    lines = ["让数字乡村走进千家万户", "记者 董蕾 通讯员 王建国"]
    for par in PARS:
        lines += _typeset(par, 13)
    got = by_text("\n".join(lines))
    assert got["记者 董蕾 通讯员 王建国"] == ("byline", 1, False)


def test_a_long_clause_over_a_short_headline_is_its_kicker():
    text = "\n".join(
        [
            "监管部门大力推广跨境电商业务 数字乡村取得明显成效",
            "小菜园种出大和谐",
            "本报记者 张明",
            BODY,
        ]
    )
    assert [r for _, r, _, _ in roles(text)][:2] == ["kicker", "headline"]
    # The other order is headline and subheadline, as before.
    text = "\n".join(
        [
            "小菜园种出大和谐",
            "社区居民积极推进社区养老服务，群众满意度不断提高",
            "本报记者 张明",
            BODY,
        ]
    )
    assert [r for _, r, _, _ in roles(text)][:2] == ["headline", "subheadline"]


def test_punctuated_lines_that_read_as_sentences_are_no_intertitles():
    # A date at the start, a name cut after its first character: heads of cut paragraphs.
    first, second = "3月25日，社区居民", "“社区居民认真落实社区养老服务”，林"
    text = "\n".join(
        [
            "全省春耕生产全面展开",
            "本报记者 张明",
            BODY,
            first,
            "统筹安排城乡公交网络。" + BODY2,
            second,
            "晓说。" + BODY,
        ]
    )
    got = by_text(text)
    assert got[first] == ("body", 1, False)
    assert got[second] == ("body", 1, False)
    assert got["晓说。" + BODY] == ("body", 1, True)


def test_the_questions_of_an_interview_are_body_text_not_intertitles():
    q1, q2 = "问：乡村振兴对社区养老服务有什么影响？", "问：数字乡村对职业技能培训有什么影响？"
    text = "\n".join(
        ["全省春耕生产全面展开", "本报记者 张明", BODY, q1, "答：" + BODY2, q2, "答：" + BODY]
    )
    got = by_text(text)
    assert got[q1] == ("body", 1, False)
    assert got[q2] == ("body", 1, False)
