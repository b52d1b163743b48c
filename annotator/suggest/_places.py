"""Place-name lists for the LOC and ORG rules: general gazetteers, not sample-page names.

The lists are data files under ``resources/lexicon/`` (``places_*.txt``, read by
:mod:`annotator.lexicon`, where a project can add its own entries); this module gives them names:

* all provincial-level divisions of China (full and short names);
* all prefecture-level divisions (cities, prefectures, leagues) by their short names, as
  in the 2023 administrative division list; an official list, taken whole, so that the
  rules behave alike on every local paper;
* countries and regions often named in Chinese news, and territories often in the news
  (``加沙地带``, ``克里米亚``);
* capitals and major cities of the world (``华盛顿``, ``莫斯科``, ``日内瓦``), a closed
  list as the provinces are (words that are also common words, such as 汉堡 "hamburger",
  万象, 金边, 河内 in 黄河内…, are left out);
* county-level cities by their short names (``江阴``, ``北流``; those that are also common
  words only with 市: ``江山市``);
* China's major rivers, lakes, mountains and seas, the great river deltas and the
  national strategic regions (``珠江三角洲``, ``粤港澳大湾区``, ``雄安新区``); the Earth,
  the Sun and the Moon (ACE's celestial places);
* cities by the other names news text gives them (``京城``, ``羊城``, ``蓉城``).

Short names that are also common words (来宾 "guests", 白银 "silver", 长治 in 长治久安,
大同 in 世界大同, 安康, 日照, 阿里 …) are in :data:`AMBIGUOUS` and only count with a suffix
(市/州/地区/盟).
"""

from __future__ import annotations

from annotator import lexicon
from annotator.suggest._text import is_han
from annotator.suggest._words import COMMON, dictionary

PROVINCES_FULL = lexicon.words("places_provinces_full")
PROVINCES_SHORT = lexicon.words("places_provinces_short")
PREFECTURES = lexicon.words("places_prefectures")
AMBIGUOUS = lexicon.word_set("places_ambiguous")
# The suffix of the prefecture-level divisions that are not cities (autonomous prefectures
# 自治州, usually written …州; areas 地区; leagues 盟): the second field of the list.
SUFFIX = {name: suffix for name, suffix in lexicon.fields("places_prefectures").items() if suffix}
COUNTRIES = lexicon.words("places_countries")
COUNTRY_SET = frozenset(COUNTRIES)  # for membership tests
WORLD_CITIES = lexicon.words("places_world_cities")
NATURAL = lexicon.words("places_natural")
# Places whose names are also common words: only where no word runs across their edges.
GUARDED = lexicon.words("places_guarded")
# County-level cities by their short names; those also common words count only with 市
# (the second field of the list): 江阴, 江阴市; 江山市 but not 江山.
COUNTY_CITIES = lexicon.words("places_county_cities")
COUNTY_SUFFIX_ONLY = frozenset(
    name for name, suffix in lexicon.fields("places_county_cities").items() if suffix
)
# County-level divisions of China by their full names (宁乡县, 昌平区, 萧山区), and their
# bare names (昌平, 萧山: the second field) where one may stand without its kind, with the
# provinces and prefectures of the divisions of that name (the third field: 北京; 浙江、杭州).
COUNTIES = lexicon.words("places_counties")


def _county_parents() -> dict[str, frozenset[str]]:
    parents: dict[str, set[str]] = {}
    for row in lexicon.entries("places_counties"):
        if len(row) > 1 and row[1]:
            above = row[2].split("、") if len(row) > 2 else []
            parents.setdefault(row[1], set()).update(p for p in above if p)
    return {bare: frozenset(above) for bare, above in parents.items()}


# bare name -> the short names of the provinces and prefectures above it
COUNTY_PARENTS = _county_parents()
COUNTY_BARE = frozenset(COUNTY_PARENTS)
# Counties named by one character, written with 县 (沛县, 蔚县).
SHORT_COUNTIES = lexicon.words("places_short_counties")
# Cities by their other names (京城, 羊城, 蓉城).
CITY_NICKNAMES = lexicon.words("places_city_nicknames")
# A project's own places (empty in the bundle): matched like the lists above.
LOCAL = lexicon.words("places_local")

# Words of a route (a train service, a line, a road) whose termini news text may give in
# brackets right after it by their one-character abbreviations: 中欧班列（成渝）.
ROUTE_WORDS = ("班列", "专列", "列车", "动车", "高铁", "铁路", "城际", "快线", "专线", "航线",
               "高速", "公路", "通道")  # fmt: skip
PROVINCE_ABBREVIATIONS = frozenset(lexicon.chars("places_province_abbreviations"))


def route_termini(text: str, s: int) -> bool:
    """True when the two characters at ``s`` fill brackets right after a route's word and
    one of them is a province's one-character name (中欧班列（成渝）: Chengdu and Chongqing,
    no person), the two no common word."""
    return (
        s >= 3
        and text[s - 1 : s] in ("（", "(")
        and text[s + 2 : s + 3] in ("）", ")")
        and text.endswith(ROUTE_WORDS, s - 3, s - 1)
        and is_han(text[s])
        and is_han(text[s + 1])
        and any(c in PROVINCE_ABBREVIATIONS for c in text[s : s + 2])
        and dictionary().get(text[s : s + 2], 0) <= COMMON
    )


# Measure words: a number and its measure word are no part of the place after them
# (１２面党旗, 三座寺, 两所村小; 道 and 家 are left out: 五道口, 三家村 are places).
MEASURES = frozenset("面条座所处名位块间栋幢户只辆艘架张")
# Divisions that a count right before them may name (八所镇 "Basuo town").
NAMED_DIVISIONS = frozenset("县区镇乡村旗")
# After a place's kind, a side of the place or an organ of it (人民路上, 解放路口, 芙蓉区委,
# 某镇政府): the kind is the place's, whatever word the two make.
SIDE_OR_ORGAN = frozenset("上口边旁委政党")


def division_after_count(text: str, e: int) -> bool:
    """True when a division's kind stands at ``e``, right after a count (numerals and a
    measure word), and makes the count its name: it begins no word with the character after
    it, or only a side or an organ of the place (八所镇的, 八所镇上, 八所镇政府 name the town
    Basuo; in 两所村小, 三座村庄 the count counts schools and villages)."""
    if text[e : e + 1] not in NAMED_DIVISIONS:
        return False
    return text[e + 1 : e + 2] in SIDE_OR_ORGAN or not dictionary().get(text[e : e + 2], 0)
