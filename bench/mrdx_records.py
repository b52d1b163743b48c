"""Turn the public crawl of a second paper's e-paper (新华每日电讯) into raw crawl lists for
``bench/real_records.py``, which makes the records of ``bench/structure_real.py --half paper2``.

Source: the GitHub repository ``ifyuls/xhmrdx-rss``, ``history/mrdx_YYYY-MM-DD.xml``: one RSS
file per issue, one ``<item>`` per article in the e-paper's order, titled ``[NN版：版名] 标题 ——
副题``, whose ``<description>`` holds the article page's HTML. That page marks the headings
itself: a table whose row in 23px type is the headline, the row above it the kicker (引题), the
row below it the subtitle (副题), then the body as ``<div>`` blocks cut by ``<br/>``, with
intertitles as ``<div align="center"><strong>…</strong></div>``. The news text is copyrighted
and never committed: keep the files under ``/tmp``.

Written per issue: ``articles_YYYYMMDD.json``, a JSON list of articles (``date``,
``section_no``, ``section_name``, ``url`` with the article's number as ``content_NNNNN``,
``title``, ``markdown_body``) in the markdown ``real_records.py`` reads: ``### kicker``,
``# headline``, ``## subtitle``, ``> byline`` for a reporters' line (``新华社记者 …``,
``本报记者 …``, a bare name as first line), ``**intertitle**``, and ``{byline}`` for a wire
dateline standing alone after the story (``新华社北京5月11日电``); bracketed end notes
(``（记者…）``, ``（… 新华社专特稿）``) are left to ``real_records.py``. An item the crawl
failed to fetch is left out.

The folder may also hold hand copies (``*.txt``), as the bench's portion was typed back:
articles in chunks headed ``=== YYYY-MM-DD|NN|版名|NNNNN`` (date, page, page name, article
number), the chunk being the markdown above, a long paragraph shortened to its head and tail
around ``⋯`` (the bench refills it). Rebuild the records in two commands::

    python bench/mrdx_records.py /tmp/realpages/paper2/txt /tmp/realpages/paper2/raw
    python bench/real_records.py /tmp/realpages/paper2/raw /tmp/realpages/paper2/records --paper 新华每日电讯
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

_TITLE = re.compile(r"\A\[(\d+)版：([^\]]*)\]")
_LINK = re.compile(r"/content/(\d{4})(\d\d)(\d\d)/Articel(\d+)")
_TABLE = re.compile(r"<table.*?</table>", re.S | re.I)
_ROW = re.compile(r"<tr.*?</tr>", re.S | re.I)
_INTERTITLE = re.compile(r'<div align="center">\s*<strong>(.*?)</strong>\s*</div>', re.S | re.I)
_BREAK = re.compile(r"<br\s*/?>|</?div[^>]*>|</?p>|</?td[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_REPORTERS = re.compile(r"\A(?:新华社|本报|人民日报)\S*记者(?:\s|\Z)")
_SENTENCE = re.compile(r"[。，！？；：“”]")
_WIRE_DATELINE = re.compile(r"\A据?新华社[^，。、\s]{1,14}?(?:\d{1,2}月\d{1,2}日)?电\Z")
_FAILED = ("抓取失败", "正文解析失败")
NAME_MAX = 8


def _text(fragment: str) -> str:
    """The visible text of an HTML fragment on one line (source line breaks are spaces)."""
    text = html.unescape(_TAG.sub("", fragment)).replace("\xa0", " ")
    return re.sub(r"[ \t\r\n]+", " ", text).strip(" \u3000")


def _headings(table: str) -> list[str]:
    """The kicker, headline and subtitle lines of the page's head table, as markdown."""
    rows = _ROW.findall(table)
    top = next((k for k, r in enumerate(rows) if "23px" in r), None)
    if top is None:
        return []
    out = [f"### {t}" for t in map(_text, rows[:top]) if t]
    out.append(f"# {_text(rows[top])}")
    sub = _text(rows[top + 1]) if top + 1 < len(rows) else ""
    # the row after the subtitle's is a rule, then the source line (not printed on the page)
    if sub and "稿件来源" not in sub:
        out.append(f"## {sub}")
    return out


