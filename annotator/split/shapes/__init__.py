"""Paragraph -> shape: what a paragraph looks like on its own, before any context is used.

The kind of a paragraph is read from its own text only (a byline pattern, a lead, a caption
credit, a markdown heading, a short line without a sentence end, ...). Whether a short line
is a headline, a subheadline or the tail of a paragraph cut by a column break is decided later
from its neighbours (``groups``, ``roles``, ``articles``).

``kinds`` holds :class:`Shape` and the kinds; ``paragraph`` reads one paragraph (with
``furniture``, ``signatures``, ``uncued`` and ``titles``), ``page_shapes`` every paragraph of a
page (with ``rows`` and ``clauses``); ``neighbours`` answers what later steps ask of a shape
and the one above it. Every public name is read from here.
"""

from .clauses import CLAUSE_MAX_CHARS, CLAUSE_MIN_CHARS, CLAUSE_SERIES
from .furniture import FURNITURE_MAX_CHARS, HEADER_MAX_CHARS, is_page_header
from .kinds import (
    BODY,
    BYLINE,
    CAPTION,
    DASH,
    FURNITURE,
    HEADING,
    LABEL,
    LEAD,
    NO_ARTICLE,
    TITLE,
    TITLE_KINDS,
    TRAILING,
    Shape,
)
from .neighbours import PERSON_NAME_MAX_CHARS, after_unfinished, name_under_tag
from .page_shapes import shapes
from .paragraph import BYLINE_MAX_CHARS, CREDIT_MAX_CHARS, SOURCE_MAX_CHARS, shape
from .rows import ROSTER_MIN_LINES
from .signatures import (
    BULLET_NAME_MAX_CHARS,
    BYLINE_BULLETS,
    DATELINE_REACH,
    MAILBOX_MAX_CHARS,
    POST_SIGNATURE_MAX_CHARS,
    SIGNATURE_MAX_CHARS,
    SIGNS_REACH,
)
from .titles import (
    DIGITS,
    NAME_MAX_CHARS,
    NAMES_MAX_CHARS,
    PHRASE_MIN_CHARS,
    PHRASE_SLACK,
    STRICT_MAX_CHARS,
)
from .uncued import (
    DASH_MAX_CHARS,
    EXCLAIMED_TITLE_MAX_CHARS,
    LISTING_KICKER_MAX_CHARS,
    POINTS_MAX_CHARS,
    POINTS_MIN_PHRASES,
    SHORT_BODY_MAX_CHARS,
    TITLE_MAX_CHARS,
    TITLE_MAX_LINES,
)

__all__ = [
    "FURNITURE",
    "BYLINE",
    "TRAILING",
    "CAPTION",
    "HEADING",
    "LEAD",
    "DASH",
    "TITLE",
    "TITLE_KINDS",
    "BODY",
    "LABEL",
    "NO_ARTICLE",
    "Shape",
    "TITLE_MAX_CHARS",
    "TITLE_MAX_LINES",
    "DASH_MAX_CHARS",
    "EXCLAIMED_TITLE_MAX_CHARS",
    "SHORT_BODY_MAX_CHARS",
    "POINTS_MAX_CHARS",
    "POINTS_MIN_PHRASES",
    "LISTING_KICKER_MAX_CHARS",
    "STRICT_MAX_CHARS",
    "NAMES_MAX_CHARS",
    "NAME_MAX_CHARS",
    "PHRASE_MIN_CHARS",
    "PHRASE_SLACK",
    "DIGITS",
    "FURNITURE_MAX_CHARS",
    "HEADER_MAX_CHARS",
    "is_page_header",
    "BYLINE_MAX_CHARS",
    "CREDIT_MAX_CHARS",
    "shape",
    "SOURCE_MAX_CHARS",
    "BYLINE_BULLETS",
    "BULLET_NAME_MAX_CHARS",
    "SIGNATURE_MAX_CHARS",
    "POST_SIGNATURE_MAX_CHARS",
    "MAILBOX_MAX_CHARS",
    "SIGNS_REACH",
    "DATELINE_REACH",
    "after_unfinished",
    "PERSON_NAME_MAX_CHARS",
    "name_under_tag",
    "CLAUSE_MIN_CHARS",
    "CLAUSE_MAX_CHARS",
    "CLAUSE_SERIES",
    "shapes",
    "ROSTER_MIN_LINES",
]
