"""Markdown syntax in page text: the one definition of what is markup, not text.

Converters from PDF or OCR leave a little markdown in the pages. Export drops it from the
clean article text (``text``), the outline drops it from its excerpts (``gui/outline``) and
the splitter looks past it at a paragraph's last character (``split/cues``): all three
ask this module, so what the reviewer sees, what the splitter reads and what is exported
cannot disagree. Pure, with no I/O, like the rest of the core.

What is markup (and nothing else, so that every kept character is the page's own):

* a leading ATX heading marker, ``#`` to ``######``, and the spaces or tabs after it
  (only at the very start of the range, only when followed by a space or tab);
* ``**`` emphasis markers, in pairs (``**…**`` with non-empty content, scanning left to
  right; an unpaired ``**`` is kept);
* hard-break spaces: a run of two or more spaces at the end of a line inside the range
  (before a ``\\n``) or at the very end of the range;
* YAML front matter: the whole ``---`` … ``---`` block that opens a crawled page (its
  metadata: date, section, address), wherever the range overlaps it;
* at the start of every line of the range: blockquote markers (``>``, nested, with one
  blank after each) and then a bullet list marker (``-``, ``*`` or ``+`` followed by a blank);
  numbered items (``1.``) are kept, as Chinese text numbers its points in the text itself;
* a thematic break (a line of three or more ``-`` or ``_``, blanks between allowed, or of
  ``*`` set apart by blanks, ``* * *``; a bare ``***`` or ``****`` is kept, as an unpaired
  ``**`` is): the whole line;
* images, ``![alt](address)``, anywhere: a converter's link to a picture, not text;
* links, ``[text](address)``: the brackets and the address (the text is kept);
* ``__`` emphasis markers in pairs around text (not a fill-in blank ``____``) and ``<br>``;
* pipe tables: the ``|`` opening and closing each row (the ``|`` between cells is kept as the
  cells' separator) and the delimiter row (``| --- | --- |``) as a whole line; a setext
  underline (``===``) below the first line of the range.
"""

from __future__ import annotations

import re

__all__ = [
    "front_matter_end",
    "leading_markup_end",
    "markup_ranges",
    "may_have_markup",
    "strip_markup",
]

# A heading marker needs a following space or tab, as in CommonMark ("#5" is not a heading).
_HEADING = re.compile(r"#{1,6}[ \t]+")
# DOTALL: emphasis may run over a hard line break inside a block.
_EMPHASIS = re.compile(r"\*\*(?:.+?)\*\*", re.DOTALL)
# Two or more spaces before a line end are a markdown hard break, not text.
_HARD_BREAK = re.compile(r" {2,}(?=\n|\Z)")
# YAML front matter: only at the very start of the page (after a byte order mark), closed by
# a line of --- (or ...) within a few thousand characters; an unclosed --- is not one.
_FRONT_MATTER = re.compile(
    r"\ufeff?---[ \t]*\n(?:.{0,4000}?\n)??(?:---|\.\.\.)[ \t]*(?=\n|\Z)", re.DOTALL
)
# A thematic break: the whole line (checked before the list marker: "* * *" is not a list).
# Bare runs of "*" are left alone: OCR and redaction use them as text (李**).
_RULE = re.compile(r"[ \t]{0,3}(?:([-_])(?:[ \t]*\1){2,}|\*(?:[ \t]+\*){2,})[ \t]*(?=\n|\Z)")
# Line-start containers: blockquote markers, then a bullet list marker.
_LINE_MARKERS = re.compile(
    r"(?:[ \t]{0,3}>[ \t]?)+(?:[ \t]{0,3}[-*+][ \t]+)?|[ \t]{0,3}[-*+][ \t]+"
)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# A link keeps its text: group 1 is "[", group 2 is "](address)".
_LINK = re.compile(r"(?<!!)(\[)[^\]\n]+(\]\([^)\n]*\))")
_UNDERSCORES = re.compile(r"__(?=[^_\s]).+?(?<=[^_\s])__", re.DOTALL)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Pipe table rows: the opening pipe; the closing one; the delimiter row as a whole line.
_ROW_OPEN = re.compile(r"[ \t]{0,3}\|[ \t]*")
_ROW_CLOSE = re.compile(r"[ \t]*\|[ \t]*(?=\n|\Z)")
_TABLE_DELIMITER = re.compile(
    r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?)?[ \t]*(?=\n|\Z)"
)
_SETEXT = re.compile(r"[ \t]{0,3}={3,}[ \t]*(?=\n|\Z)")
_MARKED_LINE = re.compile(r"\n[ \t>*+_|=-]")


def front_matter_end(text: str) -> int:
    """End of the YAML front matter that opens ``text`` (0 when it has none)."""
    if not text.startswith(("---", "\ufeff---")):
        return 0  # (most pages: no regex at all)
    m = _FRONT_MATTER.match(text)
    return m.end() if m else 0


