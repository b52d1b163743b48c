"""The head of a paragraph cut by a column break with no word running across the cut (issue 9).

A title-shaped line is read as body text, the head of the paragraph below, when its own text or
the start of that paragraph shows the cut: it ends on a comma, a pause mark or a particle, or on
a preposition or a conjunction that needs what follows (来自, 因为); it
leaves a quotation open that the paragraph below closes; the paragraph below opens with a
sentence too short to open a paragraph; or, right under body text, it ends a sentence inside. Else, under a commentary's name it reads as a summary
line (standfirst) and in a story with 小标题 as one more intertitle, and the cut paragraph stays
in two. The pages are invented.
"""

from __future__ import annotations

import pytest

from annotator.split.joins import mark_cut_heads
from annotator.split.paragraphs import paragraph_layout
from annotator.split.shapes import shapes

from .split_rows import rows

COMMENT = ["让绿色成为发展的底色（人民论坛）", "李  明"]
STORY = [
    "山区小城的绿色转型之路",
    "本报记者  张明",
    "本报讯  近年来，当地坚持生态优先，群众生活水平不断提高，产业结构持续优化。",
    "更注重生态性，守住青山绿水的发展底线",
    "当地政府加快建设农田水利设施，推动各项工作落地见效，群众满意度不断提高。",
    "社区居民积极推进社区养老服务，多所高校积极参与职业技能培训，吸引了大批年轻人回乡创业。",
    "更注重特色性，打造富民增收的产业集群",
    "合作社大力发展特色产业园区，企业订单明显增加，村民的腰包越来越鼓。",
]
MORE = [
    "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭，群众满意度不断提高。",
    "当地还将继续完善相关政策，推动各项工作落地见效，让更多人共享发展成果。",
]
CUTS = {
    "pause": ("当地还组织专家深入田间地头，开展技术指导、", "政策宣讲等多项服务，受到农民欢迎。"),
    "particle": ("村里把闲置的老校舍改造成了研学基地和", "农产品展销中心，年接待游客十余万人次。"),
    "quote": ("这几年，“慢生活”成了热词。走进小城，“", "慢生活”的气息扑面而来，游客络绎不绝。"),
    "short rest": ("去年全村集体经济收入突破百万元大关", "创下新高。村民们纷纷点赞，干劲更足了。"),
    "preposition": (
        "老照片里拍下的这些居民来自",
        "城关街道的几个社区，他们都在桥边生活了大半辈子。",
    ),
    "conjunction": ("这项改革之所以推得动是因为", "群众得到了实实在在的好处，干劲更足了。"),
}


@pytest.mark.parametrize("cut", CUTS, ids=list(CUTS))
def test_a_cut_first_paragraph_under_a_commentarys_name_is_no_summary_line(cut):
    head, rest = CUTS[cut]
    got = rows([*COMMENT, head, rest, *MORE])
    assert got[1] == ("李  明", "byline", 1, False)
    assert (head, "body", 1, False) in got
    assert (rest, "body", 1, True) in got


@pytest.mark.parametrize("cut", ["pause", "short rest"])
def test_a_cut_paragraph_among_a_storys_intertitles_is_no_intertitle(cut):
    head, rest = CUTS[cut]
    got = rows([*STORY, head, rest, *MORE])
    assert (head, "body", 1, False) in got
    assert (rest, "body", 1, True) in got
    assert (STORY[6], "intertitle", 1, False) in got


def test_a_summary_line_over_a_paragraph_of_its_own_stays_under_the_name():
    summary = "绿色发展不是选择题，而是必答题。守住生态底线就是守住发展的根基"
    got = rows([*COMMENT, summary, *MORE])
    assert (summary, "subheadline", 1, False) in got
    assert (MORE[0], "body", 1, False) in got


def test_an_intertitle_over_a_paragraph_opening_with_a_short_sentence_stays_one():
    # (a sentence of six characters or fewer would read as the rest of one cut above)
    title = "更注重共享性，让发展成果惠及更多群众"
    opening = "一张网连起千家万户。据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。"
    got = rows([*STORY, title, opening, *MORE])
    assert (title, "intertitle", 1, False) in got
    assert (opening, "body", 1, False) in got


def test_an_open_line_under_text_that_ends_a_sentence_inside_is_a_cut_paragraphs_head():
    head, rest = "一是明确总体要求。明确促进工作的基本原则", "和主要目标，营造良好氛围。"
    got = rows([*STORY, head, rest, *MORE])
    assert (head, "body", 1, False) in got
    assert (rest, "body", 1, True) in got


def test_a_short_list_item_ending_in_a_semicolon_is_no_title_line():
    # Read as a title, the item made a two-line title of the 小标题 over it, left as body text.
    intertitle = "便民服务能力、治理水平跃上新台阶"
    items = [
        "城东街道，新建社区食堂三处，老人就餐更方便；",
        "城西街道，新建社区食堂的同时改造老旧小区十二个，加装电梯四十余部，群众出行更加便利；",
        "城北街道，开通社区公交线路两条，打通了居民出行的最后一公里。",
    ]
    page = [
        "让小城生活更便利（城市观察）",
        "本报记者  张  明",
        "这些年，小城的变化有目共睹，群众的获得感不断增强，城市面貌焕然一新。",
        "群众的获得感从何而来？记者进行了采访。",
        intertitle,
        *items,
        "一件件实事，让居民的日子越过越舒心。",
        "城市更新加快推进",
        *MORE,
    ]
    got = rows(page)
    assert (intertitle, "intertitle", 1, False) in got
    assert (items[0], "body", 1, False) in got
    assert (items[1], "body", 1, False) in got


def test_a_name_ending_on_a_particles_character_under_a_headline_stays_its_byline():
    # (a surname the lexicon does not know: the name is read from its place under the tag)
    got = rows([*COMMENT[:1], "犇  以", *MORE])
    assert got[1] == ("犇  以", "byline", 1, False)


# 春风吹绿山 / 村，…: a segmenter finds 山村 across the boundary.
PAGE_HEADER = "2024年5月8日  星期三  乡村  第5版"
TOP_TITLE = "春风吹绿山"
TOP_TEXT = "村，游客一天比一天多，农家乐的生意也跟着红火起来，村民们的腰包越来越鼓。"
TOP_MORE = "据统计，全村已建成便民服务网点三十余处，惠及上千户家庭，群众满意度不断提高。"


def _cut_heads(lines: list[str]) -> dict[str, bool]:
    """Which paragraphs ``mark_cut_heads`` read as the head of a cut paragraph."""
    text = "\n".join(lines)
    shaped = shapes(text, paragraph_layout(text)[0])
    mark_cut_heads(text, shaped)
    return {text[sh.start : sh.end]: sh.demoted for sh in shaped}


def test_the_first_title_line_under_the_page_header_is_never_a_cut_head():
    # No column cut falls above the page's first line: the word across is chance there.
    assert _cut_heads([PAGE_HEADER, TOP_TITLE, TOP_TEXT, TOP_MORE])[TOP_TITLE] is False


def test_the_same_line_under_a_continuation_mark_or_under_text_is_a_cut_head():
    assert _cut_heads([PAGE_HEADER, "（上接第1版）", TOP_TITLE, TOP_TEXT, TOP_MORE])[TOP_TITLE]
    assert _cut_heads(["山乡新貌", "本报记者 张明", TOP_MORE, TOP_TITLE, TOP_TEXT])[TOP_TITLE]
