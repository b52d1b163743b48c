"""Page text -> raw paragraph ranges, in the page's own flavour.

Two flavours occur and are told apart per page:

* **blank-line flavour**: paragraphs are separated by blank lines; a single line break inside
  a paragraph is a hard line break of that paragraph (a two-line byline or subheadline);
* **line flavour**: one paragraph per line (web and many OCR exports), no blank lines, or blank
  lines only between larger units such as articles.

A page is in line flavour when all its lines stand in one blank-free run, or when many of the
single line breaks follow a finished sentence (in the blank-line flavour a hard break follows
a name or a phrase, in hard-wrapped text it falls anywhere; only one-paragraph-per-line text
breaks mostly after 。).

A third case comes first: **hard-wrapped** text (PDF conversion), where every visual line of a
column is a line of its own, so most lines have the same length (the column width) and do
not end a sentence. Such a page is reflowed: consecutive lines make one paragraph, which ends

* at a line shorter than the column (a line ending in 。 may fill the column and still go on;
  a line one short whose last character a push-out moved down with the two marks that open
  the next line, …地才会 / 好。”…, fills it);
  where the converter dropped the paragraphs' indent (Chinese papers indent body text by two
  characters), the page's first lines are that much shorter than the column: the room is
  learnt from the lines after clear paragraph ends (:func:`first_line_room`), a first line
  that short is full, and a line that short which does not end a sentence starts a paragraph
  (after a full line ending in 。, or after another first line: a title of that length), and
  so does one that ends a sentence when a line filling the column stands under it (no
  paragraph's last line does: the next first line would be as short);
* before and after a line wider than the column (a headline or page header across columns;
  one character wider is wider when no hanging mark, half-width character or squeezed pair
  of marks explains it: …广陵文旅集团提供);
* before a short line without a sentence end after a line that ends one (a title), and before
  any line without one that stands over a byline or a line of names (a headline over its
  author), and before a short line of names only or a short line opening with —— that ends no
  sentence (a subheadline);
* after a byline, a page header or an end note in brackets, and after a numbered intertitle of two phrases side by side (三、甲 乙);
* before an indented line when the page indents its paragraphs (a line opening with a space
  that the line above ends in is no indent: a wrap inside a run of spaces), and before a
  blank line;
* on a page set without any indent, before a line opening a quotation (“) after a line that
  ends a sentence;
* before a line that can only start a paragraph (heading, lead, byline, caption, furniture,
  a note such as 编者按：), and, after a line that ends a sentence, before a numbered or
  bulleted line or a speaker's label (1. / ■ / 答：);

but never after a line that is a lead's dateline alone (本报合肥1月27日电): its text follows.

Ranges are ``(start, end)`` with both ends on non-whitespace characters: leading and trailing
whitespace of each paragraph is left out, nothing inside is touched (the page is immutable).
"""

from __future__ import annotations

from typing import NamedTuple

from annotator import rules_regex

from . import cues
from .shapes import is_page_header
from .words import word_across

# One line's content: from its first to its last non-whitespace character. ``[^\n]`` keeps a
# match on one line, so consecutive matches are consecutive non-blank lines.
_LINE = rules_regex.compile(r"\S(?:[^\n]*\S)?")
# A run of non-blank lines: a line, then more lines each after exactly one line break (blank
# lines may hold spaces). Both ends are stripped like ``_LINE``.
# The second group takes part only when the run has more than one line.
_GROUP = rules_regex.compile(r"\S(?:[^\n]*\S)?((?:[^\S\n]*\n[^\S\n]*\S(?:[^\n]*\S)?)+)?")

# Line kinds used to split a blank-line paragraph whose lines obviously do not belong together.
_PLAIN, _HEAD, _LEAD, _BYLINE, _CAPTION, _FURNITURE, _NAMES = range(7)


def lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the stripped ``(start, end)`` range of every non-blank line of ``text``."""
    if end is None:
        end = len(text)
    return [m.span() for m in _LINE.finditer(text, start, end)]


def is_line_flavour(text: str, groups: list[tuple[int, int]], multi: list[int]) -> bool:
    """Tell whether the page puts one paragraph on each line (see the module docstring).

    ``groups`` are the runs of non-blank lines, ``multi`` the indices of runs of several lines.
    """
    if len(groups) == 1:
        return True  # no blank line at all (a one-line page reads the same either way)
    inner = 0  # single line breaks (no blank line between two non-blank lines)
    after_sentence = 0  # … of which follow a finished sentence
    for i in multi:
        start, end = groups[i]
        spans = lines(text, start, end)
        inner += len(spans) - 1
        for _, line_end in spans[:-1]:
            if cues.ending(text[max(line_end - 4, start) : line_end]) == cues.END_FINAL:
                after_sentence += 1
    # Two-fifths is far above what hard-wrapped text reaches (a wrapped line ends on 。 about
    # as often as any character is 。) and far below one-paragraph-per-line text.
    return after_sentence >= 2 and after_sentence * 5 >= inner * 2


# Hard-wrapped pages: enough lines to tell, and a column at most this wide.
_WRAP_MIN_LINES = 8
_WRAP_MIN_FULL = 6
_WRAP_MIN_BREAKS = _WRAP_MIN_FULL  # single line breaks on the page before it is looked at
_WRAP_WIDTH = range(10, 49)
_INDENT = frozenset(" \t\u3000\xa0")

# The indent a converter dropped: two characters of room at least and this many at most, seen
# after at least this many clear paragraph ends, and after more of them than full lines are.
MAX_ROOM = 3
_MIN_ROOM = 2
_MIN_ROOM_LINES = 2


def _line_starts(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Where each line of ``spans`` begins, indentation included."""
    return [text.rfind("\n", 0, start) + 1 for start, _ in spans]


def wrap_width(
    text: str,
    spans: list[tuple[int, int]],
    starts: list[int],
    tails: list[str] | None = None,
) -> int:
    """The column width of a hard-wrapped page (see the module docstring), else 0.

    Most lines are as long as the most common length, give or take one character (hanging
    punctuation), and most of those full lines end in the middle of a sentence. ``tails``:
    the lines' :func:`cues.tail_endings`, when the caller has them.
    """
    if len(spans) < _WRAP_MIN_LINES:
        return 0
    lengths = [end - first for first, (_, end) in zip(starts, spans, strict=True)]
    width = _common_width(lengths)
    if width not in _WRAP_WIDTH:
        return 0
    if tails is None:
        tails = cues.tail_endings(text, spans)
    full, open_ends, filled = _full_lines(lengths, tails, width)
    if full < _WRAP_MIN_FULL or filled * 5 < len(spans) * 2 or open_ends * 5 < full * 3:
        return 0
    return width


def _common_width(lengths: list[int]) -> int:
    """The length at which most lines end (the column, if the page is hard-wrapped)."""
    counts: dict[int, int] = {}
    for n in lengths:
        counts[n] = counts.get(n, 0) + 1
    # The column is where most lines end: the best window of three lengths, then its most
    # common length (a line with hanging punctuation is one longer than the column).
    centre = max(counts, key=lambda n: (counts[n] + counts.get(n - 1, 0) + counts.get(n + 1, 0), n))
    return max(
        (n for n in (centre - 1, centre, centre + 1) if n in counts), key=lambda n: (counts[n], n)
    )


def _full_lines(lengths: list[int], tails: list[str], width: int) -> tuple[int, int, int]:
    """How many lines of ``lengths`` fill a column of ``width`` (give or take one), how many
    of those end open, and how many fill it counting a first line short of a dropped indent."""
    full = open_ends = 0
    for n, tail in zip(lengths, tails, strict=True):
        if width - 1 <= n <= width + 1:
            full += 1
            open_ends += tail != cues.END_FINAL
    # A first line short by an indent the converter dropped fills the column too when a
    # full line follows it (pages of short paragraphs have nearly as many of them as of
    # other full lines; a title of that length is followed by a paragraph, not a line).
    filled = full + sum(
        1
        for n, after in zip(lengths, lengths[1:], strict=False)
        if width - MAX_ROOM <= n < width - 1 and width - 1 <= after <= width + 1
    )
    # (one paragraph a line has many lines wider than any column: there no line is "full")
    wide = sum(1 for n in lengths if n > width + 1)
    if wide * 4 > len(lengths):
        filled = full
    return full, open_ends, filled


def _starts_paragraph(s: str) -> bool:
    """Whether a line can only be the first line of a paragraph."""
    cue = cues.start_cue(s)
    if cue in ("heading", "furniture", "lead", "caption"):
        return True
    if s[0] in "（(" and cues.TRAILING_BYLINE.match(s):
        return True  # （本报记者 张三） stands on its own line
    return (
        s[-1] not in "摄影"
        and cues.BYLINE_HINT.search(s) is not None
        and cues.BYLINE.match(s) is not None
    )


