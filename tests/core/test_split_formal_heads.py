"""Headings and pieces a story's run hides, and lines that only look like them (issue 9).

A story without byline or dateline runs on under its 小标题, so a title line between its
paragraphs reads as one of them; but a title over a —— subheadline, or a title closed by a
column tag (…（快评）), heads an article of its own: intertitles carry neither. So does a
column's name over a title (短评, 【今日谈】) whose text is signed at its end after a story
signed at its head. Short topics over titles set in parallel, and ■-led pairs, are 小标题; the
head of a paragraph cut by a photo is no photo item's headline. The pages are invented.
"""

from __future__ import annotations

from annotator.split import split_page

from .split_rows import article_rows as rows

# An unsigned story (no byline, no dateline) with three 小标题.
STORY = [
    "老街巷焕新颜 居民生活更便利",
    "今年以来，城南区累计完成老旧小区改造四十二个，惠及居民一万余户，街巷面貌焕然一新。",
    "加装电梯解民忧",
    "对于住在老旧小区高层的老人来说，上下楼一直是件难事，如今这一难题正在逐步破解。",
    "“以前下楼买个菜都得歇好几回，现在方便多了。”家住六楼的张大爷笑着说。",
    "停车难题有新解",
    "各街道通过挖潜改造、错时共享等方式，新增停车位一千二百个，居民停车更方便了。",
    "不少小区还装上了充电桩，解决了新能源汽车车主的后顾之忧。",
    "社区服务更贴心",
    "改造后的小区新建了养老驿站和托育点，老人和孩子在家门口就能享受到周到的服务。",
]
NEXT = [
    "河湖长制让碧水长流，沿岸的村庄也因此换了模样，游客一年比一年多。",
    "十年来，全省累计清理河道两万余公里，水质优良断面比例提高到九成以上。",
]


def test_a_title_over_a_dash_subheadline_heads_an_article_after_an_unsigned_story():
    got = rows([*STORY, "守护一江清水", "——写在河湖长制全面推行十周年之际", *NEXT])
    assert ("守护一江清水", "headline", 2) in got
    assert ("——写在河湖长制全面推行十周年之际", "subheadline", 2) in got
    assert ("加装电梯解民忧", "intertitle", 1) in got


def test_a_title_closed_by_a_column_tag_over_its_summary_heads_an_article():
    summary = "让每一条河流都成为造福人民的幸福河，需要久久为功、持续用力的治理"
    got = rows([*STORY, "守护好每一条河流（快评）", summary, *NEXT])
    assert ("守护好每一条河流（快评）", "headline", 2) in got
    assert (NEXT[0], "body", 2) in got
    # two phrases around a comma before the tag: a headline all the same
    got = rows([*STORY, "治水有良方，河湖展新颜（快评）", summary, *NEXT])
    assert ("治水有良方，河湖展新颜（快评）", "headline", 2) in got


def test_a_kicker_over_a_headline_closed_by_a_column_tag_heads_an_article():
    kicker = "前十月全省河湖水质优良比例创新高"
    got = rows([*STORY, kicker, "河湖治理迈出新步伐（新视点）", *NEXT])
    assert (kicker, "kicker", 2) in got
    assert ("河湖治理迈出新步伐（新视点）", "headline", 2) in got


def test_a_cut_paragraph_head_ending_in_a_bracket_heads_nothing():
    # 8月上旬，某公司（某地） over the rest of its paragraph: a clause cut by a column break
    signed = [STORY[0], "本报记者 王晓明", *STORY[1:]]
    cut = [
        "8月上旬，城南区幸福里小区（东风街道）",
        "居委会组织志愿者为独居老人送去了米面油和慰问金。",
    ]
    got = rows([*signed, "邻里互助，温暖人心", *cut, *NEXT])
    assert {a for _, _, a in got} == {1}


def test_a_column_name_over_a_title_after_a_signed_story_heads_a_signed_piece():
    signed = [STORY[0], "本报记者 王晓明", *STORY[1:]]
    piece = [
        "短评",
        "让“小切口”撬动“大民生”",
        "民生无小事，枝叶总关情。老旧小区改造，改的是房子，暖的是人心。",
        "快递柜、社区食堂、口袋公园，一件件小事办好了，城市就有了温度。",
        "（李华）",
    ]
    got = rows([*signed, *piece])
    assert ("短评", "kicker", 2) in got
    assert ("让“小切口”撬动“大民生”", "headline", 2) in got
    assert ("加装电梯解民忧", "intertitle", 1) in got


