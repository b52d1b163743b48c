"""Gold JSONL v1 records, writers and reader (annotator.formats.gold_jsonl)."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.formats.gold_jsonl import (
    RECORD_KEYS,
    ExportCancelled,
    ExportError,
    ExportWarning,
    GoldFormatError,
    article_records,
    export_records,
    read_jsonl,
    validate_record,
    write_json,
    write_jsonl,
)
from annotator.model import Block, Page, Span

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Two articles, the first interrupted by the second's headline (non-contiguous), page
# furniture, markdown, a paragraph cut by a column break, and 𠮷 (U+20BB7) before the spans.
PAGE_TEXT = (
    "衡阳日报 第1版\n\n"  # furniture
    "# 𠮷野家开业\n\n"  # article 1 headline
    "■本报记者 陈润  \n通讯员 周乐天\n\n"  # article 1 byline with a hard break
    "## 乙文标题\n\n"  # article 2 headline, between article 1's blocks
    "**本报讯** 𠮷田先生在衡阳市开了一家\n\n"  # article 1 body, cut by a column break
    "餐馆,邓群策到场祝贺。\n\n"  # continues the previous paragraph
    "乙文正文提到720万亩。\n"  # article 2 body
)


def part(text: str) -> tuple[int, int]:
    start = PAGE_TEXT.index(text)
    return start, start + len(text)


def block(text: str, role: str, article: int | None, joins: bool = False) -> Block:
    start, end = part(text)
    return Block(start, end, role=role, article=article, joins_previous=joins)


def span(text: str, label: str, status: str = "accepted", **attrs: object) -> Span:
    start, end = part(text)
    return Span(start, end, label, origin="human", status=status, attrs=dict(attrs))


PAGE = Page(
    id="000_demo",
    text=PAGE_TEXT,
    source="seeds/000_demo.txt",
    status="done",
    reviewer="lin",
    updated_at="2024-03-05T10:11:12+00:00",
)
BLOCKS = [
    block("衡阳日报 第1版", "other", None),
    block("# 𠮷野家开业", "headline", 1),
    block("■本报记者 陈润  \n通讯员 周乐天", "byline", 1),
    block("## 乙文标题", "headline", 2),
    block("**本报讯** 𠮷田先生在衡阳市开了一家", "body", 1),
    block("餐馆,邓群策到场祝贺。", "body", 1, joins=True),
    block("乙文正文提到720万亩。", "body", 2),
]


def test_records_follow_the_contract() -> None:
    warnings: list[ExportWarning] = []
    spans = [
        span("邓群策", "PER"),
        span("𠮷田", "PER"),
        span("衡阳市", "LOC"),
        span("陈润", "PER", status="suggested"),  # only accepted spans are gold
        span("周乐天", "PER", status="rejected"),
        span("720万亩", "FIGURE", value=7200000, unit="亩"),
    ]
    first, second = article_records(PAGE, BLOCKS, spans, warnings)
    assert warnings == []
    assert tuple(first) == RECORD_KEYS
    assert first["id"] == "000_demo#1" and second["id"] == "000_demo#2"
    assert (first["ordinal"], second["ordinal"]) == (1, 2)
    assert first["page_id"] == "000_demo" and first["source"] == "seeds/000_demo.txt"
    assert first["status"] == "done" and first["reviewer"] == "lin"
    assert first["updated_at"] == "2024-03-05T10:11:12+00:00"
    assert first["text"] == (
        "𠮷野家开业\n■本报记者 陈润\n通讯员 周乐天\n本报讯 𠮷田先生在衡阳市开了一家餐馆,邓群策到场祝贺。"
    )
    assert second["text"] == "乙文标题\n乙文正文提到720万亩。"
    for record in (first, second):
        validate_record(record)


def test_blocks_are_whole_paragraphs_with_page_ranges() -> None:
    (first, _) = article_records(PAGE, BLOCKS, [])
    text = first["text"]
    roles = [b["role"] for b in first["blocks"]]
    assert roles == ["headline", "byline", "body"]
    body = first["blocks"][2]
    assert (
        text[body["start"] : body["end"]] == "本报讯 𠮷田先生在衡阳市开了一家餐馆,邓群策到场祝贺。"
    )
    # The merged paragraph covers both parts on the page, markup included.
    assert (body["page_start"], body["page_end"]) == (
        part("**本报讯**")[0],
        part("餐馆,邓群策到场祝贺。")[1],
    )
    headline = first["blocks"][0]
    assert (headline["page_start"], headline["page_end"]) == part("# 𠮷野家开业")
    assert list(headline) == ["role", "start", "end", "page_start", "page_end"]


def test_an_intertitle_is_exported_with_its_role_and_passes_validation() -> None:
    blocks = [
        b if b.role != "headline" or b.article != 2 else replace(b, role="intertitle")
        for b in BLOCKS
    ]
    records = article_records(PAGE, blocks, [])
    second = records[1]
    assert [b["role"] for b in second["blocks"]] == ["intertitle", "body"]
    assert second["text"].startswith("乙文标题\n")
    validate_record(second)


def test_spans_are_exact_and_sorted_after_astral_characters() -> None:
    spans = [span("邓群策", "PER"), span("𠮷田", "PER"), span("衡阳市", "LOC")]
    (first, _) = article_records(PAGE, BLOCKS, spans)
    items = first["spans"]
    assert [s["text"] for s in items] == ["𠮷田", "衡阳市", "邓群策"]
    for s in items:
        assert first["text"][s["start"] : s["end"]] == s["text"]
        assert PAGE_TEXT[s["page_start"] : s["page_end"]] == s["text"]
        assert list(s) == [
            "start",
            "end",
            "label",
            "text",
            "page_start",
            "page_end",
            "origin",
            "attrs",
        ]
    # Code points: 𠮷 counts one, so 𠮷田 starts right after "本报讯 ".
    body_start = first["text"].index("本报讯")
    assert items[0]["start"] == body_start + 4


def test_same_range_spans_sort_by_label() -> None:
    start, end = part("衡阳市")
    spans = [Span(start, end, "ORG"), Span(start, end, "LOC"), Span(start, end - 1, "LOC")]
    (first, _) = article_records(PAGE, BLOCKS, spans)
    assert [(s["text"], s["label"]) for s in first["spans"]] == [
        ("衡阳", "LOC"),
        ("衡阳市", "LOC"),
        ("衡阳市", "ORG"),
    ]


def test_figure_attrs_are_exported() -> None:
    (_, second) = article_records(
        PAGE, BLOCKS, [span("720万亩", "FIGURE", value=7200000, unit="亩")]
    )
    (item,) = second["spans"]
    assert item["attrs"] == {"value": 7200000, "unit": "亩"}


def test_spans_that_cannot_be_mapped_are_reported() -> None:
    join = PAGE_TEXT.index("一家\n\n餐馆")
    spans = [
        span("**本报讯**", "ORG"),  # covers removed markup
        Span(join, join + 6, "LOC"),  # crosses the column break
        span("衡阳日报", "ORG"),  # page furniture
        span("周乐天\n\n## 乙文", "PER"),  # crosses two articles
        span("第1版\n\n# 𠮷野家", "ORG"),  # starts in furniture, ends in article 1
        span("陈润  \n通讯员", "PER"),  # hard-break spaces
        span("祝贺。\n\n乙文正文", "ORG"),  # article 1 into the blank line, then article 2
        span("一家\n", "ORG"),  # runs into the blank line after a block
        span("陈润", "PER", status="suggested"),  # not gold: not reported either
    ]
    warnings: list[ExportWarning] = []
    records = article_records(PAGE, BLOCKS, spans, warnings)
    assert all(r["spans"] == [] for r in records)
    reasons = [w.reason for w in warnings]
    assert reasons == [
        "covers markdown markup that the clean text removes",
        "crosses a paragraph break",
        "lies outside every article",
        "crosses articles 1 and 2",
        "crosses the edge of article 1",
        "covers markdown markup that the clean text removes",
        "crosses articles 1 and 2",
        "crosses the edge of article 1",
    ]
    assert warnings[0].page_id == "000_demo" and warnings[0].text == "**本报讯**"
    assert "000_demo" in str(warnings[0]) and "**本报讯**" in str(warnings[0])


def test_ordinals_follow_the_first_block_and_skip_furniture() -> None:
    blocks = [
        Block(0, 2, article=7),
        Block(3, 5, article=None),
        Block(6, 8, article=3),
        Block(9, 11, article=7),
    ]
    page = Page(id="p", text="甲一\n杂项\n乙一\n甲二", status="in_progress")
    records = article_records(page, list(reversed(blocks)), [])
    assert [r["text"] for r in records] == ["甲一\n甲二", "乙一"]
    assert [r["id"] for r in records] == ["p#1", "p#2"]


def test_page_without_articles_has_no_records() -> None:
    page = Page(id="p", text="广告")
    assert article_records(page, [Block(0, 2)], []) == []
    assert article_records(Page(id="e", text=""), [], []) == []


def test_overlapping_blocks_are_an_error() -> None:
    page = Page(id="p", text="一二三四")
    with pytest.raises(ValueError, match="overlap"):
        article_records(page, [Block(0, 3, article=1), Block(2, 4, article=2)], [])


def paragraph_blocks(page: str) -> list[Block]:
    return [Block(m.start(), m.end()) for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", page)]


def test_design_example_headline_on_the_sample_page() -> None:
    text = (SEEDS / "000_382c0e4239e1860e.txt").read_text(encoding="utf-8")
    blocks = paragraph_blocks(text)
    headline = Block(blocks[0].start, blocks[0].end, role="headline", article=1)
    page = Page(id="000", text=text, status="done", updated_at="2024-01-01T00:00:00")
    (record,) = article_records(
        page, [headline, *(Block(b.start, b.end, article=1) for b in blocks[1:8])], []
    )
    assert record["blocks"][0] == {
        "role": "headline",
        "start": 0,
        "end": 9,
        "page_start": 2,
        "page_end": 13,
    }


# ------------------------------------------------------------------ writers and reader


def sample_records() -> list[dict]:
    spans = [
        span("邓群策", "PER"),
        span("𠮷田", "PER"),
        span("720万亩", "FIGURE", value=7200000, unit="亩"),
        span("乙文", "ORG"),
    ]
    return article_records(PAGE, BLOCKS, spans)


def test_jsonl_round_trip_one_line_per_record(tmp_path: Path) -> None:
    records = sample_records()
    target = tmp_path / "gold.jsonl"
    assert write_jsonl(records, target) == 2
    raw = target.read_bytes()
    assert raw.count(b"\n") == 2 and raw.endswith(b"\n")
    assert "𠮷田".encode() in raw  # ensure_ascii=False: real characters, not \u escapes
    assert list(read_jsonl(target)) == records
    assert [p.name for p in tmp_path.iterdir()] == ["gold.jsonl"]


def test_json_array_holds_the_same_records(tmp_path: Path) -> None:
    records = sample_records()
    target = tmp_path / "gold.json"
    write_json(records, target)
    assert json.loads(target.read_text(encoding="utf-8")) == records
    empty = tmp_path / "empty.json"
    write_json([], empty)
    assert json.loads(empty.read_text(encoding="utf-8")) == []


def test_writers_accept_text_and_binary_streams() -> None:
    records = sample_records()
    text_stream = io.StringIO()
    write_jsonl(records, text_stream)
    binary_stream = io.BytesIO()
    write_jsonl(records, binary_stream)
    assert binary_stream.getvalue().decode("utf-8") == text_stream.getvalue()
    assert [json.loads(line) for line in text_stream.getvalue().splitlines()] == records
    array = io.BytesIO()
    write_json(iter(records), array)
    assert json.loads(array.getvalue()) == records


def test_non_utf8_text_stream_still_gets_utf8(tmp_path: Path) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    write_jsonl(sample_records(), stream)
    assert json.loads(raw.getvalue().splitlines()[0])["id"] == "000_demo#1"


def test_failed_serialisation_leaves_the_existing_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "gold.jsonl"
    target.write_text("old content\n", encoding="utf-8")
    records = sample_records()
    records[1]["spans"].append({"attrs": {1, 2}})  # a set is not JSON
    with pytest.raises(TypeError):
        write_jsonl(records, target)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["gold.jsonl"]


def test_nan_is_refused_not_written(tmp_path: Path) -> None:
    target = tmp_path / "gold.json"
    records = sample_records()
    records[0]["spans"][0]["attrs"] = {"value": float("nan")}
    with pytest.raises(ValueError):
        write_json(records, target)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_cancelling_leaves_no_half_file(tmp_path: Path) -> None:
    target = tmp_path / "gold.jsonl"
    target.write_text("old\n", encoding="utf-8")
    seen: list[int] = []

    def progress(done: int) -> bool:
        seen.append(done)
        return done < 2

    with pytest.raises(ExportCancelled) as cancelled:
        write_jsonl(sample_records() * 3, target, progress)
    assert cancelled.value.done == 2 and seen == [1, 2]
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["gold.jsonl"]
    fresh = tmp_path / "new.json"
    with pytest.raises(ExportCancelled):
        write_json(sample_records(), fresh, lambda done: False)
    assert not fresh.exists()


def test_progress_counts_every_record(tmp_path: Path) -> None:
    seen: list[int] = []
    write_json(sample_records() * 2, tmp_path / "g.json", lambda n: seen.append(n))
    assert seen == [1, 2, 3, 4]  # a callback returning None does not cancel


def test_os_errors_become_export_errors_naming_the_file(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "gold.jsonl"
    with pytest.raises(ExportError) as error:
        write_jsonl(sample_records(), target)
    assert str(target) in str(error.value)
    with pytest.raises(ExportError):
        write_json(sample_records(), tmp_path)  # a folder, not a file

    class Full(io.StringIO):
        name = "<full disk>"

        def write(self, s: str) -> int:
            raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="<full disk>: the disk is full; free some space"):
        write_jsonl(sample_records(), Full())


def test_replacing_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "gold.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_jsonl(sample_records(), target)
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r["spans"][0].update(text="错字"), "spans[0]: text["),
        (lambda r: r.update(id="other#1"), "id is not"),
        (lambda r: r.pop("reviewer"), "keys"),
        (lambda r: r["blocks"][0].update(end=r["blocks"][0]["end"] - 1), "blocks[0]"),
        (lambda r: r.update(updated_at="yesterday"), "ISO 8601"),
        (lambda r: r["spans"].reverse(), "not sorted"),
    ],
)
def test_reader_names_file_line_and_problem(tmp_path: Path, mutate, message: str) -> None:
    records = sample_records()
    assert len(records[1]["spans"]) >= 2
    mutate(records[1])
    target = tmp_path / "bad.jsonl"
    target.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    bad_line = 2
    with pytest.raises(GoldFormatError) as error:
        list(read_jsonl(target))
    assert str(error.value).startswith(f"{target}:{bad_line}: ")
    assert message in str(error.value)
    assert error.value.line == bad_line


def test_reader_rejects_broken_json_and_encoding(tmp_path: Path) -> None:
    target = tmp_path / "broken.jsonl"
    target.write_bytes(b'{"id": \n')
    with pytest.raises(GoldFormatError, match=r"broken\.jsonl:1: "):
        list(read_jsonl(target))
    target.write_bytes(b"\xff\xfe\n")
    with pytest.raises(GoldFormatError, match="not UTF-8"):
        list(read_jsonl(target))


def test_export_records_streams_pages_and_collects_warnings(tmp_path: Path) -> None:
    other = Page(id="p2", text="标题\n正文", status="done", updated_at="2024-01-01T00:00:00")
    pages = [
        (PAGE, BLOCKS, [span("邓群策", "PER"), span("衡阳日报", "ORG")]),
        (other, [Block(0, 2, article=1), Block(3, 5, article=1)], []),
    ]
    warnings: list[ExportWarning] = []
    stream = export_records(iter(pages), warnings)
    assert warnings == []  # lazy: nothing derived yet
    target = tmp_path / "all.jsonl"
    assert write_jsonl(stream, target) == 3
    assert [r["id"] for r in read_jsonl(target)] == ["000_demo#1", "000_demo#2", "p2#1"]
    assert [w.reason for w in warnings] == ["lies outside every article"]


def test_open_suggestions_are_counted_per_page_and_never_exported() -> None:
    spans = [
        span("邓群策", "PER"),
        span("周乐天", "PER", status="suggested"),
        span("720万亩", "FIGURE", status="suggested"),
        span("本报", "ORG", status="rejected"),
    ]
    counts: dict[str, int] = {}
    records = list(export_records([(PAGE, BLOCKS, spans)], [], counts))
    assert counts == {PAGE.id: 2}
    assert [s["text"] for r in records for s in r["spans"]] == ["邓群策"]
