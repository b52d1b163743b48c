"""Processes and leftovers: import and training workers end with their parent after ``kill -9``."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1])


def _descendants(root: int) -> set[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None:
                parents[int(entry.name)] = stat[1]
    found, frontier = set(), {root}
    while frontier:
        children = {pid for pid, ppid in parents.items() if ppid in frontier} - found
        found |= children
        frontier = children
    return found


def _alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")  # a zombie has ended


def _wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@linux_only
@pytest.mark.slow
def test_import_workers_end_within_seconds_after_kill_9_of_the_import(tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    paragraph = "本报讯（记者张三）国家统计局今天发布数据，全国粮食总产量达到六亿五千万吨。\n\n"
    for i in range(600):  # enough pages for worker processes and for a few seconds of work
        (folder / f"p{i:04}.txt").write_text(f"标题{i}\n\n" + paragraph * 60, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    importer = subprocess.Popen(
        [sys.executable, "-m", "annotator", "import", "--db", str(tmp_path / "a.db"), str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait_for(lambda: len(_descendants(importer.pid)) >= 2, 60), "no workers started"
        workers = _descendants(importer.pid)
        assert importer.poll() is None, "the import ended before it could be killed"
        os.kill(importer.pid, signal.SIGKILL)
        importer.wait()
        assert _wait_for(lambda: not any(_alive(p) for p in workers), 5), [
            p for p in workers if _alive(p)
        ]
    finally:
        if importer.poll() is None:
            importer.kill()
            importer.wait()


_PORTABLE = """
import multiprocessing, sys, time

def worker(ready):
    from annotator import processes
    processes.sys.platform = "darwin"  # no prctl: only the portable sentinel thread
    processes.end_with_parent()
    open(ready, "w").close()
    time.sleep(120)

if __name__ == "__main__":
    child = multiprocessing.get_context("spawn").Process(target=worker, args=(sys.argv[1],))
    child.start()
    print(child.pid, flush=True)
    time.sleep(120)
"""


@linux_only
def test_without_prctl_a_worker_still_ends_with_its_parent(tmp_path) -> None:
    script = tmp_path / "portable.py"
    script.write_text(_PORTABLE, encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "ready")],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        child = int(parent.stdout.readline())
        assert _wait_for((tmp_path / "ready").exists, 30), "the worker did not start"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        assert _wait_for(lambda: not _alive(child), 10), "the worker outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


_WINDOW = """
import os, sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def main():
    from pathlib import Path

    from annotator.gui.app import application
    from annotator.gui.main_window import MainWindow
    from annotator.store import Store

    db = Path(sys.argv[1])
    app = application()
    window = MainWindow(Store.open(db), "tester", db)
    window.show()  # enough done pages and no model yet: it starts learning as it opens
    app.exec()


if __name__ == "__main__":
    main()
"""


def _gold_db(path: Path, done: int) -> Path:
    from annotator.model import Page
    from annotator.store import Store

    spec = importlib.util.spec_from_file_location("corpus", ROOT / "bench" / "structure_corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    with Store.open(path) as store:
        for page_id, text, gold in corpus.pages("west", done, seed=5):
            store.add_page(Page(page_id, text, status="done", paper="west"), gold)
    return path


def _spawned(pids: set[int]) -> set[int]:
    """The processes of ``pids`` that multiprocessing started: the training process, the
    forkserver of its fold workers and the workers (forked, with the forkserver's command)."""
    found = set()
    for pid in pids:
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"spawn_main" in cmdline or b"forkserver" in cmdline:
                found.add(pid)
        except OSError:
            pass
    return found


@linux_only
@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("PySide6") is None, reason="needs PySide6")
def test_a_window_killed_while_it_learns_leaves_no_process_behind(tmp_path) -> None:
    # Enough done pages that the entity cross-validation runs its folds in worker processes:
    # they waited for more folds forever once the window was gone.
    db = _gold_db(tmp_path / "gold.db", 45)
    script = tmp_path / "window.py"
    script.write_text(_WINDOW, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home)}
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    left: set[int] = set()
    window = subprocess.Popen(
        [sys.executable, str(script), str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # the training process, the forkserver and a fold worker it forked
        started = _wait_for(lambda: len(_spawned(_descendants(window.pid))) >= 3, 120)
        assert started, "the window did not start learning"
        time.sleep(0.5)  # the rest of the fold workers start
        left = _descendants(window.pid)
        assert window.poll() is None, "the window ended before it could be killed"
        os.kill(window.pid, signal.SIGKILL)
        window.wait()
        assert _wait_for(lambda: not any(_alive(p) for p in left), 5), [
            Path(f"/proc/{p}/cmdline").read_bytes()[:120] for p in left if _alive(p)
        ]
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
        for pid in left:  # a failed run leaves nothing running either
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


_PROBE = """
import sys


def loaded(_):
    # what a worker holds before its first page (nothing of annotator imported here)
    short_words = sys.modules.get("annotator.short_words")
    return {
        "pipeline": "annotator.pipeline" in sys.modules,
        "suggest": "annotator.suggest" in sys.modules,
        "jieba_words": bool(short_words and short_words.dictionary.cache_info().currsize),
    }
"""

_FORKSERVER_IMPORT = """
import sys
from concurrent.futures import ProcessPoolExecutor

import probe
from annotator.pipeline import workers

if __name__ == "__main__":
    workers._start_method = lambda: "forkserver"  # as in the window, where Qt runs threads
    context = workers._context(workers._Settings())
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        print(pool.submit(probe.loaded, None).result())
"""


def test_window_import_workers_start_with_the_rules_and_words_loaded(tmp_path) -> None:
    # The window's workers come from the forkserver (a fresh Python): each loaded the
    # pipeline, rules, lexicons and jieba's words before its first page, 1.2 s of CPU a
    # worker at every import (#11). The forkserver loads them once; its workers inherit them.
    pytest.importorskip("jieba")
    if "forkserver" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("no forkserver here")
    (tmp_path / "probe.py").write_text(_PROBE, encoding="utf-8")
    script = tmp_path / "window_import.py"
    script.write_text(_FORKSERVER_IMPORT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(script)], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str({"pipeline": True, "suggest": True, "jieba_words": True})
