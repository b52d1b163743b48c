"""The lexicon files of the rule suggesters, their loader, project lexicons and automata."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import lexicon

ROOT = Path(__file__).resolve().parents[2]
LEXICONS = sorted((ROOT / "resources" / "lexicon").glob("*.txt"))


def test_the_lexicons_ship_as_data_files():
    assert len(LEXICONS) >= 30
    assert lexicon.bundled_dir().resolve() == (ROOT / "resources" / "lexicon").resolve()
    assert "people_surnames" in lexicon.names()
    assert {"王", "欧阳"} <= lexicon.word_set("people_surnames")


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.stem)
def test_every_lexicon_has_a_header_and_clean_entries(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert lines[0].startswith("# ") and len(header) >= 2, "a header says what it holds"
    assert any("Source:" in line for line in header), "the header says where it comes from"
    entries = [line.split("\t")[0] for line in lines if line and not line.startswith("#")]
    assert entries or path.stem == "places_local", "no entries"
    assert len(entries) == len(set(entries)), "duplicate entries"
    assert all(e == e.strip() and " " not in e for e in entries)


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.stem)
def test_every_lexicon_is_used_by_a_suggester(path):
    code = "".join(p.read_text("utf-8") for p in (ROOT / "annotator" / "suggest").rglob("*.py"))
    assert f'"{path.stem}"' in code


def test_fields_after_a_tab():
    assert lexicon.fields("places_prefectures")["延边"] == "州"
    assert lexicon.fields("places_prefectures")["衡阳"] == ""
    assert lexicon.fields("dates_words")["春节"] == "festival"


def _run(code: str, env_dirs: list[Path]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, lexicon.ENV_VAR: os.pathsep.join(map(str, env_dirs))}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )


_SUGGEST = (
    "import json; from annotator.suggest import suggest_spans; "
    "t = {text!r}; "
    "print(json.dumps([(t[s.start:s.end], s.label) for s in suggest_spans(t)], ensure_ascii=False))"
)


def test_a_project_lexicon_adds_and_removes_entries(tmp_path):
    """``ANNOTATOR_LEXICONS`` names folders of files named like the bundled ones."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "places_local.txt").write_text("# our places\n瓦坎达\n", encoding="utf-8")
    (two / "places_world_cities.txt").write_text("# not a city for us\n-华盛顿\n", "utf-8")
    (two / "people_titles.txt").write_text("监事长\n", encoding="utf-8")
    # (apart: 华盛顿 in a list beside a listed place is an item of it, listed or not)
    text = "他访问了瓦坎达。华盛顿的官员说，监事长邹力行出席。"
    before = _run(_SUGGEST.format(text=text), [])
    after = _run(_SUGGEST.format(text=text), [one, two])
    assert after.returncode == 0, after.stderr
    found_before = {tuple(x) for x in json.loads(before.stdout)}
    found_after = {tuple(x) for x in json.loads(after.stdout)}
    assert ("瓦坎达", "LOC") not in found_before and ("瓦坎达", "LOC") in found_after
    assert ("华盛顿", "LOC") in found_before and ("华盛顿", "LOC") not in found_after
    assert ("邹力行", "PER") in found_after


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = tmp_path / "lexicon"
    folder.mkdir()
    monkeypatch.setenv(lexicon.ENV_VAR, str(folder))
    lexicon.entries.cache_clear()
    yield folder
    lexicon.entries.cache_clear()


def test_project_entries_follow_the_bundled_ones(project):
    (project / "people_roles.txt").write_text("# ours\n\n 护林员 \n工人\n", encoding="utf-8")
    words = lexicon.words("people_roles")
    assert words[-1] == "护林员" and words.count("工人") == 1
    lexicon.check_project_lexicons()


def test_a_missing_project_folder_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv(lexicon.ENV_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(lexicon.LexiconError, match=r"ANNOTATOR_LEXICONS names .*nowhere"):
        lexicon.check_project_lexicons()


def test_a_file_named_like_no_lexicon_is_refused(project):
    (project / "surnames.txt").write_text("王\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match=r"surnames.txt: no bundled lexicon"):
        lexicon.check_project_lexicons()


def test_a_file_that_is_not_utf8_is_refused(project):
    (project / "people_titles.txt").write_bytes("监事长\n".encode("gbk"))
    with pytest.raises(lexicon.LexiconError, match=r"people_titles.txt: not UTF-8"):
        lexicon.check_project_lexicons()


def test_an_entry_with_spaces_is_refused_with_its_line(project):
    (project / "people_titles.txt").write_text("# ours\n监事长 理事\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match=r"people_titles.txt, line 2: '监事长 理事'"):
        lexicon.words("people_titles")


def test_the_command_line_reports_a_bad_project_lexicon(tmp_path):
    result = _run(
        f"from annotator.cli import main; main(['--db', {str(tmp_path / 'x.db')!r}, 'stats'])",
        [tmp_path / "nowhere"],
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: ANNOTATOR_LEXICONS names {tmp_path / 'nowhere'}, which is not a folder; "
        "create it or correct the variable"
    ]


def test_the_matcher_finds_the_leftmost_longest_words():
    regex = lexicon.matcher(lexicon.words("places_abbreviation_groups"))
    assert [m.group(0) for m in regex.finditer("港澳台同胞和欧美日客商")] == ["港澳台", "欧美日"]


def test_regex_characters_in_a_project_lexicon_are_plain_characters(tmp_path):
    """A project's ``-`` or ``]`` among single characters must not become a range or end
    a character class (the classes are escaped)."""
    (tmp_path / "people_translit_chars.txt").write_text("]\n-\n^\n\\\n", encoding="utf-8")
    (tmp_path / "people_surnames.txt").write_text("-\n[\n", encoding="utf-8")
    text = "秘书长古特雷斯说，市长张三出席。a-b]c^d"
    result = _run(_SUGGEST.format(text=text), [tmp_path])
    assert result.returncode == 0, result.stderr
    found = {tuple(x) for x in json.loads(result.stdout)}
    assert {("古特雷斯", "PER"), ("张三", "PER")} <= found
    assert not any(set(s) & set("-]^\\abcd") for s, _label in found)


def test_char_class_escapes_what_a_class_would_read_as_syntax():
    body = lexicon.char_class("王]-^\\李")
    assert re.fullmatch(f"[{body}]+", "王]-^\\李")
    assert not re.fullmatch(f"[{body}]", "a")


def test_the_inner_words_of_organisations_are_what_their_script_writes():
    # orgs_inner_words is generated from jieba's dictionary; the file must be the script's
    # output, and verbs jieba tags as nouns (交由, 对付) must stay out: before a name they cut it
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import org_inner_words
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    words = org_inner_words.inner_words()
    assert tuple(words) == lexicon.words("orgs_inner_words")
    assert {"人才", "对外", "自由"} <= set(words)
    assert not {"交由", "对付", "发给", "不等"} & set(words)
