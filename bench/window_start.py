"""Benchmark: how long the window takes to show its first page, from a fresh interpreter.

Each run is a new Python process (nothing compiled or cached yet, as when a reviewer starts
the tool) that opens the window on the sample pages, offscreen, and stops once it is shown.
The rules and the learners load on a thread meanwhile (``gui/warmup.py``); the run also
reports when they are loaded::

    python bench/window_start.py [--runs 5]

Prints ``shown_cpu_ms`` / ``shown_wall_ms`` (process start to the window painted, medians)
and ``rules_loaded_wall_ms`` (until the warm-up thread is done; it starts once the window is
painted). Also ``help_cpu_ms`` / ``help_wall_ms``: a whole ``python -m annotator --help``
process (interpreter start included), which must not import the store, the rules or Qt.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_RUN = """
import os, sys, time
t0 = time.perf_counter(); c0 = time.process_time()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from annotator.gui.main_window import MainWindow
from annotator.store import Store
window = MainWindow(Store.open(sys.argv[1]), "bench", Path(sys.argv[1]))
window.show()
app.processEvents()
shown = (time.perf_counter() - t0, time.process_time() - c0)
while not window.rules_loaded:
    app.processEvents()
    time.sleep(0.005)
print(shown[0] * 1000, shown[1] * 1000, (time.perf_counter() - t0) * 1000)
window.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from annotator.pipeline import import_paths
    from annotator.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "start.db"
        with Store.open(db) as store:
            import_paths(store, [ROOT / "seeds"])
        runs = []
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, "-c", _RUN, str(db)],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            runs.append([float(x) for x in out.stdout.split()])
    wall, cpu, loaded = (statistics.median(col) for col in zip(*runs, strict=True))
    help_cpu, help_wall = (
        statistics.median(col) for col in zip(*_help_runs(args.runs), strict=True)
    )
    print(f"shown_cpu_ms={cpu:.0f}")
    print(f"shown_wall_ms={wall:.0f}")
    print(f"rules_loaded_wall_ms={loaded:.0f}")
    print(f"help_cpu_ms={help_cpu:.0f}")
    print(f"help_wall_ms={help_wall:.0f}")


def _help_runs(runs: int) -> list[tuple[float, float]]:
    """(CPU ms, wall ms) of each ``python -m annotator --help`` process."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "annotator", "--help"],
            capture_output=True,
            check=True,
            cwd=ROOT,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        times.append((cpu * 1000, wall * 1000))
    return times


if __name__ == "__main__":
    main()
