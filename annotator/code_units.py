"""Text as its UTF-16 code units, for the byte automata (pyahocorasick) that find words.

An automaton over whole characters walks thousands of children at a node; over UTF-16
code units spelled as two Latin-1 letters each, a node has at most 256. Offsets stay
``2*i`` for the character at ``i``: a character beyond the Basic Multilingual Plane (two
units) becomes U+FFFD and a lone surrogate is one unit. The suggesters' page scan
(:mod:`annotator.suggest._scan`) and the entity tagger's dictionary words
(:mod:`annotator.learn.entities`) both read text this way.
"""

from __future__ import annotations

import re

# A lone surrogate (a JSON "\ud800" escape) that neither automaton nor crfsuite can read:
# both readers put a stand-in of one code point in its place, so that offsets hold.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def code_units(text: str) -> tuple[str, bool]:
    """``text`` as its UTF-16 code units, two Latin-1 letters each, and whether it held a
    character beyond the Basic Multilingual Plane (each became U+FFFD).

    (The length of the encoding tells: ``max(text)`` compares every character in Python,
    0.25 ms a page of 5,000 characters.)"""
    units = text.encode("utf-16-be", "surrogatepass")
    astral = len(units) != 2 * len(text)
    if astral:
        units = "".join(c if c <= "\uffff" else "\ufffd" for c in text).encode(
            "utf-16-be", "surrogatepass"
        )
    return units.decode("latin-1"), astral
