"""The entity tagger learnt from gold: a character-level linear-chain CRF (python-crfsuite).

Pure (no SQL, no Qt). It satisfies the learner interface of :mod:`annotator.learn`
(``KIND``, ``MIN_PAGES``, ``train``, ``cross_validate``, ``load``) and is used by import
and ``annotator suggest`` beside the rules (``annotator.suggest.suggest_spans(tagger=…)``).

**Units.** A sequence is one line of a done page (lines of ``other`` blocks, page
furniture that reviewers do not annotate, are left out); its tags are BIO over the labels
of the page's *accepted* spans, whatever they are (PER, ORG, LOC, DATE, FIGURE or a
project label): the model learns the labels its gold has.

**Features** of the character at ``i`` (all binary):

- characters ``i-2 … i+2``, the pairs among them and the triple around ``i``;
- character classes (Han, digit, Chinese numeral, Latin, punctuation, space, other) of
  ``i-1 … i+1``;
- words: forward longest match over jieba's dictionary (its words and their POS tags, as
  ``jieba.posseg`` uses them; jieba's own ``cut`` is five times slower than the budget of
  200,000 characters a second allows): the position of ``i`` in its word (B/M/E/S), the
  word's POS, and both together;
- lexicons (:func:`lexicon_words`, the only place that knows where they come from):
  surname characters, known places and organisation suffixes matched in the line;
- the rule suggesters' own candidates (``annotator.suggest.rule_spans``, unresolved):
  ``B-``/``I-`` of each rule label covering ``i`` (stacking: the model learns when to
  trust the rules).

**Confidence** of a predicted span: the *smallest* marginal probability, over its
characters, of the tag the model chose (a span is as sure as its least sure character),
stored in the suggestion's ``attrs`` as ``{"confidence": 0.93}``. Gold export leaves the
key out (``formats.gold_jsonl``): it describes the suggestion, not the entity.

**Determinism.** The same pages in the same order give the same bytes: features are
built in text order, L-BFGS has no randomness, and crfsuite writes no time stamp.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.learn import GoldPages

KIND = "entities"
MIN_PAGES = 5
FORMAT = b"annotator-entities-crf 1\n"  # bump when the features change: old models refused

Entity = tuple[int, int, str]
Sentence = tuple[str, Sequence[Entity]]
Candidate = tuple[int, int, str, dict[str, Any]]

# L1 and L2 penalties and iterations chosen on the dev portion of a public corpus (c1 0.05
# to 0.15, c2 0.01 to 0.02, 100 to 120 iterations scored alike; these give the smallest model)
TRAIN_PARAMS: dict[str, Any] = {
    "c1": 0.15,
    "c2": 0.02,
    "max_iterations": 100,
    "feature.possible_transitions": True,
}

_lock = threading.Lock()
_cache: dict[str, Any] = {}


# --- lexicons and the word dictionary --------------------------------------------------


_PLACE_LISTS = ("PROVINCES_FULL", "PROVINCES_SHORT", "PREFECTURES", "COUNTRIES", "WORLD_CITIES",
                "NATURAL")  # fmt: skip


def lexicon_words() -> tuple[frozenset[str], dict[str, str]]:
    """Surname characters, and lexicon words with their kind (``place`` or ``orgsuffix``).

    The one function that knows where the lexicons live: the data files of
    ``resources/lexicon/`` through ``annotator.lexicon`` where that module exists, else the
    lists :mod:`annotator.suggest` holds in code. A list that cannot be found is left out
    (the model learns without it) rather than breaking the tagger.
    """
    try:
        from annotator import lexicon
    except ImportError:
        return _lexicons_in_code()
    surnames = frozenset(w for w in _lexicon_list(lexicon, "people_surnames") if len(w) == 1)
    words: dict[str, str] = {}
    for name in _PLACE_LISTS:
        for word in _lexicon_list(lexicon, "places_" + name.lower()):
            if len(word) > 1:
                words[word] = "place"
    for word in _lexicon_list(lexicon, "orgs_suffixes"):
        words.setdefault(word, "orgsuffix")
    return surnames, words


def _lexicon_list(lexicon: Any, name: str) -> tuple[str, ...]:
    try:
        return tuple(lexicon.words(name))
    except Exception:  # a lexicon renamed or missing: learn without it
        return ()


def _lexicons_in_code() -> tuple[frozenset[str], dict[str, str]]:
    from annotator.suggest import _places, orgs_places, people

    surnames = frozenset(s for s in getattr(people, "SURNAMES", ()) if len(s) == 1)
    words: dict[str, str] = {}
    for name in _PLACE_LISTS:
        for word in getattr(_places, name, ()):
            if len(word) > 1:
                words[word] = "place"
    for word in getattr(orgs_places, "_SUFFIXES", {}):
        words.setdefault(word, "orgsuffix")
    return surnames, words


def _automaton(kind: str) -> Any:
    """A pyahocorasick automaton (built once per process): ``words`` (jieba's dictionary
    with POS) or ``lexicon`` (:func:`lexicon_words`)."""
    with _lock:
        if kind not in _cache:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for word, value in _dictionary() if kind == "words" else _lexicon_items():
                automaton.add_word(word, value)
            automaton.make_automaton()
            _cache[kind] = automaton
        return _cache[kind]


def _dictionary() -> Iterable[tuple[str, tuple[int, str]]]:
    """jieba's dictionary words of two or more characters, with their POS tag."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # jieba imports pkg_resources
            import jieba
    except ImportError:  # a broken install: tag without word features rather than fail
        return
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            word, freq, pos = line.split()
            if len(word) > 1 and int(freq) >= 3:
                yield word, (len(word), pos)


