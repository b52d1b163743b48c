"""The structure model's cross-validation trains its folds, and the model of all the pages
beside them, in worker processes (issue 9: 500 pages within 30 s on 2 cores): the same
model bytes and figures as one training after another in this process, from a worker
thread too (the window's training), and one after another where processes cannot start."""

from __future__ import annotations

import os
import signal
import threading
import types
from concurrent.futures.process import BrokenProcessPool

import pytest

from annotator import processes
from annotator.learn import structure as st
from annotator.learn import structure_folds

from .test_learn_structure import corpus, gold_pages


@pytest.fixture(scope="module")
def pages() -> list:
    return [p for paper in corpus.PAPERS for p in gold_pages(paper, 4, seed=21)]


@pytest.fixture(scope="module")
def serial(pages) -> tuple[dict, bytes]:
    """Figures and model bytes with every training in this process, one after another."""
    assert len(pages) < structure_folds.PARALLEL_FROM_PAGES
    figures = st.cross_validate(pages, 3)
    assert "beside_folds" not in structure_folds._cache  # nothing trained beside the folds
    return figures, st.train(pages, figures)


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Few pages are enough for the folds to go to worker processes, two of them."""
    monkeypatch.setattr(structure_folds, "PARALLEL_FROM_PAGES", 2)
    monkeypatch.setattr(structure_folds.os, "cpu_count", lambda: 2)
    structure_folds._cache.clear()


def test_folds_in_worker_processes_give_the_same_figures_and_model_bytes(
    pages, serial, parallel
) -> None:
    figures, model = serial
    assert st.cross_validate(pages, 3) == figures
    assert "beside_folds" in structure_folds._cache  # the model of all pages trained beside
    assert st.train(pages, figures) == model  # the one trained beside the folds
    assert "beside_folds" not in structure_folds._cache  # taken once
    assert st.train(pages, figures) == model  # trained here again: the same


@pytest.fixture(scope="module")
def judged() -> tuple[list, dict, bytes]:
    """Pages enough for each paper to be judged alone, on which cross-validation learns
    start floors (over all papers and for a paper, not all None); their figures and model
    bytes trained one after another in this process."""
    pages = [p for paper in corpus.PAPERS for p in gold_pages(paper, 12, seed=21)]
    assert len(pages) < structure_folds.PARALLEL_FROM_PAGES
    figures = st.cross_validate(pages, 3)
    return pages, figures, st.train(pages, figures)


def test_start_floors_learnt_in_folds_in_worker_processes_reach_the_model_the_same(
    judged, parallel
) -> None:
    # The merge of the folds in worker processes with the article-start floors: figures
    # with role floors and start counts, over all papers and per paper, come the same from
    # worker processes, and the start floors chosen from them are in the model's header.
    pages, figures, model = judged
    assert st.cross_validate(pages, 3) == figures
    assert st.train(pages, figures) == model  # the one trained beside the folds
    chosen = st.load(model).meta["takeover"]
    assert chosen == st.takeover(figures)
    floors = chosen["start_floors"]
    unfloored = {band: None for band in st.START_BANDS}
    assert floors["all"] != unfloored, "the corpus no longer learns start floors"
    assert sorted(floors["papers"]) == sorted(corpus.PAPERS)  # each paper judged alone
    # (a paper alone has fewer than 20 pages here: its floors need a wider margin, s30-joins,
    # so they may all be unfloored; what matters is that the header holds what was chosen)
    loaded = st.load(model)
    for paper, floor in floors["papers"].items():
        assert loaded.start_floors(paper) == floor


def test_a_model_trained_beside_the_folds_of_other_pages_is_not_taken(
    pages, serial, parallel
) -> None:
    st.cross_validate(pages[1:], 3)
    figures, model = serial
    assert st.train(pages, figures) == model
    assert "beside_folds" not in structure_folds._cache


def test_folds_run_in_worker_processes_from_a_worker_thread(pages, serial, parallel) -> None:
    # The window's training waits on a thread; processes started beside other threads come
    # from the forkserver (a fork there could deadlock), and give the same figures.
    got: list = []
    thread = threading.Thread(target=lambda: got.append(st.cross_validate(pages, 3)))
    thread.start()
    thread.join()
    assert processes.start_method() != "fork"  # this process runs Qt's threads, or another
    assert got == [serial[0]]
    assert "beside_folds" in structure_folds._cache
    structure_folds._cache.clear()


def test_a_daemonic_process_trains_its_folds_itself(pages, serial, parallel, monkeypatch) -> None:
    # A daemonic process may not start processes: the folds are trained one by one.
    daemon = types.SimpleNamespace(daemon=True)
    monkeypatch.setattr(processes.multiprocessing, "current_process", lambda: daemon)
    assert not processes.can_start_workers()
    assert st.cross_validate(pages, 3) == serial[0]
    assert "beside_folds" not in structure_folds._cache


def test_a_broken_pool_leaves_the_folds_to_this_process(pages, serial, parallel, monkeypatch):
    class Broken:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.shut = False

        def submit(self, *args: object) -> object:
            raise BrokenProcessPool("a worker died")

        def shutdown(self, **kwargs: object) -> None:
            self.shut = True

    monkeypatch.setattr(structure_folds, "ProcessPoolExecutor", Broken)
    assert st.cross_validate(pages, 3) == serial[0]
    assert st.train(pages, serial[0]) == serial[1]


def test_a_fold_learns_from_every_page_but_those_it_holds_out(monkeypatch) -> None:
    # Fold k of 3 holds out pages i with i % 3 == k; pages without blocks learn nothing.
    seen: list[list[str]] = []

    class Trainer:
        def __init__(self, **kwargs: object) -> None:
            seen.append([])

        def set_params(self, params: dict) -> None:
            pass

        def append(self, xseq: list, yseq: list) -> None:
            seen[-1].append(yseq[0])

        def train(self, path: str) -> None:
            open(path, "wb").close()

    pycrfsuite = pytest.importorskip("pycrfsuite")
    monkeypatch.setattr(pycrfsuite, "Trainer", Trainer)
    sequences: list = [([["f"]], [str(i)]) for i in range(7)]
    sequences[4] = None
    for fold in range(3):
        structure_folds.crf_bytes(sequences, {}, fold, 3)
    structure_folds.crf_bytes(sequences, {})
    assert seen == [
        ["1", "2", "5"],
        ["0", "2", "3", "5", "6"],
        ["0", "1", "3", "6"],
        list("012356"),
    ]


def test_the_training_beside_the_window_trains_its_folds_in_worker_processes(
    tmp_path, pages, parallel, monkeypatch
) -> None:
    # What the window's training process runs (training.train_file), on a thread beside
    # others as there: its folds go to worker processes, and the model kept is the one
    # trained one fold after another.
    from annotator.model import Page
    from annotator.store import Store
    from annotator.training import train_file

    db = tmp_path / "gold.db"
    with Store.open(db) as store:
        for page, gold, _ in pages:
            store.add_page(Page(page.id, page.text, status="done", paper=page.paper), gold)
        gold_pages = list(store.iter_pages("done", span_status="accepted"))
    pools: list = []
    real = structure_folds._pool
    monkeypatch.setattr(structure_folds, "_pool", lambda *a: pools.append(real(*a)) or pools[-1])
    reports: list = []
    thread = threading.Thread(target=lambda: reports.append(train_file(db)))
    thread.start()
    thread.join()
    assert not isinstance(reports[0], str), reports[0]
    assert len(pools) == 1 and pools[0] is not None  # the folds went to worker processes
    monkeypatch.setattr(structure_folds, "PARALLEL_FROM_PAGES", 10**6)
    figures = st.cross_validate(gold_pages)
    with Store.open(db) as store:
        kept = store.latest_model("structure")
    assert kept is not None and kept.data == st.train(gold_pages, figures)
    assert kept.meta["cross_validation"] == figures


# A real SIGKILL of the pool's workers, not a fake pool (review of s29-trainspeed).
def test_a_worker_killed_after_the_first_fold_leaves_the_rest_to_this_process(
    pages,
    serial,
    parallel,
    monkeypatch,
):
    pools = []
    real = structure_folds._pool
    monkeypatch.setattr(structure_folds, "_pool", lambda *a: pools.append(real(*a)) or pools[-1])
    prepared = st.model._prepared(pages)
    seqs = [p.sequence for p in prepared]
    crfs = structure_folds.fold_crfs(seqs, 3, st.model.TRAIN_PARAMS, "k", None)
    got = [next(crfs)]
    assert pools and pools[0] is not None
    for pid in list(pools[0]._processes):
        os.kill(pid, signal.SIGKILL)
    got += list(crfs)
    want = [structure_folds.crf_bytes(seqs, st.model.TRAIN_PARAMS, k, 3) for k in range(3)]
    assert got == want
    # the whole's model died with them; unless the workers had trained it and every fold
    # before the kill (this process held off the CPU that long on a busy machine): then
    # it is the one trained here
    beside = structure_folds.take_beside_folds("k")
    assert beside is None or beside[0] == structure_folds.crf_bytes(seqs, st.model.TRAIN_PARAMS)
    # and after it, a whole cross-validation still gives the serial figures and model
    figures = st.cross_validate(pages, 3)
    assert figures == serial[0]
    assert st.train(pages, figures) == serial[1]
