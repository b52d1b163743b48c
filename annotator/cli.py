"""The ``annotator`` command line (click): import, export, stats, demo, suggest, gui.

Every command takes ``--db FILE`` (default ``$ANNOTATOR_DB``, else ``annotator.db`` in the
user data directory). Errors the user can fix are printed as one ``Error: …`` line with a
non-zero exit status, never as a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from annotator import __version__

if TYPE_CHECKING:
    from annotator.store import Store

# Nothing heavy is imported here (issue 11): ``annotator --help`` and the cheap commands
# must not wait for the store (sqlite_utils, dateutil…), the rules, the models or Qt. Each
# command imports what it uses; tests/core/test_cli_imports.py keeps it so.

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
    from annotator.store import default_db_path

    context = click.get_current_context(silent=True)
    root = context.find_root().params.get("db_path") if context is not None else None
    return root or default_db_path()


@contextmanager
def open_store(
    db_path: Path | None, *, create: bool = True, readonly: bool = False
) -> Iterator[Store]:
    """The open store; ``readonly``: for commands that only read (stats, export, evaluate),
    which then run while another program holds the write lock and never write."""
    import sqlite3

    from annotator.store import Store, StoreError, explain_database_error

    path = resolve_db(db_path)

    def upgrading(version: int, new: int) -> None:
        click.echo(
            f"Upgrading {path} from schema version {version} to {new} (once; a large "
            "database takes a minute or more)…",
            err=True,
        )

    new = create and not readonly and not path.exists()
    try:
        store = Store.open(path, create=create, readonly=readonly, on_upgrade=upgrading)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if new:
        # A mistyped --db makes a new, empty database (folders too) and the work goes
        # there: say so, naming it, as the report below it names only the pages.
        click.echo(f"Created a new database {path.absolute()}", err=True)
    try:
        yield store
    except sqlite3.DatabaseError as exc:  # damage met while reading: one line, not a traceback
        raise click.ClickException(explain_database_error(path, exc)) from None
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()


def _verify_before_write(store: Store) -> None:
    """Never write into a damaged file: the quick check on files up to the store's limit."""
    from annotator.store import QUICK_CHECK_BEFORE_WRITE_BYTES

    store.verify(QUICK_CHECK_BEFORE_WRITE_BYTES)


