"""FIGURE suggestions: numbers with their units and qualifiers in Chinese news text.

What is a figure (the guidelines in ``tests/core/gold_entities/GUIDELINES.md`` agree):

* a quantity, amount or count: a number (Arabic ``720``, Chinese ``七百二十``, mixed
  ``13.11万``) followed by a unit or classifier: ``13.11万吨``, ``600万元``, ``52个``,
  ``两个``, ``3.5亿元``, ``约2000平方米``; a number with 万/亿 and no unit (``人口720万``);
* a percentage: ``5%``, ``百分之五`` (value 5, unit ``%``), ``3个百分点``;
* a duration: ``3年``, ``三年``, ``6个月``, ``10天`` (a *point* in time is a DATE); one in
  two units is one figure in the smaller (``七年六个月``: 90 个月, ``3分41秒``: 221 秒),
  and days after months with 零 are part of it (``7年6个月零5天``: 90 个月, ``days`` 5);
* an anniversary: ``70周年`` (value 70, unit ``周年``); a magnitude (``7.8级``); a
  temperature, negative after ``零下``; any figure is negative after ``-`` or ``负``
  (``负2.3亿元``, ``-12.4%``); an index's points with decimals (``收于3125.48点``; ``12点``
  is a clock time); a time or a height with two digits after 秒/米 (``9秒83``: 9.83 秒,
  ``1米85``: 1.85 米) and a length said the spoken way (``一米九``: 1.9 米, ``一米八五``);
* a rank: ``第80位``, ``全省第一`` (``第N`` followed by 位/名 or ending the phrase), and
  ``前20强``; these carry ``"ordinal": True`` or the qualifier ``前``.

Not figures:

* a bare number without unit or magnitude (``12345``, phone numbers such as ``8156206``,
  codes, ``5G``);
* ordinals that name something: ``十九届``, ``二十届`` (not ``二十`` alone), ``第二次推进会``,
  ``第16督导组``, ``第一课``; a school grade (``五年级``: no five years);
* 一 + classifier (``一个``, ``一项``, ``一次``, ``一年``): there 一 works as an article;
  numerals that start with a bare magnitude (``千吨万人``, ``百姓``) and digit strings
  (``二〇二〇``, ``三五个``);
* years and calendar dates (DATE);
* numerals inside a book title 《…》 and Chinese numerals inside a short quotation
  (``“三个年”``, ``“一件事一次办”``): these are names and slogans; a few idioms
  (``三番五次``).

The span covers qualifiers in front (约, 近, 逾, 超, 超过, 不超过, 不到, 不足, 至少, 最多, 约合,
数 before 十 …) and after it (余, 多, 以上, 以下, 以内, 之内, 左右).  ``attrs`` holds the
normalised ``value`` (int when integral, else float; 万/亿 are multiplied in: ``13.11万吨``
-> 131100, unit 吨), the ``unit`` (``""`` when there is none), ``qualifier`` when present,
``value_max`` for a range (``3-5个``, ``3至5万元``; ``五六万元`` is 50000-60000 with
qualifier 约) and ``ordinal`` for a rank.

Numeral conversion: cn2an converts these forms correctly (it is the oracle of the tests),
but it costs 5-13 µs a call and about 100 ms to import, while the whole page budget is
~1 ms, and it does not know 百分之, 多/余 or thousands separators.  The tokens here are
already isolated by the regex, so :func:`chinese_to_decimal` (a 40-line converter,
~1 µs) does the arithmetic; ``Decimal`` keeps ``13.11 * 10000`` exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from annotator import lexicon, rules_regex
from annotator.model import Span
from annotator.numerals import CHINESE_DIGITS, NUMERALS

from . import _scan
from ._places import MEASURES, division_after_count
from ._text import HAN_CLASS, Candidate, bracket_ranges, ends_at, inside, trie_pattern
from ._words import crosses_end, crosses_start
from .people.cues import TITLE_RE

LABEL = "FIGURE"

_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_MAGNITUDES = {
    "十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000,
    "十万": 100_000, "百万": 1_000_000, "千万": 10_000_000, "万亿": 10**12,
}  # fmt: skip
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

# Units and classifiers (resources/lexicon/figures_units.txt), matched longest first (trie).  Deliberately absent: 届 代 级 期 号
# (ordinals in names), 月 日 (dates), 点 分 时 (clock time, decimal point), 成 (成立…).
UNITS = lexicon.words("figures_units")
# Units that are figures only in some contexts, checked in the pattern where ``re`` can
# and in :func:`_context_ok`: 三成 (a tenth, not 成立), 翻一番, 30日内 (a duration; a
# bare 30日 is a day of the month), 31分 (points; else minutes of a clock time), and 点
# after a number with one or two decimals (an index's points: 收于3125.48点; no clock
# time has decimals, 12点 stays a time), and 单 (orders, deals: 超过5亿单, 接了300单) where
# it begins no word (300单位, 三单元).
_CONTEXT_UNIT = (
    "成(?![立为功果本员绩就交长熟效品型色语群套批才败规都千百万片名])|番|日(?=以?内|之内)|分"
    "|单(?![位元独一纯调身车据词打价向边项品曲人日场季月年次])"
    "|(?:(?<=[.．][0-9０-９])|(?<=[.．][0-9０-９][0-9０-９]))点(?![评燃击赞亮名头缀子])"
)
# Classifiers left out of the units: a number before one names a term, a generation or an
# issue (二十届, 三十期); a number with no unit right before one is never a figure.
_ORDINALS = ("届", "代", "期", "号")
_UNIT_NORMAL = {"个百分点": "百分点", "个基点": "基点", "个多月": "个月", "个多小时": "小时",
                "个小时": "小时", "％": "%", "平米": "平方米"}  # fmt: skip

_FIRST = "0-9０-９一二两三四五六七八九十"
# One numeral token: Arabic, Chinese or mixed (13.11万, 七百二十万, 三点五); separators
# only between digits.  The token is validated and converted in Python.  千 right after 万
# or 亿 is no numeral's (一万一千 has a digit between): the magnitude of a unit that
# follows (120万千瓦, 30亿千瓦时, 5万千米).
_TOKEN_REST = (
    "(?:[0-9０-９零〇一二两三四五六七八九十百万亿]|(?<![万亿])千"
    "|[,.．点](?=[0-9０-９零〇一二三四五六七八九]))*"
)
_TOKEN = f"[{_FIRST}]{_TOKEN_REST}"
# Cheap rejections right after the first character, checked by ``re`` in C: a lone 一
# (一个, 一次: an article) and a year (2020年: a DATE).
_FIRST_OK = (
    r"(?<![0-9０-９.．][0-9０-９])"  # not inside a longer number
    r"(?:(?<![一12])|(?<=一)(?=[零〇一二两三四五六七八九十百千万亿点倍番])|(?<=[12])(?![0-9]{3}年))"
)
_MAG = r"(?:万亿|千万|百万|十万|[十百千万亿])"
_UNIT = f"(?:[%％‰]|{trie_pattern(UNITS)}|{_CONTEXT_UNIT})"
_POST = r"(?P<post>以上|以下|以内|之内|左右|多|余)?"

# A number followed by a unit or a magnitude.  The pattern starts with a class of numeral
# characters so that ``re`` skips the rest of the text in C; what stands before the number
# (约, 超, 第, 前, 百分之, a letter) is looked at in Python, for the few matches only.
# (No group around the first number: a leading group would hide the character class
# from ``re``'s fast skip; the first number is cut from the match in Python.)
_FIGURE_RE = rules_regex.compile(
    f"[{_FIRST}]{_FIRST_OK}{_TOKEN_REST}(?:(?P<rsep>至|到|-|~|～|—|－)(?P<n2>{_TOKEN}))?(?P<mid>多|余|几)?"
    f"(?:(?P<mag>{_MAG})(?P<unit>{_UNIT})?|(?P<unit2>{_UNIT})){_POST}"
)
# Ranks, top-N and 百分之 forms, which need no unit.
_PREFIXED_RE = rules_regex.compile(
    f"第(?P<rn>{_TOKEN})(?P<runit>位|名)?|前(?P<tn>{_TOKEN})(?P<tunit>强|名|位)"
    f"|百分之(?P<pn>{_TOKEN}){_POST}|千分之(?P<pm>{_TOKEN})(?P<post2>以上|以下|左右)?"
)
_PREFIXED_SCAN = _scan.Anchored(_PREFIXED_RE)
# Where :data:`_FIGURE_RE` may start (its first character and the checks on it), and the
# run of numeral characters that its first number may take (see :func:`_figure_matches`).
_FIGURE_START_RE = rules_regex.compile(f"[{_FIRST}]{_FIRST_OK}")
_NUMBER_RUN_RE = rules_regex.compile(_TOKEN_REST)
_QUALIFIERS_BY_LAST = {
    "约": ("大约", "约"), "近": ("将近", "接近", "近"), "过": ("不超过", "超过"), "到": ("不到",),
    "足": ("不足",), "少": ("至少",), "多": ("最多",), "逾": ("逾",), "超": ("超",),
    "数": ("数",), "合": ("约合",), "几": ("几",), "上": ("上",),
}  # fmt: skip
# The qualifiers that say "some" of a round magnitude only (数百, 几十, 上千): never before a
# digit (几二, 上三).
_OF_A_MAGNITUDE = frozenset(("数", "几", "上"))
_BARE_MAGNITUDES = frozenset("十百千万亿")
_ARABIC_TOKEN = rules_regex.compile(
    r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?(?:万亿|千万|百万|十万|[十百千万亿])?"
)
_CHINESE_TOKEN = rules_regex.compile(
    r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+(?:万亿|[万亿])?)?"
)
_HAN_RE = rules_regex.compile(HAN_CLASS)
_UNIT_CHAR_RE = rules_regex.compile("[十百千万亿点]")
_MINUS_BEFORE_RE = rules_regex.compile(r"(?:-|－|−|零下)\Z")
# two neighbouring digits (五六万, 三四个): an approximate range
_APPROX_PAIR_RE = rules_regex.compile("一二|二三|三四|四五|五六|六七|七八|八九")
_NOT_BEFORE = NUMERALS | frozenset(".．ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz第")
_ALNUM = rules_regex.compile(r"[0-9A-Za-z０-９]")
_TITLE_RE = rules_regex.compile(r"《[^》\n]{0,60}》")
_IDIOM_RE = rules_regex.compile(trie_pattern(lexicon.words("figures_idioms")))


def chinese_number(token: str) -> int | Decimal:
    """Convert a Chinese numeral (``七百二十万``, ``两万五``, ``三点五亿``, ``二〇二〇``).

    Integers come back as ``int``, decimals as ``Decimal``; raises ``ValueError`` (or
    ``KeyError``) on a token that is not a numeral.
    """
    if "点" in token:
        return _chinese_decimal(token)
    if not any(c in _SMALL_UNITS or c in _BIG_UNITS for c in token):
        # a digit string: 二〇二〇 -> 2020
        return int("".join(str(_DIGITS[c]) for c in token))
    total = section = 0
    number = None
    last_unit = 1
    after_zero = False
    for ch in token:
        if ch in _DIGITS:
            number = _DIGITS[ch]
            after_zero = after_zero or number == 0
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            section += (1 if number is None else number) * unit
            number, last_unit, after_zero = None, unit, False
        elif ch in _BIG_UNITS:
            unit = _BIG_UNITS[ch]
            section = (section + (number or 0)) * unit
            if unit == 100_000_000:
                total, section = total + section, 0
            number, last_unit, after_zero = None, unit, False
        else:
            raise ValueError(f"not a Chinese numeral: {token!r}")
    if number:
        # 两万五 = 25000, 一千二 = 1200: a trailing digit counts in the next lower unit
        # unless a 零 came between (一千零二 = 1002)
        section += number * (last_unit // 10 if last_unit >= 100 and not after_zero else 1)
    return total + section


def _chinese_decimal(token: str) -> Decimal:
    """Convert a Chinese numeral with a decimal point (``三点五亿``)."""
    whole, _, frac = token.partition("点")
    mag = 1
    for suffix in ("万亿", "亿", "万"):
        if frac.endswith(suffix):
            frac, mag = frac[: -len(suffix)], _MAGNITUDES[suffix]
            break
    digits = "".join(str(_DIGITS[c]) for c in frac)
    return (chinese_number(whole) + Decimal("0." + digits)) * mag


def chinese_to_decimal(token: str) -> Decimal:
    """:func:`chinese_number` as a ``Decimal``."""
    return Decimal(chinese_number(token))


def number_value(token: str) -> int | Decimal:
    """The value of one number token: Arabic (``1,200``, ``13.11``), Chinese, or Arabic
    with a magnitude (``13.11万``); int when the token has no decimal part."""
    token = token.translate(_FULLWIDTH)
    if token and token[0].isdigit():
        digits = token.rstrip("十百千万亿")
        mag = token[len(digits) :]
        digits = digits.replace(",", "")
        try:
            value: int | Decimal = Decimal(digits) if "." in digits else int(digits)
        except (InvalidOperation, ValueError) as exc:
            raise ValueError(token) from exc
        return value * _MAGNITUDES[mag] if mag else value
    return chinese_number(token)


def plain(value: int | Decimal) -> int | float:
    """int when integral, else float (JSON-friendly)."""
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _is_digit_string(token: str) -> bool:
    # 二〇二〇, 三五: Chinese digits with no 十百千万亿 are years or vague "three or five"
    return len(token) > 1 and not token[0].isdigit() and not _UNIT_CHAR_RE.search(token)


def _valid_token(token: str) -> bool:
    if token[0].isdigit():
        return _ARABIC_TOKEN.fullmatch(token) is not None
    return _CHINESE_TOKEN.fullmatch(token) is not None and not _is_digit_string(token)


# 有 and 为 before 数 read it as "several" (有数十万人, 为数十万名职工), though the dictionary
# knows 有数 and 为数 as words of their own.
_SEVERAL_AFTER = frozenset("有为")


def _counts_with(text: str, at: int) -> bool:
    """True when the 数 at ``at`` ends a word before it (人数, 多数), no verb of having."""
    return crosses_start(text, at) and text[at - 1 : at] not in _SEVERAL_AFTER


def _qualifier_before(text: str, start: int) -> str:
    """The qualifier word (约, 超过 …) that ends at ``start``, or ""."""
    for word in _QUALIFIERS_BY_LAST.get(text[start - 1 : start], ()):
        if word in _OF_A_MAGNITUDE and not _some_of(text, start, word):
            return ""  # 数十万人 (several), not the end of 人数十万, 多数十岁, 网上千家
        if word == "上" and text[start] == "十":
            return ""
        if ends_at(text, word, start):
            return word
    return ""


def _some_of(text: str, start: int, word: str) -> bool:
    """True when ``word`` (数, 几 or 上) before ``start`` says "some" of the magnitude there
    (数百家, 几十个, 上千人): a bare magnitude follows (上 only before 百 千 万 亿), and the
    qualifier ends no word before it (人数十万, 茶几, 网上千家 read those words)."""
    if text[start] not in _BARE_MAGNITUDES:
        return False
    if word == "数":
        return not _counts_with(text, start - 1)
    return not crosses_start(text, start - 1)


def _valid_numbers(n1: str, n2: str | None, mid: str | None) -> bool:
    """True when the numbers of a match are numerals, and 几 follows a ten alone (十几人,
    二十几岁: "ten and some"; no 3几, 十几至二十几)."""
    if not _valid_token(n1) or (n2 and not _valid_token(n2)):
        return False
    return mid != "几" or (not n2 and n1.endswith("十"))


def _main_attrs(m: re.Match[str]) -> dict[str, Any] | None:
    """Attrs of a number + unit/magnitude match; None when it is not a figure."""
    rsep, n2, mid, mag, unit, unit2, post = m.groups()
    # the first number runs up to the first group that matched
    for index, group in ((1, rsep), (3, mid), (4, mag), (6, unit2)):
        if group is not None:
            n1 = m.string[m.start() : m.start(index)]
            break
    else:  # pragma: no cover - the pattern always has a magnitude or a unit
        return None
    unit = unit or unit2 or ""
    if not _valid_numbers(n1, n2, mid):
        return None
    if n1 == "一" and not n2 and not mag and unit not in ("倍", "番"):
        return None  # 一个, 一项, 一次: 一 is an article here (一倍, 翻一番 are figures)
    approx = _APPROX_PAIR_RE.search(n1) if not n1[0].isdigit() else None
    if approx:
        # 五六万 = "fifty or sixty thousand": a range from the smaller reading
        low, high = approx.group(0)[0], approx.group(0)[1]
        n1, n2 = n1[: approx.start()] + low + n1[approx.end() :], n1.replace(low + high, high)
    value = number_value(n1)
    if unit == "年" and not mag and _no_years(m, n1, value):
        return None
    factor = _MAGNITUDES[mag] if mag else 1
    if n2 and not mag and n2[-1] in "万亿" and n1[-1] not in "万亿千百十":
        # 3至5万元: the magnitude of the second number applies to the first
        tail = n2[len(n2.rstrip("万亿")) :]
        value *= _MAGNITUDES.get(tail, 1)
    attrs: dict[str, Any] = {"value": plain(value * factor), "unit": _UNIT_NORMAL.get(unit, unit)}
    if n2:
        attrs["value_max"] = plain(number_value(n2) * factor)
    qualifier = _figure_qualifier(mid or "约" if approx else mid, post, unit)
    if qualifier is not None:
        attrs["qualifier"] = qualifier
    return attrs


def _no_years(m: re.Match[str], n1: str, value: int | Decimal) -> bool:
    """True when the N年 of ``m`` counts no years: a year (2020年 is a DATE) or a school
    grade (五年级, 三年级学生)."""
    return (1000 <= value < 2200 and "." not in n1) or m.string[m.end() : m.end() + 1] == "级"


def _figure_qualifier(mid: str | None, post: str | None, unit: str) -> str | None:
    """The qualifier of a figure (约, 多, 余 … joined by +), or None when it has none."""
    if mid or post or unit in ("个多月", "个多小时"):
        extra = "多" if unit in ("个多月", "个多小时") else ""
        return "+".join(q for q in (mid, extra, post) if q)
    return None


def _prefixed_attrs(m: re.Match[str], text: str) -> dict[str, Any] | None:
    """Attrs of a 第N / 前N强 / 百分之N match; None when it is not a figure."""
    g = m.group
    end = m.end()
    if g("rn") is not None:
        if not g("runit") and end < len(text) and _HAN_RE.match(text, end):
            return None  # 第二次, 第一课, 第16督导组: an ordinal inside a name
        if not _valid_token(g("rn")):
            return None
        return {"value": plain(number_value(g("rn"))), "unit": g("runit") or "", "ordinal": True}
    if g("tn") is not None:
        if not _valid_token(g("tn")):
            return None
        return {"value": plain(number_value(g("tn"))), "unit": g("tunit"), "qualifier": "前"}
    token, unit, post = (g("pn"), "%", g("post")) if g("pn") else (g("pm"), "‰", g("post2"))
    if not _valid_token(token):
        return None
    attrs: dict[str, Any] = {"value": plain(number_value(token)), "unit": unit}
    if post:
        attrs["qualifier"] = post
    return attrs


def _figure_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_FIGURE_RE.finditer(text)``, in time linear in a run of numerals.

    ``re`` tries every start in a run of numerals (一一一…, 两两两…), and from each its
    first number takes the rest of the run and gives it back a character at a time looking
    for a unit: a line of 30,000 一 cost 70 s.  What follows the first character does not
    depend on where the match started, and a later start in the same run can only stop
    its number at fewer places: once an attempt fails, every start up to the end of the
    run fails too and is skipped.
    """
    pos = 0
    while True:
        first = _FIGURE_START_RE.search(text, pos)
        if first is None:
            return
        start = first.start()
        m = _FIGURE_RE.match(text, start)
        if m is None:
            # (the pattern of the run matches the empty string: never None)
            pos = _NUMBER_RUN_RE.match(text, start + 1).end()  # type: ignore[union-attr]
            continue
        pos = m.end()
        yield m


