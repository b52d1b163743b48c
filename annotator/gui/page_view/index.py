"""Bisect indexes over one page's blocks and spans, so the view never scans the whole page.

Plain Python (no Qt): the highlighter asks which blocks and spans overlap one line, the
margin which blocks are visible, the key handlers which block holds the caret and which
span comes next. Span updates are incremental (one insert or delete per changed span), so
labelling one span costs O(log n) plus a list shift, never a re-sort of the page.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator

from annotator.model import Block, Span
from annotator.text import removed_ranges

LOW_CONFIDENCE = 0.7


class BlockIndex:
    """The page's blocks in page order, found by offset."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        self.blocks: tuple[Block, ...] = tuple(sorted(blocks, key=lambda b: b.start))
        self.starts = [b.start for b in self.blocks]
        self._article_order = _article_order(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)

    def position(self, block: Block) -> int:
        """The index of ``block`` (by its start) in page order."""
        return bisect_left(self.starts, block.start)

    def at(self, cp: int) -> Block | None:
        """The block holding offset ``cp``; between blocks, the one before (else the first)."""
        if not self.blocks:
            return None
        i = bisect_right(self.starts, cp) - 1
        return self.blocks[max(i, 0)]

    def overlapping(self, start: int, end: int) -> Iterator[Block]:
        """Blocks overlapping ``[start, end)`` in page order."""
        i = max(bisect_right(self.starts, start) - 1, 0)
        for block in self.blocks[i:]:
            if block.start >= end:
                break
            if block.end > start:
                yield block

    def previous(self, block: Block) -> Block | None:
        i = self.position(block)
        return self.blocks[i - 1] if i > 0 else None

    def article_position(self, article: int | None) -> int | None:
        """1-based position of ``article`` among the page's articles (for its colour)."""
        if article is None:
            return None
        return self._article_order.get(article)

    def starts_article_run(self, block: Block) -> bool:
        """True when ``block`` is in an article and the block before it is not in the same one."""
        if block.article is None:
            return False
        prev = self.previous(block)
        return prev is None or prev.article != block.article


def _article_order(blocks: tuple[Block, ...]) -> dict[int, int]:
    order: dict[int, int] = {}
    for block in blocks:
        if block.article is not None and block.article not in order:
            order[block.article] = len(order) + 1
    return order


def layout_breaks(text: str, blocks: Iterable[Block]) -> list[int]:
    """Code points where the view starts a new line that the page text does not have.

    Every block boundary must be visible where it is: a block that starts after other text
    on its line (a paragraph split in the middle of a line), or text that follows a block's
    end on the same line, gets a line of its own. The break goes before the first character
    that is not white space, so the white space between stays at the end of the line above.
    """
    breaks: set[int] = set()
    for block in blocks:
        if _text_before_on_line(text, block.start):
            breaks.add(block.start)
        after = _text_after_on_line(text, block.end)
        if after is not None:
            breaks.add(after)
    return sorted(breaks)


def _text_before_on_line(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] != "\n"


def _text_after_on_line(text: str, pos: int) -> int | None:
    i = pos
    while i < len(text) and text[i] != "\n" and text[i].isspace():
        i += 1
    return i if i < len(text) and text[i] != "\n" else None


def doubtful_decisions(block: Block) -> list[tuple[str, float]]:
    """The heuristic decisions of ``block`` below the confidence bar, lowest first."""
    low = [(k, v) for k, v in block.confidences.items() if v < LOW_CONFIDENCE]
    return sorted(low, key=lambda kv: kv[1])


class SpanIndex:
    """The page's spans sorted by ``(start, end, id)``: the visible ones (not rejected), or all.

    The view draws and walks the visible spans; the outline lists rejected ones too
    (``rejected=True``). Both keep it in step one changed span at a time.
    """

    def __init__(self, spans: Iterable[Span], *, rejected: bool = False) -> None:
        self.by_id: dict[int, Span] = {}
        self._keys: list[tuple[int, int, int]] = []
        self._max_len = 0
        self._rejected = rejected
        for span in spans:
            if self._keeps(span) and span.id is not None:
                self.by_id[span.id] = span
                self._keys.append((span.start, span.end, span.id))
                self._max_len = max(self._max_len, span.end - span.start)
        self._keys.sort()

    def __len__(self) -> int:
        return len(self._keys)

    def _keeps(self, span: Span) -> bool:
        return self._rejected or span.status != "rejected"

    def update(self, span_id: int, new: Span | None) -> Span | None:
        """Replace span ``span_id`` by ``new`` (None or rejected: drop it); return the old one."""
        old = self.by_id.pop(span_id, None)
        if old is not None:
            i = bisect_left(self._keys, (old.start, old.end, span_id))
            del self._keys[i]
        if new is not None and self._keeps(new):
            self.by_id[span_id] = new
            insort(self._keys, (new.start, new.end, span_id))
            # Never shrinks on removal: a too-wide window costs a few extra comparisons only.
            self._max_len = max(self._max_len, new.end - new.start)
        return old

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans overlapping ``[start, end)``, by start."""
        lo = bisect_left(self._keys, (start - self._max_len,))
        hi = bisect_left(self._keys, (end,))
        return [self.by_id[i] for s, e, i in self._keys[lo:hi] if e > start]

    def within(self, start: int, end: int) -> list[Span]:
        """Spans lying wholly inside ``[start, end)``, in page order."""
        lo = bisect_left(self._keys, (start,))
        hi = bisect_left(self._keys, (end,))
        return [self.by_id[i] for _s, e, i in self._keys[lo:hi] if e <= end]

    def ending_in(self, start: int, end: int) -> list[Span]:
        """Spans whose last character lies in ``[start, end)``."""
        return [s for s in self.overlapping(start, end) if start < s.end <= end]

    def at(self, cp: int) -> Span | None:
        """The innermost span holding the character at ``cp``, or None."""
        found = [s for s in self.overlapping(cp, cp + 1)]
        return min(found, key=lambda s: (s.end - s.start, s.start), default=None)

    def after(self, cp: int, status: str | None = None) -> Span | None:
        """The first span starting after ``cp`` (optionally of one status)."""
        i = bisect_right(self._keys, (cp, float("inf"), 0))
        for _s, _e, span_id in self._keys[i:]:
            span = self.by_id[span_id]
            if status is None or span.status == status:
                return span
        return None

    def before(self, cp: int, status: str | None = None) -> Span | None:
        """The last span starting before ``cp`` (optionally of one status)."""
        i = bisect_left(self._keys, (cp,))
        for _s, _e, span_id in reversed(self._keys[:i]):
            span = self.by_id[span_id]
            if status is None or span.status == status:
                return span
        return None


class MarkerIndex:
    """Markdown syntax the clean text drops (``text.removed_ranges``), found by offset.

    The view greys exactly what the export removes, so what looks like markup is markup.
    """

    def __init__(self, text: str, blocks: Iterable[Block]) -> None:
        self.ranges: list[tuple[int, int]] = sorted(
            r for b in blocks for r in removed_ranges(text, b.start, b.end)
        )
        self._starts = [a for a, _ in self.ranges]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """Marker ranges overlapping ``[start, end)``, clipped to it."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        out = []
        for a, b in self.ranges[i:]:
            if a >= end:
                break
            if b > start:
                out.append((max(a, start), min(b, end)))
        return out
