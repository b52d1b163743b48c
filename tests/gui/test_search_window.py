"""The window's page list and search: another window's writes adopted while changing
pages, and the phrase index caught up in the background."""

from __future__ import annotations

from annotator.store import Store

from .pages import SAMPLE, add_page, index_catches_up, make_db, type_text
from .test_window_edits import CTRL, K, press


def test_a_write_of_another_window_adopted_while_changing_pages_refreshes_the_list(
    windows, tmp_path, qtbot
):
    db = make_db(tmp_path / "list.db", ["p1", "p2", "p3"])
    window = windows(db)
    qtbot.waitUntil(lambda: window.store.phrase_lag() == 0)  # a short lag: at start, quietly
    window._poll.stop()  # the once-a-second look is called by hand below
    with Store.open(db) as other:
        add_page(other, "p4")
    press(window, qtbot, K.Key_PageDown, CTRL)  # the next page: reads the new state
    assert window.page_id == "p2"
    window.check_external()  # the poll finds nothing: the write was adopted already
    qtbot.waitUntil(lambda: window.page_list.model.rowCount() == 4, timeout=3000)
    box = window.page_list.filter_box
    assert box.itemText(0).endswith("(4)")


def test_a_lagging_phrase_index_is_caught_up_in_the_background(
    windows, tmp_path, qtbot, monkeypatch
):
    # an upgrade to schema 9 on a large database: the window opens at once, long searches
    # stay exact while it indexes in small steps
    from annotator.gui import main_window

    monkeypatch.setattr(main_window, "PHRASES_QUIETLY", 0)  # as on 100,000 pages
    monkeypatch.setattr(main_window, "PHRASE_STEP", 2)
    monkeypatch.setattr(main_window, "INDEX_MS", 60_000)  # until the test is listening
    path = make_db(tmp_path / "lag.db", [f"p{i}" for i in range(7)])
    index_catches_up(windows, qtbot, path, "phrases", SAMPLE[10:14], SAMPLE[10:14])


def test_a_short_phrase_index_lag_is_caught_up_quietly_in_the_background(windows, tmp_path, qtbot):
    path = make_db(tmp_path / "short.db", ["p1", "p2", "p3"])
    with Store.open(path) as store:
        assert store.phrase_lag() == 3  # import leaves the phrase index to the window
    window = windows(path)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    qtbot.waitUntil(lambda: not window._index_timer.isActive())
    assert window.store.phrase_lag() == 0
    assert not [m for m in messages if "ndex" in m]  # no news for the reviewer


def test_the_window_indexes_a_step_at_a_time_never_past_its_time(
    windows, tmp_path, qtbot, monkeypatch
):
    # A step stops once its time is up (here at once: one page a step, whatever the page
    # limit), so a big import or an upgrade never freezes the window; the steps go on
    # until both indexes are complete, and searches stay exact meanwhile.
    from annotator.gui import main_window

    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 0)
    monkeypatch.setattr(main_window, "INDEX_BUDGET_S", 0.0)
    monkeypatch.setattr(main_window, "INDEX_MS", 60_000)  # until the test is listening
    path = make_db(tmp_path / "lag.db", [f"p{i}" for i in range(12)])
    with Store.open(path) as store:
        store.db.execute("INSERT INTO pages_fts (pages_fts) VALUES ('delete-all')")
        store.db.execute("UPDATE meta SET value = '0' WHERE key = 'search_indexed_rowid'")
        assert store.phrase_lag() == 12
    window = windows(path)
    steps: list[tuple[str, int]] = []
    store = window.store
    for name in ("index_search", "index_phrases"):
        method = getattr(store, name)

        def counted(*args, method=method, name=name, **kwargs):  # noqa: ANN002, ANN003, ANN202
            taken = method(*args, **kwargs)
            steps.append((name, taken))
            return taken

        monkeypatch.setattr(store, name, counted)
    window._index_timer.setInterval(10)
    press(window, qtbot, K.Key_F, CTRL)
    type_text(qtbot, window.page_list.search_box, SAMPLE[10:14])
    qtbot.keyClick(window.page_list.search_box, K.Key_Return)
    qtbot.waitUntil(lambda: window.page_list.model.rowCount() == 12)  # exact while it lags
    qtbot.waitUntil(lambda: not window._index_timer.isActive(), timeout=10_000)
    assert store.search_lag() == 0 and store.phrase_lag() == 0
    taken = [n for name, n in steps if n]
    assert taken and set(taken) == {1}  # never more than the page under way
    assert sum(n for name, n in steps if name == "index_phrases") == 12
    assert "up to date" in window.statusBar().currentMessage()
    assert store.count_pages(search=SAMPLE[10:14]) == 12
    assert store.count_pages(search=SAMPLE[:3]) == 12


