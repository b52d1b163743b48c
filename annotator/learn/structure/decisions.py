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

Joins are taken over the same way (:func:`join_floors`, bands of the rules' confidence in
their join, a floor winning by ``MIN_GAINS``): the join F1 of the model and of the rules no
longer decides. On fewer than ``FLOOR_MIN_PAGES`` pages a start floor must win by a wider
margin (``FEW_PAGES_GAINS``). A start or join floor must also have won on more held-out pages
than it lost (``PAGE_GAINS``): one page's decisions are not independent (a long wrapped
article repeats one reading), so a margin of decisions met on one page proves little.
Roles too, from ``FLOOR_MIN_PAGES`` done pages (:func:`role_floors`), in
five bands of the classes (heading or text) of the rules' role and of the model's, a title
line (kicker, headline, subheadline) read as another title line in a band of its own
(:func:`role_band`): the model may relabel a paper's kicker over a headline from one
confidence, an intertitle as another kind of heading from another, read a rules' heading as
text from a third, or never. A floor where the model's
differing roles lost more gold heading lines than they won is never chosen. On fewer pages
the model takes every role or none: every one where its held-out roles were at least as good
as the rules' over all lines and on heading lines and its differing roles won by a margin
(a model trained before these floors keeps its one role floor).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from annotator.learn.structure_scores import HEADING_ROLES

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
# The same for a block's join decision, in two bands of the rules' confidence in theirs.
JOIN_FLOORS: tuple[float, ...] = START_FLOORS
JOIN_BANDS: tuple[str, ...] = START_BANDS
# The same for a block's role, in five bands: the class of the rules' role and of the
# model's (:func:`role_band`: ``heading>text``, the model reads a rules' heading as text).
# ``title>title``: the model reads a title line (kicker, headline, subheadline) as another
# of the three, a paper's own reading of its heading runs (a kicker over a headline where the
# rules read a headline over a subheadline); ``heading>heading``: the rest between headings
# (to or from an intertitle), which fares otherwise. In one band the two lost the title
# flips the model had right on a paper's other pages (s28 curve after 50 pages: 0.864 heading
# roles, 0.870 with the two bands).
BAND_ROLE_FLOORS: tuple[float, ...] = START_FLOORS
ROLE_BANDS: tuple[str, ...] = (
    "title>title",
    "heading>heading",
    "heading>text",
    "text>heading",
    "text>text",
)
_TITLE_ROLES = frozenset(("kicker", "headline", "subheadline"))
# How many more of its differing held-out decisions the model must have had right than the
# rules for a band's floor to let it overrule them. Joins need 3: a floor that won by one or
# two joins in cross-validation lost on the other pages, on 10 pages of one paper and on 20
# pages of a dozen papers (the wrapped text form has a few joins a page: one lost weighs).
MIN_GAINS: dict[str, int] = {"role": 1, "start": 1, "join": 3}
# How many more held-out pages the model's differing start or join decisions must have won
# (right more often than the rules' on the page) than lost, beside MIN_GAINS (:func:`_holds`).
# One page's decisions go together: on the s28 curve (50 pages, wrap form, the rules sure)
# eleven of the twelve joins the model won on a fold's other pages were on one page. On that
# curve and on the composed four papers no floor chosen so far is lost by it.
PAGE_GAINS: dict[str, int] = {"start": 1, "join": 1}
# The decisions whose band floor is the lower of two that tie in cross-validation (the
# others take the higher: fewer blocks taken from the rules). Two floors tie mostly where no
# held-out decision of the band fell between them; for roles the model's differing readings
# there were right on a paper's other pages (s28 curve after 50 pages: heading roles 0.889 ->
# 0.891 over the folds, title lines the rules read another way taken 9 right, none wrong;
# the composed four papers: no figure lower); for starts and joins a lower floor lost
# (article F1 0.939 -> 0.938). Never below the band's least sure held-out decision
# (_lowest_seen): a floor there was checked by none (heading roles after 20/50 0.870 ->
# 0.868 / 0.893 -> 0.892 on that curve, what floors no decision checked had taken).
LOWER_ON_TIE = frozenset(("role",))
# The same on fewer than FLOOR_MIN_PAGES pages of a scope (where roles are taken all or none,
# see _scope_role_floors): wider, as a few pages count too few differing decisions to tell;
# on 5 and 10 pages of one paper (or of as many papers) starts and roles that won by one or
# two lost on the other pages (the roles heading lines).
FEW_PAGES_GAINS: dict[str, int] = {"role": 3, "start": 3, "join": 3}


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
    # Figures of older versions stop at the decision they had: each later one is read
    # only when all before it were (starts, then joins).
    for key, floors_of in (("starts", start_floors), ("joins", join_floors)):
        if key not in figures:
            return chosen
        chosen[key[:-1] + "_floors"] = {
            "all": floors_of(figures[key], chosen["all"], figures.get("pages")),
            "papers": {
                paper: floors_of(s.get(key) or {}, papers[paper], s.get("pages"))
                for paper, s in judged.items()
            },
        }
    if "roles" not in figures:
        return chosen
    roles_all = _scope_role_floors(figures, chosen["all"])
    roles_papers = {paper: _scope_role_floors(s, papers[paper]) for paper, s in judged.items()}
    chosen["role_floors"] = {"all": roles_all, "papers": roles_papers}
    return chosen


