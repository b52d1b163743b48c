"""The character-per-line BIO/BIOES reader and writer (annotator.formats.conll)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats.conll import (
    ConllError,
    conll_lines,
    parse_conll,
    parse_label_map,
    read_conll,
    write_conll,
)

MSRA_STYLE = "中 B-ORG\n共 M-ORG\n中 M-ORG\n央 E-ORG\n致 O\n邓 B-PER\n颖 E-PER\n。 O\n\n"


def test_reads_bioes_with_spaces_and_bio_with_tabs(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(MSRA_STYLE + "-DOCSTART- O\n\n京 S-NS\n", encoding="utf-8")
    b = tmp_path / "b.tsv"
    b.write_text("\ufeff李\tB-PERSON\n白\tI-PERSON\r\n在\tO\r\n\r\n长\tB-GPE\n安\tI-GPE\n", "utf-8")
    assert read_conll(a) == [
        ("中共中央致邓颖。", [(0, 4, "ORG"), (5, 7, "PER")]),
        ("京", [(0, 1, "LOC")]),
    ]
    assert read_conll(b) == [("李白在", [(0, 2, "PER")]), ("长安", [(0, 2, "LOC")])]


def test_iob1_and_weibo_names_and_time_map_to_project_labels() -> None:
    lines = [
        "张 I-PER.NAM",
        "三 I-PER.NAM",
        "记 B-PER.NOM",
        "者 I-PER.NOM",
        "今 B-TIME",
        "天 I-TIME",
    ]
    assert list(parse_conll(lines)) == [("张三记者今天", [(0, 2, "PER"), (4, 6, "DATE")])]


def test_labels_option_maps_and_drops() -> None:
    mapping = parse_label_map("misc=O, COMPANY=ORG")
    lines = ["甲 B-MISC", "乙 B-COMPANY", "丙 I-COMPANY"]
    assert list(parse_conll(lines, labels=mapping)) == [("甲乙丙", [(1, 3, "ORG")])]
    with pytest.raises(ValueError, match="NAME=LABEL"):
        parse_label_map("ORG")


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("中 O\n国\n", 2, "expected one character and its tag"),
        ("中 O\n中国 B-LOC\n", 2, "expected one character"),
        ("中 O\n\n国 X-LOC\n", 3, "tag 'X-LOC' is neither O nor"),
        ("中 O\n国 B-\n", 2, "tag 'B-' is neither"),
    ],
)
def test_malformed_line_is_refused_by_file_and_line(
    tmp_path: Path, content: str, line: int, reason: str
) -> None:
    path = tmp_path / "bad.bio"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConllError) as info:
        read_conll(path)
    assert str(info.value).startswith(f"{path}: line {line}: ")
    assert reason in str(info.value)


def test_unknown_label_is_refused_when_labels_are_known(tmp_path: Path) -> None:
    path = tmp_path / "x.bio"
    path.write_text("甲 O\n乙 B-MISC\n", encoding="utf-8")
    with pytest.raises(ConllError, match=r"line 2: label 'MISC' is not one of .*--labels MISC="):
        read_conll(path, known={"PER", "LOC"})
    assert read_conll(path) == [("甲乙", [(1, 2, "MISC")])]


def test_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "gbk.bio"
    path.write_bytes("中 O\n".encode("gbk"))
    with pytest.raises(ConllError, match="gbk.bio: not UTF-8"):
        read_conll(path)


def test_writer_bio_and_bioes_layout() -> None:
    text, spans = "张三在北京。\n李四", [(0, 2, "PER"), (3, 5, "LOC"), (7, 9, "PER")]
    assert list(conll_lines(text, spans, scheme="BIOES", split="none", sep="\t")) == [
        "张\tB-PER", "三\tE-PER", "在\tO", "北\tB-LOC", "京\tE-LOC", "。\tO",
        "李\tB-PER", "四\tE-PER", "",
    ]  # fmt: skip
    assert list(conll_lines("甲。乙", [(2, 3, "PER")], split="sentence")) == [
        "甲 O", "。 O", "", "乙 B-PER", "",
    ]  # fmt: skip


def test_sentence_split_never_cuts_an_entity() -> None:
    lines = list(conll_lines("他说：“好。”李", [(2, 7, "ORG")], split="sentence"))
    assert lines.count("") == 2
    assert "。 I-ORG" in lines and "” I-ORG" in lines


def test_whitespace_is_left_out_and_spans_follow(tmp_path: Path) -> None:
    path = tmp_path / "out.bio"
    write_conll([("王 小明 在\n 上海", [(0, 4, "PER"), (7, 10, "LOC")])], path, scheme="BIOES")
    assert read_conll(path) == [("王小明在", [(0, 3, "PER")]), ("上海", [(0, 2, "LOC")])]


CHARS = st.sampled_from(list("张王李明华北京上海的了。，！？”0A") + ["𠮷", "😀", "\U00020000"])


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text = "".join(draw(st.lists(CHARS, min_size=1, max_size=40)))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    spans = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a < b:
            spans.append((a, b, draw(st.sampled_from(["PER", "LOC", "ORG", "DATE"]))))
    return text, spans


@settings(max_examples=200, deadline=None)
@given(documents(), st.sampled_from(["BIO", "BIOES"]), st.sampled_from([" ", "\t"]))
def test_round_trip(doc: tuple[str, list], scheme: str, sep: str) -> None:
    text, spans = doc
    lines = list(conll_lines(text, spans, scheme=scheme, split="none", sep=sep))
    assert list(parse_conll(lines)) == [(text, sorted(spans))]


@settings(max_examples=100, deadline=None)
@given(documents(), st.sampled_from(["BIO", "BIOES"]))
def test_round_trip_by_sentence_keeps_every_entity(doc: tuple[str, list], scheme: str) -> None:
    text, spans = doc
    got = []
    at = 0
    for sentence, entities in parse_conll(
        conll_lines(text, spans, scheme=scheme, split="sentence")
    ):
        got += [(s + at, e + at, label) for s, e, label in entities]
        at += len(sentence)
    assert at == len(text)
    assert got == sorted(spans)
