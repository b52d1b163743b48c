"""Export orchestration: select pages, build records, curate, split, write any format.

The command line (and later the window) describes an export as an :class:`ExportRequest`;
:func:`export` reads the store, runs the records through the checks and the curation
steps and hands them to the format's writer (:mod:`annotator.formats.registry`). With a
split, one file (or folder) per split is written into the output folder, and a page is
never in two splits.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from annotator.formats.base import ExportCancelled, ExportError, check_record
from annotator.formats.curation import SPLIT_NAMES, Duplicates, keep_labels, split_pages
from annotator.formats.gold_jsonl import (
    ExportWarning,
    article_records,
    export_row_records,
    export_text_records,
    os_reason,
)
from annotator.formats.registry import FORMATS, Format
from annotator.messages import listing, msg
from annotator.model import status_word
from annotator.store import Store


@dataclass
class ExportRequest:
    """What to export, where, and how."""

    fmt: str = "jsonl"
    statuses: Sequence[str] | None = ("done",)  # None: every status
    reviewers: Sequence[str] = ()
    papers: Sequence[str] = ()
    pattern: str | None = None
    since: str | None = None
    until: str | None = None
    labels: Sequence[str] = ()  # keep only spans of these labels (empty: all)
    dedupe: bool = False
    # Find and report duplicate articles without dropping them (``dedupe`` finds them too).
    # Off by default: normalising every article's text is ~a sixth of an export's time.
    duplicates: bool = False
    split: Sequence[float] | None = None
    seed: int = 0
    as_predictions: bool = False
    suggestions: bool = False  # labelstudio: open suggestions as predictions
    sentences: str = "sentence"  # bio, bioes: sequences per sentence, line or article (none)
    # progress(pages done, pages in all, page id) -> False to cancel (ExportCancelled)
    progress: Callable[[int, int, str], bool] | None = field(default=None, compare=False)


@dataclass
class ExportReport:
    """What an export wrote and what it noticed."""

    counts: dict[str, int] = field(default_factory=dict)  # per split, or {"all": n}
    files: list[Path] = field(default_factory=list)
    warnings: list[ExportWarning] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    dropped: int = 0
    duplicates_checked: bool = False  # False: nobody asked, ``duplicates`` says nothing
    pages: int = 0
    unit: str = "article"
    # Suggestions nobody accepted or rejected on the exported pages (not gold): by page id.
    open_suggestions: dict[str, int] = field(default_factory=dict)
    # Selected pages that gave no record: no article on them, only page furniture (an
    # article format writes a record per article; a page format keeps every page).
    no_articles: list[str] = field(default_factory=list)

    @property
    def written(self) -> int:
        """Articles (or pages) written in all."""
        return sum(self.counts.values())


def date_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """``--since``/``--until`` as ``updated_at`` bounds; a plain date's ``until`` includes
    that whole day. ValueError naming the value when it is not a date."""

    def parse(value: str, name: str) -> date | None:
        try:
            if len(value) != 10:
                datetime.fromisoformat(value)
                return None  # a full timestamp is compared as it is
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None

    lower = since
    upper = until
    if since is not None:
        parse(since, "--since")
    if until is not None:
        day = parse(until, "--until")
        if day is not None:
            upper = (day + timedelta(days=1)).isoformat()
    return lower, upper


def export(store: Store, request: ExportRequest, target: Path | IO[str] | None) -> ExportReport:
    """Write the export; ``target`` is a file, folder or stream (a folder with a split)."""
    with _no_cyclic_gc():
        return _export(store, request, target)


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """The cyclic garbage collector paused while an export runs.

    An export makes and drops millions of small objects (a dict per span, a tuple per
    row) that reference counting frees at once and that form no cycles; the collector
    still walked them every 700 allocations, ~a tenth of an export's CPU time. It is
    enabled again afterwards (unless someone else had paused it), also on an error.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_labels(labels: Sequence[str], known: Iterable[str]) -> None:
    """ValueError naming a label of ``labels`` that is not among ``known``, and the known
    ones: a mistyped label (``per`` for ``PER``) would export every article with no spans,
    gold that says the text holds no entity."""
    names = sorted(known)
    unknown = [x for x in labels if x not in names]
    if unknown:
        raise ValueError(
            msg(
                "unknown label {label!r}; the labels are {labels}",
                label=unknown[0],
                labels=", ".join(names),
            )
        )


