"""Checkpoints of the write-ahead log off the caller's thread.

A checkpoint copies the log into the database file and flushes it to disk: a few
milliseconds after a session of keys, 20-30 ms after another program's import left tens of
megabytes in the log. The window asks for one when the reviewer pauses; run there it would
still hold the GUI thread for a frame or two, so it runs on a thread of its own, with its
own connection (SQLite lets any connection checkpoint the log of a database in WAL mode).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from annotator.store.safety import is_damage


def _checkpoint(path: Path) -> sqlite3.DatabaseError | None:
    """Checkpoint the database at ``path``; the damage met, if any.

    PASSIVE never waits for readers or writers: what it cannot copy now, the next pause (or
    SQLite's automatic checkpoint) copies, so other failures lose nothing and stay quiet.
    """
    try:
        # mode=rw: a database moved away while the window is open is not created again
        # (empty) by its own checkpoint.
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=1.0, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.DatabaseError as exc:
        return exc if is_damage(exc) else None
    finally:
        conn.close()
    return None


class BackgroundCheckpoints:
    """At most one checkpoint of one database running at a time, on a worker thread."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._thread: threading.Thread | None = None
        self._damage: sqlite3.DatabaseError | None = None

    def start(self) -> bool:
        """Start a checkpoint unless one is still running (then this pause adds nothing).

        Damage the last checkpoint met is raised here, on the caller's thread, where the
        window's damage report catches what any read meets.
        """
        damage, self._damage = self._damage, None
        if damage is not None:
            raise damage
        if self.running():
            return False
        # Not a daemon: an exit waits the few milliseconds rather than cut a flush short.
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint")
        self._thread.start()
        return True

    def _run(self) -> None:
        self._damage = _checkpoint(self._path)

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self) -> None:
        """Return when no checkpoint is running (the store's close waits for its own)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
