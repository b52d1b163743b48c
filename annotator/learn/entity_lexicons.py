"""The word lists and jieba's dictionary that the entity tagger's features read
(:mod:`annotator.learn.entities`), each matched by an automaton built once a process.

:func:`lexicon_words` is the one place that knows which lexicons of
``resources/lexicon/`` (and a project's own) the tagger uses."""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterable
from typing import Any

from annotator.code_units import code_units

_lock = threading.Lock()
_cache: dict[str, Any] = {}


# lexicon words matched in a line, by the kind the model sees (a word in several lists
# takes the first kind here)
_WORD_LISTS: tuple[tuple[str, str], ...] = (
    ("orgs_national", "org"),
    ("orgs_known", "org"),
    ("places_provinces_full", "place"),
    ("places_provinces_short", "place"),
    ("places_prefectures", "place"),
    ("places_countries", "place"),
    ("places_world_cities", "place"),
    ("places_natural", "place"),
    ("places_abbreviation_groups", "place"),
    ("places_local", "place"),
    ("places_generic", "area"),
    ("places_foreign_tails", "area"),
    ("orgs_suffixes", "orgsuffix"),
    ("people_titles", "title"),
    ("people_roles", "title"),
    ("people_speech_verbs", "speech"),
)
# single characters marked in the character class (a character in several lists takes
# the first code): surname, transliteration of a foreign name, common given-name character
_CHAR_LISTS: tuple[tuple[str, str], ...] = (
    ("people_surnames", "X"),
    ("people_translit_chars", "T"),
    ("places_translit_chars", "T"),
    ("people_given_common", "G"),
)


def lexicon_words() -> tuple[dict[str, str], dict[str, str]]:
    """Single characters with their class code, and lexicon words of two or more
    characters with their kind.

    The one function that knows which lexicons of ``resources/lexicon/`` (and a
    project's own, through :mod:`annotator.lexicon`) the tagger uses. A list that cannot
    be found is left out (the model learns without it) rather than breaking the tagger.
    """
    chars: dict[str, str] = {}
    for name, code in _CHAR_LISTS:
        for word in _lexicon_list(name):
            if len(word) == 1:
                chars.setdefault(word, code)
    words: dict[str, str] = {}
    for name, kind in _WORD_LISTS:
        for word in _lexicon_list(name):
            if len(word) > 1:
                words.setdefault(word, kind)
    return chars, words


def _lexicon_list(name: str) -> tuple[str, ...]:
    from annotator import lexicon

    try:
        return lexicon.words(name)
    except Exception:  # a lexicon renamed or missing: learn without it
        return ()


class _Matcher:
    """Longest non-overlapping dictionary words of a line (leftmost first), by a
    pyahocorasick automaton over the line's UTF-16 code units, one byte a letter.

    Why bytes: an automaton over whole characters has thousands of branches at its root
    and walks them one by one (2 µs a character over jieba's dictionary); over bytes a
    node has at most 256, three times faster. A match must start and end on a character
    boundary (a word's letters are whole code units), which :meth:`words` checks.

    Why not ``ahocorasick_rs`` (the page scan's): its leftmost-longest search finds words
    that ``iter_long``'s walk misses (``市委`` at the end of ``南南湖委委市阳阳衡南市委`` with
    ``南市委委`` among the words), which would change the features the models were trained
    on (though it did in none of 148 pages of dev_a and the seeds); and it builds jieba's
    dictionary in 0.74 s of CPU against 0.53 s, more than its faster search saves a
    process below some two million characters.
    """

    def __init__(self, items: Iterable[tuple[str, Any]]) -> None:
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        for word, value in items:
            self.automaton.add_word(code_units(word)[0], (len(word), value))
        if len(self.automaton):
            self.automaton.make_automaton()

    def words(self, units: str) -> list[tuple[int, int, Any]]:
        """``(start, end, value)`` of the words found in a text given as its
        :func:`annotator.code_units.code_units`, in text order.

        A match that starts on the second byte of a code unit (the bytes of two
        neighbouring characters can spell a word) is no word: the search starts again
        at the next character boundary, so that a word inside or after it is not lost."""
        if not len(self.automaton):
            return []
        out: list[tuple[int, int, Any]] = []
        start: int | None = 0
        while start is not None and start < len(units):
            start = self._aligned(units, start, out)
        return out

    def _aligned(self, units: str, start: int, out: list[tuple[int, int, Any]]) -> int | None:
        """Add the words found from byte ``start`` on to ``out``; the byte to search on
        from after a misaligned match, or None at the end of the text."""
        for last, (length, value) in self.automaton.iter_long(units, start):
            if last & 1:
                out.append(((last >> 1) + 1 - length, (last >> 1) + 1, value))
            else:  # bytes last+1-2*length .. last: it starts mid-character, at an odd byte
                return last + 2 - 2 * length
        return None


def _matcher(kind: str) -> _Matcher:
    """The matcher (built once per process) of ``words`` (jieba's dictionary with POS)
    or ``lexicon`` (the word lists of :func:`lexicon_words`)."""
    built: _Matcher | None = _cache.get(kind)  # once built, read without the lock
    if built is not None:
        return built
    with _lock:
        if kind not in _cache:
            # a word's value: the feature strings of each of its characters (words: B, M…,
            # E, one tuple per POS and length) or of its first and other characters
            # (lexicon, one tuple per kind)
            strings: dict[Any, tuple[str, ...]] = {}
            if kind == "words":
                items = [
                    (
                        w,
                        strings.get((pos, len(w)))
                        or strings.setdefault((pos, len(w)), _word_strings(pos, len(w))),
                    )
                    for w, pos in _dictionary()
                ]
            else:
                items = [
                    (w, strings.get(k) or strings.setdefault(k, ("x=B" + k, "x=I" + k)))
                    for w, k in sorted(lexicon_words()[1].items())
                ]
            _cache[kind] = _Matcher(items)
        return _cache[kind]


def _word_strings(pos: str, length: int) -> tuple[str, ...]:
    """The word features of the characters of a word of ``length`` (two or more)."""
    return ("w=B" + pos, *["w=M" + pos] * (length - 2), "w=E" + pos)


def _dictionary() -> Iterable[tuple[str, str]]:
    """jieba's dictionary words of two or more characters, with their POS tag."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # jieba imports pkg_resources
            import jieba
    except ImportError:  # a broken install: tag without word features rather than fail
        return
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            word, freq, pos = line.split()
            if len(word) > 1 and int(freq) >= 3:
                yield word, pos
