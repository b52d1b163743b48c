"""suggest_spans: ordering, overlap rule, rejections, blocks, span invariants."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.model import Block, Span
from annotator.suggest import resolve_overlaps, resolve_rule_triples, rule_spans, suggest_spans

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def test_sorted_suggested_and_non_overlapping():
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        spans = suggest_spans(text)
        assert spans == sorted(spans, key=lambda sp: (sp.start, sp.end))
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start
        for sp in spans:
            assert sp.status == "suggested" and sp.origin == "rule" and sp.id is None
            piece = text[sp.start : sp.end]
            assert piece and piece == piece.strip() and "\n" not in piece
            assert "#" not in piece and "*" not in piece


def test_fast_spans_equal_ordinary_spans():
    (sp, *_) = suggest_spans("市委书记王建华")
    assert sp == Span(sp.start, sp.end, sp.label, origin="rule", status="suggested", attrs={})
    assert dataclasses.replace(sp, status="accepted").status == "accepted"
    assert hash(sp) == hash(Span(sp.start, sp.end, sp.label, "rule", "suggested"))


def test_rejected_triples_are_not_proposed_again():
    text = "市委书记王建华出席"
    first = suggest_spans(text)
    per = next(sp for sp in first if sp.label == "PER")
    again = suggest_spans(text, rejected={(per.start, per.end, "PER")})
    assert (per.start, per.end, "PER") not in {(s.start, s.end, s.label) for s in again}
    assert len(again) == len(first) - 1


def test_rejecting_the_long_candidate_lets_the_shorter_one_through():
    text = "衡阳市委召开会议"
    (org,) = suggest_spans(text)
    assert (text[org.start : org.end], org.label) == ("衡阳市委", "ORG")
    after = suggest_spans(text, rejected={(org.start, org.end, "ORG")})
    assert [(text[s.start : s.end], s.label) for s in after] == [("衡阳市", "LOC")]


def test_overlap_rule():
    spans = [
        Span(0, 3, "LOC", origin="rule"),
        Span(0, 10, "ORG", origin="rule"),  # longer, other label: wins
        Span(20, 23, "PER", origin="rule"),
        Span(20, 22, "PER", origin="gazetteer"),  # same label: gazetteer wins
        Span(30, 33, "FIGURE", origin="rule"),
        Span(30, 33, "DATE", origin="rule"),  # same length: DATE before FIGURE
        Span(40, 42, "LOC", origin="model"),
        Span(41, 44, "LOC", origin="model"),  # same origin and label: longer wins
    ]
    kept = [(s.start, s.end, s.label, s.origin) for s in resolve_overlaps(spans)]
    assert kept == [
        (0, 10, "ORG", "rule"),
        (20, 22, "PER", "gazetteer"),
        (30, 33, "DATE", "rule"),
        (41, 44, "LOC", "model"),
    ]


_TRIPLES = st.lists(
    st.tuples(st.integers(0, 15), st.integers(0, 4), st.sampled_from(["PER", "LOC", "DATE"])).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=6,
)


@given(_TRIPLES)
def test_rule_triples_resolve_as_the_overlap_rule_resolves_rule_spans(triples):
    """resolve_rule_triples (the learnt tagger's features; a shortcut when nothing
    overlaps) keeps what resolve_overlaps keeps of the same rule spans, in text order."""
    spans = [Span(s, e, label, origin="rule") for s, e, label in triples if s < e]
    kept = [(sp.start, sp.end, sp.label) for sp in resolve_overlaps(spans)]
    assert resolve_rule_triples([(s.start, s.end, s.label) for s in spans]) == kept


def test_blocks_with_role_other_are_skipped():
    text = "广告:市委书记王建华\n市长李明出席"
    cut = text.index("\n")
    blocks = [Block(0, cut, role="other"), Block(cut + 1, len(text), role="body")]
    spans = suggest_spans(text, blocks=blocks)
    assert spans and all(sp.start > cut for sp in spans)
    assert len(suggest_spans(text)) > len(spans)


def test_astral_characters_shift_offsets_by_one_code_point():
    text = "市委书记王建华主持会议,3月4日投资600万元"
    base = [(s.start, s.end, s.label) for s in suggest_spans(text)]
    shifted = [(s.start - 1, s.end - 1, s.label) for s in suggest_spans("𠮷" + text)]
    assert base == shifted and base


def test_rule_spans_lists_every_candidate():
    text = "衡阳市委"
    labels = {(text[s.start : s.end], s.label) for s in rule_spans(text)}
    assert {("衡阳市委", "ORG"), ("衡阳市", "LOC")} <= labels


_ALPHABET = st.sampled_from(
    list("市委书记长王李张欧阳省县区局中心政府公司年月日今去近约万亿个人元亩第一二三十百0123456789")
    + list("的在与和、,。 \n#*“”《》𠮷")
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_invariants_on_arbitrary_text(text):
    spans = suggest_spans(text)
    previous_end = 0
    for sp in spans:
        assert 0 <= sp.start < sp.end <= len(text)
        assert sp.start >= previous_end
        previous_end = sp.end
        piece = text[sp.start : sp.end]
        assert not piece[0].isspace() and not piece[-1].isspace()
        assert "\n" not in piece and "#" not in piece and "*" not in piece
        assert sp.status == "suggested"
        if sp.label == "FIGURE":
            assert isinstance(sp.attrs.get("value"), int | float) and "unit" in sp.attrs


def test_a_region_never_reaches_across_a_line_end():
    # `$` matches before a final newline when searching with endpos; the rules use \\Z
    for text in ("区\n委", "中共衡阳\n市委", "1至\n4月", "上午\n10时", "零下\n5℃", "2019-\n2021年"):
        for sp in suggest_spans(text):
            assert "\n" not in text[sp.start : sp.end], (text, sp)
    assert suggest_spans("区\n委") == []


_FRAGMENTS = st.sampled_from(
    [
        *"市委书记王建华中共县区镇人民政府3月4日上午10时约万元、等第一前至-/:：( （",
        "\n",
        " ",
        "\u3000",
        "#",
        "**",
        "记者 ",
        "等同志",
        "百分之",
        "领导小组",
        "办公室",
        "衡阳",
        "𠮷",
        "今年",
        "2020年",
        "二〇二〇",
        "一九九八",
        "１２",
        "12",
        "零下",
        "市领导",
        "、",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=30).map("".join))
def test_invariants_on_composed_fragments(text):
    test_invariants_on_arbitrary_text.hypothesis.inner_test(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="哈张三丰𠮷李四a", max_size=40),
    st.sets(st.text(alphabet="哈张三丰𠮷李四a", min_size=1, max_size=4), max_size=6),
)
def test_the_starts_of_words_are_those_a_find_loop_gives(text, words):
    """``_text.starts_of`` (found from the words' first characters) gives each word the
    starts that a loop of ``str.find`` from the end of the last one gives: overlapping
    words, words inside others, repeated characters (哈哈 in 哈哈哈), astral ones."""
    from annotator.suggest._text import starts_of

    expected = {}
    for word in words:
        expected[word] = []
        i = text.find(word)
        while i != -1:
            expected[word].append(i)
            i = text.find(word, i + len(word))
    assert starts_of(text, words) == expected
