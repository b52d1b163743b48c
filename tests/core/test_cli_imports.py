"""``annotator --help`` and the other answers that open nothing (``--version``, a command's
``--help``) come at once: they import neither the store (sqlite_utils, dateutil…), nor the
rules, the learners or Qt (issue 11; the ``annotator.cli`` package imports these where a command uses them)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = (
    "annotator.store",
    "sqlite_utils",
    "sqlite3",
    "annotator.gui",
    "PySide6",
    "annotator.split",
    "annotator.suggest",
    "annotator.learn",
    "annotator.pipeline",
    "annotator.exporting",
    "annotator.training",
    "jieba",
    "pycrfsuite",
    "numpy",
)

_RUN = """
import sys
from annotator.cli import main
try:
    main(sys.argv[1:], prog_name="annotator")
except SystemExit as exit:
    assert not exit.code, exit.code
print("LOADED", [m for m in sys.modules if m.split(".")[0] in {h.split(".")[0] for h in HEAVY}
                 and m.startswith(HEAVY)])
"""


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["import", "--help"], ["export", "--help"], ["gui", "-h"]]
)
def test_the_help_imports_nothing_heavy(args: list[str]) -> None:
    code = f"HEAVY = {HEAVY!r}\n{_RUN}"
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "Usage:" in out.stdout or "version" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "LOADED []"
