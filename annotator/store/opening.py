"""Opening and closing a store: the checks at open (not a database, another program's, a
newer schema, read-only, damaged), the read-write open that migrates, the read-only open
that never writes, and the one transaction style of writes (``_write_locked``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import sqlite_utils

from annotator.messages import msg
from annotator.store import common
from annotator.store.common import Room, StoreBusy, StoreError
from annotator.store.folding import fold
from annotator.store.safety import _check_intact, _explain_open_error
from annotator.store.schema import READABLE_SINCE, SCHEMA_VERSION, migrate, refold_search

if TYPE_CHECKING:
    from typing_extensions import Self


# A longer lag (an upgrade that rebuilt the index: ~60 s per 100,000 pages) is not caught
# up while opening: the window does it in steps of a few milliseconds, and import at its
# end. 200 pages take ~0.15 s, which the window's start may wait (2,000 took 1.5-3 s).
_CATCH_UP_AT_OPEN = 200


def _database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite_utils' wrapper of ``conn`` without its plugins: looking for them scans every
    installed package's entry points (20 ms of CPU before the window could show, issue 11),
    and no plugin may change how the store's connection behaves.

    Every connection gets ``search_fold`` (:func:`annotator.store.folding.fold`): the
    search indexes hold folded text, and their triggers fold a page added or deleted."""
    conn.create_function("search_fold", 1, fold, deterministic=True)
    return sqlite_utils.Database(conn, execute_plugins=False)


def default_db_path() -> Path:
    """``$ANNOTATOR_DB``, else ``annotator.db`` in the user data directory."""
    env = os.environ.get("ANNOTATOR_DB")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("annotator", appauthor=False)) / "annotator.db"


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


class OpeningRoom(Room):
    """Opening, closing and the write transaction of a store."""

    # --- opening ---------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        readonly: bool = False,
        on_upgrade: Callable[[int, int], None] | None = None,
    ) -> Self:
        """Open (and create or migrate) the database at ``path``.

        ``on_upgrade(version, new_version)`` is called before an existing database is
        upgraded to this version's schema, which can take a minute on a large file, so that
        the caller can say so.

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
        return _open_or_refuse(
            path,
            lambda: sqlite3.connect(str(path), timeout=5.0, isolation_level=None),
            lambda conn: cls._prepare(_database(conn), path, on_upgrade),
        )

    @classmethod
    def _prepare(
        cls,
        db: sqlite_utils.Database,
        path: Path,
        on_upgrade: Callable[[int, int], None] | None = None,
    ) -> Self:
        conn = db.conn
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {common.BUSY_TIMEOUT_MS}")
        _check_intact(conn, path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_known_version(path, version, db.table_names())
        if str(path) != ":memory:" and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        # WAL with synchronous=NORMAL survives a crash or kill of the program; only a power
        # cut may lose the last commits. Full sync would cost a flush per keystroke.
        conn.execute("PRAGMA synchronous = NORMAL")
        # Checkpoints happen at the window's pauses (checkpoint()); the automatic one is a
        # backstop for long imports (4,000 pages of 4 kB).
        conn.execute("PRAGMA wal_autocheckpoint = 4000")
        if on_upgrade is not None and 0 < version < SCHEMA_VERSION:
            on_upgrade(version, SCHEMA_VERSION)
        migrate(db, version)
        refold_search(db)
        store = cls(db, path)
        if 0 < store.search_lag(at_most=_CATCH_UP_AT_OPEN + 1) <= _CATCH_UP_AT_OPEN:
            # After a crash mid-import the index may lag behind. Not when another program
            # holds the write lock: search is complete anyway, the window catches up later.
            store.index_search(wait=False)
        return store

    def close(self) -> None:
        self._shown.show(None)  # a window that closes shows nothing to the others
        if self._checkpoints is not None:
            self._checkpoints.wait()
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.db.conn.execute("PRAGMA user_version").fetchone()[0]

    def checkpoint(self, *, wait: bool = True) -> None:
        """Copy the write-ahead log into the database file (cheap when little changed).

        The window calls it when the reviewer pauses, so that SQLite's own checkpoint,
        which flushes to disk, rarely lands on a key press; with ``wait=False`` it runs on
        a thread of its own and this returns at once (an in-memory database has no log
        another connection could reach, so it is checkpointed here).
        """
        if wait or self._checkpoints is None:
            self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        else:
            self._checkpoints.start()

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

    # --- read-only opening and the lock without waiting ------------------------------

    @classmethod
    def open_readonly(cls, path: str | Path) -> Self:
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
        uri = path.resolve().as_uri() + "?mode=ro"
        return _open_or_refuse(
            path,
            lambda: sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None),
            lambda conn: cls._prepare_readonly(conn, path),
        )

    @classmethod
    def _prepare_readonly(cls, conn: sqlite3.Connection, path: Path) -> Self:
        conn.execute(f"PRAGMA busy_timeout = {common.BUSY_TIMEOUT_MS}")
        _check_intact(conn, path)
        # mode=ro refuses every write to the database file; the temp schema (a search's
        # hits) stays writable, so query_only is not set.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
        cls._check_readable_version(path, version, tables)
        store = cls(_database(conn), path)
        store._checkpoints = None  # a reader never writes, not even through a checkpoint
        return store

    @staticmethod
    def _check_readable_version(path: Path, version: int, tables: list[str]) -> None:
        _check_known_version(path, version, tables)
        if version == 0:
            raise StoreError(
                msg("{path}: the database is empty; run 'annotator import' first", path=path)
            )
        if version < READABLE_SINCE:
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
            conn.execute(f"PRAGMA busy_timeout = {common.BUSY_TIMEOUT_MS}")


_T = TypeVar("_T")


def _check_known_version(path: Path, version: int, tables: Iterable[str]) -> None:
    """Refuse a database of a newer annotator, or an SQLite file of another program."""
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
    names = sorted(tables)
    if version == 0 and names:
        raise StoreError(
            msg(
                "{path}: this is an SQLite database of another program (tables: {tables}); "
                "choose another file",
                path=path,
                tables=", ".join(names[:5]),
            )
        )


def _open_or_refuse(
    path: Path,
    connect: Callable[[], sqlite3.Connection],
    prepare: Callable[[sqlite3.Connection], _T],
) -> _T:
    """``prepare(connect())``; an SQLite error becomes a ``StoreError`` for the user, and
    the connection is closed whenever the store is not handed out."""
    conn = None
    try:
        conn = connect()
        return prepare(conn)
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        raise StoreError(_explain_open_error(path, exc)) from None
    except StoreError:
        if conn is not None:
            conn.close()
        raise
