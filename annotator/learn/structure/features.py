"""The features of every block of a page (:func:`page_features`), as the model reads them.

Featurisation runs on every page of every import once a model exists, so it is written
for speed (bins are table look-ups, a block's cues come from few scans of its text, what a
neighbour shows of a block is built once). The strings and their order are the model's
vocabulary: a change to one changes what a trained model reads.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Any

from annotator.learn.structure.feature_codes import _code, _codes
from annotator.learn.structure.heading_runs import HeadingRun, _group_names, _groups
from annotator.learn.structure.text_cues import _text_cues
from annotator.model import ROLES, Block
from annotator.split import cues
from annotator.split.shapes import Shape
from annotator.split.words import word_across

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
