"""Title lines inside a story signed at its head (issue 9, false article starts).

A story opened by a byline or a lead runs on under a standalone title line that has no
byline, dateline or lead of its own: the line is its 小标题, not the headline of an unsigned
article. A photo item (captions under the line) and a short item signed at its end are the
unsigned articles that do follow a story. The pages are invented.
"""

from __future__ import annotations

import pytest

from .split_rows import article_rows as rows

STORY = [
    "小小快递柜 方便千万家",
    "本报记者 赵磊",
    "傍晚时分，下班回家的市民李女士在小区门口的智能快递柜前扫码取件，前后不到一分钟。",
    "近年来，我市智能快递柜数量快速增长，基本实现城区小区全覆盖。",
]
MORE = [
    "不过，记者在采访中也发现，部分快递柜存在超时收费、格口不足等问题。",
    "对此，市邮政管理局表示，将会同相关部门加强监管，切实维护消费者合法权益。",
]


def test_one_title_line_inside_a_signed_story_is_its_intertitle():
    got = rows([*STORY, "末端配送仍有短板", *MORE])
    assert ("末端配送仍有短板", "intertitle", 1) in got
    assert {a for _, _, a in got} == {1}


def test_a_title_line_over_photo_captions_heads_a_photo_item():
    photos = [
        "市民在智能快递柜前取件。",
        "本报记者 赵磊摄",
        "快递员在分拣包裹。",
        "本报记者 赵磊摄",
    ]
    got = rows([*STORY, "快递进村 服务到家", *photos])
    assert ("快递进村 服务到家", "headline", 2) in got


def test_a_title_line_over_text_signed_at_its_end_heads_a_short_item():
    signed = [MORE[0], MORE[1][:-1] + "。（记者 王芳）"]
    got = rows([*STORY, "市图书馆推出夜间阅读服务", *signed])
    assert ("市图书馆推出夜间阅读服务", "headline", 2) in got
    # help with the text (参与采写) or a note on the author is no signature of another item
    helped = [MORE[0], MORE[1], "（本报通讯员陈楠参与采写）"]
    got = rows([*STORY, "末端配送仍有短板", *helped])
    assert ("末端配送仍有短板", "intertitle", 1) in got


def test_a_title_line_and_an_unlike_question_are_each_judged_alone():
    question = "快递柜超时收费合理吗？"
    got = rows([*STORY, "法治之基", *MORE, question, *MORE])
    assert ("法治之基", "intertitle", 1) in got
    assert {a for _, _, a in got} == {1}


def test_a_box_label_alone_over_text_stays_in_the_story():
    box = "“最后一公里”是指快递从配送站到收件人手中的最后一段路程，是物流配送的关键环节。"
    # under the story's end note, which closes its text: the box is still the story's
    got = rows([*STORY, *MORE, "（本报通讯员陈楠参与采写）", "延伸阅读", box])
    assert ("延伸阅读", "intertitle", 1) in got
    assert {a for _, _, a in got} == {1}


def test_one_title_line_in_a_commentary_signed_by_a_name_alone_stays_in_it():
    commentary = ["让“小切口”撬动“大民生”（人民时评）", "李  华", *STORY[2:]]
    got = rows([*commentary, "末端配送仍有短板", *MORE])
    assert ("李  华", "byline", 1) in got
    assert ("末端配送仍有短板", "intertitle", 1) in got
    assert {a for _, _, a in got} == {1}


def test_a_title_line_unlike_the_storys_other_intertitles_still_stays_in_it():
    # twice as long as the story's 小标题, it is no one of their series, but it has no
    # byline, dateline or lead of its own either: a table's title, say
    lines = [*STORY, "春耕新篇", *MORE, "夜经济有方", *MORE, "前三季度全市主要经济指标一览", *MORE]
    got = rows(lines)
    assert ("前三季度全市主要经济指标一览", "intertitle", 1) in got
    assert {a for _, _, a in got} == {1}


UNSIGNED = ["坚定发展信心  汇聚发展合力", *STORY[2:]]


