"""The shape of a personal name: surnames, given-name characters, where a name ends.

Shared by every PER cue: :func:`name_at` reads a name from its surname on, deciding its
length by what follows; :func:`_whole_name` and :func:`plausible_name` judge a given string;
the stop lists keep places and common words (方面, 马上, 伊朗) out.  The lists are lexicon
files ``people_*.txt`` and ``places_*.txt``.
"""

from __future__ import annotations

from annotator import lexicon, rules_regex
from annotator.suggest._places import (
    AMBIGUOUS,
    COUNTRIES,
    LOCAL,
    NATURAL,
    PREFECTURES,
    PROVINCES_SHORT,
    WORLD_CITIES,
)
from annotator.suggest._text import HAN, is_han, trie_pattern
from annotator.suggest._words import COMMON, dictionary

# Common single-character and compound surnames (resources/lexicon/people_surnames.txt).
# Left out on purpose: characters that are rarely
# surnames but very often function words or the first character of common nouns
# (和 全 应 都 党 国 原 明 区 那 来 由 但 平 相 信 计 利 公 战 支 位 满 盘 ...), because
# a false name costs the reviewer more than a rare surname missed by the rules.
_SURNAME_LIST = lexicon.words("people_surnames")
_SINGLE = "".join(w for w in _SURNAME_LIST if len(w) == 1)
_COMPOUND = [w for w in _SURNAME_LIST if len(w) == 2]
SURNAMES: frozenset[str] = frozenset(_SURNAME_LIST)

# Characters that end a name rather than continue it (particles, prepositions, verbs that
# commonly follow a name, title characters).
_NOT_GIVEN = frozenset(
    "的了在是和与及等说对向将被把也都就为于以从会要主出指表参讲介传宣致提认率作称还则听"
    "汇带陪调视考看慰答回接进部签当任担兼给让女书市省县区局委记员各全本我该此其这那每某们"
    "他她它着地摄更负诉"
)
# Surnames that are more often an adverb, a verb or the first character of a common word
# (曾经, 任职, 许多, 何时, 向前, 常常, 关于, 成为, 万一, 方面, 高兴, 严格, 解决, 连续, 包括):
# the characters after them must be common given-name characters.
_ADVERB_SURNAMES = lexicon.word_set("people_adverb_surnames")
# Inside a three-character name (张和平, 钱其琛, 王主任 is not one) fewer characters are
# ruled out: the last character is where a name runs into the next word.  全 begins words
# (全国, 全部) but stands inside many names (傅全有, 张全景): it ends none.
_NOT_INNER = frozenset("的了在是与及等说对向将被把也都就为于从着们他她它这那每某该此我各本")
# Words that may directly follow a name (decides 2- versus 3-character names).
_END_WORDS = lexicon.words("people_end_words")
_END_RE = rules_regex.compile(trie_pattern(_END_WORDS))

# Characters of transliterated foreign names (古特雷斯, 普京, 马克龙 …); a run of four or
# more of them after a title is taken whole.
_TRANSLIT = lexicon.chars("people_translit_chars")
_TRANSLIT_RE = rules_regex.compile(f"[{lexicon.char_class(_TRANSLIT)}]{{4,10}}")
# After a title a shorter run (拜登, 普京) is taken when no surname starts there.
_TRANSLIT_SHORT_RE = rules_regex.compile(f"[{lexicon.char_class(_TRANSLIT)}]{{2,3}}")
# Names written with a middle dot are foreign or minority names (买买提·艾力, 马克·吐温):
# the runs on both sides come from the transliteration characters, with those common in
# Uyghur and Kazakh names added.
_DOT_CHARS = _TRANSLIT.replace("·", "").replace("•", "") + lexicon.chars("people_dot_name_chars")
_DOT_CLASS = lexicon.char_class(_DOT_CHARS)
# (its first character written apart, [C][C]{0,5} for [C]{1,6}: a pattern that begins with a
# character class is looked for by ``re`` in C, skipping every other character of the page;
# one that begins with a repeat is tried at every position, twice as slow on a page)
_DOT_NAME_RE = rules_regex.compile(
    f"[{_DOT_CLASS}][{_DOT_CLASS}]{{0,5}}[·•][{_DOT_CLASS}]{{1,6}}(?:[·•][{_DOT_CLASS}]{{1,6}})?"
)
_PRE_NAME = frozenset("以在由和与同向对是及、了为把被据请让给称任")
_CLAUSE_START = frozenset(',，。;；:：!！?？、“”"（( \t\n\u3000')

