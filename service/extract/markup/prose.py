"""Prose read out of a marked-up source, and the map from prose offsets back to the source.

The map is a list of segments. A *copied* segment is a run of the source taken over unchanged,
so offsets inside it map one to one. A *replaced* segment stands for a stretch of the source
written differently in the prose (an entity decoded, a table pipe turned into a space, the
blank lines put between two blocks); every offset inside it maps to that stretch's start, and
an end offset just after it maps to the stretch's end.
"""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

#: Named, decimal and hexadecimal character references, as HTML and Markdown write them.
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
BLOCK_BREAK = "\n\n"


@dataclass(frozen=True)
class Prose:
    """The text to read, and where each of its offsets lies in the source it came from."""

    text: str
    _starts: array[int]  # offset in ``text`` where each segment starts (ascending)
    _origins: array[int]  # offset in the source where each segment starts
    _ends: array[int]  # offset in the source where each segment ends
    _copied: bytes  # 1: copied one to one; 0: replaced

    def original_offset(self, i: int) -> int:
        """The source offset of prose offset ``i`` (0 to ``len(text)``, both included).

        For the start of a span: the source character that prose character ``i`` came from.
        """
        k = self._segment(i)
        if k < 0:
            return 0
        if self._copied[k]:
            return min(self._origins[k] + i - self._starts[k], self._ends[k])
        return self._origins[k] if i == self._starts[k] else self._ends[k]

    def original_end(self, i: int) -> int:
        """The source offset just after prose character ``i - 1``: for the end of a span, so that
        markup closing right after it (``**``, ``</b>``) stays outside the span."""
        if i <= 0:
            return self.original_offset(0)
        k = self._segment(i - 1)
        if self._copied[k]:
            return self._origins[k] + i - self._starts[k]
        return self._ends[k]

    def _segment(self, i: int) -> int:
        if not 0 <= i <= len(self.text):
            raise IndexError(f"prose offset {i} is outside 0..{len(self.text)}")
        return bisect_right(self._starts, i) - 1

    @property
    def segments(self) -> int:
        """How many segments the map holds (for measuring how compact it is)."""
        return len(self._starts)


class ProseBuilder:
    """Appends prose piece by piece, keeping the offset map compact (adjacent copies merge)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._replacements: list[str] = []  # the text of each replaced segment, in order
        self._length = 0
        self._tail = ""  # the last two characters written, to avoid stacking block breaks
        self._starts = array("q")
        self._origins = array("q")
        self._ends = array("q")
        self._copied = bytearray()

    def copy(self, start: int, end: int) -> None:
        """Take ``source[start:end]`` over as it is."""
        if end <= start:
            return
        if self._copied and self._copied[-1] and self._ends[-1] == start:
            self._ends[-1] = end
        else:
            self._segment(start, end, copied=True)
        self._length += end - start
        self._tail = (self._tail + self.source[max(start, end - 2) : end])[-2:]

    def copy_decoded(self, start: int, end: int) -> None:
        """Take ``source[start:end]`` over with its character references decoded."""
        pos = start
        ampersand = self.source.find("&", start, end)
        while ampersand >= 0:
            resume = ampersand + 1
            match = ENTITY.match(self.source, ampersand, end)
            if match is not None:
                decoded = html.unescape(match.group())
                if decoded != match.group():
                    self.copy(pos, ampersand)
                    self.replace(decoded, ampersand, match.end())
                    pos = resume = match.end()
            ampersand = self.source.find("&", resume, end)
        self.copy(pos, end)

    def replace(self, text: str, start: int, end: int) -> None:
        """Write ``text`` in place of ``source[start:end]``."""
        if not text:
            return
        self._segment(start, end, copied=False)
        self._replacements.append(text)
        self._length += len(text)
        self._tail = (self._tail + text[-2:])[-2:]

    def line_break(self, start: int, end: int) -> None:
        """Copy the line break ``source[start:end]``, unless a block break already ends the prose."""
        if self._length and not self._tail.endswith(BLOCK_BREAK):
            self.copy(start, end)

    def block(self, at: int) -> None:
        """End the current block: the prose gets a blank line, so no sentence runs across it."""
        if self._length == 0 or self._tail.endswith(BLOCK_BREAK):
            return
        self.replace(BLOCK_BREAK[1:] if self._tail.endswith("\n") else BLOCK_BREAK, at, at)

    def build(self) -> Prose:
        replacements = iter(self._replacements)
        source = self.source
        text = "".join(
            source[origin:end] if copied else next(replacements)
            for origin, end, copied in zip(self._origins, self._ends, self._copied, strict=True)
        )
        return Prose(text, self._starts, self._origins, self._ends, bytes(self._copied))

    def _segment(self, start: int, end: int, *, copied: bool) -> None:
        self._starts.append(self._length)
        self._origins.append(start)
        self._ends.append(end)
        self._copied.append(1 if copied else 0)
