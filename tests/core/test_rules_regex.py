"""The rules' patterns compiled by :mod:`annotator.rules_regex` are the very programs that
``re.compile`` makes (issue #11): remembering a character class's optimized form only saves
the time, so matching cannot change."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import annotator
import annotator.split
import annotator.suggest
from annotator import rules_regex

_compiler = pytest.importorskip("re._compiler")
_parser = pytest.importorskip("re._parser")
PACKAGE = Path(annotator.__file__).parent


def _rule_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every pattern bound at the top level of a module of the splitter or the suggesters."""
    found = []
    for package in (annotator.split, annotator.suggest):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for name, value in sorted(vars(module).items()):
                if isinstance(value, re.Pattern) and value.__module__ != "typing":
                    found.append((f"{info.name}.{name}", value))
    return found


def _program(pattern: re.Pattern[str], remembered: bool) -> list[int]:
    """The compiled program of ``pattern``, with the classes remembered or not."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if not remembered:
        return _compiler._code(parsed, pattern.flags)
    saved = _compiler._optimize_charset
    _compiler._optimize_charset = rules_regex._memo_optimize_charset
    try:
        return _compiler._code(parsed, pattern.flags)
    finally:
        _compiler._optimize_charset = saved


def test_every_rule_pattern_compiles_to_the_same_program() -> None:
    patterns = _rule_patterns()
    assert len(patterns) > 150
    for name, pattern in patterns:
        # (twice remembered: the second time every class comes from the table)
        plain = _program(pattern, remembered=False)
        assert _program(pattern, remembered=True) == plain, name
        assert _program(pattern, remembered=True) == plain, name


def test_the_table_serves_repeated_classes() -> None:
    han = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    source = "|".join(f"[{han}]{{{n}}}x" for n in range(1, 40))
    rules_regex.compile(f"[{han}]")  # the class is in the table from here on

    def cpu(compile_: Callable[[str], re.Pattern[str]]) -> float:
        start = time.process_time()
        compile_(source)
        return time.process_time() - start

    re.purge()
    plain = cpu(re.compile)
    re.purge()
    remembered = cpu(rules_regex.compile)
    # (39 walks of ~28,000 code points against none: far apart even on a loaded machine)
    assert remembered < plain / 3
    assert rules_regex.compile(source).pattern == source


def test_compile_leaves_the_standard_compiler_as_it_was() -> None:
    before = _compiler._optimize_charset
    rules_regex.compile("[a-z\u4e00-\u9fff]+", re.IGNORECASE)
    assert _compiler._optimize_charset is before
    # (case-insensitive classes take the ordinary way and match as re's do)
    pattern = rules_regex.compile("[a-z\u4e00-\u9fff]+", re.IGNORECASE)
    assert pattern.fullmatch("AbC中文") is not None


def test_the_rules_compile_through_the_table() -> None:
    # A rule module that called re.compile directly would pay the walks again at import.
    for folder in ("split", "suggest"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr == "compile"
                    and isinstance(node.value, ast.Name)
                ):
                    assert node.value.id == "rules_regex", f"{path}:{node.lineno}"
