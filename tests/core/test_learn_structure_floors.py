"""The structure model's join floors and role floors per band (issue #9): learnt from how its
held-out decisions that differ from the rules' fared in cross-validation, so that on few
reviewed pages it keeps the rules where it is not better; the split stays valid under any
floors, training stays deterministic and models of versions 5 and 6 still load.
"""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies

from annotator.learn import structure as st
from annotator.learn.structure import model as st_model
from annotator.model import fast_block
from annotator.split.page import analyse_page

from .test_learn_structure import (
    _SOME_DECISIONS,
    _floored,
    _start_counts,
    assert_valid_split,
    corpus,
    gold_pages,
    with_takeover,
)
from .test_split_properties import ANY_PAGE


@pytest.fixture(scope="module")
def trained() -> bytes:
    return st.train([p for paper in corpus.PAPERS for p in gold_pages(paper, 8)])


@pytest.fixture(scope="module")
def model(trained):
    return st.load(trained)


def _counts(floors, **bands):
    """Counts of a scope: per band, at each floor of ``floors``, the sums of the count lists
    of the model's differing decisions at least that sure (``{confidence: [right, wrong,
    ...]}``)."""
    out = {}
    for band, by_sure in bands.items():
        width = len(next(iter(by_sure.values()))) if by_sure else 2
        out[band] = {}
        for floor in floors:
            above = [c for sure, c in by_sure.items() if sure >= floor]
            out[band][f"{floor:g}"] = [sum(c[i] for c in above) for i in range(width)]
    return out


def test_joins_stay_the_rules_unless_the_model_won_by_a_margin_in_cross_validation():
    # Where the rules hesitate, the model's differing joins 0.95 sure were right 5 times and
    # wrong once: they overrule the rules' from there (the highest floor of a tie). Where the
    # rules are sure it won by 2, under the margin (noise of a few joins): the rules' stand.
    assert min(st.MIN_GAINS["join"], st.FEW_PAGES_GAINS["join"]) > 2
    counts = _counts(st.JOIN_FLOORS, sure={0.99: (2, 0)}, unsure={0.95: (5, 1), 0.6: (0, 3)})
    for pages in (None, st.FLOOR_MIN_PAGES - 1, st.FLOOR_MIN_PAGES):
        taken = ["role", "start"]
        assert st.join_floors(counts, taken, pages) == {"sure": None, "unsure": 0.95}
        assert taken == ["role", "start", "join"]
    # no band wins by the margin: the joins are the rules', whatever the join F1 said
    taken = ["join"]
    assert st.join_floors(_counts(st.JOIN_FLOORS, unsure={0.9: (1, 1)}), taken) == {
        "sure": None,
        "unsure": None,
    }
    assert taken == []


def test_a_join_or_start_floor_needs_more_pages_won_than_lost():
    # The model's differing joins 0.9 sure: eleven right on one page, one wrong on each of
    # two others (s28 curve: eleven of the twelve joins it won in the wrap form's sure band
    # were on one page). By joins it won by nine; by pages it lost: the rules' joins stand.
    one_page = _counts(st.JOIN_FLOORS, sure={0.9: (11, 2, 1, 2)})
    taken = ["role", "join"]
    assert st.join_floors(one_page, taken, 50) == {"sure": None, "unsure": None}
    assert taken == ["role"]
    # the same margin spread over pages (right on four, wrong on one): the model's joins
    spread = _counts(st.JOIN_FLOORS, sure={0.9: (6, 1, 4, 1)})
    assert st.join_floors(spread, taken, 50) == {"sure": 0.9, "unsure": None}
    assert taken == ["role", "join"]
    # a tie in pages keeps the rules' start decisions too
    starts = _counts(st.START_FLOORS, unsure={0.8: (5, 1, 2, 2)})
    assert st.start_floors(starts, ["start"], 50)["unsure"] is None
    # figures without page counts (two places, before them) are judged by decisions alone
    assert st.join_floors(_counts(st.JOIN_FLOORS, sure={0.9: (11, 2)}), [], 50)["sure"] == 0.9


