"""The store: schema, migrations, opening errors, search, lists and counts."""

from __future__ import annotations

import json
import sqlite3

import pytest

from annotator.edits import Op
from annotator.model import Block, Page, Span
from annotator.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError, migrate
from annotator.store.rows import predicted_blocks_json


def _page(i: int, text: str = "标题\n\n正文内容。") -> Page:
    return Page(f"p{i}", text, f"p{i}.txt", f"{i:064x}")


def _blocks() -> list[Block]:
    return [Block(0, 2, "headline", 1), Block(4, 9, "body", 1)]


def test_new_database_has_current_schema_wal_and_foreign_keys(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert {"pages", "blocks", "spans", "edits", "predictions", "labels"} <= set(
            store.db.table_names()
        )
        assert [x.name for x in store.labels()] == ["PER", "ORG", "LOC", "DATE", "FIGURE"]


def test_version_1_database_is_migrated_and_keeps_its_pages(tmp_path):
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    MIGRATIONS[0][2](db)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO pages (id, source, sha256, text, status, created_at, updated_at) "
        "VALUES ('old', 'old.txt', 'abc', '衡阳市政府召开会议', 'done', 't', 't')"
    )
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.page("old").status == "done"
        # The full-text index added by migration 2 covers pages that existed before it.
        assert store.count_pages(search="市政府") == 1


def test_migrate_is_idempotent(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        migrate(store.db, store.schema_version)
        assert store.schema_version == SCHEMA_VERSION


def test_newer_schema_is_refused_with_upgrade_advice(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer annotator.*upgrade"):
        Store.open(path)


def test_corrupt_file_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="junk.db: not an annotator database"):
        Store.open(path)


def test_other_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)


def test_read_only_database_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "ro.db"
    Store.open(path).close()
    # Tests run as root here, where file modes do not bind; report the file as read-only.
    monkeypatch.setattr("annotator.store.opening.os.access", lambda p, mode: False)
    with pytest.raises(StoreError, match="ro.db: the database is read-only"):
        Store.open(path)


def test_missing_database_is_not_created_when_create_is_false(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_add_page_keeps_predictions_as_first_computed(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1), _blocks(), [Span(4, 6, "ORG", "rule", "suggested")])
        store.apply(Op("set_role", "p1", {"block": 0, "role": "kicker"}))
        blocks, spans = store.predictions("p1")
        assert blocks[0].role == "headline"
        assert [(s.start, s.end, s.label, s.origin) for s in spans] == [(4, 6, "ORG", "rule")]


def test_predictions_round_trip_attributes_and_confidences(tmp_path):
    block = Block(0, 2, "headline", 1, False, {"role": 0.6, "boundary": 0.9})
    figure = Span(4, 6, "FIGURE", "rule", "suggested", {"value": 13.11, "unit": "万吨"})
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1), [block, *_blocks()[1:]], [figure])
        untouched = store.predictions("p1")
        # The first change writes the copy (in SQL): it must read back the same.
        store.apply(Op("set_role", "p1", {"block": 4, "role": "kicker"}))
        copied = store.predictions("p1")
        stored = store.db.execute("SELECT spans FROM predictions WHERE page_id = 'p1'").fetchone()
    assert stored[0] != ""  # the copy, not the page's own rows
    for blocks, spans in (untouched, copied):
        assert blocks[0] == block and blocks[0].confidences == block.confidences
        assert spans == [figure]


def test_predictions_written_as_dicts_by_earlier_versions_still_read(tmp_path):
    # Predicted blocks written as dicts are rewritten by migration 7 (tested below).
    span = Span(4, 6, "FIGURE", "rule", "suggested", {"value": 2.0, "unit": "个"})
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1), _blocks())
        store.db.execute(
            "UPDATE predictions SET blocks = ?, spans = ? WHERE page_id = 'p1'",
            [predicted_blocks_json(_blocks()), json.dumps([span.to_dict(with_id=False)])],
        )
        assert store.predictions("p1") == (_blocks(), [span])