# Common nouns that look like surname + one or two characters before a speech verb.
_NOT_NAMES = lexicon.word_set("people_not_names")
# Common words that begin with a surname character: a candidate whose first two
# characters are one of them is not a name where only a verb after it speaks for one.
_STOP_PREFIXES = lexicon.word_set("people_stop_prefixes")
# Of those, the ones that also begin common names (王国强, 张力伟, 刘海燕): only the
# two-character word itself is refused.
_NAME_LIKE_PREFIXES = lexicon.word_set("people_name_like_prefixes")


def _stop_word(name: str) -> bool:
    """True when ``name`` begins with a common word rather than a name (方面, 马上)."""
    head = name[:2]
    return head in _STOP_PREFIXES and (len(name) == 2 or head not in _NAME_LIKE_PREFIXES)


def _name_chars_ok(name: str, surname_len: int, *, byline: bool = False) -> bool:
    # a plain loop: all() over a generator costs twice as much on this hot path
    last = len(name) - 1
    strict = surname_len == 1 and name[0] in _ADVERB_SURNAMES and not byline
    for i in range(surname_len, len(name)):
        c = name[i]
        if not is_han(c) or c in (_NOT_GIVEN if i == last else _NOT_INNER):
            return False
        if strict and c not in _GIVEN_COMMON:
            return False  # 记者曾采访, 出任内阁, 许多人: an adverb or a verb, not a surname
    return True


def plain_adverb_name(name: str) -> bool:
    """A surname more often an adverb (何, 曾, 尚 …) and two given characters of any plain
    kind, where neither the surname with the first nor the given characters make a common
    word (何鲁丽, 尚慕杰; not 曾多次, 许多人, 任何人, 尚未有)."""
    if (
        len(name) != 3
        or name[0] not in _ADVERB_SURNAMES
        or not _name_chars_ok(name, 1, byline=True)
    ):
        return False
    words = dictionary()
    return words.get(name[:2], 0) <= COMMON and words.get(name[1:], 0) <= COMMON


def _ends_name(text: str, pos: int) -> bool:
    """True if a name may end at ``pos`` (end of text, a non-Han char or an end word)."""
    if pos >= len(text) or not is_han(text[pos]):
        return True
    return _END_RE.match(text, pos) is not None


def name_at(text: str, pos: int, known: frozenset[str] | set[str] = frozenset()) -> int | None:
    """End of the name that starts at ``pos``, or None when no surname starts there.

    Tries the compound surname first, then the single one; for each, a known name, then
    the 3-character (2 given) and the 2-character form whose end is followed by a name end,
    then the longest form whose characters may be a given name.
    """
    if "某" in text[pos + 1 : pos + 3]:
        return None  # 张某, 欧阳某: :func:`_anonymised_names` takes them whole
    options: list[int] = []
    for slen in (2, 1):
        if text[pos : pos + slen] in SURNAMES and len(text[pos : pos + slen]) == slen:
            options.append(slen)
    fallback: int | None = None
    for slen in options:
        known_end = _known_name_end(text, pos, slen, known)
        if known_end is not None:
            return known_end
        for glen in (2, 1):
            end = pos + slen + glen
            if end > len(text) or not _form_ok(text, pos, end, slen):
                continue
            if _ends_name(text, end):
                return end
            if fallback is None:
                fallback = end
    return fallback


# jieba count from which the last character of a three-character name and the one after
# it are read as a word (成为 35,966, 由于 30,181, 最近 5,355, 送给 1,679; 民主 8,513 but
# 江泽民主席: 主席 follows): in a slice of MSRA train, 2 of 1,033 names of three characters
# meet the test.
_STRONG_WORD = 1000


def last_begins_word(text: str, end: int) -> bool:
    """True when the last character of a name ending at ``end`` and the character after it
    make a common word (成为, 由于, 最近) and the characters from ``end`` on make none
    (not 江泽民|主席): the name ends one character earlier."""
    words = dictionary()
    return (
        words.get(text[end - 1 : end + 1], 0) >= _STRONG_WORD
        and words.get(text[end : end + 2], 0) <= COMMON
    )


def _form_ok(text: str, pos: int, end: int, slen: int) -> bool:
    """True when ``text[pos:end]`` may be a name with a surname of ``slen`` characters whose
    last given character does not begin the next word (柯白最近, 李元成为)."""
    if not _name_chars_ok(text[pos:end], slen):
        return False
    return end - pos - slen < 2 or not last_begins_word(text, end)


