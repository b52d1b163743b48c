"""Export places each accepted span in its article with one sweep over the page: whatever
the order of the spans, every span lands where the article's own offset map puts it, and
the spans it cannot place are reported, as a span-by-span lookup does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats.gold_jsonl import ExportWarning, article_records
from annotator.model import Block, Page, Span
from annotator.text import derive_articles

# Pieces of page text with markup, soft line breaks, an astral character and furniture.
_PIECES = ["# 标题", "**本报讯** 张三", "李四在衡阳\n市开会", "𠮷野家", "广告", "正文。\n续"]


@st.composite
def pages(draw):
    parts = draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6))
    text, blocks, at = "", [], 0
    for piece in parts:
        article = draw(st.sampled_from([None, 1, 2, 3]))
        role = draw(st.sampled_from(["headline", "body", "caption", "other"]))
        joins = draw(st.booleans())
        blocks.append(Block(at, at + len(piece), role, article, joins))
        text += piece + "\n\n"
        at = len(text)
    spans = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 8)))
        spans.append(Span(start, end, draw(st.sampled_from(["PER", "LOC"])), "human"))
    return Page("p", text, "p.txt", "0" * 64, "done"), blocks, spans


def _one_by_one(page, blocks, spans):
    """Each span looked up in every article's own map: (article ordinal, start, end, label)."""
    articles = list(derive_articles(page.text, blocks).values())
    placed, lost = [], []
    for s in spans:
        hits = [
            (n, *mapped, s.label)
            for n, article in enumerate(articles, start=1)
            if (mapped := article.span_to_article(s.start, s.end)) is not None
        ]
        (placed if hits else lost).append(hits[0] if hits else s)
    return sorted(placed), lost


@settings(max_examples=300, deadline=None)
@given(page=pages(), order=st.randoms(use_true_random=False))
def test_every_span_lands_where_the_articles_map_puts_it_in_any_order(page, order):
    page, blocks, spans = page
    shuffled = list(spans)
    order.shuffle(shuffled)
    warnings: list[ExportWarning] = []
    records = article_records(page, blocks, shuffled, warnings)
    got = sorted(
        (r["ordinal"], s["start"], s["end"], s["label"]) for r in records for s in r["spans"]
    )
    expected, lost = _one_by_one(page, blocks, spans)
    assert got == expected
    assert sorted((w.span.start, w.span.end, w.span.label) for w in warnings) == sorted(
        (s.start, s.end, s.label) for s in lost
    )
    for record in records:
        keys = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
        assert keys == sorted(keys)
        assert all(record["text"][s["start"] : s["end"]] == s["text"] for s in record["spans"])
    assert records == article_records(page, blocks, sorted(spans, key=lambda s: s.start))
