"""Benchmark: the gazetteer learnt from gold, at the size a busy project reaches.

Builds a gazetteer of 20,000 random entries and finds them in a page of 10,000
characters. Prints ``gazetteer_build_s=`` and ``gazetteer_find_ms=`` (per page; target
a few milliseconds).

    python bench/gazetteer.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.suggest import Gazetteer  # noqa: E402


def main() -> None:
    rng = random.Random(4)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    entries = {("".join(rng.choices(chars, k=rng.randint(2, 6))), "ORG"): 1 for _ in range(20000)}
    start = time.perf_counter()
    gaz = Gazetteer.from_counts(entries)
    print(f"gazetteer_build_s={time.perf_counter() - start:.2f}")
    page = "".join(rng.choices(chars, k=10_000))
    gaz.find(page)
    start = time.perf_counter()
    for _ in range(20):
        gaz.find(page)
    print(f"gazetteer_find_ms={(time.perf_counter() - start) / 20 * 1000:.2f}")


if __name__ == "__main__":
    main()
