"""What shows a column cut on a page whose paragraphs may stand one a line as printed (issue 9,
section 1: weigh the evidence of a cut; session 35, guards that no test held).

Where no boundary of a page shows a cut, the weak joins are undone (see
``test_split_joins34``). Each test here gives a page whose one cut shows by one kind of
evidence only, so that the weak join elsewhere on it stands; or a page that shows none, and
what of its decisions is undone and what is not. The text is invented.
"""

from __future__ import annotations

from annotator.split.joins import assign_joins
from annotator.split.paragraphs import paragraph_layout
from annotator.split.shapes import shapes
from tests.core.test_split_joins31 import joins
from tests.core.test_split_joins34 import BODY, LABEL, UNDER, split_roles


def decisions(text: str) -> dict[str, tuple[bool, float]]:
    """As ``joins``, with each decision's confidence."""
    ranges, layout = paragraph_layout(text)
    shaped = shapes(text, ranges)
    roles = [("body", 1.0)] * len(shaped)
    articles = [(1, 1.0)] * len(shaped)
    got = assign_joins(shaped, roles, articles, text, layout)
    return {text[a:b]: d for (a, b), d in zip(ranges, got, strict=True)}


def _page(*cut: str) -> str:
    """Body text with ``cut`` in it and, further down, a label over a paragraph (a weak join)."""
    return "\n".join([*BODY, *BODY, *BODY, *cut, *BODY, LABEL, UNDER, *BODY])


def test_a_dash_cut_in_two_shows_the_cut():
    # …举办地— / —浙江乌镇…: a sure join that no comma, no punctuation opening the rest and
    # no open end shows
    head = "每年的这个时候，人们的目光都会投向世界互联网大会的举办地—"
    rest = "—浙江乌镇，今年的大会又吸引了来自全球的数千名嘉宾。"
    got = joins(_page(head, rest))
    assert got[rest] is True
    assert got[UNDER] is True


def test_a_comma_at_a_paragraph_s_end_shows_the_cut_whatever_is_decided_there():
    # an enumerated sentence cut at its comma: the list rule keeps the items apart, and yet
    # no paragraph ends on a comma (一是…， / 二是…)
    head = "一是加强日常监管，"
    rest = "二是完善收费标准，让群众明明白白消费。"
    got = joins(_page(head, rest))
    assert got[rest] is False
    assert got[UNDER] is True


def test_a_head_read_as_cut_shows_the_cut():
    # a title-shaped line that opens as a sentence of news text (春节期间，…) is read as the
    # head of the paragraph below (see mark_cut_heads), though no word runs across
    head = "春节期间，县里组织文艺小分队走村入户"
    rest = "为群众送去了一场场精彩的文艺演出，受到村民们的热烈欢迎。"
    text = "\n".join([*BODY, *BODY, *BODY, head, rest, *BODY, *BODY])
    got = split_roles(text)
    assert got[head] == ("body", False)
    assert got[rest] == ("body", True)


def test_a_clause_left_open_by_its_last_word_shows_the_cut():
    # …必须 / 把…: a modal verb needs its clause, no word runs across
    head = "县里召开安全生产工作会议，会上强调，做好今年的安全生产工作，各乡镇必须"
    rest = "把安全责任落实到每一个岗位，确保不发生重大事故。"
    got = joins(_page(head, rest))
    assert got[rest] is True
    assert got[UNDER] is True


def test_a_semicolon_is_weak_evidence_of_a_cut():
    # a paragraph that ends on ； on a page where nothing shows a cut: an item of a list set
    # one a line, not a paragraph a column cut
    item = "这几年，村里修了路、通了水，还建起了文化广场和农家书屋；"
    below = "村民们说，日子一年比一年好，大家心里都亮堂了。"
    text = "\n".join([*BODY, *BODY, *BODY, item, below, *BODY, *BODY])
    assert joins(text)[below] is False


def test_sixteen_boundaries_are_enough_fifteen_are_not():
    # 16 paragraphs (15 boundaries) keep the weak join; 17 (16 boundaries) undo it
    fifteen = "\n".join([*BODY, *BODY, *BODY, LABEL, UNDER, BODY[0], BODY[1]])
    assert joins(fifteen)[UNDER] is True
    sixteen = "\n".join([*BODY, *BODY, *BODY, LABEL, UNDER, BODY[0], BODY[1], BODY[2]])
    assert joins(sixteen)[UNDER] is False


def test_a_page_without_cuts_changes_only_its_weak_joins():
    # a field line of a notice (no join, 0.7) and the sentence ends (no join, 0.95) keep
    # their confidences; the weak join under the label is undone
    field = "时间：3月6日上午"
    text = "\n".join([*BODY, *BODY, *BODY, field, BODY[0], LABEL, UNDER, *BODY])
    got = decisions(text)
    assert got[UNDER] == (False, 0.6)
    assert got[BODY[0]] == (False, 0.95)
    assert got[BODY[1]] == (False, 0.95)
    # (the last BODY[1], under the field line, is the one kept)
    text = "\n".join([*BODY, *BODY, *BODY, LABEL, UNDER, *BODY, field, BODY[1]])
    got = decisions(text)
    assert got[UNDER] == (False, 0.6)
    assert got[BODY[1]] == (False, 0.7)


def test_joins_without_the_page_text_read_the_endings_alone():
    # (no text: no cut can be looked for, and the weak joins stand)
    text = "\n".join([*BODY, *BODY, *BODY, LABEL, UNDER, *BODY, *BODY])
    ranges, layout = paragraph_layout(text)
    shaped = shapes(text, ranges)
    n = len(shaped)
    got = assign_joins(shaped, [("body", 1.0)] * n, [(1, 1.0)] * n)
    assert got[ranges.index(next(r for r in ranges if text[r[0] : r[1]] == UNDER))][0] is True
