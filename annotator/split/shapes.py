"""Paragraph -> shape: what a paragraph looks like on its own, before any context is used.

The kind of a paragraph is read from its own text only (a byline pattern, a lead, a caption
credit, a markdown heading, a short line without a sentence end, ...). Whether a short line
is a headline, a subheadline or the tail of a paragraph cut by a column break is decided later
from its neighbours (``groups``, ``roles``, ``articles``).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator import rules_regex
from annotator.markdown import front_matter_end, leading_markup_end

from . import cues
from .cues import BYLINE as BYLINE_RX
from .cues import (
    BYLINE_HINT,
    CAPTION_END,
    CAPTION_END_CHARS,
    CLOSING_MARK,
    DANGLING,
    END_DASH,
    END_FINAL,
    FURNITURE_HINT,
    FURNITURE_TOKEN,
    ITEM_BULLETS,
    PAGE_NUMBER,
    SUB_DASH,
    TITLE_PUNCT,
    TRAILING_BYLINE,
    ending,
    ends_with_note,
    is_lead,
    roster_line,
    start_cue,
    unmarked,
)

# Kinds of paragraphs.
FURNITURE = "furniture"  # page header, editor line, ad, continuation mark
BYLINE = "byline"  # ■本报记者 张三 (front byline, on its own)
TRAILING = "trailing"  # （本报记者 张三） (byline or source in parentheses, ends an article)
CAPTION = "caption"  # 图为… / ▲… / …摄
HEADING = "heading"  # markdown # heading
LEAD = "lead"  # 本报讯… / 本报北京3月4日电… / （记者 张三）…
DASH = "dash"  # short line ending in —— (kicker, or a list introduction in a body)
TITLE = "title"  # short line without a sentence end (headline-shaped)
BODY = "body"  # anything else
LABEL = "label"  # a page or column label (要闻, 简讯) above titles; set from context by groups
# Kinds that belong to no article.
NO_ARTICLE = frozenset((FURNITURE, LABEL))

# A headline-shaped paragraph: at most this many characters (markup and spaces included) and
# lines. Subheadlines of local papers run to some 50 characters, often on two lines.
TITLE_MAX_CHARS = 64
TITLE_MAX_LINES = 3
# A kicker ending in —— may be a long clause (…会议暨…推进会,要求——).
DASH_MAX_CHARS = 90
# The headline of a short news item without byline: short and free of punctuation.
STRICT_MAX_CHARS = 32
# A headline may end in ！ or ？ (春天来了！); a body paragraph that short is rare.
EXCLAIMED_TITLE_MAX_CHARS = 32
# Furniture lines are short; longer text with such a start is an article's own sentence.
FURNITURE_MAX_CHARS = 80
HEADER_MAX_CHARS = 50  # a page header / date line (人民日报 2023年09月21日 第04版)
BYLINE_MAX_CHARS = 80
NAMES_MAX_CHARS = 16  # a line of two or three names
# A byline's bullet before a name alone (□马晓冲), and the longest such line: one or two names.
BYLINE_BULLETS = frozenset("■□")
BULLET_NAME_MAX_CHARS = 10
CREDIT_MAX_CHARS = 24  # a photo credit on its own (新华社记者 张三 摄, （李四 摄）)
SIGNATURE_MAX_CHARS = 12  # ——编  者, ——张三: who signed the note above
POST_SIGNATURE_MAX_CHARS = 32  # ——某某大学某学院院长 张三: who said the quotation above
MAILBOX_MAX_CHARS = 60  # a column's mailbox line (投稿邮箱：name@paper.cn)
SHORT_BODY_MAX_CHARS = 60  # a body paragraph this short may be a photo's caption


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
    guessed: bool = False  # the kind was changed from context on a weak cue (role < 0.7)
    under_photos: bool = False  # a name read as the byline under a headline's photos
    intertitle: bool = False  # a 小标题 inside an article (set from context by groups)
    bullet: bool = False  # starts with a bullet such as ■ or ●
    text_ok: bool = False  # a TITLE that reads as a title (one line, no 。 inside, see _title)
    tag: bool = False  # a TITLE that is a bracketed tag only: 【现场】
    comma: bool = False  # a TITLE, or a one-sentence short body paragraph, with a comma inside
    pause: bool = False  # a TITLE with an enumeration comma 、 inside (甲、乙)
    colon: bool = False  # a TITLE with a colon inside (话题：标题)
    parallel: bool = False  # a TITLE of two phrases of about one length around one comma
    row: bool = False  # a row of a table of figures (fields separated by spaces)
    spaced: bool = False  # a TITLE with spaces inside (a table row, maybe)
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


# A page header line holds 版 (第3版), 期 (星期五, 第123期) or a date (年月日), or starts
# with a page number or a page code (A3): a cheap test before the furniture regexes.
_FURNITURE_FIRST = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-—–")


def _is_furniture(s: str) -> bool:
    """Whether a short line is a page header / date line made only of furniture tokens."""
    if not (
        s[0] in _FURNITURE_FIRST
        or "版" in s
        or "期" in s
        or ("年" in s and "月" in s and "日" in s)
    ):
        return False
    if TITLE_PUNCT.search(s) or not FURNITURE_HINT.search(s):
        return False
    tokens = PAGE_NUMBER.sub(r"第\1版", s).split()  # 第 04 版 -> 第04版: one token
    if len(tokens) > 8:
        return False
    # A page's name may run longer than the usual few characters (中国青年报金牌读者) on a
    # line that is surely the page's header: its page number and its date or weekday.
    long_name = PAGE_NUMBER.search(s) is not None and _DATED_HEADER.search(s) is not None
    return all(
        FURNITURE_TOKEN.fullmatch(t) or (long_name and _LONG_PAGE_NAME.fullmatch(t)) for t in tokens
    )


_DATED_HEADER = rules_regex.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]")
_LONG_PAGE_NAME = rules_regex.compile(rf"[{cues.HAN}]{{7,12}}")


def is_page_header(s: str) -> bool:
    """Whether line ``s`` is a page header / date line (2025年3月1日  星期六  要闻  第1版)."""
    return len(s) <= HEADER_MAX_CHARS and _is_furniture(s)


def _start_cue(s: str, n: int) -> str | None:
    """Name of the start-of-paragraph cue of ``s`` (see ``cues.PARAGRAPH_START``), if any."""
    name = start_cue(s)
    if name == "furniture" and n > FURNITURE_MAX_CHARS:
        # A long paragraph is not furniture: read its start again without that cue.
        if is_lead(s):
            return "lead"
        for name, rx in (
            ("heading", cues.HEADING),
            ("caption", cues.CAPTION_START),
            ("listy", cues.ENUMERATOR),
        ):
            if rx.match(s):
                return name
        return None
    return name


def shape(text: str, start: int, end: int) -> Shape:
    """Read the shape of paragraph ``text[start:end]`` (stripped, non-empty).

    The checks run from the most specific cue to the least; cheap ones (last character,
    length) guard the regexes because this runs for every paragraph of every imported page.
    """
    s = text[start:end]
    early = _marked_or_source(text, start, end, s)
    if early is not None:
        return early
    n = len(s)
    end_kind = ending(s)

    # A photo credit at the end beats a byline: "本报记者 张三 摄" is a caption.
    # (plain ``in`` tests gate the post-first credit: most paragraphs have none of its words)
    if (s[-1] in CAPTION_END_CHARS and CAPTION_END.search(s)) or (
        ("摄影" in s or "图/" in s or "图／" in s) and cues.CAPTION_POST_CREDIT.search(s)
    ):
        credit = n <= CREDIT_MAX_CHARS and TITLE_PUNCT.search(s) is None
        return Shape(start, end, CAPTION, end_kind, credit=credit)
    cue = _start_cue(s, n)
    if cue == "furniture":
        closing = CLOSING_MARK.search(s) is not None
        sh = Shape(start, end, FURNITURE, end_kind, closes=closing)
        sh.editors = cues.EDITORS.match(s) is not None
        sh.resumes = closing and cues.CONTINUED_FROM.search(s) is not None
        return sh
    if cue == "heading":
        return Shape(start, end, HEADING, end_kind, level=n - len(s.lstrip("#")))
    if n <= BYLINE_MAX_CHARS and BYLINE_HINT.search(s):
        if BYLINE_RX.match(s) and not cues.bare_role_without_name(s):
            return Shape(start, end, BYLINE, end_kind)
        if TRAILING_BYLINE.match(s):
            return Shape(
                start,
                end,
                TRAILING,
                end_kind,
                closes=True,
                signs=_signs(s),
                signed=cues.signed_note(s),
            )
    if cue == "lead":
        return _lead(s, start, end, end_kind)
    if cue == "caption" or (cue is None and _photo_position(s)):
        return Shape(start, end, CAPTION, end_kind, mark=s[0] in "▲△")
    return _short_or_body(s, start, end, end_kind, cue == "listy")


# A crawl's source line (authors, paper, issue and page) is at most this long.
SOURCE_MAX_CHARS = 90


# Characters that may begin markdown line markup (blockquote, list item, thematic break).
_MARKER_STARTS = frozenset(">-*+_|")
_LIST_MARKER = rules_regex.compile(r"[ \t>]*[-*+][ \t]")


def _marked_or_source(text: str, start: int, end: int, s: str) -> Shape | None:
    """The shape of paragraph ``s`` (``text[start:end]``) when it is in markdown line markup,
    a crawl's source line or the rest of a paragraph cut by a column (else None)."""
    if s[0] in _MARKER_STARTS:
        inner = leading_markup_end(text, start, end)
        if inner > start:
            # A blockquote or list item: its role is its content's ("> 本报记者 …" is a
            # byline); a thematic break (---) is only markup, furniture.
            sh = shape(text, inner, end) if inner < end else _furniture(text, start, end)
            sh.start = start
            # A list item is a paragraph of its own: nothing joins it as a column's cut.
            sh.listy = sh.listy or _LIST_MARKER.match(text, start, inner) is not None
            return sh
        if s[0] == "|" and "|" in s[1:]:
            # A markdown pipe table: rows of the article's body, complete, joining nothing.
            return Shape(start, end, BODY, ending(s), row=True)
    if (
        s[-1] in "）)"
        and len(s) <= SOURCE_MAX_CHARS
        and "版" in s[-8:]
        and cues.PAPER_SOURCE.search(s)
    ):
        # The crawl's source line, with its authors or without: the article's byline (as
        # furniture it would part the headline from its lead, a false article start).
        return Shape(start, end, BYLINE, ending(s))
    if cues.cut_rest(s):
        # …，or 。 at the start: the rest of a paragraph cut by a column break.
        return Shape(start, end, BODY, ending(s), cont=True)
    return None


