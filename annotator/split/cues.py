"""General typographic cues of Chinese newspaper pages, as precompiled regexes and predicates.

Nothing here knows a particular newspaper: the cues are the conventions that most papers
share (bylines with 记者/通讯员/实习生, leads with 本报讯 or a dateline 某地某月某日电,
photo credits ending in 摄, page headers with 第N版, editor lines 责任编辑：…), so that the
splitter works on pages of papers that are not in the repository.

All patterns are compiled once at import: the splitter runs at import time of thousands of
pages, so each paragraph may only afford a few anchored ``match`` calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from annotator import lexicon, rules_regex, short_words
from annotator.markdown import strip_markup

# Han characters including the rare-name planes (CJK Extension B and beyond), so that a
# name such as 𠮷野 still reads as a name.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

# Sentence-final punctuation. ASCII '.' is handled separately (it is also a decimal point).
FINAL_CHARS = frozenset("。！？!?…．")
# Closing quotes and brackets that may follow a sentence end: “…。” still ends the sentence.
CLOSERS = "”’」』）)】》〉〕］]\"'"
# A closing *quote* not preceded by sentence-final punctuation ends a quotation inside a
# sentence (…作为“不忘初心、牢记使命”), so the paragraph goes on.
QUOTE_CLOSERS = frozenset("”’」』\"'")
# Pause punctuation: the sentence certainly goes on after these.
COMMA_CHARS = frozenset("、，,；;")
COLON_CHARS = frozenset("：:")
# Dashes: a line ending in —— is a kicker above a headline, or introduces a list in a body.
DASH_CHARS = frozenset("—―─")
# Markdown decoration that may trail a line: emphasis markers and hard-break spaces.
MD_TRAIL = "*_ \t"


# shape() reads a paragraph's unmarked text for its ending, its end note and its title
# checks: a small cache strips each paragraph's markdown once, not three times.
@lru_cache(maxsize=64)
def unmarked(s: str) -> str:
    """Paragraph ``s`` as the reader sees it, for cues read at its end: without its
    markdown syntax (annotator.markdown, as export drops it) and without stray emphasis
    marks or blanks left at the end (an unpaired ``**``, ``__``)."""
    return strip_markup(s).rstrip(MD_TRAIL) if s and s[-1] in MD_TRAIL or "**" in s else s


# Endings of a paragraph, as classified by :func:`ending`.
END_FINAL = "final"  # a sentence ends here
END_COMMA = "comma"  # 、，,；; — the sentence continues
END_COLON = "colon"  # ：: — continues (or introduces a list)
END_DASH = "dash"  # —— — kicker or list introduction
END_QUOTE = "quote"  # closing quote inside a sentence
END_CLOSE = "close"  # closing bracket without a sentence end before it
END_OPEN = "open"  # a Han character, digit or letter: cut in mid-sentence


# A bracketed enumerator alone: （三）, (2).
_ENUMERATED = rules_regex.compile(r"[（(][一二三四五六七八九十\d]{1,3}[)）]")


def ends_with_note(s: str) -> bool:
    """Whether ``s`` ends with a parenthesised note after a finished sentence.

    "…。（记者 张三）", "…。（完）", "…。（下转第2版）": the note closes the article, also when
    a space sets it apart from the sentence ("…。 （本报评论员 张三）").
    """
    if s[-1:] not in "）)" and s[-1:] not in MD_TRAIL and "**" not in s:
        return False  # most paragraphs: no bracket at the end, no markdown to take off first
    t = unmarked(s)
    k = _note_open(t)
    before = t[:k].rstrip(" \t\u3000") if k > 0 else ""
    # (an enumerator, …。（三）, opens the next item of a paragraph cut by a column after it)
    return bool(before) and before[-1] in FINAL_CHARS and _ENUMERATED.fullmatch(t, k) is None


def _note_open(t: str) -> int:
    """Where the parenthesised note that ``t`` ends with opens; -1 when it ends with none."""
    if not t or t[-1] not in "）)":
        return -1
    return max(t.rfind("（"), t.rfind("("))


# The number of a month or a day in a dateline (3月4日, 十二月三日).
_NUM = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
# A wire story ends with its dateline when it did not open with one: the agency, the place
# and the date with 电, after the last sentence (…新篇章。  新华社北京3月4日电), maybe in
# brackets or after 据. The finished sentence before it keeps 3月4日电视台… out.
_TAIL_DATELINE = rules_regex.compile(
    rf"(?<=[。！？!?…”’」』）)])[ \t\u3000]*[（(]?\s*据?[{HAN}]{{0,14}}?{_NUM}\s*月\s*{_NUM}\s*日\s*电"
    r"\s*[)）]?\Z"
)
_TAIL_DATELINE_REACH = 40  # characters from the end that such a dateline stands in


def ends_with_dateline(s: str) -> bool:
    """Whether ``s`` ends with a wire dateline after its last finished sentence."""
    # A wrapped page may break the dateline over two lines (…新篇章。  新华社 / 北京3月4日电).
    t = s[-_TAIL_DATELINE_REACH:].replace("\n", "")
    return "月" in t and _TAIL_DATELINE.search(t) is not None


def line_ending(text: str, start: int, end: int) -> str:
    """How the line ``text[start:end]`` ends (see :func:`ending`), read from its last characters.

    A dateline closing the story (…。  新华社北京3月4日电) needs a longer look back than the
    four characters that tell every other ending.
    """
    if text[end - 1] == "电":
        if DATELINE_ALONE.match(text, start, end):
            return END_FINAL  # 新华社北京3月4日电 on a line of its own
        return ending(text[max(end - _TAIL_DATELINE_REACH, start) : end])
    return ending(text[max(end - 4, start) : end])


# The class of a paragraph from its last character alone, for all but the characters that
# need a look further back (markup, closers, '.', '-'): one dict lookup for most paragraphs.
_END_BY_LAST = {
    **dict.fromkeys(FINAL_CHARS, END_FINAL),
    **dict.fromkeys(COMMA_CHARS, END_COMMA),
    **dict.fromkeys(COLON_CHARS, END_COLON),
    **dict.fromkeys(DASH_CHARS, END_DASH),
}
_LOOK_BACK = frozenset(MD_TRAIL + CLOSERS + ".-")


# The last characters after which :func:`ending` reads more than the last character.
_READ_BACK = _LOOK_BACK | frozenset("电")


def tail_endings(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """:func:`ending` of the last four characters of every line ``(start, end)`` of ``spans``
    (every line of a hard-wrapped page): most lines end on a character that tells it alone."""
    by_last = _END_BY_LAST.get
    return [
        ending(text[max(end - 4, start) : end])
        if text[end - 1] in _READ_BACK
        else by_last(text[end - 1], END_OPEN)
        for start, end in spans
    ]


def line_endings(text: str, spans: Sequence[tuple[int, int]], tails: Sequence[str]) -> list[str]:
    """:func:`line_ending` of every line of ``spans``, given their :func:`tail_endings`: the
    same but for a line that ends on 电 (a closing dateline's, maybe)."""
    return [
        line_ending(text, start, end) if text[end - 1] == "电" else tail
        for (start, end), tail in zip(spans, tails, strict=True)
    ]


def ending(s: str) -> str:
    """Classify how the stripped paragraph ``s`` ends (one of the ``END_*`` constants)."""
    if s[-1] not in _LOOK_BACK:
        if s[-1] == "电" and ends_with_dateline(s):
            return (
                END_FINAL  # …。  新华社北京3月4日电: the story's last sentence, then its dateline
            )
        return _END_BY_LAST.get(s[-1], END_OPEN)
    t = unmarked(s) if s[-1] in MD_TRAIL else s
    if not t:
        return END_OPEN
    last = t[-1]
    if last in FINAL_CHARS:
        return END_FINAL
    if last == ".":
        # "3." is an enumerator or a number, not a sentence end.
        return END_OPEN if len(t) > 1 and t[-2].isdigit() else END_FINAL
    if last in COMMA_CHARS:
        return END_COMMA
    if last in COLON_CHARS:
        return END_COLON
    if last in DASH_CHARS or t.endswith("--"):
        return END_DASH
    if last in CLOSERS:
        return _closed_ending(t)
    return END_OPEN


def _closed_ending(t: str) -> str:
    """Classify ``t``, which ends with a closing bracket or quote (see :func:`ending`)."""
    core = t.rstrip(CLOSERS)
    if core and (core[-1] in FINAL_CHARS or core[-1] == "."):
        return END_FINAL
    if ends_with_note(t):
        return END_FINAL
    if t[-1] in "）)":
        return END_CLOSE
    if t[-1] in QUOTE_CLOSERS:
        return END_QUOTE
    return END_CLOSE


# --- Bylines -------------------------------------------------------------------------

_BULLET = r"[■□●◆◇★☆◎○•·▲△▼▽◢◣]"
# A role word, optionally preceded by an agency (本报, 新华社, 湖南日报全媒体 …).
_ROLE = (
    # (two outlets of one house may sign together: 中青报·中青网记者, 南方日报·南方+记者)
    rf"(?:(?:[{HAN}]{{1,8}}[+＋]?[·・•])?"
    rf"[{HAN}]{{0,8}}?[+＋]?(?:特约|首席|特派|驻[{HAN}]{{1,6}}|见习|实习|摄影|全媒体|融媒体)?"
    # (not the 作者 of 工作者: 团结引领科技工作者成才建功 is a title)
    r"(?:记者|通讯员|实习生|撰稿人?|撰文|编译|整理|供稿|(?<!工)作者)"
    r"|文\s*[/／]\s*图|(?:文|图|文图|摄影|摄像|视频)\s*[/／|｜])"
)
# A personal name: 2-4 Han characters, or a transcribed name with a middle dot. Names do not
# contain common function characters, which keeps 记者节的坚守 from reading as a byline.
_NAME_CHAR = rf"(?![的了是在和与及])[{HAN}]"
# Typeset pages pad a two-character name to the width of three (金  轩, 本报记者  王  洲):
# a surname, one or two spaces, a one-character given name.
_SPACED_NAME = rf"{_NAME_CHAR}[ \u3000]{{1,2}}{_NAME_CHAR}"
_NAME = (
    rf"(?:{_SPACED_NAME}|{_NAME_CHAR}{{2,4}}"
    rf"|{_NAME_CHAR}{{1,8}}[·•]{_NAME_CHAR}[{HAN}·•]{{0,12}})"
)
_NAMES = rf"{_NAME}(?:\s*[、，,]\s*{_NAME}|\s+{_NAME})*"
# What the names did, after a slash (local dailies credit text and photos so): 李四/文,
# 王五/图, 潘伯栋/文图 (记者 李四/文 通讯员 王五/图).
_WORK = r"(?:\s*[/／]\s*(?:文图|图文|文|图|摄影|摄))"
_ROLE_NAMES = rf"{_ROLE}\s*[:：]?\s*{_NAMES}{_WORK}?"
# After the names: 报道, or 文/图 (the names wrote the text and took the photos).
# Who planned or oversaw a series, with a colon (系列报道策划：张三、李四 本篇统筹：王五).
_STAFF_NAMES = rf"[{HAN}]{{0,8}}?(?:策划|统筹|监制|制图)\s*[:：]\s*{_NAMES}"
_BYLINE_BODY = (
    rf"(?:{_ROLE_NAMES}|{_STAFF_NAMES})(?:\s*(?:{_ROLE_NAMES}|{_STAFF_NAMES}))*"
    r"(?:\s*(?:报道|文\s*[/／]\s*图))?"
)
# Names, each with its work, and no role word: 董艳竹 张玉东/文 廖谦/图.
_CREDITS = rf"{_NAMES}{_WORK}(?:\s*{_NAMES}{_WORK})*"

# A byline standing on its own line(s) at the head of an article: ■本报记者 张三 通讯员 李四.
# Commentary is signed by a desk, without names: 本报评论员, 新华社评论员, 本报编辑部.
_DESK = rf"[{HAN}]{{0,8}}?(?:评论员|编辑部)"
# A team report is signed by its agency's reporters without names: 新华社记者, 本报记者.
_AGENCY_REPORTERS = rf"[{HAN}]{{0,8}}?[社报台网](?:特约|驻[{HAN}]{{1,6}})?记者"
# Web exports print the source line under the headline: 来源：人民日报 作者：张三 发布时间：….
# A source credit at the end of a feature or advertorial reads the same: 数据来源：某某局.
# (图片来源：… is a photo's caption instead.)
_SOURCE_LINE = (
    r"(?:(?:数据|资料|信息|文字)?来源|稿源|作者|发布时间|发布日期)\s*[:：][^\n。！？]{1,70}"
)
# A reader's or a contributor's signature under the title of a piece sent in (大家谈, 读者来信):
# the writer's place, a wide gap, the name (江西省赣州市  钟修声, 重庆巴南区读者  赵正荣).
_PLACE_SUFFIX = "省市县区州盟旗镇乡"
_PLACE_NAME = rf"[{HAN}]{{1,12}}?[{_PLACE_SUFFIX}](?:读者)?[ \t\u3000]{{2,}}{_NAMES}"
# A commentary's or a guest article's author line: the writer's post or institution, a gap,
# the name (北京大学法学院教授  李  明, 人民论坛特约评论员  王  刚, 某市中级人民法院  张三). A
# post ends the line before the name with one space or more; an institution, as a place does,
# with a wide gap (a headline set as two phrases never ends its first one on a post).
_POSTS = (
    "教授|研究员|讲师|博士|院长|所长|主任|书记|部长|局长|校长|主席|委员|代表|专家|学者|律师"
    "|法官|检察官|评论员|作家|院士|会长|秘书长|经济学家|分析师|工程师|医生|医师|教师"
)
_INSTITUTIONS = "大学|学院|研究所|党校|协会|学会|法院|检察院|医院|委员会"
_POST_NAME = (
    rf"[{HAN}（）()·]{{1,30}}?(?:(?:{_POSTS})[ \t\u3000]+|(?:{_INSTITUTIONS})[ \t\u3000]{{2,}})"
    rf"{_NAMES}"
    # … or the name first, the post in brackets after it: 李  明（作者为北京大学教授）
    rf"|{_NAMES}\s*[（(][^（()）\n]{{1,30}}?(?:{_POSTS}|{_INSTITUTIONS})[)）]"
)
# Theory pages sign an article by the research body that wrote it: 某省某某思想研究中心,
# 某某大学课题组.
_INSTITUTE = rf"[{HAN}]{{2,30}}?(?:研究中心|研究院|课题组)"
BYLINE = rules_regex.compile(
    rf"(?:\*\*|__)?(?:{_BULLET}\s*)?"
    rf"(?:{_BYLINE_BODY}|{_DESK}|{_AGENCY_REPORTERS}|{_SOURCE_LINE}|{_PLACE_NAME}|{_INSTITUTE}"
    rf"|{_POST_NAME}|{_CREDITS})"
    r"(?:\*\*|__)?\s*\Z"
)
# The signature under an editor's note or a reader's letter: ——编  者, ——张三.
SIGNATURE = rules_regex.compile(rf"[—―─]{{1,2}}\s*{_NAMES}\s*\Z")
# Who said a quotation, the post before the name: ——某某大学某学院院长 张三 (the name is
# checked with names_line); not a subheadline of a profile or an interview, whose post and
# name read the same (——记全国劳动模范 王进喜, ——访某院院士 张三).
POST_SIGNATURE = rules_regex.compile(
    r"[—―─]{1,2}\s*(?![—―─]|(?:记|访|专访|追记|写在|对话|走进|走近)(?![者问]))"
    r"[^\s，,。；;：:！？!?、]{2,24}[ \t\u3000]+(\S{2,4}|\S[ \u3000]{1,2}\S)\s*\Z"
)
# A line of names only: the rest of a byline broken over lines (本报记者 张三 / 李四 王五).
NAMES_ONLY = rules_regex.compile(rf"{_NAMES}\s*\Z")
# A byline or source line in parentheses, standing at the end of an article (national
# dailies): （本报记者 张三）, （记者 张三 李四）, （据新华社电）, （来源：人民日报）.
TRAILING_BYLINE = rules_regex.compile(
    rf"[（(]\s*(?:{_BYLINE_BODY}|据[^（()）\n]{{1,30}}|来源[:：][^（()）\n]{{1,30}}"
    # The writer's post may hold a bracket of its own: （作者为中央党校（国家行政学院）某部主任）.
    rf"|作者(?:单位)?\s*[:：为系](?:[^（()）\n]|[（(][^（()）\n]{{1,16}}[)）]){{1,60}}"
    # A cross reference closing a report: （相关报道见第二版）, （下转第四版）.
    rf"|[^（()）\n]{{0,30}}见第?[^（()）\n]{{1,4}}版|下转第?[^（()）\n]{{1,4}}版"
    rf"|(?:本报|综合)[^（()）\n]{{0,20}}(?:综合|报道|电)[^（()）\n]{{0,10}}"
    # End notes: a dateline closing the article (（新华社北京3月4日电）), the writer of a
    # report put together from several (（执笔：张三）, （张三 李四整理）, （本报记者张三采访整理）).
    rf"|[{HAN}]{{0,12}}?{_NUM}\s*月\s*{_NUM}\s*日\s*电"
    # (the names may come with their role: （本报通讯员张三参与采写）)
    rf"|执笔\s*[:：]?\s*{_NAMES}"
    rf"|(?:{_ROLE_NAMES}|{_NAMES})\s*(?:(?:采访)?整理|执笔|编译|撰文|供稿|综合|(?:参与)?采写)"
    # A commentary's writers (（本报评论员 张三 李四）), a piece written for the paper by a
    # desk or an agency (（张三 某社专稿）, （本报特稿）).
    rf"|{_DESK}\s*{_NAMES}|(?:{_NAMES}\s+)?[{HAN}]{{0,8}}?(?:专特稿|专稿|特稿)"
    # Who supplied or made the piece: （本文由某某供稿）, （本文由某某辅助生成）.
    r"|本文由[^（()）\n]{1,30})"
    # … and the wire's dateline may follow the bracket: （记者 张三 李四）新华社北京3月4日电.
    rf"\s*[)）](?:\s*据?[{HAN}]{{0,14}}?{_NUM}\s*月\s*{_NUM}\s*日\s*电)?\s*\Z"
)
# A wire dateline alone on its line, with nothing after 电: the last line of a story
# (新华社北京3月4日电, （新华社北京3月4日电）); a story that opens with its dateline goes on
# after it on the same line. The agency (…社, …报, …台, …网) keeps a wrapped line of body
# text that happens to end on a date and 电 (…将在3月4日电 / 视台…) out.
DATELINE_ALONE = rules_regex.compile(
    rf"[（(]?\s*据?[{HAN}]{{0,8}}?[社报台网][{HAN}]{{0,12}}?{_NUM}\s*月\s*{_NUM}\s*日\s*电\s*[)）]?\s*\Z"
)

# --- Leads (first body paragraph of an article) ----------------------------------------

# After 电/讯 of a dateline comes a bracket, a space, a colon or a comma, never more Han text
# (3月4日电视台… is not a dateline).
# (older pages close a bracketed dateline before the text: 【新华社某地某日电】某地讯：…)
_DATELINE_END = r"(?:电|讯|消息)(?=[\s（(【\[】\]:：,，]|记者|\Z)"
_LEAD_PREFIX = r"(?:\*\*|__)?[【\[]?\s*"
# Second characters of the common words that begin with 电 (电视, 电话, 电力 …).
_DIAN_WORDS = "视话影力网商池动子脑信价量器站梯厂源线气竞费车台报讯邮路磁容压流"
# Who heads a dateline: the paper itself or a national wire or news site.
_DATELINE_SOURCE = "(?:本报|新华社|中新社|新华网|人民网|央视网|中新网)"
_LEAD = (
    rf"{_LEAD_PREFIX}(?:"
    r"本报讯"
    # (a dispatch taken from the wire says so: 据新华社某日讯)
    rf"|据?{_DATELINE_SOURCE}[{HAN}]{{0,10}}?{_DATELINE_END}"
    # Web copies of a page drop the space between a wire's dateline and its first sentence
    # (新华社北京3月4日电国务院…): with the agency and the date it is a dateline all the same,
    # unless 电 begins a word (电视, 电力, 电网 …).
    rf"|{_DATELINE_SOURCE}[{HAN}]{{0,10}}?{_NUM}月{_NUM}日电(?![{_DIAN_WORDS}])"
    r"|[（(]\s*(?:本报|新华社)?(?:特约|首席|见习|实习)?(?:记者|通讯员)[^（()）\n]{1,40}[)）]\s*\S"
    r")"
)
LEAD = rules_regex.compile(_LEAD)
# A dateline lead: 本报北京3月4日电, 新华社上海3月4日电, 据某地某月某日讯. It may begin with any
# Han character, so it is kept out of ``PARAGRAPH_START`` and only tried when 月 is near the
# start (see :func:`is_lead`).
# (the year may stand in it too, on a report sent days before the issue: 本报2024年12月30日讯)
DATELINE = rules_regex.compile(
    rf"{_LEAD_PREFIX}(?:据)?[{HAN}]{{0,12}}?(?:\d{{4}}\s*年\s*)?{_NUM}月{_NUM}日\s*{_DATELINE_END}"
)
_DATELINE_REACH = 28  # 月 of a dateline stands within this many characters of the start


def has_dateline(s: str) -> bool:
    """Whether ``s`` starts with a dateline (某地某月某日电)."""
    # Body text often starts with a date (3月4日，…); only 电/讯 after it make a dateline.
    head = s[: _DATELINE_REACH + 8]
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


# --- Captions ------------------------------------------------------------------------

# Captions announce themselves at the start (图为…, ▲…, 图：…, 图片来源…) …
_CAPTION_START = (
    r"(?:图为|[▲△]|图片?\s*[:：/／]|[（(]\s*图\s*[/／:：]|图片来源|图片由"
    r"|[上下左右中]图\s*[:：为]|图\s*[①-⑳0-9]\s*[:：为 ])"
)
CAPTION_START = rules_regex.compile(_CAPTION_START)
# … or end with a photo credit: 本报记者 张三 摄, （李四 摄）, （新华社发）, 资料图片, 供图.
CAPTION_END = rules_regex.compile(
    # (a source may follow: 某某摄（人民视觉）, after a caption's sentence and a wide space)
    # (翻拍: an old photo re-shot, credited so: （供图某档案馆 张三 翻拍）)
    r"(?:(?:[\s（(]|记者|通讯员|实习生)[^\s。，,；;！？]{0,12}\s*(?:摄(?:影)?(?:报道)?|翻拍)"
    r"(?:\s*[（(][^（()）]{1,20})?"
    # The name and a slashed 摄 or 图 right after the caption's full stop (…个性化。张三/摄,
    # …。 记者 张三/图); alone on its line 张三/图 is a byline.
    rf"|[。！？!?”]\s*(?:{_ROLE}\s*)?{_NAMES}\s*[/／]\s*(?:摄(?:影)?|图)"
    # A credit with the name first, alone on its line, maybe with the source after it:
    # 张三摄, 张三 李四摄影报道, 张三摄（某某日报供图）; not 摄影 alone (城市摄影 is a title).
    rf"|\A{_NAMES}\s*摄(?:影报道)?(?:\s*[（(][^（()）]{{1,20}})?"
    r"|[（(][^（()）]{0,16}(?:社|网|报)发[^（()）]{0,12}"
    r"|供图|资料图片?|图片由[^。]{1,20}提供|[（(]\s*图\s*[/／:：][^（()）]{1,20}"
    # A drawing's credit, the name first: 曹  一绘, 徐  骏绘（新华社发） (a padded name or a
    # source after it: 共绘 ends a phrase too).
    rf"|\A(?:{_SPACED_NAME}\s*绘|{_NAMES}\s*绘\s*[（(][^（()）]{{1,20}})"
    # A short line that credits who provided the picture: 《某某画报》资料室提供.
    r"|\A[^\s。，,；;：:！？]{2,16}提供"
    # A credit for the photos of a set: 以上图片均为张三摄（来源）, 本版图片由某某提供.
    r"|\A(?:以上|本版|本组)(?:图片|照片)[^。，,；;！？]{1,24})\s*[)）]?\Z"
)
# … or with the photographer's post before the name, after the caption's text (…玩耍摄影记者
# 张三, …锻炼 摄影：李四): alone on its line that is a byline, so text must stand before it.
# (图/张三 and 摄影/张三 so too; 图/ after the caption's full stop or a space, not 地图/.)
CAPTION_POST_CREDIT = rules_regex.compile(
    rf"(?:(?<=.)摄影(?:记者|师)?\s*[:：/／]?|(?<=[。！？!?”\s])图\s*[/／])\s*{_NAMES}\s*\Z"
)
# Where a person stands in the photo, in brackets after the name (钟达文（左二）在采访现场,
# 张三（前排右一）): a caption's reference, which running text has no use for.
# (One side alone only before what the person does: 张三（左）与李四交谈; “左（右）”之争 is no
# caption.)
PHOTO_POSITION = rules_regex.compile(
    r"[（(](?:前排|后排|第[一二三]排)?[左右](?:[一二三四五六七八九]|起)[)）]"
    r"|[（(](?:前排|后排|第[一二三]排)[左右中]?[)）]"
    r"|[（(][左右中][)）](?=[与和同在向正为给])"
)
# The longest caption found by its photo position alone.
PHOTO_POSITION_MAX_CHARS = 80
# Last characters that can end a caption credit (cheap gate before CAPTION_END).
CAPTION_END_CHARS = frozenset("摄影图片供道绘）)")

# What a QR code's caption asks the reader to do (专题报道扫码阅读, 扫码看视频, 扫一扫 了解更多):
# the caption of the code printed in the article, no headline (扫码点餐… is one: a scan that
# reads or watches the paper's content is the code's prompt).
# (A quoted scan is a topic: “扫码看病”方便了谁.)
QR_PROMPT = rules_regex.compile(
    r"[^。！？!?“”\"《]{0,10}(?:扫码|扫一扫|扫描二维码|扫描下方二维码)\s*"
    r"(?:阅读|观看|收看|查看|收听|了解|浏览|关注|看(?:视频|更多|全文|详情|直播|完整|原文|具体|报道|图集))"
    r"[^。！？!?，,；;“”\"《》]{0,10}\Z"
)
QR_PROMPT_MAX_CHARS = 24

# A column's mailbox line ends the article above it (栏目投稿邮箱：name@paper.cn).
MAILBOX = rules_regex.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\s*\Z")

# --- Page furniture --------------------------------------------------------------------

# Who edited, laid out or planned the page or the set above: 责任编辑：…, 本期统筹：….
_EDITORS = (
    r"(?:本版|本期)?(?:责任编辑|责编|编辑|美编|美术编辑|校对|版式设计|版式|组版|照排|审读"
    r"|值班编辑|值班主任|见习编辑|图片编辑|视觉设计|统筹|策划|监制)\s*[:：]"
)
# A line crediting the editors ends what they edited; a chart's credit (制图：…) stands inside
# its article.
EDITORS = rules_regex.compile(rf"[（(\[【]?\s*{_EDITORS}")
# Lines that are furniture whatever follows: editor credits, ads, imprint, continuation marks.
_FURNITURE_START = (
    r"[（(\[【]?\s*(?:"
    rf"{_EDITORS}|(?:本版|本期)?制图\s*[:：]"
    # A continuation mark stands alone; "（上接第1版）据了解…" is the continued body text.
    r"|(?:下转|上接|接上|转下|接第|转第|续第?)\s*第?\s*[0-9０-９一二三四五六七八九十A-Za-z]{1,3}\s*版"
    r"[^（()）\n]{0,8}[)）\]】]?\s*\Z"
    r"|广告\s*(?:[:：]|热线|\Z|[)）])|(?:订阅|发行|新闻|服务)热线|邮发代号|国内统一(?:连续出版物号|刊号)"
    r"|CN\s*\d{2}\s*-\s*\d{4}|全文完\s*[)）]?\s*\Z|完\s*[)）]\s*\Z"
    r"|(?:电话|热线|传真|邮箱|(?i:E-?mail)|网址|地址)\s*[:：]"
    # A markdown image link left by PDF/OCR converters: ![](images/fig1.jpg)
    r"|!\[[^\]\n]*\]\([^)\n]*\)\s*\Z"
    r")"
)
FURNITURE_START = rules_regex.compile(_FURNITURE_START)
# The source line a crawl of an e-paper puts under the headline: the authors, if any, then the
# paper and its issue and page (本报记者  张  璁《人民日报》（2025年11月04日第 01 版）).
PAPER_SOURCE = rules_regex.compile(
    r"[《<][^》>\n]{1,12}[》>]\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"\s*第?\s*[0-9０-９A-Z]{1,3}\s*版\s*[)）]\s*\Z"
)
# Furniture that also ends the article above it: continuation marks and end marks. A mark
# "continued from page N" (上接第1版) ends the article above as well: what follows it is the
# rest of an article that began on another page.
CLOSING_MARK = rules_regex.compile(r"下转|转下|转第|续第|上接|接上|接第|全文完|完\s*[)）]?\s*\Z")
# The marks among them saying that the text below began on another page (上接第1版).
CONTINUED_FROM = rules_regex.compile(r"上接|接上|接第")
# A hint that a short line may be a page header or date line; confirmed token by token.
FURNITURE_HINT = rules_regex.compile(
    r"第\s*[0-9０-９一二三四五六七八九十百零〇]{1,4}\s*版|星期[一二三四五六日天]"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
    r"|\A[A-Z]\d{1,2}(?:\s|\Z|版)|\A[-—–\s]*\d{1,3}[-—–\s]*\Z"
)
# A page number, possibly spaced out (第 04 版).
PAGE_NUMBER = rules_regex.compile(r"第\s*([0-9０-９一二三四五六七八九十百零〇]{1,4})\s*版")
# The tokens a page header consists of: dates, weekdays, 农历, page numbers, page names, the
# paper's name (…报) and issue numbers.
FURNITURE_TOKEN = rules_regex.compile(
    rf"(?:\d{{4}}\s*年)?\d{{1,2}}\s*月\s*\d{{1,2}}\s*日(?:星期[一二三四五六日天])?"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}|(?:星期|周|礼拜)[一二三四五六日天]"
    rf"|农历[{HAN}]{{2,10}}|第\s*[0-9０-９一二三四五六七八九十百零〇]{{1,4}}\s*版[:：]?[{HAN}]{{0,6}}"
    rf"|[A-Z]?\d{{1,3}}版?|[{HAN}]{{1,8}}报|(?:总)?第\s*\d{{1,6}}\s*[期号]"
    # A page name, also two joined by a middle dot (新青年·特别报道, 文化·旅游), or named
    # after a day (11·8记者节, 3·15特刊).
    rf"|[{HAN}]{{2,6}}(?:[·・•][{HAN}]{{2,6}})?(?:版|新闻|专刊|周刊)?|[-—–|｜·]+"
    rf"|\d{{1,2}}[·・•]\d{{1,2}}[{HAN}]{{2,6}}"
)

