"""Rules of the pre-split found on real newspaper pages (issue 9, ``bench/structure_real.py``).

The text here is written for the tests, shaped like what real pages print: names padded to the
width of three characters (王  明), a commentary's name and summary lines under its headline,
a column tag after the main headline of a two-line stack, source credits and 参与采写 notes
closing an article, a caption right above its photo credit, a series of long 小标题.
"""

from __future__ import annotations

from annotator.split import split_page
from annotator.split.cues import names_line, untagged

HEADER = "2025年5月6日  星期二  要闻  第4版"
BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与。"
BODY3 = "今年以来，这个县先后修缮古桥九座，沿河步道连成一线，游客明显多了起来。"


def by_text(text: str) -> dict[str, tuple[str, int | None]]:
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


def test_a_two_character_name_padded_with_spaces_is_a_name_in_bylines_and_credits():
    text = "\n".join(
        [
            HEADER,
            "山区小学用上了新课桌",
            "本报记者  王  明  刘晓燕",
            "图为孩子们在新教室上课。",
            "李  华摄（人民视觉）",
            BODY,
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["山区小学用上了新课桌"] == ("headline", 1)
    assert got["本报记者  王  明  刘晓燕"] == ("byline", 1)
    assert got["李  华摄（人民视觉）"] == ("caption", 1)


def test_a_name_line_needs_surnames_so_a_spaced_headline_is_no_byline():
    assert names_line("邹  翔")
    assert names_line("欧阳明  刘  洋")
    assert not names_line("春风送暖  花开满城")
    assert not names_line("高效办  更便民")
    text = "\n".join([HEADER, "春风送暖  花开满城", "来小城感受“慢生活”的滋味", BODY, BODY2])
    got = by_text(text)
    assert got["春风送暖  花开满城"] == ("headline", 1)
    assert got["来小城感受“慢生活”的滋味"] == ("subheadline", 1)


def test_a_name_under_a_headline_signs_it_even_with_summary_lines_before_the_text():
    text = "\n".join(
        [
            HEADER,
            "老街改造重在留住烟火气",
            "本报记者  张  明",
            BODY,
            BODY2,
            "让好政策落地生根（百姓话题）",
            "陈  立",
            "政策好不好，要看群众满意不满意，更要看落实见不见效",
            BODY3,
            BODY,
        ]
    )
    got = by_text(text)
    assert got["让好政策落地生根（百姓话题）"] == ("headline", 2)
    assert got["陈  立"] == ("byline", 2)
    assert got["政策好不好，要看群众满意不满意，更要看落实见不见效"] == ("subheadline", 2)
    assert got[BODY3] == ("body", 2)


def test_the_column_tag_follows_the_main_headline_so_the_line_above_is_its_kicker():
    assert untagged("古桥新生（走基层）") == "古桥新生"
    assert untagged("没有栏目标签的标题") == "没有栏目标签的标题"
    assert untagged("（社论）") == "（社论）"  # a tag alone is no headline with a tag
    text = "\n".join(
        [
            HEADER,
            "一座县城的文旅突围",
            "古桥修好了，游客回来了（走基层）",
            "本报记者  王  明",
            BODY,
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["一座县城的文旅突围"] == ("kicker", 1)
    assert got["古桥修好了，游客回来了（走基层）"] == ("headline", 1)


def test_a_question_headline_with_a_column_tag_opens_an_article():
    text = "\n".join(
        [
            HEADER,
            "古桥修缮完工",
            "本报记者  王  明",
            BODY,
            BODY2,
            "停车位被占，谁来管？（百姓话题）",
            "本报记者  刘晓燕",
            BODY3,
            BODY,
        ]
    )
    got = by_text(text)
    assert got["停车位被占，谁来管？（百姓话题）"] == ("headline", 2)
    assert got["本报记者  刘晓燕"] == ("byline", 2)


def test_a_source_credit_and_a_reporting_note_close_their_article():
    text = "\n".join(
        [
            HEADER,
            "小城古桥迎来新生",
            "本报记者  王  明",
            BODY,
            "数据来源：某县文化和旅游局",
            "山村有了“数字管家”",
            BODY2,
            BODY3,
            "（赵  丽参与采写）",
            "城郊菜园成了网红打卡地",
            BODY,
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["数据来源：某县文化和旅游局"] == ("byline", 1)
    assert got["山村有了“数字管家”"] == ("headline", 2)
    assert got["（赵  丽参与采写）"] == ("byline", 2)
    assert got["城郊菜园成了网红打卡地"] == ("headline", 3)


def test_a_short_sentence_right_above_a_photo_credit_is_its_caption():
    text = "\n".join(
        [
            HEADER,
            "老手艺焕发新活力",
            "本报记者  王  明",
            BODY,
            "老匠人在修补竹编器具。",
            "某某县委宣传部供图",
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["老匠人在修补竹编器具。"] == ("caption", 1)
    assert got["某某县委宣传部供图"] == ("caption", 1)
    assert got[BODY2] == ("body", 1)


LONG = (
    "坚持把群众满意作为工作标准，推动基层服务更加精准高效",
    "着力破解民生难题，让改革成果更多更公平惠及全体人民",
    "持续深化作风建设，以实干实绩回应群众的期待和关切",
)


def test_a_series_of_long_clauses_between_paragraphs_are_intertitles():
    lines = [HEADER, "为民办实事要落到实处", "李  明", BODY]
    for title in LONG:
        lines += [title, BODY2, BODY3]
    got = by_text("\n".join(lines))
    for title in LONG:
        assert got[title] == ("intertitle", 1)


def test_two_long_unfinished_lines_alone_are_not_a_series_of_intertitles():
    # Two lines like that are as often the heads of paragraphs cut by a column break.
    lines = [HEADER, "为民办实事要落到实处", "李  明", BODY]
    for title in LONG[:2]:
        lines += [title, BODY2, BODY3]
    got = by_text("\n".join(lines))
    assert all(got[t][0] != "intertitle" for t in LONG[:2])


def test_two_title_lines_at_the_top_of_the_page_head_an_article_without_a_byline():
    text = "\n".join([HEADER, "古城春色正浓", "来江南感受“慢生活”的诗意、烟火与乡愁", BODY, BODY2])
    got = by_text(text)
    assert got["古城春色正浓"] == ("headline", 1)
    assert got["来江南感受“慢生活”的诗意、烟火与乡愁"] == ("subheadline", 1)


def test_a_headline_signed_with_a_name_after_a_story_with_intertitles_is_a_new_article():
    lines = [HEADER, "窗口服务变了样", "本报记者  王  明", BODY]
    for title in ("揪出窗口的“蛀虫”", "负面清单划红线"):
        lines += [title, BODY2, BODY3]
    lines += ["懒政也要治一治", "赵  磊", BODY, BODY2]
    got = by_text("\n".join(lines))
    assert got["懒政也要治一治"] == ("headline", 2)
    assert got["赵  磊"] == ("byline", 2)


def test_parallel_short_lines_under_an_unsigned_story_are_its_intertitles():
    # An advertorial without byline: its intertitles share their wording (…之旅), news items
    # in a row would not.
    lines = [HEADER, "山水之间好风光", "来小城感受“慢生活”的诗意与烟火", BODY]
    heads = ("“古镇寻梦”之旅", "“茶山问香”之旅", "“湖畔听风”之旅")
    for title in heads:
        lines += [title, BODY2, BODY3]
    got = by_text("\n".join(lines))
    for title in heads:
        assert got[title] == ("intertitle", 1)


def test_short_headlines_in_a_row_that_share_no_wording_stay_news_items():
    lines = [HEADER, "山水之间好风光", "来小城感受“慢生活”的诗意与烟火", BODY]
    heads = ("古镇修缮完工", "茶山迎来采摘季", "湖畔步道开放")
    for title in heads:
        lines += [title, BODY2]
    got = by_text("\n".join(lines))
    assert [got[t] for t in heads] == [("headline", 2), ("headline", 3), ("headline", 4)]


def test_a_short_label_under_the_byline_and_a_box_inside_a_story_stay_in_the_story():
    text = "\n".join(
        [
            HEADER,
            "古桥修好了，游客回来了",
            "本报记者  王  明",
            "核心看点",
            BODY,
            BODY2,
            "链接",
            "全省古桥保护有了新规",
            BODY3,
        ]
    )
    got = by_text(text)
    assert got["核心看点"] == ("intertitle", 1)
    assert got["链接"] == ("intertitle", 1)
    assert got["全省古桥保护有了新规"] == ("intertitle", 1)
    assert got[BODY3] == ("body", 1)


def test_a_column_name_over_a_signed_commentary_is_still_its_kicker():
    text = "\n".join(
        [
            HEADER,
            "古桥修好了",
            "本报记者  王  明",
            BODY,
            BODY2,
            "今日谈",
            "让古桥活起来",
            "赵  磊",
            BODY3,
        ]
    )
    got = by_text(text)
    assert got["今日谈"] == ("kicker", 2)
    assert got["让古桥活起来"] == ("headline", 2)


def test_the_signature_under_an_editors_note_is_a_byline():
    text = "\n".join([HEADER, "古桥修好了", "本报记者  王  明", BODY, "——编  者", BODY2])
    assert by_text(text)["——编  者"] == ("byline", 1)


def test_only_one_short_sentence_that_follows_a_finished_paragraph_is_read_as_a_caption():
    two = "老匠人在修补竹编器具。游客在一旁观看。"
    tail = "体系，效率比去年提高了三成。"
    text = "\n".join(
        [
            HEADER,
            "老手艺焕发新活力",
            "本报记者  王  明",
            BODY,
            two,
            "某某县委宣传部供图",
            "今年以来，全县加快建设冷链物流",
            tail,
            "张  三摄",
        ]
    )
    got = by_text(text)
    assert got[two] == ("body", 1)
    assert got[tail] == ("body", 1)


def test_a_number_and_a_space_before_short_titles_make_them_intertitles():
    lines = [HEADER, "古桥修好了，游客回来了", "本报记者  王  明", BODY]
    heads = ("1 有规划  来落实", "2 有问题  来解决")
    for title in heads:
        lines += [title, BODY2, BODY3]
    got = by_text("\n".join(lines))
    for title in heads:
        assert got[title] == ("intertitle", 1)


def test_a_short_line_between_the_authors_name_and_the_text_opens_the_text():
    text = "\n".join([HEADER, "一以贯之做好古桥保护大文章", "金  轩", "引  言", BODY, BODY2])
    got = by_text(text)
    assert got["金  轩"] == ("byline", 1)
    assert got["引  言"] == ("intertitle", 1)


def test_two_summary_lines_under_the_name_are_subheadlines():
    text = "\n".join(
        [
            HEADER,
            "古桥新生  此中有真意（现场评论）",
            "邹  翔",
            "留住乡愁，更要留住人，让古桥真正活起来",
            "保护与利用并重，才能让文化遗产焕发新的生机",
            BODY,
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["古桥新生  此中有真意（现场评论）"] == ("headline", 1)
    assert got["邹  翔"] == ("byline", 1)
    assert got["留住乡愁，更要留住人，让古桥真正活起来"] == ("subheadline", 1)
    assert got["保护与利用并重，才能让文化遗产焕发新的生机"] == ("subheadline", 1)


def test_a_long_headline_set_apart_by_wide_spaces_opens_an_unsigned_story_with_intertitles():
    lines = [HEADER, "古桥修缮完工", "本报记者  王  明", BODY, BODY2]
    head = "某某县城关镇  推动古桥古街扩优提质  描绘文旅强镇建设新图景"
    inner = (
        "总体规划：构建古镇保护新格局",
        "资源重构：健全古桥修缮保障机制",
        "便民利民：书写文旅惠民新篇章",
    )
    lines += [head, BODY3]
    for title in inner:
        lines += [title, BODY, BODY2]
    got = by_text("\n".join(lines))
    assert got[head] == ("headline", 2)
    for title in inner:
        assert got[title] == ("intertitle", 2)


def test_the_intertitles_of_a_story_end_where_a_name_signed_piece_begins():
    lines = [HEADER, "窗口服务变了样", "本报记者  王  明", BODY]
    for title in ("揪出窗口的“蛀虫”", "负面清单划红线"):
        lines += [title, BODY2, BODY3]
    lines += ["懒政也要治一治", "赵  磊", BODY, BODY2, "橘林深处听民声", BODY3, "张  三摄"]
    got = by_text("\n".join(lines))
    assert got["橘林深处听民声"] == ("headline", 3)


def test_a_name_ending_on_a_function_word_character_still_signs_a_commentary():
    # 向, 以, 从 end no title, but they end many given names: the name line is the byline.
    text = "\n".join(
        [
            HEADER,
            "小巷里的读书角（纵横）",
            "李方向",
            BODY,
            BODY2,
            "老手艺迎来新传人（纵横）",
            "王  以",
            BODY3,
        ]
    )
    got = by_text(text)
    assert got["小巷里的读书角（纵横）"] == ("headline", 1)
    assert got["李方向"] == ("byline", 1)
    assert got["老手艺迎来新传人（纵横）"] == ("headline", 2)
    assert got["王  以"] == ("byline", 2)


def test_a_commentary_signed_above_two_summary_lines_may_open_with_a_short_question():
    text = "\n".join(
        [
            HEADER,
            BODY3,
            "让老街区焕发新活力（评论员观察）",
            "张  明",
            "留住烟火气，守住老记忆，城市更新才能既有颜值又有温度",
            "一条街区的变化，折射一座城市治理理念的转变",
            "一条老街，能留住多少记忆？",
            BODY,
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["让老街区焕发新活力（评论员观察）"] == ("headline", 2)
    assert got["张  明"] == ("byline", 2)
    assert got["留住烟火气，守住老记忆，城市更新才能既有颜值又有温度"] == ("subheadline", 2)
    assert got["一条街区的变化，折射一座城市治理理念的转变"] == ("subheadline", 2)
    assert got["一条老街，能留住多少记忆？"] == ("body", 2)


def test_a_series_of_three_title_lines_are_intertitles_of_a_story_signed_by_a_name_alone():
    # A theory article signed by its author's name only (no 记者, no dateline): its three
    # 小标题 are not the headlines of three unsigned articles.
    text = "\n".join(
        [
            HEADER,
            "深刻把握新时代城乡融合发展的实践要求（学术随笔）",
            "张  明",
            BODY,
            "城乡融合发展的历史逻辑与理论逻辑",
            BODY2,
            BODY3,
            "推动城乡要素平等交换双向流动的主要路径",
            BODY,
            "以县域为重要切入点促进城乡共同繁荣",
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["张  明"] == ("byline", 1)
    for line in (
        "城乡融合发展的历史逻辑与理论逻辑",
        "推动城乡要素平等交换双向流动的主要路径",
        "以县域为重要切入点促进城乡共同繁荣",
    ):
        assert got[line] == ("intertitle", 1)


def test_a_line_wholly_in_brackets_with_punctuation_is_an_end_note_of_the_article_above():
    text = "\n".join(
        [
            HEADER,
            "老城区的新活力（纵横）",
            "张  明",
            BODY,
            BODY2,
            "（摘编自《东方日报》，原题为《让老街区留住烟火气》）",
            "乡村振兴要靠人才（思想纵横）",
            "王晓东",
            BODY3,
            "（作者为某大学教授）",
            "（本版文章由某出版社组稿、本报理论部编辑）",
            "书香社区建设有成效",
            "本报记者  刘  洋",
            BODY,
        ]
    )
    got = by_text(text)
    assert got["（摘编自《东方日报》，原题为《让老街区留住烟火气》）"] == ("byline", 1)
    assert got["乡村振兴要靠人才（思想纵横）"] == ("headline", 2)
    assert got["（本版文章由某出版社组稿、本报理论部编辑）"] == ("byline", 2)
    assert got["书香社区建设有成效"] == ("headline", 3)


def test_intertitles_set_in_two_lines_are_intertitles_of_the_signed_story():
    # 主题 over 副题, with a comma or a figure inside: still a pair of intertitle lines.
    text = "\n".join(
        [
            HEADER,
            "城乡公交一体化迈出新步伐",
            "本报记者  刘  洋",
            BODY,
            "共同打造便捷出行网络",
            "全市每5个村就有4个通上公交",
            BODY2,
            "重点领域改革深化，服务水平持续提高",
            "城乡客运线路年内新增120条以上",
            BODY3,
            "携手共建出行“幸福圈”",
            "两地每10分钟开行1班车，最快半小时通达",
            BODY,
        ]
    )
    got = by_text(text)
    assert got["城乡公交一体化迈出新步伐"] == ("headline", 1)
    for line in (
        "共同打造便捷出行网络",
        "全市每5个村就有4个通上公交",
        "重点领域改革深化，服务水平持续提高",
        "城乡客运线路年内新增120条以上",
        "携手共建出行“幸福圈”",
        "两地每10分钟开行1班车，最快半小时通达",
    ):
        assert got[line] == ("intertitle", 1)


def test_the_text_under_a_signed_commentary_begins_at_its_first_finished_sentence():
    # A column break cuts the paragraph after the opening question: its title-shaped head
    # is text, not a summary line nor an intertitle.
    text = "\n".join(
        [
            HEADER,
            BODY3,
            "让老街区焕发新活力（评论员观察）",
            "张  明",
            "留住烟火气，守住老记忆，城市更新才能既有颜值又有温度",
            "一条老街，能留住多少记忆？",
            "在老城区，三十多条街巷完成改造，两百余家老",
            "字号重新开张，游客和居民都说好。",
            BODY,
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["留住烟火气，守住老记忆，城市更新才能既有颜值又有温度"] == ("subheadline", 2)
    assert got["一条老街，能留住多少记忆？"] == ("body", 2)
    assert got["在老城区，三十多条街巷完成改造，两百余家老"] == ("body", 2)


def test_a_long_headline_over_a_column_cut_paragraph_head_is_no_two_line_intertitle():
    text = "\n".join(
        [
            HEADER,
            "江苏划定野生动物禁猎区",
            "本报南京4月14日电  （记者王明）日前，江苏省在全省划定陆生野生动物禁猎区和禁猎期。",
            "江苏划定的禁猎区主要有：各类自然保护地等区",
            "域，以及重点保护野生动物集中分布区域等。",
            "江苏省规定，禁猎区内全年禁猎，禁猎区外每年三月至七月禁猎。",
            "某某职业技术学院  深化创新创业教育教学改革，培养爱农兴农新兴人才",
            "某某职业技术学院以经济社会发展需求为导",
            "向，以高质量人才培养为抓手，推进乡村人才振兴。",
            BODY,
        ]
    )
    got = by_text(text)
    role, article = got["某某职业技术学院  深化创新创业教育教学改革，培养爱农兴农新兴人才"]
    assert role != "intertitle" and article == 2
    assert got["某某职业技术学院以经济社会发展需求为导"][0] != "intertitle"


def test_signed_pieces_under_an_editors_note_are_one_article_until_a_tagged_headline():
    text = "\n".join(
        [
            HEADER,
            "在广阔天地成长成才",
            "高校肩负着立德树人的根本使命。本期我们邀请几位高校负责人谈谈如何引导青年到基层去。",
            "——编  者",
            "下得去、留得住、教得好",
            "张  明",
            BODY,
            "（作者为某大学党委副书记）",
            "回答好“为什么”“怎么做”",
            "王晓东",
            BODY2,
            "（作者为某大学团委书记）",
            "“坐商”变“行商”  此中有真意（现场评论）",
            "刘  洋",
            BODY3,
        ]
    )
    got = by_text(text)
    assert got["在广阔天地成长成才"] == ("headline", 1)
    for line in ("下得去、留得住、教得好", "回答好“为什么”“怎么做”"):
        assert got[line] == ("intertitle", 1)
    assert got["张  明"] == ("byline", 1)
    assert got["王晓东"] == ("byline", 1)
    assert got["（作者为某大学团委书记）"] == ("byline", 1)
    assert got["“坐商”变“行商”  此中有真意（现场评论）"] == ("headline", 2)
    assert got["刘  洋"] == ("byline", 2)


def test_an_intertitle_pair_whose_first_line_ends_in_a_dash_stays_in_the_signed_story():
    text = "\n".join(
        [
            HEADER,
            "湖区渔村探索生态养殖新路——",
            "老渔民的网箱变了样",
            "本报记者  王  明",
            BODY,
            BODY2,
            "科学养殖——",
            "饲料残渣变成有机肥料",
            BODY3,
            BODY,
            "延链增值——",
            "鱼塘边办起了农家乐",
            BODY2,
            BODY3,
        ]
    )
    got = by_text(text)
    assert got["湖区渔村探索生态养殖新路——"] == ("kicker", 1)
    assert got["本报记者  王  明"] == ("byline", 1)
    for line in ("科学养殖——", "饲料残渣变成有机肥料", "延链增值——", "鱼塘边办起了农家乐"):
        assert got[line] == ("intertitle", 1)
    assert {article for _, article in got.values()} == {None, 1}


def test_end_notes_with_a_bracket_inside_or_a_cross_reference_close_their_article():
    for note in ("（作者为中央党校（国家行政学院）马克思主义学院主任）", "（相关报道见第二版）"):
        text = "\n".join(
            [
                HEADER,
                "坚持把人民利益放在首位",
                "本报记者  张  华",
                BODY,
                BODY2,
                note,
                "建设更高水平的平安中国",
                BODY3,
                BODY,
            ]
        )
        got = by_text(text)
        assert got[note] == ("byline", 1), note
        assert got["建设更高水平的平安中国"] == ("headline", 2), note


def test_a_theory_pages_long_intertitle_with_a_comma_counts_in_the_series():
    long_one = "统筹好提升质量和做大总量的关系，彰显了中国特色社会主义制度优势"
    assert len(long_one) > 30
    text = "\n".join(
        [
            HEADER,
            "夯实中国式现代化的物质基础（深入学习贯彻习近平经济思想）",
            "赵  华",
            BODY,
            "我们党对经济发展质和量关系的认识不断深化",
            BODY2,
            BODY3,
            long_one,
            BODY,
            BODY2,
            "把质的有效提升和量的合理增长统一于高质量发展全过程",
            BODY3,
            BODY,
        ]
    )
    got = by_text(text)
    assert got["赵  华"] == ("byline", 1)
    for line in (
        "我们党对经济发展质和量关系的认识不断深化",
        long_one,
        "把质的有效提升和量的合理增长统一于高质量发展全过程",
    ):
        assert got[line] == ("intertitle", 1)


def test_titled_parts_under_an_editors_note_stay_in_its_article_with_or_without_authors():
    pairs = [
        ("培育书香家庭，阅读活动更丰富——", "大手牵小手  家教新体验"),
        ("助力书香校园，阅读形式更多样——", "聆听+分享  阅读伴成长"),
    ]
    for signed in (False, True):
        lines = [
            HEADER,
            "“书香是一种氛围”（人文观察）",
            "本报记者  郑海鸥",
            BODY,
            BODY2,
            "——编  者",
        ]
        for k, (upper, lower) in enumerate(pairs):
            lines += [upper, lower] + (
                ["本报记者  王  明" if k else "本报记者  窦瀚洋"] if signed else []
            )
            lines += [BODY3, BODY]
        got = by_text("\n".join(lines))
        for upper, lower in pairs:
            assert got[upper] == ("intertitle", 1), signed
            assert got[lower] == ("intertitle", 1), signed
        assert {article for _, article in got.values()} == {None, 1}


def test_very_short_titles_under_an_unsigned_long_headline_are_its_intertitles():
    lines = [HEADER, "广州市：锚定“百万英才汇南粤”   打造人才发展新高地", BODY]
    labels = ("就业补贴高", "创业扶持高", "落户无忧")
    for label in labels:
        lines += [label, BODY2]
    got = by_text("\n".join(lines))
    assert [got[t] for t in labels] == [("intertitle", 1)] * 3


def test_intertitle_pairs_with_a_short_box_label_after_each_stay_in_the_story():
    pairs = [
        ("培育书香家庭，阅读活动更丰富——", "大手牵小手  家教新体验"),
        ("助力书香校园，阅读形式更多样——", "聆听+分享  阅读伴成长"),
        ("建设书香社会，阅读阵地更完备——", "空间小而美  身边书香浓"),
    ]
    lines = [HEADER, "“书香是一种氛围”（人文观察）", "本报记者  郑海鸥", BODY, BODY2]
    for upper, lower in pairs:
        lines += [upper, lower, BODY3, BODY, "链接", BODY2]
    got = by_text("\n".join(lines))
    for upper, lower in pairs:
        assert got[upper] == ("intertitle", 1)
        assert got[lower] == ("intertitle", 1)


def test_an_unpunctuated_intertitle_joins_the_punctuated_series_of_an_unsigned_story():
    titles = (
        "坚持以高质量发展统揽全局",
        "优化营商环境，增强发展活力",
        "推动兴业、强县、富民一体发展",
        "增强文化自信，助推经济社会发展",
    )
    lines = [HEADER, "在中国式现代化进程中展现新风采", "——总书记考察重要讲话催人奋进", BODY]
    for title in titles:
        lines += [title, BODY2, BODY3]
    lines += ["（本报记者马跃峰、黄娴）"]
    got = by_text("\n".join(lines))
    assert [got[t] for t in titles] == [("intertitle", 1)] * 4


def test_bulleted_summary_paragraphs_between_a_headline_stack_and_its_dateline_are_its_head():
    bullets = [
        "■过去一年，党中央统揽全局、沉着应变，经济社会发展主要目标任务顺利完成。",
        "■今年是“十四五”规划收官之年，做好政府工作意义重大。",
    ]
    lead = "新华社北京2月28日电  中共中央政治局2月28日召开会议，讨论政府工作报告。"
    text = "\n".join([HEADER, "中共中央政治局召开会议", "讨论政府工作报告", *bullets, lead, BODY])
    got = by_text(text)
    assert [got[b] for b in bullets] == [("subheadline", 1)] * 2
    assert got[lead] == ("body", 1)
    assert got[BODY] == ("body", 1)


def test_a_chart_credit_beside_a_caption_is_a_caption_and_closes_nothing():
    text = "\n".join(
        [
            HEADER,
            "志愿同行，传递爱与希望",
            "本报记者  王  明",
            "图①：社区志愿者在为老人服务。",
            "赵  明摄（影像中国）",
            "数据来源：中央社会工作部",
            "图②：志愿者和交警为公交司机送上热饮。",
            "李尚引摄（影像中国）",
            "制图：张丹峰",
            BODY,
            BODY2,
        ]
    )
    got = by_text(text)
    assert got["数据来源：中央社会工作部"] == ("caption", 1)
    assert got["制图：张丹峰"] == ("caption", 1)
    assert got["图②：志愿者和交警为公交司机送上热饮。"] == ("caption", 1)
    assert got[BODY2] == ("body", 1)


def test_a_long_column_tag_does_not_make_its_headline_body_text():
    # 44 characters of headline and 35 of tag: over a title's 64 characters only with the tag
    headline = (
        "坚持以人民为中心的发展思想，推动城乡公共服务均衡发展，加快建设宜居宜业和美乡村的实践路径"
        "（深入学习贯彻新时代中国特色社会主义思想·原创性概念标识性概念纵横谈）"
    )
    text = "\n".join([HEADER, headline, "李晓明", BODY, BODY2, BODY3])
    got = by_text(text)
    assert got[headline] == ("headline", 1)
    assert got["李晓明"] == ("byline", 1)


def test_a_long_line_ending_in_a_title_mark_is_measured_whole():
    # a bracket early in a long line that ends in 》 is no column tag at its end: the line is
    # as long as it is (its length was measured up to the bracket, 2: read as a short title)
    from annotator.split.cues import END_CLOSE
    from annotator.split.shapes.uncued import _title_length

    line = "关于（试行）办法的解读：" + "深化改革扩大开放推动高质量发展" * 4 + "》"
    assert _title_length(line, END_CLOSE) == len(line)
    tagged = "坚持人民至上的发展思想（纵横谈）"
    assert _title_length(tagged, END_CLOSE) == tagged.index("（")
