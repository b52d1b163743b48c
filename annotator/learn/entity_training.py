"""Training and cross-validating the entity tagger (:mod:`annotator.learn.entities`):
the gold lines of done pages, the crfsuite parameters, the model's bytes (deterministic),
and the figures of the rules and the model on held-out folds, trained one process a core."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from annotator.learn import GoldPages
from annotator.learn.entity_bounds import (
    _DROP_BELOW,
    _GUESS_BELOW,
    _LENGTHS,
    _YIELD_BELOW,
    _f1,
    _relabelled,
    _unguessed,
    _ways,
    _yielded,
    drop_below,
    guess_below,
    kept_labels,
    relabel_below,
    takeover,
    yield_below,
)
from annotator.learn.entity_features import (
    Entity,
    Sentence,
    bio_tags,
    features,
    rule_entities,
    rule_suggestions,
)
from annotator.learn.entity_model import Candidate, EntityModel, _header, load
from annotator.processes import can_start_workers, pool_context

# L1 and L2 penalties and iterations. First chosen on the dev portion of the corpus trained
# on (c1 0.05 to 0.15, c2 0.01 to 0.02, 100 to 120 iterations scored alike there); but the
# model is used on other papers, and on text it never saw a stronger L2 penalty and fewer
# iterations generalise better. Trained on 5,000 sentences of one public corpus (exact F1
# of the tagger alone, all labels) on untuned news text of another corpus, c2 0.02 / 0.1 /
# 0.2 / 0.5 / 1.0 / 2.0 gave 0.775 / 0.778 / 0.781 / 0.790 / 0.796 / 0.797, on a fresh dev
# portion of the corpus itself 0.787 / 0.801 / 0.803 / 0.806 / 0.810 / 0.804; another
# slice of 5,000 sentences agreed (c2 0.02 → 1.0: 0.823 → 0.826, 0.785 → 0.802). More
# iterations fit the paper trained on (150: 0.761, 0.786); at c2 1.0, 40 / 60 / 80 / 100
# gave 0.792 / 0.799 / 0.798 / 0.796 and 0.805 / 0.811 / 0.809 / 0.810: 60 take 40% less
# time. c1 0.05 or 0.3 beside c2 0.5 or 0.2 changed nothing beyond noise.
# crfsuite's penalties do not grow with the gold (its log-likelihood does), so the L2
# penalty is given a sentence of gold (1.0 for 5,000 sentences), never below 0.02: a window
# retraining on a few done pages must not be held down by the penalty meant for thousands
# (on 1,000 sentences and 60 iterations, c2 0.2 against 0.02: 0.772 against 0.776 and
# 0.746 against 0.731, 1.0 gave 0.766 and 0.743; the former 0.02 and 100: 0.770, 0.721).
TRAIN_PARAMS: dict[str, Any] = {
    "c1": 0.15,
    "c2": 0.02,
    "max_iterations": 60,
    "feature.possible_transitions": True,
}
# the L2 penalty a sentence of gold (see above)
C2_PER_SENTENCE = 1.0 / 5000
# The L1 penalty grows too, from 0.15 at 2,500 sentences to 0.3 at 5,000 and more (issue 10,
# session 30): the model keeps 28% fewer attributes (17,771 -> 12,860 on 5,285 sentences), so
# that tagging hands crfsuite fewer (24,928 -> 24,559 instructions a character), and scores
# alike. Trained as ``annotator train`` on 5,285 sentences of one public corpus, merged
# exact F1 moved by a span or two: untuned text of another paper ORG 0.751 -> 0.758, PER
# 0.933 -> 0.937, LOC 0.873; a dev portion of the corpus itself LOC 0.926, ORG 0.937 ->
# 0.934, PER 0.899 -> 0.897; held-out slices of both unchanged but one name. Small gold keeps
# 0.15: a window retraining on a few done pages must not lose the few features it has.
C1_PER_SENTENCE = 0.3 / 5000
C1_MOST = 0.3


def train_params(count: int) -> dict[str, Any]:
    """The crfsuite parameters of a training on ``count`` sentences (:data:`TRAIN_PARAMS`,
    the L2 penalty grown with the gold by :data:`C2_PER_SENTENCE`, the L1 penalty by
    :data:`C1_PER_SENTENCE` up to :data:`C1_MOST`)."""
    c1 = min(C1_MOST, max(TRAIN_PARAMS["c1"], count * C1_PER_SENTENCE))
    return {**TRAIN_PARAMS, "c1": c1, "c2": max(TRAIN_PARAMS["c2"], count * C2_PER_SENTENCE)}


# the model of the whole gold that :func:`cross_validate` trained beside its folds
_cache: dict[str, Any] = {}


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


def train(pages: GoldPages, figures: dict[str, Any] | None = None) -> bytes:
    """A model learnt from the accepted spans of gold pages, as bytes (deterministic).

    ``figures`` are :func:`cross_validate`'s figures on the same pages, when known: the
    model then replaces the rules only for the labels it scored at least as well on."""
    sentences = gold_sentences(pages)
    crf = _trained_beside_folds(sentences)
    header = _header(
        takeover(figures),
        kept_labels(figures),
        yield_below(figures),
        relabel_below(figures),
        drop_below(figures),
        guess_below(figures),
    )
    return header + (_crf_bytes(sentences) if crf is None else crf)


def train_sentences(
    sentences: Sequence[Sentence],
    params: dict[str, Any] | None = None,
    replaces: Sequence[str] | None = None,
    keeps: Sequence[str] | None = None,
) -> bytes:
    """A model learnt from ``(line, entities)`` pairs, as bytes; it replaces the rules for
    ``replaces`` (None: every label it learns but FIGURE), keeping the rules' suggestions
    it tags nothing over for ``keeps`` (None: every label)."""
    return _header(replaces, keeps) + _crf_bytes(sentences, params)


def _crf_bytes(sentences: Sequence[Sentence], params: dict[str, Any] | None = None) -> bytes:
    """The crfsuite model learnt from ``sentences`` (what follows :func:`_header`)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for text, entities in sentences:
        if text:
            trainer.append(features(text, _rules_of(text)), bio_tags(len(text), entities))
            count += 1
    trainer.set_params({**train_params(count), **(params or {})})
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        with open(path, "rb") as model:
            return model.read()
    finally:
        os.unlink(path)