def _main_matches(text: str) -> list[tuple[int, int, dict[str, Any], bool]]:
    """(start, end, attrs, chinese) of the number + unit/magnitude figures."""
    found = []
    covered = 0
    for m in _figure_matches(text):
        start, end = m.span()
        if start < covered or _inside_a_number(text, start):
            continue  # inside a longer number or code; 第N次 is handled below
        hundredths = ""
        if end < len(text) and _ALNUM.match(text, end):
            hundredths = _hundredths(m, text)
            if not hundredths:
                continue  # 5G, 3D
            end = covered = end + 2  # 9秒83, 1米85: the two digits are its decimals
        if not (m.group("unit") or m.group("unit2")) and _numbered(text, end):
            continue
        if text[end - 1] == "次" and _session_of_a_term(text, start, end):
            continue  # 二十届三中全会, 十四届全国人大二次会议: which session, not how many
        try:
            attrs = _main_attrs(m)
        except (ValueError, KeyError, InvalidOperation):
            continue
        if attrs is not None and (attrs["unit"] not in _CONTEXT_UNITS or _context_ok(m, text)):
            if hundredths:
                attrs["value"] = plain(Decimal(attrs["value"]) + Decimal(hundredths) / 100)
            found.append((start, end, attrs, not m.group(0)[0].isdigit()))
    return found


