"""PER cue 1: names after a byline cue (本报记者 陈润, 通讯员 周乐天、李四)."""

from __future__ import annotations

from annotator import rules_regex
from annotator.suggest._scan import WordMatch
from annotator.suggest._text import HAN, trie_pattern

from .cues import _BYLINE_CUES
from .names import _END_RE, _name_chars_ok, _surname_len, name_at

_SPACE = r"[ \t\u3000]"
_BYLINE_RE = rules_regex.compile(f"(?:{trie_pattern(_BYLINE_CUES)}){_SPACE}*(?=[{HAN}])")
_HAN_RUN_RE = rules_regex.compile(f"[{HAN}]+")
_BYLINE_SEP_RE = rules_regex.compile(f"(?:{_SPACE}|[、,，])+")


def _byline_names(text: str, cues: list[WordMatch], found: dict[tuple[int, int], str]) -> None:
    """Names after 本报记者, 通讯员, 实习生 …, separated by spaces or 、."""
    for cue in cues:
        m = _BYLINE_RE.match(text, cue.start())
        if m is None:
            continue
        pos = m.end()
        while True:
            tok = _HAN_RUN_RE.match(text, pos)
            if tok is None:
                break
            word = tok.group(0)
            slen = _surname_len(word)
            end: int | None = None
            if slen and 1 <= len(word) - slen <= 2 and _name_chars_ok(word, slen, byline=True):
                end = tok.end()  # a token standing alone: the whole token is the name
            else:
                cut = name_at(text, pos)
                if cut is not None and _END_RE.match(text, cut):
                    end = cut  # 本报记者陈润报道, 记者张三摄
            if end is None:
                break
            found[(pos, end)] = "byline"
            sep = _BYLINE_SEP_RE.match(text, end)
            if sep is None:
                break
            nxt = _BYLINE_RE.match(text, sep.end())
            pos = nxt.end() if nxt else sep.end()
