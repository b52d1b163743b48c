"""The page list as a lazy table model: status, page id, articles, spans.

A database may hold 100,000 pages, so the model never holds them all: ``rowCount`` comes
from ``Store.count_pages`` and rows are fetched on demand, a window of ``WINDOW`` rows per
``Store.page_rows`` call, keeping only the last ``CACHED_WINDOWS`` windows (LRU). Every
row has the same height, so the view never needs rows it does not paint.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from annotator.store import PageRow, Store

WINDOW = 256
CACHED_WINDOWS = 8

PAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

COL_STATUS, COL_PAGE, COL_ARTICLES, COL_SPANS = range(4)

Index = QModelIndex | QPersistentModelIndex

# Colours chosen to be told apart by colour-blind reviewers too: the shapes differ as well.
STATUS_COLOURS = {
    "new": "#9e9e9e",
    "in_progress": "#1e88e5",
    "done": "#2e7d32",
    "skipped": "#8d6e63",
    "flagged": "#d32f2f",
}


@dataclass(frozen=True)
class FilterResult:
    """What the list shows for one status filter and search, computed in one go."""

    status: str | None
    search: str | None
    counts: dict[str | None, int]  # for every filter value (None: all pages), or only
    # for ``status`` when a search makes counting the others slow
    windows: dict[int, list[PageRow]]  # the first window and those around ``selected``
    selected: str | None
    position: int | None  # the row of ``selected``, None when filtered out
    # False when the list holds only the first pages found: a search of four or more
    # characters looks up its phrase (and confirms candidates) as far as the rows shown;
    # the whole list, its counts and the selected page's row come in a second result
    complete: bool = True


def filter_counts(store: Store, search: str | None) -> dict[str | None, int]:
    """Pages per filter value: each status, None (all) and "not_done"."""
    # One query on the status index (and the search's hits, found once per search).
    counts: dict[str | None, int] = {k: n for k, n in store.status_counts(search).items()}
    counts[None] = sum(counts.values())
    counts["not_done"] = counts[None] - counts["done"] - counts["skipped"]
    return counts


def compute_filter(
    store: Store,
    status: str | None,
    search: str | None,
    selected: str | None,
    all_counts: bool = True,
) -> FilterResult:
    """Counts, first rows and the selected page's row: plain queries, safe on any thread
    that owns ``store``. ``all_counts=False`` counts only the pages of ``status``."""
    windows: dict[int, list[PageRow]] = {}
    if search and not all_counts:
        # The first rows found, without counting them all: a long query of a common word
        # reads most pages for that. The list shows those at once, the rest comes after.
        windows[0] = store.page_rows(0, WINDOW, status, search)
        found, complete = store.found_pages(status, search)
        if not complete:
            return FilterResult(status, search, {status: found}, windows, None, None, False)
        counts = {status: found}  # every candidate confirmed: this is the count
    else:
        counts = filter_counts(store, search)
    position = store.page_position(selected, status, search) if selected else None
    # The view opens at the top, or centred on the selected page: fetch those rows here,
    # which may be a background thread, so that painting them needs no query.
    for number in _windows_near(position):
        if number not in windows:
            windows[number] = store.page_rows(number * WINDOW, WINDOW, status, search)
    return FilterResult(status, search, counts, windows, selected, position)


def _windows_near(position: int | None, margin: int = 64) -> list[int]:
    """Window 0, and the windows holding the rows within ``margin`` of ``position``."""
    numbers = {0}
    if position is not None:
        numbers |= {max(0, position - margin) // WINDOW, (position + margin) // WINDOW}
    return sorted(numbers)


class PageListModel(QAbstractTableModel):
    """Pages of one status filter and search, in import order, fetched lazily."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._status: str | None = None
        self._search: str | None = None
        self._count = store.count_pages()
        self._windows: OrderedDict[int, list[PageRow]] = OrderedDict()
        self._icons: dict[str, QIcon] = {}

    # --- filter --------------------------------------------------------------------

    @property
    def status(self) -> str | None:
        return self._status

    @property
    def search(self) -> str | None:
        return self._search

    def set_filter(self, status: str | None, search: str | None) -> None:
        """Show the pages of ``status`` (None: all) whose text or id contains ``search``."""
        search = search or None
        if (status, search) != (self._status, self._search):
            self.show_result(compute_filter(self._store, status, search, None))

    def show_result(self, result: FilterResult) -> None:
        """Show a filter computed by :func:`compute_filter` (possibly on another thread)."""
        self.beginResetModel()
        self._status, self._search = result.status, result.search
        self._count = result.counts[result.status]
        self._windows.clear()
        self._windows.update(result.windows)
        self.endResetModel()

    def reload(self) -> bool:
        """Re-read the database after an edit or import; True if the rows were reset."""
        count = self._store.count_pages(self._status, self._search)
        if count != self._count:
            self.beginResetModel()
            self._windows.clear()
            self._count = count
            self.endResetModel()
            return True
        # Same number of rows: only the values changed; the view repaints what it shows.
        self._windows.clear()
        if count:
            last = self.index(count - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        return False

    # --- rows ----------------------------------------------------------------------

    def page_row(self, row: int) -> PageRow | None:
        """The page shown in ``row``, fetching its window if needed."""
        if not 0 <= row < self._count:
            return None
        number = row // WINDOW
        window = self._windows.get(number)
        if window is None:
            window = self._store.page_rows(number * WINDOW, WINDOW, self._status, self._search)
            self._windows[number] = window
            if len(self._windows) > CACHED_WINDOWS:
                self._windows.popitem(last=False)
        else:
            self._windows.move_to_end(number)
        offset = row - number * WINDOW
        # A window can come back short if pages vanished since the count; show blank rows.
        return window[offset] if offset < len(window) else None

    def page_id(self, row: int) -> str | None:
        page = self.page_row(row)
        return page.id if page else None

    def cached_rows(self) -> int:
        """How many rows are held in memory (for tests and the benchmark)."""
        return sum(len(w) for w in self._windows.values())

    # --- Qt model interface --------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        page = self.page_row(index.row())
        if page is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(page, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_STATUS:
            return self.status_icon(page.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(page)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_ARTICLES, COL_SPANS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PAGE_ID_ROLE:
            return page.id
        if role == STATUS_ROLE:
            return page.status
        return None

    def _display(self, page: PageRow, column: int) -> str | None:
        if column == COL_PAGE:
            return page.id
        if column == COL_ARTICLES:
            return str(page.articles)
        if column == COL_SPANS:
            return f"{page.spans} / {page.suggested}"
        return None

    def _tooltip(self, page: PageRow) -> str:
        return self.tr(
            "{page}: {status}, {articles} articles, {spans} accepted, {suggested} suggested"
        ).format(
            page=page.id,
            status=self.status_name(page.status),
            articles=page.articles,
            spans=page.spans,
            suggested=page.suggested,
        )

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ["", self.tr("Page"), self.tr("Articles"), self.tr("Spans")][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return [
                self.tr("Review status"),
                self.tr("Page id (file name)"),
                self.tr("Number of articles"),
                self.tr("Accepted spans / open suggestions"),
            ][section]
        return None

    # --- status names and icons ----------------------------------------------------

    def status_name(self, status: str) -> str:
        names = {
            "new": self.tr("New"),
            "in_progress": self.tr("In progress"),
            "done": self.tr("Done"),
            "skipped": self.tr("Skipped"),
            "flagged": self.tr("Flagged"),
        }
        return names.get(status, status)

    def status_icon(self, status: str) -> QIcon:
        icon = self._icons.get(status)
        if icon is None:
            icon = QIcon()
            for size in (16, 32):
                icon.addPixmap(draw_status_pixmap(status, size))
            self._icons[status] = icon
        return icon


def draw_status_pixmap(status: str, size: int) -> QPixmap:
    """A small status symbol in the status colour; the shapes differ too, for colour-blind
    reviewers: ring (new), half disc (in progress), check (done), arrow (skipped), flag."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = QColor(STATUS_COLOURS.get(status, "#9e9e9e"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, max(1.5, size / 9)))
    _SHAPES.get(status, _ring)(painter, colour, float(size))
    painter.end()
    return pixmap


def _ring(painter: QPainter, colour: QColor, size: float) -> None:
    m = size * 0.15
    painter.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m))


def _half_disc(painter: QPainter, colour: QColor, size: float) -> None:
    _ring(painter, colour, size)
    m = size * 0.15
    painter.setBrush(QBrush(colour))
    painter.drawPie(QRectF(m, m, size - 2 * m, size - 2 * m), 90 * 16, 180 * 16)


def _check(painter: QPainter, colour: QColor, size: float) -> None:
    painter.setBrush(QBrush(colour))
    _ring(painter, colour, size)
    painter.setPen(QPen(QColor("white"), max(1.5, size / 8)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _polyline(painter, [(0.3, 0.52), (0.45, 0.67), (0.72, 0.36)], size)


def _arrow(painter: QPainter, colour: QColor, size: float) -> None:
    _polyline(painter, [(0.15, 0.5), (0.85, 0.5)], size)
    _polyline(painter, [(0.55, 0.25), (0.85, 0.5), (0.55, 0.75)], size)


def _flag(painter: QPainter, colour: QColor, size: float) -> None:
    _polyline(painter, [(0.25, 0.15), (0.25, 0.85)], size)
    painter.setBrush(QBrush(colour))
    flag = QPainterPath()
    flag.moveTo(size * 0.25, size * 0.15)
    flag.lineTo(size * 0.85, size * 0.32)
    flag.lineTo(size * 0.25, size * 0.55)
    flag.closeSubpath()
    painter.drawPath(flag)


def _polyline(painter: QPainter, points: list[tuple[float, float]], size: float) -> None:
    path = QPainterPath()
    path.moveTo(points[0][0] * size, points[0][1] * size)
    for x, y in points[1:]:
        path.lineTo(x * size, y * size)
    painter.drawPath(path)


_SHAPES = {
    "new": _ring,
    "in_progress": _half_disc,
    "done": _check,
    "skipped": _arrow,
    "flagged": _flag,
}
