"""BIO and BIOES export of the gold articles, read back by the conll reader."""

from __future__ import annotations

from click.testing import CliRunner

from annotator.cli import main
from annotator.edits import Op
from annotator.formats.bio import outermost, write_bio, write_bioes
from annotator.formats.conll import read_conll
from annotator.store import Store

RECORD = {
    "id": "p#1",
    "text": "𠮷野家在长沙开店。\n张三说：好。",
    "spans": [
        {"start": 0, "end": 3, "label": "ORG"},
        {"start": 4, "end": 6, "label": "LOC"},
        {"start": 4, "end": 5, "label": "LOC"},  # nested: the longer one is written
        {"start": 10, "end": 12, "label": "PER"},
    ],
}


def test_bio_export_reads_back_with_the_conll_reader(tmp_path):
    path = tmp_path / "gold.bio"
    assert write_bio([RECORD], path) == 1
    sentences = read_conll(path)
    assert sentences == [
        ("𠮷野家在长沙开店。", [(0, 3, "ORG"), (4, 6, "LOC")]),
        ("张三说：好。", [(0, 2, "PER")]),
    ]
    assert path.read_text(encoding="utf-8").splitlines()[:2] == ["𠮷 B-ORG", "野 I-ORG"]


def test_bioes_marks_ends_and_singles(tmp_path):
    record = {**RECORD, "spans": [{"start": 4, "end": 5, "label": "LOC"}, RECORD["spans"][0]]}
    path = tmp_path / "gold.bioes"
    write_bioes([record], path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:5] == ["𠮷 B-ORG", "野 I-ORG", "家 E-ORG", "在 O", "长 S-LOC"]
    assert read_conll(path)[0][1] == [(0, 3, "ORG"), (4, 5, "LOC")]


def test_nested_spans_keep_the_outermost():
    spans = [{"start": 2, "end": 4, "label": "FIGURE"}, {"start": 0, "end": 6, "label": "ORG"}]
    assert outermost(spans) == [(0, 6, "ORG")]


def test_export_format_bio_from_the_command_line(tmp_path):
    db = tmp_path / "b.db"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "demo"]).exit_code == 0
    with Store.open(db) as store:
        page_id = store.first_page()
        accepted = [s for s in store.spans(page_id) if s.label in ("PER", "LOC")]
        for span in accepted:
            store.apply(Op("set_span_status", page_id, {"id": span.id, "status": "accepted"}))
        wanted = {(store.page(page_id).text[s.start : s.end], s.label) for s in accepted}
    out = tmp_path / "all.bio"
    result = runner.invoke(
        main, ["--db", str(db), "export", "--format", "bio", "--status", "all", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    sentences = read_conll(out)
    assert len(sentences) > 20
    found = {(text[s:e], label) for text, entities in sentences for s, e, label in entities}
    assert found == wanted
