"""Long lines of places run together (an OCR'd table or list that lost its separators): the
place rules take time linear in the line (issue 10)."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.suggest.orgs_places import find_org_place_candidates
from annotator.suggest.orgs_places.tagged import _overlapping, tagged_places


def test_tagged_places_over_many_listed_places_take_linear_time():
    # every tagged word was tested against every listed place: about 13 s for these 60,000
    # characters (a third of a second now)
    text = "北京市" * 20_000
    listed = [(i, i + 2) for i in range(0, len(text), 3)]
    start = time.process_time()
    tagged_places(text, listed)
    assert time.process_time() - start < 3


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)), max_size=12),
    st.integers(0, 45),
    st.integers(1, 6),
)
def test_the_overlapping_listed_places_are_those_of_a_test_of_each(spans, s, n):
    listed = [(a, a + k) for a, k in spans]
    e = s + n
    want = sorted((a, b) for a, b in listed if a < e and s < b)
    assert _overlapping(listed)(s, e) == want


def test_a_chain_of_places_run_together_takes_linear_time():
    # each of 北京 and 北京市 read the whole chain of places after it again: 3,000 characters
    # took 4 s, 30,000 about six minutes
    start = time.process_time()
    spans = find_org_place_candidates("北京市" * 10_000)
    assert time.process_time() - start < 5
    assert (3, 6, "LOC", {}) in spans
