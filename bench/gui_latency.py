"""Latency of the review window on long pages (offscreen): open, label, undo, next page.

Pages of 20,000 characters with 1,000 spans each. Every figure is measured from the call or
key press until the window has processed the resulting events, painting included, and
printed as the 95th percentile in milliseconds (wall clock; ``*_cpu_*``: the main thread's
CPU time, which a machine busy with other work inflates far less):

    open_page_p95_ms=   open a page not yet shown (store read, view, outline, undo stack)
    label_p95_ms=       select two characters, press a label key: span committed and repainted
    undo_p95_ms=        Ctrl+Z of a label: inverse committed and repainted (the caret goes to
                        the undone span: an undo off screen scrolls, and the whole viewport
                        repaints; ``undo_in_place_*`` and ``undo_scrolled_*`` tell them apart)
    next_page_p95_ms=   Ctrl+PgDown to a page already visited once
    outline_p95_ms=     the outline catching up once keys pause (after each label key)

Targets (issue 3): open <= 50, label <= 16, undo <= 16, next page <= 50; issue 11: label
and undo <= 12.
Run: python bench/gui_latency.py [--pages N] [--chars N] [--spans N]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.model import Block, Page, Span  # noqa: E402
from annotator.store import Store  # noqa: E402

BASE = (
    "本报讯 市委书记邓群策主持召开会议,研究部署全市粮食生产工作,全年播种面积720万亩,同比增长3.5%。"
)
LABELS = ("PER", "ORG", "LOC", "DATE", "FIGURE")


def page_text(chars: int, paragraph: int = 200) -> str:
    paras, total = [], 0
    while total < chars:
        para = (BASE * (paragraph // len(BASE) + 1))[:paragraph]
        paras.append(para)
        total += len(para) + 2
    return "\n\n".join(paras)[:chars]


def page_parts(text: str, spans: int) -> tuple[list[Block], list[Span]]:
    blocks, pos = [], 0
    for i, para in enumerate(text.split("\n\n")):
        if para:
            role = "headline" if i % 10 == 0 else "body"
            blocks.append(Block(pos, pos + len(para), role, i // 10 + 1))
        pos += len(para) + 2
    step = len(text) // spans
    out = []
    for k in range(spans):
        start = k * step
        while text[start] == "\n":
            start += 1
        status = "accepted" if k % 2 else "suggested"
        out.append(Span(start, start + 3, LABELS[k % 5], "rule", status))
    return blocks, out


def build_db(path: Path, pages: int, chars: int, spans: int) -> None:
    text = page_text(chars)
    blocks, suggestions = page_parts(text, spans)
    with Store.open(path) as store:
        for i in range(pages):
            page = Page(f"page{i:03d}", text, f"page{i:03d}.txt", f"{i:064x}")
            store.add_page(page, blocks, suggestions)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def timed(app: QApplication, action, cpu: list[float] | None = None) -> float:  # noqa: ANN001
    """Wall-clock milliseconds of ``action`` and the events it caused; its main-thread CPU
    milliseconds are appended to ``cpu``."""
    start, used = time.perf_counter(), time.thread_time()
    action()
    app.processEvents()  # layout and paint of what the action changed
    if cpu is not None:
        cpu.append((time.thread_time() - used) * 1000)
    return (time.perf_counter() - start) * 1000


def outline_catch_up(app: QApplication, window) -> float:  # noqa: ANN001
    """The reviewer pauses: what the outline then does (it waits for a pause, not timed)."""
    timer = getattr(window, "_outline_timer", None)  # older windows follow at once
    if timer is None or not timer.isActive():
        return 0.0
    timer.stop()
    return timed(app, timer.timeout.emit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--chars", type=int, default=20000)
    parser.add_argument("--spans", type=int, default=1000)
    parser.add_argument("--labels", type=int, default=100)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="gui_latency_"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "ini"))
    db_path = tmp / "bench.db"
    build_db(db_path, args.pages, args.chars, args.spans)

    from annotator.gui.app import application
    from annotator.gui.main_window import MainWindow

    app = application()
    store = Store.open(db_path)
    window = MainWindow(store, "bench", db_path)
    window.resize(1500, 900)
    window.show()
    window.activateWindow()
    app.processEvents()
    while not window.rules_loaded:  # measure the keys, not the rules' warm-up beside them
        app.processEvents()
        time.sleep(0.005)
    gc.freeze()  # as annotator.gui.app.run does once the window is up
    view = window.view
    view.setFocus()

    ids = store.page_ids()
    opens = [timed(app, lambda pid=pid: window.open_page(pid)) for pid in ids[1:]]

    window.open_page(ids[0])
    app.processEvents()
    text = view.page_state.page.text
    labels, undos, outline = [], [], []
    label_cpu: list[float] = []
    undo_cpu: list[float] = []
    positions = [i for i in range(5, len(text) - 5, len(text) // args.labels) if text[i] != "\n"]
    for n, cp in enumerate(positions[: args.labels]):
        cursor = view.textCursor()
        cursor.setPosition(view.offsets.to_utf16(cp))
        cursor.setPosition(view.offsets.to_utf16(cp + 2), cursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        app.processEvents()
        key = getattr(Qt.Key, f"Key_{n % 5 + 1}")
        labels.append(timed(app, lambda key=key: QTest.keyClick(view, key), label_cpu))
        outline.append(outline_catch_up(app, window))
    in_place, scrolled = [], []  # an undo off screen scrolls there: a whole viewport repaints
    for _ in range(len(labels)):
        top = view.verticalScrollBar().value()
        undos.append(
            timed(
                app,
                lambda: QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
                undo_cpu,
            )
        )
        (in_place if view.verticalScrollBar().value() == top else scrolled).append(undo_cpu[-1])
    window.open_page(ids[0])
    nexts = []
    for _ in ids[1:]:
        nexts.append(
            timed(
                app,
                lambda: QTest.keyClick(
                    view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
                ),
            )
        )
    added = len(store.history(ids[0])[1])
    window.close()
    store.close()

    print(f"pages={args.pages}")
    print(f"page_chars={len(text)}")
    print(f"page_spans={args.spans}")
    print(f"labels_made={len(labels)}")
    print(f"labels_undone_in_db={added}")
    print(f"open_page_p95_ms={p95(opens):.1f}")
    print(f"label_p95_ms={p95(labels):.1f}")
    print(f"undo_p95_ms={p95(undos):.1f}")
    print(f"next_page_p95_ms={p95(nexts):.1f}")
    print(f"outline_p95_ms={p95(outline):.1f}")
    print(f"label_cpu_p95_ms={p95(label_cpu):.1f}")
    print(f"undo_cpu_p95_ms={p95(undo_cpu):.1f}")
    print(f"undos_in_place={len(in_place)}")
    print(f"undos_scrolled={len(scrolled)}")
    if in_place:
        print(f"undo_in_place_cpu_p95_ms={p95(in_place):.1f}")
    if scrolled:
        print(f"undo_scrolled_cpu_p95_ms={p95(scrolled):.1f}")
    print(f"open_page_median_ms={statistics.median(opens):.1f}")
    print(f"label_median_ms={statistics.median(labels):.1f}")
    print(f"undo_median_ms={statistics.median(undos):.1f}")
    print(f"next_page_median_ms={statistics.median(nexts):.1f}")


if __name__ == "__main__":
    main()
