"""Keeping the reviewer's work safe while the window runs: rolling backups and damage.

* Every ``BACKUP_INTERVAL_MS`` (30 minutes) in which something was saved, and when the
  window closes, a checked backup goes into ``backups/`` beside the database
  (``annotator.store.rolling_backup``), made on a thread of its own with its own
  connection, so that editing goes on meanwhile (at close of a big database: by a
  separate ``annotator backup`` process, so that closing does not wait for it).
* A database too big to check at every open is checked on a thread once the window is
  shown. Damage found then, or met by an edit or any read (``report_damage``), is shown
  once in a message box naming the file and the backup to restore, and the window closes
  with exit status 1 before anything more is written.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.gui import settings
from annotator.gui.i18n import core_text
from annotator.gui.runner import EditRunner
from annotator.store import (
    QUICK_CHECK_AT_OPEN_BYTES,
    DatabaseDamaged,
    StoreError,
    rolling_backup,
    verify_database,
)

BACKUP_INTERVAL_MS = 30 * 60 * 1000
# The background check of a big database starts after the window has settled.
CHECK_DELAY_MS = 15_000
# Bigger databases are backed up at close by a separate process (a copy and its check
# take about a second per 100 MB).
BACKUP_IN_WINDOW_BYTES = 64 * 1024 * 1024


class Safekeeping(QObject):
    """Rolling backups and damage reports for one window on one database."""

    backedUp = Signal(object)  # the new backup's Path
    backupFailed = Signal(str)  # the store's message
    damaged = Signal(str)  # the store's message; the window then closes

    # Results cross from the worker threads by these (queued to the window's thread).
    _backupDone = Signal(object)
    _checkDone = Signal(object)

    def __init__(
        self,
        runner: EditRunner,
        db_path: Path,
        window: QWidget,
        interval_ms: int = BACKUP_INTERVAL_MS,
    ) -> None:
        super().__init__(window)
        self._runner = runner
        self._db_path = Path(db_path)
        self._window = window
        self._backed_up: datetime | None = None  # runner.last_saved covered by a backup
        self._worker: threading.Thread | None = None
        self._awaiting = False  # a backup started whose result has not come back yet
        self._result: object = None  # the last backup thread's result, for close()
        self._damage_shown = False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.backup_if_changed)
        self._timer.start()
        self._backupDone.connect(self._on_backup_done)
        self._checkDone.connect(self._on_check_done)

    # --- backups ------------------------------------------------------------------------

    def changed_since_backup(self) -> bool:
        saved = getattr(self._runner, "last_saved", None)
        return saved is not None and saved != self._backed_up

    def backup_if_changed(self) -> bool:
        """Start a backup on a worker thread when something was saved since the last one."""
        if self._damage_shown or self.busy() or not self.changed_since_backup():
            return False
        self._backed_up = self._runner.last_saved
        self._awaiting = True
        keep = settings.backups_kept()
        self._worker = threading.Thread(
            target=self._backup_in_thread, args=(keep,), name="backup", daemon=True
        )
        self._worker.start()
        return True

    def busy(self) -> bool:
        # Until its result is back, not while its thread lives: under load the thread may
        # still be ending when the window has its result (a backup was refused then).
        return self._awaiting

    def _backup_in_thread(self, keep: int) -> None:
        result: object = None  # an unexpected error: logged by the thread, tried again later
        try:
            result = rolling_backup(self._db_path, keep=keep)
        except StoreError as exc:
            result = exc
        finally:
            self._result = result  # close() may join the thread before the signal arrives
            self._backupDone.emit(result)  # always: the window waits for it (busy)

    def _on_backup_done(self, result: object) -> None:
        self._awaiting = False
        if isinstance(result, DatabaseDamaged):
            self.report_damage(core_text(result))
        elif isinstance(result, Path):
            self.backedUp.emit(result)
        else:
            self._backed_up = None  # try again at the next interval
            if isinstance(result, StoreError):
                self.backupFailed.emit(core_text(result))

    def close(self) -> None:
        """When the window closes: wait for a running backup, then back up what changed.

        A big database is backed up by a separate ``annotator backup`` process, so that
        closing the window does not wait a minute for the copy and its check.
        """
        self._timer.stop()
        if self._worker is not None:
            self._worker.join()
            if self._awaiting and not isinstance(self._result, Path):
                self._backed_up = None  # it failed, and its queued result is never handled
        if self._damage_shown or not self.changed_since_backup():
            return
        self._backed_up = self._runner.last_saved
        keep = settings.backups_kept()
        if _size(self._db_path) > BACKUP_IN_WINDOW_BYTES:
            _backup_in_another_process(self._db_path, keep)
            return
        try:
            self.backedUp.emit(rolling_backup(self._db_path, keep=keep))
        except StoreError as exc:  # the window is closing: the status bar is all we have
            self.backupFailed.emit(core_text(exc))

    # --- damage -------------------------------------------------------------------------

    def check_later(self) -> None:
        """Check a big database in the background once the window has settled."""
        QTimer.singleShot(CHECK_DELAY_MS, self, self.check_in_background)

    def check_in_background(self) -> bool:
        """Check a database too big to check at open, on a thread; True when started."""
        try:
            big = self._db_path.stat().st_size > QUICK_CHECK_AT_OPEN_BYTES
        except OSError:
            return False
        if big:
            threading.Thread(target=self._check_in_thread, name="check", daemon=True).start()
        return big

    def _check_in_thread(self) -> None:
        try:
            verify_database(self._db_path)
        except StoreError as exc:
            self._checkDone.emit(exc)

    def _on_check_done(self, result: object) -> None:
        if isinstance(result, DatabaseDamaged):
            self.report_damage(core_text(result))

    def report_damage(self, message: str) -> None:
        """Show the damage once, then close the window (exit status 1)."""
        if self._damage_shown:
            return
        self._damage_shown = True
        self._timer.stop()
        self.damaged.emit(message)
        QMessageBox.critical(
            self._window,
            QCoreApplication.translate("Safekeeping", "The database is damaged"),
            message,
        )
        self._window.close()

    @property
    def damage_found(self) -> bool:
        """Whether damage was reported: the program then exits with status 1."""
        return self._damage_shown


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _backup_in_another_process(db_path: Path, keep: int) -> None:
    """``annotator backup`` in its own session: it outlives the window and this process."""
    command = [sys.executable, "-m", "annotator", "backup", "--db", str(db_path)]
    with contextlib.suppress(OSError):
        subprocess.Popen(
            [*command, "--keep", str(keep)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
