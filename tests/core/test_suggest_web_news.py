"""The rules on the forms of 2010s news and web text (BosonNLP-like sentences, composed):
other middle dots, makes with a model's code, bodies joined by 和, words before a name."""

from __future__ import annotations

import pytest

from annotator.suggest import suggest_spans


def _spans(text: str, label: str) -> list[str]:
    return [text[s.start : s.end] for s in suggest_spans(text) if s.label == label]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("相比英国前首相戈登・布朗访美时的情形", "戈登・布朗"),  # katakana middle dot
        ("分析师格雷格‧罗指出", "格雷格‧罗"),  # hyphenation point
        ("演员阿什顿･库彻等人", "阿什顿･库彻"),  # half-width katakana middle dot
    ],
)
def test_a_name_with_another_middle_dot_is_one_name(text: str, name: str) -> None:
    spans = suggest_spans(text)
    assert name in _spans(text, "PER")
    assert all(s.end <= len(text) for s in spans)


@pytest.mark.parametrize(
    ("text", "make"),
    [
        ("豪华运动型轿车全新英菲尼迪Q50车型将全球首发", "英菲尼迪"),
        ("这台发动机也可能成为国产福克斯ST所采用的动力配置", "福克斯"),
    ],
)
def test_a_make_before_its_model_code_is_no_person(text: str, make: str) -> None:
    assert make not in _spans(text, "PER")


def test_a_foreign_name_before_other_text_is_still_found() -> None:
    assert _spans("卡斯蒂诺往往先发制人", "PER") == ["卡斯蒂诺"]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("并确定刑侦大队和唐三营派出所为责任单位", ["唐三营派出所"]),
        ("风险部和公司部组成检查组", []),
        ("由市财政局和审计局联合发文", ["市财政局", "审计局"]),
    ],
)
def test_a_body_with_its_own_suffix_before_and_is_no_part_of_the_next(
    text: str, orgs: list[str]
) -> None:
    assert _spans(text, "ORG") == orgs


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("根据之前UC优视公司的官方数据", ["UC优视公司"]),
        ("届时银行如按目前条款将达不到目的", []),
        ("还需要银行与监管层进一步谈判", []),
        ("去年开始很多银行在债券交易上受益", []),
        ("已经有很多中小银行做得非常好了", []),
        ("伤者被救护车转往医院救治", []),
        ("在毛先生哥哥公司法律顾问的帮助下", []),
        ("“当年处理国有银行不良资产的方式", []),
        ("双方建立战略合作关系，共建合资公司，实现版权共享", []),
        ("从而使汽车类上市公司收益可能增加", []),
        ("，平安保险公司表示", ["平安保险公司"]),
    ],
)
def test_words_before_a_strong_suffix_are_no_part_of_a_name(text: str, orgs: list[str]) -> None:
    assert _spans(text, "ORG") == orgs


def test_a_discourse_word_begins_no_landmark() -> None:
    assert "另外万达广场" not in _spans("商业街区，另外万达广场、超市", "LOC")


@pytest.mark.parametrize(
    ("text", "org"),
    [("他也给西班牙奥委会制造了麻烦", "西班牙奥委会"), ("美国奥委会主席说", "美国奥委会")],
)
def test_a_country_s_olympic_committee_is_whole(text: str, org: str) -> None:
    assert _spans(text, "ORG") == [org]


def test_the_central_government_is_one_organisation() -> None:
    assert _spans("在中央政府的大力支持下", "ORG") == ["中央政府"]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("长安汽车(000625,股吧)、一汽夏利(000927,股吧)等", ["长安汽车", "一汽夏利"]),
        ("石化股票还有海油工程(600583,股吧)、泰山石油(000554,股吧)", ["海油工程", "泰山石油"]),
        ("腾讯控股（00700.HK）昨日公布业绩", ["腾讯控股"]),
        ("贵州茅台（股票代码：600519）公告", ["贵州茅台"]),
        ("该公司(600000)公告", []),
        ("收入为300000(元)", []),
    ],
)
def test_a_listed_company_is_named_before_its_stock_code(text: str, orgs: list[str]) -> None:
    assert _spans(text, "ORG") == orgs


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("中式台球排名赛", ["中"]),
        ("斯诺克、美式、中式台球", ["美", "中"]),
        ("港股就只能跌个稀里哗啦", ["港"]),
        ("因为欧债危机而重新引发", ["欧"]),
        ("美刊认为，这从侧面说明", ["美"]),
        ("说要保持美英间的伙伴关系", ["美", "英"]),
        ("节日式的气氛", []),  # 节日 is read
        ("尽量增加中间业务的收入", []),  # 增加 and 中间 are read
        ("英菲尼迪Q50集智能与乐趣", []),  # a make spelled with 英 and 菲
        ("项目自带繁华商业街区", []),  # 繁华 is read, no 华商
        ("在平台商城购物", []),  # 平台 is read, no 台商
        ("台商投资", ["台"]),
    ],
)
def test_one_character_places_in_modern_compounds(text: str, places: list[str]) -> None:
    assert _spans(text, "LOC") == places


