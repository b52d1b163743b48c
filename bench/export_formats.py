"""Benchmark: exporting 10,000 articles in every format (target >= 5,000 articles/s for text).

Creates (once; later runs reuse it) a database of 2,500 done pages of four articles each,
made of paragraphs of the sample pages, with accepted spans; one article in five has 𠮷
and an emoji (outside the Basic Multilingual Plane) before spans and inside them, so that the
UTF-16 conversions and their checks do real work (the database's name carries the version of
this data: an older one is not reused). Then exports every article in each format,
the way ``annotator export`` does (store read, clean text, checks, writer, atomic file),
and prints per format::

    <format>_articles_per_s=      articles exported per second, end to end (wall clock)
    <format>_articles_per_cpu_s=  the same per second of CPU time (a shared, loaded machine
                                  stretches the wall clock; one export uses one core)
    <format>_s=                   seconds for the whole export
    <format>_user_s=, _sys_s=     its CPU seconds in our code and in the kernel (creating
                                  files: BRAT writes two per article; ``--out /dev/shm``
                                  measures them on tmpfs, apart from a disk's own costs)
    <format>_mb=                  size of what was written
    <format>_writer_articles_per_cpu_s=  the writer alone, on records already built

and ``import_<format>_docs_per_cpu_s=`` for reading the file back and placing every span
onto the pages (one batch edit per page) into a copy of the database without spans.
``baseline_articles_per_cpu_s=`` is the record builder alone (store read and clean text),
which Gold JSONL and JSON share; ``text_baseline_articles_per_cpu_s=`` the same for the text
records that the formats of text and spans read (registry ``records="text"``).

``text_formats_min_articles_per_s=`` (and ``_per_cpu_s``) is the slowest text format: the
target is >= 5,000. Export rates are medians of ``--runs`` exports (default 3). The exports
look for duplicate articles only with ``--duplicates`` (as ``annotator export`` does).

    python bench/export_formats.py [--articles 10000] [--db /tmp/annotator_export_bench_v2.db]
                                   [--runs 3] [--formats jsonl,bio] [--no-import] [--duplicates]
                                   [--out /dev/shm]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.edits import Op  # noqa: E402
from annotator.exporting import ExportRequest, export  # noqa: E402
from annotator.formats.gold_jsonl import export_row_records, export_text_records  # noqa: E402
from annotator.formats.registry import FORMATS  # noqa: E402
from annotator.model import Block, Page  # noqa: E402
from annotator.store import Store  # noqa: E402

ARTICLES_PER_PAGE = 4
BMP_END = "\uffff"
ROLES = ["headline", "byline", "body", "body", "body"]
TEXT_FORMATS = (
    "jsonl",
    "json",
    "bio",
    "bioes",
    "spacy-jsonl",
    "labelstudio",
    "doccano",
    "brat",
    "segmentation",
)


def paragraphs() -> list[str]:
    from annotator.resources import seeds_dir

    out = []
    for path in sorted(seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("**", "").replace("#", "")
        out += [p.strip() for p in text.split("\n") if len(p.strip()) > 12]
    return out


def _with_astral(para: str, first: bool) -> str:
    """``para`` with characters above the BMP before its spans and inside its first one.

    The spans of a paragraph start at its third character, three long: one astral character
    goes before them (at the start) and one replaces a character of the first span; 𠮷 and
    the emoji trade places between the two paragraphs of an article.
    """
    before, inside = ("𠮷", "😀") if first else ("😀", "𠮷")
    return before + para[:2] + inside + para[3:]


def build(path: Path, articles: int) -> None:
    rng = random.Random(12)
    paras = paragraphs()
    with Store.open(path) as store:
        for i in range(articles // ARTICLES_PER_PAGE):
            parts, blocks, spans, start = [], [], [], 0
            for a in range(1, ARTICLES_PER_PAGE + 1):
                astral = (i * ARTICLES_PER_PAGE + a) % 5 == 0  # one article in five
                for k in range(5):
                    para = rng.choice(paras)
                    if astral and k in (2, 3):
                        para = _with_astral(para, k == 2)
                    parts.append(para)
                    blocks.append(Block(start, start + len(para), ROLES[k], a))
                    for s in range(2, len(para) - 6, 40):
                        spans.append((start + s, start + s + 3, rng.choice(["PER", "ORG", "LOC"])))
                    start += len(para) + 2
            text = "\n\n".join(parts) + "\n"
            sha = hashlib.sha256(text.encode()).hexdigest()
            page_id = f"p{i:05d}"
            store.add_page(Page(page_id, text, f"{page_id}.txt", sha, "in_progress"), blocks)
            ops = [Op("add_span", page_id, {"start": s, "end": e, "label": x}).to_json()
                   for s, e, x in spans]  # fmt: skip
            ops.append(Op("set_page_status", page_id, {"status": "done"}).to_json())
            store.apply(Op("batch", page_id, {"ops": ops}), "bench")


def available(fmt: str) -> bool:
    if fmt != "spacy":
        return True
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    return True


def bench_export(
    store: Store, fmt: str, out: Path, articles: int, runs: int = 1, duplicates: bool = False
) -> tuple[Path, float, float]:
    """Export ``runs`` times; prints (and returns) the medians of the rates."""
    target = out / f"{fmt}{FORMATS[fmt].suffix}"
    walls, cpus, users, systems = [], [], [], []
    for _ in range(runs):
        t, cpu, times = time.perf_counter(), time.process_time(), os.times()
        report = export(store, ExportRequest(fmt=fmt, duplicates=duplicates), target)
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - cpu)
        users.append(os.times().user - times.user)
        systems.append(os.times().system - times.system)
    seconds, cpu = statistics.median(walls), statistics.median(cpus)
    count = sum(report.counts.values())
    size = (
        sum(p.stat().st_size for p in target.rglob("*"))
        if target.is_dir()
        else target.stat().st_size
    )
    unit = articles if FORMATS[fmt].unit == "page" else count
    print(f"{fmt}_articles_per_s={unit / seconds:.0f}")
    print(f"{fmt}_articles_per_cpu_s={unit / cpu:.0f}")
    print(f"{fmt}_s={seconds:.2f}")
    print(f"{fmt}_user_s={statistics.median(users):.2f}")
    print(f"{fmt}_sys_s={statistics.median(systems):.2f}")
    print(f"{fmt}_mb={size / 1e6:.1f}")
    return target, unit / seconds, unit / cpu


def bench_writer(records: list[dict], fmt: str, out: Path) -> None:
    if FORMATS[fmt].unit == "page" or FORMATS[fmt].folder:
        return
    writer = FORMATS[fmt].write()
    target = out / f"writer{FORMATS[fmt].suffix}"
    cpu = time.process_time()
    writer(records, target) if FORMATS[fmt].binary else writer(records, io.StringIO())
    cpu = time.process_time() - cpu
    print(f"{fmt}_writer_articles_per_cpu_s={len(records) / cpu:.0f}")


def bench_import(db: Path, fmt: str, path: Path, out: Path) -> None:
    from annotator.placement import import_documents

    fresh = out / f"fresh_{fmt}.db"
    with Store.open(db) as source, Store.open(fresh) as target:
        for page_id in source.page_ids():
            page = source.page(page_id)
            target.add_page(Page(page.id, page.text, page.source, page.sha256, "done"),
                            source.blocks(page_id))  # fmt: skip
    with Store.open(fresh) as target:
        cpu = time.process_time()
        docs = list(FORMATS[fmt].read()(path))
        report = import_documents(target, docs, "bench")
        seconds = time.process_time() - cpu
    assert not report.problems, report.problems[:3]
    print(f"import_{fmt}_docs_per_cpu_s={len(docs) / seconds:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "annotator_export_bench_v2.db"
    )
    parser.add_argument("--no-import", action="store_true", help="skip the import timings")
    parser.add_argument("--runs", type=int, default=3, help="exports per format (medians)")
    parser.add_argument("--formats", help="comma-separated formats (default: all)")
    parser.add_argument("--duplicates", action="store_true", help="look for duplicate articles")
    parser.add_argument(
        "--out", type=Path, help="folder to write the exports in (default: the temp folder)"
    )
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.articles)
    out = Path(tempfile.mkdtemp(prefix="export_bench_", dir=args.out))
    try:
        with Store.open(args.db) as store:
            ids = store.export_page_ids()
            # The text records counted as they stream past, as an export consumes them (a
            # list of 10,000 records held makes every pass of the collector walk it: that
            # measured the collector, up to half the time). The full records are a list,
            # for the writer timings, built from the same start.
            cpu = time.process_time()
            text = sum(1 for _ in export_text_records(store.export_pages(ids, text_only=True)))
            text_cpu = time.process_time() - cpu
            cpu = time.process_time()
            records = list(export_row_records(store.export_pages(ids, "accepted")))
            print(f"baseline_articles_per_cpu_s={len(records) / (time.process_time() - cpu):.0f}")
            print(f"text_baseline_articles_per_cpu_s={text / text_cpu:.0f}")
            print(f"articles={len(records)}")
            print(f"spans={sum(len(r['spans']) for r in records)}")
            # Articles holding characters above the BMP (a fifth, by construction).
            astral = sum(max(r["text"], default="") > BMP_END for r in records)
            print(f"astral_articles={astral}")
            files, rates = {}, {}
            for fmt in args.formats.split(",") if args.formats else FORMATS:
                if not available(fmt):
                    print(f"{fmt}_skipped=spaCy is not installed")
                    continue
                files[fmt], *rates[fmt] = bench_export(
                    store, fmt, out, len(records), args.runs, args.duplicates
                )
                bench_writer(records, fmt, out)
            text = [rates[f] for f in TEXT_FORMATS if f in rates]
            if text:
                print(f"text_formats_min_articles_per_s={min(r[0] for r in text):.0f}")
                print(f"text_formats_min_articles_per_cpu_s={min(r[1] for r in text):.0f}")
        if not args.no_import and not args.formats:
            for fmt in ("labelstudio", "doccano", "brat", "spacy-jsonl"):
                bench_import(args.db, fmt, files[fmt], out)
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
