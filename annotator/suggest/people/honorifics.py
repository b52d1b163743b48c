"""PER cue 4: a name before an honorific or a title written after it (习近平同志,
克林顿总统, 托娅副外长).
"""

from __future__ import annotations

from annotator.suggest._scan import WordMatch
from annotator.suggest._text import is_han

from .names import _PRE_NAME, SURNAMES, _foreign_name_before, _name_chars_ok


def _honorific_names(text: str, cues: list[WordMatch], found: dict[tuple[int, int], str]) -> None:
    """Names before 同志, 总书记, 先生 …: ``以习近平同志为核心``, ``托娅副外长``."""
    for m in cues:
        j = m.start()
        if j and text[j - 1] == "副":
            j -= 1  # 副外长, 副部长: the deputy's name ends before 副
        best: tuple[int, int] | None = None
        for length in (4, 3, 2):
            i = j - length
            if i < 0:
                continue
            slen = 2 if length == 4 else 1
            if text[i : i + slen] not in SURNAMES or not _name_chars_ok(text[i:j], slen):
                continue
            before = text[i - 1] if i > 0 else ""
            if not before or not is_han(before) or before in _PRE_NAME:
                best = (i, j)
                break
            if best is None and length == 3:
                best = (i, j)
        if best is None:
            best = _foreign_name_before(text, j)
        if best:
            found.setdefault(best, "honorific")
