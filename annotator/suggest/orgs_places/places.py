"""LOC by list and by suffix: listed places (湖南, 衡阳市, 长沙县), places found by their
ending after a boundary (…县 …区 …镇 …村 …路 …江), ethnic autonomous divisions
(黔东南苗族侗族自治州), places in a row (衡阳县西渡镇), villages (李家庄) and numbered roads
(国道107线).  The stems of suffixed places are propagated by the package.
"""

from __future__ import annotations

from annotator import lexicon, rules_regex, short_words
from annotator.numerals import NUMERALS
from annotator.suggest import _places as P
from annotator.suggest import _scan
from annotator.suggest._text import HAN, Candidate, is_han, trie_pattern
from annotator.suggest._words import COMMON, crosses_start, dictionary
from annotator.suggest.abbreviations import group_spans
from annotator.suggest.people import SURNAMES as _SURNAMES
from annotator.suggest.people import plausible_name

from .common import _NOT_IN_PLACE, _STOP_CHARS, LOC, PageWords, _generic

# A pattern place never starts with a verb or an adjective of this kind: 加强县乡,
# 改善村容, 主要街道 (the suffix character begins the next word, or the place is generic).
_NOT_PLACE_START = rules_regex.compile(trie_pattern(lexicon.words("places_not_start_words")))
# Nor with a word that stands before an organisation's name and never inside it (lexicon
# ``orgs_stop_words``: 成立县委…小组, 召开县委…会议): the suffix begins an organ there.
_ORG_STOP_START = rules_regex.compile(
    trie_pattern([w for w in lexicon.words("orgs_stop_words") if len(w) > 1])
)
_LAST_STOP_RE = rules_regex.compile(f".*[{_STOP_CHARS}、至经往赴沿]")


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


# Place suffixes: divisions, waters, roads, and landmarks and sites (公园, 广场, 寺, 半岛,
# 机场 …, 植物园, 山庄, 故居, 遗址, 大桥, 隧道, 火车站, 车站, 码头: the guidelines' landmarks and
# sites, LOC in the MSRA gold 4 to 54 times each and never anything else).
_SUFFIX_ALTS = (
    "(?P<s>自治县|自治州|县|区|镇|乡|村|街道|社区|旗|市|江|河|湖|大道|大街|大桥|路|街|巷|胡同"
    "|公园|广场|寺|半岛|岛|湾|国际机场|机场|水库|植物园|动物园|山庄|故居|遗址|隧道|火车站|车站|码头)"
)
# The first characters of the suffixes (a name's end is looked for before one of them).
_SUFFIX_FIRSTS = "县区镇乡村街社旗自市江河湖大路巷胡公广寺半岛湾国机水植动山故遗隧火车码"
# Places found by their ending after a boundary character (which is part of the match;
# the text is scanned with a leading newline so that its start is a boundary too).
_PATTERN_LOC_RE = rules_regex.compile(
    f"{_boundary_class()}(?P<n>[{HAN}]{{1,4}}?(?=[{_SUFFIX_FIRSTS}]){_SUFFIX_ALTS})"
)
# Kinds of landmark that are common nouns of their own (places_generic holds them: 在国际机场
# names none), read as a kind after a name (双流国际机场, 杜勒斯国际机场)
_GENERIC_KINDS = frozenset({"国际机场"})
_ETHNIC = lexicon.words("places_ethnic_groups")
# Autonomous prefectures, counties and banners, and ethnic townships (官庄畲族乡; not
# 汉族乡亲, 各族乡村: 乡 begins a word there).
# (the first group written apart, X(?:X){0,3} for (?:X){1,4}: a pattern that begins with the
# trie's class of first characters is looked for by ``re`` in C, one that begins with a
# repeat is tried at every position of the page, three times as slow)
_ETHNIC_TRIE = trie_pattern(_ETHNIC)
_AUTONOMOUS_RE = rules_regex.compile(
    f"(?:{_ETHNIC_TRIE}族)(?:{_ETHNIC_TRIE}族){{0,3}}"
    "(?:自治(?:州|县|旗)|乡(?![亲村镇下土间里愁音邻民]))"
)
# An ethnic group named by two or more characters before 族 (维吾尔族, 哈萨克族, 土家族):
# the name is a place in the MSRA gold (11 of 11 in a dev slice); those of one character
# (藏族, 壮族, 苗族) are not tagged.
_ETHNIC_NAME_RE = rules_regex.compile(
    f"(?:{trie_pattern([w for w in _ETHNIC if len(w) > 1])})(?=族)"
)
_SUFFIX_KIND = {"市": (2, 2), "江": (1, 2), "河": (1, 2), "湖": (1, 2), "大道": (2, 4),
                "大街": (2, 4), "路": (2, 4), "街": (2, 4), "巷": (2, 4), "胡同": (2, 4),
                "公园": (2, 4), "广场": (2, 4), "寺": (2, 3), "半岛": (2, 4), "岛": (2, 3),
                "湾": (2, 3), "国际机场": (2, 4), "机场": (2, 4), "水库": (2, 3), "植物园": (2, 4), "动物园": (2, 4),
                "山庄": (2, 4), "故居": (2, 4), "遗址": (2, 4), "大桥": (2, 4), "隧道": (2, 3),
                "火车站": (2, 3), "车站": (2, 4), "码头": (2, 3)}  # fmt: skip
