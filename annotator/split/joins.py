"""Roles + articles -> ``joins_previous``: body paragraphs that a column or page break cut in two.

A body paragraph continues the previous body paragraph *of the same article* (captions and
furniture in between are skipped: a photo or a page header may stand between two columns)
when that paragraph does not end a sentence:

* ``。！？…`` (also followed by ``”``/``」``/``）``) end a sentence: no join;
* ``、，,；;`` cannot end a paragraph: join, with high confidence; but a ``；`` among others
  ends an item of a list set as paragraphs (the next paragraph ends in ``；`` too, or the one
  before ends in ``；``, ``：`` or ``——``): no join, confidence 0.6 (a cut inside an item,
  its head between two items, still joins);
* ``：`` and ``——`` do not end a sentence either: join, with a confidence below 0.7 (the
  paragraph may introduce a list set as separate paragraphs, 要求——/一是…); when the next
  paragraph opens with an enumerator (一是…, （一）…, 1.) it is a list item of its own: no
  join, confidence 0.5; an enumerated item after another one (…；/（二）…) is no join either,
  nor is an item that ends in ``；`` after them; a short clause after a sentence end that
  ends the paragraph with ``：`` (…发展。建议：) announces the paragraphs below: no join, 0.6;
  so does a paragraph of such a clause alone (小读者提问：), a clause counting what follows
  (提出4项内容：, 5个步骤：) and a colon over a paragraph that is one quotation (“…？”);
* a closing quote without a sentence end before it (…牢记使命”) closes a quotation in
  mid-sentence: join; unless the paragraph reads as a title, every quotation in it closed
  (“人大代表就要为群众办实事”, 打造人才“引力场”，优化创新“生态圈”), and no word runs across;
* a Han character, digit or letter: the missing full stop is weak evidence (OCR drops them,
  headings and intertitles left as body text have none), so the evidence is weighed:

  - a paragraph that reads as a title (a title-shaped line that reads as one, see
    ``shapes.titles.title_shape``, short against the page's usual body paragraph, not the middle of a
    paragraph cut twice, not opening like a sentence, 在北京，当地政府…, and without a
    second comma unless its first two clauses are of one build, 打破业态界限，推动跨界融合，
    创造…): no join, the more sure when the next paragraph reads as a paragraph
    start (“…, a date, a speaker's label); unless a word runs across the boundary (a
    segmenter finds 设|施 of 设施 spanning it: true of about half of all column cuts and
    almost never of two paragraphs, see ``words``) or a figure is cut in two (…产线7 /
    87处…): then join, with high confidence;
  - a paragraph too long for a title that holds no sentence end and ends on no particle,
    over a paragraph that opens with a date, a speaker's label or who says what follows
    (…更精彩 / 2006年开春，…; … / 习近平总书记指出：…), its quotations closed: a long
    intertitle left as body text, no join, unless a word runs across;
  - else join, the confidence below 0.7 (the segmenter is not asked: it would not change
    the decision);
* a sentence end inside an open quotation that the next paragraph closes before it opens
  another (…“甲。 / 乙。”他说。): the quotation, and the paragraph, go on: join;
* a heading or a numbered intertitle is complete without a full stop: no join after it.

A paragraph that begins with punctuation no paragraph begins with (，。、；：”）…) continues the
previous body paragraph whatever that ends with. On a hard-wrapped page (PDF text, see
``paragraphs.Layout``) a paragraph ending without punctuation is continued only from a line
that fills the column, and not by an indented paragraph on a page that indents: a column ends
full, and the rest of a paragraph it cuts is not indented (so too one ending on a closing
quote); nor does an indented paragraph there continue one ending on a comma, a pause mark, a
semicolon, a colon, a dash or a closing bracket (after a sentence end the indent is not
read). The rows of a table of figures neither continue nor are continued, nor does a person's
name alone on its line (黄承梁: a column's line holds more). A lead (本报讯…) never continues
anything.

A page that is not hard-wrapped and on which no boundary between body paragraphs shows a column
cut (no paragraph ending on a comma or a pause mark, none opening with punctuation, no word,
figure or clause running across an open end, no join on such sure evidence), among sixteen
boundaries at least, stands one paragraph a line as printed (an e-paper's text): its weak joins
(an open end, a semicolon, a colon, a closing quote or bracket, a dash with nothing more) are
undone, since there a paragraph without a sentence end is a heading, a label or a list's item
or head left as body.

Before the title groups are found, :func:`mark_cut_heads` reads a title-shaped line from which a
word or a figure runs into the body paragraph below as that paragraph's head (body text), or
over a paragraph opening with a particle alone (…金融强国 / 是推动…); so too a line ending on a
comma, a pause mark, a particle, a modal verb alone (…各部门要) or a preposition or conjunction
that needs what follows it (…的居民来自), one leaving a quotation open
that the paragraph below closes, an open line over a paragraph that opens with a very short
sentence, and an open line right under body text that ends a sentence inside.
"""

from __future__ import annotations

from functools import cached_property

from annotator import rules_regex, short_words

from . import column_width, cues
from .paragraphs import MAX_ROOM, NO_LAYOUT, Layout, indented
from .shapes import (
    BODY,
    CAPTION,
    DIGITS,
    FURNITURE,
    HEADING,
    LEAD,
    PERSON_NAME_MAX_CHARS,
    TITLE,
    Shape,
    name_under_tag,
)
from .words import word_across