def test_an_unsigned_storys_even_title_lines_are_its_intertitles():
    one = rows(
        [*UNSIGNED, "纹样蕴藏文明密码", *MORE, "跃上云端融入生活", *MORE, "爱上直给纹样之美", *MORE]
    )
    assert [r for _, r, _ in one].count("intertitle") == 3
    assert {a for _, _, a in one} == {1}
    pairs = [
        ["顶层谋划推进", "掀起宣讲热潮"],
        ["深入基层一线", "力求鲜活生动"],
        ["回应群众关切", "凝聚奋进力量"],
    ]
    two = rows([*UNSIGNED, *[x for pair in pairs for x in [*pair, *MORE]]])
    assert {a for _, _, a in two} == {1}


def test_uneven_title_lines_after_an_unsigned_story_head_short_items():
    got = rows(
        [*UNSIGNED, "古镇修缮完工", *MORE, "市图书馆推出夜间阅读服务", *MORE, "新增公交线路", *MORE]
    )
    assert [a for t, _, a in got if t in ("古镇修缮完工", "市图书馆推出夜间阅读服务")] == [2, 3]


def test_a_box_label_led_by_a_bullet_is_a_box_label():
    box = "“最后一公里”是指快递从配送站到收件人手中的最后一段路程，是物流配送的关键环节。"
    end = "（本报通讯员陈楠参与采写）"
    got = rows([*STORY, *MORE, end, "■延伸阅读", "■快递末端的“最后一公里”", box])
    assert ("■延伸阅读", "intertitle", 1) in got
    assert {a for _, _, a in got} == {1}


def test_signed_pieces_under_an_unsigned_introduction_are_one_article():
    intro = "今年以来，各地厉行节约、反对浪费，本版记者深入一线，探变化、看作风、听感受。"
    pieces = []
    for title, byline in (
        ("公物流动起来了", "本报记者  王欣悦"),
        ("公务接待更清爽了", "本报记者  孙  超"),
        ("公车管理更规范了", "本报记者  洪秋婷"),
    ):
        pieces += [title, byline, *MORE]
    got = rows(["过紧日子  炼好作风（前沿观察）", intro, *pieces])
    assert {a for _, _, a in got} == {1}
    assert ("公务接待更清爽了", "intertitle", 1) in got


def test_signed_articles_after_an_unsigned_item_stay_articles():
    item = ["市图书馆推出夜间阅读服务", "记者从市图书馆获悉，每周五、周六开放至晚上9点。"]
    second = ["冬季出行安全提示", "本报记者 吴昊", *MORE]
    got = rows([*item, *STORY, *second])
    assert [a for t, _, a in got if t in (item[0], STORY[0], second[0])] == [1, 2, 3]
    # right under the item, two signed articles with short titles alike: no set without the
    # column's tag over it
    item = ["市图书馆自下月起延长周末开放时间", "自下月起，市图书馆周末开放时间延长至晚上九点。"]
    two = ["城东新区启动管网更新", "本报记者 王芳", *MORE, "城西社区增设充电桩", "本报记者 李华"]
    got = rows([*item, *two, *MORE])
    assert [a for t, _, a in got if t in (item[0], two[0], two[4])] == [1, 2, 3]


def test_a_title_line_in_a_story_signed_at_its_end_stays_in_the_story():
    # a paper that signs its stories at the end: the signature closes the whole story
    signed = [MORE[0], MORE[1][:-1] + "。（本报记者 赵磊）"]
    got = rows([*UNSIGNED, "末端配送仍有短板", *signed, *STORY])
    assert ("末端配送仍有短板", "intertitle", 1) in got
    assert [a for t, _, a in got if t == STORY[0]] == [2]
    # signed at the end of its own text, the item above ends before the line
    item = [UNSIGNED[0], UNSIGNED[1][:-1] + "。（记者 王芳）"]
    got = rows([*item, "末端配送仍有短板", *signed])
    assert ("末端配送仍有短板", "headline", 2) in got


def test_a_short_line_under_the_page_label_is_the_first_storys_kicker():
    got = rows(["2025年11月23日 星期六 第12版 要闻", "要闻", "记者调查", *STORY])
    assert got[1][1:] == ("other", None)
    assert got[2] == ("记者调查", "kicker", 1)
    assert got[3] == (STORY[0], "headline", 1)


