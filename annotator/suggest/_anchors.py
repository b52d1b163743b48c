"""The two-character strings with which every match of a regular expression begins.

A rule's regex that starts with a character class (``[中美俄…](?=方…)``, ``(?:访|来|驻…)
([华京美…])``) makes ``re`` test the class at every position of the page, about 0.03 ms a
page of 5,000 characters however rare its matches.  When the first two characters of
every match are known to lie in small sets, the page scan of :mod:`._scan` (which walks
the page anyway) finds where those pairs stand, and the regex is tried there alone.

:func:`first_pairs` reads them from the parsed pattern, conservatively: literals,
character classes of listed characters or small ranges, groups, alternations, repeats and
lookarounds (a lookahead narrows what may follow; lookbehinds and negative lookaheads are
zero-width and pass).  Anything else (``.``, negated classes, categories, flags, a match
that may end before its second character) gives ``None``: the regex then runs as it is.
"""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as _c
    from re import _parser
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

_MAX_RANGE = 256  # a class range wider than this (a block of Han characters) is "any"
_MAX_PAIRS = 20000
_MAX_DEPTH = 60
_ZERO_WIDTH_PASS = (_c.AT, _c.ASSERT_NOT)
_REPEATS = tuple(
    op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op
)

Items = list[tuple[Any, Any]]


def first_pairs(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Every two-character string that a match of ``regex`` may begin with (the text's
    characters at the match's start and after it), or None when that is not known."""
    items = _items(regex)
    if items is None:
        return None
    first, second = _chars_at(items, 0, 0), _chars_at(items, 1, 0)
    if not first or not second or len(first) * len(second) > _MAX_PAIRS:
        return None
    return frozenset(a + b for a in first for b in second)


def first_chars(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Every character that a match of ``regex`` may begin with, or None when that is not
    known (for a pattern whose second character is not known: ``[（(]([一-龥]{2,4})``)."""
    items = _items(regex)
    first = None if items is None else _chars_at(items, 0, 0)
    return frozenset(first) if first else None


def _items(regex: re.Pattern[str]) -> Items | None:
    """The parsed pattern of ``regex``, or None when its first characters cannot be read
    from it (flags that fold case, an unreadable pattern, a match that may be empty)."""
    if regex.flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        parsed = _parser.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - an unreadable pattern simply runs as it is
        return None
    if parsed.getwidth()[0] < 1:
        return None  # an empty match: finditer's rules for those are not repeated here
    return list(parsed.data)


def _class_chars(items: Items) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # a negation, a category, a wide range
    return out


def _chars_at(seq: Items, k: int, depth: int) -> set[str] | None:
    """The characters that may stand ``k`` characters after the start of a match of
    ``seq`` (None: any, or the match may end before)."""
    if depth > _MAX_DEPTH:
        return None
    for i, (op, av) in enumerate(seq):
        if op is _c.LITERAL or op is _c.IN:
            if k == 0:
                return {chr(av)} if op is _c.LITERAL else _class_chars(av)
            k -= 1
        elif not (op in _ZERO_WIDTH_PASS or (op is _c.ASSERT and av[0] != 1)):
            return _chars_of_item(op, av, seq[i + 1 :], k, depth)
        # (anchors, negative lookaheads, lookbehinds: nothing consumed, nothing known)
    return None  # the match may end before the k-th character


def _chars_of_item(op: Any, av: Any, rest: Items, k: int, depth: int) -> set[str] | None:
    """:func:`_chars_at` for a sequence that begins with a lookahead, a group, an
    alternation or a repeat (``op``, ``av``) followed by ``rest``."""
    if op is _c.ASSERT:
        return _both(_chars_at(list(av[1]), k, depth + 1), _chars_at(rest, k, depth + 1))
    if op is _c.SUBPATTERN:
        if av[1] or av[2]:
            return None  # flags changed inside the group
        return _chars_at(list(av[3]) + rest, k, depth + 1)
    if op is _c.BRANCH:
        return _any_of([list(alt) + rest for alt in av[1]], k, depth)
    if op in _REPEATS:
        return _any_of(_unrolled(op, av, rest), k, depth)
    return None


def _both(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """What a lookahead (``a``) and the rest of the pattern (``b``) both allow."""
    if a is None:
        return b
    return a if b is None else a & b


def _any_of(options: list[Items], k: int, depth: int) -> set[str] | None:
    out: set[str] = set()
    for seq in options:
        chars = _chars_at(seq, k, depth + 1)
        if chars is None:
            return None
        out |= chars
    return out


def _unrolled(op: Any, av: tuple[int, int, Any], rest: Items) -> list[Items]:
    """A repeat as its alternatives: none (when it may be skipped), or one more."""
    lo, hi, sub = av
    options: list[Items] = [rest] if lo == 0 else []
    if hi != 0:
        again = (op, (max(lo - 1, 0), hi if hi == _c.MAXREPEAT else hi - 1, sub))
        options.append([*sub, again, *rest])
    return options