_NOT_BODY = (False, 1.0)
_FIRST = (False, 0.95)  # the first body paragraph of its article on this page
_AFTER_INTERTITLE = (False, 0.7)
_CONTINUES = (True, 0.9)
_TABLE_ROW = (False, 0.85)  # a row of a table is complete, and no row continues a paragraph
# On a hard-wrapped page, a paragraph indented, or one under a line short of the column or
# wider than it, starts on its own (see ``_set_apart``).
_SET_APART = (False, 0.85)
_BY_ENDING: dict[str, tuple[bool, float]] = {
    cues.END_FINAL: (False, 0.95),
    cues.END_COMMA: (True, 0.9),
    cues.END_COLON: (True, 0.65),
    cues.END_QUOTE: (True, 0.75),
    cues.END_CLOSE: (True, 0.6),
    cues.END_OPEN: (True, 0.65),
    cues.END_DASH: (True, 0.6),
}
# ：or —— right before an enumerated item, or an enumerated item after another one: a list set
# as paragraphs (each item its own paragraph), though a cut before an item is possible.
_BEFORE_LIST = (False, 0.5)
_NEXT_LIST_ITEM = (False, 0.65)
# A paragraph ending in ； among others that do (甲…； / 乙…； / 丙…。): a list set as
# paragraphs, one item each. A column cut falls right after a ； seldom (one character in
# a hundred or so), and a list item runs on no word into the next one.
_LIST_ITEM = (False, 0.6)
# A short clause after a sentence end that closes the paragraph with a colon (…发展。建议：)
# announces the paragraphs below (a list, a quotation), as a cut right after ： seldom does.
_ANNOUNCES = (False, 0.6)
_ANNOUNCE_MAX = 6
# … as does a clause that says what follows (主要包括以下目标：, 提出4项内容：, 从几个方面
# 入手：, 选购的5个步骤：) in the last characters before the colon.
_ANNOUNCING = rules_regex.compile(
    r"(?:以下|如下|下列|[0-9０-９一二三四五六七八九十两几]+(?:项|个?方面|点|条"
    r"|个?(?:步骤|环节|阶段|原则|要点|方法|举措|做法|特点|要求)))[^。！？!?，,]{0,8}[:：]\Z"
)
_ANNOUNCING_REACH = 20
_ITEM_ENDS = frozenset("；;")
_LIST_OPENERS = frozenset("；;：:—")
_HANGING_MAX = 2  # a paragraph of closing marks only (”, ”）) hangs from the one above
_WORD_ACROSS = (True, 0.9)  # a word or a figure runs across the boundary
_TITLE_ABOVE = (False, 0.6)  # the paragraph above reads as a title left as body text
_TITLE_ABOVE_START_BELOW = (False, 0.7)  # … and this one reads as a paragraph start
# A line too long for a title but holding no sentence end, over a paragraph that opens as one
# (a long intertitle: 老父亲摆下“鸿门宴”，…新农村的宏图美景比商海里的几滴浪花更精彩 /
# 2006年开春，…).
_LONG_TITLE_ABOVE = (False, 0.6)
_QUOTE_GOES_ON = (True, 0.7)
# A field of a notice or a photo item, a short label and its value on a line of their own
# (时间：3月6日上午, 地点：胜利南路天桥下, 主办：…): complete without a full stop, as a
# paragraph cut by a column is not; no join (the segmenter's word across a value's end is
# chance: 天桥下 / 有市民… reads 下有), unless the next paragraph opens with punctuation.
_FIELD_ABOVE = (False, 0.7)
# (Labels a notice's fields take, not a speaker's name: 张明：我们这个项目从去年 / 开始… is
# the head of an answer a column cut.)
_FIELD_LINE = rules_regex.compile(
    r"(?:时间|日期|地点|地址|电话|热线|主办|承办|协办|联系人|联系电话|咨询电话|邮箱|网址"
    r"|票价|门票|嘉宾|主题|拍摄者?|摄影)[:：][^，,。；;：:！？!?]{1,20}"
)
# A paragraph that opens with a bracketed label (【事件】…, 【点评】) starts a part of a column's
# text; a column cut right before the bracket is rare.
_LABEL_BELOW = (False, 0.7)
# … as does a paragraph under such a label standing alone.
_LABEL_ALONE = rules_regex.compile(r"【[^【】]{1,12}】")
# A paragraph that ends on —— introduces a list or a passage set as paragraphs of their own
# (这是全民科普总动员的生动实践—— / 以…为引领，…。); a column break falls right after the
# dash in a few cuts out of a thousand.
_INTRODUCES = (False, 0.6)
# Two lines of verse set one a paragraph (吾心久仰枣园春， / 窑洞灯光破夜深。): both short, of
# one length, the first closing on a comma, the second on a sentence end, with no mark
# inside; a column cut right at a comma into two halves of one length is rarer still.
_VERSE = (False, 0.6)
_VERSE_LINE_MAX = 12
_VERSE_ENDS = frozenset("。！？；!?;")

# A title is short against the page's body paragraphs: at most this share of their usual
# (median) length. The first part of a paragraph cut by a column may be as short, but then
# a word across the cut, or a sentence's opening clause, usually shows it.
_TITLE_SHARE = 0.6
# A sentence opens with a short adverbial clause before a longer rest (在北京，当地政府…;
# 今年以来，…); a title's comma parts phrases of about one length.
_OPENER_MAX = 5
# What opens a paragraph rather than goes on with one: an opening quote, a date (3月5日，, 2006年),
# a speaker's label (问：, 答：), a note (编者按：).
_DATE_OR_LABEL = (
    r"[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日"
    r"|[0-9０-９]{4}年|[问答][:：]"
)
_PARAGRAPH_OPENING = rules_regex.compile(rf"[“「『]|{_DATE_OR_LABEL}")
# … of them, a date or a speaker's label (not a quote) under a long line that ends open; or
# a word of time that opens a news paragraph (近日，…; 昨日15时许，…), which a column cut
# seldom falls right before (the time word follows a verb or a preposition: …截至 / 目前).
_NEWS_TIME = r"(?:昨日|昨天|今日|近日|日前|连日来|近年来|近期)"
# … or who says what follows, with a colon (习近平总书记指出：“…; 他说：): a quotation announced
# so opens a paragraph of a theory page or a report; a cut before a speaker and a verb of
# saying leaves the line above a sentence's end, and the line above here has none.
_SAYS_OPENING = rules_regex.compile(
    r"[^，,。；;：:！？!?“”\s]{1,10}?(?:指出|强调|表示|认为|说|写道)[:：]"
)
_SAYS_REACH = 13  # the speaker, the verb and the colon
_DATED_OPENING = rules_regex.compile(rf"{_DATE_OR_LABEL}|{_NEWS_TIME}")
# Enumerators that open a sentence of running text (一是…, 其二, 首先), not a numbered
# heading (一、…, （一）…): a line opened so with a word running into the next one is a cut
# paragraph's head like any other.
_IN_SENTENCE_ENUMERATOR = rules_regex.compile(
    r"第?[一二三四五六七八九十]{1,3}是|其[一二三四]|首先|其次|再次|最后"
)
# What follows a figure inside it or right after it: more digits, or its unit (…3月2 / 2日电,
# …9月20 / 日，, …增长16 / %).
_FIGURE_GOES_ON = DIGITS | frozenset("年月日号时%％万亿元")
# … or a unit or a measure word that counts what the figure counts (…“九一八事变”91 / 周年纪
# 念日，, …增长了3 / 个百分点): a paragraph opens with a figure's unit no more than with its
# digits. Not the measure words that open paragraphs as words of their own (人们, 家住, 多年
# 来, 位于, 次日, 台湾, 周末, 名单, 天气).
_UNIT_AFTER_FIGURE = rules_regex.compile(
    r"周年|个(?:月|百分点|小时|工作日)|多(?:个|名|万|亿|家|人次)|余[个名万亿家人项件次]"
    r"|岁|吨|件|座|条|辆|批|倍|项|人次|平方米|公里|千米|公顷|亩"
)
# What goes on after a time or an amount (…上午10时30分 / 许，…, …增长5% / 左右): no
# paragraph opens so.
_ABOUT = rules_regex.compile(r"许|左右|以内|之多")
_AMOUNT_ENDS = _FIGURE_GOES_ON | frozenset("分秒")  # (…10时30分: the figure's last unit)
# A conjunction that joins two names of one event and never opens a paragraph (…论坛（2025）
# / 暨第十六届…).
_JOINING_WORD = frozenset("暨")
# The particle 之 opens no sentence as a word alone or in a postposition (…表象 / 之下，…,
# …重中 / 之重); only in 之所以, 之后, 之前 does it (之后，他又…), and in the name 之江
# (Zhejiang's river, and 之江实验室, 之江大地…), which opens a sentence or a lead as any name.
_GOES_ON_FROM = rules_regex.compile(r"之(?!所以|后|前|江)")
# A date whose year (or month) ends one paragraph and whose month (or day) opens the next.
_DATE_UNITS = frozenset("年月")
_DATE_GOES_ON = {
    "年": rules_regex.compile(r"[0-9０-９]{1,2}月"),
    "月": rules_regex.compile(r"[0-9０-９]{1,2}[日号]"),
}