# A round magnitude with no numeral before it, after a qualifier (数百家, 上千人, 近百万元,
# 超百亿元) or before 余 or 多 (百余名, 千余次): "some hundreds", "over a thousand".  Its
# value is the magnitude's; the qualifier is read before it as for any figure.  (Looked for
# where a qualifier's last character stands before one, or one before 余 or 多: a bare 万元
# after digits is the main pattern's.)
_BARE_MAG = "(?P<bm>万亿|[百千]?[万亿]|[百千])"
_BARE_AFTER_RE = rules_regex.compile(
    f"[数几上近逾超约过到足少]{_BARE_MAG}(?P<mid>余|多)?(?P<unit>{_UNIT})?{_POST}"
)
_BARE_AFTER_SCAN = _scan.Anchored(_BARE_AFTER_RE)
_BARE_MORE_RE = rules_regex.compile(f"(?P<bm>[百千万亿])(?P<mid>余|多)(?P<unit>{_UNIT})?{_POST}")
_BARE_MORE_SCAN = _scan.Anchored(_BARE_MORE_RE)


# What makes a part of a year with 年 (年底, 年初, 年末): its 年 counts no years.
_YEAR_PARTS = frozenset("底初末")


def _bare_matches(text: str) -> list[tuple[int, int, dict[str, Any], bool]]:
    """(start, end, attrs, chinese) of the round magnitudes with no numeral (数百家, 百余名)."""
    found = []
    seen = set()
    for scan, qualified in ((_BARE_AFTER_SCAN, True), (_BARE_MORE_SCAN, False)):
        for m in scan.finditer(text):
            start, end = m.start("bm"), m.end()
            if start in seen or (start and text[start - 1] in _NOT_BEFORE):
                continue  # (一万余人, 3千多: the main pattern's)
            unit = m["unit"] or ""
            if unit in _CONTEXT_UNITS or not (unit or m["bm"][-1] in "万亿"):
                continue  # 近百分 (a score or minutes), 上千 alone
            if qualified and not _qualifier_before(text, start):
                continue  # 经过百年: 过 ends no qualifier here
            if unit == "年" and text[end : end + 1] in _YEAR_PARTS:
                continue  # 近千年底: 年底 is a year's end, no count of years
            if end < len(text) and _ALNUM.match(text, end):
                continue
            seen.add(start)
            attrs: dict[str, Any] = {
                "value": plain(chinese_number("一" + m["bm"])),
                "unit": _UNIT_NORMAL.get(unit, unit),
            }
            qualifier = _figure_qualifier(m["mid"], m["post"], unit)
            if qualifier is not None:
                attrs["qualifier"] = qualifier
            found.append((start, end, attrs, True))
    return found


