"""Benchmark: the gazetteer learnt from gold, at the size a busy project reaches.

Builds a gazetteer of 20,000 random entries and finds them in a page of 10,000
characters. Prints ``gazetteer_build_s=`` and ``gazetteer_find_ms=`` (per page; target
a few milliseconds).

    python bench/gazetteer.py
    python bench/gazetteer.py --store [--pages 100000] [--db bench/gazetteer.db]
    python bench/gazetteer.py --coverage REFERENCE [REFERENCE …]

With ``--store`` it measures loading the gazetteer from a database as import and the window
do (``annotator.pipeline.learnt_gazetteer``): the database is made once (later runs reuse
it) of ``--pages`` done pages of invented text, 20 lines of about 55 characters, each line
holding three of 30,000 invented names (a few common, most rare), three in four of their
occurrences accepted, a few rejected. Prints ``store_pages=``, ``store_entries=`` (active
entries), ``store_load_s=`` and ``store_load_cpu_s=`` (the load, best of three).

With ``--coverage`` it measures instead how complete the bundled place lexicons are against
reference lists of names (text files, names separated by white space, commas or JSON
punctuation: a country list, ``dist/pca.json`` of github.com/modood/Administrative-divisions-
of-China): per file ``coverage_found=``, ``coverage_total=`` and ``coverage_missing=`` (the
names no place lexicon holds, by their full name, or a listed short name with its kind:
衡阳 + 市, 宁乡 + 县).  The references are not shipped (their licences vary); the sources of
the lexicons' headers say where each comes from.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.suggest import Gazetteer  # noqa: E402

# The lexicons of place names (not the cue words, suffixes and characters of the rules).
_NAME_LEXICONS = (
    "places_provinces_full", "places_provinces_short", "places_prefectures", "places_counties",
    "places_county_cities", "places_short_counties", "places_countries", "places_world_cities",
    "places_natural", "places_city_nicknames", "places_ambiguous", "places_local",
)  # fmt: skip


def coverage(paths: list[str]) -> None:
    """Print how many names of each reference file the place lexicons hold."""
    from annotator import lexicon

    held: set[str] = set()
    for name in _NAME_LEXICONS:
        held.update(lexicon.words(name))
    for row in lexicon.entries("places_counties"):
        held.update(row[1:2])  # the bare name of a county (宁乡 of 宁乡县)
    kinds = ("省", "市", "县", "区", "州", "盟", "旗", "地区", "自治区", "特别行政区")
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        names = re.split(r"[\s,，、:：\[\]{}\"()（）]+", text)
        names = [n for n in names if len(n) > 1 and not n.isascii()]
        names = list(dict.fromkeys(names))
        missing = [
            n
            for n in names
            if n not in held and not any(n.endswith(k) and n[: -len(k)] in held for k in kinds)
        ]
        print(f"file={path}")
        print(f"coverage_found={len(names) - len(missing)}")
        print(f"coverage_total={len(names)}")
        print(f"coverage_missing={' '.join(missing)}")


def store_load(args: list[str]) -> None:
    """Time loading the learnt gazetteer from a database of done pages (``--store``)."""
    import argparse

    from annotator.pipeline import learnt_gazetteer
    from annotator.store import Store

    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path(__file__).with_name("gazetteer.db"))
    opts = parser.parse_args(args)
    path = opts.db.with_name(f"{opts.db.stem}_{opts.pages}{opts.db.suffix}")
    if not path.exists():
        with Store.open(path) as store:
            _fill(store, opts.pages)
    with Store.open(path) as store:
        times = []
        for _ in range(3):
            wall, cpu = time.perf_counter(), time.process_time()
            gaz = learnt_gazetteer(store)
            times.append((time.process_time() - cpu, time.perf_counter() - wall))
        pages = sum(store.status_counts().values())
    cpu_s, wall_s = min(times)
    print(f"store_pages={pages}")
    print(f"store_entries={len(gaz)}")
    print(f"store_load_s={wall_s:.2f}")
    print(f"store_load_cpu_s={cpu_s:.2f}")


def _fill(store: object, n_pages: int) -> None:
    """``n_pages`` done pages of invented text with accepted and rejected names."""
    from annotator.model import Block, Page, Span

    rng = random.Random(7)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    names = ["".join(rng.choices(chars, k=rng.randint(2, 5))) for _ in range(30_000)]
    labels = ["PER", "LOC", "ORG"]
    weights = [1 / (k + 1) for k in range(len(names))]  # a few common, most rare
    batch = []
    for n in range(n_pages):
        lines, blocks, spans, at = [], [], [], 0
        for _ in range(20):
            line = ""
            for k in rng.choices(range(len(names)), weights, k=3):
                line += "".join(rng.choices(chars, k=14))
                status = rng.choices(["accepted", "none", "rejected"], [75, 23, 2])[0]
                if status != "none":
                    start = at + len(line)
                    spans.append(Span(start, start + len(names[k]), labels[k % 3], status=status))
                line += names[k]
            blocks.append(Block(at, at + len(line), "body", 1))
            lines.append(line)
            at += len(line) + 1
        page = Page(f"g{n:06d}", "\n".join(lines), "bench", f"{n:064x}", "done", paper="bench")
        batch.append((page, blocks, spans))
        if len(batch) == 1000:
            store.add_gold_pages(batch)  # type: ignore[attr-defined]
            batch = []
    if batch:
        store.add_gold_pages(batch)  # type: ignore[attr-defined]


def main() -> None:
    if sys.argv[1:2] == ["--coverage"]:
        coverage(sys.argv[2:])
        return
    if sys.argv[1:2] == ["--store"]:
        store_load(sys.argv[2:])
        return
    rng = random.Random(4)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    entries = {("".join(rng.choices(chars, k=rng.randint(2, 6))), "ORG"): 1 for _ in range(20000)}
    start = time.perf_counter()
    gaz = Gazetteer.from_counts(entries)
    print(f"gazetteer_build_s={time.perf_counter() - start:.2f}")
    page = "".join(rng.choices(chars, k=10_000))
    gaz.find(page)
    start = time.perf_counter()
    for _ in range(20):
        gaz.find(page)
    print(f"gazetteer_find_ms={(time.perf_counter() - start) / 20 * 1000:.2f}")


if __name__ == "__main__":
    main()