# --- Headings, list items, title shapes -------------------------------------------------

_HEADING = r"#{1,6}[ \t]+\S"
HEADING = rules_regex.compile(_HEADING)
# Enumerators and bullets that open a list item or an intertitle inside an article.
_ENUMERATOR = (
    r"(?:\*\*)?(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[，,、是]|[①-⑳❶-❿]"
    r"|其[一二三四]|首先|其次|再次|最后|[■□●◆◇★☆◎○•])"
)
ENUMERATOR = rules_regex.compile(_ENUMERATOR)
# Bullets that open the items of a news-in-brief column (简讯, 新闻速览): ● 某地某日….
ITEM_BULLETS = frozenset("■□●◆◇★☆◎○•")
# Punctuation that a headline of a no-byline short news item does not contain.
TITLE_PUNCT = rules_regex.compile(r"[，,、；;：:。！？!?]")
# A bracketed column tag at the end of a headline: …（人民时评）, …谁来赔？（新闻看法）. Papers
# set the tag after the main headline (主题), not after its kicker or subheadline.
COLUMN_TAG = rules_regex.compile(r"[（(][^（()）。，,；;！？!?\s]{1,16}[)）]\Z")
COLUMN_TAG_MIN_BEFORE = 4  # characters of headline before the tag


def untagged(t: str) -> str:
    """Headline-shaped ``t`` without its trailing column tag (``t`` itself if it has none)."""
    if not t or t[-1] not in "）)":
        return t
    m = COLUMN_TAG.search(t)
    if m is None or m.start() < COLUMN_TAG_MIN_BEFORE:
        return t
    return t[: m.start()]


