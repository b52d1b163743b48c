"""The learnt entity tagger (annotator.learn.entities): training, determinism, suggestions
through import, confidence kept out of gold export, evaluation by confidence band."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator import pipeline
from annotator.cli import main
from annotator.code_units import code_units
from annotator.edits import Op
from annotator.formats.conll import write_conll
from annotator.learn import LEARNERS, entities, entity_lexicons
from annotator.metrics import PageEval, confidence_band, confidence_scores
from annotator.model import Block, Page, Span
from annotator.pipeline import import_paths
from annotator.store import Store
from annotator.suggest import suggest_spans

from .entity_features_old import old_features

GIVEN = "伟芳明华强军丽敏静磊洋勇艳杰娟涛超"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
PLACES = ["临沂", "德州", "绵阳", "株洲", "宜宾", "柳州", "赣州", "遵义"]
TEMPLATES = [
    "{per}昨天在{loc}考察。",
    "{loc}的{per}表示同意。",
    "记者见到了{per}，他来自{loc}。",
    "{per}和家人回到{loc}过年。",
]


def sentences(count: int, offset: int = 0) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Deterministic gold sentences with a PER and a LOC each."""
    out = []
    for i in range(offset, offset + count):
        per = SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + GIVEN[(i * 3) % 17]
        loc = PLACES[(i * 5) % len(PLACES)]
        text = TEMPLATES[i % len(TEMPLATES)].format(per=per, loc=loc)
        p, q = text.index(per), text.index(loc)
        out.append((text, sorted([(p, p + len(per), "PER"), (q, q + len(loc), "LOC")])))
    return out


def gold_db(db: Path, count: int) -> Path:
    """A database at ``db`` holding ``gold_pages(count)``."""
    with Store.open(db) as store:
        for page, blocks, spans in gold_pages(count):
            store.add_page(page, blocks, spans)
    return db


def gold_pages(count: int, per_page: int = 10) -> list[tuple[Page, list[Block], list[Span]]]:
    pages = []
    data = sentences(count * per_page)
    for n in range(count):
        chunk = data[n * per_page : (n + 1) * per_page]
        text = "\n".join(t for t, _ in chunk)
        blocks, spans, at = [], [], 0
        for t, ents in chunk:
            blocks.append(Block(at, at + len(t), "body", 1))
            spans += [Span(at + s, at + e, label) for s, e, label in ents]
            at += len(t) + 1
        pages.append((Page(f"p{n}", text, status="done"), blocks, spans))
    return pages


@pytest.fixture(scope="module")
def model_bytes() -> bytes:
    return entities.train(gold_pages(12))


def test_the_learner_is_registered_for_annotator_train() -> None:
    assert LEARNERS["entities"] == "annotator.learn.entities"
    assert entities.KIND == "entities" and entities.MIN_PAGES >= 1


def test_training_is_deterministic(model_bytes: bytes) -> None:
    assert entities.train(gold_pages(12)) == model_bytes
    assert entities.train(gold_pages(11)) != model_bytes


def test_the_l2_penalty_grows_with_the_gold(monkeypatch: pytest.MonkeyPatch) -> None:
    # crfsuite's penalty does not grow with the gold: 1.0 for 5,000 sentences generalised
    # best to another paper's text, and must not hold down a model of a few done pages
    import pycrfsuite

    assert entities.train_params(5000)["c2"] == pytest.approx(1.0)
    assert entities.train_params(2500)["c2"] == pytest.approx(0.5)
    assert entities.train_params(40)["c2"] == entities.TRAIN_PARAMS["c2"] == 0.02
    assert entities.TRAIN_PARAMS["max_iterations"] == 60
    # the L1 penalty grows from 0.15 at 2,500 sentences to 0.3 at 5,000 (issue 10)
    assert entities.train_params(40)["c1"] == entities.TRAIN_PARAMS["c1"] == 0.15
    assert entities.train_params(2500)["c1"] == pytest.approx(0.15)
    assert entities.train_params(3750)["c1"] == pytest.approx(0.225)
    assert entities.train_params(5000)["c1"] == entities.train_params(9000)["c1"] == 0.3
    given: list[dict] = []
    real = pycrfsuite.Trainer.set_params

    def spy(trainer: pycrfsuite.Trainer, params: dict) -> None:
        given.append(params)
        real(trainer, params)

    monkeypatch.setattr(pycrfsuite.Trainer, "set_params", spy)
    entities.train_sentences([*sentences(300), ("", [])])  # an empty line is no sentence
    assert given[-1]["c2"] == pytest.approx(300 / 5000)


def test_model_tags_unseen_names_with_a_confidence(model_bytes: bytes) -> None:
    model = entities.load(model_bytes)
    assert model.labels == ("LOC", "PER")
    text = "第一行\n郭静杰昨天在株洲考察。"
    found = {(text[s:e], label): a["confidence"] for s, e, label, a in model(text)}
    assert set(found) == {("郭静杰", "PER"), ("株洲", "LOC")}
    assert all(0.5 < c <= 1.0 for c in found.values())


def test_other_blocks_are_not_training_data() -> None:
    page = Page("x", "王伟在临沂。\n广告王伟", status="done")
    blocks = [Block(0, 6, "body", 1), Block(7, 11, "other", None)]
    got = entities.gold_sentences([(page, blocks, [Span(0, 2, "PER"), Span(3, 5, "LOC")])])
    assert got == [("王伟在临沂。", [(0, 2, "PER"), (3, 5, "LOC")])]


def test_bytes_of_another_format_are_refused() -> None:
    with pytest.raises(ValueError, match="retrain"):
        entities.load(b"not a model")


