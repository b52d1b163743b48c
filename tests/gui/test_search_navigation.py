"""Page keys under a search walk the pages found, and the status bar says where among them
the open page is (issue #11: Ctrl+PgDown and Ctrl+Shift+Return walked every page)."""

from __future__ import annotations

from annotator.model import Page, Span
from annotator.store import Store

from .pages import SAMPLE, sample_blocks, sample_spans, type_text
from .test_suggestions_resolved import answer_open_suggestions
from .test_window_edits import CTRL, SHIFT, K, press

WORD = "洞庭湖"
FOUND_TEXT = SAMPLE + "\n\n" + WORD + "治理取得成效。"


def model_span(confidence: float) -> Span:
    return Span(2, 4, "ORG", "model", "suggested", {"confidence": confidence})


def make_pages(path, found, confidences=None, done=()):  # noqa: ANN001, ANN201
    """Pages p1..p6; those in ``found`` hold WORD, those in ``done`` are done; model
    suggestions by ``confidences``."""
    confidences = confidences or {}
    with Store.open(path) as store:
        for n in range(1, 7):
            page_id = f"p{n}"
            text = FOUND_TEXT if page_id in found else SAMPLE
            spans = sample_spans(text)
            if page_id in confidences:
                spans.append(model_span(confidences[page_id]))
            status = "done" if page_id in done else "new"
            page = Page(page_id, text, f"{page_id}.txt", page_id, status=status)
            store.add_page(page, sample_blocks(text), spans)
    return path


def search(window, qtbot, text: str) -> None:  # noqa: ANN001
    """Ctrl+F, type ``text`` over the box's text, Return: the first page found opens."""
    press(window, qtbot, K.Key_F, CTRL)
    box = window.page_list.search_box
    type_text(qtbot, box, text)
    qtbot.keyClick(box, K.Key_Return)
    qtbot.waitUntil(lambda: window.page_list.search_text() == text)
    qtbot.waitUntil(lambda: not window.page_list.searching() and window.view.hasFocus())


def clear_search(window, qtbot) -> None:  # noqa: ANN001
    press(window, qtbot, K.Key_F, CTRL)  # selects the box's text
    qtbot.keyClick(window.page_list.search_box, K.Key_Backspace)
    qtbot.keyClick(window.page_list.search_box, K.Key_Escape)  # back to the page
    qtbot.waitUntil(lambda: not window.page_list.searching())


def hit_selected(window) -> bool:  # noqa: ANN001
    start = FOUND_TEXT.index(WORD)
    return window.view.selection_range() == (start, start + len(WORD))


def test_ctrl_pgdown_and_pgup_walk_the_pages_found_under_a_search(windows, tmp_path, qtbot):
    db = make_pages(tmp_path / "walk.db", {"p2", "p4", "p5"})
    window = windows(db)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    search(window, qtbot, WORD)
    assert window.page_id == "p2"
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p4"  # not p3, which the search does not find
    assert hit_selected(window)  # as when the page is chosen in the list
    assert window.status_page.text() == "Match 2 of 3 · page 4 of 6"
    press(window, qtbot, K.Key_PageDown, CTRL, times=2)
    assert window.page_id == "p5"
    assert messages[-1] == f"This is the last page found by “{WORD}”."
    press(window, qtbot, K.Key_PageUp, CTRL, times=2)
    assert window.page_id == "p2"
    press(window, qtbot, K.Key_PageUp, CTRL)
    assert window.page_id == "p2"
    assert messages[-1] == f"This is the first page found by “{WORD}”."
    assert window.status_page.text() == "Match 1 of 3 · page 2 of 6"
    clear_search(window, qtbot)  # without the search: every page again
    assert window.status_page.text() == "Page 2 of 6"
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p3"
    assert window.status_page.text() == "Page 3 of 6"


def test_ctrl_pgdown_walks_the_pages_found_of_the_status_filter(windows, tmp_path, qtbot):
    # The list shows a status filter and a search together: the keys walk what it shows.
    db = make_pages(tmp_path / "filter.db", {"p2", "p3", "p4", "p5"}, done={"p3"})
    window = windows(db)
    window.page_list.set_status_filter("not_done")
    search(window, qtbot, WORD)
    assert window.page_id == "p2"
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p4"  # p3 is done: not in the list
    assert window.status_page.text() == "Match 2 of 3 · page 4 of 6"


