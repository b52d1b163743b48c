"""The one scan of a page (annotator.suggest._scan): the words of every vocabulary as its
trie regex found them, and the regexes tried only where the pairs that begin them stand
(annotator.suggest._anchors) finding what a scan of the whole page found."""

from __future__ import annotations

import random
import re

import pytest

from annotator.suggest import _anchors, _scan
from annotator.suggest._text import trie_pattern


def test_the_page_scan_finds_what_each_trie_regex_found():
    """The one automaton scan of :mod:`annotator.suggest._scan` gives every vocabulary the
    matches of its own trie regex, with characters beyond the BMP in words and text."""
    rng = random.Random(7)
    alphabet = "衡阳市县委区长沙𠮷𠀀野家中国人民"
    vocabularies = {
        f"test_{k}": {"".join(rng.choices(alphabet, k=rng.randint(1, 4))) for _ in range(40)}
        for k in range(2)
    }
    try:
        for name, words in vocabularies.items():
            _scan.register(name, words)
        for _ in range(200):
            text = "".join(rng.choices(alphabet + "，a", k=40))
            for name, words in vocabularies.items():
                expected = [m.span() for m in re.compile(trie_pattern(words)).finditer(text)]
                assert _scan.words(text, name) == expected
    finally:
        for name in vocabularies:
            _scan.register(name, ())


def _anchored_regexes() -> list[_scan.Anchored]:
    """Every anchored pattern of the suggesters' modules (all imported with the package)."""
    import sys

    import annotator.suggest as suggest

    found = []
    for name, module in sorted(sys.modules.items()):
        if name.startswith(suggest.__name__ + ".") and module is not None:
            found += [v for v in vars(module).values() if isinstance(v, _scan.Anchored)]
    return found


ANCHORED = _anchored_regexes()


def test_the_suggesters_anchor_their_rare_patterns():
    assert len(ANCHORED) >= 10
    assert all(a.name is not None for a in ANCHORED)  # every one was understood


@pytest.mark.parametrize("anchored", ANCHORED, ids=lambda a: a.regex.pattern[:20])
def test_an_anchored_regex_finds_what_its_scan_of_the_page_found(anchored):
    """On random text made of the characters its pairs hold (and a few others), and on
    the sample pages, the matches are those of ``finditer`` over the whole page, and a
    search from a place finds what ``search`` finds."""
    from annotator.resources import seeds_dir

    pairs = _anchors.first_pairs(anchored.regex) or _anchors.first_chars(anchored.regex) or ()
    alphabet = sorted(set("".join(pairs)) | set("，、的国人方1２口）)"))
    rng = random.Random(anchored.regex.pattern)
    pages = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    pages += ["".join(rng.choices(alphabet, k=60)) for _ in range(300)]
    for text in pages:
        expected = [(m.span(), m.groups()) for m in anchored.regex.finditer(text)]
        assert [(m.span(), m.groups()) for m in anchored.finditer(text)] == expected
        for pos in (0, 1, len(text) // 3, len(text) // 2, len(text) - 2):
            old, new = anchored.regex.search(text, pos), anchored.search(text, pos)
            assert (new and (new.span(), new.groups())) == (old and (old.span(), old.groups()))


@pytest.mark.parametrize(
    ("pattern", "pairs"),
    [
        ("中(?=国)", {"中国"}),
        ("[中美](?=方(?![面]))", {"中方", "美方"}),
        ("(?:访|来)([华京])(?=$|[访])", {"访华", "来华", "访京", "来京"}),
        ("(?<=x)[ab]{2,3}", {"aa", "ab", "ba", "bb"}),
        # every first character with every second one: a superset, never fewer
        ("(?:东北|西南)(?=地区)", {"东北", "西南", "东南", "西北"}),
    ],
)
def test_the_pairs_that_begin_every_match(pattern, pairs):
    assert _anchors.first_pairs(re.compile(pattern)) == pairs


@pytest.mark.parametrize(
    "pattern",
    [
        "(?=中国)",  # an empty match
        "a?b",  # a match of one character
        "[^a]b",  # any character but one
        "中.",  # any character
        "(?i)ab",  # case folded
        "[\u4e00-\u9fff]国",  # a class too wide to list
        "港(?![口湾])",  # one character and what may not follow
    ],
)
def test_patterns_whose_pairs_are_not_known_run_as_they_are(pattern):
    regex = re.compile(pattern)
    assert _anchors.first_pairs(regex) is None
    anchored = _scan.Anchored(regex)
    assert anchored.name is None
    text = "中国港口港人ab bb"
    assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in regex.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        ("港(?![口湾])", {"港"}),
        ("[（(]([\u4e00-\u9fff]{2,4})[）)]", {"（", "("}),
        ("(?<=x)(?:ab|c)", {"a", "c"}),
        ("(?:a|[\u4e00-\u9fff])b", None),  # a class too wide to list
        ("(?=港)", None),  # an empty match
    ],
)
def test_the_characters_that_begin_every_match(pattern, chars):
    regex = re.compile(pattern)
    assert _anchors.first_chars(regex) == (None if chars is None else frozenset(chars))
    anchored = _scan.Anchored(regex, by_first_char=True)
    try:
        assert (anchored.name is None) == (chars is None)
        text = "港口港人（中国）(香港特区)xab c"
        found = [m.span() for m in anchored.finditer(text)]
        assert found == [m.span() for m in regex.finditer(text)]
    finally:
        if anchored.name is not None:
            _scan.register(anchored.name, ())  # the automaton as the suggesters left it


