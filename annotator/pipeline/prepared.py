"""One page file read, hashed, decoded, pre-split and pre-annotated, ready to store
(:func:`prepare`, pure: no database), and the settings every file of an import shares.
"""

from __future__ import annotations

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
from annotator.suggest import Gazetteer, suggestion_tuples


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
    try:
        size = path.stat().st_size
        if size > max_bytes:  # a database is big: say what it is, not only that
            with path.open("rb") as f:
                refuse_database(path, f.read(len(SQLITE_HEADER)))
        check_page_size(path, size, max_bytes)  # before reading 50 MB
        data = path.read_bytes()
        refuse_database(path, data)
    except OSError as exc:
        return Prepared(path, refusal=unreadable_reason(exc))
    except ImportRefused as exc:
        return Prepared(
            path, refusal=msg("{reason}; {advice}", reason=exc.reason, advice=exc.advice)
        )
    sha256 = sha256_of(data)
    if sha256 in known:
        return Prepared(path, sha256)
    try:
        text = decode_page_bytes(data, str(path))
    except ImportRefused as exc:
        return Prepared(path, sha256, refusal=exc.reason)
    blocks = presplit(text, paper, structure)
    chosen = (
        suggestion_tuples(text, gazetteer=gazetteer, blocks=blocks, tagger=tagger)
        if suggest
        else []
    )
    encoded = encode_page_values(blocks, suggestion_values(chosen))
    return Prepared(path, sha256, text, encoded, paper=paper)
