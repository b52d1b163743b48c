"""Load the rules and the learners on a thread of their own while the window opens.

Importing the splitter, the suggesters and the learners compiles a few hundred regular
expressions and reads word lists (the compiling took over a second of CPU until
``annotator.rules_regex`` optimized each CJK character class once; about 0.2 s now). The
window needs none of it to show a page, only to import files and to decide whether to
retrain, so it starts with the light modules and this thread loads the heavy ones meanwhile.
Whatever asks for them before the thread is done waits for it on Python's import lock: never
a second compile, never a half-loaded module.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import threading

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

# What the window imports lazily, heaviest first (each imports the split and suggest rules).
HEAVY_MODULES = ("annotator.pipeline", "annotator.learn.structure", "annotator.learn.entities")


class Warmup(QObject):
    """Imports :data:`HEAVY_MODULES` on a daemon thread; ``ready`` once they are loaded
    (also when one fails: whoever needs it then meets the error where it is reported)."""

    ready = Signal()

    def start(self) -> None:
        threading.Thread(target=self._run, name="annotator-warmup", daemon=True).start()

    def _run(self) -> None:
        for name in HEAVY_MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # reported again, with its message, where the module is used
                log.exception("loading %s failed", name)
                break
        # (RuntimeError: the window closed meanwhile, its objects are gone)
        with contextlib.suppress(RuntimeError):
            self.ready.emit()  # queued to the window's thread
