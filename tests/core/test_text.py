"""Clean article text and its offset map (annotator.text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.model import Block
from annotator.text import ArticleText, Paragraph, derive_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def blocks_of(page: str, *parts: str, **flags: object) -> list[Block]:
    """Blocks covering each of ``parts`` (found in order in ``page``)."""
    blocks, position = [], 0
    for part in parts:
        start = page.index(part, position)
        position = start + len(part)
        blocks.append(Block(start, position, **flags))  # type: ignore[arg-type]
    return blocks


def assert_exact(page: str, article: ArticleText) -> None:
    """Every kept character maps both ways and reads the same in page and article."""
    for p in range(len(page) + 1):
        a = article.to_article(p)
        if a is not None:
            assert article.text[a] == page[p]
            assert article.to_page(a) == p


# ------------------------------------------------------------------ markdown removal


def test_heading_marker_and_its_space_are_removed() -> None:
    page = "\n\n# 市委常委会召开会议\n\n"
    article = derive_article(page, blocks_of(page, "# 市委常委会召开会议"))
    assert article.text == "市委常委会召开会议"
    # The example of design.md: the headline's page range includes the marker.
    assert article.paragraphs == [Paragraph("body", 0, 9, 2, 13)]
    assert article.to_article(2) is None and article.to_article(3) is None
    assert article.to_article(4) == 0
    assert_exact(page, article)


@pytest.mark.parametrize(
    ("block", "clean"),
    [
        ("## 今年粮食播种面积", "今年粮食播种面积"),
        ("###### 六级", "六级"),
        ("#\t制表符", "制表符"),
        ("#   多个空格", "多个空格"),
        ("####### 七个井号", "####### 七个井号"),  # not a heading in markdown
        ("#5 号文件", "#5 号文件"),  # no space after the marker
        ("标题 # 中间", "标题 # 中间"),  # only at the start of a block
        ("# ", ""),
    ],
)
def test_heading_variants(block: str, clean: str) -> None:
    article = derive_article(block, [Block(0, len(block))])
    assert article.text == clean
    assert_exact(block, article)


@pytest.mark.parametrize(
    ("block", "clean"),
    [
        ("**本报讯** 3月4日", "本报讯 3月4日"),
        ("前**强调**中**再强调**后", "前强调中再强调后"),
        ("**跨\n行**", "跨\n行"),
        ("未配对 ** 星号", "未配对 ** 星号"),
        ("****", "****"),  # empty emphasis is not emphasis
        ("***粗斜***", "*粗斜*"),
        ("2*3*4", "2*3*4"),
        ("# **标题**", "标题"),
    ],
)
def test_emphasis_markers(block: str, clean: str) -> None:
    # A byline keeps its line breaks, so emphasis over a hard break is tested as such.
    article = derive_article(block, [Block(0, len(block), "byline")])
    assert article.text == clean
    assert_exact(block, article)


@pytest.mark.parametrize(
    ("block", "clean"),
    [
        ("■本报记者 罗文鹏  \n通讯员 周乐天", "■本报记者 罗文鹏\n通讯员 周乐天"),
        ("研究部署   \n邓群策主持", "研究部署\n邓群策主持"),
        ("一个空格 \n保留", "一个空格 \n保留"),  # one space is no hard break
        ("中间  两个空格", "中间  两个空格"),  # not at a line end
        ("段尾两个空格  ", "段尾两个空格"),
        ("\u3000\u3000全角缩进保留", "\u3000\u3000全角缩进保留"),
        ("制表符\t\n保留", "制表符\t\n保留"),
    ],
)
def test_hard_break_spaces(block: str, clean: str) -> None:
    # In a byline every line break is kept, so only the spaces rule is tested here.
    article = derive_article(block, [Block(0, len(block), "byline")])
    assert article.text == clean
    assert_exact(block, article)


# ------------------------------------------------------------------ joining


def test_blocks_are_joined_with_a_line_break() -> None:
    page = "市政府召开常务会议\n\n■本报记者 罗文鹏\n\n本报讯 昨日下午。"
    blocks = blocks_of(page, "市政府召开常务会议", "■本报记者 罗文鹏", "本报讯 昨日下午。")
    article = derive_article(page, blocks)
    assert article.text == "市政府召开常务会议\n■本报记者 罗文鹏\n本报讯 昨日下午。"
    assert [(p.start, p.end) for p in article.paragraphs] == [(0, 9), (10, 19), (20, 29)]
    # The separators are not page characters.
    assert article.to_page(9) == 9  # just after 议
    assert article.to_page(len(article.text)) == len(page)
    assert_exact(page, article)


def test_joined_block_continues_the_previous_paragraph() -> None:
    page = "为推进粮食产业协同创新,我市还通\n\n过县级成立工作机构。\n\n下一段。"
    a, b, c = blocks_of(page, "为推进粮食产业协同创新,我市还通", "过县级成立工作机构。", "下一段。")
    b = Block(b.start, b.end, role="caption", joins_previous=True)
    article = derive_article(page, [a, b, c])
    assert article.text == "为推进粮食产业协同创新,我市还通过县级成立工作机构。\n下一段。"
    first, second = article.paragraphs
    # One paragraph, role of its first part, page range over both parts.
    assert first == Paragraph("body", 0, 26, a.start, b.end)
    assert second.start == 27
    # "通过" straddles a column break with a blank line ("通\n\n过"): no exact mapping.
    tong = page.index("通\n")
    assert article.span_to_article(tong, tong + 4) is None
    assert article.span_to_article(tong, tong + 1) == (15, 16)
    assert_exact(page, article)


def test_joined_blocks_that_touch_on_the_page_map_across_the_join() -> None:
    page = "邓群策主持会议"
    blocks = [Block(0, 2), Block(2, 7, joins_previous=True)]
    article = derive_article(page, blocks)
    assert article.text == page
    assert article.segments == [(0, 0, 7)]
    assert article.span_to_article(0, 3) == (0, 3)


def test_first_block_cannot_join_anything() -> None:
    page = "甲乙\n丙丁"
    article = derive_article(page, [Block(0, 2, joins_previous=True), Block(3, 5)])
    assert article.text == "甲乙\n丙丁"
    assert len(article.paragraphs) == 2


def test_non_contiguous_article_skips_other_text() -> None:
    page = "甲文章标题\n乙文章标题\n甲文章正文"
    blocks = [Block(0, 5, role="headline"), Block(12, 17)]
    article = derive_article(page, blocks)
    assert article.text == "甲文章标题\n甲文章正文"
    assert article.to_article(6) is None
    assert article.span_to_article(4, 13) is None  # crosses the other article
    assert_exact(page, article)


def test_blocks_are_taken_in_page_order() -> None:
    page = "一二\n三四"
    article = derive_article(page, [Block(3, 5), Block(0, 2)])
    assert article.text == "一二\n三四"


@pytest.mark.parametrize("blocks", [[Block(0, 3), Block(2, 4)], [Block(0, 9)], [Block(-1, 2)]])
def test_bad_blocks_are_rejected(blocks: list[Block]) -> None:
    with pytest.raises(ValueError):
        derive_article("一二三四", blocks)


def test_no_blocks_give_an_empty_article() -> None:
    article = derive_article("正文", [])
    assert article.text == "" and article.paragraphs == []
    assert article.to_article(0) is None
    assert article.to_page(0) == 0
    with pytest.raises(IndexError):
        article.to_page(1)


# ------------------------------------------------------------------ offsets


def test_astral_characters_count_as_one_code_point() -> None:
    page = "# 𠮷野家\n\n**本报讯** 𠮷田先生在𠮷野家吃饭。"
    blocks = blocks_of(page, "# 𠮷野家", "**本报讯** 𠮷田先生在𠮷野家吃饭。")
    article = derive_article(page, blocks)
    assert article.text == "𠮷野家\n本报讯 𠮷田先生在𠮷野家吃饭。"
    start = page.index("𠮷田")
    a, b = article.span_to_article(start, start + 4)  # type: ignore[misc]
    assert article.text[a:b] == "𠮷田先生" == page[start : start + 4]
    assert (a, b) == (8, 12)
    assert article.span_to_page(a, b) == (start, start + 4)
    assert_exact(page, article)


def test_span_covering_removed_markup_does_not_map() -> None:
    page = "**本报讯** 3月4日"
    article = derive_article(page, [Block(0, len(page))])
    assert article.span_to_article(2, 5) == (0, 3)  # 本报讯
    assert article.span_to_article(0, 7) is None  # **本报讯**
    assert article.span_to_article(4, 9) is None  # 讯** 3
    assert article.span_to_article(3, 3) is None  # empty
    assert article.span_to_article(20, 22) is None  # outside


def test_span_to_page_across_removed_markup() -> None:
    page = "**本报讯** 3月"
    article = derive_article(page, [Block(0, len(page))])
    assert article.text == "本报讯 3月"
    assert article.span_to_page(0, 3) == (2, 5)
    assert article.span_to_page(0, 6) == (2, 10)


# ------------------------------------------------------------------ sample pages


def paragraph_blocks(page: str) -> list[Block]:
    """Blocks between blank lines (what the splitter does for these pages)."""
    return [Block(m.start(), m.end()) for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", page)]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_sample_pages_map_exactly(seed: Path) -> None:
    page = seed.read_text(encoding="utf-8")
    article = derive_article(page, paragraph_blocks(page))
    assert "**" not in article.text
    assert not re.search(r"^#{1,6} ", article.text, re.MULTILINE)
    assert not re.search(r" {2,}\n", article.text)
    assert_exact(page, article)


# ------------------------------------------------------------------ properties

ALPHABET = st.sampled_from(["a", "中", "𠮷", "#", "*", " ", "\n", "\t", "—", "\u3000"])


@st.composite
def pages_and_blocks(draw: st.DrawFn) -> tuple[str, list[Block]]:
    page = "".join(draw(st.lists(ALPHABET, max_size=60)))
    cuts = sorted(draw(st.lists(st.integers(0, len(page)), max_size=12)))
    blocks = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        role = draw(st.sampled_from(["headline", "byline", "body"]))
        blocks.append(Block(start, end, role=role, joins_previous=draw(st.booleans())))
    return page, blocks


def reference_soft_breaks(page: str, start: int, end: int) -> set[int]:
    """Line breaks in mid-sentence of a body block, and the indentation after them."""
    removed: set[int] = set()
    for i in range(start, end):
        if page[i] != "\n":
            continue
        j = i + 1
        while j < end and page[j] in " \t\u3000":
            j += 1
        before = page[i - 1] if i > start else ""
        after = page[j] if j < end else ""
        ends_sentence = before in "。！？!?…" or (
            before in "”’」』）)" and page[i - 2 : i - 1] in list("。！？!?…")
        )
        latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
        list_item = re.match(r"\*[ \t]", page[j:end]) is not None  # a line of its own
        glued = after and before != " " and not (before and ends_sentence) and not latin
        if glued and not list_item:
            removed.update(range(i, j))
    return removed


def reference_kept(page: str, start: int, end: int, role: str = "byline") -> list[int]:
    """Page positions kept from a block, computed naively character by character."""
    removed: set[int] = set()
    if role in ("body", "caption"):
        removed |= reference_soft_breaks(page, start, end)
    removed |= _reference_heading_marks(page, start, end)
    removed |= _reference_bold_marks(page, start, end)
    removed |= _reference_trailing_spaces(page, start, end)
    removed |= _reference_line_marks(page, start, end)
    return [p for p in range(start, end) if p not in removed]


def _reference_line_marks(page: str, start: int, end: int) -> set[int]:
    """At the start of each line of the block: a ``* `` list marker, or a ``* * *`` line
    (a thematic break) with the line break after it (else the one before it)."""
    removed: set[int] = set()
    starts = [start] + [i + 1 for i in range(start, end) if page[i] == "\n"]
    for s in starts:
        stop = page.find("\n", s, end)
        stop = end if stop < 0 else stop
        line = page[s:stop]
        if re.fullmatch(r"[ \t]{0,3}\*(?:[ \t]+\*){2,}[ \t]*", line):
            removed.update(range(s, stop))
            if stop < end:
                removed.add(stop)
            elif s > start:
                removed.add(s - 1)
            continue
        marker = re.match(r"[ \t]{0,3}\*[ \t]+", line)
        if marker:
            removed.update(range(s, s + marker.end()))
    return removed


def _reference_heading_marks(page: str, start: int, end: int) -> set[int]:
    """The ``#`` marks and the blanks after them that open a Markdown heading."""
    hashes = 0
    while start + hashes < end and page[start + hashes] == "#" and hashes < 7:
        hashes += 1
    blanks = hashes
    while start + blanks < end and page[start + blanks] in " \t":
        blanks += 1
    return set(range(start, start + blanks)) if 1 <= hashes <= 6 and blanks > hashes else set()


