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
  (before a ``\\n``) or at the very end of the range.
"""

from __future__ import annotations

import re

__all__ = ["markup_ranges", "strip_markup"]

# A heading marker needs a following space or tab, as in CommonMark ("#5" is not a heading).
_HEADING = re.compile(r"#{1,6}[ \t]+")
# DOTALL: emphasis may run over a hard line break inside a block.
_EMPHASIS = re.compile(r"\*\*(?:.+?)\*\*", re.DOTALL)
# Two or more spaces before a line end are a markdown hard break, not text.
_HARD_BREAK = re.compile(r" {2,}(?=\n|\Z)")


def markup_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sorted, disjoint ranges of ``text`` that are markdown syntax inside ``[start, end)``."""
    end = len(text) if end is None else end
    ranges: list[tuple[int, int]] = []
    m = _HEADING.match(text, start, end)
    if m:
        ranges.append(m.span())
    for m in _EMPHASIS.finditer(text, start, end):
        ranges.append((m.start(), m.start() + 2))
        ranges.append((m.end() - 2, m.end()))
    for m in _HARD_BREAK.finditer(text, start, end):
        ranges.append(m.span())
    return merged(ranges)


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
