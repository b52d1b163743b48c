"""One-character place abbreviations (中美关系, 美方, 访华, 华侨) on composed sentences."""

from __future__ import annotations

import pytest

from annotator.suggest import suggest_spans
from annotator.suggest.abbreviations import find_abbreviation_candidates


def places(text: str) -> list[str]:
    return [text[s:e] for s, e, _label, _attrs in sorted(find_abbreviation_candidates(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推动中美关系健康发展", ["中", "美"]),
        ("印巴核试验引起关注", ["印", "巴"]),
        ("他先后教过美、英、法、意、日等国的学生", ["美", "英", "法", "意", "日"]),
        ("中方表示欢迎", ["中"]),
        ("正加紧与美方磋商", ["美"]),
        ("外长将访华", ["华"]),
        ("驻华使馆举办招待会", ["华"]),
        ("他于24日抵京。", ["京"]),
        ("在京委员参加了视察", ["京"]),
        ("旅美华人华侨的祝愿", ["美", "华", "华"]),
        ("遭日军屠杀", ["日"]),
        ("德籍摄影师", ["德"]),
        ("巴总理谢里夫表示", ["巴"]),
        ("港人治港", ["港", "港"]),
    ],
)
def test_abbreviations_in_their_constructions(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "中美洲的咖啡",  # 中美 + 洲: not a pair of countries
        "西方国家和东方文化",
        "从这方面看，地方政府",
        "他在京剧院工作",
        "依法办事，在法院起诉",
        "日前，今日军队开赴",
        "美丽的中国",
        "集中方式处理",
    ],
)
def test_the_same_characters_as_words_are_not_places(text):
    assert places(text) == []


