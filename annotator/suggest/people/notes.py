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
