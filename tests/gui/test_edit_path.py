"""The one edit path: a key commits through the runner, which pushes the undo step and emits
one ``changed(changes, state, initiator)``; the window repaints from that state (never a
stale one, never read again), repaints only the lines that changed, and still notices what
another window wrote before it acts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication

from annotator.gui.page_view.geometry import range_rects
from annotator.model import CodePoint
from annotator.store import Store

from .pages import SAMPLE, add_page, long_page, make_db
from .test_page_view import formats_at
from .test_window_edits import CTRL, SHIFT, K, caret_in, press, select_text, spans_in_db


def fresh_state(db, page_id="p1"):
    """The page as another connection reads it from the file."""
    with Store.open(db) as store:
        return store.page_state(page_id)


class Paints(QObject):
    """Records the rectangles of the paint events a widget receives."""

    def __init__(self, widget) -> None:  # noqa: ANN001
        super().__init__()
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
        if event.type() == QEvent.Type.Paint:
            self.rects.append(QRect(event.rect()))
        return False


def test_a_label_key_emits_one_change_carrying_the_committed_state_that_the_view_draws(
    windows, tmp_path, qtbot
):
    db = make_db(tmp_path / "path.db", ["p1"])
    window = windows(db)
    seen = []
    window.runner.changed.connect(lambda *args: seen.append(args))
    start = SAMPLE.index("市委书记")
    select_text(window, qtbot, start, 4)
    press(window, qtbot, K.Key_2)  # ORG
    assert len(seen) == 1
    changes, state, initiator = seen[0]
    assert initiator is window.view
    # The state it carries is what was committed, and the view holds exactly that state.
    assert state == fresh_state(db)
    assert window.view.page_state is state
    added = next(s for s in state.spans.values() if (s.start, s.label) == (start, "ORG"))
    assert added.id in changes.spans
    # What is drawn: the span is in the view's index and highlighted in its label's colour.
    assert window.view.spans.by_id[added.id] == added
    colour = window.view.style_.label_colour("ORG").name()
    assert any(f.background().color().name() == colour for f in formats_at(window.view, start))
    # The undo step was pushed before the views heard of the change.
    assert window.registry.actions["undo"].isEnabled()


def test_undo_repaints_from_the_state_its_inverse_committed(windows, tmp_path, qtbot):
    db = make_db(tmp_path / "path.db", ["p1"])
    window = windows(db)
    start = SAMPLE.index("市委书记")
    select_text(window, qtbot, start, 4)
    press(window, qtbot, K.Key_2)
    added = window.view.selected_span().id
    seen = []
    window.runner.changed.connect(lambda *args: seen.append(args))
    press(window, qtbot, K.Key_Z, CTRL)
    assert len(seen) == 1 and seen[0][1] == fresh_state(db)
    assert window.view.page_state is seen[0][1]
    assert added not in window.view.spans.by_id
    colour = window.view.style_.label_colour("ORG").name()
    assert not any(f.background().color().name() == colour for f in formats_at(window.view, start))


def test_a_key_does_not_read_the_page_again_to_repaint(windows, tmp_path, qtbot, monkeypatch):
    db = make_db(tmp_path / "path.db", ["p1"])
    window = windows(db)
    caret_in(window, "长沙")
    calls = []
    store = window.store
    original = store.page_state

    def counted(page_id):  # noqa: ANN001, ANN202
        calls.append(page_id)
        return original(page_id)

    # This window's store only: what it asks for its page, and the SQL reads of a page.
    monkeypatch.setattr(store, "page_state", counted)
    for name in ("page", "blocks", "spans"):
        monkeypatch.setattr(store, name, lambda *a, **k: calls.append("read") or [])
    press(window, qtbot, K.Key_A)
    assert next(s for s in spans_in_db(db) if s[2] == "LOC")[3] == "accepted"
    # One look for other windows' writes, one for the store's plan: the cached state both
    # times, and nothing read from the file; the window repaints from the runner's state.
    assert calls == ["p1", "p1"]


def test_another_windows_edit_is_shown_before_this_window_edits_the_page(windows, tmp_path, qtbot):
    db = make_db(tmp_path / "path.db", ["p1"])
    first = windows(db)
    second = windows(db)
    second._poll.stop()  # it must not depend on its once-a-second look
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    caret_in(first, "长沙")
    changsha = first.view.selected_span().id
    press(first, qtbot, K.Key_A)
    assert second.view.spans.by_id[changsha].status == "suggested"  # not seen yet
    caret_in(second, "李明")
    press(second, qtbot, K.Key_A)
    # Before its own edit the runner noticed the first window's: both are drawn.
    assert second.view.spans.by_id[changsha].status == "accepted"
    assert second.view.page_state == fresh_state(db)
    assert {s[3] for s in spans_in_db(db) if s[2] in ("LOC", "PER") and s[0] > 60} == {"accepted"}


def test_a_page_shown_again_has_the_undo_steps_another_window_added_meanwhile(
    windows, tmp_path, qtbot
):
    db = make_db(tmp_path / "path.db", ["p1", "p2"])
    mine = windows(db)
    mine._poll.stop()
    caret_in(mine, "长沙")
    press(mine, qtbot, K.Key_A)
    mine.open_page("p2")
    assert mine.stacks.stack("p1").count() == 1
    # The same reviewer, in another window, accepts another suggestion on p1.
    other = windows(db)
    other.open_page("p1")
    caret_in(other, "李明")
    press(other, qtbot, K.Key_A)
    mine.open_page("p1")
    assert mine.stacks.stack("p1").count() == 2
    assert mine.view.page_state == fresh_state(db)
    press(mine, qtbot, K.Key_Z, CTRL)  # undoes the newest step: the other window's
    li_ming = SAMPLE.index("李明")
    assert next(s for s in spans_in_db(db) if s[0] == li_ming)[3] == "suggested"
    assert next(s for s in spans_in_db(db) if s[2] == "LOC")[3] == "accepted"


def test_a_label_key_repaints_the_lines_of_its_paragraph_not_the_whole_page(
    windows, tmp_path, qtbot
):
    db = tmp_path / "long.db"
    with Store.open(db) as store:
        long_page(store, "big", 8000, 400)
    window = windows(db)
    view = window.view
    text = view.page_state.page.text
    start = next(i for i in range(400, 900) if text.startswith("邓群策", i))
    view.move_caret(start)
    press(window, qtbot, K.Key_Right, SHIFT, 3)
    QApplication.processEvents()
    paints, margin = Paints(view.viewport()), Paints(view.margin)
    press(window, qtbot, K.Key_1)
    qtbot.waitUntil(lambda: bool(paints.rects))
    QApplication.processEvents()
    span = view.selected_span()
    assert (span.start, span.end, span.label) == (start, start + 3, "PER")
    painted = paints.rects[0]
    for rect in paints.rects[1:]:
        painted = painted.united(rect)
    # The new span, its tag and its frame are repainted ...
    for line in range_rects(view, view.offsets, CodePoint(span.start), CodePoint(span.end)):
        assert painted.contains(line.toAlignedRect().adjusted(0, -1, 0, 1))
    # ... and not the rest of the viewport, nor the article margin.
    assert painted.height() < view.viewport().height() / 2
    assert margin.rects == []


def test_a_repaint_of_some_lines_draws_only_their_tags(windows, tmp_path, qtbot, monkeypatch):
    db = tmp_path / "long.db"
    with Store.open(db) as store:
        long_page(store, "big", 8000, 400)
    window = windows(db)
    view = window.view
    QApplication.processEvents()
    drawn = []
    original = type(view.style_).tag_pixmap

    def recorded(self, label, accepted, height, ratio):  # noqa: ANN001, ANN202
        drawn.append(label)
        return original(self, label, accepted, height, ratio)

    monkeypatch.setattr(type(view.style_), "tag_pixmap", recorded)
    line = range_rects(view, view.offsets, CodePoint(0), CodePoint(1))[0]
    # The third visual line of the first long paragraph.
    band = QRect(0, int(line.top() + 2 * line.height()), view.viewport().width(), 4)
    view.viewport().repaint(band)
    ending_there = [
        s
        for s in view.spans.by_id.values()
        if any(
            r.intersects(band.toRectF())
            for r in range_rects(view, view.offsets, CodePoint(s.end - 1), CodePoint(s.end))
        )
    ]
    assert ending_there, "the band holds the end of some span"
    assert len(drawn) == len(ending_there)


def test_the_outline_lists_and_selects_a_new_span_once_keys_pause(windows, tmp_path, qtbot):
    db = make_db(tmp_path / "path.db", ["p1"])
    window = windows(db)
    start = SAMPLE.index("市委书记")
    select_text(window, qtbot, start, 4)
    press(window, qtbot, K.Key_2)
    added = window.view.selected_span().id
    model, table = window.outline.span_model, window.outline.table
    assert model.row_of(added) is None  # not while keys may follow: once they pause
    qtbot.waitUntil(lambda: model.row_of(added) is not None)
    row = model.row_of(added)
    assert [model.index(row, c).data() for c in (0, 1, 2)] == ["ORG", "市委书记", "accepted"]
    qtbot.waitUntil(lambda: table.currentIndex().row() == row)
    press(window, qtbot, K.Key_Z, CTRL)
    qtbot.waitUntil(lambda: model.row_of(added) is None)


def test_a_second_page_added_elsewhere_keeps_the_shown_state_without_repainting(
    windows, tmp_path, qtbot
):
    db = make_db(tmp_path / "path.db", ["p1"])
    window = windows(db)
    window._poll.stop()
    shown = window.view.page_state
    with Store.open(db) as other:
        add_page(other, "p2")
    paints = Paints(window.view.viewport())
    window.check_external()  # the once-a-second look
    # Another page changed, not this one: an equal state is adopted and nothing repainted.
    assert window.view.page_state == shown and window.view.page_state is not shown
    QApplication.processEvents()
    assert paints.rects == []
    qtbot.waitUntil(lambda: window.page_list.model.rowCount() == 2, timeout=3000)


def test_an_edit_that_waited_for_the_lock_is_drawn_over_what_the_lock_holder_wrote(
    windows, tmp_path, qtbot
):
    from .test_undo_locks import write_lock_held

    db = make_db(tmp_path / "path.db", ["p1"])
    window = windows(db)
    window._poll.stop()  # only the runner's own look may find the other program's write
    start = SAMPLE.index("李明")
    li_ming = next(s for s in window.view.page_state.spans.values() if s.start == start)
    caret_in(window, "长沙")
    with write_lock_held(db) as other:
        press(window, qtbot, K.Key_A)
        assert window.runner.waiting_now()
        other.execute("UPDATE spans SET status = 'rejected' WHERE id = ?", [li_ming.id])
        other.execute("COMMIT")
    qtbot.waitUntil(lambda: not window.runner.waiting_now(), timeout=4000)
    assert next(s for s in spans_in_db(db) if s[2] == "LOC")[3] == "accepted"
    # Both the waiting edit and what the other program wrote meanwhile are drawn.
    assert window.view.page_state == fresh_state(db)
    changsha = next(s for s in window.view.spans.by_id.values() if s.label == "LOC")
    assert changsha.status == "accepted"
    assert li_ming.id not in window.view.spans.by_id  # rejected: no longer highlighted


def test_a_closed_window_drops_the_undo_rebuild_its_last_look_elsewhere_queued(
    windows, tmp_path, qtbot
):
    # The once-a-second look finds another program's write to the shown page and queues a
    # rebuild of the page's undo stack for the next turn of the event loop; the window is
    # closed and deleted before that turn (a test's teardown, or the reviewer's Ctrl+Q right
    # after the look). The queued rebuild must go with the window, not run on its deleted
    # stack ("Internal C++ object (QUndoStack) already deleted", seen once in teardown).
    db = make_db(tmp_path / "path.db", ["p1"])
    window = windows(db)
    window._poll.stop()
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_A)  # the page has a stack with a step
    with Store.open(db) as other:
        li_ming = next(
            s for s in other.page_state("p1").spans.values() if s.start == SAMPLE.index("李明")
        )
        other.db.conn.execute("UPDATE spans SET status = 'rejected' WHERE id = ?", [li_ming.id])
        other.db.conn.commit()
    rebuilt = []
    real_rebuild = window.stacks.rebuild

    def rebuild(page_id: str) -> None:
        rebuilt.append(page_id)
        real_rebuild(page_id)

    window.stacks.rebuild = rebuild
    window.check_external()  # the look: the shown page changed elsewhere
    windows.close(window)
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()  # the turn the rebuild was queued for
    assert rebuilt == []
