"""Check hand copies of a real-page set against its committed recipe (issue 9).

The real pages of the structure benches are copyrighted and live only on the machine that typed
them back; a new machine has to type them again from the public crawls, following the recipe in
``bench/paper_sets/`` (which holds no text). Build the copies with ``bench/curve2_build.py TXT
RECORDS REBUILT.json`` (it writes the recipe of what it built), then compare::

    python bench/paper_set_check.py bench/paper_sets/s29_curve.json REBUILT.json [--date D …]

Article by article, in order, the two must agree on the source, page, section, the roles of the
blocks, the indices of the shortened paragraphs and the article a jump page repeats
(``copy_of``). Prints each difference and ``articles=N differences=M``; exit status 1 when there
is any. ``--date`` checks the articles of those dates only (one copier's issues).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FIELDS = ("source", "page", "section", "roles", "shortened", "copy_of")


def articles(path: Path, dates: set[str]) -> list[dict]:
    """The recipe's articles, of ``dates`` only when any are given."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))["articles"]
    except (OSError, ValueError, KeyError) as err:
        raise SystemExit(f"{path}: not a recipe with an 'articles' list ({err})") from None
    return [a for a in found if not dates or a.get("date") in dates]


def differences(recipe: list[dict], rebuilt: list[dict]) -> list[str]:
    """One line for each field in which an article of ``rebuilt`` differs from ``recipe``."""
    lines = []
    if len(recipe) != len(rebuilt):
        lines.append(f"articles: recipe {len(recipe)}, rebuilt {len(rebuilt)}")
    for k, (want, got) in enumerate(zip(recipe, rebuilt, strict=False)):
        for field in FIELDS:
            if want.get(field) != got.get(field):
                where = f"#{k} {want.get('date')} {want.get('source', '')[-26:]}"
                lines.append(f"{where} {field}: recipe {want.get(field)}, rebuilt {got.get(field)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("recipe", type=Path, help="the committed recipe (bench/paper_sets/…)")
    parser.add_argument("rebuilt", type=Path, help="the recipe curve2_build.py wrote")
    parser.add_argument("--date", action="append", default=[], help="check this date only")
    args = parser.parse_args(argv)
    dates = set(args.date)
    recipe = articles(args.recipe, dates)
    lines = differences(recipe, articles(args.rebuilt, dates))
    for line in lines:
        print(line)  # noqa: T201
    print(f"articles={len(recipe)} differences={len(lines)}")  # noqa: T201
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
