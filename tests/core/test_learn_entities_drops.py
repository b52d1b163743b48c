"""A rule suggestion the entity model keeps where it tags nothing is left out when the
tagger is less sure of it than its label's bound, chosen by cross-validation (issue #10,
model format 10)."""

from __future__ import annotations

import dataclasses

import pytest

from annotator.learn import entities, entity_bounds, entity_model

from .test_learn_entities import gold_pages

_GOLD = [("中俄两国签约。", [(0, 2, "LOC")]), ("记者见到了何洋艳。", [(5, 8, "PER")])] * 3
# the rules read 记者 as a place: the tagger, which tags nothing there, is sure it is not
_RULES = [(0, 2, "LOC", "rule", {})]
_TEXT = "记者见到了何洋艳。"


@pytest.fixture(scope="module")
def model() -> entities.EntityModel:
    return entities.load(entities.train_sentences(_GOLD))


def test_a_kept_rule_span_less_sure_than_its_label_bound_is_left_out(
    model: entities.EntityModel,
) -> None:
    kept = [c for c in model(_TEXT, _RULES) if c[:3] == (0, 2, "LOC")]
    assert kept and (0, 2, "LOC") not in [c[:3] for c in model.crf(_TEXT, _RULES)]
    confidence = kept[0][3]["confidence"]
    assert confidence < 0.5
    dropping = dataclasses.replace(model, drops={"LOC": 0.5})
    assert (0, 2, "LOC") not in [c[:3] for c in dropping(_TEXT, _RULES)]
    # another label's bound, or one below its confidence, leaves it
    bounds = [{"ORG": 0.9, "PER": 0.9}] + ([{"LOC": confidence / 2}] if confidence else [])
    for drops in bounds:
        got = dataclasses.replace(model, drops=drops)(_TEXT, _RULES)
        assert (0, 2, "LOC") in [c[:3] for c in got]
    # the tagger's own spans are never dropped, however unsure
    text = "中俄两国签约。"
    tagged = [c[:3] for c in model.crf(text, [])]
    assert (0, 2, "LOC") in tagged
    assert [c[:3] for c in dataclasses.replace(model, drops={"LOC": 1.1})(text, [])] == tagged


def test_the_bounds_are_written_with_the_model_and_formats_8_and_9_still_load() -> None:
    data = entities.train_sentences(_GOLD)
    head = (
        b"annotator-entities-crf 12\nreplaces *\nkeeps *\nyields 0\nrelabels 0\ndrops \nguesses \n"
    )
    assert data.startswith(head)
    crfsuite = data[len(head) :]
    written = entity_model._header(None, None, 0.6, 0.8, {"PER": 0.05, "ORG": 0.1})
    assert written.endswith(b"drops ORG=0.1,PER=0.05\nguesses \n")
    loaded = entities.load(written + crfsuite)
    assert (loaded.yields, loaded.relabels, loaded.drops) == (0.6, 0.8, {"ORG": 0.1, "PER": 0.05})
    nine = b"annotator-entities-crf 9\nreplaces *\nkeeps *\nyields 0.6\nrelabels 0\n" + crfsuite
    eight = b"annotator-entities-crf 8\nreplaces *\nkeeps LOC\n" + crfsuite
    assert (entities.load(nine).yields, entities.load(nine).drops) == (0.6, {})
    assert entities.load(eight).keeps == frozenset({"LOC"}) and entities.load(eight).drops == {}
    assert entities.load(nine)(_TEXT, _RULES) == entities.load(data)(_TEXT, _RULES)
    with pytest.raises(ValueError, match="retrain"):
        entities.load(b"annotator-entities-crf 7\n" + data.split(b"\n", 1)[1])
    with pytest.raises(ValueError, match="retrain"):  # format 10 without its line of drops
        entities.load(b"annotator-entities-crf 10\nreplaces *\nkeeps *\nyields 0\nrelabels 0\n")


def test_each_label_takes_the_bound_that_scored_best_in_cross_validation() -> None:
    def f1s(**per_label: float) -> dict:
        return {label: {"f1": f1} for label, f1 in per_label.items()}

    figures = {
        "model": f1s(ORG=0.70, PER=0.90, LOC=0.80, all=0.80),
        "crf": f1s(ORG=0.72, PER=0.85, LOC=0.85, all=0.80),
        "drops_0.05": f1s(ORG=0.71, PER=0.90, LOC=0.81, all=0.80),
        "drops_0.1": f1s(ORG=0.73, PER=0.89, LOC=0.82, all=0.81),
        "drops_0.2": f1s(ORG=0.72, PER=0.88, LOC=0.82, all=0.80),
    }
    # PER gained nothing (it keeps every rule span); LOC's best is below the tagger's alone
    assert entities.drop_below(figures) == {"ORG": 0.1}
    assert entities.kept_labels(figures) == ("ORG", "PER")
    assert entities.takeover({**figures, "rules": f1s(ORG=0.725, PER=0.95, LOC=0.8)}) == (
        "LOC",
        "ORG",
    )  # ORG: 0.73 with the bound against the rules' 0.725
    assert entities.drop_below(None) == {}
    assert entities.drop_below({"model": f1s(ORG=0.7)}) == {}


def test_cross_validation_scores_each_bound_and_train_writes_the_chosen_ones() -> None:
    pages = gold_pages(6)
    figures = entities.cross_validate(pages, folds=3)
    for below in entity_bounds._DROP_BELOW:
        assert figures[f"drops_{below:g}"]["PER"]["reference"] == 60
    model = entities.load(entities.train(pages, figures))
    assert model.drops == entities.drop_below(figures)
    # the same pages, the same bytes
    assert entities.train(pages, figures) == entities.train(pages, figures)


def test_annotator_train_says_which_kept_rule_suggestions_are_left_out() -> None:
    from annotator.cli.train_report import _takeover_line

    def per_label(org: float) -> dict:
        return {"ORG": {"f1": org}, "all": {"f1": org}}

    figures = {
        "rules": per_label(0.70),
        "model": per_label(0.74),
        "crf": per_label(0.73),
        "drops_0.1": per_label(0.76),
    }
    assert "the rules' suggestions stay for ORG" in _takeover_line(figures)
    line = _takeover_line(figures)
    assert "a kept rule suggestion the model is less sure of is left out (ORG below 0.1)" in line
