"""Bylines and signatures: the byline at an article's head, the signature under a note or a
quotation, the bracketed byline or end note closing an article, a wire dateline alone, and
the cheap gate (``BYLINE_HINT``) before the full byline pattern.
"""

from __future__ import annotations

from annotator import rules_regex

from .chars import HAN
from .patterns import (
    BULLET,
    INSTITUTIONS,
    MONTH_OR_DAY,
    NAMES,
    PLACE_SUFFIX,
    POSTS,
    ROLE_NAMES,
    WORK,
)

# After the names: 报道, or 文/图 (the names wrote the text and took the photos).
# Who planned or oversaw a series, with a colon (系列报道策划：张三、李四 本篇统筹：王五).
_STAFF_NAMES = rf"[{HAN}]{{0,8}}?(?:策划|统筹|监制|制图)\s*[:：]\s*{NAMES}"
# Who wrote the text, labelled so (文：张三, 文字：李四), maybe beside who took the photos.
_TEXT_BY = rf"文字?\s*[:：]\s*{NAMES}"
_BYLINE_BODY = (
    rf"(?:{ROLE_NAMES}|{_STAFF_NAMES}|{_TEXT_BY})(?:\s*(?:{ROLE_NAMES}|{_STAFF_NAMES}|{_TEXT_BY}))*"
    r"(?:\s*(?:报道|文\s*[/／]\s*图))?"
)
# Names, each with its work, and no role word: 董艳竹 张玉东/文 廖谦/图.
_CREDITS = rf"{NAMES}{WORK}(?:\s*{NAMES}{WORK})*"


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


_PLACE_NAME = rf"[{HAN}]{{1,12}}?[{PLACE_SUFFIX}](?:读者)?[ \t\u3000]{{2,}}{NAMES}"


_POST_NAME = (
    rf"[{HAN}（）()·]{{1,30}}?(?:(?:{POSTS})[ \t\u3000]+|(?:{INSTITUTIONS})[ \t\u3000]{{2,}})"
    rf"{NAMES}"
    # … or the name first, the post in brackets after it: 李  明（作者为北京大学教授）
    rf"|{NAMES}\s*[（(][^（()）\n]{{1,30}}?(?:{POSTS}|{INSTITUTIONS})[)）]"
)
# Theory pages sign an article by the research body that wrote it: 某省某某思想研究中心,
# 某某大学课题组.
_INSTITUTE = rf"[{HAN}]{{2,30}}?(?:研究中心|研究院|课题组)"
BYLINE = rules_regex.compile(
    rf"(?:\*\*|__)?(?:{BULLET}\s*)?"
    rf"(?:{_BYLINE_BODY}|{_DESK}|{_AGENCY_REPORTERS}|{_SOURCE_LINE}|{_PLACE_NAME}|{_INSTITUTE}"
    rf"|{_POST_NAME}|{_CREDITS})"
    r"(?:\*\*|__)?\s*\Z"
)
# The place-and-name form (a reader's letter signed 北京朝阳区  程  立) with its name apart,
# and every other form: a line that only the first matches names a person only when its name
# opens with a surname (see ``names.place_without_person``).
PLACE_NAME_LINE = rules_regex.compile(
    rf"[{HAN}]{{1,12}}?[{PLACE_SUFFIX}](?:读者)?[ \t\u3000]{{2,}}({NAMES})\s*\Z"
)
BYLINE_BUT_PLACE_NAME = rules_regex.compile(
    rf"(?:\*\*|__)?(?:{BULLET}\s*)?"
    rf"(?:{_BYLINE_BODY}|{_DESK}|{_AGENCY_REPORTERS}|{_SOURCE_LINE}|{_INSTITUTE}"
    rf"|{_POST_NAME}|{_CREDITS})"
    r"(?:\*\*|__)?\s*\Z"
)
# The signature under an editor's note or a reader's letter: ——编  者, ——张三.
SIGNATURE = rules_regex.compile(rf"[—―─]{{1,2}}\s*{NAMES}\s*\Z")
# Who said a quotation, the post before the name: ——某某大学某学院院长 张三 (the name is
# checked with names_line); not a subheadline of a profile or an interview, whose post and
# name read the same (——记全国劳动模范 王进喜, ——访某院院士 张三).
POST_SIGNATURE = rules_regex.compile(
    r"[—―─]{1,2}\s*(?![—―─]|(?:记|访|专访|追记|写在|对话|走进|走近)(?![者问]))"
    r"[^\s，,。；;：:！？!?、]{2,24}[ \t\u3000]+(\S{2,4}|\S[ \u3000]{1,2}\S)\s*\Z"
)
# A line of names only: the rest of a byline broken over lines (本报记者 张三 / 李四 王五).
NAMES_ONLY = rules_regex.compile(rf"{NAMES}\s*\Z")
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
    rf"|[{HAN}]{{0,12}}?{MONTH_OR_DAY}\s*月\s*{MONTH_OR_DAY}\s*日\s*电"
    # (the names may come with their role: （本报通讯员张三参与采写）)
    rf"|执笔\s*[:：]?\s*{NAMES}"
    rf"|(?:{ROLE_NAMES}|{NAMES})\s*(?:(?:采访)?整理|执笔|编译|撰文|供稿|综合|(?:参与)?采写)"
    # A commentary's writers (（本报评论员 张三 李四）), a piece written for the paper by a
    # desk or an agency (（张三 某社专稿）, （本报特稿）).
    rf"|{_DESK}\s*{NAMES}|(?:{NAMES}\s+)?[{HAN}]{{0,8}}?(?:专特稿|专稿|特稿)"
    # Who supplied or made the piece: （本文由某某供稿）, （本文由某某辅助生成）.
    r"|本文由[^（()）\n]{1,30})"
    # … and the wire's dateline may follow the bracket: （记者 张三 李四）新华社北京3月4日电.
    rf"\s*[)）](?:\s*据?[{HAN}]{{0,14}}?{MONTH_OR_DAY}\s*月\s*{MONTH_OR_DAY}\s*日\s*电)?\s*\Z"
)
# A wire dateline alone on its line, with nothing after 电: the last line of a story
# (新华社北京3月4日电, （新华社北京3月4日电）); a story that opens with its dateline goes on
# after it on the same line. The agency (…社, …报, …台, …网) keeps a wrapped line of body
# text that happens to end on a date and 电 (…将在3月4日电 / 视台…) out.
DATELINE_ALONE = rules_regex.compile(
    rf"[（(]?\s*据?[{HAN}]{{0,8}}?[社报台网][{HAN}]{{0,12}}?{MONTH_OR_DAY}\s*月\s*{MONTH_OR_DAY}\s*日\s*电\s*[)）]?\s*\Z"
)


