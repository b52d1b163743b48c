"""The CoNLL writer of export (``conll_text``, and ``conll_lines``, its lines) writes what a
plain character-by-character writer writes, for any text, spans, scheme and split."""

from __future__ import annotations

from bisect import bisect_left

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats.conll import (
    _SENTENCE_END,
    _sentence_ends,
    _whole,
    conll_lines,
    conll_text,
    sentence_ranges,
)

_CHARS = "中文报道记者。！？;”\n \t\u3000ab"


def _tags(length: int, entities: list[tuple[int, int, str]], scheme: str) -> list[str]:
    tags = ["O"] * length
    for start, end, label in entities:
        if scheme == "BIOES" and end - start == 1:
            tags[start] = f"S-{label}"
            continue
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
        if scheme == "BIOES":
            tags[end - 1] = f"E-{label}"
    return tags


def reference_lines(text, entities, scheme, split, sep):
    """The layout spelt out one character at a time (what the fast writer must match)."""
    entities = sorted(entities)
    out = []
    for start, end in sentence_ranges(text, entities, split):
        kept = [i for i in range(start, end) if not text[i].isspace()]
        if not kept:
            continue
        inside = []
        for s, e, label in entities:
            a, b = bisect_left(kept, max(s, start)), bisect_left(kept, min(e, end))
            if a < b:
                inside.append((a, b, label))
        tags = _tags(len(kept), inside, scheme)
        out += [f"{text[i]}{sep}{tag}" for i, tag in zip(kept, tags, strict=True)]
        out.append("")
    return out


@st.composite
def documents(draw):
    text = draw(st.text(_CHARS, min_size=0, max_size=40))
    entities, at = [], 0
    while at < len(text) and draw(st.booleans()):
        start = draw(st.integers(at, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 6)))
        entities.append((start, end, draw(st.sampled_from(["PER", "ORG"]))))
        at = end
    return text, entities


@settings(max_examples=400, deadline=None)
@given(
    doc=documents(),
    scheme=st.sampled_from(["BIO", "BIOES"]),
    split=st.sampled_from(["line", "sentence", "none"]),
    sep=st.sampled_from([" ", "\t"]),
)
def test_conll_text_writes_what_a_character_by_character_writer_writes(doc, scheme, split, sep):
    text, entities = doc
    expected = reference_lines(text, entities, scheme, split, sep)
    assert conll_lines(text, entities, scheme=scheme, split=split, sep=sep) == expected
    written = conll_text(text, entities, scheme=scheme, split=split, sep=sep)
    assert written == "".join(line + "\n" for line in expected)


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("甲乙。丙丁", [(1, 4, "ORG")]),  # crosses a line-free sentence cut: split="line" keeps it
        ("甲乙\n丙丁", [(1, 4, "ORG")]),  # crosses a line break: clipped on each side
        ("甲 乙。丙", [(0, 3, "PER")]),  # a space inside: left out, the span shifted
        ("甲乙。丙丁", [(3, 5, "PER"), (0, 1, "ORG")]),  # given out of order
    ],
)
@pytest.mark.parametrize("scheme", ["BIO", "BIOES"])
def test_whole_text_and_sentence_paths_agree_with_the_reference(text, entities, scheme):
    for split in ("line", "sentence", "none"):
        expected = reference_lines(text, entities, scheme, split, " ")
        assert conll_lines(text, entities, scheme=scheme, split=split) == expected


@pytest.mark.parametrize(
    ("entities", "message"),
    [
        ([(0, 9, "PER")], r"span \[0, 9\) is outside the text \(0..4\)"),
        ([(0, 2, "PER"), (1, 3, "ORG")], r"span \[1, 3\) ORG overlaps another span"),
    ],
)
def test_conll_text_refuses_spans_outside_the_text_or_overlapping(entities, message):
    with pytest.raises(ValueError, match=message):
        conll_text("中文报道", entities)
    with pytest.raises(ValueError, match=message):
        conll_lines("中文报道", entities)


def test_an_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unknown tag scheme 'IOB2'"):
        conll_text("中文", [], scheme="IOB2")


def reference_ranges(text, entities, split):
    """Sentence pieces spelt out: cuts at every line's ends and after sentence-ending
    punctuation that is not inside an entity; pieces of whitespace only left out."""
    if split == "none":
        return [(0, len(text))]
    cuts, at = {0, len(text)}, 0
    for line in text.split("\n"):
        cuts.update((at, at + len(line)))
        at += len(line) + 1
    if split == "sentence":
        inside = {i for s, e, _ in entities for i in range(s + 1, e)}
        cuts.update(m.end() for m in _SENTENCE_END.finditer(text) if m.end() not in inside)
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if text[a:b].strip()]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(_CHARS, max_size=40),
    raw=st.lists(st.tuples(st.integers(0, 39), st.integers(1, 8)), max_size=4),
    split=st.sampled_from(["line", "sentence", "none"]),
)
def test_sentence_ranges_cut_where_the_spelt_out_rule_cuts(text, raw, split):
    # Overlapping entities too (the nested gold spans a caller may pass).
    entities = [(s, min(s + n, len(text)), "X") for s, n in raw if s < len(text)]
    assert sentence_ranges(text, entities, split) == reference_ranges(text, entities, split)


def test_a_usual_article_is_tagged_in_one_go_and_as_the_reference():
    # Spans inside sentences, paragraphs apart: the whole-article path, not the fallback.
    text = "新华社北京电。记者张三报道，上海市人民政府今日开会。\n\n李四说：好！"
    entities = [(0, 3, "ORG"), (9, 11, "PER"), (14, 21, "ORG"), (28, 30, "PER")]
    for split in ("line", "sentence", "none"):
        assert _whole(text, sentence_ranges(text, entities, split), entities)
        for scheme in ("BIO", "BIOES"):
            expected = reference_lines(text, entities, scheme, split, " ")
            assert conll_lines(text, entities, scheme=scheme, split=split) == expected


@settings(max_examples=400, deadline=None)
@given(text=st.text("。！？!?；;”’」』）)中文\n ", max_size=30))
def test_sentence_ends_are_where_the_pattern_ends(text):
    # Found with str.find instead of the regex engine: the same ends, runs taken whole.
    assert _sentence_ends(text) == [m.end() for m in _SENTENCE_END.finditer(text)]
