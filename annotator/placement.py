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

Page status (``status``): gold that comes back finished from another tool makes its page
``done`` in the same edit, when the page is complete: every article of the page came back,
every document on it is finished (``"done"``: the curator says so; ``"auto"``: the tool's
own flag, :attr:`Imported.completed`, says so) and every span of them was placed. The
suggestions still open inside those articles are rejected then (the finished annotation
did not keep them). A page that is not complete stays in progress, and the report says
why; ``"in_progress"`` never marks a page done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.edits import EditError, Op, PageState, open_suggestions
from annotator.formats.base import Imported
from annotator.model import status_word
from annotator.store import Store
from annotator.text import ArticleText, derive_articles, span_problem

_PROBE = 12  # characters of a search probe: unique enough, rarely across a line break
_PROBES = 3
_CANDIDATES = 20
#: What an import does to the status of the pages it places gold on (see the module doc).
STATUSES = ("auto", "done", "in_progress")


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
    done: list[str] = field(default_factory=list)  # pages marked done by this import
    rejected: int = 0  # open suggestions the finished gold did not keep
    not_done: list[str] = field(default_factory=list)  # why a page was not marked done

    def summary(self) -> str:
        return (
            f"Placed {self.placed} of {self.documents} document(s) on {len(self.pages)} "
            f"page(s): {self.added} span(s) added, {self.accepted} suggestion(s) accepted, "
            f"{self.already} already there; {len(self.done)} page(s) marked done, "
            f"{self.rejected} suggestion(s) rejected; {len(self.problems)} problem(s)."
        )


@dataclass
class _PageGold:
    """What the documents placed on one page bring: spans, coverage, and what is missing."""

    state: PageState  # the page as first read
    spans: dict[tuple[int, int, str], dict[str, Any]] = field(default_factory=dict)
    articles: set[int] = field(default_factory=set)  # article numbers that came back
    ranges: list[tuple[int, int]] = field(default_factory=list)  # verbatim slices
    unfinished: list[str] = field(default_factory=list)  # why the page cannot be done


@dataclass
class _Found:
    state: PageState  # the page as read to place the document (read once per import)
    article: ArticleText | None  # None: the document is a verbatim slice of the page
    offset: int = 0
    number: int | None = None  # the article's number on the page

    @property
    def page_id(self) -> str:
        return self.state.page.id


