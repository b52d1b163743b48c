"""Gold JSONL v1, the export contract of design.md: records, writers and a checking reader.

One record per article of a page, keys in the contract's order::

    id, page_id, source, ordinal, status, text, blocks, spans, reviewer, updated_at

``text`` is the clean article text (:mod:`annotator.text`); ``blocks`` are its paragraphs
(a block joined to the previous one is merged into it) and ``spans`` its accepted spans,
both with code-point offsets into ``text`` and into the page. ``text[start:end]`` equals a
span's ``text`` always: a span that cannot be mapped exactly (it covers removed markdown,
crosses a paragraph break or an article edge) is left out *and reported* as an
:class:`ExportWarning`, never silently dropped or shifted. Open suggestions met on a page are
not gold and not exported either; they are counted per page for the caller to report.

Writing to a path is atomic: a temporary file next to the target, fsync, ``os.replace``.
A failure or a cancellation leaves an existing target untouched and no temporary behind;
temporaries of exports killed outright are removed by the next export to the same target.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import glob
import io
import json
import math
import os
import re
import secrets
import shutil
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter, itemgetter, le, lt
from pathlib import Path
from typing import IO, Any

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be removed, which protects it already
    fcntl = None  # type: ignore[assignment]

from annotator.formats import fastjson
from annotator.messages import msg
from annotator.model import PAGE_STATUSES, ROLES, SPAN_ORIGINS, AnyBlock, Block, Page, Span
from annotator.text import ArticleText, derive_articles, removed_ranges

__all__ = [
    "BLOCK_KEYS",
    "RECORD_KEYS",
    "SPAN_KEYS",
    "ExportCancelled",
    "ExportError",
    "ExportWarning",
    "GoldFormatError",
    "Progress",
    "article_records",
    "export_records",
    "export_row_records",
    "export_text_records",
    "row_records",
    "read_jsonl",
    "validate_record",
    "write_json",
    "write_jsonl",
]

# The record's keys, in order; the fast writer's templates are made for exactly these.
RECORD_KEYS, BLOCK_KEYS, SPAN_KEYS = fastjson.RECORD_KEYS, fastjson.BLOCK_KEYS, fastjson.SPAN_KEYS
#: The keys of a *text record* (:func:`export_text_records`): what the formats that write
#: an article's text and spans read (BIO, spaCy, BRAT, Label Studio, doccano), a subset of
#: the Gold record's keys with the same values.
TEXT_RECORD_KEYS = ("id", "page_id", "source", "ordinal", "text", "spans")
TEXT_SPAN_KEYS = ("start", "end", "label", "text", "attrs")

_POSITION = attrgetter("start", "end")
_ROW_ORDER = itemgetter(1, 2, 3)
_ROW_START = itemgetter(1)

_SPAN_ORDER = itemgetter("start", "end", "label")

#: Called after each record with the number written; returning ``False`` cancels.
Progress = Callable[[int], Any]
PathOrStream = str | os.PathLike | IO[str] | IO[bytes]


@dataclass(frozen=True)
class ExportWarning:
    """An accepted span that could not be exported, and why (for the CLI to print)."""

    page_id: str
    span: Span
    reason: str
    text: str = ""

    def __str__(self) -> str:
        s = self.span
        return f"{self.page_id}: {s.label} [{s.start}, {s.end}) {self.text!r} not exported: {self.reason}"


class ExportError(Exception):
    """Writing an export failed; names the file.

    Its text is a core message (``annotator.messages``): the window shows it translated,
    with the file named, when ``reason`` is a message too (:func:`os_reason` makes one of
    an OS error).
    """

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(msg("{path}: {reason}", path=os.fspath(path), reason=reason))
        self.path = os.fspath(path)
        self.reason = reason


def os_reason(error: OSError) -> str:
    """Why a file or folder could not be written, and what to do, as a core message."""
    code = error.errno
    if code in (errno.EACCES, errno.EPERM):
        return msg("permission denied; choose a folder you can write to")
    if code == errno.ENOSPC:
        return msg("the disk is full; free some space or choose another disk")
    if code == errno.ENOENT:
        return msg("the folder does not exist; choose an existing folder")
    if code == errno.EROFS:
        return msg("the disk is read-only; choose another folder")
    if code == errno.EISDIR:
        return msg("is a folder; give a file name")
    return msg("cannot be written ({error})", error=error.strerror or str(error))


class ExportCancelled(Exception):
    """The progress callback asked to stop; ``done`` records had been serialised."""

    def __init__(self, done: int) -> None:
        super().__init__(f"export cancelled after {done} records")
        self.done = done


class GoldFormatError(ValueError):
    """A file does not follow Gold JSONL v1; names the file and the line."""

    def __init__(self, path: str | os.PathLike[str], line: int, reason: str) -> None:
        super().__init__(f"{os.fspath(path)}:{line}: {reason}")
        self.path = os.fspath(path)
        self.line = line
        self.reason = reason


# ---------------------------------------------------------------------------- records


#: A gold span as export reads it: ``(page_id, start, end, label, origin, attrs, id)`` with
#: page offsets; ``attrs`` is a dict or its JSON text (as stored). Plain tuples straight
#: from SQLite, because export reads ~15 spans per article and a frozen dataclass per span
#: cost a third of its time. Every row is exported (the read keeps accepted spans only).
SpanRow = tuple[str, int, int, str, str, Any, "int | None"]
#: What formats of text and spans need of a gold span: ``(page_id, start, end, label,
#: attrs)`` (``Store.export_pages(text_only=True)``).
TextRow = tuple[str, int, int, str, Any]


def article_records(
    page: Page,
    blocks: Sequence[Block],
    spans: Iterable[Span],
    warnings: list[ExportWarning] | None = None,
    open_counts: dict[str, int] | None = None,
) -> list[dict[str, Any]]:
    """Gold JSONL v1 records of one page, one per article, in order of first block.

    Pass a list as ``warnings`` to collect the accepted spans that could not be exported,
    and a dict as ``open_counts`` to count the open suggestions among ``spans`` by page id.
    Raises ValueError if blocks overlap or lie outside the page text.
    """
    rows = []
    open_count = 0
    for s in spans:
        if s.status == "accepted":
            rows.append((page.id, s.start, s.end, s.label, s.origin, s.attrs, s.id))
        else:
            open_count += s.status == "suggested"
    if open_count and open_counts is not None:
        open_counts[page.id] = open_counts.get(page.id, 0) + open_count
    return row_records(page, blocks, rows, warnings)


def row_records(
    page: Page,
    blocks: Sequence[AnyBlock],
    rows: Sequence[SpanRow] | Sequence[TextRow],
    warnings: list[Any] | None = None,
    text_only: bool = False,
) -> list[dict[str, Any]]:
    """:func:`article_records` of gold spans given as :data:`SpanRow` tuples (the fast path).

    Rows in order of start (as the store reads them) are placed in one sweep; any order
    is placed right. ``text_only`` makes text records (:data:`TEXT_RECORD_KEYS`) of
    :data:`TextRow` tuples, and puts the rows it cannot place in ``warnings``.
    """
    try:
        derived = derive_articles(page.text, blocks)
    except ValueError as e:
        raise ValueError(f"page {page.id}: {e}") from None
    articles = list(derived.values())
    placed = (
        _place(page, blocks, articles, rows, warnings, text_only)
        if rows
        else [[] for _ in articles]
    )
    # Rows in order of (start, end, label) give each article's spans in order (the clean
    # text keeps the page's order); only rows in another order need the sort.
    # (Starts that rise, as they nearly always do, say so without a key tuple per row.)
    in_order = all(map(lt, map(_ROW_START, rows), map(_ROW_START, rows[1:]))) or all(
        map(le, map(_ROW_ORDER, rows), map(_ROW_ORDER, rows[1:]))
    )
    records = []
    make = _text_record if text_only else _record
    for n, (article, items) in enumerate(zip(articles, placed, strict=True), start=1):
        if not in_order and len(items) > 1:
            items.sort(key=_SPAN_ORDER)
        records.append(make(page, n, article, items))
    return records


def _runs(articles: list[ArticleText]) -> list[tuple[int, int, int, int]]:
    """Every article's kept runs as ``(page_start, page_end, page_start - article_start,
    article index)``, in page order (articles do not overlap in the page)."""
    runs = []
    for k, article in enumerate(articles):
        for art_start, page_start, length in article.segments:
            runs.append((page_start, page_start + length, page_start - art_start, k))
    runs.sort()
    return runs


def _place(
    page: Page,
    blocks: Sequence[AnyBlock],
    articles: list[ArticleText],
    rows: Sequence[Any],
    warnings: list[Any] | None,
    text_only: bool = False,
) -> list[list[dict[str, Any]]]:
    """Span items per article (:data:`TEXT_SPAN_KEYS` only when ``text_only``).

    One sweep over the page's kept runs for spans that come in order of start (the usual
    case, no search per span); a span inside one run is placed on the spot, any other by
    the article's own map (a span across a soft line break), or reported.
    """
    placed: list[list[dict[str, Any]]] = [[] for _ in articles]
    texts = [article.text for article in articles]
    runs = _runs(articles)
    if not runs:
        runs = [(0, 0, 0, 0)]  # no article text: every span is reported below
    i, last = 0, len(runs) - 1
    run_start, run_end, delta, k = runs[0]
    for row in rows:
        start, end = row[1], row[2]
        if start < run_start and i:  # out of order: find the run again
            i = max(bisect_right(runs, (start, _AFTER)) - 1, 0)
            run_start, run_end, delta, k = runs[i]
        while start >= run_end and i < last:
            i += 1
            run_start, run_end, delta, k = runs[i]
        if run_start <= start < run_end and end <= run_end:
            a, b = start - delta, end - delta  # the usual span: inside one run
        elif run_start <= start < run_end and (mapped := articles[k].span_to_article(start, end)):
            a, b = mapped
        else:
            if warnings is not None:
                # A TextRow cannot name the span whole: the caller reports it (see
                # export_text_records).
                warnings.append(row if text_only else _warning(page, blocks, row))
            continue
        if text_only:
            attrs = row[4]
            placed[k].append({
                "start": a,
                "end": b,
                "label": row[3],
                "text": texts[k][a:b],
                "attrs": {} if not attrs or attrs == "{}" else _gold_attrs(attrs, page, row),
            })  # fmt: skip
            continue
        attrs = row[5]
        # One dict per span, in the contract's key order (built inline: this loop runs for
        # every exported span).
        placed[k].append({
            "start": a,
            "end": b,
            "label": row[3],
            "text": texts[k][a:b],
            "page_start": start,
            "page_end": end,
            "origin": row[4],
            "attrs": {} if not attrs or attrs == "{}" else _gold_attrs(attrs, page, row),
        })  # fmt: skip
    return placed


_AFTER = float("inf")  # sorts after every run starting at the same place


def _gold_attrs(attrs: dict[str, Any] | str, page: Page, row: Any) -> dict[str, Any]:
    """A span's attributes as exported: a new dict, without what only describes a guess.

    A value JSON cannot hold (NaN, Infinity: a database from before edits refused them)
    is refused naming the page and span; writing it failed with a traceback."""
    if attrs.__class__ is str:
        known = _PARSED_ATTRS.get(attrs)
        if known is not None:
            return known.copy()
    return _parsed_gold_attrs(attrs, page, row)


def _parsed_gold_attrs(attrs: dict[str, Any] | str, page: Page, row: Any) -> dict[str, Any]:
    def refuse(constant: str) -> Any:
        raise ExportError(
            page.id,
            msg(
                "span [{start}, {end}) {label} has the attribute value {value}, which JSON "
                "cannot hold; correct it in the window (V) and export again",
                start=row[1],
                end=row[2],
                label=row[3],
                value=constant,
            ),
        )

    if isinstance(attrs, str):
        items = json.loads(attrs, parse_constant=refuse)
        gold = {k: v for k, v in items.items() if k not in MACHINE_ATTRS}
        if _PLAIN_VALUES.issuperset(map(type, gold.values())):
            if len(_PARSED_ATTRS) >= _PARSED_ATTRS_MAX:
                _PARSED_ATTRS.clear()
            _PARSED_ATTRS[attrs] = gold.copy()
        return gold
    else:
        items = attrs
        for value in items.values():
            if isinstance(value, float) and not math.isfinite(value):
                refuse(str(value))
    # a suggestion's confidence describes the machine's guess, not the entity
    return {k: v for k, v in items.items() if k not in MACHINE_ATTRS}


# The exported attributes of each attributes text met (a text repeats across spans: a year,
# a quantity): JSON parsing them anew was a sixth of an export. Only flat dicts of
# immutable values are kept, and each span gets its own copy.
_PARSED_ATTRS: dict[str, dict[str, Any]] = {}
_PARSED_ATTRS_MAX = 4096
_PLAIN_VALUES = frozenset({str, int, bool, type(None)})


def _warning(page: Page, blocks: Sequence[AnyBlock], row: SpanRow) -> ExportWarning:
    _, start, end, label, origin, attrs, span_id = row
    if isinstance(attrs, str):
        attrs = json.loads(attrs)
    span = Span(start, end, label, origin, "accepted", dict(attrs), span_id)
    reason = _unmapped_reason(page.text, sorted(blocks, key=_POSITION), span)
    return ExportWarning(page.id, span, reason, page.text[start:end])


def export_records(
    pages: Iterable[tuple[Page, Sequence[Block], Iterable[Span]]],
    warnings: list[ExportWarning] | None = None,
    open_counts: dict[str, int] | None = None,
) -> Iterator[dict[str, Any]]:
    """Records of many pages, lazily: feed it straight to a writer.

    A generator, so an export never holds all records in memory (which is also faster:
    large lists of dicts keep the garbage collector busy). ``warnings`` fills up as the
    writer consumes the records; read it after writing.
    """
    for page, blocks, spans in pages:
        yield from article_records(page, blocks, spans, warnings, open_counts)


def export_row_records(
    pages: Iterable[tuple[Page, Sequence[AnyBlock], Sequence[SpanRow]]],
    warnings: list[ExportWarning] | None = None,
) -> Iterator[dict[str, Any]]:
    """:func:`export_records` of pages whose gold spans are :data:`SpanRow` tuples
    (``Store.export_pages``), the fast path every export takes."""
    for page, blocks, rows in pages:
        yield from row_records(page, blocks, rows, warnings)


def export_text_records(
    pages: Iterable[tuple[Page, Sequence[AnyBlock], Sequence[TextRow]]],
    warnings: list[ExportWarning] | None = None,
    full_rows: Callable[[str], Sequence[SpanRow]] | None = None,
) -> Iterator[dict[str, Any]]:
    """:func:`export_row_records` narrowed to :data:`TEXT_RECORD_KEYS` (spans to
    :data:`TEXT_SPAN_KEYS`): the same values, without the paragraphs, page offsets, status
    and reviewer that formats of text and spans never write (a third less to build).

    Spans come as :data:`TextRow` tuples. A page with a span that cannot be exported is
    placed again from ``full_rows(page_id)`` (its :data:`SpanRow` tuples) to fill
    ``warnings`` with the same warnings :func:`export_row_records` gives.
    """
    for page, blocks, rows in pages:
        missed: list[Any] = []
        records = row_records(page, blocks, rows, missed, text_only=True)
        if missed and warnings is not None:
            if full_rows is None:
                raise ValueError("export_text_records needs full_rows to report warnings")
            row_records(page, blocks, full_rows(page.id), warnings)
        yield from records


# Span attributes that only describe a suggestion (the learnt model's confidence): kept in
# the database for ordering and evaluation, never exported as gold.
MACHINE_ATTRS = frozenset({"confidence"})


def _record(page: Page, n: int, article: ArticleText, spans: list[dict]) -> dict[str, Any]:
    return {
        "id": f"{page.id}#{n}",
        "page_id": page.id,
        "source": page.source,
        "ordinal": n,
        "status": page.status,
        "text": article.text,
        "blocks": [
            {
                "role": role,
                "start": start,
                "end": end,
                "page_start": page_start,
                "page_end": page_end,
            }
            for role, start, end, page_start, page_end in article.paragraphs
        ],
        "spans": spans,
        "reviewer": page.reviewer,
        "updated_at": page.updated_at,
    }


def _text_record(page: Page, n: int, article: ArticleText, spans: list[dict]) -> dict[str, Any]:
    return {
        "id": f"{page.id}#{n}",
        "page_id": page.id,
        "source": page.source,
        "ordinal": n,
        "text": article.text,
        "spans": spans,
    }


def _unmapped_reason(page_text: str, ordered: Sequence[AnyBlock], span: Span) -> str:
    """Why a span has no exact place in one article (slow path: only for warnings)."""
    s, e = span.start, span.end
    if not 0 <= s < e <= len(page_text):
        return f"empty or outside the page text (0..{len(page_text)})"
    touched = [b for b in ordered if b.start < e and s < b.end]
    if not touched:
        return "lies on no paragraph, only on the break between two"
    numbers = {b.article for b in touched if b.article is not None}
    if not numbers:
        return "lies outside every article"
    if len(numbers) > 1:
        return "crosses articles " + " and ".join(str(n) for n in sorted(numbers))
    number = numbers.pop()
    inside = [b for b in touched if b.article is not None]
    covered = sum(min(e, b.end) - max(s, b.start) for b in inside)
    if covered < e - s and (len(inside) < len(touched) or not _holds(inside, s, e)):
        return f"crosses the edge of article {number}"
    for b in touched:
        if any(rs < e and s < re_ for rs, re_ in removed_ranges(page_text, b.start, b.end)):
            return "covers markdown markup that the clean text removes"
    return "crosses a paragraph break"


def _holds(blocks: Sequence[AnyBlock], s: int, e: int) -> bool:
    """Whether the first and last character of ``[s, e)`` both lie in ``blocks``."""
    return any(b.start <= s < b.end for b in blocks) and any(b.start < e <= b.end for b in blocks)


# ---------------------------------------------------------------------------- writers


def _dumps(record: dict[str, Any]) -> str:
    # allow_nan=False: NaN/Infinity are not JSON and would break every strict reader.
    # The fixed record shape is written by hand (the same bytes, several times faster).
    return fastjson.gold_record(record)


def _emit_jsonl(
    write: Callable[[str], Any], records: Iterable[dict], progress: Progress | None
) -> int:
    n = 0
    lines = []
    for record in records:
        lines.append(_dumps(record))
        n += 1
        if progress is not None and progress(n) is False:
            raise ExportCancelled(n)
        if len(lines) == _CHUNK:
            write("\n".join(lines) + "\n")  # large writes: one per chunk of records
            lines = []
    if lines:
        write("\n".join(lines) + "\n")
    return n


_CHUNK = 256


def _emit_json(
    write: Callable[[str], Any], records: Iterable[dict], progress: Progress | None
) -> int:
    # One record per line inside the array, so the file stays diffable and greppable.
    n = 0
    write("[")
    for record in records:
        write((",\n" if n else "\n") + _dumps(record))
        n += 1
        if progress is not None and progress(n) is False:
            raise ExportCancelled(n)
    write("\n]\n" if n else "]\n")
    return n


def write_jsonl(
    records: Iterable[dict[str, Any]],
    path_or_stream: PathOrStream,
    progress: Progress | None = None,
) -> int:
    """Write records as JSON Lines (UTF-8, one record per line); returns the count.

    A path is written atomically. ``progress(n)`` returning ``False`` raises
    :class:`ExportCancelled`; a path is then left as it was (a stream keeps the whole
    lines already written). OS errors raise :class:`ExportError`.
    """
    return _write(path_or_stream, lambda w: _emit_jsonl(w, records, progress))


def write_json(
    records: Iterable[dict[str, Any]],
    path_or_stream: PathOrStream,
    progress: Progress | None = None,
) -> int:
    """Write the same records as one JSON array (UTF-8); otherwise as :func:`write_jsonl`."""
    return _write(path_or_stream, lambda w: _emit_json(w, records, progress))


def _write(target: PathOrStream, emit: Callable[[Callable[[str], Any]], int]) -> int:
    if hasattr(target, "write"):
        return _write_stream(target, emit)  # type: ignore[arg-type]
    return _write_atomic(Path(os.fspath(target)), emit)


def _write_stream(stream: IO[Any], emit: Callable[[Callable[[str], Any]], int]) -> int:
    name = str(getattr(stream, "name", "<stream>"))
    write = _utf8_writer(stream)
    try:
        return emit(write)
    except OSError as e:
        raise ExportError(name, os_reason(e)) from e


def _utf8_writer(stream: IO[Any]) -> Callable[[str], Any]:
    """A write function that always produces UTF-8 bytes, whatever the stream is."""
    if isinstance(stream, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(stream, "mode", ""):
        return lambda s: stream.write(s.encode("utf-8"))
    encoding = getattr(stream, "encoding", None) or "utf-8"
    buffer = getattr(stream, "buffer", None)
    if codecs.lookup(encoding).name != "utf-8" and buffer is not None:
        # e.g. stdout under a non-UTF-8 locale: the contract says UTF-8, so bypass it.
        stream.flush()
        return lambda s: buffer.write(s.encode("utf-8"))
    return stream.write


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new file next to ``target``, created with the umask like any other file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue


def _write_atomic(target: Path, emit: Callable[[Callable[[str], Any]], int]) -> int:
    temp: Path | None = None
    remove_stale_temps(target)
    try:
        fd, temp = _create_temp(target)
        _lock(fd)  # tells a later export that this temporary file is in use
        with open(fd, "w", encoding="utf-8", newline="\n", buffering=1 << 16) as f:
            n = emit(f.write)
            f.flush()
            os.fsync(f.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(target, temp)  # replacing keeps the file's permissions
        os.replace(temp, target)
        temp = None
        _fsync_directory(target.parent)
        return n
    except OSError as e:
        raise ExportError(target, os_reason(e)) from e
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _lock(fd: int) -> None:
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_stale_temps(target: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files that interrupted exports (``kill -9``, a power cut) left
    next to ``target``; returns those removed.

    A running export holds a lock on its temporary file (POSIX), or the file is open and
    cannot be removed (Windows): only files nobody holds are removed.
    """
    target = Path(os.fspath(target))
    removed = []
    with contextlib.suppress(OSError):
        for temp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            if _STALE_TEMP.fullmatch(temp.name[len(target.name) + 1 :]) and _unlink_unheld(temp):
                removed.append(temp)
    return removed


