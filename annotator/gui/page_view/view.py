"""The page view: the page text, read-only but with a keyboard caret and selection.

The document text is the page text, plus a paragraph break wherever a block boundary falls
in the middle of a line (a *layout break*, see ``gui/offsets.py``): every block starts on a
line of its own, so a split is visible where it is, and a small return mark at the end of
the line above says that the page text has no line break there. Every Qt position maps to a
page offset through the page's ``OffsetMap``, which knows the breaks; copying gives the page
text exactly. Roles and spans are character formats from the
highlighter; label tags, the selected span's frame and article rules are painted over the
viewport for the lines being repainted only; the margin shows article bands (it reads
this view through its ``MarginHost`` protocol). ``apply_changes`` re-highlights and
repaints only the paragraphs an edit touched, found by the span ids the edit names.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from annotator.edits import Changes, PageState
from annotator.gui.i18n import core_text
from annotator.gui.offsets import OffsetMap, Utf16Pos
from annotator.gui.page_view.geometry import (
    line_span,
    range_rects,
    visible_blocks,
    visible_cp_range,
)
from annotator.gui.page_view.highlighter import PageHighlighter
from annotator.gui.page_view.index import (
    BlockIndex,
    MarkerIndex,
    SpanIndex,
    doubtful_decisions,
    layout_breaks,
)
from annotator.gui.page_view.margin import ArticleMargin, BlockRow
from annotator.gui.page_view.style import BREAK_MARK_COLOUR, ViewStyle, article_colour
from annotator.model import Block, CodePoint, Label, Span, status_word

CJK_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Serif CJK SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimSun",
    "Sans Serif",
]
DEFAULT_POINT_SIZE = 13.0
FRAME_PAD = 4  # pixels above and below a line that its span frames and rules reach


def page_font(point_size: float) -> QFont:
    """A CJK-capable font (the first installed family of ``CJK_FAMILIES`` wins)."""
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSizeF(point_size)
    return font


class PageView(QPlainTextEdit):
    """Shows one page; reports the caret and the selected span in code points."""

    spanSelected = Signal(object)  # Span | None
    caretMoved = Signal(int)  # code point of the caret

    def __init__(self, labels: list[Label], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        flags = Qt.TextInteractionFlag
        self.setTextInteractionFlags(flags.TextSelectableByKeyboard | flags.TextSelectableByMouse)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(page_font(DEFAULT_POINT_SIZE))
        self.style_ = ViewStyle(self.font(), labels)
        self.highlighter = PageHighlighter(self.document(), self.style_)
        self.page_state: PageState | None = None
        self.offsets = OffsetMap("")
        self.blocks = BlockIndex(())
        self.spans = SpanIndex(())
        self._selected: int | None = None
        self.margin = ArticleMargin(self, self)  # this view is its ``MarginHost``
        self.setViewportMargins(self.margin.width_for_font(), 0, 0, 0)
        self.updateRequest.connect(self._follow_in_margin)
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    # --- content -------------------------------------------------------------------

    def set_page(self, state: PageState) -> None:
        """Show ``state``'s page (text, blocks, spans), caret at the top."""
        self.page_state = state
        self.blocks = BlockIndex(state.blocks)
        self.offsets = OffsetMap(
            state.page.text, layout_breaks(state.page.text, self.blocks.blocks)
        )
        self.spans = SpanIndex(state.spans.values())
        markers = MarkerIndex(state.page.text, state.blocks)
        self.highlighter.set_page(self.offsets, self.blocks, self.spans, markers)
        self._selected = None
        self.setPlainText(self.offsets.document_text(state.page.text))
        self.spanSelected.emit(None)

    def adopt(self, state: PageState) -> None:
        """Hold ``state``, equal to the shown one (the store read it again): nothing to draw."""
        if self.page_state is not None and state.page.id == self.page_state.page.id:
            self.page_state = state

    def apply_changes(self, state: PageState, changes: Changes) -> list[tuple[int, int]]:
        """Take ``state`` after an edit; re-highlight and repaint only the lines ``changes``
        touched (the spans it names, looked up by id: the rest of the page is not compared).

        Returns the code-point ranges that changed on screen.
        """
        old_blocks = self.blocks
        self.page_state = state
        ranges: list[tuple[int, int]] = []
        if changes.blocks:
            self.blocks = BlockIndex(state.blocks)
            self.highlighter.blocks = self.blocks
            # Markers live inside blocks: the changed block ranges below cover their lines.
            self.highlighter.markers = MarkerIndex(state.page.text, state.blocks)
            ranges += _changed_block_ranges(old_blocks.blocks, self.blocks.blocks)
            self._set_breaks(layout_breaks(state.page.text, self.blocks.blocks))
        for span_id in changes.spans:
            new = state.spans.get(span_id)
            old = self.spans.update(span_id, new)
            ranges += [(s.start, s.end) for s in (old, new) if s is not None]
        if changes.blocks:  # rules, breaks and bands may move anywhere below the edit
            self.highlighter.rehighlight_ranges(ranges)
            self.viewport().update()
            self.margin.update()  # the margin shows blocks and articles only
        else:
            self._rehighlight_spans(ranges)
        if self._selected is not None and self._selected not in self.spans.by_id:
            self._set_selected(None)
        return ranges

    def _rehighlight_spans(self, ranges: list[tuple[int, int]]) -> None:
        """Highlight the paragraphs of changed spans again and repaint only those.

        Qt's highlighter drops each paragraph's layout when it sets the formats, so Qt's
        layout cannot tell that the height stayed and repaints the whole viewport (every
        visible line of CJK text with its tags, several times the cost of one paragraph).
        Its repaint requests are held back here; the paragraphs are laid out again, and
        only when one of them now has more or fewer lines does everything below move.
        """
        layout = self.document().documentLayout()
        blocks = self.highlighter.blocks_of(ranges)
        # Lines of each paragraph as last laid out (None: never laid out, not on screen).
        before = [b.lineCount() if b.layout().lineCount() else None for b in blocks]
        layout.blockSignals(True)
        try:
            for block in blocks:
                self.highlighter.rehighlightBlock(block)
        finally:
            layout.blockSignals(False)
        moved = False
        for block, lines in zip(blocks, before, strict=True):
            if lines is not None:
                layout.blockBoundingRect(block)  # lays the paragraph out again
                moved = moved or block.layout().lineCount() != lines
        if moved:  # what Qt would have done: the text below moved, the scroll range too
            layout.documentSizeChanged.emit(layout.documentSize())
            self.viewport().update()
            self.margin.update()
            return
        self.update_ranges([self._block_range(b) for b in blocks] + ranges)

    def _block_range(self, block: QTextBlock) -> tuple[int, int]:
        start = self.offsets.to_cp(Utf16Pos(block.position()))
        return start, self.offsets.to_cp(Utf16Pos(block.position() + block.length() - 1)) + 1

    def update_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Repaint the visible lines that code-point ``ranges`` cover, and nothing else
        (a whole viewport of CJK text with its tags costs several times more)."""
        if not ranges or self.page_state is None:
            return
        first, last = visible_cp_range(self, self.offsets)
        width = self.viewport().width()
        for start, end in ranges:
            if end < first or start > last + 1:
                continue  # off screen: Qt lays out what scrolls into view then
            top = line_span(self, self.offsets, CodePoint(max(start, first)))
            bottom = line_span(self, self.offsets, CodePoint(max(min(end, last + 1) - 1, start)))
            if top is None or bottom is None:
                continue
            # A few pixels more: a frame's pen and an article rule sit just outside the line.
            y = int(top[0]) - FRAME_PAD
            self.viewport().update(0, y, width, int(bottom[1]) + FRAME_PAD - y + 1)

    def _set_breaks(self, breaks: list[int]) -> None:
        """Put the layout breaks into the document where they changed, keeping the caret.

        Only the changed breaks are edited (one paragraph separator each, last first so that
        earlier positions hold), in one edit block: the highlighter then formats the touched
        lines once, with the new map already in place.
        """
        old = self.offsets
        if tuple(breaks) == old.breaks or self.page_state is None:
            return
        cursor = self.textCursor()
        anchor = old.to_cp(Utf16Pos(cursor.anchor()))
        caret = old.to_cp(Utf16Pos(cursor.position()))
        before, after = set(old.breaks), set(breaks)
        self.offsets = OffsetMap(self.page_state.page.text, breaks)
        self.highlighter.offsets = self.offsets
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        for cp in sorted(before ^ after, reverse=True):
            if cp in before:
                edit.setPosition(old.break_position(CodePoint(cp)))
                edit.deleteChar()
            else:
                edit.setPosition(old.to_utf16(CodePoint(cp)))
                edit.insertBlock()
        edit.endEditBlock()
        self._restore_cursor(anchor, caret)

    def _restore_cursor(self, anchor: CodePoint, caret: CodePoint) -> None:
        cursor = self.textCursor()
        wanted = (self.offsets.to_utf16(anchor), self.offsets.to_utf16(caret))
        if (cursor.anchor(), cursor.position()) != wanted:
            cursor.setPosition(wanted[0])
            cursor.setPosition(wanted[1], QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)

    def copy(self) -> None:
        """Copy the selected page text exactly: a layout break is not in it.

        Ctrl+C comes here (``keyPressEvent``) instead of Qt's copy, which would copy the
        document text with its breaks. (Overriding ``createMimeDataFromSelection`` instead
        hands a Python-owned QMimeData to the clipboard, which frees it twice at exit.)
        """
        cursor = self.textCursor()
        if self.page_state is None or not cursor.hasSelection():
            return
        start = self.offsets.to_cp(Utf16Pos(cursor.selectionStart()))
        end = self.offsets.to_cp(Utf16Pos(cursor.selectionEnd()))
        QGuiApplication.clipboard().setText(self.page_state.page.text[start:end])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- caret, selection, spans ---------------------------------------------------

    def caret(self) -> CodePoint:
        return self.offsets.to_cp(Utf16Pos(self.textCursor().position()))

    def selection_range(self) -> tuple[int, int] | None:
        """The selected text as code points, without white space at either end."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.page_state is None:
            return None
        text = self.page_state.page.text
        start: int = self.offsets.to_cp(Utf16Pos(cursor.selectionStart()))
        end: int = self.offsets.to_cp(Utf16Pos(cursor.selectionEnd()))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def current_block(self) -> Block | None:
        return self.blocks.at(self.caret())

    def selected_span(self) -> Span | None:
        return self.spans.by_id.get(self._selected) if self._selected is not None else None

    def move_caret(self, cp: int, *, center: bool = False) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(CodePoint(cp)))
        self.setTextCursor(cursor)
        if center:
            self.centerCursor()
        else:
            self.ensureCursorVisible()

    def select_text(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points), the caret at its end, centred on screen."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(CodePoint(start)))
        cursor.setPosition(self.offsets.to_utf16(CodePoint(end)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def top_char(self) -> CodePoint:
        """The code point shown at the top left of the viewport (what a scroll restores)."""
        return self.offsets.to_cp(Utf16Pos(self.cursorForPosition(QPoint(0, 0)).position()))

    def scroll_to_top(self, cp: int) -> None:
        """Scroll so that the visual line holding ``cp`` is the first one shown."""
        pos16 = self.offsets.to_utf16(CodePoint(min(cp, self.offsets.length)))
        block = self.document().findBlock(pos16)
        if not block.isValid():
            return
        self.document().documentLayout().blockBoundingRect(block)  # lays the block out
        layout = block.layout()
        line_no = 0
        if layout is not None and layout.lineCount():
            line_no = layout.lineForTextPosition(pos16 - block.position()).lineNumber()
        # Scroll values count visual lines (Qt's own layout bookkeeping), not pixels.
        self.verticalScrollBar().setValue(block.firstLineNumber() + max(line_no, 0))

    def select_span(self, span: Span | None) -> None:
        """Select ``span`` and put the caret at its start (scrolling to it)."""
        if span is not None:
            self.move_caret(span.start)
        self._set_selected(span.id if span is not None else None)

    def _set_selected(self, span_id: int | None) -> None:
        if span_id == self._selected:
            return
        before = self.selected_span()
        self._selected = span_id
        after = self.selected_span()
        # Only the frames change: the lines of the span left and the span selected.
        self.update_ranges([(s.start, s.end) for s in (before, after) if s is not None])
        self.spanSelected.emit(after)

    def _on_cursor_moved(self) -> None:
        cp = self.caret()
        current = self.selected_span()
        if self.textCursor().hasSelection():
            self._set_selected(None)
        elif current is None or not current.start <= cp < current.end:
            found = self.spans.at(cp)
            self._set_selected(found.id if found is not None else None)
        self.caretMoved.emit(cp)

    def char_at(self, point: QPoint) -> int | None:
        """The code point of the character under viewport ``point`` (not the nearest gap)."""
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        layout = block.layout()
        if layout is None:
            return None
        geo = self.blockBoundingGeometry(block).translated(self.contentOffset())
        y = point.y() - geo.top()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.y() <= y < line.y() + line.height():
                pos = line.xToCursor(
                    point.x() - geo.left(), QTextLine.CursorPosition.CursorOnCharacter
                )
                if pos >= line.textStart() + line.textLength():
                    return None
                return self.offsets.to_cp(Utf16Pos(block.position() + pos))
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            cp = self.char_at(event.position().toPoint())
            span = self.spans.at(cp) if cp is not None else None
            self._set_selected(span.id if span is not None else None)

    # --- the margin (its ``MarginHost``) ---------------------------------------------

    def _follow_in_margin(self, rect: QRect, dy: int) -> None:
        """The margin follows scrolling and whole repaints. A repaint of some lines only (a
        span labelled, the caret moved) leaves every line where it was, and the margin shows
        blocks only: a change of blocks repaints it (``apply_changes``)."""
        if dy:
            self.margin.scroll(0, dy)
        elif rect.contains(self.viewport().rect()):
            self.margin.update()

    def block_rows(self, top: float, bottom: float | None = None) -> list[BlockRow]:
        """(block, top, first line bottom, bottom) of each page block on the lines from
        viewport ``top`` to ``bottom`` (None: the viewport's bottom)."""
        if self.page_state is None:
            return []
        start, end = visible_cp_range(self, self.offsets, top, bottom)
        rows = []
        for block in self.blocks.overlapping(start, end + 1):
            first = line_span(self, self.offsets, CodePoint(block.start))
            last = line_span(self, self.offsets, CodePoint(max(block.end - 1, block.start)))
            if first is not None and last is not None:
                rows.append((block, first[0], first[1], last[1]))
        return rows

    def block_bottom(self, block: Block) -> float | None:
        """The viewport bottom of ``block``'s last line."""
        last = line_span(self, self.offsets, CodePoint(max(block.end - 1, block.start)))
        return last[1] if last is not None else None

    # --- font ------------------------------------------------------------------------

    def set_point_size(self, size: float) -> None:
        font = page_font(size)
        self.setFont(font)
        self.margin.setFont(QFont(self.font().family(), max(7, int(size * 0.72))))
        self.setViewportMargins(self.margin.width_for_font(), 0, 0, 0)
        self.style_.set_base_font(font)
        self.highlighter.rehighlight()

    def point_size(self) -> float:
        return self.font().pointSizeF()

    # --- painting ----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.margin.setGeometry(
            QRect(rect.left(), rect.top(), self.margin.width_for_font(), rect.height())
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self.page_state is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = event.rect()
        for block, geo in visible_blocks(self, rect.top(), rect.bottom()):
            self._paint_overlays(painter, block, geo, rect)
        self._paint_selected(painter)
        painter.end()

    def _paint_overlays(self, painter: QPainter, qblock, geo: QRectF, rect: QRect) -> None:  # noqa: ANN001
        pos16 = Utf16Pos(qblock.position())
        last16 = Utf16Pos(pos16 + qblock.length() - 1)  # the block's paragraph separator
        start, end = self.offsets.to_cp(pos16), self.offsets.to_cp(last16)
        for block in self.blocks.overlapping(start, end + 1):
            if start <= block.start <= end and self.blocks.starts_article_run(block):
                self._paint_rule(painter, block)
        if self.offsets.is_break(last16):
            self._paint_break_mark(painter, qblock, geo)
        spans = self.spans.ending_in(start, end)
        layout = qblock.layout()
        if not spans or layout is None or layout.lineCount() == 0:
            return
        for span in spans:
            self._paint_tag(painter, span, layout, geo, pos16, rect)

    def _paint_rule(self, painter: QPainter, block: Block) -> None:
        start = CodePoint(block.start)
        rects = range_rects(self, self.offsets, start, CodePoint(min(block.end, start + 1)))
        if not rects:
            return
        colour = article_colour(self.blocks.article_position(block.article))
        y = rects[0].top() - 3
        painter.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(0, int(y), self.viewport().width(), int(y))

    def _paint_break_mark(self, painter: QPainter, qblock, geo: QRectF) -> None:  # noqa: ANN001
        # A small return arrow after the line's text: the next block starts on a new line
        # here, but the page text runs on (a layout break).
        rect = _break_mark_rect(qblock, geo)
        if rect is None:
            return
        x, y, h = rect.left(), rect.top(), rect.width()
        path = QPainterPath(QPointF(x + h, y))
        path.lineTo(QPointF(x + h, y + h))
        path.lineTo(QPointF(x, y + h))
        path.moveTo(QPointF(x + h * 0.35, y + h * 0.65))
        path.lineTo(QPointF(x, y + h))
        path.lineTo(QPointF(x + h * 0.35, y + h * 1.35))
        painter.setPen(QPen(QColor(BREAK_MARK_COLOUR), 1.5))
        painter.drawPath(path)

    def break_mark_rects(self) -> list[QRectF]:
        """Viewport rectangles of the visible return marks (where the layout broke a line)."""
        rects = []
        for qblock, geo in visible_blocks(self, 0, self.viewport().height()):
            if self.offsets.is_break(Utf16Pos(qblock.position() + qblock.length() - 1)):
                rect = _break_mark_rect(qblock, geo)
                if rect is not None:
                    rects.append(rect)
        return rects

    def _paint_tag(  # noqa: ANN001
        self, painter: QPainter, span: Span, layout, geo: QRectF, pos16: Utf16Pos, rect: QRect
    ) -> None:
        # The tag sits in the room the highlighter left after the span's last character.
        rel_end = self.offsets.to_utf16(CodePoint(span.end)) - pos16
        line = layout.lineForTextPosition(rel_end - 1)
        if not line.isValid():
            return
        line_top = geo.top() + line.y()
        if line_top > rect.bottom() or line_top + line.height() <= rect.top():
            return  # a line of this paragraph outside what is repainted: Qt would clip it
        x_end = line.cursorToX(rel_end)
        x_end = x_end[0] if isinstance(x_end, tuple) else x_end
        gap = self.style_.gap_width(span.label)
        height = int(min(self.style_.tag.height, line.height() - 2))
        top = geo.top() + line.y() + (line.height() - height) / 2
        ratio = self.devicePixelRatioF()
        pixmap = self.style_.tag_pixmap(span.label, span.status == "accepted", height, ratio)
        painter.drawPixmap(QPointF(geo.left() + x_end - gap + 2, top), pixmap)

    def _paint_selected(self, painter: QPainter) -> None:
        span = self.selected_span()
        if span is None:
            return
        colour = QColor(self.style_.label_colour(span.label)).darker(140)
        painter.setPen(QPen(colour, 2))
        for rect in range_rects(self, self.offsets, CodePoint(span.start), CodePoint(span.end)):
            painter.drawRect(rect.adjusted(-1, 0, 1, 0))

    # --- tooltips ----------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cp = self.char_at(event.pos())
            span = self.spans.at(cp) if cp is not None else None
            if span is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.span_tooltip(span), self.viewport())
            return True
        return super().viewportEvent(event)

    def span_tooltip(self, span: Span) -> str:
        text = self.page_state.page.text[span.start : span.end] if self.page_state else ""
        lines = [
            self.tr("{label}: {text}").format(label=span.label, text=text),
            self.tr("status: {status} · origin: {origin}").format(
                status=core_text(status_word(span.status)), origin=span.origin
            ),
        ]
        if span.attrs:
            attrs = ", ".join(f"{k}={v}" for k, v in span.attrs.items())
            lines.append(self.tr("attributes: {attrs}").format(attrs=attrs))
        return "\n".join(lines)

    def block_tooltip(self, block: Block) -> str:
        where = (
            self.tr("Article {n}").format(n=self.blocks.article_position(block.article))
            if block.article is not None
            else self.tr("Not in an article")
        )
        lines = [f"{where} · {self.role_name(block.role)}"]
        if block.joins_previous:
            lines.append(self.tr("Joined to the previous paragraph"))
        for decision, value in doubtful_decisions(block):
            lines.append(
                self.tr("Doubtful {decision} decision (confidence {value:.2f})").format(
                    decision=self.decision_name(decision), value=value
                )
            )
        return "\n".join(lines)

    def role_name(self, role: str) -> str:
        names = {
            "kicker": self.tr("kicker"),
            "headline": self.tr("headline"),
            "subheadline": self.tr("subheadline"),
            "byline": self.tr("byline"),
            "body": self.tr("body"),
            "intertitle": self.tr("intertitle"),
            "caption": self.tr("caption"),
            "other": self.tr("other"),
        }
        return names.get(role, role)

    def role_tag(self, role: str) -> str:
        """The role as a short readable word for the margin (标题, 副题, 署名…)."""
        names = {
            "kicker": self.tr("kicker", "margin tag"),
            "headline": self.tr("headline", "margin tag"),
            "subheadline": self.tr("subhead", "margin tag"),
            "byline": self.tr("byline", "margin tag"),
            "body": self.tr("body", "margin tag"),
            "intertitle": self.tr("intertitle", "margin tag"),
            "caption": self.tr("caption", "margin tag"),
            "other": self.tr("other", "margin tag"),
        }
        return names.get(role, role)

    def decision_name(self, decision: str) -> str:
        names = {
            "role": self.tr("role"),
            "boundary": self.tr("article boundary"),
            "join": self.tr("paragraph join"),
            "split": self.tr("paragraph split"),
        }
        return names.get(decision, decision)


def _break_mark_rect(qblock, geo: QRectF) -> QRectF | None:  # noqa: ANN001
    """Where the return mark goes: just after the text of the Qt block's last line."""
    layout = qblock.layout()
    if layout is None or layout.lineCount() == 0:
        return None
    line = layout.lineAt(layout.lineCount() - 1)
    size = min(line.height() * 0.5, 12.0)
    top = geo.top() + line.y() + (line.height() - size) / 2
    return QRectF(geo.left() + line.naturalTextWidth() + 5, top, size, size)


def _changed_block_ranges(old: tuple[Block, ...], new: tuple[Block, ...]) -> list[tuple[int, int]]:
    """Ranges whose highlighting depends on a block that changed range or role."""
    before = {(b.start, b.end, b.role) for b in old}
    after = {(b.start, b.end, b.role) for b in new}
    return [(s, e) for s, e, _ in before ^ after]
