"""Character-per-line BIO/BIOES entity files (the CoNLL column layout), read and written.

The layout of the public Chinese NER corpora (MSRA, People's Daily, Weibo, Resume …): one
character and its tag per line, separated by spaces or a tab, a blank line between
sentences, ``-DOCSTART-`` lines ignored. Tags are ``O`` or ``P-NAME`` with a prefix ``B``
(begin), ``I``/``M`` (inside), ``E`` (end) or ``S`` (single); IOB1 files, where a span may
begin with ``I``, read too.

Tag names are mapped to this project's labels (:data:`DEFAULT_LABELS`, extended or
overridden by ``--labels``): PER, PERSON, NR, PEO → PER; LOC, LOCATION, GPE, NS → LOC;
ORG, ORGANIZATION, ORGANISATION, NT → ORG; DATE, TIME, T → DATE. Weibo-style
``PER.NAM`` takes the mapping of ``PER``; ``*.NOM`` (a nominal mention such as 记者,
not a name) is dropped. A name mapped to ``O`` (``--labels MISC=O``) is dropped. Any other
name is kept as written (upper case) unless the caller passes the labels it knows, in
which case an unknown one is refused by file and line.

A malformed line (one column, a first column that is not one character, a tag that is
neither ``O`` nor prefix-name) is refused with :class:`ConllError`, naming the file and
line: a reader gives all of a file or nothing.

The writer (:func:`conll_lines`) writes spans over a text as BIO or BIOES, one character
and tag per line. The format cannot hold whitespace characters (a space would be read as
the separator), so they are left out, and spans are shifted to match: reading back what
was written gives the text without its whitespace and the same entities.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import gt, itemgetter
from pathlib import Path

Entity = tuple[int, int, str]  # [start, end) in code points of the sentence, label
Sentence = tuple[str, list[Entity]]

DEFAULT_LABELS: dict[str, str] = {
    "PER": "PER", "PERSON": "PER", "NR": "PER", "PEO": "PER",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC", "NS": "LOC",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "NT": "ORG",
    "DATE": "DATE", "TIME": "DATE", "T": "DATE",
}  # fmt: skip

DROP = "O"  # a mapping to this drops the name
SCHEMES = ("BIO", "BIOES")
SPLITS = ("line", "sentence", "none")
_PREFIXES = frozenset("BIMES")
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)]*")


class ConllError(Exception):
    """A file that cannot be read as BIO/BIOES; the message names the file and line."""


def parse_label_map(spec: str | None) -> dict[str, str]:
    """``NAME=LABEL,NAME=LABEL`` (as given to ``--labels``) over :data:`DEFAULT_LABELS`.

    Raises ``ValueError`` with a one-line reason for a malformed item.
    """
    mapping = dict(DEFAULT_LABELS)
    for item in filter(None, (p.strip() for p in (spec or "").split(","))):
        name, sep, label = item.partition("=")
        if not sep or not name.strip() or not label.strip():
            raise ValueError(f"--labels item {item!r} is not NAME=LABEL (e.g. GPE=LOC, MISC=O)")
        mapping[name.strip().upper()] = label.strip().upper()
    return mapping


def _map_name(name: str, mapping: Mapping[str, str]) -> str:
    upper = name.upper()
    if upper in mapping:
        return mapping[upper]
    base, dot, kind = upper.partition(".")
    if dot and kind == "NOM":
        return DROP
    if dot and base in mapping:
        return mapping[base]
    return upper


def _parse_line(line: str) -> tuple[str, str] | None:
    """(character, tag) of a data line, None when the line is malformed."""
    if line[0].isspace() and line[0] not in " \t":
        # an ideographic space (U+3000) or the like as the character: split() would eat it
        fields = [line[0], *line[1:].split()]
    elif "\t" in line:
        fields = [f.strip() for f in line.split("\t") if f.strip()]
    else:
        fields = line.split()
    if len(fields) < 2 or len(fields[0]) != 1:
        return None
    return fields[0], fields[-1]


def _split_tag(tag: str) -> tuple[str, str] | None:
    """(prefix, name) of a tag (``("O", "")`` for outside), None when malformed."""
    if tag == "O":
        return "O", ""
    for sep in "-_":
        prefix, found, name = tag.partition(sep)
        if found and prefix.upper() in _PREFIXES and name:
            return prefix.upper(), name
    return None


def parse_conll(
    lines: Iterable[str],
    source: str = "<input>",
    labels: Mapping[str, str] | None = None,
    known: frozenset[str] | set[str] | None = None,
) -> Iterator[Sentence]:
    """Sentences of a BIO/BIOES file's lines, with their entities (see the module doc).

    ``labels`` maps tag names (default :data:`DEFAULT_LABELS`); ``known``, when given, is
    the set of labels allowed after mapping. Raises :class:`ConllError` on a bad line.
    """
    mapping = DEFAULT_LABELS if labels is None else labels
    chars: list[str] = []
    tags: list[tuple[str, str]] = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip() or line.split()[0] == "-DOCSTART-":
            if chars:
                yield "".join(chars), _entities(tags)
                chars, tags = [], []
            continue
        parsed = _parse_line(line)
        if parsed is None:
            raise ConllError(
                f"{source}: line {number}: expected one character and its tag separated by "
                f"a space or a tab, got {line!r}"
            )
        split = _split_tag(parsed[1])
        if split is None:
            raise ConllError(
                f"{source}: line {number}: tag {parsed[1]!r} is neither O nor B-, I-, M-, "
                "E- or S- followed by a name"
            )
        prefix, name = split
        label = _map_name(name, mapping) if name else ""
        if label == DROP:
            prefix, label = "O", ""
        elif label and known is not None and label not in known:
            raise ConllError(
                f"{source}: line {number}: label {label!r} is not one of "
                f"{', '.join(sorted(known))}; map it with --labels {name}=LABEL "
                f"(or {name}=O to drop it)"
            )
        chars.append(parsed[0])
        tags.append((prefix, label))
    if chars:
        yield "".join(chars), _entities(tags)


def _entities(tags: Sequence[tuple[str, str]]) -> list[Entity]:
    """Spans of (prefix, label) tags; a stray I/M/E starts a span (IOB1 files)."""
    out: list[Entity] = []
    start: int | None = None
    label = ""
    for i, (prefix, name) in enumerate([*tags, ("O", "")]):
        continues = prefix in ("I", "M", "E") and start is not None and name == label
        if not continues and start is not None:
            out.append((start, i, label))
            start = None
        if prefix in ("B", "S") or (prefix in ("I", "M", "E") and start is None):
            start, label = i, name
        if prefix in ("E", "S") and start is not None:
            out.append((start, i + 1, label))
            start = None
    return out


def read_conll(
    path: Path | str,
    labels: Mapping[str, str] | None = None,
    known: frozenset[str] | set[str] | None = None,
) -> list[Sentence]:
    """Every sentence of a BIO/BIOES file (UTF-8, with or without BOM).

    Raises :class:`ConllError` naming the file (and the line, for a bad line).
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConllError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise ConllError(
            f"{path}: not UTF-8 (byte {exc.start}); convert it to UTF-8 and import again"
        ) from None
    return list(parse_conll(text.splitlines(), str(path), labels, known))


