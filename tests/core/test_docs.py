"""The README stays true: its two commands, its command reference, and CI's test line."""

from __future__ import annotations

import re
from pathlib import Path

import click

from annotator.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _code_lines() -> list[str]:
    return [line.strip() for line in re.findall(r"```\n(.*?)\n```", README, re.S)]


def test_readme_has_one_install_and_open_line_and_one_install_and_test_line():
    lines = _code_lines()
    assert any("pip install ." in x and x.endswith("annotator") for x in lines)
    assert any('pip install ".[test]"' in x and x.endswith("pytest") for x in lines)


def test_ci_runs_exactly_the_readme_test_line():
    test_line = next(x for x in _code_lines() if x.endswith("pytest"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_line in ci.splitlines()
    assert "QT_QPA_PLATFORM=offscreen" in ci


def test_every_command_is_in_the_readme_and_has_help():
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert f"annotator {name}" in README, f"README does not mention 'annotator {name}'"
        assert command.help, f"'annotator {name}' has no help text"


def test_readme_keys_table_is_the_generated_one():
    import importlib.util

    import pytest

    pytest.importorskip("PySide6.QtWidgets")
    spec = importlib.util.spec_from_file_location("keys_table", ROOT / "scripts" / "keys_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    start = README.index("<!-- keys:start")
    start = README.index("\n", start) + 1
    end = README.index("<!-- keys:end -->")
    assert README[start:end].strip() == module.keys_table()
