"""Can a window open here? Checked before Qt is loaded, so that a missing display or missing
system libraries give one line saying what to do instead of Qt's abort (exit status 134).

On Linux Qt needs a display (X11 ``DISPLAY`` or ``WAYLAND_DISPLAY``) unless
``QT_QPA_PLATFORM`` names another platform (``offscreen``, ``vnc``…), and its X11 plugin
(``xcb``) needs a set of ``libxcb-*`` libraries that a fresh Debian or Ubuntu lacks. Pure
Python (``ctypes`` and a socket), no Qt.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import socket
import sys
from collections.abc import Callable, Mapping

# The shared libraries Qt's xcb plugin (libqxcb.so, libQt6XcbQpa.so) loads beyond a basic
# X11 client, with the Debian/Ubuntu package of each: found with ``ldd`` on the plugin of
# PySide6 6.11. A fresh Debian 12 lacked libxcb-icccm4 and libxcb-keysyms1 besides
# libxcb-cursor0 (which Qt names in its abort message whatever is missing).
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)

# The README's install line: every package above, and a font with Chinese characters.
APT_LINE = "sudo apt-get install " + " ".join(p for _, p in XCB_LIBRARIES) + " fonts-noto-cjk"

_SUBCOMMANDS = "the subcommands (annotator --help) need no display"


def _loadable(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def window_problem(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    loadable: Callable[[str], bool] = _loadable,
    reachable: Callable[[str], bool | None] | None = None,
) -> str | None:
    """Why the window cannot open here, as one line saying what to do; None when it can
    (or when we cannot tell: then Qt decides)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None  # Windows and macOS always have their own platform plugin
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen and chosen != "xcb":
        return None  # offscreen, wayland, vnc…: the user chose; Qt reports its own trouble
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if not display and not wayland:
        return (
            "no display to open the review window on (neither DISPLAY nor WAYLAND_DISPLAY "
            "is set): start annotator from a desktop session, or over ssh with 'ssh -X'; "
            + _SUBCOMMANDS
        )
    if wayland and chosen != "xcb":
        return None  # Qt's Wayland plugin needs none of the xcb libraries
    return _missing_libraries(loadable) or _unreachable_display(display, reachable)


def _missing_libraries(loadable: Callable[[str], bool]) -> str | None:
    missing = [(lib, pkg) for lib, pkg in XCB_LIBRARIES if not loadable(lib)]
    if not missing:
        return None
    return (
        "the review window needs system libraries that are missing ("
        + ", ".join(lib for lib, _ in missing)
        + "); on Debian/Ubuntu install them with: sudo apt-get install "
        + " ".join(pkg for _, pkg in missing)
    )


def _unreachable_display(
    display: str, reachable: Callable[[str], bool | None] | None
) -> str | None:
    check = reachable or _local_x_server_answers
    if check(display) is False:
        return (
            f"no X server answers on display {display!r}: start annotator from a desktop "
            "session (or check DISPLAY); " + _SUBCOMMANDS
        )
    return None


def _local_x_server_answers(display: str) -> bool | None:
    """Whether a local X server listens on ``:N`` (None for remote displays: not checked)."""
    if not display.startswith(":"):
        return None  # host:N (ssh forwarding, TCP): Qt will say
    number = display[1:].split(".")[0]
    if not number.isdigit():
        return None
    path = f"/tmp/.X11-unix/X{number}"
    # X servers listen on the socket file and, on Linux, on the same name in the abstract
    # namespace (which survives a cleaned /tmp): either answering is enough.
    for address in (path, "\0" + path):
        with contextlib.closing(socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)) as s:
            s.settimeout(1.0)
            try:
                s.connect(address)
            except OSError:
                continue
            return True
    return False
