"""Figures for curators: label and role distributions, reviewer throughput from the edit log.

Throughput is measured from the append-only edit log, not from clocks the reviewers keep:
a reviewer's edits are cut into sessions wherever two edits lie more than
:data:`SESSION_GAP` apart (a break, the night), and the active time is the sum of the
sessions' lengths plus :data:`SESSION_MINIMUM` each (a session of one edit took some
time too). Pages are the pages the reviewer marked done; spans are the spans they added
or accepted. Undone edits do not count.

Edits that only bring in gold made elsewhere are not reviewing and are left out of the
throughput (an import places thousands of spans in a second): a ``replace_page_gold``
(``import --format gold-jsonl``), a batch marked ``imported`` (``import --format X`` of
another tool's gold, :mod:`annotator.placement`), and anything logged under the ``import``
pseudo-reviewer (the default of ``import --reviewer``, also for logs written before the
mark). :func:`imported` counts them apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

SESSION_GAP = timedelta(minutes=10)
SESSION_MINIMUM = timedelta(minutes=1)

Row = tuple[Any, str, str, str, str, str]  # reviewer, at, page_id, action, operation, args


@dataclass(frozen=True)
class Edit:
    """One row of the edit log with its arguments decoded (once, for every figure)."""

    reviewer: Any
    at: str
    page_id: str
    action: str
    operation: str
    args: dict[str, Any]

    @property
    def is_import(self) -> bool:
        return is_import(self.reviewer, self.operation, self.args)


def parse(rows: Iterable[Row]) -> list[Edit]:
    """The edit log's rows with their JSON arguments decoded."""
    return [
        Edit(reviewer, at, page_id, action, operation, json.loads(arguments))
        for reviewer, at, page_id, action, operation, arguments in rows
    ]


def _ops(operation: str, args: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    if operation == "batch":
        for sub in args.get("ops") or []:
            yield from _ops(sub["kind"], sub.get("args") or {})
    else:
        yield operation, args


class _Reviewer:
    def __init__(self) -> None:
        self.times: list[datetime] = []
        self.edits = 0
        self.spans = 0
        self.pages: set[str] = set()

    def add(self, at: datetime, page_id: str, operation: str, args: dict[str, Any]) -> None:
        self.times.append(at)
        self.edits += 1
        for kind, sub in _ops(operation, args):
            accepted = sub.get("status", "accepted" if kind == "add_span" else None)
            if kind in ("add_span", "set_span_status") and accepted == "accepted":
                self.spans += 1
            elif kind == "set_page_status" and sub.get("status") == "done":
                self.pages.add(page_id)

    def hours(self) -> float:
        times = sorted(self.times)
        total = timedelta(0)
        start = previous = times[0]
        for t in times[1:]:
            if t - previous > SESSION_GAP:
                total += previous - start + SESSION_MINIMUM
                start = t
            previous = t
        total += previous - start + SESSION_MINIMUM
        return total.total_seconds() / 3600


IMPORT_REVIEWER = "import"


def is_import(reviewer: Any, operation: str, args: dict[str, Any]) -> bool:
    """Whether a logged edit brought in gold from a file rather than a reviewer's work.

    The mark may sit inside a batch: a first edit of a new page is wrapped with the
    page's move to ``in_progress`` (:func:`annotator.edits.first_edit_starts_review`)."""
    if reviewer == IMPORT_REVIEWER or operation == "replace_page_gold":
        return True
    if operation != "batch":
        return False
    if args.get("imported"):
        return True
    return any(is_import(None, sub["kind"], sub.get("args") or {}) for sub in args.get("ops") or [])


def imported(edits: Iterable[Edit]) -> dict[str, int]:
    """Edits, pages and accepted spans brought in by imports (not counted as reviewing)."""
    count, spans, pages = 0, 0, set()
    for edit in edits:
        if edit.action != "do" or not edit.is_import:
            continue
        count += 1
        pages.add(edit.page_id)
        for kind, sub in _ops(edit.operation, edit.args):
            if kind == "replace_page_gold":
                gold = sub.get("spans") or []
                spans += sum(1 for x in gold if x.get("status", "accepted") == "accepted")
            else:
                entry = _Reviewer()
                entry.add(datetime.min, edit.page_id, kind, sub)
                spans += entry.spans
    return {"edits": count, "pages": len(pages), "spans": spans}


def throughput(edits: Iterable[Edit]) -> dict[str, dict[str, float]]:
    """Per reviewer: edits, pages done, spans, active hours, pages and spans per hour.

    Imports (:func:`is_import`) are left out."""
    reviewers: dict[str, _Reviewer] = {}
    for edit in edits:
        if edit.action != "do" or edit.is_import:
            continue
        try:
            when = datetime.fromisoformat(edit.at)
        except ValueError:
            continue  # a hand-edited log row; it has no place in time
        entry = reviewers.setdefault(edit.reviewer or "(unknown)", _Reviewer())
        entry.add(when, edit.page_id, edit.operation, edit.args)
    out = {}
    for name, entry in sorted(reviewers.items()):
        hours = entry.hours()
        out[name] = {
            "edits": entry.edits,
            "pages": len(entry.pages),
            "spans": entry.spans,
            "hours": round(hours, 2),
            "pages_per_hour": round(len(entry.pages) / hours, 1),
            "spans_per_hour": round(entry.spans / hours, 1),
        }
    return out


def figures(store: Any) -> dict[str, Any]:
    """Everything ``annotator stats`` and the dashboard show, from one store."""
    result = dict(store.stats())
    result["distributions"] = store.distributions("done")
    log = parse(store.edit_log())
    result["throughput"] = throughput(log)
    result["imported"] = imported(log)
    return result


def shares(counts: dict[str, int]) -> list[tuple[str, int, float]]:
    """``(name, count, share)`` rows, largest first; shares add up to 1."""
    total = sum(counts.values()) or 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(name, n, n / total) for name, n in rows]