def _numbered(text: str, end: int) -> bool:
    """True when a number with no unit ending at ``end`` goes on as a numeral (二十三日: a
    date, not 二十 with no unit) or numbers a term or an issue (二十届, 二十多届)."""
    return text[end : end + 1] in _CN_NUMERAL_OR_SOME or text.startswith(_ORDINALS, end)


# A time in seconds or a length in metres goes on in two digits with no point in sports
# and body reports: 9秒83 is 9.83 seconds, 1米85 is 1.85 metres (83 and 85 are no figures).
_HUNDREDTHS_RE = rules_regex.compile(r"[0-9]{2}(?![0-9０-９.．])")


def _hundredths(m: re.Match[str], text: str) -> str:
    """The two digits that end an integer N秒 or N米 figure in ``text`` (9秒83), or ""."""
    if m.group("unit2") not in ("秒", "米") or m.group("post") or m.group("mid"):
        return ""
    if not m.string[m.start() : m.start("unit2")].isdigit():
        return ""
    tail = _HUNDREDTHS_RE.match(text, m.end())
    return tail.group(0) if tail else ""


def _inside_a_number(text: str, start: int) -> bool:
    """True when a digit, a letter or 第 stands before ``start``, or 分之 (百分之五: the
    prefixed pattern takes it), or 老 before a Chinese numeral (老四); not the 零 between the parts of a duration (三年零四个月:
    四个月 is joined to 三年)."""
    before = text[start - 1] if start else ""
    if before == "零" and text[start - 2 : start - 1] == "年":
        return False
    if before == "之":
        return ends_at(text, "分之", start)
    if before == "老" and text[start] in _DIGITS:
        return True  # 老四, 老二: a sibling's rank (葛老四家), no count
    return before in _NOT_BEFORE


