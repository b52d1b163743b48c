"""The preferences dialog: reviewer name, interface language, text size, backups kept.

The name and the text size apply at once; the language applies the next time the window
opens (the dialog says so), because Qt widgets do not re-translate themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from annotator.gui.settings import LANGUAGES


@dataclass
class Preferences:
    reviewer: str
    language: str
    font_size: float
    backups_kept: int = 10  # rolling backups in backups/ beside the database


class PreferencesDialog(QDialog):
    """Edits a ``Preferences``; ``result_preferences()`` returns what was chosen."""

    def __init__(self, current: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.reviewer_edit = QLineEdit(current.reviewer, self)
        self.reviewer_edit.setObjectName("reviewer")
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("language")
        names = {
            "auto": self.tr("Follow the system"),
            "en": "English",
            "zh_CN": "简体中文",
        }
        for code in LANGUAGES:
            self.language_box.addItem(names[code], code)
        self.language_box.setCurrentIndex(LANGUAGES.index(current.language))
        self.size_box = QDoubleSpinBox(self)
        self.size_box.setObjectName("font_size")
        self.size_box.setRange(8, 40)
        self.size_box.setDecimals(0)
        self.size_box.setValue(current.font_size)
        self.backups_box = QSpinBox(self)
        self.backups_box.setObjectName("backups_kept")
        self.backups_box.setRange(1, 1000)
        self.backups_box.setValue(current.backups_kept)
        self.backups_box.setToolTip(
            self.tr(
                "The window backs the database up every 30 minutes of editing and when it "
                "closes, into the backups folder beside it; the oldest backups beyond this "
                "number are removed."
            )
        )
        note = QLabel(self.tr("A new language applies the next time Annotator starts."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Reviewer name:"), self.reviewer_edit)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow("", note)
        form.addRow(self.tr("Text size:"), self.size_box)
        form.addRow(self.tr("Backups kept:"), self.backups_box)
        form.addRow(buttons)

    def result_preferences(self) -> Preferences:
        return Preferences(
            reviewer=self.reviewer_edit.text().strip(),
            language=str(self.language_box.currentData()),
            font_size=float(self.size_box.value()),
            backups_kept=int(self.backups_box.value()),
        )
