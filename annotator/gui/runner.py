"""The edit runner: every change to the database from the window goes through here.

``EditRunner.apply`` commits one operation through ``Store.apply`` (one transaction with its
edit-log row) and only then emits ``changed(changes, initiator)``, so nothing is shown as
done before it is saved. Views repaint only what ``changes`` names. An ``EditError`` or a
database error becomes a ``failed`` message for the status bar, never a traceback.

The runner also notices writes by another window on the same database: ``Store.page_state``
drops its cache when another connection committed, so a page state that is no longer the
object we hold, and differs from it, means the page changed underneath us.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from annotator.edits import EditError, Op, PageState
from annotator.gui.i18n import core_text
from annotator.store import Applied, Store, explain_database_error, is_damage


class EditRunner(QObject):
    """Owns the store and the reviewer name; applies operations and reports changes."""

    changed = Signal(object, object)  # Changes, initiator (any object or None)
    externalChange = Signal(str, bool)  # page id, whether that page's content changed
    failed = Signal(str)  # message for the reviewer
    saved = Signal(object)  # datetime of the last commit
    damaged = Signal(str)  # the database file is damaged: the store's message

    def __init__(self, store: Store, reviewer: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.reviewer = reviewer
        self.last_saved: datetime | None = None
        self._known: dict[str, PageState] = {}

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
    ) -> Applied | None:
        """Commit ``op``; return what was applied, or None (and emit ``failed``)."""
        self.check_external(op.page_id)
        try:
            applied = self.store.apply(op, self.reviewer, action=action, target=target)
        except EditError as exc:
            self.failed.emit(core_text(exc))
            return None
        except sqlite3.DatabaseError as exc:
            if is_damage(exc):  # nothing more may be written: the window closes
                self.damaged.emit(core_text(explain_database_error(self.store.path or "", exc)))
                return None
            self.failed.emit(
                self.tr("Not saved: the database refused the edit ({error})").format(error=exc)
            )
            return None
        self._known[op.page_id] = applied.state
        self.last_saved = datetime.now()
        self.changed.emit(applied.changes, initiator)
        self.saved.emit(self.last_saved)
        return applied