def test_developing_countries_hold_no_china():
    text = "发展中国家的代表和中国代表"
    locs = [text[s.start : s.end] for s in suggest_spans(text) if s.label == "LOC"]
    assert locs == ["中国"] and text.index("中国代表") == next(
        s.start for s in suggest_spans(text) if s.label == "LOC"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("欧美国家经济复苏乏力", ["欧", "美"]),
        ("港台歌手来演出", ["港", "台"]),
        ("中日韩三国领导人会晤", ["中", "日", "韩"]),
        ("推动中日韩合作", ["中", "日", "韩"]),
        ("在港澳台地区", ["港", "澳", "台"]),
        ("他与欧美客商洽谈", ["欧", "美"]),
        ("美英等国表示", ["美", "英"]),
        ("江浙沪地区游客", ["江", "浙", "沪"]),
    ],
)
def test_pairs_and_groups_of_abbreviations(text, expected):
    """Issue 10: 欧美, 港台, 中日韩 name their places, each character a LOC."""
    locs = [text[s.start : s.end] for s in suggest_spans(text) if s.label == "LOC"]
    assert locs == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("香港台风过后", ["香港"]),
        ("香港澳门两地", ["香港", "澳门"]),
        ("美国家庭收入", ["美国"]),
        ("非法企业被查处", []),
        ("老中青三代", []),
    ],
)
def test_groups_inside_other_words_are_not_split(text, expected):
    locs = [text[s.start : s.end] for s in suggest_spans(text) if s.label == "LOC"]
    assert locs == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一位外地来京组稿的编辑", ["京"]),
        ("奖征答活动日前在京颁奖", ["京"]),
        ("以三战全胜结束访华比赛", ["华"]),
        ("他在京剧舞台上演出", []),  # 京剧, not Beijing
        ("在华东地区", ["华东"]),  # 华东 is a region of its own
        ("中缅边境线就在桥的北端", ["中", "缅"]),
        ("在欧亚两洲之间", ["欧", "亚"]),
    ],
)
def test_beijing_and_china_after_a_verb_of_coming_and_more_pairs(text, expected):
    """Issue 10: 来京/在京/访华 before any word but 京剧, 华东 …; 边境 after a pair; 欧亚."""
    locs = [text[s.start : s.end] for s in suggest_spans(text) if s.label == "LOC"]
    assert locs == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中斯友好关系不断发展", ["中", "斯"]),  # characters that are a country only in a pair
        ("瑞中经贸合作继续发展", ["瑞", "中"]),
        ("两国签订了日俄和约", ["日", "俄"]),  # a pair word added with the new characters
        ("中、美、加三国科学家", ["中", "美", "加"]),
        ("他参加中美会谈", ["中", "美"]),  # 加 belongs to the verb: the run is cut to the pair
        ("今年2月，墨政府设立基金", ["墨"]),  # a country's government by its one character
    ],
)
def test_more_countries_in_pairs_lists_and_governments(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text", ["加强合作", "增加合作", "对比关系", "以政府名义发布"])
def test_pair_characters_alone_stay_words(text):
    assert places(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("美伊近20年的对立", ["美", "伊"]),  # two countries opening a clause
        ("，中俄边防部队相互观察", ["中", "俄"]),
        ("埃军当天击退厄军的进攻", ["埃", "厄"]),  # X军 for more countries
        ("援藏工作取得成效", ["藏"]),  # travel and stance verbs: Tibet, Fujian
        ("他的对华接触政策", ["华"]),
    ],
)
def test_bare_pairs_armies_and_stance_verbs(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text", ["以中心为重点", "，以中小企业为主", "在节日中"])
def test_bare_pairs_that_are_words_are_not_places(text):
    assert places(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("奥巴马政治生涯开始", []),  # a name spelled with country characters (a common word)
        ("罗马体育代表团抵达", []),  # no character that stands for a country alone
        ("中加关系发展顺利", ["中", "加"]),
        ("美英军事合作加强", ["美", "英"]),
    ],
)
def test_names_spelled_with_country_characters_are_no_pairs(text, expected):
    pytest.importorskip("jieba")
    assert sorted(set(places(text))) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words of bilateral relations after a pair of countries
        ("双方强调中法战略伙伴关系", ["中", "法"]),
        ("，两国睦邻友好，中越签署了协定", ["中", "越"]),
        ("一年一度的中泰足球友谊赛", ["中", "泰"]),
    ],
)
def test_pairs_before_words_of_relations(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pairs that jieba lists only at a token count (印巴 3, 美中 3) are no words
        ("国际社会对印巴的制裁逐步放松", ["印", "巴"]),
        ("议员在美中技术合作问题上发言", ["美", "中"]),
        # but a common word read across the pair's edge wins (同意, 中低)
        ("以色列不会同意巴勒斯坦的要求", []),
        ("这家企业是以中低档产品见长", []),
        ("，非法收入被没收", []),
    ],
)
def test_bare_pairs_listed_only_as_tokens_are_places(text, expected):
    pytest.importorskip("jieba")
    assert places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("招待会上，中外记者提出了问题", ["中"]),  # China and abroad
        ("他们兴办了中外合资企业", ["中"]),
        ("她回到家中外面下着雨", []),  # 家中 is read
        ("其中外地游客占一半", []),  # 其中 is read
    ],
)
def test_china_in_china_and_abroad(text, expected):
    pytest.importorskip("jieba")
    assert places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("分析人士认为，俄金融市场已趋稳定", ["俄"]),  # Russia, alone
        ("外资没有从俄撤出", ["俄"]),
        ("埃塞俄比亚总理表示", []),  # a word holds it
        ("沙俄时代的建筑", []),
    ],
)
def test_russia_alone(text, expected):
    pytest.importorskip("jieba")
    assert places(text) == expected


