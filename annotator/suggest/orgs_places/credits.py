"""ORG: the agency named in a photo credit (视觉中国供图, 图片来源：人民视觉).

A picture's credit names who supplied it: a person (王鹏供图, taken by the PER rules), a
word for a source (受访者供图, 本报资料供图, 警方供图) or an agency or a company, whose
name is often made of common words, a place among them (视觉中国, 人民视觉, 东方IC): the
place inside is no place there.  The name is the run of Han characters, Latin letters
and digits right before 供图 or right after 图片来源：, that opens a clause or a bracket;
it is an organisation unless it is a person's name, a common word of jieba's dictionary
(资料, 受访者), a side (警方, 主办方) or it opens with a word that points (本报, 该).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.suggest._text import HAN, Candidate
from annotator.suggest._words import COMMON, dictionary
from annotator.suggest.people import plausible_name

from .common import ORG, PageWords

_CUES = PageWords("供图", "图片来源")
_NAME = f"[{HAN}A-Za-z0-9]{{2,8}}"
# the name before 供图 opens a clause or a bracket; after 图片来源： it runs to the end of one
_BEFORE_RE = rules_regex.compile(f"(?:^|(?<=[（(。，；：:\\s]))(?P<n>{_NAME}?)[ \\u3000]?供图")
_AFTER_RE = rules_regex.compile(f"图片来源[：:][ \\u3000]?(?P<n>{_NAME})(?=$|[）)。，；、\\s/])")
# Words that point at the paper or the picture's subject, never an agency's first
_POINTING = ("本报", "本刊", "该", "此", "受访", "记者", "作者", "资料")


def credit_agencies(text: str) -> list[Candidate]:
    """ORG candidates for the agencies named in the photo credits of ``text``."""
    if not _CUES.in_page(text):
        return []
    out: list[Candidate] = []
    for regex in (_BEFORE_RE, _AFTER_RE):
        for m in regex.finditer(text):
            name = m["n"]
            if (
                name[0].islower()  # IC photo: the end of a name in Latin words, no name
                or name.startswith(_POINTING)
                or name.endswith("方")
                or dictionary().get(name, 0) > COMMON
                or plausible_name(name)
            ):
                continue
            out.append((m.start("n"), m.end("n"), ORG, {}))
    return out