def _word_runs_on(text: str, line: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """Whether a word runs from ``line``, which ends without punctuation, into ``nxt``: a line
    that can only be a paragraph's first (see ``_starts_paragraph``) is one only when none
    does: 本|报记者走进安徽、海南… reads as a byline, but the line above ends in the middle of
    本报 (a word cut by the line break goes on)."""
    return cues.ending(text[max(line[1] - 4, line[0]) : line[1]]) == cues.END_OPEN and (
        word_across(text[line[0] : line[1]], text[nxt[0] : nxt[1]])
    )


def _byline_line(s: str) -> bool:
    """Whether a line is a whole byline (本报记者 张三 李四)."""
    return (
        len(s) <= _BYLINE_LINE_MAX
        and cues.BYLINE_HINT.search(s) is not None
        and cues.BYLINE.match(s) is not None
    )


_BYLINE_LINE_MAX = 40


def _line_of_its_own(s: str) -> bool:
    """Whether the first line of a wrapped paragraph is all of it: a byline, a page header or
    an end note in brackets (the next line, however it looks, starts a paragraph)."""
    return (
        _byline_line(s)
        or is_page_header(s)
        or (s[0] in "（(" and cues.TRAILING_BYLINE.match(s) is not None)
    )


def _title_line(length: int, width: int, final: bool) -> bool:
    """Whether a line of a wrapped page (``length`` with its indent, ``final``: whether it
    ends a sentence) is short of the column and ends without a full stop.

    A paragraph's last line ends a sentence; a short line that does not, after a sentence
    end, is a title of its own (the last line of a paragraph cut by a column break is full).
    """
    return length < width - 1 and not final


class Layout(NamedTuple):
    """What the reflow of a hard-wrapped page learnt of its setting (all zero on any other
    page): the column ``width``, the ``room`` a paragraph's first line leaves where the
    converter dropped the indent, and whether the page ``indented`` its paragraphs' first lines.
    The joins read it: a wrapped paragraph goes on only from a full line (a column ends full)."""

    width: int = 0
    room: int = 0
    indented: bool = False


NO_LAYOUT = Layout()


def _reflow(
    text: str, spans: list[tuple[int, int]], starts: list[int], width: int, tails: list[str]
) -> tuple[list[tuple[int, int]], Layout]:
    """Paragraphs of a hard-wrapped page: runs of lines joined as the module docstring says
    (``tails``: the lines' :func:`cues.tail_endings`), and the page's :class:`Layout`."""
    indents = _indents(text, spans, starts)
    uses_indent = len(indents) >= 2
    starts = _pushed_out(text, spans, starts)  # (the lengths from here on count what went down)
    # Each line's ending is read once: every line is both the line before a break and the line
    # after one, and the checks of a break read both.
    endings = cues.line_endings(text, spans, tails)
    finals = [e == cues.END_FINAL for e in endings]
    room = -1 if uses_indent else first_line_room(text, spans, starts, width, finals)
    out: list[tuple[int, int]] = []
    para_start = spans[0][0]
    for k in range(len(spans) - 1):
        start, end = spans[k]
        nxt_start, nxt_end = spans[k + 1]
        n = end - starts[k]
        final = finals[k]
        # A first line is full when it fills the column but for the dropped indent's room
        # (exactly: one shorter is a title's length); other lines may miss it by one.
        first_line = room > 0 and start == para_start
        column = width - room if first_line else width
        ends = (
            n < column - (0 if final or first_line else 1)
            # Wider than the column (indentation aside): a headline or header across columns.
            or _wider(text, start, end, width)
            or _wider(text, nxt_start, nxt_end, width)
            or (uses_indent and k + 1 in indents)
            or (nxt_start - end > 1 and text.count("\n", end, nxt_start) > 1)  # a blank line
            or (first_line and _first_line(spans[k + 1], starts[k + 1], width, room, finals[k + 1]))
            # (a colon announces what follows as a sentence end does: …发展。建议：)
            or (
                (final or text[end - 1] in "：:")
                and _after_sentence(text, spans, starts, k, width, room, finals)
            )
            or (start == para_start and _first_line_alone(text, spans, starts, k, width, endings))
            or _opens_paragraph(text, spans[k], spans[k + 1], width)
        )
        if text[nxt_end - 1] == "电" and _dateline_goes_on(text, start, nxt_start, nxt_end):
            ends = False  # …工作。  新华社 / 北京3月4日电: the dateline runs onto the next line
        if ends and not (_dateline_alone(text, start, end) and _opens_lead(text, spans, k)):
            out.append((para_start, end))
            para_start = nxt_start
    out.append((para_start, spans[-1][1]))
    return out, Layout(width, max(room, 0), uses_indent)


# Marks that no line opens with (those no paragraph opens with, and the ASCII ``!``, which
# opens a markdown image ![](…) but no line of wrapped text): a typesetter who cannot hang two
# of them (…话。”) at a line's end pushes the character before them down with them, and the
# line above falls one short of the column without ending there.
_NO_LINE_START = cues.NO_START_CHARS | {"!"}


def _pushed_out(text: str, spans: list[tuple[int, int]], starts: list[int]) -> list[int]:
    """``starts`` with every line whose last character a push-out moved down to the next line
    (which opens with one character and two marks no line opens with: 话。”…, 路”。…) begun one
    character earlier, so that its length counts that character: the line is full, and
    the paragraph goes on (no paragraph opens so)."""
    out = starts[:]
    for k in range(len(spans) - 1):
        nxt = spans[k + 1][0]
        if (
            text[nxt + 1 : nxt + 2] in _NO_LINE_START
            and text[nxt + 2 : nxt + 3] in _NO_LINE_START
            and text[nxt] not in _NO_LINE_START
        ):
            out[k] -= 1
    return out


# Marks a typesetter squeezes where two stand together (…。”, ：“, 》（): a line holding such a
# pair fits one character more than the column.
_SQUEEZED = frozenset("，。、；：！？“”‘’（）《》〈〉【】「」『』")


def _wider(text: str, start: int, end: int, width: int) -> bool:
    """Whether line ``[start, end)`` stands wider than the column of ``width`` (a headline, a
    credit or a page header set across columns): by two characters or more, or by one that
    nothing in the line explains (…广陵文旅集团提供): no mark hanging at its end, no
    half-width character (digits and Latin letters fit more to a line) and no pair of marks
    squeezed together."""
    n = end - start
    if n != width + 1:
        return n > width + 1
    if text[end - 1] in _NO_LINE_START:
        return False  # (most lines one longer: a mark hanging at the end)
    line = text[start:end]
    return all(c >= "\u2000" for c in line) and not any(
        a in _SQUEEZED and b in _SQUEEZED for a, b in zip(line, line[1:], strict=False)
    )


def indented(text: str, first: int, start: int) -> bool:
    """Whether the line of ``text`` that begins at ``first`` (just after a line break, or at
    the page's start) and whose text begins at ``start`` is indented: it opens with
    whitespace, unless the line right above holds text and ends in whitespace. A wrap that
    falls inside a run of spaces (本报北京2月18日电  （记者…） cut between its two spaces) leaves
    one at the end of a line and one at the start of the next: that is the text's own space
    going on, not an indent; so is a run of half-width spaces alone under a line ending in a
    Latin letter or a figure (…loving me so / ␣much…, 圆明园·720 / ␣␣穿越飞船…): a wrap at the
    gap between words. Under a blank line (or none: the page's first line) an opening space
    is an indent."""
    if start <= first:
        return False
    above = text[first - 2] if first >= 2 else "\n"  # (``first - 1`` is the line break above)
    if above.isascii() and above.isalnum() and not text[first:start].strip(" "):
        return False  # …loving me so / ␣much…: a space between Latin words or figures wrapped
    if above == "\n" or not above.isspace():
        return True
    return not text[text.rfind("\n", 0, first - 1) + 1 : first - 1].strip()


def _indents(text: str, spans: list[tuple[int, int]], starts: list[int]) -> set[int]:
    """The indices of the :func:`indented` lines of ``spans``."""
    return {
        k
        for k, (first, (start, _)) in enumerate(zip(starts, spans, strict=True))
        if indented(text, first, start)
    }


# How a line opens a paragraph by itself (``_opening``): not at all, whatever the line above,
# or unless a word runs into it from the line above.
_RUNS_ON, _OPENS, _OPENS_UNLESS_CUT = range(3)


def _opens_paragraph(text: str, line: tuple[int, int], nxt: tuple[int, int], width: int) -> bool:
    """Whether line ``nxt`` starts a paragraph by itself after ``line`` (see :func:`_opening`)."""
    opening = _opening(text, nxt[0], nxt[1], width)
    return opening == _OPENS or (
        opening == _OPENS_UNLESS_CUT and not _word_runs_on(text, line, nxt)
    )


def _opening(text: str, start: int, end: int, width: int) -> int:
    """Whether line ``[start, end)`` of a wrapped page starts a paragraph by itself: a note's
    label (编者按：), a line of names alone or a —— subheadline short of the column, or (unless
    a word runs into it, see :func:`_word_runs_on`) a line that can only be a
    paragraph's first one."""
    # (each check's own first test, made here: most lines fail them all, without a call)
    first = text[start]
    short = end - start < width - 1
    if (
        (first in cues.NOTE_CHARS and _opens_note(text, start, end))
        or (short and _names_alone(text, start, end, width))
        or (short and first in cues.DASH_CHARS and _dash_subheadline(text, start, end, width))
    ):
        return _OPENS
    return _OPENS_UNLESS_CUT if _starts_paragraph(text[start:end]) else _RUNS_ON


def _after_sentence(
    text: str,
    spans: list[tuple[int, int]],
    starts: list[int],
    k: int,
    width: int,
    room: int,
    finals: list[bool],
) -> bool:
    """Whether a paragraph ends after line ``k``, which ends a sentence (or a clause with a
    colon), by what the next line is: a first line (by its length or opening), a quotation
    opening on a page without indent, a title, a list item, or a headline over its author."""
    nxt_start, nxt_end = nxt = spans[k + 1]
    if _starts_after_sentence(text, nxt, starts[k + 1], width, room, finals[k + 1]):
        return True
    if room > 0 and k + 2 < len(spans) and _first_over_full(spans, starts, k + 1, width, room):
        return True
    if not finals[k]:
        return False  # (a colon: only a first line follows it as after a sentence end)
    return (
        (room == 0 and _QUOTE_OPENING.match(text, nxt_start, nxt_end) is not None)
        or _title_line(nxt_end - starts[k + 1], width, finals[k + 1])
        or _ITEM_AFTER_SENTENCE.match(text, nxt_start, nxt_end) is not None
        or (k + 2 < len(spans) and _title_over_author(text, spans[k + 1 : k + 3], finals[k + 1]))
    )


def _first_over_full(
    spans: list[tuple[int, int]], starts: list[int], j: int, width: int, room: int
) -> bool:
    """Whether line ``j``, as long as a first line on a page whose converter dropped the indent
    (short of the column by its ``room``), stands over a line that fills the column: it is
    no paragraph's last line, however it ends (…构成部分。 may close a first line too), since
    the first line of the next paragraph would be as short; so it is a first line."""
    n = spans[j][1] - starts[j]
    below = spans[j + 1][1] - starts[j + 1]
    # (a first line with a hanging mark is one longer than its room leaves, as long as a full
    # line one short: the line below must be longer than any first line)
    return width - room <= n <= width - room + 1 and width - room + 1 < below <= width + 1


def _first_line_alone(
    text: str,
    spans: list[tuple[int, int]],
    starts: list[int],
    k: int,
    width: int,
    endings: list[str],
) -> bool:
    """Whether line ``k``, a paragraph's first, is all of the paragraph: a line of its own
    (byline, page header, end note), a numbered intertitle, or a title line over another."""
    start, end = spans[k]
    return (
        _line_of_its_own(text[start:end])
        or _numbered_title(text, start, end)
        or _two_titles(text, spans[k], spans[k + 1], starts[k + 1], width, endings[k : k + 2])
        or _titles_over_own_line(text, spans, k, endings)
    )


_SENTENCE_MARKS = rules_regex.compile(r"[。！？!?；;]")


def _titles_over_own_line(
    text: str, spans: list[tuple[int, int]], k: int, endings: list[str]
) -> bool:
    """Whether a paragraph's first line and the line under it are two title lines over a
    line of its own (a byline): 某地推出某某之旅—— / 看地戏起舞 听铜鼓回响（走进传统村落） /
    本报记者  某某. Each may fill the column (a kicker and a headline set across it), but no
    paragraph of text ends without a sentence end right above a byline, and neither line
    holds one; a word running from one line into the next keeps them one paragraph (…相关 /
    负责人表示，2025年，中 / 国林业科学研究院: no byline under it either)."""
    if k + 2 >= len(spans) or endings[k + 1] not in (cues.END_OPEN, cues.END_CLOSE):
        return False
    if endings[k] not in _TITLE_ENDINGS:
        return False
    (a, b), (c, d), (e, f) = spans[k : k + 3]
    return (
        _line_of_its_own(text[e:f])
        and _SENTENCE_MARKS.search(text, a, d) is None
        and not word_across(text[a:b], text[c:d])
        and not word_across(text[c:d], text[e:f])
    )


# Endings of a title line: no punctuation, a closing bracket (…（新视点）), a dash (…问题——).
_TITLE_ENDINGS = frozenset((cues.END_OPEN, cues.END_CLOSE, cues.END_DASH))


def _two_titles(
    text: str,
    line: tuple[int, int],
    nxt: tuple[int, int],
    nxt_first: int,
    width: int,
    endings: list[str],
) -> bool:
    """Whether a paragraph's first line and the short line under it are two title lines.

    A two-line paragraph ends a sentence on its short last line (a column cut leaves its last
    line full); a full first line that ends without a sentence end (前10月…均实现两位数增长,
    …突出问题——) over a short line without one (工程机械行业加快转型升级（新视点）) is a
    kicker or headline over its headline or subheadline, set wider than the column (a
    paragraph that introduces a list may end in —— alone on its last line), unless a word
    runs from one into the other. ``endings``: the two lines' (:func:`cues.line_ending`).
    """
    return (
        nxt[1] - nxt_first < width - 1
        and endings[1] in (cues.END_OPEN, cues.END_CLOSE)
        and endings[0] in _TITLE_ENDINGS
        # (a roster line goes on onto its second line: 王  明  某市农业农村局党组书记、局 /
        # 长; so does a line wrapped in the middle of a word: 清华大学国家金融研 / 究院院长)
        and not cues.roster_line(text[line[0] : line[1]])
        and not word_across(text[line[0] : line[1]], text[nxt[0] : nxt[1]])
    )


def _final(text: str, start: int, end: int) -> bool:
    """Whether the line ``[start, end)`` ends a sentence."""
    return cues.line_ending(text, start, end) == cues.END_FINAL


def first_line_room(
    text: str,
    spans: list[tuple[int, int]],
    starts: list[int],
    width: int,
    finals: list[bool] | None = None,
) -> int:
    """How many characters short of the column a paragraph's first line is on a page whose
    converter dropped the indent (Chinese papers set body text with a two-character indent,
    and many PDF converters leave its whitespace out); 0 when the page shows none.

    Learnt from the page itself: a line after a clear paragraph end (a line short of the
    column that ends a sentence) is a first line, and so is a line short by the room that
    ends open over a full line after a full line ending a sentence (where paragraphs mostly
    end on full lines, clear ends are few); when most such lines fall one to three
    characters short of the column rather than filling it, the page leaves that room (the
    most common shortfall; a first line with a hanging punctuation mark is one longer). A
    room of one character is no indent's (Chinese body text indents by two): a first line
    that long could not be told from a full line one short, so every full line would start
    a paragraph (two first lines ending on a hanging mark, …收入分配、, teach it).
    ``finals``: whether each line ends a sentence, when the caller knows.
    """
    if finals is None:
        finals = [_final(text, start, end) for start, end in spans]
    counts: dict[int, int] = {}
    full = 0
    for k in range(len(spans) - 1):
        end, nxt_end = spans[k][1], spans[k + 1][1]
        if not finals[k]:
            continue
        n = nxt_end - starts[k + 1]
        if end - starts[k] >= width - 1:
            # After a full line ending a sentence a paragraph may go on or end; a line short
            # by the room that ends open over a full line is a first line all the same (no
            # paragraph's last line ends open, and a title has no full line under it).
            if (
                width - MAX_ROOM <= n < width - 1
                and not finals[k + 1]
                and k + 2 < len(spans)
                and width - 1 <= spans[k + 2][1] - starts[k + 2] <= width + 1
            ):
                counts[n] = counts.get(n, 0) + 1
            continue
        if width <= n <= width + 1:
            full += 1  # (a line wider than the column is a headline across columns)
        elif width - MAX_ROOM <= n < width:
            counts[n] = counts.get(n, 0) + 1
    if not counts:
        return 0
    best = max(counts, key=lambda n: (counts[n], n))
    seen = counts[best] + counts.get(best + 1, 0)
    if seen < _MIN_ROOM_LINES or seen <= full or width - best < _MIN_ROOM:
        return 0
    return width - best


# A paragraph's opening that a sentence inside a paragraph seldom has: a quotation opening,
# a date (3月5日，).
_OPENING = rules_regex.compile(
    r"[“「『]|[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日"
)


# On a page set without any indent, a line opening a quotation after a line that ends a
# sentence starts a paragraph: in news text a quotation opens about one paragraph in six and
# far fewer sentences inside a paragraph (a reported speech is a paragraph of its own; 他说：
# before it ends no sentence).
_QUOTE_OPENING = rules_regex.compile(r"[“「『]")


def _starts_after_sentence(
    text: str, nxt: tuple[int, int], nxt_first: int, width: int, room: int, nxt_final: bool
) -> bool:
    """Whether the line ``nxt``, after a line that fills the column and ends a sentence (a
    paragraph may end so, or go on), begins a new paragraph.

    Only a page whose converter dropped the indent (``room`` > 0) tells: a line short by the
    indent's room is a first line when it does not end a sentence; when it does, it may be
    a paragraph's last line as well, and only an opening like a paragraph's (a quotation, a
    date) makes it a first line. Where the page keeps its indent, the indent tells
    elsewhere; on a page set without one nothing tells: the opening alone splits too many
    paragraphs at a quotation in their middle, and no word runs across a sentence end, so
    the cut-word cue has nothing to say. ``nxt_final``: whether ``nxt`` ends a sentence.
    """
    if room <= 0:
        return False
    if _first_line(nxt, nxt_first, width, room, nxt_final):
        return True
    start, end = nxt
    return width - room <= end - nxt_first <= width - room + 1 and bool(
        _OPENING.match(text, start, end)
    )


def _first_line(
    nxt: tuple[int, int], nxt_first: int, width: int, room: int, nxt_final: bool
) -> bool:
    """Whether ``nxt`` is, by its length, the first line of a paragraph (short of the column
    by the dropped indent's room, not ending a sentence: ``nxt_final`` false): after a
    paragraph's first line, that line was a paragraph of one line (a title as long as a first
    line)."""
    n = nxt[1] - nxt_first
    return width - room <= n <= width - room + 1 and not nxt_final


def _dash_subheadline(text: str, start: int, end: int, width: int) -> bool:
    """Whether a line short of the column opens with —— and ends no sentence: a subheadline
    (——记某某, ——某某工作回眸) under its headline, not the last line of a paragraph (which
    ends a sentence, and whose dash would stand inside a sentence)."""
    if text[start] not in cues.DASH_CHARS or end - start >= width - 1:
        return False
    dash = cues.SUB_DASH.match(text, start)
    # (a dash alone on the line is the hanging end of a paragraph introducing a list: 实践——)
    return (
        dash is not None and end - dash.end() >= _SUBHEAD_MIN_CHARS and not _final(text, start, end)
    )


_SUBHEAD_MIN_CHARS = 2  # after its dash


def _names_alone(text: str, start: int, end: int, width: int) -> bool:
    """Whether a line short of the column holds personal names only (张  燕, 耿  磊): the
    author under a commentary's headline, a paragraph of its own."""
    return end - start < width - 1 and cues.names_line(text[start:end])


def _title_over_author(text: str, pair: list[tuple[int, int]], title_final: bool) -> bool:
    """Whether, after a sentence end, a line without one (``title_final`` false) stands over
    a byline or a line of names: a headline over its author (装修违规拆改承重墙，谁来赔？（新闻看法）
    / 本报记者  王  洲), however wide it is (a headline may fill the column)."""
    if title_final:
        return False
    a_start, a_end = pair[1]
    author = text[a_start:a_end]
    return _byline_line(author) or (len(author) <= _NAMES_LINE_MAX and cues.names_line(author))


_NAMES_LINE_MAX = 16  # three names padded to three characters: 邱超奕  宋佳航  吕金锴


# After a line that ends a sentence, a line opening with a number, a bullet or a speaker's
# label opens a list item, a numbered intertitle or a turn of an interview (1. / 三、 / （二） /
# ■ / 答：); not 一是, 首先, 最后: sentences inside a paragraph open so.
_ITEM_AFTER_SENTENCE = rules_regex.compile(
    r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d)"
    r"|[①-⑳❶-❿■□●◆◇★☆◎○•]|[问答][:：]"
)


