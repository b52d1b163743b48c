"""How the entity tagger's spans meet the rules' (:mod:`annotator.learn.entities`):
the labels it takes over from the rules and the rule spans it keeps (:func:`takeover`,
:func:`kept_labels`), the confidences below which its spans yield to kept one-character
rule spans or take the rules' label (:func:`yield_below`, :func:`relabel_below`) and, per
label, the confidence below which a kept rule span is left out (:func:`drop_below`) and
below which a span of the tagger where the rules suggest nothing is (:func:`guess_below`),
each chosen from cross-validated figures, and their use on a line's spans at tagging."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from annotator.learn.entity_features import Entity


def takeover(figures: dict[str, Any] | None) -> tuple[str, ...] | None:
    """The labels whose rule suggestions the model's should replace: those where its
    cross-validated exact F1 (the better of ``model``, the rules' uncontradicted spans
    kept, and ``crf``, the tagger alone) is at least the rules'. None (every label it
    learns) without figures. A label the rules do better keeps their suggestions: the
    model's of a name (PER, LOC, ORG) are left out, those of FIGURE only fill the gaps
    between the rules' (:func:`annotator.suggest.suggestion_tuples`): training must never
    make a label worse.

    The model must also have done as well in all folds but one (``fold_wins``, counted by
    :func:`~annotator.learn.entity_training.cross_validate`; figures without them are read
    as before): a fold is a run of articles, and a label won overall but lost in two folds
    is won on the paper's own topics, not on text to come (issue 10: trained on 5,000
    sentences of one public corpus, LOC scored 0.006 above the rules across the folds but
    below them in two of five, and 0.021 below them on another paper, 0.002 below and
    0.007 below on unseen parts of its own; left to the rules, merged LOC exact F1 went
    0.783 -> 0.806, 0.861 -> 0.859 and 0.862 -> 0.868. Another slice of the corpus won
    all five folds: nothing changed). And it must be ahead of the rules on more held-out
    spans than chance explains (:func:`_beats_chance`): a label won in every fold by a
    few spans of thousands is won on the paper's own names, no sign of text to come."""
    if not figures or "model" not in figures or "rules" not in figures:
        return None
    tested = tested_labels(figures)
    return tuple(
        sorted(
            label
            for label in tested
            if _f1(figures, label) >= _f1(figures, label, "rules")
            and _won_enough_folds(figures, label)
            and _beats_chance(figures, label, len(tested))
        )
    )


def tested_labels(figures: dict[str, Any]) -> list[str]:
    """The labels :func:`takeover` tests together (the model's but FIGURE, which stays with
    the rules): their number shares the test's level (:func:`min_apart`)."""
    return [label for label in figures.get("model") or {} if label not in ("all", "FIGURE")]


# How far the model's held-out spans must be ahead of the rules' before it takes a label
# over: a sign test at the usual 5% level (two-sided) of the spans it has right where the
# rules have them wrong against the reverse (:func:`_beats_chance`), over all the labels
# tested at once (:func:`_chance_z`).
_CHANCE_LEVEL = 0.05


def _chance_z(tested: int) -> float:
    """The z a label's sign test must reach when ``tested`` labels are tested together:
    the 5% level shared among them (Bonferroni: 1.96 for one label, 2.39 for three, 2.50
    for four). Each label tested at 5% on its own would let one of three labels through on
    chance alone about one training in seven, and the labels are tested in the same folds.

    Issue 10, session 35: trained as ``annotator train`` trains on 5,000 sentences of one
    public corpus (sentences 25,000-29,999 of the MSRA file), the model was ahead of the
    rules on LOC by 94 names to 65 (29 apart, 1.96 asks 24.7, 2.39 asks 30.2) and took it
    over; on an unseen slice of the corpus its LOC was 0.889 where the rules' was 0.898.
    PER (175 to 63) and ORG (146 to 82) there, and every label of another slice (sentences
    10,000-14,999: ORG 135 to 53, PER 52 to 20, LOC 43 to 52), are decided as before."""
    from statistics import NormalDist

    return NormalDist().inv_cdf(1 - _CHANCE_LEVEL / (2 * max(1, tested)))


