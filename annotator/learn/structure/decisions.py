"""The three decisions the model makes (role, article start, join) and which of them it
takes over from the rules: those where its held-out score was at least the rules'
(:func:`takeover`), per paper with enough done pages, else over all papers.

Roles may be taken over with a floor: a block's role is then the model's only where the
model is at least that sure of it, the rules' elsewhere. The floor (one of
:data:`ROLE_FLOORS`, or none) is the one whose held-out roles scored best on the gold heading
lines, among those at least as good as the rules over all lines and on heading lines, from
``FLOOR_MIN_PAGES`` done pages (the CRF is often unsure exactly where the rules are right, on
intertitles and kickers above all).

Article starts are taken over under floors too (:func:`start_floors`), learnt from how the
model's held-out start decisions that differ from the rules' fared: a block's start decision
(furniture, first block of an article or not) is the model's only where, in cross-validation,
the model's differing decisions at least that sure were right more often than the rules'. The
blocks are counted in two bands of the rules' own confidence (:func:`start_band`): the model
may overrule the rules where they hesitate and not where they are sure, or the other way round.
"""

from __future__ import annotations

from typing import Any, NamedTuple

# A paper's own cross-validation decides for it from this many done pages of it; a paper
# with fewer follows the choice made over all papers (a few pages score too noisily).
PAPER_MIN_PAGES = 10
# The three decisions, each with the cross-validation figure that judges it.
DECISIONS: tuple[str, ...] = ("role", "start", "join")
DECISION_FIGURES: dict[str, tuple[str, str]] = {
    "role": ("role", "accuracy"),
    "start": ("article_start", "f1"),
    "join": ("join", "f1"),
}


ALL_DECISIONS = frozenset(DECISIONS)
# The confidences below which a block's role may stay with the rules (cross-validated).
ROLE_FLOORS: tuple[float, ...] = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98)
# A floor is chosen from this many done pages of the scope: on fewer (ten pages of one issue)
# the floor that did best in cross-validation did worse on the paper's other pages.
FLOOR_MIN_PAGES = 20
# The model's confidence in a block's start decision from which it may overrule the rules' (a
# band's floor is one of these, or None: the rules' decision stands in that band).
START_FLOORS: tuple[float, ...] = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98)
# The rules' confidence in a block's start decision from which they count as sure of it.
RULES_SURE = 0.9
START_BANDS: tuple[str, ...] = ("sure", "unsure")


def takeover(figures: dict[str, Any] | None) -> dict[str, Any] | None:
    """The decisions the model takes over from the rules, from :func:`cross_validate`'s
    figures: those where its held-out score is at least the rules' (role accuracy, article
    start F1, join F1), over all papers (``all``) and for each paper with at least
    ``PAPER_MIN_PAGES`` done pages (``papers``). None (every decision) without figures.

    When the figures score the model's roles under each of :data:`ROLE_FLOORS` (``floors``),
    ``floors`` names the floor chosen over all papers and for each paper judged alone (None:
    every block's role from the model), see :func:`_role_floor`."""
    if not figures or "rules" not in figures or "model" not in figures:
        return None
    judged = {
        paper: scores
        for paper, scores in sorted((figures.get("papers") or {}).items())
        if scores.get("pages", 0) >= PAPER_MIN_PAGES
    }
    papers = {paper: _better(s["rules"], s["model"]) for paper, s in judged.items()}
    chosen: dict[str, Any] = {"all": _better(figures["rules"], figures["model"]), "papers": papers}
    if "floors" not in figures:
        return chosen
    floor_all = _role_floor(figures, chosen["all"])
    floor_papers = {paper: _role_floor(s, papers[paper]) for paper, s in judged.items()}
    chosen["floors"] = {"all": floor_all, "papers": floor_papers}
    if "starts" not in figures:
        return chosen
    starts_all = start_floors(figures["starts"], chosen["all"])
    starts_papers = {
        paper: start_floors(s.get("starts") or {}, papers[paper]) for paper, s in judged.items()
    }
    chosen["start_floors"] = {"all": starts_all, "papers": starts_papers}
    return chosen


def start_band(rules_confidence: float) -> str:
    """The band of a block's start decision: ``sure`` where the rules' confidence in theirs
    is at least :data:`RULES_SURE`, else ``unsure``."""
    return "sure" if rules_confidence >= RULES_SURE else "unsure"


