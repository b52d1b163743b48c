"""Another program holding the database: reading never needs the write lock, and an edit
can refuse at once instead of blocking for the busy timeout."""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.edits import Op
from annotator.model import Block, Page, Span
from annotator.store import SCHEMA_VERSION, Store, StoreBusy, StoreError

TEXT = "标题\n\n本报讯 邓群策主持会议。"


def make_db(path):
    with Store.open(path) as store:
        store.add_page(
            Page("p1", TEXT, "p1.txt", "a" * 64),
            [Block(0, 2, "headline", 1), Block(4, len(TEXT), "body", 1)],
            [Span(8, 11, "PER", "rule", "suggested")],
        )
        span_id = store.spans("p1")[0].id
        store.apply(Op("set_span_status", "p1", {"id": span_id, "status": "accepted"}), "甲")
        store.apply(Op("set_page_status", "p1", {"status": "done"}), "甲")
    return path


@contextmanager
def write_lock_held(path):
    """Another program's connection holding the write lock (BEGIN IMMEDIATE)."""
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def edit_count(path) -> int:
    with sqlite3.connect(str(path)) as conn:
        return conn.execute("SELECT count(*) FROM edits").fetchone()[0]


def test_readonly_open_reads_while_another_program_holds_the_write_lock(tmp_path):
    db = make_db(tmp_path / "a.db")
    with write_lock_held(db):
        started = time.monotonic()
        with Store.open(db, readonly=True) as store:
            assert store.page_ids() == ["p1"]
            assert store.stats()["pages"]["done"] == 1
            assert store.history("p1", "甲")[0][-1].op.kind == "set_page_status"
        # Well under the 5 s busy timeout: nothing waited for the lock.
        assert time.monotonic() - started < 2.5


def test_opening_for_writing_does_not_take_the_lock_when_nothing_needs_writing(tmp_path):
    db = make_db(tmp_path / "a.db")
    with write_lock_held(db), Store.open(db) as store:
        assert store.page("p1").status == "done"


def test_an_edit_that_must_not_wait_is_refused_at_once_and_writes_nothing(tmp_path):
    db = make_db(tmp_path / "a.db")
    with Store.open(db) as store:
        op = Op("set_page_status", "p1", {"status": "flagged"})
        with write_lock_held(db):
            started = time.monotonic()
            with pytest.raises(StoreBusy):
                store.apply(op, "甲", wait=False)
            assert time.monotonic() - started < 2.5
        assert store.page("p1").status == "done"
        assert edit_count(db) == 2
        store.apply(op, "甲", wait=False)  # the lock is free again: committed once
        assert store.page("p1").status == "flagged"
    assert edit_count(db) == 3


def test_readonly_store_cannot_write(tmp_path):
    db = make_db(tmp_path / "a.db")
    with Store.open(db, readonly=True) as store, pytest.raises(sqlite3.Error):
        store.apply(Op("set_page_status", "p1", {"status": "flagged"}), "甲")
    assert edit_count(db) == 2


def test_readonly_open_of_a_database_that_needs_an_upgrade_says_so_and_leaves_it(tmp_path):
    db = make_db(tmp_path / "a.db")
    with sqlite3.connect(str(db)) as conn:
        conn.execute("PRAGMA user_version = 3")
    with pytest.raises(StoreError, match=rf"a\.db: .*needs an upgrade to version {SCHEMA_VERSION}"):
        Store.open(db, readonly=True)
    with sqlite3.connect(str(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3


def test_readonly_open_of_a_missing_or_foreign_database_is_refused_by_name(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "none.db", readonly=True)
    other = tmp_path / "other.db"
    with sqlite3.connect(str(other)) as conn:
        conn.execute("CREATE TABLE notes (x)")
    with pytest.raises(StoreError, match="database of another program"):
        Store.open(other, readonly=True)


def test_stats_export_and_evaluate_run_while_another_program_holds_the_lock(tmp_path):
    db = make_db(tmp_path / "a.db")
    runner = CliRunner()
    with write_lock_held(db):
        stats = runner.invoke(main, ["stats", "--db", str(db), "--json"])
        assert stats.exit_code == 0, stats.output
        assert json.loads(stats.output)["edits"] == {"甲": 2}
        target = tmp_path / "gold.jsonl"
        export = runner.invoke(main, ["export", "--db", str(db), "-o", str(target)])
        assert export.exit_code == 0, export.output
        record = json.loads(target.read_text(encoding="utf-8"))
        assert [s["text"] for s in record["spans"]] == ["邓群策"]
        evaluate = runner.invoke(main, ["evaluate", "--db", str(db), "--json"])
        assert evaluate.exit_code == 0, evaluate.output
        assert json.loads(evaluate.stdout)["pages"] == 1


def test_stats_on_a_database_that_needs_an_upgrade_is_one_clear_line(tmp_path):
    db = make_db(tmp_path / "a.db")
    with sqlite3.connect(str(db)) as conn:
        conn.execute("PRAGMA user_version = 3")
    result = CliRunner().invoke(main, ["stats", "--db", str(db)])
    assert result.exit_code == 1
    assert "needs an upgrade" in result.output and "Traceback" not in result.output


def test_readonly_open_reads_a_database_one_index_behind(tmp_path):
    # Schema 11 only adds the index of model suggestions by confidence: stats and export
    # read a schema 10 database as it is, and leave it so.
    db = make_db(tmp_path / "a.db")
    with sqlite3.connect(str(db)) as conn:
        conn.execute("DROP INDEX spans_model_doubt")
        conn.execute("PRAGMA user_version = 10")
    with Store.open(db, readonly=True) as store:
        assert store.page_ids() == ["p1"]
    with sqlite3.connect(str(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 10
