"""The entity tagger's features as they were computed before the column tables (kept as
the reference that ``annotator.learn.entities.features`` must agree with, string for
string: a trained model reads them)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from annotator.code_units import code_units
from annotator.learn import entities, entity_features, entity_lexicons

_add = str.__add__


@cache
def _matcher(kind: str) -> entity_lexicons._Matcher:
    """The matchers as they were built: a word's value is its POS or lexicon kind."""
    if kind == "words":
        return entity_lexicons._Matcher(entity_lexicons._dictionary())
    return entity_lexicons._Matcher(sorted(entities.lexicon_words()[1].items()))


def _column(prefix: str, chars: str) -> list[str]:
    return (prefix + ("\x00" + prefix).join(chars)).split("\x00") if chars else []


def _word_column(units: str, n: int) -> list[str]:
    column = ["w=S"] * n
    for start, end, pos in _matcher("words").words(units):
        column[start] = "w=B" + pos
        column[end - 1] = "w=E" + pos
        if end - start > 2:
            column[start + 1 : end - 1] = ["w=M" + pos] * (end - start - 2)
    return column


def _columns(text: str, units: str) -> list[list[str]]:
    n = len(text)
    if "\x00" in text:
        text = text.replace("\x00", "\x01")
    padded = "\x02" + text + "\x03"
    before, after = padded[:n], padded[2:]
    cls = padded.translate(entity_features._classes())
    return [
        _column("c0=", text),
        _column("c-1=", before),
        _column("c1=", after),
        list(map(_add, _column("b-1=", before), text)),
        list(map(_add, _column("b0=", text), after)),
        list(map(_add, map(_add, _column("k=", cls[:n]), cls[1 : n + 1]), cls[2:])),
        _word_column(units, n),
        ["w-1=^"] + ["w-1" + w[1:] for w in _word_column(units, n)[:-1]],
        ["w+1" + w[1:] for w in _word_column(units, n)[1:]] + ["w+1=$"],
    ]


def old_features(text: str, rules: Iterable[tuple[int, int, str]] = ()) -> list[tuple[str, ...]]:
    """The features of one line, computed the old way."""
    rules = list(rules)
    units = code_units(text)[0]
    rows = list(zip(*_columns(text, units), strict=True)) if text else []
    for start, end, _ in _matcher("words").words(units):  # format 11: the word itself
        for j in range(start, end):
            rows[j] += ("d=" + text[start:end],)
    lexicon = _matcher("lexicon").words(units)
    for begin, inside, spans in (("x=B", "x=I", lexicon), ("r=B-", "r=I-", rules)):
        for s, e, kind in spans:
            rows[s] += (begin + kind,)
            for j in range(s + 1, e):
                rows[j] += (inside + kind,)
    _add_outer(rows, rules)
    if rules:
        _add_kept(rows, rules)
    return rows


def _add_kept(rows: list[tuple[str, ...]], rules: list[tuple[int, int, str]]) -> None:
    """The ``f`` features (format 8) of what the rules would suggest, by the public
    overlap rule over spans, tag by tag."""
    from annotator.model import Span
    from annotator.suggest import resolve_overlaps

    for span in resolve_overlaps([Span(s, e, kind, origin="rule") for s, e, kind in rules]):
        s, e, kind = span.start, span.end, span.label
        for j in range(s, e):
            tag = "S" if e - s == 1 else "B" if j == s else "E" if j == e - 1 else "I"
            rows[j] += (f"f={tag}-{kind}",)
        if s:
            rows[s - 1] += ("f=>" + kind,)
        if e < len(rows):
            rows[e] += ("f=<" + kind,)


def _add_outer(rows: list[tuple[str, ...]], rules: list[tuple[int, int, str]]) -> None:
    """The ``o`` features of the candidates inside no longer one, computed the plain way."""
    outer = {}  # the first candidate of each span inside no longer one
    for r in rules:
        if not any(_inside(r, o) for o in rules):
            outer.setdefault(r[:2], r)
    for s, e, kind in sorted(outer.values(), key=lambda r: r[0] - r[1]):
        rows[s] += ("o=B-" + kind,)
        for j in range(s + 1, e):
            rows[j] += ("o=I-" + kind,)
        if s:
            rows[s - 1] += ("o=>" + kind,)
        if e < len(rows):
            rows[e] += ("o=<" + kind,)


def _inside(rule: tuple[int, int, str], other: tuple[int, int, str]) -> bool:
    """True when ``rule`` lies in ``other`` and is shorter (of equal spans the first stays)."""
    return other[0] <= rule[0] and rule[1] <= other[1] and other[1] - other[0] > rule[1] - rule[0]
