"""What an import worker needs, loaded once by the forkserver that starts the workers.

Where import workers cannot be forked from the importing process (the window: Qt's threads
make a fork unsafe), they come from multiprocessing's forkserver, a fresh Python. Each then
imported the pipeline, compiled the rules and read the lexicons and jieba's words before its
first page: 1.2 s of CPU a worker, at every import of 64 files or more. ``pipeline.workers._context``
names this module for the forkserver to import once instead, and the workers it forks start
with all of it loaded (one process, no thread: forking it stays safe).

Importing it never raises: what fails to load here is loaded, and reported, by the worker.
"""

from __future__ import annotations

import contextlib

# Names, places, dates and figures: a page that sends each rule to its lexicons once.
_SAMPLE = (
    "第1版 要闻\n\n## 北京市人民政府召开会议\n\n"
    "本报讯（记者王伟）3月5日，国务院总理李强在北京主持会议，中国共产党中央委员会、"
    "上海市和新华社出席，投资1200万元，增长5.6%。\n"
)


def warm() -> None:
    """Import the pipeline and run the split and the rule suggesters on a sample page."""
    import annotator.pipeline  # noqa: F401  (the worker's own module, with the rules)
    from annotator import short_words
    from annotator.split import split_page
    from annotator.suggest import suggestion_tuples

    with contextlib.suppress(Exception):  # no jieba, or a broken cache: the cues do without
        short_words.dictionary()
    suggestion_tuples(_SAMPLE, blocks=split_page(_SAMPLE))


with contextlib.suppress(Exception):
    warm()
