"""Count a bench's instructions under callgrind, from a warmed-up point to its end.

A bench re-runs itself with ``--counted-run FLAG`` under valgrind with instrumentation off;
the child does its warm-up (imports, first pages), writes FLAG and waits; the parent then
switches instrumentation on and removes FLAG, and the child does the counted work and exits.
Instruction counts do not depend on what else the machine runs, unlike any clock.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def counted(script: str, args: list[str]) -> tuple[int, str] | str:
    """``(instructions, child's stdout)`` of ``script args --counted-run FLAG`` after its
    warm-up, or the reason it could not be counted."""
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        return "valgrind is not installed"
    with tempfile.TemporaryDirectory() as tmp:
        flag, out = Path(tmp) / "ready", Path(tmp) / "callgrind.out"
        child = subprocess.Popen(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no",
             f"--callgrind-out-file={out}", sys.executable, script, *args,
             "--counted-run", str(flag)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        while not flag.exists():
            if child.poll() is not None:
                return "the counted run ended early"
            time.sleep(0.2)
        subprocess.run(
            ["callgrind_control", "-i", "on", str(child.pid)], check=True, capture_output=True
        )
        flag.unlink()
        stdout, _ = child.communicate()
        totals = [line for line in out.read_text().splitlines() if line.startswith("summary:")]
        return int(totals[0].split()[1]), stdout
