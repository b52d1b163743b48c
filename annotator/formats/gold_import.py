"""Gold JSONL v1 back onto pages: the records of a page -> its blocks and spans (pure).

An exported record holds one article: its clean text, its paragraphs (``blocks``, each with
the page range of all its parts) and its accepted spans (with page offsets). Bringing such
records back onto the page they came from (``annotator import --format gold-jsonl``) needs
the page blocks again:

* a paragraph is one page block, or several joined ones (a paragraph that a column break
  cut in two; other articles' blocks or furniture may stand between the parts). The parts
  are found by matching the record's clean text: the paragraph's page range, less the other
  paragraphs inside it, is cut at line starts into the fewest parts whose clean text
  (:func:`annotator.text.derive_article`) is exactly the record's, or, when none is, also
  at runs of spaces inside a line (a paragraph split there and joined again lost the space);
  lines left between parts are page furniture;
* page text outside every record's paragraphs becomes furniture, one block per line;
* spans are taken as recorded (accepted), checked against the page text and to have their
  exact place in the article's clean text at the record's offsets.

Only records of done pages are gold: a record of a page that was new, in progress, skipped
or flagged (an export with ``--status all``) is refused, as applying it marks the page done.

A record whose text does not match the page at its offsets, or whose paragraphs overlap
another's, is refused with the reason; the caller refuses the whole page then.

Limit of the format: a record gives a paragraph one role, its first part's. Parts are
matched with that role's clean text, so a part joined under a role that treats line breaks
otherwise (a two-line headline or byline joined to a body paragraph, whose soft line breaks
the clean text drops) is not found, and its record is refused ("differs from the page").
Two articles whose cut paragraphs continue past each other (crossing page ranges) are
told apart by each paragraph's first and last lines and by the clean texts; parts that
still overlap are refused.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.formats.gold_jsonl import validate_record
from annotator.model import Block, Span
from annotator.split.paragraphs import lines
from annotator.text import ArticleText, SpanPlaces, derive_article, derive_articles


class RecordRefused(ValueError):
    """A record that cannot be applied to its page; says which line and why."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


@dataclass
class Located:
    """One record with where it was read from."""

    path: str
    line: int
    record: dict[str, Any]


@dataclass
class GoldFiles:
    """Records by page id, and the lines refused while reading (path, line, reason)."""

    pages: dict[str, list[Located]] = field(default_factory=dict)
    refused: list[tuple[str, int, str]] = field(default_factory=list)
    bad_pages: set[str] = field(default_factory=set)  # pages with a malformed record


def read_gold_files(paths: Iterable[str | os.PathLike[str]]) -> GoldFiles:
    """Read Gold JSONL files line by line; a malformed line is refused by file and line."""
    out = GoldFiles()
    for path in (os.fspath(p) for p in paths):
        try:
            with open(path, "rb") as handle:
                raw_lines = handle.read().split(b"\n")
        except OSError as exc:
            out.refused.append((path, 0, f"cannot read the file ({exc.strerror or exc})"))
            continue
        refused = len(out.refused)
        records = 0
        for number, raw in enumerate(raw_lines, start=1):
            if raw.strip():
                records += _read_line(out, path, number, raw)
        if not records and len(out.refused) - refused > 1:
            # Another format (BIO, a Label Studio array…): one line, not one per line.
            _, line, reason = out.refused[refused]
            del out.refused[refused:]
            out.refused.append((path, line, _NOT_GOLD.format(line=line, reason=reason)))
    return out


_NOT_GOLD = (
    "not Gold JSONL: no line of it is a Gold JSONL v1 record (line {line}: {reason}); "
    "nothing of this file was applied (another tool's export: --format labelstudio, "
    "doccano, brat, spacy-jsonl or jsonl)"
)


def _read_line(out: GoldFiles, path: str, number: int, raw: bytes) -> bool:
    """Read one line into ``out``; whether it held a valid record."""
    record: Any = None
    try:
        record = json.loads(raw.decode("utf-8"))
        validate_record(record)
    except UnicodeDecodeError as exc:
        out.refused.append((path, number, f"not UTF-8 (byte {exc.start})"))
        return False
    except ValueError as exc:  # json.JSONDecodeError is a ValueError too
        out.refused.append((path, number, str(exc)))
        if isinstance(record, dict) and isinstance(record.get("page_id"), str):
            out.bad_pages.add(record["page_id"])
        return False
    if record["status"] != "done":
        # Gold is what a reviewer finished: a record of a page still new (an export with
        # --status all) holds no accepted span, and applying it made the page done with no
        # entity at all and dropped its open suggestions; training then learnt "no entity".
        out.refused.append((path, number, _NOT_DONE.format(status=record["status"])))
        out.bad_pages.add(record["page_id"])
        return True
    out.pages.setdefault(record["page_id"], []).append(Located(path, number, record))
    return True


