"""Paragraphs without a start cue: short ones become furniture, a closing note, a dash line
or a title; longer ones body text (or a meeting's points under a headline).
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.split import cues
from annotator.split.cues import (
    END_CLOSE,
    END_DASH,
    END_FINAL,
    ITEM_BULLETS,
    SUB_DASH,
    ends_with_note,
)
from annotator.split.cues.endings import note_open

from .furniture import is_page_header
from .kinds import BODY, DASH, FURNITURE, TRAILING, Shape
from .signatures import bracketed_names, prompt_or_mailbox, signed_at_end, signer
from .titles import SENTENCE_END, title_shape

# A headline-shaped paragraph: at most this many characters (markup and spaces included) and
# lines. Subheadlines of local papers run to some 50 characters, often on two lines.
TITLE_MAX_CHARS = 64
TITLE_MAX_LINES = 3
# A kicker ending in —— may be a long clause (…会议暨…推进会,要求——).
DASH_MAX_CHARS = 90


# A headline may end in ！ or ？ (春天来了！); a body paragraph that short is rare.
EXCLAIMED_TITLE_MAX_CHARS = 32


SHORT_BODY_MAX_CHARS = 60  # a body paragraph this short may be a photo's caption


def _title_length(s: str, end_kind: str) -> int:
    """The length of ``s`` as a title's is measured: without a column tag in brackets at its
    end (…理念：人类发展观“术语的革命”（深入学习贯彻…·原创性概念标识性概念纵横谈）), which a
    paper sets small and may make as long as it likes."""
    k = note_open(s) if end_kind == END_CLOSE else -1
    return len(s) if k <= 0 else k


def short_or_body(s: str, start: int, end: int, end_kind: str, listy: bool) -> Shape:
    """The shape of a paragraph without a start cue: furniture, a dash line, a title or body."""
    n = _title_length(s, end_kind)
    if n > TITLE_MAX_CHARS and end_kind != END_DASH:
        return _long(s, start, end, end_kind, listy)
    marked = prompt_or_mailbox(s, start, end, end_kind) or signer(s, start, end, end_kind)
    if marked is not None:
        return marked
    if is_page_header(s):
        return Shape(start, end, FURNITURE, end_kind)
    if s[0] in "（(" and (cues.bracketed_note(s) or bracketed_names(s)):
        # （摘编自《某报》）, （李华）
        return Shape(start, end, TRAILING, end_kind, closes=True, signed=cues.signed_note(s))
    if end_kind == END_DASH and n <= DASH_MAX_CHARS and not SUB_DASH.match(s):
        # (a line that opens with a date and a comma is a sentence of the text leading into
        # what follows, 2023年3月10日，…一幕——, no kicker)
        told = _DATED_SENTENCE.match(s) is not None
        return Shape(start, end, DASH, end_kind, listy=listy, told=told)
    if _listing_kicker(s):
        # 生成图像、合成语音、伪装客服…… over a headline: a kicker that lists, not a sentence.
        return listing_kicker_shape(s, start, end, listy)
    # (no title ends on a semicolon: a short line that does is an item of a list set as
    # paragraphs, or a paragraph's head cut by a column)
    if (end_kind != END_FINAL and n <= TITLE_MAX_CHARS and s[-1] not in "；;") or _exclaimed(s):
        nlines = s.count("\n") + 1
        if nlines <= TITLE_MAX_LINES:
            return title_shape(s, start, end, end_kind, listy, nlines)
    return _body(s, start, end, end_kind, listy)


# A line of points (a subheadline summing up a meeting) is at most this long, and holds this
# many phrases at least, each at least this long, set apart by spaces.
POINTS_MAX_CHARS = 200
POINTS_MIN_PHRASES = 3
_POINT = rules_regex.compile(r"[^\s。！？!?；;]{6,}")


def _points_line(s: str) -> bool:
    """Whether long one-line ``s`` is phrases side by side without any sentence end (学习贯彻
    …精神  听取…汇报  研究…工作  审议通过《…》): a subheadline listing a meeting's points,
    however long; body text ends its sentences, and a table row's fields are short."""
    if len(s) > POINTS_MAX_CHARS or "\n" in s:
        return False
    parts = s.split()
    return len(parts) >= POINTS_MIN_PHRASES and all(_POINT.fullmatch(p) for p in parts)


