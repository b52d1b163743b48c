"""The ``cut`` form of the structure benches (``bench/structure_styles.py``, reused by
``bench/structure_real.py``) cuts a paragraph where a column ends: at the end of one of its
printed lines, never before a mark that opens no line; the first mode (any character) stays
behind ``CUT_AT_LINE_END`` for comparison, with the same draws (issue 9)."""

from __future__ import annotations

import random

import pytest

from .scripts import load

TEXT = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务，效率比去年提高了三成。"


@pytest.fixture
def styles():
    return load("bench/structure_styles.py")


@pytest.mark.parametrize("width", range(13, 25))
def test_a_cut_falls_at_the_end_of_a_printed_line(styles, width):
    ends = set()
    k = 0
    for line in styles._wrap(TEXT, width, 2).split("\n"):
        k += len(line)
        ends.add(k)
    for seed in range(30):
        at = styles._cut_at(random.Random(seed), TEXT, width)
        assert at in ends and at < len(TEXT), (width, seed, at)
        assert TEXT[at] not in styles._NO_LINE_START


def test_the_first_mode_cuts_anywhere_with_the_same_draw(styles):
    styles.CUT_AT_LINE_END = False
    got = [styles._cut_at(random.Random(seed), TEXT, 16) for seed in range(30)]
    assert got == [random.Random(seed).randint(6, len(TEXT) - 6) for seed in range(30)]
    assert len({TEXT[at] for at in got} & styles._NO_LINE_START) > 0  # (…，/ 群众…)


def test_no_second_part_of_a_cut_paragraph_opens_with_punctuation(styles):
    parts = 0
    for style in styles.STYLES:
        for _, text, gold, _ in styles.pages(style, "dev", 6, ("cut",)):
            for b in gold:
                if b.joins_previous:
                    parts += 1
                    assert text[b.start] not in styles._NO_LINE_START, text[b.start : b.end]
    assert parts > 10


@pytest.mark.parametrize("width", range(6, 25))
def test_no_printed_line_opens_with_a_closing_mark_after_two_in_a_row(styles, width):
    # (…说。” / …: two marks in a row go down with the line's last character; hanging the
    # first alone left a line of a lone ” that the reflow kept as a paragraph of its own)
    text = "他说：“今年的收成比去年好多了。”乡亲们都笑了，“明年还要种得更好！”村支书补充道。"
    lines = styles._wrap(text, width, 2).split("\n")
    assert "".join(lines) == text
    for line in lines[1:]:
        assert line[0] not in styles._NO_LINE_START, (width, lines)
    assert all(len(line) <= width + 1 for line in lines), (width, lines)
