"""The page view on its own: highlights as character formats, caret and selection in code points."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from annotator.edits import Changes, PageState
from annotator.gui.page_view import PageView
from annotator.model import Block, Label, Page, Span

from .pages import SAMPLE, long_text, paragraphs, sample_blocks, span_of

LABELS = [
    Label("PER", "#d62728", "1"),
    Label("ORG", "#1f77b4", "2"),
    Label("LOC", "#2ca02c", "3"),
    Label("DATE", "#9467bd", "4"),
    Label("FIGURE", "#ff7f0e", "5"),
]


def state_of(text: str, blocks: list[Block], spans: list[Span]) -> PageState:
    with_ids = {
        i + 1: Span(s.start, s.end, s.label, s.origin, s.status, s.attrs, i + 1)
        for i, s in enumerate(spans)
    }
    return PageState(Page("p", text), tuple(blocks), with_ids)


@pytest.fixture
def view(qtbot):
    widget = PageView(LABELS)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def formats_at(view: PageView, cp: int) -> list[QTextCharFormat]:
    """The highlighter's formats covering code point ``cp``."""
    pos = view.offsets.to_utf16(cp)
    block = view.document().findBlock(pos)
    rel = pos - block.position()
    ranges = block.layout().formats()
    # Copies: the FormatRange objects die with the list Qt returned.
    return [QTextCharFormat(r.format) for r in ranges if r.start <= rel < r.start + r.length]


def test_accepted_suggested_and_rejected_spans_are_drawn_differently(view):
    spans = [
        span_of(SAMPLE, "邓群策", "PER", "accepted"),
        span_of(SAMPLE, "3月4日", "DATE", "suggested"),
        span_of(SAMPLE, "长沙", "LOC", "rejected"),
    ]
    view.set_page(state_of(SAMPLE, sample_blocks(), spans))
    accepted = formats_at(view, spans[0].start)
    assert accepted and accepted[0].background().color().name() == "#d62728"
    suggested = formats_at(view, spans[1].start)
    assert suggested[0].underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert suggested[0].underlineColor().name() == "#9467bd"
    # A rejected span is not drawn at all: only the body role (plain) would cover it.
    assert formats_at(view, spans[2].start) == []


def test_headline_is_large_and_bold_and_byline_muted(view):
    view.set_page(state_of(SAMPLE, sample_blocks(), []))
    headline = formats_at(view, SAMPLE.index("市委常委会"))
    assert headline[0].fontWeight() >= 700
    assert headline[0].fontPointSize() > view.font().pointSizeF() * 1.3
    byline = formats_at(view, SAMPLE.index("本报记者"))
    assert byline[0].foreground().color().name() == "#6b7280"
    marker = formats_at(view, SAMPLE.index("#"))
    assert marker[0].foreground().color().name() == "#b8b8b8"


def test_intertitle_is_bold_dark_blue_and_named_in_the_margin(view):
    blocks = [
        Block(b.start, b.end, "intertitle", b.article)
        if SAMPLE[b.start :].startswith("会议指出")
        else b
        for b in sample_blocks()
    ]
    view.set_page(state_of(SAMPLE, blocks, []))
    intertitle = formats_at(view, SAMPLE.index("会议指出"))
    assert intertitle[0].fontWeight() >= 700
    assert intertitle[0].foreground().color().name() == "#1e3a8a"
    assert view.role_name("intertitle") == "intertitle"
    assert view.role_tag("intertitle") == "intertitle"


def test_label_tag_leaves_room_after_the_last_character_of_a_span(view):
    span = span_of(SAMPLE, "邓群策", "PER", "accepted")
    view.set_page(state_of(SAMPLE, sample_blocks(), [span]))
    last = formats_at(view, span.end - 1)
    assert last[0].fontLetterSpacing() == view.style_.gap_width("PER")
    assert formats_at(view, span.start)[0].fontLetterSpacing() == 0


