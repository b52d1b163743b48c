"""Shapes + title groups -> article numbers (1..k in page order, None for furniture).

One pass down the page. A title group opens a new article; every other paragraph joins the
article in progress, with these exceptions:

* page furniture (page headers, 责任编辑 lines, ads, continuation marks) belongs to no article;
  a continuation or end mark (下转第2版, 完) also closes the article in progress;
* a trailing byline （本报记者 张三） or a body paragraph ending in one closes its article;
* text with no open article (page top, after a closed article) opens one of its own: the
  continuation of an article from another page, or an untitled item;
* captions join the article in progress (photos stand inside their article's area); a
  caption with no open article opens its own article: it is a photo item, and its text is as
  good training text as any other;
* a bulleted item (● 某地某日….) right after another one opens an article: the items of a
  news-in-brief column are separate news (a bulleted list inside an article is rarer);
* a byline with no title above it is a trailing byline of the article in progress (papers that
  print 本报记者 张三 at the end without brackets) unless body text follows it, in which case
  it is the front byline of an untitled article; the lines of one byline (本报记者 张三 /
  通讯员 李四/文图) are decided together, by what follows the last;
* but a byline followed by body text right under the first few paragraphs of a titled article
  not signed yet is that article's byline: local dailies set an editor's note or the lead
  paragraph (导语) large under the headline and print the byline below it.

The confidence is about the boundary: for an article's first block, that an article starts
there; for the others, that they continue the article they were given.
"""

from __future__ import annotations

from . import cues
from .groups import HEADED, STRONG, WEAK, Group
from .shapes import (
    BODY,
    BYLINE,
    CAPTION,
    LABEL,
    LEAD,
    NO_ARTICLE,
    TITLE,
    TRAILING,
    Shape,
    after_unfinished,
)

_START = {STRONG: 0.95, HEADED: 0.85, WEAK: 0.55}
_START_LEAD_ONLY = 0.8  # a lead or byline+lead without a title above it
_MEMBER = 0.95  # the rest of a title group
_FURNITURE = 0.85
_LABEL = 0.6  # a short line above titles: a label, or a very short kicker or headline
_CONTINUE_BODY = 0.9
_CONTINUE_TITLE = 0.6  # a headline-shaped line taken as body of the article in progress
_CAPTION_ATTACHED = 0.6  # photos are placed near, not always inside, their article
_ORPHAN = 0.5  # opens an article without any title: a continuation or an untitled item
_TRAILING_BYLINE = 0.9
_LONE_BYLINE = 0.55
_NEXT_ITEM = 0.6
# Line endings after which a body paragraph goes on (cut by a column or a hard wrap).
_GOES_ON = frozenset((cues.END_OPEN, cues.END_COMMA))
# The most paragraphs of text (an editor's note, a lead set large) above an article's byline.
LEDE_MAX_PARAGRAPHS = 3


def assign_articles(shapes: list[Shape], groups: list[Group]) -> list[tuple[int | None, float]]:
    """Return ``(article, boundary confidence)`` for every paragraph."""
    tops = {g.top: g for g in groups}
    members: set[int] = set()
    for group in groups:
        members.update(group.members())
    out: list[tuple[int | None, float]] = []
    st = _Walk()
    for i, sh in enumerate(shapes):
        out.append(_assign_one(shapes, i, tops.get(i), i in members, st))
        if sh.closes or sh.kind == TRAILING:
            st.closed = True
        if sh.kind in (BYLINE, LEAD) or sh.row:
            # (a table's rows: the titles above were a table's, no article's head)
            st.signed = True
        elif sh.kind == BODY and not sh.cont and not (i and _open_body(shapes[i - 1])):
            # (a column or a hard wrap may cut a paragraph in parts: count its first)
            st.paragraphs += 1
        if sh.kind not in NO_ARTICLE:
            st.after_item = sh.item
    return out


