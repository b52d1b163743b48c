"""Reading page files: which files to import, how to decode them, which id they get.

Pure functions for the store (which does the storing, one transaction per file):

* :func:`discover` expands the paths given on the command line into page files;
* :func:`decode_page_bytes` turns a file's bytes into page text, or refuses the file with
  :class:`ImportRefused` saying why and what to do;
* :func:`sha256_of` and :func:`page_id_for` give the content hash and a unique page id.

Decoding accepts UTF-8 (a BOM is removed), UTF-16 and UTF-32 with a BOM, and GB18030 (a
superset of GBK and GB2312, common for Chinese text files) when the bytes are not UTF-8 and
the result looks like text. Line ends are normalised to ``\\n`` and nothing else changes:
the page text is immutable and every offset points into it.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotator.messages import msg

__all__ = [
    "MAX_PAGE_BYTES",
    "PAGE_SUFFIXES",
    "ImportRefused",
    "check_page_size",
    "refuse_database",
    "decode_page_bytes",
    "discover",
    "format_size",
    "page_id_for",
    "parse_size",
    "sha256_of",
    "unreadable_reason",
]

PAGE_SUFFIXES: frozenset[str] = frozenset({".txt", ".md"})

_ADVICE = msg("convert it to UTF-8 text and import again")

# BOMs, longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 and C1 controls other than tab, line feed, carriage return and form feed (pdftotext
# separates pages with form feeds, so they occur in real text files).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# What Chinese text in GB18030 decodes to: ASCII, general punctuation and symbols (“” — ■),
# CJK radicals, punctuation, kana and ideographs, compatibility ideographs, fullwidth forms
# and the supplementary ideograph planes. Private-use characters, which random high bytes
# decode to, are not in it.
_NOT_CHINESE_TEXT = re.compile(
    "[^\t\n\r\x0c\x20-\x7e\xa0-\xff\u2000-\u2bff\u2e80-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
# Share of characters outside that set above which a GB18030 decoding is not believed.
_MAX_FOREIGN_SHARE = 0.05
# Share of control characters above which valid UTF-8 is still taken for binary data.
_MAX_CONTROL_SHARE = 0.01


class ImportRefused(Exception):
    """A file that cannot be imported as a page; the message names it and says why."""

    def __init__(self, path: str | os.PathLike[str], reason: str, advice: str = _ADVICE) -> None:
        super().__init__(
            msg("{path}: {reason}; {advice}", path=os.fspath(path), reason=reason, advice=advice)
        )
        self.path = os.fspath(path)
        self.reason = reason
        self.advice = advice


def discover(
    paths: Iterable[str | os.PathLike[str]], errors: list[tuple[str, str]] | None = None
) -> list[Path]:
    """Page files under ``paths``: files as given, folders searched recursively.

    In folders only ``.txt`` and ``.md`` files (any letter case) are taken and hidden files
    and folders (name starting with ``.``) are skipped; a file named explicitly is always
    taken (it is refused later if it is not text). The result is sorted and each file
    appears once, however many arguments reach it. Raises FileNotFoundError for a path
    that does not exist, before anything is imported. A folder that cannot be read, or
    that holds no page file, is added to ``errors`` as ``(folder, reason)`` and the rest
    is still searched.
    """
    found: dict[str, Path] = {}
    for given in map(Path, paths):
        if given.is_dir():
            seen = False
            for path, identity in _walk(given, errors):
                found.setdefault(identity, path)
                seen = True
            if not seen and errors is not None:
                # "Imported 0 page(s)" alone hides a wrong folder, or pages saved as .html
                errors.append((str(given), _no_pages_reason(given)))
        elif given.exists() or given.is_symlink():
            # a broken or looping link is refused by name when read
            found.setdefault(_identity(given), given)
        else:
            raise FileNotFoundError(f"{given}: no such file or folder")
    return sorted(found.values())


def _identity(path: Path) -> str:
    """The file a path names, for finding the same file reached twice."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a symbolic link loop: it names no file
        return os.path.abspath(path)


