"""Search folds case and width (issue 11): ``covid`` finds COVID and ＣＯＶＩＤ, ``2025``
finds ２０２５, at every query length, indexed or not, in page ids too; the window selects
the page's own characters (``found_ranges``). Schema 13 folds the indexes."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.model import Block, Page
from annotator.store import MIGRATIONS, SCHEMA_VERSION, Store
from annotator.store.folding import fold, found_ranges

TEXTS = {
    "p1": "新冠ＣＯＶＩＤ疫情２０２５年",
    "p2": "COVID-19检测，2025年",
    "p3": "covid防控，Straße",
    "p4": "没有那个词",
}


def test_fold_is_nfkc_then_case_folding():
    assert fold("ＣＯＶＩＤ-19 ２０２５年 Straße ﬁ ①") == "covid-19 2025年 strasse fi 1"
    assert fold("邓群策𠮷") == "邓群策𠮷"  # Chinese text stays as it is
    assert fold("e\u0301") == "é"  # composed


@pytest.mark.parametrize(
    ("text", "search", "found"),
    [
        ("新冠ＣＯＶＩＤ疫情", "covid", ["ＣＯＶＩＤ"]),
        ("𠮷COVID与covid", "Covid", ["COVID", "covid"]),
        ("２０２５年和2025年", "2025年", ["２０２５年", "2025年"]),
        ("ﬁnal", "fi", ["ﬁ"]),  # a ligature is covered whole
        ("Straße", "SS", ["ß"]),
        ("cafe\u0301 café", "café", ["cafe\u0301", "café"]),
        ("abc", "x", []),
    ],
)
def test_found_ranges_are_the_page_s_own_characters(text, search, found):
    assert [text[s:e] for s, e in found_ranges(text, search)] == found


def _store(path, ids=TEXTS):
    store = Store.open(path)
    for page_id in ids:
        text = TEXTS.get(page_id, "无关")
        store.add_page(Page(page_id, text, f"{page_id}.txt", page_id), [Block(0, 2, "body", 1)])
    return store


QUERIES = {  # every length: 1-2 (term list), 3 (trigram), 4+ (phrase index)
    "c": ["p1", "p2", "p3"],
    "Ｃo": ["p1", "p2", "p3"],
    "COV": ["p1", "p2", "p3"],
    "covi": ["p1", "p2", "p3"],
    "ＣＯＶＩＤ": ["p1", "p2", "p3"],
    "covid-19": ["p2"],
    "2025": ["p1", "p2"],
    "２０２５年": ["p1", "p2"],
    "strasse": ["p3"],
    "STRAẞE": ["p3"],
    "那个词": ["p4"],
}


@pytest.mark.parametrize("indexed", ["none", "trigrams", "both"])
def test_search_folds_case_and_width_at_every_length_indexed_or_not(tmp_path, indexed):
    with _store(tmp_path / "a.db") as store:
        if indexed != "none":
            store.index_search()
        if indexed == "both":
            store.index_phrases()
        found = {q: [r.id for r in store.page_rows(0, 9, search=q)] for q in QUERIES}
        assert found == QUERIES
        assert store.count_pages(search="COVID") == 3
        assert store.status_counts("covid")["new"] == 3


def test_page_ids_are_searched_folded(tmp_path):
    with _store(tmp_path / "a.db", ["ＲＭＲＢ-0101", "rmrb-0102", "Rmrb-0103", "other"]) as store:
        store.index_search()
        store.index_phrases()
        assert [r.id for r in store.page_rows(0, 9, search="rmrb")] == [
            "ＲＭＲＢ-0101",
            "rmrb-0102",
            "Rmrb-0103",
        ]
        assert store.count_pages(search="RMRB-010") == 3


def test_a_replaced_page_leaves_no_stale_folded_terms(tmp_path):
    with _store(tmp_path / "a.db") as store:
        store.index_search()
        store.index_phrases()
        new = Page("p1", "新版本没有那个词了", "p1.txt", "changed")
        assert store.replace_unreviewed_page("p1", new)
        store.index_phrases()
        assert [r.id for r in store.page_rows(0, 9, search="covid")] == ["p2", "p3"]
        assert [r.id for r in store.page_rows(0, 9, search="ｃｏｖ")] == ["p2", "p3"]
        assert sorted(r.id for r in store.page_rows(0, 9, search="那个词")) == ["p1", "p4"]
        # the last page replaced takes its rowid again, below the watermarks: the
        # triggers index it (folded) in the same statement
        store.index_search()
        store.index_phrases()
        again = Page("p1", "ＣＯＶＩＤ又来了", "p1.txt", "changed again")
        assert store.replace_unreviewed_page("p1", again)
        assert store.search_lag() == 0
        assert [r.id for r in store.page_rows(0, 9, search="cov")] == ["p2", "p3", "p1"]
        assert [r.id for r in store.page_rows(0, 9, search="d又")] == ["p1"]
        assert [r.id for r in store.page_rows(0, 9, search="了")] == ["p1"]  # its folded tail
        check = "INSERT INTO {0} ({0}, rank) VALUES ('integrity-check', 0)"
        store.db.execute(check.format("pages_fts"))  # raises when the index is damaged
        store.db.execute(check.format("pages_phrases"))


def _version_12_database(path):
    """A schema 12 database as it was: case-sensitive indexes of the raw text, filled."""
    import sqlite_utils

    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    for number, _name, step in MIGRATIONS:
        if number <= 12:
            step(db)
            conn.execute(f"PRAGMA user_version = {number}")
    for page_id, text in TEXTS.items():
        conn.execute(
            "INSERT INTO pages (id, source, sha256, text, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 'new', 't', 't')",
            [page_id, f"{page_id}.txt", page_id, text],
        )
    conn.execute("INSERT INTO pages_fts (rowid, text) SELECT rowid, text FROM pages")
    conn.execute("INSERT INTO page_tails (rowid, tail) SELECT rowid, substr(text, -2) FROM pages")
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'search_indexed_rowid'")
    conn.close()


def test_a_version_12_database_is_searched_exactly_read_only_and_folded_after_upgrade(tmp_path):
    path = tmp_path / "v12.db"
    _version_12_database(path)
    with Store.open_readonly(path) as store:  # its indexes are of the raw text
        assert store.schema_version == 12
        assert [r.id for r in store.page_rows(0, 9, search="COVID")] == ["p2"]
        assert [r.id for r in store.page_rows(0, 9, search="covid")] == ["p3"]
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        # the indexes are filled again (a short lag at once, a long one in the background)
        assert store.count_pages(search="covid") == 3
        store.index_search()
        store.index_phrases()
        assert store.search_lag() == 0 and store.phrase_lag() == 0
        found = {q: [r.id for r in store.page_rows(0, 9, search=q)] for q in QUERIES}
        assert found == QUERIES


def test_indexes_folded_under_another_unicode_version_are_made_again(tmp_path):
    path = tmp_path / "a.db"
    with _store(path) as store:
        store.index_search()
        store.index_phrases()
        store.db.execute("UPDATE meta SET value = '1.0' WHERE key = 'fold_unicode'")
    with Store.open(path) as store:
        # emptied on open; the short lag is caught up at once, the phrase index later
        assert store.phrase_lag() == 4
        assert store.count_pages(search="ＣＯＶＩＤ") == 3
        store.index_phrases()
        assert store.count_pages(search="covid-19") == 1