def _scope_role_floors(scores: dict[str, Any], taken: list[str]) -> dict[str, float | None] | None:
    """The role floors per band of one scope (:func:`role_floors`). On fewer than
    :data:`FLOOR_MIN_PAGES` pages none (None; a few pages choose band floors that lose
    heading lines on the paper's other pages): the model then takes every role where its
    held-out roles were at least as good as the rules' over all lines (:func:`_better`) and on
    the heading lines, and its roles that differ from the rules' were right more often than
    theirs (by ``FEW_PAGES_GAINS``: a tie, the model and the rules agreeing everywhere on a
    few pages, leaves the roles to the rules); where it may not, it still takes the title
    lines' band (``title>title``) alone when that band won by ``FEW_PAGES_GAINS`` and lost no
    gold heading line (floors: that band's, None elsewhere), else ``taken`` loses ``role``."""
    if scores.get("pages", 0) >= FLOOR_MIN_PAGES:
        return role_floors(scores.get("roles") or {}, taken)
    bands = scores.get("roles") or {}
    counts = [(band.get("0") or (0, 0))[:2] for band in bands.values()]
    gain = sum(right - wrong for right, wrong in counts)
    if "role" in taken and (
        _headings(scores["model"]) < _headings(scores["rules"]) or gain < FEW_PAGES_GAINS["role"]
    ):
        taken.remove("role")
    if "role" in taken or not bands:
        return None
    # Every role lost, or won too narrowly: the title lines alone may still have been won (a
    # paper's own reading of its heading runs, learnt from a few pages, while the model's
    # intertitles and body lines lost: invented papers whose kicker stands under the headline
    # or whose headline fills two lines, 5 and 10 pages). Their band is then the model's, from
    # the floor that won by FEW_PAGES_GAINS without losing a gold heading line; the others the
    # rules'.
    title = _band_floors(bands, ("title>title",), BAND_ROLE_FLOORS, taken, "role", 0)
    if title["title>title"] is None:
        return None
    return {band: title.get(band) for band in ROLE_BANDS}


def start_band(rules_confidence: float) -> str:
    """The band of a block's start decision: ``sure`` where the rules' confidence in theirs
    is at least :data:`RULES_SURE`, else ``unsure``."""
    return "sure" if rules_confidence >= RULES_SURE else "unsure"


def start_floors(
    counts: dict[str, Any], taken: list[str], pages: int | None = None
) -> dict[str, float | None]:
    """The start floor of each of :data:`START_BANDS` from ``counts`` (per band, per floor of
    :data:`START_FLOORS` as text: how many held-out blocks at least that sure, whose start
    decision the model made otherwise than the rules, the model had right and the rules had
    right, then the pages won and lost, :data:`PAGE_GAINS`): the floor where the model's
    differing decisions were right most often more than the rules' (the higher floor on a
    tie), None (the rules' decisions stand) where they were never right more often.
    ``taken`` gains ``start`` when a band has a floor, else loses it.

    On fewer than :data:`FLOOR_MIN_PAGES` ``pages``, where no band won by the margin of a
    few pages alone, the two bands' counts are added up and judged as one band, whose floor
    (if it wins) both take: a few pages hold a few differing starts in each band (a paper
    whose headline fills two lines, 10 pages: two won and none lost in each band, on two
    pages each; its article F1 0.853 -> 0.873, the model taking every start 0.920)."""
    floors = _band_floors(counts, START_BANDS, START_FLOORS, taken, "start", pages)
    few = pages is not None and pages < FLOOR_MIN_PAGES
    if not few or any(floor is not None for floor in floors.values()):
        return floors
    pooled = {"both": _pooled(counts, START_BANDS)}
    both = _band_floors(pooled, ("both",), START_FLOORS, taken, "start", pages)["both"]
    return {band: both for band in START_BANDS}


def _pooled(counts: dict[str, Any], bands: tuple[str, ...]) -> dict[str, list[int]]:
    """The counts of ``bands`` added up, floor by floor."""
    out: dict[str, list[int]] = {}
    for band in bands:
        for floor, values in (counts.get(band) or {}).items():
            mine = out.setdefault(floor, [0] * len(values))
            for k, v in enumerate(values):
                mine[k] += v
    return out


# Joins are banded as starts are (JOIN_BANDS is START_BANDS): by the rules' confidence.
join_band = start_band


def join_floors(
    counts: dict[str, Any], taken: list[str], pages: int | None = None
) -> dict[str, float | None]:
    """The join floor of each of :data:`JOIN_BANDS` from ``counts`` (as :func:`start_floors`
    reads its counts: per band and floor of :data:`JOIN_FLOORS`, the held-out blocks whose
    join the model decided otherwise than the rules, at least that sure, that the model had
    right and that the rules had right, then on how many pages the model's were right more
    often and on how many less often: see :data:`PAGE_GAINS`). ``taken`` gains ``join`` when
    a band has a floor, else loses it: the join F1 of the two no longer decides."""
    return _band_floors(counts, JOIN_BANDS, JOIN_FLOORS, taken, "join", pages)


