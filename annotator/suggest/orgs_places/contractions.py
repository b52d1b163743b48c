"""Committees named by their standard contraction (lexicon ``orgs_contractions``):
``筹委会`` for 筹备委员会, ``组委会`` for 组织委员会, ``村委会`` for 村民委员会; and a body's
committee by a contraction right after its name (``联合国特委会``).

The contraction of an event's committee names one body by itself (``筹委会主任钱其琛``,
``组委会提出``); that of a body every village or board has (村委会, 管委会, 纪委) is an ORG
only where a name ending in its full kind or in the contraction stood earlier in the text
(``大寨村村民委员会`` … ``村委会``): the carry-over of a page's short forms.

A short name defined in brackets right after an organisation's name (``非洲开发银行（非行）``,
``鲁迅艺术学院（简称“鲁艺”）``) is that organisation there and wherever it stands as a word
on the page (:func:`defined_short_names`); so is a company's name found with its kind
(``双良集团``, ``奇正公司``) where it stands again without it (``双良``: :func:`bare_company_names`).
"""

from __future__ import annotations

from annotator import lexicon, rules_regex
from annotator.suggest._text import HAN, Candidate, is_han, starts_of
from annotator.suggest._words import COMMON, crossed, crosses_end_over, dictionary

from .common import _STOP_CHARS, ORG, PageWords

_ROWS = lexicon.entries("orgs_contractions")
# contraction -> the full kind it stands for
_FULL = {row[0]: row[1] if len(row) > 1 else row[0] for row in _ROWS}
_ALONE = frozenset(row[0] for row in _ROWS if len(row) > 2 and row[2] == "alone")
# Each contraction is found from its 委 (or its first character, should a project's lack
# one): most pages hold no 委, and 委 is much rarer than 常 村 管 of the contractions'
# starts.  ``_SHAPES``: for each key character, the (offset of the key, length) of the
# contractions holding it.


