"""Export failures in the window speak the interface language and name the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.gui.i18n import install_translator

from .pages import ALL_STATUSES, export_from_dialog, make_db


def _export_through_the_menu(window, monkeypatch, target: Path, qtbot) -> None:
    """File > Export gold data…, the dialog answered with ``target``, all pages."""
    export_from_dialog(window, qtbot, target, "jsonl", ALL_STATUSES)


@pytest.fixture
def chinese(qapp):
    install_translator(qapp, "zh_CN")
    yield qapp
    install_translator(qapp, "en")


def test_a_failing_export_shows_the_chinese_reason_with_the_file_named(
    chinese, windows, qtbot, tmp_path, monkeypatch, messages
):
    window = windows(make_db(tmp_path / "zh.db", ["p1"]))
    target = tmp_path / "没有这个文件夹" / "gold.jsonl"
    _export_through_the_menu(window, monkeypatch, target, qtbot)
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert messages[0]["icon"] == QMessageBox.Icon.Critical
    assert messages[0]["text"] == "无法写入导出文件。"
    assert messages[0]["informative"].startswith(str(target) + "：")
    assert "文件夹不存在；请选择一个已有的文件夹" in messages[0]["informative"]
    assert not target.parent.exists()


def test_a_folder_we_did_not_write_is_refused_in_chinese(
    chinese, windows, qtbot, tmp_path, monkeypatch, messages
):
    window = windows(make_db(tmp_path / "zh.db", ["p1"]))
    folder = tmp_path / "别人的"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    export_from_dialog(window, qtbot, folder, "brat", ALL_STATUSES)
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert messages[0]["informative"] == (
        f"{folder}：是一个不由 annotator 写入的文件夹；请选择新的或空的文件夹"
    )
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_the_same_failure_stays_english_in_the_english_interface(
    qapp, windows, qtbot, tmp_path, monkeypatch, messages
):
    install_translator(qapp, "en")
    window = windows(make_db(tmp_path / "en.db", ["p1"]))
    target = tmp_path / "missing" / "gold.jsonl"
    _export_through_the_menu(window, monkeypatch, target, qtbot)
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert messages[0]["informative"] == (
        f"{target}: the folder does not exist; choose an existing folder"
    )


def test_the_export_message_names_the_pages_that_gave_no_record(
    qapp, windows, qtbot, tmp_path, messages
):
    """A page of page furniture only (no paragraph in an article) gives no record: it was
    left out of the export without a word, and the team counted pages that were not there."""
    from annotator.model import Block
    from annotator.store import Store

    from .pages import SAMPLE, add_page, paragraphs

    install_translator(qapp, "en")
    path = make_db(tmp_path / "furniture.db", ["p1"])
    with Store.open(path) as store:
        furniture = [Block(s, e, "other", None) for s, e in paragraphs(SAMPLE)]
        add_page(store, "ads", SAMPLE, furniture, [])
    window = windows(path)
    target = tmp_path / "gold.jsonl"
    export_from_dialog(window, qtbot, target, "jsonl", ALL_STATUSES)
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert target.read_text(encoding="utf-8").count("\n") == 2  # p1's two articles
    assert (
        "Pages that gave no record: 1. No paragraph on them is in an article" in messages[0]["text"]
    )
    assert "ads: no article, no record" in messages[0]["details"].splitlines()


def test_an_export_that_selects_no_page_names_the_dialogs_field_in_chinese(
    chinese, windows, qtbot, tmp_path, messages
):
    # "The export could not be written." with "--status: no page is done…" behind Show
    # Details read as a disk failure, in the command line's words.
    window = windows(make_db(tmp_path / "zh.db", ["p1"]))
    target = tmp_path / "gold.jsonl"
    export_from_dialog(window, qtbot, target, "jsonl", ("done",))
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert messages[0]["text"] == "无法写入导出文件。"
    assert messages[0]["informative"].startswith("页面状态：")
    assert "--status" not in messages[0]["informative"]
    assert not target.exists()


def test_an_export_of_an_empty_database_says_so_without_a_dash(qapp, tmp_path, messages):
    from annotator.exporting import ExportRequest
    from annotator.gui.workers import run_export_request
    from annotator.store import Store

    install_translator(qapp, "en")
    path = tmp_path / "empty.db"
    Store.open(path).close()
    assert (
        run_export_request(None, path, tmp_path / "g.jsonl", ExportRequest("jsonl", None)) is None
    )
    # It said "-: the database has no pages" ("-" is the command line's standard output).
    assert messages[-1]["informative"] == "the database has no pages; import some first"