def _lexicon_items() -> Iterable[tuple[str, tuple[int, str]]]:
    for word, kind in sorted(lexicon_words()[1].items()):
        yield word, (len(word), kind)


def _surnames() -> frozenset[str]:
    with _lock:
        if "surnames" not in _cache:
            _cache["surnames"] = lexicon_words()[0]
        return _cache["surnames"]


# --- features --------------------------------------------------------------------------

_CLASS: dict[str, str] = {}
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")


def char_class(ch: str) -> str:
    """H Han, N Chinese numeral, D digit, L letter, P punctuation, S space, O other."""
    cls = _CLASS.get(ch)
    if cls is None:
        if ch in _NUMERALS:
            cls = "N"
        elif ch.isdigit():
            cls = "D"
        elif ch.isspace():
            cls = "S"
        elif "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000":
            cls = "H"
        elif ch.isalpha():
            cls = "L"
        elif unicodedata.category(ch)[0] in "PS":
            cls = "P"
        else:
            cls = "O"
        _CLASS[ch] = cls
    return cls


def features(text: str, rules: Iterable[Entity] = ()) -> list[list[str]]:
    """The feature strings of each character of one line ``text``; ``rules`` are the rule
    candidates ``(start, end, label)`` over it.

    Built column by column with C-level string operations (join/split, slices), then
    zipped into one list per character: about three times faster than a loop per
    character, which matters at 200,000 characters a second.
    """
    n = len(text)
    if "\x00" in text:  # the column separator below
        text = text.replace("\x00", "\x01")
    padded = "\x02\x02" + text + "\x03\x03"
    cls = "".join([_CLASS.get(c) or char_class(c) for c in padded])
    out = [
        list(row)
        for row in zip(
            _column("c0=", text),
            _column("c-1=", padded[1 : n + 1]),
            _column("c1=", padded[3 : n + 3]),
            ["b-1=" + padded[i + 1 : i + 3] for i in range(n)],
            ["b0=" + padded[i + 2 : i + 4] for i in range(n)],
            ["k=" + cls[i + 1 : i + 4] for i in range(n)],
            _word_column(text),
            strict=True,
        )
    ]
    _lexicon_features(text, out)
    for s, e, label in rules:
        out[s].append("r=B-" + label)
        for j in range(s + 1, e):
            out[j].append("r=I-" + label)
    return out


def _column(prefix: str, chars: str) -> list[str]:
    """``[prefix + c for c in chars]``, made by one join and one split."""
    return (prefix + ("\x00" + prefix).join(chars)).split("\x00") if chars else []


def _word_column(text: str) -> list[str]:
    """Each character's position in its dictionary word (B/M/E, S alone) with the POS."""
    column = ["w=S"] * len(text)
    for end, (length, pos) in _automaton("words").iter_long(text):
        start = end - length + 1
        column[start] = "w=B" + pos
        column[end] = "w=E" + pos
        if length > 2:
            column[start + 1 : end] = ["w=M" + pos] * (length - 2)
    return column


def _lexicon_features(text: str, out: list[list[str]]) -> None:
    surnames = _surnames()
    for j, ch in enumerate(text):
        if ch in surnames:
            out[j].append("sur")
    for end, (length, kind) in _automaton("lexicon").iter(text):
        start = end - length + 1
        out[start].append("x=B" + kind)
        for j in range(start + 1, end + 1):
            out[j].append("x=I" + kind)


