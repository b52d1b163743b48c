"""ORG and LOC suggestions: lists of places, suffix rules and bounded prefixes.

LOC (places):

* a list (:mod:`._places`): provincial and prefecture-level divisions of China, with or
  without their suffix (``湖南``, ``湖南省``, ``株洲``, ``株洲市``; a listed name + 县/区
  is the county of that name: ``长沙县``), countries and regions, major rivers, lakes and
  mountains;
* patterns after a boundary (start of text, punctuation, or a preposition such as 在 于
  与 和 、): two or three Han characters + ``县 区 镇 乡 村 街道 社区 自治县 旗``, two +
  ``市``; rivers and lakes ``…江 …河 …湖``; roads ``…路 …大道 …大街 …街 …巷``; ring roads
  (``北二环``); a place that follows a place (``衡阳县西渡镇``) needs no boundary;
* common nouns with those endings are refused (城区 社区 景区 城市 超市 乡镇 行政村 深水区
  道路 思路 江河 …), and so are deictic places (我市 全省 本县);
* propagation: the stem of a place found with its suffix (``耒阳`` of ``耒阳市``, also in
  ``中共耒阳市委``) is a place wherever it occurs alone on the page, so a local paper's
  own city is found without any list.

ORG (organisations):

* national bodies by list (党中央, 国务院, 中央, 全国人大, 人民政协, the ministries …);
* a place or an administrative level + a party or state organ: ``市委``, ``省委``,
  ``市政府``, ``市政协``, ``县人民政府``, ``中共耒阳市委``, ``株洲市石峰区人民政府``
  (also where the organ is followed by a title: ``市委书记`` gives ``市委``; ``市长``
  gives nothing);
* a suffix (…委员会 …领导小组 …办公室 …局 …中心 …法院 …检察院 …公司 …协会 …部门 …) with
  a prefix found by walking left from the suffix: the walk stops at punctuation,
  whitespace or 24 characters, the prefix is cut after the last verb or preposition
  (召开 根据 设在 在 由 …) and after scope words (全市 各级 我市 …); the name then starts at
  the last *head* in what remains (a place, ``市 省 县 区``, ``中共 中央 国家 全国``), which
  keeps ``市委和市政府`` apart and ``湖南省…办公室`` whole; a named organisation right
  before the head joins it (``中国人民银行`` + ``长沙中心支行``).  Weak suffixes (局 厅 部
  委 办 中心 部门 院 所 站 馆 队 合作社) need a head; strong ones (委员会 领导小组 公司
  协会 法院 …) may stand on a prefix bounded by punctuation or a verb;
* a sub-unit chained to an organisation (``市政务服务中心`` + ``项目代办科``).
"""

from __future__ import annotations

import bisect
import re

from annotator import lexicon
from annotator.model import Span

from . import _places as P
from ._text import HAN, Candidate, ends_at, is_han, trie_pattern
from .abbreviations import group_spans
from .people import SURNAMES as _SURNAMES

ORG = "ORG"
LOC = "LOC"

_STOP_CHARS = "在由被向从对与把让给据将是了的即并也都还已又再就才但而或等及为于到"


def _place_forms() -> list[str]:
    """Every list form of a place: full and short names, prefectures with their suffix."""
    forms: set[str] = set(P.PROVINCES_FULL) | set(P.COUNTRIES) | set(P.NATURAL)
    forms.update(P.WORLD_CITIES)
    forms.update(P.LOCAL)
    forms.update(P.PROVINCES_SHORT)
    for name in P.PREFECTURES:
        if name not in P.AMBIGUOUS:
            forms.add(name)
        forms.add(name + P.SUFFIX.get(name, "市"))  # 湘西州, 阿里地区, 兴安盟, else 衡阳市
    return sorted(forms)


_FORMS = _place_forms()
_RING_ROADS = [
    f"{side}{n}环{tail}" for side in "东西南北" for n in "一二三四五六" for tail in ("", "路", "线")
] + [f"{n}环路" for n in "二三四五六"]

