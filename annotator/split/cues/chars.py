"""Character classes of Chinese typesetting (Han, sentence ends, closers, pauses, dashes) and
a paragraph's text as the reader sees it, without markdown.
"""

from __future__ import annotations

from functools import lru_cache

from annotator.markdown import strip_markup

# Han characters including the rare-name planes (CJK Extension B and beyond), so that a
# name such as 𠮷野 still reads as a name.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


# Sentence-final punctuation. ASCII '.' is handled separately (it is also a decimal point).
FINAL_CHARS = frozenset("。！？!?…．")
# Closing quotes and brackets that may follow a sentence end: “…。” still ends the sentence.
CLOSERS = "”’」』）)】》〉〕］]\"'"
# A closing *quote* not preceded by sentence-final punctuation ends a quotation inside a
# sentence (…作为“不忘初心、牢记使命”), so the paragraph goes on.
QUOTE_CLOSERS = frozenset("”’」』\"'")
# Pause punctuation: the sentence certainly goes on after these.
COMMA_CHARS = frozenset("、，,；;")
COLON_CHARS = frozenset("：:")
# Dashes: a line ending in —— is a kicker above a headline, or introduces a list in a body.
DASH_CHARS = frozenset("—―─")
# Markdown decoration that may trail a line: emphasis markers and hard-break spaces.
MD_TRAIL = "*_ \t"


# shape() reads a paragraph's unmarked text for its ending, its end note and its title
# checks: a small cache strips each paragraph's markdown once, not three times.
@lru_cache(maxsize=64)
def unmarked(s: str) -> str:
    """Paragraph ``s`` as the reader sees it, for cues read at its end: without its
    markdown syntax (annotator.markdown, as export drops it) and without stray emphasis
    marks or blanks left at the end (an unpaired ``**``, ``__``)."""
    return strip_markup(s).rstrip(MD_TRAIL) if s and s[-1] in MD_TRAIL or "**" in s else s
