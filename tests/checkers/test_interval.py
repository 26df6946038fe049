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


# --- direction, reference figures, conversion ------------------------------------------------

from checkers.interval import figure_interval, meets, negated, scaled  # noqa: E402


def signed(numeral: str, scale: float = 1e9, unit: str = "USD") -> Quantity:
    return Quantity(magnitude=-float(numeral) * scale, unit=unit, numeral=numeral, scale=scale)


def test_a_deficit_is_a_negative_interval() -> None:
    interval = claimed_interval(signed("418"), Qualifier.EXACT)
    assert (interval.low, interval.high) == (-418.5e9, -417.5e9)
    assert interval.contains(-418.23e9) and not interval.contains(418.23e9)
    assert "negative" in interval.rule


def test_a_fall_of_more_than_five_percent_is_below_minus_five() -> None:
    interval = claimed_interval(signed("5", 1.0, "percent"), Qualifier.OVER)
    assert interval.contains(-5.1) and not interval.contains(-5.0) and not interval.contains(-4.9)
    assert math.isinf(interval.low) and interval.high == -5.0 and not interval.high_inclusive


def test_fell_nearly_three_percent() -> None:
    interval = claimed_interval(signed("3", 1.0, "percent"), Qualifier.NEARLY)
    # "3" is written to whole percent, so nearly 3 reaches down to 2.5 (the written precision)
    assert interval.contains(-2.9) and interval.contains(-2.5) and not interval.contains(-3.0)
    assert not interval.contains(-2.4)


def test_percent_precision_comes_from_the_written_decimals() -> None:
    interval = claimed_interval(Quantity(magnitude=2.9, unit="percent", numeral="2.9"), Qualifier.EXACT)
    assert (interval.low, interval.high) == pytest.approx((2.85, 2.95))
    assert "2.9" in interval.rule and "%" in interval.rule


def test_negated_swaps_the_open_ends() -> None:
    interval = negated(claimed_interval(q("107"), Qualifier.OVER))
    assert interval.high == -107e9 and not interval.high_inclusive and math.isinf(interval.low)


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        (107.76e9, "exact", (107.755e9, 107.765e9)),  # the source wrote "107.76 billion"
        (240.1e9, "exact", (240.05e9, 240.15e9)),
        (80e9, "rounded", (75e9, 85e9)),  # "80" may be rounded to tens
        (68e9, "rounded", (67.5e9, 68.5e9)),
        (-419.2e9, "rounded", (-419.25e9, -419.15e9)),
        (5.5, "derived", (5.5, 5.5)),
    ],
)
def test_figure_interval(value: float, precision: str, expected: tuple[float, float]) -> None:
    assert figure_interval(value, precision) == pytest.approx(expected)


def test_figure_interval_with_known_decimals() -> None:
    assert figure_interval(13.0, "rounded", decimals=0) == (12.5, 13.5)
    assert figure_interval(10.62, "rounded", decimals=2) == pytest.approx((10.615, 10.625))


def test_meets_respects_open_ends() -> None:
    over = claimed_interval(q("107"), Qualifier.OVER)
    assert meets(over, 106e9, 108e9) and not meets(over, 100e9, 107e9) and meets(over, 107.5e9, 107.5e9)
    exact = claimed_interval(q("84"), Qualifier.EXACT)
    assert meets(exact, 75e9, 85e9)  # a rounded "80" admits 84
    assert not meets(exact, 84.6e9, 90e9)


def test_scaled_converts_and_widens_outward() -> None:
    interval = claimed_interval(q("6"), Qualifier.EXACT)  # 5.5-6.5 bn USD
    isk = scaled(interval, 127.0, 0.02, "ISK", "converted")
    assert isk.unit == "ISK"
    assert isk.low == pytest.approx(5.5e9 * 127 * 0.98) and isk.high == pytest.approx(6.5e9 * 127 * 1.02)
    deficit = scaled(claimed_interval(signed("1"), Qualifier.EXACT), 2.0, 0.1, "X", "r")
    assert deficit.low == pytest.approx(-1.5e9 * 2 * 1.1) and deficit.high == pytest.approx(-0.5e9 * 2 * 0.9)
    with pytest.raises(ValueError):
        scaled(interval, -1.0, 0.0, "X", "r")
