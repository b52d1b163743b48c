"""Import and export on a worker thread, behind a modal progress dialog that can cancel.

SQLite connections must not cross threads, so each worker opens its own ``Store`` on the
database file and closes it when done. Worker code makes no UI calls: it reports progress
and results by signal, and reads the cancel request from a ``threading.Event``. Cancelling
stops between two files (import: pages are stored in batches of whole pages, and every
page before the cancel is kept) or between two records (export: the writer then removes its temporary file, so the
target is never half written and an existing target is left untouched).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEventLoop,
    QMimeData,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

from annotator.formats.registry import FORMATS
from annotator.gui.i18n import core_text
from annotator.messages import Message
from annotator.store import QUICK_CHECK_BEFORE_WRITE_BYTES, Store, StoreError

if TYPE_CHECKING:
    from annotator.exporting import ExportReport, ExportRequest
    from annotator.pipeline import ImportReport

log = logging.getLogger(__name__)

# progress(done, total, what) -> False when the user asked to cancel
Progress = Callable[[int, int, str], bool]
Job = Callable[[Store, Progress], Any]

_PROGRESS_INTERVAL_S = 0.05  # at most ~20 dialog updates a second, however fast the job
_SHOWN_REFUSED = 10  # refused files named in the message itself; all are in the details


# --- worker (runs on the worker thread: no UI calls here) ---------------------------------


class _Worker(QObject):
    """Runs one job on its own database connection and reports by signal."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, job: Job, *, readonly: bool = False) -> None:
        super().__init__()
        self._db_path = db_path
        self._readonly = readonly  # export only reads: it never waits for another writer
        self._job = job
        self._cancel = threading.Event()
        self._last_report = 0.0

    def cancel(self) -> None:
        """Ask the job to stop at its next progress call (safe from any thread)."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from annotator.formats.gold_jsonl import ExportError

        try:
            store = Store.open(self._db_path, readonly=self._readonly)
        except StoreError as exc:
            self._finish(self.failed, core_text(exc))
            return
        try:
            result = self._job(store, self._progress)
        except ExportError as exc:  # names the file (or the dialog's fields) and what to do
            # "-" names no file (the database has no pages): "-: …" said nothing.
            self._finish(self.failed, core_text(exc.reason if exc.path == "-" else exc))
        except StoreError as exc:  # names the file and what to do
            self._finish(self.failed, core_text(exc))
        except Exception as exc:  # reported to the user; the traceback goes to the log
            log.exception("background job failed")
            self._finish(self.failed, f"{type(exc).__name__}: {exc}")
        else:
            self._finish(self.succeeded, result)
        finally:
            store.close()

    def _finish(self, signal: Any, value: Any) -> None:
        # Hand the object back to the main thread so it can be deleted there.
        app = QCoreApplication.instance()
        if app is not None:  # None only once the application is gone
            self.moveToThread(app.thread())
        signal.emit(value)

    def _progress(self, done: int, total: int, what: str) -> bool:
        now = time.monotonic()
        if done >= total or now - self._last_report >= _PROGRESS_INTERVAL_S:
            self._last_report = now
            self.progressed.emit(done, total, what)
        return not self._cancel.is_set()


# --- jobs (plain Python, run by the worker) -----------------------------------------------


def _import_job(paths: list[Path]) -> Job:
    def job(store: Store, progress: Progress) -> ImportReport:
        from annotator.pipeline import import_paths  # (compiles the rules: gui/warmup.py)

        # Never write into a damaged file (DatabaseDamaged names the backup to restore).
        store.verify(QUICK_CHECK_BEFORE_WRITE_BYTES)
        return import_paths(store, paths, progress=progress)

    return job


def _format_export_job(target: Path, request: ExportRequest) -> Job:
    """Every export of the window, in any format of the registry: the same
    :func:`annotator.exporting.export` as the command line, its records checked before
    they are written, the progress dialog as its progress (whose cancel stops it)."""

    from annotator.exporting import export
    from annotator.formats.gold_jsonl import ExportCancelled, ExportError

    def job(store: Store, progress: Progress) -> ExportReport | None:
        try:
            return export(store, replace(request, progress=progress), target)
        except ExportCancelled:
            return None  # cancelled: nothing was written
        except ExportError as exc:
            fields = _dialog_fields(exc.path)
            if fields is None:
                raise
            raise ExportError(fields, _in_dialog_words(exc.reason)) from None

    return job


# The fields of the export dialog that the command line's options of a refused export
# stand for: the window names the field the reviewer filled in, not "--status".
_DIALOG_FIELDS: dict[str, str] = cast(
    "dict[str, str]",
    {
        "--status": QT_TRANSLATE_NOOP("ExportDialog", "Pages with status:"),
        "--reviewer": QT_TRANSLATE_NOOP("ExportDialog", "Reviewers:"),
        "--paper": QT_TRANSLATE_NOOP("ExportDialog", "Papers:"),
        "--label": QT_TRANSLATE_NOOP("ExportDialog", "Labels:"),
        "--pages": QT_TRANSLATE_NOOP("ExportDialog", "Page ids matching:"),
        "--since": QT_TRANSLATE_NOOP("ExportDialog", "Edited since:"),
        "--until": QT_TRANSLATE_NOOP("ExportDialog", "Edited until:"),
    },
)


def _dialog_fields(options: str) -> str | None:
    """``"--status --pages"`` as the dialog's fields ("Pages with status / Page ids
    matching"), in the interface language; None when ``options`` is not such options (a
    file name)."""
    names = [x for part in options.split() for x in part.split("/")]
    if not names or any(x not in _DIALOG_FIELDS for x in names):
        return None
    shown = [
        QCoreApplication.translate("ExportDialog", _DIALOG_FIELDS[x]).rstrip(":：") for x in names
    ]
    return " / ".join(shown)


def _in_dialog_words(reason: Any) -> Any:
    """``reason`` (a core message) with every option it names as a value ``{option}``
    ("--status 3") given as the dialog's field instead ("Pages with status 3")."""
    if not isinstance(reason, Message):
        return reason
    values = {
        key: (
            _dialog_fields(value) or value
            if key == "option" and isinstance(value, str) and not isinstance(value, Message)
            else _in_dialog_words(value)
        )
        for key, value in reason.values.items()
    }
    return Message(reason.template, **values)


