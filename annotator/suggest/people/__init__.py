"""PER suggestions: personal names found through the cues of Chinese news text.

One module a cue: :mod:`.bylines` (1), :mod:`.titles` (2, 3 and role nouns), :mod:`.lists`
(3, 5: names joined by 、, rosters, captions), :mod:`.honorifics` (4), :mod:`.subjects` (5),
:mod:`.forms` (names known by their form: 张某, 老王, 买买提·艾力), :mod:`.notes` (a name
before a note of sex or nationality: 李铁军，男，; 王维山（蒙古族）); :mod:`.names` holds the
shape of a name and :mod:`.cues` the one scan that finds every cue word.  This module
runs them in order and propagates what they found (6).

A name is a surname from :data:`SURNAMES` (about 330 common single-character surnames and
the usual compound ones such as 欧阳, 司马) followed by one or two given-name characters.
The surname list is a general cue, not a list of people: a name is only proposed where a
cue says a person stands there:

1. **bylines**: ``■本报记者 陈润``, ``记者 张三 李四``, ``通讯员 周乐天``, ``实习生 付星婷``
   (names separated by spaces or 、 up to the end of the line or the next cue);
2. **titles before a name**: ``市委书记邓群策``, ``市长…``, ``副主席…``, ``秘书长…``,
   ``局长…``, ``院长…``, ``检察长…``, ``副司令员…``, ``负责人…``;
3. **name lists after a list cue**: ``市领导廖健、段志刚、刘丽华…出席``, ``出席的有…``,
   ``老领导…``, and the names joined by 、 to a name found by rule 2;
4. **a name before an honorific**: ``习近平同志``, ``习近平总书记``, ``张三先生``;
5. **a clause-initial subject of a speech verb**: ``郑建新说``, ``张三强调``; names joined
   by 、 before ``等同志``/``等人``/``等出席`` (``王芳、李娜、张伟等同志``); a run of
   transliteration characters after a title (``秘书长古特雷斯``);
6. **propagation**: every other occurrence on the page of a name found by 1-5
   (``郑建新强调`` once ``郑建新`` was found, headlines such as ``邓群策主持``), and the
   given name alone of a three-character name found there, before an honorific
   (``小平同志`` once ``邓小平`` was found);
7. **running text**: a name with no cue beside it, by the statistics of surnames and
   given-name characters (:mod:`.running`; run by :mod:`annotator.suggest` after every
   other suggester, so that it yields to all of them).

The length of a name (2 or 3 characters, 3 or 4 with a compound surname) is decided by
what follows it: a separator, a speech or action verb (主持, 出席, 强调, 传达 …) or a
particle ends a name; otherwise three characters is the default.  Names already found
with a sure boundary (bylines, lists) win over the guess.
"""

from __future__ import annotations

from annotator import lexicon
from annotator.model import Span
from annotator.suggest._scan import WordMatch
from annotator.suggest._text import Candidate, starts_of
from annotator.suggest._words import COMMON, dictionary

from .brackets import _bracketed_names
from .bylines import _byline_names
from .cues import cue_matches
from .forms import _anonymised_names, _doctrine_names, _dot_names, _familiar_names
from .honorifics import _honorific_names, _names_before_offices
from .lists import (
    _COUNT_RE,
    _caption_names,
    _list_gaps,
    _names_before_etc,
    _numbered_names,
    _pair_before_etc,
    _partner_names,
    _roster_names,
)
from .names import SURNAMES, _breaks_a_word, _not_a_name, name_at, plausible_name
from .notes import _note_names
from .subjects import _clause_subjects, _speaker_names, _subject_names
from .titles import _dismissed_names, _leader_names, _role_names, _title_names

__all__ = [
    "SURNAMES",
    "find_people",
    "find_person_candidates",
    "name_at",
    "plausible_name",
]

LABEL = "PER"


