"""ORG: organisations written in Latin letters, where a cue says so.

Chinese news writes foreign companies, agencies and media by their own names (Google,
Adobe, TechCrunch) and foreign people in Chinese characters (古特雷斯), with the original
spelling in brackets after them (格雷格·罗（Greg Roh）).  A Latin name is an organisation

* right after a kind of company (lexicon ``orgs_latin_kinds``: 软件公司Adobe, 外包巨头
  Achievo), or
* as a clause's subject right before a verb of saying, finding or announcing (lexicon
  ``orgs_latin_verbs``: Google表示, Google发现);

never in brackets (a person's original spelling), nor a lower-case word (iOS, App), nor an
officer's title (lexicon ``orgs_latin_not_names``: CEO).  The kinds and verbs are found by
the page's one scan (:mod:`.._scan`), so a page without them costs nothing more.
"""

from __future__ import annotations

from annotator import lexicon, rules_regex
from annotator.suggest import _scan
from annotator.suggest._text import Candidate

from .common import ORG

_KIND_SET = lexicon.word_set("orgs_latin_kinds")
_VERB_SET = lexicon.word_set("orgs_latin_verbs")
_NOT_NAMES = lexicon.word_set("orgs_latin_not_names")
_VOCABULARY = "orgs_latin_cues"
_scan.register(_VOCABULARY, _KIND_SET | _VERB_SET)
# A name: a capital letter, then letters, digits and the joiners of company names (AT&T,
# Hewlett-Packard) ending with a letter or a digit; neither part of a longer run of Latin
# letters or digits.
_NAME_RE = rules_regex.compile(r"[A-Z][A-Za-z0-9&.\-]*[A-Za-z0-9](?![A-Za-z0-9])")
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&.-")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# What may stand before a clause's subject: the start, punctuation, a space.
_CLAUSE_OPENERS = frozenset("，。；：！？、“”\"'《》 \n\t,;:!?")


def latin_orgs(text: str) -> list[Candidate]:
    """The organisations in Latin letters of ``text`` that a kind or a verb marks."""
    out: list[Candidate] = []
    for s, e in _scan.words(text, _VOCABULARY):
        if text[s:e] in _KIND_SET:
            if text[e : e + 1] in _CAPITALS:
                m = _NAME_RE.match(text, e)
                if m is not None and m.group(0) not in _NOT_NAMES:
                    out.append((e, m.end(), ORG, {}))  # 软件公司Adobe
        elif s and text[s - 1] in _NAME_CHARS:
            found = _subject_before(text, s)
            if found is not None:
                out.append((found, s, ORG, {}))  # Google表示
    return out


def _subject_before(text: str, s: int) -> int | None:
    """The start of a name in Latin letters that ends at ``s`` and opens a clause (not in
    brackets: 罗（Greg Roh）指出), or None."""
    i = s - 1
    while i > 0 and text[i - 1] in _NAME_CHARS:
        i -= 1
    m = _NAME_RE.match(text, i)
    if m is None or m.end() != s or m.group(0) in _NOT_NAMES:
        return None
    return i if i == 0 or text[i - 1] in _CLAUSE_OPENERS else None