def test_add_page_is_one_transaction(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        bad = [Block(0, 2, "headline", 1), Block(0, 2, "body", 1)]  # duplicate key
        with pytest.raises(sqlite3.IntegrityError):
            store.add_page(_page(1), bad)
        assert store.count_pages() == 0
        assert store.db.execute("SELECT count(*) FROM blocks").fetchone()[0] == 0


def test_search_finds_substrings_of_any_length(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1, "市委书记邓群策主持会议"), _blocks())
        store.add_page(_page(2, "植树造林,扮美雁城"), _blocks())
        assert store.count_pages(search="邓群策") == 1
        assert store.count_pages(search="雁城") == 1  # two characters: below trigram length
        assert store.count_pages(search="p2") == 1
        assert [r.id for r in store.page_rows(0, 10, search="会议")] == ["p1"]


def test_page_rows_count_articles_and_spans(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1), _blocks(), [Span(4, 6, "ORG", "rule", "suggested")])
        store.add_page(_page(2), [Block(0, 2, "headline", 1), Block(4, 9, "body", 2)])
        rows = store.page_rows(0, 10)
        assert [(r.id, r.articles, r.spans, r.suggested) for r in rows] == [
            ("p1", 1, 0, 1),
            ("p2", 2, 0, 0),
        ]


def test_status_filter_and_neighbours(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        for i in range(1, 5):
            store.add_page(_page(i), _blocks())
        store.apply(Op("set_page_status", "p2", {"status": "done"}))
        assert store.count_pages("done") == 1
        assert store.count_pages("not_done") == 3
        assert store.neighbour_page("p1", 1, "not_done") == "p3"
        assert store.neighbour_page("p3", -1) == "p2"
        assert store.page_position("p3", "not_done") == 1
        assert store.page_position("p2", "not_done") is None
        assert store.first_page("not_done") == "p1"


def test_stats_counts_everything(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1), _blocks(), [Span(4, 6, "ORG", "rule", "suggested")])
        store.apply(Op("add_span", "p1", {"start": 0, "end": 2, "label": "PER"}), "ana")
        figures = store.stats()
        assert figures["pages"] == {
            "total": 1,
            "new": 0,
            "in_progress": 1,
            "done": 0,
            "skipped": 0,
            "flagged": 0,
        }
        assert figures["articles"] == 1
        assert figures["blocks"] == {"body": 1, "headline": 1}
        assert figures["spans"] == {"ORG": {"suggested": 1}, "PER": {"accepted": 1}}
        assert figures["edits"] == {"ana": 1}


def test_second_connection_sees_edits_and_cache_is_refreshed(tmp_path):
    path = tmp_path / "a.db"
    with Store.open(path) as one, Store.open(path) as two:
        one.add_page(_page(1), _blocks())
        assert two.page_state("p1").blocks[0].role == "headline"
        one.apply(Op("set_role", "p1", {"block": 0, "role": "kicker"}))
        # two's cached state is stale; data_version tells it so.
        assert two.page_state("p1").blocks[0].role == "kicker"
        two.apply(Op("set_role", "p1", {"block": 0, "role": "headline"}))
        assert one.page_state("p1").blocks[0].role == "headline"


def test_a_state_held_past_another_connections_write_is_not_kept(tmp_path):
    path = tmp_path / "a.db"
    with Store.open(path) as one, Store.open(path) as two:
        one.add_page(_page(1), _blocks())
        epoch = two.state_epoch()
        held = two.page_state("p1")
        two.keep_state(held, epoch)  # nobody wrote: kept, as read
        assert two.page_state("p1") is held
        one.apply(Op("set_role", "p1", {"block": 0, "role": "kicker"}))
        two.keep_state(held, epoch)  # a gold import handing back what it read before
        assert two.page_state("p1").blocks[0].role == "kicker"


def test_a_state_held_past_its_pages_edit_on_the_same_connection_is_not_kept(tmp_path):
    # a caller that edits a page between reading it and handing it back must not bring
    # the state before its edit back into the cache
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1), _blocks())
        store.add_page(_page(2), _blocks())
        epoch = store.state_epoch()
        held, other = store.page_state("p1"), store.page_state("p2")
        store.apply(Op("set_role", "p1", {"block": 0, "role": "kicker"}))
        store.keep_state(held, epoch)
        assert store.page_state("p1").blocks[0].role == "kicker"
        store.keep_state(other, epoch)  # p2 was not edited: kept as read
        assert store.page_state("p2") is other


