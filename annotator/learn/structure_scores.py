"""Scores of a page split against gold: the three decisions of the structure model.

Pure functions over ``(page text, gold blocks, predicted blocks)``, used by cross-validation
(``annotator train``) and by ``bench/structure.py``. Blocks are compared by page offsets, so
gold blocks that reviewers split or merged are scored fairly:

* **article start**: the start offsets of each article's first block; precision, recall and
  F1 pooled over pages;
* **role**: per gold block, whether the predicted block holding its start has its role
  (``accuracy``), and the same over gold heading blocks only (kicker, headline, subheadline,
  intertitle: ``heading_accuracy``);
* **join**: per paragraph boundary inside gold body text (every gold or predicted block start
  in a gold body block but the article's first), whether the text continues the previous
  paragraph (a join, or a line inside a block); joins are the positives of P/R/F1.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from annotator.model import Block

HEADING_ROLES = frozenset(("kicker", "headline", "subheadline", "intertitle"))


def article_starts(blocks: Sequence[Block]) -> set[int]:
    """Start offsets of the first block of every article."""
    seen: set[int] = set()
    out: set[int] = set()
    for b in sorted(blocks, key=lambda b: b.start):
        if b.article is not None and b.article not in seen:
            seen.add(b.article)
            out.add(b.start)
    return out


class _Finder:
    """The block holding an offset, by bisection."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = sorted(blocks, key=lambda b: b.start)
        self.starts = [b.start for b in self.blocks]

    def holding(self, pos: int) -> Block | None:
        k = bisect_right(self.starts, pos) - 1
        if k >= 0 and self.blocks[k].start <= pos < self.blocks[k].end:
            return self.blocks[k]
        return None

    def continues_at(self, pos: int) -> bool:
        """Whether the text at ``pos`` continues the previous paragraph."""
        b = self.holding(pos)
        if b is None:
            return False
        return b.start != pos or b.joins_previous


def _prf(hits: int, gold: int, pred: int) -> dict[str, Any]:
    p = hits / pred if pred else (1.0 if not gold else 0.0)
    r = hits / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": gold}


class Tally:
    """Counts of the three decisions over pages."""

    def __init__(self) -> None:
        self.start_hits = self.start_gold = self.start_pred = 0
        self.roles_right = self.roles_total = 0
        self.heads_right = self.heads_total = 0
        self.join_hits = self.join_gold = self.join_pred = 0
        self.join_right = self.join_total = 0

    def add(self, gold: Sequence[Block], pred: Sequence[Block]) -> None:
        g_starts, p_starts = article_starts(gold), article_starts(pred)
        self.start_hits += len(g_starts & p_starts)
        self.start_gold += len(g_starts)
        self.start_pred += len(p_starts)
        pf, gf = _Finder(pred), _Finder(gold)
        for g in gold:
            p = pf.holding(g.start)
            ok = p is not None and p.role == g.role
            self.roles_total += 1
            self.roles_right += ok
            if g.role in HEADING_ROLES:
                self.heads_total += 1
                self.heads_right += ok
        positions = sorted({b.start for b in gold} | {b.start for b in pred})
        for pos in positions:
            held = gf.holding(pos)
            if held is None or held.role != "body" or held.article is None or pos in g_starts:
                continue
            want, got = gf.continues_at(pos), pf.continues_at(pos)
            self.join_total += 1
            self.join_right += want == got
            self.join_gold += want
            self.join_pred += got
            self.join_hits += want and got

    def scores(self) -> dict[str, Any]:
        return {
            "article_start": _prf(self.start_hits, self.start_gold, self.start_pred),
            "role": {
                "accuracy": round(self.roles_right / self.roles_total, 4)
                if self.roles_total
                else None,
                "heading_accuracy": round(self.heads_right / self.heads_total, 4)
                if self.heads_total
                else None,
                "blocks": self.roles_total,
                "headings": self.heads_total,
            },
            "join": {
                **_prf(self.join_hits, self.join_gold, self.join_pred),
                "accuracy": round(self.join_right / self.join_total, 4)
                if self.join_total
                else None,
                "boundaries": self.join_total,
            },
        }


def score_pages(preds: Sequence[tuple[str, Sequence[Block], Sequence[Block]]]) -> dict[str, Any]:
    """Pooled scores of ``(text, gold, predicted)`` triples (see the module docstring)."""
    tally = Tally()
    for _text, gold, pred in preds:
        tally.add(gold, pred)
    return tally.scores()