_ADMIN_TAIL_RE = rules_regex.compile(
    f"[{HAN}]{{2,3}}?(?:自治县|自治州|县|区|镇|乡|村|街道|社区|旗"
    # 山西省河津市: a county-level city (not 市场, 市民, 市委 … after it)
    "|市(?=[^场民委政区级域直情长领容县里内外属值面井中人]|$))(?![级域直情长])"
)


# Characters that make a common word with a one-character place suffix (路线, 旗袍, 湖泊,
# 河流, 岛屿, 寺庙): before them the suffix character is that word's, no place's end.
_SUFFIX_WORD_NEXT = {
    "路": "线过费",
    "旗": "帜下号袍手杆舰",
    "湖": "泊",
    "河": "流",
    "岛": "屿",
    "寺": "庙",
    "桥": "梁墩",  # 亚洲最大桥梁: no bridge 亚洲最大桥
}


def _kind_begins_word(text: str, e: int) -> bool:
    """True when the place's last character and the one after ``e`` make a common word."""
    if e >= len(text) or text[e] not in _SUFFIX_WORD_NEXT.get(text[e - 1], ""):
        return False
    # (集团旗下 "under the group's banner", but 正蓝旗下辖 is the banner and what it governs)
    return not text.startswith(_GOVERNS, e)


# What a division governs, read after it (正蓝旗下辖多个苏木, 某县下辖): no word of its kind.
_GOVERNS = "下辖"


# After 市 these begin a word (市委 市政府 市民 市场 市级 …); a pattern place "XX市"
# right before them is more often a verb + that word.
_AFTER_CITY_WORD = frozenset("委政民场区级域直情长领容县里内外属值面井中人")


# A count before a division names how many, not which (要两市联手, 三县一区, 几省): no
# city, county or province is named with a numeral right before its suffix.
_COUNT_LAST = frozenset("两几数双一二三四五六七八九十")
_COUNTED_KINDS = frozenset("省市县区")


def _pattern_place_ok(name: str, suffix_len: int) -> bool:
    prefix = name[: len(name) - suffix_len]
    return (
        # 沛县县城: a name that already ends with the suffix is the place; the second 县
        # begins the next word (县城, 县委), never a place 沛县县
        prefix[-1:] != name[-suffix_len]
        and not (name[-1] in _COUNTED_KINDS and prefix[-1:] in _COUNT_LAST)
        # (a landmark's kind that is a common noun itself, 国际机场, asks it of the name)
        and not _generic(prefix if name[-suffix_len:] in _GENERIC_KINDS else name)
        and _NOT_IN_PLACE.isdisjoint(prefix)
        and not _NOT_PLACE_START.match(prefix)
        and not _ORG_STOP_START.match(prefix)
        # 湖南县乡两级, 广东区县: no county is named after a province
        and not _after_province(name)
        and not _area_of_a_kind(name, prefix)
        and not _slogan(prefix)
    )


# Verbs of a slogan's "X makes the place thrive / be governed / strong" (科教兴市, 依法治县,
# 工业强省): the place's kind after them is the slogan's object, no place's suffix.
_SLOGAN_VERBS = frozenset("兴治强")


def _slogan(prefix: str) -> bool:
    """True when ``prefix`` ends with a common word + a slogan's verb (科教兴, 依法治): no
    place is named so (嘉兴, 长兴, 宜兴: one character before 兴)."""
    return (
        len(prefix) >= 3
        and prefix[-1] in _SLOGAN_VERBS
        and dictionary().get(prefix[-3:-1], 0) > COMMON
    )


_LISTED_DISTRICTS = frozenset(n for n in P.COUNTIES if n[-1] in "区县")


def _area_of_a_kind(name: str, prefix: str) -> bool:
    """True when ``name`` is a common word + 区 or 县 that no list holds: an area or a
    county of a kind (居民区, 降雨区, 项目区, 珊瑚礁区; 贫困县, 试点县, 项目县), not a district
    or a county (jieba tags no place there; listed ones named by common words stay: 和平区,
    鼓楼区, 和平县)."""
    return (
        name[-1] in "区县"
        and len(prefix) >= 2
        and dictionary().get(prefix, 0) > COMMON
        and short_words.tags().get(prefix) != "ns"
        and name not in _LISTED_DISTRICTS
    )


