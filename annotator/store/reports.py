"""Reads for statistics, export and learning: whole-database counts, pages fetched a chunk at
a time, export selection, the edit log, and decided spans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import fields
from functools import partial
from itertools import groupby
from operator import itemgetter
from typing import Any

from annotator.model import PAGE_STATUSES, AnyBlock, ArticleBlock, Block, Page, Span
from annotator.store.common import Room
from annotator.store.rows import (
    _BLOCK_COLS,
    _SPAN_COLS,
    _parse_confidences,
    _row_to_block,
    _row_to_page,
    _row_to_span,
)

# after the page id, the rest of a SpanRow: (page_id, start, end, label, origin, attrs, id);
# the status is left out, every row of an export read has the one status asked for.
_SPAN_ROW_COLS = 'start, "end", label, origin, attrs, id'
# after the page id, the rest of a TextRow (page_id, start, end, label, attrs): what formats
# of text and spans write. Each column left out is ~1/8 less of the span read.
_TEXT_ROW_COLS = 'start, "end", label, attrs'
SpanRow = tuple[str, int, int, str, str, Any, Any]
Pair = tuple[str, str]  # (text, label) of a decided span
_FIRST = itemgetter(0)
# after the page id, the rest of an ArticleBlock (what clean text needs of a block)
_ARTICLE_BLOCK_COLS = 'start, "end", role, article, joins_previous'
_article_block = partial(tuple.__new__, ArticleBlock)
_PAGE_COLS = "id, text, source, sha256, status, reviewer, note, created_at, updated_at, paper"


def _page(row: tuple[Any, ...]) -> Page:
    """The :class:`Page` of a row of ``_PAGE_COLS`` (as ``_row_to_page`` builds it)."""
    return _row_to_page(dict(zip(_PAGE_KEYS, row, strict=True)))


_PAGE_KEYS = [name.strip() for name in _PAGE_COLS.split(",")]


def _block(row: tuple[Any, ...]) -> Block:
    """The :class:`Block` of a row ``(page_id, *_BLOCK_COLS)``, as ``_row_to_block`` makes it.

    Every export and page read makes five blocks an article: the frozen dataclass's
    ``__init__`` (one ``object.__setattr__`` per field) was a sixth of an export's store
    read, so the fields are set in one go (the same object: equal, hashed and frozen alike).
    """
    if not _FAST_BLOCK:
        return _row_to_block(row[1:])
    block = _new(Block)
    _set(block, "__dict__", {
        "start": row[1],
        "end": row[2],
        "role": row[3],
        "article": row[4],
        "joins_previous": bool(row[5]),
        "confidences": _parse_confidences(row[6]),
    })  # fmt: skip
    return block


_new, _set = object.__new__, object.__setattr__
# Only while Block is a plain dataclass of these fields (no slots, nothing after __init__).
_FAST_BLOCK = (
    [f.name for f in fields(Block)]
    == ["start", "end", "role", "article", "joins_previous", "confidences"]
    and not hasattr(Block, "__slots__")
    and not hasattr(Block, "__post_init__")
)


def _span(row: tuple[Any, ...]) -> Span:
    """The :class:`Span` of a row ``(page_id, *_SPAN_COLS)``."""
    return _row_to_span(row[1:])


class ReportsRoom(Room):
    """Reads for statistics, export and learning."""

    def gazetteer_counts(self) -> tuple[dict[Pair, int], dict[Pair, int], dict[Pair, int]]:
        """Counts of accepted and of rejected (text, label) pairs over all pages, and of
        the accepted ones on done pages, in one pass over the pages with decided spans.

        Each page's text is read once and its spans cut from it here: ``substr`` of the
        page in SQL, a span at a time, walked the text to each span's start (three times
        the CPU on a database of done pages)."""
        accepted: dict[Pair, int] = {}
        rejected: dict[Pair, int] = {}
        on_done: dict[Pair, int] = {}
        rows = self.db.conn.execute(
            "SELECT p.text, p.status = 'done', group_concat(s.start || char(31) || s.\"end\" "
            "|| char(31) || s.label || char(31) || (s.status = 'accepted'), char(30)) "
            "FROM spans s JOIN pages p ON p.id = s.page_id WHERE s.status != 'suggested' "
            "GROUP BY s.page_id"
        )
        for text, done, packed in rows:
            for item in packed.split("\x1e"):
                start, end, label, is_accepted = item.split("\x1f")
                pair = (text[int(start) : int(end)], label)
                counts = accepted if is_accepted == "1" else rejected
                counts[pair] = counts.get(pair, 0) + 1
                if done and is_accepted == "1":
                    on_done[pair] = on_done.get(pair, 0) + 1
        return accepted, rejected, on_done

    def done_page_texts(self) -> Iterator[str]:
        """The text of every done page, read in one pass (not all held at once)."""
        for (text,) in self.db.conn.execute("SELECT text FROM pages WHERE status = 'done'"):
            yield text

    def stats(self) -> dict[str, Any]:
        """Pages by status, articles, blocks by role, spans by label and status, edits by reviewer."""
        conn = self.db.conn
        spans: dict[str, dict[str, int]] = {}
        for label, status, n in conn.execute(
            "SELECT label, status, count(*) FROM spans GROUP BY 1, 2 ORDER BY 1, 2"
        ):
            spans.setdefault(label, {})[status] = n
        return {
            "pages": {"total": sum(self.status_counts().values()), **self.status_counts()},
            "articles": conn.execute(
                "SELECT count(*) FROM (SELECT DISTINCT page_id, article FROM blocks "
                "WHERE article IS NOT NULL)"
            ).fetchone()[0],
            "blocks": dict(conn.execute("SELECT role, count(*) FROM blocks GROUP BY 1 ORDER BY 1")),
            "spans": spans,
            "edits": {
                (reviewer or "(unknown)"): n
                for reviewer, n in conn.execute(
                    "SELECT reviewer, count(*) FROM edits GROUP BY 1 ORDER BY 2 DESC"
                )
            },
        }

    def iter_pages(
        self,
        status: str | None = None,
        page_ids: Sequence[str] | None = None,
        chunk: int = 256,
        span_status: str | None = None,
    ) -> Iterator[tuple[Page, list[Block], list[Span]]]:
        """Pages with their blocks and spans, in import order, fetched a chunk at a time.

        ``span_status`` keeps only spans of that status (export reads only ``accepted``).
        """
        ids = list(page_ids) if page_ids is not None else self.page_ids(status)
        for part in _chunks(ids, chunk):
            yield from self._fetch_chunk(part, span_status)

    def _fetch_chunk(
        self, ids: list[str], span_status: str | None
    ) -> Iterator[tuple[Page, list[Block], list[Span]]]:
        pages, blocks = self._pages_and_blocks(ids)
        spans: dict[str, list[Span]] = {i: [] for i in ids}
        for row in self._span_rows(ids, span_status, _SPAN_COLS):
            spans[row[0]].append(_span(row))
        if span_status == "accepted":
            for page_id, items in spans.items():
                if len({(s.start, s.end, s.label) for s in items}) < len(items):
                    spans[page_id] = _first_twins(items, lambda s: (s.start, s.end, s.label))
        for page_id in ids:
            if page_id in pages:
                yield pages[page_id], blocks[page_id], spans[page_id]

    def _pages_and_blocks(self, ids: list[str]) -> tuple[dict[str, Page], dict[str, list[Block]]]:
        # Set queries per chunk (never one per page), rows as plain tuples; the objects are
        # made by the row decoders of rows.py, which follow the schema.
        pages = self._pages(ids)
        marks = ",".join("?" * len(ids))
        blocks: dict[str, list[Block]] = {i: [] for i in ids}
        for row in self.db.conn.execute(
            f"SELECT page_id, {_BLOCK_COLS} FROM blocks WHERE page_id IN ({marks}) "
            "ORDER BY page_id, start",
            ids,
        ):
            blocks[row[0]].append(_block(row))
        return pages, blocks

    def _pages(self, ids: list[str]) -> dict[str, Page]:
        marks = ",".join("?" * len(ids))
        return {
            row[0]: _page(row)
            for row in self.db.conn.execute(
                f"SELECT {_PAGE_COLS} FROM pages WHERE id IN ({marks})", ids
            )
        }

    def _article_blocks(self, ids: list[str]) -> dict[str, list[AnyBlock]]:
        """The blocks of ``ids`` as :class:`~annotator.model.ArticleBlock` tuples, grouped
        by page (a page with none has an empty list)."""
        marks = ",".join("?" * len(ids))
        blocks: dict[str, list[AnyBlock]] = {i: [] for i in ids}
        rows = self.db.conn.execute(
            f"SELECT page_id, {_ARTICLE_BLOCK_COLS} FROM blocks WHERE page_id IN ({marks}) "
            "ORDER BY page_id, start",
            ids,
        )
        # Grouped in C (rows come ordered by page), each tuple made in C.
        for page_id, group in groupby(map(_article_block, rows), _FIRST):
            blocks[page_id] = list(group)
        return blocks

    def _span_rows(self, ids: list[str], span_status: str | None, columns: str) -> Any:
        marks = ",".join("?" * len(ids))
        only = " AND status = ?" if span_status else ""
        return self.db.conn.execute(
            f"SELECT page_id, {columns} FROM spans WHERE page_id IN ({marks}){only} "
            # the index order (its entries end with the rowid, so no sort): ties by id,
            # the earliest first; callers sort ties otherwise themselves
            "ORDER BY page_id, start, id",
            [*ids, span_status] if span_status else ids,
        )

    # --- export curation, gold import and statistics (issue 12) ----------------------

    def page_names(self, column: str) -> frozenset[str]:
        """The ``reviewer`` or ``paper`` names the pages carry (to name them when an export
        filter names one that no page has)."""
        if column not in ("reviewer", "paper"):
            raise ValueError(f"no page names in column {column!r}")
        sql = f"SELECT DISTINCT {column} FROM pages WHERE {column} IS NOT NULL"
        return frozenset(row[0] for row in self.db.conn.execute(sql))

    def page_bounds(self) -> tuple[str, str, str, str] | None:
        """The smallest and largest page id and last-edit time (``updated_at``) of the
        pages, None when there is none: to say what the database has when an export
        filter matches no page."""
        row = self.db.conn.execute(
            "SELECT min(id), max(id), min(updated_at), max(updated_at) FROM pages"
        ).fetchone()
        return None if row is None or row[0] is None else (row[0], row[1], row[2], row[3])

    def export_page_ids(
        self,
        statuses: Sequence[str] | None = ("done",),
        reviewers: Sequence[str] = (),
        papers: Sequence[str] = (),
        pattern: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[str]:
        """Ids of the pages an export takes, in import order.

        ``statuses`` None takes every status; ``pattern`` is a glob over page ids
        (``2024-03-*``); ``since``/``until`` bound ``updated_at`` (ISO 8601 text, ``until``
        exclusive), i.e. when the page was last edited.
        """
        conditions = _filter_conditions(statuses, reviewers, papers, pattern, since, until)
        where = " AND ".join(sql for _, sql, _ in conditions)
        params = [p for _, _, ps in conditions for p in ps]
        sql = "SELECT id FROM pages" + (" WHERE " + where if where else "")
        return [row[0] for row in self.db.conn.execute(sql + " ORDER BY rowid", params)]

    def filter_findings(
        self,
        statuses: Sequence[str] | None,
        reviewers: Sequence[str] = (),
        papers: Sequence[str] = (),
        pattern: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> tuple[tuple[str, str, str, str], dict[str, int], dict[str, int]] | None:
        """What export filters (as :meth:`export_page_ids` takes them) find, in one read of
        the pages, to say why together they select nothing: the smallest and largest page id
        and last-edit time, pages per status, and how many pages each filter given selects
        on its own (by ``statuses``, ``reviewers``, ``papers``, ``pattern``, ``dates``).
        None when there is no page."""
        conditions = _filter_conditions(statuses, reviewers, papers, pattern, since, until)
        columns = ["min(id)", "max(id)", "min(updated_at)", "max(updated_at)"]
        columns += ["count(CASE WHEN status = ? THEN 1 END)"] * len(PAGE_STATUSES)
        columns += [f"count(CASE WHEN {sql} THEN 1 END)" for _, sql, _ in conditions]
        params = [*PAGE_STATUSES, *(p for _, _, ps in conditions for p in ps)]
        row = self.db.conn.execute(f"SELECT {', '.join(columns)} FROM pages", params).fetchone()
        if row is None or row[0] is None:
            return None
        counts = dict(zip(PAGE_STATUSES, row[4 : 4 + len(PAGE_STATUSES)], strict=True))
        alone = dict(
            zip((name for name, _, _ in conditions), row[4 + len(PAGE_STATUSES) :], strict=True)
        )
        return (row[0], row[1], row[2], row[3]), counts, alone

    def open_suggestion_counts(self, page_ids: Sequence[str]) -> dict[str, int]:
        """Open (suggested) spans per page among ``page_ids``; pages with none are left out."""
        counts: dict[str, int] = {}
        for chunk in _chunks(list(page_ids), 500):
            marks = ",".join("?" * len(chunk))
            counts.update(
                self.db.conn.execute(
                    f"SELECT page_id, count(*) FROM spans WHERE status = 'suggested' "
                    f"AND page_id IN ({marks}) GROUP BY page_id",
                    chunk,
                ).fetchall()
            )
        return {page_id: counts[page_id] for page_id in page_ids if page_id in counts}

    def pages_without_articles(self, page_ids: Sequence[str]) -> list[str]:
        """The pages among ``page_ids`` with no block in any article (page furniture
        only): an article export gives them no record. In the order of ``page_ids``."""
        held: set[str] = set()
        for chunk in _chunks(list(page_ids), 500):
            marks = ",".join("?" * len(chunk))
            held.update(
                row[0]
                for row in self.db.conn.execute(
                    f"SELECT DISTINCT page_id FROM blocks WHERE article IS NOT NULL "
                    f"AND page_id IN ({marks})",
                    chunk,
                )
            )
        return [page_id for page_id in page_ids if page_id not in held]

    def edit_log(
        self,
    ) -> Iterator[tuple[int, str | None, str, str, str, int | None, str, str]]:
        """Every logged edit, oldest first, as ``(id, reviewer, at, page_id, action,
        target, operation, arguments)`` (``target``: the edit an undo or redo replays)."""
        yield from self.db.conn.execute(
            "SELECT id, reviewer, at, page_id, action, target, operation, arguments "
            "FROM edits ORDER BY id"
        )

    def distributions(self, status: str | None = "done") -> dict[str, dict[str, int]]:
        """Accepted spans by label and article blocks by role, on pages of ``status``."""
        only = "AND p.status = ?" if status else ""
        params = [status] if status else []
        conn = self.db.conn
        labels = conn.execute(
            "SELECT s.label, count(*) FROM spans s JOIN pages p ON p.id = s.page_id "
            f"WHERE s.status = 'accepted' {only} GROUP BY 1 ORDER BY 2 DESC, 1",
            params,
        )
        roles = conn.execute(
            "SELECT b.role, count(*) FROM blocks b JOIN pages p ON p.id = b.page_id "
            f"WHERE b.article IS NOT NULL {only} GROUP BY 1 ORDER BY 2 DESC, 1",
            params,
        )
        return {"labels": dict(labels.fetchall()), "roles": dict(roles.fetchall())}

    # --- export reads (the exportspeed work) -----------------------------------------

    def export_pages(
        self,
        page_ids: Sequence[str],
        span_status: str = "accepted",
        chunk: int = 256,
        text_only: bool = False,
        article_blocks: bool = False,
    ) -> Iterator[tuple[Page, Sequence[AnyBlock], list[Any]]]:
        """:meth:`iter_pages` for export: only the spans of ``span_status``, as ``SpanRow``
        tuples (:data:`annotator.formats.gold_jsonl.SpanRow`), ``attrs`` still JSON text;
        with ``text_only``, as ``TextRow`` tuples (:data:`~annotator.formats.gold_jsonl.TextRow`)
        and the blocks as :class:`~annotator.model.ArticleBlock` tuples.

        Export reads ~15 spans per article; a frozen dataclass per span was a third of
        its time, a tuple straight from SQLite costs next to nothing (and every column
        left out, such as the status all rows share, is ~1/8 less of it).
        ``article_blocks`` reads the blocks as ``ArticleBlock`` tuples with ``SpanRow``
        spans too: all that article records need (a :class:`Block` per block, its
        confidences parsed, was ~a twelfth of a Gold JSONL export).
        """
        columns = _TEXT_ROW_COLS if text_only else _SPAN_ROW_COLS
        for part in _chunks(list(page_ids), chunk):
            blocks: Mapping[str, list[Block]] | Mapping[str, list[AnyBlock]]
            if text_only or article_blocks:
                pages, blocks = self._pages(part), self._article_blocks(part)
            else:
                pages, blocks = self._pages_and_blocks(part)
            # Grouped by page in C (rows come ordered by page): no Python code per span.
            spans = {
                page_id: list(rows)
                for page_id, rows in groupby(self._span_rows(part, span_status, columns), _FIRST)
            }
            if span_status == "accepted":
                _leave_out_twins(spans)
            for page_id in part:
                if page_id in pages:
                    yield pages[page_id], blocks[page_id], spans.get(page_id, [])

    def export_span_rows(self, page_id: str, span_status: str = "accepted") -> list[SpanRow]:
        """The ``SpanRow`` tuples of one page (:meth:`export_pages`' spans)."""
        rows = {page_id: list(self._span_rows([page_id], span_status, _SPAN_ROW_COLS))}
        if span_status == "accepted":
            _leave_out_twins(rows)
        return rows[page_id]


# (start, end, label) of a SpanRow or TextRow: gold holds each at most once.
_TWIN_KEY = itemgetter(1, 2, 3)


def _leave_out_twins(spans: dict[str, list[Any]]) -> None:
    """Leave out of each page's gold span rows every later twin of a label (the same
    start, end and label as an earlier row): gold holds a label once, even in a database
    from before twins were refused and not yet repaired (migration 12), as a read-only
    export reads it, or after an undo brought one back. The check is one set a page,
    made in C; rows come by page, start and id, so the first is the earliest."""
    for page_id, rows in spans.items():
        if len(rows) > 1 and len(set(map(_TWIN_KEY, rows))) < len(rows):
            spans[page_id] = _first_twins(rows, _TWIN_KEY)


def _first_twins(items: list[Any], key: Callable[[Any], Any]) -> list[Any]:
    seen: set[Any] = set()
    kept = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            kept.append(item)
    return kept


def _chunks(ids: list[str], size: int) -> Iterator[list[str]]:
    """``ids`` a query's worth at a time (the page reads fetch a chunk per query)."""
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def _filter_conditions(
    statuses: Sequence[str] | None,
    reviewers: Sequence[str],
    papers: Sequence[str],
    pattern: str | None,
    since: str | None,
    until: str | None,
) -> list[tuple[str, str, list[Any]]]:
    """``(filter, SQL condition on pages, its parameters)`` of each export filter given."""
    out: list[tuple[str, str, list[Any]]] = []
    for name, column, values in (
        ("statuses", "status", statuses),
        ("reviewers", "reviewer", reviewers),
        ("papers", "paper", papers),
    ):
        if values:
            out.append((name, f"{column} IN ({','.join('?' * len(values))})", list(values)))
    if pattern:
        out.append(("pattern", "id GLOB ?", [pattern]))
    dates = [("updated_at >= ?", since), ("updated_at < ?", until)]
    given = [(sql, value) for sql, value in dates if value]
    if given:
        out.append(("dates", " AND ".join(sql for sql, _ in given), [v for _, v in given]))
    return out
