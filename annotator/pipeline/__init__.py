"""Import and re-suggest pipelines shared by the command line and the window's worker.

Import: discover files; read, hash, decode, pre-split and suggest each once (in worker
processes for large batches); store the pages in file order, a batch of pages per
transaction. A file that cannot be read or decoded is refused with a reason and the rest
of the batch goes on; a file whose bytes are already present is skipped. A progress
callback may cancel between files, which keeps every page before and never half a page.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Container, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.importing import (
    MAX_PAGE_BYTES,
    SQLITE_HEADER,
    ImportRefused,
    check_page_size,
    decode_page_bytes,
    discover,
    page_id_for,
    refuse_database,
    sha256_of,
    unreadable_reason,
)
from annotator.messages import msg
from annotator.model import Block, Page, Span
from annotator.processes import end_with_parent
from annotator.split import split_page
from annotator.store import EncodedPage, Store, encode_page_values, suggestion_values
from annotator.suggest import Gazetteer, suggest_spans, suggestion_tuples

if TYPE_CHECKING:
    from annotator.edits import Op, PageState
    from annotator.formats.segmentation import SegmentedPage

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
    interrupted: bool = False  # by Ctrl+C (KeyboardInterrupt): cancelled too
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
        if self.interrupted:
            return text + " (interrupted)."
        return text + (" (cancelled)." if self.cancelled else ".")


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl+C during :func:`import_paths`, raised once the pages prepared before it are
    stored: ``report`` says what the database holds (each of its pages whole). Still a
    KeyboardInterrupt for callers that do not look for it."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(report.summary())
        self.report = report


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
    paper: str | None = None,
    max_page_bytes: int = MAX_PAGE_BYTES,
) -> ImportReport:
    """Import page files and folders (``.txt``/``.md``, recursive) into ``store``.

    Large batches are split and pre-annotated by worker processes (one per core) while
    this process stores the pages in file order, many pages per transaction (a crash loses
    at most the batch in flight, never part of a page). Pages carry their newspaper:
    ``paper``, else the name of the folder each file is in. Once a structure model was
    trained (``annotator train``), it pre-splits the pages.
    Files bigger than ``max_page_bytes`` are refused. A file changed since its import
    replaces its page if nobody has reviewed that page yet; otherwise it is imported beside
    it as ``stem~hash``. Both are reported in ``changed``.
    """
    report = ImportReport()
    given = [Path(p) for p in paths]
    for path in given:
        if not _lexists(path):
            report.refused.append((str(path), msg("no such file or folder; check the path")))
    files = discover([p for p in given if _lexists(p)], report.refused)
    writer = _PageWriter(store, report)
    gazetteer = learnt_gazetteer(store) if suggest else None
    structure = store.latest_model("structure")
    settings = _Settings(
        gazetteer,
        suggest,
        structure.data if structure else None,
        paper,
        entity_model_bytes(store) if suggest else None,
        max_page_bytes,
        frozenset(writer.known),
    )
    try:
        with _preparer(len(files), settings) as prepare_all:
            for done, prepared in enumerate(prepare_all(files)):
                if progress is not None and not progress(done, len(files), str(prepared.path)):
                    report.cancelled = True
                    break
                writer.add(prepared)
    except KeyboardInterrupt:
        # Ctrl+C: the pages prepared before it are stored, as a cancel stores them (a
        # batch is stored and reported together or not at all; never half a page)
        report.cancelled = report.interrupted = True
        with contextlib.suppress(KeyboardInterrupt):  # another: held until it is reported
            writer.flush()
        raise ImportInterrupted(report) from None
    writer.flush()  # the whole pages prepared before a cancel are kept
    store.index_search()
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


@dataclass
class Prepared:
    """One file read, hashed, decoded, pre-split and pre-annotated, ready to store; or why
    it cannot be (``refusal``); only read and hashed when its bytes are in the database
    already (the parent knows those hashes and skips it)."""

    path: Path
    sha256: str = ""
    text: str = ""
    encoded: EncodedPage | None = None  # its blocks and suggestions as the rows stored
    refusal: str | None = None
    paper: str = ""

    def wire(self) -> tuple[Any, ...]:
        """The fields as one tuple of strings and lists of row values, for the trip from a
        worker process: no path (the parent has it) and no dataclass to rebuild on arrival."""
        head = (self.sha256, self.text, self.refusal, self.paper)
        e = self.encoded
        if e is None:
            return head
        return (*head, e.block_values, e.span_values)

    @classmethod
    def from_wire(cls, path: Path, wire: tuple[Any, ...]) -> Prepared:
        sha256, text, refusal, paper, *rows = wire
        encoded = EncodedPage(*rows) if rows else None
        return cls(path, sha256, text, encoded, refusal, paper)


@dataclass
class _Settings:
    """What every file of one import is prepared with (sent once to each worker process)."""

    gazetteer: Gazetteer | None = None
    suggest: bool = True
    structure: bytes | None = None  # the newest structure model, if one was trained
    paper: str | None = None  # None: the name of each file's folder
    entities: bytes | None = None  # the newest entity tagger, if one was trained
    max_bytes: int = MAX_PAGE_BYTES  # bigger files are refused (--max-page-size)
    known: frozenset[str] = frozenset()  # content hashes of the pages already stored

    def paper_of(self, path: Path) -> str:
        if self.paper is not None:
            return self.paper
        try:
            return path.resolve().parent.name
        except (OSError, RuntimeError):  # a link loop: refused later, by name
            return path.absolute().parent.name


@lru_cache(maxsize=4)
def learnt_model(kind: str, data: bytes) -> tuple[Any, str | None]:
    """The model of ``kind`` (a key of ``learn.LEARNERS``) in ``data``, loaded once per
    process by its learner's ``load``, or None and why it cannot be used (made by an older
    version: retrain; crfsuite missing: no reason, it cannot be trained either). Cached
    either way, so a refused model costs one attempt, not one a page."""
    from annotator.learn import LEARNERS

    try:
        return _learner(LEARNERS[kind]).load(data), None
    except ImportError:
        return None, None
    except ValueError as exc:
        return None, str(exc)


def presplit(text: str, paper: str, structure: bytes | None) -> list[Block]:
    """The first split of a page: the structure model's if one was trained and can be used,
    else the rules' (``stale_model`` says why a trained one is not used)."""
    model = None if structure is None else learnt_model("structure", structure)[0]
    if model is None:
        return split_page(text)
    return model.split(text, paper)


