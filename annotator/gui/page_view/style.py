"""How the page view looks: role styles, span fills, label tags and article colours.

One ``ViewStyle`` per view builds ``QTextCharFormat`` objects on demand and caches them by a
small key, so re-highlighting a line never allocates formats and thousands of spans share a
handful of objects. Sizes are relative to the view's base font, so Ctrl+= / Ctrl+- only has
to clear the cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QTextCharFormat

from annotator.model import Label

# Muted, well separated hues for article bands (label colours are the saturated ones).
ARTICLE_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#b07aa1",
    "#e15759",
    "#76b7b2",
    "#9c755f",
    "#edc948",
)
MARKER_COLOUR = "#b8b8b8"
MUTED_COLOUR = "#6b7280"
OTHER_COLOUR = "#a3a3a3"
CAPTION_TINT = "#eaf1f7"
DOUBT_COLOUR = "#e8590c"
BREAK_MARK_COLOUR = "#8a94a6"
FALLBACK_LABEL_COLOUR = "#808080"

# (size factor, bold, colour, background) per role; body is the plain base font.
ROLE_STYLES: dict[str, tuple[float, bool, str | None, str | None]] = {
    "headline": (1.45, True, None, None),
    "kicker": (0.9, False, "#374151", None),
    "subheadline": (0.95, True, "#374151", None),
    "byline": (0.9, False, MUTED_COLOUR, None),
    "intertitle": (1.05, True, "#1e3a8a", None),  # 小标题: bold, dark blue, inside the body
    "caption": (0.92, False, "#334155", CAPTION_TINT),
    "other": (1.0, False, OTHER_COLOUR, None),
}

# (role, markdown marker, accepted label, suggested label, tag gap label)
FormatKey = tuple[str | None, bool, str | None, str | None, str | None]


def article_colour(position: int | None) -> QColor:
    """The band colour of the article at 1-based ``position`` on the page (grey: none)."""
    if position is None:
        return QColor(OTHER_COLOUR)
    return QColor(ARTICLE_COLOURS[(position - 1) % len(ARTICLE_COLOURS)])


@dataclass
class TagMetrics:
    font: QFont
    height: int
    padding: int


class ViewStyle:
    """Formats and colours for one page view, rebuilt when the base font changes."""

    def __init__(self, base: QFont, labels: list[Label]) -> None:
        self._formats: dict[FormatKey, QTextCharFormat | None] = {}
        self._colours: dict[str, QColor] = {}
        self._gaps: dict[str, int] = {}
        self._tags: dict[tuple[str, bool, int, float], QPixmap] = {}
        self.set_labels(labels)
        self.set_base_font(base)

    def set_labels(self, labels: list[Label]) -> None:
        self._colours = {x.name: QColor(x.colour) for x in labels}
        self._tags.clear()
        self._formats.clear()
        self._gaps.clear()

    def set_base_font(self, base: QFont) -> None:
        self.base = QFont(base)
        tag_font = QFont(base)
        tag_font.setPointSizeF(max(6.0, base.pointSizeF() * 0.58))
        tag_font.setBold(True)
        metrics = QFontMetrics(tag_font)
        self.tag = TagMetrics(tag_font, metrics.height(), 3)
        self._tag_metrics = metrics
        self._formats.clear()
        self._gaps.clear()
        self._tags.clear()

    def tag_pixmap(self, label: str, accepted: bool, height: int, ratio: float) -> QPixmap:
        """The label tag drawn once and cached: tags are painted on every scroll and edit."""
        key = (label, accepted, height, ratio)
        pixmap = self._tags.get(key)
        if pixmap is None:
            pixmap = self._draw_tag(label, accepted, height, ratio)
            self._tags[key] = pixmap
        return pixmap

    def _draw_tag(self, label: str, accepted: bool, height: int, ratio: float) -> QPixmap:
        width = self.gap_width(label) - 4
        pixmap = QPixmap(int(width * ratio), int(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        fill, text, style = tag_colours(self.label_colour(label), accepted)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.label_colour(label), 1, style))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 3, 3)
        painter.setFont(self.tag.font)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, label)
        painter.end()
        return pixmap

    def label_colour(self, label: str) -> QColor:
        return self._colours.get(label, QColor(FALLBACK_LABEL_COLOUR))

    def gap_width(self, label: str) -> int:
        """Room left after a span's last character for its label tag."""
        width = self._gaps.get(label)
        if width is None:
            width = self._tag_metrics.horizontalAdvance(label) + 2 * self.tag.padding + 4
            self._gaps[label] = width
        return width

    def char_format(self, key: FormatKey) -> QTextCharFormat | None:
        """The cached format for ``key``; None means the plain base format."""
        if key in self._formats:
            return self._formats[key]
        fmt = self._build(key)
        self._formats[key] = fmt
        return fmt

    def _build(self, key: FormatKey) -> QTextCharFormat | None:
        role, marker, accepted, suggested, gap = key
        if role in (None, "body") and not (marker or accepted or suggested or gap):
            return None
        fmt = QTextCharFormat()
        self._apply_role(fmt, role)
        if marker:
            fmt.setForeground(QColor(MARKER_COLOUR))
        if accepted is not None:
            fill = QColor(self.label_colour(accepted))
            fill.setAlpha(72)
            fmt.setBackground(fill)
        if suggested is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(self.label_colour(suggested))
            if accepted is None:
                tint = QColor(self.label_colour(suggested))
                tint.setAlpha(22)
                fmt.setBackground(tint)
        if gap is not None:
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(self.gap_width(gap))
        return fmt

    def _apply_role(self, fmt: QTextCharFormat, role: str | None) -> None:
        style = ROLE_STYLES.get(role or "body")
        if style is None:
            return
        factor, bold, colour, background = style
        if factor != 1.0:
            fmt.setFontPointSize(self.base.pointSizeF() * factor)
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        if colour:
            fmt.setForeground(QColor(colour))
        if background:
            fmt.setBackground(QColor(background))


def tag_colours(colour: QColor, accepted: bool) -> tuple[QColor, QColor, Qt.PenStyle]:
    """(fill, text, border style) of a label tag: solid for accepted, dashed for suggestions."""
    if accepted:
        return colour, QColor("white"), Qt.PenStyle.SolidLine
    return QColor("white"), colour, Qt.PenStyle.DashLine
