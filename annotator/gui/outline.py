"""The outline (right panel): articles -> blocks with roles, and the current article's spans.

Two thin item models over the page state (``OutlineModel``, a two-level tree, and
``SpanListModel``, a table) and the panel that shows them. Selecting an item asks the page
view to show that range (``rangeActivated``); moving the caret in the page view selects the
matching items (``follow_caret``) without echoing back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.edits import Changes, PageState
from annotator.gui.page_view.index import SpanIndex
from annotator.markdown import strip_markup
from annotator.model import Block, Span

RANGE_ROLE = Qt.ItemDataRole.UserRole + 1  # (start, end) in code points
SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 2
EXCERPT = 24
_STATUS_ORDER = {"suggested": 0, "accepted": 1, "rejected": 2}

Index = QModelIndex | QPersistentModelIndex


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """One line of ``text`` without markdown syntax (as export drops it), shortened to
    ``limit`` characters."""
    text = " ".join(strip_markup(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def group_articles(blocks: tuple[Block, ...]) -> list[tuple[int | None, list[Block]]]:
    """Blocks grouped by article in order of first appearance; blocks outside articles last."""
    groups: dict[int | None, list[Block]] = {}
    for block in blocks:
        groups.setdefault(block.article, []).append(block)
    ordered: list[tuple[int | None, list[Block]]] = [
        (k, v) for k, v in groups.items() if k is not None
    ]
    if None in groups:
        ordered.append((None, groups[None]))
    return ordered


def article_spans(
    state: PageState, article: int | None, ordered: SpanIndex | None = None
) -> list[Span]:
    """Spans inside the article's blocks: suggestions first, then accepted, then rejected.

    ``ordered`` (all the page's spans, rejected included) lets each block be looked up by
    bisect.
    """
    if ordered is None:
        ordered = SpanIndex(state.spans.values(), rejected=True)
    inside: list[Span] = []
    for block in state.blocks:
        if block.article == article:
            inside += ordered.within(block.start, block.end)
    return sorted(inside, key=lambda s: (_STATUS_ORDER.get(s.status, 3), s.start, s.end))


class OutlineModel(QAbstractItemModel):
    """Articles (top level) and their blocks (children), two columns: what, and text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._groups: list[tuple[int | None, list[Block]]] = []
        self._names: dict[str, str] = {}

    def set_state(self, state: PageState | None, role_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._text = state.page.text if state else ""
        self._groups = group_articles(state.blocks) if state else []
        self._names = role_names
        self.endResetModel()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        # internalId 0 marks an article; n > 0 a block of article row n - 1.
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    # Qt overloads parent() (QObject's, without an index); Python cannot say which one this is.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Article / role"), self.tr("Text"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._article_data(index, role)
        block = self._groups[index.internalId() - 1][1][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self._names.get(block.role, block.role)
            return excerpt(self._text[block.start : block.end])
        if role == RANGE_ROLE:
            return (block.start, block.end)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text[block.start : block.end][:400]
        return None

    def _article_data(self, index: Index, role: int) -> Any:
        article, blocks = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                if article is None:
                    return self.tr("Not in an article")
                return self.tr("Article {n}").format(n=index.row() + 1)
            head = next((b for b in blocks if b.role == "headline"), blocks[0])
            return excerpt(self._text[head.start : head.end])
        if role == RANGE_ROLE:
            return (blocks[0].start, blocks[0].end)
        return None

    def find_block(self, start: int) -> QModelIndex:
        """The index of the block starting at ``start``."""
        for row, (_article, blocks) in enumerate(self._groups):
            for child, block in enumerate(blocks):
                if block.start == start:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()


class SpanListModel(QAbstractTableModel):
    """The spans of one article: label, text, status (suggestions first)."""

    COLUMNS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._spans: list[Span] = []
        self._colours: dict[str, QColor] = {}

    def set_spans(self, text: str, spans: list[Span], colours: dict[str, QColor]) -> None:
        """Show ``spans``. After an edit most rows stay: only the rows that changed are
        removed, inserted or repainted (a reset repaints the whole table and drops its
        selection and scroll)."""
        old = self._spans
        if text is not self._text or colours is not self._colours:
            self.beginResetModel()
            self._text, self._spans, self._colours = text, spans, colours
            self.endResetModel()
            return
        head, tail = _common_ends([s.id for s in old], [s.id for s in spans])
        if len(old) - tail - head:
            self.beginRemoveRows(QModelIndex(), head, len(old) - tail - 1)
            self._spans = old[:head] + old[len(old) - tail :]
            self.endRemoveRows()
        if len(spans) - tail - head:
            self.beginInsertRows(QModelIndex(), head, len(spans) - tail - 1)
            self._spans = old[:head] + spans[head:]
            self.endInsertRows()
        self._spans = spans
        kept = [*range(head), *range(len(spans) - tail, len(spans))]
        shift = len(old) - len(spans)
        for row in kept:
            if spans[row] != old[row if row < head else row + shift]:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def spans(self) -> list[Span]:
        return list(self._spans)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Label"), self.tr("Text"), self.tr("Status"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        span = self._spans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(span, index.column())
        if role == RANGE_ROLE:
            return (span.start, span.end)
        if role == SPAN_ID_ROLE:
            return span.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if span.status == "rejected":
                return QBrush(QColor("#a0a0a0"))
            if index.column() == 0:
                return QBrush(self._colours.get(span.label, QColor("black")))
        return None

    def _display(self, span: Span, column: int) -> str:
        if column == 0:
            return span.label
        if column == 1:
            text = excerpt(self._text[span.start : span.end], 40)
            if "value" in span.attrs:  # a figure shows its normalised value at a glance
                unit = span.attrs.get("unit") or ""
                return f"{text} = {span.attrs['value']:,} {unit}".rstrip()
            return text
        return {
            "suggested": self.tr("suggested"),
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
        }.get(span.status, span.status)

    def row_of(self, span_id: int | None) -> int | None:
        for row, span in enumerate(self._spans):
            if span.id == span_id:
                return row
        return None


def _common_ends(old: list[int | None], new: list[int | None]) -> tuple[int, int]:
    """How many items ``old`` and ``new`` share at the start and (after that) at the end."""
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, tail


class OutlinePanel(QWidget):
    """The tree of articles and blocks above the current article's span list."""

    rangeActivated = Signal(int, int, object)  # start, end, span id or None
    entered = Signal()  # the tree or the span list took the focus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: PageState | None = None
        self._ordered: SpanIndex | None = None  # all the page's spans in page order
        self.article: int | None = None
        self.colours: dict[str, QColor] = {}
        self.role_names: dict[str, str] = {}
        self._following = False
        self.model = OutlineModel(self)
        self.span_model = SpanListModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("outline_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.table = QTableView(self)
        self.table.setObjectName("outline_spans")
        self.table.setModel(self.span_model)
        self.spans_title = QLabel(self)
        self._build()

    def _build(self) -> None:
        for view in (self.tree, self.table):
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            # Tab moves on to the next pane, as from the page list: in the span list it
            # went from cell to cell and a keyboard-only reviewer never got out by Tab.
            view.setTabKeyNavigation(False)
            view.selectionModel().currentRowChanged.connect(self._on_current)
            view.installEventFilter(self)
        # A fixed first column: measuring every row's text on each page would cost more
        # than the rest of opening the page.
        names = [self.tr("Article 00"), self.tr("Not in an article"), "subheadline"]
        metrics = self.tree.fontMetrics()
        width = max(metrics.horizontalAdvance(n) for n in names) + 2 * self.tree.indentation()
        self.tree.header().resizeSection(0, width)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setShowGrid(False)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.spans_title)
        lower_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window brings the outline up to date only once keys pause; a key pressed here
        # must act on the current page and caret, so entering says so at once.
        if event.type() == QEvent.Type.FocusIn:
            self.entered.emit()
        return False

    def set_page(
        self, state: PageState, role_names: dict[str, str], colours: dict[str, QColor]
    ) -> None:
        self.state, self.role_names, self.colours = state, role_names, colours
        self._ordered = None
        self.model.set_state(state, role_names)
        self.tree.expandAll()
        self.article = None
        # Forced: a page opening on a block outside every article (article None, as was
        # "the last one shown") must not keep the previous page's span list.
        self._show_article(state.blocks[0].article if state.blocks else None, force=True)

    def apply_changes(self, state: PageState, changes: Changes) -> None:
        """Refresh only the parts ``changes`` touched (the spans it names, by id)."""
        self.state = state
        if self._ordered is not None:
            for span_id in changes.spans:
                self._ordered.update(span_id, state.spans.get(span_id))
        if changes.blocks:
            self.model.set_state(state, self.role_names)
            self.tree.expandAll()
        if changes.blocks or self._touches_article(changes):
            self._show_article(self.article, force=True)

    def _touches_article(self, changes: Changes) -> bool:
        if not changes.spans or self.state is None:
            return False
        listed = {s.id for s in self.span_model.spans()}
        if changes.spans & listed:
            return True
        ranges = [(b.start, b.end) for b in self.state.blocks if b.article == self.article]
        spans = (self.state.spans.get(i) for i in changes.spans)
        return any(s is not None and any(a <= s.start < b for a, b in ranges) for s in spans)

    def _show_article(self, article: int | None, *, force: bool = False) -> None:
        if self.state is None or (article == self.article and not force):
            return
        articles = [a for a, _ in group_articles(self.state.blocks)]
        if article not in articles:  # merged away: the caller follows the caret next
            article = None
        self.article = article
        if self._ordered is None:
            self._ordered = SpanIndex(self.state.spans.values(), rejected=True)
        spans = article_spans(self.state, article, self._ordered)
        self.span_model.set_spans(self.state.page.text, spans, self.colours)
        if article is None:
            self.spans_title.setText(self.tr("Spans outside articles ({n})").format(n=len(spans)))
        else:
            position = articles.index(article) + 1
            suggested = sum(1 for s in spans if s.status == "suggested")
            self.spans_title.setText(
                self.tr("Spans of article {n}: {total}, {open} to review").format(
                    n=position, total=len(spans), open=suggested
                )
            )

    def follow_caret(self, block: Block | None, span: Span | None) -> None:
        """Select the caret's block and span (no ``rangeActivated`` echo)."""
        if block is None:
            return
        self._following = True
        try:
            self._show_article(block.article)
            self._select(self.tree, self.model.find_block(block.start))
            row = self.span_model.row_of(span.id if span else None)
            index = self.span_model.index(row, 0) if row is not None else QModelIndex()
            self._select(self.table, index)
        finally:
            self._following = False

    @staticmethod
    def _select(view: QAbstractItemView, index: QModelIndex) -> None:
        selection = view.selectionModel()
        if not index.isValid():
            selection.clearSelection()
            return
        if view.currentIndex() != index:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
        view.scrollTo(index)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._following or not current.isValid():
            return
        start, end = current.data(RANGE_ROLE)
        self.rangeActivated.emit(start, end, current.data(SPAN_ID_ROLE))
