"""Benchmark: search on a large database at the store, as the window's search thread
asks it, in wall-clock and CPU milliseconds (CPU time stays meaningful on a busy machine).

For each query, a fresh read-only store (as each background search opens one) is asked
for the first window of the list (``page_rows(0, 256)`` and ``found_pages``, what the
list shows first) and then for the counts of every status (``status_counts``). The median
of ``--repeat`` runs (the machine may be shared). Prints name=value lines::

    <kind>_list_ms= / <kind>_list_cpu_ms=      first window of the list
    <kind>_counts_ms= / <kind>_counts_cpu_ms=  … then the counts of every status
    <kind>_hits=                               pages found

    python bench/search_store.py --db bench/big.db [--repeat 3] [--code CHECKOUT]

Kinds: ``three`` (本报讯), ``two`` (邓群), ``four`` (本报记者, the first in the process),
``four_warm`` (会议精神), ``six`` (扫黑除恶专项, a common six-character phrase), ``two_common``,
``five``, ``eight``, ``sixteen`` (common: in most pages' paragraphs) and ``*_rare`` (parts of the page
numbers in the bench pages' first lines: a few pages to a few thousand). Build the database
with ``bench/big_db.py`` first; open it once with this code (a schema upgrade runs then;
let the window, or ``Store.index_phrases()``, fill the phrase index, or searches of four or
more characters read the pages it lacks).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

QUERIES = [
    ("three", "本报讯"),
    ("two", "邓群"),
    ("four", "本报记者"),
    ("four_warm", "会议精神"),
    ("six", "扫黑除恶专项"),
    ("two_common", "本报"),
    ("two_rare", "9版"),
    ("three_rare", "765"),
    ("four_rare", "7654"),
    ("five", "扫黑除恶专"),
    ("five_rare", "87654"),
    ("eight", "扫黑除恶专项斗争"),
    ("eight_rare", "闻 087654"),
    ("sixteen", "要坚持以党的政治建设为统领,把旗"),
]


def measure(db: Path, query: str) -> tuple[float, float, float, float, int]:
    from annotator.store import Store

    with Store.open(db, readonly=True) as store:
        w0, c0 = time.perf_counter(), time.process_time()
        store.page_rows(0, 256, None, query)
        store.found_pages(None, query)
        w1, c1 = time.perf_counter(), time.process_time()
        hits = sum(store.status_counts(query).values())
        w2, c2 = time.perf_counter(), time.process_time()
    ms = 1000
    return (w1 - w0) * ms, (c1 - c0) * ms, (w2 - w0) * ms, (c2 - c0) * ms, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "big.db")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", help="one kind of query (see above)")
    parser.add_argument(
        "--code", type=Path, default=ROOT, help="the checkout whose annotator to measure"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(args.code))
    for kind, query in QUERIES:
        if args.only and kind != args.only:
            continue
        runs = [measure(args.db, query) for _ in range(args.repeat)]
        medians = [statistics.median(run[i] for run in runs) for i in range(4)]
        for name, value in zip(("list", "list_cpu", "counts", "counts_cpu"), medians, strict=True):
            print(f"{kind}_{name}_ms={value:.1f}", flush=True)
        print(f"{kind}_hits={runs[0][4]}", flush=True)


if __name__ == "__main__":
    main()
