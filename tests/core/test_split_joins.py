"""The join decision of the pre-split weighs evidence (issue 9, section 1 "Joins").

A body paragraph without final punctuation is no proof that the next one continues it:
headings and intertitles left as body text have none either. Each test holds one cue: a word
or a figure cut across the boundary (a segmenter finds it), a title-like line short against
the page's paragraphs, a sentence's opening clause, and a quotation that goes on after 。.
"""

from __future__ import annotations

from annotator.split import split_page

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与其中。"
HEAD = ["全省春耕生产全面展开", "本报记者 张明"]


def blocks(lines: list[str]) -> dict[str, tuple[str, int | None, bool, float]]:
    text = "\n".join(lines)
    return {
        text[b.start : b.end]: (b.role, b.article, b.joins_previous, b.confidences["join"])
        for b in split_page(text)
    }


def test_a_word_cut_across_the_boundary_joins_a_title_shaped_head_to_its_rest():
    # 农田水利设|施 is one word cut by a column break: the short head is no headline of a
    # new article, and the rest continues it.
    head, rest = "有序推进农田水利设", "施建设，惠及上万户家庭。" + BODY2
    got = blocks([*HEAD, BODY, head, rest, BODY2])
    assert got[head][:3] == ("body", 1, False)
    assert got[rest][:3] == ("body", 1, True)


def test_a_word_cut_across_keeps_a_cut_paragraph_from_opening_a_false_article():
    # The head of a cut paragraph after the end of a paragraph read like a headline.
    head, rest = "外贸企业大力推广文化惠", "民活动，企业订单明显增加。" + BODY2
    got = blocks([*HEAD, BODY, BODY2, head, rest, BODY])
    assert got[head][:3] == ("body", 1, False)
    assert got[rest][:3] == ("body", 1, True)


def test_a_figure_cut_across_the_boundary_joins():
    # …达到2 / 16处, …3月2 / 2日电: the figure goes on, and with it the paragraph.
    for head, rest in [
        ("全市便民服务网点今年达到2", "16处，取得了明显成效。" + BODY),
        (
            "乡村振兴取得新进展本报南宁3月2",
            "2日电（记者苏畅）据统计，全市已建成便民服务网点三百余处。",
        ),
    ]:
        got = blocks([*HEAD, BODY, head, rest, BODY2])
        assert got[head][:3] == ("body", 1, False)
        assert got[rest][:3] == ("body", 1, True)


def test_a_title_like_line_left_as_body_text_does_not_swallow_the_next_paragraph():
    # Intertitles of very different lengths are no series, so the roles leave the long one
    # as body text. It is short against the page's paragraphs, it reads as a title, and no
    # word runs across into the next paragraph: no join.
    title = "不断优化防汛抗旱准备，为下一步工作打下了基础"
    below = "预制菜的兴起，让村民们看到了新的机会，同比增长29.0%。“古村落的兴起，让合作社看到了新的机会。”陈静说。"
    lines = [
        "以中小学课后服务助力古村落",
        "本报记者  陈静  苏畅",
        "“科研团队大力推广跨境电商业务，企业订单明显增加。”梁宇说。2月2日，当地政府扎实推进智能制造产线。",
        "“9月18日，在合肥，志愿者围绕口袋公园有序推进文化惠民活动，带动了周边村民增收。”周婷说。"
        "12月15日，据统计，北京已建成农田水利设施127处，为下一步工作打下了基础。",
        "着力打造智能制造产线，企业订单明显增加",
        "春耕的兴起，让合作社看到了新的机会，企业订单明显增加。7月19日，口袋公园的兴起，让当地政府看到了"
        "新的机会，同比增长18.9%。在沈阳，物业公司围绕春耕逐步建立职业技能培训，取得了明显成效。",
        "据统计，昆明已建成老旧小区改造708处，带动了周边村民增收。“在南昌，农技人员围绕口袋公园扎实推进"
        "中小学课后服务，让群众得到了实惠。”董蕾说。",
        title,
        below,
        "逐步建立跨境电商业务",
        "“今年以来，太原逐步建立社区养老服务。”赵磊说。1月21日，今年以来，广州逐步建立文化惠民活动。",
    ]
    got = blocks(lines)
    assert got[below][:3] == ("body", 1, False)
    assert got[below][3] < 0.9  # the missing full stop above still counts a little


