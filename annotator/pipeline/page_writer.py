"""Prepared pages stored in file order, a batch per transaction, each file reported; a
Ctrl+C meanwhile waits until the batch is stored and reported.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from annotator.importing import page_id_for
from annotator.messages import msg
from annotator.model import Page
from annotator.pipeline.import_report import ImportReport
from annotator.pipeline.prepared import Prepared
from annotator.store import EncodedPage, Store

# The full-text index is filled in batches: per page it would cost more than the import.
_INDEX_EVERY = 256


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
