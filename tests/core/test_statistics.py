"""Label and role distributions and reviewer throughput (issue 12)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import main
from annotator.edits import Op
from annotator.model import Block, Page
from annotator.statistics import SESSION_MINIMUM, imported, parse, shares, throughput
from annotator.store import Store


def _row(reviewer, minute, kind, args, page="p", action="do"):
    at = (
        f"2024-03-05T10:{minute:02d}:00+00:00"
        if minute < 60
        else f"2024-03-05T11:{minute - 60:02d}:00+00:00"
    )
    return (reviewer, at, page, action, kind, json.dumps(args))


def test_throughput_counts_sessions_pages_and_spans_per_reviewer():
    add = {"start": 0, "end": 1, "label": "PER"}
    rows = [
        _row("lin", 0, "add_span", add),
        _row("lin", 5, "batch", {"ops": [{"kind": "set_span_status", "args": {"status": "accepted"}},
                                         {"kind": "set_span_status", "args": {"status": "rejected"}}]}),
        _row("lin", 9, "set_page_status", {"status": "done"}),
        # a break of 40 minutes: a new session
        _row("lin", 49, "add_span", add, page="q"),
        _row("lin", 58, "set_page_status", {"status": "done"}, page="q"),
        _row("lin", 59, "add_span", add, page="q", action="undo"),  # undo does not count
        _row("wu", 0, "add_span", {**add, "status": "suggested"}),  # not gold: not counted
    ]  # fmt: skip
    figures = throughput(parse(rows))
    lin = figures["lin"]
    minutes = 9 + 9 + 2 * SESSION_MINIMUM.total_seconds() / 60
    assert lin["hours"] == round(minutes / 60, 2)
    assert (lin["pages"], lin["spans"], lin["edits"]) == (2, 3, 5)
    assert lin["pages_per_hour"] == round(2 / (minutes / 60), 1)
    assert lin["spans_per_hour"] == round(3 / (minutes / 60), 1)
    assert figures["wu"]["spans"] == 0 and figures["wu"]["hours"] == round(1 / 60, 2)


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
    assert "Throughput by reviewer (from the edit log)" in table
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