def _furniture(text: str, start: int, end: int) -> Shape:
    """Paragraph ``text[start:end]`` as page furniture: markup or metadata, never an article."""
    return Shape(start, end, FURNITURE, ending(text[start:end]))


def _photo_position(s: str) -> bool:
    """Whether short paragraph ``s`` says where someone stands in a photo (钟达文（左二）在广交会
    采访现场。): a caption."""
    return len(s) <= cues.PHOTO_POSITION_MAX_CHARS and cues.PHOTO_POSITION.search(s) is not None


# The signature of an agency's or a paper's special article, in brackets at its end (（张三
# 新华社专特稿）, （本报特稿）): a piece written without a dateline.
_SIGNS = rules_regex.compile(r"[（(][^（()）\n]{0,20}?(?:专特稿|专稿|特稿)\s*[)）]\s*\Z")


def _signs(s: str) -> bool:
    """Whether closing line ``s`` signs its story: a dateline alone, a special article's note."""
    if "稿" in s:  # (a cheap look first: most closing lines are other notes)
        return _SIGNS.match(s) is not None
    return "电" in s[-3:] and cues.DATELINE_ALONE.match(s) is not None


def _signed_end(s: str) -> bool:
    """Whether paragraph ``s``, which closes its article, ends with its signature: a closing
    dateline (…。  新华社北京3月4日电) or a special article's note (…。（张三 新华社专特稿）)."""
    return cues.ends_with_dateline(s) or _SIGNS.search(s, max(0, len(s) - SIGNS_REACH)) is not None


