"""Heading and end-line layouts of local dailies and evening papers the rules had never seen
(issue 9, §1; session 27's development set of twelve unseen papers). The pages are invented.

* 据新华社 (据央视, 据新闻联播…) alone under a story's last paragraph says where the story came
  from: the story's last line, not the headline of a short item, and the next heading opens
  the next article.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page

from .test_split_general import BODY

LEAD = "近日，有关部门印发通知，部署今年的重点工作，要求各地抓好落实。"


def blocks_of(lines: list[str]) -> dict[str, tuple[str, int | None]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


@pytest.mark.parametrize("source", ["据新华社", "据央视新闻", "据新闻联播", "据人民日报客户端"])
def test_a_source_alone_under_the_text_closes_the_story(source):
    got = blocks_of(
        ["全省春耕生产全面展开", LEAD, BODY, source, "城乡公交网络跑出加速度", LEAD, BODY]
    )
    assert got[source] == ("byline", 1)
    assert got["城乡公交网络跑出加速度"] == ("headline", 2)


def test_a_short_title_opening_with_ju_is_no_source():
    got = blocks_of(["全省春耕生产全面展开", LEAD, BODY, "据理力争", LEAD, BODY])
    assert got["据理力争"][0] != "byline"
