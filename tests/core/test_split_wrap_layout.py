"""The setting of a hard-wrapped page decides joins its text cannot (issue 9, joins on papers
the rules were not tuned on).

A column ends full: a paragraph cut by it goes on from a line that fills the column, and its
rest, at the head of the next column, is not indented. So on a hard-wrapped page a heading,
an intertitle or a standfirst left as body text (no full stop) is not joined to the paragraph
under it when that paragraph's first line is indented, or when the heading's line falls short
of the column or stands wider than it (a heading across columns). A comma still says the
sentence goes on, whatever the line. The text is invented.
"""

from __future__ import annotations

from pathlib import Path

from annotator.split import split_page
from annotator.split.joins import assign_joins
from annotator.split.paragraphs import NO_LAYOUT, Layout, lines, paragraph_layout
from annotator.split.shapes import shapes
from tests.core.test_split_wrap import FULL_END, P1, P3, P4, P5, WIDTH, page, wrapped

INDENT = "\u3000\u3000"


def indented(par: str, width: int = WIDTH) -> list[str]:
    """The lines of ``par`` set with its two-character indent (as 　　)."""
    first, *rest = wrapped(par, width=width)
    return [INDENT + first, *rest]


def blocks(text: str) -> dict[str, tuple[str, bool]]:
    return {
        text[b.start : b.end].replace("\n", "").replace(INDENT, ""): (b.role, b.joins_previous)
        for b in split_page(text)
    }


# Short paragraphs of reported speech pull the page's usual paragraph length down: a title
# left as body text is then no shorter than a usual paragraph.
SPEECH = ("“味道好吗？”记者问。", "他笑着说：“更美了。”", "一堆记者等在外面。")
SAID = "“在互联网上、在电商平台上，我们还是非常强势。”晚上九点多，他才姗姗来迟。"


def test_an_open_line_as_wide_as_the_column_does_not_join_an_indented_paragraph():
    # An intertitle with a colon, one short of the column: no length shows it, but the
    # paragraph under it opens indented, as no column's continuation does.
    title = "专家：社区养老要在三四线城市发力"[: WIDTH - 1]
    pars = [P1, *SPEECH, SPEECH[0], FULL_END]
    text = "\n".join(
        [*(x for par in pars for x in indented(par)), title]
        + [x for par in (SAID, P3, SPEECH[1], P4) for x in indented(par)]
    )
    _, layout = paragraph_layout(text)
    assert layout == Layout(WIDTH, 0, True)
    assert blocks(text)[SAID] == ("body", False)


def _joins_as_body(text: str, layout: Layout) -> dict[str, bool]:
    """Every paragraph read as body text of one article (as a heading the roles missed is),
    and whether the joins join it to the one above."""
    ranges, _ = paragraph_layout(text)
    shaped = shapes(text, ranges)
    roles = [("body", 1.0)] * len(shaped)
    articles = [(1, 1.0)] * len(shaped)
    joins = assign_joins(shaped, roles, articles, text, layout)
    return {text[a:b].replace("\n", ""): j for (a, b), (j, _) in zip(ranges, joins, strict=True)}


def test_a_heading_wider_than_the_column_left_as_body_does_not_join_the_paragraph_under_it():
    head = "硚口区城管委两个月来集中清理背街小巷内乱停乱放的共享单车"  # across columns
    assert len(head) > WIDTH + 1
    text = "\n".join([page(P1, P5, P4, FULL_END), head, page(P3, P4, P5)])
    ranges, layout = paragraph_layout(text)
    assert layout == Layout(WIDTH, 2, False)
    assert head in [text[a:b] for a, b in ranges]
    assert _joins_as_body(text, layout)[P3] is False
    assert _joins_as_body(text, NO_LAYOUT)[P3] is True  # its missing full stop alone joins


def test_a_line_short_of_the_column_left_as_body_does_not_join_the_paragraph_under_it():
    # (two commas: no title by its text, 直面山的艰难，不屈与奋起，铸就…)
    standfirst = "山高，水长，情谊深"  # short of the column, open
    assert len(standfirst) < WIDTH - 1
    text = page(P1, FULL_END) + "\n" + standfirst + "\n" + page(P3, P4, P5)
    _, layout = paragraph_layout(text)
    assert layout.width == WIDTH
    assert _joins_as_body(text, layout)[P3] is False
    assert _joins_as_body(text, NO_LAYOUT)[P3] is True


