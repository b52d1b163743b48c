"""The worker processes that prepare the pages of a large import, in file order, a few
chunks ahead; small imports are prepared in this process.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.pipeline.learnt_models import load_entity_model
from annotator.pipeline.prepared import Prepared, _Settings, prepare, prepare_many
from annotator.processes import end_with_parent, start_method

# Below this many files, starting worker processes costs more than it saves.
_PARALLEL_FROM = 64


# Files sent to a worker at a time: fewer round trips, yet the last chunks stay short.
_CHUNK = 8


# Chunks sent ahead per worker: enough to keep the workers busy, few enough that pages
# prepared faster than they are stored (an import without suggestions) do not pile up.
_AHEAD = 4


_worker_settings = _Settings()


_WARMUP = "annotator.worker_warmup"


_worker_tagger: Any = None


def _init_worker(settings: _Settings) -> None:
    global _worker_settings, _worker_tagger
    end_with_parent()  # first: until then a killed parent leaves this worker running
    # Ctrl+C reaches every process of the terminal's group: the parent alone answers it
    # (stores what is prepared, then ends its workers), so a worker does not die mid-chunk
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_settings = settings
    _worker_tagger = load_entity_model(settings.entities)  # once per worker


def _prepare_chunk(paths: list[str]) -> list[tuple[Any, ...]]:
    # Paths go out as strings and pages come back as plain tuples of strings and flat
    # lists of row values (Prepared.wire), which cross the process boundary far faster
    # than objects. The chunk's pages are prepared together, each stage over all of them
    # (prepare_many: the rules' tables stay in the CPU caches from page to page).
    settings = _worker_settings
    files = [Path(path) for path in paths]
    prepared = prepare_many(
        [(file, settings.paper_of(file)) for file in files],
        settings.gazetteer,
        settings.suggest,
        settings.structure,
        _worker_tagger,
        settings.max_bytes,
        settings.known,
    )
    return [p.wire() for p in prepared]


def _context(settings: _Settings) -> Any:
    """The multiprocessing context of the workers. Forked workers inherit what is loaded
    here once, instead of each loading it before its first page: jieba's short words (the
    joins' cut-word cue and the running-name rule read them; 0.3 s of CPU a worker), the
    rules' page-scan automaton and what else their first page builds (0.05-0.08 s a
    worker; :mod:`annotator.worker_warmup`) and, with a learnt entity tagger, the tagger
    and its dictionary matchers (1.1 s)."""
    method = _start_method()
    if method == "forkserver":
        # Workers forked by the forkserver start ready: it loads what they need once
        # (annotator.worker_warmup), if it is not running yet (else nothing changes).
        multiprocessing.get_context(method).set_forkserver_preload([_WARMUP])
    if method == "fork":
        from annotator import short_words

        with contextlib.suppress(Exception):  # no jieba, or a broken cache: each finds out
            short_words.dictionary()
        if settings.suggest:
            # importing it warms the rules once a process (it never raises): what it builds
            # is kept, and an import without suggestions does not pay for it
            from annotator import worker_warmup  # noqa: F401
        tagger = load_entity_model(settings.entities)
        if tagger is not None:
            tagger.tag_line("预热")  # builds the matchers of its word features
    return multiprocessing.get_context(method)


def _start_method() -> str:
    return start_method()  # fork where safe, else forkserver (annotator.processes)


@contextmanager
def _preparer(
    count: int, settings: _Settings
) -> Iterator[Callable[[list[Path]], Iterator[Prepared]]]:
    """What prepares the files of an import, in file order: this process for a few files
    (or one core), else a pool of worker processes, shut down when the import ends."""
    workers = os.cpu_count() or 1
    here = _here(settings)
    if count < _PARALLEL_FROM or workers < 2:
        yield lambda files: (here(p) for p in files)
        return
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(settings),
        initializer=_init_worker,
        initargs=(settings,),
    )
    try:
        yield lambda files: _in_pool(executor, workers, files, here)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _here(settings: _Settings) -> Callable[[Path], Prepared]:
    """Prepare one file in this process (the entity tagger loaded at the first file)."""

    @lru_cache(maxsize=1)
    def tagger() -> Any:  # loaded here only if pages are prepared in this process
        return load_entity_model(settings.entities)

    def here(p: Path) -> Prepared:
        return prepare(
            p,
            settings.gazetteer,
            settings.suggest,
            settings.structure,
            settings.paper_of(p),
            tagger(),
            settings.max_bytes,
            settings.known,
        )

    return here


def _in_pool(
    executor: ProcessPoolExecutor,
    workers: int,
    files: list[Path],
    here: Callable[[Path], Prepared],
) -> Iterator[Prepared]:
    """``files`` prepared by the pool's workers, a few chunks at a time, in file order (the
    results come back in that order); the rest ``here`` when the pool breaks."""
    unsent = (files[i : i + _CHUNK] for i in range(0, len(files), _CHUNK))
    waiting: deque[tuple[list[Path], Future[list[tuple[Any, ...]]]]] = deque()

    def send(n: int) -> None:
        for chunk in itertools.islice(unsent, n):
            waiting.append((chunk, executor.submit(_prepare_chunk, [str(p) for p in chunk])))

    done = 0
    try:
        send(_AHEAD * workers)
        while waiting:
            chunk, future = waiting.popleft()
            wires = future.result()
            send(1)
            for path, wire in zip(chunk, wires, strict=True):
                yield Prepared.from_wire(path, wire)
                done += 1
    except BrokenProcessPool:
        # A worker could not start or died (e.g. no importable __main__): carry on here.
        yield from (here(p) for p in files[done:])
