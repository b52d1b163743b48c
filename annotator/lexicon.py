"""The word lists of the rule suggesters, read from data files once, and their matchers.

Every lexicon is a UTF-8 text file ``resources/lexicon/<name>.txt``: a header of ``#``
comment lines saying what it holds and where it comes from, then one entry a line.  An
entry is a word, or a word and further fields separated by tabs (``州`` after a
prefecture, the kind of a date word); blank lines and ``#`` lines are skipped, and spaces
around an entry are ignored.

A project adds its own entries without touching the bundled files: the environment
variable ``ANNOTATOR_LEXICONS`` names one or more folders (separated by ``os.pathsep``,
``:`` on Linux and macOS, ``;`` on Windows) holding files of the same names.  Their entries
come after the bundled ones; an entry written ``-word`` removes ``word`` from the lexicon
(a place name that is a common word in the project's papers).  The lexicons are read
once, when :mod:`annotator.suggest` is first imported, so the variable must be set before
the program starts.  A file that is not UTF-8 or an entry with inner spaces is refused
with a :class:`LexiconError` naming the file (and line) and what to do;
:func:`check_project_lexicons`, which the command line runs when it starts, also refuses
a folder that does not exist and a file named like no bundled lexicon (a typo would
otherwise be ignored without a word).

Matching: :func:`matcher` compiles a lexicon into one trie-shaped regular expression
(:func:`trie_pattern`: the trie of the words written as nested groups, dispatched on the
first characters), which finds the leftmost-longest words of a page in one pass inside
``re``'s C loop, without the cost of an alternation of hundreds of words.
The suggesters' one scan of a page for every lexicon's words, overlapping ones included, is
an Aho-Corasick automaton (``annotator/suggest/_scan.py``); this module's trie regex serves
a single lexicon read leftmost-longest, where it is the faster of the two (0.28 ms against
1.06 ms for pyahocorasick on the 1,677 place and organisation words, pages of 5,000 Chinese
characters: an automaton searches a node's children one by one, and a Chinese lexicon has
hundreds of first characters).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.resources import resource_dir

ENV_VAR = "ANNOTATOR_LEXICONS"


class LexiconError(ValueError):
    """A project lexicon file that cannot be used (the message names it)."""


def bundled_dir() -> Path:
    """The folder of the lexicons that ship with annotator."""
    return resource_dir() / "lexicon"


def project_dirs() -> list[Path]:
    """The project's lexicon folders named by ``ANNOTATOR_LEXICONS``, in order."""
    value = os.environ.get(ENV_VAR, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]


def names() -> list[str]:
    """The names of the bundled lexicons."""
    return sorted(p.stem for p in bundled_dir().glob("*.txt"))


def check_project_lexicons() -> None:
    """Raise :class:`LexiconError` when a project lexicon folder or file is unusable."""
    known = set(names())
    for folder in project_dirs():
        if not folder.is_dir():
            raise LexiconError(
                f"{ENV_VAR} names {folder}, which is not a folder; "
                "create it or correct the variable"
            )
        for path in sorted(folder.glob("*.txt")):
            if path.stem not in known:
                raise LexiconError(
                    f"{path}: no bundled lexicon is named {path.stem!r}; "
                    f"rename the file to one of {', '.join(sorted(known))}"
                )
            _read(path)


