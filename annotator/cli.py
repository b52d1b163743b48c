"""The ``annotator`` command line (click): import, export, stats, demo, suggest, gui.

Every command takes ``--db FILE`` (default ``$ANNOTATOR_DB``, else ``annotator.db`` in the
user data directory). Errors the user can fix are printed as one ``Error: …`` line with a
non-zero exit status, never as a traceback.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from annotator import __version__
from annotator.store import (
    QUICK_CHECK_BEFORE_WRITE_BYTES,
    Store,
    StoreError,
    default_db_path,
    explain_database_error,
)

BACKUPS_KEPT_DEFAULT = 10  # as annotator.store.BACKUPS_KEPT (not imported: keeps --help fast)
DB_HELP = "Database file (default: $ANNOTATOR_DB, else annotator.db in the user data folder)."


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=DB_HELP,
    )(func)


def resolve_db(db_path: Path | None) -> Path:
    """The command's ``--db``, else the one given before the command (``annotator --db F
    import …``: ignoring it would write into another database), else the default."""
    if db_path is not None:
        return db_path
    context = click.get_current_context(silent=True)
    root = context.find_root().params.get("db_path") if context is not None else None
    return root or default_db_path()


@contextmanager
def open_store(db_path: Path | None, *, create: bool = True) -> Iterator[Store]:
    path = resolve_db(db_path)
    try:
        store = Store.open(path, create=create)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        yield store
    except sqlite3.DatabaseError as exc:  # damage met while reading: one line, not a traceback
        raise click.ClickException(explain_database_error(path, exc)) from None
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
@db_option
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """Review machine-split newspaper pages and export exact gold data.

    With no command, opens the review window.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui, db_path=db_path)


@main.command()
@db_option
def gui(db_path: Path | None) -> None:
    """Open the review window."""
    _check_desktop()
    try:
        from annotator.gui.app import run
    except ImportError as exc:  # PySide6 missing or its system libraries not found
        raise click.ClickException(
            f"the review window cannot start: {exc}. Install annotator with its dependencies "
            "(pip install annotator) or use the subcommands: annotator --help"
        ) from None
    sys.exit(run(resolve_db(db_path)))


def _check_desktop() -> None:
    """Refuse in one line, before Qt aborts the process, when no window can open here."""
    from annotator.desktop import window_problem

    problem = window_problem()
    if problem is not None:
        raise click.ClickException(problem)


@main.command("import")
@db_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--no-suggest", is_flag=True, help="Do not pre-annotate suggested spans.")
@click.option(
    "--max-page-size",
    "max_page_size",
    default="2MB",
    show_default=True,
    metavar="SIZE",
    help="Refuse files bigger than this (e.g. 500KB, 5MB): a page is 10-40 kB of text.",
)
def import_(
    db_path: Path | None, paths: tuple[Path, ...], no_suggest: bool, max_page_size: str
) -> None:
    """Import page text files and folders (.txt, .md, recursive).

    A file changed since its import replaces its page when nobody has reviewed that page
    yet; otherwise the new version is imported beside it as NAME~HASH. Both are reported.
    """
    from annotator.importing import parse_size
    from annotator.pipeline import import_paths

    try:
        limit = parse_size(max_page_size)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--max-page-size") from None
    with open_store(db_path) as store, _progress_bar() as progress:
        store.verify(QUICK_CHECK_BEFORE_WRITE_BYTES)  # never write into a damaged file
        report = import_paths(
            store, list(paths), suggest=not no_suggest, progress=progress, max_page_bytes=limit
        )
    _print_import_report(report)
    if report.refused:
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


def _print_import_report(report: Any) -> None:
    click.echo(report.summary())
    for path, what in getattr(report, "changed", []):
        click.echo(f"  changed {path}: {what}", err=True)
    for path, reason in report.refused:
        click.echo(f"  refused {path}: {reason}", err=True)


@main.command()
@db_option
def demo(db_path: Path | None) -> None:
    """Import the bundled sample pages (running it again changes nothing)."""
    from annotator.pipeline import import_paths
    from annotator.resources import seeds_dir

    with open_store(db_path) as store, _progress_bar() as progress:
        store.verify(QUICK_CHECK_BEFORE_WRITE_BYTES)
        report = import_paths(store, [seeds_dir()], progress=progress)
        path = store.path
    _print_import_report(report)
    click.echo(f"Database: {path}")


