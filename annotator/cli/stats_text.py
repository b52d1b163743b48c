"""``annotator stats`` in words: the figures as the tables a terminal shows."""

from __future__ import annotations

from typing import Any


def _format_curation_stats(figures: dict[str, Any]) -> str:
    """The distributions and throughput sections of ``annotator stats`` (issue 12)."""
    from annotator.statistics import shares

    lines = []
    for title, key in (
        ("Labels of accepted spans", "labels"),
        ("Roles of article blocks", "roles"),
    ):
        lines += ["", f"{title} (done pages)"]
        rows = shares(figures["distributions"][key])
        lines += [f"  {k:<12} {n:>8} {p:>6.1%}  {'█' * round(p * 30)}" for k, n, p in rows]
        lines += [] if rows else ["  (none)"]
    lines += ["", "Throughput by reviewer (from the edit log; hours: active time in sessions)"]
    lines.append(
        f"  {'':<12} {'pages':>6} {'spans':>6} {'hours':>6} {'pages/h':>8} {'spans/h':>8} "
        f"{'sessions':>8} {'undone':>6}"
    )
    for name, t in figures["throughput"].items():
        lines.append(
            f"  {name:<12} {t['pages']:>6} {t['spans']:>6} {t['hours']:>6.2f} "
            f"{t['pages_per_hour']:>8.1f} {t['spans_per_hour']:>8.1f} "
            f"{t['sessions']:>8} {t['undone']:>6}"
        )
    if not figures["throughput"]:
        lines.append("  (none)")
    got = figures.get("imported") or {}
    if got.get("edits"):
        lines.append(
            f"  Imported, left out of throughput: {got['spans']} spans on {got['pages']} pages "
            f"({got['edits']} edits)"
        )
    return "\n".join(lines)


def _format_stats(figures: dict[str, Any]) -> str:
    from annotator.model import status_word

    lines = ["Pages"]
    lines += [f"  {status_word(k):<12} {v:>8}" for k, v in figures["pages"].items()]
    lines += ["", f"Articles       {figures['articles']:>8}", "", "Blocks by role"]
    lines += [f"  {k:<12} {v:>8}" for k, v in figures["blocks"].items()]
    lines += ["", "Spans by label and status"]
    for label, by_status in figures["spans"].items():
        parts = ", ".join(f"{s} {n}" for s, n in by_status.items())
        lines.append(f"  {label:<12} {parts}")
    lines += ["", "Edits by reviewer"]
    lines += [f"  {k:<12} {v:>8}" for k, v in figures["edits"].items()] or ["  (none)"]
    return "\n".join(lines)
