"""Measure the heuristics against the reviewed pages (``annotator evaluate``).

The *prediction* of a page is what the heuristics produced at import (the stored
``predictions``: first split and first suggestions); the *reference* is the reviewed state of
the pages marked done. Everything here is pure: the metric functions take ``PageEval``
records (plain blocks and spans), and only ``evaluate_store`` reads a store, through its
public methods.

Definitions
-----------
Segmentation (blocks in page order):

- An *article segment* is a maximal run of consecutive blocks with the same ``article``
  value (``None``, text outside every article, is a value too). A *boundary* is the page start
  offset of the first block of every segment but the page's first. Boundaries are compared
  as offsets, so blocks that reviewers split or merged do not matter; precision, recall and F1
  are pooled over all pages (micro).
- Pk (Beeferman et al. 1999) and WindowDiff (Pevzner & Hearst 2002) are computed over
  *units*: the common refinement of the predicted and reviewed blocks (a unit starts at every
  block start of either; with no splits or merges a unit is a block). A segmentation is a 0/1
  sequence over the gaps between consecutive units (1 = a boundary before the next unit); a
  window spans ``k`` gaps (units ``i`` and ``i + k``), as in the papers and in NLTK. ``k`` is
  half the mean reference segment length in units, rounded half up, at least 1, chosen per
  page; the errors and windows of all pages are pooled.
- Join accuracy: over reviewed blocks whose start equals a predicted block's start, the share
  whose ``joins_previous`` agrees (with precision/recall of the joins themselves, which are
  rare). Role accuracy and the confusion matrix: over reviewed blocks whose exact range
  ``[start, end)`` is a predicted block.

Spans:

- Reference: the accepted spans of done pages, any origin (human included). Predicted: the
  suggestions as first computed. *Exact*: same start, end and label. *Overlap*: same label and
  any shared character. Precision = matched predictions / predictions, recall = matched
  reference spans / reference spans (each side counted once, so one long prediction covering
  two reference spans counts once for precision and twice for recall).
- Per origin: precision over that origin's predictions, recall over *all* reference spans
  (how much of the gold that suggester alone found).
- Acceptance rate per origin, from the live spans of done pages: accepted / (accepted +
  rejected); open suggestions are counted but not in the rate.

Confidence bands: the predictions that carry a confidence (``attrs["confidence"]``, the
learnt model's), grouped by origin and band (``<0.5``, ``0.5-0.8``, ``0.8-0.95``,
``>=0.95``): exact-match precision within the band, and recall over all of the gold (the
share of the gold that the band's suggestions found). A well calibrated model has a
precision near the band's confidence.

Figures: of the accepted FIGURE spans of machine origin on done pages that have a predicted
FIGURE span with the same range, the share whose ``attrs`` value and unit both equal the
prediction's (numbers compared numerically).

A ratio with a zero denominator is ``None`` (``n/a`` in the table). F1 is 0 when one side is
empty and the other is not, ``None`` when both are empty.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from annotator.model import ROLES, SPAN_ORIGINS, Block, Span

if TYPE_CHECKING:
    from annotator.store import Store

EMPTY_MESSAGE = "no pages are marked done yet; mark pages done in the window, then run evaluate"


def empty_message(report: dict[str, Any]) -> str:
    """What ``evaluate`` says when it compared no page: none is done, or the done pages have
    no first split to compare with (gold imported whole: CoNLL, segmentation), where "no
    pages are marked done" contradicted ``stats`` (hundreds done)."""
    without = report.get("pages_without_predictions", 0)
    if not without:
        return EMPTY_MESSAGE
    return (
        f"none of the {without} done page(s) has the heuristics' first output to compare "
        "with (pages made by import --format conll or segmentation were never pre-split); "
        "import page files, review them and mark them done, then run evaluate"
    )


FIGURE = "FIGURE"


@dataclass(frozen=True)
class PageEval:
    """One done page: the heuristic output as first computed beside the reviewed state."""

    page_id: str
    predicted_blocks: Sequence[Block]
    predicted_spans: Sequence[Span]
    blocks: Sequence[Block]
    spans: Sequence[Span]  # every live span of the page, whatever its status


