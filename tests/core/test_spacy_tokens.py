"""spaCy-style JSONL tokens, written by hand, are what the JSON encoder writes."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

from annotator.formats.fastjson import line_safe
from annotator.formats.spacy_jsonl import _meta_json, _tokens, line


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


@given(
    st.text(max_size=20),
    st.one_of(
        st.integers(), st.booleans(), st.floats(allow_nan=False, allow_infinity=False), st.none()
    ),
    st.one_of(st.text(max_size=20), st.none()),
)
# A NEL down each path, every run: by the template (an int ordinal) and by the encoder
@example(source="\x85", ordinal=0, page_id="")
@example(source="\x85", ordinal=0.5, page_id="")
def test_meta_is_what_the_encoder_writes(source, ordinal, page_id):
    record = {"id": "p#1", "page_id": page_id, "ordinal": ordinal, "source": source}
    meta = {"id": "p#1", "page_id": page_id, "ordinal": ordinal, "source": source}
    # the standard encoder's, once line() escapes the line breaks of str.splitlines() in
    # the whole line (the template leaves them to it, the encoder's path escapes them
    # already): the test failed whenever the draw held a NEL and an int ordinal
    assert line_safe(_meta_json(record)) == line_safe(json.dumps(meta, ensure_ascii=False))


def test_a_line_is_what_the_encoder_writes_around_the_tokens():
    text = '𠮷"\\n😀中'
    record = {"id": "p#2", "page_id": "p", "ordinal": 2, "source": 'a "b"\\𠮷.txt',
              "text": text, "spans": []}  # fmt: skip
    meta = {"id": "p#2", "page_id": "p", "ordinal": 2, "source": record["source"]}
    head = json.dumps(text, ensure_ascii=False)
    tail = json.dumps(meta, ensure_ascii=False)
    assert (
        line(record) == f'{{"text":{head},"spans":[],"tokens":[{_tokens(text)}],"meta":{tail}}}\n'
    )