# Two phrases side by side, a space between them (坚持问题导向 推动改革落地): a title's form.
_PHRASES = rules_regex.compile(rf"[{cues.HAN}][ \u3000]+[{cues.HAN}]")


def _numbered_title(text: str, start: int, end: int) -> bool:
    """Whether the first line of a paragraph is a numbered intertitle of two phrases side by
    side without punctuation (三、扎实推进充电基础设施 古村落见实效): a line of its own, even
    when it fills the column."""
    m = _ITEM_AFTER_SENTENCE.match(text, start, end)
    if m is None or text[start] in "问答":
        return False
    rest = text[m.end() : end]
    return cues.TITLE_PUNCT.search(rest) is None and _PHRASES.search(rest) is not None


def _opens_note(text: str, start: int, end: int) -> bool:
    """Whether a line opens with a note's label and its colon (编者按：, 核心提示：): a note
    of the article head is a paragraph of its own, whatever the line above."""
    if text[start] not in cues.NOTE_CHARS:
        return False
    m = cues.NOTE.match(text, start, end)
    return m is not None and text[m.end() - 1] in "：:"


def _dateline_alone(text: str, start: int, end: int) -> bool:
    """Whether a line is a lead's dateline and nothing else (本报合肥1月27日电): the lead's
    text follows on the next line, whatever its length or indentation (a space after 电
    may fall at the line break)."""
    if text[end - 1] not in "电讯息":
        return False
    m = cues.DATELINE.match(text, start, end)
    return m is not None and m.end() == end


