"""The structure model: a linear-chain CRF over the blocks of a page (python-crfsuite).

The rules (``annotator.split``) cut a page into paragraph blocks and decide role, article
start and join for each. This model re-decides the three for the same blocks, learning from
the pages reviewers marked done. Its features are the rules' own decisions and confidences,
general typographic cues of the line and of its neighbours (length against the page's usual
line length, final punctuation, brackets, colons, commas and 、, ■ bullets, leads and
datelines, photo credits, bylines, the place in a run of title-like lines, the pattern of
rule roles of a run of heading lines) and, for joins,
whether a word (jieba) runs across the boundary with the previous paragraph. The key
features are also conjoined with the page's newspaper, so that each paper keeps its own
conventions (an unmarked first heading line is one paper's kicker and another's headline).

One CRF with combined labels decides all three at once (``O`` for furniture, else
``role:B`` / ``role:I`` for an article's first / other block, ``:J`` added to a body block
that continues the previous paragraph): one Viterbi path gives decisions that agree, and
:func:`decode` turns any label sequence into a valid split (articles numbered 1..k in page
order, joins only inside an article after a body block, furniture as role ``other``).

Training is deterministic: fixed parameters, pages in a fixed order (by id), features in a
fixed order; the same pages give the same model bytes.

Safety: a model must never make a decision worse than the rules made it. ``annotator train``
cross-validates first; the model then takes over each decision (role, article start, join)
only where its held-out score was at least the rules' (:func:`takeover`): per paper when that
paper has ``PAPER_MIN_PAGES`` done pages, else over all papers. Elsewhere the rules' decision
stands (:func:`mix`). The choice is kept in the model's header.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import tempfile
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Any, NamedTuple

import pycrfsuite

from annotator.learn import GoldPages
from annotator.learn.structure_scores import score_pages
from annotator.model import ROLES, Block
from annotator.model import fast_block as _block
from annotator.split import cues
from annotator.split.page import analyse_page
from annotator.split.shapes import Shape
from annotator.split.words import word_across

KIND = "structure"
MIN_PAGES = 5
# 2: the header names the decisions the model takes over (``takeover``); older models are
# refused (they would take over every decision, unchecked) and must be trained again.
VERSION = 5
# 3: features say whether a word runs from a block into the next (word_out) and whether the
# block above ended a sentence (after_final), each with the block's rule role; a model of
# version 2 lacks them and must be trained again.
# 4: the features of version 3, a name longer than CRFsuite keeps without an allocation read
# as its code (:func:`_code`); a model of version 3 still splits the same (slower: its
# features are handed over by name, see :meth:`StructureModel.predict`).
# 5: a heading line reads its run of heading lines as one pattern of rule roles with its
# place in it (``grp=HS@0``, :func:`_groups`), in the place of what the other lines of the
# run show of themselves; a model of version 3 or 4 is handed the features of its version
# (:func:`page_features`) and splits as it did.
NAMED_VERSION = 3
GROUPLESS_VERSIONS = frozenset((3, 4))
STALE = "not a structure model of this version; retrain with 'annotator train'"
# A paper's own cross-validation decides for it from this many done pages of it; a paper
# with fewer follows the choice made over all papers (a few pages score too noisily).
PAPER_MIN_PAGES = 10
# The three decisions, each with the cross-validation figure that judges it.
DECISIONS: tuple[str, ...] = ("role", "start", "join")
DECISION_FIGURES: dict[str, tuple[str, str]] = {
    "role": ("role", "accuracy"),
    "start": ("article_start", "f1"),
    "join": ("join", "f1"),
}
_MAGIC = b"annotator-structure\n"

# Fixed training parameters (deterministic L-BFGS; light L1 keeps the model small).
TRAIN_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 120,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}

OUTSIDE = "O"
_SURE = 0.9  # a label this likely needs no marginals of the others
_HEADING_ROLES = frozenset(("kicker", "headline", "subheadline", "intertitle"))

# --- labels ---------------------------------------------------------------------------


def label_of(role: str, article: int | None, start: bool, join: bool) -> str:
    """The combined label of one block's three decisions."""
    if article is None:
        return OUTSIDE
    return f"{role}:{'B' if start else 'I'}{':J' if join and role == 'body' else ''}"


@lru_cache(maxsize=256)  # a model has a dozen labels; decode reads one per block
def parse_label(label: str) -> tuple[str, bool, bool] | None:
    """``(role, starts an article, joins)`` of a label, None for furniture."""
    if label == OUTSIDE:
        return None
    parts = label.split(":")
    role = parts[0] if parts[0] in ROLES else "body"
    return role, parts[1:2] == ["B"], parts[2:3] == ["J"]


