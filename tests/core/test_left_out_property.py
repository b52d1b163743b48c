"""The narrow ``spans_left_out`` (only the spans an edit changed or lies on) against the
full check it replaced, over random pages and random edits (issue 11)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.edits import EditError, Op, PageState, Plan, plan, renumber, spans_left_out
from annotator.model import Block, Page, Span
from annotator.text import span_problem

LABELS = ("PER", "LOC", "ORG")
PIECES = ("甲乙", "丙丁戊", "# ", "**", "  ", "\n", "己", "𠮷", " ")


def _under(blocks: Sequence[Block], span: Span) -> list[Block]:
    """The old helper: the blocks ``span`` overlaps."""
    first = max(bisect_right([b.start for b in blocks], span.start) - 1, 0)
    return [b for b in blocks[first:] if b.start < span.end and b.end > span.start]


def _left_out_before(before: PageState, old: Span | None) -> bool:
    if old is None or old.status != "accepted":
        return False
    return span_problem(before.page.text, before.blocks, old.start, old.end) is not None


def _old_full_check(p: Plan) -> list[tuple[Span, str]]:
    """``spans_left_out`` as it was before 6d17a77: every accepted span of the page."""
    if not p.changes.blocks and not p.changes.spans:
        return []
    out = []
    for span in sorted(p.after.spans.values(), key=lambda s: (s.start, s.end, s.id or 0)):
        if span.status != "accepted" or span.id is None:
            continue
        old = p.before.spans.get(span.id)
        if old == span and _under(p.before.blocks, span) == _under(p.after.blocks, span):
            continue
        why = span_problem(p.after.page.text, p.after.blocks, span.start, span.end)
        if why is None or _left_out_before(p.before, old):
            continue
        out.append((span, why))
    return out


def _every_label(p: Plan) -> list[tuple[Span, str]]:
    """What the check exists for, without any narrowing: every accepted label export
    leaves out after the edit that it did not leave out before."""
    out = []
    for span in sorted(p.after.spans.values(), key=lambda s: (s.start, s.end, s.id or 0)):
        if span.status != "accepted" or span.id is None:
            continue
        why = span_problem(p.after.page.text, p.after.blocks, span.start, span.end)
        if why is None or _left_out_before(p.before, p.before.spans.get(span.id)):
            continue
        out.append((span, why))
    return out


@st.composite
def states(draw: st.DrawFn) -> PageState:
    paragraphs = draw(
        st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5), min_size=2, max_size=7)
    )
    text, blocks = "", []
    for i, pieces in enumerate(paragraphs):
        body = "".join(pieces)
        if i:
            text += draw(st.sampled_from(["\n", "\n\n"]))
        article = draw(st.sampled_from([None, 1, 2, 3]))
        role = draw(st.sampled_from(["body", "headline", "caption", "other"]))
        joins = article is not None and bool(blocks) and draw(st.booleans())
        blocks.append(Block(len(text), len(text) + len(body), role, article, joins))
        text += body
    spans = {}
    for span_id in range(1, draw(st.integers(0, 6)) + 1):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 8)))
        status = draw(st.sampled_from(["accepted", "accepted", "suggested", "rejected"]))
        spans[span_id] = Span(
            start, end, draw(st.sampled_from(LABELS)), "human", status, {}, span_id
        )
    return PageState(Page("p", text, status="in_progress"), renumber(blocks), spans)


def _op(draw: st.DrawFn, state: PageState) -> Op:
    starts = [b.start for b in state.blocks]
    block = draw(st.sampled_from(starts))
    ids = sorted(state.spans) or [1]
    kind = draw(
        st.sampled_from(
            [
                "start_article",
                "merge_article",
                "move_block",
                "mark_other",
                "join",
                "unjoin",
                "split_block",
                "merge_blocks",
                "set_role",
                "add_span",
                "set_span_status",
                "relabel_span",
                "set_blocks",
                "remove_span",
            ]
        )
    )
    args: dict = {"block": block}
    if kind == "move_block":
        args["direction"] = draw(st.sampled_from([-1, 1]))
    elif kind == "split_block":
        args = {"at": draw(st.integers(0, len(state.page.text)))}
    elif kind == "set_role":
        args["role"] = draw(st.sampled_from(["body", "headline", "caption", "other"]))
    elif kind == "add_span":
        start = draw(st.integers(0, len(state.page.text) - 1))
        end = draw(st.integers(start + 1, min(len(state.page.text), start + 8)))
        args = {"start": start, "end": end, "label": "PER", "id": 100 + len(state.spans)}
    elif kind == "set_span_status":
        args = {
            "id": draw(st.sampled_from(ids)),
            "status": draw(st.sampled_from(["accepted", "rejected", "suggested"])),
        }
    elif kind == "relabel_span":
        args = {"id": draw(st.sampled_from(ids)), "label": draw(st.sampled_from(LABELS))}
    elif kind == "remove_span":
        args = {"id": draw(st.sampled_from(ids))}
    elif kind == "set_blocks":  # as undo applies it: fields set, articles not renumbered
        fields = {
            "article": draw(st.sampled_from([None, 1, 2, 3])),
            "joins_previous": draw(st.booleans()),
        }
        args = {"changes": [[block, fields]]}
    return Op(kind, "p", args)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    state = draw(states())
    ops = [_op(draw, state) for _ in range(draw(st.integers(1, 3)))]
    op = ops[0] if len(ops) == 1 else Op("batch", "p", {"ops": [o.to_json() for o in ops]})
    try:
        return plan(state, op, LABELS)
    except EditError:
        assume(False)
        raise


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(plans())
def test_the_narrow_check_finds_what_the_full_check_found(p: Plan) -> None:
    assert spans_left_out(p) == _old_full_check(p)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(plans())
def test_the_narrow_check_finds_every_label_an_edit_newly_leaves_out(p: Plan) -> None:
    assert spans_left_out(p) == _every_label(p)
