"""Load the rules and the learners on a thread of their own while the window opens.

Importing the splitter, the suggesters and the learners compiles a few hundred regular
expressions and reads word lists (the compiling took over a second of CPU until
``annotator.rules_regex`` optimized each CJK character class once; about 0.2 s now). The
window needs none of it to show a page, only to import files and to decide whether to
retrain, so it starts with the light modules and this thread loads the heavy ones meanwhile.
Whatever asks for them before the thread is done waits for it on Python's import lock: never
a second compile, never a half-loaded module.

The thread starts once the window has painted itself the first time (issue 11): started
before, its compiling held the interpreter lock while the window painted, which took
0.1-0.25 s longer. A window that is never painted (hidden, minimised) starts it after
:data:`LATEST_MS` all the same.
"""

from __future__ import annotations

import importlib
import logging
import threading

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# What the window imports lazily, heaviest first (each imports the split and suggest rules).
HEAVY_MODULES = ("annotator.pipeline", "annotator.learn.structure", "annotator.learn.entities")
# Lighter ones the window imports where it uses them, so that their first use does not pause
# it either: the V key's (10 ms, before the rules), then export's and the retrain's (after).
FIRST_MODULES = ("annotator.metrics",)
LATER_MODULES = ("annotator.exporting", "annotator.training")
# The warm-up starts at the latest this long after the window asked for it (no first paint).
LATEST_MS = 1000


class _Notifier(QObject):
    """What the thread emits on: an object no window owns, so never deleted under the thread
    (emitting on the closing window's own object crashed in C++, where no Python ``except``
    reaches)."""

    loaded = Signal()


# Kept for the life of the process: one small object per window opened.
_NOTIFIERS: list[_Notifier] = []


class Warmup(QObject):
    """Imports :data:`HEAVY_MODULES` on a daemon thread; ``ready`` once they are loaded
    (also when one fails: whoever needs it then meets the error where it is reported); the
    light :data:`FIRST_MODULES` before them, :data:`LATER_MODULES` after."""

    ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._started = False
        self._window: QWidget | None = None
        self._notifier = _Notifier()
        _NOTIFIERS.append(self._notifier)
        # Queued to this object's thread; dropped by Qt when this object is deleted.
        self._notifier.loaded.connect(self.ready)

    def start(self) -> None:
        """Start the thread now (once; later calls do nothing)."""
        if self._started:
            return
        self._started = True
        threading.Thread(target=self._run, name="annotator-warmup", daemon=True).start()

    def start_after_first_paint(self, window: QWidget) -> None:
        """Start the thread once ``window`` has been painted (its first paint done), or
        after :data:`LATEST_MS` if it is not painted by then."""
        self._window = window
        window.installEventFilter(self)
        QTimer.singleShot(LATEST_MS, self, self.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._window = None
            # Queued: runs once this paint, the whole window's, is finished.
            QTimer.singleShot(0, self, self.start)
        return False

    def _run(self) -> None:
        # Read here, on the thread, is only this Python attribute, never the Qt object.
        _warm(self._notifier)


def _warm(notifier: _Notifier) -> None:
    # Touches no object of the window: it may be closed and deleted meanwhile.
    _load(FIRST_MODULES)
    # The heavy ones import one another: after a failure the rest would fail the same way.
    _load(HEAVY_MODULES, stop_at_failure=True)
    notifier.loaded.emit()
    _load(LATER_MODULES)


def _load(names: tuple[str, ...], *, stop_at_failure: bool = False) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # reported again, with its message, where the module is used
            log.exception("loading %s failed", name)
            if stop_at_failure:
                return