class _Pages:
    """The pages an import places documents on, each read once: its state (kept for the
    page's edit) and its articles (derived once per page, not per document)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.epoch = store.state_epoch()
        self._cache: dict[str, tuple[PageState, dict[int, ArticleText]]] = {}

    def read(self, page_id: str) -> tuple[PageState, dict[int, ArticleText]]:
        found = self._cache.get(page_id)
        if found is None:
            state = self.store.page_state(page_id)
            try:
                articles = derive_articles(state.page.text, list(state.blocks))
            except ValueError:
                articles = {}
            if len(self._cache) > 256:
                self._cache.clear()
            found = self._cache[page_id] = (state, articles)
        return found


def import_documents(
    store: Store, documents: Iterable[Imported], reviewer: str | None, status: str = "in_progress"
) -> ImportReport:
    """Place every document and apply one batch edit per page that gains something.

    ``status`` (one of :data:`STATUSES`) says when a page is marked done in that edit.
    """
    if status not in STATUSES:
        raise ValueError(f"unknown import status {status!r}; expected one of {STATUSES}")
    report = ImportReport()
    labels = store.label_names()
    wanted: dict[str, _PageGold] = {}
    pages = _Pages(store)
    for doc in documents:
        report.documents += 1
        report.problems += [f"{doc.where}: {p}" for p in [*doc.skipped, *doc.problems]]
        found = _find(pages, doc)
        if found is None:
            missing = doc.page_id and not store.has_page(doc.page_id)
            hint = f" (its page {doc.page_id!r} is not in the database)" if missing else ""
            report.problems.append(
                f"{doc.where}: the article text is on no page in the database{hint}"
            )
            continue
        report.placed += 1
        gold = wanted.setdefault(found.page_id, _PageGold(found.state))
        _cover(gold, found, doc, status)
        problems = _place_spans(gold, found, doc, labels)
        gold.unfinished += problems
        report.problems += problems
    for page_id, gold in wanted.items():
        store.keep_state(gold.state, pages.epoch)  # unless another window wrote meanwhile
        _apply(store, page_id, gold, reviewer, report, status)
    return report


def _cover(gold: _PageGold, found: _Found, doc: Imported, status: str) -> None:
    """Note what of the page ``doc`` covers, and whether it counts as finished."""
    if found.number is not None:
        gold.articles.add(found.number)
    else:
        gold.ranges.append((found.offset, found.offset + len(doc.text)))
    if doc.problems:
        gold.unfinished.append(f"{doc.where}: {doc.problems[0]}")
    elif status == "auto" and doc.completed is not True:
        unknown = "its format does not say whether it is finished (use --status done)"
        why = unknown if doc.completed is None else "not finished in its tool"
        gold.unfinished.append(f"{doc.where}: {why}")


def _place_spans(gold: _PageGold, found: _Found, doc: Imported, labels: Iterable[str]) -> list[str]:
    """Map the document's spans onto the page into ``gold``; returns what could not be."""
    problems = []
    for s, e, label in doc.spans:
        where = f"{doc.where}: {label} [{s}, {e})"
        if label not in labels:
            problems.append(f"{where}: label {label!r} is not configured; add it first")
            continue
        attrs = doc.attrs.get((s, e, label), {})
        s, e = _trimmed(doc.text, s, e)
        if s == e:
            problems.append(f"{where}: holds only white space; nothing to label")
            continue
        mapped = _to_page(found, doc.text, s, e)
        if isinstance(mapped, str):
            problems.append(f"{where} {doc.text[s:e]!r}: {mapped}")
        else:
            gold.spans[(mapped[0], mapped[1], label)] = attrs
    return problems


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without white space at either end, as the window takes a selection.

    Label Studio and doccano let a double click or a drag take the space before or after a
    name ("■本报记者 陈润" → " 陈润"): kept, the gold span held it while the BIO export,
    which cannot write white space, gave the name alone, so two exports of one gold
    disagreed. An offset that is not an int is left for :func:`_to_page` to refuse."""
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        return s, e
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _find(pages: _Pages, doc: Imported) -> _Found | None:
    if doc.page_id and pages.store.has_page(doc.page_id):
        found = _on_page(pages, doc.page_id, doc)
        if found is not None:
            return found
    candidates = _candidates(pages.store, doc.text)
    for page_id in candidates:
        found = _on_page(pages, page_id, doc)
        if found is not None:
            return found
    for page_id in candidates:
        state = pages.read(page_id)[0]
        offset = state.page.text.find(doc.text)
        if offset >= 0:
            return _Found(state, None, offset)
    return None


def _on_page(pages: _Pages, page_id: str, doc: Imported) -> _Found | None:
    state, by_number = pages.read(page_id)
    articles = list(by_number.items())
    hinted = doc.ordinal is not None and 1 <= doc.ordinal <= len(articles)
    if hinted:
        number, article = articles[doc.ordinal - 1]  # type: ignore[operator]
        if article.text == doc.text:
            return _Found(state, article, number=number)
    for number, article in articles:
        if article.text == doc.text:
            return _Found(state, article, number=number)
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
            seen.update(dict.fromkeys(store.pages_containing(probe, _CANDIDATES, exact=True)))
    return list(seen)


def _to_page(found: _Found, text: str, s: int, e: int) -> tuple[int, int] | str:
    """Page range of article range ``[s, e)``, or why it has none."""
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        return f"lies outside the text (0..{len(text)})"
    if found.article is None:
        # Not through an article's map: checked as the store checks a new label, so that
        # one span the export would leave out is reported, not the page's whole edit refused.
        ps, pe = found.offset + s, found.offset + e
        if span_problem(found.state.page.text, found.state.blocks, ps, pe) is not None:
            return (
                "lies outside every article, or crosses a paragraph break, an article's edge "
                "or markup the page text has there"
            )
        return ps, pe
    ps, pe = found.article.span_to_page(s, e)
    if found.article.span_to_article(ps, pe) != (s, e):
        return "crosses a paragraph break or markup the page text has there"
    return ps, pe


def _apply(
    store: Store,
    page_id: str,
    gold: _PageGold,
    reviewer: str | None,
    report: ImportReport,
    status: str,
) -> None:
    state = store.page_state(page_id)
    ops, counts = _span_ops(state, gold.spans)
    done_ops = _done_ops(state, gold, report) if status != "in_progress" else []
    report.already += counts["already"]
    if not ops and not done_ops:
        return
    # Marked so that the statistics do not count it as a reviewer's work (whatever --reviewer).
    ops += done_ops
    batch = Op("batch", page_id, {"ops": [op.to_json() for op in ops], "imported": True})
    try:
        store.apply(batch, reviewer)
    except EditError as exc:
        report.problems.append(f"page {page_id}: nothing applied: {exc}")
        return
    report.added += counts["added"]
    report.accepted += counts["accepted"]
    report.pages.append(page_id)
    if done_ops:
        report.done.append(page_id)
        report.rejected += len(done_ops) - 1


def _span_ops(
    state: PageState, spans: dict[tuple[int, int, str], dict[str, Any]]
) -> tuple[list[Op], dict[str, int]]:
    """The operations that make ``spans`` accepted gold on the page, and what they do."""
    page_id = state.page.id
    existing = {(s.start, s.end, s.label): s for s in state.spans.values()}
    ops, counts = [], {"added": 0, "accepted": 0, "already": 0}
    for (start, end, label), attrs in spans.items():
        old = existing.get((start, end, label))
        if old is not None and attrs and old.attrs != attrs:
            ops.append(Op("set_span_attrs", page_id, {"id": old.id, "attrs": attrs}))
        if old is not None and old.status == "accepted":
            counts["already"] += 1
        elif old is not None:
            ops.append(Op("set_span_status", page_id, {"id": old.id, "status": "accepted"}))
            counts["accepted"] += 1
        else:
            args = {"start": start, "end": end, "label": label, "origin": "human", "attrs": attrs}
            ops.append(Op("add_span", page_id, {**args, "status": "accepted"}))
            counts["added"] += 1
    return ops, counts


def _covered(offset: int, ranges: list[tuple[int, int]]) -> bool:
    # Each end of a span on its own: a span may run over the boundary of two blocks of one
    # article (a block may end in the middle of a line).
    return any(a <= offset < b for a, b in ranges)


def _done_ops(state: PageState, gold: _PageGold, report: ImportReport) -> list[Op]:
    """Reject the open suggestions the finished gold left, then mark the page done; or
    nothing (with the reason in ``report.not_done``) when the page is not complete."""
    page = state.page
    if page.status == "done":
        return []
    covered = gold.ranges + [
        (b.start, b.end)
        for b in state.blocks
        if b.article is not None and b.article in gold.articles
    ]
    numbers = {b.article for b in state.blocks if b.article is not None}
    missing = sorted(numbers - gold.articles)
    # Suggestions the gold has are accepted by the span operations; the others inside a
    # finished article are rejected; one elsewhere on the page keeps the page open.
    kept = set(gold.spans)
    open_ = [s for s in open_suggestions(state) if (s.start, s.end, s.label) not in kept]
    inside = [s for s in open_ if _covered(s.start, covered) and _covered(s.end - 1, covered)]
    outside = len(open_) - len(inside)
    reasons = list(gold.unfinished)
    if page.status in ("skipped", "flagged"):
        reasons.append(f"it is {status_word(page.status)}; left as it is")
    if missing:
        reasons.append(f"article(s) {', '.join(map(str, missing))} did not come back")
    if outside:
        reasons.append(f"{outside} open suggestion(s) outside the articles that came back")
    if reasons:
        report.not_done.append(f"page {page.id}: not marked done: {'; '.join(reasons)}")
        return []
    reject = [Op("set_span_status", page.id, {"id": s.id, "status": "rejected"}) for s in inside]
    return [*reject, Op("set_page_status", page.id, {"status": "done"})]
