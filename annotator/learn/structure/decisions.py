"""The three decisions the model makes (role, article start, join) and which of them it
takes over from the rules: those where its held-out score was at least the rules'
(:func:`takeover`), per paper with enough done pages, else over all papers.
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


def takeover(figures: dict[str, Any] | None) -> dict[str, Any] | None:
    """The decisions the model takes over from the rules, from :func:`cross_validate`'s
    figures: those where its held-out score is at least the rules' (role accuracy, article
    start F1, join F1), over all papers (``all``) and for each paper with at least
    ``PAPER_MIN_PAGES`` done pages (``papers``). None (every decision) without figures."""
    if not figures or "rules" not in figures or "model" not in figures:
        return None
    papers = {
        paper: _better(scores["rules"], scores["model"])
        for paper, scores in sorted((figures.get("papers") or {}).items())
        if scores.get("pages", 0) >= PAPER_MIN_PAGES
    }
    return {"all": _better(figures["rules"], figures["model"]), "papers": papers}


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
