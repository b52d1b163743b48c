"""Runs of heading lines and each run's pattern of rule roles (``KHS``), which a heading line
reads as its group feature (``grp=KH@1``).
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.model import Block

# A heading line's letter in its group's pattern (:func:`_groups`); a subheadline that opens
# with a dash (``——写在…``) has its own: it stays a subheadline where a paper's two-line
# heading is otherwise kicker + headline.
_GROUP_LETTER = {"kicker": "K", "headline": "H", "subheadline": "S"}
_GROUP_MAX = 4  # longer groups read as their first lines


# A run of heading lines: its first block, the block after its last, its pattern.
HeadingRun = tuple[int, int, str]


def _groups(blocks: Sequence[Block], text: str) -> list[HeadingRun]:
    """The runs of heading lines of one article (the rules' kicker, headline, subheadline;
    a kicker under a headline or subheadline opens a new run) and each run's pattern of rule roles (``KHS``, ``D``: a
    subheadline that opens with a dash), in page order.

    The rules read an unmarked two-line heading one way for every paper (headline +
    subheadline); the pattern lets the model learn a paper's own reading of each shape (its
    kicker over a headline) from a few pages, without touching the other shapes (the
    three-line heading the rules read right)."""
    heading = [i for i, b in enumerate(blocks) if b.role in _GROUP_LETTER]
    runs: list[HeadingRun] = []
    k = 0
    while k < len(heading):
        i = j = heading[k]
        article = blocks[i].article
        k += 1
        j += 1
        while (
            k < len(heading)
            and heading[k] == j
            and blocks[j].article == article
            and not (blocks[j].role == "kicker" and blocks[j - 1].role != "kicker")
        ):
            k += 1
            j += 1
        letters = "".join(
            "D"
            if b.role == "subheadline" and text[b.start : b.end].lstrip().startswith("—")
            else _GROUP_LETTER[b.role]
            for b in blocks[i:j]
        )
        runs.append((i, j, letters[:_GROUP_MAX]))
    return runs


def _group_names(runs: list[HeadingRun]) -> dict[int, str]:
    """Each heading line's group feature: its run's pattern and its place in it (``KH@1``:
    the headline under a kicker)."""
    return {
        k: f"grp={pattern}@{min(k - i, _GROUP_MAX)}" for i, j, pattern in runs for k in range(i, j)
    }
