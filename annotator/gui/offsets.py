"""The one place where the window converts between code points and Qt's document positions.

The core counts Python ``str`` indices (Unicode code points); ``QTextCursor`` and
``QTextBlock`` count UTF-16 code units, so every character outside the Basic Multilingual
Plane (rare name characters such as 𠮷, CJK Extension B, emoji) shifts Qt's positions by one
(design.md, Known hazards).

The page view may also show a block boundary where the page text has no line break (a
paragraph split in the middle of a line): it then puts a paragraph break into the document
that is not in the page text, a *layout break*. A layout break at code point ``p`` sits just
before the character ``p`` and shifts every later position by one, as an astral character
does; both cursor positions around it (the end of the line above, the start of the line
below) are the one code point ``p``. The page text itself never changes.

An ``OffsetMap`` is built once per page (and again when the breaks change) and answers both
ways in O(log n) by bisecting the sorted positions of those extra units; a page without any
is the identity and costs nothing.

The two kinds of offset are distinct types (``CodePoint`` from the core's model, ``Utf16Pos``
here): a Qt position enters as ``Utf16Pos(cursor.position())`` and a page offset as
``CodePoint(span.start)``, so passing one where the other belongs is a mypy error.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NewType

from annotator.model import CodePoint

Utf16Pos = NewType("Utf16Pos", int)

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Kinds of extra unit, in the order they sort when they share a code point.
_SURROGATE, _BREAK = 0, 1


class OffsetMap:
    """Code point <-> Qt document position conversion for one text and its layout breaks."""

    __slots__ = ("_breaks", "_kinds", "_shift_at", "_units", "length", "length16")

    def __init__(self, text: str, breaks: Iterable[int] = ()) -> None:
        # One extra unit per astral character (its low surrogate, shifting the characters
        # after it) and per layout break (shifting the character it precedes and all after).
        astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._breaks = tuple(sorted(set(breaks)))
        extra = sorted([(a + 1, _SURROGATE) for a in astral] + [(p, _BREAK) for p in self._breaks])
        # ``_shift_at[i]``: from this code point on, positions are one further along.
        self._shift_at = [cp for cp, _ in extra]
        self._kinds = [kind for _, kind in extra]
        # Where each extra unit itself sits in the document.
        self._units = [cp + i for i, cp in enumerate(self._shift_at)]
        self.length = len(text)
        self.length16 = len(text) + len(extra)

    @property
    def identity(self) -> bool:
        """True when positions and code points agree (no astral character, no break)."""
        return not self._shift_at

    @property
    def breaks(self) -> tuple[int, ...]:
        """The code points before which the view shows a paragraph break of its own."""
        return self._breaks

    def to_utf16(self, cp: CodePoint) -> Utf16Pos:
        """The Qt position of code-point offset ``cp`` (0 <= cp <= len(text)).

        At a layout break this is the start of the line below (where the character is).
        """
        if not self._shift_at:
            return Utf16Pos(cp)
        return Utf16Pos(cp + bisect_right(self._shift_at, cp))

    def to_cp(self, pos: Utf16Pos) -> CodePoint:
        """The code-point offset of Qt position ``pos``.

        A position between the two halves of a surrogate pair (Qt never leaves a cursor
        there, but a layout hit test may report one) snaps back to the character's start;
        the position just before a layout break is the code point after it.
        """
        if not self._shift_at:
            return CodePoint(pos)
        k = bisect_left(self._units, pos)
        if k < len(self._units) and self._units[k] == pos:
            shift = self._shift_at[k]
            return CodePoint(shift - 1 if self._kinds[k] == _SURROGATE else shift)
        return CodePoint(pos - k)

    def document_text(self, text: str) -> str:
        """``text`` as the view shows it: a line break inserted at each layout break."""
        if not self._breaks:
            return text
        parts, last = [], 0
        for p in self._breaks:
            parts.append(text[last:p])
            last = p
        parts.append(text[last:])
        return "\n".join(parts)

    def is_break(self, pos: Utf16Pos) -> bool:
        """True when Qt position ``pos`` is the paragraph separator of a layout break."""
        if not self._breaks:
            return False
        k = bisect_left(self._units, pos)
        return k < len(self._units) and self._units[k] == pos and self._kinds[k] == _BREAK

    def break_position(self, cp: CodePoint) -> Utf16Pos:
        """The Qt position of the paragraph separator of the layout break at ``cp``."""
        return Utf16Pos(self.to_utf16(cp) - 1)
