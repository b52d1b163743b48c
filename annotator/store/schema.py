"""The schema: its version in ``PRAGMA user_version`` and the named migrations that build
and upgrade it, each in its own transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone

import sqlite_utils

from annotator.resources import default_labels
from annotator.store.folding import UNICODE_VERSION

SCHEMA_VERSION = 13
# The oldest schema a read-only open (stats, export, background search) reads as it is:
# 11 only adds an index that readers never use, so a team lead's export after an upgrade
# does not wait for someone to open the database in the window first; 12 repairs accepted
# twins, which every export leaves out of an older file anyway; 13 folds the search
# indexes (a reader of an older file searches it exactly, as before).
READABLE_SINCE = 10
# The first schema whose search indexes hold folded text (folding.fold).
FOLDED_SINCE = 13
# Who the edit log names for a repair a migration made (not a reviewer, not an import).
REPAIR_REVIEWER = "repair"


# --- schema and migrations -------------------------------------------------------------


def _execute_each(db: sqlite_utils.Database, *statements: str) -> None:
    # One statement at a time: executescript() would commit the migration's transaction.
    for statement in statements:
        db.conn.execute(statement)


def _m001_initial(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE pages (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new',
            reviewer TEXT,
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX pages_status ON pages(status);
        CREATE INDEX pages_sha256 ON pages(sha256);
        CREATE TABLE blocks (
            page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            role TEXT NOT NULL,
            article INTEGER,
            joins_previous INTEGER NOT NULL DEFAULT 0,
            confidence REAL NOT NULL DEFAULT 1.0,
            confidences TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (page_id, start)
        ) WITHOUT ROWID;
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            origin TEXT NOT NULL,
            status TEXT NOT NULL,
            attrs TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX spans_page ON spans(page_id, start);
        CREATE TABLE edits (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            page_id TEXT NOT NULL,
            action TEXT NOT NULL,
            target INTEGER,
            operation TEXT NOT NULL,
            arguments TEXT NOT NULL,
            inverse TEXT NOT NULL,
            reviewer TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX edits_page ON edits(page_id, id);
        CREATE TABLE predictions (
            page_id TEXT PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
            blocks TEXT NOT NULL,
            spans TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE labels (
            name TEXT PRIMARY KEY,
            colour TEXT NOT NULL,
            hotkey TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        );
        """
    )
    rows = [
        {"name": x.name, "colour": x.colour, "hotkey": x.key, "description": x.description}
        for x in default_labels()
    ]
    for i, row in enumerate(rows):
        db.execute(
            "INSERT INTO labels (name, colour, hotkey, description, position) VALUES (?,?,?,?,?)",
            [row["name"], row["colour"], row["hotkey"], row["description"], i],
        )


def _m002_fulltext(db: sqlite_utils.Database) -> None:
    # Trigram tokens find any substring of three or more characters, which is what
    # reviewers of unsegmented Chinese text need; shorter queries fall back to instr().
    # detail=none keeps indexing cheap; matches are confirmed with instr(), so positions
    # are not needed. The index is derived data, filled in batches (index_search) rather
    # than by a trigger, because FTS5 costs ~2 ms per single-page transaction.
    db.executescript(
        """
        CREATE VIRTUAL TABLE pages_fts USING fts5(
            text, content='pages', content_rowid='rowid', tokenize='trigram', detail=none
        );
        CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
            INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        INSERT INTO meta (key, value) VALUES ('search_indexed_rowid', '0');
        """
    )


def _m003_fulltext_case_sensitive(db: sqlite_utils.Database) -> None:
    # Matches are confirmed with instr(), which is case-sensitive, so folding case in the
    # index only cost time: without it, indexing a page is a quarter cheaper. The index is
    # rebuilt by index_search() (the watermark goes back to 0); until then, unindexed
    # pages are searched directly, so search stays right while it catches up.
    _execute_each(
        db,
        "DROP TRIGGER IF EXISTS pages_fts_delete",
        "DROP TABLE IF EXISTS pages_fts",
        "CREATE VIRTUAL TABLE pages_fts USING fts5(text, content='pages', "
        "content_rowid='rowid', tokenize='trigram case_sensitive 1', detail=none)",
        "CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN "
        "INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
        "END",
        # Merge segments less eagerly (16 per level before merging, not 4): a quarter
        # less work per indexed page; lookups stay fast, the segments are few per level.
        "INSERT INTO pages_fts (pages_fts, rank) VALUES ('automerge', 16)",
        "UPDATE meta SET value = '0' WHERE key = 'search_indexed_rowid'",
    )


