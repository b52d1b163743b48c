"""``annotator train``, pre-split with the learnt model, ``suggest --structure``, ``--paper``.

Done pages come from the composed papers of ``bench/structure_corpus.py`` (stored with their
gold blocks and status done); new pages are written as files and imported.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import pipeline
from annotator.cli import main
from annotator.edits import Op
from annotator.learn import LEARNERS
from annotator.model import Page
from annotator.split import split_page
from annotator.store import Store

_CORPUS = Path(__file__).resolve().parents[2] / "bench" / "structure_corpus.py"
_spec = importlib.util.spec_from_file_location("structure_corpus", _CORPUS)
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _add_done(db: Path, paper: str, count: int, seed: int = 0) -> None:
    with Store.open(db) as store:
        for page_id, text, gold in corpus.pages(paper, count, seed):
            store.add_page(Page(page_id, text, status="done", paper=paper), gold)


def _write_pages(folder: Path, paper: str, count: int, seed: int) -> dict[str, list]:
    folder.mkdir(parents=True, exist_ok=True)
    gold = {}
    for page_id, text, blocks in corpus.pages(paper, count, seed):
        (folder / f"{page_id}.txt").write_text(text, encoding="utf-8")
        gold[page_id] = blocks
    return gold


@pytest.fixture(scope="module")
def trained_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("train") / "a.db"
    _add_done(db, "west", 8)
    _add_done(db, "south", 8)
    result = _run("train", "--db", str(db), "--folds", "3")
    assert result.exit_code == 0, result.output
    return db


def test_train_with_no_done_pages_trains_nothing_and_says_what_is_missing(tmp_path):
    db = tmp_path / "a.db"
    Store.open(db).close()
    result = _run("train", "--db", str(db))
    assert result.exit_code == 1
    assert "structure: skipped, needs 5 done pages, has 0: mark 5 more page(s) done." in (
        result.output
    )
    assert "Error: no model trained: 0 page(s) are marked done" in result.output
    with Store.open(db) as store:
        assert store.model_versions() == []


def test_train_with_few_done_pages_says_how_many_more_it_needs(tmp_path):
    db = tmp_path / "a.db"
    _add_done(db, "east", 3)
    result = _run("train", "--db", str(db))
    assert result.exit_code == 1
    assert "needs 5 done pages, has 3: mark 2 more page(s) done" in result.output


def test_train_keeps_the_model_and_prints_rules_and_model_per_decision(trained_db):
    out = _run("train", "--db", str(trained_db), "--folds", "3").output  # a second version
    assert "structure: trained version 2 on 16 done page(s); cross-validated on 3 folds:" in out
    for decision in ("role accuracy", "heading role accuracy", "article start F1", "join F1"):
        line = next(x for x in out.splitlines() if x.strip().startswith(decision + " "))
        rules, model = (float(v) for v in line.split()[-2:])
        assert 0.0 <= rules <= 1.0 and 0.0 <= model <= 1.0
    with Store.open(trained_db) as store:
        record = store.latest_model("structure")
        assert record.version == 2 and record.pages == 16
        assert record.meta["papers"] == ["south", "west"]
        cv = record.meta["cross_validation"]
        assert cv["model"]["role"]["heading_accuracy"] > cv["rules"]["role"]["heading_accuracy"]
        assert sorted(cv["papers"]) == ["south", "west"] and cv["papers"]["west"]["pages"] == 8
    # no paper has enough pages to be judged alone: one choice over all papers
    assert (
        "  pre-split (judged over all papers; a paper is judged alone from 10 done pages): " in out
    )


def test_a_learner_that_cannot_be_loaded_is_skipped_with_the_reason(trained_db, monkeypatch):
    monkeypatch.setitem(LEARNERS, "broken", "annotator.learn.no_such_module")
    with Store.open(trained_db) as store:
        report = pipeline.train(store, folds=2)
    assert "structure" in [m.kind for m in report.trained]
    reasons = dict(report.skipped)
    assert "cannot be loaded" in reasons["broken"]


def test_pages_imported_after_training_are_pre_split_by_the_model(trained_db, tmp_path):
    # The west paper's unmarked two-line heading is kicker + headline; the rules cannot know.
    gold = _write_pages(tmp_path / "west", "west", 2, seed=42)
    result = _run("import", "--db", str(trained_db), "--no-suggest", str(tmp_path / "west"))
    assert result.exit_code == 0, result.output
    with Store.open(trained_db) as store:
        for page_id, blocks in gold.items():
            got = {b.start: b.role for b in store.blocks(page_id)}
            kickers = [b.start for b in blocks if b.role == "kicker"]
            assert kickers and all(got[s] == "kicker" for s in kickers)
            assert store.page(page_id).paper == "west"  # the folder's name


def test_import_paper_option_names_the_paper(tmp_path):
    _write_pages(tmp_path / "files", "east", 1, seed=3)
    db = tmp_path / "a.db"
    result = _run("import", "--db", str(db), "--paper", "东方晚报", str(tmp_path / "files"))
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        assert [store.page(i).paper for i in store.page_ids()] == ["东方晚报"]
    blank = _run("import", "--db", str(db), "--paper", " ", str(tmp_path / "files"))
    assert blank.exit_code == 2 and "give the paper a name" in blank.output


def test_suggest_structure_resplits_only_pages_nobody_has_started(tmp_path):
    db = tmp_path / "a.db"
    _write_pages(tmp_path / "west", "west", 3, seed=7)
    assert _run("import", "--db", str(db), "--no-suggest", str(tmp_path / "west")).exit_code == 0
    with Store.open(db) as store:
        untouched, edited, skipped = store.page_ids()
        first = store.blocks(edited)[1]
        store.apply(Op("set_role", edited, {"block": first.start, "role": "byline"}), "ann")
        store.apply(Op("set_page_status", skipped, {"status": "skipped"}), "ann")
        # Undoing the edit leaves the page 'new' again, but someone has started it.
        store.apply(Op("set_role", edited, {"block": first.start, "role": first.role}), "ann")
        store.apply(Op("set_page_status", edited, {"status": "new"}), "ann")
        before = {i: store.blocks(i) for i in (edited, skipped)}
    _add_done(db, "west", 6)
    assert _run("train", "--db", str(db), "--folds", "2").exit_code == 0
    result = _run("suggest", "--db", str(db), "--structure")
    assert result.exit_code == 0
    assert "Re-split 1 page(s) nobody has started with structure model v1." in result.output
    with Store.open(db) as store:
        assert "kicker" in {b.role for b in store.blocks(untouched)}
        assert "kicker" in {b.role for b in store.predictions(untouched)[0]}
        for page_id, blocks in before.items():
            assert store.blocks(page_id) == blocks


def test_suggest_structure_without_a_model_resplits_with_the_rules(tmp_path):
    db = tmp_path / "a.db"
    _write_pages(tmp_path / "east", "east", 1, seed=1)
    _run("import", "--db", str(db), "--no-suggest", str(tmp_path / "east"))
    result = _run("suggest", "--db", str(db), "--structure")
    assert "Re-split 1 page(s) nobody has started with the rules." in result.output


def test_train_prints_and_stores_which_decisions_the_model_takes_over(tmp_path, monkeypatch):
    # west has enough done pages to be judged alone, south follows the choice over all
    # papers. The figures are bent so that the model's differing joins won over all papers
    # and not on west, its starts where the rules hesitate, and its roles on west alone (on
    # fewer than FLOOR_MIN_PAGES pages it takes every role or none).
    from annotator.learn import structure as st

    db = tmp_path / "a.db"
    _add_done(db, "west", st.PAPER_MIN_PAGES)
    _add_done(db, "south", 5)
    real = st.cross_validate

    def bent(pages, folds=5):
        figures = real(pages, folds)
        for band in figures["roles"].values():  # the model never gave another role
            for counts in band.values():
                counts[:] = [0, 0, 0, 0]
        for scope in (figures, figures["papers"]["west"]):
            # the model's starts that differ from the rules' were right more often where the
            # rules hesitate (article starts are taken over under start floors)
            scope["starts"]["unsure"]["0.5"] = [4, 1]
            scope["joins"]["unsure"]["0.5"] = [6, 1] if scope is figures else [1, 1]
        return figures

    monkeypatch.setattr(st, "cross_validate", bent)
    result = _run("train", "--db", str(db), "--folds", "2")
    assert result.exit_code == 0, result.output
    assert (
        f"  pre-split for paper west ({st.PAPER_MIN_PAGES} done pages): the model's roles and "
        "article starts; the rules' joins (they scored higher there); an article start stays "
        "the rules' where the rules are sure of theirs, and where they are not and the model "
        "is less sure than 0.5 of its own.\n" in result.output
    )
    assert (
        f"  pre-split for the other papers (fewer than {st.PAPER_MIN_PAGES} done pages each, "
        "judged over all papers): the model's article starts and joins; the rules' roles "
        "(they scored higher there); an article start stays the rules' where the rules are "
        "sure of theirs, and where they are not and the model is less sure than 0.5 of its "
        "own; a join stays the rules' where the rules are sure of theirs, and where they are "
        "not and the model is less sure than 0.5 of its own.\n" in result.output
    )
    with Store.open(db) as store:
        model = st.load(store.latest_model("structure").data)
    assert model.taken("west") == {"role", "start"}
    assert model.taken("south") == model.taken("a new paper") == {"start", "join"}
    assert model.join_floors("south") == {"sure": None, "unsure": 0.5}
    # On a new south page the roles are the rules' (the rules read south's two-line heading
    # right: headline over subheadline).
    _, text, _ = next(corpus.pages("south", 1, seed=31))
    rules = split_page(text)
    assert [b.role for b in model.split(text, "south")] == [b.role for b in rules]


def test_a_structure_model_of_an_older_format_is_not_used_and_says_retrain(trained_db, tmp_path):
    from annotator.learn.structure import model as st_model

    db = tmp_path / "old.db"
    with Store.open(trained_db) as store:
        data = store.latest_model("structure").data
    crf = data[len(st_model._MAGIC) :].partition(b"\n")[2]
    old = st_model._MAGIC + b'{"pages": 16, "papers": ["south", "west"], "version": 1}\n' + crf
    with Store.open(db) as store:
        store.save_model("structure", old, pages=16, meta={})
        assert "retrain with 'annotator train'" in pipeline.stale_model(store, "structure")
        assert pipeline.stale_models(store) == {
            "structure": pipeline.stale_model(store, "structure")
        }
    _write_pages(tmp_path / "west", "west", 1, seed=42)
    result = CliRunner().invoke(
        main, ["import", "--db", str(db), "--no-suggest", str(tmp_path / "west")]
    )
    assert result.exit_code == 0, result.output
    assert (
        "warning: the learnt structure model was not used (not a structure model of this "
        "version; retrain with 'annotator train'); the rules pre-split instead." in result.stderr
    )
    with Store.open(db) as store:
        (page_id,) = store.page_ids()
        assert store.blocks(page_id) == split_page(store.page(page_id).text)  # the rules'
    result = CliRunner().invoke(main, ["suggest", "--db", str(db), "--structure"])
    assert result.exit_code == 0
    assert "Re-split 1 page(s) nobody has started with the rules." in result.stdout
    assert "structure model was not used" in result.stderr


def test_train_names_the_pages_without_a_paper_when_they_are_judged_alone():
    # pages imported without a paper share the empty name: no "pre-split for paper  (…)"
    from annotator.cli.train_report import _structure_takeover_lines
    from annotator.learn import structure as st

    def scores(value: float) -> dict:
        return {"role": {"accuracy": value}, "article_start": {"f1": value}, "join": {"f1": value}}

    alone = {"pages": st.PAPER_MIN_PAGES, "rules": scores(1), "model": scores(0)}
    figures = {"rules": scores(1), "model": scores(0), "papers": {"": alone}}
    assert _structure_takeover_lines(figures) == [
        f"  pre-split for pages without a paper ({st.PAPER_MIN_PAGES} done pages): the rules' "
        "roles, article starts and joins (they scored higher there)."
    ]


def test_train_says_below_which_confidence_a_line_keeps_the_rules_role():
    from annotator.cli.train_report import _structure_takeover_lines
    from annotator.learn import structure as st

    def scores(role: float, headings: float) -> dict:
        return {
            "role": {"accuracy": role, "heading_accuracy": headings},
            "article_start": {"f1": 0.5},
            "join": {"f1": 0.5},
        }

    rules, model = scores(0.9, 0.8), scores(0.95, 0.6)
    figures = {"pages": 30, "rules": rules, "model": model, "floors": {"0.9": scores(0.94, 0.85)}}
    assert _structure_takeover_lines(figures) == [
        "  pre-split (judged over all papers; a paper is judged alone from "
        f"{st.PAPER_MIN_PAGES} done pages): the model's roles, article starts and joins; a line "
        "keeps the rules' role where the model is less sure than 0.9 of its own."
    ]


def test_train_says_in_which_bands_the_model_changes_a_lines_role():
    from annotator.cli.train_report import _structure_takeover_lines
    from annotator.learn import structure as st

    def scores(value: float) -> dict:
        return {
            "role": {"accuracy": value, "heading_accuracy": value},
            "article_start": {"f1": 0.5},
            "join": {"f1": 0.5},
        }

    roles = {band: {} for band in st.ROLE_BANDS}
    # (one wrong under 0.98: 0.98 is the floor, not the lowest of a tie)
    roles["heading>heading"] = {f"{f:g}": [3, 1, 3, 1] for f in st.BAND_ROLE_FLOORS}
    roles["heading>heading"]["0.98"] = [3, 0, 3, 0]
    roles["text>heading"] = {"0": [4, 1, 4, 0], "0.5": [4, 0, 4, 0], "0.7": [1, 0, 1, 0]}
    figures = {
        "pages": st.FLOOR_MIN_PAGES,
        "rules": scores(0.9),
        "model": scores(0.8),
        "floors": {},
        "starts": {},
        "joins": {},
        "roles": roles,
    }
    assert _structure_takeover_lines(figures) == [
        "  pre-split (judged over all papers; a paper is judged alone from "
        f"{st.PAPER_MIN_PAGES} done pages): the model's roles; the rules' article starts and "
        "joins (they scored higher there); the model changes the rules' role of a line only "
        "where it makes a heading line another kind of heading (0.98 sure or more), or a line "
        "of text a heading (0.5 sure or more)."
    ]
    # a title line read as another title line: a band of its own, said first
    roles["title>title"] = {"0": [2, 1, 2, 1], "0.5": [2, 0, 2, 0]}
    assert _structure_takeover_lines(figures)[0].endswith(
        "only where it makes a title line (kicker, headline, subheadline) another of the three "
        "(0.5 sure or more), or a heading line another kind of heading (0.98 sure or more), or "
        "a line of text a heading (0.5 sure or more)."
    )
