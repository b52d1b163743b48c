"""Shapes + title groups -> a role for every paragraph, with the confidence of that decision.

Inside a title group the order decides: a markdown heading is the headline, the line above it
the kicker, lines below it subheadlines; on a plain page a line ending in —— is the kicker, the
next line the headline and the rest subheadlines. Without markers a plain group of several
short lines could also be kicker + headline, so those roles get a confidence below 0.7.

Outside groups the shape decides: captions, bylines, furniture ("other") and body text. A
headline-shaped line that is not in a group is taken as body (a paragraph cut by a column
break, or an intertitle) with a low confidence, since it could have been a headline.
"""

from __future__ import annotations

from . import cues
from .groups import WEAK, Group
from .shapes import (
    BODY,
    BYLINE,
    CAPTION,
    DASH,
    FURNITURE,
    HEADING,
    LABEL,
    LEAD,
    SHORT_BODY_MAX_CHARS,
    TITLE,
    TRAILING,
    Shape,
    after_unfinished,
)

# Confidences: how often a decision of this kind is expected to be right. The window points
# reviewers at blocks below 0.7.
_HEADLINE_MARKED = 0.95  # markdown heading
_HEADLINE_ALONE = 0.85  # the only title line of a group above a byline/lead
_HEADLINE_AMONG = 0.65  # first of several unmarked lines: maybe the kicker instead
_HEADLINE_WEAK = 0.6  # no-byline short item: maybe a cut paragraph
_HEADLINE_DASH_ONLY = 0.5  # a group of one line ending in ——
_KICKER_DASH = 0.9
_KICKER_ABOVE_HEADING = 0.75
_KICKER_UNMARKED = 0.6  # first of three unmarked lines, or a very short column name
# A first title line this short over a longer one is a column name (今日谈): a kicker.
KICKER_TAG_MAX_CHARS = 4
# A headline this short (排险, 春归) under a longer first line: that line is its kicker; a
# place's or a body's name that short (某区, 某局) says where, under its headline.
_PLACE_ENDS = frozenset("省市县区镇乡村州旗部委局厅署院")
SHORT_HEADLINE_MAX_CHARS = 3
_SUB_DASH = 0.9  # ——记某某
_SUB_BELOW_HEADING = 0.85
_SUB_UNMARKED = 0.6  # could be the headline (with the line above as kicker)
_BYLINE = 0.95
_LEAD = 0.95
_CONTINUATION = ("body", 0.85)
_INTERTITLE = ("intertitle", 0.75)  # a 小标题 inside an article (the groups package says when)
_GUESSED = 0.6  # a kind changed from context on a weak cue (names under a title, ▲ items)
_PHOTO_TEXT = ("caption", 0.6)  # a titled paragraph followed by a bare photo credit
_TEXT_LABEL = ("other", 0.6)  # a bracketed label under the headline (【核心提示】)
_INTRODUCES = ("body", 0.6)  # a short line ending in a colon under the titles (对话人：)

_LOOSE: dict[str, tuple[str, float]] = {
    BODY: ("body", 0.95),
    TITLE: ("body", 0.6),  # a cut paragraph's tail, an intertitle or a missed headline
    DASH: ("body", 0.7),  # introduces a list inside an article
    HEADING: ("body", 0.5),  # ### intertitle inside an article
    CAPTION: ("caption", 0.9),
    FURNITURE: ("other", 0.85),
    LABEL: ("other", 0.6),
    BYLINE: ("byline", 0.8),
    TRAILING: ("byline", 0.9),
}


def _group_roles(shapes: list[Shape], g: Group, out: list[tuple[str, float]]) -> None:
    """Write the roles of the members of group ``g`` into ``out``."""
    if g.heading is not None:
        _marked_title_roles(shapes, g, g.heading, out)
    elif g.titles:
        _unmarked_title_roles(shapes, g, out)
    for p in g.bylines:
        out[p] = ("byline", _BYLINE)
    for p in g.standfirst:
        out[p] = ("subheadline", _SUB_UNMARKED)
    if g.lead is not None:
        out[g.lead] = ("body", _LEAD)


def _marked_title_roles(
    shapes: list[Shape], g: Group, heading: int, out: list[tuple[str, float]]
) -> None:
    """Roles of the titles of a group with a marked heading: kickers above, subheadlines below."""
    for p in g.titles:
        if p < heading:
            conf = _KICKER_DASH if shapes[p].kind == DASH else _KICKER_ABOVE_HEADING
            out[p] = ("kicker", conf)
        elif p == heading:
            out[p] = ("headline", _HEADLINE_MARKED)
        else:
            out[p] = ("subheadline", _SUB_BELOW_HEADING)


