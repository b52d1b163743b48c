"""The rules on invented everyday news sentences of a third probe round (issue #10, s35):
airports, listed companies, technology firms, photo credits, foreign names, familiar forms,
dates before the common era and figures of power and energy."""

from __future__ import annotations

import pytest

from annotator.suggest import suggest_spans


def _spans(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in suggest_spans(text)]


def _of(text: str, label: str) -> list[str]:
    return [t for t, lab in _spans(text) if lab == label]


# An international airport named by its own name (not its city's) is one place with
# 国际机场, as 机场 alone was (上海虹桥机场); the city before a listed district stays apart,
# as the MSRA gold writes 成都 + 双流国际机场; 国际机场 alone names none.
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("航班将于今晚降落在杭州萧山国际机场", ["杭州萧山国际机场"]),
        ("记者在成都双流国际机场看到", ["成都", "双流国际机场"]),
        ("游客抵达比绍国际机场后转乘大巴", ["比绍国际机场"]),
        ("叛军企图夺回国际机场", []),
        ("他们抵达该国际机场后", []),
    ],
)
def test_an_international_airport_is_one_place(text: str, places: list[str]) -> None:
    assert _of(text, "LOC") == places


# A name found by its statistics alone is no person before a word of a place's
# surroundings (一带, 附近, 境内).
@pytest.mark.parametrize("text", ["游客常去哈思山一带露营", "队伍转移到周思山一带"])
def test_no_running_name_before_a_places_surroundings(text: str) -> None:
    assert _of(text, "PER") == []


# A one-character country that opens a clause is the country only where what follows reads
# on as a clause (a common word, a function word: 俄将, 巴的); before two characters that
# make no word it begins a company's or a product's name (英伟达, 美团).
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("英伟达公布了季度财报", []),
        ("美团推出了新的服务", []),
        ("俄将派代表团出席", ["俄"]),
        ("俄进行了导弹试射", ["俄"]),
        ("对伊经济制裁仍在继续", ["伊"]),
    ],
)
def test_a_country_that_opens_a_name_is_no_place(text: str, places: list[str]) -> None:
    assert _of(text, "LOC") == places


# A year before the common era written without 公元 (前221年) is a date after a word of
# time or a clause mark; the first N years (在前100年里) and 提前 stay durations.
@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("该王朝于前206年灭亡", ["前206年"]),
        ("这位哲学家生于前469年，卒于前399年", ["前469年", "前399年"]),
        ("在前100年里，人口增长缓慢", []),
        ("工程比计划提前200年完成的说法不实", []),
    ],
)
def test_a_year_before_the_common_era_without_its_era(text: str, dates: list[str]) -> None:
    assert _of(text, "DATE") == dates


def test_a_year_before_the_common_era_carries_its_year() -> None:
    (span,) = [s for s in suggest_spans("该王朝于前206年灭亡") if s.label == "DATE"]
    assert span.attrs["year"] == -206


# Power and energy: 千 right after 万 or 亿 is the magnitude of the unit after it (120万千瓦,
# 30亿千瓦时 gave nothing), and watt-hours and vehicle trips are units of their own.
@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("新电站装机容量为80万千瓦", "80万千瓦", 800_000_000, "瓦"),
        ("全年发电量约25亿千瓦时", "约25亿千瓦时", 2_500_000_000_000, "瓦时"),
        ("这块电池的容量为60瓦时", "60瓦时", 60, "瓦时"),
        ("口岸全年验放车辆120万辆次", "120万辆次", 1_200_000, "辆次"),
        ("工厂共有一万一千名工人", "一万一千名", 11_000, "名"),
    ],
)
def test_power_and_energy_figures(text: str, figure: str, value: int, unit: str) -> None:
    (span,) = [s for s in suggest_spans(text) if s.label == "FIGURE"]
    assert (text[span.start : span.end], span.attrs["value"], span.attrs["unit"]) == (
        figure,
        value,
        unit,
    )


