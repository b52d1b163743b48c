"""Benchmark: the time the structure model's training takes as ``annotator train`` runs it
(issue 9: 500 done pages within 30 s on 2 cores).

Material: the composed pages of ``bench/structure_corpus.py`` (four papers, ``--pages``
of them, 500 by default). Runs what ``annotator train`` runs for the structure learner:
``cross_validate(pages, folds)`` (the folds, and the model of all the pages beside them)
and ``train(pages, figures)``. Prints ``name=value`` lines: ``pages``, ``wall_s`` (wall
clock: what a person waits, longer on a machine busy with other work), ``cpu_s`` (CPU of
this process and its worker processes, which other work changes little; ``parent_cpu_s``
that of this process alone: features, predictions, figures), ``model_digest``
and ``figures_digest`` (hashes of the model's bytes and of the cross-validated figures,
which a faster code must not change).

With ``--profile`` it prints instead the CPU of the stages of one serial run in this
process: ``analyse_s`` (the rules' shapes and blocks of every page once), ``features_s``
(the feature strings and gold labels of every page once), ``lbfgs_s`` (crfsuite's training
of the folds and of the model of all pages), ``predict_s`` (the held-out pages tagged) and
``scores_s`` (the figures of rules, model and floors).

    python bench/structure_training.py [--pages 500] [--folds 5] [--profile]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import structure_corpus as corpus  # noqa: E402

from annotator.learn import structure  # noqa: E402
from annotator.model import Page  # noqa: E402
from annotator.split.words import word_across  # noqa: E402


def gold_pages(count: int) -> list:
    """``count`` composed done pages, as many of each paper (as ``structure_speed`` trains)."""
    per_paper = count // len(corpus.PAPERS)
    return [
        (Page(i, t, paper=paper), g, [])
        for paper in corpus.PAPERS
        for i, t, g in corpus.pages(paper, per_paper, seed=3000)
    ]


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def profile(pages: list, folds: int) -> None:
    """The CPU of the stages of one serial training (see the module docstring)."""
    import pycrfsuite

    from annotator.learn.structure import model as structure_model
    from annotator.split.page import analyse_page

    clock = time.process_time
    ordered = sorted(pages, key=lambda p: p[0].id)
    start = clock()
    analysed = [analyse_page(p[0].text) for p in ordered]
    analysed_at = clock()
    sequences = structure_model._sequences(ordered)
    featured = clock()
    for k in range(folds + 1):
        trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
        trainer.set_params(structure_model.TRAIN_PARAMS)
        for i, (xseq, yseq) in enumerate(sequences):
            if k == folds or i % folds != k:
                trainer.append(xseq, yseq)
        trainer.train(os.devnull if os.name != "nt" else "NUL")
    trained = clock()
    model = structure.load(structure.train(ordered[: len(ordered) * (folds - 1) // folds]))
    loaded = clock()
    preds = {"rules": [], "model": []}
    for (page, gold, _), (shapes, blocks) in zip(ordered, analysed, strict=True):
        preds["rules"].append((page.text, gold, blocks))
        preds["model"].append((page.text, gold, model.predict(page.text, shapes, blocks)))
    predicted = clock()
    structure_model.score_pages(preds["rules"])
    structure_model.score_pages(preds["model"])
    structure_model._floor_scores(preds)
    scored = clock()
    print(f"analyse_s={analysed_at - start:.2f}")
    print(f"features_s={featured - analysed_at:.2f}")
    print(f"lbfgs_s={trained - featured:.2f}")
    print(f"predict_s={predicted - loaded:.2f}")
    print(f"scores_s={scored - predicted:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="one serial run, stage by stage")
    args = parser.parse_args()
    print(f"cores={os.cpu_count()}")
    print(f"load_average_1min={os.getloadavg()[0]:.1f}")
    word_across("预热", "分词")  # the short-words dictionary, outside the timing
    pages = gold_pages(args.pages)
    print(f"pages={len(pages)}")
    if args.profile:
        profile(pages, args.folds)
        return
    wall, cpu, own = time.perf_counter(), _cpu(), time.process_time()
    figures = structure.cross_validate(pages, args.folds)
    data = structure.train(pages, figures)
    print(f"wall_s={time.perf_counter() - wall:.1f}")
    print(f"cpu_s={_cpu() - cpu:.1f}")
    print(f"parent_cpu_s={time.process_time() - own:.1f}")
    print(f"model_digest={digest(data)}")
    print(f"figures_digest={digest(json.dumps(figures, sort_keys=True).encode())}")


if __name__ == "__main__":
    main()
