"""GUI test fixtures: isolated settings and home, databases with the sample pages."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Every GUI test gets its own QSettings (INI in tmp_path) and home folder."""
    from PySide6.QtCore import QSettings

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    settings = QSettings()
    settings.clear()
    # The reviewer name is asked once; tests answer it here so no dialog blocks them.
    settings.setValue("reviewer", "tester")
    settings.sync()
    yield


@pytest.fixture
def messages(monkeypatch) -> list[dict]:
    """Every message box shown (icon, text, details, informative text), answered OK instead of showing it."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[dict] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(
            {
                "icon": box.icon(),
                "text": box.text(),
                "details": box.detailedText(),
                "informative": box.informativeText(),
            }
        )
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def seeded_db(tmp_path) -> Path:
    """A database holding the two bundled sample pages, pre-split and pre-annotated."""
    from annotator.pipeline import import_paths
    from annotator.resources import seeds_dir
    from annotator.store import Store

    path = tmp_path / "seeded.db"
    with Store.open(path) as store:
        report = import_paths(store, [seeds_dir()])
    assert len(report.imported) == 2
    return path


@pytest.fixture
def empty_db(tmp_path) -> Path:
    from annotator.store import Store

    path = tmp_path / "empty.db"
    Store.open(path).close()
    return path


@pytest.fixture
def windows(qtbot):
    """Opens main windows on databases (tests/gui/pages.py) and closes them all after."""
    from .pages import Windows

    opened = Windows(qtbot)
    yield opened
    opened.close_all()