def prepare(
    path: Path,
    gazetteer: Gazetteer | None,
    suggest: bool,
    structure: bytes | None = None,
    paper: str = "",
    tagger: Any = None,
    max_bytes: int = MAX_PAGE_BYTES,
    known: frozenset[str] = frozenset(),
) -> Prepared:
    """Read, hash, decode, pre-split and pre-annotate one page file (pure: no database).

    The file is read and hashed once; when its hash is in ``known`` (a page holds these
    bytes already) nothing more is done. The blocks and suggestions are encoded here into
    the rows the store inserts (one way, whichever process prepares the page), so that
    worker processes do it in parallel. ``tagger`` is the learnt entity model, if any.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:  # a database is big: say what it is, not only that
            with path.open("rb") as f:
                refuse_database(path, f.read(len(SQLITE_HEADER)))
        check_page_size(path, size, max_bytes)  # before reading 50 MB
        data = path.read_bytes()
        refuse_database(path, data)
    except OSError as exc:
        return Prepared(path, refusal=unreadable_reason(exc))
    except ImportRefused as exc:
        return Prepared(
            path, refusal=msg("{reason}; {advice}", reason=exc.reason, advice=exc.advice)
        )
    sha256 = sha256_of(data)
    if sha256 in known:
        return Prepared(path, sha256)
    try:
        text = decode_page_bytes(data, str(path))
    except ImportRefused as exc:
        return Prepared(path, sha256, refusal=exc.reason)
    blocks = presplit(text, paper, structure)
    chosen = (
        suggestion_tuples(text, gazetteer=gazetteer, blocks=blocks, tagger=tagger)
        if suggest
        else []
    )
    encoded = encode_page_values(blocks, suggestion_values(chosen))
    return Prepared(path, sha256, text, encoded, paper=paper)


# Pages are stored a batch per transaction: a commit per page cost a fifth of the store's
# time. A batch is written once it holds this many pages or its first page has waited this
# long, so a crash loses at most a moment's work, and another window waits for the write
# lock only as long as the inserts of one batch take (a few milliseconds).
_BATCH_PAGES = 64
_BATCH_SECONDS = 0.5


class _PageWriter:
    """Stores prepared pages in file order, a batch per transaction, and reports each file.

    It asks the store about content hashes once, for every page, then only about pages
    other connections added meanwhile (once per batch, under the write lock, and when a
    file's name is taken): a file whose bytes are stored, earlier in this import or by
    another window at the same time, is skipped.
    """

    def __init__(self, store: Store, report: ImportReport) -> None:
        self.store = store
        self.report = report
        self.known, self.top = store.page_ids_by_sha256()  # content hash -> page id
        self.theirs: dict[str, str] = {}  # pages others stored meanwhile, not yet rechecked
        self.pending: list[tuple[Prepared, Page]] = []
        self.pending_ids: set[str] = set()
        self.since = 0.0  # when the first pending page arrived
        self.unindexed = 0  # pages stored since the full-text index was last brought up

    def add(self, prepared: Prepared) -> None:
        """Store ``prepared`` (in the batch), or report why not."""
        if prepared.refusal is not None:
            self.report.refused.append((str(prepared.path), prepared.refusal))
            return
        if self._skip_known(prepared):
            return
        page = self._page(prepared)
        if page is None:
            return
        if not self.pending:
            self.since = time.monotonic()
        self._hold(prepared, page)
        if len(self.pending) >= _BATCH_PAGES or time.monotonic() - self.since >= _BATCH_SECONDS:
            self.flush()

    def _skip_known(self, prepared: Prepared) -> bool:
        existing = self.known.get(prepared.sha256)
        if existing is None:
            return False
        # stored before, or the same bytes earlier in this import
        self.report.skipped.append((str(prepared.path), existing))
        return True

    def _hold(self, prepared: Prepared, page: Page) -> None:
        self.pending.append((prepared, page))
        self.pending_ids.add(page.id)
        self.known[prepared.sha256] = page.id

    def _taken(self, page_id: str) -> bool:
        return page_id in self.pending_ids or self.store.has_page(page_id)

    def _page(self, prepared: Prepared) -> Page | None:
        """The page to store for ``prepared``; None when it is skipped after all or when it
        replaced the page of its file's earlier version."""
        path, stem = prepared.path, prepared.path.stem
        if stem not in self.pending_ids:
            if not self.store.has_page(stem):  # the usual case: one question per file
                return Page(stem, prepared.text, str(path), prepared.sha256, paper=prepared.paper)
            # The name is taken: by another program that stored this very file meanwhile,
            # by the file's earlier version, or by another file of the same name.
            self._catch_up()
            if self._skip_known(prepared):
                return None
            if _same_file(self.store.page(stem).source, path):
                return self._changed(prepared, stem)
        page_id = page_id_for(path, prepared.sha256, self._taken)
        return Page(page_id, prepared.text, str(path), prepared.sha256, paper=prepared.paper)

    def _changed(self, prepared: Prepared, stem: str) -> Page | None:
        """A file changed since its import: its new version replaces the page if nobody has
        reviewed it, else it is stored beside it (returned)."""
        path = prepared.path
        page = Page(stem, prepared.text, str(path), prepared.sha256, paper=prepared.paper)
        self.flush()  # the replacement is a transaction of its own, after the pages before
        with _interrupts_deferred():  # replaced and reported together, as a batch
            replaced = _replace_changed(self.store, stem, page, prepared, self.report)
        if replaced:
            self.known[prepared.sha256] = stem
            return None
        page_id = page_id_for(path, prepared.sha256, self._taken)
        self.report.changed.append(
            (
                str(path),
                msg(
                    "changed since its import; page {page} has reviews and is kept as it was, "
                    "the new version is page {new}",
                    page=stem,
                    new=page_id,
                ),
            )
        )
        return replace(page, id=page_id)

    def _catch_up(self) -> None:
        """Learn the pages other connections stored since we last looked."""
        theirs, self.top = self.store.page_ids_by_sha256(after=self.top)
        for sha256, page_id in theirs.items():
            self.theirs.setdefault(sha256, page_id)
            if self.known.get(sha256) not in self.pending_ids:  # ours pending: see _recheck
                self.known.setdefault(sha256, page_id)

    def flush(self) -> None:
        """Store the pending pages in one transaction; then they are reported imported.

        A Ctrl+C meanwhile waits until both are done, so that the report always says
        exactly which pages the database holds (see :func:`_interrupts_deferred`)."""
        if not self.pending:
            return
        store = self.store
        with _interrupts_deferred():
            with store.import_batch():
                self._catch_up()
                batch = self._recheck() if self.theirs else self.pending
                self.top = store.insert_pages([(page, _rows(p)) for p, page in batch])
            self.report.imported.extend((str(p.path), page.id) for p, page in batch)
            self.pending, self.pending_ids = [], set()
        self.unindexed += len(batch)
        if self.unindexed >= _INDEX_EVERY:
            store.index_search()
            self.unindexed = 0

    def _recheck(self) -> list[tuple[Prepared, Page]]:
        """The pending pages still to store once other connections stored pages meanwhile
        (``theirs``): the same bytes are skipped, an id they took is renewed."""
        theirs, self.theirs = self.theirs, {}
        batch, self.pending, self.pending_ids = self.pending, [], set()
        for prepared, page in batch:
            existing = theirs.get(prepared.sha256)
            if existing is not None:
                self.known[prepared.sha256] = existing
                self.report.skipped.append((str(prepared.path), existing))
                continue
            if self.store.has_page(page.id):
                renewed = page_id_for(prepared.path, prepared.sha256, self._taken)
                page = replace(page, id=renewed)
            self._hold(prepared, page)
        return self.pending


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold a Ctrl+C (SIGINT) back until the block is done, then raise it: a batch is
    stored and reported together, or neither. Only where Python's own handler is in place
    in the main thread (the command line); elsewhere (the window's worker thread) no
    Ctrl+C arrives, and the block runs as it is."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt


def _rows(prepared: Prepared) -> EncodedPage:
    if prepared.encoded is None:  # refused and known files never reach the store
        raise ValueError(f"{prepared.path}: not prepared for storing")
    return prepared.encoded


def _replace_changed(
    store: Store, page_id: str, page: Page, prepared: Prepared, report: ImportReport
) -> bool:
    """A changed file's new version replaces its page if nobody has reviewed it yet."""
    if not store.replace_unreviewed_page(page_id, page, _rows(prepared)):
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
    # than objects.
    return [_prepare_in_worker(path) for path in paths]


def _prepare_in_worker(path: str) -> tuple[Any, ...]:
    settings, file = _worker_settings, Path(path)
    prepared = prepare(
        file,
        settings.gazetteer,
        settings.suggest,
        settings.structure,
        settings.paper_of(file),
        _worker_tagger,
        settings.max_bytes,
        settings.known,
    )
    return prepared.wire()


def _context(settings: _Settings) -> Any:
    """The multiprocessing context of the workers. Forked workers inherit what is loaded
    here once, instead of each loading it before its first page: jieba's short words (the
    joins' cut-word cue and the running-name rule read them; 0.3 s of CPU a worker) and,
    with a learnt entity tagger, the tagger and its dictionary matchers (1.1 s)."""
    method = _start_method()
    if method == "forkserver":
        # Workers forked by the forkserver start ready: it loads what they need once
        # (annotator.worker_warmup), if it is not running yet (else nothing changes).
        multiprocessing.get_context(method).set_forkserver_preload([_WARMUP])
    if method == "fork":
        from annotator import short_words

        with contextlib.suppress(Exception):  # no jieba, or a broken cache: each finds out
            short_words.dictionary()
        tagger = load_entity_model(settings.entities)
        if tagger is not None:
            tagger.tag_line("预热")  # builds the matchers of its word features
    return multiprocessing.get_context(method)


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
    count: int, settings: _Settings
) -> Iterator[Callable[[list[Path]], Iterator[Prepared]]]:
    workers = os.cpu_count() or 1

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

    if count < _PARALLEL_FROM or workers < 2:
        yield lambda files: (here(p) for p in files)
        return
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(settings),
        initializer=_init_worker,
        initargs=(settings,),
    )

    def prepare_all(files: list[Path]) -> Iterator[Prepared]:
        # A few chunks at a time, in file order: the results come back in that order.
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

    Pages marked done are left alone: they are gold, and a done page has no open suggestion
    (edits.py refuses to mark one done with any). Returns the number of suggestions now open
    on those pages.
    """
    gazetteer = learnt_gazetteer(store)
    tagger = load_entity_model(entity_model_bytes(store))
    ids = list(page_ids) if page_ids is not None else store.page_ids()
    total = 0
    for done, page_id in enumerate(ids):
        if progress is not None and not progress(done, len(ids), page_id):
            break
        page = store.page(page_id)
        if page.status == "done":
            continue
        spans = suggest_spans(
            page.text,
            gazetteer=gazetteer,
            use_model=use_model,
            blocks=store.blocks(page_id),
            rejected=store.rejected_ranges(page_id),
            tagger=tagger,
        )
        total += store.replace_suggestions(page_id, spans)
    return total


def _from_model(spans: Sequence[Span]) -> bool:
    """Whether any of ``spans`` is a learnt model's open suggestion."""
    return any(s.origin == "model" and s.status == "suggested" for s in spans)


