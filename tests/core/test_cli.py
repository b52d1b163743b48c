"""The command line: import, export, stats, demo, suggest, --db and $ANNOTATOR_DB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.edits import Op, mark_done_op
from annotator.formats.gold_jsonl import read_jsonl
from annotator.resources import seeds_dir
from annotator.store import Store

SEEDS = sorted(seeds_dir().glob("*.txt"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _run(runner: CliRunner, *args: str, env: dict | None = None):
    return runner.invoke(main, list(args), env=env, catch_exceptions=False)


def test_import_reports_imported_skipped_and_refused(runner, tmp_path):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
    (folder / "sub" / "b.md").write_bytes("# 标题\n\n正文,GBK 编码。\r\n".encode("gbk"))
    (folder / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    db = tmp_path / "a.db"
    result = runner.invoke(main, ["import", "--db", str(db), str(folder)])
    assert result.exit_code == 1
    assert "Imported 2 page(s), skipped 0 already present, refused 1" in result.output
    assert "c.txt" in result.output and "Traceback" not in result.output
    again = runner.invoke(main, ["import", "--db", str(db), str(folder / "a.txt")])
    assert again.exit_code == 0
    assert "Imported 0 page(s), skipped 1 already present, refused 0" in again.output
    with Store.open(db) as store:
        assert store.page_ids() == ["a", "b"]
        assert store.page("b").text == "# 标题\n\n正文,GBK 编码。\n"


def test_a_new_database_is_named_when_made(runner, tmp_path):
    # A mistyped --db made a new database (its folders too) with no word: the team lead's
    # import went there while the window showed the old one.
    (tmp_path / "a.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
    db = tmp_path / "typo" / "gold.db"
    first = runner.invoke(main, ["import", "--db", str(db), str(tmp_path / "a.txt")])
    assert first.exit_code == 0 and f"Created a new database {db}" in first.stderr
    again = runner.invoke(main, ["import", "--db", str(db), str(tmp_path / "a.txt")])
    assert again.exit_code == 0 and "Created" not in again.stderr


def test_same_stem_different_content_gets_distinct_ids(runner, tmp_path):
    for sub, body in (("x", "第一篇。"), ("y", "第二篇。")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "page.txt").write_text(body, encoding="utf-8")
    db = tmp_path / "a.db"
    result = _run(runner, "import", "--db", str(db), str(tmp_path / "x"), str(tmp_path / "y"))
    assert result.exit_code == 0
    with Store.open(db) as store:
        ids = store.page_ids()
    assert len(ids) == 2 and ids[0] == "page" and ids[1].startswith("page~")


def test_missing_path_is_refused_by_name(runner, tmp_path):
    result = runner.invoke(main, ["import", "--db", str(tmp_path / "a.db"), "nope.txt"])
    assert result.exit_code == 1
    assert "nope.txt" in result.output


def test_demo_is_idempotent(runner, tmp_path):
    db = tmp_path / "a.db"
    first = _run(runner, "demo", "--db", str(db))
    assert "Imported 2 page(s)" in first.output
    second = _run(runner, "demo", "--db", str(db))
    assert "Imported 0 page(s), skipped 2 already present" in second.output


def test_db_defaults_to_the_environment_variable(runner, tmp_path):
    db = tmp_path / "env.db"
    _run(runner, "demo", env={"ANNOTATOR_DB": str(db)})
    assert db.exists()
    with Store.open(db) as store:
        assert store.count_pages() == 2


def test_db_before_the_command_is_the_database_the_command_uses(runner, tmp_path):
    # annotator --db F demo once wrote into the default database and ignored F
    given, other = tmp_path / "given.db", tmp_path / "default.db"
    result = _run(runner, "--db", str(given), "demo", env={"ANNOTATOR_DB": str(other)})
    assert result.exit_code == 0 and str(given) in result.output
    assert not other.exists()
    with Store.open(given) as store:
        assert store.count_pages() == 2
    # a --db after the command still wins
    after = tmp_path / "after.db"
    _run(runner, "--db", str(given), "demo", "--db", str(after))
    assert after.exists()


def _done_db(runner: CliRunner, tmp_path: Path) -> Path:
    db = tmp_path / "a.db"
    _run(runner, "demo", "--db", str(db))
    with Store.open(db) as store:
        page_id = store.page_ids()[0]
        text = store.page(page_id).text
        start = text.index("邓群策")
        store.apply(
            Op("add_span", page_id, {"start": start, "end": start + 3, "label": "PER"}), "ana"
        )
        # The rest of the suggestions are rejected: a done page has none open.
        store.apply(mark_done_op(store.page_state(page_id), "reject"), "ana")
    return db


def test_export_jsonl_to_file_follows_the_contract(runner, tmp_path):
    db = _done_db(runner, tmp_path)
    out = tmp_path / "gold.jsonl"
    result = _run(runner, "export", "--db", str(db), "--output", str(out))
    assert result.exit_code == 0
    records = list(read_jsonl(out))
    assert records and all(r["status"] == "done" for r in records)
    assert list(records[0]) == [
        "id",
        "page_id",
        "source",
        "ordinal",
        "status",
        "text",
        "blocks",
        "spans",
        "reviewer",
        "updated_at",
    ]
    spans = [s for r in records for s in r["spans"]]
    assert {"label": "PER", "text": "邓群策", "origin": "human"}.items() <= spans[0].items()
    for record in records:
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]


def test_export_json_to_stdout_and_status_all(runner, tmp_path):
    db = _done_db(runner, tmp_path)
    done = json.loads(_run(runner, "export", "--db", str(db), "--format", "json").stdout)
    every = json.loads(
        _run(runner, "export", "--db", str(db), "--format", "json", "--status", "all").stdout
    )
    assert 0 < len(done) < len(every)
    assert {r["page_id"] for r in every} == {p.stem for p in SEEDS}


def test_export_of_missing_database_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(main, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "Error:" in result.output and "no such database" in result.output


def test_stats_json_counts_pages_spans_and_edits(runner, tmp_path):
    db = _done_db(runner, tmp_path)
    figures = json.loads(_run(runner, "stats", "--db", str(db), "--json").output)
    assert figures["pages"]["total"] == 2 and figures["pages"]["done"] == 1
    assert figures["spans"]["PER"]["accepted"] >= 1
    assert figures["edits"] == {"ana": 2}
    table = _run(runner, "stats", "--db", str(db)).output
    assert "Spans by label and status" in table and "ana" in table
    assert "in progress" in table and "in_progress" not in table  # the reviewer's words


def test_suggest_reruns_without_touching_accepted_spans(runner, tmp_path):
    db = _done_db(runner, tmp_path)
    with Store.open(db) as store:
        before = [s for p in store.page_ids() for s in store.spans(p, {"accepted"})]
    result = _run(runner, "suggest", "--db", str(db))
    assert result.exit_code == 0 and "suggestion(s) open" in result.output
    with Store.open(db) as store:
        after = [s for p in store.page_ids() for s in store.spans(p, {"accepted"})]
    assert after == before


def test_suggest_with_unknown_page_is_refused(runner, tmp_path):
    db = _done_db(runner, tmp_path)
    result = runner.invoke(main, ["suggest", "--db", str(db), "--pages", "nope"])
    assert result.exit_code == 1 and "no such page(s): nope" in result.output


def test_long_import_shows_progress_on_stderr(runner, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(25):
        (folder / f"p{i:02d}.txt").write_text(f"标题{i}\n\n正文第{i}段。", encoding="utf-8")
    result = _run(runner, "import", "--db", str(tmp_path / "a.db"), str(folder))
    assert "Importing" in result.stderr
    assert "Imported 25 page(s)" in result.stdout
    few = _run(runner, "import", "--db", str(tmp_path / "b.db"), str(folder / "p00.txt"))
    assert "Importing" not in few.stderr


def test_export_reports_open_suggestions_per_page_on_stderr(runner, tmp_path):
    db = _done_db(runner, tmp_path)
    with Store.open(db) as store:
        counts = {p: len(store.spans(p, {"suggested"})) for p in store.page_ids()}
        done = store.page_ids("done")
    out = tmp_path / "all.jsonl"
    result = _run(runner, "export", "--db", str(db), "--status", "all", "--output", str(out))
    assert result.exit_code == 0
    open_pages = {p: n for p, n in counts.items() if n}
    assert open_pages and not any(counts[p] for p in done)
    for page_id, n in open_pages.items():
        assert f"Warning: {page_id}: {n} open suggestion(s) not exported" in result.stderr
    summary = f"{sum(open_pages.values())} open suggestion(s) on {len(open_pages)} page(s)"
    assert summary in result.stderr
    # Only accepted spans are gold: no suggestion reaches the file.
    exported = [s for r in read_jsonl(out) for s in r["spans"]]
    assert all(s["origin"] == "human" for s in exported)
    # The done pages alone have nothing open: no such warning.
    quiet = _run(runner, "export", "--db", str(db), "--output", str(tmp_path / "done.jsonl"))
    assert "open suggestion" not in quiet.stderr


def test_import_of_a_folder_without_page_files_says_so_and_fails(runner, tmp_path):
    # A team lead pointing at the wrong folder, or at .html/.docx files, was told "Imported
    # 0 page(s), skipped 0 already present, refused 0." with exit status 0.
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text("<p>市委</p>", encoding="utf-8")
    (pages / "sub").mkdir()
    (pages / "sub" / "b.docx").write_bytes(b"PK\x03\x04")
    (pages / ".notes.txt").write_text("hidden", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    db = tmp_path / "a.db"
    result = _run(runner, "--db", str(db), "import", str(pages), str(empty))
    assert result.exit_code == 1
    assert "refused 2" in result.output
    assert (
        f"refused {pages}: no .txt or .md files in it (it holds 2 other file(s): .docx, .html)"
        in result.output
    )
    assert f"refused {empty}: no .txt or .md files in it (it is empty)" in result.output
    # A folder with pages beside it imports as before, with no complaint about it.
    (pages / "c.txt").write_text("市委常委会召开会议\n\n本报讯 会议指出。\n", encoding="utf-8")
    result = _run(runner, "--db", str(db), "import", str(pages))
    assert result.exit_code == 0, result.output
    assert "Imported 1 page(s), skipped 0 already present, refused 0." in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["import", "--paper", "--db", "{db}", "{pages}"],
        ["suggest", "--pages", "--db", "{db}"],
        ["export", "--output", "--db", "{db}"],
    ],
)
def test_an_option_left_without_its_value_does_not_take_the_next_option(
    runner, tmp_path, monkeypatch, args
):
    # "annotator import --paper --db gold.db pages" took "--db" as the paper's name, made a
    # new database in the user data folder and tried to import gold.db itself as a page.
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "default.db"))
    db = tmp_path / "gold.db"
    assert _run(runner, "import", "--db", str(db), str(SEEDS[0])).exit_code == 0
    before = db.read_bytes()
    filled = [a.format(db=db, pages=SEEDS[1]) for a in args]
    result = runner.invoke(main, filled)
    assert result.exit_code == 2
    option = args[1]
    assert f"Error: {option} needs a value: it was followed by the option --db" in result.output
    assert not (tmp_path / "default.db").exists() and db.read_bytes() == before


@pytest.mark.parametrize("limit", ["2MB", "1KB"])
def test_a_database_given_as_a_page_file_is_named_for_what_it_is(runner, tmp_path, limit):
    # "annotator import gold.db" (for --db gold.db) was refused as "not text (contains NUL
    # bytes; binary, or UTF-16 without a byte-order mark)", or as too large for one page.
    gold = tmp_path / "gold.db"
    assert _run(runner, "import", "--db", str(gold), str(SEEDS[0])).exit_code == 0
    other = tmp_path / "other.db"
    result = runner.invoke(
        main, ["import", "--db", str(other), "--max-page-size", limit, str(gold)]
    )
    assert result.exit_code == 1
    assert (
        f"  refused {gold}: an annotator (SQLite) database, not a page file; to work on it, "
        f"give it as the database: annotator import --db {gold} PAGES..."
    ) in result.stderr


def test_a_missing_gold_file_is_named_without_a_line_zero(runner, tmp_path):
    # "refused missing.jsonl:0: cannot read the file": there is no line 0 to look at.
    db = tmp_path / "gold.db"
    assert _run(runner, "import", "--db", str(db), str(SEEDS[0])).exit_code == 0
    missing = tmp_path / "missing.jsonl"
    result = runner.invoke(
        main, ["import", "--db", str(db), "--format", "gold-jsonl", str(missing)]
    )
    assert result.exit_code == 1
    assert f"  refused {missing}: cannot read the file (No such file or directory)" in (
        result.stderr
    )


def test_export_names_the_done_pages_that_gave_no_record(runner, tmp_path):
    # A done page of page furniture only (every paragraph marked not part of an article)
    # gives no record; the export left it out without a word.
    db = _done_db(runner, tmp_path)
    with Store.open(db) as store:
        first, page_id = store.page_ids()
        for block in store.page_state(page_id).blocks:
            store.apply(Op("mark_other", page_id, {"block": block.start}), "ana")
        store.apply(mark_done_op(store.page_state(page_id), "reject"), "ana")
        assert len(store.page_ids("done")) == 2
    out = tmp_path / "gold.jsonl"
    result = _run(runner, "export", "--db", str(db), "--output", str(out))
    assert result.exit_code == 0
    assert {r["page_id"] for r in read_jsonl(out)} == {first}
    assert (
        f"Note: 1 page(s) gave no record: no paragraph on them is in an article (page "
        f"furniture only; Shift+Return in the window starts one): {page_id}"
    ) in result.stderr
    # A page format keeps every page: nothing to say.
    pages = _run(runner, "export", "--db", str(db), "--format", "segmentation", "-o", str(out))
    assert pages.exit_code == 0 and "gave no record" not in pages.stderr
