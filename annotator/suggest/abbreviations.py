"""LOC suggestions for one-character place abbreviations: 中美关系, 美方, 访华, 华侨, 日军.

News text names countries and Chinese places by one character (中 美 俄 日 英 法 …, 华 for
China, 京 for Beijing, 港 for Hong Kong) in a few fixed constructions, and the MSRA /
People's Daily gold tags each such character as LOC.  Alone, each of these characters is a
common word (中 "middle", 美 "beautiful", 法 "law", 日 "day"), so only these constructions
count:

1. **pairs and runs** (two to four characters) before a word of bilateral relations or a
   group noun: ``中美关系``, ``美中双方``, ``印巴核试验``, ``中日韩三国``, ``美英等国``,
   ``埃厄两国`` (characters such as 加 瑞 厄 马 count only in pairs and lists); a pair that
   opens a clause or follows a word not read across it, whatever follows, unless jieba's
   dictionary makes a word of it (``美伊近20年的对立``, ``谴责印巴最近``; not ``以中心``,
   nor 中 "in" or 以 "by" after a word: ``决赛中以1∶4``, ``启动以叙和谈``);
2. **lists** of three or more joined by 、: ``美、英、法、意、日等``;
   **fixed groups** (``欧美``, ``港台``, ``港澳台``, ``中日韩``: the lexicon
   ``places_abbreviation_groups``) after a clause boundary or a function word, or before a
   group noun (``欧美国家``), never inside a longer word (``香港台风``);
3. **X方**, the side in talks: ``中方表示``, ``与美方磋商`` (not 东方, 西方, 地方, 方面);
4. **travel and stance verbs** before 华 京 美 英 …: ``访华``, ``驻华使馆``, ``抵京``,
   ``对美立场``, ``抗日``; after a verb of coming or staying 京 and 华 before any word
   but 京剧, 华东 …: ``来京组稿``, ``在京颁奖``; so too 沪 穗 渝 蓉 (``在沪举行``) and,
   after a verb of going or arriving, 汉 (``离汉``);
5. **compounds**: ``华人``, ``华侨``, ``港人``, ``台商``, ``日军``, ``德籍``, ``中资``, the
   style, market, debt or press of a place (``中式``, ``港股``, ``欧债``, ``美刊``); 港 and
   澳 after 本 or 治 (``港人治港``, ``澳人治澳``); ``京郊``, ``沪郊``;
6. **a head of government or ministry**: ``巴总理``, ``美总统``, ``以外长``; a government:
   ``墨政府``;
7. **中外**, China and abroad: ``中外记者``; **俄** alone, Russia: ``俄金融危机``; a country
   or Hong Kong as a whole after 全: ``全美大学生``, ``全港``, ``全英公开赛`` (not ``健全法制``);
   provinces by their one-character names in a run before a pair word or a count of
   provinces: ``鲁台经贸``, ``冀鲁豫三省``, ``粤、港两地``;
8. **两岸**, the two sides of the Taiwan Strait, as news text names them (``两岸关系``,
   ``促进两岸交流``; with its strait one place: ``海峡两岸``, ``台湾海峡两岸``), not the banks
   of a water (``长江两岸``, ``大西洋两岸``, ``欣赏两岸风光``); so too **大陆**, the mainland,
   after 祖国 (``祖国大陆``; not ``非洲大陆``, ``大陆架``), and **特区**, Hong Kong's or Macao's
   region, before its government or its first term (``特区政府``, ``特区第一届立法会``; not
   ``经济特区``), and **海湾**, the Persian Gulf, before what news text says of the region
   (``海湾战争``, ``海湾国家``, ``海湾地区``; not a bay: ``山和海湾``, ``海湾里``); and **西岸**
   alone, the West Bank (``从西岸撤军``; not ``太平洋西岸``, ``湘江的西岸``);
9. **a league or a tournament** named by its country's character: ``英超``, ``德甲``,
   ``西甲``, ``美职联``, ``美网``, ``法网``, ``澳网``, as the MSRA gold tags the country of an
   event (``法网公开赛``, ``全英公开赛``, ``德国足球甲级联赛``), not where the character
   ends a word (``精英超市``, ``满意甲方``) or the next makes one (``中超过``, ``西甲醛``),
   nor the net of the law (``落入法网``: a tournament's 网 goes on in a word of its own);
10. **a route's termini** in brackets right after its word, one of them a province's
    character: ``中欧班列（成渝）`` (Chengdu and Chongqing, each LOC, as the MSRA gold tags
    ``京沪``), not a person's name (the bracketed-name cue leaves them).
"""

