"""The wheel carries the resources and the sample pages, and the code finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from annotator.resources import default_labels, resource_dir, seeds_dir

ROOT = Path(__file__).resolve().parents[2]


def test_resources_and_seeds_are_found_wherever_annotator_runs_from():
    assert (resource_dir() / "labels.json").is_file()
    assert len(list(seeds_dir().glob("*.txt"))) == 2
    assert [x.key for x in default_labels()] == ["1", "2", "3", "4", "5"]
    assert (resource_dir() / "lexicon" / "people_surnames.txt").is_file()


@pytest.mark.slow
def test_wheel_contains_resources_seeds_and_translations(tmp_path):
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("not running from a checkout")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("annotator-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "annotator/_resources/labels.json" in names
    assert "annotator/_resources/translations/annotator_zh_CN.qm" in names
    lexicons = {
        "annotator/_resources/lexicon/" + p.name for p in (ROOT / "resources/lexicon").glob("*.txt")
    }
    assert lexicons and lexicons <= names
    assert {"annotator/_seeds/" + p.name for p in (ROOT / "seeds").glob("*.txt")} <= names
    assert "annotator/gui/main_window.py" in names
    assert "annotator/split/__init__.py" in names
