"""Benchmark: where an import's CPU time goes, stage by stage, per page (issue 11: 1,000
pages a second with rule suggestions on 2 cores).

The pages of ``bench/import_throughput.py`` (sample articles shuffled, about 3,700
characters). Each stage runs over every page in this one process; the figure is CPU
milliseconds a page (``time.process_time``), the best of ``--rounds`` rounds, so that other
work on a shared machine inflates it less. Prints ``name=value`` lines:

* ``read_decode_ms``: read, hash and decode the file; ``split_ms``: the rules' pre-split;
* ``rules_page_scan_ms``: the one scan of a page for the lexicons' words that the rule
  suggesters share (:mod:`annotator.suggest._scan`); ``rules_<finder>_ms``: each rule
  suggester (``annotator.suggest.RULE_FINDERS``) with that scan done, and
  ``rules_running_names_ms`` (names by their statistics, around the others' candidates);
* ``suggest_ms``: all of :func:`annotator.suggest.suggestion_tuples` (rules, overlaps);
* ``encode_ms``: blocks and suggestions to the rows stored;
* ``store_insert_ms`` and ``store_index_ms``: inserting the prepared pages, a batch per
  transaction, and adding them to the full-text index (what an import's parent does);
* ``prepare_ms``: the whole work on a page prepared alone (read to encoded rows), and
  ``prepare_chunk_ms`` a page as an import's worker prepares a chunk of ``--chunk`` pages
  (:func:`annotator.pipeline.prepare_many`: each stage over the chunk's pages in turn);
* ``floor_pages_per_s_2_cores``: pages a second if two cores did nothing but the worker's
  work (a chunk's) and the store's, perfectly shared: the most these stages allow.

    python bench/import_stages.py [--pages 300] [--rounds 3] [--chunk 8]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import import_throughput  # noqa: E402
import suggest_speed  # noqa: E402

from annotator import pipeline, suggest  # noqa: E402
from annotator.importing import decode_page_bytes, sha256_of  # noqa: E402
from annotator.pipeline import page_writer, workers  # noqa: E402
from annotator.split import split_page  # noqa: E402
from annotator.store import Store, encode_page_values, suggestion_values  # noqa: E402


def best_ms(work: Callable[[], object], pages: int, rounds: int) -> float:
    """The least CPU milliseconds a page of ``rounds`` runs of ``work``."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return 1000 * best / pages


def stored_ms(folder: Path, files: list[Path], rounds: int) -> tuple[float, float]:
    """What storing the prepared pages costs the parent, per page (best of ``rounds``):
    the inserts (a batch per transaction) and the full-text index."""
    prepared = [pipeline.prepare(f, None, True, None, "bench") for f in files]
    insert = index = float("inf")
    for run in range(rounds):
        with Store.open(folder / f"stages{run}.db") as store:
            start = time.process_time()
            writer = page_writer._PageWriter(store, pipeline.ImportReport())
            writer.unindexed = -len(files)  # the index afterwards, timed apart
            for page in prepared:
                writer.add(page)
            writer.flush()
            middle = time.process_time()
            store.index_search()
            insert = min(insert, middle - start)
            index = min(index, time.process_time() - middle)
    return 1000 * insert / len(files), 1000 * index / len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=workers._CHUNK)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        import_throughput.generate(folder, args.pages)
        files = sorted(folder.glob("*.txt"))
        texts = [decode_page_bytes(f.read_bytes(), str(f)) for f in files]
        blocks = [split_page(t) for t in texts]  # also loads the dictionaries, unclocked
        n, rounds = len(files), args.rounds
        figures: dict[str, float] = {"chars_per_page": sum(map(len, texts)) / n}

        def read_decode() -> None:
            for f in files:
                data = f.read_bytes()
                sha256_of(data)
                decode_page_bytes(data, str(f))

        figures["read_decode_ms"] = best_ms(read_decode, n, rounds)
        figures["split_ms"] = best_ms(lambda: [split_page(t) for t in texts], n, rounds)
        # the one scan of a page for the lexicons' words, shared by the suggesters (apart),
        # each suggester, the running-text names: timed as bench/suggest_speed.py does
        for name, ms in suggest_speed.rule_parts_ms(texts, rounds).items():
            figures[f"rules_{name}_ms"] = ms
        chosen = [
            suggest.suggestion_tuples(t, blocks=b) for t, b in zip(texts, blocks, strict=True)
        ]
        figures["suggest_ms"] = best_ms(
            lambda: [
                suggest.suggestion_tuples(t, blocks=b) for t, b in zip(texts, blocks, strict=True)
            ],
            n,
            rounds,
        )
        figures["encode_ms"] = best_ms(
            lambda: [
                encode_page_values(b, suggestion_values(c))
                for b, c in zip(blocks, chosen, strict=True)
            ],
            n,
            rounds,
        )
        figures["prepare_ms"] = best_ms(
            lambda: [pipeline.prepare(f, None, True, None, "bench") for f in files], n, rounds
        )
        chunks = [files[k : k + args.chunk] for k in range(0, n, args.chunk)]
        figures["prepare_chunk_ms"] = best_ms(
            lambda: [
                pipeline.prepare_many([(f, "bench") for f in chunk], None, True) for chunk in chunks
            ],
            n,
            rounds,
        )
        insert, index = stored_ms(Path(tmp), files, rounds)
        figures["store_insert_ms"], figures["store_index_ms"] = insert, index
        cpu = figures["prepare_chunk_ms"] + insert + index
        figures["floor_pages_per_s_2_cores"] = 2000 / cpu
    for name, value in figures.items():
        print(f"{name}={value:.3f}" if value < 100 else f"{name}={value:.0f}")


if __name__ == "__main__":
    main()
