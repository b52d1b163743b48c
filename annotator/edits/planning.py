""":func:`plan`, the one way in: the planner of each kind (:data:`KINDS`), batches, and the
checks every edit gets; and the rule that a page's first edit starts its review.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from annotator.edits.block_ops import (
    _mark_other,
    _merge_article,
    _merge_blocks,
    _move_block,
    _set_blocks,
    _set_join,
    _set_role,
    _split_block,
    _start_article,
)
from annotator.edits.operation import Changes, EditError, Op, PageState, Plan
from annotator.edits.page_ops import _check_done_has_none_open, _replace_page_gold, _set_page_status
from annotator.edits.span_ops import (
    _add_span,
    _relabel_span,
    _remove_span,
    _set_span_attrs,
    _set_span_status,
)
from annotator.edits.stranded_spans import _reject_stranded
from annotator.messages import msg


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