# A closing signature stands in this many last characters of a paragraph; a lead's dateline
# in this many first ones.
SIGNS_REACH = 40
DATELINE_REACH = 24


def _lead(s: str, start: int, end: int, end_kind: str) -> Shape:
    """The shape of a paragraph that opens with a dateline (or 本报讯, （记者 张三）…)."""
    if cues.DATELINE_ALONE.match(s):
        # 新华社北京3月4日电 alone: the dateline under a wire story's last sentence.
        return Shape(start, end, TRAILING, END_FINAL, closes=True, signs=True)
    closes = end_kind == END_FINAL and (ends_with_note(s) or cues.ends_with_dateline(s))
    signs = closes and _signed_end(s)
    dated = "日电" in s[:DATELINE_REACH]
    return Shape(start, end, LEAD, end_kind, closes=closes, signs=signs, dated=dated)


def _signature(s: str) -> bool:
    """Whether dash line ``s`` signs what is above it: ——编  者, ——张三, or a post and a name
    (——某某大学某学院院长 张三: who said the quotation above)."""
    if len(s) <= SIGNATURE_MAX_CHARS and cues.SIGNATURE.match(s):
        return True
    if len(s) > POST_SIGNATURE_MAX_CHARS:
        return False
    m = cues.POST_SIGNATURE.match(s)
    return m is not None and cues.names_line(m.group(1))


