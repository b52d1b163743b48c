"""Import and export on the worker thread: results in the database and on disk, cancelling."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from annotator import pipeline
from annotator.exporting import ExportRequest
from annotator.formats.gold_jsonl import export_records, read_jsonl
from annotator.gui import workers
from annotator.gui.workers import paths_from_mime, run_export_request, run_import
from annotator.resources import seeds_dir
from annotator.store import Store

N_FILES = 8


@pytest.fixture
def page_files(tmp_path: Path) -> list[Path]:
    """N_FILES distinct page files made from the sample pages."""
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(seeds_dir().glob("*.txt"))
    files = []
    for i in range(N_FILES):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        path = folder / f"page_{i:02d}.txt"
        path.write_text(f"第{i + 1}版\n\n{text}", encoding="utf-8")
        files.append(path)
    return files


def progress_dialog() -> QProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QProgressDialog) and widget.isVisible():
            return widget
    return None


def click_cancel_when(
    qtbot, ready: threading.Event, then: threading.Event, key: Qt.Key | None = None
) -> list[tuple]:
    """Once the worker is ``ready``, click the dialog's Cancel button (or press ``key``),
    then release the worker.

    Returns a list that receives what the dialog showed right after the click.
    """
    cancelling: list[tuple] = []

    def poll() -> None:
        dialog = progress_dialog()
        if dialog is None or not ready.is_set():
            QTimer.singleShot(5, poll)
            return
        button = dialog.findChild(QPushButton)
        if key is None:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(dialog, key)
        # The dialog stays up, saying so, until the worker has really stopped.
        cancelling.append((dialog.isVisible(), dialog.labelText(), button.isEnabled()))
        then.set()

    QTimer.singleShot(0, poll)
    return cancelling


def gate_progress(monkeypatch, at: int) -> tuple[threading.Event, threading.Event]:
    """Make the import worker wait before file ``at`` until the test lets it go on."""
    ready, go_on = threading.Event(), threading.Event()
    real = pipeline.import_paths

    def gated(store, paths, *, progress: Callable, **kwargs):
        def wrapped(done: int, total: int, name: str) -> bool:
            if done == at:
                ready.set()
                assert go_on.wait(10)
            return progress(done, total, name)

        return real(store, paths, progress=wrapped, **kwargs)

    monkeypatch.setattr(pipeline, "import_paths", gated)
    return ready, go_on


def whole_pages(db_path: Path) -> dict[str, tuple[int, bool]]:
    """Each page with its number of blocks and whether its predictions were stored."""
    with Store.open(db_path) as store:
        return {
            page_id: (len(store.blocks(page_id)), store.predictions(page_id) != ([], []))
            for page_id in store.page_ids()
        }


# --- import -------------------------------------------------------------------------------


def test_import_runs_on_a_worker_and_the_pages_are_in_the_database(
    qtbot, empty_db, page_files, messages, monkeypatch
) -> None:
    bad = page_files[0].parent / "broken.txt"
    bad.write_bytes(b"PK\x03\x04\x00\x00binary\x00\x01" * 10)  # a zip, not text
    main_thread = threading.get_ident()
    seen_threads: set[int] = set()
    real = pipeline.import_paths

    def spy(store, paths, **kwargs):
        seen_threads.add(threading.get_ident())
        return real(store, paths, **kwargs)

    monkeypatch.setattr(pipeline, "import_paths", spy)
    report = run_import(None, empty_db, [page_files[0].parent])
    assert seen_threads and main_thread not in seen_threads
    assert report is not None and not report.cancelled
    assert len(report.imported) == N_FILES
    pages = whole_pages(empty_db)
    assert sorted(pages) == sorted(page_id for _, page_id in report.imported)
    assert all(blocks > 0 and predicted for blocks, predicted in pages.values())
    assert progress_dialog() is None
    [message] = messages
    assert f"Imported: {N_FILES}" in message["text"]
    assert [path for path, _ in report.refused] == [str(bad)]
    # The message names the refused file and the reason, in the text and in the details.
    assert message["icon"] == QMessageBox.Icon.Warning
    assert "Refused: 1" in message["text"]
    assert f"{bad}: not text" in message["text"]
    assert message["details"].startswith(f"{bad}: not text")


def test_after_an_import_the_window_has_the_keyboard_again(
    qtbot, empty_db, page_files, messages
) -> None:
    """Shortcuts of the window must work at once after the progress dialog closes."""
    window = QMainWindow()
    field = QLineEdit(window)
    window.setCentralWidget(field)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and field.hasFocus())
    assert run_import(window, empty_db, page_files) is not None
    # Activation is asynchronous; without a hand-back it would never come (offscreen).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and field.hasFocus())


def test_import_again_skips_every_file(qtbot, empty_db, page_files, messages) -> None:
    run_import(None, empty_db, page_files)
    report = run_import(None, empty_db, page_files)
    assert report is not None
    assert len(report.skipped) == N_FILES and not report.imported
    assert f"Skipped (already in the database): {N_FILES}" in messages[-1]["text"]


def test_missing_path_is_refused_with_its_reason(qtbot, empty_db, tmp_path, messages) -> None:
    missing = tmp_path / "nowhere.txt"
    report = run_import(None, empty_db, [missing])
    assert report is not None and report.refused[0][0] == str(missing)
    assert messages[-1]["icon"] == QMessageBox.Icon.Warning
    assert "Refused: 1" in messages[-1]["text"]
    assert f"{missing}: no such file" in messages[-1]["text"]


def test_cancel_mid_import_keeps_only_whole_pages(
    qtbot, empty_db, page_files, messages, monkeypatch
) -> None:
    ready, go_on = gate_progress(monkeypatch, at=3)
    cancelling = click_cancel_when(qtbot, ready, go_on)
    report = run_import(None, empty_db, page_files)
    assert cancelling == [(True, "Cancelling…", False)]
    assert report is not None and report.cancelled
    assert [path for path, _ in report.imported] == [str(p) for p in page_files[:3]]
    pages = whole_pages(empty_db)
    assert sorted(pages) == sorted(page_id for _, page_id in report.imported)
    assert all(blocks > 0 and predicted for blocks, predicted in pages.values())
    assert "cancelled" in messages[-1]["text"]
    assert progress_dialog() is None


def test_large_import_prepares_in_processes_and_cancels_to_whole_pages(
    qtbot, empty_db, tmp_path, messages, monkeypatch
) -> None:
    """Batches of 64+ files are prepared by worker processes started from our thread."""
    folder = tmp_path / "many"
    folder.mkdir()
    seed = sorted(seeds_dir().glob("*.txt"))[0].read_text(encoding="utf-8")
    files = []
    for i in range(80):
        path = folder / f"p{i:03d}.txt"
        path.write_text(f"第{i}版\n\n{seed}", encoding="utf-8")
        files.append(path)
    from annotator.pipeline import workers

    pools = []
    real_pool = workers.ProcessPoolExecutor

    def pool(*args, **kwargs):
        pools.append(kwargs["mp_context"].get_start_method())
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    ready, go_on = gate_progress(monkeypatch, at=20)
    click_cancel_when(qtbot, ready, go_on)
    report = run_import(None, empty_db, [folder])
    assert pools in (["forkserver"], ["spawn"])  # never fork a process running Qt threads
    assert report is not None and report.cancelled
    assert [path for path, _ in report.imported] == [str(p) for p in files[:20]]
    pages = whole_pages(empty_db)
    assert sorted(pages) == sorted(page_id for _, page_id in report.imported)
    assert all(blocks > 0 and predicted for blocks, predicted in pages.values())


def test_cancel_before_the_first_file_returns_none(
    qtbot, empty_db, page_files, messages, monkeypatch
) -> None:
    ready, go_on = gate_progress(monkeypatch, at=0)
    click_cancel_when(qtbot, ready, go_on)
    assert run_import(None, empty_db, page_files) is None
    assert whole_pages(empty_db) == {}
    assert messages == []


def test_unusable_database_is_reported_not_raised(qtbot, tmp_path, page_files, messages) -> None:
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("this is not a database\n" * 100)
    assert run_import(None, not_a_db, page_files) is None
    assert messages[-1]["icon"] == QMessageBox.Icon.Critical
    assert str(not_a_db) in messages[-1]["informative"]


# --- export ---------------------------------------------------------------------------------


def run_export(db_path: Path, target: Path, fmt: str, status: str) -> int | None:
    """The window's export of the pages of ``status`` ("all": every page)."""
    statuses = None if status == "all" else [status]
    return run_export_request(None, db_path, target, ExportRequest(fmt, statuses))