# --- the dialog and the runner (main thread) ----------------------------------------------


class _ProgressDialog(QProgressDialog):
    """A progress dialog that stays up after Cancel until the worker has really stopped."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setRange(0, 0)
        self.setMinimumWidth(420)
        # By default Cancel hides and resets the dialog at once; the runner decides instead.
        self.canceled.disconnect(self.cancel)

    def reject(self) -> None:  # Escape
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # the title bar's close button
        event.ignore()
        self.canceled.emit()


class _Runner(QObject):
    """Lives on the main thread: relays worker signals to the dialog, ends the event loop."""

    def __init__(self, dialog: _ProgressDialog, worker: _Worker, describe: Callable) -> None:
        super().__init__()
        self.dialog = dialog
        self.worker = worker
        self.describe = describe
        self.loop = QEventLoop()
        self.result: Any = None
        self.error: str | None = None
        self.cancelled = False

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, what: str) -> None:
        if self.cancelled:
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))
        self.dialog.setLabelText(self.describe(done, total, what))

    @Slot()
    def on_cancel(self) -> None:
        if self.cancelled:
            return
        self.cancelled = True
        self.worker.cancel()
        self.dialog.setLabelText(self.tr("Cancelling…"))
        button = self.dialog.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)

    @Slot(object)
    def on_succeeded(self, result: Any) -> None:
        self.result = result

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self.error = message


def _run(
    parent: QWidget | None,
    title: str,
    db_path: Path,
    job: Job,
    describe: Callable,
    *,
    readonly: bool = False,
) -> _Runner:
    """Run ``job`` on a worker thread behind a modal progress dialog; wait for it."""
    dialog = _ProgressDialog(parent, title)
    worker = _Worker(db_path, job, readonly=readonly)
    runner = _Runner(dialog, worker, describe)
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.progressed.connect(runner.on_progress)
    worker.succeeded.connect(runner.on_succeeded)
    worker.failed.connect(runner.on_failed)
    for signal in (worker.succeeded, worker.failed):
        signal.connect(thread.quit)
    thread.finished.connect(runner.loop.quit)
    dialog.canceled.connect(runner.on_cancel)
    dialog.setLabelText(describe(0, 0, ""))
    active, focus = QApplication.activeWindow(), QApplication.focusWidget()
    dialog.show()
    thread.start()
    runner.loop.exec()
    thread.wait()
    dialog.hide()
    dialog.deleteLater()
    _give_back_focus(active, focus)
    return runner


def _give_back_focus(window: QWidget | None, widget: QWidget | None) -> None:
    # Hiding the dialog does not always re-activate the window it covered (never on the
    # offscreen platform, not with every window manager): the window's shortcuts would be
    # dead until the reviewer clicks it.
    if window is not None and window.isVisible():
        window.activateWindow()
        if widget is not None and widget.isVisible():
            widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


# --- public API -------------------------------------------------------------------------------


def run_import(parent: QWidget | None, db_path: Path, paths: list[Path]) -> ImportReport | None:
    """Import page files and folders with progress; show what happened; return the report.

    Returns None when the user cancelled before any file was handled, or the import
    could not start (the user has been told why). Pages imported before a cancel stay.
    """
    tr = _Texts()
    runner = _run(parent, tr.import_title, db_path, _import_job(list(paths)), tr.importing)
    if runner.error is not None:
        # The reason in the message itself: behind "Show Details…", "The import could not
        # run." said neither why nor what to do.
        _message(
            parent, QMessageBox.Icon.Critical, tr.import_title, tr.import_failed, "", runner.error
        )
        return None
    report: ImportReport = runner.result
    if report.cancelled and not (report.imported or report.skipped or report.refused):
        return None
    text, details = tr.import_summary(report)
    icon = QMessageBox.Icon.Warning if report.refused else QMessageBox.Icon.Information
    _message(parent, icon, tr.import_title, text, details)
    return report


def run_export_request(
    parent: QWidget | None, db_path: Path, target: Path, request: ExportRequest
) -> int | None:
    """Run ``request`` (filters, split, dedupe: see :class:`ExportRequest`) into ``target``
    behind the progress dialog, then say what was written, found and left out.

    Returns the number of articles (or pages) written, or None when cancelled or failed
    (the user has been told why); then no file was written and an existing ``target`` is
    unchanged."""
    if request.fmt not in FORMATS:
        raise ValueError(
            f"unknown export format {request.fmt!r}; expected one of {sorted(FORMATS)}"
        )
    tr = _Texts()
    job = _format_export_job(Path(target), request)
    runner = _run(parent, tr.export_title, db_path, job, tr.exporting, readonly=True)
    if runner.error is not None:
        # The reason in the message itself ("Pages with status: no page is done; …"): behind
        # "Show Details…", "The export could not be written." read as a disk failure.
        _message(
            parent, QMessageBox.Icon.Critical, tr.export_title, tr.export_failed, "", runner.error
        )
        return None
    result: ExportReport | None = runner.result
    if result is None:
        return None
    text, details = tr.export_summary(Path(target), result)
    warned = result.warnings or result.open_suggestions or result.duplicates
    icon = QMessageBox.Icon.Warning if warned else QMessageBox.Icon.Information
    _message(parent, icon, tr.export_title, text, details)
    return result.written


def paths_from_mime(mime: QMimeData) -> list[Path]:
    """Local files and folders dropped on the window, in order, each once."""
    paths: list[Path] = []
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile() and url.toLocalFile():
            path = Path(url.toLocalFile())
            if path not in paths:
                paths.append(path)
    return paths


# --- messages ---------------------------------------------------------------------------------


class _Texts(QObject):
    """The user-visible texts of import and export, translated."""

    def __init__(self) -> None:
        super().__init__()
        self.import_title = self.tr("Import pages")
        self.export_title = self.tr("Export gold data")
        self.import_failed = self.tr("The import could not run.")
        self.export_failed = self.tr("The export could not be written.")

    def importing(self, done: int, total: int, what: str) -> str:
        if not total:
            return self.tr("Looking for page files…")
        return self.tr("Importing file {done} of {total}\n{name}").format(
            done=min(done + 1, total), total=total, name=Path(what).name
        )

    def exporting(self, done: int, total: int, what: str) -> str:
        if not total:
            return self.tr("Preparing the export…")
        return self.tr("Exporting page {done} of {total}\n{name}").format(
            done=min(done + 1, total), total=total, name=what
        )

    def import_summary(self, report: ImportReport) -> tuple[str, str]:
        """The message and its details (every refused file with its reason)."""
        text = self.tr(
            "Imported: {imported}\nSkipped (already in the database): {skipped}\nRefused: {refused}"
        ).format(
            imported=len(report.imported), skipped=len(report.skipped), refused=len(report.refused)
        )
        if report.cancelled:
            cancelled = self.tr("The import was cancelled; the pages imported so far are kept.")
            text = cancelled + "\n\n" + text
        refused = [
            self.tr("{path}: {reason}").format(path=p, reason=core_text(r))
            for p, r in report.refused
        ]
        if refused:
            shown = refused[:_SHOWN_REFUSED]
            more = len(refused) - len(shown)
            if more:
                shown.append(self.tr("… and {n} more (see the details)").format(n=more))
            text += "\n\n" + self.tr("Refused files:") + "\n" + "\n".join(shown)
        changed = [
            self.tr("{path}: {reason}").format(path=p, reason=core_text(r))
            for p, r in report.changed
        ]
        if changed:
            text += "\n\n" + self.tr("Files changed since their import:") + "\n"
            text += "\n".join(changed[:_SHOWN_REFUSED])
        return text, "\n".join(refused + changed)

    def export_summary(self, target: Path, result: ExportReport) -> tuple[str, str]:
        """The message and its details (every span that could not be exported, every
        duplicate, every page with open suggestions)."""
        text = self._written(target, result)
        if result.warnings:
            text += "\n\n" + self.tr(
                "{n} accepted spans could not be exported exactly and were left out "
                "(see the details)."
            ).format(n=len(result.warnings))
        details = [str(w) for w in result.warnings]
        if result.duplicates:
            text += "\n\n" + self._duplicates(result)
            details += [
                self.tr("{duplicate} repeats {first}").format(duplicate=d, first=f)
                for d, f in result.duplicates
            ]
        if result.open_suggestions:
            text += "\n\n" + self.tr(
                "{n} open suggestions on {pages} pages were not exported (only accepted spans "
                "are gold; see the details)."
            ).format(n=sum(result.open_suggestions.values()), pages=len(result.open_suggestions))
            details += [
                self.tr("{page}: {n} open suggestions").format(page=page, n=n)
                for page, n in result.open_suggestions.items()
            ]
        if result.no_articles:
            text += "\n\n" + self.tr(
                "Pages that gave no record: {n}. No paragraph on them is in an article "
                "(page furniture only; Shift+Return starts an article; see the details)."
            ).format(n=len(result.no_articles))
            details += [
                self.tr("{page}: no article, no record").format(page=page)
                for page in result.no_articles
            ]
        return text, "\n".join(details)

    def _written(self, target: Path, result: ExportReport) -> str:
        if "all" in result.counts or not result.counts:
            if result.unit == "page":
                return self.tr("Wrote {count} pages to {path}.").format(
                    count=result.written, path=target
                )
            return self.tr("Wrote {count} articles to {path}.").format(
                count=result.written, path=target
            )
        lines = [self.tr("Wrote a train/dev/test split into {path}:").format(path=target)]
        for (name, count), path in zip(result.counts.items(), result.files, strict=False):
            if result.unit == "page":
                line = self.tr("{name}: {count} pages ({file})")
            else:
                line = self.tr("{name}: {count} articles ({file})")
            lines.append(line.format(name=name, count=count, file=path.name))
        return "\n".join(lines)

    def _duplicates(self, result: ExportReport) -> str:
        n = len(result.duplicates)
        if result.unit == "page":
            return self.tr(
                "{n} duplicate articles found, kept (a page format keeps whole pages)."
            ).format(n=n)
        if result.dropped:
            return self.tr(
                "{n} duplicate articles found; {dropped} dropped, one copy of each kept."
            ).format(n=n, dropped=result.dropped)
        return self.tr(
            '{n} duplicate articles found and kept (choose "Keep one copy of duplicate '
            'articles" to drop them).'
        ).format(n=n)


def _message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: str = "",
    informative: str = "",
) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    active, focus = QApplication.activeWindow(), QApplication.focusWidget()
    box.exec()
    _give_back_focus(active, focus)
