"""Shared building blocks of the suggesters: character classes, trie regexes, candidates.

Internally every suggester yields *candidates*, plain tuples ``(start, end, label, attrs)``
with ``start``/``end`` as Python ``str`` indices (code points).  Building frozen
:class:`~annotator.model.Span` objects costs about a microsecond each, so that happens
once, after overlaps are resolved, in :func:`annotator.suggest.suggest_spans`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# CJK ideographs: the BMP blocks and the astral extensions (B..H, U+20000..U+3134F), so
# that a rare name character such as 𠮷 (U+20BB7) counts as a Han character.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_CLASS = f"[{HAN}]"

Candidate = tuple[int, int, str, dict[str, Any]]


def is_han(ch: str) -> bool:
    """True if ``ch`` (one code point) is a CJK ideograph (string compares: no regex call)."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\U00020000" <= ch <= "\U0003134f"
        or "\uf900" <= ch <= "\ufaff"
    )


def ends_at(text: str, word: str, end: int) -> bool:
    """True if ``word`` ends at ``end`` in ``text``.  (``str.startswith(word, end - n)``
    would count a negative start from the end of the text: 0年近 is no 近0年.)"""
    return end >= len(word) and text.startswith(word, end - len(word))


def split_words(text: str) -> list[str]:
    """The space-separated words of ``text`` (word lists read better written as one string)."""
    return text.split()


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of ``words``, longest alternative first.

    Python's ``re`` tries the branches of an alternation one after the other, so a plain
    alternation of hundreds of names costs O(names) at every position.  This builds a
    trie-shaped pattern instead (``衡(?:阳(?:市)?|东县)``): greedy optional groups make the
    longest entry win at a given start.  The root is written as one character class of all
    first characters, so that ``re`` skips every other position in C, then a test on the
    second character, then a binary search on the first one through one-character
    lookbehinds over code point ranges (log2(n) cheap tests instead of n).
    """
    root: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    if not root:
        return "(?!)"
    firsts = sorted(root)
    if len(firsts) <= 8:
        return "(?:" + "|".join(re.escape(ch) + _node_pattern(root[ch]) for ch in firsts) + ")"
    body = _dispatch(root, firsts)
    # a second-character test rejects most candidate positions before the dispatch
    seconds = sorted({ch for node in root.values() for ch in node if ch})
    singles = [ch for ch in firsts if "" in root[ch]]
    guard = f"(?=[{_class(seconds)}])" if seconds else ""
    if singles and seconds:
        guard = f"(?:(?<=[{_class(singles)}])|{guard})"
    elif singles:
        guard = ""
    return f"(?:[{_class(firsts)}]{guard}{body})"


def _dispatch(root: dict[str, Any], chars: list[str]) -> str:
    """Branch on the (already consumed) first character by binary search over code point
    ranges, each test a one-character lookbehind on a range (cheap in ``re``)."""
    if len(chars) <= 4:
        alts = "|".join(f"(?<={re.escape(ch)}){_node_pattern(root[ch])}" for ch in chars)
        return f"(?:{alts})"
    mid = len(chars) // 2
    left, right = chars[:mid], chars[mid:]
    lo, hi = re.escape(left[0]), re.escape(left[-1])
    # the right half repeats the test negated, so that a failed match in the left half
    # does not search the right half too
    rng = f"[{lo}-{hi}]"
    return f"(?:(?<={rng}){_dispatch(root, left)}|(?<!{rng}){_dispatch(root, right)})"


def _class(chars: list[str]) -> str:
    return "".join(re.escape(ch) if ch in "\\]^-[" else ch for ch in chars)


def _node_pattern(node: dict[str, Any]) -> str:
    leaves = [ch for ch, sub in node.items() if ch and len(sub) == 1 and "" in sub]
    inner = [ch for ch, sub in node.items() if ch and ch not in leaves]
    alts = [re.escape(ch) + _node_pattern(node[ch]) for ch in sorted(inner)]
    if len(leaves) == 1:
        alts.append(re.escape(leaves[0]))
    elif leaves:
        alts.append("[" + "".join(re.escape(ch) for ch in sorted(leaves)) + "]")
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


def bracket_ranges(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of every match of ``pattern`` (quotations, book titles)."""
    return [m.span() for m in pattern.finditer(text)]


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if ``[start, end)`` lies within one of ``ranges`` (few ranges: linear scan)."""
    return any(s <= start and end <= e for s, e in ranges)
