"""Import and re-suggest pipelines shared by the command line and the window's worker.

Import: discover files, decode, pre-split, suggest, store each page in its own
transaction. A file that cannot be read or decoded is refused with a reason and the rest
of the batch goes on; a file whose bytes are already present is skipped. A progress
callback may cancel between files, which never leaves half a page behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.importing import ImportRefused, decode_page_bytes, discover, page_id_for, sha256_of
from annotator.model import Page
from annotator.split import split_page
from annotator.store import Store
from annotator.suggest import Gazetteer, suggest_spans

# The full-text index is filled in batches: per page it would cost more than the import.
_INDEX_EVERY = 256

# progress(done, total, current file) -> False to cancel
Progress = Callable[[int, int, str], bool]


@dataclass
class ImportReport:
    """What an import did, file by file."""

    imported: list[tuple[str, str]] = field(default_factory=list)  # (path, page id)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, existing page id)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    cancelled: bool = False

    def summary(self) -> str:
        text = (
            f"imported {len(self.imported)} page(s), skipped {len(self.skipped)} already "
            f"present, refused {len(self.refused)}"
        )
        return text + (" (cancelled)" if self.cancelled else "")


def learnt_gazetteer(store: Store) -> Gazetteer:
    """The gazetteer learnt from every span reviewers accepted or rejected so far."""
    accepted, rejected = store.decided_span_counts()
    return Gazetteer.from_counts(accepted, rejected)


def import_paths(
    store: Store,
    paths: Sequence[Path | str],
    *,
    suggest: bool = True,
    progress: Progress | None = None,
) -> ImportReport:
    """Import page files and folders (``.txt``/``.md``, recursive) into ``store``."""
    report = ImportReport()
    for path in map(Path, paths):
        if not path.exists():
            report.refused.append((str(path), "no such file or folder; check the path"))
    files = discover([Path(p) for p in paths if Path(p).exists()])
    gazetteer = learnt_gazetteer(store) if suggest else None
    for done, path in enumerate(files):
        if progress is not None and not progress(done, len(files), str(path)):
            report.cancelled = True
            break
        _import_file(store, path, gazetteer, suggest, report)
        if done % _INDEX_EVERY == _INDEX_EVERY - 1:
            store.index_search()
    store.index_search()
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def _import_file(
    store: Store, path: Path, gazetteer: Gazetteer | None, suggest: bool, report: ImportReport
) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.refused.append((str(path), f"cannot read the file ({exc.strerror or exc})"))
        return
    sha = sha256_of(data)
    existing = store.page_for_sha256(sha)
    if existing is not None:
        report.skipped.append((str(path), existing))
        return
    try:
        text = decode_page_bytes(data, str(path))
    except ImportRefused as exc:
        report.refused.append((str(path), exc.reason))
        return
    page_id = page_id_for(path, sha, store.has_page)
    blocks = split_page(text)
    spans = suggest_spans(text, gazetteer=gazetteer, blocks=blocks) if suggest else []
    store.add_page(Page(page_id, text, str(path), sha), blocks, spans)
    report.imported.append((str(path), page_id))


def resuggest(
    store: Store,
    page_ids: Sequence[str] | None = None,
    *,
    use_model: bool = False,
    progress: Progress | None = None,
) -> int:
    """Re-run the suggesters on pages; accepted, rejected and human spans stay as they are.

    Returns the number of suggestions now open on those pages.
    """
    gazetteer = learnt_gazetteer(store)
    ids = list(page_ids) if page_ids is not None else store.page_ids()
    total = 0
    for done, page_id in enumerate(ids):
        if progress is not None and not progress(done, len(ids), page_id):
            break
        page = store.page(page_id)
        spans = suggest_spans(
            page.text,
            gazetteer=gazetteer,
            use_model=use_model,
            blocks=store.blocks(page_id),
            rejected=store.rejected_ranges(page_id),
        )
        total += store.replace_suggestions(page_id, spans)
    return total