def test_a_column_name_between_the_page_header_and_a_continuation_mark_is_furniture():
    got = rows(["经济观察报 2025年10月1日 星期三", "评论员观察", "（上接第2版）", *MORE, *STORY])
    assert got[1] == ("评论员观察", "other", None)
    assert got[3][2] == 1  # the continued text opens the first article
    assert [a for t, _, a in got if t == STORY[0]] == [2]


@pytest.mark.parametrize("headline", ["政府工作报告", "坚定不移推动高质量发展"])
def test_a_headline_printed_again_over_a_continuation_mark_opens_the_continued_article(headline):
    # at the page top, under the header, and further down, after another story
    for lines in (
        ["经济观察报 2025年10月1日 星期三", headline, "（上接第1版）", *MORE, *STORY],
        ["经济观察报 2025年10月1日 星期三", *STORY, headline, "（上接第1版）", *MORE],
    ):
        got = rows(lines)
        k = lines.index(headline)
        assert got[k] == (headline, "headline", got[k + 2][2])
        assert got[k + 1] == ("（上接第1版）", "other", None)
        assert [t for t, _, a in got if a == got[k][2]] == [headline, *MORE]


def test_three_lines_of_verse_in_a_story_stay_its_text():
    verse = ["人间四月芳菲尽", "山寺桃花始盛开", "长恨春归无觅处"]
    got = rows([*STORY, *verse, *MORE])
    assert [(t, r, a) for t, r, a in got if t in verse] == [(v, "body", 1) for v in verse]
    # a heading stack of three lines of different lengths still opens an article
    stack = ["快递进村", "快递服务覆盖全市所有行政村", "农村群众网购更方便"]
    got = rows([*STORY, *stack, *MORE])
    assert [a for t, _, a in got if t == stack[0]] == [2]


def test_two_title_lines_in_an_essay_signed_by_a_name_alone_stay_in_it():
    essay = ["以高质量党建引领基层治理现代化", "——学习贯彻全会精神的几点体会", "郑凯", *STORY[2:]]
    heads = ("把党的组织优势转化为治理效能", "在为民服务中凝聚人心")
    lines = [*essay, heads[0], *MORE, heads[1], *MORE, "（作者为中共某省委党校教授）"]
    got = rows(lines)
    assert {a for _, _, a in got} == {1}
    assert [r for t, r, _ in got if t in heads] == ["intertitle", "intertitle"]


def test_signed_pieces_right_under_a_sets_headline_are_one_article():
    lines = ["砥砺心志修己身（大家谈）"]
    for title, byline in (
        ("经常“回头看看”", "江西省赣州市  钟修声"),
        ("杜绝“选择性落实”", "山西省临汾市  冯  博"),
        ("时常“紧紧发条”", "河南省郑州市  关  慨"),
    ):
        lines += [title, byline, *MORE]
    got = rows(lines)
    assert {a for _, _, a in got} == {1}
    assert got[0][1] == "headline"
    assert got[1] == ("经常“回头看看”", "intertitle", 1)


def test_signed_pieces_of_two_title_lines_under_a_sets_headline_are_one_article():
    # a special report's tagged headline over the pieces of several bodies, each headed by a
    # line naming who over its title set as two phrases, each signed by its reporter
    lines = ["凝聚品牌力量  服务美好生活（品牌日特刊）"]
    for topic, title, byline in (
        ("某电力公司助力绿色低碳发展", "提升品牌价值  彰显社会责任", "本报记者  王  明"),
        ("某银行支持企业探索“出海”新路", "强化联动机制  服务对外开放", "本报记者  李  华"),
        ("某乳业集团构建全球创新体系", "加快数智转型  践行绿色发展", "本报记者  赵  刚"),
    ):
        lines += [topic, title, byline, *MORE]
    got = rows(lines)
    assert {a for _, _, a in got} == {1}
    assert got[0][1] == "headline"
    assert got[1] == ("某电力公司助力绿色低碳发展", "intertitle", 1)
    assert got[2] == ("提升品牌价值  彰显社会责任", "intertitle", 1)


