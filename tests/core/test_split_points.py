"""A long subheadline of phrases side by side (a meeting's points) is no body text.

A report of a meeting prints, under its headline, the points it dealt with as phrases set
apart by spaces, without any sentence end, often longer than any title; body text ends its
sentences. The text is invented.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page
from annotator.split.shapes import TITLE, shape

POINTS = (
    "研究部署进一步做好城乡居民基本养老保险工作的有关措施  "
    "听取全省农田水利设施建设和高标准农田改造情况汇报  "
    "讨论通过《关于加快推进社区养老服务体系建设的实施意见（草案）》"
)
LEAD = "本报杭州3月4日电  省政府3日召开常务会议，研究部署城乡居民养老保险工作。会议指出，要扎实做好各项工作。"


@pytest.mark.parametrize("gap", ["  ", " "])
def test_a_long_line_of_points_under_a_headline_is_its_subheadline(gap):
    points = POINTS.replace("  ", gap)
    assert len(points) > 64
    text = "\n".join(["省政府召开常务会议", points, LEAD, "会议还研究了其他事项。"])
    got = [(text[b.start : b.end], b.role, b.article) for b in split_page(text)]
    assert got[:3] == [
        ("省政府召开常务会议", "headline", got[0][2]),
        (points, "subheadline", got[0][2]),
        (LEAD, "body", got[0][2]),
    ]


def test_a_long_sentence_or_a_table_row_is_no_line_of_points():
    sentence = POINTS.replace("  ", "，") + "。"
    assert shape(sentence, 0, len(sentence)).kind != TITLE
    row = "杭州市  宁波市  温州市  嘉兴市  湖州市  绍兴市  金华市  衢州市  舟山市  台州市  丽水市  合计  一二三四五六七八九十"
    assert shape(row, 0, len(row)).kind != TITLE
