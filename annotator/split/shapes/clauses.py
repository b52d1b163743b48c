"""Clauses: one-line paragraphs of one long clause without a sentence end, marked only when
a page has a series of them (a theory page's long 小标题).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.split import cues
from annotator.split.cues import DANGLING

from .kinds import BODY, TITLE, Shape
from .titles import SENTENCE_LIKE

# A long 小标题 (a clause of a theory page) is this long; see ``groups.clauses.long_intertitles``.
CLAUSE_MIN_CHARS = 16
CLAUSE_MAX_CHARS = 120
_CLAUSE_ENDINGS = frozenset((cues.END_OPEN, cues.END_QUOTE, cues.END_CLOSE))
_INSIDE_STOP = rules_regex.compile(r"[。！？!?；;：:\n]")


# Only a series of clauses counts (``groups.clauses.LONG_INTERTITLE_SERIES``): fewer are not looked at.
CLAUSE_SERIES = 3


def mark_clauses(text: str, shaped: list[Shape]) -> None:
    """Mark the one-line paragraphs that are one clause without any sentence end."""
    candidates = [
        sh
        for sh in shaped
        if sh.ending in _CLAUSE_ENDINGS
        and CLAUSE_MIN_CHARS <= sh.end - sh.start <= CLAUSE_MAX_CHARS
        and sh.kind in (BODY, TITLE)
    ]
    if len(candidates) < CLAUSE_SERIES:
        return
    for sh in candidates:
        if text[sh.end - 1] not in DANGLING and _INSIDE_STOP.search(text, sh.start, sh.end) is None:
            t = text[sh.start : sh.end]
            # Quotes open and closed (a cut leaves “… open), no date opening a news sentence.
            sh.clause = t.count("“") == t.count("”") and SENTENCE_LIKE.match(t) is None
