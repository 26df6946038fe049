"""Look-ups among sorted mentions agree with a plain scan."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from service.extract.spans import Spans, distance


@dataclass(frozen=True)
class M:
    start: int
    end: int


def _spans(cuts: list[int]) -> list[M]:
    points = sorted(set(cuts))
    return [M(a, b) for a, b in zip(points[::2], points[1::2]) if a < b]


@given(st.lists(st.integers(0, 500), max_size=40), st.integers(0, 500), st.integers(0, 20))
def test_nearest_and_within_agree_with_a_scan(cuts: list[int], start: int, length: int) -> None:
    items = _spans(cuts)
    spans = Spans(items)
    end = start + length
    found = spans.nearest(start, end)
    best = min((distance(m.start, m.end, start, end) for m in items), default=None)
    assert (found is None) == (best is None)
    if found is not None:
        assert distance(found.start, found.end, start, end) == best
    assert spans.within(start, end) == [m for m in items if start <= m.start and m.end <= end]
    before = [m for m in items if m.end <= start]
    assert spans.last_before(start) == (before[-1] if before else None)


def test_nearest_can_skip_the_asker() -> None:
    spans = Spans([M(0, 2), M(5, 7), M(20, 22)])
    assert spans.nearest(5, 7, skip=(5, 7)) == M(0, 2)
