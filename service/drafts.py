"""The drafts to check: files, folders walked for drafts, or standard input (``-``).

Folders are walked in name order for ``.md``, ``.markdown``, ``.txt``, ``.html`` and ``.htm``
files, skipping hidden folders (``.git``) and whatever the config's ``exclude`` globs name. A
file named on the command line is checked whatever its extension. The text format comes from
the extension (Markdown, HTML, else plain text) unless ``--input-format`` says otherwise.

Finding drafts keeps only their names; each draft's text is read when its turn comes, so a
folder of thousands of files is never in memory at once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from checkers import InputError

STDIN = "-"
STDIN_NAME = "<stdin>"
FORMAT_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html"}
INPUT_FORMATS = ("auto", "text", "markdown", "html")
#: A UTF-8 byte order mark may precede the text; it is not part of it.
_BOM = b"\xef\xbb\xbf"


class DraftError(InputError):
    """A draft cannot be found or read; the message names it."""


@dataclass(frozen=True)
class Draft:
    """A draft found, not yet read."""

    path: str  # as given or found; "-" for stdin
    text_format: str

    @property
    def shown(self) -> str:
        return STDIN_NAME if self.path == STDIN else self.path


class Exclusions:
    """``exclude`` globs, matched against paths relative to ``base``."""

    def __init__(self, patterns: Sequence[str] = (), base: Path | None = None) -> None:
        self.patterns = tuple(p.rstrip("/") for p in patterns if p.strip("/"))
        self.base = os.path.realpath(base or Path.cwd())

    def excludes(self, path: str) -> bool:
        if not self.patterns:
            return False
        real = os.path.realpath(path)
        relative = os.path.relpath(real, self.base) if _is_within(real, self.base) else real
        posix = PurePosixPath(Path(relative).as_posix())
        for pattern in self.patterns:
            if fnmatchcase(str(posix), pattern):
                return True
            if "/" not in pattern and fnmatchcase(posix.name, pattern):
                return True
            if pattern.endswith("/**") and (str(posix) + "/").startswith(pattern[:-2]):
                return True
        return False


def _is_within(path: str, base: str) -> bool:
    return path == base or path.startswith(base.rstrip(os.sep) + os.sep)


def find_drafts(paths: Iterable[str], exclusions: Exclusions | None = None, input_format: str = "auto") -> list[Draft]:
    """Every draft under ``paths``, in order, each once; raises DraftError for a path that is not there."""
    exclusions = exclusions or Exclusions()
    found: list[Draft] = []
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            if STDIN in seen:
                raise DraftError("standard input (-) can be read only once")
            seen.add(STDIN)
            found.append(Draft(STDIN, "text" if input_format == "auto" else input_format))
            continue
        if not os.path.exists(path):
            raise DraftError(f"cannot read {path}: No such file or directory")
        if os.path.isdir(path):
            candidates: Iterable[str] = _walk(path, exclusions)
        elif exclusions.excludes(path):
            continue
        else:
            candidates = [path]
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(Draft(candidate, text_format_for(candidate, input_format)))
    return found


def _walk(folder: str, exclusions: Exclusions) -> Iterable[str]:
    for root, dirs, files in os.walk(folder, onerror=_unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not exclusions.excludes(os.path.join(root, d)))
        for name in sorted(files):
            path = os.path.normpath(os.path.join(root, name))  # "./a.md" -> "a.md"
            if Path(name).suffix.lower() in FORMAT_BY_SUFFIX and not exclusions.excludes(path):
                yield path


def _unreadable(error: OSError) -> None:
    raise DraftError(f"cannot read {error.filename}: {error.strerror or error}")


def text_format_for(path: str, input_format: str = "auto") -> str:
    if input_format != "auto":
        return input_format
    return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), "text")


def read_draft(draft: Draft, limit: int) -> str:
    """The draft's text, refusing more than ``limit`` bytes and anything that is not UTF-8."""
    try:
        if draft.path == STDIN:
            raw = sys.stdin.buffer.read(limit + len(_BOM) + 1)
        else:
            if os.path.isdir(draft.path):
                raise DraftError(f"cannot read {draft.path}: Is a directory")
            with open(draft.path, "rb") as handle:
                raw = handle.read(limit + len(_BOM) + 1)
    except OSError as exc:
        raise DraftError(f"cannot read {draft.shown}: {exc.strerror or exc}") from None
    raw = raw.removeprefix(_BOM)
    if len(raw) > limit:
        raise DraftError(f"{draft.shown} is larger than the limit of {limit} bytes (TRADECHECK_MAX_TEXT_BYTES)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DraftError(
            f"{draft.shown} is not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start}"
        ) from None
