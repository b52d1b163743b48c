"""The page list panel: lazy model, status filter, search, selection, against the database."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from annotator.edits import Op, mark_done_op
from annotator.gui.page_list import FILTERS, SEARCH_DELAY_MS, PageListPanel
from annotator.gui.page_list_model import (
    CACHED_WINDOWS,
    COL_ARTICLES,
    COL_PAGE,
    COL_SPANS,
    COL_STATUS,
    PAGE_ID_ROLE,
    WINDOW,
    PageListModel,
    compute_filter,
)
from annotator.model import PAGE_STATUSES, Block, Page, Span
from annotator.store import Store

N_PAGES = 700  # more than two windows of rows
STATUS_CYCLE = ("new", "new", "in_progress", "done", "skipped", "flagged", "done")


def _page(i: int) -> tuple[Page, list[Block], list[Span]]:
    topic = "洪水预警" if i % 9 == 0 else "天气晴好"
    headline = f"第{i}号 {topic}"
    text = f"{headline}\n\n本报讯 今日{topic}，市民出行。\n"
    page = Page(
        f"p{i:04d}",
        text,
        f"/in/p{i:04d}.txt",
        hashlib.sha256(text.encode()).hexdigest(),
        status=STATUS_CYCLE[i % len(STATUS_CYCLE)],
    )
    body = len(headline) + 2
    blocks = [Block(0, len(headline), "headline", 1), Block(body, len(text) - 1, "body", 1)]
    spans = [Span(body + 5, body + 9, "LOC", "rule", "accepted")] * (i % 3) + [
        Span(body + 3, body + 5, "DATE", "rule", "suggested")
    ]
    spans = [Span(s.start + k, s.end + k, s.label, s.origin, s.status) for k, s in enumerate(spans)]
    return page, blocks, spans


@pytest.fixture
def many_db(tmp_path: Path) -> Path:
    path = tmp_path / "many.db"
    with Store.open(path) as store, store.db.atomic():
        for i in range(N_PAGES):
            store.add_page(*_page(i))
    return path


@pytest.fixture
def store(qapp, many_db: Path):
    s = Store.open(many_db)
    yield s
    s.close()


@pytest.fixture
def panel(qtbot, store: Store) -> PageListPanel:
    widget = PageListPanel(store)
    qtbot.addWidget(widget)
    widget.resize(360, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_chinese(widget: QWidget, text: str) -> None:
    """Type ``text`` as an input method commits it, one character per commit.

    (QTest.keyClicks only knows ASCII keys; Chinese reaches a widget through the IME.)
    """
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def settled(qtbot, panel: PageListPanel) -> None:
    """Wait until the list shows the last search asked for (searches run on a thread)."""
    qtbot.waitUntil(lambda: not panel.searching(), timeout=5000)


def listed_ids(model: PageListModel) -> list[str]:
    return [model.index(r, COL_PAGE).data() for r in range(model.rowCount())]


def db_ids(store: Store, status: str | None = None, search: str | None = None) -> list[str]:
    return [r.id for r in store.page_rows(0, 10**6, status, search)]


# --- the model -----------------------------------------------------------------------


@pytest.mark.parametrize(("status", "search"), [(None, None), ("done", None), (None, "洪水预警")])
def test_model_passes_qt_model_tester(qtmodeltester, store: Store, status, search) -> None:
    model = PageListModel(store)
    model.set_filter(status, search)
    qtmodeltester.check(model, force_py=True)


def test_model_rows_agree_with_the_database_for_every_filter(store: Store) -> None:
    model = PageListModel(store)
    for status in FILTERS:
        model.set_filter(status, None)
        rows = store.page_rows(0, 10**6, status)
        assert model.rowCount() == len(rows) == store.count_pages(status)
        for r, row in enumerate(rows):
            shown = [model.index(r, c).data() for c in (COL_PAGE, COL_ARTICLES, COL_SPANS)]
            assert shown == [row.id, str(row.articles), f"{row.spans} / {row.suggested}"]
            assert model.index(r, COL_STATUS).data(Qt.ItemDataRole.UserRole + 2) == row.status


def test_model_never_holds_more_than_its_cached_windows(store: Store) -> None:
    model = PageListModel(store)
    assert model.cached_rows() == 0  # counting pages fetches no rows
    for r in range(model.rowCount()):
        model.index(r, COL_PAGE).data()
        assert model.cached_rows() <= CACHED_WINDOWS * WINDOW
    assert model.rowCount() == N_PAGES


def test_filter_result_brings_the_rows_around_the_selected_page(store: Store, monkeypatch) -> None:
    """Showing a search result centred on the selected page needs no query on the UI thread."""
    result = compute_filter(store, None, "天气晴好", "p0650")
    expected = db_ids(store, None, "天气晴好")
    assert result.position == expected.index("p0650")
    model = PageListModel(store)
    model.show_result(result)

    def no_query(*args, **kwargs):
        raise AssertionError("the model queried the database")

    monkeypatch.setattr(store, "page_rows", no_query)
    assert model.page_id(result.position) == "p0650"
    assert model.page_id(0) == expected[0]
    for row in range(result.position - 40, min(model.rowCount(), result.position + 40)):
        assert model.page_id(row) == expected[row]


def test_model_shows_a_distinct_icon_and_a_tooltip_for_each_status(store: Store) -> None:
    model = PageListModel(store)
    images = {s: model.status_icon(s).pixmap(16, 16).toImage() for s in PAGE_STATUSES}
    assert all(not image.isNull() for image in images.values())
    assert len({bytes(image.constBits()) for image in images.values()}) == len(PAGE_STATUSES)
    tip = model.index(3, COL_PAGE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("p0003: Done, 1 articles")


# --- filter and search, driven like a reviewer -----------------------------------------


def test_filter_combo_lists_each_status_with_its_count(qtbot, panel: PageListPanel, store) -> None:
    counts = store.status_counts()
    texts = [panel.filter_box.itemText(i) for i in range(panel.filter_box.count())]
    assert texts[0] == f"All ({N_PAGES})"
    assert texts[1] == f"Not done ({N_PAGES - counts['done'] - counts['skipped']})"
    assert texts[4] == f"Done ({counts['done']})"
    # Choose "Done" with the keyboard: focus the combo and step down three entries.
    panel.filter_box.setFocus()
    for _ in range(4):
        qtbot.keyClick(panel.filter_box, Qt.Key.Key_Down)
    assert panel.status_filter() == "done"
    assert listed_ids(panel.model) == db_ids(store, "done")
    qtbot.keyClick(panel.filter_box, Qt.Key.Key_Up)
    assert panel.status_filter() == "in_progress"
    assert listed_ids(panel.model) == db_ids(store, "in_progress")


def test_set_status_filter_not_done_hides_done_and_skipped(panel: PageListPanel, store) -> None:
    panel.set_status_filter("not_done")
    assert panel.filter_box.currentIndex() == FILTERS.index("not_done")
    ids = listed_ids(panel.model)
    assert ids == db_ids(store, "not_done")
    assert all(store.page(i).status not in ("done", "skipped") for i in ids)
    with pytest.raises(ValueError, match="unknown"):
        panel.set_status_filter("finished")


def test_typed_search_is_debounced_then_lists_matching_pages(qtbot, panel, store) -> None:
    type_chinese(panel.search_box, "洪水预警")
    # Nothing runs while the reviewer is still typing...
    assert panel.model.rowCount() == N_PAGES
    # ...and the list follows once the typing pauses.
    qtbot.waitUntil(lambda: panel.model.rowCount() < N_PAGES, timeout=SEARCH_DELAY_MS * 10)
    assert listed_ids(panel.model) == db_ids(store, None, "洪水预警")
    assert len(listed_ids(panel.model)) == len(range(0, N_PAGES, 9))
    # The counts in the filter follow the search (they come just after the list).
    settled(qtbot, panel)
    assert panel.filter_box.itemText(0) == f"All ({len(range(0, N_PAGES, 9))})"
    panel.set_status_filter("done")
    settled(qtbot, panel)
    assert listed_ids(panel.model) == db_ids(store, "done", "洪水预警")
    assert panel.filter_box.itemText(FILTERS.index("done")) == (
        f"Done ({store.count_pages('done', '洪水预警')})"
    )


def test_short_search_and_id_search_and_clearing(qtbot, panel, store) -> None:
    type_chinese(panel.search_box, "洪水")  # two characters: no trigram, still found
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)  # Return searches at once
    settled(qtbot, panel)
    assert listed_ids(panel.model) == db_ids(store, None, "洪水")
    panel.search_box.clear()
    qtbot.keyClicks(panel.search_box, "p0123")
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    settled(qtbot, panel)
    assert listed_ids(panel.model) == ["p0123"]
    panel.search_box.clear()  # clearing shows every page again without waiting
    assert panel.model.rowCount() == N_PAGES


# --- selection and activation ----------------------------------------------------------


def test_keyboard_and_click_emit_page_activated(qtbot, panel: PageListPanel) -> None:
    view = panel.view
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Down)  # Down leaves the search box
    assert view.hasFocus()
    assert panel.current_page() == "p0000"
    with qtbot.waitSignal(panel.pageActivated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == ["p0001"]
    with qtbot.waitSignal(panel.pageActivated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == ["p0001"]
    rect = view.visualRect(panel.model.index(4, COL_PAGE))
    with qtbot.waitSignal(panel.pageActivated) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["p0004"]


def test_select_page_scrolls_to_it_without_echoing_activation(qtbot, panel) -> None:
    with qtbot.assertNotEmitted(panel.pageActivated):
        assert panel.select_page("p0651")
    assert panel.current_page() == "p0651"
    index = panel.model.index(651, COL_PAGE)
    assert panel.view.viewport().rect().contains(panel.view.visualRect(index).center())
    panel.set_status_filter("done")
    assert panel.current_page() is None  # p0651 is "new": filtered out
    assert not panel.view.selectionModel().hasSelection()
    with qtbot.assertNotEmitted(panel.pageActivated):
        assert not panel.select_page("p0651")
    assert panel.select_page("p0006")
    assert panel.current_page() == "p0006"


def test_filter_change_keeps_the_selected_page_when_still_listed(qtbot, panel) -> None:
    panel.select_page("p0003")  # done
    with qtbot.assertNotEmitted(panel.pageActivated):
        panel.set_status_filter("done")
    assert panel.current_page() == "p0003"
    assert panel.view.selectionModel().isRowSelected(panel.view.currentIndex().row(), QModelIndex())


def test_refresh_after_an_edit_updates_rows_counts_and_keeps_selection(qtbot, panel, store) -> None:
    panel.set_status_filter("not_done")
    panel.select_page("p0100")  # in the middle of the filtered list
    row_before = panel.view.currentIndex().row()
    done_before = store.status_counts()["done"]
    # Another page earlier in the list is marked done: the selected row moves up by one.
    store.apply(mark_done_op(store.page_state("p0001"), "reject"), "tester")
    with qtbot.assertNotEmitted(panel.pageActivated):
        panel.refresh()
    assert panel.current_page() == "p0100"
    assert panel.view.currentIndex().row() == row_before - 1
    assert listed_ids(panel.model) == db_ids(store, "not_done")
    assert panel.filter_box.itemText(FILTERS.index("done")) == f"Done ({done_before + 1})"
    # The selected page itself is accepted: its span count changes in place.
    span_id = store.spans("p0100", ["suggested"])[0].id
    store.apply(Op("set_span_status", "p0100", {"id": span_id, "status": "accepted"}), "tester")
    panel.refresh()
    shown = panel.model.index(panel.view.currentIndex().row(), COL_SPANS).data()
    assert shown == f"{100 % 3 + 1} / 0"


def test_refresh_when_the_selected_page_leaves_the_filter(qtbot, panel, store) -> None:
    panel.set_status_filter("not_done")
    panel.select_page("p0002")
    store.apply(mark_done_op(store.page_state("p0002"), "reject"), "tester")
    with qtbot.assertNotEmitted(panel.pageActivated):
        panel.refresh()
    assert panel.current_page() is None
    assert "p0002" not in listed_ids(panel.model)


def test_page_id_role_and_click_on_empty_space(qtbot, panel) -> None:
    assert panel.model.index(7, COL_STATUS).data(PAGE_ID_ROLE) == "p0007"
    panel.search_box.setText("no such text anywhere")
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    settled(qtbot, panel)
    assert panel.model.rowCount() == 0
    with qtbot.assertNotEmitted(panel.pageActivated):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))


# --- searching off the UI thread ---------------------------------------------------------


def test_search_runs_off_the_ui_thread_and_status_filters_on_it(
    qtbot, panel, store, monkeypatch
) -> None:
    import annotator.gui.page_list as page_list

    threads: list[bool] = []
    real = page_list.compute_filter

    def spy(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(page_list, "compute_filter", spy)
    panel.set_status_filter("flagged")
    assert threads == [True]  # an indexed status filter is quick: no thread needed
    panel.search_box.setText("洪水预警")
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    settled(qtbot, panel)
    assert threads == [True, False]
    assert listed_ids(panel.model) == db_ids(store, "flagged", "洪水预警")


def test_only_the_last_of_quick_searches_is_shown(qtbot, panel, store) -> None:
    shown = []
    panel.filterApplied.connect(lambda: shown.append(panel.model.search))
    for text in ("洪水预警", "p01", "天气晴好", "p0042"):
        panel.search_box.setText(text)
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    settled(qtbot, panel)
    assert shown[-1] == "p0042"  # a late result of an earlier search never replaces it
    assert panel.model.search == "p0042"
    assert listed_ids(panel.model) == ["p0042"]
    assert panel.filter_box.itemText(0) == "All (1)"


def test_refresh_under_a_search_keeps_the_selection(qtbot, panel, store) -> None:
    panel.search_box.setText("洪水预警")
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    settled(qtbot, panel)
    panel.set_status_filter("not_done")
    settled(qtbot, panel)
    assert panel.select_page("p0036")
    store.apply(mark_done_op(store.page_state("p0009"), "reject"), "tester")
    with qtbot.assertNotEmitted(panel.pageActivated):
        panel.refresh()
        settled(qtbot, panel)
    assert listed_ids(panel.model) == db_ids(store, "not_done", "洪水预警")
    assert "p0009" not in listed_ids(panel.model)
    assert panel.current_page() == "p0036"
    row = panel.view.currentIndex().row()
    assert panel.model.page_id(row) == "p0036"


def test_selection_survives_a_search_that_still_lists_it(qtbot, panel) -> None:
    panel.select_page("p0027")
    panel.search_box.setText("洪水预警")
    with qtbot.waitSignal(panel.pageActivated) as blocker:
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
        settled(qtbot, panel)
    assert blocker.args == ["p0027"]  # Return opens the open page's hit, not the first page
    assert panel.current_page() == "p0027"
    assert panel.model.page_id(panel.view.currentIndex().row()) == "p0027"


def test_a_common_long_word_lists_its_first_pages_before_they_are_all_counted(
    qtbot, panel, store
) -> None:
    # 天气晴好 is on 8 of 9 pages: the list shows the first ones found (exact, in order)
    # while the rest are confirmed; the whole list and the counts come after.
    last = N_PAGES - 1  # selected: its row is known only once the whole list is
    assert panel.select_page(f"p{last:04d}")
    shown = []
    panel.filterApplied.connect(
        lambda: shown.append((listed_ids(panel.model), panel.filter_box.itemText(0)))
    )
    panel.search_box.setText("天气晴好")
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    settled(qtbot, panel)
    everything = db_ids(store, None, "天气晴好")
    first_rows, first_label = shown[0]
    assert 0 < len(first_rows) < len(everything) and first_label == "All (…)"
    assert first_rows == everything[: len(first_rows)]
    assert listed_ids(panel.model) == everything
    assert panel.filter_box.itemText(0) == f"All ({len(everything)})"
    assert panel.current_page() == f"p{last:04d}"  # still selected, in its row
