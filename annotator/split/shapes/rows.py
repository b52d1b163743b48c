"""Rows read across lines: the rows of a table of figures and the lines of a roster, each
body text on its own.
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.split.cues import roster_line

from .kinds import BODY, Shape
from .titles import DIGITS

# A table row: at least three fields separated by spaces, none of them long, no sentence
# punctuation (全年 12.5万亿元 5.2%).
_ROW = rules_regex.compile(
    r"[^\s，,。；;：:！？]{1,14}(?:[ \t\u3000]+[^\s，,。；;：:！？]{1,14}){2,9}"
)


def table_rows(text: str, shaped: list[Shape]) -> None:
    """Mark the rows of tables of figures: body text, each row a paragraph of its own.

    A title-shaped line of three or more short fields with a figure in it is a row; a line of
    such fields right above a row is the table's header row.
    """
    below_is_row = False
    for sh in reversed(shaped):
        row = (
            sh.spaced
            and not sh.listy
            and _ROW.fullmatch(text, sh.start, sh.end) is not None
            and (below_is_row or any(c in DIGITS for c in text[sh.start : sh.end]))
        )
        if row:
            sh.kind = BODY
            sh.row = True
            sh.strict = sh.names = False
        below_is_row = row


# A roster is a run of at least this many roster lines (one name line alone may be a headline
# of two phrases set apart by spaces).
ROSTER_MIN_LINES = 2


def roster_rows(text: str, shaped: list[Shape]) -> None:
    """Mark the lines of a roster (对话嘉宾：/ 黄  龙  某部部长 / 李培林  某院研究员) as rows.

    Each line names one person and what the person is: body text of the article, one line a
    person, so none continues another (as the rows of a table of figures).
    """
    run: list[Shape] = []
    for sh in [*shaped, None]:
        # (a hard-wrapped page may break a long post onto a second line: read it as one)
        if sh is not None and sh.spaced and roster_line(text[sh.start : sh.end].replace("\n", "")):
            run.append(sh)
            continue
        if len(run) >= ROSTER_MIN_LINES:
            for r in run:
                r.kind = BODY
                r.row = True
                r.strict = r.names = False
        run = []
