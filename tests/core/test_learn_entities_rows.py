"""The rows a loaded entity model tags (annotator.learn.entity_rows._Rows): of the features
training makes, those the model has a weight for, as bytes, in the same order; the model
suggests exactly what it suggested from every feature (issue 10: tagging speed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.learn import entities, entity_rows

from .test_learn_entities import _ODD, gold_pages, sentences


@pytest.fixture(scope="module")
def model() -> entities.EntityModel:
    return entities.load(entities.train(gold_pages(12)))


def _lines() -> list[str]:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    lines = [line for p in sorted(seeds.glob("*.txt")) for line in p.read_text().split("\n")]
    return [line for line in lines if line.strip()] + [t for t, _ in sentences(20, 500)]


def test_the_attributes_read_from_the_bytes_are_the_models(model: entities.EntityModel) -> None:
    names = entities.attribute_names(model.buffer)
    assert len(names) == len(set(names)) > 20
    assert set(names) == {name.encode() for name in model.tagger.info().attributes}
    with pytest.raises(ValueError, match="crfsuite"):
        entities.attribute_names(b"annotator")
    with pytest.raises(ValueError, match="crfsuite"):
        entities.attribute_names(model.buffer[:40])


def _known(rows: list[tuple[str, ...]], names: set[bytes]) -> list[tuple[bytes, ...]]:
    return [tuple(f.encode() for f in row if f.encode() in names) for row in rows]


def test_rows_are_the_features_the_model_has_in_their_order(model: entities.EntityModel) -> None:
    names = set(entities.attribute_names(model.buffer))
    lines = _lines()
    rules = [entities.rule_entities(line) for line in lines]
    suggested = [entities.rule_suggestions(r) for r in rules]
    for size in (1, 3, 20):  # a page of one line and pages of several
        for at in range(0, len(lines), size):
            part = slice(at, at + size)
            made = model._rows().rows(lines[part], rules[part], suggested[part])
            every = entities.features_of_lines(lines[part], rules[part], suggested[part])
            for rows, all_rows in zip(made, every, strict=True):
                assert [tuple(f for f in row if f) for row in rows] == _known(all_rows, names)
                # the seven features of every character but the pairs keep their places,
                # the missing empty; a pair is there only when the model has it
                assert all(len(row) >= 7 for row in rows)


@settings(deadline=None, max_examples=60)
@given(st.text(_ODD, max_size=30), st.lists(st.tuples(st.integers(0, 29), st.integers(1, 4))))
def test_rows_of_odd_text_are_the_features_the_model_has(text: str, spans: list) -> None:
    if not _MODEL:
        _MODEL.append(entities.train(gold_pages(6)))
    model = entities.load(_MODEL[0])
    names = set(entities.attribute_names(model.buffer))
    lines = [line for line in text.split("\n") if line]
    rules = [[(s, s + n, "PER") for s, n in spans if s + n <= len(line)] for line in lines]
    suggested = [entities.rule_suggestions(r) for r in rules]
    made = model._rows().rows(lines, rules, suggested) if lines else []
    every = entities.features_of_lines(lines, rules, suggested) if lines else []
    for rows, all_rows in zip(made, every, strict=True):
        assert [tuple(f for f in row if f) for row in rows] == _known(all_rows, names)


_MODEL: list[bytes] = []


def test_the_model_suggests_what_it_suggested_from_every_feature(
    model: entities.EntityModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _lines()
    pages = ["\n".join(texts[at : at + 4]) for at in range(0, len(texts), 4)]
    found = [model(page) for page in pages]
    assert sum(map(len, found)) > 20

    def every_feature(self, lines, rules, suggested):  # noqa: ANN001, ANN202
        return entities.features_of_lines(lines, rules, suggested)

    monkeypatch.setattr(entity_rows._Rows, "rows", every_feature)
    assert [model(page) for page in pages] == found
    assert [model.crf(page, []) for page in pages] == [
        entities.load(entities.train(gold_pages(12))).crf(page, []) for page in pages
    ]


def test_the_rows_give_every_tag_and_marginal_that_every_feature_gives(
    model: entities.EntityModel,
) -> None:
    # the same attributes the model knows, in the same order: the same sums, to the bit
    tagger = model.tagger
    labels = tagger.labels()
    lines = _lines()
    rules = [entities.rule_entities(line) for line in lines]
    suggested = [entities.rule_suggestions(r) for r in rules]
    made = model._rows().rows(lines, rules, suggested)
    every = entities.features_of_lines(lines, rules, suggested)
    for rows, all_rows in zip(made, every, strict=True):
        tags = tagger.tag(rows)
        marginals = [[tagger.marginal(y, j) for y in labels] for j in range(len(rows))]
        assert tagger.tag(all_rows) == tags
        assert [[tagger.marginal(y, j) for y in labels] for j in range(len(rows))] == marginals
