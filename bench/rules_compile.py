"""Benchmark: the CPU time a fresh interpreter spends compiling the rules' regular expressions.

Every process that splits or suggests imports the rules (``annotator.pipeline``,
``annotator.learn.structure``) and compiles their patterns at import: the command line,
training processes, import workers started by spawn, the window's warm-up thread (issue #11).
Each run is a new Python process that times every ``re`` compile during that import::

    python bench/rules_compile.py [--runs 7] [--against DIR]

Prints ``compile_cpu_ms`` (CPU time inside ``re``'s compile, median of the runs),
``import_cpu_ms`` (CPU time of the whole import, median) and ``slowest_compiles`` (the five
costliest call sites of one run). With ``--against DIR`` (a checkout of the code before a
change) the runs alternate between it and this one, so the load of a shared machine hits both,
and the figures of DIR are printed as ``before_compile_cpu_ms`` and ``before_import_cpu_ms``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_RUN = """
import json, re, sys, time
sys.path.insert(0, sys.argv[1])
plain = re._compile
spent = {"all": 0.0}
sites = {}
def timed(pattern, flags):
    start = time.process_time()
    try:
        return plain(pattern, flags)
    finally:
        took = time.process_time() - start
        spent["all"] += took
        frame = sys._getframe(1)
        while frame.f_back and (
            frame.f_code.co_filename.endswith(("re/__init__.py", "rules_regex.py"))
        ):
            frame = frame.f_back
        site = frame.f_code.co_filename.rsplit("annotator/", 1)[-1] + f":{frame.f_lineno}"
        sites[site] = sites.get(site, 0.0) + took
re._compile = timed
start = time.process_time()
import annotator.pipeline, annotator.learn.structure
total = time.process_time() - start
assert annotator.__file__.startswith(sys.argv[1]), annotator.__file__
slowest = sorted(sites.items(), key=lambda kv: -kv[1])[:5]
print(json.dumps([spent["all"] * 1000, total * 1000, [(s, round(t * 1000)) for s, t in slowest]]))
"""


def _run(root: Path) -> tuple[float, float, list[tuple[str, int]]]:
    """One fresh interpreter importing the rules of the checkout at ``root``."""
    out = subprocess.run(
        [sys.executable, "-c", _RUN, str(root)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    compile_ms, import_ms, slowest = json.loads(out.stdout.strip().splitlines()[-1])
    return compile_ms, import_ms, slowest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", type=Path, help="a checkout of the code before a change")
    args = parser.parse_args()
    roots = {"": ROOT}
    if args.against:
        roots["before_"] = args.against.resolve()
    figures: dict[str, list[tuple[float, float, list[tuple[str, int]]]]] = {k: [] for k in roots}
    for _ in range(args.runs):
        for prefix, root in roots.items():
            figures[prefix].append(_run(root))
    for prefix, runs in figures.items():
        print(f"{prefix}compile_cpu_ms={statistics.median(r[0] for r in runs):.0f}")
        print(f"{prefix}import_cpu_ms={statistics.median(r[1] for r in runs):.0f}")
    slowest = figures[""][-1][2]
    print("slowest_compiles=" + ", ".join(f"{site} {ms} ms" for site, ms in slowest))


if __name__ == "__main__":
    main()
