"""Sets of signed pieces (contributions under an editors' note, a short introduction or the
set's headline): one article, whose pieces' titles are its intertitles.
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import BODY, BYLINE, CAPTION, DASH, LEAD, TITLE, Shape

from .group import Group
from .title_lines import INTERTITLE_LINES, pair_reads_as_intertitle, reads_as_intertitle


def pieces_of_sets(shapes: list[Shape], groups: list[Group]) -> list[Group]:
    """Drop the groups that head the signed pieces of a set: under an editor's note, under
    the short introduction of an unsigned story or right under the set's headline (see
    :func:`_joins_set`).

    在广阔天地成长成才 / note / ——编  者 / 下得去、留得住 / 韦  蔚 / text / 回答好… / 陶  甄 /
    text: a note signed by the editors (——编者) over contributions, each a title line and its
    author, makes one article of them; the pieces' titles are its intertitles. A headline
    with a column tag (…（现场评论）), a kicker or a lead opens the next article.
    """
    notes = [
        p
        for p, sh in enumerate(shapes)
        if (sh.signature and p > 0 and shapes[p - 1].kind in (BODY, LEAD))
        or (sh.note and sh.kind == BODY)
    ]
    if not notes and not any(_unsigned(g) or len(g.titles) == 2 for g in groups):
        return groups
    out: list[Group] = []
    form: tuple[int, bool] | None = None  # the set's piece form while the set goes on
    for k, g in enumerate(groups):
        story = out[-1] if out else None
        if (
            story is not None
            and _signed_piece(shapes, g)
            and _joins_set(shapes, notes, form, story, groups, k)
        ):
            for p in g.titles:
                shapes[p].intertitle = True
            form = form or _piece_form(shapes, g)
            continue
        form = None
        out.append(g)
    return out


def _joins_set(
    shapes: list[Shape],
    notes: list[int],
    form: tuple[int, bool] | None,
    story: Group,
    groups: list[Group],
    k: int,
) -> bool:
    """Whether signed piece ``groups[k]`` goes on the set that ``story`` (the group kept
    before it) heads: headed as the set's pieces so far (``form``), or opening the set under
    an editors' note, a short introduction or right under the set's headline. In the last
    case the first piece's title, read as ``story``'s subheadline, becomes an intertitle."""
    g = groups[k]
    if (
        _piece_form(shapes, g) == form
        or any(story.top < p < g.top and _opens_set(shapes, p, g) for p in notes)
        or _intro_over_pieces(shapes, story, groups, k)
    ):
        return True
    if not _first_piece_under_headline(shapes, story, groups, k):
        return False
    for p in story.titles[1:]:
        shapes[p].intertitle = True
    story.titles = story.titles[:1]
    return True


def _first_piece_under_headline(
    shapes: list[Shape], story: Group, groups: list[Group], k: int
) -> bool:
    """Whether group ``story`` is a set's headline over the title and author of its first
    piece, and ``groups[k]`` the second piece (reads the shapes, changes nothing).

    砥砺心志修己身（大家谈） / 经常“回头看看” / 江西省赣州市  钟修声 / text / 杜绝“选择性落实” /
    山西省临汾市  冯  博 / text / …: the first piece's title, under the set's headline, reads
    as its subheadline, but it is one of two or more titles of signed pieces alike in length
    and clearly shorter than the headline (a subheadline explains its headline at length),
    and the headline carries the column's tag.
    """
    lines = len(story.titles) - 1  # the first piece's title lines, under the set's headline
    if lines not in range(1, INTERTITLE_LINES + 1) or not story.bylines or story.lead is not None:
        return False
    if story.note is not None or story.standfirst or k + 1 >= len(groups):
        return False
    head, first = story.titles[0], story.titles[1:]
    # (a set of contributions runs under its column's tag, 砥砺心志修己身（大家谈）; a story's
    # headline and subheadline over signed articles with short titles are no set)
    if not shapes[head].tagged or not all(reads_as_intertitle(shapes[p]) for p in first):
        return False
    nxt = groups[k + 1]
    pieces = [groups[k], nxt]
    if not all(_signed_piece(shapes, w) and len(w.titles) == lines for w in pieces):
        return False
    # (two lines, who over the title, set the title no longer than who: a headline over a
    # longer subheadline is a story's own, 消费市场回暖 / 社零总额同比增长6%)
    heads = [first, nxt.titles]
    if lines == 2 and any(_chars(shapes[a]) < _chars(shapes[b]) for a, b in heads):
        return False
    # (a piece of two lines, topic over title, is measured by its title)
    sizes = [
        shapes[p].end - shapes[p].start for p in (first[-1], groups[k].titles[-1], nxt.titles[-1])
    ]
    return _pieces_under(shapes[head].end - shapes[head].start, sizes)


def _chars(sh: Shape) -> int:
    """Title ``sh``'s length without the blanks that pad it."""
    return sh.end - sh.start - sh.gaps


