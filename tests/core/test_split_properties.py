"""Property tests of ``split_page``: on any text it returns a well-formed split.

Two kinds of input: arbitrary Unicode (CJK, astral characters, lots of line breaks and
spaces), and pages assembled from newspaper-like fragments (bylines, leads, captions,
furniture, headings, unfinished lines), which reach the deeper branches of the heuristics.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.model import ROLES
from annotator.split import split_page

# Line breaks and spaces are drawn often, so that pages have many short and blank lines.
_SPACES = st.sampled_from(["\n", "\n", "\n", " ", " ", "\t", "\u3000", "\xa0", "\r", "\x0b"])
_CUES = st.sampled_from(
    list("。，、；：！？…—”“「」（）()#*■●▲本报讯记者通讯员实习生图为摄第版月日电完")
)

UNICODE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),  # anything but lone surrogates
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK
        st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # CJK Extension B
        st.characters(min_codepoint=0x1F300, max_codepoint=0x1F6FF),  # emoji
        _SPACES,
        _CUES,
    ),
    max_size=300,
)

_FRAGMENTS = st.sampled_from(
    [
        "# 标题",
        "## 小标题",
        "### 加装电梯",
        "全省会议提出——",
        "确保颗粒归仓 稳住农民收入",
        "——记某某",
        "■本报记者 张三",
        "■本报记者 张三  \n通讯员 李四",
        "本报记者 张三 实习生 李四",
        "（本报记者 张三）",
        "（据新华社电）",
        "本报讯 会议昨日召开。",
        "**本报讯** 会议昨日召开，",
        "本报北京3月4日电（记者 张三）会议召开。",
        "新华社北京9月20日电 数据发布。",
        "（记者 张三）会议召开",
        "图为市民在公园散步。本报记者 钱多 摄",
        "▲ 孩子们在上课。",
        "本报记者 周强 摄",
        "第3版 要闻",
        "2023年9月21日 星期四",
        "责任编辑：张三",
        "（下转第2版）",
        "（完）",
        "广告",
        "会议指出，要推进",
        "“一体两翼”建设。",
        "要求——",
        "一是加强领导。",
        "（一）强化保障：",
        "●国家统计局发布数据。",
        "简讯",
        "会议还研究了其他事项。",
        "市委常委会召开会议",
        "这是一个很长的段落，" * 8,
        "𠮷野家",
        "",
    ]
)
_SEPARATORS = st.sampled_from(["\n", "\n\n", "\n \n\n", "  \n", "\n\u3000\u3000", " "])


@st.composite
def newspaper_like_pages(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(_FRAGMENTS, UNICODE_TEXT), max_size=25))
    seps = draw(st.lists(_SEPARATORS, min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


ANY_PAGE = st.one_of(UNICODE_TEXT, newspaper_like_pages())


def check_well_formed(text: str) -> None:
    blocks = split_page(text)
    previous_end = 0
    for b in blocks:
        # Within the text, sorted, non-overlapping, non-empty, trimmed to non-whitespace.
        assert 0 <= previous_end <= b.start < b.end <= len(text)
        assert not text[b.start].isspace()
        assert not text[b.end - 1].isspace()
        # Nothing but whitespace between blocks: every other character is in some block.
        assert text[previous_end : b.start].strip() == ""
        previous_end = b.end
    assert text[previous_end:].strip() == ""

    seen: list[int] = []
    body_seen: set[int] = set()
    for b in blocks:
        assert b.role in ROLES
        if b.article is None:
            assert b.role == "other"
            assert not b.joins_previous
        else:
            assert isinstance(b.article, int)
            if b.article not in seen:
                # Articles are numbered 1..k in order of first appearance.
                assert b.article == len(seen) + 1
                seen.append(b.article)
        if b.joins_previous:
            # Only a body paragraph continues, and only an earlier body of its own article.
            assert b.role == "body"
            assert b.article in body_seen
        if b.role == "body" and b.article is not None:
            body_seen.add(b.article)
        assert set(b.confidences) == {"role", "boundary", "join"}
        assert all(0.0 <= c <= 1.0 for c in b.confidences.values())
        assert b.confidence == min(b.confidences.values())


@settings(max_examples=400, deadline=None)
@given(UNICODE_TEXT)
def test_split_of_arbitrary_unicode_text_is_well_formed(text):
    check_well_formed(text)


@settings(max_examples=400, deadline=None)
@given(newspaper_like_pages())
def test_split_of_newspaper_like_pages_is_well_formed(text):
    check_well_formed(text)


@settings(max_examples=100, deadline=None)
@given(ANY_PAGE)
def test_split_is_deterministic(text):
    assert split_page(text) == split_page(text)


# Leading pads end in a line break: a leading U+3000 would indent the first line, and
# indentation is part of a hard-wrapped line's width (hypothesis found a page of digit lines
# whose column width, and so its paragraphs, changed with it), so it is not "around" the page.
@settings(max_examples=200, deadline=None)
@given(
    ANY_PAGE,
    st.sampled_from(["", "\n", "\n\n", "  \n \n"]),
    st.sampled_from(["", "\n", "\n\n", "  \n \n", "\u3000", "\u3000\n"]),
)
def test_whitespace_around_the_page_does_not_change_the_blocks(text, pad, tail):
    shifted = [
        (b.start - len(pad), b.end - len(pad), b.role, b.article, b.joins_previous)
        for b in split_page(pad + text + tail)
    ]
    plain = [(b.start, b.end, b.role, b.article, b.joins_previous) for b in split_page(text)]
    assert shifted == plain