# --- ratios ----------------------------------------------------------------------------


def ratio(num: int, den: int) -> float | None:
    """``num / den``, or None when nothing was counted."""
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean; 0 when exactly one side is undefined (one side empty, the other not)."""
    if precision is None and recall is None:
        return None
    if precision is None or recall is None or precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def prf(matched_pred: int, n_pred: int, matched_ref: int, n_ref: int) -> dict[str, Any]:
    """Counts with precision, recall and F1."""
    p, r = ratio(matched_pred, n_pred), ratio(matched_ref, n_ref)
    return {
        "predicted": n_pred,
        "reference": n_ref,
        "matched_predicted": matched_pred,
        "matched_reference": matched_ref,
        "precision": p,
        "recall": r,
        "f1": f1(p, r),
    }


def exact_scores(
    cases: Iterable[tuple[set[tuple[int, int, str]], set[tuple[int, int, str]]]],
    labels: Sequence[str],
) -> dict[str, dict[str, Any]]:
    """Exact-match :func:`prf` per label, and over them all (key ``"all"``), of
    ``(gold, predicted)`` pairs of ``(start, end, label)`` sets, one pair per text."""
    counts = {label: [0, 0, 0] for label in [*labels, "all"]}  # matched, predicted, gold
    for gold, predicted in cases:
        for label in labels:
            g = {x for x in gold if x[2] == label}
            p = {x for x in predicted if x[2] == label}
            for key in (label, "all"):
                counts[key][0] += len(g & p)
                counts[key][1] += len(p)
                counts[key][2] += len(g)
    return {k: prf(m, n_pred, m, n_gold) for k, (m, n_pred, n_gold) in counts.items()}


# --- Pk and WindowDiff -----------------------------------------------------------------


def default_k(reference: Sequence[int]) -> int:
    """Half the mean reference segment length, in units (``len(reference) + 1`` of them)."""
    units, segments = len(reference) + 1, sum(map(bool, reference)) + 1
    return max(1, math.floor(units / segments / 2 + 0.5))


def window_errors(
    reference: Sequence[int], hypothesis: Sequence[int], k: int | None = None, *, diff: bool
) -> tuple[int, int]:
    """``(errors, windows)`` of Pk (``diff=False``) or WindowDiff (``diff=True``).

    Each sequence holds one 0/1 boundary indicator per gap between consecutive units. A
    window covers ``k`` gaps; Pk counts windows where one side has a boundary and the other
    none, WindowDiff windows where the numbers of boundaries differ.
    """
    if len(reference) != len(hypothesis):
        raise ValueError("the segmentations cover different numbers of units")
    k = min(default_k(reference) if k is None else k, len(reference))
    if k < 1:
        return 0, 0
    # Prefix sums make every window O(1), so long pages cost O(n), not O(n * k).
    ref = [0, *accumulate(map(bool, reference))]
    hyp = [0, *accumulate(map(bool, hypothesis))]
    windows = len(reference) - k + 1
    errors = 0
    for i in range(windows):
        r, h = ref[i + k] - ref[i], hyp[i + k] - hyp[i]
        errors += (r != h) if diff else ((r > 0) != (h > 0))
    return errors, windows


def pk(reference: Sequence[int], hypothesis: Sequence[int], k: int | None = None) -> float | None:
    """Beeferman's Pk over boundary indicators; None when there is no window (one unit)."""
    return ratio(*window_errors(reference, hypothesis, k, diff=False))


def windowdiff(
    reference: Sequence[int], hypothesis: Sequence[int], k: int | None = None
) -> float | None:
    """Pevzner and Hearst's WindowDiff over boundary indicators; None when there is no window."""
    return ratio(*window_errors(reference, hypothesis, k, diff=True))


# --- segmentation ----------------------------------------------------------------------


def article_boundaries(blocks: Sequence[Block]) -> set[int]:
    """Start offsets of the blocks that begin a new article segment, the first block excepted.

    The page's first block always starts a segment on both sides, so counting it would only
    inflate the scores.
    """
    ordered = sorted(blocks, key=lambda b: b.start)
    return {
        b.start for prev, b in zip(ordered, ordered[1:], strict=False) if b.article != prev.article
    }


