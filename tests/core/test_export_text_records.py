"""Formats of text and spans (``records="text"`` in the registry) read narrower records:
the text records are the Gold records' values for exactly the keys those writers read, the
narrow store read gives the same spans, the writers write the same bytes from either, and a
span that cannot be exported is reported as the whole-record path reports it."""

from __future__ import annotations

import io
import json

import pytest

from annotator.exporting import ExportRequest, export
from annotator.formats.gold_jsonl import (
    TEXT_RECORD_KEYS,
    TEXT_SPAN_KEYS,
    export_row_records,
    export_text_records,
)
from annotator.formats.registry import FORMATS
from annotator.model import ArticleBlock, Block, Page, Span
from annotator.store import Store
from annotator.text import derive_articles

# Two articles with a join, a span with attributes, a character outside the BMP, a span
# across the line break of a joined paragraph, nested spans, and a span across the two
# articles (which cannot be exported and is reported).
TEXT = "# 𠮷野家开业\n\n本报讯 张三在衡阳市\n发布了5.2%的数据。\n\n另一篇:李四😀来了。\n"


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


SPANS = [
    (_at("𠮷野家"), "ORG", {}),
    (_at("张三"), "PER", {}),
    (_at("衡阳市\n发布"), "LOC", {}),
    (_at("衡阳"), "LOC", {}),
    (_at("5.2%"), "FIGURE", {"attrs": {"value": 5.2, "unit": "%"}}),
    (_at("李四😀"), "PER", {}),
    ((_at("数据")[0], _at("另一")[1]), "ORG", {}),  # crosses from article 1 into article 2
]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "t.db") as store:
        blocks = [
            Block(*_at("# 𠮷野家开业"), "headline", 1),
            Block(*_at("本报讯 张三在衡阳市\n发布了5.2%的数据。"), "body", 1),
            Block(*_at("另一篇:李四😀来了。"), "body", 2),
        ]
        # Stored as a database from before edits were refused for them: two of the labels
        # are left out of every export, which the export reports.
        page = Page("p1", TEXT, "p1.txt", "0" * 64, "done", "ana")
        spans = [
            Span(s, e, label, "human", "accepted", extra.get("attrs", {}))
            for (s, e), label, extra in SPANS
        ]
        store.add_gold_pages([(page, blocks, spans)])
        yield store


def _narrowed(record: dict) -> dict:
    spans = [{k: s[k] for k in TEXT_SPAN_KEYS} for s in record["spans"]]
    return {**{k: record[k] for k in TEXT_RECORD_KEYS}, "spans": spans}


def test_text_records_are_the_gold_records_values_for_the_text_keys(store):
    gold_warnings: list = []
    text_warnings: list = []
    gold = list(export_row_records(store.export_pages(["p1"]), gold_warnings))
    text = list(
        export_text_records(
            store.export_pages(["p1"], text_only=True), text_warnings, store.export_span_rows
        )
    )
    assert [tuple(r) for r in text] == [TEXT_RECORD_KEYS] * 2
    assert all(tuple(s) == TEXT_SPAN_KEYS for r in text for s in r["spans"])
    assert text == [_narrowed(r) for r in gold]
    assert text[0]["spans"][-1]["attrs"] == {"value": 5.2, "unit": "%"}
    # The span across the articles is reported the same, span id and origin included.
    assert text_warnings == gold_warnings and len(gold_warnings) == 1
    assert "crosses articles 1 and 2" in str(text_warnings[0])


def test_the_narrow_read_gives_start_end_label_and_attrs_of_every_gold_span(store):
    ((_, blocks, rows),) = store.export_pages(["p1"], text_only=True)
    ((_, same_blocks, full),) = store.export_pages(["p1"])
    assert rows == [(r[0], r[1], r[2], r[3], r[5]) for r in full]
    # The blocks as ArticleBlock tuples: what clean text reads of each Block.
    assert all(isinstance(b, ArticleBlock) and b.page_id == "p1" for b in blocks)
    assert [(b.start, b.end, b.role, b.article, bool(b.joins_previous)) for b in blocks] == [
        (b.start, b.end, b.role, b.article, b.joins_previous) for b in same_blocks
    ]
    assert store.export_span_rows("p1") == full
    assert json.loads(rows[4][4]) == {"value": 5.2, "unit": "%"}


