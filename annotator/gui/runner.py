"""The edit runner: every change to the database from the window goes through here.

``EditRunner.apply`` commits one operation through ``Store.apply`` (one transaction with its
edit-log row) and only then emits ``changed(changes, initiator)``, so nothing is shown as
done before it is saved. Views repaint only what ``changes`` names. An ``EditError`` or a
database error becomes a ``failed`` message for the status bar, never a traceback.

The runner also notices writes by another window on the same database: ``Store.page_state``
drops its cache when another connection committed, so a page state that is no longer the
object we hold, and differs from it, means the page changed underneath us.

Another program holding the database's write lock never freezes the window: an edit tries
the lock without waiting, and when it is taken the edit waits off the key press, retried by
a timer every ``RETRY_MS`` while ``waiting`` says so in the status bar. It is then committed
once, or refused after ``WAIT_LIMIT_S``. Keys pressed while an edit waits are refused with a
message, not queued: they would act on a page that does not show the waiting edit yet (the
block at the caret, the selected suggestion), so the reviewer presses them again once saved.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.edits import EditError, Op, PageState
from annotator.gui.i18n import core_text
from annotator.store import Applied, Store, StoreBusy, explain_database_error, is_damage

RETRY_MS = 100  # how often a waiting edit tries the write lock again
WAIT_LIMIT_S = 30.0  # how long an edit waits for another program before it is refused


@dataclass
class _Edit:
    """One edit on its way to the database (committed at once, or waiting for the lock)."""

    op: Op
    initiator: object
    action: str
    target: int | None
    then: Callable[[Applied], None] | None
    explain: Callable[[EditError], str] | None
    started: float


class EditRunner(QObject):
    """Owns the store and the reviewer name; applies operations and reports changes."""

    changed = Signal(object, object)  # Changes, initiator (any object or None)
    externalChange = Signal(str, bool)  # page id, whether that page's content changed
    failed = Signal(str)  # message for the reviewer
    saved = Signal(object)  # datetime of the last commit
    waiting = Signal(str)  # what the window waits for ("" once nothing waits)
    reviewerChanged = Signal(str)
    damaged = Signal(str)  # the database file is damaged: the store's message

    def __init__(self, store: Store, reviewer: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._reviewer = reviewer
        self.last_saved: datetime | None = None
        self._known: dict[str, PageState] = {}
        self.wait_limit_s = WAIT_LIMIT_S
        self._pending: _Edit | None = None
        self._retry = QTimer(self, interval=RETRY_MS)
        self._retry.timeout.connect(self._try_pending)

    @property
    def reviewer(self) -> str:
        """Whose edits these are; undo history is per reviewer, so a new name has its own."""
        return self._reviewer

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        if name != self._reviewer:
            self._reviewer = name
            self.reviewerChanged.emit(name)

    def state(self, page_id: str) -> PageState:
        """The page's current state, remembered to detect other windows' writes."""
        state = self.store.page_state(page_id)
        self._known[page_id] = state
        return state

    def check_external(self, page_id: str | None) -> bool:
        """Before using a page: True (and ``externalChange``) when another window changed it."""
        if page_id is None:
            return False
        held = self._known.get(page_id)
        state = self.store.page_state(page_id)
        self._known[page_id] = state
        # A new but equal object only means the store's small cache let the page go.
        if held is None or state is held or state == held:
            return False
        self.externalChange.emit(page_id, True)
        return True

    def poll(self, page_id: str | None) -> None:
        """Once a second: a new state object for the shown page means another connection
        committed something (the store drops its cache when ``PRAGMA data_version`` moves),
        to this page or another; ``externalChange`` says whether this page's content changed
        (page id "" when no page is shown and the database changed).
        """
        if page_id is None:
            # No page shown (an empty database): pages imported elsewhere should appear.
            if self.store.changed_elsewhere():
                self.externalChange.emit("", False)
            return
        held = self._known.get(page_id)
        state = self.store.page_state(page_id)
        if held is None or state is held:
            self._known[page_id] = state
            return
        self._known[page_id] = state
        self.externalChange.emit(page_id, state != held)

    def apply(
        self,
        op: Op,
        initiator: object = None,
        *,
        action: str = "do",
        target: int | None = None,
        then: Callable[[Applied], None] | None = None,
        explain: Callable[[EditError], str] | None = None,
    ) -> Applied | None:
        """Commit ``op``; return what was applied, or None (and emit ``failed``).

        ``then(applied)`` runs once the edit is committed: at once, or later when it had to
        wait for another program's lock (then this returns None and ``waiting`` says so).
        ``explain`` turns a refusal into the reviewer's message (undo and redo use it).
        """
        if self._pending is not None:
            self.failed.emit(
                self.tr(
                    "Not applied: the previous edit is still waiting for the database, which "
                    "another program holds. Press the key again once it is saved."
                )
            )
            return None
        self.check_external(op.page_id)
        edit = _Edit(op, initiator, action, target, then, explain, time.monotonic())
        return self._commit(edit)

    def waiting_now(self) -> bool:
        """Whether an edit is waiting for another program to release the database."""
        return self._pending is not None

    def finish_pending(self) -> bool:
        """The window closes: one last try for a waiting edit, waiting up to the busy
        timeout; False when it could not be saved (the lock is still taken)."""
        if self._pending is None:
            return True
        return self._commit(self._pending, wait=True) is not None

    def _try_pending(self) -> None:
        if self._pending is not None:
            self._commit(self._pending)

    def _commit(self, edit: _Edit, *, wait: bool = False) -> Applied | None:
        try:
            applied = self.store.apply(
                edit.op, self.reviewer, action=edit.action, target=edit.target, wait=wait
            )
        except StoreBusy:
            self._wait(edit)
            return None
        except EditError as exc:
            self._refuse(edit.explain(exc) if edit.explain is not None else core_text(exc))
            return None
        except sqlite3.DatabaseError as exc:
            if wait and "locked" in str(exc):
                self._give_up()
                return None
            if is_damage(exc):  # nothing more may be written: the window closes
                self._end_wait()
                self.damaged.emit(core_text(explain_database_error(self.store.path or "", exc)))
                return None
            self._refuse(
                self.tr("Not saved: the database refused the edit ({error})").format(error=exc)
            )
            return None
        self._end_wait()
        self._known[edit.op.page_id] = applied.state
        self.last_saved = datetime.now()
        self.changed.emit(applied.changes, edit.initiator)
        self.saved.emit(self.last_saved)
        if edit.then is not None:
            edit.then(applied)
        return applied

    def _wait(self, edit: _Edit) -> None:
        if time.monotonic() - edit.started >= self.wait_limit_s:
            self._give_up()
            return
        if self._pending is None:
            self._pending = edit
            self.waiting.emit(
                self.tr(
                    "Waiting for the database: another program holds it. The edit is saved as soon as it is free…"
                )
            )
            self._retry.start()

    def _give_up(self) -> None:
        seconds = round(self.wait_limit_s)
        self._refuse(
            self.tr(
                "Not saved: another program kept the database locked for {seconds} s, so the "
                "edit was not applied. Close the other program and try again."
            ).format(seconds=seconds)
        )

    def _refuse(self, message: str) -> None:
        self._end_wait()
        self.failed.emit(message)

    def _end_wait(self) -> None:
        if self._pending is not None:
            self._pending = None
            self._retry.stop()
            self.waiting.emit("")
