"""What every export format shares: UTF-16 offsets, validation, atomic files and folders.

Writers take Gold JSONL v1 article records (:func:`annotator.formats.gold_jsonl.export_records`)
or, for page formats, ``(page, blocks, spans)`` triples, and a target. Before a record is
written its spans are checked (:func:`check_record`): ``text[start:end]`` equals the span's
text and the span lies inside the article. A check that fails raises
:class:`ExportValidationError` naming the record, and because every file is written to a
temporary name first, nothing half-written is left behind. A folder (BRAT) is flushed to
disk whole (:func:`sync_folder`) before it takes the target's name, as a file is fsynced.

Offsets: ours are code points. JavaScript tools (Label Studio, doccano) count UTF-16 code
units, so a character outside the Basic Multilingual Plane (𠮷 U+20BB7, emoji) counts
twice there. :class:`Utf16` converts both ways for one text.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import secrets
import shutil
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from annotator.formats.gold_jsonl import (
    ExportCancelled,
    ExportError,
    PathOrStream,
    Progress,
    _fsync_directory,
    _write,
    os_reason,
)
from annotator.messages import msg

__all__ = [
    "ExportCancelled",
    "ExportError",
    "ExportValidationError",
    "ImportFormatError",
    "Imported",
    "PathOrStream",
    "Progress",
    "Utf16",
    "atomic_folder",
    "check_record",
    "emit_lines",
    "json_lines",
    "write_bytes",
    "write_text",
]

_ASTRAL_CHAR = re.compile("[\U00010000-\U0010ffff]")  # above the Basic Multilingual Plane
#: A file in every folder an export writes: only such folders are replaced by a new export.
MARKER = ".annotator-export"


class ExportValidationError(ExportError):
    """A record that would be written wrong (offsets that do not give the span's text)."""

    def __init__(self, record_id: str, reason: str) -> None:
        super().__init__(record_id, reason)


class ImportFormatError(ValueError):
    """A file that does not follow the format it was read as; names the file and place."""


@dataclass
class Imported:
    """One document read from another tool: its text and spans in code points.

    ``page_id`` and ``ordinal`` are hints that our own exports carry (Label Studio task
    data, doccano meta): with them an article is found without searching. ``where`` names
    the place in the file for reports (``file.jsonl:3``).
    """

    text: str
    spans: list[tuple[int, int, str]]
    where: str
    page_id: str | None = None
    ordinal: int | None = None
    problems: list[str] = field(default_factory=list)
    # Span attributes (a figure's value and unit) where the format keeps them.
    attrs: dict[tuple[int, int, str], dict[str, Any]] = field(default_factory=dict)
    # Whether the tool calls this document finished (a submitted Label Studio annotation,
    # a Gold record of a done page); None where the format does not say (doccano, BRAT).
    completed: bool | None = None
    # What the file holds beside spans and was left out (a classification of the text):
    # reported, but no span of the gold is missing for it.
    skipped: list[str] = field(default_factory=list)


class Utf16:
    """Offsets of one text in code points and in UTF-16 code units, both ways.

    Only characters above U+FFFF differ (two code units each), so the map is the sorted
    list of their positions; a text without any (nearly all Chinese news) costs one scan.
    """

    __slots__ = ("_astral", "_encoded", "_units")

    def __init__(self, text: str) -> None:
        if _ASTRAL_CHAR.search(text) is None:  # a C scan (max() made a str per character)
            self._astral: list[int] = []
        else:
            self._astral = [m.start() for m in _ASTRAL_CHAR.finditer(text)]
        # UTF-16 position of each astral character, to convert back.
        self._units = [p + k for k, p in enumerate(self._astral)]
        self._encoded: bytes | None = None

    def encoded(self, text: str) -> bytes:
        """``text`` (the text this map was made of) in UTF-16-LE, encoded once."""
        if self._encoded is None:
            self._encoded = text.encode("utf-16-le")
        return self._encoded

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code-point offset ``cp``."""
        return cp + bisect_left(self._astral, cp) if self._astral else cp

    def to_code_point(self, unit: int) -> int:
        """Code-point offset of UTF-16 offset ``unit``; ValueError inside a surrogate pair."""
        if not self._astral:
            return unit
        k = bisect_left(self._units, unit)
        if k and self._units[k - 1] + 1 == unit:
            raise ValueError(f"UTF-16 offset {unit} falls inside a surrogate pair")
        return unit - k


def check_record(record: dict[str, Any]) -> None:
    """Raise :class:`ExportValidationError` unless every span of ``record`` is exact.

    Exact: ``0 <= start < end <= len(text)`` (inside the article: a span cannot cross
    into another article's text) and ``text[start:end]`` equals the span's ``text``.
    """
    text = record["text"]
    n = len(text)
    for span in record["spans"]:
        s, e = span["start"], span["end"]
        if not 0 <= s < e <= n:
            raise ExportValidationError(
                record["id"],
                msg(
                    "span [{start}, {end}) {label} lies outside the article (0..{length})",
                    start=s,
                    end=e,
                    label=span["label"],
                    length=n,
                ),
            )
        if text[s:e] != span["text"]:
            raise ExportValidationError(
                record["id"],
                msg(
                    "span [{start}, {end}) {label} reads {got}, not {wanted}",
                    start=s,
                    end=e,
                    label=span["label"],
                    got=repr(text[s:e]),
                    wanted=repr(span["text"]),
                ),
            )


def check_utf16(record_id: str, text: str, conv: Utf16, s: int, e: int, us: int, ue: int) -> None:
    """Check that UTF-16 offsets ``[us, ue)`` give the same characters as ``[s, e)``."""
    if conv.identity:
        return
    wanted = text[s:e].encode("utf-16-le")
    got = conv.encoded(text)[2 * us : 2 * ue]  # the text is encoded once, not per span
    if got != wanted:
        raise ExportValidationError(
            record_id,
            msg(
                "UTF-16 offsets [{us}, {ue}) do not give [{start}, {end})",
                us=us,
                ue=ue,
                start=s,
                end=e,
            ),
        )


def json_lines(path: str | os.PathLike[str]) -> Iterator[tuple[str, Any]]:
    """``(where, item)`` for each non-blank line of a JSONL file; ImportFormatError when
    the file cannot be read or a line is not JSON."""
    name = os.fspath(path)
    try:
        with open(path, encoding="utf-8-sig") as f:
            for n, raw in enumerate(f, start=1):
                if not raw.strip():
                    continue
                try:
                    item = json.loads(raw)
                except ValueError as e:
                    raise ImportFormatError(f"{name}:{n}: not JSON ({e})") from None
                yield f"{name}:{n}", item
    except UnicodeDecodeError as e:
        raise ImportFormatError(f"{name}: not UTF-8 ({e})") from None
    except OSError as e:
        raise ImportFormatError(f"{name}: {e.strerror or e}") from None


# ---------------------------------------------------------------------------- writing


def emit_lines(
    lines: Iterable[str], progress: Progress | None = None
) -> Callable[[Callable[[str], Any]], int]:
    """An ``emit`` for :func:`write_text`: one line per item, counting items."""

    def emit(write: Callable[[str], Any]) -> int:
        n = 0
        for line in lines:
            write(line)
            n += 1
            if progress is not None and progress(n) is False:
                raise ExportCancelled(n)
        return n

    return emit


def write_text(target: PathOrStream, emit: Callable[[Callable[[str], Any]], int]) -> int:
    """Write UTF-8 text to a path (atomically) or a stream; ``emit(write)`` returns a count."""
    return _write(target, emit)


def write_bytes(target: PathOrStream, data: bytes) -> None:
    """Write bytes to a path atomically, or to a binary stream (stdout's buffer)."""
    if hasattr(target, "write"):
        # A text stream (stdout) writes bytes through its buffer; a binary stream directly.
        stream = cast(IO[bytes], getattr(target, "buffer", target))
        try:
            stream.write(data)
            stream.flush()
        except OSError as e:
            raise ExportError(str(getattr(target, "name", "<stream>")), os_reason(e)) from e
        return
    path = Path(os.fspath(target))
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
        _fsync_directory(path.parent)
    except OSError as e:
        raise ExportError(path, os_reason(e)) from e
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


@contextlib.contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """A temporary folder next to ``target`` that replaces it when the block succeeds.

    On any error the temporary folder is removed and an existing ``target`` is untouched;
    on success the old folder (if any) is swapped out and deleted. A ``target`` that is a
    file, or a folder holding files we did not write, is refused rather than deleted.
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise ExportError(target, msg("exists and is not a folder; choose a folder name"))
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise ExportError(
            target, msg("is a folder that annotator did not write; choose a new or empty folder")
        )
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        temp.mkdir(parents=True)
        # Marks the folder as ours, so a later export may replace it as a whole.
        (temp / MARKER).write_text("written by annotator export\n", encoding="utf-8")
    except OSError as e:
        raise ExportError(target, os_reason(e)) from e
    try:
        yield temp
        sync_folder(temp)  # its files on disk before its name says they are the export
        _swap_in(temp, target)
    except OSError as e:
        raise ExportError(target, os_reason(e)) from e
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


def sync_folder(folder: Path) -> None:
    """Make the files written into ``folder`` durable, as a single file is fsynced before
    its rename: after a crash the swapped-in folder holds whole files, not empty ones.

    One ``syncfs(2)`` of the folder's file system on Linux, ``sync(2)`` on other POSIX
    systems: an fsync per file took ~1 ms each on a virtual disk (20 s for the 20,000 files
    of a BRAT export of 10,000 articles) where one flush took 0.5 s and no CPU of ours.
    Windows has neither, so there each file is flushed.
    """
    syncfs = _syncfs()
    if syncfs is not None:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    if hasattr(os, "sync"):
        os.sync()
        return
    for path in folder.rglob("*"):
        if path.is_file():
            fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _syncfs() -> Callable[[int], int] | None:
    """The C library's ``syncfs`` (Linux), or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return cast(Callable[[int], int], ctypes.CDLL(None, use_errno=True).syncfs)
    except (OSError, AttributeError):
        return None


def _swap_in(temp: Path, target: Path) -> None:
    if not target.exists():
        os.replace(temp, target)
        _fsync_directory(target.parent)
        return
    old = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
    os.replace(target, old)
    try:
        os.replace(temp, target)
    except OSError:
        os.replace(old, target)
        raise
    # The new name durable before the old files go: a crash leaves one of the two whole.
    _fsync_directory(target.parent)
    _remove_folder(old)


def _remove_folder(folder: Path) -> None:
    """Remove ``folder`` and all in it, quietly; the files directly in it are unlinked
    relative to a descriptor of it (a BRAT export holds two files an article, and
    ``shutil.rmtree`` looks each one up by its path and checks it first)."""
    if os.unlink in os.supports_dir_fd and os.scandir in os.supports_fd:
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                with os.scandir(fd) as entries:
                    for entry in entries:
                        if not entry.is_dir(follow_symlinks=False):
                            os.unlink(entry.name, dir_fd=fd)
            finally:
                os.close(fd)
    shutil.rmtree(folder, ignore_errors=True)  # what is left: sub-folders, the folder


def stdout() -> IO[str]:
    """Standard output (a function, so tests' captured streams are used)."""
    return sys.stdout
