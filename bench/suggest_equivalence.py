"""Check: a change meant only for speed leaves every rule suggestion as it was.

Runs the rule suggesters (:func:`annotator.suggest._rule_candidates`, every candidate with
its attributes, before overlaps are resolved, and :func:`annotator.suggest.suggestion_tuples`,
what import stores) over many pages and either saves what they found or compares it with
a saved run:

- the pages the repository ships (``seeds/``) and the pages of ``bench/suggest_speed.py``;
- the composed pages of the splitter's gold (``tests/core/gold_split/composed/*.txt``) and,
  each a page, the strings with Han characters that the suggesters' tests
  (``tests/core/test_suggest_*.py``) hold: the cases the rules were written for;
- with ``--mix N`` (default 300), N pages of 200 to 6,000 characters of shuffled sentences
  and pieces of all of the above, joined by nothing, newlines, spaces or markdown markers,
  some with full-width digits or other middle dots (a fixed seed: the same pages each run);
- with ``--bio FILE…``, the sentences of character-per-line BIO files joined into pages of
  ``--per-page`` sentences (every other page joined by newlines, the others run together).

Each page's suggestions are also found as an import worker finds them, the rules run over a
few pages in turn (:func:`annotator.suggest.suggestion_tuples_many`): a page where that
differs from the page alone differs from the saved run.

Typical use, with the code before the change checked out in another folder::

    (cd /tmp/before && python bench/suggest_equivalence.py --save /tmp/before.pickle \
        --tests "$OLDPWD/tests" --bio …)
    python bench/suggest_equivalence.py --compare /tmp/before.pickle --bio …

Prints ``pages``, ``characters`` and, with ``--compare``, ``differing_pages`` (and the first
differences); exits 1 when a page differs or the pages are not the same.
"""

from __future__ import annotations

import argparse
import ast
import pickle
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _bio_pages(path: Path, per_page: int) -> list[str]:
    """The sentences of a BIO file (first column) joined into pages."""
    sentences: list[str] = []
    chars: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields:
            if chars:
                sentences.append("".join(chars))
                chars = []
            continue
        chars.append(fields[0])
    if chars:
        sentences.append("".join(chars))
    pages = []
    for k, i in enumerate(range(0, len(sentences), per_page)):
        chunk = sentences[i : i + per_page]
        pages.append(("\n" if k % 2 == 0 else "").join(chunk))
    return pages


_HAN = re.compile("[\u4e00-\u9fff]")
_PIECES = re.compile(r"[^。！？；\n]+[。！？；]?")
_JOINS = ("", "", "", "\n", "\n\n", " ", "\u3000", "# ", "**", "\n## ")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _test_strings(tests: Path) -> list[str]:
    """The strings with Han characters in the suggesters' tests, in file order."""
    out: list[str] = []
    for path in sorted((tests / "core").glob("test_suggest_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = node.value if isinstance(node, ast.Constant) else None
            if isinstance(value, str) and _HAN.search(value):
                out.append(value)
    return out


def _mixes(texts: list[str], n: int) -> list[str]:
    """``n`` pages of shuffled sentences and pieces of ``texts`` (a fixed seed)."""
    rng = random.Random(26)
    pieces = [p for text in texts for p in _PIECES.findall(text) if p.strip()]
    pages = []
    for k in range(n):
        size = rng.choice((200, 1000, 3000, 6000))
        out: list[str] = []
        length = 0
        while length < size:
            piece = rng.choice(pieces)
            if rng.random() < 0.2:  # a piece cut anywhere
                a = rng.randrange(len(piece))
                piece = piece[a : a + rng.randrange(1, 40)]
            out.append(piece + rng.choice(_JOINS))
            length += len(out[-1])
        page = "".join(out)
        if k % 5 == 1:
            page = page.translate(_FULL_WIDTH)
        elif k % 5 == 2:
            page = page.replace("·", rng.choice(("\u30fb", "\u2027", "\uff65", "·")))
        pages.append(page)
    return pages


def _pages(bio: list[Path], per_page: int, mix: int = 0, tests: Path = ROOT / "tests") -> list[str]:
    import suggest_speed

    from annotator.resources import seeds_dir

    pages = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    for kind_pages in suggest_speed._pages(40).values():
        pages += kind_pages
    composed = tests / "core" / "gold_split" / "composed"
    pages += [p.read_text(encoding="utf-8") for p in sorted(composed.glob("*.txt"))]
    pages += _test_strings(tests)
    if mix:
        pages += _mixes(list(pages), mix)
    for path in bio:
        pages += _bio_pages(path, per_page)
    return pages


def _found(pages: list[str]) -> list[tuple[str, Any, Any]]:
    from annotator import suggest

    # an import worker's way too: the rules over a chunk's pages in turn; a page where it
    # finds other suggestions than the page alone is saved so, and so differs
    many = getattr(suggest, "suggestion_tuples_many", None)
    batched = many(pages, [None] * len(pages)) if many else [None] * len(pages)
    out = []
    for page, in_turn in zip(pages, batched, strict=True):
        cands = sorted(suggest._rule_candidates(page), key=lambda c: (*c[:4], repr(c[4])))
        kept = suggest.suggestion_tuples(page)
        if in_turn is not None and in_turn != kept:
            kept = ["in turn", in_turn, "alone", kept]
        out.append((page, cands, kept))
    return out


def _compare(before: list[tuple[str, Any, Any]], after: list[tuple[str, Any, Any]]) -> int:
    if [b[0] for b in before] != [a[0] for a in after]:
        print("error=the saved run holds other pages; use the same --bio files")
        return -1
    differing = 0
    for (page, old_cands, old_kept), (_, new_cands, new_kept) in zip(before, after, strict=True):
        if old_cands == new_cands and old_kept == new_kept:
            continue
        differing += 1
        if differing <= 5:
            old, new = set(map(repr, old_cands)), set(map(repr, new_cands))
            print(f"page={page[:30]!r}")
            print(f"  before_only={sorted(old - new)[:5]}")
            print(f"  after_only={sorted(new - old)[:5]}")
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write what the suggesters find here")
    what.add_argument("--compare", type=Path, help="compare with a run saved here")
    parser.add_argument("--bio", type=Path, nargs="*", default=[], help="BIO files of text")
    parser.add_argument("--per-page", type=int, default=60, help="sentences a page")
    parser.add_argument("--mix", type=int, default=300, help="pages of shuffled pieces")
    parser.add_argument(
        "--tests", type=Path, default=ROOT / "tests",
        help="the tests folder whose strings are pages (the same for both runs)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    pages = _pages(args.bio, args.per_page, args.mix, args.tests)
    print(f"pages={len(pages)}")
    print(f"characters={sum(map(len, pages))}")
    found = _found(pages)
    if args.save:
        args.save.write_bytes(pickle.dumps(found))
        return 0
    differing = _compare(pickle.loads(args.compare.read_bytes()), found)
    print(f"differing_pages={differing if differing >= 0 else 'n/a'}")
    return 0 if differing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
