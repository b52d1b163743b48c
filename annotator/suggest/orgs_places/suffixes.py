"""ORG by suffix: a name before an organisation suffix (lexicon ``orgs_suffixes``: …委员会,
…公司, …局), its start found by walking left to a verb, a scope word or a head (a place,
市 省 县 区, 中共 中央 国家 全国); coordinated bodies (市民政局、畜牧局).
"""

from __future__ import annotations

import bisect
import re

from annotator import lexicon, rules_regex
from annotator.numerals import NUMERALS
from annotator.suggest._anchors import first_chars
from annotator.suggest._text import HAN, Candidate, is_han, trie_pattern
from annotator.suggest._words import COMMON, crosses_start_over, dictionary, read_in_other_words
from annotator.suggest.people.cues import TITLE_RE

from .common import _DEICTIC_FIRST, _NOT_IN_PLACE, _STOP_CHARS, LOC, ORG
from .foreign import TRANSLIT_CHARS


# Suffix -> (strong, words that may not follow, characters that may not precede), from
# resources/lexicon/orgs_suffixes.txt (fields after tabs; see its header).
def _suffix_table() -> dict[str, tuple[bool, tuple[str, ...], str]]:
    table = {}
    for row in lexicon.entries("orgs_suffixes"):
        word, kind, bad_next, bad_prev = (*row, "", "", "")[:4]
        table[word] = (kind == "strong", tuple(bad_next.split()), bad_prev)
    return table


_SUFFIXES = _suffix_table()
# Venues named like organisations are places (中国美术馆, 工人体育场): lexicon
# ``places_venue_suffixes``.
_VENUES = lexicon.word_set("places_venue_suffixes")
_VENUE_LENGTHS = sorted({len(v) for v in _VENUES})
_VENUE_LAST = frozenset(v[-1] for v in _VENUES)


def _venue_at(text: str, end: int) -> bool:
    """True when a venue suffix ends at ``end`` (also when the one-character suffix 馆 was
    the one found: 中国美术馆)."""
    return any(text[end - n : end] in _VENUES for n in _VENUE_LENGTHS if n <= end)


# One-character suffixes (局 部 委 …) are frequent characters: a separate pattern with the
# excluded neighbours written as lookarounds lets ``re`` reject 部署, 格局, 队伍 … in C.
_SINGLE_SUFFIX_RE = rules_regex.compile(
    "|".join(
        re.escape(w)
        + (f"(?<![{lexicon.char_class(bad_prev)}]{re.escape(w)})" if bad_prev else "")
        + (f"(?!{'|'.join(map(re.escape, bad_next))})" if bad_next else "")
        for w, (_strong, bad_next, bad_prev) in _SUFFIXES.items()
        if len(w) == 1
    )
)

_MAX_PREFIX = 24
# Han characters, digits and capital letters (美国ＩＤＴ公司, IBM公司: a company's initials)
# (and the middle dot between Han characters of a transliterated name: 葛兰素·威廉公司)
_REGION_CHAR = rules_regex.compile(f"[{HAN}0-9０-９A-ZＡ-Ｚ·]")
# matched on a reversed slice: the run that ends where the slice does (_run_start)
_REGION_RUN_BACK = rules_regex.compile(f"[{HAN}0-9０-９A-ZＡ-Ｚ]+")
# Words before an organisation's name, never in it: its own stop list and the verbs of
# going to a place (走进湘南学院).
_STOP_WORDS = lexicon.words("orgs_stop_words") + lexicon.words("places_cue_verbs")
# Greedy: matches up to the end of the last stop word or character of the region, or of a
# count (100个协会, ５家独资公司, 四个工作小组, 第五位), or of a date (2008年6月底招商银行).
_CUTS = (
    f"(?:{trie_pattern(_STOP_WORDS)}|[{_STOP_CHARS}]|(?:[0-9０-９一二三四五六七八九十百几两多]+|首)[个家所名位]"
    "|第[0-9一二三四五六七八九十百]+[届次]"
    # 应 (at the invitation of) before a country's abbreviation: 应中日友协的邀请
    "|应(?=[中美俄日英法德意韩朝])"
    # a number of ten thousands or more (9亿农民): a count, no part of a name
    "|[0-9０-９]+[万亿]"
    # 暨 joins two bodies (华东军区暨第三野战军政治部), but begins 暨南 (暨南大学)
    "|暨(?!南)"
    # 希望 (to hope) before a name (希望阿科公司进一步…), but not right before the suffix
    # (the prefix is matched up to it): it begins the Hope Project's schools and works
    # (兴国五里亭希望小学, 美国希望中文学校, 希望工程基金会)
    "|希望(?!$|中文|工程)"
    "|[0-9０-９]+[年月日号](?:底|初|末|中旬|上旬|下旬)?"
    # a floor or a room of a building: 办公楼９楼 + 会议厅 (a room, no organisation)
    "|[0-9０-９一二三四五六七八九十]+[楼层室])"
)
# (the lookahead of the characters that begin a cut lets ``re`` step back over the others
# without trying the trie of stop words at each: 1.1 -> 0.7 µs a suffix)
_CUT_FIRST = first_chars(rules_regex.compile(_CUTS))
_LAST_CUT_RE = rules_regex.compile(
    f".*(?=[{lexicon.char_class(sorted(_CUT_FIRST))}]){_CUTS}" if _CUT_FIRST else f".*{_CUTS}"
)
# Common nouns holding a stop character (人才, 对外): no cut inside them.
_INNER_WORDS = lexicon.word_set("orgs_inner_words")
# The characters that cut a prefix on their own: the stop characters and the stop words of
# one character (像, 兼 …): 音像 inside 内蒙古音像出版社 holds 像 and is no cut either.
CUT_CHARS = frozenset(_STOP_CHARS).union(w for w in _STOP_WORDS if len(w) == 1)
_STOP_WORD_SET = frozenset(w for w in _STOP_WORDS if len(w) > 1)
_LONGEST_STOP = max(map(len, _STOP_WORD_SET))
_STOP_WORD_LAST = frozenset(w[-1] for w in _STOP_WORD_SET)
# Every two characters in a row inside a stop word (反对 对党 of 反对党).
_STOP_WORD_PAIRS = frozenset(w[i : i + 2] for w in _STOP_WORD_SET for i in range(len(w) - 1))


