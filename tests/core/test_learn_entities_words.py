"""The dictionary word itself as a feature of the entity tagger (format 11, issue 10): each
character of a word of jieba's dictionary has ``d=`` and the word; a model of format 10,
trained without it, loads and tags as it did."""

from __future__ import annotations

import pytest

from annotator.learn import entities, entity_features

from .test_learn_entities import sentences


def test_each_character_of_a_dictionary_word_has_the_word_as_a_feature() -> None:
    rows = entities.features("我们在北京开会")
    assert ["d=我们" in rows[0], "d=我们" in rows[1]] == [True, True]
    assert "d=北京" in rows[3] and "d=北京" in rows[4]
    assert not any(f.startswith("d=") for f in rows[2])  # 在: no word of two characters
    # the rows of a page are those of its lines alone: no word across a line's end
    page = entities.features_of_lines(["我们在北", "京开会"], [[], []])
    assert not any(f == "d=北京" for line in page for row in line for f in row)


def test_a_model_learns_the_words_weights() -> None:
    model = entities.load(entities.train_sentences(sentences(120)))
    names = entities.attribute_names(model.buffer)
    assert any(name.startswith(b"d=") for name in names)


def test_a_model_of_format_10_without_the_word_loads_and_tags_as_it_did(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = entity_features._columns

    def without_words(lines):  # noqa: ANN001, ANN202
        chars, cls, words, lexicon, _ = real(lines)
        return chars, cls, words, lexicon, []

    # a model of format 10: trained on the features before the word (none of them d=)
    monkeypatch.setattr(entity_features, "_columns", without_words)
    data = entities.train_sentences(sentences(120))
    monkeypatch.undo()
    old = b"annotator-entities-crf 10\n" + data[len(entities.FORMAT) :].replace(
        b"guesses \n", b"", 1
    )
    model = entities.load(old)
    assert not any(n.startswith(b"d=") for n in entities.attribute_names(model.buffer))
    tagger = model.tagger
    lines = [t for t, _ in sentences(20, 500)] + ["我们在北京见到了王伟。"]
    for line in lines:
        rules = entities.rule_entities(line)
        before = [
            tuple(f for f in row if not f.startswith("d="))
            for row in entities.features(line, rules)
        ]
        tags = tagger.tag(before)
        expected = [
            (s, e, label, round(min(tagger.marginal(tags[j], j) for j in range(s, e)), 4))
            for s, e, label in entities.spans_of(tags)
        ]
        found = [(s, e, label, a["confidence"]) for s, e, label, a in model.tag_line(line, rules)]
        assert found == expected
    assert any(model.tag_line(t) for t in lines)
