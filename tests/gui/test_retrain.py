"""The window retrains the structure model in a process of its own after every few done
pages, says in the status bar what it learnt from and how well, and stays responsive
meanwhile."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from annotator.gui.retrain import RETRAIN_EVERY
from annotator.learn import structure as st
from annotator.learn.structure import model as st_model
from annotator.model import Page
from annotator.pipeline import TrainedModel, TrainReport, train
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
    # One line in the status bar (a longer message ran under the status bar's fields, cut
    # off mid-sentence); the whole description is the tooltip of "Learnt" beside them.
    line = window.statusBar().currentMessage()
    assert line == (
        "Learnt from 5 done pages: entity model v1, structure model v1. "
        "Figures: point at “Learnt” in the status bar."
    )
    assert window.status_learnt.isVisible() and window.status_learnt.text().startswith("Learnt ")
    message = window.status_learnt.toolTip()
    with Store.open(db) as store:
        model = store.latest_model("structure")
        assert model is not None and model.pages == RETRAIN_EVERY
        cv = model.meta["cross_validation"]
    # What it learnt from, how well on each decision against the rules, and what it decides.
    rules, learnt = cv["rules"], cv["model"]
    assert "Entity model v1 learnt from 5 done pages: suggestions exact F1 " in message
    message = message[message.index("Structure model") :]
    assert message.startswith(
        f"Structure model v1 learnt from {RETRAIN_EVERY} done pages of west: article starts F1 "
        f"{learnt['article_start']['f1']:.2f} (rules {rules['article_start']['f1']:.2f}), "
        f"roles {learnt['role']['accuracy']:.2f} (rules {rules['role']['accuracy']:.2f}), "
        f"joins F1 {learnt['join']['f1']:.2f} (rules {rules['join']['f1']:.2f}). "
        + _choice_text(st.takeover(cv)["all"])
    )
    # One more done page is not enough for another round.
    press(window, qtbot, K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.status_done.text().startswith("Done: 6"))
    assert not window.retrainer.running


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="reads Unix priorities")
def test_the_window_learns_in_a_process_of_lower_priority_and_keeps_the_same_model(
    windows, qtbot, tmp_path
):
    # On a thread of the window's process, training held the GIL against the window and its
    # background search: searches took twice as long and the window froze up to 220 ms.
    db = _db(tmp_path / "a.db", RETRAIN_EVERY - 1, 2)
    window = windows(db)
    press(window, qtbot, K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.retrainer.process_id is not None, timeout=10_000)
    pid = window.retrainer.process_id
    assert pid != os.getpid()
    qtbot.waitUntil(lambda: _priority(pid) > os.getpriority(os.PRIO_PROCESS, 0), timeout=30_000)
    qtbot.waitUntil(lambda: not window.retrainer.running, timeout=120_000)
    assert window.retrainer.process_id is None
    assert window.status_learnt.toolTip().startswith("Entity model v1 learnt from 5 done")
    # The same models, byte for byte, as ``annotator train`` makes from the same pages.
    with Store.open(db) as store:
        learnt = {kind: store.latest_model(kind) for kind in ("structure", "entities")}
        train(store)
        for kind, model in learnt.items():
            again = store.latest_model(kind)
            assert (model.version, again.version) == (1, 2), kind
            assert again.data == model.data, kind


def _priority(pid: int) -> int:
    """The nice value of a running process (below any once it has ended: never lowered)."""
    try:
        return os.getpriority(os.PRIO_PROCESS, pid)
    except OSError:
        return -21


def test_closing_the_window_while_it_learns_waits_and_keeps_the_model(
    windows, qtbot, tmp_path, monkeypatch
):
    db = _db(tmp_path / "a.db", RETRAIN_EVERY - 1, 1)
    window = windows(db)
    press(window, qtbot, K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.retrainer.running)  # once the done count is re-read
    # It waits out of sight: a training at a lower priority may take a minute.
    shown_while_waiting = []
    wait = window.retrainer.shutdown
    monkeypatch.setattr(
        window.retrainer,
        "shutdown",
        lambda: (shown_while_waiting.append(window.isVisible()), wait()),
    )
    windows.close(window)
    assert shown_while_waiting == [False]
    with Store.open(db) as store:
        assert store.latest_model("structure") is not None


def test_an_entity_model_of_an_older_version_is_retrained_when_the_window_opens(
    windows, qtbot, tmp_path
):
    # A model an older version made is not used (suggestions fall back to the rules), so the
    # window does not wait for five more done pages to learn again.
    from annotator.learn import entities
    from annotator.pipeline import stale_model

    db = _db(tmp_path / "a.db", RETRAIN_EVERY, 1)
    with Store.open(db) as store:
        store.save_model("structure", b"older", pages=RETRAIN_EVERY, meta={})
        store.save_model("entities", b"annotator-entities-crf 2\n...", pages=RETRAIN_EVERY, meta={})
        assert stale_model(store, "entities") is not None
    window = windows(db)
    qtbot.waitUntil(lambda: window.retrainer.running or _entity_model_is_new(db), timeout=10_000)
    qtbot.waitUntil(lambda: not window.retrainer.running, timeout=120_000)
    with Store.open(db) as store:
        record = store.latest_model("entities")
        assert record is not None and record.data.startswith(entities.FORMAT)
        assert stale_model(store, "entities") is None
    assert not window.retrainer.running


def _entity_model_is_new(db: Path) -> bool:
    from annotator.learn import entities

    with Store.open(db) as store:
        record = store.latest_model("entities")
        return record is not None and record.data.startswith(entities.FORMAT)


def _choice_text(taken: list[str]) -> str:
    names = {"role": "roles", "start": "article starts", "join": "joins"}
    rules = [names[d] for d in st.DECISIONS if d not in taken]
    model = [names[d] for d in st.DECISIONS if d in taken]
    if not rules:
        return "Pre-split: every decision from the model."
    if not model:
        return "Pre-split: every decision from the rules (they scored higher)."
    return (
        f"Pre-split: {', '.join(model)} from the model; {', '.join(rules)} from the rules "
        "(they scored higher there)."
    )


def test_the_status_bar_says_per_paper_which_decisions_the_model_takes(windows, qtbot, tmp_path):
    # A paper with enough done pages is judged alone; the retrain says so, decision by decision.
    window = windows(_db(tmp_path / "a.db", 0, 1))
    figures = {
        "rules": _scores(0.8, 0.9, 0.9),
        "model": _scores(0.9, 0.95, 0.95),
        "papers": {
            "west": {
                "pages": st.PAPER_MIN_PAGES,
                "rules": _scores(0.9, 0.9, 0.99),
                "model": _scores(0.95, 0.95, 0.9),
            },  # fmt: skip
            "south": {"pages": 2, "rules": _scores(1, 1, 1), "model": _scores(0, 0, 0)},
        },
        "folds": 5,
    }
    report = TrainReport(12, [TrainedModel("structure", 3, 12, figures)])
    with qtbot.waitSignal(window.retrainer.message):
        window.retrainer.message.emit(window.retrainer.describe(report))
    message = window.statusBar().currentMessage()
    assert message.startswith(
        "Structure model v3 learnt from 12 done pages of south, west: article starts F1 0.95 "
        "(rules 0.90), roles 0.90 (rules 0.80), joins F1 0.95 (rules 0.90). "
    )
    assert message.endswith(
        "(rules 0.90). Pre-split for west: roles, article starts from the model; joins from the "
        "rules (they scored higher there). Other papers: every decision from the model."
    )


def test_the_status_bar_names_the_pages_without_a_paper_judged_alone(windows, qtbot, tmp_path):
    # pages imported without a paper share the empty name: no "Pre-split for : ..."
    window = windows(_db(tmp_path / "a.db", 0, 1))
    alone = {"pages": st.PAPER_MIN_PAGES, "rules": _scores(1, 1, 1), "model": _scores(0, 0, 0)}
    figures = {
        "pages": st.PAPER_MIN_PAGES,
        "rules": _scores(1, 1, 1),
        "model": _scores(0, 0, 0),
        "papers": {"": alone},
        "folds": 5,
    }
    report = TrainReport(12, [TrainedModel("structure", 3, 12, figures)])
    with qtbot.waitSignal(window.retrainer.message):
        window.retrainer.message.emit(window.retrainer.describe(report))
    message = window.statusBar().currentMessage()
    assert "done pages of pages without a paper: " in message
    assert message.endswith(
        "Pre-split for pages without a paper: every decision from the rules (they scored higher)."
    )


def _scores(role: float, start: float, join: float) -> dict:
    return {"role": {"accuracy": role}, "article_start": {"f1": start}, "join": {"f1": join}}


def test_a_structure_model_of_an_older_format_is_retrained_when_the_window_opens_and_says_so(
    windows, qtbot, tmp_path
):
    from annotator.pipeline import stale_model

    db = _db(tmp_path / "a.db", RETRAIN_EVERY, 1)
    old = st_model._MAGIC + b'{"pages": 5, "papers": ["west"], "version": 1}\n'
    with Store.open(db) as store:
        store.save_model("structure", old, pages=RETRAIN_EVERY, meta={})
        assert stale_model(store, "structure") is not None
    window = windows(db)
    # As soon as the warm-up (started by the first paint) has loaded the rules, not after
    # five more done pages.
    qtbot.waitUntil(lambda: window.retrainer.running, timeout=10_000)
    assert window.statusBar().currentMessage() == (
        "The learnt models were made by an older version and are not used: learning again "
        "from the done pages…"
    )
    with qtbot.waitSignal(window.retrainer.trained, timeout=120_000):
        pass
    with Store.open(db) as store:
        assert stale_model(store, "structure") is None
        assert st.load(store.latest_model("structure").data).meta["version"] == st.VERSION


def test_a_page_opened_while_the_window_learns_is_told_to_the_training(windows, qtbot, tmp_path):
    # The training then pre-splits and suggests on pages nobody has started: the one the
    # reviewer opened meanwhile (the next in order, say) must stay as it is shown.
    db = _db(tmp_path / "a.db", RETRAIN_EVERY - 1, 3)
    window = windows(db)
    with qtbot.waitSignal(window.retrainer.trained, timeout=120_000):
        press(window, qtbot, K.Key_Return, CTRL)
        qtbot.waitUntil(lambda: window.retrainer.running)
        training = window.retrainer._training
        other = next(p for p in window.store.untouched_page_ids() if p != window.page_id)
        window.open_page(other)
        assert training._shown.value.decode() == other