# A plenary session after its number (三次全会) is always an ordinal; a meeting (二次会议)
# is one after the term it belongs to (十四届全国人大二次会议; 召开三次会议 counts them).
_PLENARY_RE = rules_regex.compile("全会|全体会议")
_MEETING_RE = rules_regex.compile("会议|大会")
_TERM_BEFORE_RE = rules_regex.compile(r"届[^，。；、,;\n]{0,12}\Z")


def _session_of_a_term(text: str, start: int, end: int) -> bool:
    """True when the N次 at ``start``..``end`` numbers a session: 三次全会, 届…二次会议."""
    if _PLENARY_RE.match(text, end):
        return True
    return bool(
        _MEETING_RE.match(text, end) and _TERM_BEFORE_RE.search(text, max(0, start - 13), start)
    )


_CONTEXT_UNITS = frozenset("成番分单级")
_DECIMAL_RE = rules_regex.compile("[0-9０-９][.．][0-9０-９]")
_CN_NUMERAL = frozenset(CHINESE_DIGITS)
# (二十几的: "twenty-some" with no unit is no twenty)
_CN_NUMERAL_OR_SOME = _CN_NUMERAL | {"几"}
_SHARE_DIGITS = frozenset("123456789一二两三四五六七八九十")
_POINTS_BEFORE = ("拿下", "砍下", "得到", "拿到", "贡献", "积", "得", "获", "狂砍", "攻下")


