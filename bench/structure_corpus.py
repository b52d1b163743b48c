"""Composed newspaper pages of four invented papers, each in its own house style, with gold.

The pages are written by this generator (invented news, no text copied from any paper) in
the conventions that differ between real papers and that the rules alone cannot know:

* ``north``: one paragraph a line; kicker ending in —— over some headlines, subheadline,
  ``本报记者`` byline, ``本报讯`` leads, intertitles between body paragraphs, photo credits
  with the name first (``张三摄``), bracketed datelines at the end (``（本报某地某月某日电）``);
* ``east``: one paragraph a line; headlines with a comma, a colon or a column tag
  (``（新春走基层）``), ``——`` subheadlines, an unpunctuated standfirst and ``■`` summary
  bullets under the headline, dateline leads, ``（…整理）`` end notes;
* ``south``: blank lines between paragraphs; an unmarked two-line heading that is headline
  + subheadline, ``文/图 记者`` bylines, captions ``某某摄（来源）``, ``（执笔：…）`` notes;
* ``west``: one paragraph a line; an unmarked two-line heading that is *kicker* + headline
  (the other convention), ``■ 记者`` bylines, numbered intertitles (一、…), a news-in-brief
  column with ● items, 2-4 character headings.

Paragraphs are cut by simulated column breaks (one line ends mid-sentence, the next line
continues it: ``joins_previous``). ``pages(paper, count, seed)`` yields
``(page_id, text, gold blocks)``; the same arguments always give the same pages.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from annotator.model import Block

PAPERS = ("north", "east", "south", "west")


def _words(text: str) -> list[str]:
    return text.split()


_PLACES = _words("北京 上海 广州 成都 西安 杭州 南京 武汉 长沙 昆明 兰州 济南 郑州 合肥 福州 沈阳")
_SUBJECTS = _words(
    "当地政府 有关部门 科研团队 社区居民 合作社 不少企业 多所高校 基层干部 志愿者 年轻人 "
    "农技人员 项目负责人 专家学者 工作人员 村民们 老师们"
)
_VERBS = _words(
    "积极推进 持续完善 加快建设 认真落实 着力打造 深入开展 不断优化 大力发展 逐步建立 "
    "全面提升 稳步推动 统筹安排"
)
_OBJECTS = _words(
    "农田水利设施 城乡公交网络 社区养老服务 数字化管理平台 职业技能培训 生态修复工程 "
    "中小学课后服务 特色产业园区 文化惠民活动 应急保障体系 老旧小区改造 冷链物流体系"
)
_TAILS = _words(
    "取得了明显成效 群众满意度不断提高 为下一步工作打下了基础 受到广泛欢迎 "
    "带动了周边村民增收 形成了可复制的经验 让群众得到了实惠 效率比去年提高了三成"
)
_NAMES = _words(
    "张明 李华 王建国 刘洋 陈静 杨帆 赵磊 黄蕾 周婷 吴昊 徐亮 孙悦 马丽 朱峰 胡杰 郭靖 "
    "林晓 何平 高远 罗敏"
)
_TOPICS = _words(
    "春耕 夜经济 冰雪旅游 文物保护 乡村振兴 家门口就业 智慧医疗 垃圾分类 古村落 新能源汽车 "
    "校园足球 非遗传承 稻田养鱼 社区食堂"
)
_COLUMNS = ("新春走基层", "记者调查", "一线见闻", "奋进新征程")
_MONTHS = range(1, 13)


class _Page:
    """A page under construction: text and gold blocks with their offsets."""

    def __init__(self, sep: str) -> None:
        self.sep = sep
        self.text = ""
        self.blocks: list[Block] = []
        self.article = 0

    def add(self, line: str, role: str, *, new: bool = False, join: bool = False) -> None:
        if self.text:
            self.text += self.sep
        start = len(self.text)
        self.text += line
        if new:
            self.article += 1
        self.blocks.append(Block(start, len(self.text), role, self.article, join))

    def furniture(self, line: str) -> None:
        if self.text:
            self.text += self.sep
        start = len(self.text)
        self.text += line
        self.blocks.append(Block(start, len(self.text), "other", None, False))


class _Writer:
    """Random but reproducible newspaper language."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def pick(self, words: list[str] | tuple[str, ...]) -> str:
        return self.r.choice(list(words))

    def sentence(self) -> str:
        r = self.r
        parts = [self.pick(_SUBJECTS), self.pick(_VERBS), self.pick(_OBJECTS)]
        text = "".join(parts)
        if r.random() < 0.6:
            text += "，" + self.pick(_TAILS)
        if r.random() < 0.3:
            text = f"{r.choice(_MONTHS)}月{r.randint(1, 28)}日，" + text
        if r.random() < 0.25:
            text = f"“{text}”，{self.name()}说"
        return text + "。"

    def paragraph(self, lo: int = 2, hi: int = 4) -> str:
        return "".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def name(self) -> str:
        return self.pick(_NAMES)

    def title(self) -> str:
        r = self.r
        forms = [
            lambda: f"{self.pick(_PLACES)}{self.pick(_VERBS)}{self.pick(_OBJECTS)}",
            lambda: f"{self.pick(_TOPICS)}带来新活力",
            lambda: f"让{self.pick(_TOPICS)}走进千家万户",
            lambda: f"{self.pick(_OBJECTS)}跑出加速度",
            lambda: f"{self.pick(_PLACES)}{self.pick(_TOPICS)}观察",
        ]
        return r.choice(forms)()

    def short_title(self) -> str:
        return self.pick(_TOPICS) + self.r.choice(("新篇", "有方", "见效", ""))

    def date(self) -> str:
        return f"{self.r.choice(_MONTHS)}月{self.r.randint(1, 28)}日"


