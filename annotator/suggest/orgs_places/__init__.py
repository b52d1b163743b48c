"""ORG and LOC suggestions: lists of places, suffix rules and bounded prefixes.

One module a cue: :mod:`.places` (LOC by list and by suffix), :mod:`.foreign` (foreign
places that no list holds, by their cues), :mod:`.named` (bodies known by name and organs
named by a level: 国务院, 市委, 县政府), :mod:`.suffixes` (a name before an organisation
suffix: …委员会, …公司), :mod:`.chains` (sub-units, branches, a place's organ or team; a
city's body keeps the province before it, 北京市怀柔县民政局); :mod:`.common` holds what they share.  This module makes
the one scan of the listed words and puts the parts together.

LOC (places):

* a list (:mod:`.._places`, lexicons ``places_*``): provincial and prefecture-level
  divisions of China, with or
  without their suffix (``湖南``, ``湖南省``, ``株洲``, ``株洲市``; a listed name + 县/区
  is the county of that name: ``长沙县``), countries and regions, major rivers, lakes and
  mountains;
* patterns after a boundary (start of text, punctuation, or a preposition such as 在 于
  与 和 、): two or three Han characters + ``县 区 镇 乡 村 街道 社区 自治县 旗``, two +
  ``市``; rivers and lakes ``…江 …河 …湖``; roads ``…路 …大道 …大街 …街 …巷``; ring roads
  (``北二环``); a place that follows a place (``衡阳县西渡镇``) needs no boundary, nor one
  after a verb of going (``深入雁峰区``, lexicon ``places_cue_verbs``, never part of it);
  when the shortest reading fails the next longer one is tried (``在宁乡县``);
* foreign places that no list holds, by a tail (``阿勒颇以北``, ``俄亥俄州``) or a verb of
  travel (``抵达阿勒颇，``), or as items of a list of places summed up by ``等地``
  (``卡拉奇、拉合尔、白沙瓦等地``: :mod:`.place_lists`);
* landmarks, sites and works by their suffix after a boundary (``香山公园``, ``五一广场``,
  ``双林寺``, ``西奈半岛``, ``密云水库``, ``杭州植物园``, ``避暑山庄``, ``古格遗址``,
  ``秦岭隧道``, ``明石海峡大桥``, ``天星码头``; not ``公路大桥``, ``海底隧道``);
* common nouns with those endings are refused (城区 社区 景区 城市 超市 乡镇 行政村 深水区
  道路 思路 江河 …), and so are deictic places (我市 全省 本县);
* propagation: the stem of a place found with its suffix (``耒阳`` of ``耒阳市``, also in
  ``中共耒阳市委``) is a place wherever it occurs alone on the page, so a local paper's
  own city is found without any list.
* the place of a dateline (``本报汉城6月23日电``) and the cities of a weather report, also
  those whose names are common words (``海口多云26℃``: lexicon ``places_ambiguous``).

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
* a sub-unit chained to an organisation (``市政务服务中心`` + ``项目代办科``), an inner body
  (``…国税局党组``, ``中国工程院主席团``, ``…公司总部``) or a university's department
  (``华东师范大学地理系``);
* a listed place, ``国家``, ``X驻`` or a one-character country before an organisation is
  taken with it (``美国财政部``, ``国家科学技术部``, ``中国驻南非大使馆``, ``俄中央银行``);
  a place's numbered team (``中国４队``, ``中国二队``), a club's words before its city
  (``国际米兰队``, ``皇家马德里队``: lexicon ``orgs_club_words``);
* committees by their standard contraction (``筹委会``, ``组委会``; ``村委会`` after a name
  ending in 村民委员会 or 村委会 earlier in the text: :mod:`.contractions`);
* organisations known by name without a suffix (lexicon ``orgs_known``: ``路透社``,
  ``国际泳联``, ``微软``); a strong suffix after a kind of organisation only is no name
  (``保险公司``, ``众多航空公司``: lexicon ``orgs_generic_prefixes``);
* venues named like organisations are places (``中国美术馆``, ``北京工人体育场``: lexicon
  ``places_venue_suffixes``), and so are stations named by their place (``人民广场站``,
  ``北京西站``; ``竹岐水文站``, a body, stays ORG); an organisation and the kind of site
  right after it are one ORG, the park it runs (``上海迪士尼乐园``: lexicon ``orgs_park_kinds``);
* listed companies before their stock code (``长安汽车(000625)``: :mod:`.listed`);
* the agency of a photo credit (``视觉中国供图``, ``图片来源：人民视觉``: :mod:`.credits`);
* a company's short name before a business cue (``宁德时代发布公告``, ``格力电器董事长``:
  :mod:`.companies`);
* organisations in Latin letters after a kind of company or before a verb of saying
  (``软件公司Adobe``, ``Google表示``: :mod:`.latin`).
"""

