"""Interface language: the Chinese translation is loaded, English leaves the source texts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt

from annotator.gui import i18n
from annotator.gui.i18n import install_translator
from annotator.gui.page_list import PageListPanel
from annotator.resources import resource_dir
from annotator.store import Store

TS = resource_dir() / "translations" / "annotator_zh_CN.ts"


@pytest.fixture
def app(qapp):
    yield qapp
    install_translator(qapp, "en")  # later tests see English again


def test_zh_cn_translates_our_strings_and_en_leaves_them(app) -> None:
    assert install_translator(app, "zh_CN") == "zh_CN"
    assert QCoreApplication.translate("PageListPanel", "All") == "全部"
    assert QCoreApplication.translate("PageListModel", "Page") == "页面"
    assert QCoreApplication.translate("_Texts", "Import pages") == "导入页面"
    assert install_translator(app, "en") == "en"
    assert QCoreApplication.translate("PageListPanel", "All") == "All"
    assert QCoreApplication.translate("PageListModel", "Page") == "Page"


def test_widgets_built_after_the_switch_speak_chinese(app, qtbot, empty_db) -> None:
    install_translator(app, "zh_CN")
    with Store.open(empty_db) as store:
        panel = PageListPanel(store)
        qtbot.addWidget(panel)
        assert panel.filter_box.itemText(0) == "全部 (0)"
        assert panel.filter_box.itemText(1) == "未完成 (0)"
        assert panel.search_box.placeholderText() == "搜索页面文字或编号…"
        header = panel.model.headerData(1, Qt.Orientation.Horizontal)
        assert header == "页面"


def test_qt_standard_buttons_are_translated_when_qt_ships_chinese(app) -> None:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not (Path(folder) / "qtbase_zh_CN.qm").exists():
        pytest.skip("this Qt installation has no qtbase_zh_CN.qm")
    install_translator(app, "zh_CN")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_auto_follows_the_system_locale(app, monkeypatch) -> None:
    class FakeLocale:
        def __init__(self, name: str) -> None:
            self._name = name

        def name(self) -> str:
            return self._name

        def uiLanguages(self) -> list[str]:
            return [self._name.replace("_", "-")]

    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: FakeLocale("zh_CN")))
    assert install_translator(app, "auto") == "zh_CN"
    assert QCoreApplication.translate("PageListPanel", "Not done") == "未完成"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: FakeLocale("de_DE")))
    assert install_translator(app, "auto") == "en"
    assert QCoreApplication.translate("PageListPanel", "Not done") == "Not done"


def test_unknown_language_is_refused(app) -> None:
    with pytest.raises(ValueError, match="unknown interface language"):
        install_translator(app, "fr")


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    """A translation that drops or renames a {placeholder} would crash str.format()."""
    field = re.compile(r"\{[^{}]*\}")
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            continue
        source = message.findtext("source", "")
        assert sorted(field.findall(translation.text or "")) == sorted(field.findall(source)), (
            source
        )


def test_the_update_script_finds_strings_lupdate_cannot_see(tmp_path) -> None:
    """Aliased QT_TRANSLATE_NOOP and translate(CONSTANT, ...) are handed to lupdate too."""
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "menus.py").write_text(
        "from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication\n"
        "T = QT_TRANSLATE_NOOP\n"
        "CONTEXT = 'menus'\n"
        "ITEMS = [T('menus', 'Quit'), QT_TRANSLATE_NOOP('menus', 'Seen by lupdate')]\n"
        "def label(x):\n"
        "    return QCoreApplication.translate(CONTEXT, 'Label as {x}').format(x=x)\n",
        encoding="utf-8",
    )
    found = [(c, t) for c, t, _ in module.hidden_strings(tmp_path)]
    assert found == [("menus", "Quit"), ("menus", "Label as {x}")]


def test_menu_commands_are_translated(app) -> None:
    install_translator(app, "zh_CN")
    assert QCoreApplication.translate("actions", "Undo") == "撤销"
    assert QCoreApplication.translate("actions", "Label as {label}") == "标注为 {label}"


def test_every_interface_string_has_a_chinese_translation(tmp_path) -> None:
    # lupdate run on a copy of the .ts: a tr() string added without a translation fails here
    import importlib.util
    import shutil
    import subprocess
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "update_translations", root / "scripts" / "update_translations.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    copy = tmp_path / "copy.ts"
    shutil.copy(TS, copy)
    hidden = tmp_path / "hidden_strings.py"
    hidden.write_text(
        "from PySide6.QtCore import QT_TRANSLATE_NOOP\n"
        + "".join(
            f"QT_TRANSLATE_NOOP({c!r}, {t!r})\n"
            for c, t, _ in script.hidden_strings() + script.core_messages()
        ),
        encoding="utf-8",
    )
    sources = sorted(str(p) for p in (root / "annotator" / "gui").rglob("*.py"))
    subprocess.run(
        [script.tool("pyside6-lupdate"), *sources, str(hidden), "-no-obsolete", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    missing = [
        m.findtext("source")
        for m in ET.parse(copy).getroot().iter("message")
        if m.find("translation") is None or m.find("translation").get("type") == "unfinished"
    ]
    assert missing == [], "run scripts/update_translations.py and translate these"