def test_changing_one_span_rehighlights_only_its_line(view, qtbot):
    text = long_text(5000)
    blocks = [Block(s, e, "body", 1) for s, e in paragraphs(text)]
    spans = [Span(s + 2, s + 5, "PER", "rule", "suggested") for s, _ in paragraphs(text)]
    state = state_of(text, blocks, spans)
    view.set_page(state)
    calls = []
    original = view.highlighter.highlightBlock
    view.highlighter.highlightBlock = lambda t: (calls.append(t), original(t))  # type: ignore[method-assign]
    changed = dict(state.spans)
    changed[5] = Span(changed[5].start, changed[5].end, "PER", "rule", "accepted", {}, 5)
    view.apply_changes(
        PageState(state.page, state.blocks, changed), Changes("p", spans=frozenset({5}))
    )
    assert len(calls) == 1
    assert formats_at(view, changed[5].start)[0].background().color().name() == "#d62728"


def test_thousands_of_highlights_render_and_rerender_without_crashing(view, qtbot):
    """design.md hazard: many highlights and many re-renders (no ExtraSelections here)."""
    text = long_text(40000, paragraph=400)
    blocks = [Block(s, e, "body", 1) for s, e in paragraphs(text)]
    spans = [
        Span(i, i + 3, LABELS[i % 5].name, "rule", ("accepted", "suggested")[i % 2])
        for i in range(0, 40000 - 8, 7)
        if "\n" not in text[i : i + 4]
    ][:5000]
    assert len(spans) == 5000
    view.set_page(state_of(text, blocks, spans))
    for round_ in range(20):
        view.highlighter.rehighlight()
        view.verticalScrollBar().setValue(round_ * 10)
        view.viewport().repaint()
    last = spans[-1]
    assert formats_at(view, last.start), "the last of 5,000 spans is highlighted"
    assert len(view.spans) == 5000


def test_selection_and_caret_are_code_points_after_astral_characters(view, qtbot):
    text = "𠮷野家在长沙。"
    view.set_page(state_of(text, [Block(0, len(text), "body", 1)], []))
    view.move_caret(1)  # after 𠮷
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_range() == (1, 3)
    assert text[1:3] == "野家"
    assert view.textCursor().selectionEnd() == 4  # Qt counts 𠮷 twice