def _context_ok(m: re.Match[str], text: str) -> bool:
    """The context of the units of :data:`_CONTEXT_UNIT`: 三成 has one numeral, 翻一番
    follows 翻, 31分 follows 拿下/得到 … (else minutes or a score); N级 stands before no title
    (二级巡视员: a rank)."""
    unit = m.group("unit") or m.group("unit2")
    start = m.start()
    if unit == "成":
        number = m.string[start : m.start("unit2")] if m.group("unit2") else ""
        return len(number) == 1 and number in _SHARE_DIGITS
    if unit == "番":
        return text.endswith(("翻", "翻了"), max(0, start - 2), start)
    if unit == "单":
        return not crosses_end(text, m.end("unit") if m.group("unit") else m.end("unit2"))
    if unit == "级":
        return TITLE_RE.match(text, m.end()) is None  # 二级巡视员, 三级警长: a rank, no count
    if _DECIMAL_RE.search(m.string, start, m.start("unit2") if m.group("unit2") else m.end()):
        return True  # 425.60分, 9.85分: a score (no clock's minutes have decimals)
    return text.endswith(_POINTS_BEFORE, max(0, start - 2), start)


def _prefixed_matches(text: str) -> list[tuple[int, int, dict[str, Any], bool]]:
    """(start, end, attrs, chinese) of the 第N, 前N强 and 百分之N figures."""
    found = []
    for m in _PREFIXED_SCAN.finditer(text):
        start, end = m.span()
        if end < len(text) and _ALNUM.match(text, end):
            continue
        try:
            attrs = _prefixed_attrs(m, text)
        except (ValueError, KeyError, InvalidOperation):
            continue
        if attrs is not None:
            token = m.group("rn") or m.group("tn") or m.group("pn") or m.group("pm")
            found.append((start, end, attrs, not token[0].isdigit()))
    return found


# A fraction (三分之一, 四分之三, 五十分之一, 2分之1): 分之 is looked for by the page scan and
# the denominator read back from it (百分之 and 千分之 are the prefixed pattern's).
_FRACTION_RE = rules_regex.compile(f"分之(?P<fn>{_TOKEN})")
_FRACTION_SCAN = _scan.Anchored(_FRACTION_RE)
_DENOMINATOR_RE = rules_regex.compile("(?:[0-9０-９]{1,3}|[一二两三四五六七八九十]{1,3})$")
_FRACTION_DIGITS = 4  # decimals of a fraction's value (1/3 -> 0.3333)


def _fraction_matches(text: str) -> list[tuple[int, int, dict[str, Any], bool]]:
    """(start, end, attrs, chinese) of the fractions N分之M: attrs value M/N (rounded),
    numerator, denominator, unit ""."""
    found = []
    for m in _FRACTION_SCAN.finditer(text):
        d = _DENOMINATOR_RE.search(text, max(0, m.start() - 3), m.start())
        if d is None or (d.start() and text[d.start() - 1] in _NOT_BEFORE):
            continue
        if m.end() < len(text) and _ALNUM.match(text, m.end()):
            continue
        try:
            numerator, denominator = number_value(m["fn"]), number_value(d.group(0))
        except (ValueError, KeyError, InvalidOperation):
            continue
        if not denominator or numerator > denominator:
            continue
        value = round(Decimal(numerator) / Decimal(denominator), _FRACTION_DIGITS)
        attrs: dict[str, Any] = {
            "value": plain(value),
            "unit": "",
            "numerator": plain(numerator),
            "denominator": plain(denominator),
        }
        found.append((d.start(), m.end(), attrs, not d.group(0)[0].isdigit()))
    return found


