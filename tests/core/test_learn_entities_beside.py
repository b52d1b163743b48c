"""The entity learner's cross-validation trains the whole gold's model beside its folds
(``annotator train`` on 2 cores), and scores each held-out line finding the rules and the
model's tags once: the same bytes and figures as training after it and scoring each way
on its own."""

from __future__ import annotations

import dataclasses

import pytest

from annotator.learn import entities, entity_bounds, entity_training
from annotator.suggest import suggestion_tuples

from .test_learn_entities import gold_pages


def test_the_model_trained_beside_the_folds_is_the_one_train_makes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages = gold_pages(6)
    monkeypatch.setattr(entity_training, "_PARALLEL_FROM_PAGES", 2)
    monkeypatch.setattr(entity_training.os, "cpu_count", lambda: 2)
    figures = entities.cross_validate(pages, folds=3)
    assert "beside_folds" in entity_training._cache
    beside = entities.train(pages, figures)
    assert "beside_folds" not in entity_training._cache  # taken once
    assert beside == entities.train(pages, figures)  # trained in this process: the same
    monkeypatch.setattr(entity_training, "_PARALLEL_FROM_PAGES", 10**6)
    assert entities.cross_validate(pages, folds=3) == figures  # the folds one by one


def test_a_model_trained_beside_other_folds_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entity_training, "_PARALLEL_FROM_PAGES", 2)
    monkeypatch.setattr(entity_training.os, "cpu_count", lambda: 2)
    entities.cross_validate(gold_pages(6), folds=3)
    other = gold_pages(5)
    assert entities.train(other) == entities.train_sentences(entities.gold_sentences(other))


def test_a_fold_scores_as_each_way_scored_on_its_own() -> None:
    pages = gold_pages(6)
    got = entity_training._fold_cases((pages[:4], pages[4:]))
    model = entities.load(entities.train(pages[:4]))
    want: dict[str, list] = {"rules": [], "model": [], "crf": [], "merged": []}
    for text, gold in entities.gold_sentences(pages[4:]):
        for name, spans in (
            ("rules", suggestion_tuples(text)),
            ("model", model(text)),
            ("crf", model.crf(text)),
            ("merged", suggestion_tuples(text, tagger=model)),
        ):
            want[name].append((set(gold), {(c[0], c[1], c[2]) for c in spans}))
        # the model keeping one length only, and yielding below each bound, as it tags
        for name, kind in (("model_single", ":1"), ("model_longer", ":n")):
            keeping = dataclasses.replace(model, keeps=frozenset(k + kind for k in model.keeps))
            want.setdefault(name, []).append((set(gold), {c[:3] for c in keeping(text)}))
        for below in entity_bounds._YIELD_BELOW:
            for name in ("yields", "relabels"):
                bound = dataclasses.replace(model, **{name: below})
                want.setdefault(f"{name}_{below:g}", []).append(
                    (set(gold), {c[:3] for c in bound(text)})
                )
        # and leaving out the rule spans it keeps that it is less sure of than each bound
        for below in entity_bounds._DROP_BELOW:
            dropping = dataclasses.replace(model, drops=dict.fromkeys(model.labels, below))
            want.setdefault(f"drops_{below:g}", []).append(
                (set(gold), {c[:3] for c in dropping(text)})
            )
        # and leaving out its unsure spans where the rules suggest nothing (every label)
        learnt = {tag[2:] for tag in model.tagger.labels() if tag != "O"}
        for below in entity_bounds._GUESS_BELOW:
            guessing = dataclasses.replace(model, guesses=dict.fromkeys(learnt, below))
            want.setdefault(f"guesses_{below:g}", []).append(
                (set(gold), {c[:3] for c in guessing(text)})
            )
    assert got == want


def test_a_fold_worker_finds_the_rules_of_a_line_once_for_all_its_jobs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentences = entities.gold_sentences(gold_pages(3))
    found: list[str] = []

    def rule_entities(text: str) -> list:
        found.append(text)
        return real(text)

    real = entity_training.rule_entities
    monkeypatch.setattr(entity_training, "rule_entities", rule_entities)
    assert entity_training._RULES is None  # this process keeps nothing: found every time
    alone = entity_training._crf_bytes(sentences)
    assert len(found) == len(sentences)
    alone_rest = entity_training._crf_bytes(sentences[1:])
    assert alone_rest != alone
    monkeypatch.setattr(entity_training, "_RULES", {})  # as _start_worker leaves a worker
    found.clear()
    # the same model bytes with the memo as without it, for the first job (which fills it)
    # and for a later one (which takes every line's candidates from it)
    assert entity_training._crf_bytes(sentences) == alone
    assert entity_training._crf_bytes(sentences[1:]) == alone_rest
    assert sorted(found) == sorted({text for text, _ in sentences})  # once a line
