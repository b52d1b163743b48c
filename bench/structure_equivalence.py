"""Check: a change meant only for speed leaves every pre-split as it was (issue 9).

Splits many pages with the rules and with learnt structure models, and either saves what
came out or compares it with a saved run. Per page it keeps a digest of the rules' blocks
(ranges, roles, articles, joins and confidences), of the model's feature strings and of the
model's blocks; per model, a digest of its weights (the features of its training pages;
not of the features' names).

- pages: the composed pages of ``bench/structure_corpus.py`` (four papers, also joined four
  to a page as ``bench/structure_speed.py --long 4`` does), the hand-made composed pages of
  ``tests/core/gold_split/composed/`` and the pages of ``bench/structure_styles.py`` (three
  styles, both halves, every text form and ``wrapflat``);
- with ``--real DIR`` (a records folder of ``bench/structure_real.py``), every real page in
  every text form;
- models: one trained on 500 composed pages (as ``bench/structure_speed.py``), one on 80
  real pages when ``--real`` is given, each taking over every decision and also only some
  (the role; the article starts and joins), as ``annotator train`` may choose.

Typical use, with the code before the change checked out in another folder::

    (cd /tmp/before && python bench/structure_equivalence.py --save /tmp/before.pickle --real R)
    python bench/structure_equivalence.py --compare /tmp/before.pickle --real R

Prints ``pages``, ``models`` and, with ``--compare``, ``differing_pages`` and
``differing_models`` (with the first differences); exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import structure_corpus as corpus  # noqa: E402
import structure_styles as styles  # noqa: E402

from annotator.learn import structure  # noqa: E402
from annotator.model import Block, Page  # noqa: E402
from annotator.split.page import analyse_page  # noqa: E402

COMPOSED = ROOT / "tests" / "core" / "gold_split" / "composed"
# Which decisions each model variant takes over (None: every one, as without figures).
TAKEOVERS: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("all", None),
    ("role", frozenset({"role"})),
    ("start_join", frozenset({"start", "join"})),
)


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:24]


def _blocks(blocks: Sequence[Block]) -> str:
    return _digest(
        [
            (b.start, b.end, b.role, b.article, b.joins_previous, sorted(b.confidences.items()))
            for b in blocks
        ]
    )


def _weights(model: structure.StructureModel) -> str:
    """The model's weights without its feature names: the transitions, and each label's
    weights of the features (as a sorted list; the names may be codes, see
    ``structure._code``)."""
    info = model._tagger.info()
    states = sorted((label, weight) for (_, label), weight in info.state_features.items())
    return _digest((sorted(info.transitions.items()), states, sorted(info.labels)))


def composed_pages(count: int) -> Iterator[tuple[str, str, str]]:
    """``(name, paper, text)`` of the composed pages of every source but the real one."""
    for paper in corpus.PAPERS:
        texts = [t for _, t, _ in corpus.pages(paper, count, seed=4000)]
        for i, t in enumerate(texts):
            yield f"corpus:{paper}:{i}", paper, t
        sep = corpus._SEPARATORS[paper]
        for i in range(0, len(texts) - 3, 4):
            yield f"long:{paper}:{i}", paper, sep.join(texts[i : i + 4])
    for path in sorted(COMPOSED.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        yield f"gold:{path.stem}", "", (ROOT / doc["source"]).read_text(encoding="utf-8")
    for style in styles.STYLES:
        for half in styles.HALVES:
            for form in (*styles.FORMS, "wrapflat"):
                for pid, text, _, _ in styles.pages(style, half, count // 4, (form,)):
                    yield f"styles:{pid}:{form}", style, text


def real_pages(folder: Path) -> tuple[list[tuple[str, str, str]], list]:
    """The real pages in every form, and 80 of them with their gold to train on."""
    import structure_real as real

    records = real.load_records(folder)
    every = list(real.composed(real.real_pages(records), (*styles.FORMS, "wrapflat")))
    pages = [(f"real:{i}:{f}", i.split("|")[0], t) for i, f, t, _ in every]
    chosen = [p for p in every if p[1] != "wrapflat"]
    random.Random(5).shuffle(chosen)
    gold = [(Page(f"{i}:{f}", t, paper=i.split("|")[0]), g, []) for i, f, t, g in chosen[:80]]
    return pages, gold


def composed_gold() -> list:
    per_paper = 500 // len(corpus.PAPERS)
    return [
        (Page(i, t, paper=paper), g, [])
        for paper in corpus.PAPERS
        for i, t, g in corpus.pages(paper, per_paper, seed=3000)
    ]


def run(count: int, real: Path | None) -> dict[str, str]:
    """Every digest by name: ``model:…`` for models, ``page:…`` for pages."""
    pages = list(composed_pages(count))
    trained = {"composed": composed_gold()}
    if real is not None:
        real_list, trained["real"] = real_pages(real)
        pages += real_list
    out: dict[str, str] = {}
    models = {}
    # the features by name (before the names were coded, page_features gave the names)
    names = getattr(structure, "feature_names", lambda features: features)
    for name, gold in trained.items():
        models[name] = model = structure.load(structure.train(gold))
        out[f"model:{name}"] = _weights(model)
    for name, paper, text in pages:
        shapes, blocks = analyse_page(text)
        parts = [_blocks(blocks)]
        for model_name, model in models.items():
            features = structure.page_features(text, shapes, blocks, paper)
            parts.append(_digest(names(features)))
            for taken_name, taken in TAKEOVERS:
                model._taken = structure.ALL_DECISIONS if taken is None else taken
                parts.append(f"{model_name}/{taken_name}:{_blocks(model.split(text, paper))}")
        out[f"page:{name}"] = " ".join(parts)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path, help="save the digests to this file")
    parser.add_argument("--compare", type=Path, help="compare with the digests of this file")
    parser.add_argument("--count", type=int, default=200, help="composed pages per source")
    parser.add_argument("--real", type=Path, help="records folder of bench/structure_real.py")
    args = parser.parse_args()
    digests = run(args.count, args.real)
    print(f"pages={sum(k.startswith('page:') for k in digests)}")
    print(f"models={sum(k.startswith('model:') for k in digests)}")
    if args.save is not None:
        args.save.write_bytes(pickle.dumps(digests))
    if args.compare is None:
        return
    before: dict[str, str] = pickle.loads(args.compare.read_bytes())
    if set(before) != set(digests):
        print("not the same pages: run both with the same arguments")
        sys.exit(1)
    differing = [k for k in sorted(digests) if digests[k] != before[k]]
    pages = [k for k in differing if k.startswith("page:")]
    print(f"differing_pages={len(pages)}")
    print(f"differing_models={len(differing) - len(pages)}")
    for k in differing[:10]:
        print(f"  {k}: {before[k]} -> {digests[k]}")
    if differing:
        sys.exit(1)


if __name__ == "__main__":
    main()
