"""The window keeps the work safe: rolling backups while it runs and when it closes, and a
damaged database is one message naming the backup to restore, never a traceback."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMessageBox

from annotator.gui import app, safekeeping, settings
from annotator.gui.main_window import MainWindow
from annotator.store import Store, list_backups, rolling_backup
from tests.core.damage import damage_table

from .pages import make_db
from .test_window_edits import press


@pytest.fixture
def db(tmp_path):
    return make_db(tmp_path / "work.db", ["p1", "p2"])


@pytest.fixture
def shown(monkeypatch):
    """Message boxes opened with QMessageBox.critical, as (title, text)."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *a: boxes.append((title, text))
    )
    return boxes


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_edit_is_backed_up_on_a_worker_thread_and_when_the_window_closes(
    windows, qtbot, db
) -> None:
    settings.set_backups_kept(2)
    window = windows(db)
    assert window.safekeeping.backup_if_changed() is False  # nothing saved yet
    press(window, qtbot, Qt.Key.Key_B)  # the first block (a headline) becomes body: saved
    with qtbot.waitSignal(window.safekeeping.backedUp, timeout=10000) as made:
        assert window.safekeeping.backup_if_changed() is True
    (first,) = list_backups(db)
    assert made.args == [first]
    assert window.safekeeping.backup_if_changed() is False  # no edit since
    press(window, qtbot, Qt.Key.Key_Y)
    windows.close(window)  # closing backs up the edit made since
    backups = list_backups(db)
    assert len(backups) == 2 and backups[0] == first
    with Store.open(backups[-1]) as copy:
        assert copy.blocks("p1")[0].role == "byline"
    press_count = 3  # a third backup pushes the oldest out (two are kept)
    window = windows(db)
    press(window, qtbot, Qt.Key.Key_H)
    windows.close(window)
    assert len(list_backups(db)) == press_count - 1 and first not in list_backups(db)


def test_closing_without_edits_makes_no_backup(windows, db) -> None:
    windows.close(windows(db))
    assert list_backups(db) == []


def test_the_window_on_a_damaged_database_says_which_backup_and_exits_one(db, shown) -> None:
    app.application()  # names the application: QSettings follow the name
    settings.set_reviewer("tester")
    backup = rolling_backup(db)
    damage_table(db)
    before = _digest(db)
    assert app.run(db) == 1
    ((title, text),) = shown
    assert title == "Cannot open the database"
    assert f"{db}: the database is damaged" in text and str(backup) in text
    assert _digest(db) == before


def test_damage_met_while_the_window_is_built_is_a_message_and_exit_one(
    db, shown, monkeypatch
) -> None:
    from annotator import store as store_module

    app.application()
    settings.set_reviewer("tester")
    monkeypatch.setattr(store_module.safety, "QUICK_CHECK_AT_OPEN_BYTES", 0)  # as for a big file
    damage_table(db, "spans")  # the first page's spans are read to show it
    assert app.run(db) == 1
    ((title, text),) = shown
    assert title == "Cannot open the database" and f"{db}: the database is damaged" in text


def test_a_big_damaged_database_is_found_in_the_background_and_the_window_closes(
    windows, qtbot, db, shown, monkeypatch
) -> None:
    from annotator import store as store_module

    monkeypatch.setattr(store_module.safety, "QUICK_CHECK_AT_OPEN_BYTES", 0)  # as for a big file
    monkeypatch.setattr(safekeeping, "QUICK_CHECK_AT_OPEN_BYTES", 0)
    monkeypatch.setattr(safekeeping, "CHECK_DELAY_MS", 0)
    backup = rolling_backup(db)
    damage_table(db, "predictions")  # not read by the window: only the check can find it
    with Store.open(db) as store:
        window = MainWindow(store, "tester", db)
        window.show()
        try:
            qtbot.waitUntil(lambda: bool(shown), timeout=10000)
            ((title, text),) = shown
            assert title == "The database is damaged" and str(backup) in text
            qtbot.waitUntil(lambda: not window.isVisible())
        finally:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_an_edit_that_meets_damage_closes_the_window_with_the_message(
    windows, qtbot, db, shown, monkeypatch
) -> None:
    from annotator import store as store_module

    monkeypatch.setattr(store_module.safety, "QUICK_CHECK_AT_OPEN_BYTES", 0)
    monkeypatch.setattr(safekeeping, "QUICK_CHECK_AT_OPEN_BYTES", 1 << 40)  # no background check
    damage_table(db, "edits")  # pages, blocks and spans read fine; the edit log is damaged
    window = windows(db)
    press(window, qtbot, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: bool(shown))
    ((title, text),) = shown
    assert title == "The database is damaged" and "there is no backup of it" in text
    assert not window.isVisible()
    windows.close(window)
    conn = sqlite3.connect(db)
    assert (
        conn.execute("SELECT role FROM blocks WHERE page_id = 'p1' ORDER BY start").fetchone()[0]
        == "headline"
    )  # the sample's first block, unchanged: the B was not written
    conn.close()


def test_damage_met_by_any_read_goes_to_the_one_report_not_a_traceback(db) -> None:
    reported, passed_on = [], []

    class FakeSafekeeping:
        def report_damage(self, message: str) -> None:
            reported.append(message)

    class FakeWindow:
        safekeeping = FakeSafekeeping()

    hook = app._damage_hook(FakeWindow(), db, lambda *a: passed_on.append(a[1]))
    hook(sqlite3.DatabaseError, sqlite3.DatabaseError("database disk image is malformed"), None)
    assert len(reported) == 1 and f"{db}: the database is damaged" in reported[0]
    other = ValueError("a bug")
    hook(ValueError, other, None)
    assert passed_on == [other]