def test_gazetteer_counts_count_an_accepted_span(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1, "市委书记邓群策主持"), _blocks())
        store.apply(Op("add_span", "p1", {"start": 4, "end": 7, "label": "PER"}))
        accepted, rejected, on_done = store.gazetteer_counts()
        assert accepted == {("邓群策", "PER"): 1} and rejected == {} and on_done == {}


def test_two_connections_never_hand_out_the_same_span_id(tmp_path):
    path = tmp_path / "a.db"
    with Store.open(path) as one, Store.open(path) as two:
        one.add_page(_page(1), _blocks())
        one.page_state("p1"), two.page_state("p1")  # both have the page cached
        a = one.apply(Op("add_span", "p1", {"start": 0, "end": 2, "label": "PER"}))
        b = two.apply(Op("add_span", "p1", {"start": 4, "end": 6, "label": "ORG"}))
        ids = {s.id for s in one.spans("p1")}
        assert len(ids) == 2
        assert {a.changes.spans, b.changes.spans} == {frozenset({i}) for i in ids}
        # two's edit was planned on the state after one's, so nothing of one's was lost
        assert [(s.start, s.label) for s in two.spans("p1")] == [(0, "PER"), (4, "ORG")]


def test_version_2_database_gets_a_case_sensitive_index_and_search_stays_right(tmp_path):
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    for number, _name, step in MIGRATIONS[:2]:
        step(db)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        "INSERT INTO pages (id, source, sha256, text, status, created_at, updated_at) "
        "VALUES ('old', 'old.txt', 'abc', '一季度GDP增长5%，市政府召开会议', 'new', 't', 't')"
    )
    conn.execute("INSERT INTO pages_fts (rowid, text) SELECT rowid, text FROM pages")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'search_indexed_rowid'")
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        sql = store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'pages_fts'").fetchone()
        assert "case_sensitive 1" in sql[0]
        # rebuilt on open: every page is in the new index, folded (schema 13)
        indexed = store.db.execute("SELECT count(*) FROM pages_fts WHERE pages_fts MATCH 'gdp'")
        assert indexed.fetchone()[0] == 1
        assert store.count_pages(search="GDP增长") == 1
        assert store.count_pages(search="市政府召开") == 1
        assert store.count_pages(search="gdp增长") == 1  # case folded (schema 13)


def _lagging_db(tmp_path, pages: int):
    path = tmp_path / "lag.db"
    with Store.open(path) as store:
        for i in range(pages):
            store.add_page(_page(i, f"第{i}页 市委书记主持会议 GDP增长"), _blocks())
        store.index_search()
        store.db.execute(
            "INSERT INTO pages_fts (pages_fts) VALUES ('delete-all')"
        )  # as migration 3 leaves it
        store.db.execute("UPDATE meta SET value = '0' WHERE key = 'search_indexed_rowid'")
    return path


def test_a_long_index_lag_is_not_caught_up_while_opening(tmp_path, monkeypatch):
    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 3)
    path = _lagging_db(tmp_path, 5)
    with Store.open(path) as store:
        assert store.search_lag() == 5  # opening did not wait for it
        assert store.count_pages(search="市委书记主持") == 5  # search is complete meanwhile
        assert store.index_search(2) == 2 and store.search_lag() == 3
        assert store.index_search() == 3 and store.search_lag() == 0
        assert store.count_pages(search="市委书记主持") == 5
        hits = store.db.execute("SELECT count(*) FROM pages_fts WHERE pages_fts MATCH 'gdp'")
        assert hits.fetchone()[0] == 5  # each page indexed once (folded)


def test_a_short_index_lag_is_caught_up_while_opening(tmp_path):
    path = _lagging_db(tmp_path, 3)
    with Store.open(path) as store:
        assert store.search_lag() == 0


