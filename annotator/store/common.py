"""What every room of the store shares: its errors, the records it hands out, the clock,
the busy timeout, and the attributes of an open store that the rooms read.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from annotator.edits import Changes, EditError, Op, PageState
from annotator.model import Block, Label, Page, Span
from annotator.store.shown import ShownPages

if TYPE_CHECKING:
    from annotator.store.checkpoints import BackgroundCheckpoints

BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection's lock
# (read as common.BUSY_TIMEOUT_MS by the rooms, so that one setting reaches them all)


class StoreError(Exception):
    """A database that cannot be used; the message names the file and says what to do."""


class StoreBusy(Exception):
    """Another connection holds the write lock and the caller asked not to wait for it."""


class UndoRefused(EditError):
    """An undo or redo that would overwrite what someone else changed since, or that no
    longer applies; nothing is written. ``reason`` says what: ``span``, ``blocks`` or
    ``status`` (changed since by ``who``), ``state`` (the page changed so the step no
    longer applies), ``done`` (already undone or redone, e.g. in another window), or
    ``owner`` (the edit is ``who``'s, not the caller's)."""

    def __init__(self, action: str, target: int, reason: str, who: str | None, detail: str):
        super().__init__(f"cannot {action} edit {target}: {detail}")
        self.action = action
        self.target = target
        self.reason = reason
        self.who = who


@dataclass(frozen=True)
class Applied:
    """An operation as committed: the normalised op, its inverse, the log row, the changes."""

    op: Op
    inverse: Op
    edit_id: int
    changes: Changes
    state: PageState


@dataclass(frozen=True)
class EditRecord:
    """One entry of a page's undo history rebuilt from the edit log."""

    edit_id: int
    op: Op
    inverse: Op
    reviewer: str | None
    at: str


@dataclass(frozen=True)
class ModelRecord:
    """A learnt model as kept in the database: its bytes and what it was learnt from."""

    id: int
    kind: str
    version: int
    created_at: str
    pages: int
    meta: dict[str, Any]
    data: bytes


@dataclass(frozen=True)
class PageRow:
    """One line of the page list."""

    rowid: int
    id: str
    status: str
    articles: int
    spans: int
    suggested: int


def now() -> str:
    """The current time as ISO 8601 UTC with seconds, as stored and exported."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class DatabaseDamaged(StoreError):
    """SQLite found the database file damaged; the message names the newest backup."""


class Room:
    """The attributes of an open store (set by ``Store.__init__``) that its rooms share."""

    db: sqlite_utils.Database
    path: Path | None
    _states: OrderedDict[str, PageState]
    _data_version: int
    _serial: int  # counts this connection's page edits and the foreign writes it saw
    _edited_at: dict[str, int]  # page -> _serial at its last edit here (since _foreign_at)
    _foreign_at: int  # _serial when another connection's write was last seen
    _labels: list[Label] | None
    _hits_key: tuple[str, int, int] | None  # what temp.search_hits holds
    _hits_search: str  # the search whose hits (and candidates) the temp tables hold
    _confirmed_to: int  # its hits are exact up to this rowid (search.py)
    _phrase: tuple[str, str] | None  # its phrase query, read in list order; the table it fills
    _holds_sql: str  # the SQL test that a page holds the search ('' until first needed)
    _holds_folded_sql: str  # the same of folded search (schema 13 on)
    _folded_search: bool | None  # whether search folds (None until the first search)
    _shown: ShownPages  # the page this store's window shows, and those others show
    _checkpoints: BackgroundCheckpoints | None  # None in memory: no log another connection sees

    if TYPE_CHECKING:  # what one room calls in another; the Store has them all

        def __init__(self, db: sqlite_utils.Database, path: Path | None) -> None: ...
        def _write_locked(self, *, wait: bool = True) -> AbstractContextManager[None]: ...
        def _read_data_version(self) -> int: ...
        def _remember(self, state: PageState) -> None: ...
        def _forget(self, page_id: str) -> None: ...
        def _insert_blocks(self, page_id: str, blocks: Iterable[Block]) -> None: ...
        def _insert_gold_pages(
            self, pages: Sequence[tuple[Page, Sequence[Block], Sequence[Span]]]
        ) -> None: ...
        def _keep_predictions(self, page_id: str) -> None: ...
        def page_state(self, page_id: str) -> PageState: ...
        def label_names(self) -> frozenset[str]: ...
        def page_ids(self, status: str | None = None) -> list[str]: ...
        def status_counts(self, search: str | None = None) -> dict[str, int]: ...
        def search_lag(self, at_most: int | None = None) -> int: ...
        def index_search(
            self, limit: int | None = None, *, wait: bool = True, budget_s: float | None = None
        ) -> int: ...
        def phrase_lag(self, at_most: int | None = None) -> int: ...
        def index_phrases(
            self, limit: int | None = None, *, wait: bool = True, budget_s: float | None = None
        ) -> int: ...