def _prompt_or_mailbox(s: str, start: int, end: int, end_kind: str) -> Shape | None:
    """The shape of a QR code's caption (扫码看视频) or of a column's mailbox line
    (栏目投稿邮箱：…@…: the last line of a column's article, not a kicker of the next)."""
    n = len(s)
    if n <= cues.QR_PROMPT_MAX_CHARS and "扫" in s and cues.QR_PROMPT.match(s):
        return Shape(start, end, CAPTION, end_kind)
    if "@" in s and n <= MAILBOX_MAX_CHARS and cues.MAILBOX.search(s):
        return Shape(start, end, TRAILING, end_kind, closes=True)
    return None


def _signer(s: str, start: int, end: int, end_kind: str) -> Shape | None:
    """The byline shape of a short line that names its writer without a role word, if it is
    one: ——编  者 (who signed the note above; it stays in its article) or □马晓冲 (the name led
    by the byline's bullet, as ■本报记者 张三 is)."""
    if s[0] in cues.DASH_CHARS and _signature(s):
        return Shape(start, end, BYLINE, end_kind, signature=True)
    if s[0] in BYLINE_BULLETS and len(s) <= BULLET_NAME_MAX_CHARS and cues.names_line(s[1:]):
        return Shape(start, end, BYLINE, end_kind)
    return None


def _bracketed_names(s: str) -> bool:
    """Whether line ``s`` is a writer's name in brackets (（张三）): the end note under the
    last paragraph of an article. Two writers sign a short item so too (（郭颖 天乐）): the
    first name with a known surname, the other of two or three characters (a correspondent's
    pen name need not start with one)."""
    if s[-1] not in "）)":
        return False
    inner = s[1:-1].strip()
    if cues.names_line(inner):
        return True
    parts = inner.split()
    return (
        len(parts) == 2
        and cues.names_line(parts[0])
        and all(2 <= len(p) <= 3 for p in parts)
        and cues.NAMES_ONLY.match(inner) is not None
    )


