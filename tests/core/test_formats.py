"""Export formats (issue 12): UTF-16 offsets, validation, atomic files, round trips by import."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.edits import Op
from annotator.exporting import ExportRequest, export
from annotator.formats.base import (
    MARKER,
    ExportError,
    ExportValidationError,
    Utf16,
    atomic_folder,
    check_record,
)
from annotator.formats.brat import ann
from annotator.formats.registry import FORMATS, import_names
from annotator.formats.segmentation import record as segmentation_record
from annotator.model import Block, Page, Span
from annotator.placement import import_documents
from annotator.resources import seeds_dir
from annotator.store import Store

# 𠮷 (U+20BB7) and 😀 (U+1F600) lie outside the BMP: two UTF-16 code units each.
TEXT = "# 𠮷野家开业😀\n\n本报讯 𠮷田先生😀在衡阳市开了一家\n\n餐馆,邓群策到场祝贺。\n\n另一篇:张三😀来了。\n"


def part(text: str, page: str = TEXT) -> tuple[int, int]:
    start = page.index(text)
    return start, start + len(text)


def block(text: str, role: str, article: int | None, joins: bool = False) -> Block:
    return Block(*part(text), role=role, article=article, joins_previous=joins)


BLOCKS = [
    block("# 𠮷野家开业😀", "headline", 1),
    block("本报讯 𠮷田先生😀在衡阳市开了一家", "body", 1),
    block("餐馆,邓群策到场祝贺。", "body", 1, joins=True),
    block("另一篇:张三😀来了。", "body", 2),
]
SPANS = [
    Span(*part("𠮷野家"), "ORG"),  # an astral character inside, at the start
    Span(*part("𠮷田"), "PER"),
    Span(*part("衡阳市"), "LOC"),  # after an astral character and an emoji
    Span(*part("先生😀在"), "PER"),  # an emoji inside
    Span(*part("邓群策"), "PER"),  # after the join
    Span(*part("张三😀"), "PER"),
]


def _store(path: Path | str, spans: list[Span] = SPANS, **page: object) -> Store:
    store = Store.open(path)
    fields = {"status": "done", "reviewer": "lin", "paper": "hyrb", **page}
    store.add_page(Page("p1", TEXT, "p1.txt", "0" * 64, **fields), BLOCKS)  # type: ignore[arg-type]
    if spans:
        ops = [
            Op("add_span", "p1", {"start": s.start, "end": s.end, "label": s.label}).to_json()
            for s in spans
        ]
        store.apply(Op("batch", "p1", {"ops": ops}), "lin")
    return store


def _export(store: Store, fmt: str, **options: object) -> str:
    out = io.StringIO()
    export(store, ExportRequest(fmt=fmt, **options), out)  # type: ignore[arg-type]
    return out.getvalue()


# ---------------------------------------------------------------------------- UTF-16


def test_utf16_counts_astral_characters_twice_and_converts_back():
    text = "a𠮷b😀c"
    conv = Utf16(text)
    units = [conv.to_utf16(i) for i in range(len(text) + 1)]
    assert units == [0, 1, 3, 4, 6, 7]
    assert len(text.encode("utf-16-le")) // 2 == units[-1]
    assert [conv.to_code_point(u) for u in units] == list(range(len(text) + 1))
    with pytest.raises(ValueError, match="surrogate pair"):
        conv.to_code_point(2)  # between the two halves of 𠮷
    assert Utf16("全在基本平面").identity


def test_doccano_counts_utf16_units(tmp_path):
    # doccano 1.8.4 underlines [start, end) in UTF-16 code units (JavaScript's slice).
    with _store(tmp_path / "a.db") as store:
        output = _export(store, "doccano")
    lines = [json.loads(x) for x in output.splitlines()]
    items = [(x["text"], s, e) for x in lines for s, e, _ in x["label"]]
    got = []
    for text, s, e in items:
        units = text.encode("utf-16-le")
        got.append(units[2 * s : 2 * e].decode("utf-16-le"))  # what slice(s, e) gives
    assert sorted(got) == sorted(TEXT[s.start : s.end] for s in SPANS)
    # and the offsets really differ from code points after 𠮷
    assert any(text[s:e] != piece for (text, s, e), piece in zip(items, got, strict=True))


def test_label_studio_counts_code_points(tmp_path):
    # Label Studio 1.23 places a region by code points: [0, 3) of "𠮷野家…" is 𠮷野家.
    with _store(tmp_path / "a.db") as store:
        tasks = json.loads(_export(store, "labelstudio"))
    values = [(t["data"]["text"], r["value"]) for t in tasks for r in t["annotations"][0]["result"]]
    assert all(text[v["start"] : v["end"]] == v["text"] for text, v in values)
    assert sorted(v["text"] for _, v in values) == sorted(TEXT[s.start : s.end] for s in SPANS)
    assert [v["start"] for _, v in values if v["text"] == "衡阳市"] == [17]  # UTF-16: 21


def test_export_help_says_label_studio_counts_code_points_and_doccano_utf16_units():
    # The --format help said "UTF-16 offsets" of Label Studio, which has been written in
    # code points since 0.1.0: a reader trusting --help converted and shifted every span.
    from click.testing import CliRunner

    from annotator.cli import main

    out = "".join(CliRunner().invoke(main, ["export", "--help"]).output.split())
    assert "labelstudio:LabelStudioJSONtasks(code-pointoffsets)" in out
    assert "labellingJSONL(UTF-16offsets)" in out  # doccano


def test_label_studio_tasks_with_several_annotations_say_which_one_is_placed(tmp_path):
    # A project with overlap has several annotators' annotations per task: the last was
    # taken and the others dropped without a word.
    from annotator.formats.labelstudio import read

    with _store(tmp_path / "a.db") as store:
        tasks = json.loads(_export(store, "labelstudio"))
    first = tasks[0]["annotations"][0]
    tasks[0]["annotations"] = [
        {**first, "id": 7, "result": first["result"][:1]},
        {**first, "id": 8, "was_cancelled": True, "result": []},
        {**first, "id": 9},
    ]
    docs = list(read(_labelstudio_file(tmp_path / "ls.json", tasks)))
    assert docs[0].skipped == [
        "1 other annotation(s) of this task left out: only the last submitted one (id 9) is placed"
    ]
    assert len(docs[0].spans) == len(first["result"]) and docs[1].skipped == []


def test_label_studio_regions_in_utf16_units_are_read_by_their_text(tmp_path):
    # An export of an older Label Studio (or of annotator before 0.1.0) counted code units.
    from annotator.formats.labelstudio import read

    with _store(tmp_path / "a.db") as store:
        tasks = json.loads(_export(store, "labelstudio"))
    for task in tasks:
        text = task["data"]["text"]
        for region in task["annotations"][0]["result"]:
            v = region["value"]
            v["start"] = len(text[: v["start"]].encode("utf-16-le")) // 2
            v["end"] = len(text[: v["end"]].encode("utf-16-le")) // 2
    docs = list(read(_labelstudio_file(tmp_path / "old.json", tasks)))
    assert [d.problems for d in docs] == [[], []]
    got = sorted((d.text[s:e], label) for d in docs for s, e, label in d.spans)
    assert got == sorted((TEXT[s.start : s.end], s.label) for s in SPANS)


def test_labelstudio_predictions_and_label_config(tmp_path):
    from annotator.formats.labelstudio import label_config

    with _store(tmp_path / "a.db") as store:
        tasks = json.loads(_export(store, "labelstudio", as_predictions=True))
    assert all("annotations" not in t and t["predictions"][0]["result"] for t in tasks)
    assert tasks[0]["data"]["page_id"] == "p1" and tasks[0]["data"]["ordinal"] == 1
    config = label_config(["PER", "ORG"])
    assert '<Labels name="label" toName="text">' in config and '<Label value="PER"/>' in config


# ---------------------------------------------------------------------------- validation


def test_a_record_whose_offsets_do_not_give_the_span_text_is_refused():
    record = {"id": "p#1", "text": "邓群策到场", "spans": [{"start": 1, "end": 3, "label": "PER",
                                                           "text": "邓群策"}]}  # fmt: skip
    with pytest.raises(ExportValidationError, match=r"p#1: span \[1, 3\) PER reads '群策'"):
        check_record(record)
    record["spans"][0].update(start=0, end=9)
    with pytest.raises(ExportValidationError, match="outside the article"):
        check_record(record)


def test_a_failing_export_leaves_the_previous_file_untouched(tmp_path, monkeypatch):
    import annotator.exporting as exporting

    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def broken(record):
        raise ExportValidationError(record["id"], "broken on purpose")

    monkeypatch.setattr(exporting, "check_record", broken)
    with _store(tmp_path / "a.db") as store, pytest.raises(ExportValidationError, match="p1#1"):
        export(store, ExportRequest(fmt="doccano"), target)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_folder_export_never_replaces_a_folder_it_did_not_write(tmp_path):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="did not write"), atomic_folder(foreign):
        pass
    assert (foreign / "thesis.tex").exists()
    ours = tmp_path / "ours"
    with atomic_folder(ours) as folder:
        (folder / "a.txt").write_text("1", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_folder(ours) as folder:
        (folder / "b.txt").write_text("2", encoding="utf-8")
        raise RuntimeError("fails half way")
    assert sorted(p.name for p in ours.iterdir()) == sorted([MARKER, "a.txt"])


def test_a_folder_export_replaces_its_old_folder_whole(tmp_path):
    ours = tmp_path / "ours"
    outside = tmp_path / "keep.txt"
    outside.write_text("kept", encoding="utf-8")
    with atomic_folder(ours) as folder:
        (folder / "a.txt").write_text("1", encoding="utf-8")
        (folder / "sub").mkdir()
        (folder / "sub" / "b.txt").write_text("2", encoding="utf-8")
        (folder / "link.txt").symlink_to(outside)
    with atomic_folder(ours) as folder:
        (folder / "c.txt").write_text("3", encoding="utf-8")
    assert sorted(p.name for p in ours.iterdir()) == sorted([MARKER, "c.txt"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "ours"]  # no old copy
    assert outside.read_text(encoding="utf-8") == "kept"  # a link is removed, not followed


def test_a_folder_export_is_flushed_to_disk_before_it_takes_the_name(tmp_path, monkeypatch):
    from annotator.formats import base

    seen = []

    def sync(folder):
        # Still under its temporary name, with every file written; the old export in place.
        seen.append((folder.name, sorted(p.name for p in folder.iterdir()),
                     (tmp_path / "ours" / "a.txt").exists()))  # fmt: skip

    monkeypatch.setattr(base, "sync_folder", sync)
    with atomic_folder(tmp_path / "ours") as folder:
        (folder / "a.txt").write_text("1", encoding="utf-8")
    with atomic_folder(tmp_path / "ours") as folder:
        (folder / "b.txt").write_text("2", encoding="utf-8")
    assert [(name.startswith(".ours."), files, old) for name, files, old in seen] == [
        (True, [MARKER, "a.txt"], False),
        (True, [MARKER, "b.txt"], True),
    ]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_a_folder_is_flushed_by_one_syncfs_on_linux(tmp_path, monkeypatch):
    from annotator.formats import base

    syncfs, calls = base._syncfs(), []
    assert syncfs is not None

    def counted(fd):
        calls.append(fd)
        return syncfs(fd)

    monkeypatch.setattr(base, "_syncfs", lambda: counted)
    monkeypatch.setattr(os, "sync", lambda: pytest.fail("sync(2) instead of syncfs(2)"))
    monkeypatch.setattr(os, "fsync", lambda fd: pytest.fail("a flush per file"))
    (tmp_path / "a.txt").write_text("1", encoding="utf-8")
    base.sync_folder(tmp_path)
    assert len(calls) == 1  # flushed, not skipped


def test_without_a_file_system_flush_every_file_is_flushed(tmp_path, monkeypatch):
    from annotator.formats import base

    monkeypatch.setattr(base, "_syncfs", lambda: None)
    monkeypatch.delattr(os, "sync", raising=False)  # as on Windows
    flushed = []
    monkeypatch.setattr(os, "fsync", lambda fd: flushed.append(os.fstat(fd).st_size))
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("1", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("22", encoding="utf-8")
    base.sync_folder(tmp_path)
    assert sorted(flushed) == [1, 2]


# ---------------------------------------------------------------------------- formats


def test_brat_writes_fragments_for_a_span_over_a_line_break_and_notes_for_attrs():
    record = {
        "text": "本报记者 陈\n润报道",
        "spans": [{"start": 5, "end": 8, "label": "PER", "text": "陈\n润", "attrs": {}},
                  {"start": 0, "end": 2, "label": "ORG", "text": "本报", "attrs": {"v": 1}}],
    }  # fmt: skip
    assert ann(record) == (
        'T1\tPER 5 6;7 8\t陈 润\nT2\tORG 0 2\t本报\n#1\tAnnotatorNotes T2\t{"v": 1}\n'
    )


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(st.sampled_from(list("张三\n𠮷😀 a")), min_size=1, max_size=12),
    cuts=st.lists(st.tuples(st.integers(0, 11), st.integers(1, 12), st.booleans()), max_size=4),
    label=st.sampled_from(["PER", "A\nB"]),
)
def test_brat_lines_in_one_pass_are_those_span_by_span(text, cuts, label):
    from annotator.formats.brat import _ann

    spans = [{"start": s, "end": e, "label": label, "attrs": {"v": 1} if a else {}}
             for s, e, a in cuts if s < e <= len(text)]  # fmt: skip
    assert ann({"text": text, "spans": spans}) == _ann(text, spans)


def test_brat_annotations_whose_text_differs_or_that_are_discontinuous_are_reported(tmp_path):
    # The reader took offsets without looking at the annotation's text: offsets counted on
    # another version of the .txt placed a label on whatever stood there, and fragments
    # with words between them became one span filling in the words.
    from annotator.formats.brat import read

    (tmp_path / "p1-1.txt").write_text("本报记者 陈\n润报道 邓群策", encoding="utf-8")
    (tmp_path / "p1-1.ann").write_text(
        "T1\tPER 5 6;7 8\t陈 润\n"  # our own fragments over a line break: kept
        "T2\tORG 0 2\t本报\n"
        "T3\tPER 0 2\t某某\n"  # text differs: another .txt
        "T4\tPER 0 1;5 6\t本 陈\n"  # discontinuous
        "T5\tLOC 12 14\t群策\n",
        encoding="utf-8",
    )
    (doc,) = read(tmp_path)
    assert doc.spans == [(5, 8, "PER"), (0, 2, "ORG"), (12, 14, "LOC")]
    assert doc.problems == [
        "line 3: T3 PER 0 2: the .txt reads '本报' there, not '某某': were the offsets "
        "counted on another text?",
        "line 4: T4 PER 0 1;5 6: a discontinuous annotation (words between its fragments): "
        "one span cannot hold it; split it into one annotation per fragment",
    ]


def test_brat_folder_has_text_ann_and_config(tmp_path):
    with _store(tmp_path / "a.db") as store:
        export(store, ExportRequest(fmt="brat"), tmp_path / "brat")
    names = sorted(p.name for p in (tmp_path / "brat").iterdir())
    assert names == [MARKER, "annotation.conf", "p1-1.ann", "p1-1.txt", "p1-2.ann", "p1-2.txt"]
    text = (tmp_path / "brat" / "p1-1.txt").read_text(encoding="utf-8")
    for line in (tmp_path / "brat" / "p1-1.ann").read_text(encoding="utf-8").splitlines():
        _, where, shown = line.split("\t")
        _, s, e = where.split(" ")
        assert text[int(s) : int(e)] == shown  # code points, as BRAT's server reads them
    assert "[entities]\nPER\n" in (tmp_path / "brat" / "annotation.conf").read_text("utf-8")


def test_spacy_jsonl_has_character_tokens_and_code_point_spans(tmp_path):
    with _store(tmp_path / "a.db") as store:
        lines = [json.loads(x) for x in _export(store, "spacy-jsonl").splitlines()]
    first = lines[0]
    assert [t["text"] for t in first["tokens"]] == list(first["text"])
    for span in first["spans"]:
        tokens = first["tokens"][span["token_start"] : span["token_end"] + 1]
        assert "".join(t["text"] for t in tokens) == first["text"][span["start"] : span["end"]]
    assert first["meta"] == {"id": "p1#1", "page_id": "p1", "ordinal": 1, "source": "p1.txt"}


def test_segmentation_record_holds_blocks_articles_and_joins():
    page = Page("p1", TEXT, "p1.txt", status="done", paper="hyrb")
    rec = segmentation_record(page, BLOCKS)
    assert rec["text"] == TEXT and rec["paper"] == "hyrb"
    assert [TEXT[b["start"] : b["end"]] for b in rec["blocks"]][0] == "# 𠮷野家开业😀"
    assert [b["article"] for b in rec["blocks"]] == [1, 1, 1, 2]
    assert rec["joins"] == [[1, 2]]
    assert rec["articles"][0]["blocks"] == [0, 1, 2]
    assert rec["articles"][0]["text"].startswith("𠮷野家开业😀\n本报讯")
    assert rec["articles"][1] == {"ordinal": 2, "blocks": [3], "text": "另一篇:张三😀来了。",
                                  "page_start": BLOCKS[3].start, "page_end": BLOCKS[3].end}  # fmt: skip


def test_spacy_format_without_spacy_is_one_clear_error(tmp_path, monkeypatch):
    import sys

    from click.testing import CliRunner

    from annotator.cli import main

    monkeypatch.setitem(sys.modules, "spacy", None)
    _store(tmp_path / "a.db").close()
    args = ["export", "--db", str(tmp_path / "a.db"), "--format", "spacy", "-o", "x.spacy"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: the 'spacy' format needs spaCy, which is not installed; install it with: "
        'pip install "annotator[spacy]"'
    ]


def test_spacy_docbin_holds_character_docs_with_spans_and_entities(tmp_path):
    pytest.importorskip("spacy")
    import spacy
    from spacy.tokens import DocBin

    with _store(tmp_path / "a.db") as store:
        export(store, ExportRequest(fmt="spacy"), tmp_path / "a.spacy")
    data = (tmp_path / "a.spacy").read_bytes()
    docs = list(DocBin().from_bytes(data).get_docs(spacy.vocab.Vocab()))
    assert [d.user_data["id"] for d in docs] == ["p1#1", "p1#2"]
    assert docs[0].text.startswith("𠮷野家开业😀") and len(docs[0]) == len(docs[0].text)
    spans = {(s.text, s.label_) for d in docs for s in d.spans["sc"]}
    assert spans == {(TEXT[s.start : s.end], s.label) for s in SPANS}
    # the spans of an article do not overlap, so they are its entities too
    assert {(e.text, e.label_) for e in docs[1].ents} == {("张三😀", "PER")}


# ---------------------------------------------------------------------------- import back


def _fresh_copy(source: Store, path: Path | str) -> Store:
    """A new database holding the same pages and blocks, without any span."""
    fresh = Store.open(path)
    for page_id in source.page_ids():
        fresh.add_page(source.page(page_id), source.blocks(page_id))
    return fresh


def _roundtrip(store: Store, fmt: str, folder: Path) -> tuple[str, str]:
    """Export, import into a fresh copy, export again; both exports as text."""
    first = _export_to(store, fmt, folder / "first")
    with _fresh_copy(store, folder / "fresh.db") as fresh:
        read = FORMATS[fmt].read()
        report = import_documents(fresh, list(read(_path(fmt, folder / "first"))), "rt")
        assert report.problems == [], report.problems
        second = _export_to(fresh, fmt, folder / "second")
    return first, second


def _path(fmt: str, base: Path) -> Path:
    return base if FORMATS[fmt].folder else base.with_suffix(FORMATS[fmt].suffix)


def _export_to(store: Store, fmt: str, base: Path) -> str:
    path = _path(fmt, base)
    export(store, ExportRequest(fmt=fmt), path)
    if path.is_dir():
        return "\n".join(f"{p.name}\n{p.read_text('utf-8')}" for p in sorted(path.iterdir()))
    if fmt == "jsonl":  # reviewer, time and origin are the importing edit's, not the gold's
        keep = ("id", "text", "blocks")
        rows = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
        spans = [[(s["start"], s["end"], s["label"]) for s in r["spans"]] for r in rows]
        pairs = [[{k: r[k] for k in keep}, x] for r, x in zip(rows, spans, strict=True)]
        return json.dumps(pairs, ensure_ascii=False)
    return path.read_bytes().hex() if FORMATS[fmt].binary else path.read_text("utf-8")


# Page formats (segmentation) come back as whole pages: test_import_segmentation.py.
ROUND_TRIP = [f for f in import_names() if f != "spacy" and FORMATS[f].unit == "article"]


@pytest.mark.parametrize("fmt", ROUND_TRIP)
def test_round_trip_on_the_astral_page(tmp_path, fmt):
    with _store(tmp_path / "a.db") as store:
        first, second = _roundtrip(store, fmt, tmp_path)
    assert first == second and "邓群策" in first


@pytest.mark.parametrize("fmt", ["bio", "bioes"])
@pytest.mark.parametrize("sentences", ["sentence", "none"])
def test_bio_of_the_astral_page_reads_back_every_span(tmp_path, fmt, sentences):
    # 𠮷 and 😀 before spans and inside them: one character, one line, one tag each.
    from annotator.formats.conll import read_conll

    path = tmp_path / f"a.{fmt}"
    with _store(tmp_path / "a.db") as store:
        export(store, ExportRequest(fmt=fmt, sentences=sentences), path)
    found = sorted((text[s:e], label) for text, ents in read_conll(path) for s, e, label in ents)
    assert found == sorted((TEXT[s.start : s.end], s.label) for s in SPANS)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert {"𠮷 B-ORG", "😀 I-PER"} <= set(lines) and "𠮷 B-PER" in lines


def test_segmentation_page_offsets_slice_the_astral_page_as_written(tmp_path):
    path = tmp_path / "s.jsonl"
    with _store(tmp_path / "a.db") as store:
        export(store, ExportRequest(fmt="segmentation"), path)
    (rec,) = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    text = rec["text"]
    assert text == TEXT
    got = [(b["start"], b["end"], text[b["start"] : b["end"]]) for b in rec["blocks"]]
    assert got == [(b.start, b.end, TEXT[b.start : b.end]) for b in BLOCKS]
    assert got[3][2] == "另一篇:张三😀来了。"  # code points: after three astral characters
    second = rec["articles"][1]
    assert text[second["page_start"] : second["page_end"]] == second["text"]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    """The bundled sample pages, every suggestion accepted, marked done."""
    from annotator.pipeline import import_paths

    path = tmp_path_factory.mktemp("samples") / "s.db"
    with Store.open(path) as store:
        import_paths(store, [seeds_dir()])
        for page_id in store.page_ids():
            ops = [
                Op("set_span_status", page_id, {"id": s.id, "status": "accepted"}).to_json()
                for s in store.spans(page_id, {"suggested"})
            ]
            store.apply(Op("batch", page_id, {"ops": ops}), "ana")
            store.apply(Op("set_page_status", page_id, {"status": "done"}), "ana")
    return path


@pytest.mark.parametrize("fmt", ROUND_TRIP)
def test_round_trip_on_the_sample_pages(tmp_path, sample_store, fmt):
    with Store.open(sample_store) as store:
        first, second = _roundtrip(store, fmt, tmp_path)
    assert first == second and first.count("PER") > 20


def test_round_trip_of_spacy_docbin(tmp_path, sample_store):
    pytest.importorskip("spacy")
    with Store.open(sample_store) as store:
        first, second = _roundtrip(store, "spacy", tmp_path)
    assert first == second


def test_round_trip_of_spacy_docbin_on_the_astral_page(tmp_path):
    # 𠮷 and 😀 before and inside spans: spaCy's character offsets are code points too
    pytest.importorskip("spacy")
    with _store(tmp_path / "a.db") as store:
        first, second = _roundtrip(store, "spacy", tmp_path)
        with _fresh_copy(store, tmp_path / "again.db") as fresh:
            read = FORMATS["spacy"].read()
            import_documents(fresh, list(read(tmp_path / "first.spacy")), "rt")
            back = {(TEXT[s.start : s.end], s.label) for s in fresh.spans("p1")}
    assert first == second
    assert back == {(TEXT[s.start : s.end], s.label) for s in SPANS}


_CHARS = "中文新闻报道记者衡阳市𠮷😀ab1,。"


@st.composite
def pages(draw):
    """A page of 1-6 paragraphs in 1-3 articles (some furniture, some joins) with spans."""
    paragraphs = draw(st.lists(st.text(_CHARS, min_size=1, max_size=12), min_size=1, max_size=6))
    text, blocks, position = "", [], 0
    for i, para in enumerate(paragraphs):
        article = draw(st.one_of(st.none(), st.integers(1, 3)))
        joins = i > 0 and article is not None and draw(st.booleans())
        blocks.append(Block(position, position + len(para), "body", article, joins))
        text += para + "\n\n"
        position += len(para) + 2
    spans = set()
    for b in (b for b in blocks if b.article is not None):  # furniture takes no labels
        for _ in range(draw(st.integers(0, 2))):
            s = draw(st.integers(b.start, b.end - 1))
            e = draw(st.integers(s + 1, b.end))
            spans.add((s, e, draw(st.sampled_from(["PER", "ORG", "LOC"]))))
    return text, blocks, sorted(spans)


def _renumbered(blocks: list[Block]) -> list[Block]:
    from annotator.edits import renumber

    fixed = []
    for b in renumber(blocks):  # the store's invariant: articles 1..k, first block not joined
        first = b.article is not None and not any(x.article == b.article for x in fixed)
        fixed.append(Block(b.start, b.end, b.role, b.article, b.joins_previous and not first))
    return fixed


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=pages(), fmt=st.sampled_from(ROUND_TRIP))
def test_round_trip_on_generated_pages(page, fmt):
    text, blocks, spans = page
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "a.db") as store:
            store.add_page(Page("g", text, "g.txt", status="done"), _renumbered(blocks))
            if spans:
                ops = [Op("add_span", "g", {"start": s, "end": e, "label": x}).to_json()
                       for s, e, x in spans]  # fmt: skip
                store.apply(Op("batch", "g", {"ops": ops}), "gen")
            first, second = _roundtrip(store, fmt, folder)
    assert first == second


# ---------------------------------------------------------------------------- import reports


def _labelstudio_file(path: Path, tasks: list[dict]) -> Path:
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_places_by_text_reports_the_rest_and_is_one_undoable_edit(tmp_path):
    from annotator.formats.labelstudio import read

    with _store(tmp_path / "a.db") as src:
        tasks = json.loads(_export(src, "labelstudio"))
    for t in tasks:
        del t["data"]["page_id"], t["data"]["ordinal"]  # found by text alone
    result = tasks[0]["annotations"][0]["result"]
    result.append({**result[0], "value": {**result[0]["value"], "labels": ["NOPE"]}})
    result.append({"type": "choices", "value": {"choices": ["x"]}})
    tasks.append({"data": {"text": "这篇文章不在任何一页上。"}, "annotations": [{"result": []}]})
    path = _labelstudio_file(tmp_path / "ls.json", tasks)
    with _store(tmp_path / "b.db", spans=[]) as store:
        report = import_documents(store, list(read(path)), "ana")
        assert report.placed == 2 and report.documents == 3 and report.added == len(SPANS)
        assert len(report.problems) == 3
        assert "'choices' result is not a span label" in report.problems[0]
        assert "label 'NOPE' is not configured" in report.problems[1]
        assert "task 3: the article text is on no page" in report.problems[2]
        done, _ = store.history("p1")
        assert len(done) == 1  # the import is one logged edit of the page
        placed = {(s.start, s.end, s.label) for s in store.spans("p1", {"accepted"})}
        assert placed == {(s.start, s.end, s.label) for s in SPANS}
        store.apply(done[-1].inverse, "ana", action="undo", target=done[-1].edit_id)
        assert store.spans("p1") == []


def test_import_accepts_a_matching_suggestion_instead_of_adding_a_copy(tmp_path):
    from annotator.formats.doccano import read

    with _store(tmp_path / "a.db") as src:
        (tmp_path / "d.jsonl").write_text(_export(src, "doccano"), encoding="utf-8")
    store = Store.open(tmp_path / "b.db")
    store.add_page(Page("p1", TEXT, "p1.txt", status="done"), BLOCKS, [Span(*part("邓群策"), "PER",
                   "rule", "suggested")])  # fmt: skip
    report = import_documents(store, list(read(tmp_path / "d.jsonl")), "ana")
    assert report.accepted == 1 and report.added == len(SPANS) - 1
    assert [s.origin for s in store.spans("p1") if s.label == "PER" and s.start == part("邓群策")[0]] \
        == ["rule"]  # fmt: skip
    again = import_documents(store, list(read(tmp_path / "d.jsonl")), "ana")
    assert again.already == len(SPANS) and again.pages == []
    store.close()


def test_import_of_a_span_across_a_paragraph_break_is_reported(tmp_path):
    from annotator.formats.base import Imported

    with _store(tmp_path / "a.db", spans=[]) as store:
        article = "𠮷野家开业😀\n本报讯 𠮷田先生😀在衡阳市开了一家餐馆,邓群策到场祝贺。"
        doc = Imported(article, [(5, 9, "ORG")], "x.jsonl:1")
        report = import_documents(store, [doc], "ana")
    assert report.placed == 1 and report.added == 0
    assert report.problems == ["x.jsonl:1: ORG [5, 9) '😀\\n本报': crosses a paragraph break or "
                               "markup the page text has there"]  # fmt: skip


def test_cli_import_names_the_bad_file(tmp_path):
    from click.testing import CliRunner

    from annotator.cli import main

    _store(tmp_path / "a.db").close()
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    args = ["import", "--db", str(tmp_path / "a.db"), "--format", "doccano"]
    result = CliRunner().invoke(main, [*args, str(tmp_path / "bad.jsonl")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"Error: {tmp_path / 'bad.jsonl'}:1: not JSON")


def test_cli_exports_to_label_studio_and_imports_its_file_back(tmp_path):
    from click.testing import CliRunner

    from annotator.cli import main

    _store(tmp_path / "a.db").close()
    with Store.open(tmp_path / "a.db") as source:
        _fresh_copy(source, tmp_path / "b.db").close()
    runner = CliRunner()
    out, config = tmp_path / "tasks.json", tmp_path / "config.xml"
    args = ["export", "--db", str(tmp_path / "a.db"), "--format", "labelstudio", "-o", str(out)]
    result = runner.invoke(main, [*args, "--label-config", str(config)])
    assert result.exit_code == 0 and "Wrote 2 article(s)" in result.output
    assert '<Label value="FIGURE"/>' in config.read_text(encoding="utf-8")
    args = ["import", "--db", str(tmp_path / "b.db"), "--format", "labelstudio", str(out)]
    result = runner.invoke(main, [*args, "--reviewer", "ana"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "Placed 2 of 2 document(s) on 1 page(s): 6 span(s) added, 0 suggestion(s) accepted, "
        "0 already there; 0 page(s) marked done, 0 suggestion(s) rejected; 0 problem(s)."
    )
    with Store.open(tmp_path / "b.db") as store:
        assert len(store.spans("p1", {"accepted"})) == len(SPANS)
        assert store.history("p1")[0][-1].reviewer == "ana"


def test_a_label_config_in_a_missing_folder_is_refused_before_the_export_is_written(tmp_path):
    # The config was written after the tasks: its error came with the tasks file written,
    # and the terminal said only "Error" (exit 1) over an export that had been made.
    from click.testing import CliRunner

    from annotator.cli import main

    _store(tmp_path / "a.db").close()
    out, config = tmp_path / "tasks.json", tmp_path / "nowhere" / "config.xml"
    args = ["export", "--db", str(tmp_path / "a.db"), "--format", "labelstudio", "-o", str(out)]
    result = CliRunner().invoke(main, [*args, "--label-config", str(config)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == (
        f"Error: {config}: the folder does not exist; choose an existing folder "
        "(nothing was written)\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    "given", [["--as-predictions"], ["--suggestions"], ["--label-config", "c.xml"]]
)
def test_label_studio_options_with_another_format_are_refused(tmp_path, given):
    # Ignored with jsonl or doccano, they let the user believe the export held predictions,
    # suggestions or a config it did not.
    from click.testing import CliRunner

    from annotator.cli import main

    _store(tmp_path / "a.db").close()
    out = tmp_path / "gold.jsonl"
    args = ["export", "--db", str(tmp_path / "a.db"), "--format", "doccano", "-o", str(out)]
    given = [str(tmp_path / g) if g.endswith(".xml") else g for g in given]
    result = CliRunner().invoke(main, [*args, *given])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{given[0]}: for --format labelstudio only; the doccano format" in result.output
    assert not out.exists() and not (tmp_path / "c.xml").exists()


def test_labelstudio_tasks_can_carry_open_suggestions_as_predictions(tmp_path):
    from annotator.formats.labelstudio import read

    with _store(tmp_path / "a.db", spans=SPANS[:2]) as store:
        store.replace_suggestions("p1", [Span(*part("衡阳市"), "LOC", "rule", "suggested")])
        tasks = json.loads(_export(store, "labelstudio", suggestions=True))
    first = tasks[0]
    assert [r["value"]["text"] for r in first["annotations"][0]["result"]] == ["𠮷野家", "𠮷田"]
    (prediction,) = first["predictions"]
    assert prediction["model_version"] == "annotator-suggestions"
    assert [r["value"]["text"] for r in prediction["result"]] == ["衡阳市"]
    text = first["data"]["text"]
    cp = text.index("衡阳市")
    assert prediction["result"][0]["value"]["start"] == cp  # code points, after 𠮷😀𠮷😀
    path = _labelstudio_file(tmp_path / "ls.json", [{**first, "annotations": []}])
    assert [d.spans for d in read(path, predictions=True)] == [[(cp, cp + 3, "LOC")]]
    assert list(read(path))[0].problems == [
        "only predictions, no annotation (use --predictions to take them)"
    ]


# ---------------------------------------------------------------------------- span attributes

ATTR_TEXT = "# 𠮷野家开业\n\n本报讯 3月4日,😀全市粮食面积720万亩。\n"
ATTR_SPANS = [
    ("3月4日", "DATE", {"month": 3, "day": 4}),
    ("720万亩", "FIGURE", {"value": 7200000, "unit": "亩"}),
    ("𠮷野家", "ORG", {}),
]


def _attr_store(path: Path) -> Store:
    store = Store.open(path)
    blocks = [
        Block(*part("# 𠮷野家开业", ATTR_TEXT), role="headline", article=1),
        Block(*part("本报讯 3月4日,😀全市粮食面积720万亩。", ATTR_TEXT), role="body", article=1),
    ]
    page = Page("p1", ATTR_TEXT, "p1.txt", "1" * 64, status="done", reviewer="lin")
    store.add_page(page, blocks)
    ops = [
        Op("add_span", "p1", {"start": s, "end": e, "label": label, "attrs": attrs}).to_json()
        for needle, label, attrs in ATTR_SPANS
        for s, e in [part(needle, ATTR_TEXT)]
    ]
    store.apply(Op("batch", "p1", {"ops": ops}), "lin")
    return store


@pytest.mark.parametrize("fmt", ["labelstudio", "doccano", "spacy-jsonl"])
def test_span_attributes_travel_through_the_format_and_back(tmp_path, fmt):
    with _attr_store(tmp_path / "a.db") as store:
        path = _path(fmt, tmp_path / "out")
        export(store, ExportRequest(fmt=fmt), path)
        written = path.read_text("utf-8")
        assert '"unit": "亩"' in written or '"unit":"亩"' in written
        with _fresh_copy(store, tmp_path / "fresh.db") as fresh:
            report = import_documents(fresh, list(FORMATS[fmt].read()(path)), "rt")
            assert report.problems == [] and report.added == 3
            got = {(s.label, s.start): s.attrs for s in fresh.spans("p1")}
            again = _path(fmt, tmp_path / "again")
            export(fresh, ExportRequest(fmt=fmt), again)
    want = {(label, part(needle, ATTR_TEXT)[0]): attrs for needle, label, attrs in ATTR_SPANS}
    assert got == want
    assert again.read_text("utf-8") == written  # export, import, export again: identical


def test_span_attributes_travel_through_spacy_docbin_and_back(tmp_path):
    pytest.importorskip("spacy")
    import spacy
    from spacy.tokens import DocBin

    with _attr_store(tmp_path / "a.db") as store:
        path = tmp_path / "out.spacy"
        export(store, ExportRequest(fmt="spacy"), path)
        with _fresh_copy(store, tmp_path / "fresh.db") as fresh:
            report = import_documents(fresh, list(FORMATS["spacy"].read()(path)), "rt")
            assert report.problems == [] and report.added == 3
            got = {(s.label, s.start): s.attrs for s in fresh.spans("p1")}
            export(fresh, ExportRequest(fmt="spacy"), tmp_path / "again.spacy")
    (doc,) = DocBin().from_bytes(path.read_bytes()).get_docs(spacy.vocab.Vocab())
    # what the spaCy JSONL's meta and spans carry, in the Doc itself
    assert doc.user_data["source"] == "p1.txt" and doc.user_data["ordinal"] == 1
    in_doc = json.loads(doc.user_data["span_attrs"])
    assert [(doc.text[s:e], label, a) for s, e, label, a in in_doc] == ATTR_SPANS[:2]
    want = {(label, part(needle, ATTR_TEXT)[0]): attrs for needle, label, attrs in ATTR_SPANS}
    assert got == want
    assert (tmp_path / "again.spacy").read_bytes() == path.read_bytes()


def test_spacy_docbin_span_attributes_that_are_not_json_are_reported(tmp_path):
    pytest.importorskip("spacy")
    import spacy
    from spacy.tokens import Doc, DocBin

    doc = Doc(spacy.vocab.Vocab(), words=list("邓群策到场"), spaces=[False] * 5)
    doc.spans["sc"] = [doc.char_span(0, 3, label="PER")]
    doc.user_data["span_attrs"] = "{not json"
    docs = DocBin(store_user_data=True)
    docs.add(doc)
    path = tmp_path / "odd.spacy"
    path.write_bytes(docs.to_bytes())
    (got,) = FORMATS["spacy"].read()(path)
    assert got.spans == [(0, 3, "PER")] and got.attrs == {}
    assert got.problems == ["span_attrs is not JSON text; span attributes skipped"]


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\x0c", "\x1c"])
def test_brat_reads_back_a_label_over_a_separator_that_splitlines_cuts_at(tmp_path, separator):
    # Found by test_export_round_trip_property's pages: a page keeps a converter's form feed,
    # NEL or U+2028 as text; the .ann reader cut its lines with str.splitlines(), so a
    # label over one was reported as "offsets counted on another text" and not placed.
    from annotator.formats.brat import read

    text = f"标题\n\n张{separator}三来了"
    blocks = [Block(0, 2, "headline", 1), Block(4, 9, "body", 1)]
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(Page("p", text, "p.txt", "x", status="done"), blocks)
        store.apply(Op("add_span", "p", {"start": 4, "end": 7, "label": "PER"}), "ana")
        export(store, ExportRequest(fmt="brat"), tmp_path / "brat")
    with Store.open(tmp_path / "b.db") as fresh:
        fresh.add_page(Page("p", text, "p.txt", "x", status="done"), blocks)
        report = import_documents(fresh, list(read(tmp_path / "brat")), "ana")
        assert report.problems == []
        assert [(s.start, s.end, s.label) for s in fresh.spans("p")] == [(4, 7, "PER")]
