"""jieba's dictionary entries of two to six characters, kept in a cache file of their own.

jieba takes seconds to load its whole dictionary, in every process that needs it (each
import worker, the window). The structure model's cut-word feature and the rule that finds
names in running text only look up words of two to six characters, so those entries (words,
and prefixes of longer words at count 0, as jieba keeps them) are cached in a file that
loads several times faster and gives the same answers. Pure: no Qt, no SQL.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import math
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

LONGEST = 6  # the longest entry kept


@lru_cache(maxsize=1)
def dictionary() -> tuple[dict[str, int], float]:
    """The entries of two to :data:`LONGEST` characters with their counts, and the log of
    jieba's total count; ``ImportError`` without jieba."""
    path = cache_path()
    if path is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            freq, log_total = marshal.loads(path.read_bytes())
            if isinstance(freq, dict) and isinstance(log_total, float):
                return freq, log_total
    freq, log_total = jieba_entries()
    if path is not None:
        _write_atomically(path, marshal.dumps((freq, log_total)))
    return freq, log_total


@lru_cache(maxsize=1)
def entries() -> tuple[dict[str, int], float]:
    """:func:`dictionary`, or an empty one (``{}``, 0.0) without jieba or with a broken
    install: for the cues that simply find nothing then."""
    try:
        return dictionary()
    except Exception:  # ImportError, or a broken install
        return {}, 0.0


def any_word_across(freq: dict[str, int], s: str, cut: int) -> bool:
    """Whether some dictionary word of ``s`` starts before ``cut`` and ends after it."""
    n = len(s)
    get = freq.get
    for i in range(cut - 1, -1, -1):
        j = i + 2  # (a while loop: a range object for the few look-ups cost more)
        while j <= n:
            count = get(s[i:j])
            if count is None:
                break  # not even a prefix of a word: no longer word either
            if count and j > cut:
                return True
            j += 1
    return False


def path_bounds(
    freq: dict[str, int], log_total: float, s: str, chars: dict[str, int] | None = None
) -> list[int]:
    """Where the words of ``s`` begin on the most probable path of words over the
    dictionary ``freq`` (jieba's dynamic programme without its HMM), and ``len(s)``: a word
    scores log(count / total), a character alone log(1 / total).

    Unlike jieba, a character alone scores as an unknown one (count 1), which favours words
    a little: jieba cuts 一|三, this joins them (trained models read the cut-word feature so);
    given the counts of single ``chars`` (:func:`char_counts`), it scores as in jieba.
    """
    n = len(s)
    log = math.log
    # best[i]: (score of the best path from i, end of its first word)
    best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        top = best[i + 1][0] - log_total
        if chars is not None:
            top += log(chars.get(s[i], 1))
        end = i
        for k in range(i + 1, n):
            count = freq.get(s[i : k + 1])
            if count is None:
                break  # not even a prefix of a word: no longer word either
            if count:
                score = log(count) - log_total + best[k + 1][0]
                if score > top:
                    top, end = score, k
        best[i] = (top, end)
    bounds = [0]
    x = 0
    while x < n:
        x = best[x][1] + 1
        bounds.append(x)
    return bounds


# The parts of speech that the rules read (places).
TAGS = ("ns",)


@lru_cache(maxsize=1)
def tags() -> dict[str, str]:
    """The :data:`TAGS` part-of-speech tags of jieba's entries of two to :data:`LONGEST`
    characters (``{}`` without jieba), read from its dictionary file (no jieba load) and
    cached beside the counts."""
    # the tags kept are in the name: another set of them makes another file
    return _from_dictionary_file(f"cut-tags-{'-'.join(TAGS)}-", _dictionary_tags)


@lru_cache(maxsize=4)
def nouns_ending_in(chars: str) -> frozenset[str]:
    """jieba's entries of two to :data:`LONGEST` characters tagged as common nouns (``n``)
    whose last character is one of ``chars`` (empty without jieba), read from its dictionary
    file (no jieba load) and cached beside the counts, one file per set of ``chars``."""
    key = hashlib.sha1(chars.encode("utf-8")).hexdigest()[:12]
    found = _from_dictionary_file(f"cut-nouns-{key}-", lambda path: _dictionary_nouns(path, chars))
    return frozenset(found)


@lru_cache(maxsize=1)
def char_counts() -> dict[str, int]:
    """The counts of jieba's entries of one character (``{}`` without jieba), read from its
    dictionary file (no jieba load) and cached beside the counts of the longer ones."""
    return _from_dictionary_file("cut-chars-", _dictionary_chars)


def _from_dictionary_file(prefix: str, read: Callable[[Path], dict[str, Any]]) -> dict[str, Any]:
    """What ``read`` takes from jieba's dictionary file, kept in a cache file whose name
    starts with ``prefix`` (``{}`` without jieba)."""
    path = cache_path()
    if path is None:
        return {}
    cache = path.with_name(path.name.replace("cut-words-", prefix))
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        found = marshal.loads(cache.read_bytes())
        if isinstance(found, dict):
            return found
    try:
        found = read(path_of_dictionary())
    except (OSError, ValueError):
        return {}
    _write_atomically(cache, marshal.dumps(found))
    return found


def path_of_dictionary() -> Path:
    """jieba's dictionary file (``OSError`` without jieba)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise OSError("jieba is not installed")
    return Path(spec.origin).parent / "dict.txt"


def _dictionary_tags(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, tag = line.split()
            if tag in TAGS and 2 <= len(word) <= LONGEST:
                found[word] = tag
    return found


def _dictionary_nouns(path: Path, chars: str) -> dict[str, int]:
    found: dict[str, int] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, tag = line.split()
            if tag == "n" and 2 <= len(word) <= LONGEST and word[-1] in chars:
                found[word] = 1
    return found


def _dictionary_chars(path: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, count, _ = line.split()
            if len(word) == 1:
                found[word] = int(count)
    return found


def jieba_entries() -> tuple[dict[str, int], float]:
    """The entries of two to :data:`LONGEST` characters of jieba's loaded dictionary."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources
        import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    freq = {w: c for w, c in jieba.dt.FREQ.items() if 2 <= len(w) <= LONGEST}
    return freq, math.log(jieba.dt.total)


def cache_path() -> Path | None:
    """The cache file, named after jieba's dictionary file (its size and time), so that
    another jieba's dictionary makes another file."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    try:
        stat = (Path(spec.origin).parent / "dict.txt").stat()
        import platformdirs

        folder = Path(platformdirs.user_cache_dir("annotator", appauthor=False))
    except (OSError, ImportError):
        return None
    return folder / f"cut-words-{stat.st_size}-{stat.st_mtime_ns}-{LONGEST}.marshal"


def _write_atomically(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (workers may write it at once); a cache that
    cannot be written is only not kept."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
