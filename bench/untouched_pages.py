"""Benchmark: picking the pages a retrain rewrites (the next 100 nobody has started).

On a big database (``bench/big_db.py`` makes one: 100,000 pages, half of them new), times
the read that picks the pages, before and after it was bounded, alternating the two in one
process so that the machine's load hits both alike, and checks they pick the same pages::

    python bench/untouched_pages.py [--db bench/big.db] [--limit 100] [--runs 15]

Prints ``all_ids_cpu_ms`` (every untouched id read, then the first ``limit`` not kept:
what the retrain did) and ``bounded_cpu_ms`` (``Store.untouched_pages`` with a LIMIT, read
a few at a time as ``pipeline.renew_unstarted`` does), CPU medians, and ``same_pages``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def all_ids(store, limit: int, keep: set[str]) -> list[str]:  # noqa: ANN001
    """The read before: every untouched id of the database, then the first ``limit``."""
    return [p for p in store.untouched_page_ids() if p not in keep][:limit]


def bounded(store, limit: int, keep: set[str]) -> list[str]:  # noqa: ANN001
    from annotator.pipeline.renewal import _unstarted

    return list(_unstarted(store, limit, keep))


def main() -> None:
    from annotator.store import Store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "big.db")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with Store.open_readonly(args.db) as store:
        first = store.untouched_pages(limit=1)
        keep = {first[0][1]} if first else set()  # the window's open page
        times: dict[str, list[float]] = {"all_ids": [], "bounded": []}
        picked = {}
        for _ in range(args.runs):
            for name, read in (("all_ids", all_ids), ("bounded", bounded)):
                t0 = time.process_time()
                picked[name] = read(store, args.limit, keep)
                times[name].append(time.process_time() - t0)
        print(f"pages={store.count_pages()} limit={args.limit} runs={args.runs}")
        for name, values in times.items():
            print(f"{name}_cpu_ms={statistics.median(values) * 1000:.2f}")
        print(f"same_pages={picked['all_ids'] == picked['bounded']}")


if __name__ == "__main__":
    main()
