"""Edit refusals a reviewer meets speak of "this paragraph" and the span's words, never of
internal offsets or span ids ("the block at 131 …", "span 118 already has label …")."""

from __future__ import annotations

import re

import pytest

from annotator.edits import EditError, Op, plan
from annotator.store import Store

from .pages import SAMPLE, make_db
from .test_window_edits import SHIFT, K, at, press, snapshot

NUMBER = re.compile(r"\d")


@pytest.fixture
def db(tmp_path):
    return make_db(tmp_path / "refusals.db", ["p1"])


# (keys that set the page up, the refused key, what the reviewer reads)
CASES = {
    "unjoin what is not joined": ([], at("会议指出"), (K.Key_J, SHIFT), "does not join"),
    "join twice": ([(K.Key_J,)], at("推进"), (K.Key_J,), "joins the previous paragraph already"),
    "start an article at its start": (
        [],
        at("第二篇"),
        (K.Key_Return, SHIFT),
        "this paragraph starts its article already",
    ),
    "merge the article of a paragraph in none": (
        [(K.Key_X,)],
        at("图为"),
        (K.Key_Backspace, SHIFT),
        "this paragraph is not part of an article",
    ),
    "join a paragraph in no article": (
        [(K.Key_X,)],
        at("图为"),
        (K.Key_J,),
        "this paragraph is not part of an article",
    ),
    "mark other twice": (
        [(K.Key_X,)],
        at("图为"),
        (K.Key_X,),
        "this paragraph is outside every article already",
    ),
    "move past the last article": (
        [],
        at("图为"),
        (K.Key_BracketRight,),
        "no next article to move this paragraph to",
    ),
    "move before the first article": (
        [],
        at("市委常委会"),
        (K.Key_BracketLeft,),
        "no previous article to move this paragraph to",
    ),
    "merge the last paragraph": ([], at("图为"), (K.Key_M,), "this is the last paragraph"),
    "join the first paragraph": (
        [],
        at("市委常委会"),
        (K.Key_J,),
        "the first paragraph on the page has no previous paragraph",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_refused_paragraph_key_says_this_paragraph_not_an_offset(windows, db, qtbot, case):
    setup, place, key, said = CASES[case]
    window = windows(db)
    place(window)
    for keys in setup:
        press(window, qtbot, *keys)
    before = snapshot(db)
    press(window, qtbot, *key)
    message = window.statusBar().currentMessage()
    # the core's reason, begun with a capital as a sentence of the status bar
    assert message[:1].isupper() and said in message[:1].lower() + message[1:]
    assert "block" not in message and not NUMBER.search(message), message
    assert snapshot(db) == before


def span_named(store: Store, words: str):
    start = SAMPLE.index(words)
    return next(s for s in store.spans("p1") if s.start == start)


def test_a_span_changed_elsewhere_is_named_by_its_words_and_label(windows, db, qtbot):
    # Another window accepted 长沙 just before the key: "span 7 is already accepted".
    window = windows(db)
    at("长沙")(window)
    with Store.open(db) as other:
        span = span_named(other, "长沙")
        other.apply(Op("set_span_status", "p1", {"id": span.id, "status": "accepted"}), "wang")
    press(window, qtbot, K.Key_A)
    message = window.statusBar().currentMessage()
    assert "“长沙” (LOC) is accepted already" in message, message
    assert f"span {span.id}" not in message


def test_relabelling_a_span_with_its_own_label_names_its_words(db):
    with Store.open(db) as store:
        span = span_named(store, "邓群策")
        with pytest.raises(EditError) as refused:
            plan(
                store.page_state("p1"),
                Op("relabel_span", "p1", {"id": span.id, "label": "PER"}),
                store.label_names(),
            )
    assert str(refused.value) == "“邓群策” is PER already"
