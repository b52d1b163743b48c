"""The edit operations: validate an operation against a page's state and plan its effect.

An operation is plain data (``Op(kind, page_id, args)``) so that it can be written to the
edit log and replayed. ``plan(state, op, labels)`` is pure: it checks the operation,
computes the page state after it, the exact inverse operation, and what changed. The store
(the only module that writes SQL) persists a plan in one transaction together with its log
row; the GUI wraps store calls in ``QUndoCommand``s. Nothing here touches I/O or Qt.

Block operations keep the invariant that article numbers are ``1..k`` in order of each
article's first block on the page, so exported ordinals never have gaps.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.markdown import merged as merged_ranges
from annotator.messages import msg
from annotator.model import (
    PAGE_STATUSES,
    ROLES,
    SPAN_ORIGINS,
    SPAN_STATUSES,
    Block,
    Page,
    Span,
    status_word,
)
from annotator.text import SpanPlaces, span_problem

_WS = re.compile(r"\s")


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


# --- helpers -------------------------------------------------------------------------


def renumber(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """Renumber articles 1..k in order of each article's first block."""
    mapping: dict[int, int] = {}
    out = []
    for block in blocks:
        if block.article is None:
            out.append(block)
            continue
        new = mapping.setdefault(block.article, len(mapping) + 1)
        out.append(block if new == block.article else replace(block, article=new))
    return tuple(out)


def _block_fields(block: Block) -> dict[str, Any]:
    return {
        "role": block.role,
        "article": block.article,
        "joins_previous": block.joins_previous,
    }


def _diff_blocks(before: tuple[Block, ...], after: tuple[Block, ...]) -> list[list[Any]]:
    """The ``set_blocks`` changes that turn ``after`` back into ``before`` (same ranges)."""
    changes = []
    for old, new in zip(before, after, strict=True):
        old_fields, new_fields = _block_fields(old), _block_fields(new)
        diff = {k: v for k, v in old_fields.items() if new_fields[k] != v}
        if diff:
            changes.append([old.start, diff])
    return changes


def _with_blocks(state: PageState, blocks: tuple[Block, ...]) -> PageState:
    return replace(state, blocks=renumber(blocks))


def _block_plan(state: PageState, op: Op, blocks: tuple[Block, ...]) -> Plan:
    after = _with_blocks(state, blocks)
    after = replace(after, blocks=_first_blocks_join_nothing(after.blocks))
    changes = _diff_blocks(state.blocks, after.blocks)
    if not changes:
        raise EditError(msg("this changes nothing: the paragraphs are like that already"))
    inverse = Op("set_blocks", op.page_id, {"changes": changes})
    return Plan(op, inverse, state, after, Changes(op.page_id, blocks=True))