# The number of a piece in a series (…系列谈③): the line names the series, not the story.
_SERIAL = frozenset("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")


def _kicker_first(shapes: list[Shape], titles: list[int]) -> bool:
    """Whether the first of the unmarked title lines ``titles`` is a kicker.

    It is when it is a column name of at most four characters over a longer line (a headline
    is longer), and in a stack of three lines without a —— subheadline: 引题/主题/副题, the
    full form of a Chinese headline, is far more common than a headline over two subheadlines.
    Of two lines, a first line that only names a body or a place (某省纪委监委) over a longer
    one is a kicker too: the name says who, the headline what it did.
    ■ summary bullets under the headline do not count as lines of the stack.
    """
    lines = [p for p in titles if not (shapes[p].bullet and shapes[p].listy)]
    if len(lines) < 2 or lines[0] != titles[0]:
        return False
    first = shapes[lines[0]]
    if len(lines) == 2 and (shapes[lines[1]].subdash or shapes[lines[1]].tag):
        # 主题 / ——副题: a —— subheadline stands under its headline, not a kicker; so does a
        # bracketed label that opens the text (主题 / 【核心提示】)
        return False
    if first.tag and not shapes[lines[1]].tag:
        return True  # 【今日谈】 over a title: a column's bracketed name, whatever its length
    if first.serial and not shapes[lines[1]].serial:
        return True  # “某某”系列报道之一 over a title: the series' name and the piece's number
    if first.end - first.start <= KICKER_TAG_MAX_CHARS:
        return shapes[lines[1]].end - shapes[lines[1]].start > KICKER_TAG_MAX_CHARS
    if len(lines) == 2:
        return _kicker_over(first, shapes[lines[1]])
    return len(lines) == 3 and not any(shapes[p].subdash for p in lines)


def _kicker_over(first: Shape, second: Shape) -> bool:
    """Whether the first of two unmarked title lines is a kicker over the second (see
    :func:`_kicker_first`): a column tag closes the second, a colon or the main title's form
    sets them apart, the first says who said or did what the second says, or it runs longer."""
    if second.tagged and not first.tagged:
        return True  # the column tag follows the main headline: the line above is its kicker
    if (
        first.ending == cues.END_COLON
        or (second.wide and not first.wide and second.ends[-1:] not in _SERIAL)
        and not second.points
        and second.end - second.start > KICKER_TAG_MAX_CHARS
    ):
        # 某某公安： over its headline; or a line over the headline set as two phrases
        # side by side (共建党建阵地  激发共治活力), the main title's form (a series' name
        # with its number under a headline is set so too: 大家谈·选择西部  扎根西部②); a
        # long line of a meeting's points is the subheadline under its headline, and two
        # single characters set wide (默  达, 引  言) are a padded name or label, no headline
        return True
    if first.said:
        return True  # 某某在某会上强调 / what was said: the kicker says who said the headline
    if first.quoted:
        return True  # “…怎么这么费劲？” quotes what people ask: it leads into the headline
    if second.from_when and not first.from_when and not second.subdash:
        return True  # 机动车行驶证电子化 / 今起分三批全国推广应用: the news is when it starts
    if (
        second.strict
        and second.ends[-1:] not in _PLACE_ENDS
        and second.end - second.start <= SHORT_HEADLINE_MAX_CHARS < (first.end - first.start)
    ):
        return True  # 荡“秋千” / 排险: a photo's headline of two or three characters under
        # the line leading into it (a subheadline says more than its headline, never that little)
    if first.named and not second.named and first.end - first.start < second.end - second.start:
        return True  # 浙江杭州富阳区 over what it did: a headline says more than a name
    return _long_clause_over_headline(first, second) or _longer_over_shorter(first, second)


def _long_clause_over_headline(first: Shape, second: Shape) -> bool:
    """Whether two unmarked title lines read as a long kicker over a short headline.

    The headline is the shortest, most compact line of a heading; a first line half again as
    long as an unpunctuated second line, with a comma, a space or a 、 inside, is a clause that
    introduces it (a subheadline would stand below the headline, not above it).
    """
    a, b = first.end - first.start, second.end - second.start
    return (first.comma or first.spaced or first.pause) and second.strict and 2 * a >= 3 * b