def role_band(rules_role: str, model_role: str) -> str:
    """The band of a block's role decision (:data:`ROLE_BANDS`): the class of the rules'
    role and of the model's, ``heading`` (kicker, headline, subheadline, intertitle) or
    ``text`` (the rest); ``heading>text`` where the model reads a rules' heading as text;
    ``title>title`` where both are title lines (kicker, headline, subheadline)."""
    if rules_role in _TITLE_ROLES and model_role in _TITLE_ROLES:
        return "title>title"
    return f"{_role_class(rules_role)}>{_role_class(model_role)}"


def band_floor(floors: dict[str, float | None], band: str) -> float | None:
    """The floor of ``band`` among a scope's role ``floors``; a model trained before the
    ``title>title`` band has none of it and reads its floor of ``heading>heading`` there (so
    that it splits as it did)."""
    if band not in floors and band == "title>title":
        band = "heading>heading"
    return floors.get(band)


def _role_class(role: str) -> str:
    return "heading" if role in HEADING_ROLES else "text"


def role_floors(
    counts: dict[str, Any], taken: list[str], pages: int | None = None
) -> dict[str, float | None]:
    """The role floor of each of :data:`ROLE_BANDS` from ``counts`` (as :func:`start_floors`
    reads its counts: per band and floor of :data:`BAND_ROLE_FLOORS`, the held-out blocks
    whose role the model gave otherwise than the rules, at least that sure, that the model
    had right and that the rules had right, then the same of those whose gold role is a
    heading's): a floor where the model lost more gold heading lines than it won is never
    chosen; of two that tie, the lower (:data:`LOWER_ON_TIE`), but none below the lowest
    confidence of the band's held-out roles (a floor no decision checked). ``taken`` gains
    ``role`` when a band has a floor, else loses it."""
    return _band_floors(counts, ROLE_BANDS, BAND_ROLE_FLOORS, taken, "role", pages)


def _band_floors(
    counts: dict[str, Any],
    bands: tuple[str, ...],
    floors: tuple[float, ...],
    taken: list[str],
    decision: str,
    pages: int | None = None,
) -> dict[str, float | None]:
    """The floor of each band: the one of ``floors`` where the model's differing decisions
    were right most often more than the rules' (by at least ``MIN_GAINS[decision]``, from
    ``FEW_PAGES_GAINS`` on fewer than :data:`FLOOR_MIN_PAGES` ``pages`` of the scope; the
    higher floor on a tie, the lower for the decisions of :data:`LOWER_ON_TIE`, though never
    below the band's lowest held-out decision, :func:`_lowest_seen`) and, where the counts go
    on, not less often right on gold heading lines (roles: ``[right, wrong, heads right,
    heads wrong]``) or won on ``PAGE_GAINS`` more pages than lost (starts, joins: ``[right,
    wrong, pages won, pages lost]``); None where none is. ``taken`` gains ``decision`` when a
    band has a floor, else loses it (in :data:`DECISIONS` order)."""
    few = pages is not None and pages < FLOOR_MIN_PAGES
    gain = (FEW_PAGES_GAINS if few else MIN_GAINS)[decision]
    out: dict[str, float | None] = {}
    for band in bands:
        mine = counts.get(band) or {}
        best, floor = gain - 1, None
        for value in floors:
            right, wrong, *more = mine.get(f"{value:g}", (0, 0))
            if not _holds(decision, more):
                continue
            if right - wrong > best or (
                right - wrong == best and floor is not None and decision not in LOWER_ON_TIE
            ):
                best, floor = right - wrong, value
        if floor is not None and decision in LOWER_ON_TIE:
            floor = max(floor, _lowest_seen(mine, floors))
        out[band] = floor
    if decision in taken:
        taken.remove(decision)
    if any(floor is not None for floor in out.values()):
        taken[:] = [d for d in DECISIONS if d in taken or d == decision]
    return out


def _lowest_seen(mine: dict[str, Any], floors: tuple[float, ...]) -> float:
    """The highest of ``floors`` at or below the lowest confidence among a band's held-out
    decisions: the last floor whose counts are still those of the first (every decision
    counted is at least that sure). A tied floor below it was never checked by a decision
    (none held out fell below it): :data:`LOWER_ON_TIE` goes no lower."""
    first = mine.get(f"{floors[0]:g}", (0, 0))
    seen = floors[0]
    for value in floors[1:]:
        if list(mine.get(f"{value:g}", (0, 0))) != list(first):
            break
        seen = value
    return seen


def _holds(decision: str, more: list[int]) -> bool:
    """Whether a floor's further counts allow it: for roles, not less often right on the gold
    heading lines; for starts and joins, the model's differing decisions right more often
    than the rules' on at least ``PAGE_GAINS`` pages more than the other way round (figures
    without page counts: allowed)."""
    if len(more) < 2:
        return True
    if decision == "role":
        return more[0] >= more[1]
    return more[0] - more[1] >= PAGE_GAINS.get(decision, 0)


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
