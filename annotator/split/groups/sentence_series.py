"""Series of short sentences set apart in one article: intertitles written as whole sentences
(第一组，是对…。 / 第二组，…。 / 第三组，…。; 到麦田里学什么？学…。 three times over).

A 小标题 may end with a full stop or a question mark, so it reads as a short body paragraph;
what gives it away is its series: three or more short lines of one article that open with the
same characters (any run of numerals read as one mark), each standing alone between longer
paragraphs. Body text does not repeat its openings line after line in short sentences set apart
by long ones; a series set in parallel is the same cue the parallel title lines give
(``parallel``). The opening is words, not a phrase's mark: a short word and its comma (他说，,
同时，) is no shared opening, quoted speech (“我们…) is the text's, and a discourse opener
closed by a comma right after the opening (据了解，, 他表示，, 记者了解到，) is body text
repeating itself; a numbered opening before its comma (第一组，) is a series.
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.split import cues
from annotator.split.shapes import BODY, Shape, after_unfinished

from .group import Group

# At least this many lines make a series (as PARALLEL_SERIES of title lines).
SERIES_MIN = 3
# A line of a series is at most this long; the text between two of them holds a longer one.
SERIES_LINE_MAX_CHARS = 32
# The characters the lines of a series share at their start (numerals as one mark): three,
# as parallel sentences of body text share two (他们矢志… / 他们锐意… / 他们扎根…).
OPENING_CHARS = 3
_NUMERALS = rules_regex.compile("[一二三四五六七八九十0123456789０１２３４５６７８９]+")
_NUMERAL_MARK = "#"
# An opening of words only: Han characters or a numeral's mark, no punctuation among them.
_WORDS = rules_regex.compile(rf"[{cues.HAN}#]{{{OPENING_CHARS}}}")
# A comma at most this many characters after the opening closes a discourse opener (据了解，,
# 记者了解到，) when the opening holds no numeral.
_OPENER_COMMA_WITHIN = 4
# A speaker's turn (记者：…？ over each answer) opens with a label before a colon; a numbered
# question (一问：…？) is a 小标题.
_SPEAKER_MAX_CHARS = 4


def sentence_series(text: str, shapes: list[Shape], groups: list[Group]) -> None:
    """Mark the lines of every series of short sentences inside one article as intertitles
    (see the module): each a body paragraph ending a sentence (not the rest of a paragraph
    cut under an unfinished line), at most
    ``SERIES_LINE_MAX_CHARS`` long, with a longer body paragraph between it and the next line
    of its series, and no title group between the first and the last."""
    tops = [g.top for g in groups]
    series: dict[str, list[int]] = {}
    for p, sh in enumerate(shapes):
        key = None if after_unfinished(shapes, p) else _opening(text, sh)
        if key is not None:
            series.setdefault(key, []).append(p)
    for lines in series.values():
        if len(lines) >= SERIES_MIN and _apart(shapes, lines, tops):
            for p in lines:
                shapes[p].intertitle = True


def _opening(text: str, sh: Shape) -> str | None:
    """The opening a line is compared by, None for a paragraph that is no line of a series."""
    if (
        sh.kind != BODY
        or sh.cont
        or sh.intertitle
        or sh.ending != cues.END_FINAL
        or sh.end - sh.start > SERIES_LINE_MAX_CHARS
    ):
        return None
    line = text[sh.start : sh.end]
    if "\n" in line:
        return None
    colon = line.find("：", 0, _SPEAKER_MAX_CHARS + 1)
    if colon > 0 and _NUMERAL_MARK not in _marked(line[:colon]):
        return None  # a speaker's turn, not a numbered question
    marked = _marked(line)
    opening = marked[:OPENING_CHARS]
    if not _WORDS.fullmatch(opening):
        return None  # a word and its comma, or quoted speech (“…): no shared words
    comma = marked.find("，", OPENING_CHARS, OPENING_CHARS + _OPENER_COMMA_WITHIN + 1)
    if comma >= 0 and _NUMERAL_MARK not in marked[:comma]:
        return None  # a discourse opener (据了解，) the text repeats
    return opening


def _marked(text: str) -> str:
    """``text`` with each run of numerals one mark (第十一组 and 第二组 alike: 第#组)."""
    return _NUMERALS.sub(_NUMERAL_MARK, text)


def _apart(shapes: list[Shape], lines: list[int], tops: list[int]) -> bool:
    """Whether each line of ``lines`` stands apart from the next, a longer body paragraph
    between them, and no title group opens between the first and the last."""
    first, last = lines[0], lines[-1]
    if any(first < t <= last for t in tops):
        return False
    for p, q in zip(lines, lines[1:], strict=False):
        between = shapes[p + 1 : q]
        if not any(sh.kind == BODY and sh.end - sh.start > SERIES_LINE_MAX_CHARS for sh in between):
            return False
    return True