# Common nouns that end like places (城区, 超市, 道路).
_GENERIC = lexicon.word_set("places_generic")
_DEICTIC_FIRST = frozenset("全各本我该此每其这那两多某一新老大小")
# characters that never stand inside the prefix of a place found by pattern
_NOT_IN_PLACE = frozenset(_STOP_CHARS) | frozenset("全各本我该此每其这那之个")
# A pattern place never starts with a verb or an adjective of this kind: 加强县乡,
# 改善村容, 主要街道 (the suffix character begins the next word, or the place is generic).
_NOT_PLACE_START = re.compile(
    "加强|改善|实行|建设|发展|推进|打造|创建|建成|成为|带动|推动|促进|实现|扶持|帮助|支持|"
    "主要|普通|平坦|宽阔|今日|当年|所有|整个|周边|附近|全体"
)
_LAST_STOP_RE = re.compile(f".*[{_STOP_CHARS}、至经往赴沿]")


def _boundary_class() -> str:
    """A character class of everything that may stand before a place found by pattern:
    any non-Han character, or a Han preposition/particle (在 于 与 和 、 …)."""
    stops = sorted(set(_STOP_CHARS + "、至经往赴沿"))
    # the Han ranges with holes at the stop characters, negated
    ranges: list[tuple[int, int]] = [
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xF900, 0xFAFF),
        (0x20000, 0x3134F),
    ]
    for ch in (ord(c) for c in stops):
        ranges = [
            piece
            for lo, hi in ranges
            for piece in ((lo, ch - 1), (ch + 1, hi))
            if lo <= ch <= hi and piece[0] <= piece[1]
        ] + [(lo, hi) for lo, hi in ranges if not lo <= ch <= hi]
    return "[^" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in sorted(ranges)) + "]"


# Places found by their ending after a boundary character (which is part of the match;
# the text is scanned with a leading newline so that its start is a boundary too).
_PATTERN_LOC_RE = re.compile(
    f"{_boundary_class()}(?P<n>[{HAN}]{{1,4}}?(?=[县区镇乡村街社旗自市江河湖大路巷胡])"
    "(?P<s>自治县|自治州|县|区|镇|乡|村|街道|社区|旗|市|江|河|湖|大道|大街|路|街|巷|胡同))"
)
_ETHNIC = lexicon.words("places_ethnic_groups")
_AUTONOMOUS_RE = re.compile(f"(?:{trie_pattern(_ETHNIC)}族){{1,4}}自治(?:州|县|旗)")
_SUFFIX_KIND = {"市": (2, 2), "江": (1, 2), "河": (1, 2), "湖": (1, 2), "大道": (2, 4),
                "大街": (2, 4), "路": (2, 4), "街": (2, 4), "巷": (2, 4), "胡同": (2, 4)}  # fmt: skip
_ADMIN_TAIL_RE = re.compile(
    f"[{HAN}]{{2,3}}?(?:自治县|自治州|县|区|镇|乡|村|街道|社区|旗"
    # 山西省河津市: a county-level city (not 市场, 市民, 市委 … after it)
    "|市(?=[^场民委政区级域直情长领容县里内外属值面井中人]|$))(?![级域直情长])"
)

# --- organisations -------------------------------------------------------------------

# Organisations known by name: central bodies, people's organisations, democratic parties,
# universities' short names, international organisations.
_NATIONAL = lexicon.words("orgs_national")
# University short names that begin common words or names of places.
_NOT_AFTER_SHORT = {
    w: ("荒", "街", "门", "营", "园", "池", "部", "片", "面")
    for w in ("北大", "清华", "复旦", "浙大", "中科大", "哈工大")
}
_SHORT_NAME_BEFORE = frozenset(
    "在由被向从对与把让给据将是了的即并也都还已又再就才但而或等及为于到、和同考读上"
)

_ORGAN_FIRST = frozenset("政议国外财商央中代大使总领女男队")
# After a listed place (country, province, city) these words make an organisation:
# 美国国防部, 中国女排, 上海队.  Not 政府: a named place's government is tagged as the
# place (日本政府 -> 日本, 岳阳市人民政府 -> 岳阳市), as in the MSRA/People's Daily gold.
_ORGAN_AFTER_PLACE_RE = re.compile(
    "(?:议会|国会|外交部|国防部|财政部|商务部|央行|中央银行|国家队|代表团|大使馆|使馆|"
    "总领事馆|领事馆|女排|男排|女足|男足|女篮|男篮|男队|女队|队)(?![伍员长列形])"
)

