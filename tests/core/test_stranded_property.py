"""Properties of the rule that a boundary edit rejects the open suggestions it strands, and
of Gold JSONL export after any edit history (issue 9)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.edits import (
    EditError,
    Op,
    PageState,
    Plan,
    mark_done_op,
    plan,
)
from annotator.exporting import ExportRequest, export
from annotator.model import AnyBlock, Page, Span
from annotator.store import Store, UndoRefused
from annotator.text import SpanPlaces, derive_article, span_problem

from .test_left_out_property import LABELS, _op, plans, states


def _reference_problem(text: str, blocks: Sequence[AnyBlock], start: int, end: int) -> str | None:
    """``span_problem`` as it was before ``SpanPlaces``: every block scanned, the article
    derived for each range."""
    touched = [b for b in blocks if b.start < end and start < b.end]
    numbers = {b.article for b in touched}
    if not touched:
        return "between"
    if numbers == {None}:
        return "furniture"
    if len(numbers) > 1:
        return "articles"
    number = numbers.pop()
    article = derive_article(text, [b for b in blocks if b.article == number])
    if article.span_to_article(start, end) is not None:
        return None
    inside = len(touched) == 1 and touched[0].start <= start and end <= touched[0].end
    return "markup" if inside else "paragraphs"


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(states(), st.data())
def test_span_places_says_what_span_problem_said(state: PageState, data: st.DataObject) -> None:
    places = SpanPlaces(state.page.text, state.blocks)
    n = len(state.page.text)
    for _ in range(8):
        start = data.draw(st.integers(0, n - 1))
        end = data.draw(st.integers(start + 1, n))
        expected = _reference_problem(state.page.text, state.blocks, start, end)
        assert places.problem(start, end) == expected
        assert span_problem(state.page.text, state.blocks, start, end) == expected


def _placed(state: PageState, span_id: int) -> bool:
    span = state.spans[span_id]
    return span_problem(state.page.text, state.blocks, span.start, span.end) is None


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(plans())
def test_no_edit_leaves_open_a_suggestion_it_took_the_place_of(p: Plan) -> None:
    # Every open suggestion that had its place in the clean text before the edit has one
    # after it, or the edit rejected it; nothing else changes status that way.
    before, after = p.before, p.after
    for span_id, span in after.spans.items():
        old = before.spans.get(span_id)
        if (
            old is None
            or old.status != "suggested"
            or (old.start, old.end)
            != (
                span.start,
                span.end,
            )
        ):
            continue
        if span.status == "suggested":
            assert not _placed(before, span_id) or _placed(after, span_id)
        rejected_by_hand = p.op.kind == "set_span_status" and p.op.args["id"] == span_id
        if span.status == "rejected" and p.op.kind != "batch" and not rejected_by_hand:
            assert _placed(before, span_id) and not _placed(after, span_id)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(plans())
def test_undoing_any_edit_reopens_exactly_what_it_rejected(p: Plan) -> None:
    # Whatever the edit's own undo restores, the rejections the rule added come undone
    # with it: undo (planned as the store undoes, rejecting nothing) ends where the undo of
    # the same edit without the rule ends.
    try:
        plain = plan(p.before, p.op, LABELS, reject_stranded=False)
        plain_back = plan(plain.after, plain.inverse, LABELS, reject_stranded=False)
    except EditError:
        assume(False)
        raise
    back = plan(p.after, p.inverse, LABELS, reject_stranded=False)
    assert back.after == plain_back.after


# --- Gold JSONL after any edit history ----------------------------------------------------


@st.composite
def placed_states(draw: st.DrawFn) -> PageState:
    """A page whose spans all have their place (as suggesters and reviewers make them):
    open or accepted, each inside one paragraph of an article, none across a break."""
    state = draw(states())
    text = state.page.text
    blocks = [b for b in state.blocks if b.article is not None]
    assume(blocks)
    spans = {}
    for span_id in range(1, draw(st.integers(1, 8)) + 1):
        b = draw(st.sampled_from(blocks))
        start = draw(st.integers(b.start, b.end - 1))
        end = draw(st.integers(start + 1, b.end))
        if span_problem(text, state.blocks, start, end) is not None:
            continue
        status = draw(st.sampled_from(["suggested", "suggested", "accepted"]))
        spans[span_id] = Span(
            start, end, draw(st.sampled_from(LABELS)), "rule", status, {}, span_id
        )
    return PageState(state.page, state.blocks, spans)


def _history_op(draw: st.DrawFn, state: PageState) -> Op:
    op = _op(draw, state)
    if op.kind == "set_span_status" and op.args["status"] == "suggested":
        # Reopening is what undo does (with the blocks back); no key reopens by hand.
        op = Op(op.kind, op.page_id, {**op.args, "status": "rejected"})
    if op.kind == "add_span":  # made by a reviewer: the store hands out the id
        op = Op(op.kind, op.page_id, {k: v for k, v in op.args.items() if k != "id"})
    return Op(op.kind, "p", op.args)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(placed_states(), st.data())
def test_gold_jsonl_never_holds_a_span_across_a_paragraph_or_article_whatever_the_history(
    state: PageState, data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.db"
        with Store.open(path) as store:
            store.add_page(
                Page("p", state.page.text, "p.txt", "x", status="in_progress"),
                state.blocks,
                [s for _, s in sorted(state.spans.items())],
            )
            applied = []
            for _ in range(data.draw(st.integers(1, 8))):
                op = _history_op(data.draw, store.page_state("p"))
                try:
                    applied.append(store.apply(op, "prop"))
                except EditError:
                    continue
            # undo some of it again, as a reviewer would
            for a in reversed(applied[: data.draw(st.integers(0, len(applied)))]):
                try:
                    store.apply(a.inverse, "prop", action="undo", target=a.edit_id)
                except (EditError, UndoRefused):
                    continue
            # "Accept all and mark done" works: no open suggestion was left stranded
            store.apply(mark_done_op(store.page_state("p"), "accept"), "prop")
            blocks = store.blocks("p")
            accepted = [  # (a label on the line break between two paragraphs is on none)
                s
                for s in store.spans("p")
                if s.status == "accepted"
                and any(b.start < s.end and s.start < b.end for b in blocks)
            ]
            out = Path(folder) / "gold.jsonl"
            export(store, ExportRequest(fmt="jsonl"), out)
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    exported = 0
    for record in records:
        for span in record["spans"]:
            exported += 1
            assert record["text"][span["start"] : span["end"]] == span["text"]
            inside = [
                b
                for b in record["blocks"]
                if b["start"] <= span["start"] and span["end"] <= b["end"]
            ]
            assert len(inside) == 1, (span, record["blocks"])
    # nothing accepted was dropped by the export (every accepted label has its place); an
    # undo may bring back a twin (the same label over the same words), written once
    assert exported == len({(s.start, s.end, s.label) for s in accepted})