# Punctuation that a column tag (…（人民时评）) never holds but an end note does.
_NOTE_PUNCT = frozenset("，,、：:；;《》。")


def bracketed_note(s: str) -> bool:
    """Whether line ``s`` is one parenthesised note with punctuation inside: an end note.

    （摘编自《某某日报》，原题为《…》）, （本版文章由某某组稿、某某编辑）: a line wholly in
    brackets closes its article. A bracketed column tag (（人民时评）) holds no punctuation,
    and an enumerator (（一）) no text: neither is a note.
    """
    t = s.strip()
    if len(t) < 6 or t[0] not in "（(" or t[-1] not in "）)":
        return False
    depth = 0
    for k, c in enumerate(t):
        depth += (c in "（(") - (c in "）)")
        if depth == 0 and k < len(t) - 1:
            return False  # the first bracket closes before the end: （一）text（二）
    return any(c in _NOTE_PUNCT for c in t) or _SERIES_END.search(t) is not None


# A note that a piece or a series ends (or goes on in a later issue) closes its article without
# punctuation inside: （全文完）, （本系列评论到此结束）, （未完待续）. A column tag says no such thing.
_SERIES_END = rules_regex.compile(r"(?:完|结束|待续)\s*[)）]\Z")


# A kicker tells who said or issued what the headline below says: 某某在某会上强调, 某刊发表
# 某某的重要文章, 某某签署通令. A headline does not end on a verb of saying.
SAID = rules_regex.compile(
    r"(?:强调|指出|表示|要求|宣布|批示|寄语|致辞|致信|致电|签署[^，。！？\s]{0,6}令"
    r"|发表[^，。！？\s]{0,16}(?:文章|讲话)"
    # who explains the headline below: 某部有关负责人, 中央财办有关负责同志
    r"|有关负责(?:人|同志))\Z"
)
SAID_LAST = frozenset("调出示求布语辞信电令章话人志")

