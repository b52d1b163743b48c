"""Label and role distributions and reviewer throughput (issue 12)."""

from __future__ import annotations

import json
from datetime import timedelta

from click.testing import CliRunner

from annotator.cli import main
from annotator.edits import Op
from annotator.model import Block, Page
from annotator.statistics import SESSION_MINIMUM, imported, parse, shares, throughput
from annotator.store import Store

_IDS = iter(range(1, 1_000_000))


def _row(reviewer, minute, kind, args, page="p", action="do", target=None):
    at = (
        f"2024-03-05T10:{minute:02d}:00+00:00"
        if minute < 60
        else f"2024-03-05T11:{minute - 60:02d}:00+00:00"
    )
    return (next(_IDS), reviewer, at, page, action, target, kind, json.dumps(args))


def _lin_and_wu():
    add = {"start": 0, "end": 1, "label": "PER"}
    accepted = {"kind": "set_span_status", "args": {"status": "accepted"}}
    rejected = {"kind": "set_span_status", "args": {"status": "rejected"}}
    rows = [
        _row("lin", 0, "add_span", add),
        _row("lin", 5, "batch", {"ops": [accepted, rejected]}),
        _row("lin", 9, "set_page_status", {"status": "done"}),
        # a break of 40 minutes: a new session
        _row("lin", 49, "add_span", add, page="q"),
        _row("lin", 58, "set_page_status", {"status": "done"}, page="q"),
        _row("wu", 0, "add_span", {**add, "status": "suggested"}),  # not gold: not counted
    ]
    undo = _row("lin", 59, "remove_span", {"id": 1}, page="q", action="undo", target=rows[3][0])
    return rows, undo


def test_throughput_counts_sessions_pages_and_spans_per_reviewer():
    rows, undo = _lin_and_wu()
    figures = throughput(parse([*rows, undo]))
    lin = figures["lin"]
    # the undo is work too (the second session runs from 49 to 59), but the span it
    # took back is no longer counted
    minutes = 9 + 10 + 2 * SESSION_MINIMUM.total_seconds() / 60
    assert lin["hours"] == round(minutes / 60, 2) and lin["sessions"] == 2
    assert (lin["pages"], lin["spans"], lin["edits"], lin["undone"]) == (2, 2, 5, 1)
    assert lin["pages_per_hour"] == round(2 / (minutes / 60), 1)
    assert lin["spans_per_hour"] == round(2 / (minutes / 60), 1)
    assert figures["wu"]["spans"] == 0 and figures["wu"]["hours"] == round(1 / 60, 2)


def test_a_redo_counts_the_edit_again_and_undoing_a_done_mark_takes_the_page_back():
    rows, undo = _lin_and_wu()
    redo = _row("lin", 61, "add_span", {}, page="q", action="redo", target=undo[5])
    undone_done = _row("lin", 62, "set_page_status", {}, page="q", action="undo", target=rows[4][0])
    lin = throughput(parse([*rows, undo, redo, undone_done]))["lin"]
    assert (lin["spans"], lin["pages"], lin["undone"]) == (3, 1, 1)


def test_the_session_gap_decides_what_a_pause_is():
    rows, _ = _lin_and_wu()
    one = throughput(parse(rows), gap=timedelta(minutes=45))["lin"]
    assert one["sessions"] == 1 and one["hours"] == round(59 / 60, 2)
    five = throughput(parse(rows), gap=timedelta(minutes=4))["lin"]
    # 0 | 5, 9 | 49 | 58: four sessions of 0, 4, 0 and 0 minutes plus a minute each
    assert five["sessions"] == 4 and five["hours"] == round(8 / 60, 2)


def test_stats_counts_what_undo_took_back_and_takes_the_gap_in_minutes(tmp_path):
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.add_page(Page("a", "邓群策在衡阳。", "a.txt"), [Block(0, 7, "body", 1)])
        store.apply(Op("add_span", "a", {"start": 0, "end": 3, "label": "PER"}), "lin")
        second = store.apply(Op("add_span", "a", {"start": 4, "end": 6, "label": "LOC"}), "lin")
        store.apply(second.inverse, "lin", action="undo", target=second.edit_id)
    args = ["stats", "--db", str(db), "--json", "--session-gap", "5"]
    figures = json.loads(CliRunner().invoke(main, args).output)
    lin = figures["throughput"]["lin"]
    assert (lin["spans"], lin["edits"], lin["undone"], lin["sessions"]) == (1, 2, 1, 1)
    bad = CliRunner().invoke(main, ["stats", "--db", str(db), "--session-gap", "0"])
    assert bad.exit_code == 2 and "--session-gap" in bad.output


