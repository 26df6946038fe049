"""The claimed-interval rules, case by case."""

import math
from decimal import Decimal

import pytest

from checkers import Qualifier, Quantity, claimed_interval, precision_unit, relative_deviation, written_interval


def q(numeral: str, scale: float = 1e9, high: str | None = None) -> Quantity:
    return Quantity(
        magnitude=float(numeral) * scale, unit="USD", numeral=numeral, scale=scale,
        high=float(high) * scale if high else None, high_numeral=high,
    )


@pytest.mark.parametrize(
    ("numeral", "unit"),
    [("107", "1"), ("110", "10"), ("100", "100"), ("107.76", "0.01"), ("110.0", "0.1"), ("0", "1"), ("5", "1")],
)
def test_precision_unit_is_last_significant_digit(numeral: str, unit: str) -> None:
    assert precision_unit(numeral) == Decimal(unit)


def test_precision_unit_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        precision_unit("1,07")


def test_whole_number_means_half_a_unit_either_side() -> None:
    assert written_interval("107", 1e9) == (106.5e9, 107.5e9)


def test_trailing_zeros_admit_rounding_to_tens() -> None:
    # "110" may be 107.76 rounded to tens (Scrutinizer's ladder).
    interval = claimed_interval(q("110"), Qualifier.EXACT)
    assert interval.contains(107.76e9)
    assert not interval.contains(104.9e9)


def test_decimals_are_precise() -> None:
    interval = claimed_interval(q("107.76"), Qualifier.EXACT)
    assert interval.contains(107.764e9) and not interval.contains(107.77e9)


@pytest.mark.parametrize(
    ("qualifier", "inside", "outside"),
    [
        (Qualifier.OVER, [107.01e9, 500e9], [107e9, 106.9e9]),
        (Qualifier.AT_LEAST, [107e9, 108e9], [106.99e9]),
        (Qualifier.UNDER, [106.9e9, 1.0], [107e9, 107.1e9]),
        (Qualifier.UP_TO, [107e9, 50e9], [107.01e9]),
        (Qualifier.JUST_OVER, [107.5e9, 112e9], [107e9, 113e9]),
        (Qualifier.JUST_UNDER, [106e9, 102e9], [107e9, 101e9]),
        (Qualifier.NEARLY, [106e9], [107.2e9, 100e9]),
        (Qualifier.ABOUT, [102e9, 112e9], [101e9, 113e9]),
    ],
)
def test_qualifier_shapes_the_interval(qualifier: Qualifier, inside: list[float], outside: list[float]) -> None:
    interval = claimed_interval(q("107"), qualifier)
    assert interval.rule
    for value in inside:
        assert interval.contains(value), (qualifier, value)
    for value in outside:
        assert not interval.contains(value), (qualifier, value)


def test_range_spans_both_ends_at_written_precision() -> None:
    interval = claimed_interval(q("100", high="110"), Qualifier.RANGE)
    assert interval.low == 50e9 or interval.low <= 100e9  # "100" is coarse: its low end is at least as wide
    assert interval.contains(114e9) and not interval.contains(116e9)


def test_open_ends_serialise_as_null() -> None:
    interval = claimed_interval(q("107"), Qualifier.OVER)
    assert math.isinf(interval.high)
    assert interval.model_dump(mode="json")["high"] is None


def test_relative_deviation() -> None:
    assert relative_deviation(107e9, 107.76e9) == pytest.approx(-0.00705, abs=1e-5)
    assert relative_deviation(1.0, 0.0) is None