_NOT_AFTER_CENTRAL = lexicon.words("orgs_not_after_central")

# A level of government + a party or state organ: 市委, 县政府, 省人大常委会.  Anchored on
# the level character; a place that ends there (衡阳市) and 中共 are joined in Python.
_ADMIN_ORG_RE = re.compile(
    "[省市县区镇乡](?:委常委会|人大常委会|纪委监委|委|政府|人民政府|政协|人大|纪委|监委|党委|党工委"
    "|管委会)"
    "(?!员(?!会)|托|屈|婉|实|身|派|任)"
)
_NOT_BEFORE_LEVEL = frozenset("全各本我该此每其城都超股楼夜集上门省")
_PARTY_PLACE_RE = re.compile(f"中共((?:(?![{_STOP_CHARS}])[{HAN}]){{2,4}})\\Z")


# Suffix -> (strong, words that may not follow, characters that may not precede), from
# resources/lexicon/orgs_suffixes.txt (fields after tabs; see its header).
def _suffix_table() -> dict[str, tuple[bool, tuple[str, ...], str]]:
    table = {}
    for row in lexicon.entries("orgs_suffixes"):
        word, kind, bad_next, bad_prev = (*row, "", "", "")[:4]
        table[word] = (kind == "strong", tuple(bad_next.split()), bad_prev)
    return table


_SUFFIXES = _suffix_table()

# Every listed word (places, ring roads, national bodies, organisation suffixes) with its
# kind: one trie regex finds them all in a single pass over the page.
_WORD_KINDS: dict[str, str] = {}
for _w in (*_FORMS, *_RING_ROADS):
    _WORD_KINDS[_w] = "place"
for _w in (*_NATIONAL, "中央"):
    _WORD_KINDS[_w] = "national"
for _w in _SUFFIXES:
    if len(_w) > 1:
        _WORD_KINDS.setdefault(_w, "suffix")
_WORD_RE = re.compile(trie_pattern(_WORD_KINDS))
# One-character suffixes (局 部 委 …) are frequent characters: a separate pattern with the
# excluded neighbours written as lookarounds lets ``re`` reject 部署, 格局, 队伍 … in C.
_SINGLE_SUFFIX_RE = re.compile(
    "|".join(
        re.escape(w)
        + (f"(?<![{bad_prev}]{re.escape(w)})" if bad_prev else "")
        + (f"(?!{'|'.join(map(re.escape, bad_next))})" if bad_next else "")
        for w, (_strong, bad_next, bad_prev) in _SUFFIXES.items()
        if len(w) == 1
    )
)
_SUB_UNIT_RE = re.compile(
    "(?!举行|召开|组织|开展|进行|发布|提出|批准|决定|审议|通过|宣布)"  # a verb, not a unit
    f"(?:(?![{_STOP_CHARS}省市县区委局])[{HAN}]){{2,6}}?"
    "(?:(?<![学本专预理工文])科|处|室|股|办公室|支队|大队|中队)"
    "(?!理|长|内|外|有|以|伍|在|员|学|技|研)"
)

# Branches and institutes chained to an organisation: 杭州市公安局 + 西湖区分局,
# 中国科学院 + 国家天文台, 复旦大学附属中山医院 + 心内科 (the unit may hold a place).
_BRANCH_RE = re.compile(
    f"(?:(?![{_STOP_CHARS}])[{HAN}]){{1,8}}?(?:分局|分院|分行|支行|分公司|派出所|检察室|法庭|"
    "研究所|研究院|研究中心|重点实验室|实验室|天文台|附属医院|医院|学院)(?!长|内|士|里)"
)

