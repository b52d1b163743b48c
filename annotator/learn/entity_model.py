"""The entity model's bytes and its tagger: the header lines before the crfsuite model
(:func:`_header`), :func:`load`, and :class:`EntityModel`, which tags a page with the rows
of :mod:`annotator.learn.entity_rows` and keeps, yields to or relabels by the rules'
suggestions as :mod:`annotator.learn.entity_bounds` decides."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

from annotator.learn.entity_bounds import (
    _dropped,
    _kept,
    _kept_confidence,
    _relabelled,
    _split,
    _unguessed,
    _yielded,
)
from annotator.learn.entity_features import Entity, rule_suggestions
from annotator.learn.entity_rows import _Rows, attribute_names

# bump when the features change: older models are refused (formats 8 and 9, the same
# features without the lines of yields and of drops, are read as they were; format 10,
# the same lines, has no dictionary word feature ``d=``: its rows have none, it tags as
# it did; format 11, the features of 12, has no line of guesses: it leaves none out)
FORMAT = b"annotator-entities-crf 12\n"
# The line after FORMAT names the labels whose rule suggestions the model replaces, the
# next the labels whose rule suggestions it keeps where it tags nothing over them, the
# next below which confidence a span of the tagger yields to kept one-character rule
# spans (format 9; a format-8 model, the same features, has no such line and never yields),
# the next below which it takes the label of a rule suggestion of the same characters,
# the next (format 10) per label below which confidence a kept rule span is left out, the
# next (format 12) per label below which a span of the tagger where the rules suggest
# nothing is left out.
_FORMAT_8 = b"annotator-entities-crf 8\n"
_FORMAT_9 = b"annotator-entities-crf 9\n"
_FORMAT_10 = b"annotator-entities-crf 10\n"
_FORMAT_11 = b"annotator-entities-crf 11\n"
_REPLACES = b"replaces "
_KEEPS = b"keeps "
_YIELDS = b"yields "
_RELABELS = b"relabels "
_DROPS = b"drops "
_GUESSES = b"guesses "
_EVERY = b"*"

Candidate = tuple[int, int, str, dict[str, Any]]


def _header(
    replaces: Sequence[str] | None,
    keeps: Sequence[str] | None,
    yields: float = 0.0,
    relabels: float = 0.0,
    drops: dict[str, float] | None = None,
    guesses: dict[str, float] | None = None,
) -> bytes:
    """The lines before the crfsuite model: the format, the labels it replaces and keeps,
    the confidences below which its spans yield to kept one-character rule spans and take
    the label of a rule suggestion of the same characters, and per label the confidences
    below which a kept rule span is left out (``drops ORG=0.1,PER=0.05``) and below which a
    span of the tagger where the rules suggest nothing is (``guesses ORG=0.6``)."""
    dropping = _bounds_line(drops)
    named = _EVERY if replaces is None else ",".join(replaces).encode()
    kept = _EVERY if keeps is None else ",".join(keeps).encode()
    return (
        FORMAT
        + (_REPLACES + named + b"\n")
        + (_KEEPS + kept + b"\n")
        + (_YIELDS + f"{yields:g}".encode() + b"\n")
        + (_RELABELS + f"{relabels:g}".encode() + b"\n")
        + (_DROPS + dropping.encode() + b"\n")
        + (_GUESSES + _bounds_line(guesses).encode() + b"\n")
    )


def _bounds_line(bounds: dict[str, float] | None) -> str:
    """Per-label bounds as a header line writes them (``ORG=0.1,PER=0.05``)."""
    return ",".join(f"{label}={below:g}" for label, below in sorted((bounds or {}).items()))


def _read_bounds(line: bytes) -> dict[str, float]:
    """The per-label bounds of a header line after its name (:func:`_bounds_line`)."""
    out: dict[str, float] = {}
    for item in filter(None, line.decode().split(",")):
        label, _, bound = item.partition("=")
        out[label] = float(bound)
    return out


@dataclass
class EntityModel:
    """A loaded tagger. Call it with a page text (and, when the caller has them, the rule
    candidates over it) for suggestions ``(start, end, label, {"confidence": c})``.

    ``labels`` are the labels whose rule suggestions the model's replace: every label it
    learnt but FIGURE. Of those, for the labels in ``keeps`` the rules' own suggestions
    (:func:`rule_suggestions`) that no span of the tagger overlaps are kept among its
    suggestions, with the tagger's marginal probability of them as their confidence: the
    tagger contradicts a rule by tagging something else there, not by tagging nothing.
    ``crf`` of a model is the same tagger without keeping any."""

    tagger: Any
    labels: tuple[str, ...]
    buffer: bytes  # crfsuite reads the model from this memory: it must outlive the tagger
    keeps: frozenset[str] = frozenset()
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # below this confidence a span of the tagger yields to the kept one-character rule
    # spans it overlaps (:func:`yield_below`)
    yields: float = 0.0
    # below this confidence a span of the tagger takes the label of a rule suggestion of
    # the same characters (:func:`relabel_below`)
    relabels: float = 0.0
    # per label, the confidence below which a kept rule span is left out: the tagger
    # contradicts it by tagging nothing there (:func:`drop_below`)
    drops: dict[str, float] = field(default_factory=dict)
    # per label, the confidence below which a span of the tagger that overlaps no rule
    # suggestion is left out: a guess where the rules saw nothing (:func:`guess_below`)
    guesses: dict[str, float] = field(default_factory=dict)
    # the tables of its rows (:class:`_Rows`), made at the first call
    tables: _Rows | None = field(default=None, repr=False, compare=False)

    def _rows(self) -> _Rows:
        """The tables the rows this model tags are made with (made once)."""
        tables = self.tables
        if tables is None:
            with self.lock:
                if self.tables is None:
                    self.tables = _Rows(attribute_names(self.buffer))
                tables = self.tables
        return tables

    def __call__(
        self, text: str, rule_candidates: Iterable[tuple[Any, ...]] | None = None
    ) -> list[Candidate]:
        if rule_candidates is None:
            from annotator.suggest import rule_spans

            given = [(s.start, s.end, s.label, s.origin, s.attrs) for s in rule_spans(text)]
        else:
            given = [c for c in rule_candidates if c[3] == "rule"]
        rules = [(c[0], c[1], c[2]) for c in given]
        # a span the rules found too keeps their attributes (a date's fields, a figure's
        # value and unit): the model decides where entities are, not what they mean
        known = {(c[0], c[1], c[2]): c[4] for c in given if c[4]}
        out: list[Candidate] = []
        lines = self._lines(text, rules)
        suggested = [rule_suggestions(r) for _, _, r in lines]
        batch = self._rows().rows(
            [line for _, line, _ in lines], [r for _, _, r in lines], suggested
        )
        for (at, line, _), xseq, mine in zip(lines, batch, suggested, strict=True):
            kept = [r for r in mine if _kept(r, self.keeps)] if self.keeps and mine else ()
            for s, e, label, attrs in self._tag(xseq, kept, mine, line, guessing=True):
                s, e = s + at, e + at
                extra = known.get((s, e, label))
                if extra is None and label == "FIGURE":
                    extra = _figure_attrs(text[s:e])
                out.append((s, e, label, {**extra, **attrs} if extra else attrs))
        return out

    @staticmethod
    def _lines(text: str, rules: list[Entity]) -> list[tuple[int, str, list[Entity]]]:
        """The lines of ``text`` to tag (not blank), each with its offset and the rule
        candidates within it (offsets within the line)."""
        out = []
        at = 0
        rules.sort()
        k = 0
        for line in text.split("\n"):
            end = at + len(line)
            mine = []
            while k < len(rules) and rules[k][0] < end:
                s, e, label = rules[k]
                if s >= at and e <= end:
                    mine.append((s - at, e - at, label))
                k += 1
            if line.strip():
                out.append((at, line, mine))
            at = end + 1
        return out

    def line_rows(self, line: str, rules: Iterable[Entity] = ()) -> list[tuple[bytes, ...]]:
        """The rows this model's tagger is given for one line (no newline; not empty) and
        its rule candidates: of its :func:`features`, those the model has (:class:`_Rows`)."""
        rules = list(rules)
        return self._rows().rows([line], [rules], [rule_suggestions(rules)])[0]

    @property
    def crf(self) -> EntityModel:
        """The same tagger keeping no rule suggestion (what it learnt alone)."""
        return EntityModel(
            self.tagger, self.labels, self.buffer, frozenset(), self.lock, tables=self._rows()
        )  # keeping nothing, it drops nothing

    def tag_line(self, line: str, rules: Iterable[Entity] = ()) -> list[Candidate]:
        """Entities of one line (no newline) with their confidence (the tagger alone)."""
        return self._tag(self.line_rows(line, rules) if line else [])

    def _tag(
        self,
        xseq: Sequence[tuple[str | bytes, ...]],
        kept: Sequence[Entity] = (),
        suggested: Sequence[Entity] = (),
        line: str = "",
        guessing: bool = False,
    ) -> list[Candidate]:
        """Entities of one line given its features, with their confidence, and the spans
        of ``kept`` that none of them overlaps; ``suggested``, what the rules would
        suggest, may relabel the tagger's spans (:attr:`relabels`) and cut its names
        into the names they find in them (:func:`_split`; ``line`` is the line's text);
        with ``guessing`` (the rules were asked: ``suggested`` is all they suggest), the
        tagger's unsure spans where they suggest nothing are left out (:attr:`guesses`)."""
        tagger = self.tagger
        out: list[Candidate] = []
        with self.lock:  # a crfsuite tagger holds the sequence it tags: one at a time
            tags = tagger.tag(xseq)
            spans = spans_of(tags)
            marginal = tagger.marginal
            if kept and self.drops:
                kept = _dropped(kept, self.drops, marginal)
            # map, not a generator: no Python frame a character
            sure = [min(map(marginal, tags[s:e], range(s, e))) for s, e, _ in spans]
            if suggested and self.relabels:
                spans, sure = _relabelled(
                    spans, sure, suggested, self.labels, self.relabels, marginal
                )
            if suggested:
                spans, sure = _split(spans, sure, suggested, line)
            if kept and self.yields:
                spans, sure = _yielded(spans, sure, kept, self.yields)
            # (most lines' spans are all surer than every bound: min and max in C)
            if guessing and self.guesses and sure and min(sure) < max(self.guesses.values()):
                spans, sure = _unguessed(spans, sure, suggested, self.guesses)
            for (s, e, label), confidence in zip(spans, sure, strict=True):
                out.append((s, e, label, {"confidence": round(confidence, 4)}))
            for s, e, label in kept:
                if any(a < e and s < b for a, b, _ in spans):
                    continue
                confidence = _kept_confidence(marginal, s, e, label)
                out.append((s, e, label, {"confidence": round(confidence, 4)}))
        if kept:
            out.sort(key=_start_end)
        return out


def _start_end(candidate: Candidate) -> tuple[int, int]:
    """Sort key of a candidate: its start, then its end."""
    return candidate[0], candidate[1]


def spans_of(tags: Sequence[str]) -> list[Entity]:
    """Entities of a BIO tag sequence (an ``I-`` after ``O`` or another label starts one).

    Only the tags other than ``O`` are visited (found in C: most characters are outside
    entities); a gap between two of them is an ``O`` that closes the open span."""
    out: list[Entity] = []
    start, label, last = -1, "", -1
    for j in compress(range(len(tags)), map("O".__ne__, tags)):
        tag = tags[j]
        if start >= 0 and (j != last + 1 or tag[0] != "I" or tag[2:] != label):
            out.append((start, last + 1, label))
            start = -1
        if start < 0:
            start, label = j, tag[2:]
        last = j
    if start >= 0:
        out.append((start, last + 1, label))
    return out


def load(data: bytes) -> EntityModel:
    """The tagger of a model's bytes; ``ValueError`` for bytes of another format."""
    import pycrfsuite

    refused = "not an entity model of this version; retrain with 'annotator train'"
    formats = ((12, FORMAT), (11, _FORMAT_11), (10, _FORMAT_10), (9, _FORMAT_9), (8, _FORMAT_8))
    version = next((v for v, f in formats if data.startswith(f)), 0)
    if not version:
        raise ValueError(refused)
    first = FORMAT if version >= 10 else _FORMAT_8  # formats 8 and 9, 10 to 12: one length
    line, _, rest = data[len(first) :].partition(b"\n")
    keeps, _, buffer = rest.partition(b"\n")
    yields, relabels, drops, guesses = b"yields 0", b"relabels 0", b"drops ", b"guesses "
    if version >= 9:  # format 8 has no line of yields
        yields, _, buffer = buffer.partition(b"\n")
        relabels, _, buffer = buffer.partition(b"\n")
    if version >= 10:
        drops, _, buffer = buffer.partition(b"\n")
    if version >= 12:
        guesses, _, buffer = buffer.partition(b"\n")
    if not (
        line.startswith(_REPLACES)
        and keeps.startswith(_KEEPS)
        and yields.startswith(_YIELDS)
        and relabels.startswith(_RELABELS)
        and drops.startswith(_DROPS)
        and guesses.startswith(_GUESSES)
    ):
        raise ValueError(refused)
    named = line[len(_REPLACES) :]
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(buffer)
    learnt = {t[2:] for t in tagger.labels() if t != "O"}
    # FIGURE stays with the rules (they normalise value and unit); the model's figures
    # only fill the gaps between theirs, as do its spans of labels the rules do better
    replaces = learnt if named == _EVERY else set(named.decode().split(",")) & learnt
    labels = tuple(sorted(replaces - {"FIGURE"}))
    kept = keeps[len(_KEEPS) :]
    if kept == _EVERY:
        keeping = set(labels)
    else:  # a label (every span of it) or a label and a length (LOC:1, PER:n)
        keeping = {k for k in kept.decode().split(",") if k.partition(":")[0] in labels}
    below = float(yields[len(_YIELDS) :].decode())
    relabel = float(relabels[len(_RELABELS) :].decode())
    return EntityModel(
        tagger,
        labels,
        buffer,
        frozenset(keeping),
        yields=below,
        relabels=relabel,
        drops=_read_bounds(drops[len(_DROPS) :]),
        guesses=_read_bounds(guesses[len(_GUESSES) :]),
    )


def _figure_attrs(piece: str) -> dict[str, Any]:
    from annotator.suggest import parse_figure

    return parse_figure(piece) or {}


Tagger = Callable[[str, Any], list[Candidate]]
