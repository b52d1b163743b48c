"""The SQLite store: the only module that speaks SQL.

Plain tables that read well in Datasette or the sqlite-utils CLI (``pages``, ``blocks``,
``spans``, ``edits``, ``predictions``, ``labels``), WAL mode, foreign keys, a trigram
full-text index over page text, and the schema version in ``PRAGMA user_version`` with
named migrations. Every write is one transaction: an edit operation commits together with
its row in the append-only ``edits`` log, and a page import commits with its blocks,
suggestions and predictions, or not at all.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from annotator.edits import (
    Changes,
    EditError,
    Op,
    PageState,
    Plan,
    first_edit_starts_review,
    plan,
    renumber,
    touched,
)
from annotator.messages import msg
from annotator.model import PAGE_STATUSES, Block, Label, Page, Span
from annotator.resources import default_labels

SCHEMA_VERSION = 6
BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection's lock
_STATE_CACHE = 16


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


# --- schema and migrations -------------------------------------------------------------


def _execute_each(db: sqlite_utils.Database, *statements: str) -> None:
    # One statement at a time: executescript() would commit the migration's transaction.
    for statement in statements:
        db.conn.execute(statement)


def _m001_initial(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE pages (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new',
            reviewer TEXT,
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX pages_status ON pages(status);
        CREATE INDEX pages_sha256 ON pages(sha256);
        CREATE TABLE blocks (
            page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            role TEXT NOT NULL,
            article INTEGER,
            joins_previous INTEGER NOT NULL DEFAULT 0,
            confidence REAL NOT NULL DEFAULT 1.0,
            confidences TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (page_id, start)
        ) WITHOUT ROWID;
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            origin TEXT NOT NULL,
            status TEXT NOT NULL,
            attrs TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX spans_page ON spans(page_id, start);
        CREATE TABLE edits (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            page_id TEXT NOT NULL,
            action TEXT NOT NULL,
            target INTEGER,
            operation TEXT NOT NULL,
            arguments TEXT NOT NULL,
            inverse TEXT NOT NULL,
            reviewer TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX edits_page ON edits(page_id, id);
        CREATE TABLE predictions (
            page_id TEXT PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
            blocks TEXT NOT NULL,
            spans TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE labels (
            name TEXT PRIMARY KEY,
            colour TEXT NOT NULL,
            hotkey TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        );
        """
    )
    rows = [
        {"name": x.name, "colour": x.colour, "hotkey": x.key, "description": x.description}
        for x in default_labels()
    ]
    for i, row in enumerate(rows):
        db.execute(
            "INSERT INTO labels (name, colour, hotkey, description, position) VALUES (?,?,?,?,?)",
            [row["name"], row["colour"], row["hotkey"], row["description"], i],
        )


def _m002_fulltext(db: sqlite_utils.Database) -> None:
    # Trigram tokens find any substring of three or more characters, which is what
    # reviewers of unsegmented Chinese text need; shorter queries fall back to instr().
    # detail=none keeps indexing cheap; matches are confirmed with instr(), so positions
    # are not needed. The index is derived data, filled in batches (index_search) rather
    # than by a trigger, because FTS5 costs ~2 ms per single-page transaction.
    db.executescript(
        """
        CREATE VIRTUAL TABLE pages_fts USING fts5(
            text, content='pages', content_rowid='rowid', tokenize='trigram', detail=none
        );
        CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
            INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        INSERT INTO meta (key, value) VALUES ('search_indexed_rowid', '0');
        """
    )


def _m003_fulltext_case_sensitive(db: sqlite_utils.Database) -> None:
    # Matches are confirmed with instr(), which is case-sensitive, so folding case in the
    # index only cost time: without it, indexing a page is a quarter cheaper. The index is
    # rebuilt by index_search() (the watermark goes back to 0); until then, unindexed
    # pages are searched directly, so search stays right while it catches up.
    _execute_each(
        db,
        "DROP TRIGGER IF EXISTS pages_fts_delete",
        "DROP TABLE IF EXISTS pages_fts",
        "CREATE VIRTUAL TABLE pages_fts USING fts5(text, content='pages', "
        "content_rowid='rowid', tokenize='trigram case_sensitive 1', detail=none)",
        "CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN "
        "INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
        "END",
        # Merge segments less eagerly (16 per level before merging, not 4): a quarter
        # less work per indexed page; lookups stay fast, the segments are few per level.
        "INSERT INTO pages_fts (pages_fts, rank) VALUES ('automerge', 16)",
        "UPDATE meta SET value = '0' WHERE key = 'search_indexed_rowid'",
    )


def _m004_papers_and_models(db: sqlite_utils.Database) -> None:
    # Pages carry their newspaper, so that learnt models keep each paper's conventions.
    # Models trained from the gold live in the same file as the gold (one file to back up),
    # with what they learnt from and how well they scored.
    _execute_each(
        db,
        "ALTER TABLE pages ADD COLUMN paper TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX pages_paper ON pages(paper)",
        "CREATE TABLE models ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " kind TEXT NOT NULL,"
        " version INTEGER NOT NULL,"
        " created_at TEXT NOT NULL,"
        " pages INTEGER NOT NULL,"
        " meta TEXT NOT NULL DEFAULT '{}',"
        " data BLOB NOT NULL)",
        "CREATE INDEX models_kind ON models(kind, id)",
    )


def _m006_page_tails(db: sqlite_utils.Database) -> None:
    # A search of one or two characters is answered from the trigram index (every trigram
    # that starts with them) and from the last two characters of each page, which no
    # trigram starts at; kept here so that such a search never reads the page text.
    _execute_each(
        db,
        "CREATE TABLE page_tails (rowid INTEGER PRIMARY KEY, tail TEXT NOT NULL)",
        "INSERT INTO page_tails (rowid, tail) SELECT rowid, substr(text, -2) FROM pages "
        "WHERE rowid <= (SELECT CAST(value AS INTEGER) FROM meta "
        "WHERE key = 'search_indexed_rowid')",
        "CREATE TRIGGER page_tails_delete AFTER DELETE ON pages BEGIN "
        "DELETE FROM page_tails WHERE rowid = old.rowid; END",
    )


MIGRATIONS: list[tuple[int, str, Callable[[sqlite_utils.Database], None]]] = [
    (1, "initial", _m001_initial),
    (2, "fulltext", _m002_fulltext),
    (3, "fulltext_case_sensitive", _m003_fulltext_case_sensitive),
    (4, "papers_and_models", _m004_papers_and_models),
    # 5 is left to a migration being written beside this one; numbers only need to grow.
    (6, "page_tails", _m006_page_tails),
]