def _shapes(words: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Each key character with the (offset, length) of the ``words`` holding it, longest
    first."""
    shapes: dict[str, set[tuple[int, int]]] = {}
    for word in words:
        key = "委" if "委" in word else word[0]
        shapes.setdefault(key, set()).add((word.index(key), len(word)))
    return {k: sorted(v, key=lambda kl: -kl[1]) for k, v in shapes.items()}


_SHAPES = _shapes(list(_FULL))


def _found(text: str) -> dict[str, list[int]]:
    """Each contraction in ``text`` with its starts, left to right."""
    out: dict[str, list[int]] = {}
    for key, shapes in _SHAPES.items():
        i = text.find(key)
        while i != -1:
            for k, n in shapes:
                word = text[i - k : i - k + n] if i >= k else ""
                if word in _FULL:
                    out.setdefault(word, []).append(i - k)
                    break
            i = text.find(key, i + 1)
    return out


_COMMITTEE = PageWords("委会")


def contracted_committees(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """The contractions in ``text`` that stand for a committee, as ORG (``orgs``: the ORG
    candidates found so far, whose names make the contractions after them ORGs)."""
    out: list[Candidate] = _committees_of(text, orgs) if _COMMITTEE.in_page(text) else []
    for word, starts in _found(text).items():
        if word in _ALONE:
            out.extend((i, i + len(word), ORG, {}) for i in starts)
            continue
        ends = (_FULL[word], word)
        first = min(
            (e for s, e, label, _ in orgs if label == ORG and text.endswith(ends, s, e)),
            default=None,
        )
        if first is not None:
            out.extend((i, i + len(word), ORG, {}) for i in starts if i >= first)
    return out


# A committee of a body by the contraction of its kind right after the body's name
# (联合国 + 特委会, 挪威议会 + 外委会: 特别委员会, 外交委员会): one organisation with it, as a
# sub-unit is.  Not before 员 (委员: a member), nor over a conjunction (协会或居委会), nor
# where 会 opens a common word (党委会议, 法工委会同有关部门).
_COMMITTEE_OF_RE = rules_regex.compile(f"(?:(?![{_STOP_CHARS}和或与及])[{HAN}]){{1,2}}?委会(?!员)")


def _committees_of(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """Each ORG of ``orgs`` with the contracted committee right after it."""
    out: list[Candidate] = []
    for s, e, label, _ in orgs:
        # (委 is one or two characters on: most names are followed by none, and no match is tried)
        near = label == ORG and (text[e + 1 : e + 2] == "委" or text[e + 2 : e + 3] == "委")
        m = _COMMITTEE_OF_RE.match(text, e) if near else None
        # (党委会议, 法工委会同: 会 opens a word; 特委会合作 stays, 合作 outweighs 会合)
        if m and not crosses_end_over(text, m.end()):
            out.append((s, m.end(), ORG, {}))
    return out


# A short name in brackets right after a name: （非行）, （简称青民盟）, （以下简称“筹委会”）.
_DEFINED_RE = rules_regex.compile(
    f'[（(]((?:以下)?(?:简称|下称))?[“‘"]?([{HAN}]{{2,5}})[”’"]?[）)]'
)


def _in_order(short: str, name: str) -> bool:
    """True when the characters of ``short`` stand in ``name`` in the same order (非行 in
    非洲开发银行, 环认委 in 中国环境管理体系认证机构认可委员会): how a contraction is made."""
    i = 0
    for c in short:
        i = name.find(c, i) + 1
        if i == 0:
            return False
    return True


def defined_short_names(
    text: str, orgs: list[Candidate], places: list[tuple[int, int]]
) -> list[Candidate]:
    """Short names defined in brackets right after an ORG of ``orgs`` (``非洲开发银行（非行）``)
    as ORG there and wherever else they stand as a word in ``text``.  The short name is
    made of the name's characters in order, or follows 简称 (a bracketed place, a product or
    a caption is none: 惠华公司（北京）, （图片）; a listed place of ``places`` never is)."""
    start_of: dict[int, int] = {}  # the earliest start of an ORG right before a bracket
    for s, e, label, _ in orgs:
        if label == ORG and text[e : e + 1] in "（(" and s < start_of.get(e, e):
            start_of[e] = s
    place_spans = set(places)
    shorts: set[str] = set()
    for end, name_start in start_of.items():
        m = _DEFINED_RE.match(text, end)
        if m is None or m.span(2) in place_spans:
            continue
        short = m.group(2)
        if m.group(1) or _in_order(short, text[name_start:end]):
            shorts.add(short)
    out: list[Candidate] = []
    for short, starts in starts_of(text, shorts).items():
        n = len(short)
        out.extend((i, i + n, ORG, {}) for i in starts if not crossed(text, i, i + n))
    return out


# The kinds of company after a name (longest first): 双良集团公司, 奇正公司, 日兴证券有限公司.
_COMPANY_KINDS = ("股份有限公司", "有限责任公司", "集团公司", "有限公司", "总公司", "公司", "集团")


def _company_name(
    text: str, s: int, e: int, place_at: dict[int, int], place_ends: set[int]
) -> str | None:
    """The name of the company ``text[s:e]`` without its kind and the listed place that
    begins it (北京双良集团 -> 双良), when it is a name of two characters or more that is
    no common word (保险公司, 物业管理公司, 石油公司 name a trade) nor a place."""
    if text[e - 1] not in "司团":
        return None
    kind = next((k for k in _COMPANY_KINDS if text.endswith(k, s, e)), None)
    if kind is None:
        return None
    end = e - len(kind)
    start = place_at.get(s, s)
    if start > end - 2:
        start = s
    name = text[start:end]
    if len(name) < 2 or end in place_ends or _common_words(name):
        return None
    return name


def _common_words(name: str) -> bool:
    """True when ``name`` is a common word, or two of them (汽车工业, 生物工程 + 公司: a trade)."""
    words = dictionary()
    if words.get(name, 0) > COMMON:
        return True
    return len(name) == 4 and min(words.get(name[:2], 0), words.get(name[2:], 0)) > COMMON


def bare_company_names(
    text: str, orgs: list[Candidate], places: list[tuple[int, int]]
) -> list[Candidate]:
    """The names of the companies of ``orgs`` (双良集团) as ORG where they stand again on the
    page without their kind (双良), as a word (no common word across their edges)."""
    place_at: dict[int, int] = {}  # the end of the longest listed place at each start
    for s, e in places:
        place_at[s] = max(e, place_at.get(s, e))
    place_ends = {e for _, e in places}
    names = {
        name
        for s, e, label, _ in orgs
        if label == ORG and (name := _company_name(text, s, e, place_at, place_ends)) is not None
    }
    out: list[Candidate] = []
    for name, starts in starts_of(text, names).items():
        n = len(name)
        out.extend(
            (i, i + n, ORG, {})
            for i in starts
            if not text.startswith(_COMPANY_KINDS, i + n)
            and not _letters_go_on(text, i, i + n)
            and not crossed(text, i, i + n)
        )
    return out


def _letters_go_on(text: str, s: int, e: int) -> bool:
    """True when a letter or a digit touches ``text[s:e]``: the name in Latin letters is part
    of a longer one there (AB in ABC公司)."""
    before, after = text[s - 1 : s] if s else "", text[e : e + 1]
    return any(c.isalnum() and not is_han(c) for c in before + after)