def test_ctrl_return_under_a_search_opens_the_next_page_found_with_its_hit(
    windows, tmp_path, qtbot
):
    db = make_pages(tmp_path / "done.db", {"p2", "p5"})
    window = windows(db)
    search(window, qtbot, WORD)
    assert window.page_id == "p2"
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL)
    assert window.page_id == "p5"
    assert hit_selected(window)
    with Store.open(db) as store:
        assert store.page("p2").status == "done"
    assert window.status_page.text() == "Match 2 of 2 · page 5 of 6"


def test_ctrl_shift_return_under_a_search_opens_the_least_sure_page_found(windows, tmp_path, qtbot):
    # p3 holds the least sure suggestion of all, but the search does not find it.
    db = make_pages(tmp_path / "sure.db", {"p1", "p4", "p6"}, {"p3": 0.1, "p4": 0.9, "p6": 0.4})
    window = windows(db)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    search(window, qtbot, WORD)
    assert window.page_id == "p1"
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL | SHIFT)
    assert window.page_id == "p6"  # 0.4: the least sure among the pages found
    assert hit_selected(window)
    assert window.status_page.text() == "Match 3 of 3 · page 6 of 6"
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL | SHIFT)
    assert window.page_id == "p4"
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL | SHIFT)
    assert window.page_id == "p4"  # every page found is done: the window stays
    assert messages[-1] == f"Every page found by “{WORD}” is done or skipped."
    with Store.open(db) as store:
        statuses = {p: store.page(p).status for p in ("p1", "p3", "p4", "p6")}
    assert statuses == {"p1": "done", "p3": "new", "p4": "done", "p6": "done"}


def test_ctrl_shift_return_says_when_no_page_found_has_model_suggestions(windows, tmp_path, qtbot):
    db = make_pages(tmp_path / "order.db", {"p1", "p4"}, {"p3": 0.1})
    window = windows(db)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    search(window, qtbot, WORD)
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL | SHIFT)
    assert window.page_id == "p4"  # the next page found, not p3
    assert messages[-1] == (
        f"No page found by “{WORD}” has suggestions of the learnt model: "
        "this is the next page found, in order."
    )


def test_the_status_bar_follows_the_search_as_it_changes(windows, tmp_path, qtbot):
    db = make_pages(tmp_path / "status.db", {"p2", "p4", "p5"})
    window = windows(db)
    assert window.status_page.text() == "Page 1 of 6"
    press(window, qtbot, K.Key_F, CTRL)
    box = window.page_list.search_box
    type_text(qtbot, box, WORD)  # typed, not yet opened: p1 is not among the pages found
    qtbot.waitUntil(lambda: window.page_list.model.search == WORD)
    qtbot.waitUntil(lambda: window.status_page.text() == "Not among the 3 matches · page 1 of 6")
    type_text(qtbot, box, "不在任何一页")  # found nowhere
    qtbot.waitUntil(lambda: window.status_page.text() == "No match · page 1 of 6")
    box.clear()  # the clear button
    qtbot.waitUntil(lambda: window.status_page.text() == "Page 1 of 6")


def test_the_f1_sheet_says_what_the_page_keys_do_under_a_search(windows, tmp_path, qtbot):
    from annotator.gui.actions import ShortcutSheet

    window = windows(make_pages(tmp_path / "f1.db", {"p2"}))
    press(window, qtbot, K.Key_F1)
    qtbot.waitUntil(lambda: (s := window.findChild(ShortcutSheet)) is not None and s.isVisible())
    note = window.findChild(ShortcutSheet).note
    assert note.isVisible() and note.text().startswith("Under a search the Page keys stay")


NOWHERE = "不在任何一页"


def test_a_search_that_finds_nothing_says_so_at_every_key(windows, tmp_path, qtbot):
    # Return left an empty list and no word; Ctrl+PgDown then said "the last page found"
    # and Ctrl+Return "every page found is done", of a search that found none.
    db = make_pages(tmp_path / "none.db", {"p2"})
    window = windows(db)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    nothing = f"No page found by “{NOWHERE}”: its text or id holds none."
    press(window, qtbot, K.Key_F, CTRL)
    box = window.page_list.search_box
    type_text(qtbot, box, NOWHERE)
    qtbot.keyClick(box, K.Key_Return)
    qtbot.waitUntil(lambda: bool(messages) and messages[-1] == nothing)
    assert box.hasFocus()  # to type another search
    assert window.status_page.text() == "No match · page 1 of 6"
    qtbot.keyClick(box, K.Key_Escape)
    window.statusBar().clearMessage()  # (the same message again is no change)
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p1" and messages[-1] == nothing
    window.statusBar().clearMessage()
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL)
    assert window.page_id == "p1" and messages[-1] == nothing
    with Store.open(db) as store:
        assert store.page("p1").status == "done"


