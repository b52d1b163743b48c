"""ruff holds the tree clean: lint and format (settings in pyproject.toml).

CI runs only the README's pytest line, so this test is what keeps ``ruff check`` and
``ruff format --check`` clean; a formatter that moves a ``# noqa`` comment off its line
once let lint errors into main with every test green.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TREES = ["annotator", "tests", "bench", "scripts"]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("ruff") is None,
    reason="ruff is not installed: pip install '.[test]' to lint the tree",
)


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ruff", *args, *TREES]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def test_ruff_finds_no_lint_error():
    result = _ruff("check", "--no-cache", "--output-format", "concise")
    assert result.returncode == 0, "ruff check:\n" + result.stdout + result.stderr


def test_ruff_format_leaves_every_file_as_it_is():
    result = _ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, "ruff format --check:\n" + result.stdout + result.stderr
