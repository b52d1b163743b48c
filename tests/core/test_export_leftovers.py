"""An interrupted export leaves no temporary files: a killed one's are removed by the next
export to the same target, and a running one's are never touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from annotator.formats.gold_jsonl import remove_stale_temps, write_jsonl

ROOT = Path(__file__).resolve().parents[2]
RECORD = {"id": "p#1", "text": "正文" * 1000}


def _temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


def test_an_export_killed_mid_write_leaves_a_temp_the_next_export_removes(tmp_path) -> None:
    target = tmp_path / "gold.jsonl"
    target.write_text("the previous export\n", encoding="utf-8")
    # An export whose records stop coming after the first (a slow database), killed -9.
    script = textwrap.dedent(
        f"""
        import sys, time
        from annotator.formats.gold_jsonl import write_jsonl
        def records():
            for i in range(100):
                yield {{"id": f"p#{{i}}", "text": "正文" * 100000}}
                time.sleep(60)
        write_jsonl(records(), {str(target)!r})
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    try:
        deadline = time.monotonic() + 30
        while not _temps(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _temps(tmp_path), "the export did not start writing"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert len(_temps(tmp_path)) == 1  # what kill -9 leaves behind
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert write_jsonl([RECORD], target) == 1
    assert _temps(tmp_path) == []
    assert [p.name for p in tmp_path.iterdir()] == ["gold.jsonl"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file locks")
def test_a_temp_in_use_by_a_running_export_is_kept(tmp_path) -> None:
    import fcntl

    target = tmp_path / "gold.jsonl"
    stale = tmp_path / ".gold.jsonl.0123abcd.tmp"
    stale.write_text("left by a killed export")
    running = tmp_path / ".gold.jsonl.89abcdef.tmp"
    running.write_text("being written")
    other = tmp_path / ".other.jsonl.0123abcd.tmp"  # another target's: not ours to remove
    other.write_text("x")
    fd = os.open(running, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert remove_stale_temps(target) == [stale]
    finally:
        os.close(fd)
    assert running.exists() and other.exists() and not stale.exists()
