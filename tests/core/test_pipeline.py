"""The import pipeline: small and large (worker-process) batches give the same result."""

from __future__ import annotations

from annotator.pipeline import import_paths, prepare, prepare_many, resuggest
from annotator.resources import seeds_dir
from annotator.split import split_page
from annotator.store import Store
from annotator.suggest import suggest_spans


def _write_pages(folder, n):
    seed = sorted(seeds_dir().glob("*.txt"))[1].read_text(encoding="utf-8")
    folder.mkdir()
    for i in range(n):
        (folder / f"p{i:03d}.txt").write_text(f"第{i}版\n\n{seed}", encoding="utf-8")


def test_large_batch_is_prepared_in_workers_and_stored_in_file_order(tmp_path):
    _write_pages(tmp_path / "pages", 70)
    (tmp_path / "pages" / "p999.txt").write_bytes((tmp_path / "pages" / "p000.txt").read_bytes())
    (tmp_path / "pages" / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    with Store.open(tmp_path / "a.db") as store:
        report = import_paths(store, [tmp_path / "pages"])
        assert [pid for _, pid in report.imported] == [f"p{i:03d}" for i in range(70)]
        assert [p.rsplit("/", 1)[-1] for p, _ in report.skipped] == ["p999.txt"]
        assert [p.rsplit("/", 1)[-1] for p, _ in report.refused] == ["broken.txt"]
        # Every page was split and pre-annotated exactly as the splitter and the suggesters
        # do it alone, and as a single-file import (in this process) stores it.
        text = (tmp_path / "pages" / "p005.txt").read_text(encoding="utf-8")
        blocks = split_page(text)
        spans = suggest_spans(text, blocks=blocks)
        assert store.blocks("p005") == blocks
        stored = [s.to_dict(with_id=False) for s in store.spans("p005")]
        assert stored == [s.to_dict(with_id=False) for s in spans]
        assert any(s["attrs"] for s in stored)  # figures and dates carry their values
        assert store.predictions("p005") == (blocks, spans)
        with Store.open(tmp_path / "alone.db") as single:
            import_paths(single, [tmp_path / "pages" / "p005.txt"])
            assert single.blocks("p005") == blocks
            assert [s.to_dict(with_id=False) for s in single.spans("p005")] == stored
            assert single.predictions("p005") == (blocks, spans)
        assert store.count_pages(search="扫黑除恶") == 70


def test_a_workers_chunk_is_prepared_as_each_file_alone(tmp_path):
    # A worker runs each stage over its chunk's pages in turn (the rules a few pages at a
    # time): every page must come out as it does alone, whatever stands beside it.
    seeds = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    full_width = str.maketrans("0123456789", "０１２３４５６７８９")
    texts = [seed[k * 250 :] for k in range(9) for seed in seeds]
    texts[3] = texts[3].translate(full_width)  # the date rules scan an ASCII copy of it
    texts[5] = "戈登・布朗会见了李明。" + texts[5]  # middle dots read as ·
    texts[6] = "被告乌咀乡不服判决。" + texts[6]  # a place, not a name (a suspect)
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"p{i:02d}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    paths.insert(7, tmp_path / "broken.txt")
    paths[7].write_bytes(b"\x00\x01binary")
    known = frozenset({prepare(paths[2], None, True).sha256})
    chunk = prepare_many([(p, "paper") for p in paths], None, True, known=known)
    alone = [prepare(p, None, True, paper="paper", known=known) for p in paths]
    assert len(paths) > 2 * 8  # more pages than the rules run over in turn
    assert [p.wire() for p in chunk] == [p.wire() for p in alone]
    assert [p.path for p in chunk] == paths
    assert chunk[7].refusal and chunk[2].encoded is None and not chunk[2].text
    assert all(p.encoded and p.encoded.span_values for k, p in enumerate(chunk) if k not in (2, 7))


def test_cancelling_keeps_whole_pages_only(tmp_path):
    _write_pages(tmp_path / "pages", 80)
    with Store.open(tmp_path / "a.db") as store:
        report = import_paths(store, [tmp_path / "pages"], progress=lambda d, t, n: d < 30)
        assert report.cancelled and len(report.imported) == 30
        assert store.count_pages() == 30
        assert all(store.blocks(pid) for pid in store.page_ids())


def test_resuggest_learns_accepted_strings_from_other_pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("雁城今天很热闹。", encoding="utf-8")
    (folder / "b.txt").write_text("大家都说雁城好。", encoding="utf-8")
    with Store.open(tmp_path / "a.db") as store:
        import_paths(store, [folder])
        from annotator.edits import Op

        store.apply(Op("add_span", "a", {"start": 0, "end": 2, "label": "LOC"}), "ana")
        resuggest(store, ["b"])
        suggested = [(s.start, s.end, s.label, s.origin) for s in store.spans("b", {"suggested"})]
        assert (4, 6, "LOC", "gazetteer") in suggested


def test_workers_fork_only_where_no_other_threads_can_be_running(monkeypatch):
    import sys
    import threading

    from annotator.pipeline import workers

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    for name in [n for n in sys.modules if n.startswith("PySide6.Qt")]:
        monkeypatch.delitem(sys.modules, name)
    assert workers._start_method() == "fork"
    monkeypatch.setitem(sys.modules, "PySide6.QtCore", object())
    assert workers._start_method() == "forkserver"
    monkeypatch.delitem(sys.modules, "PySide6.QtCore")
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert workers._start_method() == "forkserver"


def test_resuggest_leaves_done_pages_without_open_suggestions(tmp_path):
    from annotator.edits import Op, mark_done_op

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("雁城今天很热闹。", encoding="utf-8")
    (folder / "b.txt").write_text("大家都说雁城好。", encoding="utf-8")
    with Store.open(tmp_path / "a.db") as store:
        import_paths(store, [folder])
        store.apply(mark_done_op(store.page_state("a"), "reject"), "ana")
        # Learnt from page b, the gazetteer would now suggest 雁城 on the done page a.
        store.apply(Op("add_span", "b", {"start": 4, "end": 6, "label": "LOC"}), "ana")
        resuggest(store)
        assert store.page("a").status == "done"
        assert store.spans("a", {"suggested"}) == []