from __future__ import annotations

from annotator import lexicon, rules_regex

from . import _scan
from ._places import route_termini
from ._text import Candidate, is_han, trie_pattern
from ._words import COMMON, crosses_start, dictionary

LABEL = "LOC"

# Countries and regions written with one character in news text.
_COUNTRY = "中美俄日英法德意印巴以阿伊朝韩越泰葡澳墨荷埃叙希菲缅柬老蒙欧亚非"
_PAIR_WORDS = trie_pattern(lexicon.words("places_pair_words"))
# A clause boundary or a function word may stand before an abbreviation.  (Every pattern
# starts with its abbreviation's character class, so that ``re`` skips the text in C; the
# character before is checked in Python.)
# (应 as in 应葡澳政府的要求, 应中方邀请: "at the request of")
_FUNCTION_WORDS = frozenset("与同和对向在及由据让使令把被为是称但而并且就也都应")
# 今日军队, 节日军演: 日 is "day" after these
_DAY_BEFORE = frozenset("今昨明每当次终节假生白平近前往旧末多数翌本连逐同")

# Pairs and lists also use the characters that stand for a country only next to another
# country (中加, 瑞中, 埃厄两国, 中、美、加三国): alone they are common words or verbs.
_PAIR_COUNTRY = _COUNTRY + "加瑞厄马斯爱乌哈土南捷波匈罗塞挪丹芬比奥苏孟"
# and the first characters of the other states' names (中智建交, 中坦合资, 中几两国): a
# lexicon derived from a list of the world's states (places_pair_abbreviations)
_PAIR_COUNTRY += "".join(
    c for c in lexicon.chars("places_pair_abbreviations") if c not in _PAIR_COUNTRY
)
# Runs of two to four such characters; a run is a pair when a pair word follows it (checked
# in Python: one scan finds the runs for this rule and for bare pairs, about ten a page).
_RUN_RE = rules_regex.compile(f"[{_PAIR_COUNTRY}]{{2,4}}")
_RUN_SCAN = _scan.Anchored(_RUN_RE)
_PAIR_WORD_RE = rules_regex.compile(_PAIR_WORDS)
# Provinces by their one-character names (鲁 = Shandong, 粤 = Guangdong): a run of two to
# four before a pair word or a count of provinces (鲁台经贸, 川渝之行, 冀鲁豫三省), or two
# joined by 、 before a pair word (粤、港两地).  Runs of country characters keep their rule.
_PROVINCE = lexicon.chars("places_province_abbreviations")
_PROVINCES_AFTER = f"(?:{_PAIR_WORDS}|[两三四五几各等]省|之行)"
_PROVINCE_RUN_RE = rules_regex.compile(
    f"[{_PROVINCE}]{{2,4}}(?={_PROVINCES_AFTER})|[{_PROVINCE}]、[{_PROVINCE}](?={_PAIR_WORDS})"
)
_PROVINCE_RUN_SCAN = _scan.Anchored(_PROVINCE_RUN_RE)
# Group nouns after a fixed group: 欧美国家, 港台地区, 港澳台同胞, 江浙沪市场.
_GROUP_NOUNS = lexicon.words("places_group_nouns")
_GROUPS = lexicon.matcher(lexicon.words("places_abbreviation_groups"))
_GROUPS_SCAN = _scan.Anchored(_GROUPS)
_LIST_RE = rules_regex.compile(
    f"[{_PAIR_COUNTRY}](?:、[{_PAIR_COUNTRY}]){{2,}}(?![\u4e00-\u9fff]{{2}}、)"
)
_LIST_SCAN = _scan.Anchored(_LIST_RE)
# Two joined by 、 before a pair word: 呼吁印、巴两国, 阿、英双边关系, 黎、以边界 (unless a
# word runs across the first: checked in Python).
_TWO_RE = rules_regex.compile(f"[{_PAIR_COUNTRY}]、[{_PAIR_COUNTRY}](?={_PAIR_WORDS})")
_TWO_SCAN = _scan.Anchored(_TWO_RE)
_SIDE_RE = rules_regex.compile(
    "[中美俄日英法德意印巴以阿伊朝韩越泰葡澳港台](?=方(?![面式法案向针便能可才圆言位阵略程剂子块正舟志形]))"
)
_SIDE_SCAN = _scan.Anchored(_SIDE_RE)
# What may follow a place after a travel or stance verb: no character, or one that begins
# the next word (访华期间, 驻美大使, 对日政策).
_AFTER_TRAVEL = (
    r"(?=$|[^\u4e00-\u9fff]|[访期使大工学留考演投观旅参出后前时的委常人立政关援贸战代外华接友日军经"
    r"合态势浪逆]|制裁)"
)
_TRAVEL_RE = rules_regex.compile(
    "(?:访|来|驻|抵|赴|旅|离|返|进|入|在|对|援|侵|抗|反|居)([华京美英法德俄港台澳韩朝藏闽])"
    + _AFTER_TRAVEL
)
_TRAVEL_SCAN = _scan.Anchored(_TRAVEL_RE)
# Italy's 意 only after a verb of visiting, going or being posted (访意期间, 驻意大使, 赴意
# 访问; not 在意, 来意, 对意见: those make words or read so).
_ITALY_RE = rules_regex.compile("(?:访|驻|抵|赴)(意)" + _AFTER_TRAVEL)
_ITALY_SCAN = _scan.Anchored(_ITALY_RE)
# After a verb of coming or staying, 京 and 华 are Beijing and China before any word but
# the few that make them another word (京剧, 华东, 华丽): 来京组稿, 在京颁奖, 访华比赛.
_STAY_RE = rules_regex.compile(
    "(?:访|来|驻|抵|赴|返|离|在|进)([京华])(?![剧戏腔韵胡味东南西北中丽美灯贵诞])"
)
_STAY_SCAN = _scan.Anchored(_STAY_RE)
# Cities by one character after a verb of coming or staying: 来沪, 在穗, 抵渝, 赴蓉; Wuhan's
# 汉 only after one of going or arriving (离汉, 抵汉; not 在汉代, 来汉族地区; nor the first
# character of a place of its own: 赴汉口, 抵汉阳, 赴汉江, 离汉川).
_CITY_STAY_RE = rules_regex.compile(
    "(?:(?:访|来|驻|抵|赴|返|离|在|进)([沪穗渝蓉])(?![剧语市深宁杭港])"
    "|(?:抵|赴|返|离)(汉)(?![族语字代朝人服奸学堡中口阳江水川沽南]))"
)
_CITY_STAY_SCAN = _scan.Anchored(_CITY_STAY_RE)
_ANTI_JAPAN_RE = rules_regex.compile("(?:抗|侵|援)(日)(?![期常益子夜报记程内趋前后本])")
_ANTI_JAPAN_SCAN = _scan.Anchored(_ANTI_JAPAN_RE)
# A country or Hong Kong as a whole: 全美大学生, 全英公开赛, 全加城市, 全港中小学 (not 健全法制,
# 安全港湾: 全 ends a word; nor 全法兰西, 全加拿大: the character begins a longer name).
_WHOLE_RE = rules_regex.compile("全([美英法德俄加澳港韩])")
_WHOLE_SCAN = _scan.Anchored(_WHOLE_RE)
# X + a noun: 华人 华侨 港人 港督 台商 日军 美军 德籍 (the pairs are checked in Python).
_COMPOUND_NEXT = {
    "华": "人侨裔工商埠",
    "中": "资式",  # 中资企业 (not 其中资金, 集中资金: checked in Python); 中式
    "澳": "人",
    "港": "人督府商资英股式",
    "台": "商胞资独",  # 台独 (Taiwan independence: 台 is tagged, 5 of 5 in the MSRA dev files)
    "欧": "债式",  # 欧债危机, 欧式
    **{c: "军寇伪籍舰式" for c in "日美英俄法德"},
    "美": "军寇伪籍舰式股刊",  # 美股, 美刊 (an American magazine)
    "韩": "军籍式",
    "泰": "式",
    "以": "军寇伪籍",  # (以舰载机: 以 is "with")
    **{c: "军籍" for c in "埃厄叙伊巴印越朝"},
}
_COMPOUND_RE = rules_regex.compile(
    f"[华港台厄{_COUNTRY}](?=[人侨裔工商埠督府资英胞军寇伪籍舰式股债刊独])"
)
# the style, the market, the debt or the magazine of a place (中式, 港股, 欧债危机, 美刊):
# unless a word runs across the place's character (节日式, 完美股)
_OF_A_PLACE = frozenset("式股债刊")
_COMPOUND_SCAN = _scan.Anchored(_COMPOUND_RE)
# A head of government or ministry, or a government (墨政府, 瑞政府 …: the place, as for
# 日本政府).
_HEAD_RE = rules_regex.compile(
    "[美俄日英法德意印巴以伊朝韩越泰葡澳墨加瑞厄马乌哈土菲阿塞黎柬赞叙]"
    "(?=总统|总理|首相|外长|防长|议会|国会|驻|政府|当局|军方|军政府|警方|首都|境内|各界|外交官"
    "|[东南西北]部|北方)"
)
_HEAD_SCAN = _scan.Anchored(_HEAD_RE)
# Two countries at a clause boundary, whatever follows (巴以和谈, 美伊近20年的对立, 中俄边防
# 部队): kept only where neither the pair nor its second character with the next one is
# a word of jieba's dictionary (以中心, 中西 are words).
_COUNTRY_SET = frozenset(_COUNTRY)
_TRANSLIT = frozenset(lexicon.chars("people_translit_chars"))
_NOT_AFTER_BARE = frozenset("国洲方人籍侨商军")
# 中外: China and abroad (中外记者, 中外合资); not 其中外 (其中 is read).
_SINO_FOREIGN_RE = rules_regex.compile("中(?=外[\u4e00-\u9fff])")
_SINO_FOREIGN_SCAN = _scan.Anchored(_SINO_FOREIGN_RE)
# 两岸, the two sides of the Strait (两岸关系), with the strait before it (海峡两岸); not after
# a water's name (长江两岸, 太平洋两岸) or a verb of viewing (欣赏两岸风光).
_STRAIT_RE = rules_regex.compile("(?:(?:台湾)?海峡)?两岸")
_BANKS_OF = frozenset("江河湖海洋溪渠水沟湾赏览望今得")
# 祖国大陆 (the mainland), 特区政府 (the region's government, as 香港特区政府 says in full),
# 海湾, the Gulf, before a word of its region's affairs (海湾战争, 海湾国家, 海湾产油国)
_MAINLAND_RE = rules_regex.compile(
    "(?<=祖国)大陆(?!架|桥|性|漂)|(?<!经济)特区(?=政府|行政长官|首任|首届|第一届|筹委会)"
    "|海湾(?=战争|危机|局势|国家|大国|地区|之行|各国|六国|产油|石油|阿拉伯|其他|合作|沿岸)"
)
_MAINLAND_SCAN = _scan.Anchored(_MAINLAND_RE)
# 俄 stands for Russia wherever no word is read across it (俄金融危机, 从俄抽走资金; not
# 俄罗斯, 埃塞俄比亚): no common word holds it (a rare one such as 俄顷 does not veto it).
_RUSSIA_RE = rules_regex.compile("俄")
_WORD_LENGTHS = (2, 3, 4, 5)


