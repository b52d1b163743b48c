"""PER suggestions: personal names found through the cues of Chinese news text.

A name is a surname from :data:`SURNAMES` (about 330 common single-character surnames and
the usual compound ones such as 欧阳, 司马) followed by one or two given-name characters.
The surname list is a general cue, not a list of people: a name is only proposed where a
cue says a person stands there:

1. **bylines**: ``■本报记者 陈润``, ``记者 张三 李四``, ``通讯员 周乐天``, ``实习生 付星婷``
   (names separated by spaces or 、 up to the end of the line or the next cue);
2. **titles before a name**: ``市委书记邓群策``, ``市长…``, ``副主席…``, ``秘书长…``,
   ``局长…``, ``院长…``, ``检察长…``, ``副司令员…``, ``负责人…``;
3. **name lists after a list cue**: ``市领导廖健、段志刚、刘丽华…出席``, ``出席的有…``,
   ``老领导…``, and the names joined by 、 to a name found by rule 2;
4. **a name before an honorific**: ``习近平同志``, ``习近平总书记``, ``张三先生``;
5. **a clause-initial subject of a speech verb**: ``郑建新说``, ``张三强调``; names joined
   by 、 before ``等同志``/``等人``/``等出席`` (``王芳、李娜、张伟等同志``); a run of
   transliteration characters after a title (``秘书长古特雷斯``);
6. **propagation**: every other occurrence on the page of a name found by 1-5
   (``郑建新强调`` once ``郑建新`` was found, headlines such as ``邓群策主持``).

The length of a name (2 or 3 characters, 3 or 4 with a compound surname) is decided by
what follows it: a separator, a speech or action verb (主持, 出席, 强调, 传达 …) or a
particle ends a name; otherwise three characters is the default.  Names already found
with a sure boundary (bylines, lists) win over the guess.
"""

from __future__ import annotations

import re

from annotator import lexicon
from annotator.model import Span

from ._places import (
    AMBIGUOUS,
    COUNTRIES,
    LOCAL,
    NATURAL,
    PREFECTURES,
    PROVINCES_SHORT,
    WORLD_CITIES,
)
from ._text import HAN, Candidate, is_han, trie_pattern

LABEL = "PER"

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
    "他她它着地摄"
)
# Surnames that are more often an adverb, a verb or the first character of a common word
# (曾经, 任职, 许多, 何时, 向前, 常常, 关于, 成为, 万一, 方面, 高兴, 严格, 解决, 连续, 包括):
# the characters after them must be common given-name characters.
_ADVERB_SURNAMES = lexicon.word_set("people_adverb_surnames")
# Inside a three-character name (张和平, 钱其琛, 王主任 is not one) fewer characters are
# ruled out: the last character is where a name runs into the next word.
_NOT_INNER = frozenset("的了在是与及等说对向将被把也都就为于从着们他她它这那每某该此我各本全")
# Words that may directly follow a name (decides 2- versus 3-character names).
_END_WORDS = lexicon.words("people_end_words")
_END_RE = re.compile(trie_pattern(_END_WORDS))

# Characters of transliterated foreign names (古特雷斯, 普京, 马克龙 …); a run of four or
# more of them after a title is taken whole.
_TRANSLIT = lexicon.chars("people_translit_chars")
_TRANSLIT_RE = re.compile(f"[{_TRANSLIT}]{{4,10}}")
# After a title a shorter run (拜登, 普京) is taken when no surname starts there.
_TRANSLIT_SHORT_RE = re.compile(f"[{_TRANSLIT}]{{2,3}}")
# Names written with a middle dot are foreign or minority names (买买提·艾力, 马克·吐温):
# the runs on both sides come from the transliteration characters, with those common in
# Uyghur and Kazakh names added.
_DOT_CHARS = _TRANSLIT.replace("·", "").replace("•", "") + lexicon.chars("people_dot_name_chars")
_DOT_NAME_RE = re.compile(
    f"[{_DOT_CHARS}]{{1,6}}[·•][{_DOT_CHARS}]{{1,6}}(?:[·•][{_DOT_CHARS}]{{1,6}})?"
)

