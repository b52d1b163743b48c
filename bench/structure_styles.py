"""Composed pages of three further newspaper styles, split into dev and held-out halves.

Written for issue 9 after the rules had been tuned on ``bench/structure_corpus.py``: these
styles were not looked at while the rules were written, and their held-out half is scored only
at the end. The styles follow conventions of real Chinese papers (the text is invented):

* ``daily``: a national party daily. Page header with date, weekday and page number and a page
  name line; optional unmarked kicker over the headline, subheadlines; ``本报记者`` bylines;
  ``本报某地某月某日电（记者 某某）`` and ``新华社某地某月某日电（记者 某某）`` wire leads; unnumbered
  intertitles (with a comma or a space inside); commentary signed ``本报评论员`` under a short
  column name; photo captions ``图为…`` with ``新华社记者 某某摄``; ``（本报记者 某某）`` end lines.
* ``metro``: a metro tabloid. Page header ``A06 城事 …``; 引题/主题/副题 stacks (three unmarked
  lines: kicker, headline, subheadline); ``记者 某某 通讯员 某某`` and ``□记者 某某 文/图``
  bylines; ``【现场】`` bracketed intertitles; captions ``▲…`` and ``某某 摄``; a news-in-brief
  box with ● items.
* ``finance``: a financial / evening paper. Page header and column name; ``【市场观察】`` or
  ``■`` markers before headlines; ``编者按：`` notes; numbered intertitles ``一、`` and ``1.``;
  Q&A ``问：``/``答：``; ``相关链接`` / ``延伸阅读`` boxes (an intertitle of the article);
  continuation lines ``（下转第3版）`` / ``（上接第1版）``; tables of figures (one row a line).

Every page comes in one of three text forms: ``lines`` (one paragraph a line), ``cut`` (one
paragraph a line, some paragraphs cut mid-sentence, even mid-word, by a column break at the end
of one of their printed lines, see ``CUT_AT_LINE_END``: the second part ``joins_previous``) and ``wrap`` (a PDF conversion: every visual line of a column is a line,
no hyphens; the gold block is the whole paragraph; the first line of a paragraph leaves room
for a two-character indent, which half the pages keep as ``　　`` and the others lost in the
conversion). ``wrapflat`` is ``wrap`` as first written: where the indent was lost, the first line
fills the column (a paper set without indents; not in ``FORMS``). Word lists are split in two: the dev pages
draw from one half, the held-out pages from the other, and from other seeds.

``pages(style, half, count)`` yields ``(page_id, text, gold blocks, form)``; the same arguments
always give the same pages.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from annotator.model import Block

STYLES = ("daily", "metro", "finance")
HALVES = ("dev", "heldout")
FORMS = ("lines", "cut", "wrap")
# ``wrapflat``: ``wrap`` as first written, the dropped indent leaving no room (see ``_write``)
WRAP_FORMS = ("wrap", "wrapflat")


def _w(text: str) -> list[str]:
    return text.split()


_BANK = {
    "place": _w(
        "北京 上海 天津 重庆 广州 深圳 成都 西安 杭州 南京 武汉 长沙 昆明 兰州 济南 郑州 合肥 "
        "福州 沈阳 哈尔滨 南宁 贵阳 太原 石家庄 呼和浩特 乌鲁木齐 拉萨 银川 西宁 海口 南昌 长春"
    ),
    "name": _w(
        "张明 李华 王建国 刘洋 陈静 杨帆 赵磊 黄蕾 周婷 吴昊 徐亮 孙悦 马丽 朱峰 胡杰 郭靖 "
        "林晓 何平 高远 罗敏 梁宇 宋佳 郑凯 谢楠 韩雪 唐亮 冯晨 于洋 董蕾 萧然 程远 曹阳 "
        "袁野 邓超 许晴 傅强 沈冰 曾毅 彭丽 吕凯 苏畅 卢颖 蒋平 蔡琳 贾平 丁一"
    ),
    "subject": _w(
        "当地政府 有关部门 科研团队 社区居民 合作社 不少企业 多所高校 基层干部 志愿者 年轻人 "
        "农技人员 项目负责人 专家学者 工作人员 村民们 老师们 监管部门 金融机构 商务部门 "
        "文旅部门 交通部门 街道办 物业公司 市场主体 外贸企业 医护人员 快递小哥 退役军人"
    ),
    "verb": _w(
        "积极推进 持续完善 加快建设 认真落实 着力打造 深入开展 不断优化 大力发展 逐步建立 "
        "全面提升 稳步推动 统筹安排 扎实推进 精心组织 有序推进 探索建立 大力推广 集中整治"
    ),
    "object": _w(
        "农田水利设施 城乡公交网络 社区养老服务 数字化管理平台 职业技能培训 生态修复工程 "
        "中小学课后服务 特色产业园区 文化惠民活动 应急保障体系 老旧小区改造 冷链物流体系 "
        "跨境电商业务 普惠金融服务 智能制造产线 高标准农田 充电基础设施 便民服务网点 "
        "消费帮扶机制 文物保护利用 防汛抗旱准备 营商环境建设"
    ),
    "tail": _w(
        "取得了明显成效 群众满意度不断提高 为下一步工作打下了基础 受到广泛欢迎 "
        "带动了周边村民增收 形成了可复制的经验 让群众得到了实惠 效率比去年提高了三成 "
        "惠及上万户家庭 吸引了大批游客 企业订单明显增加 服务范围覆盖全市"
    ),
    "topic": _w(
        "春耕 夜经济 冰雪旅游 文物保护 乡村振兴 家门口就业 智慧医疗 垃圾分类 古村落 新能源汽车 "
        "校园足球 非遗传承 稻田养鱼 社区食堂 银发经济 低空经济 数字乡村 绿色出行 口袋公园 "
        "县域商业 预制菜 老字号 研学游 候鸟经济"
    ),
    "stock": _w("沪指 深成指 创业板指 科创50 北证50 恒生指数 沪深300 中证500"),
    "sector": _w(
        "半导体 新能源车 光伏 银行 保险 券商 白酒 医药 军工 煤炭 有色金属 房地产 消费电子 "
        "人工智能 机器人 电力 钢铁 旅游酒店"
    ),
    "column": _w(
        "今日谈 人民时评 评论员观察 新春走基层 记者调查 一线见闻 民生观察 锐评 财经观察 "
        "市场观察 理财课堂 楼市观察 城事 社区 热点追踪 百姓话题"
    ),
}


def _halve(half: str) -> dict[str, list[str]]:
    """One half of every word list: dev draws from even places, held-out from odd ones."""
    k = HALVES.index(half)
    return {key: words[k::2] for key, words in _BANK.items()}


class _Writer:
    """Random but reproducible newspaper language from one half of the word lists."""

    def __init__(self, rng: random.Random, half: str) -> None:
        self.r = rng
        self.bank = _halve(half)

    def pick(self, key: str) -> str:
        return self.r.choice(self.bank[key])

    def name(self) -> str:
        return self.pick("name")

    def date(self) -> str:
        return f"{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日"

    def sentence(self) -> str:
        r = self.r
        forms = [
            lambda: f"{self.pick('subject')}{self.pick('verb')}{self.pick('object')}",
            lambda: f"今年以来，{self.pick('place')}{self.pick('verb')}{self.pick('object')}",
            lambda: f"据统计，{self.pick('place')}已建成{self.pick('object')}{r.randint(2, 900)}处",
            lambda: (
                f"在{self.pick('place')}，{self.pick('subject')}围绕{self.pick('topic')}"
                f"{self.pick('verb')}{self.pick('object')}"
            ),
            lambda: f"{self.pick('topic')}的兴起，让{self.pick('subject')}看到了新的机会",
        ]
        text = r.choice(forms)()
        if r.random() < 0.6:
            text += "，" + self.pick("tail")
        if r.random() < 0.2:
            text = f"{self.date()}，" + text
        if r.random() < 0.2:
            text = f"“{text}。”{self.name()}说"
        elif r.random() < 0.1:
            text += f"，同比增长{r.randint(1, 40)}.{r.randint(0, 9)}%"
        return text + "。"

    def paragraph(self, lo: int = 2, hi: int = 4) -> str:
        return "".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def title(self) -> str:
        r = self.r
        forms = [
            lambda: f"{self.pick('place')}{self.pick('verb')}{self.pick('object')}",
            lambda: f"{self.pick('topic')}带来新活力",
            lambda: f"让{self.pick('topic')}走进千家万户",
            lambda: f"{self.pick('object')}跑出加速度",
            lambda: f"{self.pick('topic')}“热”起来",
            lambda: f"{self.pick('place')}：{self.pick('topic')}成为新名片",
            lambda: f"以{self.pick('object')}助力{self.pick('topic')}",
        ]
        return r.choice(forms)()

    def long_line(self) -> str:
        """A kicker or subheadline: a clause, often with a comma or a space inside."""
        r = self.r
        a = f"{self.pick('subject')}{self.pick('verb')}{self.pick('object')}"
        b = f"{self.pick('topic')}{self.pick('tail')}"
        return r.choice((a, f"{a}，{b}", f"{a} {b}", f"{self.pick('place')}{self.pick('tail')}"))

    def intertitle(self) -> str:
        r = self.r
        a = f"{self.pick('verb')}{self.pick('object')}"
        return r.choice((a, f"{a}，{self.pick('tail')}", f"{a} {self.pick('topic')}见实效"))


class _Page:
    """A page under construction: paragraphs with their gold, written out in one form."""

    def __init__(self) -> None:
        self.paras: list[tuple[str, str, bool, bool]] = []  # text, role, new article, furniture
        self.cuttable: list[bool] = []

    def add(self, text: str, role: str, *, new: bool = False, cut: bool = False) -> None:
        self.paras.append((text, role, new, False))
        self.cuttable.append(cut)

    def furniture(self, text: str) -> None:
        self.paras.append((text, "other", False, True))
        self.cuttable.append(False)

    def body(self, w: _Writer, count: int, lo: int = 2, hi: int = 4) -> None:
        for _ in range(count):
            self.add(w.paragraph(lo, hi), "body", cut=True)


class _Out:
    """Text and gold blocks being written."""

    def __init__(self) -> None:
        self.text = ""
        self.blocks: list[Block] = []
        self.article = 0

    def put(self, raw: str, lead: str, role: str, article: int | None, join: bool) -> None:
        if self.text:
            self.text += "\n"
        start = len(self.text) + len(lead)
        self.text += lead + raw
        self.blocks.append(Block(start, len(self.text), role, article, join))


_NO_LINE_START = frozenset("，。、；：！？”）》")
# Where the ``cut`` form's column break falls: at the end of a printed line of the paragraph
# (True: a column ends on a full line, so the cut falls a multiple of the column width into
# the paragraph, after its first line's indent) or, as this bench was first written, at any
# character (False: 8-10% of the second parts then opened with punctuation, which no column
# does). ``structure_real.py --cut-anywhere`` scores the old way.
CUT_AT_LINE_END = True
_CUT_INDENT = 2  # the room a paragraph's first line leaves to its indent


def _cut_at(rng: random.Random, text: str, width: int) -> int | None:
    """Where a column break cuts a paragraph (``None``: nowhere it could).

    A draw anywhere but next to its ends (the first form of this bench), moved to the nearest
    end of a printed line of the paragraph set ``width`` wide (see ``CUT_AT_LINE_END``): the
    same draws give the same pages in either mode.
    """
    at = rng.randint(6, len(text) - 6)
    if not CUT_AT_LINE_END:
        return at
    ends, k = [], 0
    for line in _wrap(text, width, _CUT_INDENT).split("\n")[:-1]:
        k += len(line)
        if text[k] not in _NO_LINE_START:
            ends.append(k)
    return min(ends, key=lambda e: (abs(e - at), e)) if ends else None


def _wrap(text: str, width: int, indent: int = 0) -> str:
    """Visual lines of ``width``; punctuation that may not open a line hangs at the line end.
    Two marks or more in a row (…增长。”) do not hang: the line's last character goes down
    with them (typesetting's push-out), as no line opens with a closing mark; hanging the
    first alone left a line of a lone ” that the reflow kept as a paragraph of its own.

    The first line leaves ``indent`` characters of the column to the indentation.
    """
    lines: list[str] = []
    k = 0
    while k < len(text):
        end = k + width - (indent if k == 0 else 0)
        if end + 1 < len(text) and text[end] in _NO_LINE_START and text[end + 1] in _NO_LINE_START:
            while end > k + 1 and text[end] in _NO_LINE_START:
                end -= 1
        elif end < len(text) and text[end] in _NO_LINE_START:
            end += 1
        lines.append(text[k:end])
        k = end
    return "\n".join(lines)


def _write(page: _Page, form: str, rng: random.Random) -> tuple[str, list[Block]]:
    out = _Out()
    width = rng.randint(13, 24)
    wrapped = form in WRAP_FORMS
    # Half the wrapped pages keep the two-character first-line indent as 　　; on the others
    # the converter dropped it: in ``wrap`` the first line still leaves the indent's room
    # (the page was set with it, as Chinese papers set body text), in ``wrapflat`` it does
    # not (the first, harder form of this bench; same random draws, so same pages).
    indent = wrapped and rng.random() < 0.5
    for (text, role, new, furniture), cuttable in zip(page.paras, page.cuttable, strict=True):
        if furniture:
            out.put(text, "", "other", None, False)
            continue
        if new:
            out.article += 1
        article = out.article
        room = 2 if indent or form == "wrap" else 0
        # (wrapflat keeps its first rule: a paragraph one or two characters short of the column
        # stands on one line, its indent overhanging)
        if wrapped and role == "body" and len(text) > width - (room if form == "wrap" else 0):
            lead = "\u3000\u3000" if indent else ""
            out.put(_wrap(text, width, room), lead, role, article, False)
        elif (
            form == "cut"
            and cuttable
            and len(text) > 24
            and rng.random() < 0.3
            and (at := _cut_at(rng, text, width)) is not None
        ):
            out.put(text[:at], "", role, article, False)
            out.put(text[at:], "", role, article, True)
        else:
            lead = "\u3000\u3000" if indent and role == "body" else ""
            out.put(text, lead, role, article, False)
    return out.text, out.blocks


# --- daily --------------------------------------------------------------------------------

_WEEKDAYS = "一二三四五六日"


def _header(w: _Writer, page: _Page, paper: str, section: str) -> None:
    r = w.r
    day = f"2025年{w.date()} 星期{r.choice(_WEEKDAYS)}"
    num = r.randint(2, 20)
    forms = (
        f"{day} 第{num}版",
        f"{paper} {day}",
        f"{day} 第{num:02d}版 {section}",
    )
    page.furniture(r.choice(forms))
    if r.random() < 0.5:
        page.furniture(section)


def _daily_story(page: _Page, w: _Writer) -> None:
    r = w.r
    first = True
    if r.random() < 0.3:
        page.add(w.long_line(), "kicker", new=True)
        first = False
    head = w.title()
    if r.random() < 0.2:
        head += f"（{w.pick('column')}）"
    page.add(head, "headline", new=first)
    if r.random() < 0.35:
        page.add(w.long_line(), "subheadline")
    lead_form = r.random()
    if lead_form < 0.4:
        page.add(f"本报记者  {w.name()}  {w.name()}", "byline")
        page.body(w, 1)
    elif lead_form < 0.75:
        page.add(
            f"本报{w.pick('place')}{w.date()}电  （记者{w.name()}）{w.paragraph()}",
            "body",
            cut=True,
        )
    else:
        page.add(
            f"新华社{w.pick('place')}{w.date()}电（记者{w.name()}、{w.name()}）{w.paragraph()}",
            "body",
            cut=True,
        )
    page.body(w, r.randint(1, 3))
    if r.random() < 0.4:
        for _ in range(r.randint(2, 3)):
            page.add(w.intertitle(), "intertitle")
            page.body(w, r.randint(1, 2))
    end = r.random()
    if end < 0.25:
        page.add(
            f"图为{w.date()}，{w.pick('subject')}在{w.pick('place')}{w.pick('verb')}"
            f"{w.pick('object')}。",
            "caption",
        )
        page.add(f"新华社记者 {w.name()}摄", "caption")
    elif end < 0.45:
        page.add(f"（本报记者 {w.name()}）", "byline")


def _daily_comment(page: _Page, w: _Writer) -> None:
    r = w.r
    page.add(w.pick("column"), "kicker", new=True)
    page.add(w.title(), "headline")
    page.add("本报评论员" if r.random() < 0.5 else w.name(), "byline")
    page.body(w, r.randint(2, 4))


def _daily(page: _Page, w: _Writer) -> None:
    _header(w, page, "人民日报", w.r.choice(("要闻", "综合", "经济", "社会")))
    for _ in range(w.r.randint(3, 5)):
        (_daily_comment if w.r.random() < 0.2 else _daily_story)(page, w)
    page.furniture(f"本版责编：{w.name()}  {w.name()}")


# --- metro --------------------------------------------------------------------------------


def _metro_story(page: _Page, w: _Writer) -> None:
    r = w.r
    stack = r.random()
    if stack < 0.4:
        page.add(w.long_line(), "kicker", new=True)
        page.add(w.title(), "headline")
        page.add(w.long_line(), "subheadline")
    elif stack < 0.7:
        page.add(w.title(), "headline", new=True)
        page.add(w.long_line(), "subheadline")
    else:
        page.add(w.title(), "headline", new=True)
    by = r.random()
    if by < 0.4:
        page.add(f"记者 {w.name()} 通讯员 {w.name()}", "byline")
    elif by < 0.7:
        page.add(f"□记者 {w.name()} 文/图", "byline")
    else:
        page.add(f"本报记者 {w.name()} 实习生 {w.name()}", "byline")
    page.body(w, r.randint(1, 3))
    if r.random() < 0.35:
        for label in r.sample(("现场", "探访", "声音", "记者手记", "链接"), r.randint(2, 3)):
            page.add(f"【{label}】", "intertitle")
            page.body(w, r.randint(1, 2))
    if r.random() < 0.4:
        page.add(
            f"▲{w.pick('subject')}在{w.pick('place')}{w.pick('verb')}{w.pick('object')}。",
            "caption",
        )
        page.add(f"{w.name()} 摄", "caption")


def _metro_briefs(page: _Page, w: _Writer) -> None:
    page.furniture("新闻速览")
    for _ in range(w.r.randint(2, 4)):
        page.add(f"● {w.paragraph(1, 2)}", "body", new=True)


def _metro(page: _Page, w: _Writer) -> None:
    r = w.r
    page.furniture(
        f"A{r.randint(2, 24):02d} {r.choice(('城事', '民生', '社会'))} 2025年{w.date()} "
        f"星期{r.choice(_WEEKDAYS)} 责编 {w.name()} 美编 {w.name()}"
    )
    for k in range(r.randint(3, 5)):
        (_metro_briefs if k == 2 and r.random() < 0.4 else _metro_story)(page, w)


# --- finance ------------------------------------------------------------------------------


def _table(page: _Page, w: _Writer) -> None:
    r = w.r
    page.add(f"{w.pick('sector')}板块{r.randint(2024, 2025)}年主要指标", "intertitle")
    page.add("指标 数值 同比", "body")
    for label in r.sample(("营业收入", "净利润", "总资产", "研发投入", "出口额"), 3):
        page.add(
            f"{label} {r.randint(10, 999)}.{r.randint(0, 9)}亿元 "
            f"{r.choice('+-')}{r.randint(1, 30)}.{r.randint(0, 9)}%",
            "body",
        )


def _finance_head(w: _Writer) -> str:
    r = w.r
    mark = r.random()
    head = w.title()
    if mark < 0.3:
        head = f"【{w.pick('column')}】{head}"
    elif mark < 0.5:
        head = f"■ {head}"
    elif mark < 0.7:
        head = f"{w.pick('stock')}收涨{r.randint(0, 3)}.{r.randint(10, 99)}% {w.pick('sector')}板块领涨"
    return head


def _finance_story(page: _Page, w: _Writer) -> None:
    r = w.r
    page.add(_finance_head(w), "headline", new=True)
    if r.random() < 0.3:
        page.add("——" + w.long_line(), "subheadline")
    if r.random() < 0.2:
        page.add("编者按：" + w.paragraph(1, 2), "body")
    page.add(f"本报记者 {w.name()}" if r.random() < 0.6 else f"■记者 {w.name()}", "byline")
    page.body(w, r.randint(1, 2))
    _finance_inner(page, w)
    if r.random() < 0.3:
        page.add(r.choice(("相关链接", "延伸阅读")), "intertitle")
        page.body(w, 1, 1, 2)


def _finance_inner(page: _Page, w: _Writer) -> None:
    """Numbered intertitles, a Q&A or a table of figures inside a financial story."""
    r = w.r
    inner = r.random()
    if inner < 0.3:
        numbers = r.choice((("一、", "二、", "三、"), ("1.", "2.", "3.")))
        for k in numbers[: r.randint(2, 3)]:
            page.add(f"{k}{w.intertitle()}", "intertitle")
            page.body(w, r.randint(1, 2))
    elif inner < 0.5:
        for _ in range(r.randint(2, 3)):
            page.add(f"问：{w.pick('topic')}对{w.pick('object')}有什么影响？", "body")
            page.add("答：" + w.paragraph(1, 3), "body", cut=True)
    elif inner < 0.65:
        _table(page, w)


def _finance(page: _Page, w: _Writer) -> None:
    r = w.r
    _header(w, page, "经济观察报", w.pick("column"))
    if r.random() < 0.4:
        page.furniture(f"（上接第{r.randint(1, 3)}版）")
        page.add(w.paragraph(), "body", new=True, cut=True)
        page.body(w, 1)
    for _ in range(r.randint(2, 4)):
        _finance_story(page, w)
    if r.random() < 0.4:
        page.furniture(f"（下转第{r.randint(4, 9)}版）")
    page.furniture(f"责任编辑：{w.name()}  校对：{w.name()}")


_STYLES = {"daily": _daily, "metro": _metro, "finance": _finance}


def compose(style: str, half: str, rng: random.Random, form: str) -> tuple[str, list[Block]]:
    """One page of ``style`` in text form ``form``: its text and gold blocks."""
    page = _Page()
    _STYLES[style](page, _Writer(rng, half))
    return _write(page, form, rng)


def pages(
    style: str, half: str, count: int, forms: tuple[str, ...] = FORMS
) -> Iterator[tuple[str, str, list[Block], str]]:
    """``count`` pages of ``style`` from ``half``: ``(page_id, text, gold blocks, form)``, the
    forms taken in turn (``wrapflat`` in the place of ``wrap`` gives the same pages)."""
    rng = random.Random(f"{style}:{half}:{HALVES.index(half) * 7919}")
    for i in range(count):
        form = forms[i % len(forms)]
        text, blocks = compose(style, half, rng, form)
        yield f"{style}_{half}_{i:04d}", text, blocks, form