# 领导人 (a leader), 地区领导人 (a region's leader) and 知事 (a Japanese prefecture's
# governor) are titles before the name they belong to.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("该党领导人韦德明坚决要求重新计票", "韦德明"),
        ("台湾地区领导人赖清德的讲话遭到批评", "赖清德"),
        ("大阪府知事吉村表示将继续推进改革", "吉村"),
    ],
)
def test_leaders_and_governors_are_titles(text: str, name: str) -> None:
    assert name in _of(text, "PER")


# A run of transliteration characters after a surname ends where its last character begins
# a common word (毛泽东 + 提供, 钱伯斯 + 本人): the surname and the run before it are a name.
@pytest.mark.parametrize(
    ("text", "name"),
    [("钱伯斯本人没有到场", "钱伯斯"), ("这本书为读者了解毛泽东提供了新材料", "毛泽东")],
)
def test_a_name_before_a_word_is_no_foreign_run(text: str, name: str) -> None:
    assert _of(text, "PER") == [name]


# Adverbs that follow a subject's name end it (高志明早已…, 何丽华特别…): a name with no cue
# before an adverb is read as one before a verb is.
@pytest.mark.parametrize(
    ("text", "name"),
    [("高志明早已离开了家乡", "高志明"), ("何丽华特别感谢大家的帮助", "何丽华")],
)
def test_a_name_before_an_adverb(text: str, name: str) -> None:
    assert _of(text, "PER") == [name]


# A photo credit's agency is an organisation, a place inside it no place (视觉中国供图);
# a person, a word for a source or a side before 供图 are not (王鹏供图 is the person 王鹏).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（视觉中国供图）", [("视觉中国", "ORG")]),
        ("市民在江边散步。东方IC供图", [("东方IC", "ORG")]),
        ("图片来源：人民视觉", [("人民视觉", "ORG")]),
        ("（受访者供图）", []),
        ("（警方供图）", []),
        ("（本报资料供图）", []),
        ("（李明华供图）", [("李明华", "PER")]),
        ("王鹏供图", [("王鹏", "PER")]),
        ("（IC photo 供图）", []),
    ],
)
def test_a_photo_credits_agency(text: str, expected: list[tuple[str, str]]) -> None:
    assert _spans(text) == expected


# A year word cut by two words is no date: a verb + 去 or a word across its start, and a
# word that begins with its 年 (送去 + 年货, 如今 + 年轻人); 截至今年底 stays a date.
@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("社区给困难家庭送去年货和慰问金", []),
        ("如今年轻人更愿意留在家乡", []),
        ("截至今年底，全县将完成改造", ["今年底"]),
        ("他去年去过一次北京", ["去年"]),
    ],
)
def test_a_year_word_cut_by_two_words(text: str, dates: list[str]) -> None:
    assert _of(text, "DATE") == dates


# 带队 and 率队 (to lead a group) end no team: a title and a name before them are no body
# (县长周立新带队 was one ORG).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("副县长王海涛带队检查安全生产", [("王海涛", "PER")]),
        ("厂长亲自带队走访客户", []),
        ("市委书记率队赴沿海城市考察", [("市委", "ORG")]),
    ],
)
def test_leading_a_group_ends_no_team(text: str, expected: list[tuple[str, str]]) -> None:
    assert _spans(text) == expected


# A government before 与 is a body of its own: what follows 与 is another (区政府与腾讯公司
# was one ORG); two fields joined by 与 still name one (外语教学与研究出版社).
@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("长沙市岳麓区政府与顺达物流公司签订了合作协议", ["顺达物流公司"]),
        ("外语教学与研究出版社推出新书", ["外语教学与研究出版社"]),
    ],
)
def test_a_government_before_and(text: str, orgs: list[str]) -> None:
    assert _of(text, "ORG") == orgs


