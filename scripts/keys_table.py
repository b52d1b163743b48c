"""Print the README's table of keys from the window's action table (gui/actions.py).

python scripts/keys_table.py   # paste between the markers in README.md
"""

from __future__ import annotations

import sys
from pathlib import Path

# The checkout's code, not a copy pip installed: the table must be this tree's.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.gui.actions import ACTIONS, MENUS, PAGE_KEYS_NOTE  # noqa: E402
from annotator.resources import default_labels  # noqa: E402


def keys_table() -> str:
    rows = ["| menu | key | action |", "|---|---|---|"]
    for spec in ACTIONS:
        keys = " / ".join(f"`{k}`" for k in (spec.shortcut, *spec.alternates) if k)
        menu = MENUS[spec.menu].replace("&", "")
        rows.append(f"| {menu} | {keys} | {spec.text} |")
    labels = ", ".join(f"`{x.key}` {x.name}" for x in default_labels())
    rows.append(f"| Spans | {labels} | label the selection, or relabel the selected span |")
    return "\n".join(rows) + "\n\n" + PAGE_KEYS_NOTE


if __name__ == "__main__":
    print(keys_table())
