"""Benchmark: the cost of the rule suggesters per page of 5,000 characters.

Measures :func:`annotator.suggest.suggest_spans` (rules only, no gazetteer, no model: what
import runs for every page) on three kinds of page and prints ``name=value`` lines:

- ``sample_pages``: the bundled sample pages as they are (about 3,400 characters, per
  page);
- ``seeds``: the bundled sample pages, each scaled to 5,000 characters;
- ``synthetic``: pages of 5,000 characters made of shuffled sentences of the sample pages
  (news text dense in names, dates and figures);
- ``plain``: 5,000 characters of running text with few entities (the sample sentences
  with their entities' characters scrambled), the floor of the cost;
- ``fullwidth``: the synthetic pages with full-width digits (``１９９８年６月``), as People's
  Daily and many other papers write them (the date rules read such a page's copy with
  ASCII digits);

and, per suggester module, its share of the time on the synthetic pages (the one scan of
a page for the lexicons' words that they share, ``page_scan``, apart; the running-text
name cue, :mod:`annotator.suggest.people.running`, around the other candidates, and the time
to load jieba's dictionary that it reads, once per process).  Times are the
CPU time of this process (``time.process_time``), the best of ``--repeat`` runs, so that
other work on a shared machine inflates them less than wall-clock time would.  Also the time
to load the lexicons and build the automata (once per process).  Target (issue 10):
``ms_per_5k_chars`` within 1 ms for every kind.

    python bench/suggest_speed.py [--pages 40] [--repeat 5]

With ``--instructions`` (valgrind needed) it prints instead the instructions that
``suggest_spans`` executes a page (``ir_per_page``, the seeds, synthetic and plain pages of
``--pages 8`` together, each once, after a warm-up run whose page scans are then dropped:
each page is scanned in the counted run, as in an import): a count that the load of a shared
machine does not change, for comparing two versions of the code; with ``--kind K`` the
pages of that kind alone (``fullwidth``, ``synthetic`` …).  Only the pages' run is
counted (callgrind's instrumentation is switched on after the warm-up, and the process
ends without its teardown).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_run import counted  # noqa: E402

PAGE_CHARS = 5000


def _timed_import() -> float:
    start = time.perf_counter()
    import annotator.suggest  # noqa: F401
    from annotator.suggest import _scan

    _scan.scan("")  # builds the automaton of the page scan
    return time.perf_counter() - start


def _sentences(texts: list[str]) -> list[str]:
    out = []
    for text in texts:
        for line in text.splitlines():
            out.extend(s + "。" for s in line.split("。") if len(s) > 4)
    return out


def _fill(pieces: list[str], rng: random.Random) -> str:
    page: list[str] = []
    size = 0
    while size < PAGE_CHARS:
        piece = rng.choice(pieces)
        page.append(piece)
        size += len(piece)
    return "".join(page)[:PAGE_CHARS]


def _pages(n: int) -> dict[str, list[str]]:
    from annotator.resources import seeds_dir

    seeds = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    rng = random.Random(10)
    sentences = _sentences(seeds)
    scaled = [(s * (PAGE_CHARS // len(s) + 1))[:PAGE_CHARS] for s in seeds]
    filler = "".join(sorted(set("".join(seeds)) - set("0123456789年月日市县区省局委")))
    plain = ["".join(rng.choice(filler) for _ in range(len(s))) for s in sentences[:50]]
    synthetic = [_fill(sentences, rng) for _ in range(n)]
    return {
        "sample_pages": seeds,
        "seeds": scaled,
        "synthetic": synthetic,
        "plain": [_fill(plain, rng) for _ in range(max(4, n // 4))],
        "fullwidth": [page.translate(_FULL_WIDTH) for page in synthetic],
    }


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _best_ms(fn: Callable[[str], object], pages: list[str], repeat: int) -> float:
    """The best of ``repeat`` runs over ``pages``, in ms per page."""
    for page in pages[:2]:
        fn(page)  # warm caches
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for page in pages:
            fn(page)
        best = min(best, (time.process_time() - start) / len(pages))
    return best * 1000


def scanned_ms(fn: Callable[[str], object], pages: list[str], repeat: int) -> float:
    """Like :func:`_best_ms`, each page's shared word scan (:mod:`annotator.suggest._scan`,
    timed on its own as ``page_scan``) done before the clock starts: a suggester's own cost
    (``bench/import_stages.py`` times its rules with it too)."""
    from annotator.suggest import _scan

    best = float("inf")
    for _ in range(repeat):
        total = 0.0
        for page in pages:
            _scan.scan(page)
            start = time.process_time()
            fn(page)
            total += time.process_time() - start
        best = min(best, total / len(pages))
    return best * 1000


def rule_parts_ms(pages: list[str], repeat: int) -> dict[str, float]:
    """Per page, in ms: the shared word scan (``page_scan``), each rule suggester with that
    scan done (:func:`scanned_ms`), and the running-text name cue around the others'
    candidates (``running_names``); ``bench/import_stages.py`` reports them too."""
    from annotator import suggest
    from annotator.suggest import _scan
    from annotator.suggest.people.running import running_names

    parts = {"page_scan": _best_ms(_scan._scan, pages, repeat)}
    for name, finder in suggest.RULE_FINDERS:
        parts[name] = scanned_ms(finder, pages, repeat)
    taken = {p: [(c[0], c[1]) for c in suggest._rule_candidates(p)] for p in pages}
    parts["running_names"] = _best_ms(lambda p: running_names(p, taken[p]), pages, repeat)
    return parts


def _counted_run(pages_n: int, flag: str, kind: str | None = None) -> None:
    """The child of :func:`instructions`: warm up, say so, wait for the instrumentation,
    run the pages once and end at once (no teardown counted)."""
    from annotator import suggest
    from annotator.suggest import _scan
    from annotator.suggest._words import dictionary

    dictionary()
    pages = _pages(pages_n)
    run = pages[kind] if kind else pages["seeds"] + pages["synthetic"] + pages["plain"]
    for page in run:
        suggest.suggest_spans(page)
    # scans of other texts take the places of the pages' scans kept by the warm-up, so that
    # the counted run scans each page, as an import does (with 16 scans kept, the 14 pages
    # of the default run were counted without their scan: 2.5 M instructions a page less)
    for k in range(_scan.KEEP):
        _scan.scan(f"第{k}页")
    # a full collection falling inside the counted run costs ~1.3 M instructions a page, and
    # where it falls moves with the number of objects alive (300 unused objects in a module
    # made +4.5%): what the warm-up left alive is frozen out of the collector's reach
    gc.collect()
    gc.freeze()
    print(f"counted_pages={len(run)}", flush=True)  # noqa: T201
    Path(flag).write_text("ready", encoding="utf-8")
    while Path(flag).exists():
        time.sleep(0.05)
    for page in run:
        suggest.suggest_spans(page)
    os._exit(0)


def instructions(pages_n: int, kind: str | None = None) -> int:
    """Instructions a page of ``suggest_spans`` under callgrind (see the module docstring)."""
    result = counted(__file__, ["--pages", str(pages_n), *(["--kind", kind] if kind else [])])
    if isinstance(result, str):
        print(f"error={result}")  # noqa: T201
        return 1
    ir, stdout = result
    pages = int(stdout.split("counted_pages=")[1].split()[0])
    print(f"counted_pages={pages}")  # noqa: T201
    print(f"ir_per_page={ir // pages}")  # noqa: T201
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40, help="synthetic pages (default 40)")
    parser.add_argument("--repeat", type=int, default=5, help="runs, the best counts")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions under callgrind"
    )
    parser.add_argument(
        "--kind", choices=("seeds", "synthetic", "plain", "fullwidth"),
        help="with --instructions: count the pages of this kind alone",
    )  # fmt: skip
    parser.add_argument("--counted-run", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.counted_run:
        _counted_run(args.pages, args.counted_run, args.kind)
    if args.instructions:
        return instructions(8 if args.pages == 40 else args.pages, args.kind)
    print(f"import_and_build_s={_timed_import():.3f}")  # noqa: T201
    from annotator import suggest
    from annotator.suggest._words import dictionary as _dictionary

    start = time.perf_counter()
    _dictionary()  # jieba's dictionary, loaded on the first page that needs it
    print(f"jieba_dictionary_load_s={time.perf_counter() - start:.3f}")  # noqa: T201
    pages = _pages(args.pages)
    worst = 0.0
    for kind, kind_pages in pages.items():
        ms = _best_ms(suggest.suggest_spans, kind_pages, args.repeat)
        if kind == "sample_pages":  # as they are (about 3,400 characters), for comparison
            print(f"sample_pages_ms_per_page={ms:.3f}")  # noqa: T201
            continue
        worst = max(worst, ms)
        print(f"{kind}_ms_per_5k_chars={ms:.3f}")  # noqa: T201
    print(f"worst_ms_per_5k_chars={worst:.3f}")  # noqa: T201
    print(f"target_met={'yes' if worst <= 1.0 else 'no'}")  # noqa: T201
    # one scan of a page finds the words of the lexicons for every suggester: timed apart;
    # the running-text name cue runs after the others, around their candidates
    for name, ms in rule_parts_ms(pages["synthetic"], args.repeat).items():
        print(f"{name}_ms_per_5k_chars={ms:.3f}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
