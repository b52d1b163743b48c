"""ORG known by name: national and international bodies (lexicon ``orgs_national``:
国务院, 联合国, 北大), and organs named by a level of government (市委, 县政府, 中共耒阳市委,
衡阳市委).
"""

from __future__ import annotations

import re

from annotator import lexicon, rules_regex
from annotator.suggest import _scan
from annotator.suggest._text import HAN, Candidate, ends_at, is_han
from annotator.suggest._words import crosses_start, crosses_start_over

from .common import _STOP_CHARS, ORG, PageWords
from .suffixes import _SUFFIXES

# --- organisations -------------------------------------------------------------------

# Organisations known by name: central bodies, people's organisations, democratic parties,
# universities' short names, international organisations; and (lexicon ``orgs_known``)
# news agencies, federations, parties abroad and large companies.
_NATIONAL = (
    lexicon.words("orgs_national")
    + lexicon.words("orgs_known")
    + lexicon.words("orgs_of_a_country")
)
# Organs of some country (国会, 内阁): alone, a name only where the paragraph names a country.
OF_A_COUNTRY = lexicon.word_set("orgs_of_a_country")
# University short names that begin common words or names of places.
_NOT_AFTER_SHORT: dict[str, tuple[str, ...]] = {
    w: ("荒", "街", "门", "营", "园", "池", "部", "片", "面")
    for w in ("北大", "清华", "复旦", "浙大", "中科大", "哈工大")
}
# Democratic parties' short names that also end 人民, 农民 …: taken only as a word, as the
# universities' (人民进行, 居民进城, 人民革命, 居民建房: no party).
_PARTY_SHORT: dict[str, tuple[str, ...]] = {
    "民盟": ("友",),
    "民进": ("行", "入", "城", "驻", "口"),
    "民革": ("命", "新"),
    "民建": ("房", "设", "立", "成", "筑"),
}
_NOT_AFTER_SHORT.update(_PARTY_SHORT)
_SHORT_NAME_BEFORE = frozenset(_STOP_CHARS + "、和同考读上入")

_NOT_AFTER_CENTRAL = lexicon.words("orgs_not_after_central")
# Last characters of nouns of places before 中央 "the middle" (院子中央, 广场中央, 湖中央).
_PLACE_NOUN_LAST = frozenset("子路正场台湖河街屋房厅堂池田桌床园坪面顶")

# A level of government + a party or state organ: 市委, 县政府, 省人大常委会.  Anchored on
# the level character; a place that ends there (衡阳市) and 中共 are joined in Python.
_ADMIN_ORG_RE = rules_regex.compile(
    "[省市县区镇乡](?:委常委会|人大常委会|纪委监委|委(?!员(?!会)|托|屈|婉|实|身|派|任)|政府"
    "|人民政府|政协|人大|纪委|监委|党委|党工委|管委会)"
)
_ADMIN_ORG_SCAN = _scan.Anchored(_ADMIN_ORG_RE)
_NOT_BEFORE_LEVEL = frozenset("全各本我该此每其城都超股楼夜集上门省")
_PARTY_PLACE_RE = rules_regex.compile(f"中共((?:(?![{_STOP_CHARS}])[{HAN}]){{2,4}})\\Z")


def _national_ok(text: str, word: str, s: int, e: int) -> bool:
    """False for 中央 + a common noun (中央空调), for a party + 员/人 (共产党员) and for a
    university's short name that does not stand as a word (东北大学, 北大荒)."""
    if word == "中央":
        if s and text[s - 1] in _PLACE_NOUN_LAST:
            return False  # 院子中央, 路中央, 正中央: the middle of a place
        return not text.startswith(_NOT_AFTER_CENTRAL, e)
    if word[-1] in "党团" and text.startswith(("员", "人"), e):
        return False  # 共产党员, 共产党人, 共青团员: a member, as 政协委员 (the guidelines)
    if word not in _NOT_AFTER_SHORT:
        return True
    if text.startswith(_NOT_AFTER_SHORT[word], e):
        return False
    if word in _PARTY_SHORT:
        # a party stands as a word after any character that makes no common word with its
        # first (使民进的, 开拓民进工作, 对民革前一段; not 人民进行, 居民建房)
        return not crosses_start(text, s)
    if not s or text[s - 1] in _SHORT_NAME_BEFORE or not is_han(text[s - 1]):
        return True
    # after any other character a university's short name stands where that character
    # makes no common word with its first (百年北大, 前往北大; not 东北大学, 湖北大学)
    return not crosses_start_over(text, s)


_COUNT_CHARS = frozenset("一二三四五六七八九十百两几多数")


