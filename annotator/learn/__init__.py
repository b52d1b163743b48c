"""Models trained from the gold that reviewers make: pure (no SQL, no Qt).

Each learner is a module of this package with the same small interface, so that
``annotator train`` (``pipeline.train``) can train every model it has enough gold for:

- ``KIND``: the name the model is kept under in the store (``models.kind``);
- ``MIN_PAGES``: the fewest done pages it learns anything useful from;
- ``train(pages, figures=None) -> bytes``: learn from gold pages, return the model as
  bytes; ``figures`` are its ``cross_validate`` figures on the same pages when known (the
  entity tagger takes over from the rules only the labels it scored at least as well on);
- ``cross_validate(pages, folds) -> dict``: figures of the rules and of the model on
  held-out folds of ``pages`` (JSON-ready, printed by ``annotator train``);
- ``load(data) -> model``: the model object back from its bytes.

A gold page is a done page with its reviewed blocks and its *accepted* spans, as
``Store.iter_pages(status="done", span_status="accepted")`` yields them. Training is
deterministic: the same pages give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.model import Block, Page, Span

GoldPage = tuple[Page, list[Block], list[Span]]
GoldPages = Sequence[GoldPage]

# kind -> module path; pipeline.train imports them lazily (a learner may need an extra).
LEARNERS: dict[str, str] = {
    "entities": "annotator.learn.entities",  # character CRF: PER, ORG, LOC, DATE …
    "structure": "annotator.learn.structure",
}
