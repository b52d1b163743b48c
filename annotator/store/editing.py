"""Applying edits: an operation planned, persisted and logged in one transaction; the undo
history rebuilt from the edit log; and the checks that refuse an undo or redo that would
overwrite another reviewer's later change.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from annotator.edits import (
    EditError,
    Key,
    Op,
    Plan,
    first_edit_starts_review,
    plan,
    refuse_labels_left_out,
    refuse_twin_labels,
    renumber,
    spans_left_out,
    touched,
)
from annotator.model import Block, Page, Span
from annotator.store.common import Applied, EditRecord, Room, UndoRefused, now
from annotator.store.rows import _json, _span_values


class EditingRoom(Room):
    """Edits applied in one transaction with their log row; undo history."""

    # --- edits -----------------------------------------------------------------------

    def apply(
        self,
        op: Op,
        reviewer: str | None = None,
        *,
        action: str = "do",
        target: int | None = None,
        wait: bool = True,
    ) -> Applied:
        """Validate and commit one edit operation with its log row, in one transaction.

        ``action`` is ``do`` for a new edit, ``undo``/``redo`` when the GUI replays the
        inverse/original of the logged edit ``target``. Raises ``EditError`` when the
        operation does not apply (``LabelsLeftOut`` when a new edit would leave an accepted
        label out of every export), ``UndoRefused`` when an undo or redo would overwrite
        another reviewer's later change (see :meth:`replay_refusal`); nothing is written
        then. ``wait=False`` raises ``StoreBusy`` at once, instead of waiting up to the busy
        timeout, when another connection holds the write lock.
        """
        if action not in ("do", "undo", "redo"):
            raise ValueError(f"unknown edit action {action!r}")
        # Take the write lock before reading: another window may have committed since our
        # cache was filled, and span ids must not be handed out twice.
        try:
            with self._write_locked(wait=wait):
                if action != "do" and target is not None:
                    op, result = self._plan_replay(op, reviewer, action, target)
                else:
                    op, result = self._plan(op, action)
                stamp = now()
                self._persist(result, stamp, reviewer)
                edit_id = self._log(op, result.inverse, reviewer, action, target, stamp)
        except sqlite3.DatabaseError:
            self._forget(op.page_id)
            raise
        after = replace(
            result.after,
            page=replace(
                result.after.page, updated_at=stamp, reviewer=reviewer or result.after.page.reviewer
            ),
        )
        self._forget(op.page_id)  # a state of it held by a caller is stale now
        self._remember(after)
        return Applied(op, result.inverse, edit_id, result.changes, after)

    def _plan(self, op: Op, action: str) -> tuple[Op, Plan]:
        state = self.page_state(op.page_id)
        op = self._allocate_span_ids(op)
        if action == "do":
            op = first_edit_starts_review(state, op)
        # An undo goes back to the state the page was in: it reopens what its edit rejected,
        # and rejects nothing itself (a suggestion open on furniture before the edit is so
        # again); a new edit and a redo reject the open suggestions they strand.
        result = plan(state, op, self.label_names(), reject_stranded=action != "undo")
        if action == "do":  # undo and redo go back to a state the page was in
            refuse_labels_left_out(result)  # LabelsLeftOut, whoever applies it
            refuse_twin_labels(result)  # a label twice would be exported twice
        return op, result

    def _allocate_span_ids(self, op: Op) -> Op:
        counter = [self._next_span_id()]

        def fill(o: dict[str, Any]) -> dict[str, Any]:
            args = dict(o["args"])
            if o["kind"] == "add_span" and args.get("id") is None:
                args["id"] = counter[0]
                counter[0] += 1
            elif o["kind"] == "replace_page_gold":
                args["spans"] = [
                    fill({"kind": "add_span", "args": x})["args"] for x in args["spans"]
                ]
            elif o["kind"] == "batch":
                args["ops"] = [fill(sub) for sub in args["ops"]]
            return {**o, "args": args}

        return Op.from_json(fill(op.to_json()))

    def _next_span_id(self) -> int:
        # AUTOINCREMENT never reuses an id, so an undone and redone span keeps its id
        # without colliding with spans added in between.
        row = self.db.conn.execute(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'spans'), 0), "
            "coalesce((SELECT max(id) FROM spans), 0))"
        ).fetchone()
        return int(row[0]) + 1

    def _persist(self, result: Plan, stamp: str, reviewer: str | None) -> None:
        # The plan names what changed: write only that, without comparing the whole page
        # (a thousand spans cost a visible part of a key press to compare).
        conn, after, changes = self.db.conn, result.after, result.changes
        page_id = after.page.id
        if changes.blocks or changes.spans:
            self._keep_predictions(page_id)  # the page's first change: keep what it was
        if changes.blocks:
            conn.execute("DELETE FROM blocks WHERE page_id = ?", [page_id])
            self._insert_blocks(page_id, after.blocks)
        removed = [[i] for i in changes.spans if i not in after.spans]
        changed = [_span_values(page_id, after.spans[i]) for i in changes.spans if i in after.spans]
        if removed:
            conn.executemany("DELETE FROM spans WHERE id = ?", removed)
        if changed:
            # AUTOINCREMENT raises its sequence past an explicit id by itself, so an id
            # handed out again on redo is never handed out to another span afterwards.
            conn.executemany(
                'INSERT OR REPLACE INTO spans (id, page_id, start, "end", label, origin, '
                "status, attrs) VALUES (?,?,?,?,?,?,?,?)",
                changed,
            )
        p = after.page
        conn.execute(
            "UPDATE pages SET status = ?, note = ?, reviewer = coalesce(?, reviewer), "
            "updated_at = ? WHERE id = ?",
            [p.status, p.note, reviewer, stamp, page_id],
        )

    def _log(
        self, op: Op, inverse: Op, reviewer: str | None, action: str, target: int | None, at: str
    ) -> int:
        cursor = self.db.conn.execute(
            "INSERT INTO edits (page_id, action, target, operation, arguments, inverse, "
            "reviewer, at) VALUES (?,?,?,?,?,?,?,?)",
            [
                op.page_id,
                action,
                target,
                op.kind,
                _json(op.args),
                _json(inverse.to_json()),
                reviewer,
                at,
            ],
        )
        return int(cursor.lastrowid or 0)

    def history(
        self, page_id: str, reviewer: str | None = None
    ) -> tuple[list[EditRecord], list[EditRecord]]:
        """The page's undo stack and redo stack, rebuilt from the edit log.

        Returns ``(done, undone)``: ``done`` oldest first, ``undone`` in the order redo
        would replay them (next redo first). With ``reviewer``, only that reviewer's edits,
        undos and redos count: each reviewer undoes only their own work. An undo row
        removes exactly its target from ``done`` (wherever it is) and a redo row puts its
        target back; a new edit empties the redo stack. A redone edit's inverse is the one
        logged with the redo, which is exact for the page as it was then.
        """
        sql = (
            "SELECT id, action, target, operation, arguments, inverse, reviewer, at "
            "FROM edits WHERE page_id = ?"
        )
        params: list[Any] = [page_id]
        if reviewer is not None:
            sql += " AND reviewer IS ?"
            params.append(reviewer)
        records: dict[int, EditRecord] = {}
        done: list[int] = []
        undone: list[int] = []
        for edit_id, action, target, kind, args, inverse, who, at in self.db.conn.execute(
            sql + " ORDER BY id", params
        ):
            if action == "do":
                op = Op(kind, page_id, json.loads(args))
                records[edit_id] = EditRecord(
                    edit_id, op, Op.from_json(json.loads(inverse)), who, at
                )
                done.append(edit_id)
                undone.clear()
            elif action == "undo":
                aim = target if target is not None else (done[-1] if done else None)
                if aim in done:
                    done.remove(aim)
                    undone.append(aim)
            elif action == "redo":
                aim = target if target is not None else (undone[-1] if undone else None)
                if aim in undone:
                    undone.remove(aim)
                    done.append(aim)
                    records[aim] = replace(records[aim], inverse=Op.from_json(json.loads(inverse)))
        return [records[i] for i in done], [records[i] for i in reversed(undone)]

    def replay_refusal(
        self, page_id: str, target: int, action: str, reviewer: str | None
    ) -> UndoRefused | None:
        """Why ``reviewer`` cannot ``undo``/``redo`` the logged edit ``target`` now, or None.

        Refused: an edit of someone else; one already undone (or redone, or whose redo a
        later edit discarded); one whose spans, blocks or page status another reviewer
        changed after it was last applied (undo) or undone (redo); one whose step no
        longer applies to the page. Reads only; ``apply`` checks the same under its lock.
        """
        try:
            op, others, theirs, own = self._replay_op(page_id, target, action, reviewer)
            # (else the page is as the step left it: an undo applies; a key press asks)
            if others or action == "redo":
                result = plan(
                    self.page_state(page_id),
                    op,
                    self.label_names(),
                    reject_stranded=action != "undo",
                )
                self._check_numbering(result, target, action, reviewer)
                self._check_their_labels(result, theirs, target, action)
                self._check_redo_reach(result, own, target, action)
        except UndoRefused as refusal:
            return refusal
        except EditError as exc:
            return UndoRefused(action, target, "state", None, str(exc))
        return None

    def _plan_replay(
        self, op: Op, reviewer: str | None, action: str, target: int
    ) -> tuple[Op, Plan]:
        _, _, theirs, own = self._replay_op(op.page_id, target, action, reviewer)
        try:
            op, result = self._plan(op, action)
        except EditError as exc:
            raise UndoRefused(action, target, "state", None, str(exc)) from None
        self._check_numbering(result, target, action, reviewer)
        self._check_their_labels(result, theirs, target, action)
        self._check_redo_reach(result, own, target, action)
        return op, result

    def _check_redo_reach(
        self, result: Plan, own: frozenset[Key], target: int, action: str
    ) -> None:
        """``UndoRefused`` when a redo, planned again on the page as it is now, would change
        a label its edit did not change when last applied: another window restored a
        suggestion inside a block this edit marks as furniture, before this edit was undone.
        Applied, the redo would reject that label too, and undo + redo would not give back
        the page the undo started from (``own``: what the edit touched when last applied)."""
        if action != "redo":
            return
        page_id = result.op.page_id
        text = self.page_state(page_id).page.text
        planned = touched(result.op, result.inverse, text, redo=True)
        extra = sorted(key[1] for key in planned - own if key[0] == "span")
        if extra:
            who = self._last_span_writer(page_id, target, extra[0], text)
            detail = f"the redo would also change the label {extra[0]}, changed since by {who!r}"
            raise UndoRefused(action, target, "span", who, detail)

    def _last_span_writer(self, page_id: str, after: int, span_id: int, text: str) -> str | None:
        """Who last changed the label ``span_id`` after log row ``after`` (None if nobody)."""
        who = None
        for kind, args, inverse, reviewer in self.db.conn.execute(
            "SELECT operation, arguments, inverse, reviewer FROM edits "
            "WHERE page_id = ? AND id > ? ORDER BY id",
            [page_id, after],
        ):
            keys = touched(
                Op(kind, page_id, json.loads(args)), Op.from_json(json.loads(inverse)), text
            )
            if ("span", span_id) in keys:
                who = reviewer
        return who

    def _check_their_labels(
        self, result: Plan, theirs: dict[Key, str | None], target: int, action: str
    ) -> None:
        """``UndoRefused`` when the step would leave out of every export an accepted label
        that a later edit (another reviewer's, or the same reviewer's in another window)
        made, changed, or lies on (``theirs``: what those edits touched -> who). An undo or
        redo is not checked as a new edit is, since it goes back to a state the page was in;
        after a later edit it does not (an undo of a join under their label, a redo of a
        label across a line they unjoined)."""
        if not theirs:
            return
        blocks = [*result.before.blocks, *result.after.blocks]
        for span, _why in spans_left_out(result):
            keys: list[Key] = [("span", span.id)]
            keys += [
                ("block", b.start) for b in blocks if b.start < span.end and span.start < b.end
            ]
            key = next((k for k in keys if k in theirs), None)
            if key is not None:
                reason = "span" if key[0] == "span" else "blocks"
                detail = f"the label {span.id} would be left out of every export"
                raise UndoRefused(action, target, reason, theirs[key], detail)

    def _check_numbering(
        self, result: Plan, target: int, action: str, reviewer: str | None
    ) -> None:
        # An undo restores its blocks' article numbers exactly; when others renumbered the
        # articles since, those numbers now mean other articles: refused, not mixed up.
        if not result.changes.blocks or renumber(result.after.blocks) == result.after.blocks:
            return
        row = self.db.conn.execute(
            "SELECT reviewer FROM edits WHERE page_id = ? AND id > ? AND reviewer IS NOT ? "
            "ORDER BY id DESC LIMIT 1",
            [result.op.page_id, target, reviewer],
        ).fetchone()
        who = row[0] if row else None
        raise UndoRefused(action, target, "blocks", who, "the articles were renumbered since")

    def _replay_op(
        self, page_id: str, target: int, action: str, reviewer: str | None
    ) -> tuple[Op, int, dict[Key, str | None], frozenset[Key]]:
        """The step that would undo/redo ``target`` (latest inverse, or the original), after
        checking that nobody else changed what it touches (``UndoRefused``), how many edits
        of others came after it and the spans they touched (:meth:`_check_others`), and what
        the edit touched when last applied."""
        conn = self.db.conn
        row = conn.execute(
            "SELECT action, reviewer, operation, arguments FROM edits WHERE id = ? AND page_id = ?",
            [target, page_id],
        ).fetchone()
        if row is None or row[0] != "do":
            raise UndoRefused(action, target, "state", None, f"page {page_id!r} has no such edit")
        owner, kind, args = row[1], row[2], row[3]
        if reviewer is not None and owner != reviewer:
            raise UndoRefused(action, target, "owner", owner, f"the edit is {owner!r}'s")
        place, since, inverse_row = self._place_in_history(page_id, target, owner)
        if place != ("done" if action == "undo" else "undone"):
            raise UndoRefused(action, target, "done", None, f"the edit is {place} already")
        (inverse,) = conn.execute(
            "SELECT inverse FROM edits WHERE id = ?", [inverse_row]
        ).fetchone()
        original = Op(kind, page_id, json.loads(args))
        latest_inverse = Op.from_json(json.loads(inverse))
        others, theirs, own = self._check_others(
            original, latest_inverse, action, target, since, owner
        )
        return (latest_inverse if action == "undo" else original), others, theirs, own

    def _place_in_history(
        self, page_id: str, target: int, owner: str | None
    ) -> tuple[str, int, int]:
        """Where the edit ``target`` stands in its reviewer's history: ``done``, ``undone``
        or ``discarded`` (undone, then a new edit of theirs emptied the redo stack); the log
        id since when; and the id of the row that logged its latest inverse (the edit, or its
        latest redo). Reads only the rows aimed at it: a key press asks twice."""
        conn = self.db.conn
        place, since, inverse_row = "done", target, target
        for edit_id, action in conn.execute(
            "SELECT id, action FROM edits WHERE page_id = ? AND id > ? AND target = ? "
            "AND reviewer IS ? ORDER BY id",
            [page_id, target, target, owner],
        ):
            if action == "undo" and place == "done":
                place, since = "undone", edit_id
            elif action == "redo" and place == "undone":
                place, since, inverse_row = "done", edit_id, edit_id
        if (
            place == "undone"
            and conn.execute(
                "SELECT 1 FROM edits WHERE page_id = ? AND id > ? AND reviewer IS ? AND action = 'do' "
                "LIMIT 1",
                [page_id, since, owner],
            ).fetchone()
        ):
            place = "discarded"
        return place, since, inverse_row

    def _check_others(
        self, op: Op, inverse: Op, action: str, target: int, since: int, owner: str | None
    ) -> tuple[int, dict[Key, str | None], frozenset[Key]]:
        """``UndoRefused`` when another reviewer's edit after log row ``since`` touched
        what the edit ``target`` (``op`` with ``inverse``) touches; else how many edits came
        after it and what they touched (:func:`touched`), each with who touched it last, and
        what the edit itself touches.

        The owner's own later edits are counted too, for the labels they leave (not as a
        conflict: undo is the reviewer's own): the same reviewer in a second window may have
        labelled across a join that the first window's undo would take back. Those of this
        window's stack cancel out (each later edit undone again before this undo): they are
        not counted, so a plain undo plans nothing more than before."""
        page_id = op.page_id
        text = self.page_state(page_id).page.text
        mine = touched(op, inverse, text, redo=action == "redo")
        conn = self.db.conn
        own_rows = conn.execute(
            "SELECT id, action, target FROM edits "
            "WHERE page_id = ? AND id > ? AND reviewer IS ? ORDER BY id",
            [page_id, since, owner],
        ).fetchall()
        # (the owner's rows are read whole, and parsed, only when they leave the page changed)
        only_others = "" if _own_edits_in_effect(own_rows, since) else " AND reviewer IS NOT ?"
        rows = conn.execute(
            "SELECT operation, arguments, inverse, reviewer FROM edits "
            f"WHERE page_id = ? AND id > ?{only_others} ORDER BY id",
            [page_id, since, owner] if only_others else [page_id, since],
        ).fetchall()
        keys: dict[Key, str | None] = {}
        for kind, args, row_inverse, who in rows:
            theirs = touched(
                Op(kind, page_id, json.loads(args)), Op.from_json(json.loads(row_inverse)), text
            )
            common = {what for what, _ in mine & theirs} if who != owner else set()
            if common:
                found = next(r for r in ("span", "block", "status") if r in common)
                reason = "blocks" if found == "block" else found
                raise UndoRefused(action, target, reason, who, f"{who!r} changed its {reason}")
            keys.update((key, who) for key in theirs)
        return len(rows), keys, mine

    def apply_gold(self, op: Op, reviewer: str | None, updated_at: str) -> Applied:
        """:meth:`apply` for gold brought in from a file: the page keeps the file's time.

        One transaction: the operation, its edit-log row (at the real time) and the page's
        ``updated_at`` set to the record's, so that exporting again gives the same bytes.
        """
        try:
            with self._write_locked():
                op, result, edit_id = self._apply_gold_here(op, reviewer, updated_at)
        except sqlite3.DatabaseError:
            self._forget(op.page_id)
            raise
        self._forget(op.page_id)
        return Applied(op, result.inverse, edit_id, result.changes, self.page_state(op.page_id))

    def _apply_gold_here(
        self, op: Op, reviewer: str | None, updated_at: str
    ) -> tuple[Op, Plan, int]:
        """:meth:`apply_gold` inside the caller's transaction."""
        op, result = self._plan(op, "do")
        stamp = now()
        self._persist(result, stamp, reviewer)
        edit_id = self._log(op, result.inverse, reviewer, "do", None, stamp)
        self.db.conn.execute(
            "UPDATE pages SET updated_at = ? WHERE id = ?", [updated_at or stamp, op.page_id]
        )
        return op, result, edit_id

    def add_and_apply_gold(
        self,
        pages: Sequence[tuple[Page, Sequence[Block], Sequence[Span]]],
        ops: Sequence[tuple[Op, str | None, str]],
    ) -> None:
        """New gold pages (:meth:`add_gold_pages`) and gold applied to existing ones
        (:meth:`apply_gold`: ``(op, reviewer, updated_at)``), all in one transaction: one
        imported file is stored whole or not at all (an ``EditError`` stores nothing)."""
        try:
            with self._write_locked():
                self._insert_gold_pages(pages)
                for op, reviewer, updated_at in ops:
                    self._apply_gold_here(op, reviewer, updated_at)
        finally:
            for op, _, _ in ops:
                self._forget(op.page_id)


def _own_edits_in_effect(rows: list[tuple[Any, ...]], since: int) -> bool:
    """Whether the owner's log ``rows`` (id, action, target) after row ``since`` leave the
    page changed: an edit not undone again, or an undo or redo of an edit from before
    ``since`` (another window of theirs) not taken back by a redo or undo of it. One
    window's own later edits, all undone before its next undo, leave none; nor do the redos
    of its edits logged before ``since`` (undo all, redo all) that it undid again."""
    live: set[int] = set()
    replayed: set[int] = set()  # edits from before ``since`` an odd number of times replayed
    for edit_id, action, target in rows:
        if action == "do":
            live.add(edit_id)
        elif target is None:
            return True
        elif target <= since:
            replayed ^= {target}
        elif action == "undo":
            live.discard(target)
        else:
            live.add(target)
    return bool(live or replayed)