def _one_character_county(text: str, i: int) -> bool:
    """True when the 县 at ``i`` ends a county named by one character that stands after a
    boundary (，曹县计生委, 由蔚县人大): not 全县, 该县 (the caller refused those)."""
    if text[i] != "县" or i < 1 or not is_han(text[i - 1]):
        return False
    if text[i - 1] in _STOP_CHARS or text[i - 1] in _COUNT_CHARS:
        return False  # 到县人大, 两县政府
    return i == 1 or not is_han(text[i - 2]) or text[i - 2] in _STOP_CHARS


# Level characters: one right before another says levels in the plural (各区县人民政府,
# 市县政府: the governments of every district and county), no organ of a named level.
_LEVEL_CHARS = frozenset("省市县区镇乡")


def _level_in_word(text: str, i: int) -> bool:
    """True when the level character at ``i`` ends a common word (乡镇人大, 城镇政府) or
    follows another level character (区县人民政府): no organ of a named level, unless a
    county of one character ends there (南县人大)."""
    plural = text[i - 1] in _LEVEL_CHARS and text[i - 1] != text[i]  # (该县县委: one county)
    return (crosses_start(text, i) or plural) and not _one_character_county(text, i)


def _unlisted_place_start(text: str, start: int, stems: set[str]) -> int:
    """The start of an organ whose level character at ``start`` follows no listed place:
    自治区政协, 开发区管委会, a county of one character (蔚县人大), 中共 + an unlisted place
    (中共耒阳市委, whose name joins ``stems``); else the level character itself."""
    if text[start] == "区" and (ends_at(text, "自治", start) or ends_at(text, "开发", start)):
        return start - 2  # 自治区政协, 开发区管委会
    if _one_character_county(text, start):
        return start - 1
    party = _PARTY_PLACE_RE.search(text, max(0, start - 6), start)
    if party:
        stems.add(party.group(1))
        return party.start() + 2
    return start


def _place_of_level(text: str, start: int, place_ends: dict[int, int]) -> int | None:
    """The start of the place whose organ's level character is at ``start``: the place that
    ends with that character (衡阳市委), or one that ends with the same level right before it,
    written again with the organ (汾西县县委, 江苏省省委); else None."""
    place = place_ends.get(start + 1)
    if place is None and start and text[start - 1] == text[start]:
        return place_ends.get(start)
    return place


def _level_organs(text: str, places: list[tuple[int, int]], stems: set[str]) -> list[Candidate]:
    """Organs named by a level character (衡阳市委, 市人大, 中共耒阳市委, 县政府)."""
    out: list[Candidate] = []
    place_ends: dict[int, int] = {}
    for ps, pe in places:
        if pe not in place_ends or ps < place_ends[pe]:
            place_ends[pe] = ps
    for m in _ADMIN_ORG_SCAN.finditer(text):
        start = m.start()
        place = _place_of_level(text, start, place_ends)
        if place is not None and m.group(0)[1:] in ("政府", "人民政府"):
            continue  # 衡阳市政府: the place is the entity (市政府 alone stays an organ)
        if place is not None:
            start = place  # 衡阳市委: the place the level character ends
            while start in place_ends and place_ends[start] < start:
                start = place_ends[start]  # 株洲市石峰区委: places in a row
        elif start and (text[start - 1] in _NOT_BEFORE_LEVEL or _level_in_word(text, start)):
            continue  # 全市政府系统, 我省人大, 乡镇人大 …: no organ of a named level
        else:
            start = _unlisted_place_start(text, start, stems)
        out.append((_party_start(text, start), m.end(), ORG, {}))
    return out


# Parties and the Youth League written before a place's organ or their congress's number
# (lexicon ``orgs_parties``): 中共衡阳市委, 共青团四川省委, 共青团十四大.
_PARTIES = lexicon.words("orgs_parties")
_PARTY_LAST = frozenset(party[-1] for party in _PARTIES)


def _party_start(text: str, start: int) -> int:
    """``start`` moved back over a party's short name that ends there (else unchanged)."""
    if not start or text[start - 1] not in _PARTY_LAST:
        return start  # (no party ends with the character before: most organs)
    for party in _PARTIES:
        if ends_at(text, party, start):
            return start - len(party)
    return start


# The term of a body before its name is part of it: 九届全国人大, 第六届全国人大常委会.
_TERM_BEFORE_RE = rules_regex.compile("第?[一二三四五六七八九十]{1,3}届\\Z")


# Meetings named by a body that take the term before the body (第四届东盟地区论坛会议).
_EVENTS_AFTER = ("地区论坛", "论坛", "峰会", "首脑会议", "首脑会晤", "外长会议", "部长会议")


