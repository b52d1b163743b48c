"""Roles + articles -> ``joins_previous``: body paragraphs that a column or page break cut in two.

A body paragraph continues the previous body paragraph *of the same article* (captions and
furniture in between are skipped: a photo or a page header may stand between two columns)
when that paragraph does not end a sentence:

* ``。！？…`` (also followed by ``”``/``」``/``）``) end a sentence: no join;
* ``、，,；;`` cannot end a paragraph: join, with high confidence;
* ``：`` and ``——`` do not end a sentence either: join, with a confidence below 0.7 (the
  paragraph may introduce a list set as separate paragraphs, 要求——/一是…); when the next
  paragraph opens with an enumerator (一是…, （一）…, 1.) it is a list item of its own: no
  join, confidence 0.5; an enumerated item after another one (…；/（二）…) is no join either;
* a closing quote without a sentence end before it (…牢记使命”) closes a quotation in
  mid-sentence: join;
* a Han character, digit or letter: join, but the only evidence is a missing full stop (OCR
  drops them, some paragraphs end without one), so the confidence stays below 0.7;
* a heading or a numbered intertitle is complete without a full stop: no join after it.

A paragraph that begins with punctuation no paragraph begins with (，。、；：”）…) continues the
previous body paragraph whatever that ends with. The rows of a table of figures neither continue
nor are continued. A lead (本报讯…) never continues anything.
"""

from __future__ import annotations

from . import cues
from .shapes import HEADING, LEAD, TITLE, Shape

_NOT_BODY = (False, 1.0)
_FIRST = (False, 0.95)  # the first body paragraph of its article on this page
_AFTER_INTERTITLE = (False, 0.7)
_CONTINUES = (True, 0.9)
_TABLE_ROW = (False, 0.85)  # a row of a table is complete, and no row continues a paragraph
_BY_ENDING: dict[str, tuple[bool, float]] = {
    cues.END_FINAL: (False, 0.95),
    cues.END_COMMA: (True, 0.9),
    cues.END_COLON: (True, 0.65),
    cues.END_QUOTE: (True, 0.75),
    cues.END_CLOSE: (True, 0.6),
    cues.END_OPEN: (True, 0.65),
    cues.END_DASH: (True, 0.6),
}
# ：or —— right before an enumerated item, or an enumerated item after another one: a list set
# as paragraphs (each item its own paragraph), though a cut before an item is possible.
_BEFORE_LIST = (False, 0.5)
_NEXT_LIST_ITEM = (False, 0.65)


def _decide(prev: Shape, cur: Shape) -> tuple[bool, float]:
    """Whether body paragraph ``cur`` continues body paragraph ``prev``."""
    if cur.cont:
        return _CONTINUES  # …, or 。 at the start: the rest of the paragraph above
    if cur.row or prev.row:
        return _TABLE_ROW
    if prev.kind == HEADING or prev.intertitle or (prev.kind == TITLE and prev.listy):
        return _AFTER_INTERTITLE
    if cur.listy and prev.ending in (cues.END_COLON, cues.END_DASH):
        return _BEFORE_LIST
    if cur.listy and prev.listy and prev.ending != cues.END_OPEN:
        return _NEXT_LIST_ITEM
    return _BY_ENDING[prev.ending]


def assign_joins(
    shapes: list[Shape],
    roles: list[tuple[str, float]],
    articles: list[tuple[int | None, float]],
) -> list[tuple[bool, float]]:
    """Return ``(joins_previous, confidence)`` for every paragraph."""
    last_body: dict[int, Shape] = {}  # article -> its latest body paragraph so far
    out: list[tuple[bool, float]] = []
    for sh, (role, _), (article, _) in zip(shapes, roles, articles, strict=True):
        if role == "intertitle" and article is not None:
            last_body[article] = sh  # the body after an intertitle does not join across it
        if role != "body" or article is None:
            out.append(_NOT_BODY)
            continue
        prev = last_body.get(article)
        last_body[article] = sh
        if prev is None or sh.kind == LEAD:
            out.append(_FIRST)
        else:
            out.append(_decide(prev, sh))
    return out