# Labels of a box of related reading that a story carries below its text (a background piece,
# a link to a related case): what follows the label, under its own title, is still the story's.
BOX_LABELS = frozenset(
    (
        "延伸阅读",
        "相关阅读",
        "拓展阅读",
        "相关链接",
        "新闻链接",
        "背景链接",
        "知识链接",
        "资料链接",
        "链接",
        "背景",
        "背景资料",
        "名词解释",
    )
)
# The longest line such a label fills with its brackets (【相关链接】); not groups.boxes.BOX_LABEL_MAX_CHARS,
# the longest label over a box title inside a story.
BOX_LINE_MAX_CHARS = 6
# Characters a headline does not end on (a dangling function word means a cut paragraph).
DANGLING = frozenset("的了和与及或在对把被从向以并而但也就都还又其之将让使给于")
# … except a closing 了 after a complement that takes no object (出来了, 回去了, 变样了,
# 富起来了): what has come about, the end of a title or a 小标题 (终于被“请”出来了), no word
# left hanging by a cut (看到了 / 新的机会, 形成了 / 经验 go on to their object).
_DONE_LE = rules_regex.compile(r"(?:[来去走样]了|起来了|下来了)\Z")
DONE_LE_MIN_CHARS = 4


def done_with_le(t: str) -> bool:
    """Whether title-shaped ``t`` ends on a complement and 了 (see ``_DONE_LE``)."""
    return len(t) >= DONE_LE_MIN_CHARS and _DONE_LE.search(t) is not None


