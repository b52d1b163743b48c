"""Pages, their blocks and spans: storing imported pages (one transaction each), reading a
page, the cache of page states, labels, and the machine's writes to pages nobody has
started (suggestions, re-splits, changed files, gold from other corpora).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Container, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from typing import Any

from annotator.edits import PageState
from annotator.model import Block, Label, Page, Span
from annotator.store.common import Room, now
from annotator.store.folding import fold
from annotator.store.rows import (
    _BLOCK_COLS,
    _SPAN_COLS,
    ROW_WIDTH,
    EncodedPage,
    _block_values,
    _decode_predicted_block,
    _decode_predicted_span,
    _row_to_block,
    _row_to_page,
    _row_to_span,
    _span_values,
    encode_page,
)

_STATE_CACHE = 16
# ``predictions.blocks`` and ``.spans`` of a page whose blocks and spans have not changed
# since its import (schema version 8): its rows are its predictions, and the copy is
# written just before its first change (``_keep_predictions``). Not valid JSON, so it is
# never taken for a copy.
_UNCHANGED = ""


class PagesRoom(Room):
    """Pages, labels and the page-state cache."""

    # --- labels ----------------------------------------------------------------------

    def labels(self) -> list[Label]:
        """The configured labels in palette order."""
        if self._labels is None:
            rows = self.db.conn.execute(
                "SELECT name, colour, hotkey, description FROM labels ORDER BY position"
            ).fetchall()
            self._labels = [Label(*row) for row in rows]
        return self._labels

    def add_label(self, label: Label) -> None:
        """Add a project label (or update its colour, key and description)."""
        with self.db.atomic():
            position = self.db.conn.execute("SELECT count(*) FROM labels").fetchone()[0]
            self.db.conn.execute(
                "INSERT INTO labels (name, colour, hotkey, description, position) "
                "VALUES (?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET colour=excluded.colour, "
                "hotkey=excluded.hotkey, description=excluded.description",
                [label.name, label.colour, label.key, label.description, position],
            )
        self._labels = None

    def label_names(self) -> frozenset[str]:
        return frozenset(x.name for x in self.labels())

    # --- pages -----------------------------------------------------------------------

    def page_for_sha256(self, sha256: str) -> str | None:
        row = self.db.conn.execute(
            "SELECT id FROM pages WHERE sha256 = ? LIMIT 1", [sha256]
        ).fetchone()
        return row[0] if row else None

    def has_page(self, page_id: str) -> bool:
        row = self.db.conn.execute("SELECT 1 FROM pages WHERE id = ?", [page_id]).fetchone()
        return row is not None

    def add_page(
        self,
        page: Page,
        blocks: Sequence[Block] = (),
        suggestions: Sequence[Span] = (),
        encoded: EncodedPage | None = None,
    ) -> None:
        """Store a new page with its heuristic blocks and suggestions, in one transaction.

        The blocks and suggestions are also kept, as first computed, as ``predictions``.
        ``encoded`` (from :func:`encode_page`, e.g. made by an import worker process)
        replaces ``blocks`` and ``suggestions``.
        """
        self.insert_pages([(page, encoded or encode_page(blocks, suggestions))])

    def _insert_blocks(self, page_id: str, blocks: Iterable[Block]) -> None:
        self.db.conn.executemany(
            f"INSERT INTO blocks (page_id, {_BLOCK_COLS}) VALUES (?,?,?,?,?,?,?)",
            [_block_values(page_id, b) for b in blocks],
        )

    def _insert_spans(self, page_id: str, spans: Iterable[Span]) -> None:
        self.db.conn.executemany(
            f"INSERT INTO spans ({_SPAN_COLS.replace('id, ', 'id, page_id, ', 1)}) "
            "VALUES (?,?,?,?,?,?,?,?)",
            [_span_values(page_id, s) for s in spans],
        )

    def page(self, page_id: str) -> Page:
        row = self.db.execute_returning_dicts("SELECT * FROM pages WHERE id = ?", [page_id])
        if not row:
            raise KeyError(page_id)
        return _row_to_page(row[0])

    def blocks(self, page_id: str) -> list[Block]:
        rows = self.db.conn.execute(
            f"SELECT {_BLOCK_COLS} FROM blocks WHERE page_id = ? ORDER BY start", [page_id]
        ).fetchall()
        return [_row_to_block(r) for r in rows]

    def spans(self, page_id: str, statuses: Iterable[str] | None = None) -> list[Span]:
        rows = self.db.conn.execute(
            f'SELECT {_SPAN_COLS} FROM spans WHERE page_id = ? ORDER BY start, "end", id',
            [page_id],
        ).fetchall()
        spans = [_row_to_span(r) for r in rows]
        if statuses is not None:
            wanted = set(statuses)
            spans = [s for s in spans if s.status in wanted]
        return spans

    def predictions(self, page_id: str) -> tuple[list[Block], list[Span]]:
        """The heuristic blocks and suggestions of a page as first computed."""
        row = self.db.conn.execute(
            "SELECT blocks, spans FROM predictions WHERE page_id = ?", [page_id]
        ).fetchone()
        if row is None:
            return [], []
        if row[1] == _UNCHANGED:  # unchanged since its import: the rows are the predictions
            return self._unchanged_predictions(page_id)
        blocks = [_decode_predicted_block(b) for b in json.loads(row[0])]
        spans = [_decode_predicted_span(s) for s in json.loads(row[1])]
        return blocks, spans

    def page_state(self, page_id: str) -> PageState:
        """The page with its blocks and spans, cached while no other connection writes."""
        self._check_foreign_writes()
        state = self._states.get(page_id)
        if state is None:
            with self._snapshot():
                state = PageState(
                    self.page(page_id),
                    tuple(self.blocks(page_id)),
                    {s.id: s for s in self.spans(page_id) if s.id is not None},
                )
            self._remember(state)
        else:
            self._states.move_to_end(page_id)
        return state

    def state_epoch(self) -> int:
        """What page states read from now on belong to: a page's edit on this connection
        and another connection's commit come after it (see :meth:`keep_state`)."""
        self._check_foreign_writes()
        return self._serial

    def keep_state(self, state: PageState, epoch: int) -> None:
        """Cache ``state``, read since ``epoch`` (:meth:`state_epoch`) and not edited on this
        connection since, for the next :meth:`page_state` of its page: a caller that held
        more pages than the cache does (a gold import) need not read them again. Nothing is
        kept when another connection has written since ``epoch``, nor when the page was
        edited on this one (the state held would be stale)."""
        self._check_foreign_writes()
        if max(self._foreign_at, self._edited_at.get(state.page.id, 0)) <= epoch:
            self._remember(state)

    def _forget(self, page_id: str) -> None:
        """Drop the cached state of ``page_id``, edited (or its edit failed) on this
        connection: a state of it read before is stale for :meth:`keep_state`."""
        self._states.pop(page_id, None)
        self._serial += 1
        self._edited_at[page_id] = self._serial

    def _remember(self, state: PageState) -> None:
        self._states[state.page.id] = state
        self._states.move_to_end(state.page.id)
        while len(self._states) > _STATE_CACHE:
            self._states.popitem(last=False)

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Reads that see one moment of the database: another connection's commit between
        them (a retrain rewriting the page's split and suggestions) is either wholly seen
        or not at all. Outside a transaction each statement reads its own snapshot, so a
        page's blocks could be read before such a commit and its spans after it."""
        conn = self.db.conn
        if conn.in_transaction:  # the caller's transaction already holds one moment
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")  # reads only: ends the snapshot

    def _read_data_version(self) -> int:
        return self.db.conn.execute("PRAGMA data_version").fetchone()[0]

    def _check_foreign_writes(self) -> bool:
        # data_version changes only when another connection commits: then cached page
        # states may be stale (a second window on the same database).
        version = self._read_data_version()
        if version == self._data_version:
            return False
        self._states.clear()
        self._data_version = version
        self._serial += 1
        self._foreign_at = self._serial
        self._edited_at.clear()  # every epoch before this write is refused anyway
        return True

    def changed_elsewhere(self) -> bool:
        """Whether another connection (a second window, a CLI import) committed since the
        last call; cached page states are dropped when it did."""
        return self._check_foreign_writes()

    # --- suggestions -----------------------------------------------------------------

    def replace_suggestions(self, page_id: str, spans: Sequence[Span]) -> int:
        """Replace the page's open machine suggestions with ``spans``; returns how many.

        Accepted, rejected and human spans are never touched, and a suggestion that equals
        one of them (same range and label) is not added again.
        """
        with self.db.atomic():
            count = self._swap_suggestions(page_id, spans)
        self._forget(page_id)
        return count

    def _swap_suggestions(
        self, page_id: str, spans: Sequence[Span], *, keep_first: bool = True
    ) -> int:
        """Inside a transaction: the page's open machine suggestions become ``spans``."""
        conn = self.db.conn
        if keep_first:
            self._keep_predictions(page_id)  # the suggestions as first computed stay known
        conn.execute(
            "DELETE FROM spans WHERE page_id = ? AND status = 'suggested' AND origin != 'human'",
            [page_id],
        )
        kept = {
            (s, e, label)
            for s, e, label in conn.execute(
                'SELECT start, "end", label FROM spans WHERE page_id = ?', [page_id]
            )
        }
        fresh = [replace(s, id=None) for s in spans if (s.start, s.end, s.label) not in kept]
        self._insert_spans(page_id, fresh)
        return len(fresh)

    def rejected_ranges(self, page_id: str) -> frozenset[tuple[int, int, str]]:
        rows = self.db.conn.execute(
            "SELECT start, \"end\", label FROM spans WHERE page_id = ? AND status = 'rejected'",
            [page_id],
        )
        return frozenset((s, e, label) for s, e, label in rows)

    # --- changed files (issue 8) ----------------------------------------------------

    def is_unreviewed(self, page_id: str) -> bool:
        """Whether a page is still ``new`` with no edit in the log: nobody has reviewed it."""
        row = self.db.conn.execute(
            "SELECT status = 'new' AND NOT EXISTS (SELECT 1 FROM edits WHERE page_id = ?) "
            "FROM pages WHERE id = ?",
            [page_id, page_id],
        ).fetchone()
        return bool(row and row[0])

    def replace_unreviewed_page(
        self, page_id: str, page: Page, encoded: EncodedPage | None = None
    ) -> bool:
        """Replace page ``page_id`` by ``page`` (a new version of its file) with its
        ``encoded`` blocks and suggestions (:func:`encode_page`; none when None), in one
        transaction, if nobody has reviewed it (checked under the write lock, so a window
        that starts editing meanwhile wins). Returns False, changing nothing, otherwise."""
        with self._write_locked():
            if not self.is_unreviewed(page_id):
                return False
            self.db.conn.execute("DELETE FROM pages WHERE id = ?", [page_id])  # cascades
            self.add_page(page, encoded=encoded)
        self._forget(page_id)
        return True

    def show_page(self, page_id: str | None) -> None:
        """Tell the other programs on this database that this store's window shows
        ``page_id`` (None: no page), so that their retrains leave it as it is; called again
        every :data:`~annotator.store.shown.BEAT_S` seconds while it shows it (see
        :mod:`annotator.store.shown`: a file beside the database, not a write to it)."""
        self._shown.show(page_id)

    def still_showing(self) -> None:
        """The beat of :meth:`show_page`: this window lives and shows the same page."""
        self._shown.beat()

    def shown_elsewhere(self, page_id: str) -> bool:
        """Whether another live program's window shows ``page_id`` now."""
        return self._shown.shown_elsewhere(page_id)

    def untouched_page_ids(self) -> list[str]:
        """Pages nobody has started: status ``new`` and not one edit in the log."""
        return [page_id for _, page_id in self.untouched_pages()]

    def untouched_pages(self, after: int = 0, limit: int | None = None) -> list[tuple[int, str]]:
        """``(rowid, id)`` of the pages nobody has started after rowid ``after``, in page
        order, at most ``limit`` of them.

        Read through the status index in rowid order with a LIMIT: a retrain that rewrites
        the next 100 pages reads about 100 ids, not every id of a big database."""
        sql = (
            "SELECT rowid, id FROM pages INDEXED BY pages_status WHERE status = 'new' "
            "AND rowid > ? AND NOT EXISTS (SELECT 1 FROM edits WHERE edits.page_id = pages.id) "
            "ORDER BY rowid"
        )
        params: list[Any] = [after]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [(r[0], r[1]) for r in self.db.conn.execute(sql, params)]

    def renew_untouched_page(
        self,
        page_id: str,
        blocks: Sequence[Block] | None,
        spans: Sequence[Span] | None,
        keep: Container[str] = (),
    ) -> bool:
        """A new machine split (``blocks``) and new suggestions (``spans``; see
        :meth:`replace_suggestions`) of a page nobody has started, in one transaction: a
        reader sees the page before both or after both. None leaves that part as it is.

        Checked under the write lock: a page that is not ``new``, has any edit, is in
        ``keep`` (the page the caller's window shows, asked at this moment) or is shown in
        another window (:meth:`show_page`) is left alone (False).

        The page's predictions become its rows again: nobody met the output it replaces,
        and ``evaluate`` measures what reviewers met (the model's suggestions among it)."""
        conn = self.db.conn
        with self._write_locked():
            if page_id in keep or self._shown.shown_elsewhere(page_id):
                return False
            if not self.is_unreviewed(page_id):
                return False
            if blocks is not None:
                conn.execute("DELETE FROM blocks WHERE page_id = ?", [page_id])
                self._insert_blocks(page_id, blocks)
            if spans is not None:
                self._swap_suggestions(page_id, spans, keep_first=False)
            conn.execute(
                "UPDATE predictions SET blocks = ?1, spans = ?1 WHERE page_id = ?2",
                [_UNCHANGED, page_id],
            )
        self._forget(page_id)
        return True

    def add_gold_pages(self, pages: Sequence[tuple[Page, Sequence[Block], Sequence[Span]]]) -> None:
        """Store reviewed pages from an existing gold corpus, all in one transaction.

        Each page is stored as given (its status, normally ``done``), with its blocks and
        spans as they are (normally accepted, origin ``human``). No prediction is kept: the
        heuristics never saw these pages, so ``evaluate`` only counts them.
        """
        with self._write_locked():
            self._insert_gold_pages(pages)

    def _insert_gold_pages(
        self, pages: Sequence[tuple[Page, Sequence[Block], Sequence[Span]]]
    ) -> None:
        """:meth:`add_gold_pages` inside the caller's transaction."""
        stamp = now()
        self.db.conn.executemany(
            "INSERT INTO pages (id, source, sha256, text, status, reviewer, note, "
            "created_at, updated_at, paper) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(p.id, p.source, p.sha256, p.text, p.status, p.reviewer, p.note,
              p.created_at or stamp, p.updated_at or stamp, p.paper) for p, _, _ in pages],
        )  # fmt: skip
        for page, blocks, spans in pages:
            self._insert_blocks(page.id, blocks)
            self._insert_spans(page.id, [replace(s, id=None) for s in spans])
        self._keep_folded_ids([p.id for p, _, _ in pages])

    # --- import in batches (issue 11: import speed) ----------------------------------

    def page_ids_by_sha256(self, after: int = 0) -> tuple[dict[str, str], int]:
        """The id of the first page holding each content hash, among the pages after rowid
        ``after`` (all pages by default), and the highest rowid seen (``after`` if none).

        An import asks this once about every page, then once per batch only about the pages
        other connections added since, instead of asking about each file's hash.
        """
        rows = self.db.conn.execute(
            "SELECT rowid, sha256, id FROM pages WHERE rowid > ? ORDER BY rowid", [after]
        ).fetchall()
        by_sha256: dict[str, str] = {}
        for _, sha256, page_id in rows:
            by_sha256.setdefault(sha256, page_id)
        return by_sha256, rows[-1][0] if rows else after

    @contextmanager
    def import_batch(self) -> Iterator[None]:
        """One transaction for a batch of imported pages, holding the write lock from its
        start (what is read in it stays current); committed whole or rolled back whole, so
        a crash loses at most the batch and never leaves part of a page.

        Foreign keys are not checked in it: a batch only adds pages with their own rows
        (:meth:`insert_pages`), each after its page, so the check (one look-up per block
        and span, a tenth of the inserts) could never fail. It is back on after the batch.
        """
        conn = self.db.conn
        conn.execute("PRAGMA foreign_keys = OFF")  # (a no-op inside a transaction)
        try:
            with self._write_locked():
                yield
        finally:
            conn.execute("PRAGMA foreign_keys = ON")

    def insert_pages(self, pages: Sequence[tuple[Page, EncodedPage]]) -> int:
        """Insert new pages with their encoded blocks and suggestions, which are also kept,
        as first computed, as ``predictions`` (marked unchanged: no copy until the page's
        first change); returns the highest page rowid.

        One transaction (the caller's :meth:`import_batch`, else its own); blocks and spans
        go in many rows a statement (:func:`_insert_rows`).
        """
        stamp = now()
        conn = self.db.conn
        with self.db.atomic():
            conn.executemany(
                "INSERT INTO pages (id, source, sha256, text, status, reviewer, note, "
                "created_at, updated_at, paper) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(p.id, p.source, p.sha256, p.text, p.status, p.reviewer, p.note,
                  p.created_at or stamp, p.updated_at or stamp, p.paper) for p, _ in pages],
            )  # fmt: skip
            _insert_rows(
                conn,
                f"INSERT INTO blocks (page_id, {_BLOCK_COLS}) VALUES ",
                [(p.id, rows.block_values) for p, rows in pages],
                ROW_WIDTH,
            )
            _insert_rows(
                conn,
                f"INSERT INTO spans (page_id, {_SPAN_COLS.replace('id, ', '', 1)}) VALUES ",
                [(p.id, rows.span_values) for p, rows in pages],
                ROW_WIDTH,
            )
            conn.executemany(
                "INSERT INTO predictions (page_id, blocks, spans, created_at) VALUES (?,?,?,?)",
                [(p.id, _UNCHANGED, _UNCHANGED, stamp) for p, _ in pages],
            )
            self._keep_folded_ids([p.id for p, _ in pages])
        return conn.execute("SELECT max(rowid) FROM pages").fetchone()[0]

    def _keep_folded_ids(self, ids: Sequence[str]) -> None:
        """Keep folded the new pages' ids that search folds otherwise (schema 13), in the
        caller's transaction."""
        folded = [(f, page_id) for page_id in ids if (f := fold(page_id)) != page_id]
        if folded:
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO page_ids_folded (rowid, id) "
                "SELECT rowid, ? FROM pages WHERE id = ?",
                folded,
            )

    # --- predictions kept until a page's first change (issue 11: import speed) -------

    def _keep_predictions(self, page_id: str) -> None:
        """Write the copy of an unchanged page's blocks and spans into ``predictions``, in
        the caller's transaction, before it changes them; nothing for a page that has its
        copy already (or none: gold brought in from other corpora).

        Done in SQL: the same rows as the encoder's (confidences and attributes stay JSON
        text inside them), spans in the order they were suggested.
        """
        self.db.conn.execute(
            "UPDATE predictions SET "
            'blocks = (SELECT json_group_array(json_array(b.start, b."end", b.role, '
            "b.article, b.joins_previous, b.confidences)) FROM "
            "(SELECT * FROM blocks WHERE page_id = ?1 ORDER BY start) AS b), "
            'spans = (SELECT json_group_array(json_array(s.start, s."end", s.label, '
            "s.origin, s.status, s.attrs)) FROM "
            "(SELECT * FROM spans WHERE page_id = ?1 ORDER BY id) AS s) "
            "WHERE page_id = ?1 AND spans = ?2",
            [page_id, _UNCHANGED],
        )

    def _unchanged_predictions(self, page_id: str) -> tuple[list[Block], list[Span]]:
        spans = self.db.conn.execute(
            'SELECT start, "end", label, origin, status, attrs FROM spans '
            "WHERE page_id = ? ORDER BY id",
            [page_id],
        ).fetchall()
        return self.blocks(page_id), [_decode_predicted_span(s) for s in spans]


