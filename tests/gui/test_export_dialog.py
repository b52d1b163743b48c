"""File › Export: the command line's filters, split and dedupe in the window's dialog,
through the same ExportRequest, with the same report; the last choices are remembered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from annotator.edits import Op
from annotator.store import Store

from .pages import make_db
from .test_window_edits import CTRL, K, press

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db(tmp_path):
    """Four pages of the same text (so their articles are duplicates), spans accepted;
    p1-p3 done, p4 still new."""
    path = make_db(tmp_path / "pages.db", ["p1", "p2", "p3", "p4"])
    with Store.open(path) as store:
        for page_id in ("p1", "p2", "p3", "p4"):
            for span in store.spans(page_id):
                op = Op("set_span_status", page_id, {"id": span.id, "status": "accepted"})
                store.apply(op, "lin")
        for page_id in ("p1", "p2", "p3"):
            store.apply(Op("set_page_status", page_id, {"status": "done"}), "lin")
    return path


def open_dialog(window, qtbot):
    press(window, qtbot, K.Key_E, CTRL)
    qtbot.waitUntil(lambda: getattr(window, "_export_dialog", None) is not None)
    dialog = window._export_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def type_into(qtbot, edit, text: str) -> None:
    qtbot.mouseClick(edit, LEFT)
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def tick(qtbot, box) -> None:
    """Click a check box on its indicator (its centre may lie past its text)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(6, box.height() // 2))


def choose_format(qtbot, dialog, name: str) -> None:
    dialog.format.setFocus()
    while dialog.format.currentData() != name:  # arrow keys through the list
        qtbot.keyClick(dialog.format, K.Key_Down)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_split_dedupe_and_label_filter_from_the_dialog(windows, db, qtbot, tmp_path, messages):
    window = windows(db)
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "splits"
    type_into(qtbot, dialog.output, str(out))
    type_into(qtbot, dialog.labels, "PER")
    tick(qtbot, dialog.dedupe)
    tick(qtbot, dialog.split)
    type_into(qtbot, dialog.ratios, "0.4,0.3,0.3")
    type_into(qtbot, dialog.seed.lineEdit(), "7")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: len(messages) == 1)
    files = {name: out / f"{name}.jsonl" for name in ("train", "dev", "test")}
    records = {name: read_jsonl(path) for name, path in files.items()}
    pages = [{r["page_id"] for r in rs} for rs in records.values()]
    assert sum(len(p) for p in pages) == len(set().union(*pages))  # a page in one split only
    every = [r for rs in records.values() for r in rs]
    assert len(every) == 2  # 2 articles on each of the 3 done pages; 4 repeats dropped
    assert {s["label"] for r in every for s in r["spans"]} == {"PER"}
    text = messages[0]["text"]
    assert "4 duplicate articles found; 4 dropped, one copy of each kept." in text
    assert "Wrote a train/dev/test split into" in text and "train.jsonl" in text
    assert "p2" in messages[0]["details"] or "p3" in messages[0]["details"]
    # The same request as the command line: the same files.
    from click.testing import CliRunner

    from annotator.cli import main

    cli_out = tmp_path / "cli"
    args = ["export", "--db", str(db), "--label", "PER", "--dedupe", "--split", "0.4,0.3,0.3"]
    result = CliRunner().invoke(main, [*args, "--seed", "7", "--output", str(cli_out)])
    assert result.exit_code == 0, result.output
    for name, path in files.items():
        assert (cli_out / f"{name}.jsonl").read_bytes() == path.read_bytes()


def test_status_reviewer_and_pattern_filters_and_duplicates_reported(
    windows, db, qtbot, tmp_path, messages
):
    window = windows(db)
    dialog = open_dialog(window, qtbot)
    target = tmp_path / "gold.jsonl"
    type_into(qtbot, dialog.output, str(target))
    tick(qtbot, dialog.statuses["in_progress"])  # p4 moved to in_progress
    type_into(qtbot, dialog.pattern, "p[134]")
    type_into(qtbot, dialog.reviewers, "lin")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: len(messages) == 1)
    records = read_jsonl(target)
    assert sorted({r["page_id"] for r in records}) == ["p1", "p3", "p4"]
    assert len(records) == 6
    assert "4 duplicate articles found and kept" in messages[0]["text"]
    assert "Wrote 6 articles to" in messages[0]["text"]


