"""Undo all and redo all, as the window replays them from the edit log, after any mix of
edits (issue 11, "checks that check").

A page of random paragraphs (markdown marks, astral and full-width characters, one or two
line breaks between paragraphs) with random suggestions and gold; then a random sequence of
every kind of edit a reviewer makes (roles, article starts and merges, moves, furniture,
joins, splits and merges of paragraphs, labels added, removed, relabelled, accepted,
rejected, their attributes, page statuses, "accept all and mark done", batches). Undoing
every edit from the history the store rebuilds from its log must give back the database's
rows as they were, byte for byte (and the same Gold JSONL); redoing them all must give back
the rows as they were before the undo; the history must say so at each end.
"""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from annotator.edits import EditError, Op, PageState, mark_done_op, renumber
from annotator.exporting import ExportRequest, export
from annotator.model import Block, Page, Span
from annotator.store import Store, UndoRefused

# No "explain" phase: on these tests it re-runs hundreds of examples for minutes.
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink)
LABELS = ("PER", "LOC", "ORG", "DATE", "FIGURE")
ROLES = ("body", "headline", "kicker", "byline", "caption", "intertitle", "other")
PIECES = (
    "甲乙",
    "丙丁戊",
    "ＡＢ１２",
    "# ",
    "## ",
    "**",
    "  ",
    "\n",
    "己",
    "𠮷",
    "😀",
    " ",
    "　",
    "，",
)
# Separators Python's str.splitlines() cuts at but a page keeps as text (a converter's form
# feed, NEL, U+2028): offsets must not shift at them in any format.
PIECES += ("\u2028", "\x85", "\x0c")


def _words(text: str, start: int, length: int) -> tuple[int, int]:
    """``[start, start + length)`` without white space at its ends, as the window takes a
    selection and every import of spans takes them (an empty range when nothing is left)."""
    end = min(len(text), start + length)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, list[Block], list[Span]]:
    paragraphs = draw(
        st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5), min_size=1, max_size=6)
    )
    text, blocks = "", []
    for i, pieces in enumerate(paragraphs):
        body = "".join(pieces).strip() or "甲"
        if i:
            text += draw(st.sampled_from(["\n", "\n\n", "\n \n"]))
        article = draw(st.sampled_from([None, 1, 2, 3]))
        role = "other" if article is None else draw(st.sampled_from(ROLES[:-1]))
        # (only a paragraph after another of its article can continue one)
        joins = any(b.article == article for b in blocks) and article is not None
        joins = joins and draw(st.booleans())
        confidences = {"role": draw(st.sampled_from([0.25, 0.5, 1.0])), "boundary": 0.75}
        blocks.append(Block(len(text), len(text) + len(body), role, article, joins, confidences))
        text += body
    spans, keys = [], set()
    for _ in range(draw(st.integers(0, 6))):
        start, end = _words(text, draw(st.integers(0, len(text) - 1)), draw(st.integers(1, 8)))
        if start >= end:
            continue
        status = draw(st.sampled_from(["suggested", "suggested", "accepted", "rejected"]))
        attrs = draw(st.sampled_from([{}, {"value": 3, "unit": "亩"}]))
        origin = draw(st.sampled_from(["rule", "gazetteer", "model", "human"]))
        label = draw(st.sampled_from(LABELS))
        if (start, end, label) not in keys:  # (the suggesters and the edits give a label once)
            keys.add((start, end, label))
            spans.append(Span(start, end, label, origin, status, attrs))
    return text, renumber(blocks), spans


def _op(draw: st.DrawFn, state: PageState) -> Op | None:
    text = state.page.text
    starts = [b.start for b in state.blocks]
    ids = sorted(state.spans)
    kind = draw(
        st.sampled_from(
            [
                "set_role",
                "start_article",
                "merge_article",
                "move_block",
                "mark_other",
                "join",
                "unjoin",
                "split_block",
                "merge_blocks",
                "add_span",
                "remove_span",
                "relabel_span",
                "set_span_status",
                "set_span_attrs",
                "set_page_status",
                "mark_done",
                "batch",
            ]
        )
    )
    if kind in ("mark_done", "batch"):
        return _compound(draw, state, kind)
    args: dict[str, Any] = {"block": draw(st.sampled_from(starts))} if starts else {}
    if kind == "set_role":
        args["role"] = draw(st.sampled_from(ROLES))
    elif kind == "move_block":
        args["direction"] = draw(st.sampled_from([-1, 1]))
    elif kind == "split_block":
        args = {"at": draw(st.integers(0, len(text)))}
    elif kind == "add_span":
        start, end = _words(text, draw(st.integers(0, len(text) - 1)), draw(st.integers(1, 8)))
        if start >= end:
            return None
        args = {"start": start, "end": end, "label": draw(st.sampled_from(LABELS))}
    elif kind in ("remove_span", "relabel_span", "set_span_status", "set_span_attrs"):
        if not ids:
            return None
        args = _span_args(draw, kind, draw(st.sampled_from(ids)))
    elif kind == "set_page_status":
        args = {
            "status": draw(st.sampled_from(["in_progress", "done", "flagged", "skipped"])),
            "note": draw(st.sampled_from([None, "查看𠮷"])),
        }
    return Op(kind, "p", args)


