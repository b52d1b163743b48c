"""spaCy's binary ``.spacy`` format (``DocBin``), for ``spacy train`` (needs spaCy).

Each article becomes a ``Doc`` with one token per character (Chinese has no spaces), its
spans in ``doc.spans["sc"]`` (for the span categoriser) and, when they do not overlap,
also as ``doc.ents`` (for the entity recogniser). The article id, page id and ordinal go
in ``doc.user_data``. spaCy is an optional extra: ``pip install "annotator[spacy]"``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from annotator.formats.base import (
    ExportCancelled,
    ExportError,
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
    spans = [doc.char_span(s["start"], s["end"], label=s["label"]) for s in record["spans"]]
    doc.spans[SPANS_KEY] = spans
    ordered = sorted(spans, key=lambda x: (x.start, x.end))
    if all(a.end <= b.start for a, b in zip(ordered, ordered[1:], strict=False)):
        doc.ents = ordered
    doc.user_data["id"] = record["id"]
    doc.user_data["page_id"] = record["page_id"]
    doc.user_data["ordinal"] = record["ordinal"]
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
        yield Imported(
            doc.text,
            [(s.start_char, s.end_char, s.label_) for s in spans],
            f"{name}: doc {i}",
            doc.user_data.get("page_id"),
            doc.user_data.get("ordinal"),
        )