def test_cross_validation_scores_rules_model_and_merged() -> None:
    figures = entities.cross_validate(gold_pages(6), folds=3)
    assert figures["folds"] == 3 and figures["pages"] == 6
    assert set(figures) >= {"rules", "model", "merged"}
    assert figures["model"]["PER"]["reference"] == 60
    assert figures["model"]["PER"]["f1"] > 0.8


def test_suggest_spans_merges_model_suggestions_with_the_rules(model_bytes: bytes) -> None:
    model = entities.load(model_bytes)
    text = "记者见到了何洋艳，他来自遵义。"
    rules = [(text[s.start : s.end], s.origin) for s in suggest_spans(text)]
    assert rules == [("何洋艳", "rule"), ("遵义", "rule")]  # the name by its statistics
    spans = suggest_spans(text, tagger=model)
    got = [(text[s.start : s.end], s.label, s.origin) for s in spans]
    assert got == [("何洋艳", "PER", "model"), ("遵义", "LOC", "model")]  # model replaces rules
    assert 0.5 < spans[0].attrs["confidence"] <= 1.0


def _figures(rules: dict[str, float], model: dict[str, float]) -> dict:
    return {
        "rules": {label: {"f1": f1} for label, f1 in rules.items()},
        "model": {label: {"f1": f1} for label, f1 in model.items()},
    }


def with_evidence(figures: dict, *labels: str) -> dict:
    """``figures`` whose held-out names apart, in every way of the model, put it ahead of the
    rules on ``labels`` far beyond chance (20 names to 0): the few done pages of these tests
    set no name apart, and a label with none is never taken over (``min_apart``)."""
    for counts in figures["against_rules"].values():
        for label in labels:
            counts[label] = [20, 0]
    return figures


def test_the_model_takes_over_only_the_labels_it_scored_at_least_as_well_on() -> None:
    figures = _figures(
        {"PER": 0.74, "LOC": 0.80, "ORG": 0.60, "FIGURE": 0.9, "all": 0.7},
        {"PER": 0.74, "LOC": 0.76, "ORG": 0.72, "FIGURE": 0.95, "all": 0.74},
    )
    assert entities.takeover(figures) == ("ORG", "PER")  # ties go to the model
    assert entities.takeover(None) is None
    assert entities.takeover(_figures({}, {"DATE": 0.5})) == ("DATE",)  # rules found none


def test_a_label_the_rules_do_better_keeps_the_rules_suggestions() -> None:
    pages = gold_pages(12)
    model = entities.load(entities.train(pages, _figures({"LOC": 0.9}, {"LOC": 0.5, "PER": 0.9})))
    assert model.labels == ("PER",)
    text = "记者见到了何洋艳，他来自遵义。"
    got = [(text[s.start : s.end], s.label, s.origin) for s in suggest_spans(text, tagger=model)]
    assert got == [("何洋艳", "PER", "model"), ("遵义", "LOC", "rule")]


def test_annotator_train_keeps_the_rules_where_the_model_scored_lower(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = gold_db(tmp_path / "t.db", 6)
    real = entities.cross_validate

    def rules_better_on_loc(pages, folds):  # the figures as a corpus where they are
        figures = with_evidence(real(pages, folds), "PER", "LOC")
        figures["rules"]["LOC"]["f1"] = figures["model"]["LOC"]["f1"] + 0.01
        return figures

    monkeypatch.setattr(entities, "cross_validate", rules_better_on_loc)
    result = CliRunner().invoke(main, ["--db", str(db), "train", "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert "suggestions: the model's for PER; the rules' for LOC" in result.output
    with Store.open(db) as store:
        record = store.latest_model("entities")
        assert record is not None
        assert entities.load(record.data).labels == ("PER",)


def test_import_after_conll_import_and_training_suggests_with_the_model(tmp_path: Path) -> None:
    corpus = tmp_path / "gold.bio"
    write_conll(sentences(120), corpus)
    db = tmp_path / "a.db"
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db), "import", "--format", "conll", str(corpus)])
    assert result.exit_code == 0, result.output
    page = tmp_path / "new.txt"
    page.write_text("标题\n\n记者见到了胡军敏，他来自宜宾。\n", encoding="utf-8")
    with Store.open(db) as store:
        gold = list(store.iter_pages(status="done", span_status="accepted"))
        store.save_model("entities", entities.train(gold), pages=len(gold), meta={})
        import_paths(store, [page])
        spans = store.spans("new")
        text = store.page("new").text
    by_origin = {(text[s.start : s.end], s.label): s for s in spans if s.origin == "model"}
    assert ("胡军敏", "PER") in by_origin  # no cue for the rules; the model learnt the frame
    for span in by_origin.values():
        assert span.status == "suggested"
        assert 0.0 < span.attrs["confidence"] <= 1.0


def test_accepted_model_span_is_exported_without_its_confidence(tmp_path: Path) -> None:
    from annotator.formats.gold_jsonl import export_records

    page = Page("p", "王伟来了。", status="done")
    span = Span(0, 2, "PER", origin="model", attrs={"confidence": 0.91})
    records = list(export_records([(page, [Block(0, 5, "body", 1)], [span])], []))
    assert records[0]["spans"][0]["origin"] == "model"
    assert records[0]["spans"][0]["attrs"] == {}