def test_signed_articles_after_a_headline_and_its_subheadline_stay_articles():
    head = ["快递进村惠及千家万户", "快递服务覆盖全市所有行政村", "本报记者 赵磊", *MORE]
    two = ["乡村物流加速", "本报记者 王芳", *MORE, "农村网购升温", "本报记者 李华", *MORE]
    got = rows([*head, *two])
    assert [a for t, _, a in got if t in (head[0], "乡村物流加速", "农村网购升温")] == [1, 2, 3]


def test_a_dated_sentence_ending_in_a_dash_is_no_kicker():
    lead_in = "2023年3月10日，人民大会堂大礼堂里这庄严神圣的一幕，深深印刻在亿万人民心头——"
    cut = ["在十四届全国人大", "一次会议第三次全体会议上，新当选的国家领导人庄严宣誓。"]
    got = rows([*STORY, lead_in, *cut, *MORE])
    assert {a for _, _, a in got} == {1}


def test_names_of_works_listed_in_a_story_open_no_article():
    works = ["《快递暂行条例》", "《邮政法》"]
    got = rows([*STORY, MORE[0], *works, *MORE])
    assert {a for _, _, a in got} == {1}
    assert all(r != "headline" for t, r, _ in got if t in works)


def test_a_paragraph_cut_after_a_bracketed_enumerator_does_not_close_its_article():
    head = "（二）提升教育公共服务质量和水平，优化终身学习公共服务。（三）"
    rest = "推动教育科技人才良性循环，培养更多高技能人才。"
    got = rows([*STORY, head, rest, *MORE])
    assert {a for _, _, a in got} == {1}


def test_an_unsigned_brief_of_one_paragraph_after_a_signed_story_is_an_item():
    brief = "自下月起，市图书馆周末开放时间延长至晚上九点，方便上班族借阅图书。"
    got = rows([*STORY, *MORE, "市图书馆延长开放时间", brief])
    assert ("市图书馆延长开放时间", "headline", 2) in got
    # two paragraphs under the line, or one closed by the story's end note: its section
    got = rows([*STORY, "市图书馆延长开放时间", *MORE])
    assert ("市图书馆延长开放时间", "intertitle", 1) in got
    got = rows([*STORY, "市图书馆延长开放时间", MORE[0], "（本报北京3月4日电）"])
    assert ("市图书馆延长开放时间", "intertitle", 1) in got
    # a short phrase is a 小标题 over one paragraph too
    got = rows([*STORY, *MORE, "春耕有方", brief])
    assert ("春耕有方", "intertitle", 1) in got


def test_signed_articles_under_a_long_untagged_headline_and_subheadline_stay_articles():
    # the two articles' titles are alike and shorter than the first story's headline and as
    # long as its subheadline: without a column tag over them they are no set of pieces
    head = ["全市老旧小区改造工作全面提速 惠及三万余户居民", "今年计划改造一百二十个小区"]
    head += ["本报记者 赵磊", *MORE]
    two = ["城东新区启动地下管网更新", "本报记者 王芳", *MORE]
    two += ["城西社区新增三百个充电桩", "本报记者 李华", *MORE]
    got = rows([*head, *two])
    assert [a for t, _, a in got if t in (head[0], two[0], two[4])] == [1, 2, 3]


def test_a_short_item_signed_by_a_correspondent_at_its_end_is_an_item():
    signed = [MORE[0], MORE[1][:-1] + "。（通讯员 陈楠）"]
    got = rows([*STORY, "市图书馆推出夜间阅读服务", *signed])
    assert ("市图书馆推出夜间阅读服务", "headline", 2) in got


def test_a_column_of_briefs_with_the_last_one_signed_stays_briefs():
    # one paragraph under every title: short items, only the last signed, not one story
    first = "自下月起，市图书馆周末开放时间延长至晚上九点，方便上班族借阅图书。"
    second = "日前，城南公园新建的三公里健身步道正式投用，受到市民欢迎。（记者 王芳）"
    got = rows(["市图书馆延长开放时间", first, "城南公园新增健身步道", second])
    assert [a for _, _, a in got] == [1, 1, 2, 2]
