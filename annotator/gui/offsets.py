"""The one place where the window converts between code points and Qt's UTF-16 positions.

The core counts Python ``str`` indices (Unicode code points); ``QTextCursor`` and
``QTextBlock`` count UTF-16 code units, so every character outside the Basic Multilingual
Plane (rare name characters such as 𠮷, CJK Extension B, emoji) shifts Qt's positions by one
(design.md, Known hazards). An ``OffsetMap`` is built once per page and answers both ways in
O(log n) by bisecting the sorted positions of those characters; a page without any is the
identity and costs nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NewType

from annotator.model import CodePoint

Utf16Pos = NewType("Utf16Pos", int)

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Code point <-> UTF-16 position conversion for one text."""

    __slots__ = ("_astral", "_astral16", "length", "length16")

    def __init__(self, text: str) -> None:
        # Code-point indices of the astral characters, and where each starts in UTF-16.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral16 = [cp + k for k, cp in enumerate(self._astral)]
        self.length = len(text)
        self.length16 = len(text) + len(self._astral)

    @property
    def identity(self) -> bool:
        """True when the text has no character outside the BMP (both counts agree)."""
        return not self._astral

    def to_utf16(self, cp: int) -> Utf16Pos:
        """The Qt position of code-point offset ``cp`` (0 <= cp <= len(text))."""
        if not self._astral:
            return Utf16Pos(cp)
        return Utf16Pos(cp + bisect_left(self._astral, cp))

    def to_cp(self, pos: int) -> CodePoint:
        """The code-point offset of Qt position ``pos``.

        A position between the two halves of a surrogate pair (Qt never leaves a cursor
        there, but a layout hit test may report one) snaps back to the character's start.
        """
        if not self._astral:
            return CodePoint(pos)
        k = bisect_left(self._astral16, pos)
        if k and pos == self._astral16[k - 1] + 1:
            return CodePoint(self._astral[k - 1])
        return CodePoint(pos - k)
