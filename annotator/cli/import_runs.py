"""How ``annotator import`` runs each format, and how an import is reported: its progress
bar, its report, its Ctrl+C, and a warning when a learnt model was not used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from annotator.cli.database import _verify_before_write, open_store

if TYPE_CHECKING:
    from annotator.store import Store


def _import_pages(
    db_path: Path | None,
    paths: tuple[Path, ...],
    suggest: bool,
    paper: str | None,
    max_page_size: str,
) -> None:
    """``import`` of page files and folders (the default format)."""
    from annotator.importing import parse_size
    from annotator.pipeline import import_paths

    try:
        limit = parse_size(max_page_size)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--max-page-size") from None
    with _interrupt_reported(), open_store(db_path) as store, _progress_bar() as progress:
        _verify_before_write(store)  # never write into a damaged file
        report = import_paths(
            store,
            list(paths),
            suggest=suggest,
            progress=progress,
            paper=paper,
            max_page_bytes=limit,
        )
        _warn_stale_models(store, suggested=suggest)
    _print_import_report(report)
    if report.refused:
        sys.exit(1)


def _import_conll(
    db_path: Path | None,
    paths: tuple[Path, ...],
    sentences_per_page: int,
    labels: str | None,
    paper: str | None,
) -> None:
    from annotator.formats.conll import parse_label_map
    from annotator.pipeline import import_conll

    try:
        mapping = parse_label_map(labels)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    with open_store(db_path) as store, _progress_bar() as progress:
        report = import_conll(
            store,
            list(paths),
            sentences_per_page=sentences_per_page,
            labels=mapping,
            paper=paper,
            progress=progress,
        )
    _print_import_report(report)
    if report.refused:
        sys.exit(1)


def _import_gold_jsonl(db_path: Path | None, paths: tuple[Path, ...], replace: bool) -> None:
    """``import --format gold-jsonl``: apply the records to the pages they name."""
    from annotator.pipeline import import_gold

    with open_store(db_path, create=False) as store:
        report = import_gold(store, list(paths), replace=replace)
    click.echo(report.summary())
    for path, line, reason in report.refused:
        where = f"{path}:{line}" if line else path  # line 0: the file as a whole
        click.echo(f"  refused {where}: {reason}", err=True)
    if report.refused:
        sys.exit(1)


def _import_segmentation(db_path: Path | None, paths: tuple[Path, ...]) -> None:
    """``import --format segmentation``: pages with their structure, a file whole or not."""
    from annotator.pipeline import import_segmentation

    with open_store(db_path) as store:
        _verify_before_write(store)  # never write into a damaged file
        report = import_segmentation(store, list(paths))
    click.echo(report.summary())
    for path, what in report.replaced:
        click.echo(f"  replaced the structure of page {what!r} ({path})", err=True)
    for _path, reason in report.refused:
        click.echo(f"  refused {reason}", err=True)
    if report.refused:
        sys.exit(1)


def _import_other_tool(
    db_path: Path | None,
    fmt: str,
    paths: tuple[Path, ...],
    reviewer: str,
    predictions: bool,
    status: str,
) -> None:
    """Place gold exported by another tool onto the pages; one undoable edit per page."""
    from annotator.formats.base import ExportError, ImportFormatError
    from annotator.formats.registry import FORMATS
    from annotator.placement import import_documents

    read = FORMATS[fmt].read()
    with open_store(db_path, create=False) as store:
        try:
            documents = [doc for path in paths for doc in read(path, predictions=predictions)]
        except (ImportFormatError, ExportError) as exc:
            raise click.ClickException(str(exc)) from None
        report = import_documents(store, documents, reviewer, status)
    for problem in report.problems:
        click.echo(f"Not placed: {problem}", err=True)
    for reason in report.not_done:
        click.echo(f"Left in progress: {reason}", err=True)
    click.echo(report.summary())
    if report.placed < report.documents:
        sys.exit(1)


@contextmanager
def _progress_bar() -> Iterator[Callable[[int, int, str], bool]]:
    """An import progress callback that draws a bar on standard error from 20 files on."""
    bar: Any = None

    def progress(done: int, total: int, name: str) -> bool:
        nonlocal bar
        if bar is None and total >= 20:
            bar = click.progressbar(length=total, label="Importing", file=sys.stderr)
            bar.__enter__()
        if bar is not None:
            bar.update(done - bar.pos)
        return True

    try:
        yield progress
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


@contextmanager
def _interrupt_reported() -> Iterator[None]:
    """Ctrl+C during an import of page files: say what the database holds and how to
    finish, and exit with 130 (as a shell does for Ctrl+C); not click's bare "Aborted!"."""
    from annotator.pipeline import ImportInterrupted

    try:
        yield
    except ImportInterrupted as interrupted:
        click.echo("", err=True)  # after the progress bar's line
        _print_import_report(interrupted.report)
        click.echo(
            "Interrupted: every page stored is whole; the files not yet stored were left "
            "out. Run the same import again to finish it (the pages stored are skipped).",
            err=True,
        )
        sys.exit(130)


def _print_import_report(report: Any) -> None:
    click.echo(report.summary())
    for path, what in getattr(report, "changed", []):
        click.echo(f"  changed {path}: {what}", err=True)
    for path, reason in report.refused:
        click.echo(f"  refused {path}: {reason}", err=True)


def _warn_stale_models(store: Store, *, suggested: bool, split: bool = True) -> None:
    """Say on stderr when suggestions (``suggested``) or the pre-split (``split``) came from
    the rules although a model was trained: an older version made it."""
    from annotator.pipeline import stale_model

    for kind, used, what in (
        ("structure", split, "pre-split"),
        ("entities", suggested, "suggested"),
    ):
        why = stale_model(store, kind) if used else None
        if why is not None:
            name = "entity" if kind == "entities" else kind
            click.echo(f"warning: the learnt {name} model was not used ({why}); "
                       f"the rules {what} instead.", err=True)  # fmt: skip