def _check_names(option: str, names: Sequence[str], store: Store, column: str) -> None:
    """ExportError naming a reviewer or paper that no page has, and those the pages have:
    a mistyped name wrote an empty file over the last export, without a word why."""
    if not names:
        return
    known = store.page_names(column)
    unknown = [x for x in names if x not in known]
    if unknown:
        raise ExportError(
            option,
            msg(
                "no page has {name!r}; the pages have {known}",
                name=unknown[0],
                known=", ".join(sorted(known)) or "none",
            ),
        )


def _nothing_selected(
    store: Store, request: ExportRequest, since: str | None, until: str | None
) -> ExportError:
    """Why the filters select no page: each one that alone matches nothing, with what the
    pages have, else the filters that match nothing together. Exporting nothing wrote an
    empty file over the last export, saying only "Wrote 0". One read of the pages tells
    it all (:meth:`Store.filter_findings`)."""
    found = store.filter_findings(
        request.statuses, request.reviewers, request.papers, request.pattern, since, until
    )
    if found is None:
        return ExportError("-", msg("the database has no pages; import some first"))
    bounds, counts, alone = found
    empty = _empty_filters(request, bounds, counts, alone)
    if empty:
        reason = empty[0][1]
        for _, then in empty[1:]:
            reason = msg("{first}; {then}", first=reason, then=then)
        return ExportError(" ".join(option for option, _ in empty), reason)
    per_option = {_OPTIONS[name]: n for name, n in alone.items()}
    # Each option a value of its own ({option}), so that the window names its field instead;
    # joined by commas, as the command line has always said it ("--status 3, --pages 1").
    matched = [msg("{option} {n}", option=option, n=n) for option, n in per_option.items()]
    together: str = matched[-1]
    for item in reversed(matched[:-1]):
        together = msg("{first}, {rest}", first=item, rest=together)
    return ExportError(
        " ".join(per_option),
        msg(
            "no page matches these filters together; alone, they match {counts}",
            counts=together,
        ),
    )


# The command-line option of each export filter, in the order the options are named.
_OPTIONS = {
    "statuses": "--status",
    "reviewers": "--reviewer",
    "papers": "--paper",
    "pattern": "--pages",
    "dates": "--since/--until",
}


def _empty_filters(
    request: ExportRequest,
    bounds: tuple[str, str, str, str],
    counts: dict[str, int],
    alone: dict[str, int],
) -> list[tuple[str, str]]:
    """(option, why) of each status, page-id or date filter that alone matches no page
    (a reviewer or paper no page has was refused before)."""
    first, last, oldest, newest = bounds
    empty: list[tuple[str, str]] = []
    if request.statuses and not alone["statuses"]:
        have = listing(
            [msg("{n} {status}", n=n, status=status_word(x)) for x, n in counts.items() if n]
        )
        status = listing([status_word(x) for x in request.statuses], last="or")
        empty.append(
            ("--status", msg("no page is {status}; the pages are {have}", status=status, have=have))
        )
    if request.pattern and not alone["pattern"]:
        why = msg(
            "no page id matches {pattern!r}; the page ids run from {first} to {last}",
            pattern=request.pattern,
            first=first,
            last=last,
        )
        empty.append(("--pages", why))
    if "dates" in alone and not alone["dates"]:
        why = msg(
            "no page was last edited in that time; the pages were last edited "
            "from {oldest} to {newest}",
            oldest=(oldest or "?")[:10],
            newest=(newest or "?")[:10],
        )
        empty.append(("--since/--until", why))
    return empty