def bio_tags(length: int, entities: Iterable[Entity]) -> list[str]:
    """BIO tags of a line; an entity overlapping an earlier one is left out."""
    tags = ["O"] * length
    for s, e, label in sorted(entities):
        if 0 <= s < e <= length and all(t == "O" for t in tags[s:e]):
            tags[s] = "B-" + label
            for j in range(s + 1, e):
                tags[j] = "I-" + label
    return tags


def rule_entities(text: str) -> list[Entity]:
    """The rule suggesters' candidates over ``text``, unresolved (a model feature)."""
    from annotator.suggest import rule_spans

    return [(s.start, s.end, s.label) for s in rule_spans(text)]


# --- gold ------------------------------------------------------------------------------


def gold_sentences(pages: GoldPages) -> list[Sentence]:
    """The lines of gold pages with their accepted spans (offsets within the line)."""
    out: list[Sentence] = []
    for page, blocks, spans in pages:
        skip = [(b.start, b.end) for b in blocks if b.role == "other"]
        accepted = sorted((s.start, s.end, s.label) for s in spans if s.status == "accepted")
        at = 0
        for line in page.text.split("\n"):
            end = at + len(line)
            if line.strip() and not any(a < end and at < b for a, b in skip):
                out.append(
                    (
                        line,
                        [(s - at, e - at, lab) for s, e, lab in accepted if at <= s and e <= end],
                    )
                )
            at = end + 1
    return out


# --- training --------------------------------------------------------------------------


def train(pages: GoldPages) -> bytes:
    """A model learnt from the accepted spans of gold pages, as bytes (deterministic)."""
    return train_sentences(gold_sentences(pages))


def train_sentences(sentences: Sequence[Sentence], params: dict[str, Any] | None = None) -> bytes:
    """A model learnt from ``(line, entities)`` pairs, as bytes."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, entities in sentences:
        if text:
            trainer.append(features(text, rule_entities(text)), bio_tags(len(text), entities))
    trainer.set_params({**TRAIN_PARAMS, **(params or {})})
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        with open(path, "rb") as model:
            return FORMAT + model.read()
    finally:
        os.unlink(path)


# --- tagging ---------------------------------------------------------------------------


@dataclass
class EntityModel:
    """A loaded tagger. Call it with a page text (and, when the caller has them, the rule
    candidates over it) for suggestions ``(start, end, label, {"confidence": c})``.

    ``labels`` are the labels whose rule suggestions the model's replace: every label it
    learnt but FIGURE."""

    tagger: Any
    labels: tuple[str, ...]
    digest: str
    buffer: bytes  # crfsuite reads the model from this memory: it must outlive the tagger
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __call__(
        self, text: str, rule_candidates: Iterable[tuple[Any, ...]] | None = None
    ) -> list[Candidate]:
        if rule_candidates is None:
            from annotator.suggest import rule_spans

            given = [(s.start, s.end, s.label, s.origin, s.attrs) for s in rule_spans(text)]
        else:
            given = [c for c in rule_candidates if c[3] == "rule"]
        rules = [(c[0], c[1], c[2]) for c in given]
        # a span the rules found too keeps their attributes (a date's fields, a figure's
        # value and unit): the model decides where entities are, not what they mean
        known = {(c[0], c[1], c[2]): c[4] for c in given if c[4]}
        out: list[Candidate] = []
        at = 0
        rules.sort()
        k = 0
        for line in text.split("\n"):
            end = at + len(line)
            mine = []
            while k < len(rules) and rules[k][0] < end:
                s, e, label = rules[k]
                if s >= at and e <= end:
                    mine.append((s - at, e - at, label))
                k += 1
            if line.strip():
                for s, e, label, attrs in self.tag_line(line, mine):
                    s, e = s + at, e + at
                    extra = known.get((s, e, label))
                    if extra is None and label == "FIGURE":
                        extra = _figure_attrs(text[s:e])
                    out.append((s, e, label, {**extra, **attrs} if extra else attrs))
            at = end + 1
        return out

    def tag_line(self, line: str, rules: Iterable[Entity] = ()) -> list[Candidate]:
        """Entities of one line (no newline) with their confidence."""
        tagger = self.tagger
        xseq = features(line, rules)
        out: list[Candidate] = []
        with self.lock:  # a crfsuite tagger holds the sequence it tags: one at a time
            tags = tagger.tag(xseq)
            for s, e, label in spans_of(tags):
                confidence = min(tagger.marginal(tags[j], j) for j in range(s, e))
                out.append((s, e, label, {"confidence": round(confidence, 4)}))
        return out


def spans_of(tags: Sequence[str]) -> list[Entity]:
    """Entities of a BIO tag sequence (an ``I-`` after ``O`` or another label starts one)."""
    out: list[Entity] = []
    start, label = -1, ""
    for j, tag in enumerate([*tags, "O"]):
        if start >= 0 and (tag[0] != "I" or tag[2:] != label):
            out.append((start, j, label))
            start = -1
        if tag != "O" and start < 0:
            start, label = j, tag[2:]
    return out


def load(data: bytes) -> EntityModel:
    """The tagger of a model's bytes; ``ValueError`` for bytes of another format."""
    import pycrfsuite

    if not data.startswith(FORMAT):
        raise ValueError("not an entity model of this version; retrain with 'annotator train'")
    buffer = data[len(FORMAT) :]
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(buffer)
    learnt = {t[2:] for t in tagger.labels() if t != "O"}
    # FIGURE stays with the rules (they normalise value and unit); the model's figures
    # only fill the gaps between theirs
    labels = tuple(sorted(learnt - {"FIGURE"}))
    return EntityModel(tagger, labels, hashlib.sha256(data).hexdigest(), buffer)