def _body_lines(body: str) -> list[str]:
    """The body's paragraphs, intertitles in bold, reporters' and dateline lines marked."""
    body = body.replace("&#13;", " ").replace("\r", " ").replace("\n", " ")
    body = _INTERTITLE.sub(lambda m: f"<br/>**{_text(m.group(1))}**<br/>", body)
    lines = [_text(line) for line in _BREAK.sub("\n", body).split("\n")]
    lines = [line for line in lines if line and line != "****"]
    out = []
    for k, line in enumerate(lines):
        if _REPORTERS.match(line) and not _SENTENCE.search(line):
            line = f"> {line}"
        elif k == 0 and len(line) <= NAME_MAX and not _SENTENCE.search(line):
            line = f"> {line}"  # a bare name above a signed piece
        elif _WIRE_DATELINE.match(line):
            line = "{byline}" + line
        out.append(line)
    return out


def article_of(title: str, link: str, page_html: str) -> dict | None:
    """One crawl article from an RSS item, or None when the crawl failed to fetch it."""
    head, where = _TITLE.match(title.strip()), _LINK.search(link)
    if head is None or where is None or any(f in page_html for f in _FAILED):
        return None
    table = _TABLE.search(page_html)
    headings = _headings(table.group()) if table else []
    body = page_html[table.end() :] if table else page_html
    lines = headings + _body_lines(body)
    year, month, day, number = where.groups()
    return {
        "date": f"{year}-{month}-{day}",
        "section_no": head.group(1),
        "section_name": head.group(2),
        "url": f"{link.strip()} content_{number}",
        "title": title[head.end() :].strip(),
        "markdown_body": "\n\n".join(lines),
    }


def read_rss(path: Path) -> list[dict]:
    """The articles of one issue's RSS file, in its order."""
    try:
        channel = ET.parse(path).getroot().find("channel")
    except (OSError, ET.ParseError) as err:
        raise SystemExit(f"{path}: not a readable RSS file ({err})") from None
    if channel is None:
        raise SystemExit(f"{path}: no <channel> (expected the crawl's RSS)")
    out = []
    for item in channel.iter("item"):
        art = article_of(
            item.findtext("title", ""), item.findtext("link", ""), item.findtext("description", "")
        )
        if art is not None:
            out.append(art)
    return out


def read_copies(path: Path) -> list[dict]:
    """The articles of one file of hand copies (``=== date|NN|版名|NNNNN`` chunks)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SystemExit(f"{path}: not a readable UTF-8 file ({err})") from None
    out = []
    for n, chunk in enumerate(text.split("=== ")[1:], 1):
        head, _, body = chunk.partition("\n")
        fields = head.strip().split("|")
        if len(fields) != 4 or not re.fullmatch(r"\d{4}-\d\d-\d\d", fields[0]):
            raise SystemExit(f"{path}: chunk {n}: expected '=== YYYY-MM-DD|NN|版名|NNNNN'")
        date, page, name, number = fields
        lines = [line.strip() for line in body.split("\n") if line.strip()]
        link = f"http://mrdx.cn/content/{date.replace('-', '')}/Articel{number}NR.htm"
        out.append(
            {
                "date": date,
                "section_no": page,
                "section_name": name,
                "url": f"{link} content_{number}",
                "title": lines[0].lstrip("#").strip() if lines else "",
                "markdown_body": "\n\n".join(lines),
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path, help="folder of mrdx_*.xml crawl files or *.txt copies")
    parser.add_argument("out", type=Path, help="folder the raw crawl lists are written to")
    args = parser.parse_args(argv)
    issues: dict[str, list[dict]] = {}
    for path in sorted(args.src.glob("*.xml")) + sorted(args.src.glob("*.txt")):
        for art in read_rss(path) if path.suffix == ".xml" else read_copies(path):
            issues.setdefault(art["date"], []).append(art)
    if not issues:
        raise SystemExit(f"no articles in {args.src} (expected mrdx_*.xml or *.txt copies)")
    args.out.mkdir(parents=True, exist_ok=True)
    for date, arts in sorted(issues.items()):
        name = f"articles_{date.replace('-', '')}.json"
        (args.out / name).write_text(json.dumps(arts, ensure_ascii=False, indent=1), "utf-8")
    print(f"articles={sum(map(len, issues.values()))} issues={len(issues)} out={args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
