"""The intertitles of an unsigned story (no byline, lead or note): only a series shows them,
by their shortness, evenness, parallel two-line form or the signature closing the story.
"""

from __future__ import annotations

from itertools import pairwise
from operator import attrgetter

from annotator.split.shapes import BODY, BYLINE, Shape

from .alike import alike_in_length
from .context import body_paragraphs
from .group import Group
from .lone_lines import INNER_SECTION_PARAGRAPHS, INTERTITLE_ALONE_MAX_CHARS
from .title_lines import INTERTITLE_LINES, lines_read_as_intertitle, reads_as_intertitle

# Very short one-line titles after an unsigned story: at least this many are its intertitles.
SHORT_SERIES = 2
# … each at most this long and at most half as long as the story's headline.
SHORT_SERIES_MAX_CHARS = 5


def _short_series(shapes: list[Shape], series: list[Group], g: Group) -> list[Group]:
    """The weak groups after unsigned story ``g`` that are its intertitles (maybe none).

    Titles of at most five characters and half the story's headline (4月12日 / 就业补贴高 /
    落户无忧 under an advertorial's long headline), two or more of them: a short news item's
    headline says what happened and is longer (古镇修缮完工).
    """
    heads = [shapes[p].end - shapes[p].start for p in g.titles]
    if not heads:
        return []
    short = [
        w
        for w in series
        if len(w.titles) == 1
        and 2 * (n := shapes[w.top].end - shapes[w.top].start) <= min(heads)
        and n <= SHORT_SERIES_MAX_CHARS
    ]
    return short if len(short) >= SHORT_SERIES else []


# Unpunctuated one-line titles after an unsigned story, all of about one length (the longest
# at most 3/2 of the shortest): at least this many in a row are its intertitles.
EVEN_SERIES = 3
EVEN_RATIO = (3, 2)
# … each over at least this many body paragraphs (a short item has one)
EVEN_TEXT_PARAGRAPHS = 2


def _even_series(shapes: list[Shape], series: list[Group]) -> list[Group]:
    """The weak groups after an unsigned story that are its intertitles by their evenness
    (maybe none).

    Three or more in a row, every one of as many unpunctuated lines (one, or a pair set as
    topic and title: 顶层谋划推进 / 掀起宣讲热潮), every line of about one length: a feature's
    小标题 are set in parallel (纹样蕴藏文明密码 / 跃上云端融入生活 / 爱上直给的纹样美), the
    headlines of untitled short items say what happened, each at its own length. Every
    line but the last stands over two or more body paragraphs: a column of short items in a
    row has one paragraph each, and their headlines may happen to be alike in length.
    """
    if len(series) < EVEN_SERIES or len({len(w.titles) for w in series}) > 1:
        return []
    lines = [p for w in series for p in w.titles]
    if not all(shapes[p].strict for p in lines):
        return []
    sizes = [shapes[p].end - shapes[p].start for p in lines]
    a, b = EVEN_RATIO
    if b * max(sizes) > a * min(sizes):
        return []
    tops = [w.top for w in series]
    texts = [
        body_paragraphs(shapes, w.titles[-1] + 1, stop)
        for w, stop in zip(series, tops[1:], strict=False)
    ]
    return series if min(texts) >= EVEN_TEXT_PARAGRAPHS else []


# Two-line weak groups set as a short topic over its title (深化文旅融合 / 以创新供给赋能美好
# 生活): at least this many in a row are an unsigned story's intertitles …
TOPIC_PAIRS = 2
# … their topics within this many characters of each other, their titles within EVEN_RATIO.
TOPIC_SPREAD = 1