def _reference_bold_marks(page: str, start: int, end: int) -> set[int]:
    """The ``**`` pairs around bold text."""
    removed: set[int] = set()
    i = start
    while i < end - 1:
        if page[i : i + 2] == "**":
            close = page.find("**", i + 3, end)
            if close >= 0:
                removed.update((i, i + 1, close, close + 1))
                i = close + 2
                continue
        i += 1
    return removed


def _reference_trailing_spaces(page: str, start: int, end: int) -> set[int]:
    """Runs of two or more spaces at the end of a line (a Markdown hard break)."""
    removed: set[int] = set()
    i = start
    while i < end:
        j = i
        while j < end and page[j] == " ":
            j += 1
        if j - i >= 2 and (j == end or page[j] == "\n"):
            removed.update(range(i, j))
        i = max(j, i + 1)
    return removed


def reference_map(page: str, blocks: list[Block]) -> tuple[str, dict[int, int]]:
    text, where = "", {}
    for n, b in enumerate(sorted(blocks, key=lambda b: (b.start, b.end))):
        if n and not b.joins_previous:
            text += "\n"
        for p in reference_kept(page, b.start, b.end, b.role):
            where[p] = len(text)
            text += page[p]
    return text, where


@settings(max_examples=400)
@given(pages_and_blocks())
def test_derivation_matches_a_naive_reference(case: tuple[str, list[Block]]) -> None:
    page, blocks = case
    article = derive_article(page, blocks)
    text, where = reference_map(page, blocks)
    assert article.text == text
    for p in range(len(page) + 2):
        assert article.to_article(p) == where.get(p)


