"""Notes in brackets or before a text: an end note closing its article, the writer's
signature closing a short item, and the editor's note under a headline (编者按：…).
"""

from __future__ import annotations

from annotator import rules_regex

from .chars import unmarked
from .endings import note_open
from .names import names_line

# Punctuation that a column tag (…（人民时评）) never holds but an end note does.
_NOTE_PUNCT = frozenset("，,、：:；;《》。")


def bracketed_note(s: str) -> bool:
    """Whether line ``s`` is one parenthesised note with punctuation inside: an end note.

    （摘编自《某某日报》，原题为《…》）, （本版文章由某某组稿、某某编辑）: a line wholly in
    brackets closes its article. A bracketed column tag (（人民时评）) holds no punctuation,
    and an enumerator (（一）) no text: neither is a note.
    """
    t = s.strip()
    if len(t) < 6 or t[0] not in "（(" or t[-1] not in "）)":
        return False
    depth = 0
    for k, c in enumerate(t):
        depth += (c in "（(") - (c in "）)")
        if depth == 0 and k < len(t) - 1:
            return False  # the first bracket closes before the end: （一）text（二）
    return any(c in _NOTE_PUNCT for c in t) or _SERIES_END.search(t) is not None


# A note that a piece or a series ends (or goes on in a later issue) closes its article without
# punctuation inside: （全文完）, （本系列评论到此结束）, （未完待续）. A column tag says no such thing.
_SERIES_END = rules_regex.compile(r"(?:完|结束|待续)\s*[)）]\Z")


# Closing notes that do not sign the text as its writer: who helped (参与采写), who wrote it
# down (整理, 执笔), the author's post (作者为…), where it came from (摘编自…, 据…, 来源：…).
_NOT_SIGNING = rules_regex.compile(
    r"参与|整理|采写|执笔|作者|摘|据|来源|编译|供稿|综合|本文由|见第|转第|接第"
)


def signed_note(s: str) -> bool:
    """Whether paragraph ``s``, which closes its article, ends with its writer's signature in
    brackets: a reporter or a correspondent (（记者 张三）, （通讯员 陈楠）), a desk (（本报评论员）)
    or a name alone (（李华）). A short item is signed so at its end; a story signed at its head is not
    signed again, though a note on who helped or who the author is may close it."""
    t = unmarked(s).rstrip()
    k = note_open(t)
    if k < 0:
        return False
    inner = t[k + 1 : -1].strip()
    if not inner or _NOT_SIGNING.search(inner):
        return False
    return _SIGNING_ROLE.search(inner) is not None or names_line(inner)


# Who signs a short item at its end besides a name alone: a reporter, a correspondent, an
# intern, a desk (（通讯员 陈楠）, （实习生 王五 记者 张三）, （本报评论员）).
_SIGNING_ROLE = rules_regex.compile("记者|通讯员|实习生|评论员")


# A note printed between an article's headline and its byline or body: 编者按：…, 核心提示：….
NOTE = rules_regex.compile(
    r"[【\[]?\s*(?:编者按|编者的话|编前|核心提示|内容提要|提要|导读|导语|摘要)\s*[】\]]?\s*[:：]?"
)
NOTE_CHARS = frozenset("【[编核内提导摘")