def _dateline_goes_on(text: str, start: int, nxt_start: int, nxt_end: int) -> bool:
    """Whether the next line ``[nxt_start, nxt_end)`` ends a closing dateline that this line
    began (…工作。  新华社 / 北京3月4日电): the next line is the rest of this paragraph."""
    if text[nxt_end - 1] != "电" or cues.DATELINE_ALONE.match(text, nxt_start, nxt_end):
        return False
    return cues.ends_with_dateline(text[max(start, nxt_end - 40) : nxt_end])


def _opens_lead(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Whether the dateline alone on line ``k`` opens a lead rather than closes a wire story.

    A story that did not open with its dateline prints it under its last sentence, on the
    paragraph's last line or on a line of its own after it (…新篇章。 / 新华社北京3月4日电):
    after a finished sentence it closes; under a headline or a byline it opens the lead.
    """
    start, end = spans[k]
    # (a line that names its agency, 本报北京11月17日电, is a dateline by itself: the line
    # above, a headline ending on a quotation and a word, does not begin it)
    if (
        k > 0
        and cues.DATELINE_ALONE.match(text, start, end) is None
        and cues.ends_with_dateline(text[max(spans[k - 1][0], end - 40) : end])
    ):
        return False  # …新篇章。  新华社 / 北京3月4日电: the dateline broken over the lines
    return k == 0 or not _final(text, *spans[k - 1])


def _line_kind(s: str) -> int:
    """Classify one line of a multi-line paragraph by the cues that must start a paragraph."""
    cue = cues.start_cue(s)
    if cue == "heading":
        return _HEAD
    if cue == "furniture":
        return _FURNITURE
    if cues.BYLINE_HINT.search(s) and cues.BYLINE.match(s):
        return _BYLINE
    if cue == "lead":
        return _LEAD
    if cue == "caption":
        return _CAPTION
    if len(s) <= 16 and cues.NAMES_ONLY.match(s):
        return _NAMES
    return _PLAIN


def _breaks_paragraph(a: int, b: int) -> bool:
    """Whether a line break between lines of kinds ``a`` and ``b`` must start a new paragraph.

    A markdown heading is one line by definition; a lead, a furniture line or a caption starts
    its own paragraph; a byline does not share a paragraph with anything but another byline
    line (■本报记者 张三 / 通讯员 李四 stays one two-line byline).
    """
    if a in (_HEAD, _FURNITURE) or b in (_HEAD, _FURNITURE, _LEAD):
        return True
    if a == _BYLINE and b == _NAMES:
        return False  # 本报记者 张三 / 李四: the names go on
    if (a == _BYLINE) != (b == _BYLINE):
        return True
    return b == _CAPTION and a != _CAPTION


def _split_group(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append the paragraphs of a blank-separated run of several lines ``[start, end)``."""
    group = lines(text, start, end)
    kinds = [_line_kind(text[s:e]) for s, e in group]
    for k in range(1, len(group)):
        if _breaks_paragraph(kinds[k - 1], kinds[k]):
            out.append((start, group[k - 1][1]))
            start = group[k][0]
    out.append((start, end))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` ranges of the paragraphs of ``text``, in page order."""
    return paragraph_layout(text)[0]


def paragraph_layout(text: str) -> tuple[list[tuple[int, int]], Layout]:
    """The ``(start, end)`` ranges of the paragraphs of ``text``, in page order, and the
    page's :class:`Layout` (``NO_LAYOUT`` unless the page is hard-wrapped)."""
    groups: list[tuple[int, int]] = []
    multi: list[int] = []  # indices of runs with more than one line
    for m in _GROUP.finditer(text):
        if m.lastindex:
            multi.append(len(groups))
        groups.append(m.span())
    if not multi:
        return groups, NO_LAYOUT  # blank-line flavour without hard line breaks: the common case
    # Hard-wrapped text has many single line breaks; a few two-line bylines do not need a look.
    spans: list[tuple[int, int]] | None = None
    if sum(text.count("\n", *groups[i]) for i in multi) >= _WRAP_MIN_BREAKS:
        spans = lines(text)
        starts = _line_starts(text, spans)
        tails = cues.tail_endings(text, spans)
        width = wrap_width(text, spans, starts, tails)
        if width:
            return _reflow(text, spans, starts, width, tails)
    if is_line_flavour(text, groups, multi):
        # (the lines read above, if any)
        return (lines(text) if spans is None else spans), NO_LAYOUT
    out: list[tuple[int, int]] = []
    prev = 0
    for i in multi:
        out.extend(groups[prev:i])
        _split_group(text, *groups[i], out)
        prev = i + 1
    out.extend(groups[prev:])
    return out, NO_LAYOUT
