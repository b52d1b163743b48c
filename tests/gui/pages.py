"""Test pages for the GUI tests, built directly with ``Store.add_page``.

Blocks are one per blank-line paragraph; articles, roles, joins, confidences and suggested
spans are given by hand, so the tests do not depend on the splitter or the suggesters.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from annotator.model import Block, Page, Span
from annotator.store import Store

SAMPLE = (
    "# 市委常委会召开会议\n\n"
    "■本报记者 陈润\n\n"
    "**本报讯** 3月4日,市委书记邓群策主持召开市委常委会会议,全市粮食面积720万亩。\n\n"
    "会议指出,要高站位认识把握,\n\n"
    "推进“一体两翼”建设。𠮷野家在长沙开店。\n\n"
    "# 第二篇文章标题\n\n"
    "湖南日报记者 李明 报道,岳阳市政府发布通知。\n\n"
    "图为会议现场。"
)
ROLES = ["headline", "byline", "body", "body", "body", "headline", "body", "caption"]
ARTICLES = [1, 1, 1, 1, 1, 2, 2, 2]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line separated paragraph."""
    out, pos = [], 0
    for para in text.split("\n\n"):
        out.append((pos, pos + len(para)))
        pos += len(para) + 2
    return out


def sample_blocks(text: str = SAMPLE) -> list[Block]:
    blocks = []
    for i, (start, end) in enumerate(paragraphs(text)):
        doubt = {"role": 0.55} if i == 1 else {}
        blocks.append(
            Block(
                start,
                end,
                ROLES[i] if i < len(ROLES) else "body",
                ARTICLES[i] if i < len(ARTICLES) else 2,
                False,
                doubt,
            )
        )
    return blocks


def span_of(text: str, needle: str, label: str, status: str = "suggested", **attrs: object) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), label, "rule", status, dict(attrs))


def sample_spans(text: str = SAMPLE) -> list[Span]:
    return [
        span_of(text, "3月4日", "DATE"),
        span_of(text, "邓群策", "PER"),
        span_of(text, "720万亩", "FIGURE", value=7200000, unit="亩"),
        span_of(text, "长沙", "LOC"),
        span_of(text, "李明", "PER"),
        span_of(text, "岳阳市政府", "ORG"),
    ]


def add_page(
    store: Store,
    page_id: str,
    text: str = SAMPLE,
    blocks: Sequence[Block] | None = None,
    spans: Sequence[Span] | None = None,
) -> None:
    sha = hashlib.sha256(f"{page_id}:{text}".encode()).hexdigest()
    store.add_page(
        Page(page_id, text, f"{page_id}.txt", sha),
        list(blocks if blocks is not None else sample_blocks(text)),
        list(spans if spans is not None else sample_spans(text)),
    )


def make_db(path: Path, page_ids: Sequence[str] = ("p1", "p2", "p3")) -> Path:
    with Store.open(path) as store:
        for page_id in page_ids:
            add_page(store, page_id)
    return path


