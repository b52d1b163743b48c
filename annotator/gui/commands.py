"""Undo and redo: one generic ``OpCommand`` over the store's invertible operations.

Each page has its own ``QUndoStack`` in one ``QUndoGroup``; the active stack is the shown
page's. A new edit is committed by the runner first and pushed already done, so a refused
edit never reaches a stack. ``undo()`` applies the logged inverse and ``redo()`` the logged
operation, each through the runner as ``action="undo"``/``"redo"`` of the original edit, so
the database and its edit log follow the stack exactly.

A stack is rebuilt from ``Store.history`` the first time its page is shown, without
applying anything: undo history survives page switches and restarts.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from annotator.edits import Op
from annotator.gui.runner import EditRunner

_KIND_TEXT = {
    "set_role": QT_TRANSLATE_NOOP("commands", "set the role"),
    "set_blocks": QT_TRANSLATE_NOOP("commands", "change blocks"),
    "start_article": QT_TRANSLATE_NOOP("commands", "start an article"),
    "merge_article": QT_TRANSLATE_NOOP("commands", "merge articles"),
    "move_block": QT_TRANSLATE_NOOP("commands", "move a block"),
    "mark_other": QT_TRANSLATE_NOOP("commands", "mark as other"),
    "join": QT_TRANSLATE_NOOP("commands", "join paragraphs"),
    "unjoin": QT_TRANSLATE_NOOP("commands", "undo a join"),
    "split_block": QT_TRANSLATE_NOOP("commands", "split a block"),
    "merge_blocks": QT_TRANSLATE_NOOP("commands", "merge blocks"),
    "add_span": QT_TRANSLATE_NOOP("commands", "add a span"),
    "remove_span": QT_TRANSLATE_NOOP("commands", "remove a span"),
    "relabel_span": QT_TRANSLATE_NOOP("commands", "relabel a span"),
    "set_span_status": QT_TRANSLATE_NOOP("commands", "accept or reject a span"),
    "set_span_attrs": QT_TRANSLATE_NOOP("commands", "correct a figure"),
    "set_page_status": QT_TRANSLATE_NOOP("commands", "set the page status"),
    "batch": QT_TRANSLATE_NOOP("commands", "several changes"),
}


def describe(op: Op) -> str:
    """A short, translated description of ``op`` for the Undo/Redo menu items."""
    if _marks_done(op.to_json()):
        # Settling the open suggestions rides along with marking the page done.
        return QCoreApplication.translate("commands", "mark the page done")
    if op.kind == "batch":
        kinds = [sub["kind"] for sub in op.args.get("ops", [])]
        # The automatic new -> in_progress step rides along with a first edit: name the edit.
        real = [k for k in kinds if k != "set_page_status"] or kinds
        if len(set(real)) == 1:
            return describe(Op(real[0], op.page_id, {}))
    if op.kind == "set_span_status":
        status = op.args.get("status")
        if status == "accepted":
            return QCoreApplication.translate("commands", "accept a span")
        if status == "rejected":
            return QCoreApplication.translate("commands", "reject a span")
    return QCoreApplication.translate("commands", _KIND_TEXT.get(op.kind, op.kind))


def _marks_done(op: dict) -> bool:
    if op["kind"] == "batch":
        return any(_marks_done(sub) for sub in op["args"].get("ops", []))
    return op["kind"] == "set_page_status" and op["args"].get("status") == "done"


class OpCommand(QUndoCommand):
    """One committed edit: ``op`` (as logged, span ids filled in) and its exact inverse."""

    def __init__(self, runner: EditRunner, op: Op, inverse: Op, edit_id: int) -> None:
        super().__init__(describe(op))
        self.runner = runner
        self.op = op
        self.inverse = inverse
        self.edit_id = edit_id
        # Pushed commands are already applied (new edits, or history rebuilt from the log):
        # the push's own redo() call, and the undo() calls of a rebuild, must not re-apply.
        self.replaying = True

    def redo(self) -> None:
        if self.replaying:
            return
        if self.runner.apply(self.op, self, action="redo", target=self.edit_id) is None:
            self.setObsolete(True)

    def undo(self) -> None:
        if self.replaying:
            return
        if self.runner.apply(self.inverse, self, action="undo", target=self.edit_id) is None:
            # The page changed so the inverse no longer applies (another window's edit):
            # Qt then drops the command instead of keeping a step that cannot be undone.
            self.setObsolete(True)


class PageStacks(QObject):
    """One undo stack per page, rebuilt from the edit log on first use."""

    def __init__(self, runner: EditRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.group = QUndoGroup(self)
        self._stacks: dict[str, QUndoStack] = {}

    def stack(self, page_id: str) -> QUndoStack:
        """The page's stack, rebuilt from the edit log the first time it is asked for."""
        stack = self._stacks.get(page_id)
        if stack is None:
            stack = QUndoStack(self.group)
            self._stacks[page_id] = stack
            self._fill(stack, page_id)
        return stack

    def activate(self, page_id: str) -> QUndoStack:
        stack = self.stack(page_id)
        self.group.setActiveStack(stack)
        return stack

    def push(self, op: Op, inverse: Op, edit_id: int) -> None:
        """Record a committed edit on its page's stack (it is not applied again)."""
        command = OpCommand(self.runner, op, inverse, edit_id)
        self.stack(op.page_id).push(command)
        command.replaying = False

    def rebuild(self, page_id: str) -> None:
        """Re-read the page's history from the log (after another window wrote to it)."""
        stack = self._stacks.get(page_id)
        if stack is None:
            return
        stack.clear()
        self._fill(stack, page_id)

    def _fill(self, stack: QUndoStack, page_id: str) -> None:
        done, undone = self.runner.store.history(page_id)
        commands = []
        for record in [*done, *undone]:
            command = OpCommand(self.runner, record.op, record.inverse, record.edit_id)
            stack.push(command)
            commands.append(command)
        stack.setIndex(len(done))
        for command in commands:
            command.replaying = False
        stack.setClean()
