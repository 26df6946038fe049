"""Reading unified diffs, and asking git for one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from service.diffscope import ChangedLines, DiffError, parse_unified_diff, scope_from_git, scope_from_text

GIT_DIFF = """\
diff --git a/drafts/a.md b/drafts/a.md
index 1111111..2222222 100644
--- a/drafts/a.md
+++ b/drafts/a.md
@@ -3 +3 @@ Title
-old line
+new line
@@ -10,0 +11,2 @@
+added one
+added two
@@ -20,2 +22,0 @@
-gone
-gone too
diff --git a/drafts/new.md b/drafts/new.md
new file mode 100644
--- /dev/null
+++ b/drafts/new.md
@@ -0,0 +1,3 @@
+one
+++two starts with pluses
+three
diff --git a/drafts/old.md b/drafts/old.md
deleted file mode 100644
--- a/drafts/old.md
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git "a/drafts/\\303\\255sland.md" "b/drafts/\\303\\255sland.md"
--- "a/drafts/\\303\\255sland.md"
+++ "b/drafts/\\303\\255sland.md"
@@ -1,0 +2 @@
+ný lína
"""

CONTEXT_DIFF = """\
--- drafts/a.md\t2021-03-19 10:00:00
+++ drafts/a.md\t2021-03-20 10:00:00
@@ -1,4 +1,5 @@
 same 1
-changed
+changed 2
+inserted 3
 same 4
 same 5
\\ No newline at end of file
"""


def test_added_lines_per_file() -> None:
    files = parse_unified_diff(GIT_DIFF)
    assert files["drafts/a.md"] == ChangedLines(((3, 3), (11, 12)))
    assert files["drafts/new.md"] == ChangedLines(((1, 3),))
    assert files["drafts/ísland.md"] == ChangedLines(((2, 2),))
    assert "drafts/old.md" not in files


def test_context_lines_count_but_are_not_changes() -> None:
    assert parse_unified_diff(CONTEXT_DIFF) == {"drafts/a.md": ChangedLines(((2, 3),))}


def test_touches() -> None:
    lines = ChangedLines(((3, 3), (11, 12)))
    assert lines.touches(3, 3) and lines.touches(1, 5) and lines.touches(12, 20) and lines.touches(10, 11)
    assert not lines.touches(4, 10) and not lines.touches(1, 2) and not lines.touches(13, 99)


def test_a_broken_hunk_header_is_an_error() -> None:
    with pytest.raises(DiffError, match="hunk header"):
        parse_unified_diff("--- a/x\n+++ b/x\n@@ nonsense @@\n")


def test_scope_matches_paths_relative_to_its_root(tmp_path: Path) -> None:
    draft = tmp_path / "drafts" / "a.md"
    draft.parent.mkdir()
    draft.write_text("x\n")
    scope = scope_from_text(GIT_DIFF, tmp_path)
    assert scope.lines_for(str(draft)) == ChangedLines(((3, 3), (11, 12)))
    assert scope.lines_for(str(tmp_path / "drafts" / "other.md")) is None


requires_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@requires_git
def test_scope_from_git(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    draft = tmp_path / "a.md"
    draft.write_text("one\ntwo\nthree\n")
    git(tmp_path, "add", "a.md")
    git(tmp_path, "commit", "-q", "-m", "first")
    draft.write_text("one\ntwo changed\nthree\nfour\n")
    scope = scope_from_git("HEAD", [str(draft)], cwd=tmp_path)
    assert scope.lines_for(str(draft)) == ChangedLines(((2, 2), (4, 4)))


@requires_git
@pytest.mark.parametrize(
    ("base", "message"), [("no-such-rev", "git failed"), ("--output=x", "git revision"), ("", "git revision")]
)
def test_scope_from_git_errors(tmp_path: Path, base: str, message: str) -> None:
    git(tmp_path, "init", "-q")
    with pytest.raises(DiffError, match=message):
        scope_from_git(base, ["."], cwd=tmp_path)


def test_outside_a_repository(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    with pytest.raises(DiffError, match="git failed"):
        scope_from_git("HEAD", ["."], cwd=tmp_path)
