"""Gold imported from other tools marks its pages done when it comes back finished (issue 12).

Through the command line on the sample pages: one database reviews a page and exports it,
another (the same pages, freshly suggested) imports that export and gets the page done,
with exactly the reviewed spans and no open suggestion.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.edits import Op, mark_done_op
from annotator.resources import seeds_dir
from annotator.store import Store


def _run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Path, str, set]:
    """A database whose first sample page is done (every suggestion but two accepted), and
    the Label Studio export of it. Returns the export, the page id and its gold spans."""
    db = tmp_path / "a.db"
    _run("--db", str(db), "import", str(seeds_dir()))
    with Store.open(db) as store:
        page_id = store.page_ids()[0]
        state = store.page_state(page_id)
        for span in sorted(state.spans.values(), key=lambda s: s.start)[:2]:
            store.apply(Op("set_span_status", page_id, {"id": span.id, "status": "rejected"}))
        store.apply(mark_done_op(store.page_state(page_id), "accept"), "ana")
        gold = {(s.start, s.end, s.label) for s in store.spans(page_id, {"accepted"})}
    out = tmp_path / "tasks.json"
    _run("--db", str(db), "export", "--format", "labelstudio", "-o", str(out))
    return out, page_id, gold


def _fresh(tmp_path: Path, name: str) -> Path:
    db = tmp_path / name
    _run("--db", str(db), "import", str(seeds_dir()))
    return db


def test_finished_label_studio_annotations_make_their_page_done(tmp_path, reviewed):
    out, page_id, gold = reviewed
    db = _fresh(tmp_path, "b.db")
    output = _run("--db", str(db), "import", "--format", "labelstudio", str(out))
    assert "1 page(s) marked done, 2 suggestion(s) rejected" in output
    with Store.open(db) as store:
        assert store.page(page_id).status == "done"
        assert {(s.start, s.end, s.label) for s in store.spans(page_id, {"accepted"})} == gold
        assert store.spans(page_id, {"suggested"}) == []
        other = next(p for p in store.page_ids() if p != page_id)
        assert store.page(other).status == "new"  # nothing of it came back
        # one edit: undo gives the page back as it was, new and with its suggestions open
        done, _ = store.history(page_id)
        store.apply(done[-1].inverse, "import", action="undo", target=done[-1].edit_id)
        assert store.page(page_id).status == "new"
        assert store.spans(page_id, {"accepted", "rejected"}) == []


def test_a_classification_beside_the_spans_does_not_keep_the_page_open(tmp_path, reviewed):
    out, page_id, _ = reviewed
    tasks = json.loads(out.read_text(encoding="utf-8"))
    choice = {
        "type": "choices",
        "from_name": "topic",
        "to_name": "text",
        "value": {"choices": ["x"]},
    }
    for task in tasks:
        task["annotations"][0]["result"].append(choice)
    out.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    db = _fresh(tmp_path, "b.db")
    output = _run("--db", str(db), "import", "--format", "labelstudio", str(out))
    assert "'choices' result is not a span label; skipped" in output
    with Store.open(db) as store:
        assert store.page(page_id).status == "done"


def test_status_in_progress_leaves_the_page_open(tmp_path, reviewed):
    out, page_id, gold = reviewed
    db = _fresh(tmp_path, "b.db")
    args = ("--db", str(db), "import", "--format", "labelstudio", "--status", "in_progress")
    assert "0 page(s) marked done" in _run(*args, str(out))
    with Store.open(db) as store:
        assert store.page(page_id).status == "in_progress"
        assert len(store.spans(page_id, {"suggested"})) == 2


def test_a_page_with_an_article_missing_stays_in_progress_and_says_why(tmp_path, reviewed):
    out, page_id, _ = reviewed
    tasks = json.loads(out.read_text(encoding="utf-8"))
    dropped = tasks.pop(1)["data"]["ordinal"]
    out.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    db = _fresh(tmp_path, "b.db")
    result = CliRunner().invoke(
        main, ["--db", str(db), "import", "--format", "labelstudio", str(out)]
    )
    assert result.exit_code == 0
    assert f"Left in progress: page {page_id}: not marked done: article(s) {dropped} did not " \
        "come back" in result.output  # fmt: skip
    with Store.open(db) as store:
        assert store.page(page_id).status == "in_progress"


def test_predictions_are_not_finished_gold(tmp_path, reviewed):
    out, page_id, _ = reviewed
    tasks = json.loads(out.read_text(encoding="utf-8"))
    for task in tasks:
        task["predictions"] = [{"model_version": "m", **task.pop("annotations")[0]}]
    out.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    db = _fresh(tmp_path, "b.db")
    output = _run("--db", str(db), "import", "--format", "labelstudio", "--predictions", str(out))
    assert "not finished in its tool" in output
    with Store.open(db) as store:
        assert store.page(page_id).status == "in_progress"


def test_doccano_pages_are_done_when_the_curator_says_so(tmp_path, reviewed):
    _, page_id, gold = reviewed
    out = tmp_path / "d.jsonl"
    _run("--db", str(tmp_path / "a.db"), "export", "--format", "doccano", "-o", str(out))
    db = _fresh(tmp_path, "b.db")
    output = _run("--db", str(db), "import", "--format", "doccano", str(out))
    assert "does not say whether it is finished (use --status done)" in output
    with Store.open(db) as store:
        assert store.page(page_id).status == "in_progress"
    db = _fresh(tmp_path, "c.db")
    _run("--db", str(db), "import", "--format", "doccano", "--status", "done", str(out))
    with Store.open(db) as store:
        assert store.page(page_id).status == "done"
        assert {(s.start, s.end, s.label) for s in store.spans(page_id, {"accepted"})} == gold


def test_status_is_refused_for_page_files(tmp_path):
    output = _run(
        "--db", str(tmp_path / "a.db"), "import", "--status", "done", str(seeds_dir()), code=2
    )
    assert "--status is for gold from other tools" in output


def test_gold_jsonl_records_of_done_pages_are_finished(tmp_path, reviewed):
    _, page_id, gold = reviewed
    out = tmp_path / "gold.jsonl"
    _run("--db", str(tmp_path / "a.db"), "export", "--format", "jsonl", "-o", str(out))
    db = _fresh(tmp_path, "b.db")
    assert "1 page(s) marked done" in _run("--db", str(db), "import", "--format", "jsonl", str(out))
    with Store.open(db) as store:
        assert store.page(page_id).status == "done"
        assert {(s.start, s.end, s.label) for s in store.spans(page_id, {"accepted"})} == gold


# --- the page-level rules, on a page of one article and a furniture line ------------------

_TEXT = "邓群策到场。\n广告：衡阳市"


def _page_with_furniture(db: Path, furniture_suggestion: bool = True, status: str = "new"):
    from annotator.model import Block, Page, Span

    store = Store.open(db)
    suggestions = [Span(10, 13, "LOC", origin="rule", status="suggested")]
    store.add_page(
        Page("p", _TEXT, "p.txt", status=status),
        [Block(0, 6, "body", 1), Block(7, 13, "other", None)],
        suggestions if furniture_suggestion else [],
    )
    return store


def _finished(spans):
    from annotator.formats.base import Imported

    doc = Imported("邓群策到场。", spans, "tasks.json: task 1", "p", 1)
    doc.completed = True
    return doc


def test_an_open_suggestion_outside_the_articles_keeps_the_page_open_but_the_gold_placed(
    tmp_path,
):
    from annotator.placement import import_documents

    with _page_with_furniture(tmp_path / "a.db") as store:
        report = import_documents(store, [_finished([(0, 3, "PER")])], "import", "auto")
        assert report.problems == [] and report.added == 1 and report.done == []
        assert report.not_done == [
            "page p: not marked done: 1 open suggestion(s) outside the articles that came back"
        ]
        assert store.page("p").status == "in_progress"
        assert [(s.start, s.label) for s in store.spans("p", {"accepted"})] == [(0, "PER")]
        assert len(store.spans("p", {"suggested"})) == 1


def test_a_flagged_page_keeps_its_flag_and_gets_the_gold(tmp_path):
    from annotator.placement import import_documents

    with _page_with_furniture(tmp_path / "a.db", False, "flagged") as store:
        report = import_documents(store, [_finished([(0, 3, "PER")])], "import", "done")
        assert report.not_done == ["page p: not marked done: it is flagged; left as it is"]
        assert store.page("p").status == "flagged" and report.added == 1


def test_a_span_that_cannot_be_placed_keeps_the_page_open(tmp_path):
    from annotator.placement import import_documents

    with _page_with_furniture(tmp_path / "a.db", False) as store:
        spans = [(0, 3, "PER"), (3, 5, "NOPE")]
        report = import_documents(store, [_finished(spans)], "import", "auto")
        assert len(report.problems) == 1 and "label 'NOPE' is not configured" in report.problems[0]
        assert report.not_done[0].startswith("page p: not marked done: tasks.json: task 1: NOPE")
        assert store.page("p").status == "in_progress" and report.added == 1
        # without it, the same finished document makes the page done
        report = import_documents(store, [_finished([(0, 3, "PER")])], "import", "auto")
        assert report.done == ["p"] and store.page("p").status == "done"


def test_a_suggestion_over_the_boundary_of_two_blocks_of_a_finished_article_is_inside_it(
    tmp_path,
):
    from annotator.model import Block, Page, Span
    from annotator.placement import import_documents

    with Store.open(tmp_path / "a.db") as store:
        # one article in two blocks that meet in the middle of a line, a name across them
        blocks = [Block(0, 2, "body", 1), Block(2, 6, "body", 1, joins_previous=True)]
        suggestion = Span(0, 3, "PER", origin="rule", status="suggested")
        store.add_page(Page("p", "邓群策到场。", "p.txt"), blocks, [suggestion])
        report = import_documents(store, [_finished([(3, 5, "LOC")])], "import", "auto")
        assert (report.not_done, report.done, report.rejected) == ([], ["p"], 1)
        assert store.page("p").status == "done" and store.spans("p", {"suggested"}) == []


def test_an_import_reads_each_page_it_places_gold_on_once(tmp_path):
    # more pages than the store keeps states of: placing, then editing, each page used to
    # be read twice (its text and blocks to place, then its state to edit)
    from annotator.formats.base import Imported
    from annotator.model import Block, Page
    from annotator.placement import import_documents
    from annotator.text import derive_articles

    docs = []
    with Store.open(tmp_path / "a.db") as store:
        for n in range(40):
            text = f"标题{n}\n\n王伟在北京第{n}次说。"
            blocks = [
                Block(0, text.index("\n"), "headline", 1),
                Block(text.index("王"), len(text), "body", 1),
            ]
            store.add_page(Page(f"p{n}", text, f"p{n}.txt"), blocks)
            article = derive_articles(text, blocks)[1].text
            at = article.index("王")
            docs.append(Imported(text=article, spans=[(at, at + 2, "PER")], where=f"p{n}.json"))
        reads: list[str] = []
        store.db.conn.set_trace_callback(
            lambda sql: reads.append(sql) if "FROM pages WHERE id" in sql else None
        )
        report = import_documents(store, docs, "ana")
        store.db.conn.set_trace_callback(None)
        assert report.added == len(docs) and not report.problems
        assert len(reads) == len(docs)
        assert all(store.spans(f"p{n}", {"accepted"}) for n in range(40))


def test_white_space_at_the_ends_of_an_imported_span_is_left_out(tmp_path):
    # doccano and Label Studio let a drag take the space before a name (" 陈润") or the line
    # break after a headline: kept, the Gold JSONL span held it and the BIO export (which
    # cannot write white space) gave the name alone; two exports of one gold disagreed.
    from annotator.text import derive_articles

    db = _fresh(tmp_path, "w.db")
    with Store.open(db) as store:
        page_id = store.page_ids()[0]
        state = store.page_state(page_id)
        text = derive_articles(state.page.text, list(state.blocks))[1].text
    name, head = text.index(" 陈润"), text.index("\n")
    spans = [[name, name + 3, "PER"], [0, head + 1, "ORG"], [head, head + 1, "LOC"]]
    doc = tmp_path / "d.jsonl"
    doc.write_text(json.dumps({"text": text, "label": spans}, ensure_ascii=False) + "\n", "utf-8")
    output = _run("--db", str(db), "import", "--format", "doccano", str(doc))
    assert f"{doc}:1: LOC [{head}, {head + 1}): holds only white space; nothing to label" in output
    with Store.open(db) as store:
        page = store.page(page_id).text
        accepted = sorted(
            (page[s.start : s.end], s.label) for s in store.spans(page_id, {"accepted"})
        )
    assert accepted == [("市委常委会召开会议", "ORG"), ("陈润", "PER")]  # 陈润: its suggestion