def _topic_pairs(shapes: list[Shape], series: list[Group]) -> list[Group]:
    """The two-line weak groups after an unsigned story that are its intertitles by their form
    (maybe none).

    A kicker runs longer than its headline; a 小标题 set in two lines puts a short topic, at
    most as long as a lone 小标题, over a longer title. Two or more such pairs in a row, topics
    of one length and titles of about one length (深化文旅融合 / 以创新供给赋能美好生活,
    深耕品质人居 / 以优质服务描绘宜居画卷), are set in parallel: the story's 小标题, not the
    heads of short items.
    """
    pairs = [w for w in series if len(w.titles) == 2]
    if len(pairs) < TOPIC_PAIRS:
        return []
    tops, subs = [], []
    for w in pairs:
        top, sub = shapes[w.titles[0]], shapes[w.titles[1]]
        if not (top.strict and sub.text_ok) or top.listy or sub.listy:
            return []
        tops.append(top.end - top.start)
        subs.append(sub.end - sub.start)
    if max(tops) > INTERTITLE_ALONE_MAX_CHARS or max(tops) - min(tops) > TOPIC_SPREAD:
        return []
    a, b = EVEN_RATIO
    if min(subs) <= max(tops) or b * max(subs) > a * min(subs):
        return []
    return pairs


# Two-line weak groups of short unpunctuated lines of about one length (我们的不安全感 /
# 来自那些创新者, 专注与多元化 / 没有绝对的对与错): at least this many in a row, each line at most
# this long and the longest at most twice the shortest, are an unsigned story's 小标题 …
EVEN_PAIRS = 2
EVEN_PAIR_MAX_CHARS = 12
# … each over at least this many body paragraphs.
EVEN_PAIR_PARAGRAPHS = 3


def _even_pairs(shapes: list[Shape], series: list[Group]) -> list[Group]:
    """The two-line weak groups after an unsigned story that are its intertitles by their
    evenness (maybe none): two or more pairs in a row, every line short, unpunctuated and of
    about one length, each pair over a section of several paragraphs. A short item's kicker
    and headline differ in length and form (a topic over a sentence), and a column of short
    items has a paragraph or two under each heading."""
    pairs = [w for w in series if len(w.titles) == 2]
    if len(pairs) < EVEN_PAIRS or len(pairs) != len(series):
        return []
    lines = [p for w in pairs for p in w.titles]
    if not all(shapes[p].strict and not shapes[p].listy for p in lines):
        return []
    sizes = [shapes[p].end - shapes[p].start for p in lines]
    if max(sizes) > EVEN_PAIR_MAX_CHARS or max(sizes) > 2 * min(sizes):
        return []
    stops = [*(w.top for w in pairs[1:]), len(shapes)]
    texts = [
        body_paragraphs(shapes, w.titles[-1] + 1, stop)
        for w, stop in zip(pairs, stops, strict=True)
    ]
    return pairs if min(texts) >= EVEN_PAIR_PARAGRAPHS else []


def unsigned_story(
    shapes: list[Shape], series: list[Group], loose: list[int], g: Group
) -> tuple[list[Group], list[int]]:
    """The intertitles of unsigned story ``g`` among its weak groups and loose lines.

    Once its punctuated lines make a series (see :func:`_unsigned_series`), the story has
    intertitles, and a one-line weak group alike in length is one of them too (坚持以高质量
    发展统揽全局 among 优化营商环境，增强发展活力 / …): the series shows it is no headline.
    """
    signed = _merged(_signed_at_end(shapes, g, series), _under_full_head(shapes, series, g))
    alike = _unsigned_series(shapes, loose)
    if not alike:
        found = (
            _short_series(shapes, series, g)
            or _even_series(shapes, series)
            or _even_pairs(shapes, series)
        )
        return _merged(_merged(found, _topic_pairs(shapes, series)), signed), []
    single = [w for w in series if len(w.titles) == 1]
    found, loose = alike_in_length(shapes, single, alike)
    return _merged(_merged(found, _topic_pairs(shapes, series)), signed), loose


def _merged(a: list[Group], b: list[Group]) -> list[Group]:
    """Groups ``a`` and ``b`` together, each once, in page order."""
    if not b:
        return a
    return sorted({w.top: w for w in a + b}.values(), key=attrgetter("top"))


