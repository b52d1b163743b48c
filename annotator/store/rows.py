"""Row encoding and decoding: pages, blocks, spans and predictions to and from the rows and
JSON the tables hold. Pure (no connection), so import workers encode pages in parallel.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.model import Block, Page, Span


def _row_to_page(row: dict[str, Any]) -> Page:
    return Page(
        id=row["id"],
        paper=row.get("paper") or "",
        text=row["text"],
        source=row["source"],
        sha256=row["sha256"],
        status=row["status"],
        reviewer=row["reviewer"],
        note=row["note"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _row_to_block(row: Sequence[Any]) -> Block:
    start, end, role, article, joins, confidences = row
    return Block(start, end, role, article, bool(joins), _parse_confidences(confidences))


@functools.lru_cache(maxsize=4096)
def _parse_confidences(text: str) -> dict[str, float]:
    # A few distinct combinations recur on every page; blocks are frozen and never mutate it.
    return json.loads(text)


def _row_to_span(row: Sequence[Any]) -> Span:
    span_id, start, end, label, origin, status, attrs = row
    # Most spans carry no attributes; skipping the JSON parser for them halves export time.
    parsed = {} if attrs == "{}" else json.loads(attrs)
    return Span(start, end, label, origin, status, parsed, span_id)


@functools.lru_cache(maxsize=4096)
def _confidences_json(items: tuple[tuple[str, float], ...]) -> str:
    # Blocks share a handful of confidence combinations; encoding each once keeps import fast.
    return json.dumps(dict(items), separators=(",", ":"))


def _block_values(page_id: str, b: Block) -> tuple[Any, ...]:
    confidences = _confidences_json(tuple(b.confidences.items()))
    return (
        page_id,
        b.start,
        b.end,
        b.role,
        b.article,
        int(b.joins_previous),
        confidences,
    )


def _compact_encoder() -> Callable[[Any], str]:
    """``json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode``, the same text,
    without making a new C encoder for each call: that was most of the time of encoding
    the small attribute objects (about 40 a page) and a quarter of a page's rows. Where
    this Python's C encoder differs (or is missing), the plain encoder is used."""
    plain = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return plain.encode
    try:  # no circular-reference markers: rows and attributes are plain trees
        c_encode = make(
            None, plain.default, json.encoder.encode_basestring, None, ":", ",", False, False, True
        )
    except TypeError:
        return plain.encode

    def encode(value: Any) -> str:
        return "".join(c_encode(value, 0))

    sample = [{"n": 12, "x": -0.0, "f": 1.5e300, "t": True, "z": None, "s": '万"\\\n'}, (1, "a")]
    return encode if encode(sample) == plain.encode(sample) else plain.encode


_ENCODE = _compact_encoder()


def _span_values(page_id: str, s: Span) -> tuple[Any, ...]:
    attrs = _ENCODE(s.attrs) if s.attrs else "{}"
    return (s.id, page_id, s.start, s.end, s.label, s.origin, s.status, attrs)


def _json(value: Any) -> str:
    return _ENCODE(value)


# Values of a stored block or span row: the page id (None until the store knows it), then
# the columns of _BLOCK_COLS, or of _SPAN_COLS without the id (SQLite numbers the spans).
ROW_WIDTH = 7


@dataclass(frozen=True)
class EncodedPage:
    """A page's blocks and suggestions as the rows the store inserts.

    Encoding (JSON of confidences and attributes) is pure, so import workers do it in
    parallel and the database process only inserts. No copy of them is encoded for
    ``predictions``: while a page is unchanged its rows are its predictions (see
    ``PagesRoom.predictions``).

    Each list holds its rows' values one after another, :data:`ROW_WIDTH` a row, with a
    None where the page id goes: the store fills in the id and inserts a batch with a copy
    and a slice assignment a page, no loop over rows, and the list crosses from a worker
    process without a tuple a row (that loop and those tuples were a tenth of the storing
    process's CPU, issue 11).
    """

    block_values: list[Any]
    span_values: list[Any]

    @property
    def block_rows(self) -> list[tuple[Any, ...]]:
        """The block rows, without the page id."""
        return _rows_of(self.block_values)

    @property
    def span_rows(self) -> list[tuple[Any, ...]]:
        """The span rows, without the page id."""
        return _rows_of(self.span_values)


def _rows_of(values: list[Any]) -> list[tuple[Any, ...]]:
    return [tuple(values[i + 1 : i + ROW_WIDTH]) for i in range(0, len(values), ROW_WIDTH)]


def _values_of(rows: Iterable[Sequence[Any]]) -> list[Any]:
    values: list[Any] = []
    for row in rows:
        values.append(None)
        values.extend(row)
    return values


def encode_page(blocks: Sequence[Block], suggestions: Sequence[Span]) -> EncodedPage:
    """The rows of a new page's blocks and suggestions (no page id; the store adds it)."""
    return encode_page_rows(blocks, [_span_values("", s)[2:] for s in suggestions])


def suggestion_rows(
    suggestions: Iterable[tuple[int, int, str, str, dict[str, Any]]],
) -> list[tuple[Any, ...]]:
    """Span rows of ``(start, end, label, origin, attrs)`` suggestions, status suggested."""
    encode = _ENCODE
    return [
        (s, e, label, origin, "suggested", encode(attrs) if attrs else "{}")
        for s, e, label, origin, attrs in suggestions
    ]


def suggestion_values(
    suggestions: Iterable[tuple[int, int, str, str, dict[str, Any]]],
) -> list[Any]:
    """:func:`suggestion_rows` as :attr:`EncodedPage.span_values` holds them."""
    encode = _ENCODE
    values: list[Any] = []
    add = values.extend
    for s, e, label, origin, attrs in suggestions:
        add((None, s, e, label, origin, "suggested", encode(attrs) if attrs else "{}"))
    return values


def encode_page_rows(blocks: Sequence[Block], span_rows: list[tuple[Any, ...]]) -> EncodedPage:
    """:func:`encode_page` for span rows already made (see :func:`suggestion_rows`)."""
    return encode_page_values(blocks, _values_of(span_rows))


def encode_page_values(blocks: Sequence[Block], span_values: list[Any]) -> EncodedPage:
    """:func:`encode_page` for span values already made (see :func:`suggestion_values`):
    what an import worker sends."""
    values: list[Any] = []
    add = values.extend
    confidences_json = _confidences_json
    for b in blocks:
        confidences = confidences_json(tuple(b.confidences.items()))
        add((None, b.start, b.end, b.role, b.article, int(b.joins_previous), confidences))
    return EncodedPage(values, span_values)


def predicted_blocks_json(blocks: Sequence[Block]) -> str:
    """Blocks as ``predictions.blocks`` holds them: their rows as one JSON array (the
    confidences stay JSON text inside it)."""
    return _json(_block_rows(blocks))


def _block_rows(blocks: Sequence[Block]) -> list[tuple[Any, ...]]:
    """Blocks as the rows the store inserts, without the page id."""
    return [_block_values("", b)[1:] for b in blocks]


def _decode_predicted_block(item: Any) -> Block:
    start, end, role, article, joins, confidences = item
    return Block(start, end, role, article, bool(joins), json.loads(confidences))


def _decode_predicted_span(item: Any) -> Span:
    if isinstance(item, dict):
        return Span(**item)
    start, end, label, origin, status, attrs = item
    return Span(start, end, label, origin, status, json.loads(attrs))


_BLOCK_COLS = 'start, "end", role, article, joins_previous, confidences'
_SPAN_COLS = 'id, start, "end", label, origin, status, attrs'
