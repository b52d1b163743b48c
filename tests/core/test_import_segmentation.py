"""``annotator import --format segmentation`` (issue 12): the segmentation export read back.

Round trip: export, import into a fresh database, export again: the same bytes, on the sample
pages and on generated pages with characters outside the BMP (𠮷, emoji). A bad line refuses
its whole file by file and line, with nothing of that file stored.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.edits import EditError, Op
from annotator.exporting import ExportRequest, export
from annotator.formats.segmentation import SegmentationRefused, read
from annotator.model import ROLES, Block, Page, Span
from annotator.pipeline import import_segmentation
from annotator.resources import seeds_dir
from annotator.split import split_page
from annotator.store import Store

_CORPUS = Path(__file__).resolve().parents[2] / "bench" / "structure_corpus.py"
_spec = importlib.util.spec_from_file_location("structure_corpus", _CORPUS)
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

ALL = ExportRequest(fmt="segmentation", statuses=None)


def _export(store: Store, path: Path) -> bytes:
    export(store, ALL, path)
    return path.read_bytes()


def _round_trip(store: Store, folder: Path) -> tuple[bytes, bytes]:
    first = _export(store, folder / "first.jsonl")
    with Store.open(folder / "fresh.db") as fresh:
        report = import_segmentation(fresh, [folder / "first.jsonl"])
        assert report.refused == []
        second = _export(fresh, folder / "second.jsonl")
    return first, second


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# ------------------------------------------------------------------ round trips


def test_the_sample_and_composed_pages_round_trip_byte_identical(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        pages = []
        for n, seed in enumerate(sorted(seeds_dir().glob("*.txt"))):
            text = seed.read_text(encoding="utf-8")
            status = ("done", "in_progress")[n % 2]
            page = Page(seed.stem, text, str(seed), f"sha{n}", status, "lin", paper="衡阳日报")
            pages.append((page, split_page(text), []))
        # The composed papers' gold: joins across furniture, intertitles, captions.
        for paper in corpus.PAPERS:
            for page_id, text, blocks in corpus.pages(paper, 3, seed=11):
                pages.append((Page(page_id, text, sha256=page_id, status="done"), blocks, []))
        store.add_gold_pages(pages)
        first, second = _round_trip(store, tmp_path)
    assert first == second
    records = [json.loads(x) for x in first.splitlines()]
    assert len(records) == 2 + 3 * len(corpus.PAPERS) and sum(len(r["joins"]) for r in records)


# Paragraph text: CJK, ASCII, and characters outside the Basic Multilingual Plane.
CHARS = st.sampled_from(list("张王李明华北京上海的了。，！？”0A ") + ["𠮷", "😀", "\U00020000"])
PARAGRAPH = st.text(CHARS, min_size=1, max_size=12).map(lambda t: "x" + t.strip() + "。")


@st.composite
def pages(draw: st.DrawFn) -> tuple[Page, list[Block]]:
    """A page of paragraphs (blank lines or single breaks between them) with roles,
    articles (numbered in order of first block, furniture between) and joins."""
    paragraphs = draw(st.lists(PARAGRAPH, min_size=1, max_size=8))
    text, blocks, articles = draw(st.sampled_from(["", "\n", "  \n\n"])), [], 0
    for i, para in enumerate(paragraphs):
        if i:
            text += draw(st.sampled_from(["\n", "\n\n", "\n\u3000\n"]))
        start = len(text)
        text += para
        kind = draw(st.sampled_from(["new", "same", "furniture"]))
        if kind == "new" or (kind == "same" and not articles):
            articles += 1
            article, joins = articles, False
        elif kind == "same":
            article = draw(st.integers(1, articles))
            joins = draw(st.booleans())
        else:
            article, joins = None, False
        role = draw(st.sampled_from(ROLES)) if article else "other"
        blocks.append(Block(start, len(text), role, article, joins))
    text += draw(st.sampled_from(["", "\n"]))
    status = draw(st.sampled_from(["done", "new", "flagged"]))
    reviewer = draw(st.sampled_from([None, "lin", "王"]))
    return Page("p-😀-1", text, "a/𠮷.txt", "sha", status, reviewer, paper="报"), blocks


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_generated_pages_round_trip_byte_identical(page_and_blocks):
    page, blocks = page_and_blocks
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "a.db") as store:
        store.add_gold_pages([(page, blocks, [])])
        first, second = _round_trip(store, Path(folder))
    assert first == second
    assert json.loads(first)["text"] == page.text


# ------------------------------------------------------------------ bad input


def _line(**changes) -> dict:
    text = "标题𠮷\n\n正文😀一段。\n\n接着。\n报头"
    rec = {
        "page_id": "p1", "paper": "报", "source": "p1.txt", "status": "done", "reviewer": "lin",
        "updated_at": "2026-01-02T03:04:05+00:00", "text": text,
        "blocks": [
            {"start": 0, "end": 3, "role": "headline", "article": 1, "joins_previous": False},
            {"start": 5, "end": 11, "role": "body", "article": 1, "joins_previous": False},
            {"start": 13, "end": 16, "role": "body", "article": 1, "joins_previous": True},
            {"start": 17, "end": 19, "role": "other", "article": None, "joins_previous": False},
        ],
        "joins": [[1, 2]],
    }  # fmt: skip
    rec.update(changes)
    return rec


def _block(i: int, **changes) -> list[dict]:
    blocks = [dict(b) for b in _line()["blocks"]]
    blocks[i].update(changes)
    return blocks


def _write(path: Path, *lines: dict | str) -> Path:
    text = "".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n"
                   for x in lines)  # fmt: skip
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_line_reads_as_its_page_and_blocks(tmp_path):
    (got,) = read(_write(tmp_path / "s.jsonl", _line()))
    assert got.page.id == "p1" and got.page.text[5:11] == "正文😀一段。" and got.line == 1
    assert got.blocks[2] == Block(13, 16, "body", 1, True)


BAD = [
    ("{not json", "not JSON"),
    ("[1, 2]", "not a JSON object"),
    (_line(text=None), "'text' must be text"),
    ({k: v for k, v in _line().items() if k != "page_id"}, "'page_id' is missing"),
    (_line(status="finished"), "unknown status 'finished'"),
    (_line(blocks=[]), "no blocks"),
    (_line(blocks=_block(3, end=21)), "block 3 [17, 21) is outside the text (0..19 code points)"),
    (_line(blocks=_block(0, start=-1)), "block 0 [-1, 3) is outside the text"),
    (_line(blocks=_block(1, start=2)), "block 1 [2, 11) overlaps the block before it"),
    (_line(blocks=_block(1, start=6)), "text before block 1 [6, 11) (offset 5, '正')"),
    (_line(blocks=_block(3, end=18)), "text after the last block (offset 18, '头')"),
    (_line(blocks=_block(0, role="title")), "block 0 [0, 3) has the unknown role 'title'"),
    (_line(blocks=_block(1, article=3)), "the next new one is 2"),
    (_line(blocks=_block(0, joins_previous=True)), "that article's first block"),
    (_line(blocks=_block(3, joins_previous=True)), "is in no article"),
    (_line(blocks=_block(1, start="5")), "block 1: 'start' must be a whole number"),
    (_line(joins=[[3, 4]]), "continues block 3, the page's last block"),
    (
        _line(joins=[[0, 2]]),
        "'joins' [[0, 2]] disagrees with the blocks' 'joins_previous', which give [[1, 2]]",
    ),
    (_line(joins=[[1, 9]]), "join [1, 9] is not a pair of block numbers 0..3"),
    (_line(articles=[]), "'articles' disagrees with the blocks' 'article', which give [{"),
    (
        _line(
            articles=[
                {
                    "ordinal": 1,
                    "blocks": [0, 1, 2],
                    "page_start": 0,
                    "page_end": 16,
                    "text": "另一个",
                }
            ]
        ),
        "the text of article 1 is not what its blocks give",
    ),
]


@pytest.mark.parametrize(("bad", "message"), BAD)
def test_a_bad_line_is_refused_with_file_line_and_what_to_do(tmp_path, bad, message):
    path = _write(tmp_path / "s.jsonl", _line(page_id="p0"), "", bad)
    with pytest.raises(SegmentationRefused) as caught:
        read(path)
    text = str(caught.value)
    assert text.startswith(f"{path}:3: ") and message in text, text
    assert text.endswith("fix that line (or export the page again) and import the file again")


def test_a_page_id_twice_in_a_file_is_refused(tmp_path):
    path = _write(tmp_path / "s.jsonl", _line(), _line())
    with pytest.raises(SegmentationRefused, match=r"s.jsonl:2: page 'p1' is on line 1 already"):
        read(path)


def test_a_refused_file_stores_nothing_of_it_and_the_next_file_is_imported(tmp_path):
    bad = _write(tmp_path / "bad.jsonl", _line(page_id="a"), _line(blocks=_block(0, role="x")))
    good = _write(tmp_path / "good.jsonl", _line(page_id="b"))
    with Store.open(tmp_path / "a.db") as store:
        report = import_segmentation(store, [bad, good])
        assert store.page_ids() == ["b"]
    assert report.imported == [(str(good), "b")]
    assert [(p, r.split(": ")[0]) for p, r in report.refused] == [(str(bad), f"{bad}:2")]


# ------------------------------------------------------------------ pages already there


def test_an_existing_page_with_the_same_text_gets_the_structure_as_one_undoable_edit(tmp_path):
    rec = _line()
    with Store.open(tmp_path / "a.db") as store:
        page = Page("p1", rec["text"], "p1.txt", "sha", "new", paper="报")
        store.add_gold_pages([(page, [Block(0, 19, "body", 1)], [Span(5, 7, "PER")])])
        before = store.page_state("p1")
        path = _write(tmp_path / "s.jsonl", rec)
        report = import_segmentation(store, [path])
        assert report.replaced == [(str(path), "p1")] and report.imported == []
        assert [b.start for b in store.blocks("p1")] == [0, 5, 13, 17]
        assert [(s.start, s.end, s.label) for s in store.spans("p1")] == [(5, 7, "PER")]
        assert store.page("p1").status == "done" and store.page("p1").reviewer == "lin"
        exported = json.loads(_export(store, tmp_path / "e.jsonl"))
        assert exported.pop("articles")[0]["blocks"] == [0, 1, 2] and exported == rec
        # the same file again changes nothing
        assert import_segmentation(store, [path]).skipped == [(str(path), "p1")]
        edit = store.history("p1")[0][-1]
        store.apply(edit.inverse, "lin", action="undo", target=edit.edit_id)
        assert store.blocks("p1") == list(before.blocks) and store.page("p1").status == "new"


def test_a_line_marking_done_a_page_with_open_suggestions_names_line_and_way_out(tmp_path):
    # It said "page 'p1' still has 1 open suggestion(s): accept or reject them before
    # marking it done", naming no line, to a lead who marked nothing done.
    rec = _line()
    with Store.open(tmp_path / "a.db") as store:
        page = Page("p1", rec["text"], "p1.txt", "sha", "new", paper="报")
        store.add_gold_pages(
            [(page, [Block(0, 19, "body", 1)], [Span(5, 7, "PER", "rule", "suggested")])]
        )
        path = _write(tmp_path / "s.jsonl", _line(page_id="other"), rec)
        (refused,) = import_segmentation(store, [path]).refused
        assert store.page_ids() == ["p1"] and store.page("p1").status == "new"
    assert f"{path}:2: this line marks page 'p1' done, but it has 1 open suggestion" in refused[1]
    assert "accept or reject them in the window" in refused[1]


def test_a_line_marking_done_imports_when_its_structure_rejects_every_open_suggestion(tmp_path):
    # The open suggestion lies on 报头, furniture in the new structure: the edit rejects it
    # itself (it could never be accepted there), so nothing is left for the reviewer to
    # decide and the line may mark the page done. It was refused, naming the suggestion.
    rec = _line()
    with Store.open(tmp_path / "a.db") as store:
        page = Page("p1", rec["text"], "p1.txt", "sha", "new", paper="报")
        store.add_gold_pages(
            [(page, [Block(0, 19, "body", 1)], [Span(17, 19, "LOC", "rule", "suggested")])]
        )
        path = _write(tmp_path / "s.jsonl", rec)
        result = import_segmentation(store, [path])
        assert result.refused == []
        assert store.page("p1").status == "done"
        assert [(s.start, s.status) for s in store.spans("p1")] == [(17, "rejected")]
        edit = store.history("p1")[0][-1]
        store.apply(edit.inverse, "lin", action="undo", target=edit.edit_id)
        assert [(s.start, s.status) for s in store.spans("p1")] == [(17, "suggested")]
        assert store.page("p1").status == "new"


def test_an_existing_page_with_another_text_refuses_the_file(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        store.add_gold_pages([(Page("p1", "别的文本", sha256="s"), [Block(0, 4, "body", 1)], [])])
        path = _write(tmp_path / "s.jsonl", _line(page_id="new"), _line())
        (refused,) = import_segmentation(store, [path]).refused
        assert store.page_ids() == ["p1"]  # not even the new page of line 1
    assert f"{path}:2: page 'p1' is in the database with another text" in refused[1]


def test_an_edit_that_fails_stores_nothing_of_the_file(tmp_path):
    # add_and_apply_gold is one transaction: the refused edit takes the new page with it.
    with Store.open(tmp_path / "a.db") as store:
        store.add_gold_pages([(Page("old", "旧文本", sha256="s"), [Block(0, 3, "body", 1)], [])])
        bad = Op("replace_page_gold", "old", {"blocks": [], "spans": [], "status": "finished"})
        new = (Page("new", "新文本", sha256="t"), [Block(0, 3, "body", 1)], [])
        with pytest.raises(EditError, match="unknown page status"):
            store.add_and_apply_gold([new], [(bad, "lin", "")])
        assert store.page_ids() == ["old"] and store.page("old").status == "new"


# ------------------------------------------------------------------ the command line


def test_cli_imports_a_segmentation_export_and_exports_the_same_bytes(tmp_path):
    first, again = tmp_path / "first.jsonl", tmp_path / "again.jsonl"
    assert (
        _run("import", "--db", str(tmp_path / "a.db"), "--no-suggest", str(seeds_dir())).exit_code
        == 0
    )
    assert _run("export", "--db", str(tmp_path / "a.db"), "--format", "segmentation",
                "--status", "all", "-o", str(first)).exit_code == 0  # fmt: skip
    result = _run("import", "--db", str(tmp_path / "b.db"), "--format", "segmentation", str(first))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Imported 2 page(s), replaced the structure of 0, skipped 0")
    assert _run("export", "--db", str(tmp_path / "b.db"), "--format", "segmentation",
                "--status", "all", "-o", str(again)).exit_code == 0  # fmt: skip
    assert again.read_bytes() == first.read_bytes()


def test_cli_refuses_a_bad_file_naming_file_and_line(tmp_path):
    bad = _write(tmp_path / "bad.jsonl", _line(blocks=_block(3, end=99)))
    result = _run("import", "--db", str(tmp_path / "a.db"), "--format", "segmentation", str(bad))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"refused {bad}:1: block 3 [17, 99) is outside the text" in result.stderr
    assert "refused 1 file(s)" in result.stdout
    with Store.open(tmp_path / "a.db") as store:
        assert store.page_ids() == []


def test_cli_refuses_status_for_segmentation(tmp_path):
    path = _write(tmp_path / "s.jsonl", _line())
    result = _run("import", "--db", str(tmp_path / "a.db"), "--format", "segmentation",
                  "--status", "done", str(path))  # fmt: skip
    assert result.exit_code == 2 and "--status" in result.output


def test_an_existing_new_page_stays_new_when_the_line_says_new(tmp_path):
    # A first edit normally moves a new page to in progress; the line's status wins here.
    rec = _line(status="new", reviewer=None)
    with Store.open(tmp_path / "a.db") as store:
        page = Page("p1", rec["text"], "p1.txt", "sha", "new", paper="报")
        store.add_gold_pages([(page, [Block(0, 19, "body", 1)], [])])
        assert import_segmentation(store, [_write(tmp_path / "s.jsonl", rec)]).replaced
        exported = json.loads(_export(store, tmp_path / "e.jsonl"))
    exported.pop("articles")
    assert exported == rec
