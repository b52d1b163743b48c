"""Per-label exact-match scores of suggestions against hand gold (shared by quality tests)."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.metrics import exact_scores

LABELS = ("PER", "ORG", "LOC", "DATE", "FIGURE")
Triple = tuple[int, int, str]


def label_scores(
    cases: Iterable[tuple[set[Triple], set[Triple]]],
) -> dict[str, tuple[float, float, float, int, int, int]]:
    """(precision, recall, F1, tp, fp, fn) per label over (gold, predicted) pairs."""
    out = {}
    for label, r in exact_scores(cases, LABELS).items():
        if label in LABELS:
            tp = r["matched_predicted"]
            out[label] = (
                r["precision"] or 0.0,
                r["recall"] or 0.0,
                r["f1"] or 0.0,
                tp,
                r["predicted"] - tp,
                r["reference"] - tp,
            )
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