class _Walk:
    """The state of the walk down the page in :func:`assign_articles`."""

    def __init__(self) -> None:
        self.count = 0  # articles opened so far
        self.current: int | None = None  # the article in progress
        self.closed = True  # whether the article in progress has ended (nothing open yet)
        self.after_item = False  # whether the last paragraph (furniture aside) was an item
        self.titled = False  # whether the article in progress opened with titles
        self.signed = False  # … and has had its byline or lead
        self.paragraphs = 0  # … and how many body paragraphs it has had

    def open(self, conf: float, g: Group | None = None) -> tuple[int | None, float]:
        """Open the next article and return its first paragraph's assignment."""
        self.count += 1
        self.current, self.closed = self.count, False
        self.titled = g is not None and bool(g.titles)
        self.signed = g is not None and (bool(g.bylines) or g.lead is not None)
        self.paragraphs = 0
        return self.current, conf

    def under_lede(self) -> bool:
        """Whether a byline here signs the article in progress below its first paragraphs (or
        below its photos alone)."""
        return (
            self.titled
            and not self.signed
            and not self.closed
            and self.paragraphs <= LEDE_MAX_PARAGRAPHS
        )


def _assign_one(
    shapes: list[Shape], i: int, g: Group | None, member: bool, st: _Walk
) -> tuple[int | None, float]:
    """``(article, confidence)`` of paragraph ``i``; opens or closes articles in ``st``."""
    sh = shapes[i]
    if g is not None:
        return st.open(_START[g.strength] if g.titles else _START_LEAD_ONLY, g)
    if member:
        return st.current, _MEMBER
    if sh.kind in NO_ARTICLE:
        return None, _LABEL if sh.kind == LABEL else _FURNITURE
    if _piece_head(shapes, i) and st.current is not None:
        st.closed = False  # an intertitle and its author go on the article, even after a note
        return st.current, _CONTINUE_TITLE
    if sh.signature and st.current is not None and not st.closed:
        return st.current, _TRAILING_BYLINE  # ——编  者 signs a note: the article goes on
    if sh.kind == TRAILING and st.current is not None:
        return st.current, _TRAILING_BYLINE if not st.closed else _ORPHAN
    if sh.kind == BYLINE and _byline_goes_on(shapes, i, st):
        return st.current, _LONE_BYLINE
    if sh.kind == BYLINE or st.closed or st.current is None or (sh.item and st.after_item):
        return st.open(_LONE_BYLINE if sh.kind == BYLINE else _NEXT_ITEM if sh.item else _ORPHAN)
    return st.current, _continuing_conf(shapes, i)


def _byline_goes_on(shapes: list[Shape], i: int, st: _Walk) -> bool:
    """Whether byline ``i`` (no title above it) stays in the article in progress: the next
    line of the byline above, the byline under its first paragraphs, or a trailing byline
    (which closes it)."""
    if st.current is None:
        return False
    if i > 0 and shapes[i - 1].kind == BYLINE:
        return True  # the next line of the byline above: decided with it
    k = _after_byline(shapes, i)
    text_follows = k < len(shapes) and shapes[k].kind == BODY
    if text_follows:
        # (under finished text only: a table's last row or a cut line is no lead paragraph)
        return st.under_lede() and not _open_body(shapes[i - 1])
    if st.closed:
        return False
    st.closed = True  # trailing byline without brackets
    return True


def _open_body(sh: Shape) -> bool:
    """Whether body paragraph ``sh`` ends in mid-sentence (its paragraph goes on below)."""
    return sh.kind == BODY and sh.ending in _GOES_ON


def _after_byline(shapes: list[Shape], i: int) -> int:
    """The index after the byline lines starting at ``i``."""
    while i < len(shapes) and shapes[i].kind == BYLINE:
        i += 1
    return i


def _piece_head(shapes: list[Shape], i: int) -> bool:
    """Whether paragraph ``i`` is an intertitle, or the author's name right under one.

    The pieces of a set under an editor's note (see ``groups.sets.pieces_of_sets``) each end
    with a note (（作者为…）) and go on with the next piece's title and author.
    """
    sh = shapes[i]
    return sh.intertitle or (sh.kind == BYLINE and i > 0 and shapes[i - 1].intertitle)


def _continuing_conf(shapes: list[Shape], i: int) -> float:
    """Confidence of paragraph ``i`` continuing the article in progress."""
    sh = shapes[i]
    if sh.kind == CAPTION:
        return _CAPTION_ATTACHED
    if sh.kind == BODY or (sh.kind == TITLE and after_unfinished(shapes, i)):
        return _CONTINUE_BODY
    return _CONTINUE_TITLE