def _russia_ok(text: str, i: int) -> bool:
    freq = dictionary()
    return bool(freq) and not any(
        freq.get(text[j : j + n], 0) > COMMON
        for n in _WORD_LENGTHS
        for j in range(max(0, i - n + 1), i + 1)
    )


# A country's league or tournament (英超 the Premier League, 德甲 the Bundesliga, 美职联
# Major League Soccer, 美网 the US Open): the country's character before the level or the
# kind of its league (checked in Python: :func:`_league_ok`).
_LEAGUE_RE = rules_regex.compile(
    "[英中法葡俄苏土](?=超)|[德西意法荷葡](?=[甲乙])|[美日韩中](?=职[联篮棒足])|[美法澳](?=网)"
)
_LEAGUE_SCAN = _scan.Anchored(_LEAGUE_RE)
# Verbs of falling into or escaping the net of the law (落入法网, 难逃法网, 撒下法网).
_INTO_A_NET = frozenset("入逃脱落撒张")


def _league_ok(text: str, i: int) -> bool:
    """The country's character at ``i`` before a league or a tournament: no word runs
    across its start (精英超市, 满意甲方), the level with the next character is no common
    word (中超过, 德乙方), and a tournament's 网 goes on in a word, not after a verb of the
    net of the law or before a clause's end (落入法网。)."""
    if crosses_start(text, i):
        return False
    after = text[i + 1 : i + 3]
    if after[0] == "职":
        return True
    if dictionary().get(after, 0) > COMMON:
        return False
    if after[0] != "网":
        return True
    return (
        len(after) == 2
        and is_han(after[1])
        and (i == 0 or text[i - 1] not in _INTO_A_NET)
        and after[1] != "恢"
    )


