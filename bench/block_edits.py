"""CPU time of planning a boundary edit on a long page, as the store plans a key press.

A page of 20,000 characters in paragraphs of 200 (an article every ten, every third
paragraph joined to the one before it) with 1,000 spans, half of them open suggestions,
some across the joins. Each figure is the CPU time (``process_time``) of ``edits.plan`` of
one edit and the check that refuses an edit leaving an accepted label out of every export
(``refuse_labels_left_out``), what ``Store.apply`` computes before it writes; edits that are
refused count too (the reviewer pays for them as well):

    <kind>_median_us=   median over the edits of that kind at 60 blocks across the page
    <kind>_p95_us=      their 95th percentile
    all_median_us=      median over every edit
    stranded_rejected=  open suggestions the edits rejected in all (0 before issue 9's rule)

Run: python bench/block_edits.py [--repeat N]   (from any directory; prints name=value lines)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.edits import EditError, Op, PageState, plan, refuse_labels_left_out  # noqa: E402
from annotator.model import Block, Page, Span  # noqa: E402

BASE = (
    "本报讯 市委书记邓群策主持召开会议,研究部署全市粮食生产工作,全年播种面积720万亩,同比增长3.5%。"
)
LABELS = ("PER", "ORG", "LOC", "DATE", "FIGURE")


def page_state(chars: int = 20_000, paragraph: int = 200, spans: int = 1_000) -> PageState:
    paras, total = [], 0
    while total < chars:
        paras.append((BASE * (paragraph // len(BASE) + 1))[:paragraph])
        total += len(paras[-1]) + 2
    text, blocks = "", []
    for i, para in enumerate(paras):
        if i:
            text += "\n" if i % 3 == 1 and i % 10 else "\n\n"
        joins = bool(i % 3 == 1 and i % 10)
        role = "headline" if i % 10 == 0 else "body"
        blocks.append(Block(len(text), len(text) + len(para), role, i // 10 + 1, joins))
        text += para
    out: dict[int, Span] = {}
    step = len(text) // spans
    for k in range(spans):
        start = k * step
        while text[start] == "\n":
            start += 1
        status = "accepted" if k % 2 else "suggested"
        out[k + 1] = Span(start, start + 3, LABELS[k % 5], "rule", status, {}, k + 1)
    for n, b in enumerate(blocks):  # an open suggestion across each join
        if b.joins_previous:
            out[10_000 + n] = Span(
                b.start - 3, b.start + 2, "PER", "rule", "suggested", {}, 10_000 + n
            )
    page = Page("p", text, status="in_progress")
    return PageState(page, tuple(blocks), out)


def edits(state: PageState) -> list[Op]:
    picked = state.blocks[5 :: max(len(state.blocks) // 60, 1)][:60]
    ops = []
    for b in picked:
        ops.append(Op("start_article", "p", {"block": b.start}))
        ops.append(Op("split_block", "p", {"at": b.start + 50}))
        ops.append(Op("unjoin", "p", {"block": b.start}))
        ops.append(Op("move_block", "p", {"block": b.start, "direction": 1}))
        ops.append(Op("set_role", "p", {"block": b.start, "role": "caption"}))
        ops.append(Op("merge_blocks", "p", {"block": b.start}))
    return ops


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    state = page_state()
    labels = frozenset(LABELS)
    times: dict[str, list[float]] = {}
    rejected = 0
    for _ in range(args.repeat):
        for op in edits(state):
            start = time.process_time()
            try:
                result = plan(state, op, labels)
                refuse_labels_left_out(result)
            except EditError:
                result = None
            times.setdefault(op.kind, []).append((time.process_time() - start) * 1e6)
            if result is not None and _ == 0:
                rejected += sum(
                    1
                    for i in result.changes.spans
                    if state.spans[i].status == "suggested"
                    and result.after.spans[i].status == "rejected"
                )
    print(f"page_chars={len(state.page.text)}")
    print(f"page_blocks={len(state.blocks)}")
    print(f"page_spans={len(state.spans)}")
    for kind, values in times.items():
        values.sort()
        print(f"{kind}_median_us={statistics.median(values):.0f}")
        print(f"{kind}_p95_us={values[int(0.95 * (len(values) - 1))]:.0f}")
    every = [v for values in times.values() for v in values]
    print(f"all_median_us={statistics.median(every):.0f}")
    print(f"stranded_rejected={rejected}")


if __name__ == "__main__":
    main()
