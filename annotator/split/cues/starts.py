"""How a paragraph begins: every start-of-paragraph cue in one anchored match, and the
openings that show a paragraph is the rest of one cut by a column break (punctuation, a
particle or the copula going on with the clause above, a modal verb left at the end).
"""

from __future__ import annotations

from annotator import rules_regex, short_words

from .captions import CAPTION_START_PATTERN
from .furniture import FURNITURE_START_PATTERN
from .leads import DATELINE, DATELINE_REACH, LEAD_PATTERN
from .titles import ENUMERATOR_PATTERN, HEADING_PATTERN

# All start-of-paragraph cues in one pass, in order of precedence: one anchored ``match`` per
# paragraph instead of five. ``lastgroup`` names the cue that matched.
PARAGRAPH_START = rules_regex.compile(
    f"(?P<furniture>{FURNITURE_START_PATTERN})|(?P<heading>{HEADING_PATTERN})|(?P<lead>{LEAD_PATTERN})"
    f"|(?P<caption>{CAPTION_START_PATTERN})|(?P<listy>{ENUMERATOR_PATTERN})"
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
    "摄拍"  # labelled photo credits: 摄影：…, 拍摄者：…
)


def start_cue(s: str) -> str | None:
    """Name the start-of-paragraph cue of ``s``: furniture, heading, lead, caption, listy."""
    if s[0] in START_CHARS:
        m = PARAGRAPH_START.match(s)
        if m is not None:
            return m.lastgroup
    # has_dateline(), inlined: this runs for every paragraph.
    head = s[: DATELINE_REACH + 8]
    if "月" in head and ("电" in head or "讯" in head or "消息" in head) and DATELINE.match(s):
        return "lead"
    return None


# Characters that never begin a paragraph (nor, in typeset text, a line): a paragraph that
# begins with one is the rest of a paragraph cut by a column break. (Not the ASCII ``!``: a
# markdown image, ![](…), opens a paragraph with it. ``paragraphs`` reads the marks no line
# opens with from this set and that one.)
NO_START_CHARS = frozenset("，,。、；;：:∶！？?”’」』）)》〉】〕］]")


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
