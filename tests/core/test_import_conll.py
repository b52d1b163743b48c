"""`annotator import --format conll`: gold entity files become done pages with accepted spans."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from annotator.cli import main
from annotator.store import Store

GOOD = "邓 B-PER\n颖 E-PER\n在 O\n北 B-NS\n京 E-NS\n。 O\n\n新 B-ORG\n华 I-ORG\n社 I-ORG\n\n好 O\n"


def _import(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), "import", "--format", "conll", *args])


def test_sentences_become_done_pages_with_accepted_human_spans(tmp_path: Path) -> None:
    corpus = tmp_path / "rmrb.bio"
    corpus.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "a.db"
    result = _import(db, "--sentences-per-page", "2", str(corpus))
    assert result.exit_code == 0, result.output
    assert "Imported 2 page(s)" in result.output
    with Store.open(db) as store:
        assert store.page_ids() == ["rmrb-0001", "rmrb-0002"]
        page = store.page("rmrb-0001")
        assert (page.text, page.status, page.paper) == ("邓颖在北京。\n新华社", "done", "rmrb")
        assert [(b.start, b.end, b.role, b.article) for b in store.blocks(page.id)] == [
            (0, 6, "body", 1),
            (7, 10, "body", 1),
        ]
        spans = store.spans(page.id)
        assert [(s.start, s.end, s.label, s.origin, s.status) for s in spans] == [
            (0, 2, "PER", "human", "accepted"),
            (3, 5, "LOC", "human", "accepted"),
            (7, 10, "ORG", "human", "accepted"),
        ]
        assert store.page("rmrb-0002").text == "好"
        assert store.predictions(page.id) == ([], [])  # evaluate only counts such pages


def test_paper_option_and_second_import_is_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "x.bio"
    corpus.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "a.db"
    assert _import(db, "--paper", "人民日报", str(corpus)).exit_code == 0
    again = _import(db, str(corpus))
    assert again.exit_code == 0
    assert "Imported 0 page(s), skipped 1 already present" in again.output
    with Store.open(db) as store:
        assert [store.page(p).paper for p in store.page_ids()] == ["人民日报"]


def test_malformed_file_is_refused_whole_and_the_others_imported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bio"
    bad.write_text(GOOD + "\n坏行\n", encoding="utf-8")
    good = tmp_path / "good.bio"
    good.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "a.db"
    result = _import(db, "--sentences-per-page", "1", str(bad), str(good))
    assert result.exit_code == 1
    assert f"refused {bad}: line 14: expected one character and its tag" in result.output
    assert "Traceback" not in result.output
    with Store.open(db) as store:
        assert store.page_ids() == ["good-0001", "good-0002", "good-0003"]


def test_unknown_label_needs_a_mapping(tmp_path: Path) -> None:
    corpus = tmp_path / "c.bio"
    corpus.write_text("苹 B-COMPANY\n果 I-COMPANY\n", encoding="utf-8")
    db = tmp_path / "a.db"
    result = _import(db, str(corpus))
    assert result.exit_code == 1
    assert "line 1: label 'COMPANY' is not one of" in result.output
    assert "--labels COMPANY=LABEL" in result.output
    assert _import(db, "--labels", "company=ORG", str(corpus)).exit_code == 0
    with Store.open(db) as store:
        assert [s.label for s in store.spans("c-0001")] == ["ORG"]
    bad_map = _import(db, "--labels", "ORG", str(corpus))
    assert bad_map.exit_code == 1 and "is not NAME=LABEL" in bad_map.output


def test_id_taken_by_another_file_gets_a_suffix(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    a, b = tmp_path / "one" / "c.bio", tmp_path / "two" / "c.bio"
    a.write_text(GOOD, encoding="utf-8")
    b.write_text("甲 O\n", encoding="utf-8")
    db = tmp_path / "a.db"
    assert _import(db, str(a), str(b)).exit_code == 0
    with Store.open(db) as store:
        ids = store.page_ids()
        assert ids[0] == "c-0001" and ids[1].startswith("c-0001~")
        assert store.page(ids[1]).text == "甲"
