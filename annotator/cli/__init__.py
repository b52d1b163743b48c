"""The ``annotator`` command line (click): import, export, stats, demo, suggest, gui.

Every command takes ``--db FILE`` (default ``$ANNOTATOR_DB``, else ``annotator.db`` in the
user data directory). Errors the user can fix are printed as one ``Error: …`` line with a
non-zero exit status, never as a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from annotator import __version__
from annotator.cli.database import _verify_before_write, db_option, open_store, resolve_db
from annotator.cli.export_options import _export_options
from annotator.cli.option_parsing import _Group

# Nothing heavy is imported here (issue 11): ``annotator --help`` and the cheap commands
# must not wait for the store (sqlite_utils, dateutil…), the rules, the models or Qt. Each
# command imports what it uses; tests/core/test_cli_imports.py keeps it so.

BACKUPS_KEPT_DEFAULT = 10  # as annotator.store.BACKUPS_KEPT (not imported: keeps --help fast)


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="annotator")
@db_option
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """Review machine-split newspaper pages and export exact gold data.

    With no command, opens the review window.
    """
    _check_lexicons()
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


def _tool_formats() -> list[str]:
    """Formats of other tools whose gold ``import --format`` places onto pages (issue 12)."""
    from annotator.formats.registry import import_names

    return import_names()


@main.command("import")
@db_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--no-suggest", is_flag=True, help="Do not pre-annotate suggested spans.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pages", "conll", "gold-jsonl", *_tool_formats()]),
    default="pages",
    show_default=True,
    help="pages: page text files (.txt, .md); conll: gold entities, a character and its "
    "BIO/BIOES tag per line, imported as done pages; gold-jsonl: Gold JSONL v1 records applied "
    "exactly (blocks, roles, articles, joins, spans) to the pages they name, marked done; "
    "segmentation: one page a line with its text and structure exactly as exported; "
    "otherwise gold exported by that tool (or 'annotator export'), its spans placed by text "
    "onto the pages already in the database.",
)
@click.option(
    "--paper",
    default=None,
    help="The newspaper of the pages (default: the name of the folder each file is in; "
    "conll: the file's stem).",
)
@click.option(
    "--sentences-per-page",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="conll: sentences per page.",
)
@click.option("--labels", help="conll: tag names to labels, e.g. GPE=LOC,MISC=O (O drops).")
@click.option("--reviewer", default="import", show_default=True, help="Reviewer of placed gold.")
@click.option(
    "--predictions",
    is_flag=True,
    help="labelstudio: take predictions where a task has no annotation.",
)
@click.option(
    "--status",
    "status",
    type=click.Choice(["auto", "done", "in_progress"]),
    default=None,
    help="Other tools' gold: which pages to mark done. auto (default): a page all of whose "
    "articles came back finished in the tool (a submitted Label Studio annotation, a done "
    "Gold record); done: every page all of whose articles came back (doccano, BRAT and "
    "spaCy do not say what is finished); in_progress: none. Open suggestions inside those "
    "articles are rejected; pages not marked done are listed with the reason.",
)
@click.option(
    "--replace",
    is_flag=True,
    help="gold-jsonl: also apply records to pages another reviewer has begun or finished "
    "(refused otherwise: the records would overwrite their work).",
)
@click.option(
    "--max-page-size",
    "max_page_size",
    default="2MB",
    show_default=True,
    metavar="SIZE",
    help="Refuse page files bigger than this (e.g. 500KB, 5MB): a page is 10-40 kB of text.",
)
def import_(
    db_path: Path | None,
    paths: tuple[Path, ...],
    no_suggest: bool,
    fmt: str = "pages",
    paper: str | None = None,
    sentences_per_page: int = 20,
    labels: str | None = None,
    reviewer: str = "import",
    predictions: bool = False,
    status: str | None = None,
    max_page_size: str = "2MB",
    replace: bool = False,
) -> None:
    """Import page text files and folders (.txt, .md, recursive), gold entity files
    (--format conll), Gold JSONL (--format gold-jsonl), pages with their structure
    (--format segmentation) or gold from other tools.

    A page file changed since its import replaces its page when nobody has reviewed that
    page yet; otherwise the new version is imported beside it as NAME~HASH. Both are
    reported.
    """
    if paper is not None and not paper.strip():
        raise click.BadParameter(
            "give the paper a name, or leave --paper out", param_hint="--paper"
        )
    if status is not None and fmt in ("pages", "conll", "gold-jsonl", "segmentation"):
        raise click.BadParameter(
            f"the {fmt} format sets the status itself (new pages are new, gold is done); "
            "--status is for gold from other tools",
            param_hint="--status",
        )
    if replace and fmt != "gold-jsonl":
        raise click.BadParameter(
            "--replace is for --format gold-jsonl; leave it out with other formats",
            param_hint="--replace",
        )
    from annotator.cli import import_runs as run

    if fmt == "gold-jsonl":
        run._import_gold_jsonl(db_path, paths, replace)
    elif fmt == "segmentation":
        run._import_segmentation(db_path, paths)
    elif fmt not in ("pages", "conll"):
        run._import_other_tool(db_path, fmt, paths, reviewer, predictions, status or "auto")
    elif fmt == "conll":
        run._import_conll(db_path, paths, sentences_per_page, labels, paper)
    else:
        run._import_pages(db_path, paths, not no_suggest, paper, max_page_size)


@main.command()
@db_option
def demo(db_path: Path | None) -> None:
    """Import the bundled sample pages (running it again changes nothing)."""
    from annotator.cli.import_runs import _interrupt_reported, _print_import_report, _progress_bar
    from annotator.pipeline import import_paths
    from annotator.resources import seeds_dir

    with _interrupt_reported(), open_store(db_path) as store, _progress_bar() as progress:
        _verify_before_write(store)
        report = import_paths(store, [seeds_dir()], progress=progress)
        path = store.path
    _print_import_report(report)
    click.echo(f"Database: {path}")


@main.command()
@db_option
@_export_options
def export(db_path: Path | None, fmt: str, output: str, **kwargs: Any) -> None:
    """Export gold articles (Gold JSONL v1 or another format), filtered, split, deduplicated."""
    from annotator.cli.export_report import (
        _export_request,
        _print_export_report,
        _write_label_config,
    )
    from annotator.exporting import export as run_export
    from annotator.formats.base import ExportError
    from annotator.formats.registry import FORMATS

    request = _export_request(fmt, kwargs)
    if output == "-" and (FORMATS[fmt].folder or request.split is not None):
        raise click.ClickException(
            f"the {fmt} format with these options writes files: give --output"
        )
    config = kwargs["label_config"]
    only_labelstudio = [
        name
        for name, given in (
            ("--as-predictions", kwargs["as_predictions"]),
            ("--suggestions", kwargs["suggestions"]),
            ("--label-config", config is not None),
        )
        if given
    ]
    if only_labelstudio and fmt != "labelstudio":
        # Ignored, they left the user believing the export held what they asked for.
        raise click.BadParameter(
            f"{' and '.join(only_labelstudio)}: for --format labelstudio only; "
            f"the {fmt} format has no such thing (nothing was written)",
            param_hint=only_labelstudio[0],
        )
    if config is not None and not config.absolute().parent.is_dir():
        # Checked first: found after the export, it was an error over a file written.
        raise click.ClickException(
            f"{config}: the folder does not exist; choose an existing folder (nothing was written)"
        )
    with open_store(db_path, create=False, readonly=True) as store:
        target: Any = sys.stdout if output == "-" else Path(output)
        try:
            report = run_export(store, request, target)
            if config is not None:
                _write_label_config(config, request.labels or store.labels())
        except ExportError as exc:
            raise click.ClickException(str(exc)) from None
    _print_export_report(report, fmt, output)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--session-gap",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    metavar="MINUTES",
    help="Throughput: a pause longer than this between a reviewer's edits ends a session; "
    "active time is the sessions' time.",
)
def stats(db_path: Path | None, as_json: bool, session_gap: int = 10) -> None:
    """Pages, articles, blocks and spans; label and role distributions; reviewer throughput."""
    from datetime import timedelta

    from annotator.cli.stats_text import _format_curation_stats, _format_stats
    from annotator.statistics import figures as all_figures

    with open_store(db_path, create=False, readonly=True) as store:
        figures = all_figures(store, timedelta(minutes=session_gap))
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(_format_stats(figures))
    click.echo(_format_curation_stats(figures))


@main.command()
@db_option
@click.option("--pages", help="Comma-separated page ids (default: every page).")
@click.option(
    "--model/--no-model",
    "use_model",
    default=False,
    help="Also run the statistical (jieba) suggester.",
)
@click.option(
    "--structure",
    is_flag=True,
    help="Re-split the pages nobody has started with the newest structure model instead.",
)
def suggest(db_path: Path | None, pages: str | None, use_model: bool, structure: bool) -> None:
    """Re-run the suggesters; accepted, rejected and human spans are never touched."""
    from annotator.cli.import_runs import _warn_stale_models
    from annotator.pipeline import resuggest

    if structure:
        _resplit(db_path, pages)
        return
    with open_store(db_path, create=False) as store:
        _verify_before_write(store)  # never write into a damaged file
        ids = [p.strip() for p in pages.split(",")] if pages else None
        unknown = [p for p in ids or [] if not store.has_page(p)]
        if unknown:
            raise click.ClickException(f"no such page(s): {', '.join(unknown)}")
        total = resuggest(store, ids, use_model=use_model)
        _warn_stale_models(store, suggested=True, split=False)
    click.echo(f"{total} suggestion(s) open.")


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(db_path: Path | None, as_json: bool) -> None:
    """Measure the heuristics (first split, first suggestions) against the pages marked done."""
    from annotator.metrics import empty_message, evaluate_store, format_report

    with open_store(db_path, create=False, readonly=True) as store:
        report = evaluate_store(store)
    if as_json:
        # Scripts always get the JSON (all counts 0 when nothing is done); people get words.
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    if not report["pages"]:
        click.echo(empty_message(report), err=as_json)
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
    from annotator.store import StoreError, backup_database, rolling_backup

    path = resolve_db(db_path)
    if not path.is_file():
        raise click.ClickException(f"{path}: no such database to back up")
    try:
        made = rolling_backup(path, keep=keep) if output is None else backup_database(path, output)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Backed up {path} to {made}.")


def _check_lexicons() -> None:
    """Refuse a bad ``ANNOTATOR_LEXICONS`` folder or file with one line, before any work."""
    from annotator.lexicon import LexiconError, check_project_lexicons

    try:
        check_project_lexicons()
    except LexiconError as exc:
        raise click.ClickException(str(exc)) from None


def _resplit(db_path: Path | None, pages: str | None) -> None:
    """``suggest --structure``: re-split the pages nobody has started."""
    from annotator.cli.import_runs import _warn_stale_models
    from annotator.pipeline import resplit

    if pages:
        raise click.UsageError(
            "--structure re-splits every page nobody has started; leave out --pages"
        )
    with open_store(db_path, create=False) as store:
        count, what = resplit(store)
        _warn_stale_models(store, suggested=False)
    click.echo(f"Re-split {count} page(s) nobody has started with {what}.")


@main.command()
@db_option
@click.option("--folds", default=5, show_default=True, help="Folds of the cross-validation.")
def train(db_path: Path | None, folds: int) -> None:
    """Learn from the pages marked done: every model there is enough gold for."""
    from annotator.cli.train_report import _format_trained
    from annotator.pipeline import train as train_models

    if folds < 2:
        raise click.BadParameter("at least 2 folds", param_hint="--folds")
    with open_store(db_path, create=False) as store:
        report = train_models(store, folds=folds)
    for model in report.trained:
        click.echo("\n".join(_format_trained(model)))
    for kind, why in report.skipped:
        click.echo(f"{kind}: skipped, {why}.")
    if not report.trained:
        raise click.ClickException(
            f"no model trained: {report.done_pages} page(s) are marked done; "
            "review more pages and mark them done, then run annotator train again"
        )


@main.command()
@db_option
def check(db_path: Path | None) -> None:
    """Check the whole database file for damage (SQLite's quick_check; a minute for
    100,000 pages)."""
    path = resolve_db(db_path)
    with open_store(path, create=False, readonly=True) as store:
        store.verify()
    click.echo(f"{path}: no damage found.")


@main.command()
@db_option
@click.argument("backup_file", metavar="BACKUP", type=click.Path(dir_okay=False, path_type=Path))
def restore(db_path: Path | None, backup_file: Path) -> None:
    """Replace the database by BACKUP (the replaced file is kept in the backups folder)."""
    from annotator.store import StoreError, restore_backup

    path = resolve_db(db_path)
    try:
        aside = restore_backup(path, backup_file)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    kept = f"; the replaced file is kept as {aside}" if aside is not None else ""
    click.echo(f"Restored {path} from {backup_file}{kept}.")