def test_a_replacement_character_in_a_word_is_no_character_beyond_the_bmp():
    """The scan reads a character beyond the BMP as U+FFFD: a word holding U+FFFD (a
    lexicon line decoded with errors) must not be found on such a character."""
    try:
        _scan.register("test_fffd", {"\ufffd", "a\ufffd"})
        for text in ("𠮷", "a𠮷", "a\ufffd𠮷", "𠮷\ufffd"):
            expected = [m.span() for m in re.finditer(trie_pattern({"\ufffd", "a\ufffd"}), text)]
            assert _scan.words(text, "test_fffd") == expected
    finally:
        _scan.register("test_fffd", ())


def test_a_page_with_a_lone_surrogate_is_scanned_around_it():
    """A lone surrogate (a JSON "\\ud800" escape) cannot be encoded for the automaton: it
    reads as a character no word holds, so the words around it keep their offsets."""
    try:
        _scan.register("test_surrogate", {"衡阳", "阳市", "\ufffd"})
        text = "衡阳\ud800阳市\ufffd"
        expected = [m.span() for m in re.finditer(trie_pattern({"衡阳", "阳市", "\ufffd"}), text)]
        assert _scan.words(text, "test_surrogate") == expected == [(0, 2), (3, 5), (5, 6)]
    finally:
        _scan.register("test_surrogate", ())


def test_a_vocabulary_registered_while_a_page_is_scanned_is_found_on_the_next_scan():
    """Another thread may register a vocabulary while a page is scanned (after the scan
    took the automaton): the scan that ran on the old automaton is not kept as the page's,
    so the next call for that page sees the new words."""
    text = "衡阳市新词野家"
    registered = []

    class RegisteringMidScan:
        """The built automaton, with another thread's registration in the middle of the
        scan (after the scan took the automaton)."""

        def __init__(self, automaton):
            self.automaton = automaton

        def find_matches_as_indexes(self, page, overlapping=False):
            if not registered:
                registered.append(True)
                _scan.register("test_midscan", {"新词"})
            return self.automaton.find_matches_as_indexes(page, overlapping=overlapping)

    _scan.scan("衡阳")  # the automaton built
    built = _scan._built
    # (the registration drops this automaton, as it drops any built before it)
    _scan._built = built._replace(automaton=RegisteringMidScan(built.automaton))
    try:
        assert _scan.words(text, "test_midscan") == []  # scanned before it was registered
        assert registered
        assert _scan.words(text, "test_midscan") == [(3, 5)]
    finally:
        _scan.register("test_midscan", ())


def test_the_listed_word_at_a_place_is_what_the_trie_regex_matched_there():
    """``orgs_places._word_at`` (a look-up, in place of a trie regex of every listed word
    that took a tenth of a second to compile) finds the longest listed word at a place, as
    the match of that regex did: at every place of the sample pages and of 东北大学."""
    from annotator.resources import seeds_dir
    from annotator.suggest import orgs_places

    regex = re.compile(trie_pattern(orgs_places._WORD_KINDS))
    pages = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    for text in [*pages, "东北大学", "在湖南省衡阳市人民政府", "北"]:
        for i in range(len(text) + 1):
            m = regex.match(text, i)
            assert orgs_places._word_at(text, i) == (m and m.span()), (text[i : i + 8], i)


@pytest.fixture
def scanned(monkeypatch) -> list[str]:
    """The texts the page scan reads from now on, in order (one entry a scan)."""
    texts: list[str] = []
    real = _scan._scan

    def counting(text, built=None):
        texts.append(text)
        return real(text, built)

    monkeypatch.setattr(_scan, "_scan", counting)
    return texts


def test_a_page_with_full_width_digits_is_scanned_once_and_its_ascii_copy_never(scanned):
    """The date rules read a copy of the page with ASCII digits (１９９８年 as People's Daily
    writes it): the page's own scan is still kept for the rules after them, and the copy's
    is made from it (the words the date rules read stand where they stood), so that the
    page is scanned once, however many rules read it and its copy."""
    from annotator import suggest

    page = "新华社北京１９９８年６月３日电 记者王小明报道：湖南省衡阳市政府今天召开会议，１２０人参加。"
    assert suggest.suggest_spans(page)  # dates, people, places and organisations read it
    assert scanned == [page]


