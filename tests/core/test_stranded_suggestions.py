"""Open suggestions that a boundary edit strands are rejected by the edit itself (issue 9).

A split, an unjoin, a new article, a paragraph moved or marked outside every article, two
paragraphs merged, a segmentation import: each can leave an open suggestion across the new
break or on furniture, where it can be neither accepted nor exported and keeps the page from
being marked done. The core rejects such a suggestion in the same operation, whoever applies
it (window, command line, import): one transaction, one log row, and undo reopens it exactly.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.edits import EditError, Op, PageState, plan, stranded_suggestions
from annotator.exporting import ExportRequest, export
from annotator.model import Block, Page, Span
from annotator.pipeline import import_segmentation
from annotator.store import Store

TEXT = (
    "报头第一版\n\n"  # 0: furniture
    "标题新闻\n\n"  # 1: article 1 headline
    "市委书记邓群\n"  # 2: article 1 body, cut by a column break ...
    "策主持会议。\n\n"  # 3: ... and joined back
    "本版编辑 王芳\n\n"  # 4: article 1 body
    "乙文标题\n\n"  # 5: article 2 headline
    "乙文正文李明说。"  # 6: article 2 body
)


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def block(word: str, role: str, article: int | None, joins: bool = False) -> Block:
    return Block(*at(word), role, article, joins)


BLOCKS = [
    block("报头第一版", "other", None),
    block("标题新闻", "headline", 1),
    block("市委书记邓群", "body", 1),
    block("策主持会议。", "body", 1, True),
    block("本版编辑 王芳", "body", 1),
    block("乙文标题", "headline", 2),
    block("乙文正文李明说。", "body", 2),
]
NAME = (TEXT.index("邓群"), TEXT.index("群\n策") + 3)  # 邓群\n策, across the join
SPANS = [
    Span(*at("标题"), "ORG", "rule", "suggested"),
    Span(*at("市委书记"), "ORG", "rule", "suggested"),
    Span(*NAME, "PER", "rule", "suggested"),
    Span(*at("会议"), "ORG", "model", "suggested"),
    Span(*at("王芳"), "PER", "gazetteer", "suggested"),
    Span(*at("李明"), "PER", "human", "accepted"),
]


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "s.db")
    s.add_page(Page("p1", TEXT, "p1.txt", "x" * 64, status="in_progress"), BLOCKS, SPANS)
    yield s
    s.close()


def snapshot(store: Store) -> tuple:
    page = store.page("p1")
    return page.status, page.note, store.blocks("p1"), store.spans("p1")


def statuses(store: Store) -> dict[str, str]:
    return {TEXT[s.start : s.end]: s.status for s in store.spans("p1")}


def log_rows(store: Store) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in store.db.conn.execute("SELECT action, operation FROM edits")]


# Each boundary edit, the suggestion(s) it strands, and what else stays open.
EDITS = [
    pytest.param(Op("split_block", "p1", {"at": TEXT.index("书记")}), {"市委书记"}, id="split"),
    pytest.param(Op("unjoin", "p1", {"block": at("策主持")[0]}), {"邓群\n策"}, id="unjoin"),
    pytest.param(
        Op("start_article", "p1", {"block": at("策主持")[0]}), {"邓群\n策"}, id="start_article"
    ),
    pytest.param(
        Op("move_block", "p1", {"block": at("策主持")[0], "direction": 1}),
        {"邓群\n策"},  # 会议 moves with its paragraph, whole
        id="move_block",
    ),
    pytest.param(Op("mark_other", "p1", {"block": at("本版")[0]}), {"王芳"}, id="mark_other"),
    pytest.param(Op("merge_blocks", "p1", {"block": 0}), {"标题"}, id="merge_blocks"),
    pytest.param(
        Op("set_blocks", "p1", {"changes": [[at("本版")[0], {"article": None}]]}),
        {"王芳"},
        id="set_blocks",
    ),
    pytest.param(
        Op(
            "batch",
            "p1",
            {
                "ops": [
                    Op("set_role", "p1", {"block": 0, "role": "kicker"}).to_json(),
                    Op("unjoin", "p1", {"block": at("策主持")[0]}).to_json(),
                ]
            },
        ),
        {"邓群\n策"},
        id="batch",
    ),
]


@pytest.mark.parametrize(("op", "stranded"), EDITS)
def test_a_boundary_edit_rejects_what_it_strands_in_one_logged_undoable_step(
    store, tmp_path, op, stranded
):
    before = snapshot(store)
    opened = {w for w, s in statuses(store).items() if s == "suggested"}
    applied = store.apply(op, "ana")
    after = snapshot(store)
    got = statuses(store)
    assert {w for w, s in got.items() if s == "rejected"} == stranded
    assert {w for w, s in got.items() if s == "suggested"} == opened - stranded
    assert got["李明"] == "accepted"
    # one operation: one log row, of the edit's own kind (no batch of rejections around it)
    assert log_rows(store) == [("do", op.kind)]
    assert {s.id for s in store.spans("p1") if s.status == "rejected"} <= applied.changes.spans
    # durable: a fresh connection sees the rejections
    with Store.open(tmp_path / "s.db") as fresh:
        assert snapshot(fresh) == after
    store.apply(applied.inverse, "ana", action="undo", target=applied.edit_id)
    assert snapshot(store) == before
    redone = store.apply(applied.op, "ana", action="redo", target=applied.edit_id)
    assert snapshot(store) == after
    store.apply(redone.inverse, "ana", action="undo", target=applied.edit_id)
    assert snapshot(store) == before


def test_edits_that_strand_nothing_leave_every_suggestion_open(store):
    opened = statuses(store)
    for op in [
        Op("set_role", "p1", {"block": at("本版")[0], "role": "byline"}),
        Op("merge_article", "p1", {"block": at("乙文标题")[0]}),
        Op("split_block", "p1", {"at": TEXT.index("主持")}),  # between 策 and 主持
    ]:
        applied = store.apply(op, "ana")
        assert not applied.changes.spans
        assert statuses(store) == opened


def test_a_suggestion_stranded_before_the_edit_is_left_as_it_is(tmp_path):
    # A database from before this rule may hold a suggestion across a break already: an
    # edit of its paragraph does not count it as its own doing.
    spans = [Span(*NAME, "PER", "rule", "suggested")]
    blocks = [*BLOCKS[:3], block("策主持会议。", "body", 1, False), *BLOCKS[4:]]
    with Store.open(tmp_path / "o.db") as store:
        store.add_page(Page("p1", TEXT, "p1.txt", "x", status="in_progress"), blocks, spans)
        applied = store.apply(Op("set_role", "p1", {"block": blocks[3].start, "role": "caption"}))
        assert not applied.changes.spans
        assert [s.status for s in store.spans("p1")] == ["suggested"]


def test_an_accepted_label_an_edit_would_strand_still_refuses_the_edit(store):
    # Accepted labels are the reviewer's: the edit is refused, not the label rejected.
    store.apply(Op("set_span_status", "p1", {"id": store.spans("p1")[2].id, "status": "accepted"}))
    before = snapshot(store)
    with pytest.raises(EditError, match="would be left out of every export"):
        store.apply(Op("unjoin", "p1", {"block": at("策主持")[0]}), "ana")
    assert snapshot(store) == before


def test_the_plan_says_what_it_strands_and_its_inverse_reopens_it():
    state = PageState(
        Page("p1", TEXT, status="in_progress"),
        tuple(BLOCKS),
        {i: Span(s.start, s.end, s.label, s.origin, s.status, {}, i) for i, s in enumerate(SPANS)},
    )
    result = plan(state, Op("mark_other", "p1", {"block": at("本版")[0]}), ["ORG", "PER"])
    assert result.after.spans[4].status == "rejected" and 4 in result.changes.spans
    assert stranded_suggestions(result) == []  # nothing left open to strand
    back = plan(result.after, result.inverse, ["ORG", "PER"])
    assert back.after == state


def test_marking_done_after_a_stranding_edit_needs_no_rejection_by_hand(store):
    # Before, the suggestion left across the break kept the page from being marked done
    # until the reviewer found it and rejected it by hand.
    for s in store.spans("p1"):
        if s.status == "suggested" and TEXT[s.start : s.end] != "邓群\n策":
            store.apply(Op("set_span_status", "p1", {"id": s.id, "status": "accepted"}))
    store.apply(Op("unjoin", "p1", {"block": at("策主持")[0]}), "ana")
    store.apply(Op("set_page_status", "p1", {"status": "done"}), "ana")
    assert store.page("p1").status == "done"


# --- segmentation import (an existing page's structure replaced, its spans kept) ------


def _segmentation_file(tmp_path, blocks: list[Block], status: str = "in_progress"):
    """A segmentation export of page p1 with ``blocks`` (made in a database of its own)."""
    path = tmp_path / "seg.jsonl"
    with Store.open(tmp_path / "other.db") as other:
        other.add_gold_pages([(Page("p1", TEXT, "p1.txt", "x" * 64, status, "lin"), blocks, [])])
        export(other, ExportRequest(fmt="segmentation", statuses=None), path)
    return path


NEW_BLOCKS = [
    BLOCKS[0],
    BLOCKS[1],
    BLOCKS[2],
    block("策主持会议。", "body", 1, False),  # the join undone
    block("本版编辑 王芳", "other", None),  # furniture now
    BLOCKS[5],
    BLOCKS[6],
]


def test_a_segmentation_import_rejects_the_suggestions_its_structure_strands(store, tmp_path):
    path = _segmentation_file(tmp_path, NEW_BLOCKS)
    before = snapshot(store)
    report = import_segmentation(store, [path])
    assert report.replaced == [(str(path), "p1")]
    got = statuses(store)
    assert got["邓群\n策"] == got["王芳"] == "rejected"
    assert got["市委书记"] == got["会议"] == got["标题"] == "suggested"
    assert log_rows(store) == [("do", "replace_page_gold")]
    (edit,) = store.history("p1")[0]
    store.apply(edit.inverse, "lin", action="undo", target=edit.edit_id)
    assert snapshot(store) == before


def test_cli_segmentation_import_rejects_stranded_suggestions_and_undo_reopens_them(
    store, tmp_path
):
    path = _segmentation_file(tmp_path, NEW_BLOCKS)
    before = snapshot(store)
    store.close()
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(
        main, ["import", "--db", db, "--format", "segmentation", str(path)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "replaced the structure of 1" in result.stdout
    with Store.open(db) as again:
        got = statuses(again)
        assert got["邓群\n策"] == got["王芳"] == "rejected"
        assert got["会议"] == "suggested"
        rows = list(again.db.conn.execute("SELECT operation, inverse FROM edits"))
        assert len(rows) == 1 and rows[0][0] == "replace_page_gold"
        (edit,) = again.history("p1")[0]
        again.apply(edit.inverse, "lin", action="undo", target=edit.edit_id)
        assert snapshot(again) == before
        assert json.loads(rows[0][1])["kind"] == "replace_page_gold"


def test_undo_puts_back_a_suggestion_that_was_open_on_furniture_as_it_was(tmp_path):
    # The rules suggest on furniture too. A new article started there takes it in; the
    # undo puts the paragraph back outside every article, and with it the suggestion as it
    # was (open), not rejected as if the undo had stranded it.
    spans = [Span(*at("报头"), "ORG", "rule", "suggested")]
    with Store.open(tmp_path / "f.db") as store:
        store.add_page(Page("p1", TEXT, "p1.txt", "x", status="in_progress"), BLOCKS, spans)
        before = snapshot(store)
        applied = store.apply(Op("start_article", "p1", {"block": 0}), "ana")
        assert store.blocks("p1")[0].article == 1
        assert store.replay_refusal("p1", applied.edit_id, "undo", "ana") is None
        store.apply(applied.inverse, "ana", action="undo", target=applied.edit_id)
        assert snapshot(store) == before
        store.apply(applied.op, "ana", action="redo", target=applied.edit_id)
        assert [s.status for s in store.spans("p1")] == ["suggested"]


def test_accept_all_and_mark_done_rejects_an_open_suggestion_that_export_would_leave_out(
    tmp_path,
):
    # Undoing another reviewer's rejection after its paragraph became furniture reopens a
    # suggestion there; "accept all" accepting it was refused (LabelsLeftOut), so the page
    # could not be marked done at all. It now rejects that one and accepts the rest.
    from annotator.edits import mark_done_op

    text = "市委书记讲话。\n\n本版编辑 王芳"
    blocks = [Block(0, 7, "body", 1), Block(9, 16, "other", None)]
    spans = [Span(0, 2, "LOC", "rule", "suggested"), Span(14, 16, "PER", "rule", "suggested")]
    with Store.open(tmp_path / "d.db") as store:
        store.add_page(Page("p", text, "p.txt", "x", status="in_progress"), blocks, spans)
        store.apply(mark_done_op(store.page_state("p"), "accept"), "ana")
        assert {text[s.start : s.end]: s.status for s in store.spans("p")} == {
            "市委": "accepted",
            "王芳": "rejected",
        }
        assert store.page("p").status == "done"