# In a worker process of :func:`_in_pool`, the rule candidates of each gold line, found
# once for all the jobs it runs: each line is a training line of four folds and of the
# whole gold's model, and the rules were a fifth of a fold's CPU time (issue 10, session
# 32). None elsewhere (a window's process must not keep every line it ever trained on).
_RULES: dict[str, list[Entity]] | None = None


def _rules_of(text: str) -> list[Entity]:
    """The rule candidates of a line (:func:`rule_entities`), from :data:`_RULES` when
    this process keeps them."""
    memo = _RULES
    if memo is None:
        return rule_entities(text)
    found = memo.get(text)
    if found is None:
        found = memo[text] = rule_entities(text)
    return found


def _sentences_key(sentences: Sequence[Sentence]) -> str:
    """A digest of training sentences: the same sentences give the same crfsuite bytes."""
    return hashlib.sha256(repr([(t, list(e)) for t, e in sentences]).encode()).hexdigest()


def _trained_beside_folds(sentences: Sequence[Sentence]) -> bytes | None:
    """The crfsuite model of ``sentences`` if :func:`cross_validate` trained it in its pool
    beside the folds (the whole gold's model needs no figures); None otherwise. Taken
    once: a later training of the same gold trains again."""
    key, crf = _cache.pop("beside_folds", (None, None))
    return crf if key is not None and key == _sentences_key(sentences) else None