def test_a_background_index_step_gives_way_to_another_writer(tmp_path, monkeypatch):
    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 0)
    path = _lagging_db(tmp_path, 2)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. an import in another process
    try:
        with Store.open(path) as store:
            assert store.index_search(10, wait=False) == 0  # at once, no busy wait
            assert store.search_lag() == 2
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_models_are_kept_with_versions_and_pages_carry_their_paper(tmp_path):
    from annotator.model import Page

    path = tmp_path / "m.db"
    with Store.open(path) as store:
        assert store.latest_model("structure") is None
        store.add_page(Page("p1", "text", "p1.txt", "abc", paper="人民日报"))
        first = store.save_model("structure", b"\x00one", pages=3, meta={"f1": 0.5})
        second = store.save_model("structure", b"\x00two", pages=5, meta={})
        store.save_model("entities", b"x", pages=1, meta={})
        assert first < second
    with Store.open(path) as store:
        latest = store.latest_model("structure")
        assert latest is not None
        assert (latest.version, latest.pages, latest.data) == (2, 5, b"\x00two")
        assert [m.kind for m in store.model_versions()] == ["entities", "structure", "structure"]
        assert store.page("p1").paper == "人民日报"


def test_search_hits_are_exact_for_every_query_length_indexed_or_not(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1, "ABC 市委书记邓群策 xyz"), _blocks())
        store.add_page(_page(2, 'abc 书记邓 群策 "引号"'), _blocks())
        store.index_search()
        store.add_page(_page(3, "邓群策不在索引里 ABC"), _blocks())  # beyond the index
        # case folded (schema 13), indexed or not
        assert [r.id for r in store.page_rows(0, 9, search="ABC")] == ["p1", "p2", "p3"]
        assert [r.id for r in store.page_rows(0, 9, search="abc")] == ["p1", "p2", "p3"]
        assert [r.id for r in store.page_rows(0, 9, search="C 市")] == ["p1"]
        # every trigram of 书记邓群策 is on p2 too, but not the whole string
        assert [r.id for r in store.page_rows(0, 9, search="书记邓群策")] == ["p1"]
        assert [r.id for r in store.page_rows(0, 9, search="邓群策")] == ["p1", "p3"]
        assert [r.id for r in store.page_rows(0, 9, search='"引号"')] == ["p2"]
        assert store.count_pages(search="群策") == 3


def test_status_counts_of_a_search_and_new_pages_found_by_the_same_search(tmp_path):
    path = tmp_path / "a.db"
    with Store.open(path) as store:
        for i in range(1, 4):
            store.add_page(_page(i, f"第{i}页 邓群策"), _blocks())
        store.apply(Op("set_page_status", "p2", {"status": "done"}))
        counts = store.status_counts("邓群策")
        assert (counts["new"], counts["done"]) == (2, 1)
        store.add_page(_page(4, "邓群策又来了"), _blocks())  # added here
        assert store.count_pages(search="邓群策") == 4
        with Store.open(path) as other:  # added by another connection
            other.add_page(_page(5, "还是邓群策"), _blocks())
        assert store.count_pages(search="邓群策") == 5
        assert store.page_position("p5", None, "邓群策") == 4


def test_one_and_two_character_searches_find_every_position_without_reading_text(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1, "雁城\n植树"), _blocks())  # 植树 ends the page: no trigram
        store.add_page(_page(2, "扮美雁城,种"), _blocks())  # 种 is the last character
        store.add_page(_page(3, "城\n雁 分开"), _blocks())
        store.index_search()
        store.add_page(_page(4, "未索引的雁城"), _blocks())
        found = {q: [r.id for r in store.page_rows(0, 9, search=q)] for q in
                 ["雁城", "植树", "种", "城\n", "雁", "\"", "p3"]}  # fmt: skip
        assert found == {
            "雁城": ["p1", "p2", "p4"],
            "植树": ["p1"],
            "种": ["p2"],
            "城\n": ["p1", "p3"],
            "雁": ["p1", "p2", "p3", "p4"],
            '"': [],
            "p3": ["p3"],
        }


def test_least_sure_page_is_the_open_page_with_the_lowest_model_confidence(tmp_path):
    from annotator.model import Page, Span

    with Store.open(tmp_path / "a.db") as store:
        for page_id, confidence, status in [
            ("a", 0.7, "new"),
            ("b", 0.2, "done"),
            ("c", 0.5, "new"),
            ("d", None, "new"),
        ]:
            attrs = {} if confidence is None else {"confidence": confidence}
            store.add_page(
                Page(page_id, "王伟来了", sha256=page_id, status=status),
                [],
                [Span(0, 2, "PER", "model", "suggested", attrs)],
            )
        assert store.least_sure_page() == "c"  # b is done, d has no confidence
        assert store.least_sure_page(exclude="c") == "a"


