"""Per-label exact-match scores of suggestions against hand gold (shared by quality tests)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

LABELS = ("PER", "ORG", "LOC", "DATE", "FIGURE")
Triple = tuple[int, int, str]


def label_scores(
    cases: Iterable[tuple[set[Triple], set[Triple]]],
) -> dict[str, tuple[float, float, float, int, int, int]]:
    """(precision, recall, F1, tp, fp, fn) per label over (gold, predicted) pairs."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold, pred in cases:
        for label in LABELS:
            g = {x for x in gold if x[2] == label}
            p = {x for x in pred if x[2] == label}
            tp[label] += len(g & p)
            fp[label] += len(p - g)
            fn[label] += len(g - p)
    out = {}
    for label in LABELS:
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = (p, r, f, tp[label], fp[label], fn[label])
    return out


def report_and_check(
    table: dict[str, tuple[float, float, float, int, int, int]],
    title: str,
    min_recall: dict[str, float],
    min_precision: dict[str, float],
) -> None:
    """Print the per-label table (shown with ``-s``) and assert the floors."""
    lines = [f"\n{title:9} precision recall  F1     (tp fp fn)"]
    for label, (p, r, f, tp, fp, fn) in table.items():
        lines.append(f"{label:9} {p:9.3f} {r:6.3f} {f:6.3f}  ({tp} {fp} {fn})")
    print("\n".join(lines))  # noqa: T201 - the report
    for label, minimum in min_recall.items():
        assert table[label][1] >= minimum, (label, "recall", table[label])
    for label, minimum in min_precision.items():
        assert table[label][0] >= minimum, (label, "precision", table[label])
