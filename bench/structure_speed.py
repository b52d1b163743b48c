"""Benchmark: the speed of the pre-split with a structure model, and of its training (issue 9).

Targets: pre-split with a model at 1,000 pages per second on 2 cores (an import splits pages in
one worker process per core, so about 500 pages per CPU second per process), training on 500
pages within 30 seconds.

Material: the composed pages of ``bench/structure_corpus.py`` (four papers). A model is trained
on 500 of them (taking over every decision); other pages are split. Prints ``name=value``:

* ``train_cpu_seconds_500_pages`` (and wall seconds);
* ``rules_presplit_pages_per_cpu_second`` and ``model_presplit_pages_per_cpu_second``: pages
  split per second of this process's CPU time (the model's split includes the rules under it);
  the best of several alternating rounds, since on a shared machine other work slows every
  round and the least slowed one is the closest to the truth;
* the model's split by stage, CPU milliseconds per page (best round): ``rules`` (the rules'
  shapes and blocks), ``features`` (the feature strings), ``crfsuite`` (handing them to the
  tagger, Viterbi and marginals), ``decode`` (the blocks made from the labels);
* ``model_presplit_pages_per_second_N_workers`` and ``rules_presplit_pages_per_second_N_workers``
  (``--workers N``, default 2, 0 to skip): the same pages split by N forked worker processes
  as an import splits them (``pipeline.presplit`` on chunks of the import's size, the blocks
  sent back as the rows the store inserts), pages per second of wall time from starting the
  workers to the last page back; the best of the rounds, with ``load_average_1min`` read
  before and after, since on a shared machine the wall time is what the other work leaves;
  and ``..._worker_cpu_ms_per_page_N_workers``: the CPU time of those workers a page (their
  user and system time together, best round), which the other work does not inflate as much;
* ``feature_strings_per_block``, ``load_average_1min`` and ``cores``.

With ``--real DIR`` (a records folder of ``bench/structure_real.py``; sealed portions are left
out) it also splits WHOLE real pages, far longer than the composed ones (the dev pages have a
median of ~5,700 characters against ~1,250), with a model trained on 80 of them, each page once
a round in freshly forked workers: ``real_model_presplit_pages_per_second_1_workers`` and
``…_N_workers`` (wall, best round).

With ``--long N`` every split page is N composed pages of one paper joined into one (with the
paper's own line separator), a stand-in for whole real pages when their records are not at
hand: ``--long 4`` gives a median of ~5,000 characters, about that of whole real pages (~5,500).
``--pages`` then counts these long pages; ``median_chars_per_page`` is printed either way.

    python bench/structure_speed.py [--pages N] [--rounds N] [--workers N] [--long N] [--real DIR]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import structure_corpus as corpus  # noqa: E402

from annotator import pipeline  # noqa: E402
from annotator.learn import structure  # noqa: E402
from annotator.model import Page  # noqa: E402
from annotator.pipeline import workers as pipeline_workers  # noqa: E402
from annotator.split import split_page  # noqa: E402
from annotator.split.page import analyse_page  # noqa: E402
from annotator.split.words import word_across  # noqa: E402
from annotator.store.rows import encode_page_rows  # noqa: E402

TRAIN_PAGES = 500


def training(count: int) -> bytes:
    per_paper = count // len(corpus.PAPERS)
    pages = [
        (Page(i, t, paper=paper), g, [])
        for paper in corpus.PAPERS
        for i, t, g in corpus.pages(paper, per_paper, seed=3000)
    ]
    w0, c0 = time.perf_counter(), time.process_time()
    data = structure.train(pages)
    print(f"train_cpu_seconds_{len(pages)}_pages={time.process_time() - c0:.2f}")
    print(f"train_seconds_{len(pages)}_pages={time.perf_counter() - w0:.2f}")
    return data


def split_pages(count: int, joined: int) -> list[tuple[str, str]]:
    """``count`` pages to split (text, paper), each ``joined`` composed pages of one paper."""
    out = []
    for paper in corpus.PAPERS:
        composed = [
            t for _, t, _ in corpus.pages(paper, count // len(corpus.PAPERS) * joined, 4000)
        ]
        sep = corpus._SEPARATORS[paper]
        out += [
            (sep.join(composed[i : i + joined]), paper) for i in range(0, len(composed), joined)
        ]
    return out


def best_cpu(work: Callable[[], object], best: dict[str, float], name: str) -> None:
    """Keep the least CPU time ``work`` took under ``name``."""
    c0 = time.process_time()
    work()
    best[name] = min(best.get(name, float("inf")), time.process_time() - c0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages to split per round")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds")
    parser.add_argument(
        "--workers", type=int, default=2, help="worker processes of the wall figures (0: none)"
    )
    parser.add_argument(
        "--real",
        type=Path,
        help="also whole real pages: a records folder of bench/structure_real.py (dev portions only)",
    )
    parser.add_argument(
        "--long",
        type=int,
        default=1,
        metavar="N",
        help="split pages of N composed pages of one paper joined (whole real pages: ~4)",
    )
    args = parser.parse_args()
    print(f"cores={os.cpu_count()}")
    print(f"load_average_1min={os.getloadavg()[0]:.1f}")
    word_across("预热", "分词")  # the short-words dictionary, outside the timing
    data = training(TRAIN_PAGES)
    model = structure.load(data)
    texts = split_pages(args.pages, args.long)
    chars = sorted(len(t) for t, _ in texts)
    print(f"median_chars_per_page={chars[len(chars) // 2]}")
    analysed = [(t, paper, *analyse_page(t)) for t, paper in texts]
    features = [structure.page_features(t, s, b, p) for t, p, s, b in analysed]
    tagger = model._tagger
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        best_cpu(lambda: [split_page(t) for t, _ in texts], best, "rules_split")
        best_cpu(lambda: [model.split(t, p) for t, p in texts], best, "model_split")
        best_cpu(lambda: [analyse_page(t) for t, _ in texts], best, "rules")
        best_cpu(
            lambda: [structure.page_features(t, s, b, p) for t, p, s, b in analysed],
            best,
            "features",
        )
        best_cpu(lambda: [_tag(tagger, f) for f in features], best, "crfsuite")
        best_cpu(lambda: [model.predict(t, s, b, p) for t, p, s, b in analysed], best, "predict")
        if args.workers > 0:
            for name, model_data in (("rules", None), ("model", data)):
                w0, c0 = time.perf_counter(), _children_cpu()
                in_workers(model_data, texts, args.workers)
                _keep_least(best, f"{name}_workers", time.perf_counter() - w0)
                _keep_least(best, f"{name}_workers_cpu", _children_cpu() - c0)
    n = len(texts)
    print(f"rules_presplit_pages_per_cpu_second={n / best['rules_split']:.0f}")
    print(f"model_presplit_pages_per_cpu_second={n / best['model_split']:.0f}")
    if args.workers > 0:
        w = args.workers
        for name in ("rules", "model"):
            print(f"{name}_presplit_pages_per_second_{w}_workers={n / best[name + '_workers']:.0f}")
            cpu = best[name + "_workers_cpu"] / n * 1000
            print(f"{name}_presplit_worker_cpu_ms_per_page_{w}_workers={cpu:.3f}")
        print(f"load_average_1min_after={os.getloadavg()[0]:.1f}")
    decode = best["predict"] - best["features"] - best["crfsuite"]
    for stage, seconds in (
        ("rules", best["rules"]),
        ("features", best["features"]),
        ("crfsuite", best["crfsuite"]),
        ("decode", max(decode, 0.0)),
    ):
        print(f"stage_{stage}_cpu_ms_per_page={seconds / n * 1000:.3f}")
    strings = sum(len(x) for f in features for x in f)
    print(f"feature_strings_per_block={strings / sum(len(f) for f in features):.1f}")
    if args.real is not None and args.workers > 0:
        real_pages(args.real, args.rounds, args.workers)


def real_pages(folder: Path, rounds: int, workers: int) -> None:
    """The model's pre-split of whole real pages (a model trained on 80 of them), each page
    split once a round in freshly forked workers: one worker and ``workers`` alternately."""
    import random

    import structure_real as real

    records = real.load_records(folder)
    dev = [
        p for p in real.real_pages(records) if real.half_of(p[0], "2025-04-01") not in real.SEALED
    ]
    composed = list(real.composed(dev))
    random.Random(5).shuffle(composed)
    gold = [(Page(f"{i}:{f}", t, paper=i.split("|")[0]), g, []) for i, f, t, g in composed[:80]]
    data = structure.train(gold)
    texts = [(t, i.split("|")[0]) for i, _, t, _ in composed]
    chars = sorted(len(t) for t, _ in texts)
    print(f"real_pages={len(texts)}")
    print(f"real_median_chars_per_page={chars[len(chars) // 2]}")
    best: dict[str, float] = {}
    for _ in range(rounds):
        for n in (1, workers):
            w0 = time.perf_counter()
            in_workers(data, texts, n)
            _keep_least(best, f"real_{n}", time.perf_counter() - w0)
    for n in (1, workers):
        print(
            f"real_model_presplit_pages_per_second_{n}_workers={len(texts) / best[f'real_{n}']:.0f}"
        )


def _keep_least(best: dict[str, float], name: str, value: float) -> None:
    best[name] = min(best.get(name, float("inf")), value)


def _children_cpu() -> float:
    """User and system CPU seconds of this process's ended (and waited for) children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# What the forked workers split: the model's bytes (None: the rules) and the pages, set in the
