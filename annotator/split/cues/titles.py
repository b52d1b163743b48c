"""Title shapes: markdown headings, enumerators and bullets, punctuation no short headline
holds, column tags, a kicker's verb of saying, labels of related-reading boxes, and the
characters a headline does not end on.
"""

from __future__ import annotations

from annotator import rules_regex, short_words

from .chars import HAN

HEADING_PATTERN = r"#{1,6}[ \t]+\S"
HEADING = rules_regex.compile(HEADING_PATTERN)
# Enumerators and bullets that open a list item or an intertitle inside an article.
ENUMERATOR_PATTERN = (
    r"(?:\*\*)?(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[，,、是]|[①-⑳❶-❿]"
    r"|其[一二三四]|首先|其次|再次|最后|[■□●◆◇★☆◎○•])"
)
ENUMERATOR = rules_regex.compile(ENUMERATOR_PATTERN)
# Bullets that open the items of a news-in-brief column (简讯, 新闻速览): ● 某地某日….
ITEM_BULLETS = frozenset("■□●◆◇★☆◎○•")
# Punctuation that a headline of a no-byline short news item does not contain.
TITLE_PUNCT = rules_regex.compile(r"[，,、；;：:。！？!?]")
# A bracketed column tag at the end of a headline: …（人民时评）, …谁来赔？（新闻看法）. Papers
# set the tag after the main headline (主题), not after its kicker or subheadline. A series'
# tag may be a slogan of two phrases around a comma: …（坚定信心，打开新局面）; each a phrase of
# words alone, as a slogan is (an aside of a headline holds short clauses and figures:
# （周六晴，周日多云）, （600123，沪市主板）).
_TAG_PHRASE = r"[^（()）。，,；;！？!?\s]"
_SLOGAN_PHRASE = rf"[{HAN}]{{4,12}}"
COLUMN_TAG = rules_regex.compile(
    rf"[（(](?:{_TAG_PHRASE}{{1,16}}|{_SLOGAN_PHRASE}[，,]{_SLOGAN_PHRASE})[)）]\Z"
)
COLUMN_TAG_MIN_BEFORE = 4  # characters of headline before the tag


def untagged(t: str) -> str:
    """Headline-shaped ``t`` without its trailing column tag (``t`` itself if it has none)."""
    if not t or t[-1] not in "）)":
        return t
    m = COLUMN_TAG.search(t)
    if m is None or m.start() < COLUMN_TAG_MIN_BEFORE:
        return t
    return t[: m.start()]


# A kicker tells who said or issued what the headline below says: 某某在某会上强调, 某刊发表
# 某某的重要文章, 某某签署通令. A headline does not end on a verb of saying.
SAID = rules_regex.compile(
    r"(?:强调|指出|表示|要求|宣布|批示|寄语|致辞|致信|致电|签署[^，。！？\s]{0,6}令"
    r"|发表[^，。！？\s]{0,16}(?:文章|讲话)"
    # who issued the document whose content the headline below tells: 某某印发《…意见》
    r"|(?:印发|发布|出台|公布|颁布)[^，。！？\s《]{0,16}《[^《》]{1,60}》"
    # who explains the headline below: 某部有关负责人, 中央财办有关负责同志
    r"|有关负责(?:人|同志))\Z"
)
SAID_LAST = frozenset("调出示求布语辞信电令章话人志》")


# A series' name with the number of the piece (“法治建设年度盘点”系列报道之一, 大家谈③): the
# line names the series, a kicker over the piece's own headline.
SERIES = rules_regex.compile(
    r"(?:系列|报道|述评|评论|谈|访谈|巡礼|观察|盘点|专栏|札记|手记|调查)[^，。！？\s]{0,4}?"
    r"(?:之[一二三四五六七八九十]{1,3}|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\Z"
)
SERIES_LAST = frozenset("一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")


# A line opening with when something starts (今起, 明日起, 即日起, 下月起, 11月1日起): the news
# itself, a headline under the line naming its topic (机动车行驶证电子化 / 今起分三批全国推广应用).
FROM_WHEN = rules_regex.compile(
    r"(?:今|明|即|本月|下月|今年|明年|(?:\d{1,2}月)?\d{1,2}日)(?:天|日)?起"
)


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


# The characters of ``DANGLING`` as one string (the key of the nouns' cache file).
_DANGLING_CHARS = "".join(sorted(DANGLING))


def ends_on_noun(t: str) -> bool:
    """Whether ``t``, which ends on a character of ``DANGLING``, ends on a noun of which that
    is the last character, as the segmenter reads it (…取得显著成就, …的实践导向, …的正确方向:
    jieba's entries tagged ``n``), not on the function word alone (…取得了, …发展的): a title
    may end so. Without jieba: never."""
    nouns = short_words.nouns_ending_in(_DANGLING_CHARS)
    tail = t[-short_words.LONGEST :]
    # (most such lines end on no noun at all: a few look-ups show it without the programme)
    if not any(tail[k:] in nouns for k in range(len(tail) - 1)):
        return False
    freq, log_total = short_words.entries()
    if not freq:
        return False
    start = short_words.path_bounds(freq, log_total, tail)[-2]
    return len(tail) - start >= 2 and tail[start:] in nouns


def tells_a_turn(ends: str) -> bool:
    """Whether a title line whose last two characters are ``ends`` tells how a story turned
    (…出来了): a feature's 小标题, which a brief's headline (某馆延长开放时间) seldom is."""
    return _DONE_LE.search(ends) is not None


# Text that starts a subheadline in the classic form ——记某某.
SUB_DASH = rules_regex.compile(r"\s*[—―─]{1,2}")