def _beats_chance(figures: dict[str, Any], label: str, tested: int = 1) -> bool:
    """Whether, on the held-out lines, the model's best way of the label (the one
    :func:`_f1` picks) was better than the rules on more names than chance explains:
    ``better - worse >= z * sqrt(better + worse)``, ``z`` of :func:`_chance_z` for the
    ``tested`` labels (1.96 for one), counted by
    :func:`~annotator.learn.entity_training.against_rules` (``against_rules`` in the figures;
    figures without them are read as before), and on at least :func:`min_apart` names in
    its favour: no name apart is no evidence.

    What the folds cannot see is another paper: a gain of a few spans in thousands is the
    paper's own names and conventions, not a better reading of text to come (issue 10,
    session 33: trained on 5,000 sentences of one public corpus, LOC scored 0.003 above the
    rules across the folds and won all five, right on 74 spans the rules had wrong and wrong
    on 59 they had right; on three dev slices of the corpus and one of another paper, the
    model's LOC was 0.004 above to 0.004 below the rules', and on the corpus's test 0.005
    below). PER (71 to 44) and ORG (133 to 92) stay the model's. Those counts were of spans,
    a bound the model fixed counting twice (one wrong span of the rules', one right of its
    own), which ran the test at about 16% in place of 5%; names are counted since (overlapping
    spans as one: LOC 40 to 43, PER 69 to 39, ORG 133 to 52 on later rules)."""
    if not isinstance(figures.get("against_rules"), dict):
        return True
    better, worse = apart(figures, label)
    if better < min_apart(tested):
        return False
    return better - worse >= _chance_z(tested) * math.sqrt(better + worse)


def min_apart(tested: int = 1) -> int:
    """The fewest held-out names apart in the model's favour that :func:`_beats_chance`
    takes a label over on, ``tested`` labels tested together: the fewest at which an exact
    two-sided sign test at the label's share of :data:`_CHANCE_LEVEL` can pass at all,
    every name in its favour (``2 * 0.5**n <= level / tested``: 6 for one label, 7 for two
    or three, 8 for four).

    Without it the test took a label over on no evidence: with no name apart its inequality
    reads ``0 >= z * 0`` and holds (the former "no name apart is no loss" said so outright).
    Issue 10, session 35: trained as ``annotator train`` trains on the first 300 sentences of
    two slices of one public corpus, the model took LOC over with 0 names apart and lost to
    the rules on unseen slices of the corpus. And the normal approximation passes on fewer
    names than the exact test: 4 to 0 for one label (exact p 0.125), 6 to 0 for three
    (0.031, above their 0.017)."""
    level = _CHANCE_LEVEL / max(1, tested)
    return max(1, math.ceil(1 - math.log2(level)))


def apart(figures: dict[str, Any], label: str) -> tuple[int, int]:
    """How often, on the held-out lines, the model's best way of the label was right where
    the rules were wrong and the reverse (``against_rules`` of that way; (0, 0) without
    them): what :func:`_beats_chance` weighs, and what ``annotator train`` and the entity
    bench print."""
    counts = figures.get("against_rules")
    if not isinstance(counts, dict):
        return 0, 0
    pair = (counts.get(_best_way(figures, label)) or {}).get(label)
    if not pair:
        return 0, 0
    better, worse = pair
    return int(better), int(worse)


def _ways() -> list[str]:
    """The names of the figures of the model's ways of a label that :func:`takeover`
    weighs against the rules (:func:`_f1` without a name)."""
    return ["model", "crf", *(n for n, _ in _LENGTHS), *_drop_names()]


def _best_way(figures: dict[str, Any], label: str) -> str:
    """The model's way of the label with the highest F1 in the figures (the first of ties)."""
    return max(_ways(), key=lambda name: _f1(figures, label, name))


def _won_enough_folds(figures: dict[str, Any], label: str) -> bool:
    """Whether the model scored at least the rules in all folds but one (True for figures
    that do not count them)."""
    wins = figures.get("fold_wins")
    if not isinstance(wins, dict) or label not in wins:
        return True
    folds = int(figures.get("folds") or 0)
    return int(wins[label]) >= folds - 1


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
    kept = []
    for label in figures["model"]:
        if label == "all":
            continue
        best = _best_kept(figures, label)
        if best is not None:
            kept.append(label + best[1])
    return tuple(sorted(kept))