def _row_to_page(row: dict[str, Any]) -> Page:
    return Page(
        id=row["id"],
        paper=row.get("paper") or "",
        text=row["text"],
        source=row["source"],
        sha256=row["sha256"],
        status=row["status"],
        reviewer=row["reviewer"],
        note=row["note"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _row_to_block(row: Sequence[Any]) -> Block:
    start, end, role, article, joins, confidence, confidences = row
    return Block(
        start, end, role, article, bool(joins), confidence, _parse_confidences(confidences)
    )


@functools.lru_cache(maxsize=4096)
def _parse_confidences(text: str) -> dict[str, float]:
    # A few distinct combinations recur on every page; blocks are frozen and never mutate it.
    return json.loads(text)


def _row_to_span(row: Sequence[Any]) -> Span:
    span_id, start, end, label, origin, status, attrs = row
    # Most spans carry no attributes; skipping the JSON parser for them halves export time.
    parsed = {} if attrs == "{}" else json.loads(attrs)
    return Span(start, end, label, origin, status, parsed, span_id)


@functools.lru_cache(maxsize=4096)
def _confidences_json(items: tuple[tuple[str, float], ...]) -> str:
    # Blocks share a handful of confidence combinations; encoding each once keeps import fast.
    return json.dumps(dict(items), separators=(",", ":"))


def _block_values(page_id: str, b: Block) -> tuple[Any, ...]:
    confidences = _confidences_json(tuple(b.confidences.items()))
    return (
        page_id,
        b.start,
        b.end,
        b.role,
        b.article,
        int(b.joins_previous),
        b.confidence,
        confidences,
    )


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _span_values(page_id: str, s: Span) -> tuple[Any, ...]:
    attrs = _ENCODE(s.attrs) if s.attrs else "{}"
    return (s.id, page_id, s.start, s.end, s.label, s.origin, s.status, attrs)


def _json(value: Any) -> str:
    return _ENCODE(value)


@dataclass(frozen=True)
class EncodedPage:
    """A page's blocks and suggestions as the rows the store inserts.

    Encoding (JSON of confidences, attributes and predictions) is pure, so import workers
    do it in parallel and the database process only inserts.
    """

    block_rows: list[tuple[Any, ...]]
    span_rows: list[tuple[Any, ...]]
    predicted_blocks: str
    predicted_spans: str


def encode_page(blocks: Sequence[Block], suggestions: Sequence[Span]) -> EncodedPage:
    """The rows of a new page's blocks and suggestions (no page id; the store adds it).

    The predictions are the same rows as JSON arrays (attributes and confidences stay JSON
    text inside them): one encoder call per page instead of one dict per block and span,
    which was a fifth of an import worker's time.
    """
    return encode_page_rows(blocks, [_span_values("", s)[2:] for s in suggestions])


def suggestion_rows(
    suggestions: Iterable[tuple[int, int, str, str, dict[str, Any]]],
) -> list[tuple[Any, ...]]:
    """Span rows of ``(start, end, label, origin, attrs)`` suggestions, status suggested."""
    encode = _ENCODE
    return [
        (s, e, label, origin, "suggested", encode(attrs) if attrs else "{}")
        for s, e, label, origin, attrs in suggestions
    ]


def encode_page_rows(blocks: Sequence[Block], span_rows: list[tuple[Any, ...]]) -> EncodedPage:
    """:func:`encode_page` for span rows already made (see :func:`suggestion_rows`)."""
    block_rows = [_block_values("", b)[1:] for b in blocks]
    return EncodedPage(block_rows, span_rows, _json(block_rows), _json(span_rows))


def _decode_predicted_block(item: Any) -> Block:
    if isinstance(item, dict):  # databases written before predictions were stored as rows
        return Block(**item)
    start, end, role, article, joins, confidence, confidences = item
    return Block(start, end, role, article, bool(joins), confidence, json.loads(confidences))


def _decode_predicted_span(item: Any) -> Span:
    if isinstance(item, dict):
        return Span(**item)
    start, end, label, origin, status, attrs = item
    return Span(start, end, label, origin, status, json.loads(attrs))


_BLOCK_COLS = 'start, "end", role, article, joins_previous, confidence, confidences'
_SPAN_COLS = 'id, start, "end", label, origin, status, attrs'


# A longer lag (an upgrade that rebuilt the index: ~15 s per 100,000 pages) is not caught
# up while opening: the window does it in small steps, and import at its end.
_CATCH_UP_AT_OPEN = 2000


class Store:
    """An open annotator database. Create with ``Store.open(path)``."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._states: OrderedDict[str, PageState] = OrderedDict()
        self._data_version = self._read_data_version()
        self._labels: list[Label] | None = None
        # What temp.search_hits holds: (search, data_version, pages added by us).
        self._hits_key: tuple[str, int, int] | None = None
        self._pages_added = 0

    # --- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, readonly: bool = False) -> Store:
        """Open (and create or migrate) the database at ``path``.

        Raises ``StoreError`` with a message for the user when the file cannot be used:
        not a database, not an annotator database, locked, read-only, or a newer schema.
        ``readonly``: see :meth:`open_readonly` (never writes, never needs the write lock).
        """
        if readonly:
            return cls.open_readonly(path)
        path = Path(path)
        if str(path) != ":memory:":
            if not path.exists() and not create:
                raise StoreError(
                    msg("{path}: no such database; run 'annotator import' first", path=path)
                )
            if path.exists() and path.is_dir():
                raise StoreError(msg("{path}: is a folder, not a database file", path=path))
            if path.exists() and not os.access(path, os.W_OK):
                raise StoreError(
                    msg(
                        "{path}: the database is read-only; make it writable or copy it elsewhere",
                        path=path,
                    )
                )
            _make_parent(path)
        conn = None
        try:
            conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
            return cls._prepare(sqlite_utils.Database(conn), path)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise StoreError(_explain_open_error(path, exc)) from None
        except StoreError:
            if conn is not None:
                conn.close()
            raise

    @classmethod
    def _prepare(cls, db: sqlite_utils.Database, path: Path) -> Store:
        conn = db.conn
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_intact(conn, path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                msg(
                    "{path}: this database has schema version {version}, made by a newer "
                    "annotator (this one knows up to {known}); upgrade annotator to open it",
                    path=path,
                    version=version,
                    known=SCHEMA_VERSION,
                )
            )
        tables = set(db.table_names())
        if version == 0 and tables:
            raise StoreError(
                msg(
                    "{path}: this is an SQLite database of another program (tables: {tables}); "
                    "choose another file",
                    path=path,
                    tables=", ".join(sorted(tables)[:5]),
                )
            )
        if str(path) != ":memory:" and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        # WAL with synchronous=NORMAL survives a crash or kill of the program; only a power
        # cut may lose the last commits. Full sync would cost a flush per keystroke.
        conn.execute("PRAGMA synchronous = NORMAL")
        # Checkpoints happen at the window's pauses (checkpoint()); the automatic one is a
        # backstop for long imports (4,000 pages of 4 kB).
        conn.execute("PRAGMA wal_autocheckpoint = 4000")
        migrate(db, version)
        store = cls(db, path)
        if 0 < store.search_lag() <= _CATCH_UP_AT_OPEN:
            # After a crash mid-import the index may lag behind. Not when another program
            # holds the write lock: search is complete anyway, the window catches up later.
            store.index_search(wait=False)
        return store

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.db.conn.execute("PRAGMA user_version").fetchone()[0]

    # --- labels ----------------------------------------------------------------------

    def labels(self) -> list[Label]:
        """The configured labels in palette order."""
        if self._labels is None:
            rows = self.db.conn.execute(
                "SELECT name, colour, hotkey, description FROM labels ORDER BY position"
            ).fetchall()
            self._labels = [Label(*row) for row in rows]
        return self._labels

    def add_label(self, label: Label) -> None:
        """Add a project label (or update its colour, key and description)."""
        with self.db.atomic():
            position = self.db.conn.execute("SELECT count(*) FROM labels").fetchone()[0]
            self.db.conn.execute(
                "INSERT INTO labels (name, colour, hotkey, description, position) "
                "VALUES (?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET colour=excluded.colour, "
                "hotkey=excluded.hotkey, description=excluded.description",
                [label.name, label.colour, label.key, label.description, position],
            )
        self._labels = None

    def label_names(self) -> frozenset[str]:
        return frozenset(x.name for x in self.labels())

    # --- pages -----------------------------------------------------------------------

    def page_for_sha256(self, sha256: str) -> str | None:
        row = self.db.conn.execute(
            "SELECT id FROM pages WHERE sha256 = ? LIMIT 1", [sha256]
        ).fetchone()
        return row[0] if row else None

    def has_page(self, page_id: str) -> bool:
        row = self.db.conn.execute("SELECT 1 FROM pages WHERE id = ?", [page_id]).fetchone()
        return row is not None

    def add_page(
        self,
        page: Page,
        blocks: Sequence[Block] = (),
        suggestions: Sequence[Span] = (),
        encoded: EncodedPage | None = None,
    ) -> None:
        """Store a new page with its heuristic blocks and suggestions, in one transaction.

        The blocks and suggestions are also kept, as first computed, in ``predictions``.
        ``encoded`` (from :func:`encode_page`, e.g. made by an import worker process)
        replaces ``blocks`` and ``suggestions``.
        """
        rows = encoded or encode_page(blocks, suggestions)
        stamp = now()
        conn = self.db.conn
        with self.db.atomic():
            conn.execute(
                "INSERT INTO pages (id, source, sha256, text, status, reviewer, note, "
                "created_at, updated_at, paper) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [page.id, page.source, page.sha256, page.text, page.status, page.reviewer,
                 page.note, page.created_at or stamp, page.updated_at or stamp, page.paper],
            )  # fmt: skip
            conn.executemany(
                f"INSERT INTO blocks (page_id, {_BLOCK_COLS}) VALUES (?,?,?,?,?,?,?,?)",
                [(page.id, *row) for row in rows.block_rows],
            )
            conn.executemany(
                f"INSERT INTO spans (page_id, {_SPAN_COLS.replace('id, ', '', 1)}) "
                "VALUES (?,?,?,?,?,?,?)",
                [(page.id, *row) for row in rows.span_rows],
            )
            conn.execute(
                "INSERT INTO predictions (page_id, blocks, spans, created_at) VALUES (?,?,?,?)",
                [page.id, rows.predicted_blocks, rows.predicted_spans, stamp],
            )
        self._pages_added += 1

    def _insert_blocks(self, page_id: str, blocks: Iterable[Block]) -> None:
        self.db.conn.executemany(
            f"INSERT INTO blocks (page_id, {_BLOCK_COLS}) VALUES (?,?,?,?,?,?,?,?)",
            [_block_values(page_id, b) for b in blocks],
        )

    def _insert_spans(self, page_id: str, spans: Iterable[Span]) -> None:
        self.db.conn.executemany(
            f"INSERT INTO spans ({_SPAN_COLS.replace('id, ', 'id, page_id, ', 1)}) "
            "VALUES (?,?,?,?,?,?,?,?)",
            [_span_values(page_id, s) for s in spans],
        )

    def page(self, page_id: str) -> Page:
        row = self.db.execute_returning_dicts("SELECT * FROM pages WHERE id = ?", [page_id])
        if not row:
            raise KeyError(page_id)
        return _row_to_page(row[0])

    def blocks(self, page_id: str) -> list[Block]:
        rows = self.db.conn.execute(
            f"SELECT {_BLOCK_COLS} FROM blocks WHERE page_id = ? ORDER BY start", [page_id]
        ).fetchall()
        return [_row_to_block(r) for r in rows]

    def spans(self, page_id: str, statuses: Iterable[str] | None = None) -> list[Span]:
        rows = self.db.conn.execute(
            f'SELECT {_SPAN_COLS} FROM spans WHERE page_id = ? ORDER BY start, "end", id',
            [page_id],
        ).fetchall()
        spans = [_row_to_span(r) for r in rows]
        if statuses is not None:
            wanted = set(statuses)
            spans = [s for s in spans if s.status in wanted]
        return spans

    def predictions(self, page_id: str) -> tuple[list[Block], list[Span]]:
        """The heuristic blocks and suggestions of a page as first computed."""
        row = self.db.conn.execute(
            "SELECT blocks, spans FROM predictions WHERE page_id = ?", [page_id]
        ).fetchone()
        if row is None:
            return [], []
        blocks = [_decode_predicted_block(b) for b in json.loads(row[0])]
        spans = [_decode_predicted_span(s) for s in json.loads(row[1])]
        return blocks, spans

    def page_state(self, page_id: str) -> PageState:
        """The page with its blocks and spans, cached while no other connection writes."""
        self._check_foreign_writes()
        state = self._states.get(page_id)
        if state is None:
            state = PageState(
                self.page(page_id),
                tuple(self.blocks(page_id)),
                {s.id: s for s in self.spans(page_id) if s.id is not None},
            )
            self._remember(state)
        else:
            self._states.move_to_end(page_id)
        return state

    def _remember(self, state: PageState) -> None:
        self._states[state.page.id] = state
        self._states.move_to_end(state.page.id)
        while len(self._states) > _STATE_CACHE:
            self._states.popitem(last=False)

    def _read_data_version(self) -> int:
        return self.db.conn.execute("PRAGMA data_version").fetchone()[0]

    def _check_foreign_writes(self) -> bool:
        # data_version changes only when another connection commits: then cached page
        # states may be stale (a second window on the same database).
        version = self._read_data_version()
        if version == self._data_version:
            return False
        self._states.clear()
        self._data_version = version
        return True

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file now (cheap when little changed).

        The window calls it when the reviewer pauses, so that SQLite's own checkpoint,
        which flushes to disk, rarely lands on a key press.
        """
        self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def changed_elsewhere(self) -> bool:
        """Whether another connection (a second window, a CLI import) committed since the
        last call; cached page states are dropped when it did."""
        return self._check_foreign_writes()

    # --- edits -----------------------------------------------------------------------

    def apply(
        self,
        op: Op,
        reviewer: str | None = None,
        *,
        action: str = "do",
        target: int | None = None,
        wait: bool = True,
    ) -> Applied:
        """Validate and commit one edit operation with its log row, in one transaction.

        ``action`` is ``do`` for a new edit, ``undo``/``redo`` when the GUI replays the
        inverse/original of the logged edit ``target``. Raises ``EditError`` when the
        operation does not apply, ``UndoRefused`` when an undo or redo would overwrite
        another reviewer's later change (see :meth:`replay_refusal`); nothing is written
        then. ``wait=False`` raises ``StoreBusy`` at once, instead of waiting up to the busy
        timeout, when another connection holds the write lock.
        """
        if action not in ("do", "undo", "redo"):
            raise ValueError(f"unknown edit action {action!r}")
        # Take the write lock before reading: another window may have committed since our
        # cache was filled, and span ids must not be handed out twice.
        try:
            with self._write_locked(wait=wait):
                if action != "do" and target is not None:
                    op, result = self._plan_replay(op, reviewer, action, target)
                else:
                    op, result = self._plan(op, action)
                stamp = now()
                self._persist(result, stamp, reviewer)
                edit_id = self._log(op, result.inverse, reviewer, action, target, stamp)
        except sqlite3.DatabaseError:
            self._states.pop(op.page_id, None)
            raise
        after = replace(
            result.after,
            page=replace(
                result.after.page, updated_at=stamp, reviewer=reviewer or result.after.page.reviewer
            ),
        )
        self._remember(after)
        return Applied(op, result.inverse, edit_id, result.changes, after)

    @contextmanager
    def _write_locked(self, *, wait: bool = True) -> Iterator[None]:
        """One transaction that holds the write lock from its start (BEGIN IMMEDIATE), so
        what it reads cannot change under it; committed, or rolled back on any error.
        ``wait=False``: ``StoreBusy`` at once when another connection holds the lock."""
        conn = self.db.conn
        if wait:
            conn.execute("BEGIN IMMEDIATE")
        else:
            self._begin_now()
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _plan(self, op: Op, action: str) -> tuple[Op, Plan]:
        state = self.page_state(op.page_id)
        op = self._allocate_span_ids(op)
        if action == "do":
            op = first_edit_starts_review(state, op)
        return op, plan(state, op, self.label_names())

    def _allocate_span_ids(self, op: Op) -> Op:
        counter = [self._next_span_id()]

        def fill(o: dict[str, Any]) -> dict[str, Any]:
            args = dict(o["args"])
            if o["kind"] == "add_span" and args.get("id") is None:
                args["id"] = counter[0]
                counter[0] += 1
            elif o["kind"] == "replace_page_gold":
                args["spans"] = [
                    fill({"kind": "add_span", "args": x})["args"] for x in args["spans"]
                ]
            elif o["kind"] == "batch":
                args["ops"] = [fill(sub) for sub in args["ops"]]
            return {**o, "args": args}

        return Op.from_json(fill(op.to_json()))

    def _next_span_id(self) -> int:
        # AUTOINCREMENT never reuses an id, so an undone and redone span keeps its id
        # without colliding with spans added in between.
        row = self.db.conn.execute(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'spans'), 0), "
            "coalesce((SELECT max(id) FROM spans), 0))"
        ).fetchone()
        return int(row[0]) + 1

    def _persist(self, result: Plan, stamp: str, reviewer: str | None) -> None:
        # The plan names what changed: write only that, without comparing the whole page
        # (a thousand spans cost a visible part of a key press to compare).
        conn, after, changes = self.db.conn, result.after, result.changes
        page_id = after.page.id
        if changes.blocks:
            conn.execute("DELETE FROM blocks WHERE page_id = ?", [page_id])
            self._insert_blocks(page_id, after.blocks)
        removed = [[i] for i in changes.spans if i not in after.spans]
        changed = [_span_values(page_id, after.spans[i]) for i in changes.spans if i in after.spans]
        if removed:
            conn.executemany("DELETE FROM spans WHERE id = ?", removed)
        if changed:
            # AUTOINCREMENT raises its sequence past an explicit id by itself, so an id
            # handed out again on redo is never handed out to another span afterwards.
            conn.executemany(
                'INSERT OR REPLACE INTO spans (id, page_id, start, "end", label, origin, '
                "status, attrs) VALUES (?,?,?,?,?,?,?,?)",
                changed,
            )
        p = after.page
        conn.execute(
            "UPDATE pages SET status = ?, note = ?, reviewer = coalesce(?, reviewer), "
            "updated_at = ? WHERE id = ?",
            [p.status, p.note, reviewer, stamp, page_id],
        )

    def _log(
        self, op: Op, inverse: Op, reviewer: str | None, action: str, target: int | None, at: str
    ) -> int:
        cursor = self.db.conn.execute(
            "INSERT INTO edits (page_id, action, target, operation, arguments, inverse, "
            "reviewer, at) VALUES (?,?,?,?,?,?,?,?)",
            [
                op.page_id,
                action,
                target,
                op.kind,
                _json(op.args),
                _json(inverse.to_json()),
                reviewer,
                at,
            ],
        )
        return int(cursor.lastrowid or 0)

    def history(
        self, page_id: str, reviewer: str | None = None
    ) -> tuple[list[EditRecord], list[EditRecord]]:
        """The page's undo stack and redo stack, rebuilt from the edit log.

        Returns ``(done, undone)``: ``done`` oldest first, ``undone`` in the order redo
        would replay them (next redo first). With ``reviewer``, only that reviewer's edits,
        undos and redos count: each reviewer undoes only their own work. An undo row
        removes exactly its target from ``done`` (wherever it is) and a redo row puts its
        target back; a new edit empties the redo stack. A redone edit's inverse is the one
        logged with the redo, which is exact for the page as it was then.
        """
        sql = (
            "SELECT id, action, target, operation, arguments, inverse, reviewer, at "
            "FROM edits WHERE page_id = ?"
        )
        params: list[Any] = [page_id]
        if reviewer is not None:
            sql += " AND reviewer IS ?"
            params.append(reviewer)
        records: dict[int, EditRecord] = {}
        done: list[int] = []
        undone: list[int] = []
        for edit_id, action, target, kind, args, inverse, who, at in self.db.conn.execute(
            sql + " ORDER BY id", params
        ):
            if action == "do":
                op = Op(kind, page_id, json.loads(args))
                records[edit_id] = EditRecord(
                    edit_id, op, Op.from_json(json.loads(inverse)), who, at
                )
                done.append(edit_id)
                undone.clear()
            elif action == "undo":
                aim = target if target is not None else (done[-1] if done else None)
                if aim in done:
                    done.remove(aim)
                    undone.append(aim)
            elif action == "redo":
                aim = target if target is not None else (undone[-1] if undone else None)
                if aim in undone:
                    undone.remove(aim)
                    done.append(aim)
                    records[aim] = replace(records[aim], inverse=Op.from_json(json.loads(inverse)))
        return [records[i] for i in done], [records[i] for i in reversed(undone)]

    # --- suggestions -----------------------------------------------------------------

    def replace_suggestions(self, page_id: str, spans: Sequence[Span]) -> int:
        """Replace the page's open machine suggestions with ``spans``; returns how many.

        Accepted, rejected and human spans are never touched, and a suggestion that equals
        one of them (same range and label) is not added again.
        """
        with self.db.atomic():
            conn = self.db.conn
            conn.execute(
                "DELETE FROM spans WHERE page_id = ? AND status = 'suggested' AND origin != 'human'",
                [page_id],
            )
            kept = {
                (s, e, label)
                for s, e, label in conn.execute(
                    'SELECT start, "end", label FROM spans WHERE page_id = ?', [page_id]
                )
            }
            fresh = [replace(s, id=None) for s in spans if (s.start, s.end, s.label) not in kept]
            self._insert_spans(page_id, fresh)
        self._states.pop(page_id, None)
        return len(fresh)

    def decided_span_counts(self) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
        """Counts of accepted and of rejected (text, label) pairs over all pages."""
        accepted: dict[tuple[str, str], int] = {}
        rejected: dict[tuple[str, str], int] = {}
        rows = self.db.conn.execute(
            'SELECT substr(p.text, s.start + 1, s."end" - s.start), s.label, s.status, count(*) '
            "FROM spans s JOIN pages p ON p.id = s.page_id WHERE s.status != 'suggested' "
            "GROUP BY 1, 2, 3"
        )
        for text, label, status, n in rows:
            (accepted if status == "accepted" else rejected)[(text, label)] = n
        return accepted, rejected

    def rejected_ranges(self, page_id: str) -> frozenset[tuple[int, int, str]]:
        rows = self.db.conn.execute(
            "SELECT start, \"end\", label FROM spans WHERE page_id = ? AND status = 'rejected'",
            [page_id],
        )
        return frozenset((s, e, label) for s, e, label in rows)

    # --- learnt models --------------------------------------------------------------

    def save_model(self, kind: str, data: bytes, *, pages: int, meta: dict[str, Any]) -> int:
        """Keep a newly trained model of ``kind``; its version is one above the last."""
        with self._write_locked():
            row = self.db.conn.execute(
                "SELECT coalesce(max(version), 0) FROM models WHERE kind = ?", [kind]
            ).fetchone()
            cursor = self.db.conn.execute(
                "INSERT INTO models (kind, version, created_at, pages, meta, data) "
                "VALUES (?,?,?,?,?,?)",
                [kind, int(row[0]) + 1, now(), pages, _json(meta), sqlite3.Binary(data)],
            )
        return int(cursor.lastrowid or 0)

    def latest_model(self, kind: str) -> ModelRecord | None:
        """The newest model of ``kind``, or None when none was trained yet."""
        row = self.db.conn.execute(
            "SELECT id, kind, version, created_at, pages, meta, data FROM models "
            "WHERE kind = ? ORDER BY id DESC LIMIT 1",
            [kind],
        ).fetchone()
        if row is None:
            return None
        model_id, kind, version, created_at, pages, meta, data = row
        return ModelRecord(
            model_id, kind, version, created_at, pages, json.loads(meta), bytes(data)
        )

    def model_versions(self) -> list[ModelRecord]:
        """Every kept model without its bytes (``data`` empty), newest first."""
        rows = self.db.conn.execute(
            "SELECT id, kind, version, created_at, pages, meta FROM models ORDER BY id DESC"
        ).fetchall()
        return [ModelRecord(i, k, v, at, n, json.loads(meta), b"") for i, k, v, at, n, meta in rows]

    # --- lists, search, counts -------------------------------------------------------

    def _filter_sql(self, status: str | None, search: str | None) -> tuple[str, list[Any]]:
        # Filters read the status index and, for a search, the hits of that search (found
        # once, see _search_hits); page text is never read here, so lists and counts stay
        # fast on 100,000 pages.
        where, params = [], []
        if status:
            if status not in PAGE_STATUSES and status != "not_done":
                raise ValueError(f"unknown page status {status!r}")
            if status == "not_done":
                where.append("p.status IN ('new', 'in_progress', 'flagged')")
            else:
                where.append("p.status = ?")
                params.append(status)
        if search:
            self._search_hits(search)
            where.append("p.rowid IN (SELECT rowid FROM temp.search_hits)")
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def _search_hits(self, search: str) -> None:
        """Fill ``temp.search_hits`` with the rowids of the pages whose text or id holds
        ``search`` (exact, case-sensitive), unless it already holds them.

        Counts, list windows and positions of one search all read this table, so the
        page text is read at most once per search. A query of exactly three characters
        is answered by the trigram index alone; a longer one confirms the index's
        candidates with instr(); a shorter one has to read every page. Pages beyond the
        index (not indexed yet) are read directly, so results are always complete.
        """
        key = (search, self._read_data_version(), self._pages_added)
        if key == self._hits_key:
            return
        conn = self.db.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS search_hits (rowid INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.search_hits")
        indexed = self._indexed_rowid()
        hit = "INSERT OR IGNORE INTO temp.search_hits (rowid) "
        if len(search) < 3:
            self._short_search_hits(search)
        elif len(search) == 3:
            conn.execute(
                f"{hit}SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?", [_fts(search)]
            )
        else:
            trigrams = sorted({search[i : i + 3] for i in range(len(search) - 2)})[:12]
            conn.execute(
                f"{hit}SELECT p.rowid FROM pages_fts f JOIN pages p ON p.rowid = f.rowid "
                "WHERE pages_fts MATCH ? AND instr(p.text, ?) > 0",
                [" AND ".join(map(_fts, trigrams)), search],
            )
        # Pages the index does not cover yet, and page ids, are read directly.
        conn.execute(f"{hit}SELECT rowid FROM pages WHERE rowid > ? AND instr(text, ?) > 0",
                     [indexed, search])  # fmt: skip
        conn.execute(f"{hit}SELECT rowid FROM pages WHERE instr(id, ?) > 0", [search])
        self._hits_key = key

    def _short_search_hits(self, search: str) -> None:
        # Every occurrence of one or two characters either starts a trigram of the index
        # (found by the index's own sorted term list) or lies in a page's last two
        # characters (page_tails): no page text is read.
        conn = self.db.conn
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.pages_fts_terms "
            "USING fts5vocab(main, 'pages_fts', 'row')"
        )
        terms = [
            row[0]
            for row in conn.execute(
                "SELECT term FROM temp.pages_fts_terms WHERE term >= ? AND term < ?",
                [search, search + "\U0010ffff"],
            )
        ]
        for i in range(0, len(terms), 200):  # a few hundred terms per query keeps it quick
            conn.execute(
                "INSERT OR IGNORE INTO temp.search_hits (rowid) "
                "SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?",
                [" OR ".join(map(_fts, terms[i : i + 200]))],
            )
        conn.execute(
            "INSERT OR IGNORE INTO temp.search_hits (rowid) "
            "SELECT rowid FROM page_tails WHERE instr(tail, ?) > 0",
            [search],
        )

    def _rowids_sql(self, status: str | None, search: str | None) -> tuple[str, list[Any]]:
        """SQL for the rowids of the filtered pages, read from indexes, not from the table."""
        where, params = self._filter_sql(status, search)
        # The status index holds every rowid and is far smaller than the table (whose rows
        # hold the page text): walking it, and probing the search hits, never reads a page.
        return f"SELECT p.rowid AS r FROM pages p INDEXED BY pages_status{where}", params

    def _indexed_rowid(self) -> int:
        row = self.db.conn.execute(
            "SELECT value FROM meta WHERE key = 'search_indexed_rowid'"
        ).fetchone()
        return int(row[0]) if row else 0

    def index_search(self, limit: int | None = None, *, wait: bool = True) -> int:
        """Add pages not yet in the full-text index to it (one transaction); at most
        ``limit`` pages when given. Returns how many pages were indexed.

        Import calls it every few hundred pages and at the end; opening a database catches
        up a short lag (a crash mid-import); the window catches up a long one (an upgrade
        that rebuilds the index) in small steps. Until then, pages beyond the index are
        searched directly, so results are always complete. ``wait=False`` returns 0 at
        once when another connection holds the write lock.
        """
        conn = self.db.conn
        # The write lock first: two windows catching up must not index a page twice.
        # Without ``wait`` (the window's background steps) a busy database is left for the
        # next step instead of blocking the window for the busy timeout.
        if not wait:
            conn.execute("PRAGMA busy_timeout = 0")
        try:
            with self._write_locked():
                done = self._indexed_rowid()
                top, count = conn.execute(
                    "SELECT max(r), count(*) FROM "
                    "(SELECT rowid AS r FROM pages WHERE rowid > ? ORDER BY rowid LIMIT ?)",
                    [done, -1 if limit is None else limit],  # LIMIT -1: no limit
                ).fetchone()
                if count:
                    conn.execute(
                        "INSERT INTO pages_fts (rowid, text) SELECT rowid, text FROM pages "
                        "WHERE rowid > ? AND rowid <= ?",
                        [done, top],
                    )
                    conn.execute(
                        "INSERT OR REPLACE INTO page_tails (rowid, tail) "
                        "SELECT rowid, substr(text, -2) FROM pages WHERE rowid > ? AND rowid <= ?",
                        [done, top],
                    )
                    conn.execute(
                        "UPDATE meta SET value = ? WHERE key = 'search_indexed_rowid'", [str(top)]
                    )
        except sqlite3.OperationalError as exc:
            if wait or "locked" not in str(exc):
                raise
            return 0  # another connection holds the write lock: the next step tries again
        finally:
            if not wait:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return count

    def search_lag(self) -> int:
        """How many pages the full-text index does not cover yet."""
        return self.db.conn.execute(
            "SELECT count(*) FROM pages WHERE rowid > ?", [self._indexed_rowid()]
        ).fetchone()[0]

    def count_pages(self, status: str | None = None, search: str | None = None) -> int:
        rowids, params = self._rowids_sql(status, search)
        return self.db.conn.execute(f"SELECT count(*) FROM ({rowids})", params).fetchone()[0]

    def page_rows(
        self, offset: int, limit: int, status: str | None = None, search: str | None = None
    ) -> list[PageRow]:
        """A window of the page list (in import order), for lazy list models."""
        rowids, params = self._rowids_sql(status, search)
        rows = self.db.conn.execute(
            "SELECT p.rowid, p.id, p.status, "
            "(SELECT count(DISTINCT article) FROM blocks b WHERE b.page_id = p.id), "
            "(SELECT count(*) FROM spans s WHERE s.page_id = p.id AND s.status = 'accepted'), "
            "(SELECT count(*) FROM spans s WHERE s.page_id = p.id AND s.status = 'suggested') "
            f"FROM pages p WHERE p.rowid IN ({rowids} ORDER BY p.rowid LIMIT ? OFFSET ?) "
            "ORDER BY p.rowid",
            [*params, limit, offset],
        ).fetchall()
        return [PageRow(*row) for row in rows]

    def page_position(
        self, page_id: str, status: str | None = None, search: str | None = None
    ) -> int | None:
        """The row number of ``page_id`` in the filtered list, or None when filtered out."""
        row = self.db.conn.execute("SELECT rowid FROM pages WHERE id = ?", [page_id]).fetchone()
        if row is None:
            return None
        rowids, params = self._rowids_sql(status, search)
        joiner = " AND " if " WHERE " in rowids else " WHERE "
        before, inside = self.db.conn.execute(
            f"SELECT count(*) FILTER (WHERE r < ?), count(*) FILTER (WHERE r = ?) FROM "
            f"({rowids}{joiner}p.rowid <= ?)",
            [row[0], row[0], *params, row[0]],
        ).fetchone()
        return before if inside else None

    def neighbour_page(self, page_id: str, step: int, status: str | None = None) -> str | None:
        """The next (step=1) or previous (step=-1) page in import order, optionally by status."""
        where, params = self._filter_sql(status, None)
        rowid = self.db.conn.execute("SELECT rowid FROM pages WHERE id = ?", [page_id]).fetchone()
        if rowid is None:
            return None
        cmp, order = (">", "ASC") if step > 0 else ("<", "DESC")
        joiner = " AND " if where else " WHERE "
        row = self.db.conn.execute(
            f"SELECT p.id FROM pages p{where}{joiner}p.rowid {cmp} ? ORDER BY p.rowid {order} LIMIT 1",
            [*params, rowid[0]],
        ).fetchone()
        return row[0] if row else None

    def page_ids(self, status: str | None = None) -> list[str]:
        """Every page id (optionally of one status) in import order."""
        where, params = self._filter_sql(status, None)
        sql = f"SELECT p.id FROM pages p{where} ORDER BY p.rowid"
        return [row[0] for row in self.db.conn.execute(sql, params)]

    def first_page(self, status: str | None = None) -> str | None:
        where, params = self._filter_sql(status, None)
        row = self.db.conn.execute(
            f"SELECT p.id FROM pages p{where} ORDER BY p.rowid LIMIT 1", params
        ).fetchone()
        return row[0] if row else None

    def status_counts(self, search: str | None = None) -> dict[str, int]:
        """Pages per status, of every page or of those a search finds (one query)."""
        counts = dict.fromkeys(PAGE_STATUSES, 0)
        where, params = self._filter_sql(None, search)
        for status, n in self.db.conn.execute(
            f"SELECT p.status, count(*) FROM pages p INDEXED BY pages_status{where} GROUP BY 1",
            params,
        ):
            counts[status] = n
        return counts

    def stats(self) -> dict[str, Any]:
        """Pages by status, articles, blocks by role, spans by label and status, edits by reviewer."""
        conn = self.db.conn
        spans: dict[str, dict[str, int]] = {}
        for label, status, n in conn.execute(
            "SELECT label, status, count(*) FROM spans GROUP BY 1, 2 ORDER BY 1, 2"
        ):
            spans.setdefault(label, {})[status] = n
        return {
            "pages": {"total": sum(self.status_counts().values()), **self.status_counts()},
            "articles": conn.execute(
                "SELECT count(*) FROM (SELECT DISTINCT page_id, article FROM blocks "
                "WHERE article IS NOT NULL)"
            ).fetchone()[0],
            "blocks": dict(conn.execute("SELECT role, count(*) FROM blocks GROUP BY 1 ORDER BY 1")),
            "spans": spans,
            "edits": {
                (reviewer or "(unknown)"): n
                for reviewer, n in conn.execute(
                    "SELECT reviewer, count(*) FROM edits GROUP BY 1 ORDER BY 2 DESC"
                )
            },
        }

    def iter_pages(
        self,
        status: str | None = None,
        page_ids: Sequence[str] | None = None,
        chunk: int = 256,
        span_status: str | None = None,
    ) -> Iterator[tuple[Page, list[Block], list[Span]]]:
        """Pages with their blocks and spans, in import order, fetched a chunk at a time.

        ``span_status`` keeps only spans of that status (export reads only ``accepted``).
        """
        ids = list(page_ids) if page_ids is not None else self.page_ids(status)
        for i in range(0, len(ids), chunk):
            yield from self._fetch_chunk(ids[i : i + chunk], span_status)

    def _fetch_chunk(
        self, ids: list[str], span_status: str | None
    ) -> Iterator[tuple[Page, list[Block], list[Span]]]:
        marks = ",".join("?" * len(ids))
        conn = self.db.conn
        pages = {
            r["id"]: _row_to_page(r)
            for r in self.db.execute_returning_dicts(
                f"SELECT * FROM pages WHERE id IN ({marks})", ids
            )
        }
        blocks: dict[str, list[Block]] = {i: [] for i in ids}
        for row in conn.execute(
            f"SELECT page_id, {_BLOCK_COLS} FROM blocks WHERE page_id IN ({marks}) "
            "ORDER BY page_id, start",
            ids,
        ):
            blocks[row[0]].append(_row_to_block(row[1:]))
        spans: dict[str, list[Span]] = {i: [] for i in ids}
        only = " AND status = ?" if span_status else ""
        for row in conn.execute(
            f"SELECT page_id, {_SPAN_COLS} FROM spans WHERE page_id IN ({marks}){only} "
            "ORDER BY page_id, start",  # the index order; callers sort ties themselves
            [*ids, span_status] if span_status else ids,
        ):
            spans[row[0]].append(_row_to_span(row[1:]))
        for page_id in ids:
            if page_id in pages:
                yield pages[page_id], blocks[page_id], spans[page_id]

    # --- damage and backups (issue 8) -----------------------------------------------

    def verify(self, max_bytes: int | None = None) -> bool:
        """Raise :class:`DatabaseDamaged` unless SQLite's ``quick_check`` finds the whole
        file sound. A file bigger than ``max_bytes`` is not checked (False is returned):
        the check reads every page, about a minute for 100,000 pages (1.9 GB)."""
        if self.path is None or str(self.path) == ":memory:":
            return False
        if max_bytes is not None and _size(self.path) > max_bytes:
            return False
        if not _recently_checked(self.path):
            _quick_check(self.db.conn, self.path)
            _remember_checked(self.path)
        return True

    def backup(self, target: str | Path, *, check: bool = True) -> Path:
        """Copy the database as it is now to ``target`` (see :func:`backup_database`)."""
        return _backup_connection(self.db.conn, self.path or Path(":memory:"), Path(target), check)

    # --- changed files (issue 8) ----------------------------------------------------

    def is_unreviewed(self, page_id: str) -> bool:
        """Whether a page is still ``new`` with no edit in the log: nobody has reviewed it."""
        row = self.db.conn.execute(
            "SELECT status = 'new' AND NOT EXISTS (SELECT 1 FROM edits WHERE page_id = ?) "
            "FROM pages WHERE id = ?",
            [page_id, page_id],
        ).fetchone()
        return bool(row and row[0])

    def replace_unreviewed_page(
        self,
        page_id: str,
        page: Page,
        encoded: EncodedPage | None = None,
        blocks: Sequence[Block] = (),
        suggestions: Sequence[Span] = (),
    ) -> bool:
        """Replace page ``page_id`` by ``page`` (a new version of its file), in one
        transaction, if nobody has reviewed it (checked under the write lock, so a window
        that starts editing meanwhile wins). Returns False, changing nothing, otherwise."""
        with self._write_locked():
            if not self.is_unreviewed(page_id):
                return False
            self.db.conn.execute("DELETE FROM pages WHERE id = ?", [page_id])  # cascades
            self.add_page(page, blocks, suggestions, encoded)
        self._states.pop(page_id, None)
        return True

    # --- structure model (issue 9): re-split untouched pages, papers ------------------

    # --- undo that is the reviewer's own; locks and read-only opening ------------------

    @classmethod
    def open_readonly(cls, path: str | Path) -> Store:
        """Open an existing database for reading only (stats, export, background searches).

        Never creates, migrates or writes anything and never takes the write lock, so it
        works while another program holds that lock, and on a read-only file. A database
        that needs an upgrade, or is not an annotator database, is refused with a
        ``StoreError`` naming the file and what to do.
        """
        path = Path(path)
        if not path.exists():
            raise StoreError(
                msg("{path}: no such database; run 'annotator import' first", path=path)
            )
        if path.is_dir():
            raise StoreError(msg("{path}: is a folder, not a database file", path=path))
        conn = None
        try:
            uri = path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _check_intact(conn, path)
            # mode=ro refuses every write to the database file; the temp schema (a
            # search's hits) stays writable, so query_only is not set.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
            cls._check_readable_version(path, version, tables)
            return cls(sqlite_utils.Database(conn), path)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise StoreError(_explain_open_error(path, exc)) from None
        except StoreError:
            if conn is not None:
                conn.close()
            raise

    @staticmethod
    def _check_readable_version(path: Path, version: int, tables: list[str]) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                msg(
                    "{path}: this database has schema version {version}, made by a newer "
                    "annotator (this one knows up to {known}); upgrade annotator to open it",
                    path=path,
                    version=version,
                    known=SCHEMA_VERSION,
                )
            )
        if version == 0 and tables:
            raise StoreError(
                msg(
                    "{path}: this is an SQLite database of another program (tables: {tables}); "
                    "choose another file",
                    path=path,
                    tables=", ".join(sorted(tables)[:5]),
                )
            )
        if version == 0:
            raise StoreError(
                msg("{path}: the database is empty; run 'annotator import' first", path=path)
            )
        if version < SCHEMA_VERSION:
            raise StoreError(
                msg(
                    "{path}: this database has schema version {version} and needs an upgrade "
                    "to version {known}, which reading alone does not do; open it once in the "
                    "annotator window (or run 'annotator import' on it), then try again",
                    path=path,
                    version=version,
                    known=SCHEMA_VERSION,
                )
            )

    def _begin_now(self) -> None:
        """BEGIN IMMEDIATE without waiting: ``StoreBusy`` when another connection holds
        the write lock (the window then waits for it off the key press)."""
        conn = self.db.conn
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreBusy(f"{self.path}: another program holds the database") from None
            raise
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def replay_refusal(
        self, page_id: str, target: int, action: str, reviewer: str | None
    ) -> UndoRefused | None:
        """Why ``reviewer`` cannot ``undo``/``redo`` the logged edit ``target`` now, or None.

        Refused: an edit of someone else; one already undone (or redone, or whose redo a
        later edit discarded); one whose spans, blocks or page status another reviewer
        changed after it was last applied (undo) or undone (redo); one whose step no
        longer applies to the page. Reads only; ``apply`` checks the same under its lock.
        """
        try:
            op, others = self._replay_op(page_id, target, action, reviewer)
            if others:  # else the page is as the step left it: it applies (a key press asks)
                result = plan(self.page_state(page_id), op, self.label_names())
                self._check_numbering(result, target, action, reviewer)
        except UndoRefused as refusal:
            return refusal
        except EditError as exc:
            return UndoRefused(action, target, "state", None, str(exc))
        return None

    def _plan_replay(
        self, op: Op, reviewer: str | None, action: str, target: int
    ) -> tuple[Op, Plan]:
        self._replay_op(op.page_id, target, action, reviewer)
        try:
            op, result = self._plan(op, action)
        except EditError as exc:
            raise UndoRefused(action, target, "state", None, str(exc)) from None
        self._check_numbering(result, target, action, reviewer)
        return op, result

    def _check_numbering(
        self, result: Plan, target: int, action: str, reviewer: str | None
    ) -> None:
        # An undo restores its blocks' article numbers exactly; when others renumbered the
        # articles since, those numbers now mean other articles: refused, not mixed up.
        if not result.changes.blocks or renumber(result.after.blocks) == result.after.blocks:
            return
        row = self.db.conn.execute(
            "SELECT reviewer FROM edits WHERE page_id = ? AND id > ? AND reviewer IS NOT ? "
            "ORDER BY id DESC LIMIT 1",
            [result.op.page_id, target, reviewer],
        ).fetchone()
        who = row[0] if row else None
        raise UndoRefused(action, target, "blocks", who, "the articles were renumbered since")

    def _replay_op(
        self, page_id: str, target: int, action: str, reviewer: str | None
    ) -> tuple[Op, int]:
        """The step that would undo/redo ``target`` (latest inverse, or the original), after
        checking that nobody else changed what it touches (``UndoRefused``), and how many
        edits of others came after it."""
        conn = self.db.conn
        row = conn.execute(
            "SELECT action, reviewer, operation, arguments FROM edits WHERE id = ? AND page_id = ?",
            [target, page_id],
        ).fetchone()
        if row is None or row[0] != "do":
            raise UndoRefused(action, target, "state", None, f"page {page_id!r} has no such edit")
        owner, kind, args = row[1], row[2], row[3]
        if reviewer is not None and owner != reviewer:
            raise UndoRefused(action, target, "owner", owner, f"the edit is {owner!r}'s")
        place, since, inverse_row = self._place_in_history(page_id, target, owner)
        if place != ("done" if action == "undo" else "undone"):
            raise UndoRefused(action, target, "done", None, f"the edit is {place} already")
        (inverse,) = conn.execute(
            "SELECT inverse FROM edits WHERE id = ?", [inverse_row]
        ).fetchone()
        original = Op(kind, page_id, json.loads(args))
        latest_inverse = Op.from_json(json.loads(inverse))
        others = self._check_others(original, latest_inverse, action, target, since, owner)
        return (latest_inverse if action == "undo" else original), others

    def _place_in_history(
        self, page_id: str, target: int, owner: str | None
    ) -> tuple[str, int, int]:
        """Where the edit ``target`` stands in its reviewer's history: ``done``, ``undone``
        or ``discarded`` (undone, then a new edit of theirs emptied the redo stack); the log
        id since when; and the id of the row that logged its latest inverse (the edit, or its
        latest redo). Reads only the rows aimed at it: a key press asks twice."""
        conn = self.db.conn
        place, since, inverse_row = "done", target, target
        for edit_id, action in conn.execute(
            "SELECT id, action FROM edits WHERE page_id = ? AND id > ? AND target = ? "
            "AND reviewer IS ? ORDER BY id",
            [page_id, target, target, owner],
        ):
            if action == "undo" and place == "done":
                place, since = "undone", edit_id
            elif action == "redo" and place == "undone":
                place, since, inverse_row = "done", edit_id, edit_id
        if (
            place == "undone"
            and conn.execute(
                "SELECT 1 FROM edits WHERE page_id = ? AND id > ? AND reviewer IS ? AND action = 'do' "
                "LIMIT 1",
                [page_id, since, owner],
            ).fetchone()
        ):
            place = "discarded"
        return place, since, inverse_row

    def _check_others(
        self, op: Op, inverse: Op, action: str, target: int, since: int, owner: str | None
    ) -> int:
        """``UndoRefused`` when another reviewer's edit after log row ``since`` touched
        what the edit ``target`` (``op`` with ``inverse``) touches; else how many there were."""
        page_id = op.page_id
        text = self.page_state(page_id).page.text
        mine = touched(op, inverse, text, redo=action == "redo")
        rows = self.db.conn.execute(
            "SELECT operation, arguments, inverse, reviewer FROM edits "
            "WHERE page_id = ? AND id > ? AND reviewer IS NOT ? ORDER BY id",
            [page_id, since, owner],
        ).fetchall()
        for kind, args, row_inverse, who in rows:
            theirs = touched(
                Op(kind, page_id, json.loads(args)), Op.from_json(json.loads(row_inverse)), text
            )
            common = {what for what, _ in mine & theirs}
            if common:
                reason = next(r for r in ("span", "block", "status") if r in common)
                reason = "blocks" if reason == "block" else reason
                raise UndoRefused(action, target, reason, who, f"{who!r} changed its {reason}")
        return len(rows)

    def untouched_page_ids(self) -> list[str]:
        """Pages nobody has started: status ``new`` and not one edit in the log."""
        rows = self.db.conn.execute(
            "SELECT id FROM pages WHERE status = 'new' AND NOT EXISTS "
            "(SELECT 1 FROM edits WHERE edits.page_id = pages.id) ORDER BY rowid"
        )
        return [r[0] for r in rows]

    def resplit_page(self, page_id: str, blocks: Sequence[Block]) -> bool:
        """Replace the blocks of a page nobody has started with a new machine split.

        Checked and written under the write lock in one transaction: a page that is not
        ``new`` or has any edit (someone started it meanwhile) is left alone (returns False).
        The new split also becomes the page's kept prediction: it is what reviewers meet.
        """
        conn = self.db.conn
        with self._write_locked():
            row = conn.execute(
                "SELECT 1 FROM pages WHERE id = ? AND status = 'new' AND NOT EXISTS "
                "(SELECT 1 FROM edits WHERE page_id = ?)",
                [page_id, page_id],
            ).fetchone()
            if row is None:
                return False
            conn.execute("DELETE FROM blocks WHERE page_id = ?", [page_id])
            self._insert_blocks(page_id, blocks)
            conn.execute(
                "UPDATE predictions SET blocks = ? WHERE page_id = ?",
                [encode_page(blocks, ()).predicted_blocks, page_id],
            )
        self._states.pop(page_id, None)
        return True

    def apply_gold(self, op: Op, reviewer: str | None, updated_at: str) -> Applied:
        """:meth:`apply` for gold brought in from a file: the page keeps the file's time.

        One transaction: the operation, its edit-log row (at the real time) and the page's
        ``updated_at`` set to the record's, so that exporting again gives the same bytes.
        """
        try:
            with self._write_locked():
                op, result = self._plan(op, "do")
                stamp = now()
                self._persist(result, stamp, reviewer)
                edit_id = self._log(op, result.inverse, reviewer, "do", None, stamp)
                self.db.conn.execute(
                    "UPDATE pages SET updated_at = ? WHERE id = ?", [updated_at, op.page_id]
                )
        except sqlite3.DatabaseError:
            self._states.pop(op.page_id, None)
            raise
        self._states.pop(op.page_id, None)
        return Applied(op, result.inverse, edit_id, result.changes, self.page_state(op.page_id))

    # --- entities: gold brought in from other tools (annotator import --format conll) ----

    # --- export curation, gold import and statistics (issue 12) ----------------------

    def export_page_ids(
        self,
        statuses: Sequence[str] | None = ("done",),
        reviewers: Sequence[str] = (),
        papers: Sequence[str] = (),
        pattern: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[str]:
        """Ids of the pages an export takes, in import order.

        ``statuses`` None takes every status; ``pattern`` is a glob over page ids
        (``2024-03-*``); ``since``/``until`` bound ``updated_at`` (ISO 8601 text, ``until``
        exclusive), i.e. when the page was last edited.
        """
        where, params = [], []
        for column, values in (("status", statuses), ("reviewer", reviewers), ("paper", papers)):
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                params += list(values)
        if pattern:
            where.append("id GLOB ?")
            params.append(pattern)
        if since:
            where.append("updated_at >= ?")
            params.append(since)
        if until:
            where.append("updated_at < ?")
            params.append(until)
        sql = "SELECT id FROM pages" + (" WHERE " + " AND ".join(where) if where else "")
        return [row[0] for row in self.db.conn.execute(sql + " ORDER BY rowid", params)]

    def pages_containing(self, fragment: str, limit: int = 20) -> list[str]:
        """Ids of pages whose text contains ``fragment`` (exact), in import order."""
        where, params = self._filter_sql(None, fragment)
        rows = self.db.conn.execute(
            f"SELECT p.id FROM pages p{where} ORDER BY p.rowid LIMIT ?", [*params, limit]
        )
        return [row[0] for row in rows]

    def open_suggestion_counts(self, page_ids: Sequence[str]) -> dict[str, int]:
        """Open (suggested) spans per page among ``page_ids``; pages with none are left out."""
        counts: dict[str, int] = {}
        for i in range(0, len(page_ids), 500):
            chunk = list(page_ids[i : i + 500])
            marks = ",".join("?" * len(chunk))
            counts.update(
                self.db.conn.execute(
                    f"SELECT page_id, count(*) FROM spans WHERE status = 'suggested' "
                    f"AND page_id IN ({marks}) GROUP BY page_id",
                    chunk,
                ).fetchall()
            )
        return {page_id: counts[page_id] for page_id in page_ids if page_id in counts}

    def edit_log(self) -> Iterator[tuple[str | None, str, str, str, str, str]]:
        """Every logged edit as ``(reviewer, at, page_id, action, operation, arguments)``."""
        yield from self.db.conn.execute(
            "SELECT reviewer, at, page_id, action, operation, arguments FROM edits ORDER BY id"
        )

    def distributions(self, status: str | None = "done") -> dict[str, dict[str, int]]:
        """Accepted spans by label and article blocks by role, on pages of ``status``."""
        only = "AND p.status = ?" if status else ""
        params = [status] if status else []
        conn = self.db.conn
        labels = conn.execute(
            "SELECT s.label, count(*) FROM spans s JOIN pages p ON p.id = s.page_id "
            f"WHERE s.status = 'accepted' {only} GROUP BY 1 ORDER BY 2 DESC, 1",
            params,
        )
        roles = conn.execute(
            "SELECT b.role, count(*) FROM blocks b JOIN pages p ON p.id = b.page_id "
            f"WHERE b.article IS NOT NULL {only} GROUP BY 1 ORDER BY 2 DESC, 1",
            params,
        )
        return {"labels": dict(labels.fetchall()), "roles": dict(roles.fetchall())}

    def add_gold_pages(self, pages: Sequence[tuple[Page, Sequence[Block], Sequence[Span]]]) -> None:
        """Store reviewed pages from an existing gold corpus, all in one transaction.

        Each page is stored as given (its status, normally ``done``), with its blocks and
        spans as they are (normally accepted, origin ``human``). No prediction is kept: the
        heuristics never saw these pages, so ``evaluate`` only counts them.
        """
        stamp = now()
        conn = self.db.conn
        with self._write_locked():
            conn.executemany(
                "INSERT INTO pages (id, source, sha256, text, status, reviewer, note, "
                "created_at, updated_at, paper) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(p.id, p.source, p.sha256, p.text, p.status, p.reviewer, p.note,
                  p.created_at or stamp, p.updated_at or stamp, p.paper) for p, _, _ in pages],
            )  # fmt: skip
            for page, blocks, spans in pages:
                self._insert_blocks(page.id, blocks)
                self._insert_spans(page.id, [replace(s, id=None) for s in spans])

    def least_sure_page(self, exclude: str | None = None) -> str | None:
        """The page to review whose learnt-model suggestions the model is least sure of.

        Among pages not done (new, in progress, flagged) with open ``model`` suggestions,
        the one holding the suggestion of lowest confidence (ties: import order); None when
        no page has any (then the window falls back to page order).
        """
        row = self.db.conn.execute(
            "SELECT s.page_id FROM spans s JOIN pages p ON p.id = s.page_id "
            "WHERE s.status = 'suggested' AND s.origin = 'model' "
            "AND p.status IN ('new', 'in_progress', 'flagged') AND p.id != ? "
            "AND json_extract(s.attrs, '$.confidence') IS NOT NULL "
            "ORDER BY json_extract(s.attrs, '$.confidence'), p.rowid LIMIT 1",
            [exclude or ""],
        ).fetchone()
        return row[0] if row else None