_MAX_PREFIX = 24
_REGION_CHAR = re.compile(f"[{HAN}0-9]")
_REGION_RUN = re.compile(f"[{HAN}0-9]+\\Z")  # searched with endpos: the run that ends there
_STOP_WORDS = lexicon.words("orgs_stop_words")
# Greedy: matches up to the end of the last stop word or character of the region, or of a
# count (100个协会, 四个工作小组).
_LAST_CUT_RE = re.compile(
    f".*(?:{trie_pattern(_STOP_WORDS)}|[{_STOP_CHARS}]|[0-9一二三四五六七八九十百几两多]+[个家所名]"
    "|第[0-9一二三四五六七八九十百]+[届次])"
)
_SCOPE_RE = re.compile(
    "(?:全市|全省|全县|全区|全镇|全乡|全国(?!人大|政协|总工会|妇联|工商联)|各级|各地|各|"
    "本市|本省|本县|我市|我省|我县|我区|该|其|这|那)+"
)
# Heads of an organisation name besides the places found by the LOC rules.
_HEAD_RE = re.compile(
    "(?<![全各本我该此每其城都超股楼夜集上门])(?:省|市|县|区)(?![场民区级州县直内外域面份长情容])"
    "|中共|中国|中华|中央|国家|全国|国务院"
)


_GENERIC_LENGTHS = sorted({len(g) for g in _GENERIC})


def _generic(name: str) -> bool:
    if name[:1] in _DEICTIC_FIRST:
        return True
    return any(name[-n:] in _GENERIC for n in _GENERIC_LENGTHS if n <= len(name))


# After 市 these begin a word (市委 市政府 市民 市场 市级 …); a pattern place "XX市"
# right before them is more often a verb + that word.
_AFTER_CITY_WORD = frozenset("委政民场区级域直情长领容县里内外属值面井中人")


def _pattern_place_ok(name: str, suffix_len: int) -> bool:
    prefix = name[: len(name) - suffix_len]
    return (
        not _generic(name)
        and not any(c in _NOT_IN_PLACE for c in prefix)
        and not _NOT_PLACE_START.match(prefix)
    )