def start_floors(counts: dict[str, Any], taken: list[str]) -> dict[str, float | None]:
    """The start floor of each of :data:`START_BANDS` from ``counts`` (per band, per floor of
    :data:`START_FLOORS` as text: how many held-out blocks at least that sure, whose start
    decision the model made otherwise than the rules, the model had right and the rules had
    right): the floor where the model's differing decisions were right most often more than
    the rules' (the higher floor on a tie), None (the rules' decisions stand) where they were
    never right more often. ``taken`` gains ``start`` when a band has a floor, else loses it."""
    out: dict[str, float | None] = {}
    for band in START_BANDS:
        mine = counts.get(band) or {}
        best, floor = 0, None
        for value in START_FLOORS:
            right, wrong = mine.get(f"{value:g}", (0, 0))
            if right - wrong > best or (right - wrong == best and floor is not None):
                best, floor = right - wrong, value
        out[band] = floor
    if "start" in taken:
        taken.remove("start")
    if any(floor is not None for floor in out.values()):
        taken[:] = [d for d in DECISIONS if d in taken or d == "start"]
    return out


def _role_floor(scores: dict[str, Any], taken: list[str]) -> float | None:
    """The role floor of one scope (``taken`` gains or loses ``role`` to match): the best
    held-out heading accuracy (then role accuracy, then the lower floor) among the model's
    roles without a floor and under each floor of ``scores["floors"]``, of those at least as
    good as the rules both over all lines and on the heading lines; the role stays with the
    rules when none is. Too few pages (under ``FLOOR_MIN_PAGES``) choose no floor: ``taken``
    stays as :func:`_better` made it."""
    if scores.get("pages", 0) < FLOOR_MIN_PAGES:
        return None
    rules = scores["rules"]
    candidates = [(None, scores["model"])] + [
        (float(floor), s) for floor, s in sorted((scores.get("floors") or {}).items())
    ]
    passing = [
        (f, s)
        for f, s in candidates
        if _decision_score(s, "role") >= _decision_score(rules, "role")
        and _headings(s) >= _headings(rules)
    ]
    if "role" in taken:
        taken.remove("role")
    if not passing:
        return None
    floor, _ = max(
        passing, key=lambda fs: (_headings(fs[1]), _decision_score(fs[1], "role"), -(fs[0] or 0.0))
    )
    taken.insert(0, "role")
    return floor


def _headings(scores: dict[str, Any]) -> float:
    """The role accuracy on gold heading lines (1.0 when there were none)."""
    value = (scores.get("role") or {}).get("heading_accuracy")
    return 1.0 if value is None else float(value)


class TakeoverScope(NamedTuple):
    """Which decisions the pre-split takes from the model for some pages, and which stay
    with the rules. ``scope`` is ``"unjudged"`` (no cross-validation figures: the model takes
    every decision), ``"all"`` (every paper, none judged alone), ``"paper"`` (one paper judged
    on its own ``pages`` done pages) or ``"others"`` (the papers with fewer)."""

    scope: str
    paper: str | None
    pages: int | None
    model: tuple[str, ...]
    rules: tuple[str, ...]


def takeover_scopes(figures: dict[str, Any] | None) -> list[TakeoverScope]:
    """:func:`takeover` as the facts a report words (``annotator train`` and the window's
    status bar): one scope per paper judged alone, then the rest, in :data:`DECISIONS` order."""
    chosen = takeover(figures)
    if chosen is None:
        return [_scope("unjudged", None, None, None)]
    pages = {p: s.get("pages") for p, s in ((figures or {}).get("papers") or {}).items()}
    scopes = [_scope("paper", p, pages[p], taken) for p, taken in chosen["papers"].items()]
    if not scopes:
        return [_scope("all", None, None, chosen["all"])]
    if len(scopes) < len(pages):
        scopes.append(_scope("others", None, None, chosen["all"]))
    return scopes


def _scope(
    scope: str, paper: str | None, pages: int | None, taken: list[str] | None
) -> TakeoverScope:
    """``taken`` None: every decision from the model."""
    model = tuple(d for d in DECISIONS if taken is None or d in taken)
    rules = tuple(d for d in DECISIONS if d not in model)
    return TakeoverScope(scope, paper, pages, model, rules)


def _better(rules: dict[str, Any], model: dict[str, Any]) -> list[str]:
    """The decisions on which ``model`` scored at least as well as ``rules``."""
    return [d for d in DECISIONS if _decision_score(model, d) >= _decision_score(rules, d)]


def _decision_score(scores: dict[str, Any], decision: str) -> float:
    group, name = DECISION_FIGURES[decision]
    value = (scores.get(group) or {}).get(name)
    return float(value) if value is not None else 0.0