# Names that read as a file: a folder given one (``--output x.txt`` for brat) was written
# as a folder named like a file, which other tools and people then open as a file.
FILE_SUFFIXES = frozenset(
    {f.suffix for f in FORMATS.values() if f.suffix}
    | {".txt", ".ann", ".conll", ".csv", ".tsv", ".xml", ".zip", ".gz", ".tar"}
)


def _check_folder_target(fmt: Format, split: bool, target: Path) -> None:
    """Refuse a file name for an export that writes a folder (a folder format, or any
    split), before anything is written; an existing folder of that name is taken."""
    if not (fmt.folder or split) or target.is_dir():
        return
    if target.suffix.lower() not in FILE_SUFFIXES:
        return
    folder = str(target.with_suffix(""))
    if split:
        reason = msg(
            "is a file name, but a split writes a folder (one file per split); "
            "give a folder name, such as {folder}",
            folder=folder,
        )
    else:
        reason = msg(
            "is a file name, but the {fmt} format writes a folder of files; "
            "give a folder name, such as {folder}",
            fmt=fmt.name,
            folder=folder,
        )
    raise ExportError(target, reason)


def _export(store: Store, request: ExportRequest, target: Path | IO[str] | None) -> ExportReport:
    fmt = FORMATS[request.fmt]
    if isinstance(target, (str, Path)):
        _check_folder_target(fmt, request.split is not None, Path(target))
    try:
        check_labels(request.labels, store.label_names())
    except ValueError as exc:
        raise ExportError("--label", exc.args[0]) from None
    _check_names("--reviewer", request.reviewers, store, "reviewer")
    _check_names("--paper", request.papers, store, "paper")
    since, until = date_bounds(request.since, request.until)
    ids = store.export_page_ids(
        request.statuses, request.reviewers, request.papers, request.pattern, since, until
    )
    if not ids:
        raise _nothing_selected(store, request, since, until)
    report = _new_report(store, fmt, ids)
    report.duplicates_checked = request.duplicates or request.dedupe
    duplicates = Duplicates() if report.duplicates_checked else None
    options: dict[str, Any] = {
        "as_predictions": request.as_predictions,
        "labels": list(request.labels) or [x.name for x in store.labels()],
        "split": request.sentences,  # the sentence split of the CoNLL writers
    }
    if request.split is None:
        if target is None:
            raise ExportError("-", msg("give --output"))
        report.counts["all"] = _write_one(
            store, fmt, ids, target, request, report, duplicates, options
        )
        if not hasattr(target, "write"):
            report.files.append(Path(target))
    else:
        if target is None or hasattr(target, "write"):
            raise ExportError("-", msg("a split writes one file per split; give --output FOLDER"))
        folder = Path(target)
        _make_folder(folder)
        parts = split_pages(ids, request.split, request.seed)
        for name in SPLIT_NAMES:
            path = folder / f"{name}{fmt.suffix}"
            report.counts[name] = _write_one(
                store, fmt, parts[name], path, request, report, duplicates, options
            )
            report.files.append(path)
    report.duplicates = duplicates.found if duplicates is not None else []
    if request.dedupe and fmt.unit == "article":
        report.dropped = len(report.duplicates)
    return report


def _new_report(store: Store, fmt: Format, ids: Sequence[str]) -> ExportReport:
    """The report of an export of the pages ``ids``, with what is known before writing:
    their open suggestions, and the pages an article format gives no record."""
    report = ExportReport(pages=len(ids), unit=fmt.unit)
    report.open_suggestions = store.open_suggestion_counts(ids)
    if fmt.unit == "article":
        report.no_articles = store.pages_without_articles(ids)
    return report