# --- writing ---------------------------------------------------------------------------


def sentence_ranges(
    text: str, entities: Sequence[Entity], split: str = "line"
) -> list[tuple[int, int]]:
    """``[start, end)`` pieces of ``text`` to write as sentences.

    ``line``: each line; ``sentence``: each line, cut again after sentence-ending
    punctuation (。！？; and a closing quote after it) but never inside an entity;
    ``none``: the whole text as one piece (an article).
    """
    if split not in SPLITS:
        raise ValueError(f"unknown sentence split {split!r}; expected one of {SPLITS}")
    if split == "none":
        return [(0, len(text))]
    cuts = {0, len(text)}
    for m in _NEWLINE.finditer(text):  # a line ends before its break, the next begins after
        cuts.update(m.span())
    if split == "sentence":
        ends = _sentence_ends(text)
        cuts.update(ends if not entities else _outside(ends, entities))
    ordered = sorted(cuts)
    # A piece is left out when it is all whitespace; one beginning with a written
    # character (nearly every piece) is kept without copying it to look.
    return [
        (a, b)
        for a, b in zip(ordered, ordered[1:], strict=False)
        if not text[a].isspace() or text[a:b].strip()
    ]


_NEWLINE = re.compile("\n")
_ENDERS = "。！？!?；;"  # the first character class of _SENTENCE_END
_ENDER_SET = frozenset(_ENDERS)
_CLOSERS = frozenset("”’」』）)")  # its second


def _sentence_ends(text: str) -> list[int]:
    """``m.end()`` of every match of :data:`_SENTENCE_END` in ``text``, in order.

    Found by ``str.find`` of each punctuation mark (a C scan several times faster than
    the regex engine walking every character), then each run of marks and closing quotes
    taken whole, as the regex's greedy ``+`` and ``*`` take it.
    """
    starts = []
    find = text.find
    for mark in _ENDERS:
        i = find(mark)
        while i >= 0:
            starts.append(i)
            i = find(mark, i + 1)
    if not starts:
        return []
    starts.sort()
    ends = []
    reach, n = 0, len(text)
    for p in starts:
        if p < reach:
            continue  # inside the run of the previous match
        e = p + 1
        while e < n and text[e] in _ENDER_SET:
            e += 1
        while e < n and text[e] in _CLOSERS:
            e += 1
        ends.append(e)
        reach = e
    return ends


