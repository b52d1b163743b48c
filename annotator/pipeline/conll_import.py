"""Gold corpora in the BIO/BIOES layout imported as done pages with accepted spans."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from annotator.importing import sha256_of
from annotator.model import Block, Page, Span
from annotator.pipeline.import_report import ImportReport, Progress
from annotator.store import Store


def import_conll(
    store: Store,
    paths: Sequence[Path | str],
    *,
    sentences_per_page: int = 20,
    labels: dict[str, str] | None = None,
    paper: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import BIO/BIOES files as done pages with accepted spans (origin ``human``).

    Every ``sentences_per_page`` sentences make one page, a sentence a line and a body
    block, all one article. A file is one transaction: a malformed line, an unknown label
    or an unreadable file refuses the whole file (nothing of it is stored) and the batch
    goes on. A file whose first page is already present (same bytes) is skipped. Pages get
    the id ``<stem>-<n>`` and the paper ``paper``, else the file's stem.
    """
    from annotator.formats.conll import ConllError, read_conll

    report = ImportReport()
    known = store.label_names()
    for done, path in enumerate(map(Path, paths)):
        if progress is not None and not progress(done, len(paths), str(path)):
            report.cancelled = True
            break
        try:
            sentences = read_conll(path, labels, known)
            data = path.read_bytes()
        except ConllError as exc:
            report.refused.append((str(path), str(exc).removeprefix(f"{path}: ")))
            continue
        if not sentences:
            report.refused.append((str(path), "no sentences; is it a BIO/BIOES file?"))
            continue
        pages = gold_pages(path, sha256_of(data), sentences, sentences_per_page, paper)
        existing = store.page_for_sha256(pages[0][0].sha256)
        if existing is not None:
            report.skipped.append((str(path), existing))
            continue
        pages = [(_unique_id(store, p), b, s) for p, b, s in pages]
        store.add_gold_pages(pages)
        report.imported.extend((str(path), p.id) for p, _, _ in pages)
    store.index_search()
    if progress is not None and not report.cancelled:
        progress(len(paths), len(paths), "")
    return report


def gold_pages(
    path: Path,
    file_sha256: str,
    sentences: Sequence[tuple[str, Sequence[tuple[int, int, str]]]],
    per_page: int,
    paper: str | None,
) -> list[tuple[Page, list[Block], list[Span]]]:
    """The done pages of a gold file's sentences (pure), ``per_page`` sentences a page.

    A page's ``sha256`` is that of the file's hash and the page number, so importing the
    same file again finds its pages.
    """
    per_page = max(per_page, 1)
    out = []
    for n, first in enumerate(range(0, len(sentences), per_page), 1):
        blocks: list[Block] = []
        spans: list[Span] = []
        at = 0
        for text, entities in sentences[first : first + per_page]:
            blocks.append(Block(at, at + len(text), "body", 1))
            spans += [Span(at + s, at + e, label) for s, e, label in entities]
            at += len(text) + 1
        text = "\n".join(t for t, _ in sentences[first : first + per_page])
        sha = sha256_of(f"{file_sha256}:{n}".encode())
        page = Page(f"{path.stem}-{n:04d}", text, str(path), sha, "done", paper=paper or path.stem)
        out.append((page, blocks, spans))
    return out


def _unique_id(store: Store, page: Page) -> Page:
    """``page`` with an id no page holds yet (``<id>~<hash>`` when its own is taken)."""
    candidate, n = page.id, 1
    while store.has_page(candidate):
        n += 1
        candidate = f"{page.id}~{page.sha256[:8]}" + (f"-{n}" if n > 2 else "")
    return dataclasses.replace(page, id=candidate)
