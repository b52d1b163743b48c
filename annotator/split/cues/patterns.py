"""Regex fragments that several cue patterns share: a month's or day's number, a personal
name (padded, transcribed), a list of names, a reporter's role word, posts and institutions.
"""

from __future__ import annotations

from .chars import HAN

# The number of a month or a day in a dateline (3月4日, 十二月三日).
MONTH_OR_DAY = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"


BULLET = r"[■□●◆◇★☆◎○•·▲△▼▽◢◣]"
# A role word, optionally preceded by an agency (本报, 新华社, 湖南日报全媒体 …).
ROLE = (
    # (two outlets of one house may sign together: 中青报·中青网记者, 南方日报·南方+记者)
    rf"(?:(?:[{HAN}]{{1,8}}[+＋]?[·・•])?"
    rf"[{HAN}]{{0,8}}?[+＋]?(?:特约|首席|特派|驻[{HAN}]{{1,6}}|见习|实习|摄影|全媒体|融媒体)?"
    # (not the 作者 of 工作者: 团结引领科技工作者成才建功 is a title)
    r"(?:记者|通讯员|实习生|撰稿人?|撰文|编译|整理|供稿|(?<!工)作者)"
    r"|文\s*[/／]\s*图|(?:文|图|文图|摄影|摄像|视频)\s*[/／|｜])"
)
# A personal name: 2-4 Han characters, or a transcribed name with a middle dot. Names do not
# contain common function characters, which keeps 记者节的坚守 from reading as a byline.
NAME_CHAR = rf"(?![的了是在和与及])[{HAN}]"
# Typeset pages pad a two-character name to the width of three (金  轩, 本报记者  王  洲):
# a surname, one or two spaces, a one-character given name.
SPACED_NAME = rf"{NAME_CHAR}[ \u3000]{{1,2}}{NAME_CHAR}"
_NAME = (
    rf"(?:{SPACED_NAME}|{NAME_CHAR}{{2,4}}"
    rf"|{NAME_CHAR}{{1,8}}[·•]{NAME_CHAR}[{HAN}·•]{{0,12}})"
)
NAMES = rf"{_NAME}(?:\s*[、，,]\s*{_NAME}|\s+{_NAME})*"
# What the names did, after a slash (local dailies credit text and photos so): 李四/文,
# 王五/图, 潘伯栋/文图 (记者 李四/文 通讯员 王五/图).
WORK = r"(?:\s*[/／]\s*(?:文图|图文|文|图|摄影|摄))"
ROLE_NAMES = rf"{ROLE}\s*[:：]?\s*{NAMES}{WORK}?"


# A reader's or a contributor's signature under the title of a piece sent in (大家谈, 读者来信):
# the writer's place, a wide gap, the name (江西省赣州市  钟修声, 重庆巴南区读者  赵正荣).
PLACE_SUFFIX = "省市县区州盟旗镇乡"


# A commentary's or a guest article's author line: the writer's post or institution, a gap,
# the name (北京大学法学院教授  李  明, 人民论坛特约评论员  王  刚, 某市中级人民法院  张三). A
# post ends the line before the name with one space or more; an institution, as a place does,
# with a wide gap (a headline set as two phrases never ends its first one on a post).
POSTS = (
    "教授|研究员|讲师|博士|院长|所长|主任|书记|部长|局长|校长|主席|委员|代表|专家|学者|律师"
    "|法官|检察官|评论员|作家|院士|会长|秘书长|经济学家|分析师|工程师|医生|医师|教师"
)
INSTITUTIONS = "大学|学院|研究所|党校|协会|学会|法院|检察院|医院|委员会"
