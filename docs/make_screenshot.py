"""Regenerate docs/screenshot.png: the review window on the bundled sample pages.

Renders offscreen (no display needed; a CJK font such as fonts-noto-cjk must be installed)
in a throw-away settings folder and database. The window is driven with the same keys a
reviewer presses: a few suggestions accepted, so accepted and suggested spans both show.

    python docs/make_screenshot.py                       # docs/screenshot.png
    python docs/make_screenshot.py --state accept --out /tmp/accept.png
    python docs/make_screenshot.py --state shortcuts --out /tmp/f1.png
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.pipeline import import_paths  # noqa: E402
from annotator.resources import seeds_dir  # noqa: E402
from annotator.store import Store  # noqa: E402

SIZE = (1500, 900)


def keys(app: QApplication, widget, *presses: tuple[Qt.Key, Qt.KeyboardModifier]) -> None:  # noqa: ANN001
    for key, modifier in presses:
        QTest.keyClick(widget, key, modifier)
        app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--state", choices=["main", "accept", "shortcuts"], default="main")
    parser.add_argument("--language", choices=["en", "zh_CN"], default="en")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="annotator_shot_"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "ini"))
    db_path = tmp / "annotator.db"
    with Store.open(db_path) as store:
        import_paths(store, [seeds_dir()])

    from annotator.gui import settings
    from annotator.gui.app import application
    from annotator.gui.i18n import install_translator
    from annotator.gui.main_window import MainWindow

    app = application()
    install_translator(app, args.language)
    settings.set_reviewer("Ana")
    store = Store.open(db_path)
    window = MainWindow(store, "Ana", db_path)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    view = window.view
    view.setFocus()
    none = Qt.KeyboardModifier.NoModifier
    # Show where the first article ends and the second begins, and review from there:
    # accept three suggestions, reject one, accept one more.
    blocks = view.page_state.blocks
    second = next(b for b in blocks if b.article == 2)
    top = blocks[max(0, blocks.index(second) - 3)].start
    app.processEvents()
    view.move_caret(top)
    view.scroll_to_top(top)
    keys(app, view, (Qt.Key.Key_N, none), (Qt.Key.Key_A, none), (Qt.Key.Key_A, none))
    keys(app, view, (Qt.Key.Key_A, none), (Qt.Key.Key_R, none), (Qt.Key.Key_A, none))
    if args.state == "accept":
        keys(app, view, (Qt.Key.Key_N, none))  # the next suggestion, about to be accepted
    if args.state == "shortcuts":
        keys(app, view, (Qt.Key.Key_F1, none))
    QTest.qWait(600)  # the page list's span counts follow a short pause in typing
    image = window.grab()
    sheet = window._sheet
    if sheet is not None and sheet.isVisible():
        image = _with_sheet(window, image, sheet.grab())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(args.out))
    window.close()
    store.close()
    print(f"saved {args.out}")


def _with_sheet(window, image: QPixmap, sheet: QPixmap) -> QPixmap:  # noqa: ANN001
    """The F1 sheet is its own window offscreen: draw it over the main window's image."""
    painter = QPainter(image)
    x = (image.width() - sheet.width()) // 2
    y = (image.height() - sheet.height()) // 2
    painter.drawPixmap(x, y, sheet)
    painter.end()
    return image


if __name__ == "__main__":
    main()
