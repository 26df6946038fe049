"""Periods named in text, resolved against the publication date.

Both front ends read the words; the arithmetic is here: calendar years, months, quarters and
halves, "last year", and parts of a year named without the year ("the first quarter",
"fyrstu átta mánuði ársins"), which mean the latest such part that had ended by the
publication date: an article of April 2021 on "the first quarter" means Q1 2021, one of
March 2021 means Q1 2020.
"""

from __future__ import annotations

import calendar
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


def months(year: int, first: int, last: int) -> Period | None:
    """Months ``first`` to ``last`` (1-12) of ``year``; None when they make no period."""
    if not (1 <= first <= last <= 12 and 1 <= year <= 9999):
        return None
    return Period(start=date(year, first, 1), end=date(year, last, calendar.monthrange(year, last)[1]))


def part(year: int, size: int, n: int) -> Period | None:
    """The ``n``-th part of ``size`` months of ``year``: quarters are size 3, halves size 6."""
    if not 1 <= n <= 12 // size:
        return None
    return months(year, size * (n - 1) + 1, size * n)


def years(first: int, last: int) -> Period | None:
    """Calendar years ``first`` to ``last``."""
    if not (plausible_year(first) and plausible_year(last) and first <= last):
        return None
    return Period(start=date(first, 1, 1), end=date(last, 12, 31))


def latest_months(first: int, last: int, published: date | None) -> Period | None:
    """Months ``first``-``last`` of the latest year in which they had ended by ``published``."""
    if published is None:
        return None
    candidate = months(published.year, first, last)
    if candidate is not None and candidate.end >= published:
        candidate = months(published.year - 1, first, last)
    return candidate


def year_before(period: Period) -> Period | None:
    """The same stretch of time one year earlier ("year on year", "á sama tíma fyrir ári")."""
    try:
        start = period.start.replace(year=period.start.year - 1)
        last_day = calendar.monthrange(period.end.year - 1, period.end.month)[1]
        end = period.end.replace(year=period.end.year - 1, day=min(period.end.day, last_day))
    except ValueError:
        return None
    return Period(start=start, end=end)