def test_cross_validation_counts_the_pages_the_model_won_and_lost():
    # a headline and four body paragraphs, the rules sure they join nothing; gold joins the
    # last three on the first page and none on the two others; the model joins the last three
    # on the first page and the third paragraph on the others
    def page(joins):
        blocks = [_at(0, "headline", 1, False, 1.0)]
        return blocks + [_at(i, "body", 1, i in joins, 0.97) for i in range(1, 5)]

    rules, wanted = page(()), page((2, 3, 4))
    preds = {
        "rules": [("", wanted, rules), ("", rules, rules), ("", rules, rules)],
        "model": [("", wanted, wanted), ("", rules, page((2,))), ("", rules, page((2,)))],
    }
    joins = st_model._differing_counts(preds)["joins"]
    # right three times on one page, wrong twice on two: one page won, two lost
    assert joins["sure"]["0.9"] == [3, 2, 1, 2]
    assert joins["sure"]["0.98"] == [0, 0, 0, 0] and joins["unsure"]["0"] == [0, 0, 0, 0]


def test_on_few_pages_a_start_floor_needs_a_wider_margin():
    counts = _counts(st.START_FLOORS, unsure={0.9: (3, 1)})
    assert st.start_floors(counts, [], st.FLOOR_MIN_PAGES)["unsure"] == 0.9
    assert st.start_floors(counts, [], st.FLOOR_MIN_PAGES - 1)["unsure"] is None


def test_role_floors_per_band_never_take_a_floor_that_lost_gold_heading_lines():
    # counts: [right, wrong, right on gold heading lines, wrong on them]
    counts = _counts(
        st.BAND_ROLE_FLOORS,
        **{
            # the model relabels title lines (headline -> kicker) well from 0.9 (so from 0.7:
            # nothing between them; a role floor is the lower of a tie)
            "title>title": {0.9: (4, 1, 4, 1), 0.6: (0, 3, 0, 3)},
            # and an intertitle as a headline never well
            "heading>heading": {0.5: (1, 2, 1, 2)},
            # it reads rules' headings as text: more right over all, but it loses headings
            "heading>text": {0.95: (6, 2, 0, 2)},
            # and never does better reading text as headings
            "text>heading": {0.9: (1, 1, 1, 0)},
        },
    )
    taken = ["start"]
    floors = st.role_floors(counts, taken)
    assert floors == {
        "title>title": 0.7,
        "heading>heading": None,
        "heading>text": None,
        "text>heading": None,
        "text>text": None,
    }
    assert taken == ["role", "start"]
    assert st.role_band("headline", "kicker") == "title>title"
    assert st.role_band("subheadline", "headline") == "title>title"
    assert st.role_band("intertitle", "headline") == "heading>heading"
    assert st.role_band("kicker", "intertitle") == "heading>heading"
    assert st.role_band("intertitle", "body") == "heading>text"
    assert st.role_band("caption", "subheadline") == "text>heading"
    assert st.role_band("byline", "other") == "text>text"


def test_a_tie_of_role_floors_takes_the_lower_one_and_of_start_floors_the_higher():
    # no held-out decision between 0.5 and 0.95: the roles from 0.5, the starts from 0.95
    roles = _counts(st.BAND_ROLE_FLOORS, **{"title>title": {0.96: (3, 0, 3, 0)}})
    roles["title>title"]["0"] = [3, 1, 3, 1]  # one wrong under 0.5
    assert st.role_floors(roles, [])["title>title"] == 0.5
    starts = _start_counts(unsure={0.96: (3, 0), 0.2: (0, 1)})
    assert st.start_floors(starts, [])["unsure"] == 0.95
    assert st.join_floors(starts, [])["unsure"] == 0.95
    assert "role" in st.LOWER_ON_TIE and not {"start", "join"} & st.LOWER_ON_TIE


def test_a_tie_of_role_floors_goes_no_lower_than_the_least_sure_held_out_role():
    # held-out roles only from 0.8 on: floors 0 to 0.8 tie, 0.8 is taken (not 0, unchecked)
    roles = _counts(st.BAND_ROLE_FLOORS, **{"title>title": {0.8: (3, 0, 3, 0)}})
    assert st.role_floors(roles, [])["title>title"] == 0.8
    # one more held-out role, at 0.6 (one right, one wrong): floors 0 to 0.8 still tie, and
    # the lowest seen is 0.6: the floor is 0.5, the candidate at or below it
    roles = _counts(st.BAND_ROLE_FLOORS, **{"title>title": {0.8: (3, 0, 3, 0), 0.6: (1, 1, 1, 1)}})
    assert st.role_floors(roles, [])["title>title"] == 0.5


