"""The pages that windows show, told to other programs on the same database by small files.

A retrain rewrites the next pages nobody has started (a new split, new suggestions). The
window that asked for it keeps its own page out of that, but a second window on the same
database may show one of those pages, unedited: it was rewritten under the reviewer's eyes.

Each window's store writes one file beside the database (``annotator.db-shown/<pid>-<token>.json``:
the page it shows, its process id and host) when it shows a page, writes it again every
:data:`BEAT_S` seconds, and removes it when it closes. A page is shown elsewhere while another
such file names it and is fresher than :data:`STALE_S` seconds, and (on this host) its process
lives: a window that crashed holds nothing for long. Files, not a table: a write to the
database would make every other window drop its cached pages and search hits (each sees
another connection's commit), once per page turn and once per beat of every window.

Best effort throughout: a folder that cannot be written leaves the window's own guard
(the retrain skips the page it shows) as the only one, as before.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import time
from pathlib import Path

BEAT_S = 30  # a window tells again which page it shows this often
STALE_S = 120  # a file not written again for this long is a window that is gone


def shown_folder(db_path: Path) -> Path:
    """The folder of the shown-page files of the database at ``db_path``."""
    return db_path.with_name(db_path.name + "-shown")


class ShownPages:
    """This store's shown page, and the pages other programs' stores show."""

    def __init__(self, db_path: Path | None) -> None:
        self._folder = shown_folder(db_path) if db_path is not None else None
        self._name = f"{os.getpid()}-{secrets.token_hex(4)}.json"
        self._page: str | None = None

    def show(self, page_id: str | None) -> None:
        """Tell others that this store shows ``page_id`` (None: no page), written anew (a
        beat) even when it is the same page."""
        self._page = page_id
        if self._folder is None:
            return
        path = self._folder / self._name
        if page_id is None:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            return
        record = {"page": page_id, "pid": os.getpid(), "host": socket.gethostname()}
        spare = path.with_suffix(".tmp")
        with contextlib.suppress(OSError):
            self._folder.mkdir(exist_ok=True)
            spare.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            os.replace(spare, path)  # a reader never sees half a file

    def beat(self) -> None:
        """Write the shown page again, so that others know this window still lives."""
        if self._page is not None:
            self.show(self._page)

    def shown_elsewhere(self, page_id: str) -> bool:
        """Whether another live store (window) shows ``page_id`` now."""
        if self._folder is None:
            return False
        try:
            paths = [p for p in self._folder.glob("*.json") if p.name != self._name]
        except OSError:
            return False
        oldest = time.time() - STALE_S
        return any(_shows(path, page_id, oldest) for path in paths)


def _shows(path: Path, page_id: str, oldest: float) -> bool:
    """Whether the file at ``path`` is fresh, of a live process, and names ``page_id``."""
    try:
        if path.stat().st_mtime < oldest:
            return False
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False  # gone meanwhile, or not ours
    if not isinstance(record, dict) or record.get("page") != page_id:
        return False
    return not _dead(record.get("pid"), record.get("host"))


def _dead(pid: object, host: object) -> bool:
    """Whether process ``pid`` of ``host`` is known to be gone (on this host only)."""
    if os.name != "posix" or not isinstance(pid, int) or host != socket.gethostname():
        return False  # (os.kill with 0 on Windows would end the process)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, another user's
    return False
