"""Turn e-paper crawls (``articles_YYYYMMDD.json``) into the records of ``bench/structure_real.py``.

The real pages of the structure bench come from public crawls of a national daily's e-paper,
such as the GitHub repository ``leeperfect/PeopleDailyMaterial`` (``data/raw/articles_*.json``:
a JSON list of articles, each with ``date``, ``section_no``, ``section_name``, ``url`` and a
``markdown_body``). The news text is copyrighted and is never committed: keep the raw files
under ``/tmp`` and rebuild the records in one command::

    python bench/real_records.py /tmp/realpages/raw /tmp/realpages/records

Roles are read from the markdown the crawler wrote: ``### kicker`` above ``# headline``,
``## subheadline`` (``###`` below the headline too), ``> byline《报名》（日期 版次）``, a line
wholly in ``**bold**`` an intertitle (a subheadline while no body paragraph came yet), and
paragraphs of body. Where the crawl does not mark a role, the text does:

* a photo credit (``…摄``, ``…供图``, ``资料图片``) is a ``caption``, and so is a short line right
  above it that is no body paragraph of the story (the photo's caption printed before it);
* a chart credit (``数据来源：``, ``制图：``) is a ``caption`` beside a caption, else a ``byline``;
* a line wholly in brackets after the story's last body paragraph (``（作者为…）``,
  ``（本报记者 某某）``, ``（摘编自…）``) and a ``——编者`` signature are ``byline``;
* a line of page furniture (``版式设计：``, ``责任编辑：``) is ``other``.

A raw file may also be a hand-made copy in which a paragraph was shortened to its head and tail
around ``⋯`` (the bench refills it) and a role the crawl does not mark is given by a prefix
``{role}`` at the start of the paragraph (``{intertitle}职业发展``); the prefix is dropped.

The same articles are also stored one markdown file each (``data/vault/YYYY/MM/DATE/NN-版名/
标题.md``, a front matter with ``date``, ``section: "第05版"``, ``section_name`` and
``source_url``, then the body): the raw folder may hold such ``.md`` files instead of (or as
well as) the JSON lists; those of one date make one records file.

``--pages bench/real_pages.json`` keeps only the articles the bench's portions were built from
(by the content number in their address) and gives the roles the crawl does not mark: for each
article, paragraph index (0-based over its non-blank body lines) -> role. The file holds no
news text. Rebuild the records of the bench in one command, after fetching those articles'
``.md`` files (their page folders) into ``RAW``::

    python bench/real_records.py RAW /tmp/realpages/records --pages bench/real_pages.json

Records are written one file per raw file (per date for ``.md`` files), in the e-paper's order
(by the page number, then by the article's content number in its address), with ``paper`` from
``--paper``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROLES = ("kicker", "headline", "subheadline", "byline", "body", "caption", "intertitle", "other")
_BYLINE = re.compile(r"\A>\s*(.*?)\s*《[^》]{1,12}》\s*[（(][^（）()]*版\s*[)）]\s*\Z")
_ROLE_PREFIX = re.compile(r"\A\{(" + "|".join(ROLES) + r")\}\s*")
_BOLD = re.compile(r"\A\*\*(.+?)\*\*\Z")
_CREDIT = re.compile(
    r"(?:摄|摄影|摄影报道|供图|提供|资料图片|图片来源[^）)]*)[）)]?(?:[（(][^（）()]{1,12}[)）])?\Z"
)
_CHART = re.compile(r"\A(?:(?:数据|资料)来源|制图|绘图)\s*[:：]")
_FURNITURE = re.compile(r"\A(?:版式设计|责任编辑|本版编辑|美术编辑)\s*[:：]")
_ENDNOTE = re.compile(
    r"\A[（(][^（()）]*(?:[（(][^（()）]*[)）][^（()）]*)*[)）]\Z|\A——\s*编\s*者\Z"
)
_CONTENT_NO = re.compile(r"content_(\d+)")
CAPTION_MAX = 80
_TITLES = ("kicker", "headline", "subheadline", "intertitle")


def _lines(markdown: str) -> list[str]:
    return [ln.strip() for ln in markdown.split("\n") if ln.strip()]


def _heading(line: str, seen_headline: bool) -> tuple[str, str] | None:
    """The role and text of a markdown heading line, or None."""
    m = re.match(r"\A(#{1,6})\s+(.*)\Z", line)
    if not m:
        return None
    level, text = len(m.group(1)), m.group(2).strip()
    if level == 1:
        return "headline", text
    if level == 3 and not seen_headline:
        return "kicker", text
    return "subheadline", text


def _raw_blocks(markdown: str) -> list[dict]:
    """Blocks with the roles the markdown marks (or the hand prefix gives); body otherwise."""
    blocks: list[dict] = []
    seen_headline = seen_body = False
    for line in _lines(markdown):
        head = _heading(line, seen_headline)
        if head:
            role, text = head
            seen_headline = seen_headline or role == "headline"
        elif line.startswith(">"):
            m = _BYLINE.match(line)
            text = (m.group(1) if m else line.lstrip("> ")).strip()
            role = "byline"
        else:
            role, text = "body", line
            pre = _ROLE_PREFIX.match(line)
            bold = _BOLD.match(line)
            if pre:
                role, text = pre.group(1), line[pre.end() :]
            elif bold:
                role, text = ("intertitle" if seen_body else "subheadline"), bold.group(1)
        if text:
            blocks.append({"role": role, "text": text, "marked": role != "body"})
            seen_body = seen_body or role == "body"
    return blocks


def _mark_captions(blocks: list[dict]) -> None:
    """Photo and chart credits, and the short caption right above a photo credit."""
    for k, b in enumerate(blocks):
        if b["role"] not in ("body", "caption") or b["role"] == "body" and b["marked"]:
            continue
        if _CREDIT.search(b["text"]) and len(b["text"]) <= CAPTION_MAX:
            b["role"] = "caption"
            above = blocks[k - 1] if k else None
            if above and not above["marked"] and _caption_above(blocks, k - 1):
                above["role"] = "caption"
    for k, b in enumerate(blocks):
        if not b["marked"] and _CHART.match(b["text"]):
            near = blocks[max(k - 1, 0) : k] + blocks[k + 1 : k + 2]
            b["role"] = "caption" if any(o["role"] == "caption" for o in near) else "byline"


def _caption_above(blocks: list[dict], k: int) -> bool:
    """Whether the unmarked block ``k`` above a credit is a photo's caption, not story text.

    Captions are printed before the story's first paragraph, or between its paragraphs as a
    line that is short and a single sentence.
    """
    text = blocks[k]["text"]
    before_story = all(b["role"] != "body" for b in blocks[:k])
    return before_story or (len(text) <= CAPTION_MAX and text.count("。") <= 1)


def _mark_ends(blocks: list[dict]) -> None:
    """End notes after the last body paragraph, signatures and page furniture."""
    last_body = max(
        (
            k
            for k, b in enumerate(blocks)
            if b["role"] == "body" and not _FURNITURE.match(b["text"])
        ),
        default=-1,
    )
    for k, b in enumerate(blocks):
        if b["marked"] or b["role"] != "body":
            continue
        # A piece of a box of several ends with its note too, right above the next title.
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        ends_piece = nxt is not None and nxt["marked"] and nxt["role"] in _TITLES
        if _FURNITURE.match(b["text"]):
            b["role"] = "other"
        elif _ENDNOTE.match(b["text"]) and (
            k >= last_body or ends_piece or b["text"].startswith("——")
        ):
            b["role"] = "byline"


def blocks_of(markdown: str) -> list[dict]:
    """The ``{"role", "text"}`` blocks of one article's markdown body."""
    blocks = _raw_blocks(markdown)
    _mark_captions(blocks)
    _mark_ends(blocks)
    return [{"role": b["role"], "text": b["text"]} for b in blocks]


