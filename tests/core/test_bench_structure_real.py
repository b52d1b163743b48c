"""The real-page structure bench keeps its fifth held-out portion apart and gives the issue's
learning curve on it (issue 9). The records here are invented, shaped like the bench's."""

from __future__ import annotations

import json

import pytest

from tests.core.scripts import load

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与⋯效果明显。"


def record(date: str, page: int, n: int) -> dict:
    blocks = [
        {"role": "headline", "text": f"第{n}座古桥修好了"},
        {"role": "byline", "text": "本报记者  王  明"},
        {"role": "body", "text": BODY},
        {"role": "body", "text": BODY2},
    ]
    return {"paper": "某报", "date": date, "page": str(page), "section": "要闻", "blocks": blocks}


@pytest.fixture(scope="module")
def bench():
    return load("bench/structure_real.py")


def test_the_fifth_portion_is_told_apart_by_its_dates(bench):
    assert bench.half_of("某报|2025-12-17|6", "2025-04-01") == "heldout5"
    assert bench.half_of("某报|2025-11-04|1", "2025-04-01") == "heldout5"
    # a date of none of the portions after the split date is still development
    assert bench.half_of("某报|2025-10-01|1", "2025-04-01") == "dev0"
    assert "heldout5" not in bench.HALVES["dev"] and "heldout5" not in bench.CURVE_POOL


def test_records_are_read_from_several_folders(bench, tmp_path):
    for name, date in (("a", "2025-01-10"), ("b", "2025-12-17")):
        (tmp_path / name).mkdir()
        recs = [record(date, 1, 1), record(date, 2, 2)]
        (tmp_path / name / "x.json").write_text(json.dumps(recs, ensure_ascii=False), "utf-8")
    recs = bench.load_records(tmp_path / "a", tmp_path / "b")
    assert [r["date"] for r in recs] == ["2025-01-10"] * 2 + ["2025-12-17"] * 2
    with pytest.raises(SystemExit, match="no article records"):
        bench.load_records(tmp_path / "missing")