def test_least_sure_page_under_a_search_is_among_the_pages_it_finds(tmp_path):
    # Ctrl+Shift+Return under a search walked every page: the reviewer left their search.
    from annotator.model import Page, Span

    with Store.open(tmp_path / "a.db") as store:
        for page_id, text, confidence in [
            ("a", "王伟来了岳阳", 0.7),
            ("b", "王伟来了长沙", 0.2),
            ("c", "王伟来了岳阳", 0.5),
        ]:
            store.add_page(
                Page(page_id, text, sha256=page_id),
                [],
                [Span(0, 2, "PER", "model", "suggested", {"confidence": confidence})],
            )
        assert store.least_sure_page() == "b"
        assert store.least_sure_page(search="岳阳") == "c"
        assert store.least_sure_page(exclude="c", search="岳阳") == "a"
        assert store.least_sure_page(exclude="b", search="长沙") is None
        assert store.least_sure_page(search="来了岳阳") == "c"  # a phrase search too


def test_least_sure_page_walks_an_index_of_model_suggestions_not_every_span(tmp_path):
    # It read every span of every page not done: 0.27 s of CPU per Ctrl+Shift+Return on
    # 20,000 pages of 50 spans, about 1.4 s on 100,000, the window frozen meanwhile.
    from annotator.model import Page, Span
    from annotator.store.search import LEAST_SURE_SQL

    with Store.open(tmp_path / "a.db") as store:
        for n, status in enumerate(["new", "skipped", "new", "in_progress"]):
            spans = [Span(0, 2, "PER", "rule", "suggested")] + [
                Span(k, k + 1, "LOC", "model", "suggested", {"confidence": 0.9 - n / 10 - k / 100})
                for k in range(2, 4)
            ]
            store.add_page(Page(f"p{n}", "王伟来了", sha256=f"{n}", status=status), [], spans)
        assert store.least_sure_page() == "p3"
        assert store.least_sure_page(exclude="p3") == "p2"  # p1 is skipped
        plan = " ".join(
            str(row[3])
            for row in store.db.conn.execute("EXPLAIN QUERY PLAN " + LEAST_SURE_SQL, ["p3"])
        )
    assert "SCAN s USING INDEX spans_model_doubt" in plan
    assert "spans_page" not in plan and "pages_status" not in plan


def test_a_read_only_store_searches_and_counts(tmp_path):
    path = tmp_path / "a.db"
    with Store.open(path) as store:
        store.add_page(_page(1, "市委书记邓群策主持会议"), _blocks())
        store.add_page(_page(2, "植树造林,扮美雁城"), _blocks())
    with Store.open(path, readonly=True) as reader:
        assert [r.id for r in reader.page_rows(0, 9, search="邓群策")] == ["p1"]
        assert reader.status_counts("雁城")["new"] == 1


def test_a_search_sees_pages_this_connection_added_by_any_path(tmp_path):
    # Gold pages (conll import) are stored without add_page: the search must not keep the
    # hits it found before them.
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1, "邓群策主持会议"), _blocks())
        assert store.count_pages(search="邓群策") == 1
        gold = Page("g1", "又见邓群策", "g.bio", "g" * 64, status="done")
        store.add_gold_pages([(gold, [Block(0, 5, "body", 1)], [])])
        assert store.count_pages(search="邓群策") == 2
        assert store.count_pages(search="群策") == 2


# --- migration 7: a block's confidence is derived, not stored ----------------------------


