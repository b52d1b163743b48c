"""PER cue: a name standing alone in brackets, as news items end with their author's name
(``……作出更大贡献。（艾文）``) and features name the speaker (``（张永和）设计完以后``).

The brackets hold a surname and one or two given characters (two and two with a
compound surname) and nothing else; the whole is taken, so that a given character that
is also a particle (和, 与) does not cut the name short.  Common words in brackets
(``（黄河）``, ``（新华社）``, ``（钱包）``) are left: jieba's dictionary counts them often,
while the names it lists are rare (张永和 4, against 黄河 3,241); so are a route's termini
right after its word (``中欧班列（成渝）``: Chengdu and Chongqing).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.suggest import _scan
from annotator.suggest._places import route_termini
from annotator.suggest._text import HAN
from annotator.suggest._words import dictionary as _dictionary

from .names import _not_a_name, _surname_len

# Brackets with two to four Han characters between them.
_BRACKETED_RE = rules_regex.compile(f"[（(]([{HAN}]{{2,4}})[）)]")
# tried where an opening bracket stands (found by the page scan), not at every character
_BRACKETED_SCAN = _scan.Anchored(_BRACKETED_RE, by_first_char=True)
# A word in brackets counted this often in jieba's dictionary is a common word, not a name.
_COMMON_COUNT = 50
# Characters of the other things news puts in brackets (（左二）, （上接第一版）, （图文）).
_NOT_IN_BRACKET_NAME = frozenset("左右上下前后中图文完续版附接转一二三四五六七八九十")


def _bracketed_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """Names alone in brackets: ``（艾文）``, ``（张永和）``."""
    if "（" not in text and "(" not in text:
        return
    freq = _dictionary()
    for m in _BRACKETED_SCAN.finditer(text):
        name = m.group(1)
        slen = _surname_len(name)
        if not slen or len(name) - slen not in (1, 2):
            continue
        # the checks of given characters are left out: the brackets end the name (张永和)
        if _not_a_name(name) or any(c in _NOT_IN_BRACKET_NAME for c in name):
            continue
        if (freq.get(name) or 0) >= _COMMON_COUNT:
            continue
        if len(name) == 2 and route_termini(text, m.start(1)):
            continue  # 中欧班列（成渝）: the route's termini, Chengdu and Chongqing
        found.setdefault(m.span(1), "bracket")
