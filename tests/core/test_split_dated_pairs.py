"""A kicker and a headline inside the text of a story dated at its head (issue 9).

A news story opened by its dateline runs without 小标题: two title lines between its
paragraphs, the first clearly the longer, are the kicker and the headline of an unsigned story
of their own (an advertorial, a feature without byline), not one two-line intertitle. The pages
are invented.
"""

from __future__ import annotations

from .split_rows import rows

DATED = [
    "杭州地铁新线开通运营",
    "本报杭州12月4日电  （记者张明）12月3日，杭州地铁新线开通运营，全长约二十公里，设站十五座。",
    "据介绍，新线连接城东和城西两大片区，沿线覆盖多所学校和医院，将有效缓解地面交通压力。",
    "运营首日，不少市民专程前来体验，车站秩序井然，各项设施运行平稳。",
]
STORY = [
    "当古城的第一场雪落下，游客们纷纷走上城墙，拍下银装素裹的美景，感受别样的冬日风情。",
    "今年冬天，当地推出一系列惠民举措，景区门票半价，公交线路加密，游客满意度持续提升。",
    "从雪景观赏到民俗体验，从特色美食到夜间演出，古城的冬游产品越来越丰富。",
]


def test_a_longer_line_over_a_shorter_one_in_a_dated_story_opens_a_story():
    kicker, headline = "惠民措施落地见效、游客满意度持续提升", "古城冬游迎来新热潮"
    got = rows([*DATED, kicker, headline, *STORY])
    assert (kicker, "kicker", 2, False) in got
    assert (headline, "headline", 2, False) in got
    assert (STORY[0], "body", 2, False) in got
    assert (DATED[3], "body", 1, False) in got


def test_a_topic_over_a_longer_title_in_a_dated_story_opens_no_story():
    topic, title = "服务升级", "车站增设无障碍设施，便利老年乘客出行"
    got = rows([*DATED, topic, title, *STORY])
    assert {article for _, _, article, _ in got} == {1}
