""":func:`shape`: the shape of one paragraph from its own text, the most specific cue first
(markup, a photo credit, a start cue, a byline, a lead, a caption), else by its length and
ending (``uncued``).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.markdown import leading_markup_end
from annotator.split import cues
from annotator.split.cues import BYLINE as BYLINE_RX
from annotator.split.cues import (
    BYLINE_HINT,
    CAPTION_END,
    CAPTION_END_CHARS,
    CLOSING_MARK,
    END_FINAL,
    TITLE_PUNCT,
    TRAILING_BYLINE,
    ending,
    is_lead,
    start_cue,
)

from .furniture import FURNITURE_MAX_CHARS, furniture_shape
from .kinds import BODY, BYLINE, CAPTION, FURNITURE, HEADING, TITLE, TRAILING, Shape
from .signatures import lead_shape, signs_story
from .uncued import short_or_body

BYLINE_MAX_CHARS = 80


CREDIT_MAX_CHARS = 24  # a photo credit on its own (新华社记者 张三 摄, （李四 摄）)


def _start_cue(s: str, n: int) -> str | None:
    """Name of the start-of-paragraph cue of ``s`` (see ``cues.PARAGRAPH_START``), if any."""
    name = start_cue(s)
    if name == "furniture" and n > FURNITURE_MAX_CHARS:
        # A long paragraph is not furniture: read its start again without that cue.
        if is_lead(s):
            return "lead"
        for name, rx in (
            ("heading", cues.HEADING),
            ("caption", cues.CAPTION_START),
            ("listy", cues.ENUMERATOR),
        ):
            if rx.match(s):
                return name
        return None
    return name


def shape(text: str, start: int, end: int, person_only: bool = False) -> Shape:
    """Read the shape of paragraph ``text[start:end]`` (stripped, non-empty).

    ``person_only``: read a line of the place-and-name byline form as a byline only when it
    names a person opening with a surname (the page decides where to ask it, ``page_shapes``).

    The checks run from the most specific cue to the least; cheap ones (last character,
    length) guard the regexes because this runs for every paragraph of every imported page.
    """
    s = text[start:end]
    early = _marked_or_source(text, start, end, s)
    if early is not None:
        return early
    n = len(s)
    end_kind = ending(s)

    # A photo credit at the end beats a byline: "本报记者 张三 摄" is a caption.
    # (plain ``in`` tests gate the post-first credit: most paragraphs have none of its words)
    if (s[-1] in CAPTION_END_CHARS and CAPTION_END.search(s)) or (
        ("摄影" in s or "图/" in s or "图／" in s) and cues.CAPTION_POST_CREDIT.search(s)
    ):
        credit = n <= CREDIT_MAX_CHARS and TITLE_PUNCT.search(s) is None
        return Shape(start, end, CAPTION, end_kind, credit=credit)
    cue = _start_cue(s, n)
    if cue == "furniture":
        return _furniture_line(s, start, end, end_kind)
    if cue == "heading":
        return Shape(start, end, HEADING, end_kind, level=n - len(s.lstrip("#")))
    if n <= BYLINE_MAX_CHARS and BYLINE_HINT.search(s):
        byline = _byline(s, start, end, end_kind, person_only)
        if byline is not None:
            return byline
    if cue == "lead":
        return lead_shape(s, start, end, end_kind)
    if cue == "caption" or (cue is None and _photo_position(s)):
        label = cue == "caption" and cues.FIGURE_LABEL.fullmatch(s) is not None
        return Shape(start, end, CAPTION, end_kind, mark=s[0] in "▲△", figure_label=label)
    sh = short_or_body(s, start, end, end_kind, cue == "listy")
    if n <= SIGN_OFF_MAX_CHARS and sh.kind in (TITLE, BODY):
        sh.signs_off = _signs_off(s)
    return sh


# A line that may sign an article at its end (读者 某某某, 某县  某某, 某社 图/文, 记者 某某
# 文/图 and who gave the tip) is this long at most.
SIGN_OFF_MAX_CHARS = 32
# Text and photos by whoever the words before name (新华社 图/文).
_BOTH_WORKS = rules_regex.compile(r"[文图圖]\s*[/／]\s*[文图圖]")


def _signs_off(s: str) -> bool:
    """Whether short line ``s`` is a few words ending on a personal name, or holding a text
    and photo credit (图/文) after the first word (读者 某某某, 某地  某某, 某社 图/文): the form
    of a signature, whether one the context decides (``roles``)."""
    parts = s.split()
    if len(parts) < 2:
        return False
    if len(parts) >= 3 and len(parts[-1]) == 1 and len(parts[-2]) == 1:
        parts = [*parts[:-2], parts[-2] + parts[-1]]  # a name padded to three: 高  炳
    if cues.EDITORS.match(" ".join(parts)):
        return False  # 责任编辑 某某: who edited the page, its furniture
    if any(_BOTH_WORKS.fullmatch(p) for p in parts[1:]):
        return True
    return len(parts[-1]) > 1 and cues.names_line(parts[-1])


def _furniture_line(s: str, start: int, end: int, end_kind: str) -> Shape:
    """The shape of a line that opens as furniture (责任编辑：…, 下转第3版, 广告): whether it
    closes the article above, credits the editors, says the text below began elsewhere."""
    closing = CLOSING_MARK.search(s) is not None
    sh = Shape(start, end, FURNITURE, end_kind, closes=closing)
    sh.editors = cues.EDITORS.match(s) is not None
    sh.resumes = closing and cues.CONTINUED_FROM.search(s) is not None
    return sh


def _byline(s: str, start: int, end: int, end_kind: str, person_only: bool = False) -> Shape | None:
    """The shape of a line that the byline hint found, if it is a byline (■本报记者 张三) or
    a bracketed byline or end note closing its article (（本报记者 张三）, （新华社北京3月4日电）).
    With ``person_only`` a line of the place-and-name form alone must name a person opening
    with a surname (see ``cues.place_without_person``)."""
    if s[0] == "据" and cues.SOURCE_ALONE.match(s):
        # 据新华社 under the last paragraph: where the story came from, its last line
        return Shape(start, end, TRAILING, END_FINAL, closes=True, signs=True)
    if (
        BYLINE_RX.match(s)
        and not cues.bare_role_without_name(s)
        and not (person_only and cues.place_without_person(s))
    ):
        return Shape(start, end, BYLINE, end_kind)
    if TRAILING_BYLINE.match(s):
        return Shape(
            start,
            end,
            TRAILING,
            end_kind,
            closes=True,
            signs=signs_story(s),
            signed=cues.signed_note(s),
        )
    return None


# A crawl's source line (authors, paper, issue and page) is at most this long.
SOURCE_MAX_CHARS = 90


# Characters that may begin markdown line markup (blockquote, list item, thematic break).
_MARKER_STARTS = frozenset(">-*+_|")
_LIST_MARKER = rules_regex.compile(r"[ \t>]*[-*+][ \t]")


def _marked_or_source(text: str, start: int, end: int, s: str) -> Shape | None:
    """The shape of paragraph ``s`` (``text[start:end]``) when it is in markdown line markup,
    a crawl's source line or the rest of a paragraph cut by a column (else None)."""
    if s[0] in _MARKER_STARTS:
        inner = leading_markup_end(text, start, end)
        if inner > start:
            # A blockquote or list item: its role is its content's ("> 本报记者 …" is a
            # byline); a thematic break (---) is only markup, furniture.
            sh = shape(text, inner, end) if inner < end else furniture_shape(text, start, end)
            sh.start = start
            # A list item is a paragraph of its own: nothing joins it as a column's cut.
            sh.listy = sh.listy or _LIST_MARKER.match(text, start, inner) is not None
            return sh
        if s[0] == "|" and "|" in s[1:]:
            # A markdown pipe table: rows of the article's body, complete, joining nothing.
            return Shape(start, end, BODY, ending(s), row=True)
    if (
        s[-1] in "）)"
        and len(s) <= SOURCE_MAX_CHARS
        and "版" in s[-8:]
        and cues.PAPER_SOURCE.search(s)
    ):
        # The crawl's source line, with its authors or without: the article's byline (as
        # furniture it would part the headline from its lead, a false article start).
        return Shape(start, end, BYLINE, ending(s))
    if cues.cut_rest(s):
        # …，or 。 at the start: the rest of a paragraph cut by a column break.
        return Shape(start, end, BODY, ending(s), cont=True)
    return None


def _photo_position(s: str) -> bool:
    """Whether short paragraph ``s`` says where someone stands in a photo (钟达文（左二）在广交会
    采访现场。): a caption."""
    return len(s) <= cues.PHOTO_POSITION_MAX_CHARS and cues.PHOTO_POSITION.search(s) is not None