def tells_a_turn(ends: str) -> bool:
    """Whether a title line whose last two characters are ``ends`` tells how a story turned
    (…出来了): a feature's 小标题, which a brief's headline (某馆延长开放时间) seldom is."""
    return _DONE_LE.search(ends) is not None


# Text that starts a subheadline in the classic form ——记某某.
SUB_DASH = rules_regex.compile(r"\s*[—―─]{1,2}")

# All start-of-paragraph cues in one pass, in order of precedence: one anchored ``match`` per
# paragraph instead of five. ``lastgroup`` names the cue that matched.
PARAGRAPH_START = rules_regex.compile(
    f"(?P<furniture>{_FURNITURE_START})|(?P<heading>{_HEADING})|(?P<lead>{_LEAD})"
    f"|(?P<caption>{_CAPTION_START})|(?P<listy>{_ENUMERATOR})"
)
# Every character that can begin a match of ``PARAGRAPH_START`` (brackets, bullets, markup,
# digits, enumerators and the first characters of its words). Most paragraphs begin with
# another character and skip the regex; a test checks this set against the patterns.
START_CHARS = frozenset(
    "（(【[*_#!"  # brackets and markup
    "0123456789０１２３４５６７８９一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳❶❷❸❹❺❻❼❽❾❿"
    "■□●◆◇★☆◎○•▲△"  # bullets and caption marks
    "本责编美校版组制照审值见图视统策监"  # editor and staff credits
    "下上接转续广订发新服邮国全完电热传网地CcEe"  # continuation marks, ads, imprint, contacts
    "据中人央"  # leads: 据…, 新华社, 中新社, 人民网, 央视网
    "左右第其首再最"  # captions 左图…, enumerators 第一, 其一, 首先, 再次, 最后
)


