"""Benchmark: the pre-split on several papers, rules alone and learnt (issue 9).

Material: the composed pages of four invented papers in their own house styles
(``bench/structure_corpus.py``: north, east, south, west) and the hand-made composed pages of
``tests/core/gold_split/composed/`` (other papers' styles, five flavours). Prints
``name=value`` lines:

* rules alone, per paper and over all: article start F1, heading-role accuracy, role
  accuracy, join F1;
* the learning curve: a model trained on 5, 10, 20 and 50 reviewed pages of one paper, scored
  on 100 other pages of that paper (averaged over three draws of the training pages);
* training time on 500 pages (the four papers mixed, wall and CPU seconds) and pre-split
  speed with that model against the rules alone on the same pages: pages per second of wall
  time and of CPU time in one process (the model's split includes the rules under it), and
  pages per second with one process per core, as an import splits pages. The load average is
  printed too: on a shared machine the wall figures measure the others as well;
* the import benchmark's pages imported with suggestions, without and with that model
  (pages per second of wall time and per CPU second of the import and its workers).

    python bench/structure.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import structure_corpus as corpus  # noqa: E402

from annotator.learn import structure  # noqa: E402
from annotator.learn.structure_scores import score_pages  # noqa: E402
from annotator.model import Block, Page  # noqa: E402
from annotator.split import split_page  # noqa: E402
from annotator.split.words import word_across  # noqa: E402

COMPOSED = ROOT / "tests" / "core" / "gold_split" / "composed"
CURVE = (5, 10, 20, 50)


def composed_gold() -> list[tuple[str, list[Block]]]:
    """The hand-made composed pages of other papers, with their gold."""
    out = []
    for path in sorted(COMPOSED.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text = (ROOT / doc["source"]).read_text(encoding="utf-8")
        blocks = [
            Block(b["start"], b["end"], b["role"], b["article"], b["joins_previous"])
            for b in doc["blocks"]
        ]
        out.append((text, blocks))
    return out


def show(name: str, scores: dict) -> None:
    print(f"{name}.article_start_f1={scores['article_start']['f1']:.3f}")
    print(f"{name}.heading_role_accuracy={scores['role']['heading_accuracy']:.3f}")
    print(f"{name}.role_accuracy={scores['role']['accuracy']:.3f}")
    print(f"{name}.join_f1={scores['join']['f1']:.3f}")


def gold_pages(paper: str, count: int, seed: int) -> list:
    return [(Page(i, t, paper=paper), g, []) for i, t, g in corpus.pages(paper, count, seed)]


def rules_alone(count: int) -> None:
    everything = []
    for paper in corpus.PAPERS:
        triples = [(t, g, split_page(t)) for _, t, g in corpus.pages(paper, count, seed=1000)]
        everything += triples
        show(f"rules.{paper}", score_pages(triples))
    composed = [(t, g, split_page(t)) for t, g in composed_gold()]
    everything += composed
    show("rules.composed_tests", score_pages(composed))
    show("rules.all", score_pages(everything))


def learning_curve(test_count: int, draws: int) -> None:
    for paper in corpus.PAPERS:
        test = [(t, g) for _, t, g in corpus.pages(paper, test_count, seed=2000)]
        for k in CURVE:
            sums = {"a": 0.0, "h": 0.0, "r": 0.0, "j": 0.0}
            for draw in range(draws):
                model = structure.load(structure.train(gold_pages(paper, k, seed=draw)))
                s = score_pages([(t, g, model.split(t, paper)) for t, g in test])
                sums["a"] += s["article_start"]["f1"]
                sums["h"] += s["role"]["heading_accuracy"]
                sums["r"] += s["role"]["accuracy"]
                sums["j"] += s["join"]["f1"]
            name = f"learnt.{paper}.after_{k}"
            print(f"{name}.article_start_f1={sums['a'] / draws:.3f}")
            print(f"{name}.heading_role_accuracy={sums['h'] / draws:.3f}")
            print(f"{name}.role_accuracy={sums['r'] / draws:.3f}")
            print(f"{name}.join_f1={sums['j'] / draws:.3f}")


def _rate(split, texts: list[tuple[str, str]]) -> tuple[float, float]:
    """Pages per second of wall time and per second of this process's CPU time."""
    w0, c0 = time.perf_counter(), time.process_time()
    for t, paper in texts:
        split(t, paper)
    return len(texts) / (time.perf_counter() - w0), len(texts) / (time.process_time() - c0)