def _fts(term: str) -> str:
    """``term`` as an FTS5 string (a phrase in double quotes), whatever it holds."""
    return '"' + term.replace('"', '""') + '"'


def migrate(db: sqlite_utils.Database, version: int) -> None:
    """Apply every migration above ``version``, each in its own transaction."""
    for number, _name, step in MIGRATIONS:
        if number <= version:
            continue
        with db.atomic():
            step(db)
            db.conn.execute(f"PRAGMA user_version = {number}")


def _explain_open_error(path: Path, exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "malformed" in text or "database corrupt" in text:
        return damage_message(path, text)
    if "file is not a database" in text:
        return msg(
            "{path}: not an annotator database or damaged ({error}); choose another file, "
            "or {advice}",
            path=path,
            error=text,
            advice=_restore_advice(path),
        )
    if "locked" in text or "busy" in text:
        return msg(
            "{path}: the database is locked by another program ({error}); "
            "close the other program and try again",
            path=path,
            error=text,
        )
    if "readonly" in text or "read-only" in text:
        return msg(
            "{path}: the database is read-only ({error}); make it writable or copy it elsewhere",
            path=path,
            error=text,
        )
    if "unable to open" in text:
        return msg(
            "{path}: cannot open the database ({error}); check the folder exists and is writable",
            path=path,
            error=text,
        )
    return msg("{path}: cannot use the database ({error})", path=path, error=text)


def default_db_path() -> Path:
    """``$ANNOTATOR_DB``, else ``annotator.db`` in the user data directory."""
    env = os.environ.get("ANNOTATOR_DB")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("annotator", appauthor=False)) / "annotator.db"


