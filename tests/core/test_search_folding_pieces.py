"""Review cases of the search highlight (found_ranges): NFKC composing across pieces
of combining class 0 (half-width kana, Hangul jamo) and one range never repeated. Made-up text."""

from __future__ import annotations

import pytest

from annotator.store.folding import fold, found_ranges


@pytest.mark.parametrize(
    ("text", "search", "want"),
    [
        ("ｶﾞｽ会社", "ガス", [(0, 3)]),  # half-width voiced mark (ccc 0) composes under NFKC
        ("ᄀ\u1161", "가", [(0, 2)]),  # conjoining Hangul jamo compose too
    ],
)
def test_a_page_search_finds_is_highlighted(text, search, want):
    assert fold(search) in fold(text)  # search lists the page ...
    assert found_ranges(text, search) == want  # ... so the window must find the hit


def test_no_highlight_where_search_finds_nothing():
    assert fold("ｶ") not in fold("ｶﾞ")
    assert found_ranges("ｶﾞ", "ｶ") == []


def test_hits_do_not_repeat_one_range():
    # ⑪ folds to "11": one range of the text, once; else F3 never gets past it
    assert found_ranges("第⑪条和第⑫条", "1") == [(1, 2), (5, 6)]
    assert found_ranges("Straße", "s") == [(0, 1), (4, 5)]
