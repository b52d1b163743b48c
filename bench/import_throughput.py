"""Benchmark: import (decode, pre-split, suggest, store) and export throughput.

Generates N page files from the sample pages' articles, shuffled, in both flavours
(markdown-ish and plain), imports them into a fresh database and exports every article.
Prints ``name=value`` lines. Targets on a 2-core machine: 1,000 pages/s with rule
suggestions and without, 10,000 exported articles/s (``export_cli_*``: as ``annotator
export`` writes Gold JSONL; ``export_articles_per_s``: records of Span objects, in memory).

Besides the time, each import's CPU time is printed: of this process (which stores the
pages) and of its worker processes (which read, split and suggest). On a shared, busy
machine the wall time varies from run to run far more than the CPU time does, so
``idle_pages_per_s`` estimates the rate on idle cores from the CPU time: the import can go
no faster than its storing process alone, nor than all its work spread over every core.
``db_kb_per_page`` is the size of the database file (with its write-ahead log) per page.
With ``--runs N`` the import is repeated N times (each into a new database) and the median
of each figure is printed last.

    python bench/import_throughput.py [--pages 2000] [--no-suggest] [--runs 1]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.edits import Op  # noqa: E402
from annotator.exporting import ExportRequest, export  # noqa: E402
from annotator.formats.gold_jsonl import export_records, write_jsonl  # noqa: E402
from annotator.pipeline import import_paths  # noqa: E402
from annotator.resources import seeds_dir  # noqa: E402
from annotator.split import split_page  # noqa: E402
from annotator.store import Store  # noqa: E402


def sample_articles() -> list[str]:
    """The text of every article of the sample pages, as page-text slices."""
    articles = []
    for path in sorted(seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        blocks = split_page(text)
        for number in sorted({b.article for b in blocks if b.article is not None}):
            parts = [b for b in blocks if b.article == number]
            articles.append(text[parts[0].start : parts[-1].end])
    return articles


def plain(text: str) -> str:
    """The plain flavour: no markdown heading markers or emphasis."""
    return re.sub(r"(?m)^#{1,6} ", "", text).replace("**", "")


def generate(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    articles = sample_articles()
    for i in range(n):
        chosen = rng.sample(articles, k=min(len(articles), rng.randint(3, 6)))
        body = "\n\n".join(chosen)
        page = f"第{i % 16 + 1}版 要闻 {i}\n\n{body}\n"
        if i % 2:
            page = plain(page)
        (folder / f"page_{i:06d}.txt").write_text(page, encoding="utf-8")


def accept_all(store: Store) -> None:
    """Accept every suggestion, so that the export carries a realistic number of spans."""
    for page_id in store.page_ids():
        ops = [
            Op("set_span_status", page_id, {"id": s.id, "status": "accepted"}).to_json()
            for s in store.spans(page_id, {"suggested"})
        ]
        if ops:
            store.apply(Op("batch", page_id, {"ops": ops}), "bench")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # ended worker processes
    return usage.ru_utime + usage.ru_stime


def timed_import(folder: Path, db: Path, pages: int, suggest: bool) -> dict[str, float]:
    """Import ``folder`` into a new database ``db``; the wall and CPU figures."""
    with Store.open(db) as store:
        children = _children_cpu()
        cpu = time.process_time()
        start = time.perf_counter()
        report = import_paths(store, [folder], suggest=suggest)
        seconds = time.perf_counter() - start
        parent = time.process_time() - cpu
        workers = _children_cpu() - children
    assert len(report.imported) == pages, report.summary()
    cores = os.cpu_count() or 1
    idle = max(parent, (parent + workers) / cores)
    # the file as it is closed (the write-ahead log folded in), per page
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    return {
        "import_s": seconds,
        "pages_per_s": pages / seconds,
        "parent_cpu_ms_per_page": 1000 * parent / pages,
        "workers_cpu_ms_per_page": 1000 * workers / pages,
        "idle_pages_per_s": pages / idle,
        "db_kb_per_page": size / 1024 / pages,
    }


def print_figures(figures: dict[str, float], suffix: str = "") -> None:
    for name, value in figures.items():
        shown = f"{value:.3f}" if value < 100 else f"{value:.0f}"
        print(f"{name}{suffix}={shown}")


def export_figures(store: Store) -> None:
    accept_all(store)
    start = time.perf_counter()
    sink = io.StringIO()
    count = write_jsonl(export_records(store.iter_pages(span_status="accepted"), []), sink)
    seconds = time.perf_counter() - start
    spans = sum(
        len(r["spans"]) for r in export_records(store.iter_pages(span_status="accepted"), [])
    )
    print(f"export_articles={count}")
    print(f"export_spans={spans}")
    print(f"export_s={seconds:.3f}")
    print(f"export_articles_per_s={count / seconds:.0f}")
    # What `annotator export` does (store read of plain rows, checks, atomic file): the
    # figures above time records made of Span objects, a path only the window's reads take.
    with tempfile.TemporaryDirectory() as tmp:
        cpu, start = time.process_time(), time.perf_counter()
        report = export(store, ExportRequest(statuses=None), Path(tmp) / "gold.jsonl")
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"export_cli_articles_per_s={report.written / seconds:.0f}")
    print(f"export_cli_articles_per_cpu_s={report.written / cpu:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--no-suggest", action="store_true")
    parser.add_argument("--runs", type=int, default=1, help="imports to take the median of")
    parser.add_argument("--no-export", action="store_true", help="time the import only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        generate(folder, args.pages)
        print(f"pages={args.pages}")
        print(f"suggest={not args.no_suggest}")
        runs = []
        for run in range(args.runs):
            db = Path(tmp) / f"bench{run}.db"
            runs.append(timed_import(folder, db, args.pages, not args.no_suggest))
            print_figures(runs[-1], f"_run{run + 1}" if args.runs > 1 else "")
        if args.runs > 1:
            print_figures({k: statistics.median(r[k] for r in runs) for k in runs[0]}, "_median")
        if not args.no_export:
            with Store.open(db) as store:
                export_figures(store)


if __name__ == "__main__":
    main()