# --- damage and backups (issue 8) ----------------------------------------------------------
# SQLite's own checks find damage: quick_check at open when the file is small enough for it
# to be cheap (and before an import writes, whatever the size), and any "malformed" error
# met later. Backups are SQLite online-backup copies, each checked before it joins the
# rotation, so that a copy of damaged data never pushes a good backup out.

# quick_check reads every page (bench/damage_checks.py: 1.2 s for 186 MB, 10,000 pages, warm;
# 63 s for 100,000 pages, 1.9 GB, cold on a busy machine). Up to the first size (~0.2 s) it
# runs at every open; up to the second (a few seconds), before a command writes (import,
# demo, suggest). Bigger files are checked by the window in the background, by every
# backup (its copy is checked) and by 'annotator check'; SQLite checks each page it reads.
QUICK_CHECK_AT_OPEN_BYTES = 32 * 1024 * 1024
QUICK_CHECK_BEFORE_WRITE_BYTES = 512 * 1024 * 1024
BACKUPS_KEPT = 10
BACKUP_FOLDER = "backups"
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB (primary result codes)


class DatabaseDamaged(StoreError):
    """SQLite found the database file damaged; the message names the newest backup."""


def is_damage(exc: BaseException) -> bool:
    """Whether an SQLite error says the database file is damaged."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _DAMAGE_CODES:
        return True
    text = str(exc)
    return "malformed" in text or "database corrupt" in text or "file is not a database" in text


def damage_message(path: str | Path, detail: str) -> str:
    """One line: which file is damaged, that nothing was written, and how to restore it."""
    return msg(
        "{path}: the database is damaged ({detail}); nothing was written to it; {advice}",
        path=path,
        detail=detail,
        advice=_restore_advice(Path(path)),
    )


def _restore_advice(path: Path) -> str:
    newest = newest_backup(path)
    if newest is None:
        return msg(
            "there is no backup of it in {folder}: keep the file and ask for help "
            "('sqlite3 {path} .recover' saves what can still be read)",
            folder=backup_folder(path),
            path=path,
        )
    return msg(
        "restore the newest backup with: annotator restore --db {path} {backup}",
        path=path,
        backup=newest,
    )


def explain_database_error(path: str | Path, exc: sqlite3.DatabaseError) -> str:
    """A database error met while working, as one line for the user."""
    if is_damage(exc):
        return damage_message(path, str(exc))
    return _explain_open_error(Path(path), exc)


def _check_intact(conn: sqlite3.Connection, path: Path) -> None:
    """The check at open: SQLite verifies cell sizes as it reads, and a file small enough
    for it to be cheap gets a full quick_check (raises DatabaseDamaged)."""
    conn.execute("PRAGMA cell_size_check = ON")
    if str(path) == ":memory:":
        return
    try:
        size = path.stat().st_size
    except OSError:
        return
    if 0 < size <= QUICK_CHECK_AT_OPEN_BYTES and not _recently_checked(path):
        _quick_check(conn, path)
        _remember_checked(path)


# Files found sound by this process: (device, inode, size, mtime) -> when. A window opens
# a connection per background search; checking the same unchanged file again within a few
# minutes would only add latency.
_checked_at: dict[tuple[int, ...], float] = {}
_RECHECK_AFTER_S = 600.0


def _file_key(path: Path) -> tuple[int, ...]:
    try:
        st = path.stat()
    except OSError:
        return ()
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _remember_checked(path: Path) -> None:
    _checked_at[_file_key(path)] = time.monotonic()
    while len(_checked_at) > 64:  # a long-running window sees many versions of its file
        del _checked_at[next(iter(_checked_at))]


def _recently_checked(path: Path) -> bool:
    at = _checked_at.get(_file_key(path))
    return at is not None and time.monotonic() - at < _RECHECK_AFTER_S


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = conn.execute("PRAGMA quick_check(3)").fetchall()
    except sqlite3.DatabaseError as exc:
        # "file is not a database" is most often another kind of file: said so at open.
        if is_damage(exc) and "file is not a database" not in str(exc):
            raise DatabaseDamaged(damage_message(path, str(exc))) from None
        raise
    # One line: SQLite's report may hold several lines per row.
    problems = [" ".join(str(r[0]).split()) for r in rows if r[0] != "ok"]
    if problems:
        detail = msg("SQLite's check: {problems}", problems="; ".join(problems)[:200])
        raise DatabaseDamaged(damage_message(path, detail))


def backup_folder(db_path: str | Path) -> Path:
    """Where the rolling backups of ``db_path`` live: ``backups/`` beside it."""
    return Path(db_path).parent / BACKUP_FOLDER


def _backup_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(db_path.stem) + r"-(\d{8}-\d{6})(?:-(\d+))?\.db")


def list_backups(db_path: str | Path) -> list[Path]:
    """The rolling backups of ``db_path``, oldest first (not the files kept by restore)."""
    db_path = Path(db_path)
    pattern = _backup_pattern(db_path)
    found = []
    try:
        entries = list(backup_folder(db_path).iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match and entry.is_file():
            found.append(((match.group(1), int(match.group(2) or 1)), entry))
    return [path for _, path in sorted(found)]


def newest_backup(db_path: str | Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def _stamped(folder: Path, stem: str, suffix: str = "") -> Path:
    """A new file name in ``folder`` named by the time, after any made in the same second
    (even if the rotation removed those: names must sort in the order they were made)."""
    base = f"{stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    pattern = re.compile(re.escape(base) + r"(?:-(\d+))?" + re.escape(suffix) + r"\.db")
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        names = []
    counters = [int(m.group(1) or 1) for m in map(pattern.fullmatch, names) if m]
    if not counters:
        return folder / f"{base}{suffix}.db"
    return folder / f"{base}-{max(counters) + 1}{suffix}.db"


def backup_database(db_path: str | Path, target: str | Path, *, check: bool = True) -> Path:
    """Copy the database at ``db_path`` to ``target`` with SQLite's online backup API, on a
    connection of its own (so any thread may call it while others write).

    The copy is one self-contained file (no write-ahead log). With ``check`` it is
    quick-checked and must be an annotator database; a damaged copy is removed and
    :class:`DatabaseDamaged` raised. Other problems raise :class:`StoreError`.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise StoreError(msg("{path}: no such database to back up", path=db_path))
    try:
        source = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.DatabaseError as exc:
        raise StoreError(explain_database_error(db_path, exc)) from None
    try:
        return _backup_connection(source, db_path, Path(target), check)
    finally:
        source.close()


