"""Joins and reflow cues of session 32 (issue 9): a line a push-out left one short; a name
alone left as body text is continued by nothing; on a wrapped page that indents, an indented
paragraph continues none ending on a comma, pause mark or semicolon, a colon, a dash or a
closing bracket; a line one wider than the column that no hanging mark, half-width character
or squeezed pair of marks explains stands apart.

A typesetter who cannot hang two marks no line opens with (…好。”) at a line's end pushes the
character before them down with them: that line falls one character short of the column
though the paragraph goes on, and the next line opens with one character and the two marks,
as no paragraph does. The text is invented.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page
from annotator.split.joins import assign_joins
from annotator.split.paragraphs import _wider, paragraph_layout, paragraphs
from annotator.split.paragraphs import indented as line_indented
from annotator.split.shapes import shapes
from annotator.split.words import word_across
from tests.core.test_split_joins31 import BODY
from tests.core.test_split_wrap import FULL_END, P1, P3, P4, P5, WIDTH, wrapped

_NO_LINE_START = frozenset("，。、；：！？”）》")

# Its third line is one short of the column: 好 goes down with 。” (see ``pushed``).
SAYING = (
    "老张今年六十多岁，是村里有名的种粮大户，种了大半辈子的好粮。他常说：“种地要多用心，"
    "地才会好。”说起今年的收成，老张满脸笑容，连声说今年又是一个丰收年。"
)


def pushed(par: str, width: int = WIDTH, room: int = 2) -> list[str]:
    """The lines of ``par`` as ``test_split_wrap.wrapped`` sets them, but where two marks that
    may not open a line follow a line's end, the line's last character goes down with them."""
    out, k = [], 0
    while k < len(par):
        end = k + width - (room if k == 0 else 0)
        if end + 1 < len(par) and par[end] in _NO_LINE_START and par[end + 1] in _NO_LINE_START:
            end -= 1
        elif end < len(par) and par[end] in _NO_LINE_START:
            end += 1
        out.append(par[k:end])
        k = end
    return out


def test_a_line_a_push_out_left_one_short_goes_on_into_the_next():
    lines = pushed(SAYING)
    # a full line ending a sentence, then a line one short (as long as a first line with a
    # hanging mark), then the line the push-out opened
    assert lines[1].endswith("。") and len(lines[1]) == WIDTH
    assert len(lines[2]) == WIDTH - 1 and lines[3].startswith("好。”")
    others = [wrapped(p) for p in (P1, P3, P4, P5, P1)]
    text = "\n".join([*others[0], *others[1], *lines, *others[2], *others[3], *others[4]])
    got = [text[a:b].replace("\n", "") for a, b in paragraphs(text)]
    assert SAYING in got
    assert P4 in got


def test_a_name_alone_left_as_body_text_is_not_continued_by_a_word_running_on():
    # A commentary's author left as body text under its headline (as on a theory page whose
    # headline the groups missed): the paragraph under the name opens with a character that
    # makes a word with the name's last (李明 / 天下… reads 明天), which would join a short
    # line's text to it; a name alone is no column's line, so nothing continues it.
    title = "“绿水青山就是金山银山”理念：人类发展观的“术语革命”（深入学习贯彻新思想）"
    below = "天下为公的理想，自古以来就是中华民族的追求，今天仍然激励着我们不断前进。"
    text = "\n".join([title, "李明", below, *BODY])
    assert word_across("李明", below)
    shaped = shapes(text, paragraphs(text))
    roles = [("body", 0.6)] * len(shaped)  # every paragraph left as body text of one article
    articles = [(1, 0.9)] * len(shaped)
    got = assign_joins(shaped, roles, articles, text)
    assert got[2][0] is False


def indented(*pars: str) -> str:
    """A hard-wrapped page that keeps its paragraphs' two-character indent (as 　　)."""
    return "\n".join(
        ("\u3000\u3000" + line if k == 0 else line)
        for par in pars
        for k, line in enumerate(wrapped(par))
    )


def test_an_indented_paragraph_under_one_ending_on_a_semicolon_starts_its_own():
    # a paragraph ending on ； (a list item, or a clause a column cut) and an indented one
    # under it on a page that indents: a column's rest is never indented, so no join
    item = "在深圳，“深江号”最大直径盾构机正在加紧掘进，预计年底前完成全部施工任务；"
    below = "在上海崇明，“领航号”盾构机穿越长江江心，创下了多项国内施工纪录。"
    text = indented(P1, P3, item, below, P4, P5, P1)
    got = {text[b.start : b.end].replace("\n", ""): b.joins_previous for b in split_page(text)}
    assert got[item] is False
    assert got[below] is False


