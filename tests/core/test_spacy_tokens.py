"""spaCy-style JSONL tokens, written by hand, are what the JSON encoder writes."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from annotator.formats.spacy_jsonl import _tokens


def _reference(text: str) -> str:
    return ",".join(
        json.dumps(
            {"text": c, "start": i, "end": i + 1, "id": i, "ws": False},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        for i, c in enumerate(text)
    )


def test_every_character_that_json_escapes_is_escaped_the_same_way():
    text = "".join(chr(c) for c in range(0x80)) + '中"\\\u2028\u3000𠮷😀\x7f'
    assert _tokens(text) == _reference(text)
    assert json.loads(f"[{_tokens(text)}]")[34]["text"] == '"'


@given(st.text(max_size=60))
def test_tokens_of_any_text_are_the_encoders(text):
    assert _tokens(text) == _reference(text)