def _last_cut(text: str, start: int, a: int) -> int | None:
    """Where the prefix before the suffix at ``a`` is cut (after its last stop word or
    character), or None.  A stop character read inside a common word of the name is no
    cut: 才 of 人才服务中心, 对 of 对外友好协会."""
    end = a
    while True:
        m = _LAST_CUT_RE.match(text, start, end)
        if m is None:
            return None
        k = m.end() - 1
        if not _inside_a_word(text, k, start, a) and not _stop_word_read_across(text, m.end()):
            return _over_stop_word(text, m.end(), a)
        end = k


def _stop_word_read_across(text: str, cut: int) -> bool:
    """True when the stop word that ends at ``cut`` is read inside other words (妇女儿童:
    no 女儿; 两国有关公司 keeps 有关)."""
    if text[cut - 1 : cut] not in _STOP_WORD_LAST:
        return False  # (no stop word ends with that character: most cuts)
    for n in (2, 3):
        if text[cut - n : cut] in _STOP_WORD_SET:
            return read_in_other_words(text, cut - n, cut)
    return False


def _over_stop_word(text: str, cut: int, a: int) -> int:
    """The cut moved to the end of a stop word that runs on over it, before ``a``: the
    greedy match ends at the stop character 对 of 反对党 (赞比亚最大反对党 + 联合民族独立党)."""
    if text[cut - 1 : cut + 1] not in _STOP_WORD_PAIRS:
        return cut  # (no stop word has these two characters in a row: most cuts)
    for n in range(_LONGEST_STOP, 1, -1):
        for j in range(max(0, cut - n + 1), cut):
            if j + n <= a - 1 and text[j : j + n] in _STOP_WORD_SET:
                return j + n
    return cut


def _stop_word_ends_at(text: str, end: int) -> bool:
    """True when a stop word of two characters or more ends at ``end``."""
    if end < 1 or text[end - 1] not in _STOP_WORD_LAST:
        return False  # (no stop word ends with that character: most places)
    return any(text[end - n : end] in _STOP_WORD_SET for n in range(2, _LONGEST_STOP + 1))


def _inside_a_word(text: str, k: int, start: int, a: int) -> bool:
    """True when the stop character at ``k`` is read inside a common noun of the prefix
    (lexicon ``orgs_inner_words``: 人才, 对外, 自由, 音像) and ends no stop word (面向)."""
    if text[k] not in CUT_CHARS or _stop_word_ends_at(text, k + 1):
        return False
    return (
        (
            k > start
            and text[k - 1 : k + 1] in _INNER_WORDS
            # 特意|向: a stop word ends before the stop character, which is no noun's end
            and not _stop_word_ends_at(text, k)
        )
        or (k + 2 <= a and text[k : k + 2] in _INNER_WORDS)
    )


_SCOPE_RE = rules_regex.compile(
    "(?:原|现(?!代)|全市|全省|全县|全区|全镇|全乡|全国(?!人大|政协|总工会|妇联|工商联)|各级|各地|各|"
    "本市|本省|本县|我市|我省|我县|我区|[该本我全各]校|该|其|这|那)+"
)
# Kinds of organisation (保险公司, 商业银行) and the quantity words before them (众多, 有些):
# a prefix made of them names no organisation.
_GENERIC_PREFIXES = lexicon.word_set("orgs_generic_prefixes")
# (有 before them says there are some: 有很多中小银行)
# Words of ownership or standing (国有, 合资, 上市): a prefix ending with one says what kind
# of organisation follows (处理国有银行, 共建合资公司).
_STATUS_WORDS = lexicon.words("orgs_status_words")
_QUANTITY_RE = rules_regex.compile("有?(?:众多|有些|数家|很多|不少|一些|许多|多家|几家|各家|整个)")
# Heads of an organisation name besides the places found by the LOC rules.  (Each level
# character is an alternative of its own, its lookbehind after it: a pattern whose every
# alternative begins with a literal lets ``re`` skip in C to where one of them stands; one
# that begins with a lookbehind is tried at every position of the prefix.)
_NOT_BEFORE_HEAD = "全各本我该此每其城都超股楼夜集上门"
_NOT_AFTER_HEAD = "(?![场民区级州县直内外域面份长情容])"
_HEAD_RE = rules_regex.compile(
    "|".join(f"{k}(?<![{_NOT_BEFORE_HEAD}].){_NOT_AFTER_HEAD}" for k in "省市县")
    + f"|区(?<![{_NOT_BEFORE_HEAD}军发社园景地赛治林郊胜备白].){_NOT_AFTER_HEAD}"
    + "|中共|中国|中华|中央|国家|全国|国务院"
)


