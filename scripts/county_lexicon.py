"""Write ``resources/lexicon/places_counties.txt``: China's county-level divisions.

The names come from the division codes of the National Bureau of Statistics as the
``cpca`` package (MIT licence, https://github.com/DQinYuan/chinese_province_city_area_mapper)
ships them in ``cpca/resources/adcodes.csv`` (version 0.5.5; codes of about 2016: 蓟州区,
still 宁乡县; the newer county-level cities are in places_county_cities).  Each line of
the lexicon is a division's full name, its bare name where that may stand alone, and the
short names of its province and prefecture (tab-separated)::

    宁乡市	宁乡	湖南、长沙
    资源县		广西、桂林

The bare name is the full name without its kind (县 市 区 旗 林区 特区 新区, and for an
autonomous county or banner the names of its peoples too: 长阳土家族自治县 -> 长阳).  It is
given (second field) only when it is no common word, which is decided from general data,
no news corpus:

* it has two characters or more (沛县's 沛 is a word: places_short_counties reads those);
* no other place lexicon holds it (朝阳, 承德, 江山: their own rules read them);
* not all of its characters are compass, water or town words (城东, 河西, 江北, 南郊, 新城:
  parts of any city);
* in jieba's dictionary it is absent, or tagged as a place or a personal name (ns nr nrt
  nrfg) and counted at most 1,000 (平原 7,457 and 长安 5,355 are common words; 昌平 171,
  萧山 63 are not), or counted at most 100 whatever its tag.  Common words tagged otherwise
  stay out: 资源 (n), 比如 (v), 平安 (a), 南部 (f), and so do the other proper nouns (nz),
  mostly names of bodies and brands: 新华, 和平, 红星.

Divisions named only by their kind (城区, 郊区, 矿区) or by one character (沛县), and those
whose full name is a common word (counted over 1,000 in jieba's dictionary and tagged as no
place: 解放区 "the liberated areas", 市辖区 "a city's districts") are left out.

    python scripts/county_lexicon.py [adcodes.csv]   # rewrites the file under resources/lexicon/

Without the CSV the names and parents of the present file are kept and the bare names are
decided again (after a change of jieba or of the other place lexicons).
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "resources" / "lexicon" / "places_counties.txt"
# The kinds of county-level division, longest first.
_KINDS = ("自治县", "自治旗", "林区", "特区", "新区", "区", "县", "市", "旗")
# Characters of the parts of any city or land (compass, water, hills, towns): a bare name
# made of them only names no one place.
_GENERIC_CHARS = frozenset(
    "东西南北中上下前后内外左右城江河湖山海滨关郊街门口桥港湾岛洲新老大小古长"
)
_NAME_TAGS = frozenset(("ns", "nr", "nrt", "nrfg"))
_NAME_CEILING = 1000  # jieba count up to which a word tagged as a name is no common word
_RARE = 100  # jieba count up to which any word is rare
# The other place lexicons: a bare name they hold is read by their rules.
_PLACE_LEXICONS = (
    "places_provinces_full",
    "places_provinces_short",
    "places_prefectures",
    "places_ambiguous",
    "places_county_cities",
    "places_short_counties",
    "places_countries",
    "places_world_cities",
    "places_natural",
    "places_city_nicknames",
    "places_generic",
)
# (An ethnic group's name is written with 族 when it names the people: 东乡族; 东乡 alone is
# the county.)

_HEADER = """\
# County-level divisions of China (counties, districts, county-level cities, banners,
# autonomous counties) by their full names, then (after a tab) the bare name where it may
# stand alone, and the short names of the province and the prefecture, joined by 、.
# Full names are places wherever they stand (the LOC rules of tagged places); a bare name
# only with a cue: after its own province or prefecture (湖南宁乡), in a list beside a
# place, after a verb of going (来自昌平，) or before 境内, 一带, 地区 …
# Source: the division codes of the National Bureau of Statistics (of about 2016: 蓟州区,
# 宁乡县) as shipped by the cpca package 0.5.5 (MIT licence,
# github.com/DQinYuan/chinese_province_city_area_mapper, cpca/resources/adcodes.csv);
# written by scripts/county_lexicon.py, which says how a bare name is chosen (jieba
# {version}: absent, or tagged ns nr nrt nrfg and counted at most {ceiling}, or counted at
# most {rare}; no other place lexicon's; not generic like 城东).
"""


def bare_name(full: str, peoples: list[str]) -> str:
    """``full`` without its kind, and an autonomous division's peoples (长阳土家族自治县 ->
    长阳); "" for a name that is its kind alone."""
    for kind in _KINDS:
        if full.endswith(kind) and len(full) > len(kind):
            stem = full[: -len(kind)]
            if kind.startswith("自治"):
                stem = _without_peoples(stem, peoples)
            return stem
    return ""


def _without_peoples(stem: str, peoples: list[str]) -> str:
    changed = True
    while changed and stem:
        changed = False
        for people in sorted(peoples, key=len, reverse=True):
            for ending in (people + "族", people):
                if stem.endswith(ending):
                    stem, changed = stem[: -len(ending)], True
                    break
            if changed:
                break
        if stem.endswith("各族"):
            stem, changed = stem[:-2], True
    return stem


def _lexicon_words(name: str) -> list[str]:
    path = ROOT / "resources" / "lexicon" / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0].strip() for line in lines if line.strip() and line[0] != "#"]


def _jieba() -> tuple[dict[str, tuple[int, str]], str]:
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, count, tag = line.split(" ")
        words[word] = (int(count), tag)
    return words, jieba.__version__


def may_stand_alone(bare: str, words: dict[str, tuple[int, str]], listed: set[str]) -> bool:
    """True when the bare name ``bare`` is no common word (see the module docstring)."""
    if len(bare) < 2 or bare in listed or _GENERIC_CHARS.issuperset(bare):
        return False
    count, tag = words.get(bare, (0, ""))
    return count <= _RARE or (tag in _NAME_TAGS and count <= _NAME_CEILING)


def _common_word(full: str, words: dict[str, tuple[int, str]]) -> bool:
    """True when jieba counts the full name ``full`` over 1,000 and tags it as no place."""
    count, tag = words.get(full, (0, ""))
    return count > _NAME_CEILING and tag != "ns"


def from_codes(path: Path) -> dict[str, list[str]]:
    """Full name -> parents (province and prefecture short names) from the adcodes CSV."""
    provinces_short = _lexicon_words("places_provinces_short")
    prefectures = sorted(_lexicon_words("places_prefectures"), key=len, reverse=True)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    names = {row["adcode"][:6]: row["name"] for row in rows}

    def short(name: str, shorts: list[str]) -> str:
        return next((s for s in shorts if name.startswith(s)), "")

    out: dict[str, list[str]] = {}
    for row in rows:
        code = row["adcode"]
        if code[6:].strip("0") or code[4:6] == "00":
            continue  # not a county-level division
        parents = [
            short(names.get(code[:2] + "0000", ""), provinces_short),
            short(names.get(code[:4] + "00", ""), prefectures),
        ]
        kept = out.setdefault(row["name"], [])
        kept.extend(p for p in parents if p and p not in kept)
    return out


def from_file() -> dict[str, list[str]]:
    """Full name -> parents of the present lexicon."""
    out: dict[str, list[str]] = {}
    for line in OUT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            out[fields[0]] = [p for p in (fields[2] if len(fields) > 2 else "").split("、") if p]
    return out


def lines(divisions: dict[str, list[str]]) -> list[str]:
    """The lexicon's entries, sorted by full name."""
    words, _version = _jieba()
    listed = {w for name in _PLACE_LEXICONS for w in _lexicon_words(name)}
    peoples = _lexicon_words("places_ethnic_groups")
    out = []
    for full in sorted(divisions):
        bare = bare_name(full, peoples)
        if len(bare) < 2 or _common_word(full, words):
            continue  # 城区, 郊区, 沛县; 解放区 "the liberated areas", 市辖区 "a city's districts"
        shown = bare if may_stand_alone(bare, words, listed) else ""
        out.append(f"{full}\t{shown}\t{'、'.join(divisions[full])}")
    return out


def main() -> None:
    divisions = from_codes(Path(sys.argv[1])) if len(sys.argv) > 1 else from_file()
    _words, version = _jieba()
    header = _HEADER.format(version=version, ceiling=_NAME_CEILING, rare=_RARE)
    text = header + "".join(line + "\n" for line in lines(divisions))
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, OUT)
    print(f"{OUT}: {text.count(chr(10)) - header.count(chr(10))} divisions")


if __name__ == "__main__":
    main()
