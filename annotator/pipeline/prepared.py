"""One page file read, hashed, decoded, pre-split and pre-annotated, ready to store
(:func:`prepare`, pure: no database), and the settings every file of an import shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.importing import (
    MAX_PAGE_BYTES,
    SQLITE_HEADER,
    ImportRefused,
    check_page_size,
    decode_page_bytes,
    refuse_database,
    sha256_of,
    unreadable_reason,
)
from annotator.messages import msg
from annotator.pipeline.learnt_models import presplit
from annotator.store import EncodedPage, encode_page_values, suggestion_values
from annotator.suggest import Gazetteer, suggestion_tuples_many


@dataclass
class Prepared:
    """One file read, hashed, decoded, pre-split and pre-annotated, ready to store; or why
    it cannot be (``refusal``); only read and hashed when its bytes are in the database
    already (the parent knows those hashes and skips it)."""

    path: Path
    sha256: str = ""
    text: str = ""
    encoded: EncodedPage | None = None  # its blocks and suggestions as the rows stored
    refusal: str | None = None
    paper: str = ""

    def wire(self) -> tuple[Any, ...]:
        """The fields as one tuple of strings and lists of row values, for the trip from a
        worker process: no path (the parent has it) and no dataclass to rebuild on arrival."""
        head = (self.sha256, self.text, self.refusal, self.paper)
        e = self.encoded
        if e is None:
            return head
        return (*head, e.block_values, e.span_values)

    @classmethod
    def from_wire(cls, path: Path, wire: tuple[Any, ...]) -> Prepared:
        sha256, text, refusal, paper, *rows = wire
        encoded = EncodedPage(*rows) if rows else None
        return cls(path, sha256, text, encoded, refusal, paper)


@dataclass
class _Settings:
    """What every file of one import is prepared with (sent once to each worker process)."""

    gazetteer: Gazetteer | None = None
    suggest: bool = True
    structure: bytes | None = None  # the newest structure model, if one was trained
    paper: str | None = None  # None: the name of each file's folder
    entities: bytes | None = None  # the newest entity tagger, if one was trained
    max_bytes: int = MAX_PAGE_BYTES  # bigger files are refused (--max-page-size)
    known: frozenset[str] = frozenset()  # content hashes of the pages already stored

    def paper_of(self, path: Path) -> str:
        if self.paper is not None:
            return self.paper
        try:
            return path.resolve().parent.name
        except (OSError, RuntimeError):  # a link loop: refused later, by name
            return path.absolute().parent.name


def prepare(
    path: Path,
    gazetteer: Gazetteer | None,
    suggest: bool,
    structure: bytes | None = None,
    paper: str = "",
    tagger: Any = None,
    max_bytes: int = MAX_PAGE_BYTES,
    known: frozenset[str] = frozenset(),
) -> Prepared:
    """Read, hash, decode, pre-split and pre-annotate one page file (pure: no database).

    The file is read and hashed once; when its hash is in ``known`` (a page holds these
    bytes already) nothing more is done. The blocks and suggestions are encoded here into
    the rows the store inserts (one way, whichever process prepares the page), so that
    worker processes do it in parallel. ``tagger`` is the learnt entity model, if any.
    """
    return prepare_many([(path, paper)], gazetteer, suggest, structure, tagger, max_bytes, known)[0]


def prepare_many(
    files: Sequence[tuple[Path, str]],
    gazetteer: Gazetteer | None,
    suggest: bool,
    structure: bytes | None = None,
    tagger: Any = None,
    max_bytes: int = MAX_PAGE_BYTES,
    known: frozenset[str] = frozenset(),
) -> list[Prepared]:
    """:func:`prepare` of each ``(path, paper)`` of ``files``, in order: each stage over
    all the pages before the next (the rules too, :func:`suggestion_tuples_many`), so that
    each finds its code and tables still in the CPU caches at the next page (an import
    worker's chunk)."""
    read = [_read(path, max_bytes, known, paper) for path, paper in files]
    todo = [p for p, decoded in read if decoded]
    try:
        _annotate(todo, gazetteer, suggest, structure, tagger)
    except Exception:  # a bug of the split or of a rule, on one page of the chunk
        for p in todo:  # find the page: the others import as they would alone
            _annotate_alone(p, gazetteer, suggest, structure, tagger)
    return [p for p, _ in read]


def _annotate(
    todo: list[Prepared],
    gazetteer: Gazetteer | None,
    suggest: bool,
    structure: bytes | None,
    tagger: Any,
) -> None:
    """Pre-split and pre-annotate the decoded pages ``todo``, each stage over all of them."""
    blocks = [presplit(p.text, p.paper, structure) for p in todo]
    texts = [p.text for p in todo]
    chosen = (
        suggestion_tuples_many(texts, blocks, gazetteer=gazetteer, tagger=tagger)
        if suggest
        else [[] for _ in todo]
    )
    for p, page_blocks, page_chosen in zip(todo, blocks, chosen, strict=True):
        p.encoded = encode_page_values(page_blocks, suggestion_values(page_chosen))


def _annotate_alone(
    p: Prepared,
    gazetteer: Gazetteer | None,
    suggest: bool,
    structure: bytes | None,
    tagger: Any,
) -> None:
    """:func:`_annotate` of one page; a page the split or the suggesters fail on is refused
    with the error and what to do (a rule's bug must not stop a team's import with a
    traceback, nor store a page without the pre-split it was promised)."""
    try:
        _annotate([p], gazetteer, suggest, structure, tagger)
    except Exception as exc:  # (any: see above)
        p.encoded = None
        p.refusal = msg(
            "the pre-split or the suggestions failed on this page ({error}); import it "
            "again with --no-suggest, and please report the page",
            error=f"{type(exc).__name__}: {exc}",
        )


def _read(path: Path, max_bytes: int, known: frozenset[str], paper: str) -> tuple[Prepared, bool]:
    """``path`` read, hashed and decoded (True: to split and suggest), or why it cannot be
    (its refusal), or only hashed when its bytes are ``known``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:  # a database is big: say what it is, not only that
            with path.open("rb") as f:
                refuse_database(path, f.read(len(SQLITE_HEADER)))
        check_page_size(path, size, max_bytes)  # before reading 50 MB
        data = path.read_bytes()
        refuse_database(path, data)
    except OSError as exc:
        return Prepared(path, refusal=unreadable_reason(exc)), False
    except ImportRefused as exc:
        reason = msg("{reason}; {advice}", reason=exc.reason, advice=exc.advice)
        return Prepared(path, refusal=reason), False
    sha256 = sha256_of(data)
    if sha256 in known:
        return Prepared(path, sha256), False
    try:
        text = decode_page_bytes(data, str(path))
    except ImportRefused as exc:
        return Prepared(path, sha256, refusal=exc.reason), False
    return Prepared(path, sha256, text, paper=paper), True
