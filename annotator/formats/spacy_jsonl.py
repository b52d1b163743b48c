"""spaCy-style JSONL: ``text``, character ``spans`` and one token per character.

One line per article::

    {"text": "…", "spans": [{"start": 3, "end": 6, "label": "PER", "token_start": 3,
     "token_end": 5}], "tokens": [{"text": "邓", "start": 0, "end": 1, "id": 0, "ws": false}, …],
     "meta": {"id": "p#1", "page_id": "p", "ordinal": 1, "source": "…"}}

Chinese text has no spaces between words, so every character is a token (as spaCy's
``zh`` ``char`` segmenter does), and ``token_end`` is inclusive, as in Prodigy's JSONL.
Offsets are Python code points, as spaCy's ``Doc.char_span`` expects. A span with
attributes (a figure's value and unit) also has ``"attrs": {…}``, read back on import.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

from annotator.formats import fastjson
from annotator.formats.base import (
    Imported,
    ImportFormatError,
    PathOrStream,
    Progress,
    emit_lines,
    json_lines,
    write_text,
)

_dumps = fastjson.dumps
string = fastjson.string


# Between the characters of the token list: the end of token i and the start of token i+1
# ('","start":0,"end":1,"id":0,"ws":false},{"text":"'), by position, built once, shared by
# every article. The list is then the article's characters interleaved with these pieces,
# one slice assignment and one join per article instead of work per character.
_BETWEEN: list[str] = []


def _between(n: int) -> list[str]:
    for i in range(len(_BETWEEN), n):
        _BETWEEN.append(f'","start":{i},"end":{i + 1},"id":{i},"ws":false}},{{"text":"')
    return _BETWEEN


# Characters JSON escapes (what the standard encoder writes for them inside a string).
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')
_ESCAPED = {chr(c): _dumps(chr(c))[1:-1] for c in range(0x20)} | {'"': '\\"', "\\": "\\\\"}


def _tokens(text: str) -> str:
    """The token objects of ``text``, one per character, comma-separated (no brackets)."""
    return _with_tokens("", text, "")


def _with_tokens(head: str, text: str, tail: str) -> str:
    """``head``, the token objects of ``text`` (see :func:`_tokens`), ``tail``: in one join,
    because the tokens are most of a line (~60 bytes a character) and every concatenation
    after the join copied all of it again."""
    n = len(text)
    if not n:
        return head + tail
    chars = list(text)
    # Only the few characters that need it are replaced (nearly every article has line
    # breaks): no work for the others.
    for m in _NEEDS_ESCAPE.finditer(text):
        chars[m.start()] = _ESCAPED[m.group()]
    parts: list[str] = [""] * (2 * n + 1)
    parts[0] = head + '{"text":"'
    parts[1::2] = chars
    parts[2::2] = _between(n)[:n]
    last = n - 1
    # The last piece closes the last token instead of opening another.
    parts[-1] = f'","start":{last},"end":{n},"id":{last},"ws":false}}' + tail
    return "".join(parts)


def _span(span: dict[str, Any]) -> dict[str, Any]:
    out = {
        "start": span["start"],
        "end": span["end"],
        "label": span["label"],
        "token_start": span["start"],
        "token_end": span["end"] - 1,
    }
    if span.get("attrs"):  # only where there are some: other lines keep their bytes
        out["attrs"] = span["attrs"]
    return out


_SPAN = '{"start": %d, "end": %d, "label": %s, "token_start": %d, "token_end": %d}'


def _spans_json(spans: list[dict[str, Any]]) -> str:
    """``_dumps`` of the spans' objects, written by hand for plain spans (the same bytes):
    spans with attributes, or positions that are not ints (``%d`` would write a bool or a
    float as another number), go to the encoder."""
    if all(
        not s.get("attrs") and s["start"].__class__ is int and s["end"].__class__ is int
        for s in spans
    ):
        with contextlib.suppress(TypeError):
            inside = ", ".join(
                [_SPAN % (s["start"], s["end"], string(s["label"]), s["start"], s["end"] - 1)
                 for s in spans]
            )  # fmt: skip
            return f"[{inside}]"
    return _dumps([_span(s) for s in spans])


_META = '{"id": %s, "page_id": %s, "ordinal": %d, "source": %s}'


def _meta_json(record: dict[str, Any]) -> str:
    """``_dumps`` of the line's ``meta`` object, by a template for the usual values (the
    same bytes; the encoder walked a dict for every line); anything else to the encoder."""
    if record["ordinal"].__class__ is int:
        with contextlib.suppress(TypeError):  # a value that is not a str
            return _META % (
                string(record["id"]),
                string(record["page_id"]),
                record["ordinal"],
                string(record["source"]),
            )
    meta = {
        "id": record["id"],
        "page_id": record["page_id"],
        "ordinal": record["ordinal"],
        "source": record["source"],
    }
    return _dumps(meta)


def line(record: dict[str, Any]) -> str:
    """The JSONL line of one Gold JSONL v1 article record (with its newline)."""
    spans = _spans_json(record["spans"])
    text = record["text"]
    head = f'{{"text":{string(text)},"spans":{spans},"tokens":['
    return fastjson.line_safe(_with_tokens(head, text, f'],"meta":{_meta_json(record)}}}\n'))


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
                key = (int(span["start"]), int(span["end"]), str(span["label"]))
            except (KeyError, TypeError, ValueError):
                doc.problems.append(f"{span!r} is not a span with start, end and label")
                continue
            doc.spans.append(key)
            if isinstance(span.get("attrs"), dict) and span["attrs"]:
                doc.attrs[key] = span["attrs"]
        yield doc
