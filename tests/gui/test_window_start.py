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


# Loaded after the first paint (issue 11): the window shows a page without any of them.
DEFERRED = (
    *HEAVY_PREFIXES,
    "annotator.exporting",  # File › Export (and the formats it writes)
    "annotator.formats.gold_jsonl",
    "annotator.formats.curation",
    "annotator.metrics",
    "annotator.training",  # the retrain (multiprocessing)
    "multiprocessing",
    "annotator.lexicon",
    "jieba",
    "pycrfsuite",
    "numpy",
    "PySide6.QtSvg",
    "PySide6.QtNetwork",
    "PySide6.QtPrintSupport",
)

_FIRST_PAINT = """
import os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import annotator.gui.app
from annotator.gui.app import application
from annotator.gui.main_window import MainWindow
from annotator.store import Store
app = application()
window = MainWindow(Store.open(sys.argv[1]), "test", Path(sys.argv[1]))
painted = []
window.paintEvent = lambda event: painted.append(sorted(sys.modules))
window.show()
while not painted:
    app.processEvents()
deferred = tuple(sys.argv[2:])
print([m for m in painted[0] if m.startswith(deferred)])
"""


def test_the_first_paint_loads_no_deferred_modules(db):
    # What the window imports before it paints itself the first time is what the reviewer
    # waits for; each of these took 10-300 ms of CPU there (bench/window_start.py).
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT, str(db), *DEFERRED],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert out.stdout.strip() == "[]", out.stdout


def test_the_warmup_starts_once_the_window_is_painted(windows, db, qtbot, monkeypatch):
    started: list[bool] = []
    monkeypatch.setattr(Warmup, "_run", lambda self: started.append(True))
    window = windows(db)  # shown, and painted by now
    qtbot.waitUntil(lambda: started == [True], timeout=10_000)
    # A window never painted starts it all the same, a moment later.
    hidden = Warmup()
    monkeypatch.setattr("annotator.gui.warmup.LATEST_MS", 50)
    hidden.start_after_first_paint(window.centralWidget())  # (not painted again meanwhile)
    qtbot.waitUntil(lambda: started == [True, True], timeout=10_000)
    hidden.start()  # once only
    qtbot.wait(50)
    assert started == [True, True]


def test_the_warmup_waits_for_the_first_paint(qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    started: list[bool] = []
    monkeypatch.setattr(Warmup, "_run", lambda self: started.append(True))
    widget = QWidget()
    qtbot.addWidget(widget)
    warmup = Warmup(widget)
    warmup.start_after_first_paint(widget)
    qtbot.wait(200)
    assert started == []  # not shown: no paint, and LATEST_MS not yet over
    widget.show()
    qtbot.waitUntil(lambda: started == [True], timeout=5_000)


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


def test_the_warmup_also_loads_what_keys_export_and_retrain_use(qtbot, monkeypatch):
    # The V key's module before the rules, export's and the retrain's after them: their
    # first use then imports nothing on the window's thread.
    # Run on this thread, and only its imports recorded: a warm-up thread of an earlier
    # test's window, started late by its timer, called the patched import too (flaky).
    order: list[str] = []
    here = threading.get_ident()
    monkeypatch.setattr(
        "importlib.import_module",
        lambda name: order.append(name) if threading.get_ident() == here else None,
    )
    warmup = Warmup()
    with qtbot.waitSignal(warmup.ready, timeout=60_000):
        warmup._run()
    assert order == [
        "annotator.metrics",
        *HEAVY_MODULES,
        "annotator.exporting",
        "annotator.training",
    ]


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


def test_the_warm_up_stops_at_a_failed_heavy_module_and_still_says_ready(monkeypatch, qtbot):
    # The heavy modules import one another: after one fails, the next would fail the same way
    # (and log the same error again); the window must still hear that the warm-up is over.
    import importlib

    from annotator.gui import warmup

    tried: list[str] = []
    here = threading.get_ident()

    def fake_import(name: str):  # noqa: ANN202
        if threading.get_ident() != here:  # another test's late warm-up thread
            return None
        tried.append(name)
        if name == "heavy.a":
            raise ImportError("broken")
        return None

    monkeypatch.setattr(warmup, "FIRST_MODULES", ("first",))
    monkeypatch.setattr(warmup, "HEAVY_MODULES", ("heavy.a", "heavy.b"))
    monkeypatch.setattr(warmup, "LATER_MODULES", ("later",))
    monkeypatch.setattr(importlib, "import_module", fake_import)
    w = warmup.Warmup()
    with qtbot.waitSignal(w.ready, timeout=5000):
        w._run()
    assert tried == ["first", "heavy.a", "later"]
