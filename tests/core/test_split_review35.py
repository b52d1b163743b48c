"""Invented pages of other papers' styles where branch s35-heads' rules did harm (issue 9).

Each test is a reviewer's page: a change made for one paper's pages must leave these as the
rules read them before it.
"""

from __future__ import annotations

from annotator.split import split_page

HEADER = "2025年3月12日  星期三  本地新闻  A05"
B1 = "记者从市交通运输局获悉，本市将于下月起新增公交线路12条，方便市民出行。"
B2 = "据介绍，新线路主要覆盖新建住宅小区和产业园区，高峰时段发车间隔不超过10分钟。"
B3 = "市民张女士说：“以前上班要换乘两次，以后一趟车就到了，省了不少时间。”"
B4 = "下一步，有关部门将根据客流变化，继续优化线网布局，提升公交服务水平。"


def by_text(lines: list[str]) -> dict[str, tuple[str, int | None]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


def test_a_spaced_headline_over_a_shorter_plain_line_stays_the_headline():
    # whether an unmarked first line is a kicker or the headline is each paper's convention
    # (the learnt model's to tell); an evening paper sets its spaced headline over a short
    # subheadline; counted without its padding spaces it is not clearly longer
    for head, sub in (
        ("减税降费落地见效  企业轻装上阵", "一季度新增减税超百亿元"),
        ("春耕备耕有序  农资供应充足", "各地抓好粮食生产工作"),
    ):
        got = by_text([HEADER, head, sub, "本报记者 王  磊", B1, B2, B3])
        assert got[head] == ("headline", 1)
        assert got[sub] == ("subheadline", 1)


def test_a_chart_credit_under_a_byline_that_closes_its_text_closes_the_article():
    # evening papers sign at the end: the byline closes the text above, so the source line
    # under it is no chart credit of the next story's front
    lines = [HEADER, "二手房成交量环比回升", B1, B2, "本报记者 周  敏", "数据来源：市住建局"]
    got = by_text([*lines, "三月楼市观察", "本报记者 吴  刚", B3, B4])
    assert got["数据来源：市住建局"][1] == 1
    assert got["三月楼市观察"] == ("headline", 2)
    assert got[B3] == ("body", 2)


def test_a_bracketed_aside_of_short_clauses_or_figures_is_no_series_tag():
    # a series' slogan is two phrases of words; an aside of weather or a stock code around a
    # comma is part of the subheadline, so the line above stays the headline
    for page in (
        [HEADER, "明天起气温回升", "周末最高气温可达20℃（周六晴，周日多云）", "本报记者 孙  悦"],
        [
            "2025年3月12日  证券市场周刊  B02",
            "一季度净利润同比增长15%",
            "某某科技发布业绩预告（600123，沪市主板）",
            "本报记者 钱  程",
        ],
    ):
        got = by_text([*page, B1, B2])
        assert got[page[1]] == ("headline", 1)
        assert got[page[2]] == ("subheadline", 1)


def test_readers_signatures_under_their_letters_stay_bylines_whatever_the_name():
    # a place and a name under a letter's text sign it: a Tibetan name or a pen name opens
    # with no Han surname; only a line among the titles (or right over a byline) is a title
    page = [HEADER, "读者来信", "小区门口的路灯该修了", B3, B4, "西藏拉萨市  次仁卓玛"]
    page += ["公交站台能否加个雨棚", B2, B4, "江苏南京市  老  纪", "老人办卡难题待解", B1, B4]
    got = by_text(page)
    assert got["西藏拉萨市  次仁卓玛"] == ("byline", 1)
    assert got["公交站台能否加个雨棚"] == ("headline", 2)
    assert got["江苏南京市  老  纪"] == ("byline", 2)
    assert got["老人办卡难题待解"] == ("headline", 3)


def test_stories_of_headline_over_longer_subheadline_under_a_tagged_headline_stay_stories():
    # a set's piece headed by two lines sets who over the title, the first no shorter; a
    # headline over a longer subheadline with its byline is a story of its own
    page = ["2025年3月12日  经济导报  A03", "一季度经济运行观察（数说经济）"]
    stories = [
        ("消费市场回暖", "社零总额同比增长6%", "本报记者  李  华", B3, B4),
        ("外贸稳中有进", "出口额创同期新高", "本报记者  赵  刚", B2, B4),
        ("投资结构优化", "高技术产业投资加快", "本报记者  孙  悦", B1, B4),
    ]
    got = by_text(page + [line for story in stories for line in story])
    for n, (head, sub, *_rest) in enumerate(stories, start=1):
        assert got[head] == ("headline", n)
        assert got[sub] == ("subheadline", n)


def test_a_title_under_a_credited_photo_item_opens_the_next_story():
    # a photo item is its title and its photographer's credit; the brief under it, with no
    # byline or lead marker, is a story of its own, not the item's first 小标题
    for item in (["春到公园", "张  伟  摄"], ["城市新地标", "图①", "图②", "张  伟  摄"]):
        got = by_text(
            [HEADER, *item, "地铁5号线今起试运行", B1, B2, "老旧小区加装电梯提速", B2, B4]
        )
        assert got["地铁5号线今起试运行"] == ("headline", 2)
        assert got[B1] == ("body", 2)
        assert got["老旧小区加装电梯提速"] == ("headline", 3)


def test_two_phrases_trailing_off_over_a_小标题_stay_body_text():
    # 甲、乙…… over a headline lists what the story is about; over a 小标题 that runs into
    # the text it is the last sentence of the section above
    line = "超市里人头攒动、热闹非凡……"
    got = by_text([HEADER, "年货市场人气旺", "本报记者 赵  静", B1, line, "线上年货也火爆", B2, B4])
    assert got[line] == ("body", 1)
    assert got["线上年货也火爆"] == ("intertitle", 1)


def test_an_end_note_with_a_word_after_网发_or_社发_closes_its_article():
    # 电网发电, 合作社发源: the 发 of a word, not of a photo release (（新华社发）); the note
    # is the author's, closing the article above
    for note in (
        "（作者为某省电网发电调度中心主任）",
        "（作者为某县农民专业合作社发源地纪念馆馆长）",
    ):
        page = [HEADER, "新能源消纳要打通堵点（专家视角）", "王  明", B1, B2, note]
        got = by_text([*page, "春耕备耕有序推进", "本报记者 李  华", B2, B4])
        assert got[note][0] != "caption"
        assert got["春耕备耕有序推进"] == ("headline", 2)