def _long(s: str, start: int, end: int, end_kind: str, listy: bool) -> Shape:
    """The shape of a paragraph longer than any title: body text, the common case, or a
    meeting's points under its headline (学习贯彻…精神  听取…汇报  研究…工作)."""
    if end_kind != END_FINAL and _points_line(s):
        points = title_shape(s, start, end, end_kind, listy, 1)
        points.points = True
        return points
    return _body(s, start, end, end_kind, listy)


# A kicker that lists and trails off (甲、乙、丙……) is this long at most.
LISTING_KICKER_MAX_CHARS = 30
# A listed phrase may quote a name (诱骗进入“明星粉丝群”); three phrases make a list when a
# comma or a 、 sets them apart.
_LISTED = rf"[{cues.HAN}“”‘’《》]{{2,10}}"
_LISTING_KICKER = rules_regex.compile(rf"{_LISTED}(?:[、，]{_LISTED}){{2,}}…+")
# Two phrases set apart by a 、 (谎称赠送游戏皮肤、诱骗进入“明星粉丝群”……) trail off in the
# text as often (超市里人头攒动、热闹非凡……): a kicker only over a headline (``page_shapes``).
_PAIRED = rf"[{cues.HAN}“”‘’《》]{{2,12}}"
_PAIRED_KICKER = rules_regex.compile(rf"{_PAIRED}、{_PAIRED}…+")


def _listing_kicker(s: str) -> bool:
    """Whether one-line ``s`` lists phrases and trails off in ……, nothing else: a kicker's
    form (生成图像、合成语音、伪装客服、伪造场景……), not a sentence of body text."""
    return (
        s[-1] == "…"
        and len(s) <= LISTING_KICKER_MAX_CHARS
        and _LISTING_KICKER.fullmatch(s) is not None
    )


def paired_listing(s: str) -> bool:
    """Whether one-line ``s`` is two phrases set apart by a 、 trailing off in ……, nothing
    else: a kicker's form where a headline follows, a sentence of the text elsewhere."""
    return (
        s[-1] == "…"
        and len(s) <= LISTING_KICKER_MAX_CHARS
        and _PAIRED_KICKER.fullmatch(s) is not None
    )


def listing_kicker_shape(s: str, start: int, end: int, listy: bool) -> Shape:
    """The shape of listing kicker ``s`` (生成图像、合成语音……): a title line left open."""
    return title_shape(s, start, end, cues.END_OPEN, listy, 1)


def _exclaimed(s: str) -> bool:
    """Whether short one-line ``s`` is a headline ending in ！ or ？ (before any column tag).

    谁来赔？（新闻看法）: the tag after the question is the column's, not a note closing a
    sentence of body text.
    """
    core = cues.untagged(s)
    return (
        len(core) <= EXCLAIMED_TITLE_MAX_CHARS
        and core[-1:] in ("！", "？", "!", "?")
        and ("\n" not in s)
    )


# A sentence that opens with its date and a comma (2023年3月10日，…): the text's, no title.
_DATED_SENTENCE = rules_regex.compile(
    r"(?:[0-9０-９]{4}年)?[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日[，,]"
)


def _body(s: str, start: int, end: int, end_kind: str, listy: bool) -> Shape:
    finished = end_kind == END_FINAL
    closes = finished and (ends_with_note(s) or cues.ends_with_dateline(s))
    item = listy and finished and s[0] in ITEM_BULLETS
    note = s[0] in cues.NOTE_CHARS and cues.NOTE.match(s) is not None
    # Counted for short paragraphs only (a one-sentence caption right above its photo credit).
    sentences = len(SENTENCE_END.findall(s)) if len(s) <= SHORT_BODY_MAX_CHARS else 0
    sh = Shape(start, end, BODY, end_kind)  # fields one by one: see titles.title_shape
    sh.listy = listy
    sh.closes = closes
    sh.signed = closes and cues.signed_note(s)
    sh.signs = closes and signed_at_end(s)
    sh.item = item
    sh.note = note
    sh.sentences = sentences
    sh.comma = sentences == 1 and ("，" in s or "," in s)
    sh.quoted = (
        len(s) <= QUOTED_TITLE_MAX_CHARS
        and s[0] == "“"
        and s[-1] == "”"
        and s[-2] in "？！?!"
        and s.count("“") == 1
    )
    return sh


# A quotation set as a title line (“用电视机看电视怎么这么费劲？”) is at most this long.
QUOTED_TITLE_MAX_CHARS = 32