def _walk(folder: Path, errors: list[tuple[str, str]] | None = None) -> Iterator[tuple[Path, str]]:
    """Page files under ``folder`` with their identity (see :func:`_identity`), in the
    order of ``os.walk`` (a folder's files, then each subfolder's, depth first).

    Links to folders are not followed, so a link loop cannot hang it. The identity of a
    file that is not a link is its folder's, resolved once per folder, and its name: a
    resolve per file cost more than the rest of finding it.
    """
    stack = [os.fspath(folder)]
    while stack:
        top = stack.pop()
        try:
            with os.scandir(top) as found:
                entries = list(found)
        except OSError as error:
            _unreadable_folder(error, top, errors)
            continue
        real_top = ""
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if _is_folder(entry):
                if not entry.is_symlink():
                    subfolders.append(entry.path)
            elif os.path.splitext(name)[1].lower() in PAGE_SUFFIXES:
                path = Path(entry.path)
                if entry.is_symlink():
                    yield path, _identity(path)
                    continue
                real_top = real_top or os.path.realpath(top)
                yield path, os.path.join(real_top, name)
        stack.extend(reversed(subfolders))


def _no_pages_reason(folder: Path) -> str:
    """Why a folder gave no page: empty, or which other kinds of file it holds."""
    kinds: set[str] = set()
    count = 0
    for _top, folders, names in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in names:
            if not name.startswith("."):
                count += 1
                kinds.add(os.path.splitext(name)[1].lower() or name)
    if not count:
        return msg("no .txt or .md files in it (it is empty)")
    shown = ", ".join(sorted(kinds)[:5]) + (", …" if len(kinds) > 5 else "")
    return msg(
        "no .txt or .md files in it (it holds {count} other file(s): {kinds})",
        count=count,
        kinds=shown,
    )


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # a link to a folder is one too (and is not entered)
    except OSError:
        return False


def _unreadable_folder(error: OSError, folder: str, errors: list[tuple[str, str]] | None) -> None:
    if errors is not None:
        reason = msg(
            "cannot read the folder ({error}); check its permissions",
            error=error.strerror or str(error),
        )
        errors.append((str(error.filename or folder), reason))


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of a file's bytes: the identity of its content."""
    return hashlib.sha256(data).hexdigest()


def page_id_for(path: str | os.PathLike[str], sha256: str, taken: Callable[[str], bool]) -> str:
    """Page id for a file: its stem, or ``<stem>~<first 8 hex of sha256>`` if that is taken.

    ``taken(page_id)`` must say whether a page with *different content* already holds the
    id (the same content is a re-import, which the store skips before asking). If even the
    suffixed id is taken, longer prefixes of the hash are tried, then a counter.
    """
    stem = Path(path).stem
    if not taken(stem):
        return stem
    for length in (8, 12, 16, 64):
        candidate = f"{stem}~{sha256[:length]}"
        if not taken(candidate):
            return candidate
    n = 2
    while taken(f"{stem}~{sha256[:8]}-{n}"):
        n += 1
    return f"{stem}~{sha256[:8]}-{n}"


def decode_page_bytes(data: bytes, name: str | os.PathLike[str]) -> str:
    """Page text of a file's bytes, line ends normalised to ``\\n``; or ImportRefused."""
    text = _decode(data, name)
    if not text:
        raise ImportRefused(name, msg("empty file"), msg("there is nothing to import"))
    if not text.strip():
        raise ImportRefused(
            name, msg("empty file (only white space)"), msg("there is nothing to import")
        )
    _refuse_binary(text, name)
    return _normalise_newlines(text)


def _decode(data: bytes, name: str | os.PathLike[str]) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding, name)
    if b"\x00" in data:
        reason = msg("not text (contains NUL bytes; binary, or UTF-16 without a byte-order mark)")
        raise ImportRefused(name, reason)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        return _decode_gb18030(data, name, e.start)