def boundary_sequences(
    reference: Sequence[Block], predicted: Sequence[Block]
) -> tuple[list[int], list[int]]:
    """0/1 boundary indicators over the gaps between units (see the module docstring)."""
    units = sorted({b.start for b in reference} | {b.start for b in predicted})
    ref, hyp = article_boundaries(reference), article_boundaries(predicted)
    return [int(u in ref) for u in units[1:]], [int(u in hyp) for u in units[1:]]


def boundary_scores(pages: Sequence[PageEval]) -> dict[str, Any]:
    tp = n_ref = n_pred = 0
    for page in pages:
        ref, hyp = article_boundaries(page.blocks), article_boundaries(page.predicted_blocks)
        tp, n_ref, n_pred = tp + len(ref & hyp), n_ref + len(ref), n_pred + len(hyp)
    return prf(tp, n_pred, tp, n_ref)


def window_scores(pages: Sequence[PageEval]) -> dict[str, Any]:
    pk_errors = wd_errors = windows = 0
    for page in pages:
        ref, hyp = boundary_sequences(page.blocks, page.predicted_blocks)
        errors, n = window_errors(ref, hyp, diff=False)
        pk_errors, windows = pk_errors + errors, windows + n
        wd_errors += window_errors(ref, hyp, diff=True)[0]
    return {
        "pk": ratio(pk_errors, windows),
        "windowdiff": ratio(wd_errors, windows),
        "windows": windows,
    }


def join_scores(pages: Sequence[PageEval]) -> dict[str, Any]:
    n = correct = both = ref_joins = pred_joins = 0
    for page in pages:
        predicted = {b.start: b for b in page.predicted_blocks}
        for block in page.blocks:
            guess = predicted.get(block.start)
            if guess is None:
                continue
            n += 1
            correct += guess.joins_previous == block.joins_previous
            both += guess.joins_previous and block.joins_previous
            ref_joins += block.joins_previous
            pred_joins += guess.joins_previous
    return {
        "blocks": n,
        "correct": correct,
        "accuracy": ratio(correct, n),
        "joins": prf(both, pred_joins, both, ref_joins),
    }


def role_scores(pages: Sequence[PageEval]) -> dict[str, Any]:
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    total = 0
    for page in pages:
        total += len(page.blocks)
        predicted = {(b.start, b.end): b.role for b in page.predicted_blocks}
        for block in page.blocks:
            guess = predicted.get((block.start, block.end))
            if guess is not None:
                confusion[block.role][guess] += 1
    n = sum(sum(row.values()) for row in confusion.values())
    correct = sum(row[role] for role, row in confusion.items())
    return {
        "blocks": n,
        "reference_blocks": total,
        "correct": correct,
        "accuracy": ratio(correct, n),
        "confusion": {
            role: {guess: confusion[role][guess] for guess in _ordered(confusion[role], ROLES)}
            for role in _ordered(confusion, ROLES)
        },
    }


def segmentation_metrics(pages: Sequence[PageEval]) -> dict[str, Any]:
    """Article boundaries, Pk, WindowDiff, joins and roles of the first split."""
    return {
        "boundaries": boundary_scores(pages),
        **window_scores(pages),
        "joins": join_scores(pages),
        "roles": role_scores(pages),
    }


def _ordered(keys: Iterable[str], preferred: Sequence[str]) -> list[str]:
    """Known names in their usual order, then any others alphabetically."""
    present = set(keys)
    return [k for k in preferred if k in present] + sorted(present - set(preferred))


# --- spans -----------------------------------------------------------------------------


