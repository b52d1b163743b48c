"""Tests of the heuristic pre-split (``annotator.split``): sample pages and composed pages.

The sample pages are compared with hand-made gold in ``gold_split/``. The composed pages use
other papers' conventions (national dailies with datelines, bracketed bylines at the end,
short news, captions, furniture) so that each cue is tested on its own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.model import ROLES
from annotator.split import cues, split_page

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold_split"

# (block text, role, article, joins_previous)
Row = tuple[str, str, int | None, bool]


def view(text: str) -> list[Row]:
    """The split of ``text`` as rows that read well in an assertion diff."""
    return [(text[b.start : b.end], b.role, b.article, b.joins_previous) for b in split_page(text)]


def page(rows: list[Row], sep: str = "\n\n") -> str:
    """Compose a page from expected rows, one paragraph per row."""
    return "\n" + sep.join(r[0] for r in rows) + "\n"


FLAVOURS = pytest.mark.parametrize("sep", ["\n\n", "\n"], ids=["blank-lines", "one-per-line"])


def gold(page_id: str) -> tuple[str, list[dict]]:
    doc = json.loads((GOLD / f"{page_id}.json").read_text(encoding="utf-8"))
    text = (ROOT / doc["source"]).read_text(encoding="utf-8")
    return text, doc["blocks"]


GOLD_PAGES = sorted(p.stem for p in GOLD.glob("*.json"))


# --- the sample pages -------------------------------------------------------------------


def test_gold_covers_both_sample_page_flavours():
    seeds = {p.stem for p in SEEDS.glob("*.txt")}
    assert {"000_382c0e4239e1860e", "003_214fab8e0122b667"} <= set(GOLD_PAGES) <= seeds


@pytest.mark.parametrize("page_id", GOLD_PAGES)
def test_gold_of_sample_page_is_consistent_with_its_text(page_id):
    text, blocks = gold(page_id)
    for b in blocks:
        assert text[b["start"] : b["end"]].startswith(b["text"])
        assert b["role"] in ROLES


@pytest.mark.parametrize("page_id", GOLD_PAGES)
def test_sample_page_splits_exactly_as_the_hand_made_gold(page_id):
    text, blocks = gold(page_id)
    expected = [
        (b["start"], b["end"], b["role"], b["article"], b["joins_previous"]) for b in blocks
    ]
    got = [(b.start, b.end, b.role, b.article, b.joins_previous) for b in split_page(text)]
    assert got == expected


def _as_one_paragraph_per_line(text: str, blocks: list[dict]) -> tuple[str, list[Row]]:
    """The page with blank lines removed, and the gold of each of its lines."""
    flat = re.sub(r"\n\s*\n", "\n", text).strip() + "\n"
    rows: list[Row] = []
    for b in blocks:
        for k, line in enumerate(text[b["start"] : b["end"]].split("\n")):
            # A two-line byline or subheadline becomes two paragraphs of the same role.
            rows.append((line.strip(), b["role"], b["article"], b["joins_previous"] and k == 0))
    return flat, rows


@pytest.mark.parametrize("page_id", GOLD_PAGES)
def test_sample_page_in_one_paragraph_per_line_flavour_gives_the_same_articles_and_roles(page_id):
    text, blocks = gold(page_id)
    flat, expected = _as_one_paragraph_per_line(text, blocks)
    assert "\n\n" not in flat
    assert view(flat) == expected


@pytest.mark.parametrize("page_id", GOLD_PAGES)
def test_sample_page_joins_are_doubtful_only_where_a_missing_full_stop_is_the_only_cue(page_id):
    text, _ = gold(page_id)
    last_body: dict[int, str] = {}
    for b in split_page(text):
        assert b.confidence == min(b.confidences.values())
        if b.role != "body" or b.article is None:
            continue
        previous = last_body.get(b.article)
        last_body[b.article] = text[b.start : b.end]
        if not b.joins_previous or previous[-1] in "、，,；;":
            assert b.confidences["join"] >= 0.9
        elif previous[-1] == "”":
            assert 0.7 <= b.confidences["join"] < 0.9
        else:
            assert b.confidences["join"] < 0.7  # …推进 / …不断 / …独特优: no full stop


# --- composed pages: article heads ---------------------------------------------------------

LOCAL_PAPER = [
    ("全省秋粮收购工作会议提出——", "kicker", 1, False),
    ("确保颗粒归仓 稳住农民收入", "headline", 1, False),
    ("■本报记者 王小明 通讯员 李华", "byline", 1, False),
    (
        "本报讯 9月20日，全省秋粮收购工作会议在长沙召开。会议要求各地提前做好收购准备。",
        "body",
        1,
        False,
    ),
    ("会议指出，今年秋粮面积稳中有增，各地要提前谋划仓容、", "body", 1, False),
    ("资金和运力，确保农民卖粮顺畅。", "body", 1, True),
    ("城东新区学校建设提速", "headline", 2, False),
    ("三所新校明年秋季开学 新增学位四千个", "subheadline", 2, False),
    ("记者 赵一鸣", "byline", 2, False),
    (
        "本报讯 记者从城东新区获悉，区内三所新建学校主体工程已经完工，装修和设备采购正在进行。",
        "body",
        2,
        False,
    ),
]


@FLAVOURS
def test_local_paper_heads_kicker_headline_subheadline_byline_and_lead_are_found(sep):
    assert view(page(LOCAL_PAPER, sep)) == LOCAL_PAPER


NATIONAL_DAILY = [
    ("2023年9月21日 星期四 第4版 要闻", "other", None, False),
    ("三峡水库开始秋季蓄水", "headline", 1, False),
    (
        "本报宜昌9月20日电（记者 赵刚）三峡水库20日起开始今年的秋季蓄水，起蓄水位较去年同期偏高。",
        "body",
        1,
        False,
    ),
    ("据介绍，今年蓄水工作将兼顾下游用水需求，蓄水进度视来水情况调整。", "body", 1, False),
    ("长江流域秋季降雨偏少", "headline", 2, False),
    ("国家气候中心20日发布预测，今秋长江中下游降雨可能偏少两到五成。", "body", 2, False),
    ("有关部门已部署抗旱准备工作。", "body", 2, False),
    ("（本报记者 孙丽）", "byline", 2, False),
    (
        "新华社北京9月20日电 国家统计局20日发布数据，8月份全国规模以上工业增加值同比增长。",
        "body",
        3,
        False,
    ),
    ("责任编辑：周明 版式设计：吴芳", "other", None, False),
]


@FLAVOURS
def test_national_daily_dateline_leads_short_news_and_bracketed_bylines_are_found(sep):
    assert view(page(NATIONAL_DAILY, sep)) == NATIONAL_DAILY


def test_dateline_lead_is_body_not_byline_and_opens_its_article():
    rows = [
        ("本报北京3月4日电（记者 张三）国务院新闻办公室4日举行新闻发布会。", "body", 1, False),
        ("发布会介绍了今年的工作安排。", "body", 1, False),
        ("本报上海3月4日电 上海港4日集装箱吞吐量创下新高。", "body", 2, False),
    ]
    assert view(page(rows)) == rows


def test_lead_with_reporter_in_brackets_opens_an_article():
    rows = [
        ("多地出台措施稳就业", "headline", 1, False),
        (
            "（记者 李四 通讯员 王五）近日，多地相继出台稳就业措施，重点帮扶高校毕业生。",
            "body",
            1,
            False,
        ),
    ]
    assert view(page(rows)) == rows


def test_consecutive_leads_are_one_line_items_each_its_own_article():
    rows = [
        ("本报讯 市图书馆昨日起延长开放时间，每天开放至晚上九点。", "body", 1, False),
        ("本报讯 市体育中心将于本周末举办全民健身活动。", "body", 2, False),
        ("新华社北京9月20日电 国家统计局今天发布了最新数据。", "body", 3, False),
    ]
    assert view(page(rows)) == rows


def test_short_news_item_without_byline_is_headline_and_body_with_a_doubtful_boundary():
    rows = [
        ("新华社北京9月20日电 国家统计局今天发布数据。", "body", 1, False),
        ("全国铁路暑运发送旅客创新高", "headline", 2, False),
        ("今年暑运期间，全国铁路累计发送旅客八亿人次，同比增长百分之十。", "body", 2, False),
    ]
    text = page(rows)
    assert view(text) == rows
    head = split_page(text)[1]
    assert head.confidences["boundary"] < 0.7


def test_trailing_byline_without_brackets_belongs_to_the_article_above():
    rows = [
        ("城市书房开到家门口", "headline", 1, False),
        ("本报讯 本市新开放的二十家城市书房受到市民欢迎。", "body", 1, False),
        ("本报记者 陈晨 实习生 林木", "byline", 1, False),
        ("夜间经济激发消费活力", "headline", 2, False),
        ("本报讯 入夏以来，本市夜间消费持续升温。", "body", 2, False),
    ]
    assert view(page(rows)) == rows


def test_body_paragraph_ending_with_bracketed_byline_closes_its_article():
    rows = [
        ("本报讯 全市高校毕业生就业招聘会昨日举行。（记者 张三）", "body", 1, False),
        ("据统计，共有三百家企业参会，提供岗位五千余个。", "body", 2, False),
    ]
    blocks = split_page(page(rows))
    assert view(page(rows)) == rows
    assert blocks[1].confidences["boundary"] < 0.7


def test_markdown_headings_open_articles_even_without_a_byline():
    rows = [
        ("# 全国夏粮再获丰收", "headline", 1, False),
        ("总产量比上年增加三十亿斤", "subheadline", 1, False),
        ("国家统计局今天发布公告，全国夏粮总产量再创历史新高。", "body", 1, False),
        ("## 秋粮生产形势总体较好", "headline", 2, False),
        ("农业农村部有关负责人表示，秋粮作物长势总体正常。", "body", 2, False),
    ]
    assert view(page(rows)) == rows


def test_markdown_intertitle_inside_an_article_is_body_and_nothing_joins_across_it():
    rows = [
        ("## 老旧小区改造按下快进键", "headline", 1, False),
        ("**本报讯** 今年本市将改造老旧小区一百个，惠及居民三万户。", "body", 1, False),
        ("### 加装电梯", "body", 1, False),
        ("今年计划加装电梯两百部，目前已有一百部开工建设", "body", 1, False),
    ]
    assert view(page(rows)) == rows


def test_short_unpunctuated_line_before_a_heading_is_its_kicker():
    rows = [
        ("## 第一条新闻的标题", "headline", 1, False),
        ("本报讯 这是第一条新闻的正文。", "body", 1, False),
        ("乡村振兴看新变", "kicker", 2, False),
        ("## 小山村走出致富路", "headline", 2, False),
        ("本报讯 这是第二条新闻的正文。", "body", 2, False),
    ]
    assert view(page(rows)) == rows


def test_classic_dash_subheadline_is_a_subheadline():
    rows = [
        ("扎根山区三十年的好医生", "headline", 1, False),
        ("——记省劳动模范刘某某", "subheadline", 1, False),
        ("本报记者 胡某", "byline", 1, False),
        ("本报讯 清晨六点，刘医生已经出现在村卫生室。", "body", 1, False),
    ]
    text = page(rows)
    assert view(text) == rows
    assert split_page(text)[1].confidences["role"] >= 0.85


def test_several_unmarked_title_lines_get_doubtful_roles():
    text = page(LOCAL_PAPER[6:])
    headline, subheadline = split_page(text)[:2]
    assert headline.confidences["role"] < 0.7
    assert subheadline.confidences["role"] < 0.7


# --- composed pages: joins ------------------------------------------------------------------


def test_quotation_closing_in_mid_sentence_joins_but_quote_after_full_stop_does_not():
    rows = [
        ("本报讯 会议强调，要把整改工作作为“提升服务、方便群众”", "body", 1, False),
        ("的重要抓手，确保各项要求落到实处。他说：“我们一定把好事办好。”", "body", 1, True),
        ("会议要求各部门抓紧落实。", "body", 1, False),
    ]
    assert view(page(rows)) == rows


@pytest.mark.parametrize("ending", ["、", "，", ",", "；", ";", "："])
def test_paragraph_ending_in_pause_punctuation_is_continued_by_the_next(ending):
    rows = [
        ("本报讯 会议研究了交通、教育、医疗" + ending, "body", 1, False),
        ("养老等方面的重点工作。", "body", 1, True),
    ]
    assert view(page(rows)) == rows


def test_join_decided_only_from_a_missing_full_stop_is_doubtful():
    rows = [
        (
            "本报讯 今年以来，全市新增城镇就业岗位两万个，城镇调查失业率保持在较低水平，全年目标任务有望提前完成",
            "body",
            1,
            False,
        ),
        ("据悉，全市将继续开展就业帮扶活动。", "body", 1, True),
    ]
    blocks = split_page(page(rows))
    assert view(page(rows)) == rows
    assert blocks[1].confidences["join"] < 0.7
    assert blocks[1].confidence < 0.7


def test_dash_at_the_end_of_a_body_paragraph_introduces_a_list_and_is_no_kicker():
    rows = [
        ("本报讯 会议对下一步工作提出三点要求——", "body", 1, False),
        ("一是加强组织领导，压实各方责任。", "body", 1, False),
        ("二是强化督查问效，确保任务落实。", "body", 1, False),
    ]
    text = page(rows)
    assert view(text) == rows
    assert split_page(text)[1].confidences["join"] < 0.7


@pytest.mark.parametrize("ending", ["：", "——"])
def test_numbered_list_item_after_a_colon_or_dash_is_its_own_paragraph_doubtfully(ending):
    rows = [
        ("本报讯 会议明确了三项重点任务" + ending, "body", 1, False),
        ("（一）加快项目建设，确保按期完工；", "body", 1, False),
        ("（二）强化要素保障，确保资金到位。", "body", 1, False),
    ]
    text = page(rows)
    assert view(text) == rows
    assert split_page(text)[1].confidence <= 0.5


def test_short_line_after_an_unfinished_paragraph_is_a_cut_tail_not_a_headline():
    rows = [
        ("本报讯 全市秋冬季大气污染防治工作会议提出，要聚焦重点区域和重点时段，", "body", 1, False),
        ("强化联防联控", "body", 1, True),
        ("措施，确保空气质量持续改善。", "body", 1, True),
    ]
    assert view(page(rows)) == rows


def test_join_skips_a_caption_standing_between_two_columns():
    rows = [
        ("本报讯 新建的城市公园昨日开园，园内设有步道、", "body", 1, False),
        ("图为市民在公园内散步。本报记者 钱多 摄", "caption", 1, False),
        ("广场和儿童游乐区。", "body", 1, True),
    ]
    assert view(page(rows)) == rows


# --- composed pages: captions and furniture ------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "图为9月20日，游客在景区参观。",
        "▲ 孩子们在新校园里上体育课。",
        "本报记者 周强 摄",
        "新建成的跨江大桥。（新华社记者 孙某 摄）",
        "图：市民在展会现场参观",
        "图片来源：视觉中国",
    ],
)
def test_caption_line_is_a_caption_of_the_article_in_progress(caption):
    rows = [
        ("城市公园今日开园", "headline", 1, False),
        ("本报讯 新建的城市公园今日正式开园，市民可免费入园游览。", "body", 1, False),
        (caption, "caption", 1, False),
    ]
    assert view(page(rows)) == rows


def test_caption_with_no_article_open_is_a_photo_item_of_its_own():
    rows = [
        ("第5版 图片新闻", "other", None, False),
        ("图为9月20日，农民在田间收割水稻。新华社记者 李某 摄", "caption", 1, False),
        ("（本报记者 某某）", "byline", 1, False),
        ("▲ 9月19日，游客在古镇游览。本报记者 王某 摄", "caption", 2, False),
    ]
    assert view(page(rows)) == rows


@pytest.mark.parametrize(
    "furniture",
    [
        "第3版 要闻",
        "A3 要闻",
        "2023年9月21日 星期四",
        "责任编辑：张三",
        "本版编辑：李四 美编：王五",
        "（下转第二版）",
        "广告",
        "订阅热线：12345678",
    ],
)
def test_page_furniture_belongs_to_no_article_and_has_role_other(furniture):
    rows = [
        (furniture, "other", None, False),
        ("城市公园今日开园", "headline", 1, False),
        ("本报讯 新建的城市公园今日正式开园，市民可免费入园游览。", "body", 1, False),
    ]
    assert view(page(rows)) == rows


def test_continuation_mark_closes_the_article_above():
    rows = [
        ("本报讯 全市重点项目建设推进会昨日召开。", "body", 1, False),
        ("（下转第2版）", "other", None, False),
        ("（上接第1版）据了解，今年全市共安排重点项目三百个。", "body", 2, False),
    ]
    assert view(page(rows)) == rows


def test_text_at_the_top_of_a_page_opens_an_article_with_a_doubtful_boundary():
    rows = [
        ("业发展，带动了周边群众就业。", "body", 1, False),
        ("小城夜市烟火旺", "headline", 2, False),
        ("本报讯 入夏以来，小城夜市人气火爆。", "body", 2, False),
    ]
    text = page(rows)
    assert view(text) == rows
    assert split_page(text)[0].confidences["boundary"] < 0.7


# --- pages, flavours and whitespace ------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n\n", " \t\n\u3000\n  \n"])
def test_empty_and_whitespace_only_pages_give_no_blocks(text):
    assert split_page(text) == []


def test_page_with_one_article_gives_one_article():
    rows = [
        ("我市启动全民阅读月活动", "headline", 1, False),
        ("本报记者 张三", "byline", 1, False),
        ("本报讯 我市全民阅读月活动昨日启动。", "body", 1, False),
    ]
    assert view(page(rows)) == rows


def test_single_line_page_is_one_block():
    assert view("会议还研究了其他事项。") == [("会议还研究了其他事项。", "body", 1, False)]


def test_two_line_byline_with_hard_break_is_one_block():
    text = "市里召开会议\n\n■本报记者 张三  \n通讯员 李四\n\n本报讯 会议昨日召开。\n"
    assert view(text) == [
        ("市里召开会议", "headline", 1, False),
        ("■本报记者 张三  \n通讯员 李四", "byline", 1, False),
        ("本报讯 会议昨日召开。", "body", 1, False),
    ]


def test_heading_lead_and_byline_lines_start_their_own_paragraphs_without_blank_lines():
    text = "## 市里召开会议\n本报记者 张三\n本报讯 会议昨日召开。\n会议强调，要抓好落实。\n\n会议还研究了其他事项。\n"
    assert view(text) == [
        ("## 市里召开会议", "headline", 1, False),
        ("本报记者 张三", "byline", 1, False),
        ("本报讯 会议昨日召开。\n会议强调，要抓好落实。", "body", 1, False),
        ("会议还研究了其他事项。", "body", 1, False),
    ]


def test_hard_wrapped_paragraphs_between_blank_lines_stay_whole():
    para1 = "本报讯 今年以来，我市坚持把稳就业放在\n突出位置，出台一系列政策措施，全市城镇\n新增就业稳步增长。"
    para2 = "据统计，前八个月全市城镇新增就业一万\n二千人，完成全年目标任务的八成以上。"
    text = "\n" + para1 + "\n\n" + para2 + "\n"
    assert view(text) == [(para1, "body", 1, False), (para2, "body", 1, False)]


def test_one_paragraph_per_line_with_blank_lines_between_articles_splits_lines():
    first = ["城市公园今日开园", "本报讯 新建的城市公园今日正式开园。", "公园面积达一百公顷。"]
    second = [
        "夜间经济激发消费活力",
        "本报讯 入夏以来，本市夜间消费持续升温。",
        "夜市摊位已达五百个。",
    ]
    text = "\n".join(first) + "\n\n" + "\n".join(second) + "\n"
    assert view(text) == [
        (first[0], "headline", 1, False),
        (first[1], "body", 1, False),
        (first[2], "body", 1, False),
        (second[0], "headline", 2, False),
        (second[1], "body", 2, False),
        (second[2], "body", 2, False),
    ]


def test_indentation_and_trailing_spaces_are_outside_blocks():
    text = "\u3000\u3000本报讯 会议昨日召开。  \n\n\u3000\u3000会议强调，要抓好落实。\t\n"
    blocks = split_page(text)
    assert [text[b.start : b.end] for b in blocks] == [
        "本报讯 会议昨日召开。",
        "会议强调，要抓好落实。",
    ]


def test_rare_name_characters_outside_the_basic_plane_are_read_as_a_byline():
    rows = [
        ("新店开业迎客", "headline", 1, False),
        ("本报记者 𠮷野家", "byline", 1, False),
        ("本报讯 新店昨日开业。", "body", 1, False),
    ]
    assert view(page(rows)) == rows


def test_blocks_carry_all_three_confidences_and_their_minimum():
    for b in split_page(page(NATIONAL_DAILY)):
        assert set(b.confidences) == {"role", "boundary", "join"}
        assert b.confidence == min(b.confidences.values())


# --- the cue tables ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "example",
    [
        "责任编辑：某",
        "本版编辑：某",
        "（下转第2版）",
        "上接第1版",
        "广告",
        "订阅热线：1",
        "邮发代号",
        "国内统一连续出版物号",
        "CN43-0001",
        "全文完",
        "完）",
        "电话：1",
        "E-mail: a",
        "网址：a",
        "地址：a",
        "# 标题",
        "**本报讯**",
        "【本报讯】",
        "本报讯",
        "新华社电 某",
        "中新社北京电 某",
        "人民网北京电 某",
        "央视网消息 某",
        "（记者 某某）正文",
        "图为某",
        "▲某",
        "△某",
        "图：某",
        "（图/某）",
        "图片来源：某",
        "上图：某",
        "左图为某",
        "一、某",
        "（一）某",
        "1.某",
        "１、某",
        "第一，某",
        "①某",
        "❶某",
        "其一",
        "首先",
        "再次",
        "最后",
        "■某",
        "●某",
    ],
)
def test_every_start_cue_begins_with_a_character_of_the_fast_gate(example):
    assert cues.PARAGRAPH_START.match(example), example
    assert example[0] in cues.START_CHARS
    assert cues.start_cue(example) is not None


@pytest.mark.parametrize(
    "example",
    [
        "本报讯 某",
        "**本报讯** 某",
        "__本报讯__ 某",
        "【本报讯】某",
        "[本报讯] 某",
        " 本报讯 某",
        "\u3000本报讯 某",
        "新华社北京3月4日电 某",
        "中新社北京电 某",
        "人民网北京电 某",
        "央视网消息 某",
        "新华网北京3月4日电国务院某",
        "（记者 某某）正文",
        "(记者 某某)正文",
        "（本报记者 某某）正文",
    ],
)
def test_every_lead_begins_with_a_character_of_the_lead_gate(example):
    assert cues.LEAD.match(example), example
    assert example[0] in cues.LEAD_FIRST or example[0].isspace()
    assert cues.is_lead(example)


def test_no_lead_begins_outside_the_lead_gate():
    """Any first character that lets ``LEAD`` match one of these starts is in the gate."""
    rests = [
        "本报讯 某",
        "报讯 某",
        "新华社北京电 某",
        "华社北京电 某",
        "记者 某某）正文",
        "*本报讯 某",
    ]
    pattern = cues.LEAD.pattern
    candidates = (
        set(pattern) | set("　 \t*_#【[（(《“‘■●◆本新中人央据") | {chr(c) for c in range(32, 127)}
    )
    for c in candidates:
        for rest in rests:
            if cues.LEAD.match(c + rest):
                assert c in cues.LEAD_FIRST or c.isspace(), c


# --- labels, news-in-brief items, headline shapes ---------------------------------------


def test_page_label_above_a_headline_is_furniture_not_the_headline():
    rows = [
        ("要闻", "other", None, False),
        ("全市重点项目集中开工", "headline", 1, False),
        ("本报记者 张三", "byline", 1, False),
        ("本报讯 全市第三批重点项目昨日集中开工。", "body", 1, False),
    ]
    assert view(page(rows)) == rows


def test_items_of_a_news_in_brief_column_are_separate_articles():
    rows = [
        ("本报讯 全市秋季运动会昨日闭幕。", "body", 1, False),
        ("简讯", "other", None, False),
        ("●国家统计局20日发布数据，8月份社会消费品零售总额同比增长。", "body", 2, False),
        ("●海关总署20日发布数据，前8个月进出口总值同比增长。", "body", 3, False),
    ]
    assert view(page(rows)) == rows


def test_short_headline_ending_in_an_exclamation_mark_heads_its_article():
    rows = [
        ("春天来了！", "headline", 1, False),
        ("本报记者 张三", "byline", 1, False),
        ("本报讯 连日来，城区各大公园花开正艳。", "body", 1, False),
    ]
    assert view(page(rows)) == rows


def test_photo_credited_to_an_agency_is_a_caption():
    rows = [
        ("城市公园今日开园", "headline", 1, False),
        ("本报讯 新建的城市公园今日正式开园。", "body", 1, False),
        ("游客在公园内游览。（新华社发）", "caption", 1, False),
    ]
    assert view(page(rows)) == rows


def test_page_header_with_spaced_page_number_is_furniture():
    rows = [
        ("人民日报 2023年09月21日 第 04 版", "other", None, False),
        ("秋粮收获进度过半", "headline", 1, False),
        ("本报北京9月20日电（记者 常钦）全国秋粮收获进度过半。", "body", 1, False),
    ]
    assert view(page(rows)) == rows


def test_wrapped_lines_of_an_ocr_page_without_blank_lines_join_without_being_doubtful_roles():
    lines = [
        "城市公园今日开园",
        "本报讯 新建的城市公园今日正式开园，",
        "园内设有步道、广场和儿童游乐区，市民",
        "可免费入园游览。",
    ]
    blocks = split_page("\n".join(lines))
    assert [(b.role, b.article, b.joins_previous) for b in blocks] == [
        ("headline", 1, False),
        ("body", 1, False),
        ("body", 1, True),
        ("body", 1, True),
    ]
    assert blocks[2].confidences["role"] >= 0.85
    assert blocks[2].confidences["boundary"] >= 0.85


@pytest.mark.parametrize(
    "byline",
    [
        "本报记者 张三 李四",
        "本报记者张三",
        "□本报记者 张三",
        "本报通讯员 张三",
        "新华社记者 张三 李四",
        "本报特约记者 张三",
        "湖南日报全媒体记者 张三",
        "文/张三",
        "文/图 张三",
        "记者 张三 通讯员 李四 报道",
        "本报记者 张三 见习记者 李四",
        "本报记者\u3000张三",
        "本报记者 阿依古丽·买买提",
    ],
)
def test_byline_styles_are_bylines(byline):
    rows = [
        ("全市重点项目集中开工", "headline", 1, False),
        (byline, "byline", 1, False),
        ("全市第三批重点项目昨日集中开工，总投资一百亿元。", "body", 1, False),
    ]
    assert view(page(rows)) == rows


@pytest.mark.parametrize(
    "lead",
    [
        "本报讯（记者 张三）全市第三批重点项目昨日集中开工。",
        "【本报讯】全市第三批重点项目昨日集中开工。",
        "新华社北京3月4日电（记者张三、李四）全市第三批重点项目昨日集中开工。",
        "新华社电 全市第三批重点项目昨日集中开工。",
        "中新网3月4日电 全市第三批重点项目昨日集中开工。",
        "央视网消息：全市第三批重点项目昨日集中开工。",
        "据新华社北京3月4日电 全市第三批重点项目昨日集中开工。",
        "本报三月四日讯 全市第三批重点项目昨日集中开工。",
    ],
)
def test_lead_styles_open_an_article_after_a_finished_one(lead):
    rows = [
        ("本报讯 全市秋季运动会昨日闭幕。", "body", 1, False),
        (lead, "body", 2, False),
    ]
    assert view(page(rows)) == rows


@pytest.mark.parametrize(
    "not_a_lead",
    [
        "3月4日电视台播出了这台晚会。",
        "记者从市教育局获悉，今年新增学位五千个。",
        "11月7日上午，市委召开常委会议。",
    ],
)
def test_dates_and_reporter_mentions_in_body_text_are_not_leads(not_a_lead):
    rows = [
        ("本报讯 全市秋季运动会昨日闭幕。", "body", 1, False),
        (not_a_lead, "body", 1, False),
    ]
    assert view(page(rows)) == rows


def test_markdown_headings_on_consecutive_lines_are_one_head_with_the_top_level_as_headline():
    rows = [
        ("## 稳字当头 进中求新", "kicker", 1, False),
        ("# 全年经济社会发展主要目标任务完成", "headline", 1, False),
        ("## 国内生产总值增长百分之五", "subheadline", 1, False),
        ("本报记者 张三", "byline", 1, False),
        ("本报讯 国家统计局今天发布数据。", "body", 1, False),
    ]
    assert view(page(rows)) == rows


@FLAVOURS
def test_byline_whose_names_run_onto_a_paragraph_of_their_own_stays_a_byline(sep):
    rows = [
        ("全市重点项目集中开工", "headline", 1, False),
        ("本报记者 张三", "byline", 1, False),
        ("李四 王五", "byline", 1, False),
        ("全市第三批重点项目昨日集中开工。", "body", 1, False),
    ]
    assert view(page(rows, sep)) == rows


def test_byline_whose_names_run_onto_the_next_line_is_one_byline_block():
    text = "全市重点项目集中开工\n\n本报记者 张三\n李四 王五\n\n本报讯 全市第三批重点项目昨日集中开工。"
    assert view(text) == [
        ("全市重点项目集中开工", "headline", 1, False),
        ("本报记者 张三\n李四 王五", "byline", 1, False),
        ("本报讯 全市第三批重点项目昨日集中开工。", "body", 1, False),
    ]


def test_commentary_signed_by_a_desk_has_a_byline():
    rows = [
        ("以实干担当开创新局面", "headline", 1, False),
        ("本报评论员", "byline", 1, False),
        ("新的一年，新的征程。各级干部要以实干担当开创工作新局面。", "body", 1, False),
    ]
    assert view(page(rows)) == rows


def test_web_export_source_line_under_the_headline_is_a_byline():
    rows = [
        ("多地出台措施稳就业", "headline", 1, False),
        ("来源：人民日报 作者：张三 发布时间：2023-09-21 08:00", "byline", 1, False),
        ("近日，多地相继出台稳就业措施，重点帮扶高校毕业生。", "body", 1, False),
        ("城市书房开到家门口", "headline", 2, False),
        ("来源：新华网", "byline", 2, False),
        ("本市新开放的二十家城市书房受到市民欢迎。", "body", 2, False),
    ]
    assert view(page(rows, "\n")) == rows
