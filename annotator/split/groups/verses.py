"""Lines of verse and lists of works (《…》) quoted in a story's text: weak groups by their
shape, the text's own lines by their context.
"""

from __future__ import annotations

from annotator.split.shapes import TITLE, Shape

from .context import boundary_before, inside_text
from .group import WEAK, Group

# Lines of verse quoted in a text: three or more of one length, each at most this long.
VERSE_LINES = 3
VERSE_MAX_CHARS = 10


def verse_tops(shapes: list[Shape], groups: list[Group]) -> set[int]:
    """Tops of the weak groups that are lines of verse, or a list of works (《人世间》 /
    《平凡的世界》), quoted inside a story's text.

    人间四月芳菲尽 / 山寺桃花始盛开 / 长恨春归无觅处 between two paragraphs: three or more
    short unpunctuated lines of exactly one length read as a heading stack without byline,
    but a kicker, a headline and a subheadline are never all of one length; a poem's lines
    are. They stay the text's (body), in the article in progress.
    """
    out: set[int] = set()
    for g in groups:
        if g.strength != WEAK or g.firm or len(g.titles) < 2 or g.top == 0:
            continue
        if not inside_text(shapes[g.top - 1]) or boundary_before(shapes, g.top)[1]:
            continue
        sizes = {shapes[p].end - shapes[p].start for p in g.titles}
        verse = (
            len(g.titles) >= VERSE_LINES
            and len(sizes) == 1
            and next(iter(sizes)) <= VERSE_MAX_CHARS
            and all(shapes[p].strict for p in g.titles)
        )
        if verse or all(_work_title(shapes[p]) for p in g.titles):
            out.add(g.top)
    return out


def _work_title(sh: Shape) -> bool:
    """Whether title line ``sh`` is the name of a work and nothing else (《邮政法》): a line of
    a list of books, laws or programmes in the text, no headline."""
    return sh.kind == TITLE and sh.opens[:1] == "《" and sh.ends[-1:] == "》"