from __future__ import annotations

from annotator import lexicon, rules_regex
from annotator.model import Span
from annotator.suggest import _places as P
from annotator.suggest import _scan
from annotator.suggest._text import HAN, Candidate, ends_at, is_han, starts_of, trie_pattern
from annotator.suggest._words import (
    COMMON,
    crosses_end,
    crosses_start,
    crosses_start_over,
    cut_by_words,
    dictionary,
    read_across,
)
from annotator.suggest.people import SURNAMES, plausible_name
from annotator.suggest.people.cues import TITLE_RE

from .chains import _org_candidates
from .common import LOC, ORG, PageWords, _generic
from .companies import business_subjects
from .congresses import congresses
from .contractions import bare_company_names, contracted_committees, defined_short_names
from .counties import bare_county_places
from .credits import credit_agencies
from .foreign import KIND_BEFORE, TAILS, TRAVEL_VERBS, foreign_places
from .latin import latin_orgs
from .listed import companies_by_code
from .named import _NATIONAL, _NOT_AFTER_SHORT
from .place_lists import counted_place_items, listed_place_items
from .places import CUE_VERBS, _loc_candidates, dateline_places
from .suffixes import _SINGLE_SUFFIX_RE, _SUFFIXES
from .tagged import tagged_places
from .teams import team_places

__all__ = ["find_org_place_candidates", "find_orgs_places"]


def _place_forms() -> list[str]:
    """Every list form of a place: full and short names, prefectures with their suffix."""
    forms: set[str] = set(P.PROVINCES_FULL) | set(P.COUNTRIES) | set(P.NATURAL)
    forms.update(P.WORLD_CITIES)
    forms.update(P.LOCAL)
    forms.update(P.CITY_NICKNAMES)
    forms.update(P.SHORT_COUNTIES)
    forms.update(P.PROVINCES_SHORT)
    forms.update(P.GUARDED)
    for name in P.PREFECTURES:
        if name not in P.AMBIGUOUS:
            forms.add(name)
        forms.add(name + P.SUFFIX.get(name, "市"))  # 湘西州, 阿里地区, 兴安盟, else 衡阳市
    for name in P.COUNTY_CITIES:
        if name not in P.COUNTY_SUFFIX_ONLY:
            forms.add(name)
        forms.add(name + "市")
    return sorted(forms)


_FORMS = _place_forms()
_RING_ROADS = [
    f"{side}{n}环{tail}" for side in "东西南北" for n in "一二三四五六" for tail in ("", "路", "线")
] + [f"{n}环路" for n in "二三四五六"]

# Every listed word (places, ring roads, national bodies, organisation suffixes) with its
# kind: one scan finds them all in a single pass over the page.
_WORD_KINDS: dict[str, str] = {}
for _w in (*_FORMS, *_RING_ROADS):
    _WORD_KINDS[_w] = "place"
for _w in (*_NATIONAL, "中央"):
    _WORD_KINDS[_w] = "national"
for _w in _SUFFIXES:
    if len(_w) > 1:
        _WORD_KINDS.setdefault(_w, "suffix")
# The cues of places that no list holds: verbs before them, words after them (the same
# pass finds them; a listed word that starts at the same place wins by its length).
for _w in (*CUE_VERBS, *TRAVEL_VERBS, *KIND_BEFORE):
    _WORD_KINDS.setdefault(_w, "verb")
for _w in TAILS:
    _WORD_KINDS.setdefault(_w, "tail")
