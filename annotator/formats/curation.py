"""Turning reviewed pages into datasets: splits by page, duplicate articles, label filters.

Pure functions over page ids and Gold JSONL v1 records; the store selects the pages
(:meth:`annotator.store.Store.export_page_ids`) and :mod:`annotator.exporting` strings
it all together.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

SPLIT_NAMES: tuple[str, ...] = ("train", "dev", "test")


def parse_ratios(text: str) -> tuple[float, ...]:
    """``"0.8,0.1,0.1"`` as ratios; ValueError saying what is wrong."""
    try:
        ratios = tuple(float(x) for x in text.split(","))
    except ValueError:
        raise ValueError(f"--split {text!r}: give three numbers such as 0.8,0.1,0.1") from None
    if len(ratios) != len(SPLIT_NAMES) or any(r < 0 for r in ratios):
        raise ValueError(f"--split {text!r}: give three numbers >= 0 such as 0.8,0.1,0.1")
    total = sum(ratios)
    if abs(total - 1.0) > 1e-6:
        raise ValueError(f"--split {text!r}: the ratios add up to {total:g}, not 1")
    return ratios


def _rank(seed: int, page_id: str) -> bytes:
    return hashlib.sha256(f"{seed}\x00{page_id}".encode()).digest()


def split_pages(
    page_ids: Sequence[str], ratios: Sequence[float], seed: int
) -> dict[str, list[str]]:
    """Pages per split (train, dev, test), each page in exactly one split.

    Pages are ordered by a hash of the seed and their id, so the split depends on the seed
    and the set of pages, never on import order; the counts follow the ratios by largest
    remainder (16/2/2 for 20 pages at 0.8/0.1/0.1). Each split keeps page order.
    """
    n = len(page_ids)
    exact = [r * n for r in ratios]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(ratios)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: n - sum(counts)]:
        counts[i] += 1
    ranked = sorted(page_ids, key=lambda p: _rank(seed, p))
    position = {p: i for i, p in enumerate(page_ids)}
    out: dict[str, list[str]] = {}
    start = 0
    for name, count in zip(SPLIT_NAMES, counts, strict=True):
        out[name] = sorted(ranked[start : start + count], key=position.__getitem__)
        start += count
    return out


# Everything but letters and digits (spaces, punctuation, symbols), in one C-level pass.
# One character a match, not runs: Chinese punctuation comes one mark at a time, and
# ``[\W_]+`` tried to extend every match (a fifth slower on news text).
_NOT_WORD = re.compile(r"[\W_]")


def normalise(text: str) -> str:
    """Text as compared for duplicates: NFKC, case folded, without spaces and punctuation."""
    kept = _NOT_WORD.sub("", text)
    # Most Chinese text is NFKC already once its full-width punctuation is gone; the quick
    # check spares the normalisation (export reports duplicates of every article).
    if not unicodedata.is_normalized("NFKC", kept):
        kept = _NOT_WORD.sub("", unicodedata.normalize("NFKC", kept))
    return kept.casefold()


class Duplicates:
    """Finds articles whose normalised text was seen before, across every split."""

    def __init__(self) -> None:
        self._seen: dict[bytes, str] = {}
        self.found: list[tuple[str, str]] = []  # (duplicate id, id of the first one)

    def first_of(self, record: dict[str, Any]) -> str | None:
        """The id of an earlier article with the same text, or None (and remember this one)."""
        key = normalise(record["text"])
        if not key:
            return None
        digest = hashlib.blake2b(key.encode(), digest_size=16).digest()
        first = self._seen.setdefault(digest, record["id"])
        if first == record["id"]:
            return None
        self.found.append((record["id"], first))
        return first

    def filter(self, records: Iterable[dict[str, Any]], drop: bool) -> Iterator[dict[str, Any]]:
        """Pass records on, recording duplicates; without the later copies when ``drop``."""
        for record in records:
            if self.first_of(record) is None or not drop:
                yield record


def keep_labels(records: Iterable[dict[str, Any]], labels: set[str]) -> Iterator[dict[str, Any]]:
    """Records with only the spans of ``labels``."""
    for record in records:
        spans = [s for s in record["spans"] if s["label"] in labels]
        yield record if len(spans) == len(record["spans"]) else {**record, "spans": spans}
