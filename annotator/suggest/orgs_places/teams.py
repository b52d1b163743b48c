"""Places that stand for their teams: a country or a province named as a side of a match
is the team, an ORG (MSRA: ``巴西胜挪威``, ``德国与伊朗的比赛``, ``苏格兰、挪威、丹麦等队``,
``B组有四川、河北、吉林``), as ``中国女排`` is.  A place is read as a team only by what
the sentence says of it as one: a list of places counted or summed up as teams (``等队``,
``三队``, ``两强``, ``4支国家队``), the teams of a group (``A组有``), two places around a
verb of winning or before a match (``巴西胜挪威``, ``美国与伊朗的比赛``), or a verb of
beating before the places (``击败西班牙、保加利亚``).  A nationality before a person
(``中国车手``) stays a place.
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.suggest._text import HAN, Candidate, is_han

from .common import ORG, PageWords

# Characters without one of which no cue of a list, a group or a match stands in the text
# (队 强 of 等队 两强, 组 of A组有, 赛 战 of 比赛 之战, 轮 of a round's fixtures).
_CUE_CHARS = "队强组赛战轮"
# What joins the places of a list.
_JOINERS = frozenset("、和与及")
# After a list: what sums its places up as teams (等队, 等东欧球队, 等强手, 三队, 4支国家队,
# 两个亚洲队, 两强).
# (Not 等…对手: 等竞争对手 sums up rivals in trade as often as in sport.)
_TEAMS_AFTER_RE = rules_regex.compile(
    f"(?:等[{HAN}]{{0,6}}?(?:队|强手)|[两二三四五六七八九十0-9０-９]{{1,2}}(?:支|个)?[{HAN}]{{0,4}}?队"
    "|[两二三四]强)"
)
# Before a list: a group's teams (A组有, 同组有, A组：).
_GROUP_BEFORE = ("组有", "组：", "组:")
# Verbs of beating, drawing or meeting before the places beaten or met (击败西班牙、保加利亚,
# 迎战丹麦).
_BEATING = (
    *("击败", "战胜", "战平", "逼平", "败给", "负于", "输给", "淘汰"),
    *("迎战", "对阵", "力克", "不敌", "险胜", "大胜"),
)
_BEATING_WORDS = PageWords(*_BEATING, each=True)
# Between two places: one beat or lost to the other (巴西胜挪威).
_RESULT = frozenset("胜负")
# After two places joined by 与/和/对: their match (德国与伊朗的比赛, 美国与伊朗这么一场比赛;
# not 之战, as often a war or a trade war: 美国对伊拉克之战, 美国对日本的贸易之战).
_MATCH_AFTER_RE = rules_regex.compile(f"[{HAN}]{{0,5}}?比赛")
# A round of a competition before its fixtures (第一轮, 第12轮, 首轮; not 新一轮 of sanctions
# or talks).
_ROUND_BEFORE_RE = rules_regex.compile(r"(?:第[一二三四五六七八九十百0-9０-９]+|首|次|末)轮$")
# After 队: the words that are no team (队员, 队长, 队伍, 队列, 队形).
_NOT_A_TEAM = frozenset("员长伍列形")


def _runs(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Maximal runs of places one character apart, joined by 、和与及 (or 胜/负 for two)."""
    by_start = {s: e for s, e in spans}
    runs: list[list[tuple[int, int]]] = []
    inside: set[int] = set()
    for s, e in spans:
        if s in inside:
            continue
        run = [(s, e)]
        while e < len(text) and text[e] in _JOINERS and e + 1 in by_start:
            s, e = e + 1, by_start[e + 1]
            inside.add(s)
            run.append((s, e))
        runs.append(run)
    return runs


def _closed_by_a_team(text: str, e: int) -> bool:
    """True when the last place of a list, ending at ``e``, is a team by 队 after it
    (美国、德国和意大利队: the list's places are teams; not 队员, 队长, 队伍)."""
    return text[e : e + 1] == "队" and text[e + 1 : e + 2] not in _NOT_A_TEAM


def _after_beating(text: str, s: int, beating: tuple[str, ...]) -> bool:
    """True when one of the verbs ``beating`` (the page's, of two characters each) ends at
    ``s``: one look-up a place (a list of places reads them all)."""
    # (no verb fits before the page's second character; a slice from a negative start
    # would read the page's last two characters)
    return s >= 2 and text[s - 2 : s] in beating


