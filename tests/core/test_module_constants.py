"""No module of the package binds one top-level name twice: the second binding silently
replaces the first for every function that reads it at run time (split/shapes.py once
had NAME_MAX_CHARS = 9 for a body's name and, further down, = 4 for a person's)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).parent


def _top_level_names(tree: ast.Module) -> Counter[str]:
    names: Counter[str] = Counter()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def test_no_module_assigns_a_top_level_name_twice():
    twice = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, count in _top_level_names(ast.parse(path.read_text(encoding="utf-8"))).items()
        if count > 1
    ]
    assert twice == []
