"""Compile the rules' regular expressions without paying for the same character class twice.

CPython's regex compiler turns every character class into a bitmap by walking each code point
of each BMP range in it, in Python (``_optimize_charset``). The rules' Han class spans some
28,000 BMP code points and stands hundreds of times in the byline and name patterns, so
compiling them cost about a second of CPU at every import of the splitter and the suggesters
(the command line, training processes, spawned import workers).

:func:`compile` memoizes that step while it compiles: a class seen before is not walked again.
The step is a pure function of the parsed class, so the compiled program is the very same
(a test compares the programs, pattern by pattern); matching cannot change. Where the
interpreter lacks the step (another implementation), patterns compile the ordinary way.
"""

from __future__ import annotations

import re
import threading
from typing import Any

try:  # CPython 3.11+
    from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - CPython 3.10
    import sre_compile as _sre_compiler

_ORIGINAL = getattr(_sre_compiler, "_optimize_charset", None)
# The optimized form of each case-sensitive class, by the parsed class. The rules hold a few
# dozen distinct classes, so the table stays small.
_CLASSES: dict[tuple[Any, ...], tuple[Any, bool]] = {}
# Patterns compile on a warm-up thread and the main thread at once; one swaps the step at a time.
_LOCK = threading.Lock()


def _memo_optimize_charset(charset: Any, *args: Any, **kwargs: Any) -> Any:
    """``_optimize_charset``, remembered for classes without case folding."""
    assert _ORIGINAL is not None
    if kwargs or any(arg is not None for arg in args):
        # (case-insensitive classes depend on the folding tables passed in: not remembered)
        return _ORIGINAL(charset, *args, **kwargs)
    try:
        key = tuple(charset)
        found = _CLASSES.get(key)
    except TypeError:  # an unhashable item: compile it the ordinary way
        return _ORIGINAL(charset, *args)
    if found is None:
        found = _CLASSES[key] = _ORIGINAL(charset, *args)
    out, hascased = found
    # (the compiler only reads the result, but a copy of the list keeps the table safe)
    return list(out), hascased


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name
    """``re.compile(pattern, flags)``, with each character class optimized once per process."""
    if _ORIGINAL is None:  # pragma: no cover - not CPython
        return re.compile(pattern, flags)
    with _LOCK:
        _sre_compiler._optimize_charset = _memo_optimize_charset
        try:
            return re.compile(pattern, flags)
        finally:
            _sre_compiler._optimize_charset = _ORIGINAL
