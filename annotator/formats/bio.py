"""Character-level BIO and BIOES export of the gold articles (the CoNLL column layout).

One character and its tag per line, a blank line after every sentence (and so between
articles), as the public Chinese NER corpora are laid out; :mod:`annotator.formats.conll`
reads these files back (``annotator import --format conll``). Sentences are cut at line
breaks and after sentence-ending punctuation, never inside a span (``split`` option:
``sentence``, ``line``, or ``none`` for one sequence per article).

A character can carry one tag only: where gold spans nest (a FIGURE inside an ORG), the
longest span is written and the spans inside it are left out. Whitespace cannot be
written in this layout and is left out, the spans shifted to match.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter, le
from typing import Any

from annotator.formats.base import PathOrStream, Progress, emit_lines, write_text
from annotator.formats.conll import Entity, conll_text

_ENTITY = itemgetter("start", "end", "label")
_START, _END = itemgetter(0), itemgetter(1)


def outermost(spans: Sequence[dict[str, Any]]) -> list[Entity]:
    """Non-overlapping ``(start, end, label)`` of article spans: the longest first wins."""
    items = sorted(map(_ENTITY, spans))
    # Each span ends before the next begins: nothing nests or overlaps (the usual case),
    # every span is kept. (Compared in C: this runs for every exported article.)
    if all(map(le, map(_END, items), map(_START, items[1:]))):
        return items
    chosen: list[Entity] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (s["start"] - s["end"], s["start"], s["label"])):
        covered = range(span["start"], span["end"])
        if not taken.intersection(covered):
            chosen.append((span["start"], span["end"], span["label"]))
            taken.update(covered)
    return sorted(chosen)


def _lines(records: Iterable[dict[str, Any]], scheme: str, split: str) -> Iterator[str]:
    for record in records:
        yield conll_text(record["text"], outermost(record["spans"]), scheme=scheme, split=split)


def _write(
    records: Iterable[dict[str, Any]],
    target: PathOrStream,
    scheme: str,
    progress: Progress | None,
    split: str,
) -> int:
    return write_text(target, emit_lines(_lines(records, scheme, split), progress))


def write_bio(
    records: Iterable[dict[str, Any]],
    target: PathOrStream,
    progress: Progress | None = None,
    split: str = "sentence",
    **_: Any,
) -> int:
    """Write the articles as BIO; returns how many articles were written."""
    return _write(records, target, "BIO", progress, split)


def write_bioes(
    records: Iterable[dict[str, Any]],
    target: PathOrStream,
    progress: Progress | None = None,
    split: str = "sentence",
    **_: Any,
) -> int:
    """Write the articles as BIOES; returns how many articles were written."""
    return _write(records, target, "BIOES", progress, split)