def test_a_page_opened_from_a_text_search_shows_its_first_hit(windows, tmp_path, qtbot):
    # A reviewer who searched for a phrase meets it on the page, caret and selection on the
    # first hit, instead of at the top of a page of thousands of characters to scan.
    from annotator.model import Block

    text = (
        SAMPLE + "\n\n" + "\n\n".join(["会议指出,要持续推进。"] * 40) + "\n\n洞庭湖治理取得成效。"
    )
    start = 0
    blocks = []
    for para in text.split("\n\n"):
        blocks.append(Block(start, start + len(para), "body", 1))
        start += len(para) + 2
    with Store.open(tmp_path / "s.db") as store:
        add_page(store, "p1")
        add_page(store, "p2", text=text, blocks=blocks, spans=[])
    window = windows(tmp_path / "s.db")
    assert window.page_id == "p1"
    press(window, qtbot, K.Key_F, CTRL)
    box = window.page_list.search_box
    assert box.hasFocus()
    type_text(qtbot, box, "洞庭湖治理")
    qtbot.keyClick(box, K.Key_Return)
    qtbot.waitUntil(lambda: window.page_list.model.rowCount() == 1)
    qtbot.keyClick(box, K.Key_Down)  # from the search box to the list: opens p2
    assert window.page_id == "p2"
    press(window, qtbot, K.Key_T, CTRL)  # back to the page text
    hit = text.index("洞庭湖治理")
    assert window.view.caret() == hit + len("洞庭湖治理")
    assert window.view.selection_range() == (hit, hit + len("洞庭湖治理"))
    assert window.view.verticalScrollBar().value() > 0  # scrolled to it


def test_a_search_hit_on_the_open_page_is_selected_too(windows, tmp_path, qtbot):
    # Down from the search box opened another page found with its hit selected, but on the
    # page already open (the first found) it did nothing: the reviewer was left to scan.
    db = make_db(tmp_path / "open.db", ["p1", "p2"])
    window = windows(db)
    assert window.page_id == "p1"
    press(window, qtbot, K.Key_F, CTRL)
    box = window.page_list.search_box
    type_text(qtbot, box, "岳阳市政府")
    qtbot.keyClick(box, K.Key_Return)
    qtbot.waitUntil(lambda: window.page_list.model.rowCount() == 2)
    qtbot.keyClick(box, K.Key_Down)
    assert window.page_id == "p1"
    press(window, qtbot, K.Key_T, CTRL)
    hit = SAMPLE.index("岳阳市政府")
    assert window.view.selection_range() == (hit, hit + len("岳阳市政府"))
    press(window, qtbot, K.Key_2)  # ORG: accepts the suggestion there
    with Store.open(db) as store:
        (span,) = [s for s in store.spans("p1") if s.start == hit]
        assert (span.end, span.label, span.status) == (hit + 5, "ORG", "accepted")