class SpanMatcher:
    """Spans of one page matched against others, exactly or by overlap, in O(log n).

    (The page view's ``SpanIndex`` finds spans by position for drawing; this one scores.)
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        self.exact: set[tuple[int, int, str]] = set()
        by_label: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for s in spans:
            self.exact.add((s.start, s.end, s.label))
            by_label[s.label].append((s.start, s.end))
        self.starts: dict[str, list[int]] = {}
        self.reach: dict[str, list[int]] = {}  # running maximum of the ends, in start order
        for label, ranges in by_label.items():
            ranges.sort()
            self.starts[label] = [a for a, _ in ranges]
            self.reach[label] = list(accumulate((b for _, b in ranges), max))

    def hit(self, span: Span, overlap: bool) -> bool:
        if not overlap:
            return (span.start, span.end, span.label) in self.exact
        starts = self.starts.get(span.label)
        if not starts:
            return False
        # The spans starting before span.end overlap it iff one of them ends after its start.
        i = bisect_left(starts, span.end)
        return i > 0 and self.reach[span.label][i - 1] > span.start


def reference_spans(spans: Iterable[Span]) -> list[Span]:
    """The gold of a done page: its accepted spans, any origin."""
    return [s for s in spans if s.status == "accepted"]


@dataclass
class _Tally:
    n_pred: int = 0
    hit_pred: int = 0
    n_ref: int = 0
    hit_ref: int = 0

    def result(self) -> dict[str, Any]:
        return prf(self.hit_pred, self.n_pred, self.hit_ref, self.n_ref)


def span_scores(pages: Sequence[PageEval], overlap: bool) -> dict[str, Any]:
    """Precision, recall and F1 per label, per origin and overall, by one match rule."""
    labels: dict[str, _Tally] = defaultdict(_Tally)
    origins: dict[str, _Tally] = defaultdict(_Tally)
    total, n_ref = _Tally(), 0
    for page in pages:
        gold, predicted = reference_spans(page.spans), list(page.predicted_spans)
        gold_index = SpanMatcher(gold)
        by_origin = _group(predicted, lambda s: s.origin)
        indexes = {origin: SpanMatcher(spans) for origin, spans in by_origin.items()}
        for s in predicted:
            hit = gold_index.hit(s, overlap)
            for tally in (labels[s.label], origins[s.origin], total):
                tally.n_pred, tally.hit_pred = tally.n_pred + 1, tally.hit_pred + hit
        pred_index = SpanMatcher(predicted)
        for s in gold:
            labels[s.label].n_ref += 1
            labels[s.label].hit_ref += pred_index.hit(s, overlap)
            for origin, index in indexes.items():
                origins[origin].hit_ref += index.hit(s, overlap)
        n_ref += len(gold)
    total.n_ref, total.hit_ref = n_ref, sum(t.hit_ref for t in labels.values())
    for tally in origins.values():
        tally.n_ref = n_ref  # an origin's recall is over all of the gold
    return {
        "by_label": {k: labels[k].result() for k in sorted(labels)},
        "by_origin": {k: origins[k].result() for k in _ordered(origins, SPAN_ORIGINS)},
        "all": total.result(),
    }


def _group(spans: Iterable[Span], key: Callable[[Span], str]) -> dict[str, list[Span]]:
    groups: dict[str, list[Span]] = defaultdict(list)
    for s in spans:
        groups[key(s)].append(s)
    return groups


def acceptance_rates(spans: Iterable[Span]) -> dict[str, dict[str, Any]]:
    """Per origin: accepted, rejected, still suggested, and accepted / (accepted + rejected)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for s in spans:
        counts[s.origin][s.status] += 1
    out = {}
    for origin in _ordered(counts, SPAN_ORIGINS):
        c = counts[origin]
        out[origin] = {
            "accepted": c["accepted"],
            "rejected": c["rejected"],
            "suggested": c["suggested"],
            "rate": ratio(c["accepted"], c["accepted"] + c["rejected"]),
        }
    return out


# --- figures ---------------------------------------------------------------------------


def _number(value: Any) -> Any:
    # attrs come back from JSON: 7200000 and 7200000.0 (or "7200000") are the same value.
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def same_value(a: Any, b: Any) -> bool:
    """Equal as numbers when both are numeric (relative tolerance 1e-9), else equal as given."""
    x, y = _number(a), _number(b)
    if isinstance(x, float) and isinstance(y, float):
        return math.isclose(x, y, rel_tol=1e-9)
    return x == y


