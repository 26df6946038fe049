"""Period arithmetic: parts of a year, the latest part that had ended, the year before."""

from __future__ import annotations

from datetime import date

from checkers import Period
from service.extract.periods import latest_months, months, part, relative_year, year_before, years


def test_parts_of_a_year() -> None:
    assert part(2021, 3, 1) == Period(start=date(2021, 1, 1), end=date(2021, 3, 31))
    assert part(2020, 6, 2) == Period(start=date(2020, 7, 1), end=date(2020, 12, 31))
    assert part(2020, 3, 5) is None and months(2020, 9, 3) is None
    assert months(2020, 2, 2) == Period(start=date(2020, 2, 1), end=date(2020, 2, 29))


def test_a_part_named_without_a_year_is_the_latest_that_had_ended() -> None:
    assert latest_months(1, 3, date(2021, 4, 10)) == part(2021, 3, 1)
    assert latest_months(1, 3, date(2021, 3, 19)) == part(2020, 3, 1)  # Q1 2021 had not ended
    assert latest_months(1, 8, date(2019, 9, 15)) == months(2019, 1, 8)
    assert latest_months(1, 8, None) is None


def test_relative_years_and_runs_of_years() -> None:
    assert relative_year(-1, date(2021, 3, 19)) == Period.year(2020)
    assert relative_year(-1, None) is None
    assert years(2010, 2020) == Period(start=date(2010, 1, 1), end=date(2020, 12, 31))
    assert years(2020, 2010) is None


def test_year_before() -> None:
    assert year_before(months(2020, 1, 8)) == months(2019, 1, 8)  # type: ignore[arg-type]
    assert year_before(months(2020, 2, 2)) == months(2019, 2, 2)  # type: ignore[arg-type]  # 29 Feb