_worker_model = None


def _init_worker(data: bytes | None) -> None:
    global _worker_model
    _worker_model = structure.load(data) if data is not None else None  # once per process
    word_across("预热", "分词")  # jieba's dictionary, before the timing


def _split_chunk(texts: list[tuple[str, str]]) -> int:
    for t, paper in texts:
        if _worker_model is None:
            split_page(t)
        else:
            _worker_model.split(t, paper)
    return len(texts)


def _parallel_rate(data: bytes | None, texts: list[tuple[str, str]], workers: int) -> float:
    """Pages per second of wall time with ``workers`` processes (as an import splits pages),
    each loading the model once."""
    chunks = [texts[i : i + 50] for i in range(0, len(texts), 50)]
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, _init_worker, (data,)) as pool:
        pool.map(_split_chunk, [[]] * workers)  # started and warm
        t0 = time.perf_counter()
        done = sum(pool.map(_split_chunk, chunks))
        return done / (time.perf_counter() - t0)


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its ended worker processes (Unix)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime


def import_cost(count: int, data: bytes) -> None:
    """The import benchmark's pages (bench/import_throughput.py) imported with suggestions
    into a fresh database, without and with the structure model: pages per second of wall
    time and per CPU second of the import and its worker processes."""
    import import_throughput

    from annotator.pipeline import import_paths
    from annotator.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        import_throughput.generate(folder, count)
        for name, model in (("rules", None), ("model", data)):
            with Store.open(Path(tmp) / f"{name}.db") as store:
                if model is not None:
                    store.save_model("structure", model, pages=500, meta={})
                w0, c0 = time.perf_counter(), _cpu_seconds()
                report = import_paths(store, [folder])
                wall, cpu = time.perf_counter() - w0, _cpu_seconds() - c0
                assert len(report.imported) == count, report.summary()
            print(f"import_with_{name}_pages_per_s={count / wall:.0f}")
            print(f"import_with_{name}_pages_per_cpu_s={count / cpu:.0f}")


def speed(train_pages: int, split_pages: int, import_pages: int) -> None:
    per_paper = train_pages // len(corpus.PAPERS)
    pages = [p for paper in corpus.PAPERS for p in gold_pages(paper, per_paper, seed=3000)]
    word_across("预热", "分词")  # load jieba's dictionary outside the timing
    print(f"cores={os.cpu_count()}")
    print(f"load_average_1min={os.getloadavg()[0]:.1f}")  # other work slows the wall figures
    w0, c0 = time.perf_counter(), time.process_time()
    data = structure.train(pages)
    print(f"train_seconds_{len(pages)}_pages={time.perf_counter() - w0:.2f}")
    print(f"train_cpu_seconds_{len(pages)}_pages={time.process_time() - c0:.2f}")
    print(f"model_bytes={len(data)}")
    model = structure.load(data)
    texts = []
    while len(texts) < split_pages:
        for paper in corpus.PAPERS:
            texts += [(t, paper) for _, t, _ in corpus.pages(paper, split_pages // 4, seed=4000)]
    texts = texts[:split_pages]
    rules_rate, rules_cpu = _rate(lambda t, _paper: split_page(t), texts)
    rate, cpu = _rate(model.split, texts)
    blocks = sum(len(split_page(t)) for t, _ in texts) / len(texts)
    print(f"blocks_per_page={blocks:.1f}")
    print(f"rules_presplit_pages_per_s={rules_rate:.0f}")
    print(f"rules_presplit_pages_per_cpu_s={rules_cpu:.0f}")
    print(f"model_presplit_pages_per_s={rate:.0f}")
    print(f"model_presplit_pages_per_cpu_s={cpu:.0f}")
    workers = os.cpu_count() or 1
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        print(
            f"rules_presplit_{workers}_processes_pages_per_s={_parallel_rate(None, texts, workers):.0f}"
        )
        print(
            f"model_presplit_{workers}_processes_pages_per_s={_parallel_rate(data, texts, workers):.0f}"
        )
    import_cost(import_pages, data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer pages (a smoke run)")
    args = parser.parse_args()
    quick = args.quick
    rules_alone(20 if quick else 100)
    learning_curve(20 if quick else 100, 1 if quick else 3)
    speed(100 if quick else 500, 200 if quick else 2000, 200 if quick else 1000)


if __name__ == "__main__":
    main()