_NOT_DONE = (
    "the record's page is {status!r}, not done: only pages a reviewer marked done are gold "
    "(applied, it would mark the page done and drop its open suggestions); export again "
    "with --status done once the page is reviewed"
)


@dataclass(frozen=True)
class _Para:
    """A paragraph of a record: its article, role, page range and clean text."""

    article: int
    role: str
    start: int
    end: int
    text: str
    line: int


def _paragraphs(records: Sequence[Located]) -> list[_Para]:
    out = []
    for loc in records:
        r = loc.record
        for b in r["blocks"]:
            text = r["text"][b["start"] : b["end"]]
            out.append(
                _Para(r["ordinal"], b["role"], b["page_start"], b["page_end"], text, loc.line)
            )
    out.sort(key=lambda p: (p.start, -p.end))
    return out


def _inner(paras: list[_Para], p: _Para, text: str) -> list[tuple[int, int]]:
    """Ranges inside ``p`` that are not ``p``'s: the other paragraphs inside it, and the
    first or last line of a paragraph that crosses it.

    Two articles whose cut paragraphs continue past each other (A's first half, B's first
    half, A's second half, B's second half, as columns are read) give crossing page ranges.
    Each paragraph's first and last lines are its own; the lines between are told apart by
    the clean texts (:func:`_parts`), and :func:`page_gold` refuses parts that still
    overlap."""
    if not 0 <= p.start < p.end <= len(text):
        raise RecordRefused(
            p.line, f"paragraph page range [{p.start}, {p.end}) is outside the page"
        )
    out = []
    for q in paras:
        if q is p or q.end <= p.start or q.start >= p.end:
            continue
        if q.start == p.start:
            raise RecordRefused(
                p.line, f"paragraph at page offsets [{p.start}, {p.end}) overlaps another one"
            )
        if p.start < q.start and q.end <= p.end:
            out.append((q.start, q.end))
        elif p.start < q.start:  # q begins inside p and ends after it: its first line
            line_end = text.find("\n", q.start, p.end)
            out.append((q.start, p.end if line_end < 0 else line_end))
        elif q.end < p.end:  # q begins before p and ends inside it: its last line
            out.append((max(p.start, text.rfind("\n", 0, q.end) + 1), q.end))
        # (else q holds p: nothing of p's range is q's)
    return out


