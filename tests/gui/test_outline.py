"""The outline's item models (checked with qtmodeltester) and the panel's two-way selection."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from annotator.edits import Changes, PageState
from annotator.gui.outline import (
    RANGE_ROLE,
    OutlineModel,
    OutlinePanel,
    SpanListModel,
    article_spans,
    group_articles,
)
from annotator.model import Page, Span

from .pages import SAMPLE, sample_blocks, span_of

ROLE_NAMES = {"headline": "headline", "body": "body", "byline": "byline", "caption": "caption"}


def sample_state() -> PageState:
    spans = [
        span_of(SAMPLE, "邓群策", "PER", "accepted"),
        span_of(SAMPLE, "3月4日", "DATE", "suggested"),
        span_of(SAMPLE, "长沙", "LOC", "rejected"),
        span_of(SAMPLE, "李明", "PER", "suggested"),
    ]
    with_ids = {
        i + 1: Span(s.start, s.end, s.label, s.origin, s.status, s.attrs, i + 1)
        for i, s in enumerate(spans)
    }
    return PageState(Page("p", SAMPLE), tuple(sample_blocks()), with_ids)


def test_outline_model_passes_qtmodeltester_and_mirrors_articles(qtmodeltester):
    state = sample_state()
    model = OutlineModel()
    model.set_state(state, ROLE_NAMES)
    qtmodeltester.check(model)
    groups = group_articles(state.blocks)
    assert model.rowCount() == len(groups) == 2
    for row, (_article, blocks) in enumerate(groups):
        parent = model.index(row, 0)
        assert model.rowCount(parent) == len(blocks)
        for child, block in enumerate(blocks):
            index = model.index(child, 0, parent)
            assert index.data(RANGE_ROLE) == (block.start, block.end)
            assert index.data() == ROLE_NAMES[block.role]
    assert model.index(0, 0).data() == "Article 1"


def test_blocks_outside_articles_are_grouped_last():
    state = sample_state()
    blocks = list(state.blocks)
    from dataclasses import replace

    blocks[1] = replace(blocks[1], article=None, role="other")
    groups = group_articles(tuple(blocks))
    assert groups[-1][0] is None and groups[-1][1] == [blocks[1]]


def test_span_list_model_passes_qtmodeltester_and_lists_suggestions_first(qtmodeltester):
    state = sample_state()
    model = SpanListModel()
    spans = article_spans(state, 1)
    model.set_spans(SAMPLE, spans, {})
    qtmodeltester.check(model)
    statuses = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert statuses == ["suggested", "accepted", "rejected"]
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "3月4日",
        "邓群策",
        "长沙",
    ]


def test_empty_models_pass_qtmodeltester(qtmodeltester):
    model = OutlineModel()
    model.set_state(None, {})
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_selecting_a_block_asks_the_view_to_show_it_and_caret_selects_without_echo(qtbot):
    state = sample_state()
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_page(state, ROLE_NAMES, {})
    second_article = panel.model.index(1, 0)
    block_index = panel.model.index(1, 0, second_article)
    with qtbot.waitSignal(panel.rangeActivated) as signal:
        panel.tree.setCurrentIndex(block_index)
    block = group_articles(state.blocks)[1][1][1]
    assert signal.args[:2] == [block.start, block.end]
    emitted = []
    panel.rangeActivated.connect(lambda *a: emitted.append(a))
    first = state.blocks[2]
    panel.follow_caret(first, state.spans[1])
    assert panel.tree.currentIndex().data(RANGE_ROLE) == (first.start, first.end)
    assert panel.table.currentIndex().row() == panel.span_model.row_of(1)
    assert emitted == []


def test_span_changes_in_the_shown_article_refresh_its_list(qtbot):
    state = sample_state()
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_page(state, ROLE_NAMES, {})
    spans = dict(state.spans)
    spans[2] = Span(spans[2].start, spans[2].end, "DATE", "rule", "accepted", {}, 2)
    after = PageState(state.page, state.blocks, spans)
    panel.apply_changes(after, Changes("p", spans=frozenset({2})))
    statuses = [panel.span_model.index(r, 2).data() for r in range(panel.span_model.rowCount())]
    assert statuses == ["accepted", "accepted", "rejected"]
    assert "0 to review" in panel.spans_title.text()
    assert (
        panel.span_model.index(0, 0, QModelIndex()).data(Qt.ItemDataRole.DisplayRole) == "DATE"
    )  # by start


def test_the_span_list_keeps_rejected_spans_and_follows_adds_and_removals(qtbot):
    """The outline's span order keeps rejected spans (the view's drops them) edit by edit."""
    state = sample_state()
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_page(state, ROLE_NAMES, {})

    def listed() -> list[tuple[str, str]]:
        model = panel.span_model
        return [
            (model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())
        ]

    spans = dict(state.spans)
    spans[1] = Span(spans[1].start, spans[1].end, "PER", "rule", "rejected", {}, 1)
    new = span_of(SAMPLE, "𠮷野家", "ORG", "suggested")
    spans[9] = Span(new.start, new.end, "ORG", "rule", "suggested", {}, 9)
    del spans[3]
    after = PageState(state.page, state.blocks, spans)
    panel.apply_changes(after, Changes("p", spans=frozenset({1, 3, 9})))
    # Suggestions first, then accepted, then rejected; the removed 长沙 is gone.
    assert listed() == [("3月4日", "suggested"), ("𠮷野家", "suggested"), ("邓群策", "rejected")]


def test_a_page_that_opens_on_furniture_does_not_keep_the_last_page_spans(windows, tmp_path, qtbot):
    # The page before listed its first article's spans; a page whose first block is in no
    # article (a page header) kept showing them, and a click on one jumped to its offsets.
    from annotator.model import Block
    from annotator.store import Store

    from .pages import add_page, sample_spans
    from .test_window_edits import CTRL, K, press

    header = "西部时报 2024年5月22日 第10版\n\n"
    text = header + SAMPLE
    shift = len(header)
    blocks = [Block(0, shift - 2, "other", None)] + [
        Block(b.start + shift, b.end + shift, b.role, b.article, b.joins_previous)
        for b in sample_blocks()
    ]
    with Store.open(tmp_path / "o.db") as store:
        add_page(store, "p1", spans=sample_spans())
        add_page(store, "p2", text=text, blocks=blocks, spans=[])
    window = windows(tmp_path / "o.db")
    qtbot.waitUntil(lambda: window.outline.span_model.rowCount() > 0)
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p2"
    assert window.outline.span_model.rowCount() == 0
    assert window.outline.spans_title.text() == "Spans outside articles (0)"


def test_tab_leads_out_of_the_span_list_and_round_to_the_page(windows, tmp_path, qtbot):
    # In the span list Tab went from cell to cell: a keyboard-only reviewer who tabbed into
    # it never got out by Tab. Now Tab goes round the panes back to the page text, where
    # the keys edit again.
    from PySide6.QtWidgets import QApplication

    from annotator.store import Store

    from .pages import make_db
    from .test_window_edits import K, blocks_in_db, press

    db = make_db(tmp_path / "tab.db", ["p1"])
    window = windows(db)
    window.view.move_caret(SAMPLE.index("会议指出"))
    press(window, qtbot, K.Key_Tab)
    press(window, qtbot, K.Key_Tab)
    assert QApplication.focusWidget() is window.outline.table
    seen = []
    while QApplication.focusWidget() is not window.view and len(seen) < 10:
        qtbot.keyClick(QApplication.focusWidget(), K.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen[0] is not window.outline.table and seen[-1] is window.view
    start = window.view.current_block().start  # where the outline left the caret
    qtbot.keyClick(window.view, K.Key_I)  # the caret's paragraph is an intertitle now
    assert next(b for b in blocks_in_db(db) if b[0] == start)[2] == "intertitle"
    with Store.open(db) as store:
        assert store.page("p1").status == "in_progress"


def test_shift_return_in_the_outline_starts_an_article_at_the_chosen_paragraph(
    windows, tmp_path, qtbot
):
    # In the outline, where a reviewer sees how the page falls into articles, every block
    # key worked but Shift+Return: it did nothing and said nothing.
    from .pages import make_db
    from .test_window_edits import SHIFT, K, blocks_in_db, press

    db = make_db(tmp_path / "outline.db", ["p1"])
    window = windows(db)
    window.view.move_caret(SAMPLE.index("会议指出"))
    press(window, qtbot, K.Key_Tab)
    assert window.outline.tree.hasFocus()
    qtbot.keyClick(window.outline.tree, K.Key_Return, SHIFT)
    blocks = blocks_in_db(db)
    start = SAMPLE.index("会议指出")
    chosen = next(i for i, b in enumerate(blocks) if b[0] == start)
    assert blocks[chosen][3] == blocks[chosen - 1][3] + 1
