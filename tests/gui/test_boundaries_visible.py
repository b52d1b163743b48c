"""Every block boundary is visible where it is (issue 8, item 1), checked on geometry.

A block starts on a line of its own even where the page text runs on (after Return in the
middle of a line), with a return mark at the end of the line above; an article's margin
band covers exactly its blocks' lines. The page text and the code-point offsets stay exact.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QTextCursor

from annotator.gui.page_view.index import layout_breaks
from annotator.model import Block, Span
from annotator.store import Store

from .pages import add_page
from .test_window_edits import CTRL, SHIFT, K, blocks_in_db, press, spans_in_db

# One paragraph per line, no blank lines; the second article's first words share a line
# with the first article's last words (a column the OCR ran together).
TEXT = (
    "市委常委会召开会议\n"
    "本报讯 市委书记邓群策主持召开会议,研究全市粮食生产。全年面积720万亩。𠮷野家在长沙开店。\n"
    "岳阳新闻 岳阳市政府发布通知,要求各地做好防汛准备。\n"
    "图为会议现场。"
)
LINES = TEXT.split("\n")


def _line_blocks() -> list[Block]:
    out, pos = [], 0
    roles = ["headline", "body", "body", "caption"]
    for i, line in enumerate(LINES):
        out.append(Block(pos, pos + len(line), roles[i], 1 if i < 2 else 2))
        pos += len(line) + 1
    return out


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "boundaries.db"
    with Store.open(path) as store:
        start = TEXT.index("邓群策")
        spans = [Span(start, start + 3, "PER", "rule", "suggested")]
        add_page(store, "p1", TEXT, _line_blocks(), spans)
    return path


def cursor_rect(view, cp: int):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(cp))
    return view.cursorRect(cursor)


def char_line(view, cp: int) -> tuple[int, int]:
    """(top, bottom) of the visual line of the character at ``cp``, in viewport pixels."""
    rect = cursor_rect(view, cp)
    return rect.top(), rect.bottom()


def left_edge(view) -> int:
    return cursor_rect(view, 0).left()


def test_return_mid_line_puts_the_new_block_on_a_line_of_its_own_with_a_mark(windows, db, qtbot):
    window = windows(db)
    view = window.view
    at = TEXT.index("全年面积")
    view.move_caret(at)
    before = char_line(view, at)
    assert before == char_line(view, at - 1)  # one line before the split
    press(window, qtbot, K.Key_Return)
    blocks = blocks_in_db(db)
    assert (at, TEXT.index("\n岳阳"), "body", 1, False) in blocks  # saved
    # Drawn: the new block's first character starts a line, below the old block's last one.
    assert cursor_rect(view, at).left() == left_edge(view)
    assert char_line(view, at)[0] > char_line(view, at - 1)[1]
    # The return mark sits at the end of the line above.
    marks = view.break_mark_rects()
    assert len(marks) == 1
    above = cursor_rect(view, at - 1)
    assert marks[0].left() > above.left() and above.top() <= marks[0].center().y()
    assert marks[0].center().y() <= above.bottom()
    # The caret stayed at the split, now at the start of the new line.
    assert view.caret() == at and view.textCursor().block().text().startswith("全年面积")
    # Undo removes the break again: one line, no mark.
    press(window, qtbot, K.Key_Z, CTRL)
    assert char_line(view, at) == char_line(view, at - 1)
    assert view.break_mark_rects() == []


def test_shift_return_on_a_block_starting_mid_line_starts_the_band_on_its_own_line(
    windows, db, qtbot
):
    window = windows(db)
    view = window.view
    at = TEXT.index("𠮷野家")  # the rest of the line becomes an article of its own
    view.move_caret(at)
    press(window, qtbot, K.Key_Return)
    press(window, qtbot, K.Key_Return, SHIFT)
    assert (at, TEXT.index("\n岳阳"), "body", 2, False) in blocks_in_db(db)
    bands = {b.start: rect for b, rect in view.margin.band_rects()}
    band = bands[at]
    last_of_previous = char_line(view, at - 1)
    # The new article's band starts below the line with the previous article's last words,
    # exactly at the top of its first character's line, and ends with its last character.
    assert band.top() > last_of_previous[1]
    assert band.top() == pytest.approx(char_line(view, at)[0], abs=1)
    end = TEXT.index("\n岳阳")
    assert band.bottom() == pytest.approx(char_line(view, end - 1)[1], abs=1.5)
    # The previous article's band ends on that line, above the new one.
    prev_band = bands[TEXT.index("本报讯")]
    assert prev_band.bottom() <= band.top()
    # The article numbers are the database's: the later articles moved up by one.
    assert [b[3] for b in blocks_in_db(db)] == [1, 1, 2, 3, 3]


def test_blocks_the_splitter_started_mid_line_are_drawn_apart_from_the_start(
    windows, tmp_path, qtbot
):
    # Heuristic blocks may start mid-line too (a headline run into the body text).
    text = "岳阳新闻 本报讯 岳阳市政府发布通知。"
    cut = text.index("本报讯")
    path = tmp_path / "mid.db"
    with Store.open(path) as store:
        add_page(
            store,
            "p1",
            text,
            [Block(0, cut - 1, "headline", 1), Block(cut, len(text), "body", 1)],
            [],
        )
    window = windows(path)
    view = window.view
    assert view.offsets.breaks == (cut,)
    assert cursor_rect(view, cut).left() == left_edge(view)
    assert char_line(view, cut)[0] > char_line(view, 0)[1]


def test_selection_across_a_break_labels_exact_code_points_and_copies_the_page_text(
    windows, db, qtbot
):
    window = windows(db)
    view = window.view
    at = TEXT.index("𠮷野家")
    view.move_caret(at)
    press(window, qtbot, K.Key_Return)
    # Shift+Right from two characters before the break to the astral character after it:
    # the break is one more caret step, as a line break is, but no code point.
    view.move_caret(at - 2)
    press(window, qtbot, K.Key_Right, SHIFT, times=4)
    assert view.selection_range() == (at - 2, at + 1)
    press(window, qtbot, K.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == TEXT[at - 2 : at + 1]
    # A span across the two paragraphs would not be exported: refused, saying so.
    press(window, qtbot, K.Key_3)
    assert not [s for s in spans_in_db(db) if s[4] == "human"]
    assert "would not be exported" in window.statusBar().currentMessage()
    # Inside the paragraph after the break, over the astral character: exact code points.
    view.move_caret(at)
    press(window, qtbot, K.Key_Right, SHIFT, times=3)
    assert view.selection_range() == (at, at + 3)
    press(window, qtbot, K.Key_3)
    assert (at, at + 3, "LOC", "accepted", "human", ()) in spans_in_db(db)
    assert view.selected_span().start == at


def test_layout_breaks_only_where_a_block_boundary_has_text_beside_it_on_its_line():
    text = "甲乙 丙丁\n戊己\n\n庚"
    blocks = [Block(0, 2, "body", 1), Block(3, 5, "body", 1), Block(6, 8, "body", 1)]
    assert layout_breaks(text, blocks) == [3]
    # A block ending mid-line before text that belongs to no block: break after the gap.
    assert layout_breaks(text, [Block(0, 2, "body", 1)]) == [3]
    assert layout_breaks(text, [Block(6, 8, "body", 1), Block(10, 11, "body", 2)]) == []


# --- margin role tags (issue 8, item 9) --------------------------------------------------


@pytest.fixture
def chinese(qapp):
    from annotator.gui.i18n import install_translator

    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")  # later tests see English again


def _tags_fit(view) -> dict[str, bool]:
    from annotator.gui.page_view.margin import DOUBT_D

    limit = view.margin.width() - DOUBT_D - 3
    return {tag: rect.right() <= limit for tag, rect in view.margin.tag_rects()}


def test_margin_role_tags_are_translated_words_that_fit_the_margin(
    chinese, windows, tmp_path, qtbot
):
    from .pages import make_db

    window = windows(make_db(tmp_path / "zh.db", ["p1"]))
    view = window.view
    fits = _tags_fit(view)
    assert {"标题", "署名", "正文", "图说"} <= set(fits)
    assert all(fits.values())
    assert {view.role_tag(r) for r in ("kicker", "subheadline", "other")} == {
        "引题",
        "副题",
        "其他",
    }
    press(window, qtbot, K.Key_Equal, CTRL)  # larger text: the margin grows with it
    press(window, qtbot, K.Key_Equal, CTRL)
    assert all(_tags_fit(view).values())


def test_margin_role_tags_are_whole_english_words_that_fit(windows, tmp_path, qtbot):
    from .pages import make_db

    window = windows(make_db(tmp_path / "en.db", ["p1"]))
    fits = _tags_fit(window.view)
    assert {"headline", "byline", "body", "caption"} <= set(fits)
    assert all(fits.values())
