"""What the split tests read of a page split: each block's text with its role, article and join.

The split tests write invented pages one line a paragraph; these helpers split the joined
lines and give the blocks in the shape each test file compares.
"""

from __future__ import annotations

from annotator.split import split_page


def _blocks(lines: list[str]):
    text = "\n".join(lines)
    return text, split_page(text)


def rows(lines: list[str]) -> list[tuple[str, str, int | None, bool]]:
    """``(text, role, article, joins_previous)`` of every block."""
    text, blocks = _blocks(lines)
    return [(text[b.start : b.end], b.role, b.article, b.joins_previous) for b in blocks]


def article_rows(lines: list[str]) -> list[tuple[str, str, int | None]]:
    """``(text, role, article)`` of every block."""
    text, blocks = _blocks(lines)
    return [(text[b.start : b.end], b.role, b.article) for b in blocks]


def join_rows(lines: list[str]) -> list[tuple[str, str, bool]]:
    """``(text, role, joins_previous)`` of every block."""
    text, blocks = _blocks(lines)
    return [(text[b.start : b.end], b.role, b.joins_previous) for b in blocks]
