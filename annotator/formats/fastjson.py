"""JSON text of the export's fixed record shapes, written by hand and byte for byte what
``json.dumps(value, ensure_ascii=False, allow_nan=False)`` writes.

The standard encoder walks a dict per span (eight keys, re-encoded each time): for the
~15 spans of an article that was the largest part of an export's time. Here each shape is
one ``%`` template whose strings go through the C string encoder the standard encoder uses
itself; anything not of the expected shape (extra keys, another type) is handed to the
standard encoder instead, so the output never differs from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring
from typing import Any

__all__ = ["dumps", "gold_record", "string", "string_or_null"]

#: The standard encoder, with the export's settings (UTF-8 text, no NaN).
dumps: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
#: A JSON string literal (what the standard encoder writes for a str; TypeError otherwise).
string: Callable[[str], str] = encode_basestring

#: The keys of a Gold JSONL v1 record, block and span, in order (the templates below are
#: written for exactly these; ``gold_jsonl`` takes its contract's keys from here).
RECORD_KEYS: tuple[str, ...] = (
    "id",
    "page_id",
    "source",
    "ordinal",
    "status",
    "text",
    "blocks",
    "spans",
    "reviewer",
    "updated_at",
)
BLOCK_KEYS: tuple[str, ...] = ("role", "start", "end", "page_start", "page_end")
SPAN_KEYS: tuple[str, ...] = (
    "start", "end", "label", "text", "page_start", "page_end", "origin", "attrs"
)  # fmt: skip
_RECORD = (
    '{"id": %s, "page_id": %s, "source": %s, "ordinal": %d, "status": %s, "text": %s, '
    '"blocks": [%s], "spans": [%s], "reviewer": %s, "updated_at": %s}'
)
_BLOCK = '{"role": %s, "start": %d, "end": %d, "page_start": %d, "page_end": %d}'
_SPAN = (
    '{"start": %d, "end": %d, "label": %s, "text": %s, "page_start": %d, "page_end": %d, '
    '"origin": %s, "attrs": %s}'
)


def string_or_null(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def gold_record(record: dict[str, Any]) -> str:
    """``dumps(record)`` of a Gold JSONL v1 article record.

    Positions are written with ``%d``: they are ints by construction (SQLite INTEGER
    columns and code-point arithmetic; :func:`~.base.check_record` slices with them).
    """
    try:
        return _gold_record(record)
    except (TypeError, KeyError, ValueError):
        return dumps(record)


def _gold_record(r: dict[str, Any]) -> str:
    if tuple(r) != RECORD_KEYS:
        raise ValueError("not the shape of a gold record")
    return _RECORD % (
        encode_basestring(r["id"]),
        encode_basestring(r["page_id"]),
        encode_basestring(r["source"]),
        r["ordinal"],
        encode_basestring(r["status"]),
        encode_basestring(r["text"]),
        blocks(r["blocks"]),
        spans(r["spans"]),
        string_or_null(r["reviewer"]),
        encode_basestring(r["updated_at"]),
    )


def _shaped(items: Sequence[dict[str, Any]], keys: tuple[str, ...]) -> None:
    if not all(map(keys.__eq__, map(tuple, items))):
        raise ValueError("not the expected keys")


def blocks(items: Sequence[dict[str, Any]]) -> str:
    """The inside of the JSON array of a record's blocks (no brackets)."""
    _shaped(items, BLOCK_KEYS)
    enc = encode_basestring
    return ", ".join(
        [_BLOCK % (enc(b["role"]), b["start"], b["end"], b["page_start"], b["page_end"])
         for b in items]
    )  # fmt: skip


def spans(items: Sequence[dict[str, Any]]) -> str:
    """The inside of the JSON array of a record's spans (no brackets)."""
    _shaped(items, SPAN_KEYS)
    enc = encode_basestring
    # The empty attributes of nearly every span are written without a call.
    return ", ".join(
        [_SPAN % (s["start"], s["end"], enc(s["label"]), enc(s["text"]), s["page_start"],
                  s["page_end"], enc(s["origin"]),
                  "{}" if (a := s["attrs"]).__class__ is dict and not a else dumps(a))
         for s in items]
    )  # fmt: skip