# The longest word before the dot of a transliterated name (葛兰素·威廉, 罗尔斯·罗伊斯).
_DOT_WORD_LONGEST = 4
_NOT_BEFORE_DOT = frozenset(_STOP_CHARS + "和与及同跟")


def _before_dot(text: str, start: int, dot: int, places: list[tuple[int, int]]) -> int:
    """Where the word before the dot at ``dot`` starts: at most four characters back and
    not before ``start``, after a conjunction or a stop character (张文康和葛兰素·威廉集团:
    葛兰素), and not inside a place (英国葛兰素·威廉公司: not 国葛兰素)."""
    i = dot
    # (punctuation before the word ends it too: 他说，葛兰素·威康公司)
    while (
        i > max(start, dot - _DOT_WORD_LONGEST)
        and text[i - 1] not in _NOT_BEFORE_DOT
        and _REGION_CHAR.match(text, i - 1)
    ):
        i -= 1
    k = bisect.bisect_left(places, (i, -1)) - 1
    if k >= 0 and places[k][0] < i < places[k][1]:
        return places[k][0]
    return i


def _region(text: str, lo: int, a: int, places: list[tuple[int, int]]) -> tuple[int, bool] | None:
    """The start of the run of name characters before the suffix at ``a`` (from ``lo`` on)
    and whether something bounds it there (None: no such run)."""
    start = _run_start(text, lo, a)
    if start is None:
        return None
    dot = start - 1
    if dot > lo and text[dot] == "·" and is_han(text[dot - 1]):
        # 葛兰素·威廉公司: the name starts with the word before the dot
        return _before_dot(text, lo, dot, places), True
    return start, start > lo or lo == 0 or not _REGION_CHAR.match(text, lo - 1)


# Two companies' names joined by a dash or a slash make the name of the one they formed
# (戴姆勒—奔驰公司, 佩诺—里加集团, 戴姆勒／克莱斯勒汽车公司): a transliterated foreign name
# before it, 2 to 5 characters of people_translit_chars and places_translit_chars, is part of
# the name.  Not a run of dashes (———: an aside) nor an agency before it (俄通社—塔斯社: 社
# is no transliteration).
_DASHES = frozenset("—／")
_DASHED_LONGEST = 5


def _before_dash(text: str, lo: int, start: int) -> int:
    """The start of the transliterated name before a single dash or slash right before the
    name that starts at ``start`` (戴姆勒 of 戴姆勒—克莱斯勒公司), not before ``lo``; else
    ``start``."""
    dash = start - 1
    if dash - 2 < lo or text[dash] not in _DASHES or text[dash - 1] not in TRANSLIT_CHARS:
        return start
    i = dash
    while i > max(lo, dash - _DASHED_LONGEST - 1) and text[i - 1] in TRANSLIT_CHARS:
        i -= 1
    if dash - i < 2 or dash - i > _DASHED_LONGEST or (i > lo and text[i - 1] in TRANSLIT_CHARS):
        return start
    return i


def _name_region(
    text: str, lo: int, a: int, places: list[tuple[int, int]]
) -> tuple[int, bool, int] | None:
    """:func:`_region` of the suffix at ``a``, over brackets that hold a place in the name
    (微软（中国）有限公司), and where those brackets close (-1: none)."""
    region = _region(text, lo, a, places)
    if region is None:
        # 微软（中国）有限公司: the brackets end right before the suffix
        region = _before_bracket(text, lo, a, places) if text[a - 1] in _CLOSING else None
        return None if region is None else (*region, a)
    if text[region[0] - 1 : region[0]] in _CLOSING:
        inner = _before_bracket(text, lo, region[0], places)
        if inner is not None:
            return (*inner, region[0])
    return (*region, -1)


_CLOSING = frozenset(")）")
_OPENING = frozenset("(（")
_BRACKETED_LONGEST = 4  # characters in the brackets: (中国), (国际), （香港）


def _before_bracket(
    text: str, lo: int, start: int, places: list[tuple[int, int]]
) -> tuple[int, bool] | None:
    """The region of a name that holds a place or 国际 in brackets before the rest of it
    (海辉软件(国际)集团公司, 微软（中国）有限公司): the run before the opening bracket, whose
    closing one ends at ``start``; None when the brackets hold anything else."""
    j = start - 2
    while j > max(lo, start - 2 - _BRACKETED_LONGEST) and is_han(text[j]):
        j -= 1
    if text[j] not in _OPENING or start - 2 - j < 2:
        return None
    region = _region(text, lo, j, places)
    return region if region is not None and j - region[0] >= 2 else None


def _run_start(text: str, lo: int, a: int) -> int | None:
    """The start of the run of region characters (Han, digits, capitals) that ends at
    ``a``, no earlier than ``lo`` (None: ``text[a-1]`` is none of them).  Read backwards
    on the reversed slice: a search for the run before ``\\Z`` tried every start from
    ``lo`` on (about 2.7 µs a suffix, this 0.4)."""
    run = _REGION_RUN_BACK.match(text[lo:a][::-1])
    return None if run is None else a - run.end()