def _known_name_end(text: str, pos: int, slen: int, known: frozenset[str] | set[str]) -> int | None:
    """End of a known name of a surname of ``slen`` and one or two given characters at ``pos``."""
    for glen in (2, 1):
        end = pos + slen + glen
        if end > len(text):
            continue
        if text[pos:end] in known:
            return end
    return None


_TRANSLIT_CHARS = frozenset(_TRANSLIT)
_PLACES = frozenset(COUNTRIES) | frozenset(WORLD_CITIES)  # 代表巴西: not a name
# Place names never proposed as names (伊朗总统: 伊 is a surname, 伊朗 a country); the
# prefecture names that are also given names or words (金华, 黄山 …) stay possible.
_NOT_PERSON = (
    _PLACES
    | frozenset(PROVINCES_SHORT)
    | frozenset(NATURAL)
    | frozenset(LOCAL)
    | (frozenset(PREFECTURES) - frozenset(AMBIGUOUS))
)


def _japanese_name_end(text: str, pos: int) -> int | None:
    """The end of a Japanese name of four Han characters at ``pos`` (surname and given name
    of two characters each, after 日本 + a title: 日本首相岸田文雄表示), or of five whose
    given name of three ends in 子 (东京都知事小池百合子宣布), or None."""
    name = text[pos : pos + 4]
    if len(name) < 4 or not all(is_han(c) and c not in _NOT_GIVEN for c in name):
        return None
    if _ends_name(text, pos + 4):
        return pos + 4
    return pos + 5 if text[pos + 4 : pos + 5] == "子" and _ends_name(text, pos + 5) else None


def _surname_len(word: str) -> int:
    if len(word) >= 3 and word[:2] in SURNAMES:
        return 2
    return 1 if word[:1] in SURNAMES else 0


def _foreign_name_before(text: str, j: int) -> tuple[int, int] | None:
    """A transliterated name ending at ``j`` that starts at a clause or phrase boundary
    (``会见了克林顿总统``; not ``俄罗斯总统``, whose run 罗斯 starts inside a word)."""
    i = j
    while i > 0 and j - i < 8 and text[i - 1] in _TRANSLIT_CHARS:
        i -= 1
    if j - i > 2 and _ends_a_word(text, i):
        i += 1  # 宣布克林顿: 布 ends 宣布, the name starts after it
    if j - i < 2 or text[i:j] in _PLACES:
        return None
    before = text[i - 1] if i else ""
    if before and is_han(before) and before not in _PRE_NAME and j - i < 3:
        return None  # 罗斯 may end a word; a run of three (印有曼德拉总统) is a name
    return (i, j)


_ITEM_CHAR_RE = rules_regex.compile(f"[{HAN}·•]")


def plausible_name(name: str) -> bool:
    """True when ``name`` has the shape of a personal name (a surname and one or two given
    characters, a transliteration, or a dotted name) and is no place or common word: the
    check the model suggester's PER guesses must pass."""
    if _not_a_name(name) or len(name) < 2:
        return False
    if _DOT_NAME_RE.fullmatch(name) or _transliterated(name, shortest=2):
        return True
    slen = _surname_len(name)
    return slen > 0 and len(name) <= slen + 2 and _name_chars_ok(name, slen)


def _transliterated(name: str, shortest: int = 3) -> bool:
    """A run of transliteration characters that could be a foreign name (克林顿)."""
    return (
        shortest <= len(name) <= 9
        and name[0] not in "·•"
        and name[-1] not in "·•"
        and _TRANSLIT_CHARS.issuperset(name)  # in C: all() over a generator costs more
    )


def _not_a_name(name: str) -> bool:
    """A place or a common word that a cue put where a name stands (欧盟, 官邸一), one
    character said three times or more (沙沙沙, 哈哈哈: a sound, never a name), or a word
    before a side in talks (向美方介绍, 同中方商定: 美方, 中方 are the sides)."""
    return (
        _place_not_person(name)
        or _stop_word(name)
        or (len(name) > 2 and len(set(name)) == 1)
        or (
            len(name) == 3
            and name[2] == "方"
            and name[1] in _SIDE_COUNTRIES
            and name[0] in _BEFORE_SIDE
        )
    )


