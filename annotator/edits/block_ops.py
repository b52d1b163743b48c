"""The planners of the block operations: roles, articles, joins, paragraph splits and merges.

They keep article numbers ``1..k`` in order of each article's first block on the page
(:func:`renumber`), so exported ordinals never have gaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from annotator.edits.operation import Changes, EditError, Op, PageState, Plan
from annotator.messages import msg
from annotator.model import ROLES, Block

_WS = re.compile(r"\s")


def renumber(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """Renumber articles 1..k in order of each article's first block."""
    mapping: dict[int, int] = {}
    out = []
    for block in blocks:
        if block.article is None:
            out.append(block)
            continue
        new = mapping.setdefault(block.article, len(mapping) + 1)
        out.append(block if new == block.article else replace(block, article=new))
    return tuple(out)


def _block_fields(block: Block) -> dict[str, Any]:
    return {
        "role": block.role,
        "article": block.article,
        "joins_previous": block.joins_previous,
    }


def _diff_blocks(before: tuple[Block, ...], after: tuple[Block, ...]) -> list[list[Any]]:
    """The ``set_blocks`` changes that turn ``after`` back into ``before`` (same ranges)."""
    changes = []
    for old, new in zip(before, after, strict=True):
        old_fields, new_fields = _block_fields(old), _block_fields(new)
        diff = {k: v for k, v in old_fields.items() if new_fields[k] != v}
        if diff:
            changes.append([old.start, diff])
    return changes


def _with_blocks(state: PageState, blocks: tuple[Block, ...]) -> PageState:
    return replace(state, blocks=renumber(blocks))


def _block_plan(state: PageState, op: Op, blocks: tuple[Block, ...]) -> Plan:
    after = _with_blocks(state, blocks)
    after = replace(after, blocks=_first_blocks_join_nothing(after.blocks))
    changes = _diff_blocks(state.blocks, after.blocks)
    if not changes:
        raise EditError(msg("this changes nothing: the paragraphs are like that already"))
    inverse = Op("set_blocks", op.page_id, {"changes": changes})
    return Plan(op, inverse, state, after, Changes(op.page_id, blocks=True))


