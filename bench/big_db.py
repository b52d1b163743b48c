"""Benchmark: the window on a database of 100,000 pages.

Creates (once; later runs reuse it) a database of ``--pages`` pages made of paragraphs of
the sample pages, about ``--chars`` characters each, with blocks, articles and spans,
through ``Store.add_page`` (one transaction per page, as an import does). Then, in a fresh
process so that nothing is warm, it times opening the real main window offscreen until
it is shown with the page list painted, and a few list operations. Prints::

    window_shown_s=   process start (before importing Qt) to window shown, list painted (<= 2)
    rss_mb=           resident memory of that process at the end (<= 400)
    list_scroll_ms=   jump to the end of the list, repainted
    select_last_ms=   select_page() of the last page (scroll + select), repainted
    filter_ms=        switch the filter to "Not done", counts and list repainted
    search_ms=        a full-text search (trigram) until the list shows it (background thread)
    search_counts_ms= … until the counts of every status filter are in as well
    search_short_ms=  a two-character search (no trigram: reads every page), likewise
    search_short_counts_ms=
    search_long_ms=   a four-character search of a common word (its trigrams' pages are
                      confirmed by reading them), the first in this process, likewise
    search_long_counts_ms=
    search_long_warm_ms= another four-character search after it, likewise
    search_long_warm_counts_ms=
    search_ui_blocked_ms= the longest the window stopped responding during those searches
    refresh_ms=       refresh() as after a status change: counts and visible rows re-read

    python bench/big_db.py [--pages 100000] [--chars 3400] [--db bench/big.db] [--panel]

``--panel`` measures the page list panel in a bare window instead of the main window.
"""

from __future__ import annotations

import time

START = time.perf_counter()  # before any heavy import: the user waits for those too

import argparse  # noqa: E402
import hashlib  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STATUSES = ["new"] * 5 + ["in_progress", "done", "done", "skipped", "flagged"]
ROLES = ["headline", "byline", "body", "body", "body"]


# --- generating the database ---------------------------------------------------------------


