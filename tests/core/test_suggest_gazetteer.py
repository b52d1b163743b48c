"""The gazetteer learnt from gold: activation and blocking rules, matching, speed."""

from __future__ import annotations

import random

from annotator.suggest import Gazetteer, suggest_spans


def found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(text[sp.start : sp.end], sp.label) for sp in gaz.find(text)]


def test_accepted_strings_are_suggested_everywhere():
    gaz = Gazetteer.from_counts({("雁城", "LOC"): 1, ("蔡伦", "PER"): 2})
    text = "扮美雁城。雁城人纪念蔡伦"
    assert found(gaz, text) == [("雁城", "LOC"), ("雁城", "LOC"), ("蔡伦", "PER")]
    for sp in gaz.find(text):
        assert sp.origin == "gazetteer" and sp.status == "suggested"


def test_rejection_rule():
    gaz = Gazetteer.from_counts(
        accepted={("甲乙", "ORG"): 3, ("丙丁", "ORG"): 1, ("戊己", "ORG"): 2},
        rejected={("甲乙", "ORG"): 1, ("丙丁", "ORG"): 2, ("戊己", "ORG"): 2, ("庚辛", "LOC"): 5},
    )
    # rejected >= 2 and rejected > accepted: blocked
    assert gaz.is_blocked("丙丁", "ORG") and gaz.is_blocked("庚辛", "LOC")
    assert "丙丁" not in gaz and "庚辛" not in gaz
    # one rejection, or as many rejections as acceptances: still suggested
    assert gaz.label_of("甲乙") == "ORG" and gaz.label_of("戊己") == "ORG"
    assert not gaz.is_blocked("戊己", "ORG")


def test_blocked_pairs_also_silence_the_rules():
    text = "记者自市园林绿化服务中心获悉"
    rule = [(text[s.start : s.end], s.label) for s in suggest_spans(text)]
    assert ("市园林绿化服务中心", "ORG") in rule
    gaz = Gazetteer.from_counts({}, {("市园林绿化服务中心", "ORG"): 3})
    assert ("市园林绿化服务中心", "ORG") not in [
        (text[s.start : s.end], s.label) for s in suggest_spans(text, gazetteer=gaz)
    ]


def test_label_with_most_net_acceptances_wins():
    gaz = Gazetteer.from_counts({("中国", "LOC"): 10, ("中国", "ORG"): 2}, {("中国", "LOC"): 1})
    assert gaz.label_of("中国") == "LOC"


def test_longest_entry_wins_and_short_or_blank_entries_are_ignored():
    gaz = Gazetteer.from_counts(
        {("衡阳", "LOC"): 1, ("衡阳市政府", "ORG"): 1, ("市", "LOC"): 9, (" 空格", "PER"): 1}
    )
    assert found(gaz, "衡阳市政府和衡阳") == [("衡阳市政府", "ORG"), ("衡阳", "LOC")]
    assert "市" not in gaz and " 空格" not in gaz


def test_ascii_entries_match_whole_words_only():
    gaz = Gazetteer.from_counts({("AB", "ORG"): 1})
    assert found(gaz, "AB公司与ABC公司") == [("AB", "ORG")]


def test_figure_entries_carry_attrs():
    gaz = Gazetteer.from_counts({("720万亩", "FIGURE"): 1})
    (span,) = gaz.find("面积720万亩")
    assert span.attrs == {"value": 7_200_000, "unit": "亩"}


def test_from_reviewed_counts_statuses():
    gaz = Gazetteer.from_reviewed(
        [("雁城", "LOC", "accepted"), ("中心", "ORG", "rejected"), ("中心", "ORG", "rejected")]
    )
    assert gaz.label_of("雁城") == "LOC" and gaz.is_blocked("中心", "ORG")


def test_gazetteer_beats_a_rule_of_the_same_label_and_loses_to_a_longer_other_label():
    text = "会上,市领导邓柯传达了精神。衡阳市行政审批服务局获奖"
    gaz = Gazetteer.from_counts({("邓柯", "PER"): 1, ("衡阳", "LOC"): 1})
    spans = {(text[s.start : s.end], s.label, s.origin) for s in suggest_spans(text, gazetteer=gaz)}
    assert ("邓柯", "PER", "gazetteer") in spans
    assert ("衡阳市行政审批服务局", "ORG", "rule") in spans
    assert not any(frag == "衡阳" for frag, _l, _o in spans)


def test_astral_offsets():
    gaz = Gazetteer.from_counts({("𠮷野家", "ORG"): 1})
    (span,) = gaz.find("在𠮷野家吃饭")
    assert (span.start, span.end) == (1, 4)


