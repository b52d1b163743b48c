"""The split of pages made of what converters leave: every kind of line and paragraph
separator Python knows (form feed, file/group/record separators, NEL, U+2028/U+2029), a lone
carriage return, full-width and no-break spaces, markdown marks standing alone, very long
lines and empty pages. Whatever the text, ``split_page`` gives a well-formed partition and
each article's clean text maps every kept character back to the page (issue 11)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.split import split_page
from annotator.text import derive_articles

from .test_split_properties import check_well_formed

_ODD = ["\n", "\n\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
_MARKS = ["#", "# ", "##", "**", "*", "  \n", "\u3000", "\xa0", " ", "\t", "——", "■"]
_WORDS = ["本报讯", "记者 张三", "会议召开。", "标题", "𠮷野家", "ＡＢＣ１２３", "甲" * 300]

ODD_PAGES = st.lists(st.sampled_from([*_ODD, *_MARKS, *_WORDS]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(ODD_PAGES)
def test_split_of_pages_with_odd_separators_is_well_formed_and_maps_back(text: str) -> None:
    check_well_formed(text)
    blocks = split_page(text)
    for article in derive_articles(text, blocks).values():
        for p in range(len(text)):
            a = article.to_article(p)
            if a is not None:
                assert article.text[a] == text[p]
                assert article.to_page(a) == p
