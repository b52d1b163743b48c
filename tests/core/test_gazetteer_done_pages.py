"""The gazetteer a store learns: on done pages an occurrence of an accepted string left
untagged is a rejection there (issue 10), with a real store."""

from __future__ import annotations

from annotator.model import Block, Page, Span
from annotator.pipeline import learnt_gazetteer
from annotator.store import Store
from annotator.suggest import suggest_spans


def _done_page(n: int, text: str, spans: list[tuple[int, int, str]]) -> tuple:
    page = Page(f"p{n}", text, "gold.bio", f"{n:064x}", "done")
    blocks = [Block(0, len(text), "body", 1)]
    return page, blocks, [Span(s, e, label) for s, e, label in spans]


def _suggested(store: Store, text: str) -> list[tuple[str, str, str]]:
    spans = suggest_spans(text, gazetteer=learnt_gazetteer(store))
    return [(text[s.start : s.end], s.label, s.origin) for s in spans]


def test_tagged_on_one_done_page_and_untagged_on_three_is_not_suggested(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        store.add_gold_pages(
            [
                _done_page(1, "甲乙丙很好。", [(0, 3, "ORG")]),
                _done_page(2, "他说甲乙丙很好。", []),
                _done_page(3, "甲乙丙的事。", []),
                _done_page(4, "再谈甲乙丙。", []),
            ]
        )
        assert "甲乙丙" not in learnt_gazetteer(store)
        assert ("甲乙丙", "ORG", "gazetteer") not in _suggested(store, "今天甲乙丙来了")


def test_tagged_on_most_done_pages_is_suggested(tmp_path):
    # 11 of its 12 occurrences tagged (at least nine in ten must be)
    both = [(0, 3, "ORG"), (4, 7, "ORG")]
    with Store.open(tmp_path / "a.db") as store:
        store.add_gold_pages(
            [_done_page(n, "甲乙丙和甲乙丙。", both if n else both[:1]) for n in range(6)]
        )
        assert learnt_gazetteer(store).label_of("甲乙丙") == "ORG"
        assert ("甲乙丙", "ORG", "gazetteer") in _suggested(store, "今天甲乙丙来了")


def test_pages_not_done_are_no_evidence_against(tmp_path):
    # a name accepted on the page in review is suggested on the next pages, however often
    # it stands untagged on pages nobody has finished
    with Store.open(tmp_path / "a.db") as store:
        pages = [_done_page(1, "甲乙丙很好。", [(0, 3, "ORG")])]
        for n in range(2, 6):
            page, blocks, _ = _done_page(n, "他说甲乙丙很好。", [])
            pages.append((Page(page.id, page.text, page.source, page.sha256, "new"), blocks, []))
        store.add_gold_pages(pages)
        assert learnt_gazetteer(store).label_of("甲乙丙") == "ORG"


def test_gazetteer_counts_split_the_done_pages_accepted(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        done = _done_page(1, "甲乙丙很好。", [(0, 3, "ORG")])
        page, blocks, spans = _done_page(2, "甲乙丙的事。", [(0, 3, "ORG")])
        store.add_gold_pages(
            [
                done,
                (Page(page.id, page.text, page.source, page.sha256, "in_progress"), blocks, spans),
            ]
        )
        accepted, rejected, on_done = store.gazetteer_counts()
        assert accepted == {("甲乙丙", "ORG"): 2} and rejected == {}
        assert on_done == {("甲乙丙", "ORG"): 1}
        assert list(store.done_page_texts()) == ["甲乙丙很好。"]