_SPACE = r"[ \t\u3000]"

# Titles that stand right before the name they belong to (longest first via the trie).
_TITLES = lexicon.words("people_titles")

# Cues after which a list of names follows (joined by 、).
_LIST_CUES = lexicon.words("people_list_cues")

_BYLINE_CUES = lexicon.words("people_byline_cues")
_BYLINE_RE = re.compile(f"(?:{trie_pattern(_BYLINE_CUES)}){_SPACE}*(?=[{HAN}])")
_HAN_RUN_RE = re.compile(f"[{HAN}]+")
_BYLINE_SEP_RE = re.compile(f"(?:{_SPACE}|[、,，])+")

# Titles and honorifics written after the name: 习近平总书记, 江泽民主席, 克林顿总统.
_HONORIFICS = lexicon.words("people_honorifics")
_PRE_NAME = frozenset("以在由和与同向对是及、了为把被据请让给称任")

_SPEECH = lexicon.words("people_speech_verbs")
# Speech verbs after which ``据`` + a name is a source: ``据王明介绍``.
_SOURCE_VERBS = lexicon.word_set("people_source_verbs")
_CLAUSE_START = frozenset(',，。;；:：!！?？、“”"（( \t\n\u3000')
# Every cue word with its kinds; one trie regex finds them all in a single pass.
# A list of names closed by 等 + a word: 王芳、李娜、张伟等同志参加.
_ETC = lexicon.words("people_etc_cues")
# Role nouns of news reports before a name (村民王大山说, 民警张伟赶到): weaker than a
# title, the name must be closed by a separator or an end word (说, 告诉 …).
_ROLES = lexicon.words("people_roles")
# 老王, 小刘: 老/小 + a surname is a name when a verb, a particle or punctuation follows;
# common words of that shape are refused.  (In the cue trie: no pass of its own.)
_FAMILIAR_NOT = lexicon.word_set("people_familiar_not")
_FAMILIAR = ["老", "小"]  # the surname after them is checked in Python
_KINDS = ("byline", "list", "title", "honorific", "speech", "etc", "familiar", "role")
_CUE_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _words in zip(
    _KINDS,
    (_BYLINE_CUES, _LIST_CUES, _TITLES, _HONORIFICS, _SPEECH, _ETC, _FAMILIAR, _ROLES),
    strict=True,
):
    for _w in _words:
        _CUE_KINDS[_w] = (*_CUE_KINDS.get(_w, ()), _kind)
_CUE_RE = re.compile(trie_pattern(_CUE_KINDS))

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
        for glen in (2, 1):
            end = pos + slen + glen
            if end > len(text):
                continue
            cand = text[pos:end]
            if cand in known:
                return end
        for glen in (2, 1):
            end = pos + slen + glen
            if end > len(text) or not _name_chars_ok(text[pos:end], slen):
                continue
            if _ends_name(text, end):
                return end
            if fallback is None:
                fallback = end
    return fallback


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


def _japanese_name_end(text: str, pos: int) -> bool:
    """True when four Han characters at ``pos`` may be a Japanese name (surname and given
    name of two characters each, after 日本 + a title): 日本首相岸田文雄表示."""
    name = text[pos : pos + 4]
    if len(name) < 4 or not all(is_han(c) and c not in _NOT_GIVEN for c in name):
        return False
    return _ends_name(text, pos + 4)


def _surname_len(word: str) -> int:
    if len(word) >= 3 and word[:2] in SURNAMES:
        return 2
    return 1 if word[:1] in SURNAMES else 0