def _units(text: str, p: _Para, inner: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Lines of ``p``'s range outside the inner paragraphs: (start, end, segment number)."""
    bounds = [p.start]
    for s, e in sorted(inner):
        if s < bounds[-1]:  # (a crossing paragraph's line inside another's range)
            bounds[-1] = max(bounds[-1], e)
        else:
            bounds += [s, e]
    bounds.append(p.end)
    out = []
    for k in range(0, len(bounds), 2):
        out += [(s, e, k) for s, e in lines(text, bounds[k], bounds[k + 1])]
    return out


def _parts(text: str, p: _Para, units: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The fewest parts (runs of lines of one segment) whose joined clean text is ``p.text``.

    A paragraph a reviewer split inside a line and joined again lost the space at the cut
    (乙 / 甲乙 is 乙甲乙), which no cut at line starts gives back: only then are the lines cut
    at their inner runs of spaces too (at most ``_MAX_PIECES`` pieces: the search is
    quadratic in them, and a record of more is refused as before)."""
    found = _search_parts(text, p, units)
    if found is None:
        pieces = _pieces(text, units)
        if len(units) < len(pieces) <= _MAX_PIECES:
            found = _search_parts(text, p, pieces)
    if found is None:
        raise RecordRefused(
            p.line,
            f"the text of the paragraph at page offsets [{p.start}, {p.end}) differs from the "
            "page: is this the same page file?",
        )
    return found


_MAX_PIECES = 64
_INNER_SPACES = re.compile(r"(?<=\S)\s+(?=\S)")


def _search_parts(
    text: str, p: _Para, units: list[tuple[int, int, int]]
) -> list[tuple[int, int]] | None:
    if not units or units[0][0] != p.start:
        return None
    return _PartSearch(text, p, units).search(0, 0)


def _pieces(text: str, units: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The units cut at their inner runs of spaces, which belong to no piece (a line's
    opening and closing spaces stay with its first and last piece)."""
    out = []
    for s, e, segment in units:
        start = s
        for gap in _INNER_SPACES.finditer(text, s, e):
            out.append((start, gap.start(), segment))
            start = gap.end()
        out.append((start, e, segment))
    return out


class _PartSearch:
    """The depth-first search of :func:`_parts`, remembering clean texts and dead ends."""

    def __init__(self, text: str, p: _Para, units: list[tuple[int, int, int]]) -> None:
        self.text, self.p, self.units = text, p, units
        self.cache: dict[tuple[int, int], str] = {}
        self.failed: set[tuple[int, int]] = set()

    def clean(self, u: int, v: int) -> str:
        """The clean text of units ``u`` to ``v`` taken as one block."""
        if (u, v) not in self.cache:
            block = Block(self.units[u][0], self.units[v][1], self.p.role, 1)
            self.cache[(u, v)] = derive_article(self.text, [block]).text
        return self.cache[(u, v)]

    def search(self, u: int, pos: int) -> list[tuple[int, int]] | None:
        """Parts from unit ``u`` on that give ``p.text[pos:]``, or None."""
        units, p = self.units, self.p
        if (u, pos) in self.failed:
            return None
        for v in range(len(units) - 1, u - 1, -1):  # the longest part first: fewest joins
            if units[v][2] != units[u][2]:
                continue
            piece = self.clean(u, v)
            if not p.text.startswith(piece, pos):
                continue
            rest = pos + len(piece)
            if rest == len(p.text) and units[v][1] == p.end:
                return [(units[u][0], units[v][1])]
            for w in range(v + 1, len(units)):
                found = self.search(w, rest)
                if found is not None:
                    return [(units[u][0], units[v][1]), *found]
        self.failed.add((u, pos))
        return None


def _furniture(text: str, covered: list[tuple[int, int]]) -> list[Block]:
    out = []
    position = 0
    for s, e in [*sorted(covered), (len(text), len(text))]:
        out += [Block(a, b, "other", None) for a, b in lines(text, position, s)]
        position = max(position, e)
    return out


_NO_PLACE = {
    "between": "lies on no paragraph, only on the line break between two",
    "furniture": "lies outside every article",
    "articles": "crosses into another article",
    "paragraphs": "crosses a paragraph break",
    "markup": "takes in markup that the clean text drops",
}


def _spans(text: str, records: Sequence[Located], blocks: Sequence[Block]) -> list[Span]:
    """The records' spans, each checked to have its exact place in its article's clean
    text at the record's offsets: a span no export would write (one over nothing but the
    line break between two paragraphs, which another tool lets a reviewer draw) is refused
    by its line, not stored as gold that every export then leaves out."""
    out = []
    seen: dict[tuple[int, int, str], Any] = {}
    places = SpanPlaces(text, blocks)
    articles: dict[int, ArticleText] | None = None
    for loc in records:
        for s in loc.record["spans"]:
            ps, pe = s["page_start"], s["page_end"]
            key = (ps, pe, s["label"])
            if key in seen:
                # The same label twice on one range (a file edited by hand or merged): one
                # gold span, as the window keeps it; stored twice, every export wrote it twice.
                if seen[key] != s["attrs"]:
                    raise RecordRefused(
                        loc.line,
                        f"span {s['text']!r} ({s['label']}) at page offsets [{ps}, {pe}) is "
                        "given twice with different attributes; keep one",
                    )
                continue
            seen[key] = s["attrs"]
            # (over a soft line break or a join the page holds the break the text drops:
            # the offset map below checks that span)
            if pe - ps == len(s["text"]) and text[ps:pe] != s["text"]:
                raise RecordRefused(
                    loc.line,
                    f"span {s['text']!r} is {text[ps:pe]!r} at page "
                    f"offsets [{ps}, {pe}): is this the same page file?",
                )
            where = f"span {s['text']!r} ({s['label']}) at page offsets [{ps}, {pe})"
            problem = places.problem(ps, pe)
            if problem is not None:
                raise RecordRefused(
                    loc.line,
                    f"{where} {_NO_PLACE.get(problem, problem)}: no export can write it; "
                    "remove it from the record or give it the words it labels",
                )
            if articles is None:
                articles = derive_articles(text, blocks)
            article = articles.get(loc.record["ordinal"])
            mapped = article.span_to_article(ps, pe) if article is not None else None
            if mapped != (s["start"], s["end"]):
                raise RecordRefused(
                    loc.line,
                    f"{where} is not at [{s['start']}, {s['end']}) of the record's text "
                    f"(there: {mapped}); the offsets disagree",
                )
            out.append(Span(ps, pe, s["label"], s["origin"], "accepted", s["attrs"]))
    return out


def page_gold(text: str, records: Sequence[Located]) -> tuple[list[Block], list[Span]]:
    """The blocks and spans of a page from its records; raises :class:`RecordRefused`."""
    paras = _paragraphs(records)
    blocks: list[Block] = []
    parts: list[tuple[int, int, _Para]] = []
    for p in paras:
        units = _units(text, p, _inner(paras, p, text))
        for k, (s, e) in enumerate(_parts(text, p, units)):
            blocks.append(Block(s, e, p.role, p.article, k > 0))
            parts.append((s, e, p))
    parts.sort(key=lambda x: x[0])
    for (_, end, _p), (start, _, p) in zip(parts, parts[1:], strict=False):
        if start < end:
            raise RecordRefused(
                p.line, f"paragraph at page offsets [{p.start}, {p.end}) overlaps another one"
            )
    covered = [(b.start, b.end) for b in blocks]
    blocks += _furniture(text, covered)
    blocks.sort(key=lambda b: b.start)
    return blocks, _spans(text, records, blocks)
