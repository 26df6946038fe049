"""Periods named relative to the publication date ("á síðasta ári", "last year")."""

from __future__ import annotations

from datetime import date

from checkers import Period

#: Relative year expressions, by the offset from the publication year they mean.
LAST_YEAR = -1
THIS_YEAR = 0


def relative_year(offset: int, published: date | None) -> Period | None:
    """The calendar year ``offset`` years from the publication year; None without a date."""
    if published is None:
        return None
    return Period.year(published.year + offset)


def plausible_year(value: float) -> bool:
    """Whether a bare number could be a year a trade article talks about."""
    return float(value).is_integer() and 1900 <= value <= 2100
