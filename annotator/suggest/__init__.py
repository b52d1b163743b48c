"""Entity and figure suggestions for a page: rules, a gazetteer learnt from gold, a model.

Pure Python (no Qt, no SQL): the store and the window call :func:`suggest_spans`.

Suggesters, each its own module with its own rules documented there:

* :mod:`.figures` (FIGURE), :mod:`.dates` (DATE), :mod:`.people` (PER, a package with a
  module per cue), :mod:`.orgs_places` (ORG, LOC, likewise), :mod:`.abbreviations` (LOC:
  中美关系, 访华, 欧美): ``origin="rule"``; their word lists are the lexicon files of
  ``resources/lexicon/`` (:mod:`annotator.lexicon`);
* :mod:`.gazetteer`: strings accepted on reviewed pages, ``origin="gazetteer"``;
* :mod:`.model_tagger`: jieba POS tags, optional, ``origin="model"``.

Overlap rule (applied by :func:`resolve_overlaps`; suggestions never overlap):

1. *Same label*: the origin decides, ``gazetteer`` > ``rule`` > ``model`` (a string the
   reviewers accepted knows its boundaries better than a rule's guess, e.g. ``邓柯`` over
   ``邓柯传``); within one origin the longer span wins, then the earlier one. But with a
   learnt tagger (``tagger``) the gazetteer only fills the gaps: a string of it that
   overlaps a rule's or the tagger's candidate is left out (both learnt from the same
   gold, and the tagger reads the context).
2. *Different labels*: the longer span wins (``衡阳市行政审批服务局`` ORG over the LOC
   ``衡阳市`` inside it), then the origin as above, then the label order
   DATE > FIGURE > PER > ORG > LOC (``近3年`` is a DATE, not a FIGURE), then the earlier.

Rejections: a ``(start, end, label)`` in ``rejected`` is never proposed again (the next
best candidate for that text may be); a ``(text, label)`` pair that the gazetteer has
blocked (rejected >= 2 times and more often than accepted) is not proposed by any origin.

Every returned span has ``status="suggested"``, offsets are code points of ``text``, and
a span never starts or ends on whitespace, never crosses a newline and never contains a
markdown marker (``#``, ``*``).  Spans inside blocks with role ``other`` (page furniture,
ads) are skipped when ``blocks`` is given.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from annotator.model import Block, Span

from . import _scan, model_tagger
from .abbreviations import find_abbreviation_candidates
from .dates import find_date_candidates, find_dates
from .figures import find_figure_candidates, find_figures, parse_figure
from .gazetteer import Gazetteer
from .orgs_places import find_org_place_candidates, find_orgs_places
from .people import find_people, find_person_candidates, plausible_name
from .people.names import _TRANSLIT_CHARS
from .people.running import running_names

__all__ = [
    "Gazetteer",
    "find_dates",
    "find_figures",
    "find_orgs_places",
    "find_people",
    "model_available",
    "parse_figure",
    "resolve_overlaps",
    "rule_spans",
    "suggest_spans",
]

ORIGIN_RANK = {"gazetteer": 0, "rule": 1, "model": 2, "human": 3}
LABEL_RANK = {"DATE": 0, "FIGURE": 1, "PER": 2, "ORG": 3, "LOC": 4}

# (start, end, label, origin, attrs)
_Cand = tuple[int, int, str, str, dict[str, Any]]
_START_END = operator.itemgetter(0, 1)


def _same_range_key(c: _Cand) -> tuple[int, int]:
    return ORIGIN_RANK.get(c[3], 9), LABEL_RANK.get(c[2], 9)


def _make_spans_factory() -> Callable[[Iterable[_Cand]], list[Span]]:
    """A fast maker of the ``Span`` objects of suggestion tuples.

    ``Span`` is a frozen dataclass whose ``__init__`` sets each field through
    ``object.__setattr__`` (about 1.3 µs a span, a tenth of the page budget).  When its
    fields are the ones known here, each instance dict is filled directly (in one loop: no
    call a span), which yields equal objects; otherwise the ordinary constructor is used.
    """
    expected = ("start", "end", "label", "origin", "status", "attrs", "id")
    if tuple(f.name for f in dataclasses.fields(Span)) != expected or hasattr(Span, "__slots__"):
        return lambda chosen: [
            Span(s, e, label, origin=origin, status="suggested", attrs=attrs)
            for s, e, label, origin, attrs in chosen
        ]
    new = object.__new__
    set_attr = object.__setattr__  # the instance dict given whole: one dict, not two

    def make(chosen: Iterable[_Cand]) -> list[Span]:
        out = []
        for s, e, label, origin, attrs in chosen:
            span = new(Span)
            set_attr(
                span,
                "__dict__",
                {"start": s, "end": e, "label": label, "origin": origin,
                 "status": "suggested", "attrs": attrs, "id": None},
            )  # fmt: skip
            out.append(span)
        return out

    return make


_make_spans = _make_spans_factory()


def model_available() -> bool:
    """True when the optional model suggester (jieba) can run."""
    return model_tagger.is_available()


# The rule suggesters by name, in the order they run (bench/suggest_speed.py times each).
RULE_FINDERS = (
    ("figures", find_figure_candidates),
    ("dates", find_date_candidates),
    ("people", find_person_candidates),
    ("orgs_places", find_org_place_candidates),
    ("abbreviations", find_abbreviation_candidates),
)
# ... then :func:`.people.running.running_names` (PER without a cue) around what they found.


# Other middle dots that join the parts of a transliterated name in web text (戈登・布朗:
# the katakana one of Japanese input methods, the hyphenation point, the half-width one):
# the rules read them as ``·``; one code point for one, so offsets stay.
_DOT_VARIANTS = "\u30fb\u2027\uff65"
_AS_MIDDLE_DOT = str.maketrans(_DOT_VARIANTS, "···")


def _rule_candidates(text: str) -> list[_Cand]:
    return _rule_candidates_many([text])[0]


# Pages of a batch whose finders run one after another (:func:`_rule_candidates_many`):
# as many as the page scans kept for them (each page and its copy with ASCII digits).
_BATCH = _scan.KEEP // 2


def _rule_candidates_many(texts: Sequence[str]) -> list[list[_Cand]]:
    """The rule candidates of each of ``texts``: each finder runs over a few pages in turn
    (:data:`_BATCH`), then the next, the same candidates as page by page.

    Why: run page by page, the finders evicted one another's automata, regexes and lexicons
    from the CPU caches at every page; in turn, each finds its own still there at the next
    page (a page's rules cost 3.5 -> 3.1 ms of CPU in batches of 8 pages, issue 11).
    """
    out: list[list[_Cand]] = []
    for k in range(0, len(texts), _BATCH):
        out.extend(_batch_candidates([_as_middle_dots(t) for t in texts[k : k + _BATCH]]))
    return out


def _as_middle_dots(text: str) -> str:
    if "\u30fb" in text or "\u2027" in text or "\uff65" in text:
        return text.translate(_AS_MIDDLE_DOT)
    return text


def _batch_candidates(texts: list[str]) -> list[list[_Cand]]:
    outs: list[list[_Cand]] = [[] for _ in texts]
    suspects: list[set[tuple[int, int]]] = [set() for _ in texts]
    for name, finder in RULE_FINDERS:
        for k, text in enumerate(texts):
            found = finder(text)
            if name == "people":
                suspects[k] = _suspects(text, found)
            elif suspects[k] and name == "orgs_places":
                outs[k] = _places_not_names(outs[k], found, suspects[k])
            outs[k] += [(s, e, label, "rule", attrs) for s, e, label, attrs in found]
    # the weakest cue last: a name by its statistics alone yields to every other candidate
    # (and never ends in a place's kind: see running.py)
    for text, out in zip(texts, outs, strict=True):
        taken = [(c[0], c[1]) for c in out]
        names = running_names(text, taken)
        if names:
            names = _not_joined_to_orgs(text, names, out)
        out.extend((s, e, "PER", "rule", {}) for s, e in names)
    return outs


# Words that join two items of a pair (上汽集团与阿里巴巴, 华为和诺基亚), and the kinds of
# company that may end the first.
_JOINS = frozenset("与和及同")
_COMPANY_ENDS = ("集团", "公司", "银行", "企业", "控股")


def _not_joined_to_orgs(
    text: str, names: list[tuple[int, int]], found: list[_Cand]
) -> list[tuple[int, int]]:
    """``names`` (found by their statistics alone) without the foreign-sounding runs
    joined by a word of a pair to a company that the rules found right before them: the
    other party of a company's deal is a company (上汽集团与阿里巴巴签署协议: 阿里巴巴 is no
    person).  (A name of Han characters may be a person's: 卢亮和兴发水泥有限公司; and so
    may a foreign one after another kind of body: 国务院和奥尔布赖特国务卿.)"""
    ends = {c[1] for c in found if c[2] == "ORG" and text.endswith(_COMPANY_ENDS, c[0], c[1])}
    if not ends:
        return names
    return [
        (s, e)
        for s, e in names
        if not (
            s - 1 in ends and text[s - 1] in _JOINS and all(c in _TRANSLIT_CHARS for c in text[s:e])
        )
    ]


def _suspects(text: str, found: list[Any]) -> set[tuple[int, int]]:
    """The names ``found`` that end in a place's kind or stand before a list's mark."""
    return {
        (c[0], c[1])
        for c in found
        if text[c[1] - 1] in _PLACE_KIND_ENDS or text[c[1] : c[1] + 1] in _LIST_AFTER
    }


# Last characters of a place's kind that end no given name (乌咀乡, 大屯村, 南丰县).
_PLACE_KIND_ENDS = frozenset("乡镇村县")
# What follows an item of a list: a name there that the place rules found as a place is the
# place (卡拉奇、拉合尔、白沙瓦等地: 白沙瓦 is no person after 白).
_LIST_AFTER = frozenset("、等")


def _places_not_names(
    out: list[_Cand], found: list[Any], suspects: set[tuple[int, int]]
) -> list[_Cand]:
    """``out`` without the names of ``suspects`` (those ending in 乡 镇 村 县, and items of
    lists) that the place rules ``found`` as the same place (被告乌咀乡建筑公司: 乌咀乡 is
    the township, not a person after 被告; 拉合尔、白沙瓦等地)."""
    places = {(c[0], c[1]) for c in found if c[2] == "LOC"} & suspects
    if not places:
        return out
    return [c for c in out if c[2] != "PER" or (c[0], c[1]) not in places]


def _gazetteer_fills_gaps(kept: list[_Cand], length: int) -> list[_Cand]:
    """``kept`` without the gazetteer's candidates that overlap another's (a rule's or the
    learnt tagger's): with a tagger the gazetteer only fills the gaps. Both learnt from the
    same gold, and the tagger reads the context: the gold's strings outranking it (and the
    rules of the labels it left to them) lost more than they won (issue 10, trained on
    5,000 MSRA sentences: dev40k ORG 0.829 -> 0.818, LOC 0.883 -> 0.875 with them outranking
    it; dev46k ORG 0.754 -> 0.719; filling the gaps, no label lower than without them)."""
    covered = bytearray(length)
    gaz: list[_Cand] = []
    others: list[_Cand] = []
    for c in kept:
        if c[3] == "gazetteer":
            gaz.append(c)
        else:
            others.append(c)
            covered[c[0] : c[1]] = b"\x01" * (c[1] - c[0])
    return others + [c for c in gaz if covered.find(1, c[0], c[1]) < 0]


def _valid(text: str, s: int, e: int) -> bool:
    if not 0 <= s < e <= len(text):
        return False
    if text[s].isspace() or text[e - 1].isspace():
        return False
    piece = text[s:e]
    return "\n" not in piece and "#" not in piece and "*" not in piece


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping subset of ``cands`` by the overlap rule of the module docstring.

    Most candidates overlap nothing; the sweep keeps those as they are and applies the
    rule only inside clusters of overlapping candidates.  What a cluster keeps is put in
    order on its own: every candidate of a later cluster starts at or after the end of
    every earlier one, so the clusters in turn are in (start, end) order, as one stable
    sort of them all would leave them (that sort cost a third of the whole).
    """
    cands = sorted(cands, key=_START_END)
    out: list[_Cand] = []
    cluster: list[_Cand] = []
    cluster_end = -1
    for c in cands:
        if c[0] >= cluster_end:
            if cluster:
                out.extend(cluster if len(cluster) == 1 else _resolved_in_order(cluster))
            cluster = [c]
            cluster_end = c[1]
        else:
            cluster.append(c)
            if c[1] > cluster_end:
                cluster_end = c[1]
    if cluster:
        out.extend(cluster if len(cluster) == 1 else _resolved_in_order(cluster))
    return out


