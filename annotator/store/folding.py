"""What search compares: text folded for case and width (NFKC, then full case folding),
so that ``covid`` finds ``COVID`` and ``ＣＯＶＩＤ``, and ``2025`` finds ``２０２５``; and where
a folded match lies in the original text, so that the window highlights what is there.

Pure: no SQL, no Qt. The store registers :func:`fold` as the SQL function
``search_fold`` on each connection (the search indexes hold folded text).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

#: The Unicode version of the folding: indexes folded under another one are rebuilt.
UNICODE_VERSION = unicodedata.unidata_version


# Characters that fold to themselves and that folding never joins to a neighbour (no
# combining class, no decomposition, in no pair that NFKC composes): on either side of one,
# the text folds apart as it folds together. Chinese ideographs, most of the CJK and ASCII
# punctuation, digits, white space (tests/core/test_search_folding_fast.py checks each
# against the running Unicode version). Folding then reads only the runs between them.
_KEPT = (
    "\t\n\r -;?-@\\[\\]^_`{-~\u2014\u2018-\u201d\u3001-\u3029"
    "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
_RUNS = re.compile(f"([^{_KEPT}]+)")
_ALL_KEPT = re.compile(f"[{_KEPT}]+")
# Where every character that folds to something else lies (a decomposition or a case
# folding; checked by a test): the rest of the code points fold to themselves.
_FOLDING_RANGES = ((0, 0x20000), (0x2F800, 0x2FA20))


def fold(text: str) -> str:
    """``text`` as search compares it: NFKC (full-width letters and digits, ligatures,
    circled numbers become plain ones), then case folded (``ß`` → ``ss``). Chinese text
    comes back as it is, only its full-width Latin letters and digits change.

    A page's ideographs and common punctuation stay as they are, so only the runs between
    them are folded, all in one call (separated by a kept \\n): a page of Chinese folds in
    a fifth of the time of normalising all of it (bench/index_fill.py)."""
    if text.isascii():  # nearly every query and page id: the same result, a tenth the cost
        return text.lower()
    pieces = _RUNS.split(text)  # kept, run, kept, run, …, kept
    if len(pieces) == 1:
        return text
    pieces[1::2] = _fold_whole("\n".join(pieces[1::2])).split("\n")
    return "".join(pieces)


def _fold_whole(text: str) -> str:
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


@functools.cache
def _makers() -> dict[str, str]:
    """For each kept character that folding makes of others (``一`` of ``⼀``, ``1`` of
    ``⑪``), those others (built once, ~25 ms)."""
    makers: dict[str, list[str]] = {}
    for low, high in _FOLDING_RANGES:
        for cp in range(low, high):
            c = chr(cp)
            if (unicodedata.decomposition(c) or c.casefold() != c) and not _ALL_KEPT.fullmatch(c):
                for made in set(_fold_whole(c)):
                    if _ALL_KEPT.fullmatch(made):
                        makers.setdefault(made, []).append(c)
    return {made: "".join(others) for made, others in makers.items()}


@functools.lru_cache(maxsize=64)
def holder(query: str) -> Callable[[str], bool]:
    """A test of whether a text holds ``query`` (folded) as search finds it, that is
    ``query in fold(text)``, made once per query.

    A query of kept characters only (Chinese, digits, common punctuation) is looked for in
    the text as it is: found there, it is found folded (each end is a boundary of
    folding); not found, it is found folded only where the text holds a character that
    folds to one of the query's (⼀ to 一, ㍻ to 平成): only such a text is folded. Most
    pages are then never folded (bench/index_fill.py: searching unindexed pages)."""
    if not query or not _ALL_KEPT.fullmatch(query):
        return lambda text: query in fold(text)
    makers = "".join(sorted({m for c in set(query) for m in _makers().get(c, "")}))
    if not makers:
        return lambda text: query in text
    made_of = re.compile("[" + re.escape(makers) + "]")

    def holds(text: str) -> bool:
        return query in text or (made_of.search(text) is not None and query in fold(text))

    return holds


def kept_core(text: str) -> str:
    """``text`` without the characters at either end that are not kept ones (folding may
    join those to a neighbour, ``e`` to a combining accent after it): a text holding
    ``text`` holds its core where search finds it, folded. Empty when none is kept."""
    first = next((i for i, c in enumerate(text) if _ALL_KEPT.fullmatch(c)), None)
    if first is None:
        return ""
    last = next(i for i in range(len(text) - 1, -1, -1) if _ALL_KEPT.fullmatch(text[i]))
    return text[first : last + 1]


def _pieces(text: str) -> list[tuple[int, int]]:
    """``text`` cut before each character that starts a new piece of folding: a base
    character with the combining marks after it (NFKC composes inside such a piece)."""
    cuts = [0]
    for i in range(1, len(text)):
        if unicodedata.combining(text[i]):
            continue
        # NFKC also composes across characters of combining class 0 (ｶﾞ -> ガ, Hangul
        # jamo, two-part Indic vowels): cut only where folding the two sides apart gives
        # what folding them together does
        if (
            text[i].isascii()
            or "\u4e00" <= text[i] <= "\u9fff"
            or fold(text[cuts[-1] : i + 1]) == fold(text[cuts[-1] : i]) + fold(text[i])
        ):
            cuts.append(i)
    cuts.append(len(text))
    return list(zip(cuts, cuts[1:], strict=False))


def found_ranges(text: str, search: str) -> list[tuple[int, int]]:
    """Where ``search`` is found in ``text`` as search finds it (both folded), as
    ``(start, end)`` ranges of ``text`` itself, each after the end of the one before.

    A folded character that stands for several (``ﬁ`` → ``fi``, ``㍻`` → ``平成``) is
    covered whole when a match takes part of it."""
    query = fold(search)
    if not query or not text:
        return []
    if text.isascii():  # folding keeps every position: no map needed
        folded, owners = text.lower(), None
    else:
        parts: list[str] = []
        owners = []
        for start, end in _pieces(text):
            piece = fold(text[start:end])
            parts.append(piece)
            owners.extend([(start, end)] * len(piece))
        folded = "".join(parts)
    hits: list[tuple[int, int]] = []
    at = folded.find(query)
    while at >= 0:
        last = at + len(query) - 1
        if owners is None:
            hits.append((at, last + 1))
        else:
            hits.append((owners[at][0], owners[last][1]))
        at = folded.find(query, at + len(query))
        if owners is not None:  # not inside the piece the last hit ended in (⑪ -> 11)
            while 0 <= at < len(owners) and owners[at][0] < hits[-1][1]:
                at = folded.find(query, at + 1)
    return hits