def cross_validate(pages: GoldPages, folds: int = 5) -> dict[str, Any]:
    """Exact per-label precision, recall and F1 of the rules, the model (keeping the
    rules' suggestions it tags nothing over), the tagger alone (``crf``) and the rules and
    model merged (as import merges them), on held-out folds of the gold pages. Folds are
    trained in parallel, one process per core, when there is enough gold for it to pay.

    A fold is a run of consecutive pages (in the order given, as they were imported), not
    every ``folds``-th page: an article goes on over several pages, and the names of its
    held-out pages were learnt from its other pages (on 32 pages of a public corpus, page
    ``i`` in fold ``i % folds`` scored the model's PER 0.79 against the rules' 0.70; held
    out by runs, 0.68, as on unseen text), which made the model take over labels it did
    worse on."""
    from annotator.metrics import exact_scores

    pages = list(pages)
    folds = max(2, min(folds, len(pages)))
    cuts = [len(pages) * fold // folds for fold in range(folds + 1)]
    splits = [
        (pages[: cuts[fold]] + pages[cuts[fold + 1] :], pages[cuts[fold] : cuts[fold + 1]])
        for fold in range(folds)
    ]
    workers = min(folds, os.cpu_count() or 1)
    results = None
    if workers > 1 and len(pages) >= _PARALLEL_FROM_PAGES and can_start_workers():
        results = _in_pool(pages, splits, workers)
    if results is None:  # few pages, one core, or no worker processes here
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
        "fold_wins": fold_wins(results, ordered),
        "against_rules": against_rules(cases, ordered),
    }


def against_rules(
    cases: dict[str, list[tuple[set[Entity], set[Entity]]]], labels: Sequence[str]
) -> dict[str, dict[str, list[int]]]:
    """Per way of the model that :func:`~annotator.learn.entity_bounds.takeover` weighs
    and per label, ``[better, worse]``: the held-out names where it is right and the rules
    wrong, and the reverse. A name is a cluster of overlapping spans of the label in the
    gold, the rules' and the model's (:func:`_clusters`): better where the model's spans
    there are the gold's and the rules' are not (a name they missed, cut or invented), worse
    the reverse. One name counts once: a bound the model fixed is one span of the rules'
    wrong and one of its own right, which counted as two doubled both counts and let the
    sign test pass at about 16% in place of 5%. (Figures stored before counted spans; they
    are read as counts of the same kind.) ``cases`` are :func:`cross_validate`'s (gold,
    predicted) pairs of each way, a pair a line in the same order for every way."""
    rules = cases.get("rules", [])
    out: dict[str, dict[str, list[int]]] = {}
    for name in _ways():
        if name not in cases:
            continue
        counts = {label: [0, 0] for label in labels}
        for (gold, theirs), (_, mine) in zip(rules, cases[name], strict=True):
            for label, better in _apart_names(gold, theirs, mine):
                if label in counts:
                    counts[label][0 if better else 1] += 1
        out[name] = counts
    return out


def _apart_names(
    gold: set[Entity], theirs: set[Entity], mine: set[Entity]
) -> Iterator[tuple[str, bool]]:
    """``(label, better)`` for each name of a line where exactly one of the model (``mine``)
    and the rules (``theirs``) has the gold's spans: better when it is the model."""
    for label in {span[2] for span in mine ^ theirs}:
        for cluster in _clusters([s for s in (*gold, *theirs, *mine) if s[2] == label]):
            right = {s for s in gold if s in cluster}
            mine_right = {s for s in mine if s in cluster} == right
            theirs_right = {s for s in theirs if s in cluster} == right
            if mine_right != theirs_right:
                yield label, mine_right


def _clusters(spans: list[Entity]) -> list[set[Entity]]:
    """``spans`` (of one label) in groups that overlap, each group joined by a chain of
    overlapping spans."""
    out: list[set[Entity]] = []
    end = -1
    for span in sorted(set(spans)):
        if out and span[0] < end:  # overlaps the group so far
            out[-1].add(span)
            end = max(end, span[1])
        else:
            out.append({span})
            end = span[1]
    return out


