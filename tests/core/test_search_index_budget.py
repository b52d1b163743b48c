"""The window fills the search indexes in steps of a few milliseconds: a step stops once
its time is up (after the page under way), every step is one transaction, and steps one
after another leave the indexes complete and searches exact, even when the program is
killed mid-step. Made-up pages."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.model import Block, Page
from annotator.store import Store
from annotator.store import search as search_module

ROOT = Path(__file__).resolve().parents[2]


def _unindexed_db(path: Path, pages: int) -> Path:
    with Store.open(path) as store:
        for i in range(pages):
            text = f"第{i}版 市委书记主持会议 ＧＤＰ增长{i % 7}成 covid 本报讯"
            store.add_page(Page(f"p{i}", text), [Block(0, len(text), "body", 1)])
        conn = store.db.conn
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'search_indexed_rowid'")
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'phrase_indexed_rowid'")
        conn.execute("INSERT INTO pages_fts (pages_fts) VALUES ('delete-all')")
        conn.execute("INSERT INTO pages_phrases (pages_phrases) VALUES ('delete-all')")
        conn.execute("DELETE FROM page_tails")
    return path


class _Clock:
    """perf_counter of the store's search module: each page folded costs 3 ms."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = 1000.0
        fold = search_module.fold

        def slow_fold(text: str) -> str:
            self.now += 0.003
            return fold(text)

        monkeypatch.setattr(search_module, "fold", slow_fold)
        monkeypatch.setattr(search_module.time, "perf_counter", lambda: self.now)


QUERIES = ["gdp", "ＧＤＰ增长3", "市委书记主持会议", "讯", "本报讯", "第1", "covid 本报"]


def _found(store: Store) -> list[int]:
    return [store.count_pages(search=q) for q in QUERIES]


def test_a_step_stops_when_its_time_is_up(tmp_path, monkeypatch):
    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 0)
    path = _unindexed_db(tmp_path / "a.db", 40)
    with Store.open(path) as store:
        want = _found(store)  # the pages read directly, as while the index lags
        _Clock(monkeypatch)
        # 8 ms: three pages of 3 ms (the third ends past it), never the 200 asked for
        steps = []
        while store.search_lag(at_most=1):
            steps.append(store.index_search(200, wait=False, budget_s=0.008))
        assert steps == [3] * 13 + [1]
        phrase_steps = []
        while store.phrase_lag(at_most=1):
            phrase_steps.append(store.index_phrases(50, wait=False, budget_s=0.008))
        assert phrase_steps == [3] * 13 + [1]
        assert store.index_search(200, budget_s=0) == 0  # nothing left
        assert _found(store) == want
        for table in ("pages_fts", "pages_phrases"):  # steps merge by themselves; import not
            config = store.db.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'")
            assert config.fetchone()[0] == 16
    with Store.open(path) as store:  # each step was committed
        assert store.search_lag() == 0 and store.phrase_lag() == 0
        assert _found(store) == want


def test_a_step_takes_at_least_one_page_however_short_its_time(tmp_path, monkeypatch):
    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 0)
    path = _unindexed_db(tmp_path / "a.db", 5)
    with Store.open(path) as store:
        assert [store.index_search(budget_s=0) for _ in range(6)] == [1] * 5 + [0]
        assert [store.index_phrases(budget_s=0) for _ in range(6)] == [1] * 5 + [0]


def test_deleted_pages_are_forgotten_within_the_time_too(tmp_path, monkeypatch):
    path = _unindexed_db(tmp_path / "a.db", 12)
    with Store.open(path) as store:
        store.index_phrases()
        store.db.execute("DELETE FROM pages WHERE rowid IN (2, 4, 6, 8)")
        assert store.phrase_lag() == 4
        _Clock(monkeypatch)
        steps = []
        while store.phrase_lag(at_most=1):
            steps.append(store.index_phrases(budget_s=0.005))
        assert steps == [2, 2]  # two deleted pages' 4-grams forgotten per step
        hits = store.db.execute(
            "SELECT count(*) FROM pages_phrases WHERE pages_phrases MATCH ?", ['"市委书记"']
        )
        assert hits.fetchone()[0] == 8  # the deleted pages' 4-grams are gone
        assert store.count_pages(search="市委书记主持会议") == 8


FILLER = """
import sys
from annotator.store import Store
import annotator.store.opening as opening
opening._CATCH_UP_AT_OPEN = 0
with Store.open(sys.argv[1]) as store:
    while True:
        taken = store.index_search(wait=False, budget_s=0)
        if not taken:
            taken = store.index_phrases(wait=False, budget_s=0)
        print(taken, flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_kill_9_mid_fill_leaves_the_indexes_whole_and_searches_exact(tmp_path, monkeypatch):
    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 0)
    path = _unindexed_db(tmp_path / "a.db", 400)
    with Store.open(path) as store:
        want = _found(store)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    filler = subprocess.Popen(
        [sys.executable, "-c", FILLER, str(path)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert filler.stdout is not None
        for _ in range(30):  # well into the trigram index, steps under way
            assert filler.stdout.readline().strip() not in ("", "0")
        os.kill(filler.pid, signal.SIGKILL)
        filler.wait()
    finally:
        if filler.poll() is None:
            filler.kill()
        filler.stdout.close()  # type: ignore[union-attr]
    with Store.open(path) as store:
        assert 0 < store.search_lag() < 400
        assert _found(store) == want  # half indexed: still exact
        store.index_search()
        store.index_phrases()
        assert _found(store) == want
        for table, term in (("pages_fts", "市委书"), ("pages_phrases", "市委书记")):
            hits = store.db.execute(
                f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", [f'"{term}"']
            )
            assert hits.fetchone()[0] == 400  # every page once


def test_steps_merge_the_index_segments_as_they_pile_up(tmp_path, monkeypatch):
    # Each step writes a segment; with automerge off while it writes, only the step's own
    # merges keep the pile low (40 steps of a page: 4 segments; without them, 10), so no
    # step pays a crisis merge at its commit.
    monkeypatch.setattr("annotator.store.opening._CATCH_UP_AT_OPEN", 0)
    path = _unindexed_db(tmp_path / "a.db", 40)
    with Store.open(path) as store:
        while store.search_lag(at_most=1):
            assert store.index_search(1, wait=False, budget_s=1.0) == 1
        while store.phrase_lag(at_most=1):
            assert store.index_phrases(1, wait=False, budget_s=1.0) == 1
        for table in ("pages_fts", "pages_phrases"):
            segments = store.db.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx")
            assert segments.fetchone()[0] <= 6, table
