"""ORG chains: a sub-unit or a branch after an organisation (市政务服务中心项目代办科,
杭州市公安局西湖区分局), and a listed place's organ or team (美国国防部, 中国女排).
"""

from __future__ import annotations

from annotator import lexicon, rules_regex
from annotator.numerals import NUMERALS
from annotator.suggest import _places as P
from annotator.suggest._text import HAN, Candidate, is_han, trie_pattern
from annotator.suggest._words import crosses_start
from annotator.suggest.abbreviations import _after_boundary as after_boundary

from .common import _STOP_CHARS, ORG
from .named import OF_A_COUNTRY, _named_orgs
from .suffixes import _suffix_orgs

# After a listed place (country, province, city) these words make an organisation:
# 美国国防部, 中国女排, 上海队.  Not 政府: a named place's government is tagged as the
# place (日本政府 -> 日本, 岳阳市人民政府 -> 岳阳市), as in the MSRA/People's Daily gold.
_ORGANS_AFTER_PLACE = trie_pattern(lexicon.words("orgs_after_place"))
# (their first characters: most places are followed by none, and no match is tried)
_ORGAN_FIRST = frozenset(w[0] for w in lexicon.words("orgs_after_place"))
# 美国财政部长: the ministry before 部长 is tagged (the guidelines); 队长, 队员, 队友 are
# not teams.
_ORGAN_AFTER_PLACE_RE = rules_regex.compile(
    f"{_ORGANS_AFTER_PLACE}(?:(?<=部)(?=长)|(?![伍员长列形友]))"
)
# A country's ministry named in its minister's title (美国能源部长, 巴西新闻部长): any
# ministry, listed or not, is tagged with the country (the guidelines).
_MINISTRY_IN_TITLE_RE = rules_regex.compile(
    f"(?:(?![{_STOP_CHARS}、和前原任副部])[{HAN}]){{1,5}}?部(?=长)"
)
# A place's numbered or lettered team: 中国二队, 中国４队, 捷克国家B队.
_NUMBERED_TEAM_RE = rules_regex.compile(
    "(?:国家)?(?:[一二三四五六七八九十]|[0-9０-９]{1,2}|[A-ZＡ-Ｚ])(?:男|女)?队(?![员长伍列形])"
)
# A place's numbered school: 长沙一中, 石门二小 (not 一中全会, 二小时).
_NUMBERED_SCHOOL_RE = rules_regex.compile(
    "[一二三四五六七八九十]{1,3}(?:中|小)(?![学国央心文间期午级等旬型部断止时队组全])"
)
_TEAM_FIRST = frozenset("国一二三四五六七八九十0123456789０１２３４５６７８９") | frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
)
_SUB_UNIT_RE = rules_regex.compile(
    "(?!举行|召开|组织|开展|进行|发布|提出|批准|决定|审议|通过|宣布)"  # a verb, not a unit
    "(?!主席|主任|书记|秘书长|部长|局长|院长|会长|理事长|委员|副"  # a title and a name
    "|所长|厂长|校长|社长|站长|馆长|处长|科长|行长|台长|团长|队长|组长)"
    f"(?:(?![{_STOP_CHARS}和、省市县区委局])[{HAN}]){{2,6}}?"
    # 司: a department of a ministry (外交部礼宾司; not 公司, 上司, 司令)
    "(?:(?<![学本专预理工文])科|处|室|(?<![参控持入配成])股|(?<![公上])司|办公室|支队|大队|中队)"
    "(?!理|长|内|外|有|以|伍|在|员|学|技|研|令|分|罚|置)"  # 舰队司令: a title; 处分, 处罚
)

# A numbered unit of an organisation: 监狱 + 四中队, 支队 + 二大队 (not 四中队员).
_NUMBERED_UNIT_RE = rules_regex.compile(
    "(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,3})(?:中队|大队|支队|小队|分队)(?![员长])"
)

