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


def _checkpoint(path: Path) -> None:
    # PASSIVE never waits for readers or writers: what it cannot copy now, the next pause
    # (or SQLite's automatic checkpoint) copies. A failure loses nothing, so it is quiet.
    try:
        conn = sqlite3.connect(str(path), timeout=1.0, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error:
        pass
    finally:
        conn.close()


class BackgroundCheckpoints:
    """At most one checkpoint of one database running at a time, on a worker thread."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Start a checkpoint unless one is still running (then this pause adds nothing)."""
        if self.running():
            return False
        # Not a daemon: an exit waits the few milliseconds rather than cut a flush short.
        self._thread = threading.Thread(
            target=_checkpoint, args=(self._path,), name="wal-checkpoint"
        )
        self._thread.start()
        return True

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self) -> None:
        """Return when no checkpoint is running (the store's close waits for its own)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
