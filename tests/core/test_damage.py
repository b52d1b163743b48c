"""A damaged database: found by SQLite's own checks, reported in one line naming the file
and the newest backup, never written into; backups are made, rotated and restored."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import store as store_module
from annotator.cli import main
from annotator.pipeline import import_paths
from annotator.resources import seeds_dir
from annotator.store import (
    Store,
    StoreError,
    list_backups,
    newest_backup,
    restore_backup,
    rolling_backup,
)

from .damage import damage_table

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def good_db(tmp_path) -> Path:
    path = tmp_path / "work" / "gold.db"
    path.parent.mkdir()
    with Store.open(path) as store:
        import_paths(store, [seeds_dir()])
    return path


@pytest.fixture
def damaged_db(good_db) -> tuple[Path, Path]:
    """A database with one backup made before a data page of ``blocks`` was damaged."""
    backup = rolling_backup(good_db)
    damage_table(good_db)
    return good_db, backup


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


@pytest.mark.parametrize("command", [["stats"], ["export", "--status", "all"]])
@pytest.mark.parametrize("check_at_open", [True, False])
def test_commands_on_a_damaged_database_say_which_file_and_which_backup(
    damaged_db, command, check_at_open, monkeypatch
) -> None:
    db, backup = damaged_db
    if not check_at_open:  # a big file: the damage is met while reading
        monkeypatch.setattr(store_module.safety, "QUICK_CHECK_AT_OPEN_BYTES", 0)
    before = _digest(db)
    line = _one_line_error(_run(*command, "--db", str(db)))
    assert f"{db}: the database is damaged" in line
    assert f"restore the newest backup with: annotator restore --db {db} {backup}" in line
    assert _digest(db) == before


@pytest.mark.parametrize("command", ["import", "demo", "suggest"])
@pytest.mark.parametrize("check_at_open", [True, False])
def test_writing_commands_never_write_into_a_damaged_database(
    damaged_db, tmp_path, command, check_at_open, monkeypatch
) -> None:
    db, _ = damaged_db
    if not check_at_open:
        monkeypatch.setattr(store_module.safety, "QUICK_CHECK_AT_OPEN_BYTES", 0)
    page = tmp_path / "new.txt"
    page.write_text("标题\n\n本报讯 正文。\n", encoding="utf-8")
    before = _digest(db)
    args = [command, "--db", str(db)] + ([str(page)] if command == "import" else [])
    line = _one_line_error(_run(*args))
    assert "the database is damaged" in line and "nothing was written" in line
    assert _digest(db) == before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0


def test_without_a_backup_the_message_says_so(good_db) -> None:
    damage_table(good_db)
    line = _one_line_error(_run("stats", "--db", str(good_db)))
    assert f"there is no backup of it in {good_db.parent / 'backups'}" in line


def test_restore_brings_back_the_backup_and_keeps_the_damaged_file(damaged_db) -> None:
    db, backup = damaged_db
    damaged = _digest(db)
    result = _run("restore", "--db", str(db), str(backup))
    assert result.exit_code == 0, result.output
    kept = [p for p in (db.parent / "backups").iterdir() if p.name.endswith("-replaced.db")]
    assert len(kept) == 1 and _digest(kept[0]) == damaged
    assert f"Restored {db} from {backup}; the replaced file is kept as {kept[0]}" in result.output
    stats = _run("stats", "--json", "--db", str(db))
    assert stats.exit_code == 0, stats.output
    assert '"total": 2' in stats.output
    # The damaged file is never offered as the newest backup.
    assert newest_backup(db) == backup


def test_restore_leaves_no_empty_log_beside_the_replaced_file(good_db) -> None:
    """The log is folded into the file before it is copied aside: an empty
    ``…-replaced.db-wal`` was left in the backups folder beside it (found in s27)."""
    backup = rolling_backup(good_db)
    with Store.open(good_db) as store:  # a log with content when the restore starts
        import_paths(store, [seeds_dir()])
        store.stats()
    aside = restore_backup(good_db, backup)
    assert aside is not None and aside.exists()
    assert sorted(p.name for p in aside.parent.iterdir()) == sorted([backup.name, aside.name])
    with Store.open(aside) as kept:  # the whole replaced database, without its log
        assert kept.count_pages() == 2


def test_restore_refuses_a_damaged_backup(damaged_db, tmp_path) -> None:
    db, backup = damaged_db
    broken = tmp_path / "broken.db"
    broken.write_bytes(db.read_bytes())
    line = _one_line_error(_run("restore", "--db", str(db), str(broken)))
    assert f"{broken}: this backup is damaged too; choose an older one" in line
    line = _one_line_error(_run("restore", "--db", str(db), str(tmp_path / "none.db")))
    assert "no such backup file" in line


def test_restore_refuses_while_another_program_holds_the_database(good_db) -> None:
    backup = rolling_backup(good_db)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom annotator.store import Store\n"
            f"s = Store.open({str(good_db)!r}); s.stats(); print('open', flush=True)\n"
            "sys.stdin.readline()",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        before = _digest(good_db)
        line = _one_line_error(_run("restore", "--db", str(good_db), str(backup)))
        assert "another program holds the database" in line
        assert _digest(good_db) == before
        assert not any(p.name.endswith("-replaced.db") for p in backup.parent.iterdir())
    finally:
        holder.communicate("\n", timeout=30)


def test_backups_rotate_and_a_damaged_copy_never_pushes_a_good_one_out(good_db) -> None:
    made = [rolling_backup(good_db, keep=3) for _ in range(5)]
    assert list_backups(good_db) == made[-3:]
    damage_table(good_db)
    with pytest.raises(StoreError, match="the database is damaged"):
        rolling_backup(good_db, keep=3)
    assert list_backups(good_db) == made[-3:]
    assert [p.name for p in good_db.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert not any(p.name.endswith(".tmp") for p in (good_db.parent / "backups").iterdir())


def test_backup_command_writes_a_checked_copy(good_db, tmp_path) -> None:
    result = _run("backup", "--db", str(good_db))
    assert result.exit_code == 0, result.output
    (made,) = list_backups(good_db)
    assert made.name.startswith("gold-") and f"to {made}." in result.output
    target = tmp_path / "copy.db"
    assert _run("backup", "--db", str(good_db), "--output", str(target)).exit_code == 0
    with Store.open(target) as copy:  # a whole annotator database on its own, no WAL needed
        assert copy.count_pages() == 2
    missing = _one_line_error(_run("backup", "--db", str(tmp_path / "none.db")))
    assert "no such database to back up" in missing


def test_restore_into_a_missing_database_creates_it(good_db, tmp_path) -> None:
    backup = rolling_backup(good_db)
    target = tmp_path / "fresh.db"
    assert restore_backup(target, backup) is None
    with Store.open(target) as store:
        assert store.count_pages() == 2


def test_check_command_finds_damage_in_a_file_of_any_size(damaged_db, monkeypatch) -> None:
    db, backup = damaged_db
    monkeypatch.setattr(store_module.safety, "QUICK_CHECK_AT_OPEN_BYTES", 0)  # as for a big file
    line = _one_line_error(_run("check", "--db", str(db)))
    assert f"{db}: the database is damaged" in line and str(backup) in line


def test_check_command_on_a_sound_database(good_db) -> None:
    result = _run("check", "--db", str(good_db))
    assert result.exit_code == 0 and result.output == f"{good_db}: no damage found.\n"


def test_a_file_too_big_to_check_before_each_import_is_not_checked(good_db, monkeypatch) -> None:
    """The trade-off (README): above QUICK_CHECK_BEFORE_WRITE_BYTES import does not read
    the whole file first; the window, backups and 'annotator check' do."""
    checked = []
    monkeypatch.setattr(
        store_module.safety, "_quick_check", lambda conn, path: checked.append(path)
    )
    monkeypatch.setattr(store_module, "QUICK_CHECK_BEFORE_WRITE_BYTES", 0)
    monkeypatch.setattr(store_module.safety, "QUICK_CHECK_AT_OPEN_BYTES", 0)
    assert _run("demo", "--db", str(good_db)).exit_code == 0
    assert checked == []
    monkeypatch.setattr(store_module, "QUICK_CHECK_BEFORE_WRITE_BYTES", 1 << 40)
    assert _run("demo", "--db", str(good_db)).exit_code == 0
    assert checked == [good_db]


def test_restore_of_a_mistyped_backup_names_the_newest_backup_by_its_full_path(
    tmp_path, monkeypatch
) -> None:
    # With --db gold.db (relative), a mistyped backup name said "the backups are in
    # backups": neither where that is nor which file to give instead.
    monkeypatch.chdir(tmp_path)
    assert _run("import", "--db", "gold.db", str(seeds_dir())).exit_code == 0
    folder = (tmp_path / "backups").resolve()
    line = _one_line_error(_run("restore", "--db", "gold.db", "gold-2026.db"))
    assert line == (
        f"Error: gold-2026.db: no such backup file; gold.db has no backup in {folder} yet "
        "(annotator backup makes one)"
    )
    assert _run("backup", "--db", "gold.db").exit_code == 0
    newest = newest_backup("gold.db").resolve()
    line = _one_line_error(_run("restore", "--db", "gold.db", "gold-2026.db"))
    assert line == f"Error: gold-2026.db: no such backup file; the newest backup is {newest}"