def find_person_candidates(text: str) -> list[Candidate]:
    """All PER candidates of ``text`` as ``(start, end, label, attrs)`` tuples."""
    found: dict[tuple[int, int], str] = {}
    by_kind = cue_matches(text)  # one pass finds every kind of cue
    _byline_names(text, by_kind["byline"], found)
    known = {text[s:e] for s, e in found}
    _title_names(text, by_kind, found, known)
    _role_names(text, by_kind["role"], found, known)
    _honorific_names(text, by_kind["honorific"], found)
    _names_before_offices(text, by_kind["title"], found)
    _names_before_etc(text, [m.start() for m in by_kind["etc"]], found)
    _subject_names(text, by_kind["speech"], found)
    _clause_subjects(text, found)
    _speaker_names(text, found)
    _caption_names(text, found)
    _bracketed_names(text, found)
    _note_names(text, found)
    _numbered_names(text, found)
    if "、" in text:
        ends = [m.start("n") for m in _COUNT_RE.finditer(text)]
        _names_before_etc(text, ends, found, min_names=2)
        _roster_names(text, found)
        _pair_before_etc(text, found)
    if "某" in text:
        _anonymised_names(text, found)
    if "·" in text or "•" in text:
        titles = by_kind["title"] + by_kind["honorific"]
        _dot_names(
            text,
            found,
            frozenset(m.end() for m in by_kind["title"]),
            frozenset(m.start() for m in titles),
        )
    _familiar_names(text, by_kind["familiar"], found)
    _doctrine_names(text, found)
    if "以" in text:
        _leader_names(text, found)
    if "免去" in text:
        _dismissed_names(text, found)
    _partner_names(text, found)
    _list_gaps(text, found)
    for key in [k for k in found if _not_a_name(text[k[0] : k[1]])]:
        del found[key]
    for key in [k for k in found if _breaks_a_word(text, k[0], k[1])]:
        del found[key]
    # propagation: every other occurrence of a found name
    for name, starts in starts_of(text, {text[s:e] for s, e in found}).items():
        for i in starts:
            found.setdefault((i, i + len(name)), "repeat")
    _given_names_alone(text, by_kind["honorific"], found)
    # (after the propagation: the surname alone would be found in every word it begins)
    _surnames_before_titles(text, found)
    return [(s, e, LABEL, {}) for s, e in sorted(found)]


# Honorifics and titles of two characters: after a lone surname they are no given name
# (辜先生, 安馆长: the name is 辜, 安, as GUIDELINES has 王先生 → 王).
_TITLE_WORDS = frozenset(
    w for w in (*lexicon.words("people_honorifics"), *lexicon.words("people_titles")) if len(w) == 2
)


def _surnames_before_titles(text: str, found: dict[tuple[int, int], str]) -> None:
    """A three-character name found by a cue that is a surname and a title (宴请辜先生一行,
    安馆长介绍) becomes the surname alone."""
    for s, e in [k for k in found if k[1] - k[0] == 3]:
        if text[s] in SURNAMES and text[s + 1 : e] in _TITLE_WORDS:
            found.setdefault((s, s + 1), found.pop((s, e)))


def _given_names_alone(
    text: str, honorifics: list[WordMatch], found: dict[tuple[int, int], str]
) -> None:
    """The given name alone of a three-character name found on the page, before an
    honorific of two characters (``邓小平同志`` … ``小平同志指出``): news text names a
    well-known person again by the given name.  A given name that is a common word (建国)
    is left alone."""
    starts = [m.start() - 2 for m in honorifics if m.end() - m.start() == 2 and m.start() >= 2]
    if not starts:
        return
    named = {text[s + 1 : e] for s, e in found if e - s == 3 and text[s] in SURNAMES}
    words = dictionary()
    for i in starts:
        given = text[i : i + 2]
        if (
            given in named
            and words.get(given, 0) <= COMMON
            and not any(s < i + 2 and i < e for s, e in found)
        ):
            found[i, i + 2] = "given"


def find_people(text: str) -> list[Span]:
    """PER suggestions (``origin="rule"``, ``status="suggested"``) for ``text``."""
    return [
        Span(s, e, label, origin="rule", status="suggested", attrs=attrs)
        for s, e, label, attrs in find_person_candidates(text)
    ]
