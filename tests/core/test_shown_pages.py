"""A page shown in another window is not rewritten by a retrain (issue 11): each window's
store tells the others which page it shows, in a small file beside the database that it
writes again while it lives; a file gone stale or left by a dead process holds nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from annotator.model import Block, Page
from annotator.store import Store
from annotator.store.shown import STALE_S, shown_folder

TEXT = "标题\n\n正文第一段。\n\n正文第二段。"
SPLIT = [Block(0, 2, "headline", 1), Block(4, 10, "body", 1), Block(12, 18, "body", 1)]
ANEW = [Block(0, 2, "headline", 1), Block(4, 10, "body", 1), Block(12, 18, "body", 2)]


def _db(tmp_path):
    path = tmp_path / "shown.db"
    with Store.open(path) as store:
        for page_id in ("p1", "p2"):
            store.add_page(Page(page_id, TEXT, f"{page_id}.txt", page_id * 32), SPLIT)
    return path


def test_a_page_another_window_shows_is_not_rewritten_until_it_turns_away(tmp_path):
    path = _db(tmp_path)
    with Store.open(path) as window, Store.open(path) as retrain:
        window.show_page("p1")
        assert retrain.shown_elsewhere("p1") and not retrain.shown_elsewhere("p2")
        assert not window.shown_elsewhere("p1")  # its own page holds nothing for itself
        assert not retrain.renew_untouched_page("p1", ANEW, None)
        assert retrain.blocks("p1") == SPLIT
        assert retrain.renew_untouched_page("p2", ANEW, None)
        window.show_page("p2")  # the reviewer turns the page
        assert retrain.renew_untouched_page("p1", ANEW, None)
        assert retrain.blocks("p1") == ANEW
    # Closing the store (the window) shows nothing any more.
    with Store.open(path) as retrain:
        assert not retrain.shown_elsewhere("p2")


def test_a_stale_file_or_one_of_a_dead_process_holds_nothing(tmp_path):
    path = _db(tmp_path)
    with Store.open(path) as window, Store.open(path) as retrain:
        window.show_page("p1")
        (mine,) = shown_folder(path).glob("*.json")
        old = time.time() - STALE_S - 1
        os.utime(mine, (old, old))  # the window froze or crashed long ago
        assert not retrain.shown_elsewhere("p1")
        window.still_showing()  # its beat writes it again
        assert retrain.shown_elsewhere("p1")
        # A process that crashed a moment ago: its file is fresh, but the process is gone.
        gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
        record = json.loads(mine.read_text(encoding="utf-8"))
        dead = mine.with_name("crashed.json")
        dead.write_text(json.dumps({**record, "page": "p2", "pid": int(gone.stdout)}), "utf-8")
        assert not retrain.shown_elsewhere("p2") or os.name != "posix"
        assert retrain.renew_untouched_page("p2", ANEW, None) or os.name != "posix"
