"""The window's boundary keys reject the open suggestions they strand through the core's rule
(issue 9): one edit, one log row of the key's own operation, one undo step, and redo."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from annotator.model import Block, Span
from annotator.store import Store

from .pages import add_page
from .test_window_edits import CTRL, NONE, SHIFT, press

K = Qt.Key
LEFT_ACROSS = (
    "Rejected 1 suggestion(s) that the change left across a paragraph or article break"
    " (Ctrl+Z brings them back)."
)

TEXT = "标题\n\n市委书记邓群\n策主持会议。\n\n本版编辑 王芳\n\n乙文标题\n\n乙文正文。"
BLOCKS = [
    Block(0, 2, "headline", 1),
    Block(4, 10, "body", 1),
    Block(11, 17, "body", 1, True),  # 策主持会议。 continues 市委书记邓群
    Block(19, 26, "body", 1),
    Block(28, 32, "headline", 2),
    Block(34, 39, "body", 2),
]
SPANS = [
    Span(4, 8, "ORG", "rule", "suggested"),  # 市委书记
    Span(8, 12, "PER", "rule", "suggested"),  # 邓群\n策, across the join
    Span(24, 26, "PER", "rule", "suggested"),  # 王芳
]


def state(path) -> tuple:
    with Store.open(path) as store:
        spans = {TEXT[s.start : s.end]: s.status for s in store.spans("p1")}
        return store.blocks("p1"), spans


def logged(path) -> list[tuple[str, str, dict]]:
    with Store.open(path) as store:
        rows = store.db.conn.execute("SELECT action, operation, arguments FROM edits ORDER BY id")
        return [(a, o, json.loads(args)) for a, o, args in rows]


def _kinds(op: str, args: dict) -> list[str]:
    if op != "batch":
        return [op]
    return [k for sub in args["ops"] for k in _kinds(sub["kind"], sub.get("args") or {})]


@pytest.mark.parametrize(
    ("caret", "key", "modifiers", "kind", "rejected", "said"),
    [
        pytest.param(
            6, K.Key_Return, NONE, "split_block", "市委书记",
            "Rejected the suggestion 「市委书记」 (ORG) that the split cut through.", id="split",
        ),
        pytest.param(
            13, K.Key_J, SHIFT, "unjoin", "邓群\n策",
            "Rejected the suggestion 「邓群策」 (PER) across the join.", id="unjoin",
        ),
        pytest.param(
            21, K.Key_X, NONE, "mark_other", "王芳",
            "Rejected 1 suggestion(s) on the paragraph now outside every article.", id="X",
        ),
        pytest.param(13, K.Key_Return, SHIFT, "start_article", "邓群\n策", LEFT_ACROSS, id="new-article"),
        pytest.param(13, K.Key_BracketRight, NONE, "move_block", "邓群\n策", LEFT_ACROSS, id="move"),
    ],
)  # fmt: skip
def test_a_boundary_key_rejects_what_it_strands_in_one_logged_step_undone_and_redone(
    windows, tmp_path, qtbot, caret, key, modifiers, kind, rejected, said
):
    path = tmp_path / "b.db"
    with Store.open(path) as store:
        add_page(store, "p1", text=TEXT, blocks=BLOCKS, spans=SPANS)
    before = state(path)
    window = windows(path)
    window.view.move_caret(caret)
    press(window, qtbot, key, modifiers)
    blocks, spans = state(path)
    assert blocks != before[0], window.statusBar().currentMessage()
    assert {w for w, s in spans.items() if s == "rejected"} == {rejected}
    assert {w for w, s in spans.items() if s == "suggested"} == set(before[1]) - {rejected}
    # one log row, the key's own operation (with the first edit's status step), no
    # rejection of the window's making beside it: the core's plan rejected the suggestion
    ((action, op, args),) = logged(path)
    assert action == "do" and _kinds(op, args) == [kind, "set_page_status"]
    assert window.statusBar().currentMessage() == said
    after = state(path)
    press(window, qtbot, K.Key_Z, CTRL)
    assert state(path) == before
    press(window, qtbot, K.Key_Y, CTRL)
    assert state(path) == after


def test_a_refused_key_says_why_in_a_sentence_that_begins_with_a_capital(windows, tmp_path, qtbot):
    # The core's reason begins in lower case (it follows "error: " on a terminal); the status
    # bar showed "the caret is between paragraphs: …" after Return between two paragraphs.
    path = tmp_path / "r.db"
    with Store.open(path) as store:
        add_page(store, "p1", text=TEXT, blocks=BLOCKS, spans=SPANS)
    window = windows(path)
    window.view.move_caret(3)  # in the blank line after 标题
    press(window, qtbot, K.Key_Return, NONE)
    assert window.statusBar().currentMessage().startswith("The caret is between paragraphs")
    assert state(path)[0] == BLOCKS
