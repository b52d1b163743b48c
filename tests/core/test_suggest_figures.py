"""FIGURE rules on composed sentences, and the numeral converter against cn2an."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.suggest.figures import (
    chinese_number,
    find_figure_candidates,
    find_figures,
    number_value,
    parse_figure,
)


def figures(text: str) -> list[tuple[str, dict]]:
    return [(text[s:e], attrs) for s, e, _label, attrs in find_figure_candidates(text)]


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit", "qualifier"),
    [
        ("今年储备化肥13.11万吨。", "13.11万吨", 131100, "吨", None),
        ("播种面积720万亩。", "720万亩", 7_200_000, "亩", None),
        ("安排资金600万元,", "600万元", 6_000_000, "元", None),
        ("新建场地52个。", "52个", 52, "个", None),
        ("创建基地40余个,", "40余个", 40, "个", "余"),
        ("面积约2000平方米。", "约2000平方米", 2000, "平方米", "约"),
        ("成立70周年大会", "70周年", 70, "周年", None),
        ("增长百分之五。", "百分之五", 5, "%", None),
        ("增长5%。", "5%", 5, "%", None),
        ("投资3.5亿元建设", "3.5亿元", 350_000_000, "元", None),
        ("拿下两个奖项", "两个", 2, "个", None),
        ("面积将超720万亩", "超720万亩", 7_200_000, "亩", "超"),
        ("目标为150万亩以上。", "150万亩以上", 1_500_000, "亩", "以上"),
        ("共有超过1,200万元", "超过1,200万元", 12_000_000, "元", "超过"),
        ("价值约合500万美元", "约合500万美元", 5_000_000, "美元", "约合"),
        ("收入五六万元", "五六万元", 50_000, "元", "约"),
        ("二十万零三人参加", "二十万零三人", 200_003, "人", None),
        ("两千多万元", "两千多万元", 20_000_000, "元", "多"),
        ("三点五亿元", "三点五亿元", 350_000_000, "元", None),
        ("人口720万,", "720万", 7_200_000, "", None),
        ("下降3个百分点", "3个百分点", 3, "百分点", None),
        ("用了3个多月", "3个多月", 3, "个月", "多"),
        ("预计栽植3年之内", "3年之内", 3, "年", "之内"),
        ("紧扣三年为期目标", "三年", 3, "年", None),
    ],
)
def test_figure_value_unit_qualifier(text, fragment, value, unit, qualifier):
    found = figures(text)
    assert [f for f, _ in found] == [fragment]
    attrs = found[0][1]
    assert attrs["value"] == value and type(attrs["value"]) is int
    assert attrs["unit"] == unit
    assert attrs.get("qualifier") == qualifier


def test_float_values_stay_exact():
    (frag, attrs), *_ = figures("增长12.5%")
    assert frag == "12.5%" and attrs["value"] == 12.5 and isinstance(attrs["value"], float)
    assert figures("3.3万元")[0][1]["value"] == 33000  # Decimal arithmetic: no 33000.000…4


def test_ranges_carry_value_max():
    assert figures("每组3-5个")[0][1] == {"value": 3, "unit": "个", "value_max": 5}
    assert figures("投资3至5万元")[0][1] == {"value": 30000, "unit": "元", "value_max": 50000}


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit"),
    [
        ("名列第80位,", "第80位", 80, "位"),
        ("位居全省第一。", "第一", 1, ""),
        ("排名第3名", "第3名", 3, "名"),
    ],
)
def test_ranks_are_ordinal_figures(text, fragment, value, unit):
    (frag, attrs), *_ = figures(text)
    assert frag == fragment
    assert attrs == {"value": value, "unit": unit, "ordinal": True}


def test_top_n():
    assert figures("进入全国前20强;") == [
        ("前20强", {"value": 20, "unit": "强", "qualifier": "前"})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "报名电话:8156206,欢迎报名",  # a phone number
        "市12345政府服务热线",  # a hotline number
        "党的十九届五中全会",  # an ordinal inside a name
        "第二次推进会",
        "中央第16督导组",
        "开年第一课",
        "一年一度的植树活动",  # 一 as an article
        "一个标准化场地",
        "“一件事一次办”",
        "“三个年”活动",  # a slogan in quotes
        "千吨万人饮用水水源地",  # bare magnitudes
        "三番五次",  # an idiom
        "5G基站",
        "《全国经济总量前100城市排名》",  # a book title
        "2020年",  # a year is a DATE
        "二〇二〇年",
        "3月12日",
        "13日9时",
    ],
)
def test_not_figures(text):
    assert figures(text) == []


def test_astral_character_before_a_figure_counts_as_one_code_point():
    text = "𠮷家投资600万元"
    (span,) = find_figures(text)
    assert (span.start, span.end) == (4, 9)
    assert text[span.start : span.end] == "600万元"
    assert span.origin == "rule" and span.status == "suggested" and span.label == "FIGURE"


def test_parse_figure_only_accepts_exactly_one_figure():
    assert parse_figure("约2000平方米") == {"value": 2000, "unit": "平方米", "qualifier": "约"}
    assert parse_figure("2000平方米的") is None
    assert parse_figure("市委") is None


def test_number_value_forms():
    assert number_value("13.11万") == Decimal("131100.00")
    assert number_value("1,200") == 1200
    assert number_value("１２") == 12  # full-width digits
    assert chinese_number("两万五") == 25000
    assert chinese_number("一千零二") == 1002
    assert chinese_number("二〇二〇") == 2020
    assert chinese_number("三点一四") == Decimal("3.14")
    with pytest.raises((ValueError, KeyError)):
        chinese_number("市委")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_numbers_agree_with_cn2an(n):
    cn2an = pytest.importorskip("cn2an")
    assert chinese_number(cn2an.an2cn(n)) == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**8 - 1))
def test_chinese_figures_round_trip(n):
    cn2an = pytest.importorskip("cn2an")
    text = f"共有{cn2an.an2cn(n)}人参加"
    found = figures(text)
    if n == 1:
        assert found == []  # 一人: 一 as an article
    else:
        assert found and found[0][1]["value"] == n and found[0][1]["unit"] == "人"


def test_negative_temperatures():
    assert figures("气温将降至-5℃") == [("-5℃", {"value": -5, "unit": "℃"})]
    assert figures("零下5摄氏度") == [("零下5摄氏度", {"value": -5, "unit": "摄氏度"})]


def test_earthquake_magnitude():
    assert figures("发生7.8级地震") == [("7.8级", {"value": 7.8, "unit": "级"})]


@pytest.mark.parametrize(
    ("text", "fragment", "unit"),
    [
        ("占比超过三成", "超过三成", "成"),
        ("收入翻了一番", "一番", "番"),
        ("效率提高一倍", "一倍", "倍"),
        ("须在15日内办结", "15日", "日"),
        ("他全场拿下27分", "27分", "分"),
        ("推出5款新车", "5款", "款"),
    ],
)
def test_context_units(text, fragment, unit):
    found = [(text[s:e], a["unit"]) for s, e, _l, a in find_figure_candidates(text)]
    assert found == [(fragment, unit)]


@pytest.mark.parametrize("text", ["三成立了公司", "一番话", "9时30分开幕", "15日召开", "梅开二度"])
def test_context_units_refused(text):
    assert find_figure_candidates(text) == []


def test_a_chinese_day_is_not_cut_into_a_figure():
    """二十三日 is a date: its 二十 is no figure without a unit (issue 10)."""
    assert figures("二十三日上午") == []
    assert [f for f, _ in figures("共有二十三人")] == ["二十三人"]
    assert [f for f, _ in figures("投资１２００万元")] == ["１２００万元"]


@pytest.mark.parametrize("line", ["一" * 20_000, "两" * 20_000, "一二" * 10_000, "八所" * 10_000])
def test_a_long_run_of_numerals_takes_linear_time(line):
    # re tried every start of the run, each giving the run back a character at a time:
    # 20,000 一 took about 30 s (70 s for 30,000); now a few milliseconds
    start = time.process_time()
    find_figure_candidates(line)
    assert time.process_time() - start < 5


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet="0１2.,点一二两三四五十百千万亿零〇个元年至-多余以上第前百分之约%成番分日内翻x。《》“”",
        max_size=16,
    )
)
def test_the_linear_scan_finds_what_finditer_finds(text):
    from annotator.suggest import figures

    expected = [(m.span(), m.groups()) for m in figures._FIGURE_RE.finditer(text)]
    assert [(m.span(), m.groups()) for m in figures._figure_matches(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他们八所镇的人", []),  # the town Basuo, not "eight of"
        ("渔民们在八所镇上", []),
        ("共有八所学校", ["八所"]),
        ("全县两所村小合并", ["两所"]),  # 村小 (village schools) are counted
        ("，三座村庄", ["三座"]),
        ("，5所村", ["5所"]),  # written in digits it names no place
    ],
)
def test_a_count_naming_a_division_is_no_figure(text, expected):
    pytest.importorskip("jieba")
    assert [fragment for fragment, _ in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term (届) and the session of a term are ordinals that name a meeting
        ("全会审议通过了《中共中央关于进一步全面深化改革的决定》，二十届三中全会精神", []),
        ("在二十届中央纪委三次全会上发表重要讲话", []),
        ("十四届全国人大二次会议在人民大会堂开幕", []),
        ("他已连续当选二十多届理事", []),
        ("第三十期培训班开班", []),
        # counts stay figures
        ("今年共召开三次会议，人口二十万", ["三次", "二十万"]),
        ("十二届全国人大五次会议期间，他提交了3次建议", ["3次"]),
    ],
)
def test_ordinals_of_terms_and_sessions_are_no_figures(text, expected):
    assert [fragment for fragment, _ in figures(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a number before 代, 期 or 号 with no unit names a generation, an issue or a
        # number: no figure (each fails when its character leaves figures._ORDINALS)
        "这是三十代传人",
        "三十期培训班开班",
        "参观了二十号展厅",
    ],
)
def test_a_number_before_an_ordinal_classifier_is_no_figure(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    "text",
    ["实验小学五年级学生获奖", "她在读三年级", "初中2年级的课程"],
)
def test_a_school_grade_is_no_figure(text):
    # N年级 names a grade, not a duration of N years (五年 was a figure before)
    assert figures(text) == []


def test_not_exceeding_keeps_its_negation():
    # 不超过 is "at most": the span and the qualifier keep 不 (超过 alone says the reverse)
    found = figures("拟回购不超过1000亿港元股份")
    assert [f for f, _ in found] == ["不超过1000亿港元"]
    assert found[0][1]["qualifier"] == "不超过"
    assert [f for f, _ in figures("投资超过1000亿元")] == ["超过1000亿元"]


@pytest.mark.parametrize(
    ("text", "fragment", "value"),
    [("上证指数收于3125.48点", "3125.48点", 3125.48), ("道指下跌１２．５点", "１２．５点", 12.5)],
)
def test_an_index_s_points_with_decimals_are_a_figure(text, fragment, value):
    # no clock time has decimals (the points were no figure before)
    found = figures(text)
    assert [(f, a["value"], a["unit"]) for f, a in found] == [(fragment, value, "点")]


@pytest.mark.parametrize("text", ["新版Windows 10.1点评", "给这款2.0点赞"])
def test_a_word_that_begins_with_dian_is_no_points_figure(text):
    assert figures(text) == []


def test_a_clock_hour_is_no_points_figure():
    assert figures("晚上12点下班") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 数 before 十 is "several": in the span as a qualifier (十万人 alone said 100,000)
        ("数十万人受灾", [("数十万人", "数")]),
        ("数十个国家参加", [("数十个", "数")]),
        # after 有 or 为, though jieba knows 有数 and 为数 as words
        ("有数十万人参加了游行", [("数十万人", "数")]),
        ("为数十万名职工", [("数十万名", "数")]),
        # not the 数 that ends a word (人数, 总数, 多数)
        ("参加人数十万", [("十万", None)]),
        ("多数十岁以下", [("十岁以下", "以下")]),
    ],
)
def test_shu_before_ten_is_a_qualifier(text, expected):
    assert [(f, a.get("qualifier")) for f, a in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit"),
    [
        # a duration in two units is one figure in the smaller (七年 and 六个月 apart before)
        ("被判处有期徒刑七年六个月。", "七年六个月", 90, "个月"),
        ("经过三年零四个月的努力", "三年零四个月", 40, "个月"),
        ("他以3分41秒的成绩夺冠", "3分41秒", 221, "秒"),
        ("全程用时2小时30分钟", "2小时30分钟", 150, "分钟"),
    ],
)
def test_a_duration_in_two_units_is_one_figure(text, fragment, value, unit):
    found = figures(text)
    assert [(f, a["value"], a["unit"]) for f, a in found] == [(fragment, value, unit)]


def test_a_year_before_a_count_of_months_stays_apart():
    assert [f for f, _ in figures("2020年6个月内完成")] == ["6个月"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range's upper end is no head of the months after it
        ("被判处有期徒刑3至5年6个月", ["6个月"]),
        # a clock's minutes are no head of its seconds
        ("凌晨3时20分41秒", ["41秒"]),
    ],
)
def test_a_range_end_or_a_clock_minute_is_no_duration_head(text, expected):
    assert [f for f, _ in figures(text)] == expected


def test_the_five_year_plan_names_a_plan_not_a_duration():
    assert figures("第十四个五年规划实施以来") == []
    assert figures("一个五年计划接着一个五年计划") == []


@pytest.mark.parametrize("text", ["该市今后五年计划新建学校20所", "这家企业五年规划建设三座工厂"])
def test_five_years_before_a_plan_verb_stay_a_duration(text):
    assert "五年" in [f for f, _ in figures(text)]


@pytest.mark.parametrize(
    ("text", "fragment", "value"),
    [
        # a sign before any figure keeps it negative (the span and value lost it before)
        ("公司净利润至负2.3亿元", "负2.3亿元", -230000000),
        ("该基金近一年收益率为-12.4%。", "-12.4%", -12.4),
        ("收益率为－3%", "－3%", -3),
    ],
)
def test_a_minus_sign_before_a_figure_is_kept(text, fragment, value):
    found = figures(text)
    assert [(f, a["value"]) for f, a in found] == [(fragment, value)]


@pytest.mark.parametrize(
    "text",
    # 负 that ends a word (胜负) and a hyphen after a digit or a letter are no sign
    ["两队胜负3场", "型号为GPT-5个版本", "共3-5个"],
)
def test_no_sign_after_a_word_or_a_code(text):
    assert all(a["value"] > 0 for _, a in figures(text))


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit"),
    [
        # two digits after 秒 or 米 are its decimals (9秒 alone before; 10秒05 gave 05位)
        ("他以9秒83的成绩夺冠", "9秒83", 9.83, "秒"),
        ("谢震业以10秒05位列第四", "10秒05", 10.05, "秒"),
        ("她以20米58夺冠", "20米58", 20.58, "米"),
        ("身高1米85的他", "1米85", 1.85, "米"),
    ],
)
def test_seconds_and_metres_go_on_in_two_digits(text, fragment, value, unit):
    found = [(f, a["value"], a["unit"]) for f, a in figures(text) if not a.get("ordinal")]
    assert found == [(fragment, value, unit)]


@pytest.mark.parametrize(
    ("text", "fragment", "value"),
    [
        # basis points are a unit of rates (12个 alone before, the unit lost)
        ("银行间市场隔夜利率上行12个基点。", "12个基点", 12),
        ("央行下调利率25基点", "25基点", 25),
    ],
)
def test_basis_points_are_a_unit(text, fragment, value):
    assert [(f, a["value"], a["unit"]) for f, a in figures(text)] == [(fragment, value, "基点")]


@pytest.mark.parametrize(
    ("text", "fragment", "value"),
    [
        # 半 after an age or a time in years or days adds a half (三岁 alone before)
        ("这个孩子才三岁半", "三岁半", 3.5),
        ("他在那里待了两年半。", "两年半", 2.5),
        ("5岁半的女孩", "5岁半", 5.5),
        # not where 半 begins a word
        ("花了两年半个月", "两年", 2),
    ],
)
def test_a_half_after_an_age_or_a_time(text, fragment, value):
    assert [(f, a["value"]) for f, a in figures(text)] == [(fragment, value)]


@pytest.mark.parametrize(
    ("text", "fragment", "value"),
    [("他身高一米九。", "一米九", 1.9), ("他身高一米八五,", "一米八五", 1.85),
     ("她身高1米8。", "1米8", 1.8), ("他跳过了两米三。", "两米三", 2.3)],
)  # fmt: skip
def test_a_length_said_the_spoken_way(text, fragment, value):
    assert (fragment, {"value": value, "unit": "米"}) in figures(text)


@pytest.mark.parametrize("text", ["每一米九元。", "全长十一米九。"])
def test_no_spoken_length_where_the_digits_go_on(text):
    assert not any(a["unit"] == "米" and isinstance(a["value"], float) for _f, a in figures(text))


@pytest.mark.parametrize(
    ("text", "fragment", "value"),
    [("全年订单超过5亿单。", "超过5亿单", 500_000_000), ("他一天接了300单。", "300单", 300)],
)
def test_orders_counted_with_dan(text, fragment, value):
    assert any(
        f == fragment and a["value"] == value and a["unit"] == "单" for f, a in figures(text)
    )


@pytest.mark.parametrize(
    ("text", "expected"), [("共有300单位参加。", []), ("投入3万单位。", [("3万", 30_000)])]
)
def test_no_dan_where_it_begins_a_word(text, expected):
    assert [(f, a["value"]) for f, a in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "fragment", "attrs"),
    [
        ("被判处有期徒刑7年6个月零5天。", "7年6个月零5天", {"value": 90, "unit": "个月", "days": 5}),
        ("判处有期徒刑六个月零十天。", "六个月零十天", {"value": 6, "unit": "个月", "days": 10}),
    ],
)  # fmt: skip
def test_days_after_a_duration_in_months_are_part_of_it(text, fragment, attrs):
    assert figures(text) == [(fragment, attrs)]
