"""Child processes that never outlive their parent nor compete with the window.

Kept free of heavy imports: a worker calls :func:`end_with_parent` first thing, and until
then a ``kill -9`` of its parent leaves it running (importing the pipeline alone takes a
second of CPU, several on a busy machine at a lower priority).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.process
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# Added to a background process's nice value (Unix): it gets the CPU the window leaves.
NICE_INCREMENT = 10
_BELOW_NORMAL_PRIORITY_CLASS = 0x00004000  # Windows' SetPriorityClass


def end_with_parent() -> None:
    """Make this worker process end when the process that started it ends, however it ends.

    After ``kill -9`` of an import, its workers would otherwise run on (seen 96 s later,
    holding the database open). On Linux the kernel kills the worker when its parent dies
    (``prctl(PR_SET_PDEATHSIG)``); everywhere, a thread waits on multiprocessing's parent
    sentinel (a pipe or handle that closes when the parent dies) and ends the process.
    """
    parent_pid = os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent_pid:  # the parent died before prctl took effect
            os._exit(1)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent's sentinel closes: the parent has ended
    os._exit(1)


def lower_priority() -> None:
    """Lower this process's scheduling priority (processes it starts later inherit it)."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICE_INCREMENT)
    elif sys.platform == "win32":
        with contextlib.suppress(OSError, AttributeError):
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), _BELOW_NORMAL_PRIORITY_CLASS)


def start_method() -> str:
    """How worker processes start here: ``fork`` where it is safe (at once, inheriting what
    this process loaded), else ``forkserver`` (a fresh Python that forks them), else
    ``spawn``. Forking a process that runs other threads can deadlock the child; Qt's
    threads (the window, its import worker) are invisible to the threading module, so a
    loaded Qt counts as threads too."""
    methods = multiprocessing.get_all_start_methods()
    qt_loaded = any(name.startswith("PySide6.Qt") for name in sys.modules)
    if "fork" in methods and threading.active_count() == 1 and not qt_loaded:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def pool_context(preload: Sequence[str] = ()) -> Any:
    """The multiprocessing context of a pool of workers (:func:`start_method`); a
    forkserver not yet running loads the ``preload`` modules once for all its workers."""
    method = start_method()
    if method == "forkserver" and preload:
        multiprocessing.get_context(method).set_forkserver_preload(list(preload))
    return multiprocessing.get_context(method)


def can_start_workers() -> bool:
    """Whether this process may start worker processes (a daemonic one may not)."""
    return not multiprocessing.current_process().daemon