def test_the_curve_trains_on_n_pages_never_scored_and_prints_each_size(bench, monkeypatch, capsys):
    monkeypatch.setattr(bench, "PAPER_CURVE", (2, 4))
    held = [record("2025-12-17", p, p) for p in range(1, 7)]
    dev = [record("2025-01-10", p, p) for p in range(1, 4)]
    test = bench.composed(bench.real_pages(held))
    pool = bench.composed(bench.real_pages(dev))
    trained_on: list[set[str]] = []
    real_train = bench._paper_model

    def spy(train, paper_of):
        trained_on.append({p for p, *_ in train})
        return real_train(train, paper_of)

    monkeypatch.setattr(bench, "_paper_model", spy)
    bench.paper_curve("heldout5", test, pool)
    out = dict(line.split("=", 1) for line in capsys.readouterr().out.splitlines())
    assert out["learnt.real.heldout5.test_pages"] == "6"
    for k in (2, 4):
        assert out[f"learnt.real.heldout5.after_{k}.pages_trained"] == str(k)
        for key in ("article_start_f1", "heading_role_accuracy", "join_f1"):
            assert 0.0 <= float(out[f"learnt.real.heldout5.after_{k}.{key}"]) <= 1.0
            assert f"learnt.real.heldout5.after_{k}.cut.{key}" in out
    # three folds, three forms, two sizes; each model saw k pages, none of its fold's
    assert len(trained_on) == 2 * 3 * 3
    assert [len(ids) for ids in trained_on] == [2] * 9 + [4] * 9
    test_ids = sorted({p for p, *_ in test})
    for i, ids in enumerate(trained_on):
        fold = (i // 3) % 3
        held_ids = {p for j, p in enumerate(test_ids) if j % 3 == fold}
        assert not ids & held_ids


@pytest.mark.parametrize("half", ["heldout5", "paper2", "paper3"])
def test_the_misses_of_the_held_out_portion_are_not_printed(bench, monkeypatch, capsys, half):
    monkeypatch.setattr("sys.argv", ["structure_real.py", "--half", half, "--misses"])
    with pytest.raises(SystemExit):
        bench.main()
    assert "held out" in capsys.readouterr().err


def test_a_second_paper_is_its_own_sealed_portion_whatever_its_dates(bench):
    # told apart by its paper, not its date: no date of it lands in the first paper's portions;
    # its sealed issues are paper2, its other issues its own development portion (paper2dev)
    assert bench.half_of("新华每日电讯|2026-05-12|1", "2025-04-01") == "paper2"
    assert bench.half_of("新华每日电讯|2026-09-15|8", "2025-04-01") == "paper2"
    assert bench.half_of("新华每日电讯|2025-01-10|1", "2025-04-01") == "paper2dev"
    assert bench.half_of("人民日报|2026-09-15|8", "2025-04-01") == "dev0"
    assert "paper2" in bench.SEALED and "paper2" not in bench.HALVES["dev"]
    assert "paper2dev" not in bench.SEALED and "paper2dev" not in bench.HALVES["dev"]
    assert "paper2" not in bench.CURVE_POOL and "paper2dev" not in bench.CURVE_POOL


def test_a_paper_s_own_curve_trains_on_no_more_pages_than_lie_outside_a_fold(bench):
    # 16 pages in three folds: at most 10 outside the largest fold
    assert bench.own_sizes(16) == (5, 10)
    assert bench.own_sizes(9) == (5, 6)
    assert bench.own_sizes(90) == (5, 10, 20, 50)


def test_a_third_paper_is_sealed_whole_whatever_its_dates(bench):
    # told apart by its paper: every issue of it is sealed, none lands in another portion
    for date in ("2026-05-18", "2026-09-14", "2025-01-10", "2025-12-17"):
        assert bench.half_of(f"学习时报|{date}|3", "2025-04-01") == "paper3"
    assert bench.half_of("新华每日电讯|2026-05-18|3", "2025-04-01") == "paper2dev"
    assert "paper3" in bench.SEALED
    assert all("paper3" not in halves for name, halves in bench.HALVES.items() if name != "paper3")
    assert "paper3" not in bench.CURVE_POOL


def test_a_sealed_portion_is_counted_without_a_score(bench, tmp_path, monkeypatch, capsys):
    recs = [record("2026-05-18", p, n) for p, n in ((1, 1), (1, 2), (2, 3))]
    recs += [record("2025-01-10", 1, 4)]
    for rec in recs[:3]:
        rec["paper"] = "学习时报"
    (tmp_path / "r.json").write_text(json.dumps(recs, ensure_ascii=False), "utf-8")
    argv = ["structure_real.py", "--half", "paper3", "--records", str(tmp_path), "--count"]
    monkeypatch.setattr("sys.argv", argv)
    bench.main()
    out = capsys.readouterr().out
    assert out.splitlines() == ["real.paper3.pages=2", "real.paper3.articles=3"]


def test_a_folder_of_one_paper_gets_its_own_curve_a_paper_with_few_pages_none(
    bench, monkeypatch, capsys
):
    monkeypatch.setattr(bench, "PAPER_CURVE", (2, 50))
    mine = [record("2025-02-19", p, p) for p in range(1, 8)]
    other = [{**record("2025-02-19", 1, 9), "paper": "别报"}]
    texts = bench.composed(bench.real_pages(mine + other))
    bench.own_curves("folder", texts)
    out = dict(line.split("=", 1) for line in capsys.readouterr().out.splitlines())
    assert out["learnt.real.folder.别报.pages"] == "1 (too few for a curve)"
    # 7 pages: a fold holds 3, so 4 lie outside it; the sizes are 2 and that 4
    assert out["learnt.real.folder.某报.after_2.pages_trained"] == "2"
    assert out["learnt.real.folder.某报.after_4.pages_trained"] == "4"
    for key in ("article_start_f1", "heading_role_accuracy", "join_f1"):
        for name in ("after_4", "after_4.ungated", "after_4.rules", "after_4.rules.wrap"):
            assert 0.0 <= float(out[f"learnt.real.folder.某报.{name}.{key}"]) <= 1.0
    assert float(out["learnt.real.folder.某报.after_4.train_seconds"]) >= 0.0


def test_a_paper_without_a_heading_line_prints_nan_for_its_heading_accuracy(bench, capsys):
    """A paper whose only page is a picture item (no title line) has no heading role to score:
    the bench prints nan for it and goes on to the next paper (it used to stop)."""
    scores = {
        "article_start": {"f1": 1.0, "precision": 1.0, "recall": 1.0},
        "role": {"heading_accuracy": None, "accuracy": 0.5},
        "join": {"f1": None, "accuracy": 1.0},
    }
    bench.show("rules.real.folder.某报", scores)
    out = capsys.readouterr().out
    assert "rules.real.folder.某报.heading_role_accuracy=nan" in out
    assert "rules.real.folder.某报.role_accuracy=0.500" in out
