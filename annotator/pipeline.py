"""Import and re-suggest pipelines shared by the command line and the window's worker.

Import: discover files, decode, pre-split, suggest, store each page in its own
transaction. A file that cannot be read or decoded is refused with a reason and the rest
of the batch goes on; a file whose bytes are already present is skipped. A progress
callback may cancel between files, which never leaves half a page behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.process
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.importing import ImportRefused, decode_page_bytes, discover, page_id_for, sha256_of
from annotator.model import Block, Page, Span
from annotator.split import split_page
from annotator.store import EncodedPage, Store, encode_page_rows, suggestion_rows
from annotator.suggest import Gazetteer, suggest_spans, suggestion_tuples

# The full-text index is filled in batches: per page it would cost more than the import.
_INDEX_EVERY = 256

# progress(done, total, current file) -> False to cancel
Progress = Callable[[int, int, str], bool]


@dataclass
class ImportReport:
    """What an import did, file by file."""

    imported: list[tuple[str, str]] = field(default_factory=list)  # (path, page id)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, existing page id)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    cancelled: bool = False

    def summary(self) -> str:
        """One sentence: counts of imported, skipped and refused files."""
        text = (
            f"Imported {len(self.imported)} page(s), skipped {len(self.skipped)} already "
            f"present, refused {len(self.refused)}"
        )
        return text + (" (cancelled)." if self.cancelled else ".")


def learnt_gazetteer(store: Store) -> Gazetteer:
    """The gazetteer learnt from every span reviewers accepted or rejected so far."""
    accepted, rejected = store.decided_span_counts()
    return Gazetteer.from_counts(accepted, rejected)


def import_paths(
    store: Store,
    paths: Sequence[Path | str],
    *,
    suggest: bool = True,
    progress: Progress | None = None,
) -> ImportReport:
    """Import page files and folders (``.txt``/``.md``, recursive) into ``store``.

    Large batches are split and pre-annotated by worker processes (one per core) while
    this process stores the pages, each in its own transaction, in file order.
    """
    report = ImportReport()
    for path in map(Path, paths):
        if not path.exists():
            report.refused.append((str(path), "no such file or folder; check the path"))
    files = discover([Path(p) for p in paths if Path(p).exists()])
    fresh = _drop_known(store, files, report)
    gazetteer = learnt_gazetteer(store) if suggest else None
    with _preparer(len(fresh), gazetteer, suggest) as prepare_all:
        for done, prepared in enumerate(prepare_all(fresh)):
            if progress is not None and not progress(done, len(fresh), str(prepared.path)):
                report.cancelled = True
                break
            _store_prepared(store, prepared, report)
            if done % _INDEX_EVERY == _INDEX_EVERY - 1:
                store.index_search()
    store.index_search()
    if progress is not None and not report.cancelled:
        progress(len(fresh), len(fresh), "")
    return report


@dataclass
class Prepared:
    """One file read, decoded, pre-split and pre-annotated, ready to store."""

    path: Path
    sha256: str = ""
    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    refusal: str | None = None
    encoded: EncodedPage | None = None  # set by worker processes, instead of blocks/spans


def prepare(path: Path, gazetteer: Gazetteer | None, suggest: bool) -> Prepared:
    """Read, decode, pre-split and pre-annotate one page file (pure: no database)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Prepared(path, refusal=f"cannot read the file ({exc.strerror or exc})")
    try:
        text = decode_page_bytes(data, str(path))
    except ImportRefused as exc:
        return Prepared(path, sha256_of(data), refusal=exc.reason)
    blocks = split_page(text)
    spans = suggest_spans(text, gazetteer=gazetteer, blocks=blocks) if suggest else []
    return Prepared(path, sha256_of(data), text, blocks, spans)


def _drop_known(store: Store, files: list[Path], report: ImportReport) -> list[Path]:
    """Files whose bytes are not in the database yet (the others are reported skipped)."""
    fresh = []
    for path in files:
        try:
            existing = store.page_for_sha256(sha256_of(path.read_bytes()))
        except OSError:
            existing = None  # prepare() reports the reason
        if existing is None:
            fresh.append(path)
        else:
            report.skipped.append((str(path), existing))
    return fresh


