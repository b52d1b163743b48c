"""False ORG and LOC spans on ordinary news text (issue 10, found by a probe with invented
sentences): names that ran over the parties of a court case, a common word, a level in the
plural, a venue's kind alone or a leg of a contest.  The sentences are invented."""

from __future__ import annotations

import pytest

from annotator.suggest.orgs_places import find_orgs_places


def tagged(text: str) -> list[tuple[str, str]]:
    return [(text[sp.start : sp.end], sp.label) for sp in find_orgs_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parties of a case: 原告 and 被告 stand before a name, never inside it
        ("原告王某诉被告华为技术有限公司劳动合同纠纷一案", [("华为技术有限公司", "ORG")]),
        ("被告上海大众汽车有限公司未到庭", [("上海大众汽车有限公司", "ORG")]),
        # 某 (a certain): the body is left unnamed, and no name reaches over 张某
        ("原告张某诉被告某科技公司买卖合同纠纷一案今日宣判", []),
        ("原告李某诉某物流公司一案", []),
        ("被告人刘某某系某公司员工", []),
        ("原告王某诉被告北京某物流有限公司", [("北京", "LOC")]),
    ],
)
def test_court_parties_and_unnamed_bodies(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place + 站 after a contest is the leg held there: an event, the place is LOC
        ("短道速滑世界杯北京站今天落幕", [("北京", "LOC")]),
        ("网球巡回赛上海站的比赛将于下周举行", [("上海", "LOC")]),
        ("国际泳联跳水大奖赛广州站开幕", [("国际泳联", "ORG"), ("广州", "LOC")]),
        # a station's body stays an organisation
        ("驻北京站记者发回报道", [("北京站", "ORG")]),
    ],
)
def test_a_leg_of_a_contest_is_no_station(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a level character that ends a common word (小区, 山区, 特区) heads no name
        ("小区业主委员会主任说，物业费将不再上涨", []),
        ("今日特区立法会召开会议", [("特区立法会", "ORG")]),
        ("山区学校教师协会成立", [("山区学校教师协会", "ORG")]),
        # a level after a place still heads its bodies
        ("衡阳市教育局发布通知", [("衡阳市教育局", "ORG")]),
    ],
)
def test_a_level_that_ends_a_common_word_heads_no_name(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two levels in a row are levels in the plural: no organ of one
        ("各区县人民政府要抓好落实", []),
        ("各市县人民政府要高度重视", []),
        # the same level twice is one county and its organ
        ("该县县委常委召开会议", [("县委", "ORG")]),
        ("县委书记到村里调研", [("县委", "ORG")]),
    ],
)
def test_levels_in_the_plural_are_no_organ(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a venue's kind alone before its head's title is no named place
        ("图书馆馆长介绍，读者借阅量比去年增加了两成", []),
        ("，博物馆馆长说", []),
        # a unit named before its head's title stays (水利局局长), as does a named venue
        ("，水利局局长说", [("水利局", "ORG")]),
        ("，市图书馆馆长说", [("市图书馆", "LOC")]),
    ],
)
def test_a_venues_kind_alone_is_no_place(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counties of one character missing from the list of China's county-level divisions
        ("邱县的棉花种植面积扩大了一倍", [("邱县", "LOC")]),
        ("甘肃成县的核桃丰收了", [("甘肃成县", "LOC")]),
        # 成 ending a common word (建成, 形成) starts no county
        ("工程建成县城面貌一新", []),
    ],
)
def test_counties_of_one_character(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body named after two levels in a row is every district's or county's
        ("区县教育部门要做好开学准备工作", []),
        ("各市县党委要高度重视安全生产工作", []),
        ("市教育局向各区县教育局发文", [("市教育局", "ORG")]),
        # one level, or the same one twice, names a body
        ("县市场监督管理局开展了食品安全检查", [("县市场监督管理局", "ORG")]),
        ("该县县委常委会研究部署了防汛工作", [("县委常委会", "ORG")]),
    ],
)
def test_bodies_of_levels_in_the_plural(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tower or a port named by a listed place is one place with it
        ("游客登上岳阳楼远眺", [("岳阳楼", "LOC")]),
        ("货轮今天驶抵奥克兰港", [("奥克兰港", "LOC")]),
        ("上海港集装箱吞吐量再创新高", [("上海港", "LOC")]),
        # not before a word that the kind opens, nor after an abbreviation or 香港
        ("香港楼价不断上涨", [("香港", "LOC")]),
        ("货物经加州港口输入", [("加州", "LOC")]),
        ("北京楼市成交量下降", [("北京", "LOC")]),
    ],
)
def test_a_tower_or_a_port_named_by_a_place(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # large German cities: places, and their teams' names
        ("拜仁慕尼黑队以三比一战胜多特蒙德队", [("拜仁慕尼黑队", "ORG"), ("多特蒙德队", "ORG")]),
        ("中国队将在不来梅进行小组赛", [("中国队", "ORG"), ("不来梅", "LOC")]),
        ("汉诺威工业博览会开幕", [("汉诺威", "LOC")]),
    ],
)
def test_large_german_cities(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit named before its head's title holds no verb nor pronoun
        ("他担任分局局长多年", []),
        ("，她曾任分局局长", []),
        ("、水利局局长郭伯荣", [("水利局", "ORG")]),
    ],
)
def test_a_unit_before_a_title_holds_no_verb(text, expected):
    assert [t for t in tagged(text) if t[1] == "ORG"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 总局, a national administration, is named by its field alone
        ("市场监管总局发布了新的食品安全标准", [("市场监管总局", "ORG")]),
        ("金融监管总局加强对保险机构的监管", [("金融监管总局", "ORG")]),
        ("广电总局、电影局给予了支持", [("广电总局", "ORG"), ("电影局", "ORG")]),
        ("国家税务总局发布公告", [("国家税务总局", "ORG")]),
    ],
)
def test_a_national_administration(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("深交所发布了关于加强上市公司监管的通知", [("深交所", "ORG")]),
        ("北交所开市一周年", [("北交所", "ORG")]),
        # 上交 (to hand in) + 所得税: no exchange
        ("企业按时上交所得税", []),
    ],
)
def test_stock_exchanges_by_their_short_names(text, expected):
    assert tagged(text) == expected