def _outside(cuts: list[int], entities: Sequence[Entity]) -> list[int]:
    """The ``cuts`` that do not fall inside an entity (``start < cut < end``)."""
    ordered = sorted(entities)
    # (Compared in C, without a generator's frame per entity: this runs for every article.)
    if any(map(gt, map(_END, ordered), map(_START, ordered[1:]))):
        inside = {i for s, e, _ in entities for i in range(s + 1, e)}
        return [c for c in cuts if c not in inside]
    # Entities that do not overlap: only the last one starting before a cut can hold it.
    starts = list(map(_START, ordered))
    out = []
    for c in cuts:
        k = bisect_left(starts, c) - 1
        if k < 0 or ordered[k][1] <= c:
            out.append(c)
    return out


def conll_lines(
    text: str,
    entities: Iterable[Entity],
    *,
    scheme: str = "BIO",
    split: str = "line",
    sep: str = " ",
) -> list[str]:
    """Lines of ``text`` with ``entities`` in the character-per-line layout.

    A blank line (``""``) follows every sentence. Whitespace characters are left out and
    the entities shifted to match; an entity crossing a sentence cut is clipped to each
    side, and one that is all whitespace is dropped. (The lines of :func:`conll_text`.)
    """
    return conll_text(text, entities, scheme=scheme, split=split, sep=sep).split("\n")[:-1]


def conll_text(
    text: str,
    entities: Iterable[Entity],
    *,
    scheme: str = "BIO",
    split: str = "line",
    sep: str = " ",
) -> str:
    """The lines of :func:`conll_lines` as one text, each ending in ``\n``.

    Export writes every character of every article: the tags of a sentence are set by
    slices and its lines joined in one call, instead of a tag string per character.
    """
    entities = sorted(entities)
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}; expected one of {SCHEMES}")
    _check_entities(len(text), entities)
    pieces = sentence_ranges(text, entities, split)
    if _whole(text, pieces, entities):
        return _by_article(text, pieces, entities, scheme, sep)
    return _by_sentence(text, pieces, entities, scheme, sep)


# The same characters as str.isspace (both are CPython's Py_UNICODE_ISSPACE).
_SPACE = re.compile(r"\s")


def _by_sentence(
    text: str, pieces: list[tuple[int, int]], entities: list[Entity], scheme: str, sep: str
) -> str:
    """The output sentence by sentence: whitespace left out, entities clipped to each."""
    out = []
    for start, end in pieces:
        piece = text[start:end]
        if not piece:
            continue
        if _SPACE.search(piece) is None:
            written, clipped = piece, _clip(start, end, entities)
        else:
            kept = [i for i in range(start, end) if not text[i].isspace()]
            if not kept:
                continue
            written = "".join(text[i] for i in kept)
            clipped = _remap(kept, entities)
        out.append(_tagged(written, clipped, scheme, sep))
    return "".join(out)


def _whole(text: str, pieces: list[tuple[int, int]], entities: list[Entity]) -> bool:
    """Whether every entity lies inside one piece and begins and ends on a character that
    is written (no whitespace): then no entity is clipped or loses its first or last
    character, and the article can be tagged in one go (:func:`_by_article`)."""
    starts = [a for a, _ in pieces]
    for s, e, _ in entities:
        k = bisect_right(starts, s) - 1
        if k < 0 or pieces[k][1] < e or text[s].isspace() or text[e - 1].isspace():
            return False
    return True


def _by_article(
    text: str, pieces: list[tuple[int, int]], entities: list[Entity], scheme: str, sep: str
) -> str:
    """:func:`_by_sentence` of entities that :func:`_whole` accepts, for the whole article
    at once: one tag per character set by slices, a blank line after the last written
    character of each piece, whitespace blanked, and characters and tags joined in one call.
    """
    tags = [f"{sep}O\n"] * len(text)
    bioes = scheme == "BIOES"
    for s, e, label in entities:
        begin, inside, end, single = _tags(sep, label)
        if bioes and e - s == 1:
            tags[s] = single
            continue
        tags[s] = begin
        inner_end = e - 1 if bioes else e
        tags[s + 1 : inner_end] = [inside] * (inner_end - s - 1)
        if bioes:
            tags[e - 1] = end
    for lo, hi in pieces:
        j = hi - 1
        while j >= lo and text[j].isspace():
            j -= 1
        if j >= lo:
            tags[j] += "\n"  # the blank line that ends the sentence
    parts = [""] * (2 * len(text))
    parts[0::2] = text
    parts[1::2] = tags
    # Whitespace is not written: its character and tag are blanked (joined as nothing),
    # instead of deleted from the middle of both lists.
    for i in _space_positions(text):
        parts[2 * i] = parts[2 * i + 1] = ""
    return "".join(parts)


