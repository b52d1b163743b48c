"""Hand copies -> records of ``bench/structure_real.py`` and a text-free recipe (issue #9, s29-curve2).

The second one-paper learning-curve set (``/work/data/s29/curve``, UNTUNED: nobody tunes on it) is
typed back by hand from the public crawl ``ifyuls/rmrb-rss`` (``history/rmrb_YYYY-MM-DD.xml``: one
RSS file an issue, one ``<item>`` an article in the e-paper's order, its ``<description>`` the
article page's HTML: ``<h3>`` kicker, ``<h1>`` headline, ``<h2>`` subtitle, the reporters' line in
``p.sec``, photo captions in the images' ``data-original-title``, body ``<p>`` blocks, bold
``<strong>`` intertitles). The news text is copyrighted and never committed: the copies live in
``/work/data/s29/curve/txt``; this script and the recipe it writes hold no news text.

Copy format (one file an issue, ``*.txt``)::

    === 人民日报|2026-06-25|01|要闻|https://paper.people.com.cn/rmrb/pc/content/202606/25/content_30164754.html
    {kicker}…            one block a line; {role} prefix, else body
    正文开头⋯结尾。       a long paragraph shortened around ⋯ (the bench refills it)
    @@copy 30164777      the article repeats (a jump page) the blocks of that content number

Roles are set by hand for every block (the crawl's markup gives kicker/headline/subheadline/byline;
the rest are hand fixes: captions from image titles, unmarked intertitles, box piece titles and
reporters, ■ summary bullets and standfirsts as subheadlines, end notes as bylines, page furniture
inside an article as ``other``). Items that hold only page furniture (``本版责编``, ``版式设计``) are
left out. Build::

    python bench/curve2_build.py /work/data/s29/curve/txt /work/data/s29/curve/records bench/paper_sets/s29_curve.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROLES = ("kicker", "headline", "subheadline", "byline", "body", "caption", "intertitle", "other")
_CONTENT = re.compile(r"content_(\d+)\.html")


def parse(path: Path) -> list[dict]:
    recs: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("==="):
            paper, date, page, section, source = (x.strip() for x in line[3:].split("|", 4))
            recs.append(
                {
                    "paper": paper,
                    "date": date,
                    "page": str(int(page)),
                    "section": section,
                    "source": source,
                    "blocks": [],
                    "copy": None,
                }
            )
            continue
        if line.startswith("@@copy"):
            recs[-1]["copy"] = line.split()[1]
            continue
        m = re.match(r"\{(\w+)\}(.*)", line)
        role, text = (m.group(1), m.group(2).strip()) if m else ("body", line)
        if role not in ROLES:
            raise SystemExit(f"{path}: unknown role {role!r} in {line!r}")
        recs[-1]["blocks"].append({"role": role, "text": text})
    return recs


def main(src: Path, out: Path, recipe: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    entries, pages, total = [], set(), 0
    for path in sorted(src.glob("*.txt")):
        recs = parse(path)
        by_id = {_CONTENT.search(r["source"]).group(1): r for r in recs}
        for r in recs:
            if r["copy"]:
                r["blocks"] = [dict(b) for b in by_id[r["copy"]]["blocks"]]
            if not r["blocks"]:
                raise SystemExit(f"{path}: empty article {r['source']}")
        dates = {r["date"] for r in recs}
        for date in sorted(dates):
            rs = [r for r in recs if r["date"] == date]
            name = f"articles_{date.replace('-', '')}.json"
            recs_out = [
                {k: r[k] for k in ("paper", "date", "page", "section", "source", "blocks")}
                for r in rs
            ]
            (out / name).write_text(json.dumps(recs_out, ensure_ascii=False, indent=1), "utf-8")
        for r in recs:
            pages.add((r["paper"], r["date"], r["page"]))
            total += 1
            e = {k: r[k] for k in ("paper", "date", "page", "section", "source")}
            e["roles"] = [b["role"] for b in r["blocks"]]
            e["shortened"] = [i for i, b in enumerate(r["blocks"]) if "⋯" in b["text"]]
            if r["copy"]:
                e["copy_of"] = r["copy"]
            entries.append(e)
    head = json.loads(recipe.read_text(encoding="utf-8")) if recipe.exists() else {}
    head = {k: v for k, v in head.items() if k not in ("pages", "articles")}
    head["pages"] = len(pages)
    head["articles"] = entries
    recipe.write_text(json.dumps(head, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"articles={total} pages={len(pages)} issues={len({p[1] for p in pages})}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