# --- entities: the learnt tagger and gold corpora in the BIO/BIOES layout ---------------


def entity_model_bytes(store: Store) -> bytes | None:
    """The newest learnt entity model's bytes, or None when none was trained yet."""
    record = store.latest_model("entities")
    return record.data if record is not None else None


def stale_model(store: Store, kind: str) -> str | None:
    """Why the newest learnt model of ``kind`` is not used because an older version made it
    (retraining mends that), or None. Without crfsuite no model is used, but retraining
    could not make one either: that is not reported here."""
    record = store.latest_model(kind)
    return None if record is None else learnt_model(kind, record.data)[1]


def stale_models(store: Store) -> dict[str, str]:
    """Why each learnt model that an older version made is not used: kind -> reason."""
    from annotator.learn import LEARNERS

    reasons = {kind: stale_model(store, kind) for kind in sorted(LEARNERS)}
    return {kind: why for kind, why in reasons.items() if why is not None}


def load_entity_model(data: bytes | None) -> Any:
    """The tagger of a model's bytes, loaded once per process; None without a model, or
    when it cannot be used (trained by an older version: retrain; crfsuite missing)."""
    return None if data is None else learnt_model("entities", data)[0]


def import_conll(
    store: Store,
    paths: Sequence[Path | str],
    *,
    sentences_per_page: int = 20,
    labels: dict[str, str] | None = None,
    paper: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import BIO/BIOES files as done pages with accepted spans (origin ``human``).

    Every ``sentences_per_page`` sentences make one page, a sentence a line and a body
    block, all one article. A file is one transaction: a malformed line, an unknown label
    or an unreadable file refuses the whole file (nothing of it is stored) and the batch
    goes on. A file whose first page is already present (same bytes) is skipped. Pages get
    the id ``<stem>-<n>`` and the paper ``paper``, else the file's stem.
    """
    from annotator.formats.conll import ConllError, read_conll

    report = ImportReport()
    known = store.label_names()
    for done, path in enumerate(map(Path, paths)):
        if progress is not None and not progress(done, len(paths), str(path)):
            report.cancelled = True
            break
        try:
            sentences = read_conll(path, labels, known)
            data = path.read_bytes()
        except ConllError as exc:
            report.refused.append((str(path), str(exc).removeprefix(f"{path}: ")))
            continue
        if not sentences:
            report.refused.append((str(path), "no sentences; is it a BIO/BIOES file?"))
            continue
        pages = gold_pages(path, sha256_of(data), sentences, sentences_per_page, paper)
        existing = store.page_for_sha256(pages[0][0].sha256)
        if existing is not None:
            report.skipped.append((str(path), existing))
            continue
        pages = [(_unique_id(store, p), b, s) for p, b, s in pages]
        store.add_gold_pages(pages)
        report.imported.extend((str(path), p.id) for p, _, _ in pages)
    store.index_search()
    if progress is not None and not report.cancelled:
        progress(len(paths), len(paths), "")
    return report


def gold_pages(
    path: Path,
    file_sha256: str,
    sentences: Sequence[tuple[str, Sequence[tuple[int, int, str]]]],
    per_page: int,
    paper: str | None,
) -> list[tuple[Page, list[Block], list[Span]]]:
    """The done pages of a gold file's sentences (pure), ``per_page`` sentences a page.

    A page's ``sha256`` is that of the file's hash and the page number, so importing the
    same file again finds its pages.
    """
    per_page = max(per_page, 1)
    out = []
    for n, first in enumerate(range(0, len(sentences), per_page), 1):
        blocks: list[Block] = []
        spans: list[Span] = []
        at = 0
        for text, entities in sentences[first : first + per_page]:
            blocks.append(Block(at, at + len(text), "body", 1))
            spans += [Span(at + s, at + e, label) for s, e, label in entities]
            at += len(text) + 1
        text = "\n".join(t for t, _ in sentences[first : first + per_page])
        sha = sha256_of(f"{file_sha256}:{n}".encode())
        page = Page(f"{path.stem}-{n:04d}", text, str(path), sha, "done", paper=paper or path.stem)
        out.append((page, blocks, spans))
    return out


def _unique_id(store: Store, page: Page) -> Page:
    """``page`` with an id no page holds yet (``<id>~<hash>`` when its own is taken)."""
    candidate, n = page.id, 1
    while store.has_page(candidate):
        n += 1
        candidate = f"{page.id}~{page.sha256[:8]}" + (f"-{n}" if n > 2 else "")
    return dataclasses.replace(page, id=candidate)


# --- learning from the done pages (issue 9) --------------------------------------------


@dataclass
class TrainedModel:
    """A model ``annotator train`` made and kept: its kind, version, pages and CV figures."""

    kind: str
    version: int
    pages: int
    figures: dict[str, Any]


@dataclass
class TrainReport:
    """What ``annotator train`` did, learner by learner."""

    done_pages: int = 0
    trained: list[TrainedModel] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (kind, why)
    suggested_pages: int = 0  # pages not started re-suggested by the new entity model
    resplit_pages: int = 0  # pages not started re-split by the new structure model


def _learner(path: str) -> Any:
    import importlib

    return importlib.import_module(path)


def train(store: Store, *, folds: int = 5) -> TrainReport:
    """Train every registered learner it has enough done pages for; keep each model.

    Each model is cross-validated on the done pages first (``folds`` folds), then trained
    on all of them and kept in the store with the page count, the papers and the figures.
    A learner that cannot be imported (a missing extra) is skipped with the reason.
    """
    from annotator.learn import LEARNERS

    gold = list(store.iter_pages("done", span_status="accepted"))
    report = TrainReport(done_pages=len(gold))
    for kind, path in sorted(LEARNERS.items()):
        try:
            learner = _learner(path)
        except ImportError as exc:
            report.skipped.append((kind, f"cannot be loaded ({exc})"))
            continue
        need = int(learner.MIN_PAGES)
        if len(gold) < need:
            more = need - len(gold)
            report.skipped.append(
                (kind, f"needs {need} done pages, has {len(gold)}: mark {more} more page(s) done")
            )
            continue
        figures = learner.cross_validate(gold, folds)
        data = learner.train(gold, figures)
        papers = sorted({page.paper for page, _, _ in gold})
        meta = {"cross_validation": figures, "papers": papers, "folds": figures.get("folds")}
        store.save_model(kind, data, pages=len(gold), meta=meta)
        record = store.latest_model(kind)
        version = record.version if record is not None else 0
        report.trained.append(TrainedModel(kind, version, len(gold), figures))
    return report


def resplit(store: Store, *, progress: Progress | None = None) -> tuple[int, str]:
    """Re-split the pages nobody has started with the newest structure model (else the rules).

    Returns the number of pages re-split and what split them. A page that a reviewer opens
    and edits meanwhile is left alone (checked in the transaction that writes).
    """
    record = store.latest_model("structure")
    usable = record is not None and learnt_model("structure", record.data)[0] is not None
    data = record.data if record is not None and usable else None
    what = f"structure model v{record.version}" if record is not None and usable else "the rules"
    ids = store.untouched_page_ids()
    gazetteer, tagger = learnt_gazetteer(store), load_entity_model(entity_model_bytes(store))
    count = 0
    for done, page_id in enumerate(ids):
        if progress is not None and not progress(done, len(ids), page_id):
            break
        page, blocks = store.page(page_id), store.blocks(page_id)
        new = presplit(page.text, page.paper, data)
        if new == blocks:
            count += 1  # split anew, the same: nothing to write
            continue
        # Suggestions made on the old split may cross a break of the new one.
        spans = _suggestions(store, page, new, gazetteer, tagger)
        if store.renew_untouched_page(page_id, new, spans):
            count += 1
    return count, what


def renew_unstarted(
    store: Store,
    *,
    limit: int,
    keep: Container[str] = (),
    split: bool = True,
    suggest: bool = True,
    stop: Callable[[], bool] = lambda: False,
) -> tuple[int, int]:
    """Pre-split (``split``: the newest structure model) and suggest (``suggest``: the
    newest entity model) anew the first ``limit`` pages nobody has started, in page order,
    except ``keep`` (asked again under the write lock: the window's open page changes while
    this runs); returns how many pages got another split and how many the model's
    suggestions.

    The window calls it after it retrained, so that the next pages a reviewer meets carry
    what was learnt. Page by page, the split first and the suggestions on it, both written
    in one transaction: a page is never seen with one and not the other. A page split anew
    is suggested anew too (with the entity model there is, new or not): suggestions made on
    its old split could cross a break the new one puts in. A split that stays the same is
    not written, nor suggestions where neither the new model nor an older one suggests
    anything (import's stay); a page someone starts meanwhile is left alone.
    ``stop()`` is asked before each page (the window closes): the pages written so far are
    whole, the others untouched.
    """
    structure = _usable_model(store, "structure") if split else None
    tagger = load_entity_model(entity_model_bytes(store)) if suggest or structure else None
    suggest = suggest and tagger is not None
    if structure is None and not suggest:
        return 0, 0
    gazetteer = learnt_gazetteer(store)
    resplit = suggested = 0
    for page_id in _unstarted(store, limit, keep):
        if stop():
            break
        page, blocks = store.page(page_id), store.blocks(page_id)
        new = presplit(page.text, page.paper, structure) if structure is not None else blocks
        split_anew = new if new != blocks else None
        spans = None
        if suggest or split_anew is not None:
            spans = _suggestions(store, page, new, gazetteer, tagger)
            if (
                split_anew is None
                and not _from_model(spans)
                and not _from_model(store.spans(page_id))
            ):
                spans = None  # the rules' suggestions alone, as import left them
        if (split_anew, spans) == (None, None):
            continue
        if store.renew_untouched_page(page_id, split_anew, spans, keep):
            resplit += split_anew is not None
            suggested += suggest and spans is not None
    return resplit, suggested


def _suggestions(
    store: Store, page: Page, blocks: list[Block], gazetteer: Gazetteer, tagger: Any
) -> list[Span]:
    """The suggestions import would give ``page`` split into ``blocks``."""
    return suggest_spans(
        page.text,
        gazetteer=gazetteer,
        blocks=blocks,
        rejected=store.rejected_ranges(page.id),
        tagger=tagger,
    )


def _usable_model(store: Store, kind: str) -> bytes | None:
    """The newest learnt model of ``kind`` when this version can use it."""
    record = store.latest_model(kind)
    if record is None or learnt_model(kind, record.data)[0] is None:
        return None
    return record.data


def _unstarted(store: Store, limit: int, keep: Container[str]) -> Iterator[str]:
    """The first ``limit`` pages nobody has started but ``keep``, read a few at a time
    (a big database has 100,000 such pages; the kept ones are few)."""
    after, given = 0, 0
    while given < limit:
        rows = store.untouched_pages(after, limit - given + 1)
        if not rows:
            return
        after = rows[-1][0]
        for _, page_id in rows:
            if page_id in keep:
                continue
            yield page_id
            given += 1
            if given == limit:
                return


# --- gold brought in from Gold JSONL files (issue 9) -----------------------------------


@dataclass
class GoldImportReport:
    """What ``annotator import --format gold-jsonl`` did: pages applied, records refused."""

    applied: list[tuple[str, int]] = field(default_factory=list)  # (page id, articles)
    refused: list[tuple[str, int, str]] = field(default_factory=list)  # (path, line, reason)
    skipped: list[str] = field(default_factory=list)  # pages already exactly as recorded

    def summary(self) -> str:
        articles = sum(n for _, n in self.applied)
        already = f"; skipped {len(self.skipped)} already so" if self.skipped else ""
        return (
            f"Applied gold to {len(self.applied)} page(s) ({articles} article(s)){already}; "
            f"refused {len(self.refused)} record(s)."
        )


def import_gold(store: Store, paths: Sequence[Path | str]) -> GoldImportReport:
    """Apply Gold JSONL v1 records to the pages they name, one undoable edit per page.

    Each page gets blocks, roles, articles, joins and spans exactly as recorded, is marked
    done with the record's reviewer and keeps the record's time. A page with any refused
    record (malformed, text not matching the page, page missing) is left as it was.
    """
    from annotator.edits import EditError, Op
    from annotator.formats.gold_import import RecordRefused, page_gold, read_gold_files

    files = read_gold_files(paths)
    report = GoldImportReport(refused=list(files.refused))
    for page_id, records in files.pages.items():
        first = records[0]
        if page_id in files.bad_pages:
            report.refused += [
                (r.path, r.line, f"page {page_id!r} has a malformed record; nothing applied")
                for r in records
            ]
            continue
        if not store.has_page(page_id):
            reason = f"no page {page_id!r} in the database; import its page file first"
            report.refused += [(r.path, r.line, reason) for r in records]
            continue
        try:
            blocks, spans = page_gold(store.page(page_id).text, records)
            if _gold_already(store.page_state(page_id), blocks, spans):
                # The same file again: no edit for undo to step through, no new time.
                report.skipped.append(page_id)
                continue
            op = Op(
                "replace_page_gold",
                page_id,
                {
                    "blocks": [b.to_dict() for b in blocks],
                    "spans": [s.to_dict() for s in spans],
                    "status": "done",
                },
            )
            updated = max(r.record["updated_at"] for r in records)
            store.apply_gold(op, first.record["reviewer"], updated)
        except RecordRefused as exc:
            report.refused.append((first.path, exc.line, f"page {page_id!r}: {exc.reason}"))
            continue
        except EditError as exc:
            report.refused.append((first.path, first.line, f"page {page_id!r}: {exc}"))
            continue
        report.applied.append((page_id, len({r.record["ordinal"] for r in records})))
    return report


def _gold_already(state: PageState, blocks: Sequence[Block], spans: Sequence[Span]) -> bool:
    """Whether the page is done with exactly these blocks and spans (ids aside)."""

    def block_key(b: Block) -> tuple[Any, ...]:
        return (b.start, b.end, b.role, b.article, b.joins_previous)

    def span_key(s: Span) -> tuple[Any, ...]:
        return (s.start, s.end, s.label, s.origin, s.status, json.dumps(s.attrs, sort_keys=True))

    return (
        state.page.status == "done"
        and sorted(map(block_key, state.blocks)) == sorted(map(block_key, blocks))
        and sorted(map(span_key, state.spans.values())) == sorted(map(span_key, spans))
    )


# --- pages with their structure from a segmentation export (issue 12) ------------------


@dataclass
class SegmentationImportReport:
    """What ``annotator import --format segmentation`` did, page by page and file by file."""

    imported: list[tuple[str, str]] = field(default_factory=list)  # (path, new page id)
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (path, page restructured)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, page already so)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, path:line: why)

    def summary(self) -> str:
        return (
            f"Imported {len(self.imported)} page(s), replaced the structure of "
            f"{len(self.replaced)}, skipped {len(self.skipped)} already so, refused "
            f"{len(self.refused)} file(s)."
        )


def import_segmentation(store: Store, paths: Sequence[Path | str]) -> SegmentationImportReport:
    """Import segmentation files: each line a page with exactly its text and structure.

    A file is one transaction: a malformed line refuses the whole file (nothing of it is
    stored) and the next file is read. A page id that is new becomes a page (no
    suggestions, no predictions: the heuristics never saw it). An id already in the
    database is treated as Gold JSONL import treats it: with the same text, the line's
    blocks, status and reviewer replace the page's as one undoable edit (its spans are
    kept), or it is skipped when nothing would change; with another text the file is
    refused (it is not that page).
    """
    from annotator.edits import EditError
    from annotator.formats.segmentation import SegmentationRefused, read

    report = SegmentationImportReport()
    for path in map(str, paths):
        try:
            pages = read(path)
            new, ops, done = _segmentation_plan(store, path, pages)
            store.add_and_apply_gold(new, ops)
        except SegmentationRefused as exc:
            report.refused.append((path, str(exc)))
            continue
        except EditError as exc:
            report.refused.append((path, f"{path}: {exc}; nothing of the file was stored"))
            continue
        report.imported += [(path, p.id) for p, _, _ in new]
        report.replaced += [(path, op.page_id) for op, _, _ in ops]
        report.skipped += [(path, page_id) for page_id in done]
    store.index_search()
    return report


def _segmentation_plan(
    store: Store, path: str, pages: Sequence[SegmentedPage]
) -> tuple[list[tuple[Page, list[Block], list[Span]]], list[tuple[Op, str | None, str]], list[str]]:
    """New pages, ``replace_page_gold`` edits of existing ones, and ids already so."""
    from annotator.edits import Op
    from annotator.formats.segmentation import SegmentationRefused, record

    new: list[tuple[Page, list[Block], list[Span]]] = []
    ops: list[tuple[Op, str | None, str]] = []
    done: list[str] = []
    for seg in pages:
        page = seg.page
        if not store.has_page(page.id):
            sha = sha256_of(page.text.encode("utf-8"))
            new.append((dataclasses.replace(page, sha256=sha), seg.blocks, []))
            continue
        state = store.page_state(page.id)
        if state.page.text != page.text:
            raise SegmentationRefused(
                path,
                seg.line,
                f"page {page.id!r} is in the database with another text: rename the page_id "
                "on this line to import it beside that page",
            )
        if record(state.page, state.blocks) == record(page, seg.blocks):
            done.append(page.id)
            continue
        args = {
            "blocks": [b.to_dict() for b in seg.blocks],
            "spans": [s.to_dict() for s in state.spans.values()],
            "status": page.status,
        }
        still_open = _left_open(store, state, Op("replace_page_gold", page.id, args))
        if page.status == "done" and state.page.status != "done" and still_open:
            # The edit would refuse it anyway, naming neither the line nor who marks it done.
            raise SegmentationRefused(
                path,
                seg.line,
                f"this line marks page {page.id!r} done, but it has {still_open} open "
                "suggestion(s) in this database: accept or reject them in the window first, "
                "or import into a database that does not hold the page",
            )
        ops.append((Op("replace_page_gold", page.id, args), page.reviewer, page.updated_at))
    return new, ops, done


def _left_open(store: Store, state: PageState, op: Op) -> int:
    """How many open suggestions ``op`` (a new structure for the page) leaves open: the ones
    it strands across its new breaks or on its furniture it rejects itself
    (:func:`annotator.edits.stranded_suggestions`), so they do not stop it marking the page
    done. An edit the core refuses for another reason counts them all; applying it then
    says why."""
    from annotator.edits import EditError, Op, open_suggestions, plan

    keep = Op(op.kind, op.page_id, {**op.args, "status": state.page.status})
    try:
        return len(open_suggestions(plan(state, keep, store.label_names()).after))
    except EditError:
        return len(open_suggestions(state))
