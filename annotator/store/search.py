"""The page list: filters by status, full-text search over the trigram index (kept up by
``index_search``) and the phrase index (``index_phrases``), counts, list windows, positions
and neighbours.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from typing import Any

from annotator.model import PAGE_STATUSES
from annotator.store import common
from annotator.store.common import PageRow, Room
from annotator.store.folding import fold, holder, kept_core
from annotator.store.schema import FOLDED_SINCE, PHRASE_SEPARATOR

# The phrase index's terms: every four characters of a page, with positions (migration 10).
_GRAM = 4
_PHRASE_SLICE = 256  # pages read at a time while filling the phrase index
# Characters the phrase index does not keep as they are (NUL and the separator are written
# as \x02): a query holding one is answered with candidates to confirm, never by the
# index alone. (The ascii tokenizer folds ASCII letters too: of an index of folded text,
# schema 13, that changes nothing; of an older one, letters are confirmed.)
_FOLDED = frozenset("\x00\x01\x02")
_FOLDED_BEFORE_13 = frozenset("\x00\x01\x02ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

# The indexes' watermarks in ``meta``: the last rowid each covers.
_TRIGRAMS, _PHRASES = "search_indexed_rowid", "phrase_indexed_rowid"

# A time-bounded index step (the window's) spends up to this share of its time on merging
# the index's segments first, a merge call of this many leaf pages at a time (see _budgeted).
_MERGE_SHARE = 0.5
_MERGE_PAGES = 16
_AUTOMERGE = 4  # FTS5's own default, where a table has none set

# The fewest pages a search confirms at a time when the list asks for its first rows.
_FIRST_STEP = 64

# The confirmed stretch of a search that needs no confirming: every rowid.
_ALL = 2**62


# The page holding the least sure open suggestion of a learnt model: walked from the
# partial index of those suggestions by confidence (schema 11), so it stops at the first
# page not done instead of reading every span of every page not done (0.27 s of CPU on
# 20,000 pages of 50 spans; now well under a millisecond).
LEAST_SURE_SQL = (
    "SELECT s.page_id FROM spans s INDEXED BY spans_model_doubt "
    "CROSS JOIN pages p ON p.id = s.page_id "
    "WHERE s.status = 'suggested' AND s.origin = 'model' "
    "AND p.status IN ('new', 'in_progress', 'flagged') AND p.id != ? "
    "AND json_extract(s.attrs, '$.confidence') IS NOT NULL "
    "ORDER BY json_extract(s.attrs, '$.confidence'), p.rowid LIMIT 1"
)


def _where(conditions: list[str]) -> str:
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


def _holds_bytes(haystack: bytes | None, needle: bytes) -> bool:
    return haystack is not None and needle in haystack


def _holds_folded(haystack: str | None, needle: str) -> bool:
    return haystack is not None and holder(needle)(haystack)


def _slices(cursor: sqlite3.Cursor, size: int = 256) -> Iterator[list[Any]]:
    """The rows of ``cursor`` a few hundred at a time."""
    while rows := cursor.fetchmany(size):
        yield rows


def phrase_grams(text: str) -> str:
    """``text`` as the phrase index reads it: its four-character strings, one per position,
    separated by \\x01 (NUL and \\x01 in the text become \\x02, so that every term is
    four characters)."""
    text = text.replace("\x00", "\x02").replace(PHRASE_SEPARATOR, "\x02")
    return PHRASE_SEPARATOR.join([text[i : i + _GRAM] for i in range(len(text) - _GRAM + 1)])


def _fts(term: str) -> str:
    """``term`` as an FTS5 string (a phrase in double quotes), whatever it holds."""
    return '"' + term.replace('"', '""') + '"'


class SearchRoom(Room):
    """The filtered page list and full-text search."""

    # --- lists, search, counts -------------------------------------------------------

    def _status_where(self, status: str | None) -> tuple[list[str], list[Any]]:
        if not status:
            return [], []
        if status not in PAGE_STATUSES and status != "not_done":
            raise ValueError(f"unknown page status {status!r}")
        if status == "not_done":
            return ["p.status IN ('new', 'in_progress', 'flagged')"], []
        return ["p.status = ?"], [status]

    def _found_where(self, status: str | None, search: str | None) -> tuple[list[str], list[Any]]:
        """WHERE terms on ``pages p``: of ``status`` and, with ``search``, among its hits."""
        where, params = self._status_where(status)
        if search:
            rowids, hit_params = self._rowids_sql(None, search)
            where.append(f"p.rowid IN ({rowids})")
            params = [*params, *hit_params]
        return where, params

    def _search_hits(self, search: str) -> None:
        """Fill ``temp.search_hits`` with the rowids of the pages whose text or id holds
        ``search`` (folded for case and width, see :mod:`~annotator.store.folding`; exact on
        a read-only file older than schema 13), unless it already holds them.

        Counts, list windows and positions of one search all read this table, so the
        page text is read at most once per search (one confirming pass yields the list
        and every count).
        """
        self._start_search(search)
        self._confirm(_ALL)

    def _start_search(self, search: str) -> None:
        """Begin ``search`` unless it is the one held: the hits that need no page text, and
        for a query of four or more characters the candidates that need confirming.

        A query of exactly three characters is answered by the trigram index alone; a
        shorter one reads the index's term list and the pages' last characters
        (_short_search_hits); a longer one by the phrase index alone (_long_search).
        Candidates are left to confirm by reading them, as far as the reader needs
        (_confirm), only for pages the phrase index does not cover yet (or holds stale)
        and for queries holding characters it folds; pages beyond both indexes are read
        directly, so results are always complete.
        """
        if self._folds():
            search = fold(search) or search
        # Another connection's commit moves data_version; any write of ours (a page added
        # by import, conll or gold import, a replaced page) moves total_changes.
        key = (search, self._read_data_version(), self.db.conn.total_changes)
        if key == self._hits_key:
            return
        conn = self.db.conn
        for table in ("search_hits", "search_candidates"):
            conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (rowid INTEGER PRIMARY KEY)")
            conn.execute(f"DELETE FROM temp.{table}")
        indexed = self._indexed_rowid()
        hit = "INSERT OR IGNORE INTO temp.search_hits (rowid) "
        self._confirmed_to, self._phrase = _ALL, None
        if "\x00" in search:  # FTS5 queries end at a NUL: every page is read
            indexed = 0
        elif len(search) < 3:
            self._short_search_hits(search)
        elif len(search) == 3:
            conn.execute(
                f"{hit}SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?", [_fts(search)]
            )
        else:
            self._long_search(search, indexed)
            indexed = _ALL  # unindexed pages are candidates (or hits) already
        # Pages the index does not cover yet, and page ids, are read directly.
        if indexed < _ALL:
            holds, needle = self._holds(search)
            conn.execute(f"{hit}SELECT rowid FROM pages p WHERE rowid > ? AND {holds}",
                         [indexed, needle])  # fmt: skip
        conn.execute(f"{hit}SELECT rowid FROM pages WHERE instr(id, ?) > 0", [search])
        if self._folds():  # the ids that folding changes, folded (the others are as they are)
            conn.execute(f"{hit}SELECT rowid FROM page_ids_folded WHERE instr(id, ?) > 0", [search])
        self._hits_search = search
        self._hits_key = (search, key[1], conn.total_changes)

    def _long_search(self, search: str, indexed: int) -> None:
        """Hits and candidates of a query of four or more characters.

        The phrase index holds every four characters of each page with their positions: a
        page holds the query where its 4-grams stand in a row, which is a phrase query, so
        it answers any length exactly, as the trigram index does three characters. A query
        holding characters the index folds gets that phrase's pages as candidates to
        confirm. The phrase is looked up in list order as far as the reader needs, as
        candidates are confirmed (_confirm): the first rows of a common phrase do not wait
        for its 90,000 pages. Pages beyond the phrase index (the window builds it after
        the trigram index) take their candidates from the trigram index; pages beyond
        both, and pages whose rowid the phrase index may hold stale, are candidates all.
        """
        conn = self.db.conn
        phrased, stale = self._indexed_rowid(_PHRASES), "SELECT rowid FROM phrase_stale"
        candidate = "INSERT OR IGNORE INTO temp.search_candidates (rowid) "
        if phrased:  # one phrase: the 4-grams in a row
            folded = _FOLDED if self._folds() else _FOLDED_BEFORE_13
            found = "search_candidates" if folded.intersection(search) else "search_hits"
            self._phrase = (_fts(phrase_grams(search)), found)
            self._confirmed_to = 0
        if indexed > phrased:
            trigrams = sorted({search[i : i + 3] for i in range(len(search) - 2)})[:12]
            conn.execute(
                f"{candidate}SELECT rowid FROM pages_fts WHERE pages_fts MATCH ? AND rowid > ?",
                [" AND ".join(map(_fts, trigrams)), phrased],
            )
        conn.execute(
            f"{candidate}SELECT rowid FROM pages WHERE rowid > ? OR rowid IN ({stale})",
            [max(indexed, phrased)],
        )
        if conn.execute("SELECT 1 FROM temp.search_candidates LIMIT 1").fetchone():
            self._confirmed_to = 0

    def _confirm(self, upto: int) -> None:
        """Confirm the held search up to rowid ``upto`` (each rowid once): its phrase's
        pages in the phrase index, then its candidates, by reading them."""
        if upto <= self._confirmed_to:
            return
        conn = self.db.conn
        if self._phrase is not None:
            match, found = self._phrase
            conn.execute(
                f"INSERT OR IGNORE INTO temp.{found} (rowid) SELECT rowid FROM pages_phrases "
                "WHERE pages_phrases MATCH ? AND rowid > ? AND rowid <= ? "
                "AND rowid NOT IN (SELECT rowid FROM phrase_stale)",
                [match, self._confirmed_to, upto],
            )
        stretch = [self._confirmed_to, upto]
        if conn.execute(  # the page text is not even asked for when there is none to read
            "SELECT 1 FROM temp.search_candidates WHERE rowid > ? AND rowid <= ? LIMIT 1", stretch
        ).fetchone():
            holds, needle = self._holds(self._hits_search)
            conn.execute(
                "INSERT OR IGNORE INTO temp.search_hits (rowid) SELECT c.rowid "
                # CROSS JOIN: candidates outside, so only their pages are read (the planner
                # would otherwise walk the pages of the rowid range).
                "FROM temp.search_candidates c CROSS JOIN pages p ON p.rowid = c.rowid "
                f"WHERE c.rowid > ? AND c.rowid <= ? AND {holds}",
                [*stretch, needle],
            )
        self._confirmed_to = upto
        # Filling the temp table counts as changes of ours: remember the count after it.
        assert self._hits_key is not None
        self._hits_key = (*self._hits_key[:2], conn.total_changes)

    def _folds(self) -> bool:
        """Whether this database's search folds case and width (schema 13 on; a read-only
        reader of an older file searches it exactly, as its indexes were made)."""
        if self._folded_search is None:
            version = self.db.conn.execute("PRAGMA user_version").fetchone()[0]
            self._folded_search = version >= FOLDED_SINCE
        return self._folded_search

    def _holds(self, search: str) -> tuple[str, Any]:
        """The SQL test that ``p.text`` holds ``search`` (folded, see :meth:`_folds`), and
        its parameter.

        Folded: the page is searched in Python (folding.holder: folded only where that can
        change what is found). Exact (older files): SQLite's instr() steps through the text
        one character at a time and costs twice the reading of the page; Python's bytes
        search (memchr) on the stored UTF-8 is exact as well (a UTF-8 needle can only match
        at a character boundary), so a confirming pass costs little more than reading the
        pages.
        """
        if self._folds():
            if not self._holds_folded_sql:
                self.db.conn.create_function("holds_folded", 2, _holds_folded, deterministic=True)
                self._holds_folded_sql = "holds_folded(p.text, ?)"
            return self._holds_folded_sql, search
        return self._holds_exact(search)

    def _holds_exact(self, search: str) -> tuple[str, Any]:
        """The SQL test that ``p.text`` holds ``search`` as it is, and its parameter."""
        if not self._holds_sql:  # once per connection: a file's encoding never changes
            conn = self.db.conn
            if conn.execute("PRAGMA encoding").fetchone()[0] != "UTF-8":
                self._holds_sql = "instr(p.text, ?) > 0"
            else:
                conn.create_function("holds_bytes", 2, _holds_bytes, deterministic=True)
                self._holds_sql = "holds_bytes(CAST(p.text AS BLOB), ?)"
        if self._holds_sql.startswith("instr"):
            return self._holds_sql, search
        return self._holds_sql, search.encode("utf-8")

    def _confirm_first(self, status: str | None, search: str, need: int) -> None:
        """Confirm the held search in list order until the list of ``status`` holds its
        first ``need`` pages (or all is confirmed): a screenful of a common word reads a
        few hundred pages (or their entries in the phrase index), not the 90,000 that
        hold it."""
        self._start_search(search)
        step = max(need + need // 4, _FIRST_STEP)  # most candidates of a long query are hits
        while self._confirmed_to < _ALL:
            if need <= 0 or self._found(status) >= need:
                return
            self._confirm(self._stretch(step))
            step *= 2  # a rare word: fewer rounds

    def _stretch(self, step: int) -> int:
        """The rowid up to which the next ``step`` pages to confirm reach (of the
        candidates, and of the phrase's pages in the index): _ALL when fewer are left."""
        after = self._confirmed_to
        lists: list[tuple[str, list[Any]]] = [
            ("SELECT rowid FROM temp.search_candidates WHERE rowid > ?", [after])
        ]
        if self._phrase is not None:
            lists.append(
                (
                    "SELECT rowid FROM pages_phrases WHERE pages_phrases MATCH ? AND rowid > ?",
                    [self._phrase[0], after],
                )
            )
        upto = _ALL
        for rowids, params in lists:
            top, count = self.db.conn.execute(
                f"SELECT max(rowid), count(*) FROM ({rowids} ORDER BY rowid LIMIT ?)",
                [*params, step],
            ).fetchone()
            if count == step:
                upto = min(upto, top)
        return upto

    def _found(self, status: str | None) -> int:
        """Hits of ``status`` in the confirmed stretch of the held search."""
        rowids, params = self._hits_sql(status)
        return self.db.conn.execute(f"SELECT count(*) FROM ({rowids})", params).fetchone()[0]

    def _hits_sql(self, status: str | None) -> tuple[str, list[Any]]:
        """SQL for the rowids of the held search's hits of ``status`` (confirmed ones)."""
        where, params = self._status_where(status)
        if self._confirmed_to < _ALL:
            where.append("p.rowid <= ?")
            params.append(self._confirmed_to)
        if not status:  # every hit is a page: the hits alone, not even the status index
            return "SELECT p.rowid AS r FROM temp.search_hits p" + _where(where), params
        where.append("p.rowid IN (SELECT rowid FROM temp.search_hits)")
        # The status index holds every rowid and is far smaller than the table (whose rows
        # hold the page text): walking it, and probing the hits, never reads a page.
        return "SELECT p.rowid AS r FROM pages p INDEXED BY pages_status" + _where(where), params

    def found_pages(self, status: str | None, search: str) -> tuple[int, bool]:
        """How many pages of ``status`` the search has found so far, and whether that is
        all of them (every candidate confirmed): a list may show those before the count
        of the rest is in."""
        self._confirm_first(status, search, 0)
        return self._found(status), self._confirmed_to == _ALL

    def _short_search_hits(self, search: str) -> None:
        # Every occurrence of one or two characters either starts a trigram of the index
        # (found by the index's own sorted term list) or lies in a page's last two
        # characters (page_tails): no page text is read.
        conn = self.db.conn
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.pages_fts_terms "
            "USING fts5vocab(main, 'pages_fts', 'row')"
        )
        terms = [
            row[0]
            for row in conn.execute(
                "SELECT term FROM temp.pages_fts_terms WHERE term >= ? AND term < ?",
                [search, search + "\U0010ffff"],
            )
        ]
        for i in range(0, len(terms), 200):  # a few hundred terms per query keeps it quick
            conn.execute(
                "INSERT OR IGNORE INTO temp.search_hits (rowid) "
                "SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?",
                [" OR ".join(map(_fts, terms[i : i + 200]))],
            )
        conn.execute(
            "INSERT OR IGNORE INTO temp.search_hits (rowid) "
            "SELECT rowid FROM page_tails WHERE instr(tail, ?) > 0",
            [search],
        )

    def _rowids_sql(
        self, status: str | None, search: str | None, need: int | None = None
    ) -> tuple[str, list[Any]]:
        """SQL for the rowids of the filtered pages (column ``r``), read from indexes and,
        for a search, its hits (found once, see _search_hits), never from the table: lists
        and counts stay fast on 100,000 pages. With ``need``, a search is confirmed only as
        far as the first ``need`` pages of the list (see _confirm_first); the rows after
        the confirmed stretch are left out, so what is returned is exact."""
        if search:
            if need is None:
                self._search_hits(search)
            else:
                self._confirm_first(status, search, need)
            return self._hits_sql(status)
        where, params = self._status_where(status)
        # The status index holds every rowid and is far smaller than the table (whose rows
        # hold the page text): walking it never reads a page.
        return "SELECT p.rowid AS r FROM pages p INDEXED BY pages_status" + _where(where), params

    def _indexed_rowid(self, index: str = _TRIGRAMS) -> int:
        """The last rowid ``index`` covers (its watermark in ``meta``): the trigram index
        by default, or the phrase index (_PHRASES)."""
        row = self.db.conn.execute("SELECT value FROM meta WHERE key = ?", [index]).fetchone()
        return int(row[0]) if row else 0

    def index_search(
        self, limit: int | None = None, *, wait: bool = True, budget_s: float | None = None
    ) -> int:
        """Add pages not yet in the full-text index to it (one transaction); at most
        ``limit`` pages when given, and with ``budget_s`` no more pages once that many
        seconds have passed (at least one page is added). Returns how many pages were
        indexed.

        Import calls it every few hundred pages and at the end; opening a database catches
        up a short lag (a crash mid-import); the window catches up a long one (an upgrade
        that rebuilds the index) in steps of a few milliseconds each, so that it never
        stops responding. Until then, pages beyond the index are searched directly, so
        results are always complete. ``wait=False`` returns 0 at once when another
        connection holds the write lock.
        """
        return self._indexing(
            "pages_fts", lambda deadline: self._add_search_pages(limit, deadline), budget_s, wait
        )

    def _indexing(
        self, table: str, step: Callable[[float | None], int], budget_s: float | None, wait: bool
    ) -> int:
        """``step`` as one write-locked transaction (:meth:`_index_step`): with no deadline,
        or with ``budget_s`` under :meth:`_budgeted`'s merges of ``table``."""
        if budget_s is None:
            return self._index_step(lambda: step(None), wait=wait)
        return self._index_step(lambda: self._budgeted(table, step, budget_s), wait=wait)

    def _budgeted(self, table: str, step: Callable[[float], int], budget_s: float) -> int:
        """Merges of ``table`` that are due, then ``step`` (which stops at the deadline it
        is given), in ``budget_s`` seconds or so: returns what ``step`` does.

        An FTS5 index is a pile of segments, one per transaction, merged as they pile up: by
        its automerge as a commit writes the new one, or all of a level at once when 16
        have piled up (a crisis merge). Steps of a few pages each paid that at their
        commits: 30 ms every 16 steps, 150-200 ms every 256, more as the index grows. So a
        step turns automerge off, first merges in small pieces against the clock (a
        positive 'merge' works only where four segments or more wait on a level, so the
        levels never reach a crisis), then indexes pages, writes them out with automerge
        still off, and sets it back before the commit.
        """
        start = time.perf_counter()
        conn = self.db.conn
        config = f"INSERT INTO {table} ({table}, rank) VALUES (?, ?)"
        row = conn.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
        conn.execute(config, ["automerge", 0])
        while time.perf_counter() < start + budget_s * _MERGE_SHARE:
            before = conn.total_changes
            conn.execute(config, ["merge", _MERGE_PAGES])
            if conn.total_changes - before < 2:  # nothing was due
                break
        taken = step(start + budget_s)
        # A savepoint makes FTS5 write out the pages it holds in memory, which the commit
        # would otherwise write (and merge) with automerge back on.
        conn.execute("SAVEPOINT index_step")
        conn.execute("RELEASE index_step")
        conn.execute(config, ["automerge", _AUTOMERGE if row is None else row[0]])
        return taken

    def _add_search_pages(self, limit: int | None, deadline: float | None) -> int:
        count = 0
        for rows in self._unindexed(_TRIGRAMS, limit, 256, deadline):
            folded = [(rowid, fold(text)) for rowid, text in rows]  # schema 13: folded text
            conn = self.db.conn
            conn.executemany("INSERT INTO pages_fts (rowid, text) VALUES (?, ?)", folded)
            conn.executemany(
                "INSERT OR REPLACE INTO page_tails (rowid, tail) VALUES (?, ?)",
                [(rowid, text[-2:]) for rowid, text in folded],
            )
            count += len(rows)
        return count

    def _unindexed(
        self, key: str, limit: int | None, size: int, deadline: float | None
    ) -> Iterator[list[tuple[int, str]]]:
        """The pages past the watermark ``key`` of an index, at most ``limit``, as slices
        of ``size`` pages (a whole database's text never sits in memory), or of one page
        against a ``deadline``, none after it has passed; the watermark moves past the
        slices the caller has indexed."""
        conn = self.db.conn
        cursor = conn.execute(
            "SELECT rowid, text FROM pages WHERE rowid > ? ORDER BY rowid LIMIT ?",
            [self._indexed_rowid(key), -1 if limit is None else limit],  # LIMIT -1: no limit
        )
        top = None
        try:
            for rows in _slices(cursor, size if deadline is None else 1):
                yield rows
                top = rows[-1][0]
                if deadline is not None and time.perf_counter() >= deadline:
                    break
        finally:
            cursor.close()
        if top is not None:  # once a step: the step is one transaction anyway
            conn.execute("UPDATE meta SET value = ? WHERE key = ?", [str(top), key])

    def _index_step(self, step: Callable[[], int], *, wait: bool) -> int:
        """Run ``step`` holding the write lock (one transaction); its count, or 0 when
        ``wait`` is False and another connection holds the lock."""
        conn = self.db.conn
        # The write lock first: two windows catching up must not index a page twice.
        # Without ``wait`` (the window's background steps) a busy database is left for the
        # next step instead of blocking the window for the busy timeout.
        if not wait:
            conn.execute("PRAGMA busy_timeout = 0")
        try:
            with self._write_locked():
                return step()
        except sqlite3.OperationalError as exc:
            if wait or "locked" not in str(exc):
                raise
            return 0  # another connection holds the write lock: the next step tries again
        finally:
            if not wait:
                conn.execute(f"PRAGMA busy_timeout = {common.BUSY_TIMEOUT_MS}")

    def search_lag(self, at_most: int | None = None) -> int:
        """How many pages the full-text index does not cover yet, counting no further than
        ``at_most`` (1: whether any; a full count over 100,000 pages takes ~10 ms of CPU)."""
        return self._count_after(self._indexed_rowid(), at_most)

    def _count_after(self, rowid: int, at_most: int | None) -> int:
        """The pages after ``rowid``, at most ``at_most`` of them (LIMIT stops the scan).

        All of them are counted on the status index, which holds every rowid in a few
        megabytes: walking the table itself reads a leaf page of text per page (100,000
        pages: 0.5 s, 20 s from a cold disk, against 30 ms), which the window's first
        index step after an upgrade did."""
        if at_most is None:
            sql, params = (
                "SELECT count(*) FROM pages INDEXED BY pages_status WHERE rowid > ?",
                [rowid],
            )
        else:
            sql = "SELECT count(*) FROM (SELECT 1 FROM pages WHERE rowid > ? LIMIT ?)"
            params = [rowid, at_most]
        return self.db.conn.execute(sql, params).fetchone()[0]

    def index_phrases(
        self, limit: int | None = None, *, wait: bool = True, budget_s: float | None = None
    ) -> int:
        """Add pages not yet in the phrase index to it (one transaction), at most ``limit``
        when given, after forgetting deleted pages' 4-grams; with ``budget_s``, no more
        once that many seconds have passed (at least one page or forgotten page is taken).
        Returns how many pages (and forgotten pages) it took.

        Kept apart from index_search(): writing a page's 4-grams costs about three times its
        trigrams, which an import need not wait for. The window catches up in the
        background; until then searches read the pages the index lacks, so they stay
        exact. ``wait=False`` returns 0 at once when another connection holds the lock.
        """

        def step(deadline: float | None) -> int:
            taken = self._forget_stale_phrases(deadline)
            if not taken or deadline is None or time.perf_counter() < deadline:
                taken += self._add_phrases(limit, deadline)
            return taken

        return self._indexing("pages_phrases", step, budget_s, wait)

    def _forget_stale_phrases(self, deadline: float | None = None) -> int:
        # A contentless index forgets a page's terms only when given them again; a page
        # that took the deleted page's rowid meanwhile (below the watermark) goes in now.
        conn, forgotten = self.db.conn, 0
        for rowid, text in conn.execute("SELECT rowid, text FROM phrase_stale").fetchall():
            conn.execute(
                "INSERT INTO pages_phrases (pages_phrases, rowid, grams) VALUES ('delete', ?, ?)",
                [rowid, phrase_grams(fold(text))],
            )
            row = conn.execute("SELECT text FROM pages WHERE rowid = ?", [rowid]).fetchone()
            if row is not None:
                conn.execute(
                    "INSERT INTO pages_phrases (rowid, grams) VALUES (?, ?)",
                    [rowid, phrase_grams(fold(row[0]))],
                )
            conn.execute("DELETE FROM phrase_stale WHERE rowid = ?", [rowid])
            forgotten += 1
            if deadline is not None and time.perf_counter() >= deadline:
                break
        return forgotten

    def _add_phrases(self, limit: int | None, deadline: float | None = None) -> int:
        added = 0
        for rows in self._unindexed(_PHRASES, limit, _PHRASE_SLICE, deadline):
            self.db.conn.executemany(
                "INSERT INTO pages_phrases (rowid, grams) VALUES (?, ?)",
                [(rowid, phrase_grams(fold(text))) for rowid, text in rows],
            )
            added += len(rows)
        return added

    def phrase_lag(self, at_most: int | None = None) -> int:
        """How many pages the phrase index does not cover yet (or holds stale), counting no
        further than ``at_most`` (1: whether any)."""
        stale = self.db.conn.execute("SELECT count(*) FROM phrase_stale").fetchone()[0]
        if at_most is not None and stale >= at_most:
            return at_most
        rest = None if at_most is None else at_most - stale
        return stale + self._count_after(self._indexed_rowid(_PHRASES), rest)

    def count_pages(self, status: str | None = None, search: str | None = None) -> int:
        rowids, params = self._rowids_sql(status, search)
        return self.db.conn.execute(f"SELECT count(*) FROM ({rowids})", params).fetchone()[0]

    def page_rows(
        self, offset: int, limit: int, status: str | None = None, search: str | None = None
    ) -> list[PageRow]:
        """A window of the page list (in import order), for lazy list models."""
        rowids, params = self._rowids_sql(status, search, need=offset + limit)
        rows = self.db.conn.execute(
            "SELECT p.rowid, p.id, p.status, "
            "(SELECT count(DISTINCT article) FROM blocks b WHERE b.page_id = p.id), "
            "(SELECT count(*) FROM spans s WHERE s.page_id = p.id AND s.status = 'accepted'), "
            "(SELECT count(*) FROM spans s WHERE s.page_id = p.id AND s.status = 'suggested') "
            f"FROM pages p WHERE p.rowid IN ({rowids} ORDER BY r LIMIT ? OFFSET ?) "
            "ORDER BY p.rowid",
            [*params, limit, offset],
        ).fetchall()
        return [PageRow(*row) for row in rows]

    def page_position(
        self, page_id: str, status: str | None = None, search: str | None = None
    ) -> int | None:
        """The row number of ``page_id`` in the filtered list, or None when filtered out."""
        row = self.db.conn.execute("SELECT rowid FROM pages WHERE id = ?", [page_id]).fetchone()
        if row is None:
            return None
        if search:  # the rows up to this page are all it takes
            self._start_search(search)
            self._confirm(row[0])
        rowids, params = self._rowids_sql(status, search, need=0)
        before, inside = self.db.conn.execute(
            f"SELECT count(*) FILTER (WHERE r < ?), count(*) FILTER (WHERE r = ?) FROM "
            f"({rowids}) WHERE r <= ?",
            [row[0], row[0], *params, row[0]],
        ).fetchone()
        return before if inside else None

    def neighbour_page(
        self, page_id: str, step: int, status: str | None = None, search: str | None = None
    ) -> str | None:
        """The next (step=1) or previous (step=-1) page in import order, optionally by status
        and among the pages a search finds."""
        rowid = self.db.conn.execute("SELECT rowid FROM pages WHERE id = ?", [page_id]).fetchone()
        if rowid is None:
            return None
        cmp, order = (">", "ASC") if step > 0 else ("<", "DESC")
        where, params = self._found_where(status, search)
        where.append(f"p.rowid {cmp} ?")
        row = self.db.conn.execute(
            f"SELECT p.id FROM pages p{_where(where)} ORDER BY p.rowid {order} LIMIT 1",
            [*params, rowid[0]],
        ).fetchone()
        return row[0] if row else None

    def page_ids(self, status: str | None = None) -> list[str]:
        """Every page id (optionally of one status) in import order."""
        where, params = self._status_where(status)
        sql = f"SELECT p.id FROM pages p{_where(where)} ORDER BY p.rowid"
        return [row[0] for row in self.db.conn.execute(sql, params)]

    def first_page(self, status: str | None = None, search: str | None = None) -> str | None:
        """The first page in import order, optionally by status and among a search's hits."""
        where, params = self._found_where(status, search)
        row = self.db.conn.execute(
            f"SELECT p.id FROM pages p{_where(where)} ORDER BY p.rowid LIMIT 1", params
        ).fetchone()
        return row[0] if row else None

    def status_counts(self, search: str | None = None) -> dict[str, int]:
        """Pages per status, of every page or of those a search finds (one query)."""
        counts = dict.fromkeys(PAGE_STATUSES, 0)
        where, params = "", list[Any]()
        if search:  # its hits (found once per search), probed while walking the status index
            rowids, params = self._rowids_sql(None, search)
            where = f" WHERE p.rowid IN ({rowids})"
        for status, n in self.db.conn.execute(
            f"SELECT p.status, count(*) FROM pages p INDEXED BY pages_status{where} GROUP BY 1",
            params,
        ):
            counts[status] = n
        return counts

    def pages_containing(self, fragment: str, limit: int = 20, *, exact: bool = False) -> list[str]:
        """Ids of the first ``limit`` pages (in import order) whose text contains
        ``fragment`` as search finds it (folded for case and width), or with ``exact`` as
        it is: import placing gold by its text wants the pages that hold it verbatim, and
        pages holding only a folded twin (ＧＤＰ for GDP) must not take their places.

        Exact: the pages are those the folded search finds for the fragment's core (without
        the characters at its ends that folding may join to a neighbour, see
        folding.kept_core), each then checked for the fragment itself, as far down the
        list as it takes; a fragment without such a core (Latin letters only) reads every
        page."""
        if not exact or not self._folds():
            rowids, params = self._rowids_sql(None, fragment, need=limit)
            rows = self.db.conn.execute(
                f"SELECT p.id FROM pages p WHERE p.rowid IN ({rowids}) ORDER BY p.rowid LIMIT ?",
                [*params, limit],
            )
            return [row[0] for row in rows]
        holds, needle = self._holds_exact(fragment)
        core = kept_core(fragment)
        if not core:
            rows = self.db.conn.execute(
                f"SELECT p.id FROM pages p WHERE {holds} ORDER BY p.rowid LIMIT ?", [needle, limit]
            )
            return [row[0] for row in rows]
        need = limit
        while True:
            rowids, params = self._rowids_sql(None, core, need=need)
            found = self.db.conn.execute(
                f"SELECT p.id FROM pages p WHERE p.rowid IN ({rowids}) AND {holds} "
                "ORDER BY p.rowid LIMIT ?",
                [*params, needle, limit],
            ).fetchall()
            if len(found) >= limit or self._confirmed_to >= _ALL:
                return [row[0] for row in found]
            need *= 4  # the rest of the list holds the core only folded, or not as a whole

    def least_sure_page(self, exclude: str | None = None, search: str | None = None) -> str | None:
        """The page to review whose learnt-model suggestions the model is least sure of.

        Among pages not done (new, in progress, flagged) with open ``model`` suggestions,
        and with ``search`` among the pages it finds, the one holding the suggestion of
        lowest confidence (ties: import order); None when no page has any (then the window
        falls back to page order).
        """
        sql, params = LEAST_SURE_SQL, [exclude or ""]
        if search:  # its hits, found once per search, probed as the doubt index is walked
            rowids, hit_params = self._rowids_sql(None, search)
            sql = sql.replace(" ORDER BY ", f" AND p.rowid IN ({rowids}) ORDER BY ", 1)
            params = [*params, *hit_params]
        row = self.db.conn.execute(sql, params).fetchone()
        return row[0] if row else None