# parent before the workers start, so that they inherit it as an import's workers inherit
# its settings (an import sends paths; here the chunks are ranges of this list).
_WORK: tuple[bytes | None, list[tuple[str, str]]] = (None, [])


def in_workers(data: bytes | None, texts: list[tuple[str, str]], workers: int) -> int:
    """Split ``texts`` in ``workers`` forked processes as an import does; the pages split."""
    global _WORK
    _WORK = (data, texts)
    size = pipeline_workers._CHUNK
    chunks = [(i, min(i + size, len(texts))) for i in range(0, len(texts), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return sum(len(pages) for pages in pool.map(_split_chunk, chunks))


def _split_chunk(chunk: tuple[int, int]) -> list[list[tuple[object, ...]]]:
    """The block rows of a chunk of pages, as an import's worker sends them back."""
    data, texts = _WORK
    return [
        encode_page_rows(pipeline.presplit(t, paper, data), []).block_rows
        for t, paper in texts[chunk[0] : chunk[1]]
    ]


def _tag(tagger: object, features: list[list[str]]) -> None:
    """What the model's split asks of crfsuite: the labels and a marginal per block."""
    labels = tagger.tag(features)  # type: ignore[attr-defined]
    marginal = tagger.marginal  # type: ignore[attr-defined]
    for i, label in enumerate(labels):
        marginal(label, i)


if __name__ == "__main__":
    main()
