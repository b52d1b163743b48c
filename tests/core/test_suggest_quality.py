"""Quality and cost of the rule suggestions on the sample pages, against hand-tagged gold.

The gold in ``gold_entities/<page_id>.json`` was tagged by hand following
``gold_entities/GUIDELINES.md``.  Targets (issue 4): recall >= 0.95 for FIGURE and DATE,
>= 0.85 for PER, ORG and LOC; precision >= 0.9 for FIGURE and DATE; exact match of
(start, end, label).  Run with ``-s`` to see the table.  Their cost is a benchmark
(``bench/suggest_speed.py``), not a timed test that fails on a busy machine.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.suggest import suggest_spans

from .entity_scores import LABELS, label_scores, report_and_check

ROOT = Path(__file__).resolve().parents[2]
# the sample pages' gold (heldout.json, composed sentences, has its own test)
GOLD = sorted((Path(__file__).resolve().parent / "gold_entities").glob("[0-9]*.json"))
MIN_RECALL = {"PER": 0.85, "ORG": 0.85, "LOC": 0.85, "DATE": 0.95, "FIGURE": 0.95}
MIN_PRECISION = {"DATE": 0.9, "FIGURE": 0.9}


def _page(gold_path: Path) -> str:
    return (ROOT / "seeds" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")


def _gold(gold_path: Path) -> set[tuple[int, int, str]]:
    return {(d["start"], d["end"], d["label"]) for d in json.loads(gold_path.read_text("utf-8"))}


def scores() -> dict[str, tuple[float, float, float, int, int, int]]:
    return label_scores(
        (_gold(path), {(sp.start, sp.end, sp.label) for sp in suggest_spans(_page(path))})
        for path in GOLD
    )


def test_gold_files_are_consistent_with_the_pages():
    assert len(GOLD) == 2
    for gold_path in GOLD:
        text = _page(gold_path)
        items = json.loads(gold_path.read_text("utf-8"))
        previous_end = 0
        for item in items:
            assert set(item) == {"start", "end", "label", "text"}
            assert item["label"] in LABELS
            assert text[item["start"] : item["end"]] == item["text"]
            assert item["start"] >= previous_end, "gold spans overlap"
            previous_end = item["end"]


def test_quality_targets_on_the_sample_pages(capsys):
    with capsys.disabled():
        report_and_check(scores(), "label", MIN_RECALL, MIN_PRECISION)
