"""Leads and the lines that sign or close a text: a dateline alone, a special article's note,
a note's signature (——编  者), a name led by a byline's bullet, a writer's name in brackets,
a QR code's prompt and a column's mailbox.
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.split import cues
from annotator.split.cues import END_FINAL, ends_with_note

from .kinds import BYLINE, CAPTION, LEAD, TRAILING, Shape

# A byline's bullet before a name alone (□马晓冲), and the longest such line: one or two names.
BYLINE_BULLETS = frozenset("■□")
BULLET_NAME_MAX_CHARS = 10


SIGNATURE_MAX_CHARS = 12  # ——编  者, ——张三: who signed the note above
POST_SIGNATURE_MAX_CHARS = 32  # ——某某大学某学院院长 张三: who said the quotation above
MAILBOX_MAX_CHARS = 60  # a column's mailbox line (投稿邮箱：name@paper.cn)


# The signature of an agency's or a paper's special article, in brackets at its end (（张三
# 新华社专特稿）, （本报特稿）): a piece written without a dateline.
_SIGNS = rules_regex.compile(r"[（(][^（()）\n]{0,20}?(?:专特稿|专稿|特稿)\s*[)）]\s*\Z")


def signs_story(s: str) -> bool:
    """Whether closing line ``s`` signs its story: a dateline alone, a special article's note."""
    if "稿" in s:  # (a cheap look first: most closing lines are other notes)
        return _SIGNS.match(s) is not None
    return "电" in s[-3:] and cues.DATELINE_ALONE.match(s) is not None


def signed_at_end(s: str) -> bool:
    """Whether paragraph ``s``, which closes its article, ends with its signature: a closing
    dateline (…。  新华社北京3月4日电) or a special article's note (…。（张三 新华社专特稿）)."""
    return cues.ends_with_dateline(s) or _SIGNS.search(s, max(0, len(s) - SIGNS_REACH)) is not None


# A closing signature stands in this many last characters of a paragraph; a lead's dateline
# in this many first ones.
SIGNS_REACH = 40
DATELINE_REACH = 24


def lead_shape(s: str, start: int, end: int, end_kind: str) -> Shape:
    """The shape of a paragraph that opens with a dateline (or 本报讯, （记者 张三）…)."""
    if cues.DATELINE_ALONE.match(s):
        # 新华社北京3月4日电 alone: the dateline under a wire story's last sentence.
        return Shape(start, end, TRAILING, END_FINAL, closes=True, signs=True)
    closes = end_kind == END_FINAL and (ends_with_note(s) or cues.ends_with_dateline(s))
    signs = closes and signed_at_end(s)
    dated = "日电" in s[:DATELINE_REACH]
    return Shape(start, end, LEAD, end_kind, closes=closes, signs=signs, dated=dated)


def _signature(s: str) -> bool:
    """Whether dash line ``s`` signs what is above it: ——编  者, ——张三, or a post and a name
    (——某某大学某学院院长 张三: who said the quotation above)."""
    if len(s) <= SIGNATURE_MAX_CHARS and cues.SIGNATURE.match(s):
        return True
    if len(s) > POST_SIGNATURE_MAX_CHARS:
        return False
    m = cues.POST_SIGNATURE.match(s)
    return m is not None and cues.names_line(m.group(1))


def prompt_or_mailbox(s: str, start: int, end: int, end_kind: str) -> Shape | None:
    """The shape of a QR code's caption (扫码看视频) or of a column's mailbox line
    (栏目投稿邮箱：…@…: the last line of a column's article, not a kicker of the next)."""
    n = len(s)
    if n <= cues.QR_PROMPT_MAX_CHARS and "扫" in s and cues.QR_PROMPT.match(s):
        return Shape(start, end, CAPTION, end_kind)
    # (a hard-wrapped page may break the address over two lines: rmrbzzb@ / peopledaily.cn)
    if "@" in s and n <= MAILBOX_MAX_CHARS and cues.MAILBOX.search(s.replace("\n", "")):
        return Shape(start, end, TRAILING, end_kind, closes=True)
    return None


def signer(s: str, start: int, end: int, end_kind: str) -> Shape | None:
    """The byline shape of a short line that names its writer without a role word, if it is
    one: ——编  者 (who signed the note above; it stays in its article) or □马晓冲 (the name led
    by the byline's bullet, as ■本报记者 张三 is)."""
    if s[0] in cues.DASH_CHARS and _signature(s):
        return Shape(start, end, BYLINE, end_kind, signature=True)
    if s[0] in BYLINE_BULLETS and len(s) <= BULLET_NAME_MAX_CHARS and cues.names_line(s[1:]):
        return Shape(start, end, BYLINE, end_kind)
    return None


def bracketed_names(s: str) -> bool:
    """Whether line ``s`` is a writer's name in brackets (（张三）): the end note under the
    last paragraph of an article. Two writers sign a short item so too (（郭颖 天乐）): the
    first name with a known surname, the other of two or three characters (a correspondent's
    pen name need not start with one)."""
    if s[-1] not in "）)":
        return False
    inner = s[1:-1].strip()
    if cues.names_line(inner):
        return True
    parts = inner.split()
    return (
        len(parts) == 2
        and cues.names_line(parts[0])
        and all(2 <= len(p) <= 3 for p in parts)
        and cues.NAMES_ONLY.match(inner) is not None
    )