def _figure_attrs(piece: str) -> dict[str, Any]:
    from annotator.suggest import parse_figure

    return parse_figure(piece) or {}


def load_cached(data: bytes) -> EntityModel:
    """:func:`load`, once per process for the same bytes (import workers, suggest); a
    newer model replaces the one kept before."""
    digest = hashlib.sha256(data).hexdigest()
    with _lock:
        model = _cache.get("model")
    if model is None or model.digest != digest:
        model = load(data)
        with _lock:
            _cache["model"] = model
    return model


Tagger = Callable[[str, Any], list[Candidate]]


# --- cross-validation ------------------------------------------------------------------


def cross_validate(pages: GoldPages, folds: int = 5) -> dict[str, Any]:
    """Exact per-label precision, recall and F1 of the rules, the model, and both merged
    (as import merges them), on held-out folds of the gold pages (page ``i`` is in fold
    ``i % folds``). Folds are trained in parallel, one process per core, when there is
    enough gold for it to pay."""
    from annotator.metrics import exact_scores

    pages = list(pages)
    folds = max(2, min(folds, len(pages)))
    splits = [
        (
            [p for i, p in enumerate(pages) if i % folds != fold],
            [p for i, p in enumerate(pages) if i % folds == fold],
        )
        for fold in range(folds)
    ]
    workers = min(folds, os.cpu_count() or 1)
    if workers > 1 and len(pages) >= _PARALLEL_FROM_PAGES:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn")  # safe beside any threads
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            results = list(pool.map(_fold_cases, splits))
    else:
        results = [_fold_cases(split) for split in splits]
    cases: dict[str, list[tuple[set[Entity], set[Entity]]]] = {}
    labels: set[str] = set()
    for result in results:
        for name, pairs in result.items():
            cases.setdefault(name, []).extend(pairs)
            labels |= {g[2] for gold, _ in pairs for g in gold}
    ordered = sorted(labels)
    return {
        "folds": folds,
        "pages": len(pages),
        **{name: exact_scores(pairs, ordered) for name, pairs in cases.items()},
    }


_PARALLEL_FROM_PAGES = 40


def _fold_cases(
    split: tuple[GoldPages, GoldPages],
) -> dict[str, list[tuple[set[Entity], set[Entity]]]]:
    """(gold, predicted) pairs of each held-out line for the rules, model and merged."""
    from annotator.suggest import suggestion_tuples

    train_pages, held = split
    model = load(train(train_pages))
    cases: dict[str, list[tuple[set[Entity], set[Entity]]]] = {
        "rules": [],
        "model": [],
        "merged": [],
    }
    for text, gold in gold_sentences(held):
        gold_set = set(gold)
        predicted: dict[str, Sequence[tuple[Any, ...]]] = {
            "rules": suggestion_tuples(text),
            "model": model(text),
            "merged": suggestion_tuples(text, tagger=model),
        }
        for name, spans in predicted.items():
            cases[name].append((gold_set, {(c[0], c[1], c[2]) for c in spans}))
    return cases