@pytest.mark.parametrize(
    ("text", "label", "found"),
    [
        ("福州市仓山区公安局政治部警官介绍", "ORG", ["福州市仓山区公安局政治部"]),
        ("在东城区举行", "LOC", ["东城区"]),
        ("这片山区的孩子", "LOC", []),  # the generic word alone
        ("加快建设新城区", "LOC", []),  # an adjective and a generic word
    ],
)
def test_a_district_whose_name_ends_like_a_generic_word_is_a_place(
    text: str, label: str, found: list[str]
) -> None:
    assert _spans(text, label) == found


def test_a_surname_character_inside_a_word_with_the_title_is_no_name() -> None:
    # 班主任 (a class teacher) is a word: 班 is no surname before 主任 there
    text = "扬州市十佳班主任、邗江中学教师于德龙告诉记者"
    assert _spans(text, "PER") == ["于德龙"]
    assert _spans("王主任说", "PER") == ["王"]


def test_two_foreign_runs_joined_by_a_hyphen_are_one_name() -> None:
    # 詹姆斯 also reads as a surname (詹) and a given name: the hyphen still joins them
    text = "正如教练所说，勒布朗-詹姆斯的领袖气质开始凸显。"
    assert _spans(text, "PER") == ["勒布朗-詹姆斯"]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("在天元区劳动监察大队的监督下", ["天元区劳动监察大队"]),
        ("近日，安吉县消防大队接到报警", ["安吉县消防大队"]),
        ("鹰潭市交警支队直属大队二中队5位民警", ["鹰潭市交警支队直属大队二中队"]),
        ("天元区劳动监察大队大队长张正根表示", ["天元区劳动监察大队"]),  # 大队长: a title
        ("县里派出大队人马", []),  # a large party of people
    ],
)
def test_a_place_s_brigade_or_detachment_is_an_organisation(text: str, orgs: list[str]) -> None:
    assert _spans(text, "ORG") == orgs


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("北京11月29日电银监会副主席蔡鄂生在接受访谈时表示", ["银监会"]),
        ("欧央行此次一并下调存款利率", ["欧央行"]),
    ],
)
def test_regulators_and_the_european_central_bank_by_their_short_names(
    text: str, orgs: list[str]
) -> None:
    assert _spans(text, "ORG") == orgs


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("文思公司与海辉软件(国际)集团公司合并", ["文思公司", "海辉软件(国际)集团公司"]),
        ("微软（中国）有限公司宣布", ["微软（中国）有限公司"]),
        ("他说(笑)公司好", []),
    ],
)
def test_a_company_name_holding_a_place_in_brackets_is_whole(text: str, orgs: list[str]) -> None:
    assert _spans(text, "ORG") == orgs


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("美国的著名多媒体软件公司Adobe希望借助数字媒体", ["Adobe"]),
        ("国际软件外包巨头Achievo旗下的子公司", ["Achievo"]),
        ("Google发现，玩家对自己的游戏", ["Google"]),
        ("据报道，Google表示研究数据", ["Google"]),
        ("分析师格雷格・罗（Greg）指出", []),  # a person's original spelling
        ("CEO表示，公司将继续投入", []),  # an officer's title
        ("iOS发现漏洞", []),  # a lower-case word
    ],
)
def test_an_organisation_in_latin_letters_by_its_cue(text: str, orgs: list[str]) -> None:
    assert [o for o in _spans(text, "ORG") if o.isascii()] == orgs


def test_a_foreign_run_before_a_township_is_no_name() -> None:
    assert _spans("在东乌珠穆沁旗乌利亚斯泰镇塞罕街", "PER") == []
