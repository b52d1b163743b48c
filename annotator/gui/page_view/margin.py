"""The article margin: one coloured band per article, its number, roles, joins and doubts.

A band covers exactly the lines of its blocks: the view gives every block lines of its own
(layout breaks), so a band never starts on a line that still holds the previous article's
last words. Role tags are whole translated words (标题, 副题, 署名…), and the margin is as
wide as the longest of them.

Like the line-number area of Qt's code-editor example, a plain widget beside the viewport
that the view asks to repaint when it scrolls or changes. It paints only the page blocks
overlapping the lines to repaint.

The margin does not know the view's class: it reads what it needs through ``MarginHost``
(the page's block index, where blocks lie on screen, role tags and tooltips), which the
page view provides, so the view imports the margin and not the other way round.
"""

from __future__ import annotations

from typing import Protocol

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

from annotator.gui.page_view.index import BlockIndex, doubtful_decisions
from annotator.gui.page_view.style import DOUBT_COLOUR, MUTED_COLOUR, article_colour
from annotator.model import ROLES, Block

# A page block on screen: the block, its top, the bottom of its first line, its bottom.
BlockRow = tuple[Block, float, float, float]


class MarginHost(Protocol):
    """What the margin reads from the text view beside it (the page view provides it)."""

    @property
    def blocks(self) -> BlockIndex:
        """The shown page's blocks."""
        ...

    def block_rows(self, top: float, bottom: float | None = None) -> list[BlockRow]:
        """The page blocks on the lines from viewport ``top`` to ``bottom`` (None: all)."""
        ...

    def block_bottom(self, block: Block) -> float | None:
        """The viewport bottom of ``block``'s last line, or None when it is not laid out."""
        ...

    def role_tag(self, role: str) -> str:
        """The role as the short word the margin shows."""
        ...

    def block_tooltip(self, block: Block) -> str:
        """What the margin's tooltip says about ``block``."""
        ...


BAND_X, BAND_W = 3, 6
DOUBT_D = 15  # diameter of the doubt mark
BODY_TAG_COLOUR = "#b4b9c2"  # most blocks are body: their tag stays quiet


class ArticleMargin(QWidget):
    """Paints the article structure of the visible page blocks beside the text."""

    def __init__(self, host: MarginHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.setMouseTracking(True)
        # It fills what it paints: a scroll then moves the pixels and paints the new lines only.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._tag_left = 0  # where role tags start, measured once per paint

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.width_for_font(), 0)

    def width_for_font(self) -> int:
        """Band, article number, the widest role tag and the doubt mark, side by side."""
        tags = QFontMetrics(self.tag_font())
        widest = max(tags.horizontalAdvance(self.host.role_tag(role)) for role in ROLES)
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
            for block, top, _first, bottom in self.host.block_rows(0)
            if block.article is not None
        ]

    def tag_rects(self) -> list[tuple[str, QRectF]]:
        """Each visible role tag and the rectangle its text needs (to check that it fits)."""
        metrics = QFontMetrics(self.tag_font())
        out = []
        for block, top, first, _bottom in self.host.block_rows(0):
            tag = self.host.role_tag(block.role)
            width = metrics.horizontalAdvance(tag)
            out.append((tag, QRectF(self._tag_x(), top, width, first - top)))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f7f7f5"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = self.tag_font()
        area = event.rect()
        self._tag_left = self._tag_x()
        # Two of its lines more each way: a join's band bridges the blank line above its block.
        reach = 2 * self.fontMetrics().lineSpacing()
        for block, top, first, bottom in self.host.block_rows(
            area.top() - reach, area.bottom() + reach
        ):
            self._paint_block(
                painter, block, QRectF(0, top, self.width(), first - top), bottom, small
            )
        painter.end()

    def _paint_block(
        self, painter: QPainter, block: Block, first: QRectF, bottom: float, small: QFont
    ) -> None:
        # ``first`` is the block's first visual line: number, role and marks sit on it.
        index = self.host.blocks
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
            QRectF(tag_x, first.top(), tag_w, first.height()), left, self.host.role_tag(block.role)
        )
        if doubtful_decisions(block):
            self._paint_doubt(painter, first)

    def _paint_join(self, painter: QPainter, block: Block, top: float, colour: QColor) -> None:
        # The band bridges the gap to the previous paragraph, with a hook at its end: the
        # two parts read as one paragraph.
        prev = self.host.blocks.previous(block)
        prev_bottom = self.host.block_bottom(prev) if prev is not None else None
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
        for block, top, _first, bottom in self.host.block_rows(y - 1, y + 1):
            if top <= y <= bottom:
                return block
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self.block_at_y(event.pos().y())
            if block is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.host.block_tooltip(block), self)
            return True
        return super().event(event)
