"""The whole-page word tests of the ORG/LOC rules (annotator.suggest.orgs_places.common.
PageWords), answered by the page scan: the same answers as ``in`` and ``str.find``."""

from __future__ import annotations

import random

import pytest

from annotator.suggest.orgs_places.common import PageWords

_WORDS = PageWords("委会", "公司", "会议")
_EACH = PageWords("击败", "败给", "战胜", each=True)
_ONE = PageWords("代表大会")


def _finds(text: str, word: str) -> list[tuple[int, int]]:
    out, i = [], text.find(word)
    while i != -1:
        out.append((i, i + len(word)))
        i = text.find(word, i + len(word))
    return out


def test_page_words_answer_as_in_and_find_do():
    """On random texts (overlapping words included: 委会议, 击败给), ``in_page`` is ``in`` of
    any word, ``held`` the words that ``in`` finds, ``starts`` the places ``find`` gives."""
    rng = random.Random(11)
    alphabet = "委会议公司击败给战胜代表大，"
    for _ in range(300):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 30)))
        assert _WORDS.in_page(text) == any(w in text for w in ("委会", "公司", "会议"))
        assert _EACH.held(text) == {w for w in ("击败", "败给", "战胜") if w in text}
        assert _ONE.starts(text) == _finds(text, "代表大会")


def test_page_words_of_several_lengths_tell_no_held_words():
    """``each`` needs words of one length (their starts give them)."""
    with pytest.raises(ValueError, match="one length"):
        PageWords("击败", "败给了", each=True)
