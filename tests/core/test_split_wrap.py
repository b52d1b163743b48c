"""Hard-wrapped pages whose converter dropped the paragraph indent (issue 9).

Chinese papers set body text with a two-character first-line indent; many PDF converters
leave its whitespace out, but the first line of a paragraph still holds two characters less
than the column. The reflow learns that room from the page itself and reads a line that
short as a paragraph's first line, so that a paragraph whose last line fills the column and
ends in 。 no longer runs into the next one. The text is invented.
"""

from __future__ import annotations

from annotator.split import split_page
from annotator.split.paragraphs import first_line_room, lines, paragraphs, wrap_width

WIDTH = 16
_NO_LINE_START = frozenset("，。、；：！？”）》")

# Paragraphs of invented news text. FULL_END's last line fills the column and ends in 。.
P1 = "今年以来，当地政府加快建设农田水利设施，群众满意度不断提高，受到广泛欢迎。"
FULL_END = (
    "社区居民积极推进社区养老服务工作，形成了可复制的经验和做法，带动周边村民持续稳定增收致富了。"
)
P3 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭，效率比去年提高了三成。"
P4 = "多所高校积极参与职业技能培训，为下一步工作打下了基础，吸引了大批年轻人回乡创业。"
P5 = "合作社大力发展特色产业园区，企业订单明显增加，让群众得到了实惠。"


def wrapped(par: str, width: int = WIDTH, room: int = 2) -> list[str]:
    """The visual lines of ``par``: the first leaves ``room`` to a dropped indent, and a
    punctuation mark that may not open a line hangs at the end of the line above."""
    out, k = [], 0
    while k < len(par):
        end = k + width - (room if k == 0 else 0)
        if end < len(par) and par[end] in _NO_LINE_START:
            end += 1
        out.append(par[k:end])
        k = end
    return out


def blocks(text: str) -> list[tuple[str, str, bool]]:
    return [(text[b.start : b.end], b.role, b.joins_previous) for b in split_page(text)]


def whole(par: str, text: str) -> str:
    """``par`` as it stands in the wrapped page: its lines with their line breaks."""
    start = text.index(par[:6])
    return text[start : start + len(par) + par.count("\n") + len(wrapped(par)) - 1]


def page(*pars: str, room: int = 2) -> str:
    return "\n".join(line for par in pars for line in wrapped(par, room=room))


def test_the_full_last_line_fixture_fills_the_column_and_ends_a_sentence():
    last = wrapped(FULL_END)[-1]
    assert len(last) >= WIDTH and last.endswith("。")


def test_the_room_a_dropped_indent_leaves_is_learnt_from_the_page():
    text = page(P1, FULL_END, P3, P4, P5, P1, P3)
    spans = lines(text)
    starts = [s for s, _ in spans]  # no indentation on the page
    width = wrap_width(text, spans, starts)
    assert width == WIDTH
    assert first_line_room(text, spans, starts, width) == 2
    flat = page(P1, FULL_END, P3, P4, P5, P1, P3, room=0)
    spans = lines(flat)
    assert first_line_room(flat, spans, [s for s, _ in spans], WIDTH) == 0


def test_paragraphs_of_a_page_without_its_indent_are_read_whole():
    pars = (P1, FULL_END, P3, P4, P5, P1)
    text = page(*pars)
    got = [text[a:b].replace("\n", "") for a, b in paragraphs(text)]
    assert got == list(pars)


def test_a_paragraph_whose_last_line_fills_the_column_does_not_run_into_the_next():
    text = page(P3, P1, FULL_END, P4, P5, P3)
    got = [(t.replace("\n", ""), role, joined) for t, role, joined in blocks(text)]
    assert (FULL_END, "body", False) in got
    assert (P4, "body", False) in got


def test_a_title_as_long_as_a_first_line_stands_alone():
    title = "扎实推进社区养老服务取得实效"  # 14 characters: the column less the room
    assert len(title) == WIDTH - 2
    text = "\n".join([*wrapped(P1), *wrapped(P3), title, *wrapped(P4), *wrapped(P5), *wrapped(P1)])
    got = [text[a:b].replace("\n", "") for a, b in paragraphs(text)]
    assert title in got
    assert P4 in got


def test_after_a_full_sentence_end_a_first_line_length_sentence_end_needs_an_opening():
    # A line as short as a first line that ends a sentence may be a paragraph's last line:
    # only an opening like a paragraph's (a quotation) makes it a first line.
    quote = "“有信心干好这件事。”他说。"
    tail = "全年共新增就业岗位五百多个。"
    body = P3, P1, P4, P5, P3
    assert len(quote) == len(tail) == WIDTH - 2
    assert wrapped(FULL_END + tail)[-1] == tail
    with_quote = page(*body[:2], FULL_END, quote, *body[2:])
    got = [with_quote[a:b].replace("\n", "") for a, b in paragraphs(with_quote)]
    assert FULL_END in got and quote in got
    plain = page(*body[:2], FULL_END + tail, *body[2:])
    got = [plain[a:b].replace("\n", "") for a, b in paragraphs(plain)]
    assert FULL_END + tail in got


def test_one_paragraph_a_line_with_titles_of_about_one_length_is_not_read_as_wrapped():
    # A kicker two characters shorter than the two headline lines under it, then paragraphs
    # one a line: the kicker is no first line of a wrapped paragraph (most lines are wider
    # than any column).
    kicker = "全省春耕生产全面展开见实效啊"
    heads = ["让古村落活起来走进千家万户里面去", "冰雪旅游带来新活力新机遇和新希望"]
    assert len(kicker) + 2 == len(heads[0]) == len(heads[1]) == WIDTH
    text = "\n".join(x for _ in range(3) for x in (kicker, *heads, P1 + P3, P4 + P5, P5 + P1))
    assert wrap_width(text, lines(text), [s for s, _ in lines(text)]) == 0