class _Page:
    """The page text and, computed when first asked, its usual body paragraph length."""

    def __init__(
        self,
        text: str,
        shapes: list[Shape],
        roles: list[tuple[str, float]],
        layout: Layout = NO_LAYOUT,
    ) -> None:
        self.text = text
        self.layout = layout
        self._shapes = shapes
        self._roles = roles
        # Starts of the paragraphs that continue the one above: the middle of a paragraph
        # cut twice (…， / 强化联防联控 / 措施，…) is no title, however short.
        self.continued: set[int] = set()
        # The last character of the body paragraph before each body paragraph (by start) in
        # its article: what the paragraph before an item ends with shows a list.
        self.before: dict[int, str] = {}

    @cached_property
    def usual(self) -> int:
        """The page's usual (median) length of a body paragraph."""
        lengths = sorted(
            sh.end - sh.start
            for sh, (role, _) in zip(self._shapes, self._roles, strict=True)
            if role == "body"
        )
        return lengths[len(lengths) // 2] if lengths else 0


def _reads_as_title(prev: Shape, page: _Page) -> bool:
    """Whether the unfinished paragraph ``prev`` reads as a title left as body text."""
    if (
        prev.kind != TITLE
        or not prev.text_ok
        or prev.start in page.continued
        or prev.end - prev.start > page.usual * _TITLE_SHARE
    ):
        return False
    text = page.text
    comma = min(
        (k for k in (text.find(c, prev.start, prev.end) for c in "，,") if k >= 0), default=-1
    )
    if comma < 0:
        return True
    if _opens_as_sentence(text, prev, comma):
        return False  # 截至1月2日，…; 18日上午，…; 习近平强调，…: a sentence opens so
    # A short opening clause before a longer rest, or three clauses: a sentence cut by a
    # column, not a title (a title's comma parts two phrases).
    more = text.count("，", comma + 1, prev.end) + text.count(",", comma + 1, prev.end)
    if more and _parallel_clauses(text[prev.start : prev.end].replace(",", "，").split("，")):
        return True
    opener = comma - prev.start
    if opener <= _OPENER_MAX and prev.end - comma > 2 * opener:
        return False
    return more == 0


# A title of three clauses or more opens with two of one build (打破业态界限，推动跨界融合，
# 创造…; 住窑洞帐篷，寻发音合作人，在…): phrases of a few characters each, one as long as the
# other give or take one; running text cut short seldom pairs its first clauses so.
_PARALLEL_MIN = 4
_PARALLEL_MAX = 8


def _parallel_clauses(parts: list[str]) -> bool:
    """Whether the comma-parted clauses ``parts`` of a short open paragraph read as a title's
    parallel phrases (see ``_PARALLEL_MIN``)."""
    first, second = len(parts[0]), len(parts[1])
    return (
        _PARALLEL_MIN <= first <= _PARALLEL_MAX
        and abs(first - second) <= 1
        and all(len(part) >= _PARALLEL_MIN for part in parts[2:])
    )


# What opens a sentence of news text, not a title, before its first comma: when (今年以来，,
# 截至1月2日，, 18日上午，, 春节期间，, 昨天下午3点，, 开学之前，, 刚到村里的时候，, 最近，) or who
# said it (习近平强调，, 他表示，, 老人说，).
_SENTENCE_OPENER = rules_regex.compile(
    r"(?:[今去前明]年|今天|昨[天日].{0,8}|近日|日前|目前|当前|此前|近年来|最近|如今|小时候"
    r"|截至.{1,10}"
    r"|[0-9０-９一二三四五六七八九十]{1,4}[年月日号].{0,6}"
    r"|.{1,6}(?:期间|以来|之际|前后|之前|之后)|.{2,10}的时候"
    r"|.{1,8}(?:强调|指出|表示|认为|介绍|透露|坦言|告诉记者|说))[，,]\Z"
)


def _opens_as_sentence(text: str, sh: Shape, comma: int | None = None) -> bool:
    """Whether paragraph ``sh`` opens as a sentence of news text (see ``_SENTENCE_OPENER``)
    before its first comma (at ``comma`` when the caller found it)."""
    if comma is None:
        comma = text.find("，", sh.start, sh.end)
    return comma > sh.start and _SENTENCE_OPENER.match(text, sh.start, comma + 1) is not None


_PARTICLE_REACH = 6  # characters of the next paragraph the segmenter reads for its first word


def _cut_across(text: str, prev: Shape, cur: Shape) -> bool:
    """Whether a word or a figure runs from paragraph ``prev`` into ``cur``, or ``cur`` opens
    with a particle standing alone that goes on with the clause ``prev`` left open (…金融强国
    / 是推动…: see ``cues.goes_on``)."""
    last, first = text[prev.end - 1], text[cur.start]
    if last in DIGITS and (
        first in _FIGURE_GOES_ON or _UNIT_AFTER_FIGURE.match(text, cur.start) is not None
    ):
        return True
    if first in _JOINING_WORD:
        return True
    if _GOES_ON_FROM.match(text, cur.start) is not None:
        return True  # …表象 / 之下，…: no sentence opens with the particle 之
    if (
        last in _DATE_UNITS
        and text[prev.end - 2 : prev.end - 1] in DIGITS
        and _DATE_GOES_ON[last].match(text, cur.start) is not None
    ):
        return True  # a date cut in two (…2014年 / 4月创办…)
    if _ABOUT.match(text, cur.start) is not None and (
        last in DIGITS or (last in _AMOUNT_ENDS and text[prev.end - 2 : prev.end - 1] in DIGITS)
    ):
        return True
    if cues.goes_on(text[cur.start : min(cur.end, cur.start + _PARTICLE_REACH)]):
        return True
    return word_across(text[prev.start : prev.end], text[cur.start : cur.end])


_SENTENCE_END = rules_regex.compile(r"[。！？!?]")
# A title never ends on a comma or a pause mark (a listing kicker trails off in …… instead).
_PAUSES = frozenset("，,、")
# The rest of a sentence cut short: the paragraph below opens with a sentence this short at
# most, without any mark inside (…突破百万元大关 / 创下新高。), as a paragraph hardly does
# (one after a 小标题 opens with a clause of its own, seldom a sentence of six characters).
_SHORT_REST_MAX = 7
_SHORT_REST = rules_regex.compile(
    rf"[^，,、；;：:“”‘’《》（）()。！？!?…—\s]{{1,{_SHORT_REST_MAX - 1}}}。"
)


# Prepositions and conjunctions that need what follows them (…居民来自 / 潍城区…, …以及 /
# 周边…): no title ends on one, and a clause ending on one was cut short.
_NEEDS_MORE = rules_regex.compile(
    r"(?:来自|关于|对于|由于|按照|依照|围绕|随着|为了|位于|向着|朝着|沿着|基于|鉴于|截至|自从"
    r"|包括|比如|例如|以及|并且|而且|但是|因为|所以|如果|虽然|即使|不仅|尤其是|特别是"
    # adverbs that need a verb or an adjective after them (…普及，越来越 / 多的…)
    r"|越来越|正在|已经|逐渐|更加|十分|非常|仍然|依然|曾经|日益|愈发"
    # verbs of motion that need what for or where (…不时有消费者前来 / 咨询…)
    r"|前来|前往"
    # the copula after an adverb, verbs of saying and modal verbs, which need their clause
    # (…很多事情都是 / 在解决…, …不法分子宣称 / 免费…, …可以清晰 / 看到…)
    # (not 证实 after 被/获/得到/经/待: …消息未获证实 is a whole headline)
    r"|[都就也还才正更却便总均仍]是|宣称|声称|表示|认为|指出|透露|坦言|(?<![被获到经待])证实"
    r"|可以|能够|应该|应当|必须|愿意|敢于|善于)\Z"
)
_NEEDS_MORE_REACH = 3
# Adverbs of one character and the copula, which need what follows when they stand as a word
# alone (…贝贝网才 / 刚刚成立…, …都很 / 满意, …重要方面是 / 积极…): words end in them too
# (人才, 变更, 太太, 总是), so the segmenter is asked, as for a modal verb. (Not the adverbial
# particle 地: the segmenter reads …新高地 as 新高 / 地.)
_LONE_ADVERBS = frozenset("才很更最太是")
# The first half of a correlative pair whose second half the clause still waits for (…游客不仅
# 能欣赏八 / 义窑…, 虽然…并无丰沛的天然 / 水资源…): no title stops there.
_PAIR_OPENED = rules_regex.compile(
    r"(?:不仅|不但|不只|不光|虽然|虽说|尽管)[^，,。；;！？!?、：:]*\Z"
)
_PAIR_CLOSED = rules_regex.compile(r"[还也更又却但而]")
# A determiner with its measure word and no noun after it (…随着各项 / 宏观政策…, …每一段 /
# 故事…): the noun was cut off; no title ends so (a figure with its measure word may: …十二条).
_COUNTS_WHAT = rules_regex.compile(
    r"[各每这那该此某]一?[个项段位名家条种批次件场所座台辆张份门类]\Z"
)


def _runs_on(text: str, sh: Shape, nxt: Shape) -> bool:
    """Whether title-shaped ``sh`` reads, by its text and the start of body paragraph ``nxt``,
    as the head of a paragraph cut by a column break even with no word across the cut.

    It ends on a comma or a pause mark, on a particle no title ends on (…研学基地和), on a
    modal verb alone (…各级各部门要, see ``cues.ends_on_modal``) or on a preposition or a
    conjunction that needs what follows (…的居民来自, …以及, see ``_NEEDS_MORE``); or it
    leaves a quotation (or a title in 《》) open that ``nxt`` closes before opening another
    (…走进小城，“ / 慢生活”的气息…); or it ends open over a paragraph that opens with a very
    short sentence (…突破百万元大关 / 创下新高。), the end of the sentence cut above.
    """
    last = text[sh.end - 1]
    # (a name may end on a particle's character, 王以: a line as short as a name is no cue)
    if last in _PAUSES or (
        sh.end - sh.start > PERSON_NAME_MAX_CHARS
        and (
            (
                last in cues.DANGLING
                and not cues.done_with_le(text[sh.start : sh.end])
                and not cues.ends_on_noun(text[sh.start : sh.end])
            )
            or cues.ends_on_modal(text[sh.start : sh.end])
            or _ends_on_lone_adverb(text[max(sh.start, sh.end - short_words.LONGEST) : sh.end])
            or _pair_left_open(text, sh)
            or _NEEDS_MORE.search(text, max(sh.start, sh.end - _NEEDS_MORE_REACH), sh.end)
            is not None
            or _COUNTS_WHAT.search(text, max(sh.start, sh.end - 3), sh.end) is not None
        )
    ):
        return True
    if sh.ending != cues.END_OPEN:
        return False
    if any(_closes_first(text, sh, nxt, o, c) for o, c in _PAIRS):
        return True
    return _SHORT_REST.match(text, nxt.start, nxt.end) is not None


def _pair_left_open(text: str, sh: Shape) -> bool:
    """Whether ``sh`` ends in the clause that opens a correlative pair (不仅…, 虽然…) before
    the word that would close it (还, 也, 但…): see ``_PAIR_OPENED``."""
    m = _PAIR_OPENED.search(text, sh.start, sh.end)
    return m is not None and _PAIR_CLOSED.search(text, m.start() + 2, sh.end) is None


def _ends_on_lone_adverb(tail: str) -> bool:
    """Whether ``tail`` (a line's last characters) ends on an adverb of ``_LONE_ADVERBS``
    standing alone as a word, as the segmenter reads it, after a Han character (without
    jieba: never)."""
    if tail[-1:] not in _LONE_ADVERBS or not ("\u4e00" <= tail[-2:-1] <= "\u9fff"):
        return False
    freq, log_total = short_words.entries()
    if not freq:
        return False
    return short_words.path_bounds(freq, log_total, tail)[-2] == len(tail) - 1


def _sentences_in_text(text: str, prev: Shape, sh: Shape) -> bool:
    """Whether open line ``sh``, right under body text, ends a sentence inside (…措施。三是推动):
    a paragraph's head; no 小标题 holds a full stop, and a summary line that does stands under
    a headline or a name, not under text."""
    return (
        prev.kind in (BODY, LEAD)
        and sh.ending == cues.END_OPEN
        and _SENTENCE_END.search(text, sh.start, sh.end - 1) is not None
    )


# Characters after the last full stop of an open line that make it a sentence cut short.
_AFTER_FULL_STOP_MIN = 4


def _full_stop_then_open(text: str, sh: Shape) -> bool:
    """Whether open line ``sh`` ends a sentence with 。 inside and then goes on for a few
    characters without another (…已在多地开始接种。截至2020年12月 / 31日，…): the head of a
    paragraph a column cut, wherever it stands; a standfirst under a headline that holds a
    full stop ends with one too. (Not ？ or ！: a headline asks or exclaims and goes on,
    疫苗安全吗？专家这样说.)"""
    if sh.ending != cues.END_OPEN:
        return False
    stop = text.rfind("。", sh.start, sh.end - 1)
    return stop >= 0 and sh.end - stop > _AFTER_FULL_STOP_MIN


# Marks that open what a later mark closes: a quotation, a title, a bracketed aside (…的通知》
# （以下 / 简称《通知》）。).
_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"))


def _sentence_under_text(text: str, prev: Shape, sh: Shape) -> bool:
    """Whether open line ``sh``, right under body text, opens as a sentence of news text does
    (截至1月2日，全省新冠病毒疫苗 / 已接种…): a paragraph's head, as no 小标题 opens."""
    return prev.kind in (BODY, LEAD) and sh.ending == cues.END_OPEN and _opens_as_sentence(text, sh)


def _open_sentence(text: str, sh: Shape) -> bool:
    """Whether open line ``sh`` opens as a sentence of news text does, with when or who said it
    (春节期间，…; 他表示，…; 最近，…: see ``_SENTENCE_OPENER``), wherever it stands: the first
    paragraph under a headline, cut by a column right away, not its subheadline. Not from when
    (昨日起，老街改造工程正式启动): a standfirst opens so."""
    if sh.ending != cues.END_OPEN:
        return False
    comma = text.find("，", sh.start, sh.end)
    return text[comma - 1 : comma] != "起" and _opens_as_sentence(text, sh, comma)


# A date that opens a sentence of news text: a day (and the time of day) and a comma, or the
# copula right after it (18日上午，…; 12月31日，…; 今年9月18日是…, 3月12日是…; 2025年是…), or a day word
# with the hour (昨天下午3点05分，…). Not from when
# (1月1日起，…): a headline of new rules opens so.
_DATED_SENTENCE = rules_regex.compile(
    r"(?:今年|去年)?(?:[0-9０-９]{4}年)?(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日"
    r"(?:[上下中]午|晚上?|早上?|凌晨|夜间)?[，,]|(?:今年|去年)?[0-9０-９]{1,4}[年月日]是"
    r"|(?:今年|去年)?(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日是"
    # a day word with a time of day and the hour (昨天下午3点05分，…; 今晨6时许，…)
    r"|(?:[昨今前]天|[昨今]日|[昨今]晨)(?:[上下中]午|晚上?|早上?|凌晨|夜间|傍晚)?"
    r"[0-9０-９]{1,2}[点时](?:[0-9０-９]{1,2}分|半)?(?:许|左右)?[，,]"
)


def _dated_sentence(text: str, sh: Shape) -> bool:
    """Whether open line ``sh`` opens with a date as a sentence of news text does (see
    ``_DATED_SENTENCE``; a title that opens with a date and a comma reads as a sentence in
    ``shapes`` too): a story's first paragraph cut by a column, not its standfirst."""
    return sh.ending == cues.END_OPEN and _DATED_SENTENCE.match(text, sh.start, sh.end) is not None


def _closes_first(text: str, sh: Shape, nxt: Shape, opening: str, closing: str) -> bool:
    """Whether ``sh`` leaves an ``opening`` mark unclosed and ``nxt`` closes it first."""
    if text.count(opening, sh.start, sh.end) <= text.count(closing, sh.start, sh.end):
        return False
    close = text.find(closing, nxt.start, nxt.end)
    return close >= 0 and text.find(opening, nxt.start, close) < 0


# How a cut paragraph's head may end: open (…设施建), or on a comma or a pause mark.
_HEAD_ENDINGS = frozenset((cues.END_OPEN, cues.END_COMMA))


def mark_cut_heads(text: str, shapes: list[Shape], wrapped: bool = False) -> None:
    """Read a title-shaped paragraph as the head of a body paragraph cut by a column break
    when a word or a figure runs from it into the body paragraph below (…农田水利设 / 施…),
    or when its text and the start of that paragraph show the cut without one (see
    :func:`_runs_on`: …技术指导、 / 政策宣讲…; …走进小城，“ / 慢生活”…; …大关 / 创下新高。).

    Before the title groups are found: otherwise such a line is taken for a headline or an
    intertitle, which starts a false article or keeps the cut paragraph apart. A headline,
    subheadline or intertitle above body text has no word across (1 in some 1,400 gold
    boundaries of the composed pages, and that one numbered); numbered headings (一、…), tags,
    —— subheadlines and bulleted lines are left as they are, but not a sentence opened by an
    enumerator (一是…). Nor is the page's first title line under its header (see
    :func:`_page_top_title`): no column cut falls above it.

    On a page that is not hard-wrapped (``wrapped``), an open title line without a comma that
    fills its printed lines at the width the page's cuts show (see ``column_width``: a column
    ends on a full line, a heading's length is anyone's; a line of one printed line only must
    be longer than most titles), over a paragraph that does not open as one (see
    :func:`_head_shaped`), is such a head too.
    """
    _cut_heads_under_bylines(text, shapes)
    top = _page_top_title(shapes)
    # Lines that may fill the column (the cheap tests first), kept for the width read after
    # the walk (a title line the cues read as a head is one). The line below may still be
    # read as a head itself further on, so whether it is body text is asked after the walk.
    left: list[tuple[Shape, Shape]] = []
    for i, sh in enumerate(shapes[:-1]):
        if sh.kind != TITLE or i == top:
            continue
        nxt = shapes[_past_photos(shapes, i + 1)]
        if nxt.kind not in (BODY, TITLE) or not _may_be_head(text, sh, nxt):
            continue
        if nxt.kind == BODY and (
            nxt.cont
            or _runs_on(text, sh, nxt)
            or (i > 0 and _sentences_in_text(text, shapes[i - 1], sh))
            or (i > 0 and _sentence_under_text(text, shapes[i - 1], sh))
            or _dated_sentence(text, sh)
            or _open_sentence(text, sh)
            or _full_stop_then_open(text, sh)
            or _cut_across(text, sh, nxt)
        ):
            _demote(sh)
        elif not wrapped and _head_shaped(text, sh, nxt):
            left.append((sh, nxt))
    left = [(sh, nxt) for sh, nxt in left if nxt.kind == BODY]
    width = column_width.page_width(text, shapes) if left else 0
    for sh, nxt in left if width else ():
        if column_width.fills_as_head(text, sh, nxt, width):
            _demote(sh)


def _may_be_head(text: str, sh: Shape, nxt: Shape) -> bool:
    """Whether title line ``sh`` over ``nxt`` (body text, or a title line that may be read as
    body text) may be a cut paragraph's head at all (see :func:`mark_cut_heads`)."""
    return (
        sh.ending in _HEAD_ENDINGS
        and not (sh.tag or sh.subdash or sh.bullet or sh.names or nxt.row)
        and (not sh.listy or _IN_SENTENCE_ENUMERATOR.match(text, sh.start) is not None)
    )


def _demote(sh: Shape) -> None:
    """Read title line ``sh`` as body text, the head of a cut paragraph."""
    sh.kind = BODY
    sh.strict = sh.text_ok = False
    sh.demoted = True  # a series of stacked intertitles may take it back


def _head_shaped(text: str, sh: Shape, nxt: Shape) -> bool:
    """Whether open title line ``sh`` may read as the head of a cut paragraph by its length
    (see ``column_width``): no comma in it (a title's comma parts phrases, 工业基因，融入商业
    血脉; a sentence's opener is read apart) nor two phrases set apart by a space, and ``nxt``
    opening as no paragraph does (not with a quote, a date, a word of time, who says what, a
    sentence's opening clause, a note's label)."""
    if (
        sh.ending != cues.END_OPEN
        or text.find("，", sh.start, sh.end) >= 0
        or text.find(",", sh.start, sh.end) >= 0
        or _SPACED_PHRASES.search(text, sh.start, sh.end) is not None
    ):
        return False  # (two phrases set apart by a space: a title's form)
    return not (
        nxt.note
        or _PARAGRAPH_OPENING.match(text, nxt.start) is not None
        or _DATED_OPENING.match(text, nxt.start) is not None
        or _says_opening(text, nxt)
        or _opens_as_sentence(text, nxt)
    )


def _page_top_title(shapes: list[Shape]) -> int | None:
    """The index of the first line of the page under its header when it is title-shaped.

    The first line of a page under its header (furniture only above it) is its first story's
    heading: a column break cuts no paragraph above the page's first line (a story that goes
    on from another page says so: 上接第1版), so a word the segmenter finds across its end and
    the text below (一梦越山海 / 上世纪60年代…: 海上) is chance, not a cut.
    """
    for i, sh in enumerate(shapes):
        if sh.kind == FURNITURE:
            if sh.resumes:
                return None
            continue
        # (a text without a header may begin anywhere, in the middle of a paragraph too)
        return i if i > 0 and sh.kind == TITLE else None
    return None


# A photo set into a column holds at most this many captions (and credits) in a row.
_PHOTO_CAPTIONS = 3


def _past_photos(shapes: list[Shape], j: int) -> int:
    """The first paragraph from ``j`` on that is no photo caption, if only a few captions
    stand there (else ``j``).

    A photo set into a column may fall between the head of a paragraph and its rest (…面貌焕
    / 图为…摄 / 然一新，…): the word runs across the captions, and the head, alone over the
    photo, would read as the headline of a photo item.
    """
    k = j
    while k < len(shapes) and shapes[k].kind == CAPTION and k - j < _PHOTO_CAPTIONS:
        k += 1
    return k if j < k < len(shapes) and shapes[k].kind != CAPTION else j


# Open lines this close under a byline may be a standfirst (see ``groups.standfirst.open_standfirst``).
_UNDER_BYLINE = 3


def _cut_heads_under_bylines(text: str, shapes: list[Shape]) -> None:
    """Mark the open paragraphs right under a line of names whose last word runs into the
    next one, or whose text shows the cut otherwise (see :func:`_runs_on`).

    The groups read open lines under a commentary's name (a guessed byline) as a standfirst;
    a column cut leaves the head of the text's first paragraph open too, and a word across
    the cut tells it apart. Only the few lines under a line of names are looked at (the
    segmenter costs).
    """
    since = _UNDER_BYLINE
    k = -1
    for sh, nxt in zip(shapes, shapes[1:], strict=False):
        k += 1
        if sh.names or (
            sh.end - sh.start <= PERSON_NAME_MAX_CHARS
            and sh.kind == TITLE
            and name_under_tag(shapes, k)
        ):
            since = 0
        else:
            since += 1
        if 0 < since <= _UNDER_BYLINE and sh.ending == cues.END_OPEN and nxt.kind == BODY:
            sh.cut_head = _runs_on(text, sh, nxt) or _cut_across(text, sh, nxt)


def _open(prev: Shape, cur: Shape, page: _Page) -> tuple[bool, float]:
    """Whether ``cur`` continues ``prev``, which ends without punctuation (see the docstring)."""
    # The segmenter is asked only where its answer changes the decision: after a paragraph
    # that reads as body text the join stands anyway (and the look-ups cost a tenth of the
    # split on pages with many cut paragraphs).
    if not page.text or _inside_list(prev, cur, page):
        return _BY_ENDING[cues.END_OPEN]
    if _FIELD_LINE.fullmatch(page.text, prev.start, prev.end) is not None:
        return _FIELD_ABOVE
    if not _reads_as_title(prev, page):
        if _heading_over_paragraph(prev, cur, page):
            return _LONG_TITLE_ABOVE
        if _spaced_title(prev, cur, page):
            return _TITLE_ABOVE
        return _BY_ENDING[cues.END_OPEN]
    if _cut_across(page.text, prev, cur):
        return _WORD_ACROSS
    if _PARAGRAPH_OPENING.match(page.text, cur.start) or cur.note:
        return _TITLE_ABOVE_START_BELOW
    return _TITLE_ABOVE


# Two phrases set apart by a space (老两口再不敢 坐餐厅吃饭了): a title's form; running text
# has no space between two Han characters (a lead's dateline does: 本报讯 …, …电 …).
_SPACED_PHRASES = rules_regex.compile(rf"[{cues.HAN}]{{2,}}[ \u3000]+[{cues.HAN}]{{2,}}")


def _spaced_title(prev: Shape, cur: Shape, page: _Page) -> bool:
    """Whether open body paragraph ``prev``, short against the page's paragraphs, is two
    phrases set apart by a space with no sentence end (a headline left as body text), and
    nothing shows a cut into ``cur``."""
    text = page.text
    return (
        prev.kind == BODY
        and prev.end - prev.start <= page.usual * _TITLE_SHARE
        and prev.start not in page.continued
        and _SPACED_PHRASES.search(text, prev.start, prev.end) is not None
        and _SENTENCE_END.search(text, prev.start, prev.end) is None
        and not _cut_across(text, prev, cur)
    )


def _heading_over_paragraph(prev: Shape, cur: Shape, page: _Page) -> bool:
    """Whether open paragraph ``prev``, too long to read as a title, is a heading left as
    body text over ``cur`` all the same: it holds no sentence end (a cut paragraph's head as
    long mostly does), nor ends on a particle or a preposition (…，对 / 2015年全省…), ``cur``
    opens with a date, a speaker's label or who says what follows (2006年开春，…, 问：,
    习近平总书记指出：…; an opening quote follows a verb in running text too: …组织开展 /
    “民法典…), every quotation in it is closed and no word runs across."""
    text = page.text
    return (
        (_DATED_OPENING.match(text, cur.start) is not None or _says_opening(text, cur))
        and text[prev.end - 1] not in cues.DANGLING
        and not _runs_on(text, prev, cur)
        and prev.start not in page.continued
        and _SENTENCE_END.search(text, prev.start, prev.end) is None
        # (a heading closes its quotations: …指出：“人类发展活动 / 习近平总书记指出：… is a
        # quotation cut by a column)
        and text.count("“", prev.start, prev.end) == text.count("”", prev.start, prev.end)
        and not _cut_across(text, prev, cur)
    )


def _says_opening(text: str, sh: Shape) -> bool:
    """Whether paragraph ``sh`` opens with who says what follows and a colon (see
    ``_SAYS_OPENING``; the colon looked for first: most paragraphs have none that early)."""
    reach = min(sh.end, sh.start + _SAYS_REACH)
    return (
        text.find("：", sh.start, reach) >= 0 or text.find(":", sh.start, reach) >= 0
    ) and _SAYS_OPENING.match(text, sh.start, reach) is not None


def _inside_list(prev: Shape, cur: Shape, page: _Page) -> bool:
    """Whether ``prev`` stands between two list items (…； / prev / …；): the head of an item
    cut by a column, not a title (no title stands inside a list)."""
    return page.text[cur.end - 1] in _ITEM_ENDS and page.before.get(prev.start, "") in _ITEM_ENDS


def _quote_goes_on(prev: Shape, cur: Shape, text: str) -> bool:
    """Whether ``prev`` leaves a quotation open that ``cur`` closes before opening another."""
    opened = text.rfind("“", prev.start, prev.end)
    if opened < 0 or text.find("”", opened, prev.end) >= 0:
        return False  # most paragraphs: no quotation, or the last one closed
    close = text.find("”", cur.start, cur.end)
    if close < 0:
        return False
    opening = text.find("“", cur.start, close)
    return opening < 0


def _by_text(prev: Shape, cur: Shape, page: _Page) -> tuple[bool, float] | None:
    """The decisions that read the page text around the boundary (``None``: none of them)."""
    if _dash_cut(prev, cur, page.text):
        return _CONTINUES
    if prev.cont and prev.end - prev.start <= _HANGING_MAX:
        # A closing mark hanging on a line of its own (…丰收年！/ ”): the paragraph ends as
        # the text before the mark does.
        before = page.text[max(prev.start - 4, 0) : prev.end].replace("\n", "")
        if cues.ending(before) == cues.END_FINAL:
            return _BY_ENDING[cues.END_FINAL]
    if prev.ending == cues.END_COMMA and _verse(prev, cur, page.text):
        return _VERSE
    if prev.ending in (cues.END_COMMA, cues.END_COLON, cues.END_DASH):
        return _in_list(prev, cur, page)
    if prev.ending == cues.END_FINAL and _quote_goes_on(prev, cur, page.text):
        return _QUOTE_GOES_ON
    if prev.ending == cues.END_QUOTE and _quoted_title(prev, cur, page):
        return _TITLE_ABOVE
    return None


def _dash_cut(prev: Shape, cur: Shape, text: str) -> bool:
    """Whether a dash —— is cut in two between ``prev`` and ``cur`` (…举办地— / —浙江乌镇…)."""
    return (
        text[prev.end - 1] == "—"
        and text[prev.end - 2 : prev.end - 1] != "—"
        and text[cur.start] == "—"
        and text[cur.start + 1 : cur.start + 2] != "—"
    )


def _verse(prev: Shape, cur: Shape, text: str) -> bool:
    """Whether ``prev`` (ending on a comma) and ``cur`` are two lines of one verse (see _VERSE)."""
    n = prev.end - prev.start
    if n > _VERSE_LINE_MAX or cur.end - cur.start != n or text[cur.end - 1] not in _VERSE_ENDS:
        return False
    if text[prev.end - 1] not in "，,":
        return False
    inner = text[prev.start : prev.end - 1] + text[cur.start : cur.end - 1]
    return not any(not c.isalnum() for c in inner)


def _in_list(prev: Shape, cur: Shape, page: _Page) -> tuple[bool, float] | None:
    """No join when ``prev`` ends a list item or introduces the list (see ``_LIST_ITEM``)
    or ends in a short announcing clause (see ``_ANNOUNCES``); ``None`` when it does not."""
    text = page.text
    last, cur_last = text[prev.end - 1], text[cur.end - 1]
    if last in _ITEM_ENDS:
        if (
            cur_last in _ITEM_ENDS
            or page.before.get(prev.start, "") in _LIST_OPENERS
            or text[cur.start] in cues.DASH_CHARS
        ):
            # (an item that opens with a dash, ——甲…； / ——乙…, as the first one did)
            return _LIST_ITEM
        return None
    if cur_last in _ITEM_ENDS and prev.ending in (cues.END_COLON, cues.END_DASH):
        return _BEFORE_LIST  # 新发现—— / 甲…； / 乙…；
    if prev.ending == cues.END_COLON:
        # (a paragraph of that short clause alone is a label over what it announces:
        # 小读者提问： / 我是…; the head of a paragraph a column cut fills a printed line)
        clause = max(*(text.rfind(c, prev.start, prev.end - 1) for c in "。！？!?"), prev.start - 1)
        # (a line break of a wrapped page inside the clause is no character of it)
        if prev.end - 2 - clause - text.count("\n", clause, prev.end) <= _ANNOUNCE_MAX:
            return _ANNOUNCES
        if _ANNOUNCING.search(text, max(prev.start, prev.end - _ANNOUNCING_REACH), prev.end):
            return _ANNOUNCES
        if _whole_quotation(cur, text):
            return _ANNOUNCES  # …消息不停： / “锅具…怎么办？”: quoted words set off below
    if prev.ending == cues.END_DASH and last in cues.DASH_CHARS:
        return _INTRODUCES
    return None


def _whole_quotation(sh: Shape, text: str) -> bool:
    """Whether paragraph ``sh`` is one quotation and nothing else (“…？”): set off under the
    colon that announces it, as a column seldom cuts a paragraph right at its colon before a
    quotation that runs to the paragraph's end."""
    return (
        text[sh.start] == "“"
        and text[sh.end - 1] == "”"
        and text.count("“", sh.start, sh.end) == 1
        and text.count("”", sh.start, sh.end) == 1
    )


def _set_apart(prev: Shape, cur: Shape, page: _Page) -> bool:
    """Whether the setting of a hard-wrapped page shows ``cur`` to start a paragraph of its
    own after ``prev``, which ends without punctuation (see ``paragraphs.Layout``; a comma
    says more: …积极入市， / 图为… / 防止出现… goes on past a photo, on whatever line).

    A column ends full: the paragraph it cuts goes on from a line that fills the column, and
    the rest, at the head of the next column, is not indented. So ``cur`` opens a paragraph
    when the page indents its paragraphs and ``cur``'s first line is indented (read as the
    reflow reads it, :func:`_indented`: a wrap inside a run of spaces is none), or when the
    last line of ``prev`` falls short of the column (the room a dropped indent leaves counted
    on a paragraph's first line), or stands wider than it (a heading across columns), and
    holds no sentence end: a heading or a standfirst left as body text (…共享单车2.5万辆 /
    近两月来，…), which no missing full stop joins to the text below. (A line that ends a
    sentence inside and then stops open is text cut short: a page read as wrapped by mistake
    has such lines of any length; so does a word that runs across into ``cur``.)
    """
    width, room, indents = page.layout
    text = page.text
    if not (indents and _indented(cur, page)):
        last_start = text.rfind("\n", 0, prev.end) + 1
        if _SENTENCE_END.search(text, max(last_start, prev.start), prev.end) is not None:
            return False  # …提高。科研团队不: a paragraph's text cut short, whatever the line
        n = prev.end - last_start
        if last_start <= prev.start and not indents:
            # A first line may leave the room of an indent the converter dropped, as learnt,
            # or, where too few paragraph ends showed it, as much as any indent leaves.
            n += room or MAX_ROOM
        if width - 1 <= n <= width + 1:
            return False
    # (a word running across says otherwise: …生态修复工程，受 / 到广泛欢迎。)
    return not _cut_across(text, prev, cur)


# Endings after which a wrapped paragraph's short last line sets it apart: open, or a quote
# closed with no sentence end before it (a quoted title, “…专注前行”, as short of the column).
_SET_APART_ENDINGS = frozenset((cues.END_OPEN, cues.END_QUOTE))


# Endings (a comma, pause mark or semicolon; a colon; a dash; a closing bracket) that would
# join but for an indent under them on a page that indents: a column's rest is never indented
# (…留言： / 　　不叫…, …（见图③） / 　　当然…, …盾构机； / 　　上海…). An open or quoted ending
# is set apart by an indent in ``_set_apart``; after a sentence end the indent is not read.
_INDENT_SETS_APART = frozenset((cues.END_COMMA, cues.END_COLON, cues.END_DASH, cues.END_CLOSE))


def _indented(cur: Shape, page: _Page) -> bool:
    """Whether paragraph ``cur`` of a hard-wrapped page opens its line after an indent (see
    :func:`paragraphs.indented`)."""
    text = page.text
    return indented(text, text.rfind("\n", 0, cur.start) + 1, cur.start)


def _by_setting(prev: Shape, cur: Shape, page: _Page) -> tuple[bool, float] | None:
    """No join where the page's setting shows one: a paragraph set apart on a hard-wrapped
    page (see :func:`_set_apart`); on a hard-wrapped page that indents, an indented paragraph
    under one ending in ``_INDENT_SETS_APART`` (a comma, pause mark or semicolon, a colon, a
    dash, a closing bracket); a row of a table; a person's name alone on its line on either
    side (``_NAME_ALONE``). ``None`` where it does not."""
    if page.layout.width and (
        (prev.ending in _SET_APART_ENDINGS and _set_apart(prev, cur, page))
        or (page.layout.indented and prev.ending in _INDENT_SETS_APART and _indented(cur, page))
    ):
        return _SET_APART
    if cur.row or prev.row:
        return _TABLE_ROW
    if (prev.names and _name_alone(prev)) or (cur.names and _name_alone(cur)):
        return _NAME_ALONE
    return None


# A person's name alone on its line (黄承梁, a commentary's author between its headline and
# its text, left as body text): neither the head of a paragraph a column cut (a column's line
# holds more) nor its rest (which ends a sentence); no join on either side of it.
_NAME_ALONE = (False, 0.7)


def _name_alone(sh: Shape) -> bool:
    """Whether paragraph ``sh`` is a line of one person's name only (see ``_NAME_ALONE``)."""
    return sh.names and sh.end - sh.start <= PERSON_NAME_MAX_CHARS


def _labelled(prev: Shape, cur: Shape, text: str) -> bool:
    """Whether ``cur`` opens with a bracketed label (【事件】…) after a paragraph that does
    not end on a comma, or stands under such a label alone (【总书记嘱托】 / 要把…): a part
    of the text that opens on its own."""
    if text[cur.start] == "【" and prev.ending != cues.END_COMMA:
        return True
    return _LABEL_ALONE.fullmatch(text, prev.start, prev.end) is not None


def _decide(prev: Shape, cur: Shape, page: _Page) -> tuple[bool, float]:
    """Whether body paragraph ``cur`` continues body paragraph ``prev``."""
    if cur.cont:
        return _CONTINUES  # …, or 。 at the start: the rest of the paragraph above
    setting = _by_setting(prev, cur, page)
    if setting is not None:
        return setting
    if prev.kind == HEADING or prev.intertitle or (prev.kind == TITLE and prev.listy):
        return _AFTER_INTERTITLE
    if cur.listy and prev.ending in (cues.END_COLON, cues.END_DASH):
        return _BEFORE_LIST
    if cur.listy and prev.listy and prev.ending != cues.END_OPEN:
        return _NEXT_LIST_ITEM
    if page.text and _labelled(prev, cur, page.text):
        return _LABEL_BELOW
    by_text = _by_text(prev, cur, page) if page.text else None
    if by_text is not None:
        return by_text
    if prev.ending == cues.END_OPEN:
        return _open(prev, cur, page)
    return _BY_ENDING[prev.ending]


def _quoted_title(prev: Shape, cur: Shape, page: _Page) -> bool:
    """Whether ``prev``, ending on a closing quote with no sentence end before it, reads as a
    title left as body text rather than a clause that closes a quotation in mid-sentence:
    title-shaped and short (see :func:`_reads_as_title`), every quotation in it closed, no
    sentence end inside, and no word or figure running into ``cur``. A 小标题 is often a
    quotation of its own (“人大代表就要为群众办实事” / 今年58岁的…) or names a phrase in
    quotes (打造人才“引力场”，优化创新“生态圈”); a column cut right after a closing quote
    whose opening quote the same short head holds is rare."""
    text = page.text
    quotes = text.count("“", prev.start, prev.end)
    return (
        quotes > 0
        and quotes == text.count("”", prev.start, prev.end)
        and _SENTENCE_END.search(text, prev.start, prev.end) is None
        and _reads_as_title(prev, page)
        and not _cut_across(text, prev, cur)
    )


def assign_joins(
    shapes: list[Shape],
    roles: list[tuple[str, float]],
    articles: list[tuple[int | None, float]],
    text: str = "",
    layout: Layout = NO_LAYOUT,
) -> list[tuple[bool, float]]:
    """Return ``(joins_previous, confidence)`` for every paragraph.

    ``text`` is the page the shapes were read from; without it, only the endings count.
    ``layout``: what the reflow of a hard-wrapped page learnt of its setting.
    """
    page = _Page(text, shapes, roles, layout if text else NO_LAYOUT)
    last_body: dict[int, Shape] = {}  # article -> its latest body paragraph so far
    out: list[tuple[bool, float]] = []
    pairs: list[tuple[Shape, Shape, int]] = []  # the body paragraphs decided, and where
    for sh, (role, _), (article, _) in zip(shapes, roles, articles, strict=True):
        if role == "intertitle" and article is not None:
            last_body[article] = sh  # the body after an intertitle does not join across it
        if role != "body" or article is None:
            out.append(_NOT_BODY)
            continue
        prev = last_body.get(article)
        last_body[article] = sh
        if prev is not None and text:
            page.before[sh.start] = text[prev.end - 1]
        if prev is None or sh.kind == LEAD:
            out.append(_FIRST)
            continue
        decision = _decide(prev, sh, page)
        if decision[0]:
            page.continued.add(sh.start)
        out.append(decision)
        pairs.append((prev, sh, len(out) - 1))
    if text and not page.layout.width:
        _no_cuts_no_joins(pairs, out, page)
    return out


# A join below this confidence rests on a missing sentence end alone (…： / …” / an open end
# with nothing else): weak evidence that the page's paragraphs were cut at all.
_WEAK_JOIN = 0.9
# No column cut shows anywhere on the page: its paragraphs stand one a line as printed
# (an e-paper's text), and a paragraph without a sentence end is a heading, a label or a
# list's head left as body, not the head of a cut paragraph.
_NO_CUTS = (False, 0.6)
_CUT_ENDS = frozenset("，,、")
# Boundaries a page needs before the absence of any cut says something: where a column cuts
# paragraphs at all it cuts some three in ten, and most cuts show (a comma, a word across),
# so a page of cut paragraphs shows none over 16 boundaries a few times in a hundred (at 8,
# 5 cut paragraphs of 400 composed pages of ``bench/structure_corpus.py`` lost their joins).
_NO_CUTS_MIN = 16


def _weak(prev: Shape, decision: tuple[bool, float], text: str) -> bool:
    """Whether join ``decision`` after ``prev`` is weak evidence of a cut: below
    ``_WEAK_JOIN``, or after a semicolon (which ends a list's item as well as a clause)."""
    return decision[1] < _WEAK_JOIN or text[prev.end - 1] in _ITEM_ENDS


def _shows_cut(prev: Shape, cur: Shape, decision: tuple[bool, float], page: _Page) -> bool:
    """Whether the boundary ``prev`` / ``cur`` shows a column cut by itself: a join on sure
    evidence, a paragraph ending on a comma or a pause mark, a head read as cut (``demoted``),
    or a word, a figure or a clause running across an open end."""
    text = page.text
    if (decision[0] and not _weak(prev, decision, text)) or cur.cont or prev.demoted:
        return True
    if text[prev.end - 1] in _CUT_ENDS:
        return True
    return prev.ending == cues.END_OPEN and (
        _cut_across(text, prev, cur) or _runs_on(text, prev, cur)
    )


def _no_cuts_no_joins(
    pairs: list[tuple[Shape, Shape, int]], out: list[tuple[bool, float]], page: _Page
) -> None:
    """Undo the weak joins of a page on which no boundary among ``pairs`` (body paragraph,
    the next one, the index of its decision in ``out``) shows a column cut (see ``_NO_CUTS``).
    The segmenter is asked only on pages with a weak join and nothing sure."""
    weak = [k for p, _, k in pairs if out[k][0] and _weak(p, out[k], page.text)]
    if (
        not weak
        or len(pairs) < _NO_CUTS_MIN
        or any(_shows_cut(p, c, out[k], page) for p, c, k in pairs)
    ):
        return
    for k in weak:
        out[k] = _NO_CUTS
