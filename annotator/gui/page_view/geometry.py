"""Where a code-point range of the page lies on screen in a ``QPlainTextEdit``.

Shared by the view's overlay painting (tags, span frames, article rules) and the margin
(article bands). Only visible, laid-out Qt blocks are ever measured.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QPlainTextEdit

from annotator.gui.offsets import OffsetMap, Utf16Pos
from annotator.model import CodePoint


def visible_blocks(
    view: QPlainTextEdit, top: float, bottom: float
) -> Iterator[tuple[QTextBlock, QRectF]]:
    """Visible Qt blocks between viewport ``top`` and ``bottom``, with their geometry."""
    block = view.firstVisibleBlock()
    offset = view.contentOffset()
    while block.isValid():
        geo = view.blockBoundingGeometry(block).translated(offset)
        if geo.top() > bottom:
            break
        if block.isVisible() and geo.bottom() >= top:
            yield block, geo
        block = block.next()


def visible_cp_range(
    view: QPlainTextEdit, offsets: OffsetMap, top: float = 0, bottom: float | None = None
) -> tuple[CodePoint, CodePoint]:
    """The code-point range shown in the viewport (whole Qt blocks), or in its part from
    ``top`` to ``bottom``."""
    first = last = None
    if bottom is None:
        bottom = view.viewport().height()
    for block, _geo in visible_blocks(view, top, bottom):
        if first is None:
            first = block
        last = block
    if first is None or last is None:
        return CodePoint(0), CodePoint(0)
    end16 = Utf16Pos(last.position() + last.length() - 1)
    return offsets.to_cp(Utf16Pos(first.position())), offsets.to_cp(end16)


def line_span(
    view: QPlainTextEdit, offsets: OffsetMap, cp: CodePoint
) -> tuple[float, float] | None:
    """Viewport (top, bottom) of the visual line holding the character at ``cp``."""
    pos16 = offsets.to_utf16(cp)
    block = view.document().findBlock(pos16)
    if not block.isValid():
        return None
    geo = view.blockBoundingGeometry(block).translated(view.contentOffset())
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return geo.top(), geo.bottom()
    line = layout.lineForTextPosition(pos16 - block.position())
    if not line.isValid():
        return geo.top(), geo.bottom()
    top = geo.top() + line.y()
    return top, top + line.height()


def range_rects(
    view: QPlainTextEdit, offsets: OffsetMap, start: CodePoint, end: CodePoint
) -> list[QRectF]:
    """One viewport rectangle per visual line that code points ``[start, end)`` cover."""
    s16, e16 = offsets.to_utf16(start), offsets.to_utf16(end)
    rects: list[QRectF] = []
    block = view.document().findBlock(s16)
    offset = view.contentOffset()
    while block.isValid() and block.position() < e16:
        layout = block.layout()
        if block.isVisible() and layout is not None:
            geo = view.blockBoundingGeometry(block).translated(offset)
            rects += _line_rects(layout, geo, Utf16Pos(block.position()), s16, e16)
        block = block.next()
    return rects


def _line_rects(  # noqa: ANN001
    layout, geo: QRectF, base: Utf16Pos, s16: Utf16Pos, e16: Utf16Pos
) -> list[QRectF]:
    rects = []
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        a, b = line.textStart(), line.textStart() + line.textLength()
        lo, hi = max(s16 - base, a), min(e16 - base, b)
        if lo >= hi:
            continue
        x1, x2 = _x(line, lo), _x(line, hi)
        top = geo.top() + line.y()
        rects.append(QRectF(geo.left() + x1, top, x2 - x1, line.height()))
    return rects


def _x(line, pos: int) -> float:  # noqa: ANN001
    x = line.cursorToX(pos)
    return x[0] if isinstance(x, tuple) else x
