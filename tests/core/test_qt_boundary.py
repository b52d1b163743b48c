"""The core never imports Qt: it runs, and its tests pass, with PySide6 unavailable."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import annotator
from annotator.store import Store

PACKAGE = Path(annotator.__file__).resolve().parent
# The subprocess imports the same annotator as this test run (checkout or installed).
ENV = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}


def _core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if "gui" in parts or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_every_core_module_imports_with_pyside6_blocked(tmp_path):
    modules = _core_modules()
    assert "annotator.store" in modules and "annotator.edits" in modules
    assert {"annotator.store.opening", "annotator.store.editing"} <= set(modules)
    script = textwrap.dedent(
        f"""
        import importlib, sys
        sys.modules["PySide6"] = None
        sys.modules["shiboken6"] = None
        for name in {modules!r}:
            importlib.import_module(name)
        assert not any(m.startswith("PySide6.") for m in sys.modules)
        print("ok", len({modules!r}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=ENV
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_cli_commands_work_without_qt(tmp_path):
    db = tmp_path / "noqt.db"
    Store.open(db).close()
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["PySide6"] = None
        from annotator.cli import main
        sys.argv = ["annotator", "stats", "--db", {str(db)!r}]
        main()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=ENV
    )
    assert result.returncode == 0, result.stderr
    assert "Pages" in result.stdout


def test_gui_command_without_qt_says_what_to_do(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["PySide6"] = None
        from annotator.cli import main
        sys.argv = ["annotator", "gui", "--db", {str(tmp_path / "x.db")!r}]
        main()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=ENV
    )
    assert result.returncode == 1
    assert "Error: the review window cannot start" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_linter_contract_is_kept():
    root = PACKAGE.parent
    if not (root / "pyproject.toml").is_file():
        root = Path(__file__).resolve().parents[2]
    linter = Path(sys.executable).with_name("lint-imports")
    if not linter.exists() or not (root / "pyproject.toml").is_file():
        import pytest

        pytest.skip("import-linter or the project configuration is not available")
    result = subprocess.run([str(linter)], capture_output=True, text=True, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The core does not import Qt KEPT" in result.stdout