def _v6_database(path):
    """A database as version 6 left it: blocks and predicted blocks with ``confidence``."""
    import sqlite_utils

    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    for number, _name, step in MIGRATIONS:
        if number <= 6:
            step(db)
            conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        "INSERT INTO pages (id, source, sha256, text, status, created_at, updated_at) "
        "VALUES ('old', 'old.txt', 'abc', '标题\n\n正文内容。', 'new', 't', 't')"
    )
    conn.executemany(
        'INSERT INTO blocks (page_id, start, "end", role, article, joins_previous, '
        "confidence, confidences) VALUES ('old', ?, ?, ?, 1, 0, ?, ?)",
        [(0, 2, "headline", 0.55, '{"role":0.55,"boundary":0.9}'), (4, 9, "body", 0.4, "{}")],
    )
    rows = [
        [0, 2, "headline", 1, 0, 0.55, '{"role":0.55}'],
        [4, 9, "body", 1, 0, 1.0, "{}"],
        [4, 9, "body", 1, 1, 0.3, "{}"],
    ]
    objects = [{"start": 0, "end": 9, "role": "body", "article": 1, "joins_previous": False,
                "confidence": 0.6, "confidences": {"join": 0.6}}]  # fmt: skip
    conn.execute(
        "INSERT INTO pages (id, source, sha256, text, status, created_at, updated_at) "
        "VALUES ('older', 'older.txt', 'abd', '标题\n\n正文内容。', 'new', 't', 't')"
    )
    conn.executemany(
        "INSERT INTO predictions (page_id, blocks, spans, created_at) VALUES (?, ?, '[]', 't')",
        [("old", json.dumps(rows)), ("older", json.dumps(objects))],
    )
    conn.close()


def test_version_6_database_loses_the_stored_block_confidence_and_keeps_every_doubt(tmp_path):
    path = tmp_path / "v6.db"
    _v6_database(path)
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        columns = [row[1] for row in store.db.execute("PRAGMA table_info(blocks)")]
        assert "confidence" not in columns and "confidences" in columns
        headline, body = store.blocks("old")
        assert headline.confidences == {"role": 0.55, "boundary": 0.9}
        assert headline.confidence == 0.55  # derived: the lowest decision
        assert body.confidences == {"split": 0.4} and body.confidence == 0.4  # not lost
        predicted, _ = store.predictions("old")
        assert [b.confidences for b in predicted] == [{"role": 0.55}, {}, {"split": 0.3}]
        assert [b.confidence for b in predicted] == [0.55, 1.0, 0.3]
        assert [b.joins_previous for b in predicted] == [False, False, True]
        (older,) = store.predictions("older")[0]
        assert older.confidences == {"join": 0.6} and older.role == "body"
        stored = store.db.execute("SELECT blocks FROM predictions WHERE page_id = 'old'")
        assert all(len(row) == 6 for row in json.loads(stored.fetchone()[0]))


def test_migration_7_is_one_transaction(tmp_path, monkeypatch):
    path = tmp_path / "v6.db"
    _v6_database(path)

    def broken(*_args):
        raise RuntimeError("disk gone")

    monkeypatch.setattr("annotator.store.schema._predicted_blocks_v7", broken)
    with pytest.raises(RuntimeError):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 6
    columns = [row[1] for row in conn.execute("PRAGMA table_info(blocks)")]
    assert "confidence" in columns  # the column drop was rolled back with the rest
    assert conn.execute("SELECT confidences FROM blocks WHERE start = 4").fetchone()[0] == "{}"
    conn.close()


def test_migration_7_writes_its_own_version_s_encoding_whatever_the_live_encoder(
    tmp_path, monkeypatch
):
    # A migration writes the rows of its own version: a later change to the live row
    # encoder (here: one that fails, or writes another layout) must not change its output.
    import annotator.store.rows as rows

    path = tmp_path / "v6.db"
    _v6_database(path)

    def other_layout(*_args):
        raise AssertionError("migration 7 used the live row encoder")

    monkeypatch.setattr(rows, "encode_page", other_layout)
    monkeypatch.setattr(rows, "encode_page_rows", other_layout)
    monkeypatch.setattr(rows, "_ENCODE", other_layout)
    monkeypatch.setattr(rows, "_json", other_layout)
    with Store.open(path) as store:
        stored = store.db.execute("SELECT blocks FROM predictions WHERE page_id = 'older'")
        assert stored.fetchone()[0] == '[[0,9,"body",1,0,"{\\"join\\":0.6}"]]'


def test_block_confidence_is_the_lowest_decision_and_blocks_compare_by_their_decisions():
    doubtful = Block(0, 2, "body", 1, False, {"role": 0.5, "join": 0.8})
    assert doubtful.confidence == 0.5
    assert Block(0, 2, "body", 1).confidence == 1.0
    assert doubtful != Block(0, 2, "body", 1, False, {"role": 0.9})
    assert doubtful == Block(0, 2, "body", 1, False, {"join": 0.8, "role": 0.5})
    assert hash(doubtful) == hash(Block(0, 2, "body", 1))  # still hashable
    assert "confidence" not in doubtful.to_dict() and Block(**doubtful.to_dict()) == doubtful


