"""An edit as plain data (:class:`Op`), the page state it acts on, its planned effect
(:class:`Plan`, :class:`Changes`), and the error that refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.messages import msg
from annotator.model import Block, Page, Span


class EditError(ValueError):
    """An operation that cannot be applied; the message says why, nothing is written."""


@dataclass(frozen=True)
class Op:
    """One edit: a ``kind`` from ``KINDS`` and its JSON-compatible ``args``."""

    kind: str
    page_id: str
    args: dict[str, Any] = field(default_factory=dict, hash=False)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "page_id": self.page_id, "args": self.args}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Op:
        return cls(data["kind"], data["page_id"], dict(data.get("args") or {}))


@dataclass(frozen=True)
class PageState:
    """What the edit operations act on: one page's status, blocks and spans."""

    page: Page
    blocks: tuple[Block, ...]
    spans: dict[int, Span]

    def block_at(self, start: int) -> tuple[int, Block]:
        for i, block in enumerate(self.blocks):
            if block.start == start:
                return i, block
        raise EditError(
            msg(
                "page {page!r} has no block starting at offset {start}",
                page=self.page.id,
                start=start,
            )
        )

    def span(self, span_id: int) -> Span:
        try:
            return self.spans[span_id]
        except KeyError:
            raise EditError(
                msg("page {page!r} has no span with id {id}", page=self.page.id, id=span_id)
            ) from None


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so that views repaint only that."""

    page_id: str
    blocks: bool = False
    spans: frozenset[int] = frozenset()
    status: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.page_id,
            self.blocks or other.blocks,
            self.spans | other.spans,
            self.status or other.status,
        )


@dataclass(frozen=True)
class Plan:
    """The planned effect of one operation on a page."""

    op: Op
    inverse: Op
    before: PageState
    after: PageState
    changes: Changes
