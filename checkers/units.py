"""The unit registry: currencies as dimensions, scale words as multipliers (pint).

One registry, built once from ``units.txt`` and never given contexts (contexts mutate
shared state and gave wrong conversions under threads). Currency conversion is not a
unit operation: it needs a dated rate from the reference data.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pint

DEFINITIONS = Path(__file__).with_name("units.txt")


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    ureg = pint.UnitRegistry(None, cache_folder=None)
    ureg.load_definitions(str(DEFINITIONS))
    return ureg


def scale(word: str) -> float:
    """The multiplier a scale word stands for in ``units.txt`` ("milljarður" -> 1e9, "billion" -> 1e9)."""
    ureg = registry()
    if word not in ureg or not ureg.get_dimensionality(word) == {}:
        raise ValueError(f"{word!r} is not a scale word")
    return float(ureg.Quantity(1, word).to("dimensionless").magnitude)


def is_currency(code: str) -> bool:
    """Whether ``code`` is a currency this registry knows (ISO 4217, e.g. "USD")."""
    ureg = registry()
    if code not in ureg:
        return False
    dims = ureg.get_dimensionality(code)
    return len(dims) == 1 and next(iter(dims)).startswith("[currency_")


def to_base(value: float, unit: str) -> tuple[float, str]:
    """(magnitude in base units, ISO code) for a value in e.g. "billion USD" or "milljarður ISK".

    >>> to_base(107.76, "billion USD")
    (107760000000.0, 'USD')
    """
    ureg = registry()
    try:
        quantity = ureg.Quantity(value, unit)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError) as exc:
        raise ValueError(f"unknown unit {unit!r}") from exc
    currencies = [name for name in unit.split() if is_currency(name)]
    if len(currencies) != 1:
        raise ValueError(f"{unit!r} names no single currency")
    return float(quantity.to(currencies[0]).magnitude), currencies[0]
