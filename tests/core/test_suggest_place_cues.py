"""Entity rules on invented sentences: general cues of places, organisations and names
(issue 10)."""

from __future__ import annotations

import pytest

from annotator.suggest import suggest_spans
from annotator.suggest.abbreviations import find_abbreviation_candidates
from annotator.suggest.orgs_places import find_orgs_places


def tagged(text: str) -> list[tuple[str, str]]:
    return [(text[sp.start : sp.end], sp.label) for sp in find_orgs_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed city before 市民 or 市场: the 市 belongs to that word
        ("广州市民纷纷前往花市", [("广州", "LOC")]),
        ("杭州市场上的茶叶价格回落", [("杭州", "LOC")]),
        ("杭州市今年的茶叶价格回落", [("杭州市", "LOC")]),
        # a number and its measure word are no part of a place found by its ending
        ("会场上插着５面国旗和彩旗", []),
        ("前面是三座岛，后面是海", []),
        # an idiom running across a place's end hides the place
        ("歌唱祖国的锦绣河山", []),
        # an adjective that begins a name is part of it; with a common noun it names none
        ("在小岗村，农民率先实行包产到户", [("小岗村", "LOC")]),
        ("记者走进一个小山村", []),
        ("来到新城区看看", []),
    ],
)
def test_place_cues(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # China's Grand Canal and the Hai River's rivers, in the list of natural features
        ("游船沿着大运河缓缓南行", [("大运河", "LOC")]),
        ("永定河与北运河都流入海河", [("永定河", "LOC"), ("北运河", "LOC"), ("海河", "LOC")]),
    ],
)
def test_rivers_of_the_north_china_plain(text, expected):
    assert tagged(text) == expected


def abbreviations(text: str) -> list[str]:
    return [text[s:e] for s, e, _label, _attrs in sorted(find_abbreviation_candidates(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 应 (at the request of) before a side, a pair or a head: a function word
        ("应美方邀请，代表团启程", ["美"]),
        ("工程队应中葡政府的要求派出", ["中", "葡"]),
        ("应以法律为准绳", []),
        # 澳人治澳 as 港人治港; capital of China's firms (中资); a city's suburbs (沪郊)
        ("实行澳人治澳", ["澳", "澳"]),
        ("一批中资银行在当地开业", ["中"]),
        ("其中资金缺口最大", []),
        ("沪郊农民种植蔬菜", ["沪"]),
        ("南京郊区的农民", []),
    ],
)
def test_abbreviation_cues(text, expected):
    assert abbreviations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # China's regions in a list with one named by 华: the compass words are regions
        ("华东、西南比往年多雨", [("华东", "LOC"), ("西南", "LOC")]),
        ("东南、西北方向吹来的风", []),
    ],
)
def test_regions_in_a_list(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Earth, the Sun and the Moon are places (not in 太阳能, 太阳穴)
        ("探测器在月球背面着陆", [("月球", "LOC")]),
        ("保护地球的生态环境", [("地球", "LOC")]),
        ("屋顶装了太阳能热水器", []),
        # cities by their other names
        ("春节前的羊城花市", [("羊城", "LOC")]),
        ("蓉城的茶馆里坐满了人", [("蓉城", "LOC")]),
    ],
)
def test_celestial_places_and_city_nicknames(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one-character cities after a verb of coming or staying; 汉 after one of going
        ("研讨会昨天在沪开幕", ["沪"]),
        ("代表团乘机返穗", ["穗"]),
        ("他明天离汉赴京", ["汉", "京"]),
        ("此书成于在汉代", []),
        ("沪剧演员来京演出", ["京"]),
    ],
)
def test_one_character_cities(text, expected):
    assert abbreviations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count before a suffix that is also a measure word: no organisation
        ("县政府共收缴移动电话三十六部，", [("县政府", "ORG")]),
        # a floor and a room of a building are no part of the body that owns it
        ("市人大常委会办公楼５楼会议厅里坐满了人", [("市人大常委会", "ORG")]),
        # a court's chambers are one organisation with it
        ("上海市长宁区法院少年审判庭成立以来", [("上海市长宁区法院少年审判庭", "ORG")]),
        # a unit named without a place in a list of officials, with its own head's title
        (
            "出席的有：财政局局长王明、交通局副局长李红、计委主任张强",
            [
                ("财政局", "ORG"),
                ("交通局", "ORG"),
                ("计委", "ORG"),
            ],
        ),
        ("会后，该局局长表示", []),
    ],
)
def test_organisation_cues(text, expected):
    assert [t for t in tagged(text) if t[1] == "ORG"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a township read as a place is no person after a role word
        ("被告石塘乡建筑公司承建了石塘乡联校的教学楼", []),
        # 诉 (sues) ends a name: the plaintiff is 王丽
        ("原告王丽诉刘洋离婚纠纷一案", ["王丽"]),
    ],
)
def test_names_beside_places_and_lawsuits(text, expected):
    assert [text[s.start : s.end] for s in suggest_spans(text) if s.label == "PER"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ethnic township after its county, and its organ with both
        (
            "日前，四川省北川县小坝藏族乡人大主席团召开会议",
            [
                ("四川省北川县小坝藏族乡人大主席团", "ORG"),
            ],
        ),
        ("他出生在小坝藏族乡", [("小坝藏族乡", "LOC")]),
        ("当地汉族乡亲热情接待", []),
        # a prison is an organisation, and so is its numbered unit
        ("广东韶关监狱二大队服刑人员来信", [("广东韶关监狱二大队", "ORG")]),
        ("他被送进监狱", []),
    ],
)
def test_ethnic_townships_and_prisons(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # China's traditional regions by name (not inside 集中原则)
        ("当年他在陕北插队", [("陕北", "LOC")]),
        ("齐鲁大地春意盎然", [("齐鲁", "LOC")]),
        ("坚持集中原则", []),
    ],
)
def test_traditional_regions(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Party's national congresses by their number
        ("中共十四大确立了改革目标", [("中共十四大", "ORG")]),
        ("他是党的八大代表", [("八大", "ORG")]),
        ("深入学习十六大精神", [("十六大", "ORG")]),
        ("全国十五大城市的物价", []),
    ],
)
def test_party_congresses(text, expected):
    assert tagged(text) == expected