# Rows of one INSERT statement: 7 values a row stay under 999 parameters, the limit of
# SQLite before 3.32. A statement per row cost a third more for the spans (each statement
# also writes AUTOINCREMENT's counter).
_ROWS_PER_INSERT = 128
_MAX_PARAMETERS = 999  # wider rows (a column added) take fewer rows a statement


def _insert_rows(
    conn: sqlite3.Connection, head: str, pages: Sequence[tuple[str, list[Any]]], width: int
) -> None:
    """Insert each page's rows after its id, in order (span ids follow it), with ``head``
    (``INSERT INTO t (cols) VALUES ``) and many rows a statement. A page's rows are its
    ``values`` one after another, ``width`` a row, the first of each the page id's place
    (see :class:`EncodedPage`)."""
    flat: list[Any] = []
    for page_id, values in pages:
        start = len(flat)
        flat += values
        flat[start::width] = [page_id] * (len(values) // width)
    if not flat:
        return
    each = max(1, min(_ROWS_PER_INSERT, _MAX_PARAMETERS // width))
    step = each * width
    whole = len(flat) - len(flat) % step
    if whole:
        many = head + _values(width, each)
        conn.executemany(many, (flat[i : i + step] for i in range(0, whole, step)))
    if whole < len(flat):
        conn.execute(head + _values(width, (len(flat) - whole) // width), flat[whole:])


@lru_cache(maxsize=512)
def _values(width: int, rows: int) -> str:
    """``(?,?),(?,?)`` for ``rows`` rows of ``width`` values."""
    return ",".join(["(" + ",".join("?" * width) + ")"] * rows)