def _banded(pages, joins, roles):
    figures = _floored((0.9, 0.9, 0.9), (0.95, 0.8, 0.95), {}, pages)
    figures["starts"] = _start_counts()
    figures["joins"] = joins
    figures["roles"] = roles
    return figures


def test_takeover_chooses_join_and_role_floors_per_scope():
    joins = _counts(st.JOIN_FLOORS, unsure={0.95: (5, 1)})
    roles = _counts(st.BAND_ROLE_FLOORS, **{"heading>heading": {0.9: (4, 1, 4, 1)}})
    figures = _banded(st.FLOOR_MIN_PAGES, joins, roles)
    figures["papers"] = {
        "west": _banded(st.PAPER_MIN_PAGES, joins, roles),
        "south": _banded(st.PAPER_MIN_PAGES, joins, _counts(st.BAND_ROLE_FLOORS)),
    }
    chosen = st.takeover(figures)
    assert chosen["all"] == ["role", "join"]
    assert chosen["join_floors"]["all"] == {"sure": None, "unsure": 0.95}
    # every floor up to 0.9 ties, but no held-out role was less sure than 0.9: the lower
    # of tied floors goes no lower than that (a floor below it checked by no decision)
    assert chosen["role_floors"]["all"]["heading>heading"] == 0.9
    # west's pages are too few for role floors: the model takes every role, its held-out
    # roles being better and its differing roles having won by the margin of a few pages
    assert chosen["papers"]["west"] == ["role", "join"]
    assert chosen["role_floors"]["papers"]["west"] is None
    # south's held-out roles scored better too, but the model and the rules gave the same
    # roles (a tie on a few pages): its roles stay the rules'
    assert chosen["papers"]["south"] == ["join"]
    json.dumps(chosen)  # kept in the model's header


def _at(i, role, article, join, sure, rules_sure=1.0):
    return fast_block(
        10 * i, 10 * i + 5, role, article, join, {"role": sure, "boundary": 1.0, "join": sure}
    )


def test_a_join_the_model_is_less_sure_of_than_its_band_floor_stays_the_rules():
    # one article: a headline and three body paragraphs; the rules join the third to the
    # second, sure, and not the fourth, unsure; the model decides the other way round
    rules = [
        _at(0, "headline", 1, False, 1.0),
        _at(1, "body", 1, False, 1.0),
        _at(2, "body", 1, True, 0.95),
        _at(3, "body", 1, False, 0.6),
    ]
    mine = [
        _at(0, "headline", 1, False, 1.0),
        _at(1, "body", 1, False, 1.0),
        _at(2, "body", 1, False, 0.97),
        _at(3, "body", 1, True, 0.97),
    ]
    taken = frozenset(("join",))
    mixed = st.mix(rules, mine, taken, None, None, {"sure": None, "unsure": 0.9})
    assert [b.joins_previous for b in mixed] == [False, False, True, True]
    assert [b.confidences["join"] for b in mixed] == [1.0, 1.0, 0.95, 0.97]
    # a floor above the model's confidence: the rules' joins
    above = st.mix(rules, mine, taken, None, None, {"sure": 0.98, "unsure": 0.98})
    assert [b.joins_previous for b in above] == [False, False, True, False]
    # floors the model reaches in both bands: its joins
    both = st.mix(rules, mine, taken, None, None, {"sure": 0.9, "unsure": 0.0})
    assert [b.joins_previous for b in both] == [False, False, False, True]
    # no join floors (a model of version 5): the model's joins, as before
    assert [b.joins_previous for b in st.mix(rules, mine, taken)] == [False, False, False, True]
    # joins not taken over: the rules', whatever the floors
    kept = st.mix(rules, mine, frozenset(("role",)), None, None, {"sure": 0.0, "unsure": 0.0})
    assert [b.joins_previous for b in kept] == [False, False, True, False]


