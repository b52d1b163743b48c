"""Damaging a real database file as a failing disk would: random bytes over one data page."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path


def damage_table(db: Path, table: str = "blocks", seed: int = 8) -> None:
    """Overwrite the first half of the root page of ``table`` with random bytes.

    The database must be closed (its write-ahead log folded into the file), as after
    ``Store.close()``. The root page of a small table is its only data page.
    """
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
    conn.close()
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    noise = random.Random(seed).randbytes(page_size // 2)
    with open(db, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(noise)
