"""A span of the entity tagger where the rules suggest nothing is left out when the tagger
is less sure of it than its label's bound, chosen by cross-validation (issue #10, model
format 12); a model of format 11 loads without bounds and tags as it did."""

from __future__ import annotations

import dataclasses

import pytest

from annotator.learn import entities, entity_bounds, entity_model

from .test_learn_entities import gold_pages

_GOLD = [("中俄两国签约。", [(0, 2, "LOC")]), ("记者见到了何洋艳。", [(5, 8, "PER")])] * 3
_TEXT = "中俄两国签约。"


@pytest.fixture(scope="module")
def model() -> entities.EntityModel:
    return entities.load(entities.train_sentences(_GOLD))


def _spans(model: entities.EntityModel, rules: list) -> list[tuple[int, int, str]]:
    return [c[:3] for c in model(_TEXT, rules)]


def test_an_unsure_span_where_the_rules_suggest_nothing_is_left_out(
    model: entities.EntityModel,
) -> None:
    tagged = model.crf(_TEXT, [])
    assert [c[:3] for c in tagged] == [(0, 2, "LOC")]
    confidence = tagged[0][3]["confidence"]
    assert 0 < confidence < 1
    guessing = dataclasses.replace(model, guesses={"LOC": confidence + 0.01})
    assert _spans(guessing, []) == []
    # at or above its bound, of a label without one, or where a rule suggests something
    # (of any label) over it, the span stays
    for guesses in ({"LOC": confidence}, {"ORG": 1.1, "PER": 1.1}):
        assert _spans(dataclasses.replace(model, guesses=guesses), []) == [(0, 2, "LOC")]
    over = [(1, 2, "PER", "rule", {})]
    assert (0, 2, "LOC") in _spans(guessing, over)
    # the tagger alone (tag_line, crf) leaves nothing out
    assert [c[:3] for c in guessing.tag_line(_TEXT)] == [(0, 2, "LOC")]
    assert [c[:3] for c in guessing.crf(_TEXT, [])] == [(0, 2, "LOC")]


def test_the_bounds_are_written_with_the_model_and_format_11_still_loads() -> None:
    data = entities.train_sentences(_GOLD)
    head = b"annotator-entities-crf 12\nreplaces *\nkeeps *\nyields 0\nrelabels 0\ndrops \n"
    assert data.startswith(head + b"guesses \n")
    crfsuite = data[len(head) + len(b"guesses \n") :]
    written = entity_model._header(None, None, drops={"PER": 0.05}, guesses={"ORG": 0.6})
    assert written.endswith(b"drops PER=0.05\nguesses ORG=0.6\n")
    loaded = entities.load(written + crfsuite)
    assert (loaded.drops, loaded.guesses) == ({"PER": 0.05}, {"ORG": 0.6})
    eleven = entities.load(
        b"annotator-entities-crf 11" + head[len(b"annotator-entities-crf 12") :] + crfsuite
    )
    assert eleven.guesses == {}
    for text in (_TEXT, "记者见到了何洋艳。", "中俄记者见到了何洋艳。"):
        assert eleven(text, []) == entities.load(data)(text, [])
    with pytest.raises(ValueError, match="retrain"):  # format 12 without its line of guesses
        entities.load(b"annotator-entities-crf 12" + head[len(b"annotator-entities-crf 12") :])


def test_each_label_takes_the_bound_that_scored_best_in_cross_validation() -> None:
    def f1s(**per_label: float) -> dict:
        return {label: {"f1": f1} for label, f1 in per_label.items()}

    figures = {
        "model": f1s(ORG=0.70, PER=0.90, LOC=0.80, all=0.80),
        "guesses_0.4": f1s(ORG=0.71, PER=0.89, LOC=0.80, all=0.80),
        "guesses_0.6": f1s(ORG=0.72, PER=0.88, LOC=0.79, all=0.80),
        "guesses_0.7": f1s(ORG=0.715, PER=0.87, LOC=0.78, all=0.80),
    }
    # PER and LOC gained nothing: they leave no guess out
    assert entities.guess_below(figures) == {"ORG": 0.6}
    assert entities.guess_below(None) == {}
    assert entities.guess_below({"model": f1s(ORG=0.7)}) == {}


def test_cross_validation_scores_each_bound_and_train_writes_the_chosen_ones() -> None:
    pages = gold_pages(6)
    figures = entities.cross_validate(pages, folds=3)
    for below in entity_bounds._GUESS_BELOW:
        assert figures[f"guesses_{below:g}"]["PER"]["reference"] == 60
    model = entities.load(entities.train(pages, figures))
    assert model.guesses == entities.guess_below(figures)
    # the same pages, the same bytes
    assert entities.train(pages, figures) == entities.train(pages, figures)


def test_the_folds_score_each_bound_without_the_unsure_spans_the_rules_saw_nothing_of() -> None:
    # (the six gold pages above give the tagger no unsure span: their figures would be the
    # same with nothing left out) a held-out line's tagger spans, each bound's prediction
    from annotator.learn import entity_training

    gold = {(0, 3, "ORG"), (5, 7, "PER")}
    alone = [(0, 3, "ORG", {"confidence": 0.45}), (5, 7, "PER", {"confidence": 0.35}),
             (9, 11, "ORG", {"confidence": 0.55})]  # fmt: skip
    kept = {(12, 14, "LOC")}
    cases: dict = {f"guesses_{b:g}": [] for b in entity_bounds._GUESS_BELOW}
    entity_training._add_guesses(cases, gold, alone, kept, [(5, 6, "PER")])
    predicted = {name: got for name, [(_, got)] in cases.items()}
    # PER overlaps the rules' span and stays at every bound; ORG goes below its confidence
    assert predicted["guesses_0.3"] == {(0, 3, "ORG"), (5, 7, "PER"), (9, 11, "ORG"), *kept}
    assert predicted["guesses_0.5"] == {(5, 7, "PER"), (9, 11, "ORG"), *kept}
    assert predicted["guesses_0.6"] == {(5, 7, "PER"), *kept}


def test_annotator_train_says_which_unsure_spans_are_left_out() -> None:
    from annotator.cli.train_report import _takeover_line

    def per_label(org: float) -> dict:
        return {"ORG": {"f1": org}, "all": {"f1": org}}

    figures = {"rules": per_label(0.70), "model": per_label(0.74), "crf": per_label(0.73)}
    assert "where the rules suggest nothing" not in _takeover_line(figures)
    line = _takeover_line({**figures, "guesses_0.5": per_label(0.75)})
    assert "a span of the model where the rules suggest nothing is left out (ORG below 0.5)" in line
