"""Draws block roles, markdown markers and spans as character formats, one Qt block at a time.

Highlights are not ``ExtraSelection``s (PySide6 6.12 crashes after a few thousand of them,
design.md, Known hazards) but formats set by a ``QSyntaxHighlighter``: Qt asks for one line
(Qt block) at a time, the highlighter finds the page blocks and spans overlapping it by
bisect, and after an edit only the lines the edit touched are highlighted again.
"""

from __future__ import annotations

import re
from itertools import pairwise

from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextDocument

from annotator.gui.offsets import OffsetMap
from annotator.gui.page_view.index import BlockIndex, SpanIndex
from annotator.gui.page_view.style import FormatKey, ViewStyle
from annotator.model import Span

# Markdown syntax the clean text drops: heading markers, ** emphasis, hard-break spaces.
_MARKERS = re.compile(r"^#{1,6}[ \t]+|\*\*|[ \t]{2,}$")


class PageHighlighter(QSyntaxHighlighter):
    """Formats one page's text from its block and span indexes."""

    def __init__(self, document: QTextDocument, style: ViewStyle) -> None:
        super().__init__(document)
        self.style = style
        self.offsets = OffsetMap("")
        self.blocks = BlockIndex(())
        self.spans = SpanIndex(())

    def set_page(self, offsets: OffsetMap, blocks: BlockIndex, spans: SpanIndex) -> None:
        """Switch indexes; the caller then sets the document text (which highlights it)."""
        self.offsets, self.blocks, self.spans = offsets, blocks, spans

    def rehighlight_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Highlight again the Qt blocks overlapping any code-point range, each once."""
        doc = self.document()
        if doc is None:
            return
        numbers: set[int] = set()
        for start, end in ranges:
            block = doc.findBlock(self.offsets.to_utf16(start))
            last = self.offsets.to_utf16(max(end - 1, start))
            while block.isValid() and block.position() <= last:
                numbers.add(block.blockNumber())
                block = block.next()
        for number in sorted(numbers):
            self.rehighlightBlock(doc.findBlockByNumber(number))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        qblock: QTextBlock = self.currentBlock()
        pos16 = qblock.position()
        start = self.offsets.to_cp(pos16)
        end = start + len(text)
        spans = self.spans.overlapping(start, end)
        roles = [(b.start, b.end, b.role) for b in self.blocks.overlapping(start, end)]
        markers = [(start + m.start(), start + m.end()) for m in _MARKERS.finditer(text)]
        cuts = self._cuts(start, end, roles, spans, markers)
        to16 = self.offsets.to_utf16
        for a, b, key in self._segments(cuts, roles, spans, markers):
            fmt = self.style.char_format(key)
            if fmt is not None:
                a16 = to16(a)
                self.setFormat(a16 - pos16, to16(b) - a16, fmt)

    @staticmethod
    def _cuts(
        start: int,
        end: int,
        roles: list[tuple[int, int, str]],
        spans: list[Span],
        markers: list[tuple[int, int]],
    ) -> list[int]:
        cuts = {start, end}
        for a, b, _ in roles:
            cuts.update((a, b))
        for s in spans:
            cuts.update((s.start, s.end, s.end - 1))
        for a, b in markers:
            cuts.update((a, b))
        return sorted(c for c in cuts if start <= c <= end)

    @staticmethod
    def _segments(
        cuts: list[int],
        roles: list[tuple[int, int, str]],
        spans: list[Span],
        markers: list[tuple[int, int]],
    ) -> list[tuple[int, int, FormatKey]]:
        # One sweep over the cut points: spans come sorted by start, so an active list
        # replaces a scan of every span per segment.
        out: list[tuple[int, int, FormatKey]] = []
        active: list[Span] = []
        j = 0
        for a, b in pairwise(cuts):
            while j < len(spans) and spans[j].start <= a:
                active.append(spans[j])
                j += 1
            active = [s for s in active if s.end > a]
            role = next((r for s, e, r in roles if s <= a < e), None)
            marker = any(s <= a < e for s, e in markers)
            accepted = _innermost(active, "accepted")
            suggested = _innermost(active, "suggested")
            gap = next((s.label for s in active if s.end - 1 == a), None)
            out.append((a, b, (role, marker, accepted, suggested, gap)))
        return out


def _innermost(active: list[Span], status: str) -> str | None:
    best = None
    for span in active:
        if span.status == status and (
            best is None or span.end - span.start < best.end - best.start
        ):
            best = span
    return best.label if best is not None else None
