"""Reading page files: discovery, decoding, ids (annotator.importing)."""

from __future__ import annotations

import codecs
import hashlib
import os
import random
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from annotator.importing import (
    ImportRefused,
    decode_page_bytes,
    discover,
    page_id_for,
    sha256_of,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PAGE = "# 市委常委会召开会议\n\n■本报记者 陈润  \n通讯员 周乐天\n\n**本报讯** 3月4日,𠮷田先生在衡阳。\n"

# ------------------------------------------------------------------ decoding


@pytest.mark.parametrize(
    "data",
    [
        PAGE.encode("utf-8"),
        codecs.BOM_UTF8 + PAGE.encode("utf-8"),
        codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + PAGE.encode("utf-32-le"),
        PAGE.encode("gb18030"),  # 𠮷 is a four-byte GB18030 sequence
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-le-bom", "gb18030"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode_page_bytes(data, "page.txt") == PAGE


def test_gb18030_four_byte_character() -> None:
    data = "𠮷野家".encode("gb18030")
    assert len(data) == 8  # 𠮷 takes four bytes, 野 and 家 two each
    assert decode_page_bytes(data, "x.txt") == "𠮷野家"


def test_gbk_text() -> None:
    text = "本报讯 市委书记邓群策主持召开市委常委会会议。——“一体两翼”"
    data = text.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_page_bytes(data, "x.txt") == text


def test_only_line_ends_are_normalised() -> None:
    data = "甲\r\n乙\r丙\n丁  \r\n\t戊\u3000 \x0c己\ufeff".encode()
    assert decode_page_bytes(data, "x.txt") == "甲\n乙\n丙\n丁  \n\t戊\u3000 \x0c己\ufeff"
    assert decode_page_bytes(b"a\r\r\nb", "x.txt") == "a\n\nb"
    # No Unicode normalisation: a decomposed é stays two code points.
    assert decode_page_bytes("e\u0301".encode(), "x.txt") == "e\u0301"


def test_bom_is_removed_only_at_the_start() -> None:
    text = decode_page_bytes(codecs.BOM_UTF8 + "甲".encode(), "x.txt")
    assert text == "甲"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "contains NUL bytes"),
        (random.Random(7).randbytes(4096), "not text"),
        (bytes(range(1, 32)) * 4, "control characters"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (codecs.BOM_UTF8 + b"\xff\xfe broken", "UTF-8 byte-order mark but is not valid UTF-8"),
        (codecs.BOM_UTF16_LE + b"\x41", "UTF-16 byte-order mark but is not valid UTF-16"),
        (codecs.BOM_UTF16_LE + "甲\x00乙".encode("utf-16-le"), "NUL"),
        ("page 1".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (b"", "empty file"),
        (codecs.BOM_UTF8, "empty file"),
    ],
    ids=["png", "random", "controls", "latin-1", "bad-utf8-bom", "odd-utf16", "utf16-nul",
         "utf16-no-bom", "empty", "only-bom"],
)  # fmt: skip
def test_refused_with_file_reason_and_advice(data: bytes, reason: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        decode_page_bytes(data, "seeds/x.txt")
    message = str(refused.value)
    assert message.startswith("seeds/x.txt: ")
    assert reason in message
    assert refused.value.path == "seeds/x.txt"
    assert refused.value.advice in message


def test_refusal_says_what_to_do() -> None:
    with pytest.raises(ImportRefused) as refused:
        decode_page_bytes(b"\x00\x01\x02", "seeds/x.txt")
    assert str(refused.value) == (
        "seeds/x.txt: not text (contains NUL bytes; binary, or UTF-16 without a byte-order "
        "mark); convert it to UTF-8 text and import again"
    )


def test_gb18030_of_private_use_characters_is_not_believed() -> None:
    # Valid GB18030, but user-defined (private use) code points: what binary data yields.
    data = bytes([0xAA, 0xA1, 0xAB, 0xB0, 0xF8, 0xA1, 0xFE, 0xFE] * 8)
    assert all(0xE000 <= ord(c) <= 0xF8FF for c in data.decode("gb18030"))
    with pytest.raises(ImportRefused, match="not GB18030/GBK text"):
        decode_page_bytes(data, "x.txt")


def test_sample_pages_decode_unchanged() -> None:
    for seed in SEEDS.glob("*.txt"):
        data = seed.read_bytes()
        assert decode_page_bytes(data, seed.name) == data.decode("utf-8")


@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        text = decode_page_bytes(data, "x.txt")
    except ImportRefused as refused:
        assert str(refused).startswith("x.txt: ")
    else:
        assert "\r" not in text


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
    | st.sampled_from(["\n", "\t", "中", "𠮷"]),
    min_size=1,
)


@given(TEXT)
def test_utf8_and_utf16_round_trip(text: str) -> None:
    assume(text.strip())  # white space alone is refused as empty (issue 8)
    assert decode_page_bytes(text.encode("utf-8"), "x.txt") == text
    assert decode_page_bytes(codecs.BOM_UTF8 + text.encode("utf-8"), "x.txt") == text
    assert decode_page_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "x.txt") == text


@given(st.text(st.sampled_from("本报讯记者陈润邓群策衡阳市𠮷，。“”——■ \n0123abc"), min_size=1))
def test_chinese_text_round_trips_through_gb18030(text: str) -> None:
    data = text.encode("gb18030")
    # UTF-8 is tried first: a short GBK string can happen to be valid UTF-8 ("群" is C8 BA).
    assume(not is_utf8(data))
    assert decode_page_bytes(data, "x.txt") == text


# ------------------------------------------------------------------ discovery


def make_tree(root: Path) -> None:
    files = [
        "a/one.txt",
        "a/two.md",
        "a/b/three.TXT",
        "a/b/skip.pdf",
        "a/.hidden.txt",
        "a/.git/ignored.txt",
        "a/b/.cache/ignored.md",
        "z.txt",
    ]
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("正文", encoding="utf-8")


def test_discover_folders_recursively(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = discover([tmp_path / "a"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a/b/three.TXT",
        "a/one.txt",
        "a/two.md",
    ]


def test_discover_mixes_files_and_folders_without_duplicates(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = discover(
        [tmp_path / "z.txt", tmp_path / "a", tmp_path / "a" / "one.txt", tmp_path / "a" / "b"]
    )
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a/b/three.TXT",
        "a/one.txt",
        "a/two.md",
        "z.txt",
    ]


def test_named_files_are_taken_whatever_their_suffix(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = discover([tmp_path / "a" / "b" / "skip.pdf", tmp_path / "a" / ".hidden.txt"])
    assert [p.name for p in found] == [".hidden.txt", "skip.pdf"]


def test_discover_relative_paths_stay_relative(tmp_path: Path, monkeypatch) -> None:
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert discover(["a/b", "./a/b/three.TXT"]) == [Path("a/b/three.TXT")]


def test_discover_missing_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope"):
        discover([tmp_path / "nope"])


def test_discover_does_not_follow_folder_links(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "pages" / "loop").symlink_to(tmp_path / "pages", target_is_directory=True)
    assert discover([tmp_path / "pages"]) == [tmp_path / "pages" / "p.txt"]


def _discover_by_resolving_each(folder: Path) -> list[Path]:
    """What discover() finds in one folder, by os.walk and a resolve() per file."""
    found: dict[str, Path] = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in {".txt", ".md"}:
                path = Path(root, name)
                try:
                    identity = str(path.resolve())
                except (OSError, RuntimeError):
                    identity = os.path.abspath(path)
                found.setdefault(identity, path)
    return sorted(found.values())


def test_a_file_reached_by_links_is_found_once_as_a_resolve_per_file_finds_it(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    for name in ["a.txt", "b.md", "sub/c.txt", "sub/d.txt"]:
        (real / name).write_text(name, encoding="utf-8")
    (real / "sub" / "0link.txt").symlink_to(real / "sub" / "d.txt")  # before its target
    (real / "zlink.txt").symlink_to(real / "a.txt")  # after its target
    (real / "broken.txt").symlink_to(real / "missing.txt")
    (real / "self.txt").symlink_to(real / "self.txt")  # a loop: names no file
    (real / "folder_link").symlink_to(real / "sub", target_is_directory=True)
    (tmp_path / "via").symlink_to(real, target_is_directory=True)  # the folder given by a link
    for folder in (real, tmp_path / "via"):
        found = discover([folder])
        assert found == _discover_by_resolving_each(folder)
        names = {p.relative_to(folder).as_posix() for p in found}
        assert {"b.md", "broken.txt", "self.txt", "sub/c.txt"} <= names  # one name each for
        assert len(names & {"a.txt", "zlink.txt"}) == 1  # a.txt and for d.txt,
        assert len(names & {"sub/d.txt", "sub/0link.txt"}) == 1  # whichever is met first
        assert len(names) == 6


def test_discover_seeds() -> None:
    assert [p.name for p in discover([SEEDS])] == sorted(p.name for p in SEEDS.glob("*.txt"))


# ------------------------------------------------------------------ identity


def test_sha256_of() -> None:
    assert sha256_of(b"abc") == hashlib.sha256(b"abc").hexdigest()


def test_page_id_is_the_stem_when_free() -> None:
    assert page_id_for(Path("seeds/000_382c.txt"), "ab" * 32, lambda _id: False) == "000_382c"


def test_same_stem_different_content_gets_a_hash_suffix() -> None:
    existing = {"page"}
    sha = sha256_of(b"other content")
    page_id = page_id_for(Path("b/page.md"), sha, existing.__contains__)
    assert page_id == f"page~{sha[:8]}"
    existing.add(page_id)
    third = sha256_of(b"third content")
    assert page_id_for(Path("c/page.txt"), third, existing.__contains__) == f"page~{third[:8]}"


def test_suffix_collision_takes_a_longer_prefix() -> None:
    sha = "0123456789abcdef" * 4
    taken = {"p", "p~01234567"}
    assert page_id_for(Path("p.txt"), sha, taken.__contains__) == "p~0123456789ab"
    everything = {"p", "p~01234567", "p~0123456789ab", "p~0123456789abcdef", f"p~{sha}"}
    assert page_id_for(Path("p.txt"), sha, everything.__contains__) == "p~01234567-2"