# (The page is scanned for them by the automaton of :mod:`.._scan`; :func:`_word_at`
# reads the word that starts at a given place.)
# the first characters of the suffixes of three characters or more
_SUFFIX_FIRST = frozenset(
    w[0] for w, kind in _WORD_KINDS.items() if kind == "suffix" and len(w) > 2
)
_VOCABULARY = "orgs_places"
# Each word's kind, and whether it may hide another word (:func:`_hidden_word`): one look-up
# a word of the page's scan (about 80 a page).
_WORD_INFO = {
    w: (kind, w in _NOT_AFTER_SHORT or w[-1] in _SUFFIX_FIRST) for w, kind in _WORD_KINDS.items()
}
_scan.register(_VOCABULARY, _WORD_KINDS)
_LONGEST_WORD = max(map(len, _WORD_KINDS))


def _word_at(text: str, i: int) -> tuple[int, int] | None:
    """``(start, end)`` of the longest listed word that starts at ``i`` (what the match of
    the words' trie regex at ``i`` gave; looked up, as the word is wanted in one rare case,
    and that regex took a tenth of a second to compile at every start of a process)."""
    for n in range(min(_LONGEST_WORD, len(text) - i), 0, -1):
        if text[i : i + n] in _WORD_KINDS:
            return i, i + n
    return None


# The place of a dateline: 本报波恩5月4日电, 新华社北京5月20日电 (a reporter's name
# follows 记者, never the agency directly, so no name is taken for a place).
_DATELINE_RE = rules_regex.compile(
    f"(?:本报|新华社|中新社|人民网|新华网|央视网)((?:(?!记者|讯)[{HAN}]){{2,6}}?)"
    "(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日[电讯]"
)
_PAPER_RE = rules_regex.compile(
    f"《([{HAN}]{{2,12}}?(?:日报|晚报|时报|商报|画报|报|周刊|季刊|月刊|杂志))》"
    # the kind after the title marks is part of the name: 《经济学家》杂志, 《时代》周刊
    f"|《[{HAN}]{{1,12}}》(?:杂志|周刊|月刊|季刊|画报)"
)


# A city whose name is also a common word (海口, 大同: lexicon ``places_ambiguous``) is the
# city in a weather report, before the day's weather (南宁中雨23℃／30℃海口晴转多云26℃).
_WEATHER_CITY_RE = rules_regex.compile(
    f"(?<![{HAN}])(?:{trie_pattern(P.AMBIGUOUS)})"
    "(?=晴|多云|阴|(?:小|中|大|暴|阵|雷阵|冻)雨|(?:小|中|大|暴|阵)雪|雨夹雪|雾|霾|沙尘|浮尘)"
)


def _hidden_word(text: str, s: int, e: int, found: dict[str, list[tuple[int, int]]]) -> None:
    """Adds to ``found`` the listed word that the scan's longest word ``text[s:e]`` hides:
    the suffix 大学 inside 东北大学 (the short name 北大 was read), or a suffix of three
    characters or more that begins with a known name's last character and runs on past it
    (国务院新闻办 + 公室: 国务院新闻办公室; not 交通部 + 部门, 人民日报 + 报社: those have
    rules of their own)."""
    word = text[s:e]
    if word in _NOT_AFTER_SHORT:
        inner = _word_at(text, s + 1)
        if inner:
            found[_WORD_KINDS[text[inner[0] : inner[1]]]].append(inner)
    elif _WORD_KINDS[word] == "national" and not crosses_start(text, s):
        # (not a name read inside a word: 集中 + 信用社 holds no 中信)
        longer = _word_at(text, e - 1)
        if longer and longer[1] > e + 1 and _WORD_KINDS[text[slice(*longer)]] == "suffix":
            found["suffix"].append(longer)


