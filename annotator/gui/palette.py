"""The label palette: the configured labels with their colours and hot keys (1–9).

Each button triggers the same QAction as the label's key, so a click and a key press do
exactly the same thing. Labels come from ``Store.labels()`` (the project's label table).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from annotator.model import Label


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("black") if luminance > 150 else QColor("white")


class LabelPalette(QWidget):
    """A row of label buttons: colour, key and name; tooltips give the description."""

    def __init__(
        self, labels: list[Label], actions: dict[str, QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(6)
        title = QLabel(self.tr("Labels:"), self)
        layout.addWidget(title)
        self.buttons: dict[str, QToolButton] = {}
        for label in labels:
            button = self._button(label, actions.get(f"label_{label.name}"))
            layout.addWidget(button)
            self.buttons[label.name] = button
        layout.addStretch(1)

    def _button(self, label: Label, action: QAction | None) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"palette_{label.name}")
        button.setText(f"{label.key}  {label.name}" if label.key else label.name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the caret in the page view
        colour = QColor(label.colour)
        fg = text_colour_on(colour).name()
        button.setStyleSheet(
            f"QToolButton {{ background: {colour.name()}; color: {fg}; border-radius: 4px;"
            " padding: 2px 8px; font-weight: bold; }"
        )
        tip = label.description or label.name
        if label.key:
            tip = self.tr("{description} (key {key})").format(description=tip, key=label.key)
        button.setToolTip(tip)
        if action is not None:
            button.clicked.connect(action.trigger)
        return button
