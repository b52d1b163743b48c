"""Crawled markdown pages: front matter, blockquotes, lists, rules and images are markup.

The pages have the shape of a crawl of an e-paper converted to markdown (YAML front matter
with the date, section and address; the headline as ``#``; the authors and the paper's
source line in a blockquote). None of the markup may open an article or reach gold text.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.markdown import front_matter_end, strip_markup
from annotator.split import split_page
from annotator.text import derive_articles

FRONT = (
    "---\n"
    "date: 2025-11-04\n"
    'section: "第01版"\n'
    'source_url: "https://paper.people.com.cn/rmrb/pc/content/202511/04/content_30113006.html"\n'
    "---\n"
)
PAGE = (
    FRONT + "\n# 推进法治中国建设\n\n"
    "> 本报记者  张  璁《人民日报》（2025年11月04日第 01 版）\n\n"
    "法治是治国理政的基本方式。\n\n"
    "- 完善立法体制机制\n"
    "- 推进严格规范公正文明执法\n\n"
    "![](images/fig1.jpg)\n\n"
    "* * *\n\n"
    "各地各部门扎实推进**法治建设**，取得明显成效。\n"
)


def _blocks(text: str) -> list[tuple[str, str, int | None]]:
    return [(text[b.start : b.end], b.role, b.article) for b in split_page(text)]


def test_front_matter_is_furniture_never_an_article() -> None:
    blocks = _blocks(PAGE)
    assert blocks[0] == (FRONT.rstrip("\n"), "other", None)
    assert blocks[1][1:] == ("headline", 1)  # the headline opens the page's first article


def test_front_matter_is_markup_in_every_range_that_overlaps_it() -> None:
    assert front_matter_end(PAGE) == len(FRONT) - 1
    assert strip_markup(PAGE, 0, len(FRONT)) == ""
    assert front_matter_end("---\n正文没有结束的分隔线\n") == 0  # an unclosed --- is text
    assert front_matter_end("正文\n---\n") == 0  # only at the very start of the page


def test_blockquoted_source_line_is_a_byline_read_on_its_content() -> None:
    line = "> 本报记者  张  璁《人民日报》（2025年11月04日第 01 版）"
    blocks = _blocks(PAGE)
    assert (line, "byline", 1) in blocks
    assert strip_markup(line) == line[2:]


def test_blockquoted_source_line_without_authors_keeps_headline_and_lead_together() -> None:
    page = (
        FRONT + "\n### 李强签署国务院令\n\n# 公布《全民阅读促进条例》\n\n"
        "> 《人民日报》（2025年12月17日第 01 版）\n\n"
        "新华社北京12月16日电  国务院总理李强日前签署国务院令，公布《全民阅读促进条例》。\n\n"
        "《条例》旨在促进全民阅读，推进书香社会建设。\n"
    )
    blocks = _blocks(page)
    assert ("> 《人民日报》（2025年12月17日第 01 版）", "byline", 1) in blocks
    assert {a for _, _, a in blocks if a is not None} == {1}


@pytest.mark.parametrize(
    ("block", "clean"),
    [
        ("> 本报记者  张  璁", "本报记者  张  璁"),
        ("> > 引文\n> 第二行", "引文\n第二行"),
        ("- 完善立法体制机制\n- 推进执法", "完善立法体制机制\n推进执法"),
        ("* 一项\n+ 二项", "一项\n二项"),
        ("* * *", ""),
        ("---", ""),
        ("___", ""),
        ("![图](images/a.jpg)图为会场。", "图为会场。"),
        (
            "| 地区 | 产量（万吨） |\n| --- | --- |\n| 黑龙江 | 8000 |",
            "地区 | 产量（万吨）\n黑龙江 | 8000",
        ),
        ("详见[国家统计局网站](https://www.stats.gov.cn)。", "详见国家统计局网站。"),
        ("__各地__积极推进", "各地积极推进"),
        ("第一行<br>第二行<BR/>", "第一行第二行"),
        ("标题二\n======", "标题二"),
        ("上文\n---\n下文", "上文\n下文"),
        # Text, not markup: numbers, negative figures, dates, a lone asterisk note, a
        # fill-in blank, redaction stars, a bracketed reference.
        ("姓名：______", "姓名：______"),
        ("李**", "李**"),
        ("****", "****"),
        ("见[1]", "见[1]"),
        ("a|b", "a|b"),
        ("1. 坚持党的领导", "1. 坚持党的领导"),
        ("-5℃以下", "-5℃以下"),
        ("2025-11-04", "2025-11-04"),
        ("*注：数据截至10月", "*注：数据截至10月"),
    ],
)
def test_line_markup(block: str, clean: str) -> None:
    assert strip_markup(block) == clean


def test_list_items_and_rules_make_no_false_article() -> None:
    blocks = _blocks(PAGE)
    assert {a for _, _, a in blocks if a is not None} == {1}
    assert ("* * *", "other", None) in blocks
    assert ("![](images/fig1.jpg)", "other", None) in blocks


def test_exported_gold_text_of_a_crawled_page_is_clean(tmp_path) -> None:
    page = tmp_path / "2025-11-04_01_30113006.md"
    page.write_text(PAGE, encoding="utf-8")
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    assert runner.invoke(main, ["import", "--db", db, str(page)]).exit_code == 0
    result = runner.invoke(main, ["export", "--db", db, "--format", "json", "--status", "all"])
    records = json.loads(result.stdout)
    assert [r["ordinal"] for r in records] == [1]
    text = records[0]["text"]
    assert text == (
        "推进法治中国建设\n"
        "本报记者  张  璁《人民日报》（2025年11月04日第 01 版）\n"
        "法治是治国理政的基本方式。\n"
        "完善立法体制机制\n推进严格规范公正文明执法\n"
        "各地各部门扎实推进法治建设，取得明显成效。"
    )
    for marker in ("---", "date:", ">", "- ", "![", "* * *", "**"):
        assert marker not in text
    for block in records[0]["blocks"]:
        assert block["role"] in {"headline", "byline", "body"}


TABLE_PAGE = (
    "# 全国粮食产量再创新高\n\n"
    "> 丁薛祥《人民日报》（2025年11月04日第 03 版）\n\n"
    "本报北京11月3日电  国家统计局公布数据显示，今年粮食产量稳中有增。\n\n"
    "| 地区 | 产量（万吨） |\n| --- | --- |\n| 黑龙江 | 8000 |\n| 河南 | 6700 |\n\n"
    "记者了解到，__各地__积极推进高标准农田建设。详见[国家统计局网站](https://www.stats.gov.cn)。\n\n"
    "正文第二段。\n"
)


def test_a_pipe_table_is_body_rows_joining_nothing() -> None:
    blocks = split_page(TABLE_PAGE)
    table = next(b for b in blocks if TABLE_PAGE[b.start] == "|")
    after = blocks[blocks.index(table) + 1]
    assert (table.role, table.article, after.joins_previous) == ("body", 1, False)


def test_markup_without_a_double_space_is_still_dropped_from_article_text() -> None:
    # A block with none of '#', '**' or '  ' once skipped markup removal altogether.
    text = derive_articles(TABLE_PAGE, split_page(TABLE_PAGE))[1].text
    assert text.split("\n") == [
        "全国粮食产量再创新高",
        "丁薛祥《人民日报》（2025年11月04日第 03 版）",
        "本报北京11月3日电  国家统计局公布数据显示，今年粮食产量稳中有增。",
        "地区 | 产量（万吨）",
        "黑龙江 | 8000",
        "河南 | 6700",
        "记者了解到，各地积极推进高标准农田建设。详见国家统计局网站。",
        "正文第二段。",
    ]