def _as_teams(text: str, run: list[tuple[int, int]], beating: tuple[str, ...]) -> bool:
    """True when what stands around the run of places reads them as teams (``beating``: the
    verbs of beating that the text holds)."""
    s, e = run[0][0], run[-1][1]
    if len(run) >= 2 and (_TEAMS_AFTER_RE.match(text, e) or _closed_by_a_team(text, e)):
        return True
    if len(run) >= 2 and any(s >= len(g) and text.startswith(g, s - len(g)) for g in _GROUP_BEFORE):
        return True
    if _after_beating(text, s, beating):
        # (击败日本帝国主义: a word goes on after the place)
        return e == len(text) or not is_han(text[e]) or text[e] in _JOINERS
    return bool(len(run) == 2 and text[run[0][1]] in "与和" and _MATCH_AFTER_RE.match(text, e))


def _pair_of_sides(text: str, e1: int, e2: int, result: bool) -> bool:
    """True when two places one character apart (the first ends at ``e1``, the second at
    ``e2``) are two sides: a result between them (巴西胜挪威) or 对 and their match after
    them (德国对墨西哥的比赛; not 中国对美国的出口)."""
    between = text[e1]
    if between in _RESULT:
        return result
    return between == "对" and _MATCH_AFTER_RE.match(text, e2) is not None


def _fixtures(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The places of a round's fixtures, pairs around 对 after a round (第一轮, 首轮) and the
    pairs that follow them after 、 (第一轮山东对江苏、广东对辽宁; not 中国对美国的出口, nor
    新一轮美国对中国的制裁, nor a pair before 的)."""
    pairs = [
        (a, b)
        for a, b in zip(spans, spans[1:], strict=False)
        if b[0] == a[1] + 1 and text[a[1]] == "对" and text[b[1] : b[1] + 1] != "的"
    ]
    out: list[tuple[int, int]] = []
    last_end = -1
    for a, b in pairs:
        after_round = _ROUND_BEFORE_RE.search(text, max(0, a[0] - 6), a[0]) is not None
        if after_round or (a[0] == last_end + 1 and text[last_end] == "、"):
            out += [a, b]
            last_end = b[1]
    return out


# A list of teams after its cue (A组有, 7队为, 8队是, B组：), items joined by 、 or 和 up to the
# end of a clause: 7队为延边敖东、沈阳海狮、辽宁、大连万达和天津泰达.
_TEAM_LIST_RE = rules_regex.compile(
    f"(?:组有|组：|组:|队为|队是|队分别为|队分别是)((?:[{HAN}]{{2,8}}[、和])+[{HAN}]{{2,8}})"
    "(?=[，。；,;]|$)"
)
_TEAM_LIST_CUES = PageWords("组有", "组：", "组:", "队为", "队是", "队分别")
_TEAM_LIST_SPLIT_RE = rules_regex.compile("[、和]")


def _listed_teams(text: str, place_starts: set[int]) -> list[tuple[int, int]]:
    """The items of lists of teams after their cue (7队为延边敖东、沈阳海狮、辽宁), each a
    team, its city and its sponsor's name (沈阳海狮) or a place alone (辽宁); only where two
    items or more begin with a place (not 队是那么富有朝气和活力)."""
    out: list[tuple[int, int]] = []
    for m in _TEAM_LIST_RE.finditer(text):
        items, start = [], m.start(1)
        for piece in _TEAM_LIST_SPLIT_RE.split(m.group(1)):
            items.append((start, start + len(piece)))
            start += len(piece) + 1
        if sum(s in place_starts for s, _ in items) >= 2:
            out += items
    return out


def _fixtures_and_lists(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The teams of a round's fixtures and of lists after a cue of teams."""
    out = _fixtures(text, spans) if "轮" in text else []
    if _TEAM_LIST_CUES.in_page(text):  # (most pages hold none)
        out += _listed_teams(text, {s for s, _ in spans})
    return out


def team_places(text: str, locs: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """``locs`` without the places that stand for teams, and those places as ORG."""
    held = _BEATING_WORDS.held(text)  # (most pages hold none)
    beating = tuple(v for v in _BEATING if v in held) if held else ()
    result = "胜" in text or "负" in text
    if not (beating or result or any(c in text for c in _CUE_CHARS)):
        return locs, []  # no cue on the page (each is looked for in C)
    # the longest place at each start (北京市, not 北京)
    longest: dict[int, int] = {}
    for s, e, _, _ in locs:
        if e > longest.get(s, -1):
            longest[s] = e
    spans = sorted(longest.items())
    teams: set[tuple[int, int]] = set()
    for run in _runs(text, spans):
        # (a place alone is a team only after a verb of beating)
        if (len(run) > 1 or beating) and _as_teams(text, run, beating):
            teams.update(run)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:], strict=False):
        if s2 == e1 + 1 and _pair_of_sides(text, e1, e2, result):
            teams.update(((s1, e1), (s2, e2)))
    teams.update(_fixtures_and_lists(text, spans))
    if not teams:
        return locs, []
    kept = [c for c in locs if not any(s <= c[0] and c[1] <= e for s, e in teams)]
    return kept, [(s, e, ORG, {}) for s, e in sorted(teams)]
