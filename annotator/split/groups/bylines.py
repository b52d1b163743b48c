"""Lines of names and quotation sources read as bylines from their place, before the scan:
a name closing a text, a name over an untitled text, a name under a feature's photos, and a
—— source line under a quotation.
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import (
    BODY,
    BYLINE,
    CAPTION,
    DASH,
    FURNITURE,
    HEADING,
    LABEL,
    LEAD,
    TITLE,
    TITLE_KINDS,
    TRAILING,
    Shape,
)

# What may follow the source line of a quotation printed as a box of its own.
_AFTER_SOURCE = frozenset((TITLE, DASH, HEADING, FURNITURE))


def sources_under_text(shapes: list[Shape]) -> None:
    """Read a —— line right under finished body text as the source of that text, a signature
    that stays in its article (``BYLINE``), not as a title of what follows.

    某某……。 / ——周恩来总理在某会议上的报告: a quotation and who said it, printed as a box of
    its own or closing an article. A —— subheadline stands under its headline, never under
    a finished paragraph of text. Only a line that the next title (or the page's end) follows
    is read so: a source over more text (——摘自…) is the epigraph of that text (see
    ``standfirst.epigraph``), and a —— line over more text may be an item or a cut paragraph's head.
    """
    for i in range(1, len(shapes)):
        sh, before = shapes[i], shapes[i - 1]
        if (
            sh.kind in (TITLE, DASH)
            and sh.subdash
            and before.kind == BODY
            and before.ending == cues.END_FINAL
            and not before.cont
            and not sh.cites
            and (i + 1 == len(shapes) or shapes[i + 1].kind in _AFTER_SOURCE)
        ):
            sh.kind = BYLINE
            sh.signature = True


# Where a line of names after finished text signs it: before these, or at the page's end.
_AFTER_SIGNATURE = frozenset((TITLE, HEADING, FURNITURE, LABEL))
# The longest such line: two names (魏  甜, 郭颖 天乐).
CLOSING_NAMES_MAX_CHARS = 8


def names_closing_text(shapes: list[Shape]) -> None:
    """Read a line of names alone right under a finished paragraph, with no text under it, as
    the byline that closes the article above (…提供强大支撑。 / 魏  甜 / next headline): county
    papers sign a short item at its end with the bare names. A name over a —— subheadline
    heads a profile instead (王进喜 / ——记…)."""
    n = len(shapes)
    for i in range(1, n):
        sh = shapes[i]
        n_chars = sh.end - sh.start
        if not (sh.kind == TITLE and sh.names and n_chars <= CLOSING_NAMES_MAX_CHARS):
            continue
        if n_chars > PHOTO_NAME_MAX_CHARS and not (sh.spaced or sh.wide):
            continue  # 资金难题: a four-character phrase reads as a name too
        above = shapes[i - 1]
        if above.kind not in (BODY, LEAD) or above.ending != cues.END_FINAL:
            continue
        nxt = shapes[i + 1] if i + 1 < n else None
        if nxt is not None and (
            nxt.kind not in _AFTER_SIGNATURE or nxt.subdash or nxt.comma or nxt.cut_head
        ):
            continue  # (a title line with a comma, or a cut's head, is text going on below)
        if sh.cut_head:
            continue
        sh.kind = BYLINE
        sh.guessed = True


def names_over_text(shapes: list[Shape]) -> None:
    """Read a name alone at the head of the page or right under a closed article, over text,
    as the byline of an untitled piece (a page's copy that starts at the author of an essay:
    王明起 / 永定河在两山之间滚滚地流着。…): a headline of a person's name alone stands over a
    —— subheadline or a lead, not over the text's first sentence."""
    n = len(shapes)
    for i in range(n - 1):
        sh = shapes[i]
        if not (sh.kind == TITLE and sh.names) or sh.cut_head:
            continue
        if sh.end - sh.start > PHOTO_NAME_MAX_CHARS and not (sh.spaced or sh.wide):
            continue
        nxt = shapes[i + 1]
        if nxt.kind != BODY or nxt.cont:
            continue
        above = shapes[i - 1] if i else None
        if above is None or above.kind == FURNITURE or above.kind == TRAILING:
            sh.kind = BYLINE
            sh.guessed = True


# The name under the photos is one name of two or three characters (a four-character line
# there is as often the title of the next photo).
PHOTO_NAME_MAX_CHARS = 3


def photos_above_byline(shapes: list[Shape], i: int) -> int:
    """Where the byline under the photos starting at ``i`` stands (see
    :func:`names_under_photos`); ``i`` when there is none (or a byline stands at ``i``)."""
    p = i
    while p < len(shapes) and shapes[p].kind == CAPTION:
        p += 1
    return p if p > i and p < len(shapes) and shapes[p].under_photos else i


def names_under_photos(shapes: list[Shape]) -> None:
    """Read a line of names alone between the photos under a headline and the text as the
    writer's byline (互动相融  谱写新乐章 / ——副题 / …（摄） / 张建平 / text): a feature
    prints its photo between the titles and the author, and the name, cut from the titles by
    the caption, is no headline of an article of its own.
    """
    for i in range(2, len(shapes) - 1):
        sh = shapes[i]
        if not (sh.kind == TITLE and sh.names and shapes[i - 1].kind == CAPTION):
            continue
        if sh.end - sh.start > PHOTO_NAME_MAX_CHARS:
            continue  # 古城夜色: a four-character title of the next photo reads as a name
        if shapes[i + 1].kind not in (BODY, LEAD) or shapes[i + 1].cont:
            continue
        k = i - 1
        while k > 0 and shapes[k].kind == CAPTION:
            k -= 1
        if shapes[k].kind in TITLE_KINDS and not shapes[k].names:
            sh.kind = BYLINE
            sh.guessed = sh.under_photos = True
