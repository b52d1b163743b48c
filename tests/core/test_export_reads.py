"""The store's export reads: ``iter_pages`` objects are the ones the page reads build, and
``export_pages`` gives the same spans as plain rows, a chunk of pages per query."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError

import pytest

from annotator.edits import Op
from annotator.model import Block, Page
from annotator.store import Store

TEXT = "标题\n\n本报讯 张三在衡阳市发布了5.2%的数据。\n\n广告\n"


def _db(path) -> Store:
    store = Store.open(path)
    blocks = [
        Block(0, 2, "headline", 1, confidences={"role": 0.7}),
        Block(4, 25, "body", 1),
        Block(27, 29, "other", None),
    ]
    store.add_page(Page("p1", TEXT, "p1.txt", "0" * 64, "in_progress", paper="hyrb"), blocks)
    store.add_page(Page("p2", "空页\n", "p2.txt", "1" * 64, "new"), [Block(0, 2, "body", 1)])
    ops = [
        Op("add_span", "p1", {"start": 8, "end": 10, "label": "PER"}).to_json(),
        Op("add_span", "p1", {"start": 11, "end": 14, "label": "LOC"}).to_json(),
        Op(
            "add_span",
            "p1",
            {"start": 17, "end": 21, "label": "FIGURE", "attrs": {"value": 5.2, "unit": "%"}},
        ).to_json(),
    ]
    store.apply(Op("batch", "p1", {"ops": ops}), "ana")
    rejected = store.spans("p1")[1]
    store.apply(Op("set_span_status", "p1", {"id": rejected.id, "status": "rejected"}), "ana")
    return store


def test_iter_pages_builds_what_the_page_reads_build(tmp_path):
    with _db(tmp_path / "a.db") as store:
        read = list(store.iter_pages(page_ids=["p2", "p1"]))
        assert [page.id for page, _, _ in read] == ["p2", "p1"]
        for page, blocks, spans in read:
            assert vars(page) == vars(store.page(page.id))
            assert [vars(b) for b in blocks] == [vars(b) for b in store.blocks(page.id)]
            assert [vars(s) for s in spans] == [vars(s) for s in store.spans(page.id)]
        assert read[1][2][2].attrs == {"value": 5.2, "unit": "%"}
        accepted = list(store.iter_pages(page_ids=["p1"], span_status="accepted"))[0][2]
        assert [s.label for s in accepted] == ["PER", "FIGURE"]


def test_export_pages_gives_span_rows_of_the_status_asked(tmp_path):
    with _db(tmp_path / "a.db") as store:
        read = list(store.export_pages(["p1", "p2", "gone"], "accepted", chunk=1))
        assert [page.id for page, _, _ in read] == ["p1", "p2"]
        (p1, blocks, rows), (_, _, none) = read
        assert vars(p1) == vars(store.page("p1"))
        assert [vars(b) for b in blocks] == [vars(b) for b in store.blocks("p1")]
        spans = [s for s in store.spans("p1") if s.status == "accepted"]
        assert [row[:5] for row in rows] == [
            ("p1", s.start, s.end, s.label, s.origin) for s in spans
        ]
        assert [json.loads(row[5]) for row in rows] == [s.attrs for s in spans]
        assert [row[6] for row in rows] == [s.id for s in spans]
        assert none == []


def test_export_blocks_are_the_blocks_the_page_reads_build_field_for_field(tmp_path):
    with _db(tmp_path / "a.db") as store:
        (_, read, _), _ = store.export_pages(["p1", "p2"])
        built = store.blocks("p1")
    assert read == built and [hash(b) for b in read] == [hash(b) for b in built]
    assert [vars(b) for b in read] == [vars(b) for b in built]
    assert read[0].confidences == {"role": 0.7} and read[1].joins_previous is False
    with pytest.raises(FrozenInstanceError):
        read[0].role = "body"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("filters", "said"),
    [
        (
            {"statuses": ["flagged"], "pattern": "zzz*", "until": "2000-01-01"},
            ["no page is flagged", "no page id matches 'zzz*'", "no page was last edited"],
        ),
        ({"statuses": ["new"], "papers": ["hyrb"]}, ["--status 1, --paper 1"]),
    ],
)
def test_an_export_that_selects_nothing_says_why_from_one_read_of_the_pages(
    tmp_path, filters, said
):
    # Saying why read the pages three to five more times (the bounds, the statuses, then
    # each filter alone); one read with a count per filter tells the same.
    from annotator.exporting import ExportRequest, export
    from annotator.formats.gold_jsonl import ExportError

    with _db(tmp_path / "a.db") as store:
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        with pytest.raises(ExportError) as refused:
            export(store, ExportRequest(**filters), tmp_path / "o.jsonl")
        store.db.conn.set_trace_callback(None)
    for text in said:
        assert text in str(refused.value)
    reads = [s for s in statements if "FROM pages" in s]
    selection = next(k for k, s in enumerate(reads) if s.startswith("SELECT id FROM pages"))
    assert len(reads[selection + 1 :]) == 1, reads  # after the selection, one read says why


def test_article_blocks_read_gives_the_same_gold_records(tmp_path):
    """``article_blocks`` (what article exports read): the blocks as plain tuples, with the
    same places and roles, and the records made of them are the records of full blocks."""
    from annotator.formats.gold_jsonl import export_row_records

    with _db(tmp_path / "a.db") as store:
        full = list(store.export_pages(["p1", "p2"]))
        narrow = list(store.export_pages(["p1", "p2"], article_blocks=True))
        for (_, blocks, rows), (_, tuples, same_rows) in zip(full, narrow, strict=True):
            assert rows == same_rows
            assert [(b.start, b.end, b.role, b.article) for b in blocks] == [
                (b.start, b.end, b.role, b.article) for b in tuples
            ]
            assert all(type(b) is not Block for b in tuples)
        assert list(export_row_records(narrow)) == list(export_row_records(full))


def test_repeated_attributes_give_each_span_its_own_dict_without_confidence(tmp_path):
    """The attributes text of many spans is parsed once (remembered): each span still gets
    a dict of its own, and what only describes a guess (confidence) is left out."""
    from annotator.formats.gold_jsonl import export_row_records

    text = "张三说李四来了。\n"
    with Store.open(tmp_path / "b.db") as store:
        store.add_page(Page("q", text, "q.txt", "2" * 64, "done"), [Block(0, 8, "body", 1)])
        attrs = {"unit": "人", "confidence": 0.9, "flag": True}
        ops = [
            Op("add_span", "q", {"start": s, "end": s + 2, "label": "PER", "attrs": attrs})
            for s in (0, 3, 5)
        ]
        store.apply(Op("batch", "q", {"ops": [op.to_json() for op in ops]}), "ana")
        for _ in range(2):  # the second export reads what the first remembered
            (record,) = export_row_records(store.export_pages(["q"], article_blocks=True))
            dicts = [span["attrs"] for span in record["spans"]]
            assert dicts == [{"unit": "人", "flag": True}] * 3
            assert len({id(d) for d in dicts}) == 3
            dicts[0]["unit"] = "changed"
            assert dicts[1] == {"unit": "人", "flag": True}
