"""The Chinese interface is complete: messages of the core (edit refusals, import refusals,
database errors) are shown in Chinese, Qt's own dialogs too, and page ids are shown whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from annotator.gui.i18n import core_text, install_translator
from annotator.gui.page_list_model import COL_PAGE
from annotator.gui.workers import _Texts
from annotator.importing import ImportRefused, decode_page_bytes
from annotator.messages import msg
from annotator.pipeline import ImportReport
from annotator.store import DatabaseDamaged, StoreError, damage_message

from .pages import make_db
from .test_window_edits import press


@pytest.fixture
def chinese(qapp):
    install_translator(qapp, "zh_CN")
    yield qapp
    install_translator(qapp, "en")


def test_an_edit_refusal_is_shown_in_chinese_in_the_status_bar(chinese, windows, qtbot, tmp_path):
    window = windows(make_db(tmp_path / "zh.db", ["p1"]))
    press(window, qtbot, Qt.Key.Key_J)  # the first block has no paragraph before it to join
    assert window.statusBar().currentMessage() == "这是本页第一个段落，前面没有可接续的段落"


def test_an_edit_refusal_stays_english_in_the_english_interface(qapp, windows, qtbot, tmp_path):
    install_translator(qapp, "en")
    window = windows(make_db(tmp_path / "en.db", ["p1"]))
    press(window, qtbot, Qt.Key.Key_J)
    assert window.statusBar().currentMessage() == (
        "The first paragraph on the page has no previous paragraph to join"
    )


def test_nested_core_messages_are_translated_whole(chinese, tmp_path):
    damaged = DatabaseDamaged(damage_message(tmp_path / "a.db", "database disk image is malformed"))
    assert core_text(damaged) == (
        f"{tmp_path / 'a.db'}：数据库已损坏（database disk image is malformed）；未向其写入任何内容；"
        f"{tmp_path / 'backups'} 中没有它的备份：请保留该文件并寻求帮助"
        f"（'sqlite3 {tmp_path / 'a.db'} .recover' 可挽救仍可读取的内容）"
    )
    # The English text is still what str() gives: the command line and logs are unchanged.
    assert str(damaged).startswith(f"{tmp_path / 'a.db'}: the database is damaged")


def test_import_refusals_and_changed_files_are_in_chinese_in_the_import_report(chinese):
    with pytest.raises(ImportRefused) as refused:
        decode_page_bytes(b" \n\t\n", "blank.txt")
    report = ImportReport(refused=[("blank.txt", refused.value.reason)])
    report.changed.append(
        (
            "a.txt",
            msg(
                "changed since its import; page {page} had not been reviewed, so it now holds "
                "the new version",
                page="a",
            ),
        )
    )
    text, details = _Texts().import_summary(report)
    assert "blank.txt：空文件（只有空白字符）" in text and "blank.txt：空文件" in details
    assert "导入后文件已更改；页面 a 尚未审校，现已换成新版本" in text
    assert "导入后已更改的文件：" in text


def test_a_store_error_without_a_template_is_shown_as_it_is(chinese):
    assert core_text(StoreError("plain words")) == "plain words"
    assert core_text("just text") == "just text"


def test_a_broken_translation_falls_back_to_the_english(chinese, monkeypatch):
    monkeypatch.setattr(QCoreApplication, "translate", staticmethod(lambda c, t: "坏 {missing}"))
    assert core_text(msg("span id {id} already exists", id=3)) == "span id 3 already exists"


def test_qt_file_dialog_speaks_chinese(chinese, qtbot):
    dialog = QFileDialog(None, "import")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "取消" in buttons and "打开(&O)" in buttons
    assert "文件名称(&N)：" in labels


def test_page_ids_are_shown_whole_in_the_page_list(windows, tmp_path):
    ids = ["000_382c0e4239e1860e", "001_9f1b2c3d4e5f6071", "002_0a1b2c3d4e5f6a7b"]
    window = windows(make_db(tmp_path / "ids.db", ids))
    view = window.page_list.view
    width = view.columnWidth(COL_PAGE)
    metrics = view.fontMetrics()
    for row, page_id in enumerate(ids):
        assert view.model().index(row, COL_PAGE).data() == page_id
        # What the delegate draws: the id elided to the cell's text width.
        shown = metrics.elidedText(page_id, Qt.TextElideMode.ElideMiddle, width - 6)
        assert shown == page_id, (shown, width)


def test_qt_strings_come_from_the_pyside6_folder_when_qt_has_none_of_its_own(
    qapp, monkeypatch, tmp_path
):
    from annotator.gui import i18n

    monkeypatch.setattr(i18n.QLibraryInfo, "path", staticmethod(lambda _which: str(tmp_path)))
    try:
        assert install_translator(qapp, "zh_CN") == "zh_CN"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        install_translator(qapp, "en")


def test_the_window_imports_nothing_into_a_damaged_database(windows, tmp_path, monkeypatch):
    from annotator import store as store_module
    from annotator.gui import workers
    from tests.core.damage import damage_table

    db = make_db(tmp_path / "d.db", ["p1"])
    damage_table(db, "predictions")  # not read by the window
    monkeypatch.setattr(store_module.safety, "QUICK_CHECK_AT_OPEN_BYTES", 0)  # as for a big file
    window = windows(db)
    store = window.store
    failures = []
    monkeypatch.setattr(
        workers,
        "_message",
        lambda parent, icon, title, text, details="", informative="": failures.append(
            details + informative
        ),
    )
    page = tmp_path / "new.txt"
    page.write_text("标题\n\n正文。\n", encoding="utf-8")
    window.import_paths([page])
    assert store.page_ids() == ["p1"]
    assert any("the database is damaged" in text for text in failures), failures


def test_the_window_says_in_chinese_why_a_database_cannot_be_opened(chinese, tmp_path):
    from annotator.store import Store

    folder = tmp_path / "a.db"
    folder.mkdir()
    with pytest.raises(StoreError) as refused:
        Store.open(folder)
    assert core_text(refused.value) == f"{folder}：这是文件夹，不是数据库文件"
    with pytest.raises(StoreError) as missing:
        Store.open(tmp_path / "none.db", readonly=True)
    assert core_text(missing.value) == (
        f"{tmp_path / 'none.db'}：数据库不存在；请先运行 'annotator import'"
    )


def test_statuses_in_messages_are_the_reviewers_words_in_chinese(chinese, tmp_path):
    # "no page is in_progress; the pages are 1 new": the stored names, untranslated.
    from annotator.exporting import ExportRequest, export
    from annotator.formats.gold_jsonl import ExportError
    from annotator.store import Store

    db = make_db(tmp_path / "s.db", ["p1"])
    with Store.open(db) as store, pytest.raises(ExportError) as refused:
        export(store, ExportRequest(statuses=["in_progress", "done"]), tmp_path / "o.jsonl")
    assert str(refused.value) == "--status: no page is in progress or done; the pages are 1 new"
    assert "进行中或已完成" in core_text(refused.value) and "未开始 1 页" in core_text(
        refused.value
    )


def test_a_span_status_in_the_status_bar_is_in_chinese(chinese, windows, qtbot, tmp_path):
    # "所选标注不是建议（它的状态是：accepted）": the stored name inside a Chinese sentence.
    from annotator.model import Block, Span
    from annotator.store import Store

    from .pages import add_page

    text = "标题\n\n市委书记邓群策主持会议。"
    with Store.open(tmp_path / "a.db") as store:
        add_page(
            store,
            "p1",
            text=text,
            blocks=[Block(0, 2, "headline", 1), Block(4, 16, "body", 1)],
            spans=[Span(8, 11, "PER", "human", "accepted")],
        )
    window = windows(tmp_path / "a.db")
    window.view.move_caret(0)
    press(window, qtbot, Qt.Key.Key_Period)  # the next span
    press(window, qtbot, Qt.Key.Key_A)
    assert window.statusBar().currentMessage() == "所选标注不是建议（它的状态是：已接受）。"
