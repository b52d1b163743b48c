"""The fast CoNLL writer of export (``conll_text``) writes what ``conll_lines`` writes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats.conll import conll_lines, conll_text

_CHARS = "中文报道记者。！？;”\n \t\u3000ab"


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


@settings(max_examples=300, deadline=None)
@given(
    doc=documents(),
    scheme=st.sampled_from(["BIO", "BIOES"]),
    split=st.sampled_from(["line", "sentence", "none"]),
    sep=st.sampled_from([" ", "\t"]),
)
def test_conll_text_is_the_lines_of_conll_lines(doc, scheme, split, sep):
    text, entities = doc
    lines = conll_lines(text, entities, scheme=scheme, split=split, sep=sep)
    expected = "".join(line + "\n" for line in lines)
    assert conll_text(text, entities, scheme=scheme, split=split, sep=sep) == expected


@pytest.mark.parametrize(
    ("entities", "message"),
    [
        ([(0, 9, "PER")], "outside the text"),
        ([(0, 2, "PER"), (1, 3, "ORG")], "overlaps another span"),
    ],
)
def test_conll_text_refuses_what_conll_lines_refuses(entities, message):
    with pytest.raises(ValueError, match=message) as fast:
        conll_text("中文报道", entities)
    with pytest.raises(ValueError) as slow:
        list(conll_lines("中文报道", entities))
    assert str(fast.value) == str(slow.value)