def test_a_role_takes_the_floor_of_its_band():
    rules = [
        _at(0, "headline", 1, False, 0.6),
        _at(1, "intertitle", 1, False, 0.6),
        _at(2, "body", 1, False, 0.6),
        _at(3, "body", 1, False, 0.6),
    ]
    mine = [
        _at(0, "kicker", 1, False, 0.85),  # heading>heading
        _at(1, "body", 1, False, 0.99),  # heading>text
        _at(2, "caption", 1, False, 0.99),  # text>text
        _at(3, "subheadline", 1, False, 0.85),  # text>heading
    ]
    floors = {"heading>heading": 0.8, "heading>text": None, "text>text": 0.9, "text>heading": 0.9}
    mixed = st.mix(rules, mine, frozenset(("role",)), 0.5, None, None, floors)
    # the band floors stand in the place of the one floor (0.5 would take every role)
    assert [b.role for b in mixed] == ["kicker", "intertitle", "caption", "body"]
    assert [b.confidences["role"] for b in mixed] == [0.85, 0.6, 0.99, 0.6]
    # roles not taken over: the rules'
    kept = st.mix(rules, mine, frozenset(("join",)), None, None, None, floors)
    assert [b.role for b in kept] == [b.role for b in rules]


def test_a_title_line_read_as_another_takes_the_floor_of_its_own_band():
    # the rules read a headline over a subheadline, the model a kicker over a headline
    # (title>title); an intertitle it reads as a headline (heading>heading)
    rules = [
        _at(0, "headline", 1, False, 0.6),
        _at(1, "subheadline", 1, False, 0.6),
        _at(2, "intertitle", 1, False, 0.6),
    ]
    mine = [
        _at(0, "kicker", 1, False, 0.85),
        _at(1, "headline", 1, False, 0.85),
        _at(2, "headline", 1, False, 0.99),
    ]
    role = frozenset(("role",))
    bands = {band: None for band in st.ROLE_BANDS}
    titles = st.mix(rules, mine, role, None, None, None, bands | {"title>title": 0.8})
    assert [b.role for b in titles] == ["kicker", "headline", "intertitle"]
    # a floor of the other headings' band alone leaves the title lines to the rules
    others = st.mix(rules, mine, role, None, None, None, bands | {"heading>heading": 0.8})
    assert [b.role for b in others] == ["headline", "subheadline", "headline"]
    # floors of a model of version 6 (no title band): its heading>heading floor, as before
    old = {band: None for band in st.ROLE_BANDS if band != "title>title"}
    before = st.mix(rules, mine, role, None, None, None, old | {"heading>heading": 0.8})
    assert [b.role for b in before] == ["kicker", "headline", "headline"]
    assert st.band_floor(old | {"heading>heading": 0.8}, "title>title") == 0.8
    assert st.band_floor(bands | {"heading>heading": 0.8}, "title>title") is None


def test_a_model_under_band_floors_takes_each_decision_only_where_they_say(model):
    # (the model of these papers differs from the rules in title roles, on west's pages, and
    # in one join of south's, at 0.374: the floors below let those through, nothing else)
    roles = {band: None for band in st.ROLE_BANDS} | {"title>title": 0.9}
    chosen = {
        "all": list(st.DECISIONS),
        "papers": {},
        "floors": {"all": None, "papers": {}},
        "start_floors": {"all": None, "papers": {}},
        "join_floors": {"all": {"sure": None, "unsure": 0.3}, "papers": {}},
        "role_floors": {"all": roles, "papers": {}},
    }
    floored = with_takeover(model, chosen)
    assert floored.join_floors("west") == {"sure": None, "unsure": 0.3}
    assert floored.role_floors("west") == roles
    assert model.join_floors("west") is None and model.role_floors("west") is None
    taken_roles = taken_joins = 0
    for paper in corpus.PAPERS:
        for _, text, _gold in corpus.pages(paper, 8, seed=21):
            shapes, rules = analyse_page(text)
            full = model.predict(text, shapes, rules, paper)
            mixed = floored.predict(text, shapes, rules, paper)
            assert_valid_split(text, mixed)
            for r, f, m in zip(rules, full, mixed, strict=True):
                if m.article is not None and r.role != "other" and m.role != r.role:
                    # a role of the model: only in the band with a floor, and that sure
                    assert m.role == f.role and st.role_band(r.role, f.role) == "title>title"
                    assert f.confidences["role"] >= 0.9
                    taken_roles += 1
                if m.joins_previous and not r.joins_previous:
                    # a join of the model: only where the rules hesitate, that sure
                    assert r.confidences["join"] < st.RULES_SURE
                    assert f.confidences["join"] >= 0.3
                    taken_joins += 1
    # the floors let the model's decisions through (a mix that kept every one of the
    # rules' would pass the checks above without checking anything)
    assert taken_roles and taken_joins, (taken_roles, taken_joins)


