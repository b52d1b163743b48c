"""File › Export: the choices of ``annotator export`` in one dialog, remembered between runs.

The dialog builds the same :class:`annotator.exporting.ExportRequest` as the command line
(format, page statuses, reviewers, labels, papers, page id pattern, date range, dedupe,
train/dev/test split with ratios and seed; Label Studio predictions and suggestions, the
BIO sequences), validated with the same parsers, so that the
window and the command line can never export differently. The last choices are kept in
``QSettings`` under ``export/``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.formats.registry import FORMATS
from annotator.gui.i18n import core_text
from annotator.model import PAGE_STATUSES

if TYPE_CHECKING:
    from annotator.exporting import ExportRequest

_KEY = "export/"


def _names(text: str) -> list[str]:
    """``"a, b,,c"`` as ``["a", "b", "c"]``."""
    return [x.strip() for x in text.split(",") if x.strip()]


class ExportDialog(QDialog):
    """Where and what to export; :meth:`request` and :meth:`target` once accepted."""

    def __init__(
        self,
        formats: dict[str, str],
        hints: Mapping[str, Sequence[str]],
        parent: QWidget | None = None,
    ) -> None:
        """``formats``: format name to its shown name; ``hints``: known ``reviewers``,
        ``labels``, ``papers``, shown as placeholders."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export gold data"))
        self.format = QComboBox(self)
        for name, shown in formats.items():
            self.format.addItem(shown, name)
        self.output = QLineEdit(self)
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.clicked.connect(self._browse)
        names = self._status_names()
        self.statuses = {s: QCheckBox(names.get(s, s), self) for s in PAGE_STATUSES}
        self.reviewers = self._names_edit(hints.get("reviewers", ()))
        self.labels = self._names_edit(hints.get("labels", ()))
        self._known_labels = list(hints.get("labels", ()))
        self.papers = self._names_edit(hints.get("papers", ()))
        self.pattern = QLineEdit(self)
        self.pattern.setPlaceholderText("2024-03-*")
        self.since = QLineEdit(self)
        self.until = QLineEdit(self)
        for edit in (self.since, self.until):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.dedupe = QCheckBox(self.tr("Keep one copy of duplicate articles"), self)
        self.split = QCheckBox(self.tr("Split by page into train/dev/test files (a folder)"), self)
        self.ratios = QLineEdit("0.8,0.1,0.1", self)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        # Options of one format, as on the command line; enabled for that format only.
        self.as_predictions = QCheckBox(
            self.tr("Label Studio: spans as predictions (pre-annotations to review)"), self
        )
        self.suggestions = QCheckBox(
            self.tr("Label Studio: add the open suggestions as predictions"), self
        )
        self.sentences = QComboBox(self)
        self.sentences.addItem(self.tr("sentence"), "sentence")
        self.sentences.addItem(self.tr("line"), "line")
        self.sentences.addItem(self.tr("article"), "none")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self._build()
        self._restore()
        self.split.toggled.connect(self._enable_split)
        self._enable_split(self.split.isChecked())
        self.format.currentIndexChanged.connect(self._enable_format_options)
        self._enable_format_options()

    def _status_names(self) -> dict[str, str]:
        return {
            "new": self.tr("New"),
            "in_progress": self.tr("In progress"),
            "done": self.tr("Done"),
            "skipped": self.tr("Skipped"),
            "flagged": self.tr("Flagged"),
        }

    def _names_edit(self, known: Sequence[str]) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(
            self.tr("all; or comma-separated: {names}").format(names=", ".join(known[:6]))
            if known
            else self.tr("all")
        )
        return edit

    def _build(self) -> None:
        form = QFormLayout()
        where = QHBoxLayout()
        where.addWidget(self.output, 1)
        where.addWidget(self.browse)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Save to:"), where)
        statuses = QHBoxLayout()
        for box in self.statuses.values():
            statuses.addWidget(box)
        form.addRow(self.tr("Pages with status:"), statuses)
        form.addRow(self.tr("Reviewers:"), self.reviewers)
        form.addRow(self.tr("Labels:"), self.labels)
        form.addRow(self.tr("Papers:"), self.papers)
        form.addRow(self.tr("Page ids matching:"), self.pattern)
        form.addRow(self.tr("Edited since:"), self.since)
        form.addRow(self.tr("Edited until:"), self.until)
        form.addRow(self.dedupe)
        form.addRow(self.split)
        form.addRow(self.tr("Ratios:"), self.ratios)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow(self.as_predictions)
        form.addRow(self.suggestions)
        form.addRow(self.tr("BIO/BIOES: one sequence per"), self.sentences)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _enable_split(self, on: bool) -> None:
        self.ratios.setEnabled(on)
        self.seed.setEnabled(on)

    def _enable_format_options(self) -> None:
        fmt = self.format.currentData()
        self.as_predictions.setEnabled(fmt == "labelstudio")
        self.suggestions.setEnabled(fmt == "labelstudio")
        self.sentences.setEnabled(fmt in ("bio", "bioes"))

    def _browse(self) -> None:
        fmt = FORMATS[self.format.currentData()]
        if self.split.isChecked() or fmt.folder:
            name = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"))
        else:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export gold data"), f"gold{fmt.suffix}"
            )
        if name:
            self.output.setText(name)

    # --- the request ---------------------------------------------------------------------

    def request(self) -> ExportRequest:
        from annotator.exporting import ExportRequest, check_labels, date_bounds
        from annotator.formats.curation import parse_ratios

        """The choices as the command line's request; ValueError saying what to correct."""
        statuses = [s for s, box in self.statuses.items() if box.isChecked()]
        if not statuses:
            raise ValueError(self.tr("Choose at least one page status."))
        since = self.since.text().strip() or None
        until = self.until.text().strip() or None
        date_bounds(since, until)
        split = parse_ratios(self.ratios.text().strip()) if self.split.isChecked() else None
        labels = _names(self.labels.text())
        if self._known_labels:
            check_labels(labels, self._known_labels)
        fmt = str(self.format.currentData())
        return ExportRequest(
            fmt=fmt,
            statuses=None if len(statuses) == len(PAGE_STATUSES) else statuses,
            reviewers=_names(self.reviewers.text()),
            papers=_names(self.papers.text()),
            pattern=self.pattern.text().strip() or None,
            since=since,
            until=until,
            labels=labels,
            dedupe=self.dedupe.isChecked(),
            duplicates=True,  # the window always reports them (the command line on request)
            split=split,
            seed=self.seed.value(),
            as_predictions=fmt == "labelstudio" and self.as_predictions.isChecked(),
            suggestions=fmt == "labelstudio" and self.suggestions.isChecked(),
            sentences=str(self.sentences.currentData()),
        )

    def target(self) -> Path:
        return Path(self.output.text().strip()).expanduser()

    def accept(self) -> None:
        """Accept only a complete, valid request; otherwise say what is wrong and stay."""
        try:
            self.request()
            if not self.output.text().strip():
                raise ValueError(self.tr("Choose where to save the export."))
        except ValueError as exc:
            self.error.setText(core_text(exc))
            return
        self.error.clear()
        self._save()
        super().accept()

    # --- remembered choices --------------------------------------------------------------

    def _save(self) -> None:
        settings = QSettings()
        settings.setValue(_KEY + "format", self.format.currentData())
        settings.setValue(_KEY + "output", self.output.text().strip())
        checked = [s for s, box in self.statuses.items() if box.isChecked()]
        settings.setValue(_KEY + "statuses", ",".join(checked))
        for key, edit in self._edits().items():
            settings.setValue(_KEY + key, edit.text())
        settings.setValue(_KEY + "dedupe", self.dedupe.isChecked())
        settings.setValue(_KEY + "split", self.split.isChecked())
        settings.setValue(_KEY + "seed", self.seed.value())
        settings.setValue(_KEY + "as_predictions", self.as_predictions.isChecked())
        settings.setValue(_KEY + "suggestions", self.suggestions.isChecked())
        settings.setValue(_KEY + "sentences", self.sentences.currentData())

    def _restore(self) -> None:
        settings = QSettings()
        index = self.format.findData(str(settings.value(_KEY + "format", "jsonl")))
        self.format.setCurrentIndex(max(index, 0))
        self.output.setText(str(settings.value(_KEY + "output", "") or ""))
        checked = _names(str(settings.value(_KEY + "statuses", "done") or "done"))
        for status, box in self.statuses.items():
            box.setChecked(status in checked)
        for key, edit in self._edits().items():
            default = "0.8,0.1,0.1" if key == "ratios" else ""
            edit.setText(str(settings.value(_KEY + key, default) or default))
        self.dedupe.setChecked(_true(settings.value(_KEY + "dedupe", False)))
        self.split.setChecked(_true(settings.value(_KEY + "split", False)))
        self.as_predictions.setChecked(_true(settings.value(_KEY + "as_predictions", False)))
        self.suggestions.setChecked(_true(settings.value(_KEY + "suggestions", False)))
        index = self.sentences.findData(str(settings.value(_KEY + "sentences", "sentence")))
        self.sentences.setCurrentIndex(max(index, 0))
        try:
            self.seed.setValue(int(str(settings.value(_KEY + "seed", 0))))
        except ValueError:
            self.seed.setValue(0)

    def _edits(self) -> dict[str, QLineEdit]:
        return {
            "reviewers": self.reviewers,
            "labels": self.labels,
            "papers": self.papers,
            "pattern": self.pattern,
            "since": self.since,
            "until": self.until,
            "ratios": self.ratios,
        }


def _true(value: object) -> bool:
    """A QSettings boolean (stored as "true"/"false" text by some back ends)."""
    return value is True or str(value).lower() in ("true", "1")
