"""The model's combined labels (``O`` for furniture, else ``role:B`` / ``role:I``, ``:J`` for
a join) and the blocks they decode to: always a valid split (:func:`assemble`), with the
model's decisions where it takes them over and the rules' elsewhere (:func:`mix`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from annotator.learn.structure.decisions import (
    ALL_DECISIONS,
    band_floor,
    join_band,
    role_band,
    start_band,
)
from annotator.model import ROLES, Block
from annotator.model import fast_block as _block

OUTSIDE = "O"


def label_of(role: str, article: int | None, start: bool, join: bool) -> str:
    """The combined label of one block's three decisions."""
    if article is None:
        return OUTSIDE
    return f"{role}:{'B' if start else 'I'}{':J' if join and role == 'body' else ''}"


@lru_cache(maxsize=256)  # a model has a dozen labels; decode reads one per block
def parse_label(label: str) -> tuple[str, bool, bool] | None:
    """``(role, starts an article, joins)`` of a label, None for furniture."""
    if label == OUTSIDE:
        return None
    parts = label.split(":")
    role = parts[0] if parts[0] in ROLES else "body"
    return role, parts[1:2] == ["B"], parts[2:3] == ["J"]


def gold_labels(rule_blocks: Sequence[Block], gold: Sequence[Block]) -> list[str]:
    """The gold label of each rule block: from the gold block that holds its start.

    Reviewers may split or merge blocks; a rule block that starts inside a gold block
    continues it (a join when it is body text), one that starts where no gold block is
    (blank text) is furniture.
    """
    ordered = sorted(gold, key=lambda b: b.start)
    firsts: set[int] = set()
    seen: set[int] = set()
    for b in ordered:
        if b.article is not None and b.article not in seen:
            seen.add(b.article)
            firsts.add(b.start)
    out = []
    k = 0
    for r in rule_blocks:
        while k + 1 < len(ordered) and ordered[k + 1].start <= r.start:
            k += 1
        g = ordered[k] if ordered and ordered[k].start <= r.start < ordered[k].end else None
        if g is None or g.article is None:
            out.append(OUTSIDE)
            continue
        inside = r.start > g.start
        start = not inside and g.start in firsts
        join = inside or g.joins_previous
        out.append(label_of(g.role, g.article, start, join))
    return out


def decode(
    rule_blocks: Sequence[Block], labels: Sequence[str], confidences: Sequence[dict[str, float]]
) -> list[Block]:
    """Blocks of the rule ranges with the decisions of ``labels``: always a valid split."""
    return assemble(rule_blocks, [parse_label(label) for label in labels], confidences)


# A block's three decisions: (role, starts an article, joins); None for furniture.
Decided = tuple[str, bool, bool] | None


def assemble(
    rule_blocks: Sequence[Block],
    decided: Sequence[Decided],
    confidences: Sequence[dict[str, float]],
) -> list[Block]:
    """Blocks of the rule ranges with the given decisions, made valid: articles numbered
    1..k in page order, joins only inside an article with a body block before, furniture
    as role ``other``."""
    out: list[Block] = []
    count = 0
    current: int | None = None
    has_body: set[int] = set()  # articles with a body block so far
    for r, parsed, conf in zip(rule_blocks, decided, confidences, strict=True):
        if parsed is None:
            out.append(_block(r.start, r.end, "other", None, False, conf))
            continue
        role, starts, joins = parsed
        if starts or current is None:
            count += 1
            current = count
        joins = joins and role == "body" and current in has_body
        if role == "body":
            has_body.add(current)
        out.append(_block(r.start, r.end, role, current, joins, conf))
    return out


def _starts(blocks: Sequence[Block]) -> list[bool]:
    """Whether each block is the first of its article."""
    seen: set[int] = set()
    out = []
    for b in blocks:
        article = b.article
        first = article is not None and article not in seen
        if article is not None:
            seen.add(article)
        out.append(first)
    return out