def _line_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blockquote and list markers and thematic breaks at the starts of the range's lines."""
    ranges = []
    # (one scan in C for the rare lines that begin with a marker character)
    starts = [start] + [m.start() + 1 for m in _MARKED_LINE.finditer(text, start, end)]
    for s in starts:
        if s >= end or text[s] not in " \t>-*+_|=":
            continue  # (most lines: none of it)
        if "|" in text[s : s + 4]:
            ranges.extend(_row_ranges(text, s, end))
            continue
        m = _RULE.match(text, s, end) or _LINE_MARKERS.match(text, s, end)
        if not m and s > start:
            m = _SETEXT.match(text, s, end)
        if m and m.end() > s:
            ranges.append(
                _whole_line(text, m.span(), start, end) if m.re is not _LINE_MARKERS else m.span()
            )
    return ranges


def _whole_line(text: str, span: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """A line that is only markup, with one line break beside it (the one after it, else
    the one before it), so that removing it leaves no empty line in the range."""
    s, e = span
    if e < end and text[e] == "\n":
        return s, e + 1
    if s > start and text[s - 1] == "\n":
        return s - 1, e
    return s, e


def _row_ranges(text: str, s: int, end: int) -> list[tuple[int, int]]:
    """The markup of the pipe table row (or delimiter row) starting at ``s``."""
    m = _TABLE_DELIMITER.match(text, s, end)
    if m:
        return [_whole_line(text, m.span(), s, end)]
    m = _ROW_OPEN.match(text, s, end)
    if not m:
        return []
    line_end = text.find("\n", s, end)
    line_end = end if line_end < 0 else line_end
    close = _ROW_CLOSE.search(text, m.end(), line_end)
    return [m.span()] + ([close.span()] if close else [])


# Characters that may open a range's markup, and strings without which a range has none other.
_OPENERS = frozenset("#>-*+_|= \t")
_INSIDE = re.compile(r"\*\*|  |\]\(|__|<|\n[ \t>*+_|=-]")


def may_have_markup(text: str, start: int, end: int) -> bool:
    """A cheap test: False when ``text[start:end]`` surely has no markup (most blocks), so
    that callers need not run :func:`markup_ranges` on it."""
    if start >= end:
        return False
    if text[start] in _OPENERS or start < front_matter_end(text):
        return True
    return _INSIDE.search(text, start, end) is not None


def leading_markup_end(text: str, start: int, end: int) -> int:
    """Where the content of the line at ``start`` begins, past its blockquote and list markers
    (or past the whole line when it is a thematic break) and the blanks after them: ``start``
    when the line has none. The splitter reads a paragraph's role from its content."""
    if start >= end or text[start] not in " \t>-*+_":
        return start
    m = _RULE.match(text, start, end) or _LINE_MARKERS.match(text, start, end)
    if not m:
        return start
    k = m.end()
    while k < end and text[k] in " \t":
        k += 1
    return k


def markup_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sorted, disjoint ranges of ``text`` that are markdown syntax inside ``[start, end)``."""
    end = len(text) if end is None else end
    ranges: list[tuple[int, int]] = []
    front = front_matter_end(text)
    if start < front:
        ranges.append((start, min(front, end)))
    ranges.extend(_line_ranges(text, start, end))
    m = _HEADING.match(text, start, end)
    if m:
        ranges.append(m.span())
    ranges.extend(_inline_ranges(text, start, end))
    for m in _HARD_BREAK.finditer(text, start, end):
        ranges.append(m.span())
    return merged(ranges)


def _inline_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Images, link brackets and addresses, ``__`` pairs and ``<br>`` inside the range."""
    ranges: list[tuple[int, int]] = []
    find = text.find
    if find("](", start, end) >= 0:
        ranges.extend(m.span() for m in _IMAGE.finditer(text, start, end))
        for m in _LINK.finditer(text, start, end):
            ranges.extend((m.span(1), m.span(2)))
    if find("__", start, end) >= 0:
        for m in _UNDERSCORES.finditer(text, start, end):
            ranges.extend(((m.start(), m.start() + 2), (m.end() - 2, m.end())))
    if find("<", start, end) >= 0:
        ranges.extend(m.span() for m in _BR.finditer(text, start, end))
    for m in _EMPHASIS.finditer(text, start, end):
        ranges.append((m.start(), m.start() + 2))
        ranges.append((m.end() - 2, m.end()))
    return ranges


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` sorted, with those that touch or overlap joined."""
    # The kinds remove '#' and blanks at the start, '*', and spaces before a line end:
    # only a heading whose blanks end the line ("#  \n…", or a bare "# ") is hit twice.
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def strip_markup(text: str, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` without its markdown syntax (see the module docstring)."""
    end = len(text) if end is None else end
    pieces, position = [], start
    for s, e in markup_ranges(text, start, end):
        pieces.append(text[position:s])
        position = e
    pieces.append(text[position:end])
    return "".join(pieces)