def test_the_page_keys_from_a_page_the_search_does_not_find(windows, tmp_path, qtbot):
    db = make_pages(tmp_path / "outside.db", {"p2", "p4"})
    window = windows(db)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    press(window, qtbot, K.Key_PageDown, CTRL, times=4)
    assert window.page_id == "p5"
    press(window, qtbot, K.Key_F, CTRL)
    box = window.page_list.search_box
    type_text(qtbot, box, WORD)  # typed, not opened: p5 stays open
    qtbot.waitUntil(lambda: window.status_page.text() == "Not among the 2 matches · page 5 of 6")
    qtbot.keyClick(box, K.Key_Escape)
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p5"
    assert messages[-1] == f"No page after this one is found by “{WORD}”."
    press(window, qtbot, K.Key_PageUp, CTRL)
    assert window.page_id == "p4"
    assert window.status_page.text() == "Match 2 of 2 · page 4 of 6"


def test_ctrl_pgdown_right_after_typing_walks_the_pages_found_of_what_was_typed(
    windows, tmp_path, qtbot
):
    # The search applies once typing pauses (200 ms): a key pressed before that walked
    # every page, the search box showing the search.
    db = make_pages(tmp_path / "typed.db", {"p3", "p5"})
    window = windows(db)
    press(window, qtbot, K.Key_F, CTRL)
    box = window.page_list.search_box
    type_text(qtbot, box, WORD)
    assert window.page_list._search_timer.isActive()  # the typing has not paused yet
    qtbot.keyClick(box, K.Key_PageDown, CTRL)  # from the search box, as typed
    assert window.page_id == "p3"
    assert hit_selected(window)
    qtbot.waitUntil(lambda: window.status_page.text() == "Match 1 of 2 · page 3 of 6")


def test_the_status_bar_counts_with_thousands_separators(windows, tmp_path, qtbot):
    # "Page 7 of 1,200" beside "Done: 0 of 1200" read as two ways of writing numbers.
    path = tmp_path / "many.db"
    with Store.open(path) as store, store.import_batch():
        for n in range(1001):
            text = f"第{n}期" + ("洞庭湖" if n % 2 else "")
            store.add_page(Page(f"m{n:04d}", text, "", f"{n}"), [], [])
    window = windows(path)
    assert window.status_page.text() == "Page 1 of 1,001"
    assert window.status_done.text() == "Done: 0 of 1,001"
    search(window, qtbot, WORD)
    assert window.page_id == "m0001"
    press(window, qtbot, K.Key_PageUp, CTRL)  # the first page found: stays
    for _ in range(499):
        window.registry.actions["next_page"].trigger()
    assert window.page_id == "m0999"
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "m0999"
    assert window.status_page.text() == "Match 500 of 500 · page 1,000 of 1,001"


