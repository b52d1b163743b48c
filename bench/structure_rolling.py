"""Benchmark: the structure model's learning curve as a reviewer meets it on one paper.

Pages of one paper (records in the ``bench/structure_real.py`` format, ``--paper``) are marked
done one after another in date order; after N of them the model is retrained and splits the
paper's other pages. Rolling and deterministic: ``--starts`` runs begin at pages spread evenly
over the date order (a run takes the N pages from its start on, wrapping round), each text form
apart (a paper comes in one form); every run is scored on the pages it did not train on, the
rules on the same pages. Printed per N: the rules, the model taking every decision (``model``)
and the model as ``annotator train`` keeps it (``train``: cross-validated on the N pages, the
model takes over only the decisions it scored at least as well on; the rules below
``MIN_PAGES``), each pooled over runs and forms: article-start F1, heading-role accuracy, join
F1 (and role accuracy).

``--held-day D`` leaves out pages whose day of month is at most D (a held-out part);
``--held`` scores them instead, after the model learnt from the N development pages last in
date order (one run). ``--until DATE`` keeps only the pages dated before it.
``--xun`` refills shortened leads as ``/tmp/s23papers/tools/sp.py`` does (datelines in 讯).

    python bench/structure_rolling.py --records /tmp/s23papers/records --paper 人民日报 \\
        --held-day 5 --xun [--sizes 0 3 5 10 20] [--held]

Measured when it was made (27 dev pages of 人民日报 1951-2003, all forms; rules: article F1
0.94, heading roles 0.72-0.74, joins 0.89-0.91), heading roles of the model after 3/5/10/20
pages: format 4 0.548/0.621/0.730/0.822, format 5 0.649/0.758/0.748/0.806; as ``annotator
train`` keeps it after 5/10/20: 0.730/0.710/0.767 -> 0.742/0.721/0.778. The held-out pages
(day <= 5: 5 pages, 8 articles), scored once, as train keeps it after 5/10/20: heading roles
0.571/0.571/0.786 -> 0.809/0.809/0.833 (rules 0.571).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import structure_real as sr  # noqa: E402
import structure_styles as styles  # noqa: E402

from annotator.learn import structure  # noqa: E402
from annotator.learn.structure_scores import score_pages  # noqa: E402
from annotator.model import Page  # noqa: E402
from annotator.split import split_page  # noqa: E402


def _day(page_id: str) -> int:
    return int(page_id.split("|")[1].split("-")[2])


def _model(train: list, paper: str, judged: bool) -> structure.StructureModel | None:
    """The model learnt from ``train`` (``(page_id, form, text, gold)``): taking every
    decision, or (``judged``) as ``annotator train`` keeps it, None below its page minimum."""
    pages = [(Page(f"{p}:{f}", t, paper=paper), g, []) for p, f, t, g in train]
    if not judged:
        return structure.load(structure.train(pages))
    if len(pages) < structure.MIN_PAGES:
        return None
    figures = structure.cross_validate(pages, 5)
    return structure.load(structure.train(pages, figures))


def _show(name: str, triples: list) -> None:
    s = score_pages(triples)
    print(
        f"{name}: article_f1={s['article_start']['f1']:.3f}"
        f" heading_roles={s['role']['heading_accuracy']:.3f}"
        f" join_f1={s['join']['f1']:.3f} roles={s['role']['accuracy']:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=Path, nargs="+", required=True)
    parser.add_argument("--paper", required=True)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 3, 5, 10, 20])
    parser.add_argument("--starts", type=int, default=3, help="runs, spread over the pages")
    parser.add_argument("--held-day", type=int, default=0)
    parser.add_argument("--until", default="9999", help="only pages dated before this")
    parser.add_argument("--held", action="store_true", help="score the held-out pages")
    parser.add_argument("--xun", action="store_true", help="leads dated in 讯 too (sp.py)")
    parser.add_argument("--no-train", action="store_true", help="skip the judged model")
    args = parser.parse_args()
    if args.xun:
        sr._LEAD_PREFIX = re.compile(r"\A.{0,24}?[电讯]\s*(?:[（(][^（()）]{0,12}[)）])?")
    every = [
        p
        for p in sr.real_pages(sr.load_records(*args.records))
        if p[0].startswith(args.paper + "|")
    ]
    every = [p for p in every if p[0].split("|")[1] < args.until]
    dev = sorted(
        (p for p in every if _day(p[0]) > args.held_day), key=lambda p: p[0].split("|")[1:]
    )
    held = [p for p in every if _day(p[0]) <= args.held_day]
    n = len(dev)
    print(f"pages: dev={n} held={len(held)}")
    for k in args.sizes:
        rules, model, judged = [], [], []
        for run in range(args.starts if not args.held else 1):
            first = run * n // args.starts
            order = [dev[(first + i) % n] for i in range(n)]
            # the held part: the N dev pages reviewed last before it
            chosen = order[n - k :] if args.held and k else order[:k]
            tests = held if args.held else order[k:]
            for form in styles.FORMS:
                train = sr.composed(chosen, (form,))
                test = sr.composed(tests, (form,))
                rules += [(t, g, split_page(t)) for _, _, t, g in test]
                if not k:
                    continue
                m = _model(train, args.paper, False)
                model += [(t, g, m.split(t, args.paper)) for _, _, t, g in test]
                if args.no_train:
                    continue
                j = _model(train, args.paper, True)
                judged += [
                    (t, g, j.split(t, args.paper) if j else split_page(t)) for _, _, t, g in test
                ]
        _show(f"after_{k}.rules", rules)
        if model:
            _show(f"after_{k}.model", model)
        if judged:
            _show(f"after_{k}.train", judged)


if __name__ == "__main__":
    main()
