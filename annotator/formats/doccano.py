"""doccano sequence-labelling JSONL: ``{"text": …, "label": [[start, end, "LABEL"], …]}``.

One line per article, in the format doccano imports into a sequence-labelling project
(file format JSONL, label column ``label``); the other keys (``article_id``, ``page_id``,
``ordinal``, ``source``) become the example's metadata there. doccano's browser client
counts offsets in UTF-16 code units, so they are converted from our code points.

The reader takes doccano's own exports too: spans under ``label`` (or ``labels``) as
``[start, end, label]`` triples, or under ``entities`` as objects with ``start_offset``,
``end_offset`` and ``label``; our hints may sit at the top level or under ``meta``.
Span attributes (a figure's value and unit) go in the extra key ``span_attrs`` of the
lines that have any, and come back from it (top level or ``meta``).

A doccano line does not say whether its example was confirmed (doccano's export filters
on that instead: "Export only approved documents"), so the documents read have no
finished flag; import such an export with ``--status done``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from typing import Any

from annotator.formats import fastjson
from annotator.formats.base import (
    Imported,
    ImportFormatError,
    PathOrStream,
    Progress,
    Utf16,
    check_utf16,
    emit_lines,
    json_lines,
    write_text,
)
from annotator.formats.fastjson import string


def line(record: dict[str, Any]) -> str:
    """The doccano JSONL line of one Gold JSONL v1 article record (with its newline)."""
    text = record["text"]
    conv = Utf16(text)
    labels = []
    attrs = []
    for span in record["spans"]:
        s, e = span["start"], span["end"]
        us, ue = conv.to_utf16(s), conv.to_utf16(e)
        check_utf16(record["id"], text, conv, s, e, us, ue)
        labels.append([us, ue, span["label"]])
        if span.get("attrs"):
            attrs.append([us, ue, span["label"], span["attrs"]])
    # Written by hand: the bytes json.dumps(..., ensure_ascii=False) writes, faster. A line
    # with span attributes (an extra key) or an ordinal %d would write as another number
    # goes to the encoder, and so do values of unusual types (TypeError).
    if not attrs and record["ordinal"].__class__ is int:
        with contextlib.suppress(TypeError):
            return fastjson.line_safe(
                _LINE
                % (
                    string(text),
                    ", ".join([_LABEL % (us, ue, string(label)) for us, ue, label in labels]),
                    string(record["id"]),
                    string(record["page_id"]),
                    record["ordinal"],
                    string(record["source"]),
                )
            )
    item = {
        "text": text,
        "label": labels,
        "article_id": record["id"],
        "page_id": record["page_id"],
        "ordinal": record["ordinal"],
        "source": record["source"],
    }
    if attrs:
        item[ATTRS_KEY] = attrs
    return fastjson.dumps(item) + "\n"


#: The extra key of span attributes, ``[[start, end, label, {…}], …]`` in UTF-16 units
#: like ``label``: doccano keeps unknown keys as the example's metadata, and gives them
#: back in its export (at the top level or under ``meta``).
ATTRS_KEY = "span_attrs"

_LINE = (
    '{"text": %s, "label": [%s], "article_id": %s, "page_id": %s, "ordinal": %d, "source": %s}\n'
)
_LABEL = "[%d, %d, %s]"


def write(
    records: Iterable[dict[str, Any]],
    target: PathOrStream,
    progress: Progress | None = None,
    **_: Any,
) -> int:
    """Write one line per article; returns the count."""
    return write_text(target, emit_lines(map(line, records), progress))


def read(path: str | os.PathLike[str], **_: Any) -> Iterator[Imported]:
    """Documents of a doccano JSONL file; raises :class:`ImportFormatError`."""
    for where, item in json_lines(path):
        yield _document(item, where)


def _document(item: Any, where: str) -> Imported:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ImportFormatError(f"{where}: a line must be an object with a 'text' string")
    meta = item["meta"] if isinstance(item.get("meta"), dict) else {}
    page_id = item.get("page_id", meta.get("page_id"))
    ordinal = item.get("ordinal", meta.get("ordinal"))
    doc = Imported(
        item["text"],
        [],
        where,
        page_id if isinstance(page_id, str) else None,
        ordinal if isinstance(ordinal, int) and not isinstance(ordinal, bool) else None,
    )
    conv = Utf16(doc.text)
    _read_attrs(item.get(ATTRS_KEY, meta.get(ATTRS_KEY)), conv, doc)
    for triple in _triples(item, doc):
        us, ue, label = triple
        try:
            doc.spans.append((conv.to_code_point(us), conv.to_code_point(ue), label))
        except ValueError as exc:
            doc.problems.append(f"[{us}, {ue}) {label}: {exc}")
    return doc


def _triples(item: dict[str, Any], doc: Imported) -> Iterator[tuple[int, int, str]]:
    raw = item.get("label", item.get("labels"))
    entities = item.get("entities")
    if raw is None and isinstance(entities, list):
        raw = [
            [e.get("start_offset"), e.get("end_offset"), e.get("label")]
            for e in entities
            if isinstance(e, dict)
        ]
    for entry in raw or []:
        ok = isinstance(entry, (list, tuple)) and len(entry) == 3
        if ok and all(isinstance(x, int) for x in entry[:2]) and isinstance(entry[2], str):
            yield entry[0], entry[1], entry[2]
        else:
            doc.problems.append(f"{entry!r} is not [start, end, label]; skipped")


def _read_attrs(raw: Any, conv: Utf16, doc: Imported) -> None:
    """Span attributes of the extra key into ``doc.attrs`` (code points)."""
    for entry in raw if isinstance(raw, list) else []:
        ok = isinstance(entry, list) and len(entry) == 4 and isinstance(entry[3], dict)
        if not ok or not all(isinstance(x, int) for x in entry[:2]):
            doc.problems.append(f"{ATTRS_KEY}: {entry!r} is not [start, end, label, {{…}}]")
            continue
        try:
            s, e = conv.to_code_point(entry[0]), conv.to_code_point(entry[1])
        except ValueError as exc:
            doc.problems.append(f"{ATTRS_KEY}: {entry!r}: {exc}")
            continue
        doc.attrs[(s, e, str(entry[2]))] = entry[3]
