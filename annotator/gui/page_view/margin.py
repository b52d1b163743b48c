"""The article margin: one coloured band per article, its number, roles, joins and doubts.

A band covers exactly the lines of its blocks: the view gives every block lines of its own
(layout breaks), so a band never starts on a line that still holds the previous article's
last words. Role tags are whole translated words (标题, 副题, 署名…), and the margin is as
wide as the longest of them.

Like the line-number area of Qt's code-editor example, a plain widget beside the viewport
that the view asks to repaint when it scrolls or changes. It paints only the page blocks
overlapping the visible lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.gui.page_view.geometry import line_span, visible_cp_range
from annotator.gui.page_view.index import doubtful_decisions
from annotator.gui.page_view.style import DOUBT_COLOUR, MUTED_COLOUR, article_colour
from annotator.model import ROLES, Block, CodePoint

if TYPE_CHECKING:
    from annotator.gui.page_view.view import PageView

BAND_X, BAND_W = 3, 6
DOUBT_D = 15  # diameter of the doubt mark
BODY_TAG_COLOUR = "#b4b9c2"  # most blocks are body: their tag stays quiet


class ArticleMargin(QWidget):
    """Paints the article structure of the visible page blocks beside the text."""

    def __init__(self, view: PageView) -> None:
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        # It fills what it paints: a scroll then moves the pixels and paints the new lines only.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._tag_left = 0  # where role tags start, measured once per paint

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.width_for_font(), 0)

    def width_for_font(self) -> int:
        """Band, article number, the widest role tag and the doubt mark, side by side."""
        tags = QFontMetrics(self.tag_font())
        widest = max(tags.horizontalAdvance(self.view.role_tag(role)) for role in ROLES)
        return self._tag_x() + widest + 4 + DOUBT_D + 4

    def tag_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.78))
        return small

    def _tag_x(self) -> int:
        return BAND_X + BAND_W + 3 + self.fontMetrics().horizontalAdvance("00 ")

    def band_rects(self) -> list[tuple[Block, QRectF]]:
        """The article band beside each visible block that is in an article."""
        return [
            (block, QRectF(BAND_X, top, BAND_W, bottom - top))
            for block, top, _first, bottom in self.block_rows()
            if block.article is not None
        ]

    def tag_rects(self) -> list[tuple[str, QRectF]]:
        """Each visible role tag and the rectangle its text needs (to check that it fits)."""
        metrics = QFontMetrics(self.tag_font())
        out = []
        for block, top, first, _bottom in self.block_rows():
            tag = self.view.role_tag(block.role)
            width = metrics.horizontalAdvance(tag)
            out.append((tag, QRectF(self._tag_x(), top, width, first - top)))
        return out

    def on_update_request(self, rect, dy: int) -> None:  # noqa: ANN001
        """Follow the view's scrolling and whole repaints. A repaint of some lines only
        (a span labelled, the caret moved) leaves every line where it was, and the bands
        show blocks only: a change of blocks repaints the margin itself."""
        if dy:
            self.scroll(0, dy)
        elif rect.contains(self.view.viewport().rect()):
            self.update()

    def block_rows(
        self, area_top: float = 0, area_bottom: float | None = None
    ) -> list[tuple[Block, float, float, float]]:
        """(block, top, first line bottom, bottom) of each page block on screen (or on its
        part from ``area_top`` to ``area_bottom``: a scroll repaints the lines it uncovered)."""
        view = self.view
        if view.page_state is None:
            return []
        start, end = visible_cp_range(view, view.offsets, area_top, area_bottom)
        rows = []
        for block in view.blocks.overlapping(start, end + 1):
            top = line_span(view, view.offsets, CodePoint(block.start))
            bottom = line_span(view, view.offsets, CodePoint(max(block.end - 1, block.start)))
            if top is not None and bottom is not None:
                rows.append((block, top[0], top[1], bottom[1]))
        return rows

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f7f7f5"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = self.tag_font()
        area = event.rect()
        self._tag_left = self._tag_x()
        # A line more each way: a join's band bridges the blank line above its block.
        reach = 2 * self.view.fontMetrics().lineSpacing()
        for block, top, first, bottom in self.block_rows(area.top() - reach, area.bottom() + reach):
            self._paint_block(
                painter, block, QRectF(0, top, self.width(), first - top), bottom, small
            )
        painter.end()

    def _paint_block(
        self, painter: QPainter, block: Block, first: QRectF, bottom: float, small: QFont
    ) -> None:
        # ``first`` is the block's first visual line: number, role and marks sit on it.
        index = self.view.blocks
        top = first.top()
        position = index.article_position(block.article)
        colour = article_colour(position)
        if block.article is not None:
            painter.fillRect(QRectF(BAND_X, top, BAND_W, bottom - top), colour)
        if block.joins_previous:
            self._paint_join(painter, block, top, colour)
        x = BAND_X + BAND_W + 3
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if index.starts_article_run(block):
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(colour)
            painter.drawText(QRectF(x, first.top(), 24, first.height()), left, str(position))
        painter.setFont(small)
        painter.setPen(QColor(BODY_TAG_COLOUR if block.role == "body" else MUTED_COLOUR))
        tag_x = self._tag_left
        tag_w = self.width() - tag_x - DOUBT_D - 4
        painter.drawText(
            QRectF(tag_x, first.top(), tag_w, first.height()), left, self.view.role_tag(block.role)
        )
        if doubtful_decisions(block):
            self._paint_doubt(painter, first)

    def _paint_join(self, painter: QPainter, block: Block, top: float, colour: QColor) -> None:
        # The band bridges the gap to the previous paragraph, with a hook at its end: the
        # two parts read as one paragraph.
        prev = self.view.blocks.previous(block)
        prev_bottom = None
        if prev is not None:
            last = CodePoint(max(prev.end - 1, prev.start))
            span = line_span(self.view, self.view.offsets, last)
            prev_bottom = span[1] if span else None
        start = prev_bottom if prev_bottom is not None else top - 8
        painter.fillRect(QRectF(BAND_X + 1, start, BAND_W - 2, top - start), colour)
        pen = QPen(QColor("#222222"), 1.6)
        painter.setPen(pen)
        path = QPainterPath(QPointF(BAND_X + BAND_W + 9, top - 6))
        path.lineTo(QPointF(BAND_X + BAND_W + 9, top + 3))
        path.lineTo(QPointF(BAND_X + BAND_W + 2, top + 3))
        path.moveTo(QPointF(BAND_X + BAND_W + 5, top))
        path.lineTo(QPointF(BAND_X + BAND_W + 2, top + 3))
        path.lineTo(QPointF(BAND_X + BAND_W + 5, top + 6))
        painter.drawPath(path)

    def _paint_doubt(self, painter: QPainter, first: QRectF) -> None:
        d = DOUBT_D
        rect = QRectF(self.width() - d - 3, first.center().y() - d / 2, d, d)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(DOUBT_COLOUR))
        painter.drawEllipse(rect)
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.8))
        painter.setFont(bold)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "?")
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def block_at_y(self, y: float) -> Block | None:
        for block, top, _first, bottom in self.block_rows():
            if top <= y <= bottom:
                return block
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self.block_at_y(event.pos().y())
            if block is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.view.block_tooltip(block), self)
            return True
        return super().event(event)