def start_cue(s: str) -> str | None:
    """Name the start-of-paragraph cue of ``s``: furniture, heading, lead, caption, listy."""
    if s[0] in START_CHARS:
        m = PARAGRAPH_START.match(s)
        if m is not None:
            return m.lastgroup
    # has_dateline(), inlined: this runs for every paragraph.
    head = s[: _DATELINE_REACH + 8]
    if "月" in head and ("电" in head or "讯" in head or "消息" in head) and DATELINE.match(s):
        return "lead"
    return None


# Characters that never begin a paragraph (nor, in typeset text, a line): a paragraph that
# begins with one is the rest of a paragraph cut by a column break.
NO_START_CHARS = frozenset("，,。、；;：∶！？”’」』）)》〉】")


def cut_rest(s: str) -> bool:
    """Whether paragraph ``s`` begins as no paragraph does: with punctuation (，。”…) or with
    the particle 的 (…高额打赏消费 / 的事件频发…; not 的确, 的士, 的哥): the rest of a
    paragraph cut by a column break."""
    c = s[0]
    return c in NO_START_CHARS or (c == "的" and s[1:2] not in ("", "确", "士", "哥"))


# Particles and the copula that go on with a clause and open no sentence when they stand
# as a word alone (…加快建设金融强国 / 是推动高质量发展…; …系统护理培训 / 了大批骨干…),
# though words they begin do (了解, 着力, 得益于, 地方, 是否, 及时, 或许).
_GOES_ON = frozenset("了着得地们是及或")
# … nor do they with the next character a Han one (是的，是啊: an answer opens so).
_ANSWERS = frozenset("的啊呀嘛")