def _short_or_body(s: str, start: int, end: int, end_kind: str, listy: bool) -> Shape:
    """The shape of a paragraph without a start cue: furniture, a dash line, a title or body."""
    n = len(s)
    if n > TITLE_MAX_CHARS and end_kind != END_DASH:
        return _long(s, start, end, end_kind, listy)
    marked = _prompt_or_mailbox(s, start, end, end_kind) or _signer(s, start, end, end_kind)
    if marked is not None:
        return marked
    if is_page_header(s):
        return Shape(start, end, FURNITURE, end_kind)
    if s[0] in "（(" and (cues.bracketed_note(s) or _bracketed_names(s)):
        # （摘编自《某报》）, （李华）
        return Shape(start, end, TRAILING, end_kind, closes=True, signed=cues.signed_note(s))
    if end_kind == END_DASH and n <= DASH_MAX_CHARS and not SUB_DASH.match(s):
        # (a line that opens with a date and a comma is a sentence of the text leading into
        # what follows, 2023年3月10日，…一幕——, no kicker)
        told = _DATED_SENTENCE.match(s) is not None
        return Shape(start, end, DASH, end_kind, listy=listy, told=told)
    if _listing_kicker(s):
        # 生成图像、合成语音、伪装客服…… over a headline: a kicker that lists, not a sentence.
        return _title(s, start, end, cues.END_OPEN, listy, 1)
    # (no title ends on a semicolon: a short line that does is an item of a list set as
    # paragraphs, or a paragraph's head cut by a column)
    if (end_kind != END_FINAL and n <= TITLE_MAX_CHARS and s[-1] not in "；;") or _exclaimed(s):
        nlines = s.count("\n") + 1
        if nlines <= TITLE_MAX_LINES:
            return _title(s, start, end, end_kind, listy, nlines)
    return _body(s, start, end, end_kind, listy)


# A line of points (a subheadline summing up a meeting) is at most this long, and holds this
# many phrases at least, each at least this long, set apart by spaces.
POINTS_MAX_CHARS = 200
POINTS_MIN_PHRASES = 3
_POINT = rules_regex.compile(r"[^\s。！？!?；;]{6,}")


def _points_line(s: str) -> bool:
    """Whether long one-line ``s`` is phrases side by side without any sentence end (学习贯彻
    …精神  听取…汇报  研究…工作  审议通过《…》): a subheadline listing a meeting's points,
    however long; body text ends its sentences, and a table row's fields are short."""
    if len(s) > POINTS_MAX_CHARS or "\n" in s:
        return False
    parts = s.split()
    return len(parts) >= POINTS_MIN_PHRASES and all(_POINT.fullmatch(p) for p in parts)


def _long(s: str, start: int, end: int, end_kind: str, listy: bool) -> Shape:
    """The shape of a paragraph longer than any title: body text, the common case, or a
    meeting's points under its headline (学习贯彻…精神  听取…汇报  研究…工作)."""
    if end_kind != END_FINAL and _points_line(s):
        points = _title(s, start, end, end_kind, listy, 1)
        points.points = True
        return points
    return _body(s, start, end, end_kind, listy)


# A kicker that lists and trails off (甲、乙、丙……) is this long at most.
LISTING_KICKER_MAX_CHARS = 30
_LISTING_KICKER = rules_regex.compile(
    rf"[{cues.HAN}]{{2,10}}(?:[、，][{cues.HAN}]{{2,10}}){{2,}}…+"
)


def _listing_kicker(s: str) -> bool:
    """Whether one-line ``s`` lists three or more phrases and trails off in ……, nothing else:
    a kicker's form (生成图像、合成语音、伪装客服、伪造场景……), not a sentence of body text."""
    return (
        s[-1] == "…"
        and len(s) <= LISTING_KICKER_MAX_CHARS
        and _LISTING_KICKER.fullmatch(s) is not None
    )


def _exclaimed(s: str) -> bool:
    """Whether short one-line ``s`` is a headline ending in ！ or ？ (before any column tag).

    谁来赔？（新闻看法）: the tag after the question is the column's, not a note closing a
    sentence of body text.
    """
    core = cues.untagged(s)
    return (
        len(core) <= EXCLAIMED_TITLE_MAX_CHARS
        and core[-1:] in ("！", "？", "!", "?")
        and ("\n" not in s)
    )