def test_a_line_one_wider_than_the_column_that_nothing_explains_stands_apart():
    # a photo's credit set across columns, one character wider than the column, ends on no
    # hanging mark and holds no half-width character or squeezed pair of marks: no body line
    caption = "图为修缮后重新开放的老城区电影院。"  # one wider: its 。 hangs
    credit = "以上图片均由当地文化和旅游集团提供"
    assert len(caption) == len(credit) == WIDTH + 1
    lines = [*wrapped(P1), *wrapped(P3), caption, credit, *wrapped(P4), *wrapped(P5)]
    text = "\n".join([*lines, *wrapped(P1)])
    got = [text[a:b].replace("\n", "") for a, b in paragraphs(text)]
    assert credit in got
    assert P4 in got
    # one wider with a squeezed pair of marks (：“) is a line of the column
    quoted = "他说：“这座老城区的电影院又开门了"
    assert len(quoted) == WIDTH + 1
    assert not _wider(quoted, 0, len(quoted), WIDTH)
    assert _wider(credit, 0, len(credit), WIDTH)


def test_reflow_and_joins_read_an_indent_alike():
    # one reading for both (paragraphs._indents, joins._indented): an opening space is an
    # indent unless the line above holds text and ends in a space (a wrap inside a run of
    # spaces); under a blank line, or as the page's first line, it is one
    assert line_indented("\u3000\u3000甲乙", 0, 2)
    assert line_indented("甲乙。\n\u3000\u3000丙丁", 4, 6)
    assert line_indented("甲乙。\n\n\u3000\u3000丙丁", 5, 7)
    assert line_indented("甲乙。\n \n\u3000\u3000丙丁", 6, 8)
    assert line_indented("\n\u3000\u3000丙丁", 1, 3)
    assert not line_indented("本报北京2月18日电 \n （记者", 12, 13)
    assert not line_indented("甲乙。\n丙丁", 4, 4)


@pytest.mark.parametrize(
    ("item", "below"),
    [
        # a colon: what was said follows, in a paragraph of its own
        (
            "消息发布后，不少网友在社交平台上纷纷为这些建设者点赞留言：",
            "不叫苦，不喊累，这些建设者是我们身边最可爱的人。",
        ),
        # a comma: a clause a column cut would go on unindented
        (
            "在深圳，“深江号”最大直径盾构机正在加紧掘进，",
            "在上海崇明，“领航号”盾构机穿越长江江心，创下了多项国内施工纪录。",
        ),
        # a dash: an ASCII one (a paragraph ending on —— introduces what follows, and no
        # join under it needs the indent)
        (
            "今年以来，记者先后走访了这条隧道沿线的多个施工现场--",
            "施工人员每天要在地下数十米深处连续工作十多个小时，从不叫苦。",
        ),
        # a closing bracket with no sentence end before it
        (
            "据统计，全市隧道工程的施工进度，均已超过了年初确定的预期（见图③）",
            "施工人员每天要在地下数十米深处连续工作十多个小时，从不叫苦。",
        ),
    ],
    ids=["colon", "comma", "dash", "close"],
)
def test_an_indented_paragraph_under_one_left_open_by_a_mark_starts_its_own(
    item: str, below: str
) -> None:
    text = indented(P1, P3, item, below, P4, P5, P1)
    got = {text[b.start : b.end].replace("\n", ""): b.joins_previous for b in split_page(text)}
    assert got[below] is False


def test_on_a_page_that_does_not_indent_a_paragraph_under_a_semicolon_goes_on():
    # the same two paragraphs on a page whose converter dropped the indents but one (the
    # paragraph under the semicolon opens with a space): the page does not indent, so that
    # space says nothing and the paragraph continues the one ending on ；
    item = "在深圳，“深江号”最大直径盾构机正在加紧掘进，预计年底前完成全部施工任务；"
    below = "在上海崇明，“领航号”盾构机穿越长江江心，创下了多项国内施工纪录。"
    lines = [
        ("\u3000\u3000" + line if par is below and k == 0 else line)
        for par in (P1, P3, item, below, P4, P5, P1)
        for k, line in enumerate(wrapped(par))
    ]
    text = "\n".join(lines)
    assert not paragraph_layout(text)[1].indented
    got = {
        text[b.start : b.end].strip().replace("\n", ""): b.joins_previous for b in split_page(text)
    }
    assert got[item] is False
    assert got[below] is True