def test_a_title_like_line_reading_as_a_sentence_still_joins():
    # 在北京，…: a short adverbial clause before a longer rest opens a sentence, which a
    # column break cut; and a line long against the page's paragraphs is no title.
    head = "在北京，当地政府围绕乡村振兴大力推广"
    rest = "充电基础设施，同比增长21.4%。" + BODY2
    got = blocks([*HEAD, BODY, head, rest, BODY])
    assert got[rest][:3] == ("body", 1, True)
    assert got[rest][3] < 0.7  # a missing full stop is the only cue
    # Three clauses are a sentence too: a title's comma parts two phrases.
    head, rest = (
        "校园足球的兴起，让多所高校看到了新的机会，让群众",
        "得到了实惠，同比增长4.5%。" + BODY2,
    )
    got = blocks([*HEAD, BODY, head, rest, BODY])
    assert got[rest][:3] == ("body", 1, True)


def test_a_quotation_that_goes_on_after_a_full_stop_joins():
    # “甲。 / 乙。”他说。: the next paragraph closes the quotation opened above before it
    # opens another, so the column break fell inside it.
    head = BODY + "“今年以来，合作社扩大了种植面积。"
    rest = "我们还要继续努力。”他说。" + BODY2
    got = blocks([*HEAD, BODY2, head, rest])
    assert got[rest][:3] == ("body", 1, True)
    # A new quotation below an open one (a quotation of several paragraphs) is no cut.
    rest2 = "“我们还要继续努力。”他说。" + BODY2
    got = blocks([*HEAD, BODY2, head, rest2])
    assert got[rest2][:3] == ("body", 1, False)


def _typeset(par: str, width: int, indent: str = "　　") -> list[str]:
    """Lines of a column ``width`` wide, the first indented; ，and 。 hang at a line end."""
    out, k = [], 0
    while k < len(par):
        end = k + width - (len(indent) if k == 0 else 0)
        if end < len(par) and par[end] in "，。、；：”）":
            end += 1
        out.append((indent if k == 0 else "") + par[k:end])
        k = end
    return out


def test_a_dateline_alone_on_a_wrapped_line_is_followed_by_its_lead():
    # The two spaces between 电 and （记者…） fell at the line break: the next line looks
    # indented and opens like a lead of its own, but a dateline is never a paragraph alone.
    width = 13
    lead = ["　　本报合肥1月27日电 ", " （记者周婷）据统计，武汉", "已建成农田水利设施217处，"]
    lead += _typeset("同比增长30.9%。" + BODY, width, indent="")
    lines = ["村民们扎实推进充电基础设施", *lead, *_typeset(BODY2 + BODY, width)]
    text = "\n".join(lines)
    got = [(text[b.start : b.end], b.role, b.joins_previous) for b in split_page(text)]
    first = next(b for b in got if b[0].startswith("本报合肥"))
    assert first[0].endswith(BODY[-10:])  # one paragraph, dateline to the end of its text
    assert first[1] == "body"


def _full_lines(par: str, width: int) -> list[str]:
    """``par`` set in a column ``width`` wide without indentation, no punctuation hanging."""
    return [par[k : k + width] for k in range(0, len(par), width)]


