"""Guards that an edit or a cache must keep, each pinned by a test that fails without it.

Each test here was written against a mutation that the rest of the suite let pass (issue 11:
"mutations that every test survives").
"""

from __future__ import annotations

from dataclasses import replace

from annotator.edits import Op
from annotator.model import Block, Page, Span
from annotator.store import Store

TEXT = "标题一\n\n正文第一段,没有结束\n\n接着第一段。"


def _store(tmp_path) -> Store:
    store = Store.open(tmp_path / "g.db")
    blocks = [
        Block(0, 3, "headline", 1),
        Block(5, 15, "body", 1),
        Block(17, 23, "body", 1, joins_previous=True),
    ]
    store.add_page(Page("p1", TEXT, "p1.txt", "x" * 64), blocks)
    return store


def test_starting_an_article_at_a_joined_block_clears_its_join(tmp_path):
    # A paragraph cannot continue a paragraph of another article.
    with _store(tmp_path) as store:
        store.apply(Op("start_article", "p1", {"block": 17}))
        third = store.blocks("p1")[2]
        assert (third.article, third.joins_previous) == (2, False)


def test_replace_suggestions_is_seen_by_the_next_page_state(tmp_path):
    # The store caches page states; re-suggesting writes behind the cache and must drop it,
    # or the window would show (and edits would plan on) the old suggestions.
    with _store(tmp_path) as store:
        assert store.page_state("p1").spans == {}
        store.replace_suggestions("p1", [Span(0, 3, "ORG", "rule", "suggested")])
        spans = list(store.page_state("p1").spans.values())
        assert [(s.start, s.end, s.label, s.status) for s in spans] == [(0, 3, "ORG", "suggested")]


def test_a_name_found_in_the_byline_is_taken_whole_elsewhere_on_the_page():
    # Without the known-name branch, 李明华东考察 would give the three-character 李明华.
    from annotator.suggest import suggest_spans

    text = "■本报记者 李明\n\n本报讯 局长李明华东考察。"
    names = [text[s.start : s.end] for s in suggest_spans(text) if s.label == "PER"]
    assert names == ["李明", "李明"]


def test_spans_left_out_names_only_labels_a_boundary_edit_newly_puts_across_a_break():
    from annotator.edits import PageState, plan, spans_left_out

    text = "标题\n\n市委书记邓群\n策主持会议。𠮷"
    blocks = [Block(0, 2, "headline", 1), Block(4, 10, "body", 1), Block(11, 18, "body", 1, True)]
    across = Span(8, 12, "PER", "human", "accepted", id=1)
    broken = Span(1, 6, "ORG", "human", "accepted", id=2)  # across a break already
    inside = Span(17, 18, "PER", "human", "accepted", id=3)  # an astral name, one block
    open_one = Span(9, 12, "PER", "rule", "suggested", id=4)  # not gold yet
    state = PageState(
        Page("p1", text), tuple(blocks), {s.id: s for s in (across, broken, inside, open_one)}
    )
    labels = frozenset({"PER", "ORG"})
    assert spans_left_out(plan(state, Op("unjoin", "p1", {"block": 11}), labels)) == [
        (across, "paragraphs")
    ]
    kicker = Op("set_role", "p1", {"block": 0, "role": "kicker"})
    assert spans_left_out(plan(state, kicker, labels)) == []  # the blocks under it unchanged
    joined = replace(state, blocks=(*blocks[:2], replace(blocks[2], joins_previous=False)))
    join = Op("join", "p1", {"block": 11})
    assert spans_left_out(plan(joined, join, labels)) == []  # a join only ever mends


