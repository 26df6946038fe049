"""``--diff``: check only the claims on lines a change added or altered.

The change is a unified diff: from ``git diff -U0 BASE -- PATH...`` run in a subprocess, or
read from standard input (``--diff -``). What counts is the new side of each hunk: lines
marked ``+``. A claim is in scope when its sentence touches such a line, since a changed
year or country on the next line changes what the claim says. Drafts the diff does not
touch are not read at all.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checkers import InputError

_HUNK = re.compile(r"@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_OCTAL = re.compile(rb"\\([0-7]{3}|.)")
_C_ESCAPES = {b"n": b"\n", b"t": b"\t", b'"': b'"', b"\\": b"\\", b"a": b"\a", b"b": b"\b", b"f": b"\f", b"v": b"\v"}
GIT_TIMEOUT = 120


class DiffError(InputError):
    """The diff could not be had or read."""


@dataclass(frozen=True)
class ChangedLines:
    """Line numbers (1-based) on the new side, as sorted, disjoint, inclusive ranges."""

    ranges: tuple[tuple[int, int], ...]

    def touches(self, first: int, last: int) -> bool:
        k = bisect_right(self.ranges, (last, float("inf"))) - 1
        return k >= 0 and self.ranges[k][1] >= first


@dataclass(frozen=True)
class DiffScope:
    """Which lines of which files changed; file names are relative to ``root``."""

    files: dict[str, ChangedLines] = field(default_factory=dict)
    root: Path = field(default_factory=Path.cwd)

    def lines_for(self, path: str) -> ChangedLines | None:
        """The changed lines of the file at ``path`` (as given on the command line), or None."""
        try:
            relative = Path(os.path.relpath(os.path.realpath(path), os.path.realpath(self.root))).as_posix()
        except ValueError:  # another drive on Windows
            return None
        return self.files.get(relative)


def parse_unified_diff(diff: str) -> dict[str, ChangedLines]:
    """Added lines per file of a unified diff (git's, or ``diff -u``'s)."""
    added: dict[str, list[tuple[int, int]]] = {}
    current: list[tuple[int, int]] | None = None
    old_left = new_left = 0
    line_no = 0
    for raw in diff.splitlines():
        if old_left > 0 or new_left > 0:  # inside a hunk: every line is content
            tag = raw[:1]
            if tag == "+":
                if current is not None:
                    _add(current, line_no)
                line_no += 1
                new_left -= 1
            elif tag == "-":
                old_left -= 1
            elif tag == "\\":
                pass  # "\ No newline at end of file"
            else:
                line_no += 1
                old_left -= 1
                new_left -= 1
            continue
        if raw.startswith("+++ "):
            name = _file_name(raw[4:])
            current = None if name is None else added.setdefault(name, [])
        elif raw.startswith("@@ "):
            hunk = _HUNK.match(raw)
            if hunk is None:
                raise DiffError(f"not a unified diff hunk header: {raw[:80]!r}")
            old_left = int(hunk.group(1)) if hunk.group(1) is not None else 1
            line_no = int(hunk.group(2))
            new_left = int(hunk.group(3)) if hunk.group(3) is not None else 1
    return {name: ChangedLines(tuple(ranges)) for name, ranges in added.items() if ranges}


def _add(ranges: list[tuple[int, int]], line: int) -> None:
    if ranges and ranges[-1][1] == line - 1:
        ranges[-1] = (ranges[-1][0], line)
    else:
        ranges.append((line, line))


def _file_name(field_text: str) -> str | None:
    name = field_text.split("\t", 1)[0].rstrip("\r")
    if name.startswith('"') and name.endswith('"') and len(name) >= 2:
        name = _unquote(name[1:-1])
    if name == "/dev/null":
        return None
    return name.removeprefix("b/")


def _unquote(quoted: str) -> str:
    """Git's C-style quoting of unusual file names: ``\\303\\255`` is í in UTF-8."""

    def one(match: re.Match[bytes]) -> bytes:
        code = match.group(1)
        return bytes([int(code, 8)]) if len(code) == 3 else _C_ESCAPES.get(code, code)

    return _OCTAL.sub(one, quoted.encode("utf-8")).decode("utf-8", errors="replace")


def scope_from_text(diff: str, root: Path | None = None) -> DiffScope:
    """A diff given as text (``--diff -``): its paths are relative to ``root`` (default: cwd)."""
    return DiffScope(parse_unified_diff(diff), root or Path.cwd())


def scope_from_git(base: str, paths: Sequence[str], cwd: Path | None = None) -> DiffScope:
    """``git diff -U0 BASE -- PATHS``: the working tree's changes since the revision ``base``."""
    if not base or base.startswith("-"):
        raise DiffError(f"--diff needs a git revision (a branch, tag or commit), not {base!r}")
    git = shutil.which("git")
    if git is None:
        raise DiffError("--diff BASE needs git, which is not installed (or give a diff on stdin with --diff -)")
    top = _git(git, ["rev-parse", "--show-toplevel"], cwd).strip()
    args = ["-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", base, "--"]
    diff = _git(git, [*args, *_pathspecs(paths)], cwd)
    return DiffScope(parse_unified_diff(diff), Path(top))


def _pathspecs(paths: Iterable[str]) -> list[str]:
    return [p for p in paths if p != "-"]


def _git(git: str, args: list[str], cwd: Path | None) -> str:
    try:
        proc = subprocess.run(
            [git, *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT, check=False, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        raise DiffError(f"git {args[0]} did not finish within {GIT_TIMEOUT} s") from None
    except OSError as exc:
        raise DiffError(f"cannot run git: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        detail = message[0] if message else f"exit status {proc.returncode}"
        raise DiffError(f"git failed: {detail}")
    return proc.stdout.decode("utf-8", errors="replace")