def _m004_papers_and_models(db: sqlite_utils.Database) -> None:
    # Pages carry their newspaper, so that learnt models keep each paper's conventions.
    # Models trained from the gold live in the same file as the gold (one file to back up),
    # with what they learnt from and how well they scored.
    _execute_each(
        db,
        "ALTER TABLE pages ADD COLUMN paper TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX pages_paper ON pages(paper)",
        "CREATE TABLE models ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " kind TEXT NOT NULL,"
        " version INTEGER NOT NULL,"
        " created_at TEXT NOT NULL,"
        " pages INTEGER NOT NULL,"
        " meta TEXT NOT NULL DEFAULT '{}',"
        " data BLOB NOT NULL)",
        "CREATE INDEX models_kind ON models(kind, id)",
    )


def _m006_page_tails(db: sqlite_utils.Database) -> None:
    # A search of one or two characters is answered from the trigram index (every trigram
    # that starts with them) and from the last two characters of each page, which no
    # trigram starts at; kept here so that such a search never reads the page text.
    _execute_each(
        db,
        "CREATE TABLE page_tails (rowid INTEGER PRIMARY KEY, tail TEXT NOT NULL)",
        "INSERT INTO page_tails (rowid, tail) SELECT rowid, substr(text, -2) FROM pages "
        "WHERE rowid <= (SELECT CAST(value AS INTEGER) FROM meta "
        "WHERE key = 'search_indexed_rowid')",
        "CREATE TRIGGER page_tails_delete AFTER DELETE ON pages BEGIN "
        "DELETE FROM page_tails WHERE rowid = old.rowid; END",
    )


def _m007_block_confidence_derived(db: sqlite_utils.Database) -> None:
    # A block's ``confidence`` was the lowest of its ``confidences``, stored beside them:
    # the two could disagree, and Block had to leave the dict out of comparisons. It is
    # derived now (Block.confidence). A block with a confidence below 1 but no decisions
    # (none is known to exist) keeps it as a "split" decision, so no doubt is lost.
    _execute_each(
        db,
        "UPDATE blocks SET confidences = json_object('split', confidence) "
        "WHERE confidence < 1.0 AND confidences IN ('{}', '')",
        "ALTER TABLE blocks DROP COLUMN confidence",
    )
    # The predicted blocks lose it as well: rows of JSON in SQL (a Python loop took minutes
    # on 100,000 pages), objects (databases before predictions were rows) in Python.
    db.conn.execute(
        "UPDATE predictions SET blocks = (SELECT json_group_array(json(CASE "
        "WHEN json_extract(value, '$[5]') < 1.0 AND json_extract(value, '$[6]') = '{}' "
        "THEN json_replace(json_remove(value, '$[5]'), '$[5]', "
        "json_object('split', json_extract(value, '$[5]')) || '') "
        "ELSE json_remove(value, '$[5]') END)) FROM json_each(predictions.blocks)) "
        "WHERE json_type(blocks, '$[0]') = 'array'"
    )
    rows = db.conn.execute(
        "SELECT page_id, blocks FROM predictions WHERE json_type(blocks, '$[0]') = 'object'"
    ).fetchall()
    db.conn.executemany(
        "UPDATE predictions SET blocks = ? WHERE page_id = ?",
        [(_predicted_blocks_v7(text), page_id) for page_id, text in rows],
    )


def _predicted_blocks_v7(text: str) -> str:
    """Predicted blocks as stored before migration 7, in the encoding of version 7.

    A frozen copy of that encoding, not the live row encoder: a later change to how rows
    are encoded must not change what this migration writes (later migrations rewrite rows
    of their own version). Version 7 stores a block as ``[start, end, role, article,
    joins (0/1), confidences as compact JSON text]`` in a compact JSON array.
    """
    blocks = []
    for item in json.loads(text):
        if isinstance(item, dict):  # databases written before predictions were rows
            item = [item["start"], item["end"], item["role"], item.get("article"),
                    item.get("joins_previous", False), item.get("confidence", 1.0),
                    json.dumps(item.get("confidences") or {})]  # fmt: skip
        start, end, role, article, joins, confidence, confidences = item
        decisions = json.loads(confidences) or ({"split": confidence} if confidence < 1 else {})
        decided = json.dumps(decisions, separators=(",", ":"))
        blocks.append([start, end, role, article, int(bool(joins)), decided])
    return json.dumps(blocks, ensure_ascii=False, separators=(",", ":"))


