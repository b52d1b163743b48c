"""Shared building blocks of the suggesters: character classes, trie regexes, candidates.

(:func:`trie_pattern` lives in :mod:`annotator.lexicon`, with the word lists it matches.)

Internally every suggester yields *candidates*, plain tuples ``(start, end, label, attrs)``
with ``start``/``end`` as Python ``str`` indices (code points).  Building frozen
:class:`~annotator.model.Span` objects costs about a microsecond each, so that happens
once, after overlaps are resolved, in :func:`annotator.suggest.suggest_spans`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from annotator.lexicon import trie_pattern as trie_pattern  # re-exported for the suggesters

# CJK ideographs: the BMP blocks and the astral extensions (B..H, U+20000..U+3134F), so
# that a rare name character such as 𠮷 (U+20BB7) counts as a Han character.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_CLASS = f"[{HAN}]"

Candidate = tuple[int, int, str, dict[str, Any]]

# Prepositions, particles, conjunctions and adverbs: a name never holds one, it starts or
# ends next to one (the organisation, place and person rules share them).
STOP_CHARS = "在由被向从对与把让给据将是了的即并也都还已又再就才仅但而或等及为于到"


def is_han(ch: str) -> bool:
    """True if ``ch`` (one code point) is a CJK ideograph (string compares: no regex call)."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\U00020000" <= ch <= "\U0003134f"
        or "\uf900" <= ch <= "\ufaff"
    )


def holds(text: str, word: str) -> bool:
    """``word in text``, answered sooner when one of its characters is not in ``text``:
    ``in`` of one character runs at memchr speed (0.3 µs a page of 3,700 characters), of
    two or more about ten times slower, found or not."""
    for ch in word:  # (a plain loop: all() over a generator costs a test's worth more)
        if ch not in text:
            return False
    return word in text


def ends_at(text: str, word: str, end: int) -> bool:
    """True if ``word`` ends at ``end`` in ``text``.  (``str.startswith(word, end - n)``
    would count a negative start from the end of the text: 0年近 is no 近0年.)"""
    return end >= len(word) and text.startswith(word, end - len(word))


def starts_of(text: str, words: Iterable[str]) -> dict[str, list[int]]:
    """Each of ``words`` (non-empty) with its starts in ``text``, left to right, none
    overlapping the one before: what a loop of ``text.find(word, end of the last)`` finds.

    Found from the places of the words' first characters: on a page of Han text
    ``str.find`` of one character takes about 0.6 µs, of two or more about 8 µs (a page
    of 5,000 characters), and the names found on a page are looked for a few dozen times.
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word)
    out: dict[str, list[int]] = {}
    for first, group in by_first.items():
        found: dict[str, list[int]] = {word: [] for word in group}
        free = dict.fromkeys(group, 0)  # where the next of a word may start
        i = text.find(first)
        while i != -1:
            for word in group:
                if i >= free[word] and text.startswith(word, i):
                    found[word].append(i)
                    free[word] = i + len(word)
            i = text.find(first, i + 1)
        out.update(found)
    return out


def split_words(text: str) -> list[str]:
    """The space-separated words of ``text`` (word lists read better written as one string)."""
    return text.split()


def bracket_ranges(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of every match of ``pattern`` (quotations, book titles)."""
    return [m.span() for m in pattern.finditer(text)]


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if ``[start, end)`` lies within one of ``ranges`` (few ranges: linear scan)."""
    return any(s <= start and end <= e for s, e in ranges)
