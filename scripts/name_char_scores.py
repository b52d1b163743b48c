"""Write the name-character statistics lexicons from jieba's dictionary.

The running-text name rule (:mod:`annotator.suggest.people.running`) scores a surname and
one or two given characters by how much more often each character stands in a personal
name than in words at large.  Both counts come from the dictionary that ships inside the
jieba wheel (a general Chinese dictionary, no news corpus): the three-character entries
tagged ``nr`` whose first character is one of our surnames give the name counts, every
entry weighted by its frequency gives the counts at large.  A score is the log-odds
``log(P(char | name) / P(char | words))``, rounded to two decimals:

- ``people_given_scores.txt``: given-name characters seen in at least three names;
- ``people_given_rare_scores.txt``: the others whose smoothed odds lean towards names
  (characters rare in words, 俨, 鲲);
- ``people_surname_scores.txt``: the surnames of ``people_surnames.txt`` as name starts.

    python scripts/name_char_scores.py   # rewrites the three files under resources/lexicon/
"""

from __future__ import annotations

import math
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_HEADER = """\
# {what}
# A character, a tab and its log-odds log(P(char | name) / P(char | words)).
# Source: written by scripts/name_char_scores.py from the dictionary of jieba {version}
# (its three-character entries tagged nr that begin with a surname of
# people_surnames.txt, against every entry weighted by its frequency).
"""


_RARE_FLOOR = 0.0  # only characters that lean towards names


def _counts(surnames: frozenset[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    import jieba

    given: Counter[str] = Counter()
    starts: Counter[str] = Counter()
    at_large: Counter[str] = Counter()
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            word, freq, pos = line.split()
            for c in word:
                at_large[c] += int(freq)
            if pos == "nr" and len(word) in (2, 3) and word[0] in surnames:
                starts[word[0]] += 1
                if len(word) == 3:
                    given.update(word[1:])
    return given, starts, at_large


def _write(name: str, what: str, scores: dict[str, float]) -> None:
    import jieba

    text = _HEADER.format(what=what, version=jieba.__version__)
    text += "".join(f"{c}\t{s:.2f}\n" for c, s in sorted(scores.items(), key=lambda x: -x[1]))
    (ROOT / "resources" / "lexicon" / f"{name}.txt").write_text(text, encoding="utf-8")


def main() -> int:
    from annotator import lexicon

    surnames = frozenset(w for w in lexicon.words("people_surnames") if len(w) == 1)
    given, starts, at_large = _counts(surnames)
    total = sum(at_large.values())

    def odds(counts: Counter[str], c: str) -> float:
        return math.log((counts[c] / sum(counts.values())) / ((at_large[c] + 1) / total))

    _write(
        "people_given_scores",
        "How strongly a character reads as part of a given name (higher: more name-like).",
        {c: odds(given, c) for c, n in given.items() if n >= 3},
    )
    # Characters seen in fewer than three names: their odds cannot be counted, but a
    # character that is rare in words at large is more likely a name's (俨, 鲲) than a
    # word's; half a name stands in for the missing count, positive odds only.
    n_given = sum(given.values())
    rare = {
        c: math.log(((given[c] + 0.5) / n_given) / ((n + 1) / total))
        for c, n in at_large.items()
        if given[c] < 3 and "\u4e00" <= c <= "\u9fff"
    }
    _write(
        "people_given_rare_scores",
        "Characters seen in fewer than three given names but rare in words (俨, 鲲): their\n"
        "# smoothed odds of standing in a given name (half a name for the missing count).",
        {c: s for c, s in rare.items() if s > _RARE_FLOOR},
    )
    _write(
        "people_surname_scores",
        "How strongly a surname character reads as the start of a name (higher: surer).",
        {c: odds(starts, c) for c in starts},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
