"""The edit runner: every change to the database from the window goes through here.

As Anki's ``CollectionOp``: ``EditRunner.apply`` commits one operation through
``Store.apply`` (one transaction with its edit-log row), hands the committed edit to the
caller's ``then`` (which pushes the undo command), and emits one signal,
``changed(changes, state, initiator)``, carrying the page state after the edit. The views
repaint what ``changes`` names from that ``state``; nobody reads the page again, and
nothing is shown as done before it is saved. An ``EditError`` or a database error becomes a
``failed`` message for the status bar, never a traceback.

The runner keeps no page state of its own: the window shows one (``shown``), and that is
what another window's writes are checked against. ``Store.page_state`` drops its cache when
another connection committed, so a state that is no longer the object the window shows
means something was written elsewhere; whether it differs says if the page itself changed.

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
    changed_before: bool = False  # the page changed elsewhere just before the key


class EditRunner(QObject):
    """Owns the store and the reviewer name; applies operations and reports changes."""

    changed = Signal(object, object, object)  # Changes, PageState after, initiator (or None)
    # Another connection wrote: the shown page's id ("" when none is shown) and whether
    # that page's content changed (else it was another page, or pages imported elsewhere).
    externalChange = Signal(str, bool)
    failed = Signal(str)  # message for the reviewer
    waiting = Signal(str)  # what the window waits for ("" once nothing waits)
    reviewerChanged = Signal(str)
    damaged = Signal(str)  # the database file is damaged: the store's message

    def __init__(
        self,
        store: Store,
        reviewer: str,
        parent: QObject | None = None,
        *,
        shown: Callable[[], PageState | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._reviewer = reviewer
        self.last_saved: datetime | None = None  # when the last edit was committed
        self._shown = shown  # the page state the window shows (None: no page)
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

    def written_elsewhere(self) -> bool:
        """Whether the store's state of the shown page is no longer the object the window
        shows: the store dropped its cache, because another connection committed (to this
        page or another) or because the cache let the page go."""
        shown = self._shown()
        return shown is not None and self.store.page_state(shown.page.id) is not shown

    def check_external(self) -> bool:
        """Before acting on the shown page: True (and ``externalChange``) when another
        connection wrote since the window got its state; only when the page's own content
        changed does the window need to show it again."""
        return self._page_changed_elsewhere() is not None

    def _page_changed_elsewhere(self) -> bool | None:
        """``check_external``: None when nobody else wrote, else whether the shown page's
        content changed (``externalChange`` emitted)."""
        shown = self._shown()
        if shown is None:
            return None
        state = self.store.page_state(shown.page.id)
        if state is shown:
            return None
        # Only now, after someone else wrote, is the page's content compared.
        changed = state != shown
        self.externalChange.emit(shown.page.id, changed)
        return changed

    def poll(self) -> None:
        """Once a second: what ``check_external`` does; with no page shown (an empty
        database), ``externalChange("", False)`` when pages were added elsewhere."""
        if self._shown() is None:
            if self.store.changed_elsewhere():
                self.externalChange.emit("", False)
            return
        self.check_external()

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
        # The key was meant for the page as shown: when it changed elsewhere just before (a
        # second window, or pages rewritten after a retrain), a refusal says so.
        changed = bool(self._page_changed_elsewhere())
        edit = _Edit(op, initiator, action, target, then, explain, time.monotonic(), changed)
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
            # The program that held the lock may have written this page: show that first,
            # so that the waiting edit's change is drawn over the page as it now is.
            if self._page_changed_elsewhere():
                self._pending.changed_before = True
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
            reason = edit.explain(exc) if edit.explain is not None else core_text(exc)
            if edit.changed_before and edit.action == "do":  # an undo's refusal says who
                reason = self.tr(
                    "Not done: the page changed elsewhere (another window, or new suggestions "
                    "after learning) just before the key, and it no longer applies ({reason}). "
                    "The page now shows the change."
                ).format(reason=reason)
            self._refuse(reason)
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
        self.last_saved = datetime.now()
        if edit.then is not None:
            edit.then(applied)  # the undo stack first: Undo's state is right when views repaint
        self.changed.emit(applied.changes, applied.state, edit.initiator)
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
        # Core messages begin in lower case, to follow "error: " on a terminal; in the
        # status bar a sentence begins with a capital, as the window's own messages do.
        self.failed.emit(message[:1].upper() + message[1:])

    def _end_wait(self) -> None:
        if self._pending is not None:
            self._pending = None
            self._retry.stop()
            self.waiting.emit("")
