"""How the entity tagger's spans meet the rules' (:mod:`annotator.learn.entities`):
the labels it takes over from the rules and the rule spans it keeps (:func:`takeover`,
:func:`kept_labels`), the confidences below which its spans yield to kept one-character
rule spans or take the rules' label (:func:`yield_below`, :func:`relabel_below`), each
chosen from cross-validated figures, and their use on a line's spans at tagging."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from annotator.learn.entity_features import Entity


def takeover(figures: dict[str, Any] | None) -> tuple[str, ...] | None:
    """The labels whose rule suggestions the model's should replace: those where its
    cross-validated exact F1 (the better of ``model``, the rules' uncontradicted spans
    kept, and ``crf``, the tagger alone) is at least the rules'. None (every label it
    learns) without figures. A label the rules do better keeps their suggestions, and the
    model's only fill the gaps between them, as for FIGURE: training must never make a
    label worse."""
    if not figures or "model" not in figures or "rules" not in figures:
        return None
    return tuple(
        sorted(
            label
            for label in figures["model"]
            if label not in ("all", "FIGURE")
            and _f1(figures, label) >= _f1(figures, label, "rules")
        )
    )


def kept_labels(figures: dict[str, Any] | None) -> tuple[str, ...] | None:
    """The rule suggestions the model keeps where it tags nothing over them: a label's
    (``PER``) where that scored at least as well as the tagger alone (``model`` against
    ``crf`` in :func:`cross_validate`'s figures), or only those of one character
    (``LOC:1``) or longer (``LOC:n``) where keeping only them scored better still (ties
    keep more). None (every label) without those figures: with little gold the tagger
    alone loses names the rules found (on 500 sentences of a public corpus, held out by
    article, LOC 0.76 alone, 0.80 keeping the rules' spans, 0.81 the rules), and it is by
    the gold that it earns trust.

    Why lengths: a rule's one-character place (中俄, 访华, 俄经济) is right nine times in
    ten where the tagger trained on 5,000 sentences of one paper tags nothing (on held-out
    text of the same paper and of two others), its longer places and organisations there
    one time in four; the label as a whole was not kept, and the tagger, which saw few of
    them, left out most one-character places of foreign news."""
    if not figures or "model" not in figures or "crf" not in figures:
        return None
    options = [("model", ""), *((name, kind) for name, kind in _LENGTHS if name in figures)]
    kept = []
    for label in figures["model"]:
        if label == "all":
            continue
        crf = _f1(figures, label, "crf")
        best = max(options, key=lambda option: _f1(figures, label, option[0]))  # first of ties
        if _f1(figures, label, best[0]) >= crf:
            kept.append(label + best[1])
    return tuple(sorted(kept))


# The confidences tried for :func:`yield_below` (a span of the tagger less sure than this
# yields to the one-character rule spans it covers).
_YIELD_BELOW = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def yield_below(figures: dict[str, Any] | None) -> float:
    """The confidence below which a span of the tagger yields to the kept one-character
    rule spans it overlaps (巴方 tagged a person, 中日 one place, where the rules have 巴
    and 中, 日): the one of :data:`_YIELD_BELOW` whose cross-validated all-label F1
    (``yields_…`` in :func:`cross_validate`'s figures) is highest, if above the model's
    (``model``); 0, never, without those figures or when none scored higher.

    Trained on 5,000 sentences of one paper and used on text of others, such spans are
    mostly the tagger's guesses at foreign news it saw little of: below 0.6 of confidence
    yielding gained 0.008 of all-label F1 on one untuned dev set, nothing on another, and
    0.0004 and 0.0013 on held-out text of the paper itself."""
    return _best_bound(figures, "yields")


def relabel_below(figures: dict[str, Any] | None) -> float:
    """The confidence below which a span of the tagger takes the label of a rule
    suggestion of the same characters (阿根廷 read as an organisation before 政府, where
    the rules have the country), chosen as :func:`yield_below` is (``relabels_…``).

    Trained on 5,000 sentences of one paper, below 0.8 this gained 0.006 and 0.005 of
    all-label F1 on two untuned dev sets, nothing on held-out text of the paper itself."""
    return _best_bound(figures, "relabels")


def _best_bound(figures: dict[str, Any] | None, name: str) -> float:
    """The bound of :data:`_YIELD_BELOW` whose figures ``name_…`` scored the highest
    all-label F1, if above the model's; 0 without figures or when none did."""
    if not figures or "model" not in figures:
        return 0.0
    best, chosen = _f1(figures, "all", "model"), 0.0
    for below in _YIELD_BELOW:
        f1 = _f1(figures, "all", f"{name}_{below:g}")
        if f1 > best:
            best, chosen = f1, below
    return chosen


def _f1(figures: dict[str, Any], label: str, name: str = "") -> float:
    """A label's F1 in the figures of ``name``; the better of model and crf without it."""
    names = [name] if name else ["model", "crf", *(n for n, _ in _LENGTHS)]
    return max((figures.get(n, {}).get(label, {}).get("f1") or 0.0) for n in names)


def _relabelled(
    spans: list[Entity],
    sure: list[float],
    suggested: Sequence[Entity],
    learnt: Sequence[str],
    below: float,
    marginal: Callable[[str, int], float] | None = None,
) -> tuple[list[Entity], list[float]]:
    """The tagger's ``spans`` (with their confidence ``sure``), those less sure than
    ``below`` given the label of a rule suggestion of the same characters, if it is one
    of the ``learnt`` labels the model replaces the rules for; their confidence then the
    tagger's for that label (``marginal``; unchanged without it)."""
    labels = {(s, e): label for s, e, label in suggested if label in learnt}
    out, confidence = [], []
    for (s, e, label), p in zip(spans, sure, strict=True):
        other = labels.get((s, e), label)
        if other != label and p < below:
            label = other
            if marginal is not None:
                p = _kept_confidence(marginal, s, e, label)
        out.append((s, e, label))
        confidence.append(p)
    return out, confidence


def _yielded(
    spans: list[Entity], sure: list[float], kept: Sequence[Entity], below: float
) -> tuple[list[Entity], list[float]]:
    """The tagger's ``spans`` (with their confidence ``sure``) but those less sure than
    ``below`` whose overlapping ``kept`` rule spans are all one character long: the rule
    spans take their place (``kept`` go where no span is left)."""
    out, confidence = [], []
    for (s, e, label), p in zip(spans, sure, strict=True):
        if p < below:
            over = [k for k in kept if k[0] < e and s < k[1]]
            if over and all(k[1] - k[0] == 1 for k in over):
                continue
        out.append((s, e, label))
        confidence.append(p)
    return out, confidence


def _kept_confidence(marginal: Callable[[str, int], float], s: int, e: int, label: str) -> float:
    """The tagger's smallest marginal probability of the tags of a kept rule span ``s:e``:
    0 where it never learnt a tag of them (``I-`` of a label its gold only had one
    character long: crfsuite refuses a tag it does not know)."""
    try:
        return min(marginal(("B-" if j == s else "I-") + label, j) for j in range(s, e))
    except RuntimeError:  # "Failed to convert into label identifier"
        return 0.0


# The rule spans a model keeps where it tags nothing may be those of a label of one length
# only: ``LOC:1`` one character (the abbreviations 中美, 访华, 俄经济), ``LOC:n`` longer.
_LENGTHS = (("model_single", ":1"), ("model_longer", ":n"))


def _kept(rule: Entity, keeps: frozenset[str]) -> bool:
    """Whether a rule span is among the kinds ``keeps`` names (:data:`_LENGTHS`)."""
    s, e, label = rule
    return label in keeps or label + (":1" if e - s == 1 else ":n") in keeps
