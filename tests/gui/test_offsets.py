"""Code point <-> UTF-16 conversion: the one place the window meets the core's offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.gui.offsets import OffsetMap


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_end_of_yoshinoya_with_astral_first_character_is_utf16_four():
    offsets = OffsetMap("𠮷野家")
    assert offsets.to_utf16(3) == 4
    assert offsets.to_utf16(1) == 2
    assert offsets.to_cp(4) == 3
    assert offsets.to_cp(2) == 1
    assert offsets.length16 == 4


def test_text_without_astral_characters_is_the_identity():
    offsets = OffsetMap("市委常委会")
    assert offsets.identity
    assert [offsets.to_utf16(i) for i in range(6)] == list(range(6))


def test_position_inside_a_surrogate_pair_snaps_to_the_character_start():
    offsets = OffsetMap("a𠮷b")
    assert offsets.to_cp(2) == 1  # between the two halves of 𠮷
    assert offsets.to_cp(3) == 2


characters = st.one_of(
    st.sampled_from("市委abc \n𠮷😀𪚥"),
    st.characters(min_codepoint=0x20, max_codepoint=0x2FFFF, exclude_categories=("Cs",)),
)


@given(st.text(alphabet=characters, max_size=60))
def test_conversion_agrees_with_utf16_encoding_and_round_trips(text):
    offsets = OffsetMap(text)
    for cp in range(len(text) + 1):
        pos = offsets.to_utf16(cp)
        assert pos == utf16_len(text[:cp])
        assert offsets.to_cp(pos) == cp


def test_a_layout_break_is_one_position_that_both_sides_of_map_to_its_code_point():
    offsets = OffsetMap("甲𠮷乙丙", breaks=[2])  # a paragraph break before 乙
    assert offsets.document_text("甲𠮷乙丙") == "甲𠮷\n乙丙"
    assert offsets.to_utf16(2) == 4  # 甲 (1) + 𠮷 (2) + the break (1)
    assert offsets.break_position(2) == 3 and offsets.is_break(3) and not offsets.is_break(2)
    assert offsets.to_cp(3) == 2 and offsets.to_cp(4) == 2  # end of line above, start below
    assert offsets.length16 == 6 and not offsets.identity


@given(
    st.text(alphabet=characters, max_size=40).flatmap(
        lambda text: st.tuples(
            st.just(text), st.sets(st.integers(min_value=1, max_value=max(len(text), 1)))
        )
    )
)
def test_conversion_with_layout_breaks_agrees_with_the_document_text(case):
    text, breaks = case
    breaks = {b for b in breaks if b < len(text)}
    offsets = OffsetMap(text, breaks)
    document = offsets.document_text(text)
    assert len(document) == len(text) + len(breaks)
    assert utf16_len(document) == offsets.length16
    for cp in range(len(text) + 1):
        # The character at cp sits after every break at or before it.
        in_document = cp + sum(1 for b in breaks if b <= cp)
        pos = offsets.to_utf16(cp)
        assert pos == utf16_len(document[:in_document])
        assert offsets.to_cp(pos) == cp
    for b in breaks:
        assert offsets.is_break(offsets.break_position(b))
        assert offsets.to_cp(offsets.break_position(b)) == b
