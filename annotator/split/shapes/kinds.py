"""The kinds of paragraph and :class:`Shape`, the local features of one paragraph that every
later step reads (and some change from context).
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of paragraphs.
FURNITURE = "furniture"  # page header, editor line, ad, continuation mark
BYLINE = "byline"  # ■本报记者 张三 (front byline, on its own)
TRAILING = "trailing"  # （本报记者 张三） (byline or source in parentheses, ends an article)
CAPTION = "caption"  # 图为… / ▲… / …摄
HEADING = "heading"  # markdown # heading
LEAD = "lead"  # 本报讯… / 本报北京3月4日电… / （记者 张三）…
DASH = "dash"  # short line ending in —— (kicker, or a list introduction in a body)
TITLE = "title"  # short line without a sentence end (headline-shaped)
# The kinds of paragraph a title run is made of (a headline, a markdown heading, a kicker's ——).
TITLE_KINDS = frozenset((TITLE, DASH, HEADING))
BODY = "body"  # anything else
LABEL = "label"  # a page or column label (要闻, 简讯) above titles; set from context by groups
# Kinds that belong to no article.
NO_ARTICLE = frozenset((FURNITURE, LABEL))


@dataclass(slots=True)
class Shape:
    """The local features of one paragraph ``[start, end)`` of the page."""

    start: int
    end: int
    kind: str
    ending: str
    level: int = 0  # markdown heading level, 0 when not a heading
    strict: bool = False  # a TITLE that may head a short news item without byline
    listy: bool = False  # starts with an enumerator or bullet (list item, intertitle)
    closes: bool = False  # ends its article (inline trailing byline, 完, 下转第N版)
    subdash: bool = False  # starts with ——, the classic subheadline form ——记某某
    item: bool = False  # a finished paragraph opened by a bullet: an item of a news column
    names: bool = False  # a short line of personal names only (the rest of a byline)
    mark: bool = False  # a caption only by its leading ▲ (also the bullet of a news column)
    credit: bool = False  # a short caption that is only a photo credit (本报记者 张三摄)
    figure_label: bool = False  # a caption that is a figure's bare label alone (图①)
    guessed: bool = False  # the kind was changed from context on a weak cue (role < 0.7)
    under_photos: bool = False  # a name read as the byline under a headline's photos
    intertitle: bool = False  # a 小标题 inside an article (set from context by groups)
    bullet: bool = False  # starts with a bullet such as ■ or ●
    text_ok: bool = False  # a TITLE that reads as one (one line, no 。 inside: titles.py)
    tag: bool = False  # a TITLE that is a bracketed tag only: 【现场】
    comma: bool = False  # a TITLE, or a one-sentence short body paragraph, with a comma inside
    pause: bool = False  # a TITLE with an enumeration comma 、 inside (甲、乙)
    colon: bool = False  # a TITLE with a colon inside (话题：标题)
    parallel: bool = False  # a TITLE of two phrases of about one length around one comma
    row: bool = False  # a row of a table of figures (fields separated by spaces)
    spaced: bool = False  # a TITLE with spaces inside (a table row, maybe)
    gaps: int = 0  # a TITLE's blanks inside (its length without them: end - start - gaps)
    wide: bool = False  # a TITLE with a wide space inside (两个词组  之间): set as a headline
    cont: bool = False  # starts with punctuation no paragraph starts with: a cut paragraph's rest
    cut_head: bool = False  # open, with a word running into the next paragraph: a cut's head
    demoted: bool = False  # a TITLE read as a cut paragraph's head by a word across (joins)
    note: bool = False  # 编者按：…, 核心提示：…: a note of the article head (body text)
    tagged: bool = False  # a TITLE ending in a bracketed column tag (…（人民时评）)
    clause: bool = False  # one long line, one clause without a sentence end (a long 小标题?)
    sentences: int = 0  # sentence ends in a short body paragraph (0 when not counted)
    signature: bool = False  # ——编  者: the signature of a note, inside its article
    opens: str = ""  # a TITLE's first two characters (parallel intertitles share them) …
    ends: str = ""  # … or its last two (“茶咖花影”之旅, “茶咖寻踪”之旅)
    said: bool = False  # a TITLE ending on a verb of saying (某某在某会上强调): a kicker
    serial: bool = False  # a TITLE naming a series and the piece's number (…系列报道之一)
    quoted: bool = False  # a short BODY line that is one quotation asking or exclaiming (“…？”)
    from_when: bool = False  # a TITLE opening with when something starts (今起…, 11月1日起…)
    asks: bool = False  # a TITLE ending in a question mark (变化从何而来？)
    speaks: bool = False  # a TITLE that is an interviewer's question (记者：…？), a turn of text
    points: bool = False  # a long TITLE of phrases side by side: a meeting's points
    signs: bool = False  # closes with a dateline or a special article's signature (a story's)
    dated: bool = False  # a lead opening with its dateline (新华社北京3月4日电（记者 张三）…)
    named: bool = False  # a TITLE of names of bodies or places only (浙江杭州富阳区): who acts
    cites: bool = False  # a —— line naming a quotation's source (——摘自…, ——某某考察时强调)
    box: bool = False  # a TITLE that labels a box of related reading (延伸阅读, 【相关链接】)
    told: bool = False  # a DASH line that reads as a sentence of the text (2023年3月10日，…——)
    signed: bool = False  # closes with its writer's signature in brackets (（记者 张三）, （李华）)
    editors: bool = False  # FURNITURE crediting the editors (责任编辑：…, 本期统筹：…)
    labelled: bool = False  # opens with a bracketed label (【事件】…, 【快评】某某, 【现场】)
    resumes: bool = False  # FURNITURE saying the text below began on another page (上接第1版)
    sectioned: bool = False  # a page header naming the page's section (… 星期二  要闻  第1版)
    signs_off: bool = False  # a short line of words ending on a name or a credit (读者 某某某)
    echoes: bool = False  # a short TITLE repeating a word of a page header above (要闻)