def _places_read(text: str, places: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The listed places that no common word reads otherwise; where one is refused as a
    word runs across its start, the listed place that starts on its second character and
    runs past it is tried (弘扬中华, 有关中国: the scan's longest words 扬中, 关中 hid them)."""
    kept = _kept_places(text, places)
    if len(kept) == len(places):
        return kept
    tried = []
    for s, e in set(places).difference(kept):
        word = _word_at(text, s + 1) if crosses_start(text, s) else None
        if word and word[1] > e and _WORD_KINDS[text[word[0] : word[1]]] == "place":
            tried.append(word)
    return sorted(kept + _kept_places(text, tried)) if tried else kept


def _kept_places(text: str, places: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [
        (s, e)
        for s, e in _not_read_in_words(text, places, _COUNTIES_OF_ONE, False)
        if not read_across(text, s, e)
        and not _cut_by_words(text, s, e)
        and (text[s:e] not in _GUARDED or not _guarded_read(text, s, e))
        and (text[s:e] not in _NICKNAMES or not _inside_a_name(text, s))
    ]


# Cities' other names (冰城, 泉城): a place where they stand as a word of the clause, after
# no Han character, a one-character word of the clause (在京城, 汇集蓉城 …) or a common word
# (昔日津门, 表现燕京), or 前 and 原 (前燕京大学: the former one); after any other they
# end a longer name (蜜雪冰城, a tea chain).
_NICKNAMES = frozenset(P.CITY_NICKNAMES)
_WORD_BEFORE_NICKNAME = frozenset(
    "在了入出及到来赴回的和与同对向由从往至离抵返驻访游逛住是为把被等、个座前原寻"
)


def _inside_a_name(text: str, s: int) -> bool:
    """True when the city's other name at ``s`` ends a longer name: a Han character before it
    that is no one-character word of the clause and ends no common word (蜜雪冰城)."""
    if s == 0 or not is_han(text[s - 1]) or text[s - 1] in _WORD_BEFORE_NICKNAME:
        return False
    words = dictionary()
    return all(words.get(text[s - n : s], 0) <= COMMON for n in (2, 3))


# Words whose absence from a page skips a rule (found by the page scan: :class:`.PageWords`).
_CENTRE = PageWords("中央")
_COMPANY = PageWords("公司", "集团")
_DEVELOPING = PageWords("发展中国家")
_DATELINE_END = PageWords("日电", "日讯")


def find_org_place_candidates(text: str) -> list[Candidate]:
    """All ORG and LOC candidates of ``text`` (overlapping; resolved by the caller)."""
    found: dict[str, list[tuple[int, int]]] = {
        "place": [],
        "national": [],
        "suffix": [],
        "verb": [],
        "tail": [],
    }
    for s, e in _scan.words(text, _VOCABULARY):
        kind, hides = _WORD_INFO[text[s:e]]
        found[kind].append((s, e))
        if hides:
            _hidden_word(text, s, e, found)
    found["suffix"].extend(m.span() for m in _SINGLE_SUFFIX_RE.finditer(text))
    found["place"] = _places_read(text, found["place"])
    found["national"] = _not_read_in_words(text, found["national"], _KNOWN, True)
    found["national"] = [(s, e) for s, e in found["national"] if not _ends_a_name(text, s, e)]
    locs, stems = _loc_candidates(text, found["place"], found["verb"])
    # counties and districts by their full listed name (望都县, 魏都区) head the bodies
    # after them (望都县粮食局); a city's stem is learnt from 中共XX市委 (衡阳市委) instead
    counties = tagged_places(text, found["place"])
    heads = [c for c in counties if text[c[1] - 1] != "市"]
    places = sorted({(s, e) for s, e, _, _ in locs + heads})
    orgs = _org_candidates(text, found["place"], places, found["national"], found["suffix"], stems)
    stems = {s for s in stems if len(s) >= 2 and not _generic(s + "市")}
    at = starts_of(text, stems)
    for stem in stems:
        locs.extend((i, i + len(stem), LOC, {}) for i in at[stem])
    locs += foreign_places(text, found["place"], found["tail"], found["verb"])
    locs += counties
    locs += bare_county_places(text, found["place"], found["tail"], found["verb"])
    locs += _report_places(text)
    if "《" in text:  # newspapers and magazines: 《人民日报》, 《社会周刊》
        orgs += _papers(text, found["place"])
    if "”" in text or "》" in text:
        orgs += _quoted_before_suffix(text, found["suffix"], found["place"])
    orgs += _modern_orgs(text)
    if _CENTRE.in_page(text):
        orgs += _party_centres(text, orgs)
    orgs += congresses(text, orgs)
    orgs += contracted_committees(text, orgs)
    if "（" in text or "(" in text:
        orgs += defined_short_names(text, orgs, found["place"])
    if _COMPANY.in_page(text):
        orgs += bare_company_names(text, orgs, found["place"])
    if _DEVELOPING.in_page(text):  # developing countries: no 中国 in it
        locs = [c for c in locs if not ends_at(text, "发展中国家", c[0] + 3)]
    locs, teams = team_places(text, locs + _list_items(text, locs))
    locs += _sites_of_orgs(text, orgs) + _metro_stations(text, orgs, locs)
    # (a credit's agency or a company may end with a place, 视觉中国, 星巴克中国: it is no
    # place's organisation)
    credits = credit_agencies(text) + business_subjects(text)
    return locs + _not_ending_in_place(_no_title_and_name(text, orgs), locs) + teams + credits


def _metro_stations(text: str, orgs: list[Candidate], locs: list[Candidate]) -> list[Candidate]:
    """A station read as a place right after 地铁 is one place with the metro and the city
    that names it (北京地铁王府井站, 地铁复兴门站: LOC whole in the MSRA gold)."""
    out: list[Candidate] = []
    for s, e, label, attrs in orgs:
        if label == LOC and text[e - 1] == "站" and text.endswith("地铁", 0, s):
            start = s - 2
            city = next((c for c, ce, lab, _ in locs if ce == start and lab == LOC), start)
            out.append((city, e, LOC, attrs))
    return out


# Kinds of park that an organisation's name may open (lexicon ``orgs_park_kinds``).
_SITE_KINDS = tuple(sorted(lexicon.word_set("orgs_park_kinds"), key=len, reverse=True))


def _sites_of_orgs(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """One ORG for an organisation and the kind of site right after it (上海迪士尼 + 乐园):
    the company's park, named and run by it, as news corpora tag parks (MSRA: 8 of its 9
    parks ORG); longer, it wins over the organisation alone."""
    out: list[Candidate] = []
    for s, e, _, _ in orgs:
        kind = next((k for k in _SITE_KINDS if text.startswith(k, e)), None)
        if kind is not None:
            out.append((s, e + len(kind), ORG, {}))
    return out


# The longest name after a title that a section's 科 may end (外交部长普里马科: 普里马 + 科).
_NAME_BEFORE_KE = 4


def _no_title_and_name(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """``orgs`` without those that end in a title and a name (外交部长普里马科)."""
    if "科" not in text:
        return orgs
    return [o for o in orgs if text[o[1] - 1] != "科" or not _title_and_name(text, o[0], o[1])]


def _title_and_name(text: str, s: int, e: int) -> bool:
    """True when the ORG ``text[s:e]``, ending in the section's 科, is a title and a name
    read as a unit (外交部长普里马科夫, 智利队教练阿科, 国会议长哈尔莫科: the 科 ends the person's
    name, no section; 部长理事会 does not end in 科)."""
    title = TITLE_RE.search(text, max(s, e - 1 - _NAME_BEFORE_KE - _TITLE_LONGEST), e - 1)
    return title is not None and e - 1 - title.end() in range(1, _NAME_BEFORE_KE + 1)


def _report_places(text: str) -> list[Candidate]:
    """Places that the form of a report tells: a dateline's (本报汉城6月23日电) and the cities
    of a weather report (海口多云26℃)."""
    out: list[Candidate] = []
    if "℃" in text:
        out += [(m.start(), m.end(), LOC, {}) for m in _WEATHER_CITY_RE.finditer(text)]
    if _DATELINE_END.in_page(text):
        for m in _DATELINE_RE.finditer(text):
            out += dateline_places(*m.span(1), text)
    return out


def _list_items(text: str, locs: list[Candidate]) -> list[Candidate]:
    """The items no rule found of a list of places (卡拉奇、拉合尔、白沙瓦等地; 郑口、饶阳店两镇)."""
    if "、" not in text:
        return []
    found = {(c[0], c[1]) for c in locs}
    items = listed_place_items(text, found) if "等" in text else []
    return [(s, e, LOC, {}) for s, e in items + counted_place_items(text, found)]


# What a party's name ends with (农工民主党, 九三学社, 中国民主同盟, 中国国民党革命委员会,
# 中国民主建国会, 中国民主促进会), and its central committee after it, of a term
# (九三学社第十届中央常务委员会) and its standing committee (致公党中央常务委员会).
_PARTY_ENDS = ("党", "学社", "同盟", "革命委员会", "建国会", "促进会")
_PARTY_LAST = frozenset(end[-1] for end in _PARTY_ENDS)
# (a term's 中央 alone is a title's start: 中国共产党第八届中央委员)
_COMMITTEES = "(?:常务委员会|专门委员会|委员会|常委会)"
_CENTRE_RE = rules_regex.compile(
    f"第?[一二三四五六七八九十]{{1,3}}届中央{_COMMITTEES}|中央{_COMMITTEES}?"
)


def _party_centres(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """A party found as an ORG and the 中央 (委员会) right after it, as one ORG: the
    party's central committee is named by both (农工民主党中央, not 农工民主党 + 中央;
    九三学社第十届中央常务委员会)."""
    found = []
    for s, e, label, attrs in orgs:
        if label != ORG:
            continue
        party_end = e - 2 if text.endswith("中央", s, e) else e  # 致公党中央 (listed) 委员会
        if (
            party_end > s
            and text[party_end - 1] in _PARTY_LAST
            and text.endswith(_PARTY_ENDS, s, party_end)
        ):
            centre = _CENTRE_RE.match(text, party_end)
            if centre is not None and centre.end() > e:
                found.append((s, centre.end(), ORG, attrs))
    return found


def _modern_orgs(text: str) -> list[Candidate]:
    """Listed companies before their stock code (长安汽车(000625)) and organisations in
    Latin letters (Google表示)."""
    return companies_by_code(text) + latin_orgs(text)


def _papers(text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    """Papers in title marks; a country right before one is part of its name
    (智利《信使报》: the paper of that country, as a country's ministry is)."""
    country_at_end = {e: s for s, e in listed if text[s:e] in P.COUNTRY_SET}
    out: list[Candidate] = []
    for m in _PAPER_RE.finditer(text):
        start = country_at_end.get(m.start())
        if start is None:
            out.append(m.span(1) + (ORG, {}) if m.group(1) else (*m.span(), ORG, {}))
        else:
            out.append((start, m.end(), ORG, {}))
    return out


_TITLE_LONGEST = max(map(len, lexicon.words("people_titles")))
_QUOTES = {"”": "“", "》": "《", "」": "「"}
_QUOTED_LONGEST = 14


def _quoted_before_suffix(
    text: str, suffixes: list[tuple[int, int]], listed: list[tuple[int, int]]
) -> list[Candidate]:
    """A name in quotes right before an organisation word: “飞鹰”篮球队, 台湾“海峡
    研究会”考察团 (a listed place before the quotes is taken with them)."""
    place_at_end = {e: s for s, e in listed}
    out: list[Candidate] = []
    for a, b in suffixes:
        # a word of two characters at least: “哈勃”所拍, 《易经》所写 are no names
        opening = _QUOTES.get(text[a - 1 : a]) if a and b - a > 1 else None
        if opening is None:
            continue
        j = text.rfind(opening, max(0, a - _QUOTED_LONGEST), a - 1)
        if j == -1 or a - 1 - j < 2 or not all(is_han(c) or c == "·" for c in text[j + 1 : a - 1]):
            continue
        out.append((place_at_end.get(j, j), b, ORG, {}))
    return out


# Listed strings that are also the tail or head of common words (担任县委 holds 任县,
# 繁荣县域 荣县; 风格力求 格力, 中东社会 中东社): refused where such a word runs across
# their edge.  A county of one character is checked at its start only (沛县县城).
_COUNTIES_OF_ONE = frozenset(P.SHORT_COUNTIES)
# places that are also common words (加纳, 海地, 华夏: lexicon ``places_guarded``)
_GUARDED = frozenset(P.GUARDED)
_KNOWN = frozenset(lexicon.words("orgs_known"))


# The kinds of division that end listed names: after one, the kind may begin the next word
# (沅江市委, 长沙县长) that the organisation and title rules read.
_KIND_ENDS = frozenset("省市县区州")
# Kinds of division of more than one character: left out whole (广西壮族|自治区 is read
# 广西|壮族|自治区, whose last word runs over 广西壮族自治 and cut it).
_LONG_KINDS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗")


def _cut_by_words(text: str, s: int, e: int) -> bool:
    """True when jieba's words cut the listed place ``text[s:e]`` (工作|中|原则上: no 中原),
    its kind of division left out (湖南省|沅江|市委 keeps 沅江市, 广西壮族自治区)."""
    if e - s > 2 and text[e - 1] in _KIND_ENDS:
        long_kind = next((k for k in _LONG_KINDS if text.endswith(k, s, e)), None)
        e -= len(long_kind) if long_kind and e - s - len(long_kind) >= 2 else 1
    return cut_by_words(text, s, e)


# What a known name may end with that is also "as", "and" after a person (任命X为, X和Y)
_ENDS_LIKE_A_LINK = frozenset("为和与")


def _ends_a_name(text: str, s: int, e: int) -> bool:
    """True when a known name at ``s:e`` ends with "as" or "and" and its first character
    ends a person's name of three read right before it (李振华 + 为: no 华为 in
    任命李振华为副市长)."""
    return (
        text[e - 1] in _ENDS_LIKE_A_LINK
        and s >= 2
        and text[s - 2] in SURNAMES
        and plausible_name(text[s - 2 : s + 1])
    )


def _not_read_in_words(
    text: str, spans: list[tuple[int, int]], guarded: frozenset[str], at_end: bool
) -> list[tuple[int, int]]:
    """``spans`` without the ``guarded`` words that a common word runs across (at their
    start, and with ``at_end`` at their end too)."""
    # a county of one character is refused after a word across its start (担任县委)
    if not at_end:
        return [(s, e) for s, e in spans if text[s:e] not in guarded or not crosses_start(text, s)]
    return [
        (s, e)
        for s, e in spans
        if text[s:e] not in guarded or not (_taken_at_start(text, s) or crosses_end(text, e))
    ]


def _guarded_read(text: str, s: int, e: int) -> bool:
    """True when a place that is also a common word (加纳, 海地) is read in other words here:
    增加纳入, 沿海地区."""
    return _taken_at_start(text, s) or crosses_end(text, e)


def _taken_at_start(text: str, s: int) -> bool:
    """True when a known name at ``s`` loses its first character to a word across its start
    and the rest of it reads on as a common word too (许多人大都: 多人 + 大都), or the word
    across takes it whole (集中化管理: 集中化, no 中化).  Where the rest would stand alone the
    name stands (做人大工作, 处理好人大和政府: no 大工, 大和), and so it does after a word
    commoner than the one across its start (加强人大: 加强 over 强人)."""
    if not crosses_start_over(text, s):
        return False
    words = dictionary()
    return words.get(text[s + 1 : s + 3], 0) > COMMON or words.get(text[s - 1 : s + 2], 0) > 0


def _not_ending_in_place(orgs: list[Candidate], locs: list[Candidate]) -> list[Candidate]:
    """The ORG candidates that do not end with a place found inside them, nor inside a
    place that starts inside them: a name ends with its organisation word, so
    ``新华社莫斯科`` (莫斯科 read as name + the suffix 科) is the agency and a dateline's city,
    not one organisation, and ``东方市八所`` + 镇 holds no institute 所 but the town 八所镇."""
    # the latest start of a place that ends at or runs over each position
    starts: dict[int, int] = {}
    get = starts.get
    for s, e, _, _ in locs:
        for i in range(s + 1, e + 1):
            if get(i, -1) < s:
                starts[i] = s
    # (a station or a venue the suffix rules read as a place stays: 贵阳 + 北站, where a
    # district's name 北站 ends 贵阳北站)
    return [o for o in orgs if o[2] == LOC or get(o[1], -1) <= o[0]]


def find_orgs_places(text: str) -> list[Span]:
    """ORG and LOC suggestions (``origin="rule"``), overlaps resolved (longer wins)."""
    from annotator.suggest import resolve_overlaps

    return resolve_overlaps(
        [
            Span(s, e, label, origin="rule", status="suggested", attrs=attrs)
            for s, e, label, attrs in find_org_place_candidates(text)
        ]
    )