# Two characters in brackets (a route's termini after its word: :func:`._places.route_termini`),
# looked for where an opening bracket stands.
_BRACKETED_TWO_RE = rules_regex.compile("[（(][\u4e00-\u9fff]{2}[）)]")
_BRACKETED_TWO_SCAN = _scan.Anchored(_BRACKETED_TWO_RE, by_first_char=True)


def _route_termini(text: str) -> list[Candidate]:
    """Each of the two termini in brackets after a route's word (中欧班列（成渝）)."""
    out: list[Candidate] = []
    for m in _BRACKETED_TWO_SCAN.finditer(text):
        s = m.start() + 1
        if route_termini(text, s):
            out += [(s, s + 1, LABEL, {}), (s + 1, s + 2, LABEL, {})]
    return out


# 本港 / 港人治港 / 澳人治澳: 港 or 澳 after 本 or 治
_HONG_KONG_RE = rules_regex.compile("[港澳](?![口湾区务])")
_HONG_KONG_SCAN = _scan.Anchored(_HONG_KONG_RE, by_first_char=True)  # where 港 or 澳 stands
# 京郊, 沪郊: the suburbs of Beijing, Shanghai … (not 南京郊区, 北京郊区: the city is read)
_SUBURB_RE = rules_regex.compile("[京沪津渝](?=郊)")
_SUBURB_SCAN = _scan.Anchored(_SUBURB_RE)


