"""BRAT standoff: a ``.txt`` and an ``.ann`` file per article, in one folder.

``<page_id>-<ordinal>.txt`` holds the clean article text; ``.ann`` one text-bound
annotation per span, ``T1<TAB>PER 27 30<TAB>邓群策``. A span whose text holds a line break
is written as fragments (``0 5;6 10``), as BRAT requires. Span attributes (a figure's
value and unit) go in an ``AnnotatorNotes`` line as JSON. ``annotation.conf`` lists the
labels, so the folder opens in BRAT as a collection. Offsets are code points, as the
BRAT server (Python) reads them.

The folder is built under a temporary name, flushed to disk and swapped in whole, so a
failed export (or a crash) leaves the previous one as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any

from annotator.formats.base import (
    MARKER,
    ExportCancelled,
    ExportError,
    Imported,
    ImportFormatError,
    Progress,
    atomic_folder,
)
from annotator.messages import msg

_LABEL = itemgetter("label")
_ATTRS = methodcaller("get", "attrs")
_UNSAFE = re.compile(r"[^\w.~-]", re.UNICODE)
_TEXT_BOUND = re.compile(r"^T\d+\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t", re.UNICODE)


def stem(record: dict[str, Any]) -> str:
    """File name stem of an article: its page id made safe for file names, and ordinal."""
    return f"{_UNSAFE.sub('_', record['page_id'])}-{record['ordinal']}"


def ann(record: dict[str, Any]) -> str:
    """The ``.ann`` text of one article record."""
    text = record["text"]
    spans = record["spans"]
    if not any(map(_ATTRS, spans)):
        # The usual article: one line per span, in one pass. A line break inside a span
        # (or a label) makes more line breaks than lines: such an article takes the way
        # below, which writes fragments, and gives the same text for the other lines.
        plain = "".join(
            [f"T{k}\t{s['label']} {s['start']} {s['end']}\t{text[s['start'] : s['end']]}\n"
             for k, s in enumerate(spans, start=1)]
        )  # fmt: skip
        if plain.count("\n") == len(spans):
            return plain
    return _ann(text, spans)


def _ann(text: str, spans: list[dict[str, Any]]) -> str:
    lines = []
    notes = 0
    for k, span in enumerate(spans, start=1):
        start, end = span["start"], span["end"]
        if text.find("\n", start, end) < 0:  # the usual span: one fragment, no joins
            lines.append(f"T{k}\t{span['label']} {start} {end}\t{text[start:end]}\n")
        else:
            fragments = _fragments(text, start, end)
            where = ";".join(f"{s} {e}" for s, e in fragments)
            shown = " ".join(text[s:e] for s, e in fragments)
            lines.append(f"T{k}\t{span['label']} {where}\t{shown}\n")
        if span.get("attrs"):
            notes += 1
            value = json.dumps(span["attrs"], ensure_ascii=False, sort_keys=True)
            lines.append(f"#{notes}\tAnnotatorNotes T{k}\t{value}\n")
    return "".join(lines)


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if text.find("\n", start, end) < 0:
        return [(start, end)]  # the usual span: one fragment
    out = []
    s = start
    for i in range(start, end):
        if text[i] == "\n":
            if i > s:
                out.append((s, i))
            s = i + 1
    if end > s:
        out.append((s, end))
    return out


def annotation_conf(labels: Iterable[str]) -> str:
    return (
        "[entities]\n"
        + "".join(f"{x}\n" for x in labels)
        + "\n[relations]\n\n[events]\n\n[attributes]\n"
    )


def write(
    records: Iterable[dict[str, Any]],
    target: Any,
    progress: Progress | None = None,
    labels: Iterable[str] = (),
    **_: Any,
) -> int:
    """Write the folder ``target``; returns the number of articles."""
    if hasattr(target, "write"):
        raise ExportError("-", msg("the brat format writes a folder; give --output FOLDER"))
    n = 0
    seen_labels = dict.fromkeys(labels)
    with atomic_folder(Path(os.fspath(target))) as folder, _files_in(folder) as write_file:
        for record in records:
            name = stem(record)
            write_file(name + ".txt", record["text"])
            write_file(name + ".ann", ann(record))
            seen_labels.update(dict.fromkeys(map(_LABEL, record["spans"])))
            n += 1
            if progress is not None and progress(n) is False:
                raise ExportCancelled(n)
        _write_file(folder / "annotation.conf", annotation_conf(seen_labels))
    return n


@contextlib.contextmanager
def _files_in(folder: Path) -> Iterator[Callable[[str, str], None]]:
    """``write_file(name, text)`` for the files of ``folder``: opened relative to a
    descriptor of the folder where the system allows it (no walk of the folder's path per
    file, and an export writes two files per article), by their path otherwise."""
    if os.open not in os.supports_dir_fd:
        base = os.path.join(folder, "")
        yield lambda name, text: _write_file(base + name, text)
        return
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        yield lambda name, text: _write_file(name, text, dir_fd)
    finally:
        os.close(dir_fd)


def _write_file(path: str | Path, text: str, dir_fd: int | None = None) -> None:
    # The text's own line breaks, byte for byte, so offsets stay right; straight to the
    # file descriptor, because an export writes two files per article.
    data = text.encode("utf-8")
    fd = os.open(path, _CREATE, 0o666, dir_fd=dir_fd)
    try:
        while data:
            data = data[os.write(fd, data) :]
    finally:
        os.close(fd)


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def read(path: str | os.PathLike[str], **_: Any) -> Iterator[Imported]:
    """Documents of a BRAT folder (or one ``.ann`` file beside its ``.txt``)."""
    root = Path(os.fspath(path))
    anns = sorted(root.glob("*.ann")) if root.is_dir() else [root]
    if root.is_dir() and not anns and not (root / MARKER).exists():  # ours may hold none
        raise ImportFormatError(f"{root}: no .ann files in the folder")
    for ann_path in anns:
        yield _document(ann_path)


def _document(ann_path: Path) -> Imported:
    txt = ann_path.with_suffix(".txt")
    try:
        with open(txt, encoding="utf-8-sig", newline="") as f:  # no newline translation
            text = f.read()
        # Lines end at \n (read_text turns \r\n and \r into it): splitlines() also cut
        # at a form feed, U+0085 or U+2028 inside an annotation's text, as a page keeps them.
        lines = ann_path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError) as e:
        raise ImportFormatError(f"{ann_path}: cannot read it or its .txt ({e})") from None
    page_id, _, ordinal = ann_path.stem.rpartition("-")
    doc = Imported(
        text, [], str(ann_path), page_id or None, int(ordinal) if ordinal.isdigit() else None
    )
    by_id: dict[str, tuple[int, int, str]] = {}
    for n, raw in enumerate(lines, start=1):
        if raw.startswith("#"):
            _note(doc, by_id, raw)
        if not raw.startswith("T"):
            continue
        m = _TEXT_BOUND.match(raw)
        if m is None:
            doc.problems.append(f"line {n} is not a text-bound annotation: {raw!r}")
            continue
        numbers = [int(x) for x in re.split(r"[ ;]", m.group(2))]
        name = raw.split("\t", 1)[0]
        problem = _fragments_problem(text, numbers, raw[m.end() :])
        if problem is not None:
            doc.problems.append(f"line {n}: {name} {m.group(1)} {m.group(2)}: {problem}")
            continue
        by_id[name] = key = (min(numbers), max(numbers), m.group(1))
        doc.spans.append(key)
    return doc


def _fragments_problem(text: str, numbers: list[int], shown: str) -> str | None:
    """Why a text-bound annotation cannot be placed as one span, or None.

    Its fragments must be parted by line breaks or spaces only (as our export writes a span
    across a line break): fragments with words between them are a discontinuous entity,
    which one span would fill in. And the annotation's text must be what the ``.txt`` holds
    there: text that differs means offsets counted on another text (another version of the
    file, CRLF line ends), and the span was placed on whatever stood at those offsets."""
    pairs = list(zip(numbers[::2], numbers[1::2], strict=True))
    if any(not 0 <= a < b <= len(text) for a, b in pairs):
        return f"outside the text (0..{len(text)})"
    for (_, end), (start, _) in zip(pairs, pairs[1:], strict=False):
        if start < end or text[end:start].strip():
            return (
                "a discontinuous annotation (words between its fragments): one span cannot "
                "hold it; split it into one annotation per fragment"
            )
    got = " ".join(text[a:b] for a, b in pairs)
    if shown.rstrip("\r") != got:
        return (
            f"the .txt reads {got!r} there, not {shown!r}: were the offsets counted on "
            "another text?"
        )
    return None


def _note(doc: Imported, by_id: dict[str, tuple[int, int, str]], raw: str) -> None:
    """An ``AnnotatorNotes`` line holding our span attributes as JSON (others are kept out)."""
    parts = raw.split("\t")
    if len(parts) != 3 or not parts[1].startswith("AnnotatorNotes "):
        return
    key = by_id.get(parts[1].split(" ", 1)[1])
    try:
        value = json.loads(parts[2])
    except ValueError:
        return  # a free-text note written in BRAT
    if key is not None and isinstance(value, dict):
        doc.attrs[key] = value
