"""ORG: a company's short name as the subject of business news (宁德时代发布公告).

Listed companies go by short names without a suffix (宁德时代, 贵州茅台, 格力电器, 蔚来汽车),
often a place and a trade (长江电力: not the river), that the suffix rules cannot read.
Business news opens a clause with such a name right before what a company has or does: a
board and its chairman, a founder, an announcement, a share price (lexicon
``orgs_company_cues``).  The name is the run of two to six Han characters or Latin letters
between the opening of the clause (punctuation, the start, 、 和 与 及 兼) and the cue; not a
common word of jieba's dictionary (公司董事长), a person's name (马云创始人 is no company),
a run that points (该公司, 本行) or holds a word of time (今年股价); a word that makes a
title of the cue (集团副董事长, 中芯国际联合首席执行官) is cut off the name.
"""

from __future__ import annotations

from annotator import lexicon
from annotator.suggest import _scan
from annotator.suggest._text import Candidate, is_han
from annotator.suggest._words import COMMON, dictionary
from annotator.suggest.people import plausible_name

from .common import ORG

_VOCABULARY = "orgs_company_cues"
_scan.register(_VOCABULARY, lexicon.word_set("orgs_company_cues"))
_LONGEST = 6
_SHORTEST = 2
# What opens the clause before a subject: punctuation, a space, the joining words of a list
_OPENERS = frozenset("，。；：！？、“”\"'《》（）() \n\t,;:!?和与及兼")
# Characters that point or count (该公司, 本行, 各家), tell a time (今年, 昨日, 不久前) or
# are verbs of a clause before its subject (一是, 并使, 受公司委托, 新任): no name holds them
_NOT_IN_NAME = frozenset("该本其这那各每某此今昨明年月日前的是使受任")
# Kinds of organisation in a run: the suffix rules read those names (两家公司: none;
# 华为公司轮值董事长: 华为公司, not 华为公司轮值)
_KINDS = ("公司", "企业")
# Words that make a title of the cue after them (集团副董事长, 联合首席执行官): cut off the name
_TITLE_FIRST = ("联合", "执行", "名誉", "常务", "副", "前", "原")


def business_subjects(text: str) -> list[Candidate]:
    """The companies named right before a business cue at the opening of a clause."""
    out: list[Candidate] = []
    for cue, _ in _scan.words(text, _VOCABULARY):
        start = cue
        while start > 0 and cue - start < _LONGEST and text[start - 1] not in _OPENERS:
            start -= 1
        if start > 0 and text[start - 1] not in _OPENERS:
            continue  # a longer run: no name of this kind, or not at a clause's opening
        end = cue
        for word in _TITLE_FIRST:  # (a loop: endswith of a tuple cannot say which ended it)
            if text.endswith(word, start, end):
                end -= len(word)
                break
        name = text[start:end]
        if (
            len(name) < _SHORTEST
            or not all(is_han(c) or c.isascii() and c.isalnum() for c in name)
            or not _NOT_IN_NAME.isdisjoint(name)
            or any(kind in name for kind in _KINDS)
            or dictionary().get(name, 0) > COMMON
            or plausible_name(name)
        ):
            continue
        out.append((start, end, ORG, {}))
    return out
