"""Retrain the entity tagger in the background while reviewers work.

After every ``RETRAIN_EVERY`` pages newly marked done (counted from the pages the newest
entity model learnt from), the window trains a new model on a worker thread with its own
database connection and keeps it in the store; the pages imported or re-suggested after
that use it. No cross-validation here (``annotator train`` does that): the window only
wants the newest gold in the model, quickly. The reviewer keeps working meanwhile; the
status bar says when the model is ready.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.gui.workers import _Worker
from annotator.store import Store

RETRAIN_EVERY = 10  # newly done pages between two background trainings


def _retrain_job(store: Store, progress: Any) -> tuple[int, int] | None:
    """Train the entity tagger on every done page and keep it: (version, pages), or None
    when there are too few done pages (runs on the worker thread: no UI calls)."""
    from annotator.learn import entities

    gold = list(store.iter_pages("done", span_status="accepted"))
    if len(gold) < entities.MIN_PAGES:
        return None
    data = entities.train(gold)
    papers = sorted({page.paper for page, _, _ in gold})
    store.save_model(
        entities.KIND, data, pages=len(gold), meta={"papers": papers, "trained_by": "window"}
    )
    record = store.latest_model(entities.KIND)
    return (record.version if record is not None else 0), len(gold)


class EntityRetrainer(QObject):
    """Starts a background training when enough pages were marked done since the last."""

    retrained = Signal(str)  # a status-bar message

    def __init__(self, db_path: Path, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_path = db_path
        latest = store.latest_model("entities")
        self._baseline = latest.pages if latest is not None else 0
        self._started_at = 0
        self._thread: QThread | None = None
        self._worker: _Worker | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def check(self, done_pages: int) -> None:
        """Called with the number of done pages whenever it may have changed."""
        if self._thread is None and done_pages - self._baseline >= RETRAIN_EVERY:
            self._start(done_pages)

    def _start(self, done_pages: int) -> None:
        self._started_at = done_pages
        thread, worker = QThread(self), _Worker(self._db_path, _retrain_job)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        for signal in (worker.succeeded, worker.failed):
            signal.connect(thread.quit)
        thread.finished.connect(self._finished)
        self._thread, self._worker = thread, worker
        thread.start()

    def _succeeded(self, result: tuple[int, int] | None) -> None:
        if result is None:  # too few done pages yet: try again after more
            self._baseline = self._started_at
            return
        version, pages = result
        self._baseline = pages
        self.retrained.emit(
            self.tr("Entity model retrained on {pages} done pages (version {version}).").format(
                pages=pages, version=version
            )
        )

    def _failed(self, message: str) -> None:
        self._baseline = self._started_at  # not again before more pages are done
        self.retrained.emit(self.tr("Retraining the entity model failed: {reason}").format(
            reason=message
        ))  # fmt: skip

    def _finished(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None

    def shutdown(self) -> None:
        """Wait for a training under way (the window is closing)."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
