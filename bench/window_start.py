"""Benchmark: how long the window takes to show its first page, from a fresh interpreter.

Each run is a new Python process (nothing compiled or cached yet, as when a reviewer starts
the tool) that opens the window on the sample pages, offscreen, and stops once it is shown.
The rules and the learners load on a thread meanwhile (``gui/warmup.py``); the run also
reports when they are loaded::

    python bench/window_start.py [--runs 5]

Prints ``shown_cpu_ms`` / ``shown_wall_ms`` (process start to the window painted, medians)
and ``rules_loaded_wall_ms`` (until the warm-up thread is done).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
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
    print(f"shown_cpu_ms={cpu:.0f}")
    print(f"shown_wall_ms={wall:.0f}")
    print(f"rules_loaded_wall_ms={loaded:.0f}")


if __name__ == "__main__":
    main()