def test_a_wrapped_line_opening_a_note_an_item_or_an_answer_starts_a_paragraph():
    # Without indentation a paragraph whose last line fills the column runs into the next
    # line, unless that line can only open a paragraph: a note's label with its colon, or
    # after a finished sentence a numbered item or a speaker's label.
    width = 16
    ends_full = (BODY * 2)[: width * 3 - 1] + "。"  # the last line fills the column
    question = "问：春耕对中小学课后服务有何影响？"  # 17 wide: the ？ hangs
    answer = "答：" + (BODY2 * 2)[: width * 3 - 3] + "。"
    item = "1." + (BODY * 2)[: width * 2 - 3] + "。"
    marker = "■ 济南逐步建立老旧小区改造机制"  # as wide as the column
    note = "编者按：" + BODY2
    lines = [
        *_full_lines(BODY2 * 3, width),
        *_full_lines(ends_full, width),
        question,
        *_full_lines(answer, width),
        *_full_lines(item, width),
        marker,
        *_full_lines(note, width),
        *_full_lines(BODY * 2, width),
    ]
    text = "\n".join(lines)
    got = [text[b.start : b.end].replace("\n", "") for b in split_page(text)]
    assert question in got
    assert any(p.startswith(answer) for p in got)
    assert any(p.startswith(item) for p in got)
    assert any(p.startswith(note[:20]) for p in got)


def test_a_numbered_intertitle_of_two_phrases_filling_the_column_is_a_line_of_its_own():
    # 三、甲 乙 fills the column and has no sentence end, yet the paragraph below is not its
    # rest: a numbered line of two phrases side by side without punctuation is a title.
    width = 18
    ends = (BODY * 2)[: width * 2 - 1] + "。"
    title = "三、扎实推进充电基础设施 古村落见实效"  # 19 wide
    lines = [
        *_full_lines(BODY2 * 3, width),
        *_full_lines(ends, width),
        title,
        *_full_lines(BODY * 2, width),
    ]
    text = "\n".join(lines)
    got = {text[b.start : b.end]: b.role for b in split_page(text)}
    assert title in got


def test_a_wrapped_page_header_and_end_note_filling_the_column_stand_alone():
    # The header and the end note are as wide as the column and end without 。: only what they
    # are keeps the headline under the header and the next kicker under the note apart.
    header = "2025年3月1日  星期六  要闻  第1版"
    note = "（作者为中央党校（国家行政学院）经济学部主任）"
    width = len(header)
    assert len(note) in (width - 1, width, width + 1)
    lines = [
        header,
        "中共中央政治局召开会议",
        *_full_lines(BODY2 * 3 + "。", width),
        note,
        "坚持以高质量发展统揽全局",
        *_full_lines(BODY * 3, width),
    ]
    text = "\n".join(lines)
    got = {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}
    assert got[header] == ("other", None)
    assert got["中共中央政治局召开会议"] == ("headline", 1)
    assert got[note] == ("byline", 1)
    assert got["坚持以高质量发展统揽全局"] == ("headline", 2)


LONG_LINE = (
    "老父亲摆下家宴，县委书记三次登门；他思量再三，终于认定：家乡的宏图美景比商海里的几滴浪花更精彩"
)


def test_a_long_line_without_a_sentence_end_over_a_dated_paragraph_does_not_swallow_it():
    # An intertitle too long for a title, left as body text: no full stop anywhere in it, and
    # the paragraph below opens with a date, as a paragraph does.
    below = "2006年开春，他平静而多彩的都市生活被打破了。"
    got = blocks([*HEAD, "本报讯 " + BODY, BODY2, LONG_LINE, below, BODY])
    assert got[below][:3] == ("body", 1, False)


def test_a_long_open_line_ending_on_a_preposition_over_a_date_still_joins():
    head = "会议分析了新时期新常态下全省农村工作发展面临的严峻形势，对"
    rest = "2015年全省农村工作进行了全面安排部署。"
    got = blocks([*HEAD, "本报讯 " + BODY, BODY2, head, rest, BODY])
    assert got[rest][:3] == ("body", 1, True)


def test_a_long_open_line_over_an_opening_quote_still_joins():
    head = "连续5年组织开展活动贴近百姓生活，各地连续5年组织开展"
    rest = "“民法典宣传月”活动，群众满意度不断提高。"
    got = blocks([*HEAD, "本报讯 " + BODY, BODY2, head, rest, BODY])
    assert got[rest][:3] == ("body", 1, True)
