"""Training beside the window: ``pipeline.train`` in a process of its own, at a lower priority.

The window used to retrain on a thread of its own process, where the training's Python
work held the GIL against the window and its background search: searches took about
twice as long and the window froze for up to 220 ms at a time. A child process has its
own interpreter, so the window only waits on a pipe. The child is started with ``spawn``
(a fork beside Qt's threads can deadlock), lowers its own scheduling priority so that
the window and its searches come first (its cross-validation workers inherit it), and
ends with the window however the window ends (``processes.end_with_parent``). It runs the
same ``train`` on the same database file, so it stores the same model bytes. The new
models then pre-split and suggest on the next pages nobody has started: the reviewer meets
what was learnt at once, and the window's "page the model is least sure of" has the
model's confidences to choose by. Each page is rewritten in one transaction, and the
window's close stops the rewriting between two pages.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Container
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.processes import end_with_parent, lower_priority

if TYPE_CHECKING:
    from annotator.pipeline import TrainReport

log = logging.getLogger(__name__)


# After new models, this many pages nobody has started get their split (about 1,000 pages
# a CPU second) and their suggestions: rules
# and model together suggest about 140,000 characters a CPU second (loaded 2-core machine),
# so 100 pages of 20,000 characters take some 15 s at low priority; all the pages of a big
# database would take hours.
SUGGEST_PAGES = 100
# Room for the page id the window shows, shared with the child (a file's stem: at most 255
# bytes on the usual file systems).
SHOWN_BYTES = 1024


class _Kept(Container[str]):
    """The pages the child leaves as they are: those kept when it started and the page the
    window shows now (read from memory the window writes each time it opens a page)."""

    def __init__(self, keep: tuple[str, ...], shown: Any = None) -> None:
        self._keep = keep
        self._shown = shown

    def __contains__(self, page_id: object) -> bool:
        if page_id in self._keep:
            return True
        return self._shown is not None and page_id == _decode(self._shown.value)


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogatepass")


def train_file(
    db_path: Path, keep: tuple[str, ...] = (), shown: Any = None, stop: Any = None
) -> TrainReport | str:
    """``train`` on its own connection to ``db_path``, then the new models' split and
    suggestions on the next pages nobody has started but ``keep`` (the window's open page
    when the training started) and the page the window shows at each write (``shown``, see
    :meth:`Training.show`), page by page until ``stop`` (a shared flag the window sets when
    it closes, see :meth:`Training.stop`); an error comes back as its text."""
    # Imported here: the child ends with its parent and lowers its priority before the
    # pipeline's second of imports.
    from annotator.pipeline import renew_unstarted, train
    from annotator.store import Store, StoreError

    kept = _Kept(keep, shown)
    try:
        with Store.open(db_path, create=False) as store:
            report = train(store)
            kinds = {model.kind for model in report.trained}
            report.resplit_pages, report.suggested_pages = renew_unstarted(
                store,
                limit=SUGGEST_PAGES,
                keep=kept,
                split="structure" in kinds,
                suggest="entities" in kinds,
                stop=lambda: stop is not None and bool(stop.value),
            )
            return report
    except StoreError as exc:
        return str(exc)
    except Exception as exc:  # shown in the status bar; the traceback goes to the log
        log.exception("retraining failed")
        return f"{type(exc).__name__}: {exc}"


def _child(db_path: str, keep: tuple[str, ...], shown: Any, stop: Any, results: Connection) -> None:
    end_with_parent()
    lower_priority()
    results.send(train_file(Path(db_path), keep, shown, stop))
    results.close()


class Training:
    """One training in a child process: ``run()`` starts it and waits for its result."""

    def __init__(self, db_path: Path, keep: tuple[str, ...] = ()) -> None:
        """``keep``: pages whose suggestions the new entity model leaves alone."""
        context = multiprocessing.get_context("spawn")
        self._results, self._sender = context.Pipe(duplex=False)
        # The training runs for minutes: the reviewer opens other pages meanwhile, and the
        # child must not rewrite the one on screen (a page nobody has started yet).
        self._shown: Any = context.Array("c", SHOWN_BYTES)  # a SynchronizedString
        # Set when the window closes: the child stops rewriting pages at the next page (each
        # page is one transaction), so closing waits for one page, not a hundred.
        self._stop: Any = context.Value("b", 0)
        # Not a daemon: a daemonic process may not start the cross-validation workers.
        self._process = context.Process(
            target=_child,
            args=(str(db_path), keep, self._shown, self._stop, self._sender),
            name="annotator-train",
        )

    def show(self, page_id: str | None) -> None:
        """The window now shows ``page_id`` (None: no page): the child leaves it alone."""
        raw = (page_id or "").encode("utf-8", "surrogatepass")
        self._shown.value = raw if len(raw) < SHOWN_BYTES else b""

    def stop(self) -> None:
        """The window closes: the child rewrites no page after the one it is writing (the
        training itself is waited for: it keeps its model)."""
        self._stop.value = 1

    @property
    def pid(self) -> int | None:
        """The child's process id once started."""
        return self._process.pid

    def run(self) -> TrainReport | str:
        """Start the child and wait for its report or error text (blocks, in a pipe read
        that releases the GIL). On Linux the child ends with the *thread* that started
        it, so this thread must outlive the child: it does, as it waits for its end."""
        try:
            self._process.start()  # a fork and exec: tens of ms, kept off the window's thread
        except OSError as exc:  # no memory, no more processes allowed
            self._results.close()
            return f"the training process could not start: {exc}"
        finally:
            self._sender.close()  # the child holds the only writer: EOF once it ends
        try:
            result: TrainReport | str = self._results.recv()
        except EOFError:  # the child ended without answering (killed, out of memory)
            result = ""
        finally:
            self._results.close()
        self._process.join()
        return result or f"the training process ended with exit code {self._process.exitcode}"
