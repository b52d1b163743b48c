"""Speed-ups of the rule suggesters give the same answers as the plain code they replace.

Each shortcut is checked against the plain version, kept here as the reference, on every
position of the pages the repository ships and on random text (hypothesis).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.resources import seeds_dir
from annotator.suggest.people import running


def _shipped_pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]


def _may_reach_reference(text: str, i: int) -> bool:
    """running._may_reach as it was: the honorifics first, each tried in turn."""
    if text.startswith(running._HONORIFICS, i + 1):
        return True
    base = running._SURNAME[text[i]] + running._GIVEN.get(text[i + 1 : i + 2], running._UNSEEN)
    if base - running._TWO_PENALTY >= running.THRESHOLD:
        return True
    given = running._GIVEN.get(text[i + 2 : i + 3], running._UNSEEN)
    return base + given + running._THREE_BONUS >= running.THRESHOLD


def _surname_positions(text: str) -> list[int]:
    return [m.start() for m in running._SURNAME_RE.finditer(text)]


def test_the_name_bound_decides_as_before_on_the_shipped_pages() -> None:
    pages = _shipped_pages()
    assert pages
    checked = 0
    for text in pages:
        for i in _surname_positions(text):
            assert running._may_reach(text, i, running._GIVEN.get) == _may_reach_reference(
                text, i
            ), (text[i : i + 4], i)
            checked += 1
    assert checked > 100


# surnames, honorifics' characters and a few others, so that every branch is taken
_HONORIFIC_CHARS = "".join(sorted({c for w in running._HONORIFICS for c in w}))
_ALPHABET = "王李张程周欧阳" + _HONORIFIC_CHARS + "的说，"


@given(st.text(_ALPHABET, max_size=12))
def test_the_name_bound_decides_as_before_on_any_text(text: str) -> None:
    for i in _surname_positions(text):
        assert running._may_reach(text, i, running._GIVEN.get) == _may_reach_reference(text, i)
        assert running._honorific_at(text, i + 1) == text.startswith(running._HONORIFICS, i + 1)
