"""``annotator export``'s request made of its options, and its report on standard error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def _export_request(fmt: str, kw: dict[str, Any]) -> Any:
    from annotator.exporting import ExportRequest, date_bounds
    from annotator.formats.curation import parse_ratios
    from annotator.model import PAGE_STATUSES

    statuses = None if kw["status"] == "all" else [x.strip() for x in kw["status"].split(",")]
    unknown = [x for x in statuses or [] if x not in PAGE_STATUSES]
    if unknown:
        raise click.BadParameter(
            f"unknown status {unknown[0]!r}; use {', '.join(PAGE_STATUSES)} or all",
            param_hint="--status",
        )
    try:
        date_bounds(kw["since"], kw["until"])
        split = parse_ratios(kw["split"]) if kw["split"] else None
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    labels = [x.strip() for value in kw["labels"] for x in value.split(",") if x.strip()]
    return ExportRequest(
        fmt=fmt,
        statuses=statuses,
        reviewers=kw["reviewers"],
        papers=kw["papers"],
        pattern=kw["pattern"],
        since=kw["since"],
        until=kw["until"],
        labels=labels,
        dedupe=kw["dedupe"],
        duplicates=kw["find_duplicates"],
        split=split,
        seed=kw["seed"],
        as_predictions=kw["as_predictions"],
        suggestions=kw["suggestions"],
        sentences=kw["sentences"],
    )


def _write_label_config(path: Path, labels: Any) -> None:
    from annotator.formats.base import write_text
    from annotator.formats.labelstudio import label_config

    text = label_config([getattr(x, "name", x) for x in labels])

    def emit(write: Callable[[str], Any]) -> int:
        write(text)
        return 1

    write_text(path, emit)


_SHOWN_DUPLICATES = 20


def _print_export_report(report: Any, fmt: str, output: str) -> None:
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    _report_open_suggestions(report.open_suggestions)
    for duplicate, first in report.duplicates[:_SHOWN_DUPLICATES]:
        click.echo(f"Duplicate: {duplicate} repeats {first}", err=True)
    if len(report.duplicates) > _SHOWN_DUPLICATES:
        click.echo(f"… and {len(report.duplicates) - _SHOWN_DUPLICATES} more duplicates", err=True)
    if report.duplicates:
        kept = "dropped" if report.dropped else "kept (use --dedupe to keep one)"
        if report.unit == "page":
            kept = "kept (a page format keeps whole pages)"
        click.echo(f"{len(report.duplicates)} duplicate article(s) {kept}.", err=True)
    elif not report.duplicates_checked:
        # Said on every export: no line about duplicates must not read as "none found".
        click.echo(
            "Duplicate articles not checked (--duplicates lists them, --dedupe keeps one "
            "copy of each).",
            err=True,
        )
    else:
        click.echo("No duplicate articles found.", err=True)
    _report_no_articles(report.no_articles)
    unit = "page(s)" if report.unit == "page" else "article(s)"
    if "all" in report.counts:
        if output != "-":
            click.echo(f"Wrote {report.counts['all']} {unit} to {output}.", err=True)
        return
    for (name, count), path in zip(report.counts.items(), report.files, strict=True):
        click.echo(f"Wrote {count} {unit} to {path} ({name}).", err=True)


def _report_open_suggestions(open_counts: dict[str, int]) -> None:
    """Say, on stderr, which exported pages had suggestions nobody accepted or rejected."""
    for page_id, count in open_counts.items():
        click.echo(
            f"Warning: {page_id}: {count} open suggestion(s) not exported; "
            "accept or reject them in the window",
            err=True,
        )
    if open_counts:
        click.echo(
            f"Warning: {sum(open_counts.values())} open suggestion(s) on {len(open_counts)} "
            "page(s) were not exported (only accepted spans are gold).",
            err=True,
        )


_SHOWN_PAGES = 20


def _report_no_articles(page_ids: list[str]) -> None:
    """Say, on stderr, which selected pages gave no record: they were left out of the
    export without a word (a done page of page furniture only, or one whose articles a
    reviewer forgot to start)."""
    if not page_ids:
        return
    shown = ", ".join(page_ids[:_SHOWN_PAGES])
    if len(page_ids) > _SHOWN_PAGES:
        shown += f" … and {len(page_ids) - _SHOWN_PAGES} more"
    click.echo(
        f"Note: {len(page_ids)} page(s) gave no record: no paragraph on them is in an "
        f"article (page furniture only; Shift+Return in the window starts one): {shown}",
        err=True,
    )
