"""What stands between a headline and its text on opinion pages: the author's name alone
(a guessed byline), the summary lines under it (standfirst), a quotation with its source
(epigraph), and where the text itself opens.
"""

from __future__ import annotations

from annotator.split import cues
from annotator.split.shapes import BODY, BYLINE, DASH, LEAD, TITLE, Shape

# A commentary prints the author's name alone under its headline and then one or two summary
# lines (standfirst) before the text: at most this many title lines below the name …
MAX_STANDFIRST = 2
# … and a summary line is a clause at least this long (shorter lines are intertitles: 引言).
STANDFIRST_MIN_CHARS = 12


def name_above_standfirst(shapes: list[Shape], i: int, j: int) -> int | None:
    """The line of names inside title run ``[i, j)`` that signs a headline above standfirst.

    行法治之力  护农业“芯片”（人民时评） / 魏哲哲 / 保护知识产权就是保护创新，… / body: the
    name under the headline is the byline even with summary lines between it and the body.
    """
    n = len(shapes)
    if j >= n or shapes[j].kind not in (BODY, LEAD) or shapes[j].cont:
        return None
    opening = _text_opening(shapes, i, j)
    # A name right above a short question or sentence opening the text inside the run signs
    # it too (“潮商场”成青年“心头好”（快评） / 尚嵘峥 / 商场是什么样的？ / text).
    stop = opening if opening < j else opening - 1
    j = opening
    for m in range(max(i + 1, j - 1 - MAX_STANDFIRST), stop):
        if not shapes[m].names or shapes[m - 1].kind not in (TITLE, DASH):
            continue
        below = shapes[m + 1 : j]
        if all(sh.kind == TITLE and not sh.names and not sh.listy for sh in below):
            return m
    return None


def standfirst_under_name(shapes: list[Shape], i: int, j: int, m: int) -> list[int]:
    """Mark the name ``m`` in title run ``[i, j)`` as its byline and the lines below it up to
    the text as standfirst or the text's opening; return the standfirst lines."""
    text = _text_opening(shapes, i, j)
    for p in range(text, j):
        shapes[p].kind = BODY  # the short sentence that opens the text
        shapes[p].clause = False  # … and no long 小标题 either
    standfirst = [
        p for p in range(m + 1, text) if shapes[p].end - shapes[p].start >= STANDFIRST_MIN_CHARS
    ]
    for p in range(m + 1, text):
        # A short line between the name and the text opens the text: 引  言.
        shapes[p].intertitle = p not in standfirst
    shapes[m].kind = BYLINE
    shapes[m].guessed = True
    return standfirst


def open_standfirst(shapes: list[Shape], k: int, found: int = 0) -> list[int]:
    """The summary lines right under a byline that end without a sentence end (maybe none).

    期待每座城都有宜人气质 / 孟繁哲 / 今天的大城小市，…主人翁意识 / 于城市而言，…是宝贵资源。统筹
    兼顾…新篇章 / text: a commentary's standfirst may hold a full stop inside, but it ends
    without one, and the text below begins a paragraph of its own. A paragraph cut by a column
    break ends open too: a word running across the cut, or a line below that begins with
    punctuation, shows it is the text's head. ``found`` standfirst lines are already known.
    """
    out: list[int] = []
    n = len(shapes)
    while k < n and found + len(out) < MAX_STANDFIRST:
        sh = shapes[k]
        if (
            sh.kind not in (BODY, TITLE)
            or sh.ending != cues.END_OPEN
            or sh.cont
            or sh.listy
            or sh.row
            or sh.end - sh.start < STANDFIRST_MIN_CHARS
            or k + 1 >= n
            or shapes[k + 1].kind not in (BODY, TITLE)
            or shapes[k + 1].cont
            or sh.cut_head
        ):
            break
        out.append(k)
        k += 1
    # The text itself follows: a finished paragraph (maybe a short question: 靠什么留住人？),
    # not a third open line.
    if k < n and shapes[k].kind in (BODY, TITLE) and shapes[k].ending == cues.END_FINAL:
        return out
    return out if k < n and shapes[k].kind == BODY and shapes[k].ending != cues.END_OPEN else []


# A quotation printed under the byline, before the text, is at most this many paragraphs.
MAX_EPIGRAPH = 2


def epigraph(shapes: list[Shape], k: int) -> list[int]:
    """The quotation and the line naming its source right under a byline (maybe none).

    推行长期护理保险… / ——摘自“十五五”规划建议 / text: a feature may open with a quotation
    and, on a line of its own, where it comes from (——摘自…, ——某某考察时强调); both stand
    above the text like a standfirst, and the source line is no 小标题 of the text.
    """
    n = len(shapes)
    for a in range(k + 1, min(k + 1 + MAX_EPIGRAPH, n - 1)):
        if any(shapes[p].kind not in (BODY, TITLE) or shapes[p].cites for p in range(k, a)):
            return []
        if shapes[a].kind == TITLE and shapes[a].cites:
            return list(range(k, a + 1)) if shapes[a + 1].kind in (BODY, LEAD) else []
    return []


def _text_opening(shapes: list[Shape], i: int, j: int) -> int:
    """Where the text begins in title run ``[i, j)``: at its first finished sentence below
    the headline and the name (or at ``j``).

    一张社保卡，能办多少事？: a text may open with a short question or sentence, title-shaped
    by its length, but a title never ends a sentence in 。 (and a summary line never in ？);
    what follows it in the run is text too (a paragraph head cut short by a column break).
    A labelled line (【关键词】…) opens the text as well.
    """
    for k in range(i + 2, j):
        sh = shapes[k]
        if sh.kind == TITLE and (sh.ending == cues.END_FINAL or _labelled(sh)):
            return k
    return j


def _labelled(sh: Shape) -> bool:
    """Whether title line ``sh`` opens with a bracketed label followed by text (【关键词】某某,
    【人物】某某): a labelled paragraph of a column's text (【事件】…, 【点评】), no summary line
    nor 小标题 (a label alone, 【现场】, is one)."""
    return sh.opens[:1] == "【" and not sh.tag