def _org_start(
    text: str,
    a: int,
    strong: bool,
    places: list[tuple[int, int]],
    parents: dict[int, int],
    ends: dict[int, int],
) -> int | None:
    """Start of the organisation whose suffix starts at ``a`` (None: no organisation):
    ``parents`` are the bodies known by name, ``ends`` also those found by suffix."""
    lo = max(0, a - _MAX_PREFIX)
    found = _name_region(text, lo, a, places)
    if found is None:
        return None
    region_start, bounded, bracket_end = found
    cut = _last_cut(text, region_start, a)
    if cut is not None:
        region_start, bounded = cut, True
        i = bisect.bisect_left(places, (region_start, -1)) - 1
        while i >= 0 and places[i][0] >= lo:
            if places[i][1] >= region_start:
                region_start = places[i][0]  # 成都市公安局: 都 is inside a place, no cut
                break
            i -= 1
        region_start = _known_name_around(region_start, parents)
    region_start = _after_joined_body(text, region_start, a, ends)
    scope = _SCOPE_RE.match(text, region_start, a)
    if scope and not (strong and scope.group(0) == "全国"):
        # 全国 before a strong suffix names a national body (全国艾滋病防治基金会); before
        # a weak one it is the scope of a kind (全国高等学校)
        region_start = scope.end()
    head = _last_head(text, region_start, a, places, bracket_end)
    if head is not None:
        # 中国人民银行 + 长沙中心支行: a parent organisation right before the head
        start = parents.get(head[0], head[0])
        if start == head[0] and text.startswith(_BRANCHES, a):
            return _unlisted_parent(text, region_start, start)
        return start
    parent = _parent_before(text, region_start, a, ends)
    if parent is not None:
        return parent
    return _bare_name_start(text, region_start, a, ends) if strong and bounded else None


_JOINING = frozenset("同和与及跟")
_JOINING_RE = rules_regex.compile("[同和与及跟]")


def _after_joined_body(text: str, start: int, a: int, ends: dict[int, int]) -> int:
    """``start`` moved after a body that a conjunction joins to the name before the suffix
    at ``a`` (中国共产党同 + 罗社会民主主义党): two bodies, not one."""
    if _JOINING_RE.search(text, start + 1, a - 1) is None:
        return start  # (most prefixes hold no conjunction: one search in C, no loop)
    for k in range(a - 2, start, -1):
        if text[k] in _JOINING and k in ends and ends[k] >= start:
            return k + 1
    return start


def _last_head(
    text: str, start: int, a: int, places: list[tuple[int, int]], bracket_end: int
) -> tuple[int, int] | None:
    """The last head (a place, 市 省 县 区, 中共 中央 国家 全国) between ``start`` and the
    suffix at ``a``, joined with the heads it touches (湖南省衡阳市); none inside brackets
    that close at ``bracket_end`` (微软（中国）有限公司)."""
    heads = [m.span() for m in _HEAD_RE.finditer(text, start, a) if not _level_ends_word(text, m)]
    if "区" in text[start:a]:
        heads += _regions_by_kind(text, start, a)
    lo_i = bisect.bisect_left(places, (start, -1))
    hi_i = bisect.bisect_left(places, (a, -1))
    heads.extend(p for p in places[lo_i:hi_i] if p[1] <= a)
    if bracket_end >= 0:
        inside = bracket_end - _BRACKETED_LONGEST - 1
        heads = [h for h in heads if h[1] > bracket_end or h[1] < inside]
    head = None
    for hs, he in sorted(heads):
        # adjacent or nested heads join: 湖南省衡阳市
        head = (hs, he) if head is None or hs > head[1] else (head[0], max(he, head[1]))
    return head


def _level_ends_word(text: str, m: re.Match[str]) -> bool:
    """True when the level character matched (省 市 县 区) ends a common word with the
    character before it (小区业主委员会, 山区学校, 节省): a noun, no head of a name (a
    level after another, 县市区, is left to the rules of levels)."""
    s = m.start()
    return m.end() - s == 1 and text[s - 1 : s] not in _LEVELS and crosses_start_over(text, s)


_LEVELS = frozenset("省市县区")


# A region or a development zone named by its kind after a boundary or where the name's
# prefix starts (记者从 + 自治区文物局) heads its bodies (自治区青少年发展基金会, 开发区管委会);
# after other words it is the end of a place's name.
_REGION_KINDS = ("自治区", "开发区")
_BEFORE_REGION_KIND = frozenset("，。、；：“（\n")