# A length said the spoken way, metres then tenths and hundredths in single digits with
# no unit after them (每一米九元 is nine yuan a metre; 身高一米九: 1.9 米, 一米八五: 1.85 米, 1米8, 跳过两米三); the metres
# alone in one digit (十一米九 is read no further than 米).
_SPOKEN_LENGTH_RE = rules_regex.compile(
    "(?P<m>[一两二三四五六七八九1-9])米(?P<d>[一二三四五六七八九零]{1,2}|[0-9](?![0-9.．]))"
    f"(?![零〇一二两三四五六七八九十百千万亿个多余]|{_UNIT})"
)
_SPOKEN_LENGTH_SCAN = _scan.Anchored(_SPOKEN_LENGTH_RE)
_NOT_BEFORE_LENGTH = NUMERALS | frozenset("0123456789.．第")


def _spoken_lengths(text: str) -> list[tuple[int, int, dict[str, Any], bool]]:
    """(start, end, attrs, chinese) of the lengths said the spoken way (一米九)."""
    found = []
    for m in _SPOKEN_LENGTH_SCAN.finditer(text):
        start = m.start()
        if start and text[start - 1] in _NOT_BEFORE_LENGTH:
            continue  # 十一米九, 3.1米5: part of a longer number
        digits = m["d"].translate(_DECIMAL_DIGITS)
        value = number_value(m["m"]) + Decimal("0." + digits)
        found.append((start, m.end(), {"value": plain(value), "unit": "米"}, m[0][0] in NUMERALS))
    return found


_DECIMAL_DIGITS = str.maketrans("零一二三四五六七八九", "0123456789")


def _with_spoken_lengths(
    text: str, found: list[tuple[int, int, dict[str, Any], bool]]
) -> list[tuple[int, int, dict[str, Any], bool]]:
    """``found`` with the spoken lengths of ``text`` in place of the metres they begin
    with (三米 of 三米五)."""
    lengths = _spoken_lengths(text) if "米" in text else []
    if not lengths:
        return found
    starts = {f[0] for f in lengths}
    return [f for f in found if f[0] not in starts] + lengths


def find_figure_candidates(text: str) -> list[Candidate]:
    """All FIGURE candidates of ``text`` as ``(start, end, label, attrs)`` tuples."""
    found = _main_matches(text) + _prefixed_matches(text) + _fraction_matches(text)
    found += _bare_matches(text)
    found = _with_spoken_lengths(text, found)
    if not found:
        return []
    found = _joined_durations(text, found)
    titles = bracket_ranges(text, _TITLE_RE) if "《" in text else []
    out: list[Candidate] = []
    for start, end, attrs, chinese in found:
        if titles and inside(titles, start, end):
            continue  # a number in a book title is part of the name
        if chinese and _in_slogan(text, start, end):
            continue  # “三个年”, 三番五次: slogans and idioms
        if chinese and attrs["unit"] in MEASURES and division_after_count(text, end):
            continue  # 八所镇: the town Basuo, not "eight of"
        sign = (
            _sign_before(text, start, attrs["unit"])
            if start and (text[start - 1] in _SIGNS or attrs["unit"] in _TEMPERATURE_UNITS)
            else None
        )
        if sign is not None:
            start, attrs["value"] = sign, -attrs["value"]  # -5℃, 零下5℃, 负2.3亿元
        if text[end : end + 1] == "半":
            end = _with_half(text, end, attrs)
        qualifier = _qualifier_before(text, start)
        if qualifier:
            start -= len(qualifier)
            attrs["qualifier"] = "+".join(filter(None, (qualifier, attrs.get("qualifier"))))
        out.append((start, end, LABEL, attrs))
    return out


# Units of an age or a time that 半 (a half) may follow: 三岁半 is 3.5 岁, 两年半 2.5 年.
_HALF_UNITS = frozenset(("岁", "周岁", "年", "天"))
_ANCHOR_AFTER = frozenset("来前后以")


def _with_half(text: str, end: int, attrs: dict[str, Any]) -> int:
    """The end of the figure ending at ``end`` before 半, with a half added to its value
    when 半 halves its unit (三岁半); not where 半 begins a word (三年半岛, 两天半个月)."""
    if (
        attrs["unit"] not in _HALF_UNITS
        or "value_max" in attrs
        or isinstance(attrs["value"], float)
    ):
        return end  # (3.5年半: no half of a fraction)
    if crosses_end(text, end + 1) or text[end + 1 : end + 2] in _ANCHOR_AFTER:
        return end  # (近两年半来, 两年半后: a period anchored on now, the date rules')
    attrs["value"] = plain(Decimal(str(attrs["value"])) + Decimal("0.5"))
    return end + 1


_TEMPERATURE_UNITS = ("℃", "摄氏度", "度")
_SIGNS = frozenset("负-－−")


def _sign_before(text: str, start: int, unit: str) -> int | None:
    """Where a minus sign before the figure at ``start`` begins, or None when there is none:
    ``-``, ``负`` (not the end of a word: 胜负3场) and, before a temperature, ``零下``.  A
    hyphen after a digit or a letter joins a range or a code (3-5, GPT-5), no sign."""
    if not start:
        return None
    if unit in _TEMPERATURE_UNITS:
        sign = _MINUS_BEFORE_RE.search(text, max(0, start - 2), start)
        if sign:
            return sign.start()
    before = text[start - 1]
    if before == "负":
        return None if crosses_start(text, start - 1) else start - 1
    if before in "-－−" and not (start > 1 and _ALNUM.match(text, start - 2)):
        return start - 1
    return None


