"""Gold placed by its text finds the page that holds the text as it is, however many pages
before it hold a twin that only search's folding makes equal (ＧＤＰ for GDP): the probe's
candidates are exact. Made-up pages."""

from __future__ import annotations

import pytest

from annotator.formats.base import Imported
from annotator.model import Block, Page
from annotator.placement import import_documents
from annotator.store import Store

TEXT = "今年全市GDP总量首次突破万亿"
TWIN = "今年全市ＧＤＰ总量首次突破万亿"


def _add(store: Store, page_id: str, text: str) -> None:
    store.add_page(Page(page_id, text), [Block(0, len(text), "body", 1)])


@pytest.mark.parametrize("indexed", [True, False])
def test_gold_is_placed_on_its_page_not_on_the_folded_twins_before_it(tmp_path, indexed):
    with Store.open(tmp_path / "a.db") as store:
        for i in range(25):  # more than the 20 candidates a probe takes
            _add(store, f"twin{i:02d}", TWIN)
        _add(store, "real", TEXT)
        if indexed:
            store.index_search()
            store.index_phrases()
        doc = Imported(TEXT, [(2, 4, "LOC")], "gold.jsonl:1")
        report = import_documents(store, [doc], "ana")
        assert report.problems == []
        assert report.pages == ["real"]
        assert [(s.start, s.end) for s in store.spans("real") if s.status == "accepted"] == [(2, 4)]


def test_exact_pages_containing_agrees_with_reading_every_page(tmp_path):
    texts = [TWIN, TEXT, "e\u0301lan GDP", "élan", "GDP", "ｇｄｐ总量", "总量首次", "㍻元年 平成"]
    pages = [(f"p{i:03d}", texts[i * 7 % len(texts)]) for i in range(60)]
    with Store.open(tmp_path / "a.db") as store:
        for page_id, text in pages:
            _add(store, page_id, text)
        store.index_search(20)  # the rest is searched beyond the index
        store.index_phrases(10)
        for fragment in [
            "GDP",
            "ＧＤＰ",
            "市GDP总",
            "e",
            "\u0301lan",
            "平成",
            "总量首次",
            "gdp总量",
        ]:
            for limit in (3, 20, 100):
                want = [p for p, text in pages if fragment in text][:limit]
                assert store.pages_containing(fragment, limit, exact=True) == want, fragment