@settings(max_examples=400)
@given(pages_and_blocks())
def test_every_kept_character_maps_both_ways(case: tuple[str, list[Block]]) -> None:
    page, blocks = case
    article = derive_article(page, blocks)
    kept = 0
    for p in range(len(page)):
        a = article.to_article(p)
        if a is not None:
            kept += 1
            assert article.text[a] == page[p]
            assert article.to_page(a) == p
    # What is not a page character is a paragraph separator.
    separators = len(article.paragraphs) - 1 if article.paragraphs else 0
    assert kept + separators == len(article.text)
    for a in range(len(article.text) + 1):
        article.to_page(a)  # never raises inside 0..len


@settings(max_examples=300)
@given(pages_and_blocks())
def test_spans_map_exactly_or_not_at_all(case: tuple[str, list[Block]]) -> None:
    page, blocks = case
    article = derive_article(page, blocks)
    for start in range(len(page)):
        for end in range(start + 1, len(page) + 1):
            mappable = _mappable(page, article, start, end)
            mapped = article.span_to_article(start, end)
            assert (mapped is not None) == mappable
            if mapped is not None:
                a, b = mapped
                kept = [p for p in range(start, end) if article.to_article(p) is not None]
                assert article.text[a:b] == "".join(page[p] for p in kept)
                assert article.span_to_page(a, b) == (start, end)


