"""Damage checks and backups (issue 8): SQLite's quick_check at open and on demand, one-line
messages that name the newest backup, checked rolling backups, restore and verify.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from annotator.messages import msg
from annotator.store import common
from annotator.store.common import DatabaseDamaged, Room, StoreError
from annotator.store.schema import SCHEMA_VERSION


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
        source = sqlite3.connect(str(db_path), timeout=common.BUSY_TIMEOUT_MS / 1000)
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
        # Full paths: "the backups are in backups" did not say where, nor what to type.
        newest = newest_backup(db_path)
        hint = (
            f"the newest backup is {newest.resolve()}"
            if newest is not None
            else f"{db_path} has no backup in {backup_folder(db_path).resolve()} yet "
            "(annotator backup makes one)"
        )
        raise StoreError(f"{backup}: no such backup file; {hint}")
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
        log = Path(f"{db_path}-wal")
        # Checkpointed above, the log is empty (it was copied as an empty -wal beside
        # the kept file); only a damaged file's log, which could not be folded, has content.
        if log.exists() and log.stat().st_size > 0:
            shutil.copyfile(log, f"{aside}-wal")
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
        conn = sqlite3.connect(str(db_path), timeout=common.BUSY_TIMEOUT_MS / 1000)
    except sqlite3.DatabaseError as exc:
        raise StoreError(explain_database_error(db_path, exc)) from None
    try:
        _quick_check(conn, db_path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(explain_database_error(db_path, exc)) from None
    finally:
        conn.close()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class SafetyRoom(Room):
    """Damage checks and backups of an open store."""

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
