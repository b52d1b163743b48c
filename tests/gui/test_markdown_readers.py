"""Markdown syntax is defined once (annotator.markdown): the clean text export writes, the
outline's excerpts and the splitter's end-of-paragraph cues agree on what is markup."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.gui.outline import excerpt
from annotator.markdown import strip_markup
from annotator.model import Block
from annotator.split.cues import ending, ends_with_note
from annotator.text import derive_article

CASES = [
    "# 市委常委会召开会议",
    "## **加粗的标题**",
    "**本报讯** 3月4日,会议召开。",
    "标题  \n副题",
    "会议指出,要高站位认识把握。**（记者 张三）**",
    "未配对的**星号",
    "#5号文件",
    "一、**总体要求**",
]


def clean(text: str) -> str:
    """The clean text export writes for a one-block headline article of ``text``."""
    return derive_article(text, [Block(0, len(text), "headline", 1)]).text


@pytest.mark.parametrize("text", CASES)
def test_export_outline_and_splitter_read_the_same_text(text: str) -> None:
    assert strip_markup(text) == clean(text)
    assert excerpt(text, 1000) == " ".join(clean(text).split())
    assert ending(text) == ending(clean(text))
    assert ends_with_note(text) == ends_with_note(clean(text))


def test_a_bold_note_ends_an_article_as_a_plain_one_does() -> None:
    assert ends_with_note("要高站位认识把握。**（记者 张三）**")
    assert excerpt("未配对的**星号") == "未配对的**星号"  # as export keeps it


@given(st.text(alphabet="#*  \n\t标题。（）_", min_size=1, max_size=24))
def test_export_and_outline_agree_on_any_text(text: str) -> None:
    assert strip_markup(text) == clean(text)
    assert excerpt(text, 1000) == " ".join(clean(text).split())
