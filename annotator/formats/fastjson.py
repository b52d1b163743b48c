"""JSON text of the export's fixed record shapes, written by hand and byte for byte what
``json.dumps(value, ensure_ascii=False, allow_nan=False)`` writes, but for three characters
that JSON lets stand and line readers do not (:func:`line_safe`).

The standard encoder walks a dict per span (eight keys, re-encoded each time): for the
~15 spans of an article that was the largest part of an export's time. Here each shape is
one f-string whose strings go through the C string encoder the standard encoder uses
itself; anything not of the expected shape (extra keys, another type) is handed to the
standard encoder instead, so the output never differs from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from itertools import chain
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

__all__ = ["dumps", "gold_record", "line_safe", "string", "string_or_null"]

#: The standard encoder, with the export's settings (UTF-8 text, no NaN).
_encode: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode

# U+2028, U+2029 and U+0085 (NEL) are valid unescaped in a JSON string, but Python's
# str.splitlines() (and JavaScript before ES2019) breaks lines at them: a reader of JSONL
# that splits the file that way gets half a record. Outside strings JSON text holds none
# of them, so escaping them anywhere in a line is exact.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def line_safe(text: str) -> str:
    """``text`` (JSON text) with U+2028, U+2029 and U+0085 written as \\u escapes; the
    same string, not copied, when it holds none of them (nearly always)."""
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        return text.translate(_LINE_BREAKS)
    return text


def dumps(value: Any) -> str:
    """The standard encoder's JSON of ``value`` (UTF-8 text, no NaN), made line-safe."""
    return line_safe(_encode(value))


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


def string_or_null(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def gold_record(record: dict[str, Any]) -> str:
    """``dumps(record)`` of a Gold JSONL v1 article record.

    Positions are written as ``str(int)`` does: they are ints by construction (SQLite
    INTEGER columns and code-point arithmetic; :func:`~.base.check_record` slices with them).
    """
    try:
        return line_safe(_gold_record(record))
    except (TypeError, KeyError, ValueError):
        return dumps(record)


def _gold_record(r: dict[str, Any]) -> str:
    if tuple(r) != RECORD_KEYS:
        raise ValueError("not the shape of a gold record")
    enc = encode_basestring
    if r["ordinal"].__class__ is not int:
        raise TypeError("the ordinal is not an int")
    # f-strings: the pieces are joined once, each copied once (a %-template is parsed
    # anew for every record and span, and its result copied again as it widens).
    return (
        f'{{"id": {enc(r["id"])}, "page_id": {enc(r["page_id"])}, '
        f'"source": {enc(r["source"])}, "ordinal": {r["ordinal"]}, '
        f'"status": {enc(r["status"])}, "text": {enc(r["text"])}, '
        f'"blocks": [{blocks(r["blocks"])}], "spans": [{spans(r["spans"])}], '
        f'"reviewer": {string_or_null(r["reviewer"])}, "updated_at": {enc(r["updated_at"])}}}'
    )


def _shaped(items: Sequence[dict[str, Any]], keys: tuple[str, ...]) -> None:
    """ValueError unless every item has exactly ``keys``, in order, and TypeError unless
    its positions are ints (an f-string would write another type as no JSON encoder does)."""
    if not all(map(keys.__eq__, map(tuple, items))):
        raise ValueError("not the expected keys")
    if not _INT.issuperset(map(type, chain.from_iterable(map(_POSITIONS, items)))):
        raise TypeError("a position is not an int")


_POSITIONS = itemgetter("start", "end", "page_start", "page_end")
_INT = frozenset({int})


def blocks(items: Sequence[dict[str, Any]]) -> str:
    """The inside of the JSON array of a record's blocks (no brackets)."""
    _shaped(items, BLOCK_KEYS)
    enc = encode_basestring
    return ", ".join(
        [f'{{"role": {enc(b["role"])}, "start": {b["start"]}, "end": {b["end"]}, '
         f'"page_start": {b["page_start"]}, "page_end": {b["page_end"]}}}'
         for b in items]
    )  # fmt: skip


def spans(items: Sequence[dict[str, Any]]) -> str:
    """The inside of the JSON array of a record's spans (no brackets)."""
    _shaped(items, SPAN_KEYS)
    enc = encode_basestring
    # The empty attributes of nearly every span are written without a call.
    return ", ".join(
        [f'{{"start": {s["start"]}, "end": {s["end"]}, "label": {enc(s["label"])}, '
         f'"text": {enc(s["text"])}, "page_start": {s["page_start"]}, '
         f'"page_end": {s["page_end"]}, "origin": {enc(s["origin"])}, "attrs": '
         f'{"{}" if (a := s["attrs"]).__class__ is dict and not a else attrs(a)}}}'
         for s in items]
    )  # fmt: skip


def attrs(value: Any) -> str:
    """``dumps(value)`` of a span's attributes, remembered for flat dicts of string keys and
    string, int, boolean or null values (the same few recur on many spans: a year, a unit).

    The key holds each value's type beside it: ``True == 1`` and ``1 == 1.0``, but their
    JSON differs (floats are never remembered: ``0.0 == -0.0``)."""
    if value.__class__ is not dict:
        return dumps(value)
    try:
        key = (tuple(value.items()), tuple(map(type, value.values())))
        text = _ATTRS_JSON.get(key)
    except TypeError:  # a list or dict inside: not hashable
        return dumps(value)
    if text is None:
        text = dumps(value)
        if _PLAIN.issuperset(key[1]) and _STR.issuperset(map(type, value)):
            if len(_ATTRS_JSON) >= _ATTRS_JSON_MAX:
                _ATTRS_JSON.clear()
            _ATTRS_JSON[key] = text
    return text


_ATTRS_JSON: dict[tuple[tuple[Any, ...], tuple[type, ...]], str] = {}
_ATTRS_JSON_MAX = 4096
_PLAIN = frozenset({str, int, bool, type(None)})
_STR = frozenset({str})  # keys: {True: 1} and {1: 1} are equal too
