"""Benchmark: the window filling the search indexes of pages not yet indexed (after a big
import, or an upgrade that rebuilt them), and searches meanwhile.

Makes (once; later runs reuse it) a database of ``--pages`` pages of about ``--chars``
characters of the sample pages (as ``bench/big_db.py`` does), then, on a copy whose search
indexes are emptied (as after migration 13), opens the real main window offscreen and
lets it fill them until both are complete, timing each index step on the GUI thread. Before that, the same copy is searched at the store (a fresh
read-only store per query, as the window's search thread opens one) while no page is
indexed. Prints name=value lines::

    fill_pages=                      pages without index at the start
    fill_steps=                      steps until both indexes were complete
    step_block_max_ms=               the longest step (wall clock: what the reviewer sees)
    step_block_p95_ms=               … its 95th percentile
    step_cpu_max_ms= step_cpu_p95_ms=  the same in CPU time of the GUI thread
    fill_cpu_s=                      GUI-thread CPU of the whole fill (its steps)
    fill_wall_s=                     window opened to both indexes complete (wall clock)
    unindexed_<kind>_cpu_ms=         CPU ms of count_pages(search=…) over the first
                                     ``--unindexed`` pages, none indexed (median of 5)

    python bench/index_fill.py [--pages 2400] [--unindexed 600] [--code CHECKOUT]

``--code`` measures another checkout's annotator (an old commit, for before -> after).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [("two", "邓群"), ("three", "本报讯"), ("four", "本报记者"), ("latin", "covid")]


def _big_db():
    spec = importlib.util.spec_from_file_location("big_db", ROOT / "bench" / "big_db.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(db: Path, pages: int, chars: int) -> None:
    import random

    from annotator.store import Store

    big = _big_db()
    rng, paragraphs = random.Random(2030), big.sample_paragraphs()
    with Store.open(db) as store:
        for i in range(store.count_pages(), pages):
            store.add_page(*big.make_page(i, rng, paragraphs, chars))


def unindexed_copy(db: Path, folder: Path, pages: int | None = None) -> Path:
    """A copy of ``db`` (its first ``pages`` pages) whose search indexes hold nothing."""
    from annotator.store import Store

    copy = folder / "fill.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copy(db, copy)
    with Store.open(copy) as store:
        conn = store.db.conn
        if pages is not None:
            conn.execute("DELETE FROM pages WHERE rowid > ?", [pages])
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'search_indexed_rowid'")
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'phrase_indexed_rowid'")
        conn.execute("INSERT INTO pages_fts (pages_fts) VALUES ('delete-all')")
        conn.execute("INSERT INTO pages_phrases (pages_phrases) VALUES ('delete-all')")
        conn.execute("DELETE FROM page_tails")
        conn.execute("DELETE FROM phrase_stale")
    return copy


def searches(db: Path) -> dict[str, float]:
    from annotator.store import Store

    figures = {}
    for kind, query in QUERIES:
        runs = []
        for _ in range(5):
            with Store.open(db, readonly=True) as store:
                t = time.process_time()
                store.count_pages(search=query)
                runs.append((time.process_time() - t) * 1000)
        figures[f"unindexed_{kind}_cpu_ms"] = statistics.median(runs)
    return figures


def fill(db: Path) -> dict[str, float]:
    """Open the window on ``db`` and let its timer fill the indexes, each step timed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    big = _big_db()
    app = big.application(tempfile.mkdtemp(prefix="index_fill_settings_"))
    from annotator.store import Store

    store = Store.open(db)
    pages = store.search_lag()
    big._no_retraining()
    from annotator.gui.main_window import MainWindow

    walls: list[float] = []
    cpus: list[float] = []
    step = MainWindow._index_step

    def timed_step(self: MainWindow) -> None:
        w, c = time.perf_counter(), time.thread_time()
        step(self)
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.thread_time() - c) * 1000)

    MainWindow._index_step = timed_step  # type: ignore[method-assign]
    t0 = time.perf_counter()
    window = MainWindow(store, "bench", db)
    window.show()
    while store.search_lag(at_most=1) or store.phrase_lag(at_most=1):
        app.processEvents()
        time.sleep(0.001)  # an idle event loop waits
    took = time.perf_counter() - t0
    window.close()
    app.processEvents()

    def p95(values: list[float]) -> float:
        return sorted(values)[int(len(values) * 0.95)]

    return {
        "fill_pages": pages,
        "fill_steps": len(walls),
        "step_block_max_ms": max(walls),
        "step_block_p95_ms": p95(walls),
        "step_cpu_max_ms": max(cpus),
        "step_cpu_p95_ms": p95(cpus),
        "fill_cpu_s": sum(cpus) / 1000,
        "fill_wall_s": took,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2400)
    parser.add_argument("--chars", type=int, default=3400)
    parser.add_argument("--unindexed", type=int, default=600)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "index_fill.db")
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--skip-fill", action="store_true", help="the searches only")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code))
    import annotator.store.opening as opening

    opening._CATCH_UP_AT_OPEN = 0  # the copies stay unindexed until the window fills them
    build(args.db, args.pages, args.chars)
    with tempfile.TemporaryDirectory(dir=args.db.parent) as folder:
        figures = searches(unindexed_copy(args.db, Path(folder), args.unindexed))
        if not args.skip_fill:
            figures |= fill(unindexed_copy(args.db, Path(folder)))
    for name, value in figures.items():
        print(f"{name}={value:.1f}" if isinstance(value, float) else f"{name}={value}")


if __name__ == "__main__":
    main()