def _term_start(text: str, s: int, e: int) -> int:
    """The start of the body ``text[s:e]`` with its term before it (九届全国人大), unless a
    forum follows, whose term it is (第四届东盟地区论坛: 东盟)."""
    if not s or text[s - 1] != "届" or text.startswith(_EVENTS_AFTER, e):
        return s
    term = _TERM_BEFORE_RE.search(text, max(0, s - 5), s)
    return term.start() if term else s


# The central government, named by its level (ORG, as 市政府 is), unless a place is named
# before it (法国中央政府: the place).
_GOVERNMENTS = frozenset(("中央政府", "中央人民政府"))


_FULL_CONGRESS = PageWords("全国代表大会")
_ITS_STANDING = PageWords("及其常委会")


def _named_orgs(
    text: str,
    places: list[tuple[int, int]],
    national: list[tuple[int, int]],
    stems: set[str],
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """National bodies and level + organ names; also the suffixes that national-looking
    words turned out to be (市生态环境部门, 市教育局).  Place names met in ``中共XX市委``
    are added to ``stems``."""
    out: list[Candidate] = []
    extra: list[tuple[int, int]] = []
    for s, e in national:
        word = text[s:e]
        if not _national_ok(text, word, s, e):
            continue
        if word in _GOVERNMENTS and any(pe == s for _, pe in places):
            continue  # 法国中央政府: a named place's government is the place
        if word[-1] == "部" and text[e : e + 1] == "门":
            extra.append((e - 1, e + 1))  # 市生态环境部门: not the ministry
            continue
        if s and text[s - 1] in "省市县区":
            # a local body named like a ministry: let the suffix rule find its start
            n = next((n for n in (3, 2, 1) if word[-n:] in _SUFFIXES and len(word) > n), 0)
            if n:
                extra.append((e - n, e))
            continue
        out.append((_term_start(text, s, e), e, ORG, {}))
    out += _level_organs(text, places, stems)
    out += _party_congresses(text)
    if _FULL_CONGRESS.in_page(text):
        out += [(*m.span(), ORG, {}) for m in _FULL_CONGRESS_RE.finditer(text)]
    # 人大及其常委会: the congress's standing committee
    out += [(i + 2, i + 5, ORG, {}) for i, _ in _ITS_STANDING.starts(text)]
    return out, extra


# The Party's national congresses by their number: 中共十五大, 党的七大, 十五大精神 (a bare
# number + 大 only before a word of a congress: not 十五大城市, 七大洲; nor 一大批, 一大片: "a
# great many", also after 党的).  The scan finds the last numeral and 大; the numerals before
# it are read in Python.
_CONGRESS_RE = rules_regex.compile("[一二三四五六七八九十]大(?![学小中型会类洲城批片堆])")
_CONGRESS_SCAN = _scan.Anchored(_CONGRESS_RE)
_NUMERALS = frozenset("一二三四五六七八九十")
_CONGRESS_AFTER = ("精神", "报告", "代表", "以来", "召开", "文件", "提出", "确定", "决议", "路线")


# A party's congress by its full name: 中国共产党第十五次全国代表大会, 中共第十二次、第十三次
# 全国代表大会 (one span, as the MSRA gold has it).
_ORDINAL = "第[一二三四五六七八九十]{1,3}次"
_FULL_CONGRESS_RE = rules_regex.compile(
    f"(?:中国共产党|{'|'.join(map(re.escape, _PARTIES))}){_ORDINAL}(?:、{_ORDINAL})*全国代表大会"
)


def _party_congresses(text: str) -> list[Candidate]:
    """The Party's congresses named by their number in ``text`` (see ``_CONGRESS_RE``)."""
    out: list[Candidate] = []
    for m in _CONGRESS_SCAN.finditer(text):
        s = m.start()
        while s > 0 and m.start() - s < 2 and text[s - 1] in _NUMERALS:
            s -= 1  # 十五大: up to three numerals
        party = _party_start(text, s)
        if party < s:
            out.append((party, m.end(), ORG, {}))
        elif (
            ends_at(text, "党的", s)
            or (
                text[s] == "十"
                and (
                    text.startswith(_CONGRESS_AFTER, m.end())
                    # 在十五大上, 宣传十五大的意义: a congress of two numerals (十一 … 十九)
                    or (m.end() - s == 3 and text[m.end() : m.end() + 1] in _AFTER_TEEN_CONGRESS)
                )
                and not text.startswith("代表性", m.end())  # 十大代表性人物: the ten most typical
            )
        ):
            out.append((s, m.end(), ORG, {}))
    return out


# What may follow a congress of two numerals (十五大) besides a word of a congress: 上 (在十五大
# 上), 的, 后, and punctuation.
_AFTER_TEEN_CONGRESS = frozenset("上的后，。、；“”》）")
