"""The hand templates of Label Studio tasks and doccano lines (and of Gold records) write
the standard JSON encoder's bytes (U+2028, U+2029 and U+0085 escaped), for any text: quotes, backslashes, control characters,
line separators and characters outside the BMP, before and inside spans. doccano's UTF-16
offsets are checked against an independent count of code units; Label Studio's are code
points, as ours."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats import doccano, labelstudio
from annotator.formats.fastjson import gold_record

# Awkward on purpose: JSON escapes, controls, U+2028, a lone BMP CJK character, astral ones.
_AWKWARD = st.sampled_from(list('"\\/\x00\x01\x1f\x7f\x85\n\t\r\u2028\u2029中文𠮷😀 a'))
_TEXTS = st.text(st.one_of(_AWKWARD, st.characters(blacklist_categories=["Cs"])), max_size=30)


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@st.composite
def records(draw):
    text = draw(_TEXTS.filter(bool))
    spans, at = [], 0
    while at < len(text) and draw(st.booleans()):
        start = draw(st.integers(at, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        label = draw(st.one_of(st.sampled_from(["PER", "ORG"]), _TEXTS.filter(bool)))
        spans.append(
            {
                "start": start,
                "end": end,
                "label": label,
                "text": text[start:end],
                "page_start": start + 3,
                "page_end": end + 3,
                "origin": draw(st.sampled_from(["human", "rule"])),
                "attrs": draw(st.sampled_from([{}, {"value": 5.2, "unit": '%"\\'}])),
            }
        )
        at = draw(st.integers(start, end))  # spans may nest or overlap
    page_id = draw(_TEXTS.filter(bool))
    ordinal = draw(st.integers(1, 10**6))
    return {
        "id": f"{page_id}#{ordinal}",
        "page_id": page_id,
        "source": draw(_TEXTS),
        "ordinal": ordinal,
        "status": "done",
        "text": text,
        "blocks": [{"role": "body", "start": 0, "end": len(text), "page_start": 3, "page_end": 3}],
        "spans": spans,
        "reviewer": draw(st.one_of(st.none(), _TEXTS)),
        "updated_at": "2026-01-01T00:00:00Z",
    }


def _dumps(value: object) -> str:
    """The standard encoder's bytes, with the three line breaks of str.splitlines() that
    JSON lets stand escaped (as every JSONL writer of ours writes them)."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


@settings(max_examples=300, deadline=None)
@given(record=records(), as_predictions=st.booleans())
def test_label_studio_task_is_the_standard_encoders_bytes(record, as_predictions):
    text = record["text"]
    result = [
        {
            "id": f"{record['id']}:{i}",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {
                "start": s["start"],
                "end": s["end"],
                "text": s["text"],
                "labels": [s["label"]],
            },
        }
        for i, s in enumerate(record["spans"])
    ]
    for item, span in zip(result, record["spans"], strict=True):
        if span["attrs"]:  # a region's meta carries the span's attributes
            item["meta"] = {"attrs": span["attrs"]}
    task: dict = {
        "data": {
            "text": text,
            "article_id": record["id"],
            "page_id": record["page_id"],
            "ordinal": record["ordinal"],
            "source": record["source"],
        }
    }
    if as_predictions:
        task["predictions"] = [{"model_version": "annotator", "result": result}]
    else:
        task["annotations"] = [{"result": result}]
    written = labelstudio.task_json(record, as_predictions)
    assert written == _dumps(task)
    assert written == _dumps(labelstudio.task(record, as_predictions))


@settings(max_examples=300, deadline=None)
@given(record=records())
def test_doccano_line_is_the_standard_encoders_bytes(record):
    text = record["text"]
    expected = {
        "text": text,
        "label": [
            [_units(text[: s["start"]]), _units(text[: s["end"]]), s["label"]]
            for s in record["spans"]
        ],
        "article_id": record["id"],
        "page_id": record["page_id"],
        "ordinal": record["ordinal"],
        "source": record["source"],
    }
    attrs = [
        [_units(text[: s["start"]]), _units(text[: s["end"]]), s["label"], s["attrs"]]
        for s in record["spans"]
        if s["attrs"]
    ]
    if attrs:  # the extra key only on lines with span attributes
        expected["span_attrs"] = attrs
    assert doccano.line(record) == _dumps(expected) + "\n"


@settings(max_examples=300, deadline=None)
@given(record=records())
def test_gold_record_template_is_the_standard_encoders_bytes(record):
    assert gold_record(record) == _dumps(record)


def test_a_record_of_another_shape_is_written_by_the_standard_encoder():
    record = {
        "id": "p#1",
        "page_id": "p",
        "source": "s",
        "ordinal": 1,
        "text": "中文",
        "spans": [{"start": 0, "end": 1, "label": "PER", "text": "中"}],
    }
    odd = {**record, "ordinal": 1.5}  # not an int: the template would write 1
    assert (
        doccano.line(odd)
        == _dumps(
            {
                "text": "中文",
                "label": [[0, 1, "PER"]],
                "article_id": "p#1",
                "page_id": "p",
                "ordinal": 1.5,
                "source": "s",
            }
        )
        + "\n"
    )
    assert labelstudio.task_json(odd) == _dumps(labelstudio.task(odd))


@settings(max_examples=100, deadline=None)
@given(record=records(), as_predictions=st.booleans())
def test_a_plain_record_is_written_by_the_templates_not_by_the_encoder(record, as_predictions):
    """The templates fall back on the encoder for odd shapes; a plain record must not (a key
    or template gone wrong would otherwise pass every byte test above, only slower)."""
    import pytest

    from annotator.formats import fastjson

    for span in record["spans"]:
        span["attrs"] = {}  # attributes are the encoder's on purpose
    expected = (
        gold_record(record),
        doccano.line(record),
        labelstudio.task_json(record, as_predictions),
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fastjson, "dumps", lambda _value: pytest.fail("fell back on the encoder"))
        assert gold_record(record) == expected[0]
        assert doccano.line(record) == expected[1]
        assert labelstudio.task_json(record, as_predictions) == expected[2]
