"""Dates and periods in an English sentence.

Dates and times ("19 March 2021", "2021-03-19", "14:30") are taken so their numbers are no
figures. Periods: "March 2021", "January–August 2019", "Q1 2021", "H1", "the first quarter of
2021", "the first eight months of last year", "2019-20", "2010–2020", "last year", "this year",
"the past ten years"; a part of a year named without the year is the latest one that had ended by
the publication date. The base of a change ("year on year", "from the same period last year",
"compared with 2019") is marked as such.
"""

from __future__ import annotations

from datetime import date

from checkers import Period

from .english_text import Sentence
from .english_words import BASE_PERIODS, ORDINAL_SUFFIXES, ORDINALS, TEENS, UNITS
from .facts import PeriodMention
from .periods import (
    LAST_YEAR,
    THIS_YEAR,
    latest_months,
    months,
    part,
    relative_year,
    years,
)
from .published import EN_MONTHS

_TENS_OF_YEARS = {"decade": 10, "decades": 10}
_PAST = frozenset({"past", "last", "previous"})


def _day(s: Sentence, i: int) -> int:
    """Index of the last token of a day of the month at i ("19", "19th"), or -1."""
    d = s.integer(i)
    if d is None or not 1 <= d <= 31 or len(s.words[i]) > 2 or s.used[i]:
        return -1
    return i + 1 if s.glued(i + 1) and s.low(i + 1) in ORDINAL_SUFFIXES else i


def _month(s: Sentence, i: int) -> int | None:
    return EN_MONTHS.get(s.lows[i]) if 0 <= i < s.n and s.words[i][:1].isupper() and not s.used[i] else None


def dates(s: Sentence) -> None:
    """Numbers in a date or a time are not quantities; months and runs of months are periods."""
    for i in range(s.n):
        if s.used[i]:
            continue
        if s.kinds[i] == "n":  # 2021-03-19, 19/03/2021, 14:30
            sep = s.low(i + 1)
            if sep in ("-", "/", ":") and s.glued(i + 1) and s.glued(i + 2) and s.free_number(i + 2):
                if sep == ":" and len(s.words[i]) <= 2:
                    s.take(i, i + 2)
                elif sep == "-" and len(s.words[i]) == 3 and len(s.words[i + 2]) == 4 and s.words[i + 2].isdigit():
                    s.take(i, i + 2)  # 545-9900: a telephone number
                elif sep != ":" and s.low(i + 3) == sep and s.glued(i + 3) and s.glued(i + 4) and s.free_number(i + 4):
                    s.take(i, i + 4)
            continue
        month = _month(s, i)
        if month is None:
            continue
        after = i + 1 if s.low(i + 1) == "." and s.glued(i + 1) else i  # "Jan."
        day_end = _day(s, after + 1)
        if day_end >= 0:  # March 19, 2021
            s.take(i, day_end)
            year_at = day_end + 1 + (s.low(day_end + 1) == ",")
            if s.year(year_at):
                s.take(year_at, year_at)
            continue
        before = i - 2 if s.low(i - 1) == "of" else i - 1  # 19 March 2021, the 19th of March
        day_start = before - 1 if s.low(before) in ORDINAL_SUFFIXES and s.glued(before) else before
        if day_start >= 0 and _day(s, day_start) == before:
            s.take(day_start, after)
            if s.year(after + 1):
                s.take(after + 1, after + 1)
            continue
        _months_from(s, i, month, after)


def _months_from(s: Sentence, i: int, month: int, after: int) -> None:
    """ "March 2021", "January–August 2019", "January to August", "between January and August"."""
    last_month, last = month, after
    joint = s.low(after + 1)
    other = _month(s, after + 2) if joint in ("-", "–", "—", "to", "through", "and") else None
    if other is not None and (joint != "and" or s.low(i - 1) == "between"):
        last_month, last = other, after + 2
    year_at = last + 1 + (s.low(last + 1) == ",")
    if s.low(year_at) == "of" and s.year(year_at + 1):
        year_at += 1
    year = s.year(year_at)
    first = i - 1 if s.low(i - 1) in ("between", "from") else i
    base = s.at(first - 2, "compared", "with") or s.at(first - 2, "compared", "to")  # the base of a change
    if base:
        first -= 2
    if year is not None:
        s.take(first, year_at)
        s.period(first, year_at, months(year, month, last_month) if month <= last_month else None, base=base)
    elif s.low(first - 1) in ("in", "during", "for", "from", "between", "since", "of") or last > after:
        s.take(first, last)
        s.period(first, last, latest_months(month, last_month, s.reader.published) if month <= last_month else None)


def _year_after(s: Sentence, i: int) -> tuple[int, int | None, bool]:
    """The year named from token i on: (last index, year, whether one was named at all).

    "2021", "of 2021", "of last year", "of this year", "of the year"; nothing named gives (i - 1, None, False).
    """
    j = i + 1 if s.low(i) == "of" else i
    year = s.year(j)
    if year is not None:
        return j, year, True
    published = s.reader.published
    if s.low(j + 1) in ("year", "year's"):
        offset = {"last": LAST_YEAR, "this": THIS_YEAR, "the": THIS_YEAR, "previous": LAST_YEAR}.get(s.low(j))
        if offset is not None:
            return j + 1, published.year + offset if published else None, True
    return i - 1, None, False


