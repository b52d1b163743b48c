"""Markdown pages: the groups of a title run with ``#``/``##`` headings, one per cluster of
headings, each with the kicker right above it and the subheadlines below it.
"""

from __future__ import annotations

from annotator.split.shapes import DASH, Shape

from .group import HEADED, Group, is_article_heading


def _has_kicker(shapes: list[Shape], lo: int, head: int) -> bool:
    """Whether the line right above heading ``head`` (within the run from ``lo``) is its kicker.

    It is, unless it is itself a heading or the subheadline of a heading right above it
    (## A / subheadline / ## B); a line ending in —— is a kicker in any case.
    """
    q = head - 1
    return (
        q >= lo
        and not is_article_heading(shapes[q])
        and (shapes[q].kind == DASH or q == lo or not is_article_heading(shapes[q - 1]))
    )


def heading_groups(shapes: list[Shape], lo: int, hi: int) -> list[Group]:
    """Groups of a markdown title run ``[lo, hi)``: one per cluster of ``#``/``##`` headings.

    Headings on consecutive lines form one cluster and one group (# 主题 / ## 副题): the most
    prominent (lowest level, first of equals) is the headline, the others kickers or
    subheadlines by their place.
    """
    clusters: list[list[int]] = []
    for p in range(lo, hi):
        if is_article_heading(shapes[p]):
            if clusters and clusters[-1][-1] == p - 1:
                clusters[-1].append(p)
            else:
                clusters.append([p])
    groups: list[Group] = []
    for n, cluster in enumerate(clusters):
        first = cluster[0]
        top = first - 1 if _has_kicker(shapes, lo, first) else first
        stop = clusters[n + 1][0] if n + 1 < len(clusters) else hi
        if n + 1 < len(clusters) and _has_kicker(shapes, lo, stop):
            stop -= 1  # leave the next heading its kicker
        headline = min(cluster, key=lambda p: shapes[p].level)
        groups.append(Group(top, HEADED, titles=list(range(top, stop)), heading=headline))
    return groups