def _compound(draw: st.DrawFn, state: PageState, kind: str) -> Op | None:
    if kind == "mark_done":  # "accept all and mark done", or "reject all …"
        return mark_done_op(state, draw(st.sampled_from(["accept", "reject"])))
    subs = [_op(draw, state) for _ in range(draw(st.integers(1, 3)))]
    ops = [s.to_json() for s in subs if s is not None and s.kind != "batch"]
    return Op("batch", "p", {"ops": ops}) if ops else None


def _span_args(draw: st.DrawFn, kind: str, span_id: int) -> dict[str, Any]:
    args: dict[str, Any] = {"id": span_id}
    if kind == "relabel_span":
        args["label"] = draw(st.sampled_from(LABELS))
    elif kind == "set_span_status":  # no key reopens a decided label by hand
        args["status"] = draw(st.sampled_from(["accepted", "rejected"]))
    elif kind == "set_span_attrs":
        args["attrs"] = draw(st.sampled_from([{}, {"value": 7}, {"value": 0.5, "unit": "%"}]))
    return args


def _rows(store: Store) -> tuple[Any, ...]:
    """The page's rows as stored: every column of its blocks and spans, its status, note
    and first output (reviewer and times say who last wrote, not what the page holds)."""
    conn = store.db.conn
    return (
        conn.execute("SELECT status, note, text FROM pages WHERE id = 'p'").fetchall(),
        conn.execute("SELECT * FROM blocks WHERE page_id = 'p' ORDER BY start").fetchall(),
        conn.execute("SELECT * FROM spans WHERE page_id = 'p' ORDER BY id").fetchall(),
    )


def _predictions(store: Store) -> list[Any]:
    return store.db.conn.execute("SELECT blocks, spans FROM predictions").fetchall()


def _gold(store: Store) -> list[dict[str, Any]]:
    out = io.StringIO()
    export(store, ExportRequest(fmt="jsonl", statuses=None), out)
    records = [json.loads(x) for x in out.getvalue().split("\n") if x]
    for r in records:  # who wrote last and when: the undo's, not what the page holds
        del r["reviewer"], r["updated_at"], r["status"]
    return records


@settings(max_examples=70, deadline=None, suppress_health_check=list(HealthCheck), phases=PHASES)
@given(pages(), st.sampled_from(["new", "in_progress", "done"]), st.data())
def test_undo_all_then_redo_all_from_the_log_gives_back_each_state_byte_for_byte(
    page: tuple[str, list[Block], list[Span]], status: str, data: st.DataObject
) -> None:
    text, blocks, spans = page
    if status == "done":  # a done page has no open suggestion
        spans = [s if s.status != "suggested" else Span(**{**vars(s), "status": "accepted"})
                 for s in spans]  # fmt: skip
    with Store.open(":memory:") as store:
        store.add_page(Page("p", text, "p.txt", "x", status=status, note="原"), blocks, spans)
        start, start_gold = _rows(store), _gold(store)
        applied = []
        for _ in range(data.draw(st.integers(1, 10))):
            op = _op(data.draw, store.page_state("p"))
            if op is None:
                continue
            try:
                applied.append(store.apply(op, "ana").edit_id)
            except EditError:
                continue
        edited, first_output = _rows(store), _predictions(store)
        done, undone = store.history("p", "ana")
        assert [r.edit_id for r in done] == applied and undone == []

        # undo everything, each time the top of the undo stack the log gives, as Ctrl+Z does
        while done:
            top = done[-1]
            assert store.replay_refusal("p", top.edit_id, "undo", "ana") is None
            store.apply(top.inverse, "ana", action="undo", target=top.edit_id)
            done, undone = store.history("p", "ana")
        assert _rows(store) == start
        assert _gold(store) == start_gold
        assert [r.edit_id for r in undone] == applied

        # redo everything, as Ctrl+Shift+Z does
        while undone:
            top = undone[0]
            assert store.replay_refusal("p", top.edit_id, "redo", "ana") is None
            store.apply(top.op, "ana", action="redo", target=top.edit_id)
            done, undone = store.history("p", "ana")
        assert _rows(store) == edited
        assert _predictions(store) == first_output
        assert [r.edit_id for r in done] == applied

        # and once more down: the inverses logged with the redos are exact too
        while done:
            top = done[-1]
            try:
                store.apply(top.inverse, "ana", action="undo", target=top.edit_id)
            except UndoRefused as refusal:  # pragma: no cover - a failure names the edit
                raise AssertionError(f"undo after redo refused: {refusal}") from None
            done, undone = store.history("p", "ana")
        assert _rows(store) == start
