"""The window opens without compiling the rules first: the splitter, the suggesters and the
learners load on a thread of their own (``gui/warmup.py``), and the first retrain check waits
for them."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from annotator.gui.warmup import HEAVY_MODULES, Warmup

from .pages import make_db


@pytest.fixture
def db(tmp_path):
    return make_db(tmp_path / "pages.db", ["p1", "p2", "p3"])


HEAVY_PREFIXES = ("annotator.split", "annotator.suggest", "annotator.learn.", "annotator.pipeline")


def test_the_window_module_loads_no_rules():
    # Importing them compiles a few hundred patterns: ~1.5 s of CPU on a slow machine, which
    # the window spent before it showed anything.
    code = (
        "import sys, annotator.gui.main_window, annotator.gui.app\n"
        f"print(sorted(m for m in sys.modules if m.startswith({HEAVY_PREFIXES!r})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"


def test_the_warmup_loads_the_rules_and_says_so(qtbot, monkeypatch):
    # (a module no test imports: the rules themselves are loaded by the suite already)
    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    monkeypatch.setattr("annotator.gui.warmup.HEAVY_MODULES", ("colorsys",))
    warmup = Warmup()
    with qtbot.waitSignal(warmup.ready, timeout=60_000):
        warmup.start()
    assert "colorsys" in sys.modules
    assert HEAVY_MODULES == (
        "annotator.pipeline",
        "annotator.learn.structure",
        "annotator.learn.entities",
    )


def test_the_first_retrain_check_waits_for_the_warmup(windows, db, qtbot, monkeypatch):
    # The check imports the learners: made before they are loaded, it would compile them on
    # the window's thread after all.
    checks: list[int] = []
    monkeypatch.setattr(
        "annotator.gui.retrain.Retrainer.check",
        lambda self, store, done, keep=(): checks.append(done),
    )
    loaded = threading.Event()
    run = Warmup._run
    monkeypatch.setattr(Warmup, "_run", lambda self: (loaded.wait(60), run(self)))
    window = windows(db)
    qtbot.wait(200)
    assert checks == []
    assert window.status_done.text() == "Done: 0 of 3"  # the counts do not wait
    loaded.set()
    qtbot.waitUntil(lambda: checks == [0], timeout=60_000)