# --- a long search confirms as far as the list needs ----------------------------------


def test_a_long_search_lists_its_first_pages_before_confirming_them_all(tmp_path):
    # "书记主任与日记主持人" holds both trigrams of 书记主持 but not the word: the index
    # alone would list it, only reading the page tells.
    def text(i: int) -> str:
        return "书记主任与日记主持人" if i % 5 == 0 else f"第{i}页 市委书记主持会议"

    status = ["done", "new", "new"]
    pages = [
        Page(f"p{i:04d}", text(i), f"{i}.txt", f"{i:064x}", status[i % 3]) for i in range(1500)
    ]
    pages[7] = Page("书记主持-7", "别的内容", "7.txt", f"{7:064x}")  # found by its id
    with Store.open(tmp_path / "a.db") as store:
        with store.db.atomic():
            for page in pages:
                store.add_page(page, [Block(0, len(page.text), "body", 1)])
        store.index_search(1000)  # the last 500 pages are searched beyond the index
    q = "书记主持"
    expected = [p.id for p in pages if q in p.text or q in p.id]
    with Store.open(tmp_path / "a.db", readonly=True) as store:
        assert [r.id for r in store.page_rows(0, 10, search=q)] == expected[:10]
        found, complete = store.found_pages(None, q)
        assert not complete and 10 <= found < len(expected)  # most pages not read yet
        assert store.page_position("p1499", None, q) == len(expected) - 1
        done = [r.id for r in store.page_rows(0, 10**6, "done", q)]
        assert done == [p for p in expected if store.page(p).status == "done"]
        assert store.count_pages(search=q) == len(expected)
        assert store.found_pages(None, q) == (len(expected), True)
        assert [r.id for r in store.page_rows(0, 10**6, search=q)] == expected
        assert store.pages_containing(q, 3) == expected[:3]


def test_a_three_character_search_lists_its_first_pages_and_counts_them_all_at_once(tmp_path):
    def text(i: int) -> str:
        return "日记主持人" if i % 5 == 0 else f"第{i}页 市委书记主持会议"

    status = ["done", "new", "new"]
    pages = [
        Page(f"p{i:04d}", text(i), f"{i}.txt", f"{i:064x}", status[i % 3]) for i in range(1500)
    ]
    pages[700] = Page("市委书记-700", "别的内容", "700.txt", f"{700:064x}")  # found by its id
    with Store.open(tmp_path / "a.db") as store:
        with store.db.atomic():
            for page in pages:
                store.add_page(page, [Block(0, len(page.text), "body", 1)])
        store.index_search(1000)  # the last 500 pages are searched beyond the index
    # 书记主: no id holds it; 委书记: a page in the index's stretch is found by its id
    for q in ("书记主", "委书记"):
        expected = [p.id for p in pages if q in p.text or q in p.id]
        with Store.open(tmp_path / "a.db", readonly=True) as store:
            assert [r.id for r in store.page_rows(0, 10, search=q)] == expected[:10]
            assert store.found_pages(None, q) == (len(expected), True)
            done = [p for p in expected if store.page(p).status == "done"]
            assert store.found_pages("done", q) == (len(done), True)
            assert store.page_position("p1499", None, q) == len(expected) - 1
            assert [r.id for r in store.page_rows(0, 10**6, "done", q)] == done
            assert store.status_counts(q)["done"] == len(done)
            assert store.count_pages(search=q) == len(expected)
            assert [r.id for r in store.page_rows(0, 10**6, search=q)] == expected
            assert store.pages_containing(q, 3) == expected[:3]


def test_an_upgrade_is_announced_before_it_runs_and_only_then(tmp_path):
    path = tmp_path / "v6.db"
    _v6_database(path)
    heard: list[tuple[int, int, int]] = []

    def upgrading(version: int, new: int) -> None:
        # said before the upgrade: the file is still at the old version
        with sqlite3.connect(path) as conn:
            now = conn.execute("PRAGMA user_version").fetchone()[0]
        heard.append((version, new, now))

    Store.open(path, on_upgrade=upgrading).close()
    assert heard == [(6, SCHEMA_VERSION, 6)]
    Store.open(path, on_upgrade=upgrading).close()  # already upgraded: nothing to say
    Store.open(tmp_path / "new.db", on_upgrade=upgrading).close()  # a new file: no upgrade
    assert len(heard) == 1