class _ValuesFirst(click.Command):
    """A command whose value-taking options never take the next option as their value:
    ``import --paper --db gold.db pages`` named the paper "--db", made a new database in
    the user data folder and imported gold.db itself as a page. The reviewer is told the
    value is missing instead (usage error, exit status 2), before anything is opened."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value = {
            name
            for param in self.get_params(ctx)
            if isinstance(param, click.Option) and not param.is_flag and not param.count
            for name in param.opts
        }
        known = {name for param in self.get_params(ctx) for name in param.opts}
        for option, following in zip(args, args[1:], strict=False):
            if option == "--":
                break
            if option in takes_value and following in known:
                raise click.UsageError(
                    f"{option} needs a value: it was followed by the option {following}", ctx
                )
        return super().parse_args(ctx, args)


class _Group(_ValuesFirst, click.Group):
    command_class = _ValuesFirst


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
    if fmt == "gold-jsonl":
        _import_gold_jsonl(db_path, paths)
        return
    if fmt == "segmentation":
        _import_segmentation(db_path, paths)
        return
    if fmt not in ("pages", "conll"):
        _import_other_tool(db_path, fmt, paths, reviewer, predictions, status or "auto")
        return

    from annotator.pipeline import import_paths

    if fmt == "conll":
        _import_conll(db_path, paths, sentences_per_page, labels, paper)
        return
    from annotator.importing import parse_size

    try:
        limit = parse_size(max_page_size)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--max-page-size") from None
    with _interrupt_reported(), open_store(db_path) as store, _progress_bar() as progress:
        _verify_before_write(store)  # never write into a damaged file
        report = import_paths(
            store,
            list(paths),
            suggest=not no_suggest,
            progress=progress,
            paper=paper,
            max_page_bytes=limit,
        )
        _warn_stale_models(store, suggested=not no_suggest)
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


def _import_gold_jsonl(db_path: Path | None, paths: tuple[Path, ...]) -> None:
    """``import --format gold-jsonl``: apply the records to the pages they name."""
    from annotator.pipeline import import_gold

    with open_store(db_path, create=False) as store:
        report = import_gold(store, list(paths))
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


@main.command()
@db_option
def demo(db_path: Path | None) -> None:
    """Import the bundled sample pages (running it again changes nothing)."""
    from annotator.pipeline import import_paths
    from annotator.resources import seeds_dir

    with _interrupt_reported(), open_store(db_path) as store, _progress_bar() as progress:
        _verify_before_write(store)
        report = import_paths(store, [seeds_dir()], progress=progress)
        path = store.path
    _print_import_report(report)
    click.echo(f"Database: {path}")


def _export_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The curation options every export format takes (issue 12)."""
    from annotator.formats.registry import FORMATS

    options = [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(list(FORMATS)),
            default="jsonl",
            show_default=True,
            help="; ".join(f"{f.name}: {f.help}" for f in FORMATS.values()) + ".",
        ),
        click.option(
            "--status",
            default="done",
            show_default=True,
            help="Page statuses to export, comma-separated (new, in_progress, done, skipped, "
            "flagged), or all.",
        ),
        click.option("--reviewer", "reviewers", multiple=True, help="Only pages of this reviewer."),
        click.option(
            "--label", "labels", multiple=True, help="Export only spans of this label (repeatable)."
        ),
        click.option("--paper", "papers", multiple=True, help="Only pages of this paper."),
        click.option("--pages", "pattern", help="Only page ids matching this glob (2024-03-*)."),
        click.option("--since", help="Only pages last edited on or after this date (YYYY-MM-DD)."),
        click.option("--until", help="Only pages last edited on or before this date."),
        click.option("--dedupe", is_flag=True, help="Keep one copy of duplicate articles."),
        click.option(
            "--duplicates",
            "find_duplicates",
            is_flag=True,
            help="Find and list duplicate articles (same normalised text), keeping them all.",
        ),
        click.option(
            "--split", help="Train/dev/test ratios by page, e.g. 0.8,0.1,0.1 (needs --output DIR)."
        ),
        click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split."),
        click.option(
            "--sentences",
            type=click.Choice(["sentence", "line", "none"]),
            default="sentence",
            show_default=True,
            help="bio, bioes: a sequence per sentence (cut at sentence ends and line "
            "breaks), per line, or per article (none).",
        ),
        click.option(
            "--as-predictions",
            is_flag=True,
            help="labelstudio: put the spans under predictions (pre-annotations to review).",
        ),
        click.option(
            "--suggestions",
            is_flag=True,
            help="labelstudio: add the open machine suggestions as predictions.",
        ),
        click.option(
            "--label-config",
            type=click.Path(dir_okay=False, path_type=Path),
            help="labelstudio: also write the project's labeling config (XML) to this file.",
        ),
        click.option(
            "--output",
            "-o",
            default="-",
            show_default=True,
            help="Output file or folder, or - for standard output.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.command()
@db_option
@_export_options
def export(db_path: Path | None, fmt: str, output: str, **kwargs: Any) -> None:
    """Export gold articles (Gold JSONL v1 or another format), filtered, split, deduplicated."""
    from annotator.exporting import export as run_export
    from annotator.formats.base import ExportError
    from annotator.formats.registry import FORMATS

    request = _export_request(fmt, kwargs)
    if output == "-" and (FORMATS[fmt].folder or request.split is not None):
        raise click.ClickException(
            f"the {fmt} format with these options writes files: give --output"
        )
    config = kwargs["label_config"]
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

    from annotator.statistics import figures as all_figures

    with open_store(db_path, create=False, readonly=True) as store:
        figures = all_figures(store, timedelta(minutes=session_gap))
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(_format_stats(figures))
    click.echo(_format_curation_stats(figures))


def _format_curation_stats(figures: dict[str, Any]) -> str:
    """The distributions and throughput sections of ``annotator stats`` (issue 12)."""
    from annotator.statistics import shares

    lines = []
    for title, key in (
        ("Labels of accepted spans", "labels"),
        ("Roles of article blocks", "roles"),
    ):
        lines += ["", f"{title} (done pages)"]
        rows = shares(figures["distributions"][key])
        lines += [f"  {k:<12} {n:>8} {p:>6.1%}  {'█' * round(p * 30)}" for k, n, p in rows]
        lines += [] if rows else ["  (none)"]
    lines += ["", "Throughput by reviewer (from the edit log; hours: active time in sessions)"]
    lines.append(
        f"  {'':<12} {'pages':>6} {'spans':>6} {'hours':>6} {'pages/h':>8} {'spans/h':>8} "
        f"{'sessions':>8} {'undone':>6}"
    )
    for name, t in figures["throughput"].items():
        lines.append(
            f"  {name:<12} {t['pages']:>6} {t['spans']:>6} {t['hours']:>6.2f} "
            f"{t['pages_per_hour']:>8.1f} {t['spans_per_hour']:>8.1f} "
            f"{t['sessions']:>8} {t['undone']:>6}"
        )
    if not figures["throughput"]:
        lines.append("  (none)")
    got = figures.get("imported") or {}
    if got.get("edits"):
        lines.append(
            f"  Imported, left out of throughput: {got['spans']} spans on {got['pages']} pages "
            f"({got['edits']} edits)"
        )
    return "\n".join(lines)


def _format_stats(figures: dict[str, Any]) -> str:
    from annotator.model import status_word

    lines = ["Pages"]
    lines += [f"  {status_word(k):<12} {v:>8}" for k, v in figures["pages"].items()]
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
@click.option(
    "--structure",
    is_flag=True,
    help="Re-split the pages nobody has started with the newest structure model instead.",
)
def suggest(db_path: Path | None, pages: str | None, use_model: bool, structure: bool) -> None:
    """Re-run the suggesters; accepted, rejected and human spans are never touched."""
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


# --- project lexicons (issue 10) ----------------------------------------------------------


def _check_lexicons() -> None:
    """Refuse a bad ``ANNOTATOR_LEXICONS`` folder or file with one line, before any work."""
    from annotator.lexicon import LexiconError, check_project_lexicons

    try:
        check_project_lexicons()
    except LexiconError as exc:
        raise click.ClickException(str(exc)) from None


def _resplit(db_path: Path | None, pages: str | None) -> None:
    """``suggest --structure``: re-split the pages nobody has started."""
    from annotator.pipeline import resplit

    if pages:
        raise click.UsageError(
            "--structure re-splits every page nobody has started; leave out --pages"
        )
    with open_store(db_path, create=False) as store:
        count, what = resplit(store)
        _warn_stale_models(store, suggested=False)
    click.echo(f"Re-split {count} page(s) nobody has started with {what}.")


# Figures of a learner's cross-validation printed by ``annotator train``: (path, label).
_TRAIN_FIGURES = (
    (("role", "accuracy"), "role accuracy"),
    (("role", "heading_accuracy"), "heading role accuracy"),
    (("article_start", "f1"), "article start F1"),
    (("join", "f1"), "join F1"),
)


def _figure(figures: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = figures
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _leaf_figures(figures: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Paths of every F1/accuracy figure (another learner's figures have other names)."""
    out: list[tuple[str, ...]] = []
    for key, value in figures.items():
        if isinstance(value, dict):
            out.extend(_leaf_figures(value, (*prefix, key)))
        elif key in ("f1", "accuracy") and isinstance(value, int | float):
            out.append((*prefix, key))
    return out


def _format_trained(model: Any) -> list[str]:
    figures = model.figures
    lines = [
        f"{model.kind}: trained version {model.version} on {model.pages} done page(s); "
        f"cross-validated on {figures.get('folds', '?')} folds:"
    ]
    rules, learnt = figures.get("rules") or {}, figures.get("model") or {}
    rows: list[tuple[str, tuple[str, ...]]] = [
        (label, path) for path, label in _TRAIN_FIGURES if _figure(rules, path) is not None
    ]
    heading = "decision"
    if not rows:  # another learner's figures (the entity tagger's: per label, exact match)
        rows = [(" ".join(path), path) for path in _leaf_figures(learnt)]
        heading = "label, exact match"
    lines.append(f"  {heading:<24} {'rules':>7} {'model':>7}")
    for label, path in rows:
        r, m = _figure(rules, path), _figure(learnt, path)
        cells = [f"{v:7.3f}" if isinstance(v, int | float) else f"{'-':>7}" for v in (r, m)]
        lines.append(f"  {label:<24} {cells[0]} {cells[1]}")
    if model.kind == "entities":
        lines.append(_takeover_line(figures))
    elif model.kind == "structure":
        lines += _structure_takeover_lines(figures)
    return lines


def _takeover_line(figures: dict[str, Any]) -> str:
    """Which labels the entity model now suggests, and which stay with the rules."""
    from annotator.learn.entities import kept_labels, relabel_below, takeover, yield_below

    taken = takeover(figures)
    if taken is None:
        return "  suggestions: the model's for every label it learnt but FIGURE."
    rules = figures.get("rules") or {}
    kept = sorted(label for label in rules if label not in ("all", "FIGURE", *taken))
    line = f"  suggestions: the model's for {', '.join(taken) or 'no label'}"
    if kept:
        line += f"; the rules' for {', '.join(kept)} (they scored higher there)"
    keeping = kept_labels(figures)
    if keeping is not None and taken:
        held = [_kept_kind(kind) for kind in keeping if kind.partition(":")[0] in taken]
        line += (
            f"; where the model tags nothing, the rules' suggestions stay for "
            f"{', '.join(held) or 'no label'}"
        )
    below = yield_below(figures)
    if below and taken:
        line += (
            f"; a span of the model less sure than {below:g} gives way to the rules' "
            "one-character ones it covers"
        )
    relabel = relabel_below(figures)
    if relabel and taken:
        line += (
            f"; a span of the model less sure than {relabel:g} takes the label the rules "
            "give the same characters"
        )
    return line + "."


def _kept_kind(kind: str) -> str:
    """A kind of rule suggestion the entity model keeps, in words (LOC:1 → LOC of one
    character)."""
    label, _, length = kind.partition(":")
    return {"1": f"{label} of one character", "n": f"{label} longer than one character"}.get(
        length, label
    )


def _structure_takeover_lines(figures: dict[str, Any]) -> list[str]:
    """Which decisions the structure model now makes in the pre-split, per paper judged on
    its own pages, and for the others over all pages; the rules keep the rest."""
    from annotator.learn.structure import PAPER_MIN_PAGES, takeover_scopes

    heads = {
        "unjudged": "pre-split",
        "all": "pre-split (judged over all papers; a paper is judged alone from "
        f"{PAPER_MIN_PAGES} done pages)",
        "others": f"pre-split for the other papers (fewer than {PAPER_MIN_PAGES} done pages "
        "each, judged over all papers)",
    }
    return [
        "  "
        + heads.get(s.scope, f"pre-split for {_paper_name(s.paper)} ({s.pages} done pages)")
        + ": "
        + _decision_choice(s.model, s.rules)
        for s in takeover_scopes(figures)
    ]


def _paper_name(paper: str | None) -> str:
    """``paper NAME``, or what the pages without a paper (an empty name) are called."""
    return f"paper {paper}" if paper else "pages without a paper"


def _decision_choice(model: tuple[str, ...], rules: tuple[str, ...]) -> str:
    """What the model decides and what the rules keep, e.g. 'the model's roles and article
    starts; the rules' joins (they scored higher there).'"""
    names = {"role": "roles", "start": "article starts", "join": "joins"}
    parts = [f"the model's {_and([names[d] for d in model])}"] if model else []
    if rules:
        parts.append(f"the rules' {_and([names[d] for d in rules])} (they scored higher there)")
    return "; ".join(parts) + "."


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@main.command()
@db_option
@click.option("--folds", default=5, show_default=True, help="Folds of the cross-validation.")
def train(db_path: Path | None, folds: int) -> None:
    """Learn from the pages marked done: every model there is enough gold for."""
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


if __name__ == "__main__":  # pragma: no cover
    main()
