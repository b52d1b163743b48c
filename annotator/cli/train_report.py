"""``annotator train``'s report: each model's cross-validated figures against the rules, and
what it now decides or suggests (and what stays with the rules).
"""

from __future__ import annotations

from typing import Any

# Figures of a learner's cross-validation printed by ``annotator train``: (path, label).
_TRAIN_FIGURES = (
    (("role", "accuracy"), "role accuracy"),
    (("role", "heading_accuracy"), "heading role accuracy"),
    (("article_start", "f1"), "article start F1"),
    (("join", "f1"), "join F1"),
)


def _figure(figures: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = figures
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _leaf_figures(figures: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Paths of every F1/accuracy figure (another learner's figures have other names)."""
    out: list[tuple[str, ...]] = []
    for key, value in figures.items():
        if isinstance(value, dict):
            out.extend(_leaf_figures(value, (*prefix, key)))
        elif key in ("f1", "accuracy") and isinstance(value, int | float):
            out.append((*prefix, key))
    return out


def _format_trained(model: Any) -> list[str]:
    figures = model.figures
    lines = [
        f"{model.kind}: trained version {model.version} on {model.pages} done page(s); "
        f"cross-validated on {figures.get('folds', '?')} folds:"
    ]
    rules, learnt = figures.get("rules") or {}, figures.get("model") or {}
    rows: list[tuple[str, tuple[str, ...]]] = [
        (label, path) for path, label in _TRAIN_FIGURES if _figure(rules, path) is not None
    ]
    heading = "decision"
    if not rows:  # another learner's figures (the entity tagger's: per label, exact match)
        rows = [(" ".join(path), path) for path in _leaf_figures(learnt)]
        heading = "label, exact match"
    lines.append(f"  {heading:<24} {'rules':>7} {'model':>7}")
    for label, path in rows:
        r, m = _figure(rules, path), _figure(learnt, path)
        cells = [f"{v:7.3f}" if isinstance(v, int | float) else f"{'-':>7}" for v in (r, m)]
        lines.append(f"  {label:<24} {cells[0]} {cells[1]}")
    if model.kind == "entities":
        lines.append(_takeover_line(figures))
    elif model.kind == "structure":
        lines += _structure_takeover_lines(figures)
    return lines


def _takeover_line(figures: dict[str, Any]) -> str:
    """Which labels the entity model now suggests, and which stay with the rules."""
    from annotator.learn.entities import (
        drop_below,
        guess_below,
        kept_labels,
        relabel_below,
        takeover,
        yield_below,
    )

    taken = takeover(figures)
    if taken is None:
        return "  suggestions: the model's for every label it learnt but FIGURE."
    rules = figures.get("rules") or {}
    kept = sorted(label for label in rules if label not in ("all", "FIGURE", *taken))
    line = f"  suggestions: the model's for {', '.join(taken) or 'no label'}"
    line += _rules_reasons(figures, kept)
    keeping = kept_labels(figures)
    if keeping is not None and taken:
        held = [_kept_kind(kind) for kind in keeping if kind.partition(":")[0] in taken]
        line += (
            f"; where the model tags nothing, the rules' suggestions stay for "
            f"{', '.join(held) or 'no label'}"
        )
    below = yield_below(figures)
    if below and taken:
        line += (
            f"; a span of the model less sure than {below:g} gives way to the rules' "
            "one-character ones it covers"
        )
    relabel = relabel_below(figures)
    if relabel and taken:
        line += (
            f"; a span of the model less sure than {relabel:g} takes the label the rules "
            "give the same characters"
        )
    drops = drop_below(figures)
    if drops and taken and keeping:
        bounds = ", ".join(f"{label} below {below:g}" for label, below in sorted(drops.items()))
        line += f"; a kept rule suggestion the model is less sure of is left out ({bounds})"
    guesses = {label: b for label, b in guess_below(figures).items() if label in taken}
    if guesses:
        bounds = ", ".join(f"{label} below {below:g}" for label, below in sorted(guesses.items()))
        line += f"; a span of the model where the rules suggest nothing is left out ({bounds})"
    return line + "."


def _rules_reasons(figures: dict[str, Any], kept: list[str]) -> str:
    """Why each label of ``kept`` stays with the rules, in words (each clause after a ``;``)."""
    from annotator.learn.entities import apart, min_apart, takeover, tested_labels

    # the labels the model scored as well on across the folds, but not in enough of them,
    # or ahead of the rules on too few names apart for more than chance (figures without
    # the counts are read without those tests), or on too few to test at all
    untested = {k: v for k, v in figures.items() if k not in ("fold_wins", "against_rules")}
    overall = takeover(untested) or ()
    steady = takeover({**untested, "fold_wins": figures.get("fold_wins")}) or ()
    unsteady = [label for label in kept if label in overall and label not in steady]
    least = min_apart(len(tested_labels(figures)))
    few = [label for label in kept if label in steady and apart(figures, label)[0] < least]
    chance = [label for label in kept if label in steady and label not in few]
    higher = [label for label in kept if label not in overall]
    line = ""
    if higher:
        line += f"; the rules' for {', '.join(higher)} (they scored higher there)"
    if unsteady:
        line += (
            f"; the rules' for {', '.join(unsteady)} (the model did worse in more than one fold)"
        )
    if chance:
        line += (
            f"; the rules' for {', '.join(chance)} (the model was ahead of them by no more "
            f"than chance: {_apart(figures, chance)})"
        )
    if few:
        line += (
            f"; the rules' for {', '.join(few)} (too few names apart to judge: "
            f"{_apart(figures, few)}; the model takes a label over on {least} or more)"
        )
    return line


def _apart(figures: dict[str, Any], labels: list[str]) -> str:
    """The held-out names where the model's best way of each label was right and the rules
    wrong, and the reverse, in words (``LOC right on 74 names the rules had wrong, wrong
    on 59 they had right``)."""
    from annotator.learn.entity_bounds import apart

    parts = []
    for label in labels:
        better, worse = apart(figures, label)
        parts.append(
            f"{label} right on {better} names the rules had wrong, wrong on {worse} they had right"
        )
    return "; ".join(parts)


def _kept_kind(kind: str) -> str:
    """A kind of rule suggestion the entity model keeps, in words (LOC:1 → LOC of one
    character)."""
    label, _, length = kind.partition(":")
    return {"1": f"{label} of one character", "n": f"{label} longer than one character"}.get(
        length, label
    )


def _structure_takeover_lines(figures: dict[str, Any]) -> list[str]:
    """Which decisions the structure model now makes in the pre-split, per paper judged on
    its own pages, and for the others over all pages; the rules keep the rest."""
    from annotator.learn.structure import PAPER_MIN_PAGES, takeover, takeover_scopes

    heads = {
        "unjudged": "pre-split",
        "all": "pre-split (judged over all papers; a paper is judged alone from "
        f"{PAPER_MIN_PAGES} done pages)",
        "others": f"pre-split for the other papers (fewer than {PAPER_MIN_PAGES} done pages "
        "each, judged over all papers)",
    }
    chosen = takeover(figures) or {}
    lines = []
    for s in takeover_scopes(figures):
        head = heads.get(s.scope, f"pre-split for {_paper_name(s.paper)} ({s.pages} done pages)")
        line = f"  {head}: {_decision_choice(s.model, s.rules)}"
        roles = _scoped(chosen, "role_floors", s)
        floor = _scoped(chosen, "floors", s)
        if roles is not None and "role" in s.model:
            line = f"{line[:-1]}{_role_floor_words(roles)}."
        elif floor is not None and "role" in s.model:
            line = f"{line[:-1]}; a line keeps the rules' role where the model is less sure than {floor:g} of its own."
        bands = _scoped(chosen, "start_floors", s)
        if bands and "start" in s.model:
            line = f"{line[:-1]}{_band_floor_words(bands, 'an article start')}."
        bands = _scoped(chosen, "join_floors", s)
        if bands and "join" in s.model:
            line = f"{line[:-1]}{_band_floor_words(bands, 'a join')}."
        lines.append(line)
    return lines


def _scoped(chosen: dict[str, Any], key: str, scope: Any) -> Any:
    """The floors of ``key`` of a takeover scope (None where there are none)."""
    floors = chosen.get(key) or {}
    if scope.scope == "paper":
        return (floors.get("papers") or {}).get(scope.paper)
    return floors.get("all")


def _band_floor_words(bands: dict[str, float | None], what: str) -> str:
    """Where ``what`` (an article start, a join) stays the rules' under the floors of a
    scope, as the end of a sentence ('' where the model's stand everywhere)."""
    parts = []
    for band, where in (("sure", "the rules are sure of theirs"), ("unsure", "they are not")):
        floor = bands.get(band)
        if floor is None:
            parts.append(f"where {where}")
        elif floor > 0:
            parts.append(f"where {where} and the model is less sure than {floor:g} of its own")
    if not parts:
        return ""
    return f"; {what} stays the rules' " + ", and ".join(parts)


# What the model does to a line's role in each band of structure.ROLE_BANDS, in words.
_ROLE_BANDS_WORDS = {
    "title>title": "a title line (kicker, headline, subheadline) another of the three",
    "heading>heading": "a heading line another kind of heading",
    "heading>text": "a heading line text",
    "text>heading": "a line of text a heading",
    "text>text": "a line of text another kind of text",
}


def _role_floor_words(bands: dict[str, float | None]) -> str:
    """Where a line's role is the model's under the role floors per band of a scope, as the
    end of a sentence."""
    parts = [
        f"{words} ({floor:g} sure or more)" if floor else words
        for band, words in _ROLE_BANDS_WORDS.items()
        if (floor := bands.get(band)) is not None
    ]
    return "; the model changes the rules' role of a line only where it makes " + ", or ".join(
        parts
    )


def _paper_name(paper: str | None) -> str:
    """``paper NAME``, or what the pages without a paper (an empty name) are called."""
    return f"paper {paper}" if paper else "pages without a paper"


def _decision_choice(model: tuple[str, ...], rules: tuple[str, ...]) -> str:
    """What the model decides and what the rules keep, e.g. 'the model's roles and article
    starts; the rules' joins (they scored higher there).'"""
    names = {"role": "roles", "start": "article starts", "join": "joins"}
    parts = [f"the model's {_and([names[d] for d in model])}"] if model else []
    if rules:
        parts.append(f"the rules' {_and([names[d] for d in rules])} (they scored higher there)")
    return "; ".join(parts) + "."


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