def _signed_at_end(shapes: list[Shape], g: Group, series: list[Group]) -> list[Group]:
    """The one-line weak groups in the text of unsigned story ``g`` above the signature that
    closes it (（记者 张三） after its last paragraph): its 小标题.

    A paper that signs its stories at the end signs every one of them: a title line with no
    signature between the story's head and it does not end the story above, and the text
    under it, signed, is the rest of that story.
    """
    if not series:
        return []
    q = _closing_signature(shapes, max(g.members()) + 1)
    if q is None:
        return []
    found = [
        w
        for w in series
        if w.top < q
        and len(w.titles) <= INTERTITLE_LINES
        and not (w.firm or any(shapes[p].tagged for p in w.titles))
        and lines_read_as_intertitle(shapes, w)
    ]
    # A story's sections run on for paragraphs (but for a short one, 核心阅读 over its
    # summary); a column of briefs, the last one signed (市图书馆延长开放时间 / a paragraph /
    # 城南公园新增健身步道 / a paragraph（记者 王芳）), has one paragraph under every title.
    bounds = [max(g.members()), *(w.top for w in found), q + 1]
    briefs = all(
        body_paragraphs(shapes, a + 1, b) < INNER_SECTION_PARAGRAPHS for a, b in pairwise(bounds)
    )
    return [] if briefs else found


def _closing_signature(shapes: list[Shape], lo: int) -> int | None:
    """The line from ``lo`` on that signs the story there at its end, if the first line to
    close anything does: a writer's signature closing the last paragraph (（记者 张三）), or
    a line of its own naming the writer under the text (扬子晚报记者 柳扬; a paper that signs
    at the end sets it so: more of the papers of issue 9's sets sign so than at the head).
    """
    for q in range(lo, len(shapes)):
        sh = shapes[q]
        if sh.closes:
            return q if sh.signed else None
        if sh.kind == BYLINE and q > lo and shapes[q - 1].kind == BODY:
            return q
    return None


# A story headed by this many title lines at least (kicker and headline, headline and
# subheadline) is a feature that may run under 小标题 even unsigned.
FULL_HEAD_LINES = 2


def _under_full_head(shapes: list[Shape], series: list[Group], g: Group) -> list[Group]:
    """The one-line weak groups in the text of unsigned story ``g`` headed by a kicker or a
    subheadline beside its headline: its 小标题.

    A story given a full heading (我与晚报的故事 / 那些年，我的青春和晚报紧紧相连; 今年前2个月
    经济运行起步平稳 / 发展态势向新向好，…) is a feature, and features run in sections: a plain
    line inside its text, shorter than the longest line of its heading and with no column
    tag, is a section's 小标题 (创刊前 去甬绍杭晚报取经; 延续上年四季度回升态势), as it would be
    under a byline, when every such line stands over two body paragraphs or more: a column
    of short items after the story (古镇修缮完工 / one paragraph / 茶山迎来采摘季 / …) has one
    under each headline. A closing line (据新华社, （记者 张三）) sets an item apart too.
    """
    if len(g.titles) < FULL_HEAD_LINES or g.bylines or g.lead is not None or g.formal:
        return []
    longest = max(shapes[p].end - shapes[p].start for p in g.titles)
    found = [
        w
        for w in series
        if len(w.titles) == 1
        and not (w.firm or shapes[w.top].tagged)
        and reads_as_intertitle(shapes[w.top])
        and shapes[w.top].end - shapes[w.top].start < longest
    ]
    if not found:
        return []
    # every section runs on for paragraphs: a column of short items has one under each title
    stops = [*(w.top for w in series[1:]), len(shapes)]
    under = {
        w.top: body_paragraphs(shapes, w.top + 1, stop)
        for w, stop in zip(series, stops, strict=True)
    }
    if any(under[w.top] < INNER_SECTION_PARAGRAPHS for w in found):
        return []
    return found


# Intertitles of an unsigned story: at least this many alike lines.
UNSIGNED_SERIES = 3


def _unsigned_series(shapes: list[Shape], loose: list[int]) -> list[int]:
    """The loose title lines of an unsigned story that are its intertitles (maybe none).

    Only punctuated lines count (总体规划：构建…新局面): after a story without byline a run of
    short unpunctuated titles, each over a paragraph, is as likely a column of short news.
    """
    if len(loose) < UNSIGNED_SERIES:
        return []
    _, alike = alike_in_length(shapes, [], loose)
    return alike if len(alike) >= UNSIGNED_SERIES else []