# A company's short name that opens a clause before a business cue (发布公告, 董事长, 创始人)
# is one organisation, a place inside it no place (长江电力, 贵州茅台); a run that points,
# tells a time, holds a verb or ends with a kind (该公司, 两家公司) is none; 联合 and 副 make
# a title of the cue and are cut off.
@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("湖北电力发布公告称，公司将回购股份", ["湖北电力"]),
        ("晨光文具董事长陈湖文出席了发布会", ["晨光文具"]),
        ("极兔速递联合创始人李杰表示", ["极兔速递"]),
        ("华润啤酒副董事长侯孝海说", ["华润啤酒"]),
        ("该公司董事长表示", []),
        ("两家公司董事长出席了签约仪式", []),
        ("一是董事长与经理分设", []),
    ],
)
def test_a_companys_short_name_before_a_business_cue(text: str, orgs: list[str]) -> None:
    assert _of(text, "ORG") == orgs


# A station named by its place with 车站 is one place (韶关车站 gave 韶关), as with 火车站;
# a kind of station (汽车站, 公交车站, 出租车站) or a station of some kind names none.
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("旅客在衡阳车站候车", ["衡阳车站"]),
        ("他在长途汽车站等车", []),
        ("各车站加强了安检", []),
        ("新建的出租车站投入使用", []),
    ],
)
def test_a_station_named_by_its_place(text: str, places: list[str]) -> None:
    assert _of(text, "LOC") == places


# 航站楼 (a terminal) and 站厅 (a station's hall) name no body ending in 站 or 厅: the airport
# before them stays one place (上海虹桥国际机场T2航站 was an ORG).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("旅客在浦东国际机场二号航站楼候机", [("浦东国际机场", "LOC")]),
        ("营口路站站厅层启用了新设备", [("营口路站", "LOC")]),
    ],
)
def test_terminals_and_station_halls(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, lab) for t, lab in _spans(text) if lab in ("LOC", "ORG")] == expected


# 立委 (a legislator) ends no committee: the party before it is the organisation
# (民进党籍立委 was one ORG).
def test_a_legislator_ends_no_committee() -> None:
    assert _of("国民党籍立委在会上提出了议案", "ORG") == ["国民党"]


# 老 before a Chinese numeral is a sibling's rank (老四, 老二), no count (葛老四家 gave the
# FIGURE 四家).
@pytest.mark.parametrize("text", ["村里的刘老四家今年盖了新房", "老二家的孩子考上了大学"])
def test_a_siblings_rank_is_no_count(text: str) -> None:
    assert _of(text, "FIGURE") == []


# A surname that is also an adverb (许, 何, 高) opening a clause before an honorific is a
# person (许小姐刚从国外回来); not before a plural (也许先生们) nor as a preposition (向爷爷).
@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("许小姐刚从外地赶回来", ["许"]),
        ("高女士是一位退休教师", ["高"]),
        ("也许先生们并不知道", []),
        ("他向爷爷的坟前走去", []),
    ],
)
def test_an_adverb_surname_before_an_honorific(text: str, people: list[str]) -> None:
    assert _of(text, "PER") == people


# A fraction N分之M is a figure with its value and its parts (三分之一 gave nothing);
# 百分之 and 千分之 keep their own reading.
@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("超过三分之二的村民投了赞成票", "超过三分之二", 0.6667),
        ("只有四分之一的学生报名", "四分之一", 0.25),
        ("中奖概率为二十分之一", "二十分之一", 0.05),
        ("增速为百分之五", "百分之五", 5),
    ],
)
def test_a_fraction_is_a_figure(text: str, figure: str, value: float) -> None:
    (span,) = [s for s in suggest_spans(text) if s.label == "FIGURE"]
    assert (text[span.start : span.end], span.attrs["value"]) == (figure, value)


