"""Benchmark: the time the entity tagger's training takes (issue 10: 5,000 sentences
within 60 s on 2 cores).

Reads the sentences of BIO/BIOES files (``FILE`` or ``FILE:N``, its sentences N times
over: repeated sentences cost the training what new ones do, so a small file can stand
for 5,000 sentences when only the time is measured), makes gold pages of ``--per-page``
sentences (20, as ``annotator import --format conll`` does) and runs what ``annotator
train`` runs for the entity learner: ``cross_validate(pages, folds)`` (the folds and the
model of the whole gold in worker processes, one a core) and ``train(pages, figures)``.
Prints ``name=value`` lines: ``sentences``, ``chars``, ``pages``, ``wall_s`` (wall clock:
what a person waits, longer on a machine busy with other work), ``cpu_s`` (CPU of this
process and its workers, which other work changes little) and ``model_digest`` (a hash
of the model's bytes, which a faster code must not change). No score is printed: a file
used only for timing may be a test portion.

With ``--parts`` it prints instead the CPU of one training on all the sentences in this
process, part by part: ``rules_s`` (the rule candidates, a feature), ``features_s``,
``append_s`` (pycrfsuite taking the feature strings) and ``lbfgs_s`` (crfsuite's own
training).

    python bench/entity_training.py FILE[:N]... [--per-page 20] [--folds 5] [--parts]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _sentences(specs: list[str]) -> list[tuple[str, list[tuple[int, int, str]]]]:
    from annotator.formats.conll import read_conll

    out = []
    for spec in specs:
        name, _, times = spec.rpartition(":") if ":" in spec else (spec, "", "1")
        out += [(text, list(ents)) for text, ents in read_conll(Path(name))] * int(times)
    return out


def _pages(sentences: list, per_page: int) -> list:
    from annotator.model import Block, Page, Span

    pages = []
    for n in range(0, len(sentences), per_page):
        chunk = sentences[n : n + per_page]
        blocks, spans, at = [], [], 0
        for text, ents in chunk:
            blocks.append(Block(at, at + len(text), "body", 1))
            spans += [Span(at + s, at + e, label, status="accepted") for s, e, label in ents]
            at += len(text) + 1
        page_text = "\n".join(text for text, _ in chunk)
        pages.append((Page(f"p{n}", page_text, status="done"), blocks, spans))
    return pages


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def parts(sentences: list) -> None:
    """The CPU of one training on ``sentences`` in this process, part by part."""
    import pycrfsuite

    from annotator.learn import entities

    entities.rule_entities("中国")  # the rules and lexicons loaded before the clock
    entities.features("中国")
    start = time.process_time()
    rules = [entities.rule_entities(text) for text, _ in sentences]
    ruled = time.process_time()
    rows = [entities.features(text, r) for (text, _), r in zip(sentences, rules, strict=True)]
    featured = time.process_time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, (text, ents) in zip(rows, sentences, strict=True):
        trainer.append(xseq, entities.bio_tags(len(text), ents))
    appended = time.process_time()
    trainer.set_params(entities.train_params(len(sentences)))
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
    finally:
        os.unlink(path)
    done = time.process_time()
    print(f"rules_s={ruled - start:.2f}")
    print(f"features_s={featured - ruled:.2f}")
    print(f"append_s={appended - featured:.2f}")
    print(f"lbfgs_s={done - appended:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="BIO/BIOES files, FILE:N for N times over")
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--parts", action="store_true", help="one training, part by part")
    args = parser.parse_args()
    sentences = [s for s in _sentences(args.files) if s[0]]
    print(f"sentences={len(sentences)}")
    print(f"chars={sum(len(text) for text, _ in sentences)}")
    if args.parts:
        parts(sentences)
        return
    from annotator.learn import entities

    pages = _pages(sentences, max(1, args.per_page))
    print(f"pages={len(pages)}")
    entities.rule_entities("中国")  # the rules and lexicons loaded before the clock
    entities.features("中国")
    wall, cpu = time.perf_counter(), _cpu()
    figures = entities.cross_validate(pages, args.folds)
    data = entities.train(pages, figures)
    print(f"wall_s={time.perf_counter() - wall:.1f}")
    print(f"cpu_s={_cpu() - cpu:.1f}")
    print(f"model_digest={hashlib.sha256(data).hexdigest()[:16]}")


if __name__ == "__main__":
    main()
