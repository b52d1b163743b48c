"""Segmentation records for training page splitters: one JSON line per page.

Each line holds the whole page text and its reviewed structure, in page offsets (code
points)::

    {"page_id": "…", "paper": "…", "source": "…", "status": "done", "reviewer": "…",
     "updated_at": "…", "text": "<page text>",
     "blocks": [{"start": 0, "end": 8, "role": "other", "article": null,
                 "joins_previous": false}, …],
     "articles": [{"ordinal": 1, "blocks": [1, 2, 4, 5], "page_start": 10, "page_end": 90,
                   "text": "<clean article text>"}, …],
     "joins": [[4, 5]]}

``blocks`` are in page order; ``article`` is the article's ordinal (1..k in order of first
block) or null for page furniture; ``joins`` pairs a block with the earlier block of its
article that it continues (a paragraph cut by a column break). ``text[start:end]`` of a
block is its text, always.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from annotator.formats.base import (
    ExportValidationError,
    PathOrStream,
    Progress,
    emit_lines,
    write_text,
)
from annotator.formats.fastjson import dumps
from annotator.messages import msg
from annotator.model import Block, Page, Span
from annotator.text import derive_articles


def record(page: Page, blocks: Sequence[Block]) -> dict[str, Any]:
    """The segmentation record of one page; raises ExportValidationError on bad blocks."""
    ordered = sorted(blocks, key=lambda b: (b.start, b.end))
    try:
        articles = derive_articles(page.text, ordered)
    except ValueError as e:
        raise ExportValidationError(
            page.id, msg("the blocks do not fit the page ({error})", error=str(e))
        ) from None
    ordinal = {number: n for n, number in enumerate(articles, start=1)}
    members: dict[int, list[int]] = {}
    joins = []
    last_of: dict[int, int] = {}
    for i, b in enumerate(ordered):
        if b.article is None:
            continue
        members.setdefault(b.article, []).append(i)
        if b.joins_previous and b.article in last_of:
            joins.append([last_of[b.article], i])
        last_of[b.article] = i
    return {
        "page_id": page.id,
        "paper": page.paper,
        "source": page.source,
        "status": page.status,
        "reviewer": page.reviewer,
        "updated_at": page.updated_at,
        "text": page.text,
        "blocks": [
            {
                "start": b.start,
                "end": b.end,
                "role": b.role,
                "article": None if b.article is None else ordinal[b.article],
                "joins_previous": b.joins_previous,
            }
            for b in ordered
        ],
        "articles": [
            {
                "ordinal": ordinal[number],
                "blocks": members[number],
                "page_start": ordered[members[number][0]].start,
                "page_end": max(ordered[i].end for i in members[number]),
                "text": article.text,
            }
            for number, article in articles.items()
        ],
        "joins": joins,
    }


def write(
    pages: Iterable[tuple[Page, Sequence[Block], Sequence[Span]]],
    target: PathOrStream,
    progress: Progress | None = None,
    **_: Any,
) -> int:
    """Write one line per page; returns the number of pages."""
    lines = (dumps(record(page, blocks)) + "\n" for page, blocks, _spans in pages)
    return write_text(target, emit_lines(lines, progress))