# 知事 is a title of Japan alone: the name after it is read as a Japanese one, four Han
# characters, or five whose given name ends in 子 (东京都知事小池百合子 gave no person).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("兵库县知事井户敏三表示欢迎", "井户敏三"),
        ("东京都知事山田花子宣布参选", "山田花子"),
        ("东京都知事小池百合子宣布参选", "小池百合子"),
        ("大阪府知事松井美智子表示", "松井美智子"),
    ],
)
def test_a_japanese_governors_name(text: str, name: str) -> None:
    assert _of(text, "PER") == [name]


# 院区 (a hospital's or a school's campus) ends no body in 院: the hospital before it is
# the organisation (人民医院新院区 gave the ORG 人民医院新院).
def test_a_campus_ends_no_body() -> None:
    assert _of("县人民医院东院区下月启用", "ORG") == ["县人民医院"]


# A run of transliteration characters whose last one opens an idiom (梅开二度) ends before
# it: 费利佩梅 was read as the name.
@pytest.mark.parametrize(
    ("text", "name"),
    [("外援罗德里梅开二度帮助球队取胜", "罗德里"), ("前锋费尔南多梅开二度", "费尔南多")],
)
def test_a_foreign_name_before_an_idiom(text: str, name: str) -> None:
    assert _of(text, "PER") == [name]


# N级 before a title is a civil servant's rank, no count (二级巡视员 gave the FIGURE 二级);
# before other words it stays one (三级地震, 风力8级).
@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("市农业农村局一级调研员李华出席", []),
        ("省水利厅二级巡视员周明参加调研", []),
        ("当地发生了三级地震", ["三级"]),
        ("阵风风力达到8级", ["8级"]),
    ],
)
def test_a_rank_is_no_count(text: str, figures: list[str]) -> None:
    assert _of(text, "FIGURE") == figures


# After a title, a foreign name ends where its last character opens a word of three
# (哈兰德 + 本赛季 was read as 哈兰德本).
def test_a_foreign_name_before_a_word_of_three() -> None:
    assert _of("挪威前锋索尔巴肯本赛季状态出色", "PER") == ["索尔巴肯"]


# A known name ending in 为 (华为) is not read across a person's name and the 为 of 任命X为:
# 任命李振华为副市长 gave the ORG 华为 and no person.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议决定任命张建华为副县长", [("张建华", "PER")]),
        ("他在华为工作了十年", [("华为", "ORG")]),
    ],
)
def test_a_known_name_across_a_persons_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, lab) for t, lab in _spans(text) if lab in ("PER", "ORG")] == expected


# A run that holds 公司 before a business cue is the suffix rules' (华为公司轮值董事长 gave
# the ORG 华为公司轮值).
def test_a_company_and_a_title_word_before_a_cue() -> None:
    assert _of("立讯公司轮值董事长王明出席", "ORG") == ["立讯公司"]


# A station named by its city and a side (贵阳北站) is one place, though 北站 is also a
# district's name (it gave 贵阳 and 北站).
def test_a_station_with_a_district_name_inside() -> None:
    assert _of("列车于晚间抵达贵阳北站", "LOC") == ["贵阳北站"]


# A run of three transliteration characters whose first one ends a common word is no
# foreign name (新通道 + 班列 gave the person 道班列, 取代 + 马克 the person 代马克).
@pytest.mark.parametrize("text", ["新通道班列已经开通", "欧元取代马克成为法定货币"])
def test_a_short_run_that_begins_inside_a_word(text: str) -> None:
    assert _of(text, "PER") == []


# A metro's station named with the metro (上海地铁人民广场站) is a place, as the MSRA gold
# tags 北京地铁王府井站; it was an ORG.
def test_a_metro_station_named_with_its_metro() -> None:
    assert _spans("乘客可在广州地铁体育西路站换乘") == [("广州地铁体育西路站", "LOC")]


# A station read as a place right after 地铁 is one place with the metro and its city, as
# the MSRA gold tags 北京地铁王府井站 (it gave 北京 and 王府井站).
def test_a_metro_station_with_its_city() -> None:
    assert _spans("游客可在北京地铁天安门东站下车") == [("北京地铁天安门东站", "LOC")]
