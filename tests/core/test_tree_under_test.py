"""The tests exercise the working tree, not a copy pip installed into site-packages."""

from __future__ import annotations

from pathlib import Path

import annotator

ROOT = Path(__file__).resolve().parents[2]


def test_annotator_is_imported_from_the_checkout():
    assert Path(annotator.__file__).resolve().parent == ROOT / "annotator"
