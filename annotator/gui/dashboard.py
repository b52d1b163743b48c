"""The statistics dashboard: the figures of ``annotator stats`` as small bar charts.

PySide6-Essentials has no QtCharts (it ships in PySide6-Addons, a large download), so the
charts are drawn with QPainter by :class:`BarChart`: one horizontal bar per row, its value
and share beside it. The dialog shows labels of accepted spans and roles of article blocks
on done pages, pages by status, and each reviewer's throughput (spans and pages per hour
from the edit log), with a table of the exact numbers. The figures are computed by the
pure :mod:`annotator.statistics`; Refresh reads them again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

DEFAULT_BAR = QColor("#5b8def")
ROW_HEIGHT = 22
NAME_WIDTH = 96
VALUE_WIDTH = 96


class BarChart(QWidget):
    """Horizontal bars of ``(name, value)`` rows, scaled to the largest value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float, QColor]] = []
        self._format: Callable[[float], str] = lambda v: f"{v:g}"
        self.setMinimumWidth(NAME_WIDTH + VALUE_WIDTH + 120)

    def set_rows(
        self,
        rows: Sequence[tuple[str, float]],
        colours: dict[str, QColor] | None = None,
        value_format: Callable[[float], str] | None = None,
    ) -> None:
        colours = colours or {}
        self._rows = [(name, float(v), colours.get(name, DEFAULT_BAR)) for name, v in rows]
        if value_format is not None:
            self._format = value_format
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str, float]]:
        return [(name, value) for name, value, _ in self._rows]

    def bar_rect(self, i: int) -> QRectF:
        """Where the bar of row ``i`` is drawn (tests look at its pixels)."""
        top = max(value for _, value, _ in self._rows) or 1.0
        width = max(1.0, self.width() - NAME_WIDTH - VALUE_WIDTH)
        value = self._rows[i][1]
        return QRectF(NAME_WIDTH, i * ROW_HEIGHT + 4, width * value / top, ROW_HEIGHT - 8)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(NAME_WIDTH + VALUE_WIDTH + 240, max(1, len(self._rows)) * ROW_HEIGHT + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(NAME_WIDTH + VALUE_WIDTH + 120, max(1, len(self._rows)) * ROW_HEIGHT + 4)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        text = self.palette().color(self.foregroundRole())
        if not self._rows:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Nothing yet"))
            return
        for i, (name, value, colour) in enumerate(self._rows):
            y = i * ROW_HEIGHT
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y, NAME_WIDTH - 6, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            bar = self.bar_rect(i)
            painter.fillRect(bar, colour)
            painter.drawText(
                QRectF(bar.right() + 6, y, VALUE_WIDTH, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._format(value),
            )


def _share_format(total: float) -> Callable[[float], str]:
    return lambda v: f"{v:g} ({v / total:.0%})" if total else f"{v:g}"


class DashboardDialog(QDialog):
    """Charts of the database's figures; ``refresh`` recomputes them with ``load``."""

    def __init__(
        self,
        load: Callable[[], dict[str, Any]],
        label_colours: dict[str, QColor],
        role_names: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Statistics"))
        self._load = load
        self._label_colours = label_colours
        self._role_names = role_names
        self.labels_chart = BarChart(self)
        self.roles_chart = BarChart(self)
        self.status_chart = BarChart(self)
        self.speed_chart = BarChart(self)
        self.table = QTableWidget(0, 6, self)
        self.summary = QLabel(self)
        # Gold brought in by imports: shown apart, never as a reviewer's speed.
        self.imported = QLabel(self)
        self._build()
        self.refresh()

    def _build(self) -> None:
        grid = QGridLayout()
        charts = (
            (self.tr("Labels of accepted spans (done pages)"), self.labels_chart),
            (self.tr("Roles of article paragraphs (done pages)"), self.roles_chart),
            (self.tr("Pages by status"), self.status_chart),
            (self.tr("Spans per hour by reviewer"), self.speed_chart),
        )
        for i, (title, chart) in enumerate(charts):
            box = QGroupBox(title, self)
            QVBoxLayout(box).addWidget(chart)
            grid.addWidget(box, i // 2, i % 2)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Reviewer"),
                self.tr("Pages done"),
                self.tr("Spans"),
                self.tr("Hours"),
                self.tr("Pages/hour"),
                self.tr("Spans/hour"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.refresh_button = buttons.addButton(
            self.tr("Refresh"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.refresh_button.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(grid)
        layout.addWidget(self.table)
        layout.addWidget(self.imported)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        figures = self._load()
        self.figures = figures
        labels = figures["distributions"]["labels"]
        roles = figures["distributions"]["roles"]
        self.labels_chart.set_rows(
            list(labels.items()), self._label_colours, _share_format(sum(labels.values()))
        )
        self.roles_chart.set_rows(
            [(self._role_names.get(k, k), v) for k, v in roles.items()],
            None,
            _share_format(sum(roles.values())),
        )
        pages = {k: v for k, v in figures["pages"].items() if k != "total"}
        self.status_chart.set_rows(list(pages.items()))
        speed = figures["throughput"]
        self.speed_chart.set_rows([(name, t["spans_per_hour"]) for name, t in speed.items()])
        self._fill_table(speed)
        got = figures.get("imported") or {}
        self.imported.setVisible(bool(got.get("edits")))
        self.imported.setText(
            self.tr(
                "Imported from files (not counted as reviewing): {spans} spans on {pages} pages"
            ).format(spans=got.get("spans", 0), pages=got.get("pages", 0))
        )
        self.summary.setText(
            self.tr("{pages} pages, {done} done; {articles} articles").format(
                pages=figures["pages"]["total"],
                done=figures["pages"].get("done", 0),
                articles=figures["articles"],
            )
        )

    def _fill_table(self, speed: dict[str, dict[str, float]]) -> None:
        self.table.setRowCount(len(speed))
        keys = ("pages", "spans", "hours", "pages_per_hour", "spans_per_hour")
        for row, (name, figures) in enumerate(speed.items()):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            for column, key in enumerate(keys, start=1):
                item = QTableWidgetItem(f"{figures[key]:g}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