def test_a_line_one_wider_with_digits_or_latin_letters_stays_in_the_column():
    # half-width characters fit more to a line: one wider holding them is a line of the
    # column (no mark hangs at its end, no pair of marks is squeezed), and its paragraph goes
    # on through it; as wide without them, a line stands apart (as the credit above does)
    for line in ("全市共新建便民服务网点326处惠及", "高校开设AI课程吸引大批年轻人回乡"):
        assert len(line) == WIDTH + 1
        assert not _wider(line, 0, len(line), WIDTH)
    assert _wider("全市共新建便民服务网点三百余处惠及", 0, WIDTH + 1, WIDTH)
    par = [
        "今年以来，全市加快建设便民服",
        "务网点共计326处，惠及上万户家庭",
        "效率比去年提高了三成，受到群众的",
        "广泛欢迎。",
    ]
    assert [len(line) for line in par[:3]] == [WIDTH - 2, WIDTH + 1, WIDTH]
    text = "\n".join([*wrapped(P1), *wrapped(P3), *par, *wrapped(P4), *wrapped(P5), *wrapped(P1)])
    got = [text[a:b].replace("\n", "") for a, b in paragraphs(text)]
    assert "".join(par) in got


def test_a_space_between_figures_or_latin_words_wrapped_onto_a_line_is_no_indent():
    # 圆明园·720  穿越飞船 wrapped after 720: the run of spaces opens the next line, but on a
    # page that indents with 　　 it is the text's own gap between a figure or Latin word and
    # what follows, so the paragraph goes on through it
    par = [
        "\u3000\u3000今年春节假期，许多的市民来到",
        "游客们都纷纷移步“圆明园·720",
        "  穿越飞船”项目，体验数字科技",
        "带来的全新乐趣。",
    ]
    assert [len(line) for line in par[:3]] == [WIDTH, WIDTH, WIDTH]
    text = "\n".join([indented(P1, P3), *par, indented(P4, P5, P1)])
    assert paragraph_layout(text)[1].indented
    got = [text[a:b].replace("\n", "").replace("\u3000", "") for a, b in paragraphs(text)]
    assert "".join(par).replace("\u3000", "") in got
    assert not line_indented("me so\n much", 6, 7)  # …loving me so / much…
    # an opening space under a Chinese line, or an ideographic one under a Latin word, is one
    assert line_indented("甲乙\n  丙丁", 3, 5)
    assert line_indented("rmrb@people.cn\n\u3000\u3000丙丁", 15, 17)


def test_an_address_cut_by_the_line_break_goes_on_onto_the_next_line():
    # a column's mailbox line whose address the wrap cut (…rmrbzzb@ / peopledaily.cn) over a
    # headline: the short line under the full one is no title, as a word runs across
    mailbox = ["\u3000\u3000栏目投稿邮箱：abcdef@", "example.com"]
    assert len(mailbox[0]) == WIDTH
    title = "宁夏为重点投资项目定制法治服务"
    text = "\n".join([indented(P1, P3, FULL_END), *mailbox, title, indented(P4, P5, P1)])
    got = [text[a:b].replace("\n", "").replace("\u3000", "") for a, b in paragraphs(text)]
    assert "栏目投稿邮箱：abcdef@example.com" in got
    assert title in got
    assert word_across("发展AI", "Agent") and word_across("ab@", "cd")
    # figures are left to the dictionary: a heading may end on a year over a line of figures
    assert not word_across("2024", "10月")


def test_a_short_clause_before_a_colon_is_short_though_a_line_break_cuts_it():
    # …越来越重要。从三 / 个维度看：: the clause before the colon is six characters; the
    # wrap's line break inside it is none of them, so it announces the paragraph under it
    par = "在数字化的时代，深阅读的意义格外凸显，且变得越来越重要。从三个维度看："
    assert wrapped(par)[1].endswith("。从三")
    below = "阅读使人智慧，面对海量信息，我们更需要静下心来读一本好书。"
    text = "\n".join(line for p in (P1, P3, par, below, P4, P5, P1) for line in wrapped(p))
    ranges, layout = paragraph_layout(text)
    shaped = shapes(text, ranges)
    body = [("body", 1.0)] * len(shaped)
    joins = assign_joins(shaped, body, [(1, 1.0)] * len(shaped), text, layout)
    got = {text[a:b].replace("\n", ""): j for (a, b), (j, _) in zip(ranges, joins, strict=True)}
    assert got[below] is False