def _longer_over_shorter(first: Shape, second: Shape) -> bool:
    """Whether a plain first title line is clearly longer than the line under it: a kicker.

    A subheadline explains the headline above it and runs longer than it; a kicker introduces
    the headline below it and runs longer too: of two unmarked lines the clearly shorter one
    is the headline (新疆自贸试验区挂牌两年来，贸易额实现快速增长 / 产业集聚，打造对外开放新高地).
    A first line with the forms of a main title (a column tag, phrases set apart by a space,
    a topic before a colon) is the headline whatever its length, and a —— line, one that
    introduces what follows (对话人：) or phrases set apart by spaces (某某出席 某某主持: who
    took part, under a long headline of a meeting) are no headline, nor is a line of a few
    characters (李明主持: who chaired).
    """
    return (
        not (first.tagged or first.spaced or first.colon)
        and not (second.subdash or second.spaced)
        and second.ending != cues.END_COLON
        and second.end - second.start > KICKER_TAG_MAX_CHARS
        and 10 * (first.end - first.start) >= 13 * (second.end - second.start)
    )


def _unmarked_title_roles(shapes: list[Shape], g: Group, out: list[tuple[str, float]]) -> None:
    """Roles of the titles of a group without a marked heading."""
    titles = g.titles
    rest = titles
    if shapes[titles[0]].kind == DASH:
        if len(titles) == 1:
            out[titles[0]] = ("headline", _HEADLINE_DASH_ONLY)
            rest = []
        else:
            out[titles[0]] = ("kicker", _KICKER_DASH)
            rest = titles[1:]
    if not rest:
        return
    if _kicker_first(shapes, rest):
        out[rest[0]] = ("kicker", _KICKER_UNMARKED)
        rest = rest[1:]
    if g.strength == WEAK:
        head_conf = _HEADLINE_WEAK
    else:
        head_conf = _HEADLINE_ALONE if len(rest) == 1 else _HEADLINE_AMONG
    out[rest[0]] = ("headline", head_conf)
    for p in rest[1:]:
        out[p] = ("subheadline", _SUB_DASH if shapes[p].subdash else _SUB_UNMARKED)
    last = titles[-1]
    if len(rest) > 1 and last == rest[-1] and shapes[last].ending == cues.END_COLON:
        # 对话人： under the headline introduces the lines below (who talks): the text's
        # first line, no subheadline
        out[last] = _INTRODUCES
    elif len(rest) > 1 and last == rest[-1] and shapes[last].tag:
        # 【核心提示】, 【编者按】 under the headline labels the text below: no heading line
        out[last] = _TEXT_LABEL


def _caption_above_credit(shapes: list[Shape], i: int) -> bool:
    """Whether body paragraph ``i`` is one short sentence right above a bare photo credit.

    赵尚志画像。 / 尚志市委宣传部供图: a credit follows its caption; body text runs longer
    than one short sentence (or goes on after the photo).
    """
    return (
        i + 1 < len(shapes)
        and shapes[i + 1].credit
        and (_one_short_sentence(shapes, i) or _photo_opens_unit(shapes, i))
    )


def _photo_opens_unit(shapes: list[Shape], i: int) -> bool:
    """Whether body paragraph ``i``, right above a bare photo credit, opens a unit of its own:
    the first text under the page header or after a line that closed the article above.

    A photo printed alone between stories has its caption and its credit and nothing else
    (某地某事。图为某某。/ 新华社记者 张三摄): no article's text runs into a photo credit.
    """
    sh = shapes[i]
    if sh.kind != BODY or sh.cont or sh.ending != cues.END_FINAL:
        return False
    if i == 0:
        return True
    before = shapes[i - 1]
    return before.kind == FURNITURE or (before.kind == TRAILING and before.closes)


def _stacked_captions(shapes: list[Shape], members: set[int], out: list) -> None:
    """Mark the captions of a set of photos under a title group: short one-sentence
    paragraphs in a row between the group (its headline or byline) and a bare photo credit.

    (图① 市民在广场骑行。/ 图② 商铺林立。/ 以上图片均为某某摄: a photo story, or the photos
    printed under a headline; the caption right above a credit alone is read elsewhere.)
    """
    for c in [c for c, sh in enumerate(shapes) if sh.credit]:
        i = c - 1
        while i >= 0 and i not in members and _one_short_sentence(shapes, i):
            i -= 1
        if i >= 0 and i in members and c - i > 2:
            for k in range(i + 1, c):
                out[k] = _PHOTO_TEXT