_SENTENCE_END = rules_regex.compile(r"[。！？!?]")
_SPACED_NUMBER = rules_regex.compile(rf"[0-9０-９]{{1,2}}[ \u3000]+[{cues.HAN}]")
_COMMA = rules_regex.compile(r"[，,；;]")
# Punctuated lines that read as a sentence of body text, not as a title: one that opens with
# a date (3月25日，…: news sentences do, titles do not), or whose first or last phrase is a
# character or two (…”，林: a paragraph cut in the speaker's name).
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
_SENTENCE_LIKE = rules_regex.compile(
    r"[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日[，,]"
    r"|[^，,；;]{1,2}[，,；;]|.*[，,；;][^，,；;]{1,2}\Z"
)
# A sentence that opens with its date and a comma (2023年3月10日，…): the text's, no title.
_DATED_SENTENCE = rules_regex.compile(
    r"(?:[0-9０-９]{4}年)?[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日[，,]"
)
_TAG = rules_regex.compile(r"[【〖\[][^】〗\]]{1,10}[】〗\]]")


PHRASE_MIN_CHARS = 4
PHRASE_SLACK = 2  # characters by which two parallel phrases may differ


def _parallel(t: str) -> bool:
    """Whether ``t`` is two phrases of about the same length around one comma (对仗)."""
    parts = _COMMA.split(t)
    if len(parts) != 2:
        return False
    a, b = len(parts[0]), len(parts[1])
    return min(a, b) >= PHRASE_MIN_CHARS and abs(a - b) <= PHRASE_SLACK


def _title(s: str, start: int, end: int, end_kind: str, listy: bool, nlines: int) -> Shape:
    """The shape of a title-shaped paragraph of ``nlines`` lines."""
    t = unmarked(s)
    core = cues.untagged(t)
    # 1 有发明  来检验: a number and a space before a short title number an intertitle.
    listy = listy or (t[:1] in DIGITS and _SPACED_NUMBER.match(t) is not None)
    subdash = SUB_DASH.match(s) is not None
    punct = TITLE_PUNCT.search(t) is not None
    one_line = nlines == 1
    dangling = t[-1:] in DANGLING and not cues.done_with_le(t)
    # A quotation (or a title in 《》) opened and not closed: the head of a paragraph cut by a
    # column break (“镓在高新科技产业中应用 / 广泛，…; …商务部日前发布《 / 关于…》), no title;
    # nor is a line that closes a quotation it did not open (…党总支书记黄艳丽”黄 / 艳丽说。).
    quotes_closed = (("“" not in t and "”" not in t) or t.count("“") == t.count("”")) and (
        "《" not in t or t.count("《") == t.count("》")
    )
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
        and not (punct and _SENTENCE_END.search(core, 0, len(core) - 1))
        and quotes_closed
        and not (comma and _SENTENCE_LIKE.match(t))
        and not speaks
    )
    # Fields set one by one: a dataclass's __init__ matches keyword arguments by name, which
    # for this many fields costs twice the stores (titles are a third of all paragraphs).
    sh = Shape(start, end, TITLE, end_kind)
    sh.strict = strict
    sh.listy = listy
    sh.subdash = subdash
    sh.names = names
    sh.bullet = s[0] in ITEM_BULLETS
    sh.text_ok = text_ok
    sh.tag = s[0] in "【〖[" and _TAG.fullmatch(t) is not None
    sh.comma = comma
    sh.pause = punct and "、" in t
    sh.colon = punct and ("：" in t or ":" in t)
    sh.parallel = comma and _parallel(t)
    sh.spaced = " " in t or "\t" in t or "\u3000" in t
    sh.tagged = core is not t
    sh.wide = "  " in t or "\u3000" in t
    sh.asks = t[-1:] in ("？", "?")
    sh.speaks = speaks
    sh.opens = t[:2]
    sh.ends = t[-2:]
    sh.said = bool(t) and t[-1] in cues.SAID_LAST and cues.SAID.search(t) is not None
    sh.named = not punct and t[-1:] in _BODY_ENDS and _NAMED.fullmatch(t) is not None
    sh.cites = subdash and (sh.said or _CITED.match(t) is not None)
    # (a bullet may lead the label as it leads the paper's other 小标题: ■延伸阅读)
    sh.box = len(t) <= cues.BOX_LINE_MAX_CHARS + 1 and t.strip(_BOX_MARKS) in cues.BOX_LABELS
    return sh


