"""Inline suppression: comments in a draft that silence tradecheck for part of it.

``<!-- tradecheck-disable -->`` silences everything after it until ``<!-- tradecheck-enable -->``
(or the end of the file); ``<!-- tradecheck-ignore-next-line -->`` silences the line after the
one it is on. They are HTML comments, so Markdown and HTML renderers hide them; plain text
drafts may use them too. A suppressed claim is still checked and counted in the summary, but
it is not a finding and never fails the run.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

DIRECTIVE = re.compile(r"<!--[ \t]*tradecheck-(disable|enable|ignore-next-line)[ \t]*-->")


@dataclass(frozen=True)
class Suppressions:
    """Silenced stretches of a text, as sorted, non-overlapping (start, end) character offsets."""

    ranges: tuple[tuple[int, int], ...] = ()

    def covers(self, offset: int) -> bool:
        k = bisect_right(self.ranges, (offset, float("inf"))) - 1
        return k >= 0 and self.ranges[k][0] <= offset < self.ranges[k][1]

    def __bool__(self) -> bool:
        return bool(self.ranges)


def find_suppressions(text: str) -> Suppressions:
    """The stretches of ``text`` that its tradecheck comments silence."""
    ranges: list[tuple[int, int]] = []
    disabled_at: int | None = None
    for m in DIRECTIVE.finditer(text):
        kind = m.group(1)
        if kind == "disable":
            if disabled_at is None:
                disabled_at = m.end()
        elif kind == "enable":
            if disabled_at is not None:
                ranges.append((disabled_at, m.start()))
                disabled_at = None
        else:
            line_end = text.find("\n", m.end())
            if line_end >= 0:
                next_end = text.find("\n", line_end + 1)
                ranges.append((line_end + 1, len(text) if next_end < 0 else next_end + 1))
    if disabled_at is not None:
        ranges.append((disabled_at, len(text)))
    return Suppressions(_merge(ranges))


def _merge(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)
