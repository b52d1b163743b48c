"""Learn from the reviewers' work while they work: retrain in a process of its own.

After every few newly done pages (``RETRAIN_EVERY``, counted against the pages the newest
model learnt from, so the count survives restarts) the window trains every learnt model it
has enough gold for (``pipeline.train``, the same as ``annotator train``; also at once when a
learnt model was made by an older version and so is not used, which the status bar says).
It trains in a child process at a lower priority (``annotator.training``: on a thread of
the window's process the training held the GIL against the window and its searches), which
ends with the window if the window is killed; a thread of the window waits for it. The
status bar then says what it learnt from, how well the model and the rules did on held-out
pages and, for the structure model, which decisions the pre-split now takes from the model
and which stay with the rules. Pages imported afterwards are pre-split with the new model;
the next pages nobody has started (not the open one) are pre-split and suggested anew.
Worker code makes no UI calls; the result comes back by signal. Closing the window waits
for a training in progress (it keeps its model), but not for its rewriting of those pages:
that stops between two pages, each rewritten whole or not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from annotator.store import Store

if TYPE_CHECKING:
    from annotator.pipeline import TrainedModel, TrainReport
    from annotator.training import Training

# The learners and the pipeline are imported where they are used, not here: importing them
# compiles the rules' patterns (seconds on a slow machine), which the window does on a
# thread of its own while it opens (gui/warmup.py) instead of before it shows.

# Retrain once this many more pages are done than the newest model learnt from.
RETRAIN_EVERY = 5


class _TrainWorker(QObject):
    """Waits on its thread for a training process; reports its report or an error text."""

    finished = Signal(object)

    def __init__(self, training: Training) -> None:
        super().__init__()
        self._training = training

    @Slot()
    def run(self) -> None:
        result = self._training.run()  # until the training process has ended
        app = QCoreApplication.instance()
        if app is not None:  # None only once the application is gone
            self.moveToThread(app.thread())
        self.finished.emit(result)


class Retrainer(QObject):
    """Starts a training when enough new pages are done; one at a time."""

    message = Signal(str)  # a training started or failed, for the status bar
    # What was learnt: a one-line summary for the status bar, and the whole description
    # (pages, held-out figures against the rules, what the pre-split takes from the model).
    learnt = Signal(str, str)
    trained = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_path = Path(db_path)
        self._thread: QThread | None = None
        self._worker: _TrainWorker | None = None
        self._training: Training | None = None
        self._stale: bool | None = None  # a learnt model cannot be used (not checked yet)

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def process_id(self) -> int | None:
        """The training process's id while one runs (None until it has started)."""
        return self._training.pid if self._training is not None else None

    def check(self, store: Store, done: int, keep: tuple[str, ...] = ()) -> bool:
        """Start a training if ``done`` pages are ``RETRAIN_EVERY`` past the last model's,
        or if a learnt model was made by an older version (it is not used: suggestions or
        the pre-split would stay the rules' until enough new pages are done). ``keep``:
        pages the new entity model does not re-suggest (the one open in the window)."""
        from annotator.learn.entities import MIN_PAGES as ENTITY_MIN_PAGES
        from annotator.learn.structure import MIN_PAGES as STRUCTURE_MIN_PAGES
        from annotator.pipeline import stale_models

        if self.running:
            return False
        if self._stale is None:  # once a session: reading the models costs blob reads
            self._stale = bool(stale_models(store))
        learnt = max((m.pages for m in store.model_versions() if m.kind == "structure"), default=0)
        renew = self._stale and done >= min(ENTITY_MIN_PAGES, STRUCTURE_MIN_PAGES)
        if done - learnt < RETRAIN_EVERY and not renew:
            return False
        self._stale = False
        self._start(renew, keep)
        return True

    def showing(self, page_id: str | None) -> None:
        """The window now shows ``page_id``: a training under way does not rewrite it."""
        if self._training is not None:
            self._training.show(page_id)

    def _start(self, renew: bool = False, keep: tuple[str, ...] = ()) -> None:
        from annotator.training import Training  # (loaded by the warm-up: gui/warmup.py)

        training = Training(self._db_path, keep)  # started by the worker, on its thread
        thread = QThread(self)
        worker = _TrainWorker(training)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self._on_finished)
        self._thread, self._worker, self._training = thread, worker, training
        if renew:
            self.message.emit(
                self.tr(
                    "The learnt models were made by an older version and are not used: "
                    "learning again from the done pages…"
                )
            )
        else:
            self.message.emit(self.tr("Learning from the done pages…"))
        thread.start()

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        if self._thread is not None:
            self._thread.quit()  # the worker has returned: end the thread's event loop
            self._thread.wait()
            self._thread.deleteLater()
        self._thread = self._worker = self._training = None
        from annotator.pipeline import TrainReport

        if isinstance(result, TrainReport):
            # The description runs to several sentences: a status bar shows one line of it.
            self.learnt.emit(self.summary(result), self.describe(result))
            self.trained.emit()
        else:
            self.message.emit(self.tr("Learning failed: {error}").format(error=result))

    def describe(self, report: TrainReport) -> str:
        """One status-bar sentence per trained model: pages, and model vs rules."""
        parts = []
        for model in report.trained:
            figures = model.figures
            if model.kind == "structure" and figures.get("rules") and figures.get("model"):
                parts.append(self._describe_structure(model))
            elif model.kind == "entities" and "all" in (figures.get("merged") or {}):
                parts.append(self._describe_entities(model))
            else:
                parts.append(
                    self.tr("Model {kind} v{version} learnt from {pages} done pages.").format(
                        kind=model.kind, version=model.version, pages=model.pages
                    )
                )
        if not parts:
            return self.tr("Nothing learnt yet: more done pages are needed.")
        if report.resplit_pages:
            parts.append(
                self.tr("The structure model pre-split the next {n} pages not started yet.").format(
                    n=report.resplit_pages
                )
            )
        if report.suggested_pages:
            parts.append(
                self.tr(
                    "The entity model's suggestions are on the next {n} pages not started "
                    "yet (Ctrl+Shift+Return: the page it is least sure of)."
                ).format(n=report.suggested_pages)
            )
        return " ".join(parts)

    def summary(self, report: TrainReport) -> str:
        """One short line: which models were learnt from how many pages, and how many
        pages not started yet changed with them (the figures are in ``describe``)."""
        if not report.trained:
            return self.tr("Nothing learnt yet: more done pages are needed.")
        names = {"entities": self.tr("entity model"), "structure": self.tr("structure model")}
        models = self.tr(", ").join(
            f"{names.get(m.kind, m.kind)} v{m.version}" for m in report.trained
        )
        text = self.tr("Learnt from {pages} done pages: {models}.").format(
            pages=max(m.pages for m in report.trained), models=models
        )
        changed = max(report.resplit_pages, report.suggested_pages)
        if changed:
            text += " " + self.tr("{n} pages not started yet now use them.").format(n=changed)
        return text + " " + self.tr("Figures: point at “Learnt” in the status bar.")

    def _describe_entities(self, model: TrainedModel) -> str:
        figures = model.figures
        return self.tr(
            "Entity model v{version} learnt from {pages} done pages: suggestions exact F1 "
            "{merged:.2f} (rules alone {rules:.2f})."
        ).format(
            version=model.version,
            pages=model.pages,
            merged=figures["merged"]["all"]["f1"] or 0.0,
            rules=(figures.get("rules") or {}).get("all", {}).get("f1") or 0.0,
        )

    def _describe_structure(self, model: TrainedModel) -> str:
        """What the structure model learnt from, its held-out scores against the rules' on
        each decision, and which decisions the pre-split takes from it."""
        figures = model.figures
        rules, learnt = figures["rules"], figures["model"]
        papers = [self._paper_name(p) for p in sorted(figures.get("papers") or {})]
        text = self.tr(
            "Structure model v{version} learnt from {pages} done pages of {papers}: article "
            "starts F1 {model_f1:.2f} (rules {rules_f1:.2f}), roles {model_roles:.2f} "
            "(rules {rules_roles:.2f}), joins F1 {model_joins:.2f} (rules {rules_joins:.2f})."
        ).format(
            version=model.version,
            pages=model.pages,
            papers=self.tr(", ").join(papers) or "-",
            model_f1=learnt["article_start"]["f1"],
            rules_f1=rules["article_start"]["f1"],
            model_roles=learnt["role"]["accuracy"] or 0.0,
            rules_roles=rules["role"]["accuracy"] or 0.0,
            model_joins=learnt["join"]["f1"],
            rules_joins=rules["join"]["f1"],
        )
        return text + " " + self._describe_takeover(figures)

    def _describe_takeover(self, figures: dict[str, Any]) -> str:
        """Which decisions the pre-split takes from the model: per paper judged on its own
        pages, over all pages for the others."""
        from annotator.learn.structure import takeover_scopes

        parts = []
        for scope in takeover_scopes(figures):
            choice = self._choice(scope.model, scope.rules)
            if scope.scope == "paper":
                parts.append(
                    self.tr("Pre-split for {paper}: {choice}.").format(
                        paper=self._paper_name(scope.paper), choice=choice
                    )
                )
            elif scope.scope == "others":
                parts.append(self.tr("Other papers: {choice}.").format(choice=choice))
            else:
                parts.append(self.tr("Pre-split: {choice}.").format(choice=choice))
        return " ".join(parts)

    def _paper_name(self, paper: str | None) -> str:
        """A paper's name; pages imported without one share the empty name."""
        return paper or self.tr("pages without a paper")

    def _choice(self, model: tuple[str, ...], rules: tuple[str, ...]) -> str:
        """ "roles, article starts from the model; joins from the rules (…)"."""
        names = {
            "role": self.tr("roles"),
            "start": self.tr("article starts"),
            "join": self.tr("joins"),
        }
        comma = self.tr(", ")
        if not rules:
            return self.tr("every decision from the model")
        if not model:
            return self.tr("every decision from the rules (they scored higher)")
        return self.tr(
            "{model} from the model; {rules} from the rules (they scored higher there)"
        ).format(
            model=comma.join(names[d] for d in model), rules=comma.join(names[d] for d in rules)
        )

    def stop(self) -> None:
        """The window closes: a training under way writes no more pages nobody has started
        after the one it is writing (each page is whole: one transaction)."""
        if self._training is not None:
            self._training.stop()

    def shutdown(self) -> None:
        """Wait for a training in progress (called when the window closes); it stops
        rewriting pages at once (:meth:`stop`), but keeps the model it learns."""
        self.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
