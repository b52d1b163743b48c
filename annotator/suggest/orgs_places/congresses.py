"""ORG for congresses and term committees named by their number, with the body before them:
``第十五次全国代表大会``, ``中国民主促进会第八次全国代表大会``, ``第二届全国人民代表大会``;
``政协第八届全国委员会``, ``民革第九届中央常务委员会``.  MSRA and People's Daily gold alike
tag the numbered congress as one organisation, and the body written right before it (an
organisation found on the page, or a party's or the CPPCC's short name: lexicon
``orgs_parties``, ``政协``) as part of it; ``党的十五大`` keeps 党 out.
"""

from __future__ import annotations

from annotator import lexicon, rules_regex
from annotator.suggest._text import Candidate, ends_at

from .common import ORG, PageWords

_NUMERALS = frozenset("一二三四五六七八九十")
# What follows the term's 届 in a committee's name (第八届全国委员会, 第九届中央常委会).
_COMMITTEE_AFTER_TERM_RE = rules_regex.compile(
    "(?:中央|全国)(?:常务委员会|专门委员会|委员会|常委会)"
)
_CONGRESSES = ("全国人民代表大会", "全国代表大会")
_CONGRESS_WORDS = tuple(PageWords(word) for word in _CONGRESSES)
_CONGRESS_ANY = PageWords("代表大会")
# Short names of bodies that a term's committee follows (政协第八届全国委员会).
_BODIES = tuple(sorted({*lexicon.words("orgs_parties"), "政协"}, key=len, reverse=True))


def _number_start(text: str, end: int, ordinal: bool) -> int:
    """The start of the number (one to three numerals, after 第 when ``ordinal``) that ends
    at ``end``, or -1."""
    i = end
    while i > 0 and end - i < 3 and text[i - 1] in _NUMERALS:
        i -= 1
    if i == end:
        return -1
    if i > 0 and text[i - 1] == "第":
        return i - 1
    return -1 if ordinal else i


def _numbered(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, needs_body)`` of each numbered congress (第十五次全国代表大会,
    第二届全国人民代表大会) and term committee (第八届全国委员会) of ``text``."""
    out: list[tuple[int, int, bool]] = []
    i = text.find("届")
    while i != -1:
        m = _COMMITTEE_AFTER_TERM_RE.match(text, i + 1)
        start = _number_start(text, i, False) if m else -1
        if m and start != -1:
            out.append((start, m.end(), True))
        i = text.find("届", i + 1)
    for word in _CONGRESS_WORDS:  # (no word of them overlaps itself: its places are all)
        for i, end in word.starts(text):
            if i > 1 and text[i - 1] in "次届":
                start = _number_start(text, i - 1, True)
                if start != -1:
                    out.append((start, end, False))
    return out


def congresses(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """Numbered congresses and term committees, from the body written right before them."""
    if "届" not in text and not _CONGRESS_ANY.in_page(text):
        return []
    found = _numbered(text)
    if not found:
        return []
    org_start_at_end: dict[int, int] = {}
    for s, e, label, _attrs in orgs:
        if label == ORG and s < org_start_at_end.get(e, e):
            org_start_at_end[e] = s
    out: list[Candidate] = []
    for start, end, needs_body in found:
        body_start = org_start_at_end.get(start)
        if body_start is None:
            body = next((b for b in _BODIES if ends_at(text, b, start)), None)
            if body is not None:
                body_start = start - len(body)
        if body_start is None and needs_body:
            continue  # 第八届全国委员会 alone: the committee's own rules decide
        out.append((start if body_start is None else body_start, end, ORG, {}))
    return out
