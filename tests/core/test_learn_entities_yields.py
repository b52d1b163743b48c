"""A span of the entity tagger that yields to the rules' one-character places it covers,
or takes the label the rules give the same characters (issue #10, model format 9), below
confidences chosen by cross-validation."""

from __future__ import annotations

import dataclasses

import pytest

from annotator.learn import entities, entity_bounds, entity_model

from .test_learn_entities import gold_pages

# gold that makes the tagger read 中俄 as one place
_PAIR = [("中俄两国签约。", [(0, 2, "LOC")]), ("记者见到了何洋艳。", [(5, 8, "PER")])] * 3
_RULES = [(0, 1, "LOC", "rule", {}), (1, 2, "LOC", "rule", {})]


@pytest.fixture(scope="module")
def pair_model() -> entities.EntityModel:
    return entities.load(entities.train_sentences(_PAIR, keeps=["LOC:1"]))


def test_a_span_less_sure_than_the_bound_yields_to_the_one_character_rule_spans(
    pair_model: entities.EntityModel,
) -> None:
    text = "中俄两国签约。"
    assert [c[:3] for c in pair_model(text, _RULES)] == [(0, 2, "LOC")]  # never yields
    yielding = dataclasses.replace(pair_model, yields=1.0)
    got = yielding(text, _RULES)
    assert [c[:3] for c in got] == [(0, 1, "LOC"), (1, 2, "LOC")]
    assert all(0.0 <= c[3]["confidence"] < 1.0 for c in got)
    # a span sure enough stays, and so does one that a longer rule span overlaps too
    assert [c[:3] for c in dataclasses.replace(pair_model, yields=1e-9)(text, _RULES)] == [
        (0, 2, "LOC")
    ]
    spans, sure = entity_bounds._yielded(
        [(0, 4, "ORG")], [0.3], [(0, 1, "LOC"), (2, 4, "LOC")], 0.5
    )
    assert spans == [(0, 4, "ORG")] and sure == [0.3]


def test_the_bound_is_written_with_the_model_and_a_format_8_model_still_loads() -> None:
    data = entities.train_sentences(_PAIR)
    head = (
        b"annotator-entities-crf 12\nreplaces *\nkeeps *\nyields 0\nrelabels 0\ndrops \nguesses \n"
    )
    assert data.startswith(head)
    crfsuite = data[len(head) :]
    model = entities.load(entity_model._header(None, ["LOC:1"], 0.6, 0.8) + crfsuite)
    assert (model.yields, model.relabels, model.keeps) == (0.6, 0.8, frozenset({"LOC:1"}))
    # a format-8 model (the same features, no lines of bounds) reads as it did
    old = b"annotator-entities-crf 8\nreplaces *\nkeeps LOC\n" + crfsuite
    loaded = entities.load(old)
    assert (loaded.yields, loaded.relabels, loaded.keeps) == (0.0, 0.0, frozenset({"LOC"}))
    text = "记者见到了何洋艳。"
    assert loaded(text, []) == entities.load(data)(text, [])
    with pytest.raises(ValueError, match="retrain"):
        entities.load(b"annotator-entities-crf 7\n" + data.split(b"\n", 1)[1])


def test_the_bound_is_the_one_that_scored_best_in_cross_validation() -> None:
    def scores(model: float, **yields: float) -> dict:
        named = {f"yields_{k[1:].replace('_', '.')}": f1 for k, f1 in yields.items()}
        return {name: {"all": {"f1": f1}} for name, f1 in {"model": model, **named}.items()}

    assert entities.yield_below(scores(0.80, b0_6=0.81, b0_9=0.805)) == 0.6
    assert entities.yield_below(scores(0.80, b0_6=0.80)) == 0.0  # no gain: never yields
    assert entities.yield_below(None) == 0.0
    relabelling = {"model": {"all": {"f1": 0.8}}, "relabels_0.8": {"all": {"f1": 0.82}}}
    assert entities.relabel_below(relabelling) == 0.8
    assert entities.yield_below(relabelling) == 0.0  # each bound has its own figures


def test_cross_validation_scores_each_bound() -> None:
    figures = entities.cross_validate(gold_pages(6), folds=3)
    for below in entity_bounds._YIELD_BELOW:
        assert figures[f"yields_{below:g}"]["PER"]["reference"] == 60
        assert figures[f"relabels_{below:g}"]["PER"]["reference"] == 60


def test_a_span_less_sure_than_the_bound_takes_the_label_the_rules_give_it(
    pair_model: entities.EntityModel,
) -> None:
    text = "中俄两国签约。"
    rules = [(0, 2, "PER", "rule", {})]  # the same characters, another label
    assert [c[:3] for c in pair_model(text, rules)] == [(0, 2, "LOC")]  # never relabels
    got = dataclasses.replace(pair_model, relabels=1.0)(text, rules)
    assert [c[:3] for c in got] == [(0, 2, "PER")]
    assert 0.0 <= got[0][3]["confidence"] < 0.5  # the tagger's for the rules' label
    assert [c[:3] for c in dataclasses.replace(pair_model, relabels=1e-9)(text, rules)] == [
        (0, 2, "LOC")
    ]
    # other characters, or a label the model does not replace, relabel nothing
    spans, _ = entity_bounds._relabelled([(0, 2, "LOC")], [0.1], [(0, 3, "PER")], ["PER"], 1.0)
    assert spans == [(0, 2, "LOC")]
    spans, _ = entity_bounds._relabelled([(0, 2, "LOC")], [0.1], [(0, 2, "DATE")], ["LOC"], 1.0)
    assert spans == [(0, 2, "LOC")]


def test_annotator_train_says_which_rule_spans_stay_and_when_the_model_yields() -> None:
    from annotator.cli.train_report import _takeover_line

    def per_label(loc: float, all_: float) -> dict:
        return {"LOC": {"f1": loc}, "all": {"f1": all_}}

    figures = {
        "rules": per_label(0.70, 0.70),
        "model": per_label(0.74, 0.74),
        "crf": per_label(0.75, 0.75),
        "model_single": per_label(0.76, 0.76),
        "model_longer": per_label(0.73, 0.73),
        "yields_0.6": per_label(0.77, 0.77),
        "relabels_0.8": per_label(0.75, 0.75),
    }
    line = _takeover_line(figures)
    assert "the rules' suggestions stay for LOC of one character" in line
    assert "a span of the model less sure than 0.6 gives way to the rules'" in line
    assert "less sure than 0.8 takes the label the rules give the same characters" in line
