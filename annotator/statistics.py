"""Figures for curators: label and role distributions, reviewer throughput from the edit log.

Throughput is measured from the append-only edit log, not from clocks the reviewers keep.
Active time: every action of a reviewer (an edit, an undo, a redo) is a moment of work;
the moments are cut into sessions wherever two lie more than a gap apart (a break, the
night: :data:`SESSION_GAP`, ``annotator stats --session-gap``), and the active time is
the sum of the sessions' lengths plus :data:`SESSION_MINIMUM` each (a session of one edit
took some time too). Pages are the pages the reviewer marked done; spans are the spans
they added or accepted. An edit undone (and not redone) gives no page and no span, though
the time spent on it and on its undo counts.

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
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

SESSION_GAP = timedelta(minutes=10)
SESSION_MINIMUM = timedelta(minutes=1)

# id, reviewer, at, page_id, action, target, operation, arguments (Store.edit_log)
Row = tuple[int, Any, str, str, str, Any, str, str]


@dataclass(frozen=True)
class Edit:
    """One row of the edit log with its arguments decoded (once, for every figure)."""

    id: int
    reviewer: Any
    at: str
    page_id: str
    action: str  # do, undo or redo
    target: int | None  # the edit an undo or redo replays
    operation: str
    args: dict[str, Any]

    @property
    def is_import(self) -> bool:
        return is_import(self.reviewer, self.operation, self.args)


def parse(rows: Iterable[Row]) -> list[Edit]:
    """The edit log's rows with their JSON arguments decoded."""
    return [
        Edit(id_, reviewer, at, page_id, action, target, operation, json.loads(arguments))
        for id_, reviewer, at, page_id, action, target, operation, arguments in rows
    ]


def _ops(operation: str, args: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    if operation == "batch":
        for sub in args.get("ops") or []:
            yield from _ops(sub["kind"], sub.get("args") or {})
    else:
        yield operation, args


def _gold(page_id: str, operation: str, args: dict[str, Any]) -> tuple[int, frozenset[str]]:
    """Spans an edit added or accepted, and the pages it marked done."""
    spans, pages = 0, set()
    for kind, sub in _ops(operation, args):
        accepted = sub.get("status", "accepted" if kind == "add_span" else None)
        if kind in ("add_span", "set_span_status") and accepted == "accepted":
            spans += 1
        elif kind == "set_page_status" and sub.get("status") == "done":
            pages.add(page_id)
    return spans, frozenset(pages)


def sessions(
    times: Iterable[datetime], gap: timedelta = SESSION_GAP
) -> list[tuple[datetime, datetime]]:
    """``(first, last)`` moment of each run of moments that lie no more than ``gap`` apart."""
    out: list[tuple[datetime, datetime]] = []
    for t in sorted(times):
        if out and t - out[-1][1] <= gap:
            out[-1] = (out[-1][0], t)
        else:
            out.append((t, t))
    return out


@dataclass
class _Reviewer:
    times: list[datetime] = field(default_factory=list)  # every action: edit, undo, redo
    work: dict[int, tuple[int, frozenset[str]]] = field(default_factory=dict)  # by edit id
    undone: set[int] = field(default_factory=set)

    def replayed(self, action: str, target: int) -> None:
        """An undo or a redo of this reviewer's edit ``target``."""
        if action == "undo":
            self.undone.add(target)
        else:
            self.undone.discard(target)

    def figures(self, gap: timedelta) -> dict[str, float]:
        runs = sessions(self.times, gap)
        active = sum((last - first + SESSION_MINIMUM for first, last in runs), timedelta(0))
        hours = active.total_seconds() / 3600
        kept = [w for edit_id, w in self.work.items() if edit_id not in self.undone]
        spans = sum(n for n, _ in kept)
        pages = len(frozenset[str]().union(*(p for _, p in kept)))
        return {
            "edits": len(self.work),
            "undone": len(self.undone),
            "pages": pages,
            "spans": spans,
            "sessions": len(runs),
            "hours": round(hours, 2),
            "pages_per_hour": round(pages / hours, 1),
            "spans_per_hour": round(spans / hours, 1),
        }


def _moment(at: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return None  # a hand-edited log row; it has no place in time
    # The store writes UTC with its offset; a hand-edited time without one is read as UTC
    # (naive and aware times cannot be compared, and a session mixes both).
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


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
                spans += _gold(edit.page_id, kind, sub)[0]
    return {"edits": count, "pages": len(pages), "spans": spans}


def throughput(edits: Iterable[Edit], gap: timedelta = SESSION_GAP) -> dict[str, dict[str, float]]:
    """Per reviewer: edits, edits undone, pages done, spans, sessions, active hours, pages
    and spans per hour; a session ends at a pause longer than ``gap``.

    Imports (:func:`is_import`) are left out, and so are undos and redos of them."""
    reviewers: dict[str, _Reviewer] = {}
    owners: dict[int, _Reviewer] = {}  # the reviewer of each counted edit, by edit id
    for edit in edits:
        owner = owners.get(edit.target) if edit.target is not None else None
        replay = edit.action != "do"
        when = _moment(edit.at)
        if edit.is_import or when is None or (replay and owner is None):
            continue  # an undo or redo of an import is no reviewing either
        entry = reviewers.setdefault(edit.reviewer or "(unknown)", _Reviewer())
        entry.times.append(when)
        if not replay:
            entry.work[edit.id] = _gold(edit.page_id, edit.operation, edit.args)
            owners[edit.id] = entry
        elif owner is not None and edit.target is not None:
            owner.replayed(edit.action, edit.target)
    return {name: entry.figures(gap) for name, entry in sorted(reviewers.items())}


def figures(store: Any, gap: timedelta = SESSION_GAP) -> dict[str, Any]:
    """Everything ``annotator stats`` and the dashboard show, from one store; ``gap`` is
    the pause that ends a session of work (:func:`throughput`)."""
    result = dict(store.stats())
    result["distributions"] = store.distributions("done")
    log = parse(store.edit_log())
    result["throughput"] = throughput(log, gap)
    result["imported"] = imported(log)
    return result


def shares(counts: dict[str, int]) -> list[tuple[str, int, float]]:
    """``(name, count, share)`` rows, largest first; shares add up to 1."""
    total = sum(counts.values()) or 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(name, n, n / total) for name, n in rows]
