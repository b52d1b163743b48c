"""``annotator import --format gold-jsonl``: Gold JSONL v1 records back onto their pages.

Round trip: export, import onto a fresh database holding the same page files, export again:
the same bytes. Bad records are refused by file and line with nothing of their page applied;
each page is one logged edit that undo takes back.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.edits import Op
from annotator.model import Span
from annotator.resources import seeds_dir
from annotator.split import split_page
from annotator.store import Store

_CORPUS = Path(__file__).resolve().parents[2] / "bench" / "structure_corpus.py"
_spec = importlib.util.spec_from_file_location("structure_corpus", _CORPUS)
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _plain(piece: str) -> bool:
    return len(piece) == 8 and not any(c in "*#_`[]<>\n " for c in piece)


def _gold_op(page_id: str, text: str, blocks: list) -> Op:
    """Reviewed state: the gold blocks, two accepted spans (one human, one rule) and a
    rejected one, done (a done page has no open suggestion)."""
    first = next(b for b in blocks if b.role == "body")
    # Eight characters of plain text: a label over markup is refused (export drops it).
    at = next(i for i in range(first.start, first.end) if _plain(text[i : i + 8]))
    spans = [
        Span(at, at + 2, "ORG", "human", "accepted", {}),
        Span(at + 3, at + 5, "LOC", "rule", "accepted", {"note": "x"}),
        Span(at + 6, at + 8, "PER", "rule", "rejected", {}),
    ]
    return Op(
        "replace_page_gold",
        page_id,
        {
            "blocks": [b.to_dict() for b in blocks],
            "spans": [s.to_dict() for s in spans],
            "status": "done",
        },
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """Page files of the four composed papers (joins, intertitles, furniture) and the seeds."""
    folder = tmp_path_factory.mktemp("pages")
    for paper in corpus.PAPERS:
        for page_id, text, _ in corpus.pages(paper, 3, seed=11):
            (folder / f"{page_id}.txt").write_text(text, encoding="utf-8")
    for seed in sorted(seeds_dir().glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


@pytest.fixture(scope="module")
def exported(pages, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("first")
    db = folder / "a.db"
    assert _run("import", "--db", str(db), "--no-suggest", str(pages)).exit_code == 0
    gold = {pid: blocks for paper in corpus.PAPERS for pid, _, blocks in corpus.pages(paper, 3, 11)}
    with Store.open(db) as store:
        for page_id in store.page_ids():
            text = store.page(page_id).text
            blocks = gold.get(page_id) or split_page(text)
            store.apply(_gold_op(page_id, text, blocks), "lin")
    out = folder / "gold.jsonl"
    assert _run("export", "--db", str(db), "-o", str(out)).exit_code == 0
    return out


def test_export_import_export_is_byte_identical(pages, exported, tmp_path):
    db = tmp_path / "b.db"
    assert _run("import", "--db", str(db), "--no-suggest", str(pages)).exit_code == 0
    result = _run("import", "--db", str(db), "--format", "gold-jsonl", str(exported))
    assert result.exit_code == 0, result.stderr
    assert "Applied gold to 14 page(s)" in result.stdout and "refused 0 record(s)" in result.stdout
    again = tmp_path / "again.jsonl"
    assert _run("export", "--db", str(db), "-o", str(again)).exit_code == 0
    assert again.read_bytes() == exported.read_bytes()
    with Store.open(db) as store:
        page_id = store.page_ids()[0]
        assert store.page(page_id).status == "done" and store.page(page_id).reviewer == "lin"
        undo, _ = store.history(page_id)
        assert len(undo) == 1  # one logged edit (with the automatic new -> in progress step)
        assert "replace_page_gold" in json.dumps(undo[0].op.to_json())


def test_the_same_gold_again_changes_nothing(pages, exported, tmp_path):
    # Importing the same file again logged one more edit per page (nothing changed): the
    # reviewer's undo stepped through no-ops and the report said "Applied gold to 14".
    db = tmp_path / "b.db"
    _run("import", "--db", str(db), "--no-suggest", str(pages))
    _run("import", "--db", str(db), "--format", "gold-jsonl", str(exported))
    with Store.open(db) as store:
        before = {p: (store.history(p), store.page(p).updated_at) for p in store.page_ids()}
    result = _run("import", "--db", str(db), "--format", "gold-jsonl", str(exported))
    assert result.exit_code == 0
    assert "Applied gold to 0 page(s) (0 article(s)); skipped 14 already so" in result.stdout
    with Store.open(db) as store:
        assert {p: (store.history(p), store.page(p).updated_at) for p in before} == before


def test_undo_of_a_gold_import_restores_the_page_exactly(pages, exported, tmp_path):
    db = tmp_path / "b.db"
    _run("import", "--db", str(db), "--no-suggest", str(pages))
    with Store.open(db) as store:
        page_id = store.page_ids()[0]
        before = (store.page(page_id).status, store.blocks(page_id), store.spans(page_id))
    _run("import", "--db", str(db), "--format", "gold-jsonl", str(exported))
    with Store.open(db) as store:
        assert store.blocks(page_id) != before[1]
        edit = store.history(page_id)[0][-1]
        store.apply(edit.inverse, "lin", action="undo", target=edit.edit_id)
        assert (store.page(page_id).status, store.blocks(page_id), store.spans(page_id)) == before


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_bad_records_are_refused_by_file_and_line_and_their_pages_left_alone(
    pages, exported, tmp_path
):
    db = tmp_path / "b.db"
    _run("import", "--db", str(db), "--no-suggest", str(pages))
    lines = _lines(exported)
    records = [json.loads(x) for x in lines]
    pages_of = [r["page_id"] for r in records]
    # line 1: not JSON; a record of a page that is not in the database; a record whose
    # text differs from its page (a character changed outside every span).
    changed = records[-1]
    last_page = changed["page_id"]
    body = next(b for b in changed["blocks"] if b["role"] == "body")
    k = body["end"] - 1
    changed["text"] = changed["text"][:k] + "错" + changed["text"][k + 1 :]
    missing = dict(records[0], page_id="nowhere", id=f"nowhere#{records[0]['ordinal']}")
    bad = tmp_path / "bad.jsonl"
    out = ["{not json", *lines[:-1], json.dumps(missing, ensure_ascii=False)]
    out.append(json.dumps(changed, ensure_ascii=False))
    bad.write_text("\n".join(out) + "\n", encoding="utf-8")
    result = _run("import", "--db", str(db), "--format", "gold-jsonl", str(bad))
    assert result.exit_code == 1
    err = result.stderr
    assert f"refused {bad}:1: " in err
    assert f"refused {bad}:{len(out) - 1}: no page 'nowhere' in the database" in err
    assert f"{bad}:" in err and f"page {last_page!r}: the text of the paragraph" in err
    assert "Traceback" not in result.output
    with Store.open(db) as store:
        assert store.page(last_page).status == "new"
        assert store.history(last_page) == ([], [])
        others = set(pages_of) - {last_page}
        assert all(store.page(p).status == "done" for p in others)


def test_gold_import_into_a_missing_database_is_a_clear_error(exported, tmp_path):
    result = _run(
        "import", "--db", str(tmp_path / "none.db"), "--format", "gold-jsonl", str(exported)
    )
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_replace_page_gold_refuses_overlapping_blocks_and_unknown_labels():
    from annotator.edits import EditError, PageState, plan
    from annotator.model import Block, Page

    state = PageState(Page("p", "甲乙丙\n丁戊己"), (Block(0, 3), Block(4, 7)), {})
    overlapping = [Block(0, 5, "body", 1).to_dict(), Block(4, 7, "body", 1).to_dict()]
    op = Op("replace_page_gold", "p", {"blocks": overlapping, "spans": [], "status": "done"})
    with pytest.raises(EditError, match="overlaps the previous one"):
        plan(state, op, {"PER"})
    blocks = [Block(0, 3, "headline", 1).to_dict(), Block(4, 7, "body", 1).to_dict()]
    span = Span(4, 6, "XYZ", id=1).to_dict()
    op = Op("replace_page_gold", "p", {"blocks": blocks, "spans": [span], "status": "done"})
    with pytest.raises(EditError, match="unknown label 'XYZ'"):
        plan(state, op, {"PER"})


def test_a_file_of_another_format_is_refused_in_one_line(tmp_path):
    """A BIO file given as gold-jsonl was refused line by line: thousands of lines of
    'Expecting value'. Now one line names the file, says what it is not and what to use."""
    db = tmp_path / "g.db"
    _run("demo", "--db", str(db))
    bio = tmp_path / "gold.bio"
    bio.write_text("".join(f"{c} O\n" for c in "本报讯市委书记邓群策") * 50, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["import", "--db", str(db), "--format", "gold-jsonl", str(bio)]
    )
    assert result.exit_code == 1
    refused = [line for line in result.output.splitlines() if line.startswith("  refused ")]
    assert len(refused) == 1
    assert f"{bio}:1: not Gold JSONL" in refused[0] and "--format" in refused[0]


def _with_span_on_line_break(exported: Path, tmp_path: Path) -> tuple[Path, int, str]:
    """The export with a PER span over only the line break between an article's first two
    paragraphs (another tool lets a reviewer draw one); its line and page id."""
    records = [json.loads(x) for x in _lines(exported)]
    n, record = next((k, r) for k, r in enumerate(records) if len(r["blocks"]) > 1)
    first, second = record["blocks"][:2]
    gap = first["end"]  # the "\n" that joins them in the clean text
    assert record["text"][gap] == "\n" and first["page_end"] < second["page_start"]
    record["spans"].append({
        "start": gap, "end": gap + 1, "label": "PER", "text": "\n",
        "page_start": first["page_end"], "page_end": first["page_end"] + 1,
        "origin": "human", "attrs": {},
    })  # fmt: skip
    record["spans"].sort(key=lambda s: (s["start"], s["end"]))
    out = tmp_path / "gap.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return out, n + 1, record["page_id"]


def test_a_span_on_nothing_but_the_break_between_paragraphs_is_refused_by_file_and_line(
    pages, exported, tmp_path
):
    # Such a span lies on no paragraph: it was stored as accepted gold, counted by stats,
    # and then left out of every export (with a warning on the exporter's terminal only).
    gap, line, page_id = _with_span_on_line_break(exported, tmp_path)
    db = tmp_path / "b.db"
    _run("import", "--db", str(db), "--no-suggest", str(pages))
    result = _run("import", "--db", str(db), "--format", "gold-jsonl", str(gap))
    assert result.exit_code == 1
    assert (
        f"refused {gap}:{line}: page {page_id!r}: span '\\n' (PER) at page offsets" in result.stderr
    )
    assert "lies on no paragraph, only on the line break between two" in result.stderr
    assert "Traceback" not in result.output
    with Store.open(db) as store:
        assert store.page(page_id).status == "new" and store.history(page_id) == ([], [])
        assert not [s for s in store.spans(page_id) if s.status == "accepted"]


def test_a_span_whose_article_offsets_disagree_with_its_page_offsets_is_refused(
    pages, exported, tmp_path
):
    # The article offsets were not checked against the page offsets: the record was
    # stored by its page offsets and exported again with other article offsets.
    records = [json.loads(x) for x in _lines(exported)]
    # A span moved by article offsets onto the same characters elsewhere in its article
    # (valid as a record on its own), its page offsets left where they were.
    n, record, span, other = next(
        (k, r, s, r["text"].find(s["text"], s["end"]))
        for k, r in enumerate(records)
        for s in r["spans"]
        if r["text"].find(s["text"], s["end"]) >= 0
    )
    span["start"], span["end"] = other, other + len(span["text"])
    record["spans"].sort(key=lambda s: (s["start"], s["end"]))
    bad = tmp_path / "off.jsonl"
    bad.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    db = tmp_path / "b.db"
    _run("import", "--db", str(db), "--no-suggest", str(pages))
    result = _run("import", "--db", str(db), "--format", "gold-jsonl", str(bad))
    assert result.exit_code == 1
    assert f"refused {bad}:{n + 1}: page {record['page_id']!r}: span " in result.stderr
    assert f"is not at [{other}, {other + len(span['text'])}) of the record's text" in result.stderr
    assert "Traceback" not in result.output
    with Store.open(db) as store:
        assert store.page(record["page_id"]).status == "new"


def test_records_of_pages_not_done_are_refused_and_leave_the_pages_alone(tmp_path):
    # An export with --status all holds the pages nobody reviewed: no accepted span, the
    # suggestions left out. Imported, each such page was marked done with no entity at all
    # and lost its open suggestions (and training learnt from it that nothing is an entity).
    db, other = tmp_path / "a.db", tmp_path / "b.db"
    assert _run("demo", "--db", str(db)).exit_code == 0
    assert _run("demo", "--db", str(other)).exit_code == 0
    out = tmp_path / "all.jsonl"
    assert _run("export", "--db", str(db), "--status", "all", "-o", str(out)).exit_code == 0
    with Store.open(other) as store:
        before = {p: (store.page(p).status, store.spans(p)) for p in store.page_ids()}
    result = _run("import", "--db", str(other), "--format", "gold-jsonl", str(out))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "Applied gold to 0 page(s)" in result.stdout
    assert f"refused {out}:1: the record's page is 'new', not done: only pages a reviewer " in (
        result.stderr
    )
    assert "not Gold JSONL" not in result.stderr
    with Store.open(other) as store:
        assert {p: (store.page(p).status, store.spans(p)) for p in store.page_ids()} == before


def test_a_span_given_twice_is_stored_once_and_with_other_attributes_refused(
    pages, exported, tmp_path
):
    # The same label on the same range twice (a file merged or edited by hand) was stored
    # twice, and every export then wrote the entity twice.
    records = [json.loads(x) for x in _lines(exported)]
    n, record = next((k, r) for k, r in enumerate(records) if r["spans"])
    record["spans"].insert(0, dict(record["spans"][0]))
    twice = tmp_path / "twice.jsonl"
    twice.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    db = tmp_path / "b.db"
    _run("import", "--db", str(db), "--no-suggest", str(pages))
    result = _run("import", "--db", str(db), "--format", "gold-jsonl", str(twice))
    assert result.exit_code == 0, result.output
    again = tmp_path / "again.jsonl"
    assert _run("export", "--db", str(db), "-o", str(again)).exit_code == 0
    assert again.read_bytes() == exported.read_bytes()
    record["spans"][0]["attrs"] = {"value": 1}
    twice.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    other = tmp_path / "c.db"
    _run("import", "--db", str(other), "--no-suggest", str(pages))
    result = _run("import", "--db", str(other), "--format", "gold-jsonl", str(twice))
    assert result.exit_code == 1
    assert f"refused {twice}:{n + 1}: page {record['page_id']!r}: span " in result.stderr
    assert "is given twice with different attributes; keep one" in result.stderr


def test_gold_over_another_reviewers_work_is_refused_unless_replace(pages, exported, tmp_path):
    # Applied silently, the records overwrote a page mei had begun, logged under the record's
    # reviewer, so that mei's own undo could not bring her work back.
    db = tmp_path / "b.db"
    assert _run("import", "--db", str(db), "--no-suggest", str(pages)).exit_code == 0
    with Store.open(db) as store:
        page_id = sorted(store.page_ids())[0]
        block = next(b for b in store.blocks(page_id) if b.role == "body")
        store.apply(Op("set_role", page_id, {"block": block.start, "role": "caption"}), "mei")
        before = (store.page(page_id).status, store.blocks(page_id))
    assert before[0] == "in_progress"
    result = _run("import", "--db", str(db), "--format", "gold-jsonl", str(exported))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"page {page_id!r}: mei has this page in progress" in result.stderr
    assert "pass --replace to overwrite it" in result.stderr
    with Store.open(db) as store:
        assert (store.page(page_id).status, store.blocks(page_id)) == before
        assert sum(store.page(p).status == "done" for p in store.page_ids()) > 1  # the others
    result = _run("import", "--db", str(db), "--format", "gold-jsonl", "--replace", str(exported))
    assert result.exit_code == 0, result.output
    again = tmp_path / "again.jsonl"
    assert _run("export", "--db", str(db), "-o", str(again)).exit_code == 0
    assert again.read_bytes() == exported.read_bytes()


def test_replace_belongs_to_gold_jsonl(pages, tmp_path):
    result = _run("import", "--db", str(tmp_path / "b.db"), "--replace", str(pages))
    assert result.exit_code == 2 and "--replace is for --format gold-jsonl" in result.output


def test_two_articles_cut_past_each_other_round_trip_through_gold_jsonl(tmp_path):
    # Found by test_export_round_trip_property: A's first half, B's first half, A's second
    # half, B's second half (columns read in that order), each second half joined to its
    # first. Each exported paragraph's page range covers both halves, so A's [0, 8) and
    # B's [3, 14) cross: the import refused the tool's own export ("overlaps another one").
    import io

    from annotator.exporting import ExportRequest, export
    from annotator.model import Block, Page
    from annotator.pipeline import import_gold

    text = "甲乙\n丙丁\n戊己\n其他\n庚辛"
    blocks = [
        Block(0, 2, "body", 1),
        Block(3, 5, "body", 2),
        Block(6, 8, "body", 1, True),
        Block(9, 11, "other", None),
        Block(12, 14, "body", 2, True),
    ]
    path = tmp_path / "g.jsonl"
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(Page("p", text, "p.txt", "x", status="done", reviewer="ana"), blocks)
        store.apply(Op("add_span", "p", {"start": 12, "end": 14, "label": "PER"}), "ana")
        export(store, ExportRequest(fmt="jsonl"), path)
    with Store.open(tmp_path / "b.db") as fresh:
        fresh.add_page(Page("p", text, "p.txt", "x"))
        report = import_gold(fresh, [path])
        assert report.refused == []
        assert [(b.start, b.end, b.article, b.joins_previous) for b in fresh.blocks("p")] == [
            (b.start, b.end, b.article, b.joins_previous) for b in blocks
        ]
        again = io.StringIO()
        export(fresh, ExportRequest(fmt="jsonl"), again)
    assert again.getvalue() == path.read_text("utf-8")


@pytest.mark.parametrize("how", ["gold-jsonl", "jsonl"])
def test_a_label_over_a_join_or_a_soft_line_break_reads_back_from_gold_jsonl(tmp_path, how):
    # Found by test_export_round_trip_property: export writes such a label (陈\n润 is 陈润 in
    # the clean text; its page range is one longer), and both imports of Gold JSONL refused
    # the whole file ("page range and text range differ in length").
    import io

    from annotator.exporting import ExportRequest, export
    from annotator.formats.gold_records import read
    from annotator.model import Block, Page
    from annotator.pipeline import import_gold
    from annotator.placement import import_documents

    text = "标题\n本报记者 陈\n润报道\n其他\n通讯员王\n五"
    blocks = [
        Block(0, 2, "headline", 1),
        Block(3, 9, "body", 1),
        Block(10, 13, "body", 1, True),  # 陈 | 润: a column break
        Block(14, 16, "other", None),
        Block(17, 23, "body", 1),  # 王\n五: a soft line break inside a paragraph
    ]
    path = tmp_path / "g.jsonl"
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(Page("p", text, "p.txt", "x", status="done", reviewer="ana"), blocks)
        for s, e in ((8, 11), (20, 23)):
            store.apply(Op("add_span", "p", {"start": s, "end": e, "label": "PER"}), "ana")
        export(store, ExportRequest(fmt="jsonl"), path)
    (record,) = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
    assert [s["text"] for s in record["spans"]] == ["陈润", "王五"]
    with Store.open(tmp_path / "b.db") as fresh:
        if how == "gold-jsonl":
            fresh.add_page(Page("p", text, "p.txt", "x"))
            assert import_gold(fresh, [path]).refused == []
        else:
            fresh.add_page(Page("p", text, "p.txt", "x"), blocks)
            assert import_documents(fresh, list(read(path)), "ana", "done").problems == []
        assert [(s.start, s.end) for s in fresh.spans("p")] == [(8, 11), (20, 23)]
        again = io.StringIO()
        export(fresh, ExportRequest(fmt="jsonl"), again)
    if how == "gold-jsonl":
        assert again.getvalue() == path.read_text("utf-8")


@pytest.mark.parametrize("line", ["乙 甲乙", "# 甲乙", "Ada  Lovelace"])
def test_a_paragraph_split_inside_a_line_at_a_space_and_joined_again_reads_back(line, tmp_path):
    # The split drops the space (乙 / 甲乙 exports as 乙甲乙): the record's paragraph is found
    # by cutting its line at the run of spaces, not refused as "differs from the page".
    import io

    from annotator.edits import mark_done_op, renumber
    from annotator.exporting import ExportRequest, export
    from annotator.model import Block, Page
    from annotator.pipeline import import_gold

    text = f"甲乙\n甲乙甲乙甲乙\n{line}"
    at = text.index(" ")
    blocks = [Block(0, 2, "other", None), Block(3, 9, "body", 1), Block(10, len(text), "body", 1)]
    with Store.open(":memory:") as store:
        store.add_page(Page("p", text, "p.txt", "x", status="in_progress"), renumber(blocks))
        store.apply(Op("split_block", "p", {"at": at}), "ana")
        second = next(b for b in store.blocks("p") if b.start > at)
        store.apply(Op("join", "p", {"block": second.start}), "ana")
        store.apply(mark_done_op(store.page_state("p"), "accept"), "ana")
        gold = store.blocks("p")
        first = io.StringIO()
        export(store, ExportRequest(fmt="jsonl", statuses=None), first)
    assert line not in json.loads(first.getvalue().splitlines()[0])["text"]  # (the space went)
    path = tmp_path / "gold.jsonl"
    path.write_text(first.getvalue(), "utf-8")
    with Store.open(":memory:") as fresh:
        fresh.add_page(Page("p", text, "p.txt", "x"))
        report = import_gold(fresh, [path])
        assert report.refused == []
        got = fresh.blocks("p")
    assert [(b.start, b.end, b.role, b.joins_previous) for b in got if b.article] == [
        (b.start, b.end, b.role, b.joins_previous) for b in gold if b.article
    ]
