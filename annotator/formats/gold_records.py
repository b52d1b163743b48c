"""Gold JSONL v1 in the format registry: its writers, and its files read back for import."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from annotator.formats import gold_jsonl
from annotator.formats.base import Imported, ImportFormatError, PathOrStream, Progress
from annotator.formats.gold_jsonl import GoldFormatError, read_jsonl


def read(path: str | os.PathLike[str], **_: Any) -> Iterator[Imported]:
    """Each record of a Gold JSONL v1 file as an :class:`Imported` document."""
    try:
        for n, record in enumerate(read_jsonl(path), start=1):
            spans = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
            doc = Imported(
                record["text"],
                spans,
                f"{os.fspath(path)}:{n}",
                record["page_id"],
                record["ordinal"],
            )
            doc.completed = record["status"] == "done"
            doc.attrs = {
                k: s["attrs"] for k, s in zip(spans, record["spans"], strict=True) if s["attrs"]
            }
            yield doc
    except GoldFormatError as e:
        raise ImportFormatError(str(e)) from None
    except OSError as e:
        raise ImportFormatError(f"{os.fspath(path)}: {e.strerror or e}") from None


def write_jsonl(
    records: Iterable[dict[str, Any]],
    target: PathOrStream,
    progress: Progress | None = None,
    **_: Any,
) -> int:
    """Gold JSONL v1 through the registry's writer interface (options are ignored)."""
    return gold_jsonl.write_jsonl(records, target, progress)


def write_json(
    records: Iterable[dict[str, Any]],
    target: PathOrStream,
    progress: Progress | None = None,
    **_: Any,
) -> int:
    """The Gold records as one JSON array, through the registry's writer interface."""
    return gold_jsonl.write_json(records, target, progress)
