"""Where the structure model's trainings run: the folds of its cross-validation and the
model of all the pages, one worker process a core when there are enough pages for it to
pay, else one after another in this process; the same bytes either way.

Every page's features are made once (:func:`annotator.learn.structure.model._prepared`);
the folds and the model of all the pages differ only in which pages' feature sequences
crfsuite learns from, so a worker gets the sequences of every page once (inherited where
it is forked) and then trains on the pages of a fold, sent as the fold's number. A fold
holds out every ``folds``-th page (as :func:`cross_validate` deals them).

``annotator train`` cross-validates and then trains on the same pages: the model of all
the pages needs no figures (they only choose what it takes over, in its header), so it
is trained in the pool beside the folds, submitted first as the longest job (6 trainings
on 2 cores: it fills the core the last fold leaves idle) and kept for ``train`` to take
(:func:`take_beside_folds`), once, for the same pages only.

Light on imports (pycrfsuite and the standard library): a worker started by the
forkserver or by spawn loads this module alone before its first fold.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

# A page's features and gold labels, block by block (None: a page with no block).
PageSequence = tuple[list[list[str]], list[str]]
Sequences = Sequence[PageSequence | None]

# Below this many pages, starting worker processes costs more than it saves: a fold of 40
# pages trains in about 0.2 s of CPU, a worker started by the forkserver or by spawn costs
# about as much before its first fold.
PARALLEL_FROM_PAGES = 60

# the crfsuite model of all the pages that :func:`fold_crfs` trained beside the folds, under
# the pages' key, with what the caller kept with it
_cache: dict[str, tuple[str, bytes, Any]] = {}


def crf_bytes(
    sequences: Sequences, params: dict[str, Any], fold: int = -1, folds: int = 1
) -> bytes:
    """The crfsuite model learnt from ``sequences`` (deterministic: the same sequences in
    the same order give the same bytes); with ``fold`` >= 0, from all of them but every
    ``folds``-th from ``fold`` on (the pages a fold holds out)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(params)
    for i, sequence in enumerate(sequences):
        if sequence is not None and (fold < 0 or i % folds != fold):
            trainer.append(*sequence)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "structure.crfsuite")
        trainer.train(path)
        with open(path, "rb") as handle:
            return handle.read()


def fold_crfs(
    sequences: Sequences, folds: int, params: dict[str, Any], key: str = "", kept: Any = None
) -> Iterator[bytes]:
    """The crfsuite model of each fold, in fold order (fold ``k`` learns from every page
    but those ``i`` with ``i % folds == k``). In worker processes when there are
    :data:`PARALLEL_FROM_PAGES` pages, more than one core and processes can be started
    here; then the model of all the pages is trained beside them and kept under ``key``
    with ``kept`` for :func:`take_beside_folds`. Each fold's model comes as soon as it is trained, so
    that the caller predicts its held-out pages while the workers train the next."""
    workers = min(folds + 1, os.cpu_count() or 1)
    pool = _pool(sequences, params, workers) if len(sequences) >= PARALLEL_FROM_PAGES else None
    if pool is None:
        for fold in range(folds):
            yield crf_bytes(sequences, params, fold, folds)
        return
    done = 0
    try:
        whole: Future[bytes] = pool.submit(_train_in_worker, -1, 1)
        jobs = [pool.submit(_train_in_worker, fold, folds) for fold in range(folds)]
        for job in jobs:
            crf = job.result()
            done += 1
            yield crf
        _cache["beside_folds"] = (key, whole.result(), kept)
    except BrokenProcessPool:  # a worker could not start or died: the rest in this process
        for fold in range(done, folds):
            yield crf_bytes(sequences, params, fold, folds)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def take_beside_folds(key: str) -> tuple[bytes, Any] | None:
    """The crfsuite model of all the pages and what was kept with it, if :func:`fold_crfs`
    trained it beside the folds of the same pages (``key``); None otherwise. Taken once: a
    later training trains again."""
    mine, crf, kept = _cache.pop("beside_folds", ("", b"", None))
    return (crf, kept) if mine and mine == key else None


def pages_key(pages: Sequence[tuple[str, str, str, Sequence[Any]]]) -> str:
    """A digest of ``(id, paper, text, gold blocks)`` of pages in training order: the same
    digest, the same feature sequences and so the same crfsuite bytes."""
    digest = hashlib.sha256()
    for page_id, paper, text, gold in pages:
        blocks = [(b.start, b.end, b.role, b.article, b.joins_previous) for b in gold]
        digest.update(repr((page_id, paper, text, blocks)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _pool(sequences: Sequences, params: dict[str, Any], workers: int) -> ProcessPoolExecutor | None:
    """A pool of ``workers`` processes holding ``sequences``; None where it would not pay
    (one core) or processes cannot be started here (a daemonic process, no more processes
    allowed, no working multiprocessing)."""
    from annotator.processes import can_start_workers, pool_context

    if workers < 2 or not can_start_workers():
        return None
    try:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=pool_context(),
            initializer=_init_worker,
            initargs=(sequences, params),
        )
    except (OSError, ValueError, NotImplementedError, ImportError):
        return None


# What a worker trains from: every page's sequences and the parameters (set once a worker).
_work: tuple[Sequences, dict[str, Any]] = ((), {})


def _init_worker(sequences: Sequences, params: dict[str, Any]) -> None:
    global _work
    from annotator.processes import end_with_parent

    # first: a killed trainer (the window's training process, annotator train) takes its
    # fold workers with it; they would otherwise wait for more folds forever
    end_with_parent()
    _work = (sequences, params)


def _train_in_worker(fold: int, folds: int) -> bytes:
    sequences, params = _work
    return crf_bytes(sequences, params, fold, folds)