def test_confidence_bands_measure_precision_and_recall_per_origin() -> None:
    gold = [Span(0, 2, "PER"), Span(3, 5, "LOC"), Span(6, 8, "ORG")]
    predicted = [
        Span(0, 2, "PER", "model", "suggested", {"confidence": 0.97}),
        Span(3, 5, "PER", "model", "suggested", {"confidence": 0.6}),
        Span(3, 5, "LOC", "model", "suggested", {"confidence": 0.3}),
        Span(6, 8, "ORG", "rule", "suggested", {}),
    ]
    page = PageEval("p", [Block(0, 9)], predicted, [Block(0, 9)], gold)
    bands = confidence_scores([page])
    assert list(bands) == ["model"]
    assert bands["model"][">=0.95"]["precision"] == 1.0
    assert bands["model"]["0.5-0.8"]["precision"] == 0.0
    assert bands["model"]["<0.5"]["recall"] == pytest.approx(1 / 3)
    assert bands["model"]["0.8-0.95"]["predicted"] == 0
    assert [confidence_band(v) for v in (0.0, 0.5, 0.8, 0.95, 1.0)] == [
        "<0.5", "0.5-0.8", "0.8-0.95", ">=0.95", ">=0.95",
    ]  # fmt: skip


def test_evaluate_reports_bands_of_model_suggestions(tmp_path: Path, model_bytes: bytes) -> None:
    db = tmp_path / "a.db"
    page = tmp_path / "x.txt"
    page.write_text("记者见到了郭静杰，他来自株洲。\n", encoding="utf-8")
    with Store.open(db) as store:
        store.save_model("entities", model_bytes, pages=12, meta={})
        import_paths(store, [page])
        for span in store.spans("x"):
            if span.origin == "model":
                store.apply(Op("set_span_status", "x", {"id": span.id, "status": "accepted"}))
        store.apply(Op("set_page_status", "x", {"status": "done"}))
    result = CliRunner().invoke(main, ["--db", str(db), "evaluate", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    model_bands = report["confidence"]["model"]
    assert sum(b["predicted"] for b in model_bands.values()) >= 1
    assert sum(b["matched_predicted"] for b in model_bands.values()) >= 1
    text = CliRunner().invoke(main, ["--db", str(db), "evaluate"]).output
    assert "Suggestions by confidence band" in text and "model >=0.95" in text


def test_annotator_suggest_uses_the_newest_model(tmp_path: Path, model_bytes: bytes) -> None:
    db = tmp_path / "a.db"
    page = tmp_path / "y.txt"
    page.write_text("记者见到了何洋艳，他来自遵义。\n", encoding="utf-8")
    with Store.open(db) as store:
        import_paths(store, [page])
        assert {s.origin for s in store.spans("y")} == {"rule"}
        store.save_model("entities", model_bytes, pages=12, meta={})
    result = CliRunner().invoke(main, ["--db", str(db), "suggest"])
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        text = store.page("y").text
        got = {(text[s.start : s.end], s.label, s.origin) for s in store.spans("y")}
    assert ("何洋艳", "PER", "model") in got


def test_model_keeps_rule_attributes_and_leaves_figures_to_the_rules() -> None:
    pages = []
    for n in range(6):
        lines, spans, at = [], [], 0
        for i in range(10):
            k = n * 10 + i
            per = SURNAMES[k % 20] + GIVEN[k % 17]
            line = f"{per}于{k % 12 + 1}月{k % 28 + 1}日种了{k + 3}万亩。"
            d = line.index("于") + 1
            f = line.index("了") + 1
            spans += [
                Span(at, at + len(per), "PER"),
                Span(at + d, at + line.index("日") + 1, "DATE"),
                Span(at + f, at + len(line) - 1, "FIGURE"),
            ]
            lines.append(line)
            at += len(line) + 1
        pages.append((Page(f"f{n}", "\n".join(lines), status="done"), [], spans))
    model = entities.load(entities.train(pages))
    assert model.labels == ("DATE", "PER")  # FIGURE is learnt but stays with the rules
    text = "赵敏于5月9日种了720万亩。"
    spans = suggest_spans(text, tagger=model)
    by_label = {s.label: s for s in spans}
    assert by_label["DATE"].origin == "model"
    assert by_label["DATE"].attrs["month"] == 5 and by_label["DATE"].attrs["day"] == 9
    assert "confidence" in by_label["DATE"].attrs
    assert by_label["FIGURE"].origin == "rule" and by_label["FIGURE"].attrs["value"] == 7200000


def test_lexicon_features_find_their_word_lists() -> None:
    # a list renamed or moved would silently leave the model without it: fail here instead
    chars, words = entities.lexicon_words()
    codes = list(chars.values())
    assert codes.count("X") > 200 and chars["王"] == chars["欧"] == "X"  # surnames
    assert codes.count("T") > 100 and codes.count("G") > 100  # transliteration, given names
    kinds = list(words.values())
    assert kinds.count("place") > 500 and words["湖南"] == "place"
    assert kinds.count("orgsuffix") > 50 and words["委员会"] == "orgsuffix"
    assert {"org", "area", "title", "speech"} <= set(kinds)


def test_features_of_a_line() -> None:
    rows = entities.features("王伟在北京说", [(0, 2, "PER")])
    assert rows[0][:6] == ("c0=王", "c-1=\x02", "c1=伟", "b-1=\x02王", "b0=王伟", "k=^XG")
    assert "r=B-PER" in rows[0] and "r=I-PER" in rows[1] and "r=B-PER" not in rows[2]
    assert "x=Bplace" in rows[3] and "x=Iplace" in rows[4]
    assert rows[3][6] == "w=Bns" and rows[4][6] == "w=Ens" and rows[2][6] == "w=S"
    # the neighbours' words, and the characters just before and after a rule's span
    assert rows[2][7:9] == ("w-1=S", "w+1=Bns") and rows[0][7] == "w-1=^"
    assert rows[4][7:9] == ("w-1=Bns", "w+1=S")
    assert rows[5][8] == "w+1=$"
    assert "f=<PER" in rows[2] and not any(f.startswith("f=<") for f in rows[1])
    assert "f=>LOC" in entities.features("在北京", [(1, 3, "LOC")])[0]
    # a character beyond the BMP keeps the offsets of the words after it
    assert entities.features("𠀀北京")[1][6] == "w=Bns"


def test_word_matcher_finds_a_word_after_a_match_that_starts_mid_character() -> None:
    # 中文字 is 4E2D 6587 5B57 in UTF-16: the bytes 2D 65 87 5B spell the word ⵥ蝛 across
    # 中 and 文; the word 文字 behind that misaligned match was lost
    matcher = entity_lexicons._Matcher([("\u2d65\u875b", "x"), ("文字", "n")])
    assert matcher.words(code_units("中文字")[0]) == [(1, 3, "n")]
    assert matcher.words(code_units("中文字，中文字")[0]) == [(1, 3, "n"), (5, 7, "n")]


def _words_by_character(words: dict[str, str], text: str) -> list[tuple[int, int, str]]:
    """The reference: the same longest-match search over whole characters (slower, and
    no byte of one character can start a word)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word, value in words.items():
        automaton.add_word(word, (len(word), value))
    if not len(automaton):
        return []
    automaton.make_automaton()
    return [(end + 1 - n, end + 1, value) for end, (n, value) in automaton.iter_long(text)]


# characters whose UTF-16 bytes recombine into other characters of the alphabet
_ALPHABET = "ab中文字\u2d65\u875b\u6587\u4e2d\u2d4e\u4e4e"


@given(
    st.dictionaries(st.text(_ALPHABET, min_size=2, max_size=4), st.sampled_from("ab"), max_size=8),
    st.text(_ALPHABET, max_size=40),
)
def test_word_matcher_over_bytes_finds_what_a_search_over_characters_finds(
    words: dict[str, str], text: str
) -> None:
    matcher = entity_lexicons._Matcher(sorted(words.items()))
    assert matcher.words(code_units(text)[0]) == _words_by_character(words, text)


def test_import_and_suggest_say_when_a_model_of_an_older_version_is_not_used(
    tmp_path: Path,
) -> None:
    db = tmp_path / "old.db"
    page = tmp_path / "a.txt"
    page.write_text("标题\n\n记者见到了胡军敏，他来自宜宾。\n", encoding="utf-8")
    with Store.open(db) as store:
        store.save_model("entities", b"annotator-entities-crf 2\n...", pages=5, meta={})
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db), "import", str(page)])
    assert result.exit_code == 0, result.output
    assert "learnt entity model was not used" in result.stderr
    assert "retrain with 'annotator train'" in result.stderr
    result = runner.invoke(main, ["--db", str(db), "suggest"])
    assert result.exit_code == 0 and "learnt entity model was not used" in result.stderr
    result = runner.invoke(main, ["--db", str(db), "import", "--no-suggest", str(page)])
    assert "entity model" not in result.stderr


def test_a_model_trained_on_the_features_before_the_neighbours_is_stale(
    model_bytes: bytes, tmp_path: Path
) -> None:
    # version 3 models never saw the neighbour features: tagging with them would silently
    # score worse, so they are refused and reported as the structure model's are
    old = b"annotator-entities-crf 3\n" + model_bytes[len(entities.FORMAT) :]
    with pytest.raises(ValueError, match="retrain with 'annotator train'"):
        entities.load(old)
    with Store.open(tmp_path / "v3.db") as store:
        store.save_model("entities", old, pages=12, meta={})
        assert "retrain" in (pipeline.stale_model(store, "entities") or "")
        assert set(pipeline.stale_models(store)) == {"entities"}
        store.save_model("entities", model_bytes, pages=12, meta={})
        assert pipeline.stale_models(store) == {}


# --- the features made faster are the features the models were trained on --------------

_ODD = "王伟在北京说，１９９８年6月ab AB\u3000\t\x00\x02\x03𠀀中文字，欧美港台记者委员会"


@settings(deadline=None)  # the first example builds the dictionary matchers
@given(st.text(_ODD, max_size=30), st.lists(st.tuples(st.integers(0, 29), st.integers(1, 4))))
def test_features_are_the_strings_the_old_columns_made(text: str, spans: list) -> None:
    rules = [(s, s + n, "PER") for s, n in spans if s + n <= len(text)]
    assert entities.features(text, rules) == old_features(text, rules)


def test_a_trained_model_tags_as_it_did_with_the_old_features(model_bytes: bytes) -> None:
    model = entities.load(model_bytes)
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    lines = [line for p in sorted(seeds.glob("*.txt")) for line in p.read_text().split("\n")]
    lines = [line for line in lines if line.strip()] + [t for t, _ in sentences(20, 500)]
    tagger = model.tagger
    for line in lines:
        rules = entities.rule_entities(line)
        tags = tagger.tag(old_features(line, rules))
        old = [
            (s, e, label, round(min(tagger.marginal(tags[j], j) for j in range(s, e)), 4))
            for s, e, label in entities.spans_of(tags)
        ]
        new = [(s, e, label, a["confidence"]) for s, e, label, a in model.tag_line(line, rules)]
        assert new == old
    assert any(model.tag_line(t) for t, _ in sentences(5, 500))  # it does tag names


def test_a_stale_model_of_any_kind_is_tried_once_per_process_not_once_a_page(
    model_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the window asks stale_models on every retrain check and import workers load the
    # tagger for every batch: a refused model must not be parsed again each time
    old = b"annotator-entities-crf 3\n" + model_bytes[len(entities.FORMAT) :]
    tries: list[bytes] = []

    def load(data: bytes) -> entities.EntityModel:
        tries.append(data)
        return real(data)

    real = entities.load
    monkeypatch.setattr(entities, "load", load)
    pipeline.learnt_model.cache_clear()
    with Store.open(tmp_path / "v3.db") as store:
        store.save_model("entities", old, pages=12, meta={})
        for _ in range(3):
            assert "retrain" in (pipeline.stale_model(store, "entities") or "")
            assert pipeline.load_entity_model(old) is None
    assert tries == [old]
    pipeline.learnt_model.cache_clear()


# --- a page's lines are featured in one pass: the same strings, the same tags -------------


@settings(deadline=None)
@given(
    st.lists(st.text(_ODD, min_size=1, max_size=15), min_size=1, max_size=4),
    st.lists(st.tuples(st.integers(0, 14), st.integers(1, 4))),
)
def test_features_of_a_page_s_lines_are_the_features_of_each_line(
    lines: list[str], spans: list
) -> None:
    # each line keeps its own edges: no word, lexicon word, neighbour or rule crosses
    # into the next line, and a NUL still reads as \x01
    rules = [[(s, s + n, "PER") for s, n in spans if s + n <= len(line)] for line in lines]
    assert entities.features_of_lines(lines, rules) == [
        entities.features(line, r) for line, r in zip(lines, rules, strict=True)
    ]


def test_features_of_lines_keep_words_and_lexicon_words_to_their_line() -> None:
    # 北京 and 欧美 would be words across the line breaks if the lines ran together
    lines = ["我在北", "京说欧", "美港台", "委员会"]
    rules = [[], [(0, 2, "LOC")], [(1, 3, "LOC")], []]
    batch = entities.features_of_lines(lines, rules)
    assert batch == [entities.features(line, r) for line, r in zip(lines, rules, strict=True)]
    assert batch[0][2][6:9] == ("w=S", "w-1=S", "w+1=$")
    assert batch[1][0][6:8] == ("w=S", "w-1=^")
    assert "f=<LOC" in batch[1][2] and "x=Borgsuffix" in batch[3][0]


def test_a_page_is_tagged_as_its_lines_are_one_by_one(model_bytes: bytes) -> None:
    model = entities.load(model_bytes)
    texts = [t for t, _ in sentences(12, 900)]
    page = "\n".join(texts[:5]) + "\n\n  \n" + "\n".join(texts[5:])
    expected, candidates = [], []
    at = 0
    for line in page.split("\n"):
        rules = entities.rule_entities(line)
        candidates += [(s + at, e + at, lab, "rule", {}) for s, e, lab in rules]
        if line.strip():
            found = model.tag_line(line, rules)
            expected += [(s + at, e + at, lab, a) for s, e, lab, a in found]
        at += len(line) + 1
    found = model(page, candidates)
    assert found == expected and len(found) >= 12  # a name and a place a line
    assert model(page, []) != found  # the rules' candidates were read
    assert model(texts[0], []) == model.tag_line(texts[0]) and model("", []) == []


def test_organisations_known_by_name_are_lexicon_features() -> None:
    # orgs_known (agencies, federations, companies) is evidence for the model as it is for
    # the rules: 路透社 is marked as an organisation word
    rows = entities.features("据路透社报道")
    assert "x=Borg" in rows[1] and "x=Iorg" in rows[2] and "x=Iorg" in rows[3]


def test_the_outer_rule_candidates_are_marked_apart() -> None:
    # the rules' candidates overlap (a place inside an organisation); the model also sees
    # which one the rules would keep, the longer
    rows = entities.features("据日本环境厅消息", [(1, 3, "LOC"), (1, 6, "ORG")])
    assert "o=B-ORG" in rows[1] and "o=I-ORG" in rows[5] and "o=B-LOC" not in rows[1]
    assert "r=B-LOC" in rows[1] and "r=B-ORG" in rows[1]
    assert "o=>ORG" in rows[0] and "o=<ORG" in rows[6] and "o=<LOC" not in rows[3]


# --- a lone surrogate (a JSON "\ud800" escape) reads as U+FFFD -------------------------


def test_a_lone_surrogate_is_tagged_as_a_replacement_character(model_bytes: bytes) -> None:
    # crfsuite cannot encode a lone surrogate and refused the whole line
    model = entities.load(model_bytes)
    text = sentences(1, 700)[0][0]
    odd = "\ud800" + text + "\udfff\n" + text
    plain = "\ufffd" + text + "\ufffd\n" + text
    assert model(odd) == model(plain)
    assert any(label == "PER" for _, _, label, _ in model(odd))
    assert model.tag_line(odd.split("\n")[0]) == model.tag_line(plain.split("\n")[0])
    assert entities.features(odd) == entities.features(plain)


def test_a_model_trains_on_a_line_with_a_lone_surrogate() -> None:
    gold = sentences(30)
    odd = [
        ("\udc00" + text, [(s + 1, e + 1, label) for s, e, label in spans]) for text, spans in gold
    ]
    plain = [
        ("\ufffd" + text, [(s + 1, e + 1, label) for s, e, label in spans]) for text, spans in gold
    ]
    assert entities.train_sentences(odd) == entities.train_sentences(plain)


def _spans_tag_by_tag(tags: list[str]) -> list[tuple[int, int, str]]:
    """The reference: every tag visited, an ``O`` appended to close the last span."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for j, tag in enumerate([*tags, "O"]):
        if start >= 0 and (tag[0] != "I" or tag[2:] != label):
            out.append((start, j, label))
            start = -1
        if tag != "O" and start < 0:
            start, label = j, tag[2:]
    return out


@given(st.lists(st.sampled_from(["O", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG"])))
def test_spans_of_tags_visits_only_entity_tags_and_finds_every_span(tags: list[str]) -> None:
    assert entities.spans_of(tags) == _spans_tag_by_tag(tags)


def test_renew_unstarted_suggests_puts_the_model_on_pages_nobody_started(
    tmp_path: Path, model_bytes: bytes
) -> None:
    # What the window runs after it retrained: the next pages nobody started carry the
    # model's suggestions; a started page, a kept one and pages past the limit do not.
    text = "记者见到了何洋艳，他来自遵义。"
    with Store.open(tmp_path / "a.db") as store:
        for page_id in ("a", "b", "c", "d", "e"):
            store.add_page(Page(page_id, text), [Block(0, len(text), "body", 1)], [])
        store.apply(Op("set_page_status", "b", {"status": "in_progress"}), "ana")
        assert pipeline.renew_unstarted(store, limit=5) == (0, 0)  # no model yet
        store.save_model("entities", model_bytes, pages=12, meta={})
        assert pipeline.renew_unstarted(store, limit=2, keep=("a",)) == (0, 2)
        got = {p: {s.origin for s in store.spans(p)} for p in "abcde"}
    assert got == {"a": set(), "b": set(), "c": {"model"}, "d": {"model"}, "e": set()}


def test_renew_unstarted_suggests_leaves_pages_alone_when_the_model_suggests_nothing(
    tmp_path: Path,
) -> None:
    # A model that learnt no entity (done pages without spans) takes over no label: the
    # pages keep the rules' suggestions import gave them, and no page is counted.
    blank = [(Page(f"g{n}", "会议召开。"), [Block(0, 5, "body", 1)], []) for n in range(6)]
    text = "市委书记邓群策在长沙讲话。"
    with Store.open(tmp_path / "a.db") as store:
        store.add_page(Page("p", text), [Block(0, len(text), "body", 1)], suggest_spans(text))
        before = store.spans("p")
        store.save_model("entities", entities.train(blank), pages=6, meta={})
        assert pipeline.renew_unstarted(store, limit=5) == (0, 0)
        assert store.spans("p") == before


def test_renew_unstarted_suggests_leaves_alone_a_page_the_window_opens_meanwhile(
    tmp_path: Path, model_bytes: bytes
) -> None:
    # The retraining runs for minutes: the reviewer finishes the page kept at its start and
    # opens the next one, which nobody has started. Its suggestions must not change under
    # the reviewer's eyes (``keep`` is the window's open page as it is at each write).
    text = "记者见到了何洋艳，他来自遵义。"

    class Window:  # shows page b once page a carries the model's suggestions
        def __contains__(self, page_id: object) -> bool:
            return page_id == "b" and any(s.origin == "model" for s in store.spans("a"))

    with Store.open(tmp_path / "a.db") as store:
        for page_id in ("a", "b", "c"):
            store.add_page(Page(page_id, text), [Block(0, len(text), "body", 1)], [])
        store.save_model("entities", model_bytes, pages=12, meta={})
        assert pipeline.renew_unstarted(store, limit=5, keep=Window()) == (0, 2)
        got = {p: {s.origin for s in store.spans(p)} for p in "abc"}
    assert got == {"a": {"model"}, "b": set(), "c": {"model"}}


def test_a_label_won_overall_but_lost_in_two_folds_stays_with_the_rules() -> None:
    figures = {
        **_figures(
            {"PER": 0.70, "LOC": 0.88, "ORG": 0.74}, {"PER": 0.84, "LOC": 0.89, "ORG": 0.77}
        ),
        "folds": 5,
        "fold_wins": {"PER": 4, "LOC": 3, "ORG": 5},
    }
    assert entities.takeover(figures) == ("ORG", "PER")  # all folds but one: still the model's
    assert entities.takeover({**figures, "fold_wins": {"LOC": 4}}) == ("LOC", "ORG", "PER")
    # figures of models trained before the folds were counted read as before
    assert entities.takeover({k: v for k, v in figures.items() if k != "fold_wins"}) == (
        "LOC",
        "ORG",
        "PER",
    )
    assert entities.takeover({**figures, "folds": 2, "fold_wins": {"LOC": 1}}) == (
        "LOC",
        "ORG",
        "PER",
    )


def test_cross_validation_counts_the_folds_each_label_was_won_in() -> None:
    figures = entities.cross_validate(gold_pages(12), 3)
    wins = figures["fold_wins"]
    assert set(wins) == {"LOC", "PER"}
    assert all(0 <= wins[label] <= figures["folds"] for label in wins)
    overall = entities.takeover({**figures, "fold_wins": {}})
    steady = tuple(label for label in overall if wins[label] >= figures["folds"] - 1)
    assert entities.takeover(figures) == steady


def test_fold_wins_counts_the_folds_where_the_model_scored_at_least_the_rules() -> None:
    from annotator.learn.entity_training import fold_wins

    per, loc = (0, 2, "PER"), (3, 5, "LOC")
    gold = {per, loc}
    both, rules_only = [(gold, gold)], [(gold, {loc})]
    folds = [
        # fold 1: the model finds the name the rules miss; both find the place
        {"rules": rules_only, "model": both},
        # fold 2: the model misses the name the rules find (LOC a tie: a win)
        {"rules": both, "model": rules_only},
        # fold 3: no name in the gold (a win, nothing against it); the model misses the place
        {"rules": [({loc}, {loc})], "model": [({loc}, set())]},
    ]
    assert fold_wins(folds, ["PER", "LOC"]) == {"PER": 2, "LOC": 2}


def test_annotator_train_tells_a_label_lost_in_two_folds_stays_with_the_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = gold_db(tmp_path / "t.db", 6)
    real = entities.cross_validate

    def loc_lost_in_folds(pages, folds):  # as a label won on a few articles only
        figures = with_evidence(real(pages, folds), "PER", "LOC")
        figures["rules"]["LOC"]["f1"] = 0.0
        figures["fold_wins"]["LOC"] = figures["folds"] - 2
        return figures

    monkeypatch.setattr(entities, "cross_validate", loc_lost_in_folds)
    result = CliRunner().invoke(main, ["--db", str(db), "train", "--folds", "3"])
    assert result.exit_code == 0, result.output
    assert "the rules' for LOC (the model did worse in more than one fold)" in result.output
    with Store.open(db) as store:
        record = store.latest_model("entities")
        assert record is not None
        assert "LOC" not in entities.load(record.data).labels


def test_a_name_label_left_to_the_rules_gets_no_spans_of_the_model() -> None:
    # the model's places where it was not trusted with LOC (and the rules found none) are
    # left out; its figures still fill the gaps between the rules' ones
    class Stub:
        labels = ("PER",)

        def __call__(self, text, candidates):
            return [
                (0, 3, "PER", {"confidence": 0.9}),
                (5, 8, "LOC", {"confidence": 0.9}),
                (9, 11, "FIGURE", {"confidence": 0.9}),
            ]

    text = "何洋艳去了甲乙丙和丁戊。"
    got = [(text[s.start : s.end], s.label, s.origin) for s in suggest_spans(text, tagger=Stub())]
    assert ("何洋艳", "PER", "model") in got
    assert not any(label == "LOC" and origin == "model" for _, label, origin in got)
    assert ("丁戊", "FIGURE", "model") in got


def test_a_label_won_by_no_more_than_chance_stays_with_the_rules() -> None:
    # Across the folds the model scored above the rules on every label and won every fold,
    # but on LOC it was right where they were wrong on 74 spans and wrong where they were
    # right on 59: 15 apart, less than 1.96 * sqrt(133); PER 71 to 44 and ORG 133 to 92
    # are more than chance.
    figures = {
        **_figures(
            {"PER": 0.83, "LOC": 0.892, "ORG": 0.77}, {"PER": 0.84, "LOC": 0.895, "ORG": 0.78}
        ),
        "folds": 5,
        "fold_wins": {"PER": 5, "LOC": 5, "ORG": 5},
        "against_rules": {"model": {"PER": [71, 44], "LOC": [74, 59], "ORG": [133, 92]}},
    }
    assert entities.takeover(figures) == ("ORG", "PER")
    ahead = {"model": {"PER": [71, 44], "LOC": [90, 59], "ORG": [133, 92]}}
    assert entities.takeover({**figures, "against_rules": ahead}) == ("LOC", "ORG", "PER")
    # no name apart (the model suggests what the rules do) is no evidence either way
    level = {"model": {"PER": [0, 0], "LOC": [0, 0], "ORG": [0, 0]}}
    assert entities.takeover({**figures, "against_rules": level}) == ()
    # figures of models trained before the spans apart were counted read as before
    older = {k: v for k, v in figures.items() if k != "against_rules"}
    assert entities.takeover(older) == ("LOC", "ORG", "PER")


def test_a_label_is_taken_over_only_on_enough_names_apart_for_the_sign_test() -> None:
    # all names apart in the model's favour: an exact two-sided sign test at 5% passes on 6
    # (2 * 0.5**6 = 0.031) and no fewer; the normal approximation passed on 4 and 5, and on
    # none at all (0 >= 1.96 * 0)
    assert [entities.min_apart(tested) for tested in (1, 2, 3, 4)] == [6, 7, 7, 8]
    figures = {**_figures({"LOC": 0.80}, {"LOC": 0.82}), "folds": 5, "fold_wins": {"LOC": 5}}
    for better, taken in ((0, ()), (1, ()), (5, ()), (6, ("LOC",))):
        counts = {"model": {"LOC": [better, 0]}}
        assert entities.takeover({**figures, "against_rules": counts}) == taken, better
    # beside two more labels the level is shared: 6 to 0 passes the normal test at 2.39
    # (6 / sqrt(6) = 2.45) but not the exact one at a third of 5% (0.031 > 0.017)
    three = {
        **_figures({"LOC": 0.80, "PER": 0.8, "ORG": 0.8}, {"LOC": 0.82, "PER": 0.7, "ORG": 0.7}),
        "against_rules": {"model": {"LOC": [6, 0]}},
    }
    assert entities.takeover(three) == ()
    three["against_rules"]["model"]["LOC"] = [7, 0]
    assert entities.takeover(three) == ("LOC",)


def test_annotator_train_tells_a_label_with_too_few_names_apart_stays_with_the_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the six done pages set no name apart: the model scores as the rules do on both labels
    # and takes neither over
    db = gold_db(tmp_path / "t.db", 6)
    real = entities.cross_validate

    def per_ahead(pages, folds):  # PER ahead on names apart, LOC on none
        return with_evidence(real(pages, folds), "PER")

    monkeypatch.setattr(entities, "cross_validate", per_ahead)
    result = CliRunner().invoke(main, ["--db", str(db), "train", "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert (
        "suggestions: the model's for PER; the rules' for LOC (too few names apart to judge: "
        "LOC right on 0 names the rules had wrong, wrong on 0 they had right; the model takes "
        "a label over on 7 or more)"
    ) in result.output
    with Store.open(db) as store:
        record = store.latest_model("entities")
        assert record is not None
        assert entities.load(record.data).labels == ("PER",)


def test_the_chance_test_shares_its_level_among_the_labels_tested() -> None:
    from annotator.learn.entity_bounds import _chance_z

    assert round(_chance_z(1), 2) == 1.96 and round(_chance_z(3), 2) == 2.39
    # LOC 94 names to 65: 29 apart, more than 1.96 * sqrt(159) (24.7) but less than
    # 2.39 * sqrt(159) (30.2): alone it is taken over, beside PER and ORG it is not
    apart = {"model": {"PER": [175, 63], "LOC": [94, 65], "ORG": [146, 82]}}
    figures = {
        **_figures(
            {"PER": 0.83, "LOC": 0.892, "ORG": 0.77}, {"PER": 0.84, "LOC": 0.895, "ORG": 0.78}
        ),
        "folds": 5,
        "fold_wins": {"PER": 5, "LOC": 5, "ORG": 5},
        "against_rules": apart,
    }
    assert entities.takeover(figures) == ("ORG", "PER")
    alone = {
        **_figures({"LOC": 0.892}, {"LOC": 0.895}),
        "folds": 5,
        "fold_wins": {"LOC": 5},
        "against_rules": {"model": {"LOC": [94, 65]}},
    }
    assert entities.takeover(alone) == ("LOC",)


def test_the_chance_test_counts_the_way_the_label_scored_best_in() -> None:
    # LOC's best way is the tagger alone (crf): its spans apart decide, not the model's
    figures = {
        **_figures({"LOC": 0.80}, {"LOC": 0.81}),
        "crf": {"LOC": {"f1": 0.84}},
        "against_rules": {"model": {"LOC": [10, 9]}, "crf": {"LOC": [40, 10]}},
    }
    assert entities.takeover(figures) == ("LOC",)
    figures["against_rules"]["crf"]["LOC"] = [20, 19]
    assert entities.takeover(figures) == ()


def test_the_names_apart_are_those_of_the_labels_best_way() -> None:
    from annotator.learn.entity_bounds import apart

    figures = {
        **_figures({"LOC": 0.80}, {"LOC": 0.81}),
        "crf": {"LOC": {"f1": 0.84}},
        "against_rules": {"model": {"LOC": [10, 9]}, "crf": {"LOC": [40, 10]}},
    }
    assert apart(figures, "LOC") == (40, 10)  # what the chance test, train and the bench read
    assert apart(figures, "PER") == (0, 0)
    assert apart({k: v for k, v in figures.items() if k != "against_rules"}, "LOC") == (0, 0)


def test_against_rules_counts_the_spans_each_got_right_where_the_other_did_not() -> None:
    from annotator.learn.entity_training import against_rules

    per, loc, wrong_loc, wrong_per = (0, 2, "PER"), (3, 5, "LOC"), (6, 8, "LOC"), (9, 10, "PER")
    gold = {per, loc}
    cases = {
        # line 1: the model finds the name the rules miss, and leaves out their wrong place
        # line 2: the model misses the place the rules find, and adds a wrong name
        "rules": [(gold, {loc, wrong_loc}), (gold, {per, loc})],
        "model": [(gold, {per, loc}), (gold, {per, wrong_per})],
    }
    counts = against_rules(cases, ["LOC", "PER"])
    assert counts["model"] == {"LOC": [1, 1], "PER": [1, 1]}
    assert "crf" not in counts  # a way not scored is not counted


def test_against_rules_counts_a_name_once_however_many_spans_it_has() -> None:
    from annotator.learn.entity_training import against_rules

    gold = {(0, 3, "LOC"), (5, 7, "PER")}
    cases = {
        # line 1: the model fixes the rules' bound (0, 2): one name better, not two spans
        # line 2: the model cuts a name the rules had right (one worse) and splits another
        #         where the rules were wrong too (neither: not counted)
        "rules": [(gold, {(0, 2, "LOC"), (5, 7, "PER")}), (gold, {(0, 3, "LOC"), (5, 6, "PER")})],
        "model": [(gold, {(0, 3, "LOC"), (5, 7, "PER")}), (gold, {(0, 1, "LOC"), (1, 3, "LOC"),
                                                              (5, 6, "PER"), (6, 7, "PER")})],
    }  # fmt: skip
    assert against_rules(cases, ["LOC", "PER"])["model"] == {"LOC": [1, 1], "PER": [0, 0]}
    # spans joined by a chain of overlaps are one name: a wrong long span of the rules over
    # two the model had right is one name better
    gold2 = {(0, 2, "ORG"), (2, 4, "ORG")}
    chained = {"rules": [(gold2, {(1, 3, "ORG")})], "model": [(gold2, gold2)]}
    assert against_rules(chained, ["ORG"])["model"] == {"ORG": [1, 0]}


def test_cross_validation_counts_the_names_apart_of_each_way() -> None:
    from annotator.learn.entity_training import against_rules

    figures = entities.cross_validate(gold_pages(12), 3)
    apart = figures["against_rules"]
    assert set(apart) >= {"model", "crf"}
    assert all(len(pair) == 2 for labels in apart.values() for pair in labels.values())
    assert against_rules({}, ["LOC"]) == {}  # no way scored, nothing counted


def test_annotator_train_tells_a_label_won_by_no_more_than_chance_stays_with_the_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = gold_db(tmp_path / "t.db", 6)
    real = entities.cross_validate

    def loc_ahead_by_chance(pages, folds):  # as a label won on a few spans of thousands
        figures = with_evidence(real(pages, folds), "PER")
        figures["rules"]["LOC"]["f1"] = 0.0
        figures["fold_wins"]["LOC"] = figures["folds"]
        for counts in figures["against_rules"].values():
            counts["LOC"] = [74, 59]
        return figures

    monkeypatch.setattr(entities, "cross_validate", loc_ahead_by_chance)
    result = CliRunner().invoke(main, ["--db", str(db), "train", "--folds", "3"])
    assert result.exit_code == 0, result.output
    assert (
        "the rules' for LOC (the model was ahead of them by no more than chance: LOC right "
        "on 74 names the rules had wrong, wrong on 59 they had right)"
    ) in result.output
    with Store.open(db) as store:
        record = store.latest_model("entities")
        assert record is not None
        assert "LOC" not in entities.load(record.data).labels