def test_a_roster_line_whose_post_wraps_onto_a_second_line_is_still_a_row():
    roster = [
        "王  明  某市农业农村局党组书记、局长",
        "李建华  某大学经济学院教授、博士生导师",
        "张  芳  某县返乡创业协会会长兼秘书长",
    ]
    assert all(len(wrapped(line)) == 2 for line in roster)
    text = "\n".join(
        [
            "乡村振兴，青年何为（圆桌）",
            "本报记者  赵  磊",
            *(x for par in (P1, FULL_END, P3, P4) for x in wrapped(par)),
            "对话嘉宾：",
            *(x for line in roster for x in wrapped(line)),
            *(x for par in (P5, P1, FULL_END) for x in wrapped(par)),
        ]
    )
    got = {t.replace("\n", ""): (role, joined) for t, role, joined in blocks(text)}
    for line in roster:
        assert got[line] == ("body", False)


def test_a_dash_subheadline_under_a_headline_filling_the_column_stands_alone():
    # 履行桥梁纽带职责 / ——某某五年工作回眸: the headline happens to fill the column, and the
    # short line under it opens with —— and ends no sentence: a subheadline of its own.
    headline = "扎实推进社区养老 服务取得明显实效"  # as wide as a full line with a hanging mark
    sub = "——某市五年工作回眸"
    assert len(headline) == WIDTH + 1
    above, below = page(P1, FULL_END, P3, P4), page(P5, P1, P3, P4)
    text = "\n".join([above, headline, sub, "新华社记者 张三", below])
    got = [(t.replace("\n", ""), role) for t, role, _ in blocks(text)]
    assert (headline, "headline") in got
    assert (sub, "subheadline") in got


def test_a_dash_hanging_alone_at_a_paragraph_end_stays_in_its_paragraph():
    # (the dash wraps onto a line of its own: short, opening with ——, ending no sentence)
    intro = "这是全民科普总动员的生动实践也是高质量科普供给的精准抵达之举——"
    assert wrapped(intro)[-1] == "——"
    text = page(P1, FULL_END, P3, intro, P4, P5, P1, P3)
    got = [text[a:b].replace("\n", "") for a, b in paragraphs(text)]
    assert intro in got


# Set without any indent, this paragraph's last line fills the column and ends in 。.
FLAT_FULL_END = "社区居民积极推进社区养老服务工作，形成了可复制的经验和做法，带动周边村民走上了持续稳定增收的道路。"
QUOTED = "“这件事我们一定要办好，办到群众心坎上。”村支书说，大家的日子越过越红火了。"


def test_on_a_flat_page_a_quotation_after_a_full_sentence_end_opens_a_paragraph():
    # No indent at all (room 0): a line that fills the column and ends in 。 may end a
    # paragraph or a sentence inside one; a quotation opening the next line tells them apart,
    # since a reported speech is set as a paragraph of its own far more often than not.
    last = wrapped(FLAT_FULL_END, room=0)[-1]
    assert len(last) == WIDTH and last.endswith("。")
    text = page(P3, P1, FLAT_FULL_END, QUOTED, P4, P5, room=0)
    got = [text[a:b].replace("\n", "") for a, b in paragraphs(text)]
    assert FLAT_FULL_END in got and QUOTED in got


def test_on_a_flat_page_a_plain_line_after_a_full_sentence_end_stays_in_its_paragraph():
    text = page(P3, P1, FLAT_FULL_END + P4, P5, room=0)
    assert wrapped(FLAT_FULL_END + P4, room=0)[2].endswith("。")
    got = [text[a:b].replace("\n", "") for a, b in paragraphs(text)]
    assert FLAT_FULL_END + P4 in got


def test_a_room_of_one_character_is_not_learnt_from_lines_ending_on_a_hanging_mark():
    # Two first lines one short of the column (a pause mark hanging after a first line two
    # short) would teach a room of one: a full line would then read as a first line.
    first = "全市已建成便民服务网点三百余、"  # 15 = WIDTH - 1, ends on a hanging mark
    assert len(first) == WIDTH - 1
    pars = [
        P1,
        first + "惠及上万户家庭，效率比去年提高了三成。",
        P3,
        first + "带动周边村民持续稳定增收，让群众得到了实惠。",
        P4,
    ]
    text = "\n".join(
        line
        for par in pars
        for line in (
            [par[:15], *wrapped(par[15:], room=0)] if par.startswith(first) else wrapped(par)
        )
    )
    spans = lines(text)
    assert first_line_room(text, spans, [s for s, _ in spans], WIDTH) != 1
    # … and the page's paragraphs come out whole (a first line split off is joined back)
    starts = [text[b.start : b.end] for b in split_page(text) if not b.joins_previous]
    assert len(starts) == len(pars)


def test_the_room_is_learnt_after_full_lines_ending_a_sentence_too():
    # Most paragraphs' last lines fill the column (few clear paragraph ends to learn from):
    # a line short by the room that ends open over a full line, after a sentence end, is a
    # first line all the same (a paragraph's last line ends a sentence, a title has no full
    # line under it). Unlearnt, every first line was split off its paragraph.
    fuller = P5[:-1] + "，" + FULL_END
    assert len(wrapped(fuller)[-1]) == WIDTH
    pars = (fuller, fuller, fuller, P1)
    text = page(*pars)
    spans = lines(text)
    assert first_line_room(text, spans, [s for s, _ in spans], WIDTH) == 2
    assert [text[a:b].replace("\n", "") for a, b in paragraphs(text)] == list(pars)
