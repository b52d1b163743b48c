"""Title-shaped paragraphs: whether one reads as a title (one line, no sentence inside,
quotes closed), may head a short item (strict), is names, a tag, a question, a column's
headline, two parallel phrases, a box's label.
"""

from __future__ import annotations

from annotator import rules_regex
from annotator.split import cues
from annotator.split.cues import DANGLING, ITEM_BULLETS, SUB_DASH, TITLE_PUNCT, unmarked

from .kinds import TITLE, Shape

# The headline of a short news item without byline: short and free of punctuation.
STRICT_MAX_CHARS = 32
NAMES_MAX_CHARS = 16  # a line of two or three names

SENTENCE_END = rules_regex.compile(r"[。！？!?]")
_SPACED_NUMBER = rules_regex.compile(rf"[0-9０-９]{{1,2}}[ \u3000]+[{cues.HAN}]")
_COMMA = rules_regex.compile(r"[，,；;]")
# A speaker's label before a question (问：…？, 记者：…？): a question of an interview.
_SPEAKER = rules_regex.compile(r"[^\s：:，,。]{1,6}[：:]")
# The last character of the name of a body or a place: a province, city, county, district,
# town or village, a ministry, commission, bureau, department, administration or court.
_BODY_ENDS = frozenset("省市县区镇乡村州旗部委局厅署院")
# A line of such names only, one or two set apart by a space (中央宣传部　中央军委政治工作部),
# each of at most nine characters (a longer line ending so says what someone does: 某地加快
# 建设特色产业园区).
NAME_MAX_CHARS = 9
_NAME_PART = rf"[{cues.HAN}]{{2,{NAME_MAX_CHARS - 1}}}[{''.join(sorted(_BODY_ENDS))}]"
_NAMED = rules_regex.compile(rf"{_NAME_PART}(?:[ \u3000]+{_NAME_PART})?")
# Punctuated lines that read as a sentence of body text, not as a title: one that opens with
# a date (3月25日，…: news sentences do, titles do not), or whose first or last phrase is a
# character or two (…”，林: a paragraph cut in the speaker's name).
SENTENCE_LIKE = rules_regex.compile(
    r"[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日[，,]"
    r"|[^，,；;]{1,2}[，,；;]|.*[，,；;][^，,；;]{1,2}\Z"
)
_TAG = rules_regex.compile(r"[【〖\[「『][^】〗\]」』]{1,10}[】〗\]」』]")


PHRASE_MIN_CHARS = 4
PHRASE_SLACK = 2  # characters by which two parallel phrases may differ


def _parallel(t: str) -> bool:
    """Whether ``t`` is two phrases of about the same length around one comma (对仗)."""
    parts = _COMMA.split(t)
    if len(parts) != 2:
        return False
    a, b = len(parts[0]), len(parts[1])
    return min(a, b) >= PHRASE_MIN_CHARS and abs(a - b) <= PHRASE_SLACK


def title_shape(s: str, start: int, end: int, end_kind: str, listy: bool, nlines: int) -> Shape:
    """The shape of a title-shaped paragraph of ``nlines`` lines: what it reads as (a short
    item's headline, names, a title at all), then its form (:func:`_mark_form`)."""
    t = unmarked(s)
    core = cues.untagged(t)
    # 1 有发明  来检验: a number and a space before a short title number an intertitle.
    listy = listy or (t[:1] in DIGITS and _SPACED_NUMBER.match(t) is not None)
    subdash = SUB_DASH.match(s) is not None
    punct = TITLE_PUNCT.search(t) is not None
    one_line = nlines == 1
    dangling = t[-1:] in DANGLING and not cues.done_with_le(t) and not cues.ends_on_noun(t)
    quotes_closed = _quotes_closed(t)
    strict = (
        one_line
        and not listy
        and not subdash
        and len(t) <= STRICT_MAX_CHARS
        and not dangling
        and not punct
        and quotes_closed
    )
    # A name may end on any character (李方向, 王以): the dangling-word test is for titles.
    names = (
        one_line
        and not listy
        and not subdash
        and not punct
        and len(s) <= NAMES_MAX_CHARS
        and cues.names_line(s)
    )
    # Checked only for lines with punctuation inside; most titles have none.
    comma = punct and _COMMA.search(t) is not None
    # 记者：…？ (an interviewer's question): a turn of the text, no title
    speaks = t[-1:] in ("？", "?") and _SPEAKER.match(t) is not None
    text_ok = (
        one_line
        and not dangling
        and not (punct and SENTENCE_END.search(core, 0, len(core) - 1))
        and quotes_closed
        and not (comma and SENTENCE_LIKE.match(t))
        and not speaks
    )
    # Fields set one by one: a dataclass's __init__ matches keyword arguments by name, which
    # for this many fields costs twice the stores (titles are a third of all paragraphs).
    sh = Shape(start, end, TITLE, end_kind)
    sh.strict = strict
    sh.listy = listy
    sh.subdash = subdash
    sh.names = names
    sh.text_ok = text_ok
    sh.comma = comma
    sh.speaks = speaks
    _mark_form(sh, s, t, core, punct)
    return sh