def _m008_predictions_until_first_change(db: sqlite_utils.Database) -> None:
    # From version 8 an imported page keeps no copy of its blocks and spans in
    # ``predictions`` until its first change: its row there holds '' in ``blocks`` and
    # ``spans`` (not JSON), meaning "the page's own rows are its predictions", and the store
    # writes the copy in the transaction of the first change. That copy was a quarter of
    # the file and of the import's writes. The copies already kept stay valid as they are,
    # so nothing is rewritten; the version number is what keeps an older annotator, which
    # would read '' as JSON, from opening a database that holds such rows.
    del db


# The phrase index's tokenizer: every ASCII character but the letters and digits (already
# token characters of the ascii tokenizer) and \x00/\x01 is part of a token, \x01 alone
# separates tokens. Non-ASCII characters are always token characters.
PHRASE_SEPARATOR = "\x01"
_PHRASE_TOKENCHARS = "".join(chr(c) for c in range(2, 128) if not chr(c).isalnum())
PHRASE_TOKENIZE = "ascii tokenchars '{}' separators '\x01'".format(
    _PHRASE_TOKENCHARS.replace("'", "''")
)


def _m009_phrase_index(db: sqlite_utils.Database) -> None:
    # A search of four characters is answered by an index of every page's four-character
    # strings (each page's text written as its 4-grams, see search.phrase_grams), as one of
    # three is by the trigram index; longer ones get few candidates to confirm from it. It
    # holds no positions (detail=none): about the size of the trigram index, where one
    # with positions was 4.8 times larger. Contentless: the 4-grams are never stored.
    # Filled by index_phrases() in the background (the watermark starts at 0); until then
    # unindexed pages are searched as before, so results stay exact.
    tokenize = PHRASE_TOKENIZE.replace('"', '""')
    _execute_each(
        db,
        f"CREATE VIRTUAL TABLE pages_phrases USING fts5(grams, content='', "
        f'tokenize="{tokenize}", detail=none)',
        "INSERT INTO pages_phrases (pages_phrases, rank) VALUES ('automerge', 16)",
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('phrase_indexed_rowid', '0')",
        # A contentless index forgets a page only when told its 4-grams again: a deleted
        # page's text waits here until index_phrases() does so; meanwhile searches leave
        # these rowids to be read directly. The first text of a rowid is the indexed one.
        "CREATE TABLE phrase_stale (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL)",
        "CREATE TRIGGER phrase_stale_delete AFTER DELETE ON pages "
        "WHEN old.rowid <= (SELECT CAST(value AS INTEGER) FROM meta "
        "WHERE key = 'phrase_indexed_rowid') BEGIN "
        "INSERT OR IGNORE INTO phrase_stale (rowid, text) VALUES (old.rowid, old.text); END",
        # pages has no INTEGER PRIMARY KEY: a page added after the last one was deleted
        # (a re-imported file) takes its rowid again, below the trigram watermark, where
        # index_search() would never look. Index it in the same statement instead.
        "CREATE TRIGGER pages_fts_reused_rowid AFTER INSERT ON pages "
        "WHEN new.rowid <= (SELECT CAST(value AS INTEGER) FROM meta "
        "WHERE key = 'search_indexed_rowid') BEGIN "
        "INSERT INTO pages_fts (rowid, text) VALUES (new.rowid, new.text); "
        "INSERT OR REPLACE INTO page_tails (rowid, tail) VALUES (new.rowid, substr(new.text, -2)); "
        "END",
    )


def _m010_phrase_positions(db: sqlite_utils.Database) -> None:
    # The phrase index keeps positions now (detail=full): a query of five or more
    # characters is then a phrase query of its 4-grams in a row, exact without reading a
    # page. Without positions a common phrase's candidates were nearly all hits, and
    # confirming them read a third of the database (2 s on 100,000 pages, where 200 ms
    # was asked). Positions make the index about 4.6 times larger (on the bench pages,
    # 3.1 times the trigram index, 1.2 times the page text). The window fills it again in
    # the background (the watermark goes back to 0; nothing is stale in an empty index);
    # until then unindexed pages are searched as before, so results stay exact.
    tokenize = PHRASE_TOKENIZE.replace('"', '""')
    _execute_each(
        db,
        "DROP TABLE pages_phrases",
        f"CREATE VIRTUAL TABLE pages_phrases USING fts5(grams, content='', "
        f'tokenize="{tokenize}", detail=full)',
        "INSERT INTO pages_phrases (pages_phrases, rank) VALUES ('automerge', 16)",
        "UPDATE meta SET value = '0' WHERE key = 'phrase_indexed_rowid'",
        "DELETE FROM phrase_stale",
    )


