"""The review commands: turn the caret, the selection and a key into edit operations.

Each handler reads the page view (caret, selected text, selected span, current block, all
in code points), builds one ``Op`` and hands it to ``edit``, which commits it through the
runner and records it on the page's undo stack. Nothing here draws; the views follow the
runner's ``changed`` signal.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from annotator.edits import (
    EditError,
    LabelsLeftOut,
    Op,
    mark_done_op,
    open_suggestions,
    suggestions_rejected,
)
from annotator.gui.commands import PageStacks
from annotator.gui.i18n import core_text
from annotator.gui.page_view import PageView
from annotator.gui.runner import EditRunner
from annotator.model import Block, Span, status_word
from annotator.store import Applied
from annotator.text import span_problem


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
        # The suggestion U selected last: accepting or rejecting it goes on in doubt order.
        self._by_doubt: int | None = None

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
        return self.runner.apply(op, self.view, then=self._record, explain=self._explain)

    def _explain(self, error: EditError) -> str:
        """The reviewer's message for a refused edit: the core's reason, which the store
        gives whoever applies the edit (``LabelsLeftOut`` names the label and why)."""
        if isinstance(error, LabelsLeftOut):
            return self.tr("Not done: {reason}").format(reason=core_text(error))
        return core_text(error)

    def _record(self, applied: Applied) -> None:
        self.stacks.push(applied.op, applied.inverse, applied.edit_id)

    def _block(self) -> Block | None:
        block = self.view.current_block()
        if block is None:
            self.message.emit(self.tr("This page has no paragraphs."))
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
                    status=core_text(status_word(span.status))
                )
            )
            return None
        return span

    # --- boundaries ----------------------------------------------------------------------

    def split_block(self) -> None:
        self._cutting(
            Op("split_block", self.page_id() or "", {"at": self.view.caret()}),
            self.tr("Rejected the suggestion 「{text}」 ({label}) that the split cut through."),
        )

    def _cutting(self, op: Op, said: str) -> None:
        """Apply ``op``, a new paragraph break, and name each open suggestion it rejected:
        the core rejects, in the same step, the suggestions a break strands (left open
        across it, they could be neither accepted nor exported)."""
        rejected = self._apply_rejecting(op)
        state = self.view.page_state
        text = state.page.text if state is not None else ""
        for span in rejected:
            # A name across a joined line break reads as one word, as the export has it.
            words = text[span.start : span.end].replace("\n", "")
            self.message.emit(said.format(text=words, label=span.label))

    def _apply_rejecting(self, op: Op) -> list[Span]:
        """Apply ``op``; the open suggestions it rejected in the same undo step because it
        stranded them (:func:`annotator.edits.stranded_suggestions`: the rule is the core's,
        whoever applies the edit), none when it was refused or waits for a lock."""
        if not op.page_id:
            self.message.emit(self.tr("No page is open."))
            return []
        before = self.view.page_state
        applied = self.edit_op(op)
        if applied is None or before is None:
            return []
        return suggestions_rejected(before, applied.state, applied.changes.spans)

    def _block_edit(self, kind: str, **args: Any) -> None:
        """Apply a boundary edit to the current paragraph and say how many open
        suggestions it rejected because it left them across a break or outside every
        article (a new article at a joined paragraph, a moved or merged paragraph): a
        suggestion that turns grey without a word looks like a lost click."""
        block = self._block()
        if block is None:
            return
        rejected = self._apply_rejecting(
            Op(kind, self.page_id() or "", {"block": block.start, **args})
        )
        if rejected:
            self.message.emit(
                self.tr(
                    "Rejected {n} suggestion(s) that the change left across a paragraph or "
                    "article break (Ctrl+Z brings them back)."
                ).format(n=len(rejected))
            )

    def merge_blocks(self) -> None:
        self._block_edit("merge_blocks")

    def join(self) -> None:
        self._block_edit("join")

    def unjoin(self) -> None:
        block = self._block()
        if block is not None:
            self._cutting(
                Op("unjoin", self.page_id() or "", {"block": block.start}),
                self.tr("Rejected the suggestion 「{text}」 ({label}) across the join."),
            )

    def start_article(self) -> None:
        self._block_edit("start_article")

    def merge_article(self) -> None:
        self._block_edit("merge_article")

    def move_block(self, direction: int) -> None:
        self._block_edit("move_block", direction=direction)

    def mark_other(self) -> None:
        """Mark the paragraph as no part of any article; the core rejects its open
        suggestions in the same step (furniture is not exported: left open, they could not
        be accepted, and marking the page done was refused until each was found and
        rejected by hand)."""
        block = self._block()
        if block is None:
            return
        rejected = self._apply_rejecting(
            Op("mark_other", self.page_id() or "", {"block": block.start})
        )
        if rejected:
            self.message.emit(
                self.tr(
                    "Rejected {n} suggestion(s) on the paragraph now outside every article."
                ).format(n=len(rejected))
            )

    def set_role(self, role: str) -> None:
        block = self._block()
        if block is not None and block.role == role:
            # In words and in the interface language, not "block at 131 already has role".
            self.message.emit(
                self.tr("This paragraph's role is {role} already.").format(
                    role=self.view.role_name(role)
                )
            )
            return
        self._block_edit("set_role", role=role)

    # --- spans ---------------------------------------------------------------------------

    def label(self, name: str) -> None:
        """Tag the selected text, or relabel (and accept) the selected span."""
        selection = self.view.selection_range()
        if selection is not None:
            if not self._refused_for_export(*selection):
                self._label_selection(*selection, name)
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
            if span.attrs:
                # A figure's value and unit, a date's year and month, describe the old
                # label: kept, the gold would export a DATE with a figure's value.
                ops.append(Op("set_span_attrs", span_page, {"id": span.id, "attrs": {}}))
        if span.status == "suggested":
            ops.append(Op("set_span_status", span_page, {"id": span.id, "status": "accepted"}))
        if not ops:
            self.message.emit(self.tr("The span is already {label}.").format(label=name))
            return
        self._apply_ops(ops)

    def _refused_for_export(self, start: int, end: int) -> bool:
        """Whether a span over ``[start, end)`` is refused (with the reason shown) because
        export would leave it out: the reviewer's work would be lost without a word."""
        state = self.view.page_state
        if state is None:
            return False
        problem = span_problem(state.page.text, state.blocks, start, end)
        if problem is None:
            return False
        reasons = {
            "articles": self.tr("it crosses into another article. Select within one article."),
            "paragraphs": self.tr(
                "it crosses a paragraph break. Select within one paragraph, or make the two "
                "one first (M merges them; J joins a paragraph cut by a column break)."
            ),
            "markup": self.tr(
                "it takes in markup that the clean text drops (# or **). Select the words only."
            ),
            "furniture": self.tr(
                "it lies outside every article, and page furniture is not exported. Move the "
                "paragraph into an article first."
            ),
        }
        self.message.emit(
            self.tr("This selection would not be exported: {reason}").format(
                # "between" (only the break between two paragraphs) cannot be selected:
                # the selection drops white space at its ends.
                reason=reasons.get(problem, reasons["paragraphs"])
            )
        )
        return True

    def _label_selection(self, start: int, end: int, name: str) -> None:
        """Tag ``[start, end)``, resolving the open suggestions the reviewer labels over.

        Same range and label: the suggestion is accepted (no duplicate). Same range, other
        label: it is rejected (the rule was wrong, and the log keeps that) and the human span
        added. An open suggestion of the same label that overlaps, or any that crosses the
        selection's edges, is rejected too: the reviewer has drawn the boundary. A suggestion
        of another label nested inside (or around) the selection stays open, since entities
        nest (a LOC inside an ORG). Everything is one batch: one undo step.
        """
        page_id = self.page_id() or ""
        accept, reject = _resolve_over(self.view.spans.overlapping(start, end), start, end, name)
        done = [
            s
            for s in self.view.spans.overlapping(start, end)
            if (s.start, s.end, s.label, s.status) == (start, end, name, "accepted")
        ]
        if done and accept is not None:  # a duplicate of the reviewer's own span
            reject, accept = [accept, *reject], None
        if done and not reject:
            self.view.select_span(done[0])
            self.message.emit(self.tr("The selection is already {label}.").format(label=name))
            return
        ops = []
        if accept is not None:
            ops.append(Op("set_span_status", page_id, {"id": accept.id, "status": "accepted"}))
        elif not done:
            args = {"start": start, "end": end, "label": name, "origin": "human"}
            ops.append(Op("add_span", page_id, {**args, "status": "accepted"}))
        ops += [Op("set_span_status", page_id, {"id": s.id, "status": "rejected"}) for s in reject]
        applied = self._apply_ops(ops)
        if applied is None:
            return
        self.view.select_span(accept or (done[0] if done else self._added(applied)))
        if accept is not None:
            self.message.emit(self.tr("Accepted the suggestion."))
        if reject:
            self.message.emit(
                self.tr("Rejected {n} overlapping suggestion(s).").format(n=len(reject))
            )

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
            # Review goes on with the next suggestion, so accept/reject is one key each: in
            # doubt order if U chose this one (page order would pass over doubtful ones).
            if span.id is not None and span.id == self._by_doubt:
                following = self._less_sure_than(span)
                self._by_doubt = following.id if following is not None else None
            else:
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

    def next_unsure_suggestion(self) -> None:
        """Select the open suggestion the model is least sure of, after the selected one in
        that order: the model's suggestions by rising confidence, then the others (rules,
        gazetteer) in page order. Reviewing the doubtful ones first is where a reviewer's
        time changes the gold most."""
        following = self._less_sure_than(self.view.selected_span())
        if following is None:
            if self.view.page_state is not None:
                self.message.emit(self.tr("No open suggestion is less sure than this one."))
            return
        self._by_doubt = following.id
        self.view.select_span(following)

    def _less_sure_than(self, current: Span | None) -> Span | None:
        """The open suggestion after ``current`` in doubt order (the first without one)."""
        state = self.view.page_state
        if state is None:
            return None
        after = [
            s
            for s in state.spans.values()
            if s.status == "suggested"
            and (current is None or _doubt_order(s) > _doubt_order(current))
        ]
        return min(after, key=_doubt_order, default=None)

    def next_span(self) -> None:
        self._jump(True, None, self.tr("No more spans after this point of the page."))

    def prev_span(self) -> None:
        self._jump(False, None, self.tr("No spans before this point of the page."))

    # --- page status -----------------------------------------------------------------------

    def finish_page(self) -> bool:
        """Mark the page done; open suggestions are settled first, as the reviewer chooses.

        Returns True when the page is now done. With suggestions open, a dialog offers to
        accept all, reject all, or go to the first one (the default, and Escape); accepting
        or rejecting is one batch with the status change, so one undo step restores both.
        """
        state = self.view.page_state
        if state is None:
            self.message.emit(self.tr("No page is open."))
            return False
        pending = open_suggestions(state)
        resolve = None
        if pending:
            resolve = self._ask_open_suggestions(len(pending))
            if resolve is None:
                first = pending[0].id
                self.view.select_span(None if first is None else self.view.spans.by_id.get(first))
                self.message.emit(
                    self.tr("{n} suggestion(s) still open: the first is selected.").format(
                        n=len(pending)
                    )
                )
                return False
        return self.edit_op(mark_done_op(state, resolve)) is not None

    def _ask_open_suggestions(self, count: int) -> str | None:
        """ "accept", "reject", or None (go to the first open suggestion)."""
        box = QMessageBox(self.window)
        box.setObjectName("open_suggestions_dialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Open suggestions"))
        box.setText(
            self.tr(
                "This page still has {n} open suggestion(s). A page is done only when every "
                "suggestion is accepted or rejected."
            ).format(n=count)
        )
        box.setInformativeText(self.tr("What should happen to them?"))
        role = QMessageBox.ButtonRole
        accept = box.addButton(self.tr("&Accept all and mark done"), role.AcceptRole)
        reject = box.addButton(self.tr("&Reject all and mark done"), role.DestructiveRole)
        first = box.addButton(self.tr("&Go to the first suggestion"), role.RejectRole)
        accept.setObjectName("accept_all")
        reject.setObjectName("reject_all")
        first.setObjectName("go_to_first")
        box.setDefaultButton(first)
        box.setEscapeButton(first)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is accept:
            return "accept"
        if clicked is reject:
            return "reject"
        return None

    def edit_figure(self) -> None:
        span = self._span()
        state = self.view.page_state
        if span is None or state is None:
            return
        from annotator.metrics import FIGURE  # (loaded by the warm-up first: gui/warmup.py)

        if span.label != FIGURE:
            # What the dialog takes would be exported as the name's or date's attributes.
            self.message.emit(
                self.tr("V sets the value and unit of a FIGURE; “{text}” is {label}.").format(
                    text=state.page.text[span.start : span.end], label=span.label
                )
            )
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
        self.problem = QLabel("", self)
        self.problem.setObjectName("figure_problem")
        self.problem.setWordWrap(True)
        self.problem.setMinimumWidth(320)
        self.problem.hide()
        form.addRow(self.problem)
        form.addRow(buttons)

    def accept(self) -> None:
        """Closes only on a value that is a finite number, or empty (no value): an unfinished
        one ("1e", "-") was taken as empty and removed the figure's value without a word,
        and "1e400" stored infinity, which JSON cannot hold (the export wrote ``Infinity``)."""
        text = self.value_edit.text().strip()
        if text and _parse_value(text) is None:
            self.problem.setText(
                self.tr(
                    "“{text}” is not a number. Enter the value in digits (7200000 or 7.2e6), "
                    "or leave it empty for no value."
                ).format(text=text)
            )
            self.problem.show()
            self.adjustSize()  # the dialog grows to show the whole reason
            self.value_edit.setFocus()
            return
        super().accept()

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


