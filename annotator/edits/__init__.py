"""The edit operations: validate an operation against a page's state and plan its effect.

An operation is plain data (``Op(kind, page_id, args)``) so that it can be written to the
edit log and replayed. ``plan(state, op, labels)`` is pure: it checks the operation,
computes the page state after it, the exact inverse operation, and what changed. The store
(the only module that writes SQL) persists a plan in one transaction together with its log
row; the GUI wraps store calls in ``QUndoCommand``s. Nothing here touches I/O or Qt.

Block operations keep the invariant that article numbers are ``1..k`` in order of each
article's first block on the page, so exported ordinals never have gaps.

The package's rooms: :mod:`.operation` (the values), :mod:`.planning` (``plan``, the one way
in), the planners :mod:`.block_ops`, :mod:`.span_ops` and :mod:`.page_ops`,
:mod:`.stranded_spans` (labels an edit strands or leaves out) and :mod:`.touched_keys`.
Callers import from the package.
"""

from annotator.edits.block_ops import renumber
from annotator.edits.operation import Changes, EditError, Op, PageState, Plan
from annotator.edits.page_ops import mark_done_op, open_suggestions
from annotator.edits.planning import KINDS, Planner, first_edit_starts_review, plan
from annotator.edits.span_ops import refuse_twin_labels
from annotator.edits.stranded_spans import (
    LabelsLeftOut,
    refuse_labels_left_out,
    spans_left_out,
    stranded_suggestions,
    suggestions_rejected,
)
from annotator.edits.touched_keys import Key, touched

__all__ = [
    "KINDS",
    "Changes",
    "EditError",
    "Key",
    "LabelsLeftOut",
    "Op",
    "PageState",
    "Plan",
    "Planner",
    "first_edit_starts_review",
    "mark_done_op",
    "open_suggestions",
    "plan",
    "refuse_labels_left_out",
    "refuse_twin_labels",
    "renumber",
    "spans_left_out",
    "stranded_suggestions",
    "suggestions_rejected",
    "touched",
]
