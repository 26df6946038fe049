"""Finding drafts in folders, reading them, and excluding what the config says to skip."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from service.drafts import Draft, DraftError, Exclusions, find_drafts, read_draft, text_format_for


def make(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"draft {name}\n", encoding="utf-8")


def test_folders_are_walked_in_order_for_drafts_only(tmp_path: Path) -> None:
    make(tmp_path, "b.md", "a.txt", "c.html", "d.htm", "e.markdown", "skip.py", "f.MD", "sub/g.md", ".git/h.md")
    found = find_drafts([str(tmp_path)])
    names = [os.path.relpath(d.path, tmp_path) for d in found]
    assert names == ["a.txt", "b.md", "c.html", "d.htm", "e.markdown", "f.MD", os.path.join("sub", "g.md")]
    assert [d.text_format for d in found] == ["text", "markdown", "html", "html", "markdown", "markdown", "markdown"]


def test_a_named_file_is_checked_whatever_its_extension(tmp_path: Path) -> None:
    make(tmp_path, "notes.rst")
    (draft,) = find_drafts([str(tmp_path / "notes.rst")])
    assert draft.text_format == "text"
    (forced,) = find_drafts([str(tmp_path / "notes.rst")], input_format="markdown")
    assert forced.text_format == "markdown"


def test_each_draft_once(tmp_path: Path) -> None:
    make(tmp_path, "a.md")
    assert len(find_drafts([str(tmp_path), str(tmp_path / "a.md"), str(tmp_path)])) == 1


def test_stdin(tmp_path: Path) -> None:
    assert find_drafts(["-"]) == [Draft("-", "text")]
    assert find_drafts(["-"], input_format="html")[0].shown == "<stdin>"
    with pytest.raises(DraftError, match="only once"):
        find_drafts(["-", "-"])


def test_a_missing_path_stops_before_anything_is_read(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="nope.md: No such file"):
        find_drafts([str(tmp_path), str(tmp_path / "nope.md")])


def test_exclusions(tmp_path: Path) -> None:
    make(tmp_path, "keep.md", "x.draft.md", "archive/old.md", "archive/deep/older.md", "notes/README.md", "notes/n.md")
    exclusions = Exclusions(["archive/**", "*.draft.md", "README.md"], base=tmp_path)
    found = [os.path.relpath(d.path, tmp_path) for d in find_drafts([str(tmp_path)], exclusions)]
    assert found == ["keep.md", os.path.join("notes", "n.md")]
    assert find_drafts([str(tmp_path / "x.draft.md")], exclusions) == []  # named files too (pre-commit names them)
    assert Exclusions(["archive"], base=tmp_path).excludes(str(tmp_path / "archive"))


def test_text_format_for() -> None:
    assert text_format_for("a/b.HTML") == "html"
    assert text_format_for("a/b.markdown") == "markdown"
    assert text_format_for("a/b") == "text"
    assert text_format_for("a/b.md", "text") == "text"


def test_read_draft(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbfHall\xc3\xb3")
    assert read_draft(Draft(str(path), "markdown"), 100) == "Halló"
    with pytest.raises(DraftError, match="larger than the limit of 3 bytes"):
        read_draft(Draft(str(path), "markdown"), 3)
    path.write_bytes(b"Hall\xf3")
    with pytest.raises(DraftError, match=r"not UTF-8 text: byte 0xf3 at offset 4"):
        read_draft(Draft(str(path), "markdown"), 100)
    with pytest.raises(DraftError, match="Is a directory"):
        read_draft(Draft(str(tmp_path), "markdown"), 100)


def test_read_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Texti 5")))
    assert read_draft(Draft("-", "text"), 100) == "Texti 5"


def test_thousands_of_files_are_found_by_name_only(tmp_path: Path) -> None:
    for i in range(2000):
        (tmp_path / f"d{i:04}.md").write_text("x" * 1000)
    found = find_drafts([str(tmp_path)])
    assert len(found) == 2000 and found[0].path.endswith("d0000.md")
    assert all(type(d) is Draft for d in found)  # names and formats: no text is read while finding