# Countries by one character before 方, a side in talks (中方, 美方, 日方), and the
# prepositions before a side that are surnames too (向, 和, 应: 向美方介绍 is no 向美方).
_SIDE_COUNTRIES = frozenset("中美俄日英法德意朝韩越巴以伊")
_BEFORE_SIDE = frozenset("向同与对和跟让请由应给")


def _place_not_person(name: str) -> bool:
    """A place, or a place + a word (印尼新总统, 伊朗总统): not a personal name."""
    return name in _NOT_PERSON or (len(name) > 2 and name[:2] in _NOT_PERSON)


# Last characters of administrative divisions: an item of a list ending with one is a place.
_DIVISION_LAST = frozenset("省市县区镇乡村")


def _whole_name(text: str, i: int, j: int) -> bool:
    """True when ``text[i:j]`` reads as one personal name, Chinese or transliterated."""
    name = text[i:j]
    if name in _NOT_PERSON or name in _NOT_NAMES or name[-1] in _DIVISION_LAST:
        return False  # 、冯家镇、: a place in a list, not a name
    slen = _surname_len(name)
    if len(name) == 4 and slen == 1 and name[1] in SURNAMES:
        slen = 2  # 梁刘柔芬, 范徐丽泰: a married woman's two surnames (Hong Kong)
    if (
        slen
        and 2 <= len(name) <= slen + 2
        and _name_chars_ok(name, slen)
        and not _stop_word(name)
        and any(c in _GIVEN_COMMON for c in name[slen:])  # 理论、方针、政策: not a roster
    ):
        return True
    # 塞萨尔·桑巴约: a dotted name holds a dot (no regex call without one)
    if ("·" in name or "•" in name) and _DOT_NAME_RE.fullmatch(name):
        return True
    return _transliterated(name)


def _name_ending_at(text: str, i: int, j: int) -> tuple[int, int] | None:
    """The longest whole name that ends an item ``text[i:j]``."""
    if "·" in text[i:j] or "•" in text[i:j]:
        for m in _DOT_NAME_RE.finditer(text, i, j):
            if m.end() == j:
                return m.span()  # 中场塞萨尔·桑巴约
    for n in (4, 3, 2):
        if j - n >= i and _whole_name(text, j - n, j) and not _ends_a_word(text, j - n):
            return (j - n, j)
    return None


def _ends_a_word(text: str, s: int) -> bool:
    """True when the character at ``s`` ends a common word begun before it (学习 in
    学习毛泽东: 习 is no surname there)."""
    return s > 0 and dictionary().get(text[s - 1 : s + 1], 0) > COMMON


def _name_starting_at(text: str, i: int, j: int) -> tuple[int, int] | None:
    """The whole name that begins an item ``text[i:j]`` and ends where a name may end."""
    for n in (2, 3, 4):
        end = i + n
        if end <= j and _whole_name(text, i, end) and (end == j or _ends_name(text, end)):
            return (i, end)
    return None


def _item_name_from(text: str, i: int) -> tuple[int, int] | None:
    """The name that begins the list item starting at ``i`` (up to 8 characters)."""
    j = i
    while j < i + 8 and _ITEM_CHAR_RE.match(text, j):
        j += 1
    if j - i == 3 and text[i + 2] in _GIVEN_COMMON and _whole_name(text, i, j):
        return (i, j)  # 、陈志刚 ending the list: 刚 is a given name there, not "just"
    return _name_starting_at(text, i, j) if j - i >= 2 else None


# Characters common in given names (by their frequency in name registers, not in any one
# paper): a clause-initial surname + two of them before a verb reads as a name.
_GIVEN_COMMON = lexicon.word_set("people_given_common")


# Characters that end organisation words and never a given name (朝鲜劳动党总书记: 劳
# is a surname, but 劳动党 is the party).
_ORG_END_CHARS = frozenset("党部局厅署")


def _breaks_a_word(text: str, i: int, j: int) -> bool:
    """True when a candidate name ``text[i:j]`` begins with the last character of a
    country or city written before it (越南国家主席: not 南国家) or ends with a
    character of an organisation word (劳动党总书记)."""
    if text[j - 1] in _ORG_END_CHARS:
        return True
    # the places of two to five characters that end with the candidate's first one
    # (written out: a generator a candidate cost twice the look-ups)
    return (
        (i >= 1 and text[i - 1 : i + 1] in _PLACES)
        or (i >= 2 and text[i - 2 : i + 1] in _PLACES)
        or (i >= 3 and text[i - 3 : i + 1] in _PLACES)
        or (i >= 4 and text[i - 4 : i + 1] in _PLACES)
    )