def _order(article: dict) -> tuple[int, int]:
    m = _CONTENT_NO.search(article.get("url", ""))
    return int(article["section_no"]), int(m.group(1)) if m else 0


def records_of(articles: list[dict], paper: str, source: str) -> list[dict]:
    """The bench records of one raw file's articles, in page and e-paper order."""
    out, seen = [], set()
    for art in sorted(articles, key=_order):
        key = (art["section_no"], art.get("title") or art["markdown_body"][:40])
        if key in seen:  # a crawl may list an article twice on its page
            continue
        seen.add(key)
        out.append(
            {
                "paper": paper,
                "date": art["date"],
                "page": str(int(art["section_no"])),
                "section": art.get("section_name", ""),
                "source": f"{source} {art.get('url', '')}".strip(),
                "blocks": blocks_of(art["markdown_body"]),
            }
        )
    return out


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_FIELD = re.compile(r'^(\w+):\s*"?(.*?)"?\s*$', re.M)


def _read_md(path: Path) -> dict:
    """One article of a vault ``.md`` file, as a crawl list's article."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SystemExit(f"{path}: not a readable UTF-8 file ({err})") from None
    m = _FRONT.match(text)
    if m is None:
        raise SystemExit(f"{path}: no front matter (--- date/section/source_url ---)")
    fields = dict(_FIELD.findall(m.group(1)))
    number = re.search(r"\d+", fields.get("section", ""))
    if "date" not in fields or number is None:
        raise SystemExit(f"{path}: the front matter lacks date or section (第NN版)")
    return {
        "date": fields["date"],
        "section_no": number.group(),
        "section_name": fields.get("section_name", ""),
        "url": fields.get("source_url", ""),
        "title": fields.get("title", ""),
        "markdown_body": text[m.end() :],
    }


def _content_no(article: dict) -> str:
    m = _CONTENT_NO.search(article.get("url", ""))
    return m.group(1) if m else ""


def apply_pages(articles: list[dict], pages: dict) -> list[dict]:
    """The articles listed in ``pages`` (by content number), with its roles as ``{role}``
    prefixes on the body lines it names."""
    out = []
    for art in articles:
        entry = pages.get(_content_no(art))
        if entry is None:
            continue
        lines = _lines(art["markdown_body"])
        for index, role in entry.get("roles", {}).items():
            k = int(index) if str(index).isdigit() else -1
            if role not in ROLES or not 0 <= k < len(lines):
                raise SystemExit(
                    f"--pages: bad role {role!r} or line {index!r} for {_content_no(art)}"
                )
            lines[k] = "{" + role + "}" + lines[k].lstrip("> ").removeprefix("系列：")
        out.append({**art, "markdown_body": "\n\n".join(lines)})
    return out


def _inputs(raw: Path) -> list[tuple[str, list[dict]]]:
    """``(name, articles)`` per crawl list, and per date for vault ``.md`` files."""
    out = [(p.name, _read(p)) for p in sorted(raw.glob("*.json"))]
    by_date: dict[str, list[dict]] = {}
    for path in sorted(raw.rglob("*.md")):
        art = _read_md(path)
        by_date.setdefault(art["date"], []).append(art)
    out += [(f"articles_{d.replace('-', '')}_md.json", arts) for d, arts in sorted(by_date.items())]
    return out


def _read(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise SystemExit(f"{path}: not a readable JSON file ({err})") from None
    if not isinstance(data, list) or not all(
        isinstance(a, dict) and {"date", "section_no", "markdown_body"} <= a.keys() for a in data
    ):
        raise SystemExit(
            f"{path}: expected a JSON list of articles with date, section_no, markdown_body"
        )
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw", type=Path, help="folder of articles_*.json crawl files")
    parser.add_argument("out", type=Path, help="folder the records are written to")
    parser.add_argument("--paper", default="人民日报", help="the paper's name in the records")
    parser.add_argument("--pages", type=Path, help="articles to keep and their roles (JSON)")
    args = parser.parse_args(argv)
    inputs = _inputs(args.raw)
    if not inputs:
        raise SystemExit(f"no *.json crawl files or *.md article files in {args.raw}")
    pages = None
    if args.pages:
        try:
            pages = json.loads(args.pages.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise SystemExit(f"{args.pages}: not a readable JSON file ({err})") from None
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, articles in inputs:
        if pages is not None:
            articles = apply_pages(articles, pages)
        recs = records_of(articles, args.paper, name)
        if recs:
            text = json.dumps(recs, ensure_ascii=False, indent=1)
            (args.out / name).write_text(text, "utf-8")
        total += len(recs)
    print(f"records={total} inputs={len(inputs)} out={args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