def _listed_locs(text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    out: list[Candidate] = []
    groups = group_spans(text)
    for s, e in listed:
        if groups and any(gs < s < ge < e for gs, ge in groups):
            continue  # 欧美国家: 美 ends the group 欧美; 美国 is not read across it
        if text[e : e + 1] in ("县", "区") and text[e - 1] not in "省市县区州":
            e += 1  # 衡阳县, 长沙县: a county named after its city
        out.append((s, e, LOC, {}))
    return out


def _loc_candidates(text: str, listed: list[tuple[int, int]]) -> tuple[list[Candidate], set[str]]:
    out = _listed_locs(text, listed)
    for m in _PATTERN_LOC_RE.finditer("\n" + text):
        name, suffix = m.group("n"), m.group("s")
        s, e = m.start("n") - 1, m.end("n") - 1
        cut = _LAST_STOP_RE.match(name)
        if cut:
            # 位于芙蓉区: the prefix holds a boundary character; the place starts after it
            name, s = name[cut.end() :], s + cut.end()
        lo, hi = _SUFFIX_KIND.get(suffix, (2, 3))
        if not lo <= len(name) - len(suffix) <= hi or not _pattern_place_ok(name, len(suffix)):
            continue
        nxt = text[e : e + 1]
        if suffix not in _SUFFIX_KIND and nxt and nxt in "级域直情长":
            continue  # 县级, 区域, 县长: the suffix begins the next word
        if suffix == "市" and nxt and nxt in _AFTER_CITY_WORD:
            continue  # 推动市委, 欢迎市民: a verb + a word that starts with 市
        out.append((s, e, LOC, {}))
    if "族自治" in text:
        # ethnic autonomous prefectures and counties: 黔东南苗族侗族自治州
        starts = {e: s for s, e, _, _ in out}
        for m in _AUTONOMOUS_RE.finditer(text):
            a = m.start()
            s = starts.get(a)
            if s is None:
                s = a - 2
                if s < 0 or any(not is_han(c) or c in _NOT_IN_PLACE for c in text[s:a]):
                    continue
            out.append((s, m.end(), LOC, {}))
    # a place right after a place: 衡阳县西渡镇
    queue = list(out)
    while queue:
        s, e, _, _ = queue.pop()
        m = _ADMIN_TAIL_RE.match(text, e)
        if m and _pattern_place_ok(m.group(0), 1):
            cand: Candidate = (e, m.end(), LOC, {})
            out.append(cand)
            queue.append(cand)
    out += _villages_and_roads(text)
    stems = {text[s : e - 1] for s, e, _, _ in out if e - s >= 3 and text[e - 1] in "省市县"}
    return out, stems


def _villages_and_roads(text: str) -> list[Candidate]:
    """李家庄, 王家湾 (a surname + 家 + a settlement word) and numbered roads (国道102线)."""
    out: list[Candidate] = []
    if "家" in text:
        out += [
            (m.start() - 1, m.end(), LOC, {})
            for m in _VILLAGE_RE.finditer(text)
            if m.start() and text[m.start() - 1] in _SURNAMES
        ]
    if "道" in text:
        out += [(m.start(), m.end(), LOC, {}) for m in _NUMBERED_ROAD_RE.finditer(text)]
    return out


# 家 + a settlement word; the surname before it is checked in Python (a literal first
# character lets ``re`` skip the text in C).
_VILLAGE_RE = re.compile("家(?:庄|村|湾|寨|坪|岭|沟|屯|堡|坳|峪|洼)(?![子里上下头])")
_NUMBERED_ROAD_RE = re.compile("(?:国道|省道|县道)[A-Z]?[0-9０-９]{1,4}线?")


def _org_start(
    text: str,
    a: int,
    strong: bool,
    places: list[tuple[int, int]],
    parents: dict[int, int],
) -> int | None:
    """Start of the organisation whose suffix starts at ``a`` (None: no organisation)."""
    lo = max(0, a - _MAX_PREFIX)
    run = _REGION_RUN.search(text, lo, a)
    if run is None:
        return None
    region_start = run.start()
    bounded = region_start > lo or lo == 0 or not _REGION_CHAR.match(text, lo - 1)
    last_cut = _LAST_CUT_RE.match(text, region_start, a)
    if last_cut is not None:
        region_start, bounded = last_cut.end(), True
        i = bisect.bisect_left(places, (region_start, -1)) - 1
        while i >= 0 and places[i][0] >= lo:
            if places[i][1] >= region_start:
                region_start = places[i][0]  # 成都市公安局: 都 is inside a place, no cut
                break
            i -= 1
    scope = _SCOPE_RE.match(text, region_start, a)
    if scope:
        region_start = scope.end()
    heads = [m.span() for m in _HEAD_RE.finditer(text, region_start, a)]
    lo_i = bisect.bisect_left(places, (region_start, -1))
    hi_i = bisect.bisect_left(places, (a, -1))
    heads.extend(p for p in places[lo_i:hi_i] if p[1] <= a)
    head = None
    for hs, he in sorted(heads):
        # adjacent or nested heads join: 湖南省衡阳市
        head = (hs, he) if head is None or hs > head[1] else (head[0], max(he, head[1]))
    if head is not None:
        # 中国人民银行 + 长沙中心支行: a parent organisation right before the head
        return parents.get(head[0], head[0])
    if strong and bounded and a - region_start >= 2 and text[region_start] not in _DEICTIC_FIRST:
        return region_start
    return None


def _national_ok(text: str, word: str, s: int, e: int) -> bool:
    """False for 中央 + a common noun (中央空调) and for a university's short name that
    does not stand as a word (东北大学, 北大荒)."""
    if word == "中央":
        return not text.startswith(_NOT_AFTER_CENTRAL, e)
    if word not in _NOT_AFTER_SHORT:
        return True
    if text.startswith(_NOT_AFTER_SHORT[word], e):
        return False
    return not (s and text[s - 1] not in _SHORT_NAME_BEFORE and is_han(text[s - 1]))


def _level_organs(text: str, places: list[tuple[int, int]], stems: set[str]) -> list[Candidate]:
    """Organs named by a level character (衡阳市委, 市人大, 中共耒阳市委, 县政府)."""
    out: list[Candidate] = []
    place_ends: dict[int, int] = {}
    for ps, pe in places:
        if pe not in place_ends or ps < place_ends[pe]:
            place_ends[pe] = ps
    for m in _ADMIN_ORG_RE.finditer(text):
        start = m.start()
        place = place_ends.get(start + 1)
        if place is not None and m.group(0)[1:] in ("政府", "人民政府"):
            continue  # 衡阳市政府: the place is the entity (市政府 alone stays an organ)
        if place is not None:
            start = place  # 衡阳市委: the place the level character ends
            while start in place_ends and place_ends[start] < start:
                start = place_ends[start]  # 株洲市石峰区委: places in a row
        elif start and text[start - 1] in _NOT_BEFORE_LEVEL:
            continue  # 全市政府系统, 我省人大 …: no organ of a named level
        else:
            # 中共耒阳市委: 中共 + an unlisted place name + level
            party = _PARTY_PLACE_RE.search(text, max(0, start - 6), start)
            if party:
                start = party.start() + 2
                stems.add(party.group(1))
        if ends_at(text, "中共", start):
            start -= 2
        out.append((start, m.end(), ORG, {}))
    return out


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
        if word[-1] == "部" and text[e : e + 1] == "门":
            extra.append((e - 1, e + 1))  # 市生态环境部门: not the ministry
            continue
        if s and text[s - 1] in "省市县区":
            # a local body named like a ministry: let the suffix rule find its start
            n = next((n for n in (3, 2, 1) if word[-n:] in _SUFFIXES and len(word) > n), 0)
            if n:
                extra.append((e - n, e))
            continue
        out.append((s, e, ORG, {}))
    out += _level_organs(text, places, stems)
    return out, extra


def _suffix_orgs(
    text: str,
    suffixes: list[tuple[int, int]],
    places: list[tuple[int, int]],
    parents: dict[int, int],
) -> list[Candidate]:
    out: list[Candidate] = []
    ends = set(parents)  # where organisations found so far end
    for a, b in suffixes:
        suffix = text[a:b]
        strong, bad_next, bad_prev = _SUFFIXES[suffix]
        if a > 0 and text[a - 1] in bad_prev:
            continue
        if suffix == "委" and a > 0 and text[a - 1] in "省市县区镇乡":
            continue  # 市委, 县委: the organ rule has them
        if bad_next and text.startswith(bad_next, b):
            continue
        if parents.get(b, b) < a:
            continue  # the 院 of 国务院: the end of a body already named
        start = _org_start(text, a, strong, places, parents)
        if start is None:
            start = _listed_after_org(text, a, ends)
        if start is not None and b - start > len(suffix):
            out.append((start, b, ORG, {}))
            ends.add(b)
    return out


# Coordinated bodies: 市民政局、畜牧局 / 财政局和审计局: the later ones drop their place.
_LIST_JOINS = ("、", "和", "及", "与")


def _listed_after_org(text: str, a: int, ends: set[int]) -> int | None:
    """Start of a short list item ending at suffix ``a`` that follows an organisation."""
    for length in range(1, 6):
        i = a - length
        if i < 1 or not is_han(text[i]) or text[i] in _NOT_IN_PLACE:
            return None
        if text[i - 1] in _LIST_JOINS and i - 1 in ends:
            return i
    return None


def _org_candidates(
    text: str,
    listed: list[tuple[int, int]],
    places: list[tuple[int, int]],
    national: list[tuple[int, int]],
    suffixes: list[tuple[int, int]],
    stems: set[str],
) -> list[Candidate]:
    out, extra = _named_orgs(text, places, national, stems)
    parents = {e: s for s, e, _, _ in out}  # named organisations, by their end
    out += _suffix_orgs(text, sorted(suffixes + extra), places, parents)
    # sub-units chained to an organisation: 市政务服务中心 + 项目代办科
    chained: list[Candidate] = []
    for s, e, _, _ in out:
        m = _SUB_UNIT_RE.match(text, e) or _BRANCH_RE.match(text, e)
        if m:
            chained.append((s, m.end(), ORG, {}))
            sub = _SUB_UNIT_RE.match(text, m.end())
            if sub:  # 海淀分局 + 中关村派出所 + 治安科
                chained.append((s, sub.end(), ORG, {}))
    # a listed place + an organ or a team: 日本政府, 中国女排
    for s, e in listed:
        m = _ORGAN_AFTER_PLACE_RE.match(text, e) if text[e : e + 1] in _ORGAN_FIRST else None
        if m:
            chained.append((s, m.end(), ORG, {}))
    return out + chained


_PROVINCES = frozenset(P.PROVINCES_FULL) | frozenset(P.PROVINCES_SHORT)


def _province_apart(
    text: str, orgs: list[Candidate], places: list[tuple[int, int]]
) -> list[Candidate]:
    """An organisation of a city or county starts at its own place: the province before it
    is a place of its own (山东临沂市公安局 → 山东 + 临沂市公安局, as the MSRA gold has it;
    a province's own bodies, 陕西省残联, keep their province)."""
    starts = {s: e for s, e in places}
    out = []
    for s, e, label, attrs in orgs:
        pe = starts.get(s)
        if pe is not None and text[s:pe] in _PROVINCES and pe in starts and starts[pe] < e:
            out.append((pe, e, label, attrs))  # the province stays a LOC candidate
        else:
            out.append((s, e, label, attrs))
    return out


# The place of a dateline: 本报波恩5月4日电, 新华社北京5月20日电 (a reporter's name
# follows 记者, never the agency directly, so no name is taken for a place).
_DATELINE_RE = re.compile(
    f"(?:本报|新华社|中新社|人民网|新华网|央视网)((?:(?!记者|讯)[{HAN}]){{2,6}}?)"
    "(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日[电讯]"
)
_PAPER_RE = re.compile(f"《([{HAN}]{{2,12}}?(?:日报|晚报|时报|商报|画报|报|周刊|季刊|月刊|杂志))》")


def find_org_place_candidates(text: str) -> list[Candidate]:
    """All ORG and LOC candidates of ``text`` (overlapping; resolved by the caller)."""
    found: dict[str, list[tuple[int, int]]] = {"place": [], "national": [], "suffix": []}
    for m in _WORD_RE.finditer(text):
        word = m.group(0)
        found[_WORD_KINDS[word]].append(m.span())
        if word in _NOT_AFTER_SHORT:
            # 东北大学: the short name 北大 hides the suffix 大学 that starts inside it
            inner = _WORD_RE.match(text, m.start() + 1)
            if inner:
                found[_WORD_KINDS[inner.group(0)]].append(inner.span())
    found["suffix"].extend(m.span() for m in _SINGLE_SUFFIX_RE.finditer(text))
    locs, stems = _loc_candidates(text, found["place"])
    places = sorted({(s, e) for s, e, _, _ in locs})
    orgs = _org_candidates(text, found["place"], places, found["national"], found["suffix"], stems)
    orgs = _province_apart(text, orgs, places)
    stems = {s for s in stems if len(s) >= 2 and not _generic(s + "市")}
    for stem in stems:  # few per page: str.find beats compiling a regex
        i = text.find(stem)
        while i != -1:
            locs.append((i, i + len(stem), LOC, {}))
            i = text.find(stem, i + len(stem))
    if "日电" in text or "日讯" in text:  # datelines: 本报汉城6月23日电
        locs += [(m.start(1), m.end(1), LOC, {}) for m in _DATELINE_RE.finditer(text)]
    if "《" in text:  # newspapers and magazines: 《人民日报》, 《社会周刊》
        orgs += [(m.start(1), m.end(1), ORG, {}) for m in _PAPER_RE.finditer(text)]
    if "发展中国家" in text:  # developing countries: no 中国 in it
        locs = [c for c in locs if not ends_at(text, "发展中国家", c[0] + 3)]
    return locs + orgs


def find_orgs_places(text: str) -> list[Span]:
    """ORG and LOC suggestions (``origin="rule"``), overlaps resolved (longer wins)."""
    from . import resolve_overlaps

    return resolve_overlaps(
        [
            Span(s, e, label, origin="rule", status="suggested", attrs=attrs)
            for s, e, label, attrs in find_org_place_candidates(text)
        ]
    )