def test_a_bad_choice_is_named_and_nothing_is_written(windows, db, qtbot, tmp_path, messages):
    window = windows(db)
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "nothing"
    type_into(qtbot, dialog.output, str(out))
    tick(qtbot, dialog.split)
    type_into(qtbot, dialog.ratios, "0.5,0.5,0.5")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.isVisible()
    assert "add up to 1.5" in dialog.error.text()
    type_into(qtbot, dialog.ratios, "0.8,0.1,0.1")
    type_into(qtbot, dialog.since, "March")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.isVisible() and "'March' is not a date" in dialog.error.text()
    assert not out.exists() and messages == []


def test_the_last_choices_are_remembered(windows, db, qtbot, tmp_path, messages):
    window = windows(db)
    dialog = open_dialog(window, qtbot)
    target = tmp_path / "gold.doccano.jsonl"
    choose_format(qtbot, dialog, "doccano")
    type_into(qtbot, dialog.output, str(target))
    type_into(qtbot, dialog.labels, "PER,LOC")
    tick(qtbot, dialog.dedupe)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: len(messages) == 1)
    lines = read_jsonl(target)
    assert len(lines) == 2 and {x[2] for line in lines for x in line["label"]} == {"PER", "LOC"}
    window._export_dialog = None
    again = open_dialog(window, qtbot)
    assert again is not dialog
    assert again.format.currentData() == "doccano"
    assert again.output.text() == str(target)
    assert again.labels.text() == "PER,LOC"
    assert again.dedupe.isChecked() and not again.split.isChecked()
    assert [s for s, box in again.statuses.items() if box.isChecked()] == ["done"]


def test_format_options_as_on_the_command_line(windows, db, qtbot, tmp_path, messages):
    from click.testing import CliRunner

    from annotator.cli import main

    window = windows(db)
    dialog = open_dialog(window, qtbot)
    target = tmp_path / "tasks.json"
    choose_format(qtbot, dialog, "labelstudio")
    assert not dialog.sentences.isEnabled() and dialog.as_predictions.isEnabled()
    type_into(qtbot, dialog.output, str(target))
    tick(qtbot, dialog.as_predictions)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: len(messages) == 1)
    tasks = json.loads(target.read_text(encoding="utf-8"))
    assert tasks and all("predictions" in t and "annotations" not in t for t in tasks)
    window._export_dialog = None
    dialog = open_dialog(window, qtbot)
    assert dialog.as_predictions.isChecked()  # remembered
    bio = tmp_path / "gold.bio"
    choose_format(qtbot, dialog, "bio")
    assert dialog.sentences.isEnabled() and not dialog.as_predictions.isEnabled()
    type_into(qtbot, dialog.output, str(bio))
    dialog.sentences.setFocus()
    while dialog.sentences.currentData() != "none":
        qtbot.keyClick(dialog.sentences, K.Key_Down)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: len(messages) == 2)
    cli = tmp_path / "cli.bio"
    args = ["export", "--db", str(db), "--format", "bio", "--sentences", "none"]
    assert CliRunner().invoke(main, [*args, "--output", str(cli)]).exit_code == 0
    assert bio.read_bytes() == cli.read_bytes()
    assert bio.read_text(encoding="utf-8").count("\n\n") == 6  # one sequence per article


def test_a_mistyped_label_is_refused_not_exported_without_spans(
    windows, db, qtbot, tmp_path, messages
):
    """'per' for PER kept no span at all: every article was written as gold without
    entities. The dialog names the label and the known ones, and writes nothing."""
    window = windows(db)
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "gold.jsonl"
    type_into(qtbot, dialog.output, str(out))
    type_into(qtbot, dialog.labels, "per")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.isVisible()
    assert "'per'" in dialog.error.text() and "PER" in dialog.error.text()
    assert not out.exists() and messages == []
    type_into(qtbot, dialog.labels, "PER")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=10000)
    assert {s["label"] for r in read_jsonl(out) for s in r["spans"]} == {"PER"}


