"""The database a command works on: the ``--db`` option, where it points, and the store
opened for the command with its errors said in one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from annotator.store import Store


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
