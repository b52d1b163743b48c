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
* ``feature_strings_per_block``, ``load_average_1min`` and ``cores``.

    python bench/structure_speed.py [--pages N] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import structure_corpus as corpus  # noqa: E402

from annotator.learn import structure  # noqa: E402
from annotator.model import Page  # noqa: E402
from annotator.split import split_page  # noqa: E402
from annotator.split.page import analyse_page  # noqa: E402

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


def best_cpu(work: Callable[[], object], best: dict[str, float], name: str) -> None:
    """Keep the least CPU time ``work`` took under ``name``."""
    c0 = time.process_time()
    work()
    best[name] = min(best.get(name, float("inf")), time.process_time() - c0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages to split per round")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds")
    args = parser.parse_args()
    print(f"cores={os.cpu_count()}")
    print(f"load_average_1min={os.getloadavg()[0]:.1f}")
    structure.word_across("预热", "分词")  # the short-words dictionary, outside the timing
    model = structure.load(training(TRAIN_PAGES))
    texts = [
        (t, paper)
        for paper in corpus.PAPERS
        for _, t, _ in corpus.pages(paper, args.pages // len(corpus.PAPERS), seed=4000)
    ]
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
    n = len(texts)
    print(f"rules_presplit_pages_per_cpu_second={n / best['rules_split']:.0f}")
    print(f"model_presplit_pages_per_cpu_second={n / best['model_split']:.0f}")
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


def _tag(tagger: object, features: list[list[str]]) -> None:
    """What the model's split asks of crfsuite: the labels and a marginal per block."""
    labels = tagger.tag(features)  # type: ignore[attr-defined]
    marginal = tagger.marginal  # type: ignore[attr-defined]
    for i, label in enumerate(labels):
        marginal(label, i)


if __name__ == "__main__":
    main()