def fold_wins(
    results: Sequence[dict[str, list[tuple[set[Entity], set[Entity]]]]], labels: Sequence[str]
) -> dict[str, int]:
    """Per label, the folds in which the model (the best of its ways, as
    :func:`~annotator.learn.entity_bounds.takeover` weighs them) scored at least the rules'
    exact F1; a fold without gold of the label counts as won (nothing against it)."""
    from annotator.metrics import exact_scores

    wins = dict.fromkeys(labels, 0)
    for result in results:
        scored = {name: exact_scores(pairs, list(labels)) for name, pairs in result.items()}
        for label in labels:
            unseen = not (scored.get("rules", {}).get(label) or {}).get("reference")
            wins[label] += unseen or _f1(scored, label) >= _f1(scored, label, "rules")
    return wins


_PARALLEL_FROM_PAGES = 40


def _in_pool(
    pages: GoldPages, splits: Sequence[tuple[GoldPages, GoldPages]], workers: int
) -> list[dict[str, list[tuple[set[Entity], set[Entity]]]]] | None:
    """:func:`_fold_cases` of each split in ``workers`` processes, and the model of the
    whole gold beside them (kept for :func:`train`); None if the processes could not
    start or one died (the caller then scores the folds itself)."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Forked where that is safe (they start with the rules loaded here); else from the
    # forkserver, which loads the rules once for all of them (annotator.worker_warmup).
    try:
        context = pool_context(preload=["annotator.worker_warmup"])
        # A killed trainer (the window's training process, annotator train) takes its
        # fold workers with it: they would otherwise wait for more folds forever.
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker) as pool:
            # The model of the whole gold (what ``train`` keeps) needs no figures but the
            # labels it takes over: trained here beside the folds, submitted first as the
            # longest job, it fills the core the last fold leaves idle (5 folds on 2 cores)
            # instead of running alone after them. ``train`` takes its bytes (the same).
            sentences = gold_sentences(pages)
            whole = pool.submit(_crf_bytes, sentences)
            results = list(pool.map(_fold_cases, splits))
            _cache["beside_folds"] = (_sentences_key(sentences), whole.result())
            return results
    except (BrokenProcessPool, OSError):
        return None


def _start_worker() -> None:
    """A fold worker ends with its parent and keeps the rule candidates it finds."""
    from annotator.processes import end_with_parent  # light: the worker calls it first

    global _RULES
    _RULES = {}
    end_with_parent()


def _fold_cases(
    split: tuple[GoldPages, GoldPages],
) -> dict[str, list[tuple[set[Entity], set[Entity]]]]:
    """(gold, predicted) pairs of each held-out line for the rules, model, crf and merged."""
    from annotator.suggest import suggestion_tuples

    train_pages, held = split
    model = load(train(train_pages))
    cases: dict[str, list[tuple[set[Entity], set[Entity]]]] = {
        "rules": [],
        "model": [],
        "crf": [],
        "merged": [],
        **{name: [] for name, _ in _LENGTHS},
        **{f"yields_{below:g}": [] for below in _YIELD_BELOW},
        **{f"relabels_{below:g}": [] for below in _YIELD_BELOW},
        **{f"drops_{below:g}": [] for below in _DROP_BELOW},
        **{f"guesses_{below:g}": [] for below in _GUESS_BELOW},
    }
    for text, gold in gold_sentences(held):
        gold_set = set(gold)
        # merged first: its call of the model gives the model's spans and the rule
        # candidates, which the tagger alone reuses (each found once, not three times)
        seen = _Seen(model)
        merged = suggestion_tuples(text, tagger=seen)
        # what the rules alone suggest: their candidates (the tagger was given them all)
        # resolved as suggestion_tuples resolves them, not found a second time
        suggested = rule_suggestions([(c[0], c[1], c[2]) for c in seen.candidates])
        predicted: dict[str, Sequence[tuple[Any, ...]]] = {
            "rules": suggested,
            "model": seen.found,
            "crf": model.crf(text, seen.candidates),
            "merged": merged,
        }
        for name, spans in predicted.items():
            cases[name].append((gold_set, {(c[0], c[1], c[2]) for c in spans}))
        # the tagger keeping the rules' spans of one length only: those the model kept
        # (it tags nothing over them) are what it answered beyond the tagger alone
        alone, kept = cases["crf"][-1][1], cases["model"][-1][1] - cases["crf"][-1][1]
        single = {k for k in kept if k[1] - k[0] == 1}
        cases["model_single"].append((gold_set, alone | single))
        cases["model_longer"].append((gold_set, alone | (kept - single)))
        _add_yields(cases, gold_set, predicted["crf"], kept, suggested, model.labels)
        # the model leaving out the rule spans it kept that it is less sure of than each
        # bound (:func:`drop_below`)
        sure = {(c[0], c[1], c[2]): c[3]["confidence"] for c in seen.found}
        for below in _DROP_BELOW:
            left = {k for k in kept if sure.get(k, 1.0) >= below}
            cases[f"drops_{below:g}"].append((gold_set, alone | left))
        _add_guesses(cases, gold_set, predicted["crf"], kept, suggested)
    return cases


def _add_guesses(
    cases: dict[str, list[tuple[set[Entity], set[Entity]]]],
    gold: set[Entity],
    alone: Sequence[tuple[Any, ...]],
    kept: set[Entity],
    suggested: Sequence[Entity],
) -> None:
    """(gold, predicted) of the model (keeping every label's rule spans) without the
    tagger's spans less sure than each of :data:`_GUESS_BELOW` that overlap no rule
    suggestion (:func:`guess_below`; every label given the bound: each label's figures
    are its own); ``alone`` are the tagger's spans, ``suggested`` the rules'."""
    spans = [(c[0], c[1], c[2]) for c in alone]
    sure = [c[3]["confidence"] for c in alone]
    labels = {span[2] for span in spans}
    for below in _GUESS_BELOW:
        left, _ = _unguessed(spans, sure, suggested, dict.fromkeys(labels, below))
        cases[f"guesses_{below:g}"].append((gold, set(left) | kept))


def _add_yields(
    cases: dict[str, list[tuple[set[Entity], set[Entity]]]],
    gold: set[Entity],
    alone: Sequence[tuple[Any, ...]],
    kept: set[Entity],
    suggested: Sequence[Entity],
    labels: Sequence[str],
) -> None:
    """(gold, predicted) of the model (keeping every label's rule spans) whose spans less
    sure than each of :data:`_YIELD_BELOW` yield to the one-character rule suggestions
    they overlap (:func:`_yielded`), and, apart, take the label of a rule suggestion of
    the same characters (:func:`_relabelled`); ``suggested`` are the rules' suggestions."""
    learnt = [r for r in suggested if r[2] in labels]
    single = [r for r in learnt if r[1] - r[0] == 1]
    spans = [(c[0], c[1], c[2]) for c in alone]
    sure = [c[3]["confidence"] for c in alone]
    for below in _YIELD_BELOW:
        left, _ = _yielded(spans, sure, learnt, below) if single else (spans, sure)
        taken = [r for r in single if not any(a < r[1] and r[0] < b for a, b, _ in left)]
        cases[f"yields_{below:g}"].append((gold, set(left) | kept | set(taken)))
        relabelled, _ = _relabelled(spans, sure, learnt, labels, below)
        cases[f"relabels_{below:g}"].append((gold, set(relabelled) | kept))


class _Seen:
    """A model that keeps what it was last called with and what it answered."""

    def __init__(self, model: EntityModel) -> None:
        self.model = model
        self.labels = model.labels
        self.candidates: list[tuple[Any, ...]] = []
        self.found: list[Candidate] = []

    def __call__(self, text: str, rule_candidates: Iterable[tuple[Any, ...]]) -> list[Candidate]:
        self.candidates = list(rule_candidates)
        self.found = self.model(text, self.candidates)
        return self.found