def test_river_basins_of_weather_reports_are_groups():
    # 黄淮 = the Yellow and Huai rivers, 江淮 = the Yangtze and Huai (places_abbreviation_groups)
    assert places("明天华北南部、黄淮、江淮有小雨") == ["黄", "淮", "江", "淮"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country alone as the actor or object of a clause (issue 10: the largest kind of
        # LOC miss on untuned MSRA text)
        ("维护巴基斯坦的国家安全，巴进行核试验是“绝对必要的”", ["巴"]),
        ("联合国要求解除对伊经济制裁", ["伊"]),
        ("土还向巴提供了生产核武器所需要的材料", ["土"]),  # (巴提: 提 may spell a name on)
        ("印度不会因此与巴进行核军备竞赛", ["巴"]),
        ("哈今后仍将坚持平衡外交", ["哈"]),
        # its police, capital, territory, officials or parts of the country
        ("总检察院说，墨警方经过16个月缜密调查", ["墨"]),
        ("安理会决定对塞军政府实施石油禁运", ["塞"]),
        ("昨天在巴东部发生爆炸", ["巴"]),
        # the side in talks wherever no word runs across the country
        ("内塔尼亚胡表示以方愿同叙利亚重开和谈", ["以"]),
        # two joined by 、 before a word of relations
        ("声明呼吁印、巴两国停止核试验", ["印", "巴"]),
    ],
)
def test_a_country_standing_alone(text, expected):
    pytest.importorskip("jieba")
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "人们对美好生活的向往",  # 美好 is a word
        "今年，美的空调销量第一",  # 美的: a brand (and beauty)
        "他们朝着目标前进",  # 朝着
        "在土地上劳动",  # 土地
        "与英雄模范座谈",  # 英雄
        "韩氏药物脱瘾治疗仪",  # a family name
        "埃塞俄比亚和厄立特里亚",  # (the countries in full are the place rules')
        "所以方便了群众",  # 所以 is read
        "…美城用称",  # no clause boundary before it
    ],
)
def test_a_country_character_inside_words_is_not_alone(text):
    pytest.importorskip("jieba")
    found = places(text)
    assert "美" not in found and "土" not in found and "英" not in found
    assert "韩" not in found and "埃" not in found and "以" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pair of countries after a verb, not only at a clause's start
        ("安理会通过决议，谴责印巴最近进行的核试验", ["印", "巴"]),
        ("外长会议将不邀请印巴代表参加。", ["印", "巴"]),
        ("由于印巴对峙，南亚形势极其紧张", ["印", "巴"]),
        # 以 after a word is "by, with", unless a pair word follows: 和谈, the peace talks
        ("双方就如何重新启动以叙和谈交换了意见", ["以", "叙"]),
        # 中 "in" and 以 "by" after a word are no countries
        ("西班牙队昨天在1／8决赛中以1∶4大败于丹麦队", []),
        ("呼吁厄立特里亚以和平方式解决争端", []),
        # China and another country after a verb or a particle (中 is "in" only before 以)
        ("今天在这里签署了中美和平利用核技术合作协定", ["中", "美"]),
        ("美国政府是否恪守中美三个联合公报的原则", ["中", "美"]),
        ("林顿还谈到了当前中美在亚洲安全方面的合作", ["中", "美"]),
        ("他在错误的泥沼中越陷越深", []),  # 越…越: "the more… the more"
    ],
)
def test_a_pair_of_countries_after_a_word(text, expected):
    pytest.importorskip("jieba")
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # 以 before 东部 is "with the east" (以东部地区为重点), no Israel
        "以东部地区为重点推进改革",
        "以东部沿海为例",
    ],
)
def test_yi_before_a_region_word_is_no_country(text):
    assert "以" not in places(text)


# Issue #10 (s27): a pair of countries whose third character begins the next word (中美法律:
# 法律) is the pair; 人员 and 人士 after a pair make it a pair of places (中美人员往来).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("代表们就中美法律人才的培养目标进行了讨论", ["中", "美"]),
        ("教学方式以及中美法学教育的交流", ["中", "美"]),
        ("为促进中美人员往来发挥作用", ["中", "美"]),
        ("这是中美人士的共识", ["中", "美"]),
    ],
)
def test_pair_before_a_word_or_people(text, expected):
    assert places(text) == expected


