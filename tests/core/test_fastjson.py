"""Gold records written by hand templates are the standard encoder's bytes, whatever they hold."""

from __future__ import annotations

import json
import math

import pytest

from annotator.formats.fastjson import gold_record

_SPAN = {
    "start": 0,
    "end": 2,
    "label": "PER",
    "text": '张"',
    "page_start": 5,
    "page_end": 7,
    "origin": "human",
    "attrs": {},
}


def _record(**changes: object) -> dict:
    span = dict(_SPAN)
    record = {
        "id": "p#1",
        "page_id": "p",
        "source": "p\\1.txt",
        "ordinal": 1,
        "status": "done",
        "text": '张"\n\t\x01\u2028𠮷',
        "blocks": [{"role": "body", "start": 0, "end": 7, "page_start": 5, "page_end": 12}],
        "spans": [span, {**span, "attrs": {"value": 5.2, "unit": "%", "k": [1, None]}}],
        "reviewer": None,
        "updated_at": "2026-01-01T00:00:00Z",
    }
    record.update(changes)
    return record


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"reviewer": "李华"},
        {"spans": [], "blocks": []},
        {"extra": 1},  # another shape: the standard encoder writes it
        {"source": None},
        {"spans": [{"start": 0, "end": 2, "label": 7}]},
        {"blocks": [{"start": 0, "role": "body"}]},
        # positions and ordinals of another type than int: as the encoder writes them
        {"ordinal": True},
        {"blocks": [{"role": "body", "start": 0.0, "end": 7, "page_start": 5, "page_end": 12}]},
        {"spans": [{**_SPAN, "end": 2.5}]},
        {"spans": [{**_SPAN, "page_start": "5"}]},
        {"spans": [{**_SPAN, "start": False}]},
        # attributes equal in Python but not in JSON, one after the other (remembered JSON)
        {"spans": [{**_SPAN, "attrs": {"x": v}} for v in (1, True, 1.0, 1, True, 1.0)]},
        {"spans": [{**_SPAN, "attrs": {"x": v}} for v in (0.0, -0.0, 0.0, -0.0)]},
        {"spans": [{**_SPAN, "attrs": {"x": v}} for v in ("1", 1, None, [1], (1,), "1")]},
        {"spans": [{**_SPAN, "attrs": {k: 1}} for k in (1, True, "1", 1, True, "1")]},
    ],
)
def test_gold_record_is_what_json_dumps_writes(changes):
    record = _record(**changes)
    expected = json.dumps(record, ensure_ascii=False, allow_nan=False)
    assert gold_record(record) == expected.replace("\u2028", "\\u2028")


def test_nan_is_refused_as_by_the_standard_encoder():
    record = _record()
    record["spans"][1]["attrs"]["value"] = math.nan
    with pytest.raises(ValueError):
        gold_record(record)