def test_warnings_of_text_records_need_the_full_rows(store):
    with pytest.raises(ValueError, match="full_rows"):
        list(export_text_records(store.export_pages(["p1"], text_only=True), []))
    # without warnings asked for, nothing needs them
    assert len(list(export_text_records(store.export_pages(["p1"], text_only=True)))) == 2


TEXT_FORMATS = [
    name
    for name, f in FORMATS.items()
    if f.records == "text" and not f.binary and not f.folder and name != "spacy"
]


@pytest.mark.parametrize("name", TEXT_FORMATS)
def test_text_formats_write_the_same_from_text_records_as_from_gold_records(store, name):
    gold = list(export_row_records(store.export_pages(["p1"])))
    text = list(export_text_records(store.export_pages(["p1"], text_only=True)))
    write = FORMATS[name].write()
    from_gold, from_text = io.StringIO(), io.StringIO()
    write(gold, from_gold, labels=["PER", "ORG"])
    write(text, from_text, labels=["PER", "ORG"])
    assert from_text.getvalue() == from_gold.getvalue() and len(from_gold.getvalue()) > 100


def test_brat_writes_the_same_files_from_text_records(store, tmp_path):
    write = FORMATS["brat"].write()
    write(list(export_row_records(store.export_pages(["p1"]))), tmp_path / "gold")
    write(list(export_text_records(store.export_pages(["p1"], text_only=True))), tmp_path / "t")
    names = sorted(p.name for p in (tmp_path / "gold").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "t").iterdir()) and len(names) == 6
    for name in names:
        assert (tmp_path / "t" / name).read_bytes() == (tmp_path / "gold" / name).read_bytes()


@pytest.mark.parametrize("name", ["bio", "brat", "doccano", "labelstudio", "spacy-jsonl"])
def test_an_export_in_a_text_format_reports_what_the_gold_export_reports(store, tmp_path, name):
    gold = export(store, ExportRequest(fmt="jsonl"), tmp_path / "g.jsonl")
    text = export(store, ExportRequest(fmt=name), tmp_path / f"t{FORMATS[name].suffix}")
    assert FORMATS[name].records == "text"
    assert text.warnings == gold.warnings and len(text.warnings) == 1
    assert text.counts == gold.counts == {"all": 2}


def test_clean_text_of_article_blocks_is_that_of_blocks(tmp_path):
    # A join, page furniture, markdown and soft line breaks: everything _derive reads.
    text = "# 标题\n\n本报讯 张三在\n衡阳市发布\n\n广告\n\n**续**上文。\n\n另一篇。\n"
    blocks = [
        Block(*_span_of(text, "# 标题"), "headline", 1),
        Block(*_span_of(text, "本报讯 张三在\n衡阳市发布"), "body", 1),
        Block(*_span_of(text, "广告"), "other", None),
        Block(*_span_of(text, "**续**上文。"), "body", 1, True),
        Block(*_span_of(text, "另一篇。"), "body", 2),
    ]
    with Store.open(tmp_path / "j.db") as store:
        store.add_page(Page("j", text, "j.txt", "0" * 64, "done"), blocks)
        ((_, narrow, _),) = store.export_pages(["j"], text_only=True)
        ((_, full, _),) = store.export_pages(["j"])
    wanted = derive_articles(text, full)
    got = derive_articles(text, narrow)
    assert [a.text for a in got.values()] == [a.text for a in wanted.values()]
    assert [a.segments for a in got.values()] == [a.segments for a in wanted.values()]
    assert [a.paragraphs for a in got.values()] == [a.paragraphs for a in wanted.values()]
    assert "续上文" in got[1].text  # the join and the markup were read


def _span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_export_pauses_the_cyclic_collector_and_restores_it(store, tmp_path):
    import gc

    seen = []

    def progress(done, total, page_id):
        seen.append(gc.isenabled())
        return True

    assert gc.isenabled()
    export(store, ExportRequest(fmt="bio", progress=progress), tmp_path / "a.txt")
    assert seen and not any(seen) and gc.isenabled()
    # also after an error, and a collector someone else paused stays paused
    with pytest.raises(KeyError):
        export(store, ExportRequest(fmt="no such format"), tmp_path / "b.txt")
    assert gc.isenabled()
    gc.disable()
    try:
        export(store, ExportRequest(fmt="bio"), tmp_path / "c.txt")
        assert not gc.isenabled()
    finally:
        gc.enable()