def test_escape_in_the_search_box_goes_back_to_the_page(windows, tmp_path, qtbot):
    # Escape did nothing there: a keyboard-only reviewer who searched and changed their
    # mind had to know Ctrl+T. The search stays; the keys edit the page again.
    db = make_db(tmp_path / "esc.db", ["p1", "p2"])
    window = windows(db)
    window.view.move_caret(SAMPLE.index("会议指出"))
    press(window, qtbot, K.Key_F, CTRL)
    box = window.page_list.search_box
    type_text(qtbot, box, "岳阳")
    qtbot.keyClick(box, K.Key_Escape)
    assert window.view.hasFocus() and box.text() == "岳阳"
    qtbot.keyClick(window.view, K.Key_I)
    with Store.open(db) as store:
        start = SAMPLE.index("会议指出")
        assert next(b for b in store.blocks("p1") if b.start == start).role == "intertitle"


def _hits_db(path, hits=("p1", "p3", "p5"), pages=("p1", "p2", "p3", "p4", "p5")):
    """Pages without suggestions (Ctrl+Return asks nothing); those in ``hits`` hold 洞庭湖治理."""
    with Store.open(path) as store:
        for page_id in pages:
            text = SAMPLE + ("\n\n洞庭湖治理取得成效。" if page_id in hits else "")
            add_page(store, page_id, text=text, spans=[])
    return path


def _search(window, qtbot, text: str) -> None:
    press(window, qtbot, K.Key_F, CTRL)
    box = window.page_list.search_box
    assert box.hasFocus()
    type_text(qtbot, box, text)
    qtbot.keyClick(box, K.Key_Return)


def test_return_in_the_search_box_opens_the_first_page_found(windows, tmp_path, qtbot):
    # Return only filtered the list: the reviewer had to know Down to reach the hit. Now it
    # opens the first page found, hit selected, keys on the text ready to label it.
    db = _hits_db(tmp_path / "ret.db", hits=("p2", "p3"), pages=("p1", "p2", "p3"))
    window = windows(db)
    assert window.page_id == "p1"
    _search(window, qtbot, "洞庭湖治理")
    qtbot.waitUntil(lambda: window.page_id == "p2")
    assert window.view.hasFocus()
    assert window.page_list.current_page() == "p2"
    text = window.view.page_state.page.text
    hit = text.index("洞庭湖治理")
    assert window.view.selection_range() == (hit, hit + len("洞庭湖治理"))
    press(window, qtbot, K.Key_1)  # PER: the keys label the hit at once
    with Store.open(db) as store:
        assert [(s.start, s.label) for s in store.spans("p2")] == [(hit, "PER")]


def test_return_on_a_search_that_finds_nothing_stays_in_the_box(windows, tmp_path, qtbot):
    db = _hits_db(tmp_path / "none.db", hits=(), pages=("p1", "p2"))
    window = windows(db)
    _search(window, qtbot, "洞庭湖治理")
    qtbot.waitUntil(lambda: window.page_list.model.rowCount() == 0)
    qtbot.waitUntil(lambda: not window.page_list.searching())
    assert window.page_id == "p1"
    assert window.page_list.search_box.hasFocus()


def test_done_under_a_search_opens_the_next_page_found(windows, tmp_path, qtbot):
    # Ctrl+Return under a search opened the next not-done page of the whole list (p2, not
    # found) and the list lost its selection: the reviewer working through the hits had to
    # find their way back. Now the next hit to review opens, selected in the list.
    db = _hits_db(tmp_path / "next.db")
    window = windows(db)
    _search(window, qtbot, "洞庭湖治理")
    qtbot.waitUntil(lambda: window.page_id == "p1" and window.view.hasFocus())
    press(window, qtbot, K.Key_Return, CTRL)
    assert window.page_id == "p3"
    qtbot.waitUntil(lambda: not window.page_list.searching())
    panel = window.page_list
    assert panel.current_page() == "p3"
    rows = panel.view.selectionModel().selectedRows()
    assert [panel.model.page_id(i.row()) for i in rows] == ["p3"]
    press(window, qtbot, K.Key_Return, CTRL)
    assert window.page_id == "p5"
    press(window, qtbot, K.Key_Return, CTRL)  # every page found is done now
    assert window.page_id == "p5"
    assert "洞庭湖治理" in window.statusBar().currentMessage()
    with Store.open(db) as store:
        assert store.page_ids("done") == ["p1", "p3", "p5"]
