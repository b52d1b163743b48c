"""The entity model keeping the rules' suggestions of one length only (issue #10): a
rule's one-character place (中俄, 访华) where the tagger tags nothing, decided by
cross-validation per label and length."""

from __future__ import annotations

from typing import Any

from annotator.learn import entities

from .test_learn_entities import gold_pages


def _scores(**named: dict[str, float]) -> dict[str, Any]:
    return {name: {label: {"f1": f1} for label, f1 in f1s.items()} for name, f1s in named.items()}


def test_a_label_keeps_the_rules_spans_of_the_length_that_scored_best() -> None:
    figures = _scores(
        rules={"LOC": 0.70, "ORG": 0.70, "PER": 0.70},
        model={"LOC": 0.74, "ORG": 0.71, "PER": 0.75, "all": 0.73},
        crf={"LOC": 0.75, "ORG": 0.72, "PER": 0.74},
        model_single={"LOC": 0.76, "ORG": 0.70, "PER": 0.75},
        model_longer={"LOC": 0.73, "ORG": 0.73, "PER": 0.74},
    )
    # LOC only its one-character spans, ORG only its longer ones; PER all (ties keep more)
    assert entities.kept_labels(figures) == ("LOC:1", "ORG:n", "PER")
    # the model keeping some spans counts as the model where it takes over from the rules
    rules = _scores(rules={"LOC": 0.755, "ORG": 0.8, "PER": 0.8})
    assert entities.takeover({**figures, **rules}) == ("LOC",)
    # figures of a version before lengths: whole labels, as before
    old = {name: figures[name] for name in ("rules", "model", "crf")}
    assert entities.kept_labels(old) == ("PER",)


def test_a_model_keeping_one_character_places_keeps_no_longer_one() -> None:
    sentences = [("他来自遵义。", [(3, 5, "LOC")]), ("记者见到了何洋艳。", [(5, 8, "PER")])] * 3
    model = entities.load(entities.train_sentences(sentences, keeps=["LOC:1"]))
    assert model.keeps == frozenset({"LOC:1"})
    text = "中俄两国在上海签约。"
    rules = [(0, 1, "LOC"), (1, 2, "LOC"), (5, 7, "LOC")]
    candidates = [(s, e, label, "rule", {}) for s, e, label in rules]
    tagged = {c[:3] for c in model.crf(text, candidates)}
    kept = {c[:3] for c in model(text, candidates)} - tagged
    assert {(0, 1, "LOC"), (1, 2, "LOC")} <= kept | tagged
    assert (5, 7, "LOC") not in kept


def test_cross_validation_scores_the_tagger_keeping_each_length() -> None:
    figures = entities.cross_validate(gold_pages(6), folds=3)
    assert {"model_single", "model_longer"} <= set(figures)
    for name in ("model_single", "model_longer"):
        assert figures[name]["PER"]["reference"] == figures["crf"]["PER"]["reference"]