def test_a_mistyped_label_on_the_command_line_is_refused(db, tmp_path):
    from click.testing import CliRunner

    from annotator.cli import main

    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(
        main, ["export", "--db", str(db), "--label", "per", "--output", str(out)]
    )
    assert result.exit_code == 1 and not out.exists()
    assert "unknown label 'per'" in result.output and "PER" in result.output


def test_a_reviewer_no_page_has_is_named_and_the_last_export_kept(
    windows, db, qtbot, tmp_path, messages
):
    # "Lin" for lin wrote an empty file over the last export, saying only "Wrote 0".
    target = tmp_path / "gold.jsonl"
    shown = export_refused(windows(db), qtbot, messages, target, "reviewers", "Lin")
    assert "'Lin'" in shown and "lin" in shown.replace("'Lin'", "")
    assert target.read_text(encoding="utf-8") == "last export\n"


def export_refused(window, qtbot, messages, target, field, value):
    """Export to ``target`` (holding a last export) with ``value`` typed into the dialog's
    ``field``; the message shown (the export is expected to be refused)."""
    target.write_text("last export\n", encoding="utf-8")
    dialog = open_dialog(window, qtbot)
    type_into(qtbot, dialog.output, str(target))
    type_into(qtbot, getattr(dialog, field), value)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=10000)
    return messages[0]["text"] + messages[0]["informative"] + messages[0]["details"]


def export_cli(db, out, *options):
    from click.testing import CliRunner

    from annotator.cli import main

    return CliRunner().invoke(main, ["export", "--db", str(db), "--output", str(out), *options])


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--pages", "zzz*"], ["--pages", "'zzz*'", "from p1 to p4"]),
        # the statuses in the reviewer's words ("in_progress" is the option's name for one)
        (["--status", "flagged"], ["--status", "no page is flagged", "3 done", "1 in progress"]),
        (["--pages", "p4"], ["no page matches these filters together", "--status 3", "--pages 1"]),
        (["--until", "2000-01-01"], ["--since/--until", "no page was last edited in that time"]),
        (
            ["--status", "flagged", "--pages", "zzz*"],
            ["--status --pages", "no page is flagged", "no page id matches 'zzz*'"],
        ),
    ],
)
def test_filters_that_select_no_page_are_refused_and_the_last_export_kept(
    db, tmp_path, options, said
):
    # They printed "Wrote 0" and wrote an empty file over the last export.
    out = tmp_path / "gold.jsonl"
    out.write_text("last export\n", encoding="utf-8")
    result = export_cli(db, out, *options)
    assert result.exit_code == 1, result.output
    assert "Wrote" not in result.output
    for text in said:
        assert text in result.output
    assert out.read_text(encoding="utf-8") == "last export\n"


def test_a_split_of_no_page_writes_no_folder(db, tmp_path):
    out = tmp_path / "splits"
    result = export_cli(db, out, "--pages", "zzz*", "--split", "0.8,0.1,0.1")
    assert result.exit_code == 1 and "'zzz*'" in result.output
    assert not out.exists()


def test_a_page_pattern_matching_no_page_is_refused_in_the_window(
    windows, db, qtbot, tmp_path, messages
):
    target = tmp_path / "gold.jsonl"
    shown = export_refused(windows(db), qtbot, messages, target, "pattern", "zzz*")
    assert "'zzz*'" in shown and "p1" in shown and "p4" in shown
    assert "Wrote" not in shown
    assert messages[0]["informative"].startswith("Page ids matching: no page id matches")
    assert target.read_text(encoding="utf-8") == "last export\n"


def test_filters_that_match_apart_but_not_together_are_named_by_the_dialog_s_fields(
    windows, db, qtbot, tmp_path, messages
):
    # p4 is the one page not done: the status (done) and the page ids (p4) each match
    # pages, but none together. The counts named the command line's "--status 3, --pages 1".
    target = tmp_path / "gold.jsonl"
    shown = export_refused(windows(db), qtbot, messages, target, "pattern", "p4")
    assert "no page matches these filters together" in shown
    assert "--" not in shown
    assert "Pages with status 3" in shown and "Page ids matching 1" in shown
    assert messages[0]["informative"].startswith("Pages with status / Page ids matching: ")
    assert target.read_text(encoding="utf-8") == "last export\n"
