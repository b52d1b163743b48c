"""``annotator export --format bio|bioes --sentences`` chooses how the CoNLL sequences are
cut (issue 12: "a choice of sentence splitting"): per sentence, per line, or per article."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.edits import Op
from annotator.model import Block, Page
from annotator.store import Store

TEXT = "市委会议\n\n邓群策主持会议。张三发言。\n"


def _db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        blocks = [Block(0, 4, "headline", 1), Block(6, 19, "body", 1)]
        store.add_page(Page("p", TEXT, "p.txt"), blocks)
        store.apply(Op("add_span", "p", {"start": 6, "end": 9, "label": "PER"}), "lin")
        store.apply(Op("set_page_status", "p", {"status": "done"}), "lin")
    return path


def _sequences(db: Path, *args: str) -> list[str]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "bio", *args])
    assert result.exit_code == 0, result.output
    return ["".join(line[0] for line in seq.splitlines()) for seq in result.stdout.split("\n\n")]


@pytest.mark.parametrize(
    ("args", "sequences"),
    [
        ((), ["市委会议", "邓群策主持会议。", "张三发言。", ""]),
        (("--sentences", "sentence"), ["市委会议", "邓群策主持会议。", "张三发言。", ""]),
        (("--sentences", "line"), ["市委会议", "邓群策主持会议。张三发言。", ""]),
        (("--sentences", "none"), ["市委会议邓群策主持会议。张三发言。", ""]),
    ],
)
def test_sentences_option_chooses_how_sequences_are_cut(tmp_path, args, sequences):
    assert _sequences(_db(tmp_path), *args) == sequences


def test_tags_stay_with_their_characters_whatever_the_cut(tmp_path):
    db = _db(tmp_path)
    for cut in ("sentence", "line", "none"):
        result = CliRunner().invoke(
            main, ["export", "--db", str(db), "--format", "bioes", "--sentences", cut]
        )
        tagged = [line.split(" ") for line in result.stdout.splitlines() if line]
        assert [c for c, tag in tagged if tag != "O"] == ["邓", "群", "策"]
        assert [tag for _, tag in tagged if tag != "O"] == ["B-PER", "I-PER", "E-PER"]


def test_an_unknown_cut_is_a_one_line_usage_error(tmp_path):
    result = CliRunner().invoke(
        main, ["export", "--db", str(_db(tmp_path)), "--format", "bio", "--sentences", "para"]
    )
    assert result.exit_code == 2
    assert "Invalid value for '--sentences'" in result.output
    assert "Traceback" not in result.output