def _one_short_sentence(shapes: list[Shape], i: int) -> bool:
    """Whether paragraph ``i`` is body text of one short sentence (a caption's form)."""
    sh = shapes[i]
    return (
        sh.kind == BODY
        and sh.end - sh.start <= SHORT_BODY_MAX_CHARS  # sentences are counted up to it
        and sh.ending == cues.END_FINAL
        and sh.sentences == 1
        and not sh.cont
        and not after_unfinished(shapes, i)  # the cut tail of a paragraph is no caption
    )


def assign_roles(shapes: list[Shape], groups: list[Group]) -> list[tuple[str, float]]:
    """Return ``(role, confidence)`` for every paragraph."""
    out = [_LOOSE.get(sh.kind, _LOOSE[BODY]) for sh in shapes]
    for i, sh in enumerate(shapes):
        if sh.intertitle:
            out[i] = _INTERTITLE
        elif sh.kind == TITLE and after_unfinished(shapes, i):
            out[i] = _CONTINUATION  # the rest of a cut paragraph: body, as expected
    for g in groups:
        _group_roles(shapes, g, out)
    n = len(shapes)
    for i, sh in enumerate(shapes):
        if sh.guessed:
            out[i] = (out[i][0], min(out[i][1], _GUESSED))
        elif (
            sh.kind == BODY
            and 0 < i < n - 1
            and shapes[i + 1].credit
            and out[i - 1][0] in ("headline", "subheadline")
        ):
            # Headline, one paragraph, a bare photo credit: a photo item, whose text is the
            # photo's caption (a news item would have no credit right under its only paragraph).
            out[i] = _PHOTO_TEXT
        elif _caption_above_credit(shapes, i):
            out[i] = _PHOTO_TEXT
    _stacked_captions(shapes, {p for g in groups for p in g.titles + g.bylines}, out)
    _captions_under_heading(shapes, out)
    _closing_signatures(shapes, groups, out)
    return out


# A caption set between a headline and its text is one sentence at most this long.
CAPTION_UNDER_HEAD_MAX_CHARS = 25


def _captions_under_heading(shapes: list[Shape], out: list[tuple[str, float]]) -> None:
    """Read the short sentences right under a headline, over the text, as its photos' captions.

    过去的赵家洼。 / 重生的赵家洼。 between the heading and a longer paragraph name what the
    photos show; the opening sentence of the text stands under the byline, or has a comma
    (春分时节，莺飞草长。), and a caption has none.
    """
    n = len(shapes)
    for i in range(1, n - 1):
        if out[i - 1][0] not in ("headline", "subheadline"):
            continue
        k = i
        while k < n and _caption_sentence(shapes, k):
            k += 1
        longest = max((shapes[p].end - shapes[p].start for p in range(i, k)), default=0)
        nxt = shapes[k] if k < n else None
        if nxt is not None and nxt.kind == BODY and nxt.end - nxt.start > 2 * longest > 0:
            for p in range(i, k):
                out[p] = _PHOTO_TEXT


def _caption_sentence(shapes: list[Shape], i: int) -> bool:
    """Whether paragraph ``i`` is one short sentence without a comma (a caption's form)."""
    sh = shapes[i]
    return (
        sh.kind == BODY
        and sh.end - sh.start <= CAPTION_UNDER_HEAD_MAX_CHARS
        and sh.ending == cues.END_FINAL
        and sh.sentences == 1
        and not (sh.cont or sh.comma)
    )


def _closing_signatures(
    shapes: list[Shape], groups: list[Group], out: list[tuple[str, float]]
) -> None:
    """Read a short line standing alone after an article's last finished paragraph, with no
    text under it (the page ends, or furniture or the next article's title follows), as the
    article's signature when it is a few words ending on a personal name or a text and photo
    credit (``Shape.signs_off``: 读者 某某某, 某县  某某, 某社 图/文): a headline has text
    under it, and body text is no few words ending on a name."""
    tops = {g.top for g in groups}
    members = {p for g in groups for p in g.members()}
    n = len(shapes)
    for i in range(1, n):
        sh = shapes[i]
        if not sh.signs_off or i in members or out[i][0] != "body" or sh.intertitle:
            continue
        prev = shapes[i - 1]
        if (
            out[i - 1][0] != "body"
            or prev.ending != cues.END_FINAL
            or prev.kind not in (BODY, LEAD)
        ):
            continue
        if i + 1 < n and i + 1 not in tops and shapes[i + 1].kind != FURNITURE:
            continue
        out[i] = ("byline", _GUESSED)
