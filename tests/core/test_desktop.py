"""First start: without a display, or without Qt's X libraries, the window command says so
in one line (exit status 1) instead of letting Qt abort the process (exit status 134)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from annotator.desktop import APT_LINE, XCB_LIBRARIES, window_problem

ROOT = Path(__file__).resolve().parents[2]


def _stripped_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def test_window_without_a_display_is_one_line_and_exit_status_one(tmp_path) -> None:
    for args in ([], ["gui"]):
        done = subprocess.run(
            [sys.executable, "-m", "annotator", "--db", str(tmp_path / "a.db"), *args],
            env=_stripped_env(),
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
        assert done.returncode == 1, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("Error: no display to open the review window on")
        assert "ssh -X" in lines[0] and "Traceback" not in done.stderr
        assert not (tmp_path / "a.db").exists()  # nothing was created either


def test_subcommands_need_no_display(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "stats", "--db", str(tmp_path / "none.db")],
        env=_stripped_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "no display" not in done.stderr


def test_no_display_message_on_linux_only() -> None:
    assert "no display" in window_problem({}, "linux", lambda _: True)
    assert window_problem({}, "win32", lambda _: True) is None
    assert window_problem({}, "darwin", lambda _: True) is None


def test_a_chosen_platform_other_than_xcb_is_left_to_qt() -> None:
    assert window_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda _: False) is None
    assert window_problem({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "linux", lambda _: False) is None


def test_missing_x_libraries_are_named_with_their_debian_packages() -> None:
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    problem = window_problem({"DISPLAY": ":0"}, "linux", lambda lib: lib not in absent)
    assert problem == (
        "the review window needs system libraries that are missing (libxcb-icccm.so.4, "
        "libxcb-keysyms.so.1); on Debian/Ubuntu install them with: "
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    )
    # A forced xcb platform on Wayland needs them too; Wayland alone does not.
    forced = {"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}
    assert "libxcb-icccm4" in window_problem(forced, "linux", lambda lib: lib not in absent)
    assert window_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda _: False) is None


def test_a_local_display_nobody_answers_on_is_reported() -> None:
    problem = window_problem({"DISPLAY": ":7"}, "linux", lambda _: True, lambda _: False)
    assert problem.startswith("no X server answers on display ':7'")
    assert window_problem({"DISPLAY": ":7"}, "linux", lambda _: True, lambda _: True) is None
    # Remote displays (ssh forwarding) are not checked: Qt decides.
    assert window_problem({"DISPLAY": "localhost:10.0"}, "linux", lambda _: True) is None


def test_readme_gives_the_one_apt_get_line_with_every_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert APT_LINE in readme
    for _, package in XCB_LIBRARIES:
        assert package in APT_LINE
