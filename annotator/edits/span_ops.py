"""The planners of the span operations: add, remove, relabel, decide and annotate a span."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from annotator.edits.operation import Changes, EditError, Op, PageState, Plan
from annotator.messages import msg
from annotator.model import SPAN_ORIGINS, SPAN_STATUSES, Span, status_word


def _check_label(label: Any, labels: frozenset[str]) -> None:
    if label not in labels:
        raise EditError(
            msg(
                "unknown label {label!r}; configured labels: {labels}",
                label=label,
                labels=", ".join(sorted(labels)),
            )
        )


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


def refuse_twin_labels(plan_: Plan) -> None:
    """``EditError`` when a new edit leaves a label it accepted, added or changed accepted
    beside another accepted one of the same range and label (a span relabelled to the label
    of another over the same words, a label added twice): every export wrote the entity
    twice. An open twin is left to the reviewer (and "accept all" rejects it). Called
    wherever a new edit is applied (the store); one pass over the page's spans, and only
    when the edit changed a span."""
    after = plan_.after.spans
    changed = [after[i] for i in plan_.changes.spans if i in after]
    changed = [s for s in changed if s.status == "accepted"]
    if not changed:
        return
    count: dict[tuple[int, int, str], int] = {}
    for span in after.values():
        if span.status == "accepted":
            key = (span.start, span.end, span.label)
            count[key] = count.get(key, 0) + 1
    for span in changed:
        if count[(span.start, span.end, span.label)] > 1:
            raise EditError(
                msg(
                    "“{text}” is {label} already",
                    text=_span_text(plan_.after, span),
                    label=span.label,
                )
            )