def test_a_big_gazetteer_finds_its_entries_in_a_long_page():
    # Its speed is measured by bench/gazetteer.py, not here: timings flake on busy machines.
    rng = random.Random(4)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    entries = {("".join(rng.choices(chars, k=rng.randint(2, 6))), "ORG"): 1 for _ in range(20000)}
    gaz = Gazetteer.from_counts(entries)
    words = [w for w, _ in list(entries)[:50]]
    page = "，".join(words)
    found = {page[s.start : s.end] for s in gaz.find(page)}
    assert set(words) <= found


def test_a_string_mostly_left_untagged_on_done_pages_is_not_suggested():
    # gold tags 中央 as ORG 30 times and leaves it untagged 300 times: no ORG everywhere
    accepted = {("中央", "ORG"): 30, ("雁城", "LOC"): 9}
    seen = {"中央": 330, "雁城": 10}
    tagged = {("中央", "ORG"): 30, ("雁城", "LOC"): 9}
    gaz = Gazetteer.from_counts(accepted, seen=seen, tagged=tagged)
    assert found(gaz, "中央与雁城") == [("雁城", "LOC")]
    # without the done pages' counts, every accepted string is active (as before)
    assert "中央" in Gazetteer.from_counts(accepted)


def test_one_occurrence_on_done_pages_says_too_little():
    # accepted on the page in review (no done page yet) or seen once: still suggested
    gaz = Gazetteer.from_counts({("邓群策", "PER"): 1}, seen={}, tagged={})
    assert "邓群策" in gaz
    gaz = Gazetteer.from_counts({("邓群策", "PER"): 1}, seen={"邓群策": 1}, tagged={})
    assert "邓群策" in gaz


def test_the_share_is_asked_of_each_label():
    # 中国 tagged LOC on most of its occurrences, ORG on a few: LOC only
    accepted = {("中国", "LOC"): 18, ("中国", "ORG"): 2}
    gaz = Gazetteer.from_counts(accepted, seen={"中国": 20}, tagged=accepted)
    assert gaz.label_of("中国") == "LOC"
    gaz = Gazetteer.from_counts(
        {("中国", "ORG"): 2}, seen={"中国": 20}, tagged={("中国", "ORG"): 2}
    )
    assert "中国" not in gaz


def test_occurrences_are_counted_overlapping_and_inside_longer_strings():
    from annotator.suggest.gazetteer import count_occurrences

    texts = ["中央电视台报道，中央决定", "中央\ud800中央"]  # a lone surrogate is read too
    assert count_occurrences(["中央", "中央电视台", "电视"], texts) == {
        "中央": 4,
        "中央电视台": 1,
        "电视": 1,
    }
    assert count_occurrences([], texts) == {}


class _Tagger:
    """A learnt tagger's stand-in: it knows PER and ORG and tags what it is given."""

    labels = ("ORG", "PER")

    def __init__(self, spans):
        self.spans = spans

    def __call__(self, text, candidates):
        return [(s, e, label, {}) for s, e, label in self.spans]


def test_with_a_learnt_tagger_the_gazetteer_only_fills_the_gaps():
    gaz = Gazetteer.from_counts({("北京", "LOC"): 5, ("雁城", "LOC"): 2})
    text = "北京大学在雁城"
    spans = suggest_spans(text, gazetteer=gaz, tagger=_Tagger([(0, 4, "ORG")]))
    got = [(text[sp.start : sp.end], sp.label, sp.origin) for sp in spans]
    # 北京 is inside the tagger's 北京大学; 雁城 overlaps nothing of it: still suggested
    assert got == [("北京大学", "ORG", "model"), ("雁城", "LOC", "gazetteer")]
    # same label, same place: the tagger's boundary, not the gazetteer's shorter string
    gaz = Gazetteer.from_counts({("邓柯", "PER"): 3})
    spans = suggest_spans("邓柯传说", gazetteer=gaz, tagger=_Tagger([(0, 3, "PER")]))
    assert [(sp.start, sp.end, sp.origin) for sp in spans] == [(0, 3, "model")]
    # nor does it outrank the rules of a label the tagger left to them (LOC here)
    gaz = Gazetteer.from_counts({("衡阳", "LOC"): 3})
    text = "市委书记在衡阳市调研"
    assert any(
        s.origin == "rule" and text[s.start : s.end] == "衡阳市" for s in suggest_spans(text)
    )
    spans = suggest_spans(text, gazetteer=gaz, tagger=_Tagger([]))
    assert [(text[s.start : s.end], s.origin) for s in spans if s.label == "LOC"] == [
        ("衡阳市", "rule")
    ]
    # without a tagger, the gazetteer's string wins over the rule's, as before
    spans = suggest_spans(text, gazetteer=gaz)
    assert [(text[s.start : s.end], s.origin) for s in spans if s.label == "LOC"] == [
        ("衡阳", "gazetteer")
    ]
