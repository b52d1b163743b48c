"""The learning loop inside the window: once the window has retrained the entity tagger, the
pages nobody has started carry its suggestions, so "the page the model is least sure of"
(Ctrl+Shift+Return) works without a team lead running ``annotator suggest``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.gui.retrain import RETRAIN_EVERY
from annotator.model import Block, Page, Span
from annotator.store import Store

from .test_window_edits import CTRL, SHIFT, K, press

GIVEN = "伟芳明华强军丽敏静磊洋勇艳杰娟涛超"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
# Invented places no lexicon knows: the rules miss them, so the model learnt from the done
# pages is ahead of the rules by more than chance and takes LOC over (with the real cities
# of before the rules found every place and the model was ahead on 2 names of 100).
PLACES = ["青禾", "云杉", "石桥", "柳湾", "松岭", "梅溪", "枫林", "桃源"]
FRAMES = ["{per}昨天在{loc}考察。", "{loc}的{per}表示同意。", "记者见到了{per}，他来自{loc}。"]


def _sentence(i: int) -> tuple[str, list[tuple[int, int, str]]]:
    """A sentence with a name and a place the rules have no cue for, and its gold."""
    per = SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + GIVEN[(i * 3) % 17]
    loc = PLACES[(i * 5) % len(PLACES)]
    text = FRAMES[i % len(FRAMES)].format(per=per, loc=loc)
    p, q = text.index(per), text.index(loc)
    return text, [(p, p + len(per), "PER"), (q, q + len(loc), "LOC")]


def _page(n: int, status: str, gold: bool) -> tuple[Page, list[Block], list[Span]]:
    """Twenty sentences, one body block each; done pages carry accepted gold spans."""
    lines = [_sentence(n * 20 + k) for k in range(20)]
    blocks, spans, at = [], [], 0
    for text, entities in lines:
        blocks.append(Block(at, at + len(text), "body", 1))
        if gold:
            spans += [Span(at + s, at + e, label, "human", "accepted") for s, e, label in entities]
        at += len(text) + 1
    text = "\n".join(t for t, _ in lines)
    return Page(f"p{n}", text, status=status), blocks, spans


def _db(path: Path) -> Path:
    """Done pages one short of a retraining, the page to finish (p4), three nobody started."""
    with Store.open(path) as store:
        for n in range(RETRAIN_EVERY + 3):
            status = "done" if n < RETRAIN_EVERY - 1 else "new"
            store.add_page(*_page(n, status, gold=n < RETRAIN_EVERY))
    return path


def test_after_the_window_retrains_the_unstarted_pages_carry_the_model_suggestions(
    windows, qtbot, tmp_path
):
    db = _db(tmp_path / "a.db")
    window = windows(db)
    assert window.page_id == "p4"
    with qtbot.waitSignal(window.retrainer.trained, timeout=180_000):
        press(window, qtbot, K.Key_Return, CTRL)  # the fifth done page: the window learns
    assert window.page_id == "p5"
    with Store.open(db) as store:
        for page_id in ("p6", "p7"):  # nobody started them: the new model suggests there
            model = [s for s in store.spans(page_id) if s.origin == "model"]
            assert model and all(0.0 < s.attrs["confidence"] <= 1.0 for s in model)
        # The page open in the window is left as the reviewer sees it.
        assert not [s for s in store.spans("p5") if s.origin == "model"]
        least_sure = store.least_sure_page(exclude="p5")
    assert "pages not started yet now use them." in window.statusBar().currentMessage()
    assert "suggestions are on the next" in window.status_learnt.toolTip()
    # Ctrl+Shift+Return now goes where the model is least sure, not merely to the next page.
    press(window, qtbot, K.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.page_id == least_sure)


def test_least_sure_says_when_no_page_has_model_suggestions(windows, qtbot, tmp_path):
    path = tmp_path / "b.db"
    with Store.open(path) as store:
        for n in range(3):
            store.add_page(*_page(n, "new", gold=False))
    window = windows(path)
    press(window, qtbot, K.Key_Return, CTRL | SHIFT)
    assert window.page_id == "p1"  # page order
    message = window.statusBar().currentMessage()
    assert "No page has suggestions of the learnt model" in message


def test_after_the_window_retrains_the_unstarted_pages_are_pre_split_by_the_model(
    windows, qtbot, tmp_path
):
    # Pages are usually imported in a batch before the review starts: without this, what
    # the structure model learnt reached none of them until someone ran
    # ``annotator suggest --structure``.
    from annotator.pipeline import presplit

    from .test_retrain import corpus

    db = tmp_path / "west.db"
    rules: dict[str, list[Block]] = {}
    with Store.open(db) as store:
        for k, (page_id, text, gold) in enumerate(corpus.pages("west", RETRAIN_EVERY + 4, seed=5)):
            if k < RETRAIN_EVERY:  # four done, and the fifth to finish in the window
                status = "done" if k < RETRAIN_EVERY - 1 else "new"
                store.add_page(Page(page_id, text, status=status, paper="west"), gold)
            else:  # imported before any model: the rules' split
                rules[page_id] = presplit(text, "west", None)
                store.add_page(Page(page_id, text, paper="west"), rules[page_id])
    window = windows(db)
    with qtbot.waitSignal(window.retrainer.trained, timeout=180_000):
        press(window, qtbot, K.Key_Return, CTRL)
    opened = window.page_id
    assert opened in rules
    with Store.open(db) as store:
        model = store.latest_model("structure").data
        now = {page_id: store.blocks(page_id) for page_id in rules}
        texts = {page_id: store.page(page_id).text for page_id in rules}
    assert now[opened] == rules[opened]  # the page on screen is left as the reviewer sees it
    others = [p for p in rules if p != opened]
    for page_id in others:
        assert now[page_id] == presplit(texts[page_id], "west", model)
    changed = [p for p in others if now[p] != rules[p]]
    assert changed  # the model decides otherwise than the rules somewhere
    message = window.status_learnt.toolTip()
    assert (
        f"The structure model pre-split the next {len(changed)} pages not started yet." in message
    )


def _renewed(store: Store, page_id: str) -> tuple[bool, bool]:
    """Whether a page got another split, and whether it carries the model's suggestions."""
    split = len(store.blocks(page_id)) > 1
    return split, any(s.origin == "model" for s in store.spans(page_id))