def test_skip_and_flag_under_a_search_open_the_next_page_found(
    windows, tmp_path, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    db = make_pages(tmp_path / "skip.db", {"p2", "p4", "p6"})
    window = windows(db)
    search(window, qtbot, WORD)
    assert window.page_id == "p2"
    press(window, qtbot, K.Key_K, CTRL)
    assert window.page_id == "p4" and hit_selected(window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("cut off", True))
    press(window, qtbot, K.Key_F, CTRL | SHIFT)
    assert window.page_id == "p6" and hit_selected(window)
    with Store.open(db) as store:
        assert (store.page("p2").status, store.page("p4").status) == ("skipped", "flagged")


def test_f3_steps_through_the_hits_on_the_page_and_a_label_key_tags_one(windows, tmp_path, qtbot):
    # A page found may hold the phrase many times; only the first hit was shown, the
    # others left to scan for in thousands of characters.
    text = SAMPLE + f"\n\n{WORD}一号。\n\n中间一段。\n\n{WORD}二号,{WORD}三号。"
    with Store.open(tmp_path / "hits.db") as store:
        store.add_page(Page("p1", SAMPLE, "", "1"), sample_blocks(SAMPLE), [])
        store.add_page(Page("p2", text, "", "2"), sample_blocks(text), [])
    window = windows(tmp_path / "hits.db")
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    press(window, qtbot, K.Key_F3)
    assert messages[-1] == "No search to step through: Ctrl+F searches the pages."
    search(window, qtbot, WORD)
    assert window.page_id == "p2"
    hits = [text.index(f"{WORD}{tail}") for tail in ("一号", "二号", "三号")]

    def selected() -> int:
        start, end = window.view.selection_range()
        assert end - start == len(WORD)
        return start

    assert selected() == hits[0]
    press(window, qtbot, K.Key_F3)
    assert selected() == hits[1]
    assert messages[-1] == f"Hit 2 of 3 of “{WORD}” on this page."
    press(window, qtbot, K.Key_F3, times=2)
    assert selected() == hits[0]
    assert messages[-1] == f"Hit 1 of 3 of “{WORD}” on this page, round again."
    press(window, qtbot, K.Key_F3, SHIFT)
    assert selected() == hits[2]
    press(window, qtbot, K.Key_3)  # LOC on the hit selected
    with Store.open(tmp_path / "hits.db") as store:
        spans = [(s.start, s.end, s.label, s.status) for s in store.spans("p2")]
    assert spans == [(hits[2], hits[2] + len(WORD), "LOC", "accepted")]
    press(window, qtbot, K.Key_PageUp, CTRL)  # p1 does not hold it: nothing found there
    assert window.page_id == "p2"  # p2 is the first page found


def test_f3_on_a_page_the_search_does_not_find_says_so(windows, tmp_path, qtbot):
    db = make_pages(tmp_path / "f3.db", {"p2"})
    window = windows(db)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    press(window, qtbot, K.Key_F, CTRL)
    type_text(qtbot, window.page_list.search_box, WORD)
    qtbot.keyClick(window.page_list.search_box, K.Key_Escape)  # p1 stays open
    press(window, qtbot, K.Key_F3)
    assert window.page_id == "p1"
    assert messages[-1] == (
        f"“{WORD}” is not in this page's text (Ctrl+PgDown: the next page found)."
    )


def test_the_status_bar_gives_the_place_in_a_status_filter_the_page_keys_walk(
    windows, tmp_path, qtbot
):
    # Ctrl+PgDown walks the filtered list, so "Page 4 of 6" alone said nothing of where the
    # reviewer was in it, nor that the open page had left it.
    db = make_pages(tmp_path / "list.db", set(), done={"p3"})
    window = windows(db)
    window.page_list.set_status_filter("not_done")
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p2"
    qtbot.waitUntil(lambda: window.status_page.text() == "List: 2 of 5 · page 2 of 6")
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p4"  # p3 is done: not in the list
    assert window.status_page.text() == "List: 3 of 5 · page 4 of 6"
    window.page_list.set_status_filter("done")
    qtbot.waitUntil(lambda: window.status_page.text() == "Not in the list of 1 · page 4 of 6")
    window.page_list.set_status_filter(None)
    qtbot.waitUntil(lambda: window.status_page.text() == "Page 4 of 6")


def test_a_search_folds_case_and_width_and_selects_the_page_s_own_text(windows, tmp_path, qtbot):
    # A reviewer searching covid did not find COVID, ＣＯＶＩＤ, nor 2025 typed full width
    # (２０２５). The hits selected are the page's own characters; 𠮷 before them counts two
    # UTF-16 units in the view, one code point in the store.
    text = SAMPLE + "\n\n𠮷ＣＯＶＩＤ疫情，COVID检测。\n\n２０２５年Covid。"
    with Store.open(tmp_path / "fold.db") as store:
        store.add_page(Page("p1", SAMPLE, "", "1"), sample_blocks(SAMPLE), [])
        store.add_page(Page("p2", text, "", "2"), sample_blocks(text), [])
    window = windows(tmp_path / "fold.db")
    search(window, qtbot, "covid")
    assert window.page_id == "p2"
    hits = [text.index(x) for x in ("ＣＯＶＩＤ", "COVID", "Covid")]
    assert window.view.selection_range() == (hits[0], hits[0] + 5)
    press(window, qtbot, K.Key_F3)
    assert window.view.selection_range() == (hits[1], hits[1] + 5)
    press(window, qtbot, K.Key_F3)
    assert window.view.selection_range() == (hits[2], hits[2] + 5)
    search(window, qtbot, "2025")
    assert window.page_id == "p2"
    at = text.index("２０２５")
    assert window.view.selection_range() == (at, at + 4)
    press(window, qtbot, K.Key_3)  # LOC on the hit: the page's own range is stored
    with Store.open(tmp_path / "fold.db") as store:
        spans = [(s.start, s.end, s.label) for s in store.spans("p2")]
    assert spans == [(at, at + 4, "LOC")]
