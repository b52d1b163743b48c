"""Undo and redo: one generic ``OpCommand`` over the store's invertible operations.

Each page has its own ``QUndoStack`` in one ``QUndoGroup``; the active stack is the shown
page's. A new edit is committed by the runner first and pushed already done, so a refused
edit never reaches a stack. ``undo()`` applies the logged inverse and ``redo()`` the logged
operation, each through the runner as ``action="undo"``/``"redo"`` of the original edit, so
the database and its edit log follow the stack exactly.

A stack is rebuilt from ``Store.history`` the first time its page is shown, without
applying anything: undo history survives page switches and restarts. A window's stacks hold
only its reviewer's edits (a colleague's window on the same database keeps its own), and an
undo or redo that would overwrite what someone else changed since is refused by the store
with nothing written; the message says who changed what. Undo and Redo are enabled only
when the store says the step can really be done (``PageStacks.refresh``).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from annotator.edits import EditError, Op
from annotator.gui.runner import EditRunner
from annotator.store import Applied, UndoRefused

# PySide6's stubs say QT_TRANSLATE_NOOP returns object; it returns its text unchanged.
_KIND_TEXT: dict[str, str] = cast(
    "dict[str, str]",
    {
        "set_role": QT_TRANSLATE_NOOP("commands", "set the role"),
        "set_blocks": QT_TRANSLATE_NOOP("commands", "change paragraphs"),
        "start_article": QT_TRANSLATE_NOOP("commands", "start an article"),
        "merge_article": QT_TRANSLATE_NOOP("commands", "merge articles"),
        "move_block": QT_TRANSLATE_NOOP("commands", "move a paragraph"),
        "mark_other": QT_TRANSLATE_NOOP("commands", "mark as other"),
        "join": QT_TRANSLATE_NOOP("commands", "join paragraphs"),
        "unjoin": QT_TRANSLATE_NOOP("commands", "undo a join"),
        "split_block": QT_TRANSLATE_NOOP("commands", "split a paragraph"),
        "merge_blocks": QT_TRANSLATE_NOOP("commands", "merge paragraphs"),
        "add_span": QT_TRANSLATE_NOOP("commands", "add a span"),
        "remove_span": QT_TRANSLATE_NOOP("commands", "remove a span"),
        "relabel_span": QT_TRANSLATE_NOOP("commands", "relabel a span"),
        "set_span_status": QT_TRANSLATE_NOOP("commands", "accept or reject a span"),
        "set_span_attrs": QT_TRANSLATE_NOOP("commands", "correct a figure"),
        "set_page_status": QT_TRANSLATE_NOOP("commands", "set the page status"),
        "batch": QT_TRANSLATE_NOOP("commands", "several changes"),
    },
)


_RIDERS = {"set_span_status", "set_span_attrs"}  # what rides along with the edits below
_RIDDEN = {"relabel_span", "split_block", "mark_other"}


def describe(op: Op) -> str:
    """A short, translated description of ``op`` for the Undo/Redo menu items."""
    if _marks_done(op.to_json()):
        # Settling the open suggestions rides along with marking the page done.
        return QCoreApplication.translate("commands", "mark the page done")
    if op.kind == "batch":
        subs = [Op.from_json(sub) for sub in op.args.get("ops", [])]
        # The automatic new -> in_progress step rides along with a first edit: name the edit.
        real = [sub for sub in subs if sub.kind != "set_page_status"] or subs
        if len({sub.kind for sub in real}) == 1:
            return describe(real[0])
        # A relabel that accepts the span or drops the old label's attributes is a relabel;
        # a split that rejects the suggestion it cuts through is a split (and marking a
        # paragraph outside every article, which rejects those on it, is that).
        main = [sub for sub in real if sub.kind not in _RIDERS]
        if len(main) == 1 and main[0].kind in _RIDDEN:
            return describe(main[0])
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


def refusal_message(action: str, op: Op, refusal: EditError) -> str:
    """Why the undo (or redo) of ``op`` was refused, translated, naming who changed what."""
    reason = refusal_reason(action, refusal)
    template = (
        QCoreApplication.translate("commands", "Cannot undo “{what}”: {reason}.")
        if action == "undo"
        else QCoreApplication.translate("commands", "Cannot redo “{what}”: {reason}.")
    )
    return template.format(what=describe(op), reason=reason)


def refusal_reason(action: str, refusal: EditError) -> str:
    """The reason part of :func:`refusal_message`, e.g. "李华 changed that span since"."""
    if not isinstance(refusal, UndoRefused):
        return QCoreApplication.translate(
            "commands", "the page has changed since and it no longer applies"
        )
    who = refusal.who or QCoreApplication.translate("commands", "another reviewer")
    texts = {
        "span": QCoreApplication.translate("commands", "{who} changed that span since"),
        "blocks": QCoreApplication.translate("commands", "{who} changed those paragraphs since"),
        "status": QCoreApplication.translate("commands", "{who} changed the page status since"),
        "owner": QCoreApplication.translate("commands", "it is {who}'s edit"),
        "done": QCoreApplication.translate("commands", "it was undone already (in another window)")
        if action == "undo"
        else QCoreApplication.translate(
            "commands", "it was redone already, or a later edit replaced it"
        ),
    }
    text = texts.get(
        refusal.reason,
        QCoreApplication.translate(
            "commands", "the page has changed since and it no longer applies"
        ),
    )
    return text.format(who=who)


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
    """One undo stack per page, rebuilt from the edit log (the reviewer's own edits only)
    on first use. ``undo``/``redo`` commit through the runner first and move the stack
    only once the step is saved; ``canUndoChanged``/``canRedoChanged`` follow what the
    store says can really be done."""

    canUndoChanged = Signal(bool)
    canRedoChanged = Signal(bool)
    undoTextChanged = Signal(str)
    redoTextChanged = Signal(str)
    message = Signal(str)  # a step that just became impossible, and why

    def __init__(self, runner: EditRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.group = QUndoGroup(self)
        self._stacks: dict[str, QUndoStack] = {}
        self._blocked: tuple[str, str] = ("", "")  # reasons last shown, undo and redo
        # "undo"/"redo": that step's top was committed just now, so it can surely be done
        # (an edit can be undone, an undo redone): no need to ask the store.
        self._fresh: str | None = None
        self._quiet = False  # True while a stack is refilled from the log
        self.last_page: str | None = None  # of the reviewer's last edit in this window
        self.group.indexChanged.connect(lambda _index: self.refresh())
        self.group.activeStackChanged.connect(lambda _stack: self.refresh())
        runner.reviewerChanged.connect(self.reset)
        runner.waiting.connect(lambda _text: self.refresh())  # nothing can be done meanwhile

    def stack(self, page_id: str) -> QUndoStack:
        """The page's stack, built from the edit log the first time it is asked for (and
        again after ``forget_others`` dropped it)."""
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
        self.last_page = op.page_id
        if op.page_id not in self._stacks:
            self.stack(op.page_id)  # read from the log, which holds this edit already
            return
        command = OpCommand(self.runner, op, inverse, edit_id)
        self._fresh = "undo"
        try:
            self.stack(op.page_id).push(command)
        finally:
            self._fresh = None
        command.replaying = False

    def rebuild(self, page_id: str) -> None:
        """Re-read the page's history from the log (after another window wrote to it)."""
        stack = self._stacks.get(page_id)
        if stack is None:
            return
        self._quiet = True  # the stack's own signals while it refills: not a change to show
        try:
            stack.clear()
            self._fill(stack, page_id)
        finally:
            self._quiet = False
        self.refresh(announce=True)

    def forget_others(self, keep: str | None) -> None:
        """Drop every stack but ``keep``'s (another window wrote: they may miss its edits);
        each is rebuilt from the edit log the next time its page is shown."""
        self._quiet = True  # dropping a stack is not a change to show
        try:
            for page_id in [p for p in self._stacks if p != keep]:
                stack = self._stacks.pop(page_id)
                self.group.removeStack(stack)
                stack.deleteLater()  # this may run inside one of its commands' undo()
        finally:
            self._quiet = False

    def reset(self) -> None:
        """Rebuild every stack (the reviewer's name changed: their history is another)."""
        for page_id, stack in self._stacks.items():
            stack.clear()
            self._fill(stack, page_id)
        self.refresh()

    def _fill(self, stack: QUndoStack, page_id: str) -> None:
        done, undone = self.runner.store.history(page_id, self.runner.reviewer)
        commands = []
        for record in [*done, *undone]:
            command = OpCommand(self.runner, record.op, record.inverse, record.edit_id)
            stack.push(command)
            commands.append(command)
        stack.setIndex(len(done))
        for command in commands:
            command.replaying = False
        stack.setClean()

    # --- undo and redo through the runner ------------------------------------------------

    def undo(self) -> None:
        """Undo the shown page's newest own step, once the store has saved its inverse."""
        self._step("undo")

    def redo(self) -> None:
        self._step("redo")

    def _step(self, action: str) -> None:
        stack = self.group.activeStack()
        command = self._command(stack, action)
        if stack is None or command is None:
            return
        op = command.inverse if action == "undo" else command.op

        def done(applied: Applied) -> None:
            if self._stacks.get(command.op.page_id) is not stack:
                # Dropped while the step waited for the lock (forget_others): the log holds
                # the step, and the page's stack is read from it when next shown.
                return
            self._move(stack, command, action)
            if action == "redo":
                moved = self._command(stack, "undo")
                if moved is not None and moved.edit_id == command.edit_id:
                    moved.inverse = applied.inverse  # exact for the page as it is now

        def explain(refusal: EditError) -> str:
            return refusal_message(action, command.op, refusal)

        applied = self.runner.apply(
            op, command, action=action, target=command.edit_id, then=done, explain=explain
        )
        if applied is None and not self.runner.waiting_now():
            self.refresh()  # refused: Undo/Redo now say why it cannot be done

    def _move(self, stack: QUndoStack, command: OpCommand, action: str) -> None:
        current = self._command(stack, action)
        if current is None or current.edit_id != command.edit_id:
            # The stack was re-read from the log while the step waited for the lock.
            self.rebuild(command.op.page_id)
            return
        command = current
        command.replaying = True
        self._fresh = "redo" if action == "undo" else "undo"
        try:
            stack.undo() if action == "undo" else stack.redo()
        finally:
            command.replaying = False
            self._fresh = None

    @staticmethod
    def _command(stack: QUndoStack | None, action: str) -> OpCommand | None:
        if stack is None:
            return None
        index = stack.index() - 1 if action == "undo" else stack.index()
        if not 0 <= index < stack.count():
            return None
        command = stack.command(index)
        return command if isinstance(command, OpCommand) else None

    # --- what can really be done -----------------------------------------------------------

    def refresh(self, *, announce: bool = False) -> None:
        """Enable Undo/Redo only for steps the store would accept now; a refused one keeps
        its name and says why in the menu. ``announce``: show a step that has just become
        impossible (another reviewer's change) in the status bar."""
        if self._quiet:
            return
        stack = self.group.activeStack()
        undo_ok, undo_text, undo_why = self._availability(stack, "undo")
        redo_ok, redo_text, redo_why = self._availability(stack, "redo")
        self.canUndoChanged.emit(undo_ok)
        self.canRedoChanged.emit(redo_ok)
        self.undoTextChanged.emit(undo_text)
        self.redoTextChanged.emit(redo_text)
        if announce:
            for why, before in ((undo_why, self._blocked[0]), (redo_why, self._blocked[1])):
                if why and why != before:
                    self.message.emit(why)
        self._blocked = (undo_why, redo_why)

    def _availability(self, stack: QUndoStack | None, action: str) -> tuple[bool, str, str]:
        """(can it be done, the menu text, the refusal message or "")."""
        command = self._command(stack, action)
        if command is None:
            return False, "", ""
        text = describe(command.op)
        if self.runner.waiting_now():
            return False, text, ""
        if action == self._fresh:
            return True, text, ""
        refusal = self.runner.store.replay_refusal(
            command.op.page_id, command.edit_id, action, self.runner.reviewer
        )
        if refusal is None:
            return True, text, ""
        reason = refusal_reason(action, refusal)
        shown = QCoreApplication.translate("commands", "{what} ({reason})")
        return (
            False,
            shown.format(what=text, reason=reason),
            refusal_message(action, command.op, refusal),
        )
