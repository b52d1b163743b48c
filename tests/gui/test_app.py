"""Starting the window: the reviewer is asked once, a bad database is a message, not a traceback."""

from __future__ import annotations

import os
import sqlite3

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from annotator.gui import app, settings
from annotator.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _named_application():
    """run() names the application (QSettings follow the name): answer the name there too."""
    app.application()
    settings.set_reviewer("tester")


def close_windows_soon() -> None:
    def close() -> None:
        # Visible ones: windows of earlier tests may linger closed, not yet deleted.
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(20, close)
            return
        for window in windows:
            window.close()

    QTimer.singleShot(0, close)


def test_corrupt_database_gives_a_message_box_and_exit_code_one(tmp_path, monkeypatch):
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not an SQLite database at all" * 100)
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *a: shown.append((title, text))
    )
    assert app.run(path) == 1
    assert shown and shown[0][0] == "Cannot open the database"
    assert str(path) in shown[0][1] and "not an annotator database" in shown[0][1]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file")
def test_read_only_database_gives_a_message(tmp_path, monkeypatch, empty_db):
    empty_db.chmod(0o444)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    try:
        assert app.run(empty_db) == 1
    finally:
        empty_db.chmod(0o644)
    assert "read-only" in shown[0]


def test_database_of_a_newer_annotator_gives_a_message(monkeypatch, empty_db):
    conn = sqlite3.connect(empty_db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    assert app.run(empty_db) == 1
    assert "newer annotator" in shown[0]


def test_reviewer_name_is_asked_once_and_kept(tmp_path, monkeypatch, seeded_db):
    QSettings().remove("reviewer")
    asked = []

    def ask(*args, **kwargs):
        asked.append(args[1])
        return "Ana", True

    monkeypatch.setattr(QInputDialog, "getText", ask)
    close_windows_soon()
    assert app.run(seeded_db) == 0
    assert settings.reviewer() == "Ana"
    close_windows_soon()
    assert app.run(seeded_db) == 0
    assert len(asked) == 1


def _answer_name(qtbot, then, name: str | None = None) -> None:  # noqa: ANN001
    """Answer the name question: Escape (Cancel), or ``name`` typed and Return; ``then``
    (a function of the next dialog) answers what comes after."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from .pages import on_modal

    def answer(dialog) -> None:  # noqa: ANN001
        if then is not None:
            on_modal(then, QMessageBox)
        if name is None:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            return
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        qtbot.keyClicks(edit, name)
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    on_modal(answer, QInputDialog)


def test_cancelling_the_name_question_says_why_and_quitting_says_so_on_stderr(
    qtbot, seeded_db, capsys
):
    # Cancel quit without a word: the reviewer could not tell a refusal from a crash.
    QSettings().remove("reviewer")
    said = []

    def quit_(box: QMessageBox) -> None:
        said.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == "Quit"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    _answer_name(qtbot, quit_)
    assert app.run(seeded_db) == 1
    assert "cannot open without your name" in said[0]
    assert capsys.readouterr().err.strip() == app.NO_NAME
    assert "no reviewer name was given" in app.NO_NAME
    assert settings.reviewer() == ""
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert not [w for w in opened if w.isVisible()]


def test_after_cancelling_the_name_question_the_name_may_be_entered_again(qtbot, seeded_db):
    QSettings().remove("reviewer")

    def again(box: QMessageBox) -> None:
        _answer_name(qtbot, None, "Ana")
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: "Enter a name"

    _answer_name(qtbot, again)
    close_windows_soon()
    assert app.run(seeded_db) == 0
    assert settings.reviewer() == "Ana"


def test_an_upgrade_of_the_database_shows_a_notice_while_it_runs(tmp_path, qtbot):
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QProgressDialog

    from annotator.store import SCHEMA_VERSION
    from tests.core.test_store import _v6_database

    path = tmp_path / "v6.db"
    _v6_database(path)
    shown: list[str] = []

    class Watch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Show and isinstance(watched, QProgressDialog):
                shown.append(watched.labelText())
            return False

    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    try:
        store = app.open_store(path)
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert store is not None
    with store:
        assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert len(shown) == 1 and f"schema 6 to {SCHEMA_VERSION}" in shown[0]
    assert not any(
        isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
