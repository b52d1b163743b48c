"""More cues of hard-wrapped and one-paragraph-a-line pages (issue 9, joins over all forms).

A colon closing a paragraph announces the next as a sentence end does; a closing quote that
hangs on a line of its own ends the paragraph as the text before it does; a line that reads
as a byline is none when a word runs into it from the line above (本|报记者走进…); three
names padded to three characters are a line of names under a headline; a name between a
commentary's headline and its opening question signs it. The text is invented.
"""

from __future__ import annotations

from annotator.split import split_page
from annotator.split.paragraphs import paragraphs
from tests.core.test_split_wrap import FULL_END, P1, P3, P4, P5, WIDTH, page, wrapped

ANNOUNCE = (
    "社区居民积极推进社区养老服务工作，形成了可复制的经验和做法，持续带动周边广大村民增收。建议："
)


def reflowed(text: str) -> list[str]:
    return [text[a:b].replace("\n", "") for a, b in paragraphs(text)]


def test_a_colon_ending_a_full_last_line_ends_the_paragraph_before_a_first_line():
    assert len(wrapped(ANNOUNCE)[-1]) == WIDTH and ANNOUNCE.endswith("：")
    text = page(P1, P3, ANNOUNCE, P4, P5, P1)
    got = reflowed(text)
    assert ANNOUNCE in got
    assert P4 in got


def test_three_padded_names_under_a_full_width_headline_are_its_author():
    title = "扎实推进社区养老服务工作再上台阶"
    names = "王小明  李大海  赵一帆"
    assert len(title) == WIDTH and len(names) == 13
    lines = [*wrapped(P3), *wrapped(P1), *wrapped(FULL_END), title, names, *wrapped(P4)]
    got = reflowed("\n".join([*lines, *wrapped(P5), *wrapped(P1)]))
    assert title in got
    assert names in got


def test_a_line_reading_as_a_byline_after_a_word_cut_goes_on_with_its_paragraph():
    width = 13
    par = (
        "近年来，这项制度在各地落地见效。为了深入了解，本报记者走进安徽、海南、云南三地进行了采访。"
    )
    lines = wrapped(par, width=width)
    assert lines[2] == "报记者走进安徽、海南、云南"  # 本| cut from 本报 at the line end
    others = [
        *wrapped(P1, width=width),
        *wrapped(P3, width=width),
        *wrapped(P4, width=width),
        *wrapped(P5, width=width),
    ]
    got = reflowed("\n".join([*others[:8], *lines, *others[8:]]))
    assert par in got


def test_a_closing_quote_hanging_on_a_line_of_its_own_ends_the_paragraph():
    text = "\n".join(
        [
            "夏粮丰收在望",
            "本报记者  张  明",
            "本报讯 “今年又是一个丰收年！",
            "”",
            "“只要浇够水，现在不怕旱！”采访中，种粮大户说。",
        ]
    )
    got = {text[b.start : b.end]: b.joins_previous for b in split_page(text)}
    assert got["”"] is True
    assert got["“只要浇够水，现在不怕旱！”采访中，种粮大户说。"] is False


def test_a_name_between_a_headline_and_an_opening_question_signs_the_commentary():
    body = "封闭式建筑里，从地下到顶层，餐饮、零售、娱乐一应俱全，这是许多人对商场的印象。"
    text = "\n".join(["城市公园成为青年新去处（快评）", "孙晓明", "公园是什么样的？", body])
    got = [(text[b.start : b.end], b.role, b.joins_previous) for b in split_page(text)]
    assert got[:2] == [
        ("城市公园成为青年新去处（快评）", "headline", False),
        ("孙晓明", "byline", False),
    ]
    assert ("公园是什么样的？", "body", False) in got
    assert (body, "body", False) in got


def test_a_dateline_alone_under_a_headline_ending_on_a_quotation_opens_the_lead():
    # 治理网店经营者“找不到人”现象 / 本报北京11月17日电: the quotation and the word after it
    # read as the head of a dateline broken over two lines, but the line names its agency
    title = "治理网店经营者“找不到人”现象"
    lead = "本报北京11月17日电  （记者林丽鹂）" + P4
    lines = [*wrapped(P3), *wrapped(P1), title, "本报北京11月17日电  ", *wrapped(lead[13:])]
    got = reflowed("\n".join([*lines, *wrapped(P5), *wrapped(P1)]))
    assert title in got
    assert any(p.startswith("本报北京11月17日电") and "（记者林丽鹂）" in p for p in got)


def test_a_kicker_and_headline_filling_the_column_over_a_byline_are_two_title_lines():
    # set across the column, each title line is as long as a full line of text; but no
    # paragraph ends without a sentence end right above a byline, and neither line holds one
    def indented(*pars: str) -> list[str]:
        return [
            ("　　" if k == 0 else "") + line for p in pars for k, line in enumerate(wrapped(p))
        ]

    for kicker, headline in (
        ("某省推出传统村落“文化之旅”——", "看地戏起舞 听铜鼓回响（走进乡村）"),
        ("某地桃花旅游文化节吸引八方宾客", "雪域桃源花灼灼（一朵花一座城）"),
    ):
        assert len(kicker) >= WIDTH - 1 and len(headline) >= WIDTH - 1
        lines = [*indented(P1, P3, P4), "（本报记者  李  华）", kicker, headline]
        text = "\n".join([*lines, "本报记者  王  明", *indented(P4, P5, P1, P3)])
        got = {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}
        assert got[kicker] == ("kicker", 2)
        assert got[headline] == ("headline", 2)


def test_a_line_running_into_a_byline_shaped_line_stays_in_its_paragraph():
    # …由地方和中 / 国农业科学院与某省农业科学研究院 / 联合承担。: the last full line reads as a
    # research body's byline, but the word 中国 runs into it: the lines above are the text's,
    # no two title lines over a byline
    par = (
        "记者近日从某某研究院相关部门了解到，今年的重点工作由地方和中国农业科学院"
        "与某省农业科学研究院联合承担。"
    )
    assert wrapped(par)[2] == "国农业科学院与某省农业科学研究院"
    text = page(P1, P3, par, P4, P5, P1)
    assert par in [text[a:b].replace("\n", "") for a, b in paragraphs(text)]