def _listed_locs(text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    out: list[Candidate] = []
    # the end of the group that holds each position after its start (groups never overlap:
    # one look-up a place, where a test of every group for every place was quadratic)
    group_end = {i: ge for gs, ge in group_spans(text) for i in range(gs + 1, ge)}
    for s, e in listed:
        if group_end.get(s, e) < e:
            continue  # 欧美国家: 美 ends the group 欧美; 美国 is not read across it
        if text[s:e] in _NATURAL and _names_a_thing(text, s, e):
            continue  # 北极熊, 红海洋: a thing named after the place
        if text[s:e] in _DIRECTIONS and _a_direction(text, s, e):
            continue  # 晋西北, 西北方向: the side of a place or a direction, no region
        if _county_of_the_city(text, s, e):
            e += 1  # 衡阳县, 长沙县: a county named after its city
        elif (
            text[e - 1] == "市"
            and e - s > 2
            and (
                (text[e : e + 1] in _CITY_WORD_SECOND and text[e : e + 2] not in _CITY_BODY_WORDS)
                or _city_part_at(text, e)
            )
        ):
            e -= 1  # 北京市民, 上海市场, 武汉市区: the city and a word that starts with 市
        elif text[e : e + 1] in _FORM_FIRST:
            e = _with_form_of_state(text, s, e)
        out.append((s, e, LOC, {}))
    return out


# Provinces by their short names: no county is named after one (湖南县乡两级: 湖南 + 县乡).
_PROVINCES_SHORT = frozenset(P.PROVINCES_SHORT)


def _after_province(name: str) -> bool:
    """True when ``name`` is a province's short name + 县 or 区 and more (湖南县乡)."""
    return any(name[n : n + 1] in ("县", "区") and name[:n] in _PROVINCES_SHORT for n in (2, 3))


def _county_of_the_city(text: str, s: int, e: int) -> bool:
    """True when 县 or 区 after the listed place ``text[s:e]`` makes the county or district
    named after it (衡阳县, 长沙县): not after a province (湖南县乡, 广东县城) nor where it
    begins 县级, 县域, 区域, 区级 (衡阳县级领导: 衡阳 + 县级)."""
    return (
        text[e : e + 1] in ("县", "区")
        and text[e - 1] not in "省市县区州"
        and text[e + 1 : e + 2] not in ("级", "域")
        and text[s:e] not in _PROVINCES_SHORT
    )


# After a listed city's 市 these make a word with it (市民, 市场): the 市 is that word's.
_CITY_WORD_SECOND = frozenset("民场")
# … but the city's 市 stays before a word that names what a city's body deals with
# (广州市民营企业, 武汉市民政局, 某市民族宗教事务局).
_CITY_BODY_WORDS = frozenset(("民政", "民族", "民营", "民宗", "民委", "民兵", "民防", "民航"))
# After 市 these make a word of a part of the city (市区 "urban area", 市中心, 市内, 市郊): the
# city is the name alone (武汉市区, 巴黎市中心, 马赛市内, 重庆市郊); not 市区域, 市郊区, 市郊县.
_CITY_PARTS = ("区", "中心", "内", "郊")
_NOT_CITY_PARTS = ("区域", "郊区", "郊县")


def _city_part_at(text: str, i: int) -> bool:
    """True when ``text[i:]`` goes on 市 at ``i - 1`` into a word for a part of the city."""
    return text.startswith(_CITY_PARTS, i) and not text.startswith(_NOT_CITY_PARTS, i)


_WORLD_CITIES = frozenset(P.WORLD_CITIES)
_STATE_FORMS = ("共和国", "王国", "联邦", "合众国", "大公国")
_FORM_FIRST = frozenset("共王联合大市州特")
# After a foreign city or state these begin the next word (马赛市长, 纽约州长), not 市 or 州.
_AFTER_CITY_TITLE = frozenset("长委府政民区级")
# A city's emblems: 市花, 市徽 (not 花卉, 花园: 香港市花 is 香港's flower, 某市花园路 a city).
_EMBLEM_FIRST = frozenset("花徽")
_NOT_EMBLEM_NEXT = frozenset("卉园草木生店坛圃")


def _city_emblem_at(text: str, e: int) -> bool:
    """True when ``text[e-1:]`` begins with 市 + an emblem word (市花, 市徽): the 市 is that
    word's, no city's."""
    return text[e : e + 1] in _EMBLEM_FIRST and text[e + 1 : e + 2] not in _NOT_EMBLEM_NEXT


def _with_form_of_state(text: str, s: int, e: int) -> int:
    """The end of a listed foreign place with the word that names its kind: a country's
    form of state (塞尔维亚共和国, 挪威王国, 俄罗斯联邦), a city's or a state's 市 or
    州 (马赛市, 阿肯色州), 香港特区."""
    name = text[s:e]
    if name in P.COUNTRY_SET:
        form = next((f for f in _STATE_FORMS if text.startswith(f, e)), "")
        return e + len(form)
    if (
        name in _WORLD_CITIES
        and text[e : e + 1] in ("市", "州")
        and (e + 1 == len(text) or text[e + 1] not in _AFTER_CITY_TITLE)
        and not (text[e] == "市" and (_city_part_at(text, e + 1) or text[e + 1 : e + 2] == "场"))
        and not _city_emblem_at(text, e + 1)
    ):
        return e + 1
    if name in ("香港", "澳门") and text.startswith("特区", e):
        return e + 2
    return e


_NATURAL = frozenset(P.NATURAL)
# China's regions named by a direction (places_natural) …
_DIRECTIONS = frozenset(("东北", "西北", "西南", "东南"))
# … are a side of the place before them when it ends with a division's kind or is a
# province's one-character abbreviation (晋西北, 湘西南, 老区东北边缘)
_BEFORE_A_SIDE = frozenset(
    "省市县区州镇乡村京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔滇藏陕甘陇"
)
# … and a direction before a word of a side or a direction (西北方向, 东南侧, 东北角;
# 东南、西北方向 too)
_SIDE_WORD_FIRST = frozenset("方向风侧部角面边端")


def _a_direction(text: str, s: int, e: int) -> bool:
    """True when the region ``text[s:e]`` named by a direction (东北) is a side of the place
    before it or a direction (see ``_BEFORE_A_SIDE``, ``_SIDE_WORD_FIRST``)."""
    if s > 0 and text[s - 1] in _BEFORE_A_SIDE:
        return True
    while text[e : e + 1] == "、" and text[e + 1 : e + 3] in _DIRECTIONS:
        e += 3
    return text[e : e + 1] in _SIDE_WORD_FIRST


# Characters after a natural feature that name a part of it, a place on it or its people
# (长江口, 东海岸, 洞庭湖畔, 昆仑山脉, 南极洲, 关中人) or a body named after it (长江局,
# 泰山队), besides the place suffixes: with them a dictionary word stays a place.
_PART_OF_PLACE = frozenset("县区镇乡村街社旗市江河湖路巷寺岛湾水口岸畔麓脉洲州省郡人族队局")
# jieba count from which place + character is a word of its own (红海洋 5, 北极熊 67)
_THING_COUNT = 5


def _names_a_thing(text: str, s: int, e: int) -> bool:
    """True when the natural feature ``text[s:e]`` and the character after it make a
    dictionary word for a thing named after the place (北极熊, 华南虎, 红海洋), unless that
    character begins a word of its own (江南西部: 西部)."""
    if e >= len(text) or text[e] in _PART_OF_PLACE:
        return False
    words = dictionary()
    return words.get(text[s : e + 1], 0) >= _THING_COUNT and words.get(text[e : e + 2], 0) <= COMMON


# One pattern per length of the name before the suffix (1 to 4 characters): when the
# shortest reading fails (宁乡 + 乡 in 宁乡县), the next longer one is tried.
# The first characters of the suffixes: a longer reading needs one of them after the end.
_SUFFIX_START = frozenset(_SUFFIX_FIRSTS)
_PLACE_AT_RES = [rules_regex.compile(f"[{HAN}]{{{n}}}{_SUFFIX_ALTS}") for n in range(1, 5)]
# Verbs after which a place found by its ending may stand (走进大成桥乡, 深入雁峰区).
# (The package's scan of listed words finds them.)
CUE_VERBS = lexicon.words("places_cue_verbs")
_CUE_VERB_SET = frozenset(CUE_VERBS)


# Prepositions that may stand between a boundary and a place (，同西渡镇签约, 距大屯村两公里;
# 如 "such as": 如九澳码头, 如西湖) and begin place names only as the first character of a
# word (同心县, 临沂, 连云港, 朝阳, 如皋).
_PREPOSITIONS = frozenset("和同跟离距自比连除凭靠朝临如")


# A digit before a date's unit makes it the end of a date (1997年, 6月, 21日).
_DATE_UNITS = frozenset("年月日号时")
_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _without_words_before(text: str, s: int, name: str) -> tuple[str, int]:
    """``name`` read at ``s`` and its start without the words before the place: a verb of
    going (离开家乡, 走进XX村), a boundary character (位于芙蓉区) and a word that the
    boundary character begins (被告乌咀乡: 被告)."""
    if name[0] in _DATE_UNITS and s > 0 and text[s - 1] in _DIGITS:
        name, s = name[1:], s + 1  # 1997年浦北县: a date's unit ends the date, no place begins
    verb = 3 if name[:3] in _CUE_VERB_SET else 2 if name[:2] in _CUE_VERB_SET else 0
    if verb:
        name, s = name[verb:], s + verb
    cut = _LAST_STOP_RE.match(name)
    if cut:
        name, s = name[cut.end() :], s + cut.end()
    if name[0] in _PREPOSITIONS and not dictionary().get(name[:2], 0):
        name, s = name[1:], s + 1  # 同西渡镇, 离大屯村; not 同心县, 临沂市 (words)
    counted = _counted(text, s, name)
    if counted and not (len(name) - counted == 1 and P.division_after_count(text, s + counted)):
        # (a count and a division's kind alone: the division's name, 八所镇)
        return name[counted:], s + counted
    if _boundary_begins_word(text, s):
        name, s = name[1:], s + 1
    return name, s


# Numerals (and words of a vague number) that count what follows them (see P.MEASURES).
_NUMERALS = NUMERALS | {"几", "数"}
_MEASURES = P.MEASURES


def _counted(text: str, s: int, name: str) -> int:
    """How many characters at the start of ``name`` (read at ``s``) are a count: numerals
    and a measure word, or a measure word right after a written number (１２面党旗)."""
    i = 0
    while i < len(name) - 1 and name[i] in _NUMERALS:
        i += 1
    if name[i] in _MEASURES and (i or (s > 0 and text[s - 1] in _NUMERALS)):
        return i + 1
    return 0


# The longest idiom or fixed phrase looked for across a place's end (半壁河山).
_PHRASE_LONGEST = 4


def _in_phrase(text: str, s: int, e: int) -> bool:
    """True when a word of three or four characters of jieba's dictionary starts inside the
    place ``text[s:e]`` and runs past its end: 半壁河山 holds no river 半壁河, 万里江山 no
    river either."""
    if e >= len(text) or not is_han(text[e]):
        return False
    words = dictionary()
    return any(
        words.get(text[j : e + 1], 0) > 0 for j in range(max(s, e + 1 - _PHRASE_LONGEST), e - 1)
    )


def _pattern_place(text: str, s: int, name: str, suffix: str) -> tuple[int, int] | None:
    """``(start, end)`` of the place ``name`` (ending with ``suffix``) read at ``s``, or None."""
    lo, hi = _SUFFIX_KIND.get(suffix, (2, 3))
    if len(name) - len(suffix) < lo:
        return None  # (cutting a verb or a boundary off the front only shortens it)
    name, s = _without_words_before(text, s, name)
    e = s + len(name)
    if not lo <= len(name) - len(suffix) <= hi or not _pattern_place_ok(name, len(suffix)):
        return None
    nxt = text[e : e + 1]
    if suffix not in _SUFFIX_KIND and nxt and nxt in "级域直情长":
        return None  # 县级, 区域, 县长: the suffix begins the next word
    if (
        suffix == "市" and nxt and (nxt in _AFTER_CITY_WORD or _city_emblem_at(text, e))
    ) or _kind_begins_word(text, e):
        # 推动市委, 欢迎市民, 王明路线, 传统旗袍: the suffix character begins a word
        return None
    if suffix in _LANDMARKS and (_NOT_PLACE_START.search(name) or _ends_listed(name)):
        return None  # 希望台湾, 山东青岛, 许多寺: a verb or a listed place, not a landmark
    if _read_in_words(text, s, e, suffix):
        return None
    return s, e


def _read_in_words(text: str, s: int, e: int, suffix: str) -> bool:
    """True when the text at the place ``text[s:e]`` found by its ending reads as common
    words, not as a place's name."""
    if len(suffix) == 1 and (
        _two_words(text, s, e - 1)
        or _joined_words(text, s, e - 1)
        or (suffix in _DIVISION_KINDS and _kinds_in_a_row(text, s, e))
    ):
        # 思想路线, 探寻乡镇, 届时湖北: two common words, no place; 推行乡、村政务公开,
        # 总结镇、村两级: kinds of division, no place
        return True
    if len(suffix) == 1 and e - s > 2 and _suffix_begins_word(text, s, e):
        return True  # 很受村民, 调进县城, 要靠乡镇: the suffix begins a word
    if suffix in _WATERS and e - s == 3 and _not_a_water(text, s, e):
        return True  # 辛业江, 喝长江: a person's name, a verb and a river
    if suffix == "乡" and dictionary().get(text[e - 2 : e], 0) > _WORD_COUNT:
        return True  # 青年返乡, 文化下乡, 第二故乡: 乡 ends a word, no township
    if _in_phrase(text, s, e):
        return True  # 半壁河山: an idiom runs across the end
    # 半小时山路, 不走回头路: a word for a way, no road's name
    return suffix == "路" and _ends_with_way_word(text, s, e)


_WATERS = frozenset("江河湖")


def _not_a_water(text: str, s: int, e: int) -> bool:
    """True when the river or lake ``text[s:e]`` of three characters is a person's name (a
    surname and a given name: 辛业江, 黄宗江) or a word before a water that jieba knows as a
    place (喝 + 长江, 过 + 延河, 像 + 清江), unless jieba's dictionary counts the name as a word
    of its own (秦淮河, 富春江, 梁子湖; a person's name that it holds is rarer: 辛业江 14)."""
    name = text[s:e]
    words = dictionary()
    if words.get(name, 0) > _NAMED_WATER:
        return False
    if words.get(name[1:], 0) > COMMON and short_words.tags().get(name[1:]) == "ns":
        return True  # (a known place of its own: 长江, 黄河; not 梁河 of 栋梁河, 滦河)
    return name[0] in _SURNAMES and plausible_name(name)


# jieba count from which a river or lake of three characters is a word of its own
_NAMED_WATER = 20


def _suffix_begins_word(text: str, s: int, e: int) -> bool:
    """True when the one-character suffix of ``text[s:e]`` begins a common word with what
    follows it (村民, 县城, 乡镇, 镇静; not 江堤, counted 31) and the name before it is no
    place that jieba knows (宁乡 + 县城 stays): the text reads as words there, not as a place
    (很受村民, 调进县城, 要靠乡镇, 病人有镇静).  Checked for names of two characters or more
    (a name of one, 椒 + 江面粉厂, is no word to read)."""
    if text[e : e + 1] in _SIDE_OR_ORGAN or (text[e : e + 1] == "水" and text[e - 1] in "江河湖"):
        return False  # 人民路口, 解放路上, 芙蓉区委, 临水河水: a side, an organ, its water
    if _ADMIN_TAIL_RE.match(text, e):
        return False  # 汪甸乡下塘村: a place after the place (乡下 is no word there)
    words = dictionary()
    if max(words.get(text[e - 1 : e + 1], 0), words.get(text[e - 1 : e + 2], 0)) <= COMMON:
        return False
    return short_words.tags().get(text[s : e - 1]) != "ns"


# jieba count from which a word ending in 路 is a common word for a way (回头路 11, 山路 686)
_WAY_COUNT = 10
# A compass character or 中 before 路 names a section of a road (中山北路, 淮海中路).
_SECTION = frozenset("东西南北中")


def _ends_with_way_word(text: str, s: int, e: int) -> bool:
    """True when the road ``text[s:e]`` ends with a dictionary word for a way (山路, 大路,
    回头路) and what stands before 路 is no word: a road's name is a word (中山路, 五一路:
    山路 and 一路 end them too) or a name, not a phrase (半小时山路, 无论大路, 不走回头路)."""
    words = dictionary()
    if words.get(text[s : e - 1], 0) or text[e - 2] in _SECTION:
        return False
    return any(words.get(text[e - n : e], 0) >= _WAY_COUNT for n in (3, 2) if e - n > s)


# Kinds of division that a pattern place may end with and that news text lists as kinds
# (县、乡、村三级; 推行乡、村政务公开).
_DIVISION_KINDS = frozenset("省市县区乡镇村")


def _kinds_in_a_row(text: str, s: int, e: int) -> bool:
    """True when the place ``text[s:e]`` ending with a division's kind is one of kinds in a
    row: its name is a common word and another kind follows after 、 (推行乡、村政务,
    总结镇、村两级; not 平江县、乡、村三级: 平江 is a name), or its name begins with a kind
    and is no word (村帐乡管, 并乡扩镇: the kinds of two words, no township)."""
    words = dictionary()
    if text[s] in _DIVISION_KINDS:
        return not words.get(text[s : s + 2], 0)
    return (
        text[e : e + 1] == "、"
        and text[e + 1 : e + 2] in _DIVISION_KINDS
        and words.get(text[s : e - 1], 0) > COMMON
    )


def _two_words(text: str, s: int, a: int) -> bool:
    """True when the name before a place suffix at ``a`` is a common word and the suffix's
    first character begins another with the character after it (思想 + 路线, 有些 + 乡镇,
    去年 + 镇政府): the text reads as two words, not as a place.  Checked on a slice of
    MSRA train: 25 wrong candidates go.  A side of the place after it (人民路上, 解放路口)
    keeps it, and so does an organ of it (芙蓉区委, 某镇政府)."""
    if text[a + 1 : a + 2] in _SIDE_OR_ORGAN:
        return False
    words = dictionary()
    return words.get(text[s:a], 0) > COMMON and (
        words.get(text[a : a + 2], 0) > COMMON or words.get(text[a : a + 3], 0) > COMMON
    )  # (有些 + 村干部: a word of three characters too)


_SIDE_OR_ORGAN = P.SIDE_OR_ORGAN
# Conjunctions that begin place names too (和平区, 同心县) and so are no boundary: inside a
# would-be name they may join two words instead (纪委和村委会, 党委和镇政府).
_JOINING = frozenset("和同跟")


def _joined_words(text: str, s: int, a: int) -> bool:
    """True when the name before a place suffix at ``a`` is a common word + a conjunction
    and the suffix begins a word (纪委和 + 村委会, 党委和 + 镇政府, 工厂和 + 村庄): two words
    joined, no village (太和村, 永和镇: one character before 和 is part of the name)."""
    if a - s < 3 or text[a - 1] not in _JOINING:
        return False
    words = dictionary()
    return words.get(text[s : a - 1], 0) > COMMON and (
        words.get(text[a : a + 2], 0) > 0 or words.get(text[a : a + 3], 0) > 0
    )


# jieba count from which two characters ending in 乡 are a word (返乡 49, 下乡 439)
_WORD_COUNT = 20
_LANDMARKS = frozenset(
    ("公园", "广场", "寺", "半岛", "岛", "湾", "国际机场", "机场", "水库", "植物园", "动物园", "山庄", "故居",
     "遗址", "大桥", "隧道", "火车站", "车站", "码头")
)  # fmt: skip
# Listed places that end like a landmark (台湾, 青岛, 海湾): a landmark found by pattern
# never ends with one of them.
_LISTED_LANDMARK_ENDS = frozenset(
    f
    for f in (*P.COUNTRIES, *P.WORLD_CITIES, *P.NATURAL, *P.PREFECTURES, *P.PROVINCES_SHORT)
    if f[-1] in "园场寺岛湾库"
)


def _ends_listed(name: str) -> bool:
    return any(name[-n:] in _LISTED_LANDMARK_ENDS for n in (2, 3, 4) if n < len(name))


def _place_from(text: str, s: int, shortest: int = 1) -> tuple[int, int] | None:
    """The shortest place by pattern that starts at ``s`` with a name of at least
    ``shortest`` characters before its suffix."""
    for regex in _PLACE_AT_RES[shortest - 1 :]:
        m = regex.match(text, s)
        if m is not None:
            found = _pattern_place(text, s, m.group(0), m.group("s"))
            if found is not None:
                return found
    return None


def _boundary_begins_word(text: str, s: int) -> bool:
    """True when the boundary character before ``s`` and the first character of the name
    make a common word, commoner than the name's first two characters: 被 + 告 in
    被告乌咀乡 (a word before the place is no part of it)."""
    if s < 1 or not is_han(text[s - 1]):
        return False
    words = dictionary()
    across = words.get(text[s - 1 : s + 1], 0)
    return across > COMMON and across > words.get(text[s : s + 2], 0)


def _pattern_places(text: str, verbs: list[tuple[int, int]]) -> list[Candidate]:
    """Places found by their ending after a boundary character or a cue verb."""
    out: list[Candidate] = []
    for m in _PATTERN_LOC_RE.finditer("\n" + text):
        name, suffix = m.group("n"), m.group("s")
        s = m.start("n") - 1
        found = _pattern_place(text, s, name, suffix)
        e = s + len(name)
        if (
            found is None
            and len(name) - len(suffix) < 4
            and _SUFFIX_START.intersection(text[e : e + 3])
        ):
            found = _place_from(text, s, len(name) - len(suffix) + 1)  # 在宁乡县
        if found is not None:
            out.append((*found, LOC, {}))
    for s, e in verbs:
        if text[s:e] not in _CUE_VERB_SET:
            continue  # a verb of travel only (foreign places)
        found = _place_from(text, e)
        if found is not None:
            out.append((*found, LOC, {}))
    return out


def _not_cutting(found: list[Candidate], listed: list[tuple[int, int]]) -> list[Candidate]:
    """The places found by pattern that do not end inside a listed place (通过耶路 +
    撒冷, 要求塞浦路 + 斯: the 路 of a listed name is no road)."""
    if not listed:
        return found
    inner = {i for s, e in listed for i in range(s + 1, e)}
    return [c for c in found if c[1] not in inner]


_AUTONOMOUS = PageWords("族自治", "族乡")


def _loc_candidates(
    text: str, listed: list[tuple[int, int]], verbs: list[tuple[int, int]]
) -> tuple[list[Candidate], set[str]]:
    out = _listed_locs(text, listed) + _not_cutting(_pattern_places(text, verbs), listed)
    if "族" in text and _AUTONOMOUS.in_page(text):  # (one character first: faster)
        # ethnic autonomous prefectures and counties (黔东南苗族侗族自治州), townships
        starts = {e: s for s, e, _, _ in out}
        for m in _AUTONOMOUS_RE.finditer(text):
            a = m.start()
            s = starts.get(a)
            if s is None:
                s = a - 2
                if s < 0 or any(not is_han(c) or c in _NOT_IN_PLACE for c in text[s:a]):
                    continue
            out.append((s, m.end(), LOC, {}))
    if "族" in text:
        out += [
            (m.start(), m.end(), LOC, {})
            for m in _ETHNIC_NAME_RE.finditer(text)
            if not crosses_start(text, m.start())
        ]
    # a place right after a place: 衡阳县西渡镇. What follows a place depends on its end
    # alone: each end is read once (places ending alike, 北京 and 北京市 in 北京市北京市…,
    # each read the whole chain after them again, quadratic in a long run of places).
    queue = list(out)
    place_starts = {s for s, _, _, _ in out}
    read: set[int] = set()
    while queue:
        s, e, _, _ = queue.pop()
        if e in read:
            continue
        read.add(e)
        tail = _ADMIN_TAIL_RE.match(text, e)
        if (
            tail
            and _pattern_place_ok(tail.group(0), 1)
            # 北京市和石首市, 长沙县和宁乡县: a conjunction joins two places (天津市和平区:
            # no place starts at 平)
            and not (text[e] in _CONJUNCTIONS and e + 1 in place_starts)
            # 中国传统旗袍: the kind character begins a word of its own
            and not _kind_begins_word(text, tail.end())
            # 故城县推行乡、村政务: a kind among kinds in a row, no place
            and not _kinds_in_a_row(text, e, tail.end())
        ):
            cand: Candidate = (e, tail.end(), LOC, {})
            out.append(cand)
            queue.append(cand)
    out += _sites_after_listed(text, listed)
    out += _extended_listed(text, listed)
    out += _villages_and_roads(text)
    out += [(m.start(), m.end(), LOC, {}) for m in _COMPASS_REGION_SCAN.finditer(text)]
    out += _regions_listed(text)
    stems = {text[s : e - 1] for s, e, _, _ in out if e - s >= 3 and text[e - 1] in "省市县"}
    return out, stems


# What joins two places in a list: a place after it is no division of the one before.
_CONJUNCTIONS = frozenset("和与及")


# The suffixes of places within a city or a region that a listed place may name right
# before them (南京玄武湖, 杭州西湖, 北京首都机场): waters, roads and landmarks, not the
# divisions (the chain of divisions reads those).
_SITE_SUFFIXES = frozenset(_SUFFIX_KIND)
_SITE_FIRST = frozenset(suffix[0] for suffix in _SITE_SUFFIXES)
# The longest name before such a suffix: longer readings run into the words after a place
# (北京知青郭路生, 纽约城时代广场).
_SITE_NAME_LONGEST = 2


# Words that make one larger place of a listed place (舟山群岛, 南亚次大陆, 渤海湾): lexicon
# ``places_extensions``; not before a character that makes a word of the last one (湾仔).
_EXTENSIONS = tuple(lexicon.words("places_extensions"))
_EXTENSION_FIRST = frozenset(w[0] for w in _EXTENSIONS)
_NOT_AFTER_EXTENSION = frozenset("仔区内外边")


def _extended_listed(text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    """A listed place with a word of ``_EXTENSIONS`` right after it, as one place."""
    out: list[Candidate] = []
    for s, e in listed:
        if text[e : e + 1] not in _EXTENSION_FIRST:
            continue
        for word in _EXTENSIONS:
            end = e + len(word)
            if text.startswith(word, e) and text[end : end + 1] not in _NOT_AFTER_EXTENSION:
                if not _kind_opens_word(text, s, e, word):
                    out.append((s, end, LOC, {}))
                break
    return out


# One-character extensions that a listed place names one landmark or port with (岳阳楼,
# 重庆港, 神户港) only where the character begins no word with the next one (香港楼价,
# 南非港口城市: the place and a word): lexicon ``places_extensions``.
_WORD_EXTENSIONS = frozenset("楼港")


def _kind_opens_word(text: str, s: int, e: int, word: str) -> bool:
    """True when the extension ``word`` after the listed place ``text[s:e]`` is one of
    ``_WORD_EXTENSIONS`` and opens a word of the dictionary with the character after it
    (楼价, 楼顶, 港口, 港务), or follows a place of one character (中港, 港台: abbreviations) or
    one that ends with such a character (香港楼股: Hong Kong's property shares)."""
    if word not in _WORD_EXTENSIONS:
        return False
    end = e + len(word)
    if e - s < 2 or text[e - 1] in _WORD_EXTENSIONS:
        return True
    return dictionary().get(text[end - 1 : end + 1], 0) > 0


def _sites_after_listed(text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    """A lake, a river, a road or a landmark found by its ending right after a listed place:
    Chinese names the larger place first (南京玄武湖), so the listed place is the boundary
    that the pattern rules want before a name."""
    out: list[Candidate] = []
    for _s, e in listed:
        if e >= len(text) or not _SITE_FIRST.intersection(text[e + 1 : e + 3]):
            continue  # no suffix after a name of one or two characters
        for regex in _PLACE_AT_RES[:_SITE_NAME_LONGEST]:
            m = regex.match(text, e)
            if m is None or m.group("s") not in _SITE_SUFFIXES:
                continue
            found = _pattern_place(text, e, m.group(0), m.group("s"))
            if found is not None and found[0] == e:
                out.append((*found, LOC, {}))
                break
    return out


# China's compass regions before a word of area or part, as weather reports and the economy
# pages write them (西南地区东部, 东北大部, 东北三省); not 东北风, 东北部, 东北方向.
_COMPASS_REGION_RE = rules_regex.compile(
    "(?:东北|西北|西南|东南)(?=地区|大部|中部|南部|北部|东部|西部|全境|各地|三省|各省)"
)
_COMPASS_REGION_SCAN = _scan.Anchored(_COMPASS_REGION_RE)
# A list of China's regions (东北、西北、华北; 华东、东南沿海): with a region named by 华
# in it, the compass words are regions too (not in 东北、西北风: no such region there).
_REGION = "(?:东北|西北|西南|东南|华北|华东|华南|华中)"
_REGION_LIST_RE = rules_regex.compile(f"{_REGION}(?:、{_REGION})+")
_REGION_LIST_SCAN = _scan.Anchored(_REGION_LIST_RE)


def _regions_listed(text: str) -> list[Candidate]:
    """The compass regions (东北 西北 西南 东南) of a list of regions holding a 华 region."""
    out: list[Candidate] = []
    for m in _REGION_LIST_SCAN.finditer(text):
        if "华" in m.group(0):
            out += [(i, i + 2, LOC, {}) for i in range(m.start(), m.end(), 3) if text[i] != "华"]
    return out


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
        out += [(m.start(), m.end(), LOC, {}) for m in _NUMBERED_ROAD_SCAN.finditer(text)]
    return out


# 家 + a settlement word; the surname before it is checked in Python (a literal first
# character lets ``re`` skip the text in C).
_VILLAGE_RE = rules_regex.compile("家(?:庄|村|湾|寨|坪|岭|沟|屯|堡|坳|峪|洼)(?![子里上下头])")
_NUMBERED_ROAD_RE = rules_regex.compile("(?:国道|省道|县道)[A-Z]?[0-9０-９]{1,4}线?")
_NUMBERED_ROAD_SCAN = _scan.Anchored(_NUMBERED_ROAD_RE)


# The larger places a dateline names before its city (本报德国罗滕堡5月28日电, 本报江苏宜兴…):
# countries and provinces, full or short.
_DATELINE_HEADS = frozenset((*P.COUNTRIES, *P.PROVINCES_FULL, *P.PROVINCES_SHORT))
_HEAD_LENGTHS = sorted({len(h) for h in _DATELINE_HEADS}, reverse=True)


def dateline_places(s: int, e: int, text: str) -> list[Candidate]:
    """The place of a dateline ``text[s:e]``, as the country or province it begins with and
    the city after it, two places (德国 + 罗滕堡, 江苏 + 宜兴), or one (汉城)."""
    for n in _HEAD_LENGTHS:
        if e - s - n >= 2 and text[s : s + n] in _DATELINE_HEADS:
            return [(s, s + n, LOC, {}), (s + n, e, LOC, {})]
    return [(s, e, LOC, {})]