def goes_on(s: str) -> bool:
    """Whether paragraph ``s`` opens with one of the particles of ``_GOES_ON`` as a word
    alone, as the segmenter reads it: under a paragraph left open (…强国 / 是推动…), the
    rest of the clause that a column break cut. (Under a question, 是那些… answers it: the
    caller asks only under an open paragraph.)"""
    return s[:1] in _GOES_ON and _lone_particle(s)


# Modal verbs that need a verb after them: a clause ending on one standing alone is cut
# short (…我国经济之所以能 / 顶压前行…), though words ending in them end titles (人工智能, 大会).
_MODALS = frozenset("能会要应该可须")


def ends_on_modal(s: str) -> bool:
    """Whether ``s`` ends on a modal verb (``_MODALS``) standing alone as a word, as the
    segmenter reads it, after a Han character (without jieba: never)."""
    if s[-1:] not in _MODALS or not ("\u4e00" <= s[-2:-1] <= "\u9fff"):
        return False
    freq, log_total = short_words.entries()
    if not freq:
        return False
    tail = s[-short_words.LONGEST :]
    return short_words.path_bounds(freq, log_total, tail)[-2] == len(tail) - 1


def _lone_particle(s: str) -> bool:
    """Whether the first character of ``s`` is a word alone on the segmenter's path, before
    a Han character (without jieba: never, 了解 would read as 了 / 解)."""
    nxt = s[1:2]
    if not ("\u4e00" <= nxt <= "\u9fff") or nxt in _ANSWERS:
        return False
    freq, log_total = short_words.entries()
    if not freq:
        return False
    return short_words.path_bounds(freq, log_total, s[: short_words.LONGEST])[1] == 1


