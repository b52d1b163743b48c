"""How one title line reads inside a story's text: as a 小标题 (short, one line, no sentence
inside), as a loose intertitle between two body paragraphs, as a question of the text; and
how a line the context shows is text becomes body text (demoted).
"""

from __future__ import annotations

from annotator.split.shapes import BODY, DASH, LEAD, TITLE, Shape

from .context import between_texts
from .group import Group


def demote(sh: Shape) -> None:
    """Make title line ``sh`` body text read from context (a stacked series may take it back)."""
    sh.kind = BODY
    sh.strict = sh.text_ok = False
    sh.demoted = True


def asks(shapes: list[Shape], p: int) -> bool:
    """Whether title line ``p`` is a question of more than one phrase (不用农药和化肥，能否
    端牢饭碗？): a sentence of the text; a one-phrase question (…从何而来？) may be a title."""
    sh = shapes[p]
    return sh.asks and (sh.comma or sh.pause)


# A title line between body paragraphs longer than this is not an intertitle (theory pages
# print a clause of up to about 40 characters as a 小标题: 统筹好…的关系，彰显了…制度优势).
INTERTITLE_MAX_CHARS = 40
# An intertitle is set in one line, or in two (主题 over 副题).
INTERTITLE_LINES = 2


def loose_intertitle(shapes: list[Shape], p: int) -> bool:
    """Whether title-shaped line ``p`` stands between two body paragraphs like an intertitle.

    A bracketed tag (【现场】) after body text is one. Otherwise the paragraph above ends a
    sentence (else the line is the tail of a cut paragraph), the
    one below is body text that does not begin with punctuation (else the line is the head
    of a cut paragraph), and the line itself reads as a title: short, one line, no sentence
    end inside, no dangling function word at its end.
    """
    sh = shapes[p]
    if sh.kind != TITLE or sh.listy or p == 0 or p + 1 >= len(shapes):
        return False
    if sh.tag:
        return shapes[p - 1].kind in (BODY, LEAD)  # 【现场】 is never a piece of body text
    # An intertitle may be set in two lines (主题 over 副题): the pair stands between the texts.
    a, b = p, p
    if shapes[p - 1].kind == TITLE:
        a = p - 1
    elif shapes[p + 1].kind == TITLE:
        b = p + 1
    if a == 0 or b + 1 >= len(shapes):
        return False
    return between_texts(shapes[a - 1], shapes[b + 1]) and all(
        reads_as_intertitle(shapes[q]) for q in range(a, b + 1)
    )


def pair_reads_as_intertitle(shapes: list[Shape], w: Group) -> bool:
    """Whether weak group ``w`` is one title line, or two that both read as a 小标题.

    A long headline over the head of its first paragraph (cut short by a column break)
    opens an article: it is no two-line intertitle. The upper line may end in —— (助农环保——
    / 废弃物化作饲料): inside a signed story that is a 小标题 set as topic and title, not
    the kicker of a new article (which would come with its own byline, lead or dateline).
    """
    return len(w.titles) == 1 or all(
        reads_as_intertitle(shapes[p], dash=k == 0) for k, p in enumerate(w.titles)
    )


def lines_read_as_intertitle(shapes: list[Shape], w: Group) -> bool:
    """Whether weak group ``w`` is one or two title lines that each read as a 小标题 (the
    upper of two may end in ——): a 小标题 set in one line, or as topic over title."""
    return len(w.titles) <= INTERTITLE_LINES and all(
        reads_as_intertitle(shapes[p], dash=k == 0 and len(w.titles) > 1)
        for k, p in enumerate(w.titles)
    )


def reads_as_intertitle(sh: Shape, dash: bool = False) -> bool:
    """Whether title line ``sh`` reads as a 小标题: short, one line, no sentence inside
    (with ``dash``, a line ending in —— reads as one too)."""
    if dash and sh.kind == DASH:
        return sh.end - sh.start <= INTERTITLE_MAX_CHARS
    return (
        sh.kind == TITLE
        and not sh.listy
        and sh.end - sh.start <= INTERTITLE_MAX_CHARS
        and sh.text_ok
    )


def alone_intertitle(shapes: list[Shape], p: int) -> bool:
    """Whether loose line ``p`` is an intertitle even without others in its story.

    A bracketed tag (【现场】), a line of phrases without a comma (a paragraph cut by a column
    break would as likely break after a comma), or two phrases of about the same length
    around one comma (坚持创新驱动，激发发展活力: titles are set in parallel, a cut paragraph's
    head is not); but no question of more than one phrase (如何破解“甲、乙”的难题？), a
    sentence of the text asking what the next paragraph answers.
    """
    sh = shapes[p]
    return sh.tag or (not sh.comma or sh.parallel) and not asks(shapes, p)
