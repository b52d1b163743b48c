"""Check: a change meant only for speed leaves every rule suggestion as it was.

Runs the rule suggesters (:func:`annotator.suggest._rule_candidates`, every candidate with
its attributes, before overlaps are resolved, and :func:`annotator.suggest.suggestion_tuples`,
what import stores) over many pages and either saves what they found or compares it with
a saved run:

- the pages the repository ships (``seeds/``) and the pages of ``bench/suggest_speed.py``;
- with ``--bio FILE…``, the sentences of character-per-line BIO files joined into pages of
  ``--per-page`` sentences (every other page joined by newlines, the others run together).

Typical use, with the code before the change checked out in another folder::

    (cd /tmp/before && python bench/suggest_equivalence.py --save /tmp/before.pickle --bio …)
    python bench/suggest_equivalence.py --compare /tmp/before.pickle --bio …

Prints ``pages``, ``characters`` and, with ``--compare``, ``differing_pages`` (and the first
differences); exits 1 when a page differs or the pages are not the same.
"""

from __future__ import annotations

import argparse
import pickle
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


def _pages(bio: list[Path], per_page: int) -> list[str]:
    import suggest_speed

    from annotator.resources import seeds_dir

    pages = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    for kind_pages in suggest_speed._pages(40).values():
        pages += kind_pages
    for path in bio:
        pages += _bio_pages(path, per_page)
    return pages


def _found(pages: list[str]) -> list[tuple[str, Any, Any]]:
    from annotator import suggest

    out = []
    for page in pages:
        cands = sorted(suggest._rule_candidates(page), key=lambda c: (*c[:4], repr(c[4])))
        out.append((page, cands, suggest.suggestion_tuples(page)))
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
    args = parser.parse_args(argv)
    pages = _pages(args.bio, args.per_page)
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