def _byline_names(text: str, cues: list[re.Match[str]], found: dict[tuple[int, int], str]) -> None:
    """Names after 本报记者, 通讯员, 实习生 …, separated by spaces or 、."""
    for cue in cues:
        m = _BYLINE_RE.match(text, cue.start())
        if m is None:
            continue
        pos = m.end()
        while True:
            tok = _HAN_RUN_RE.match(text, pos)
            if tok is None:
                break
            word = tok.group(0)
            slen = _surname_len(word)
            end: int | None = None
            if slen and 1 <= len(word) - slen <= 2 and _name_chars_ok(word, slen, byline=True):
                end = tok.end()  # a token standing alone: the whole token is the name
            else:
                cut = name_at(text, pos)
                if cut is not None and _END_RE.match(text, cut):
                    end = cut  # 本报记者陈润报道, 记者张三摄
            if end is None:
                break
            found[(pos, end)] = "byline"
            sep = _BYLINE_SEP_RE.match(text, end)
            if sep is None:
                break
            nxt = _BYLINE_RE.match(text, sep.end())
            pos = nxt.end() if nxt else sep.end()


def _list_from(
    text: str,
    pos: int,
    found: dict[tuple[int, int], str],
    known: set[str],
    *,
    trust_first: bool = False,
    japanese: bool = False,
) -> None:
    """Names joined by 、 from ``pos`` on (the first one included).

    With ``trust_first`` (after a title) the first name is kept even when nothing after it
    confirms where it ends; list members need a separator or an end word after them.
    """
    first = True
    while True:
        end = name_at(text, pos, known)
        if first and trust_first:
            foreign = _TRANSLIT_RE.match(text, pos)
            if foreign and (end is None or foreign.end() > end) and _ends_name(text, foreign.end()):
                end = foreign.end()  # 秘书长古特雷斯: a transliterated foreign name
            elif end is None:
                short = _TRANSLIT_SHORT_RE.match(text, pos)
                if short and _ends_name(text, short.end()) and short.group(0) not in _PLACES:
                    end = short.end()  # 总统拜登在: a short foreign name
            if japanese and _japanese_name_end(text, pos):
                end = pos + 4  # 日本首相岸田文雄表示
            if end is None:
                end = _listed_rare_surname(text, pos)
        if end is None or text[pos:end] in _PLACES:
            return  # 代表巴西出战: a country, not a name
        nxt = text[end : end + 1]
        if nxt != "、" and not _ends_name(text, end) and not (first and trust_first):
            return
        found.setdefault((pos, end), "list")
        known.add(text[pos:end])
        if nxt != "、":
            return
        pos, first = end + 1, False


def _listed_rare_surname(text: str, pos: int) -> int | None:
    """End of a name with a surname outside the list, after a title and before 、 and a
    listed name: ``主持人撒贝宁、董卿`` (not 贝宁 the country)."""
    for n in (3, 2):
        sep = pos + n
        if (
            text[sep : sep + 1] == "、"
            and all(is_han(c) for c in text[pos:sep])
            and _name_starting_at(text, sep + 1, min(len(text), sep + 5)) is not None
        ):
            return sep
    return None


def _honorific_names(
    text: str, cues: list[re.Match[str]], found: dict[tuple[int, int], str]
) -> None:
    """Names before 同志, 总书记, 先生 …: ``以习近平同志为核心``, ``托娅副外长``."""
    for m in cues:
        j = m.start()
        if j and text[j - 1] == "副":
            j -= 1  # 副外长, 副部长: the deputy's name ends before 副
        best: tuple[int, int] | None = None
        for length in (4, 3, 2):
            i = j - length
            if i < 0:
                continue
            slen = 2 if length == 4 else 1
            if text[i : i + slen] not in SURNAMES or not _name_chars_ok(text[i:j], slen):
                continue
            before = text[i - 1] if i > 0 else ""
            if not before or not is_han(before) or before in _PRE_NAME:
                best = (i, j)
                break
            if best is None and length == 3:
                best = (i, j)
        if best is None:
            best = _foreign_name_before(text, j)
        if best:
            found.setdefault(best, "honorific")


