"""Training in a process of its own: the same report as in this process, errors as text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from annotator.model import Page
from annotator.pipeline import TrainReport
from annotator.store import Store
from annotator.training import Training, train_file

_CORPUS = Path(__file__).resolve().parents[2] / "bench" / "structure_corpus.py"
_spec = importlib.util.spec_from_file_location("structure_corpus", _CORPUS)
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)


def test_a_training_process_reports_as_training_here_and_stores_the_same_bytes(tmp_path):
    paths = [tmp_path / "here.db", tmp_path / "there.db"]
    for path in paths:
        with Store.open(path) as store:
            for page_id, text, gold in corpus.pages("west", 5, seed=5):
                store.add_page(Page(page_id, text, status="done", paper="west"), gold)
    here, there = train_file(paths[0]), Training(paths[1]).run()
    assert isinstance(here, TrainReport) and isinstance(there, TrainReport)
    assert there == here
    models = []
    for path in paths:
        with Store.open(path) as store:
            models.append({k: store.latest_model(k).data for k in ("structure", "entities")})
    assert models[0] == models[1]


def test_a_training_process_on_a_missing_database_says_so(tmp_path):
    result = Training(tmp_path / "gone.db").run()
    assert isinstance(result, str) and "gone.db" in result


def test_the_child_leaves_alone_the_page_the_window_shows_now(tmp_path):
    # The page kept at the start stays kept; the page shown is read afresh at each ask,
    # so a page the reviewer opens during the training is not rewritten under them.
    from annotator.training import _Kept

    training = Training(tmp_path / "a.db", ("a",))
    kept = _Kept(("a",), training._shown)
    assert "a" in kept and "b" not in kept
    training.show("b")
    assert "b" in kept and "c" not in kept
    training.show("𠮷野家")  # an id outside the BMP comes back whole
    assert "𠮷野家" in kept and "b" not in kept
    training.show(None)
    assert "𠮷野家" not in kept and "" not in _Kept((), None)


def test_resplit_unstarted_leaves_alone_a_page_the_window_opens_meanwhile(tmp_path, monkeypatch):
    from annotator.model import Block
    from annotator.pipeline import resplit_unstarted, train

    pages = list(corpus.pages("west", 8, seed=5))
    shown: set[str] = set()
    with Store.open(tmp_path / "a.db") as store:
        for page_id, text, gold in pages[:5]:
            store.add_page(Page(page_id, text, status="done", paper="west"), gold)
        for page_id, text, _gold in pages[5:]:  # a split no model gives: one unread block
            store.add_page(Page(page_id, text, paper="west"), [Block(0, len(text), "other")])
        train(store)
        write = store.resplit_page
        first, second, third = (p[0] for p in pages[5:])

        def opening_second(page_id, blocks):
            shown.add(second)  # while the first is written, the window opens the second
            return write(page_id, blocks)

        monkeypatch.setattr(store, "resplit_page", opening_second)
        assert resplit_unstarted(store, limit=5, keep=shown) == 2
        assert len(store.blocks(first)) > 1 and len(store.blocks(third)) > 1
        assert store.blocks(second) == [Block(0, len(pages[6][1]), "other")]