def test_selection_drops_white_space_at_both_ends(view):
    text = "甲  邓群策  乙"
    view.set_page(state_of(text, [Block(0, len(text), "body", 1)], []))
    cursor = view.textCursor()
    cursor.setPosition(1)
    cursor.setPosition(8, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selection_range() == (3, 6)


def test_caret_inside_a_span_selects_it_and_leaving_clears_it(view, qtbot):
    span = span_of(SAMPLE, "邓群策", "PER", "accepted")
    view.set_page(state_of(SAMPLE, sample_blocks(), [span]))
    with qtbot.waitSignal(view.spanSelected):
        view.move_caret(span.start + 1)
    assert view.selected_span().start == span.start
    view.move_caret(span.end + 3)
    assert view.selected_span() is None


def test_click_on_a_span_selects_it(view, qtbot):
    span = span_of(SAMPLE, "邓群策", "PER", "suggested")
    view.set_page(state_of(SAMPLE, sample_blocks(), [span]))
    from annotator.gui.page_view.geometry import range_rects

    rect = range_rects(view, view.offsets, span.start + 1, span.start + 2)[0]
    view.move_caret(0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert view.selected_span() is not None
    assert view.selected_span().label == "PER"


def test_margin_tooltip_names_the_doubtful_decision(view):
    view.set_page(state_of(SAMPLE, sample_blocks(), []))
    byline = next(b for b in view.blocks.blocks if b.role == "byline")
    tip = view.block_tooltip(byline)
    assert "role" in tip and "0.55" in tip
    assert "Article 1" in tip


def test_font_size_changes_scale_role_formats(view):
    view.set_page(state_of(SAMPLE, sample_blocks(), []))
    view.set_point_size(20)
    headline = formats_at(view, SAMPLE.index("市委常委会"))
    assert headline[0].fontPointSize() == pytest.approx(20 * 1.45)


def char_styles(view: PageView) -> list[tuple]:
    text = view.page_state.page.text
    out = []
    for cp in range(len(text)):
        fmts = formats_at(view, cp)
        fmt = fmts[-1] if fmts else QTextCharFormat()
        out.append(
            (
                fmt.background().color().name() if fmt.background().style() else None,
                fmt.underlineStyle(),
                fmt.fontPointSize(),
                fmt.fontLetterSpacing(),
                fmt.foreground().color().name() if fmt.foreground().style() else None,
            )
        )
    return out


def test_fast_path_for_plain_lines_draws_what_the_general_sweep_draws(view, qtbot, monkeypatch):
    spans = [
        span_of(SAMPLE, "邓群策", "PER", "accepted"),
        span_of(SAMPLE, "3月4日", "DATE", "suggested"),
        span_of(SAMPLE, "720万亩", "FIGURE", "accepted"),
        span_of(SAMPLE, "𠮷野家", "ORG", "suggested"),
        span_of(SAMPLE, "长沙", "LOC", "accepted"),
    ]
    state = state_of(SAMPLE, sample_blocks(), spans)
    view.set_page(state)
    fast = char_styles(view)
    from annotator.gui.page_view import highlighter

    monkeypatch.setattr(highlighter, "_simple", lambda *a: False)
    view.highlighter.rehighlight()
    assert char_styles(view) == fast


def test_caption_is_tinted_and_other_greyed(view):
    blocks = sample_blocks()
    from dataclasses import replace

    blocks[3] = replace(blocks[3], role="other", article=None)
    view.set_page(state_of(SAMPLE, blocks, []))
    caption = formats_at(view, SAMPLE.index("图为"))
    assert caption[0].background().color().name() == "#eaf1f7"
    other = formats_at(view, SAMPLE.index("会议指出"))
    assert other[0].foreground().color().name() == "#a3a3a3"


def test_span_tooltip_names_label_status_origin_and_attributes(view):
    span = span_of(SAMPLE, "720万亩", "FIGURE", "suggested", value=7200000, unit="亩")
    view.set_page(state_of(SAMPLE, sample_blocks(), [span]))
    tip = view.span_tooltip(view.spans.at(span.start))
    assert tip.splitlines() == [
        "FIGURE: 720万亩",
        "status: suggested · origin: rule",
        "attributes: value=7200000, unit=亩",
    ]


def test_greyed_markup_is_exactly_what_the_clean_text_drops(view):
    from annotator.text import removed_ranges

    text = "# 标题\n\n**本报讯** 正文 5**3 没有配对。  \n下一行"
    blocks = [Block(s, e, "body", 1) for s, e in paragraphs(text)]
    view.set_page(state_of(text, blocks, []))
    removed = {
        cp for b in blocks for s, e in removed_ranges(text, b.start, b.end) for cp in range(s, e)
    }
    greyed = {
        cp
        for cp in range(len(text))
        if text[cp] != "\n"
        and any(f.foreground().color().name() == "#b8b8b8" for f in formats_at(view, cp))
    }
    assert greyed == removed - {i for i, c in enumerate(text) if c == "\n"}
    assert text.index("5**3") + 1 not in greyed  # an unpaired ** stays in the text


def test_click_on_the_right_half_of_a_spans_last_character_selects_it(view, qtbot):
    # The caret lands after the character (outside the span): the character under the
    # pointer, not the caret, decides what a click selects.
    span = span_of(SAMPLE, "邓群策", "PER", "suggested")
    view.set_page(state_of(SAMPLE, sample_blocks(), [span]))
    from annotator.gui.page_view.geometry import range_rects

    rect = range_rects(view, view.offsets, span.end - 1, span.end)[0]
    view.move_caret(0)
    point = rect.center().toPoint()
    point.setX(int(rect.right()) - 2)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.textCursor().position() == view.offsets.to_utf16(span.end)
    assert view.selected_span() is not None
    assert (view.selected_span().start, view.selected_span().end) == (span.start, span.end)
