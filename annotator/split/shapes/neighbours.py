"""Questions later steps ask of a shape and the one above it: whether it follows an
unfinished paragraph, whether it is a short name under a tagged headline.
"""

from __future__ import annotations

from annotator.split.cues import END_FINAL

from .kinds import BODY, LEAD, TITLE, Shape

# Kinds that a paragraph cut by a column break may have.
_RUNNING = frozenset((BODY, TITLE, LEAD))


def after_unfinished(shapes: list[Shape], i: int) -> bool:
    """Whether paragraph ``i`` follows a paragraph that does not end a sentence.

    Then a short line is the rest of that paragraph after a column break (or a wrapped line
    of a one-line-per-paragraph OCR page), not a missed headline.
    """
    return i > 0 and shapes[i - 1].ending != END_FINAL and shapes[i - 1].kind in _RUNNING


# A name alone is two or three characters, or two padded to the width of three (金  轩).
# (Not NAME_MAX_CHARS, the longest name of a body or place above.)
PERSON_NAME_MAX_CHARS = 4


def name_under_tag(shapes: list[Shape], p: int) -> bool:
    """Whether title line ``p`` is a short name under a headline with a column tag or under a
    —— subheadline (怀进鹏 under …（学习贯彻…精神）): the author, even of a surname that
    ``cues.names_line`` does not know."""
    if p == 0:
        return False
    sh, above = shapes[p], shapes[p - 1]
    n = sh.end - sh.start
    return (
        sh.kind == TITLE
        and (sh.strict and 2 <= n < PERSON_NAME_MAX_CHARS or sh.wide and n == PERSON_NAME_MAX_CHARS)
        and (above.tagged or above.subdash)
    )