# Closing notes that do not sign the text as its writer: who helped (参与采写), who wrote it
# down (整理, 执笔), the author's post (作者为…), where it came from (摘编自…, 据…, 来源：…).
_NOT_SIGNING = rules_regex.compile(
    r"参与|整理|采写|执笔|作者|摘|据|来源|编译|供稿|综合|本文由|见第|转第|接第"
)


def signed_note(s: str) -> bool:
    """Whether paragraph ``s``, which closes its article, ends with its writer's signature in
    brackets: a reporter or a correspondent (（记者 张三）, （通讯员 陈楠）), a desk (（本报评论员）)
    or a name alone (（李华）). A short item is signed so at its end; a story signed at its head is not
    signed again, though a note on who helped or who the author is may close it."""
    t = unmarked(s).rstrip()
    k = _note_open(t)
    if k < 0:
        return False
    inner = t[k + 1 : -1].strip()
    if not inner or _NOT_SIGNING.search(inner):
        return False
    return _SIGNING_ROLE.search(inner) is not None or names_line(inner)


# Who signs a short item at its end besides a name alone: a reporter, a correspondent, an
# intern, a desk (（通讯员 陈楠）, （实习生 王五 记者 张三）, （本报评论员）).
_SIGNING_ROLE = rules_regex.compile("记者|通讯员|实习生|评论员")


# A note printed between an article's headline and its byline or body: 编者按：…, 核心提示：….
NOTE = rules_regex.compile(
    r"[【\[]?\s*(?:编者按|编者的话|编前|核心提示|内容提要|提要|导读|导语|摘要)\s*[】\]]?\s*[:：]?"
)
NOTE_CHARS = frozenset("【[编核内提导摘")

# Surnames (resources/lexicon/people_surnames.txt): a short byline without spaces
# (记者张明) has a name after the role word; 记者调查, 记者手记 are column names.
SURNAMES = lexicon.word_set("people_surnames")
BARE_BYLINE_MAX_CHARS = 6
_BARE_ROLE = rules_regex.compile(r"\A\S*?(?:记者|通讯员|实习生|作者)")


_NAME_PARTS = rules_regex.compile(r"[\s、，,]+")


# What a person did, said under a headline (某某主持, 某某出席): a subheadline, not a name.
_DID_ENDS = ("主持", "出席", "讲话", "致辞", "发言", "会见", "会谈", "签署", "宣布")


def names_line(s: str) -> bool:
    """Whether short line ``s`` is personal names only, each opening with a known surname.

    NAMES_ONLY alone reads any two short words as names; a headline of two phrases set apart
    by a space (春花茶咖  香飘云岭) is no author line, so every name must start with a surname
    (one or two characters, resources/lexicon/people_surnames.txt). A name set as
    surname, space, given name (邹  翔) is one name; a dotted transcription always passes.
    """
    if NAMES_ONLY.match(s) is None or s.rstrip().endswith(_DID_ENDS):
        return False
    parts = [p for p in _NAME_PARTS.split(s.strip()) if p]
    names: list[str] = []
    for part in parts:
        if names and len(part) == 1 and len(names[-1]) == 1:
            names[-1] += part  # 邹  翔: the given name after a padded surname
        else:
            names.append(part)
    return all(
        "·" in n or "•" in n or n[0] in SURNAMES or n[:2] in SURNAMES for n in names
    ) and all(len(n) > 1 for n in names)


# A line of a roster (对话嘉宾, 出席者): a person's name, a wide gap, what the person is
# (黄  龙  全国总工会某部部长, 李培林  某院研究员). The name may be padded to three characters.
ROSTER_LINE = rules_regex.compile(
    rf"({_SPACED_NAME}|{_NAME_CHAR}{{2,3}})[ \t\u3000]{{2,}}[^\s。！？!?；;]{{2,40}}"
)


def roster_line(s: str) -> bool:
    """Whether line ``s`` reads as a roster line whose name opens with a known surname."""
    m = ROSTER_LINE.fullmatch(s.strip())
    if m is None:
        return False
    name = m.group(1).replace(" ", "").replace("\u3000", "")
    return name[0] in SURNAMES or name[:2] in SURNAMES


def bare_role_without_name(s: str) -> bool:
    """Whether a short byline-like line without spaces has no surname after its role word."""
    if len(s) > BARE_BYLINE_MAX_CHARS or any(c.isspace() for c in s):
        return False
    m = _BARE_ROLE.match(s)
    if m is None or m.end() >= len(s):
        return False
    # (a colon after the role word introduces the name: 作者：张三, 记者：李四)
    rest = s[m.end() :].lstrip(":：")
    return not rest or (rest[0] not in SURNAMES and rest[:2] not in SURNAMES)


# Words without which a line cannot be a byline (cheap gate before the full byline pattern).
# Every alternative opens with one literal character (a class split into its characters, the
# start anchor put in a look-behind after the bracket): then ``search`` skips straight to the
# places where one of those characters stands, instead of trying each alternative at every
# place (a quarter of the time; this runs on every line of a hard-wrapped page).
_PLACE_GAP = "|".join(rf"{c}(?:读者)?[ \t\u3000]{{2}}" for c in _PLACE_SUFFIX)
_POST_GAP = "|".join(
    [rf"{w}[ \t\u3000)）]" for w in _POSTS.split("|")]
    + [rf"{w}(?:[ \t\u3000]{{2}}|[)）])" for w in _INSTITUTIONS.split("|")]
)
BYLINE_HINT = rules_regex.compile(
    r"记者|通讯员|实习生|撰|编译|整理|供稿|作者|评论员|编辑部|据|来源|稿源|发布|综合|/|／|\||｜"
    r"|策划|统筹|监制|制图"
    r"|执笔|采写|电\s*[)）]\s*\Z|版\s*[)）]\s*\Z|稿\s*[)）]\s*\Z|（(?<=\A（)本文由|\((?<=\A\()本文由"
    rf"|{_PLACE_GAP}|{_POST_GAP}"
    r"|研究中心\s*\Z|研究院\s*\Z|课题组\s*\Z"
)
