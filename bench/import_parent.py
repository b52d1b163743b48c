"""Benchmark: the CPU an import costs its parent process a page (issue 11: the process that
stores the pages must leave the two cores to the workers for 1,000 pages a second).

The pages of ``bench/import_throughput.py`` are prepared once here, as an import's workers
prepare them, and pickled in chunks as they send them. Then :func:`pipeline.import_paths`
runs with those chunks in place of its workers: what is timed is the parent's share alone
(unpickling what the workers send, deciding each page's id, storing the pages a batch per
transaction and indexing them for search), without the workers' CPU on the same cores,
so that it varies far less on a busy machine than ``import_throughput.py``'s figure.
Prints ``name=value`` lines: the CPU milliseconds a page of each of ``--runs`` imports
(each into a new database), their median, and of the median run the full-text index's
share (``index_ms``).

    python bench/import_parent.py [--pages 2000] [--runs 3] [--no-suggest]
"""

from __future__ import annotations

import argparse
import contextlib
import pickle
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import import_throughput  # noqa: E402

from annotator import pipeline  # noqa: E402
from annotator.pipeline import page_import, workers  # noqa: E402
from annotator.store import Store  # noqa: E402


def prepared_chunks(files: list[Path], suggest: bool) -> list[bytes]:
    """Each chunk of files prepared and pickled as a worker sends it back."""
    workers._worker_settings = workers._Settings(None, suggest, None, None, None)
    step = workers._CHUNK
    return [
        pickle.dumps(workers._prepare_chunk([str(f) for f in files[i : i + step]]))
        for i in range(0, len(files), step)
    ]


def parent_run(folder: Path, db: Path, chunks: list[bytes]) -> tuple[float, float]:
    """CPU seconds of one import with ``chunks`` for its workers, and of its index."""

    @contextlib.contextmanager
    def preparer(count: int, settings: Any) -> Iterator[Any]:
        def prepare_all(files: list[Path]) -> Iterator[pipeline.Prepared]:
            paths = iter(files)
            for chunk in chunks:
                for wire in pickle.loads(chunk):
                    yield pipeline.Prepared.from_wire(next(paths), wire)

        yield prepare_all

    index = 0.0
    real_index = Store.index_search

    def timed_index(store: Store, *args: Any, **kwargs: Any) -> int:
        nonlocal index
        start = time.process_time()
        try:
            return real_index(store, *args, **kwargs)
        finally:
            index += time.process_time() - start

    real_preparer = page_import._preparer
    page_import._preparer = preparer  # type: ignore[assignment]
    Store.index_search = timed_index  # type: ignore[method-assign]
    try:
        with Store.open(db) as store:
            start = time.process_time()
            pipeline.import_paths(store, [folder])
            return time.process_time() - start, index
    finally:
        page_import._preparer = real_preparer
        Store.index_search = real_index  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-suggest", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        import_throughput.generate(folder, args.pages)
        chunks = prepared_chunks(sorted(folder.glob("*.txt")), not args.no_suggest)
        runs = [parent_run(folder, Path(tmp) / f"run{n}.db", chunks) for n in range(args.runs)]
    per_page = [1000 * cpu / args.pages for cpu, _ in runs]
    median = statistics.median_low(per_page)
    print(f"pages={args.pages}")
    for n, ms in enumerate(per_page, 1):
        print(f"parent_cpu_ms_per_page_run{n}={ms:.3f}")
    print(f"parent_cpu_ms_per_page_median={median:.3f}")
    print(f"index_ms={1000 * runs[per_page.index(median)][1] / args.pages:.3f}")


if __name__ == "__main__":
    main()