def _read(path: Path) -> list[tuple[str, ...]]:
    """The entries of one file as tuples of fields (a ``-`` prefix is kept)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.strerror}); check it") from None
    out = []
    for number, line in enumerate(lines, 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.rstrip("\r\n").split("\t"))
        word = fields[0]
        if not word or any(c.isspace() for c in word):
            raise LexiconError(
                f"{path}, line {number}: {line.strip()!r} is not one entry "
                "(one word a line, further fields after a tab)"
            )
        out.append(fields)
    return out


@functools.cache
def entries(name: str) -> tuple[tuple[str, ...], ...]:
    """Every entry of lexicon ``name`` as a tuple of its fields: the bundled entries, then
    the project's; ``-word`` in a project file removes ``word``.  Each word once (the
    first entry of a word wins)."""
    path = bundled_dir() / f"{name}.txt"
    if not path.is_file():
        raise LexiconError(f"{path}: the lexicon {name!r} is missing; reinstall annotator")
    rows = _read(path)
    for folder in project_dirs():
        extra = folder / f"{name}.txt"
        if extra.is_file():
            rows.extend(_read(extra))
    removed = {row[0][1:] for row in rows if row[0].startswith("-") and len(row[0]) > 1}
    seen: set[str] = set()
    out = []
    for row in rows:
        word = row[0]
        if word.startswith("-") and len(word) > 1:
            continue
        if word not in seen and word not in removed:
            seen.add(word)
            out.append(row)
    return tuple(out)


def words(name: str) -> tuple[str, ...]:
    """The words (first fields) of lexicon ``name``, in file order."""
    return tuple(row[0] for row in entries(name))


def word_set(name: str) -> frozenset[str]:
    """The words of lexicon ``name`` as a set."""
    return frozenset(words(name))


def chars(name: str) -> str:
    """The characters of a lexicon of single characters, as one string in file order."""
    return "".join(w for w in words(name) if len(w) == 1)


def fields(name: str, default: str = "") -> dict[str, str]:
    """``word -> second field`` of lexicon ``name`` (``default`` when it has none)."""
    return {row[0]: (row[1] if len(row) > 1 else default) for row in entries(name)}


def matcher(words: Iterable[str]) -> re.Pattern[str]:
    """A compiled trie-shaped regex over ``words`` (:func:`trie_pattern`): ``finditer``
    gives the leftmost-longest, non-overlapping matches, the way the suggesters read a
    lexicon on a page."""
    return re.compile(trie_pattern(words))


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of ``words``, longest alternative first.

    Python's ``re`` tries the branches of an alternation one after the other, so a plain
    alternation of hundreds of names costs O(names) at every position.  This builds a
    trie-shaped pattern instead (``衡(?:阳(?:市)?|东县)``): greedy optional groups make the
    longest entry win at a given start.  The root is written as one character class of all
    first characters, so that ``re`` skips every other position in C, then a test on the
    second character, then a binary search on the first one through one-character
    lookbehinds over code point ranges (log2(n) cheap tests instead of n).
    """
    root: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    if not root:
        return "(?!)"
    firsts = sorted(root)
    if len(firsts) <= 8:
        return "(?:" + "|".join(re.escape(ch) + _node_pattern(root[ch]) for ch in firsts) + ")"
    body = _dispatch(root, firsts)
    # a second-character test rejects most candidate positions before the dispatch
    seconds = sorted({ch for node in root.values() for ch in node if ch})
    singles = [ch for ch in firsts if "" in root[ch]]
    guard = f"(?=[{char_class(seconds)}])" if seconds else ""
    if singles and seconds:
        guard = f"(?:(?<=[{char_class(singles)}])|{guard})"
    elif singles:
        guard = ""
    return f"(?:[{char_class(firsts)}]{guard}{body})"


def _dispatch(root: dict[str, Any], chars: list[str]) -> str:
    """Branch on the (already consumed) first character by binary search over code point
    ranges, each test a one-character lookbehind on a range (cheap in ``re``)."""
    if len(chars) <= 4:
        alts = "|".join(f"(?<={re.escape(ch)}){_node_pattern(root[ch])}" for ch in chars)
        return f"(?:{alts})"
    mid = len(chars) // 2
    left, right = chars[:mid], chars[mid:]
    lo, hi = re.escape(left[0]), re.escape(left[-1])
    # the right half repeats the test negated, so that a failed match in the left half
    # does not search the right half too
    rng = f"[{lo}-{hi}]"
    return f"(?:(?<={rng}){_dispatch(root, left)}|(?<!{rng}){_dispatch(root, right)})"


def char_class(chars: Iterable[str]) -> str:
    """The body of a regex character class holding ``chars`` (``]``, ``\\``, ``^``, ``-``
    and ``[`` escaped, so that a project's lexicon cannot change the class's meaning)."""
    return "".join(re.escape(ch) if ch in "\\]^-[" else ch for ch in chars)


def _node_pattern(node: dict[str, Any]) -> str:
    leaves = [ch for ch, sub in node.items() if ch and len(sub) == 1 and "" in sub]
    inner = [ch for ch, sub in node.items() if ch and ch not in leaves]
    alts = [re.escape(ch) + _node_pattern(node[ch]) for ch in sorted(inner)]
    if len(leaves) == 1:
        alts.append(re.escape(leaves[0]))
    elif leaves:
        alts.append("[" + "".join(re.escape(ch) for ch in sorted(leaves)) + "]")
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body