def _regions_by_kind(text: str, start: int, a: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each of ``_REGION_KINDS`` between ``start`` and ``a`` that opens
    a clause or the prefix (looked for in Python: a lookbehind in ``_HEAD_RE`` slowed every
    suffix)."""
    out = []
    for kind in _REGION_KINDS:
        i = text.find(kind, start, a)
        while i != -1:
            if i == start or text[i - 1] in _BEFORE_REGION_KIND:
                out.append((i, i + len(kind)))
            i = text.find(kind, i + 1, a)
    return out


# A branch is named by its parent and its place: 中保人寿保险 + 武汉分公司.
_BRANCHES = ("分公司", "分行", "支行", "中心支行")


def _unlisted_parent(text: str, region_start: int, head: int) -> int:
    """The start of a branch's parent that no rule names, right before the branch's place
    at ``head``: a name of two or more characters ending in a kind of business
    (中保人寿 + 保险, 中保 + 寿险); else ``head``."""
    prefix = text[region_start:head]
    for n in (3, 2):
        if len(prefix) - n >= 2 and prefix[-n:] in _GENERIC_PREFIXES:
            return region_start
    return head


_LONGEST_KNOWN = 8  # characters of a name known by itself (路透社, 国际奥委会)


def _known_name_around(cut: int, parents: dict[int, int]) -> int:
    """The start of the organisation known by name that the cut at ``cut`` falls inside
    (华为公司: 为 is part of 华为, no preposition), else ``cut``."""
    for end in range(cut, cut + _LONGEST_KNOWN):
        if parents.get(end, cut) < cut:
            return parents[end]
    return cut


def _bare_name_start(text: str, start: int, a: int, ends: dict[int, int]) -> int | None:
    """The start of a name with no head before a strong suffix: a prefix of two or more
    characters that says more than a kind of organisation (not 保险 公司)."""
    if text[start] in _PREPOSITIONS and not dictionary().get(text[start : start + 2], 0):
        start += 1  # ，经宝山钢铁集团批准, 和东风汽车公司签订; not 和平饭店, 同仁堂 (words)
    start = _after_last_and(text, start, a)
    if a - start < 2 or _generic_prefix(text, start, a):
        return None
    if text[start] in _DEICTIC_FIRST and not _adjective_in_name(text, start):
        return None
    return _field_pair_start(text, start, a, ends)


# Adjectives that begin names too (大杨集团公司, 大宇集团; not 小天鹅公司, where 天鹅 is a
# common word): after a boundary they say what kind of organisation follows only where they
# make a common word (大型, 新兴) or a common word follows them (新组建公司, 大中型企业).
_ADJECTIVES = frozenset("大小新老")


def _adjective_in_name(text: str, start: int) -> bool:
    """True when the adjective at ``start`` opens the name of the organisation whose prefix
    starts there (see above)."""
    words = dictionary()
    return (
        text[start] in _ADJECTIVES
        and words.get(text[start : start + 2], 0) <= COMMON
        and words.get(text[start + 1 : start + 3], 0) <= COMMON
    )


def _after_last_and(text: str, start: int, a: int) -> int:
    """Where a name without a head starts when 和 or 及 joins two things in its prefix:
    after the last of them (网络优势和 + 航空航天大学; 证券和银行, 企业和银行: no name
    is left, the caller refuses it), unless the character is read in a word there (和平,
    共和: 中国和平发展基金会, 黑山共和国选举委员会)."""
    if "和" not in text[start:a] and "及" not in text[start:a]:
        return start
    words = dictionary()
    for k in range(a - 1, start - 1, -1):
        if (
            text[k] in _AND
            and words.get(text[k : k + 2], 0) <= COMMON
            and words.get(text[k - 1 : k + 1], 0) <= COMMON  # 共和国, 以及
        ):
            return k + 1
    return start


_AND = frozenset("和及")


# Prepositions that may open the prefix of a name after a boundary (，经…批准, 和…签订),
# and 有 (there is) and 应 (at the invitation of): 有花山文艺出版社的同行, 应外交学会的邀请.
# (Not 以 "with": it is also Israel, 以总理办公室.)
_PREPOSITIONS = frozenset("和同跟经离距自连除凭靠朝临有应")


_PAIR_SIDE = 6  # characters of each field in 环境与资源保护委员会


def _field_pair_start(text: str, start: int, a: int, ends: dict[int, int]) -> int:
    """The start of a name that pairs two fields with 与 (外语教学与研究出版社, 环境与资源
    保护委员会): the walk stopped at 与, and what stands before it is no organisation of
    its own (市公司与县公司: two) but a short field after a boundary."""
    joint = start - 1
    if joint < 2 or text[joint] != "与" or joint in ends or a - start > _PAIR_SIDE:
        return start
    run_start = _run_start(text, max(0, joint - _PAIR_SIDE - 4), joint)
    if run_start is None:
        return start
    cut = _LAST_CUT_RE.match(text, run_start, joint)
    left = cut.end() if cut else run_start
    if (
        joint - left < 2
        or text[left] in _DEICTIC_FIRST
        or _ends_with_suffix(text, left, joint)
        or text.endswith("政府", left, joint)
    ):
        return start  # 机场管理局与地铁公司, 区政府与腾讯公司: a body before 与 is its own
    return left


def _ends_with_suffix(text: str, left: int, end: int) -> bool:
    """True when an organisation suffix ends ``text[left:end]`` (管理局, 委员会)."""
    return any(text[end - n : end] in _SUFFIXES for n in (1, 2, 3, 4) if end - n > left)


_MAX_UNIT = 8  # characters of a sub-body's own name (文艺局, 计算机网络信息中心)


def _parent_before(text: str, region_start: int, a: int, parents: dict[int, int]) -> int | None:
    """Start of the organisation that ends shortly before the suffix at ``a`` when what lies
    between names a unit of it (中宣部 + 文艺局, 东风汽车公司 + 总装配厂): a body's
    sub-body is one organisation with it.  The parent must open the prefix: 思科 inside
    蓝思科技有限公司 is no parent."""
    for k in range(a - 1, max(region_start, a - _MAX_UNIT) - 1, -1):
        if k in parents and parents[k] <= region_start:
            return None if _no_unit(text, k, a) else parents[k]
    return None


# What a unit's name never starts with: a word of some or each (解放军某部, 公安局各派出所)
# or the 长 of a head's title (外交部长普里马科: 部长 + a name, no unit 长普里马科).
_NOT_UNIT_FIRST = frozenset("某各这该其每此那长")


def _no_unit(text: str, k: int, a: int) -> bool:
    """True when ``text[k:a]``, between a body and a suffix, names no unit of it: it starts
    with a word of some or each or the 长 of a head, or holds a title and a name after it
    (智利队教练阿科, 首席经济师科; not 人民日报记者站, a unit named by its people)."""
    if text[k] in _NOT_UNIT_FIRST:
        return True
    title = TITLE_RE.search(text, k, a)
    return title is not None and title.end() < a


def _generic_prefix(text: str, start: int, a: int) -> bool:
    """True when ``text[start:a]`` only says what kind of organisation follows (保险 公司,
    众多航空 公司, 汽车类上市 公司), as common nouns do."""
    quantity = _QUANTITY_RE.match(text, start, a)
    if quantity:
        start = quantity.end()
        if start == a:
            return True  # 不少电视台, 有些银行: a count of organisations, no name
    prefix = text[start:a]
    if prefix in _GENERIC_PREFIXES or text.endswith(_STATUS_WORDS, start, a):
        return True
    # fields joined name a research body (石油化工科学院); kinds joined name no company
    return not text.startswith(_RESEARCH, a) and _kinds_only(prefix)


_RESEARCH = ("科学院", "研究院", "研究所", "研究中心")


# The last characters of words of a kind (区域性, 股份制, 大中型, 地市级, 汽车类): before a
# suffix a word of three or four characters ending in one says what kind of organisation
# follows.
_KIND_WORD_LAST = frozenset("性制型级类")
_KIND_WORD_LONGEST = 4
_GENERIC_LONGEST = max(map(len, _GENERIC_PREFIXES))


def _kinds_only(prefix: str) -> bool:
    """True when ``prefix`` is made of words of a kind only (lexicon
    ``orgs_generic_prefixes``, or three or four characters ending in 性 制 型 级 类):
    外国保险, 商业保险, 区域性, 国家级乡镇企业; not 华康电子 (华康 is a name), 法制 (a
    field)."""
    # ends[i]: the prefix's first i characters are such words (a walk over the prefix)
    ends = [True] + [False] * len(prefix)
    for i in range(len(prefix)):
        if ends[i]:
            for n in range(2, min(_GENERIC_LONGEST, len(prefix) - i) + 1):
                word = prefix[i : i + n]
                if word in _GENERIC_PREFIXES or (
                    2 < n <= _KIND_WORD_LONGEST and word[-1] in _KIND_WORD_LAST
                ):
                    ends[i + n] = True
    return ends[-1]


def _suffix_orgs(
    text: str,
    suffixes: list[tuple[int, int]],
    places: list[tuple[int, int]],
    parents: dict[int, int],
) -> list[Candidate]:
    out: list[Candidate] = []
    ends = dict(parents)  # where organisations found so far end -> their start
    parent_ends = sorted(parents)
    for a, b in suffixes:
        suffix = text[a:b]
        strong = _SUFFIXES[suffix][0]
        if _suffix_refused(text, a, b, suffix) or parents.get(b, b) < a:
            continue  # (parents: the 院 of 国务院, the end of a body already named)
        weak_headless = not strong and _headless(text, a, places, parent_ends, ends)
        # (a weak suffix with no head: what _org_start gives there, at a third of the cost)
        start = None if weak_headless else _org_start(text, a, strong, places, parents, ends)
        if start is not None:
            start = _before_dash(text, max(0, a - _MAX_PREFIX), start)
        shortest = len(suffix) + 1  # a name before the suffix
        if start is None:
            start = _listed_after_org(text, a, ends)
            if start is None:
                # 、财政局局长: with its head's title a unit may be the suffix alone
                start, shortest = _unit_before_title(text, a, b), 2
        elif "和" in text[start:a]:
            start = _after_joined_org(text, start, a, ends)
        if start is not None and _unnamed(text, start, a, suffix, places):
            continue  # 中国公司 (a place's companies), 某科技公司 (a body left unnamed)
        if suffix == "部门" and start is not None and _named_place_at(start, places):
            continue  # 上海公安部门, 泰国气象部门: the place's departments (市教育部门 stays)
        if start is not None and b - start >= shortest:
            out.append((start, b, _suffix_label(text, start, a, b, places), {}))
            ends[b] = min(start, ends.get(b, start))
    return out


# Fields that make 中心 a hub (lexicon ``orgs_hub_kinds``) after a level alone.
_HUB_KINDS = lexicon.word_set("orgs_hub_kinds")


def _hub(text: str, start: int, a: int) -> bool:
    """True when ``text[start:a]`` before 中心 is a field of hubs after a level only (市 +
    行政: the city's administrative quarter).  After a place it may name a venue
    (中国国际贸易中心, ORG in the MSRA gold), so a place before it keeps the rule's reading."""
    name = text[start:a]
    return name[1:] in _HUB_KINDS and name[0] in _LEVELS


def _suffix_label(text: str, start: int, a: int, b: int, places: list[tuple[int, int]]) -> str:
    """LOC for a venue (中国美术馆) and for a station named by a place (人民广场站,
    北京西站), else ORG."""
    if text[b - 1] in _VENUE_LAST and _venue_at(text, b):
        return LOC
    return LOC if text[a:b] == "站" and _station_of_place(text, start, a, places) else ORG


# Words between a place and 站 that name a station of its line (北京西站, 北京西客站,
# 上海北站): a station that serves the place, a place itself (the MSRA gold tags railway and
# metro stations LOC: 北京西站, 上海北站, 市政厅站; bodies named 站 keep their kind word
# between the place and 站 and stay ORG: 竹岐水文站, 孙窑乡农技站).
_STATION_SIDES = ("东客", "西客", "南客", "北客", "东", "西", "南", "北", "客", "")


def _station_of_place(text: str, start: int, a: int, places: list[tuple[int, int]]) -> bool:
    """True when the name ``text[start:a]`` before 站 is a place found in it, with at
    most a side of the town after it (人民广场 + 站, 北京 + 西 + 站), or a metro's name before
    its own (北京地铁王府井站); not after 驻 (驻北京站: a paper's bureau stationed there, a
    body)."""
    if text[start - 1 : start] == "驻":
        return False
    metro = text.find("地铁", start, a)
    if metro != -1 and a - metro - 2 >= 2:
        return True  # 北京地铁王府井站, 地铁复兴门站: a metro's station (LOC in the MSRA gold)
    for side in _STATION_SIDES:
        if text.endswith(side, start, a):
            i = bisect.bisect_left(places, (start, -1))
            while i < len(places) and places[i][0] < a - len(side):
                if places[i][1] == a - len(side):
                    return True
                i += 1
    return False


def _headless(
    text: str, a: int, places: list[tuple[int, int]], parent_ends: list[int], ends: dict[int, int]
) -> bool:
    """True when no head and no parent can stand before the suffix at ``a``: then a weak
    suffix has no organisation (:func:`_org_start` gives None), and half the suffixes of a
    page are such.  Nothing that could move the start of the name before the walk's
    limit may be near (a named body around a cut, a dot of a transliterated name), nor a
    head (:func:`_last_head`) after that limit, nor a body ending shortly before ``a``
    (:func:`_parent_before`)."""
    lo = max(0, a - _MAX_PREFIX)
    k = bisect.bisect_left(parent_ends, lo)
    if k < len(parent_ends) and parent_ends[k] < a + _LONGEST_KNOWN:
        return False  # (_known_name_around)
    prefix = text[lo:a]
    if "·" in prefix or "区" in prefix or _HEAD_RE.search(text, lo, a):
        return False
    i = bisect.bisect_left(places, (lo, -1))
    while i < len(places) and places[i][0] < a:
        if places[i][1] <= a:
            return False
        i += 1
    return not any(k in ends for k in range(a - _MAX_UNIT, a))


def _named_place_at(start: int, places: list[tuple[int, int]]) -> bool:
    """True when a place found by the LOC rules starts at ``start`` (places sorted)."""
    i = bisect.bisect_left(places, (start, -1))
    return i < len(places) and places[i][0] == start


# Kinds of organisation that a place right before them does not name: 中国公司 are the
# companies of China (the MSRA gold tags 中国 alone, 7 of 7 in the dev files), whereas 中国
# 女队, 美国国会 are one body each.
_KINDS_OF_A_PLACE = frozenset(("公司",))


def _unnamed(text: str, start: int, a: int, suffix: str, places: list[tuple[int, int]]) -> bool:
    """True when ``text[start:a]`` before ``suffix`` names no organisation: a place before
    a kind of company (中国公司, 美国公司: a place's companies, no company's name), a leg
    of a contest (世界杯北京站), a level and a field of hubs (市行政中心), levels in the
    plural (区县教育部门), or 某
    (a certain) inside it: court and police reports leave the body unnamed (某科技公司,
    北京某物流有限公司), and a name reaching over 某 holds an anonymised person
    (张某诉某科技公司)."""
    if suffix in _KINDS_OF_A_PLACE and (start, a) in places:
        return True
    if suffix == "站" and text[start - 1 : start] in _EVENT_LAST:
        return True  # 世界杯北京站, 巡回赛上海站: a leg of a tour, an event (北京 is a place)
    if suffix == "中心" and _hub(text, start, a):
        return True  # 市行政中心: the city's administrative quarter, no body
    if _plural_level(text, start):
        return True  # 区县教育部门, 各市县党委: the bodies of every district and county
    return text.find("某", start, a) != -1


def _plural_level(text: str, start: int) -> bool:
    """True when the name starts with a level character right after another one (区县,
    市县, 县市区): levels in the plural, no body of a named level (该县县委 is one)."""
    before = text[start - 1 : start]
    return text[start] in _LEVELS and before in _LEVELS and before != text[start]


# Last characters of the words of a contest (世界杯, 大奖赛, 巡回赛): a place + 站 right
# after one is a leg of the contest held there, no station.
_EVENT_LAST = frozenset("杯赛")


def _suffix_refused(text: str, a: int, b: int, suffix: str) -> bool:
    """True when the suffix ``text[a:b]`` is no organisation's end: a character before or
    a word after it that it never has, a common word read across it, a level organ
    (市委, 县委: the organ rule has them) or a count of things (电话一百二十八部)."""
    _strong, bad_next, bad_prev = _SUFFIXES[suffix]
    if a > 0 and text[a - 1] in bad_prev or _read_in_a_word(text, a, b):
        return True
    if suffix == "公司" and text[a - 1 : a] == "子":
        return _subsidiary(text, a - 1)
    if suffix == "委" and a > 0 and text[a - 1] in "省市县区镇乡":
        return True
    if bad_next and text.startswith(bad_next, b):
        return True
    return suffix in _MEASURE_SUFFIXES and _counted_before(text, a)


# 子公司 (a subsidiary) after a word of some, a count or a body (的子公司, 其子公司, 一家子公司,
# 母子公司, 集团子公司); where 子 ends a word or a name (电子公司, 西门子公司) it is the name's.
_SUBSIDIARY_AFTER = frozenset("的其该各这那母家个两几多一")


def _subsidiary(text: str, k: int) -> bool:
    """True when the 子 at ``k`` before 公司 begins 子公司 "subsidiary" (see above): also
    after a name that 子 ends no word of (华为子公司, 索尼子公司)."""
    if k < 1 or not is_han(text[k - 1]) or text[k - 1] in _SUBSIDIARY_AFTER:
        return True
    if not _ends_a_word(text, k):
        return True
    return _ends_with_suffix(text, max(0, k - 5), k)


def _ends_a_word(text: str, k: int) -> bool:
    """True when the character at ``k`` ends a word of two or three characters that jieba
    knows (电子, 原子, 西门子)."""
    words = dictionary()
    return any(words.get(text[j : k + 1], 0) > 0 for j in (k - 1, k - 2) if j >= 0)


_COUNT_CHARS = NUMERALS | {"几", "多", "余"}
# A number in a unit's name makes it no name (、两局局长); 零 also begins words (零售部部长)
_COUNTS_IN_NAME = _COUNT_CHARS - {"零"}


# Suffixes that are also measure words (部 of telephones, 所 of schools); numbered teams
# and factories (２５队, ７０７厂) keep their number.
_MEASURE_SUFFIXES = frozenset("部所")


def _counted_before(text: str, a: int) -> bool:
    """True when a number of two characters or more stands right before the suffix at
    ``a`` (一百二十八部, ３０所, 十几所): a measure word (二部, 四部: a numbered
    department, stays)."""
    return a >= 2 and text[a - 1] in _COUNT_CHARS and text[a - 2] in _COUNT_CHARS


# A unit's own head after it: 水利局局长, 体委主任, 新闻出版局副局长.
_TITLE_OF = {
    "局": "局长",
    "厅": "厅长",
    "部": "部长",
    "院": "院长",
    "所": "所长",
    "站": "站长",
    "馆": "馆长",
    "委": "主任",
    "办": "主任",
}
_UNIT_NAME_LONGEST = 4
# A unit named by its scope is no name (该局局长, 各局局长, 本委主任); 新闻出版局 is one.
_SCOPE_FIRST = frozenset("全各本我该此每其这那某")


def _unit_before_title(text: str, a: int, b: int) -> int | None:
    """The start of a unit named without a place, in a list of officials (、水利局局长
    郭伯荣, 、体委主任刘沛): the name runs from a punctuation mark to the suffix, and the
    unit's own head's title follows it; else None."""
    title = _TITLE_OF.get(text[b - 1])
    if title is None or not text.startswith(title, b + (text[b : b + 1] == "副")):
        return None
    i = a
    while i > 0 and b - 1 - i < _UNIT_NAME_LONGEST and is_han(text[i - 1]):
        i -= 1
    if i == b - 1 or (i > 0 and is_han(text[i - 1])) or text[i:b] in _VENUES:
        return None  # (图书馆馆长: a venue's kind alone, no named place)
    name = text[i : b - 1]
    if name[0] in _SCOPE_FIRST or not _NOT_IN_PLACE.isdisjoint(name):
        return None
    if _last_cut(text, i, b - 1) is not None:
        return None  # 他担任分局局长: a verb or a pronoun is no part of a unit's name
    return None if _COUNTS_IN_NAME.intersection(name) else i


def _read_in_a_word(text: str, a: int, b: int) -> bool:
    """True when the suffix ``text[a:b]`` is read inside common words: its last character
    begins a commoner word (回报社会: 社会 over 报社; 充分行使: 行使), or 所 is the
    particle, the end of a common word (有所减少, 场所) or before a verb and 的
    (中国所发生的, 危机所采取的)."""
    if b - a == 2:
        words = dictionary()
        return (
            text[b : b + 1] not in _STOP_CHARS  # 银行为: 为 is a preposition here
            and words.get(text[b - 1 : b + 1], 0) > max(COMMON, words.get(text[a:b], 0))
            and words.get(text[b : b + 2], 0) <= COMMON  # 代表团|结束: a word follows
        )
    if text[a:b] != "所" or a == 0:
        return False
    words = dictionary()
    if words.get(text[a - 1 : b], 0) > COMMON:
        return True
    if text[b + 2 : b + 3] != "的" or words.get(text[a - 2 : b], 0):
        return False  # 交易所合并的: a word that ends with 所 is an institute
    return words.get(text[b : b + 2], 0) > COMMON


# Coordinated bodies: 市民政局、畜牧局 / 财政局和审计局: the later ones drop their place.
_LIST_JOINS = ("、", "和", "及", "与")
_LIST_JOIN_SET = frozenset(_LIST_JOINS)


def _after_joined_org(text: str, start: int, a: int, ends: dict[int, int]) -> int:
    """The start of the second of two organisations joined by 和 that one prefix walk
    took together (国民议会和最高法官委员会: 国民议会 ended before 和; 刑侦大队和
    唐三营派出所, 市公安局和镜湖分局: what stands before 和 ends with a suffix of its own)."""
    for k in range(a - 1, start, -1):
        if text[k] == "和" and (k in ends or _ends_with_suffix(text, start, k)):
            return k + 1
    return start


def _listed_after_org(text: str, a: int, ends: dict[int, int]) -> int | None:
    """Start of a short list item ending at suffix ``a`` that follows an organisation."""
    if _LIST_JOIN_SET.isdisjoint(text[max(0, a - 6) : a - 1]):
        return None  # (no joining word where the item may begin: most suffixes)
    for length in range(1, 6):
        i = a - length
        if i < 1 or not is_han(text[i]) or text[i] in _NOT_IN_PLACE:
            return None
        if text[i - 1] in _LIST_JOINS and i - 1 in ends:
            # 市政府及有关部门: the bodies concerned after a named one are none of their own
            return None if text[i:a] in _VAGUE_BODIES else i
    return None


# Words that leave the bodies after them unnamed: 有关部门, 相关单位, 其他机构, 主管部门.
_VAGUE_BODIES = frozenset(("有关", "相关", "其他", "其它", "其余", "主管", "职能", "所属", "下属"))
