"""Interface language: English (the source strings) or Simplified Chinese.

Our own strings come from ``resources/translations/annotator_zh_CN.qm``, made from the
``.ts`` file by ``scripts/update_translations.py``; Qt's own strings (standard dialog
buttons such as OK and Cancel, the file dialog) from Qt's ``qtbase_zh_CN.qm`` when the
Qt installation ships it. Calling ``install_translator`` again switches language: it
removes the translators it installed before. Widgets built earlier keep their texts
until rebuilt; the preferences say that a restart applies the change everywhere.

Messages of the core (edit refusals, import refusals, database errors) are translated by
``core_text``: they carry their English template and values (``annotator.messages``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.messages import CONTEXT, Message
from annotator.resources import resource_dir

LANGUAGES: tuple[str, ...] = ("auto", "en", "zh_CN")
_installed: list[QTranslator] = []


def system_language() -> str:
    """The supported language closest to the system locale: "zh_CN" for any Chinese."""
    for name in [QLocale.system().name(), *QLocale.system().uiLanguages()]:
        if name.replace("-", "_").lower().startswith("zh"):
            # Traditional-script readers still read Simplified better than English.
            return "zh_CN"
    return "en"


def install_translator(app: QApplication, language: str) -> str:
    """Translate the interface into ``language`` ("auto", "en" or "zh_CN").

    Returns the language now in effect: "en" also when the translation file is missing.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown interface language {language!r}; expected one of {LANGUAGES}")
    _remove_installed(app)
    wanted = system_language() if language == "auto" else language
    if wanted == "en":
        return "en"
    ours = QTranslator(app)
    folder = resource_dir() / "translations"
    if not ours.load(f"annotator_{wanted}", str(folder)):
        return "en"
    qt = QTranslator(app)
    for translator in [ours] + ([qt] if _load_qt_translation(qt, wanted) else []):
        app.installTranslator(translator)
        _installed.append(translator)
    return wanted


def _load_qt_translation(translator: QTranslator, language: str) -> bool:
    """Qt's own strings (dialog buttons, the file dialog): ``qtbase_<language>.qm`` from
    the Qt in use, else from the translations folder the PySide6 wheel ships."""
    import PySide6

    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]
    return any(translator.load(f"qtbase_{language}", folder) for folder in folders)


def _remove_installed(app: QApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


# --- core messages (issue 8) -------------------------------------------------------------


def core_text(value: object) -> str:
    """A core message (``annotator.messages.msg``), or an error carrying one, in the
    interface language; anything else as its plain text.

    The template is looked up in the "core" context of the translation and filled with the
    message's values; values that are messages themselves are translated the same way.
    """
    if isinstance(value, BaseException):
        value = value.args[0] if len(value.args) == 1 else str(value)
    if not isinstance(value, Message):
        return str(value)
    template = QCoreApplication.translate(CONTEXT, value.template)
    values = {k: core_text(v) if isinstance(v, Message) else v for k, v in value.values.items()}
    try:
        return template.format(**values) if values else template
    except (KeyError, IndexError, ValueError):  # a broken translation: the English is right
        return str(value)
