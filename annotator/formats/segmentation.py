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

:func:`read` takes such a file back (``annotator import --format segmentation``): each line
becomes a page with exactly that text and structure, so that exporting it again gives the
same bytes. The ``articles`` and ``joins`` of a line are derived data; when present they
must agree with its blocks. A line that does not hold together is refused with its file and
line number, and with it the whole file (:class:`SegmentationRefused`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.formats.base import (
    ExportValidationError,
    ImportFormatError,
    PathOrStream,
    Progress,
    emit_lines,
    write_text,
)
from annotator.formats.fastjson import dumps
from annotator.messages import msg
from annotator.model import PAGE_STATUSES, ROLES, Block, Page, Span
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


# --- reading (issue 12: round trip) ----------------------------------------------------

_ADVICE = "fix that line (or export the page again) and import the file again"
_TEXT = re.compile(r"\S")  # text outside every block may only be white space


class SegmentationRefused(ImportFormatError):
    """A segmentation file refused whole: names the file, the line, why and what to do."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(
            msg(
                "{where}: {reason}; {advice}",
                where=where,
                reason=reason,
                advice=_ADVICE if line else "check the file and import it again",
            )
        )
        self.path, self.line, self.reason = path, line, reason


@dataclass(frozen=True)
class SegmentedPage:
    """One line of a segmentation file: the page (text, paper, status …) and its blocks."""

    page: Page
    blocks: list[Block]
    line: int


class _Bad(ValueError):
    """Why one line is refused (the caller adds file and line)."""


def read(path: str | os.PathLike[str], **_: Any) -> list[SegmentedPage]:
    """The pages of a segmentation file, in file order; :class:`SegmentationRefused` when
    any line is malformed, so that the caller stores all of the file or nothing of it."""
    name = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            raw_lines = handle.read().split(b"\n")
    except OSError as exc:
        raise SegmentationRefused(
            name, 0, f"cannot read the file ({exc.strerror or exc})"
        ) from None
    out: list[SegmentedPage] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        try:
            page = _page(_json_object(raw, number), number)
        except _Bad as exc:
            raise SegmentationRefused(name, number, str(exc)) from None
        if page.page.id in seen:
            raise SegmentationRefused(
                name, number, f"page {page.page.id!r} is on line {seen[page.page.id]} already"
            )
        seen[page.page.id] = number
        out.append(page)
    if not out:
        raise SegmentationRefused(name, 0, "no pages in the file (is it a segmentation export?)")
    return out


def _json_object(raw: bytes, number: int) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise _Bad(f"not UTF-8 (byte {exc.start})") from None
    try:
        item = json.loads(text)
    except ValueError as exc:
        raise _Bad(f"not JSON ({exc})") from None
    if not isinstance(item, dict):
        raise _Bad("not a JSON object (one page per line)")
    return item


def _field(item: dict[str, Any], key: str, kinds: tuple[type, ...], default: Any) -> Any:
    if key not in item and default is None and type(None) not in kinds:
        raise _Bad(f"{key!r} is missing")
    value = item.get(key, default)
    if not isinstance(value, kinds) or isinstance(value, bool) != (bool in kinds):
        raise _Bad(f"{key!r} must be {' or '.join(_KIND[k] for k in kinds)}, not {value!r:.40}")
    return value


_KIND = {str: "text", int: "a whole number", bool: "true or false", type(None): "null",
         list: "a list"}  # fmt: skip


def _page(item: dict[str, Any], number: int) -> SegmentedPage:
    """The page of one line, checked so that exporting it gives the line back."""
    page_id = _field(item, "page_id", (str,), None)
    text = _field(item, "text", (str,), None)
    if not page_id.strip():
        raise _Bad("'page_id' is empty")
    if not text.strip():
        raise _Bad("'text' is empty")
    status = _field(item, "status", (str,), "done")
    if status not in PAGE_STATUSES:
        raise _Bad(f"unknown status {status!r}; expected one of {', '.join(PAGE_STATUSES)}")
    page = Page(
        page_id,
        text,
        source=_field(item, "source", (str,), ""),
        status=status,
        reviewer=_field(item, "reviewer", (str, type(None)), None),
        updated_at=_field(item, "updated_at", (str, type(None)), None) or "",
        paper=_field(item, "paper", (str,), ""),
    )
    blocks = _blocks(text, _field(item, "blocks", (list,), None))
    derived = record(page, blocks)
    if "joins" in item:
        _check_joins(item["joins"], derived["joins"], len(blocks))
    if "articles" in item:
        _check_articles(item["articles"], derived["articles"])
    return SegmentedPage(page, blocks, number)


def _blocks(text: str, items: list[Any]) -> list[Block]:
    """The blocks of a line: in order, apart, inside the text, covering all but white space."""
    if not items:
        raise _Bad("no blocks; every page needs at least one")
    blocks: list[Block] = []
    articles: set[int] = set()  # the articles met so far
    end = 0
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise _Bad(f"block {i} is not a JSON object")
        try:
            b = Block(
                _field(item, "start", (int,), None),
                _field(item, "end", (int,), None),
                _field(item, "role", (str,), None),
                _field(item, "article", (int, type(None)), None),
                _field(item, "joins_previous", (bool,), False),
            )
        except _Bad as exc:
            raise _Bad(f"block {i}: {exc}") from None
        _check_block(text, i, b, end, articles)
        blocks.append(b)
        end = b.end
    stray = _TEXT.search(text, end)
    if stray is not None:
        at = stray.start()
        raise _Bad(
            f"text after the last block (offset {at}, {_excerpt(text, at, len(text))!r}) "
            "is in no block"
        )
    return blocks


def _check_block(text: str, i: int, b: Block, end: int, articles: set[int]) -> None:
    where = f"block {i} [{b.start}, {b.end})"
    if not 0 <= b.start < b.end <= len(text):
        raise _Bad(f"{where} is outside the text (0..{len(text)} code points) or empty")
    if b.start < end:
        raise _Bad(
            f"{where} overlaps the block before it (which ends at {end}), or is out of order"
        )
    stray = _TEXT.search(text, end, b.start)
    if stray is not None:
        at = stray.start()
        raise _Bad(
            f"text before {where} (offset {at}, {_excerpt(text, at, b.start)!r}) is in no block"
        )
    if b.role not in ROLES:
        raise _Bad(f"{where} has the unknown role {b.role!r}; expected one of {', '.join(ROLES)}")
    if b.article is not None:
        if b.article not in articles and b.article != len(articles) + 1:
            raise _Bad(
                f"{where} is in article {b.article}: articles are numbered 1, 2, 3 … in order "
                f"of their first block, so the next new one is {len(articles) + 1}"
            )
        if b.joins_previous and b.article not in articles:
            raise _Bad(
                f"{where} joins the previous block of article {b.article}, but it is that "
                "article's first block"
            )
        articles.add(b.article)
    elif b.joins_previous:
        raise _Bad(f"{where} joins a previous block but is in no article (article null)")


def _excerpt(text: str, at: int, limit: int) -> str:
    """A few characters of stray text, for the message: up to ``limit`` or the line's end."""
    return text[at : min(at + 10, limit)].split("\n")[0]


def _check_joins(given: Any, derived: list[list[int]], count: int) -> None:
    """The line's ``joins`` against its blocks' ``joins_previous``."""
    for pair in given if isinstance(given, list) else [given]:
        if isinstance(pair, list) and len(pair) == 2 and pair[0] == count - 1:
            raise _Bad(
                f"join {pair} continues block {count - 1}, the page's last block: "
                "no block comes after it"
            )
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(type(x) is int and 0 <= x < count for x in pair)
        ):
            raise _Bad(f"join {pair!r:.40} is not a pair of block numbers 0..{count - 1}")
    if given != derived:
        raise _Bad(
            f"'joins' {given} disagrees with the blocks' 'joins_previous', which give {derived}"
        )


def _check_articles(given: Any, derived: list[dict[str, Any]]) -> None:
    """The line's ``articles`` against its blocks' ``article`` numbers and clean text."""
    shape = ("ordinal", "blocks", "page_start", "page_end")
    if not isinstance(given, list) or [
        {k: a.get(k) for k in shape} if isinstance(a, dict) else a for a in given
    ] != [{k: a[k] for k in shape} for a in derived]:
        wanted = json.dumps([{k: a[k] for k in shape} for a in derived])
        raise _Bad(f"'articles' disagrees with the blocks' 'article', which give {wanted:.200}")
    for a, b in zip(given, derived, strict=True):
        if a.get("text") != b["text"]:
            raise _Bad(
                f"the text of article {b['ordinal']} is not what its blocks give "
                f"({b['text']!r:.40}); a file from another annotator version? Leave "
                "'articles' out of the line to take the blocks as they are"
            )
