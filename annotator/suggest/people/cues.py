"""The cue words of the PER rules and the one scan of a page that finds them all.

Bylines, list cues, titles, honorifics, speech verbs, 等-words, 老/小 and role nouns
(lexicons ``people_*``) share one scan (:mod:`.._scan`); :func:`cue_matches` gives the matches of a
page by kind.
"""

from __future__ import annotations

from annotator import lexicon, rules_regex
from annotator.suggest import _scan
from annotator.suggest._scan import WordMatch
from annotator.suggest._text import trie_pattern

# Titles that stand right before the name they belong to (longest first via the trie).
_TITLES = lexicon.words("people_titles")
# The titles as one pattern, for rules that look for a title at a given place.
TITLE_RE = rules_regex.compile(trie_pattern(_TITLES))

# Cues after which a list of names follows (joined by 、).
_LIST_CUES = lexicon.words("people_list_cues")

_BYLINE_CUES = lexicon.words("people_byline_cues")

# Titles and honorifics written after the name: 习近平总书记, 江泽民主席, 克林顿总统.
_HONORIFICS = lexicon.words("people_honorifics")

_SPEECH = lexicon.words("people_speech_verbs")
# Every cue word with its kinds; one scan finds them all in a single pass.
# A list of names closed by 等 + a word: 王芳、李娜、张伟等同志参加.
_ETC = lexicon.words("people_etc_cues")
# Role nouns of news reports before a name (村民王大山说, 民警张伟赶到): weaker than a
# title, the name must be closed by a separator or an end word (说, 告诉 …).
_ROLES = lexicon.words("people_roles")
# 老王, 小刘: 老/小 + a surname is a name when a verb, a particle or punctuation follows;
# common words of that shape are refused.  (In the cue trie: no pass of its own.)
_FAMILIAR_NOT = lexicon.word_set("people_familiar_not")
_FAMILIAR = ["老", "小"]  # the surname after them is checked in Python
_KINDS = ("byline", "list", "title", "honorific", "speech", "etc", "familiar", "role")
_CUE_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _words in zip(
    _KINDS,
    (_BYLINE_CUES, _LIST_CUES, _TITLES, _HONORIFICS, _SPEECH, _ETC, _FAMILIAR, _ROLES),
    strict=True,
):
    for _w in _words:
        _CUE_KINDS[_w] = (*_CUE_KINDS.get(_w, ()), _kind)
_VOCABULARY = "people_cues"
_scan.register(_VOCABULARY, _CUE_KINDS)


def cue_matches(text: str) -> dict[str, list[WordMatch]]:
    """The cue words of ``text`` by kind (one pass; a word of two kinds is in both)."""
    by_kind: dict[str, list[WordMatch]] = {k: [] for k in _KINDS}
    for s, e in _scan.words(text, _VOCABULARY):
        m = WordMatch(text, s, e)
        for kind in _CUE_KINDS[m.group(0)]:
            by_kind[kind].append(m)
    return by_kind
