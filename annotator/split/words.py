"""Whether a word runs across a paragraph boundary: the cut-word cue of a column break.

A column or page break cuts a paragraph anywhere, often inside a word (农田水利设|施); a word
that a segmenter finds across the end of one paragraph and the start of the next is true of
about half of all such cuts and almost never of two paragraphs. The rules (``joins``) and the
learnt structure model (``annotator.learn.structure``) both read this one function, so the
two compute the cue one way.

The words are jieba's entries of two to six characters (``annotator.short_words``, a cache
file shared with the running-name rule: loaded once per process, on the first look-up).
Without jieba the cue finds nothing. Pure: no Qt, no SQL.
"""

from __future__ import annotations

from annotator import short_words

_WINDOW = 3  # characters each side of the boundary that the segmenter looks at
assert 2 * _WINDOW <= short_words.LONGEST  # the cached entries cover every look-up
_MARKS_AFTER = "*_ \t"  # stripped from the end of the previous paragraph
_MARKS_BEFORE = "*_ \t#"  # stripped from the start of the next one


def _edge(text: str, end: bool) -> str:
    """The ``_WINDOW`` characters at the end (or start) of ``text`` without its marks;
    a slice of the text first, so that a long paragraph is not copied to strip it."""
    reach = 4 * _WINDOW
    if end:
        cut = text[-reach:].rstrip(_MARKS_AFTER)
        if len(cut) < _WINDOW and len(text) > reach:
            cut = text.rstrip(_MARKS_AFTER)
        return cut[-_WINDOW:]
    cut = text[:reach].lstrip(_MARKS_BEFORE)
    if len(cut) < _WINDOW and len(text) > reach:
        cut = text.lstrip(_MARKS_BEFORE)
    return cut[:_WINDOW]


# Marks inside an address (e-mail, web) that a line break may cut after, as after a letter.
_ADDRESS_MARKS = frozenset("@._/-")


def word_across(prev_text: str, text: str) -> bool:
    """Whether a segmentation runs a word across the end of ``prev_text`` into ``text``.

    jieba's dynamic programme (most probable path over its dictionary, no HMM) on the three
    characters either side of the boundary (:func:`annotator.short_words.path_bounds`): the
    generator of ``jieba.cut`` costs four times as much, and this runs at every open
    paragraph boundary of every import. Most boundaries have no dictionary word across them
    at all, which a few look-ups show; only the others need the programme. A Latin word or
    an address runs across where a Latin letter (or @ . _ / -) meets a Latin letter: the
    dictionary holds no such words. (Figures are left to the dictionary: a heading may end on
    a year over a line that opens with figures.)
    """
    last = prev_text[-1:]
    if _latin(text[:1]) and (_latin(last) or last in _ADDRESS_MARKS):
        return True  # rmrbzzb@ / peopledaily.cn: a Latin word or an address cut
    # Most paragraphs end and start without marks: their edges are plain slices (an empty
    # text takes the long way too, since "" is in every string).
    a = prev_text[-_WINDOW:] if prev_text[-1:] not in _MARKS_AFTER else _edge(prev_text, True)
    b = text[:_WINDOW] if text[:1] not in _MARKS_BEFORE else _edge(text, False)
    if not a or not b:
        return False
    freq, log_total = short_words.entries()  # nothing without jieba
    s = a + b
    cut = len(a)
    return short_words.any_word_across(freq, s, cut) and _best_path_across(freq, log_total, s, cut)


def _latin(c: str) -> bool:
    """Whether ``c`` is an ASCII letter."""
    return c.isascii() and c.isalpha()


def _best_path_across(freq: dict[str, int], log_total: float, s: str, cut: int) -> bool:
    """Whether the most probable path of words of ``s`` over jieba's dictionary has a word
    across ``cut``."""
    return cut not in short_words.path_bounds(freq, log_total, s)
