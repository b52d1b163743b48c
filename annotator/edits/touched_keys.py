"""What an edit touched (span ids, block starts, the page status), so that undo steps back
only through the reviewer's own edits.
"""

from __future__ import annotations

from typing import Any

from annotator.edits.block_ops import _WS
from annotator.edits.operation import Op

_SPAN_KINDS = frozenset(
    {"add_span", "remove_span", "relabel_span", "set_span_status", "set_span_attrs"}
)


Key = tuple[str, Any]  # ("span", id), ("block", start) or ("status", None)


def _keys(op: dict[str, Any], text: str, out: set[Key]) -> None:
    kind, args = op["kind"], op.get("args") or {}
    if kind == "batch":
        for sub in args.get("ops", []):
            _keys(sub, text, out)
    elif kind in _SPAN_KINDS:
        out.add(("span", args.get("id")))
    elif kind == "set_page_status":
        # The automatic new -> in_progress step of a first edit changes nothing when the
        # page has moved on; its effective form is logged as a plain status in the inverse.
        if not args.get("only_if_new"):
            out.add(("status", None))
    elif kind == "set_blocks":
        out.update(("block", start) for start, _fields in args.get("changes", []))
    elif kind == "replace_page_gold":  # the whole page: its inverse names the page before
        out.update(("span", span.get("id")) for span in args.get("spans", []))
        out.update(("block", block["start"]) for block in args.get("blocks", []))
        out.add(("status", None))
    elif kind == "split_block":
        _split_keys(args.get("at", 0), text, out)
    elif "block" in args:
        out.add(("block", args["block"]))


def _split_keys(at: int, text: str, out: set[Key]) -> None:
    """The blocks a split at ``at`` touches: the one cut and the one starting after the blanks."""
    out.add(("block", at))
    while at < len(text) and _WS.match(text[at]):
        at += 1
    out.add(("block", at))  # where the second block starts


def touched(op: Op, inverse: Op, text: str, *, redo: bool = False) -> frozenset[Key]:
    """What an edit (``op`` as logged with its ``inverse``) changed on a page of ``text``:
    span ids, block starts and the page status.

    A block operation names its block; its inverse names every other block it changed
    (renumbered articles, the block a split cut), so the union covers both. ``redo``: what
    applying ``op`` again would change, where the automatic new -> in_progress step no
    longer counts (on redo it only moves a page that is still new).
    """
    out: set[Key] = set()
    _keys(op.to_json(), text, out)
    status_in_op = ("status", None) in out
    _keys(inverse.to_json(), text, out)
    if redo and not status_in_op:
        out.discard(("status", None))
    return frozenset(out)
