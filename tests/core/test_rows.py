"""Row encoding for import: the JSON the store keeps is exactly what json writes."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from annotator.store.rows import _ENCODE

_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_trees = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(_trees)
def test_the_reused_encoder_writes_what_json_writes(value) -> None:
    assert _ENCODE(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