def test_closing_the_window_while_it_rewrites_pages_stops_between_two_pages(
    windows, qtbot, tmp_path
):
    # After a retrain the window's training rewrites the next 100 pages nobody has started;
    # closing the window waited for all of them. It now stops after the page being written,
    # and each page has its new split and the new model's suggestions, or neither.
    db = _db(tmp_path / "a.db")
    unstarted = [f"u{n}" for n in range(40)]
    with Store.open(db) as store:  # long pages nobody has started: one block, no suggestions
        for n, page_id in enumerate(unstarted):
            pages = [_page(100 + 20 * n + k, "new", gold=False)[0].text for k in range(20)]
            text = "\n".join(pages)
            store.add_page(Page(page_id, text), [Block(0, len(text), "body", 1)])
    window = windows(db)
    press(window, qtbot, K.Key_Return, CTRL)  # the fifth done page: the window learns
    with Store.open(db) as watcher:
        qtbot.waitUntil(lambda: _renewed(watcher, unstarted[0])[0], timeout=180_000)
        child = window.retrainer.process_id
        press(window, qtbot, K.Key_Q, CTRL)  # Quit while the pages are being rewritten
        assert not window.isVisible()
        with pytest.raises(ProcessLookupError):  # the training process has ended
            os.kill(child, 0)
        renewed = [_renewed(watcher, page_id) for page_id in unstarted]
    assert set(renewed) <= {(True, True), (False, False)}, renewed  # whole or untouched
    assert 1 <= renewed.count((True, True)) < len(unstarted) // 2, renewed


# --- a second window during a retrain: the training knows only its own window's page -------


def _second_window_db(path: Path) -> Path:
    """Five done pages and the models learnt from them (as the retrain stores them), and
    two pages nobody has started, x0 and x1: one block each, a rule's suggestion on x0."""
    from annotator.pipeline import train

    with Store.open(path) as store:
        for n in range(RETRAIN_EVERY):
            store.add_page(*_page(n, "done", gold=True))
        for k in range(2):
            text = _page(10 + k, "new", gold=False)[0].text
            spans = [Span(0, 3, "PER", "rule", "suggested")] if k == 0 else []
            store.add_page(Page(f"x{k}", text), [Block(0, len(text), "body", 1)], spans)
        train(store)
    return path