def long_text(chars: int, paragraph: int = 180) -> str:
    """Chinese-looking text of about ``chars`` characters in blank-line paragraphs."""
    base = "本报讯 市委书记邓群策主持召开会议,研究部署全市粮食生产工作,全年面积720万亩。"
    paras, total = [], 0
    while total < chars:
        para = (base * (paragraph // len(base) + 1))[:paragraph]
        paras.append(para)
        total += len(para) + 2
    return "\n\n".join(paras)[:chars]


def long_page(store: Store, page_id: str, chars: int, spans: int) -> None:
    """A page of ``chars`` characters with ``spans`` suggested spans spread over it."""
    text = long_text(chars)
    blocks = [
        Block(s, e, "headline" if i % 12 == 0 else "body", i // 12 + 1)
        for i, (s, e) in enumerate(paragraphs(text))
        if e > s
    ]
    starts = [i for i in range(len(text) - 3) if text.startswith("邓群策", i)]
    step = max(1, len(text) // max(spans, 1))
    chosen: list[Span] = []
    pos = 0
    labels = ["PER", "ORG", "LOC", "DATE", "FIGURE"]
    while len(chosen) < spans and pos < len(text) - 4:
        if text[pos] not in "\n ":
            status = "accepted" if len(chosen) % 2 else "suggested"
            chosen.append(Span(pos, pos + 3, labels[len(chosen) % 5], "rule", status))
        pos += step
    del starts
    add_page(store, page_id, text, blocks, chosen)


class Windows:
    """Opens real main windows on database files for a test and closes them after it."""

    def __init__(self, qtbot) -> None:  # noqa: ANN001
        self.qtbot = qtbot
        self.open: list = []

    def __call__(self, db_path: Path, reviewer: str = "tester"):  # noqa: ANN204
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

        from annotator.gui.main_window import MainWindow

        store = Store.open(db_path)
        window = MainWindow(store, reviewer, Path(db_path))
        self.open.append((window, store))
        window.show()
        # The window's start-up (on an empty database, the sample-page offer and its
        # import: a modal dialog running an event loop of its own) is posted to the event
        # loop at once: run it to its end here, however long a loaded machine takes,
        # before the activation wait below starts its clock.
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()

        def active() -> bool:
            # A dialog opened at start-up (the sample-page offer) may take the activation.
            if QApplication.activeModalWidget() is None:
                window.activateWindow()
            return QApplication.activeWindow() is window

        self.qtbot.waitUntil(active)
        window.view.setFocus()
        return window

    def close(self, window) -> None:  # noqa: ANN001
        for i, (w, store) in enumerate(self.open):
            if w is window:
                from PySide6.QtCore import QCoreApplication, QEvent

                w.close()
                w.deleteLater()
                # Delete it now: a closed window Qt still reports as active would leak into
                # the next test (QApplication.activeWindow()).
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                store.close()
                del self.open[i]
                return

    def close_all(self) -> None:
        while self.open:
            self.close(self.open[-1][0])


def on_modal(callback, kind: type | None = None):  # noqa: ANN001, ANN201
    """Run ``callback(dialog)`` once a modal dialog (of ``kind``) is open.

    A failing callback closes the dialog, so a broken test fails instead of hanging.
    Returns a function that stops the waiting: a test expecting *no* dialog calls it, or
    the poll would live on and answer a later test's dialog.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    stopped = []

    def poll() -> None:
        if stopped:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or (kind is not None and not isinstance(dialog, kind)):
            QTimer.singleShot(10, poll)
            return
        if QApplication.activeWindow() is not dialog:
            # Offscreen, a new dialog is not activated by itself; keys would go elsewhere.
            dialog.activateWindow()
            QTimer.singleShot(10, poll)
            return
        try:
            callback(dialog)
        except BaseException:
            dialog.close()
            raise

    QTimer.singleShot(0, poll)
    return lambda: stopped.append(True)


def type_text(qtbot, widget, text: str) -> None:  # noqa: ANN001
    """Type ``text``: keys for ASCII, an input method's commit for the rest (Chinese is
    typed through an input method; QTest cannot press keys for it)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    widget.setFocus()
    QApplication.sendEvent(widget, event)


def export_from_dialog(window, qtbot, target, fmt: str = "jsonl", statuses=("done",)) -> None:  # noqa: ANN001
    """File › Export through its dialog, with real clicks and keys: ``fmt`` chosen with
    the arrow keys, ``target`` typed, the page ``statuses`` ticked, then Export."""
    from PySide6.QtCore import QPoint, Qt

    window.registry.actions["export"].trigger()
    qtbot.waitUntil(lambda: getattr(window, "_export_dialog", None) is not None)
    dialog = window._export_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_Home)
    while dialog.format.currentData() != fmt:
        qtbot.keyClick(dialog.format, Qt.Key.Key_Down)
    dialog.output.selectAll()
    type_text(qtbot, dialog.output, str(target))
    for status, box in dialog.statuses.items():
        if box.isChecked() != (status in statuses):
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


ALL_STATUSES = ("new", "in_progress", "done", "skipped", "flagged")


def index_catches_up(windows, qtbot, path: Path, index: str, query: str, probe: str) -> None:  # noqa: ANN001
    """Empty the full-text ``index`` (``fts`` or ``phrases``) of the 7-page database at
    ``path``, open a window on it and check what a reviewer meets while it lags: searching
    ``query`` finds every page at once, the status bar counts down to "up to date", and in
    the end the index holds ``probe`` once for every page."""
    table, mark = {"fts": ("pages_fts", "search"), "phrases": ("pages_phrases", "phrase")}[index]
    with Store.open(path) as store:
        store.db.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
        store.db.execute(f"UPDATE meta SET value = '0' WHERE key = '{mark}_indexed_rowid'")
    window = windows(path)
    assert window.store.count_pages(search=query) == 7  # complete while it lags
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window._index_timer.setInterval(10)  # the steps begin now (the test set INDEX_MS long)
    lag = getattr(window.store, f"{mark}_lag")
    qtbot.waitUntil(lambda: lag() == 0, timeout=5000)
    assert any("left" in m for m in messages) and "up to date" in messages[-1]
    with Store.open(path) as other:
        hits = other.db.execute(
            f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", [f'"{probe}"']
        )
        assert hits.fetchone()[0] == 7  # every page once
    assert window.store.count_pages(search=query) == 7
