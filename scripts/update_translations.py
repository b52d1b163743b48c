"""Refresh the Chinese translation of the interface with Qt's own tools.

1. ``pyside6-lupdate`` collects every ``tr()`` string of ``annotator/gui/**/*.py`` into
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
import re
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


def lupdate() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    TS.parent.mkdir(parents=True, exist_ok=True)
    command = [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "relative"]
    command += ["-source-language", "en", "-target-language", "zh_CN", "-ts", str(TS)]
    subprocess.run(command, cwd=ROOT, check=True)


def lrelease() -> None:
    qm = TS.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], cwd=ROOT, check=True)


# lupdate reads literal calls only: it misses strings behind an alias of QT_TRANSLATE_NOOP
# (``T = QT_TRANSLATE_NOOP``; ``T("ctx", "text")``) and translate() with a context variable.
HIDDEN = [
    (re.compile(r"^\s*\w+\s*=\s*QT_(TRANSLATE|TR)_NOOP\b"), "an alias of QT_TRANSLATE_NOOP"),
    (
        re.compile(r"translate\(\s*[A-Za-z_][\w.]*\s*,\s*[\"']"),
        "translate() of a literal with a context that is not a literal",
    ),
]


def hidden_strings() -> list[str]:
    """Places whose strings lupdate cannot see: they would stay English."""
    found = []
    for path in sorted(SOURCES.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern, what in HIDDEN:
                if pattern.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {what}: {line.strip()}")
    return found


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
    for warning in hidden_strings():
        print(f"warning: lupdate cannot see these strings: {warning}", file=sys.stderr)
    lupdate()
    missing = unfinished()
    for context, source in missing:
        print(f"untranslated: {context}: {source!r}")
    lrelease()
    print(f"{TS.relative_to(ROOT)}: {len(missing)} string(s) untranslated")
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
