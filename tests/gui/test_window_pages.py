"""Page commands, undo history across pages and restarts, where the window reopens, imports."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from annotator.gui import workers
from annotator.store import Store

from .pages import (
    ALL_STATUSES,
    SAMPLE,
    add_page,
    export_from_dialog,
    index_catches_up,
    long_page,
    make_db,
)
from .test_suggestions_resolved import answer_open_suggestions
from .test_window_edits import CTRL, SHIFT, K, caret_in, press, select_text, snapshot, spans_in_db


@pytest.fixture
def db(tmp_path):
    return make_db(tmp_path / "pages.db", ["p1", "p2", "p3"])


@pytest.fixture
def quiet_reports(monkeypatch):
    """Import/export summaries are modal message boxes; record them instead."""
    shown = []
    monkeypatch.setattr(
        workers,
        "_message",
        lambda parent, icon, title, text, details="", informative="": shown.append(text),
    )
    return shown


def status_of(path, page_id):
    with Store.open(path) as store:
        page = store.page(page_id)
        return page.status, page.note


def test_ctrl_return_marks_done_and_opens_the_next_page_to_review(windows, db, qtbot):
    window = windows(db)
    assert window.page_id == "p1"
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL)
    assert status_of(db, "p1")[0] == "done"
    assert window.page_id == "p2"
    qtbot.waitUntil(lambda: window.status_done.text() == "Done: 1 of 3")
    assert window.status_page.text() == "Page 2 of 3"


def test_skip_and_flag_with_a_note(windows, db, qtbot, monkeypatch):
    window = windows(db)
    press(window, qtbot, K.Key_K, CTRL)
    assert status_of(db, "p1")[0] == "skipped"
    assert window.page_id == "p2"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("headline cut off", True))
    press(window, qtbot, K.Key_F, CTRL | SHIFT)
    assert status_of(db, "p2") == ("flagged", "headline cut off")
    assert window.page_id == "p3"


def test_next_and_previous_page_keys(windows, db, qtbot):
    window = windows(db)
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p2"
    press(window, qtbot, K.Key_PageDown, CTRL)
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p3"
    assert "last page" in window.statusBar().currentMessage()
    press(window, qtbot, K.Key_PageUp, CTRL)
    assert window.page_id == "p2"


def test_each_page_keeps_its_own_undo_history_across_switches(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_A)  # p1: accept 长沙
    press(window, qtbot, K.Key_PageDown, CTRL)
    caret_in(window, "李明")
    press(window, qtbot, K.Key_Delete)  # p2: remove 李明
    press(window, qtbot, K.Key_PageUp, CTRL)
    press(window, qtbot, K.Key_Z, CTRL)  # undoes p1's accept, not p2's removal
    loc = [s for s in spans_in_db(db, "p1") if s[2] == "LOC"]
    assert loc[0][3] == "suggested"
    assert any(s[2] == "PER" and SAMPLE[s[0] : s[1]] == "李明" for s in spans_in_db(db, "p1"))
    assert not any(SAMPLE[s[0] : s[1]] == "李明" for s in spans_in_db(db, "p2"))


def test_undo_history_survives_closing_and_reopening_the_window(windows, db, qtbot):
    window = windows(db)
    before = snapshot(db)
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_A)
    select_text(window, qtbot, SAMPLE.index("市委书记"), 4)
    press(window, qtbot, K.Key_2)
    after_two = snapshot(db)
    windows.close(window)
    window = windows(db)
    assert window.registry.actions["undo"].isEnabled()
    press(window, qtbot, K.Key_Z, CTRL)
    assert not any(s[2] == "ORG" and s[4] == "human" for s in spans_in_db(db))
    windows.close(window)
    window = windows(db)  # the undone edit is redoable after a restart, too
    press(window, qtbot, K.Key_Z, CTRL | SHIFT)
    assert snapshot(db) == after_two
    press(window, qtbot, K.Key_Z, CTRL)
    press(window, qtbot, K.Key_Z, CTRL)
    assert snapshot(db) == before


def test_undo_of_mark_done_after_coming_back(windows, db, qtbot):
    window = windows(db)
    answer_open_suggestions(qtbot, "accept")
    press(window, qtbot, K.Key_Return, CTRL)
    press(window, qtbot, K.Key_PageUp, CTRL)
    press(window, qtbot, K.Key_Z, CTRL)
    assert status_of(db, "p1")[0] == "new"


def test_window_reopens_on_the_page_caret_and_scroll_where_it_was_left(windows, tmp_path, qtbot):
    path = tmp_path / "long.db"
    with Store.open(path) as store:
        add_page(store, "a")
        long_page(store, "b", 20000, 100)
    window = windows(path)
    window.resize(760, 560)  # the offscreen screen is 800 x 600; Qt keeps windows inside it
    qtbot.waitUntil(lambda: window.width() == 760)
    window.splitter.setSizes([100, 560, 100])
    press(window, qtbot, K.Key_PageDown, CTRL)
    window.view.move_caret(15000, center=True)
    top = window.view.top_char()
    geometry, sizes = window.geometry(), window.splitter.sizes()
    assert 10000 < top < 15000
    windows.close(window)
    window = windows(path)
    assert window.page_id == "b"
    assert window.view.caret() == 15000
    # The same visual line is at the top (a line holds about 30 characters here).
    qtbot.waitUntil(lambda: abs(window.view.top_char() - top) < 30)
    assert window.view.viewport().rect().contains(window.view.cursorRect())
    assert window.geometry().size() == geometry.size()
    # Within a few pixels: the outline's minimum width depends on the page it shows.
    assert all(abs(a - b) <= 10 for a, b in zip(window.splitter.sizes(), sizes, strict=True))


def test_empty_database_offers_the_sample_pages(
    windows, empty_db, qtbot, monkeypatch, quiet_reports
):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    # A loaded machine: the import of the sample pages takes 6 s by the clock the waits
    # of pytest-qt read. Opening the window runs its start-up (the offer and the import)
    # to its end before any wait starts its clock, so no wait of 5 s runs out meanwhile.
    import time

    import annotator.gui.main_window as main_window

    clock = {"ahead": 0.0}
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + clock["ahead"])  # pytest-qt's clock
    slow_import = main_window.run_import

    def run_import(*args, **kwargs):
        report = slow_import(*args, **kwargs)
        clock["ahead"] += 6.0
        return report

    monkeypatch.setattr(main_window, "run_import", run_import)
    window = windows(empty_db)
    assert window.page_id is not None  # the start-up ran to its end, import and all
    assert "sample pages" in asked[0]
    with Store.open(empty_db) as store:
        assert store.count_pages() == 2
    assert window.status_page.text() == "Page 1 of 2"


def test_declining_the_sample_pages_leaves_the_database_empty(
    windows, empty_db, qtbot, monkeypatch
):
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(1) or QMessageBox.StandardButton.No
    )
    window = windows(empty_db)
    qtbot.waitUntil(lambda: asked == [1])
    assert window.page_id is None
    press(window, qtbot, K.Key_1)  # nothing to label: a message, not a traceback
    with Store.open(empty_db) as store:
        assert store.count_pages() == 0


def test_window_on_the_sample_pages_accepts_a_suggestion(windows, seeded_db, qtbot):
    window = windows(seeded_db)
    assert window.page_id is not None
    state = window.view.page_state
    assert (
        state.blocks and window.view.document().characterCount() - 1 == window.view.offsets.length16
    )
    window.view.move_caret(0)
    press(window, qtbot, K.Key_N)
    span = window.view.selected_span()
    assert span is not None and span.status == "suggested"
    press(window, qtbot, K.Key_A)
    with Store.open(seeded_db) as store:
        assert store.page_state(window.page_id).spans[span.id].status == "accepted"


def test_a_fifty_thousand_character_page_opens_and_takes_a_span_at_its_end(
    windows, tmp_path, qtbot
):
    path = tmp_path / "big.db"
    with Store.open(path) as store:
        long_page(store, "big", 50000, 2000)
    window = windows(path)
    text = window.view.page_state.page.text
    assert len(text) == 50000
    press(window, qtbot, K.Key_End, CTRL)
    press(window, qtbot, K.Key_Left, SHIFT, 3)
    press(window, qtbot, K.Key_4)
    spans = [s for s in spans_in_db(path, "big") if s[4] == "human"]
    assert [(s[0], s[1], s[2]) for s in spans] == [(49997, 50000, "DATE")]


def test_dropping_files_on_the_window_imports_them(windows, db, tmp_path, qtbot, quiet_reports):
    window = windows(db)
    page = tmp_path / "dropped.txt"
    page.write_text("# 新的一页\n\n本报讯 这是一篇新的文章。\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: bool(quiet_reports), timeout=20000)
    with Store.open(db) as store:
        assert store.has_page("dropped")
    assert window.status_page.text() == "Page 1 of 4"


def test_import_files_and_folder_from_the_file_menu(
    windows, db, tmp_path, qtbot, monkeypatch, quiet_reports
):
    window = windows(db)
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "one.txt").write_text("第一页。\n", encoding="utf-8")
    (folder / "two.md").write_text("# 第二页\n\n正文。\n", encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text("单独的一页。\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(single)], ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    press(window, qtbot, K.Key_O, CTRL)
    press(window, qtbot, K.Key_O, CTRL | SHIFT)
    with Store.open(db) as store:
        assert {"single", "one", "two"} <= set(store.page_ids())


def test_export_writes_the_done_pages_as_gold_jsonl(
    windows, db, tmp_path, qtbot, monkeypatch, quiet_reports
):
    window = windows(db)
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_A)
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL)
    target = tmp_path / "gold.jsonl"
    export_from_dialog(window, qtbot, target, "jsonl", ("done",))
    qtbot.waitUntil(target.exists)
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert {r["page_id"] for r in records} == {"p1"}
    spans = [s for r in records for s in r["spans"]]
    assert [(s["text"], s["label"]) for s in spans] == [("长沙", "LOC")]


def test_preferences_change_the_reviewer_of_later_edits(windows, db, qtbot):
    from PySide6.QtWidgets import QLineEdit

    from .pages import on_modal

    window = windows(db)

    def rename(dialog):
        edit = dialog.findChild(QLineEdit, "reviewer")
        edit.selectAll()
        qtbot.keyClicks(edit, "Ana")
        qtbot.keyClick(edit, K.Key_Return)

    on_modal(rename)
    window.registry.actions["preferences"].trigger()
    assert window.status_reviewer.text() == "Reviewer: Ana"
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_A)
    with Store.open(db) as store:
        done, _ = store.history("p1")
    assert done[-1].reviewer == "Ana"
    from annotator.gui import settings

    assert settings.reviewer() == "Ana"


def test_text_size_keys_change_the_view_and_are_remembered(windows, db, qtbot):
    from annotator.gui import settings

    window = windows(db)
    size = window.view.point_size()
    press(window, qtbot, K.Key_Equal, CTRL)
    press(window, qtbot, K.Key_Equal, CTRL)
    assert window.view.point_size() == size + 2
    press(window, qtbot, K.Key_Minus, CTRL)
    assert settings.font_size(0) == size + 1
    windows.close(window)
    assert windows(db).view.point_size() == size + 1


def test_an_empty_window_shows_pages_imported_elsewhere(windows, empty_db, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window = windows(empty_db)
    assert window.page_id is None
    # Another program (the command line, another window) imports into the same database.
    from annotator.pipeline import import_paths
    from annotator.resources import seeds_dir

    with Store.open(empty_db) as other:
        import_paths(other, [seeds_dir()])
    qtbot.waitUntil(lambda: window.page_id is not None, timeout=4000)
    assert window.page_list.model.rowCount() == 2


def test_a_second_window_sees_the_first_windows_edits(windows, db, qtbot):
    first = windows(db)
    second = windows(db)
    first.activateWindow()
    qtbot.waitUntil(lambda: first.isActiveWindow())
    first.view.setFocus()
    caret_in(first, "长沙")
    span_id = first.view.selected_span().id
    press(first, qtbot, K.Key_A)
    # The second window polls once a second and reloads the page another window changed.
    qtbot.waitUntil(
        lambda: second.view.page_state.spans[span_id].status == "accepted", timeout=3000
    )
    assert second.view.spans.by_id[span_id].status == "accepted"
    # Its undo history now holds the first window's edit, as the edit log does.
    qtbot.waitUntil(lambda: second.stacks.stack("p1").count() == 1)
    second.activateWindow()
    qtbot.waitUntil(lambda: second.isActiveWindow())
    second.view.setFocus()
    press(second, qtbot, K.Key_Z, CTRL)
    assert [s for s in spans_in_db(db) if s[2] == "LOC"][0][3] == "suggested"
    qtbot.waitUntil(
        lambda: first.view.page_state.spans[span_id].status == "suggested", timeout=3000
    )


def test_clicking_a_palette_label_tags_the_selection(windows, db, qtbot):
    window = windows(db)
    start = SAMPLE.index("市委书记")
    select_text(window, qtbot, start, 4)
    button = window.label_palette.buttons["ORG"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert (start, start + 4, "ORG", "accepted", "human", ()) in spans_in_db(db)
    assert window.view.hasFocus()  # the palette never takes the caret away


def test_preferences_language_and_text_size(windows, db, qtbot):
    from PySide6.QtWidgets import QComboBox, QDoubleSpinBox

    from annotator.gui import settings

    from .pages import on_modal

    window = windows(db)

    def choose(dialog):
        dialog.findChild(QComboBox, "language").setCurrentIndex(2)
        dialog.findChild(QDoubleSpinBox, "font_size").setValue(18)
        dialog.accept()

    on_modal(choose)
    press(window, qtbot, K.Key_Comma, CTRL)
    assert settings.language() == "zh_CN"
    assert "next time" in window.statusBar().currentMessage()
    assert window.view.point_size() == 18
    assert settings.font_size(0) == 18


def test_ctrl_q_closes_the_window_and_remembers_the_page(windows, db, qtbot):
    window = windows(db)
    press(window, qtbot, K.Key_PageDown, CTRL)
    press(window, qtbot, K.Key_Q, CTRL)
    assert not window.isVisible()
    from annotator.gui import settings

    assert settings.load_place(db).page_id == "p2"


def test_a_lagging_search_index_is_caught_up_in_the_background(
    windows, tmp_path, qtbot, monkeypatch
):
    # an upgrade rebuilt the index: the window opens at once and indexes in small steps
    from annotator.gui import main_window

    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 0)
    monkeypatch.setattr(main_window, "INDEX_STEP", 2)
    monkeypatch.setattr(main_window, "INDEX_MS", 60_000)  # until the test is listening
    path = make_db(tmp_path / "lag.db", [f"p{i}" for i in range(7)])
    index_catches_up(windows, qtbot, path, "fts", SAMPLE[:6], SAMPLE[:3])


def test_the_index_steps_count_the_pages_left_once_then_count_down(
    windows, tmp_path, qtbot, monkeypatch
):
    # over 100,000 unindexed pages a count takes ~25 ms: once, not at every step (100 ms)
    import re

    from annotator.gui import main_window

    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 0)
    monkeypatch.setattr(main_window, "INDEX_STEP", 2)
    monkeypatch.setattr(main_window, "INDEX_BUDGET_S", 60.0)  # two pages a step, however slow
    monkeypatch.setattr(main_window, "INDEX_MS", 60_000)  # until the test is listening
    path = make_db(tmp_path / "lag.db", [f"p{i}" for i in range(7)])
    with Store.open(path) as store:
        store.db.execute("INSERT INTO pages_fts (pages_fts) VALUES ('delete-all')")
        store.db.execute("UPDATE meta SET value = '0' WHERE key = 'search_indexed_rowid'")
    window = windows(path)
    counts: list[str] = []
    messages: list[str] = []

    def full_count(sql: str) -> None:
        if re.search(r"count\(\*\) FROM .*pages\b.* WHERE rowid >", sql) and not re.search(
            r"LIMIT \d", sql
        ):
            counts.append(sql)

    window.store.db.conn.set_trace_callback(full_count)
    window.statusBar().messageChanged.connect(messages.append)
    window._index_timer.setInterval(10)
    qtbot.waitUntil(lambda: bool(messages) and "up to date" in messages[-1], timeout=5000)
    window.store.db.conn.set_trace_callback(None)
    left = [m for m in messages if "left" in m]
    assert left == [f"Indexing pages for search: {n} left" for n in (5, 3, 1)]
    assert len(counts) == 1
    assert window.store.search_lag() == 0


def test_a_failing_index_step_stops_with_a_message_not_a_traceback(windows, tmp_path, monkeypatch):
    import sqlite3

    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 0)
    path = make_db(tmp_path / "lag.db", ["p1", "p2"])
    with Store.open(path) as store:
        store.db.execute("INSERT INTO pages_fts (pages_fts) VALUES ('delete-all')")
        store.db.execute("UPDATE meta SET value = '0' WHERE key = 'search_indexed_rowid'")
    window = windows(path)

    def full_disk(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(window.store, "index_search", full_disk)
    window._index_step()
    assert not window._index_timer.isActive()
    assert "disk is full" in window.statusBar().currentMessage()
    assert window.store.count_pages(search="p1") == 1  # search still works


def test_ctrl_shift_return_goes_to_the_page_the_model_is_least_sure_of(
    windows, tmp_path, qtbot, monkeypatch
):
    from annotator.gui.review import ReviewController
    from annotator.model import Span

    # open suggestions are accepted when the page is marked done (the dialog's first choice)
    monkeypatch.setattr(ReviewController, "_ask_open_suggestions", lambda self, n: "accept")

    from .pages import sample_spans
    from .test_suggestions_resolved import answer_open_suggestions

    def model_span(confidence):
        # 市委 (not the heading's "# ", which export would drop: accepting it is refused)
        return Span(2, 4, "ORG", "model", "suggested", {"confidence": confidence})

    path = tmp_path / "sure.db"
    with Store.open(path) as store:
        add_page(store, "p1")
        add_page(store, "p2", spans=[*sample_spans(), model_span(0.9)])
        add_page(store, "p3", spans=[*sample_spans(), model_span(0.41)])
        add_page(store, "p4")
    window = windows(path)
    assert window.page_id == "p1"
    answer_open_suggestions(qtbot, "reject")  # a page is done only with none open
    press(window, qtbot, K.Key_Return, CTRL | SHIFT)
    assert status_of(path, "p1")[0] == "done"
    assert window.page_id == "p3"  # 0.41 is the least sure suggestion
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL | SHIFT)
    assert window.page_id == "p2"
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL | SHIFT)
    assert window.page_id == "p4"  # no model suggestions left: page order
    assert window.view.toPlainText()  # the page is drawn


def test_export_dialog_offers_every_format_and_writes_the_chosen_one(
    windows, db, tmp_path, qtbot, monkeypatch, quiet_reports
):
    window = windows(db)
    target = tmp_path / "gold.doccano.jsonl"
    export_from_dialog(window, qtbot, target, "doccano", ALL_STATUSES)
    qtbot.waitUntil(target.exists)
    combo = window._export_dialog.format
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert offered[0] == "Gold JSONL (*.jsonl)"
    assert {"labelstudio (*.json)", "doccano (*.jsonl)", "bio (*.bio)"} <= set(offered)
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert lines and all(set(item) >= {"text", "label"} for item in lines)


def test_the_status_bar_fields_are_set_apart(windows, tmp_path, qtbot):
    # "Reviewer: root Page 21 of 119 Done: 0 of 119 Nothing saved yet": six pixels, a
    # space, between the fields, which read as one sentence. A line now parts them.
    from PySide6.QtWidgets import QFrame

    window = windows(make_db(tmp_path / "bar.db", ["p1", "p2"]))
    window.resize(1400, 800)
    labels = [window.status_reviewer, window.status_page, window.status_done, window.status_saved]
    qtbot.waitUntil(lambda: all(label.isVisible() for label in labels))
    lines = [
        f
        for f in window.statusBar().findChildren(QFrame)
        if f.isVisible() and f.frameShape() == QFrame.Shape.VLine
    ]
    for a, b in zip(labels, labels[1:], strict=False):
        text_end = a.geometry().left() + a.contentsRect().left()
        text_end += a.fontMetrics().horizontalAdvance(a.text())
        assert b.geometry().left() - text_end >= 16, (a.text(), b.text())
        between = [f for f in lines if text_end <= f.geometry().left() < b.geometry().left()]
        assert len(between) == 1, (a.text(), b.text())


def test_the_status_filter_of_the_page_list_survives_a_restart(windows, db, qtbot):
    # A day spent on "To review" went on, after a restart, over every page: the filter came
    # back as "All" and Ctrl+PgDown walked the done pages too.
    from annotator.gui.page_list import FILTERS

    window = windows(db)
    box = window.page_list.filter_box
    box.setFocus()
    qtbot.keyClick(box, K.Key_Home)
    while window.page_list.status_filter() != "not_done":
        qtbot.keyClick(box, K.Key_Down)
    press(window, qtbot, K.Key_Q, CTRL)
    again = windows(db)
    assert again.page_list.status_filter() == "not_done"
    assert box is not again.page_list.filter_box
    assert again.page_list.filter_box.currentIndex() == FILTERS.index("not_done")


def test_ctrl_z_on_a_page_with_nothing_to_undo_says_where_the_last_edit_is(windows, db, qtbot):
    # Each page keeps its own undo history: after Ctrl+PgDown, Ctrl+Z did nothing without a
    # word, and the reviewer's last edit seemed lost or saved nowhere.
    window = windows(db)
    press(window, qtbot, K.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == "Nothing to undo on this page."
    window.view.move_caret(SAMPLE.index("陈润"))
    press(window, qtbot, K.Key_H)  # the byline becomes a headline on p1
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p2"
    press(window, qtbot, K.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == (
        "Nothing to undo on this page: each page keeps its own undo history. "
        "Your last edit is on page p1; open it to undo it there."
    )
    assert status_of(db, "p1")[0] == "in_progress"  # nothing was undone
    press(window, qtbot, K.Key_PageUp, CTRL)
    press(window, qtbot, K.Key_Z, CTRL)  # the real Undo: no two shortcuts of one key
    assert status_of(db, "p1")[0] == "new"


def test_done_on_a_page_with_no_article_says_it_gives_no_record(windows, tmp_path, qtbot):
    # Every paragraph marked X by a slip, Ctrl+Return: the page was done without a word,
    # and the export then left it out.
    from annotator.model import Block

    from .pages import add_page, paragraphs

    path = tmp_path / "furniture.db"
    with Store.open(path) as store:
        furniture = [Block(s, e, "other", None) for s, e in paragraphs(SAMPLE)]
        add_page(store, "ads", SAMPLE, furniture, [])
        add_page(store, "p2")
    window = windows(path)
    press(window, qtbot, K.Key_Return, CTRL)
    assert status_of(path, "ads")[0] == "done" and window.page_id == "p2"
    assert window.statusBar().currentMessage() == (
        "Page ads is done with no article on it (page furniture only): an export gives it "
        "no record. Ctrl+Z undoes that."
    )
    answer_open_suggestions(qtbot, "accept")
    press(window, qtbot, K.Key_Return, CTRL)  # a page with articles: no such word
    assert "no article" not in window.statusBar().currentMessage()


def test_ctrl_y_on_a_page_with_nothing_to_redo_says_so(windows, db, qtbot):
    # Ctrl+Y with nothing to redo did nothing without a word, as Ctrl+Z did.
    window = windows(db)
    press(window, qtbot, K.Key_Y, CTRL)
    assert window.statusBar().currentMessage() == "Nothing to redo on this page."
    window.view.move_caret(SAMPLE.index("陈润"))
    press(window, qtbot, K.Key_H)
    press(window, qtbot, K.Key_Z, CTRL)
    assert status_of(db, "p1")[0] == "new"
    press(window, qtbot, K.Key_Y, CTRL)  # the real Redo: no two shortcuts of one key
    assert status_of(db, "p1")[0] == "in_progress"