@functools.lru_cache(maxsize=256)
def _tags(sep: str, label: str) -> tuple[str, str, str, str]:
    """The ends of the B-, I-, E- and S- lines of ``label`` (made once, not per entity)."""
    return f"{sep}B-{label}\n", f"{sep}I-{label}\n", f"{sep}E-{label}\n", f"{sep}S-{label}\n"


def _space_positions(text: str) -> list[int]:
    """Positions of the whitespace characters of ``text`` (:data:`_SPACE`), in no order.

    Article text holds line breaks and now and then a space: those are found by
    ``str.find`` (a C scan several times faster than the regex engine trying every
    position) when ``str.split``, which splits at the same characters, shows there is no
    other whitespace; any other text is scanned by the regex.
    """
    spaces = len(text) - sum(map(len, text.split()))
    if not spaces:
        return []
    found = []
    find = text.find
    for mark in " \n":
        i = find(mark)
        while i >= 0:
            found.append(i)
            i = find(mark, i + 1)
    if len(found) == spaces:
        return found
    return [m.start() for m in _SPACE.finditer(text)]


def _check_entities(length: int, entities: list[Entity]) -> None:
    """Refuse ``entities`` (sorted) outside the text or overlapping another one."""
    reach = 0
    for start, end, label in entities:
        if not 0 <= start < end <= length:
            raise ValueError(f"span [{start}, {end}) is outside the text (0..{length})")
        if start < reach:
            raise ValueError(f"span [{start}, {end}) {label} overlaps another span")
        reach = end


def _clip(lo: int, hi: int, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` clipped to ``[lo, hi)`` and counted from ``lo`` (no characters left out).

    ``entities`` are sorted and do not overlap, so their ends ascend too: a bisect finds
    the first that reaches into the sentence.
    """
    out = []
    for k in range(bisect_right(entities, lo, key=_END), len(entities)):
        s, e, label = entities[k]
        if s >= hi:
            break
        out.append((max(s, lo) - lo, min(e, hi) - lo, label))
    return out


_START, _END = itemgetter(0), itemgetter(1)


def _tagged(written: str, entities: list[Entity], scheme: str, sep: str) -> str:
    """The lines of one sentence and the blank line after it (as :func:`conll_lines`).

    A run of characters with the same tag is one ``str.join``: no work per character.
    """
    parts: list[str] = []
    at = 0
    outside = f"{sep}O\n"
    bioes = scheme == "BIOES"
    for s, e, label in entities:
        if s > at:
            parts += (outside.join(written[at:s]), outside)
        if bioes and e - s == 1:
            parts.append(f"{written[s]}{sep}S-{label}\n")
        else:
            parts.append(f"{written[s]}{sep}B-{label}\n")
            inner_end = e - 1 if bioes else e
            if inner_end > s + 1:
                inner = f"{sep}I-{label}\n"
                parts += (inner.join(written[s + 1 : inner_end]), inner)
            if bioes:
                parts.append(f"{written[e - 1]}{sep}E-{label}\n")
        at = e
    if at < len(written):
        parts += (outside.join(written[at:]), outside)
    parts.append("\n")
    return "".join(parts)


def _remap(kept: list[int], entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` over the characters ``kept`` (page positions, ascending), renumbered."""
    lo, hi = kept[0], kept[-1] + 1
    out: list[Entity] = []
    for s, e, label in entities:
        s, e = max(s, lo), min(e, hi)
        if s >= e:
            continue
        a, b = bisect_left(kept, s), bisect_left(kept, e)
        if a < b:
            out.append((a, b, label))
    return out


def write_conll(
    documents: Iterable[tuple[str, Iterable[Entity]]],
    path: Path | str,
    *,
    scheme: str = "BIO",
    split: str = "line",
    sep: str = " ",
) -> int:
    """Write ``(text, entities)`` documents to ``path`` atomically; returns the sentences.

    The file is written next to ``path`` and moved over it at the end, so a failure
    leaves an existing file as it was.
    """
    path = Path(path)
    count = 0
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            for text, entities in documents:
                piece = conll_text(text, entities, scheme=scheme, split=split, sep=sep)
                out.write(piece)
                # Every sentence ends in a blank line, the only empty line a document has.
                count += piece.count("\n\n") + piece.startswith("\n")
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a corpus file is not
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return count
