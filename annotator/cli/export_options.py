"""The curation options every export format takes (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def _export_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The curation options every export format takes (issue 12)."""
    options = [
        _format_option(),
        *_selection_options(),
        *_shape_options(),
        *_label_studio_options(),
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


def _format_option() -> Callable[..., Any]:
    # The registry loads every format's module: read only when a command is built.
    from annotator.formats.registry import FORMATS

    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(FORMATS)),
        default="jsonl",
        show_default=True,
        help="; ".join(f"{f.name}: {f.help}" for f in FORMATS.values()) + ".",
    )


def _selection_options() -> list[Callable[..., Any]]:
    """Which pages and spans go out."""
    return [
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
    ]


def _shape_options() -> list[Callable[..., Any]]:
    """How the records are curated and cut."""
    return [
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
    ]


def _label_studio_options() -> list[Callable[..., Any]]:
    """Options of the labelstudio format alone (refused with any other)."""
    return [
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
    ]