_FLOOR = strategies.sampled_from((None, *st.JOIN_FLOORS))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ANY_PAGE,
    _FLOOR,
    _FLOOR,
    strategies.lists(_FLOOR, min_size=len(st.ROLE_BANDS), max_size=len(st.ROLE_BANDS)),
    _SOME_DECISIONS,
)
def test_model_never_yields_an_invalid_split_under_join_and_role_floors(
    model, text, sure, unsure, roles, mine
):
    chosen = {
        "all": mine,
        "papers": {"west": ["join"]},
        "floors": {"all": 0.9, "papers": {}},
        "start_floors": {"all": {"sure": 0.9, "unsure": 0.5}, "papers": {}},
        "join_floors": {"all": {"sure": sure, "unsure": unsure}, "papers": {"west": None}},
        "role_floors": {"all": dict(zip(st.ROLE_BANDS, roles, strict=True)), "papers": {}},
    }
    for paper in ("north", "west"):
        assert_valid_split(text, with_takeover(model, chosen).split(text, paper))


def test_cross_validation_counts_differing_joins_and_roles_per_band():
    pages = [p for p in gold_pages("north", 6)]
    figures = st.cross_validate(pages, 3)
    for key, bands, floors in (
        ("joins", st.JOIN_BANDS, st.JOIN_FLOORS),
        ("roles", st.ROLE_BANDS, st.BAND_ROLE_FLOORS),
    ):
        assert sorted(figures[key]) == sorted(bands)
        for band in figures[key].values():
            assert sorted(band) == sorted(f"{f:g}" for f in floors)
            counts = [band[f"{f:g}"] for f in floors]
            assert all(len(c) == 4 for c in counts)
            # fewer blocks at least as sure under a higher floor
            assert all(
                all(x >= y for x, y in zip(a[:2], b[:2], strict=True))
                for a, b in itertools.pairwise(counts)
            )
    for band in figures["joins"].values():
        # a page won has a right join of the model, a page lost a wrong one
        for right, wrong, won, lost in band.values():
            assert won <= right and lost <= wrong
        assert figures["papers"]["north"][key] == figures[key]  # one paper: the same blocks
    for band in figures["roles"].values():
        for right, wrong, heads_right, heads_wrong in band.values():
            assert heads_right <= right and heads_wrong <= wrong
    json.dumps(figures)
    # the same pages give the same model bytes, floors and all
    made = st.train(pages, figures)
    assert made == st.train(list(reversed(pages)), figures)
    header = st.load(made).meta
    assert header["version"] == st.VERSION == 7
    assert "title>title" in figures["roles"]
    assert {"join_floors", "role_floors"} <= set(header["takeover"])


def test_a_model_of_version_6_still_loads_and_splits_as_it_did(trained):
    # version 6 had one band for every heading read as another: its floor of heading>heading
    # decides its title lines as well (the same split as the floors with title>title alike)
    crf = trained[len(st_model._MAGIC) :].partition(b"\n")[2]
    meta = json.loads(trained[len(st_model._MAGIC) :].partition(b"\n")[0])
    coarse = {"heading>heading": 0.5, "heading>text": None, "text>heading": 0.9, "text>text": None}
    meta["version"] = 6
    meta["takeover"] = {
        "all": ["role"],
        "papers": {},
        "floors": {"all": None},
        "role_floors": {"all": coarse, "papers": {}},
    }
    old = st.load(st_model._MAGIC + json.dumps(meta).encode() + b"\n" + crf)
    assert 6 in st.READABLE_VERSIONS and old.meta["version"] == 6
    fine = {"all": {**coarse, "title>title": 0.5}, "papers": {}}
    new = with_takeover(old, {**meta["takeover"], "role_floors": fine})
    apart = with_takeover(
        old, {**meta["takeover"], "role_floors": {"all": {**coarse, "title>title": None}}}
    )
    differ = 0
    for _, text, _gold in corpus.pages("north", 6, seed=5):
        assert old.split(text, "north") == new.split(text, "north")
        assert_valid_split(text, old.split(text, "north"))
        differ += old.split(text, "north") != apart.split(text, "north")
    assert differ  # the title band does decide lines on these pages