def _decode_strict(data: bytes, encoding: str, name: str | os.PathLike[str]) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        label = encoding.upper().removesuffix("-LE").removesuffix("-BE")
        reason = msg(
            "starts with a {encoding} byte-order mark but is not valid {encoding} (byte {byte})",
            encoding=label,
            byte=e.start,
        )
        raise ImportRefused(name, reason) from None


def _decode_gb18030(data: bytes, name: str | os.PathLike[str], utf8_error: int) -> str:
    """GB18030 text, only if strict decoding works and the result looks like Chinese text."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is None or _CONTROL.search(text) or not _looks_chinese(text):
        reason = msg(
            "not valid UTF-8 (byte {byte}) and not GB18030/GBK text either", byte=utf8_error
        )
        raise ImportRefused(name, reason)
    return text


def _looks_chinese(text: str) -> bool:
    foreign = len(_NOT_CHINESE_TEXT.findall(text))
    return foreign <= _MAX_FOREIGN_SHARE * len(text)


def _refuse_binary(text: str, name: str | os.PathLike[str]) -> None:
    if "\x00" in text:
        raise ImportRefused(name, msg("not text (contains NUL characters)"))
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise ImportRefused(name, msg("not text ({n} control characters)", n=controls))


def _normalise_newlines(text: str) -> str:
    # CRLF first, so that it becomes one LF and not two.
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- odd files (issue 8) ---------------------------------------------------------------

# A newspaper page is 10-40 kB of text; a file far bigger is a whole book or a dump, which
# would take minutes to split and a gigabyte to show. Raised with --max-page-size.
MAX_PAGE_BYTES = 2_000_000
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb|b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9}


def parse_size(text: str) -> int:
    """Bytes of a size such as ``2MB``, ``500k`` or ``3000000``; ValueError otherwise."""
    match = _SIZE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a size; write it as e.g. 2MB, 500KB or 3000000")
    return int(float(match.group(1)) * _UNITS[(match.group(2) or "").lower()])


def format_size(size: int) -> str:
    """A size for people: ``2 MB``, ``1.5 MB``, ``800 kB``."""
    if size >= 10**6:
        return f"{size / 10**6:.1f}".removesuffix(".0") + " MB"
    return f"{size / 1000:.0f} kB" if size >= 1000 else f"{size} bytes"


SQLITE_HEADER = b"SQLite format 3\x00"


def refuse_database(path: str | os.PathLike[str], head: bytes) -> None:
    """Refuse a database file given as a page (``annotator import gold.db`` for ``--db
    gold.db``), saying so: "not text (NUL bytes)" or "too large" did not say what it was."""
    if head.startswith(SQLITE_HEADER):
        raise ImportRefused(
            path,
            msg("an annotator (SQLite) database, not a page file"),
            msg(
                "to work on it, give it as the database: annotator import --db {path} PAGES...",
                path=os.fspath(path),
            ),
        )


def check_page_size(path: str | os.PathLike[str], size: int, limit: int) -> None:
    """Refuse a file bigger than ``limit`` bytes (ImportRefused naming both sizes)."""
    if size > limit:
        raise ImportRefused(
            path,
            msg(
                "too large for one page ({size}; the limit is {limit})",
                size=format_size(size),
                limit=format_size(limit),
            ),
            msg(
                "split it into page files, or raise the limit with annotator import --max-page-size"
            ),
        )


def unreadable_reason(error: OSError) -> str:
    """Why a page file cannot be read, for the refusal."""
    if error.errno == errno.ELOOP:
        return msg(
            "a symbolic link that points at itself (or a loop of links); fix or remove the link"
        )
    if error.errno == errno.ENOENT:
        return msg(
            "a broken symbolic link (what it points at does not exist); fix or remove the link"
        )
    return msg(
        "cannot read the file ({error}); check its permissions", error=error.strerror or str(error)
    )