def _retrain_rewrites(db: Path) -> tuple[int, int]:
    """What the training process of the *other* window runs once it has learnt: it does
    not know the page this window shows."""
    from annotator.pipeline import renew_unstarted

    with Store.open(db) as store:
        return renew_unstarted(store, limit=100, keep=("p-open-in-the-other-window",))


def _state(db: Path, page_id: str):
    with Store.open(db) as store:
        return store.page_state(page_id)


def test_a_second_windows_edit_keeps_its_page_from_the_retrains_rewrite(windows, qtbot, tmp_path):
    db = _second_window_db(tmp_path / "a.db")
    window = windows(db)
    window.open_page("x0")
    before = _state(db, "x0")
    window.view.move_caret(4)
    press(window, qtbot, K.Key_Right, SHIFT, 3)
    press(window, qtbot, K.Key_3)  # a label: the page is started
    assert _retrain_rewrites(db) == (1, 1)  # x1 only
    after = _state(db, "x0")
    assert after.blocks == before.blocks
    assert [(s.start, s.end, s.origin, s.status) for s in after.spans.values()] == [
        (0, 3, "rule", "suggested"),
        (4, 7, "human", "accepted"),
    ]
    assert window.view.page_state == after


def test_a_page_open_unedited_in_a_second_window_is_left_as_the_reviewer_sees_it(
    windows, qtbot, tmp_path
):
    # The other window's training knows only its own window's page: it rewrote the page
    # shown here under the reviewer's eyes. Each window now tells the others its page.
    db = _second_window_db(tmp_path / "a.db")
    window = windows(db)
    window.open_page("x0")
    before = _state(db, "x0")
    assert _retrain_rewrites(db) == (1, 1)  # x1 only
    assert _state(db, "x0") == before
    window.open_page("x1")  # turned away: x0 is the retrain's again
    assert _retrain_rewrites(db) == (1, 1)
    assert len(_state(db, "x0").blocks) > 1


def _unseen(window) -> None:  # noqa: ANN001
    """Make ``window``'s page unknown to other programs (a window of an older version, or a
    folder it cannot write to): a retrain rewrites it under the window, as before."""
    window._shown_timer.stop()
    window.store.show_page(None)


def test_a_page_open_unedited_in_an_unseen_window_is_redrawn_rewritten_whole(
    windows, qtbot, tmp_path
):
    db = _second_window_db(tmp_path / "a.db")
    window = windows(db)
    window.open_page("x0")
    _unseen(window)
    assert _retrain_rewrites(db) == (2, 2)
    rewritten = _state(db, "x0")
    assert len(rewritten.blocks) > 1 and any(s.origin == "model" for s in rewritten.spans.values())
    # Its once-a-second look shows the new split and suggestions together.
    qtbot.waitUntil(lambda: window.view.page_state == rewritten, timeout=5000)
    press(window, qtbot, K.Key_N)  # the first suggestion, then accept it
    span = window.view.selected_span()
    press(window, qtbot, K.Key_A)
    assert _state(db, "x0").spans[span.id].status == "accepted"


def test_a_key_pressed_in_a_second_window_as_the_retrain_rewrites_its_page_says_why(
    windows, qtbot, tmp_path
):
    # Accepting a suggestion the rewrite had just replaced was refused as "page 'x0' has no
    # span with id 201": nothing was lost or half-written, but the reviewer was not told
    # that the page had changed under the key.
    db = _second_window_db(tmp_path / "a.db")
    window = windows(db)
    window._poll.stop()  # the key comes before its once-a-second look
    window.open_page("x0")
    _unseen(window)
    press(window, qtbot, K.Key_N)
    assert window.view.selected_span().origin == "rule"
    assert _retrain_rewrites(db) == (2, 2)
    rewritten = _state(db, "x0")
    press(window, qtbot, K.Key_A)
    assert _state(db, "x0") == rewritten  # nothing written: the rewrite is whole
    assert window.view.page_state == rewritten  # and shown
    message = window.statusBar().currentMessage()
    assert message.startswith("Not done: the page changed elsewhere (another window, or new ")
    assert "no span with id" in message and message.endswith("The page now shows the change.")
