"""The page list panel (left of the window): status filter, search box and page table.

The table reads a lazy :class:`PageListModel`, so it stays quick with 100,000 pages. The
panel tells the window which page the reviewer chose by ``pageActivated``; the window
tells the panel what changed by ``refresh()`` and which page it shows by ``select_page()``.
Selections the window makes never echo back as ``pageActivated``.

A search runs on a background thread with its own database connection (typing never
waits for it); the list keeps showing the previous result until the new one is ready.
A query of four or more characters of a common phrase shows its first pages as soon as
they are found (or confirmed, while the phrase index catches up); the whole list, the
counts and the selected page's row in it follow.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QMargins,
    QModelIndex,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.page_list_model import (
    COL_ARTICLES,
    COL_PAGE,
    COL_SPANS,
    COL_STATUS,
    FilterResult,
    PageListModel,
    compute_filter,
    filter_counts,
)
from annotator.store import Store

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 200

# Filter values in combo order; None is "all pages".
FILTERS: tuple[str | None, ...] = (
    None,
    "not_done",
    "new",
    "in_progress",
    "done",
    "skipped",
    "flagged",
)


class _SearchBox(QLineEdit):
    """A search field whose Down key moves on to the list, as in a browser's address bar,
    and whose Escape goes back to the page (the search stays); Return (the panel's) opens
    the first page found."""

    downPressed = Signal()
    escapePressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            return
        super().keyPressEvent(event)


class PageListPanel(QWidget):
    """Status filter with counts, debounced full-text search, and the page table."""

    pageActivated = Signal(str)
    leaveSearch = Signal()  # Escape in the search box: back to the page text
    nothingFound = Signal(str)  # Return in the search box found no page: the search
    filterApplied = Signal()  # the list now shows the chosen filter and search

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._quiet = False  # True while the panel itself moves the selection
        # The selected page by id: a row number may show another page once the database
        # changed, and the row's cached window may be gone.
        self._selected: str | None = None
        self._target: tuple[str | None, str | None] = (None, None)  # filter and search asked
        self._generation = 0  # of the latest filter asked for
        self._shown = 0  # of the filter on screen
        self._counted = 0  # of the counts in the filter box
        self._open_first = False  # Return pressed: open the first page found once shown
        self._complete = True  # the list on screen is whole (not only its first rows)
        self._ticket = _Ticket()
        self._db_file = _database_file(store)
        self.model = PageListModel(store, self)
        self.filter_box = QComboBox(self)
        self.search_box = _SearchBox(self)
        self.view = QTableView(self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self._set_counts(filter_counts(store, None))

    # --- construction --------------------------------------------------------------

    def _build(self) -> None:
        self.filter_box.setToolTip(self.tr("Show pages of one review status"))
        self.filter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search_box.setPlaceholderText(self.tr("Search page text or id…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setToolTip(
            self.tr(
                "Full-text search over every page; Return opens the first page found, "
                "Down moves to the list, Escape goes back to the page"
            )
        )
        self._build_view()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.search_box)
        layout.addWidget(self.view)

    def _build_view(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setShowGrid(False)
        view.setWordWrap(False)
        # Ids often share a prefix (a date, "page_"): keep both ends of a long one visible.
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        rows = view.verticalHeader()
        rows.hide()
        # Fixed, uniform row heights: the view never asks for rows it does not paint.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 6)
        columns = view.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Fixed)
        columns.resizeSection(COL_STATUS, 28)
        columns.setSectionResizeMode(COL_PAGE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the widest likely value and the header: sizing to contents
        # would fetch a thousand rows to measure them.
        for column, sample in ((COL_ARTICLES, "999"), (COL_SPANS, "999 / 999")):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                view.fontMetrics().horizontalAdvance(sample) + 14,
                columns.fontMetrics().horizontalAdvance(title) + 18,
            )
            columns.resizeSection(column, width)

    # --- whole page ids (issue 8) ----------------------------------------------------

    def width_for_ids(self, sample: int = 200) -> int:
        """The panel width at which the longest id among the first ``sample`` rows shows
        whole (ids of one batch share a pattern; their distinctive part is often the end,
        as in ``000_382c0e4239e1860e``); 0 for an empty list."""
        rows = (self.model.page_row(i) for i in range(min(self.model.rowCount(), sample)))
        ids = [row.id for row in rows if row is not None]
        if not ids:
            return 0
        view = self.view
        text = max(view.fontMetrics().horizontalAdvance(i) for i in ids) + _cell_padding(view)
        header = view.horizontalHeader()
        others = sum(
            header.sectionSize(c) for c in range(self.model.columnCount()) if c != COL_PAGE
        )
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        chrome = 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        return text + others + chrome + margins.left() + margins.right()

    def _connect(self) -> None:
        self.filter_box.currentIndexChanged.connect(self._apply_filter)
        self.search_box.textEdited.connect(self._on_text_edited)
        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.returnPressed.connect(self._open_first_found)
        self.search_box.downPressed.connect(self._focus_list)
        self.search_box.escapePressed.connect(self.leaveSearch)
        self._search_timer.timeout.connect(self._apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.view.activated.connect(self._on_activated)
        _background()[0].finished.connect(self._on_search_finished)
        _background()[0].counted.connect(self._on_counted)

    # --- API for the window --------------------------------------------------------

    def status_filter(self) -> str | None:
        """The status chosen: None (all), "not_done" or a page status."""
        return FILTERS[max(0, self.filter_box.currentIndex())]

    def set_status_filter(self, value: str | None) -> None:
        if value not in FILTERS:
            raise ValueError(f"unknown page status filter {value!r}")
        self.filter_box.setCurrentIndex(FILTERS.index(value))
        self._apply_filter()

    def apply_typed_search(self) -> None:
        """Apply the search box's text now if it waits for the typing to pause: a key that
        walks the pages found, pressed right after typing, walks those of what was typed."""
        if self._search_timer.isActive():
            self._apply_filter()

    def search_text(self) -> str | None:
        """The search the list is filtered by (as asked), or None."""
        return self._target[1]

    def current_page(self) -> str | None:
        """The selected page, or None."""
        return self._selected

    def found_position(self, page_id: str) -> tuple[int | None, int | None] | None:
        """Where ``page_id`` is among the pages the list shows under a search or a status
        filter: (its row, or None when the list does not hold it; how many it holds, or None
        while they are still being counted). None when the list shows every page."""
        if not self.model.search and self.model.status is None:
            return None
        current = self.view.currentIndex()
        row = current.row() if current.isValid() and self._selected == page_id else None
        return row, self.model.rowCount() if self._complete else None

    def searching(self) -> bool:
        """True while a search, or the counts it brings, is still on its way; meanwhile the
        list shows the previous result, or the count of a filter reads "…"."""
        return not self._shown == self._counted == self._generation

    def refresh(self) -> None:
        """Re-read counts and rows after an edit or import; the selected page stays selected."""
        if self.model.search:
            self._start(self._target, force=True)  # searching can be slow: off the UI thread
            return
        page_id = self._selected
        with self._quietly():
            reset = self.model.reload()
            if page_id is not None and (reset or self._row_of_current() != page_id):
                self._restore(page_id)
        self._set_counts(filter_counts(self._store, None))

    def select_page(self, page_id: str) -> bool:
        """Scroll to and select ``page_id``; False when the filter or search hides it."""
        with self._quietly():
            return self._restore(page_id, scroll=QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- filtering -----------------------------------------------------------------

    def _on_text_edited(self, _text: str) -> None:
        self._open_first = False  # Return was for the text before this key
        self._search_timer.start()  # restarts: the search runs 200 ms after the last key

    def _on_text_changed(self, text: str) -> None:
        # The clear button and setText() do not emit textEdited; an empty box applies at once.
        if not text:
            self._apply_filter()

    def _open_first_found(self) -> None:
        """Return in the search box: the page found opens, its first hit selected, and the
        keys go to its text (a reviewer who typed a search and pressed Return wants the
        hit, not a list to move into with Down). As with Down, the open page stays when it
        is among those found (the reviewer does not lose their place); else the first
        page found opens."""
        if not self.search_box.text().strip():
            self._apply_filter()  # nothing searched: no page to jump to
            return
        self._open_first = True
        self._apply_filter()
        if self._open_first and self._shown == self._generation:  # shown already
            self._open_first_now()

    def _open_first_now(self) -> None:
        self._open_first = False
        if self.model.rowCount() == 0:
            # Nothing found: the keys stay in the box, and the window says so (an empty
            # list alone reads as a search still running, or a fault).
            self.nothingFound.emit(self.model.search or "")
            return
        current = self.view.currentIndex()
        if current.isValid() and self._selected == self.model.page_id(current.row()):
            self._on_activated(current)  # open already: activated again, its hit is selected
        else:
            self.view.setCurrentIndex(self.model.index(0, COL_PAGE))  # opens it
        self.leaveSearch.emit()

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        search = self.search_box.text().strip() or None
        self._start((self.status_filter(), search))

    def _start(self, target: tuple[str | None, str | None], force: bool = False) -> None:
        if target == self._target and not force:
            return  # shown already, or on its way
        self._target = target
        self._generation += 1
        self._ticket.latest = self._generation  # a queued older search is now skipped
        status, search = target
        if search and self._db_file is not None:
            _search_in_background(
                self._ticket, self._generation, self._db_file, status, search, self._selected
            )
        else:
            result = compute_filter(self._store, status, search, self._selected)
            self._show(self._generation, result)

    def _on_search_finished(
        self, ticket: _Ticket, generation: int, result: FilterResult | None
    ) -> None:
        if ticket is self._ticket:
            self._show(generation, result)

    def _on_counted(self, ticket: _Ticket, generation: int, counts: dict) -> None:
        if ticket is self._ticket and generation == self._generation:
            self._counted = generation
            self._set_counts(counts)

    def _show(self, generation: int, result: FilterResult | None) -> None:
        if generation != self._generation:
            return  # the reviewer has typed on since
        if result is None:  # the background search failed (logged): search here instead
            status, search = self._target
            result = compute_filter(self._store, status, search, self._selected)
        self._shown = generation
        self._complete = result.complete
        with self._quietly():
            self.model.show_result(result)
            if not result.complete:
                pass  # the selected page's row comes with the whole list
            elif self._selected is not None and self._selected == result.selected:
                self._select_row(result.position, QAbstractItemView.ScrollHint.PositionAtCenter)
            elif self._selected is not None:  # chosen while the search ran
                self._restore(self._selected, QAbstractItemView.ScrollHint.PositionAtCenter)
        if len(result.counts) == len(FILTERS):
            self._counted = generation
        self._set_counts(result.counts if result.complete else {})  # "…" until counted
        self.filterApplied.emit()
        # The first rows found are the first of the list; whether the open page is among
        # the pages found is known with the whole list.
        known = result.complete or (self._selected is None and self.model.rowCount() > 0)
        if self._open_first and known:
            self._open_first_now()

    def _set_counts(self, counts: dict[str | None, int]) -> None:
        names = self._filter_names()
        blocker = self.filter_box.blockSignals(True)
        try:
            if self.filter_box.count() != len(FILTERS):
                self.filter_box.clear()
                self.filter_box.addItems([""] * len(FILTERS))
            for i, value in enumerate(FILTERS):
                n = counts.get(value)
                shown = "…" if n is None else f"{n:,}"  # "…": still being counted
                self.filter_box.setItemText(i, f"{names[value]} ({shown})")
        finally:
            self.filter_box.blockSignals(blocker)

    def _filter_names(self) -> dict[str | None, str]:
        return {
            None: self.tr("All"),
            "not_done": self.tr("Not done"),
            "new": self.tr("New"),
            "in_progress": self.tr("In progress"),
            "done": self.tr("Done"),
            "skipped": self.tr("Skipped"),
            "flagged": self.tr("Flagged"),
        }

    # --- selection -----------------------------------------------------------------

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Selection changes made by the panel itself do not emit pageActivated."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def _row_of_current(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.page_id(index.row()) if index.isValid() else None

    def _restore(
        self,
        page_id: str,
        scroll: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> bool:
        row = self._store.page_position(page_id, self.model.status, self.model.search)
        self._selected = page_id if row is not None else None
        return self._select_row(row, scroll)

    def _select_row(self, row: int | None, scroll: QAbstractItemView.ScrollHint) -> bool:
        selection = self.view.selectionModel()
        if row is None:
            selection.clear()
            self._selected = None
            return False
        index = self.model.index(row, COL_PAGE)
        if self.view.currentIndex().row() != row or not selection.isRowSelected(row):
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
        self.view.scrollTo(index, scroll)
        return True

    def _focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        current = self.view.currentIndex()
        if current.isValid():
            # The open page is among the pages found: activated again, it shows its first
            # hit as any other page found does (its row is current already: no change).
            self._on_activated(current)
        elif self.model.rowCount() > 0:
            self.view.setCurrentIndex(self.model.index(0, COL_PAGE))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        page_id = self.model.page_id(current.row()) if current.isValid() else None
        self._selected = page_id
        if page_id is not None:
            self.pageActivated.emit(page_id)

    def _on_activated(self, index: QModelIndex) -> None:
        page_id = self.model.page_id(index.row())
        if page_id is not None:
            self.pageActivated.emit(page_id)


def _database_file(store: Store) -> Path | None:
    """The store's file, which a search thread can open; None for an in-memory database."""
    path = store.path
    return path if path is not None and str(path) != ":memory:" and path.exists() else None


class _Ticket:
    """Shared by a panel and its background searches: the number of the latest search.

    Plain Python, so a search thread may read it even after the panel is gone."""

    def __init__(self) -> None:
        self.latest = 0


class _SearchSignals(QObject):
    finished = Signal(object, int, object)  # ticket, generation, FilterResult or None
    counted = Signal(object, int, object)  # ticket, generation, counts of every filter


_signals: _SearchSignals | None = None
_pool: QThreadPool | None = None


def _background() -> tuple[_SearchSignals, QThreadPool]:
    """One search thread for all panels, alive until the program ends, so a search still
    running when its panel closes has somewhere to report (nobody listens any more)."""
    global _signals, _pool
    if _signals is None or _pool is None:
        _signals, _pool = _SearchSignals(), QThreadPool()
        _pool.setMaxThreadCount(1)
    return _signals, _pool


def _search_in_background(
    ticket: _Ticket,
    generation: int,
    db_path: Path,
    status: str | None,
    search: str,
    selected: str | None,
) -> None:
    """Queue a search; a search superseded before it starts is skipped.

    A search of four or more characters looks its phrase up in list order (and, while
    the phrase index catches up after an upgrade or import, confirms candidates by
    reading their text, which for a common phrase on 100,000 pages takes seconds and must
    not freeze typing). The list is sent as soon as its first rows are found, the counts
    (which need every page) after it."""
    signals, pool = _background()

    def run() -> None:  # on the search thread: no UI calls
        if generation != ticket.latest:
            return
        try:
            with Store.open(db_path, readonly=True) as store:  # never waits for a writer
                # The list first; the counts of the other filters (each a scan) after it.
                result = compute_filter(store, status, search, selected, all_counts=False)
                signals.finished.emit(ticket, generation, result)
                if generation != ticket.latest:
                    return
                if result.complete:
                    signals.counted.emit(ticket, generation, filter_counts(store, search))
                else:  # the first rows only: now the whole list, with every count
                    result = compute_filter(store, status, search, selected)
                    signals.finished.emit(ticket, generation, result)
        except Exception:  # the panel then searches on the UI thread: slower, still right
            log.exception("background search failed")
            signals.finished.emit(ticket, generation, None)

    pool.start(run)


def wait_for_searches() -> None:
    """Block until background searches are done (for tests and shutdown)."""
    if _pool is not None:
        _pool.waitForDone()


def _cell_padding(view: QAbstractItemView) -> int:
    """The space a table cell keeps around its text (Qt's item delegate: a focus-frame
    margin plus one pixel on each side)."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
    return 2 * (margin + 1) + 2  # +2: rounding of the text's advance