# What may frame the label of a box of related reading: brackets, a bullet, blanks.
_BOX_MARKS = "【】〖〗[] \u3000" + "".join(sorted(ITEM_BULLETS))


# Where a quotation printed under the byline comes from: ——摘自“十五五”规划建议, ——选自….
_CITED = rules_regex.compile(r"[—―─]{1,2}\s*(?:摘|选|引)自")


def _body(s: str, start: int, end: int, end_kind: str, listy: bool) -> Shape:
    finished = end_kind == END_FINAL
    closes = finished and (ends_with_note(s) or cues.ends_with_dateline(s))
    item = listy and finished and s[0] in ITEM_BULLETS
    note = s[0] in cues.NOTE_CHARS and cues.NOTE.match(s) is not None
    # Counted for short paragraphs only (a one-sentence caption right above its photo credit).
    sentences = len(_SENTENCE_END.findall(s)) if len(s) <= SHORT_BODY_MAX_CHARS else 0
    sh = Shape(start, end, BODY, end_kind)  # fields one by one: see _title
    sh.listy = listy
    sh.closes = closes
    sh.signed = closes and cues.signed_note(s)
    sh.signs = closes and _signed_end(s)
    sh.item = item
    sh.note = note
    sh.sentences = sentences
    sh.comma = sentences == 1 and ("，" in s or "," in s)
    return sh


# Kinds that a paragraph cut by a column break may have.
_RUNNING = frozenset((BODY, TITLE, LEAD))


def after_unfinished(shapes: list[Shape], i: int) -> bool:
    """Whether paragraph ``i`` follows a paragraph that does not end a sentence.

    Then a short line is the rest of that paragraph after a column break (or a wrapped line
    of a one-line-per-paragraph OCR page), not a missed headline.
    """
    return i > 0 and shapes[i - 1].ending != END_FINAL and shapes[i - 1].kind in _RUNNING


# A table row: at least three fields separated by spaces, none of them long, no sentence
# punctuation (全年 12.5万亿元 5.2%).
_ROW = rules_regex.compile(
    r"[^\s，,。；;：:！？]{1,14}(?:[ \t\u3000]+[^\s，,。；;：:！？]{1,14}){2,9}"
)
DIGITS = frozenset("0123456789０１２３４５６７８９")


def _table_rows(text: str, shaped: list[Shape]) -> None:
    """Mark the rows of tables of figures: body text, each row a paragraph of its own.

    A title-shaped line of three or more short fields with a figure in it is a row; a line of
    such fields right above a row is the table's header row.
    """
    below_is_row = False
    for sh in reversed(shaped):
        row = (
            sh.spaced
            and not sh.listy
            and _ROW.fullmatch(text, sh.start, sh.end) is not None
            and (below_is_row or any(c in DIGITS for c in text[sh.start : sh.end]))
        )
        if row:
            sh.kind = BODY
            sh.row = True
            sh.strict = sh.names = False
        below_is_row = row


# A long 小标题 (a clause of a theory page) is this long; see ``groups.clauses.long_intertitles``.
CLAUSE_MIN_CHARS = 16
CLAUSE_MAX_CHARS = 120
_CLAUSE_ENDINGS = frozenset((cues.END_OPEN, cues.END_QUOTE, cues.END_CLOSE))
_INSIDE_STOP = rules_regex.compile(r"[。！？!?；;：:\n]")


# Only a series of clauses counts (``groups.clauses.LONG_INTERTITLE_SERIES``): fewer are not looked at.
CLAUSE_SERIES = 3


