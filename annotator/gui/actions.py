"""Every command of the window as data: one ``ActionSpec`` table, QActions made once from it.

The menus, the page view's context menu, the keys and the F1 shortcut sheet all come from
this table, so they cannot disagree. A spec names its handler by method name; the
registry finds it on the handler objects it is given (the review controller, then the
window). ``context="view"`` actions (letter keys, Delete) fire only while the page view or
the outline has focus, so typing in the page list's search box never triggers them;
``"text"`` actions (Return: it cuts at the caret) only in the page view;
``"window"`` actions (Ctrl+… and function keys) anywhere in the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Label

CONTEXT = "actions"


@dataclass(frozen=True)
class ActionSpec:
    """One command: what it is called, its key, where it is listed, what it calls."""

    id: str
    text: str  # English source text, translated in context "actions"
    shortcut: str  # QKeySequence portable text; "" for none
    menu: str  # a key of MENUS
    handler: str  # method name on a handler object
    context: str = "window"  # "window", "view" (text and outline) or "text" (text only)
    arg: Any = None  # passed to the handler when not None
    in_context_menu: bool = False
    alternates: tuple[str, ...] = ()

    def sequences(self) -> list[QKeySequence]:
        keys = [self.shortcut, *self.alternates] if self.shortcut else list(self.alternates)
        return [QKeySequence(k) for k in keys]


# PySide6's stubs say QT_TRANSLATE_NOOP returns object; it returns its text unchanged.
MENUS: dict[str, str] = cast(
    "dict[str, str]",
    {
        "file": QT_TRANSLATE_NOOP("actions", "&File"),
        "edit": QT_TRANSLATE_NOOP("actions", "&Edit"),
        "boundaries": QT_TRANSLATE_NOOP("actions", "&Boundaries"),
        "roles": QT_TRANSLATE_NOOP("actions", "&Role"),
        "spans": QT_TRANSLATE_NOOP("actions", "&Spans"),
        "page": QT_TRANSLATE_NOOP("actions", "&Page"),
        "view": QT_TRANSLATE_NOOP("actions", "&View"),
        "help": QT_TRANSLATE_NOOP("actions", "&Help"),
    },
)
# Submenus: the role actions live under Boundaries.
SUBMENUS: dict[str, str] = {"roles": "boundaries"}


def _spec(*args: Any, **kwargs: Any) -> ActionSpec:
    return ActionSpec(*args, **kwargs)


T = QT_TRANSLATE_NOOP

# fmt: off
ACTIONS: tuple[ActionSpec, ...] = (
    # File
    _spec("import_files", T("actions", "Import files…"), "Ctrl+O", "file", "import_files"),
    _spec("import_folder", T("actions", "Import folder…"), "Ctrl+Shift+O", "file", "import_folder"),
    _spec("export", T("actions", "Export gold data…"), "Ctrl+E", "file", "export"),
    _spec("preferences", T("actions", "Preferences…"), "Ctrl+,", "file", "preferences"),
    _spec("quit", T("actions", "Quit"), "Ctrl+Q", "file", "close"),
    # Edit
    _spec("undo", T("actions", "Undo"), "Ctrl+Z", "edit", "undo"),
    _spec("redo", T("actions", "Redo"), "Ctrl+Shift+Z", "edit", "redo", alternates=("Ctrl+Y",)),
    # Boundaries
    _spec("split_block", T("actions", "Split the paragraph at the caret"), "Return", "boundaries",
          "split_block", "text", in_context_menu=True),
    _spec("merge_blocks", T("actions", "Merge the paragraph with the next one"), "M", "boundaries",
          "merge_blocks", "view", in_context_menu=True),
    _spec("join", T("actions", "Join the paragraph to the previous one"), "J", "boundaries",
          "join", "view", in_context_menu=True),
    _spec("unjoin", T("actions", "Undo the join with the previous paragraph"), "Shift+J",
          "boundaries", "unjoin", "view", in_context_menu=True),
    _spec("start_article", T("actions", "Start a new article at this paragraph"), "Shift+Return",
          "boundaries", "start_article", "view", in_context_menu=True),
    _spec("merge_article", T("actions", "Merge the article into the previous one"),
          "Shift+Backspace", "boundaries", "merge_article", "view", in_context_menu=True),
    _spec("move_block_prev", T("actions", "Move the paragraph to the previous article"), "[",
          "boundaries", "move_block", "view", -1, in_context_menu=True),
    _spec("move_block_next", T("actions", "Move the paragraph to the next article"), "]",
          "boundaries", "move_block", "view", 1, in_context_menu=True),
    _spec("mark_other", T("actions", "Mark the paragraph as not part of any article"), "X",
          "boundaries", "mark_other", "view", in_context_menu=True),
    # Roles (one key each)
    _spec("role_kicker", T("actions", "Kicker"), "K", "roles", "set_role", "view", "kicker"),
    _spec("role_headline", T("actions", "Headline"), "H", "roles", "set_role", "view", "headline"),
    _spec("role_subheadline", T("actions", "Subheadline"), "S", "roles", "set_role", "view",
          "subheadline"),
    _spec("role_byline", T("actions", "Byline"), "Y", "roles", "set_role", "view", "byline"),
    _spec("role_body", T("actions", "Body"), "B", "roles", "set_role", "view", "body"),
    _spec("role_intertitle", T("actions", "Intertitle"), "I", "roles", "set_role", "view",
          "intertitle"),
    _spec("role_caption", T("actions", "Caption"), "C", "roles", "set_role", "view", "caption"),
    _spec("role_other", T("actions", "Other (keeps the article)"), "O", "roles", "set_role",
          "view", "other"),
    # Spans
    _spec("remove_span", T("actions", "Remove the span"), "Delete", "spans", "remove_span",
          "view", in_context_menu=True),
    _spec("accept_span", T("actions", "Accept the suggestion"), "A", "spans", "accept_span",
          "view", in_context_menu=True),
    _spec("reject_span", T("actions", "Reject the suggestion"), "R", "spans", "reject_span",
          "view", in_context_menu=True),
    _spec("accept_article", T("actions", "Accept all suggestions of the article"), "Shift+A",
          "spans", "accept_article", "view", in_context_menu=True),
    _spec("next_suggestion", T("actions", "Next suggestion"), "N", "spans", "next_suggestion",
          "view"),
    _spec("prev_suggestion", T("actions", "Previous suggestion"), "Shift+N", "spans",
          "prev_suggestion", "view"),
    _spec("next_unsure", T("actions", "Next suggestion the model is least sure of"), "U",
          "spans", "next_unsure_suggestion", "view"),
    _spec("next_span", T("actions", "Next span"), ".", "spans", "next_span", "view"),
    _spec("prev_span", T("actions", "Previous span"), ",", "spans", "prev_span", "view"),
    _spec("edit_figure", T("actions", "Figure value and unit…"), "V", "spans", "edit_figure",
          "view", in_context_menu=True),
    # Page
    _spec("mark_done", T("actions", "Mark done and go to the next page to review"),
          "Ctrl+Return", "page", "mark_done", alternates=("Ctrl+Enter",)),
    _spec("mark_done_least_sure",
          T("actions", "Mark done and go to the page the model is least sure of"),
          "Ctrl+Shift+Return", "page", "mark_done_least_sure", alternates=("Ctrl+Shift+Enter",)),
    _spec("skip_page", T("actions", "Skip the page"), "Ctrl+K", "page", "skip_page"),
    _spec("flag_page", T("actions", "Flag the page with a note…"), "Ctrl+Shift+F", "page",
          "flag_page"),
    _spec("prev_page", T("actions", "Previous page in the list"), "Ctrl+PgUp", "page",
          "prev_page"),
    _spec("next_page", T("actions", "Next page in the list"), "Ctrl+PgDown", "page",
          "next_page"),
    # View
    _spec("zoom_in", T("actions", "Larger text"), "Ctrl+=", "view", "zoom_in",
          alternates=("Ctrl++",)),
    _spec("zoom_out", T("actions", "Smaller text"), "Ctrl+-", "view", "zoom_out"),
    _spec("find_page", T("actions", "Search pages"), "Ctrl+F", "view", "find_page"),
    _spec("next_hit", T("actions", "Next hit of the search on the page"), "F3", "view",
          "next_hit"),
    _spec("prev_hit", T("actions", "Previous hit of the search on the page"), "Shift+F3",
          "view", "prev_hit"),
    _spec("focus_text", T("actions", "Back to the page text"), "Ctrl+T", "view", "focus_text"),
    _spec("dashboard", T("actions", "Statistics…"), "Ctrl+Shift+D", "view", "dashboard"),
    # Help
    _spec("shortcuts", T("actions", "Keyboard shortcuts"), "F1", "help", "shortcuts"),
)
# fmt: on

# Under the F1 sheet and the README's table: what the Page keys do under a search.
PAGE_KEYS_NOTE: str = cast(
    "str",
    T(
        "actions",
        "Under a search the Page keys stay among the pages found: Ctrl+Return, Ctrl+K and "
        "Ctrl+Shift+F open the next page found that is not done (Ctrl+Shift+Return the one "
        "the model is least sure of), Ctrl+PgDown and Ctrl+PgUp walk the pages found (of the "
        "list's status filter), each page with its first hit selected; the status bar reads "
        "“Match 3 of 17 · page 120 of 2,000”. Clear the search to walk every page.",
    ),
)


def label_specs(labels: Iterable[Label]) -> list[ActionSpec]:
    """One action per configured label, on its hot key (1–9)."""
    return [
        ActionSpec(
            f"label_{label.name}",
            label.name,
            label.key,
            "spans",
            "label",
            "view",
            label.name,
            in_context_menu=True,
        )
        for label in labels
    ]


def all_specs(labels: Iterable[Label]) -> list[ActionSpec]:
    return [*ACTIONS, *label_specs(labels)]


def spec_text(spec: ActionSpec) -> str:
    """The translated text of ``spec`` (label actions read "Label as PER")."""
    if spec.handler == "label":
        return QCoreApplication.translate(CONTEXT, "Label as {label}").format(label=spec.arg)
    return QCoreApplication.translate(CONTEXT, spec.text)


class ActionRegistry(QObject):
    """The QActions of one window, created once from the specs and shared everywhere."""

    def __init__(
        self,
        window: QMainWindow,
        specs: list[ActionSpec],
        handlers: list[object],
        view_widgets: list[QWidget],
    ) -> None:
        super().__init__(window)
        self.specs = specs
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        for spec in specs:
            action = self._make(window, spec, handlers)
            targets: dict[str, Sequence[QWidget]] = {
                "window": [window],
                "view": view_widgets,
                "text": view_widgets[:1],
            }
            for widget in targets[spec.context]:
                widget.addAction(action)
            self.actions[spec.id] = action
        self._build_menus(window)

    def _make(self, window: QMainWindow, spec: ActionSpec, handlers: list[object]) -> QAction:
        action = QAction(spec_text(spec), window)
        action.setObjectName(spec.id)
        action.setShortcuts(spec.sequences())
        action.setShortcutContext(
            Qt.ShortcutContext.WindowShortcut
            if spec.context == "window"
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        action.triggered.connect(_caller(spec, handlers))
        return action

    def _build_menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        for menu_id, text in MENUS.items():
            parent = SUBMENUS.get(menu_id)
            title = QCoreApplication.translate(CONTEXT, text)
            menu = self.menus[parent].addMenu(title) if parent else bar.addMenu(title)
            menu.setObjectName(f"menu_{menu_id}")
            self.menus[menu_id] = menu
            for spec in self.specs:
                if spec.menu == menu_id:
                    menu.addAction(self.actions[spec.id])

    def context_menu(self, parent: QWidget) -> QMenu:
        """The page view's context menu: span actions, then block actions and roles."""
        menu = QMenu(parent)
        for group in ("spans", "boundaries"):
            for spec in self.specs:
                if spec.menu == group and spec.in_context_menu:
                    menu.addAction(self.actions[spec.id])
            menu.addSeparator()
        menu.addMenu(self.menus["roles"])
        return menu