def _backup_connection(
    source: sqlite3.Connection, db_path: Path, target: Path, check: bool
) -> Path:
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(str(temp), isolation_level=None)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one file, readable on its own
            if check:
                _check_usable(copy, db_path)
        finally:
            copy.close()
        os.replace(temp, target)
    except sqlite3.DatabaseError as exc:
        raise StoreError(explain_database_error(db_path, exc)) from None
    except OSError as exc:
        raise StoreError(
            msg(
                "{target}: cannot write the backup ({error}); "
                "check that the folder exists and is writable",
                target=target,
                error=exc.strerror or str(exc),
            )
        ) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return target


def _check_usable(conn: sqlite3.Connection, path: Path) -> None:
    """A sound annotator database (DatabaseDamaged / StoreError naming ``path`` if not)."""
    _quick_check(conn, path)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not 0 < version <= SCHEMA_VERSION or "pages" not in tables:
        raise StoreError(
            msg(
                "{path}: not an annotator database (schema version {version})",
                path=path,
                version=version,
            )
        )


def rolling_backup(db_path: str | Path, *, keep: int = BACKUPS_KEPT) -> Path:
    """A new checked backup in the ``backups/`` folder beside the database, named by the
    time; then only the newest ``keep`` backups are kept. Returns the new backup."""
    db_path = Path(db_path)
    made = backup_database(db_path, _stamped(backup_folder(db_path), db_path.stem))
    for old in list_backups(db_path)[: -max(keep, 1)]:
        with contextlib.suppress(OSError):
            old.unlink()
    return made


