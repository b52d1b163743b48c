"""Two reviewers' windows on one database, and another program holding its write lock.

Each window undoes only its own reviewer's edits; an undo that would overwrite a colleague's
later change is refused with a translated message naming them, and Undo/Redo are enabled
only when the step can be done. An edit that meets another program's write lock waits off
the key press (the window stays responsive, the status bar says so) and is saved once.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt

from annotator.gui.i18n import install_translator
from annotator.store import Store

from .pages import SAMPLE, make_db
from .test_window_edits import CTRL, SHIFT, K, caret_in, press, spans_in_db


@pytest.fixture
def db(tmp_path):
    return make_db(tmp_path / "shared.db", ["p1"])


def status_of(db, needle: str) -> str:
    start = SAMPLE.index(needle)
    return next(s[3] for s in spans_in_db(db) if s[0] == start)


def edits(db) -> list[tuple]:
    with sqlite3.connect(str(db)) as conn:
        return conn.execute("SELECT action, target, reviewer FROM edits ORDER BY id").fetchall()


def can(window, action: str) -> bool:
    return window.registry.actions[action].isEnabled()


def focus(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()


def test_each_window_undoes_and_redoes_only_its_own_reviewers_edits(windows, db, qtbot):
    mine = windows(db, reviewer="甲")
    theirs = windows(db, reviewer="李华")
    focus(mine, qtbot)
    caret_in(mine, "长沙")
    press(mine, qtbot, K.Key_A)  # 甲 accepts 长沙
    qtbot.waitUntil(lambda: theirs.view.page_state.page.status == "in_progress", timeout=3000)
    focus(theirs, qtbot)
    caret_in(theirs, "李明")
    press(theirs, qtbot, K.Key_A)  # 李华 accepts 李明, after 甲's edit
    assert status_of(db, "长沙") == status_of(db, "李明") == "accepted"
    # 甲's window never offers 李华's edit, and its Ctrl+Z undoes 甲's own accept.
    li_ming = SAMPLE.index("李明")
    qtbot.waitUntil(
        lambda: any(
            s.start == li_ming and s.status == "accepted"
            for s in mine.view.page_state.spans.values()
        ),
        timeout=3000,
    )
    focus(mine, qtbot)
    assert can(mine, "undo") and not can(mine, "redo")
    press(mine, qtbot, K.Key_Z, CTRL)
    assert status_of(db, "长沙") == "suggested"
    assert status_of(db, "李明") == "accepted"
    assert not can(mine, "undo") and can(mine, "redo")
    assert mine.registry.actions["redo"].text() == "Redo accept a span"
    # 李华's own step is still theirs to undo; their window has nothing to redo.
    assert can(theirs, "undo") and not can(theirs, "redo")
    press(mine, qtbot, K.Key_Z, CTRL | SHIFT)
    assert status_of(db, "长沙") == "accepted"
    assert [(a, r) for a, _t, r in edits(db)] == [
        ("do", "甲"),
        ("do", "李华"),
        ("undo", "甲"),
        ("redo", "甲"),
    ]
    assert edits(db)[2][1] == edits(db)[3][1] == 1  # both target 甲's edit, not the last one


@pytest.fixture
def chinese(qapp):
    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")


def test_undo_of_a_span_a_colleague_changed_is_refused_in_chinese_naming_them(
    windows, db, qtbot, chinese
):
    mine = windows(db, reviewer="甲")
    theirs = windows(db, reviewer="李华")
    focus(mine, qtbot)
    caret_in(mine, "长沙")
    span_id = mine.view.selected_span().id
    press(mine, qtbot, K.Key_A)  # 甲 accepts 长沙
    qtbot.waitUntil(lambda: theirs.view.page_state.spans[span_id].status == "accepted")
    focus(theirs, qtbot)
    theirs.view.select_span(theirs.view.spans.by_id[span_id])
    press(theirs, qtbot, K.Key_2)  # 李华 relabels it ORG
    before = spans_in_db(db)
    # 甲's window notices within a second: Undo is disabled and says why.
    qtbot.waitUntil(lambda: not can(mine, "undo"), timeout=4000)
    assert mine.registry.actions["undo"].text() == "撤销 接受标注（李华此后修改了该标注）"
    assert mine.statusBar().currentMessage() == "无法撤销“接受标注”：李华此后修改了该标注。"
    # Even called directly, the undo is refused and writes nothing.
    mine.undo()
    assert spans_in_db(db) == before
    assert [a for a, _t, _r in edits(db)] == ["do", "do"]


@contextmanager
def write_lock_held(path):
    """Another program holding the database's write lock (BEGIN IMMEDIATE)."""
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def timed_press(window, qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> float:
    started = time.monotonic()
    press(window, qtbot, key, modifier)
    return time.monotonic() - started


def test_an_edit_waits_for_another_programs_lock_without_freezing_and_is_saved_once(
    windows, db, qtbot
):
    window = windows(db)
    caret_in(window, "岳阳市政府")
    press(window, qtbot, K.Key_A)  # an earlier edit, undoable
    caret_in(window, "长沙")
    waiting = window.status_waiting
    with write_lock_held(db) as other:
        # The key press returns at once (the busy timeout is 5 s) and the wait is shown.
        assert timed_press(window, qtbot, K.Key_A) < 2.0
        assert waiting.isVisible() and waiting.text().startswith("Waiting for the database")
        assert len(edits(db)) == 1
        # A key pressed meanwhile is refused with a message, never queued behind it.
        assert timed_press(window, qtbot, K.Key_R) < 2.0
        assert window.statusBar().currentMessage().startswith("Not applied: the previous edit")
        assert not can(window, "undo")  # nothing can be done while the edit waits
        other.execute("ROLLBACK")  # the other program lets go
    qtbot.waitUntil(lambda: len(edits(db)) == 2, timeout=4000)
    assert edits(db)[1] == ("do", None, "tester")
    qtbot.waitUntil(lambda: not waiting.isVisible())
    assert status_of(db, "长沙") == "accepted"
    assert status_of(db, "李明") == "suggested"  # the refused R did nothing
    start = SAMPLE.index("长沙")
    shown = next(s for s in window.view.spans.by_id.values() if s.start == start)
    assert shown.status == "accepted"  # the window shows the saved edit …
    assert can(window, "undo")  # … and it is on the undo stack, once
    press(window, qtbot, K.Key_Z, CTRL)
    assert status_of(db, "长沙") == "suggested"
    assert status_of(db, "岳阳市政府") == "accepted"


def test_an_undo_that_meets_the_lock_waits_and_then_moves_the_history(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_A)
    with write_lock_held(db) as other:
        assert timed_press(window, qtbot, K.Key_Z, CTRL) < 2.0
        assert status_of(db, "长沙") == "accepted"
        other.execute("ROLLBACK")
    qtbot.waitUntil(lambda: status_of(db, "长沙") == "suggested", timeout=4000)
    qtbot.waitUntil(lambda: can(window, "redo"))
    assert not can(window, "undo")
    assert [a for a, _t, _r in edits(db)] == ["do", "undo"]


def test_an_edit_refused_after_the_wait_limit_is_not_saved_later(windows, db, qtbot):
    window = windows(db)
    window.runner.wait_limit_s = 0.3
    caret_in(window, "长沙")
    with write_lock_held(db):
        press(window, qtbot, K.Key_A)
        qtbot.waitUntil(lambda: not window.runner.waiting_now(), timeout=4000)
        assert (
            window.statusBar()
            .currentMessage()
            .startswith("Not saved: another program kept the database locked for 0 s")
        )
    assert not window.status_waiting.isVisible()
    # The lock is free again; the refused edit does not come back by itself.
    with Store.open(db) as store:
        store.checkpoint()
    assert edits(db) == [] and status_of(db, "长沙") == "suggested"
    press(window, qtbot, K.Key_A)  # pressed again, it is saved
    assert edits(db) == [("do", None, "tester")]


def test_a_new_reviewer_name_in_the_preferences_has_its_own_undo_history(windows, db, qtbot):
    from PySide6.QtWidgets import QLineEdit

    from .pages import on_modal

    window = windows(db)
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_A)  # as "tester"

    def rename(dialog):
        edit = dialog.findChild(QLineEdit, "reviewer")
        edit.selectAll()
        qtbot.keyClicks(edit, "Ana")
        qtbot.keyClick(edit, K.Key_Return)

    on_modal(rename)
    window.registry.actions["preferences"].trigger()
    assert not can(window, "undo")  # tester's edit is not Ana's to undo
    caret_in(window, "李明")
    press(window, qtbot, K.Key_A)
    press(window, qtbot, K.Key_Z, CTRL)
    assert status_of(db, "李明") == "suggested"
    assert status_of(db, "长沙") == "accepted"
    assert not can(window, "undo") and can(window, "redo")


