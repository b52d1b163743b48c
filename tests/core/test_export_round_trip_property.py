"""Exports after any edit history, and their round trips through every format the project
both writes and reads (issue 11, "checks that check").

Pages of random paragraphs (markdown marks, soft line breaks, astral and full-width
characters, furniture, joins, every role), random labels and figures, a few random edits,
then "accept all and mark done". Then, for each format:

* every label the export writes stands at its text (the format's own offsets: code points,
  or UTF-16 code units for doccano), and no accepted label with a place in an article is
  missing from it;
* exported, read back onto a fresh database holding the same page (its paragraphs, for the
  formats that carry only article text; the bare page for Gold JSONL, whose records bring
  the paragraphs), and exported again, it gives the same file.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.edits import EditError, mark_done_op
from annotator.exporting import ExportRequest, export
from annotator.formats.registry import FORMATS
from annotator.model import Block, Page, Span
from annotator.pipeline import import_gold
from annotator.placement import import_documents
from annotator.store import Store
from annotator.text import derive_articles, span_problem

from .test_undo_redo_property import PHASES, _op, pages

# Formats that are written and read as article documents (spaCy's DocBin needs spaCy, and
# its round trip is test_formats.py's; segmentation's is test_import_segmentation.py's).
DOCUMENT_FORMATS = ("jsonl", "spacy-jsonl", "labelstudio", "doccano", "brat")


def _edited_and_done(page: tuple[str, list[Block], list[Span]], data: st.DataObject) -> Store:
    text, blocks, spans = page
    store = Store.open(":memory:")
    store.add_page(Page("p", text, "p.txt", "x", status="in_progress"), blocks, spans)
    for _ in range(data.draw(st.integers(0, 4))):
        op = _op(data.draw, store.page_state("p"))
        if op is None or op.kind == "set_page_status" or op.kind == "mark_done":
            continue
        try:
            store.apply(op, "ana")
        except EditError:
            continue
    state = store.page_state("p")
    if state.page.status != "done":
        store.apply(mark_done_op(state, "accept"), "ana")
    return store


def _placed(store: Store) -> list[tuple[int, int, str]]:
    """The accepted labels export owes: those with a place in an article's clean text."""
    state = store.page_state("p")
    text, blocks = state.page.text, state.blocks
    return sorted(
        (s.start, s.end, s.label)
        for s in state.spans.values()
        if s.status == "accepted" and span_problem(text, blocks, s.start, s.end) is None
    )


def _owed(store: Store) -> list[tuple[str, str]]:
    """(label, clean text) of every label export owes."""
    state = store.page_state("p")
    articles = derive_articles(state.page.text, list(state.blocks)).values()
    out = []
    for s, e, label in _placed(store):
        found = [(a, a.span_to_article(s, e)) for a in articles]
        ((article, (a, b)),) = [(x, at) for x, at in found if at is not None]
        out.append((label, article.text[a:b]))
    return sorted(out)


def _write(store: Store, fmt: str, base: Path) -> tuple[Path, str]:
    f = FORMATS[fmt]
    path = base if f.folder else base.with_suffix(f.suffix)
    export(store, ExportRequest(fmt=fmt), path)
    if path.is_dir():
        return path, "\n".join(f"{p.name}\n{p.read_text('utf-8')}" for p in sorted(path.iterdir()))
    return path, path.read_text("utf-8")


def _brat_labels(path: Path) -> list[tuple[str, str]]:
    out = []
    for ann in sorted(path.glob("*.ann")):
        text = ann.with_suffix(".txt").read_text("utf-8")
        for line in ann.read_text("utf-8").split("\n"):
            if not line.startswith("T"):
                continue
            _, middle, said = line.split("\t")
            label, *pieces = middle.replace(";", " ").split(" ")
            cuts = [int(x) for x in pieces]
            parts = [text[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2)]
            assert " ".join(parts) == said, line
            # BRAT keeps line breaks out of a text-bound label: one over a line break is
            # written as fragments on either side of it (a label of the page, whole).
            gaps = [text[cuts[i] : cuts[i + 1]] for i in range(1, len(cuts) - 1, 2)]
            assert all(set(gap) <= {"\n"} for gap in gaps), line
            out.append((label, text[cuts[0] : cuts[-1]]))
    return out


def _labelstudio_labels(path: Path) -> list[tuple[str, str]]:
    out = []
    for task in json.loads(path.read_text("utf-8")):
        text = task["data"]["text"]
        for r in task["annotations"][0]["result"]:
            v = r["value"]
            assert text[v["start"] : v["end"]] == v["text"], (text, v)
            out += [(label, v["text"]) for label in v["labels"]]
    return out