def _foreign_name_before(text: str, j: int) -> tuple[int, int] | None:
    """A transliterated name ending at ``j`` that starts at a clause or phrase boundary
    (``会见了克林顿总统``; not ``俄罗斯总统``, whose run 罗斯 starts inside a word)."""
    i = j
    while i > 0 and j - i < 8 and text[i - 1] in _TRANSLIT_CHARS:
        i -= 1
    if j - i < 2 or text[i:j] in _PLACES:
        return None
    before = text[i - 1] if i else ""
    if before and is_han(before) and before not in _PRE_NAME:
        return None
    return (i, j)


def _names_before_etc(
    text: str,
    ends: list[int],
    found: dict[tuple[int, int], str],
    min_names: int = 1,
) -> None:
    """Names joined by 、 that end before 等: ``王芳、李娜、张伟等同志``, read backwards.

    With ``min_names`` 2 (before a count: ``叶一帆、李二、王小三3名队员``) a single
    name-shaped word is not enough."""
    for j in ends:
        names: list[tuple[int, int]] = []
        while True:
            for length in (2, 3, 4):
                i = j - length
                slen = 2 if length == 4 else 1
                if i < 0 or text[i : i + slen] not in SURNAMES:
                    continue
                before = text[i - 1] if i else ""
                if before and is_han(before) and before not in _PRE_NAME:
                    continue  # the name would not start at a separator
                if (
                    _name_chars_ok(text[i:j], slen)
                    and text[i:j] not in _NOT_NAMES
                    and not _stop_word(text[i:j])
                ):
                    names.append((i, j))
                    break
            else:
                break
            if before != "、":
                break
            j = i - 1
        if len(names) >= min_names:
            for span in names:
                found.setdefault(span, "list")


# Three or more short items joined by 、 (a roster: 胡德风、徐新、刘云厚、郑健执棒).
# Anchored on its first 、 (a literal lets ``re`` skip the rest of the text in C): the
# inner items of the roster; the first and last items are read around the match.
_ROSTER_RE = re.compile(f"、(?:[{HAN}·•]{{2,8}}、)+")
_ITEM_CHAR_RE = re.compile(f"[{HAN}·•]")


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
        and all(c in _TRANSLIT_CHARS for c in name)
    )


def _not_a_name(name: str) -> bool:
    """A place or a common word that a cue put where a name stands (欧盟, 官邸一)."""
    return _place_not_person(name) or _stop_word(name)


def _place_not_person(name: str) -> bool:
    """A place, or a place + a word (印尼新总统, 伊朗总统): not a personal name."""
    return name in _NOT_PERSON or (len(name) > 2 and name[:2] in _NOT_PERSON)


def _whole_name(text: str, i: int, j: int) -> bool:
    """True when ``text[i:j]`` reads as one personal name, Chinese or transliterated."""
    name = text[i:j]
    if name in _NOT_PERSON or name in _NOT_NAMES:
        return False
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
    return bool(_DOT_NAME_RE.fullmatch(name)) or _transliterated(name)  # 塞萨尔·桑巴约


def _name_ending_at(text: str, i: int, j: int) -> tuple[int, int] | None:
    """The longest whole name that ends an item ``text[i:j]``."""
    if "·" in text[i:j] or "•" in text[i:j]:
        for m in _DOT_NAME_RE.finditer(text, i, j):
            if m.end() == j:
                return m.span()  # 中场塞萨尔·桑巴约
    for n in (4, 3, 2):
        if j - n >= i and _whole_name(text, j - n, j):
            return (j - n, j)
    return None


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
    return _name_starting_at(text, i, j) if j - i >= 2 else None


def _pair_before_etc(text: str, found: dict[tuple[int, int], str]) -> None:
    """Two names joined by 、 before 等 (王元、汝信等各界科学家): each a whole name."""
    for m in _PAIR_ETC_RE.finditer(text):
        second = m.span(1)
        first = _name_ending_at(text, max(0, m.start() - 4), m.start())
        if first is not None and _whole_name(text, *second):
            found.setdefault(first, "list")
            found.setdefault(second, "list")