# A country standing alone for itself as the actor or object of a clause (巴进行核试验,
# 对伊经济制裁, 向巴提供, 哈今后仍将…): after a clause boundary or a function word, where
# neither a word across its start nor one that begins with it is read (对美好, 在印刷,
# 与英雄, 朝着, 土地 are words).  Only the characters that are rarely a word alone: not 中
# 日 法 德 意 以 印 越 (middle, day, law, virtue, intention, "with", print, "the more"),
# nor those that begin many names (阿 马 加 南 新 西 亚 非 老 蒙 欧 希); and none that
# begins a transliterated name (埃塞俄比亚, 厄立特里亚, 哈洛宁: a transliteration
# character follows).
_LONE_COUNTRY = "美俄英巴伊朝韩泰墨埃叙菲缅柬哈塞土乌黎厄"
# Words a country may begin in the dictionary yet be the country after these verbs (访美,
# 驻墨大使): no check of the words around it there.
_LONE_BEFORE = "访驻赴抵离"
_LONE_WORD_LENGTHS = (2, 3, 4)
# Marks that end a clause or open a quote (not … or ——, after which a phrase runs on).
_CLAUSE_MARKS = "，。；：！？、“”‘’（）()《》「」\n \u3000"
# The character before and after are read in C (the country stands at most once a
# sentence, a common character many times): after a clause mark, a function word or one
# of those verbs; not before a transliteration character (埃塞俄比亚, 厄立特里亚, 哈洛宁)
# nor 氏, a family name (韩氏).
_LONE_RE = rules_regex.compile(
    f"[{_LONE_COUNTRY}]"
    f"(?<![^{lexicon.char_class(_CLAUSE_MARKS + ''.join(_FUNCTION_WORDS) + _LONE_BEFORE)}].)"
    f"(?![{lexicon.char_class(''.join(_TRANSLIT))}氏])"
)


# (looked for where one of the countries stands, found by the page scan: ``re`` would try
# the lookbehind at every character)
_LONE_SCAN = _scan.Anchored(_LONE_RE, by_first_char=True)


def _lone_ok(text: str, i: int) -> bool:
    """True when the country character at ``i`` stands alone (see ``_LONE_COUNTRY``)."""
    if (i == 0 or text[i - 1] not in _LONE_BEFORE) and crosses_start(text, i):
        return False
    if i + 1 >= len(text) or not is_han(text[i + 1]):
        return i > 0 and is_han(text[i - 1])  # 对伊。 but not a lone letter in a list
    freq = dictionary()
    if not freq or any(freq.get(text[i : i + n], 0) > _PAIR_ENTRY for n in _LONE_WORD_LENGTHS):
        return False
    return not _opens_a_name(text, i, freq)


# One-character words that follow a country standing as the subject of a clause (俄将大力
# 整顿, 俄已三次, 巴的核武器, 巴愿与, 美可向, 厄遂利用, 厄原为), or a count (墨一直升机), a
# side or an army (埃方, 墨军) or a genitive (英之): the country is no name's first there.
_AFTER_SUBJECT = frozenset(
    "将已不还对于在又与和的也就都是为把被向从等及并则仍亦会要能曾愿可遂原之方军一各前以"
)


def _opens_a_name(text: str, i: int, freq: dict[str, int]) -> bool:
    """True when the country at ``i`` opens a clause and the two characters after it are
    neither a common word nor a function word and the next: the first character of a
    name (英伟达, 美团 are companies; 俄进行, 巴提供, 哈今后 read on as a clause)."""
    if i > 0 and text[i - 1] not in _CLAUSE_MARKS:
        return False  # after a function word or a verb of travel (对伊, 访美) the rule stands
    nxt = text[i + 1 : i + 3]
    return (
        len(nxt) == 2
        and is_han(nxt[1])
        and nxt[0] not in _AFTER_SUBJECT
        and freq.get(nxt, 0) <= COMMON
    )


