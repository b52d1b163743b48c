"""Pages with their structure from a segmentation export (issue 12): new pages stored, known
ones restructured by one undoable edit each, a file a transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.importing import sha256_of
from annotator.model import Block, Page, Span
from annotator.store import Store

if TYPE_CHECKING:
    from annotator.edits import Op, PageState
    from annotator.formats.segmentation import SegmentedPage


@dataclass
class SegmentationImportReport:
    """What ``annotator import --format segmentation`` did, page by page and file by file."""

    imported: list[tuple[str, str]] = field(default_factory=list)  # (path, new page id)
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (path, page restructured)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, page already so)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, path:line: why)

    def summary(self) -> str:
        return (
            f"Imported {len(self.imported)} page(s), replaced the structure of "
            f"{len(self.replaced)}, skipped {len(self.skipped)} already so, refused "
            f"{len(self.refused)} file(s)."
        )


def import_segmentation(store: Store, paths: Sequence[Path | str]) -> SegmentationImportReport:
    """Import segmentation files: each line a page with exactly its text and structure.

    A file is one transaction: a malformed line refuses the whole file (nothing of it is
    stored) and the next file is read. A page id that is new becomes a page (no
    suggestions, no predictions: the heuristics never saw it). An id already in the
    database is treated as Gold JSONL import treats it: with the same text, the line's
    blocks, status and reviewer replace the page's as one undoable edit (its spans are
    kept), or it is skipped when nothing would change; with another text the file is
    refused (it is not that page).
    """
    from annotator.edits import EditError
    from annotator.formats.segmentation import SegmentationRefused, read

    report = SegmentationImportReport()
    for path in map(str, paths):
        try:
            pages = read(path)
            new, ops, done = _segmentation_plan(store, path, pages)
            store.add_and_apply_gold(new, ops)
        except SegmentationRefused as exc:
            report.refused.append((path, str(exc)))
            continue
        except EditError as exc:
            report.refused.append((path, f"{path}: {exc}; nothing of the file was stored"))
            continue
        report.imported += [(path, p.id) for p, _, _ in new]
        report.replaced += [(path, op.page_id) for op, _, _ in ops]
        report.skipped += [(path, page_id) for page_id in done]
    store.index_search()
    return report


def _segmentation_plan(
    store: Store, path: str, pages: Sequence[SegmentedPage]
) -> tuple[list[tuple[Page, list[Block], list[Span]]], list[tuple[Op, str | None, str]], list[str]]:
    """New pages, ``replace_page_gold`` edits of existing ones, and ids already so."""
    from annotator.edits import Op
    from annotator.formats.segmentation import SegmentationRefused, record

    new: list[tuple[Page, list[Block], list[Span]]] = []
    ops: list[tuple[Op, str | None, str]] = []
    done: list[str] = []
    for seg in pages:
        page = seg.page
        if not store.has_page(page.id):
            sha = sha256_of(page.text.encode("utf-8"))
            new.append((dataclasses.replace(page, sha256=sha), seg.blocks, []))
            continue
        state = store.page_state(page.id)
        if state.page.text != page.text:
            raise SegmentationRefused(
                path,
                seg.line,
                f"page {page.id!r} is in the database with another text: rename the page_id "
                "on this line to import it beside that page",
            )
        if record(state.page, state.blocks) == record(page, seg.blocks):
            done.append(page.id)
            continue
        args = {
            "blocks": [b.to_dict() for b in seg.blocks],
            "spans": [s.to_dict() for s in state.spans.values()],
            "status": page.status,
        }
        still_open = _left_open(store, state, Op("replace_page_gold", page.id, args))
        if page.status == "done" and state.page.status != "done" and still_open:
            # The edit would refuse it anyway, naming neither the line nor who marks it done.
            raise SegmentationRefused(
                path,
                seg.line,
                f"this line marks page {page.id!r} done, but it has {still_open} open "
                "suggestion(s) in this database: accept or reject them in the window first, "
                "or import into a database that does not hold the page",
            )
        ops.append((Op("replace_page_gold", page.id, args), page.reviewer, page.updated_at))
    return new, ops, done


def _left_open(store: Store, state: PageState, op: Op) -> int:
    """How many open suggestions ``op`` (a new structure for the page) leaves open: the ones
    it strands across its new breaks or on its furniture it rejects itself
    (:func:`annotator.edits.stranded_suggestions`), so they do not stop it marking the page
    done. An edit the core refuses for another reason counts them all; applying it then
    says why."""
    from annotator.edits import EditError, Op, open_suggestions, plan

    keep = Op(op.kind, op.page_id, {**op.args, "status": state.page.status})
    try:
        return len(open_suggestions(plan(state, keep, store.label_names()).after))
    except EditError:
        return len(open_suggestions(state))
