"""Pages split and suggested anew: re-suggest (``annotator suggest``), re-split the pages
nobody has started (``annotator train``), and renew the next pages after a retraining.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator, Sequence
from typing import Any

from annotator.model import Block, Page, Span
from annotator.pipeline.import_report import Progress
from annotator.pipeline.learnt_models import (
    entity_model_bytes,
    learnt_gazetteer,
    learnt_model,
    load_entity_model,
    presplit,
)
from annotator.store import Store
from annotator.suggest import Gazetteer, suggest_spans


def resuggest(
    store: Store,
    page_ids: Sequence[str] | None = None,
    *,
    use_model: bool = False,
    progress: Progress | None = None,
) -> int:
    """Re-run the suggesters on pages; accepted, rejected and human spans stay as they are.

    Pages marked done are left alone: they are gold, and a done page has no open suggestion
    (the edits refuse to mark one done with any). Returns the number of suggestions now open
    on those pages.
    """
    gazetteer = learnt_gazetteer(store)
    tagger = load_entity_model(entity_model_bytes(store))
    ids = list(page_ids) if page_ids is not None else store.page_ids()
    total = 0
    for done, page_id in enumerate(ids):
        if progress is not None and not progress(done, len(ids), page_id):
            break
        page = store.page(page_id)
        if page.status == "done":
            continue
        spans = suggest_spans(
            page.text,
            gazetteer=gazetteer,
            use_model=use_model,
            blocks=store.blocks(page_id),
            rejected=store.rejected_ranges(page_id),
            tagger=tagger,
        )
        total += store.replace_suggestions(page_id, spans)
    return total


def _from_model(spans: Sequence[Span]) -> bool:
    """Whether any of ``spans`` is a learnt model's open suggestion."""
    return any(s.origin == "model" and s.status == "suggested" for s in spans)


def resplit(store: Store, *, progress: Progress | None = None) -> tuple[int, str]:
    """Re-split the pages nobody has started with the newest structure model (else the rules).

    Returns the number of pages re-split and what split them. A page that a reviewer opens
    and edits meanwhile is left alone (checked in the transaction that writes).
    """
    record = store.latest_model("structure")
    usable = record is not None and learnt_model("structure", record.data)[0] is not None
    data = record.data if record is not None and usable else None
    what = f"structure model v{record.version}" if record is not None and usable else "the rules"
    ids = store.untouched_page_ids()
    gazetteer, tagger = learnt_gazetteer(store), load_entity_model(entity_model_bytes(store))
    count = 0
    for done, page_id in enumerate(ids):
        if progress is not None and not progress(done, len(ids), page_id):
            break
        page, blocks = store.page(page_id), store.blocks(page_id)
        new = presplit(page.text, page.paper, data)
        if new == blocks:
            count += 1  # split anew, the same: nothing to write
            continue
        # Suggestions made on the old split may cross a break of the new one.
        spans = _suggestions(store, page, new, gazetteer, tagger)
        if store.renew_untouched_page(page_id, new, spans):
            count += 1
    return count, what


def renew_unstarted(
    store: Store,
    *,
    limit: int,
    keep: Container[str] = (),
    split: bool = True,
    suggest: bool = True,
    stop: Callable[[], bool] = lambda: False,
) -> tuple[int, int]:
    """Pre-split (``split``: the newest structure model) and suggest (``suggest``: the
    newest entity model) anew the first ``limit`` pages nobody has started, in page order,
    except ``keep`` (asked again under the write lock: the window's open page changes while
    this runs); returns how many pages got another split and how many the model's
    suggestions.

    The window calls it after it retrained, so that the next pages a reviewer meets carry
    what was learnt. Page by page, the split first and the suggestions on it, both written
    in one transaction: a page is never seen with one and not the other. A page split anew
    is suggested anew too (with the entity model there is, new or not): suggestions made on
    its old split could cross a break the new one puts in. A split that stays the same is
    not written, nor suggestions where neither the new model nor an older one suggests
    anything (import's stay); a page someone starts meanwhile is left alone.
    ``stop()`` is asked before each page (the window closes): the pages written so far are
    whole, the others untouched.
    """
    structure = _usable_model(store, "structure") if split else None
    tagger = load_entity_model(entity_model_bytes(store)) if suggest or structure else None
    suggest = suggest and tagger is not None
    if structure is None and not suggest:
        return 0, 0
    gazetteer = learnt_gazetteer(store)
    resplit = suggested = 0
    for page_id in _unstarted(store, limit, keep):
        if stop():
            break
        split_anew, spans = _renewed(store, page_id, structure, suggest, gazetteer, tagger)
        if (split_anew, spans) == (None, None):
            continue
        if store.renew_untouched_page(page_id, split_anew, spans, keep):
            resplit += split_anew is not None
            suggested += suggest and spans is not None
    return resplit, suggested


def _renewed(
    store: Store,
    page_id: str,
    structure: bytes | None,
    suggest: bool,
    gazetteer: Gazetteer,
    tagger: Any,
) -> tuple[list[Block] | None, list[Span] | None]:
    """What :func:`renew_unstarted` writes on a page: its new split (None: the same) and its
    new suggestions (None: the page keeps its own)."""
    page, blocks = store.page(page_id), store.blocks(page_id)
    new = presplit(page.text, page.paper, structure) if structure is not None else blocks
    split_anew = new if new != blocks else None
    if not suggest and split_anew is None:
        return None, None
    spans = _suggestions(store, page, new, gazetteer, tagger)
    if split_anew is None and not _from_model(spans) and not _from_model(store.spans(page_id)):
        return None, None  # the rules' suggestions alone, as import left them
    return split_anew, spans


def _suggestions(
    store: Store, page: Page, blocks: list[Block], gazetteer: Gazetteer, tagger: Any
) -> list[Span]:
    """The suggestions import would give ``page`` split into ``blocks``."""
    return suggest_spans(
        page.text,
        gazetteer=gazetteer,
        blocks=blocks,
        rejected=store.rejected_ranges(page.id),
        tagger=tagger,
    )


def _usable_model(store: Store, kind: str) -> bytes | None:
    """The newest learnt model of ``kind`` when this version can use it."""
    record = store.latest_model(kind)
    if record is None or learnt_model(kind, record.data)[0] is None:
        return None
    return record.data


def _unstarted(store: Store, limit: int, keep: Container[str]) -> Iterator[str]:
    """The first ``limit`` pages nobody has started but ``keep``, read a few at a time
    (a big database has 100,000 such pages; the kept ones are few)."""
    after, given = 0, 0
    while given < limit:
        rows = store.untouched_pages(after, limit - given + 1)
        if not rows:
            return
        after = rows[-1][0]
        for _, page_id in rows:
            if page_id in keep:
                continue
            yield page_id
            given += 1
            if given == limit:
                return