def test_shares_are_largest_first_and_add_up_to_one():
    rows = shares({"PER": 1, "ORG": 3})
    assert rows == [("ORG", 3, 0.75), ("PER", 1, 0.25)]
    assert shares({}) == []


def test_stats_shows_distributions_of_done_pages_and_throughput(tmp_path):
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        text = "标题\n\n邓群策在衡阳。"
        for page_id in ("a", "b"):
            store.add_page(Page(page_id, text, f"{page_id}.txt"),
                           [Block(0, 2, "headline", 1), Block(4, 11, "body", 1)])  # fmt: skip
            store.apply(Op("add_span", page_id, {"start": 4, "end": 7, "label": "PER"}), "lin")
        store.apply(Op("add_span", "a", {"start": 8, "end": 10, "label": "LOC"}), "lin")
        store.apply(Op("set_page_status", "a", {"status": "done"}), "lin")
    figures = json.loads(CliRunner().invoke(main, ["stats", "--db", str(db), "--json"]).output)
    assert figures["distributions"] == {
        "labels": {"LOC": 1, "PER": 1},  # page b is not done
        "roles": {"body": 1, "headline": 1},
    }
    assert figures["throughput"]["lin"]["pages"] == 1
    assert figures["throughput"]["lin"]["spans"] == 3
    table = CliRunner().invoke(main, ["stats", "--db", str(db)]).output
    assert "Labels of accepted spans (done pages)" in table
    assert "  LOC                 1  50.0%  " in table
    assert "Throughput by reviewer (from the edit log; hours: active time in sessions)" in table
    assert table.splitlines()[-1].split()[:3] == ["lin", "1", "3"]


def test_imports_are_left_out_of_throughput_and_counted_apart():
    add = {"start": 0, "end": 1, "label": "PER", "status": "accepted"}
    placed = {"ops": [{"kind": "add_span", "args": add}] * 3, "imported": True}
    gold = {"blocks": [], "spans": [add, add], "status": "done"}
    rows = [
        _row("lin", 0, "add_span", add),
        _row("import", 1, "batch", {"ops": [{"kind": "add_span", "args": add}]}),  # old log
        _row("lin", 2, "batch", placed, page="q"),  # import --reviewer lin
        _row("wu", 3, "replace_page_gold", gold, page="r"),  # import --format gold-jsonl
    ]
    figures = throughput(parse(rows))
    assert set(figures) == {"lin"}
    assert (figures["lin"]["spans"], figures["lin"]["edits"]) == (1, 1)
    assert figures["lin"]["hours"] == round(1 / 60, 2)
    assert imported(parse(rows)) == {"edits": 3, "pages": 3, "spans": 6}


def test_stats_leaves_an_import_from_another_tool_out_of_throughput(tmp_path):
    from annotator.formats.base import Imported
    from annotator.placement import import_documents

    db = tmp_path / "s.db"
    text = "标题\n\n邓群策在衡阳。"
    with Store.open(db) as store:
        store.add_page(
            Page("a", text, "a.txt"), [Block(0, 2, "headline", 1), Block(4, 11, "body", 1)]
        )
        store.apply(Op("add_span", "a", {"start": 8, "end": 10, "label": "LOC"}), "lin")
        doc = Imported(where="x.json", text="邓群策在衡阳。", spans=[(0, 3, "PER")])
        assert import_documents(store, [doc], "lin").added == 1
    figures = json.loads(CliRunner().invoke(main, ["stats", "--db", str(db), "--json"]).output)
    assert figures["throughput"]["lin"]["spans"] == 1  # the imported PER is not lin's work
    assert figures["imported"] == {"edits": 1, "pages": 1, "spans": 1}
    table = CliRunner().invoke(main, ["stats", "--db", str(db)]).output
    assert "Imported, left out of throughput: 1 spans on 1 pages (1 edits)" in table


def test_a_hand_edited_time_without_a_zone_is_read_as_utc_and_a_bad_one_left_out():
    rows, _ = _lin_and_wu()
    moved = list(rows[1])
    moved[2] = "2024-03-05T10:05:00"  # no offset: the store writes UTC
    unreadable = list(rows[2])
    unreadable[2] = "yesterday"
    lin = throughput(parse([rows[0], tuple(moved), tuple(unreadable), *rows[3:]]))["lin"]
    # the unreadable row gives no moment, and none of its work (its page is not done)
    assert (lin["sessions"], lin["edits"], lin["pages"]) == (2, 4, 1)
    assert lin["hours"] == round((5 + 9 + 2) / 60, 2)
