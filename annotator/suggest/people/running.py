"""PER cue 7: names in running text with no cue beside them, by the statistics of names.

Most names in news text stand without a title, a speech verb or a list around them
(``此后，魏源在小卷阿寓所``, ``介绍贺龙入党``).  A surname followed by one or two given
characters is taken when the characters read as a name more than as a word:

- the score is the surname's and the given characters' log-odds of standing in a name
  rather than in words at large (lexicons ``people_surname_scores`` and
  ``people_given_scores``, written from jieba's dictionary by
  ``scripts/name_char_scores.py``), a little more for three characters than for two;
  a character in too few names to be counted but rare in words (``俨``, ``鲲``) scores
  by smoothed odds, capped (``people_given_rare_scores``);
- words veto: the surname must not end or sit inside a dictionary word that starts before
  it (``驻华``, ``北戴河``), the two-character form must be no dictionary word (``高峰``,
  ``文明``), the first two characters of a three-character form neither (``严重性``);
  a given part that is itself a word, or a last character that makes a word with the
  next one, lowers the score;
- a two-character form must end where a name may end (a separator, a particle, an end
  word: :func:`~.names._ends_name`); the longer form is tried first;
- surnames that are more often adverbs or verbs (向, 于, 曾 …) need common given-name
  characters, as the other cues ask (:func:`~.names._name_chars_ok`); a run of
  transliteration characters is a foreign name, not a surname (``托曼戴尔``),
  unless its last character begins a common word (``毛泽东提供``, ``钱伯斯本人``);
- a single surname before an honorific is a name on its own (``程先生``, ``周总理``), as
  news NER corpora mark it.
- foreign names: a run of three to eight transliteration characters that ends where a
  name may end (four or more need not: ``卡斯蒂诺往往``), holds no common word of jieba's
  dictionary (``马拉松``) and is no word + 赛 (``马拉松赛``), does not end like a place
  (``拉塔基亚``) nor stand beside ``vs`` or after ``队`` (teams): ``4号哈克普尔，``,
  ``与瓦杰帕伊进行``; parts joined by a hyphen are one name (``马丁-斯克特尔``); a run
  right before Latin letters is a make before its model's code (``英菲尼迪Q50``,
  ``福克斯ST``), no person;
- no name: one that fills a pair of quotation marks (``台风“杜苏芮”``: typhoons, ships,
  dishes and nicknames are quoted whole), one that ends like a village, town or county
  (``林溪村``, ``邱县``).

jieba's dictionary is loaded on first use (about half a second, from jieba's cache);
without jieba the cue finds nothing.  The candidates of this cue are weaker than the
others: :func:`annotator.suggest._rule_candidates` drops those that overlap another
label's candidate or another name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator import lexicon, rules_regex
from annotator.suggest._text import is_han, trie_pattern
from annotator.suggest._words import COMMON, dictionary

from .cues import TITLE_RE
from .names import (
    _ADVERB_SURNAMES,
    _GIVEN_COMMON,
    _NOT_GIVEN,
    _PRE_NAME,
    _TRANSLIT_CHARS,
    SURNAMES,
    _ends_name,
    _not_a_name,
    last_begins_word,
)

# Characters too rare to count (俨, 鲲) score as name characters, but never more than
# _RARE_CAP: a rare character is weaker evidence than a common given-name one.
_RARE_CAP = 1.0  # the cap changes nothing on dev slices of MSRA and CLUENER (0.5-2)
_GIVEN = {
    c: min(float(s), _RARE_CAP) for c, s in lexicon.fields("people_given_rare_scores", "0").items()
}
_GIVEN.update({c: float(s) for c, s in lexicon.fields("people_given_scores", "0").items()})
_SURNAME = {c: float(s) for c, s in lexicon.fields("people_surname_scores", "0").items()}
_UNSEEN = -3.0  # a character never seen in a given name: as unlikely as a particle
THRESHOLD = 2.0  # chosen on a dev slice of MSRA train (F1 of PER), not on any test file
_THREE_BONUS = 0.5  # three characters are the usual length of a Chinese name
_TWO_PENALTY = 1.0
_GLUED_FACTOR = 2.0
_WORD_PENALTY = 1.5
_NOT_ENDING_PENALTY = 2.0
# Honorifics and forms of address after which a lone surname is a name (程先生, 周总理,
# 王大娘): lexicon ``people_lone_surname_cues``.
_HONORIFICS = lexicon.words("people_lone_surname_cues")
# … those of two or more characters (先生, 女士): a cue even where the surname and a
# one-character form of address would make a word (see _word_with_address).
_LONG_HONORIFICS = tuple(h for h in _HONORIFICS if len(h) > 1)
_HONORIFIC_RE = rules_regex.compile(trie_pattern(_HONORIFICS))
_HONORIFIC_FIRST = frozenset(h[0] for h in _HONORIFICS)

_SURNAME_RE = rules_regex.compile(f"[{lexicon.char_class(_SURNAME)}]")


def _inside_word(text: str, i: int, freq: Any) -> bool:
    """True when the surname at ``i`` ends or sits inside a word starting before it
    (驻华, 北戴河; 签证官江德力: 官 ends 签证官)."""
    if not i:
        return False
    get = freq.get  # the words of two to four characters that hold text[i], unrolled
    if get(text[i - 1 : i + 1]) or get(text[i - 1 : i + 2]) or get(text[i - 1 : i + 3]):
        return True
    return i >= 2 and bool(get(text[i - 2 : i + 1]) or get(text[i - 2 : i + 2]))


def _score(text: str, i: int, end: int, freq: Any) -> float | None:
    """The name score of ``text[i:end]`` (a surname at ``i``), or None when it is vetoed.

    The characters' sum comes first: most candidates fail it and need no word look-ups.
    """
    given = text[i + 1 : end]
    # the given characters' sum written out for their one or two (a generator costs more
    # than the look-ups): the same float additions as sum(), in the same order
    g = _GIVEN.get
    if len(given) == 1:
        score = _SURNAME.get(text[i], _UNSEEN) + g(given, _UNSEEN)
    else:
        score = _SURNAME.get(text[i], _UNSEEN) + (g(given[0], _UNSEEN) + g(given[1], _UNSEEN))
    score += -_TWO_PENALTY if len(given) == 1 else _THREE_BONUS
    if score < THRESHOLD or (len(given) == 2 and given[1] in _NOT_GIVEN):
        return None  # (郭蓉以及: the test of a set before the dearer vetoes; all are pure)
    if _vetoed(text, i, end, freq):
        return None
    if len(given) == 2 and last_begins_word(text, end):
        return None  # 郭蓉以及, 李元成为: the last character begins what follows
    if len(given) == 2 and freq.get(given):
        # 调储春耕, 彩叶乔木: a word after a surname character glued to the word before
        glued = i > 0 and is_han(text[i - 1]) and text[i - 1] not in _PRE_NAME
        score -= _WORD_PENALTY * (_GLUED_FACTOR if glued else 1.0)
    if not _ends_name(text, end):
        score -= _NOT_ENDING_PENALTY
        if freq.get(text[end - 1 : end + 1]):
            if len(given) == 2:
                return None  # 詹俊足彩, 吴京闯…: the last character begins the next word
            score -= _WORD_PENALTY
    return score


# Last characters of village, town, county and palace names that end no given name in
# running text (林溪村, 周凤邑, 黄泽宫, 邱县): the other cues still take them after a title.
_PLACE_ENDS = frozenset("村邑宫镇寨乡县")


# Words said of a place's surroundings or inside (一带, 附近, 境内): no name found by its
# statistics alone stands right before them (屈吴山、哈思山一带).
_PLACE_WORDS_AFTER = ("一带", "附近", "境内", "沿岸", "流域")


def _vetoed(text: str, i: int, end: int, freq: Any) -> bool:
    """True when ``text[i:end]`` cannot be a name: a non-Han character, a place or a common
    word, an adverb surname before uncommon characters, a word in its first two characters,
    a two-character form that does not end where a name may end."""
    name = text[i:end]
    given = name[1:]
    # (the vetoes are pure tests joined by "or": the dictionary look-ups, which veto most
    # candidates, come first)
    if freq.get(name[:2] if len(given) == 2 else name) or name[-1] in _PLACE_ENDS:
        return True
    for c in given:  # a plain loop: all() over a generator costs twice as much here
        if not is_han(c):
            return True
    if _not_a_name(name):
        return True
    if text[i] in _ADVERB_SURNAMES and not all(c in _GIVEN_COMMON for c in given):
        return True
    if (
        len(given) == 1
        and text[i] in _ADVERB_SURNAMES
        and freq.get(text[i + 1 : i + 3], 0) > COMMON
    ):
        return True  # 曾荣获: the adverb before a verb (荣获), no surname
    if len(given) == 1:
        # 郭蓉以及, 王涛更是: a character that never ends a given name ends the name
        return not (_ends_name(text, end) or text[end] in _NOT_GIVEN)
    return False


# Marks after which a clause opens: an adverb surname there (许小姐, 何先生) stands before an
# honorific as a surname, not as an adverb (也许先生们: 许 ends 也许)
_CLAUSE_MARKS = frozenset("，。；：！？、“”（）() \n\u3000")
# Surnames that open a clause as prepositions before a person (向爷爷, 连医生都说)
_PREPOSITION_SURNAMES = frozenset("向连")


def _opens_clause(text: str, i: int) -> bool:
    """True when the surname at ``i`` opens a clause and its honorific is one person's (not
    先生们, a plural)."""
    if (i and text[i - 1] not in _CLAUSE_MARKS) or text[i] in _PREPOSITION_SURNAMES:
        return False
    m = _HONORIFIC_RE.match(text, i + 1)
    return m is not None and text[m.end() : m.end() + 1] != "们"


def _name_from(text: str, i: int, freq: Any) -> int | None:
    """The end of the best name starting with the surname at ``i``, or None."""
    if text[i + 1 : i + 2] in _HONORIFIC_FIRST and text.startswith(_HONORIFICS, i + 1):
        ok = (text[i] not in _ADVERB_SURNAMES or _opens_clause(text, i)) and _SURNAME.get(
            text[i], _UNSEEN
        ) > 0
        return i + 1 if ok and not _word_with_address(text, i, freq) else None
    best: tuple[float, int] | None = None
    for end in (i + 3, i + 2):
        if end > len(text):
            continue
        score = _score(text, i, end, freq)
        if score is not None and score >= THRESHOLD and (best is None or score > best[0]):
            best = (score, end)
    return best[1] if best else None


def running_names(text: str, taken: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """``(start, end)`` of the names of ``text`` found by their statistics alone, left to
    right, none overlapping another or a range of ``taken`` (other cues' candidates)."""
    freq = dictionary()
    if not freq:
        return []
    blocked = bytearray(len(text))
    for s, e in taken:
        blocked[s:e] = b"\x01" * (e - s)
    out: list[tuple[int, int]] = []
    free = 0  # names do not overlap: the next may start here
    given = _GIVEN.get
    surname = _SURNAME.__getitem__
    for m in _SURNAME_RE.finditer(text):
        i = m.start()
        if i < free or blocked[i]:
            continue
        # A cheap bound spares most surname characters the word look-ups: a name here
        # could reach the threshold before any penalty, or the surname stands before an
        # honorific (the tuple test, the dearest, last).  Written out in the loop: a call
        # a surname character cost more than the test.
        first = text[i + 1 : i + 2]
        base = surname(text[i]) + given(first, _UNSEEN)
        if (
            base - _TWO_PENALTY < THRESHOLD
            and base + given(text[i + 2 : i + 3], _UNSEEN) + _THREE_BONUS < THRESHOLD
            and not (first in _HONORIFIC_FIRST and text.startswith(_HONORIFICS, i + 1))
        ):
            continue
        if _foreign_run(text, i) or _inside_word(text, i, freq):
            continue
        end = _name_from(text, i, freq)
        if (
            end is None
            or any(blocked[i:end])
            or _quoted(text, i, end)
            or text.startswith(_PLACE_WORDS_AFTER, end)  # 哈思山一带: no person's
        ):
            continue
        out.append((i, end))
        free = end
    runs = [m.span() for m in _FOREIGN_RUN_RE.finditer(text)]
    if runs:
        for s, e in out:
            blocked[s:e] = b"\x01" * (e - s)
        out = _joined_by_hyphens(text, sorted(out + _foreign_names(text, runs, blocked, freq)))
    return out


# Foreign names with no cue (受到赞扬的有4号哈克普尔，说…; 瓦杰帕伊进行了): a run of three to
# eight transliteration characters that ends where a name may end, is no word of jieba's
# dictionary and holds none (马拉松, 托拉斯法), does not end like a place (拉塔基亚, 拉贾斯坦邦)
# and is neither a part of a dotted name nor quoted (“卡西尼”号).
_RUN_CHARS = "".join(c for c in _TRANSLIT_CHARS if c not in "·•")
# ([C][C]{2,7}, not [C]{3,8}: a leading class lets ``re`` skip to its characters in C)
_FOREIGN_RUN_RE = rules_regex.compile(
    f"[{lexicon.char_class(_RUN_CHARS)}][{lexicon.char_class(_RUN_CHARS)}]{{2,7}}"
)
_PLACE_LAST = frozenset("亚邦堡港岛城湾")
# ... and after it the kinds of place that follow no person (not 州 and 市: 州长, 市长)
_PLACE_AFTER = _PLACE_LAST | frozenset("镇乡村县旗")
_NOT_AROUND = frozenset('·•“"《')
# jieba counts above which a run or a part of it is a word (马拉松); two characters must be
# commoner (普尔 and 戴尔 end many names): chosen on dev slices of MSRA train.
_COMMON_COUNT = 100
_COMMON_PAIR = 1000
_LONG_RUN = 4
_HYPHENS = frozenset("-－‐")
_LATIN_RE = rules_regex.compile("[A-Za-zＡ-Ｚａ-ｚ]")
_RUN_CHARS_SET = frozenset(_RUN_CHARS)


# Quotation marks that wrap a name of its own (台风“杜苏芮”, “海燕”号): with no cue, what is
# quoted whole is a typhoon, a ship, a nickname or a brand more often than a person.
_OPEN_QUOTES = frozenset('“"「『')
_CLOSE_QUOTES = frozenset('”"」』')


def _quoted(text: str, s: int, e: int) -> bool:
    """True when ``text[s:e]`` fills a pair of quotation marks (台风“杜苏芮”登陆)."""
    return s > 0 and text[s - 1] in _OPEN_QUOTES and text[e : e + 1] in _CLOSE_QUOTES


def _foreign_names(
    text: str, runs: list[tuple[int, int]], blocked: bytearray, freq: Any
) -> list[tuple[int, int]]:
    """``(start, end)`` of the runs of transliteration characters of ``text`` outside
    ``blocked`` that are names."""
    out: list[tuple[int, int]] = []
    for s, e in runs:
        # 费利佩 + 梅开二度: the run's last character opens a word of four (an idiom) and
        # belongs to it; what is left ends before a word
        cut = e - s >= _LONG_RUN and freq.get(text[e - 1 : e + 3], 0) > 0
        e -= cut
        if any(blocked[s:e]) or text[e - 1] in _PLACE_LAST or text[e : e + 1] in _PLACE_AFTER:
            continue  # (乌利亚斯泰镇: the run names a township)
        if not _run_may_end(text, s, e, cut):
            continue
        if freq.get(text[e - 1 : e + 1], 0) > _COMMON_PAIR:
            continue  # 卡斯蒂诺保持: the last character begins the next word
        if (
            text[e : e + 1] in _NOT_AROUND
            or (s and text[s - 1] in _NOT_AROUND)
            # 新通道 + 班列: a run of three whose first character ends a common word
            or (s and e - s < _LONG_RUN and freq.get(text[s - 1 : s + 1], 0) > COMMON)
        ):
            continue
        if _LATIN_RE.match(text, e):
            continue  # 英菲尼迪Q50, 福克斯ST: a make before its model's code, no person
        if _beside_versus(text, s, e) or _contest(text[s:e], freq):
            continue
        if _before_a_titled_name(text, e, blocked):
            continue  # 阿里巴巴首席执行官吴泳铭: the employer of the one the title names
        if any(
            freq.get(text[a:b], 0) > (_COMMON_PAIR if b - a == 2 else _COMMON_COUNT)
            for a in range(s, e - 1)
            for b in range(a + 2, e + 1)
        ):
            continue
        out.append((_hyphened_start(text, s), e))
    return out


def _run_may_end(text: str, s: int, e: int, cut: bool) -> bool:
    """True when a run of transliteration characters may be a name ending at ``e``: four
    or more such characters are a name on their own (卡斯蒂诺往往); three may still be part
    of a word, so they must end where a name may end or where an idiom was cut off; none
    is said again and again (沙沙沙: a sound)."""
    if e - s < _LONG_RUN and not (cut or _ends_name(text, e)):
        return False
    return not _not_a_name(text[s:e])


def _before_a_titled_name(text: str, e: int, blocked: bytearray) -> bool:
    """True when a title follows the run ending at ``e`` and a name found by another cue
    (a surname or a transliteration character first) follows the title: the title is that
    person's, the run names whom they serve."""
    m = TITLE_RE.match(text, e)
    if m is None or m.end() >= len(text) or not blocked[m.end()]:
        return False
    # a name, not a date or a figure (尼安达中将二十八日: the title is his)
    return text[m.end()] in SURNAMES or text[m.end()] in _TRANSLIT_CHARS


def _contest(run: str, freq: Any) -> bool:
    """True when the run is a word of the dictionary and 赛 (a contest: 马拉松赛), no
    person's name; 赛 is the one kind of thing among the transliteration characters."""
    return run[-1] == "赛" and bool(freq.get(run[:-1]))


def _joined_by_hyphens(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``names`` (sorted) with two foreign names joined by a hyphen made one (勒布朗-詹姆斯:
    詹姆斯 also reads as a surname and a given name)."""
    out: list[tuple[int, int]] = []
    for s, e in names:
        if out and out[-1][1] == s - 1 and text[s - 1] in _HYPHENS:
            a, b = out[-1]
            if all(c in _TRANSLIT_CHARS for c in text[a:b] + text[s:e]):
                out[-1] = (a, e)
                continue
        out.append((s, e))
    return out


def _beside_versus(text: str, s: int, e: int) -> bool:
    """True when the run at ``s:e`` stands beside ``vs``, after ``对阵`` or beside ``队``:
    a team (费尔南多vs阿尔梅里亚, 球队拉帕伦加, 拉帕伦加队), not a person."""
    after = text[e : e + 2]
    before = text[max(0, s - 2) : s]
    if after.lower() == "vs" or before.lower() == "vs" or before == "对阵":
        return True
    return before[-1:] == "队" or after[:1] == "队"  # 球队拉帕伦加, 拉帕伦加队


def _hyphened_start(text: str, s: int) -> int:
    """The start of a foreign name whose parts are joined by a hyphen (马丁-斯克特尔): the
    transliteration characters before the hyphen belong to it."""
    if s < 3 or text[s - 1] not in _HYPHENS:
        return s
    i = s - 1
    while i and text[i - 1] in _RUN_CHARS_SET:
        i -= 1
    return i if s - 1 - i >= 2 else s


# jieba count above which surname + 老 + a character is a word (敬老院 45, 米老鼠 38), not
# a surname and a form of address (王老师 3, 李老汉 19: 老师 and 老汉 are cues of their own)
_NAMED_THING = 20


def _word_with_address(text: str, i: int, freq: Any) -> bool:
    """True when the surname at ``i`` and a one-character form of address after it (老)
    make a common word (古老, 元老); longer forms (先生, 女士) are cue enough unless the
    surname and the form are one common word (班主任)."""
    if text.startswith(_LONG_HONORIFICS, i + 1):
        # 班主任: the surname character and the form of address are one common word, and
        # so are the surname and the form's first character (班主); jieba also counts
        # names with a form of address (程先生 190, 王夫人 796) but not their first two
        return bool(freq.get(text[i : i + 2])) and any(
            freq.get(text[i : i + 1 + len(h)], 0) > COMMON
            for h in _LONG_HONORIFICS
            if text.startswith(h, i + 1)
        )
    # 敬老院, 米老鼠: a common word of three characters holds the surname and 老
    return freq.get(text[i : i + 2], 0) > COMMON or freq.get(text[i : i + 3], 0) > _NAMED_THING


def _foreign_run(text: str, i: int) -> bool:
    """True when the surname at ``i`` is inside a transliterated name (托曼戴尔, 戴陆西尔)."""
    if i and text[i - 1] in _TRANSLIT_CHARS:
        return True
    nxt = text[i + 1 : i + 4]
    if not nxt or nxt[0] not in _TRANSLIT_CHARS:
        return False
    # a run of four transliteration characters (皮尔庞特), not 毛泽东 (泽 and 东 are both),
    # nor one whose last character begins a common word (朱丽华 + 特别: the run ends there)
    return nxt[0] not in _GIVEN or (
        len(nxt) == 3
        and all(c in _TRANSLIT_CHARS for c in nxt)
        and dictionary().get(text[i + 3 : i + 5], 0) <= COMMON
    )


def name_score(name: str, surname_len: int = 1) -> float:
    """How well ``name`` reads as a name by the statistics of surnames and given characters
    alone (no word look-ups): the surname's and the given characters' log-odds, a bonus for
    two given characters."""
    g = _GIVEN.get
    score = _SURNAME.get(name[0], 0.0 if surname_len == 2 else _UNSEEN)
    for c in name[surname_len:]:
        score += g(c, _UNSEEN)
    return score + (_THREE_BONUS if len(name) - surname_len == 2 else -_TWO_PENALTY)