def test_a_big_database_is_backed_up_at_close_by_a_separate_process(
    windows, qtbot, db, monkeypatch
) -> None:
    started = []
    monkeypatch.setattr(safekeeping, "BACKUP_IN_WINDOW_BYTES", 0)  # as for a big file
    monkeypatch.setattr(safekeeping.subprocess, "Popen", lambda args, **kw: started.append(args))
    settings.set_backups_kept(4)
    window = windows(db)
    press(window, qtbot, Qt.Key.Key_B)
    windows.close(window)  # returns at once: the copy is the other process's job
    assert list_backups(db) == []
    ((*python, module, command, db_flag, path, keep_flag, keep),) = started
    assert (module, command, db_flag, path, keep_flag, keep) == (
        "annotator",
        "backup",
        "--db",
        str(db),
        "--keep",
        "4",
    )


def test_how_many_backups_are_kept_is_a_preference(windows, qtbot, db) -> None:
    from PySide6.QtWidgets import QSpinBox

    from .pages import on_modal

    window = windows(db)

    def choose(dialog) -> None:
        box = dialog.findChild(QSpinBox, "backups_kept")
        assert box.value() == 10
        box.setValue(3)
        dialog.accept()

    on_modal(choose)
    window.registry.actions["preferences"].trigger()
    assert settings.backups_kept() == 3
    for _ in range(4):  # each backup follows an edit; the fourth pushes the first out
        press(window, qtbot, Qt.Key.Key_B if _ % 2 == 0 else Qt.Key.Key_H)
        with qtbot.waitSignal(window.safekeeping.backedUp, timeout=30000):
            assert window.safekeeping.backup_if_changed()
    assert len(list_backups(db)) == 3


def test_a_backup_whose_result_came_back_no_longer_holds_up_the_next(
    windows, qtbot, db, monkeypatch
) -> None:
    # Under load the worker thread may still be ending when its result reaches the window:
    # the next backup must not be refused then (it failed once at load 10).
    import threading

    ending = threading.Event()
    finish = safekeeping.Safekeeping._backup_in_thread

    def lingering(self, keep: int) -> None:
        finish(self, keep)
        ending.wait(10)  # the thread outlives its result until the test is done

    monkeypatch.setattr(safekeeping.Safekeeping, "_backup_in_thread", lingering)
    window = windows(db)
    try:
        for key in (Qt.Key.Key_B, Qt.Key.Key_H):
            press(window, qtbot, key)
            with qtbot.waitSignal(window.safekeeping.backedUp, timeout=30000):
                assert window.safekeeping.backup_if_changed()
        assert len(list_backups(db)) == 2
    finally:
        ending.set()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_backup_that_broke_unexpectedly_is_tried_again_not_waited_for(
    windows, qtbot, db, monkeypatch
) -> None:
    def broken(path, keep):
        raise RuntimeError("a bug, say")

    monkeypatch.setattr(safekeeping, "rolling_backup", broken)
    window = windows(db)
    press(window, qtbot, Qt.Key.Key_B)
    assert window.safekeeping.backup_if_changed()
    qtbot.waitUntil(lambda: not window.safekeeping.busy(), timeout=30000)
    monkeypatch.setattr(safekeeping, "rolling_backup", rolling_backup)
    with qtbot.waitSignal(window.safekeeping.backedUp, timeout=30000):
        assert window.safekeeping.backup_if_changed()  # the same edit, not yet backed up
    assert len(list_backups(db)) == 1


def test_closing_right_after_a_failed_backup_backs_up_what_it_missed(
    windows, qtbot, db, monkeypatch
) -> None:
    # The failure reaches the window as a queued signal: a window closed before it is
    # delivered must not take the edit for backed up.
    from annotator.store import StoreError

    def failing(path, keep):
        raise StoreError("the disk is full")

    monkeypatch.setattr(safekeeping, "rolling_backup", failing)
    window = windows(db)
    press(window, qtbot, Qt.Key.Key_B)
    assert window.safekeeping.backup_if_changed()
    window.safekeeping._worker.join()  # failed; its result not yet delivered
    monkeypatch.setattr(safekeeping, "rolling_backup", rolling_backup)
    windows.close(window)
    assert len(list_backups(db)) == 1


def test_a_pause_after_an_edit_checkpoints_the_log_on_a_worker_thread(
    windows, qtbot, db, monkeypatch
) -> None:
    import threading

    from annotator.store import checkpoints

    ran_on: list[str] = []
    real = checkpoints._checkpoint

    def recording(path):
        ran_on.append(threading.current_thread().name)
        real(path)

    monkeypatch.setattr(checkpoints, "_checkpoint", recording)
    window = windows(db)
    ran_on.clear()  # what opening the window did
    press(window, qtbot, Qt.Key.Key_B)  # the first block (a headline) becomes body: saved
    qtbot.waitUntil(lambda: bool(ran_on), timeout=5000)  # once the reviewer pauses
    assert ran_on and "MainThread" not in ran_on
    window.runner.store._checkpoints.wait()
    copy = db.parent / "file-alone.db"
    copy.write_bytes(db.read_bytes())  # without its log: only what was checkpointed
    conn = sqlite3.connect(str(copy))
    try:
        role = conn.execute(
            "SELECT role FROM blocks WHERE page_id = 'p1' ORDER BY start LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    assert role == ("body",)
