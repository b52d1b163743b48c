"""Evaluation of the heuristics against reviewed pages (annotator.metrics, annotator evaluate)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from annotator.cli import main
from annotator.edits import Op, mark_done_op
from annotator.metrics import (
    EMPTY_MESSAGE,
    PageEval,
    SpanMatcher,
    acceptance_rates,
    article_boundaries,
    boundary_scores,
    boundary_sequences,
    default_k,
    evaluate,
    figure_scores,
    format_report,
    join_scores,
    pk,
    role_scores,
    span_scores,
    window_errors,
    windowdiff,
)
from annotator.model import Block, Page, Span
from annotator.store import Store


def bits(text: str) -> list[int]:
    return [int(c) for c in text]


# ------------------------------------------------------------------ Pk and WindowDiff

# The examples of NLTK's nltk.metrics.segmentation doctests, the usual reference values.
S1, S2, S3 = bits("000100000010"), bits("000010000100"), bits("100000010000")


def test_windowdiff_standard_examples() -> None:
    assert windowdiff(S1, S1, 3) == 0.0
    assert windowdiff(S1, S2, 3) == pytest.approx(0.3)
    assert windowdiff(S2, S3, 3) == pytest.approx(0.8)


def test_pk_standard_examples() -> None:
    ref = bits("0100" * 100)
    # 399 windows of two gaps; exact counts behind NLTK's rounded '0.50'.
    assert pk(ref, bits("1" * 400), 2) == pytest.approx(199 / 399)
    assert pk(ref, bits("0" * 400), 2) == pytest.approx(200 / 399)
    assert pk(ref, ref, 2) == 0.0
    assert f"{pk(ref, bits('1' * 400), 2):.2f}" == f"{pk(ref, bits('0' * 400), 2):.2f}" == "0.50"


def test_default_k_is_half_the_mean_reference_segment() -> None:
    assert default_k(S1) == 2  # 13 units in 3 segments: mean 4.33, half 2.17
    assert default_k(bits("0100" * 100)) == 2  # 401 units in 101 segments
    assert default_k(bits("0000000")) == 4  # 8 units, one segment: half of 8
    assert default_k(bits("1111")) == 1  # never below 1


# Pevzner & Hearst (2002), section 3: one reference boundary (gap 12 of 25), k = 3.
REF = bits("0" * 12 + "1" + "0" * 12)


def with_boundaries(*gaps: int) -> list[int]:
    return [int(i in gaps) for i in range(25)]


def test_pk_and_windowdiff_perfect_prediction_score_zero() -> None:
    assert pk(REF, REF, 3) == windowdiff(REF, REF, 3) == 0.0
    assert pk(REF, REF) == 0.0  # default k


def test_missed_boundary_costs_k_windows() -> None:
    assert window_errors(REF, with_boundaries(), 3, diff=False) == (3, 23)
    assert window_errors(REF, with_boundaries(), 3, diff=True) == (3, 23)


def test_false_positive_far_from_a_boundary_costs_k_windows() -> None:
    assert window_errors(REF, with_boundaries(12, 3), 3, diff=False) == (3, 23)
    assert window_errors(REF, with_boundaries(12, 3), 3, diff=True) == (3, 23)


def test_pk_underpenalises_a_false_positive_near_a_boundary_windowdiff_does_not() -> None:
    # The critique of Pk: an extra boundary within k of a true one costs Pk one window.
    assert window_errors(REF, with_boundaries(12, 13), 3, diff=False) == (1, 23)
    assert window_errors(REF, with_boundaries(12, 13), 3, diff=True) == (3, 23)


def test_near_miss_costs_less_than_a_miss() -> None:
    assert window_errors(REF, with_boundaries(13), 3, diff=False) == (2, 23)
    assert window_errors(REF, with_boundaries(13), 3, diff=True) == (2, 23)


def test_window_metrics_edge_cases() -> None:
    assert pk([], []) is None  # one unit: no window
    assert pk([1], [0]) == 1.0
    with pytest.raises(ValueError, match="different numbers"):
        pk([0, 1], [0])


@given(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=60))
def test_windowdiff_is_never_below_pk(pairs: list[tuple[bool, bool]]) -> None:
    ref, hyp = [int(a) for a, _ in pairs], [int(b) for _, b in pairs]
    p, w = pk(ref, hyp), windowdiff(ref, hyp)
    assert p is not None and w is not None
    assert 0.0 <= p <= w <= 1.0
    assert pk(ref, ref) == windowdiff(ref, ref) == 0.0


# ------------------------------------------------------------------ segmentation


def blocks(*spec: tuple[int, int, str, int | None, bool]) -> list[Block]:
    return [Block(s, e, role, article, joins) for s, e, role, article, joins in spec]


def page(pred_blocks=(), ref_blocks=(), pred_spans=(), spans=()) -> PageEval:
    return PageEval("p", list(pred_blocks), list(pred_spans), list(ref_blocks), list(spans))


def test_article_boundaries_are_starts_of_segments_after_the_first() -> None:
    bs = blocks(
        (0, 4, "headline", 1, False),
        (6, 10, "body", 1, False),
        (12, 15, "other", None, False),
        (17, 20, "headline", 2, False),
        (22, 25, "body", 1, False),  # article 1 continues after article 2
    )
    assert article_boundaries(bs) == {12, 17, 22}
    assert article_boundaries(list(reversed(bs))) == {12, 17, 22}  # page order, not list order
    assert article_boundaries(bs[:1]) == set()


def test_boundaries_all_missed_and_all_found() -> None:
    ref = blocks((0, 4, "headline", 1, False), (6, 9, "body", 1, False), (11, 14, "body", 2, False))
    one = blocks((0, 4, "headline", 1, False), (6, 9, "body", 1, False), (11, 14, "body", 1, False))
    missed = boundary_scores([page(one, ref)])
    assert missed["precision"] is None and missed["recall"] == 0.0 and missed["f1"] == 0.0
    found = boundary_scores([page(ref, ref)])
    assert (found["precision"], found["recall"], found["f1"]) == (1.0, 1.0, 1.0)
    nothing = boundary_scores([page(one, one)])
    assert (nothing["precision"], nothing["recall"], nothing["f1"]) == (None, None, None)


def test_boundaries_compare_offsets_when_reviewers_split_blocks() -> None:
    # The heuristic saw one block [6, 20); the reviewer split it at 13 and started article 2.
    pred = blocks((0, 4, "headline", 1, False), (6, 20, "body", 1, False))
    ref = blocks(
        (0, 4, "headline", 1, False), (6, 12, "body", 1, False), (13, 20, "body", 2, False)
    )
    assert boundary_sequences(ref, pred) == ([0, 1], [0, 0])
    scores = boundary_scores([page(pred, ref)])
    assert (scores["reference"], scores["predicted"], scores["recall"]) == (1, 0, 0.0)


def test_boundary_scores_pool_pages() -> None:
    a = blocks((0, 2, "body", 1, False), (3, 5, "body", 2, False), (6, 8, "body", 3, False))
    b = blocks((0, 2, "body", 1, False), (3, 5, "body", 2, False), (6, 8, "body", 2, False))
    scores = boundary_scores([page(b, a), page(a, a)])  # found 1 of 2, then 2 of 2
    assert scores["matched_reference"] == 3 and scores["reference"] == 4
    assert scores["precision"] == 1.0 and scores["recall"] == 0.75
    assert scores["f1"] == pytest.approx(6 / 7)


def test_join_accuracy_over_blocks_with_a_matching_start() -> None:
    pred = blocks((0, 4, "body", 1, False), (6, 9, "body", 1, True), (11, 20, "body", 1, False))
    ref = blocks(
        (0, 4, "body", 1, False),
        (6, 9, "body", 1, False),  # the heuristic's join was wrong
        (11, 14, "body", 1, False),  # same start, shorter: still compared
        (15, 20, "body", 1, True),  # new start: not compared
    )
    scores = join_scores([page(pred, ref)])
    assert (scores["blocks"], scores["correct"]) == (3, 2)
    assert scores["accuracy"] == pytest.approx(2 / 3)
    assert scores["joins"]["precision"] == 0.0 and scores["joins"]["recall"] is None


def test_role_accuracy_and_confusion_over_identical_ranges() -> None:
    pred = blocks(
        (0, 4, "body", 1, False),
        (6, 9, "byline", 1, False),
        (11, 20, "body", 1, False),
        (22, 30, "body", 1, False),
    )
    ref = blocks(
        (0, 4, "headline", 1, False),
        (6, 9, "byline", 1, False),
        (11, 14, "body", 1, False),  # range changed: not compared
        (22, 30, "body", 1, False),
    )
    scores = role_scores([page(pred, ref)])
    assert (scores["blocks"], scores["correct"], scores["reference_blocks"]) == (3, 2, 4)
    assert scores["confusion"] == {
        "headline": {"body": 1},
        "byline": {"byline": 1},
        "body": {"body": 1},
    }
    assert list(scores["confusion"]) == ["headline", "byline", "body"]  # in ROLES order


# ------------------------------------------------------------------ spans


def span(start: int, end: int, label: str, origin: str = "rule", status: str = "accepted", **attrs):
    return Span(start, end, label, origin, status, attrs)


PRED = [
    span(0, 3, "PER", status="suggested"),
    span(5, 8, "ORG", status="suggested"),  # overlaps the gold ORG [5, 9) only
    span(10, 12, "LOC", "gazetteer", status="suggested"),  # no gold LOC at all
]
GOLD = [
    span(0, 3, "PER"),
    span(5, 9, "ORG", "human"),
    span(20, 22, "DATE", "human"),  # nothing predicted it
    span(30, 33, "PER", status="rejected"),  # not gold
    span(40, 43, "PER", status="suggested"),  # not gold either
]


def test_span_scores_exact_per_label_origin_and_overall() -> None:
    scores = span_scores([page(pred_spans=PRED, spans=GOLD)], overlap=False)
    per, org, loc, date = (scores["by_label"][k] for k in ("PER", "ORG", "LOC", "DATE"))
    assert (per["precision"], per["recall"], per["f1"]) == (1.0, 1.0, 1.0)
    assert (org["precision"], org["recall"], org["f1"]) == (0.0, 0.0, 0.0)
    assert (loc["precision"], loc["recall"], loc["f1"]) == (0.0, None, 0.0)
    assert (date["precision"], date["recall"], date["f1"]) == (None, 0.0, 0.0)
    overall = scores["all"]
    assert overall["predicted"] == 3 and overall["reference"] == 3
    assert overall["precision"] == overall["recall"] == overall["f1"] == pytest.approx(1 / 3)
    rule, gazetteer = scores["by_origin"]["rule"], scores["by_origin"]["gazetteer"]
    # An origin's recall is over all of the gold: rule found 1 of the 3 gold spans.
    assert (rule["precision"], rule["recall"]) == (0.5, pytest.approx(1 / 3))
    assert rule["f1"] == pytest.approx(0.4)
    assert (gazetteer["precision"], gazetteer["recall"], gazetteer["f1"]) == (0.0, 0.0, 0.0)
    assert list(scores["by_origin"]) == ["rule", "gazetteer"]


def test_span_scores_overlap_match() -> None:
    scores = span_scores([page(pred_spans=PRED, spans=GOLD)], overlap=True)
    assert scores["by_label"]["ORG"]["f1"] == 1.0
    assert scores["all"]["precision"] == scores["all"]["recall"] == pytest.approx(2 / 3)


def test_overlap_counts_each_side_once_and_needs_a_shared_character() -> None:
    pred = [span(0, 10, "LOC"), span(20, 23, "LOC"), span(30, 32, "PER")]
    gold = [span(0, 3, "LOC"), span(5, 9, "LOC"), span(23, 25, "LOC"), span(31, 33, "LOC")]
    scores = span_scores([page(pred_spans=pred, spans=gold)], overlap=True)["by_label"]
    assert scores["LOC"]["matched_predicted"] == 1  # [20, 23) only touches [23, 25)
    assert scores["LOC"]["matched_reference"] == 2  # one prediction covers two gold spans
    assert scores["PER"]["matched_predicted"] == 0  # overlap needs the same label


ranges = st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["PER", "LOC"]))


@given(st.lists(ranges, max_size=12), ranges)
def test_overlap_lookup_agrees_with_a_plain_scan(others, probe) -> None:
    spans = [span(a, a + n, label) for a, n, label in others]
    s = span(probe[0], probe[0] + probe[1], probe[2])
    expected = any(o.label == s.label and o.start < s.end and s.start < o.end for o in spans)
    assert SpanMatcher(spans).hit(s, overlap=True) == expected


def test_acceptance_rates_per_origin() -> None:
    rates = acceptance_rates(
        [
            span(0, 1, "PER"),
            span(1, 2, "PER"),
            span(2, 3, "PER", status="rejected"),
            span(3, 4, "PER", status="suggested"),
            span(4, 5, "PER", "model", status="suggested"),
            span(5, 6, "PER", "human"),
        ]
    )
    assert rates["rule"] == {"accepted": 2, "rejected": 1, "suggested": 1, "rate": 2 / 3}
    assert rates["model"]["rate"] is None
    assert rates["human"]["rate"] == 1.0
    assert list(rates) == ["rule", "model", "human"]


# ------------------------------------------------------------------ figures


def test_figure_values_and_units_kept() -> None:
    pred = [
        span(0, 5, "FIGURE", status="suggested", value=7200000, unit="亩"),
        span(6, 9, "FIGURE", status="suggested", value=52, unit="个"),
        span(10, 14, "FIGURE", status="suggested", value=600, unit="万元"),
    ]
    live = [
        span(0, 5, "FIGURE", value=7200000.0, unit="亩"),  # kept: 7200000 == 7200000.0
        span(6, 9, "FIGURE", value=52, unit="项"),  # unit corrected
        span(10, 14, "FIGURE", value=6000000, unit="元"),  # both corrected
        span(20, 23, "FIGURE", "gazetteer", value=3, unit="个"),  # no prediction there
        span(30, 33, "FIGURE", "human", value=1, unit="个"),  # the reviewer's own: not counted
        span(40, 43, "FIGURE", status="rejected", value=1, unit="个"),
    ]
    scores = figure_scores([page(pred_spans=pred, spans=live)])
    assert scores == {
        "accepted_machine": 4,
        "compared": 3,
        "kept": 1,
        "value_changed": 1,
        "unit_changed": 2,
        "without_prediction": 1,
        "share_kept": 1 / 3,
    }


def test_evaluate_with_no_pages_is_all_empty() -> None:
    report = evaluate([])
    assert report["pages"] == 0
    assert report["segmentation"]["pk"] is None
    assert report["spans"]["exact"]["all"]["f1"] is None
    assert "n/a" in format_report(report)


# ------------------------------------------------------------------ the command

PARAS = [
    "标题一",
    "■本报记者 张三",
    "本报讯 市长李四说，全县720万亩和52个项目。",
    "接着。",
    "标题二",
    "正文王五。",
    "广告",
]
TEXT = "\n\n".join(PARAS)


def _predicted_blocks() -> list[Block]:
    # The heuristic missed article 2 (and took its headline for body text).
    roles = ["headline", "byline", "body", "body", "body", "body", "other"]
    articles = [1, 1, 1, 1, 1, 1, None]
    out, pos = [], 0
    for para, role, article in zip(PARAS, roles, articles, strict=True):
        out.append(Block(pos, pos + len(para), role, article))
        pos += len(para) + 2
    return out


def _at(text: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(text, after)
    return start, start + len(text)


def _suggestions() -> list[Span]:
    def s(text: str, label: str, origin: str = "rule", **attrs) -> Span:
        return Span(*_at(text), label, origin, "suggested", attrs)

    return [
        s("市长李四", "PER"),  # too long: rejected, the reviewer adds 李四
        s("720万亩", "FIGURE", value=7200000, unit="亩"),  # kept
        s("52个", "FIGURE", value=52, unit="个"),  # unit corrected
        s("本报", "ORG"),  # rejected
        s("张三", "PER", "gazetteer"),  # accepted
        s("正文", "LOC", "model"),  # left open
    ]


def _span_id(store: Store, page_id: str, text: str) -> int:
    start, end = _at(text)
    return next(x.id for x in store.spans(page_id) if (x.start, x.end) == (start, end))


def _review(store: Store, pid: str) -> None:
    blocks = _predicted_blocks()
    split_at = TEXT.index(" ", blocks[2].start)

    def do(kind: str, **args) -> None:
        store.apply(Op(kind, pid, args), "ana")

    do("start_article", block=blocks[4].start)
    do("set_role", block=blocks[4].start, role="headline")
    do("join", block=blocks[3].start)
    do("split_block", at=split_at)  # a new block start the heuristic never had
    for text in ("720万亩", "52个", "张三"):
        do("set_span_status", id=_span_id(store, pid, text), status="accepted")
    for text in ("市长李四", "本报"):
        do("set_span_status", id=_span_id(store, pid, text), status="rejected")
    do("set_span_attrs", id=_span_id(store, pid, "52个"), attrs={"value": 52.0, "unit": "项"})
    for text in ("李四", "王五"):
        start, end = _at(text)
        do("add_span", start=start, end=end, label="PER")
    store.apply(mark_done_op(store.page_state(pid), "reject"), "ana")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "eval.db"
    with Store.open(path) as store:
        store.add_page(Page("done1", TEXT, "done1.md"), _predicted_blocks(), _suggestions())
        _review(store, "done1")
        # A page under review must not count, whatever has been decided on it.
        store.add_page(Page("open1", TEXT, "open1.md"), _predicted_blocks(), _suggestions())
        store.apply(
            Op(
                "set_span_status",
                "open1",
                {"id": _span_id(store, "open1", "本报"), "status": "accepted"},
            )
        )
    return path


def _json_report(path: Path) -> dict:
    result = CliRunner().invoke(main, ["evaluate", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_evaluate_command_json_segmentation(db: Path) -> None:
    report = _json_report(db)
    assert report["pages"] == 1
    seg = report["segmentation"]
    # Reviewed boundaries: 标题二 (article 2) and 广告 (outside); predicted: 广告 only.
    b = seg["boundaries"]
    assert (b["reference"], b["predicted"], b["matched_reference"]) == (2, 1, 1)
    assert (b["precision"], b["recall"]) == (1.0, 0.5)
    assert b["f1"] == pytest.approx(2 / 3)
    # 8 units (7 blocks + the split), 3 reviewed segments: k = 1, 7 windows, 1 missed.
    assert (seg["windows"], seg["pk"], seg["windowdiff"]) == (7, 1 / 7, 1 / 7)
    joins = seg["joins"]
    assert (joins["blocks"], joins["correct"]) == (7, 6)
    assert (joins["joins"]["reference"], joins["joins"]["predicted"]) == (1, 0)
    roles = seg["roles"]
    assert (roles["blocks"], roles["correct"], roles["reference_blocks"]) == (6, 5, 8)
    assert roles["confusion"] == {
        "headline": {"headline": 1, "body": 1},
        "byline": {"byline": 1},
        "body": {"body": 2},
        "other": {"other": 1},
    }


def test_evaluate_command_json_spans_and_figures(db: Path) -> None:
    report = _json_report(db)
    exact, overlap = report["spans"]["exact"], report["spans"]["overlap"]
    assert exact["by_label"]["FIGURE"]["f1"] == 1.0
    per = exact["by_label"]["PER"]
    assert (per["predicted"], per["reference"], per["precision"]) == (2, 3, 0.5)
    assert (per["recall"], per["f1"]) == (pytest.approx(1 / 3), pytest.approx(0.4))
    assert (exact["all"]["precision"], exact["all"]["recall"]) == (0.5, 0.6)
    assert exact["all"]["f1"] == pytest.approx(6 / 11)
    rule = exact["by_origin"]["rule"]
    assert (rule["precision"], rule["recall"], rule["f1"]) == (0.5, 0.4, pytest.approx(4 / 9))
    gaz = exact["by_origin"]["gazetteer"]
    assert (gaz["precision"], gaz["recall"], gaz["f1"]) == (1.0, 0.2, pytest.approx(1 / 3))
    assert overlap["by_label"]["PER"]["precision"] == 1.0  # 市长李四 overlaps 李四
    assert overlap["all"]["f1"] == pytest.approx(8 / 11)
    assert report["acceptance"] == {
        "rule": {"accepted": 2, "rejected": 2, "suggested": 0, "rate": 0.5},
        "gazetteer": {"accepted": 1, "rejected": 0, "suggested": 0, "rate": 1.0},
        # Marking the page done rejected the suggestion left open (edits.mark_done_op).
        "model": {"accepted": 0, "rejected": 1, "suggested": 0, "rate": 0.0},
        "human": {"accepted": 2, "rejected": 0, "suggested": 0, "rate": 1.0},
    }
    figures = report["figures"]
    assert (figures["compared"], figures["kept"], figures["unit_changed"]) == (2, 1, 1)
    assert (figures["value_changed"], figures["share_kept"]) == (0, 0.5)


def test_evaluate_command_prints_aligned_tables(db: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Evaluated 1 done page(s)")
    row = next(line for line in out.splitlines() if line.strip().startswith("article boundaries"))
    assert row.split()[-3:] == ["1.000", "0.500", "0.667"]
    assert "Role confusion" in out and "origin gazetteer" in out and "share kept" in out
    lines = out.splitlines()
    header = lines[lines.index("Spans, exact match (same start, end, label)") + 1]
    per = next(line for line in lines if line.strip().startswith("PER"))
    assert len(per) == len(header)  # right-aligned columns end together


def test_evaluate_command_on_a_database_with_nothing_done(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    Store.open(path).close()
    result = CliRunner().invoke(main, ["evaluate", "--db", str(path)])
    assert result.exit_code == 0
    assert result.output.strip() == EMPTY_MESSAGE
    result = CliRunner().invoke(main, ["evaluate", "--db", str(path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["pages"] == 0
    assert EMPTY_MESSAGE in result.stderr


def test_evaluate_command_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output


def test_exact_scores_per_label_and_over_all():
    from annotator.metrics import exact_scores

    gold = {(0, 2, "PER"), (3, 5, "LOC"), (6, 8, "LOC")}
    predicted = {(0, 2, "PER"), (3, 5, "LOC"), (9, 10, "LOC"), (11, 12, "DATE")}
    scores = exact_scores([(gold, predicted)], ["LOC", "PER"])  # DATE is not scored
    assert scores["PER"]["precision"] == 1.0 and scores["PER"]["recall"] == 1.0
    assert scores["LOC"]["precision"] == 0.5 and scores["LOC"]["recall"] == 0.5
    assert scores["all"]["predicted"] == 3 and scores["all"]["reference"] == 3
    assert scores["all"]["matched_predicted"] == 2


def test_evaluate_on_done_pages_without_a_first_split_says_so(tmp_path: Path) -> None:
    # CoNLL gold imported as done pages: evaluate said "no pages are marked done yet" of a
    # database where stats counted them all done.
    bio = tmp_path / "g.bio"
    bio.write_text("邓 B-PER\n群 I-PER\n策 I-PER\n说 O\n\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert (
        CliRunner().invoke(main, ["import", "--db", db, "--format", "conll", str(bio)]).exit_code
        == 0
    )
    result = CliRunner().invoke(main, ["evaluate", "--db", db])
    assert result.exit_code == 0
    assert result.output.strip() == (
        "none of the 1 done page(s) has the heuristics' first output to compare with (pages "
        "made by import --format conll or segmentation were never pre-split); import page "
        "files, review them and mark them done, then run evaluate"
    )
