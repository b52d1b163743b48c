"""The review commands: turn the caret, the selection and a key into edit operations.

Each handler reads the page view (caret, selected text, selected span, current block, all
in code points), builds one ``Op`` and hands it to ``edit``, which commits it through the
runner and records it on the page's undo stack. Nothing here draws; the views follow the
runner's ``changed`` signal.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from annotator.edits import Op
from annotator.gui.commands import PageStacks
from annotator.gui.page_view import PageView
from annotator.gui.runner import EditRunner
from annotator.model import Block, Span
from annotator.store import Applied


class ReviewController(QObject):
    """Handlers of the boundary and span actions of the page view."""

    message = Signal(str)

    def __init__(
        self, view: PageView, runner: EditRunner, stacks: PageStacks, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.runner = runner
        self.stacks = stacks
        self.window = parent

    # --- plumbing ----------------------------------------------------------------------

    def page_id(self) -> str | None:
        state = self.view.page_state
        return state.page.id if state is not None else None

    def edit(self, kind: str, **args: Any) -> Applied | None:
        """Commit one operation on the shown page and put it on the undo stack."""
        page_id = self.page_id()
        if page_id is None:
            self.message.emit(self.tr("No page is open."))
            return None
        return self.edit_op(Op(kind, page_id, args))

    def edit_op(self, op: Op) -> Applied | None:
        """Commit ``op``; None when refused, or while it waits for another program's lock
        (it then reaches the undo stack once committed)."""
        return self.runner.apply(op, self.view, then=self._record)

    def _record(self, applied: Applied) -> None:
        self.stacks.push(applied.op, applied.inverse, applied.edit_id)

    def _block(self) -> Block | None:
        block = self.view.current_block()
        if block is None:
            self.message.emit(self.tr("This page has no blocks."))
        return block

    def _span(self, *, suggestion: bool = False) -> Span | None:
        span = self.view.selected_span()
        if span is None:
            self.message.emit(
                self.tr("Select a span first: click it, or move to it with N or '.'.")
            )
        elif suggestion and span.status != "suggested":
            self.message.emit(
                self.tr("The selected span is not a suggestion (it is {status}).").format(
                    status=span.status
                )
            )
            return None
        return span

    # --- boundaries ----------------------------------------------------------------------

    def split_block(self) -> None:
        self.edit("split_block", at=self.view.caret())

    def _block_edit(self, kind: str, **args: Any) -> None:
        block = self._block()
        if block is not None:
            self.edit(kind, block=block.start, **args)

    def merge_blocks(self) -> None:
        self._block_edit("merge_blocks")

    def join(self) -> None:
        self._block_edit("join")

    def unjoin(self) -> None:
        self._block_edit("unjoin")

    def start_article(self) -> None:
        self._block_edit("start_article")

    def merge_article(self) -> None:
        self._block_edit("merge_article")

    def move_block(self, direction: int) -> None:
        self._block_edit("move_block", direction=direction)

    def mark_other(self) -> None:
        self._block_edit("mark_other")

    def set_role(self, role: str) -> None:
        self._block_edit("set_role", role=role)

    # --- spans ---------------------------------------------------------------------------

    def label(self, name: str) -> None:
        """Tag the selected text, or relabel (and accept) the selected span."""
        selection = self.view.selection_range()
        if selection is not None:
            start, end = selection
            applied = self.edit(
                "add_span", start=start, end=end, label=name, origin="human", status="accepted"
            )
            if applied is not None:
                self.view.select_span(self._added(applied))
            return
        span = self.view.selected_span()
        if span is None:
            self.message.emit(
                self.tr("Select text first (mouse or Shift+arrows), or a span to relabel.")
            )
            return
        span_page = self.page_id() or ""
        ops = []
        if span.label != name:
            ops.append(Op("relabel_span", span_page, {"id": span.id, "label": name}))
        if span.status == "suggested":
            ops.append(Op("set_span_status", span_page, {"id": span.id, "status": "accepted"}))
        if not ops:
            self.message.emit(self.tr("The span is already {label}.").format(label=name))
            return
        self._apply_ops(ops)

    def _added(self, applied: Applied) -> Span | None:
        for span_id in applied.changes.spans:
            span = self.view.spans.by_id.get(span_id)
            if span is not None:
                return span
        return None

    def _apply_ops(self, ops: list[Op]) -> Applied | None:
        if len(ops) == 1:
            return self.edit_op(ops[0])
        page_id = ops[0].page_id
        return self.edit_op(Op("batch", page_id, {"ops": [o.to_json() for o in ops]}))

    def remove_span(self) -> None:
        span = self._span()
        if span is not None:
            self.edit("remove_span", id=span.id)

    def accept_span(self) -> None:
        self._decide("accepted")

    def reject_span(self) -> None:
        self._decide("rejected")

    def _decide(self, status: str) -> None:
        span = self._span(suggestion=True)
        if span is None:
            return
        if self.edit("set_span_status", id=span.id, status=status) is not None:
            # Review goes on with the next suggestion, so accept/reject is one key each.
            following = self.view.spans.after(span.start, "suggested")
            if following is not None:
                self.view.select_span(following)

    def accept_article(self) -> None:
        block = self._block()
        state = self.view.page_state
        if block is None or state is None:
            return
        if block.article is None:
            ranges = [(block.start, block.end)]
        else:
            ranges = [(b.start, b.end) for b in state.blocks if b.article == block.article]
        ids = sorted(
            (s.start, s.id)
            for s in state.spans.values()
            if s.status == "suggested" and any(a <= s.start < b for a, b in ranges)
        )
        if not ids:
            self.message.emit(self.tr("This article has no open suggestions."))
            return
        ops = [
            Op("set_span_status", state.page.id, {"id": i, "status": "accepted"}) for _, i in ids
        ]
        # One batch: the whole article's acceptance is one undo step.
        if (
            self.edit_op(Op("batch", state.page.id, {"ops": [o.to_json() for o in ops]}))
            is not None
        ):
            self.message.emit(self.tr("Accepted {n} suggestions.").format(n=len(ids)))

    def _jump(self, forward: bool, status: str | None, none_left: str) -> None:
        current = self.view.selected_span()
        # From the selected span, else from the caret (a span starting at it comes next).
        cp = current.start if current is not None else self.view.caret() - (1 if forward else 0)
        span = self.view.spans.after(cp, status) if forward else self.view.spans.before(cp, status)
        if span is None:
            self.message.emit(none_left)
        else:
            self.view.select_span(span)

    def next_suggestion(self) -> None:
        self._jump(True, "suggested", self.tr("No more suggestions after this point of the page."))

    def prev_suggestion(self) -> None:
        self._jump(False, "suggested", self.tr("No suggestions before this point of the page."))

    def next_span(self) -> None:
        self._jump(True, None, self.tr("No more spans after this point of the page."))

    def prev_span(self) -> None:
        self._jump(False, None, self.tr("No spans before this point of the page."))

    def edit_figure(self) -> None:
        span = self._span()
        state = self.view.page_state
        if span is None or state is None:
            return
        dialog = FigureDialog(state.page.text[span.start : span.end], span.attrs, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            attrs = dialog.attrs()
            if attrs != span.attrs:
                self.edit("set_span_attrs", id=span.id, attrs=attrs)


class FigureDialog(QDialog):
    """Shows and corrects a figure's normalised value and unit."""

    def __init__(self, text: str, attrs: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Figure value and unit"))
        self._attrs = dict(attrs)
        self.value_edit = QLineEdit(_format_value(attrs.get("value")), self)
        self.value_edit.setObjectName("figure_value")
        validator = QDoubleValidator(self)
        validator.setLocale(QLocale.c())  # "7200000.5" whatever the interface language
        self.value_edit.setValidator(validator)
        self.unit_edit = QLineEdit(str(attrs.get("unit", "") or ""), self)
        self.unit_edit.setObjectName("figure_unit")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Text:"), QLabel(text, self))
        form.addRow(self.tr("Value:"), self.value_edit)
        form.addRow(self.tr("Unit:"), self.unit_edit)
        form.addRow(buttons)

    def attrs(self) -> dict[str, Any]:
        """The span's attributes with value and unit as entered (empty: removed)."""
        attrs = dict(self._attrs)
        value = _parse_value(self.value_edit.text())
        unit = self.unit_edit.text().strip()
        for key, new in (("value", value), ("unit", unit or None)):
            if new is None:
                attrs.pop(key, None)
            else:
                attrs[key] = new
        return attrs


def _parse_value(text: str) -> int | float | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return (
        int(number)
        if number.is_integer() and "." not in text and "e" not in text.lower()
        else number
    )


def _format_value(value: Any) -> str:
    return "" if value is None else str(value)
