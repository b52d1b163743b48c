"""Clean article text derived from page blocks, with an exact offset map.

Everything a reviewer does is stored as ranges of the immutable page text. Export needs the
same ranges in the *clean* article text: markdown syntax removed, paragraphs joined with
``\\n`` and paragraphs that a column break cut in two joined back. :func:`derive_article`
builds that text together with a map between the two coordinate systems.

What is removed from a block is its markdown syntax as :mod:`annotator.markdown` defines
it (a heading marker, ``**`` pairs, hard-break spaces), and nothing else, so that every
kept character is the page's own character.

The map is a list of segments ``(article_start, page_start, length)``: runs of characters
that are contiguous both in the page and in the article. Lookups bisect it, so conversion
costs O(log segments) and an article with ten paragraphs holds about ten segments.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import partial
from operator import attrgetter, le
from typing import NamedTuple

from annotator.markdown import leading_markup_end, markup_ranges, may_have_markup, merged
from annotator.model import AnyBlock

__all__ = [
    "ArticleText",
    "Paragraph",
    "SpanPlaces",
    "derive_article",
    "derive_articles",
    "removed_ranges",
    "span_problem",
]

_POSITION = attrgetter("start", "end")
# A line break with the indentation of the next line (ASCII or ideographic spaces, tabs).
_LINE_BREAK = re.compile("\n[ \t\u3000]*")
_SENTENCE_END = frozenset("。！？!?…")
# Characters that may open a line of markdown line markup (a list item, a quoted line).
_LINE_MARKUP = frozenset(">-*+")
_CLOSERS = frozenset("”’」』）)")
_SOFT_ROLES = frozenset({"body", "caption"})


class Paragraph(NamedTuple):
    """One paragraph of the clean article: ``text[start:end]``.

    ``page_start``/``page_end`` cover the page range of all blocks joined into it
    (markup included); ``role`` is the role of its first block. A named tuple, because
    export builds hundreds of thousands of them per second.
    """

    role: str
    start: int
    end: int
    page_start: int
    page_end: int


# Paragraph._make without its Python frame: made in C (export makes ~5 an article).
_paragraph = partial(tuple.__new__, Paragraph)


class ArticleText:
    """Clean text of one article plus the exact map to and from page offsets.

    Built by :func:`derive_article`; the map is held as three parallel lists (article
    start, page start, length of each segment) because bisect on a plain int list is fast.
    """

    __slots__ = ("text", "paragraphs", "_art", "_page", "_len", "_origin", "_page_text")

    def __init__(
        self,
        text: str,
        paragraphs: list[Paragraph],
        segments: Iterable[tuple[int, int, int]] = (),
        origin: int = 0,
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self._art: list[int] = []
        self._page: list[int] = []
        self._len: list[int] = []
        for art_start, page_start, length in segments:
            self._art.append(art_start)
            self._page.append(page_start)
            self._len.append(length)
        # Where a position with no kept character before it maps to (see to_page).
        self._origin = origin
        self._page_text: str | None = None

    @classmethod
    def _from_lists(
        cls,
        text: str,
        paragraphs: list[Paragraph],
        lists: tuple[list[int], list[int], list[int]],
        origin: int,
        page_text: str | None = None,
    ) -> ArticleText:
        # Set directly (not through __init__, which makes three lists only to drop them):
        # export makes one for every article.
        article = cls.__new__(cls)
        article.text, article.paragraphs = text, paragraphs
        article._art, article._page, article._len = lists
        article._origin, article._page_text = origin, page_text
        return article

    @property
    def segments(self) -> list[tuple[int, int, int]]:
        """The offset map as ``(article_start, page_start, length)`` runs, in order."""
        return list(zip(self._art, self._page, self._len, strict=True))

    def __repr__(self) -> str:
        return f"ArticleText({self.text!r}, paragraphs={len(self.paragraphs)})"

    def to_article(self, page_pos: int) -> int | None:
        """Article offset of the page character at ``page_pos``, or None if not kept."""
        i = bisect_right(self._page, page_pos) - 1
        if i >= 0 and page_pos < self._page[i] + self._len[i]:
            return self._art[i] + page_pos - self._page[i]
        return None

    def to_page(self, article_pos: int) -> int:
        """Page offset of the article character at ``article_pos``.

        A position that holds no page character (a ``\\n`` between paragraphs, or
        ``len(text)``) maps to the page offset just after the preceding kept character,
        or to the article's first block start when nothing precedes it.
        """
        if not 0 <= article_pos <= len(self.text):
            raise IndexError(f"article offset {article_pos} outside 0..{len(self.text)}")
        i = bisect_right(self._art, article_pos) - 1
        if i < 0:
            return self._origin
        offset = article_pos - self._art[i]
        return self._page[i] + min(offset, self._len[i])

    def span_to_article(self, start: int, end: int) -> tuple[int, int] | None:
        """Article range of the page range ``[start, end)``, or None.

        Within one segment the article text equals the page text. A span may also cross
        segments when what lies between them in the page is a single line break (with
        the next line's indentation) that the clean text drops: a soft break of
        hard-wrapped text, or the line between a paragraph and the block that joins it.
        An entity cut by a line end is still one entity. It may not cross markup
        (``**``), a blank line, or a paragraph separator.
        """
        if end <= start:
            return None
        i = bisect_right(self._page, start) - 1
        if i < 0 or start >= self._page[i] + self._len[i]:
            return None
        a = self._art[i] + start - self._page[i]
        if end <= self._page[i] + self._len[i]:
            return a, a + end - start
        return self._across_segments(i, a, end)

    def _across_segments(self, i: int, a: int, end: int) -> tuple[int, int] | None:
        j = bisect_right(self._page, end - 1) - 1
        if end > self._page[j] + self._len[j] or self._page_text is None:
            return None
        for k in range(i, j):
            gap_start = self._page[k] + self._len[k]
            if self._art[k] + self._len[k] != self._art[k + 1]:
                return None  # a paragraph separator lies between
            if not _LINE_BREAK.fullmatch(self._page_text, gap_start, self._page[k + 1]):
                return None  # markup or a blank line, not a soft line break, lies between
        return a, self._art[j] + end - self._page[j]

    def span_to_page(self, start: int, end: int) -> tuple[int, int]:
        """Page range covering the article range ``[start, end)`` (inverse of the above)."""
        if end <= start:
            p = self.to_page(start)
            return p, p
        return self.to_page(start), self.to_page(end - 1) + 1


def removed_ranges(
    page_text: str, start: int, end: int, soft_breaks: bool = False
) -> list[tuple[int, int]]:
    """Sorted, disjoint page ranges of markdown syntax inside the block ``[start, end)``.

    With ``soft_breaks`` (body and caption blocks), line breaks in mid-sentence are removed
    too, with the indentation after them: hard-wrapped PDF or OCR text breaks lines at the
    column edge, and Chinese text has no space between words to keep in their place.
    """
    removed = markup_ranges(page_text, start, end)
    if soft_breaks:
        removed = merged([*removed, *_soft_breaks(page_text, start, end)])
    return removed


def _soft_breaks(page_text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    for m in _LINE_BREAK.finditer(page_text, start, end):
        before = page_text[m.start() - 1] if m.start() > start else ""
        after = page_text[m.end()] if m.end() < end else ""
        if before == " " or before in _SENTENCE_END or not after:
            continue  # a markdown hard break, or a line that ends a sentence
        if after == "|" or (
            after in _LINE_MARKUP and leading_markup_end(page_text, m.end(), end) > m.end()
        ):
            continue  # the next line is a table row, a list item or a quoted line of its own
        if before in _CLOSERS and page_text[m.start() - 2 : m.start() - 1] in _SENTENCE_END:
            continue  # 。” ends a sentence too
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            continue  # gluing two Latin words would change the text
        yield m.span()


def _checked_order(page_text: str, blocks: Sequence[AnyBlock]) -> list[AnyBlock]:
    """Blocks sorted by position; raises ValueError on bad or overlapping ranges."""
    if _in_order(page_text, blocks):
        return list(blocks)
    ordered = sorted(blocks, key=_POSITION)
    previous_end = 0
    for b in ordered:
        if not 0 <= b.start <= b.end <= len(page_text):
            raise ValueError(f"block [{b.start}, {b.end}) outside the page (0..{len(page_text)})")
        if b.start < previous_end:
            raise ValueError(f"block [{b.start}, {b.end}) overlaps the previous block")
        previous_end = b.end
    return ordered


def _in_order(page_text: str, blocks: Sequence[AnyBlock]) -> bool:
    """Whether ``blocks`` are in order already, inside the page and apart: each ends where
    or before the next begins (as the store reads a page's blocks). Checked in C; then the
    sort (a key tuple per block) and the checks block by block have nothing to do."""
    try:
        starts = list(map(_START, blocks))
        ends = list(map(_END, blocks))
        return (
            bool(starts)
            and starts[0] >= 0
            and ends[-1] <= len(page_text)
            and all(map(le, starts, ends))
            and all(map(le, ends, starts[1:]))
        )
    except TypeError:  # not numbers: the checks below say what is wrong
        return False


_START, _END = attrgetter("start"), attrgetter("end")


def _kept_runs(
    page_text: str, start: int, end: int, soft_breaks: bool = False
) -> list[tuple[int, int]]:
    """Page ranges of the block ``[start, end)`` that stay in the clean text."""
    runs = []
    position = start
    for s, e in removed_ranges(page_text, start, end, soft_breaks):
        if s > position:
            runs.append((position, s))
        position = e
    if end > position:
        runs.append((position, end))
    return runs


def derive_article(page_text: str, blocks: Sequence[AnyBlock]) -> ArticleText:
    """Clean text and offset map of one article from its blocks (page order).

    Blocks are joined with ``\\n``; a block with ``joins_previous`` continues the previous
    block of the article directly (the article's first block cannot join anything, so its
    flag is ignored). Hard line breaks inside a block stay ``\\n``. Raises ValueError for
    blocks outside the page or overlapping each other.
    """
    return _derive(page_text, _checked_order(page_text, blocks))


def span_problem(page_text: str, blocks: Sequence[AnyBlock], start: int, end: int) -> str | None:
    """Why the page range ``[start, end)`` would have no exact place in its article's clean
    text, so that export leaves a span there out: ``"articles"`` (it reaches into another
    article, or out of its own), ``"paragraphs"`` (it crosses a paragraph break),
    ``"markup"`` (it takes in markup that the clean text drops), ``"furniture"`` (it lies
    on paragraphs outside every article, which no export writes) or ``"between"`` (it lies
    on no paragraph at all: only the blank line or line break between two, which no clean
    text holds); None when it has one. :class:`SpanPlaces` asks the same of many ranges."""
    return SpanPlaces(page_text, blocks).problem(start, end)


class SpanPlaces:
    """:func:`span_problem` for many ranges of one page split: the blocks are sorted once
    and each article's clean text is derived once, not once per range (an edit asks it of
    every span on the blocks it changed, a thousand on a long page)."""

    __slots__ = ("_text", "_blocks", "_starts", "_articles")

    def __init__(self, page_text: str, blocks: Sequence[AnyBlock]) -> None:
        self._text = page_text
        self._blocks = _checked_order(page_text, blocks)
        self._starts = [b.start for b in self._blocks]
        self._articles: dict[int | None, ArticleText] = {}

    def problem(self, start: int, end: int) -> str | None:
        """Why export would leave a span over ``[start, end)`` out (see :func:`span_problem`)."""
        first = max(bisect_right(self._starts, start) - 1, 0)
        touched = []
        for b in self._blocks[first:]:
            if b.start >= end:
                break
            if start < b.end:
                touched.append(b)
        if not touched:
            # Only the break between two paragraphs (or a page with none): on no article,
            # no export writes it (a label there came from another tool's import).
            return "between"
        numbers = {b.article for b in touched}
        if numbers == {None}:
            return "furniture"
        if len(numbers) > 1:
            return "articles"
        number = numbers.pop()
        article = self._articles.get(number)
        if article is None:
            article = _derive(self._text, [b for b in self._blocks if b.article == number])
            self._articles[number] = article
        if article.span_to_article(start, end) is not None:
            return None
        inside = len(touched) == 1 and touched[0].start <= start and end <= touched[0].end
        return "markup" if inside else "paragraphs"


def derive_articles(page_text: str, blocks: Sequence[AnyBlock]) -> dict[int, ArticleText]:
    """Every article of a page by article number, in order of the article's first block.

    Blocks with ``article`` None (page furniture) belong to no article. Raises ValueError
    for blocks outside the page or overlapping each other.
    """
    groups: dict[int, list[AnyBlock]] = {}
    for b in _checked_order(page_text, blocks):
        if b.article is not None:
            groups.setdefault(b.article, []).append(b)
    return {number: _derive(page_text, group) for number, group in groups.items()}


def _derive(page_text: str, ordered: list[AnyBlock]) -> ArticleText:
    # One flat loop over local lists: export derives ~10 blocks per article at >10k
    # articles/s, so calls and attribute look-ups per block would dominate.
    pieces: list[str] = []
    arts: list[int] = []
    pages: list[int] = []
    lens: list[int] = []
    paragraphs: list[list] = []  # [role, start, end, page_start, page_end], mutable
    find = page_text.find
    length = 0
    for b in ordered:
        start, end = b.start, b.end
        if b.joins_previous and paragraphs:
            paragraph = paragraphs[-1]
        else:
            if paragraphs:
                pieces.append("\n")
                length += 1
            paragraph = [b.role, length, length, start, end]
            paragraphs.append(paragraph)
        soft = b.role in _SOFT_ROLES and find("\n", start, end) >= 0
        if soft or may_have_markup(page_text, start, end):
            runs: Sequence[tuple[int, int]] = _kept_runs(page_text, start, end, soft)
        elif end > start:
            runs = ((start, end),)
        else:
            runs = ()
        for s, e in runs:
            pieces.append(page_text[s:e])
            # Contiguous in both page and article: one segment, so spans across it map.
            if lens and arts[-1] + lens[-1] == length and pages[-1] + lens[-1] == s:
                lens[-1] += e - s
            else:
                arts.append(length)
                pages.append(s)
                lens.append(e - s)
            length += e - s
        paragraph[2] = length
        paragraph[4] = end
    origin = ordered[0].start if ordered else 0
    paragraph_tuples = list(map(_paragraph, paragraphs))
    return ArticleText._from_lists(
        "".join(pieces), paragraph_tuples, (arts, pages, lens), origin, page_text
    )