def _make_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportError(folder, msg("exists and is not a folder; a split writes into a folder"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(folder, os_reason(e)) from e


def _write_one(
    store: Store,
    fmt: Format,
    ids: Sequence[str],
    target: Any,
    request: ExportRequest,
    report: ExportReport,
    duplicates: Duplicates | None,
    options: dict[str, Any],
) -> int:
    wants_suggestions = request.suggestions and fmt.name == "labelstudio"
    text_only = fmt.unit == "article" and fmt.records == "text" and not wants_suggestions
    pages: Iterable[Any] = (
        store.iter_pages(page_ids=ids)  # spans of every status, as Span objects
        if wants_suggestions
        # article formats build records of clean text: the blocks as plain tuples do
        else store.export_pages(
            ids, "accepted", text_only=text_only, article_blocks=fmt.unit == "article"
        )
    )
    if request.progress is not None:
        pages = _reporting(pages, len(ids), request.progress)
    if wants_suggestions:
        return fmt.write()(_records(pages, request, report, duplicates, True), target, **options)
    if fmt.unit == "page":
        # Duplicates are reported for page formats too, but a page is kept whole.
        if duplicates is not None:
            pages = _report_page_duplicates(pages, duplicates)
        return fmt.write()(pages, target, **options)
    if text_only:  # the format reads text and spans only (registry: records="text")
        text_records = export_text_records(pages, report.warnings, store.export_span_rows)
        records = _curated(text_records, request, duplicates)
    else:
        records = _records(pages, request, report, duplicates)
    return fmt.write()(records, target, **options)


def _reporting(
    pages: Iterable[Any], total: int, progress: Callable[[int, int, str], bool]
) -> Iterator[Any]:
    """``pages`` as they are read, reported to ``progress``; its False cancels the export
    (the writer then removes what it had written)."""
    for done, item in enumerate(pages):
        if not progress(done, total, item[0].id):
            raise ExportCancelled(done)
        yield item
    progress(total, total, "")


def _records(
    pages: Iterable[Any],
    request: ExportRequest,
    report: ExportReport,
    duplicates: Duplicates | None,
    suggestions: bool = False,
) -> Iterator[dict[str, Any]]:
    records: Iterable[dict[str, Any]] = (
        _with_suggestions(pages, report.warnings)
        if suggestions
        else export_row_records(pages, report.warnings)
    )
    return _curated(records, request, duplicates)


def _curated(
    records: Iterable[dict[str, Any]], request: ExportRequest, duplicates: Duplicates | None
) -> Iterator[dict[str, Any]]:
    """``records`` with the label filter and the duplicate check applied, each checked."""
    if request.labels:
        records = keep_labels(records, set(request.labels))
    if duplicates is not None:
        records = duplicates.filter(records, request.dedupe)
    for record in records:
        check_record(record)
        yield record


def _with_suggestions(pages: Iterable[Any], warnings: list[ExportWarning]) -> Iterator[dict]:
    """Gold records that also carry the article's open suggestions (mapped like spans;
    a suggestion with no exact place in the clean text is left out)."""
    for page, blocks, spans in pages:
        gold = _without_twins([s for s in spans if s.status == "accepted"])
        open_ = [replace(s, status="accepted") for s in spans if s.status == "suggested"]
        records = article_records(page, blocks, gold, warnings)
        for record, other in zip(records, article_records(page, blocks, open_), strict=True):
            record["suggestions"] = other["spans"]
            yield record


def _without_twins(spans: list[Any]) -> list[Any]:
    """``spans`` with each (start, end, label) once, the earliest (lowest id) kept: gold
    never holds a label twice, even in a database not yet repaired (migration 12)."""
    first: dict[tuple[int, int, str], Any] = {}
    for span in sorted(spans, key=lambda s: s.id if s.id is not None else -1):
        first.setdefault((span.start, span.end, span.label), span)
    kept = {id(s) for s in first.values()}
    return [s for s in spans if id(s) in kept]


def _report_page_duplicates(pages: Iterable[Any], duplicates: Duplicates) -> Iterator[Any]:
    for item in pages:
        for record in export_row_records([item]):
            duplicates.first_of(record)
        yield item
