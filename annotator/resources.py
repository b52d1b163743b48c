"""Where the bundled resources (labels, translations) and sample pages live.

From a checkout they are the top-level ``resources/`` and ``seeds/`` folders; an installed
wheel carries the same folders as the packages ``annotator._resources`` and
``annotator._seeds`` (see ``pyproject.toml``). Callers never need to know which.
"""

from __future__ import annotations

import json
from importlib import resources as importlib_resources
from pathlib import Path

from annotator.model import Label

_CHECKOUT = Path(__file__).resolve().parent.parent


def _find(folder: str, package: str) -> Path:
    checkout = _CHECKOUT / folder
    if checkout.is_dir():
        return checkout
    installed = Path(str(importlib_resources.files("annotator") / package))
    if installed.is_dir():
        return installed
    raise FileNotFoundError(
        f"annotator's {folder}/ folder is missing (looked in {checkout} and {installed}); "
        "reinstall annotator"
    )


def resource_dir() -> Path:
    """The folder of default labels, styles and translations."""
    return _find("resources", "_resources")


def seeds_dir() -> Path:
    """The folder of bundled sample pages."""
    return _find("seeds", "_seeds")


def default_labels() -> list[Label]:
    """The default label set (name, colour, hot key) shipped in ``resources/labels.json``."""
    data = json.loads((resource_dir() / "labels.json").read_text(encoding="utf-8"))
    return [Label(d["name"], d["colour"], d["key"], d.get("description", "")) for d in data]
