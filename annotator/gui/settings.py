"""What the window remembers between runs, in ``QSettings`` (organisation "annotator").

Global: the reviewer's name, the interface language, the text size. Per database (keyed
by a hash of its resolved path, since a path is not a valid settings key everywhere): the
window geometry, the splitter layout, the page shown, its caret and scroll position.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "annotator"
APPLICATION = "Annotator"
LANGUAGES = ("auto", "en", "zh_CN")


def _settings() -> QSettings:
    return QSettings()


def reviewer() -> str:
    return str(_settings().value("reviewer", "") or "").strip()


def set_reviewer(name: str) -> None:
    _settings().setValue("reviewer", name.strip())


def language() -> str:
    value = str(_settings().value("language", "auto") or "auto")
    return value if value in LANGUAGES else "auto"


def set_language(value: str) -> None:
    _settings().setValue("language", value)


def font_size(default: float) -> float:
    try:
        value = _settings().value("font_size", default)
        if isinstance(value, (int, float, str, bytes)):
            return float(value)
        return default
    except (TypeError, ValueError):
        return default


def set_font_size(size: float) -> None:
    _settings().setValue("font_size", size)


def _db_group(db_path: Path) -> str:
    digest = hashlib.sha1(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"databases/{digest}"


@dataclass
class WindowPlace:
    """Where the reviewer left the window on one database."""

    geometry: QByteArray | None = None
    splitter: QByteArray | None = None
    page_id: str | None = None
    caret: int = 0
    scroll: int = 0  # code point shown at the top of the page view
    # The page list's status filter ("" every page, "not_done", a status): the Page keys
    # walk it, so a day spent on "To review" went on over every page after a restart.
    status_filter: str = ""


def load_place(db_path: Path) -> WindowPlace:
    s = _settings()
    s.beginGroup(_db_group(db_path))
    try:
        return WindowPlace(
            geometry=_bytes(s.value("geometry")),
            splitter=_bytes(s.value("splitter")),
            page_id=(str(s.value("page")) if s.value("page") else None),
            caret=_int(s.value("caret")),
            scroll=_int(s.value("scroll")),
            status_filter=str(s.value("filter") or ""),
        )
    finally:
        s.endGroup()


def save_place(db_path: Path, place: WindowPlace) -> None:
    s = _settings()
    s.beginGroup(_db_group(db_path))
    s.setValue("path", str(Path(db_path).resolve()))
    if place.geometry is not None:
        s.setValue("geometry", place.geometry)
    if place.splitter is not None:
        s.setValue("splitter", place.splitter)
    s.setValue("page", place.page_id or "")
    s.setValue("caret", place.caret)
    s.setValue("scroll", place.scroll)
    s.setValue("filter", place.status_filter)
    s.endGroup()
    s.sync()


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _number(value: object) -> int:
    """``int(value)`` of what QSettings hands back (a number or its text), else TypeError."""
    if isinstance(value, (int, float, str, bytes)):
        return int(value)
    raise TypeError(f"not a number: {value!r}")


def _int(value: object) -> int:
    try:
        return _number(value)
    except (TypeError, ValueError):
        return 0


# --- backups (issue 8) ----------------------------------------------------------------


def backups_kept(default: int = 10) -> int:
    """How many rolling backups the backups folder keeps (``backups/keep``, at least 1)."""
    try:
        return max(1, _number(_settings().value("backups/keep", default)))
    except (TypeError, ValueError):
        return default


def set_backups_kept(count: int) -> None:
    _settings().setValue("backups/keep", max(1, int(count)))