def test_closing_the_window_saves_a_waiting_edit_once_the_lock_is_free(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "长沙")
    with write_lock_held(db) as other:
        press(window, qtbot, K.Key_A)
        assert window.runner.waiting_now()
        other.execute("ROLLBACK")
    windows.close(window)  # before the retry timer fired: the close saves it
    assert edits(db) == [("do", None, "tester")]
    assert status_of(db, "长沙") == "accepted"


def test_closing_while_the_lock_is_still_held_says_the_last_edit_was_not_saved(
    windows, db, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    import annotator.store

    monkeypatch.setattr(annotator.store.common, "BUSY_TIMEOUT_MS", 200)  # the close's last try
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    window = windows(db)
    caret_in(window, "长沙")
    with write_lock_held(db):
        press(window, qtbot, K.Key_A)
        windows.close(window)
    assert warned == [
        "Another program still holds the database, so the last edit was not saved. "
        "Everything before it is saved."
    ]
    assert edits(db) == []


def test_a_redo_of_a_span_a_colleague_changed_after_the_undo_is_disabled_and_says_why(
    windows, db, qtbot
):
    mine = windows(db, reviewer="甲")
    focus(mine, qtbot)
    caret_in(mine, "长沙")
    span_id = mine.view.selected_span().id
    press(mine, qtbot, K.Key_A)
    press(mine, qtbot, K.Key_Z, CTRL)
    assert can(mine, "redo")
    with Store.open(db) as other:  # 李华, in another window, rejects the suggestion
        from annotator.edits import Op

        other.apply(Op("set_span_status", "p1", {"id": span_id, "status": "rejected"}), "李华")
    qtbot.waitUntil(lambda: not can(mine, "redo"), timeout=4000)
    assert mine.registry.actions["redo"].text() == (
        "Redo accept a span (李华 changed that span since)"
    )
    assert mine.statusBar().currentMessage() == (
        "Cannot redo “accept a span”: 李华 changed that span since."
    )
    press(mine, qtbot, K.Key_Z, CTRL | SHIFT)  # disabled: nothing happens
    assert status_of(db, "长沙") == "rejected"
    assert [a for a, _t, _r in edits(db)] == ["do", "undo", "do"]


def test_an_undo_waiting_while_the_reviewer_changes_page_after_another_write_is_saved(
    windows, tmp_path, qtbot
):
    # Another program imports in batches: it writes, lets go, takes the lock again. The
    # reviewer's undo waits meanwhile, and the reviewer moves on to the next page, whose
    # opening drops the stacks of the pages shown before (they may miss that write).
    db = make_db(tmp_path / "two.db", ["p1", "p2"])
    window = windows(db)
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_A)
    with write_lock_held(db) as other:
        assert timed_press(window, qtbot, K.Key_Z, CTRL) < 2.0
        other.execute("INSERT INTO meta (key, value) VALUES ('other', '1')")
        other.execute("COMMIT")
        other.execute("BEGIN IMMEDIATE")
        window.open_page("p2")
        qtbot.wait(50)  # the dropped stacks are deleted
        other.execute("ROLLBACK")
    qtbot.waitUntil(lambda: status_of(db, "长沙") == "suggested", timeout=4000)
    qtbot.waitUntil(lambda: not window.status_waiting.isVisible())
    assert [a for a, _t, _r in edits(db)] == ["do", "undo"]
    window.open_page("p1")  # its history read again from the log: the undo can be redone
    assert can(window, "redo") and not can(window, "undo")
