"""Learning from the done pages (issue 9): every registered learner trained and its model
kept, with its cross-validation figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.pipeline.learnt_models import _learner
from annotator.store import Store


@dataclass
class TrainedModel:
    """A model ``annotator train`` made and kept: its kind, version, pages and CV figures."""

    kind: str
    version: int
    pages: int
    figures: dict[str, Any]


@dataclass
class TrainReport:
    """What ``annotator train`` did, learner by learner."""

    done_pages: int = 0
    trained: list[TrainedModel] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (kind, why)
    suggested_pages: int = 0  # pages not started re-suggested by the new entity model
    resplit_pages: int = 0  # pages not started re-split by the new structure model


def train(store: Store, *, folds: int = 5) -> TrainReport:
    """Train every registered learner it has enough done pages for; keep each model.

    Each model is cross-validated on the done pages first (``folds`` folds), then trained
    on all of them and kept in the store with the page count, the papers and the figures.
    A learner that cannot be imported (a missing extra) is skipped with the reason.
    """
    from annotator.learn import LEARNERS

    gold = list(store.iter_pages("done", span_status="accepted"))
    report = TrainReport(done_pages=len(gold))
    for kind, path in sorted(LEARNERS.items()):
        try:
            learner = _learner(path)
        except ImportError as exc:
            report.skipped.append((kind, f"cannot be loaded ({exc})"))
            continue
        need = int(learner.MIN_PAGES)
        if len(gold) < need:
            more = need - len(gold)
            report.skipped.append(
                (kind, f"needs {need} done pages, has {len(gold)}: mark {more} more page(s) done")
            )
            continue
        figures = learner.cross_validate(gold, folds)
        data = learner.train(gold, figures)
        papers = sorted({page.paper for page, _, _ in gold})
        meta = {"cross_validation": figures, "papers": papers, "folds": figures.get("folds")}
        store.save_model(kind, data, pages=len(gold), meta=meta)
        record = store.latest_model(kind)
        version = record.version if record is not None else 0
        report.trained.append(TrainedModel(kind, version, len(gold), figures))
    return report
