"""Gold brought in from Gold JSONL files (issue 9): one undoable edit per page."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.model import Block, Span
from annotator.store import Store

if TYPE_CHECKING:
    from annotator.edits import PageState
    from annotator.formats.gold_import import Located


@dataclass
class GoldImportReport:
    """What ``annotator import --format gold-jsonl`` did: pages applied, records refused."""

    applied: list[tuple[str, int]] = field(default_factory=list)  # (page id, articles)
    refused: list[tuple[str, int, str]] = field(default_factory=list)  # (path, line, reason)
    skipped: list[str] = field(default_factory=list)  # pages already exactly as recorded

    def summary(self) -> str:
        articles = sum(n for _, n in self.applied)
        already = f"; skipped {len(self.skipped)} already so" if self.skipped else ""
        return (
            f"Applied gold to {len(self.applied)} page(s) ({articles} article(s)){already}; "
            f"refused {len(self.refused)} record(s)."
        )


def import_gold(
    store: Store, paths: Sequence[Path | str], *, replace: bool = False
) -> GoldImportReport:
    """Apply Gold JSONL v1 records to the pages they name, one undoable edit per page.

    Each page gets blocks, roles, articles, joins and spans exactly as recorded, is marked
    done with the record's reviewer and keeps the record's time. A page with any refused
    record (malformed, text not matching the page, page missing) is left as it was, and so
    is a page another reviewer has begun or finished, unless ``replace``: the records would
    overwrite their work under the record's reviewer, where their own undo does not reach.
    """
    from annotator.edits import EditError
    from annotator.formats.gold_import import RecordRefused, read_gold_files

    files = read_gold_files(paths)
    report = GoldImportReport(refused=list(files.refused))
    for page_id, records in files.pages.items():
        first = records[0]
        if page_id in files.bad_pages:
            report.refused += [
                (r.path, r.line, f"page {page_id!r} has a malformed record; nothing applied")
                for r in records
            ]
            continue
        if not store.has_page(page_id):
            reason = f"no page {page_id!r} in the database; import its page file first"
            report.refused += [(r.path, r.line, reason) for r in records]
            continue
        someone = None if replace else _reviewed_by_another(store, page_id, first)
        if someone is not None:
            report.refused += [(r.path, r.line, f"page {page_id!r}: {someone}") for r in records]
            continue
        try:
            applied = _apply_page_gold(store, page_id, records)
        except RecordRefused as exc:
            report.refused.append((first.path, exc.line, f"page {page_id!r}: {exc.reason}"))
            continue
        except EditError as exc:
            report.refused.append((first.path, first.line, f"page {page_id!r}: {exc}"))
            continue
        if not applied:
            # The same file again: no edit for undo to step through, no new time.
            report.skipped.append(page_id)
            continue
        report.applied.append((page_id, len({r.record["ordinal"] for r in records})))
    return report


def _reviewed_by_another(store: Store, page_id: str, record: Located) -> str | None:
    """Why the page is another reviewer's work in hand (None when it is not)."""
    page = store.page(page_id)
    if page.status == "new" or page.reviewer in (None, record.record["reviewer"]):
        return None
    status = page.status.replace("_", " ")
    return (
        f"{page.reviewer} has this page {status}; the gold of {record.record['reviewer']!r} "
        "would replace their work: pass --replace to overwrite it (nothing of this page applied)"
    )


def _apply_page_gold(store: Store, page_id: str, records: Sequence[Located]) -> bool:
    """Apply one page's records as one undoable edit; False when the page is so already.
    Raises ``RecordRefused`` or ``EditError`` when they cannot be applied."""
    from annotator.edits import Op
    from annotator.formats.gold_import import page_gold

    blocks, spans = page_gold(store.page(page_id).text, records)
    if _gold_already(store.page_state(page_id), blocks, spans):
        return False
    args = {
        "blocks": [b.to_dict() for b in blocks],
        "spans": [s.to_dict() for s in spans],
        "status": "done",
    }
    updated = max(r.record["updated_at"] for r in records)
    store.apply_gold(Op("replace_page_gold", page_id, args), records[0].record["reviewer"], updated)
    return True


def _gold_already(state: PageState, blocks: Sequence[Block], spans: Sequence[Span]) -> bool:
    """Whether the page is done with exactly these blocks and spans (ids aside)."""

    def block_key(b: Block) -> tuple[Any, ...]:
        return (b.start, b.end, b.role, b.article, b.joins_previous)

    def span_key(s: Span) -> tuple[Any, ...]:
        return (s.start, s.end, s.label, s.origin, s.status, json.dumps(s.attrs, sort_keys=True))

    return (
        state.page.status == "done"
        and sorted(map(block_key, state.blocks)) == sorted(map(block_key, blocks))
        and sorted(map(span_key, state.spans.values())) == sorted(map(span_key, spans))
    )
