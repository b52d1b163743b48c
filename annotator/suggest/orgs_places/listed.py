"""ORG: listed companies by their stock code in brackets (长安汽车(000625), 腾讯控股(00700.HK)).

Financial news writes a listed company's short name with its code right after it; the
short name has no suffix (一汽夏利, 海油工程, 中海油服) and would otherwise be read as a
place (泰山 of 泰山石油) or as the known company inside it (一汽 of 一汽夏利).  The name is
the run of Han characters, digits and capitals before the bracket, cut after the last
verb, preposition or stop character as the suffix rule cuts a prefix (还有 + 海油工程).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.suggest._text import Candidate

from .common import ORG
from .suffixes import _LAST_CUT_RE, _run_start

# A code of the Shanghai or Shenzhen exchange (six digits, .SH/.SZ optional) or of Hong
# Kong (four or five digits + .HK), after 股票代码 or alone, closed or followed by a comma.
_CODE_RE = rules_regex.compile(
    r"[(（](?:股票代码[:：]?)?(?:[0-9]{6}(?:\.S[HZ])?|[0-9]{4,5}\.HK)(?=[,，)）;；])"
)
_NAME_LONGEST = 12  # characters read back for the name and the words before it
_NAME_SHORTEST = 2
# Words that point, never a company's first character (该公司(600000)); 一 and 大 may be
# (一汽夏利, 大商股份).
_DEICTIC = frozenset("全各本我该此每其这那某")


def _brackets(text: str) -> list[int]:
    """Where the opening brackets of ``text`` stand (found by ``str.find``: a page holds
    few, and a regex scan of the page for the code cost more than all the rest)."""
    out = []
    for bracket in "(（":
        i = text.find(bracket)
        while i != -1:
            out.append(i)
            i = text.find(bracket, i + 1)
    return sorted(out)


def companies_by_code(text: str) -> list[Candidate]:
    """The companies named right before a stock code in brackets."""
    out: list[Candidate] = []
    for end in _brackets(text):
        if not _CODE_RE.match(text, end):
            continue
        start = _run_start(text, max(0, end - _NAME_LONGEST), end)
        if start is None:
            continue
        cut = _LAST_CUT_RE.match(text, start, end)
        if cut is not None and cut.end() < end:
            start = cut.end()  # (控股, 投资 ending the name are no verbs before it: 腾讯控股)
        if end - start >= _NAME_SHORTEST and text[start] not in _DEICTIC:
            out.append((start, end, ORG, {}))
    return out
