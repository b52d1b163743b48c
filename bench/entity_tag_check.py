"""Check (issue 10): the learnt entity model's suggestions do not change when its tagging is
made faster. Tags the sentences of BIO files with one saved model, each sentence alone and
in pages of 20 sentences (the model finding the rule candidates itself), and writes every
span with its label and confidence, one a line; with ``--compare FILE`` (the output of
another version of the code) it prints how many lines differ (``differ=0`` when none).

    python bench/entity_tag_check.py --model FILE BIO... [--out FILE] [--compare FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def tagged(model_file: Path, files: list[Path]) -> list[str]:
    """One line a suggestion: file, mode, page, start, end, label, the attributes."""
    from annotator.formats.conll import read_conll
    from annotator.learn import entities

    model = entities.load(model_file.read_bytes())
    out = []
    for path in files:
        sentences = [text for text, _ in read_conll(path)]
        for per in (1, 20):
            pages = ["\n".join(sentences[i : i + per]) for i in range(0, len(sentences), per)]
            for k, page in enumerate(pages):
                for s, e, label, attrs in model(page):
                    out.append(
                        f"{path.name}\t{per}\t{k}\t{s}\t{e}\t{label}\t{sorted(attrs.items())!r}"
                    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    lines = tagged(args.model, args.files)
    print(f"suggestions={len(lines)}")
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.compare:
        old = args.compare.read_text(encoding="utf-8").splitlines()
        differ = sum(a != b for a, b in zip(old, lines, strict=False)) + abs(len(old) - len(lines))
        print(f"differ={differ}")


if __name__ == "__main__":
    main()
