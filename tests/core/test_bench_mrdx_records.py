"""A second paper's e-paper crawl (RSS of article pages) becomes the real-page bench's records
with the roles its page markup shows (issue 9). The article text here is invented."""

from __future__ import annotations

import html
import json

import pytest

from tests.core.scripts import load

PAGE = """<div class="contenttext" id="contenttext">
<table align="center"><tbody>
<tr valign="top"><td align="center"><div align="center"><font style="FONT-SIZE: 18px">某县召开修桥会议时强调<br/><p></p></font></div></td></tr>
<tr valign="top"><td align="center"><div align="center"><strong><font style="FONT-SIZE: 23px">古桥修好了 &#13;
      老街活起来<br/></font></strong></div></td></tr>
<tr valign="top"><td align="center"><div align="center"><font style="FONT-SIZE: 18px">——一座县城的更新观察</font></div></td></tr>
<tr valign="top"><td><hr color="#000000" size="1"/></td></tr>
<tr valign="top"><td align="center">（ 2026-05-12 ） 稿件来源：某报 要闻</td></tr>
</tbody></table>
<div> </div>
<div>新华社记者 &#13;
王明<br/><br/>　　今年以来，这个县先后修缮古桥九座，沿河步道连成一线。<br/>　　老工匠带着年轻人，一块一块地拼回桥面的石板。<br/>
<div align="center"><strong>　　老街有了新生意</strong></div><br/><br/>　　桥修好了，游客多了起来。<br/>（记者王明 &#13;
李华）<br/>新华社某地5月11日电</div>
<div> </div></div>"""

RSS = """<?xml version='1.0' encoding='UTF-8'?>
<rss version="2.0"><channel><title>某报 - 20260512</title>
<item><title>[03版：要闻] 古桥修好了 老街活起来 —— 一座县城的更新观察</title>
<link>http://mrdx.cn/content/20260512/Articel03002NR.htm</link>
<description>{page}</description></item>
<item><title>[03版：要闻] 没抓到的一篇</title>
<link>http://mrdx.cn/content/20260512/Articel03003NR.htm</link>
<description>&lt;p&gt;抓取失败，请点击链接查看原文。&lt;/p&gt;</description></item>
</channel></rss>
"""


@pytest.fixture(scope="module")
def mrdx():
    return load("bench/mrdx_records.py")


@pytest.fixture(scope="module")
def records():
    return load("bench/real_records.py")


def test_an_rss_issue_becomes_records_with_the_roles_its_page_marks(mrdx, records, tmp_path):
    src, raw = tmp_path / "src", tmp_path / "raw"
    src.mkdir()
    (src / "mrdx_2026-05-12.xml").write_text(RSS.format(page=html.escape(PAGE)), "utf-8")
    assert mrdx.main([str(src), str(raw)]) == 0
    (art,) = json.loads((raw / "articles_20260512.json").read_text("utf-8"))  # failed one left out
    assert (art["date"], art["section_no"], art["section_name"]) == ("2026-05-12", "03", "要闻")
    assert art["url"].endswith("content_03002")
    roles = [(b["role"], b["text"]) for b in records.blocks_of(art["markdown_body"])]
    assert roles == [
        ("kicker", "某县召开修桥会议时强调"),
        ("headline", "古桥修好了 老街活起来"),
        ("subheadline", "——一座县城的更新观察"),
        ("byline", "新华社记者 王明"),
        ("body", "今年以来，这个县先后修缮古桥九座，沿河步道连成一线。"),
        ("body", "老工匠带着年轻人，一块一块地拼回桥面的石板。"),
        ("intertitle", "老街有了新生意"),
        ("body", "桥修好了，游客多了起来。"),
        ("byline", "（记者王明 李华）"),
        ("byline", "新华社某地5月11日电"),
    ]


def test_hand_copies_give_the_same_kind_of_articles_and_a_bad_chunk_is_named(mrdx, tmp_path):
    copies = tmp_path / "copies.txt"
    copies.write_text(
        "=== 2026-05-12|03|要闻|03002\n# 古桥修好了\n> 新华社记者 王明\n今年以来⋯连成一线。\n",
        "utf-8",
    )
    (art,) = mrdx.read_copies(copies)
    assert art["title"] == "古桥修好了" and art["url"].endswith("content_03002")
    assert art["markdown_body"].split("\n\n")[1] == "> 新华社记者 王明"
    copies.write_text("=== 2026-05-12|03|要闻\n# 古桥修好了\n", "utf-8")
    with pytest.raises(SystemExit, match="chunk 1"):
        mrdx.read_copies(copies)


def test_a_file_that_is_no_rss_is_refused_by_name(mrdx, tmp_path):
    bad = tmp_path / "mrdx_2026-05-12.xml"
    bad.write_text("<html>not rss", "utf-8")
    with pytest.raises(SystemExit, match="mrdx_2026-05-12.xml"):
        mrdx.read_rss(bad)
