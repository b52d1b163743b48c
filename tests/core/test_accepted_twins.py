"""Accepted twins (the same label over the same range twice, accepted both) left by
databases from before twins were refused at edit time: migration 12 repairs them, and no
export ever writes one (issue 11)."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest

from annotator.exporting import ExportRequest, export
from annotator.store import MIGRATIONS, SCHEMA_VERSION, Store
from annotator.store.schema import REPAIR_REVIEWER

TEXT = "邓群策在衡阳市政府召开会议。"


def _old_database(path):
    """A schema 11 database whose page ``p1`` holds accepted twins, as written before the
    edit-time refusal: PER 0-3 three times, LOC 4-7 twice; one rejected and one open
    copy of PER 0-3 beside them, which are no twins of gold."""
    import sqlite_utils

    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    for number, _name, step in MIGRATIONS:
        if number <= 11:
            step(db)
            conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        "INSERT INTO pages (id, source, sha256, text, status, created_at, updated_at) "
        "VALUES ('p1', 'p1.txt', ?, ?, 'done', 't', 't')",
        ["0" * 64, TEXT],
    )
    conn.execute(
        "INSERT INTO blocks (page_id, start, \"end\", role, article) VALUES ('p1', 0, ?, 'body', 1)",
        [len(TEXT)],
    )
    conn.execute(  # the page is unchanged since import: its rows are its predictions
        "INSERT INTO predictions (page_id, blocks, spans, created_at) VALUES ('p1', '', '', 't')"
    )
    conn.execute(
        'INSERT INTO spans (page_id, start, "end", label, origin, status, attrs) '
        "VALUES ('p1', 0, 3, 'PER', 'rule', 'suggested', '{}')"
    )
    conn.executemany(
        'INSERT INTO spans (page_id, start, "end", label, origin, status, attrs) '
        "VALUES ('p1', ?, ?, ?, 'human', ?, '{}')",
        [
            (0, 3, "PER", "accepted"),
            (4, 7, "LOC", "accepted"),
            (0, 3, "PER", "accepted"),
            (0, 3, "PER", "rejected"),
            (4, 7, "LOC", "accepted"),
            (0, 3, "PER", "accepted"),
            (4, 9, "ORG", "accepted"),
        ],
    )
    conn.close()


def _exported(store: Store) -> list[tuple[int, int, str]]:
    out = io.StringIO()
    export(store, ExportRequest(fmt="jsonl"), out)
    (record,) = [json.loads(line) for line in out.getvalue().splitlines()]
    return [(s["page_start"], s["page_end"], s["label"]) for s in record["spans"]]


def test_an_old_database_s_export_never_writes_a_twin_even_before_it_is_repaired(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path)
    with Store.open_readonly(path) as store:  # reads schema 11 as it is: no migration
        assert store.schema_version == 11
        assert _exported(store) == [(0, 3, "PER"), (4, 7, "LOC"), (4, 9, "ORG")]


def test_migration_12_keeps_the_earliest_twin_rejects_the_later_ones_and_logs_it(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path)
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        rows = store.db.execute(
            "SELECT id, start, \"end\", label, status FROM spans WHERE origin = 'human' ORDER BY id"
        ).fetchall()
        ids = [row[0] for row in rows]
        assert [row[1:] for row in rows] == [
            (0, 3, "PER", "accepted"),  # the earliest of each is kept
            (4, 7, "LOC", "accepted"),
            (0, 3, "PER", "rejected"),
            (0, 3, "PER", "rejected"),
            (4, 7, "LOC", "rejected"),
            (0, 3, "PER", "rejected"),
            (4, 9, "ORG", "accepted"),
        ]
        # the open suggestion is left to the reviewer
        assert [s.status for s in store.spans("p1") if s.origin == "rule"] == ["suggested"]
        # one logged edit, in the page's history, says what the repair did
        (edit,) = [e for e in store.edit_log() if e[1] == REPAIR_REVIEWER]
        assert edit[3] == "p1" and edit[4] == "do" and edit[6] == "batch"
        args = json.loads(edit[7])
        assert [(o["args"]["id"], o["args"]["status"]) for o in args["ops"]] == [
            (ids[2], "rejected"),
            (ids[4], "rejected"),
            (ids[5], "rejected"),
        ]
        done, _ = store.history("p1")
        assert [record.reviewer for record in done] == [REPAIR_REVIEWER]
        # the suggestions as first made stay known: the repair is the page's first change
        predicted = store.predictions("p1")[1]
        assert sum(s.status == "accepted" for s in predicted) == 6
        assert _exported(store) == [(0, 3, "PER"), (4, 7, "LOC"), (4, 9, "ORG")]
    with Store.open(path) as store:  # durable, and nothing more to repair
        log = [e for e in store.edit_log() if e[1] == REPAIR_REVIEWER]
        assert len(log) == 1
        assert (
            store.db.execute("SELECT count(*) FROM spans WHERE status = 'accepted'").fetchone()[0]
            == 3
        )


def test_undoing_the_repair_brings_the_twins_back_as_they_were(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path)
    with Store.open(path) as store:
        (edit,) = store.history("p1")[0]
        store.apply(edit.inverse, REPAIR_REVIEWER, action="undo", target=edit.edit_id)
        accepted = [s for s in store.spans("p1") if s.status == "accepted"]
        assert len(accepted) == 6


def test_migration_12_is_one_transaction(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    _old_database(path)
    import annotator.store.schema as schema

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk gone")

    # fails after the spans of the page were rejected, while its log row is written
    monkeypatch.setattr(schema, "json", type("J", (), {"dumps": staticmethod(broken)}))
    with pytest.raises(RuntimeError):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 11
    assert conn.execute("SELECT count(*) FROM spans WHERE status = 'accepted'").fetchone()[0] == 6
    assert conn.execute("SELECT count(*) FROM edits").fetchone()[0] == 0
    conn.close()
