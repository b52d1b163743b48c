"""Refresh the Chinese translation of the interface with Qt's own tools.

1. ``pyside6-lupdate`` collects every ``tr()`` string of ``annotator/gui/**/*.py`` (and
   every ``msg("…")`` template of the core, context "core": annotator/messages.py) into
   ``resources/translations/annotator_zh_CN.ts``; existing translations are kept, new
   strings arrive marked unfinished, strings no longer in the code are dropped.
2. Fill in the unfinished strings (Qt Linguist: ``pyside6-linguist <the .ts>``, or any
   editor: replace ``<translation type="unfinished"></translation>``).
3. ``pyside6-lrelease`` compiles the ``.ts`` into the ``.qm`` that the program loads.

Run it again after step 2, then commit both files::

    python scripts/update_translations.py          # update .ts, list what is untranslated, build .qm
    python scripts/update_translations.py --check  # also exit 1 if anything is untranslated
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "annotator" / "gui"
TS = ROOT / "resources" / "translations" / "annotator_zh_CN.ts"


def tool(name: str) -> str:
    """The Qt tool next to this Python (the venv's bin/Scripts), else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"error: {name} not found; install PySide6 (pip install PySide6-Essentials)")
    return found


def lupdate(extra: Path | None) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    if extra is not None:
        sources.append(str(extra.relative_to(ROOT)))
    TS.parent.mkdir(parents=True, exist_ok=True)
    command = [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "relative"]
    command += ["-source-language", "en", "-target-language", "zh_CN", "-ts", str(TS)]
    subprocess.run(command, cwd=ROOT, check=True)


def lrelease() -> None:
    qm = TS.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], cwd=ROOT, check=True)


# --- strings lupdate cannot see ---------------------------------------------------------
# lupdate reads literal calls only. It misses strings marked through an alias
# (``T = QT_TRANSLATE_NOOP`` … ``T("actions", "Quit")``) and translate() calls whose
# context is a constant (``translate(CONTEXT, "Label as {label}")``). Rather than leave
# those English, find them here and hand lupdate a generated file of literal calls.

HIDDEN_FILE = ROOT / "build" / "lupdate" / "hidden_strings.py"


def _string_constants(tree: ast.Module) -> tuple[set[str], dict[str, str]]:
    """Module-level aliases of QT_TRANSLATE_NOOP, and names bound to string literals."""
    aliases, constants = set(), {}
    for node in tree.body:
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target, value = node.targets[0], node.value
        if not isinstance(target, ast.Name):
            continue
        if isinstance(value, ast.Name) and value.id == "QT_TRANSLATE_NOOP":
            aliases.add(target.id)
        elif isinstance(value, ast.Constant) and isinstance(value.value, str):
            constants[target.id] = value.value
    return aliases, constants


def _hidden_call(node: ast.Call, aliases: set[str], constants: dict[str, str]) -> tuple | None:
    args = node.args
    if len(args) < 2 or not isinstance(args[1], ast.Constant) or not isinstance(args[1].value, str):
        return None
    func, context = node.func, args[0]
    if isinstance(func, ast.Name) and func.id in aliases and isinstance(context, ast.Constant):
        return context.value, args[1].value
    is_translate = isinstance(func, ast.Attribute) and func.attr == "translate"
    if is_translate and isinstance(context, ast.Name) and context.id in constants:
        return constants[context.id], args[1].value
    return None


def hidden_strings(folder: Path = SOURCES) -> list[tuple[str, str, str]]:
    """(context, text, where) of every string lupdate would not see."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases, constants = _string_constants(tree)
        for node in ast.walk(tree):
            hit = isinstance(node, ast.Call) and _hidden_call(node, aliases, constants)
            if hit:
                found.append((*hit, f"{os.path.relpath(path, ROOT)}:{node.lineno}"))
    return found


CORE = ROOT / "annotator"


def core_messages(folder: Path = CORE) -> list[tuple[str, str, str]]:
    """(context, template, where) of every ``msg("…")`` of the core (annotator/, not gui/):
    the messages the window shows translated (annotator/messages.py)."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        if "gui" in path.relative_to(folder).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id != "msg" or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append(("core", first.value, f"{os.path.relpath(path, ROOT)}:{node.lineno}"))
    return found


def write_hidden(found: list[tuple[str, str, str]]) -> Path | None:
    if not found:
        return None
    lines = [
        "# Generated by scripts/update_translations.py for lupdate; not part of the program.",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
    ]
    for context, text, where in found:
        literal = (
            f"{json.dumps(context, ensure_ascii=False)}, {json.dumps(text, ensure_ascii=False)}"
        )
        lines.append(f"QT_TRANSLATE_NOOP({literal})  # {where}")
    HIDDEN_FILE.parent.mkdir(parents=True, exist_ok=True)
    HIDDEN_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return HIDDEN_FILE


def unfinished() -> list[tuple[str, str]]:
    """(context, source) of every string still without a finished translation."""
    missing = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                missing.append((name, message.findtext("source", "")))
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a string is untranslated")
    args = parser.parse_args()
    hidden = hidden_strings() + core_messages()
    if hidden:
        print(f"{len(hidden)} string(s) marked in a way lupdate cannot see, passed to it anyway")
    extra = write_hidden(hidden)
    try:
        lupdate(extra)
    finally:
        if extra is not None:
            extra.unlink()
    missing = unfinished()
    for context, source in missing:
        print(f"untranslated: {context}: {source!r}")
    lrelease()
    print(f"{TS.relative_to(ROOT)}: {len(missing)} string(s) untranslated")
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