def test_the_command_line_says_it_upgrades_the_database(tmp_path):
    from click.testing import CliRunner

    from annotator.cli import main

    path = tmp_path / "v6.db"
    _v6_database(path)
    result = CliRunner().invoke(main, ["--db", str(path), "suggest"])
    assert result.exit_code == 0, result.output
    assert f"Upgrading {path} from schema version 6 to {SCHEMA_VERSION}" in result.stderr


def test_an_index_lag_is_counted_no_further_than_asked(tmp_path, monkeypatch):
    # the window's index steps and opening only ask whether any page is left (or a few)
    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 0)
    with Store.open(_lagging_db(tmp_path, 5)) as store:
        assert [store.search_lag(at_most=n) for n in (None, 1, 3, 9)] == [5, 1, 3, 5]
        assert [store.phrase_lag(at_most=n) for n in (None, 1, 3, 9)] == [5, 1, 3, 5]
        store.index_search(), store.index_phrases()
        for n in (1, 2):  # a replaced page's old 4-grams are stale until the next step
            assert store.replace_unreviewed_page(f"p{n}", _page(n, f"第{n}页 新的文字"))
        stale = store.db.execute("SELECT count(*) FROM phrase_stale").fetchone()[0]
        full = store.phrase_lag()
        assert stale and full > stale
        assert [store.phrase_lag(at_most=n) for n in range(1, full + 2)] == [
            *range(1, full + 1),
            full,
        ]


def test_a_batch_of_pages_goes_in_with_many_rows_a_statement_in_their_order(tmp_path):
    # a statement per span cost a third more of an import's storing (issue 11)
    from annotator.store import encode_page

    text = "王伟" * 150
    batch = []
    for i in range(3):  # 3 x 100 spans: two statements of 128 rows, one of the other 44
        spans = [Span(2 * k, 2 * k + 2, "PER", "rule", attrs={"n": k}) for k in range(100)]
        batch.append((Page(f"p{i}", text, f"p{i}.txt", f"{i:064x}"), encode_page([], spans)))
    with Store.open(tmp_path / "a.db") as store:
        inserts: list[str] = []
        store.db.conn.set_trace_callback(
            lambda sql: inserts.append(sql) if sql.startswith("INSERT INTO spans") else None
        )
        store.insert_pages(batch)
        store.db.conn.set_trace_callback(None)
        assert len(inserts) == 3
        ids = []
        for i in range(3):
            spans = sorted(store.spans(f"p{i}"), key=lambda s: s.id)
            assert [(s.start, s.attrs["n"]) for s in spans] == [(2 * k, k) for k in range(100)]
            ids += [s.id for s in spans]
        assert ids == sorted(ids)  # in the order suggested, page after page
        assert store.predictions("p2")[1][99].attrs == {"n": 99}


def test_rows_wider_than_seven_values_stay_under_sqlites_old_parameter_limit():
    # SQLite before 3.32 refuses a statement of more than 999 parameters: a column added
    # to blocks or spans must not make a 128-row statement of 8 values (1,024)
    import sqlite3

    from annotator.store.pages import _insert_rows

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (page_id, a, b, c, d, e, f, g, h)")
    statements: list[int] = []

    class Counting:
        def execute(self, sql, params=()):
            statements.append(sql.count("?"))
            return conn.execute(sql, params)

        def executemany(self, sql, rows):
            rows = list(rows)
            statements.extend([sql.count("?")] * len(rows))
            return conn.executemany(sql, rows)

    values = [v for k in range(300) for v in (None, *range(k, k + 8))]  # page id's place first
    pages = [("p1", values[: 170 * 9]), ("p2", values[170 * 9 :])]
    _insert_rows(Counting(), "INSERT INTO t VALUES ", pages, 9)
    assert max(statements) <= 999
    got = conn.execute("SELECT page_id, a FROM t ORDER BY rowid").fetchall()
    assert got == [("p1", k) for k in range(170)] + [("p2", k) for k in range(170, 300)]