def _body(page: _Page, w: _Writer, count: int, *, cut: float = 0.15) -> None:
    """Body paragraphs, some cut in two by a column break (the second half joins)."""
    for _ in range(count):
        para = w.paragraph()
        if len(para) > 30 and w.r.random() < cut:
            at = w.r.randint(10, len(para) - 10)
            while para[at - 1] in "，。、；：“”" or para[at] in "，。、；：“”":
                at += 1
            page.add(para[:at], "body")
            page.add(para[at:], "body", join=True)
        else:
            page.add(para, "body")


def _north_article(page: _Page, w: _Writer) -> None:
    r = w.r
    if r.random() < 0.4:
        page.add(w.title() + "——", "kicker", new=True)
        page.add(w.title(), "headline")
    else:
        page.add(w.title(), "headline", new=True)
    if r.random() < 0.4:
        page.add(w.title() + w.pick(_TAILS), "subheadline")
    page.add(f"本报记者 {w.name()} {w.name()}", "byline")
    page.add("本报讯 " + w.paragraph(), "body")
    _body(page, w, r.randint(1, 3))
    if r.random() < 0.5:
        for _ in range(r.randint(1, 3)):
            page.add(w.short_title(), "intertitle")
            _body(page, w, r.randint(1, 2))
    if r.random() < 0.35:
        page.add(f"{w.name()}摄", "caption")
    elif r.random() < 0.4:
        page.add(f"（本报{w.pick(_PLACES)}{w.date()}电）", "byline")


def _east_article(page: _Page, w: _Writer) -> None:
    r = w.r
    form = r.random()
    if form < 0.3:
        head = f"{w.pick(_TOPICS)}，{w.pick(_OBJECTS)}怎么建"
    elif form < 0.55:
        head = f"{w.pick(_TOPICS)}：{w.title()}"
    elif form < 0.75:
        head = f"{w.title()}（{w.pick(_COLUMNS)}）"
    else:
        head = f"{w.pick(_TOPICS)} {w.title()}"
    page.add(head, "headline", new=True)
    if r.random() < 0.5:
        page.add("——" + w.title(), "subheadline")
    if r.random() < 0.5:
        page.add(f"{w.pick(_SUBJECTS)}{w.pick(_VERBS)}{w.pick(_OBJECTS)}", "subheadline")
    if r.random() < 0.4:
        for _ in range(r.randint(2, 3)):
            page.add(f"■ {w.pick(_SUBJECTS)}{w.pick(_VERBS)}{w.pick(_OBJECTS)}", "subheadline")
    page.add(f"本报{w.pick(_PLACES)}{w.date()}电（记者 {w.name()}）{w.paragraph()}", "body")
    _body(page, w, r.randint(1, 4))
    if r.random() < 0.4:
        page.add(f"（{w.name()} {w.name()}整理）", "byline")


def _south_article(page: _Page, w: _Writer) -> None:
    r = w.r
    page.add(w.title(), "headline", new=True)
    page.add(f"{w.pick(_SUBJECTS)}{w.pick(_VERBS)}{w.pick(_OBJECTS)}", "subheadline")
    page.add(f"文/图 记者 {w.name()}", "byline")
    _body(page, w, r.randint(2, 4), cut=0.1)
    if r.random() < 0.5:
        page.add(f"{w.name()}摄（{w.pick(_PLACES)}日报供图）", "caption")
    if r.random() < 0.4:
        page.add(f"（执笔：{w.name()}）", "byline")


def _west_article(page: _Page, w: _Writer) -> None:
    r = w.r
    page.add(f"{w.pick(_PLACES)}{w.pick(_TOPICS)}", "kicker", new=True)
    page.add(w.title(), "headline")
    page.add(f"■ 记者 {w.name()} 通讯员 {w.name()}", "byline")
    _body(page, w, r.randint(1, 2))
    if r.random() < 0.6:
        for k in "一二三"[: r.randint(2, 3)]:
            page.add(f"{k}、{w.short_title()}", "intertitle")
            _body(page, w, 1)


def _west_brief(page: _Page, w: _Writer) -> None:
    page.furniture("简讯")
    for _ in range(w.r.randint(2, 4)):
        page.add(f"● {w.paragraph(1, 2)}", "body", new=True)


_ARTICLES = {
    "north": _north_article,
    "east": _east_article,
    "south": _south_article,
    "west": _west_article,
}
_SEPARATORS = {"north": "\n", "east": "\n", "south": "\n\n", "west": "\n"}
_NAMES_OF_PAPERS = {
    "north": "北方日报",
    "east": "东方晚报",
    "south": "南方都市报",
    "west": "西部时报",
}


def compose(paper: str, rng: random.Random) -> tuple[str, list[Block]]:
    """One page of ``paper``: its text and gold blocks."""
    w = _Writer(rng)
    page = _Page(_SEPARATORS[paper])
    page.furniture(f"{_NAMES_OF_PAPERS[paper]} 2024年{w.date()} 第{rng.randint(2, 12)}版")
    for k in range(rng.randint(3, 5)):
        if paper == "west" and k == 2 and rng.random() < 0.5:
            _west_brief(page, w)
        else:
            _ARTICLES[paper](page, w)
    page.furniture(f"责任编辑：{w.name()}")
    return page.text, page.blocks


def pages(paper: str, count: int, seed: int = 0) -> Iterator[tuple[str, str, list[Block]]]:
    """``count`` composed pages of ``paper``: ``(page_id, text, gold blocks)``."""
    rng = random.Random(f"{paper}:{seed}")
    for i in range(count):
        text, blocks = compose(paper, rng)
        yield f"{paper}_{seed}_{i:04d}", text, blocks
