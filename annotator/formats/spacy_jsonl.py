"""spaCy-style JSONL: ``text``, character ``spans`` and one token per character.

One line per article::

    {"text": "…", "spans": [{"start": 3, "end": 6, "label": "PER", "token_start": 3,
     "token_end": 5}], "tokens": [{"text": "邓", "start": 0, "end": 1, "id": 0, "ws": false}, …],
     "meta": {"id": "p#1", "page_id": "p", "ordinal": 1, "source": "…"}}

Chinese text has no spaces between words, so every character is a token (as spaCy's
``zh`` ``char`` segmenter does), and ``token_end`` is inclusive, as in Prodigy's JSONL.
Offsets are Python code points, as spaCy's ``Doc.char_span`` expects.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from annotator.formats.base import (
    Imported,
    ImportFormatError,
    PathOrStream,
    Progress,
    emit_lines,
    json_lines,
    write_text,
)

_dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


@lru_cache(maxsize=65536)
def _quoted(char: str) -> str:
    return '{"text":' + _dumps(char)


# The part of a token after its text, by position: built once, shared by every article.
_TAILS: list[str] = []


def _tails(n: int) -> list[str]:
    for i in range(len(_TAILS), n):
        _TAILS.append(f',"start":{i},"end":{i + 1},"id":{i},"ws":false}}')
    return _TAILS


def _tokens(text: str) -> str:
    # Written by hand from cached pieces: a dict per character through json.dumps would
    # be several times slower, and an article has a token per character.
    return ",".join(map(str.__add__, map(_quoted, text), _tails(len(text))))


def line(record: dict[str, Any]) -> str:
    """The JSONL line of one Gold JSONL v1 article record (with its newline)."""
    spans = [
        {
            "start": s["start"],
            "end": s["end"],
            "label": s["label"],
            "token_start": s["start"],
            "token_end": s["end"] - 1,
        }
        for s in record["spans"]
    ]
    meta = {
        "id": record["id"],
        "page_id": record["page_id"],
        "ordinal": record["ordinal"],
        "source": record["source"],
    }
    return (
        f'{{"text":{_dumps(record["text"])},"spans":{_dumps(spans)},'
        f'"tokens":[{_tokens(record["text"])}],"meta":{_dumps(meta)}}}\n'
    )


def write(
    records: Iterable[dict[str, Any]],
    target: PathOrStream,
    progress: Progress | None = None,
    **_: Any,
) -> int:
    """Write one line per article; returns the count."""
    return write_text(target, emit_lines(map(line, records), progress))


def read(path: str | os.PathLike[str], **_: Any) -> Iterator[Imported]:
    """Documents of a spaCy-style JSONL file (``text`` and ``spans`` with start/end/label)."""
    for where, item in json_lines(path):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ImportFormatError(f"{where}: a line must be an object with a 'text' string")
        meta = item["meta"] if isinstance(item.get("meta"), dict) else {}
        doc = Imported(item["text"], [], where, meta.get("page_id"), meta.get("ordinal"))
        for span in item.get("spans") or []:
            try:
                doc.spans.append((int(span["start"]), int(span["end"]), str(span["label"])))
            except (KeyError, TypeError, ValueError):
                doc.problems.append(f"{span!r} is not a span with start, end and label")
        yield doc
