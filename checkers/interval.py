"""The interval a written number claims, and the interval a reference figure stands for.

All the rules live here so they can be tested case by case (docs/verdicts.md shows each
with a worked example):

* A number means half a unit of its last significant written digit either side:
  "107" billion is [106.5, 107.5] billion, "107,76" is [107.755, 107.765].
* Trailing zeros of a whole number are ambiguous ("110" may be rounded to tens), so the
  unit is that of the last non-zero digit: "110" is [105, 115].
* Qualifiers then reshape it: over v is (v, inf); just over v is (v, v*(1+m)]; under v is
  (-inf, v); just under / nearly v is [v*(1-m), v); about v is the written interval widened
  to at least v*(1 +/- t); at least v is [v, inf); up to v is (-inf, v]; a range A-B is
  [low(A), high(B)].
* Direction is the sign of the quantity: a deficit or a fall is negative ("fell 2.9%" is
  -2.9, "a deficit of 418 billion" is -418e9). The interval is built on the number as
  written and then mirrored, so "fell more than 5%" is (-inf, -5). Direction comes from the
  claim's ``direction`` (increase, decrease, surplus, deficit) or a negative quantity; a
  claim that states neither leaves the direction open (:func:`oriented`), and either sign
  may then meet it.
* A stated reference figure stands for the interval of the values that round to it (same
  ladder as a claim: the source wrote "240.1 billion"); a figure tradecheck derived is a
  point. A figure supports a claim when the two intervals meet.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

from .claim import Qualifier, Quantity
from .verdict import Interval

#: "rúmlega" / "just over" and "tæplega" / "nearly" admit values within this relative margin.
NEAR_MARGIN = 0.05
#: "um" / "about" admits at least this relative deviation.
ABOUT_TOLERANCE = 0.05


def precision_unit(numeral: str) -> Decimal:
    """The place value of the last significant written digit of ``numeral``.

    >>> precision_unit("107"), precision_unit("110"), precision_unit("107.76"), precision_unit("110.0")
    (Decimal('1'), Decimal('10'), Decimal('0.01'), Decimal('0.1'))
    """
    try:
        value = Decimal(numeral)
    except InvalidOperation as exc:
        raise ValueError(f"not a numeral: {numeral!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a numeral: {numeral!r}")
    if "." in numeral:
        decimals = len(numeral.split(".", 1)[1])
        return Decimal(1).scaleb(-decimals)
    digits = numeral.lstrip("+-")
    if value == 0 or not digits.strip("0"):
        return Decimal(1)
    trailing = len(digits) - len(digits.rstrip("0"))
    return Decimal(1).scaleb(trailing)


def written_interval(numeral: str, scale: float) -> tuple[float, float]:
    """[low, high] of the values that round to ``numeral`` at its written precision."""
    value = Decimal(numeral)
    half = precision_unit(numeral) / 2
    return float((value - half) * Decimal(repr(scale))), float((value + half) * Decimal(repr(scale)))


_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _fmt(x: float, unit: str = "") -> str:
    """107000000000.0 -> '107 billion', 2.9 percent -> '2.9%': rules are read by people."""
    if unit == "percent":
        return f"{x:.6g}%"
    for factor, word in _WORDS:
        if abs(x) >= factor:
            return f"{x / factor:.6g} {word}"
    return f"{x:.6g}"


def negated(interval: Interval, rule: str | None = None) -> Interval:
    """The mirror image of ``interval`` around zero (for deficits and falls)."""
    return Interval(
        low=-interval.high, high=-interval.low,
        low_inclusive=interval.high_inclusive, high_inclusive=interval.low_inclusive,
        unit=interval.unit, rule=rule or interval.rule,
    )


def _unsigned(quantity: Quantity) -> tuple[float, str, str | None, float | None]:
    """(|value|, numeral, high numeral, |high|) as written, without the direction sign."""
    numeral = quantity.numeral.lstrip("+-")
    high_numeral = quantity.high_numeral.lstrip("+-") if quantity.high_numeral else None
    high = abs(quantity.high) if quantity.high is not None else None
    return abs(quantity.magnitude), numeral, high_numeral, high


def claimed_interval(quantity: Quantity, qualifier: Qualifier) -> Interval:
    """The interval ``quantity`` claims under ``qualifier``, with the rule in words.

    A negative quantity (a deficit, a fall) is read on its written, unsigned number and the
    interval mirrored: "a deficit of over 400 billion" is (-inf, -400 billion).
    """
    v, numeral, high_numeral, high_value = _unsigned(quantity)
    unit = quantity.unit
    low, high = written_interval(numeral, quantity.scale)
    f = lambda x: _fmt(x, unit)  # noqa: E731
    step = f"written as {numeral} (precision ±{f((high - low) / 2)})"
    match qualifier:
        case Qualifier.EXACT:
            shaped = Interval(low=low, high=high, unit=unit, rule=f"{step}: rounds to the written figure")
        case Qualifier.OVER:
            shaped = Interval(low=v, high=math.inf, low_inclusive=False, unit=unit, rule=f"over {f(v)}: strictly above the figure")
        case Qualifier.AT_LEAST:
            shaped = Interval(low=v, high=math.inf, unit=unit, rule=f"at least {f(v)}: the figure or above")
        case Qualifier.UNDER:
            shaped = Interval(low=-math.inf, high=v, high_inclusive=False, unit=unit, rule=f"under {f(v)}: strictly below the figure")
        case Qualifier.UP_TO:
            shaped = Interval(low=-math.inf, high=v, unit=unit, rule=f"up to {f(v)}: the figure or below")
        case Qualifier.JUST_OVER:
            top = max(v * (1 + NEAR_MARGIN), high)
            shaped = Interval(
                low=v, high=top, low_inclusive=False, unit=unit,
                rule=f"just over {f(v)}: above the figure by at most {NEAR_MARGIN:.0%}",
            )
        case Qualifier.JUST_UNDER | Qualifier.NEARLY:
            bottom = min(v * (1 - NEAR_MARGIN), low)
            shaped = Interval(
                low=bottom, high=v, high_inclusive=False, unit=unit,
                rule=f"nearly {f(v)}: below the figure by at most {NEAR_MARGIN:.0%}",
            )
        case Qualifier.ABOUT:
            shaped = Interval(
                low=min(low, v * (1 - ABOUT_TOLERANCE)), high=max(high, v * (1 + ABOUT_TOLERANCE)), unit=unit,
                rule=f"about {f(v)}: within {ABOUT_TOLERANCE:.0%} or the written precision, whichever is wider",
            )
        case Qualifier.RANGE:
            if high_value is None or high_numeral is None:
                shaped = Interval(low=low, high=high, unit=unit, rule=f"{step}: range without an upper end")
            else:
                _, top = written_interval(high_numeral, quantity.scale)
                shaped = Interval(
                    low=low, high=top, unit=unit, rule=f"between {f(v)} and {f(high_value)}, at written precision"
                )
        case _:
            raise ValueError(f"unknown qualifier {qualifier!r}")
    if quantity.magnitude < 0:
        return negated(shaped, shaped.rule + "; a deficit or fall, so the interval is negative")
    return shaped


_DOWN = frozenset({"decrease", "deficit"})
_UP = frozenset({"increase", "surplus"})


def oriented(quantity: Quantity, direction: str | None) -> tuple[Quantity, bool]:
    """``quantity`` signed by ``direction``, and whether the direction is known.

    "decrease"/"deficit" make it negative, "increase"/"surplus" positive; without a direction
    a negative quantity is known to be a fall or deficit, a positive one is open.
    """
    magnitude = abs(quantity.magnitude)
    high = abs(quantity.high) if quantity.high is not None else None
    if direction in _DOWN or (direction is None and quantity.magnitude < 0):
        return quantity.model_copy(update={"magnitude": -magnitude, "high": -high if high is not None else None}), True
    if direction in _UP:
        return quantity.model_copy(update={"magnitude": magnitude, "high": high}), True
    return quantity, False


def figure_interval(value: float, precision: str, *, decimals: int | None = None) -> tuple[float, float]:
    """The values a reference figure stands for.

    A stated figure, ``exact`` or ``rounded``, stands for the values that round to it, read
    like a written claim from its shortest decimal spelling: the source wrote "240.1 billion"
    (stored as 240100000000), which stands for 240.05-240.15 billion; "80000000000" stands
    for 75-85 billion. A ``derived`` figure (computed by tradecheck) is a point.
    ``decimals`` overrides the reading for figures given to a known number of places (a share
    of "13" percent with ``decimals=0`` is 12.5-13.5, not 10-20).
    """
    if precision == "derived" or not math.isfinite(value):
        return value, value
    if decimals is not None:
        half = 0.5 * 10.0 ** (-decimals)
        return value - half, value + half
    spelled = format(Decimal(repr(abs(value))).normalize(), "f")
    if spelled.endswith(".0"):
        spelled = spelled[:-2]
    low, high = written_interval(spelled, 1.0)
    return (low, high) if value >= 0 else (-high, -low)


def meets(interval: Interval, low: float, high: float) -> bool:
    """Whether the figure interval [low, high] shares a value with the claimed ``interval``."""
    if low == high:
        return interval.contains(low)
    if high < interval.low or (high == interval.low and not interval.low_inclusive):
        return False
    if low > interval.high or (low == interval.high and not interval.high_inclusive):
        return False
    return True


def scaled(interval: Interval, factor: float, band: float, unit: str, rule: str) -> Interval:
    """``interval`` multiplied by ``factor`` (> 0) and widened by the relative ``band`` either side.

    Used to carry a claim into another currency: the band is the uncertainty of the rate.
    """
    if factor <= 0 or band < 0:
        raise ValueError("factor must be positive and band not negative")

    def widen(x: float, outward: int) -> float:
        if not math.isfinite(x):
            return x
        y = x * factor
        return y * (1 + outward * band) if y >= 0 else y * (1 - outward * band)

    return Interval(
        low=widen(interval.low, -1), high=widen(interval.high, +1),
        low_inclusive=interval.low_inclusive, high_inclusive=interval.high_inclusive, unit=unit, rule=rule,
    )


def relative_deviation(claimed: float, reference: float) -> float | None:
    """How far the written figure is from the reference, relative to the reference."""
    if reference == 0:
        return None
    return (claimed - reference) / abs(reference)
