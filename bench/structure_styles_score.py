"""Benchmark: the rules' pre-split on the three further styles of ``structure_styles.py``.

Prints ``name=value`` lines per style and half (and per text form with ``--forms``): article
start F1, heading-role accuracy, role accuracy and join F1. Develop against ``--half dev``;
the ``heldout`` half is for the final report only.

    python bench/structure_styles_score.py --half dev [--count 60] [--forms] [--flat] [--misses STYLE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import structure_styles as styles  # noqa: E402

from annotator.learn.structure_scores import score_pages  # noqa: E402
from annotator.split import split_page  # noqa: E402


def show(name: str, scores: dict) -> None:
    print(f"{name}.article_start_f1={scores['article_start']['f1']:.3f}")
    print(f"{name}.heading_role_accuracy={scores['role']['heading_accuracy']:.3f}")
    print(f"{name}.role_accuracy={scores['role']['accuracy']:.3f}")
    print(f"{name}.join_f1={scores['join']['f1']:.3f}")
    # no gold block joins in the wrapped forms: there F1 counts only the lines the reflow
    # left apart; accuracy counts every boundary
    print(f"{name}.join_accuracy={scores['join']['accuracy']:.3f}")


def misses(text: str, gold: list, pred: list) -> None:
    """Print gold blocks whose role, article start or join the rules got wrong."""
    starts = {}
    for b in pred:
        if b.article is not None:
            starts.setdefault(b.article, b.start)
    seen: set = set()
    for g in gold:
        p = next((b for b in pred if b.start <= g.start < b.end), None)
        new = g.article is not None and g.article not in seen
        seen.add(g.article)
        got_new = p is not None and p.start == g.start and starts.get(p.article) == g.start
        got_join = p is not None and (p.start != g.start or p.joins_previous)
        flags = []
        if p is None or p.role != g.role:
            flags.append(f"role {g.role}->{p.role if p else None}")
        if new != got_new:
            flags.append(f"start {new}->{got_new}")
        if g.role == "body" and g.joins_previous != got_join and not new:
            flags.append(f"join {g.joins_previous}->{got_join}")
        mark = "!!" if flags else "  "
        print(f"{mark} {text[g.start : g.end][:40]!r:44} {' '.join(flags)}")
    extra = [b for b in pred if b.article is not None and starts.get(b.article) == b.start]
    for b in extra:
        if not any(g.start == b.start for g in gold):
            print(f"!! extra start inside a gold block: {text[b.start : b.end][:40]!r}")
    print("-" * 60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=styles.HALVES, required=True)
    parser.add_argument("--count", type=int, default=60, help="pages per style")
    parser.add_argument("--forms", action="store_true", help="also per text form")
    parser.add_argument("--misses", metavar="STYLE", help="print the misses of a few pages")
    parser.add_argument(
        "--flat", action="store_true", help="wrapflat in the place of wrap (the same pages)"
    )
    args = parser.parse_args()
    everything = []
    for style in styles.STYLES:
        triples = []
        forms = tuple("wrapflat" if args.flat and f == "wrap" else f for f in styles.FORMS)
        by_form: dict[str, list] = {f: [] for f in forms}
        for _, text, gold, form in styles.pages(style, args.half, args.count, forms):
            triple = (text, gold, split_page(text))
            triples.append(triple)
            by_form[form].append(triple)
            if args.misses == style and len(triples) <= 6:
                print(f"== {form}")
                misses(*triple)
        everything += triples
        show(f"rules.{args.half}.{style}", score_pages(triples))
        if args.forms:
            for form, some in by_form.items():
                show(f"rules.{args.half}.{style}.{form}", score_pages(some))
    show(f"rules.{args.half}.all", score_pages(everything))


if __name__ == "__main__":
    main()
