"""The page list panel (left of the window): status filter, search box and page table.

The table reads a lazy :class:`PageListModel`, so it stays quick with 100,000 pages. The
panel tells the window which page the reviewer chose by ``pageActivated``; the window
tells the panel what changed by ``refresh()`` and which page it shows by ``select_page()``.
Selections the window makes never echo back as ``pageActivated``.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.page_list_model import COL_PAGE, COL_STATUS, PageListModel
from annotator.store import Store

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
    """A search field whose Down key moves on to the list, as in a browser's address bar."""

    downPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        super().keyPressEvent(event)


class PageListPanel(QWidget):
    """Status filter with counts, debounced full-text search, and the page table."""

    pageActivated = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._quiet = False  # True while the panel itself moves the selection
        # The selected page by id: a row number may show another page once the database
        # changed, and the row's cached window may be gone.
        self._selected: str | None = None
        self.model = PageListModel(store, self)
        self.filter_box = QComboBox(self)
        self.search_box = _SearchBox(self)
        self.view = QTableView(self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self._update_counts()

    # --- construction --------------------------------------------------------------

    def _build(self) -> None:
        self.filter_box.setToolTip(self.tr("Show pages of one review status"))
        self.filter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search_box.setPlaceholderText(self.tr("Search page text or id…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setToolTip(
            self.tr("Full-text search over every page; Down moves to the list")
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
        width = view.fontMetrics().horizontalAdvance("0000 / 0000") + 12
        for column in (COL_PAGE + 1, COL_PAGE + 2):
            columns.resizeSection(column, width)

    def _connect(self) -> None:
        self.filter_box.currentIndexChanged.connect(self._apply_filter)
        self.search_box.textEdited.connect(self._on_text_edited)
        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.returnPressed.connect(self._apply_filter)
        self.search_box.downPressed.connect(self._focus_list)
        self._search_timer.timeout.connect(self._apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.view.activated.connect(self._on_activated)

    # --- API for the window --------------------------------------------------------

    def status_filter(self) -> str | None:
        """The status shown: None (all), "not_done" or a page status."""
        return self.model.status

    def set_status_filter(self, value: str | None) -> None:
        if value not in FILTERS:
            raise ValueError(f"unknown page status filter {value!r}")
        self.filter_box.setCurrentIndex(FILTERS.index(value))
        self._apply_filter()

    def search_text(self) -> str:
        return self.model.search or ""

    def current_page(self) -> str | None:
        """The selected page, or None."""
        return self._selected

    def refresh(self) -> None:
        """Re-read counts and rows after an edit or import; the selected page stays selected."""
        page_id = self._selected
        self._quiet = True
        try:
            self.model.reload()
            if page_id is not None:
                self._restore(page_id)
        finally:
            self._quiet = False
        self._update_counts()

    def select_page(self, page_id: str) -> bool:
        """Scroll to and select ``page_id``; False when the filter or search hides it."""
        self._quiet = True
        try:
            return self._restore(page_id, scroll=QAbstractItemView.ScrollHint.PositionAtCenter)
        finally:
            self._quiet = False

    # --- internals -----------------------------------------------------------------

    def _restore(
        self,
        page_id: str,
        scroll: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> bool:
        row = self._store.page_position(page_id, self.model.status, self.model.search)
        selection = self.view.selectionModel()
        if row is None:
            selection.clear()
            self._selected = None
            return False
        self._selected = page_id
        index = self.model.index(row, COL_PAGE)
        if self.view.currentIndex().row() != row or not selection.isRowSelected(row):
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
        self.view.scrollTo(index, scroll)
        return True

    def _on_text_edited(self, _text: str) -> None:
        self._search_timer.start()  # restarts: the search runs 200 ms after the last key

    def _on_text_changed(self, text: str) -> None:
        # The clear button and setText() do not emit textEdited; an empty box applies at once.
        if not text:
            self._apply_filter()

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        status = FILTERS[max(0, self.filter_box.currentIndex())]
        search = self.search_box.text().strip() or None
        if (status, search) == (self.model.status, self.model.search):
            return
        page_id = self._selected
        self._quiet = True
        try:
            self.model.set_filter(status, search)
            if page_id is not None:
                self._restore(page_id, QAbstractItemView.ScrollHint.PositionAtCenter)
        finally:
            self._quiet = False
        self._update_counts()

    def _update_counts(self) -> None:
        counts = self._counts(self.model.search)
        names = self._filter_names()
        blocker = self.filter_box.blockSignals(True)
        try:
            if self.filter_box.count() != len(FILTERS):
                self.filter_box.clear()
                self.filter_box.addItems([""] * len(FILTERS))
            for i, value in enumerate(FILTERS):
                self.filter_box.setItemText(i, f"{names[value]} ({counts[value]:,})")
                self.filter_box.setItemData(i, value)
            self.filter_box.setCurrentIndex(FILTERS.index(self.model.status))
        finally:
            self.filter_box.blockSignals(blocker)

    def _counts(self, search: str | None) -> dict[str | None, int]:
        if search:
            return {value: self._store.count_pages(value, search) for value in FILTERS}
        by_status: dict[str | None, int] = dict(self._store.status_counts())
        by_status[None] = sum(by_status.values())
        by_status["not_done"] = by_status[None] - by_status["done"] - by_status["skipped"]
        return by_status

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

    def _focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rowCount() > 0:
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