def test_two_bullet_led_title_lines_between_paragraphs_are_one_intertitle():
    signed = [STORY[0], "本报记者 王晓明", STORY[1]]
    pair = ["■加装电梯解民忧", "■全市已有三百多个老旧小区装上电梯，老人下楼不再难"]
    got = rows([*signed, *pair, *STORY[3:5]])
    assert (pair[0], "intertitle", 1) in got
    assert (pair[1], "intertitle", 1) in got


def test_short_topics_over_titles_in_parallel_are_an_unsigned_storys_intertitles():
    pairs = [
        "老街巷焕新颜 居民生活更便利",
        STORY[1],
        "加装电梯",
        "让老人上下楼不再犯难",
        *STORY[3:5],
        "挖潜停车",
        "让车位不再一位难求",
        *STORY[6:8],
    ]
    got = rows(pairs)
    assert ("加装电梯", "intertitle", 1) in got
    assert ("让车位不再一位难求", "intertitle", 1) in got
    assert {a for _, _, a in got} == {1}


def test_a_bracketed_column_name_over_a_title_heads_a_piece_after_a_signed_story():
    signed = [STORY[0], "本报记者 王晓明", *STORY[1:]]
    piece = ["【今日谈】", "让“小切口”撬动“大民生”", *NEXT]
    got = rows([*signed, *piece])
    assert ("【今日谈】", "kicker", 2) in got
    assert ("让“小切口”撬动“大民生”", "headline", 2) in got
    # a box's label over its title stays inside the story
    got = rows([*signed, "【链接】", "什么是老旧小区改造", *NEXT])
    assert {a for _, _, a in got} == {1}


def test_a_kicker_ending_in_a_dash_over_a_title_heads_an_unsigned_story_after_a_signed_one():
    # no 小标题 is set under a kicker: the pair opens a story of its own, without byline
    signed = [STORY[0], "本报记者 王晓明", *STORY[1:]]
    for kicker in ("稳就业  惠民生——", "为了让群众出行更便利——"):
        got = rows([*signed, kicker, "我市新增公交线路十二条", *NEXT])
        assert (kicker, "kicker", 2) in got
        assert ("我市新增公交线路十二条", "headline", 2) in got
        assert (NEXT[1], "body", 2) in got
        assert ("加装电梯解民忧", "intertitle", 1) in got


def test_a_column_name_in_brackets_on_its_titles_line_heads_a_piece_after_a_signed_story():
    signed = [STORY[0], "本报记者 王晓明", *STORY[1:]]
    for head in ("【快评】让“小切口”撬动“大民生”", "〖今日谈〗让“小切口”撬动“大民生”"):
        got = rows([*signed, head, *NEXT])
        assert (head, "headline", 2) in got
        assert (NEXT[0], "body", 2) in got
    # the labelled paragraphs of one column's text follow each other: no headline among them
    labelled = ["【关键词】老旧小区改造", "【事件】" + NEXT[0], "【点评】", NEXT[1]]
    got = rows([*signed, *labelled])
    assert {a for _, _, a in got} == {1}


def test_the_head_of_a_paragraph_cut_by_a_photo_heads_no_photo_item():
    # a word runs across the photo's caption (焕 / 然一新), or the rest opens with a comma
    signed = [STORY[0], "本报记者 王晓明", STORY[1]]
    photo = "图为改造后的幸福里小区。  本报记者 王晓明摄"
    for head, rest in (
        ("改造后的幸福里小区面貌焕", "然一新，居民们纷纷点赞。"),
        ("走进东风街道幸福里小区", "，崭新的外墙、平整的道路映入眼帘。"),
    ):
        text = "\n".join([*signed, head, photo, rest, *STORY[3:5]])
        blocks = split_page(text)
        got = [(text[b.start : b.end], b.role, b.article) for b in blocks]
        assert (head, "body", 1) in got
        assert {a for _, _, a in got} == {1}
        assert next(b for b in blocks if text[b.start : b.end] == rest).joins_previous


def test_two_phrases_set_apart_by_a_wide_space_are_no_cut_paragraphs_head():
    # a news story dated at its head runs without 小标题: the line after it heads the next
    # item, and its form (two phrases set apart) is a headline's, even over a long text
    dated = [
        "城市更新研讨会在济南举办",
        "本报济南11月17日电  （记者杨立新）城市更新研讨会日前在济南举办，专家学者齐聚一堂。",
        "与会专家认为，城市更新要坚持以人民为中心，让城市更宜居、更韧性、更智慧。",
    ]
    head = "守护一江清水  共建美丽家园"
    text = [*NEXT, STORY[1], STORY[3], STORY[6], STORY[8]]
    got = rows([*dated, head, *text])
    assert (head, "headline", 2) in got
