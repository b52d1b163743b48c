"""DATE suggestions: absolute and relative time expressions in Chinese news text.

Tagged as DATE:

* absolute dates, with any part missing: ``2020年``, ``2020年度``, ``2020年底``,
  ``二〇二〇年``, ``3月4日``, ``3月份``, ``3月上旬``, ``13日``, ``25号``, ``二十三日``,
  ``二十五号`` (a bare day of the month; in Chinese numerals only with 十, since 一日 and
  三日 are counts of days; 8号楼, 5号线 and 神舟十八号 are not days), ``2020-03-04``;
  full-width digits (``１９９８年６月``) are read as ASCII ones; a part of the day or a clock time that follows a
  date belongs to it (``11月7日上午``, ``13日9时``, ``7日晚``); a clock time alone
  (``9时30分``, ``凌晨6点钟``; in Chinese numerals with 半, 分 or 钟: ``九点半``,
  ``八点钟``); a year runs into Latin letters (``2001年PIXOMONDO``);
* a year counted in an era, with the era and what follows the year (``公元前221年``,
  ``民国二十六年七月七日``, ``光绪元年``; eras in lexicon ``dates_eras``): not a duration;
  so too a year of three or four digits after 前 alone, where a word of time or a clause
  mark stands before it (``于前221年``, ``前551年，``; not ``在前100年里``, ``提前200年``);
* decades and centuries: ``80年代``, ``上世纪90年代``, ``1990年代``;
* relative expressions that name a calendar period relative to the publication date:
  ``今年 去年 明年 前年 后年 当年 同年 次年`` (with tails such as ``以来 初 底 上半年
  一季度``, or a month/day: ``今年3月``), ``今天 昨天 明天 今日 昨日 明日 当天 当日 次日
  今晨 昨晚 前日 …`` (with a part of the day: ``昨日下午``), ``本周 上周 上个星期 本月
  上月 …`` (with a day: ``本月18日``, ``上个月25号``), ``近日 日前 近期 近年 近年来 近几年
  年初 年底 年内 月初 月底``, ``今明两天``, and a counted
  period anchored on now: ``过去一年``, ``近三年来``, ``3年来``, ``5天后``, also with 多, 余
  or 半 (``一年多前``, ``20余年来``, ``半年前``; ``2017年前后`` is about 2017);
* named festivals and commemorative days (``春节``, ``国庆节``, ``植树节``, ``中秋`` …) with
  the year before them (``明年春节``, ``2024年春节``), their tails (``春节期间``, ``元旦前夕``,
  ``中秋节当天``, ``清明节假期``, ``端午小长假``) and a part of the day (``除夕夜``, not the 晚
  of ``春节晚会``); holidays named by a number or a common name only with a tail
  (``五一假期``, ``十一黄金周``, ``国庆长假``: not 五一广场, 王国庆); solar
  terms (``立春``; the ambiguous ones such as 雨水, 清明, 小雪 only as ``雨水时节``);
* days of the week (``周三``, ``星期五晚上``, ``本周三``), quarters (``一季度``,
  ``第三季度``), five-year plan periods (``十四五``), ranges (``1至4月``,
  ``2019-2021年``); lunar dates (``正月初一``, ``农历八月十五``) and midnight after a date
  (``1月1日零时``);
* 以来 after any date (``今年上半年以来``, ``6月中旬以来``, ``立春以来``, as ``2019年以来``),
  and after a day the word that points back to it (``9月15日这天``, ``3月8日当天``,
  ``5日当晚``, ``正月十五这天``; not after a year: ``2020年``这天).

Not tagged: ``目前 当前 现在 如今 此前 今后 长期以来 多年来 全年`` (vague or not a period
of the calendar), a part of the day alone (``上午``), a bare season (``春季``), durations
(``3年``: FIGURE), ``一年一度``.

``attrs`` of an absolute date carries the known fields (``year``, ``month``, ``day``,
``hour``, ``minute``); relative ones carry ``{"relative": True}``.
"""

from __future__ import annotations

import re
from typing import Any

from annotator import lexicon, rules_regex
from annotator.model import Span
from annotator.numerals import NUMERALS

from . import _scan
from ._text import Candidate, ends_at, is_han, trie_pattern
from ._words import crosses_end, crosses_start, dictionary
from .figures import chinese_number

LABEL = "DATE"