def figure_scores(pages: Sequence[PageEval]) -> dict[str, Any]:
    """How often the reviewer kept the normalised value and unit of a machine figure."""
    accepted = compared = kept = value_changed = unit_changed = 0
    for page in pages:
        predicted = {(s.start, s.end): s for s in page.predicted_spans if s.label == FIGURE}
        for s in page.spans:
            if s.label != FIGURE or s.status != "accepted" or s.origin == "human":
                continue
            accepted += 1
            guess = predicted.get((s.start, s.end))
            if guess is None:  # suggested later (re-run, gazetteer): nothing to compare with
                continue
            compared += 1
            value_ok = same_value(s.attrs.get("value"), guess.attrs.get("value"))
            unit_ok = s.attrs.get("unit") == guess.attrs.get("unit")
            kept += value_ok and unit_ok
            value_changed += not value_ok
            unit_changed += not unit_ok
    return {
        "accepted_machine": accepted,
        "compared": compared,
        "kept": kept,
        "value_changed": value_changed,
        "unit_changed": unit_changed,
        "without_prediction": accepted - compared,
        "share_kept": ratio(kept, compared),
    }


# --- confidence bands (the learnt entity model) -----------------------------------------

CONFIDENCE_BANDS: tuple[tuple[str, float], ...] = (
    ("<0.5", 0.5),
    ("0.5-0.8", 0.8),
    ("0.8-0.95", 0.95),
    (">=0.95", math.inf),
)


def confidence_band(value: float) -> str:
    """The name of the band that holds a confidence ``value``."""
    return next(name for name, upper in CONFIDENCE_BANDS if value < upper)


def confidence_scores(pages: Sequence[PageEval]) -> dict[str, dict[str, Any]]:
    """Exact precision and recall per origin and confidence band, of the predictions with
    a confidence (see the module docstring)."""
    tallies: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    n_ref = 0
    for page in pages:
        gold = reference_spans(page.spans)
        n_ref += len(gold)
        gold_index = SpanMatcher(gold)
        groups: dict[tuple[str, str], list[Span]] = defaultdict(list)
        for s in page.predicted_spans:
            value = s.attrs.get("confidence")
            if isinstance(value, int | float):
                groups[(s.origin, confidence_band(float(value)))].append(s)
        for key, spans in groups.items():
            tally = tallies[key]
            tally.n_pred += len(spans)
            tally.hit_pred += sum(gold_index.hit(s, False) for s in spans)
            index = SpanMatcher(spans)
            tally.hit_ref += sum(index.hit(g, False) for g in gold)
    out: dict[str, dict[str, Any]] = {}
    for origin in _ordered({o for o, _ in tallies}, SPAN_ORIGINS):
        out[origin] = {}
        for band, _ in CONFIDENCE_BANDS:
            tally = tallies.get((origin, band), _Tally())
            tally.n_ref = n_ref
            out[origin][band] = tally.result()
    return out


# --- everything ------------------------------------------------------------------------


def evaluate(pages: Iterable[PageEval]) -> dict[str, Any]:
    """Every figure of the report, as JSON-ready data.

    Pages without a stored prediction (no predicted blocks) have nothing to compare and are
    only counted.
    """
    pages = list(pages)
    usable = [p for p in pages if p.predicted_blocks]
    return {
        "pages": len(usable),
        "pages_without_predictions": len(pages) - len(usable),
        "segmentation": segmentation_metrics(usable),
        "spans": {"exact": span_scores(usable, False), "overlap": span_scores(usable, True)},
        "acceptance": acceptance_rates(s for p in usable for s in p.spans),
        "figures": figure_scores(usable),
        "confidence": confidence_scores(usable),
    }


def evaluate_store(store: Store) -> dict[str, Any]:
    """Evaluate the pages of ``store`` marked done against their stored predictions."""
    pages = []
    for page, blocks, spans in store.iter_pages(status="done"):
        predicted_blocks, predicted_spans = store.predictions(page.id)
        pages.append(PageEval(page.id, predicted_blocks, predicted_spans, blocks, spans))
    return evaluate(pages)


