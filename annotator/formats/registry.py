"""The table of export and import formats: adding a format is one entry in ``FORMATS``.

A :class:`Format` names the functions that write and (optionally) read it, by
``"module:function"`` so that a format's dependencies (spaCy) load only when it is used.

* An ``article`` format's writer is called as ``write(records, target, progress=None,
  **options)`` with Gold JSONL v1 article records (already checked by
  :func:`~annotator.formats.base.check_record`), and returns how many it wrote.
  A format with ``records="text"`` gets text records instead
  (:func:`~annotator.formats.gold_jsonl.export_text_records`: id, page_id, source,
  ordinal, text and spans with start, end, label, text, attrs), all its writer reads.
* A ``page`` format's writer gets ``(page, blocks, spans)`` triples instead.
* A reader is called as ``read(path, **options)`` and yields
  :class:`~annotator.formats.base.Imported` documents (code-point offsets); a ``page``
  format's reader returns whole pages with their blocks instead
  (:class:`~annotator.formats.segmentation.SegmentedPage`), which
  :func:`annotator.pipeline.import_segmentation` stores.

``target`` is a path or a text stream; ``folder`` formats need a path (a folder).
Options the CLI passes: ``as_predictions`` (Label Studio), ``labels`` (the configured
label names, for formats that list them).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["FORMATS", "Format", "export_names", "import_names"]


@dataclass(frozen=True)
class Format:
    """One file format: how it is written and read, and what it holds."""

    name: str
    help: str
    writer: str  # "module:function"
    reader: str | None = None
    unit: str = "article"  # "article" (Gold records) or "page" (page, blocks, spans)
    suffix: str = ".jsonl"  # of the file each split writes; "" for a folder
    binary: bool = False
    records: str = "gold"  # an article format's records: "gold" (whole) or "text"

    @property
    def folder(self) -> bool:
        return self.suffix == ""

    def write(self) -> Callable[..., int]:
        return _load(self.writer)

    def read(self) -> Callable[..., Any]:
        if self.reader is None:
            raise ValueError(f"the {self.name} format cannot be imported")
        return _load(self.reader)


def _load(ref: str) -> Callable[..., Any]:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


_F = "annotator.formats."

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("jsonl", "Gold JSONL v1, one article per line", _F + "gold_records:write_jsonl",
               _F + "gold_records:read"),
        Format("json", "the Gold JSONL v1 records as one JSON array", _F + "gold_records:write_json",
               suffix=".json"),
        Format("spacy", "spaCy DocBin (.spacy), a token per character; needs spaCy",
               _F + "spacy_docbin:write", _F + "spacy_docbin:read", suffix=".spacy", binary=True, records="text"),
        Format("spacy-jsonl", "spaCy-style JSONL: text, spans, character tokens",
               _F + "spacy_jsonl:write", _F + "spacy_jsonl:read", records="text"),
        Format("labelstudio", "Label Studio JSON tasks (code-point offsets)",
               _F + "labelstudio:write", _F + "labelstudio:read", suffix=".json",
               records="text"),
        Format("doccano", "doccano sequence-labelling JSONL (UTF-16 offsets)",
               _F + "doccano:write", _F + "doccano:read", records="text"),
        Format("brat", "BRAT standoff folder: .txt and .ann per article",
               _F + "brat:write", _F + "brat:read", suffix="", records="text"),
        Format("bio", "character-per-line BIO tags (CoNLL layout; read back by --format conll)",
               _F + "bio:write_bio", suffix=".bio", records="text"),
        Format("bioes", "character-per-line BIOES tags (CoNLL layout)",
               _F + "bio:write_bioes", suffix=".bioes", records="text"),
        Format("segmentation", "per page: text, blocks with roles, articles, joins",
               _F + "segmentation:write", _F + "segmentation:read", unit="page"),
    )
}  # fmt: skip


def export_names() -> list[str]:
    return list(FORMATS)


def import_names() -> list[str]:
    return [name for name, f in FORMATS.items() if f.reader is not None]
