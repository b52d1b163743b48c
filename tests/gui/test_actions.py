"""The action table: unique keys, every action in a menu, and the F1 sheet made from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from annotator.gui.actions import ACTIONS, MENUS, ShortcutSheet, all_specs, key_text
from annotator.model import Label
from annotator.resources import default_labels

from .pages import make_db
from .test_window_edits import press

# Keys a read-only text view uses for moving and selecting; no action may take them.
TEXT_NAVIGATION = [
    QKeySequence(k)
    for k in (
        "Left", "Right", "Up", "Down", "Home", "End", "PgUp", "PgDown",
        "Shift+Left", "Shift+Right", "Shift+Up", "Shift+Down", "Shift+Home", "Shift+End",
        "Ctrl+Left", "Ctrl+Right", "Ctrl+Home", "Ctrl+End", "Ctrl+Shift+Left",
        "Ctrl+Shift+Right", "Ctrl+Shift+Home", "Ctrl+Shift+End", "Ctrl+A", "Ctrl+C",
    )
]  # fmt: skip


def test_no_two_actions_share_a_key_sequence():
    seen: dict[str, str] = {}
    for spec in all_specs(default_labels()):
        for sequence in spec.sequences():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{spec.id} and {seen.get(key)} both use {key}"
            seen[key] = spec.id


def test_no_action_takes_a_text_navigation_key():
    for spec in all_specs(default_labels()):
        for sequence in spec.sequences():
            assert sequence not in TEXT_NAVIGATION, spec.id


def test_label_keys_come_from_the_configured_labels():
    labels = [Label("PER", "#f00", "1"), Label("EVENT", "#0f0", "9")]
    label_specs = [s for s in all_specs(labels) if s.handler == "label"]
    assert [(s.shortcut, s.arg) for s in label_specs] == [("1", "PER"), ("9", "EVENT")]


def test_every_action_is_in_a_menu_of_the_window_and_has_its_keys(windows, tmp_path):
    window = windows(make_db(tmp_path / "a.db", ["p1"]))
    in_menus = set()
    for menu in window.menuBar().findChildren(QMenu):
        in_menus |= {a.objectName() for a in menu.actions()}
    specs = window.registry.specs
    assert {s.id for s in specs} <= in_menus
    assert {s.menu for s in ACTIONS} <= set(MENUS)
    for spec in specs:
        action = window.registry.actions[spec.id]
        assert action.shortcuts() == spec.sequences()


def test_context_menu_offers_the_span_and_block_actions(windows, tmp_path):
    window = windows(make_db(tmp_path / "a.db", ["p1"]))
    menu = window.registry.context_menu(window)
    names = {a.objectName() for a in menu.actions()}
    assert {
        "remove_span",
        "accept_span",
        "reject_span",
        "split_block",
        "join",
        "label_PER",
    } <= names


def test_f1_opens_a_sheet_listing_every_action_with_its_keys(windows, tmp_path, qtbot):
    window = windows(make_db(tmp_path / "a.db", ["p1"]))
    press(window, qtbot, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutSheet)
    qtbot.waitUntil(lambda: sheet is not None and sheet.isVisible())
    table = sheet.table
    rows = {(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    for spec in window.registry.specs:
        assert any(text and keys == key_text(spec) for text, keys in rows), spec.id
    assert table.rowCount() == len(window.registry.specs)
    sheet.close()
    QApplication.processEvents()


def test_the_f1_sheet_and_the_undo_steps_say_paragraph_as_the_messages_do(windows, tmp_path, qtbot):
    # The sheet said "Split the block at the caret", "Mark the block as …" where every
    # message and refusal says "this paragraph": one thing, two names.
    import re

    from annotator.edits import KINDS, Op
    from annotator.gui.commands import describe

    window = windows(make_db(tmp_path / "a.db", ["p1"]))
    press(window, qtbot, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: (s := window.findChild(ShortcutSheet)) is not None and s.isVisible())
    sheet = window.findChild(ShortcutSheet)
    table = sheet.table
    commands = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert "Split the paragraph at the caret" in commands
    block = re.compile(r"\bblocks?\b", re.IGNORECASE)
    assert [c for c in commands if block.search(c)] == []
    undo_steps = [describe(Op(kind, "p1", {})) for kind in KINDS]
    assert [c for c in undo_steps if block.search(c)] == []
    sheet.close()
    QApplication.processEvents()


def test_the_f1_sheet_shows_every_key_without_scrolling_sideways(windows, tmp_path, qtbot):
    # At a fixed 620 pixels the keys column ("Ctrl+Shift+Return / Ctrl+Shift+Enter") was
    # cut off behind a horizontal scroll bar.
    window = windows(make_db(tmp_path / "a.db", ["p1"]))
    press(window, qtbot, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: (s := window.findChild(ShortcutSheet)) is not None and s.isVisible())
    sheet = window.findChild(ShortcutSheet)
    table = sheet.table
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() == 0
    keys = max(
        table.fontMetrics().horizontalAdvance(table.item(r, 2).text())
        for r in range(table.rowCount())
    )
    assert table.columnWidth(2) >= keys
    sheet.close()
    QApplication.processEvents()