# Branches and institutes chained to an organisation: 杭州市公安局 + 西湖区分局,
# 中国科学院 + 国家天文台, 复旦大学附属中山医院 + 心内科 (the unit may hold a place).
_BRANCH_RE = rules_regex.compile(
    f"(?:(?![{_STOP_CHARS}和、])[{HAN}]){{1,8}}?(?:分局|分院|分行|支行|分公司|派出所|检察室|法庭|审判庭|执行庭|"
    "研究所|研究院|研究中心|重点实验室|实验室|天文台|附属医院|医院|学院|分社|医疗队|观察团)"
    "(?!长|内|士|里)"
)
# A sub-unit, else a branch, else a numbered unit: one pattern, one call a candidate (the
# alternatives are tried in that order at one place, as three calls tried them).
_UNIT_RE = rules_regex.compile(
    f"(?:{_SUB_UNIT_RE.pattern})|(?:{_BRANCH_RE.pattern})|(?:{_NUMBERED_UNIT_RE.pattern})"
)
# Bodies inside an organisation, written right after it (福州市国税局党组会议, 中国工程院
# 主席团, 中共固安县委宣传部): one organisation with it, as a sub-unit is.  Not before a
# title (党组书记, 党委副书记, 党组成员): the guidelines tag the organisation alone; but a
# secretariat's secretaries are named with it (团中央书记处书记: 书记处 is the body).
_INNER_BODY_RE = rules_regex.compile(
    "(?<=报)社(?!论|会)|书记处|(?:党组|党委|党总支|党支部|主席团|常委会|宣传部|组织部|统战部|编辑部|秘书处|办公厅"
    "|总部|学生会|研究生院|教练组)"
    "(?!成员|委员|书记|副书记)"
)
_INNER_FIRST = frozenset("党主常宣组统编秘书办总学研教社")
# A department of a university (华东师范大学地理系, 中国人民大学社会学系).
_DEPARTMENT_RE = rules_regex.compile(f"(?:(?![{_STOP_CHARS}])[{HAN}]){{1,4}}?系(?![统列数着列])")


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
        if text[e : e + 1] == "暨":
            continue  # 省作家协会暨南京大学文学院: two bodies joined, no sub-unit
        m = (
            (_INNER_BODY_RE.match(text, e) if text[e : e + 1] in _INNER_FIRST else None)
            or _UNIT_RE.match(text, e)  # a sub-unit, a branch or a numbered unit
            or (_DEPARTMENT_RE.match(text, e) if text[e - 2 : e] in _SCHOOLS else None)
        )
        if m:
            chained.append((s, m.end(), ORG, {}))
            sub = _SUB_UNIT_RE.match(text, m.end())
            if sub:  # 海淀分局 + 中关村派出所 + 治安科
                chained.append((s, sub.end(), ORG, {}))
    chained += _place_organs(text, listed)
    found = _with_place_before(text, out + chained, listed)
    found = [
        o
        for o in found
        if text[o[0] : o[1]] not in OF_A_COUNTRY or _country_named(text, o[0], listed)
    ]
    return found + _teams_listed_before(text, found, listed)


def _place_organs(text: str, listed: list[tuple[int, int]]) -> list[Candidate]:
    """A listed place + an organ or a team (日本政府, 中国女排), a team with the club words
    before its city too (国际 + 米兰队)."""
    out: list[Candidate] = []
    for s, e in listed:
        m = _ORGAN_AFTER_PLACE_RE.match(text, e) if text[e : e + 1] in _ORGAN_FIRST else None
        if m is None and text[e : e + 1] in _TEAM_FIRST:
            m = _NUMBERED_TEAM_RE.match(text, e) or _NUMBERED_SCHOOL_RE.match(text, e)
        if m is None and text[s:e] in P.COUNTRY_SET:
            m = _MINISTRY_IN_TITLE_RE.match(text, e)
        if m:
            out.append((s, m.end(), ORG, {}))
            if text[m.end() - 1] in _TEAM_LAST and s > 1:
                club = _club_start(text, s)  # 国际 + 米兰队, 皇家 + 马德里队
                if club < s:
                    out.append((club, m.end(), ORG, {}))
    return out


# The last characters of a team word after a place (队, 女排, 男足, 女篮).
_TEAM_LAST = frozenset("队排足篮")


def _full_width(word: str) -> str:
    """``word`` with its Latin letters in full width (AC -> ＡＣ), as MSRA writes them."""
    return "".join(chr(ord(c) + 0xFEE0) if "A" <= c <= "Z" else c for c in word)


# Words of a club's name before its city (lexicon ``orgs_club_words``: 国际, 皇家, AC).
_CLUB_WORDS = frozenset(
    form for w in lexicon.words("orgs_club_words") for form in (w, _full_width(w))
)
_CLUB_LENGTHS = sorted({len(w) for w in _CLUB_WORDS}, reverse=True)


def _club_start(text: str, s: int) -> int:
    """The start of the club words right before the place at ``s`` of a team (国际米兰队,
    皇家马德里队), or ``s``: a word is taken only where it is no end of a longer word and no
    other word runs across its start (击败 + 皇家马德里队; no 国际 in 中国际…)."""
    for n in _CLUB_LENGTHS:
        a = s - n
        if a < 0 or text[a:s] not in _CLUB_WORDS:
            continue
        if text[a].isascii() or "Ａ" <= text[a] <= "Ｚ":
            # a Latin word whole: no letter before it (NBAC米兰 holds no AC)
            if a and (text[a - 1].isalnum() and not is_han(text[a - 1])):
                continue
        elif crosses_start(text, a):
            continue
        return a
    return s


