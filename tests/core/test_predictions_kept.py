"""Predictions kept until a page's first change (schema 8): an imported page stores no copy
of its blocks and suggestions; the copy is written in the transaction of its first change,
so the first split and suggestions stay known whatever reviewers and the machine do."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.edits import Op
from annotator.pipeline import import_paths, resplit, resuggest
from annotator.resources import seeds_dir
from annotator.split import split_page
from annotator.store import Store
from annotator.suggest import suggest_spans


def _import_sample(tmp_path: Path) -> tuple[Store, str]:
    seed = sorted(seeds_dir().glob("*.txt"))[0]
    (tmp_path / "pages").mkdir()
    page = tmp_path / "pages" / "p1.txt"
    page.write_bytes(seed.read_bytes())
    store = Store.open(tmp_path / "a.db")
    import_paths(store, [page])
    return store, "p1"


def _copy(store: Store, page_id: str) -> tuple[str, str]:
    row = store.db.conn.execute(
        "SELECT blocks, spans FROM predictions WHERE page_id = ?", [page_id]
    ).fetchone()
    return row[0], row[1]


def _first_suggestion(store: Store, page_id: str, label: str | None = None) -> int:
    spans = store.spans(page_id, {"suggested"})
    return next(s.id for s in spans if label is None or s.label == label)


def test_an_imported_page_keeps_no_copy_and_its_rows_are_its_predictions(tmp_path):
    store, page_id = _import_sample(tmp_path)
    with store:
        text = store.page(page_id).text
        blocks = split_page(text)
        assert store.predictions(page_id) == (blocks, suggest_spans(text, blocks=blocks))
        assert _copy(store, page_id) == ("", "")  # no copy of the rows: a quarter of the file
        assert store.predictions(page_id)[1]  # the sample page has suggestions


def _edits(store: Store, page_id: str) -> dict[str, Op]:
    """One first edit of each kind of change a page's rows can see."""
    first_block = store.blocks(page_id)[0].start
    word = store.page(page_id).text.index("市委常委会")  # a label that export writes
    span_id = _first_suggestion(store, page_id)
    label = store.page_state(page_id).spans[span_id].label
    return {
        "role": Op("set_role", page_id, {"block": first_block, "role": "kicker"}),
        "accept": Op("set_span_status", page_id, {"id": span_id, "status": "accepted"}),
        # still a suggestion by the machine, with another label: a changed suggestion
        "relabel": Op(
            "relabel_span", page_id, {"id": span_id, "label": "ORG" if label != "ORG" else "PER"}
        ),
        "remove": Op("remove_span", page_id, {"id": span_id}),
        "add": Op(
            "add_span",
            page_id,
            {
                "start": word,
                "end": word + 5,
                "label": "ORG",
                "origin": "human",
                "status": "accepted",
            },
        ),
    }


@pytest.mark.parametrize("kind", ["role", "accept", "relabel", "remove", "add"])
def test_the_first_change_keeps_the_predictions_as_imported(tmp_path, kind):
    store, page_id = _import_sample(tmp_path)
    with store:
        before = store.predictions(page_id)
        applied = store.apply(_edits(store, page_id)[kind], "ann")
        assert _copy(store, page_id) != ("", "")  # written in the edit's transaction
        assert store.predictions(page_id) == before
        assert (store.blocks(page_id), store.spans(page_id)) != before  # the page did change
        store.apply(applied.inverse, "ann", action="undo", target=applied.edit_id)
        store.apply(Op("set_role", page_id, {"block": before[0][-1].start, "role": "other"}))
        assert store.predictions(page_id) == before


def test_a_change_of_status_only_keeps_no_copy(tmp_path):
    store, page_id = _import_sample(tmp_path)
    with store:
        before = store.predictions(page_id)
        store.apply(Op("set_page_status", page_id, {"status": "skipped"}), "ann")
        assert _copy(store, page_id) == ("", "")  # blocks and spans are still as imported
        assert store.predictions(page_id) == before


def test_a_failed_first_change_writes_no_copy_either(tmp_path, monkeypatch):
    store, page_id = _import_sample(tmp_path)
    with store:
        before = store.predictions(page_id)

        def disk_full(*_args, **_kwargs):
            raise sqlite3.OperationalError("disk full")

        monkeypatch.setattr(Store, "_log", disk_full)  # after the rows were written
        with pytest.raises(sqlite3.OperationalError):
            store.apply(_edits(store, page_id)["accept"], "ann")
        assert _copy(store, page_id) == ("", "")  # rolled back with the change
        assert not store.spans(page_id, {"accepted"})
        assert store.predictions(page_id) == before


def test_new_suggestions_keep_the_first_ones_as_the_prediction(tmp_path):
    store, page_id = _import_sample(tmp_path)
    with store:
        blocks, spans = store.predictions(page_id)
        # The machine's own later suggestions are a change too: even on a page where
        # nothing was suggested at first (only an insert, nothing deleted).
        store.db.conn.execute("DELETE FROM spans WHERE page_id = ?", [page_id])
        assert store.predictions(page_id) == (blocks, [])
        assert resuggest(store, [page_id]) == len(spans)
        assert _copy(store, page_id)[1] == "[]"
        assert store.predictions(page_id) == (blocks, [])


def test_a_resplit_of_an_unchanged_page_is_its_prediction_and_keeps_no_copy(tmp_path):
    store, page_id = _import_sample(tmp_path)
    with store:
        spans = store.predictions(page_id)[1]
        whole = store.blocks(page_id)
        store.db.conn.execute("UPDATE blocks SET role = 'body' WHERE page_id = ?", [page_id])
        assert resplit(store) == (1, "the rules")
        assert _copy(store, page_id) == ("", "")
        assert store.predictions(page_id) == (whole, spans)


def test_a_resplit_of_a_page_nobody_started_makes_what_reviewers_meet_its_prediction(tmp_path):
    # The output a re-split replaces on a page nobody started was never met by a reviewer:
    # the page's rows (the new split and the suggestions made on it) are its prediction.
    store, page_id = _import_sample(tmp_path)
    with store:
        store.db.conn.execute(
            "DELETE FROM spans WHERE page_id = ? AND id = ?",
            [page_id, _first_suggestion(store, page_id)],
        )  # as another version of the suggesters would have left the page
        resuggest(store, [page_id])  # the copy is written: what was there before
        assert _copy(store, page_id)[0] != ""
        store.db.conn.execute("UPDATE blocks SET role = 'body' WHERE page_id = ?", [page_id])
        resplit(store)
        blocks = split_page(store.page(page_id).text)
        assert _copy(store, page_id) == ("", "")
        kept_blocks, kept_spans = store.predictions(page_id)
        assert kept_blocks == blocks
        assert kept_spans == [replace(s, id=None) for s in store.spans(page_id)]
        assert store.predictions(page_id)[1] == suggest_spans(
            store.page(page_id).text, blocks=blocks
        )