def test_a_model_of_version_5_still_loads_and_splits_as_it_did(trained):
    # version 5 knew neither join floors nor role floors per band: its joins are the model's
    # wherever it takes joins over, its roles under its one floor
    crf = trained[len(st_model._MAGIC) :].partition(b"\n")[2]
    meta = json.loads(trained[len(st_model._MAGIC) :].partition(b"\n")[0])
    meta["version"] = 5
    meta["takeover"] = {"all": ["role", "join"], "papers": {}, "floors": {"all": 0.9}}
    old = st.load(st_model._MAGIC + json.dumps(meta).encode() + b"\n" + crf)
    assert 5 in st.READABLE_VERSIONS
    assert old.join_floors("north") is None and old.role_floors("north") is None
    new = with_takeover(old, {**meta["takeover"], "join_floors": {"all": None}})
    for _, text, _gold in corpus.pages("north", 4, seed=5):
        assert old.split(text, "north") == new.split(text, "north")
        assert_valid_split(text, old.split(text, "north"))


def test_on_few_pages_the_title_lines_alone_are_taken_where_they_won():
    # a paper's own reading of its heading runs (the kicker under its headline) learnt from
    # a few pages, while the model's other differing roles lost: over all lines its roles
    # scored below the rules', yet its title lines won by the margin of a few pages
    roles = _counts(
        st.BAND_ROLE_FLOORS,
        **{
            "title>title": {0.8: (6, 0, 6, 0), 0.4: (0, 2, 0, 2)},
            "text>heading": {0.6: (0, 4, 0, 0)},
            "text>text": {0.6: (0, 3, 0, 0)},
        },
    )
    figures = _banded(st.PAPER_MIN_PAGES, _counts(st.JOIN_FLOORS), roles)
    figures["model"]["role"]["accuracy"] = 0.85  # the rules' 0.9
    chosen = st.takeover(figures)
    assert chosen["all"] == ["role"]
    assert chosen["role_floors"]["all"] == {
        "title>title": 0.5,
        "heading>heading": None,
        "heading>text": None,
        "text>heading": None,
        "text>text": None,
    }
    # title lines that won by less than the margin of a few pages stay the rules'
    narrow = _counts(st.BAND_ROLE_FLOORS, **{"title>title": {0.8: (2, 0, 2, 0)}})
    figures["roles"] = narrow
    chosen = st.takeover(figures)
    assert chosen["all"] == [] and chosen["role_floors"]["all"] is None
    # and so do title lines whose wins lost gold heading lines elsewhere in their band
    lost = _counts(st.BAND_ROLE_FLOORS, **{"title>title": {0.8: (6, 0, 2, 3)}})
    figures["roles"] = lost
    chosen = st.takeover(figures)
    assert chosen["all"] == [] and chosen["role_floors"]["all"] is None


def test_on_few_pages_start_bands_too_narrow_alone_may_win_together():
    # on few pages each band of the rules' confidence won by two starts, under the margin,
    # on two pages each: together they won by four on four pages, and take one floor
    counts = _start_counts(sure={0.85: (2, 0)}, unsure={0.75: (2, 0)})
    for band, won in (("sure", 2), ("unsure", 2)):
        for floor in counts[band].values():
            floor += [min(floor[0], won), 0]
    few = st.FLOOR_MIN_PAGES - 1
    taken: list[str] = []
    assert st.start_floors(counts, taken, few) == {"sure": 0.7, "unsure": 0.7}
    assert taken == ["start"]
    # on more pages each band is judged alone, by the narrower margin of MIN_GAINS
    assert st.start_floors(counts, [], st.FLOOR_MIN_PAGES) == {"sure": 0.8, "unsure": 0.7}
    # a band that won alone keeps its own floor and the other none, as before
    alone = _start_counts(sure={0.85: (4, 0)}, unsure={0.75: (1, 0)})
    assert st.start_floors(alone, [], few) == {"sure": 0.8, "unsure": None}
    # together but under the margin: the rules' starts stand
    narrow = _start_counts(sure={0.85: (1, 0)}, unsure={0.75: (1, 0)})
    assert st.start_floors(narrow, [], few) == {"sure": None, "unsure": None}
