"""General heading cues found on real pages (issue 9, §1): who issued or explains what the
headline says (a kicker), a bracketed note that a series ends (an end note, not a headline), a
reader's signature as place and name under the title of a piece sent in, and a series of cut
paragraph heads that is no series of 小标题. The pages are invented.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page

BODY = "本报讯 当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
MORE = "社区居民积极推进社区养老服务，群众满意度不断提高，各项工作有序开展。"


def by_text(text: str) -> dict[str, tuple[str, int | None]]:
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("某某签署国务院令", "公布《城乡供水管理条例》"),
        ("某部有关负责同志", "详解全国农业工作会议精神"),
        ("国家某局有关负责人", "解读新修订的农田水利管理办法"),
    ],
)
def test_a_line_naming_who_issued_or_explains_the_headline_is_its_kicker(first, second):
    text = "\n".join([first, second, "本报记者  张  明", BODY])
    blocks = split_page(text)
    assert (blocks[0].role, blocks[1].role) == ("kicker", "headline")


def test_a_bracketed_note_that_a_series_ends_closes_its_article():
    note = "（本系列评论到此结束）"
    headline = "“放心消费”的底气从何来（现场评论）"
    text = "\n".join(
        [
            "让乡村消费更惬意",
            "本报记者  张  明",
            BODY,
            MORE,
            note,
            headline,
            "——说说我们走过的这五年③",
            "王  洲",
            "笔者到某市一家农机企业走访，工作人员讲述的成果让人印象深刻。",
            MORE,
        ]
    )
    got = by_text(text)
    assert got[note] == ("byline", 1)
    assert got[headline] == ("headline", 2)


def test_pieces_signed_with_place_and_name_under_an_editors_note_make_one_article():
    pieces = [
        ("经常“回头看看”", "江西省某市  钟修声"),
        ("杜绝“选择性落实”", "山西省某市  冯  博"),
        ("时常“紧紧发条”", "河南省某市  关  慨"),
    ]
    lines = [
        "砥砺心志修己身（大家谈）",
        "塑造优良作风，离不开强化党性修养。本期大家谈，我们选刊3篇来稿，与读者一起思考。",
        "——编  者",
    ]
    text_of_piece = "许多运动员都有一个习惯，比赛后回看比赛视频，总结经验、查找问题。"
    for title, author in pieces:
        lines += [title, author, text_of_piece, MORE]
    text = "\n".join(lines)
    got = by_text(text)
    for title, author in pieces:
        assert got[title] == ("intertitle", 1)
        assert got[author] == ("byline", 1)


def test_cut_paragraph_heads_with_a_word_running_on_are_no_series_of_intertitles():
    # Each paragraph cut by a column break after its first clause: 契|机, 车|间, 模|式.
    heads = [
        (
            "霍尔果斯片区以自治区级审批权限下放为契",
            "机，首创医药企业联合审评机制，实现多证联发，企业满意度不断提高。",
        ),
        (
            "在喀什康意智能科技有限公司的组装车",
            "间，一台台液晶显示器组装完成后直接发往中亚、南亚等地，交货期缩短。",
        ),
        (
            "喀什经济开发区创新设立两国双园模",
            "式，与周边国家共建产业园区，搭建产业互补、设施互通的合作平台。",
        ),
    ]
    lines = ["产业集聚，打造对外开放新高地", "本报记者  李  楠", BODY]
    for head, rest in heads:
        lines += [head, rest, MORE]
    text = "\n".join(lines)
    blocks = split_page(text)
    got = {text[b.start : b.end]: b for b in blocks}
    for head, rest in heads:
        assert got[head].role == "body"
        assert got[rest].joins_previous


@pytest.mark.parametrize(
    "source",
    ["——摘自“十五五”规划建议", "——2018年6月12日，某某在某省考察时强调"],
)
def test_a_quotation_and_its_source_under_the_byline_are_the_standfirst(source):
    quote = "推行长期护理保险，健全失能失智老年人照护体系，扩大康复护理服务供给。"
    text = "\n".join(
        [
            "长护险托底，生活更添尊严（民生图景）",
            "本报记者  窦瀚洋",
            quote,
            source,
            "娴熟地用右脚夹起毛笔，蘸取墨汁，在纸上勾勒着景色，很快一幅画便已绘就。",
            MORE,
        ]
    )
    got = by_text(text)
    assert got[quote] == ("subheadline", 1)
    assert got[source] == ("subheadline", 1)


def test_a_research_body_signing_under_the_headline_is_the_byline():
    intertitles = ["加快建设现代化产业体系", "不断增强发展内生动力", "持续扩大高水平对外开放"]
    lines = [
        "奋力谱写先行示范区建设新篇章",
        "某省某某思想研究中心",
        "经济特区是我国最早对外开放的地区，是对外经济交流最活跃的地区。",
    ]
    for title in intertitles:
        lines += [title, "某市坚持创新驱动发展战略，科技创新成果丰硕。", MORE]
    text = "\n".join(lines)
    got = by_text(text)
    assert got["某省某某思想研究中心"] == ("byline", 1)
    for title in intertitles:
        assert got[title] == ("intertitle", 1)


@pytest.mark.parametrize(
    ("first", "second", "roles"),
    [
        # a clause clearly longer than the line under it introduces that line, the headline
        (
            "某省农机合作社成立三年来，服务面积实现大幅增长",
            "抱团发展，打造现代农业新引擎",
            ("kicker", "headline"),
        ),
        ("某市某区某某村用好村集体闲置厂房", "家门口就业，村民怎样上岗", ("kicker", "headline")),
        # the forms of a main title keep it the headline over a shorter line
        ("冰雪旅游：某市全面提升冬季旅游服务水平", "各地游客持续增多", ("headline", "subheadline")),
        (
            "某县持续完善农田水利设施建设（民生一线）",
            "村民们加快建设家园",
            ("headline", "subheadline"),
        ),
        # a subheadline about as long as its headline stays one
        ("某市发布年度行政审判白皮书", "行政机关负责人出庭应诉率上升", ("headline", "subheadline")),
    ],
)
def test_of_two_plain_title_lines_the_clearly_shorter_one_is_the_headline(first, second, roles):
    text = "\n".join([first, second, "本报记者  张  明", BODY])
    blocks = split_page(text)
    assert (blocks[0].role, blocks[1].role) == roles


P1 = "新疆某地一望无垠的戈壁上，成片的光伏板在阳光下闪耀，风机叶片缓缓转动。"
P2 = "项目建成后，每年可向外输送清洁电力数百亿千瓦时，有力支撑能源结构优化。"
P3 = "记者在现场看到，施工人员正在紧张有序地安装设备，各项工作稳步推进。"
QUOTE = "“储能就像一个大型充电宝，”项目负责人说，“风大光强时存电，用电高峰时放电。”"


def test_the_second_line_of_a_two_line_intertitle_stays_with_it():
    # Topic over title (聚焦… / …): both lines are the 小标题, also when short questions
    # among them leave the long lines out of the series' usual length.
    text = "\n".join(
        [
            "戈壁崛起新能源基地",
            "本报记者  张  明",
            P1,
            P2,
            "聚焦绿色低碳",
            "项目采用“风光火热储一体化”模式协同运行",
            P3,
            P2,
            "聚焦安全稳定",
            "建设安装构网型储能，确保电力系统安全稳定运行",
            P3,
            "为何需要储能？",
            QUOTE,
            "何为构网型储能？",
            QUOTE,
            P2,
            "聚焦经济高效",
            "持续优化技术让发电更经济、输电更高效",
            P3,
        ]
    )
    got = by_text(text)
    for line in (
        "聚焦安全稳定",
        "建设安装构网型储能，确保电力系统安全稳定运行",
        "持续优化技术让发电更经济、输电更高效",
    ):
        assert got[line] == ("intertitle", 1)


def test_long_intertitles_over_an_interviewers_questions_are_intertitles():
    # An interview's 小标题 stand over the interviewer's next question (记者：…？), which
    # opens a turn of the text as a paragraph does.
    answer = "某某某：我们要全面落实各项部署，推动基层服务能力持续提升，让群众就近享有优质服务。"
    titles = [
        "坚持把增进群众福祉作为根本价值取向，不断缩小城乡间服务差距",
        "推动构建现代化的基层服务格局，为高质量发展作出标志性贡献",
        "有效降低家庭养育教育成本，积极促进健康老龄化",
    ]
    lines = ["推动基层服务高质量发展", "——访某部门负责人某某某", "本报记者  张  明", P1]
    for k, title in enumerate(titles):
        lines += [P2, title, f"记者：如何推进第{k + 1}项重点任务、更好服务群众？", answer]
    got = by_text("\n".join(lines))
    for title in titles:
        assert got[title] == ("intertitle", 1)


def test_a_caption_with_its_credit_and_source_on_one_line_is_a_caption_of_the_story():
    caption = "村医在研究手绘地图。\u3000\u3000张  明摄（某某视觉）"
    text = "\n".join(["手绘“健康地图”  守护村民健康", "本报记者  李  华", P1, caption, P2, P3])
    got = by_text(text)
    assert got[caption] == ("caption", 1)
    assert [b.article for b in split_page(text)] == [1] * 6


def test_questions_over_a_title_line_each_stay_intertitles():
    # Questions set over a title line each are the story's 小标题 (topic over title), also
    # when one of them has two phrases.
    text = "\n".join(
        [
            "办好家门口的学校",
            "本报记者  张  明",
            P1,
            "怎样提高教育质量？",
            "深化教学改革，促进学生全面发展",
            P3,
            P2,
            "如何让老师招得来、留得住？",
            "加强师资培养培训，优化教师待遇保障",
            P3,
            "优质资源从哪里来？",
            "精准把脉学校需求，持续深化托管帮扶",
            P3,
        ]
    )
    got = by_text(text)
    for line in ("怎样提高教育质量？", "如何让老师招得来、留得住？", "优质资源从哪里来？"):
        assert got[line] == ("intertitle", 1)


@pytest.mark.parametrize(
    "note",
    ["（张  明）", "（李晓华）", "（本报记者王小明采访整理）"],
)
def test_a_bracketed_writers_name_or_interview_note_closes_its_article(note):
    second = "城乡公交跑出加速度"
    text = "\n".join(["春耕生产开出新局面", "本报记者  李  华", P1, P2, note, second, "赵  刚", P3])
    got = by_text(text)
    assert got[note] == ("byline", 1)
    assert got[second] == ("headline", 2)


def test_who_said_a_quotation_signs_it_with_post_and_name_inside_the_article():
    sign = "——某某大学艺术学院院长 张大明"
    second = "解码新型文化业态的“算法”（编辑手记）"
    text = "\n".join(
        [
            "新型文化业态",
            "本报记者  李  华",
            P1,
            "“科技是关键，创新是动力。”",
            sign,
            second,
            "陈  涵",
            P3,
        ]
    )
    got = by_text(text)
    assert got[sign] == ("byline", 1)
    assert got[second] == ("headline", 2)


def test_a_padded_two_character_name_under_a_headline_leaves_it_the_headline():
    # Two single characters set wide (默  达: a name of a rare surname padded to three) are
    # no headline set as two phrases side by side: the line above is no kicker.
    text = "\n".join(["从年度榜单读懂开放创新（纵横）", "默  达", P1, P2])
    got = by_text(text)
    assert got["从年度榜单读懂开放创新（纵横）"] == ("headline", 1)
    assert got["默  达"] == ("byline", 1)


@pytest.mark.parametrize("name", ["怀志远", "默  达"])
def test_a_short_name_under_a_tagged_headline_is_its_author_whatever_the_surname(name):
    # (the surname list does not know 怀 or 默; under a column's tag the line is its author)
    text = "\n".join(["办好人民满意的学校（学习贯彻某会议精神）", name, P1, P2])
    got = by_text(text)
    assert got[name] == ("byline", 1)


def test_a_line_closing_a_quotation_it_did_not_open_is_a_cut_paragraphs_head():
    # “…一半路，”…介绍，“…书记黄艳丽” / 黄艳丽说。: the column cut the paragraph after the
    # quotation's end; the head reads as no title.
    head = "村党总支书记黄艳丽”黄"
    text = "\n".join(
        [
            "育好苗  兴沃野",
            "本报记者  张  明",
            P1,
            P2,
            "搭建人才库，挑出好苗子",
            P3,
            head,
            "艳丽说。" + P2,
            P3,
        ]
    )
    blocks = split_page(text)
    got = {text[b.start : b.end]: b for b in blocks}
    assert got[head].role == "body"
    assert got["艳丽说。" + P2].joins_previous


def test_the_head_of_an_enumerated_sentence_cut_by_a_column_joins_its_rest():
    # 一是… opens a sentence of the text, not a numbered heading: a word running across the
    # cut (建|设) makes the line the head of the paragraph below.
    head = "一是持续完善农田水利设施建"
    text = "\n".join(
        ["春耕生产开出新局面", "本报记者  张  明", P1, head, "设，确保灌溉用水及时足量。", P2, P3]
    )
    got = {text[b.start : b.end]: b for b in split_page(text)}
    assert got[head].role == "body"
    assert got["设，确保灌溉用水及时足量。"].joins_previous


@pytest.mark.parametrize(
    "intro",
    [
        "新规定明确了平台经营者的责任，并重点提出4项内容：",
        "完善维护国家法治统一的制度机制，主要包括以下目标：",
    ],
)
def test_a_paragraph_announcing_what_follows_with_a_colon_is_not_joined_by_the_next(intro):
    first = "对于已有证据能够初步证明侵权的，平台应当及时采取必要措施。"
    text = "\n".join(["新规征求意见", "本报记者  张  明", P1, intro, first, P2])
    got = {text[b.start : b.end]: b for b in split_page(text)}
    assert not got[first].joins_previous


def test_a_kicker_as_wide_as_the_column_over_its_headline_on_a_wrapped_page_stays_apart():
    # A hard-wrapped page (16 characters a line): the kicker fills the column, the headline
    # under it is short and neither ends a sentence; no paragraph of two lines ends so.
    width = 16

    def wrap(par: str) -> list[str]:
        out, k = [], 0
        while k < len(par):
            end = k + width
            if end < len(par) and par[end] in "，。、；：！？”）》":
                end += 1  # a mark that may not open a line hangs at the end of this one
            out.append(par[k:end])
            k = end
        return out

    body = [
        "今年以来，当地政府加快建设农田水利设施，群众满意度不断提高，受到广泛欢迎。",
        "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭，效率比去年提高了三成。",
        "多所高校积极参与职业技能培训，为下一步工作打下了基础，吸引了大批年轻人回乡创业。",
    ]
    kicker, headline = "前十月农业机械销量均实现两位数增长", "农机行业加快转型（新视点）"
    lines = ["春耕生产开出新局面", "本报记者  张  明"]
    for par in body:
        lines += wrap(par)
    lines += [kicker, headline, "本报记者  李  华"]
    for par in body:
        lines += wrap(par)
    got = by_text("\n".join(lines))
    assert got[kicker] == ("kicker", 2)
    assert got[headline] == ("headline", 2)


def test_labelled_paragraphs_of_a_column_are_its_text():
    # 【关键词】… under the writer's name opens the column's text (no summary line), and each
    # labelled paragraph (【事件】…) opens on its own.
    key = "【关键词】公交车“等一等”"
    event = "【事件】近日，某地的公交司机在站台多等了几十秒，让赶车的乘客顺利上车。"
    text = "\n".join(
        ["“等一等”，为了共同抵达（暖闻热评）", "杨小雨", key, event, "【点评】", P1, P2]
    )
    got = {text[b.start : b.end]: b for b in split_page(text)}
    assert (got[key].role, got[key].article) == ("body", 1)
    assert (got[event].role, got[event].joins_previous) == ("body", False)


def test_a_two_line_intertitle_counts_as_long_as_its_longer_line_in_the_series():
    units = [
        ("加强源头管控", "全国检察机关不批捕率、不起诉率同比均下降约六个百分点"),
        ("推进一站式办案", "全国已建成执法办案管理中心三千余个，实现市、县两级全覆盖"),
        ("执法全程留痕", "一百三十万余部执法记录仪让民警习惯在镜头下执法"),
    ]
    lines = [
        "从“事后整改”到“事前防范”，某地推动执法规范化运行",
        "让每项执法行为受监督（法治聚焦）",
        "本报记者  张  明",
        P1,
        P2,
    ]
    for unit in units:
        lines += [*unit, P3, P2, P1, P3]
    lines += ["（李华参与采写）", "城乡公交跑出加速度", "本报记者  赵  刚", P1]
    got = by_text("\n".join(lines))
    for unit in units:
        for line in unit:
            assert got[line] == ("intertitle", 1)
    assert got["城乡公交跑出加速度"] == ("headline", 2)


def test_a_line_ending_in_a_colon_under_the_headline_introduces_the_text():
    intro = "对话人："
    text = "\n".join(
        [
            "把握“投资于人”的丰富意蕴（连线评论员）",
            intro,
            "李  明  本报评论员",
            "张  华  某大学某研究院院长",
            P1,
            P2,
        ]
    )
    got = by_text(text)
    assert got["把握“投资于人”的丰富意蕴（连线评论员）"] == ("headline", 1)
    assert got[intro] == ("body", 1)