def _store_prepared(store: Store, prepared: Prepared, report: ImportReport) -> None:
    if prepared.refusal is not None:
        report.refused.append((str(prepared.path), prepared.refusal))
        return
    existing = store.page_for_sha256(prepared.sha256)
    if existing is not None:  # the same bytes twice in one batch
        report.skipped.append((str(prepared.path), existing))
        return
    page_id = page_id_for(prepared.path, prepared.sha256, store.has_page)
    page = Page(page_id, prepared.text, str(prepared.path), prepared.sha256)
    store.add_page(page, prepared.blocks, prepared.spans, prepared.encoded)
    report.imported.append((str(prepared.path), page_id))


# --- worker processes -----------------------------------------------------------------

# Below this many files, starting worker processes costs more than it saves.
_PARALLEL_FROM = 64
_worker_settings: tuple[Gazetteer | None, bool] = (None, True)


def _init_worker(gazetteer: Gazetteer | None, suggest: bool) -> None:
    global _worker_settings
    _worker_settings = (gazetteer, suggest)
    end_with_parent()


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def end_with_parent() -> None:
    """Make this worker process end when the process that started it ends, however it ends.

    After ``kill -9`` of an import, its workers would otherwise run on (seen 96 s later,
    holding the database open). On Linux the kernel kills the worker when its parent dies
    (``prctl(PR_SET_PDEATHSIG)``); everywhere, a thread waits on multiprocessing's parent
    sentinel (a pipe or handle that closes when the parent dies) and ends the process.
    """
    parent_pid = os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent_pid:  # the parent died before prctl took effect
            os._exit(1)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent's sentinel closes: the parent has ended
    os._exit(1)


def _prepare_in_worker(path: Path) -> Prepared:
    # Encode the rows here, in parallel, and send back plain tuples and strings, which
    # cross the process boundary far faster than hundreds of dataclasses (the suggestions
    # go from tuples to rows without ever being Span objects).
    gazetteer, suggest = _worker_settings
    prepared = prepare(path, gazetteer, suggest=False)
    if prepared.refusal is None:
        chosen = (
            suggestion_tuples(prepared.text, gazetteer=gazetteer, blocks=prepared.blocks)
            if suggest
            else []
        )
        prepared.encoded = encode_page_rows(prepared.blocks, suggestion_rows(chosen))
        prepared.blocks = []
    return prepared


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    # fork starts workers at once, but forking a process that runs other threads can
    # deadlock the child. Qt's threads (the window, its import worker) are invisible to
    # the threading module, so a loaded Qt counts as threads too: then use forkserver.
    qt_loaded = any(name.startswith("PySide6.Qt") for name in sys.modules)
    if "fork" in methods and threading.active_count() == 1 and not qt_loaded:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


@contextmanager
def _preparer(
    count: int, gazetteer: Gazetteer | None, suggest: bool
) -> Iterator[Callable[[list[Path]], Iterator[Prepared]]]:
    workers = os.cpu_count() or 1
    if count < _PARALLEL_FROM or workers < 2:
        yield lambda files: (prepare(p, gazetteer, suggest) for p in files)
        return
    context = multiprocessing.get_context(_start_method())
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(gazetteer, suggest),
    )

    def prepare_all(files: list[Path]) -> Iterator[Prepared]:
        done = 0
        try:
            for prepared in executor.map(_prepare_in_worker, files, chunksize=8):
                yield prepared
                done += 1
        except BrokenProcessPool:
            # A worker could not start or died (e.g. no importable __main__): carry on here.
            yield from (prepare(p, gazetteer, suggest) for p in files[done:])

    try:
        yield prepare_all
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def resuggest(
    store: Store,
    page_ids: Sequence[str] | None = None,
    *,
    use_model: bool = False,
    progress: Progress | None = None,
) -> int:
    """Re-run the suggesters on pages; accepted, rejected and human spans stay as they are.

    Returns the number of suggestions now open on those pages.
    """
    gazetteer = learnt_gazetteer(store)
    ids = list(page_ids) if page_ids is not None else store.page_ids()
    total = 0
    for done, page_id in enumerate(ids):
        if progress is not None and not progress(done, len(ids), page_id):
            break
        page = store.page(page_id)
        spans = suggest_spans(
            page.text,
            gazetteer=gazetteer,
            use_model=use_model,
            blocks=store.blocks(page_id),
            rejected=store.rejected_ranges(page_id),
        )
        total += store.replace_suggestions(page_id, spans)
    return total
