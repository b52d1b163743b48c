"""The ORG rules' shortcut for a weak suffix with no head (``suffixes._headless``) is only a
shortcut: it refuses what the walk to the name's start (``_org_start``) would refuse, so
switching it off changes no suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.suggest import suggest_spans
from annotator.suggest.orgs_places import suffixes

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
# Weak suffixes with and without a head or a parent in reach (invented sentences).
SENTENCES = [
    "他在县农机站工作，站里的同事说，中心的人都来了。",
    "新华社北京3月5日电 国家统计局局长在发布会上说，各中心、各站要加强协作。",
    "市行政审批服务局和区卫生健康委员会联合发文，要求各所、各队落实。",
    "戴姆勒—奔驰公司与佩诺—里加集团签约，俄通社—塔斯社报道。",
    "竹岐水文站、孙窑乡农技站和省气象台的专家到场。",
]


def _spans(text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in suggest_spans(text)]


@pytest.mark.parametrize("text", [*SENTENCES, *(p.read_text(encoding="utf-8") for p in SEEDS)])
def test_the_headless_shortcut_changes_no_suggestion(text, monkeypatch):
    assert SEEDS, "the sample pages ship in seeds/"
    with_shortcut = _spans(text)
    refused = []
    real = suffixes._headless
    monkeypatch.setattr(suffixes, "_headless", lambda *a: refused.append(real(*a)) and False)
    assert _spans(text) == with_shortcut
    if text not in SENTENCES:  # each sample page has weak suffixes with no head
        assert any(refused), "the shortcut is asked and refuses here"
