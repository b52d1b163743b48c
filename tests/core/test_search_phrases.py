"""Search of four or more characters through the phrase index (every four characters of
each page with its position, migrations 9 and 10): exact against a plain scan whatever the
indexes cover, without reading page text when the index answers, and kept right when pages
are deleted."""

from __future__ import annotations

import random
import sqlite3

import pytest

from annotator.model import PAGE_STATUSES, Block, Page
from annotator.store import MIGRATIONS, SCHEMA_VERSION, Store
from annotator.store.search import phrase_grams

# Import refuses text with NUL (the trigram tokenizer stops at one); other control
# characters and ASCII letters are kept or folded by the phrase index and must still match.
ALPHABET = "书记主持人会议邓群策Ab \n\"'\x01\x02"


def _page(i: int, text: str, status: str = "new") -> Page:
    return Page(f"p{i}", text, f"p{i}.txt", f"{i:064x}", status)


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24)))


def _scattered(rng: random.Random) -> tuple[str, str]:
    """A query of 5-10 characters and a text holding each of its 4-grams apart, so the
    whole only by chance: what an index of 4-grams without positions cannot tell from a
    hit."""
    query = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(5, 10)))
    grams = [query[i : i + 4] for i in range(len(query) - 3)]
    rng.shuffle(grams)
    return query, "。".join(grams)


def _queries(rng: random.Random, texts: list[str]) -> list[str]:
    """Substrings of the pages (hits) and random strings (mostly misses), 1-10 characters."""
    found = []
    for text in rng.sample(texts, 12):
        if text:
            start = rng.randrange(len(text))
            found.append(text[start : start + rng.randint(1, 10)])
    made = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 10))) for _ in range(30)]
    return found + made


def _check_against_a_scan(store: Store, query: str) -> None:
    pages = [(row.id, row.status) for row in store.page_rows(0, 10**6)]
    texts = {page_id: store.page(page_id).text for page_id, _ in pages}
    expected = [(p, s) for p, s in pages if query in texts[p] or query in p]
    # the first rows and a position first, while the search is looked up only that far
    status = PAGE_STATUSES[len(query) % len(PAGE_STATUSES)]
    first = [r.id for r in store.page_rows(0, 2, status, query)]
    assert first == [p for p, s in expected if s == status][:2], repr(query)
    if len(query) <= 3:  # the trigram index answers: counted at once, whole
        assert store.found_pages(None, query) == (len(expected), True), repr(query)
    if expected:
        assert store.page_position(expected[-1][0], None, query) == len(expected) - 1
    found = [(r.id, r.status) for r in store.page_rows(0, 10**6, search=query)]
    assert found == expected, repr(query)
    counts = store.status_counts(query)
    assert counts == {s: sum(1 for _, t in expected if t == s) for s in PAGE_STATUSES}
    assert [r.id for r in store.page_rows(0, 2, search=query)] == [p for p, _ in expected[:2]]


@pytest.mark.parametrize("seed", range(6))
def test_every_search_equals_a_plain_scan_whatever_the_indexes_cover(tmp_path, seed, monkeypatch):
    # a search looked up a few pages at a time, as one of 100,000 pages is for a screenful
    monkeypatch.setattr("annotator.store.search._FIRST_STEP", 1 + seed % 3)
    rng = random.Random(seed)
    texts = [_random_text(rng) for _ in range(60)]
    scattered = [_scattered(rng) for _ in range(15)]  # every fourth page, in each stretch
    for k, (_query, text) in enumerate(scattered):
        texts[4 * k + 1] = text
    scattered_queries = [query for query, _text in scattered]
    with Store.open(tmp_path / "a.db") as store:
        for i, text in enumerate(texts):
            status = "new" if i == 3 else rng.choice(PAGE_STATUSES)
            store.add_page(_page(i, text, status), [])
        store.index_search(45)
        store.index_phrases(30)  # rowids 31-45: trigram candidates; 46-60: read
        # a deleted page's 4-grams stay in the index until index_phrases() forgets them
        assert store.replace_unreviewed_page("p3", _page(3, _random_text(rng)))
        extra = ["书记主持", "主持人会议", "AbAb", "aBab", "\x01Ab\x02b"]
        for query in _queries(rng, texts) + scattered_queries + extra:
            _check_against_a_scan(store, query)
        assert store.index_phrases(20) == 21  # the stale page and rowids 31-50
        for query in _queries(rng, texts) + scattered_queries:
            _check_against_a_scan(store, query)
        store.index_phrases()
        # p3 is the last page now: the page replacing it takes its rowid again, twice
        assert store.replace_unreviewed_page("p3", _page(3, _random_text(rng)))
        assert store.replace_unreviewed_page("p3", _page(3, "书记主持人会议"))
        assert store.phrase_lag() == 1  # the rowid the index holds stale
        for query in _queries(rng, texts) + ["书记主持", "持人会议"]:
            _check_against_a_scan(store, query)
        store.index_search()
        assert store.index_phrases() == 1 and store.phrase_lag() == 0
        for query in _queries(rng, texts) + scattered_queries + ["书记主持", "持人会议"]:
            _check_against_a_scan(store, query)