def _mark_clauses(text: str, shaped: list[Shape]) -> None:
    """Mark the one-line paragraphs that are one clause without any sentence end."""
    candidates = [
        sh
        for sh in shaped
        if sh.ending in _CLAUSE_ENDINGS
        and CLAUSE_MIN_CHARS <= sh.end - sh.start <= CLAUSE_MAX_CHARS
        and sh.kind in (BODY, TITLE)
    ]
    if len(candidates) < CLAUSE_SERIES:
        return
    for sh in candidates:
        if text[sh.end - 1] not in DANGLING and _INSIDE_STOP.search(text, sh.start, sh.end) is None:
            t = text[sh.start : sh.end]
            # Quotes open and closed (a cut leaves “… open), no date opening a news sentence.
            sh.clause = t.count("“") == t.count("”") and _SENTENCE_LIKE.match(t) is None


# A chart's or graphic's credit: 数据来源：民政部等, 制图：张三, 资料来源：….
_CHART_CREDIT = rules_regex.compile(r"(?:(?:数据|资料)来源|制图|绘图|图表|设计)\s*[:：]")


def _chart_credits(text: str, out: list[Shape]) -> None:
    """Turn a chart credit next to a photo caption into a caption (of the page's graphics).

    数据来源：某局 reads as a source line and 制图：张三 as furniture, but beside a caption (above
    or below) they credit the chart or graphic printed with the article, not its text.
    """
    for k, sh in enumerate(out):
        if sh.kind not in (BYLINE, FURNITURE) or not _CHART_CREDIT.match(text, sh.start, sh.end):
            continue
        near = out[max(k - 1, 0) : k] + out[k + 1 : k + 2]
        if any(o.kind == CAPTION for o in near):
            sh.kind = CAPTION


def shapes(text: str, ranges: list[tuple[int, int]]) -> list[Shape]:
    """Return the shape of every paragraph range of ``text``."""
    out = [shape(text, s, e) for s, e in ranges]
    front = front_matter_end(text)
    if front:
        # A crawled page's YAML front matter (date, section, address) is metadata.
        out = [_furniture(text, sh.start, sh.end) if sh.start < front else sh for sh in out]
    for sh in out:
        # 【事件】…, 【快评】某某: a bracketed label or column name opens the paragraph
        sh.labelled = text[sh.start] in "【〖"
    _chart_credits(text, out)
    _mark_clauses(text, out)
    if any(sh.spaced for sh in out):
        _table_rows(text, out)
        _roster_rows(text, out)
    return out


# A roster is a run of at least this many roster lines (one name line alone may be a headline
# of two phrases set apart by spaces).
ROSTER_MIN_LINES = 2


def _roster_rows(text: str, shaped: list[Shape]) -> None:
    """Mark the lines of a roster (对话嘉宾：/ 黄  龙  某部部长 / 李培林  某院研究员) as rows.

    Each line names one person and what the person is: body text of the article, one line a
    person, so none continues another (as the rows of a table of figures).
    """
    run: list[Shape] = []
    for sh in [*shaped, None]:
        # (a hard-wrapped page may break a long post onto a second line: read it as one)
        if sh is not None and sh.spaced and roster_line(text[sh.start : sh.end].replace("\n", "")):
            run.append(sh)
            continue
        if len(run) >= ROSTER_MIN_LINES:
            for r in run:
                r.kind = BODY
                r.row = True
                r.strict = r.names = False
        run = []


# A name alone is two or three characters, or two padded to the width of three (金  轩).
# (Not NAME_MAX_CHARS, the longest name of a body or place above.)
PERSON_NAME_MAX_CHARS = 4


def name_under_tag(shapes: list[Shape], p: int) -> bool:
    """Whether title line ``p`` is a short name under a headline with a column tag or under a
    —— subheadline (怀进鹏 under …（学习贯彻…精神）): the author, even of a surname that
    ``cues.names_line`` does not know."""
    if p == 0:
        return False
    sh, above = shapes[p], shapes[p - 1]
    n = sh.end - sh.start
    return (
        sh.kind == TITLE
        and (sh.strict and 2 <= n < PERSON_NAME_MAX_CHARS or sh.wide and n == PERSON_NAME_MAX_CHARS)
        and (above.tagged or above.subdash)
    )
