"""The rows a loaded entity model's tagger is given (:class:`_Rows`): of each
character's features (:mod:`annotator.learn.entity_features`), those the model has a
weight for, as the UTF-8 bytes crfsuite reads; and the model's attributes read from its
bytes (:func:`attribute_names`).

crfsuite skips an attribute its model does not know, so the tags and marginals are the same
to the last bit, and it is spared encoding, copying and looking up the strings (pycrfsuite
copies each attribute three or four times on its way in: some 600 instructions an
attribute, found or not). On 14,890 characters of a public news corpus with a model of
4,445 attributes trained on them, tagging took 25,600 instructions a character instead of
29,700 (callgrind; of a character's nine dense features the model had 6.3, most pairs
missing); on a loaded machine, pages of 20 sentences 118,000 → 147,000 characters a second
(medians of alternating runs of ``bench/entity_speed.py --per-page 20``), pages of one
sentence 141,000 → 145,000 (noise). Then (issue 10) the pairs the model lacks were left out
of the rows rather than given as :data:`_NOTHING`, the classes looked up by character and a
word's features written into its column in one slice: 22,433 → 21,617 instructions a
character on 11,954 characters of another slice with a model trained on them
(``bench/entity_speed.py --instructions --per-page 20``). What is left is pycrfsuite's
handing over of the rows (some 40% of the instructions), the jieba word walk and the making
of the rows in Python: much further needs them compiled (a builder that gives crfsuite
attribute identifiers, not strings)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import Any

from annotator.learn.entity_features import Entity, _columns, _rule_marks

# the feature that stands for one a model has no weight for: crfsuite looks it up and
# skips it, as it skips any attribute it does not know
_NOTHING = b""


class _Rows:
    """The rows a loaded model's tagger is given: of each character's features
    (:func:`features_of_lines`, whose work this shares), those the model has a weight
    for, as the UTF-8 bytes crfsuite reads, in the same order.

    crfsuite skips an attribute its model does not know (training keeps only the
    attributes of features with a weight), so a row without them scores the same: the
    same sums in the same order, the same tags and marginals to the last bit. What it
    saves: encoding, copying and looking up the strings it has no weight for (L1 leaves
    few character pairs: of a character's nine dense features a model had no weight for
    2.7 even on the text it was trained on, nine pairs in ten). The nine features every
    character has are found in tables of the model's attributes, keyed by what they are
    made of (the character, the pair, the classes, the word feature), each table searched
    over a whole column by ``map`` and the columns zipped into rows, without a Python
    frame a character; a feature the model lacks is :data:`_NOTHING`, but a pair, which
    only the rows whose pairs the model has are given (:meth:`_dense`). The sparse ones
    (lexicon words, rule candidates) are made as for training and kept when the model
    has them."""

    def __init__(self, names: Iterable[bytes]) -> None:
        self.c0: dict[str, bytes] = {}
        self.cm: dict[str, bytes] = {}
        self.cp: dict[str, bytes] = {}
        self.bm: dict[tuple[str, str], bytes] = {}
        self.bp: dict[tuple[str, str], bytes] = {}
        self.k: dict[tuple[str, str, str], bytes] = {}
        self.w: dict[str, bytes] = {}
        self.wm: dict[str, bytes] = {}
        self.wp: dict[str, bytes] = {}
        self.d: dict[str, bytes] = {}  # dictionary words, by the word
        self.other: dict[str, bytes] = {}
        chars = {"c0": self.c0, "c-1": self.cm, "c1": self.cp}
        pairs = {"b-1": self.bm, "b0": self.bp}
        words = {"w": self.w, "w-1": self.wm, "w+1": self.wp}
        for raw in names:
            try:
                name = raw.decode("utf-8")
            except UnicodeDecodeError:  # no feature of ours: nothing to find it by
                continue
            head, _, value = name.partition("=")
            if head in chars and len(value) == 1:
                chars[head][value] = raw
            elif head in pairs and len(value) == 2:
                pairs[head][value[0], value[1]] = raw
            elif head == "k" and len(value) == 3:
                self.k[value[0], value[1], value[2]] = raw
            elif head in words:
                words[head]["w=" + value] = raw
            elif head == "d" and len(value) > 1:
                self.d[value] = raw
            else:
                self.other[name] = raw

    def rows(
        self,
        lines: Sequence[str],
        rules: Sequence[Iterable[Entity]],
        suggested: Sequence[Sequence[Entity]],
    ) -> list[list[tuple[bytes, ...]]]:
        """The rows of each of ``lines`` (none empty), as :func:`features_of_lines` makes
        them but of the features the model has."""
        chars, cls, words, lexicon, named = _columns(lines)
        rows = self._dense(chars, cls, words)
        self._words(rows, named, lexicon)
        other = self.other
        out = []
        at = 0
        for line, line_rules, line_suggested in zip(lines, rules, suggested, strict=True):
            mine = rows[at : at + len(line)]
            if line_rules:
                for j, name in _rule_marks(len(line), line_rules, line_suggested):
                    raw = other.get(name)
                    if raw is not None:
                        mine[j] += (raw,)
            out.append(mine)
            at += len(line) + 2
        return out

    def _words(
        self,
        rows: list[tuple[bytes, ...]],
        named: list[tuple[int, int, str]],
        lexicon: list[tuple[int, int, Any]],
    ) -> None:
        """Add to ``rows`` the dictionary words (``d=``) and the lexicon words (``x=``) the
        model has, as :func:`features_of_lines` adds them (offsets over the joined text,
        whose padding character before the first line has no row)."""
        known = self.d
        for s, e, word in named:
            raw = known.get(word)
            if raw is not None:
                for j in range(s - 1, e - 1):
                    rows[j] += (raw,)
        other = self.other
        for s, e, (begin, inside) in lexicon:
            raw = other.get(begin)
            if raw is not None:
                rows[s - 1] += (raw,)
            raw = other.get(inside)
            if raw is not None:
                for j in range(s, e - 1):
                    rows[j] += (raw,)

    def _dense(self, chars: list[str], cls: list[str], words: list[str]) -> list[tuple[bytes, ...]]:
        """The features every character has (:func:`_columns`' columns), those the model
        lacks :data:`_NOTHING` but the pairs, which only the rows that have them get."""
        before, here, after = chars[:-2], chars[1:-1], chars[2:]
        nothing = repeat(_NOTHING)
        # The pairs the model has (L1 leaves few: nine in ten are missing) go into their
        # rows in their place after the characters, ``b-1`` before ``b0``: the other rows
        # are spared a missing feature, which costs pycrfsuite and crfsuite some 600
        # instructions, as much as a found one (the filter that drops every missing
        # feature, a tuple a row, costs more than it saves). One comprehension picks the
        # row's shape by the pairs found: rebuilding the rows that have pairs afterwards,
        # a tuple twice, cost as much as all the lookups together (issue 10).
        return [
            (c, m, p, b, a, k, w, x, y) if b and a
            else (c, m, p, b, k, w, x, y) if b
            else (c, m, p, a, k, w, x, y) if a
            else (c, m, p, k, w, x, y)
            for c, m, p, b, a, k, w, x, y in zip(
                map(self.c0.get, here, nothing),
                map(self.cm.get, before, nothing),
                map(self.cp.get, after, nothing),
                map(self.bm.get, zip(before, here, strict=True)),
                map(self.bp.get, zip(here, after, strict=True)),
                map(self.k.get, zip(cls[:-2], cls[1:-1], cls[2:], strict=True), nothing),
                map(self.w.get, words[1:-1], nothing),
                map(self.wm.get, words[:-2], nothing),
                map(self.wp.get, words[2:], nothing),
                strict=True,
            )
        ]  # fmt: skip


def attribute_names(model: bytes) -> list[bytes]:
    """The attributes of a crfsuite model (what :class:`_Rows` keeps), read from its
    bytes: the model file's attribute dictionary (a CQDB) in identifier order.

    Read from the bytes rather than ``Tagger.info()``, which writes the whole model out
    as text and parses it (0.05 s for a model of 53,000 characters of gold, more for
    larger ones, at every load: a fold of cross-validation loads one). Bytes of another
    layout raise ``ValueError``."""
    import struct

    try:
        if model[:4] != b"lCRF":
            raise ValueError("no crfsuite model")
        # the header: magic, size, type, version, then the counts of features, labels
        # and attributes and the offsets of their blocks
        count = struct.unpack_from("<I", model, 24)[0]
        at = struct.unpack_from("<I", model, 36)[0]
        if count == 0:
            return []
        # the CQDB header: "CQDB", size, flag, byte order, size and offset of the
        # backward array (identifier -> offset of the record: id, size, the NUL-ended key)
        if (
            model[at : at + 4] != b"CQDB"
            or struct.unpack_from("<I", model, at + 12)[0] != 0x62445371
        ):
            raise ValueError("no crfsuite attribute dictionary")
        backward_size, backward = struct.unpack_from("<2I", model, at + 16)
        if backward_size < count or not backward:
            raise ValueError("a crfsuite attribute dictionary without identifiers")
        names = []
        for offset in struct.unpack_from(f"<{count}I", model, at + backward):
            record = at + offset
            size = struct.unpack_from("<I", model, record + 4)[0]
            names.append(model[record + 8 : record + 7 + size])
        return names
    except struct.error as error:
        raise ValueError(f"not a crfsuite model: {error}") from error
