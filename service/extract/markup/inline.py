"""Markdown inside a line: which characters are markup and which are prose.

One line is read in a few passes over a byte mask (0 prose, 1 markup, 2 an escaped character
that must stay prose). Each pass looks only at the characters its regex finds, never rescans
what an earlier pass settled, and every regex stops at the next character that could open
another construct, so a line of any length is read in linear time.
"""

from __future__ import annotations

import re

from .prose import ProseBuilder

PROSE, MARKUP, LITERAL = 0, 1, 2

_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_BACKTICKS = re.compile(r"`+")
_OPENER = re.compile(r"<|`|\b(?:https?|ftp)://")
_COMMENT_CLOSE = re.compile(r"--!?>")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>]*")
_URL_TRAILER = ".,;:!?'\")]*_"
_BRACKET = re.compile(r"!?\[|\]")
#: ``(destination "title")`` after ``]``: each part stops at a character that ends it.
_LINK_TAIL = re.compile(
    r"""\([ \t]*(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"""
    r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)"""
)
_REFERENCE_TAIL = re.compile(r"\[[^\[\]\n]{0,999}\]")
_EMPHASIS = re.compile(r"\*+|_+|~~+")
_PIPE = re.compile(r"\|")
#: A line without any of these is prose as it stands.
_SPECIAL = re.compile(r"[\\`<*_~\[\]|]|://")


class _Line:
    """The mask of one line, and the passes that fill it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.mask = bytearray(len(text))
        self.comment_open = False

    def drop(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def free(self, i: int) -> bool:
        return self.mask[i] == PROSE

    def escapes(self) -> None:
        for m in _ESCAPE.finditer(self.text):
            self.mask[m.start()] = MARKUP
            self.mask[m.start() + 1] = LITERAL

    def code_comments_tags_urls(self) -> None:
        """Code spans, comments, autolinks, tags and bare URLs, left to right: the first to open wins."""
        text = self.text
        runs = self._backtick_runs()
        closer = _closing_runs(runs)
        run = 0
        pos = 0
        while (m := _OPENER.search(text, pos)) is not None:
            i = m.start()
            if not self.free(i):
                pos = i + 1
                continue
            if text[i] == "`":
                while run < len(runs) and runs[run][0] < i:
                    run += 1
                if run == len(runs) or runs[run][0] != i:
                    pos = i + 1
                    continue
                start, end = runs[run]
                partner = closer[run]
                if partner is not None:
                    end = runs[partner][1]
                    self.drop(start, end)
                    run = partner
                pos = end
            elif text.startswith("<!--", i):
                close = _COMMENT_CLOSE.search(text, i + 2)
                end = close.end() if close is not None else len(text)
                self.comment_open = close is None
                self.drop(i, end)
                pos = end
            elif text[i] == "<":
                found = _AUTOLINK.match(text, i) or _TAG.match(text, i)
                pos = found.end() if found is not None else i + 1
                if found is not None:
                    self.drop(i, pos)
            else:
                url = _URL.match(text, i)
                assert url is not None
                end = url.end()
                while end > i and text[end - 1] in _URL_TRAILER:
                    end -= 1
                self.drop(i, end)
                pos = max(end, i + 1)

    def _backtick_runs(self) -> list[tuple[int, int]]:
        """Runs of backticks; an escaped first backtick is text and the run starts after it."""
        runs = []
        for m in _BACKTICKS.finditer(self.text):
            start = m.start() if self.free(m.start()) else m.start() + 1
            if start < m.end():
                runs.append((start, m.end()))
        return runs

    def links(self) -> None:
        """``[text](url)`` and ``[text][ref]`` keep their text; images go whole."""
        text = self.text
        openers: list[int] = []
        images: list[tuple[int, int]] = []
        for m in _BRACKET.finditer(text):
            i = m.start()
            if not self.free(i) or (m.group() == "![" and not self.free(i + 1)):
                continue
            if m.group() != "]":
                openers.append(i)
                continue
            if not openers:
                continue
            opener = openers.pop()
            tail = _LINK_TAIL.match(text, i + 1) or _REFERENCE_TAIL.match(text, i + 1)
            if tail is None:
                continue
            if text[opener] == "!":
                images.append((opener, tail.end()))
            else:
                self.drop(opener, opener + 1)
                self.drop(i, tail.end())
        covered = 0  # nested images: mark each character once
        for start, end in sorted(images):
            if end > covered:
                self.drop(max(start, covered), end)
                covered = end

    def emphasis(self) -> None:
        text = self.text
        for m in _EMPHASIS.finditer(text):
            i, j = m.span()
            if not self.free(i):
                continue
            if text[i] == "_" and _inside_word(text, i, j):
                continue  # snake_case, not emphasis
            for k in range(i, j):
                if self.mask[k] == PROSE:
                    self.mask[k] = MARKUP

    def pipes(self) -> list[int]:
        """Table cell separators; the row's outer pipes are markup."""
        text = self.text
        found = [m.start() for m in _PIPE.finditer(text) if self.free(m.start())]
        stripped = text.strip()
        if found and stripped.startswith("|"):
            self.mask[found.pop(0)] = MARKUP
        if found and stripped.endswith("|") and found[-1] == len(text.rstrip()) - 1:
            self.mask[found.pop()] = MARKUP
        return found


def _closing_runs(runs: list[tuple[int, int]]) -> list[int | None]:
    """For each backtick run, the index of the next run of the same length (its closer), if any."""
    closer: list[int | None] = [None] * len(runs)
    latest: dict[int, int] = {}
    for k in range(len(runs) - 1, -1, -1):
        length = runs[k][1] - runs[k][0]
        closer[k] = latest.get(length)
        latest[length] = k
    return closer


def _inside_word(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()


def write_inline(source: str, start: int, end: int, out: ProseBuilder, *, table: bool = False) -> bool:
    """Write the prose of ``source[start:end]`` (one line, no newline) to ``out``.

    Returns True when an HTML comment opened on this line and is still open at its end.
    """
    if not _SPECIAL.search(source, start, end):
        out.copy_decoded(start, end)
        return False
    line = _Line(source[start:end])
    line.escapes()
    line.code_comments_tags_urls()
    line.links()
    line.emphasis()
    cells = line.pipes() if table else []
    keep = bytes(line.mask).replace(b"\x02", b"\x00")
    n = len(keep)
    cell = 0
    i = keep.find(0)
    while 0 <= i < n:
        j = keep.find(1, i)
        j = n if j < 0 else j
        while cell < len(cells) and cells[cell] < j:
            pipe = cells[cell]
            if pipe >= i:
                out.copy_decoded(start + i, start + pipe)
                out.replace(" ", start + pipe, start + pipe + 1)
                i = pipe + 1
            cell += 1
        out.copy_decoded(start + i, start + j)
        i = keep.find(0, j)
    return line.comment_open