# Anchored on the 、 (a literal lets ``re`` skip the text in C); the first name is read
# back from it.
_PAIR_ETC_RE = re.compile(f"、([{HAN}]{{2,4}})等")


def _roster_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """Names of a roster without a cue: most inner items must be whole names (two in five
    may be something else, such as a name with a former name in brackets); the
    first item may carry words before its name (男队员还有王励勤、阎森、马琳) and the last
    one words after it (…、郑健执棒)."""
    for m in _ROSTER_RE.finditer(text):
        items, at = [], m.start() + 1
        for part in m.group(0)[1:-1].split("、"):
            items.append((at, at + len(part)))
            at += len(part) + 1
        names = [item for item in items if _whole_name(text, *item)]
        if len(names) * 5 < len(items) * 3:
            continue
        i = m.start()
        while i > m.start() - 12 and i > 0 and _ITEM_CHAR_RE.match(text, i - 1):
            i -= 1
        first = _name_ending_at(text, i, m.start()) if m.start() - i >= 2 else None
        last = _item_name_from(text, m.end())
        also = None
        if last is not None and text[last[1] : last[1] + 1] in ("和", "与", "及"):
            also = _item_name_from(text, last[1] + 1)  # …、莱奥纳多和里瓦尔多
        for span in [first, *names, last, also]:
            if span is not None:
                found.setdefault(span, "roster")


# A count of people after a list of names: 叶一帆、李二、王小三3名队员, 两位.
# (Anchored on the 、 before the last name: ``re`` finds a literal first character fast.)
_COUNT_RE = re.compile(
    f"、(?:(?!、)[{HAN}]){{2,4}}?(?P<n>[0-9一二两三四五六七八九十]{{1,2}}[名位])(?=[{HAN}])"
)

# Photo captions: 图为李大山（右）在田间, 王明（左二）, 李明（前排中）.
_CAPTION_RE = re.compile(r"[（(](?:前排|后排|中排)?[左右中][一二三四五六七八九]?[）)]")

# 张某, 王某某, 欧阳某: a surname + 某 is how court and police reports name people.
_MOU_NOT_AFTER = frozenset("些种个地处位项件次方类人天日年家单部时样")


def _anonymised_names(text: str, found: dict[tuple[int, int], str]) -> None:
    i = text.find("某")
    while i != -1:
        end = i + 2 if text[i + 1 : i + 2] == "某" else i + 1
        for slen in (2, 1):
            s = i - slen
            if s >= 0 and text[s:i] in SURNAMES and text[end : end + 1] not in _MOU_NOT_AFTER:
                if slen == 1 and s and text[s - 1 : i] in SURNAMES:
                    continue  # the compound surname is tried first
                found.setdefault((s, end), "anonymised")
                break
        i = text.find("某", end)


_FAMILIAR_END = frozenset("说笑是正也就还便和今告介表拿把在家又已都一")


def _familiar_names(
    text: str, cues: list[re.Match[str]], found: dict[tuple[int, int], str]
) -> None:
    for m in cues:
        s = m.start()
        e = s + 2
        if text[s + 1 : e] not in SURNAMES or text[s:e] in _FAMILIAR_NOT:
            continue
        before = text[s - 1] if s else ""
        if (before and before in "大个多") or (before in SURNAMES and before not in _PRE_NAME):
            continue  # 大小, 3个小时, 邓小平
        nxt = text[e : e + 1]
        if not nxt or not is_han(nxt) or nxt in _FAMILIAR_END:
            found.setdefault((s, e), "familiar")


