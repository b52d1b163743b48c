"""Suggestions never slip through (issue 8, item 3): labelling over one resolves it, and a
page is marked done only after the reviewer settles what is still open, in one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.store import Store

from .pages import SAMPLE, make_db, on_modal
from .test_window_edits import CTRL, K, press, select_text, snapshot, spans_in_db

ALT = Qt.KeyboardModifier.AltModifier
#: The mnemonic of each button of the open-suggestions dialog.
CHOICE_KEYS = {"accept": K.Key_A, "reject": K.Key_R, "first": K.Key_G}


@pytest.fixture
def db(tmp_path):
    return make_db(tmp_path / "suggestions.db", ["p1", "p2"])


def answer_open_suggestions(qtbot, choice: str, seen: list | None = None) -> None:
    """Answer the next open-suggestions dialog with its mnemonic key (Alt+A, Alt+R, Alt+G)."""

    def answer(dialog) -> None:  # noqa: ANN001
        assert dialog.objectName() == "open_suggestions_dialog"
        if seen is not None:
            seen.append(dialog.text())
        qtbot.keyClick(dialog, CHOICE_KEYS[choice], ALT)

    on_modal(answer, QMessageBox)


def status_of(path, page_id="p1"):
    with Store.open(path) as store:
        return store.page(page_id).status


def open_in_db(path, page_id="p1"):
    return [s for s in spans_in_db(path, page_id) if s[3] == "suggested"]


def spans_over(path, needle, page_id="p1"):
    start = SAMPLE.index(needle)
    return [s for s in spans_in_db(path, page_id) if s[0] < start + len(needle) and start < s[1]]


# --- labelling over a suggestion -----------------------------------------------------------


def test_labelling_exactly_a_suggestion_accepts_it_instead_of_adding_a_duplicate(
    windows, db, qtbot
):
    window = windows(db)
    select_text(window, qtbot, SAMPLE.index("岳阳市政府"), len("岳阳市政府"))
    press(window, qtbot, K.Key_2)  # ORG, as suggested
    assert spans_over(db, "岳阳市政府") == [(*_range("岳阳市政府"), "ORG", "accepted", "rule", ())]
    # N now skips nothing: the next open suggestion is not 岳阳市政府 any more.
    assert all(SAMPLE[s[0] : s[1]] != "岳阳市政府" for s in open_in_db(db))
    assert window.view.selected_span().status == "accepted"


def test_labelling_a_suggestion_with_another_label_rejects_it_and_adds_the_human_span(
    windows, db, qtbot
):
    window = windows(db)
    before = snapshot(db)
    select_text(window, qtbot, SAMPLE.index("长沙"), 2)
    press(window, qtbot, K.Key_2)  # ORG over the LOC suggestion
    assert sorted(spans_over(db, "长沙")) == [
        (*_range("长沙"), "LOC", "rejected", "rule", ()),
        (*_range("长沙"), "ORG", "accepted", "human", ()),
    ]
    # The view shows only the reviewer's span there (rejected spans are not drawn).
    assert [sp.status for sp in window.view.spans.overlapping(*_range("长沙"))] == ["accepted"]
    press(window, qtbot, K.Key_Z, CTRL)  # one undo step restores both
    assert snapshot(db) == before


def test_labelling_across_a_suggestion_rejects_it_but_a_nested_one_of_another_label_stays(
    windows, db, qtbot
):
    window = windows(db)
    # "市委书记邓群策" as PER: the PER suggestion 邓群策 inside it has the same label.
    select_text(window, qtbot, SAMPLE.index("书记邓群策"), len("书记邓群策"))
    press(window, qtbot, K.Key_1)
    assert sorted(spans_over(db, "书记邓群策")) == [
        (*_range("书记邓群策"), "PER", "accepted", "human", ()),
        (*_range("邓群策"), "PER", "rejected", "rule", ()),
    ]
    # An ORG drawn around the LOC suggestion 长沙 leaves it open: entities nest.
    select_text(window, qtbot, SAMPLE.index("在长沙开店"), len("在长沙开店"))
    press(window, qtbot, K.Key_2)
    assert (*_range("长沙"), "LOC", "suggested", "rule", ()) in spans_in_db(db)
    # A narrower span of the same label replaces the suggestion.
    select_text(window, qtbot, SAMPLE.index("720万"), len("720万"))
    press(window, qtbot, K.Key_5)
    figure = (("unit", "亩"), ("value", 7200000))
    assert (*_range("720万亩"), "FIGURE", "rejected", "rule", figure) in spans_in_db(db)
    assert (*_range("720万"), "FIGURE", "accepted", "human", ()) in spans_in_db(db)
    # A selection crossing a suggestion's edge rejects it whatever its label.
    select_text(window, qtbot, SAMPLE.index("者 李"), len("者 李"))
    press(window, qtbot, K.Key_2)
    assert (*_range("李明"), "PER", "rejected", "rule", ()) in spans_in_db(db)
    assert (*_range("者 李"), "ORG", "accepted", "human", ()) in spans_in_db(db)


def _range(needle: str) -> tuple[int, int]:
    start = SAMPLE.index(needle)
    return start, start + len(needle)


# --- marking a page done --------------------------------------------------------------------


def test_ctrl_return_with_open_suggestions_asks_and_reject_all_is_one_undo_step(windows, db, qtbot):
    window = windows(db)
    before = snapshot(db)
    seen: list[str] = []
    answer_open_suggestions(qtbot, "reject", seen)
    press(window, qtbot, K.Key_Return, CTRL)
    assert "6 open suggestion" in seen[0]
    assert status_of(db) == "done" and not open_in_db(db)
    assert {s[3] for s in spans_in_db(db)} == {"rejected"}
    assert window.page_id == "p2"
    with Store.open(db) as store:
        done, _ = store.history("p1")
    assert len(done) == 1  # the decision and the status: one logged edit
    press(window, qtbot, K.Key_PageUp, CTRL)
    assert "mark the page done" in window.registry.actions["undo"].text()
    press(window, qtbot, K.Key_Z, CTRL)
    assert snapshot(db) == before


def test_ctrl_return_accept_all_accepts_every_open_suggestion(windows, db, qtbot):
    window = windows(db)
    answer_open_suggestions(qtbot, "accept")
    press(window, qtbot, K.Key_Return, CTRL)
    assert status_of(db) == "done"
    assert {s[3] for s in spans_in_db(db)} == {"accepted"}


def test_ctrl_return_go_to_first_keeps_the_page_open_and_selects_the_first_suggestion(
    windows, db, qtbot
):
    window = windows(db)
    before = snapshot(db)
    window.view.move_caret(len(SAMPLE) - 1)
    answer_open_suggestions(qtbot, "first")
    press(window, qtbot, K.Key_Return, CTRL)
    assert snapshot(db) == before and window.page_id == "p1"
    assert window.view.selected_span().start == SAMPLE.index("3月4日")
    assert "6 suggestion(s) still open" in window.statusBar().currentMessage()


def test_ctrl_return_without_open_suggestions_marks_done_without_asking(windows, db, qtbot):
    window = windows(db)
    with Store.open(db) as store:
        ids = [s.id for s in store.spans("p1", {"suggested"})]
    press(window, qtbot, K.Key_N)
    press(window, qtbot, K.Key_A, times=len(ids))  # each A accepts and selects the next one
    assert not open_in_db(db)
    press(window, qtbot, K.Key_Return, CTRL)  # no dialog: a modal one would block here
    assert status_of(db) == "done"


def test_export_of_all_pages_from_the_window_reports_the_open_suggestions(
    windows, db, tmp_path, qtbot, monkeypatch
):
    from annotator.gui import workers

    from .pages import ALL_STATUSES, export_from_dialog

    shown = []
    monkeypatch.setattr(
        workers,
        "_message",
        lambda parent, icon, title, text, details="", informative="": shown.append(details),
    )
    window = windows(db)
    answer_open_suggestions(qtbot, "accept")
    press(window, qtbot, K.Key_Return, CTRL)  # p1 done: nothing open there
    target = tmp_path / "all.jsonl"
    export_from_dialog(window, qtbot, target, "jsonl", ALL_STATUSES)
    qtbot.waitUntil(lambda: bool(shown))
    lines = shown[0].splitlines()  # the two pages are one text: their articles repeat too
    assert [x for x in lines if "repeats" not in x] == ["p2: 6 open suggestions"]
    assert target.exists()


def test_ctrl_z_right_after_marking_done_goes_back_and_undoes_it(windows, db, qtbot):
    # Ctrl+Return with "Accept all" by mistake put every open suggestion into the gold and
    # opened the next page, where Ctrl+Z was disabled (that page had no history): the step
    # could only be found by going back through the page list.
    from .test_window_edits import SHIFT

    window = windows(db)
    open_before = open_in_db(db, "p1")
    answer_open_suggestions(qtbot, "accept")
    press(window, qtbot, K.Key_Return, CTRL)
    assert window.page_id == "p2" and status_of(db, "p1") == "done"
    undo = window.registry.actions["undo"]
    assert undo.isEnabled() and "mark the page done" in undo.text()
    press(window, qtbot, K.Key_Z, CTRL)
    assert window.page_id == "p1"  # back where the step was made, and undone there
    assert status_of(db, "p1") != "done" and open_in_db(db, "p1") == open_before
    assert "p1" in window.statusBar().currentMessage()
    press(window, qtbot, K.Key_Z, CTRL | SHIFT)  # redo: done again, on the same page
    assert status_of(db, "p1") == "done" and window.page_id == "p1"


def test_ctrl_z_on_the_next_page_undoes_its_own_edits_first(windows, db, qtbot):
    window = windows(db)
    answer_open_suggestions(qtbot, "reject")
    press(window, qtbot, K.Key_Return, CTRL)
    assert window.page_id == "p2"
    before = open_in_db(db, "p2")
    press(window, qtbot, K.Key_N)  # select p2's first suggestion and accept it
    press(window, qtbot, K.Key_A)
    assert len(open_in_db(db, "p2")) == len(before) - 1
    press(window, qtbot, K.Key_Z, CTRL)  # p2's own step first
    assert window.page_id == "p2" and open_in_db(db, "p2") == before
    assert status_of(db, "p1") == "done"
    press(window, qtbot, K.Key_Z, CTRL)  # then back to p1's mark done
    assert window.page_id == "p1" and status_of(db, "p1") != "done"
