"""Export curation (issue 12): filters, train/dev/test split by page, duplicate articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from annotator.cli import main
from annotator.edits import Op
from annotator.formats.curation import normalise, parse_ratios, split_pages
from annotator.model import Block, Page
from annotator.store import Store

TEXTS = {
    "2024-03-01_a": "市委会议\n\n邓群策主持会议。",
    "2024-03-01_b": "张三来了\n\n李四也来了。",
    "2024-03-02_a": "市委会议\n\n邓群策  主持会议!",  # the same story as 2024-03-01_a
    "2024-03-02_b": "新闻标题\n\n正文在此。",
}


def _db(tmp_path: Path) -> Path:
    """Four pages: two papers, two reviewers, one page not done, one duplicate story."""
    path = tmp_path / "c.db"
    with Store.open(path) as store:
        for i, (page_id, text) in enumerate(TEXTS.items()):
            first = text.index("\n\n")
            blocks = [Block(0, first, "headline", 1), Block(first + 2, len(text), "body", 1)]
            paper = "hyrb" if page_id.endswith("_a") else "rmrb"
            store.add_page(Page(page_id, text, f"{page_id}.txt", paper=paper), blocks)
            reviewer = "lin" if i % 2 == 0 else "wu"
            store.apply(Op("add_span", page_id, {"start": 0, "end": 2, "label": "ORG"}), reviewer)
            store.apply(Op("add_span", page_id, {"start": 2, "end": 4, "label": "PER"}), reviewer)
            status = "flagged" if page_id == "2024-03-02_b" else "done"
            store.apply(Op("set_page_status", page_id, {"status": status}), reviewer)
        # Dates of the last edit, set by hand so the date filters have something to bite.
        for page_id, day in zip(TEXTS, ["01", "01", "02", "03"], strict=True):
            store.db.conn.execute(
                "UPDATE pages SET updated_at = ? WHERE id = ?",
                [f"2024-03-{day}T10:00:00+00:00", page_id],
            )
    return path


def _export(db: Path, *args: str) -> tuple[list[dict], str]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return [json.loads(x) for x in result.stdout.splitlines()], result.stderr


def _pages(records: list[dict]) -> list[str]:
    return sorted({r["page_id"] for r in records})


@pytest.mark.parametrize(
    ("args", "pages"),
    [
        ((), ["2024-03-01_a", "2024-03-01_b", "2024-03-02_a"]),
        (("--status", "all"), sorted(TEXTS)),
        (("--status", "flagged"), ["2024-03-02_b"]),
        (("--reviewer", "wu"), ["2024-03-01_b"]),
        (("--paper", "hyrb"), ["2024-03-01_a", "2024-03-02_a"]),
        (("--pages", "2024-03-02_*", "--status", "all"), ["2024-03-02_a", "2024-03-02_b"]),
        (("--since", "2024-03-02", "--status", "all"), ["2024-03-02_a", "2024-03-02_b"]),
        (
            ("--until", "2024-03-02", "--status", "all"),
            ["2024-03-01_a", "2024-03-01_b", "2024-03-02_a"],
        ),
        (("--since", "2024-03-02", "--until", "2024-03-02"), ["2024-03-02_a"]),
    ],
)
def test_filters_select_pages(tmp_path, args, pages):
    records, _ = _export(_db(tmp_path), *args)
    assert _pages(records) == pages


def test_label_filter_keeps_only_those_spans(tmp_path):
    records, _ = _export(_db(tmp_path), "--label", "PER")
    assert {s["label"] for r in records for s in r["spans"]} == {"PER"}
    assert len(records) == 3


def test_bad_filter_values_are_one_line_errors(tmp_path):
    db = _db(tmp_path)
    for args, message, code in [
        (("--since", "March"), "--since 'March' is not a date", 2),
        (("--split", "0.8,0.1"), "give three numbers", 2),
        (("--split", "0.8,0.3,0.1"), "add up to 1.2", 2),
        (("--status", "finished"), "unknown status 'finished'", 2),
        (("--split", "0.8,0.1,0.1"), "writes files: give --output", 1),
    ]:
        result = CliRunner().invoke(main, ["export", "--db", str(db), *args])
        assert result.exit_code == code, result.output
        assert message in result.output and "Traceback" not in result.output


def test_duplicates_are_checked_only_when_asked_and_the_export_says_so(tmp_path):
    db = _db(tmp_path)
    records, err = _export(db)
    assert len(records) == 3
    assert "Duplicate:" not in err and "duplicate article(s)" not in err
    assert (
        "Duplicate articles not checked (--duplicates lists them, --dedupe keeps one copy "
        "of each)." in err
    )
    records, err = _export(db, "--pages", "2024-03-01_*", "--duplicates")
    assert "No duplicate articles found." in err and "not checked" not in err


def test_duplicates_are_reported_and_dedupe_keeps_the_first(tmp_path):
    db = _db(tmp_path)
    records, err = _export(db, "--duplicates")
    assert len(records) == 3
    assert "Duplicate: 2024-03-02_a#1 repeats 2024-03-01_a#1" in err
    assert "1 duplicate article(s) kept (use --dedupe to keep one)." in err
    records, err = _export(db, "--dedupe")
    assert [r["id"] for r in records] == ["2024-03-01_a#1", "2024-03-01_b#1"]
    assert "1 duplicate article(s) dropped." in err


def test_normalised_text_ignores_spaces_punctuation_width_and_case():
    assert normalise("市委会议\n邓群策  主持会议!") == normalise("市委会议邓群策主持会议。")
    assert normalise("ＡＢＣ 1") == normalise("abc1")


def test_split_writes_three_files_by_page_and_the_seed_decides(tmp_path):
    db = _db(tmp_path)
    args = ["export", "--db", str(db), "--status", "all", "--split", "0.5,0.25,0.25"]
    out = {}
    for seed, folder in (("1", "a"), ("1", "b"), ("2", "c")):
        result = CliRunner().invoke(main, [*args, "--seed", seed, "-o", str(tmp_path / folder)])
        assert result.exit_code == 0, result.output
        out[folder] = {
            name: [json.loads(x)["page_id"] for x in (tmp_path / folder / f"{name}.jsonl").open()]
            for name in ("train", "dev", "test")
        }
        assert f"to {tmp_path / folder / 'train.jsonl'} (train)" in result.stderr
    assert out["a"] == out["b"]
    assert [len(v) for v in out["a"].values()] == [2, 1, 1]
    assert sorted(p for v in out["a"].values() for p in v) == sorted(TEXTS)
    assert sorted(p for v in out["c"].values() for p in v) == sorted(TEXTS)


def test_another_seed_gives_another_split():
    ids = [f"p{i}" for i in range(20)]
    tests = {tuple(split_pages(ids, (0.5, 0.25, 0.25), seed)["test"]) for seed in range(10)}
    assert len(tests) > 5


def test_split_of_a_folder_format_writes_a_folder_per_split(tmp_path):
    db = _db(tmp_path)
    args = ["export", "--db", str(db), "--format", "brat", "--split", "0.5,0.5,0"]
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert names == {"train", "dev", "test"}
    assert len(list((tmp_path / "out" / "test").glob("*.ann"))) == 0


@pytest.mark.parametrize(
    ("args", "name", "says"),
    [
        (("--format", "brat"), "x.txt", "the brat format writes a folder of files"),
        (("--format", "brat", "--split", "0.5,0.5,0"), "x.TXT", "a split writes a folder"),
        (("--split", "0.8,0.1,0.1"), "y.jsonl", "a split writes a folder"),
        (("--format", "bio", "--split", "0.8,0.1,0.1"), "y.bio", "a split writes a folder"),
    ],
)
def test_an_export_writing_a_folder_refuses_a_file_name(tmp_path, args, name, says):
    # They made a folder named x.txt / y.jsonl, which the next tool opens as a file.
    db = _db(tmp_path)
    target = tmp_path / "out" / name
    base = ["export", "--db", str(db), "--status", "all"]
    result = CliRunner().invoke(main, [*base, *args, "-o", str(target)])
    assert result.exit_code == 1
    folder = str(target.with_suffix(""))
    assert f"Error: {target}: is a file name, but {says}" in result.output
    assert f"give a folder name, such as {folder}" in result.output
    assert not (tmp_path / "out").exists()  # nothing written
    # An existing folder of that name is the reviewer's choice: written into.
    target.mkdir(parents=True)
    result = CliRunner().invoke(main, [*base, *args, "-o", str(target)])
    assert result.exit_code == 0, result.output


def test_a_file_format_refuses_a_folder(tmp_path):
    db = _db(tmp_path)
    (tmp_path / "d").mkdir()
    result = CliRunner().invoke(main, ["export", "--db", str(db), "-o", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'd'}: is a folder; give a file name" in result.output
    assert list((tmp_path / "d").iterdir()) == []


@given(
    ids=st.lists(st.text("abc0123_-", min_size=1, max_size=6), unique=True, max_size=60),
    seed=st.integers(0, 10**6),
    ratios=st.sampled_from([(0.8, 0.1, 0.1), (0.6, 0.2, 0.2), (1.0, 0.0, 0.0), (1 / 3,) * 3]),
)
def test_split_puts_every_page_in_exactly_one_split_with_the_ratios(ids, seed, ratios):
    parts = split_pages(ids, ratios, seed)
    assert sorted(p for v in parts.values() for p in v) == sorted(ids)
    for name, ratio in zip(parts, ratios, strict=True):
        assert abs(len(parts[name]) - ratio * len(ids)) < 1
    assert split_pages(ids, ratios, seed) == parts
    assert split_pages(list(reversed(ids)), ratios, seed) == {
        k: list(reversed(v)) for k, v in parts.items()
    }  # the order of import does not change which page goes where


def test_parse_ratios():
    assert parse_ratios("0.8,0.1,0.1") == (0.8, 0.1, 0.1)
    with pytest.raises(ValueError, match="-0.1"):
        parse_ratios("1.1,-0.1,0")


def test_a_page_format_reports_duplicates_but_keeps_whole_pages(tmp_path):
    records, err = _export(_db(tmp_path), "--format", "segmentation", "--dedupe")
    assert [r["page_id"] for r in records] == ["2024-03-01_a", "2024-03-01_b", "2024-03-02_a"]
    assert "1 duplicate article(s) kept (a page format keeps whole pages)." in err


def test_a_page_format_lists_duplicates_only_when_asked(tmp_path):
    db = _db(tmp_path)
    records, err = _export(db, "--format", "segmentation", "--duplicates")
    assert len(records) == 3
    assert "Duplicate: 2024-03-02_a#1 repeats 2024-03-01_a#1" in err
    assert "1 duplicate article(s) kept (a page format keeps whole pages)." in err
    records, err = _export(db, "--format", "segmentation")
    assert len(records) == 3 and "Duplicate:" not in err
    assert "Duplicate articles not checked" in err