def _resolved_in_order(cluster: list[_Cand]) -> list[_Cand]:
    kept = _resolve_cluster(cluster)
    kept.sort(key=_START_END)
    return kept


def _overlaps_any(c: _Cand, taken: list[_Cand]) -> bool:
    s, e = c[0], c[1]
    # a plain loop: clusters are small, a generator costs more than the tests
    for t in taken:  # noqa: SIM110
        if s < t[1] and t[0] < e:
            return True
    return False


def _within_label_key(c: _Cand) -> tuple[str, int, int, int]:
    return c[2], ORIGIN_RANK.get(c[3], 9), c[0] - c[1], c[0]


def _across_labels_key(c: _Cand) -> tuple[int, int, int, int]:
    return c[0] - c[1], ORIGIN_RANK.get(c[3], 9), LABEL_RANK.get(c[2], 9), c[0]


def _resolve_cluster(cluster: list[_Cand]) -> list[_Cand]:
    s0, e0 = cluster[0][0], cluster[0][1]
    for c in cluster:
        if c[0] != s0 or c[1] != e0:
            break
    else:
        # one range proposed several times (gazetteer and rule agree): keep the best
        return [min(cluster, key=_same_range_key)]
    # phase 1: within each label, origin first, then length, then position (sorted by
    # label: the survivors of one label are those since it began)
    cluster.sort(key=_within_label_key)
    survivors: list[_Cand] = []
    same: list[_Cand] = []
    label = None
    for c in cluster:
        if c[2] != label:
            label, same = c[2], []
        if not _overlaps_any(c, same):
            same.append(c)
            survivors.append(c)
    # phase 2: across labels, length first
    survivors.sort(key=_across_labels_key)
    kept: list[_Cand] = []
    for c in survivors:
        if not _overlaps_any(c, kept):
            kept.append(c)
    return kept


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """The non-overlapping subset of ``spans`` chosen by the overlap rule, by position."""
    items = list(spans)
    cands = [(sp.start, sp.end, sp.label, sp.origin, {"index": i}) for i, sp in enumerate(items)]
    return [items[c[4]["index"]] for c in _resolve(cands)]