_STALE_TEMP = re.compile(r"\.[0-9a-f]{8}\.tmp")


def _unlink_unheld(temp: Path) -> bool:
    try:
        fd = os.open(temp, os.O_RDONLY)
    except OSError:
        return False
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # a running export holds it
        os.unlink(temp)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _fsync_directory(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; directories cannot be opened on Windows.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# ---------------------------------------------------------------------------- reader


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Records of a Gold JSONL v1 file, each checked; raises :class:`GoldFormatError`."""
    with open(path, "rb") as f:
        for line_no, raw in enumerate(f, start=1):
            try:
                record = json.loads(raw.decode("utf-8"))
                validate_record(record)
            except UnicodeDecodeError as e:
                raise GoldFormatError(path, line_no, f"not UTF-8 (byte {e.start})") from e
            except ValueError as e:  # json.JSONDecodeError is a ValueError too
                raise GoldFormatError(path, line_no, str(e)) from e
            yield record


def _expect(ok: bool, message: str) -> None:
    if not ok:
        raise ValueError(message)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate_record(record: Any) -> None:
    """Raise ValueError saying what is wrong if ``record`` breaks Gold JSONL v1."""
    _expect(isinstance(record, dict), "a record must be a JSON object")
    _expect(tuple(record) == RECORD_KEYS, f"keys {list(record)} differ from {list(RECORD_KEYS)}")
    for key in ("id", "page_id", "source", "status", "text", "updated_at"):
        _expect(isinstance(record[key], str), f"{key} must be a string")
    _expect(_is_int(record["ordinal"]) and record["ordinal"] >= 1, "ordinal must be an int >= 1")
    _expect(
        record["id"] == f"{record['page_id']}#{record['ordinal']}", "id is not <page_id>#<ordinal>"
    )
    _expect(record["status"] in PAGE_STATUSES, f"unknown status {record['status']!r}")
    _expect(record["reviewer"] is None or isinstance(record["reviewer"], str), "bad reviewer")
    _check_timestamp(record["updated_at"])
    _check_blocks(record["text"], record["blocks"])
    _check_spans(record["text"], record["spans"])


def _check_timestamp(value: str) -> None:
    try:
        # Python 3.10's fromisoformat does not take a trailing Z.
        datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    except ValueError:
        raise ValueError(f"updated_at {value!r} is not an ISO 8601 timestamp") from None


def _check_range(item: dict, text: str, what: str) -> None:
    for key in ("start", "end", "page_start", "page_end"):
        _expect(_is_int(item[key]) and item[key] >= 0, f"{what}: {key} must be an int >= 0")
    _expect(item["start"] <= item["end"] <= len(text), f"{what}: range outside the text")
    _expect(item["page_start"] <= item["page_end"], f"{what}: page range reversed")


def _check_blocks(text: str, blocks: Any) -> None:
    _expect(isinstance(blocks, list) and len(blocks) > 0, "blocks must be a non-empty list")
    expected_start = 0
    for i, block in enumerate(blocks):
        what = f"blocks[{i}]"
        _expect(isinstance(block, dict) and tuple(block) == BLOCK_KEYS, f"{what}: bad keys")
        _expect(block["role"] in ROLES, f"{what}: unknown role {block['role']!r}")
        _check_range(block, text, what)
        # Paragraphs tile the text, separated by exactly one line break.
        _expect(block["start"] == expected_start, f"{what}: does not follow the previous block")
        _expect(
            i == len(blocks) - 1 or text[block["end"] : block["end"] + 1] == "\n",
            f"{what}: not followed by a line break",
        )
        expected_start = block["end"] + 1
    _expect(blocks[-1]["end"] == len(text), "blocks do not cover the text")


def _check_spans(text: str, spans: Any) -> None:
    _expect(isinstance(spans, list), "spans must be a list")
    previous = None
    for i, span in enumerate(spans):
        what = f"spans[{i}]"
        _expect(isinstance(span, dict) and tuple(span) == SPAN_KEYS, f"{what}: bad keys")
        _check_range(span, text, what)
        _expect(span["start"] < span["end"], f"{what}: empty")
        _expect(isinstance(span["label"], str) and span["label"] != "", f"{what}: bad label")
        _expect(
            text[span["start"] : span["end"]] == span["text"],
            f"{what}: text[{span['start']}:{span['end']}] is "
            f"{text[span['start'] : span['end']]!r}, not {span['text']!r}",
        )
        # A label over a soft line break or a column join (陈\n润 → 陈润) is longer on the
        # page than in the clean text, whose offset map drops the break; never shorter.
        _expect(
            span["page_end"] - span["page_start"] >= span["end"] - span["start"],
            f"{what}: page range shorter than its text range",
        )
        _expect(span["origin"] in SPAN_ORIGINS, f"{what}: unknown origin {span['origin']!r}")
        _expect(isinstance(span["attrs"], dict), f"{what}: attrs must be an object")
        key = (span["start"], span["end"], span["label"])
        _expect(previous is None or previous <= key, f"{what}: spans not sorted")
        previous = key