def gold_labels(rule_blocks: Sequence[Block], gold: Sequence[Block]) -> list[str]:
    """The gold label of each rule block: from the gold block that holds its start.

    Reviewers may split or merge blocks; a rule block that starts inside a gold block
    continues it (a join when it is body text), one that starts where no gold block is
    (blank text) is furniture.
    """
    ordered = sorted(gold, key=lambda b: b.start)
    firsts: set[int] = set()
    seen: set[int] = set()
    for b in ordered:
        if b.article is not None and b.article not in seen:
            seen.add(b.article)
            firsts.add(b.start)
    out = []
    k = 0
    for r in rule_blocks:
        while k + 1 < len(ordered) and ordered[k + 1].start <= r.start:
            k += 1
        g = ordered[k] if ordered and ordered[k].start <= r.start < ordered[k].end else None
        if g is None or g.article is None:
            out.append(OUTSIDE)
            continue
        inside = r.start > g.start
        start = not inside and g.start in firsts
        join = inside or g.joins_previous
        out.append(label_of(g.role, g.article, start, join))
    return out


def decode(
    rule_blocks: Sequence[Block], labels: Sequence[str], confidences: Sequence[dict[str, float]]
) -> list[Block]:
    """Blocks of the rule ranges with the decisions of ``labels``: always a valid split."""
    return assemble(rule_blocks, [parse_label(label) for label in labels], confidences)


# A block's three decisions: (role, starts an article, joins); None for furniture.
Decided = tuple[str, bool, bool] | None


def assemble(
    rule_blocks: Sequence[Block],
    decided: Sequence[Decided],
    confidences: Sequence[dict[str, float]],
) -> list[Block]:
    """Blocks of the rule ranges with the given decisions, made valid: articles numbered
    1..k in page order, joins only inside an article with a body block before, furniture
    as role ``other``."""
    out: list[Block] = []
    count = 0
    current: int | None = None
    has_body: set[int] = set()  # articles with a body block so far
    for r, parsed, conf in zip(rule_blocks, decided, confidences, strict=True):
        if parsed is None:
            out.append(_block(r.start, r.end, "other", None, False, conf))
            continue
        role, starts, joins = parsed
        if starts or current is None:
            count += 1
            current = count
        joins = joins and role == "body" and current in has_body
        if role == "body":
            has_body.add(current)
        out.append(_block(r.start, r.end, role, current, joins, conf))
    return out


def _starts(blocks: Sequence[Block]) -> list[bool]:
    """Whether each block is the first of its article."""
    seen: set[int] = set()
    out = []
    for b in blocks:
        article = b.article
        first = article is not None and article not in seen
        if article is not None:
            seen.add(article)
        out.append(first)
    return out


ALL_DECISIONS = frozenset(DECISIONS)


def mix(rules: Sequence[Block], model: Sequence[Block], taken: frozenset[str]) -> list[Block]:
    """Each block's decisions from the model where it takes them over (``taken``: some of
    ``DECISIONS``), else the rules', each with its own confidence; always a valid split.

    Whether a block is furniture goes with the article starts (both say where articles
    are). ``rules`` and ``model`` are blocks of the same ranges.
    """
    if taken >= ALL_DECISIONS:
        return list(model)
    if not taken:
        return list(rules)
    by_role = model if "role" in taken else rules
    by_start = model if "start" in taken else rules
    by_join = model if "join" in taken else rules
    firsts = _starts(by_start)
    decided: list[Decided] = []
    confidences = []
    for i, b in enumerate(by_start):
        r, j = by_role[i], by_join[i]
        decided.append(None if b.article is None else (r.role, firsts[i], j.joins_previous))
        confidences.append(
            {
                "role": r.confidences.get("role", 1.0),
                "boundary": b.confidences.get("boundary", 1.0),
                "join": j.confidences.get("join", 1.0),
            }
        )
    return assemble(rules, decided, confidences)


def takeover(figures: dict[str, Any] | None) -> dict[str, Any] | None:
    """The decisions the model takes over from the rules, from :func:`cross_validate`'s
    figures: those where its held-out score is at least the rules' (role accuracy, article
    start F1, join F1), over all papers (``all``) and for each paper with at least
    ``PAPER_MIN_PAGES`` done pages (``papers``). None (every decision) without figures."""
    if not figures or "rules" not in figures or "model" not in figures:
        return None
    papers = {
        paper: _better(scores["rules"], scores["model"])
        for paper, scores in sorted((figures.get("papers") or {}).items())
        if scores.get("pages", 0) >= PAPER_MIN_PAGES
    }
    return {"all": _better(figures["rules"], figures["model"]), "papers": papers}


class TakeoverScope(NamedTuple):
    """Which decisions the pre-split takes from the model for some pages, and which stay
    with the rules. ``scope`` is ``"unjudged"`` (no cross-validation figures: the model takes
    every decision), ``"all"`` (every paper, none judged alone), ``"paper"`` (one paper judged
    on its own ``pages`` done pages) or ``"others"`` (the papers with fewer)."""

    scope: str
    paper: str | None
    pages: int | None
    model: tuple[str, ...]
    rules: tuple[str, ...]


def takeover_scopes(figures: dict[str, Any] | None) -> list[TakeoverScope]:
    """:func:`takeover` as the facts a report words (``annotator train`` and the window's
    status bar): one scope per paper judged alone, then the rest, in :data:`DECISIONS` order."""
    chosen = takeover(figures)
    if chosen is None:
        return [_scope("unjudged", None, None, None)]
    pages = {p: s.get("pages") for p, s in ((figures or {}).get("papers") or {}).items()}
    scopes = [_scope("paper", p, pages[p], taken) for p, taken in chosen["papers"].items()]
    if not scopes:
        return [_scope("all", None, None, chosen["all"])]
    if len(scopes) < len(pages):
        scopes.append(_scope("others", None, None, chosen["all"]))
    return scopes