def _after_boundary(text: str, i: int) -> bool:
    """True at the start of a clause or after a function word."""
    return i == 0 or not is_han(text[i - 1]) or text[i - 1] in _FUNCTION_WORDS


def _side_ok(text: str, i: int) -> bool:
    """X方, the side in talks, after a boundary or wherever no common word runs across the
    country's character (表示以方愿意, 归还给巴方; not 所以方, 可以方便)."""
    return _after_boundary(text, i) or (
        i > 0 and is_han(text[i - 1]) and not crosses_start(text, i)
    )


def _head_ok(text: str, i: int) -> bool:
    """A head or a government after a boundary; 以政府名义 is "in the government's name",
    以北部 "north of"."""
    if text[i] == "以" and text.startswith(
        ("政府", "当局", "军方", "东部", "南部", "西部", "北部", "北方", "境内"), i + 1
    ):
        return False
    return _after_boundary(text, i)


def _compound_ok(text: str, i: int) -> bool:
    c, nxt = text[i], text[i + 1]
    if nxt == "籍":
        return _after_boundary(text, i)  # 德籍, 美籍
    if nxt not in _COMPOUND_NEXT.get(c, ""):
        return False
    if c == "中" or nxt in _OF_A_PLACE or c in "华台":
        # 中资企业; not 其中资金, 繁华商业 (繁华), 平台商城 (平台)
        return not crosses_start(text, i)
    if nxt == "舰":
        # 日舰, 美舰; not 今日舰, nor 执法舰, 精英舰长 (a word ends with the country's character)
        return (i == 0 or text[i - 1] not in _DAY_BEFORE) and not crosses_start(text, i)
    if nxt in "军寇伪":
        after = text[i + 2 : i + 3]
        if after and after in "队事人装训营官舰":
            return False  # 美军事, 日军队: another word
        if c == "以" and "为" in text[i + 2 : i + 4]:
            return False  # 以军为主, 以军品为主: 以 … 为 "take … as"
        return i == 0 or text[i - 1] not in _DAY_BEFORE  # 日军; not 今日军队
    return True


def _pairs(text: str) -> list[Candidate]:
    """Each character of the pairs and runs before a pair word (中美关系, 埃厄两国) and of
    the pairs of countries that open a clause (巴以和谈困难重重)."""
    out: list[Candidate] = []
    for m in _RUN_SCAN.finditer(text):
        start, end = m.span()
        while end - start >= 2 and not _PAIR_WORD_RE.match(text, end):
            end -= 1
        if end - start >= 2:
            while end - start > 2 and (
                not _after_boundary(text, start) or crosses_start(text, start)
            ):
                # 参加中美会谈: 加 is the verb's, the pair is 中美; 同意古巴航空: 同意 is read
                start += 1
            if _spelled_name(text[start:end]) or _name_spelled_on(text, start):
                continue
            if text[end] == "间" and crosses_start(text, start):
                continue  # 增加中间业务: 增加 and 中间 are read, no 加中 pair
            out.extend((i, i + 1, LABEL, {}) for i in range(start, end))
        elif (m.end() - m.start() == 2 or _word_after_pair(text, m.start())) and _bare_pair(
            text, m.start()
        ):
            s = m.start()
            out += [(s, s + 1, LABEL, {}), (s + 1, s + 2, LABEL, {})]
    return out


# jieba's dictionary lists many country pairs at a token count (美中 3, 印巴 3, 巴以 3):
# up to it a pair is no word of its own (非法 1647, 以德 48, 美德 250 are).
_PAIR_ENTRY = 3
# Its second character with the next one in a word counted above this is read so (以中心,
# 以中低档汽车: 中低 53; 美中技术: 中技 13 is no reading of it).
_NEXT_WORD = 20


