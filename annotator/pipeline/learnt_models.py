"""The learnt models (structure, entities) and the learnt gazetteer, loaded once per process,
and why a kept model cannot be used.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from annotator.model import Block
from annotator.split import split_page
from annotator.store import Store
from annotator.suggest import Gazetteer
from annotator.suggest.gazetteer import count_occurrences, usable_strings


def learnt_gazetteer(store: Store) -> Gazetteer:
    """The gazetteer learnt from every span reviewers accepted or rejected so far, and from
    the done pages: there an occurrence of an accepted string left untagged is a rejection
    (a string mostly left untagged is not suggested; :mod:`annotator.suggest.gazetteer`)."""
    accepted, rejected, on_done = store.gazetteer_counts()
    seen = count_occurrences(usable_strings(accepted), store.done_page_texts())
    return Gazetteer.from_counts(accepted, rejected, seen=seen, tagged=on_done)


@lru_cache(maxsize=4)
def learnt_model(kind: str, data: bytes) -> tuple[Any, str | None]:
    """The model of ``kind`` (a key of ``learn.LEARNERS``) in ``data``, loaded once per
    process by its learner's ``load``, or None and why it cannot be used (made by an older
    version: retrain; crfsuite missing: no reason, it cannot be trained either). Cached
    either way, so a refused model costs one attempt, not one a page."""
    from annotator.learn import LEARNERS

    try:
        return _learner(LEARNERS[kind]).load(data), None
    except ImportError:
        return None, None
    except ValueError as exc:
        return None, str(exc)


def presplit(text: str, paper: str, structure: bytes | None) -> list[Block]:
    """The first split of a page: the structure model's if one was trained and can be used,
    else the rules' (``stale_model`` says why a trained one is not used)."""
    model = None if structure is None else learnt_model("structure", structure)[0]
    if model is None:
        return split_page(text)
    return model.split(text, paper)


def entity_model_bytes(store: Store) -> bytes | None:
    """The newest learnt entity model's bytes, or None when none was trained yet."""
    record = store.latest_model("entities")
    return record.data if record is not None else None


def stale_model(store: Store, kind: str) -> str | None:
    """Why the newest learnt model of ``kind`` is not used because an older version made it
    (retraining mends that), or None. Without crfsuite no model is used, but retraining
    could not make one either: that is not reported here."""
    record = store.latest_model(kind)
    return None if record is None else learnt_model(kind, record.data)[1]


def stale_models(store: Store) -> dict[str, str]:
    """Why each learnt model that an older version made is not used: kind -> reason."""
    from annotator.learn import LEARNERS

    reasons = {kind: stale_model(store, kind) for kind in sorted(LEARNERS)}
    return {kind: why for kind, why in reasons.items() if why is not None}


def load_entity_model(data: bytes | None) -> Any:
    """The tagger of a model's bytes, loaded once per process; None without a model, or
    when it cannot be used (trained by an older version: retrain; crfsuite missing)."""
    return None if data is None else learnt_model("entities", data)[0]


def _learner(path: str) -> Any:
    import importlib

    return importlib.import_module(path)
