"""Write ``resources/lexicon/orgs_inner_words.txt`` from jieba's dictionary.

The organisation-suffix rule (:mod:`annotator.suggest.orgs_places.suffixes`) cuts a name's
prefix after its last stop character (在 由 对 才 …, and the stop words of one character:
像 兼 …).  Some common nouns hold one of those characters (人才, 对外, 自由, 都市, 音像):
inside a name they are no cut (北京市人才服务中心, 中国人民对外友好协会, 内蒙古音像出版社).  The list is jieba's two-character entries (a general Chinese
dictionary, no news corpus) counted above 100, tagged as nouns, place words or adjectives
(n vn nz ns s a b), that hold exactly one stop character.  Function words (然而, 已经, 因为,
tagged c d p v …) are left out: they do cut.

    python scripts/org_inner_words.py   # rewrites the file under resources/lexicon/
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_TAGS = frozenset({"n", "vn", "nz", "ns", "s", "a", "b"})
_FLOOR = 100  # jieba count above which a word is common
# Adverbs and verbs that jieba's dictionary tags as nouns or adjectives (大都 "mostly", 又称
# "also called", 交由 "hand over to", 对付 "deal with"): before a name they cut it.
_ADVERBS = frozenset(
    ["大都", "全都", "光是", "又名", "又称", "广为", "方才", "适才", "行将", "人为", "为数"]
    + ["交由", "任由", "对准", "发给", "供给", "教给", "对付", "普及", "波及", "不由", "不等"]
    + ["活像"]
)
# Words that jieba tags as adverbs or verbs but that name the field or the place of a body
# inside its name (首都师范大学, 市就业服务中心, 再生资源公司, 为民服务中心): no cut there.
_FIELDS = frozenset(["首都", "就业", "再生", "为民"])

_HEADER = """\
# Common two-character nouns that hold one stop character of the organisation-prefix walk
# (人才, 对外, 自由): inside an organisation's name they do not cut it.
# Source: written by scripts/org_inner_words.py from the dictionary of jieba {version}
# (entries counted above {floor}, tagged {tags}, that hold one stop character or one-character
# stop word; a few adverbs and verbs it tags so left out,
# and a few words of a body's field that it tags as adverbs or verbs taken in: 首都, 就业).
"""


def inner_words() -> list[str]:
    """The words, in jieba's dictionary order."""
    import jieba

    from annotator.suggest.orgs_places.suffixes import CUT_CHARS

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, count, tag = line.split()
            stops = sum(ch in CUT_CHARS for ch in word)
            if (
                len(word) == 2
                and stops == 1
                and int(count) > _FLOOR
                and (tag in _TAGS or word in _FIELDS)
                and word not in _ADVERBS
            ):
                out.append(word)
    return out


def main() -> None:
    import jieba

    header = _HEADER.format(version=jieba.__version__, floor=_FLOOR, tags=" ".join(sorted(_TAGS)))
    target = ROOT / "resources" / "lexicon" / "orgs_inner_words.txt"
    target.write_text(header + "\n".join(inner_words()) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