def sample_paragraphs() -> list[str]:
    from annotator.resources import seeds_dir

    paragraphs = []
    for path in sorted(seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("**", "").replace("#", "")
        paragraphs += [p.strip() for p in text.split("\n") if len(p.strip()) > 8]
    return paragraphs


def make_page(i: int, rng: random.Random, paragraphs: list[str], chars: int) -> tuple:
    from annotator.model import Block, Page, Span

    parts = [f"第{i % 16 + 1}版 要闻 {i:06d}"]
    while sum(map(len, parts)) < chars:
        parts.append(rng.choice(paragraphs))
    text = "\n\n".join(parts) + "\n"
    blocks, spans, start = [], [], 0
    for k, part in enumerate(parts):
        article = None if k == 0 else 1 + (k - 1) // 5
        blocks.append(Block(start, start + len(part), ROLES[(k - 1) % 5], article))
        if k and len(part) > 12 and k % 2:
            status = "accepted" if rng.random() < 0.5 else "suggested"
            spans.append(
                Span(start + 4, start + 8, rng.choice(["PER", "LOC", "ORG"]), "rule", status)
            )
        start += len(part) + 2
    blocks[0] = Block(0, len(parts[0]), "other", None)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    page = Page(f"p{i:06d}", text, f"/bench/p{i:06d}.txt", sha, rng.choice(STATUSES))
    return page, blocks, spans


def open_or_recreate(db: Path):
    """The bench database; one made by an older, incompatible schema is made again."""
    from annotator.store import Store, StoreError

    try:
        return Store.open(db)
    except StoreError as exc:
        print(f"  {exc}: making it again", file=sys.stderr)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        return Store.open(db)


def build(db: Path, pages: int, chars: int) -> None:
    rng = random.Random(2024)
    paragraphs = sample_paragraphs()
    t0 = time.perf_counter()
    with open_or_recreate(db) as store:
        for i in range(store.count_pages(), pages):
            store.add_page(*make_page(i, rng, paragraphs, chars))
            if i % 500 == 499:  # as an import does: the search index in batches
                store.index_search()
            if i % 10000 == 9999:
                print(f"  {i + 1} pages…", file=sys.stderr)
        store.index_search()
        if hasattr(store, "index_phrases"):  # the window builds it in the background
            store.index_phrases()
    took = time.perf_counter() - t0
    print(f"db_pages={pages} db_mb={db.stat().st_size / 1e6:.0f} db_build_s={took:.1f}")


# --- measuring the window (in a fresh process) --------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def open_window(db: Path, panel_only: bool) -> tuple:
    """The window to measure (opened as ``annotator.gui.app.run`` does) and its page list."""
    from annotator.gui.page_list import PageListPanel
    from annotator.store import Store

    store = Store.open(db)
    if not panel_only:
        try:
            from annotator.gui.main_window import MainWindow
        except ImportError:  # before the main window existed
            panel_only = True
    if panel_only:
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        window.setCentralWidget(PageListPanel(store))
        window.resize(1400, 900)
        return window, window.centralWidget(), "PageListPanel"
    _no_retraining()
    window = MainWindow(store, "bench", db)
    return window, window.findChild(PageListPanel), "MainWindow"


def _no_retraining() -> None:
    """The bench pages' statuses are drawn at random: their 20,000 "done" pages are no gold
    to learn from. Left alone, the window would start training on them as it opens (for
    many minutes, on both cores, with a process pool), so that the list and searches were
    timed beside it, and closing the window would wait for it."""
    try:
        from annotator.gui.retrain import Retrainer
    except ImportError:  # before the window retrained
        return
    Retrainer.check = lambda self, store, done: False  # type: ignore[method-assign]


def application(settings_dir: str):
    """The QApplication as the program makes it, with settings kept out of the user's."""
    from PySide6.QtCore import QSettings

    from annotator.gui.app import application as make_application
    from annotator.gui.i18n import install_translator

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = make_application()
    install_translator(app, "auto")
    return app


def painted(app, panel, condition) -> float:
    """Process events until ``condition()``, then repaint the list; ms taken."""
    t0 = time.perf_counter()
    deadline = t0 + 30
    while not condition() and time.perf_counter() < deadline:
        app.processEvents()
    panel.view.viewport().repaint()
    return (time.perf_counter() - t0) * 1000


def timed(app, panel, action) -> float:
    t0 = time.perf_counter()
    action()
    app.processEvents()
    panel.view.viewport().repaint()
    return (time.perf_counter() - t0) * 1000


def searched(app, panel, text: str) -> tuple[float, float, float]:
    """Type ``text`` and press Return. Returns ms until the list first shows the result
    (for a long query of a common word: its first rows), ms until the whole list and
    every filter's count are in, and the longest the event loop was blocked meanwhile
    (the search runs on a background thread)."""
    listed: list[float] = []
    panel.filterApplied.connect(lambda: listed.append(time.perf_counter()))
    t0 = last = time.perf_counter()
    panel.search_box.setText(text)
    panel.search_box.returnPressed.emit()
    stall = 0.0
    while panel.searching() and time.perf_counter() - t0 < 60:
        app.processEvents()
        now = time.perf_counter()
        stall, last = max(stall, now - last), now
        time.sleep(0.001)  # an idle event loop waits; do not spin against the search thread
    panel.view.viewport().repaint()
    counted = time.perf_counter() - t0
    return (listed[0] - t0) * 1000, counted * 1000, stall * 1000


def measure(db: Path, panel_only: bool) -> None:
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application(tempfile.mkdtemp(prefix="big_db_settings_"))
    window, panel, measured = open_window(db, panel_only)
    window.show()
    painted(app, panel, lambda: window.isVisible() and panel.model.cached_rows() > 0)
    shown = time.perf_counter() - START
    model, store = panel.model, panel._store
    rows = model.rowCount()
    last = store.page_rows(store.count_pages() - 1, 1)[0].id
    scroll = timed(app, panel, panel.view.scrollToBottom)
    select = timed(app, panel, lambda: panel.select_page(last))
    flt = timed(app, panel, lambda: panel.set_status_filter("not_done"))
    panel.set_status_filter(None)

    find, count, stall = searched(app, panel, "本报讯")
    find_short, count_short, stall_short = searched(app, panel, "邓群")
    find_long, count_long, stall_long = searched(app, panel, "本报记者")
    find_warm, count_warm, stall_warm = searched(app, panel, "会议精神")
    panel.search_box.clear()
    refresh = timed(app, panel, panel.refresh)
    print(f"measured={measured} rows={rows}")
    print(f"window_shown_s={shown:.2f}")
    print(f"rss_mb={rss_mb():.0f}")
    print(f"list_scroll_ms={scroll:.1f}")
    print(f"select_last_ms={select:.1f}")
    print(f"filter_ms={flt:.1f}")
    print(f"search_ms={find:.1f}")
    print(f"search_counts_ms={count:.1f}")
    print(f"search_short_ms={find_short:.1f}")
    print(f"search_short_counts_ms={count_short:.1f}")
    print(f"search_long_ms={find_long:.1f}")
    print(f"search_long_counts_ms={count_long:.1f}")
    print(f"search_long_warm_ms={find_warm:.1f}")
    print(f"search_long_warm_counts_ms={count_warm:.1f}")
    print(f"search_ui_blocked_ms={max(stall, stall_short, stall_long, stall_warm):.1f}")
    print(f"refresh_ms={refresh:.1f}")
    print(f"cached_rows={model.cached_rows()}")
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument(
        "--chars", type=int, default=3400, help="characters per page (seeds: ~3,400)"
    )
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "big.db")
    parser.add_argument("--panel", action="store_true", help="measure the page list alone")
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        measure(args.db, args.panel)
        return
    build(args.db, args.pages, args.chars)
    command = [sys.executable, __file__, "--measure-only", "--db", str(args.db)]
    subprocess.run(command + (["--panel"] if args.panel else []), check=True)


if __name__ == "__main__":
    main()
