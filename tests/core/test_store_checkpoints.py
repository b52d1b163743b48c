"""Checkpoints of the write-ahead log off the caller's thread (the window's pauses)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from contextlib import contextmanager

import pytest

from annotator.edits import Op
from annotator.model import Block, Page, Span
from annotator.store import Store, checkpoints


@contextmanager
def write_lock_held(path):
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.rollback()
        other.close()


TEXT = "标题\n\n本报讯 邓群策主持会议。"


def add_page(store: Store, page_id: str) -> None:
    store.add_page(
        Page(page_id, TEXT, f"{page_id}.txt", page_id[-1] * 64),
        [Block(0, 2, "headline", 1), Block(4, len(TEXT), "body", 1)],
        [Span(8, 11, "PER", "rule", "suggested")],
    )


def pages_in_file_alone(path, tmp_path) -> list[str]:
    """The pages the database file holds without its write-ahead log."""
    copy = tmp_path / "file-alone.db"
    shutil.copyfile(path, copy)  # the -wal file is not copied: what is not checkpointed is lost
    conn = sqlite3.connect(str(copy))
    try:
        return [row[0] for row in conn.execute("SELECT id FROM pages ORDER BY id")]
    finally:
        conn.close()


def test_a_checkpoint_without_waiting_copies_the_log_into_the_file_on_another_thread(
    tmp_path, monkeypatch
):
    ran_on: list[str] = []
    real = checkpoints._checkpoint

    def recording(path):
        ran_on.append(threading.current_thread().name)
        return real(path)

    monkeypatch.setattr(checkpoints, "_checkpoint", recording)
    path = tmp_path / "a.db"
    Store.open(path).close()  # the schema in the file (the last close checkpoints)
    reader = Store.open(path)  # a second connection: the last close would checkpoint anyway
    try:
        with Store.open(path) as store:
            add_page(store, "p1")
            add_page(store, "p2")
            span_id = store.spans("p1")[0].id
            store.apply(Op("set_span_status", "p1", {"id": span_id, "status": "accepted"}), "甲")
            assert pages_in_file_alone(path, tmp_path) == []  # all of it still in the log
            store.checkpoint(wait=False)
        # The store's close waited for its checkpoint.
        assert ran_on == ["wal-checkpoint"]
        assert pages_in_file_alone(path, tmp_path) == ["p1", "p2"]
        copy = sqlite3.connect(str(tmp_path / "file-alone.db"))
        assert copy.execute("SELECT status FROM spans").fetchall() == [
            ("accepted",),
            ("suggested",),
        ]
        copy.close()
    finally:
        reader.close()


def test_a_pause_during_a_running_checkpoint_starts_no_second_one(tmp_path, monkeypatch):
    release, started = threading.Event(), threading.Event()
    calls: list[str] = []

    def slow(path):
        calls.append(str(path))
        started.set()
        release.wait(5)
        return None

    monkeypatch.setattr(checkpoints, "_checkpoint", slow)
    runs = checkpoints.BackgroundCheckpoints(tmp_path / "a.db")
    assert runs.start() is True
    started.wait(5)
    assert runs.start() is False and runs.running()
    release.set()
    runs.wait()
    assert not runs.running() and len(calls) == 1
    assert runs.start() is True  # the next pause checkpoints again
    runs.wait()
    assert len(calls) == 2


def test_a_checkpoint_of_a_database_moved_away_is_quiet_and_creates_no_empty_file(tmp_path):
    # The next pause retries; a checkpoint that cannot run loses nothing, and it must not
    # leave an empty database where the reviewer's was (a later open would take it for new).
    path = tmp_path / "a.db"
    runs = checkpoints.BackgroundCheckpoints(path)
    assert runs.start() is True
    runs.wait()
    assert not path.exists()
    assert runs.start() is True  # nothing to report at the next pause either
    runs.wait()


def test_damage_a_checkpoint_meets_is_raised_at_the_next_pause_on_the_callers_thread(
    tmp_path, monkeypatch
):
    damage = sqlite3.DatabaseError("database disk image is malformed")
    monkeypatch.setattr(checkpoints, "_checkpoint", lambda path: damage)
    runs = checkpoints.BackgroundCheckpoints(tmp_path / "a.db")
    assert runs.start() is True
    runs.wait()
    with pytest.raises(sqlite3.DatabaseError, match="malformed") as raised:
        runs.start()  # where the window's damage report catches it
    assert raised.value is damage
    assert runs.start() is True  # reported once
    runs.wait()


def test_a_real_checkpoint_reports_a_damaged_file_and_nothing_for_a_busy_one(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    found = checkpoints._checkpoint(bad)
    assert found is not None and "not a database" in str(found)
    good = tmp_path / "good.db"
    Store.open(good).close()
    with write_lock_held(good):
        assert checkpoints._checkpoint(good) is None


def test_closing_the_store_waits_for_its_running_checkpoint(tmp_path, monkeypatch):
    started, finished = threading.Event(), threading.Event()

    def slow(path):
        started.set()
        time.sleep(0.3)
        finished.set()
        return None

    monkeypatch.setattr(checkpoints, "_checkpoint", slow)
    store = Store.open(tmp_path / "a.db")
    store.checkpoint(wait=False)
    assert started.wait(5) and not finished.is_set()
    store.close()  # (a store is closed on the thread that opened it)
    assert finished.is_set()


def test_a_read_only_store_never_checkpoints_in_the_background(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    Store.open(path).close()
    with Store.open_readonly(path) as reader:
        assert reader._checkpoints is None


def test_an_in_memory_store_checkpoints_on_the_callers_thread(monkeypatch):
    def never(path):
        raise AssertionError("an in-memory database has no log another connection sees")

    monkeypatch.setattr(checkpoints, "_checkpoint", never)
    with Store.open(":memory:") as store:
        add_page(store, "p1")
        store.checkpoint(wait=False)
        assert store.has_page("p1")