def _caller(spec: ActionSpec, handlers: list[object]) -> Callable[[], None]:
    for target in handlers:
        method = getattr(target, spec.handler, None)
        if callable(method):
            break
    else:
        raise AttributeError(f"no handler {spec.handler!r} for action {spec.id!r}")

    def call() -> None:
        if spec.arg is None:
            method()
        else:
            method(spec.arg)

    return call


def key_text(spec: ActionSpec) -> str:
    """The keys of ``spec`` as the user's platform writes them."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in spec.sequences())


class ShortcutSheet(QDialog):
    """The F1 sheet: every action with its keys, by menu, generated from the specs."""

    def __init__(self, specs: list[ActionSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(menu, spec) for menu in MENUS for spec in specs if spec.menu == menu]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Command"), self.tr("Keys")])
        previous = None
        for i, (menu, spec) in enumerate(rows):
            # The menu's name once, at the top of its group: the sheet reads as sections.
            title = QCoreApplication.translate(CONTEXT, MENUS[menu]).replace("&", "")
            shown = title if menu != previous else ""
            previous = menu
            for j, text in enumerate((shown, spec_text(spec), key_text(spec))):
                item = QTableWidgetItem(text)
                if j != 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, j, item)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.note = QLabel(QCoreApplication.translate(CONTEXT, PAGE_KEYS_NOTE), self)
        self.note.setObjectName("page_keys_note")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        # As wide as the columns (the keys column is the widest, "Ctrl+Shift+Return /
        # Ctrl+Shift+Enter"): at a fixed 620 pixels the keys were cut off behind a scroll bar.
        margins = layout.contentsMargins()
        width = (
            self.table.horizontalHeader().length()
            + self.table.verticalScrollBar().sizeHint().width()
            + 2 * self.table.frameWidth()
            + margins.left()
            + margins.right()
        )
        screen = self.screen().availableGeometry().width() if self.screen() else width
        self.resize(min(max(620, width), screen), 720)
