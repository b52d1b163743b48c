"""Draws block roles, markdown markers and spans as character formats, one Qt block at a time.

Highlights are not ``ExtraSelection``s (PySide6 6.12 crashes after a few thousand of them,
design.md, Known hazards) but formats set by a ``QSyntaxHighlighter``: Qt asks for one line
(Qt block) at a time, the highlighter finds the page blocks and spans overlapping it by
bisect, and after an edit only the lines the edit touched are highlighted again.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextDocument

from annotator.gui.offsets import OffsetMap, Utf16Pos
from annotator.gui.page_view.index import BlockIndex, MarkerIndex, SpanIndex
from annotator.gui.page_view.style import FormatKey, ViewStyle
from annotator.model import CodePoint, Span


class PageHighlighter(QSyntaxHighlighter):
    """Formats one page's text from its block and span indexes."""

    def __init__(self, document: QTextDocument, style: ViewStyle) -> None:
        super().__init__(document)
        self.style = style
        self.offsets = OffsetMap("")
        self.blocks = BlockIndex(())
        self.spans = SpanIndex(())
        self.markers = MarkerIndex("", ())

    def set_page(
        self, offsets: OffsetMap, blocks: BlockIndex, spans: SpanIndex, markers: MarkerIndex
    ) -> None:
        """Switch indexes; the caller then sets the document text (which highlights it)."""
        self.offsets, self.blocks, self.spans, self.markers = offsets, blocks, spans, markers

    def rehighlight_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Highlight again the Qt blocks overlapping any code-point range, each once."""
        for block in self.blocks_of(ranges):
            self.rehighlightBlock(block)

    def blocks_of(self, ranges: list[tuple[int, int]]) -> list[QTextBlock]:
        """The Qt blocks overlapping any code-point range, each once, in document order."""
        doc = self.document()
        if doc is None:
            return []
        numbers: set[int] = set()
        for start, end in ranges:
            block = doc.findBlock(self.offsets.to_utf16(CodePoint(start)))
            last = self.offsets.to_utf16(CodePoint(max(end - 1, start)))
            while block.isValid() and block.position() <= last:
                numbers.add(block.blockNumber())
                block = block.next()
        return [doc.findBlockByNumber(number) for number in sorted(numbers)]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        if not text:
            return
        pos16 = Utf16Pos(self.currentBlock().position())
        start = self.offsets.to_cp(pos16)
        end = start + len(text)
        spans = self.spans.overlapping(start, end)
        blocks = list(self.blocks.overlapping(start, end))
        markers = self.markers.overlapping(start, end)
        if _simple(start, end, blocks, spans, markers):
            role = blocks[0].role if blocks else None
            self._simple_line(start, end, pos16, role, spans, markers)
            return
        roles = [(b.start, b.end, b.role) for b in blocks]
        cuts = self._cuts(start, end, roles, spans, markers)
        for a, b, key in self._segments(cuts, roles, spans, markers):
            self._set(a, b, pos16, key)

    def _set(self, a: int, b: int, pos16: Utf16Pos, key: FormatKey) -> None:
        fmt = self.style.char_format(key)
        if fmt is not None and b > a:
            a16 = self.offsets.to_utf16(CodePoint(a))
            self.setFormat(a16 - pos16, self.offsets.to_utf16(CodePoint(b)) - a16, fmt)

    def _simple_line(
        self,
        start: int,
        end: int,
        pos16: Utf16Pos,
        role: str | None,
        spans: list[Span],
        markers: list[tuple[int, int]],
    ) -> None:
        # The common line: one role throughout, spans apart from each other and from
        # markdown markers. Two formats per span instead of a sweep over cut points.
        self._set(start, end, pos16, (role, False, None, None, None))
        for a, b in markers:
            self._set(a, b, pos16, (role, True, None, None, None))
        for span in spans:
            accepted = span.label if span.status == "accepted" else None
            suggested = span.label if span.status == "suggested" else None
            a, b = max(span.start, start), min(span.end, end)
            if span.end <= end:
                self._set(a, b - 1, pos16, (role, False, accepted, suggested, None))
                self._set(b - 1, b, pos16, (role, False, accepted, suggested, span.label))
            else:
                self._set(a, b, pos16, (role, False, accepted, suggested, None))

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


def _simple(
    start: int, end: int, blocks: list, spans: list[Span], markers: list[tuple[int, int]]
) -> bool:
    """True when one role covers the line and no two spans or a span and a marker overlap."""
    if len(blocks) > 1 or (blocks and (blocks[0].start > start or blocks[0].end < end)):
        return False
    for left, right in pairwise(spans):
        if right.start < left.end:
            return False
    return not any(s.start < b and a < s.end for s in spans for a, b in markers)


def _innermost(active: list[Span], status: str) -> str | None:
    best = None
    for span in active:
        if span.status == status and (
            best is None or span.end - span.start < best.end - best.start
        ):
            best = span
    return best.label if best is not None else None
