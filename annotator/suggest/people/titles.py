"""PER cue 2: names after a title (市长张三, 总统克林顿, 日本首相岸田文雄), lists after a
list cue (市领导廖健、段志刚), names after a role noun (村民王大山说) and the leader of a
group (以林树哲为团长).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.suggest._scan import WordMatch
from annotator.suggest._text import HAN, is_han
from annotator.suggest._words import COMMON, begins_on_path, crosses_end, read_in_other_words
from annotator.suggest._words import dictionary as _dictionary

from .cues import _HONORIFICS, _TITLES
from .names import (
    _CLAUSE_START,
    _END_RE,
    _NAME_LIKE_PREFIXES,
    _PLACES,
    _PRE_NAME,
    _STOP_PREFIXES,
    _TRANSLIT_CHARS,
    _TRANSLIT_RE,
    _TRANSLIT_SHORT_RE,
    SURNAMES,
    _ends_name,
    _japanese_name_end,
    _name_chars_ok,
    _name_starting_at,
    _not_a_name,
    _transliterated,
    _whole_name,
    name_at,
    plain_adverb_name,
)


def _list_from(
    text: str,
    pos: int,
    found: dict[tuple[int, int], str],
    known: set[str],
    *,
    trust_first: bool = False,
    japanese: bool = False,
    any_word: bool = False,
) -> None:
    """Names joined by 、 from ``pos`` on (the first one included).

    With ``trust_first`` (after a title) the first name is kept even when nothing after it
    confirms where it ends; list members need a separator or an end word after them. With
    ``any_word`` (after a cue that stands before any noun, an age) a name the dictionary
    counts at all is refused, not only a common two-character word.
    """
    first = True
    while True:
        end = name_at(text, pos, known)
        if first and trust_first:
            end = _trusted_first_end(text, pos, end, japanese)
        if end is None or text[pos:end] in _PLACES:
            return  # 代表巴西出战: a country, not a name
        if _word_not_name(text[pos:end], any_word):
            return  # “危”代表危险, 毛主席纪念堂: a word of the dictionary, not a name
        nxt = text[end : end + 1]
        if (
            nxt != "、"
            and not _ends_name(text, end)
            and not (first and trust_first)
            and not (not first and _word_after_name(text, pos, end))
        ):
            return
        found.setdefault((pos, end), "list")
        known.add(text[pos:end])
        if nxt != "、":
            return
        pos, first = end + 1, False


def _word_after_name(text: str, pos: int, end: int) -> bool:
    """True when a common word begins right after the three-character name ``text[pos:end]``
    and none runs across its end (景海鹏、朱杨柱、桂海潮|顺利出舱): the last name of a list
    ends there though no end word follows."""
    words = _dictionary()
    return (
        end - pos == 3
        and words.get(text[end : end + 2], 0) > COMMON
        and not words.get(text[end - 1 : end + 1])
    )


def _trusted_first_end(text: str, pos: int, end: int | None, japanese: bool) -> int | None:
    """End of the first name after a title at ``pos``, given ``end`` from :func:`name_at`:
    a foreign, Japanese or rare-surname name may be longer or stand where no name was read."""
    foreign = _TRANSLIT_RE.match(text, pos)
    run_end = _foreign_run_end(text, pos, foreign.end()) if foreign else pos
    if run_end - pos >= 4 and (end is None or run_end > end):
        if _ends_name(text, run_end) or end is None or not _ends_name(text, end):
            # 秘书长古特雷斯: a transliterated foreign name; also where nothing confirms
            # the shorter Chinese reading either (球星罗纳尔多各…, not 罗纳尔)
            end = run_end
    elif end is None:
        short = _TRANSLIT_SHORT_RE.match(text, pos)
        if short and _short_run_ends(text, pos, short.end()) and short.group(0) not in _PLACES:
            end = short.end()  # 总统拜登在, 总统克林顿访华: a short foreign name
    japanese_end = _japanese_name_end(text, pos) if japanese else None
    if japanese_end is not None:
        end = japanese_end  # 日本首相岸田文雄表示, 东京都知事小池百合子宣布
    if end is None:
        end = _listed_rare_surname(text, pos)
    if end is None and plain_adverb_name(text[pos : pos + 3]) and _ends_name(text, pos + 3):
        end = pos + 3  # 大使尚慕杰等: an adverb surname before plain given characters
    if end == pos + 2 and _three_before_end_word(text, pos):
        end = pos + 3  # 记者许宏治报道: the third character is no end word, 报道 is
    return end


def _short_run_ends(text: str, start: int, end: int) -> bool:
    """True when a run of two or three transliteration characters after a title, from
    ``start`` to ``end``, may end there: where a name may end, or, for three without a dot,
    where a word of the dictionary begins (总统克林顿访华: 访华; not 秘书长奇贝萨昆达, whose
    run goes on in characters outside the list)."""
    if _ends_name(text, end):
        return True
    if end - start < _SHORT_RUN or "·" in text[start:end] or "•" in text[start:end]:
        return False
    return bool(_dictionary().get(text[end : end + 2]))


_SHORT_RUN = 3


def _foreign_run_end(text: str, pos: int, end: int) -> int:
    """The end of a run of transliteration characters from ``pos`` to ``end`` without a dot
    at its end or a last character that begins a common word (维尔纳提出: 提出) or a word of
    three or four (哈兰德本赛季, 费利佩梅开二度: an idiom); never
    before ``pos`` (a run of dots would otherwise walk into the text before the name, and
    past offset 0 into negative indexes)."""
    words = _dictionary()
    while (
        end > pos
        and (
            text[end - 1] in "·•"
            or words.get(text[end - 1 : end + 1], 0) > COMMON
            or words.get(text[end - 1 : end + 3], 0) > 0  # 费利佩 + 梅开二度: an idiom's first
            or words.get(text[end - 1 : end + 2], 0) > 0  # 哈兰德 + 本赛季
        )
    ):
        end -= 1
    return end


def _three_before_end_word(text: str, pos: int) -> bool:
    """True when a three-character reading at ``pos`` ends before an end word while the
    two-character one does not, and no word starts at its third character (许宏治|报道;
    not 张三来|到, 来到 being a word)."""
    return (
        pos + 3 <= len(text)
        and is_han(text[pos + 2])
        and not _ends_name(text, pos + 2)
        and _END_RE.match(text, pos + 3) is not None
        and not _dictionary().get(text[pos + 2 : pos + 4])  # 张三|来到: a word starts there
    )


# Two-character words counted this often in jieba's dictionary are no names after a list
# cue (代表危险); famous names of two characters stay below it (鲁迅 1,507, 林彪 1,381).
_COMMON_COUNT = 2000


def _common_word(name: str) -> bool:
    return len(name) == 2 and (_dictionary().get(name) or 0) >= _COMMON_COUNT


# An age stands before any noun (12岁的孙子, 25岁的白领, 45岁的马夫): after it a word the
# dictionary counts a few times is that noun; names read after it (田晚霞, 金玉顺) are not
# counted.
_AGE_CUE = "岁的"
_WORD_COUNT = 5


def _counted_word(name: str) -> bool:
    return (_dictionary().get(name) or 0) >= _WORD_COUNT


# Last characters of buildings and grounds: a word of the dictionary of three characters
# ending with one is the place a title names (毛主席纪念堂, 总统官邸), not a name after it.
_BUILDING_LAST = frozenset("堂馆院楼园宫殿寺庙塔场站厅邸")


def _word_not_name(name: str, any_word: bool) -> bool:
    """True when ``name`` is a common word, a building's name or (``any_word``, after an
    age) any word the dictionary counts."""
    return _common_word(name) or _building(name) or (any_word and _counted_word(name))


def _building(name: str) -> bool:
    """(not a foreign name of transliteration characters: 法官佩罗塔)"""
    return (
        len(name) == 3
        and name[-1] in _BUILDING_LAST
        and bool(_dictionary().get(name))
        and not all(c in _TRANSLIT_CHARS for c in name)
    )


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


def _role_names(
    text: str,
    cues: list[WordMatch],
    found: dict[tuple[int, int], str],
    known: set[str],
) -> None:
    """Names after a role noun (村民王大山说), closed by a separator or an end word; not
    after one read inside other words (妇女儿童工作: no 女儿)."""
    for m in cues:
        end = m.end()
        if read_in_other_words(text, m.start(), end):
            continue
        head = text[end : end + 2]
        if (head[:1] in SURNAMES or head in SURNAMES) and (
            head not in _STOP_PREFIXES or head in _NAME_LIKE_PREFIXES
        ):
            # a separator or an end word must close it
            _list_from(text, end, found, known, any_word=text[m.start() : end] == _AGE_CUE)


def _title_names(
    text: str,
    by_kind: dict[str, list[WordMatch]],
    found: dict[tuple[int, int], str],
    known: set[str],
) -> None:
    """Names after a title (市长张三, 总统克林顿) and lists after a list cue (市领导…)."""
    overlapped = _overlapped_titles(text, by_kind["title"])
    for kind in ("list", "title"):
        for m in by_kind[kind]:
            start, end = m.span()
            if kind == "title" and (
                end in overlapped
                or _after_a_name(text, start, end)
                or (text[start] in _DIVISION_FIRST and _read_on(text, start, end))
            ):
                continue
            nxt = text[end : end + 1]
            # (知事, a prefecture's governor, is a title of Japan alone: 东京都知事小池百合子)
            japanese = kind == "title" and (
                "日本" in text[max(0, start - 4) : start] or text[start:end] == "知事"
            )
            if nxt in SURNAMES or text[end : end + 2] in SURNAMES:
                _list_from(text, end, found, known, trust_first=kind == "title", japanese=japanese)
            elif kind == "title" and (
                nxt in _TRANSLIT_CHARS or japanese or "、" in text[end + 2 : end + 4]
            ):
                # a foreign name, a Japanese one, or a rare surname before 、 (主持人撒贝宁、)
                _list_from(text, end, found, known, trust_first=True, japanese=japanese)
            elif kind == "title" and "A" <= nxt <= "Z":
                latin = _LATIN_NAME_RE.match(text, end)
                if latin:
                    found.setdefault(latin.span(), "title")  # 选手Alex: a name in Latin letters
            if kind == "title" and (
                text[end + 2 : end + 3] in _TRANSLIT_CHARS
                or text[end + 3 : end + 4] in _TRANSLIT_CHARS
            ):
                _foreign_leader_name(text, start, end, found)  # (its last one is such a character)


# First characters of the titles of a division's head (省长, 市长, 县长, 区长, 州长): the
# character may end a place instead (湖南省|长沙市).
_DIVISION_FIRST = frozenset("省市县区州")


def _foreign_leader_name(
    text: str, start: int, end: int, found: dict[tuple[int, int], str]
) -> None:
    """A foreign name after a foreign country and a title (乌克兰总统泽连斯基当天,
    德国总理朔尔茨访问): three or four Han characters closed where a name may end, all but
    one of them (not the last) transliteration characters, where no other cue found a
    name."""
    if not any(text[start - n : start] in _FOREIGN for n in (2, 3, 4, 5) if n <= start):
        return
    for n in (4, 3):
        piece = text[end : end + n]
        if len(piece) < n or piece[-1] not in _TRANSLIT_CHARS:
            continue  # 克林顿派代表: the one other character is the next word's
        if sum(c not in _TRANSLIT_CHARS for c in piece) > 1:
            continue
        if all(map(is_han, piece)) and _ends_name(text, end + n) and not _dictionary().get(piece):
            if not any(s == end for s, _e in found):
                found.setdefault((end, end + n), "title")
            return


_FOREIGN = _PLACES - {"中国"}


def _read_on(text: str, start: int, end: int) -> bool:
    """True when the title ``text[start:end]`` of a division's head is read as the end of a
    place and the start of another: jieba's most probable reading begins a word neither at
    ``start`` nor at ``end``, and the title's last character begins a common word with the
    next one (湖南省|长沙市 holds no 省长 and no name 沙市岳; 市长|张三 keeps its name, and
    部长安雷 its own: 部 ends no place)."""
    return (
        text[start] in _DIVISION_FIRST  # (tested by the caller first: cheap)
        and crosses_end(text, end)
        and not begins_on_path(text, end)
        and not begins_on_path(text, start)
    )


def _after_a_name(text: str, start: int, end: int) -> bool:
    """True when the title ``text[start:end]`` is written after a name, as an honorific
    (江泽民主席谈访美成果: 谈访美 is what he did, no name): a listed surname and one or
    two given characters after a clause boundary end at ``start``, and the title is one
    that follows names (lexicon ``people_honorifics``)."""
    for n in (3, 2):
        i = start - n
        # the cheap tests of characters first: most titles have no such name before them
        if i < 0 or text[i] not in SURNAMES:
            continue
        if i and text[i - 1] not in _CLAUSE_START and text[i - 1] not in _PRE_NAME:
            continue
        if text[start:end] not in _HONORIFIC_SET:
            return False
        name = text[i:start]
        if not _name_chars_ok(name, 1) or name in _PLACES or _not_a_name(name):
            continue
        if _dictionary().get(text[i : start + 1]):
            continue  # 文化部长: a word read across the title
        return True
    return False


_HONORIFIC_SET = frozenset(_HONORIFICS)
_TITLE_SET = frozenset(_TITLES)
_TITLE_LONGEST = max(map(len, _TITLES))
_TITLE_FIRST = frozenset(t[0] for t in _TITLES)


def _overlapped_titles(text: str, titles: list[WordMatch]) -> set[int]:
    """The ends of the titles that another title starts inside and runs past: the name
    follows the later one (英国王储查尔斯: 国王 across 英国|王储 is no title, nor 储查尔 a
    name).  The scan gives no overlapping words: the later title is looked up here."""
    out: set[int] = set()
    for m in titles:
        s, e = m.start(), m.end()
        for k in range(s + 1, e):
            if text[k] in _TITLE_FIRST and any(
                text[k : e + n] in _TITLE_SET for n in range(1, _TITLE_LONGEST - (e - k) + 1)
            ):
                out.add(e)
                break
    return out


# A name written in Latin letters after a title: a capital and lower-case letters, not an
# acronym (选手Alex, not 选手DOTA), ending where the letters end.
_LATIN_NAME_RE = rules_regex.compile("[A-Z][a-z]{2,}(?![A-Za-z0-9])")


# 以林树哲为团长的代表团, 以王明为首: the leader of a delegation or a group.
_LEADER_RE = rules_regex.compile("以(.{2,4}?)为(?:团长|首|组长|队长|领队|主任|代表|核心)")


# 免去张三的局长职务, 免去李四、王五同志的…职务: the names an appointment notice removes
# from office, joined by 、 (the fixed wording of 任免 notices).
_DISMISSED_RE = rules_regex.compile(
    f"免去((?:[{HAN}]{{2,4}}、)*[{HAN}]{{2,4}}?)(?:同志)?的[^，。；,;\n]{{0,30}}?职务"
)


def _dismissed_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """Names after 免去 and before 的…职务 (免去李四的市财政局局长职务)."""
    for m in _DISMISSED_RE.finditer(text):
        i = m.start(1)
        for name in m.group(1).split("、"):
            j = i + len(name)
            if (name_at(text, i) == j or _whole_name(text, i, j)) and name not in _PLACES:
                found.setdefault((i, j), "title")
            i = j + 1


def _leader_names(text: str, found: dict[tuple[int, int], str]) -> None:
    for m in _LEADER_RE.finditer(text):
        i, j = m.span(1)
        if _whole_name(text, i, j) or _transliterated(text[i:j], shortest=2):
            found.setdefault((i, j), "leader")
