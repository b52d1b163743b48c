"""The SQLite store: the only package that speaks SQL.

Plain tables that read well in Datasette or the sqlite-utils CLI (``pages``, ``blocks``,
``spans``, ``edits``, ``predictions``, ``labels``), WAL mode, foreign keys, a trigram
full-text index over page text, and the schema version in ``PRAGMA user_version`` with
named migrations. Every write is one transaction: an edit operation commits together with
its row in the append-only ``edits`` log, and a page import commits with its blocks,
suggestions and predictions, or not at all.

One :class:`Store` is the whole interface; its methods live in rooms, one module each (as
sqlite-utils keeps ``Database`` and ``Table`` apart): :mod:`.schema` (version and
migrations), :mod:`.rows` (row encoding), :mod:`.opening` (open, close, the write
transaction), :mod:`.pages` (pages and the page-state cache), :mod:`.editing` (edits and
undo), :mod:`.search` (the page list and full-text search), :mod:`.reports` (statistics
and export reads), :mod:`.models` (learnt models) and :mod:`.safety` (damage and backups).
The names callers import are re-exported here.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import sqlite_utils

from annotator.edits import PageState
from annotator.model import Label
from annotator.store.checkpoints import BackgroundCheckpoints
from annotator.store.common import (
    BUSY_TIMEOUT_MS,
    Applied,
    DatabaseDamaged,
    EditRecord,
    ModelRecord,
    PageRow,
    StoreBusy,
    StoreError,
    UndoRefused,
    now,
)
from annotator.store.editing import EditingRoom
from annotator.store.models import ModelsRoom
from annotator.store.opening import OpeningRoom, default_db_path
from annotator.store.pages import PagesRoom
from annotator.store.reports import ReportsRoom
from annotator.store.rows import (
    EncodedPage,
    encode_page,
    encode_page_rows,
    encode_page_values,
    suggestion_rows,
    suggestion_values,
)
from annotator.store.safety import (
    BACKUP_FOLDER,
    BACKUPS_KEPT,
    QUICK_CHECK_AT_OPEN_BYTES,
    QUICK_CHECK_BEFORE_WRITE_BYTES,
    SafetyRoom,
    backup_database,
    backup_folder,
    damage_message,
    explain_database_error,
    is_damage,
    list_backups,
    newest_backup,
    restore_backup,
    rolling_backup,
    verify_database,
)
from annotator.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate
from annotator.store.search import SearchRoom
from annotator.store.shown import ShownPages

__all__ = [
    "BACKUPS_KEPT",
    "BACKUP_FOLDER",
    "BUSY_TIMEOUT_MS",
    "MIGRATIONS",
    "QUICK_CHECK_AT_OPEN_BYTES",
    "QUICK_CHECK_BEFORE_WRITE_BYTES",
    "SCHEMA_VERSION",
    "Applied",
    "DatabaseDamaged",
    "EditRecord",
    "EncodedPage",
    "ModelRecord",
    "PageRow",
    "Store",
    "StoreBusy",
    "StoreError",
    "UndoRefused",
    "backup_database",
    "backup_folder",
    "damage_message",
    "default_db_path",
    "encode_page",
    "encode_page_rows",
    "encode_page_values",
    "explain_database_error",
    "is_damage",
    "list_backups",
    "migrate",
    "newest_backup",
    "now",
    "restore_backup",
    "rolling_backup",
    "suggestion_rows",
    "suggestion_values",
    "verify_database",
]


class Store(
    OpeningRoom,
    PagesRoom,
    EditingRoom,
    SearchRoom,
    ReportsRoom,
    ModelsRoom,
    SafetyRoom,
):
    """An open annotator database. Create with ``Store.open(path)``."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._states: OrderedDict[str, PageState] = OrderedDict()
        self._data_version = self._read_data_version()
        self._serial = self._foreign_at = 0
        self._edited_at: dict[str, int] = {}
        self._labels: list[Label] | None = None
        # What temp.search_hits holds: (search, data_version, pages added by us).
        self._hits_key: tuple[str, int, int] | None = None
        self._hits_search, self._confirmed_to = "", 0
        self._phrase: tuple[str, str] | None = None
        self._holds_sql = self._holds_folded_sql = ""
        self._folded_search: bool | None = None  # schema 13 on (known at the first search)
        self._shown = ShownPages(path)
        self._checkpoints = (
            None if path is None or str(path) == ":memory:" else BackgroundCheckpoints(path)
        )