def _unsigned(g: Group) -> bool:
    """Whether group ``g`` heads a story without byline, lead or note."""
    return bool(g.titles) and not g.bylines and g.lead is None and g.note is None


# An unsigned story's introduction over a set of signed pieces: at most this many paragraphs.
INTRO_PARAGRAPHS = 2
# The pieces' title lines are about one length: the longer at most 3/2 of the shorter.
PIECE_TITLE_RATIO = (3, 2)
# … and the story's headline is clearly longer than they are (at least 4/3 of the longest):
# a signed article's headline after an unsigned item is as long as the item's.
STORY_OVER_PIECES = (4, 3)


def _intro_over_pieces(shapes: list[Shape], story: Group, groups: list[Group], k: int) -> bool:
    """Whether ``groups[k]`` is the first of two or more signed pieces under the short
    introduction of unsigned story ``story`` (the editors' note, unsigned).

    过紧日子  炼好作风（前沿观察） / photos / 今年5月，…探变化、看作风、听感受。 / 公物流动起来了 /
    本报记者  王欣悦 / text / 公务接待更清爽了 / 本报记者  孙  超 / text: a headline over a
    paragraph or two and no byline introduces the pieces below it, each a title and its
    reporter, headed alike, of about one length and shorter than the story's headline; an
    article of their own would not leave the story above without a writer.
    """
    if not _unsigned(story) or k + 1 >= len(groups):
        return False
    # (such a set runs under its column's tag, …（前沿观察）; an untagged short item over
    # articles signed by their reporters is an item of its own)
    if not any(shapes[p].tagged for p in story.titles):
        return False
    g, nxt = groups[k], groups[k + 1]
    if not _signed_piece(shapes, nxt) or _piece_form(shapes, nxt) != _piece_form(shapes, g):
        return False
    between = shapes[max(story.members()) + 1 : g.top]
    if any(sh.kind not in (BODY, CAPTION) for sh in between):
        return False
    paragraphs = [sh for sh in between if sh.kind == BODY and sh.ending != cues.END_OPEN]
    if len(paragraphs) > INTRO_PARAGRAPHS:
        return False
    a = shapes[g.titles[-1]].end - shapes[g.titles[-1]].start
    b = shapes[nxt.titles[-1]].end - shapes[nxt.titles[-1]].start
    head = max(shapes[p].end - shapes[p].start for p in story.titles)
    return _pieces_under(head, [a, b])


def _pieces_under(head: int, sizes: list[int]) -> bool:
    """Whether pieces' title lines of lengths ``sizes`` are about one length and clearly
    shorter than a set's headline of length ``head`` (see :data:`PIECE_TITLE_RATIO`)."""
    longer, than = PIECE_TITLE_RATIO
    over, under = STORY_OVER_PIECES
    return than * max(sizes) <= longer * min(sizes) and under * head >= over * max(sizes)


def _piece_form(shapes: list[Shape], g: Group) -> tuple[int, bool]:
    """How a piece of a set is headed: its number of title lines, and whether the first ends
    in —— (某县—— / title / byline). The pieces of one set are headed alike; a next article
    headed otherwise (headline / subheadline / byline) ends the set."""
    return len(g.titles), shapes[g.titles[0]].kind == DASH


def _opens_set(shapes: list[Shape], note: int, g: Group) -> bool:
    """Whether group ``g`` is the first piece right under the note signed at ``note``.

    The pieces of a set follow the editors' note at once; a signed article further down, after
    text of the noted story itself (a round table's talk under its intertitles), is no piece.
    A note set as a paragraph (编者按：…) may run on in one more paragraph before the pieces.
    """
    between = [sh for sh in shapes[note + 1 : g.top] if sh.kind in (BODY, LEAD, BYLINE)]
    if shapes[note].signature:
        return not between
    # The note's own run-on paragraphs, each maybe cut in two by a column break (its head
    # ends open); a byline under the note signs the noted story's own text.
    finished = [sh for sh in between if sh.ending != cues.END_OPEN]
    return len(finished) <= NOTE_MORE_PARAGRAPHS and all(sh.kind == BODY for sh in between)


# A note set as a paragraph (编者按：…) runs on in at most this many paragraphs.
NOTE_MORE_PARAGRAPHS = 1


def _signed_piece(shapes: list[Shape], g: Group) -> bool:
    """Whether group ``g`` is a 小标题 (one line, or a line ending in —— over one) over its
    author: a piece of a set, maybe."""
    return (
        bool(g.bylines)
        and g.lead is None
        and len(g.titles) <= INTERTITLE_LINES
        and pair_reads_as_intertitle(shapes, g)
        and shapes[g.titles[-1]].kind == TITLE
        and not shapes[g.titles[-1]].tagged
    )