def _scope(
    scope: str, paper: str | None, pages: int | None, taken: list[str] | None
) -> TakeoverScope:
    """``taken`` None: every decision from the model."""
    model = tuple(d for d in DECISIONS if taken is None or d in taken)
    rules = tuple(d for d in DECISIONS if d not in model)
    return TakeoverScope(scope, paper, pages, model, rules)


def _better(rules: dict[str, Any], model: dict[str, Any]) -> list[str]:
    """The decisions on which ``model`` scored at least as well as ``rules``."""
    return [d for d in DECISIONS if _decision_score(model, d) >= _decision_score(rules, d)]


def _decision_score(scores: dict[str, Any], decision: str) -> float:
    group, name = DECISION_FIGURES[decision]
    value = (scores.get(group) or {}).get(name)
    return float(value) if value is not None else 0.0


# --- features -------------------------------------------------------------------------
#
# Featurisation runs on every page of every import once a model exists, so it is written
# for speed (bins are table look-ups, a block's cues come from few scans of its text, what a
# neighbour shows of a block is built once). The strings and their order are the model's
# vocabulary: a change to one changes what a trained model reads.
#
# CRFsuite copies each feature name handed to it several times (into its items, their
# sequence, then the look-up); a name of at most ``_SHORT_BYTES`` bytes of UTF-8 stays inside
# the string object (libstdc++'s small-string buffer), a longer one allocates at each copy,
# which cost the tagger more than its own work. So a longer name (most of those conjoined
# with the paper or the rule role) is handed over as its code: the same features under
# other names, the same weights and labels. Codes are made where the names are built once
# (the cached lists below), never per block.

_SHORT_BYTES = 15
_CODE_MARK = "~"  # no feature name starts with it
# The name of each code made in this process (for reading features: feature_names).
_NAMES: dict[str, str] = {}


def _code(name: str) -> str:
    """The feature ``name`` as the model reads it: itself when short, else a code of 12
    ASCII characters made of a 64-bit hash of it (deterministic: every process, every run)."""
    if len(name) <= _SHORT_BYTES // 4 or len(name.encode()) <= _SHORT_BYTES:
        return name
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    code = _CODE_MARK + base64.b64encode(digest).decode()[:11]
    _NAMES[code] = name
    return code


def _codes(names: list[str]) -> list[str]:
    return [_code(name) for name in names]


def feature_names(features: list[list[str]]) -> list[list[str]]:
    """:func:`page_features` by name (for reading them, and for a model of version 3)."""
    get = _NAMES.get
    return [[get(x, x) for x in f] for f in features]


_BULLETS = frozenset("■□●◆◇★☆◎○•▲△▼▽")
_ENUM_START = re.compile(
    r"[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．]"
)
# The characters an enumerator of ``_ENUM_START`` begins with besides its digits (``\\d``:
# what ``str.isdecimal`` says): most blocks begin otherwise and skip the regex.
_ENUM_FIRST = frozenset("一二三四五六七八九十（(")
_TRAIL_NOTE = re.compile(r"[（(][^（()）]{1,40}[)）]\s*\Z")
_SHORT = 40  # a title-like line is at most this long
_LEN_LIMITS = (2, 4, 6, 8, 12, 16, 20, 26, 32, 48, 64, 100, 160)
_RATIO_LIMITS = (0.15, 0.3, 0.5, 0.7, 0.9, 1.1)


def _len_bin(n: int) -> str:
    for limit in _LEN_LIMITS:
        if n <= limit:
            return str(limit)
    return "long"


# The length feature of every length up to the last limit, and the ratio feature by bisection.
_LEN_FEATURE = tuple("len=" + _len_bin(n) for n in range(_LEN_LIMITS[-1] + 1))
_RATIO_FEATURE = (*(f"ratio={limit}" for limit in _RATIO_LIMITS), "ratio=more")
_LINES_FEATURE = ("lines=0", "lines=1", "lines=2")


