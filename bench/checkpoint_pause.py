"""Benchmark: what the window's pause checkpoint costs the GUI thread (issue 11).

Another program (an import) leaves tens of megabytes in the write-ahead log while the window
holds the database open, so its close cannot checkpoint; the window's next pause does.
Builds such a log (``--pages`` pages written by a second connection; SQLite's automatic
checkpoint keeps a log under about 16 MB, 4,000 frames of 4 kB), then
times on this thread ``Store.checkpoint(wait=True)`` (the copy here) and, on a log as big
again, ``checkpoint(wait=False)`` (the window's call: the copy on a worker thread). Prints
``name=value`` lines: ``log_mb`` (the log's size before a checkpoint), ``caller_ms_wait`` and ``caller_ms_background`` (wall
milliseconds the caller is held), ``background_ms`` (the worker's whole checkpoint).

    python bench/checkpoint_pause.py [--pages 1000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from annotator.model import Block, Page
from annotator.store import Store

PARAGRAPH = "本报讯 市委书记邓群策主持召开会议，研究部署全市粮食生产工作，全年面积720万亩。" * 30


def fill_log(path: Path, pages: int, start: int) -> float:
    """``pages`` pages written by another connection; the size of the log it leaves (MB)."""
    with Store.open(path) as other:
        for first in range(start, start + pages, 50):
            batch = []
            for n in range(first, min(first + 50, start + pages)):
                page = Page(f"p{n}", PARAGRAPH, f"p{n}.txt", f"{n:064x}")
                batch.append((page, [Block(0, len(PARAGRAPH), "body", 1)], []))
            other.add_gold_pages(batch)
    return Path(f"{path}-wal").stat().st_size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pause.db"
        Store.open(path).close()
        with Store.open(path) as window:  # holds the database open, as the window does
            size = fill_log(path, args.pages, 0)
            t0 = time.perf_counter()
            window.checkpoint(wait=True)
            waited = time.perf_counter() - t0
            fill_log(path, args.pages, 10**6)
            t0 = time.perf_counter()
            window.checkpoint(wait=False)
            held = time.perf_counter() - t0
            assert window._checkpoints is not None
            window._checkpoints.wait()
            whole = time.perf_counter() - t0
        print(f"log_mb={size:.1f}")
        print(f"caller_ms_wait={waited * 1000:.1f}")
        print(f"caller_ms_background={held * 1000:.2f}")
        print(f"background_ms={whole * 1000:.1f}")
        print(f"cpus={os.cpu_count()}")


if __name__ == "__main__":
    main()
