"""The window retrains the structure model on a worker thread after every few done pages,
says in the status bar what it learnt from and how well, and stays responsive meanwhile."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from annotator.gui.retrain import RETRAIN_EVERY
from annotator.model import Page
from annotator.store import Store

from .test_window_edits import CTRL, K, press

_CORPUS = Path(__file__).resolve().parents[2] / "bench" / "structure_corpus.py"
_spec = importlib.util.spec_from_file_location("structure_corpus", _CORPUS)
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)


def _db(path: Path, done: int, new: int) -> Path:
    with Store.open(path) as store:
        for k, (page_id, text, gold) in enumerate(corpus.pages("west", done + new, seed=5)):
            status = "done" if k < done else "new"
            store.add_page(Page(page_id, text, status=status, paper="west"), gold)
    return path


def test_marking_the_fifth_page_done_trains_a_model_in_the_background(windows, qtbot, tmp_path):
    db = _db(tmp_path / "a.db", RETRAIN_EVERY - 1, 2)
    window = windows(db)
    assert not window.retrainer.running  # 4 done pages: not enough yet
    with qtbot.waitSignal(window.retrainer.trained, timeout=120_000):
        press(window, qtbot, K.Key_Return, CTRL)
        # The window answers keys while the model learns: the next page is open.
        assert window.page_id is not None
    message = window.statusBar().currentMessage()
    assert (
        f"Structure model v1 learnt from {RETRAIN_EVERY} done pages: article starts F1 " in message
    )
    assert "(rules " in message
    with Store.open(db) as store:
        model = store.latest_model("structure")
        assert model is not None and model.pages == RETRAIN_EVERY
    # One more done page is not enough for another round.
    press(window, qtbot, K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.status_done.text().startswith("Done: 6"))
    assert not window.retrainer.running


def test_closing_the_window_while_it_learns_waits_and_keeps_the_model(windows, qtbot, tmp_path):
    db = _db(tmp_path / "a.db", RETRAIN_EVERY - 1, 1)
    window = windows(db)
    press(window, qtbot, K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.retrainer.running)  # once the done count is re-read
    windows.close(window)
    with Store.open(db) as store:
        assert store.latest_model("structure") is not None


def test_an_entity_model_of_an_older_version_is_retrained_when_the_window_opens(
    windows, qtbot, tmp_path
):
    # A model an older version made is not used (suggestions fall back to the rules), so the
    # window does not wait for five more done pages to learn again.
    from annotator.learn import entities
    from annotator.pipeline import stale_entity_model

    db = _db(tmp_path / "a.db", RETRAIN_EVERY, 1)
    with Store.open(db) as store:
        store.save_model("structure", b"older", pages=RETRAIN_EVERY, meta={})
        store.save_model("entities", b"annotator-entities-crf 2\n...", pages=RETRAIN_EVERY, meta={})
        assert stale_entity_model(store) is not None
    window = windows(db)
    qtbot.waitUntil(lambda: window.retrainer.running or _entity_model_is_new(db), timeout=10_000)
    qtbot.waitUntil(lambda: not window.retrainer.running, timeout=120_000)
    with Store.open(db) as store:
        record = store.latest_model("entities")
        assert record is not None and record.data.startswith(entities.FORMAT)
        assert stale_entity_model(store) is None
    assert not window.retrainer.running


def _entity_model_is_new(db: Path) -> bool:
    from annotator.learn import entities

    with Store.open(db) as store:
        record = store.latest_model("entities")
        return record is not None and record.data.startswith(entities.FORMAT)
