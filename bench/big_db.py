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
    python bench/big_db.py --retraining [--db …]

``--panel`` measures the page list panel in a bare window instead of the main window.

``--retraining`` measures the window while it retrains: its retrainer learns, again and
again, from a database of gold pages made next to the bench database (``<db>.gold.db``:
composed pages of ``bench/structure_corpus.py`` marked done, their rule suggestions
accepted as entity gold, enough pages for the cross-validation to use worker processes).
The bench pages themselves are no gold. It also prints::

    idle_search_ms= idle_search_counts_ms= idle_short_ms= idle_short_counts_ms=
                                 medians of the searches above (本报讯, 邓群) made over and
                                 over for 15 s, half a second apart, before any training
    idle_ui_blocked_ms=          the longest the window stopped responding meanwhile
    idle_ui_blocked_p99_ms=      … the 99th percentile of its event-loop gaps
    training_*=                  the same during the first training (started to reported)
    training_rounds=             how many rounds of searches that was
    training_s=                  how long it took (wall)
    training_window_cpu_s=       CPU time of the window's own process meanwhile (searches
                                 included; the training's too when it runs on a thread)
    retrainings=                 trainings finished in all (the searches ran during the
                                 later ones: the retrainer starts again at once)
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
    Retrainer.check = lambda self, *args, **kwargs: False  # type: ignore[method-assign]


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


GOLD_PAGES = 60  # > the entity cross-validation's 40: its folds run in worker processes


def gold_db(db: Path) -> Path:
    """A database of done pages to retrain on, made once next to the bench database."""
    import importlib.util
    from dataclasses import replace

    from annotator.model import Page
    from annotator.store import Store
    from annotator.suggest import suggest_spans

    gold = db.with_name(db.name + ".gold.db")
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "bench" / "structure_corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    with Store.open(gold) as store:
        if store.count_pages() == GOLD_PAGES:
            return gold
        for page_id, text, blocks in corpus.pages("west", GOLD_PAGES, seed=5):
            spans = [replace(s, status="accepted") for s in suggest_spans(text, blocks=blocks)]
            store.add_page(Page(page_id, text, status="done", paper="west"), blocks, spans)
    return gold


def keep_retraining(window, db: Path) -> tuple:
    """A retrainer of the window learning from ``gold_db``, started again whenever it ends
    while the window is shown, and a list that grows by one per training finished."""
    from annotator.gui.retrain import Retrainer

    retrainer = Retrainer(gold_db(db), window)
    finished: list[float] = []

    def again() -> None:
        finished.append(time.perf_counter())
        if window.isVisible():
            retrainer._start()

    retrainer.trained.connect(again)
    retrainer._start()
    return retrainer, finished


def idle_gaps(app, until) -> list[float]:
    """The gaps (ms) of an idle event loop until ``until()`` is true."""
    gaps, last = [], time.perf_counter()
    while not until():
        app.processEvents()
        time.sleep(0.001)
        now = time.perf_counter()
        gaps.append((now - last) * 1000)
        last = now
    return gaps


def searching(app, panel, until) -> tuple[dict[str, list[float]], list[float]]:
    """Half a second idle, a search of a common 3-character and of a 2-character query, over
    and over until ``until()``: each query's ms until listed and counted (lists of every
    round), and every event-loop gap meanwhile (ms)."""
    times: dict[str, list[float]] = {
        k: [] for k in ("search", "search_counts", "short", "short_counts")
    }
    gaps: list[float] = []
    while not until():
        end = time.perf_counter() + 0.5
        gaps += idle_gaps(app, lambda end=end: time.perf_counter() > end)
        for key, text in (("search", "本报讯"), ("short", "邓群")):
            find, count, stall = searched(app, panel, text)
            times[key].append(find)
            times[f"{key}_counts"].append(count)
            gaps.append(stall)
    return times, gaps


def retraining_figures(app, panel, db: Path, window) -> tuple:
    """Searches and event-loop gaps for 15 s before any training, then through the first
    training (a retrainer then keeps training until the window closes): the figures, the
    retrainer and the list of finished trainings."""
    import statistics

    t0 = time.perf_counter()
    idle_times, idle = searching(app, panel, lambda: time.perf_counter() - t0 > 15)
    cpu, t0 = time.process_time(), time.perf_counter()
    retrainer, finished = keep_retraining(window, db)
    times, during = searching(app, panel, lambda: finished or time.perf_counter() - t0 > 600)
    figures = {f"idle_{k}_ms": statistics.median(v) for k, v in idle_times.items()}
    figures["idle_ui_blocked_ms"] = max(idle)
    figures["idle_ui_blocked_p99_ms"] = sorted(idle)[int(len(idle) * 0.99)]
    figures |= {f"training_{k}_ms": statistics.median(v) for k, v in times.items()}
    figures["training_ui_blocked_ms"] = max(during)
    figures["training_ui_blocked_p99_ms"] = sorted(during)[int(len(during) * 0.99)]
    figures["training_rounds"] = len(times["search"])
    figures["training_s"] = time.perf_counter() - t0
    figures["training_window_cpu_s"] = time.process_time() - cpu
    return figures, retrainer, finished


def measure(db: Path, panel_only: bool, retraining: bool = False) -> None:
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application(tempfile.mkdtemp(prefix="big_db_settings_"))
    window, panel, measured = open_window(db, panel_only)
    window.show()
    painted(app, panel, lambda: window.isVisible() and panel.model.cached_rows() > 0)
    shown = time.perf_counter() - START
    if retraining:
        figures, retrainer, finished = retraining_figures(app, panel, db, window)
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
    if retraining:
        for key, value in figures.items():
            print(f"{key}={value:.1f}")
        print(f"retrainings={len(finished)}")
    window.close()
    if retraining:
        retrainer.shutdown()  # waits for the training under way


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument(
        "--chars", type=int, default=3400, help="characters per page (seeds: ~3,400)"
    )
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "big.db")
    parser.add_argument("--panel", action="store_true", help="measure the page list alone")
    parser.add_argument(
        "--retraining", action="store_true", help="measure the window while it retrains"
    )
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        measure(args.db, args.panel, args.retraining)
        return
    build(args.db, args.pages, args.chars)
    command = [sys.executable, __file__, "--measure-only", "--db", str(args.db)]
    command += ["--panel"] if args.panel else []
    subprocess.run(command + (["--retraining"] if args.retraining else []), check=True)


if __name__ == "__main__":
    main()
