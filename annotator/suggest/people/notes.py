"""PER cue: a name before a note of sex or nationality, as profiles and rosters write it.

A short biography opens with the name and its sex (``李铁军，男，一九六三年生``), and the
member lists of congresses and committees note a woman or a minority after the name
(``陈慕华（女）``, ``王维山（蒙古族）``, ``滕昭蓉（女，苗族）``).  Only people get these notes,
so the name before them is taken: after a clause boundary whole (two to four Han
characters that read as a name), else, where the list runs the names together, the
surname and its one or two given characters just before the note (a three-character
reading first, as most names are).
"""

from __future__ import annotations

from collections.abc import Callable

from annotator import rules_regex
from annotator.suggest import _scan
from annotator.suggest._text import is_han
from annotator.suggest._words import dictionary

from .names import _CLAUSE_START, _DOT_NAME_RE, SURNAMES, _name_chars_ok, _not_a_name, _surname_len

# The notes: ，男， / ，女， of a profile, and （女）, （女，苗族）, （蒙古族） of a roster.
_NOTE_RE = rules_regex.compile(
    "，[男女][，。；]|[（(](?:[男女][）)，,、]|[^（()）\\s]{1,6}族[）)，,、])"
)
# What every note holds, found by the one scan of the page (:mod:`.._scan`): a page
# without them costs nothing more.
_NOTE_MARKS = ("，男", "，女", "（女", "（男", "(女", "(男", "族）", "族)", "族，", "族,", "族、")
_VOCABULARY = "people_notes"
_scan.register(_VOCABULARY, _NOTE_MARKS)
_NOTE_LONGEST = 8  # （ + six characters + 族
# A two- or three-character reading after a boundary counted this often in jieba's
# dictionary is a common word, not a name (（汉族） notes follow names only, but 其中（女）…).
_COMMON_COUNT = 50


def _note_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """Names right before a note of sex or nationality."""
    marks = _scan.words(text, _VOCABULARY)
    if not marks:
        return
    freq = dictionary()
    seen: set[int] = set()
    for a, _b in marks:
        # a note of nationality opens at the bracket before its 族
        start = a if text[a] != "族" else max(text.rfind("（", 0, a), text.rfind("(", 0, a))
        if start < 0 or a - start > _NOTE_LONGEST or start in seen:
            continue
        m = _NOTE_RE.match(text, start)
        if m is None:
            continue
        seen.add(start)
        j = m.start()
        span = _whole_before(text, j, freq) or _surname_before(text, j)
        if span is not None:
            found.setdefault(span, "note")
        if text[j] in "（(":  # a roster: the names run together on both sides of the note
            close = text.find("）" if text[j] == "（" else ")", j)
            for a, b in (_run_before(text, j), _run_after(text, close)):
                for name in _roster_run(text, a, b):
                    found.setdefault(name, "note")


def _whole_before(text: str, j: int, freq: dict[str, int]) -> tuple[int, int] | None:
    """The name between a clause boundary and the note at ``j``: two to four Han
    characters with a listed surname, or a dotted name (阿木冬·尼牙孜（维吾尔族）)."""
    i = j
    while i > 0 and j - i <= 12 and text[i - 1] not in _CLAUSE_START and text[i - 1] not in "）)":
        i -= 1
    if i == j or (i > 0 and text[i - 1] not in _CLAUSE_START and text[i - 1] not in "）)"):
        return None
    name = text[i:j]
    if ("·" in name or "•" in name) and _DOT_NAME_RE.fullmatch(name):
        return (i, j)
    if not 2 <= len(name) <= 4 or not all(is_han(c) for c in name) or _not_a_name(name):
        return None
    slen = _surname_len(name)
    if not slen or len(name) - slen > 2 or not _name_chars_ok(name, slen, byline=True):
        return None
    return (i, j) if freq.get(name, 0) < _COMMON_COUNT else None


def _surname_before(text: str, j: int) -> tuple[int, int] | None:
    """A name of a listed surname and one or two given characters ending at the note at
    ``j`` where names run together (王光英王维山（蒙古族）): three characters first."""
    for n in (3, 2):
        i = j - n
        if i < 0 or text[i] not in SURNAMES:
            continue
        name = text[i:j]
        if all(is_han(c) for c in name) and not _not_a_name(name) and _name_chars_ok(name, 1):
            return (i, j)
    return None


# Names of a roster written without separators (MSRA's text lost the spaces of People's
# Daily's lists: 王丙乾王汉斌王光英王维山（蒙古族）王朝文): the run of Han characters on either
# side of a note is read as names of a listed surname and one or two given characters
# when every character of it can be so read; of the readings the one whose characters
# score best as names (the statistics of :mod:`.running`) is taken.
_RUN_LONGEST = 40


def _run_before(text: str, j: int) -> tuple[int, int]:
    i = j
    while i > 0 and j - i < _RUN_LONGEST and is_han(text[i - 1]):
        i -= 1
    return i, j


def _run_after(text: str, close: int) -> tuple[int, int]:
    if close < 0:
        return 0, 0
    j = close + 1
    while j < len(text) and j - close <= _RUN_LONGEST and is_han(text[j]):
        j += 1
    return close + 1, j


def _roster_run(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names of ``text[a:b]`` read as a run of names, or none when it cannot be read
    so whole (a run of four characters at least: a name alone is read by the other cues)."""
    if b - a < 4 or b - a >= _RUN_LONGEST:
        return []
    from .running import name_score  # (late: running imports the shape of names from here)

    # best[k]: the best score of a reading of text[a:a+k] and the length of its last name
    best: list[tuple[float, int] | None] = [None] * (b - a + 1)
    best[0] = (0.0, 0)
    for k in range(2, b - a + 1):
        for n in (2, 3, 4):
            prev = best[k - n] if k - n >= 0 else None
            if prev is None:
                continue
            score = _roster_name_score(text, a + k - n, a + k, name_score)
            here = best[k]
            if score is not None and (here is None or prev[0] + score > here[0]):
                best[k] = (prev[0] + score, n)
    names: list[tuple[int, int]] = []
    k = b - a
    while k:
        last = best[k]
        if last is None:
            return []  # no reading of the whole run
        names.append((a + k - last[1], a + k))
        k -= last[1]
    return names[::-1]


def _roster_name_score(
    text: str, i: int, j: int, name_score: Callable[[str, int], float]
) -> float | None:
    name = text[i:j]
    slen = 2 if name[:2] in SURNAMES and len(name) > 2 else 1
    if name[:slen] not in SURNAMES or not 1 <= len(name) - slen <= 2:
        return None
    if not _name_chars_ok(name, slen, byline=True) or _not_a_name(name):
        return None
    return name_score(name, slen)