def test_a_first_line_short_by_an_unlearnt_room_is_not_set_apart():
    # Where too few paragraph ends showed the room, the reflow splits a first line two
    # short of the column off its paragraph: it may leave an indent's room, so its
    # shortness does not set the rest apart (社区养老服务 / 工作，…: no word across).
    text = page(P1, FULL_END, P3)
    ranges = lines(text)  # every line a paragraph, as a reflow that learnt nothing leaves them
    shaped = shapes(text, ranges)
    body = [("body", 1.0)] * len(shaped)
    joins = assign_joins(shaped, body, [(1, 1.0)] * len(shaped), text, Layout(WIDTH, 0, False))
    got = {text[a:b]: j for (a, b), (j, _) in zip(ranges, joins, strict=True)}
    assert got[wrapped(FULL_END)[1]] is True


def test_a_comma_at_the_end_of_a_short_line_still_goes_on():
    # …积极入市， / a photo's caption / 防止出现…: the sentence goes on past the photo, though
    # the line before it is short and the page indents its paragraphs.
    path = Path(__file__).parent / "gold_split" / "composed" / "10_pdf_hardwrap_indent.txt"
    text = path.read_text(encoding="utf-8")
    _, layout = paragraph_layout(text)
    assert layout.width and layout.indented
    got = blocks(text)
    assert got["防止出现“卖粮难”。"] == ("body", True)


def test_a_short_line_with_a_word_running_into_the_next_paragraph_still_joins_it():
    # …生态修复工程，受 / 到广泛欢迎。: the word 受到 runs across, whatever the line's length.
    head = "当地政府持续完善生态修复工程，受"
    rest = "到广泛欢迎。工作人员加快建设数字化管理平台，群众满意度不断提高。"
    assert len(head) == WIDTH
    short = head[-9:]  # 修复工程，受: short of the column
    text = "\n".join([page(P1, FULL_END, P3), short, *wrapped(rest, room=0), page(P4, P5)])
    _, layout = paragraph_layout(text)
    assert layout.width == WIDTH
    assert _joins_as_body(text, layout)[rest] is True


def test_a_short_open_line_that_ends_a_sentence_inside_still_joins_the_next_paragraph():
    # …群众满意度不断提高。科研团队 / 持续优化…: text cut short, not a heading (no word
    # runs across the cut).
    short = "满意度提高。科研团队"
    rest = "持续优化特色产业园区，为下一步工作打下了基础。"
    text = "\n".join([page(P1, FULL_END, P3), short, *wrapped(rest, room=0), page(P4, P5)])
    _, layout = paragraph_layout(text)
    assert layout.width == WIDTH
    assert _joins_as_body(text, layout)[rest] is True


def test_a_space_wrapped_onto_the_next_line_does_not_set_it_apart_on_a_page_that_indents():
    # A wrap inside a run of spaces (…采访  当地… cut between its two spaces) leaves one at the
    # end of a full line and one at the start of the next: the text going on, not an indent,
    # as the reflow reads it (paragraphs.indented). Cut there, the open head's line fills the
    # column, so the rest continues it; read as an indent, it stood apart.
    head = [INDENT + "今年以来，当地政府加快建设了", "农田水利设施，记者近日走访山区 "]
    rest = " 当地群众说起今年的收成，个个满脸笑容，连声说又是一个丰收年。"
    assert [len(line) for line in head] == [WIDTH, WIDTH]
    text = "\n".join(
        [*indented(P1), *indented(P3), *head, *wrapped(rest, room=0)]
        + [x for par in (P4, P5, P1) for x in indented(par)]
    )
    ranges, layout = paragraph_layout(text)
    assert layout == Layout(WIDTH, 0, True)
    # the paragraph cut at the wrap's spaces, as a reflow reading the space as an indent cuts it
    a = text.index(head[0]) + len(INDENT)
    b = text.index(INDENT + P4[:6]) - 1
    whole = next(r for r in ranges if r[0] == a)
    assert whole[1] == b  # (the reflow reads no indent there: one paragraph)
    cut = text.index(head[1]) + len(head[1]) - 1
    ranges[ranges.index(whole) : ranges.index(whole) + 1] = [(a, cut), (cut + 3, b)]
    shaped = shapes(text, ranges)
    body = [("body", 1.0)] * len(shaped)
    joins = assign_joins(shaped, body, [(1, 1.0)] * len(shaped), text, layout)
    got = {text[s:e].replace("\n", ""): j for (s, e), (j, _) in zip(ranges, joins, strict=True)}
    assert got[rest[1:]] is True
