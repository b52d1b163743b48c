"""Dataclasses of the domain (pages, blocks, spans), with no I/O.

Every offset is a Python ``str`` index into the page's original text (a Unicode code
point), never a UTF-16 position: the GUI converts in one place (``gui/offsets.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, NewType

from annotator.messages import msg

PageId = NewType("PageId", str)
SpanId = NewType("SpanId", int)
ArticleNo = NewType("ArticleNo", int)
CodePoint = NewType("CodePoint", int)

ROLES: tuple[str, ...] = (
    "kicker",
    "headline",
    "subheadline",
    "byline",
    "body",
    "intertitle",
    "caption",
    "other",
)
PAGE_STATUSES: tuple[str, ...] = ("new", "in_progress", "done", "skipped", "flagged")
SPAN_ORIGINS: tuple[str, ...] = ("rule", "gazetteer", "model", "human")
SPAN_STATUSES: tuple[str, ...] = ("suggested", "accepted", "rejected")


def status_word(status: str) -> str:
    """The reviewer's word for a page or span status (``in_progress`` -> "in progress"),
    as a core message that the window shows translated; an unknown status as it is.

    Messages name a status in these words; the stored names stay for files and options."""
    words = {
        "new": msg("new"),
        "in_progress": msg("in progress"),
        "done": msg("done"),
        "skipped": msg("skipped"),
        "flagged": msg("flagged"),
        "suggested": msg("suggested"),
        "accepted": msg("accepted"),
        "rejected": msg("rejected"),
    }
    return words.get(status, status)


@dataclass(frozen=True)
class Block:
    """A paragraph-sized range ``[start, end)`` of the page text.

    ``article`` is ``None`` for text outside every article (page furniture, ads).
    ``confidences`` holds the heuristic's confidence in each decision (keys ``role``,
    ``boundary``, ``join``) so that the window can say *what* is doubtful; ``confidence``
    is the lowest of them, derived rather than stored so that the two cannot disagree.
    """

    start: int
    end: int
    role: str = "body"
    article: int | None = None
    joins_previous: bool = False
    confidences: dict[str, float] = field(default_factory=dict, hash=False)

    @property
    def confidence(self) -> float:
        """The lowest of the per-decision confidences (1.0 when the block has none)."""
        return min(self.confidences.values(), default=1.0)

    def to_dict(self) -> dict[str, Any]:
        """The block as plain JSON-ready data (``Block(**d)`` makes it again)."""
        return {
            "start": self.start,
            "end": self.end,
            "role": self.role,
            "article": self.article,
            "joins_previous": self.joins_previous,
            "confidences": dict(self.confidences),
        }


class ArticleBlock(NamedTuple):
    """What clean text needs of a block, as a row of the store: the export read for the
    formats of text and spans returns these (``Store.export_pages(text_only=True)``).

    A tuple made in C, where a :class:`Block` is an object per block with its
    confidences parsed, ~a tenth of such an export's time. Read as a block: the same
    attribute names (``joins_previous`` is the stored 0 or 1).
    """

    page_id: str
    start: int
    end: int
    role: str
    article: int | None
    joins_previous: int


#: A block as clean text reads it (:mod:`annotator.text`): either kind.
AnyBlock = Block | ArticleBlock

_new = object.__new__


def fast_block(
    start: int, end: int, role: str, article: int | None, joins: bool, conf: dict[str, float]
) -> Block:
    """``Block(start, end, role, article, joins, conf)`` in half the time: a frozen
    dataclass sets each field through ``object.__setattr__``, and every split of every page
    makes dozens of blocks. Equal to the constructor's block (tested)."""
    block = _new(Block)
    # (item by item: ``update`` with keywords builds a dict of them first, a third more)
    fields = block.__dict__
    fields["start"] = start
    fields["end"] = end
    fields["role"] = role
    fields["article"] = article
    fields["joins_previous"] = joins
    fields["confidences"] = conf
    return block


@dataclass(frozen=True)
class Span:
    """A labelled range ``[start, end)`` of the page text (entity or figure)."""

    start: int
    end: int
    label: str
    origin: str = "human"
    status: str = "accepted"
    attrs: dict[str, Any] = field(default_factory=dict, hash=False)
    id: int | None = None

    def to_dict(self, *, with_id: bool = True) -> dict[str, Any]:
        """The span as plain JSON-ready data (``Span(**d)`` makes it again)."""
        data: dict[str, Any] = {"id": self.id} if with_id else {}
        data.update(
            start=self.start,
            end=self.end,
            label=self.label,
            origin=self.origin,
            status=self.status,
            attrs=dict(self.attrs),
        )
        return data


@dataclass(frozen=True)
class Page:
    """One imported page; its ``text`` never changes after import."""

    id: str
    text: str
    source: str = ""
    sha256: str = ""
    status: str = "new"
    reviewer: str | None = None
    note: str | None = None
    created_at: str = ""
    updated_at: str = ""
    paper: str = ""  # the newspaper, so learnt models keep each paper's conventions


@dataclass(frozen=True)
class Label:
    """A configured span label with its display colour and hot key."""

    name: str
    colour: str
    key: str
    description: str = ""