@main.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default="jsonl",
    show_default=True,
    help="Gold JSONL v1, or the same records as one JSON array.",
)
@click.option(
    "--status",
    type=click.Choice(["done", "all"]),
    default="done",
    show_default=True,
    help="Export reviewed (done) pages only, or every page.",
)
@click.option(
    "--output", "-o", default="-", show_default=True, help="Output file, or - for standard output."
)
def export(db_path: Path | None, fmt: str, status: str, output: str) -> None:
    """Export gold articles (Gold JSONL v1)."""
    from annotator.formats.gold_jsonl import ExportError, export_records, write_json, write_jsonl

    writer = write_jsonl if fmt == "jsonl" else write_json
    with open_store(db_path, create=False) as store:
        warnings: list[Any] = []
        records = export_records(
            store.iter_pages(None if status == "all" else "done", span_status="accepted"), warnings
        )
        target: Any = sys.stdout if output == "-" else Path(output)
        try:
            count = writer(records, target)
        except ExportError as exc:
            raise click.ClickException(str(exc)) from None
    for warning in warnings:
        click.echo(f"Warning: {warning}", err=True)
    if output != "-":
        click.echo(f"Wrote {count} article(s) to {output}.", err=True)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(db_path: Path | None, as_json: bool) -> None:
    """Pages by status, articles, blocks by role, spans by label and status, edits by reviewer."""
    with open_store(db_path, create=False) as store:
        figures = store.stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(_format_stats(figures))


def _format_stats(figures: dict[str, Any]) -> str:
    lines = ["Pages"]
    lines += [f"  {k:<12} {v:>8}" for k, v in figures["pages"].items()]
    lines += ["", f"Articles       {figures['articles']:>8}", "", "Blocks by role"]
    lines += [f"  {k:<12} {v:>8}" for k, v in figures["blocks"].items()]
    lines += ["", "Spans by label and status"]
    for label, by_status in figures["spans"].items():
        parts = ", ".join(f"{s} {n}" for s, n in by_status.items())
        lines.append(f"  {label:<12} {parts}")
    lines += ["", "Edits by reviewer"]
    lines += [f"  {k:<12} {v:>8}" for k, v in figures["edits"].items()] or ["  (none)"]
    return "\n".join(lines)


@main.command()
@db_option
@click.option("--pages", help="Comma-separated page ids (default: every page).")
@click.option(
    "--model/--no-model",
    "use_model",
    default=False,
    help="Also run the statistical (jieba) suggester.",
)
def suggest(db_path: Path | None, pages: str | None, use_model: bool) -> None:
    """Re-run the suggesters; accepted, rejected and human spans are never touched."""
    from annotator.pipeline import resuggest

    with open_store(db_path, create=False) as store:
        store.verify(QUICK_CHECK_BEFORE_WRITE_BYTES)  # never write into a damaged file
        ids = [p.strip() for p in pages.split(",")] if pages else None
        unknown = [p for p in ids or [] if not store.has_page(p)]
        if unknown:
            raise click.ClickException(f"no such page(s): {', '.join(unknown)}")
        total = resuggest(store, ids, use_model=use_model)
    click.echo(f"{total} suggestion(s) open.")


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(db_path: Path | None, as_json: bool) -> None:
    """Measure the heuristics (first split, first suggestions) against the pages marked done."""
    from annotator.metrics import EMPTY_MESSAGE, evaluate_store, format_report

    with open_store(db_path, create=False) as store:
        report = evaluate_store(store)
    if as_json:
        # Scripts always get the JSON (all counts 0 when nothing is done); people get words.
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    if not report["pages"]:
        click.echo(EMPTY_MESSAGE, err=as_json)
    elif not as_json:
        click.echo(format_report(report))


@main.command()
@db_option
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the backup to this file (default: a new file named by the time in the "
    "backups folder beside the database).",
)
@click.option(
    "--keep",
    type=click.IntRange(min=1),
    default=BACKUPS_KEPT_DEFAULT,
    show_default=True,
    help="How many backups the backups folder keeps (the oldest go).",
)
def backup(db_path: Path | None, output: Path | None, keep: int) -> None:
    """Back the database up (a checked copy; the window makes them too, while it runs)."""
    from annotator.store import backup_database, rolling_backup

    path = resolve_db(db_path)
    if not path.is_file():
        raise click.ClickException(f"{path}: no such database to back up")
    try:
        made = rolling_backup(path, keep=keep) if output is None else backup_database(path, output)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Backed up {path} to {made}.")


@main.command()
@db_option
def check(db_path: Path | None) -> None:
    """Check the whole database file for damage (SQLite's quick_check; a minute for
    100,000 pages)."""
    path = resolve_db(db_path)
    with open_store(path, create=False) as store:
        store.verify()
    click.echo(f"{path}: no damage found.")


@main.command()
@db_option
@click.argument("backup_file", metavar="BACKUP", type=click.Path(dir_okay=False, path_type=Path))
def restore(db_path: Path | None, backup_file: Path) -> None:
    """Replace the database by BACKUP (the replaced file is kept in the backups folder)."""
    from annotator.store import restore_backup

    path = resolve_db(db_path)
    try:
        aside = restore_backup(path, backup_file)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    kept = f"; the replaced file is kept as {aside}" if aside is not None else ""
    click.echo(f"Restored {path} from {backup_file}{kept}.")


if __name__ == "__main__":  # pragma: no cover
    main()
