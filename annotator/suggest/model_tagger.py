"""Optional statistical suggester: jieba's part-of-speech tags as entity guesses.

jieba ships its dictionary and HMM inside the wheel, so this works offline.  Tags map to
labels: ``nr`` (and ``nrfg``, ``nrt``) -> PER, ``ns`` -> LOC, ``nt`` -> ORG; one-character
words are ignored.  Suggestions carry ``origin="model"`` so that the evaluation measures
their precision apart from the rules'.

jieba is an optional dependency (``pip install annotator[model]``): it is imported the
first time it is needed, never at import of this module, and when it cannot be imported
:func:`is_available` is False and the suggester yields nothing instead of raising.  The
first call loads jieba's dictionary (about a second); later calls reuse it.
"""

from __future__ import annotations

import logging
import threading
import warnings
from typing import Any

from annotator.model import Span

from ._text import Candidate

TAG_LABELS = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}

_lock = threading.Lock()
_state: dict[str, Any] = {"tried": False, "posseg": None, "error": None}


def _load() -> Any:
    """jieba.posseg, or None when jieba cannot be imported (the reason is kept)."""
    with _lock:
        if not _state["tried"]:
            _state["tried"] = True
            try:
                with warnings.catch_warnings():
                    # jieba 0.42 imports pkg_resources, which warns on recent setuptools
                    warnings.simplefilter("ignore")
                    import jieba
                    import jieba.posseg as posseg

                jieba.setLogLevel(logging.WARNING)
                _state["posseg"] = posseg
            except Exception as exc:  # ImportError, or a broken install
                _state["error"] = f"{type(exc).__name__}: {exc}"
        return _state["posseg"]


def is_available() -> bool:
    """True when jieba can be imported (loads it on first call)."""
    return _load() is not None


def unavailable_reason() -> str | None:
    """Why the model suggester is unavailable, or None when it is available."""
    _load()
    return _state["error"]


def model_candidates(text: str) -> list[Candidate]:
    """PER/LOC/ORG candidates from jieba's POS tags (empty when jieba is unavailable)."""
    posseg = _load()
    if posseg is None:
        return []
    out: list[Candidate] = []
    pos = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pairs = list(posseg.cut(text, HMM=True))
    for pair in pairs:
        word, flag = pair.word, pair.flag
        start = text.find(word, pos)  # jieba keeps every character, but be safe
        if start < 0:
            continue
        pos = start + len(word)
        label = TAG_LABELS.get(flag)
        if label is None or len(word.strip()) < 2 or word != word.strip() or "\n" in word:
            continue
        out.append((start, pos, label, {}))
    return out


def find_model_spans(text: str) -> list[Span]:
    """Model suggestions (``origin="model"``, ``status="suggested"``) for ``text``."""
    return [
        Span(s, e, label, origin="model", status="suggested", attrs=attrs)
        for s, e, label, attrs in model_candidates(text)
    ]