# Issue #10 (s27): provinces by one character in fixed groups (云贵川, 陕甘), also after
# 从 and 到 (from … to …), each character a place.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("从黑龙江之滨到云贵川的大三线地区", ["云", "贵", "川"]),
        ("从陕甘革命老区到沿海", ["陕", "甘"]),
        ("黑吉辽三省联合行动", ["黑", "吉", "辽"]),
    ],
)
def test_province_groups(text, expected):
    assert places(text) == expected


def test_asia_europe_group():
    assert places("亚太经合组织、亚欧会议等正在将合作的共识转化为行动") == ["亚", "欧"]


# Issue #10 (s27): 以 … 为 is "take … as" (以军为主: no Israeli army); 孟 stands for
# Bangladesh in a list of countries; 诸国 after two joined countries (亚、欧诸国).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平战结合，以军为主，以民为辅", []),
        ("以军空袭加沙", ["以"]),
        ("宣布成立孟、印、斯、泰经济合作组织", ["孟", "印", "斯", "泰"]),
        ("已投入生产，与亚、欧诸国合作研制", ["亚", "欧"]),
    ],
)
def test_take_as_lists_and_many_countries(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 10: the first characters of the other states' names (places_pair_abbreviations)
        ("双方对中智建交以来的关系表示满意", ["中", "智"]),
        ("中几两国政府都很重视", ["中", "几"]),
        ("美、秘、智三国代表出席", ["美", "秘", "智"]),
    ],
)
def test_states_abbreviated_by_their_first_character_in_pairs(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "美国同意古巴航空公司客机使用领空",  # 同意 is read: no 意 before 古巴
        "他们几国合作",  # 几 alone, no country of the main set beside it
        "坦白交代问题",
    ],
)
def test_first_characters_of_states_alone_or_inside_words_are_no_places(text):
    assert "意" not in places(text) and "几" not in places(text) and "坦" not in places(text)


def test_the_pair_abbreviations_come_from_their_lexicon():
    from annotator import lexicon
    from annotator.suggest import abbreviations

    chars = lexicon.chars("places_pair_abbreviations")
    assert {"智", "坦", "几", "秘"} <= set(chars)
    assert not {"新", "也", "不"} & set(chars)  # too common as words (jieba counts)
    assert set(chars) <= set(abbreviations._PAIR_COUNTRY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚持反分裂、反“台独”的斗争", ["台"]),  # Taiwan independence: 台 is the place
        ("平台独立运行", []),  # 平台 is read
        ("电台独家报道", []),
    ],
)
def test_taiwan_in_taiwan_independence(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 两岸, the two sides of the Strait, and the strait with them as one place
        ("这对促进两岸民间关系的发展", ["两岸"]),
        ("相信两岸一定能找到办法", ["两岸"]),
        ("今天海峡两岸的专家学者", ["海峡两岸"]),
        ("促进台湾海峡两岸进行对话", ["台湾海峡两岸"]),
        # ... not the banks of a water, nor what is seen on them
        ("长江两岸有丰富的资源", []),
        ("影响大西洋两岸关系", []),
        ("在船上欣赏两岸壮丽风光", []),
    ],
)
def test_the_two_sides_of_the_strait(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 祖国大陆, the mainland; 特区 before its government, Hong Kong's or Macao's region
        ("到祖国大陆投资", ["大陆"]),
        ("并明确表示特区政府会致力于此", ["特区"]),
        ("司长及特区政府其他官员", ["特区"]),
        # ... not a continent, a shelf or a special economic zone
        ("整个非洲大陆的发展", []),
        ("祖国大陆架资源丰富", []),
        ("经济特区政府部门", []),
        ("发展经济特区", []),
    ],
)
def test_the_mainland_and_the_special_region(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 海湾, the Gulf, before a word of its region's affairs
        ("议员提出将海湾战争期间的储备出售", ["海湾"]),
        ("改善与海湾其他邻国的关系", ["海湾"]),
        # ... not a bay
        ("岛上有山和海湾。", []),
        ("游艇在海湾里乘风破浪", []),
    ],
)
def test_the_gulf(text, expected):
    assert places(text) == expected


