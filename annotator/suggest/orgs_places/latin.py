"""ORG: organisations written in Latin letters, where a cue says so.

Chinese news writes foreign companies, agencies and media by their own names (Google,
Adobe, TechCrunch) and foreign people in Chinese characters (古特雷斯), with the original
spelling in brackets after them (格雷格·罗（Greg Roh）).  A Latin name is an organisation

* right after a kind of company (lexicon ``orgs_latin_kinds``: 软件公司Adobe, 外包巨头
  Achievo), or
* as a clause's subject right before a verb of saying, finding or announcing (lexicon
  ``orgs_latin_verbs``: Google表示, Google发现);

never in brackets (a person's original spelling), nor a lower-case word (iOS, App), nor an
officer's title (lexicon ``orgs_latin_not_names``: CEO).
"""

from __future__ import annotations

import re

from annotator import lexicon
from annotator.suggest._text import Candidate, trie_pattern

from .common import ORG

_KINDS = lexicon.words("orgs_latin_kinds")
_VERBS = lexicon.words("orgs_latin_verbs")
# A name: a capital letter, then letters, digits and the joiners of company names (AT&T,
# Hewlett-Packard) ending with a letter or a digit; neither part of a longer run of Latin
# letters or digits.
# (The character before is checked in Python: a look-behind before the capital would keep
# ``re`` from skipping to the capitals in C, five times slower on a page without any.)
_NAME_RE = re.compile(r"[A-Z][A-Za-z0-9&.\-]*[A-Za-z0-9](?![A-Za-z0-9])")
_NOT_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&.-")
_VERB_RE = re.compile(trie_pattern(_VERBS))
_NOT_NAMES = lexicon.word_set("orgs_latin_not_names")
_KIND_SET = frozenset(_KINDS)
_KIND_LENGTHS = sorted({len(k) for k in _KINDS})
# What may stand before a clause's subject: the start, punctuation, a space.
_CLAUSE_OPENERS = frozenset("，。；：！？、“”\"'《》 \n\t,;:!?")


def latin_orgs(text: str) -> list[Candidate]:
    """The organisations in Latin letters of ``text`` that a kind or a verb marks."""
    out: list[Candidate] = []
    for m in _NAME_RE.finditer(text):
        s, e = m.span()
        if (s and text[s - 1] in _NOT_BEFORE) or m.group(0) in _NOT_NAMES:
            continue
        if _after_kind(text, s) or (_opens_clause(text, s) and _VERB_RE.match(text, e)):
            out.append((s, e, ORG, {}))
    return out


def _after_kind(text: str, s: int) -> bool:
    """True when a kind of company ends right before ``s`` (软件公司Adobe)."""
    return any(text[s - n : s] in _KIND_SET for n in _KIND_LENGTHS if n <= s)


def _opens_clause(text: str, s: int) -> bool:
    """True when the name at ``s`` opens a clause (not in brackets: 罗（Greg Roh）指出)."""
    return s == 0 or text[s - 1] in _CLAUSE_OPENERS