def test_a_congress_and_its_standing_committee():
    assert tagged("县人大及其常委会依法行使职权") == [("县人大", "ORG"), ("常委会", "ORG")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word tagged as a place beside a listed place in a list is an item of that list
        ("沿途经过成都、涪陵和宜昌等地", [("成都", "LOC"), ("涪陵", "LOC"), ("宜昌", "LOC")]),
        ("涪陵、成都两地签约", [("涪陵", "LOC"), ("成都", "LOC")]),
        # a generic word tagged so is no item (城镇 is ns in jieba's dictionary)
        ("北京、城镇和农村都在变", [("北京", "LOC")]),
    ],
)
def test_tagged_places_beside_a_listed_place_in_a_list(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lake, a road or a landmark right after a listed city: the city is its boundary
        ("初夏的武汉东湖游人如织", [("武汉", "LOC"), ("东湖", "LOC")]),
        ("漫步在广州沙面岛上", [("广州", "LOC"), ("沙面岛", "LOC")]),
        # a longer reading runs into the words after the place
        ("这是北京知青郭路生的诗", [("北京", "LOC")]),
    ],
)
def test_a_site_right_after_a_listed_place(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two common words across both edges of a listed name, together much likelier
        # than it: the text reads as the words
        ("他们踏上海上丝绸之路", []),
        ("一些城镇江岸堆满垃圾", []),
        # one word across one edge only leaves the name
        ("游客来到上海上岸", [("上海", "LOC")]),
        ("镇江江岸风光好", [("镇江", "LOC")]),
    ],
)
def test_a_listed_name_read_across_by_two_likelier_words(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 兼 joins two posts, 暨 two bodies: neither is inside an organisation's name
        ("他后任市委委员兼学习委员会主任。", [("市委", "ORG"), ("学习委员会", "ORG")]),
        (
            "活动由江苏省作家协会暨南京大学文学院主办。",
            [("江苏省作家协会", "ORG"), ("南京大学文学院", "ORG")],
        ),
        # 暨南 begins a name
        ("暨南大学新闻学院举办论坛", [("暨南大学新闻学院", "ORG")]),
        # 接受 is a verb before a paper's name
        ("他在接受湖南日报记者采访时说", [("湖南日报", "ORG")]),
    ],
)
def test_conjunctions_of_posts_and_bodies_cut_an_organisation(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # theatres, halls and concert halls are venues: places, as museums are
        ("新建的上海大剧院今晚首演", [("上海大剧院", "LOC")]),
        ("晚会在全国政协礼堂举行", [("全国政协礼堂", "LOC")]),
        ("北京音乐厅座无虚席", [("北京音乐厅", "LOC")]),
        ("学校礼堂里坐满了人", []),
        # a country's full name and a state of the past
        (
            "大不列颠及北爱尔兰联合王国首相将访问中国",
            [("大不列颠及北爱尔兰联合王国", "LOC"), ("中国", "LOC")],
        ),
        ("他研究中华民国的历史", [("中华民国", "LOC")]),
    ],
)
def test_venues_and_country_names(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 意 is Italy after a verb of visiting or being posted, never after 在 or 来
        ("总统访意期间签署了协议", ["意"]),
        ("中国驻意大使出席", ["意"]),
        ("他并不在意这些", []),
        ("说明来意之后", []),
        # a country's warship: 日舰, 美舰 (not 今日舰队, nor 以 "with")
        ("对日舰撞毁渔船表示抗议", ["日"]),
        ("美舰驶离港口", ["美"]),
        ("今日舰队出海", []),
        ("以舰载机为主", []),
        # … nor where a word ends with the country's character (执法, 精英)
        ("海警执法舰艇在附近巡航", []),
        ("精英舰长培训班开班", []),
    ],
)
def test_italy_after_a_visit_and_a_country_warship(text, expected):
    assert abbreviations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a transliterated name with a middle dot before a suffix: the word before the dot
        # starts it (not the names before a conjunction), a country before it joins it
        (
            "部长和罗尔斯·罗伊斯公司总裁会谈",
            [("罗尔斯·罗伊斯公司", "ORG")],
        ),
        ("英国罗尔斯·罗伊斯公司宣布", [("英国罗尔斯·罗伊斯公司", "ORG")]),
        # a number of ten thousands or a verb of policy is no part of a name
        ("在中国农村8亿农民中开展直接选举村委会干部", [("中国", "LOC")]),
        # management committees and a ministry's departments
        ("黄山风景区管委会发布通知", [("黄山风景区管委会", "ORG")]),
        ("外交部新闻司发言人表示", [("外交部新闻司", "ORG")]),
        ("商务部部长司马义出席", [("商务部", "ORG")]),
        # a trade before 公司 names a kind, not a company
        ("世界上最大的制药公司之一", []),
    ],
)
def test_dotted_names_counts_and_units_of_organisations(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 某 after a province is "a certain": no anonymised name 南某, no place 江西某县
        ("据悉，河南某企业濒临倒闭", [("河南", "LOC")]),
        ("江西某县发生洪灾", [("江西", "LOC")]),
        # a surname + 某 stays a name
        ("被告人张某和王某某到庭", [("张某", "PER"), ("王某某", "PER")]),
        ("原副市长梁某被免职", [("梁某", "PER")]),
        # … also before a word that begins as 某企业, 某公司 do (企图, 公开)
        ("犯罪嫌疑人王某企图逃跑", [("王某", "PER")]),
        ("被告人张某公开道歉", [("张某", "PER")]),
        ("他向某公司借款", []),
    ],
)
def test_a_certain_place_is_no_name_and_no_place(text, expected):
    assert [(text[s.start : s.end], s.label) for s in suggest_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fixed group before punctuation or quotes, with no word across its start
        ("渔船撞毁港台“保钓”人士的船只", ["港", "台"]),
        ("他在香港台。", []),
    ],
)
def test_a_group_before_punctuation(text, expected):
    assert abbreviations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a preposition before a side in talks is no surname: 美方 is the side
        ("代表团团长向美方通报了有关情况", [("美", "LOC")]),
        # a name that ends like a side stays a name
        ("王中方说，情况良好", [("王中方", "PER")]),
    ],
)
def test_a_side_in_talks_after_a_preposition_is_no_name(text, expected):
    assert [(text[s.start : s.end], s.label) for s in suggest_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count before a division names how many, not which
        ("两市领导表示，要两市联手发展旅游", []),
        # a place suffix that begins a common word with the next character ends no place
        ("会议决定，肃清李明路线的影响", []),
        ("她穿着中国传统旗袍", [("中国", "LOC")]),
        ("湖区有大小湖泊上百个", []),
        # a banner after its region and a road before 上 stay places
        ("内蒙古鄂托克旗", [("内蒙古", "LOC"), ("鄂托克旗", "LOC")]),
        ("在中山路上散步", [("中山路", "LOC")]),
        # … and so does a banner before 下辖, what it governs (not 旗下, "under its banner")
        ("正蓝旗下辖多个苏木", [("正蓝旗", "LOC")]),
    ],
)
def test_counts_and_words_that_begin_with_a_place_suffix(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body before 与 is one of its own, not a field of the next name
        ("昨日，港务局与铁路公司签署协议", [("铁路公司", "ORG")]),
        ("，外语教学与研究出版社出版", [("外语教学与研究出版社", "ORG")]),
    ],
)
def test_a_body_before_yu_is_one_of_its_own(text, expected):
    got = [
        (text[s.start : s.end], s.label) for s in suggest_spans(text) if s.label in ("LOC", "ORG")
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 应 (at the invitation of) before a country's abbreviation is no part of a name
        ("代表团是应中日友协的邀请来访的", [("中日友协", "ORG")]),
        # 管理局 names a body on a bounded prefix, as 委员会 does
        ("，港口管理局职员", [("港口管理局", "ORG")]),
    ],
)
def test_invitations_and_administrations(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kinds of division in a row are kinds, no place (a verb or a county before them)
        ("县委决定推行乡、村政务公开", [("县委", "ORG")]),
        ("故城县推行乡、村政务公开", [("故城县", "LOC")]),
        ("总结镇、村两级的工作", []),
        # a name that begins with a kind of division and is no word: two words, no place
        ("开始实施“村帐乡管，民主理财”", []),
        # a common word before a word of three characters that the kind begins
        ("有些村干部每逢公开日临头", []),
        # an adverb before a place is no part of it
        ("运行以来，仅大柳镇就要回欠款", [("大柳镇", "LOC")]),
        # places stay
        ("他来到大柳镇、石桥村调研", [("大柳镇", "LOC"), ("石桥村", "LOC")]),
        ("平江县、乡、村三级干部", [("平江县", "LOC")]),
    ],
)
def test_kinds_of_division_and_words_before_a_place(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common noun holding a one-character stop word (像) does not cut the name
        ("内蒙古音像出版社卖版号问题严重。", [("内蒙古音像出版社", "ORG")]),
        ("其中江苏文化音像出版社等5家", [("江苏文化音像出版社", "ORG")]),
        ("上海影像公司成立", [("上海影像公司", "ORG")]),
        # the stop word alone still does
        ("他像出版社的编辑一样", []),
    ],
)
def test_a_noun_holding_a_stop_word_stays_in_the_name(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word that stands before an organisation's name begins no place (成立县)
        (
            "由县纪委牵头，成立县委政务公开领导小组，",
            [("县纪委", "ORG"), ("县委政务公开领导小组", "ORG")],
        ),
        ("会议决定召开县委扩大会议", [("县委", "ORG")]),
        # an ordinal count of people (第五位) is no part of the name after it (the party
        # alone is one where its paragraph names a country, as MSRA's gold has it)
        ("他成为英国历史上第五位工党首相。", [("英国", "LOC"), ("工党", "ORG")]),
    ],
)
def test_words_before_an_organ_stay_out_of_it(text, expected):
    assert tagged(text) == expected
