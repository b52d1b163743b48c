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
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from annotator.gui import settings
from annotator.store import Store, StoreError


def application() -> QApplication:
    """The process's QApplication, created (with names for QSettings) if needed."""
    QCoreApplication.setOrganizationName(settings.ORGANISATION)
    QCoreApplication.setApplicationName(settings.APPLICATION)
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    return app  # type: ignore[return-value]


def ask_reviewer() -> str | None:
    """The reviewer's name from the settings, asked once (and kept) when there is none."""
    name = settings.reviewer()
    if name:
        return name
    default = _login_name()
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
    if not name:
        return None
    settings.set_reviewer(name)
    return name


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def open_store(db_path: Path) -> Store | None:
    """The open store, or None after telling the user why the database cannot be used."""
    try:
        return Store.open(db_path)
    except StoreError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "Cannot open the database"), str(exc)
        )
        return None


def run(db_path: Path) -> int:
    """Open the window on ``db_path`` and run until it closes; return the exit code."""
    app = application()
    from annotator.gui.i18n import install_translator

    install_translator(app, settings.language())
    reviewer = ask_reviewer()
    if reviewer is None:
        return 0
    store = open_store(Path(db_path))
    if store is None:
        return 1
    from annotator.gui.main_window import MainWindow

    try:
        window = MainWindow(store, reviewer, Path(db_path))
        window.show()
        window.raise_()
        window.activateWindow()  # keys go to the page view at once, even without a WM
        # Everything made so far lives as long as the window: keep it out of the cyclic
        # garbage collector's full passes, which otherwise stall a key press now and then.
        gc.freeze()
        # A polite kill (SIGTERM) closes the window as its close button would; the handler
        # runs when Python next gets control, at the latest with the window's 1 s poll.
        previous = signal.signal(signal.SIGTERM, lambda *_: app.closeAllWindows())
        try:
            return app.exec()
        finally:
            signal.signal(signal.SIGTERM, previous)
    finally:
        store.close()
