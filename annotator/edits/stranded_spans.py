"""Spans a boundary edit strands or leaves out of every export: open suggestions it strands
are rejected in the same edit; an edit that would leave an accepted label out is refused.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace

from annotator.edits.operation import Changes, EditError, Op, PageState, Plan
from annotator.edits.span_ops import _span_id, _span_text
from annotator.markdown import merged as merged_ranges
from annotator.messages import msg
from annotator.model import Span
from annotator.text import SpanPlaces, span_problem


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