def expected_records(db_path: Path, status: str | None) -> list[dict]:
    with Store.open(db_path) as store:
        return list(export_records(store.iter_pages(status)))


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_export_writes_a_valid_file(qtbot, seeded_db, tmp_path, messages, fmt) -> None:
    target = tmp_path / f"gold.{fmt}"
    count = run_export(seeded_db, target, fmt, "all")
    expected = expected_records(seeded_db, None)
    assert count == len(expected) > 0
    if fmt == "jsonl":
        assert list(read_jsonl(target)) == expected
    else:
        assert json.loads(target.read_text(encoding="utf-8")) == expected
    assert f"Wrote {count} articles to {target}." in messages[-1]["text"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_of_done_pages_when_none_is_done_is_refused(
    qtbot, seeded_db, tmp_path, messages
) -> None:
    # An empty file was written over the last export, "Wrote 0 articles".
    target = tmp_path / "gold.jsonl"
    assert run_export(seeded_db, target, "jsonl", "done") is None
    assert not target.exists()
    assert "Wrote" not in messages[-1]["text"]
    # The reason in the message itself, naming the dialog's field, not the option:
    # "The export could not be written." alone read as a disk failure.
    assert messages[-1]["informative"] == "Pages with status: no page is done; the pages are 2 new"


def gate_export(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """Make the export worker wait after its first record until the test lets it go on."""
    ready, go_on = threading.Event(), threading.Event()
    from annotator import exporting

    real = exporting.export_row_records

    def gated(pages, *collect):  # warnings
        for n, record in enumerate(real(pages, *collect)):
            if n == 1:
                ready.set()
                assert go_on.wait(10)
            yield record

    monkeypatch.setattr(exporting, "export_row_records", gated)
    return ready, go_on


def test_cancelled_export_leaves_no_file(qtbot, seeded_db, tmp_path, messages, monkeypatch) -> None:
    target = tmp_path / "out" / "gold.jsonl"
    target.parent.mkdir()
    ready, go_on = gate_export(monkeypatch)
    click_cancel_when(qtbot, ready, go_on)
    assert run_export(seeded_db, target, "jsonl", "all") is None
    assert list(target.parent.iterdir()) == []
    assert messages == []


def test_cancelled_export_leaves_an_existing_file_unchanged(
    qtbot, seeded_db, tmp_path, messages, monkeypatch
) -> None:
    target = tmp_path / "gold.jsonl"
    target.write_bytes(b'{"earlier": "export"}\n')
    ready, go_on = gate_export(monkeypatch)
    cancelling = click_cancel_when(qtbot, ready, go_on, key=Qt.Key.Key_Escape)
    assert run_export(seeded_db, target, "jsonl", "all") is None
    assert cancelling == [(True, "Cancelling…", False)]
    assert target.read_bytes() == b'{"earlier": "export"}\n'
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".gold")] == []


