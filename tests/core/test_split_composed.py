"""Score the pre-split on composed pages of other newspapers (``gold_split/composed/``).

The composed pages imitate what the splitter meets beyond the sample pages: national dailies
(dateline leads, bracketed bylines at the end), Xinhua copy, news-in-brief columns, photo
pages, commentary, interviews, numbered lists, page furniture, in the markdown, blank-line,
one-paragraph-per-line and hard-wrapped (PDF, one visual line per line) flavours. Their gold
has the format of the sample pages' gold (``start``/``end`` of every block in the page text,
its first characters, role, article, ``joins_previous``); see ``composed/README.md``.

Three scores, over all pages together:

* **article boundary F1**: the page offsets where an article starts (its first block);
* **role accuracy**: per gold block, the role of the predicted block holding its start;
* **join accuracy**: per paragraph boundary of a body text (every gold or predicted block
  start inside gold body text), whether it starts a new paragraph or continues one (a block
  with ``joins_previous``, or a line inside a reflowed block).

Run ``python tests/core/test_split_composed.py`` to print the scores and every miss.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from annotator.model import ROLES, Block
from annotator.split import split_page

ROOT = Path(__file__).resolve().parents[2]
COMPOSED = Path(__file__).resolve().parent / "gold_split" / "composed"
PAGES = sorted(p.stem for p in COMPOSED.glob("*.json"))

# Floors of the scores over all composed pages (what the splitter reaches, a little below).
MIN_BOUNDARY_F1 = 0.97
MIN_ROLE_ACCURACY = 0.97
MIN_JOIN_ACCURACY = 0.97


def load(page_id: str) -> tuple[str, list[Block]]:
    doc = json.loads((COMPOSED / f"{page_id}.json").read_text(encoding="utf-8"))
    text = (ROOT / doc["source"]).read_text(encoding="utf-8")
    blocks = [
        Block(b["start"], b["end"], b["role"], b["article"], b["joins_previous"])
        for b in doc["blocks"]
    ]
    return text, blocks


def article_starts(blocks: list[Block]) -> set[int]:
    seen: set[int] = set()
    out: set[int] = set()
    for b in blocks:
        if b.article is not None and b.article not in seen:
            seen.add(b.article)
            out.add(b.start)
    return out


def _holding(blocks: list[Block], pos: int) -> Block | None:
    for b in blocks:
        if b.start <= pos < b.end:
            return b
    return None


def _new_paragraph(blocks: list[Block], pos: int) -> bool:
    """Whether a paragraph starts at ``pos`` by ``blocks`` (not a join, not inside a block)."""
    for b in blocks:
        if b.start == pos:
            return not b.joins_previous
    return False


@dataclass
class Score:
    boundary_hits: int = 0
    boundary_gold: int = 0
    boundary_pred: int = 0
    roles_right: int = 0
    roles_total: int = 0
    joins_right: int = 0
    joins_total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, page_id: str, text: str, gold: list[Block], pred: list[Block]) -> None:
        g_starts, p_starts = article_starts(gold), article_starts(pred)
        self.boundary_hits += len(g_starts & p_starts)
        self.boundary_gold += len(g_starts)
        self.boundary_pred += len(p_starts)
        for pos in sorted(g_starts ^ p_starts):
            kind = "missed" if pos in g_starts else "extra"
            self.misses.append(f"{page_id}: {kind} article start at {text[pos : pos + 16]!r}")
        for g in gold:
            p = _holding(pred, g.start)
            self.roles_total += 1
            if p is not None and p.role == g.role:
                self.roles_right += 1
            else:
                got = p.role if p else None
                self.misses.append(
                    f"{page_id}: role {got} for {g.role} {text[g.start : g.start + 16]!r}"
                )
        positions = {b.start for b in gold} | {b.start for b in pred}
        for pos in sorted(positions):
            g = _holding(gold, pos)
            if g is None or g.role != "body" or pos == g.start == gold[0].start:
                continue
            want, got = _new_paragraph(gold, pos), _new_paragraph(pred, pos)
            self.joins_total += 1
            if want == got:
                self.joins_right += 1
            else:
                what = "new paragraph" if want else "continuation"
                self.misses.append(f"{page_id}: {what} missed at {text[pos : pos + 16]!r}")

    @property
    def boundary_f1(self) -> float:
        if not self.boundary_gold and not self.boundary_pred:
            return 1.0
        return 2 * self.boundary_hits / (self.boundary_gold + self.boundary_pred)

    @property
    def role_accuracy(self) -> float:
        return self.roles_right / self.roles_total if self.roles_total else 1.0

    @property
    def join_accuracy(self) -> float:
        return self.joins_right / self.joins_total if self.joins_total else 1.0

    def summary(self) -> str:
        return (
            f"article boundary F1 {self.boundary_f1:.3f} "
            f"({self.boundary_hits}/{self.boundary_gold} gold, {self.boundary_pred} predicted), "
            f"role accuracy {self.role_accuracy:.3f} ({self.roles_right}/{self.roles_total}), "
            f"join accuracy {self.join_accuracy:.3f} ({self.joins_right}/{self.joins_total})"
        )


def score(page_ids: list[str]) -> Score:
    s = Score()
    for page_id in page_ids:
        text, gold = load(page_id)
        s.add(page_id, text, gold, split_page(text))
    return s


def test_there_are_composed_pages_in_every_flavour():
    flavours = {
        json.loads((COMPOSED / f"{p}.json").read_text(encoding="utf-8"))["flavour"] for p in PAGES
    }
    assert len(PAGES) >= 10
    assert {"blank", "lines", "md", "wrap", "wrap-indent"} <= flavours


@pytest.mark.parametrize("page_id", PAGES)
def test_composed_gold_is_well_formed(page_id):
    doc = json.loads((COMPOSED / f"{page_id}.json").read_text(encoding="utf-8"))
    text, blocks = load(page_id)
    covered = [False] * len(text)
    last_end = 0
    for raw, b in zip(doc["blocks"], blocks, strict=True):
        assert text[b.start : b.end].startswith(raw["text"])
        assert b.role in ROLES
        assert last_end <= b.start < b.end
        assert not text[b.start].isspace() and not text[b.end - 1].isspace()
        assert (b.article is None) == (b.role == "other")
        last_end = b.end
        covered[b.start : b.end] = [True] * (b.end - b.start)
    assert all(c or ch.isspace() for c, ch in zip(covered, text, strict=True))


def test_composed_pages_score_above_the_floors():
    s = score(PAGES)
    detail = s.summary() + "\n" + "\n".join(s.misses)
    assert s.boundary_f1 >= MIN_BOUNDARY_F1, detail
    assert s.role_accuracy >= MIN_ROLE_ACCURACY, detail
    assert s.join_accuracy >= MIN_JOIN_ACCURACY, detail


def _as_one_paragraph_per_line(page_id: str) -> tuple[str, list[Block]]:
    """A blank-line page with its blocks one per line and no blank lines, and its gold."""
    text, gold = load(page_id)
    out, blocks = ["\n"], []
    pos = 1
    for b in gold:
        part = text[b.start : b.end]
        blocks.append(Block(pos, pos + len(part), b.role, b.article, b.joins_previous))
        out += [part, "\n"]
        pos += len(part) + 1
    return "".join(out), blocks


def test_blank_line_pages_score_the_same_in_the_one_paragraph_per_line_flavour():
    s = Score()
    for page_id in PAGES:
        doc = json.loads((COMPOSED / f"{page_id}.json").read_text(encoding="utf-8"))
        if doc["flavour"] in ("blank", "md"):
            text, gold = _as_one_paragraph_per_line(page_id)
            s.add(page_id, text, gold, split_page(text))
    detail = s.summary() + "\n" + "\n".join(s.misses)
    assert s.boundary_f1 >= MIN_BOUNDARY_F1, detail
    assert s.role_accuracy >= MIN_ROLE_ACCURACY, detail
    assert s.join_accuracy >= MIN_JOIN_ACCURACY, detail


def test_scorer_gives_full_marks_to_the_gold_itself_and_less_to_a_flat_split():
    s = Score()
    flat = Score()
    for page_id in PAGES:
        text, gold = load(page_id)
        s.add(page_id, text, gold, gold)
        flat.add(page_id, text, gold, [Block(b.start, b.end, "body", 1) for b in gold])
    assert (s.boundary_f1, s.role_accuracy, s.join_accuracy) == (1.0, 1.0, 1.0)
    assert flat.boundary_f1 < 0.3 and flat.role_accuracy < 0.8


if __name__ == "__main__":  # pragma: no cover - a report for humans
    result = score(PAGES)
    sys.stdout.write("\n".join([*result.misses, result.summary()]) + "\n")
