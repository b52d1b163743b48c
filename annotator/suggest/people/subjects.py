"""PER cue 5: the clause-initial subject of a speech verb (郑建新说, 据王明介绍) or of a
verb that follows names (。宋心莲每天…, ，克林顿在…), and the speaker who opens a line
before a colon in interviews and transcripts (钟南山：…).
"""

from __future__ import annotations

import re

from annotator import lexicon, rules_regex
from annotator.suggest._scan import WordMatch
from annotator.suggest._text import HAN
from annotator.suggest._words import COMMON, dictionary

from .names import (
    _CLAUSE_START,
    _END_RE,
    _GIVEN_COMMON,
    _NOT_NAMES,
    _SINGLE,
    _TRANSLIT,
    SURNAMES,
    _foreign_name_before,
    _name_chars_ok,
    _not_a_name,
    _stop_word,
    last_begins_word,
    plain_adverb_name,
)

# Forms of address after a lone surname: ``，张指导希望`` is 张 (the guidelines).
_LONE_SURNAME_CUE_SET = lexicon.word_set("people_lone_surname_cues")
# Speech verbs after which ``据`` + a name is a source: ``据王明介绍``.
_SOURCE_VERBS = lexicon.word_set("people_source_verbs")


def _subject_names(text: str, cues: list[WordMatch], found: dict[tuple[int, int], str]) -> None:
    """Clause-initial names before a speech verb: ``，郑建新强调``."""
    for m in cues:
        j = m.start()
        source = m.group(0) in _SOURCE_VERBS
        for length in (2, 3, 4):
            i = j - length
            if i < 0:
                continue
            before = text[i - 1] if i else ""
            if before and before not in _CLAUSE_START and not (source and before == "据"):
                continue  # a clause start or 据 + a source verb: 据王明介绍
            name = text[i:j]
            slen = 2 if length == 4 else 1
            if slen == 1 and name[0] in SURNAMES and name[1:] in _LONE_SURNAME_CUE_SET:
                found.setdefault((i, i + 1), "subject")  # 毛院士告诉, 张指导希望
                break
            if (
                name[:slen] in SURNAMES
                and name not in _NOT_NAMES
                and not _stop_word(name)
                and (_name_chars_ok(name, slen) or (slen == 1 and plain_adverb_name(name)))
            ):
                found.setdefault((i, j), "subject")
                break
        else:
            foreign = _foreign_name_before(text, j)
            if foreign and (not foreign[0] or text[foreign[0] - 1] in _CLAUSE_START):
                found.setdefault(foreign, "subject")  # ，纳扎尔巴耶夫指出


def _clause_subjects(text: str, found: dict[tuple[int, int], str]) -> None:
    """A clause-initial three-character name before a verb or particle that follows names:
    ``。宋心莲每天…``, ``，王建新闷在…`` is left, ``曹建明从…`` is taken."""
    for m in _CLAUSE_NAME_RE.finditer("\n" + text):
        i = m.start(1) - 1
        name = m.group(1)
        if (
            name[1] in _GIVEN_COMMON
            and name[2] in _GIVEN_COMMON
            and not _stop_word(name)
            and name not in _NOT_NAMES
            and _END_RE.match(text, i + 3)
            and not _END_RE.match(text, i + 1)  # 程先生, 郑女士: a surname + an honorific
            and not last_begins_word(text, i + 3)  # 李元成为: 成为 is the verb
        ):
            found.setdefault((i, i + 3), "subject")
    for m in _CLAUSE_FOREIGN_RE.finditer("\n" + text):
        i, j = m.start(1) - 1, m.end(1) - 1
        if _END_RE.match(text, j):  # places are dropped with the other non-names at the end
            found.setdefault((i, j), "subject")  # 。克林顿在…, ，科恩在接受…


# A clause-initial run of three or more transliteration characters: a foreign name
# when a word that follows names comes after it (not a country: the place lists decide).
_CLAUSE_FOREIGN_RE = rules_regex.compile(
    f"[。，；：！？“\n]([{lexicon.char_class(_TRANSLIT)}]{{3,9}})"
)
# Starts with the clause mark so that ``re`` skips to it in C; the page start is added.
_CLAUSE_NAME_RE = rules_regex.compile(
    f"[。，；：！？“\n]([{lexicon.char_class(_SINGLE)}][{HAN}]{{2}})"
)


# A speaker at the start of a line before a colon, as interviews and transcripts print them
# (钟南山：要科学防控, 王立新：谢谢主持人); 问： and 记者： hold no surname.
_SPEAKER_RE = rules_regex.compile(f"[ \\t\\u3000]*([{HAN}]{{2,4}})[：:](?=[^\\s：:])")


def _speaker_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """Names that open a line before a colon and are no word of the dictionary."""
    words = dictionary()
    for m in _line_starts_before_colons(text):
        i, j = m.span(1)
        name = m.group(1)
        slen = 2 if name[:2] in SURNAMES and j - i == 4 else 1
        known = words.get(name, 0)
        if name[:slen] not in SURNAMES or j - i > slen + 2 or known > COMMON:
            continue  # 金融：, 黄金周： (words), 张家口： (a place) are headings
        if known and j - i == slen + 1:
            continue  # 皮艇：张琴: two characters of a word head a list (钟南山 may be one)
        if name[slen:] in _LONE_SURNAME_CUE_SET:
            found.setdefault((i, i + slen), "subject")  # 李大爷：, 王教授： (the guidelines)
            continue
        if name in _NOT_NAMES or _stop_word(name) or _not_a_name(name):
            continue
        if _name_chars_ok(name, slen) and words.get(name[: slen + 1], 0) <= COMMON:
            found.setdefault((i, j), "subject")


def _line_starts_before_colons(text: str) -> list[re.Match[str]]:
    """The matches of :data:`_SPEAKER_RE` at the starts of the lines that hold a colon a
    few characters on (found with ``str.find``: a pattern anchored at every line start
    costs a try at every character of the page)."""
    out = []
    for colon in ("：", ":"):
        k = text.find(colon)
        while k != -1:
            lo = max(0, k - _SPEAKER_REACH - 1)
            line = text.rfind("\n", lo, k) + 1 or (0 if lo == 0 else -1)
            if line >= 0:
                m = _SPEAKER_RE.match(text, line)
                if m is not None and m.end(1) == k:
                    out.append(m)
            k = text.find(colon, k + 1)
    return out


_SPEAKER_REACH = 8
