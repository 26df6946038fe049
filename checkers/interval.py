"""The interval a written number claims: written precision first, then the qualifier.

All the rules live here so they can be tested case by case:

* A number means half a unit of its last significant written digit either side:
  "107" billion is [106.5, 107.5] billion, "107,76" is [107.755, 107.765].
* Trailing zeros of a whole number are ambiguous ("110" may be rounded to tens), so the
  unit is that of the last non-zero digit: "110" is [105, 115].
* Qualifiers then reshape it: over v is (v, inf); just over v is (v, v*(1+m)]; under v is
  (-inf, v); just under / nearly v is [v*(1-m), v); about v is the written interval widened
  to at least v*(1 +/- t); at least v is [v, inf); up to v is (-inf, v]; a range A-B is
  [low(A), high(B)].
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


def _fmt(x: float) -> str:
    """107000000000.0 -> '107 billion': rules are read by people."""
    for factor, word in _WORDS:
        if abs(x) >= factor:
            return f"{x / factor:.6g} {word}"
    return f"{x:.6g}"


def claimed_interval(quantity: Quantity, qualifier: Qualifier) -> Interval:
    """The interval ``quantity`` claims under ``qualifier``, with the rule in words."""
    v = quantity.magnitude
    unit = quantity.unit
    low, high = written_interval(quantity.numeral, quantity.scale)
    step = f"written as {quantity.numeral} (precision ±{_fmt((high - low) / 2)})"
    match qualifier:
        case Qualifier.EXACT:
            return Interval(low=low, high=high, unit=unit, rule=f"{step}: rounds to the written figure")
        case Qualifier.OVER:
            return Interval(low=v, high=math.inf, low_inclusive=False, unit=unit, rule=f"over {_fmt(v)}: strictly above the figure")
        case Qualifier.AT_LEAST:
            return Interval(low=v, high=math.inf, unit=unit, rule=f"at least {_fmt(v)}: the figure or above")
        case Qualifier.UNDER:
            return Interval(low=-math.inf, high=v, high_inclusive=False, unit=unit, rule=f"under {_fmt(v)}: strictly below the figure")
        case Qualifier.UP_TO:
            return Interval(low=-math.inf, high=v, unit=unit, rule=f"up to {_fmt(v)}: the figure or below")
        case Qualifier.JUST_OVER:
            top = max(v * (1 + NEAR_MARGIN), high)
            return Interval(
                low=v, high=top, low_inclusive=False, unit=unit,
                rule=f"just over {_fmt(v)}: above the figure by at most {NEAR_MARGIN:.0%}",
            )
        case Qualifier.JUST_UNDER | Qualifier.NEARLY:
            bottom = min(v * (1 - NEAR_MARGIN), low)
            return Interval(
                low=bottom, high=v, high_inclusive=False, unit=unit,
                rule=f"nearly {_fmt(v)}: below the figure by at most {NEAR_MARGIN:.0%}",
            )
        case Qualifier.ABOUT:
            return Interval(
                low=min(low, v * (1 - ABOUT_TOLERANCE)), high=max(high, v * (1 + ABOUT_TOLERANCE)), unit=unit,
                rule=f"about {_fmt(v)}: within {ABOUT_TOLERANCE:.0%} or the written precision, whichever is wider",
            )
        case Qualifier.RANGE:
            if quantity.high is None or quantity.high_numeral is None:
                return Interval(low=low, high=high, unit=unit, rule=f"{step}: range without an upper end")
            _, top = written_interval(quantity.high_numeral, quantity.scale)
            return Interval(low=low, high=top, unit=unit, rule=f"between {_fmt(v)} and {_fmt(quantity.high)}, at written precision")
    raise ValueError(f"unknown qualifier {qualifier!r}")


def relative_deviation(claimed: float, reference: float) -> float | None:
    """How far the written figure is from the reference, relative to the reference."""
    if reference == 0:
        return None
    return (claimed - reference) / abs(reference)
