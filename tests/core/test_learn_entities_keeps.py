"""The entity model keeping the rules' suggestions (issue #10) on gold that never showed
it a tag of them: review findings of the format-8 model."""

from __future__ import annotations

from annotator.learn import entities


def test_a_kept_rule_span_of_a_tag_the_model_never_learnt_has_no_confidence_not_a_crash():
    # Gold of one-character places only (访华, 中方): the tagger knows B-LOC but no I-LOC.
    sentences = [("他访华了。", [(2, 3, "LOC")]), ("中方表示同意。", [(0, 1, "LOC")])] * 3
    model = entities.load(entities.train_sentences(sentences))
    assert "LOC" in model.keeps and "I-LOC" not in model.tagger.labels()
    text = "他在上海工作。"
    kept = model._tag(entities.features(text), [(2, 4, "LOC")])
    assert [c[:3] for c in kept if c[2] == "LOC"] == [(2, 4, "LOC")]
    assert kept[0][3] == {"confidence": 0.0}
    # the page path (rules found by the suggesters) reads it the same way
    assert (2, 4, "LOC") in [c[:3] for c in model(text)]