def _quotes_closed(t: str) -> bool:
    """Whether every quotation (and title in 《》) that ``t`` opens it closes too.

    One opened and not closed is the head of a paragraph cut by a column break (“镓在高新科技
    产业中应用 / 广泛，…; …商务部日前发布《 / 关于…》), no title; nor is a line that closes a
    quotation it did not open (…党总支书记黄艳丽”黄 / 艳丽说。).
    """
    return (("“" not in t and "”" not in t) or t.count("“") == t.count("”")) and (
        "《" not in t or t.count("《") == t.count("》")
    )


def _mark_form(sh: Shape, s: str, t: str, core: str, punct: bool) -> None:
    """Set the marks of title ``sh``'s form that later steps read: its bullet, tag, inner
    punctuation and spaces, first and last characters, a verb of saying, names of bodies, a
    quotation's source, a box's label (``s`` as written, ``t`` unmarked, ``core`` untagged;
    ``sh.comma`` and ``sh.subdash`` already set)."""
    sh.bullet = s[0] in ITEM_BULLETS
    sh.tag = s[0] in "【〖[「『" and _TAG.fullmatch(t) is not None
    sh.pause = punct and "、" in t
    sh.colon = punct and ("：" in t or ":" in t)
    sh.parallel = sh.comma and _parallel(t)
    sh.spaced = " " in t or "\t" in t or "\u3000" in t
    sh.gaps = t.count(" ") + t.count("\t") + t.count("\u3000") if sh.spaced else 0
    sh.tagged = core is not t
    sh.wide = "  " in t or "\u3000" in t
    sh.asks = t[-1:] in ("？", "?")
    sh.opens = t[:2]
    sh.ends = t[-2:]
    sh.said = bool(t) and t[-1] in cues.SAID_LAST and cues.SAID.search(t) is not None
    sh.serial = bool(t) and t[-1] in cues.SERIES_LAST and cues.SERIES.search(t) is not None
    sh.from_when = "起" in t[:8] and cues.FROM_WHEN.match(t) is not None
    sh.named = not punct and t[-1:] in _BODY_ENDS and _NAMED.fullmatch(t) is not None
    sh.cites = sh.subdash and (sh.said or _CITED.match(t) is not None)
    # (a bullet may lead the label as it leads the paper's other 小标题: ■延伸阅读)
    sh.box = len(t) <= cues.BOX_LINE_MAX_CHARS + 1 and t.strip(_BOX_MARKS) in cues.BOX_LABELS


# What may frame the label of a box of related reading: brackets, a bullet, blanks.
_BOX_MARKS = "【】〖〗[] \u3000" + "".join(sorted(ITEM_BULLETS))


# Where a quotation printed under the byline comes from: ——摘自“十五五”规划建议, ——选自….
_CITED = rules_regex.compile(r"[—―─]{1,2}\s*(?:摘|选|引)自")


DIGITS = frozenset("0123456789０１２３４５６７８９")