def mix(
    rules: Sequence[Block],
    model: Sequence[Block],
    taken: frozenset[str],
    role_floor: float | None = None,
    start_floors: dict[str, float | None] | None = None,
    join_floors: dict[str, float | None] | None = None,
    role_floors: dict[str, float | None] | None = None,
) -> list[Block]:
    """Each block's decisions from the model where it takes them over (``taken``: some of
    ``DECISIONS``), else the rules', each with its own confidence; always a valid split.

    Whether a block is furniture goes with the article starts (both say where articles
    are). ``rules`` and ``model`` are blocks of the same ranges. ``role_floor``: a block's
    role is the model's only where the model is at least that sure of it (its ``role``
    confidence), the rules' elsewhere (see :func:`~.decisions.takeover`); ``role_floors``
    (in its place when given): the same with a floor per band of the classes of the rules'
    role and of the model's (:func:`~.decisions.role_band`; None: the rules' roles stand).
    ``start_floors``: a block's start decision is the model's only where the band of the
    rules' confidence in theirs (:func:`~.decisions.start_band`) has a floor and the model
    is at least that sure of its own (its ``boundary`` confidence), the rules' elsewhere;
    None: the model's. ``join_floors``: the same for a block's join decision (bands of
    :func:`~.decisions.join_band`, the ``join`` confidences).
    """
    class_floored = role_floors is not None and "role" in taken
    floored = class_floored or role_floor is not None and "role" in taken
    start_floored = start_floors is not None and "start" in taken
    join_floored = join_floors is not None and "join" in taken
    if taken >= ALL_DECISIONS and not floored and not start_floored and not join_floored:
        return list(model)
    if not taken:
        return list(rules)
    if class_floored:
        by_role = [
            m
            if _reaches(m, "role", band_floor(role_floors or {}, role_band(r.role, m.role)))
            else r
            for r, m in zip(rules, model, strict=True)
        ]
    elif floored:
        floor = role_floor or 0.0
        by_role = [
            m if m.confidences.get("role", 1.0) >= floor else r
            for r, m in zip(rules, model, strict=True)
        ]
    else:
        by_role = list(model if "role" in taken else rules)
    if join_floored:
        by_join = [
            m
            if r.joins_previous == m.joins_previous
            or _reaches(
                m, "join", (join_floors or {}).get(join_band(r.confidences.get("join", 1.0)))
            )
            else r
            for r, m in zip(rules, model, strict=True)
        ]
    else:
        by_join = list(model if "join" in taken else rules)
    if start_floored:
        by_start, firsts = _floored_starts(rules, model, start_floors or {})
    else:
        by_start = list(model if "start" in taken else rules)
        firsts = _starts(by_start)
    decided: list[Decided] = []
    confidences = []
    for i, b in enumerate(by_start):
        r, j = by_role[i], by_join[i]
        role = r.role
        if floored and role == "other" and b.article is not None:
            # furniture to the rules, inside an article to the model: the model's role
            role = model[i].role if model[i].role != "other" else "body"
        decided.append(None if b.article is None else (role, firsts[i], j.joins_previous))
        confidences.append(
            {
                "role": r.confidences.get("role", 1.0),
                "boundary": b.confidences.get("boundary", 1.0),
                "join": j.confidences.get("join", 1.0),
            }
        )
    return assemble(rules, decided, confidences)


def _reaches(block: Block, decision: str, floor: float | None) -> bool:
    """Whether the model is at least ``floor`` sure of its ``decision`` of ``block`` (never
    with no floor)."""
    return floor is not None and block.confidences.get(decision, 1.0) >= floor


def _floored_starts(
    rules: Sequence[Block], model: Sequence[Block], floors: dict[str, float | None]
) -> tuple[list[Block], list[bool]]:
    """For each block, the block whose start decision it takes (the model's where the band
    of the rules' confidence has a floor the model's confidence reaches, else the rules'),
    and whether it is then the first block of an article.

    Where both or neither start an article there (the same decision, or furniture to one
    and inside an article to the other) the model's stands: that moves no article start, and the model is taking starts
    over (the floors judge the starts; a role the rules' furniture would undo is the
    model's when it takes roles)."""
    rule_firsts, model_firsts = _starts(rules), _starts(model)
    by_start: list[Block] = []
    firsts: list[bool] = []
    for i, (r, m) in enumerate(zip(rules, model, strict=True)):
        floor = floors.get(start_band(r.confidences.get("boundary", 1.0)))
        if (
            rule_firsts[i] == model_firsts[i]
            or floor is not None
            and m.confidences.get("boundary", 1.0) >= floor
        ):
            by_start.append(m)
            firsts.append(model_firsts[i])
        else:
            by_start.append(r)
            firsts.append(rule_firsts[i])
    return by_start, firsts