def _first_blocks_join_nothing(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """``blocks`` with the join cleared on each article's first block.

    Such a join continues nothing (export ignores it), but the segmentation export wrote
    it and its import refuses it, and the structure model learnt it: an edit that makes a
    joined paragraph its article's first (marking the one before it not part of any
    article, moving that one to another article) clears it, in the same undo step.
    """
    seen: set[int] = set()
    out = list(blocks)
    for k, block in enumerate(out):
        if block.article is None or block.article in seen:
            continue
        seen.add(block.article)
        if block.joins_previous:
            out[k] = replace(block, joins_previous=False)
    return tuple(out)


def _articles_in_order(blocks: tuple[Block, ...]) -> list[int]:
    seen: list[int] = []
    for block in blocks:
        if block.article is not None and block.article not in seen:
            seen.append(block.article)
    return seen


def _check_label(label: Any, labels: frozenset[str]) -> None:
    if label not in labels:
        raise EditError(
            msg(
                "unknown label {label!r}; configured labels: {labels}",
                label=label,
                labels=", ".join(sorted(labels)),
            )
        )


def _check_role(role: Any) -> str:
    if role not in ROLES:
        raise EditError(
            msg("unknown role {role!r}; expected one of {roles}", role=role, roles=", ".join(ROLES))
        )
    return role


# --- block operations ------------------------------------------------------------------


def _set_role(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    role = _check_role(op.args["role"])
    if block.role == role:
        raise EditError(msg("this paragraph's role is {role} already", role=role))
    new = replace(block, role=role, article=block.article)
    return _block_plan(state, op, _replace_at(state.blocks, i, new))


def _set_blocks(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    blocks = list(state.blocks)
    for start, fields in op.args["changes"]:
        i, block = state.block_at(start)
        unknown = set(fields) - {"role", "article", "joins_previous"}
        if unknown:
            raise EditError(
                msg("set_blocks: unknown block fields {fields}", fields=sorted(unknown))
            )
        if "role" in fields:
            _check_role(fields["role"])
        blocks[i] = replace(blocks[i], **fields)
    # Restoring exact numbers: do not renumber here, the inverse carries the old numbers.
    after = replace(state, blocks=tuple(blocks))
    inverse = Op("set_blocks", op.page_id, {"changes": _diff_blocks(state.blocks, after.blocks)})
    return Plan(op, inverse, state, after, Changes(op.page_id, blocks=True))


def _start_article(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    new_no = max((b.article or 0) for b in state.blocks) + 1
    old_no = block.article
    blocks = list(state.blocks)
    if old_no is None:
        blocks[i] = replace(block, article=new_no, role=_keep_role(block))
    else:
        first = next(b for b in state.blocks if b.article == old_no)
        if first.start == block.start:
            raise EditError(msg("this paragraph starts its article already"))
        for j in range(i, len(blocks)):
            if blocks[j].article == old_no:
                blocks[j] = replace(blocks[j], article=new_no)
    if blocks[i].joins_previous:
        blocks[i] = replace(blocks[i], joins_previous=False)
    return _block_plan(state, op, tuple(blocks))


def _not_in_an_article() -> str:
    return msg(
        "this paragraph is not part of an article: move it into one or start one at it first"
    )


def _keep_role(block: Block) -> str:
    return "body" if block.role == "other" else block.role


def _merge_article(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    _, block = state.block_at(op.args["block"])
    if block.article is None:
        raise EditError(_not_in_an_article())
    order = _articles_in_order(state.blocks)
    pos = order.index(block.article)
    if pos == 0:
        raise EditError(msg("the first article on the page has no previous article to merge into"))
    target = order[pos - 1]
    blocks = tuple(
        replace(b, article=target) if b.article == block.article else b for b in state.blocks
    )
    return _block_plan(state, op, blocks)


def _move_block(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    direction = op.args["direction"]
    if direction not in (-1, 1):
        raise EditError(
            msg("move_block: direction must be -1 or 1, not {direction!r}", direction=direction)
        )
    order = _articles_in_order(state.blocks)
    if block.article is None:
        target = _nearest_article(state.blocks, i, direction)
    else:
        pos = order.index(block.article) + direction
        if not 0 <= pos < len(order):
            text = (
                msg("there is no previous article to move this paragraph to")
                if direction < 0
                else msg("there is no next article to move this paragraph to")
            )
            raise EditError(text)
        target = order[pos]
    if target is None:
        raise EditError(msg("there is no article on the page to move this paragraph to"))
    new = replace(block, article=target, role=_keep_role(block), joins_previous=False)
    return _block_plan(state, op, _replace_at(state.blocks, i, new))


def _nearest_article(blocks: tuple[Block, ...], i: int, direction: int) -> int | None:
    j = i + direction
    while 0 <= j < len(blocks):
        if blocks[j].article is not None:
            return blocks[j].article
        j += direction
    return None


def _mark_other(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    if block.article is None and block.role == "other":
        raise EditError(msg("this paragraph is outside every article already"))
    new = replace(block, role="other", article=None, joins_previous=False)
    return _block_plan(state, op, _replace_at(state.blocks, i, new))


def _set_join(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    joins = op.kind == "join"
    if joins and i == 0:
        raise EditError(msg("the first paragraph on the page has no previous paragraph to join"))
    if joins and block.article is None:
        raise EditError(_not_in_an_article())
    if joins and all(b.article != block.article for b in state.blocks[:i]):
        raise EditError(
            msg(
                "the first paragraph of an article has no paragraph of its article before it "
                "to join; to continue the article above, merge the article into the previous one"
            )
        )
    if block.joins_previous == joins:
        text = (
            msg("this paragraph joins the previous paragraph already")
            if joins
            else msg("this paragraph does not join the previous paragraph")
        )
        raise EditError(text)
    new = replace(block, joins_previous=joins)
    return _block_plan(state, op, _replace_at(state.blocks, i, new))


def _split_block(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    at = op.args["at"]
    text = state.page.text
    i, block = next(
        ((i, b) for i, b in enumerate(state.blocks) if b.start < at < b.end), (None, None)
    )
    if block is None or i is None:
        # The reviewer sees a caret, not an offset: say where it is and where it should be.
        edge = any(at in (b.start, b.end) for b in state.blocks)
        raise EditError(
            msg(
                "the caret is at the start or end of a paragraph: put it inside the "
                "paragraph, where the new paragraph should begin, to split it"
            )
            if edge
            else msg(
                "the caret is between paragraphs: put it inside a paragraph, where the new "
                "paragraph should begin, to split it"
            )
        )
    first_end = at
    while first_end > block.start and _WS.match(text[first_end - 1]):
        first_end -= 1
    second_start = at
    while second_start < block.end and _WS.match(text[second_start]):
        second_start += 1
    if first_end == block.start or second_start == block.end:
        raise EditError(
            msg(
                "a split here would leave an empty paragraph: put the caret inside the "
                "paragraph, where the new paragraph should begin"
            )
        )
    fields = dict(op.args.get("second") or {})
    first = replace(block, end=first_end)
    second = Block(
        start=second_start,
        end=block.end,
        role=fields.get("role", block.role),
        article=fields.get("article", block.article),
        joins_previous=fields.get("joins_previous", False),
        confidences=fields.get("confidences", {}),
    )
    blocks = state.blocks[:i] + (first, second) + state.blocks[i + 1 :]
    after = replace(state, blocks=renumber(blocks))
    inverse = Op("merge_blocks", op.page_id, {"block": block.start})
    return Plan(op, inverse, state, after, Changes(op.page_id, blocks=True))


def _merge_blocks(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    if i + 1 >= len(state.blocks):
        raise EditError(
            msg("this is the last paragraph on the page: there is no paragraph after it to merge")
        )
    nxt = state.blocks[i + 1]
    merged = replace(block, end=nxt.end)
    blocks = state.blocks[:i] + (merged,) + state.blocks[i + 2 :]
    renumbered_blocks = renumber(blocks)
    after = replace(state, blocks=_first_blocks_join_nothing(renumbered_blocks))
    # A paragraph that joined the one merged away and now starts its article joins nothing.
    cleared = [
        [b.start, {"joins_previous": True}]
        for b, a in zip(renumbered_blocks, after.blocks, strict=True)
        if b.joins_previous and not a.joins_previous
    ]
    second = {
        "role": nxt.role,
        "article": nxt.article,
        "joins_previous": nxt.joins_previous,
        "confidences": dict(nxt.confidences),
    }
    inverse = Op("split_block", op.page_id, {"at": nxt.start, "second": second})
    # When the merge removed the last block of an article, the articles after it were
    # renumbered; the inverse puts their numbers back before splitting again.
    kept = state.blocks[: i + 1] + state.blocks[i + 2 :]
    renumbered = [
        [b.start, {"article": old.article}]
        for old, b in zip(kept, after.blocks, strict=True)
        if old.article != b.article
    ]
    if renumbered or cleared:
        ops = [inverse.to_json()]
        if renumbered:
            ops.insert(0, Op("set_blocks", op.page_id, {"changes": renumbered}).to_json())
        if cleared:
            ops.append(Op("set_blocks", op.page_id, {"changes": cleared}).to_json())
        inverse = Op("batch", op.page_id, {"ops": ops})
    return Plan(op, inverse, state, after, Changes(op.page_id, blocks=True))


def _replace_at(blocks: tuple[Block, ...], i: int, block: Block) -> tuple[Block, ...]:
    return blocks[:i] + (block,) + blocks[i + 1 :]


# --- span operations -------------------------------------------------------------------


def _span_from_args(state: PageState, args: dict[str, Any], labels: frozenset[str]) -> Span:
    start, end, label = args["start"], args["end"], args["label"]
    text = state.page.text
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise EditError(
            msg(
                "span [{start}, {end}) is outside page {page!r} (0..{length}) or empty",
                start=start,
                end=end,
                page=state.page.id,
                length=len(text),
            )
        )
    _check_label(label, labels)
    origin = args.get("origin", "human")
    status = args.get("status", "accepted")
    if origin not in SPAN_ORIGINS:
        raise EditError(msg("unknown span origin {origin!r}", origin=origin))
    if status not in SPAN_STATUSES:
        raise EditError(msg("unknown span status {status!r}", status=status))
    if args.get("id") is None:
        raise EditError(msg("add_span needs a span id (the store allocates one)"))
    attrs = dict(args.get("attrs") or {})
    _check_attrs(attrs)
    return Span(start, end, label, origin, status, attrs, args["id"])


def _check_attrs(attrs: dict[str, Any]) -> None:
    """Refuses a number JSON cannot hold (NaN, infinity: Python's JSON reader takes them
    from a file of another tool): stored, it made every JSON export fail."""
    stack: list[Any] = [attrs]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack += value.values()
        elif isinstance(value, list):
            stack += value
        elif isinstance(value, float) and not math.isfinite(value):
            raise EditError(
                msg(
                    "span attributes hold {value}, which is not a number JSON can hold; "
                    "give a finite number",
                    value=str(value),
                )
            )


def _span_id(span_id: int | None) -> int:
    """A stored span's id; only spans not yet added (``Span.id`` None) lack one."""
    if span_id is None:
        raise EditError(msg("add_span needs a span id (the store allocates one)"))
    return span_id


def _span_plan(
    state: PageState, op: Op, span_id: int | None, new: Span | None, inverse: Op
) -> Plan:
    span_id = _span_id(span_id)
    spans = dict(state.spans)
    if new is None:
        del spans[span_id]
    else:
        spans[span_id] = new
    after = replace(state, spans=spans)
    return Plan(op, inverse, state, after, Changes(op.page_id, spans=frozenset({span_id})))


def _add_span(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    span = _span_from_args(state, op.args, labels)
    if span.id in state.spans:
        raise EditError(msg("span id {id} already exists", id=span.id))
    return _span_plan(state, op, span.id, span, Op("remove_span", op.page_id, {"id": span.id}))


def _remove_span(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    span = state.span(op.args["id"])
    return _span_plan(state, op, span.id, None, Op("add_span", op.page_id, span.to_dict()))


def _span_text(state: PageState, span: Span) -> str:
    """The span's words as the reviewer sees them (long ones shortened), to name it."""
    text = state.page.text[span.start : span.end]
    return text if len(text) <= 20 else text[:19] + "…"


def _relabel_span(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    span = state.span(op.args["id"])
    label = op.args["label"]
    _check_label(label, labels)
    if label == span.label:
        raise EditError(
            msg("“{text}” is {label} already", text=_span_text(state, span), label=label)
        )
    inverse = Op("relabel_span", op.page_id, {"id": span.id, "label": span.label})
    return _span_plan(state, op, span.id, replace(span, label=label), inverse)


def _set_span_status(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    span = state.span(op.args["id"])
    status = op.args["status"]
    if status not in SPAN_STATUSES:
        raise EditError(
            msg(
                "unknown span status {status!r}; expected one of {statuses}",
                status=status,
                statuses=SPAN_STATUSES,
            )
        )
    if status == span.status:
        raise EditError(
            msg(
                "“{text}” ({label}) is {status} already",
                text=_span_text(state, span),
                label=span.label,
                status=status_word(status),
            )
        )
    inverse = Op("set_span_status", op.page_id, {"id": span.id, "status": span.status})
    return _span_plan(state, op, span.id, replace(span, status=status), inverse)


def _set_span_attrs(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    span = state.span(op.args["id"])
    attrs = op.args["attrs"]
    if not isinstance(attrs, dict):
        raise EditError(msg("span attrs must be a JSON object"))
    _check_attrs(attrs)
    inverse = Op("set_span_attrs", op.page_id, {"id": span.id, "attrs": dict(span.attrs)})
    return _span_plan(state, op, span.id, replace(span, attrs=dict(attrs)), inverse)


# --- page operations -------------------------------------------------------------------


def _set_page_status(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    status = op.args["status"]
    if status not in PAGE_STATUSES:
        raise EditError(
            msg(
                "unknown page status {status!r}; expected one of {statuses}",
                status=status,
                statuses=PAGE_STATUSES,
            )
        )
    note = op.args.get("note", state.page.note)
    if op.args.get("only_if_new") and state.page.status != "new":
        # The automatic new -> in_progress step of a first edit; on redo the page may have
        # moved on already, and then it changes nothing (and undoes to nothing).
        return Plan(op, op, state, state, Changes(op.page_id))
    if status == state.page.status and note == state.page.note:
        raise EditError(
            msg("page {page!r} is already {status}", page=state.page.id, status=status_word(status))
        )
    inverse = Op(
        "set_page_status", op.page_id, {"status": state.page.status, "note": state.page.note}
    )
    after = replace(state, page=replace(state.page, status=status, note=note))
    return Plan(op, inverse, state, after, Changes(op.page_id, status=True))


def open_suggestions(state: PageState) -> list[Span]:
    """The page's open (suggested) spans in page order."""
    return sorted(
        (s for s in state.spans.values() if s.status == "suggested"),
        key=lambda s: (s.start, s.end, s.id or 0),
    )


def _check_done_has_none_open(plan_: Plan) -> None:
    """A done page is gold: an open suggestion on it would be dropped by export unseen.

    Refuses any operation that leaves a done page with open suggestions (marking it done
    too early, or reopening a suggestion on it), unless the page was already in that state
    (a database from before this rule), so that it can still be put right.
    """
    after = plan_.after
    if after.page.status != "done":
        return
    count = len(open_suggestions(after))
    if not count:
        return
    before = plan_.before
    if before.page.status == "done" and open_suggestions(before):
        return
    if before.page.status != "done":
        raise EditError(
            msg(
                "page {page!r} still has {count} open suggestion(s): accept or reject them "
                "before marking it done",
                page=after.page.id,
                count=count,
            )
        )
    raise EditError(
        msg(
            "page {page!r} is done, and a done page has no open suggestion: "
            "set it back to in progress first",
            page=after.page.id,
        )
    )


def mark_done_op(state: PageState, resolve: str | None = None) -> Op:
    """One operation that marks the page done, first settling its open suggestions.

    ``resolve`` is ``"accept"`` or ``"reject"`` (every open suggestion), or None when none is
    open. The result is one batch, so the decision and the status are one undo step.

    Accepting rejects, instead, an open suggestion that export would leave out (one across a
    break or on furniture: an edit strands none, but undoing another reviewer's rejection
    after the paragraph became furniture reopens one there): accepted, it would be refused
    and stop the page being marked done at all.
    """
    if resolve not in (None, "accept", "reject"):
        raise EditError(
            msg("resolve must be 'accept' or 'reject', not {resolve!r}", resolve=resolve)
        )
    status = Op("set_page_status", state.page.id, {"status": "done"})
    pending = open_suggestions(state) if resolve is not None else []
    if not pending:
        return status
    places = SpanPlaces(state.page.text, state.blocks) if resolve == "accept" else None

    def decision(span: Span) -> str:
        if places is not None and places.problem(span.start, span.end) is None:
            return "accepted"
        return "rejected"

    ops = [
        Op("set_span_status", state.page.id, {"id": s.id, "status": decision(s)}).to_json()
        for s in pending
    ]
    return Op("batch", state.page.id, {"ops": [*ops, status.to_json()]})


def _batch(
    state: PageState, op: Op, labels: frozenset[str], *, reject_stranded: bool = True
) -> Plan:
    ops = [Op.from_json(o) for o in op.args["ops"]]
    if not ops:
        raise EditError(msg("an empty batch changes nothing"))
    current, inverses, changes = state, [], Changes(op.page_id)
    for sub in ops:
        if sub.page_id != op.page_id:
            raise EditError(msg("a batch acts on one page only"))
        step = plan(current, sub, labels, reject_stranded=reject_stranded)
        current, changes = step.after, changes | step.changes
        if step.after is step.before and sub.args.get("only_if_new"):
            # The automatic new -> in_progress step did nothing (the page had moved on):
            # its undo must do nothing either, even if the page is new again by then.
            continue
        inverses.append(step.inverse.to_json())
    inverse = Op("batch", op.page_id, {"ops": inverses[::-1]})
    return Plan(op, inverse, state, current, changes)


def _gold_blocks(state: PageState, items: Any) -> tuple[Block, ...]:
    """Blocks of a ``replace_page_gold``: sorted, apart, inside the page, known roles."""
    text = state.page.text
    blocks = []
    end = 0
    for item in items:
        b = Block(
            item["start"],
            item["end"],
            _check_role(item["role"]),
            item.get("article"),
            bool(item.get("joins_previous", False)),
            dict(item.get("confidences") or {}),
        )
        if not (isinstance(b.start, int) and isinstance(b.end, int)):
            raise EditError("replace_page_gold: block offsets must be integers")
        if not end <= b.start < b.end <= len(text):
            raise EditError(
                f"replace_page_gold: block [{b.start}, {b.end}) overlaps the previous one or "
                f"is outside page {state.page.id!r} (0..{len(text)})"
            )
        if b.article is None and b.joins_previous:
            raise EditError(f"replace_page_gold: block at {b.start} joins outside any article")
        blocks.append(b)
        end = b.end
    return renumber(blocks)


def _replace_page_gold(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    """Replace a page's blocks, spans, status and note at once (gold brought in from a file).

    The inverse is the same operation with the page as it was, so undo restores it exactly.
    """
    blocks = _gold_blocks(state, op.args["blocks"])
    spans: dict[int, Span] = {}
    for item in op.args["spans"]:
        span = _span_from_args(state, item, labels)
        span_id = _span_id(span.id)
        if span_id in spans:
            raise EditError(f"replace_page_gold: span id {span_id} given twice")
        spans[span_id] = span
    status = op.args["status"]
    if status not in PAGE_STATUSES:
        raise EditError(f"unknown page status {status!r}; expected one of {PAGE_STATUSES}")
    note = op.args.get("note", state.page.note)
    page = replace(state.page, status=status, note=note)
    after = PageState(page, blocks, spans)
    inverse = Op(
        "replace_page_gold",
        op.page_id,
        {
            "blocks": [b.to_dict() for b in state.blocks],
            "spans": [s.to_dict() for s in state.spans.values()],
            "status": state.page.status,
            "note": state.page.note,
        },
    )
    touched = frozenset(state.spans) | frozenset(spans)
    return Plan(op, inverse, state, after, Changes(op.page_id, True, touched, True))


Planner = Callable[[PageState, Op, frozenset[str]], Plan]

KINDS: dict[str, Planner] = {
    "set_role": _set_role,
    "set_blocks": _set_blocks,
    "start_article": _start_article,
    "merge_article": _merge_article,
    "move_block": _move_block,
    "mark_other": _mark_other,
    "join": _set_join,
    "unjoin": _set_join,
    "split_block": _split_block,
    "merge_blocks": _merge_blocks,
    "add_span": _add_span,
    "remove_span": _remove_span,
    "relabel_span": _relabel_span,
    "set_span_status": _set_span_status,
    "set_span_attrs": _set_span_attrs,
    "set_page_status": _set_page_status,
    "batch": _batch,
    "replace_page_gold": _replace_page_gold,
}


_SETS_STATUS = frozenset({"set_page_status", "replace_page_gold"})


def first_edit_starts_review(state: PageState, op: Op) -> Op:
    """``op`` as a new edit: on a page still ``new`` it also moves the page to
    ``in_progress``, in the same operation, so that undoing it restores ``new`` exactly.
    An operation that sets the status itself is left as it is: a status change (skip, flag,
    done) or gold from a file (``replace_page_gold``: a page the file calls new stays new)."""
    if state.page.status != "new" or op.kind in _SETS_STATUS:
        return op
    status = Op("set_page_status", op.page_id, {"status": "in_progress", "only_if_new": True})
    return Op("batch", op.page_id, {"ops": [op.to_json(), status.to_json()]})


def plan(state: PageState, op: Op, labels: Iterable[str], *, reject_stranded: bool = True) -> Plan:
    """Validate ``op`` against ``state`` and return its effect and exact inverse.

    The open suggestions the operation strands are rejected by it
    (:func:`stranded_suggestions`), unless ``reject_stranded`` is false: an undo goes back
    to a state the page was in, so that it restores a suggestion that was open on
    furniture before the edit, exactly.

    Raises ``EditError`` with a message for the reviewer when the operation does not apply.
    """
    if op.page_id != state.page.id:
        raise EditError(
            msg(
                "operation for page {page!r} applied to page {other!r}",
                page=op.page_id,
                other=state.page.id,
            )
        )
    try:
        planner = KINDS[op.kind]
    except KeyError:
        raise EditError(msg("unknown edit operation {kind!r}", kind=op.kind)) from None
    try:
        if op.kind == "batch":  # (each step of a batch is planned here on its own)
            result = _batch(state, op, frozenset(labels), reject_stranded=reject_stranded)
        else:
            result = planner(state, op, frozenset(labels))
    except (KeyError, TypeError) as exc:
        raise EditError(
            msg(
                "{kind}: malformed arguments {args!r} ({error})",
                kind=op.kind,
                args=op.args,
                error=str(exc),
            )
        ) from None
    if reject_stranded and op.kind != "batch":
        result = _reject_stranded(result)
    _check_done_has_none_open(result)
    return result


# --- open suggestions that a boundary edit strands --------------------------------------


def stranded_suggestions(plan_: Plan) -> list[Span]:
    """The open suggestions that ``plan_`` strands, in page order: each had its exact place
    in its article's clean text before the edit, and has none after it (it would cross the
    new paragraph or article break, or lie on a paragraph now outside every article; see
    :func:`annotator.text.span_problem`).

    Left open, such a suggestion could be neither accepted (the store refuses a label that
    export would leave out) nor exported, and it blocked marking the page done until it was
    found and rejected by hand. Only the suggestions on blocks the edit changed are read; one
    stranded already before the edit (a database from before this rule) is not counted.
    """
    if not plan_.changes.blocks:
        return []
    before, after = plan_.before, plan_.after
    places_after: SpanPlaces | None = None
    places_before: SpanPlaces | None = None
    out = []
    for span in _changed_or_moved(plan_, "suggested"):
        if span.id is None:
            continue
        old = before.spans.get(span.id)
        if old is None or old.status != "suggested" or old.start != span.start:
            continue
        if old.end != span.end:
            continue
        places_after = places_after or SpanPlaces(after.page.text, after.blocks)
        if places_after.problem(span.start, span.end) is None:
            continue
        places_before = places_before or SpanPlaces(before.page.text, before.blocks)
        if places_before.problem(old.start, old.end) is None:
            out.append(span)
    return out


def _reject_stranded(plan_: Plan) -> Plan:
    """``plan_`` with the open suggestions it strands rejected in the same operation.

    One operation, so one transaction, one log row and one undo step: its inverse reopens
    them after putting the blocks back (the inverse of ``replace_page_gold`` restores the
    whole page already). Every new edit and redo is planned through here (an undo is not:
    it goes back to a state the page was in), so the window, the command line and every
    import reject them alike.
    """
    stranded = stranded_suggestions(plan_)
    if not stranded:
        return plan_
    op, page_id = plan_.op, plan_.op.page_id
    spans = dict(plan_.after.spans)
    ids = []
    for span in stranded:
        span_id = _span_id(span.id)
        spans[span_id] = replace(span, status="rejected")
        ids.append(span_id)
    inverse = plan_.inverse
    if op.kind != "replace_page_gold":
        reopen = [
            Op("set_span_status", page_id, {"id": i, "status": "suggested"}).to_json() for i in ids
        ]
        inverse = Op("batch", page_id, {"ops": [inverse.to_json(), *reopen]})
    after = replace(plan_.after, spans=spans)
    changes = plan_.changes | Changes(page_id, spans=frozenset(ids))
    return replace(plan_, inverse=inverse, after=after, changes=changes)


def suggestions_rejected(before: PageState, after: PageState, ids: Iterable[int]) -> list[Span]:
    """The spans among ``ids`` open in ``before`` and rejected in ``after``, in page order:
    what an edit rejected (the window names those a boundary edit stranded)."""
    out = []
    for span_id in ids:
        old, new = before.spans.get(span_id), after.spans.get(span_id)
        if old is None or new is None or old.status != "suggested":
            continue
        if new.status == "rejected":
            out.append(new)
    return sorted(out, key=lambda s: (s.start, s.end, s.id or 0))


def spans_left_out(plan_: Plan) -> list[tuple[Span, str]]:
    """The spans accepted after ``plan_`` that export leaves out and took (or had not to
    take) before it, each with why (:func:`annotator.text.span_problem`: ``"paragraphs"``,
    ``"articles"``, ``"markup"``, ``"furniture"``, ``"between"``).

    A boundary edit (unjoin, split, a new article) under a label made across a joined
    paragraph's line break leaves it across a break, and a suggestion that a split cut in
    two can still be accepted: every export then drops the reviewer's label with a warning
    on the exporter's terminal only. Every new edit is refused for it where it is applied
    (:func:`refuse_labels_left_out`, called by the store); undo and redo are checked only
    for labels another reviewer's edit since made or lies under (else they go back to a
    state the page was in). A label left out already before the edit (a
    database from before this check) is not counted, and only spans the edit changed or
    that lie on blocks it changed are read.
    """
    if not plan_.changes.blocks and not plan_.changes.spans:
        return []
    before, after = plan_.before, plan_.after
    places: SpanPlaces | None = None
    out: list[tuple[Span, str]] = []
    for span in _changed_or_moved(plan_, "accepted"):
        if span.id is None:
            continue
        old = before.spans.get(span.id)
        places = places or SpanPlaces(after.page.text, after.blocks)
        why = places.problem(span.start, span.end)
        if why is None or _left_out_before(before, old):
            continue
        out.append((span, why))
    return out


def _changed_or_moved(plan_: Plan, status: str) -> list[Span]:
    """The spans of ``status`` after ``plan_`` that it changed, or whose blocks it changed,
    in page order.

    A span's blocks changed exactly when a block in one of the two splits and not in the
    other overlaps it: only those blocks are looked at (a key press on a page of a thousand
    spans compares none of them)."""
    before, after, changes = plan_.before, plan_.after, plan_.changes
    ids = {i for i in changes.spans if i in after.spans and after.spans[i].status == status}
    if changes.blocks:
        ranges = merged_ranges([(b.start, b.end) for b in set(before.blocks) ^ set(after.blocks)])
        starts = [a for a, _ in ranges]
        for span_id, span in after.spans.items():
            if span.status != status:
                continue
            k = bisect_right(starts, span.end - 1) - 1  # the last range starting inside it
            if k >= 0 and ranges[k][1] > span.start:
                ids.add(span_id)
    spans = [after.spans[i] for i in ids]
    return sorted(spans, key=lambda s: (s.start, s.end, s.id or 0))


class LabelsLeftOut(EditError):
    """A new edit refused because it would leave an accepted label out of every export
    (:func:`spans_left_out`): ``span`` is the first such label and ``why`` says how."""

    def __init__(self, message: str, span: Span | None = None, why: str = "") -> None:
        super().__init__(message)
        self.span = span
        self.why = why


def refuse_labels_left_out(plan_: Plan) -> None:
    """``LabelsLeftOut`` naming the first label ``plan_`` would leave out of every export;
    nothing when it leaves none out. Called wherever a new edit is applied (the store), so
    that the window, the command line and every import refuse such an edit alike."""
    lost = spans_left_out(plan_)
    if not lost:
        return
    span, why = lost[0]
    reasons = {
        "articles": msg("it would cross into another article"),
        "paragraphs": msg("it would cross a paragraph break"),
        "markup": msg("it would take in markup that the clean text drops"),
        "furniture": msg("it would lie outside every article, and no export writes that"),
        "between": msg("it would lie on no paragraph, only on the break between two"),
    }
    message = msg(
        "the label {text} ({label}) would be left out of every export: {reason}; "
        "remove, reject or shorten it first",
        text=f"「{_span_text(plan_.after, span)}」",
        label=span.label,
        reason=reasons.get(why, why),
    )
    raise LabelsLeftOut(message, span, why)


def _left_out_before(before: PageState, old: Span | None) -> bool:
    """Whether ``old`` was an accepted span that export left out already."""
    if old is None or old.status != "accepted":
        return False
    return span_problem(before.page.text, before.blocks, old.start, old.end) is not None


# --- what an edit touched (undo that is the reviewer's own) ------------------------------

_SPAN_KINDS = frozenset(
    {"add_span", "remove_span", "relabel_span", "set_span_status", "set_span_attrs"}
)
Key = tuple[str, Any]  # ("span", id), ("block", start) or ("status", None)


def _keys(op: dict[str, Any], text: str, out: set[Key]) -> None:
    kind, args = op["kind"], op.get("args") or {}
    if kind == "batch":
        for sub in args.get("ops", []):
            _keys(sub, text, out)
    elif kind in _SPAN_KINDS:
        out.add(("span", args.get("id")))
    elif kind == "set_page_status":
        # The automatic new -> in_progress step of a first edit changes nothing when the
        # page has moved on; its effective form is logged as a plain status in the inverse.
        if not args.get("only_if_new"):
            out.add(("status", None))
    elif kind == "set_blocks":
        out.update(("block", start) for start, _fields in args.get("changes", []))
    elif kind == "replace_page_gold":  # the whole page: its inverse names the page before
        out.update(("span", span.get("id")) for span in args.get("spans", []))
        out.update(("block", block["start"]) for block in args.get("blocks", []))
        out.add(("status", None))
    elif kind == "split_block":
        _split_keys(args.get("at", 0), text, out)
    elif "block" in args:
        out.add(("block", args["block"]))


def _split_keys(at: int, text: str, out: set[Key]) -> None:
    """The blocks a split at ``at`` touches: the one cut and the one starting after the blanks."""
    out.add(("block", at))
    while at < len(text) and _WS.match(text[at]):
        at += 1
    out.add(("block", at))  # where the second block starts


def touched(op: Op, inverse: Op, text: str, *, redo: bool = False) -> frozenset[Key]:
    """What an edit (``op`` as logged with its ``inverse``) changed on a page of ``text``:
    span ids, block starts and the page status.

    A block operation names its block; its inverse names every other block it changed
    (renumbered articles, the block a split cut), so the union covers both. ``redo``: what
    applying ``op`` again would change, where the automatic new -> in_progress step no
    longer counts (on redo it only moves a page that is still new).
    """
    out: set[Key] = set()
    _keys(op.to_json(), text, out)
    status_in_op = ("status", None) in out
    _keys(inverse.to_json(), text, out)
    if redo and not status_in_op:
        out.discard(("status", None))
    return frozenset(out)