def _bare_pair(text: str, i: int) -> bool:
    """True when the two characters at ``i`` are countries standing as a pair (opening a
    clause, or after a word that is not read across them: 谴责印巴最近…): the pair is
    no word (中西, 非法; jieba's token entries of pairs, 美中 3, do not count) and its
    second character with the next one no word (以中心, 美中学生), nor its first with the
    one before (同意巴勒斯坦), nor the pair with the next (老中青)."""
    if not (text[i] in _COUNTRY_SET and text[i + 1] in _COUNTRY_SET):
        return False
    if text[i + 2 : i + 3] in _NOT_AFTER_BARE and i + 2 < len(text):
        return False  # 中美国: 美国; 中方, 美军 have rules of their own
    if not _after_boundary(text, i) and (
        crosses_start(text, i) or text[i] == "以" or text[i + 1] == "以"
    ):
        # after any word but one read across it (谴责印巴, 邀请印巴代表, 签署了中美…,
        # 恪守中美…); not 以 "by, with" (厄立特里亚以和平方式, 以美元计), nor before it:
        # 中 there is "in" (决赛中以1∶4)
        return False
    if text[i + 1] == "越" and "越" in text[i + 2 : i + 6]:
        return False  # 泥沼中越陷越深: 越…越 is "the more… the more"
    if _GROUPS.match(text, i):
        return False  # a listed group (中俄) is found as a group
    if text[i + 2 : i + 3] in _TRANSLIT and text[i + 3 : i + 4] in _TRANSLIT:
        return False  # 英菲尼迪: a foreign name spelled on, no pair of countries
    freq = dictionary()
    return (
        bool(freq)
        and freq.get(text[i : i + 2], 0) <= _PAIR_ENTRY
        and freq.get(text[i : i + 3], 0) <= _PAIR_ENTRY  # 老中青
        and freq.get(text[i + 1 : i + 3], 0) <= _NEXT_WORD
        and freq.get(text[i - 1 : i + 1], 0) <= COMMON  # 同意巴勒斯坦: 同意 is read
    )


def _word_after_pair(text: str, i: int) -> bool:
    """True when a run of three or more country characters at ``i`` is a pair and the word
    after it: the third character begins a common word of two (中美法律人才: 法律).
    """
    return dictionary().get(text[i + 2 : i + 4], 0) > COMMON


def _name_spelled_on(text: str, i: int) -> bool:
    """True when the run at ``i`` begins with the last character of a foreign name spelled
    before it (厄立特里亚以和平方式: 亚 ends 厄立特里亚, 以 is "by")."""
    return i > 1 and text[i] in _TRANSLIT and text[i - 1] in _TRANSLIT and text[i - 2] in _TRANSLIT


def _spelled_name(run: str) -> bool:
    """True when a run of country characters is a name spelled with them: no character
    stands for a country alone (罗马体育), or a common word of three or more (奥巴马政治)."""
    if not any(c in _COUNTRY_SET for c in run):
        return True
    return len(run) >= 3 and dictionary().get(run, 0) > COMMON