def _first_blocks_join_nothing(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """``blocks`` with the join cleared on each article's first block.

    Such a join continues nothing (export ignores it), but the segmentation export wrote
    it and its import refuses it, and the structure model learnt it: an edit that makes a
    joined paragraph its article's first (marking the one before it not part of any
    article, moving that one to another article) clears it, in the same undo step.
    """
    seen: set[int] = set()
    out = list(blocks)
    for k, block in enumerate(out):
        if block.article is None or block.article in seen:
            continue
        seen.add(block.article)
        if block.joins_previous:
            out[k] = replace(block, joins_previous=False)
    return tuple(out)


def _articles_in_order(blocks: tuple[Block, ...]) -> list[int]:
    seen: list[int] = []
    for block in blocks:
        if block.article is not None and block.article not in seen:
            seen.append(block.article)
    return seen


def _check_role(role: Any) -> str:
    if role not in ROLES:
        raise EditError(
            msg("unknown role {role!r}; expected one of {roles}", role=role, roles=", ".join(ROLES))
        )
    return role


def _set_role(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    role = _check_role(op.args["role"])
    if block.role == role:
        raise EditError(msg("this paragraph's role is {role} already", role=role))
    new = replace(block, role=role, article=block.article)
    return _block_plan(state, op, _replace_at(state.blocks, i, new))


def _set_blocks(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    blocks = list(state.blocks)
    for start, fields in op.args["changes"]:
        i, block = state.block_at(start)
        unknown = set(fields) - {"role", "article", "joins_previous"}
        if unknown:
            raise EditError(
                msg("set_blocks: unknown block fields {fields}", fields=sorted(unknown))
            )
        if "role" in fields:
            _check_role(fields["role"])
        blocks[i] = replace(blocks[i], **fields)
    # Restoring exact numbers: do not renumber here, the inverse carries the old numbers.
    after = replace(state, blocks=tuple(blocks))
    inverse = Op("set_blocks", op.page_id, {"changes": _diff_blocks(state.blocks, after.blocks)})
    return Plan(op, inverse, state, after, Changes(op.page_id, blocks=True))


def _start_article(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    new_no = max((b.article or 0) for b in state.blocks) + 1
    old_no = block.article
    blocks = list(state.blocks)
    if old_no is None:
        blocks[i] = replace(block, article=new_no, role=_keep_role(block))
    else:
        first = next(b for b in state.blocks if b.article == old_no)
        if first.start == block.start:
            raise EditError(msg("this paragraph starts its article already"))
        for j in range(i, len(blocks)):
            if blocks[j].article == old_no:
                blocks[j] = replace(blocks[j], article=new_no)
    if blocks[i].joins_previous:
        blocks[i] = replace(blocks[i], joins_previous=False)
    return _block_plan(state, op, tuple(blocks))


def _not_in_an_article() -> str:
    return msg(
        "this paragraph is not part of an article: move it into one or start one at it first"
    )


def _keep_role(block: Block) -> str:
    return "body" if block.role == "other" else block.role


def _merge_article(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    _, block = state.block_at(op.args["block"])
    if block.article is None:
        raise EditError(_not_in_an_article())
    order = _articles_in_order(state.blocks)
    pos = order.index(block.article)
    if pos == 0:
        raise EditError(msg("the first article on the page has no previous article to merge into"))
    target = order[pos - 1]
    blocks = tuple(
        replace(b, article=target) if b.article == block.article else b for b in state.blocks
    )
    return _block_plan(state, op, blocks)


def _move_block(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    direction = op.args["direction"]
    if direction not in (-1, 1):
        raise EditError(
            msg("move_block: direction must be -1 or 1, not {direction!r}", direction=direction)
        )
    order = _articles_in_order(state.blocks)
    if block.article is None:
        target = _nearest_article(state.blocks, i, direction)
    else:
        pos = order.index(block.article) + direction
        if not 0 <= pos < len(order):
            text = (
                msg("there is no previous article to move this paragraph to")
                if direction < 0
                else msg("there is no next article to move this paragraph to")
            )
            raise EditError(text)
        target = order[pos]
    if target is None:
        raise EditError(msg("there is no article on the page to move this paragraph to"))
    new = replace(block, article=target, role=_keep_role(block), joins_previous=False)
    return _block_plan(state, op, _replace_at(state.blocks, i, new))


def _nearest_article(blocks: tuple[Block, ...], i: int, direction: int) -> int | None:
    j = i + direction
    while 0 <= j < len(blocks):
        if blocks[j].article is not None:
            return blocks[j].article
        j += direction
    return None


def _mark_other(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    if block.article is None and block.role == "other":
        raise EditError(msg("this paragraph is outside every article already"))
    new = replace(block, role="other", article=None, joins_previous=False)
    return _block_plan(state, op, _replace_at(state.blocks, i, new))


def _set_join(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    joins = op.kind == "join"
    if joins and i == 0:
        raise EditError(msg("the first paragraph on the page has no previous paragraph to join"))
    if joins and block.article is None:
        raise EditError(_not_in_an_article())
    if joins and all(b.article != block.article for b in state.blocks[:i]):
        raise EditError(
            msg(
                "the first paragraph of an article has no paragraph of its article before it "
                "to join; to continue the article above, merge the article into the previous one"
            )
        )
    if block.joins_previous == joins:
        text = (
            msg("this paragraph joins the previous paragraph already")
            if joins
            else msg("this paragraph does not join the previous paragraph")
        )
        raise EditError(text)
    new = replace(block, joins_previous=joins)
    return _block_plan(state, op, _replace_at(state.blocks, i, new))


def _split_block(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    at = op.args["at"]
    text = state.page.text
    i, block = _block_under_caret(state, at)
    first_end, second_start = _split_ends(text, block, at, op.args.get("first_end"))
    if first_end == block.start or second_start == block.end:
        raise EditError(
            msg(
                "a split here would leave an empty paragraph: put the caret inside the "
                "paragraph, where the new paragraph should begin"
            )
        )
    fields = dict(op.args.get("second") or {})
    first = replace(block, end=first_end)
    second = Block(
        start=second_start,
        end=block.end,
        role=fields.get("role", block.role),
        article=fields.get("article", block.article),
        joins_previous=fields.get("joins_previous", False),
        confidences=fields.get("confidences", {}),
    )
    blocks = state.blocks[:i] + (first, second) + state.blocks[i + 1 :]
    after = replace(state, blocks=renumber(blocks))
    inverse = Op("merge_blocks", op.page_id, {"block": block.start})
    return Plan(op, inverse, state, after, Changes(op.page_id, blocks=True))


def _split_ends(text: str, block: Block, at: int, first_end: int | None) -> tuple[int, int]:
    """Where the first part ends and the second begins. A reviewer's split trims the white
    space around the caret; a merge's undo names both ends (``first_end``, ``at``), since
    trimming there moved a paragraph that began with a space and changed its clean text."""
    if first_end is not None:
        if not block.start < first_end <= at:
            raise EditError(msg("split ends out of order: {end} after {at}", end=first_end, at=at))
        return first_end, at
    first_end = at
    while first_end > block.start and _WS.match(text[first_end - 1]):
        first_end -= 1
    second_start = at
    while second_start < block.end and _WS.match(text[second_start]):
        second_start += 1
    return first_end, second_start


def _block_under_caret(state: PageState, at: int) -> tuple[int, Block]:
    """The block that a split at ``at`` cuts (``at`` strictly inside it), and its index."""
    for i, block in enumerate(state.blocks):
        if block.start < at < block.end:
            return i, block
    # The reviewer sees a caret, not an offset: say where it is and where it should be.
    if any(at in (b.start, b.end) for b in state.blocks):
        raise EditError(
            msg(
                "the caret is at the start or end of a paragraph: put it inside the "
                "paragraph, where the new paragraph should begin, to split it"
            )
        )
    raise EditError(
        msg(
            "the caret is between paragraphs: put it inside a paragraph, where the new "
            "paragraph should begin, to split it"
        )
    )


def _merge_blocks(state: PageState, op: Op, labels: frozenset[str]) -> Plan:
    i, block = state.block_at(op.args["block"])
    if i + 1 >= len(state.blocks):
        raise EditError(
            msg("this is the last paragraph on the page: there is no paragraph after it to merge")
        )
    nxt = state.blocks[i + 1]
    merged = replace(block, end=nxt.end)
    blocks = state.blocks[:i] + (merged,) + state.blocks[i + 2 :]
    renumbered_blocks = renumber(blocks)
    after = replace(state, blocks=_first_blocks_join_nothing(renumbered_blocks))
    # A paragraph that joined the one merged away and now starts its article joins nothing.
    cleared = [
        [b.start, {"joins_previous": True}]
        for b, a in zip(renumbered_blocks, after.blocks, strict=True)
        if b.joins_previous and not a.joins_previous
    ]
    second = {
        "role": nxt.role,
        "article": nxt.article,
        "joins_previous": nxt.joins_previous,
        "confidences": dict(nxt.confidences),
    }
    inverse = Op(
        "split_block",
        op.page_id,
        {"at": nxt.start, "first_end": block.end, "second": second},
    )
    # When the merge removed the last block of an article, the articles after it were
    # renumbered; the inverse puts their numbers back before splitting again.
    kept = state.blocks[: i + 1] + state.blocks[i + 2 :]
    renumbered = [
        [b.start, {"article": old.article}]
        for old, b in zip(kept, after.blocks, strict=True)
        if old.article != b.article
    ]
    if renumbered or cleared:
        ops = [inverse.to_json()]
        if renumbered:
            ops.insert(0, Op("set_blocks", op.page_id, {"changes": renumbered}).to_json())
        if cleared:
            ops.append(Op("set_blocks", op.page_id, {"changes": cleared}).to_json())
        inverse = Op("batch", op.page_id, {"ops": ops})
    return Plan(op, inverse, state, after, Changes(op.page_id, blocks=True))


def _replace_at(blocks: tuple[Block, ...], i: int, block: Block) -> tuple[Block, ...]:
    return blocks[:i] + (block,) + blocks[i + 1 :]