def _line_labels(record: dict[str, Any], fmt: str) -> list[tuple[str, str]]:
    text = record["text"]
    if fmt == "doccano":  # UTF-16 code units
        units = text.encode("utf-16-le")
        return [(x, units[2 * s : 2 * e].decode("utf-16-le")) for s, e, x in record["label"]]
    if fmt == "spacy-jsonl":
        return [(s["label"], text[s["start"] : s["end"]]) for s in record["spans"]]
    for s in record["spans"]:
        assert text[s["start"] : s["end"]] == s["text"], (text, s)
        assert record["page_id"] == "p"
    return [(s["label"], s["text"]) for s in record["spans"]]


def _labels_at_their_text(fmt: str, path: Path) -> list[tuple[str, str]]:
    """(label, text) of every label in the file, each checked against its text's slice."""
    if fmt == "brat":
        return _brat_labels(path)
    if fmt == "labelstudio":
        return _labelstudio_labels(path)
    lines = [x for x in path.read_text("utf-8").split("\n") if x]  # (not splitlines)
    return [x for line in lines for x in _line_labels(json.loads(line), fmt)]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), phases=PHASES)
@given(pages(), st.sampled_from(DOCUMENT_FORMATS), st.data())
def test_every_label_is_exported_at_its_text_and_reads_back_to_the_same_file(
    page: tuple[str, list[Block], list[Span]], fmt: str, data: st.DataObject
) -> None:
    with _edited_and_done(page, data) as store, tempfile.TemporaryDirectory() as folder:
        owed = _owed(store)
        path, first = _write(store, fmt, Path(folder) / "first")
        assert sorted(_labels_at_their_text(fmt, path)) == owed
        with Store.open(":memory:") as fresh:
            fresh.add_page(store.page("p"), store.blocks("p"))
            report = import_documents(fresh, list(FORMATS[fmt].read()(path)), "rt", "done")
            assert report.problems == []
            assert _placed(fresh) == _placed(store)
            _, second = _write(fresh, fmt, Path(folder) / "second")
    if fmt == "jsonl":  # who and when are the importing edit's; origins are human gold now
        first, second = _comparable(first), _comparable(second)
    assert second == first


def _joined_under_another_kind_of_role(blocks: list[Block]) -> bool:
    soft = {"body", "caption"}  # (the roles whose soft line breaks the clean text drops)
    last: dict[int, Block] = {}
    for b in blocks:
        if b.article is None:
            continue
        first = last.get(b.article)
        if b.joins_previous and first is not None and (b.role in soft) != (first.role in soft):
            return True
        last[b.article] = b
    return False


def _comparable(jsonl: str) -> list[dict[str, Any]]:
    records = [json.loads(x) for x in jsonl.split("\n") if x]
    for r in records:
        del r["reviewer"], r["updated_at"]
        for s in r["spans"]:
            del s["origin"]
    return records


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), phases=PHASES)
@given(pages(), st.data())
def test_gold_jsonl_imported_onto_the_bare_page_exports_the_same_bytes(
    page: tuple[str, list[Block], list[Span]], data: st.DataObject
) -> None:
    with _edited_and_done(page, data) as store, tempfile.TemporaryDirectory() as folder:
        # A record gives a paragraph its first part's role (gold_import's limit).
        assume(not _joined_under_another_kind_of_role(store.blocks("p")))
        path, first = _write(store, "jsonl", Path(folder) / "first")
        with Store.open(":memory:") as fresh:
            page_of_file = store.page("p")
            fresh.add_page(Page("p", page_of_file.text, "p.txt", "x"))
            report = import_gold(fresh, [path])
            assert report.refused == []
            out = io.StringIO()
            export(fresh, ExportRequest(fmt="jsonl", statuses=None), out)  # (none: all furniture)
    assert out.getvalue() == first


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), phases=PHASES)
@given(pages(), st.data())
def test_segmentation_of_an_edited_page_reads_back_to_the_same_bytes(
    page: tuple[str, list[Block], list[Span]], data: st.DataObject
) -> None:
    # Paragraphs split mid-line, merged, moved, joined by edits: a page format's round trip.
    from annotator.pipeline import import_segmentation

    with _edited_and_done(page, data) as store, tempfile.TemporaryDirectory() as folder:
        path, first = _write(store, "segmentation", Path(folder) / "first")
        with Store.open(":memory:") as fresh:
            report = import_segmentation(fresh, [path])
            assert not report.refused, report.refused
            _, second = _write(fresh, "segmentation", Path(folder) / "second")
    assert second == first and '"blocks"' in first
