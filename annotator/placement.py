"""Gold from other tools placed back onto the pages in the database, by text.

A document read from Label Studio, doccano, BRAT, spaCy JSONL or Gold JSONL
(:class:`~annotator.formats.base.Imported`) is an article text with spans. It is placed by
finding a page whose article has exactly that clean text: first on the page its hints name
(our own exports carry the page id and ordinal), else on pages found by searching for
pieces of the text; failing that, on a page whose raw text contains the document verbatim.
Each span is then mapped from article offsets to page offsets through the article's offset
map and checked to map back exactly.

Everything placed on one page is applied as one ``batch`` edit (add the span, or accept the
suggestion that already has its range and label), logged and undoable like any edit.
What cannot be placed is reported, with the reason, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.edits import EditError, Op
from annotator.formats.base import Imported
from annotator.store import Store
from annotator.text import ArticleText, derive_articles

_PROBE = 12  # characters of a search probe: unique enough, rarely across a line break
_PROBES = 3
_CANDIDATES = 20


@dataclass
class ImportReport:
    """What an import of gold from another tool did."""

    documents: int = 0
    placed: int = 0  # documents placed on a page
    added: int = 0  # new spans
    accepted: int = 0  # suggestions that had the same range and label, now accepted
    already: int = 0  # spans that were accepted already
    pages: list[str] = field(default_factory=list)  # pages changed (one edit each)
    problems: list[str] = field(default_factory=list)  # what could not be placed, and why

    def summary(self) -> str:
        return (
            f"Placed {self.placed} of {self.documents} document(s) on {len(self.pages)} "
            f"page(s): {self.added} span(s) added, {self.accepted} suggestion(s) accepted, "
            f"{self.already} already there; {len(self.problems)} problem(s)."
        )


@dataclass
class _Found:
    page_id: str
    article: ArticleText | None  # None: the document is a verbatim slice of the page
    offset: int = 0


def import_documents(
    store: Store, documents: Iterable[Imported], reviewer: str | None
) -> ImportReport:
    """Place every document and apply one batch edit per page that gains something."""
    report = ImportReport()
    labels = store.label_names()
    wanted: dict[str, dict[tuple[int, int, str], dict[str, Any]]] = {}
    articles: dict[str, list[ArticleText]] = {}  # derived once per page, not per document
    for doc in documents:
        report.documents += 1
        report.problems += [f"{doc.where}: {p}" for p in doc.problems]
        found = _find(store, doc, articles)
        if found is None:
            missing = doc.page_id and not store.has_page(doc.page_id)
            hint = f" (its page {doc.page_id!r} is not in the database)" if missing else ""
            report.problems.append(
                f"{doc.where}: the article text is on no page in the database{hint}"
            )
            continue
        report.placed += 1
        spans = wanted.setdefault(found.page_id, {})
        for s, e, label in doc.spans:
            where = f"{doc.where}: {label} [{s}, {e})"
            if label not in labels:
                report.problems.append(f"{where}: label {label!r} is not configured; add it first")
                continue
            mapped = _to_page(found, doc.text, s, e)
            if isinstance(mapped, str):
                report.problems.append(f"{where} {doc.text[s:e]!r}: {mapped}")
            else:
                spans[(mapped[0], mapped[1], label)] = doc.attrs.get((s, e, label), {})
    for page_id, spans in wanted.items():
        _apply(store, page_id, spans, reviewer, report)
    return report


def _find(store: Store, doc: Imported, cache: dict[str, list[ArticleText]]) -> _Found | None:
    if doc.page_id and store.has_page(doc.page_id):
        found = _on_page(store, doc.page_id, doc, cache)
        if found is not None:
            return found
    candidates = _candidates(store, doc.text)
    for page_id in candidates:
        found = _on_page(store, page_id, doc, cache)
        if found is not None:
            return found
    for page_id in candidates:
        offset = store.page(page_id).text.find(doc.text)
        if offset >= 0:
            return _Found(page_id, None, offset)
    return None


def _on_page(
    store: Store, page_id: str, doc: Imported, cache: dict[str, list[ArticleText]]
) -> _Found | None:
    articles = cache.get(page_id)
    if articles is None:
        try:
            text = store.page(page_id).text
            articles = list(derive_articles(text, store.blocks(page_id)).values())
        except ValueError:
            articles = []
        if len(cache) > 256:
            cache.clear()
        cache[page_id] = articles
    hinted = doc.ordinal is not None and 1 <= doc.ordinal <= len(articles)
    if hinted and articles[doc.ordinal - 1].text == doc.text:  # type: ignore[operator]
        return _Found(page_id, articles[doc.ordinal - 1])  # type: ignore[operator]
    for article in articles:
        if article.text == doc.text:
            return _Found(page_id, article)
    return None


def _candidates(store: Store, text: str) -> list[str]:
    """Pages holding pieces of the longest lines of ``text`` (in import order)."""
    lines = sorted((x for x in text.split("\n") if x.strip()), key=len, reverse=True)
    seen: dict[str, None] = {}
    for line in lines[:_PROBES]:
        clean = line.replace("*", " ").replace("#", " ")
        piece = max(clean.split(), key=len, default="")
        middle = max(0, (len(piece) - _PROBE) // 2)
        probe = piece[middle : middle + _PROBE]
        if len(probe) >= 3:
            seen.update(dict.fromkeys(store.pages_containing(probe, _CANDIDATES)))
    return list(seen)


def _to_page(found: _Found, text: str, s: int, e: int) -> tuple[int, int] | str:
    """Page range of article range ``[s, e)``, or why it has none."""
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        return f"lies outside the text (0..{len(text)})"
    if found.article is None:
        return found.offset + s, found.offset + e
    ps, pe = found.article.span_to_page(s, e)
    if found.article.span_to_article(ps, pe) != (s, e):
        return "crosses a paragraph break or markup the page text has there"
    return ps, pe


def _apply(
    store: Store,
    page_id: str,
    spans: dict[tuple[int, int, str], dict[str, Any]],
    reviewer: str | None,
    report: ImportReport,
) -> None:
    existing = {(s.start, s.end, s.label): s for s in store.page_state(page_id).spans.values()}
    ops, added, accepted, already = [], 0, 0, 0
    for (start, end, label), attrs in spans.items():
        old = existing.get((start, end, label))
        if old is not None and attrs and old.attrs != attrs:
            ops.append(Op("set_span_attrs", page_id, {"id": old.id, "attrs": attrs}))
        if old is not None and old.status == "accepted":
            already += 1
        elif old is not None:
            ops.append(Op("set_span_status", page_id, {"id": old.id, "status": "accepted"}))
            accepted += 1
        else:
            args = {"start": start, "end": end, "label": label, "origin": "human", "attrs": attrs}
            ops.append(Op("add_span", page_id, {**args, "status": "accepted"}))
            added += 1
    report.already += already
    if not ops:
        return
    # Marked so that the statistics do not count it as a reviewer's work (whatever --reviewer).
    batch = Op("batch", page_id, {"ops": [op.to_json() for op in ops], "imported": True})
    try:
        store.apply(batch, reviewer)
    except EditError as exc:
        report.problems.append(f"page {page_id}: nothing applied: {exc}")
        return
    report.added += added
    report.accepted += accepted
    report.pages.append(page_id)
