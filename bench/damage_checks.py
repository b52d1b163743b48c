"""Benchmark: what damage checks and backups cost on a big database.

Builds (once; later runs reuse it) a database of ``--pages`` pages as ``bench/big_db.py``
does, then times SQLite's own checks and a backup of it. Prints::

    db_pages=, db_mb=        the database measured
    quick_check_s=           PRAGMA quick_check (every page read, b-trees and records checked)
    integrity_check_s=       PRAGMA integrity_check (also indexes against tables: slower)
    open_ms=                 Store.open (a full quick_check only up to QUICK_CHECK_AT_OPEN_BYTES)
    backup_s=                Store.backup: the online backup API plus a check of the copy
    backup_copy_s=           … the copy alone

    python bench/damage_checks.py [--pages 100000] [--db bench/big.db]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def timed(what) -> float:
    t0 = time.perf_counter()
    what()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--chars", type=int, default=3400)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "big.db")
    args = parser.parse_args()
    from big_db import build

    from annotator.store import Store

    build(args.db, args.pages, args.chars)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    print(f"db_mb={args.db.stat().st_size / 1e6:.0f}")
    print(f"quick_check_s={timed(lambda: conn.execute('PRAGMA quick_check').fetchall()):.2f}")
    print(
        f"integrity_check_s={timed(lambda: conn.execute('PRAGMA integrity_check').fetchall()):.2f}"
    )
    conn.close()
    print(f"open_ms={timed(lambda: Store.open(args.db).close()) * 1000:.1f}")
    with tempfile.TemporaryDirectory() as folder, Store.open(args.db) as store:
        target = Path(folder) / "copy.db"
        print(f"backup_s={timed(lambda: store.backup(target)):.2f}")
        target.unlink()
        print(f"backup_copy_s={timed(lambda: store.backup(target, check=False)):.2f}")


if __name__ == "__main__":
    main()