# A duration written in two units, the larger first (有期徒刑七年六个月, 三年零四个月,
# 2小时30分钟, 3分41秒): one figure in the smaller unit, its head before it.
_DURATION_HEADS = {"个月": ("年", 12), "分钟": ("小时", 60), "秒": ("分", 60)}
_DURATION_HEAD_RE = rules_regex.compile(f"(?P<n>{_TOKEN})(?P<u>年|个?小时|分)零?\\Z")
_HEAD_REACH = 12
# Before a head, a range's separator or a clock's hour (a number + 时 or 点, not 用时): the
# head is no larger unit of the duration after it.
_RANGE_MARKS = frozenset("至到-~—～－")
_HOUR_MARKS = frozenset("时点")


def _after_range_or_hour(text: str, at: int) -> bool:
    before = text[at - 1 : at]
    if before in _HOUR_MARKS:
        number = text[at - 2 : at - 1]
        return number.isdigit() or number in NUMERALS
    return before in _RANGE_MARKS


def _joined_durations(
    text: str, found: list[tuple[int, int, dict[str, Any], bool]]
) -> list[tuple[int, int, dict[str, Any], bool]]:
    """``found`` with each figure of a smaller unit joined to the larger one written right
    before it (七年 + 六个月: 90 months), and the larger one alone dropped."""
    joined = [_with_head(text, f) if f[2]["unit"] in _DURATION_HEADS else f for f in found]
    if "零" in text:
        joined = [_with_days(text, f) if f[2]["unit"] == "个月" else f for f in joined]
    if joined == found:
        return found
    spans = [(f[0], f[1]) for f in joined]
    return [
        f
        for f in joined
        if not any(s <= f[0] and f[1] <= e and (s, e) != (f[0], f[1]) for s, e in spans)
    ]


def _with_head(
    text: str, figure: tuple[int, int, dict[str, Any], bool]
) -> tuple[int, int, dict[str, Any], bool]:
    start, end, attrs, chinese = figure
    head_unit, factor = _DURATION_HEADS[attrs["unit"]]
    a = max(0, start - _HEAD_REACH)
    m = _DURATION_HEAD_RE.search(text, a, start)
    if m is None or m.group("u").removeprefix("个") != head_unit or "value_max" in attrs:
        return figure
    if m.start() and text[m.start() - 1] in _NOT_BEFORE:
        return figure  # inside a longer number or code
    if _after_range_or_hour(text, m.start()):
        return figure  # 3至5年6个月: a range's upper end; 3时20分41秒: a clock's minutes
    try:
        head = number_value(m.group("n"))
    except (ValueError, KeyError, InvalidOperation):
        return figure
    if head_unit == "年" and 1000 <= head < 2200:
        return figure  # 2020年6个月: a year, then a count of months
    value = head * factor + Decimal(str(attrs["value"]))
    return (m.start(), end, {**attrs, "value": plain(value)}, chinese)


# Days after a duration in months, joined by 零 (有期徒刑7年6个月零5天, 六个月零十天): one
# figure; no month is a fixed number of days, so they are kept apart in attrs ``days``.
_DAYS_AFTER_RE = rules_regex.compile(f"零(?P<n>{_TOKEN})天")


def _with_days(
    text: str, figure: tuple[int, int, dict[str, Any], bool]
) -> tuple[int, int, dict[str, Any], bool]:
    start, end, attrs, chinese = figure
    m = _DAYS_AFTER_RE.match(text, end)
    if m is None or "value_max" in attrs or not _valid_token(m["n"]):
        return figure
    try:
        days = number_value(m["n"])
    except (ValueError, KeyError, InvalidOperation):
        return figure
    return (start, m.end(), {**attrs, "days": plain(days)}, chinese)


# A count of plans before N年规划 makes it a plan's name (第十四个五年规划); without one it
# may be a plain duration (今后五年计划新建学校20所).
_PLAN_WORDS = ("规划", "计划")


def _names_a_plan(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] == "个" and text[end : end + 2] in _PLAN_WORDS


def _in_slogan(text: str, start: int, end: int) -> bool:
    """True inside a short quotation (≤ 10 characters), an idiom such as 三番五次 or a
    plan's name (第十四个五年规划)."""
    if _IDIOM_RE.search(text, max(0, start - 3), end + 3) or _names_a_plan(text, start, end):
        return True
    for left, right in (("“", "”"), ("‘", "’"), ("「", "」")):
        q = text.rfind(left, max(0, start - 10), start)
        if q != -1 and text.find(right, q, start) == -1:
            close = text.find(right, end, q + 12)
            if close != -1 and "\n" not in text[q:close]:
                return True
    return False


def find_figures(text: str) -> list[Span]:
    """FIGURE suggestions (``origin="rule"``, ``status="suggested"``) for ``text``."""
    return [
        Span(s, e, label, origin="rule", status="suggested", attrs=attrs)
        for s, e, label, attrs in find_figure_candidates(text)
    ]


def parse_figure(fragment: str) -> dict[str, Any] | None:
    """Attrs (value, unit, qualifier …) of a fragment that is exactly one figure, else None.

    Used by the gazetteer and by the window when a reviewer tags a figure by hand.
    """
    for s, e, _label, attrs in find_figure_candidates(fragment):
        if s == 0 and e == len(fragment):
            return attrs
    return None