# 元月 is January (1998年元月, 今年元月5日); alone it is a date word (lexicon dates_words)
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九元])月(?:份)?"
_DAY = (
    r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?"
    r"|[一二三四五六七八九])(?:日|号)"
)
_PART = r"(?:凌晨|清晨|早晨|早上|上午|中午|下午|傍晚|晚上|晚间|夜间|深夜|夜里|晚|夜(?!以继日))"
_CLOCK = r"(?:(?:[01]?[0-9]|2[0-4])(?:时|点钟?)(?:[0-5]?[0-9]分|半)?许?|(?:[01]?[0-9]|2[0-4])[:：][0-5][0-9])"
# 初 is not a tail in 今年初步; 中 and 内 are left out (今年中央…, 今年内蒙古…)
_START = r"初(?![步期级心衷次始见选审赛一二三四五六七八九十])"  # 正月初一: a lunar day
_YEAR_TAIL = (
    rf"(?:以来|年初|年底|年末|年中|{_START}|底|末|上半年|下半年|前三季度|第?[一二三四]季度"
    r"|前(?:[1-9]|1[01]|[两二三四五六七八九十]|十一)个月|同期"
    r"|[春夏秋冬]季|[春夏秋冬]天)"
)
_MONTH_TAIL = rf"(?:上旬|中旬|下旬|中下旬|中上旬|上中旬|以来|{_START}|底|末)"
# A clock time in Chinese numerals (下午三点, 凌晨两点半, 上午九时三十分) counts only after a
# part of the day: 三点 alone may be three points, 今天一点 "a little today".
_CN_HOUR = "(?:二十[一二三四]?|十[一二]?|[一二两三四五六七八九])"
_CN_MINUTE = "(?:[二三四五]?十[一二三四五六七八九]?|零?[一二三四五六七八九])"
_CN_CLOCK = rf"{_CN_HOUR}(?:时|点钟?)(?:{_CN_MINUTE}分|半)?许?"
# 零时 (midnight) is a clock time of its own: 1999年1月1日零时.
_DAY_TAIL = rf"(?:{_PART}?{_CLOCK}|{_PART}{_CN_CLOCK}|零[时点](?:[0-5]?[0-9]分)?|{_PART})"
_MONTH_PART = rf"{_MONTH}(?:{_DAY}{_DAY_TAIL}?|{_MONTH_TAIL})?"
# 前后 before 前: 2017年前后 is about 2017, not before it
_REL_TAIL = "(?:以来|来|以前|之前|以后|之后|前后|前|后)"

# Words that are or begin a date, with their kind (resources/lexicon/dates_words.txt):
# year (今年), day (今天, 周三), other (本周, 近日), plan (十四五), festival, festival?
# (a holiday named by a number or a common name, only with a tail: 五一假期, 国庆期间), solar, solar?
# (solar terms that are also plain words), century (上世纪), lunar (正月), year? (a year
# that is also the tail or head of common words: 马上年底, 恐龙年代, 上年纪), other? (a
# word whose end begins a common word: 同日本), day? (a day that is also the tail or head
# of common words: 前日, not in 目前日益 or 前日本首相).
_WORDS: dict[str, str] = lexicon.fields("dates_words", "other")
_ALLOWED = {
    "year": ("md", "yt"), "year?": ("md", "yt"), "day": ("dt",), "day?": ("dt",), "solar": ("st",),
    "solar?": ("st",), "festival": ("st", "dt"), "festival?": ("st",),
    "century": ("dec", "yt"), "lunar": ("lun",), "month": ("mo", "yt"), "eve": ("st", "dt"),
}  # fmt: skip

# Dates that start with a word (今年, 昨日, 春节 …); the word is what the match has before
# its continuation group, and the continuation is kept only where it fits the word.
_WORD_RE = rules_regex.compile(
    f"{trie_pattern(_WORDS)}(?:(?P<md>{_MONTH_PART})|(?P<yt>{_YEAR_TAIL})|(?P<dt>{_DAY_TAIL})"
    "|(?P<st>时节|节气|前后|期间|前夕|当天|当日|当晚|之际|过后|这天|那天|假期|小长假|长假|黄金周)"
    "|(?P<dec>(?:[0-9]0|[二三四五六七八九]十)年代(?:初|末|中期)?)"
    "|(?P<lun>初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|三十)"
    f"|(?P<mo>份(?:{_DAY}{_DAY_TAIL}?)?|{_DAY}{_DAY_TAIL}?|{_MONTH_TAIL}))?"
)
# tried only where the first two characters of a date word stand (found by the page scan)
_WORD_SCAN = _scan.Anchored(_WORD_RE)

