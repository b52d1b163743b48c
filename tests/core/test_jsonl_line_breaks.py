"""JSONL exports escape the three characters that JSON lets stand in a string but that
``str.splitlines()`` breaks lines at (U+2028, U+2029, U+0085): a reader that splits the
file so gets whole records, and reading them gives the characters back (issue 11)."""

from __future__ import annotations

import json

import pytest

from annotator.exporting import ExportRequest, export
from annotator.formats.registry import FORMATS
from annotator.model import Block, Page, Span
from annotator.store import Store

BREAKS = "\u2028\u2029\x85"
# Two articles; the breaks stand between paragraphs' words, inside a label and beside it.
TEXT = f"标题{BREAKS}一\n\n邓群\u2028策在衡阳\x85市{BREAKS}开会。\n\n第二篇\u2029文章。"


@pytest.fixture
def store(tmp_path):
    first = TEXT.index("\n\n") + 2
    second = TEXT.index("\n\n", first) + 2
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(
            Page("p\u2028one", TEXT, "p\x85.txt", "0" * 64, "done"),
            [
                Block(0, first - 2, "headline", 1),
                Block(first, second - 2, "body", 1),
                Block(second, len(TEXT), "body", 2),
            ],
            [
                Span(first, first + 4, "PER", "human", "accepted"),  # 邓群\u2028策
                Span(first + 5, first + 8, "LOC", "human", "accepted"),  # 衡阳\x85
                Span(second, second + 4, "ORG", "human", "accepted"),  # 第二篇\u2029
            ],
        )
        yield store


# Every writer of JSON lines (and the JSON array writers, which put a record on a line).
CASES = ["jsonl", "json", "spacy-jsonl", "doccano", "labelstudio", "segmentation"]


@pytest.mark.parametrize("fmt", CASES)
def test_a_json_lines_export_splits_into_whole_records_by_str_splitlines(store, tmp_path, fmt):
    path = tmp_path / f"out{FORMATS[fmt].suffix}"
    export(store, ExportRequest(fmt=fmt), path)
    data = path.read_text(encoding="utf-8")
    assert not set(BREAKS) & set(data)
    assert "\\u2028" in data and "\\u2029" in data and "\\u0085" in data
    lines = data.splitlines()
    assert lines == data.split("\n")[:-1]  # no line is cut anywhere else
    if fmt in ("json", "labelstudio"):  # one array, a record per line inside it
        items = json.loads(data)
        assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == items
    else:
        items = [json.loads(line) for line in lines]
    texts = [item.get("text") or item.get("data", {}).get("text") for item in items]
    if fmt == "segmentation":  # a record per page
        assert texts == [TEXT]
    else:  # a record per article, the breaks in its text as they were
        assert len(items) == 2
        assert all(set(BREAKS) & set(t) for t in texts)


@pytest.mark.parametrize("fmt", ["jsonl", "spacy-jsonl", "doccano"])
def test_a_line_safe_export_reads_back_with_its_labels(store, tmp_path, fmt):
    path = tmp_path / "out.jsonl"
    export(store, ExportRequest(fmt=fmt), path)
    docs = list(FORMATS[fmt].read()(path))
    labelled = sorted((doc.text[s:e], label) for doc in docs for s, e, label in doc.spans)
    assert labelled == [("第二篇\u2029", "ORG"), ("衡阳\x85", "LOC"), ("邓群\u2028策", "PER")]
