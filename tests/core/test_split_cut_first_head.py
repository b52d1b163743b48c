"""The first paragraph under a headline cut by a column right away (issue 9, session 29): its
head opens as a sentence of news text does (春节期间，…; 他表示，…) and ends open, so it is body
text joined to the rest below, not a subheadline. The text is invented.
"""

from __future__ import annotations

from annotator.split import split_page

BODY = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与其中。"


def blocks(lines: list[str]) -> dict[str, tuple[str, int | None, bool]]:
    text = "\n".join(lines)
    return {text[b.start : b.end]: (b.role, b.article, b.joins_previous) for b in split_page(text)}


def test_a_cut_first_paragraph_opening_as_a_sentence_is_body_joined():
    for head, rest in [
        ("春节期间，记者走进城南区", "一家开了三十年的老字号餐馆，店里坐满了食客。"),
        ("出门吃饭之前，先到网上搜一下", "有什么优惠的餐馆，再决定去哪一家。"),
        ("他表示，今年全市将新建", "社区食堂二十家，方便老人就餐。"),
        ("最近，城南区的老字号餐馆", "推出了一批新菜，吸引不少年轻食客。"),
    ]:
        got = blocks(["老字号里的年味", head, rest, BODY])
        assert got[head][0] == "body", head
        assert got[rest][0] == "body" and got[rest][2], head


def test_a_subheadline_without_a_sentence_opening_stays_a_subheadline():
    sub = "城南老字号餐馆迎来客流高峰"
    got = blocks(["老字号里的年味", sub, "本报记者 张明", BODY, BODY])
    assert got[sub][0] == "subheadline"


def test_a_cut_first_paragraph_opening_with_a_day_and_the_copula_is_body_joined():
    for head, rest in [
        ("今年9月18日是九一八事变", "九十一周年纪念日，各地举行纪念活动。"),
        ("3月12日是我国第四十七个", "植树节，市民纷纷走上山头种下新绿。"),
    ]:
        got = blocks(["各地举行纪念活动", head, rest, BODY])
        assert got[head][0] == "body", head
        assert got[rest][0] == "body" and got[rest][2], head