def resolve_rule_triples(triples: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The non-overlapping subset of rule candidates ``(start, end, label)`` chosen by the
    overlap rule, in text order (the learnt tagger's view of what the rules would keep).

    Most lines' candidates overlap nothing: they are all kept, in (start, end) order, as
    :func:`_resolve` keeps them, without its clusters."""
    ordered = sorted(triples, key=_START_END)  # stable, as _resolve sorts
    end = -1
    for t in ordered:
        if t[0] < end:
            break  # an overlap: the rule decides
        end = t[1]
    else:
        return [(t[0], t[1], t[2]) for t in ordered]
    cands: list[_Cand] = [(s, e, label, "rule", {}) for s, e, label in ordered]
    return [(c[0], c[1], c[2]) for c in _resolve(cands)]


def rule_spans(text: str) -> list[Span]:
    """Every rule candidate, overlapping and unresolved (for debugging and evaluation)."""
    return [
        Span(s, e, label, origin=origin, status="suggested", attrs=attrs)
        for s, e, label, origin, attrs in sorted(_rule_candidates(text))
    ]


def suggest_spans(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    use_model: bool = False,
    blocks: list[Block] | None = None,
    rejected: set[tuple[int, int, str]] | frozenset[tuple[int, int, str]] = frozenset(),
    tagger: Any = None,
) -> list[Span]:
    """Suggested spans for a page ``text``, non-overlapping, sorted by (start, end).

    ``gazetteer`` adds strings learnt from reviewed pages and blocks pairs that reviewers
    keep rejecting; ``use_model`` adds jieba's guesses when jieba is installed (silently
    nothing otherwise); ``blocks`` lets spans inside ``other`` blocks be skipped;
    ``rejected`` holds ``(start, end, label)`` triples never to propose again;
    ``tagger`` is a learnt model (``annotator.learn.entities``), called with the text and
    the rule candidates; its suggestions (``origin="model"``) replace the rules' for the
    labels it has learnt.
    """
    chosen = suggestion_tuples(
        text, gazetteer=gazetteer, use_model=use_model, blocks=blocks, rejected=rejected,
        tagger=tagger,
    )  # fmt: skip
    return _make_spans(chosen)


# the labels of names a learnt model suggests only when it replaces the rules for them
_NAME_LABELS = frozenset({"PER", "LOC", "ORG"})


def suggestion_tuples(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    use_model: bool = False,
    blocks: list[Block] | None = None,
    rejected: set[tuple[int, int, str]] | frozenset[tuple[int, int, str]] = frozenset(),
    tagger: Any = None,
) -> list[tuple[int, int, str, str, dict[str, Any]]]:
    """What :func:`suggest_spans` returns, as ``(start, end, label, origin, attrs)``
    tuples: import workers encode them into rows without building ``Span`` objects."""
    return _chosen(
        text, _rule_candidates(text), gazetteer=gazetteer, use_model=use_model, blocks=blocks,
        rejected=rejected, tagger=tagger,
    )  # fmt: skip


def suggestion_tuples_many(
    texts: Sequence[str],
    blocks: Sequence[list[Block] | None],
    *,
    gazetteer: Gazetteer | None = None,
    tagger: Any = None,
) -> list[list[tuple[int, int, str, str, dict[str, Any]]]]:
    """:func:`suggestion_tuples` of each of ``texts`` with its ``blocks`` (the same
    tuples), the rules run over a few pages in turn (:func:`_rule_candidates_many`): what an
    import worker does with the pages of a chunk."""
    return [
        _chosen(text, cands, gazetteer=gazetteer, blocks=page_blocks, tagger=tagger)
        for text, cands, page_blocks in zip(
            texts, _rule_candidates_many(texts), blocks, strict=True
        )
    ]


def _chosen(
    text: str,
    cands: list[_Cand],
    *,
    gazetteer: Gazetteer | None = None,
    use_model: bool = False,
    blocks: list[Block] | None = None,
    rejected: set[tuple[int, int, str]] | frozenset[tuple[int, int, str]] = frozenset(),
    tagger: Any = None,
) -> list[_Cand]:
    """The suggestions of ``text`` out of its rule candidates ``cands`` and what the other
    suggesters add (:func:`suggestion_tuples`)."""
    if tagger is not None:
        # A learnt model (annotator.learn.entities) has the rule candidates among its
        # features and learnt when to trust them: for the labels it knows its output
        # replaces theirs (the other labels, e.g. FIGURE, stay with the rules). Of a name
        # label it was not trusted with (cross-validated worse than the rules) its spans
        # are left out too: filling the gaps between the rules' places, its places had
        # made LOC worse than the rules alone (issue 10, a model of 5,000 sentences left
        # LOC to the rules: exact F1 0.804 alone, 0.799 so on another paper, 0.863 and
        # 0.858, 0.869 and 0.866 on two unseen slices of its own); FIGURE's still fill
        # the gaps between the rules' figures.
        learnt = frozenset(getattr(tagger, "labels", ()))
        found = [
            (s, e, lab, "model", a)
            for s, e, lab, a in tagger(text, cands)
            if lab in learnt or lab not in _NAME_LABELS
        ]
        cands = [c for c in cands if c[2] not in learnt] + found
    if gazetteer is not None:
        cands.extend((s, e, lab, "gazetteer", a) for s, e, lab, a in gazetteer.candidates(text))
    if use_model:
        cands.extend(
            (s, e, lab, "model", a)
            for s, e, lab, a in model_tagger.model_candidates(text)
            if lab != "PER" or plausible_name(text[s:e])  # jieba's nr: 文明, 弘扬 …
        )
    # rule patterns cannot match whitespace, newlines or # and *; other origins are checked
    kept = cands
    if tagger is not None or gazetteer is not None or use_model:
        kept = [c for c in cands if c[3] == "rule" or _valid(text, c[0], c[1])]
    if rejected:
        kept = [c for c in kept if (c[0], c[1], c[2]) not in rejected]
    if gazetteer is not None and gazetteer.blocked:
        kept = [
            c
            for c in kept
            if c[3] == "gazetteer" or not gazetteer.is_blocked(text[c[0] : c[1]], c[2])
        ]
    for bs, be in [(b.start, b.end) for b in blocks or () if b.role == "other"]:
        kept = [c for c in kept if not (bs < c[1] and c[0] < be)]
    if tagger is not None and gazetteer is not None:
        kept = _gazetteer_fills_gaps(kept, len(text))
    return _resolve(kept)
