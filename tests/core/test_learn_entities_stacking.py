"""The entity tagger leaning on the rules (issue #10): what the rules would suggest as
features, the rules' suggestions it does not contradict kept, which labels keep them
decided by cross-validation, and folds of consecutive pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.learn import entities, entity_training
from annotator.store import Store

from .test_learn_entities import _figures, gold_db, gold_pages, with_evidence


@pytest.fixture(scope="module")
def model() -> entities.EntityModel:
    return entities.load(entities.train(gold_pages(12)))


def test_what_the_rules_would_suggest_is_a_feature_begin_inside_end_apart() -> None:
    # a place inside an organisation: the rules suggest the organisation, B, I…, E
    rows = entities.features("据日本环境厅消息", [(1, 3, "LOC"), (1, 6, "ORG")])
    assert "f=B-ORG" in rows[1] and "f=I-ORG" in rows[3] and "f=E-ORG" in rows[5]
    assert not any(f.startswith("f=") and "LOC" in f for row in rows for f in row)
    assert "f=>ORG" in rows[0] and "f=<ORG" in rows[6]
    assert "f=S-LOC" in entities.features("访华", [(1, 2, "LOC")])[1]
    # the candidates' own edges are gone (format 8): the suggestion's tell the same
    assert not any(f.startswith(("r=>", "r=<")) for row in rows for f in row)


def test_a_model_of_format_7_is_refused_with_a_request_to_retrain(model: Any) -> None:
    crfsuite = model.buffer
    old = b"annotator-entities-crf 7\nreplaces *\n" + crfsuite
    with pytest.raises(ValueError, match="retrain with 'annotator train'"):
        entities.load(old)
    assert entities.FORMAT == b"annotator-entities-crf 12\n"


def test_a_rule_suggestion_the_tagger_tags_nothing_over_is_kept(model: Any) -> None:
    text = "今天天气很好，王伟来了。"
    xseq = entities.features(text)  # no rule features: the tagger alone finds no place
    alone = model._tag(xseq)
    assert all(label != "LOC" for _, _, label, _ in alone)
    kept = model._tag(xseq, [(0, 2, "LOC")])
    assert [c[:3] for c in kept if c[2] == "LOC"] == [(0, 2, "LOC")]
    assert 0.0 <= kept[0][3]["confidence"] < 0.5  # the tagger's own belief in it
    assert kept == sorted(kept, key=lambda c: c[:2])


def test_a_rule_suggestion_the_tagger_contradicts_is_not_kept(model: Any) -> None:
    text = "记者见到了何洋艳，他来自遵义。"
    xseq = entities.features(text, entities.rule_entities(text))
    found = model._tag(xseq)
    assert (5, 8, "PER") in [c[:3] for c in found]
    # the rules' shorter name overlaps the tagger's: the tagger's stands alone
    got = model._tag(xseq, [(5, 7, "PER")])
    assert [c[:3] for c in got] == [c[:3] for c in found]


def test_the_model_keeps_rule_suggestions_only_for_the_labels_it_was_told(
    model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert model.keeps == frozenset({"LOC", "PER"})  # trained without figures: every label
    assert model.crf.keeps == frozenset()
    told = entities.load(entities.train(gold_pages(12), _crf_figures(0.7, 0.9)))
    assert told.keeps == frozenset({"PER"}) and told.labels == ("LOC", "PER")
    offered: list[list[tuple[int, int, str]]] = []
    real = told._tag

    def spy(xseq: Any, kept: Any = (), suggested: Any = (), *line: Any, **how: Any) -> Any:
        offered.append(list(kept))
        return real(xseq, kept, suggested, *line, **how)

    monkeypatch.setattr(told, "_tag", spy)
    text = "今天天气很好，王伟来了。"
    told(text, [(0, 2, "LOC", "rule", {}), (7, 9, "PER", "rule", {}), (3, 4, "X", "model", {})])
    assert offered == [[(7, 9, "PER")]]


def _crf_figures(loc_model: float, loc_crf: float) -> dict[str, Any]:
    return {
        "rules": {"LOC": {"f1": 0.5}, "PER": {"f1": 0.5}},
        "model": {"LOC": {"f1": loc_model}, "PER": {"f1": 0.8}, "all": {"f1": 0.8}},
        "crf": {"LOC": {"f1": loc_crf}, "PER": {"f1": 0.8}, "all": {"f1": 0.8}},
    }


def test_keeping_is_decided_per_label_by_the_cross_validated_figures() -> None:
    assert entities.kept_labels(_crf_figures(0.7, 0.9)) == ("PER",)  # ties keep
    assert entities.kept_labels(_crf_figures(0.9, 0.7)) == ("LOC", "PER")
    assert entities.kept_labels(None) is None
    assert entities.kept_labels(_figures({"LOC": 0.5}, {"LOC": 0.6})) is None  # no crf
    # taking over looks at the better of the two ways the model can suggest
    figures = _crf_figures(0.4, 0.6)
    assert entities.takeover(figures) == ("LOC", "PER")
    figures["crf"]["LOC"]["f1"] = 0.45
    assert entities.takeover(figures) == ("PER",)


def test_cross_validation_holds_out_runs_of_consecutive_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # an article goes on over several pages: every fifth page held out let the model
    # learn the held-out pages' names from their neighbours
    held: list[list[str]] = []

    def record(split: tuple) -> dict:
        train, out = split
        held.append([page.id for page, _, _ in out])
        assert not {page.id for page, _, _ in train} & set(held[-1])
        return {}

    monkeypatch.setattr(entity_training, "_fold_cases", record)
    entities.cross_validate(gold_pages(10), folds=3)
    assert held == [["p0", "p1", "p2"], ["p3", "p4", "p5"], ["p6", "p7", "p8", "p9"]]


def test_cross_validation_scores_the_tagger_alone_too() -> None:
    figures = entities.cross_validate(gold_pages(6), folds=3)
    assert set(figures) >= {"rules", "model", "crf", "merged"}
    assert figures["crf"]["PER"]["reference"] == 60


def test_annotator_train_says_where_the_rules_suggestions_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = gold_db(tmp_path / "t.db", 6)
    real = entities.cross_validate

    def alone_better_on_per(pages: Any, folds: int) -> dict[str, Any]:
        figures = with_evidence(real(pages, folds), "PER", "LOC")
        figures["crf"]["PER"]["f1"] = figures["model"]["PER"]["f1"] + 0.01
        figures["crf"]["LOC"]["f1"] = figures["model"]["LOC"]["f1"] - 0.01
        for name in ("model_single", "model_longer"):  # keeping one length only: no better
            figures[name]["PER"]["f1"] = figures["crf"]["PER"]["f1"] - 0.01
            figures[name]["LOC"]["f1"] = figures["model"]["LOC"]["f1"] - 0.01
        return figures

    monkeypatch.setattr(entities, "cross_validate", alone_better_on_per)
    result = CliRunner().invoke(main, ["--db", str(db), "train", "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert "where the model tags nothing, the rules' suggestions stay for LOC." in result.output
    with Store.open(db) as store:
        record = store.latest_model("entities")
        assert record is not None
        assert entities.load(record.data).keeps == frozenset({"LOC"})
