"""Import and re-suggest pipelines shared by the command line and the window's worker.

Import: discover files, decode, pre-split, suggest, store each page in its own
transaction. A file that cannot be read or decoded is refused with a reason and the rest
of the batch goes on; a file whose bytes are already present is skipped. A progress
callback may cancel between files, which never leaves half a page behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
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
from functools import lru_cache
from pathlib import Path
from typing import Any

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
    paper: str | None = None,
    max_page_bytes: int = MAX_PAGE_BYTES,
) -> ImportReport:
    """Import page files and folders (``.txt``/``.md``, recursive) into ``store``.

    Large batches are split and pre-annotated by worker processes (one per core) while
    this process stores the pages, each in its own transaction, in file order. Pages carry
    their newspaper: ``paper``, else the name of the folder each file is in. Once a
    structure model was trained (``annotator train``), it pre-splits the pages.
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
    fresh = _drop_known(store, files, report, max_page_bytes)
    gazetteer = learnt_gazetteer(store) if suggest else None
    structure = store.latest_model("structure")
    settings = _Settings(
        gazetteer,
        suggest,
        structure.data if structure else None,
        paper,
        entity_model_bytes(store) if suggest else None,
        max_page_bytes,
    )
    with _preparer(len(fresh), settings) as prepare_all:
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
    paper: str = ""


@dataclass
class _Settings:
    """What every file of one import is prepared with (sent once to each worker process)."""

    gazetteer: Gazetteer | None = None
    suggest: bool = True
    structure: bytes | None = None  # the newest structure model, if one was trained
    paper: str | None = None  # None: the name of each file's folder
    entities: bytes | None = None  # the newest entity tagger, if one was trained
    max_bytes: int = MAX_PAGE_BYTES  # bigger files are refused (--max-page-size)

    def paper_of(self, path: Path) -> str:
        if self.paper is not None:
            return self.paper
        try:
            return path.resolve().parent.name
        except (OSError, RuntimeError):  # a link loop: refused later, by name
            return path.absolute().parent.name


@lru_cache(maxsize=2)
def _structure_model(data: bytes) -> Any:
    from annotator.learn.structure import load

    return load(data)


def presplit(text: str, paper: str, structure: bytes | None) -> list[Block]:
    """The first split of a page: the structure model's if one was trained, else the rules'."""
    if structure is None:
        return split_page(text)
    return _structure_model(structure).split(text, paper)


def prepare(
    path: Path,
    gazetteer: Gazetteer | None,
    suggest: bool,
    structure: bytes | None = None,
    paper: str = "",
    tagger: Any = None,
    max_bytes: int = MAX_PAGE_BYTES,
) -> Prepared:
    """Read, decode, pre-split and pre-annotate one page file (pure: no database);
    ``tagger`` is the learnt entity model, if any."""
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
    blocks = presplit(text, paper, structure)
    spans = (
        suggest_spans(text, gazetteer=gazetteer, blocks=blocks, tagger=tagger) if suggest else []
    )
    return Prepared(path, sha256_of(data), text, blocks, spans, paper=paper)


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
    page = Page(page_id, prepared.text, str(prepared.path), prepared.sha256, paper=prepared.paper)
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
_worker_settings = _Settings()
_worker_tagger: Any = None


def _init_worker(settings: _Settings) -> None:
    global _worker_settings, _worker_tagger
    _worker_settings = settings
    _worker_tagger = load_entity_model(settings.entities)  # once per worker
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
    settings, tagger = _worker_settings, _worker_tagger
    gazetteer, suggest = settings.gazetteer, settings.suggest
    prepared = prepare(
        path,
        gazetteer,
        False,
        settings.structure,
        settings.paper_of(path),
        max_bytes=settings.max_bytes,
    )
    if prepared.refusal is None:
        chosen = (
            suggestion_tuples(
                prepared.text, gazetteer=gazetteer, blocks=prepared.blocks, tagger=tagger
            )
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
        )

    if count < _PARALLEL_FROM or workers < 2:
        yield lambda files: (here(p) for p in files)
        return
    context = multiprocessing.get_context(_start_method())
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(settings,),
    )

    def prepare_all(files: list[Path]) -> Iterator[Prepared]:
        done = 0
        try:
            for prepared in executor.map(_prepare_in_worker, files, chunksize=8):
                yield prepared
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


# --- entities: the learnt tagger and gold corpora in the BIO/BIOES layout ---------------


def entity_model_bytes(store: Store) -> bytes | None:
    """The newest learnt entity model's bytes, or None when none was trained yet."""
    record = store.latest_model("entities")
    return record.data if record is not None else None


def load_entity_model(data: bytes | None) -> Any:
    """The tagger of a model's bytes, loaded once per process; None without a model, or
    when it cannot be used (trained by an older version: retrain; crfsuite missing)."""
    if data is None:
        return None
    try:
        from annotator.learn.entities import load_cached

        return load_cached(data)
    except (ImportError, ValueError):
        return None


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
        data = learner.train(gold)
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
    data = record.data if record is not None else None
    what = f"structure model v{record.version}" if record is not None else "the rules"
    ids = store.untouched_page_ids()
    count = 0
    for done, page_id in enumerate(ids):
        if progress is not None and not progress(done, len(ids), page_id):
            break
        page = store.page(page_id)
        if store.resplit_page(page_id, presplit(page.text, page.paper, data)):
            count += 1
    return count, what


# --- gold brought in from Gold JSONL files (issue 9) -----------------------------------


@dataclass
class GoldImportReport:
    """What ``annotator import --format gold-jsonl`` did: pages applied, records refused."""

    applied: list[tuple[str, int]] = field(default_factory=list)  # (page id, articles)
    refused: list[tuple[str, int, str]] = field(default_factory=list)  # (path, line, reason)

    def summary(self) -> str:
        articles = sum(n for _, n in self.applied)
        return (
            f"Applied gold to {len(self.applied)} page(s) ({articles} article(s)); "
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