def restore_backup(db_path: str | Path, backup: str | Path) -> Path | None:
    """Replace the database at ``db_path`` by ``backup``; returns where the replaced file
    was kept (in the backups folder, named ``…-replaced.db``), None when there was none.

    The backup must be a sound annotator database. Refused (StoreError) while another
    program holds the database: the replaced file is copied aside while it is locked.
    """
    db_path, backup = Path(db_path), Path(backup)
    if not backup.is_file():
        raise StoreError(
            f"{backup}: no such backup file; the backups are in {backup_folder(db_path)}"
        )
    _check_backup_file(backup)
    aside = _set_aside(db_path) if db_path.exists() else None
    temp = db_path.with_name(f".{db_path.name}.{os.getpid()}.restore.tmp")
    try:
        shutil.copyfile(backup, temp)
        with open(temp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(temp, db_path)
        for suffix in ("-wal", "-shm", "-journal"):  # they belong to the replaced file
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{db_path}{suffix}")
    except OSError as exc:
        raise StoreError(f"{db_path}: cannot restore ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return aside


def _check_backup_file(backup: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{backup}: cannot read the backup ({exc})") from None
    try:
        _check_usable(conn, backup)
    except DatabaseDamaged:
        raise StoreError(f"{backup}: this backup is damaged too; choose an older one") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{backup}: not a usable backup ({exc}); choose another") from None
    finally:
        conn.close()


def _set_aside(db_path: Path) -> Path:
    """Copy the database (with its write-ahead log) into the backups folder, holding an
    exclusive lock so that no other program is using it (StoreError if one is)."""
    lock = sqlite3.connect(str(db_path), timeout=0, isolation_level=None)
    try:
        _lock_exclusively(lock, db_path)
        aside = _stamped(backup_folder(db_path), db_path.stem, "-replaced")
        aside.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db_path, aside)
        if Path(f"{db_path}-wal").exists():
            shutil.copyfile(f"{db_path}-wal", f"{aside}-wal")
    except OSError as exc:
        raise StoreError(
            f"{db_path}: cannot keep the replaced file aside ({exc.strerror or exc}); "
            "nothing was restored"
        ) from None
    finally:
        lock.close()
    return aside


def _lock_exclusively(conn: sqlite3.Connection, db_path: Path) -> None:
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # in EXCLUSIVE locking mode the lock stays until close
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the log folded into the file
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreError(
                f"{db_path}: another program holds the database (a window, an import); "
                "close it and restore again"
            ) from None
        if not is_damage(exc):
            raise StoreError(f"{db_path}: cannot restore ({exc})") from None
    except sqlite3.DatabaseError:
        pass  # a damaged file cannot be read; it is copied aside as it is


def verify_database(db_path: str | Path) -> None:
    """quick_check the database on a connection of its own (any thread); raises
    :class:`DatabaseDamaged` when SQLite finds it damaged, StoreError when it cannot tell."""
    db_path = Path(db_path)
    try:
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.DatabaseError as exc:
        raise StoreError(explain_database_error(db_path, exc)) from None
    try:
        _quick_check(conn, db_path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(explain_database_error(db_path, exc)) from None
    finally:
        conn.close()


def _make_parent(path: Path) -> None:
    """Create the database's folder, or StoreError saying in one line why it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocking = next((p for p in path.parents if p.exists()), path.parent)
        raise StoreError(
            msg(
                "{path}: cannot create the database there: {blocking} is a file, not a folder; "
                "choose another place with --db",
                path=path,
                blocking=blocking,
            )
        ) from None
    except OSError as exc:
        raise StoreError(
            msg(
                "{path}: cannot create the folder {folder} ({error}); "
                "choose a folder you can write to with --db",
                path=path,
                folder=path.parent,
                error=exc.strerror or str(exc),
            )
        ) from None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
