"""Import of page files: discover them, prepare each once (in worker processes for large
batches: :mod:`.workers`), store them in file order (:mod:`.page_writer`).

A file that cannot be read or decoded is refused with a reason and the rest of the batch
goes on; a file whose bytes are already present is skipped. A progress callback may cancel
between files, which keeps every page before and never half a page.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from annotator.importing import MAX_PAGE_BYTES, discover
from annotator.messages import msg
from annotator.pipeline.import_report import ImportInterrupted, ImportReport, Progress
from annotator.pipeline.learnt_models import entity_model_bytes, learnt_gazetteer
from annotator.pipeline.page_writer import _PageWriter
from annotator.pipeline.prepared import _Settings
from annotator.pipeline.workers import _preparer
from annotator.store import Store


def import_paths(
    store: Store,
    paths: Sequence[Path | str],
    *,
    suggest: bool = True,
    progress: Progress | None = None,
    paper: str | None = None,
    max_page_bytes: int = MAX_PAGE_BYTES,
) -> ImportReport:
    """Import page files and folders (``.txt``/``.md``, recursive) into ``store``.

    Large batches are split and pre-annotated by worker processes (one per core) while
    this process stores the pages in file order, many pages per transaction (a crash loses
    at most the batch in flight, never part of a page). Pages carry their newspaper:
    ``paper``, else the name of the folder each file is in. Once a structure model was
    trained (``annotator train``), it pre-splits the pages.
    Files bigger than ``max_page_bytes`` are refused. A file changed since its import
    replaces its page if nobody has reviewed that page yet; otherwise it is imported beside
    it as ``stem~hash``. Both are reported in ``changed``.
    """
    report = ImportReport()
    files = _files_given(paths, report)
    writer = _PageWriter(store, report)
    settings = _settings(store, suggest, paper, max_page_bytes, frozenset(writer.known))
    try:
        with _preparer(len(files), settings) as prepare_all:
            for done, prepared in enumerate(prepare_all(files)):
                if progress is not None and not progress(done, len(files), str(prepared.path)):
                    report.cancelled = True
                    break
                writer.add(prepared)
        writer.flush()  # the whole pages prepared before a cancel are kept
        store.index_search()  # one transaction: an interrupted one is brought up later
    except KeyboardInterrupt:
        # Ctrl+C: the pages prepared before it are stored, as a cancel stores them (a
        # batch is stored and reported together or not at all; never half a page), also
        # when it lands after the last file, while the last batch or the index is written
        report.cancelled = report.interrupted = True
        with contextlib.suppress(KeyboardInterrupt):  # another: held until it is reported
            writer.flush()
        raise ImportInterrupted(report) from None
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def _files_given(paths: Sequence[Path | str], report: ImportReport) -> list[Path]:
    """The page files of ``paths`` (folders searched); a path that does not exist, or a
    folder that holds no page file or cannot be read, is refused in ``report``."""
    given = [Path(p) for p in paths]
    for path in given:
        if not _lexists(path):
            report.refused.append((str(path), msg("no such file or folder; check the path")))
    return discover([p for p in given if _lexists(p)], report.refused)


def _settings(
    store: Store, suggest: bool, paper: str | None, max_bytes: int, known: frozenset[str]
) -> _Settings:
    """What every file of the import is prepared with: the learnt gazetteer and models."""
    gazetteer = learnt_gazetteer(store) if suggest else None
    structure = store.latest_model("structure")
    return _Settings(
        gazetteer,
        suggest,
        structure.data if structure else None,
        paper,
        entity_model_bytes(store) if suggest else None,
        max_bytes,
        known,
    )


def _lexists(path: Path) -> bool:
    return path.exists() or path.is_symlink()  # a looping link "does not exist"