def usual_length(lengths: Sequence[int]) -> float:
    """The page's usual length of a body paragraph (median of the longer blocks)."""
    long = sorted(n for n in lengths if n >= 20)
    if not long:
        return float(max(lengths, default=1))
    return float(long[len(long) // 2])


# Characters whose presence anywhere in a block is a feature of their own (one regex scan).
_CONTAINS = {
    "，": "comma",
    ",": "comma",
    "：": "colon",
    ":": "colon",
    "、": "dun",
    "；": "semi",
    " ": "space",
    "\u3000": "space",
    "（": "bracket",
    "(": "bracket",
    "“": "quote",
    "”": "quote",
    "《": "quote",
}
# The characters of each feature name, the names in sorted order: a block's names are found
# by one ``in`` per character (faster than one regex scan collecting every comma of the text).
_CONTAINS_GROUPS = tuple(
    (name, tuple(c for c in _CONTAINS if _CONTAINS[c] == name))
    for name in sorted(set(_CONTAINS.values()))
)
# Cues inside a bracketed note at the end of a block (an end note closes its article).
_NOTE_CUES = ("电", "整理", "执笔", "记者", "来源", "据", "摄", "供稿", "编辑")
_NOTE_FEATURES = tuple((cue, "note_" + cue) for cue in _NOTE_CUES)


def _contains(t: str) -> list[str]:
    """The names of the characters of ``_CONTAINS`` in ``t``, sorted.

    Written out (the names in the order of ``_CONTAINS_GROUPS``, a test checks it against the
    table): a loop over the table cost more than the scans themselves."""
    out = []
    if "（" in t or "(" in t:
        out.append("bracket")
    if "：" in t or ":" in t:
        out.append("colon")
    if "，" in t or "," in t:
        out.append("comma")
    if "、" in t:
        out.append("dun")
    if "“" in t or "”" in t or "《" in t:
        out.append("quote")
    if "；" in t:
        out.append("semi")
    if " " in t or "\u3000" in t:
        out.append("space")
    return out


def _note_cues(t: str) -> list[str]:
    """Cues of a block that is, or ends in, a bracketed note."""
    last = t[-1]
    if t[0] in "（(" and last in "）)":
        f = ["all_bracketed"]
    elif (last in "）)" or last.isspace()) and _TRAIL_NOTE.search(t):
        f = ["trail_note"]
    else:
        return []
    note = t[max(t.rfind("（"), t.rfind("(")) :]
    f.extend(name for cue, name in _NOTE_FEATURES if cue in note)
    return f


def _people_cues(t: str) -> list[str]:
    """Cues of leads, datelines, photo credits and reporters."""
    f = []
    if t.find("本报讯", 0, 12) >= 0:
        f.append("bbx")
    if cues.is_lead(t):
        f.append("lead")
    elif t.find("电", 0, 30) >= 0 and t.find("月", 0, 24) >= 0:
        f.append("dateline_ish")
    if "摄" in t:
        f.append("credit_end" if t.find("摄", max(len(t) - 12, 0)) >= 0 else "credit_in")
    if "记者" in t or "通讯员" in t or "实习生" in t:
        f.append("reporter")
    return f


_MARKS = "*# \t"  # markdown marks and spaces around a block's text
_MARK_SET = frozenset(_MARKS)


def _text_cues(s: str) -> list[str]:
    """Cues of the block's own text (without its length)."""
    # Most blocks have no marks to strip: no copy of a long paragraph for them.
    t = s.strip(_MARKS) if s[:1] in _MARK_SET or s[-1:] in _MARK_SET else s
    if not t:
        return ["empty"]
    f = _contains(t)
    n = len(t)
    if t.find("。", 0, n - 1) >= 0:
        f.append("inner_stop")
    if "——" in t:
        f.append("dash_end" if t.endswith("——") else "dash_in")
    first, last = t[0], t[-1]
    if first == "—":
        f.append("dash_start")
    if first in _BULLETS:
        f.append("bullet_" + first)
    if (first in _ENUM_FIRST or first.isdecimal()) and _ENUM_START.match(t):
        f.append("enum")
    if n < 30 and "版" in t:
        f.append("ban")
    if last in "）)" or last.isspace():  # a note ends in its bracket (see _note_cues)
        f.extend(_note_cues(t))
    f.extend(_people_cues(t))
    # a Han character as HAN, any other as itself (punctuation, bullets, digits)
    f.append("last=HAN" if "\u4e00" <= last <= "\u9fff" else "last=" + last)
    f.append("first=HAN" if "\u4e00" <= first <= "\u9fff" else "first=" + first)
    return f


def _runs(lengths: Sequence[int], finals: Sequence[bool]) -> list[str]:
    """For each block, its place in a run of short unfinished lines, as its feature
    ``run=a:b``: a lines above it in the run and b below (at most 3), -1:-1 outside one."""
    n = len(lengths)
    short = [lengths[i] <= _SHORT and not finals[i] for i in range(n)]
    out = [_RUN_FEATURE[-1, -1]] * n
    i = 0
    while i < n:
        if not short[i]:
            i += 1
            continue
        j = i
        while j < n and short[j]:
            j += 1
        for k in range(i, j):
            out[k] = _RUN_FEATURE[min(k - i, 3), min(j - 1 - k, 3)]
        i = j
    return out


_RUN_FEATURE = {(a, b): f"run={a}:{b}" for a in range(-1, 4) for b in range(-1, 4)}

# A heading line's letter in its group's pattern (:func:`_groups`); a subheadline that opens
# with a dash (``——写在…``) has its own: it stays a subheadline where a paper's two-line
# heading is otherwise kicker + headline.
_GROUP_LETTER = {"kicker": "K", "headline": "H", "subheadline": "S"}
_GROUP_MAX = 4  # longer groups read as their first lines


# A run of heading lines: its first block, the block after its last, its pattern.
HeadingRun = tuple[int, int, str]


def _groups(blocks: Sequence[Block], text: str) -> list[HeadingRun]:
    """The runs of heading lines of one article (the rules' kicker, headline, subheadline;
    a kicker under a headline or subheadline opens a new run) and each run's pattern of rule roles (``KHS``, ``D``: a
    subheadline that opens with a dash), in page order.

    The rules read an unmarked two-line heading one way for every paper (headline +
    subheadline); the pattern lets the model learn a paper's own reading of each shape (its
    kicker over a headline) from a few pages, without touching the other shapes (the
    three-line heading the rules read right)."""
    heading = [i for i, b in enumerate(blocks) if b.role in _GROUP_LETTER]
    runs: list[HeadingRun] = []
    k = 0
    while k < len(heading):
        i = j = heading[k]
        article = blocks[i].article
        k += 1
        j += 1
        while (
            k < len(heading)
            and heading[k] == j
            and blocks[j].article == article
            and not (blocks[j].role == "kicker" and blocks[j - 1].role != "kicker")
        ):
            k += 1
            j += 1
        letters = "".join(
            "D"
            if b.role == "subheadline" and text[b.start : b.end].lstrip().startswith("—")
            else _GROUP_LETTER[b.role]
            for b in blocks[i:j]
        )
        runs.append((i, j, letters[:_GROUP_MAX]))
    return runs


def _group_names(runs: list[HeadingRun]) -> dict[int, str]:
    """Each heading line's group feature: its run's pattern and its place in it (``KH@1``:
    the headline under a kicker)."""
    return {
        k: f"grp={pattern}@{min(k - i, _GROUP_MAX)}" for i, j, pattern in runs for k in range(i, j)
    }


_SHAPE_FLAGS = ("strict", "listy", "closes", "subdash", "item", "names", "mark", "credit")
_shape_flags = attrgetter(*_SHAPE_FLAGS)
# Cues of the next or previous block that are copied into a block's own features.
_NEIGHBOUR_FLAGS = frozenset(
    ("lead", "bbx", "reporter", "credit_end", "trail_note", "all_bracketed", "bullet_■", "enum")
)
assert not _NEIGHBOUR_FLAGS & set(_SHAPE_FLAGS)  # all text cues (see _shown)


def _block_features(
    s: Shape, b: Block, text: str, usual: float, run: str
) -> tuple[list[str], list[str], list[str], list[str]]:
    """The block's keyed features (also seen by its neighbours) by name and as the model
    reads them (:func:`_code`), its other features but the text cues (as the model reads
    them), and its text cues (:func:`_text_cues`: short names, read as they are).

    Everything but the text cues comes from a few values of small range (kind, ending,
    length bins, rule role and confidence bins, shape flags): those feature strings are
    built once per combination met (:data:`_HEADS`), not once per block."""
    conf = b.confidences
    n = len(text)
    furniture = b.article is None
    c_role, c_join = conf.get("role", 1.0), conf.get("join", 1.0)
    c_art = 0.0 if furniture else conf.get("boundary", 1.0)
    key = (
        s.kind,
        s.ending,
        _LEN_FEATURE[n] if n < len(_LEN_FEATURE) else "len=long",
        bisect_right(_RATIO_LIMITS, n / usual if usual else 0.0),
        b.role,
        run,
        furniture,
        "hi" if c_role >= 0.9 else "mid" if c_role >= 0.7 else "lo",
        b.joins_previous,
        "hi" if c_join >= 0.9 else "mid" if c_join >= 0.7 else "lo",
        None if furniture else "hi" if c_art >= 0.9 else "mid" if c_art >= 0.7 else "lo",
        min(text.count("\n"), 2),  # more than two lines: all alike
        _shape_flags(s),
        s.level,
    )
    head = _HEADS.get(key)
    if head is None:
        if len(_HEADS) > 20_000:  # a bound for pathological pages; real ones meet few
            _HEADS.clear()
        head = _HEADS[key] = _head(key)
    return head[0], head[1], head[2], _text_cues(text)


def _head(key: tuple[Any, ...]) -> tuple[list[str], list[str], list[str]]:
    """The feature names of a block's :func:`_block_features` key that its neighbours see
    too, the same as the model reads them (:func:`_code`), and its other features but the
    text cues (as the model reads them)."""
    kind, ending, length, ratio, role, run, furniture, c_role, joins, c_join, c_art = key[:11]
    lines, flags, level = key[11:]
    keyed = [
        "kind=" + kind,
        "end=" + ending,
        length,
        _RATIO_FEATURE[ratio],
        "rrole=" + role,
        run,
        "rfurn=1" if furniture else "rfurn=0",
    ]
    f = [f"rrole_c={role}:{c_role}", f"rjoin={joins}:{c_join}", _LINES_FEATURE[lines]]
    if c_art is not None:
        f.append("rart_c=" + c_art)
    f.extend(compress(_SHAPE_FLAGS, flags))
    if level:
        f.append(f"level={min(level, 4)}")
    return keyed, _codes(keyed), _codes(f)


# The feature strings of each block key met so far (see _block_features); the lists are
# never changed in place.
_HEADS: dict[tuple[Any, ...], tuple[list[str], list[str], list[str]]] = {}


def _shown(paper_tag: str, keyed: list[str], text_cues: list[str]) -> tuple[list[str], ...]:
    """What a block shows of itself in few features (few features: fast tagging): kind with
    rule role (``kr``), ending with length (``el``) and its place in a run of title-like lines.

    Returned as the lists of features (as the model reads them, :func:`_code`) it adds to its own features, to the block after
    it, the block before it, the blocks two after and two before, and, conjoined with the
    paper, to its own again. Few blocks differ in these: each is built once. The flags shown
    are among the block's ``text_cues`` (no other feature of it is one).
    """
    nflags = tuple(filter(_NEIGHBOUR_FLAGS.__contains__, text_cues))
    key = (paper_tag, keyed[0], keyed[4], keyed[1], keyed[2], keyed[5], nflags)
    shown = _SHOWN.get(key)
    if shown is None:
        if len(_SHOWN) > 10_000:  # a bound for pathological pages; real ones show few
            _SHOWN.clear()
        kr, el, run = f"{keyed[0]}|{keyed[4]}", f"{keyed[1]}|{keyed[2]}", keyed[5]
        shown = _SHOWN[key] = tuple(
            _codes(names)
            for names in (
                ["kr=" + kr, "el=" + el],
                ["-1:" + kr, "-1:" + el, "-1:" + run, *["-1:" + x for x in nflags]],
                ["1:" + kr, "1:" + el, "1:" + run, *["1:" + x for x in nflags]],
                ["-2:" + kr],
                ["2:" + kr],
                [paper_tag + kr, paper_tag + el, paper_tag + run],
            )
        )
    return shown


# What blocks show (see _shown), never changed in place: a block's features are new lists.
_SHOWN: dict[tuple[str | tuple[str, ...], ...], tuple[list[str], ...]] = {}
_NONE: tuple[list[str], ...] = ([], ["-1:none"], ["1:none"], ["-2:none"], ["2:none"])


def page_features(
    text: str,
    shapes: Sequence[Shape],
    blocks: Sequence[Block],
    paper: str,
    heading_groups: bool = True,
    groups: list[HeadingRun] | None = None,
) -> list[list[str]]:
    """The features of every block of a page (rule blocks and their shapes), as the model
    reads them: names, a long one as its code (:func:`_code`; :func:`feature_names` gives
    the names back).

    ``heading_groups``: a line of a run of heading lines reads the run's pattern
    (:func:`_groups`) in the place of what its neighbours in the run show of themselves, as
    the model of this version learns; False gives the features of a model of version 3 or 4,
    which knows no pattern. ``groups``: :func:`_groups` of the page when known."""
    texts = [text[b.start : b.end] for b in blocks]
    usual = usual_length([len(t) for t in texts])
    finals = [s.ending == cues.END_FINAL for s in shapes]
    runs = _runs([len(t) for t in texts], finals)
    if not heading_groups:
        groups = []
    elif groups is None:
        groups = _groups(blocks, text)
    names = _group_names(groups)
    # a line of a run of two or more: its neighbours in the run show nothing of themselves
    # (the pattern says what they are), so what the rules call the line below (a
    # subheadline) does not carry over to a line of another shape (the top of two lines,
    # the middle of three)
    inside = {k: (i, j) for i, j, _ in groups if j - i > 1 for k in range(i, j)}
    paper_tag = f"paper={paper or '-'}|"
    paper_feature = _code(paper_tag)
    own = [
        _block_features(s, b, t, usual, run)
        for s, b, t, run in zip(shapes, blocks, texts, runs, strict=True)
    ]
    shown = [_shown(paper_tag, keyed, text_cues) for keyed, _, _, text_cues in own]
    # each block's neighbours, _NONE beyond the page's ends
    before, after = [_NONE, _NONE, *shown], [*shown, _NONE, _NONE]
    out: list[list[str]] = []
    for i, (keyed, keyed_codes, flags, text_cues) in enumerate(own):
        mine = shown[i]
        in_run = inside.get(i)
        if in_run is None:
            f = [
                "bias",
                paper_feature,
                *keyed_codes,
                *flags,
                *text_cues,
                *mine[0],
                *before[i + 1][1],
                *after[i + 1][2],
                *before[i][3],
                *after[i + 2][4],
            ]
        else:
            f = ["bias", paper_feature, *keyed_codes, *flags, *text_cues, *mine[0]]
            f += _outside_run(i, in_run, before, after)
        if i and not finals[i - 1]:
            f.append("open_prev:" + shapes[i - 1].ending)
            if word_across(texts[i - 1], texts[i]):
                f.append("word_across")
                # the block above runs on into this one: the head of a cut paragraph, not a
                # title (the feature the block above reads, as its rule role says)
                out[i - 1].append(_WORD_OUT[keyed_role(own[i - 1][0])])
        elif i:
            # a title-like block under a finished paragraph: an intertitle's place (a cut
            # paragraph's head stands under an unfinished one or runs on), per rule role
            f.append(_AFTER_FINAL[keyed_role(keyed)])
        f += mine[5]
        if i in names:
            f += _group_features(paper_tag, names[i])
        out.append(f)
    return out


@lru_cache(maxsize=1024)
def _group_features(paper_tag: str, group: str) -> tuple[str, ...]:
    """A heading line's group feature (:func:`_group_names`), alone and with the paper; a
    lone heading line's (``grp=H@0``) alone: with the paper as well it outweighed the cues
    that read a short intertitle in the rules' headline."""
    return (group, _code(paper_tag + group)) if group[5] != "@" else (group,)


def _outside_run(
    i: int,
    run: tuple[int, int],
    before: list[tuple[list[str], ...]],
    after: list[tuple[list[str], ...]],
) -> list[str]:
    """What the neighbours of block ``i`` (a line of the heading run ``run``) show of
    themselves, but those in its run."""
    first, end = run
    out: list[str] = []
    for k, shown_k, side in (
        (i - 1, before[i + 1], 1),
        (i + 1, after[i + 1], 2),
        (i - 2, before[i], 3),
        (i + 2, after[i + 2], 4),
    ):
        if not first <= k < end:
            out += shown_k[side]
    return out


def keyed_role(keyed: list[str]) -> str:
    """The rule role feature (``rrole=…``) among a block's keyed features."""
    return keyed[4]


_WORD_OUT = {"rrole=" + r: _code("word_out|rrole=" + r) for r in ROLES}
_AFTER_FINAL = {"rrole=" + r: _code("after_final|rrole=" + r) for r in ROLES}


# --- the model ------------------------------------------------------------------------


_NO_SHAPES: frozenset[str] = frozenset()


class StructureModel:
    """A trained structure model: re-decides the rule blocks of a page."""

    def __init__(self, crf: bytes, meta: dict[str, Any]) -> None:
        self.meta = meta
        self.crf = crf  # the tagger reads this memory: it must outlive the tagger
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(crf)
        self._labels = [(label, parse_label(label)) for label in self._tagger.labels()]
        # a model of version 3 knows its features by name only; one of 3 or 4 knows no
        # heading-group pattern (its features are those of its version)
        self._named = meta.get("version") == NAMED_VERSION
        self._groups = meta.get("version") not in GROUPLESS_VERSIONS
        # the heading shapes met on each paper's done pages (none known: a model of 3 or 4)
        self._shapes = {
            paper: frozenset(found) for paper, found in (meta.get("shapes") or {}).items()
        }
        chosen = meta.get("takeover")
        self._taken = ALL_DECISIONS if chosen is None else frozenset(chosen["all"])
        self._taken_by_paper = {
            paper: frozenset(decisions)
            for paper, decisions in ((chosen or {}).get("papers") or {}).items()
        }

    def taken(self, paper: str) -> frozenset[str]:
        """The decisions the model takes over from the rules on pages of ``paper``."""
        return self._taken_by_paper.get(paper, self._taken)

    def predict(
        self, text: str, shapes: Sequence[Shape], blocks: Sequence[Block], paper: str = ""
    ) -> list[Block]:
        """The blocks of the rules with the model's decisions and confidences where it takes
        them over (:meth:`taken`), the rules' elsewhere."""
        taken = self.taken(paper)
        if not blocks or not taken:
            return list(blocks)  # the rules decide everything: nothing to tag
        tagger = self._tagger
        groups = _groups(blocks, text) if self._groups else None
        features = page_features(text, shapes, blocks, paper, self._groups, groups)
        labels = tagger.tag(feature_names(features) if self._named else features)
        marginal = tagger.marginal
        confidences = []
        for i, label in enumerate(labels):
            # When the chosen label itself is likely, its probability is a close lower bound
            # of each decision's and saves the marginals of every other label (most blocks).
            sure = marginal(label, i)
            if sure >= _SURE:
                value = round(sure if sure < 1.0 else 1.0, 3)
                confidences.append({"role": value, "boundary": value, "join": value})
            else:
                confidences.append(self._confidences(i, label))
        mixed = mix(blocks, decode(blocks, labels, confidences), taken)
        if groups is None or "role" not in taken:
            return mixed
        return keep_unknown_shapes(blocks, mixed, groups, self._shapes.get(paper, _NO_SHAPES))

    def split(self, text: str, paper: str = "") -> list[Block]:
        """Split a page: the rules' blocks, the model's decisions."""
        shapes, blocks = analyse_page(text)
        return self.predict(text, shapes, blocks, paper)

    def _confidences(self, i: int, chosen: str) -> dict[str, float]:
        """Marginal probability of each of the chosen decisions at block ``i``: the sum of
        the marginals of the labels that agree with the chosen one on that decision."""
        mine = parse_label(chosen)
        role = boundary = join = 0.0
        marginal = self._tagger.marginal
        for label, other in self._labels:
            p = marginal(label, i)
            if p < 1e-4:
                continue
            if mine is None or other is None:
                same = (mine is None) == (other is None)
                role += p * same
                boundary += p * same
                join += p * same
                continue
            role += p * (other[0] == mine[0])
            boundary += p * (other[1] == mine[1])
            join += p * (other[2] == mine[2])
        return {
            "role": round(min(role, 1.0), 3),
            "boundary": round(min(boundary, 1.0), 3),
            "join": round(min(join, 1.0), 3),
        }


def _sequences(
    pages: GoldPages, known: dict[str, set[str]] | None = None
) -> list[tuple[list[list[str]], list[str]]]:
    """Features and gold labels of every page; ``known`` gathers, per paper, the heading
    shapes met (the patterns of :func:`_groups`)."""
    out = []
    for page, gold, _spans in sorted(pages, key=lambda p: p[0].id):
        shapes, blocks = analyse_page(page.text)
        if not blocks:
            continue
        groups = _groups(blocks, page.text)
        if known is not None:
            mine = known.setdefault(page.paper, set())
            mine.update(pattern for _, _, pattern in groups)
        features = page_features(page.text, shapes, blocks, page.paper, groups=groups)
        out.append((features, gold_labels(blocks, gold)))
    return out


def keep_unknown_shapes(
    rules: Sequence[Block], blocks: list[Block], groups: list[HeadingRun], known: frozenset[str]
) -> list[Block]:
    """``blocks`` with the rules' role back on every line of a heading run whose shape the
    model never met on done pages of the paper (its roles there come from other shapes, say
    a two-line heading's kicker, and would be guessed); only roles among kicker, headline and
    subheadline change, so the split stays valid."""
    out = blocks
    for first, end, pattern in groups:
        if pattern in known:
            continue
        for i in range(first, end):
            mine, rule = blocks[i], rules[i]
            if mine.role == rule.role or mine.role not in _GROUP_LETTER:
                continue
            if out is blocks:
                out = list(blocks)
            conf = dict(mine.confidences)
            conf["role"] = rule.confidences.get("role", 1.0)
            out[i] = _block(
                mine.start, mine.end, rule.role, mine.article, mine.joins_previous, conf
            )
    return out


def train(pages: GoldPages, figures: dict[str, Any] | None = None) -> bytes:
    """Learn a structure model from gold pages; the model as bytes (deterministic).

    ``figures`` are :func:`cross_validate`'s figures on the same pages, when known: the
    model then takes over only the decisions it scored at least as well on as the rules
    (:func:`takeover`); without them it takes over every decision."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(TRAIN_PARAMS)
    known: dict[str, set[str]] = {}
    for xseq, yseq in _sequences(pages, known):
        trainer.append(xseq, yseq)
    papers = sorted({p[0].paper for p in pages})
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "structure.crfsuite")
        trainer.train(path)
        with open(path, "rb") as handle:
            crf = handle.read()
    header = json.dumps(
        {
            "version": VERSION,
            "pages": len(pages),
            "papers": papers,
            "takeover": takeover(figures),
            "shapes": {paper: sorted(found) for paper, found in sorted(known.items())},
        },
        sort_keys=True,
    ).encode()
    return _MAGIC + header + b"\n" + crf


def load(data: bytes) -> StructureModel:
    """The model back from the bytes :func:`train` made; ``ValueError`` for other bytes
    and for a model of an older format (:data:`STALE`: it must be trained again) but
    versions 3 and 4 (:data:`GROUPLESS_VERSIONS`), which read the features of their version."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a structure model (the data does not start with its mark)")
    header, _, crf = data[len(_MAGIC) :].partition(b"\n")
    try:
        meta = json.loads(header)
    except ValueError:
        raise ValueError("not a structure model (its header is damaged)") from None
    if not isinstance(meta, dict) or meta.get("version") not in (VERSION, *GROUPLESS_VERSIONS):
        raise ValueError(STALE)
    return StructureModel(crf, meta)


def cross_validate(pages: GoldPages, folds: int = 5) -> dict[str, Any]:
    """Scores of the rules and of the model on held-out folds of ``pages``, over all pages
    and per paper (``papers``: each with its page count, for :func:`takeover`).

    Pages are dealt into folds by their order of id (page ``i`` to fold ``i % folds``); each
    fold is split by a model trained on the other folds (taking over every decision).
    """
    ordered = sorted(pages, key=lambda p: p[0].id)
    folds = max(2, min(folds, len(ordered)))
    preds: dict[str, dict[str, list[tuple[str, list[Block], list[Block]]]]] = {}
    for k in range(folds):
        held = [p for i, p in enumerate(ordered) if i % folds == k]
        rest = [p for i, p in enumerate(ordered) if i % folds != k]
        model = load(train(rest))
        for page, gold, _ in held:
            mine = preds.setdefault(page.paper, {"rules": [], "model": []})
            shapes, blocks = analyse_page(page.text)
            mine["rules"].append((page.text, gold, blocks))
            mine["model"].append(
                (page.text, gold, model.predict(page.text, shapes, blocks, page.paper))
            )
    every = {name: [t for p in preds.values() for t in p[name]] for name in ("rules", "model")}
    return {
        "pages": len(ordered),
        "folds": folds,
        "rules": score_pages(every["rules"]),
        "model": score_pages(every["model"]),
        "papers": {
            paper: {
                "pages": len(p["rules"]),
                "rules": score_pages(p["rules"]),
                "model": score_pages(p["model"]),
            }
            for paper, p in sorted(preds.items())
        },
    }