def test_a_chunk_of_pages_scans_each_page_for_groups_once(monkeypatch):
    # An import's worker runs each finder over a chunk of pages in turn; the LOC rules then
    # ask for a page's groups again after the other pages: the answer is kept for it.
    from annotator.suggest import abbreviations, suggestion_tuples, suggestion_tuples_many

    texts = [f"第{i}届欧美国家论坛在港澳台举行。" for i in range(8)]
    scanned: list[str] = []
    real = abbreviations._GROUPS_SCAN

    class Counting:
        def finditer(self, text):
            scanned.append(text)
            return real.finditer(text)

    monkeypatch.setattr(abbreviations, "_GROUPS_SCAN", Counting())
    monkeypatch.setattr(abbreviations, "_groups_of", {})
    chunk = suggestion_tuples_many(texts, [None] * len(texts))
    assert sorted(scanned) == sorted(texts)  # once each
    assert chunk == [suggestion_tuples(t) for t in texts]
    assert [s[:3] for s in chunk[0]][:2] == [(3, 4, "LOC"), (4, 5, "LOC")]  # 欧 美


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 10: provinces by their one-character names (places_province_abbreviations)
        ("第五届鲁台经贸洽谈会开幕", ["鲁", "台"]),
        ("近代冀鲁豫三省粮食生产", ["冀", "鲁", "豫"]),
        ("驻闽赣两省部队", ["闽", "赣"]),
        ("粤、港两地警方高层会面", ["粤", "港"]),
        ("也算不虚川渝之行", ["川", "渝"]),
    ],
)
def test_provinces_in_runs_before_a_pair_word(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "南京沪宁高速公路",  # no pair word after the run
        "新台币汇率下跌",
    ],
)
def test_provinces_not_in_runs(text):
    assert places(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 10: peace, peace talks, diplomatic ties, joint ventures are bilateral words
        ("纪念中日和平友好条约缔结二十周年", ["中", "日"]),
        ("打破巴以和谈僵局", ["巴", "以"]),
        ("为实现中日邦交正常化", ["中", "日"]),
        ("这是一家中坦合资企业", ["中", "坦"]),
    ],
)
def test_pairs_before_words_of_peace_and_ties(text, expected):
    assert places(text) == expected


def test_no_pair_after_a_spelled_name():
    # 亚 ends 厄立特里亚 and 以 is "by": no pair 亚以 before 和平
    assert places("呼吁厄立特里亚以和平方式解决争端") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 10: a country as a whole, and stances against it
        ("在全美大学生篮球锦标赛决赛中", ["美"]),
        ("遍布全港的投票站", ["港"]),
        ("今年全英公开赛", ["英"]),
        ("宣布取消对华制裁", ["华"]),
        ("掀起一股反华逆流", ["华"]),
        ("反华势力企图阻挠", ["华"]),
    ],
)
def test_a_country_as_a_whole_and_stances(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "健全法制的必然历程",  # 全 ends 健全
        "躲避风浪的安全港湾",
        "全法兰西一片欢快",  # 法 begins 法兰西
        "逐步纳入法制化轨道",  # 法制, no sanctions on France
    ],
)
def test_no_country_as_a_whole(text):
    assert places(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 10: 西岸 alone is the West Bank; a water's or a place's west bank is not
        ("以色列从西岸撤军的建议", ["西岸"]),
        ("就西岸撤军问题搞全民公决", ["西岸"]),
        ("太平洋西岸亚洲地区的经济", []),
        ("湘江的西岸有一座塔", []),
        ("海峡西岸经济区", []),
    ],
)
def test_the_west_bank(text, expected):
    assert places(text) == expected