def _m011_model_doubt_index(db: sqlite_utils.Database) -> None:
    # "The page the model is least sure of" (Ctrl+Shift+Return) read every span of every
    # page not done to find the lowest confidence; the learnt model's open suggestions by
    # confidence let it stop at the first page not done. Partial: no other span pays.
    _execute_each(
        db,
        "CREATE INDEX spans_model_doubt ON spans(json_extract(attrs, '$.confidence')) "
        "WHERE status = 'suggested' AND origin = 'model'",
    )


def _m012_accepted_twins(db: sqlite_utils.Database) -> None:
    # Before twins were refused at edit time (refuse_twin_labels), a page could hold the
    # same accepted label twice over the same range, and every export wrote it twice. The
    # earliest (lowest id) stays; each later one is rejected, not deleted, and the page's
    # edit log gets one ordinary batch edit saying so (reviewer "repair"), which the
    # page's history and the edit counts show and which can be undone like any edit.
    conn = db.conn
    twins = conn.execute(
        "SELECT s.page_id, s.id FROM spans s WHERE s.status = 'accepted' AND EXISTS "
        "(SELECT 1 FROM spans t WHERE t.page_id = s.page_id AND t.start = s.start "
        'AND t."end" = s."end" AND t.label = s.label AND t.status = \'accepted\' '
        "AND t.id < s.id) ORDER BY s.page_id, s.id"
    ).fetchall()
    by_page: dict[str, list[int]] = {}
    for page_id, span_id in twins:
        by_page.setdefault(page_id, []).append(span_id)
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for page_id, ids in by_page.items():
        # The page's first change keeps its rows as its predictions first (a frozen copy
        # of PagesRoom._keep_predictions as of version 12: '' means "unchanged").
        conn.execute(
            "UPDATE predictions SET "
            'blocks = (SELECT json_group_array(json_array(b.start, b."end", b.role, '
            "b.article, b.joins_previous, b.confidences)) FROM "
            "(SELECT * FROM blocks WHERE page_id = ?1 ORDER BY start) AS b), "
            'spans = (SELECT json_group_array(json_array(s.start, s."end", s.label, '
            "s.origin, s.status, s.attrs)) FROM "
            "(SELECT * FROM spans WHERE page_id = ?1 ORDER BY id) AS s) "
            "WHERE page_id = ?1 AND spans = ''",
            [page_id],
        )
        conn.executemany("UPDATE spans SET status = 'rejected' WHERE id = ?", [(i,) for i in ids])
        ops = [{"kind": "set_span_status", "page_id": page_id,
                "args": {"id": i, "status": "rejected"}} for i in ids]  # fmt: skip
        undo = [{"kind": "set_span_status", "page_id": page_id,
                 "args": {"id": i, "status": "accepted"}} for i in reversed(ids)]  # fmt: skip
        conn.execute(
            "INSERT INTO edits (page_id, action, target, operation, arguments, inverse, "
            "reviewer, at) VALUES (?, 'do', NULL, 'batch', ?, ?, ?, ?)",
            [
                page_id,
                json.dumps({"ops": ops, "repair": "accepted twins"}, ensure_ascii=False),
                json.dumps(
                    {"kind": "batch", "page_id": page_id, "args": {"ops": undo}},
                    ensure_ascii=False,
                ),
                REPAIR_REVIEWER,
                stamp,
            ],
        )


