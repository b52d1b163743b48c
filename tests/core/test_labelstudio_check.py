"""scripts/labelstudio_check.py: its comparison catches what a Label Studio could get wrong.

The script talks to a running Label Studio (not here); its comparison of our tasks with
Label Studio's export is pure, and is tested on our export of a page with characters
outside the BMP: a faithful copy passes, offsets counted in UTF-16 code units (as Label
Studio did before it counted code points), a lost region and a changed text are each
reported.
"""

from __future__ import annotations

import copy
import json

from tests.core.scripts import load
from tests.core.test_formats import _export, _store


def _check_module():  # noqa: ANN202
    return load("scripts/labelstudio_check.py")


def test_the_check_passes_a_faithful_copy_and_names_each_difference(tmp_path):
    check = _check_module()
    with _store(tmp_path / "a.db") as store:
        ours = json.loads(_export(store, "labelstudio"))
    theirs = copy.deepcopy(ours)
    for task in theirs:  # what Label Studio adds on the way
        task["id"] = 7
        task["annotations"][0].update(completed_by=1, was_cancelled=False)
    assert check.compare(ours, theirs) == []
    in_units = copy.deepcopy(ours)
    results = in_units[0]["annotations"][0]["result"]
    region = next(r["value"] for r in results if r["value"]["text"] == "衡阳市")  # after 𠮷, 😀
    text = in_units[0]["data"]["text"]
    region["start"], region["end"] = text.index("衡阳市") + 2, text.index("衡阳市") + 5
    problems = check.compare(ours, in_units)
    assert len(problems) == 2 and "reads" in problems[1] and "'衡阳市'" in problems[1]
    lost = copy.deepcopy(ours)
    lost[1]["annotations"][0]["result"].pop()
    assert check.compare(ours, lost)[0].startswith("p1#2: regions")
    changed = copy.deepcopy(ours)
    changed[0]["data"]["text"] += "。"
    assert check.compare(ours, changed) == ["p1#1: the text differs"]
