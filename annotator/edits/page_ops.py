"""The planners of the page operations (status, gold replacing the whole page) and the rule
that a done page has no open suggestion (:func:`mark_done_op` settles them first).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.edits.block_ops import _check_role, renumber
from annotator.edits.operation import Changes, EditError, Op, PageState, Plan
from annotator.edits.span_ops import _span_from_args, _span_id
from annotator.messages import msg
from annotator.model import PAGE_STATUSES, Block, Span, status_word
from annotator.text import SpanPlaces


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
    # A suggestion with the range and label of an accepted one (or of one accepted before it
    # here) is rejected: accepted too, export would write the entity twice.
    taken = {(s.start, s.end, s.label) for s in state.spans.values() if s.status == "accepted"}

    def decision(span: Span) -> str:
        key = (span.start, span.end, span.label)
        if places is None or places.problem(span.start, span.end) is not None or key in taken:
            return "rejected"
        taken.add(key)
        return "accepted"

    ops = [
        Op("set_span_status", state.page.id, {"id": s.id, "status": decision(s)}).to_json()
        for s in pending
    ]
    return Op("batch", state.page.id, {"ops": [*ops, status.to_json()]})


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