def _role_names(
    text: str,
    cues: list[re.Match[str]],
    found: dict[tuple[int, int], str],
    known: set[str],
) -> None:
    """Names after a role noun (村民王大山说), closed by a separator or an end word."""
    for m in cues:
        end = m.end()
        head = text[end : end + 2]
        if (head[:1] in SURNAMES or head in SURNAMES) and (
            head not in _STOP_PREFIXES or head in _NAME_LIKE_PREFIXES
        ):
            _list_from(text, end, found, known)  # a separator or an end word must close it


def _caption_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """Names before a position in a photo caption: 图为李大山（右）."""
    ends = []
    for paren in "（(":
        i = text.find(paren)
        while i != -1:
            if _CAPTION_RE.match(text, i):
                ends.append(i)
            i = text.find(paren, i + 1)
    if ends:
        _names_before_etc(text, ends, found)


def _dot_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """买买提·艾力, 马克·吐温: Han runs joined by a middle dot."""
    for m in _DOT_NAME_RE.finditer(text):
        found.setdefault(m.span(), "dot")


def _title_names(
    text: str,
    by_kind: dict[str, list[re.Match[str]]],
    found: dict[tuple[int, int], str],
    known: set[str],
) -> None:
    """Names after a title (市长张三, 总统克林顿) and lists after a list cue (市领导…)."""
    for kind in ("list", "title"):
        for m in by_kind[kind]:
            end = m.end()
            nxt = text[end : end + 1]
            japanese = kind == "title" and "日本" in text[max(0, m.start() - 4) : m.start()]
            if nxt in SURNAMES or text[end : end + 2] in SURNAMES:
                _list_from(text, end, found, known, trust_first=kind == "title", japanese=japanese)
            elif kind == "title" and (
                nxt in _TRANSLIT_CHARS or japanese or "、" in text[end + 2 : end + 4]
            ):
                # a foreign name, a Japanese one, or a rare surname before 、 (主持人撒贝宁、)
                _list_from(text, end, found, known, trust_first=True, japanese=japanese)


def find_person_candidates(text: str) -> list[Candidate]:
    """All PER candidates of ``text`` as ``(start, end, label, attrs)`` tuples."""
    found: dict[tuple[int, int], str] = {}
    by_kind: dict[str, list[re.Match[str]]] = {k: [] for k in _KINDS}
    for m in _CUE_RE.finditer(text):  # one pass finds every kind of cue
        for kind in _CUE_KINDS[m.group(0)]:
            by_kind[kind].append(m)
    _byline_names(text, by_kind["byline"], found)
    known = {text[s:e] for s, e in found}
    _title_names(text, by_kind, found, known)
    _role_names(text, by_kind["role"], found, known)
    _honorific_names(text, by_kind["honorific"], found)
    _names_before_etc(text, [m.start() for m in by_kind["etc"]], found)
    _subject_names(text, by_kind["speech"], found)
    _clause_subjects(text, found)
    _caption_names(text, found)
    if "、" in text:
        ends = [m.start("n") for m in _COUNT_RE.finditer(text)]
        _names_before_etc(text, ends, found, min_names=2)
        _roster_names(text, found)
        _pair_before_etc(text, found)
    if "某" in text:
        _anonymised_names(text, found)
    if "·" in text or "•" in text:
        _dot_names(text, found)
    _familiar_names(text, by_kind["familiar"], found)
    if "以" in text:
        _leader_names(text, found)
    _partner_names(text, found)
    for key in [k for k in found if _not_a_name(text[k[0] : k[1]])]:
        del found[key]
    # propagation: every other occurrence of a found name (longest names first)
    for name in sorted({text[s:e] for s, e in found}, key=len, reverse=True):
        i = text.find(name)
        while i != -1:
            found.setdefault((i, i + len(name)), "repeat")
            i = text.find(name, i + len(name))
    return [(s, e, LABEL, {}) for s, e in sorted(found)]


# 以林树哲为团长的代表团, 以王明为首: the leader of a delegation or a group.
_LEADER_RE = re.compile("以(.{2,4}?)为(?:团长|首|组长|队长|领队|主任|代表|核心)")


