"""The trained structure model (:class:`StructureModel`): its bytes made by :func:`train`,
read back by :func:`load`, and judged against the rules by :func:`cross_validate`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pycrfsuite

from annotator.learn import GoldPages, structure_folds
from annotator.learn.structure.decisions import (
    ALL_DECISIONS,
    BAND_ROLE_FLOORS,
    JOIN_BANDS,
    JOIN_FLOORS,
    ROLE_BANDS,
    ROLE_FLOORS,
    START_BANDS,
    START_FLOORS,
    join_band,
    role_band,
    start_band,
    takeover,
)
from annotator.learn.structure.feature_codes import feature_names
from annotator.learn.structure.features import page_features
from annotator.learn.structure.heading_runs import _GROUP_LETTER, HeadingRun, _groups
from annotator.learn.structure.labels import decode, gold_labels, mix, parse_label
from annotator.learn.structure_scores import HEADING_ROLES, score_pages
from annotator.model import Block, Page
from annotator.model import fast_block as _block
from annotator.split.page import analyse_page
from annotator.split.shapes import Shape

KIND = "structure"
MIN_PAGES = 5
# 2: the header names the decisions the model takes over (``takeover``); older models are
# refused (they would take over every decision, unchecked) and must be trained again.
VERSION = 7
# 3: features say whether a word runs from a block into the next (word_out) and whether the
# block above ended a sentence (after_final), each with the block's rule role; a model of
# version 2 lacks them and must be trained again.
# 4: the features of version 3, a name longer than CRFsuite keeps without an allocation read
# as its code (:func:`_code`); a model of version 3 still splits the same (slower: its
# features are handed over by name, see :meth:`StructureModel.predict`).
# 5: a heading line reads its run of heading lines as one pattern of rule roles with its
# place in it (``grp=HS@0``, :func:`_groups`), in the place of what the other lines of the
# run show of themselves; a model of version 3 or 4 is handed the features of its version
# (:func:`page_features`) and splits as it did.
# 6: the header's takeover may hold join floors (``join_floors``) and role floors per band of
# the rules' and the model's role classes (``role_floors``); a model of version 5 has neither
# and splits as it did.
# 7: the role floors have a band of their own for a title line read as another title line
# (``title>title``, kicker / headline / subheadline); a model of version 6 has none and reads
# its ``heading>heading`` floor there (:func:`~.decisions.band_floor`): it splits as it did.
NAMED_VERSION = 3
GROUPLESS_VERSIONS = frozenset((3, 4))
# the older versions that still load (each splits as it did)
READABLE_VERSIONS = frozenset((*GROUPLESS_VERSIONS, 5, 6))
STALE = "not a structure model of this version; retrain with 'annotator train'"
_MAGIC = b"annotator-structure\n"

# Fixed training parameters (deterministic L-BFGS; light L1 keeps the model small). L2 0.5,
# not 0.05: under the weaker one a model of 50 pages of one paper had 0.99 of its own
# pages' heading roles right and 0.835 of the paper's other pages' (the rules 0.853): it
# learnt each page's one-offs (a body paragraph a reviewer marked an intertitle once carried
# over to the paper's other pages). Under 0.5 a reading met on a few pages is still learnt
# (s28 curve: heading roles after 50 pages 0.873 -> 0.882, the model before its floors
# 0.835 -> 0.868); 1.0 lost heading lines after 10 pages.
TRAIN_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.5,
    "max_iterations": 120,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}


_SURE = 0.9  # a label this likely needs no marginals of the others
_NO_SHAPES: frozenset[str] = frozenset()


class StructureModel:
    """A trained structure model: re-decides the rule blocks of a page."""

    def __init__(self, crf: bytes, meta: dict[str, Any]) -> None:
        self.meta = meta
        self.crf = crf  # the tagger reads this memory: it must outlive the tagger
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(crf)
        self._labels = [(label, parse_label(label)) for label in self._tagger.labels()]
        # a model of version 3 knows its features by name only; one of 3 or 4 knows no
        # heading-group pattern (its features are those of its version)
        self._named = meta.get("version") == NAMED_VERSION
        self._groups = meta.get("version") not in GROUPLESS_VERSIONS
        # the heading shapes met on each paper's done pages (none known: a model of 3 or 4)
        self._shapes = {
            paper: frozenset(found) for paper, found in (meta.get("shapes") or {}).items()
        }
        chosen = meta.get("takeover")
        self._taken = ALL_DECISIONS if chosen is None else frozenset(chosen["all"])
        self._taken_by_paper = {
            paper: frozenset(decisions)
            for paper, decisions in ((chosen or {}).get("papers") or {}).items()
        }
        # a model trained before a kind of floor has none of it (key missing): the model's
        # decisions stand wherever it takes them over
        self._chosen: dict[str, Any] = chosen or {}

    def taken(self, paper: str) -> frozenset[str]:
        """The decisions the model takes over from the rules on pages of ``paper``."""
        return self._taken_by_paper.get(paper, self._taken)

    def role_floor(self, paper: str) -> float | None:
        """The confidence below which a block's role on pages of ``paper`` stays the rules'
        (None: the model's role wherever it takes roles over)."""
        return self._scoped("floors", paper)

    def start_floors(self, paper: str) -> dict[str, float | None] | None:
        """The start floor of each band of the rules' confidence on pages of ``paper`` (see
        :func:`~.decisions.start_floors`; None: every start decision the model's wherever it
        takes starts over)."""
        return self._scoped("start_floors", paper)

    def join_floors(self, paper: str) -> dict[str, float | None] | None:
        """The join floor of each band of the rules' confidence on pages of ``paper`` (see
        :func:`~.decisions.join_floors`; None: every join the model's wherever it takes
        joins over)."""
        return self._scoped("join_floors", paper)

    def role_floors(self, paper: str) -> dict[str, float | None] | None:
        """The role floor of each band of the rules' and the model's role classes on pages of
        ``paper`` (see :func:`~.decisions.role_floors`; None: :meth:`role_floor` decides)."""
        return self._scoped("role_floors", paper)

    def _scoped(self, key: str, paper: str) -> Any:
        """The takeover's ``key`` for pages of ``paper``: the paper's own where its
        cross-validation judged it (:meth:`taken`), else the one over all papers."""
        scopes = self._chosen.get(key) or {}
        if paper in self._taken_by_paper:
            return (scopes.get("papers") or {}).get(paper)
        return scopes.get("all")

    def decide(
        self,
        blocks: Sequence[Block],
        decoded: list[Block],
        groups: list[HeadingRun] | None,
        paper: str,
    ) -> list[Block]:
        """The rules' ``blocks`` with the model's ``decoded`` decisions where it takes them
        over, under its floors (``groups``: the page's heading runs, None for a model that
        knows none)."""
        taken = self.taken(paper)
        mixed = mix(
            blocks,
            decoded,
            taken,
            self.role_floor(paper),
            self.start_floors(paper),
            self.join_floors(paper),
            self.role_floors(paper),
        )
        if groups is None or "role" not in taken:
            return mixed
        return keep_unknown_shapes(blocks, mixed, groups, self._shapes.get(paper, _NO_SHAPES))

    def predict(
        self, text: str, shapes: Sequence[Shape], blocks: Sequence[Block], paper: str = ""
    ) -> list[Block]:
        """The blocks of the rules with the model's decisions and confidences where it takes
        them over (:meth:`taken`), the rules' elsewhere."""
        taken = self.taken(paper)
        if not blocks or not taken:
            return list(blocks)  # the rules decide everything: nothing to tag
        tagger = self._tagger
        groups = _groups(blocks, text) if self._groups else None
        features = page_features(text, shapes, blocks, paper, self._groups, groups)
        labels = tagger.tag(feature_names(features) if self._named else features)
        marginal = tagger.marginal
        confidences = []
        for i, label in enumerate(labels):
            # When the chosen label itself is likely, its probability is a close lower bound
            # of each decision's and saves the marginals of every other label (most blocks).
            sure = marginal(label, i)
            if sure >= _SURE:
                value = round(sure if sure < 1.0 else 1.0, 3)
                confidences.append({"role": value, "boundary": value, "join": value})
            else:
                confidences.append(self._confidences(i, label))
        return self.decide(blocks, decode(blocks, labels, confidences), groups, paper)

    def split(self, text: str, paper: str = "") -> list[Block]:
        """Split a page: the rules' blocks, the model's decisions."""
        shapes, blocks = analyse_page(text)
        return self.predict(text, shapes, blocks, paper)

    def _confidences(self, i: int, chosen: str) -> dict[str, float]:
        """Marginal probability of each of the chosen decisions at block ``i``: the sum of
        the marginals of the labels that agree with the chosen one on that decision."""
        mine = parse_label(chosen)
        role = boundary = join = 0.0
        marginal = self._tagger.marginal
        for label, other in self._labels:
            p = marginal(label, i)
            if p < 1e-4:
                continue
            if mine is None or other is None:
                same = (mine is None) == (other is None)
                role += p * same
                boundary += p * same
                join += p * same
                continue
            role += p * (other[0] == mine[0])
            boundary += p * (other[1] == mine[1])
            join += p * (other[2] == mine[2])
        return {
            "role": round(min(role, 1.0), 3),
            "boundary": round(min(boundary, 1.0), 3),
            "join": round(min(join, 1.0), 3),
        }


@dataclass(frozen=True)
class _Prepared:
    """A gold page analysed once for training and cross-validation: the rules' shapes and
    blocks, and for a page with blocks its features with the gold labels (``sequence``)
    and the heading shapes met on it (the patterns of :func:`_groups`)."""

    page: Page
    gold: list[Block]
    shapes: Sequence[Shape]
    blocks: list[Block]
    sequence: tuple[list[list[str]], list[str]] | None
    patterns: frozenset[str]


def _prepared(pages: GoldPages) -> list[_Prepared]:
    """Every page analysed once, in training order (by id)."""
    out = []
    for page, gold, _spans in sorted(pages, key=lambda p: p[0].id):
        shapes, blocks = analyse_page(page.text)
        if not blocks:
            out.append(_Prepared(page, gold, shapes, blocks, None, frozenset()))
            continue
        groups = _groups(blocks, page.text)
        features = page_features(page.text, shapes, blocks, page.paper, groups=groups)
        sequence = (features, gold_labels(blocks, gold))
        patterns = frozenset(pattern for _, _, pattern in groups)
        out.append(_Prepared(page, gold, shapes, blocks, sequence, patterns))
    return out


def _sequences(
    pages: GoldPages, known: dict[str, set[str]] | None = None
) -> list[tuple[list[list[str]], list[str]]]:
    """Features and gold labels of every page; ``known`` gathers, per paper, the heading
    shapes met (the patterns of :func:`_groups`)."""
    prepared = _prepared(pages)
    if known is not None:
        known.update(_known_shapes(prepared))
    return [p.sequence for p in prepared if p.sequence is not None]


def _known_shapes(prepared: Sequence[_Prepared]) -> dict[str, set[str]]:
    """The heading shapes met on the pages with blocks, per paper."""
    known: dict[str, set[str]] = {}
    for p in prepared:
        if p.sequence is not None:
            known.setdefault(p.page.paper, set()).update(p.patterns)
    return known


def _pages_key(pages: GoldPages) -> str:
    """The digest of the pages that make a model's features and labels (in any order)."""
    ordered = sorted(pages, key=lambda p: p[0].id)
    return structure_folds.pages_key([(p.id, p.paper, p.text, gold) for p, gold, _ in ordered])


def keep_unknown_shapes(
    rules: Sequence[Block], blocks: list[Block], groups: list[HeadingRun], known: frozenset[str]
) -> list[Block]:
    """``blocks`` with the rules' role back on every line of a heading run whose shape the
    model never met on done pages of the paper (its roles there come from other shapes, say
    a two-line heading's kicker, and would be guessed); only roles among kicker, headline and
    subheadline change, so the split stays valid."""
    out = blocks
    for first, end, pattern in groups:
        if pattern in known:
            continue
        for i in range(first, end):
            mine, rule = blocks[i], rules[i]
            if mine.role == rule.role or mine.role not in _GROUP_LETTER:
                continue
            if out is blocks:
                out = list(blocks)
            conf = dict(mine.confidences)
            conf["role"] = rule.confidences.get("role", 1.0)
            out[i] = _block(
                mine.start, mine.end, rule.role, mine.article, mine.joins_previous, conf
            )
    return out


def train(pages: GoldPages, figures: dict[str, Any] | None = None) -> bytes:
    """Learn a structure model from gold pages; the model as bytes (deterministic).

    ``figures`` are :func:`cross_validate`'s figures on the same pages, when known: the
    model then takes over only the decisions it scored at least as well on as the rules
    (:func:`takeover`); without them it takes over every decision. The crfsuite model is
    the one :func:`cross_validate` trained beside its folds when it did, for these pages."""
    papers = sorted({p[0].paper for p in pages})
    beside = structure_folds.take_beside_folds(_pages_key(pages))
    if beside is not None:  # with the heading shapes met on the pages
        crf, known = beside
    else:
        prepared = _prepared(pages)
        crf = structure_folds.crf_bytes([p.sequence for p in prepared], TRAIN_PARAMS)
        known = _known_shapes(prepared)
    return _model_bytes(len(pages), papers, known, figures, crf)


def _model_bytes(
    pages: int,
    papers: list[str],
    known: dict[str, set[str]],
    figures: dict[str, Any] | None,
    crf: bytes,
) -> bytes:
    """The model's bytes: its header (pages, papers, what it takes over, the heading
    shapes met on each paper's pages) and the crfsuite model."""
    header = json.dumps(
        {
            "version": VERSION,
            "pages": pages,
            "papers": papers,
            "takeover": takeover(figures),
            "shapes": {paper: sorted(found) for paper, found in sorted(known.items())},
        },
        sort_keys=True,
    ).encode()
    return _MAGIC + header + b"\n" + crf


def load(data: bytes) -> StructureModel:
    """The model back from the bytes :func:`train` made; ``ValueError`` for other bytes
    and for a model of an older format (:data:`STALE`: it must be trained again) but
    those of :data:`READABLE_VERSIONS` (3 and 4 read the features of their version)."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a structure model (the data does not start with its mark)")
    header, _, crf = data[len(_MAGIC) :].partition(b"\n")
    try:
        meta = json.loads(header)
    except ValueError:
        raise ValueError("not a structure model (its header is damaged)") from None
    if not isinstance(meta, dict) or meta.get("version") not in (VERSION, *READABLE_VERSIONS):
        raise ValueError(STALE)
    return StructureModel(crf, meta)


def cross_validate(pages: GoldPages, folds: int = 5) -> dict[str, Any]:
    """Scores of the rules and of the model on held-out folds of ``pages``, over all pages
    and per paper (``papers``: each with its page count, for :func:`takeover`).

    Pages are dealt into folds by their order of id (page ``i`` to fold ``i % folds``); each
    fold is split by a model trained on the other folds (taking over every decision). Each
    page's features are made once; the folds are trained in worker processes, one a core,
    beside the model of all the pages that :func:`train` then takes (:mod:`..structure_folds`).
    """
    ordered = _prepared(pages)
    folds = max(2, min(folds, len(ordered)))
    preds: dict[str, dict[str, list[tuple[str, list[Block], list[Block]]]]] = {}
    sequences = [p.sequence for p in ordered]
    key, known = _pages_key(pages), _known_shapes(ordered)  # kept with the whole's model
    crfs = structure_folds.fold_crfs(sequences, folds, TRAIN_PARAMS, key, known)
    for k, crf in enumerate(crfs):  # the folds' trainings run in worker processes
        held = ordered[k::folds]
        rest = [p for i, p in enumerate(ordered) if i % folds != k]
        papers = sorted({p.page.paper for p in rest})
        model = load(_model_bytes(len(rest), papers, _known_shapes(rest), None, crf))
        for p in held:
            page, gold = p.page, p.gold
            mine = preds.setdefault(page.paper, {"rules": [], "model": []})
            mine["rules"].append((page.text, gold, p.blocks))
            mine["model"].append(
                (page.text, gold, model.predict(page.text, p.shapes, p.blocks, page.paper))
            )
    return _figures(len(ordered), folds, preds)


def _figures(
    pages: int, folds: int, preds: dict[str, dict[str, list[tuple[str, list[Block], list[Block]]]]]
) -> dict[str, Any]:
    """:func:`cross_validate`'s figures from the held-out splits of the rules and of the
    model of each paper (``preds``)."""
    every = {name: [t for p in preds.values() for t in p[name]] for name in ("rules", "model")}
    return {
        "pages": pages,
        "folds": folds,
        "rules": score_pages(every["rules"]),
        "model": score_pages(every["model"]),
        "floors": _floor_scores(every),
        **_differing_counts(every),
        "papers": {
            paper: {
                "pages": len(p["rules"]),
                "rules": score_pages(p["rules"]),
                "model": score_pages(p["model"]),
                "floors": _floor_scores(p),
                **_differing_counts(p),
            }
            for paper, p in sorted(preds.items())
        },
    }


def _floor_scores(preds: dict[str, list[tuple[str, list[Block], list[Block]]]]) -> dict:
    """The held-out scores of the model's roles under each of ``ROLE_FLOORS`` (the rules'
    role where the model is less sure), keyed by the floor as text (JSON keys)."""
    out = {}
    for floor in ROLE_FLOORS:
        mixed = [
            (text, gold, mix(rules, mine, ALL_DECISIONS, floor))
            for (text, gold, rules), (_, _, mine) in zip(
                preds["rules"], preds["model"], strict=True
            )
        ]
        out[f"{floor:g}"] = score_pages(mixed)
    return out


def _states(blocks: Sequence[Block]) -> list[str]:
    """Each block's start decision: ``O`` furniture, ``B`` an article's first block, else
    ``I``."""
    seen: set[int] = set()
    out = []
    for b in blocks:
        if b.article is None:
            out.append("O")
        elif b.article in seen:
            out.append("I")
        else:
            seen.add(b.article)
            out.append("B")
    return out


def _differing_counts(preds: dict[str, list[tuple[str, list[Block], list[Block]]]]) -> dict:
    """The counts the floors of each decision are chosen from (see
    :func:`~.decisions.takeover`): for each band (``starts``, ``joins``: of the rules'
    confidence in their decision; ``roles``: of the class of the rules' role) and each floor
    (as text: JSON keys), how many held-out blocks whose decision the model made otherwise
    than the rules, the model at least that sure of it, the model had right and how many the
    rules had right; for starts and joins then on how many pages the model's were right more
    often than the rules' and on how many less often (one page's decisions are not
    independent: a page's long wrapped article gave the model eleven joins its other pages
    did not, see :func:`~.decisions.join_floors`)."""
    starts = _band_counts(START_BANDS, START_FLOORS)
    joins = _band_counts(JOIN_BANDS, JOIN_FLOORS)
    roles = _band_counts(ROLE_BANDS, BAND_ROLE_FLOORS)
    for (_, gold, rules), (_, _, mine) in zip(preds["rules"], preds["model"], strict=True):
        page_starts = _band_counts(START_BANDS, START_FLOORS)
        page_joins = _band_counts(JOIN_BANDS, JOIN_FLOORS)
        wanted = [parse_label(label) for label in gold_labels(rules, gold)]
        states = zip(_states(rules), _states(mine), strict=True)
        for (r, m), want, rule, block in zip(states, wanted, rules, mine, strict=True):
            state = "O" if want is None else "B" if want[1] else "I"
            if r != m and state in (r, m):
                band = start_band(rule.confidences.get("boundary", 1.0))
                _count(page_starts[band], START_FLOORS, block, "boundary", state == r)
            join = want is not None and want[2]
            if rule.joins_previous != block.joins_previous:
                band = join_band(rule.confidences.get("join", 1.0))
                _count(page_joins[band], JOIN_FLOORS, block, "join", join == rule.joins_previous)
            role = "other" if want is None else want[0]
            if rule.role != block.role and role in (rule.role, block.role):
                band = role_band(rule.role, block.role)
                heading = role in HEADING_ROLES  # counted again, from the third place on
                _count(roles[band], BAND_ROLE_FLOORS, block, "role", role == rule.role, heading)
        _add_page(starts, page_starts)
        _add_page(joins, page_joins)
    return {"starts": starts, "joins": joins, "roles": roles}


def _band_counts(bands: Sequence[str], floors: Sequence[float]) -> dict[str, dict[str, list[int]]]:
    """Four zero counts per band and floor (as text): ``[right, wrong, pages won, pages
    lost]`` of starts and joins, ``[right, wrong, heads right, heads wrong]`` of roles."""
    return {band: {f"{f:g}": [0, 0, 0, 0] for f in floors} for band in bands}


def _add_page(
    total: dict[str, dict[str, list[int]]], page: dict[str, dict[str, list[int]]]
) -> None:
    """One page's counts into ``total``: its decisions, and the page won (the model's
    differing decisions right more often than the rules') or lost."""
    for band, floors in page.items():
        for floor, (right, wrong, _, _) in floors.items():
            counts = total[band][floor]
            counts[0] += right
            counts[1] += wrong
            counts[2] += right > wrong
            counts[3] += wrong > right


def _count(
    band: dict[str, list[int]],
    floors: Sequence[float],
    block: Block,
    decision: str,
    rules: bool,
    twice: bool = False,
) -> None:
    """One differing decision of the model on ``block`` in ``band``: right (``rules``
    False) or wrong at each floor its confidence reaches; ``twice``: counted again in the
    third and fourth places (a gold heading line's role)."""
    sure = block.confidences.get(decision, 1.0)
    for f in floors:
        if sure >= f:
            band[f"{f:g}"][rules] += 1
            if twice:
                band[f"{f:g}"][2 + rules] += 1