# Dates that start with a number.  The first character class lets ``re`` skip the rest of
# the text in C; which unit followed (年, 月, 日, 时, 年代 …) is told by the named groups.
# 多 and 余 after the number (20多年前, 10余年来) or after the unit (一年多前, 一个多月前)
# and 半 for the number (半年前, 半个月来) make a counted period only: a date when anchored
# on now, never a calendar date.
_D_FIRST = "0-9０-９一二三四五六七八九十〇零两几半"
_NUM_RE = rules_regex.compile(
    f"[{_D_FIRST}][0-9０-９一二三四五六七八九十〇零]{{0,3}}(?P<more>[多余])?(?:"
    r"(?P<dec>年代)(?:初|末|中期)?"
    r"|(?P<c>世纪)(?:[0-9]0年代|[二三四五六七八九]十年代)?(?:初|末|中期|中叶)?"
    f"|(?P<y>年)(?:度)?(?:(?P<ymd>{_MONTH_PART})|(?P<yt>{_YEAR_TAIL}|多?{_REL_TAIL}))?"
    r"|(?P<iso>[-/](?:0?[1-9]|1[0-2])[-/](?:0?[1-9]|[12][0-9]|3[01]))(?![0-9])"
    f"|(?P<m>个[多余]?月|月)(?:份)?(?:{_DAY}{_DAY_TAIL}?|(?P<mt>{_MONTH_TAIL}|{_REL_TAIL}))?"
    f"|(?P<d>[日号])(?:(?P<dt>{_DAY_TAIL})|(?P<drel>{_REL_TAIL}|内))?"
    f"|(?P<h>时|点钟?)(?:[0-5]?[0-9]分|{_CN_MINUTE}分|半)?许?"
    r"|(?P<colon>[:：][0-5][0-9])(?![0-9])"
    f"|(?P<p>[周天])(?P<pt>{_REL_TAIL})?"
    ")"
)
# Numerals are frequent (一些, 统一): the pattern is tried only where a numeral stands
# before what may follow it in a date (a numeral, 年, 月, 日 …: the page scan finds them).
_NUM_SCAN = _scan.Anchored(_NUM_RE)
_DIGIT_RE = rules_regex.compile("[0-9０-９]")
# (几: 几年来, 几月底 are counts too)
_NUMERAL_CHARS = NUMERALS | {"几"}
_MONTH_RANGE_RE = rules_regex.compile(r"(?:1[0-2]|[1-9])(?:至|到|-|—|~|～)\Z")
_YEAR_RANGE_RE = rules_regex.compile(r"(?:1[0-9]|20|21)[0-9]{2}(?:-|—|~|～|至|到)\Z")
_RANGE_SEPS = frozenset("至到-—～~")
# 3至5日, 5月3至5日: the first day of a range that leaves out its 日 (with its month)
_DAY_RANGE_RE = rules_regex.compile(
    r"(?:(?:1[0-2]|0?[1-9])月)?(?:3[01]|[12][0-9]|0?[1-9])(?:-|—|~|～|至|到)\Z"
)
_PART_BEFORE_RE = rules_regex.compile(_PART + r"\Z")
_REL_TAIL_RE = rules_regex.compile(_REL_TAIL)
_NOW_PREFIXES = ("过去的", "未来的", "最近的", "过去", "未来", "最近", "近")
_NOT_BEFORE = frozenset("0123456789０１２３４５６７８９.．ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        "abcdefghijklmnopqrstuvwxyz第")  # fmt: skip
_ALNUM = rules_regex.compile(r"[0-9A-Za-z]")
_YEAR_ONLY_RE = rules_regex.compile(r"[12][0-9]{3}年度?")
# Fields of an absolute date, read in one pass: year, month, day, then a clock time.
_CAL_RE = rules_regex.compile(
    r"(?:([12][0-9]{3}|[一二][〇零一二三四五六七八九]{3})年)?度?"
    r"(?:(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九元])月)?份?"
    r"(?:(3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?"
    r"|[一二三四五六七八九])[日号])?[^0-9〇零一二两三四五六七八九十]{0,2}"
    f"(?:([01]?[0-9]|2[0-4]|{_CN_HOUR})(?:[时点]|[:：](?=[0-9]))(?:([0-5]?[0-9]|{_CN_MINUTE}(?=分))分?|(半))?)?"
)
_CN_HOUR_RE = rules_regex.compile(_CN_HOUR)
_ISO_RE = rules_regex.compile(r"([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})")


def _int(token: str) -> int:
    if token[0].isdigit():
        return int(token)
    if token == "元":
        return 1  # 元月: January
    return int(chinese_number(token))


def _calendar(found: str, pos: int = 0) -> dict[str, Any] | None:
    """Year, month, day, hour and minute of an absolute date string (None: not a date)."""
    m = _CAL_RE.match(found, pos)
    if m is None:
        return {}
    year, month, day, hour, minute, half = m.groups()
    attrs: dict[str, Any] = {}
    if year:
        value = _int(year)
        if not 1000 <= value < 2200:
            return None
        attrs["year"] = value
    if month:
        attrs["month"] = _int(month)
    if day:
        attrs["day"] = _int(day)
    if hour:
        attrs["hour"] = _int(hour)
        if minute:
            attrs["minute"] = _int(minute)
        elif half:
            attrs["minute"] = 30  # 九点半, 3点半: half past
    return attrs


_NOW_LAST = frozenset(w[-1] for w in _NOW_PREFIXES)


def _now_prefix(text: str, start: int) -> str:
    if not start or text[start - 1] not in _NOW_LAST:
        return ""  # most counted periods: no prefix ends here, no look-up a prefix
    for word in _NOW_PREFIXES:
        if ends_at(text, word, start):
            return word
    return ""


# The named groups of _NUM_RE that tell what a number-led match is, in order; it holds one.
_NUMBER_KINDS = ("dec", "c", "y", "iso", "m", "d", "h", "colon", "p")


def _iso_date(found: str, start: int, token: str) -> tuple[int, dict[str, Any]] | None:
    """(start, attrs) of an ISO date ``found`` whose year is ``token``, or None (a year in
    Chinese numerals, 一九九八-3-4, or not of four digits makes no ISO date)."""
    iso = _ISO_RE.match(found)
    if iso is None or len(token) != 4:
        return None
    y, mo, d = iso.groups()
    return (start, {"year": int(y), "month": int(mo), "day": int(d)})


def _number_date(m: re.Match[str], text: str) -> tuple[int, dict[str, Any]] | None:
    """(start, attrs) of a number-led match, or None when it is not a date."""
    g = m.group
    start = m.start()
    for first in _NUMBER_KINDS:  # the first kind the match holds (a loop: no generator)
        if g(first):
            break
    more = g("more")
    token = text[start : m.start("more") if more else m.start(first)]
    if token[0] == "半" and (len(token) > 1 or _half_of_word(text, start)):
        return None  # 上半年, 下半月: a word of their own; 半3年 is no number
    arabic = token[0].isdigit()
    if "几" in token[1:] or (_DIGIT_RE.search(token) if not arabic else not token.isdigit()):
        return None  # digits and Chinese numerals mixed (3一时, 二0日) make no date
    if first in ("dec", "c"):
        return (start, {}) if _decade_or_century(token, arabic, first) else None
    if first == "iso":
        return _iso_date(m.group(0), start, token)
    if first in ("h", "colon"):
        return _clock(m, text, token, arabic)
    period = (
        first == "p"
        or (first == "m" and g("m") != "月")
        or (first == "y" and (more or not (len(token) == 4 and (arabic or token[0] in "一二"))))
    )
    if period:
        return _anchored_period(m, text)
    if more or (g("yt") or "").startswith("多") or token[0] == "半":
        return None  # 20多日, 半月: counts, not days of the calendar
    return _calendar_date(m, text, token, arabic, first)


def _decade_or_century(token: str, arabic: bool, first: str) -> bool:
    """80年代, 八十年代, 20世纪; 1990年代 and 2010年代 (a decade written with its full year),
    not 2000世纪 or 1995年代."""
    if len(token) == 2 or not arabic:
        return True
    return first == "dec" and len(token) == 4 and token[3] == "0" and 1000 <= int(token) < 2200


def _anchored_period(m: re.Match[str], text: str) -> tuple[int, dict[str, Any]] | None:
    """A counted period (3年, 5个月, 十多天) is a date only when anchored on now: 近三年来,
    3天后, 一年多前; (start, attrs) then, else None."""
    start = m.start()
    prefix = _now_prefix(text, start)
    year_tail = m.group("yt")
    ago = year_tail and _REL_TAIL_RE.fullmatch(year_tail.removeprefix("多"))
    if not prefix and not (m.group("pt") or m.group("mt") or ago):
        return None
    return start - len(prefix), {"relative": True}


def _half_of_word(text: str, start: int) -> bool:
    """True when the 半 at ``start`` ends a word (上半年, 前半个月, 大半年, 一年半)."""
    return bool(start) and text[start - 1] in "上下前后大多一两几个年月天"


def _calendar_date(
    m: re.Match[str], text: str, token: str, arabic: bool, first: str
) -> tuple[int, dict[str, Any]] | None:
    """(start, attrs) of a number-led calendar date (年, 月, 日), or None."""
    if token == "几" or "几" in token:
        return None
    if first == "d" and not _day_ok(token, arabic, m, text):
        return None  # 一日 (one day), 8号楼, 15日内 (a duration)
    attrs = _calendar(m.group(0))
    if attrs is None or not attrs:
        return None
    if attrs.get("month", 1) > 12 or attrs.get("day", 1) > 31:
        return None
    return m.start(), attrs


# After N号 these make a number of a thing, not a day: 8号楼, 5号线, 1号文件, 3号选手.
_NUMBERED_THING = frozenset(
    "楼线院馆房室门口车机位台厅舱床球选文令码站窗井桥厂库店铺坑洞箱柜包件种型字队员馆"
    "病卡屋棚舍仓池道路街巷村组区栋单元坑岗哨段标段港泊船艇弹星章牌票"
)


_QUOTE_CLOSE = frozenset('”"」』》')
# A year in brackets right before N号 numbers a document or a case of that year:
# 国办发〔2026〕12号, 京政发[2025]3号, (2026)京0105民初12345号 (the last has no day anyway).
_YEAR_IN_BRACKETS_RE = rules_regex.compile(r"[〔［\[（(][0-9０-９]{4}[〕］\]）)]\Z")


# What may stand right before a day written N号 or with Chinese numerals: 本月二十五号,
# 在25号, 于二十日, 今天是1号, 今天25号.
_DAY_AFTER = frozenset("月在于是到至从自和与及、的即为今前后当截止或天")


# Words after which a day in Chinese numerals dates an event whatever stands before it
# (仪式二十八日举行, 会议二十七日在曼谷举行): lexicon ``dates_event_words``.
_EVENT_AFTER_RE = rules_regex.compile(trie_pattern(lexicon.words("dates_event_words")))
_COUNT_AFTER_YI = frozenset("上下内外来后前")
_DURATION_BEFORE = ("历时", "为期", "长达", "连续", "持续", "经过", "耗时", "用时", "历经")


def _event_day(text: str, start: int, after: int, arabic: bool) -> bool:
    """True when a day in Chinese numerals ending in 日 at ``start``..``after`` is followed
    by a word that dates an event and is no duration (历时二十日在海上)."""
    if arabic or text[after - 1] != "日" or not _EVENT_AFTER_RE.match(text, after):
        return False
    if text[after] == "以" and text[after + 1 : after + 2] in _COUNT_AFTER_YI:
        return False  # 二十日以上, 二十日以内: a count of days
    return not text.startswith(_DURATION_BEFORE, max(0, start - 2))


def _day_ok(token: str, arabic: bool, m: re.Match[str], text: str) -> bool:
    """A bare day of the month (13日, 25号, 二十三日, 二十五号), not a count of days (一日,
    三日: Chinese digits without 十), not a duration (15日内) and not a numbered thing
    (8号楼, 5号线)."""
    if m.group("drel") == "内":
        return False
    if not arabic and (len(token) < 2 or "十" not in token):
        return False
    after = m.end("d")
    before = text[m.start() - 1] if m.start() else ""
    if (
        (text[after - 1] == "号" or not arabic)
        and is_han(before)
        and before not in _DAY_AFTER
        and not _event_day(text, m.start(), after, arabic)
    ):
        return False  # 神舟十八号, 历时二十日: a name or a count, not a day
    if text[after - 1] == "号" and before in _QUOTE_CLOSE:
        return False  # “阿波罗”17号, “神舟”十号: a numbered craft, not a day
    if text[after - 1] == "号" and _YEAR_IN_BRACKETS_RE.search(
        text, max(0, m.start() - 6), m.start()
    ):
        return False  # 国办发〔2026〕12号: the number of a document of that year, not a day
    numbered = after < len(text) and text[after] in _NUMBERED_THING
    return not (numbered and text[after - 1] == "号")


def _clock(
    m: re.Match[str], text: str, token: str, arabic: bool
) -> tuple[int, dict[str, Any]] | None:
    """A clock time: 9时30分, 15:30; in Chinese numerals only after a part of the day
    (上午九时, 凌晨两点: 三点 alone may be three points)."""
    start = m.start()
    if arabic:
        return (start, _calendar(m.group(0)) or {}) if int(token) <= 24 else None
    part = _PART_BEFORE_RE.search(text, max(0, start - 2), start)
    if m.group("h") and (part or _clock_shaped(m, text)) and _CN_HOUR_RE.fullmatch(token):
        return start, _calendar(m.group(0)) or {}
    return None


# After 半 these make it the head of a word (一点半点, 这一点半年来): no clock time.
_HALF_OF_A_WORD = frozenset("点年月天个小")


def _clock_shaped(m: re.Match[str], text: str) -> bool:
    """True when an hour in Chinese numerals goes on as only a clock time does: 九点半,
    三点二十分, 八点钟 (not 一点半点, a tiny bit; 三点 alone may be three points)."""
    found = m.group(0)
    if found.endswith("半"):
        return text[m.end() : m.end() + 1] not in _HALF_OF_A_WORD
    return found.endswith(("分", "钟"))


def _extend_start(m: re.Match[str], text: str, start: int) -> int:
    """Join what belongs before a number-led date: 1至4月, 2019-2021年, 3至5日, 上午10时."""
    if m.group("m") == "月":
        rng = _MONTH_RANGE_RE.search(text, max(0, start - 3), start)
    elif m.group("d") and start and text[start - 1] in _RANGE_SEPS:
        rng = _DAY_RANGE_RE.search(text, max(0, start - 7), start)
    elif m.group("y") and len(m.group(0)) >= 5:
        rng = _YEAR_RANGE_RE.search(text, max(0, start - 5), start)
    elif m.group("h") or m.group("colon"):
        part = _PART_BEFORE_RE.search(text, max(0, start - 2), start)
        return part.start() if part else start
    else:
        return start
    if rng and not (rng.start() and text[rng.start() - 1] in _NOT_BEFORE):
        if m.group("d") and not _ascending(rng.group(0), m.group(0)):
            return start  # 院中20—2号: an address, no range of days
        return rng.start()
    return start


_LAST_NUMBER_RE = rules_regex.compile(r"([0-9]+)\D*\Z")


def _ascending(first: str, second: str) -> bool:
    """True when the day that ends ``first`` (3至, 5月3至) comes before ``second``'s (5日)."""
    a = _LAST_NUMBER_RE.search(first)
    b = _DIGIT_RUN_RE.match(second)
    return a is not None and b is not None and int(a.group(1)) < int(b.group(0))


_DIGIT_RUN_RE = rules_regex.compile("[0-9]+")


def _number_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _NUM_SCAN.finditer(text):
        start, end = m.span()
        if start and text[start - 1] in _NOT_BEFORE:
            continue  # inside a longer number or code, 第3日
        if end < len(text) and _ALNUM.match(text, end) and not _YEAR_ONLY_RE.fullmatch(m[0]):
            continue  # 5月3A: a code; but 成立于2001年PIXOMONDO, 2011年20款游戏 are years
        found = _number_date(m, text)
        if found is not None:
            out.append((_extend_start(m, text, found[0]), end, LABEL, found[1]))
    return out


# The named groups of _WORD_RE for what may follow a date word, in order.
_WORD_TAILS = ("md", "yt", "dt", "st", "dec", "lun", "mo")


def _word_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    pos = 0
    while m := _WORD_SCAN.search(text, pos):
        start, end = m.span()
        pos = end
        for cont in _WORD_TAILS:  # what follows the word, if anything (a loop: no generator)
            if m.group(cont):
                break
        else:
            cont = None
        word = text[start : m.start(cont)] if cont else m.group(0)
        kind = _WORDS[word]
        if word[0] in "年月周" and start and text[start - 1] in _NUMERAL_CHARS:
            continue  # 4月底, 2020年底: part of the number-led date; 一周一次: a count
        if cont and _cut_tail(text, start + len(word), end, kind, cont):
            end, cont = start + len(word), None
        if _not_this_word(text, start, end, kind, cont):
            if kind == "year?":
                pos = start + 1  # 马上年底: 年底 is still a date
            continue
        out.append((start, end, LABEL, _word_attrs(text[start:end], len(word), kind, cont)))
    return out


def _word_attrs(found: str, length: int, kind: str, cont: str | None) -> dict[str, Any]:
    """The attrs of a word-led date ``found`` whose word is ``length`` characters long."""
    if kind == "month":
        return _calendar(found) or {}  # 元月5日: month 1, day 5
    if kind not in ("year", "year?", "day", "day?", "other", "other?"):
        return {}
    attrs: dict[str, Any] = {"relative": True}
    if cont in ("md", "dt"):
        attrs.update(_calendar(found, length) or {})
    return attrs


def _cut_tail(text: str, at: int, end: int, kind: str, cont: str) -> bool:
    """True when what follows a date word at ``at:end`` is no part of it: a continuation
    its kind does not take, or the 晚 of 春节晚会 after a festival."""
    return cont not in _ALLOWED.get(kind, ()) or (kind == "festival" and text[at:end] == "晚")


def _not_this_word(text: str, start: int, end: int, kind: str, cont: str | None) -> bool:
    """True when the date word at ``start:end`` is read as another word here."""
    if kind in ("solar?", "festival?"):
        return not cont  # 雨水 alone is rain water, 小雪 is light snow; 五一, 国庆 (王国庆)
    if kind == "festival":
        return text[end : end + 1] == "度"  # 新年度预算: a new fiscal year, not New Year
    if kind == "year?":
        # 马上年底, 基本年薪, 恐龙年代: a common word across its start (not its end: 本年度)
        return crosses_start(text, start)
    if kind == "day?":
        # 前日 (the day before yesterday), not in 目前日益, 前日本首相, 以前日子
        return crosses_start(text, start) or (not cont and crosses_end(text, end))
    if kind == "other?":
        return crosses_end(text, end)  # 中国同日本签署: 日本, no 同日
    if kind in ("month", "eve"):
        return _word_runs_in(text, start, end, kind, cont)
    if kind == "year" and not cont:
        return _year_word_split(text, start)
    return False


# Verbs that take 去 after them as a complement of direction (送去, 带去, 寄去): 去年 after
# one is that 去 and a word that begins with 年 (送去年货, 带去年画).
_THITHER_VERBS = frozenset("送带寄拿运捎发搬买卖派接传递交借献")
# jieba count from which the word after the year word's 年 is read (年货 78, 年画 177)
_AFTER_YEAR_WORD = 20


def _year_word_split(text: str, start: int) -> bool:
    """True when the year word at ``start`` (今年, 去年, 前年) is cut by two words: one
    across its start (or a verb + 去) and one that begins with its 年 and is no date (送去 +
    年货, 如今 + 年轻人, 提前 + 年货; not 截至 + 今年底, where 年底 is a date's)."""
    if not (
        crosses_start(text, start)
        or (text[start] == "去" and start and text[start - 1] in _THITHER_VERBS)
    ):
        return False
    after = text[start + 1 : start + 3]
    return dictionary().get(after, 0) > _AFTER_YEAR_WORD and after not in _WORDS


# After these a 元月 or 年三十 is part of an amount or a word: 3000元月薪, 万元月收入.
_AMOUNT_BEFORE = frozenset("0123456789一二两三四五六七八九十百千万亿")
# What makes 年三十 a count, not New Year's Eve: 年三十岁, 年三十多万.
_COUNT_AFTER = frozenset("岁多余万亿个名位人家年元周次届天")


def _word_runs_in(text: str, start: int, end: int, kind: str, cont: str | None) -> bool:
    """True when 元月 (January) or 年三十 (New Year's Eve) at ``start:end`` is part of
    other words: an amount (3000元月薪), a word across its start (单元月考, 美元月, 少年三十,
    今年三十岁); 年三十 also before a count (年三十多). A year word may stand before 年三十
    (今年年三十, 农历年三十)."""
    before = text[start - 1] if start else ""
    if before in _AMOUNT_BEFORE:
        return True
    if kind == "eve":
        if not cont and text[end : end + 1] in _COUNT_AFTER:
            return True
        word_before = text[max(0, start - 2) : start]
        if word_before == "农历" or _WORDS.get(word_before) in ("year", "year?"):
            return False  # 今年年三十, 农历年三十: 年年 and 历年 read across, wrongly
    return crosses_start(text, start)


def _join_ranges(cands: list[Candidate], text: str) -> list[Candidate]:
    """A date + 至 + a date that leaves out the first one's leading field is one range:
    ``12月11日至12日``, ``2023年3月至5月`` (not ``2019年至2021年`` or ``3月5日至4月2日``:
    two whole dates are two spans)."""
    by_start = {c[0]: c for c in cands}
    out = list(cands)
    for s, e, label, attrs in cands:
        if text[e : e + 1] not in _RANGE_SEPS:
            continue
        nxt = by_start.get(e + 1)
        if nxt is None or not attrs or not nxt[3]:
            continue
        if _leaves_lead(text, s, attrs, nxt):
            until = {f"until_{k}": v for k, v in nxt[3].items()}
            out.append((s, nxt[1], label, {**attrs, **until}))
    return out


def _leaves_lead(text: str, s: int, first: dict[str, Any], nxt: Candidate) -> bool:
    """True when the date ``nxt`` after a range's 至 leaves out the leading field of the
    date ``first`` at ``s`` and gives one of its others: 12月11日至12日, 本月18日至20日 and
    今年3月至5月 (a relative word leads), and a clock time after a part of the day, then one
    without it (下午3点至5点; not 3点至5点, 上午9时至下午5时, 昨天至今天: two whole ones)."""
    second = nxt[3]
    if "relative" in first:
        lead: str | None = "relative"
    else:
        lead = next((k for k in ("year", "month", "day") if k in first), None)
    if lead is not None and lead not in second and any(k in second for k in first):
        return True
    return (
        "hour" in first
        and "hour" in second
        and not _ALNUM.match(text, s)
        and bool(_ALNUM.match(text, nxt[0]))
    )


# Full-width digits and separators (１９９８年６月) are read as their ASCII forms, and the
# look-alikes typed for the zero of a Chinese year (二○○一年 with a circle, 二ＯＯ三年 with
# a letter O) as 〇: one code point for one, so every offset stays the same.
# (str.replace per character present, in C: ``str.translate`` looks every character of a
# Chinese page up in its table in Python's slow path, 0.3 ms a page of 5,000; and the
# sixteen ``in`` tests run at memchr speed, where a regex of the class that looked for any
# of them first took longer than all of them together.)
_FULLWIDTH = tuple(zip("０１２３４５６７８９．／－○◯Ｏ", "0123456789./-〇〇〇", strict=True))


def _narrow(text: str) -> str:
    """``text`` with the full-width digits and separators in their ASCII forms (its page
    scan made from the scan of ``text``: :func:`._scan.scan_copy`)."""
    page = text
    replaced = {}
    for wide, narrow in _FULLWIDTH:
        if wide in text:
            text = text.replace(wide, narrow)
            replaced[wide] = narrow
    if replaced:
        _scan.scan_copy(text, page, replaced)
    return text


# A month named relative to now, before a day of it: 本月18日, 上个月25号, 次月1日.
_REL_MONTHS = frozenset(("本月", "上月", "下月", "上个月", "下个月", "当月", "同月", "次月"))


# Festivals (春节, 元旦 …, 年三十): a year right before one is one date with it (1972年元旦前夕).
_FESTIVAL_RE = rules_regex.compile(
    trie_pattern({w for w, k in _WORDS.items() if k in ("festival", "eve")})
)


def _join_month_days(cands: list[Candidate], text: str) -> list[Candidate]:
    """A relative month and the day after it are one date (``本月18日``), and so are a year
    and the festival after it (``明年春节``, ``2024年春节``)."""
    by_start = {c[0]: c for c in cands}
    joined = []
    for s, e, label, attrs in cands:
        nxt = by_start.get(e)
        if nxt is None:
            continue
        if text[s:e] in _REL_MONTHS and "day" in nxt[3] and not nxt[3].keys() & {"month", "year"}:
            joined.append((s, nxt[1], label, {**attrs, **nxt[3]}))
        elif _is_year(text, s, e, attrs) and _FESTIVAL_RE.match(text, e):
            joined.append((s, nxt[1], label, attrs))  # 明年春节, 1972年元旦前夕
    return cands + joined if joined else cands


# What follows a whole date and belongs to it: 以来 after any date (今年上半年以来, 6月中旬以来,
# 立春以来, as 2019年以来; not the 以来 of 以来宾身份), and after a day, the words that point
# back to it (9月15日这天, 3月8日当天, 3日当晚, 周三那天, 正月十五这一天).
_DATE_TAIL_RE = rules_regex.compile(r"以来(?![宾访电信函客])|[这那]一?天|当天|当日|当晚")
_ENDS_ANCHORED = frozenset("来前后")  # 近年来, 3天前, 5天后: 以来 does not follow them
_ENDS_DAY_RE = rules_regex.compile(
    r"(?:[日号]|(?:周|星期|礼拜)[一二三四五六日天]|[初十][一二三四五六七八九十]{1,2})\Z"
)


def _join_tails(cands: list[Candidate], text: str) -> list[Candidate]:
    """A date and the 以来, 这天 or 当天 after it are one date (``今年上半年以来``,
    ``9月15日这天``)."""
    joined = []
    for s, e, label, attrs in cands:
        m = _DATE_TAIL_RE.match(text, e)
        if m is None or text[e - 1] in _ENDS_ANCHORED:
            continue
        if m[0] != "以来" and not _ENDS_DAY_RE.search(text, s, e):
            continue  # 2020年这天: only a day is pointed back to
        joined.append((s, m.end(), label, attrs))
    return cands + joined if joined else cands


def _is_year(text: str, start: int, end: int, attrs: dict[str, Any]) -> bool:
    """True when the candidate at ``start:end`` is a year alone: 2024年, 明年, 虎年."""
    if attrs.keys() == {"year"}:
        return text[end - 1] == "年"
    return _WORDS.get(text[start:end]) in ("year", "year?")


# A year counted in an era (公元前221年, 民国二十六年七月七日, 光绪元年): the era is the cue
# that the number is a year, whatever its size (221年 alone is a duration).
_ERAS = lexicon.words("dates_eras")
_ERA_RE = rules_regex.compile(
    f"{trie_pattern(_ERAS)}"
    f"(?P<n>元|[0-9]{{1,4}}|[一二三四五六七八九十〇零]{{1,5}})年(?:{_MONTH_PART})?"
)
# tried only where the first two characters of an era stand (found by the page scan)
_ERA_SCAN = _scan.Anchored(_ERA_RE)
_COMMON_ERA = frozenset(("公元", "公元前", "西元", "西元前"))


def _era_candidates(text: str) -> list[Candidate]:
    """Years counted in an era, with the month and day after them: ``attrs`` has the era,
    its year (``era_year``) and, in the common era, the ``year`` itself (BC negative)."""
    out: list[Candidate] = []
    for m in _ERA_SCAN.finditer(text):
        try:
            number = _int(m["n"])
        except (ValueError, KeyError):
            continue  # 二〇十年: no numeral
        if number == 0:
            continue
        era = text[m.start() : m.start("n")]
        attrs: dict[str, Any] = {"era": era, "era_year": number}
        if era in _COMMON_ERA:
            attrs["year"] = -number if era.endswith("前") else number
        attrs.update(_calendar(m[0], m.end("n") + 1 - m.start()) or {})
        out.append((m.start(), m.end(), LABEL, attrs))
    return out


# A year before the common era written without 公元 (秦始皇于前221年统一六国, 生于前551年):
# 前 and a year of three or four digits after a word of time or a clause mark; elsewhere
# 前N年 are the first N years (前100年里, 提前200年), so 间 来 内 里 after it keep it so.
# (a plain search: the pattern opens with a literal, which ``re`` looks for fast, and pairs
# with a digit would make the page scan read the date rules' ASCII copy of the page)
_BC_RE = rules_regex.compile("前(?P<n>[0-9]{3,4})年(?![间来内里])")
_BEFORE_BC = frozenset("于在至到从自约是即、，,（(—–-~～：:")


def _bc_candidates(text: str) -> list[Candidate]:
    """Years before the common era written 前N年 (attrs as for 公元前N年, era 前)."""
    out: list[Candidate] = []
    for m in _BC_RE.finditer(text):
        if m.start() > 0 and text[m.start() - 1] not in _BEFORE_BC:
            continue
        number = int(m["n"])
        attrs = {"era": "前", "era_year": number, "year": -number}
        out.append((m.start(), m.end(), LABEL, attrs))
    return out


def find_date_candidates(text: str) -> list[Candidate]:
    """All DATE candidates of ``text`` as ``(start, end, label, attrs)`` tuples."""
    text = _narrow(text)  # the same string when it holds none of them
    cands = _number_candidates(text) + _word_candidates(text) + _era_candidates(text)
    cands += _bc_candidates(text)
    if len(cands) > 1:
        cands = _join_month_days(_join_ranges(cands, text), text)
    return _join_tails(cands, text) if cands else cands


def find_dates(text: str) -> list[Span]:
    """DATE suggestions (``origin="rule"``, ``status="suggested"``) for ``text``."""
    return [
        Span(s, e, label, origin="rule", status="suggested", attrs=attrs)
        for s, e, label, attrs in find_date_candidates(text)
    ]
