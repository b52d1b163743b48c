"""mypy holds the package at zero errors, and code points and Qt positions do not mix.

CI runs only the README's pytest line, so this test is what keeps ``mypy annotator`` clean
(the settings are ``[tool.mypy]`` in pyproject.toml). The second test proves the offset types
of ``gui/offsets.py`` do their job: a Qt (UTF-16) position where a code point belongs, or the
other way round, is a type error (design.md, Known hazards).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "pyproject.toml"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None,
    reason="mypy is not installed: pip install '.[test]' to type-check annotator/",
)


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    # Run from the checkout so that mypy reads its settings and checks this tree's code.
    env = {**os.environ, "MYPYPATH": str(ROOT)}
    command = [sys.executable, "-m", "mypy", "--config-file", str(CONFIG), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)


def test_mypy_finds_no_error_in_the_package():
    result = _mypy(str(ROOT / "annotator"))
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert errors == [], "mypy annotator:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found"), result.stdout


def test_mixing_code_points_and_qt_positions_is_a_type_error(tmp_path):
    snippet = tmp_path / "mix.py"
    snippet.write_text(
        textwrap.dedent(
            """\
            from annotator.gui.offsets import OffsetMap, Utf16Pos
            from annotator.model import CodePoint

            offsets = OffsetMap("\\U00020BB7a")
            pos16: Utf16Pos = offsets.to_utf16(CodePoint(1))
            cp: CodePoint = offsets.to_cp(Utf16Pos(2))
            offsets.to_utf16(pos16)
            offsets.to_cp(cp)
            offsets.to_cp(3)
            offsets.break_position(pos16)
            """
        ),
        encoding="utf-8",
    )
    result = _mypy(str(snippet))
    flagged = {
        int(m.group(1)): m.group(2)
        for m in re.finditer(r"mix\.py:(\d+): error: .*\[([a-z-]+)\]", result.stdout)
    }
    # Lines 5-6 convert correctly; 7-10 pass the wrong kind of offset (or a bare int).
    assert flagged == {7: "arg-type", 8: "arg-type", 9: "arg-type", 10: "arg-type"}, result.stdout
