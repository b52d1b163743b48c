"""Leads, the first body paragraph of an article: 本报讯, a dateline (某地某月某日电), a
bracketed reporter (（记者 张三）…).
"""

from __future__ import annotations

from annotator import rules_regex

from .chars import HAN
from .patterns import MONTH_OR_DAY

# After 电/讯 of a dateline comes a bracket, a space, a colon or a comma, never more Han text
# (3月4日电视台… is not a dateline).
# (older pages close a bracketed dateline before the text: 【新华社某地某日电】某地讯：…)
_DATELINE_END = r"(?:电|讯|消息)(?=[\s（(【\[】\]:：,，]|记者|\Z)"
_LEAD_PREFIX = r"(?:\*\*|__)?[【\[]?\s*"
# Second characters of the common words that begin with 电 (电视, 电话, 电力 …).
_DIAN_WORDS = "视话影力网商池动子脑信价量器站梯厂源线气竞费车台报讯邮路磁容压流"
# Who heads a dateline: the paper itself or a national wire or news site.
_DATELINE_SOURCE = "(?:本报|新华社|中新社|新华网|人民网|央视网|中新网)"
LEAD_PATTERN = (
    rf"{_LEAD_PREFIX}(?:"
    r"本报讯"
    # (a dispatch taken from the wire says so: 据新华社某日讯)
    rf"|据?{_DATELINE_SOURCE}[{HAN}]{{0,10}}?{_DATELINE_END}"
    # Web copies of a page drop the space between a wire's dateline and its first sentence
    # (新华社北京3月4日电国务院…): with the agency and the date it is a dateline all the same,
    # unless 电 begins a word (电视, 电力, 电网 …).
    rf"|{_DATELINE_SOURCE}[{HAN}]{{0,10}}?{MONTH_OR_DAY}月{MONTH_OR_DAY}日电(?![{_DIAN_WORDS}])"
    r"|[（(]\s*(?:本报|新华社)?(?:特约|首席|见习|实习)?(?:记者|通讯员)[^（()）\n]{1,40}[)）]\s*\S"
    r")"
)
LEAD = rules_regex.compile(LEAD_PATTERN)
# A dateline lead: 本报北京3月4日电, 新华社上海3月4日电, 据某地某月某日讯. It may begin with any
# Han character, so it is kept out of ``PARAGRAPH_START`` and only tried when 月 is near the
# start (see :func:`is_lead`).
# (the year may stand in it too, on a report sent days before the issue: 本报2024年12月30日讯)
DATELINE = rules_regex.compile(
    rf"{_LEAD_PREFIX}(?:据)?[{HAN}]{{0,12}}?(?:\d{{4}}\s*年\s*)?{MONTH_OR_DAY}月{MONTH_OR_DAY}日\s*{_DATELINE_END}"
)
DATELINE_REACH = 28  # 月 of a dateline stands within this many characters of the start


def has_dateline(s: str) -> bool:
    """Whether ``s`` starts with a dateline (某地某月某日电)."""
    # Body text often starts with a date (3月4日，…); only 电/讯 after it make a dateline.
    head = s[: DATELINE_REACH + 8]
    return (
        "月" in head
        and ("电" in head or "讯" in head or "消息" in head)
        and DATELINE.match(s) is not None
    )


# Every character that can begin a match of ``LEAD`` besides whitespace: its prefix's marks and
# brackets, the first characters of its sources, the bracket of （记者 张三）. Most paragraphs
# begin with another character and skip the regex; a test checks this set against the pattern.
LEAD_FIRST = frozenset("*_【[本新中人央（(据")


def is_lead(s: str) -> bool:
    """Whether ``s`` is an article's lead paragraph (本报讯…, a dateline, （记者 张三）…)."""
    first = s[:1]
    if (first in LEAD_FIRST or first.isspace()) and LEAD.match(s) is not None:
        return True
    return has_dateline(s)
