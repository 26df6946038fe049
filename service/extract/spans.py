"""Mentions of one kind in text order, looked up in logarithmic time.

A sentence may hold hundreds of figures (a table read as prose, an adversarial input); asking
each of them for its nearest period, flow or country by scanning every mention would make a
sentence cost the square of its length. :class:`Spans` keeps the mentions sorted and answers by
bisection instead.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


def distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans; 0 when they touch or overlap."""
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


class Spans(Generic[S]):
    """Spans sorted by start; those of one kind do not overlap, so ends are sorted too."""

    def __init__(self, items: Iterable[S]) -> None:
        self.items: list[S] = sorted(items, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.items]
        self.ends = [m.end for m in self.items]

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def within(self, lo: int, hi: int) -> list[S]:
        """The spans that lie inside [lo, hi)."""
        i, j = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return [m for m in self.items[i:j] if m.end <= hi]

    def last_before(self, pos: int) -> S | None:
        """The last span that ends at or before ``pos``."""
        i = bisect_right(self.ends, pos)
        return self.items[i - 1] if i else None

    def nearest(self, start: int, end: int, *, skip: tuple[int, int] | None = None) -> S | None:
        """The span nearest to [start, end) (of two as near, the earlier), leaving out ``skip``."""
        i = bisect_left(self.starts, start)
        best: S | None = None
        best_d = -1
        for m in self.items[max(0, i - 2) : i + 3]:
            if skip is not None and (m.start, m.end) == skip:
                continue
            d = distance(m.start, m.end, start, end)
            if best is None or d < best_d:
                best, best_d = m, d
        return best
