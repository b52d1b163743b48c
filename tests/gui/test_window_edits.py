"""Every block and span command, driven by its key in a real window, checked in the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from annotator.gui.main_window import MainWindow
from annotator.model import Block, Span
from annotator.store import Store

from .pages import SAMPLE, add_page, make_db, on_modal, paragraphs

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def db(tmp_path):
    return make_db(tmp_path / "edits.db", ["p1"])


def snapshot(path, page_id="p1"):
    with Store.open(path) as store:
        page = store.page(page_id)
        spans = sorted(
            (s.start, s.end, s.label, s.status, s.origin, tuple(sorted(s.attrs.items())))
            for s in store.spans(page_id)
        )
        blocks = [
            (b.start, b.end, b.role, b.article, b.joins_previous) for b in store.blocks(page_id)
        ]
        return page.status, page.note, blocks, spans


def spans_in_db(path, page_id="p1"):
    return snapshot(path, page_id)[3]


def blocks_in_db(path, page_id="p1"):
    return snapshot(path, page_id)[2]


def press(window: MainWindow, qtbot, key: Qt.Key, modifier=NONE, times: int = 1) -> None:
    """Key presses in the page view of ``window``, made the active window first.

    Offscreen, closing a dialog does not give the activation back to the window by itself.
    """
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.view.setFocus()
    for _ in range(times):
        qtbot.keyClick(window.view, key, modifier)


def select_text(window: MainWindow, qtbot, start: int, length: int) -> None:
    """Put the caret at ``start`` and extend the selection with Shift+Right, as a reviewer does."""
    window.view.move_caret(start)
    press(window, qtbot, K.Key_Right, SHIFT, length)


def caret_in(window: MainWindow, needle: str, offset: int = 0) -> int:
    cp = SAMPLE.index(needle) + offset
    window.view.move_caret(cp)
    return cp


# --- spans -----------------------------------------------------------------------------------


def test_label_key_on_a_shift_arrow_selection_adds_an_accepted_human_span(windows, db, qtbot):
    window = windows(db)
    start = SAMPLE.index("市委书记") + 2
    select_text(window, qtbot, start, 2)
    press(window, qtbot, K.Key_3)
    assert (start, start + 2, "LOC", "accepted", "human", ()) in spans_in_db(db)
    assert window.view.selected_span().start == start
    assert window.status_saved.text().startswith("Saved")


def test_span_after_an_astral_character_has_exact_code_point_offsets(windows, tmp_path, qtbot):
    text = "𠮷野家在长沙开店。𠮷𠮷王五来了。"
    path = tmp_path / "astral.db"
    with Store.open(path) as store:
        add_page(
            store,
            "astral",
            text,
            [Block(0, len(text), "body", 1)],
            [],
        )
    window = windows(path)
    select_text(window, qtbot, 1, 2)  # 野家, right after 𠮷
    press(window, qtbot, K.Key_2)
    select_text(window, qtbot, text.index("王五"), 2)
    press(window, qtbot, K.Key_1)
    spans = spans_in_db(path, "astral")
    assert [(s, e, lab) for s, e, lab, *_ in spans] == [(1, 3, "ORG"), (11, 13, "PER")]
    assert text[1:3] == "野家" and text[11:13] == "王五"


def test_label_key_on_a_selected_suggestion_relabels_and_accepts_it(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "邓群策", 1)
    assert window.view.selected_span().label == "PER"
    press(window, qtbot, K.Key_2)
    start = SAMPLE.index("邓群策")
    assert (start, start + 3, "ORG", "accepted", "rule", ()) in spans_in_db(db)
    press(window, qtbot, K.Key_Z, CTRL)
    assert (start, start + 3, "PER", "suggested", "rule", ()) in spans_in_db(db)


def test_same_label_key_on_a_suggestion_accepts_it(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_3)
    start = SAMPLE.index("长沙")
    assert (start, start + 2, "LOC", "accepted", "rule", ()) in spans_in_db(db)


def test_delete_removes_the_selected_span(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_Delete)
    assert all(s[2] != "LOC" for s in spans_in_db(db))


def test_click_selects_a_span_and_delete_removes_it(windows, db, qtbot):
    from annotator.gui.page_view.geometry import range_rects

    window = windows(db)
    start = SAMPLE.index("岳阳市政府")
    window.view.move_caret(0)
    window.view.centerCursor()
    window.view.move_caret(start)
    window.view.move_caret(0)
    rect = range_rects(window.view, window.view.offsets, start + 2, start + 3)[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.view.selected_span().label == "ORG"
    press(window, qtbot, K.Key_Delete)
    assert all(s[2] != "ORG" for s in spans_in_db(db))


def test_accept_then_reject_reviews_suggestions_one_by_one(windows, db, qtbot):
    window = windows(db)
    window.view.move_caret(0)
    press(window, qtbot, K.Key_N)
    assert window.view.selected_span().label == "DATE"
    press(window, qtbot, K.Key_A)  # accept 3月4日, move on to 邓群策
    assert window.view.selected_span().label == "PER"
    press(window, qtbot, K.Key_R)  # reject 邓群策, move on to 720万亩
    assert window.view.selected_span().label == "FIGURE"
    statuses = {s[2]: s[3] for s in spans_in_db(db)}
    assert statuses["DATE"] == "accepted"
    assert statuses["FIGURE"] == "suggested"
    per = [s for s in spans_in_db(db) if s[2] == "PER"]
    assert ("rejected" in {s[3] for s in per}) and ("suggested" in {s[3] for s in per})


def test_accept_all_suggestions_of_the_article_is_one_undo_step(windows, db, qtbot):
    window = windows(db)
    before = spans_in_db(db)
    caret_in(window, "会议指出")
    press(window, qtbot, K.Key_A, SHIFT)
    after = {s[0]: s[3] for s in spans_in_db(db)}
    first_article_end = paragraphs(SAMPLE)[4][1]
    assert all(st == "accepted" for start, st in after.items() if start < first_article_end)
    assert all(st == "suggested" for start, st in after.items() if start > first_article_end)
    press(window, qtbot, K.Key_Z, CTRL)
    assert spans_in_db(db) == before


def test_next_and_previous_span_and_suggestion_keys_move_the_selection(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "长沙")
    press(window, qtbot, K.Key_3)  # accept 长沙: no longer a suggestion
    window.view.move_caret(0)
    labels = []
    for _ in range(6):
        press(window, qtbot, K.Key_Period)
        labels.append(window.view.selected_span().label)
    assert labels == ["DATE", "PER", "FIGURE", "LOC", "PER", "ORG"]
    press(window, qtbot, K.Key_Comma)
    assert window.view.selected_span().label == "PER"
    caret_in(window, "会议指出")
    press(window, qtbot, K.Key_N)
    assert window.view.selected_span().label == "PER"  # 李明: 长沙 is accepted
    press(window, qtbot, K.Key_N, SHIFT)
    assert window.view.selected_span().label == "FIGURE"


def test_figure_value_and_unit_are_corrected_in_a_dialog(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "720万亩", 1)
    assert window.view.selected_span().label == "FIGURE"

    def fill(dialog) -> None:
        value = dialog.findChild(QLineEdit, "figure_value")
        unit = dialog.findChild(QLineEdit, "figure_unit")
        assert value.text() == "7200000" and unit.text() == "亩"
        value.selectAll()
        qtbot.keyClicks(value, "7100000")
        unit.setText("公顷")  # QTest types ASCII only; a reviewer's IME commits the text
        qtbot.keyClick(unit, K.Key_Return)

    on_modal(fill)
    press(window, qtbot, K.Key_V)
    figure = next(s for s in spans_in_db(db) if s[2] == "FIGURE")
    assert dict(figure[5]) == {"value": 7100000, "unit": "公顷"}


@pytest.mark.parametrize("typed", ["1e", "-", "1e400"])
def test_a_figure_value_that_is_not_a_number_keeps_the_dialog_open(windows, db, qtbot, typed):
    # An unfinished value ("1e", "-") was taken as empty: Return removed the figure's value
    # without a word. "1e400" was stored as infinity, which the export wrote as Infinity
    # (not JSON).
    from PySide6.QtWidgets import QLabel

    window = windows(db)
    caret_in(window, "720万亩", 1)
    seen = []

    def fill(dialog) -> None:
        value = dialog.findChild(QLineEdit, "figure_value")
        value.selectAll()
        qtbot.keyClicks(value, typed)
        qtbot.keyClick(value, K.Key_Return)
        problem = dialog.findChild(QLabel, "figure_problem")
        seen.append((dialog.isVisible(), problem.isVisible(), problem.text()))
        # the whole reason shows: the dialog grew to hold its lines (it was cut off)
        assert problem.height() >= problem.heightForWidth(problem.width())
        value.selectAll()
        qtbot.keyClicks(value, "7100")
        qtbot.keyClick(value, K.Key_Return)

    on_modal(fill)
    press(window, qtbot, K.Key_V)
    assert seen == [(True, True, f"“{typed}” is not a number. Enter the value in digits "
                     "(7200000 or 7.2e6), or leave it empty for no value.")]  # fmt: skip
    figure = next(s for s in spans_in_db(db) if s[2] == "FIGURE")
    assert dict(figure[5]) == {"value": 7100, "unit": "亩"}


def test_an_edit_that_does_not_apply_is_reported_in_the_status_bar(windows, db, qtbot):
    window = windows(db)
    before = snapshot(db)
    caret_in(window, "市委常委会")
    press(window, qtbot, K.Key_J)  # the first block has no previous paragraph
    assert "first paragraph" in window.statusBar().currentMessage()
    assert snapshot(db) == before
    assert not window.registry.actions["undo"].isEnabled()


# --- blocks --------------------------------------------------------------------------------------


@dataclass
class BlockCase:
    name: str
    place: Callable[[MainWindow], None]
    key: Qt.Key
    modifier: Qt.KeyboardModifier
    check: Callable[[list, list], bool]


def at(needle: str, offset: int = 0) -> Callable[[MainWindow], None]:
    return lambda w: w.view.move_caret(SAMPLE.index(needle) + offset)


def block_of(blocks, needle):
    cp = SAMPLE.index(needle)
    return next(b for b in blocks if b[0] <= cp < b[1])


CASES = [
    BlockCase(
        "split_block",
        at("会议指出", 3),
        K.Key_Return,
        NONE,
        lambda b, a: len(a) == len(b) + 1 and any(x[0] == SAMPLE.index("会议指出") + 3 for x in a),
    ),
    BlockCase(
        "merge_blocks",
        at("会议指出"),
        K.Key_M,
        NONE,
        lambda b, a: len(a) == len(b) - 1 and block_of(a, "会议指出")[1] == block_of(b, "推进")[1],
    ),
    BlockCase("join", at("推进"), K.Key_J, NONE, lambda b, a: block_of(a, "推进")[4] is True),
    BlockCase(
        "start_article",
        at("会议指出"),
        K.Key_Return,
        SHIFT,
        lambda b, a: block_of(a, "会议指出")[3] == 2 and block_of(a, "第二篇")[3] == 3,
    ),
    BlockCase(
        "merge_article", at("第二篇"), K.Key_Backspace, SHIFT, lambda b, a: {x[3] for x in a} == {1}
    ),
    BlockCase(
        "move_block_prev",
        at("第二篇"),
        K.Key_BracketLeft,
        NONE,
        lambda b, a: block_of(a, "第二篇")[3] == 1,
    ),
    BlockCase(
        "move_block_next",
        at("推进"),
        K.Key_BracketRight,
        NONE,
        lambda b, a: block_of(a, "推进")[3] == 2,
    ),
    BlockCase(
        "mark_other",
        at("本报记者"),
        K.Key_X,
        NONE,
        lambda b, a: block_of(a, "本报记者")[2:4] == ("other", None),
    ),
    BlockCase(
        "role_kicker",
        at("本报记者"),
        K.Key_K,
        NONE,
        lambda b, a: block_of(a, "本报记者")[2] == "kicker",
    ),
    BlockCase(
        "role_headline",
        at("会议指出"),
        K.Key_H,
        NONE,
        lambda b, a: block_of(a, "会议指出")[2] == "headline",
    ),
    BlockCase(
        "role_subheadline",
        at("会议指出"),
        K.Key_S,
        NONE,
        lambda b, a: block_of(a, "会议指出")[2] == "subheadline",
    ),
    BlockCase(
        "role_byline",
        at("会议指出"),
        K.Key_Y,
        NONE,
        lambda b, a: block_of(a, "会议指出")[2] == "byline",
    ),
    BlockCase(
        "role_body",
        at("本报记者"),
        K.Key_B,
        NONE,
        lambda b, a: block_of(a, "本报记者")[2] == "body",
    ),
    BlockCase(
        "role_intertitle",
        at("会议指出"),
        K.Key_I,
        NONE,
        lambda b, a: block_of(a, "会议指出")[2] == "intertitle",
    ),
    BlockCase(
        "role_caption",
        at("会议指出"),
        K.Key_C,
        NONE,
        lambda b, a: block_of(a, "会议指出")[2] == "caption",
    ),
    BlockCase(
        "role_other",
        at("本报记者"),
        K.Key_O,
        NONE,
        lambda b, a: block_of(a, "本报记者")[2:4] == ("other", 1),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_block_command_by_key_commits_and_undoes_and_redoes(windows, db, qtbot, case):
    window = windows(db)
    before = snapshot(db)
    case.place(window)
    press(window, qtbot, case.key, case.modifier)
    done = snapshot(db)
    assert case.check(before[2], done[2]), done[2]
    assert done[0] == "in_progress"
    press(window, qtbot, K.Key_Z, CTRL)
    assert snapshot(db) == before
    press(window, qtbot, K.Key_Z, CTRL | SHIFT)
    assert snapshot(db)[:3] == done[:3]


def test_unjoin_undoes_a_join(windows, db, qtbot):
    window = windows(db)
    at("推进")(window)
    press(window, qtbot, K.Key_J)
    assert block_of(blocks_in_db(db), "推进")[4] is True
    press(window, qtbot, K.Key_J, SHIFT)
    assert block_of(blocks_in_db(db), "推进")[4] is False
    press(window, qtbot, K.Key_Z, CTRL)
    assert block_of(blocks_in_db(db), "推进")[4] is True


def test_an_articles_first_paragraph_cannot_join_the_article_above(windows, db, qtbot, tmp_path):
    # J on an article's first paragraph stored a join that export ignored, that the
    # segmentation export wrote and its import refused; marking a paragraph's only
    # predecessor in its article as not part of any article left such a join too.
    from click.testing import CliRunner

    from annotator.cli import main

    window = windows(db)
    before = snapshot(db)
    at("第二篇文章标题")(window)
    press(window, qtbot, K.Key_J)
    assert "first paragraph of an article" in window.statusBar().currentMessage()
    assert snapshot(db) == before
    at("湖南日报记者")(window)
    press(window, qtbot, K.Key_J)  # joins the article's heading above it: allowed
    assert block_of(blocks_in_db(db), "湖南日报记者")[4] is True
    at("第二篇文章标题")(window)
    press(window, qtbot, K.Key_X)  # the heading leaves the article: nothing left to join
    assert block_of(blocks_in_db(db), "第二篇文章标题")[3] is None
    assert block_of(blocks_in_db(db), "湖南日报记者")[3:] == (2, False)
    press(window, qtbot, K.Key_Z, CTRL)  # one step back: both as they were
    assert block_of(blocks_in_db(db), "湖南日报记者")[3:] == (2, True)
    press(window, qtbot, K.Key_Z, CTRL | SHIFT)
    out = tmp_path / "pages.seg"
    runner = CliRunner()
    exported = ["export", "--db", str(db), "--format", "segmentation", "--status", "all"]
    assert runner.invoke(main, [*exported, "--output", str(out)]).exit_code == 0
    again = tmp_path / "again.db"
    back = ["import", "--db", str(again), "--format", "segmentation", str(out)]
    assert runner.invoke(main, back).exit_code == 0


def test_merging_away_an_articles_first_paragraph_clears_the_join_after_it(windows, db, qtbot):
    # M on article 1's last paragraph took article 2's heading; the paragraph that joined
    # the heading became article 2's first, still joining, which the segmentation import
    # refuses. The join is cleared in the same step and undo brings both back.
    window = windows(db)
    at("湖南日报记者")(window)
    press(window, qtbot, K.Key_J)
    before = blocks_in_db(db)
    at("推进")(window)
    press(window, qtbot, K.Key_M)
    assert block_of(blocks_in_db(db), "第二篇文章标题")[3] == 1  # merged into article 1
    assert block_of(blocks_in_db(db), "湖南日报记者")[3:] == (2, False)
    press(window, qtbot, K.Key_Z, CTRL)
    assert blocks_in_db(db) == before


def test_return_at_a_paragraph_start_says_where_to_put_the_caret(windows, db, qtbot):
    # Return with the caret at a paragraph's start said "offset 131 is not inside a
    # block": wrong (it is that block's start) and in numbers the reviewer never sees.
    window = windows(db)
    before = snapshot(db)
    at("会议指出")(window)
    press(window, qtbot, K.Key_Return)
    message = window.statusBar().currentMessage()
    assert "start or end of a paragraph" in message and "offset" not in message
    assert snapshot(db) == before
    press(window, qtbot, K.Key_Right, times=4)  # after 会议指出 the split is made
    press(window, qtbot, K.Key_Return)
    starts = [b[0] for b in blocks_in_db(db)]
    assert SAMPLE.index("会议指出") + 4 in starts


def test_a_role_key_on_a_paragraph_of_that_role_says_so_in_words(windows, db, qtbot):
    # It said "block at 69 already has role 'body'": an offset and a code name.
    window = windows(db)
    before = snapshot(db)
    at("会议指出")(window)
    press(window, qtbot, K.Key_B)
    assert window.statusBar().currentMessage() == "This paragraph's role is body already."
    assert snapshot(db) == before
    assert not window.registry.actions["undo"].isEnabled()
    press(window, qtbot, K.Key_I)
    assert block_of(blocks_in_db(db), "会议指出")[2] == "intertitle"


SPAN_CASES = [
    (
        "add_span",
        lambda w, q: (select_text(w, q, SAMPLE.index("市委书记"), 4), press(w, q, K.Key_2)),
    ),
    ("remove_span", lambda w, q: (caret_in(w, "长沙"), press(w, q, K.Key_Delete))),
    ("relabel_span", lambda w, q: (caret_in(w, "长沙"), press(w, q, K.Key_2))),
    ("accept", lambda w, q: (caret_in(w, "长沙"), press(w, q, K.Key_A))),
    ("reject", lambda w, q: (caret_in(w, "长沙"), press(w, q, K.Key_R))),
    ("accept_article", lambda w, q: (caret_in(w, "长沙"), press(w, q, K.Key_A, SHIFT))),
]


@pytest.mark.parametrize("action", SPAN_CASES, ids=[c[0] for c in SPAN_CASES])
def test_span_command_undo_and_redo_follow_the_database(windows, db, qtbot, action):
    window = windows(db)
    before = snapshot(db)
    action[1](window, qtbot)
    done = snapshot(db)
    assert done != before
    press(window, qtbot, K.Key_Z, CTRL)
    assert snapshot(db) == before
    press(window, qtbot, K.Key_Z, CTRL | SHIFT)
    assert snapshot(db) == done
    press(window, qtbot, K.Key_Y, CTRL)  # nothing left to redo
    assert snapshot(db) == done


def test_letter_keys_typed_in_the_page_search_do_not_edit(windows, db, qtbot):
    window = windows(db)
    before = snapshot(db)
    box = window.page_list.search_box
    box.setFocus()
    qtbot.keyClicks(box, "hjx1")
    qtbot.keyClick(box, K.Key_Return)
    assert box.text() == "hjx1"
    assert snapshot(db) == before


def test_figure_correction_undoes_and_the_outline_shows_the_value(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "720万亩", 1)
    model = window.outline.span_model
    row = model.row_of(window.view.selected_span().id)
    assert model.index(row, 1).data() == "720万亩 = 7,200,000 亩"

    def fill(dialog) -> None:
        value = dialog.findChild(QLineEdit, "figure_value")
        value.selectAll()
        qtbot.keyClicks(value, "7200")
        qtbot.keyClick(value, K.Key_Return)

    on_modal(fill)
    press(window, qtbot, K.Key_V)
    assert dict(next(s for s in spans_in_db(db) if s[2] == "FIGURE")[5])["value"] == 7200
    # The outline follows once keys pause (OUTLINE_DELAY_MS).
    qtbot.waitUntil(lambda: model.index(row, 1).data() == "720万亩 = 7,200 亩")
    press(window, qtbot, K.Key_Z, CTRL)
    assert dict(next(s for s in spans_in_db(db) if s[2] == "FIGURE")[5])["value"] == 7200000
    qtbot.waitUntil(lambda: model.index(row, 1).data() == "720万亩 = 7,200,000 亩")


def test_choosing_a_span_in_the_outline_selects_it_in_the_page(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "会议指出")
    table = window.outline.table
    model = window.outline.span_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "长沙")
    rect = table.visualRect(model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    span = window.view.selected_span()
    assert span is not None and SAMPLE[span.start : span.end] == "长沙"
    assert window.view.caret() == span.start
    tree = window.outline.tree
    article_two = window.outline.model.index(1, 0)
    tree.setCurrentIndex(window.outline.model.index(0, 0, article_two))
    assert window.view.caret() == SAMPLE.index("# 第二篇")


def test_an_undo_of_a_span_someone_else_changed_since_is_refused_naming_them(windows, db, qtbot):
    window = windows(db)
    select_text(window, qtbot, SAMPLE.index("市委书记"), 4)
    press(window, qtbot, K.Key_2)
    added = window.view.selected_span().id
    with Store.open(db) as other:  # another reviewer removes the span meanwhile
        from annotator.edits import Op

        other.apply(Op("remove_span", "p1", {"id": added}), "other")
    before = snapshot(db)
    press(window, qtbot, K.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == (
        "Cannot undo “add a span”: other changed that span since."
    )
    assert snapshot(db) == before
    # The page was reloaded; the reviewer's own step stays, but Undo says it cannot be done.
    qtbot.waitUntil(lambda: added not in window.view.spans.by_id)
    assert window.stacks.stack("p1").count() == 1
    undo = window.registry.actions["undo"]
    assert not undo.isEnabled()
    assert undo.text() == "Undo add a span (other changed that span since)"


def test_title_names_the_database(windows, db):
    window = windows(db)
    assert window.windowTitle() == "edits.db — Annotator"


def test_role_keys_work_from_the_outline_but_return_only_splits_in_the_text(windows, db, qtbot):
    window = windows(db)
    # The outline follows the caret once keys pause; entering it must not wait for that.
    window._outline_timer.setInterval(3_600_000)
    at("会议指出")(window)
    before = blocks_in_db(db)
    tree = window.outline.tree
    tree.setFocus()
    qtbot.keyClick(tree, K.Key_Return)
    assert blocks_in_db(db) == before
    qtbot.keyClick(tree, K.Key_H)
    assert block_of(blocks_in_db(db), "会议指出")[2] == "headline"


def test_undo_moves_the_caret_to_what_it_changed(windows, db, qtbot):
    window = windows(db)
    caret_in(window, "岳阳市政府")
    press(window, qtbot, K.Key_Delete)
    window.view.move_caret(0)
    press(window, qtbot, K.Key_Z, CTRL)
    span = window.view.selected_span()
    assert span is not None and SAMPLE[span.start : span.end] == "岳阳市政府"


def test_u_reviews_the_models_least_sure_suggestions_first(windows, tmp_path, qtbot):
    from annotator.model import Span

    from .pages import sample_spans

    def model(word: str, confidence: float) -> Span:
        start = SAMPLE.index(word)
        return Span(
            start, start + len(word), "PER", "model", "suggested", {"confidence": confidence}
        )

    rules = [s for s in sample_spans() if s.label == "DATE"][:1]  # no confidence: after the model's
    path = tmp_path / "unsure.db"
    with Store.open(path) as store:
        add_page(store, "p1", spans=[model("邓群策", 0.93), model("陈润", 0.41), *rules])
    window = windows(path)
    window.view.move_caret(0)
    seen = []
    for _ in range(3):
        press(window, qtbot, K.Key_U)
        span = window.view.selected_span()
        seen.append((SAMPLE[span.start : span.end], span.attrs.get("confidence")))
    assert seen == [("陈润", 0.41), ("邓群策", 0.93), (SAMPLE[rules[0].start : rules[0].end], None)]
    press(window, qtbot, K.Key_U)  # nothing less sure is left: the selection stays
    assert window.view.selected_span().start == rules[0].start
    assert "less sure" in window.statusBar().currentMessage()


def test_accepting_a_suggestion_chosen_with_u_goes_on_in_doubt_order(windows, tmp_path, qtbot):
    # A and R went on with the next suggestion in page order; the next U then looked for
    # suggestions less sure than that one, so every doubtful one between was passed over.
    from annotator.model import Span

    def model(word: str, confidence: float) -> Span:
        start = SAMPLE.index(word)
        return Span(
            start, start + len(word), "PER", "model", "suggested", {"confidence": confidence}
        )

    words = [("陈润", 0.2), ("邓群策", 0.9), ("李明", 0.3), ("长沙", 0.5)]
    path = tmp_path / "doubt.db"
    with Store.open(path) as store:
        add_page(store, "p1", spans=[model(w, c) for w, c in words])
    window = windows(path)
    window.view.move_caret(0)
    press(window, qtbot, K.Key_U)
    decided = []
    for key in (K.Key_A, K.Key_R, K.Key_A, K.Key_A):
        span = window.view.selected_span()
        decided.append(SAMPLE[span.start : span.end])
        press(window, qtbot, key)
    assert decided == ["陈润", "李明", "长沙", "邓群策"]  # least sure first, none passed over
    assert [s[3] for s in spans_in_db(path)].count("suggested") == 0


def test_accepting_a_suggestion_reached_in_page_order_goes_on_in_page_order(windows, db, qtbot):
    window = windows(db)
    window.view.move_caret(0)
    press(window, qtbot, K.Key_N)
    first = window.view.selected_span()
    press(window, qtbot, K.Key_A)
    assert window.view.selected_span().start > first.start
    assert window.view.spans.after(first.start, "suggested") == window.view.selected_span()


@pytest.mark.parametrize(
    ("first", "length", "key", "why"),
    [
        ("高站位认识把握", 12, K.Key_1, "crosses a paragraph break"),  # 把握,\n\n推进
        ("长沙开店", 10, K.Key_3, "crosses into another article"),  # 。\n\n# 第
        ("# 市委", 4, K.Key_2, "takes in markup"),  # the heading marker
    ],
)
def test_a_selection_that_export_would_drop_is_refused_when_labelled(
    windows, db, qtbot, first, length, key, why
):
    # The span was stored as accepted, shown like any other, and then left out of every
    # export (a warning on the team lead's terminal): the reviewer's work was lost.
    window = windows(db)
    before = spans_in_db(db)
    select_text(window, qtbot, SAMPLE.index(first), length)
    press(window, qtbot, key)
    assert spans_in_db(db) == before
    message = window.statusBar().currentMessage()
    assert why in message and "would not be exported" in message


def test_a_name_cut_by_a_column_break_can_be_labelled_across_the_join(windows, tmp_path, qtbot):
    # A paragraph joined to the one before (J) is one paragraph of the clean text: a name
    # cut across the line break between them is exported whole, so it is not refused.
    from annotator.model import Block

    text = "标题\n\n市委书记邓群\n策主持会议。"
    blocks = [Block(0, 2, "headline", 1), Block(4, 10, "body", 1), Block(11, 17, "body", 1, True)]
    with Store.open(tmp_path / "j.db") as store:
        add_page(store, "p1", text=text, blocks=blocks, spans=[])
    window = windows(tmp_path / "j.db")
    window.view.move_caret(text.index("邓群"))
    press(window, qtbot, K.Key_Right, SHIFT, 4)
    press(window, qtbot, K.Key_1)
    assert spans_in_db(tmp_path / "j.db")[0][:4] == (8, 12, "PER", "accepted")


@pytest.mark.parametrize(
    ("key", "modifiers", "at", "why"),
    [
        (K.Key_J, SHIFT, "策主持", "cross a paragraph break"),  # unjoin under the name
        (K.Key_Return, SHIFT, "策主持", "cross into another article"),  # an article there
        (K.Key_Return, NONE, "邓群", "cross a paragraph break"),
    ],
)
def test_a_boundary_edit_that_export_would_drop_a_label_for_is_refused(
    windows, tmp_path, qtbot, key, modifiers, at, why
):
    # A label across a joined paragraph's line break is exported whole; unjoining, starting
    # an article or splitting the block under it left it across a break, and every export
    # then dropped it: the reviewer's label was lost as when it was made across a break.
    from annotator.model import Block

    text = "标题\n\n市委书记邓群\n策主持会议。"
    blocks = [Block(0, 2, "headline", 1), Block(4, 10, "body", 1), Block(11, 17, "body", 1, True)]
    name = Span(8, 12, "PER", "human", "accepted")
    path = tmp_path / "j.db"
    with Store.open(path) as store:
        add_page(store, "p1", text=text, blocks=blocks, spans=[name])
    window = windows(path)
    window.view.move_caret(text.index(at) + 1)
    press(window, qtbot, key, modifiers)
    with Store.open(path) as store:
        assert store.blocks("p1") == blocks
    message = window.statusBar().currentMessage()
    assert "邓群\n策" in message or "邓群策" in message
    assert why in message


def test_marking_a_labelled_paragraph_other_is_refused_naming_the_label(windows, tmp_path, qtbot):
    # X (not part of any article) took the paragraph's accepted labels out of every export
    # without a word: furniture is not exported, and the check for labels left out counted
    # a range outside every article as fine. Refused as the other boundary edits are.
    text = "标题\n\n市委书记邓群策主持会议。\n\n图为会场。"
    blocks = [Block(0, 2, "headline", 1), Block(4, 16, "body", 1), Block(18, 23, "caption", 1)]
    path = tmp_path / "x.db"
    with Store.open(path) as store:
        add_page(
            store, "p1", text=text, blocks=blocks, spans=[Span(8, 11, "PER", "human", "accepted")]
        )
    window = windows(path)
    window.view.move_caret(text.index("主持"))
    press(window, qtbot, K.Key_X)
    with Store.open(path) as store:
        assert store.blocks("p1") == blocks
        assert [(s.start, s.end, s.status) for s in store.spans("p1")] == [(8, 11, "accepted")]
    message = window.statusBar().currentMessage()
    assert "「邓群策」 (PER)" in message and "outside every article" in message
    window.view.move_caret(text.index("会场"))
    press(window, qtbot, K.Key_X)  # a paragraph without labels still goes
    assert [b.article for b in blocks_in_db_as_blocks(path)] == [1, 1, None]


def test_marking_a_paragraph_other_rejects_its_open_suggestions_in_the_same_undo_step(
    windows, tmp_path, qtbot
):
    # X left the paragraph's open suggestions open on furniture: they could no longer be
    # accepted, and "accept all and mark done" was refused until each was rejected by hand.
    text = "标题\n\n市委书记邓群策主持会议。\n\n本版编辑 王芳"
    blocks = [Block(0, 2, "headline", 1), Block(4, 16, "body", 1), Block(18, 25, "body", 1)]
    path = tmp_path / "x.db"
    with Store.open(path) as store:
        add_page(
            store, "p1", text=text, blocks=blocks, spans=[Span(23, 25, "PER", "rule", "suggested")]
        )
    window = windows(path)
    window.view.move_caret(text.index("王芳"))
    press(window, qtbot, K.Key_X)
    assert [b.article for b in blocks_in_db_as_blocks(path)] == [1, 1, None]
    assert spans_in_db(path) == [(23, 25, "PER", "rejected", "rule", ())]
    assert window.statusBar().currentMessage() == (
        "Rejected 1 suggestion(s) on the paragraph now outside every article."
    )
    assert window.registry.actions["undo"].text().startswith("Undo mark")
    press(window, qtbot, K.Key_Z, CTRL)
    assert [b.article for b in blocks_in_db_as_blocks(path)] == [1, 1, 1]
    assert spans_in_db(path) == [(23, 25, "PER", "suggested", "rule", ())]


def test_a_label_selected_on_page_furniture_is_refused_with_the_reason(windows, tmp_path, qtbot):
    text = "标题\n\n市委书记邓群策主持会议。\n\n本版编辑 王芳"
    blocks = [Block(0, 2, "headline", 1), Block(4, 16, "body", 1), Block(18, 25, "other")]
    path = tmp_path / "f.db"
    with Store.open(path) as store:
        add_page(store, "p1", text=text, blocks=blocks, spans=[])
    window = windows(path)
    window.view.move_caret(text.index("王芳"))
    press(window, qtbot, K.Key_Right, SHIFT, 2)
    press(window, qtbot, K.Key_1)
    assert spans_in_db(path) == []
    assert "outside every article" in window.statusBar().currentMessage()


def blocks_in_db_as_blocks(path, page_id="p1"):
    with Store.open(path) as store:
        return store.blocks(page_id)


def test_a_boundary_edit_away_from_labels_is_not_refused(windows, tmp_path, qtbot):
    from annotator.model import Block

    text = "标题\n\n市委书记邓群\n策主持会议。"
    blocks = [Block(0, 2, "headline", 1), Block(4, 10, "body", 1), Block(11, 17, "body", 1, True)]
    with Store.open(tmp_path / "k.db") as store:
        add_page(
            store, "p1", text=text, blocks=blocks, spans=[Span(4, 6, "LOC", "human", "accepted")]
        )
    window = windows(tmp_path / "k.db")
    window.view.move_caret(text.index("策主持") + 1)
    press(window, qtbot, K.Key_J, SHIFT)
    with Store.open(tmp_path / "k.db") as store:
        assert not store.blocks("p1")[2].joins_previous


def test_accepting_a_suggestion_that_export_would_drop_is_refused(windows, tmp_path, qtbot):
    # A block split inside an open suggestion leaves it across the break: accepted (A, or
    # "accept all" on Done) it was stored as gold and then left out of every export.
    text = "标题\n\n市委书记邓群策主持会议。"
    blocks = [Block(0, 2, "headline", 1), Block(4, 9, "body", 1), Block(9, 16, "body", 1)]
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        add_page(
            store, "p1", text=text, blocks=blocks, spans=[Span(8, 11, "PER", "rule", "suggested")]
        )
    window = windows(path)
    window.view.move_caret(0)
    press(window, qtbot, K.Key_N)
    assert window.view.selected_span().start == 8
    press(window, qtbot, K.Key_A)
    assert [s[3] for s in spans_in_db(path)] == ["suggested"]
    message = window.statusBar().currentMessage()
    assert "邓群策" in message and "cross a paragraph break" in message


def test_undoing_a_join_under_a_label_another_reviewer_made_since_is_refused_naming_them(
    windows, tmp_path, qtbot
):
    # The reviewer joins a column-broken line; another reviewer labels the name across it.
    # The reviewer's undo (a block, not their span) left the label across a paragraph break,
    # and every export dropped it.
    from annotator.edits import Op
    from annotator.model import Block

    text = "标题\n\n市委书记邓群\n策主持会议。"
    blocks = [Block(0, 2, "headline", 1), Block(4, 10, "body", 1), Block(11, 17, "body", 1)]
    path = tmp_path / "u.db"
    with Store.open(path) as store:
        add_page(store, "p1", text=text, blocks=blocks, spans=[])
    window = windows(path)
    window.view.move_caret(text.index("策主持") + 1)
    press(window, qtbot, K.Key_J)
    with Store.open(path) as other:
        add = {"start": 8, "end": 12, "label": "PER", "status": "accepted"}
        other.apply(Op("add_span", "p1", add), "other")
    press(window, qtbot, K.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == (
        "Cannot undo “join paragraphs”: other changed that span since."
    )
    with Store.open(path) as store:
        assert store.blocks("p1")[2].joins_previous
        assert [s.label for s in store.spans("p1")] == ["PER"]


def test_a_refusal_goes_from_the_status_bar_once_an_edit_is_saved_or_another_page_opens(
    windows, db, qtbot
):
    # A reviewer pressed J on a headline (refused), then H on a body paragraph: the refusal
    # stayed for 8 s beside "Saved", as if the H had been refused; it stayed on the next
    # page too ("27 suggestion(s) still open" over a page that had none).
    path = make_db(db.parent / "three.db", ["p1", "p2"])
    window = windows(path)
    caret_in(window, "市委常委会")
    press(window, qtbot, K.Key_J)
    assert "first paragraph" in window.statusBar().currentMessage()
    caret_in(window, "会议指出")
    press(window, qtbot, K.Key_H)
    assert blocks_in_db(path)[3][2] == "headline"
    assert window.statusBar().currentMessage() == ""
    press(window, qtbot, K.Key_H)  # refused: a headline already
    assert "headline already" in window.statusBar().currentMessage()
    press(window, qtbot, K.Key_PageDown, CTRL)
    assert window.page_id == "p2"
    assert window.statusBar().currentMessage() == ""


def test_a_relabelled_figure_leaves_its_value_and_unit_behind_in_one_undo_step(windows, db, qtbot):
    # The rules call 720万亩 a FIGURE (value 7200000, unit 亩); a reviewer who relabels it
    # exported a DATE (or PER) that still carried the figure's value and unit as gold.
    window = windows(db)
    caret_in(window, "720万亩", 1)
    press(window, qtbot, K.Key_4)
    start = SAMPLE.index("720万亩")
    assert (start, start + 5, "DATE", "accepted", "rule", ()) in spans_in_db(db)
    assert window.registry.actions["undo"].text() == "Undo relabel a span"
    press(window, qtbot, K.Key_Z, CTRL)
    attrs = (("unit", "亩"), ("value", 7200000))
    assert (start, start + 5, "FIGURE", "suggested", "rule", attrs) in spans_in_db(db)


def test_v_on_a_span_that_is_no_figure_says_so_and_opens_no_dialog(windows, db, qtbot):
    # V beside B: on a name it opened the figure dialog, and what was typed there became
    # the person's "value" and "unit" in the gold.
    window = windows(db)
    caret_in(window, "邓群策", 1)
    before = spans_in_db(db)
    opened: list = []
    stop_waiting = on_modal(lambda dialog: (opened.append(dialog), dialog.reject()))
    press(window, qtbot, K.Key_V)
    qtbot.wait(50)
    stop_waiting()
    assert opened == []
    assert window.statusBar().currentMessage() == (
        "V sets the value and unit of a FIGURE; “邓群策” is PER."
    )
    assert spans_in_db(db) == before


def test_a_split_through_an_open_suggestion_rejects_it_in_the_same_undo_step(windows, db, qtbot):
    # Return inside a suggested name split the paragraph and left the suggestion across
    # the break: A on it, and "accept all and mark done", were refused until the reviewer
    # found it and rejected it by hand.
    window = windows(db)
    start = SAMPLE.index("李明")
    window.view.move_caret(start + 1)
    press(window, qtbot, K.Key_Return)
    assert len(blocks_in_db(db)) == 9
    assert (start, start + 2, "PER", "rejected", "rule", ()) in spans_in_db(db)
    assert window.statusBar().currentMessage() == (
        "Rejected the suggestion 「李明」 (PER) that the split cut through."
    )
    assert window.registry.actions["undo"].text() == "Undo split a paragraph"
    press(window, qtbot, K.Key_Z, CTRL)
    assert len(blocks_in_db(db)) == 8
    assert (start, start + 2, "PER", "suggested", "rule", ()) in spans_in_db(db)


def test_undoing_a_join_under_an_open_suggestion_rejects_it_in_the_same_undo_step(
    windows, tmp_path, qtbot
):
    # Shift+J under a suggestion across the join left it across a paragraph break, where
    # it could not be accepted and kept the page from being marked done.
    text = "标题\n\n市委书记邓群\n策主持会议。"
    blocks = [
        Block(0, 2, "headline", 1),
        Block(4, 10, "body", 1),
        Block(11, 17, "body", 1, True),
    ]
    path = tmp_path / "j.db"
    with Store.open(path) as store:
        add_page(
            store, "p1", text=text, blocks=blocks, spans=[Span(8, 12, "PER", "rule", "suggested")]
        )
    window = windows(path)
    window.view.move_caret(text.index("主持"))
    press(window, qtbot, K.Key_J, SHIFT)
    assert not blocks_in_db(path)[2][4], window.statusBar().currentMessage()
    assert spans_in_db(path) == [(8, 12, "PER", "rejected", "rule", ())]
    assert window.statusBar().currentMessage() == (
        "Rejected the suggestion 「邓群策」 (PER) across the join."
    )
    press(window, qtbot, K.Key_Z, CTRL)
    assert blocks_in_db(path)[2][4]
    assert spans_in_db(path) == [(8, 12, "PER", "suggested", "rule", ())]
