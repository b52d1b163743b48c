"""The cue forms written for speed read as their plain forms (issue 9: the pre-split's speed).

``cues.BYLINE_HINT`` opens every alternative with a literal character so that ``search``
skips to them; ``cues.tail_endings`` and ``cues.line_endings`` read the ending of every line
of a hard-wrapped page at once. Each must say what the plain form says.
"""

from __future__ import annotations

import random
import re

import pytest

from annotator.split import cues
from annotator.split.paragraphs import lines

# The hint as it was written before it was made fast: a class of place suffixes, \A.
PLAIN_HINT = re.compile(
    r"记者|通讯员|实习生|撰|编译|整理|供稿|作者|评论员|编辑部|据|来源|稿源|发布|综合|[/／|｜]"
    r"|执笔|采写|电\s*[)）]\s*\Z|版\s*[)）]\s*\Z|稿\s*[)）]\s*\Z|\A[（(]本文由"
    r"|[省市县区州盟旗镇乡](?:读者)?[ \t\u3000]{2}"
    r"|(?:教授|研究员|讲师|博士|院长|所长|主任|书记|部长|局长|校长|主席|委员|代表|专家|学者|律师"
    r"|法官|检察官|评论员|作家|院士|会长|秘书长|经济学家|分析师|工程师|医生|医师|教师)[ \t\u3000)）]"
    r"|(?:大学|学院|研究所|党校|协会|学会|法院|检察院|医院|委员会)(?:[ \t\u3000]{2}|[)）])"
    r"|研究中心\s*\Z|研究院\s*\Z|课题组\s*\Z"
)


@pytest.mark.parametrize(
    "line",
    [
        "（本文由某某供稿）",
        "(本文由某某辅助生成)",
        "正文（本文由某某供稿）",
        "x(本文由",
        "江西省赣州市  钟修声",
        "重庆巴南区读者  赵正荣",
        "重庆巴南区读者 赵正荣",
        "某省某某思想研究中心",
        "某省某某思想研究中心 ",
        "研究中心的工作",
        "文/图 张三",
        "文｜张三",
        "（新华社北京3月4日电）",
        "（相关报道见第二版）",
        "（本报特稿）",
        "本报记者  王  洲",
        "全市重点项目集中开工",
        "北京大学法学院教授  李  明",
        "某市中级人民法院  张  三",
        "某市中级人民法院 张三",
        "李  明（作者为北京大学教授）",
        "李明（某市人民医院）",
        "",
    ],
)
def test_the_byline_hint_reads_as_its_plain_form(line):
    assert (cues.BYLINE_HINT.search(line) is None) == (PLAIN_HINT.search(line) is None)


def test_the_byline_hint_reads_as_its_plain_form_on_random_lines():
    rng = random.Random(9)
    alphabet = (
        "（(本文由记者 　\n\t省市区乡读者电版稿）)研究中心院课题组/｜|据评论员a1。，教授大学法"
    )
    for _ in range(20_000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert (cues.BYLINE_HINT.search(line) is None) == (PLAIN_HINT.search(line) is None), line


WRAPPED = (
    "全市重点项目集中开工，总投资超过一千亿元\n"
    "涉及先进制造、新能源和城市更新等领域。\n"
    "他说：“这是新的开始。”\n"
    "新华社\n"
    "北京3月4日电\n"
    "…新篇章。  新华社北京3月4日电\n"
    "新华社北京3月4日电\n"
    "（记者 张三）\n"
    "**重点**\n"
    "3.\n"
    "转型升级——\n"
    "本报记者  王  洲\n"
    "各地加快推进“十五五”规划\n"
    "电\n"
)


def test_the_endings_of_every_line_are_those_of_each_line():
    spans = lines(WRAPPED)
    tails = cues.tail_endings(WRAPPED, spans)
    assert tails == [cues.ending(WRAPPED[max(e - 4, s) : e]) for s, e in spans]
    assert cues.line_endings(WRAPPED, spans, tails) == [
        cues.line_ending(WRAPPED, s, e) for s, e in spans
    ]
    # (a closing dateline alone on its line ends a sentence; its last four characters do not)
    k = WRAPPED.split("\n").index("新华社北京3月4日电")
    assert tails[k] != cues.END_FINAL
    assert cues.line_endings(WRAPPED, spans, tails)[k] == cues.END_FINAL


def test_a_full_stop_and_a_dash_end_a_paragraph_inside_markdown_emphasis_too():
    # (a full stop after a digit is an enumerator's: 第3. goes on)
    assert cues.ending("这是一句话.") == cues.ending("**这是一句话.**") == cues.END_FINAL
    assert cues.ending("**第3.**") == cues.END_OPEN
    assert cues.ending("**乘风破浪——**") == cues.ending("**要求如下--**") == cues.END_DASH