def _mappable(page: str, article, start: int, end: int) -> bool:
    """Naively: both ends kept, kept characters consecutive in the article, and every
    dropped character inside is part of a single soft line break (newline + indent)."""
    positions = [article.to_article(p) for p in range(start, end)]
    if positions[0] is None or positions[-1] is None:
        return False
    kept = [a for a in positions if a is not None]
    if kept != list(range(kept[0], kept[0] + len(kept))):
        return False
    gap = ""
    for p, a in zip(range(start, end), positions, strict=True):
        if a is None:
            gap += page[p]
        elif gap:
            if not re.fullmatch("\n[ \t\u3000]*", gap):
                return False
            gap = ""
    return True


@settings(max_examples=300)
@given(pages_and_blocks())
def test_paragraphs_tile_the_text(case: tuple[str, list[Block]]) -> None:
    page, blocks = case
    article = derive_article(page, blocks)
    position = 0
    for n, paragraph in enumerate(article.paragraphs):
        assert paragraph.start == position
        assert paragraph.page_start <= paragraph.page_end
        if n < len(article.paragraphs) - 1:
            assert article.text[paragraph.end] == "\n"
        position = paragraph.end + 1
    assert not article.paragraphs or article.paragraphs[-1].end == len(article.text)


@pytest.mark.parametrize(
    ("role", "block", "clean"),
    [
        ("body", "硬换行的段落没有\n结束就接着写完。", "硬换行的段落没有结束就接着写完。"),
        ("body", "缩进的下一行\n\u3000\u3000接着。", "缩进的下一行接着。"),
        ("body", "第一句结束。\n第二句。", "第一句结束。\n第二句。"),
        ("body", "引语结束。”\n下一句。", "引语结束。”\n下一句。"),
        ("body", "hard break  \n后面", "hard break\n后面"),
        ("body", "Latin words\nstay apart", "Latin words\nstay apart"),
        ("caption", "图为工人在\n检修设备", "图为工人在检修设备"),
        ("byline", "■本报记者 张三\n通讯员 李四", "■本报记者 张三\n通讯员 李四"),
        ("subheadline", "第一行副题\n第二行副题", "第一行副题\n第二行副题"),
    ],
)
def test_line_breaks_in_mid_sentence_are_dropped_in_body_and_captions(role, block, clean):
    article = derive_article(block, [Block(0, len(block), role)])
    assert article.text == clean
    assert_exact(block, article)


def test_span_across_a_soft_line_break_or_a_column_join_maps_to_the_whole_entity():
    page = "市委书记邓群\n策主持会议,\n衡阳市\n政府召开"
    second = page.index("衡阳")
    blocks = [Block(0, second - 1, "body", 1), Block(second, len(page), "body", 1, True)]
    article = derive_article(page, blocks)
    assert article.text == "市委书记邓群策主持会议,衡阳市政府召开"
    a, b = article.span_to_article(4, 8)
    assert article.text[a:b] == "邓群策"
    a, b = article.span_to_article(page.index("会议"), page.index("市\n政府") + 1)
    assert article.text[a:b] == "会议,衡阳市"
    assert article.span_to_article(0, len(page)) == (0, len(article.text))


def test_span_across_removed_markup_or_a_paragraph_break_does_not_map():
    page = "**本报讯**正文\n\n下一段"
    article = derive_article(page, [Block(0, 9, "body", 1), Block(11, 14, "body", 1)])
    assert article.span_to_article(0, 9) is None  # covers a removed **
    assert article.span_to_article(7, 13) is None  # crosses into the next paragraph