def test_export_into_a_missing_folder_is_reported(qtbot, seeded_db, tmp_path, messages) -> None:
    target = tmp_path / "no" / "such" / "gold.jsonl"
    assert run_export(seeded_db, target, "jsonl", "all") is None
    assert messages[-1]["icon"] == QMessageBox.Icon.Critical
    assert str(target) in messages[-1]["informative"]


def test_unknown_export_format_is_a_programming_error(qtbot, seeded_db, tmp_path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        run_export(seeded_db, tmp_path / "x", "xml", "all")


# --- drag and drop ----------------------------------------------------------------------------


def test_paths_from_mime_keeps_local_files_and_folders_once(qapp, tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    file = tmp_path / "一版.txt"
    file.write_text("x", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls(
        [
            QUrl.fromLocalFile(str(folder)),
            QUrl("https://example.org/page.txt"),
            QUrl.fromLocalFile(str(file)),
            QUrl.fromLocalFile(str(folder)),
        ]
    )
    assert paths_from_mime(mime) == [folder, file]
    text_only = QMimeData()
    text_only.setText(str(file))
    assert paths_from_mime(text_only) == []


def test_the_window_exports_every_format_of_the_command_line(
    qtbot, seeded_db, tmp_path, messages
) -> None:
    # doccano counts UTF-16 units, as the command line's export does; BIO reads back.
    from annotator.formats.conll import read_conll

    target = tmp_path / "all.doccano.jsonl"
    count = run_export(seeded_db, target, "doccano", "all")
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert count == len(lines) == 8
    assert {"text", "label", "page_id"} <= set(lines[0])
    bio = tmp_path / "all.bio"
    assert run_export(seeded_db, bio, "bio", "all") == 8
    assert len(read_conll(bio)) > 20


def test_a_cancelled_format_export_leaves_no_file(
    qtbot, seeded_db, tmp_path, messages, monkeypatch
) -> None:
    def cancel_at_once(done: int, total: int, what: str) -> bool:
        return False

    real = workers._format_export_job

    def job_with_cancel(target, request):  # noqa: ANN001, ANN202
        inner = real(target, request)
        return lambda store, progress: inner(store, cancel_at_once)

    monkeypatch.setattr(workers, "_format_export_job", job_with_cancel)
    target = tmp_path / "x.doccano.jsonl"
    assert run_export(seeded_db, target, "doccano", "all") is None
    assert not target.exists()
    assert list(tmp_path.glob("*.tmp")) == [] and list(tmp_path.glob(".x*")) == []