def _leader_names(text: str, found: dict[tuple[int, int], str]) -> None:
    for m in _LEADER_RE.finditer(text):
        i, j = m.span(1)
        if _whole_name(text, i, j) or _transliterated(text[i:j], shortest=2):
            found.setdefault((i, j), "leader")


def _partner_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """A name joined by 和/与/及/同 to a name found by a cue: 张和平和王珠等, 李明与王芳会见."""
    for _s, e in list(found):
        if text[e : e + 1] not in ("和", "与", "及", "同"):
            continue
        end = name_at(text, e + 1)
        if end is not None and _ends_name(text, end) and _whole_name(text, e + 1, end):
            found.setdefault((e + 1, end), "partner")


def _subject_names(text: str, cues: list[re.Match[str]], found: dict[tuple[int, int], str]) -> None:
    """Clause-initial names before a speech verb: ``，郑建新强调``."""
    for m in cues:
        j = m.start()
        source = m.group(0) in _SOURCE_VERBS
        for length in (2, 3, 4):
            i = j - length
            if i < 0:
                continue
            before = text[i - 1] if i else ""
            if before and before not in _CLAUSE_START and not (source and before == "据"):
                continue  # a clause start or 据 + a source verb: 据王明介绍
            name = text[i:j]
            slen = 2 if length == 4 else 1
            if (
                name[:slen] in SURNAMES
                and name not in _NOT_NAMES
                and not _stop_word(name)
                and _name_chars_ok(name, slen)
            ):
                found.setdefault((i, j), "subject")
                break
        else:
            foreign = _foreign_name_before(text, j)
            if foreign and (not foreign[0] or text[foreign[0] - 1] in _CLAUSE_START):
                found.setdefault(foreign, "subject")  # ，纳扎尔巴耶夫指出


# Characters common in given names (by their frequency in name registers, not in any one
# paper): a clause-initial surname + two of them before a verb reads as a name.
_GIVEN_COMMON = lexicon.word_set("people_given_common")


def _clause_subjects(text: str, found: dict[tuple[int, int], str]) -> None:
    """A clause-initial three-character name before a verb or particle that follows names:
    ``。宋心莲每天…``, ``，王建新闷在…`` is left, ``曹建明从…`` is taken."""
    for m in _CLAUSE_NAME_RE.finditer("\n" + text):
        i = m.start(1) - 1
        name = m.group(1)
        if (
            name[1] in _GIVEN_COMMON
            and name[2] in _GIVEN_COMMON
            and not _stop_word(name)
            and name not in _NOT_NAMES
            and _END_RE.match(text, i + 3)
            and not _END_RE.match(text, i + 1)  # 程先生, 郑女士: a surname + an honorific
        ):
            found.setdefault((i, i + 3), "subject")
    for m in _CLAUSE_FOREIGN_RE.finditer("\n" + text):
        i, j = m.start(1) - 1, m.end(1) - 1
        if _END_RE.match(text, j):  # places are dropped with the other non-names at the end
            found.setdefault((i, j), "subject")  # 。克林顿在…, ，科恩在接受…


# A clause-initial run of three or more transliteration characters: a foreign name
# when a word that follows names comes after it (not a country: the place lists decide).
_CLAUSE_FOREIGN_RE = re.compile(f"[。，；：！？“\n]([{_TRANSLIT}]{{3,9}})")
# Starts with the clause mark so that ``re`` skips to it in C; the page start is added.
_CLAUSE_NAME_RE = re.compile(f"[。，；：！？“\n]([{_SINGLE}][{HAN}]{{2}})")


def find_people(text: str) -> list[Span]:
    """PER suggestions (``origin="rule"``, ``status="suggested"``) for ``text``."""
    return [
        Span(s, e, label, origin="rule", status="suggested", attrs=attrs)
        for s, e, label, attrs in find_person_candidates(text)
    ]