def _texts_read(store: Store) -> list[str]:
    """Starts recording every read of page text by ``store``'s connection."""
    reads: list[str] = []

    def authorize(action: int, table: str | None, column: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table == "pages" and column == "text":
            reads.append(column)
        return sqlite3.SQLITE_OK

    store.db.conn.set_authorizer(authorize)
    return reads


def test_a_search_of_four_or_more_characters_is_answered_by_the_index_without_reading_pages(
    tmp_path,
):
    path = tmp_path / "a.db"
    with Store.open(path) as store:
        for i in range(40):
            # every third page holds the trigrams of 书记主持 but not the word, and the
            # 4-grams of 市委书记主 but not in a row
            text = "市委书记主持会议" if i % 3 else "书记主任与日记主持人，市委书记。委书记主任"
            store.add_page(_page(i, text, PAGE_STATUSES[i % 5]), [])
        store.index_search()
        store.index_phrases()
    with Store.open(path, readonly=True) as reader:
        reads = _texts_read(reader)
        assert [r.id for r in reader.page_rows(0, 3, search="书记主持")] == ["p1", "p2", "p4"]
        assert reader.found_pages(None, "书记主持") == (26, True)  # rare: complete at once
        assert reader.status_counts("书记主持")["new"] == 5
        # longer ones: the phrase of their 4-grams in a row, whose positions the index holds
        assert reader.count_pages(search="市委书记主") == 26
        assert reader.status_counts("市委书记主")["new"] == 5
        assert reader.count_pages(search="书记主持会议") == 26
        assert [r.id for r in reader.page_rows(0, 2, search="市委书记主持会议")] == ["p1", "p2"]
        assert reads == []


def _v7_database(path, texts: list[str], version: int = 7) -> sqlite3.Connection:
    """A database as version 7 (or ``version``) left it, pages in no index; the open
    connection."""
    import sqlite_utils

    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    for number, _name, step in MIGRATIONS:
        if number <= version:
            with db.atomic():
                step(db)
                conn.execute(f"PRAGMA user_version = {number}")
    for i, text in enumerate(texts):
        conn.execute(
            "INSERT INTO pages (id, source, sha256, text, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 't', 't')",
            [f"p{i}", f"p{i}.txt", f"{i:064x}", text],
        )
    return conn


def test_a_version_7_database_gets_an_empty_phrase_index_and_search_stays_exact(tmp_path):
    path = tmp_path / "v7.db"
    _v7_database(
        path, [f"第{i}页 书记主持会议" if i % 2 else "书记与主持" for i in range(5)]
    ).close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        store.index_search()
        assert store.phrase_lag() == 5  # nothing in the phrase index yet
        assert store.count_pages(search="书记主持") == 2
        assert store.index_phrases(2) == 2 and store.phrase_lag() == 3
        assert store.count_pages(search="书记主持") == 2
        store.index_phrases()
        assert [r.id for r in store.page_rows(0, 9, search="书记主持")] == ["p1", "p3"]
        assert store.status_counts("书记主持")["new"] == 2


def test_the_first_rows_of_a_common_phrase_come_before_its_other_pages_are_looked_up(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        for i in range(400):
            text = "市委书记主持会议" if i % 2 else "书记主持"
            store.add_page(_page(i, text, PAGE_STATUSES[i % 5]), [])
        store.index_search()
        store.index_phrases()
        assert [r.id for r in store.page_rows(0, 3, search="委书记主持")] == ["p1", "p3", "p5"]
        found, complete = store.found_pages(None, "委书记主持")
        assert not complete and 3 <= found < 200  # a stretch of the list, not all of it
        assert store.page_position("p399", None, "委书记主持") == 199
        assert sum(store.status_counts("委书记主持").values()) == 200
        assert store.found_pages(None, "委书记主持") == (200, True)


def test_a_version_9_phrase_index_without_positions_is_built_again_and_search_stays_exact(
    tmp_path,
):
    path = tmp_path / "v9.db"
    texts = ["市委书记主持会议", "市委书记。委书记主任", "书记主持", "主持会议"]
    conn = _v7_database(path, texts, version=9)
    # as version 9 left it: every page's 4-grams in the index (no positions), one stale
    conn.executemany(
        "INSERT INTO pages_phrases (rowid, grams) VALUES (?, ?)",
        [(i + 1, phrase_grams(text)) for i, text in enumerate(texts)],
    )
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'phrase_indexed_rowid'")
    conn.execute("INSERT INTO phrase_stale (rowid, text) VALUES (5, '市委书记主')")
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.phrase_lag() == 4  # the index is empty again, nothing stale in it
        store.index_search()
        assert [r.id for r in store.page_rows(0, 9, search="市委书记主")] == ["p0"]
        assert store.index_phrases() == 4 and store.phrase_lag() == 0
    with Store.open(path, readonly=True) as reader:
        reads = _texts_read(reader)
        assert [r.id for r in reader.page_rows(0, 9, search="市委书记主")] == ["p0"]
        assert reader.count_pages(search="书记主持") == 2
        assert reads == []


def test_a_page_reusing_a_deleted_rowid_is_found_by_a_three_character_search(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(_page(1, "植树造林"), [Block(0, 4, "body", 1)])
        store.add_page(_page(2, "扮美雁城"), [])
        store.index_search()
        # p2 is the last page: the new version takes its rowid, below the index's watermark
        assert store.replace_unreviewed_page("p2", _page(2, "雁城新貌"))
        assert store.search_lag() == 0
        assert [r.id for r in store.page_rows(0, 9, search="城新貌")] == ["p2"]
        assert store.count_pages(search="扮美雁") == 0
        assert store.count_pages(search="新貌") == 1  # its last characters too


def test_opening_never_fills_the_phrase_index(tmp_path):
    # commands open the store too, and must not write unasked (a damaged file, say)
    path = tmp_path / "v7.db"
    _v7_database(path, ["书记主持会议"] * 3).close()
    with Store.open(path) as store:
        assert store.phrase_lag() == 3
    with Store.open(path) as store:
        assert store.phrase_lag() == 3