def _best_kept(figures: dict[str, Any], label: str) -> tuple[str, str] | None:
    """The way of keeping a label's rule suggestions that scored best (the first of ties:
    all of them, then those of one length, then all but those the tagger is less sure of
    than a bound of :data:`_DROP_BELOW`) as its figures' name and the kind it keeps
    (``""``, ``":1"``, ``":n"``), if it scored at least as well as the tagger alone."""
    options = [
        ("model", ""),
        *((name, kind) for name, kind in _LENGTHS if name in figures),
        *((name, "") for name in _drop_names() if name in figures),
    ]
    best = max(options, key=lambda option: _f1(figures, label, option[0]))
    return best if _f1(figures, label, best[0]) >= _f1(figures, label, "crf") else None


def _drop_names() -> list[str]:
    """The names of :func:`cross_validate`'s figures of each bound of :data:`_DROP_BELOW`."""
    return [f"drops_{below:g}" for below in _DROP_BELOW]


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


# The confidences tried for :func:`drop_below` (a kept rule span the tagger is less sure
# of than this is left out).
_DROP_BELOW = (0.02, 0.05, 0.1, 0.2, 0.3)


def drop_below(figures: dict[str, Any] | None) -> dict[str, float]:
    """Per label, the confidence below which a rule span the model keeps where it tags
    nothing (:func:`kept_labels`) is left out: the bound of :data:`_DROP_BELOW` whose
    cross-validated F1 of the label (``drops_…`` in :func:`cross_validate`'s figures, the
    model keeping every rule span of the label but those) is the best way of keeping the
    label's rule spans (:func:`kept_labels` then keeps the label, all lengths); labels
    kept otherwise, or not at all, have none. Empty without those figures.

    The tagger's confidence of a kept rule span is its marginal probability of the span's
    tags; a span it is sure is nothing (外交部副部长张德广和委员会 read as one
    organisation by the rules, 贺辞 as a person) is the rules' error. Trained on 800
    sentences of one paper, leaving out kept spans below 0.1 gained all-label F1 0.002 and
    0.010 on two untuned slices of it and 0.007 and 0.011 on a dev slice of another paper,
    mostly ORG (up to 0.026); PER lost a little above 0.05, so each label has its own."""
    if not figures or "model" not in figures or "crf" not in figures:
        return {}
    out: dict[str, float] = {}
    for label in figures["model"]:
        best = _best_kept(figures, label) if label != "all" else None
        if best is not None and best[0].startswith("drops_"):
            out[label] = float(best[0][len("drops_") :])
    return out


def _dropped(
    kept: Sequence[Entity], drops: dict[str, float], marginal: Callable[[str, int], float]
) -> list[Entity]:
    """The kept rule spans but those the tagger is less sure of than their label's bound
    in ``drops`` (:func:`drop_below`; a label without one keeps them all). The confidence
    is rounded as the suggestions' is, the figures the bound was chosen by."""
    return [
        k
        for k in kept
        if k[2] not in drops
        or round(_kept_confidence(marginal, k[0], k[1], k[2]), 4) >= drops[k[2]]
    ]


# The confidences tried for :func:`guess_below` (a span of the tagger where the rules
# suggest nothing, less sure than this, is left out).
_GUESS_BELOW = (0.3, 0.4, 0.5, 0.6, 0.7)


def guess_below(figures: dict[str, Any] | None) -> dict[str, float]:
    """Per label, the confidence below which a span of the tagger that overlaps no rule
    suggestion (of any label: the rules saw nothing there) is left out: the bound of
    :data:`_GUESS_BELOW` whose cross-validated F1 of the label (``guesses_…`` in
    :func:`cross_validate`'s figures, the model without those spans) is highest, if above
    the model's (``model``); labels where none scored higher have none. Empty without
    those figures.

    Where the rules found nothing the tagger reads the characters alone, and an unsure
    reading there is mostly a guess at a kind of name its gold held few of (村委会 of a law's
    title, 施工队, 扎西阿爸 as organisations). Issue 10, session 35: trained as ``annotator
    train`` trains on 5,000 sentences of one public corpus (two slices of it) and scored on
    two unseen slices, such organisations the tagger was less sure of than 0.58 were wrong
    20 times in 20, above it right 15 times in 27; the folds chose 0.5 for ORG and LOC, 0.4
    and 0.3 for PER, and what a user gets (``gaz_*`` of ``bench/entity_corpus.py``) went ORG
    0.830 -> 0.834 and 0.759 -> 0.763, LOC 0.884 -> 0.884 and 0.888 -> 0.889, PER 0.901 ->
    0.902 and 0.788 -> 0.788."""
    if not figures or "model" not in figures:
        return {}
    out: dict[str, float] = {}
    for label in figures["model"]:
        if label == "all":
            continue
        best, chosen = _f1(figures, label, "model"), 0.0
        for below in _GUESS_BELOW:
            f1 = _f1(figures, label, f"guesses_{below:g}")
            if f1 > best:
                best, chosen = f1, below
        if chosen:
            out[label] = chosen
    return out


