"""Benchmark: the speed of the learnt entity tagger (issue 10: 200,000 characters a second
per core).

Reads the sentences of a BIO/BIOES file (``TEXT``), loads a model (``--model FILE``: the
bytes of ``annotator.learn.entities.train_sentences``; with ``--train FILE`` it is trained
first and, with ``--model``, saved there, so that two versions of the code can be timed on
the same model), and prints ``name=value`` lines, each the best of ``--rounds`` rounds of
CPU time (``time.process_time``, least slowed by other work on a shared machine):

* ``features_chars_per_s``: the feature strings of every line, as training makes them;
* ``model_chars_per_s``: the model's suggestions for every line, given the rule candidates
  (features, crfsuite's Viterbi and marginals): what ``model_chars_per_s`` of
  ``bench/entity_corpus.py`` measures;
* ``crfsuite_chars_per_s``: crfsuite alone (Viterbi and the marginals of the spans) on
  the rows the tagger gives it (of each line's features, those the model has a weight
  for, as bytes), made beforehand: the most the tagger can reach while its rows are made
  in Python, a ceiling that a faster feature code cannot pass;
  ``crfsuite_all_features_chars_per_s`` the same on every feature string of the lines
  (what the tagger gave crfsuite before it left out those the model has no weight for);
* ``tags_digest``: a hash of every span and confidence the model gave, which must not
  change when the code is made faster.

With ``--per-page N`` the model is given pages of ``N`` sentences, one a line, as
``annotator import --format conll --sentences-per-page N`` stores them and import tags
them (the default, 1, gives it one sentence at a time); the characters counted are the
sentences' own, without the newlines.

With ``--instructions`` (valgrind needed; give ``--model``) it prints instead the
instructions the tagging of every page executes a character (``ir_per_char``, one run
after a warm-up run, with ``tags_digest``): a count that the load of a shared machine does
not change, for comparing two versions of the code. Only the tagging is counted
(callgrind's instrumentation is switched on after the warm-up, and the process ends
without its teardown).

    python bench/entity_speed.py TEXT [--train FILE] [--model FILE] [--rounds 5]
                                      [--per-page N] [--instructions]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_run import counted  # noqa: E402


def best_cpu(work: Callable[[], object], rounds: int) -> float:
    """The least CPU time of ``rounds`` runs of ``work``."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def _pages(text: Path, per_page: int) -> tuple[list[str], list[str]]:
    """The sentences of a BIO file and the pages of ``per_page`` of them, one a line."""
    from annotator.formats.conll import read_conll

    sentences = [text for text, _ in read_conll(text)]
    per = max(1, per_page)
    return sentences, ["\n".join(sentences[i : i + per]) for i in range(0, len(sentences), per)]


def _counted_run(text: Path, model_file: Path, per_page: int, flag: str) -> None:
    """The child of :func:`instructions`: warm up, say so, wait for the instrumentation,
    tag the pages once and end at once (no teardown counted)."""
    from annotator.learn import entities

    model = entities.load(model_file.read_bytes())
    sentences, lines = _pages(text, per_page)
    given = [
        [(s, e, label, "rule", {}) for s, e, label in entities.rule_entities(t)] for t in lines
    ]
    found = [model(t, c) for t, c in zip(lines, given, strict=True)]
    digest = hashlib.sha256(repr(found).encode()).hexdigest()[:16]
    print(f"chars={sum(map(len, sentences))}", flush=True)
    print(f"tags_digest={digest}", flush=True)
    Path(flag).write_text("ready", encoding="utf-8")
    while Path(flag).exists():
        time.sleep(0.05)
    for t, c in zip(lines, given, strict=True):
        model(t, c)
    os._exit(0)


def instructions(text: Path, model_file: Path, per_page: int) -> int:
    """Instructions a character of tagging under callgrind (see the module docstring)."""
    args = [str(text), "--model", str(model_file), "--per-page", str(per_page)]
    result = counted(__file__, args)
    if isinstance(result, str):
        print(f"error={result}")
        return 1
    ir, stdout = result
    chars = int(stdout.split("chars=")[1].split()[0])
    digest = stdout.split("tags_digest=")[1].split()[0]
    print(f"chars={chars}")
    print(f"ir_per_char={ir // chars}")
    print(f"tags_digest={digest}")
    return 0


def main() -> None:
    from annotator.learn import entities

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", type=Path, help="a BIO/BIOES file whose sentences are tagged")
    parser.add_argument("--train", type=Path, help="a BIO/BIOES file to train the model on")
    parser.add_argument("--model", type=Path, help="the model's bytes (written after --train)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-page", type=int, default=1, help="sentences a page (a line each)")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions under callgrind"
    )
    parser.add_argument("--counted-run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.counted_run:
        _counted_run(args.text, args.model, args.per_page, args.counted_run)
    if args.train is None and args.model is None:
        parser.error("give --train FILE or --model FILE")
    if args.train is not None:
        from annotator.formats.conll import read_conll

        data = entities.train_sentences(read_conll(args.train))
        if args.model is not None:
            args.model.write_bytes(data)
    else:
        data = args.model.read_bytes()
    if args.instructions:
        if args.model is None:
            parser.error("--instructions needs --model FILE")
        sys.exit(instructions(args.text, args.model, args.per_page))
    model = entities.load(data)
    sentences, lines = _pages(args.text, args.per_page)
    per = max(1, args.per_page)
    rules = [entities.rule_entities(text) for text in lines]
    given = [[(s, e, label, "rule", {}) for s, e, label in r] for r in rules]
    chars = sum(map(len, sentences))
    found = [model(text, cands) for text, cands in zip(lines, given, strict=True)]  # warm
    digest = hashlib.sha256(repr(found).encode()).hexdigest()[:16]
    # features as training makes them: of each sentence alone, with its own candidates
    alone = rules if per == 1 else [entities.rule_entities(text) for text in sentences]
    feats = best_cpu(
        lambda: [entities.features(t, r) for t, r in zip(sentences, alone, strict=True)],
        args.rounds,
    )
    tagging = best_cpu(
        lambda: [model(t, c) for t, c in zip(lines, given, strict=True)], args.rounds
    )
    every = [entities.features(t, r) for t, r in zip(sentences, alone, strict=True)]
    rows = [model.line_rows(t, r) for t, r in zip(sentences, alone, strict=True)]
    crf = model.crf
    crfsuite = best_cpu(lambda: [crf._tag(x) for x in rows], args.rounds)
    crfsuite_all = best_cpu(lambda: [crf._tag(x) for x in every], args.rounds)
    print(f"sentences={len(sentences)}")
    print(f"pages={len(lines)}")
    print(f"chars={chars}")
    print(f"features_chars_per_s={chars / feats:.0f}")
    print(f"model_chars_per_s={chars / tagging:.0f}")
    print(f"crfsuite_chars_per_s={chars / crfsuite:.0f}")
    print(f"crfsuite_all_features_chars_per_s={chars / crfsuite_all:.0f}")
    print(f"tags_digest={digest}")


if __name__ == "__main__":
    main()
