"""PER: names known by their own form: 张某 and 王某某 (court and police reports), 老王 and
小刘 (familiar names), 买买提·艾力 and 马克·吐温 (dotted names).
"""

from __future__ import annotations

from annotator.suggest._scan import WordMatch
from annotator.suggest._text import is_han

from .cues import _FAMILIAR_NOT
from .names import _DOT_NAME_RE, _PRE_NAME, SURNAMES

# 张某, 王某某, 欧阳某: a surname + 某 is how court and police reports name people.
_MOU_NOT_AFTER = frozenset("些种个地处位项件次方类人天日年家单部时样")


def _anonymised_names(text: str, found: dict[tuple[int, int], str]) -> None:
    i = text.find("某")
    while i != -1:
        end = i + 2 if text[i + 1 : i + 2] == "某" else i + 1
        for slen in (2, 1):
            s = i - slen
            if s >= 0 and text[s:i] in SURNAMES and text[end : end + 1] not in _MOU_NOT_AFTER:
                if slen == 1 and s and text[s - 1 : i] in SURNAMES:
                    continue  # the compound surname is tried first
                found.setdefault((s, end), "anonymised")
                break
        i = text.find("某", end)


_FAMILIAR_END = frozenset("说笑是正也就还便和今告介表拿把在家又已都一")


def _familiar_names(text: str, cues: list[WordMatch], found: dict[tuple[int, int], str]) -> None:
    for m in cues:
        s = m.start()
        e = s + 2
        if text[s + 1 : e] not in SURNAMES or text[s:e] in _FAMILIAR_NOT:
            continue
        before = text[s - 1] if s else ""
        if (before and before in "大个多") or (before in SURNAMES and before not in _PRE_NAME):
            continue  # 大小, 3个小时, 邓小平
        nxt = text[e : e + 1]
        if not nxt or not is_han(nxt) or nxt in _FAMILIAR_END:
            found.setdefault((s, e), "familiar")


def _dot_names(text: str, found: dict[tuple[int, int], str]) -> None:
    """买买提·艾力, 马克·吐温: Han runs joined by a middle dot."""
    for m in _DOT_NAME_RE.finditer(text):
        found.setdefault(m.span(), "dot")