def group_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every fixed group (欧美, 港澳台) that stands as a word of its own:
    after a clause boundary, a function word or 从 到, before a group noun (欧美国家), or before
    punctuation or quotes with no word across its start (撞毁港台“保钓”船只; not 香港台。)."""
    found = _groups_of.get(text)
    if found is not None:
        return found  # the LOC rules ask for the same page again
    out = [
        m.span()
        for m in _GROUPS_SCAN.finditer(text)
        if _after_boundary(text, m.start())
        or text[m.start() - 1 : m.start()] in _FROM_TO
        or text.startswith(_GROUP_NOUNS, m.end())
        or (_before_punctuation(text, m.end()) and not crosses_start(text, m.start()))
    ]
    if len(_groups_of) >= _scan.KEEP:
        del _groups_of[next(iter(_groups_of))]  # the oldest page (dicts keep their order)
    _groups_of[text] = out
    return out


# The groups of the last pages, as many as the page scans kept: an import's worker runs each
# finder over a chunk of pages in turn, so the LOC rules ask again only after the others.
_groups_of: dict[str, list[tuple[int, int]]] = {}
# From … to …: a group stands after them as after a function word (从陕甘革命老区到沿海,
# 到云贵川的大三线地区).
_FROM_TO = frozenset("从到")


def _before_punctuation(text: str, e: int) -> bool:
    return e < len(text) and not is_han(text[e]) and not text[e].isalnum()


def find_abbreviation_candidates(text: str) -> list[Candidate]:
    """LOC candidates for one-character place abbreviations in their constructions."""
    out: list[Candidate] = []
    out.extend(_pairs(text))
    for s, e in group_spans(text):
        out.extend((i, i + 1, LABEL, {}) for i in range(s, e))
    for m in _LIST_SCAN.finditer(text):
        out.extend(
            (m.start() + i, m.start() + i + 1, LABEL, {}) for i in range(0, len(m.group(0)), 2)
        )
    out.extend(_province_runs(text))
    for m in _TWO_SCAN.finditer(text):
        s = m.start()
        if not crosses_start(text, s) and not _spelled_name(text[s] + text[m.end() - 1]):
            out += [(s, s + 1, LABEL, {}), (m.end() - 1, m.end(), LABEL, {})]
    travel = {m.start(1) for m in _TRAVEL_SCAN.finditer(text)}
    travel.update(m.start(1) for m in _STAY_SCAN.finditer(text))
    travel.update(m.start(1) for m in _ITALY_SCAN.finditer(text))
    travel.update(m.start(m.lastindex or 1) for m in _CITY_STAY_SCAN.finditer(text))
    out.extend((i, i + 1, LABEL, {}) for i in sorted(travel))
    for m in _ANTI_JAPAN_SCAN.finditer(text):
        out.append((m.start(1), m.end(1), LABEL, {}))
    out.extend(
        (m.start(1), m.end(1), LABEL, {})
        for m in _WHOLE_SCAN.finditer(text)
        if _whole_ok(text, m.start(1))
    )
    if "两岸" in text:
        out += _strait_sides(text)
    if "西岸" in text:
        out += _west_bank(text)
    if "（" in text or "(" in text:
        out += _route_termini(text)
    for regex, ok in (
        (_SIDE_SCAN, _side_ok),
        (_HEAD_SCAN, _head_ok),
        (_COMPOUND_SCAN, _compound_ok),
        (_HONG_KONG_SCAN, lambda t, i: i > 0 and t[i - 1] in "本治"),
        (_SINO_FOREIGN_SCAN, lambda t, i: not crosses_start(t, i)),
        (_SUBURB_SCAN, lambda t, i: not crosses_start(t, i)),
        (_RUSSIA_RE, _russia_ok),
        (_MAINLAND_SCAN, _mainland_ok),
        (_LONE_SCAN, _lone_ok),
        (_LEAGUE_SCAN, _league_ok),
    ):
        out.extend(
            (m.start(), m.end(), LABEL, {}) for m in regex.finditer(text) if ok(text, m.start())
        )
    return _first_at_each_start(out) if len(out) > 1 else out


def _whole_ok(text: str, i: int) -> bool:
    """全 + a country at ``i``: 全 begins no common word with the one before (健全, 安全)
    and the country's character begins none with the next (全法兰西, 全加拿大)."""
    if crosses_start(text, i - 1):
        return False
    freq = dictionary()
    return all(freq.get(text[i : i + n], 0) <= COMMON for n in (2, 3))


def _province_runs(text: str) -> list[Candidate]:
    """Each province of a run before a pair word (鲁台经贸洽谈会, 京津冀三省) that no word
    runs into from before (沪宁 in 南京沪宁 is no run: 南京 is read) and that is not
    spelled with a country's character (those are pairs of their own rule)."""
    out: list[Candidate] = []
    for m in _PROVINCE_RUN_SCAN.finditer(text):
        s, e = m.span()
        if crosses_start(text, s) or any(c in _COUNTRY_SET for c in m.group(0)):
            continue
        out.extend((i, i + 1, LABEL, {}) for i in range(s, e) if text[i] != "、")
    return out


def _mainland_ok(text: str, i: int) -> bool:
    """祖国大陆 always; 特区 where no common word runs across its start (表示特区政府; the
    pattern leaves out 经济特区政府), 海湾 where none does (not 沿海湾)."""
    if text[i] == "大":
        return True
    return _side_ok(text, i) if text[i] == "特" else not crosses_start(text, i)


def _strait_sides(text: str) -> list[Candidate]:
    """两岸 (海峡两岸) where it names the two sides of the Strait, not a water's banks."""
    return [
        (m.start(), m.end(), LABEL, {})
        for m in _STRAIT_RE.finditer(text)
        if m.group(0) != "两岸" or not m.start() or text[m.start() - 1] not in _BANKS_OF
    ]


# 西岸 alone is the West Bank (of the Jordan: 约旦河西岸) as news text names it (从西岸撤军,
# 西岸领土), not the west bank of a water or a place named before it (太平洋西岸, 湘江的西岸,
# 海峡西岸, 镇西岸).
_WEST_OF = _BANKS_OF | frozenset("峡岛州县市镇村城山港的东")


def _west_bank(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    at = text.find("西岸")
    while at >= 0:
        if (at == 0 or text[at - 1] not in _WEST_OF) and not crosses_start(text, at):
            out.append((at, at + 2, LABEL, {}))
        at = text.find("西岸", at + 2)
    return out


def _first_at_each_start(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate a character (中俄 is a group and a bare pair), in their order."""
    seen: set[int] = set()
    kept: list[Candidate] = []
    for c in candidates:
        if c[0] not in seen:
            seen.add(c[0])
            kept.append(c)
    return kept