def _resolve_over(
    spans: list[Span], start: int, end: int, name: str
) -> tuple[Span | None, list[Span]]:
    """The open suggestion that labelling ``[start, end)`` as ``name`` accepts, and those it
    rejects (see ``ReviewController._label_selection``)."""
    accept: Span | None = None
    reject: list[Span] = []
    for span in spans:
        if span.status != "suggested":
            continue
        same_range = (span.start, span.end) == (start, end)
        crossing = not (start <= span.start and span.end <= end) and not (
            span.start <= start and end <= span.end
        )
        if same_range and span.label == name and accept is None:
            accept = span
        elif same_range or span.label == name or crossing:
            reject.append(span)
    return accept, reject


def _parse_value(text: str) -> int | float | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None  # "1e400", "inf", "nan": JSON has no such number
    return (
        int(number)
        if number.is_integer() and "." not in text and "e" not in text.lower()
        else number
    )


def _format_value(value: Any) -> str:
    return "" if value is None else str(value)


def _doubt_order(span: Span) -> tuple[float, int, int, int]:
    """Sort key of a suggestion in review-by-doubt order: the model's confidence (spans
    without one after every model span), then the page position."""
    confidence = span.attrs.get("confidence")
    doubt = float(confidence) if isinstance(confidence, int | float) else 2.0
    return (doubt, span.start, span.end, span.id or 0)
