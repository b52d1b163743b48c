"""The main window: page list, page view, outline, label palette and status bar.

It wires the parts together and handles the page-level commands (status, navigation,
import/export, preferences, help). Block and span commands live in ``review.py``; every
edit goes through the ``EditRunner``, and each view repaints only what the runner's
``changed`` signal names, from the page state that signal carries (the page is not read
again). Once a second the window asks the store whether another window wrote to the
database, and reloads what changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QWidget,
)

from annotator.edits import Changes, Op, PageState
from annotator.formats.registry import FORMATS
from annotator.gui import settings
from annotator.gui.actions import ActionRegistry, ShortcutSheet, all_specs
from annotator.gui.commands import OpCommand, PageStacks
from annotator.gui.outline import OutlinePanel
from annotator.gui.page_list import FILTERS, PageListPanel
from annotator.gui.page_view import PageView
from annotator.gui.page_view.view import DEFAULT_POINT_SIZE
from annotator.gui.palette import LabelPalette
from annotator.gui.preferences import Preferences, PreferencesDialog
from annotator.gui.retrain import RETRAIN_EVERY, Retrainer
from annotator.gui.review import ReviewController
from annotator.gui.runner import EditRunner
from annotator.gui.safekeeping import Safekeeping
from annotator.gui.warmup import Warmup
from annotator.gui.workers import paths_from_mime, run_export_request, run_import
from annotator.model import ROLES
from annotator.resources import seeds_dir
from annotator.store import Store
from annotator.store.folding import found_ranges
from annotator.store.shown import BEAT_S as SHOWN_BEAT_S

if TYPE_CHECKING:
    from annotator.gui.export_dialog import ExportDialog

POLL_MS = 1000
PLACE_MS = 5000
LIST_DELAY_MS = 400
# The outline follows edits and the caret once keys pause this long: repainting its tables
# costs more than the rest of a key press, and a held key (undo, arrows) then pays it once.
OUTLINE_DELAY_MS = 80
# Search indexing in the background: a step every frame or so, each of at most this many
# seconds (then the step ends after the page under way) …
INDEX_MS = 16
INDEX_BUDGET_S = 0.008
INDEX_STEP = 200  # … and at most this many pages
PHRASE_STEP = 50  # … or of the phrase index, whose pages cost about three times as much
PHRASES_QUIETLY = 200  # a phrase index lag this short is caught up with no message
MIN_FONT, MAX_FONT = 8.0, 40.0
MAX_LIST_WIDTH = 520  # the page list never takes more at start; longer ids elide in the middle


class MainWindow(QMainWindow):
    """One review window on one open database."""

    def __init__(
        self, store: Store, reviewer: str, db_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.db_path = Path(db_path)
        self.page_id: str | None = None
        self._page_message = ""  # the last message about the page (see _clear_page_message)
        # The runner checks other windows' writes against the state the view shows.
        self.runner = EditRunner(store, reviewer, self, shown=lambda: self.view.page_state)
        self.stacks = PageStacks(self.runner, self)
        self.labels = store.labels()
        self.view = PageView(self.labels, self)
        self.view.setObjectName("page_view")
        self.view.set_point_size(settings.font_size(DEFAULT_POINT_SIZE))
        self.outline = OutlinePanel(self)
        self.page_list = PageListPanel(store, self)
        self.review = ReviewController(self.view, self.runner, self.stacks, self)
        self.registry = ActionRegistry(
            self, all_specs(self.labels), [self.review, self], [self.view, self.outline]
        )
        self.label_palette = LabelPalette(self.labels, self.registry.actions, self)
        self._init_state()
        # Learnt models retrain on a worker thread after every few newly done pages.
        self.retrainer = Retrainer(self.db_path, self)
        self.retrainer.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.retrainer.learnt.connect(self._on_learnt)
        self._build()
        self._connect()
        self._start_timers()
        self._restore_place()
        self._keep_safe()
        QTimer.singleShot(0, self, self._offer_samples)
        QTimer.singleShot(0, self, self._start_indexing_if_behind)
        # The rules load on a thread once the window has painted itself; the first retrain
        # check waits. Set up last: a window whose building failed has nothing to check.
        self._warmup = Warmup(self)
        self._warmup.ready.connect(self._on_rules_loaded)
        self._warmup.start_after_first_paint(self)

    # --- construction ------------------------------------------------------------------

    def _init_state(self) -> None:
        """What the window remembers between events, nothing yet."""
        self._sheet: ShortcutSheet | None = None
        self._pending_top: int | None = None
        self._saved_place: tuple[str | None, int, int, str | None] | None = None
        self._pending_splitter: QByteArray | None = None
        # (page left by Done/Skip/Flag, page it opened, that page's undo index then): Ctrl+Z
        # there, before any edit of its own, goes back and undoes the status step.
        self._back: tuple[str, str, int] | None = None
        self._rules_loaded = False  # (gui/warmup.py, started once the window is built)
        self._closed = False

    def _start_timers(self) -> None:
        """The window's timers: lists and outline following edits, polling for other
        programs' writes, the place kept, the beat of the page shown, index catch-up."""
        # The page list (status, span counts) and the done count follow edits once the
        # reviewer pauses: re-reading them costs more than a key press may take.
        self._list_timer = QTimer(self, singleShot=True, interval=LIST_DELAY_MS)
        self._list_timer.timeout.connect(self._refresh_lists)
        self._outline_timer = QTimer(self, singleShot=True, interval=OUTLINE_DELAY_MS)
        self._outline_timer.timeout.connect(self._follow_in_outline)
        self._outline_changes: Changes | None = None  # not shown there yet
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.check_external)
        self._poll.start()
        self._place_timer = QTimer(self, interval=PLACE_MS)
        self._place_timer.timeout.connect(self._save_place_if_moved)
        self._place_timer.start()
        # Other programs' retrains leave the page shown here alone while this window beats.
        self._shown_timer = QTimer(self, interval=SHOWN_BEAT_S * 1000)
        self._shown_timer.timeout.connect(self.store.still_showing)
        self._shown_timer.start()
        # A search index that lags far behind (an upgrade rebuilt it) is caught up in small
        # steps while the window runs; search is complete meanwhile, only slower.
        self._index_timer = QTimer(self, interval=INDEX_MS)
        self._index_timer.timeout.connect(self._index_step)
        self._index_left: dict[str, int] = {}  # pages each index lacks, counted down
        self._index_quietly = False  # a short lag of the phrase index: no messages

    def _build(self) -> None:
        self.setWindowTitle(self.tr("{name} — Annotator").format(name=self.db_path.name))
        self.setAcceptDrops(True)
        toolbar = QToolBar(self.tr("Labels"), self)
        toolbar.setObjectName("palette_bar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.label_palette)
        self.addToolBar(toolbar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.page_list, self.view, self.outline):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        # Wide enough for whole page ids (their distinctive part is often the end).
        list_width = min(max(260, self.page_list.width_for_ids()), MAX_LIST_WIDTH)
        self.splitter.setSizes([list_width, 900, 340])
        self.setCentralWidget(self.splitter)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.status_reviewer = QLabel(self)
        self.status_page = QLabel(self)
        self.status_done = QLabel(self)
        self.status_saved = QLabel(self.tr("Nothing saved yet"), self)
        # Shown while an edit waits for another program to release the database.
        self.status_waiting = QLabel(self)
        self.status_waiting.setObjectName("status_waiting")
        self.status_waiting.hide()
        self.statusBar().addPermanentWidget(self.status_waiting)
        # What the last retraining learnt, in full, as its tooltip (the message is a line).
        self.status_learnt = QLabel(self)
        self.status_learnt.setObjectName("status_learnt")
        self.status_learnt.hide()
        self.statusBar().addPermanentWidget(self.status_learnt)
        fields = (self.status_reviewer, self.status_page, self.status_done, self.status_saved)
        for i, label in enumerate(fields):
            if i:  # a space apart, "Reviewer: Ana Page 3 of 9 Done: 1" read as one sentence
                self.statusBar().addPermanentWidget(_field_line(self))
            label.setContentsMargins(4, 0, 4, 0)
            self.statusBar().addPermanentWidget(label)
        self._show_reviewer()
        self._update_counts()

    def _connect(self) -> None:
        self.runner.changed.connect(self._on_changed)
        self.runner.failed.connect(self.show_message)
        self.runner.externalChange.connect(self._on_external)
        self.review.message.connect(self.show_message)
        self.page_list.pageActivated.connect(self._open_from_list)
        self.page_list.leaveSearch.connect(self.focus_text)
        self.page_list.nothingFound.connect(
            lambda text: self.show_message(self._nothing_found(text))
        )
        self.page_list.filterApplied.connect(self._update_position)  # "Match 3 of 17"
        self.outline.rangeActivated.connect(self._on_outline_range)
        self.outline.entered.connect(self._outline_now)
        self.view.caretMoved.connect(self._on_caret)
        self.view.spanSelected.connect(self._on_span_selected)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.runner.waiting.connect(self._on_waiting)
        self.stacks.message.connect(self.show_message)
        group = self.stacks  # Undo/Redo follow what the store says can really be done
        group.canUndoChanged.connect(self._on_can_undo)
        group.canRedoChanged.connect(self.registry.actions["redo"].setEnabled)
        group.undoTextChanged.connect(self._on_undo_text)
        group.redoTextChanged.connect(lambda text: self._set_undo_text("redo", text))
        self.registry.actions["undo"].setEnabled(False)
        self.registry.actions["redo"].setEnabled(False)
        self._hint_nothing_to_undo_or_redo()

    def _hint_nothing_to_undo_or_redo(self) -> None:
        """Ctrl+Z (Ctrl+Y) with nothing to undo (redo) on the page says so, and where the
        last edit is: each page keeps its own history, so after Ctrl+PgDown the key did
        nothing, without a word, and the reviewer's last edit seemed lost. A shortcut of its
        own, enabled only while the action is not (two enabled shortcuts of one key would
        both be dead)."""
        for action_id, slot in (("undo", self._nothing_to_undo), ("redo", self._nothing_to_redo)):
            action = self.registry.actions[action_id]
            hint = QShortcut(self)
            hint.setKeys(action.shortcuts())
            hint.setContext(Qt.ShortcutContext.WindowShortcut)
            hint.activated.connect(slot)
            action.changed.connect(
                lambda action=action, hint=hint: hint.setEnabled(not action.isEnabled())
            )
            hint.setEnabled(not action.isEnabled())

    def _nothing_to_redo(self) -> None:
        if self.page_id is None:
            return
        self.show_message(self.tr("Nothing to redo on this page."))

    def _nothing_to_undo(self) -> None:
        if self.page_id is None or self.stacks.stack(self.page_id).index() > 0:
            return  # refused for another reason, said when it became so
        last = self.stacks.last_page
        if last is not None and last != self.page_id and self.stacks.stack(last).canUndo():
            self.show_message(
                self.tr(
                    "Nothing to undo on this page: each page keeps its own undo history. "
                    "Your last edit is on page {page}; open it to undo it there."
                ).format(page=last)
            )
        else:
            self.show_message(self.tr("Nothing to undo on this page."))

    def _set_undo_text(self, action_id: str, text: str) -> None:
        base = self.tr("Undo") if action_id == "undo" else self.tr("Redo")
        self.registry.actions[action_id].setText(f"{base} {text}".strip())

    # --- pages ---------------------------------------------------------------------------

    def open_page(self, page_id: str, *, caret: int = 0, top: int | None = None) -> None:
        """Show ``page_id`` with its own undo history; ``top``: code point to scroll to."""
        if page_id == self.page_id:
            return
        self._back = None
        self._clear_page_message()
        if self.runner.written_elsewhere():
            # Another window wrote since: the undo stacks of pages shown before, this one's
            # too, are read again from the log when next shown. The page's state read
            # below is the new one, so the once-a-second look will not see this write:
            # the list and counts are refreshed for it here.
            self.stacks.forget_others(None)
            self._list_timer.start()
        self.retrainer.showing(page_id)  # before the state is read: no rewrite after it
        self.store.show_page(page_id)  # nor by another window's retrain
        state = self.store.page_state(page_id)
        self.page_id = page_id
        self.view.set_page(state)
        self._set_outline_page(state)
        self.stacks.activate(page_id)
        self.view.move_caret(min(caret, len(state.page.text)))
        if top is not None:
            self.view.scroll_to_top(top)
        self.page_list.select_page(page_id)
        self._update_position()

    def _open_from_list(self, page_id: str) -> None:
        """Open the page chosen in the list; under a text search, with its first hit
        selected and in sight (a page has thousands of characters to scan otherwise)."""
        self._open_found(page_id)

    def _open_found(self, page_id: str) -> None:
        """Open ``page_id``; under a search, with its first hit selected. Every way to the
        next page found (the list, Ctrl+PgDown, Ctrl+Return) shows the hit the same way."""
        self.open_page(page_id)
        search = self.page_list.search_text()
        state = self.view.page_state
        if search and state is not None and state.page.id == page_id:
            # Search folds case and width: the hit is the page's own text (ＣＯＶＩＤ for covid).
            hits = found_ranges(state.page.text, search)
            if hits:
                self.view.select_text(*hits[0])

    def next_page(self) -> None:
        self._step_page(1)

    def prev_page(self) -> None:
        self._step_page(-1)

    def _step_page(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous page of the list as it shows,
        by its status filter and, under a search, among the pages found (a reviewer
        working through search results stays in them, as Ctrl+Return does)."""
        if self.page_id is None:
            return
        self.page_list.apply_typed_search()
        search = self.page_list.search_text()
        status = self.page_list.status_filter()
        found = self.store.neighbour_page(self.page_id, step, status, search)
        if found is not None:
            self._open_found(found)
        elif search and self.store.first_page(status, search) is None:
            self.show_message(self._nothing_found(search))
        elif search and self.store.page_position(self.page_id, status, search) is None:
            # This page is not among them (searched for after it was opened): "the last
            # page found" would name it.
            after = self.tr("No page after this one is found by “{search}”.")
            before = self.tr("No page before this one is found by “{search}”.")
            self.show_message((after if step > 0 else before).format(search=search))
        elif search:
            last = self.tr("This is the last page found by “{search}”.")
            first = self.tr("This is the first page found by “{search}”.")
            self.show_message((last if step > 0 else first).format(search=search))
        else:
            last, first = self.tr("This is the last page."), self.tr("This is the first page.")
            self.show_message(last if step > 0 else first)

    def _nothing_found(self, search: str) -> str:
        return self.tr("No page found by “{search}”: its text or id holds none.").format(
            search=search
        )

    def _next_to_review(self) -> None:
        page_id = self.page_id or ""
        in_order = False
        # Under a search, the reviewer works through the pages found: the next of those,
        # or the least sure of those.
        self.page_list.apply_typed_search()
        search = self.page_list.search_text()
        if getattr(self, "_least_sure_next", False):
            least_sure = self.store.least_sure_page(exclude=page_id, search=search)
            if least_sure is not None:
                self._open_found(least_sure)
                return
            in_order = True
        following = self.store.neighbour_page(
            page_id, 1, "not_done", search
        ) or self.store.first_page("not_done", search)
        if following is None or following == self.page_id:
            if search and self.store.first_page(None, search) is None:
                self.show_message(self._nothing_found(search))
            elif search:
                self.show_message(
                    self.tr("Every page found by “{search}” is done or skipped.").format(
                        search=search
                    )
                )
            else:
                self.show_message(self.tr("Every page is done or skipped."))
            return
        self._open_found(following)
        if in_order and search:
            self.show_message(
                self.tr(
                    "No page found by “{search}” has suggestions of the learnt model: "
                    "this is the next page found, in order."
                ).format(search=search)
            )
        elif in_order:  # the reviewer asked for the least sure page: say why this one instead
            self.show_message(
                self.tr(
                    "No page has suggestions of the learnt model yet (it learns after every "
                    "{n} done pages): this is the next page in order."
                ).format(n=RETRAIN_EVERY)
            )

    def _set_status(self, status: str, note: str | None = None) -> bool:
        if self.page_id is None:
            return False
        args: dict[str, object] = {"status": status}
        if note is not None:
            args["note"] = note
        return self.review.edit_op(Op("set_page_status", self.page_id, args)) is not None

    def _advance(self) -> None:
        """The next page after Done, Skip or Flag; Ctrl+Z there, before any edit of its
        own, comes back to the page left and undoes that step (else a slip of Ctrl+Return,
        say "accept all", could only be found again through the page list)."""
        left = self.page_id
        self._next_to_review()
        if left is not None and self.page_id not in (None, left):
            self._back = (left, self.page_id, self.stacks.stack(self.page_id).index())
            self.stacks.refresh()  # Undo now names the step on the page left

    def _undo_back(self) -> str | None:
        """The page Ctrl+Z goes back to (see ``_advance``), or None."""
        if self._back is None:
            return None
        left, arrived, index = self._back
        if self.page_id != arrived or self.stacks.stack(arrived).index() != index:
            return None  # the reviewer has edited here since: undo that first
        return left if self.stacks.stack(left).canUndo() else None

    def _on_can_undo(self, can: bool) -> None:
        self.registry.actions["undo"].setEnabled(can or self._undo_back() is not None)

    def _on_undo_text(self, text: str) -> None:
        back = self._undo_back()
        if back is not None:
            text = self.tr("{what} (page {page})").format(
                what=self.stacks.stack(back).undoText(), page=back
            )
        self._set_undo_text("undo", text)

    def mark_done(self) -> None:
        # The review controller settles open suggestions first (issue 8, item 3).
        state = self.view.page_state
        bare = state is not None and all(b.article is None for b in state.blocks)
        if self.review.finish_page():
            self._advance()
            if bare and state is not None:
                # Such a page gives no record in an export: a page of adverts is right to,
                # a page whose paragraphs were all marked X by a slip is not.
                said = self.statusBar().currentMessage()
                text = self.tr(
                    "Page {page} is done with no article on it (page furniture only): an "
                    "export gives it no record. Ctrl+Z undoes that."
                ).format(page=state.page.id)
                self.show_message(f"{text} {said}".strip())

    def mark_done_least_sure(self) -> None:
        """What ``mark_done`` does, then open the page holding the learnt model's least
        sure suggestion (uncertainty first: the reviewer's time goes where the model
        learns most); page order when no page has model suggestions."""
        self._least_sure_next = True
        try:
            self.mark_done()
        finally:
            self._least_sure_next = False

    def skip_page(self) -> None:
        if self._set_status("skipped"):
            self._advance()

    def flag_page(self) -> None:
        if self.page_id is None:
            return
        note, ok = QInputDialog.getText(
            self, self.tr("Flag the page"), self.tr("What is wrong with this page?")
        )
        if ok and self._set_status("flagged", note.strip() or None):
            self._advance()

    # --- changes -------------------------------------------------------------------------

    def _on_changed(self, changes: Changes, state: PageState, initiator: object) -> None:
        if self.runner.last_saved is not None:
            self._on_saved(self.runner.last_saved)
        if changes.page_id != self.page_id:
            return
        if initiator is not None:  # the reviewer's own edit, undo or redo: saved
            self._clear_page_message()
        ranges = self.view.apply_changes(state, changes)
        if isinstance(initiator, OpCommand) and ranges:
            # Undo and redo show where they acted, as a text editor does.
            self.view.move_caret(min(start for start, _ in ranges))
        self._show_in_outline_later(changes)
        if changes.status or changes.spans:
            self._list_timer.start()  # restarts: once the reviewer pauses

    def _on_learnt(self, summary: str, details: str) -> None:
        self.status_learnt.setText(
            self.tr("Learnt {time}").format(time=datetime.now().strftime("%H:%M"))
        )
        self.status_learnt.setToolTip(details)
        self.status_learnt.show()
        self.statusBar().showMessage(summary, 15000)

    def _on_saved(self, when: datetime) -> None:
        self.status_saved.setText(self.tr("Saved {time}").format(time=when.strftime("%H:%M:%S")))

    def check_external(self) -> None:
        """Poll for another window's writes (the store compares PRAGMA data_version)."""
        self.runner.poll()

    def _start_indexing_if_behind(self) -> None:
        # Import leaves the phrase index to the window (not to commands, which must never
        # write unasked): the pages of a small import are indexed quietly.
        behind = self.store.search_lag(at_most=1)
        lag = self.store.phrase_lag(at_most=PHRASES_QUIETLY + 1)
        if behind or lag:
            self._index_quietly = not behind and lag <= PHRASES_QUIETLY
            self._index_left.clear()  # counted again at the first step
            self._index_timer.start()

    def _index_step(self) -> None:
        # A step ends once INDEX_BUDGET_S have passed (a few pages of 3,400 characters):
        # the window never stops responding for longer than a frame or so, however many
        # pages an upgrade or an import left unindexed (bench/index_fill.py). The trigram
        # index first (every search uses it), then the phrase index (four or more
        # characters), which an import leaves to the window.
        store = self.store
        try:
            taken = store.index_search(INDEX_STEP, wait=False, budget_s=INDEX_BUDGET_S)
            left = self._still_left("search", taken, store.search_lag)
            if not left:
                taken = store.index_phrases(PHRASE_STEP, wait=False, budget_s=INDEX_BUDGET_S)
                left = self._still_left("phrases", taken, store.phrase_lag)
        except sqlite3.Error as exc:  # a full disk, say: search still works, only slower
            self._index_timer.stop()
            self.statusBar().showMessage(
                self.tr("Search index not updated: {error}").format(error=exc), 8000
            )
            return
        if not left:
            self._index_timer.stop()
            if not self._index_quietly:
                self.statusBar().showMessage(self.tr("Search index up to date"), 4000)
        elif not self._index_quietly:
            self.statusBar().showMessage(
                self.tr("Indexing pages for search: {n} left").format(n=f"{left:,}"), 1000
            )

    def _still_left(self, index: str, taken: int, lag: Callable[..., int]) -> int:
        """How many pages ``index`` still lacks after a step took ``taken``, for the status
        bar. Each step asks only whether any is left; the pages are counted at the first
        step (over 100,000 pages a count takes ~10 ms) and counted down after, again when
        that runs out early (another program imported meanwhile)."""
        if not lag(at_most=1):
            self._index_left.pop(index, None)
            return 0
        left = self._index_left.get(index, 0) - taken
        if left <= 0:
            left = lag()
        self._index_left[index] = left
        return left

    def _save_place_if_moved(self) -> None:
        # Off the key-press path (a settings file write may wait for the disk), yet within
        # a few seconds the page, caret and scroll are kept even if the process is killed.
        if self.page_id is not None and self._place_key() != self._saved_place:
            self._remember_place()

    def _on_external(self, page_id: str, changed: bool) -> None:
        if not page_id:  # no page was shown: another window or the CLI imported pages
            self._refresh_lists()
            first = self.store.first_page()
            if first is not None:
                self.open_page(first)
            return
        # Undo stacks of the pages not shown are read again from the log when next shown.
        self.stacks.forget_others(page_id)
        if changed:
            # Deferred: this may run inside an undo stack's own undo() call. Dropped if the
            # window goes first (its stacks are deleted with it).
            QTimer.singleShot(0, self, lambda: self.stacks.rebuild(page_id))
            if page_id == self.page_id:
                self._reload_page()
        elif page_id == self.page_id:
            self.view.adopt(self.store.page_state(page_id))  # equal: nothing to repaint
        self._list_timer.start()

    def _refresh_lists(self) -> None:
        self.page_list.refresh()
        self._update_counts()
        # The reviewer paused: flush the log now, not mid-key, and not on this thread.
        self.runner.store.checkpoint(wait=False)

    def _reload_page(self) -> None:
        if self.page_id is None:
            return
        caret, top = self.view.caret(), self.view.top_char()
        state = self.store.page_state(self.page_id)
        self.view.set_page(state)
        self._set_outline_page(state)
        self.view.move_caret(min(caret, len(state.page.text)))
        self.view.scroll_to_top(top)

    # --- view and outline ----------------------------------------------------------------

    def _on_caret(self, cp: int) -> None:
        self._outline_timer.start()  # restarts: the outline follows once keys pause

    def _on_span_selected(self, span: object) -> None:
        self._outline_timer.start()

    def _set_outline_page(self, state: PageState) -> None:
        self._outline_changes = None  # the new page replaces whatever was still to show
        self.outline.set_page(state, self._role_names(), self._label_colours())

    def _show_in_outline_later(self, changes: Changes) -> None:
        if self._outline_changes is not None:  # several edits while keys were pressed
            changes = self._outline_changes | changes
        self._outline_changes = changes
        self._outline_timer.start()

    def _outline_now(self) -> None:
        """Bring the outline up to date before a key acts in it (the pause may not have come)."""
        if self._outline_timer.isActive():
            self._outline_timer.stop()
            self._follow_in_outline()

    def _follow_in_outline(self) -> None:
        """Show the edits made since the outline last looked, and the caret's block and span."""
        state = self.view.page_state  # the page as the last edit left it
        if self._outline_changes is not None and state is not None:
            changes, self._outline_changes = self._outline_changes, None
            self.outline.apply_changes(state, changes)
        if self.page_id is not None:
            self.outline.follow_caret(self.view.current_block(), self.view.selected_span())

    def _on_outline_range(self, start: int, end: int, span_id: object) -> None:
        span = self.view.spans.by_id.get(span_id) if isinstance(span_id, int) else None
        if span is not None:
            self.view.select_span(span)
        else:
            self.view.move_caret(start)

    def _context_menu(self, pos: QPoint) -> None:
        if not self.view.textCursor().hasSelection():
            cp = self.view.char_at(pos)
            if cp is not None:
                self.view.move_caret(cp)
        self.registry.context_menu(self).exec(self.view.viewport().mapToGlobal(pos))

    def _role_names(self) -> dict[str, str]:
        return {role: self.view.role_name(role) for role in ROLES}

    def _label_colours(self) -> dict[str, QColor]:
        return {label.name: self.view.style_.label_colour(label.name) for label in self.labels}

    def zoom_in(self) -> None:
        self._zoom(1)

    def zoom_out(self) -> None:
        self._zoom(-1)

    def _zoom(self, step: int) -> None:
        size = min(MAX_FONT, max(MIN_FONT, self.view.point_size() + step))
        self.view.set_point_size(size)
        settings.set_font_size(size)

    def find_page(self) -> None:
        self.page_list.search_box.setFocus()
        self.page_list.search_box.selectAll()

    def next_hit(self) -> None:
        self._step_hit(1)

    def prev_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        """F3 / Shift+F3: the next or previous hit of the search on the open page, selected
        (a page found may hold the phrase many times; only the first was shown), round
        to the other end of the page after the last."""
        self.page_list.apply_typed_search()
        search = self.page_list.search_text()
        state = self.view.page_state
        if not search or state is None:
            self.show_message(self.tr("No search to step through: Ctrl+F searches the pages."))
            return
        hits = found_ranges(state.page.text, search)  # folded, as search finds pages
        if not hits:
            self.show_message(
                self.tr(
                    "“{search}” is not in this page's text (Ctrl+PgDown: the next page found)."
                ).format(search=search)
            )
            return
        selected = self.view.selection_range()
        caret = self.view.caret()
        current = next((i for i, h in enumerate(hits) if selected == h), None)
        if current is not None:
            i = current + step
        elif step > 0:
            i = next((k for k, (start, _) in enumerate(hits) if start >= caret), len(hits))
        else:
            i = next((k for k in reversed(range(len(hits))) if hits[k][1] <= caret), -1)
        wrapped = not 0 <= i < len(hits)
        i %= len(hits)
        self.view.select_text(*hits[i])
        self.show_message(
            (
                self.tr("Hit {n} of {count} of “{search}” on this page, round again.")
                if wrapped
                else self.tr("Hit {n} of {count} of “{search}” on this page.")
            ).format(n=i + 1, count=len(hits), search=search)
        )

    def focus_text(self) -> None:
        self.view.setFocus()

    # --- undo ----------------------------------------------------------------------------

    def undo(self) -> None:
        back = self._undo_back()
        if back is not None:
            what = self.stacks.stack(back).undoText()
            self.open_page(back)
            self.stacks.undo()  # before the message: the saved undo clears older ones
            self.show_message(
                self.tr("Back on page {page} to undo: {what}.").format(page=back, what=what)
            )
            return
        self.stacks.undo()

    def redo(self) -> None:
        self.stacks.redo()

    # --- status bar ----------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self._page_message = text
        self.statusBar().showMessage(text, 8000)

    def _clear_page_message(self) -> None:
        """Drop the last message about the page (a refusal, "N still open") once an edit of
        the reviewer's is saved or another page opens: left for its 8 s, it reads as the
        verdict on the key just pressed. Messages of the window (learning, backups) stay."""
        if self._page_message and self.statusBar().currentMessage() == self._page_message:
            self.statusBar().clearMessage()
        self._page_message = ""

    def _on_waiting(self, text: str) -> None:
        self.status_waiting.setText(text)
        self.status_waiting.setVisible(bool(text))

    def _show_reviewer(self) -> None:
        self.status_reviewer.setText(self.tr("Reviewer: {name}").format(name=self.runner.reviewer))

    def _update_position(self) -> None:
        """The open page's place: "Page 120 of 2,000"; under a search, its place among the
        pages found first ("Match 3 of 17 · page 120 of 2,000"), as the Page keys walk them."""
        total = self.store.count_pages()
        row = self.store.page_position(self.page_id) if self.page_id else None
        if row is None:
            self.status_page.setText(self.tr("{total} pages").format(total=f"{total:,}"))
            return
        page = self.tr("Page {n} of {total}").format(n=f"{row + 1:,}", total=f"{total:,}")
        found = self.page_list.found_position(self.page_id) if self.page_id else None
        if found is not None:
            where = self._place_in_list(*found)
            page = self.tr("{where} · page {n} of {total}").format(
                where=where, n=f"{row + 1:,}", total=f"{total:,}"
            )
        self.status_page.setText(page)

    def _place_in_list(self, row: int | None, count: int | None) -> str:
        """The open page's place among the pages the list shows, as the Page keys walk them:
        the matches of a search ("Match 3 of 17"), else the pages of the status filter
        ("List: 3 of 17"; under "To review" a page just marked done has left it)."""
        counted = "…" if count is None else f"{count:,}"  # "…": still being counted
        if self.page_list.model.search:
            if row is not None:
                return self.tr("Match {n} of {count}").format(n=f"{row + 1:,}", count=counted)
            if count == 0:
                return self.tr("No match")
            return self.tr("Not among the {count} matches").format(count=counted)
        if row is not None:
            return self.tr("List: {n} of {count}").format(n=f"{row + 1:,}", count=counted)
        return self.tr("Not in the list of {count}").format(count=counted)

    def _update_counts(self) -> None:
        counts = self.store.status_counts()
        total = sum(counts.values())
        self.status_done.setText(
            self.tr("Done: {done} of {total}").format(
                done=f"{counts['done']:,}", total=f"{total:,}"
            )
        )
        if self._rules_loaded:  # (the check imports them: not before the warm-up is done)
            self.retrainer.check(
                self.store, counts["done"], (self.page_id,) if self.page_id else ()
            )

    @property
    def rules_loaded(self) -> bool:
        """Whether the warm-up has loaded the rules (gui/warmup.py)."""
        return self._rules_loaded

    def _on_rules_loaded(self) -> None:
        self._rules_loaded = True
        if not self._closed:
            self._update_counts()

    # --- file ----------------------------------------------------------------------------

    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import page files"), "", self.tr("Page text (*.txt *.md);;All files (*)")
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of pages"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import on the worker thread, then show the new pages."""
        report = run_import(self, self.db_path, paths)
        self._start_indexing_if_behind()  # the new pages' phrase index, in the background
        self.page_list.refresh()
        self._update_counts()
        self._update_position()
        if report is not None and self.page_id is None:
            first = self.store.first_page()
            if first is not None:
                self.open_page(first)

    def export(self) -> None:
        """File › Export: the command line's choices in a dialog (issue 12), then the export
        on a worker thread; the dialog stays reachable as ``_export_dialog`` for tests."""
        from annotator.gui.export_dialog import ExportDialog  # (exporting: not at start)

        hints = {"labels": sorted(self.store.label_names())}
        dialog = ExportDialog(self._export_filters(), hints, self)
        self._export_dialog = dialog
        dialog.accepted.connect(lambda: self._run_export_dialog(dialog))
        dialog.open()

    def _run_export_dialog(self, dialog: ExportDialog) -> None:
        run_export_request(self, self.db_path, dialog.target(), dialog.request())

    def _export_filters(self) -> dict[str, str]:
        """File-dialog filters of every export format, Gold JSONL first. A folder format
        (BRAT) writes into a folder of the name given."""
        filters = {"jsonl": self.tr("Gold JSONL (*.jsonl)"), "json": self.tr("JSON array (*.json)")}
        for name, fmt in FORMATS.items():
            if name not in filters:
                pattern = f"*{fmt.suffix}" if fmt.suffix else self.tr("a folder")
                filters[name] = f"{name} ({pattern})"
        return filters

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if paths_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            # After the drop returns: the import's modal dialog must not run inside it.
            QTimer.singleShot(0, self, lambda: self.import_paths(paths))

    def _offer_samples(self) -> None:
        if self.store.count_pages() > 0:
            return
        answer = QMessageBox.question(
            self,
            self.tr("No pages yet"),
            self.tr("This database has no pages. Load the bundled sample pages to try Annotator?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.import_paths([seeds_dir()])

    def preferences(self) -> None:
        current = Preferences(
            self.runner.reviewer,
            settings.language(),
            self.view.point_size(),
            settings.backups_kept(),
        )
        dialog = PreferencesDialog(current, self)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        chosen = dialog.result_preferences()
        if chosen.reviewer:
            self.runner.reviewer = chosen.reviewer
            settings.set_reviewer(chosen.reviewer)
            self._show_reviewer()
        if chosen.language != current.language:
            settings.set_language(chosen.language)
            self.show_message(self.tr("The new language applies the next time Annotator starts."))
        if chosen.font_size != current.font_size:
            self.view.set_point_size(chosen.font_size)
            settings.set_font_size(chosen.font_size)
        if chosen.backups_kept != current.backups_kept:
            settings.set_backups_kept(chosen.backups_kept)

    def shortcuts(self) -> None:
        if self._sheet is None:
            self._sheet = ShortcutSheet(self.registry.specs, self)
        self._sheet.show()
        self._sheet.raise_()

    def dashboard(self) -> None:
        """Charts of label and role distributions and reviewer throughput (issue 12)."""
        from annotator.gui.dashboard import DashboardDialog
        from annotator.statistics import figures

        if getattr(self, "_dashboard", None) is None:
            self._dashboard = DashboardDialog(
                lambda: figures(self.store), self._label_colours(), self._role_names(), self
            )
        else:
            self._dashboard.refresh()
        self._dashboard.show()
        self._dashboard.raise_()

    # --- place ---------------------------------------------------------------------------

    def _restore_place(self) -> None:
        place = settings.load_place(self.db_path)
        if place.geometry is not None:
            self.restoreGeometry(place.geometry)
        else:
            self.resize(1500, 900)
        self._pending_splitter = place.splitter
        if place.status_filter and place.status_filter in FILTERS:
            self.page_list.set_status_filter(place.status_filter)
        page_id = place.page_id if place.page_id and self.store.has_page(place.page_id) else None
        page_id = page_id or self.store.first_page("not_done") or self.store.first_page()
        if page_id is not None:
            same = page_id == place.page_id
            self.open_page(page_id, caret=place.caret if same else 0)
            if same:
                self._pending_top = place.scroll
        self.view.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # Only once the window has its size do the splitter and visual lines (the scroll
        # unit) have theirs.
        if self._pending_splitter is not None:
            self.splitter.restoreState(self._pending_splitter)
            self._pending_splitter = None
        if self._pending_top is not None:
            top, self._pending_top = self._pending_top, None
            QTimer.singleShot(0, self, lambda: self.view.scroll_to_top(top))

    def _place_key(self) -> tuple[str | None, int, int, str | None]:
        return (
            self.page_id,
            self.view.caret(),
            self.view.top_char(),
            self.page_list.status_filter(),
        )

    def _remember_place(self) -> None:
        place = settings.WindowPlace(
            geometry=self.saveGeometry(),
            splitter=self.splitter.saveState(),
            page_id=self.page_id,
            caret=self.view.caret() if self.page_id else 0,
            scroll=self.view.top_char() if self.page_id else 0,
            status_filter=self.page_list.status_filter() or "",
        )
        settings.save_place(self.db_path, place)
        self._saved_place = self._place_key()

    # --- backups and damage (issue 8) -------------------------------------------------

    def _keep_safe(self) -> None:
        self.safekeeping = Safekeeping(self.runner, self.db_path, self)
        self.runner.damaged.connect(self.safekeeping.report_damage)
        self.safekeeping.backupFailed.connect(self.show_message)
        self.safekeeping.backedUp.connect(
            lambda path: self.show_message(self.tr("Backed up to {path}").format(path=path))
        )
        self.safekeeping.check_later()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.retrainer.stop()  # first: a training stops rewriting pages while this closes
        self._closed = True  # (its store is closed next: a late warm-up checks nothing)
        if not self.runner.finish_pending():  # an edit still waiting for another program
            QMessageBox.warning(
                self,
                self.tr("Edit not saved"),
                self.tr(
                    "Another program still holds the database, so the last edit was not "
                    "saved. Everything before it is saved."
                ),
            )
        self.safekeeping.close()
        self._poll.stop()
        self._shown_timer.stop()
        self.store.show_page(None)
        self._place_timer.stop()
        self._remember_place()
        if self._sheet is not None:
            self._sheet.close()
        if self.retrainer.running:
            # The training keeps its model, so it is waited for, but out of sight: at a
            # lower priority on a busy machine it may take a minute.
            self.hide()
            QGuiApplication.sync()
        self.retrainer.shutdown()
        super().closeEvent(event)


def _field_line(parent: QWidget) -> QFrame:
    """A thin upright line between two fields of the status bar."""
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