def test_the_pages_of_a_chunk_are_each_scanned_once_as_the_rules_take_them_in_turn(scanned):
    """An import worker runs each rule over a few pages in turn: the scans of all those
    pages (and of their copies with ASCII digits) stay kept until the last rule has read
    them, so that each is scanned once, as a page alone is."""
    from annotator import suggest

    page = "新华社北京１９９８年６月３日电 记者王小明报道：湖南省衡阳市政府今天召开会议，１２０人参加。"
    pages = [f"第{k}版 {page}" for k in range(20)]  # more pages than are taken in turn
    found = suggest.suggestion_tuples_many(pages, [None] * len(pages))
    assert all(found)
    assert sorted(scanned) == sorted(pages)  # (and their copies with ASCII digits never)


def test_the_ascii_copy_of_a_page_reads_every_vocabulary_as_its_own_scan_would(scanned):
    """The copy of a page with its full-width digits and separators made ASCII (the date
    rules') takes its words from the page's scan: every vocabulary reads in it what a whole
    scan of it finds, with every kind of character replaced, among them those that only
    some words have in both forms (１) and 1) are not both numbers of a list: the list's
    numbers are looked for in the copy itself when read)."""
    from annotator.suggest import dates

    rng = random.Random(11)
    pieces = ["１９９８年６月３日", "１)", "1)", "１）", "二○○一年", "３．５倍", "１２－１５日", "７／８",
              "记者王小明报道：", "湖南省衡阳市政府", "（1）克林顿（2）布什（3）戈尔", "①朱佩②希拉克",
              "新华社北京", "１２０人", "3.5", "文／图", "２０２４-０１-０２", "Ｏ", "◯", "，"]  # fmt: skip
    everything = _scan._automaton()
    copies = set()
    for k in range(60):
        page = f"{k}" + "".join(rng.choices(pieces, k=rng.randint(1, 30)))
        copy = dates._narrow(page)
        if copy == page:
            continue
        copies.add(copy)
        whole = _scan._scan(copy, everything)
        for name in everything.names:
            assert _scan.words(copy, name) == whole.get(name, []), (page, name)
    assert copies & set(scanned)  # (copies with a list's number read their own scan)


def test_the_ascii_copy_of_a_page_takes_the_pages_words(scanned):
    """What the date rules read in the copy of a page with full-width digits is the page's
    own scan: the number patterns' anchors hold every pair in both forms (１年 and 1年)."""
    from annotator.suggest import dates

    page = "新华社北京１９９８年６月３日电 记者王小明报道：湖南省衡阳市政府今天召开会议，１２０人参加。"
    assert dates.find_date_candidates(page)
    copy = dates._narrow(page)
    assert copy != page and scanned == [page]
    for name in (dates._NUM_SCAN.name, dates._WORD_SCAN.name, "orgs_places"):
        assert _scan._found(copy)[name] is _scan._found(page)[name]
    assert _scan.words(copy, dates._NUM_SCAN.name) == _scan._scan(copy).get(dates._NUM_SCAN.name)


def test_a_copy_with_zeros_of_another_form_is_scanned_for_the_number_anchors_alone(scanned):
    """二○○一年 has a zero (○) that the number patterns do not read, and 二〇 is an anchor
    of theirs where 二○ is none: the copy's anchors are found in the copy, by an automaton
    of the vocabularies that need it alone (not the place and organisation words)."""
    from annotator.suggest import dates

    page = "新华社北京１９９８年６月３日电 湖南省衡阳市政府二○○一年成立，３．５倍。"
    assert dates.find_date_candidates(page)
    copy = dates._narrow(page)
    assert scanned == [page, copy]
    assert _scan._found(copy)["orgs_places"] is _scan._found(page)["orgs_places"]
    assert _scan.words(copy, dates._NUM_SCAN.name) == _scan._scan(copy).get(dates._NUM_SCAN.name)
    some = [b for names, b in _scan._some.items() if dates._NUM_SCAN.name in names]
    assert some and "orgs_places" not in some[0].names


def test_a_copy_that_is_no_copy_of_the_page_gets_its_own_scan(scanned):
    """A text of another length is no copy one character for one: nothing is kept for it
    (the page is not even scanned), and its words come from a whole scan of it."""
    page, other = "湖南省衡阳市政府１２０人出席", "湖南省衡阳市政府12人出席"
    _scan.scan_copy(other, page, {"１": "1", "２": "2", "０": "0"})
    assert scanned == []
    assert _scan.words(other, "orgs_places") == _scan._scan(other).get("orgs_places", [])
    assert scanned[0] == other


def test_a_copys_unread_vocabulary_is_marked_by_no_list_of_words(scanned):
    """A vocabulary of a copy not read yet stands as a mark of its own: not a list, which a
    caller could fill or which an empty scan could be taken for; once read it is the copy's
    own words."""
    from annotator.suggest import dates

    page = "湖南省衡阳市政府二○○一年成立，３．５倍。"
    copy = dates._narrow(page)
    _scan._found(page)
    _scan.scan_copy(copy, page, dict(dates._FULLWIDTH))
    marked = _scan._found(copy)[dates._NUM_SCAN.name]
    assert marked is _scan._LATER and not isinstance(marked, list)
    assert _scan.words(copy, dates._NUM_SCAN.name) == _scan._scan(copy).get(dates._NUM_SCAN.name)
    assert isinstance(_scan._found(copy)[dates._NUM_SCAN.name], list)
