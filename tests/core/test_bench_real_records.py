"""The real-page records of the structure bench are read right from e-paper crawl files (its
figures are only as good as its gold). The article text here is invented."""

from __future__ import annotations

import json

import pytest

from tests.core.scripts import load

MD = """---
title: "古桥修好了（民生一线）"
date: 2025-05-06
section: "第07版"
section_name: "社会"
source_url: "https://paper.example.cn/content/202505/06/content_123.html"
---

### 某县修缮古桥九座——

# 古桥修好了（民生一线）

> 本报记者  王  明《人民日报》（2025年05月06日第 07 版）

村民在新修的古桥上散步。

李  华摄

今年以来，这个县先后修缮古桥九座，沿河步道连成一线。

修缮技艺

老工匠带着年轻人，一块一块地拼回桥面的石板。

（本报记者王明整理）

版式设计：张三
"""


@pytest.fixture(scope="module")
def bench():
    return load("bench/real_records.py")


def test_a_vault_article_becomes_a_record_with_the_roles_its_markdown_and_text_show(
    bench, tmp_path
):
    raw, out = tmp_path / "raw", tmp_path / "out"
    (raw / "07-社会").mkdir(parents=True)
    (raw / "07-社会" / "古桥修好了.md").write_text(MD, encoding="utf-8")
    pages = tmp_path / "pages.json"
    # line 6 (修缮技艺) is an intertitle the crawl does not mark
    pages.write_text(json.dumps({"123": {"roles": {"6": "intertitle"}}}), encoding="utf-8")
    assert bench.main([str(raw), str(out), "--pages", str(pages)]) == 0
    (path,) = out.glob("*.json")
    (rec,) = json.loads(path.read_text(encoding="utf-8"))
    assert (rec["date"], rec["page"], rec["section"]) == ("2025-05-06", "7", "社会")
    roles = [(b["role"], b["text"]) for b in rec["blocks"]]
    assert roles == [
        ("kicker", "某县修缮古桥九座——"),
        ("headline", "古桥修好了（民生一线）"),
        ("byline", "本报记者  王  明"),
        ("caption", "村民在新修的古桥上散步。"),
        ("caption", "李  华摄"),
        ("body", "今年以来，这个县先后修缮古桥九座，沿河步道连成一线。"),
        ("intertitle", "修缮技艺"),
        ("body", "老工匠带着年轻人，一块一块地拼回桥面的石板。"),
        ("byline", "（本报记者王明整理）"),
        ("other", "版式设计：张三"),
    ]


def test_articles_not_listed_in_pages_are_left_out_and_a_bad_file_is_named(bench, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.md").write_text(MD, encoding="utf-8")
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps({"999": {"roles": {}}}), encoding="utf-8")
    assert bench.main([str(raw), str(tmp_path / "out"), "--pages", str(pages)]) == 0
    assert not list((tmp_path / "out").glob("*.json"))
    (raw / "b.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SystemExit, match="b.json"):
        bench.main([str(raw), str(tmp_path / "out2")])


def test_an_undecodable_article_file_and_a_bad_line_index_are_named(bench, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.md").write_text(MD, encoding="utf-8")
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps({"123": {"roles": {"six": "intertitle"}}}), encoding="utf-8")
    with pytest.raises(SystemExit, match="line 'six' for 123"):
        bench.main([str(raw), str(tmp_path / "out"), "--pages", str(pages)])
    (raw / "b.md").write_bytes(MD.encode("gb18030"))
    with pytest.raises(SystemExit, match=r"b\.md: not a readable UTF-8 file"):
        bench.main([str(raw), str(tmp_path / "out")])
