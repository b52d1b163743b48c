"""The benches still run: they are no package, so nothing else imports them, and a name
removed from the code broke ``bench/suggest_speed.py`` unseen once (issue 11)."""

from __future__ import annotations

import subprocess
import sys
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