def _unguessed(
    spans: list[Entity],
    sure: list[float],
    suggested: Sequence[Entity],
    guesses: dict[str, float],
) -> tuple[list[Entity], list[float]]:
    """The tagger's ``spans`` (with their confidence ``sure``) but those of a label with a
    bound in ``guesses`` (:func:`guess_below`) that are less sure than it and overlap none
    of the rules' ``suggested`` spans. The confidence is rounded as the suggestions' is,
    the figures the bound was chosen by."""
    out, confidence = [], []
    for (s, e, label), p in zip(spans, sure, strict=True):
        below = guesses.get(label)
        if (
            below is not None
            and round(p, 4) < below
            and not any(a < e and s < b for a, b, _ in suggested)
        ):
            continue
        out.append((s, e, label))
        confidence.append(p)
    return out, confidence


def _f1(figures: dict[str, Any], label: str, name: str = "") -> float:
    """A label's F1 in the figures of ``name``; the better of model and crf without it."""
    names = [name] if name else _ways()
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


# The labels whose tagger spans are split where the rules' suggestions of the label cut them
# (:func:`_split`): names only, where two written together are two people.
_SPLIT_LABELS = frozenset({"PER"})


def _split(
    spans: list[Entity],
    sure: list[float],
    suggested: Sequence[Entity],
    text: str = "",
) -> tuple[list[Entity], list[float]]:
    """The tagger's ``spans`` (with their confidence ``sure``), a name that the rules'
    suggested names of its label cut into names given as those names, each with the span's
    confidence: a list of names set without spaces (杨白冰杨汝岱杨纪珂), which the tagger,
    having learnt names from running text, reads as one long name, while the rules know
    where a surname starts one. Cut: the rules' names inside it are end to end and cover it
    (two or more of them), or, in a run of five characters or more of ``text``, what they
    leave between and beside them are Han pieces of two or three characters, the length of
    a Chinese name (孙鸿烈孙维本苏晓云 with 孙鸿烈 and 苏晓云 found)."""
    out: list[Entity] = []
    confidence: list[float] = []
    for (s, e, label), p in zip(spans, sure, strict=True):
        pieces = _names_in(s, e, label, suggested, text) if label in _SPLIT_LABELS else None
        if pieces:
            out += pieces
            confidence += [p] * len(pieces)
        else:
            out.append((s, e, label))
            confidence.append(p)
    return out, confidence


def _names_in(
    s: int, e: int, label: str, suggested: Sequence[Entity], text: str
) -> list[Entity] | None:
    """The names a span ``s:e`` is cut into by :func:`_split`, or None."""
    if e - s < 4:
        return None
    inner = sorted(r for r in suggested if r[2] == label and s <= r[0] and r[1] <= e)
    if not inner or inner == [(s, e, label)]:
        return None
    if any(a[1] > b[0] for a, b in zip(inner, inner[1:], strict=False)):
        return None
    gaps = [
        (a, b)
        for a, b in zip([s] + [r[1] for r in inner], [r[0] for r in inner] + [e], strict=True)
        if a < b
    ]
    if not gaps:
        return inner if len(inner) > 1 else None
    if e - s < 5 or not text or len(text) < e:
        return None
    if not all(2 <= b - a <= 3 and all(_is_han(ch) for ch in text[a:b]) for a, b in gaps):
        return None
    if not all(2 <= r[1] - r[0] <= 3 for r in inner):
        return None
    return sorted(inner + [(a, b, label) for a, b in gaps])


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


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