def _part_period(s: Sentence, year: int | None, named: bool, size: int, n: int) -> Period | None:
    if named:
        return part(year, size, n) if year else None
    published = s.reader.published
    whole = part(published.year, size, n) if published else None
    return latest_months(whole.start.month, whole.end.month, published) if whole else None


def named_periods(s: Sentence) -> None:
    """Quarters and halves, "the first eight months of 2021", "Q1 2021", "H1", "2019-20", "2010–2020"."""
    for i in range(s.n):
        if s.used[i]:
            continue
        low = s.lows[i]
        if low in ("q", "h") and s.words[i].isupper() and s.glued(i + 1):  # Q1 2021, H1
            n = s.integer(i + 1)
            if n is not None and 1 <= n <= (4 if low == "q" else 2):
                last, year, named = _year_after(s, i + 2)
                s.take(i, max(last, i + 1))
                s.period(i, max(last, i + 1), _part_period(s, year, named, 3 if low == "q" else 6, n))
        elif low in ("first", "second", "third", "fourth") and s.low(i + 1) in ("quarter", "half"):
            size, n = (3 if s.lows[i + 1] == "quarter" else 6), ORDINALS[low]
            if size == 3 or n <= 2:
                last, year, named = _year_after(s, i + 2)
                s.take(i, max(last, i + 1))
                s.period(i, max(last, i + 1), _part_period(s, year, named, size, n))
        elif low == "first" and s.low(i + 2) == "months":  # the first eight months of 2021
            n = UNITS.get(s.low(i + 1)) or TEENS.get(s.low(i + 1)) or s.integer(i + 1)
            if n is not None and 1 <= n <= 12:
                last, year, named = _year_after(s, i + 3)
                s.take(i, max(last, i + 2))
                period = (months(year, 1, n) if year else None) if named else latest_months(1, n, s.reader.published)
                s.period(i, max(last, i + 2), period)
        elif (year := s.year(i)) is not None and s.low(i + 1) in ("-", "/", "–") and s.glued(i + 1) and s.glued(i + 2):
            tail = s.integer(i + 2)
            if tail is not None and len(s.words[i + 2]) == 2 and tail == (year + 1) % 100:  # 2019-20
                s.take(i, i + 2)
                s.period(i, i + 2, Period(start=date(year, 1, 1), end=date(year + 1, 12, 31)))
            elif (later := s.year(i + 2)) is not None and later > year:  # 2010–2020
                first = i - 1 if s.low(i - 1) == "from" else i
                s.take(first, i + 2)
                s.period(first, i + 2, years(year, later))
        elif low == "from" and (year := s.year(i + 1)) and s.low(i + 2) in ("to", "through") and s.year(i + 3):
            later = s.year(i + 3)
            if later is not None and later > year:  # from 2010 to 2020
                s.take(i, i + 3)
                s.period(i, i + 3, years(year, later))


def relative_periods(s: Sentence) -> None:
    """The base of a change, then "last year", "this year", "next year", "the past ten years"."""
    i = 0
    while i < s.n:
        k = s.phrase(BASE_PERIODS, i)
        if k and not any(s.used[i : i + k]):
            s.take(i, i + k - 1)
            s.period(i, i + k - 1, None, base=True)
            i += k
            continue
        if s.at(i, "compared", "with") or s.at(i, "compared", "to"):
            year = s.year(i + 2)
            if year is not None:  # "compared with 2019"
                s.take(i, i + 2)
                s.period(i, i + 2, Period.year(year), base=True)
                i += 3
                continue
        i += 1
    ranked = bool(s.facts.ranks)
    for i in range(s.n - 1):
        if s.used[i] or s.used[i + 1]:
            continue
        if s.lows[i + 1] in ("year", "year's", "year’s"):
            offset = {"last": LAST_YEAR, "this": THIS_YEAR, "next": 1, "previous": LAST_YEAR}.get(s.lows[i])
            period = relative_year(offset, s.reader.published) if offset is not None else None
            if period is not None:
                s.take(i, i + 1)
                end = s.ends[i + 1] - (0 if s.lows[i + 1] == "year" else 2)
                s.facts.periods.append(PeriodMention(s.starts[i], end, period))
        elif s.lows[i] in _PAST and not ranked:
            _past_years(s, i)


def _past_years(s: Sentence, i: int) -> None:
    """ "the past ten years", "the last decade": the years before the publication year."""
    published = s.reader.published
    count, last = None, i + 1
    if s.lows[i + 1] in _TENS_OF_YEARS:
        count = _TENS_OF_YEARS[s.lows[i + 1]]
    elif s.low(i + 2) == "years":
        count, last = UNITS.get(s.low(i + 1)) or TEENS.get(s.low(i + 1)) or s.integer(i + 1), i + 2
    if count and count > 1 and published is not None:
        first = i - 1 if s.low(i - 1) == "the" else i
        s.take(first, last)
        s.period(first, last, years(published.year - count, published.year - 1))
