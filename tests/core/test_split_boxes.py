"""A box of related reading under a story (issue 9): its label (延伸阅读, 相关链接), its title
lines and its text are the story's, also right under the story's end note, which otherwise
makes the box's title read as the next story's headline. The pages are invented.
"""

from __future__ import annotations

import pytest

from .split_rows import rows

STORY = [
    "山区小城的绿色转型之路",
    "本报记者  张明",
    "本报讯  近年来，当地坚持生态优先，群众生活水平不断提高，产业结构持续优化。",
    "当地政府加快建设农田水利设施，推动各项工作落地见效，群众满意度不断提高。",
    "（李华参与采写）",
]
BOX_TEXT = [
    "在邻近的河谷小镇，当地把废弃矿坑改造成湿地公园，每年吸引游客数十万人次。",
    "小镇还成立了生态保护志愿队，定期开展巡河护林活动，守护一方山水。",
]
NEXT = [
    "古镇修缮工程顺利完工",
    "本报记者  王建国",
    "本报讯  历时两年的古镇修缮工程日前完工，老街重现昔日风貌。",
]


@pytest.mark.parametrize(
    "titles",
    [
        ["延伸阅读", "河谷小镇的“生态账”"],
        ["【相关链接】", "废弃矿坑变身湿地公园——", "河谷小镇的“生态账”"],
    ],
)
def test_a_box_under_a_storys_end_note_is_the_storys(titles):
    got = rows([*STORY, *titles, *BOX_TEXT, *NEXT])
    for t in titles:
        assert (t, "intertitle", 1, False) in got
    assert (BOX_TEXT[0], "body", 1, False) in got
    assert (NEXT[0], "headline", 2, False) in got


def test_a_box_label_over_a_cut_paragraph_takes_no_title_line():
    head, rest = "在邻近的河谷小镇。当地把废弃矿坑改造成湿地公园，每年吸引", "游客数十万人次。"
    got = rows([*STORY[:-1], "延伸阅读", head, rest, *NEXT])
    assert (head, "body", 1, False) in got
    assert (rest, "body", 1, True) in got