def test_spans_left_out_names_a_suggestion_accepted_across_a_break_but_not_an_old_one():
    from annotator.edits import PageState, plan, spans_left_out

    text = "标题\n\n市委书记邓群策主持会议。"
    blocks = (Block(0, 2, "headline", 1), Block(4, 9, "body", 1), Block(9, 16, "body", 1))
    cut = Span(8, 11, "PER", "rule", "suggested", id=1)  # a split went through it
    old = Span(7, 10, "PER", "human", "accepted", id=2)  # left out already (an old database)
    state = PageState(Page("p1", text), blocks, {1: cut, 2: old})
    labels = frozenset({"PER", "ORG"})
    accept = Op("set_span_status", "p1", {"id": 1, "status": "accepted"})
    assert spans_left_out(plan(state, accept, labels)) == [
        (replace(cut, status="accepted"), "paragraphs")
    ]
    relabel = Op("relabel_span", "p1", {"id": 2, "label": "ORG"})
    assert spans_left_out(plan(state, relabel, labels)) == []


def test_the_command_line_refuses_a_new_structure_that_would_drop_a_label_from_export(tmp_path):
    # The window refused an unjoin under a label made across a joined line break; the same
    # boundary change from the command line (a segmentation file) was stored, and every
    # export then dropped the reviewer's label. The store refuses it for every caller.
    import json

    from click.testing import CliRunner

    from annotator.cli import main
    from annotator.formats.segmentation import record
    from annotator.model import Page
    from annotator.store import Store

    text = "标题\n\n市委书记邓群\n策主持会议。"
    joined = [Block(0, 2, "headline", 1), Block(4, 10, "body", 1), Block(11, 17, "body", 1, True)]
    unjoined = [*joined[:2], Block(11, 17, "body", 1)]
    db, path = tmp_path / "a.db", tmp_path / "s.jsonl"
    page = Page("p1", text, "p1.txt", "sha", "in_progress", "lin")
    with Store.open(db) as store:
        store.add_gold_pages([(page, joined, [Span(8, 12, "PER", "human", "accepted")])])
    path.write_text(json.dumps(record(page, unjoined), ensure_ascii=False) + "\n", "utf-8")
    args = ["import", "--db", str(db), "--format", "segmentation", str(path)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "the label 「邓群\n策」 (PER) would be left out of every export" in result.stderr
    assert "it would cross a paragraph break" in result.stderr
    with Store.open(db) as store:
        assert store.blocks("p1") == joined and store.history("p1") == ([], [])


def test_an_undo_may_not_leave_out_a_label_another_reviewer_made_since(tmp_path):
    # ana joins a line to the paragraph before; lin then labels a name across that line
    # break (exportable: the lines are one paragraph). ana's undo of her join touches
    # another key (a block, not lin's span), so it was not refused, and it left lin's label
    # across a paragraph break: every export dropped it. Undo is not checked because it
    # goes back to a state the page was in; with another's edit since, it does not.
    import pytest

    from annotator.store import UndoRefused

    text = "标题\n\n市委书记邓群\n策主持会议。"
    blocks = [Block(0, 2, "headline", 1), Block(4, 10, "body", 1), Block(11, 17, "body", 1)]
    with Store.open(tmp_path / "u.db") as store:
        store.add_page(Page("p1", text, "p1.txt", "x" * 64, "in_progress"), blocks)
        join = store.apply(Op("join", "p1", {"block": 11}), "ana")
        add = {"start": 8, "end": 12, "label": "PER", "status": "accepted"}
        store.apply(Op("add_span", "p1", add), "lin")
        refusal = store.replay_refusal("p1", join.edit_id, "undo", "ana")
        assert refusal is not None and (refusal.reason, refusal.who) == ("span", "lin")
        with pytest.raises(UndoRefused) as caught:
            store.apply(join.inverse, "ana", action="undo", target=join.edit_id)
        assert (caught.value.reason, caught.value.who) == ("span", "lin")
        assert store.blocks("p1")[2].joins_previous
        # Once lin's label is gone, the undo goes through.
        (span,) = store.spans("p1")
        store.apply(Op("remove_span", "p1", {"id": span.id}), "lin")
        assert store.replay_refusal("p1", join.edit_id, "undo", "ana") is None
        store.apply(join.inverse, "ana", action="undo", target=join.edit_id)
        assert not store.blocks("p1")[2].joins_previous


def test_a_redo_may_not_put_a_label_across_a_break_another_reviewer_made_since(tmp_path):
    # ana labels a name across a joined line break and undoes it; lin then unjoins that
    # line. ana's redo touches only her span, lin's edit only a block: the redo was not
    # refused, and it put her label back across what is now a paragraph break.
    import pytest

    from annotator.store import UndoRefused

    text = "标题\n\n市委书记邓群\n策主持会议。"
    blocks = [Block(0, 2, "headline", 1), Block(4, 10, "body", 1), Block(11, 17, "body", 1, True)]
    with Store.open(tmp_path / "r.db") as store:
        store.add_page(Page("p1", text, "p1.txt", "x" * 64, "in_progress"), blocks)
        add = {"start": 8, "end": 12, "label": "PER", "status": "accepted"}
        added = store.apply(Op("add_span", "p1", add), "ana")
        store.apply(added.inverse, "ana", action="undo", target=added.edit_id)
        store.apply(Op("unjoin", "p1", {"block": 11}), "lin")
        refusal = store.replay_refusal("p1", added.edit_id, "redo", "ana")
        assert refusal is not None and (refusal.reason, refusal.who) == ("blocks", "lin")
        with pytest.raises(UndoRefused):
            store.apply(added.op, "ana", action="redo", target=added.edit_id)
        assert store.spans("p1") == []


def test_gold_placed_verbatim_keeps_its_good_labels_when_one_would_be_left_out(tmp_path):
    # A document found only as a verbatim slice of the page (its text is no article's
    # clean text) had its spans placed unchecked. Since the store refuses an edit that
    # leaves a label out of every export, one such span (across a paragraph break) made the
    # whole page's batch refused: "nothing applied", the good labels lost with it. It is
    # reported as not placeable, as a span crossing a break in an article is.
    from annotator.formats.base import Imported
    from annotator.placement import import_documents

    text = "标题\n\n张三在北京\n\n李四在上海"
    blocks = [Block(0, 2, "headline", 1), Block(4, 9, "body", 1), Block(11, 16, "body", 1)]
    doc = Imported("张三在北京\n\n李四在上海", [(0, 2, "PER"), (3, 9, "LOC")], "d.jsonl:1", "p1")
    with Store.open(tmp_path / "v.db") as store:
        store.add_page(Page("p1", text, "p1.txt", "x" * 64, "in_progress"), blocks)
        report = import_documents(store, [doc], "rt")
        got = [(s.start, s.end, s.label, s.status) for s in store.spans("p1")]
    assert got == [(4, 6, "PER", "accepted")]
    assert any("LOC [3, 9)" in p and "paragraph" in p for p in report.problems), report.problems


def test_the_command_line_refuses_making_a_labelled_paragraph_furniture(tmp_path):
    # Marking a paragraph not part of any article (role other) took its accepted labels out
    # of every export without a word, from the window (X) and from a segmentation file alike.
    import json

    from click.testing import CliRunner

    from annotator.cli import main
    from annotator.formats.segmentation import record

    text = "标题\n\n市委书记邓群策主持会议。\n\n图为会场。"
    blocks = [Block(0, 2, "headline", 1), Block(4, 16, "body", 1), Block(18, 23, "caption", 1)]
    furniture = [*blocks[:1], Block(4, 16, "other"), blocks[2]]
    db, path = tmp_path / "a.db", tmp_path / "s.jsonl"
    page = Page("p1", text, "p1.txt", "sha", "in_progress", "lin")
    with Store.open(db) as store:
        store.add_gold_pages([(page, blocks, [Span(8, 11, "PER", "human", "accepted")])])
    path.write_text(json.dumps(record(page, furniture), ensure_ascii=False) + "\n", "utf-8")
    args = ["import", "--db", str(db), "--format", "segmentation", str(path)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "the label 「邓群策」 (PER) would be left out of every export" in result.stderr
    assert "outside every article" in result.stderr
    with Store.open(db) as store:
        assert store.blocks("p1") == blocks


def test_a_label_already_on_furniture_can_still_be_relabelled_or_removed(tmp_path):
    # An old database may hold one: put right, not locked.
    with Store.open(tmp_path / "o.db") as store:
        blocks = [Block(0, 3, "headline", 1), Block(5, 15, "other")]
        store.add_gold_pages(
            [
                (
                    Page("p1", TEXT[:15], "p1.txt", "s"),
                    blocks,
                    [Span(5, 7, "PER", "human", "accepted")],
                )
            ]
        )
        span = store.spans("p1")[0]
        store.apply(Op("relabel_span", "p1", {"id": span.id, "label": "ORG"}))
        store.apply(Op("remove_span", "p1", {"id": span.id}))
        assert store.spans("p1") == []


def test_a_label_over_only_the_break_between_two_paragraphs_is_refused_by_the_store(tmp_path):
    # It lies on no paragraph: span_problem said "no problem" for a range touching no block,
    # so the store kept it as gold that every export then left out.
    import pytest

    from annotator.edits import LabelsLeftOut
    from annotator.text import span_problem

    blocks = [Block(0, 3, "headline", 1), Block(5, 15, "body", 1)]
    assert span_problem(TEXT, blocks, 3, 5) == "between"
    assert span_problem(TEXT, blocks, 3, 4) == "between"
    assert span_problem(TEXT, blocks, 2, 5) == "paragraphs"
    with _store(tmp_path) as store:
        add = {"start": 3, "end": 5, "label": "PER", "origin": "human", "status": "accepted"}
        with pytest.raises(LabelsLeftOut, match="on no paragraph, only on the break between two"):
            store.apply(Op("add_span", "p1", add))
        assert store.spans("p1") == []


def test_span_attributes_that_json_cannot_hold_are_refused(tmp_path):
    # The figure dialog took "1e400" as infinity, and Python's JSON reader takes NaN and
    # Infinity from another tool's file: stored, every JSON export then failed with a
    # traceback ("Out of range float values are not JSON compliant").
    import pytest

    from annotator.edits import EditError

    with _store(tmp_path) as store:
        add = {"start": 5, "end": 7, "label": "PER", "origin": "human", "status": "accepted"}
        store.apply(Op("add_span", "p1", add))
        span_id = store.spans("p1")[0].id
        for bad in (float("inf"), float("nan"), [1, float("-inf")]):
            with pytest.raises(EditError, match="not a number JSON can hold"):
                store.apply(Op("set_span_attrs", "p1", {"id": span_id, "attrs": {"value": bad}}))
            with pytest.raises(EditError, match="not a number JSON can hold"):
                store.apply(Op("add_span", "p1", {**add, "end": 6, "attrs": {"value": bad}}))
        assert [s.attrs for s in store.spans("p1")] == [{}]
        store.apply(Op("set_span_attrs", "p1", {"id": span_id, "attrs": {"value": 1e300}}))


def test_an_export_meeting_an_attribute_json_cannot_hold_names_the_span(tmp_path):
    # A database from before such values were refused (the figure dialog took "1e400"):
    # every JSON export failed with a traceback.
    from click.testing import CliRunner

    from annotator.cli import main

    with _store(tmp_path) as store:
        store.replace_suggestions(
            "p1", [Span(5, 7, "FIGURE", "rule", "suggested", {"value": 1e400})]
        )
        span_id = store.spans("p1")[0].id
        store.apply(Op("set_span_status", "p1", {"id": span_id, "status": "accepted"}))
        store.apply(Op("set_page_status", "p1", {"status": "done"}))
    out = tmp_path / "out.jsonl"
    for fmt in ("jsonl", "labelstudio", "doccano", "spacy-jsonl"):
        args = ["export", "--db", str(tmp_path / "g.db"), "--format", fmt, "-o", str(out)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert result.output == (
            "Error: p1: span [5, 7) FIGURE has the attribute value Infinity, which JSON cannot "
            "hold; correct it in the window (V) and export again\n"
        )
        assert not out.exists()
