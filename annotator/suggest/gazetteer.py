"""A gazetteer learnt from the gold: strings reviewers accepted, suggested again everywhere.

Build it from counts of reviewed spans, keyed by ``(text, label)``::

    gaz = Gazetteer.from_counts(
        accepted={("邓群策", "PER"): 3, ("衡阳", "LOC"): 12},
        rejected={("中心", "ORG"): 4},
    )
    gaz.find(page_text)  # -> spans with origin="gazetteer", status="suggested"

Rules (the store passes the counts over all reviewed pages):

* ``(text, label)`` is **blocked** when reviewers keep rejecting it:
  ``rejected >= 2 and rejected > accepted``.  A blocked pair is never suggested by the
  gazetteer, and :func:`annotator.suggest.suggest_spans` also drops rule and model
  suggestions of that pair: this is how a rule's systematic mistake stops coming back;
* ``(text, label)`` is **active** when ``accepted >= 1`` and it is not blocked, and, when
  the counts of done pages are given, the done pages say it is mostly that entity: on a done
  page every occurrence of a string that is not tagged with a label is rejected there as
  that label (gold tags 中央 as ORG 30 times and leaves it 300 times: no ORG). Of the
  ``seen`` occurrences of ``text`` on done pages (every one, overlapping and inside longer
  names too; :func:`count_occurrences`), at least :data:`MIN_SHARE` must be tagged with
  ``label`` (``tagged``), once it was seen :data:`MIN_SEEN` times or more (fewer say too
  little: a name accepted on the page in review, or once on one done page, stays active);
* strings shorter than two characters, or with whitespace at an end, a newline or a
  markdown marker (``#``, ``*``) are ignored;
* when one string is active under several labels, the label with the highest
  ``accepted - rejected`` wins (then the most accepted, then label order);
* with a learnt tagger, :func:`annotator.suggest.suggest_spans` lets the gazetteer only
  fill the gaps between the rules' and the tagger's candidates;
* at each position the longest active string wins (leftmost-longest, no overlaps); a
  string that starts or ends with an ASCII letter or digit only matches on a word
  boundary (``AB`` not inside ``ABC``).

Matching uses one trie-shaped regex built once (see :func:`._text.trie_pattern`), so a
10 kB page costs well under a millisecond even with tens of thousands of entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

import ahocorasick_rs

from annotator import rules_regex
from annotator.code_units import LONE_SURROGATE
from annotator.model import Span

from ._scan import _stand_in
from ._text import Candidate, trie_pattern

_LABEL_ORDER = {"PER": 0, "ORG": 1, "LOC": 2, "DATE": 3, "FIGURE": 4}
# The share of a string's occurrences on done pages tagged with a label for it to be
# suggested as that label, and the occurrences below which the share is not asked. Chosen
# on dev (issue 10: the gazetteers of 5,000 MSRA sentences, two slices, and of 439 People's
# Daily ones, each with the tagger trained on them, scored on other MSRA slices and on
# People's Daily): of shares 0.5 to 0.95, 0.9 lost least to the tagger alone where the
# gazetteer outranks it (MSRA dev40k ORG 0.829 alone: 0.701 with every accepted string,
# 0.793 at 0.5, 0.818 at 0.9; dev46k ORG 0.754: 0.507, 0.684, 0.719) and as much as any
# where it fills the gaps; a minimum of 1 or 2 made no difference, 3 slightly worse.
MIN_SHARE = 0.9
MIN_SEEN = 2
_ASCII_WORD = rules_regex.compile(r"[0-9A-Za-z]")


def _usable(text: str, min_length: int) -> bool:
    return (
        len(text) >= min_length
        and not text[0].isspace()
        and not text[-1].isspace()
        and "\n" not in text
        and "#" not in text
        and "*" not in text
    )


class Gazetteer:
    """Strings with a label, matched longest first; see the module docstring for rules."""

    def __init__(
        self,
        entries: Mapping[str, str],
        blocked: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.entries: dict[str, str] = dict(entries)
        self.blocked: frozenset[tuple[str, str]] = frozenset(blocked)
        self._attrs: dict[str, dict[str, Any]] = {}
        for text, label in self.entries.items():
            if label in ("FIGURE", "DATE"):
                self._attrs[text] = _normalised(text, label)
        self._ascii_edged = frozenset(
            t for t in self.entries if _ASCII_WORD.match(t[0]) or _ASCII_WORD.match(t[-1])
        )
        self._regex = rules_regex.compile(trie_pattern(self.entries)) if self.entries else None

    @classmethod
    def from_counts(
        cls,
        accepted: Mapping[tuple[str, str], int],
        rejected: Mapping[tuple[str, str], int] | None = None,
        *,
        min_length: int = 2,
        seen: Mapping[str, int] | None = None,
        tagged: Mapping[tuple[str, str], int] | None = None,
    ) -> Gazetteer:
        """Build from ``{(text, label): n}`` counts of accepted and rejected spans; with
        ``seen`` (a string's occurrences on done pages) and ``tagged`` (accepted spans of
        a pair on done pages), a pair mostly left untagged there is not active."""
        rejected = rejected or {}
        blocked = {key for key, n in rejected.items() if n >= 2 and n > accepted.get(key, 0)}
        best: dict[str, tuple[tuple[int, int, int], str]] = {}
        for (text, label), n in accepted.items():
            if n < 1 or (text, label) in blocked or not _usable(text, min_length):
                continue
            if seen is not None and _mostly_untagged(
                seen.get(text, 0), (tagged or {}).get((text, label), 0)
            ):
                continue
            r = rejected.get((text, label), 0)
            key = (n - r, n, -_LABEL_ORDER.get(label, 99))
            if text not in best or key > best[text][0]:
                best[text] = (key, label)
        return cls({text: label for text, (_, label) in best.items()}, blocked)

    @classmethod
    def from_reviewed(cls, spans: Iterable[tuple[str, str, str]], **kwargs: Any) -> Gazetteer:
        """Build from ``(text, label, status)`` triples of reviewed spans."""
        accepted: dict[tuple[str, str], int] = {}
        rejected: dict[tuple[str, str], int] = {}
        for text, label, status in spans:
            if status == "accepted":
                accepted[(text, label)] = accepted.get((text, label), 0) + 1
            elif status == "rejected":
                rejected[(text, label)] = rejected.get((text, label), 0) + 1
        return cls.from_counts(accepted, rejected, **kwargs)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, text: object) -> bool:
        return text in self.entries

    def label_of(self, text: str) -> str | None:
        """The label suggested for ``text``, or None."""
        return self.entries.get(text)

    def is_blocked(self, text: str, label: str) -> bool:
        """True when reviewers keep rejecting ``text`` as ``label``."""
        return (text, label) in self.blocked

    def candidates(self, text: str) -> list[Candidate]:
        """Matches in ``text`` as ``(start, end, label, attrs)`` tuples."""
        if self._regex is None:
            return []
        out: list[Candidate] = []
        entries = self.entries
        ascii_edged = self._ascii_edged
        attrs = self._attrs
        for m in self._regex.finditer(text):
            s, e = m.span()
            word = m.group(0)
            if word in ascii_edged:
                if _ASCII_WORD.match(word[0]) and s > 0 and _ASCII_WORD.match(text[s - 1]):
                    continue
                if _ASCII_WORD.match(word[-1]) and e < len(text) and _ASCII_WORD.match(text[e]):
                    continue
            out.append((s, e, entries[word], dict(attrs[word]) if word in attrs else {}))
        return out

    def find(self, text: str) -> list[Span]:
        """Gazetteer suggestions (``origin="gazetteer"``, ``status="suggested"``)."""
        return [
            Span(s, e, label, origin="gazetteer", status="suggested", attrs=attrs)
            for s, e, label, attrs in self.candidates(text)
        ]


def _mostly_untagged(seen: int, tagged: int) -> bool:
    """True when done pages left a string untagged too often for a label (module rules)."""
    return seen >= MIN_SEEN and tagged < MIN_SHARE * seen


def usable_strings(accepted: Iterable[tuple[str, str]], min_length: int = 2) -> list[str]:
    """The strings of accepted ``(text, label)`` pairs that a gazetteer could hold, sorted."""
    return sorted({text for text, _ in accepted if _usable(text, min_length)})


def count_occurrences(strings: Sequence[str], texts: Iterable[str]) -> dict[str, int]:
    """How often each of ``strings`` occurs in ``texts``: every occurrence, overlapping
    ones and those inside a longer string of ``strings`` too (one Aho-Corasick automaton,
    one pass over each text). A string that never occurs is left out."""
    if not strings:
        return {}
    automaton = ahocorasick_rs.AhoCorasick(list(strings))
    counts: Counter[int] = Counter()
    for text in texts:
        if LONE_SURROGATE.search(text):  # the automaton cannot read one; offsets unused
            text = LONE_SURROGATE.sub(_stand_in(strings), text)
        counts.update(map(_FIRST, automaton.find_matches_as_indexes(text, overlapping=True)))
    return {strings[k]: n for k, n in counts.items()}


_FIRST = itemgetter(0)


def _normalised(text: str, label: str) -> dict[str, Any]:
    """Attrs the rules would give ``text`` (a figure's value and unit), else {}."""
    if label == "FIGURE":
        from .figures import parse_figure

        return parse_figure(text) or {}
    from .dates import find_date_candidates

    for s, e, _label, attrs in find_date_candidates(text):
        if s == 0 and e == len(text):
            return attrs
    return {}
