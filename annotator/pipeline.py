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
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.importing import (
    MAX_PAGE_BYTES,
    ImportRefused,
    check_page_size,
    decode_page_bytes,
    discover,
    page_id_for,
    sha256_of,
    unreadable_reason,
)
from annotator.messages import msg
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
    # Files changed since their import: (path, what happened, naming both pages).
    changed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One sentence: counts of imported, skipped and refused files."""
        text = (
            f"Imported {len(self.imported)} page(s), skipped {len(self.skipped)} already "
            f"present, refused {len(self.refused)}"
        )
        if self.changed:
            text += f", {len(self.changed)} changed since their import"
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
    max_page_bytes: int = MAX_PAGE_BYTES,
) -> ImportReport:
    """Import page files and folders (``.txt``/``.md``, recursive) into ``store``.

    Large batches are split and pre-annotated by worker processes (one per core) while
    this process stores the pages, each in its own transaction, in file order. Files
    bigger than ``max_page_bytes`` are refused. A file changed since its import replaces
    its page if nobody has reviewed that page yet; otherwise it is imported beside it as
    ``stem~hash``. Both are reported in ``changed``.
    """
    report = ImportReport()
    given = [Path(p) for p in paths]
    for path in given:
        if not _lexists(path):
            report.refused.append((str(path), msg("no such file or folder; check the path")))
    files = discover([p for p in given if _lexists(p)], report.refused)
    fresh = _drop_known(store, files, report, max_page_bytes)
    gazetteer = learnt_gazetteer(store) if suggest else None
    with _preparer(len(fresh), gazetteer, suggest, max_page_bytes) as prepare_all:
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


def prepare(
    path: Path, gazetteer: Gazetteer | None, suggest: bool, max_bytes: int = MAX_PAGE_BYTES
) -> Prepared:
    """Read, decode, pre-split and pre-annotate one page file (pure: no database)."""
    try:
        check_page_size(path, path.stat().st_size, max_bytes)  # before reading 50 MB
        data = path.read_bytes()
    except OSError as exc:
        return Prepared(path, refusal=unreadable_reason(exc))
    except ImportRefused as exc:
        return Prepared(
            path, refusal=msg("{reason}; {advice}", reason=exc.reason, advice=exc.advice)
        )
    try:
        text = decode_page_bytes(data, str(path))
    except ImportRefused as exc:
        return Prepared(path, sha256_of(data), refusal=exc.reason)
    blocks = split_page(text)
    spans = suggest_spans(text, gazetteer=gazetteer, blocks=blocks) if suggest else []
    return Prepared(path, sha256_of(data), text, blocks, spans)


def _drop_known(
    store: Store, files: list[Path], report: ImportReport, max_bytes: int = MAX_PAGE_BYTES
) -> list[Path]:
    """Files whose bytes are not in the database yet (the others are reported skipped)."""
    fresh = []
    for path in files:
        try:
            too_big = path.stat().st_size > max_bytes
            existing = None if too_big else store.page_for_sha256(sha256_of(path.read_bytes()))
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
    stem = prepared.path.stem
    if page_id != stem and _same_file(store.page(stem).source, prepared.path):
        if _replace_changed(store, stem, replace(page, id=stem), prepared, report):
            return
        report.changed.append(
            (
                str(prepared.path),
                msg(
                    "changed since its import; page {page} has reviews and is kept as it was, "
                    "the new version is page {new}",
                    page=stem,
                    new=page_id,
                ),
            )
        )
    store.add_page(page, prepared.blocks, prepared.spans, prepared.encoded)
    report.imported.append((str(prepared.path), page_id))


def _replace_changed(
    store: Store, page_id: str, page: Page, prepared: Prepared, report: ImportReport
) -> bool:
    """A changed file's new version replaces its page if nobody has reviewed it yet."""
    if not store.replace_unreviewed_page(
        page_id, page, prepared.encoded, prepared.blocks, prepared.spans
    ):
        return False
    note = msg(
        "changed since its import; page {page} had not been reviewed, so it now holds the "
        "new version",
        page=page_id,
    )
    report.changed.append((str(prepared.path), note))
    report.imported.append((str(prepared.path), page_id))
    return True


def _same_file(source: str, path: Path) -> bool:
    """Whether a page's recorded source is the file at ``path`` (as given, or resolved)."""
    if source == str(path):
        return True
    try:
        return Path(source).resolve() == path.resolve()
    except (OSError, RuntimeError):
        return False


def _lexists(path: Path) -> bool:
    return path.exists() or path.is_symlink()  # a looping link "does not exist"


# --- worker processes -----------------------------------------------------------------

# Below this many files, starting worker processes costs more than it saves.
_PARALLEL_FROM = 64
_worker_settings: tuple[Gazetteer | None, bool] = (None, True)
_worker_max_bytes = MAX_PAGE_BYTES


def _init_worker(
    gazetteer: Gazetteer | None, suggest: bool, max_bytes: int = MAX_PAGE_BYTES
) -> None:
    global _worker_settings, _worker_max_bytes
    _worker_settings = (gazetteer, suggest)
    _worker_max_bytes = max_bytes
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
    prepared = prepare(path, gazetteer, suggest=False, max_bytes=_worker_max_bytes)
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
    count: int, gazetteer: Gazetteer | None, suggest: bool, max_bytes: int = MAX_PAGE_BYTES
) -> Iterator[Callable[[list[Path]], Iterator[Prepared]]]:
    workers = os.cpu_count() or 1
    if count < _PARALLEL_FROM or workers < 2:
        yield lambda files: (prepare(p, gazetteer, suggest, max_bytes) for p in files)
        return
    context = multiprocessing.get_context(_start_method())
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(gazetteer, suggest, max_bytes),
    )

    def prepare_all(files: list[Path]) -> Iterator[Prepared]:
        done = 0
        try:
            for prepared in executor.map(_prepare_in_worker, files, chunksize=8):
                yield prepared
                done += 1
        except BrokenProcessPool:
            # A worker could not start or died (e.g. no importable __main__): carry on here.
            yield from (prepare(p, gazetteer, suggest, max_bytes) for p in files[done:])

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
