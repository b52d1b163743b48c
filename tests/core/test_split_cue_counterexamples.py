"""Counter-examples to the pre-split heading cues of issue 9 (a review of them): lines that
look like a cue's form and must keep their role, and the cues' cases no other test checks.
The pages are invented."""

from __future__ import annotations

import pytest

from annotator.split import split_page

P1 = "新疆某地一望无垠的戈壁上，成片的光伏板在阳光下闪耀，风机叶片缓缓转动。"
P2 = "项目建成后，每年可向外输送清洁电力数百亿千瓦时，有力支撑能源结构优化。"


def by_text(text: str) -> dict[str, tuple[str, int | None]]:
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


@pytest.mark.parametrize("sub", ["——访中国科学院院士 张大明", "——记全国劳动模范 王进喜"])
def test_a_dash_subheadline_of_an_interview_or_profile_with_post_and_name_stays_one(sub):
    # (its form is that of a quotation's signature, ——某大学院长 张三, which ends a quote)
    text = "\n".join(["推动基层服务高质量发展", sub, "本报记者  张  明", P1, P2])
    assert by_text(text)[sub] == ("subheadline", 1)


def test_a_cut_paragraph_head_under_a_short_name_under_a_tagged_headline_joins_its_rest():
    # 怀 is no listed surname: the name is known as the author by the column tag above it;
    # the open line under it, with a word across (深|刻), is the text's cut head, no standfirst.
    head = "教育是国之大计党之大计的重要论断深"
    rest = "刻阐明了教育在现代化建设中的地位和作用。"
    text = "\n".join(["办好人民满意的学校（学习贯彻某会议精神）", "怀志远", head, rest, P2])
    blocks = {text[b.start : b.end]: b for b in split_page(text)}
    assert blocks[head].role == "body"
    assert blocks[rest].joins_previous


def test_a_padded_two_character_name_under_an_untagged_headline_leaves_it_the_headline():
    # 默  达 set wide is a padded name, no main title set as two phrases: the line above it
    # is the headline, not its kicker.
    text = "\n".join(["从年度榜单读懂开放创新", "默  达", P1, P2])
    assert by_text(text)["从年度榜单读懂开放创新"] == ("headline", 1)