def _country_named(text: str, s: int, listed: list[tuple[int, int]]) -> bool:
    """True when a country is named in the paragraph of ``s``: a bare 国会 or 内阁 is then a
    country's (美国总统建议国会, 国会中有人反对给予中国…), else no named organisation."""
    line = text.rfind("\n", 0, s) + 1
    end = text.find("\n", s)
    end = len(text) if end == -1 else end
    return any(line <= ps and pe <= end and text[ps:pe] in P.COUNTRY_SET for ps, pe in listed)


_LIST_MARKS = frozenset("、和与及")
_TEAM_NAME_LENGTHS = (2, 3)


def _teams_listed_before(
    text: str, orgs: list[Candidate], listed: list[tuple[int, int]]
) -> list[Candidate]:
    """Teams in a list that only the last one's 队 closes: 天河青松、滨江飞鹰和湖州红狮队
    gives three teams, each a listed place + a short name.  A bare place in the list
    (、上海、) is passed over, not tagged."""
    teams = [
        (s, e)
        for s, e, _, _ in orgs
        if text[e - 1] == "队" and s > 1 and text[s - 1] in _LIST_MARKS
    ]
    if not teams:
        return []
    place_at_end: dict[int, int] = {}
    for ps, pe in listed:
        place_at_end.setdefault(pe, ps)
    starts = set(place_at_end.values())
    out: list[Candidate] = []
    for s, _e in teams:
        if s not in starts:
            continue
        j = s
        while j > 1 and text[j - 1] in _LIST_MARKS:
            end = j - 1
            if end in place_at_end:
                j = place_at_end[end]  # a bare place: no team name to tag
                continue
            start = next(
                (place_at_end[end - n] for n in _TEAM_NAME_LENGTHS if end - n in place_at_end),
                None,
            )
            if start is None or not all(map(is_han, text[start:end])):
                break
            out.append((start, end, ORG, {}))
            j = start
    return out


_SCHOOLS = frozenset(("大学", "学院"))
_LEAGUE_ORGANS = ("中央", "省委", "市委", "县委")
# (欧: the European Union, 欧央行)
_COUNTRY_LETTERS = frozenset(
    "美俄日英法德意印巴伊朝韩越泰澳墨加瑞厄马乌哈土菲挪荷希埃叙欧柬孟塞黎赞"
)


def _country_letter_before(text: str, s: int) -> bool:
    """True when a one-character country name stands before the body at ``s``, itself after
    a clause boundary or a function word (据俄中央银行, 俄国家杜马, 柬宪法委员会, 墨总检察院;
    not 国务院办公厅外交部, nor the day of a date: 30日阿根廷队)."""
    if s < 1 or text[s - 1] not in _COUNTRY_LETTERS:
        return False
    if s >= 2 and text[s - 2] in NUMERALS:
        return False  # 30日阿根廷队, 7日世界卫生组织: the day of a date
    if crosses_start(text, s - 1):
        return False  # 称赞 + 中华总商会: the character ends a word, no country (赞比亚)
    return after_boundary(text, s - 1)


_BEFORE_FIRST = _COUNTRY_LETTERS | frozenset("驻家团")


# The last characters of a mission or an office posted abroad (使馆, 办事处, 代表团, 记者站).
_MISSION_LAST = frozenset("馆处团站社组所")


def _start_before(text: str, s: int, e: int, place_at_end: dict[int, int]) -> int | None:
    """The start of what names an organisation at ``s`` when no listed place ends there:
    X驻 (中国驻 + 南非大使馆), 国家 (国家科学技术部), a country by its one character
    (俄中央银行), the Youth League (团中央)."""
    before = text[s - 1]
    if before == "驻":
        # only a mission there (中国驻 + 南非大使馆, 驻联合国代表团): 科威特驻联合国大使 names
        # the country and the body apart (the guidelines)
        return place_at_end.get(s - 1) if text[e - 1] in _MISSION_LAST else None
    if before == "家" and s >= 2 and text[s - 2] == "国":
        return s - 2
    if before in _COUNTRY_LETTERS:
        return s - 1 if _country_letter_before(text, s) else None
    if before == "团" and text.startswith(_LEAGUE_ORGANS, s):
        return s - 1
    return None


def _with_place_before(
    text: str, orgs: list[Candidate], listed: list[tuple[int, int]]
) -> list[Candidate]:
    """The organisations that a listed place directly precedes, taken with it: a country's
    ministry or body (美国 + 财政部, 国家 + 科学技术部 is the head rule's), an embassy
    named by both countries (中国驻 + 南非大使馆)."""
    place_at_end = {e: s for s, e in listed}
    out = []
    for s, e, label, attrs in orgs:
        if s in place_at_end and text[s:e] == "中央" and text.startswith("政府", e):
            continue  # 英国中央政府: a named place's government is the place (GUIDELINES)
        out.append((s, e, label, attrs))
        start = place_at_end.get(s)
        if start is None and s and text[s - 1] in _BEFORE_FIRST:
            start = _start_before(text, s, e, place_at_end)
        if start is not None:
            out.append((start, e, label, attrs))
    return out
