"""Start the review window: ``run(db_path)`` returns the process exit code.

Sets the organisation and application names (so ``QSettings`` has one home), installs the
translation, asks the reviewer's name once (kept in the settings), and opens the store. A
database that cannot be used (locked, corrupt, read-only, newer schema) gets a message box
with the store's explanation and exit code 1, never a traceback.
"""

from __future__ import annotations

import gc
import getpass
import signal
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
)

from annotator.gui import settings
from annotator.gui.i18n import core_text
from annotator.store import Store, StoreError, explain_database_error, is_damage

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


def application() -> QApplication:
    """The process's QApplication, created (with names for QSettings) if needed."""
    QCoreApplication.setOrganizationName(settings.ORGANISATION)
    QCoreApplication.setApplicationName(settings.APPLICATION)
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    return app  # type: ignore[return-value]


NO_NAME = (
    "annotator: the window did not open: no reviewer name was given. Every edit is stored "
    "with its reviewer's name; start annotator again and enter one."
)


def ask_reviewer() -> str | None:
    """The reviewer's name from the settings, asked once (and kept) when there is none.

    Cancel (or an empty name) says why a name is needed and offers to enter one again;
    None when the reviewer chooses to quit."""
    name = settings.reviewer()
    if name:
        return name
    default = _login_name()
    while True:
        name, ok = QInputDialog.getText(
            None,
            QCoreApplication.translate("app", "Who is reviewing?"),
            QCoreApplication.translate(
                "app",
                "Your name is stored with every edit you make. You can change it later in the preferences.",
            ),
            QLineEdit.EchoMode.Normal,
            default,
        )
        name = name.strip() if ok else ""
        if name:
            settings.set_reviewer(name)
            return name
        if not _name_again():
            return None


def _name_again() -> bool:
    """After Cancel on the name: why Annotator needs it, and the choice to enter it or quit
    (a window that vanished without a word left the reviewer guessing)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("app", "A reviewer name is needed"),
        QCoreApplication.translate(
            "app",
            "Annotator cannot open without your name: it is stored with every edit, so "
            "that the gold data says who decided what.",
        ),
    )
    again = box.addButton(
        QCoreApplication.translate("app", "Enter a name"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.exec()
    return box.clickedButton() is again


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def open_store(db_path: Path) -> Store | None:
    """The open store, or None after telling the user why the database cannot be used.

    An upgrade of the database's schema (once per new version; a minute or more on a large
    file) shows a notice meanwhile, so that the wait does not look like a hang."""
    notice: list[QProgressDialog] = []

    def upgrading(version: int, new: int) -> None:
        dialog = QProgressDialog(
            QCoreApplication.translate(
                "app",
                "Upgrading the database to this version of Annotator (schema {old} to {new}). "
                "This happens once; a large database takes a minute or more.",
            ).format(old=version, new=new),
            "",
            0,
            0,
        )
        dialog.setCancelButton(None)  # an upgrade is one transaction: it finishes or undoes
        dialog.setWindowTitle(QCoreApplication.translate("app", "Upgrading the database"))
        dialog.setMinimumDuration(0)
        dialog.show()
        QCoreApplication.processEvents()
        notice.append(dialog)

    try:
        return Store.open(db_path, on_upgrade=upgrading)
    except StoreError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "Cannot open the database"), core_text(exc)
        )
        return None
    finally:
        for dialog in notice:
            dialog.close()


def run(db_path: Path) -> int:
    """Open the window on ``db_path`` and run until it closes; return the exit code."""
    app = application()
    from annotator.gui.i18n import install_translator

    install_translator(app, settings.language())
    reviewer = ask_reviewer()
    if reviewer is None:
        sys.stderr.write(NO_NAME + "\n")  # started from a terminal: said there too
        return 1
    store = open_store(Path(db_path))
    if store is None:
        return 1
    from annotator.gui.main_window import MainWindow

    try:
        window = _make_window(MainWindow, store, reviewer, Path(db_path))
        if window is None:
            return 1
        window.show()
        window.raise_()
        window.activateWindow()  # keys go to the page view at once, even without a WM
        # Everything made so far lives as long as the window: keep it out of the cyclic
        # garbage collector's full passes, which otherwise stall a key press now and then.
        gc.freeze()
        # A polite kill (SIGTERM) closes the window as its close button would; the handler
        # runs when Python next gets control, at the latest with the window's 1 s poll.
        previous = signal.signal(signal.SIGTERM, lambda *_: app.closeAllWindows())
        previous_hook = sys.excepthook
        sys.excepthook = _damage_hook(window, Path(db_path), previous_hook)
        try:
            code = app.exec()
            return 1 if window.safekeeping.damage_found else code
        finally:
            sys.excepthook = previous_hook
            signal.signal(signal.SIGTERM, previous)
    finally:
        store.close()


def _damage_hook(
    window: MainWindow, db_path: Path, previous: Callable[..., Any]
) -> Callable[..., Any]:
    """An exception hook that turns damage met by any read (a page, a list, a search) into
    the window's one damage report instead of a traceback on standard error."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, sqlite3.DatabaseError) and is_damage(value):
            window.safekeeping.report_damage(core_text(explain_database_error(db_path, value)))
            return
        previous(kind, value, tb)

    return hook


def _make_window(kind: type, store: Store, reviewer: str, db_path: Path) -> Any:
    """The main window, or None after a message when the database fails while it is read
    (damage in a file too big to check at open)."""
    try:
        return kind(store, reviewer, db_path)
    except sqlite3.DatabaseError as exc:
        message = core_text(explain_database_error(db_path, exc))
    # The half-built window lives on in Qt: its timers must not read the closed store.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind):
            for timer in widget.findChildren(QTimer):
                timer.stop()
            widget.deleteLater()
    QMessageBox.critical(
        None, QCoreApplication.translate("app", "Cannot open the database"), message
    )
    return None
