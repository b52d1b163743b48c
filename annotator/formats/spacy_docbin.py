"""spaCy's binary ``.spacy`` format (``DocBin``), for ``spacy train`` (needs spaCy).

Each article becomes a ``Doc`` with one token per character (Chinese has no spaces), its
spans in ``doc.spans["sc"]`` (for the span categoriser) and, when they do not overlap,
also as ``doc.ents`` (for the entity recogniser). The article id, page id, ordinal and
source go in ``doc.user_data``, as in the spaCy JSONL's ``meta``; so do the attributes of
the spans that have any (a figure's value and unit, a date's parts), under ``span_attrs``
as JSON text of ``[[start, end, label, {…}], …]`` in code points: JSON text, because a
DocBin gives lists inside ``user_data`` back as tuples, and attributes must come back
exactly. They are read back on import. spaCy is an optional extra:
``pip install "annotator[spacy]"``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

from annotator.formats.base import (
    ExportCancelled,
    ExportError,
    ExportValidationError,
    Imported,
    ImportFormatError,
    PathOrStream,
    Progress,
    write_bytes,
)
from annotator.messages import msg

MISSING = msg(
    "the 'spacy' format needs spaCy, which is not installed; "
    'install it with: pip install "annotator[spacy]"'
)
SPANS_KEY = "sc"
ATTRS_KEY = "span_attrs"


class SpacyMissing(ExportError):
    """spaCy is not installed."""

    def __init__(self) -> None:
        Exception.__init__(self, MISSING)
        self.path = ""
        self.reason = MISSING


def _spacy() -> Any:
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError:
        raise SpacyMissing() from None
    return spacy, DocBin


def _doc(vocab: Any, record: dict[str, Any]) -> Any:
    from spacy.tokens import Doc

    text = record["text"]
    doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
    spans = []
    for s in record["spans"]:
        span = doc.char_span(s["start"], s["end"], label=s["label"])
        if span is None:  # cannot happen with a token per character; never drop a span
            raise ExportValidationError(
                record["id"], f"no spaCy span at [{s['start']}, {s['end']})"
            )
        spans.append(span)
    doc.spans[SPANS_KEY] = spans
    ordered = sorted(spans, key=lambda x: (x.start, x.end))
    if all(a.end <= b.start for a, b in zip(ordered, ordered[1:], strict=False)):
        doc.ents = ordered
    for key in ("id", "page_id", "ordinal", "source"):
        doc.user_data[key] = record[key]
    attrs = [
        [s["start"], s["end"], s["label"], s["attrs"]] for s in record["spans"] if s.get("attrs")
    ]
    if attrs:
        doc.user_data[ATTRS_KEY] = json.dumps(attrs, ensure_ascii=False)
    return doc


def write(
    records: Iterable[dict[str, Any]],
    target: PathOrStream,
    progress: Progress | None = None,
    **_: Any,
) -> int:
    """Write a DocBin of the articles; returns the count."""
    spacy, doc_bin = _spacy()
    vocab = spacy.vocab.Vocab()
    docs = doc_bin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    n = 0
    for record in records:
        docs.add(_doc(vocab, record))
        n += 1
        if progress is not None and progress(n) is False:
            raise ExportCancelled(n)
    write_bytes(target, docs.to_bytes())
    return n


def read(path: str | os.PathLike[str], **_: Any) -> Iterator[Imported]:
    """Documents of a ``.spacy`` file: spans from ``doc.spans["sc"]``, else ``doc.ents``."""
    spacy, doc_bin = _spacy()
    name = os.fspath(path)
    try:
        with open(path, "rb") as f:
            docs = list(doc_bin().from_bytes(f.read()).get_docs(spacy.vocab.Vocab()))
    except (OSError, ValueError) as e:
        raise ImportFormatError(f"{name}: not a spaCy DocBin ({e})") from None
    for i, doc in enumerate(docs, start=1):
        spans = doc.spans.get(SPANS_KEY, doc.ents)
        imported = Imported(
            doc.text,
            [(s.start_char, s.end_char, s.label_) for s in spans],
            f"{name}: doc {i}",
            doc.user_data.get("page_id"),
            doc.user_data.get("ordinal"),
        )
        _read_attrs(doc.user_data.get(ATTRS_KEY), imported)
        yield imported


def _read_attrs(raw: Any, doc: Imported) -> None:
    """The span attributes of ``user_data`` (JSON text) into ``doc.attrs``."""
    if raw is None:
        return
    try:
        entries = json.loads(raw)
    except (TypeError, ValueError):
        doc.problems.append(f"{ATTRS_KEY} is not JSON text; span attributes skipped")
        return
    for entry in entries if isinstance(entries, list) else [entries]:
        ok = isinstance(entry, list) and len(entry) == 4 and isinstance(entry[3], dict)
        if ok and all(isinstance(x, int) for x in entry[:2]) and isinstance(entry[2], str):
            doc.attrs[(entry[0], entry[1], entry[2])] = entry[3]
        else:
            doc.problems.append(f"{ATTRS_KEY}: {entry!r} is not [start, end, label, {{…}}]")
