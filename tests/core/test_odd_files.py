"""Odd paths and files: each gets one clear line naming it, and the rest of the batch
still imports; no traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.edits import Op
from annotator.importing import format_size, parse_size
from annotator.store import Store

PAGE = "标题\n\n本报讯 正文第一段。\n"
as_root = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output


def _pages(db: Path) -> dict[str, str]:
    with Store.open(db) as store:
        return {pid: store.page(pid).text for pid in store.page_ids()}


# --- the database path ------------------------------------------------------------------


def test_db_under_a_regular_file_is_one_line(tmp_path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    for command in (["import", str(page)], ["demo"], ["backup"]):
        result = _run(*command, "--db", str(blocker / "sub" / "a.db"))
        _no_traceback(result)
        assert result.exit_code == 1
    result = _run("import", "--db", str(blocker / "sub" / "a.db"), str(page))
    assert result.output.strip() == (
        f"Error: {blocker / 'sub' / 'a.db'}: cannot create the database there: {blocker} is a "
        "file, not a folder; choose another place with --db"
    )


def test_db_in_a_folder_that_cannot_be_created_is_one_line(tmp_path, monkeypatch) -> None:
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    target = tmp_path / "locked" / "a.db"
    result = _run("demo", "--db", str(target))
    _no_traceback(result)
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {target}: cannot create the folder {target.parent} (Permission denied); "
        "choose a folder you can write to with --db"
    )


@pytest.mark.skipif(as_root, reason="root may write anywhere")
def test_db_in_a_read_only_folder_is_one_line(tmp_path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = _run("demo", "--db", str(locked / "sub" / "a.db"))
    finally:
        locked.chmod(0o700)
    _no_traceback(result)
    assert result.exit_code == 1 and "cannot create the folder" in result.output


# --- files in a batch ---------------------------------------------------------------------


def test_a_link_to_itself_is_refused_by_name_and_the_rest_imports(tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE, encoding="utf-8")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    db = tmp_path / "a.db"
    result = _run("import", "--db", str(db), str(folder))
    _no_traceback(result)
    assert result.exit_code == 1
    assert "Imported 1 page(s), skipped 0 already present, refused 2." in result.output
    assert (
        f"refused {folder / 'loop.txt'}: a symbolic link that points at itself (or a loop of "
        "links); fix or remove the link" in result.output
    )
    assert f"refused {folder / 'gone.txt'}: a broken symbolic link" in result.output
    assert list(_pages(db)) == ["a"]
    # Named on the command line, the loop is refused the same way, not "no such file".
    result = _run("import", "--db", str(db), str(folder / "loop.txt"))
    assert result.exit_code == 1 and "points at itself" in result.output


def _unreadable(folder: Path, monkeypatch) -> None:
    """Make ``folder`` unreadable: by permissions, or (for root) as os.walk would see it."""
    if not as_root:
        folder.chmod(0)
        return
    real = os.scandir

    def scandir(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_reported_by_name(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "pages"
    secret = folder / "secret"
    secret.mkdir(parents=True)
    (secret / "hidden.txt").write_text(PAGE, encoding="utf-8")
    (folder / "a.txt").write_text(PAGE, encoding="utf-8")
    db = tmp_path / "a.db"
    _unreadable(secret, monkeypatch)
    try:
        result = _run("import", "--db", str(db), str(folder))
    finally:
        secret.chmod(0o700)
    _no_traceback(result)
    assert result.exit_code == 1
    assert (
        f"refused {secret}: cannot read the folder (Permission denied); check its permissions"
        in result.output
    )
    assert "Imported 1 page(s)" in result.output


def test_a_white_space_only_file_is_refused_as_empty(tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "blank.txt").write_text(" \n\t\n\u3000\r\n", encoding="utf-8")
    (folder / "a.txt").write_text(PAGE, encoding="utf-8")
    result = _run("import", "--db", str(tmp_path / "a.db"), str(folder))
    assert result.exit_code == 1
    assert f"refused {folder / 'blank.txt'}: empty file (only white space)" in result.output
    assert "Imported 1 page(s)" in result.output


def test_a_page_bigger_than_the_limit_is_refused_until_the_limit_is_raised(tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    big = folder / "book.txt"
    big.write_text("本报讯" * 1_000_000, encoding="utf-8")  # 9 MB
    (folder / "a.txt").write_text(PAGE, encoding="utf-8")
    db = tmp_path / "a.db"
    result = _run("import", "--db", str(db), str(folder))
    _no_traceback(result)
    assert result.exit_code == 1
    assert (
        f"refused {big}: too large for one page (9 MB; the limit is 2 MB); split it into page "
        "files, or raise the limit with annotator import --max-page-size" in result.output
    )
    assert list(_pages(db)) == ["a"]
    result = _run("import", "--db", str(db), "--max-page-size", "10MB", str(big))
    assert result.exit_code == 0, result.output
    assert sorted(_pages(db)) == ["a", "book"]
    bad = _run("import", "--db", str(db), "--max-page-size", "lots", str(big))
    assert bad.exit_code == 2 and "is not a size" in bad.output


@pytest.mark.slow
def test_the_limit_holds_in_worker_processes_too(tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(80):  # enough files for the worker processes
        (folder / f"p{i:02}.txt").write_text(f"标题{i}\n\n本报讯 正文。\n", encoding="utf-8")
    (folder / "p99.txt").write_text("本报讯" * 200, encoding="utf-8")  # 1.8 kB
    result = _run("import", "--db", str(tmp_path / "a.db"), "--max-page-size", "1KB", str(folder))
    assert result.exit_code == 1
    assert "Imported 80 page(s)" in result.output
    assert f"refused {folder / 'p99.txt'}: too large for one page (2 kB; the limit is 1 kB)" in (
        result.output
    )


def test_sizes_read_and_written_for_people() -> None:
    assert parse_size("2MB") == 2_000_000 and parse_size("500k") == 500_000
    assert parse_size("1.5 MB") == 1_500_000 and parse_size("3000") == 3000
    assert format_size(2_000_000) == "2 MB" and format_size(1_500_000) == "1.5 MB"
    with pytest.raises(ValueError, match="not a size"):
        parse_size("two")


# --- a file changed since its import -------------------------------------------------------


def test_a_changed_file_replaces_its_unreviewed_page_and_is_reported(tmp_path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "a.db"
    assert _run("import", "--db", str(db), str(page)).exit_code == 0
    page.write_text(PAGE + "\n第二段。\n", encoding="utf-8")
    result = _run("import", "--db", str(db), str(page))
    assert result.exit_code == 0, result.output
    assert "1 changed since their import" in result.output
    assert (
        f"changed {page}: changed since its import; page a had not been reviewed, so it now "
        "holds the new version" in result.output
    )
    assert _pages(db) == {"a": PAGE + "\n第二段。\n"}


def test_a_changed_file_of_a_reviewed_page_is_imported_beside_it_naming_both(tmp_path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(PAGE, encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("另一页\n", encoding="utf-8")
    db = tmp_path / "a.db"
    assert _run("import", "--db", str(db), str(page)).exit_code == 0
    with Store.open(db) as store:
        first = store.blocks("a")[0]
        store.apply(Op("set_role", "a", {"block": first.start, "role": "kicker"}), "ana")
    page.write_text(PAGE + "\n第二段。\n", encoding="utf-8")
    result = _run("import", "--db", str(db), str(page), str(other))
    assert result.exit_code == 0, result.output
    pages = _pages(db)
    (beside,) = [p for p in pages if p.startswith("a~")]
    assert (
        f"changed {page}: changed since its import; page a has reviews and is kept as it was, "
        f"the new version is page {beside}" in result.output
    )
    assert pages["a"] == PAGE and pages[beside] == PAGE + "\n第二段。\n" and "b" in pages