# --- the table -------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]], indent: int = 2) -> list[str]:
    """Aligned text rows: the first column left-aligned, the others right-aligned."""
    cells = [list(header)] + [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        parts = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append(" " * indent + "  ".join(parts).rstrip())
    return lines


_PRF = ("predicted", "reference", "matched_predicted", "matched_reference")


def _prf_row(name: str, r: dict[str, Any]) -> list[Any]:
    return [name, *(r[k] for k in _PRF), r["precision"], r["recall"], r["f1"]]


_PRF_HEADER = ("", "pred", "ref", "pred ok", "ref ok", "P", "R", "F1")


def _segmentation_lines(seg: dict[str, Any]) -> list[str]:
    b, joins, roles = seg["boundaries"], seg["joins"], seg["roles"]
    lines = ["Segmentation (units for Pk/WindowDiff: blocks, refined by both splits)"]
    lines += _table(
        _PRF_HEADER,
        [_prf_row("article boundaries", b), _prf_row("joined paragraphs", joins["joins"])],
    )
    lines += [""]
    lines += _table(
        ("", "value", "over"),
        [
            ["Pk (windows)", seg["pk"], seg["windows"]],
            ["WindowDiff (windows)", seg["windowdiff"], seg["windows"]],
            ["join accuracy (blocks, same start)", joins["accuracy"], joins["blocks"]],
            ["role accuracy (blocks, same range)", roles["accuracy"], roles["blocks"]],
        ],
    )
    return lines


def _confusion_lines(confusion: dict[str, dict[str, int]]) -> list[str]:
    if not confusion:
        return []
    columns = _ordered({g for row in confusion.values() for g in row}, ROLES)
    rows = [[role, *(confusion[role].get(g, 0) for g in columns)] for role in confusion]
    title = "Role confusion (rows: reviewed role, columns: predicted role)"
    return ["", title, *_table(("", *columns), rows)]


def _span_lines(spans: dict[str, Any], title: str) -> list[str]:
    rows = [_prf_row(label, r) for label, r in spans["by_label"].items()]
    rows += [_prf_row(f"origin {origin}", r) for origin, r in spans["by_origin"].items()]
    rows += [_prf_row("all", spans["all"])]
    return ["", title, *_table(_PRF_HEADER, rows)]


def _acceptance_lines(acceptance: dict[str, dict[str, Any]]) -> list[str]:
    header = ("origin", "accepted", "rejected", "open", "rate")
    rows = [
        [o, a["accepted"], a["rejected"], a["suggested"], a["rate"]] for o, a in acceptance.items()
    ]
    title = "Acceptance of spans on done pages (accepted / (accepted + rejected))"
    return ["", title, *(_table(header, rows) if rows else ["  (no spans)"])]


def _figure_lines(fig: dict[str, Any]) -> list[str]:
    rows = [
        ["accepted machine FIGURE spans", fig["accepted_machine"]],
        ["  with a prediction of the same range", fig["compared"]],
        ["  value and unit kept", fig["kept"]],
        ["  value changed", fig["value_changed"]],
        ["  unit changed", fig["unit_changed"]],
        ["share kept", fig["share_kept"]],
    ]
    return ["", "Figures (normalised value and unit)", *_table(("", ""), rows)[1:]]


def format_report(report: dict[str, Any]) -> str:
    """The report of ``evaluate`` as aligned text tables."""
    lines = [f"Evaluated {report['pages']} done page(s) against the heuristics' first output."]
    if report.get("pages_without_predictions"):
        lines.append(f"Skipped {report['pages_without_predictions']} page(s) with no prediction.")
    lines.append("")
    lines += _segmentation_lines(report["segmentation"])
    lines += _confusion_lines(report["segmentation"]["roles"]["confusion"])
    lines += _span_lines(report["spans"]["exact"], "Spans, exact match (same start, end, label)")
    lines += _span_lines(report["spans"]["overlap"], "Spans, overlap match (same label, overlap)")
    lines += _acceptance_lines(report["acceptance"])
    lines += _figure_lines(report["figures"])
    lines += _confidence_lines(report.get("confidence") or {})
    return "\n".join(lines)


def _confidence_lines(bands: dict[str, dict[str, Any]]) -> list[str]:
    if not bands:
        return []
    rows = [
        _prf_row(f"{origin} {band}", r)
        for origin, by_band in bands.items()
        for band, r in by_band.items()
    ]
    title = "Suggestions by confidence band, exact match (recall over all of the gold)"
    return ["", title, *_table(_PRF_HEADER, rows)]