def _m013_folded_search(db: sqlite_utils.Database) -> None:
    # Search folds case and width (folding.fold: NFKC, then case folding): "covid" finds
    # COVID and ＣＯＶＩＤ, "2025" finds ２０２５. Both indexes now hold each page's folded
    # text (the store registers search_fold() on every connection), so a search reads no
    # more than before. The trigram index holds no content of its own (content=''): the
    # folded text is in no table. Both are filled again in the background (watermarks back
    # to 0); meanwhile pages beyond them are read directly, so results stay complete.
    # Page ids are searched folded too: the few ids that folding changes are kept folded
    # in page_ids_folded, so that a search never folds 100,000 ids. (Only the triggers of a
    # page deleted, or added again below the watermark, call search_fold().)
    tokenize = PHRASE_TOKENIZE.replace('"', '""')
    watermark = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_rowid')"
    _execute_each(
        db,
        "DROP TRIGGER IF EXISTS pages_fts_delete",
        "DROP TRIGGER IF EXISTS pages_fts_reused_rowid",
        "DROP TABLE IF EXISTS pages_fts",
        "CREATE VIRTUAL TABLE pages_fts USING fts5(text, content='', "
        "tokenize='trigram case_sensitive 1', detail=none)",
        "INSERT INTO pages_fts (pages_fts, rank) VALUES ('automerge', 16)",
        # Only an indexed page is told to the index again to be forgotten.
        f"CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages WHEN old.rowid <= {watermark} "
        "BEGIN INSERT INTO pages_fts (pages_fts, rowid, text) "
        "VALUES ('delete', old.rowid, search_fold(old.text)); END",
        f"CREATE TRIGGER pages_fts_reused_rowid AFTER INSERT ON pages WHEN new.rowid <= {watermark} "
        "BEGIN INSERT INTO pages_fts (rowid, text) VALUES (new.rowid, search_fold(new.text)); "
        "INSERT OR REPLACE INTO page_tails (rowid, tail) "
        "VALUES (new.rowid, substr(search_fold(new.text), -2)); END",
        "DELETE FROM page_tails",
        "UPDATE meta SET value = '0' WHERE key = 'search_indexed_rowid'",
        "DROP TABLE pages_phrases",
        f"CREATE VIRTUAL TABLE pages_phrases USING fts5(grams, content='', "
        f'tokenize="{tokenize}", detail=full)',
        "INSERT INTO pages_phrases (pages_phrases, rank) VALUES ('automerge', 16)",
        "UPDATE meta SET value = '0' WHERE key = 'phrase_indexed_rowid'",
        "DELETE FROM phrase_stale",
        f"INSERT OR REPLACE INTO meta (key, value) VALUES ('fold_unicode', '{UNICODE_VERSION}')",
        "CREATE TABLE page_ids_folded (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL)",
        "INSERT INTO page_ids_folded (rowid, id) SELECT rowid, search_fold(id) FROM pages "
        "WHERE search_fold(id) != id",
        # Filled by the store as it inserts pages (PagesRoom.insert_pages), not by a
        # trigger: Python called inside every INSERT would take a Ctrl+C there, where
        # SQLite turns it into an error of the statement.
        "CREATE TRIGGER page_ids_folded_delete AFTER DELETE ON pages BEGIN "
        "DELETE FROM page_ids_folded WHERE rowid = old.rowid; END",
    )


def refold_search(db: sqlite_utils.Database) -> None:
    """Empty both search indexes for the background to fill again, when they were folded
    under another Unicode version than this Python's (a character new to it folds
    otherwise now). Called on a read-write open; nothing to do nearly always."""
    conn = db.conn
    row = conn.execute("SELECT value FROM meta WHERE key = 'fold_unicode'").fetchone()
    if row is None or row[0] == UNICODE_VERSION:
        return
    with db.atomic():
        _execute_each(
            db,
            "INSERT INTO pages_fts (pages_fts) VALUES ('delete-all')",
            "DELETE FROM page_tails",
            "UPDATE meta SET value = '0' WHERE key = 'search_indexed_rowid'",
            "INSERT INTO pages_phrases (pages_phrases) VALUES ('delete-all')",
            "UPDATE meta SET value = '0' WHERE key = 'phrase_indexed_rowid'",
            "DELETE FROM phrase_stale",
            "DELETE FROM page_ids_folded",
            "INSERT INTO page_ids_folded (rowid, id) SELECT rowid, search_fold(id) FROM pages "
            "WHERE search_fold(id) != id",
        )
        conn.execute("UPDATE meta SET value = ? WHERE key = 'fold_unicode'", [UNICODE_VERSION])


MIGRATIONS: list[tuple[int, str, Callable[[sqlite_utils.Database], None]]] = [
    (1, "initial", _m001_initial),
    (2, "fulltext", _m002_fulltext),
    (3, "fulltext_case_sensitive", _m003_fulltext_case_sensitive),
    (4, "papers_and_models", _m004_papers_and_models),
    # 5 is left to a migration being written beside this one; numbers only need to grow.
    (6, "page_tails", _m006_page_tails),
    (7, "block_confidence_derived", _m007_block_confidence_derived),
    (8, "predictions_until_first_change", _m008_predictions_until_first_change),
    (9, "phrase_index", _m009_phrase_index),
    (10, "phrase_positions", _m010_phrase_positions),
    (11, "model_doubt_index", _m011_model_doubt_index),
    (12, "accepted_twins", _m012_accepted_twins),
    (13, "folded_search", _m013_folded_search),
]


def migrate(db: sqlite_utils.Database, version: int) -> None:
    """Apply every migration above ``version``, each in its own transaction."""
    for number, _name, step in MIGRATIONS:
        if number <= version:
            continue
        with db.atomic():
            step(db)
            db.conn.execute(f"PRAGMA user_version = {number}")
