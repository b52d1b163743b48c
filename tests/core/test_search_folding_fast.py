"""Folding reads only the runs between kept characters (ideographs, common punctuation):
each kept character is checked against the running Unicode version, and the result
against folding the whole text, on made-up text full of the cases NFKC composes."""

from __future__ import annotations

import random
import unicodedata

from annotator.resources import seeds_dir
from annotator.store import folding
from annotator.store.folding import fold


def _whole(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def test_every_kept_character_folds_to_itself_and_never_joins_a_neighbour():
    pairs: set[str] = set()  # every character of a pair NFKC may compose
    for cp in range(0x110000):
        mapping = unicodedata.decomposition(chr(cp))
        if mapping and not mapping.startswith("<") and len(mapping.split()) == 2:
            pairs.update(chr(int(part, 16)) for part in mapping.split())
    kept = folding._RUNS.pattern.replace("([^", "[", 1)[:-2]
    import re

    kept_re = re.compile(kept)
    count = 0
    for cp in range(0x110000):
        c = chr(cp)
        if kept_re.fullmatch(c):
            count += 1
            assert unicodedata.combining(c) == 0, hex(cp)
            assert unicodedata.decomposition(c) == "", hex(cp)
            assert _whole(c) == c, hex(cp)
            assert c not in pairs, hex(cp)
            assert not 0x1100 <= cp <= 0x11FF and not 0xAC00 <= cp <= 0xD7A3  # Hangul
        else:  # the separator of the runs never comes out of one
            assert "\n" not in _whole(c), hex(cp)
    assert count > 90_000  # the ideographs are kept


ALPHABET = [
    *"本报讯记者邓群策一丁",
    *"ＡＢｃ１２３（）：，．　",
    *"ｶﾞｽﾊﾟ",  # half-width kana and voiced marks (class 0, composing)
    "e\u0301",
    "\u0301",
    "\u0323",
    "\u0338",
    *"<=>",
    "ᄀ",
    "\u1161",
    "\u11a8",
    "가",  # conjoining jamo
    *"ßﬁ㍻⑪Ⅻ⼀⺟ΣσςİK",
    *"Aaq9 \n\t,.!?",
    "\U00020bb7",
    "\U0002f800",
    *"。、“”《》—…",
]


def test_folding_the_runs_equals_folding_the_whole_text():
    rng = random.Random(30)
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12)))
        assert fold(text) == _whole(text), repr(text)


def test_sample_pages_fold_as_a_whole():
    for path in sorted(seeds_dir().glob("*")):
        text = path.read_text(encoding="utf-8")
        assert fold(text) == _whole(text)


def test_the_quick_test_of_a_query_agrees_with_folding_the_text():
    from annotator.store.folding import _FOLDING_RANGES, _makers, holder

    for cp in range(0x110000):  # outside these ranges every character folds to itself
        if not any(low <= cp < high for low, high in _FOLDING_RANGES):
            c = chr(cp)
            assert not unicodedata.decomposition(c) and c.casefold() == c, hex(cp)
    assert "⼀" in _makers()["一"] and "㍻" in _makers()["平"]
    rng = random.Random(11)
    queries = [
        "一",
        "平成",
        "11",
        "本报讯",
        "，",
        ",",
        "一丁",
        "(株)",
        "2025年",
        "q",
        "covid",
        "ガス",
    ]
    alphabet = [*ALPHABET, "㈱", "(", ")", "株", "平", "成", "年", "2", "0", "5", *"本报讯"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        for query in queries:
            folded = fold(query)
            assert holder(folded)(text) == (folded in fold(text)), (text, query)