# Where a story was taken from, alone on the line under its last paragraph (据新华社, 据央视
# 新闻, 据新闻联播): the outlet ends the line, no sentence; it closes the story above.
SOURCE_ALONE = rules_regex.compile(
    rf"据\s*[{HAN}·]{{1,10}}?(?:社|报|台|网|视|新闻|联播|客户端|微博|微信|公众号)"
    r"(?:电|消息|报道)?\s*\Z"
)


# Words without which a line cannot be a byline (cheap gate before the full byline pattern).
# Every alternative opens with one literal character (a class split into its characters, the
# start anchor put in a look-behind after the bracket): then ``search`` skips straight to the
# places where one of those characters stands, instead of trying each alternative at every
# place (a quarter of the time; this runs on every line of a hard-wrapped page).
_PLACE_GAP = "|".join(rf"{c}(?:读者)?[ \t\u3000]{{2}}" for c in PLACE_SUFFIX)
_POST_GAP = "|".join(
    [rf"{w}[ \t\u3000)）]" for w in POSTS.split("|")]
    + [rf"{w}(?:[ \t\u3000]{{2}}|[)）])" for w in INSTITUTIONS.split("|")]
)
BYLINE_HINT = rules_regex.compile(
    r"记者|通讯员|实习生|撰|编译|整理|供稿|作者|评论员|编辑部|据|来源|稿源|发布|综合|/|／|\||｜"
    r"|文\s*[:：]|文字\s*[:：]"
    r"|策划|统筹|监制|制图"
    r"|执笔|采写|电\s*[)）]\s*\Z|版\s*[)）]\s*\Z|稿\s*[)）]\s*\Z|（(?<=\A（)本文由|\((?<=\A\()本文由"
    rf"|{_PLACE_GAP}|{_POST_GAP}"
    r"|研究中心\s*\Z|研究院\s*\Z|课题组\s*\Z"
)
