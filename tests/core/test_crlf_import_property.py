"""A page file with CRLF (or lone CR) line ends, with or without a byte-order mark, imports
as the same page as its LF copy: the same text, paragraphs, suggestions and Gold JSONL, at
the same code-point offsets (astral and full-width characters included) (issue 11)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.edits import mark_done_op
from annotator.exporting import ExportRequest, export
from annotator.pipeline import import_paths
from annotator.store import Store

from .test_undo_redo_property import PHASES

_LINES = [
    "# 衡阳市召开会议",
    "■本报记者 邓群策",
    "本报讯 3月4日，市委书记张三在衡阳市主持召开会议。",
    "𠮷野家在湖南开了第２家店，营业额增长１５％。",
    "会议指出，要推进",
    "“一体两翼”建设。",
    "（据新华社电）",
    "**本报讯** 湖南日报记者 李明 报道",
    "",
    "   ",
    "\u3000\u3000正文缩进。",
]


def _import(raw: bytes, folder: Path, name: str) -> tuple[object, ...]:
    path = folder / f"{name}.txt"
    path.write_bytes(raw)
    with Store.open(":memory:") as store:
        import_paths(store, [path])
        (page_id,) = store.page_ids()
        state = store.page_state(page_id)
        store.apply(mark_done_op(state, "accept"), "ana")
        out = io.StringIO()
        export(store, ExportRequest(fmt="jsonl"), out)
        spans = sorted((s.start, s.end, s.label, s.status) for s in store.spans(page_id))
        gold = out.getvalue().replace(f"{name}", "PAGE")  # (the page id is the file's stem)
        return state.page.text, store.blocks(page_id), spans, gold.split('"reviewer"')[0]


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), phases=PHASES)
@given(
    st.lists(st.sampled_from(_LINES), min_size=1, max_size=10),
    st.sampled_from(["\r\n", "\r"]),
    st.booleans(),
)
def test_crlf_and_cr_files_import_as_their_lf_copy(lines, end, bom):
    lf = "\n".join(lines) + "\n"
    assume(lf.strip())  # (an empty file is refused either way)
    other = lf.replace("\n", end).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        want = _import(lf.encode("utf-8"), folder, "pagelf")
        got = _import((b"\xef\xbb\xbf" if bom else b"") + other, folder, "pagecr")
    assert got == want
