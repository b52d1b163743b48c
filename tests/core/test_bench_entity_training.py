"""The training-time benchmark (issue 10) reads FILE:N as N times the file's sentences and
makes gold pages of them as ``annotator import --format conll`` does."""

from __future__ import annotations

import pytest

from tests.core.scripts import load


@pytest.fixture(scope="module")
def bench():
    return load("bench/entity_training.py")


def test_a_file_repeated_and_its_pages(bench, tmp_path):
    lines = ["北 B-ORG", "大 I-ORG", "的 O", "", "胡 B-PER", "绳 I-PER", ""]
    path = tmp_path / "c.bio"
    path.write_text("\n".join(lines), encoding="utf-8")
    once = [("北大的", [(0, 2, "ORG")]), ("胡绳", [(0, 2, "PER")])]
    assert bench._sentences([str(path)]) == once
    assert bench._sentences([f"{path}:3"]) == once * 3
    pages = bench._pages(once * 3, 4)
    assert [page.text for page, _, _ in pages] == ["北大的\n胡绳\n北大的\n胡绳", "北大的\n胡绳"]
    page, blocks, spans = pages[0]
    assert [(b.start, b.end) for b in blocks] == [(0, 3), (4, 6), (7, 10), (11, 13)]
    assert [(s.start, s.end, s.label, s.status) for s in spans][:2] == [
        (0, 2, "ORG", "accepted"),
        (4, 6, "PER", "accepted"),
    ]
    assert page.status == "done"
